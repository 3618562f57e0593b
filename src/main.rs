// Mounts the app. Everything else lives in the library crate.
fn main() {
    bantin::crash::install();
    bantin::mount();
}
