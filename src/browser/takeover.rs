//! Taking over a published page (`bantin-feed publish`): the page arrives
//! holding its first screen, drawn by the same components; the app renders
//! into a hidden twin (`#app`) and, once that has its content, swaps it for
//! the published one (`#prerender`) in one step, so nothing on screen
//! moves, flashes or blanks. What the app shows then is the current feed,
//! so a headline published since the page was written is there.
//!
//! A published page whose address is not the reader's (the same file
//! answers `/lich-cong-tac?tuan=…`) is dropped at once for the loading
//! screen, as an unpublished page would show. While the app has only an
//! error to show, the published content stays.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::browser::dom;
use crate::browser::state::FeedState;

const PUBLISHED: &str = "prerender";

thread_local! {
    /// Whether this visit began on a published page the app took over.
    static FROM_PUBLISHED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Whether this visit began on a published page (a reader who came by a
/// link): the first seconds are spent reading it, on a phone that may be
/// slow, and the background storing leaves them alone.
pub fn began_published() -> bool {
    FROM_PUBLISHED.with(std::cell::Cell::get)
}
const TWIN: &str = "app";
/// Marks content on its way (`ui::components::feed_notice::Loading`…):
/// the twin is not ready while it holds one.
pub const PENDING: &str = "data-pending";

fn document() -> Option<web_sys::Document> {
    dom::window()?.document()
}

/// Where to mount the app: a hidden twin when the page was published for
/// this address, else `None` (the body, as for index.html).
pub fn mount_point() -> Option<web_sys::HtmlElement> {
    let document = document()?;
    let published = document.get_element_by_id(PUBLISHED)?;
    let body = document.body()?;
    if !is_for_this_address(&document) {
        // The loading screen already shows (style/main.css, .other-page);
        // the frame stays hidden behind it until the feed is here (Shell).
        published.remove();
        let _ = body.class_list().add_1("booting");
        return None;
    }
    FROM_PUBLISHED.with(|f| f.set(true));
    let twin = document.create_element("div").ok()?;
    twin.set_id(TWIN);
    let _ = twin.set_attribute("hidden", "");
    body.append_child(&twin).ok()?;
    twin.dyn_into().ok()
}

/// Whether the published page is the one the reader's address asks for:
/// public/prefs.js, which runs before the first paint, marks <html>
/// `other-page` when it is not (the one place that decides it).
fn is_for_this_address(document: &web_sys::Document) -> bool {
    document
        .document_element()
        .is_some_and(|root| !root.class_list().contains("other-page"))
}

/// Whether a published page is still on screen, the app not yet in its
/// place: the reader may have scrolled it, so nothing scrolls for them.
pub fn under_way() -> bool {
    document().is_some_and(|d| d.get_element_by_id(PUBLISHED).is_some())
}

/// Swaps the twin in once the feed is here and the twin's content is
/// (checked each frame: pages load their own files after the index). While
/// the feed cannot be loaded and nothing was ever shown, the published page
/// stays and the app's notice (the reason, and "Thử lại") is lent to it.
pub fn follow(feed: FeedState) {
    let Some(document) = document() else { return };
    if document.get_element_by_id(PUBLISHED).is_none() {
        return;
    }
    Effect::new(move |started: Option<bool>| {
        if started == Some(true) {
            return true;
        }
        if feed.index.with(Option::is_none) {
            if feed.error.with(Option::is_some) {
                dom::next_frame(lend_notice);
            }
            return false;
        }
        request_animation_frame(swap_when_ready);
        true
    });
}

/// The twin's feed notice, moved to the top of the published page's main
/// (it keeps its button; the app removes it when the feed comes).
fn lend_notice() {
    let Some(document) = document() else { return };
    let notice = document
        .query_selector(&format!("#{TWIN} .notice--error"))
        .ok()
        .flatten();
    let main = document
        .query_selector(&format!("#{PUBLISHED} main"))
        .ok()
        .flatten();
    if let (Some(notice), Some(main)) = (notice, main) {
        let _ = main.prepend_with_node_1(&notice);
    }
}

fn swap_when_ready() {
    let Some(document) = document() else { return };
    let (Some(published), Some(twin)) = (
        document.get_element_by_id(PUBLISHED),
        document.get_element_by_id(TWIN),
    ) else {
        return;
    };
    let holds = |selector: &str| twin.query_selector(selector).ok().flatten().is_some();
    // A page that failed with nothing else to show (its story could not be
    // loaded): the published content stays, and the looking stops.
    if holds(".notice--error:not([data-keeps-content])") {
        return;
    }
    if holds(&format!("[{PENDING}]")) || !holds("main") {
        request_animation_frame(swap_when_ready);
        return;
    }
    published.remove();
    let _ = twin.remove_attribute("hidden");
}
