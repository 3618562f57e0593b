//! `/tin-tuc/{slug}`: one article: its body drawn from typed blocks, its
//! date, views, author, source and tags, the reading tools (text size,
//! print, share, e-mail, save), listening, the newer and older stories and related ones.

use std::sync::Arc;

use crate::browser::loaders;
use crate::browser::state;
use crate::ui::components::link::A;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use bantin_format::model::{Article, ArticleSummary, Index};
use bantin_format::{display, text};

use crate::browser::config::feed_url;
use crate::browser::dom;
use crate::browser::http::LoadError;
use crate::browser::state::use_feed;
use crate::logic::{meta_lines, routes};
use crate::strings;
use crate::ui::components::article_body::ArticleBody;
use crate::ui::components::article_card::ArticleCard;
use crate::ui::components::feed_notice::{Failed, Loading};
use crate::ui::components::later::Later;
use crate::ui::components::listen::Listen;
use crate::ui::components::page_title::PageTitle;
use crate::ui::components::reading_tools::ReadingTools;

#[component]
pub fn ArticlePage() -> impl IntoView {
    let params = use_params_map();
    let slug = move || params.read().get("slug").unwrap_or_default();
    let article = LocalResource::new(move || {
        let slug = slug();
        async move { loaders::load_article(&slug).await }
    });
    let at_hand = state::at_hand().article;
    view! {
        {move || match article.get() {
            None => match at_hand.as_ref().filter(|a| a.summary.slug == slug()) {
                Some(a) => view! { <ArticleView article=a.as_ref().clone()/> }.into_any(),
                None => view! { <Loading/> }.into_any(),
            },
            Some(Ok(a)) => view! { <ArticleView article=a/> }.into_any(),
            Some(Err(LoadError::NotFound | LoadError::Invalid)) => view! { <ArticleNotFound/> }.into_any(),
            Some(Err(LoadError::Network)) => view! { <ArticleNotStored on_retry=move || article.refetch()/> }.into_any(),
            Some(Err(e)) => view! {
                <h1>{strings::HEADING_ARTICLE}</h1>
                <Failed message=e.message() on_retry=move || article.refetch()/>
            }
            .into_any(),
        }}
    }
}

/// Newer and older stories of the same main category, from what the index holds.
fn neighbours(
    index: &Index,
    article: &ArticleSummary,
) -> (Option<ArticleSummary>, Option<ArticleSummary>) {
    let same: Vec<&ArticleSummary> = index
        .latest
        .iter()
        .filter(|a| a.category == article.category)
        .collect();
    match same.iter().position(|a| a.id == article.id) {
        Some(i) => (
            i.checked_sub(1)
                .and_then(|j| same.get(j))
                .map(|a| (*a).clone()),
            same.get(i + 1).map(|a| (*a).clone()),
        ),
        None => (None, None),
    }
}

