//! Any address the app does not know: says so, in Vietnamese, with a way home.

use crate::ui::components::link::A;
use leptos::prelude::*;

use crate::logic::routes;
use crate::strings;
use crate::ui::components::page_title::PageTitle;

/// A real 404 page: says what happened and offers a way back.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    view! {
        <PageTitle text=strings::HEADING_NOT_FOUND.to_string()/>
        <section class="not-found">
            <h1>{strings::HEADING_NOT_FOUND}</h1>
            <p>{strings::NOT_FOUND_TEXT}</p>
            <p>
                <A href=routes::HOME attr:class="button">{strings::NOT_FOUND_BACK}</A>
            </p>
        </section>
    }
}
