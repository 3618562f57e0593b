//! `/van-ban`: the document library, newest first, with filters that
//! combine and live in the URL (`?loai=…&nam=2026&q=112-hd`), shown a
//! page at a time. With the feed's library index (format doc §7.9) it
//! fetches only the root and the parts of what it shows; the text filter
//! asks the archive index (§7.8) for the documents it matches (its term
//! parts, no record part) and the library index for their rows. Without
//! the library index, or when the archive cannot answer, the whole list.

use crate::ui::components::link::A;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;

use std::sync::Arc;

use bantin_format::library::{PartId, Root};
use bantin_format::model::Document;
use bantin_format::{display, text};

use crate::browser::archive::{self, Matches};
use crate::browser::clock;
use crate::browser::http::LoadError;
use crate::browser::state::{use_documents, use_feed, use_library};
use crate::logic::doc_catalog::{self, Filter, Status};
use crate::logic::library::{self as library_logic, TextIds};
use crate::logic::{meta_lines, routes};
use crate::strings;
use crate::ui::components::document_files::FileLinks;
use crate::ui::components::feed_notice::{Failed, Loading};
use crate::ui::components::page_title::PageTitle;

/// What the list shows below the filters.
#[derive(Clone, Debug, PartialEq)]
enum Listing {
    Loading,
    /// Nothing to show: the list (or the parts a filter needs) failed.
    Failed(LoadError),
    List {
        count: usize,
        rows: Vec<Document>,
        /// More rows are on their way.
        pending: bool,
        /// Rows of the library index are on their way: the list is not
        /// drawn whole yet (`data-pending`, so a published page is not
        /// swapped for it before they come).
        awaiting_rows: bool,
        /// Parts of the rows shown could not be fetched: the rows before
        /// the first of them are shown.
        part_error: Option<LoadError>,
    },
}

/// The shape of a [`Listing`], so the list is drawn again only when it changes.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Shape {
    Loading,
    Failed,
    List,
}

/// Where the text filter stands with the archive index.
#[derive(Clone, Debug, PartialEq)]
enum Text {
    /// The archive's answer is on its way.
    Asking,
    /// The library ids of the documents the text matches, ascending.
    Ids(Vec<u32>),
    /// The library's id parts the text still needs.
    Missing(Vec<PartId>),
    /// The archive's term parts could not be fetched (offline).
    Unreachable(LoadError),
    /// The archive cannot answer: the whole list does. `bad`: its index
    /// could not be read (the reader is told).
    WholeList { bad: bool },
}

/// The reader's message when the archive's parts for the text could not
/// be fetched.
fn text_message(e: &LoadError) -> &'static str {
    match e {
        LoadError::Network | LoadError::Timeout => strings::DOC_TEXT_OFFLINE,
        _ => strings::DOC_TEXT_FAILED,
    }
}

/// The reader's message when parts of the library index could not be fetched.
fn part_message(e: &LoadError) -> &'static str {
    match e {
        LoadError::Network | LoadError::Timeout => strings::DOC_PART_OFFLINE,
        _ => strings::DOC_PART_FAILED,
    }
}

