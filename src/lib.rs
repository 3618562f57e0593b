//! bantin: a reader for the news, working calendar and documents of
//! Vietnamese provincial party portals. `App` holds the routes; pages live
//! in `pages/`, shared pieces in `components/`.

pub mod crash;
pub mod datetime;
pub mod feed;
pub mod routes;
pub mod strings;

pub mod components;
pub mod pages;

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

use components::layout::Shell;
use pages::{
    article::ArticlePage, calendar::CalendarPage, document::DocumentPage, documents::DocumentsPage,
    home::HomePage, kiosk::KioskPage, news::NewsPage, not_found::NotFoundPage, search::SearchPage,
};

#[component]
pub fn App() -> impl IntoView {
    view! {
        <Router>
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
                </Routes>
            </Shell>
        </Router>
    }
}

/// Mounts the app in place of the loading screen that index.html shows
/// while the wasm downloads.
pub fn mount() {
    let document = document();
    if let Some(boot) = document.get_element_by_id("boot") {
        boot.remove();
    }
    leptos::mount::mount_to_body(App);
}
