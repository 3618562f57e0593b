//! Small pieces of browser glue: the meta description, stored
//! preferences, printing, sharing and the clipboard, and the one way the
//! app listens to a browser event for the life of the page. Optional
//! browser features are reached through `js_sys::Reflect`, so a browser
//! without them degrades instead of throwing.

use js_sys::{Function, Object, Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::logic::board;

/// The browser window; none when the page is rendered natively (the
/// publish step), so browser glue quietly does nothing there.
pub fn window() -> Option<web_sys::Window> {
    if cfg!(target_arch = "wasm32") {
        web_sys::window()
    } else {
        None
    }
}

// Rendered natively (the publish step), the tab title and description a
// page sets are kept for the published page's <head>.
#[cfg(not(target_arch = "wasm32"))]
thread_local! {
    static NATIVE_HEAD: std::cell::RefCell<NativeHead> =
        std::cell::RefCell::new(NativeHead::default());
}

/// Natively, what the last rendered page said about itself.
#[cfg(not(target_arch = "wasm32"))]
#[derive(Default)]
pub struct NativeHead {
    /// The tab title, as the browser would show it.
    pub title: Option<String>,
    /// The page's own name in it (a story's title), for link previews.
    pub name: Option<String>,
    pub description: Option<String>,
}

/// Natively, what the last rendered page said about itself, cleared.
#[cfg(not(target_arch = "wasm32"))]
pub fn take_native_head() -> NativeHead {
    NATIVE_HEAD.with(|h| std::mem::take(&mut *h.borrow_mut()))
}

/// Runs `f` before the next paint; never when rendered natively.
pub fn next_frame(f: impl FnOnce() + 'static) {
    if window().is_some() {
        leptos::prelude::request_animation_frame(f);
    }
}

/// Sets the browser tab's title; `name` is the page's own part of it.
pub fn set_title(title: &str, name: &str) {
    #[cfg(not(target_arch = "wasm32"))]
    NATIVE_HEAD.with(|h| {
        let mut h = h.borrow_mut();
        h.title = Some(title.to_string());
        h.name = Some(name.to_string());
    });
    let _ = name;
    if let Some(document) = window().and_then(|w| w.document()) {
        document.set_title(title);
    }
}

/// Sets `<meta name="description">` (created if index.html lacks it).
pub fn set_meta_description(text: &str) {
    #[cfg(not(target_arch = "wasm32"))]
    NATIVE_HEAD.with(|h| h.borrow_mut().description = Some(text.to_string()));
    let Some(document) = window().and_then(|w| w.document()) else {
        return;
    };
    let meta = match document
        .query_selector("meta[name='description']")
        .ok()
        .flatten()
    {
        Some(m) => m,
        None => {
            let Ok(m) = document.create_element("meta") else {
                return;
            };
            let _ = m.set_attribute("name", "description");
            if let Some(head) = document.head() {
                let _ = head.append_child(&m);
            }
            m
        }
    };
    let _ = meta.set_attribute("content", text);
}

fn storage() -> Option<web_sys::Storage> {
    window()?.local_storage().ok().flatten()
}

/// A stored preference; `None` when absent or storage is blocked.
pub fn load_pref(key: &str) -> Option<String> {
    storage()?.get_item(key).ok().flatten()
}

/// Stores a preference; a full or blocked storage only loses the preference.
pub fn save_pref(key: &str, value: &str) {
    if let Some(s) = storage() {
        let _ = s.set_item(key, value);
    }
}

/// Sets a data attribute on <html>, where the stylesheet reads reader settings.
pub fn set_root_data(name: &str, value: &str) {
    if let Some(root) = window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = root.set_attribute(&format!("data-{name}"), value);
    }
}

pub fn print() {
    if let Some(w) = window() {
        let _ = w.print();
    }
}

pub fn current_url() -> String {
    window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default()
}

/// The page's origin ("https://example.org"); empty when rendered natively.
pub fn origin() -> String {
    window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default()
}

