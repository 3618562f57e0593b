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

use crate::ui::components::link::fixed_link;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;

use bantin_format::display;
use bantin_format::model::{Article, ArticleSummary, Block, Index};

use bantin_format::archive::{Hit as ArchiveHit, Kind as ArchiveKind, Outcome};
use leptos::task::spawn_local;

use crate::browser::archive::{self, Answer, Availability};
use crate::browser::state::known_documents;
use crate::browser::state::use_feed;
use crate::browser::state::use_read_articles;
use crate::logic::archive_search::{self, Filters};
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
    let docs = known_documents();
    let read = use_read_articles();
    let query = use_query_map();
    let navigate = use_navigate();

    let q = Memo::new(move |_| query.read().get("q").unwrap_or_default());
    let filters = Memo::new(move |_| Filters::from_query(|k| query.read().get(k)));
    let typed = RwSignal::new(q.get_untracked());
    // The last word is being typed (a prefix) until Enter or a new address.
    let typing = RwSignal::new(false);
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
    // What the archive is asked: the address's filters, or a submitted
    // text a task before the address says it. The router's navigation (the
    // address replaced, the route's signals and links updated) was two
    // thirds of a warm query's time; the results need not wait for it.
    let asked_filters = RwSignal::new(filters.get_untracked());
    let ask = move |f: Filters| {
        if asked_filters.with_untracked(|a| *a != f) {
            asked_filters.set(f);
        }
    };
    Effect::new(move |_| ask(filters.get()));
    // The archive's answer and the filters it answers.
    let answer = RwSignal::new(None::<(Filters, Answer)>);
    let asked = StoredValue::new(0u64);
    Effect::new(move |_| {
        let f = asked_filters.get();
        let prefix = typing.get();
        if availability.get() != Some(Availability::Ready) || f.text.trim().is_empty() {
            return;
        }
        let ticket = asked.get_value() + 1;
        asked.set_value(ticket);
        spawn_local(async move {
            let current = move || asked.try_get_value() == Some(ticket);
            let shown = f.clone();
            let early = move |outs| {
                answer.try_set(Some((shown.clone(), Answer::Early(outs))));
            };
            if let Some(a) = archive::run(f.queries(prefix), current, early).await {
                if current() {
                    answer.try_set(Some((f, a)));
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
            typing.set(true);
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
        typing.set(false);
        let text = typed.get_untracked();
        ask(Filters {
            text: text.clone(),
            page: 0,
            ..filters.get_untracked()
        });
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
            match availability.get() {
                None => view! { <p class="search-loading" aria-busy="true">{strings::SEARCH_LOADING}</p> }.into_any(),
                Some(Availability::Absent) => memory().into_any(),
                Some(Availability::Bad) => view! { {bad()} {memory()} }.into_any(),
                Some(Availability::Ready) => match answer.get() {
                    None => view! { <p class="search-loading" aria-busy="true">{strings::SEARCH_LOADING}</p> }.into_any(),
                    Some((f, Answer::Complete(out))) => {
                        archive_results(f, out, typing.get_untracked(), category_names.get(), false).into_any()
                    }
                    Some((f, Answer::Early(out))) => {
                        archive_results(f, out, typing.get_untracked(), category_names.get(), true).into_any()
                    }
                    Some((f, Answer::Partial(Some(out)))) => view! {
                        {not_stored()}
                        {archive_results(f, out, typing.get_untracked(), category_names.get(), false)}
                    }.into_any(),
                    Some((_, Answer::Partial(None))) => view! { {not_stored()} {memory()} }.into_any(),
                    Some((_, Answer::Bad)) => view! { {bad()} {memory()} }.into_any(),
                },
            }
        }}
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

/// The archive's page of results: the count, the filters with their
/// counts, the hits, the pages. `early`: the later groups' records are on
/// their way ([`Answer::Early`]).
fn archive_results(
    f: Filters,
    outs: Vec<Outcome>,
    typing: bool,
    names: HashMap<String, String>,
    early: bool,
) -> impl IntoView {
    let query = f.query(typing);
    // Which text this answer is for: the typing goes on while parts come.
    let answered = f.text.clone();
    // With a kind chosen, its page; else each kind's best, and the counts
    // of all.
    let mut outs = outs;
    let out = match (f.kind, outs.len()) {
        (Some(_), 1) => outs.pop().unwrap_or_default(),
        _ => archive_search::merged(&outs),
    };
    let category_label = move |c: &str| -> String {
        if c.is_empty() {
            strings::SEARCH_NO_CATEGORY.to_string()
        } else {
            names.get(c).cloned().unwrap_or_else(|| c.to_string())
        }
    };
    let count = |n: usize| format!(" ({})", display::number(n as u64));
    // The address this answer is for: the option that is on links to it.
    let here = f.href();
    let option = |href: String, label: String, n: Option<usize>, on: bool| {
        let current = on && href == here;
        view! {
            <li class:search-facet--on=on>
                {fixed_link(&href, current, view! { {label}{n.map(count)} })}
            </li>
        }
    };
    let kinds = {
        let mut items = vec![option(
            f.with_kind(None).href(),
            strings::SEARCH_FILTER_ALL.into(),
            None,
            f.kind.is_none(),
        )];
        for (&k, &n) in &out.facets.kinds {
            items.push(option(
                f.with_kind(Some(k)).href(),
                archive_search::kind_label(k).into(),
                Some(n),
                f.kind == Some(k),
            ));
        }
        items
    };
    let categories = {
        let mut items = vec![option(
            f.with_category(None).href(),
            strings::SEARCH_FILTER_ALL.into(),
            None,
            f.category.is_none(),
        )];
        for (c, &n) in &out.facets.categories {
            let on = f.category.as_deref() == Some(c.as_str());
            items.push(option(
                f.with_category(Some(c.clone())).href(),
                category_label(c),
                Some(n),
                on,
            ));
        }
        items
    };
    let years = {
        let mut items = vec![option(
            f.with_year(None).href(),
            strings::SEARCH_FILTER_ALL.into(),
            None,
            f.year.is_none(),
        )];
        for (&y, &n) in out.facets.years.iter().rev() {
            items.push(option(
                f.with_year(Some(y)).href(),
                y.to_string(),
                Some(n),
                f.year == Some(y),
            ));
        }
        items
    };
    let skipped = (!out.skipped.is_empty()).then(|| {
        view! { <p class="search-skipped">{strings::SEARCH_SKIPPED}" "{out.skipped.join(", ")}</p> }
    });
    let hit_view = |h: ArchiveHit| {
        let r = h.record;
        let number = r.number.clone().map(|n| {
            let runs = archive_search::marked(&n, &query);
            view! { {runs_view(runs)}" — " }
        });
        let title = archive_search::marked_runs(&r.title, &h.title_marks);
        let date = bantin_format::datetime::Date::parse(&r.date)
            .map(display::date)
            .unwrap_or_else(|| r.date.clone());
        let meta = [
            date,
            archive_search::kind_label(r.kind).to_string(),
            category_label(&r.category),
        ];
        let meta = meta
            .into_iter()
            .enumerate()
            .map(|(i, part)| {
                view! { {(i > 0).then_some(" · ")}<span>{part}</span> }
            })
            .collect_view();
        let text = (!r.text.is_empty()).then(|| {
            let runs = archive_search::marked_runs(&r.text, &h.text_marks);
            view! { <p class="search-hit__text"><span>{runs_view(runs)}</span></p> }
        });
        view! {
            <li class="search-hit">
                {fixed_link(&archive_search::record_href(&r), false, view! { {number}{runs_view(title)} })}
                {text}
                <p class="search-hit__meta">{meta}</p>
            </li>
        }
    };
    let groups = if f.kind.is_some() {
        // An early answer: the page's first hits, the rest on their way.
        let shown = if early {
            archive::EARLY_HITS
        } else {
            out.hits.len()
        };
        let hits = out
            .hits
            .clone()
            .into_iter()
            .take(shown)
            .map(hit_view)
            .collect_view();
        let more = early.then(|| {
            view! { <p class="search-loading-more" aria-busy="true">{strings::SEARCH_LOADING_MORE}</p> }
        });
        view! {
            <section class="block search-group">
                <ol class="search-results">{hits}</ol>
            </section>
            {more}
        }
        .into_any()
    } else {
        // Groups in order up to the first whose records are still coming
        // (an early answer): what comes later is added below, nothing
        // above it moves.
        let coming = early && outs.iter().any(|o| !o.missing.is_empty());
        let shown: Vec<(ArchiveKind, Outcome)> = archive_search::KINDS
            .into_iter()
            .zip(outs)
            .filter(|(_, o)| o.total > 0)
            .take_while(|(_, o)| !coming || o.missing.is_empty())
            .collect();
        let more = coming.then(|| {
            view! { <p class="search-loading-more" aria-busy="true">{strings::SEARCH_LOADING_MORE}</p> }
        });
        let groups = shown
            .into_iter()
            .map(|(k, o)| {
                let title = match k {
                    ArchiveKind::Article => strings::SEARCH_ARTICLES,
                    ArchiveKind::Document => strings::SEARCH_DOCUMENTS,
                    ArchiveKind::Entry => strings::SEARCH_ENTRIES,
                };
                let more = (o.total > o.hits.len()).then(|| {
                    let label = format!(
                        "{} {} {}",
                        strings::SEARCH_ALL_OF_KIND,
                        display::number(o.total as u64),
                        strings::SEARCH_RESULTS
                    );
                    view! { <p class="search-group__more">{fixed_link(&f.with_kind(Some(k)).href(), false, label)}</p> }
                });
                let hits = o.hits.into_iter().map(hit_view).collect_view();
                view! {
                    <section class="block search-group">
                        <h2 class="block__title">{title}</h2>
                        <ol class="search-results">{hits}</ol>
                        {more}
                    </section>
                }
            })
            .collect_view();
        view! { {groups} {more} }.into_any()
    };
    let pager = (f.kind.is_some() && out.pages > 1).then(|| {
        let previous = (f.page > 0).then(|| {
            view! { {fixed_link(&f.with_page(f.page - 1).href(), false, strings::SEARCH_PREVIOUS)} }
        });
        let next = (f.page + 1 < out.pages).then(|| {
            view! { {fixed_link(&f.with_page(f.page + 1).href(), false, strings::SEARCH_NEXT)} }
        });
        view! {
            <nav class="pager search-pager" aria-label=strings::SEARCH_PAGES_LANDMARK>
                {previous}
                <span class="search-pager__at">{format!("{} {}/{}", strings::SEARCH_PAGE, f.page + 1, out.pages)}</span>
                {next}
            </nav>
        }
    });
    let none = out.total == 0;
    view! {
        <div class="search-archive" data-archive="ready" data-query=answered>
            {if none {
                view! { <p class="notice" role="status">{strings::SEARCH_NONE}</p> }.into_any()
            } else {
                view! { <p class="list-count" role="status">{format!("{} {}", display::number(out.total as u64), strings::SEARCH_RESULTS)}</p> }.into_any()
            }}
            {skipped}
            <nav class="search-filters" aria-label=strings::SEARCH_FILTERS_LANDMARK>
                <div class="search-facet search-facet--kind">
                    <h2 class="search-facet__title">{strings::SEARCH_FILTER_KIND}</h2>
                    <ul>{kinds}</ul>
                </div>
                <div class="search-facet search-facet--category">
                    <h2 class="search-facet__title">{strings::SEARCH_FILTER_CATEGORY}</h2>
                    <ul>{categories}</ul>
                </div>
                <div class="search-facet search-facet--year">
                    <h2 class="search-facet__title">{strings::SEARCH_FILTER_YEAR}</h2>
                    <ul>{years}</ul>
                </div>
            </nav>
            {(!none).then_some(groups)}
            {pager}
        </div>
    }
}

/// Text with the query's words wrapped in <mark>.
#[component]
fn Marked(text: String, query: String) -> impl IntoView {
    runs_view(search_index::highlight(&text, &query))
}

/// Runs of a text, the marked ones in <mark>: as pairs of a plain text
/// and the marked text after it, so that a place keeps its kind of node
/// from one answer to the next and drawing the next answer can set texts
/// instead of replacing a text with a <mark> (no difference measured in a
/// warm query's time; it keeps the view's shape the same per place).
fn runs_view(runs: Vec<(String, bool)>) -> impl IntoView {
    let mut pairs: Vec<(String, Option<String>)> = Vec::new();
    for (part, hit) in runs {
        match (pairs.last_mut(), hit) {
            (Some((_, marked @ None)), true) => *marked = Some(part),
            (Some((plain, None)), false) => plain.push_str(&part),
            (_, true) => pairs.push((String::new(), Some(part))),
            (_, false) => pairs.push((part, None)),
        }
    }
    pairs
        .into_iter()
        .map(|(plain, marked)| view! { {plain}{marked.map(|m| view! { <mark>{m}</mark> })} })
        .collect_view()
}
