//! `/van-ban/:id`: one document with every field the feed has, its files,
//! and the documents it replaces, is replaced by and relates to.

use crate::browser::caches;
use crate::browser::loaders;
use crate::ui::components::link::A;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use bantin_format::datetime::Date;
use bantin_format::display;
use bantin_format::model::Document;

use crate::browser::clock;
use crate::browser::dom;
use crate::browser::http::LoadError;
use crate::browser::state::{known_documents, use_library};
use crate::logic::doc_catalog::{self, Status};
use crate::logic::schedule;
use crate::logic::{offline_plan, routes};
use crate::strings;
use crate::ui::components::document_files::FileLinks;
use crate::ui::components::feed_notice::{Failed, Loading};
use crate::ui::components::page_title::PageTitle;
use bantin_format::library::PartId;

#[component]
pub fn DocumentPage() -> impl IntoView {
    let params = use_params_map();
    let id = move || params.read().get("id").unwrap_or_default();
    let doc = LocalResource::new(move || {
        let id = id();
        async move { loaders::load_document(&id).await }
    });
    let at_hand = crate::browser::state::at_hand().document;
    view! {
        {move || match doc.get() {
            None => match at_hand.as_ref().filter(|d| d.id == id()) {
                Some(d) => view! { <DocumentView doc=d.as_ref().clone()/> }.into_any(),
                None => view! { <Loading/> }.into_any(),
            },
            Some(Ok(d)) => view! { <DocumentView doc=d/> }.into_any(),
            Some(Err(LoadError::NotFound | LoadError::Invalid)) => view! {
                <PageTitle text=strings::DOC_NOT_FOUND.to_string()/>
                <section class="not-found">
                    <h1>{strings::DOC_NOT_FOUND}</h1>
                    <p>{strings::DOC_NOT_FOUND_TEXT}</p>
                    <p><A href=routes::DOCUMENTS attr:class="button">{strings::DOC_BACK}</A></p>
                </section>
            }.into_any(),
            Some(Err(e)) => view! { <FromList id=id() error=e on_retry=move || doc.refetch()/> }.into_any(),
        }}
    }
}

/// The document's own file did not come (no network, and not stored): the
/// stored document list has the same fields, so show it from there. With
/// a library index, its rows stored for the library's first screen (and
/// those fetched in this visit) stand in for the list.
#[component]
fn FromList(id: String, error: LoadError, #[prop(into)] on_retry: Callback<()>) -> impl IntoView {
    let all = known_documents();
    let library = use_library();
    Effect::new(move |_| {
        if let Some(root) = library.ready() {
            let stored = root.row_parts().min(offline_plan::STORED_ROW_PARTS);
            library.fetch((0..stored).map(PartId::Rows).collect());
        }
    });
    move || {
        let found = all.with(|list| list.iter().find(|d| d.id == id).cloned());
        match found {
            Some(d) => view! {
                <p class="notice" role="status">{strings::DOC_FROM_LIST}</p>
                <DocumentView doc=d/>
            }
            .into_any(),
            None => view! {
                <h1>{strings::HEADING_DOCUMENT}</h1>
                <Failed message=error.message() on_retry=on_retry/>
            }
            .into_any(),
        }
    }
}

/// "Lưu để đọc ngoại tuyến": keeps the document and its files on this device.
#[component]
fn SaveOffline(doc: Document) -> impl IntoView {
    let saved = RwSignal::new(None::<bool>);
    let failed = RwSignal::new(false);
    let doc = StoredValue::new(doc);
    leptos::task::spawn_local(async move {
        let is = caches::is_document_saved(&doc.get_value()).await;
        saved.set(Some(is));
    });
    let toggle = move |_| {
        failed.set(false);
        leptos::task::spawn_local(async move {
            let d = doc.get_value();
            if saved.get_untracked() == Some(true) {
                caches::unsave_document(&d).await;
                saved.set(Some(false));
            } else {
                let ok = caches::save_document(&d).await.is_ok();
                failed.set(!ok);
                saved.set(Some(ok));
            }
        });
    };
    view! {
        <div class="save-offline">
            {move || match saved.get() {
                Some(true) => view! {
                    <p class="save-offline__done" role="status">{strings::DOC_SAVED}</p>
                    <button type="button" class="button button--small" on:click=toggle>{strings::DOC_UNSAVE}</button>
                }.into_any(),
                _ => view! {
                    <button type="button" class="button" on:click=toggle>{strings::DOC_SAVE}</button>
                }.into_any(),
            }}
            <Show when=move || failed.get()>
                <p class="notice notice--error" role="alert">{strings::DOC_SAVE_FAILED}</p>
            </Show>
        </div>
    }
}

/// Feed values that share a line, each in an element of its own (a bidi
/// isolate, by the stylesheet), so a direction override in one cannot
/// reverse the others or the separator.
fn joined(parts: Vec<String>, separator: &'static str) -> impl IntoView {
    parts
        .into_iter()
        .enumerate()
        .map(|(i, p)| view! { {(i > 0).then_some(separator)}<span>{p}</span> })
        .collect_view()
}

