//! bantin: a reader for the news, working calendar and documents of
//! Vietnamese provincial party portals. `App` holds the routes; pages live
//! in `pages/`, shared pieces in `components/`.

// Pure logic: no web-sys, tested natively, shared with the bantin-feed CLI.
pub mod calendar;
pub mod datetime;
pub mod documents;
pub mod feed;
pub mod format;
pub mod ics;
pub mod kiosk;
pub mod offline;
pub mod qr;
pub mod routes;
pub mod search;
pub mod strings;
pub mod text;

// The user interface (feature "app", on by default).
#[cfg(feature = "app")]
pub mod api;
#[cfg(feature = "app")]
pub mod browser;
#[cfg(feature = "app")]
pub mod clock;
#[cfg(feature = "app")]
pub mod components;
#[cfg(feature = "app")]
pub mod crash;
#[cfg(feature = "app")]
pub mod pages;
#[cfg(feature = "app")]
pub mod pwa;

#[cfg(feature = "app")]
pub use app::{mount, App};

#[cfg(feature = "app")]
mod app {
    use leptos::prelude::*;
    use leptos_router::components::{Route, Router, Routes};
    use leptos_router::path;

    use crate::components::layout::Shell;
    use crate::pages::{
        article::ArticlePage, calendar::CalendarPage, document::DocumentPage,
        documents::DocumentsPage, home::HomePage, kiosk::KioskPage, news::NewsPage,
        not_found::NotFoundPage, offline::OfflinePage, search::SearchPage,
    };

    #[component]
    pub fn App() -> impl IntoView {
        crate::api::provide_feed();
        crate::pwa::register();
        // Under a sub-path ("/bantin/"), links and routes are under it too.
        let base = crate::api::app_base().trim_end_matches('/').to_string();
        view! {
            <Router base=base>
                <Shell>
                    <Routes fallback=|| view! { <NotFoundPage/> }>
                        <Route path=path!("/") view=HomePage/>
                        <Route path=path!("/tin-tuc") view=NewsPage/>
                        <Route path=path!("/tin-tuc/:slug") view=ArticlePage/>
                        <Route path=path!("/lich-cong-tac") view=CalendarPage/>
                        <Route path=path!("/van-ban") view=DocumentsPage/>
                        <Route path=path!("/van-ban/:id") view=DocumentPage/>
                        <Route path=path!("/tim-kiem") view=SearchPage/>
                        <Route path=path!("/kiosk") view=KioskPage/>
                        <Route path=path!("/ngoai-tuyen") view=OfflinePage/>
                    </Routes>
                </Shell>
            </Router>
        }
    }

    /// Mounts the app. The loading screen that index.html shows while the
    /// wasm downloads stays until the frame has its feed (see `Shell`).
    pub fn mount() {
        // A returning reader's text size holds from the first paint.
        crate::components::reading_tools::restore_text_size();
        leptos::mount::mount_to_body(App);
    }
}
