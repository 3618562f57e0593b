use leptos::prelude::*;

use crate::components::page_title::PageTitle;
use crate::strings;

#[component]
pub fn KioskPage() -> impl IntoView {
    view! {
        <PageTitle text=strings::HEADING_KIOSK.to_string()/>
        <h1>{strings::HEADING_KIOSK}</h1>
    }
}
