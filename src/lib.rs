//! bantin: a reader for the news, working calendar and documents of
//! Vietnamese provincial party portals. `App` holds the routes; pages live
//! in `pages/`, shared pieces in `components/`. The feed format, its
//! validation and the text and date primitives are the `bantin-format`
//! crate's (crates/format).

// Pure logic: no web-sys, tested natively.
pub mod calendar;
pub mod documents;
pub mod ics;
pub mod kiosk;
pub mod offline;
pub mod qr;
pub mod routes;
pub mod search;
pub mod strings;

// The user interface.
pub mod api;
pub mod browser;
pub mod clock;
pub mod components;
pub mod crash;
pub mod pages;
pub mod pwa;

pub use app::{mount, App};

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
