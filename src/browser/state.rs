//! The app-wide state, held one way: each piece is a small struct of
//! signals (Copy) that `App` creates once, under the root owner, and
//! shares as a Leptos context ([`provide_app_state`]); components read it
//! with the `use_*` functions. Timers, listeners and futures capture the
//! handles they need instead of looking them up (a lookup outside a
//! component finds nothing). Nothing starts by being read: `App` starts
//! the feed ([`FeedState::start`]). A component rendered on its own (a
//! component test) gets fresh, idle state rather than a panic.
//!
//! The feed state knows nothing of the service worker: the background
//! storing follows it (`storing::follow`).

use std::sync::Arc;
use std::time::Duration;

use bantin_format::model::{Article, CalendarWeek, Document, Index, NewsPage};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::browser::clock::now_ms;
use crate::browser::dom;
use crate::browser::http::LoadError;
use crate::browser::library::LibraryState;
use crate::browser::loaders;

// ------------------------------------------------------------------ the feed

/// The feed as the pages see it: the last good index, and what happened
/// to the latest attempt to load it.
#[derive(Clone, Copy)]
pub struct FeedState {
    pub index: RwSignal<Option<Arc<Index>>>,
    pub loading: RwSignal<bool>,
    pub error: RwSignal<Option<LoadError>>,
    /// Set while the index shown is the stored copy (no network): when
    /// that copy was fetched (RFC 3339; empty if unknown).
    pub stored_at: RwSignal<Option<String>>,
    /// When the index last came from the network (ms since the epoch).
    pub checked_at: RwSignal<Option<f64>>,
}

impl Default for FeedState {
    fn default() -> Self {
        Self::new()
    }
}

/// While offline, how often the app tries the network again.
const OFFLINE_RETRY: Duration = Duration::from_secs(8);

impl FeedState {
    /// An idle feed state: nothing shown, nothing loading (until `start`).
    pub fn new() -> Self {
        FeedState {
            index: RwSignal::new(None),
            loading: RwSignal::new(false),
            error: RwSignal::new(None),
            stored_at: RwSignal::new(None),
            checked_at: RwSignal::new(None),
        }
    }

    /// Starts the feed: the index kept from a visit minutes ago at once,
    /// the network's index as soon as it answers, and retries while
    /// offline. Called once, by `App`.
    pub fn start(self) {
        // An older copy waits for the network (it shows only if the
        // network fails), so the headlines never jump from old to new.
        if let Some(index) = loaders::recent_index() {
            self.index.set(Some(Arc::new(index)));
        }
        self.refresh();
        self.watch_network();
    }

    /// (Re)loads the index. A failure keeps the index that was shown.
    pub fn refresh(self) {
        if self.loading.get_untracked() && self.index.with_untracked(Option::is_some) {
            return;
        }
        self.loading.set(true);
        spawn_local(async move {
            match loaders::load_index().await {
                Ok((index, stored_at)) => {
                    // The parse and the drawing it leads to, each a task of
                    // its own: neither holds a slow phone's main thread long.
                    dom::yield_to_browser().await;
                    let changed = self.index.with_untracked(|old| {
                        old.as_ref()
                            .is_none_or(|o| o.generated_at != index.generated_at)
                    });
                    if changed || stored_at != self.stored_at.get_untracked() {
                        self.index.set(Some(Arc::new(index)));
                    }
                    if stored_at.is_none() {
                        self.checked_at.set(Some(now_ms()));
                    }
                    self.stored_at.set(stored_at);
                    self.error.set(None);
                }
                Err(e) => {
                    // Nothing on screen yet: show the last good index rather
                    // than an empty page, and say why it is not the newest.
                    if self.index.with_untracked(Option::is_none) {
                        if let Some((index, at)) = loaders::last_good_index() {
                            if matches!(e, LoadError::Network | LoadError::Timeout) {
                                self.stored_at.set(Some(at));
                            }
                            self.index.set(Some(Arc::new(index)));
                        }
                    }
                    self.error.set(Some(e));
                }
            }
            self.loading.set(false);
        });
    }

    /// Tries the network again while offline, and when the browser says it
    /// is back; the banner goes as soon as a fresh index arrives.
    fn watch_network(self) {
        let _ = set_interval_with_handle(
            move || {
                // Offline, or a feed that failed: try again until it works.
                if self.stored_at.get_untracked().is_some()
                    || self.error.with_untracked(Option::is_some)
                {
                    self.refresh();
                }
            },
            OFFLINE_RETRY,
        );
        if let Some(w) = crate::browser::dom::window() {
            dom::listen(&w, "online", move || self.refresh());
        }
    }
}

