//! "Lưu bài": a toggle that saves a story and its pictures for reading
//! offline until it is unsaved (`browser::caches::save_article`), on the
//! article page and on every card. Pressed while the story is saved.

use bantin_format::model::Article;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::browser::state::use_saved;
use crate::browser::{caches, loaders};
use crate::strings;

#[component]
pub fn SaveButton(
    #[prop(into)] slug: String,
    /// The article, when the page has it (a card fetches it on a tap).
    #[prop(optional)]
    article: Option<Article>,
) -> impl IntoView {
    let saved = use_saved();
    let busy = RwSignal::new(false);
    let failed = RwSignal::new(false);
    let slug = StoredValue::new(slug);
    let article = StoredValue::new(article);
    let is_saved = move || saved.has(&slug.get_value());
    let toggle = move |_| {
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        failed.set(false);
        let was = is_saved();
        spawn_local(async move {
            let slug = slug.get_value();
            let loaded = match article.get_value() {
                Some(a) => Ok(a),
                None => loaders::load_article(&slug).await,
            };
            match loaded {
                Ok(a) if was => {
                    caches::unsave_article(&a).await;
                    saved.remove(&slug);
                }
                Ok(a) => match caches::save_article(&a).await {
                    Ok(()) => saved.add(&slug),
                    Err(()) => failed.set(true),
                },
                Err(_) => failed.set(true),
            }
            busy.set(false);
        });
    };
    view! {
        <button type="button" class="tool tool--wide save"
            aria-pressed=move || is_saved().to_string()
            aria-busy=move || busy.get().to_string()
            on:click=toggle>{strings::SAVE_ARTICLE}</button>
        <Show when=move || failed.get()>
            <span class="save__failed" role="alert">{strings::SAVE_FAILED}</span>
        </Show>
    }
}
