//! What the service worker has stored, read and cleared from the page: the
//! counts the "Ngoại tuyến" page shows, clearing them, and the documents a
//! reader saves for offline reading ("Lưu để đọc ngoại tuyến") and the
//! articles saved with their pictures ("Lưu bài"), which stay until
//! unsaved. Cache names come from `bantin_format::protocol`, the one
//! place the service worker's names are written.

use std::cell::Cell;

use bantin_format::model::{Article, Document};
use bantin_format::{pack, protocol};
use js_sys::Array;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Cache, CacheStorage};

use crate::browser::config::{absolute, feed_base, feed_file, feed_url};
use crate::browser::dom::{self, wait};
use crate::browser::state::{OfflineState, SavedState, StoreStatus};
use crate::logic::offline_plan;

thread_local! {
    /// Bumped by [`clear`] and [`stop_storing`]: a storing run under way
    /// stops at its next batch.
    static GENERATION: Cell<u32> = const { Cell::new(0) };
}

/// How many times storing was stopped (the store cleared) in this visit.
pub fn generation() -> u32 {
    GENERATION.with(Cell::get)
}

/// Stops a storing run under way: the page is about to reload into a new
/// release, and the old service worker would answer the run's fetches
/// (keeping the new one waiting) for nothing.
pub fn stop_storing() {
    GENERATION.with(|g| g.set(g.get() + 1));
}

fn caches() -> Option<CacheStorage> {
    let w = window();
    if !js_sys::Reflect::has(&w, &"caches".into()).unwrap_or(false) {
        return None;
    }
    w.caches().ok()
}

/// Asks the browser to keep our storage under pressure; a refusal only
/// means the browser may evict it.
pub async fn ask_persistence() {
    let storage = window().navigator().storage();
    if storage.is_undefined() {
        return;
    }
    if let Ok(p) = storage.persist() {
        let _ = wait(p).await;
    }
}

/// What is stored, for the "Ngoại tuyến" page.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Stored {
    pub app_files: usize,
    pub articles: usize,
    pub weeks: usize,
    pub documents: usize,
    pub other_feed: usize,
    pub images: usize,
    pub saved_files: usize,
    /// Bytes used by this site's storage, as the browser estimates it.
    pub bytes: Option<f64>,
}

async fn cache_urls(storage: &CacheStorage, name: &str) -> Vec<String> {
    let Ok(cache) = wait(storage.open(name)).await else {
        return Vec::new();
    };
    let cache: Cache = cache.unchecked_into();
    let Ok(keys) = wait(cache.keys()).await else {
        return Vec::new();
    };
    Array::from(&keys)
        .iter()
        .filter_map(|r| r.dyn_into::<web_sys::Request>().ok())
        .map(|r| r.url())
        .collect()
}

pub async fn stored() -> Stored {
    let mut s = Stored::default();
    let Some(storage) = caches() else { return s };
    let names: Vec<String> = match wait(storage.keys()).await {
        Ok(k) => Array::from(&k)
            .iter()
            .filter_map(|v| v.as_string())
            .collect(),
        Err(_) => Vec::new(),
    };
    let [articles, weeks, documents] =
        [pack::ARTICLES_DIR, pack::CALENDAR_DIR, pack::DOCUMENTS_DIR].map(|dir| format!("/{dir}"));
    for name in &names {
        let urls = cache_urls(&storage, name).await;
        if name.starts_with(protocol::APP_CACHE_PREFIX) {
            s.app_files += urls.len();
        } else if name == protocol::IMAGE_CACHE {
            s.images += urls.len();
        } else if name == protocol::SAVED_CACHE {
            s.saved_files += urls.len();
        } else if name == protocol::FEED_CACHE {
            for url in urls {
                if url.contains(&articles) {
                    s.articles += 1;
                } else if url.contains(&weeks) {
                    s.weeks += 1;
                } else if url.contains(&documents) {
                    s.documents += 1;
                } else {
                    s.other_feed += 1;
                }
            }
        }
    }
    let storage_manager = window().navigator().storage();
    if let Ok(p) = storage_manager.estimate() {
        if let Ok(e) = wait(p).await {
            s.bytes = e.unchecked_into::<web_sys::StorageEstimate>().get_usage();
        }
    }
    s
}

/// Deletes the stored feed, images and saved documents, and stops a
/// storing run under way. The app's own files stay, so the app still opens
/// offline (and shows it has nothing).
pub async fn clear(offline: OfflineState) {
    stop_storing();
    let Some(storage) = caches() else { return };
    for name in [
        protocol::FEED_CACHE,
        protocol::IMAGE_CACHE,
        protocol::SAVED_CACHE,
    ] {
        let _ = wait(storage.delete(name)).await;
    }
    offline.store.set(StoreStatus::Idle);
    dom::set_root_data("offline-stored", "0");
}

/// Which of `slugs` have their article stored, in the same order.
pub async fn stored_articles(slugs: Vec<String>) -> Vec<String> {
    let Some(storage) = caches() else {
        return Vec::new();
    };
    let base = absolute(&feed_base());
    let mut out = Vec::new();
    for slug in slugs {
        let url = format!("{base}{}", pack::article_path(&slug));
        if let Ok(hit) = wait(storage.match_with_str(&url)).await {
            if !hit.is_undefined() {
                out.push(slug);
            }
        }
    }
    out
}

