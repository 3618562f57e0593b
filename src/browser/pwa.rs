//! The installable, offline side of the app: registering the service worker
//! (`public/sw.js`), telling the reader a new release is ready, storing the
//! feed in the background after a visit, and reading or clearing what is
//! stored. What to store is decided in `offline.rs`; here it is fetched
//! through the service worker, which keeps a copy of every answer.

use std::cell::{Cell, RefCell};
use std::sync::Arc;

use gloo_net::http::Request;
use js_sys::{Array, Object, Promise, Reflect};
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Cache, CacheStorage, ServiceWorkerContainer, ServiceWorkerRegistration};

use bantin_format::model::{Document, Index};
use bantin_format::{pack, validate};

use crate::browser::api::{self, app_base, feed_base, feed_url};
use crate::logic::offline_plan;
use crate::logic::schedule;

/// Caches named by `public/sw.js`.
const FEED_CACHE: &str = "bantin-feed";
const IMAGE_CACHE: &str = "bantin-images";
const SAVED_CACHE: &str = "bantin-saved";
const APP_CACHE_PREFIX: &str = "bantin-app-";
/// How often an open app asks the server for a new release.
const UPDATE_CHECK_MS: u32 = 5 * 60 * 1000;
/// Fetches at a time while storing in the background.
const STORE_PARALLEL: usize = 3;

/// Where background storing stands.
#[derive(Clone, Debug, PartialEq)]
pub enum StoreStatus {
    /// Not started (no service worker, or no index yet).
    Idle,
    Storing {
        done: usize,
        total: usize,
    },
    /// Finished: how many files were stored, how many failed.
    Done {
        stored: usize,
        failed: usize,
    },
}

/// Shared state of the service worker side, for the banner, the update
/// prompt and the "Ngoại tuyến" page.
#[derive(Clone, Copy)]
pub struct PwaState {
    /// A new release is installed and waiting for the reader to reload.
    pub update_ready: RwSignal<bool>,
    pub store: RwSignal<StoreStatus>,
    /// Whether a service worker controls the page.
    pub active: RwSignal<bool>,
}

/// The one state of the page's service worker side. Not a context: it is
/// also reached from timers and futures, which run outside any owner (a
/// context lookup there would find nothing and make new signals each time).
pub fn use_pwa() -> PwaState {
    thread_local! {
        static STATE: PwaState = without_owner(|| PwaState {
            update_ready: RwSignal::new(false),
            store: RwSignal::new(StoreStatus::Idle),
            active: RwSignal::new(false),
        });
    }
    STATE.with(|s| *s)
}

/// Runs `f` with no reactive owner, so what it creates lives as long as
/// the page instead of being disposed with whichever component came first.
fn without_owner<T>(f: impl FnOnce() -> T) -> T {
    let current = Owner::current();
    if let Some(owner) = &current {
        owner.clone().unset();
    }
    let value = f();
    if let Some(owner) = current {
        owner.set();
    }
    value
}

async fn wait(promise: Promise) -> Result<JsValue, JsValue> {
    JsFuture::from(promise).await
}

fn container() -> Option<ServiceWorkerContainer> {
    let navigator = window().navigator();
    let has = Reflect::has(&navigator, &"serviceWorker".into()).unwrap_or(false);
    has.then(|| navigator.service_worker())
}

fn caches() -> Option<CacheStorage> {
    let w = window();
    if !Reflect::has(&w, &"caches".into()).unwrap_or(false) {
        return None;
    }
    w.caches().ok()
}

/// Runs `f` on an event of `target`, for the life of the page.
fn listen(target: &web_sys::EventTarget, event: &str, f: impl FnMut() + 'static) {
    let closure = Closure::<dyn FnMut()>::new(f);
    let _ = target.add_event_listener_with_callback(event, closure.as_ref().unchecked_ref());
    closure.forget();
}

