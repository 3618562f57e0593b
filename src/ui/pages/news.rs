//! `/tin-tuc`: every story, newest first; `?chuyen-muc=<slug>` narrows to a
//! category and `?the=<slug>` to a tag. Older stories load a page at a
//! time ("Xem thêm"); pages already loaded are never fetched again. A
//! category's list has its most read stories below ("Xem nhiều").

use crate::browser::loaders;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_query_map;

use bantin_format::model::{ArticleSummary, Index};
use bantin_format::pack::{self, LIST_ALL};
use bantin_format::{display, text};

use crate::browser::http::LoadError;
use crate::browser::state::use_feed;
use crate::strings;
use crate::ui::components::article_card::ArticleCard;
use crate::ui::components::feed_notice::{Failed, FeedNotice};
use crate::ui::components::later::Later;
use crate::ui::components::most_read::MostRead;
use crate::ui::components::page_title::PageTitle;

/// A list's heading: the feed's name for it (a category's, a tag's) or the
/// app's, after a label of the app's for a tag ("Từ khóa: …"). The two
/// stay apart, so the name is an element of its own on the page.
#[derive(Clone, PartialEq)]
struct Heading {
    label: Option<&'static str>,
    name: String,
}

impl Heading {
    fn plain(name: impl Into<String>) -> Self {
        Heading {
            label: None,
            name: name.into(),
        }
    }

    /// The heading as one line, for the tab's title.
    fn line(&self) -> String {
        match self.label {
            Some(label) => format!("{label}: {}", self.name),
            None => self.name.clone(),
        }
    }
}

/// The paged list the address asks for, and its heading.
fn list_for(
    category: Option<String>,
    tag: Option<String>,
    index: Option<&Index>,
) -> (String, Heading) {
    if let Some(slug) = category.filter(|s| !s.is_empty()) {
        let name = index
            .and_then(|i| i.categories.iter().find(|c| c.slug == slug))
            .map_or_else(|| strings::HEADING_NEWS.to_string(), |c| c.name.clone());
        return (pack::category_list_id(&slug), Heading::plain(name));
    }
    if let Some(slug) = tag.filter(|s| !s.is_empty()) {
        // The tag as written, if a story we hold carries it.
        let name = index
            .and_then(|i| {
                i.latest
                    .iter()
                    .flat_map(|a| &a.tags)
                    .find(|t| text::slugify(t) == slug)
                    .cloned()
            })
            .unwrap_or_else(|| slug.clone());
        return (
            pack::tag_list_id(&slug),
            Heading {
                label: Some(strings::TAG_HEADING),
                name,
            },
        );
    }
    (LIST_ALL.to_string(), Heading::plain(strings::HEADING_NEWS))
}

/// What one list has loaded so far.
#[derive(Clone, Default)]
struct Loaded {
    list: String,
    items: Vec<ArticleSummary>,
    /// Pages fetched so far (1-based, contiguous).
    pages: u32,
    total_pages: u32,
    total: u64,
}

#[component]
pub fn NewsListPage() -> impl IntoView {
    let feed = use_feed();
    let query = use_query_map();
    let target = Memo::new(move |_| {
        let q = query.read();
        feed.index
            .with(|i| list_for(q.get("chuyen-muc"), q.get("the"), i.as_deref()))
    });
    // The first page, when the publish step has it at hand.
    let loaded = RwSignal::new(
        crate::browser::state::at_hand()
            .news_page
            .map(|p| Loaded {
                list: target.get_untracked().0,
                items: p.items.clone(),
                pages: 1,
                total_pages: p.pages,
                total: p.total,
            })
            .unwrap_or_default(),
    );
    let busy = RwSignal::new(false);
    let error = RwSignal::new(None::<LoadError>);

    let load_next = move || {
        if busy.get_untracked() {
            return;
        }
        let (list, _) = target.get_untracked();
        let current = loaded.get_untracked();
        let page = if current.list == list {
            current.pages + 1
        } else {
            1
        };
        busy.set(true);
        spawn_local(async move {
            match loaders::load_news_page(&list, page).await {
                Ok(p) => {
                    loaded.update(|l| {
                        if l.list != list {
                            *l = Loaded {
                                list: list.clone(),
                                ..Loaded::default()
                            };
                        }
                        // A story can move between pages while we read: show it once.
                        let known: std::collections::HashSet<String> =
                            l.items.iter().map(|a| a.id.clone()).collect();
                        l.items
                            .extend(p.items.into_iter().filter(|a| !known.contains(&a.id)));
                        l.pages = page;
                        l.total_pages = p.pages;
                        l.total = p.total;
                    });
                    error.set(None);
                }
                Err(e) => error.set(Some(e)),
            }
            busy.set(false);
        });
    };

    // A new list (another category or tag): start from its first page.
    Effect::new(move |_| {
        let (list, _) = target.get();
        if loaded.with_untracked(|l| l.list != list) {
            loaded.set(Loaded {
                list,
                ..Loaded::default()
            });
            busy.set(false);
            load_next();
        }
    });

    let heading = move || target.get().1;
    // The category the address names (by slug), by its id.
    let category = Signal::derive(move || {
        let slug = query.read().get("chuyen-muc")?;
        feed.index.with(|i| {
            i.as_ref()?
                .categories
                .iter()
                .find(|c| c.slug == slug)
                .map(|c| c.id.clone())
        })
    });
    view! {
        <PageTitle text=Signal::derive(move || heading().line())/>
        <h1>
            {move || heading().label.map(|l| format!("{l}: "))}
            <span>{move || heading().name}</span>
        </h1>
        <FeedNotice/>
        {move || {
            let l = loaded.get();
            (l.total > 0).then(|| view! { <p class="list-count">{format!("{} {}", display::number(l.total), strings::STORIES_COUNT)}</p> })
        }}
        <div class="card-list card-list--news">
            {move || loaded.get().items.into_iter().map(|article| view! { <ArticleCard article top_level=true/> }).collect_view()}
        </div>
        {move || match error.get() {
            Some(LoadError::NotFound) if loaded.with(|l| l.items.is_empty()) => {
                view! { <p class="notice">{strings::LIST_NOT_FOUND}</p> }.into_any()
            }
            Some(e) => view! {
                <Failed message=e.message() on_retry=move || load_next()/>
            }
            .into_any(),
            None => ().into_any(),
        }}
        <div class="list-more">
            {move || {
                let l = loaded.get();
                if busy.get() && l.items.is_empty() {
                    view! { <p role="status" data-pending="">{strings::LOADING_MORE}</p> }.into_any()
                } else if busy.get() {
                    view! { <p role="status">{strings::LOADING_MORE}</p> }.into_any()
                } else if l.pages < l.total_pages {
                    view! { <button type="button" class="button" on:click=move |_| load_next()>{strings::LOAD_MORE}</button> }.into_any()
                } else if l.pages > 0 && !l.items.is_empty() {
                    view! { <p class="list-end">{strings::NO_MORE}</p> }.into_any()
                } else {
                    ().into_any()
                }
            }}
        </div>
        <Later>
            {move || category.get().map(|c| view! { <MostRead category=Some(c)/> })}
        </Later>
    }
}