/// A document's own file and its attachments, as the saved cache keeps them.
fn document_urls(doc: &Document) -> Vec<String> {
    std::iter::once(feed_file(&pack::document_path(&doc.id)))
        .chain(doc.files.iter().map(|f| feed_url(&f.url)))
        .map(|u| absolute(&u))
        .collect()
}

async fn saved_cache() -> Option<Cache> {
    let storage = caches()?;
    wait(storage.open(protocol::SAVED_CACHE))
        .await
        .ok()
        .map(JsCast::unchecked_into)
}

/// Saves a document and its files for reading offline. Errors (a full
/// storage, say) come back for the reader.
pub async fn save_document(doc: &Document) -> Result<(), ()> {
    let cache = saved_cache().await.ok_or(())?;
    let urls: Array = document_urls(doc)
        .into_iter()
        .map(wasm_bindgen::JsValue::from)
        .collect();
    wait(cache.add_all_with_str_sequence(&urls))
        .await
        .map(|_| ())
        .map_err(|_| ())
}

pub async fn unsave_document(doc: &Document) {
    if let Some(cache) = saved_cache().await {
        for url in document_urls(doc) {
            let _ = wait(cache.delete_with_str(&url)).await;
        }
    }
}

pub async fn is_document_saved(doc: &Document) -> bool {
    let Some(cache) = saved_cache().await else {
        return false;
    };
    let url = document_urls(doc).swap_remove(0);
    wait(cache.match_with_str(&url))
        .await
        .is_ok_and(|hit| !hit.is_undefined())
}

// ------------------------------------------------------- saved articles

/// An article's own file and its pictures, as the saved cache keeps them
/// (the file first).
fn article_urls(article: &Article) -> Vec<String> {
    std::iter::once(feed_file(&pack::article_path(&article.summary.slug)))
        .chain(
            offline_plan::article_images(article)
                .iter()
                .map(|u| feed_url(u)),
        )
        .map(|u| absolute(&u))
        .collect()
}

/// Saves an article and its pictures for reading offline ("Lưu bài"), in
/// the saved cache: apart from the automatic storing (which never touches
/// it) and kept by the service worker across releases, until unsaved. The
/// article's file must be stored; a picture that cannot be fetched (a
/// host that refuses) is left out.
pub async fn save_article(article: &Article) -> Result<(), ()> {
    let cache = saved_cache().await.ok_or(())?;
    let mut urls = article_urls(article).into_iter();
    let file = urls.next().ok_or(())?;
    wait(cache.add_with_str(&file)).await.map_err(|_| ())?;
    for url in urls {
        let _ = wait(cache.add_with_str(&url)).await;
    }
    Ok(())
}

/// Unsaves an article: its file, and its pictures that no other saved
/// article shows.
pub async fn unsave_article(article: &Article) {
    let Some(cache) = saved_cache().await else {
        return;
    };
    let mut urls = article_urls(article).into_iter();
    if let Some(file) = urls.next() {
        let _ = wait(cache.delete_with_str(&file)).await;
    }
    let others: std::collections::HashSet<String> = saved_articles()
        .await
        .iter()
        .flat_map(article_urls)
        .collect();
    for url in urls.filter(|u| !others.contains(u)) {
        let _ = wait(cache.delete_with_str(&url)).await;
    }
}

/// The articles saved on this device, the last saved first (read from the
/// saved cache, so this works offline). A stored file that is no longer a
/// valid article is left out.
pub async fn saved_articles() -> Vec<Article> {
    let Some(cache) = saved_cache().await else {
        return Vec::new();
    };
    let prefix = absolute(&feed_file(pack::ARTICLES_DIR));
    let Ok(keys) = wait(cache.keys()).await else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for request in Array::from(&keys).iter().rev() {
        let Ok(request) = request.dyn_into::<web_sys::Request>() else {
            continue;
        };
        if !request.url().starts_with(&prefix) {
            continue;
        }
        let Ok(hit) = wait(cache.match_with_request(&request)).await else {
            continue;
        };
        let Ok(response) = hit.dyn_into::<web_sys::Response>() else {
            continue;
        };
        let Ok(text) = response.text() else { continue };
        let Some(text) = wait(text).await.ok().and_then(|t| t.as_string()) else {
            continue;
        };
        if let Some(article) = bantin_format::validate::parse_article(&text).value {
            out.push(article);
        }
    }
    out
}

/// The slugs of the saved articles, from the saved cache's addresses.
async fn saved_slugs() -> Vec<String> {
    let Some(cache) = saved_cache().await else {
        return Vec::new();
    };
    let prefix = absolute(&feed_file(&pack::article_path("")));
    let Ok(keys) = wait(cache.keys()).await else {
        return Vec::new();
    };
    Array::from(&keys)
        .iter()
        .filter_map(|r| r.dyn_into::<web_sys::Request>().ok())
        .filter_map(|r| {
            let url = r.url();
            let slug = url.strip_prefix(prefix.trim_end_matches(".json"))?;
            slug.strip_suffix(".json").map(String::from)
        })
        .collect()
}

/// Fills the app's list of saved articles from the saved cache, once.
pub fn load_saved(state: SavedState) {
    if dom::window().is_none() {
        return;
    }
    leptos::task::spawn_local(async move {
        let slugs = saved_slugs().await;
        state.0.set(slugs);
    });
}
