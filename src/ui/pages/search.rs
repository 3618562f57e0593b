//! `/tim-kiem?q=…`: one query across the articles, documents and calendar
//! entries. When the feed has an archive index (`search/`, format doc
//! §7.8), the whole feed: best first, paged, with kind / category / year
//! filters and their counts in the URL (`logic::archive_search`), the parts
//! it needs fetched by `browser::archive`; offline, what is stored, saying
//! that older parts are not. Without one (or when it is bad), the entries
//! the app holds, grouped by kind. Matches highlighted either way.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;

use bantin_format::archive::Outcome;
use bantin_format::display;
use bantin_format::model::{Article, ArticleSummary, Block, Index};

use leptos::task::spawn_local;

use crate::browser::archive::{self, Answer, Availability};
use crate::browser::state::known_documents;
use crate::browser::state::use_feed;
use crate::browser::state::use_read_articles;
use crate::logic::archive_search::Filters;
use crate::logic::routes;
use crate::logic::schedule;
use crate::logic::search_index::{self, Hit, Kind, SearchIndex};
use crate::logic::search_results::{self, Choice, Line, Results};
use crate::strings;
use crate::ui::components::link::fixed_link;
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
    let docs = known_documents();
    let read = use_read_articles();
    let query = use_query_map();
    let navigate = use_navigate();

    let q = Memo::new(move |_| query.read().get("q").unwrap_or_default());
    let filters = Memo::new(move |_| Filters::from_query(|k| query.read().get(k)));
    let typed = RwSignal::new(q.get_untracked());
    // Rebuilt only when the feed or the document list changes, not per keystroke.
    let built = Memo::new(move |_| {
        let list = docs.with(|l| l.as_ref().clone());
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

    // The archive index: asked for once per visit; None while asking.
    let availability = RwSignal::new(None::<Availability>);
    spawn_local(async move {
        let a = archive::open().await;
        availability.try_set(Some(a));
    });
    // The last word is being typed (a prefix) until Enter. Not a signal:
    // it says how the next query is asked, it asks nothing by itself.
    let typing = StoredValue::new(false);
    // What the archive is asked: filters, and whether the last word is a
    // prefix. The address's filters, or a submitted text a task before the
    // address says it: the router's navigation (the address replaced, the
    // route's signals and links updated) was two thirds of a warm query's
    // time; the results need not wait for it.
    let asked = RwSignal::new((filters.get_untracked(), false));
    let ask = move |f: Filters, prefix: bool| {
        if asked.with_untracked(|(a, p)| *a != f || *p != prefix) {
            asked.set((f, prefix));
        }
    };
    Effect::new(move |_| ask(filters.get(), typing.get_value()));
    // The archive's answer, with the filters and the prefix flag it answers.
    let answer = RwSignal::new(None::<(Filters, bool, Answer)>);
    let ticket = StoredValue::new(0u64);
    Effect::new(move |_| {
        let (f, prefix) = asked.get();
        if availability.get() != Some(Availability::Ready) || f.text.trim().is_empty() {
            return;
        }
        let mine = ticket.get_value() + 1;
        ticket.set_value(mine);
        spawn_local(async move {
            let current = move || ticket.try_get_value() == Some(mine);
            let shown = f.clone();
            let early = move |outs| {
                answer.try_set(Some((shown.clone(), prefix, Answer::Early(outs))));
            };
            if let Some(a) = archive::run(f.queries(prefix), current, early).await {
                if current() {
                    answer.try_set(Some((f, prefix, a)));
                }
            }
        });
    });

    // The address follows the typing (debounced), so results can be shared
    // and reloaded; a new text starts at the first page, filters kept.
    let pending = StoredValue::new(None::<TimeoutHandle>);
    let go = {
        let navigate = navigate.clone();
        move |value: String| {
            let href = Filters {
                text: value,
                page: 0,
                ..filters.get_untracked()
            }
            .href();
            navigate(
                &href,
                NavigateOptions {
                    replace: true,
                    scroll: false,
                    ..Default::default()
                },
            );
        }
    };
    let on_input = {
        let go = go.clone();
        move |ev| {
            let value = event_target_value(&ev);
            typed.set(value.clone());
            typing.set_value(true);
            if let Some(h) = pending.get_value() {
                h.clear();
            }
            let go = go.clone();
            let handle = set_timeout_with_handle(move || go(value), DEBOUNCE);
            pending.set_value(handle.ok());
        }
    };
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if let Some(h) = pending.get_value() {
            h.clear();
        }
        typing.set_value(false);
        let text = typed.get_untracked();
        ask(
            Filters {
                text: text.clone(),
                page: 0,
                ..filters.get_untracked()
            },
            false,
        );
        let go = go.clone();
        set_timeout(move || go(text), Duration::ZERO);
    };
    // A new address (the header's box, back/forward) replaces what is typed.
    Effect::new(move |_| typed.set(q.get()));

    let memory = move || {
        let query = typed.get();
        memory_results(&query, &hits.get(), built.get())
    };
    let category_names = Memo::new(move |_| {
        feed.index.with(|i| {
            i.as_ref()
                .map(|i| {
                    i.categories
                        .iter()
                        .map(|c| (c.id.clone(), c.name.clone()))
                        .collect::<HashMap<_, _>>()
                })
                .unwrap_or_default()
        })
    });

    // The results follow the answer, not each keystroke: the box being
    // empty or not is all they read of the typing (else every key would
    // draw the last answer again while the next one is on its way).
    let empty = Memo::new(move |_| typed.with(|t| t.trim().is_empty()));

    view! {
        <PageTitle text=strings::HEADING_SEARCH.to_string()/>
        <h1>{strings::HEADING_SEARCH}</h1>
        <form class="search-form" role="search" aria-label=strings::SEARCH_PAGE_LANDMARK novalidate on:submit=on_submit>
            <label>
                <span class="sr-only">{strings::SEARCH_LABEL}</span>
                <input type="search" name="q" autofocus placeholder=strings::SEARCH_PLACEHOLDER
                    prop:value=move || typed.get() on:input=on_input/>
            </label>
        </form>
        {move || {
            if empty.get() {
                return view! { <p class="notice">{strings::SEARCH_HINT}</p> }.into_any();
            }
            let bad = || view! { <p class="notice notice--error" role="alert">{strings::SEARCH_ARCHIVE_BAD}</p> };
            let not_stored = || view! { <p class="notice archive-not-stored" role="status">{strings::SEARCH_NOT_STORED}</p> };
            let loading = || view! { <p class="search-loading" aria-busy="true">{strings::SEARCH_LOADING}</p> };
            match availability.get() {
                None => loading().into_any(),
                Some(Availability::Absent) => memory().into_any(),
                Some(Availability::Bad) => view! { {bad()} {memory()} }.into_any(),
                Some(Availability::Ready) => answer.with(|a| {
                    let Some((f, prefix, answer)) = a else {
                        return loading().into_any();
                    };
                    let results = |outs: &[Outcome], early| {
                        let r = category_names.with(|names| search_results::results(f, outs, *prefix, names, early));
                        archive_results(r)
                    };
                    match answer {
                        Answer::Complete(outs) => results(outs, false).into_any(),
                        Answer::Early(outs) => results(outs, true).into_any(),
                        Answer::Partial(Some(outs)) => view! { {not_stored()} {results(outs, false)} }.into_any(),
                        Answer::Partial(None) => view! { {not_stored()} {memory()} }.into_any(),
                        Answer::Bad => view! { {bad()} {memory()} }.into_any(),
                    }
                }),
            }
        }}
    }
}

