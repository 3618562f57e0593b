use leptos::prelude::*;

use crate::components::page_title::PageTitle;
use crate::strings;

#[component]
pub fn NewsPage() -> impl IntoView {
    view! {
        <PageTitle text=strings::HEADING_NEWS.to_string()/>
        <h1>{strings::HEADING_NEWS}</h1>
    }
}
