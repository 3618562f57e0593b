use leptos::prelude::*;

use crate::components::page_title::PageTitle;
use crate::strings;

#[component]
pub fn HomePage() -> impl IntoView {
    view! {
        <PageTitle text=strings::HEADING_HOME.to_string()/>
        <h1>{strings::HEADING_HOME}</h1>
    }
}
