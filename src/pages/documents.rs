use leptos::prelude::*;

use crate::components::page_title::PageTitle;
use crate::strings;

#[component]
pub fn DocumentsPage() -> impl IntoView {
    view! {
        <PageTitle text=strings::HEADING_DOCUMENTS.to_string()/>
        <h1>{strings::HEADING_DOCUMENTS}</h1>
    }
}
