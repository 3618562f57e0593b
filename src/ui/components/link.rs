//! `A`, the app's link: leptos_router's `<A>`, with the base path the app
//! is deployed under put in front of the app's own absolute paths. The
//! router's `<A>` leaves "/tin-tuc" as it is, which under "/bantin/" would
//! leave the app.

use leptos::prelude::*;
use leptos_router::components::ToHref;
use leptos_router::hooks::use_location;

use crate::browser::config::app_href;
use crate::logic::routes;

/// A link inside the app. A plain `<a>`: the router follows any link
/// under its base in the app; this one adds the base and `aria-current`,
/// which the router's own `<A>` decides from the path alone (so every
/// `/tin-tuc?the=…` link was "current" on every news page).
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
    link(
        ArcMemo::new(move |_| app_href(&href.to_href()())),
        exact,
        children,
    )
}

/// [`A`] past its href's type: one copy in the wasm for every kind of href.
fn link(href: ArcMemo<String>, exact: bool, children: Children) -> AnyView {
    let location = use_location();
    // A memo: a new address re-decides every link on the page, but only
    // the links whose answer changed touch the DOM.
    let current = {
        let href = href.clone();
        Memo::new(move |_| {
            href.with(|h| {
                location.pathname.with(|p| {
                    location
                        .search
                        .with(|q| routes::is_link_current(h, exact, p, q))
                })
            })
        })
    };
    view! {
        <a href=move || href.get() aria-current=move || current.get().then_some("page")>
            {children()}
        </a>
    }
    .into_any()
}

/// A link drawn once, with no reactive work of its own: for views that are
/// drawn again whenever the address they depend on changes (a page of
/// search results: a few dozen links drawn per answer, each of which, as
/// an [`A`], made two memos and two effects and re-decided itself when
/// the address followed the answer).
/// `current`: the link is to the page shown (a filter that is on).
pub fn fixed_link(href: &str, current: bool, children: impl IntoView) -> impl IntoView {
    view! {
        <a href=app_href(href) aria-current=current.then_some("page")>
            {children}
        </a>
    }
}
