use crate::ui::components::link::A;
use leptos::prelude::*;

use bantin_format::display;
use bantin_format::model::ArticleSummary;

use crate::browser::config::feed_url;
use crate::browser::state::use_visits;
use crate::logic::{meta_lines, routes};
use crate::strings;
use crate::ui::components::save_button::SaveButton;

/// One story in a list: thumbnail, title, date, views and sapo; marked
/// "Mới" when it was published since the reader's previous visit.
#[component]
pub fn ArticleCard(
    article: ArticleSummary,
    #[prop(optional)] large: bool,
    /// The title is a level-2 heading: in a list right under the page's h1.
    #[prop(optional)]
    top_level: bool,
) -> impl IntoView {
    let href = routes::article(&article.slug);
    let slug = article.slug.clone();
    let visits = use_visits();
    let published = article.published.clone();
    let is_new = Signal::derive(move || visits.is_new(&published));
    let cover = article.cover.clone().map(|c| {
        view! {
            <img
                class="card__image"
                src=feed_url(&c.src)
                alt=bantin_format::alt::img_alt(&c, false)
                width=c.width.unwrap_or(640)
                height=c.height.unwrap_or(360)
                loading=if large { "eager" } else { "lazy" }
                decoding="async"
            />
        }
    });
    let heading = if large || top_level {
        view! { <h2 class="card__title"><A href=href.clone()>{article.title.clone()}</A></h2> }
            .into_any()
    } else {
        view! { <h3 class="card__title"><A href=href.clone()>{article.title.clone()}</A></h3> }
            .into_any()
    };
    view! {
        <article class="card" class:card--large=large class:card--new=move || is_new.get()>
            {cover}
            <div class="card__body">
                {heading}
                <p class="card__meta">
                    <time datetime=display::story_time_attr(&article.published, article.date_only)>
                        {display::story_time(&article.published, article.date_only)}
                    </time>
                    {meta_lines::views(article.views).map(|v| format!(" · {v}"))}
                    {move || is_new.get().then(|| view! {
                        " " <span class="card__new" title=strings::NEW_SINCE_VISIT>{strings::NEW_MARK}</span>
                    })}
                </p>
                <p class="card__sapo">{article.sapo}</p>
                <p class="card__tools"><SaveButton slug=slug/></p>
            </div>
        </article>
    }
}