// ----------------------------------------------------------- the documents

/// The whole document list, loaded once and shared by the pages that need it.
#[derive(Clone, Copy)]
pub struct DocumentsState {
    pub list: RwSignal<Option<Result<Arc<Vec<Document>>, LoadError>>>,
    /// The page count asked for, once loading has started.
    pages: RwSignal<Option<u32>>,
    /// False while more pages are on their way (the list holds the first).
    pub complete: RwSignal<bool>,
}

impl DocumentsState {
    fn new() -> Self {
        DocumentsState {
            list: RwSignal::new(None),
            pages: RwSignal::new(None),
            complete: RwSignal::new(false),
        }
    }

    /// A list already complete (a page rendered natively with the feed
    /// directory at hand): nothing to load.
    pub fn filled(self, list: Arc<Vec<Document>>) {
        self.pages.set(Some(0));
        self.list.set(Some(Ok(list)));
        self.complete.set(true);
    }

    /// Starts loading unless already loaded or loading.
    pub fn ensure(self, pages: u32) {
        if self.pages.get_untracked().is_some()
            && !matches!(self.list.get_untracked(), Some(Err(_)))
        {
            return;
        }
        self.pages.set(Some(pages));
        self.complete.set(false);
        spawn_local(async move {
            let result = loaders::load_all_documents(pages, |so_far| {
                self.list.set(Some(Ok(Arc::new(so_far.to_vec()))));
            })
            .await
            .map(Arc::new);
            self.list.set(Some(result));
            self.complete.set(true);
        });
    }

    /// Tries again after a failure, with the page count asked for before.
    pub fn retry(self) {
        if let Some(pages) = self.pages.get_untracked() {
            self.ensure(pages);
        }
    }
}

// ---------------------------------------------------- the articles read

/// Article bodies read in this visit, so search can look inside them too.
#[derive(Clone, Copy)]
pub struct ReadArticles(pub RwSignal<Vec<Arc<Article>>>);

impl ReadArticles {
    pub fn remember(self, article: &Article) {
        if !self
            .0
            .with_untracked(|list| list.iter().any(|a| a.summary.id == article.summary.id))
        {
            self.0.update(|list| list.push(Arc::new(article.clone())));
        }
    }
}

// ------------------------------------------------------- new since last visit

/// The reader's visits (`logic::visits`): which stories are new since the
/// previous one, and which of those were opened. Filled from localStorage
/// by `browser::visits::start`; empty (nothing new) until then, and when
/// rendered natively.
#[derive(Clone, Copy)]
pub struct VisitState(pub RwSignal<crate::logic::visits::Visits>);

impl VisitState {
    fn new() -> Self {
        VisitState(RwSignal::new(Default::default()))
    }

    /// Whether a story published at `published` is new to the reader
    /// (reactive).
    pub fn is_new(self, published: &str) -> bool {
        self.0.with(|v| v.is_new(published))
    }
}

// ------------------------------------------------------------ saved articles

/// The slugs of the articles the reader saved ("Lưu bài"), as the saved
/// cache holds them (`caches::load_saved` fills it as the app starts).
#[derive(Clone, Copy)]
pub struct SavedState(pub RwSignal<Vec<String>>);

impl SavedState {
    fn new() -> Self {
        SavedState(RwSignal::new(Vec::new()))
    }

    /// Whether `slug` is saved (reactive).
    pub fn has(self, slug: &str) -> bool {
        self.0.with(|s| s.iter().any(|x| x == slug))
    }

    pub fn add(self, slug: &str) {
        if !self.0.with_untracked(|s| s.iter().any(|x| x == slug)) {
            self.0.update(|s| s.push(slug.to_string()));
        }
    }

    pub fn remove(self, slug: &str) {
        self.0.update(|s| s.retain(|x| x != slug));
    }
}

// ------------------------------------------------------------- at hand

/// What a page can show without fetching: empty in the browser, where
/// pages load their files; filled when the feed tool's publish step
/// renders a page natively with the feed directory at hand (a resource
/// never resolves there). A page shows what is at hand, then what it
/// loads.
#[derive(Clone, Default)]
pub struct AtHand {
    pub article: Option<Arc<Article>>,
    pub document: Option<Arc<Document>>,
    pub week: Option<Arc<CalendarWeek>>,
    pub news_page: Option<Arc<NewsPage>>,
}

