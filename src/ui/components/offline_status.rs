//! The two lines the service worker side adds above every page: the
//! offline banner (with when the stored feed was fetched) and the prompt to
//! load a new release.

use leptos::prelude::*;

use crate::browser::service_worker::apply_update;
use crate::browser::state::use_feed;
use crate::browser::state::use_offline;
use crate::logic::offline_plan;
use crate::strings;

/// "Đang ngoại tuyến — nội dung cập nhật lúc 08:05 23/11", while the index
/// on screen is the stored copy. It goes by itself once the network is back.
#[component]
pub fn OfflineBanner() -> impl IntoView {
    let feed = use_feed();
    move || {
        feed.stored_at.get().map(|stamp| {
            let text = offline_plan::fetched_label(&stamp).map_or_else(
                || strings::OFFLINE_BANNER_UNKNOWN.to_string(),
                |at| format!("{} {at}", strings::OFFLINE_BANNER),
            );
            view! { <p class="offline-banner" role="status">{text}</p> }
        })
    }
}

/// "Đã có phiên bản mới" with a reload button, once a new release waits.
#[component]
pub fn UpdatePrompt() -> impl IntoView {
    let pwa = use_offline();
    move || {
        pwa.update_ready.get().then(|| {
            view! {
                <div class="update-prompt" role="alert">
                    <p>{strings::UPDATE_READY}</p>
                    <button type="button" class="button button--small" on:click=|_| apply_update()>
                        {strings::UPDATE_RELOAD}
                    </button>
                </div>
            }
        })
    }
}
