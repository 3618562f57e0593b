//! `/tim-kiem?q=…`: one query across the articles, documents and calendar
//! entries the app holds, grouped by kind, best first, matches highlighted.
//! Works offline on whatever has been loaded.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use crate::ui::components::link::A;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;

use bantin_format::display;
use bantin_format::model::{Article, ArticleSummary, Block, Index};

use crate::browser::state::load_documents;
use crate::browser::state::use_feed;
use crate::browser::state::use_read_articles;
use crate::logic::routes;
use crate::logic::schedule;
use crate::logic::search_index::{self, Hit, Kind, SearchIndex};
use crate::strings;
use crate::ui::components::page_title::PageTitle;

/// Results shown per kind.
const PER_KIND: usize = 20;
/// Typing pauses this long before the address (and the results) follow.
const DEBOUNCE: Duration = Duration::from_millis(150);

/// What a hit links to and the line under its title: one or more values
/// (an entry's time, chair and place), shown joined by " · ", each in an
/// element of its own so a direction override in one cannot reverse the next.
#[derive(Clone, PartialEq)]
struct Target {
    href: String,
    detail: Vec<String>,
}

/// The search index and where each hit leads. Compared by identity: a
/// rebuilt index is always "new" to the memo that holds it.
#[derive(Clone)]
struct Built(Arc<(SearchIndex, Targets)>);

/// Where each hit leads, by kind and key.
type Targets = HashMap<(Kind, String), Target>;