pub fn at_hand() -> AtHand {
    use_context::<AtHand>().unwrap_or_default()
}

// ------------------------------------------------------------ offline side

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

/// The service worker side, for the banner, the update prompt and the
/// "Ngoại tuyến" page.
#[derive(Clone, Copy)]
pub struct OfflineState {
    /// A new release is installed and waiting for the reader to reload.
    pub update_ready: RwSignal<bool>,
    pub store: RwSignal<StoreStatus>,
    /// Whether a service worker controls the page.
    pub active: RwSignal<bool>,
}

impl OfflineState {
    fn new() -> Self {
        OfflineState {
            update_ready: RwSignal::new(false),
            store: RwSignal::new(StoreStatus::Idle),
            active: RwSignal::new(false),
        }
    }
}

// --------------------------------------------------------------- sharing

/// Everything app-wide, created together.
#[derive(Clone, Copy)]
pub struct AppState {
    pub feed: FeedState,
    pub documents: DocumentsState,
    pub library: LibraryState,
    pub read: ReadArticles,
    pub offline: OfflineState,
    pub visits: VisitState,
    pub saved: SavedState,
}

/// Creates the app-wide state and shares it with every page. Idle until
/// started; `App` calls this once.
pub fn provide_app_state() -> AppState {
    let state = AppState {
        feed: FeedState::new(),
        documents: DocumentsState::new(),
        library: LibraryState::new(),
        read: ReadArticles(RwSignal::new(Vec::new())),
        offline: OfflineState::new(),
        visits: VisitState::new(),
        saved: SavedState::new(),
    };
    provide_context(state.feed);
    provide_context(state.documents);
    provide_context(state.library);
    provide_context(state.read);
    provide_context(state.offline);
    provide_context(state.visits);
    provide_context(state.saved);
    state
}

/// The shared value of type `T`, or a fresh one shared from here down.
fn shared<T: Clone + Send + Sync + 'static>(fresh: impl FnOnce() -> T) -> T {
    use_context::<T>().unwrap_or_else(|| {
        let value = fresh();
        provide_context(value.clone());
        value
    })
}

pub fn use_feed() -> FeedState {
    shared(FeedState::new)
}

pub fn use_documents() -> DocumentsState {
    shared(DocumentsState::new)
}

/// The library index of this visit (its root asked for by the pages that
/// use it: [`LibraryState::open`]).
pub fn use_library() -> LibraryState {
    shared(LibraryState::new)
}

pub fn use_read_articles() -> ReadArticles {
    shared(|| ReadArticles(RwSignal::new(Vec::new())))
}

pub fn use_offline() -> OfflineState {
    shared(OfflineState::new)
}

pub fn use_visits() -> VisitState {
    shared(VisitState::new)
}

pub fn use_saved() -> SavedState {
    shared(SavedState::new)
}

/// The documents a page can look up without the whole list when the feed
/// has a library index: the rows fetched so far (the library's pages, the
/// rows stored for offline reading), or the whole list where there is no
/// library index (loaded then, as [`load_documents`] does). The page that
/// calls it starts what it needs; the list is empty until something came.
pub fn known_documents() -> Signal<Arc<Vec<Document>>> {
    let docs = use_documents();
    let feed = use_feed();
    let library = use_library();
    library.open();
    Effect::new(move |_| {
        let absent = library
            .root
            .with(|r| matches!(r, Some(crate::browser::library::LibraryRoot::Absent)));
        if absent {
            if let Some(pages) = feed.index.with(|i| i.as_ref().map(|i| i.documents.pages)) {
                docs.ensure(pages);
            }
        }
    });
    Signal::derive(move || match docs.list.get() {
        Some(Ok(list)) => list,
        _ => Arc::new(library.parts.with(|p| {
            let mut keys: Vec<&u32> = p.rows.keys().collect();
            keys.sort();
            keys.into_iter()
                .flat_map(|k| p.rows[k].iter().cloned())
                .collect()
        })),
    })
}

/// The document list, loading as soon as the index says how many pages it
/// has: for the pages that need every document.
pub fn load_documents() -> DocumentsState {
    let docs = use_documents();
    let feed = use_feed();
    Effect::new(move |_| {
        if let Some(pages) = feed.index.with(|i| i.as_ref().map(|i| i.documents.pages)) {
            docs.ensure(pages);
        }
    });
    docs
}