/// The archive's page of results ([`search_results::Results`]): the count,
/// the filters with their counts, the hits, the pages.
fn archive_results(r: Results) -> impl IntoView {
    let choice = |c: Choice| {
        view! {
            <li class:search-facet--on=c.on>
                {fixed_link(&c.href, c.current, view! { {c.label}{c.count} })}
            </li>
        }
    };
    let filter = |class: &'static str, title: &'static str, choices: Vec<Choice>| {
        view! {
            <div class=class>
                <h2 class="search-facet__title">{title}</h2>
                <ul>{choices.into_iter().map(choice).collect_view()}</ul>
            </div>
        }
    };
    let line = |l: Line| {
        let meta = l.meta.into_iter().enumerate().map(|(i, part)| {
            view! { {(i > 0).then_some(" · ")}<span>{part}</span> }
        });
        view! {
            <li class="search-hit">
                {fixed_link(&l.href, false, view! {
                    {l.number.map(|n| view! { {marked(n)}" — " })}
                    {marked(l.title)}
                })}
                {(!l.text.is_empty()).then(|| view! {
                    <p class="search-hit__text"><span>{marked(l.text)}</span></p>
                })}
                <p class="search-hit__meta">{meta.collect_view()}</p>
            </li>
        }
    };
    let groups = r.groups.into_iter().map(|g| {
        view! {
            <section class="block search-group">
                {g.heading.map(|h| view! { <h2 class="block__title">{h}</h2> })}
                <ol class="search-results">{g.lines.into_iter().map(line).collect_view()}</ol>
                {g.more.map(|(href, label)| view! {
                    <p class="search-group__more">{fixed_link(&href, false, label)}</p>
                })}
            </section>
        }
    });
    let [kinds, categories, years] = r.filters;
    view! {
        <div class="search-archive" data-archive="ready" data-query=r.answered>
            <p class=if r.none { "notice" } else { "list-count" } role="status">{r.count}</p>
            {r.skipped.map(|s| view! { <p class="search-skipped">{s}</p> })}
            <nav class="search-filters" aria-label=strings::SEARCH_FILTERS_LANDMARK>
                {filter("search-facet search-facet--kind", strings::SEARCH_FILTER_KIND, kinds)}
                {filter("search-facet search-facet--category", strings::SEARCH_FILTER_CATEGORY, categories)}
                {filter("search-facet search-facet--year", strings::SEARCH_FILTER_YEAR, years)}
            </nav>
            {groups.collect_view()}
            {r.coming.then(|| view! {
                <p class="search-loading-more" aria-busy="true">{strings::SEARCH_LOADING_MORE}</p>
            })}
            {r.pager.map(|p| view! {
                <nav class="pager search-pager" aria-label=strings::SEARCH_PAGES_LANDMARK>
                    {p.previous.map(|h| fixed_link(&h, false, strings::SEARCH_PREVIOUS))}
                    <span class="search-pager__at">{p.at}</span>
                    {p.next.map(|h| fixed_link(&h, false, strings::SEARCH_NEXT))}
                </nav>
            })}
        </div>
    }
}

/// Today's search over what the app holds, grouped by kind.
fn memory_results(query: &str, hits: &[Hit], built: Option<Built>) -> AnyView {
    if hits.is_empty() {
        return view! { <p class="notice" role="status">{strings::SEARCH_NONE}</p> }.into_any();
    }
    let targets = built;
    let query = query.to_string();
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
                                        {fixed_link(&t.href, false, view! { <Marked text=h.title.clone() query=q1/> })}
                                        <p>{detail}</p>
                                    </li>
                                }
                            }).collect_view()}
                        </ol>
                    </section>
                }
            })
        }).collect_view()}
    }
    .into_any()
}

/// Text with the query's words wrapped in <mark>.
#[component]
fn Marked(text: String, query: String) -> impl IntoView {
    marked(search_results::pairs(search_index::highlight(
        &text, &query,
    )))
}

/// Marked pairs ([`search_results::Marked`]) as texts and `<mark>`s.
fn marked(pairs: search_results::Marked) -> impl IntoView {
    pairs
        .into_iter()
        .map(|(plain, marked)| view! { {plain}{marked.map(|m| view! { <mark>{m}</mark> })} })
        .collect_view()
}
