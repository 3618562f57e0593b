//! `/da-luu` ("Đã lưu"): the stories the reader saved on this device, the
//! last saved first, read from the saved cache, so the page works with no
//! network (`browser::caches::saved_articles`).

use leptos::prelude::*;

use crate::browser::caches;
use crate::browser::state::use_saved;
use crate::strings;
use crate::ui::components::article_card::ArticleCard;
use crate::ui::components::page_title::PageTitle;

#[component]
pub fn SavedPage() -> impl IntoView {
    let saved = use_saved();
    // Read again when a story is saved or unsaved (from a card here).
    let list = LocalResource::new(move || {
        saved.0.track();
        caches::saved_articles()
    });
    view! {
        <PageTitle text=strings::HEADING_SAVED.to_string()/>
        <h1>{strings::HEADING_SAVED}</h1>
        <p class="saved-intro">{strings::SAVED_INTRO}</p>
        {move || match list.get() {
            None => view! { <p role="status" data-pending="">{strings::LOADING}</p> }.into_any(),
            Some(list) if list.is_empty() => view! { <p class="notice">{strings::SAVED_NONE}</p> }.into_any(),
            Some(list) => view! {
                <div class="card-list card-list--news saved-list">
                    {list.into_iter().map(|a| view! { <ArticleCard article=a.summary top_level=true/> }).collect_view()}
                </div>
            }
            .into_any(),
        }}
    }
}
