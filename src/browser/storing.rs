//! Background storing after a visit: whenever the feed state gets an index
//! from the network that was not stored yet in this visit, what
//! `logic::offline_plan` lists (and the images the index and the stored
//! articles show, and the archive index's root; with a library index, its
//! root and the library's first rows instead of every document page) is fetched through the service worker, which keeps a
//! copy of every answer. It runs after the first screen, a few files at a
//! time, and never blocks it; a file that fails is counted and skipped.
//! It follows the feed state ([`follow`]); the feed state does not know it
//! exists. After a published page (a reader who came by a link, perhaps
//! on a slow phone) storing waits [`STORE_AFTER`] first: reading each
//! stored article is main-thread work, and the seconds after the page shows
//! belong to the reader's first scrolls and taps. A returning reader's
//! visit (the app's own page, from the service worker) stores at once: the
//! articles it reads are then ready when a headline is tapped.

use std::cell::RefCell;
use std::sync::Arc;
use std::time::Duration;

use bantin_format::archive;
use bantin_format::library;
use bantin_format::model::Index;
use bantin_format::pack;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::browser::caches;
use crate::browser::clock::now_ms;
use crate::browser::config::{feed_base, feed_file, feed_url};
use crate::browser::dom::{self, listen};
use crate::browser::http::{all, get_text, reaches};
use crate::browser::loaders::parse_stored_article;
use crate::browser::service_worker::{self, container};
use crate::browser::state::{FeedState, OfflineState, StoreStatus};
use crate::browser::takeover;
use crate::logic::{offline_plan, schedule};

/// Fetches at a time while storing.
const STORE_PARALLEL: usize = 3;

/// How long storing waits after the index came, in a visit that began on a
/// published page (the "Lưu lại ngay" button never waits).
const STORE_AFTER: Duration = Duration::from_secs(5);

fn wait_before_storing() -> Duration {
    if takeover::began_published() {
        STORE_AFTER
    } else {
        Duration::ZERO
    }
}

thread_local! {
    /// The index to store once a service worker controls the page (the
    /// first visit): only the newest is kept, whatever number of refreshes
    /// came before.
    static PENDING: RefCell<Option<Arc<Index>>> = const { RefCell::new(None) };
}

/// Stores each index the network gives that differs from the last one
/// stored in this visit (the first one always). Called once, by `App`.
pub fn follow(feed: FeedState, offline: OfflineState) {
    if let Some(sw) = container() {
        // The first visit: the service worker takes control after the
        // index came, and what waited is stored then.
        listen(&sw, "controllerchange", move || {
            if let Some(index) = PENDING.with(|p| p.borrow_mut().take()) {
                start(offline, &index, wait_before_storing());
            }
        });
    }
    // Returns the generation of the index stored last.
    Effect::new(move |stored: Option<Option<String>>| {
        let stored = stored.flatten();
        // Only an index from the network (checked_at) is worth storing.
        let fresh = feed.checked_at.get().and(feed.index.get_untracked());
        match fresh {
            Some(index) if stored.as_deref() != Some(index.generated_at.as_str()) => {
                start(offline, &index, wait_before_storing());
                Some(index.generated_at.clone())
            }
            _ => stored,
        }
    });
}

/// Stores `index` and what it leads to now (the "Lưu lại ngay" button), or
/// once a service worker controls the page.
pub fn store(offline: OfflineState, index: &Arc<Index>) {
    start(offline, index, Duration::ZERO);
}

/// Stores `index` and what it leads to after `wait`.
fn start(offline: OfflineState, index: &Arc<Index>, wait: Duration) {
    if matches!(offline.store.get_untracked(), StoreStatus::Storing { .. }) {
        return;
    }
    // Without a controlling service worker the fetches would store nothing:
    // wait for it (the first visit), or read online only (none at all).
    if container().is_none() {
        return;
    }
    if !service_worker::controlled() {
        PENDING.with(|p| *p.borrow_mut() = Some(index.clone()));
        return;
    }
    let index = index.clone();
    spawn_local(async move {
        // The library index's root decides how the document list is
        // stored: its first screen, or (without one) every page.
        let library = match get_text(&feed_file(library::ROOT_FILE)).await {
            Ok(f) => library::Root::parse(&f.text).ok(),
            Err(_) => None,
        };
        store_plan(offline, &index, wait, library.as_ref());
    });
}

/// Stores what [`offline_plan::plan`] lists for `index` after `wait`.
fn store_plan(
    offline: OfflineState,
    index: &Index,
    wait: Duration,
    library: Option<&library::Root>,
) {
    let today = schedule::today(now_ms());
    let base = feed_base();
    // Articles are fetched first, one by one: reading them gives their
    // images. Fetching them stores them, so they are not queued again.
    let (articles, others): (Vec<String>, Vec<String>) = offline_plan::plan(index, today, library)
        .into_iter()
        .partition(|p| p.starts_with(pack::ARTICLES_DIR));
    let in_feed = |p: String| format!("{base}{p}");
    // The archive index's root, not its parts (a search fetches those it
    // needs, and the service worker keeps them): offline, the search page
    // knows the archive and says which parts are not stored. Not counted:
    // a feed without one answers 404.
    let archive_root = in_feed(archive::ROOT_FILE.to_string());
    let articles: Vec<String> = articles.into_iter().map(in_feed).collect();
    let mut urls: Vec<String> = others.into_iter().map(in_feed).collect();
    urls.extend(
        offline_plan::index_images(index)
            .iter()
            .map(|u| feed_url(u)),
    );
    spawn_local(async move {
        offline.active.set(true);
        caches::ask_persistence().await;
        let total = urls.len() + articles.len();
        offline.store.set(StoreStatus::Storing { done: 0, total });
        let generation = caches::generation();
        dom::sleep(wait).await;
        let (mut stored, mut failed) = (0, 0);
        let mut queue = urls;
        for url in &articles {
            if caches::generation() != generation {
                return;
            }
            let Ok(fetched) = get_text(url).await else {
                failed += 1;
                continue;
            };
            stored += 1;
            if let Some(article) = parse_stored_article(&fetched.text) {
                queue.extend(
                    offline_plan::article_images(&article)
                        .iter()
                        .map(|u| feed_url(u)),
                );
            }
        }
        let total = stored + failed + queue.len();
        for chunk in queue.chunks(STORE_PARALLEL) {
            if caches::generation() != generation {
                // The reader cleared the store meanwhile.
                return;
            }
            for ok in all(chunk.iter().map(|u| reaches(u))).await {
                if ok {
                    stored += 1;
                } else {
                    failed += 1;
                }
            }
            offline.store.set(StoreStatus::Storing {
                done: stored + failed,
                total,
            });
        }
        let _ = get_text(&archive_root).await;
        offline.store.set(StoreStatus::Done { stored, failed });
        // For whoever watches the page (the end-to-end tests, a kiosk admin).
        dom::set_root_data("offline-stored", &stored.to_string());
    });
}