thread_local! {
    /// Set when the reader asked for the new release: the next change of
    /// controller reloads the page (the first install's claim does not).
    static RELOAD_ON_CHANGE: Cell<bool> = const { Cell::new(false) };
    static LAST_CHECK: Cell<f64> = const { Cell::new(0.0) };
    /// The index to store once a service worker controls the page (the
    /// first visit): only the newest is kept, whatever number of refreshes
    /// came before.
    static PENDING: RefCell<Option<Arc<Index>>> = const { RefCell::new(None) };
    /// Bumped by `clear`: a storing run under way stops at its next batch.
    static GENERATION: Cell<u32> = const { Cell::new(0) };
}

/// Registers the service worker and watches for new releases. Browsers
/// without service workers (or with them blocked) simply read online.
///
/// A debug build (`scripts/serve`) has none: its post-build writes no
/// sw.js, and one left by an earlier release build on the same address is
/// removed, so it cannot answer with that release's files.
pub fn register() {
    let state = use_pwa();
    let Some(sw) = container() else { return };
    if cfg!(debug_assertions) {
        spawn_local(async move {
            if let Ok(list) = wait(sw.get_registrations()).await {
                for reg in Array::from(&list).iter() {
                    if let Ok(reg) = reg.dyn_into::<ServiceWorkerRegistration>() {
                        if let Ok(p) = reg.unregister() {
                            let _ = wait(p).await;
                        }
                    }
                }
            }
        });
        return;
    }
    state.active.set(sw.controller().is_some());
    listen(&sw, "controllerchange", move || {
        state.active.set(true);
        if RELOAD_ON_CHANGE.with(Cell::get) {
            let _ = window().location().reload();
        } else if let Some(index) = PENDING.with(|p| p.borrow_mut().take()) {
            store_in_background(&index);
        }
    });
    spawn_local(async move {
        let options = web_sys::RegistrationOptions::new();
        options.set_scope(&app_base());
        let url = format!("{}sw.js", app_base());
        // Some browsers (or a blocking policy) resolve without a registration.
        let Some(reg) = wait(sw.register_with_options(&url, &options))
            .await
            .ok()
            .and_then(|r| r.dyn_into::<ServiceWorkerRegistration>().ok())
        else {
            return;
        };
        watch_updates(state, &reg);
        // Checks for a release now and then, and whenever the reader comes
        // back to the tab or the network comes back.
        let check = {
            let reg = reg.clone();
            move || check_for_update(&reg, 0.0)
        };
        let _ = set_interval_with_handle(
            check.clone(),
            std::time::Duration::from_millis(UPDATE_CHECK_MS.into()),
        );
        let on_visible = check.clone();
        listen(&document(), "visibilitychange", move || {
            if document().visibility_state() == web_sys::VisibilityState::Visible {
                on_visible();
            }
        });
        listen(&window(), "online", check);
    });
}

/// Asks the server for a newer sw.js, unless that was done `min_gap_ms` ago.
fn check_for_update(reg: &ServiceWorkerRegistration, min_gap_ms: f64) {
    let now = js_sys::Date::now();
    if now - LAST_CHECK.with(Cell::get) < min_gap_ms {
        return;
    }
    LAST_CHECK.with(|c| c.set(now));
    if let Ok(p) = reg.update() {
        // An unreachable server is the normal offline case: nothing to say.
        spawn_local(async move {
            let _ = wait(p).await;
        });
    }
}

/// After an in-app navigation: a new release may be out (at most once a minute).
pub fn check_after_navigation() {
    let Some(sw) = container() else { return };
    spawn_local(async move {
        if let Ok(reg) = wait(sw.get_registration()).await {
            if let Some(reg) = reg.dyn_ref::<ServiceWorkerRegistration>() {
                check_for_update(reg, 60_000.0);
            }
        }
    });
}

