use leptos::prelude::*;

use crate::components::page_title::PageTitle;
use crate::strings;

#[component]
pub fn CalendarPage() -> impl IntoView {
    view! {
        <PageTitle text=strings::HEADING_CALENDAR.to_string()/>
        <h1>{strings::HEADING_CALENDAR}</h1>
    }
}