/// How a share ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shared {
    /// The system share sheet took it (or the reader closed it).
    Sheet,
    /// The link went to the clipboard.
    Copied,
    Failed,
}

fn navigator() -> Option<JsValue> {
    window().map(|w| w.navigator().into())
}

fn method(target: &JsValue, name: &str) -> Option<Function> {
    Reflect::get(target, &name.into())
        .ok()?
        .dyn_into::<Function>()
        .ok()
}

/// Shares a page: the Web Share API where the browser has it, else copies
/// the link to the clipboard.
pub async fn share(title: &str, url: &str) -> Shared {
    let Some(nav) = navigator() else {
        return Shared::Failed;
    };
    if let Some(share) = method(&nav, "share") {
        let data = Object::new();
        let _ = Reflect::set(&data, &"title".into(), &title.into());
        let _ = Reflect::set(&data, &"url".into(), &url.into());
        if let Ok(promise) = share.call1(&nav, &data) {
            if let Ok(promise) = promise.dyn_into::<Promise>() {
                // A reader who closes the sheet is not a failure.
                let _ = JsFuture::from(promise).await;
                return Shared::Sheet;
            }
        }
    }
    copy_text(url).await
}

pub async fn copy_text(text: &str) -> Shared {
    let clipboard = navigator()
        .and_then(|n| Reflect::get(&n, &"clipboard".into()).ok())
        .filter(|c| !c.is_undefined());
    let Some(clipboard) = clipboard else {
        return Shared::Failed;
    };
    let Some(write) = method(&clipboard, "writeText") else {
        return Shared::Failed;
    };
    let Some(promise) = write
        .call1(&clipboard, &text.into())
        .ok()
        .and_then(|p| p.dyn_into::<Promise>().ok())
    else {
        return Shared::Failed;
    };
    if JsFuture::from(promise).await.is_ok() {
        Shared::Copied
    } else {
        Shared::Failed
    }
}

/// Offers `text` as a file download (the .ics exports). Works on phones:
/// a real link with the download attribute and the file's name.
pub fn download_text(file_name: &str, media_type: &str, text: &str) -> Result<(), JsValue> {
    let window = window().ok_or("no window")?;
    let document = window.document().ok_or("no document")?;
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(media_type);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let link: web_sys::HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
    link.set_href(&url);
    link.set_download(file_name);
    link.set_hidden(true);
    let body = document.body().ok_or("no body")?;
    body.append_child(&link)?;
    link.click();
    link.remove();
    web_sys::Url::revoke_object_url(&url)?;
    Ok(())
}

/// The class on the element being read aloud.
const READING_CLASS: &str = "listen-now";

/// Marks the element `selector` names as the one being read aloud (and
/// unmarks the one before), bringing it to the middle of the screen; none
/// unmarks.
pub fn mark_reading(selector: Option<&str>) {
    let Some(document) = window().and_then(|w| w.document()) else {
        return;
    };
    let classes = |el: &web_sys::Element, with: bool| {
        let mut rest: Vec<String> = el
            .class_name()
            .split_whitespace()
            .filter(|c| *c != READING_CLASS)
            .map(String::from)
            .collect();
        if with {
            rest.push(READING_CLASS.to_string());
        }
        el.set_class_name(&rest.join(" "));
    };
    while let Some(el) = document
        .query_selector(&format!(".{READING_CLASS}"))
        .ok()
        .flatten()
    {
        classes(&el, false);
    }
    let Some(el) = selector.and_then(|s| document.query_selector(s).ok().flatten()) else {
        return;
    };
    classes(&el, true);
    let options = Object::new();
    let _ = Reflect::set(&options, &"block".into(), &"center".into());
    match method(&el, "scrollIntoView") {
        Some(f) => {
            let _ = f.call1(&el, &options);
        }
        None => el.scroll_into_view_with_bool(false),
    }
}