fn watch_updates(state: PwaState, reg: &ServiceWorkerRegistration) {
    let has_controller = || container().and_then(|c| c.controller()).is_some();
    if reg.waiting().is_some() && has_controller() {
        state.update_ready.set(true);
    }
    let reg2 = reg.clone();
    listen(reg, "updatefound", move || {
        let Some(worker) = reg2.installing() else {
            return;
        };
        let w = worker.clone();
        listen(&worker, "statechange", move || {
            // "installed" with a controller present: a new release waits.
            if w.state() == web_sys::ServiceWorkerState::Installed && has_controller() {
                state.update_ready.set(true);
            }
        });
    });
}

/// Moves to the waiting release: it takes over and the page reloads whole.
pub fn apply_update() {
    let Some(sw) = container() else {
        let _ = window().location().reload();
        return;
    };
    spawn_local(async move {
        let waiting = wait(sw.get_registration())
            .await
            .ok()
            .and_then(|r| r.dyn_into::<ServiceWorkerRegistration>().ok())
            .and_then(|r| r.waiting());
        match waiting {
            Some(worker) => {
                RELOAD_ON_CHANGE.with(|c| c.set(true));
                let message = Object::new();
                let _ = Reflect::set(&message, &"type".into(), &"skip-waiting".into());
                let _ = worker.post_message(&message);
            }
            None => {
                let _ = window().location().reload();
            }
        }
    });
}

async fn fetch_ok(url: String) -> bool {
    let cross_origin = is_cross_origin(&url);
    let mut request = Request::get(&url);
    if cross_origin {
        request = request.mode(web_sys::RequestMode::NoCors);
    }
    match request.send().await {
        Ok(r) => r.ok() || cross_origin,
        Err(_) => false,
    }
}

fn is_cross_origin(url: &str) -> bool {
    let lower = url.to_ascii_lowercase();
    let origin = window().location().origin().unwrap_or_default();
    (lower.starts_with("http://") || lower.starts_with("https://")) && !url.starts_with(&origin)
}

/// Stores what `offline_plan::plan` lists, and the images of the index and of the
/// stored articles, through the service worker, a few files at a time. Runs
/// after the first screen and never blocks it; a file that fails is counted
/// and skipped.
pub fn store_in_background(index: &Arc<Index>) {
    let state = use_pwa();
    if matches!(state.store.get_untracked(), StoreStatus::Storing { .. }) {
        return;
    }
    // Without a controlling service worker the fetches would store nothing:
    // wait for it (the first visit), or read online only (none at all).
    let Some(sw) = container() else { return };
    if sw.controller().is_none() {
        PENDING.with(|p| *p.borrow_mut() = Some(index.clone()));
        return;
    }
    let today = schedule::today(js_sys::Date::now());
    let base = feed_base();
    // Articles are fetched first, one by one: reading them gives their
    // images. Fetching them stores them, so they are not queued again.
    let (articles, mut urls): (Vec<String>, Vec<String>) = offline_plan::plan(index, today)
        .into_iter()
        .map(|p| format!("{base}{p}"))
        .partition(|u| u.starts_with(&format!("{base}articles/")));
    urls.extend(
        offline_plan::index_images(index)
            .iter()
            .map(|u| feed_url(u)),
    );
    spawn_local(async move {
        state.active.set(true);
        ask_persistence().await;
        let total = urls.len() + articles.len();
        state.store.set(StoreStatus::Storing { done: 0, total });
        let (mut stored, mut failed) = (0, 0);
        let mut queue = urls;
        let generation = GENERATION.with(Cell::get);
        for url in &articles {
            if GENERATION.with(Cell::get) != generation {
                return;
            }
            let Ok(text) = fetch_text(url).await else {
                failed += 1;
                continue;
            };
            stored += 1;
            if let Some(article) = validate::parse_article(&text).value {
                crate::browser::api::keep_article(&article);
                queue.extend(
                    offline_plan::article_images(&article)
                        .iter()
                        .map(|u| feed_url(u)),
                );
            }
        }
        let total = stored + failed + queue.len();
        for chunk in queue.chunks(STORE_PARALLEL) {
            if GENERATION.with(Cell::get) != generation {
                // The reader cleared the store meanwhile.
                return;
            }
            let results = futures_join(chunk.iter().cloned().map(fetch_ok)).await;
            for ok in results {
                if ok {
                    stored += 1;
                } else {
                    failed += 1;
                }
            }
            state.store.set(StoreStatus::Storing {
                done: stored + failed,
                total,
            });
        }
        state.store.set(StoreStatus::Done { stored, failed });
        // For whoever watches the page (the end-to-end tests, a kiosk admin).
        crate::browser::dom::set_root_data("offline-stored", &stored.to_string());
    });
}

