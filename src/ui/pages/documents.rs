//! `/van-ban`: the document library, newest first, with filters that
//! combine and live in the URL (`?loai=…&nam=2026&q=112-hd`), shown a
//! page at a time.

use crate::ui::components::link::A;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;

use bantin_format::model::Document;
use bantin_format::{display, text};

use crate::browser::clock;
use crate::browser::state::load_documents;
use crate::logic::doc_catalog::{self, Filter, Status};
use crate::logic::{meta_lines, routes};
use crate::strings;
use crate::ui::components::document_files::FileLinks;
use crate::ui::components::feed_notice::{Failed, Loading};
use crate::ui::components::page_title::PageTitle;

/// Documents shown per step of "Xem thêm".
const STEP: usize = 30;

#[component]
pub fn DocumentsPage() -> impl IntoView {
    let docs = load_documents();
    let query = use_query_map();
    let navigate = use_navigate();
    let today = clock::today();

    // Load every page once the index says how many there are.

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
    let shown = RwSignal::new(STEP);
    Effect::new(move |_| {
        filter.track();
        shown.set(STEP);
    });

    let all: Memo<Vec<Document>> = Memo::new(move |_| {
        docs.list.with(|l| match l {
            Some(Ok(list)) => list.as_ref().clone(),
            _ => Vec::new(),
        })
    });
    let matching = Memo::new(move |_| {
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
    let facets = Memo::new(move |_| all.with(|a| doc_catalog::facets(a)));

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
        {move || match docs.list.get() {
            None => view! { <Loading/> }.into_any(),
            Some(Err(e)) => view! {
                <Failed message=e.message() on_retry=move || docs.retry()/>
            }.into_any(),
            Some(Ok(_)) => view! {
                <p class="list-count" role="status">
                    {move || format!("{} {}", display::number(matching.with(|m| m.len()) as u64), strings::DOC_COUNT)}
                    {move || (!docs.complete.get()).then(|| format!(" · {}", strings::LOADING_MORE))}
                </p>
                {move || matching.with(|m| m.is_empty()).then(|| view! { <p class="notice">{strings::DOC_NONE}</p> })}
                <ol class="doc-table">
                    {move || matching.get().into_iter().take(shown.get()).map(|d| view! { <DocumentRow doc=d today=today.get()/> }).collect_view()}
                </ol>
                {move || (matching.with(|m| m.len()) > shown.get()).then(|| view! {
                    <div class="list-more">
                        <button type="button" class="button" on:click=move |_| shown.update(|s| *s += STEP)>{strings::LOAD_MORE}</button>
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