fn show_date(s: &str) -> String {
    Date::parse(s).map_or_else(|| s.to_string(), display::date)
}

#[component]
fn DocumentView(doc: Document) -> impl IntoView {
    let today = schedule::today(clock::now_ms());
    let status = doc_catalog::status(&doc, today);
    dom::set_meta_description(&doc.summary);
    let all = known_documents();
    // Numbers of linked documents, as far as the documents at hand tell
    // (the whole list, or the library's rows fetched so far); ids else.
    let name_of = move |id: String| {
        all.with(|list| {
            list.iter()
                .find(|d| d.id == id)
                .map(|d| joined(vec![d.number.clone(), d.summary.clone()], " – ").into_any())
        })
        .unwrap_or_else(|| id.into_any())
    };
    let links = move |ids: Vec<String>| {
        view! {
            <ul class="doc-links">
                {ids.into_iter().map(|id| {
                    let href = routes::document(&id);
                    view! { <li><A href=href>{move || name_of(id.clone())}</A></li> }
                }).collect_view()}
            </ul>
        }
    };
    let banner = if doc_catalog::is_replaced(&doc) {
        Some(
            view! {
                <div class="banner banner--replaced" role="note">
                    <p>{strings::DOC_BANNER_REPLACED}</p>
                    {links(doc.replaced_by.clone())}
                </div>
            }
            .into_any(),
        )
    } else {
        match status {
            Status::Expired => Some(view! { <div class="banner" role="note"><p>{strings::DOC_BANNER_EXPIRED}</p></div> }.into_any()),
            Status::NotYetInForce => Some(view! { <div class="banner" role="note"><p>{strings::DOC_BANNER_NOT_YET}</p></div> }.into_any()),
            Status::InForce => None,
        }
    };
    let row = |label: &'static str, value: Option<AnyView>| {
        value.map(|v| view! { <tr><th scope="row">{label}</th><td>{v}</td></tr> })
    };
    // A value of the feed's, or the app's own words, as the cell's text.
    let text = |v: String| (!v.is_empty()).then(|| v.into_any());
    view! {
        <PageTitle text=doc.number.clone()/>
        <article class="document">
            <nav class="breadcrumb" aria-label=strings::BREADCRUMB_LABEL>
                <ol>
                    <li><A href=routes::HOME>{strings::NAV_HOME}</A></li>
                    <li><A href=routes::DOCUMENTS>{strings::NAV_DOCUMENTS}</A></li>
                </ol>
            </nav>
            <h1><span>{doc.doc_type.clone()}</span>" "<span>{doc.number.clone()}</span></h1>
            {banner}
            <p class="document__summary">{doc.summary.clone()}</p>
            <table class="document__fields">
                <tbody>
                    {row(strings::DOC_NUMBER, text(doc.number.clone()))}
                    {row(strings::DOC_TYPE, text(doc.doc_type.clone()))}
                    {row(strings::DOC_ISSUER, text(doc.issuer.clone()))}
                    {row(strings::DOC_SIGNER, doc.signer.as_ref().filter(|s| !s.name.is_empty()).map(|s| {
                        joined([Some(s.name.clone()), s.position.clone()].into_iter().flatten().collect(), " – ").into_any()
                    }))}
                    {row(strings::DOC_ISSUED, text(show_date(&doc.issued)))}
                    {row(strings::DOC_EFFECTIVE, doc.effective.as_deref().map(show_date).and_then(text))}
                    {row(strings::DOC_EXPIRES, doc.expires.as_deref().map(show_date).and_then(text))}
                    {row(strings::DOC_STATUS, text(status.label().to_string()))}
                    {row(strings::DOC_FIELDS, (!doc.fields.is_empty()).then(|| joined(doc.fields.clone(), ", ").into_any()))}
                    // Counts the portal does not keep are left out, not shown as 0.
                    {row(strings::VIEWS, doc.views.map(display::number).and_then(text))}
                    {row(strings::DOWNLOADS, doc.downloads.map(display::number).and_then(text))}
                </tbody>
            </table>
            {(!doc.files.is_empty()).then(|| view! {
                <section aria-labelledby="tep">
                    <h2 id="tep">{strings::DOC_FILES}</h2>
                    <FileLinks files=doc.files.clone()/>
                </section>
            })}
            <SaveOffline doc=doc.clone()/>
            {(!doc.replaces.is_empty()).then(|| view! { <section><h2>{strings::DOC_REPLACES}</h2>{links(doc.replaces.clone())}</section> })}
            {(!doc.replaced_by.is_empty()).then(|| view! { <section><h2>{strings::DOC_REPLACED_BY}</h2>{links(doc.replaced_by.clone())}</section> })}
            {(!doc.related.is_empty()).then(|| view! { <section><h2>{strings::DOC_RELATED}</h2>{links(doc.related.clone())}</section> })}
            <p><A href=routes::DOCUMENTS>{strings::DOC_BACK}</A></p>
        </article>
    }
}
