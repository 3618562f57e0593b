use leptos::prelude::*;

use bantin_format::text;

use crate::browser::dom;
use crate::browser::state::{use_feed, use_visits};
use crate::logic::visits::title_with_count;
use crate::strings;

/// Sets the browser tab's title ("Tin tức · Bản tin") while the page shows.
/// The page's part often comes from the feed (a story's title, a document's
/// number, the site's name), so it is isolated (U+2068 … U+2069): a
/// direction override in it cannot reverse " · Bản tin" after it. The
/// count of stories new since the reader's previous visit and not opened
/// yet goes in front ("(3) Tin tức · Bản tin"; `logic::visits`).
#[component]
pub fn PageTitle(#[prop(into)] text: Signal<String>) -> impl IntoView {
    let feed = use_feed();
    let visits = use_visits();
    let unseen = move || {
        feed.index.with(|i| {
            i.as_ref()
                .map_or(0, |i| visits.0.with(|v| v.unseen(&i.latest)))
        })
    };
    let set = move |text: String, count: usize| {
        let title = if text.is_empty() {
            strings::APP_NAME.to_string()
        } else {
            format!("{} · {}", text::isolate(&text), strings::APP_NAME)
        };
        dom::set_title(&title_with_count(count, &title), &text);
    };
    // Rendered natively, effects do not run: the published page's <title>
    // is taken from here.
    if cfg!(not(target_arch = "wasm32")) {
        set(text.get_untracked(), 0);
    }
    Effect::new(move |_| set(text.get(), unseen()));
}