async fn fetch_text(url: &str) -> Result<String, ()> {
    let r = Request::get(url).send().await.map_err(|_| ())?;
    if !r.ok() {
        return Err(());
    }
    r.text().await.map_err(|_| ())
}

/// Awaits every future of a small batch, in order.
async fn futures_join<F: std::future::Future<Output = bool> + 'static>(
    futures: impl Iterator<Item = F>,
) -> Vec<bool> {
    // Rust futures are lazy: turning each into a promise starts them all.
    let promises: Vec<Promise> = futures
        .map(|f| {
            wasm_bindgen_futures::future_to_promise(async move { Ok(JsValue::from_bool(f.await)) })
        })
        .collect();
    let mut out = Vec::with_capacity(promises.len());
    for p in promises {
        out.push(
            wait(p)
                .await
                .ok()
                .and_then(|v| v.as_bool())
                .unwrap_or(false),
        );
    }
    out
}

/// Asks the browser to keep our storage under pressure; a refusal only
/// means the browser may evict it.
async fn ask_persistence() {
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
    for name in &names {
        let urls = cache_urls(&storage, name).await;
        if name.starts_with(APP_CACHE_PREFIX) {
            s.app_files += urls.len();
        } else if name == IMAGE_CACHE {
            s.images += urls.len();
        } else if name == SAVED_CACHE {
            s.saved_files += urls.len();
        } else if name == FEED_CACHE {
            for url in urls {
                if url.contains("/articles/") {
                    s.articles += 1;
                } else if url.contains("/calendar/") {
                    s.weeks += 1;
                } else if url.contains("/documents/") {
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

/// Deletes the stored feed, images and saved documents. The app's own
/// files stay, so the app still opens offline (and shows it has nothing).
pub async fn clear() {
    GENERATION.with(|g| g.set(g.get() + 1));
    let Some(storage) = caches() else { return };
    for name in [FEED_CACHE, IMAGE_CACHE, SAVED_CACHE] {
        let _ = wait(storage.delete(name)).await;
    }
    use_pwa().store.set(StoreStatus::Idle);
    crate::browser::dom::set_root_data("offline-stored", "0");
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

/// A URL the cache can look up: absolute, against the page.
fn absolute(url: &str) -> String {
    web_sys::Url::new_with_base(url, &window().location().href().unwrap_or_default())
        .map(|u| u.href())
        .unwrap_or_else(|_| url.to_string())
}

/// A document's own file and its attachments, as the saved cache keeps them.
fn document_urls(doc: &Document) -> Vec<String> {
    std::iter::once(format!("{}{}", feed_base(), pack::document_path(&doc.id)))
        .chain(doc.files.iter().map(|f| feed_url(&f.url)))
        .map(|u| absolute(&u))
        .collect()
}

async fn saved_cache() -> Option<Cache> {
    let storage = caches()?;
    wait(storage.open(SAVED_CACHE))
        .await
        .ok()
        .map(JsCast::unchecked_into)
}

/// Saves a document and its files for reading offline ("Lưu để đọc ngoại
/// tuyến"). Errors (a full storage, say) come back for the reader.
pub async fn save_document(doc: &Document) -> Result<(), ()> {
    let cache = saved_cache().await.ok_or(())?;
    let urls: Array = document_urls(doc).into_iter().map(JsValue::from).collect();
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

/// This release's label, written into index.html by the build.
pub fn release() -> String {
    api::meta("bantin-release").unwrap_or_default()
}
