use leptos::prelude::*;

use crate::browser::state::use_feed;
use crate::strings;

/// Says what happened to the feed, where content would be: a loading line,
/// or an error with a retry button. When older content is on screen it
/// stays, and the notice says it is not the newest.
#[component]
pub fn FeedNotice() -> impl IntoView {
    let feed = use_feed();
    move || {
        let has_content = feed.index.with(Option::is_some);
        match feed.error.get() {
            Some(error) => {
                let text = if has_content {
                    strings::ERROR_KEEPING_OLD
                } else {
                    error.message()
                };
                Some(view! { <Failed message=text on_retry=move || feed.refresh() keeps_content=has_content/> }.into_any())
            }
            None if feed.loading.get() && !has_content => Some(view! { <Loading/> }.into_any()),
            None => None,
        }
    }
}

/// The line shown where content is on its way.
#[component]
pub fn Loading() -> impl IntoView {
    view! { <p class="notice notice--loading" role="status" data-pending="">{strings::LOADING}</p> }
}

/// A failure worded for the reader, with a button to try again.
#[component]
pub fn Failed(
    message: &'static str,
    #[prop(into)] on_retry: Callback<()>,
    /// Older content stays on screen beside it (`browser::takeover` swaps
    /// such a page in; one with only a failure to show, it does not).
    #[prop(optional)]
    keeps_content: bool,
) -> impl IntoView {
    view! {
        <div class="notice notice--error" role="alert" data-keeps-content=keeps_content.then_some("")>
            <p>{message}</p>
            <button type="button" class="button button--small" on:click=move |_| on_retry.run(())>
                {strings::RETRY}
            </button>
        </div>
    }
}
