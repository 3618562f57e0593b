//! The deployment's settings, read from index.html: the base path the app
//! is served under and the release label (both written by the build), and
//! where the feed lives (`<meta name="bantin-feed">`, set by whoever
//! deploys). Never taken from the page's URL. Addresses are built by
//! `logic::routes`; this only supplies the base they go under.

use bantin_format::validate::{is_safe_url, UrlUse};

use crate::logic::routes;

/// Where the feed is when the deployment does not say (under the app's base).
const DEFAULT_FEED_BASE: &str = "feed/";

/// The content of `<meta name="{name}">` in index.html, if safe as a URL.
fn meta(name: &str) -> Option<String> {
    raw_meta(name)
        .map(|s| s.trim().to_string())
        .filter(|s| is_safe_url(s, UrlUse::Link))
}

#[cfg(target_arch = "wasm32")]
fn raw_meta(name: &str) -> Option<String> {
    web_sys::window()?
        .document()?
        .query_selector(&format!("meta[name='{name}']"))
        .ok()
        .flatten()
        .and_then(|m| m.get_attribute("content"))
}

// Rendered natively (the publish step), the page is the release's
// index.html that the page will be written into: its tags say the same.
#[cfg(not(target_arch = "wasm32"))]
thread_local! {
    static NATIVE_META: std::cell::RefCell<Vec<(String, String)>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

#[cfg(not(target_arch = "wasm32"))]
fn raw_meta(name: &str) -> Option<String> {
    NATIVE_META.with(|m| {
        m.borrow()
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.clone())
    })
}

/// Natively, the deployment's `<meta name content>` pairs, read from the
/// release's index.html. Set before anything renders on this thread (the
/// base path and the feed's address are read once per thread).
#[cfg(not(target_arch = "wasm32"))]
pub fn set_native_deployment(metas: Vec<(String, String)>) {
    NATIVE_META.with(|m| *m.borrow_mut() = metas);
}

/// The path the app is deployed under ("/" or "/bantin/"), written into
/// index.html by the build from trunk's `--public-url`.
pub fn app_base() -> String {
    thread_local! {
        // index.html does not change while the page lives.
        static BASE: String = routes::normalize_base(meta("bantin-base").as_deref());
    }
    BASE.with(Clone::clone)
}

/// An app path ("/tin-tuc?trang=2", from `logic::routes`) as the browser
/// needs it: under the base path.
pub fn app_href(path: &str) -> String {
    routes::with_base(&app_base(), path)
}

/// The feed's base URL, from `<meta name="bantin-feed" content="…">`. A
/// relative value is under the app's base path.
pub fn feed_base() -> String {
    thread_local! {
        // Read once, as the base path is: every fetch asks for it, and a
        // search's parts are many fetches on a slow phone.
        static FEED: String = routes::feed_base(
            &app_base(),
            &meta("bantin-feed").unwrap_or_else(|| DEFAULT_FEED_BASE.to_string()),
        );
    }
    FEED.with(Clone::clone)
}

/// A file of the feed, by its path inside the feed directory
/// (`bantin_format::pack`'s paths).
pub fn feed_file(path: &str) -> String {
    format!("{}{path}", feed_base())
}

/// A URL found in the feed, resolved for use in the page (see
/// `routes::resolve_feed_url`).
pub fn feed_url(url: &str) -> String {
    routes::resolve_feed_url(&app_base(), &feed_base(), url)
}

/// A URL made absolute against the page, as the Cache API keys them.
pub fn absolute(url: &str) -> String {
    let page = crate::browser::dom::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default();
    web_sys::Url::new_with_base(url, &page)
        .map(|u| u.href())
        .unwrap_or_else(|_| url.to_string())
}

/// This release's label, written into index.html by the build.
pub fn release() -> String {
    meta("bantin-release").unwrap_or_default()
}
