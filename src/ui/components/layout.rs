//! The frame around every page: skip link, header with the site name and
//! navigation, and footer. The kiosk screen goes without it.

use crate::browser::service_worker;
use crate::ui::components::link::A;
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate};

use crate::browser::config::{app_base, app_href};
use crate::browser::state::use_feed;
use crate::logic::routes;
use crate::strings;
use crate::ui::components::offline_status::{OfflineBanner, UpdatePrompt};

/// The longest the loading screen waits for the feed index before the
/// frame shows with its own loading notice.
const BOOT_WAIT: std::time::Duration = std::time::Duration::from_millis(2500);

#[component]
pub fn Shell(children: Children) -> impl IntoView {
    let location = use_location();
    let base = app_base();
    let kiosk = Memo::new(move |_| {
        location
            .pathname
            .with(|p| routes::is_kiosk(routes::strip_base(p, &base)))
    });
    // A reader who moves around the app may have a new release waiting.
    Effect::new(move |first: Option<()>| {
        location.pathname.track();
        if first.is_some() {
            service_worker::check_after_navigation();
        }
    });
    // index.html's loading screen stays, and the frame stays hidden (CSS:
    // `body.booting`), until the feed index is here, has failed, or a
    // moment has passed: the header then appears with the site's own name
    // and the page with its content, instead of moving both once they
    // arrive (a layout shift).
    let feed = use_feed();
    let shown = RwSignal::new(false);
    let show = move || {
        if !shown.get_untracked() {
            shown.set(true);
            crate::browser::dom::end_boot();
        }
    };
    Effect::new(move |_| {
        if feed.index.with(Option::is_some) || feed.error.with(Option::is_some) {
            show();
        }
    });
    if cfg!(target_arch = "wasm32") {
        set_timeout(show, BOOT_WAIT);
    }
    view! {
        <UpdatePrompt/>
        <Show when=move || !kiosk.get()>
            <a class="skip-link" href="#noi-dung">{strings::SKIP_TO_CONTENT}</a>
            <Header/>
            <OfflineBanner/>
        </Show>
        <main id="noi-dung" tabindex="-1" class:kiosk-main=move || kiosk.get()>
            {children()}
        </main>
        <Show when=move || !kiosk.get()>
            <Footer/>
        </Show>
    }
}

/// The site's own name once the feed has said it, the app's name before.
fn site_name() -> impl Fn() -> String + Copy + Send + Sync + 'static {
    let feed = use_feed();
    move || {
        feed.index
            .with(|i| i.as_ref().map(|i| i.site.name.clone()))
            .unwrap_or_else(|| strings::APP_NAME.to_string())
    }
}

#[component]
fn Header() -> impl IntoView {
    let name = site_name();
    let open = RwSignal::new(false);
    let location = use_location();
    // Following a link closes the phone menu.
    Effect::new(move |_| {
        location.pathname.track();
        open.set(false);
    });
    let toggle_label = move || {
        if open.get() {
            strings::MENU_CLOSE
        } else {
            strings::MENU_OPEN
        }
    };

    view! {
        <header class="site-header">
            <div class="site-header__bar">
                <A href=routes::HOME attr:class="brand">
                    <span class="brand__name">{name}</span>
                    <span class="brand__tagline">{strings::APP_TAGLINE}</span>
                </A>
                <button
                    type="button"
                    class="menu-toggle"
                    aria-controls="main-nav"
                    aria-expanded=move || open.get().to_string()
                    aria-label=toggle_label
                    on:click=move |_| open.update(|o| *o = !*o)
                >
                    <span class="menu-toggle__icon" aria-hidden="true"></span>
                    {strings::MENU}
                </button>
            </div>
            <nav id="main-nav" class="main-nav" class:open=move || open.get() aria-label=strings::MAIN_NAV_LABEL>
                <ul>
                    {routes::NAV
                        .iter()
                        .map(|item| {
                            view! {
                                <li>
                                    <A href=item.href exact=item.href == routes::HOME>
                                        {item.label}
                                    </A>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </nav>
            <SearchBox/>
        </header>
    }
}

#[component]
fn Footer() -> impl IntoView {
    let feed = use_feed();
    let name = site_name();
    // The contact lines portals print in their footer.
    let contact = move || {
        feed.index.with(|i| {
            i.as_ref().map(|i| {
                let c = &i.site.contact;
                let lines: Vec<String> = [&c.address, &c.phone, &c.email, &c.editor, &c.license]
                    .into_iter()
                    .flatten()
                    .cloned()
                    .collect();
                view! { <address>{lines.into_iter().map(|l| view! { <span>{l}</span> }).collect_view()}</address> }
            })
        })
    };
    view! {
        <footer class="site-footer">
            <p class="site-footer__name">{name}</p>
            {contact}
            <p>{strings::FOOTER_ABOUT}</p>
            <p>{strings::FOOTER_SOURCE_NOTE}</p>
            <p class="site-footer__links">
                <A href=routes::OFFLINE>{strings::NAV_OFFLINE}</A>
                <A href=routes::KIOSK>{strings::NAV_KIOSK}</A>
            </p>
        </footer>
    }
}

/// The search box on every page: a real GET form to /tim-kiem, followed in
/// the app without a reload.
#[component]
fn SearchBox() -> impl IntoView {
    let navigate = use_navigate();
    let input = NodeRef::<leptos::html::Input>::new();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let q = input.get().map(|i| i.value()).unwrap_or_default();
        let q = q.trim();
        let href = routes::search(q);
        navigate(&href, Default::default());
    };
    view! {
        <form class="header-search" role="search" aria-label=strings::SEARCH_SITE_LANDMARK action=app_href(routes::SEARCH) method="get" on:submit=submit>
            <label>
                <span class="sr-only">{strings::SEARCH_LABEL}</span>
                <input node_ref=input type="search" name="q" placeholder=strings::SEARCH_PLACEHOLDER/>
            </label>
            <button type="submit" class="header-search__button">{strings::SEARCH_BUTTON}</button>
        </form>
    }
}
