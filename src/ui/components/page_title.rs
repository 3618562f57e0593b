use leptos::prelude::*;

use crate::strings;

/// Sets the browser tab's title ("Tin tức · Bản tin") while the page shows.
#[component]
pub fn PageTitle(#[prop(into)] text: Signal<String>) -> impl IntoView {
    Effect::new(move |_| {
        let text = text.get();
        let title = if text.is_empty() {
            strings::APP_NAME.to_string()
        } else {
            format!("{text} · {}", strings::APP_NAME)
        };
        document().set_title(&title);
    });
}
