use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::components::page_title::PageTitle;
use crate::strings;

#[component]
pub fn DocumentPage() -> impl IntoView {
    let params = use_params_map();
    let id = move || params.read().get("id").unwrap_or_default();
    view! {
        <PageTitle text=strings::HEADING_DOCUMENT.to_string()/>
        <h1>{strings::HEADING_DOCUMENT}</h1>
        <p>{id}</p>
    }
}
