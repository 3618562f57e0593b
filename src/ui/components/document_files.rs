use leptos::prelude::*;

use bantin_format::model::DocumentFileRef;

use crate::browser::config::feed_url;
use crate::logic::doc_catalog;
use crate::strings;

/// A document's files: each a real download link (the download attribute
/// and the file's name, so phones save it), plus a "Xem" link that opens
/// it in the browser where the browser can show the format. Every URL here
/// passed validation (http(s) or relative).
#[component]
pub fn FileLinks(files: Vec<DocumentFileRef>) -> impl IntoView {
    (!files.is_empty()).then(|| {
        view! {
            <ul class="file-list">
                {files.into_iter().map(|f| {
                    let href = feed_url(&f.url);
                    let label = doc_catalog::file_label(&f);
                    let inline = doc_catalog::opens_inline(&f);
                    view! {
                        <li class="file">
                            <a class="file__download" href=href.clone() download=f.name.clone()>
                                <span class="file__action">{strings::DOWNLOAD}</span>
                                <span class="file__name">{f.name.clone()}</span>
                                <span class="file__label">{label}</span>
                            </a>
                            {inline.then(|| view! {
                                <a class="file__open" href=href target="_blank" rel="noopener">{strings::OPEN_FILE}</a>
                            })}
                        </li>
                    }
                }).collect_view()}
            </ul>
        }
    })
}