/// Sets a number property of a browser object (a media element's
/// `playbackRate`), where it has one.
pub fn set_number(target: &JsValue, name: &str, value: f64) {
    let _ = Reflect::set(target, &name.into(), &value.into());
}

/// Brings an element into view (the calendar's current entry).
pub fn scroll_into_view(selector: &str) {
    if let Some(el) = window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector(selector).ok().flatten())
    {
        el.scroll_into_view_with_bool(false);
    }
}

/// A decimal number's value, where the text is one ([`board::is_decimal`]):
/// in the browser JavaScript's `parseFloat` converts it (it reads the same
/// syntax, and the whole text, which is all decimal), so the wasm carries
/// no float parser of its own (its tables alone are 10 KB). Both round to
/// the nearest double, so the value is the one `str::parse` gives, which
/// the native build (tests, prerendering) uses.
pub fn decimal(s: &str) -> Option<f64> {
    if !board::is_decimal(s) {
        return None;
    }
    #[cfg(target_arch = "wasm32")]
    {
        Some(js_sys::parse_float(s))
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        s.parse().ok()
    }
}

/// The viewport is phone-sized (the layouts switch at 640 px).
pub fn is_narrow() -> bool {
    window()
        .and_then(|w| w.inner_width().ok())
        .and_then(|v| v.as_f64())
        .is_some_and(|w| w < 640.0)
}

/// Asks the screen to stay on (Screen Wake Lock API), where the browser has
/// it. The lock is dropped when the tab is hidden; call again when visible.
pub fn request_wake_lock() {
    let Some(lock) = navigator().and_then(|n| Reflect::get(&n, &"wakeLock".into()).ok()) else {
        return;
    };
    let Some(request) = method(&lock, "request") else {
        return;
    };
    if let Ok(promise) = request.call1(&lock, &"screen".into()) {
        if let Ok(promise) = promise.dyn_into::<Promise>() {
            // Refused (no user gesture yet, battery saver): the screen may sleep.
            wasm_bindgen_futures::spawn_local(async move {
                let _ = JsFuture::from(promise).await;
            });
        }
    }
}

/// Ends index.html's loading screen: removes it and the `booting` class
/// that keeps the app's frame hidden behind it.
pub fn end_boot() {
    let Some(document) = window().and_then(|w| w.document()) else {
        return;
    };
    if let Some(boot) = document.get_element_by_id("boot") {
        boot.remove();
    }
    if let Some(body) = document.body() {
        let rest: Vec<String> = body
            .class_name()
            .split_whitespace()
            .filter(|c| *c != "booting")
            .map(String::from)
            .collect();
        body.set_class_name(&rest.join(" "));
    }
}

/// Runs `f` on each `event` of `target` for the life of the page (the
/// listener is never removed, so its closure is leaked on purpose).
pub fn listen(target: &web_sys::EventTarget, event: &str, f: impl FnMut() + 'static) {
    let closure = wasm_bindgen::closure::Closure::<dyn FnMut()>::new(f);
    let _ = target.add_event_listener_with_callback(event, closure.as_ref().unchecked_ref());
    closure.forget();
}

/// Lets the browser run its other tasks (paint, input) before going on: a
/// long piece of work split at such points blocks no tap for long.
pub async fn yield_to_browser() {
    sleep(std::time::Duration::ZERO).await;
}

/// Waits `duration` (a timer, so other tasks run meanwhile). Natively there
/// is nothing to wait for.
pub async fn sleep(duration: std::time::Duration) {
    if window().is_none() {
        return;
    }
    let promise = Promise::new(&mut |resolve, _| {
        leptos::prelude::set_timeout(
            move || {
                let _ = resolve.call0(&JsValue::NULL);
            },
            duration,
        );
    });
    let _ = wait(promise).await;
}

/// Awaits a JavaScript promise.
pub async fn wait(promise: js_sys::Promise) -> Result<JsValue, JsValue> {
    JsFuture::from(promise).await
}
