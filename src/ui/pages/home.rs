//! `/`: the home page: the lead story, the latest, a block per category,
//! today's working calendar (moving on at midnight), the most read stories,
//! the newest documents,
//! linked websites, quick links and the visitor counters.

use std::sync::Arc;

use crate::ui::components::link::A;
use leptos::prelude::*;

use bantin_format::display;
use bantin_format::model::EntryStatus;
use bantin_format::model::{ArticleSummary, Index, Link};

use crate::browser::clock;
use crate::browser::config::feed_url;
use crate::browser::state::use_feed;
use crate::logic::schedule;
use crate::logic::{meta_lines, routes};
use crate::strings;
use crate::ui::components::article_card::ArticleCard;
use crate::ui::components::feed_notice::FeedNotice;
use crate::ui::components::later::Later;
use crate::ui::components::most_read::MostRead;
use crate::ui::components::page_title::PageTitle;

/// How many stories the "latest" block and each category block show.
const LATEST_COUNT: usize = 8;
const PER_CATEGORY: usize = 4;

/// The lead story: the first featured one, else the newest with a picture.
fn lead_story(index: &Index) -> Option<&ArticleSummary> {
    index
        .featured
        .iter()
        .find_map(|id| index.latest.iter().find(|a| &a.id == id))
        .or_else(|| index.latest.iter().find(|a| a.cover.is_some()))
        .or_else(|| index.latest.first())
}

#[component]
pub fn HomePage() -> impl IntoView {
    let feed = use_feed();
    // The home tab carries the site's own name.
    let title = Signal::derive(move || {
        feed.index
            .with(|i| i.as_ref().map(|i| i.site.name.clone()).unwrap_or_default())
    });
    view! {
        <PageTitle text=title/>
        <h1 class="sr-only">{strings::HEADING_HOME}</h1>
        <FeedNotice/>
        {move || feed.index.get().map(|index| view! { <HomeContent index/> })}
    }
}

#[component]
fn HomeContent(index: Arc<Index>) -> impl IntoView {
    let lead = lead_story(&index).cloned();
    let lead_id = lead.as_ref().map(|a| a.id.clone());
    let latest: Vec<ArticleSummary> = index
        .latest
        .iter()
        .filter(|a| Some(&a.id) != lead_id.as_ref())
        .take(LATEST_COUNT)
        .cloned()
        .collect();
    let mut categories = index.categories.clone();
    categories.sort_by_key(|c| c.order);
    let blocks: Vec<_> = categories
        .into_iter()
        .filter_map(|c| {
            let items: Vec<ArticleSummary> = index
                .latest
                .iter()
                .filter(|a| a.category == c.id || a.categories.contains(&c.id))
                .take(PER_CATEGORY)
                .cloned()
                .collect();
            (!items.is_empty()).then(|| {
                let href = routes::news_category(&c.slug);
                view! {
                    <Later>
                    <section class="block" aria-labelledby=format!("cm-{}", c.slug)>
                        <h2 class="block__title" id=format!("cm-{}", c.slug)>
                            <A href=href.clone()>{c.name.clone()}</A>
                        </h2>
                        <div class="card-list">
                            {items.into_iter().map(|article| view! { <ArticleCard article/> }).collect_view()}
                        </div>
                        <p class="block__more"><A href=href>{strings::SEE_ALL}</A></p>
                    </section>
                    </Later>
                }
            })
        })
        .collect();

    let documents: Vec<_> = index.documents.latest.iter().take(3).cloned().collect();
    let site = index.site.clone();
    let counts = meta_lines::visitor_counts(&site);

    view! {
        <div class="home">
            <div class="home__main">
                {lead.map(|article| view! {
                    <section class="block block--lead" aria-label=strings::FEATURED>
                        <ArticleCard article large=true/>
                    </section>
                })}
                <section class="block" aria-labelledby="tin-moi">
                    <h2 class="block__title" id="tin-moi">{strings::LATEST}</h2>
                    {if latest.is_empty() {
                        view! { <p>{strings::NO_ARTICLES}</p> }.into_any()
                    } else {
                        view! {
                            <div class="card-list">
                                {latest.into_iter().map(|article| view! { <ArticleCard article/> }).collect_view()}
                            </div>
                        }
                        .into_any()
                    }}
                    <p class="block__more"><A href=routes::NEWS>{strings::SEE_ALL}</A></p>
                </section>
                {blocks}
            </div>
            <aside class="home__side">
                <Later>
                <TodayCalendar index=index.clone()/>
                <MostRead category={None::<String>}/>
                {(!documents.is_empty()).then(|| view! {
                    <section class="block" aria-labelledby="van-ban-moi">
                        <h2 class="block__title" id="van-ban-moi">{strings::NEW_DOCUMENTS}</h2>
                        <ul class="doc-list">
                            {documents.into_iter().map(|d| view! {
                                <li>
                                    <A href=routes::document(&d.id)>
                                        <strong>{d.number.clone()}</strong>
                                    </A>
                                    <span class="doc-list__summary">{d.summary.clone()}</span>
                                    {meta_lines::document_counts(d.views, d.downloads)
                                        .map(|c| view! { <span class="doc-list__meta">{c}</span> })}
                                </li>
                            }).collect_view()}
                        </ul>
                        <p class="block__more"><A href=routes::DOCUMENTS>{strings::SEE_ALL}</A></p>
                    </section>
                })}
                {(!site.quick_links.is_empty()).then(|| view! {
                    <section class="block" aria-labelledby="tai-lieu">
                        <h2 class="block__title" id="tai-lieu">{strings::QUICK_LINKS}</h2>
                        <ul class="link-list">
                            {site.quick_links.iter().map(|l| view! { <li><LinkItem link=l.clone() external=false/></li> }).collect_view()}
                        </ul>
                    </section>
                })}
                {(!site.linked_websites.is_empty()).then(|| view! {
                    <section class="block" aria-labelledby="lien-ket">
                        <h2 class="block__title" id="lien-ket">{strings::LINKED_WEBSITES}</h2>
                        <ul class="link-list">
                            {site.linked_websites.iter().map(|l| view! { <li><LinkItem link=l.clone() external=true/></li> }).collect_view()}
                        </ul>
                    </section>
                })}
                {(!counts.is_empty()).then(|| view! {
                    <section class="block counters" aria-labelledby="truy-cap">
                        <h2 class="block__title" id="truy-cap">{strings::VISITORS}</h2>
                        <dl>
                            // One group per counter, so a number too wide for its
                            // line (a narrow screen, large text) wraps under its label.
                            {counts.into_iter().map(|(label, n)| view! { <div><dt>{label}</dt><dd>{n}</dd></div> }).collect_view()}
                        </dl>
                    </section>
                })}
                </Later>
            </aside>
        </div>
    }
}

