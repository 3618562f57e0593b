use leptos::prelude::*;

use crate::components::page_title::PageTitle;
use crate::strings;

#[component]
pub fn SearchPage() -> impl IntoView {
    view! {
        <PageTitle text=strings::HEADING_SEARCH.to_string()/>
        <h1>{strings::HEADING_SEARCH}</h1>
    }
}
