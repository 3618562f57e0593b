use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::components::page_title::PageTitle;
use crate::strings;

#[component]
pub fn ArticlePage() -> impl IntoView {
    let params = use_params_map();
    let slug = move || params.read().get("slug").unwrap_or_default();
    view! {
        <PageTitle text=strings::HEADING_ARTICLE.to_string()/>
        <h1>{strings::HEADING_ARTICLE}</h1>
        <p>{slug}</p>
    }
}