/// A linked website or quick link: the portal's banner when it gives one
/// (its alt, or else the link's title, names the link; the title is also
/// the tooltip), else the title as text.
#[component]
fn LinkItem(link: Link, external: bool) -> impl IntoView {
    let Link { title, url, image } = link;
    let tooltip = image.as_ref().map(|_| title.clone());
    let content = match image {
        Some(image) => view! {
            <img class="link-banner" src=feed_url(&image.src) alt=bantin_format::alt::banner_alt(&image, &title)
                width=image.width.unwrap_or(240) height=image.height.unwrap_or(60) loading="lazy" decoding="async"/>
        }
        .into_any(),
        None => title.into_any(),
    };
    if external {
        view! { <a href=feed_url(&url) title=tooltip rel="noopener" target="_blank">{content}</a> }
            .into_any()
    } else {
        view! { <a href=feed_url(&url) title=tooltip>{content}</a> }.into_any()
    }
}

/// Today's entries from the weeks the index embeds, or a plain line saying
/// there are none, with a link to the whole week either way.
#[component]
fn TodayCalendar(index: Arc<Index>) -> impl IntoView {
    // A screen left open past midnight moves on to the new day.
    let today = clock::today();
    view! {
        <section class="block today" aria-labelledby="lich-hom-nay">
            <h2 class="block__title" id="lich-hom-nay">{strings::TODAY_CALENDAR}</h2>
            <p class="today__date">{move || display::date_with_weekday(today.get())}</p>
            {move || {
            let entries = schedule::entries_on(&index.calendar.embedded, today.get());
            if entries.is_empty() {
                view! { <p>{strings::NO_ENTRIES_TODAY}</p> }.into_any()
            } else {
                view! {
                    <ul class="today__list">
                        {entries.into_iter().map(|e| {
                            let status = match e.status {
                                EntryStatus::Cancelled => Some(strings::CANCELLED),
                                EntryStatus::Changed => Some(strings::CHANGED),
                                EntryStatus::Scheduled => None,
                            };
                            view! {
                                <li class:cancelled=e.status == EntryStatus::Cancelled class:emphasis=e.emphasis>
                                    <span class="today__time">{schedule::when(&e)}</span>
                                    {status.map(|s| view! { <span class="badge">{s}</span> })}
                                    <span class="today__content">{e.content.clone()}</span>
                                    {e.location.clone().map(|l| view! { <span class="today__place">{l}</span> })}
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }
                .into_any()
            }}}
            <p class="block__more"><A href=routes::CALENDAR>{strings::SEE_WEEK}</A></p>
        </section>
    }
}
