// Mounts the app. Everything else lives in the library crate.
fn main() {
    bantin::ui::crash::install();
    bantin::mount();
}
