//! bantin: a reader for the news, working calendar and documents of
//! Vietnamese provincial party portals. This file holds the `App` and its
//! routes; the rest of the app lives in three layers, one folder each (see
//! ARCHITECTURE.md):
//!
//! - `logic/`: pure logic, no web-sys, tested natively with `cargo test`;
//! - `browser/`: the browser side: deployment settings, fetching, the
//!   app-wide state, the clock, the service worker and what it stores;
//! - `ui/`: the pages (one file each) and the pieces they share.
//!
//! `strings.rs` holds every word the reader sees. The feed format, its
//! validation and the text and date primitives are the `bantin-format`
//! crate's (crates/format).

// Rendered natively (`prerender`), the views' nested types run deep.
#![recursion_limit = "256"]

pub mod browser;
pub mod logic;
#[cfg(not(target_arch = "wasm32"))]
pub mod prerender;
pub mod strings;
pub mod ui;

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes as RouteList};
use leptos_router::path;

use crate::ui::components::layout::Shell;
use crate::ui::pages::{
    article::ArticlePage, calendar::CalendarPage, document::DocumentPage, documents::DocumentsPage,
    home::HomePage, kiosk::KioskPage, news::NewsListPage, not_found::NotFoundPage,
    offline::OfflinePage, saved::SavedPage, search::SearchPage,
};

/// The app: its shared state, created and started once here, and its
/// routes (paths from `logic::routes`).
#[component]
pub fn App() -> impl IntoView {
    let state = browser::state::provide_app_state();
    state.feed.start();
    browser::service_worker::register(state.offline);
    browser::storing::follow(state.feed, state.offline);
    browser::takeover::follow(state.feed);
    browser::visits::start(state.visits);
    browser::caches::load_saved(state.saved);
    view! { <Pages/> }
}

/// The frame and the pages, by address: what the browser runs and what the
/// feed tool's publish step renders natively (`prerender`), so a published
/// page and the app that takes it over are drawn by the same components.
#[component]
pub fn Pages() -> impl IntoView {
    // Under a sub-path ("/bantin/"), links and routes are under it too.
    let base = logic::routes::router_base(&browser::config::app_base());
    view! {
        <Router base=base>
            <Shell>
                <RouteList fallback=|| view! { <NotFoundPage/> }>
                    <Route path=path!("/") view=HomePage/>
                    <Route path=path!("/tin-tuc") view=NewsListPage/>
                    <Route path=path!("/tin-tuc/:slug") view=ArticlePage/>
                    <Route path=path!("/lich-cong-tac") view=CalendarPage/>
                    <Route path=path!("/van-ban") view=DocumentsPage/>
                    <Route path=path!("/van-ban/:id") view=DocumentPage/>
                    <Route path=path!("/tim-kiem") view=SearchPage/>
                    <Route path=path!("/kiosk") view=KioskPage/>
                    <Route path=path!("/ngoai-tuyen") view=OfflinePage/>
                    <Route path=path!("/da-luu") view=SavedPage/>
                </RouteList>
            </Shell>
        </Router>
    }
}

/// Mounts the app. The loading screen that index.html shows while the
/// wasm downloads stays until the frame has its feed (see `Shell`); a
/// published page stays until the app has the same screen drawn
/// (`browser::takeover`).
pub fn mount() {
    // Compiling the wasm and drawing the app: two tasks, not one long one
    // that a tap would wait for.
    leptos::prelude::set_timeout(mount_now, std::time::Duration::ZERO);
}

fn mount_now() {
    // A returning reader's text size holds from the first paint.
    crate::ui::components::reading_tools::restore_text_size();
    // A published page: the app renders beside it and takes its place.
    match browser::takeover::mount_point() {
        Some(twin) => leptos::mount::mount_to(twin, App).forget(),
        None => leptos::mount::mount_to_body(App),
    }
}