impl PartialEq for Built {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

/// The words of an article's body, for search.
fn body_text(article: &Article) -> String {
    let mut out = String::new();
    for block in &article.body {
        match block {
            Block::Paragraph { runs } => runs.iter().for_each(|r| out.push_str(&r.text)),
            Block::Heading { text, .. } | Block::Quote { text, .. } => out.push_str(text),
            Block::List { items, .. } => items.iter().for_each(|i| {
                out.push_str(i);
                out.push(' ');
            }),
            _ => {}
        }
        out.push(' ');
    }
    out
}

/// Builds the index over everything the app holds: the index's stories,
/// the bodies of the articles read, the documents and the calendar weeks.
fn build(
    index: &Index,
    documents: &[bantin_format::model::Document],
    read: &[Arc<Article>],
) -> Built {
    let mut s = SearchIndex::new();
    let mut targets = HashMap::new();
    let mut add_article = |a: &ArticleSummary, body: &str| {
        search_index::add_article(&mut s, a, body);
        targets.insert(
            (Kind::Article, a.slug.clone()),
            Target {
                href: routes::article(&a.slug),
                detail: vec![a.sapo.clone()],
            },
        );
    };
    for a in &index.latest {
        let body = read
            .iter()
            .find(|r| r.summary.id == a.id)
            .map(|r| body_text(r))
            .unwrap_or_default();
        add_article(a, &body);
    }
    // Articles read in this visit that the index does not list.
    for r in read
        .iter()
        .filter(|r| !index.latest.iter().any(|a| a.id == r.summary.id))
    {
        add_article(&r.summary, &body_text(r));
    }
    let docs = if documents.is_empty() {
        &index.documents.latest[..]
    } else {
        documents
    };
    for d in docs {
        search_index::add_document(&mut s, d);
        targets.insert(
            (Kind::Document, d.id.clone()),
            Target {
                href: routes::document(&d.id),
                detail: vec![d.summary.clone()],
            },
        );
    }
    // A multi-day entry listed in both weeks is one result.
    let mut multi_day = std::collections::HashSet::new();
    for w in &index.calendar.embedded {
        for e in &w.entries {
            if e.is_multi_day() && !multi_day.insert(e.id.as_str()) {
                continue;
            }
            let key = format!("{}:{}", w.week, e.id);
            search_index::add_entry(&mut s, &key, e);
            let when = schedule::dated_when(e);
            let detail = [Some(when), e.chair.clone(), e.location.clone()]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>();
            targets.insert(
                (Kind::Entry, key),
                Target {
                    href: routes::calendar_week(&w.week),
                    detail,
                },
            );
        }
    }
    Built(Arc::new((s, targets)))
}

#[component]
pub fn SearchPage() -> impl IntoView {
    let feed = use_feed();
    let docs = load_documents();
    let read = use_read_articles();
    let query = use_query_map();
    let navigate = use_navigate();

    let q = Memo::new(move |_| query.read().get("q").unwrap_or_default());
    let typed = RwSignal::new(q.get_untracked());
    // Rebuilt only when the feed or the document list changes, not per keystroke.
    let built = Memo::new(move |_| {
        let list = docs.list.with(|l| match l {
            Some(Ok(list)) => list.as_ref().clone(),
            _ => Vec::new(),
        });
        let read = read.0.get();
        feed.index.get().map(|index| build(&index, &list, &read))
    });
    let hits = Memo::new(move |_| {
        let query = typed.get();
        built.with(|b| {
            b.as_ref()
                .map(|b| b.0 .0.search(&query, PER_KIND))
                .unwrap_or_default()
        })
    });

    // The address follows the typing (debounced), so results can be shared and reloaded.
    let pending = StoredValue::new(None::<TimeoutHandle>);
    let on_input = move |ev| {
        let value = event_target_value(&ev);
        typed.set(value.clone());
        if let Some(h) = pending.get_value() {
            h.clear();
        }
        let navigate = navigate.clone();
        let handle = set_timeout_with_handle(
            move || {
                let href = routes::search(&value);
                navigate(
                    &href,
                    NavigateOptions {
                        replace: true,
                        scroll: false,
                        ..Default::default()
                    },
                );
            },
            DEBOUNCE,
        );
        pending.set_value(handle.ok());
    };
    // A new address (the header's box, back/forward) replaces what is typed.
    Effect::new(move |_| typed.set(q.get()));

    view! {
        <PageTitle text=strings::HEADING_SEARCH.to_string()/>
        <h1>{strings::HEADING_SEARCH}</h1>
        <form class="search-form" role="search" aria-label=strings::SEARCH_PAGE_LANDMARK on:submit=|ev| ev.prevent_default()>
            <label>
                <span class="sr-only">{strings::SEARCH_LABEL}</span>
                <input type="search" name="q" autofocus placeholder=strings::SEARCH_PLACEHOLDER
                    prop:value=move || typed.get() on:input=on_input/>
            </label>
        </form>
        {move || {
            let query = typed.get();
            if query.trim().is_empty() {
                return view! { <p class="notice">{strings::SEARCH_HINT}</p> }.into_any();
            }
            let hits = hits.get();
            if hits.is_empty() {
                return view! { <p class="notice" role="status">{strings::SEARCH_NONE}</p> }.into_any();
            }
            let targets = built.get();
            view! {
                <p class="list-count" role="status">{format!("{} {}", display::number(hits.len() as u64), strings::SEARCH_RESULTS)}</p>
                {[Kind::Article, Kind::Document, Kind::Entry].into_iter().filter_map(|kind| {
                    let group: Vec<Hit> = hits.iter().filter(|h| h.kind == kind).cloned().collect();
                    (!group.is_empty()).then(|| {
                        let title = match kind {
                            Kind::Article => strings::SEARCH_ARTICLES,
                            Kind::Document => strings::SEARCH_DOCUMENTS,
                            Kind::Entry => strings::SEARCH_ENTRIES,
                        };
                        let targets = targets.clone();
                        let query = query.clone();
                        view! {
                            <section class="block search-group">
                                <h2 class="block__title">{title}</h2>
                                <ol class="search-results">
                                    {group.into_iter().map(|h| {
                                        let t = targets.as_ref().and_then(|b| b.0 .1.get(&(h.kind, h.key.clone())).cloned())
                                            .unwrap_or(Target { href: routes::SEARCH.into(), detail: Vec::new() });
                                        let q1 = query.clone();
                                        let detail = t.detail.into_iter().enumerate().map(|(i, part)| {
                                            let q = query.clone();
                                            view! { {(i > 0).then_some(" · ")}<span><Marked text=part query=q/></span> }
                                        }).collect_view();
                                        view! {
                                            <li class="search-hit">
                                                <A href=t.href><Marked text=h.title.clone() query=q1/></A>
                                                <p>{detail}</p>
                                            </li>
                                        }
                                    }).collect_view()}
                                </ol>
                            </section>
                        }
                    })
                }).collect_view()}
            }.into_any()
        }}
    }
}

/// Text with the query's words wrapped in <mark>.
#[component]
fn Marked(text: String, query: String) -> impl IntoView {
    search_index::highlight(&text, &query)
        .into_iter()
        .map(|(part, hit)| {
            if hit {
                view! { <mark>{part}</mark> }.into_any()
            } else {
                part.into_any()
            }
        })
        .collect_view()
}
