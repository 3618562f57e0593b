use leptos::prelude::*;

use bantin_format::text;

use crate::browser::dom;
use crate::strings;

/// Sets the browser tab's title ("Tin tức · Bản tin") while the page shows.
/// The page's part often comes from the feed (a story's title, a document's
/// number, the site's name), so it is isolated (U+2068 … U+2069): a
/// direction override in it cannot reverse " · Bản tin" after it.
#[component]
pub fn PageTitle(#[prop(into)] text: Signal<String>) -> impl IntoView {
    let set = move |text: String| {
        let title = if text.is_empty() {
            strings::APP_NAME.to_string()
        } else {
            format!("{} · {}", text::isolate(&text), strings::APP_NAME)
        };
        dom::set_title(&title, &text);
    };
    // Rendered natively, effects do not run: the published page's <title>
    // is taken from here.
    if cfg!(not(target_arch = "wasm32")) {
        set(text.get_untracked());
    }
    Effect::new(move |_| set(text.get()));
}
