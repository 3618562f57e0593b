//! `/ngoai-tuyen`: what is stored on this device for reading offline, how
//! much room it takes, and a way to store again or clear it.

use crate::browser::caches;
use crate::browser::config;
use crate::browser::storing;
use leptos::prelude::*;
use leptos::task::spawn_local;

use bantin_format::display;

use crate::browser::state::use_feed;

use crate::browser::state::use_offline;
use crate::browser::state::StoreStatus;
use crate::logic::offline_plan;
use crate::strings;
use crate::ui::components::page_title::PageTitle;

#[component]
pub fn OfflinePage() -> impl IntoView {
    let offline = use_offline();
    let feed = use_feed();
    let cleared = RwSignal::new(false);
    // Counted again whenever storing moves on or the reader clears, and
    // every few seconds (the service worker also stores pages as they load).
    let tick = RwSignal::new(0u32);
    if let Ok(handle) = set_interval_with_handle(
        move || tick.update(|t| *t += 1),
        std::time::Duration::from_secs(3),
    ) {
        on_cleanup(move || handle.clear());
    }
    let stored = LocalResource::new(move || {
        offline.store.track();
        cleared.track();
        tick.track();
        caches::stored()
    });
    let status = move || match offline.store.get() {
        StoreStatus::Idle => strings::OFFLINE_STATUS_IDLE.to_string(),
        StoreStatus::Storing { done, total } => {
            format!("{} {done}/{total}", strings::OFFLINE_STATUS_STORING)
        }
        StoreStatus::Done { .. } => strings::OFFLINE_STATUS_DONE.to_string(),
    };
    let store_now = move |_| {
        cleared.set(false);
        if let Some(index) = feed.index.get_untracked() {
            storing::store(offline, &index);
        }
    };
    let clear = move |_| {
        spawn_local(async move {
            caches::clear(offline).await;
            cleared.set(true);
        });
    };
    let row = |label: &'static str, n: usize| {
        view! { <tr><th scope="row">{label}</th><td>{display::number(n as u64)}</td></tr> }
    };
    view! {
        <PageTitle text=strings::HEADING_OFFLINE.to_string()/>
        <section class="offline-page">
            <h1>{strings::HEADING_OFFLINE}</h1>
            <p>{strings::OFFLINE_INTRO}</p>
            <Show
                when=move || offline.active.get()
                fallback=|| view! { <p class="notice">{strings::OFFLINE_NOT_SUPPORTED}</p> }
            >
                <p class="offline-page__status" role="status">{status}</p>
            </Show>
            <h2>{strings::OFFLINE_STORED}</h2>
            {move || stored.get().map(|s| view! {
                <table class="offline-table">
                    <tbody>
                        {row(strings::OFFLINE_ARTICLES, s.articles)}
                        {row(strings::OFFLINE_WEEKS, s.weeks)}
                        {row(strings::OFFLINE_DOCUMENTS, s.documents)}
                        {row(strings::OFFLINE_OTHER, s.other_feed)}
                        {row(strings::OFFLINE_IMAGES, s.images)}
                        {row(strings::OFFLINE_SAVED, s.saved_files)}
                        {row(strings::OFFLINE_APP_FILES, s.app_files)}
                        <tr>
                            <th scope="row">{strings::OFFLINE_SIZE}</th>
                            <td>{s.bytes.map(offline_plan::size_label).unwrap_or_else(|| "—".into())}</td>
                        </tr>
                    </tbody>
                </table>
            })}
            <p class="offline-page__actions">
                <button type="button" class="button" on:click=store_now>{strings::OFFLINE_STORE_NOW}</button>
                <button type="button" class="button button--secondary" on:click=clear>{strings::OFFLINE_CLEAR}</button>
            </p>
            <Show when=move || cleared.get()>
                <p class="notice" role="status">{strings::OFFLINE_CLEARED}</p>
            </Show>
            <p class="offline-page__release">{strings::OFFLINE_RELEASE}" "<span data-release>{config::release()}</span></p>
        </section>
    }
}