#[component]
fn ArticleView(article: Article) -> impl IntoView {
    let feed = use_feed();
    state::use_read_articles().remember(&article);
    crate::browser::visits::opened(state::use_visits(), &article.summary);
    let s = article.summary.clone();
    dom::set_meta_description(&s.sapo);
    let minutes = text::reading_minutes(article.word_count());
    let index = feed.index.get_untracked();
    let category = index
        .as_ref()
        .and_then(|i| i.categories.iter().find(|c| c.id == s.category).cloned());
    // The neighbours and related stories come from the index, which can
    // arrive after the article's own file: they follow it.
    let related_ids = article.related.clone();
    let summary = s.clone();
    let around = move || {
        let index = feed.index.get();
        let related: Vec<ArticleSummary> = index
            .as_ref()
            .map(|i: &Arc<Index>| {
                related_ids
                    .iter()
                    .filter_map(|id| i.latest.iter().find(|a| &a.id == id).cloned())
                    .collect()
            })
            .unwrap_or_default();
        let (newer, older) = index
            .as_ref()
            .map(|i| neighbours(i, &summary))
            .unwrap_or((None, None));
        view! {
            {(newer.is_some() || older.is_some()).then(|| view! {
                <nav class="prev-next" aria-label=strings::NAV_NEWS>
                    {newer.map(|a| view! { <A href=routes::article(&a.slug) attr:class="prev-next__newer"><span>{strings::NEWER}</span>{a.title}</A> })}
                    {older.map(|a| view! { <A href=routes::article(&a.slug) attr:class="prev-next__older"><span>{strings::OLDER}</span>{a.title}</A> })}
                </nav>
            })}
            {(!related.is_empty()).then(|| view! {
                <section class="block" aria-labelledby="lien-quan">
                    <h2 class="block__title" id="lien-quan">{strings::RELATED}</h2>
                    <div class="card-list">
                        {related.into_iter().map(|article| view! { <ArticleCard article/> }).collect_view()}
                    </div>
                </section>
            })}
        }
    };
    let url = dom::current_url();

    view! {
        <PageTitle text=s.title.clone()/>
        <article class="article" data-url=url>
            <nav class="breadcrumb" aria-label=strings::BREADCRUMB_LABEL>
                <ol>
                    <li><A href=routes::HOME>{strings::NAV_HOME}</A></li>
                    {category.map(|c| view! {
                        <li><A href=routes::news_category(&c.slug)>{c.name}</A></li>
                    })}
                </ol>
            </nav>
            <h1 class="article__title">{s.title.clone()}</h1>
            <p class="article__meta">
                <time datetime=display::story_time_attr(&s.published, s.date_only)>{display::story_time(&s.published, s.date_only)}</time>
                {s.updated.clone().map(|u| view! {
                    " · " {strings::UPDATED} " " <time datetime=display::story_time_attr(&u, s.date_only)>{display::story_time(&u, s.date_only)}</time>
                })}
                {meta_lines::views(s.views).map(|v| format!(" · {v}"))}
                " · " {format!("{minutes} {}", strings::READING_TIME)}
            </p>
            <ReadingTools article=article.clone()/>
            <Listen article=article.clone()/>
            <p class="article__sapo">{s.sapo.clone()}</p>
            {s.cover.clone().filter(|_| !article.body.iter().any(|b| matches!(b, bantin_format::model::Block::Image(_))))
                .map(|c| view! { <img class="article__cover" src=feed_url(&c.src) alt=bantin_format::alt::img_alt(&c, false)
                    width=c.width.unwrap_or(800) height=c.height.unwrap_or(450)/> })}
            <ArticleBody blocks=article.body.clone()/>
            <footer class="article__footer">
                {s.author.clone().map(|a| {
                    let position = meta_lines::author_position(Some(&a), s.author_position.as_deref())
                        .map(|p| format!(", {p}"));
                    view! { <p class="article__author">{format!("{}: ", strings::AUTHOR)}<strong>{a}</strong>{position}</p> }
                })}
                {s.source.clone().map(|src| view! {
                    <p class="article__source">
                        {format!("{}: ", strings::SOURCE)}
                        {match src.url {
                            Some(u) => view! { <a href=feed_url(&u) rel="noopener">{src.name}</a> }.into_any(),
                            None => view! { <span>{src.name}</span> }.into_any(),
                        }}
                    </p>
                })}
                {(!s.tags.is_empty()).then(|| {
                    let tags = s.tags.clone();
                    view! {
                        <p class="tags">
                            <span>{format!("{}: ", strings::TAGS)}</span>
                            {tags.into_iter().map(|t| view! {
                                <A href=routes::news_tag(&t) attr:class="tag">{t}</A>
                            }).collect_view()}
                        </p>
                    }
                })}
            </footer>
        </article>
        <Later>{around}</Later>
    }
}

/// An unknown slug: a clear page with a way back and fresh stories.
#[component]
fn ArticleNotFound() -> impl IntoView {
    let feed = use_feed();
    let latest = move || {
        feed.index
            .get()
            .map(|i| i.latest.iter().take(4).cloned().collect::<Vec<_>>())
            .unwrap_or_default()
    };
    view! {
        <PageTitle text=strings::ARTICLE_NOT_FOUND.to_string()/>
        <section class="not-found">
            <h1>{strings::ARTICLE_NOT_FOUND}</h1>
            <p>{strings::ARTICLE_NOT_FOUND_TEXT}</p>
            <p><A href=routes::NEWS attr:class="button">{strings::BACK_TO_NEWS}</A></p>
        </section>
        <div class="card-list">
            {move || latest().into_iter().map(|article| view! { <ArticleCard article top_level=true/> }).collect_view()}
        </div>
    }
}

/// No network and no stored copy of this article: say so, and offer the
/// articles that are stored. The page loads it by itself once the network
/// is back.
#[component]
fn ArticleNotStored(#[prop(into)] on_retry: Callback<()>) -> impl IntoView {
    let feed = use_feed();
    // Back online (a fresh index): try the article again.
    Effect::new(move |first: Option<()>| {
        let online = feed.stored_at.with(Option::is_none) && feed.error.with(Option::is_none);
        if first.is_some() && online {
            on_retry.run(());
        }
    });
    let stored = LocalResource::new(move || {
        let latest: Vec<ArticleSummary> = feed
            .index
            .with(|i| i.as_ref().map(|i| i.latest.clone()))
            .unwrap_or_default();
        async move {
            let slugs = latest.iter().map(|a| a.slug.clone()).collect();
            let kept = crate::browser::caches::stored_articles(slugs).await;
            latest
                .into_iter()
                .filter(|a| kept.contains(&a.slug))
                .collect::<Vec<_>>()
        }
    });
    view! {
        <PageTitle text=strings::ARTICLE_NOT_STORED.to_string()/>
        <section class="not-stored">
            <h1>{strings::ARTICLE_NOT_STORED}</h1>
            <p>{strings::ARTICLE_NOT_STORED_TEXT}</p>
            {move || stored.get().map(|list| {
                if list.is_empty() {
                    view! { <p>{strings::ARTICLE_NOT_STORED_NONE}</p> }.into_any()
                } else {
                    view! {
                        <ul class="stored-list">
                            {list.into_iter().map(|a| view! {
                                <li><A href=routes::article(&a.slug)>{a.title}</A></li>
                            }).collect_view()}
                        </ul>
                    }.into_any()
                }
            })}
        </section>
    }
}