#[component]
pub fn DocumentsPage() -> impl IntoView {
    let query = use_query_map();
    let navigate = use_navigate();
    let today = clock::today();
    let library = use_library();
    library.open();
    let docs = use_documents();
    let feed = use_feed();

    let filter = Memo::new(move |_| {
        let q = query.read();
        Filter::from_query(|k| q.get(k))
    });
    // Changing a filter rewrites the URL, so the result survives a reload and can be shared.
    let go = move |f: Filter| {
        navigate(
            &routes::documents_filtered(&f.to_query()),
            NavigateOptions {
                replace: true,
                scroll: false,
                ..Default::default()
            },
        )
    };
    // Rows shown: a step's worth, and one more per "Xem thêm" pressed on
    // this filter. Worked out from the filter as it is, not reset by an
    // effect, so a new filter never asks for the last one's rows first.
    let more = RwSignal::new(None::<(Filter, usize)>);
    let pressed = |more: &Option<(Filter, usize)>, f: &Filter| match more {
        Some((on, n)) if on == f => *n,
        _ => 0,
    };
    let shown = Memo::new(move |_| {
        let f = filter.get();
        library_logic::rows_step(&f) * (1 + more.with(|m| pressed(m, &f)))
    });
    let show_more = move || {
        let f = filter.get_untracked();
        let n = more.with_untracked(|m| pressed(m, &f));
        more.set(Some((f, n + 1)));
    };

    // The library index answers the filters, with the archive index for
    // the text; without them the whole list is loaded, every page once the
    // feed's index says how many there are. A whole list already here
    // (handed over by the publish step, or loaded when the archive could
    // not answer) answers everything.
    let have_list =
        Memo::new(move |_| docs.complete.get() && docs.list.with(|l| matches!(l, Some(Ok(_)))));

    // The archive's matches for the text, asked for when the text changes
    // (and again on "Thử lại").
    let answer = RwSignal::new(None::<(String, Matches)>);
    let asked = StoredValue::new(0u64);
    let ask_again = RwSignal::new(0u32);
    Effect::new(move |_| {
        ask_again.track();
        let text = filter.with(|f| f.text.trim().to_string());
        if text.is_empty() || have_list.get() || library.ready().is_none() {
            return;
        }
        if answer.with_untracked(|a| {
            a.as_ref()
                .is_some_and(|(t, m)| *t == text && !matches!(m, Matches::Unreachable(_)))
        }) {
            return;
        }
        let ticket = asked.get_value() + 1;
        asked.set_value(ticket);
        leptos::task::spawn_local(async move {
            let current = move || asked.try_get_value() == Some(ticket);
            let query = library_logic::text_query(&text);
            if let Some(m) = archive::matches(query, current).await {
                if current() {
                    answer.try_set(Some((text, m)));
                }
            }
        });
    });
    let text: Memo<Option<Text>> = Memo::new(move |_| {
        let f = filter.get();
        if !library_logic::has_text(&f) {
            return None;
        }
        let root = library.ready()?;
        Some(answer.with(|a| match a {
            Some((t, m)) if *t == f.text.trim() => match m {
                Matches::Complete { root: archive, ids } => library.parts.with(|p| {
                    match library_logic::text_ids(archive, ids, &root, p) {
                        TextIds::Ids(ids) => Text::Ids(ids),
                        TextIds::Missing(parts) => Text::Missing(parts),
                        TextIds::Unmapped => Text::WholeList { bad: false },
                    }
                }),
                Matches::Unreachable(e) => Text::Unreachable(e.clone()),
                Matches::Absent => Text::WholeList { bad: false },
                Matches::Bad => Text::WholeList { bad: true },
            },
            _ => Text::Asking,
        }))
    });
    let indexed: Memo<Option<Arc<Root>>> = Memo::new(move |_| {
        library.ready().filter(|_| {
            !have_list.get() && !text.with(|t| matches!(t, Some(Text::WholeList { .. })))
        })
    });
    let whole_list = Memo::new(move |_| {
        have_list.get() || (library.root.with(Option::is_some) && indexed.with(Option::is_none))
    });
    Effect::new(move |_| {
        if whole_list.get() {
            if let Some(pages) = feed.index.with(|i| i.as_ref().map(|i| i.documents.pages)) {
                docs.ensure(pages);
            }
        }
    });

    // From the index: the ids the filter selects, the parts they need.
    let ids = Memo::new(move |_| {
        let root = indexed.get()?;
        let f = filter.get();
        text.with(|t| {
            let matched = |text_ids: Option<&[u32]>| {
                library
                    .parts
                    .with(|p| library_logic::matching(&root, p, &f, today.get(), text_ids))
            };
            match t {
                None => Some(matched(None)),
                Some(Text::Ids(ids)) => Some(matched(Some(ids))),
                // The type parts of the text and the filter's own, at once.
                Some(Text::Missing(parts)) => {
                    let mut need = parts.clone();
                    if let Err(more) = matched(None) {
                        for p in more {
                            if !need.contains(&p) {
                                need.push(p);
                            }
                        }
                    }
                    Some(Err(need))
                }
                Some(_) => None,
            }
        })
    });
    let wanted = Memo::new(move |_| {
        let root = indexed.get()?;
        ids.with(|ids| match ids.as_ref()? {
            Ok(ids) => Some(library_logic::row_parts_for(&root, ids, shown.get())),
            Err(missing) => Some(missing.clone()),
        })
    });
    Effect::new(move |_| {
        if let Some(parts) = wanted.get() {
            library.fetch(parts);
        }
    });
    let part_error = Memo::new(move |_| {
        let root = indexed.get()?;
        if let Some(Text::Unreachable(e)) = text.get() {
            return Some(e);
        }
        let mut needed = library_logic::filter_parts(&root, &filter.get());
        needed.extend(wanted.get().unwrap_or_default());
        library.failed.with(|f| {
            f.iter()
                .find(|(p, _)| needed.contains(p))
                .map(|(_, e)| e.clone())
        })
    });

    // From the whole list.
    let all: Memo<Vec<Document>> = Memo::new(move |_| {
        docs.list.with(|l| match l {
            Some(Ok(list)) => list.as_ref().clone(),
            _ => Vec::new(),
        })
    });
    let matching = Memo::new(move |_| {
        if !whole_list.get() {
            return Vec::new();
        }
        let f = filter.get();
        let mut list: Vec<Document> = all.with(|a| {
            a.iter()
                .filter(|d| f.matches(d, today.get()))
                .cloned()
                .collect()
        });
        doc_catalog::sort_newest(&mut list);
        list
    });

    let listing = Memo::new(move |_| {
        if let Some(root) = indexed.get() {
            let error = part_error.get();
            return match ids.get() {
                Some(Ok(ids)) => {
                    let rows = library
                        .parts
                        .with(|p| library_logic::rows(&root, p, &ids, shown.get()));
                    let awaiting = error.is_none() && rows.len() < ids.len().min(shown.get());
                    Listing::List {
                        count: ids.len(),
                        pending: awaiting,
                        awaiting_rows: awaiting,
                        rows,
                        part_error: error,
                    }
                }
                _ => error.map_or(Listing::Loading, Listing::Failed),
            };
        }
        if !whole_list.get() {
            return Listing::Loading;
        }
        match docs.list.get() {
            None => Listing::Loading,
            Some(Err(e)) => Listing::Failed(e),
            Some(Ok(_)) => matching.with(|m| Listing::List {
                count: m.len(),
                rows: m.iter().take(shown.get()).cloned().collect(),
                pending: !docs.complete.get(),
                awaiting_rows: false,
                part_error: None,
            }),
        }
    });
    let shape = Memo::new(move |_| {
        listing.with(|l| match l {
            Listing::Loading => Shape::Loading,
            Listing::Failed(_) => Shape::Failed,
            Listing::List { .. } => Shape::List,
        })
    });
    let count = Memo::new(move |_| {
        listing.with(|l| match l {
            Listing::List { count, .. } => *count,
            _ => 0,
        })
    });
    let retry = move || {
        if indexed.with_untracked(Option::is_some) {
            library.retry();
            ask_again.update(|n| *n += 1);
        } else {
            docs.retry();
        }
    };
    let facets = Memo::new(move |_| match library.ready() {
        Some(root) => library_logic::facets(&root),
        None => all.with(|a| doc_catalog::facets(a)),
    });

    let select = {
        let go = go.clone();
        move |label: &'static str,
              value: Signal<String>,
              options: Signal<Vec<(String, String)>>,
              pick: fn(&mut Filter, String)| {
            let go = go.clone();
            view! {
                <label class="doc-filter">
                    <span>{label}</span>
                    <select
                        prop:value=move || value.get()
                        on:change=move |ev| {
                            let mut f = filter.get_untracked();
                            pick(&mut f, event_target_value(&ev));
                            go(f);
                        }
                    >
                        <option value="">{strings::DOC_ALL}</option>
                        {move || options.get().into_iter().map(|(v, text)| {
                            let selected = v == value.get();
                            view! { <option value=v selected=selected>{text}</option> }
                        }).collect_view()}
                    </select>
                </label>
            }
        }
    };
    let counted = |items: Vec<(String, usize)>| {
        items
            .into_iter()
            // An option is one string: the feed's part is isolated in it.
            .map(|(v, n)| (v.clone(), format!("{} ({n})", text::isolate(&v))))
            .collect::<Vec<_>>()
    };

    view! {
        <PageTitle text=strings::HEADING_DOCUMENTS.to_string()/>
        <h1>{strings::HEADING_DOCUMENTS}</h1>
        <form class="doc-filters" role="search" aria-label=strings::DOC_FILTERS_LANDMARK on:submit=|ev| ev.prevent_default()>
            <label class="doc-filter doc-filter--text">
                <span>{strings::DOC_FILTER_TEXT}</span>
                <input
                    type="search"
                    placeholder=strings::DOC_FILTER_PLACEHOLDER
                    prop:value=move || filter.get().text
                    on:change={
                        let go = go.clone();
                        move |ev| {
                            let mut f = filter.get_untracked();
                            f.text = event_target_value(&ev).trim().to_string();
                            go(f);
                        }
                    }
                />
            </label>
            {select(strings::DOC_TYPE, Signal::derive(move || filter.get().doc_type.unwrap_or_default()),
                Signal::derive(move || counted(facets.get().types)), |f, v| f.doc_type = Some(v).filter(|v| !v.is_empty()))}
            {select(strings::DOC_ISSUER, Signal::derive(move || filter.get().issuer.unwrap_or_default()),
                Signal::derive(move || counted(facets.get().issuers)), |f, v| f.issuer = Some(v).filter(|v| !v.is_empty()))}
            {select(strings::DOC_FIELDS, Signal::derive(move || filter.get().field.unwrap_or_default()),
                Signal::derive(move || counted(facets.get().fields)), |f, v| f.field = Some(v).filter(|v| !v.is_empty()))}
            {select(strings::DOC_YEAR, Signal::derive(move || filter.get().year.map(|y| y.to_string()).unwrap_or_default()),
                Signal::derive(move || facets.get().years.into_iter().map(|(y, n)| (y.to_string(), format!("{y} ({n})"))).collect()),
                |f, v| f.year = v.parse().ok())}
            {select(strings::DOC_STATUS, Signal::derive(move || filter.get().status.map(|s| s.slug().to_string()).unwrap_or_default()),
                Signal::derive(|| Status::ALL.iter().map(|s| (s.slug().to_string(), s.label().to_string())).collect()),
                |f, v| f.status = Status::from_slug(&v))}
            {move || (!filter.get().is_empty()).then(|| view! {
                <A href=routes::DOCUMENTS attr:class="tool tool--wide">{strings::DOC_CLEAR_FILTERS}</A>
            })}
        </form>
        {move || text.with(|t| matches!(t, Some(Text::WholeList { bad: true }))).then(|| view! {
            <p class="notice" role="status">{strings::DOC_TEXT_INDEX_BAD}</p>
        })}
        {move || match shape.get() {
            Shape::Loading => view! { <Loading/> }.into_any(),
            Shape::Failed => {
                let unreachable = text.with_untracked(|t| matches!(t, Some(Text::Unreachable(_))));
                let message = listing.with_untracked(|l| match l {
                    Listing::Failed(e) if unreachable => text_message(e),
                    Listing::Failed(e) if indexed.with_untracked(Option::is_some) => part_message(e),
                    Listing::Failed(e) => e.message(),
                    _ => strings::ERROR_INVALID,
                });
                view! { <Failed message=message on_retry=move || retry()/> }.into_any()
            }
            Shape::List => view! {
                <p class="list-count" role="status">
                    {move || format!("{} {}", display::number(count.get() as u64), strings::DOC_COUNT)}
                    {move || listing.with(|l| matches!(l, Listing::List { pending: true, .. }))
                        .then(|| format!(" · {}", strings::LOADING_MORE))}
                </p>
                {move || (count.get() == 0).then(|| view! { <p class="notice">{strings::DOC_NONE}</p> })}
                <ol class="doc-table" data-pending=move || listing.with(|l| matches!(l, Listing::List { awaiting_rows: true, .. })).then_some("")>
                    {move || listing.with(|l| match l {
                        Listing::List { rows, .. } => rows.clone(),
                        _ => Vec::new(),
                    }).into_iter().map(|d| view! { <DocumentRow doc=d today=today.get()/> }).collect_view()}
                </ol>
                {move || listing.with(|l| match l {
                    Listing::List { part_error: Some(e), .. } => Some(part_message(e)),
                    _ => None,
                }).map(|message| view! {
                    <Failed message=message on_retry=move || retry() keeps_content=true/>
                })}
                {move || (count.get() > shown.get()).then(|| view! {
                    <div class="list-more">
                        <button type="button" class="button" on:click=move |_| show_more()>{strings::LOAD_MORE}</button>
                    </div>
                })}
            }.into_any(),
        }}
    }
}

#[component]
fn DocumentRow(doc: Document, today: bantin_format::datetime::Date) -> impl IntoView {
    let status = doc_catalog::status(&doc, today);
    let issued = bantin_format::datetime::Date::parse(&doc.issued)
        .map_or_else(|| doc.issued.clone(), display::date);
    view! {
        <li class="doc-row">
            <p class="doc-row__head">
                <A href=routes::document(&doc.id) attr:class="doc-row__number">{doc.number.clone()}</A>
                <span class="doc-row__type">{doc.doc_type.clone()}</span>
                <span class=format!("status status--{}", status.slug())>{status.label()}</span>
            </p>
            <p class="doc-row__summary">{doc.summary.clone()}</p>
            <p class="doc-row__meta">
                {format!("{}: {issued} · ", strings::DOC_ISSUED)}
                <span>{doc.issuer.clone()}</span>
                {meta_lines::document_counts(doc.views, doc.downloads).map(|c| format!(" · {c}"))}
            </p>
            <FileLinks files=doc.files.clone()/>
        </li>
    }
}
