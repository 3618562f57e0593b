//! `A`, the app's link: leptos_router's `<A>`, with the base path the app
//! is deployed under put in front of the app's own absolute paths. The
//! router's `<A>` leaves "/tin-tuc" as it is, which under "/bantin/" would
//! leave the app.

use leptos::prelude::*;
use leptos_router::components::ToHref;

use crate::api::app_base;

/// The app path `href` ("/tin-tuc?trang=2") as the browser needs it.
pub fn with_base(href: String) -> String {
    let base = app_base();
    let base = base.trim_end_matches('/');
    if !base.is_empty() && href.starts_with('/') && !href.starts_with("//") {
        format!("{base}{href}")
    } else {
        href
    }
}

#[component]
pub fn A<H>(
    href: H,
    /// Marked current only on this exact path (home), not on its sub-pages.
    #[prop(optional)]
    exact: bool,
    children: Children,
) -> impl IntoView
where
    H: ToHref + Send + Sync + 'static,
{
    let href = ArcMemo::new(move |_| with_base(href.to_href()()));
    view! {
        <leptos_router::components::A href=move || href.get() exact=exact>
            {children()}
        </leptos_router::components::A>
    }
}
