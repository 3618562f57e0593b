//! The "Xem nhiều" block: the most read stories of the site or of one
//! category, from the index (`logic::most_read`), with the same cards as
//! every other list. Nothing when the feed lists none.

use leptos::prelude::*;

use crate::browser::state::use_feed;
use crate::logic::most_read;
use crate::strings;
use crate::ui::components::article_card::ArticleCard;

#[component]
pub fn MostRead(
    /// A category's id; none for the whole site.
    #[prop(into)]
    category: Signal<Option<String>>,
) -> impl IntoView {
    let feed = use_feed();
    let stories = move || {
        feed.index.with(|i| {
            i.as_ref()
                .map(|i| most_read::stories(i, category.get().as_deref()))
                .unwrap_or_default()
        })
    };
    move || {
        let list = stories();
        (!list.is_empty()).then(|| {
            view! {
                <section class="block most-read" aria-labelledby="xem-nhieu">
                    <h2 class="block__title" id="xem-nhieu">{strings::MOST_READ}</h2>
                    <div class="card-list">
                        {list.into_iter().map(|article| view! { <ArticleCard article/> }).collect_view()}
                    </div>
                </section>
            }
        })
    }
}
