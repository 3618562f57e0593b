//! Data access: where the feed lives, fetching its files, and the feed
//! state the pages share. Every file goes through the validator, so what
//! reaches a component is typed and checked.

use std::sync::Arc;

use gloo_net::http::Request;
use leptos::prelude::*;
use leptos::task::spawn_local;

use bantin_format::model::{Article, CalendarWeek, Document, Index, NewsPage};
use bantin_format::pack;
use bantin_format::validate::{self, is_safe_url, Checked, Severity, UrlUse};

use crate::strings;

/// Where the feed is when the deployment does not say (under the app's base).
const DEFAULT_FEED_BASE: &str = "feed/";

/// The content of `<meta name="{name}">` in index.html, if safe as a URL.
pub fn meta(name: &str) -> Option<String> {
    document()
        .query_selector(&format!("meta[name='{name}']"))
        .ok()
        .flatten()
        .and_then(|m| m.get_attribute("content"))
        .map(|s| s.trim().to_string())
        .filter(|s| is_safe_url(s, UrlUse::Link))
}

fn with_slash(mut s: String) -> String {
    if !s.ends_with('/') {
        s.push('/');
    }
    s
}

/// The path the app is deployed under ("/" or "/bantin/"), written into
/// index.html by the build from trunk's `--public-url`.
pub fn app_base() -> String {
    thread_local! {
        // index.html does not change while the page lives.
        static BASE: String = meta("bantin-base")
            .filter(|b| b.starts_with('/'))
            .map_or_else(|| "/".to_string(), with_slash);
    }
    BASE.with(Clone::clone)
}

/// The feed's base URL, from `<meta name="bantin-feed" content="…">` in
/// index.html: set by whoever deploys, never taken from the page URL. A
/// relative value is under the app's base path.
pub fn feed_base() -> String {
    let configured = meta("bantin-feed").unwrap_or_else(|| DEFAULT_FEED_BASE.to_string());
    let lower = configured.to_ascii_lowercase();
    if configured.starts_with('/') || lower.starts_with("http://") || lower.starts_with("https://")
    {
        with_slash(configured)
    } else {
        with_slash(format!("{}{configured}", app_base()))
    }
}

/// Resolves a URL found in the feed (relative to the feed directory) for
/// use in the page. Feed URLs were validated: http(s), data:image, or
/// relative. Site-absolute paths ("/van-ban/…") are the app's own routes,
/// so they move under the base path when the app is deployed under one.
pub fn feed_url(url: &str) -> String {
    let lower = url.to_ascii_lowercase();
    if url.starts_with('/') {
        format!("{}{url}", app_base().trim_end_matches('/'))
    } else if url.starts_with('?')
        || url.starts_with('#')
        || lower.starts_with("http")
        || lower.starts_with("data:")
    {
        url.to_string()
    } else {
        format!("{}{url}", feed_base())
    }
}

/// Why a file could not be used, worded for the reader.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LoadError {
    /// No answer: offline, DNS, refused connection.
    Network,
    /// The server answered that the file does not exist.
    NotFound,
    /// Any other HTTP error.
    Server(u16),
    /// The file arrived but cannot be used.
    Invalid,
    /// No complete answer in time.
    Timeout,
}

impl LoadError {
    pub fn message(&self) -> &'static str {
        match self {
            LoadError::Network => strings::ERROR_NETWORK,
            LoadError::NotFound => strings::ERROR_NOT_FOUND,
            LoadError::Server(_) => strings::ERROR_SERVER,
            LoadError::Invalid => strings::ERROR_INVALID,
            LoadError::Timeout => strings::ERROR_TIMEOUT,
        }
    }
}

async fn fetch_text(path: &str) -> Result<String, LoadError> {
    fetch_with_origin(path).await.map(|(text, _)| text)
}

/// A file and, when the service worker answered with its stored copy
/// because the network did not, when that copy was fetched.
async fn fetch_with_origin(path: &str) -> Result<(String, Option<String>), LoadError> {
    let url = format!("{}{path}", feed_base());
    // A server that never finishes must not leave the page loading forever.
    let abort = web_sys::AbortController::new().ok();
    let timed_out = Arc::new(std::sync::atomic::AtomicBool::new(false));
    let _timer = abort.clone().map(|a| {
        let flag = timed_out.clone();
        leptos::prelude::set_timeout_with_handle(
            move || {
                flag.store(true, std::sync::atomic::Ordering::Relaxed);
                a.abort();
            },
            FETCH_TIMEOUT,
        )
    });
    let failed = |_| {
        if timed_out.load(std::sync::atomic::Ordering::Relaxed) {
            LoadError::Timeout
        } else {
            LoadError::Network
        }
    };
    let response = Request::get(&url)
        .abort_signal(abort.as_ref().map(|a| a.signal()).as_ref())
        .send()
        .await
        .map_err(failed)?;
    let headers = response.headers();
    // Set by public/sw.js: "offline" or "stale", and the fetch time.
    let stored_at = headers
        .get("x-bantin-source")
        .filter(|s| s == "offline" || s == "stale")
        .map(|_| headers.get("x-bantin-fetched").unwrap_or_default());
    let result = match response.status() {
        200..=299 => match response.text().await {
            // A feed file is small (the index under 150 KB): tens of
            // megabytes would only freeze a phone while being parsed.
            Ok(t) if t.len() > MAX_FILE_BYTES => {
                web_sys::console::error_1(
                    &format!("bantin feed {path}: {} bytes, over the {MAX_FILE_BYTES} a feed file may have", t.len()).into(),
                );
                Err(LoadError::Invalid)
            }
            Ok(t) => Ok((t, stored_at)),
            Err(e) => Err(failed(e)),
        },
        404 | 410 => Err(LoadError::NotFound),
        504 if headers.get("x-bantin-source").is_some() => Err(LoadError::Network),
        status => Err(LoadError::Server(status)),
    };
    if let Some(Ok(timer)) = _timer {
        timer.clear();
    }
    result
}

/// The largest feed file the app reads.
const MAX_FILE_BYTES: usize = 4 << 20;

/// How long a feed file may take, body included.
const FETCH_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(12);

/// The last index that came from the network and passed validation, kept
/// in the browser's storage: what the reader sees when the feed turns bad
/// before anything was on screen (a reload, a new visit).
const LAST_GOOD_INDEX: &str = "bantin-index";
const LAST_GOOD_AT: &str = "bantin-index-at";

fn last_good_index() -> Option<(Index, String)> {
    let text = crate::browser::dom::load_pref(LAST_GOOD_INDEX)?;
    let at = crate::browser::dom::load_pref(LAST_GOOD_AT).unwrap_or_default();
    validate::parse_index(&text).value.map(|i| (i, at))
}

/// Reports a file's problems on the console, for whoever runs the portal.
fn report<T>(path: &str, checked: Checked<T>) -> Result<T, LoadError> {
    for p in checked
        .problems
        .iter()
        .filter(|p| p.severity <= Severity::Warning)
    {
        let line = format!("bantin feed {path}: {} {p}", p.severity);
        if p.severity <= Severity::Error {
            web_sys::console::error_1(&line.into());
        } else {
            web_sys::console::warn_1(&line.into());
        }
    }
    checked.value.ok_or(LoadError::Invalid)
}

/// The index, and when it was fetched if it is the stored copy.
pub async fn load_index() -> Result<(Index, Option<String>), LoadError> {
    let (text, stored_at) = fetch_with_origin("index.json").await?;
    let index = report("index.json", validate::parse_index(&text))?;
    if stored_at.is_none() {
        crate::browser::dom::save_pref(LAST_GOOD_INDEX, &text);
        let now = bantin_format::datetime::DateTime {
            unix: (js_sys::Date::now() / 1000.0) as i64,
            offset: 0,
        };
        crate::browser::dom::save_pref(LAST_GOOD_AT, &now.to_rfc3339());
    }
    Ok((index, stored_at))
}

pub async fn load_article(slug: &str) -> Result<Article, LoadError> {
    if let Some(article) = recent_article(slug) {
        return Ok(article);
    }
    let path = pack::article_path(slug);
    let text = fetch_text(&path).await?;
    let article = report(&path, validate::parse_article(&text))?;
    keep_article(&article);
    Ok(article)
}

/// Articles parsed in the last minutes (read, or fetched by the background
/// storing): following a link to one of them renders at once, without a
/// fetch and a parse. Kept briefly, so a corrected article shows soon.
struct Recent {
    article: Article,
    at: f64,
}

thread_local! {
    static RECENT_ARTICLES: std::cell::RefCell<Vec<Recent>> = const { std::cell::RefCell::new(Vec::new()) };
}
const RECENT_MAX: usize = 40;
const RECENT_FRESH_MS: f64 = 10.0 * 60.0 * 1000.0;

pub fn keep_article(article: &Article) {
    let now = js_sys::Date::now();
    RECENT_ARTICLES.with_borrow_mut(|list| {
        list.retain(|r| {
            r.article.summary.slug != article.summary.slug && now - r.at < RECENT_FRESH_MS
        });
        if list.len() >= RECENT_MAX {
            list.remove(0);
        }
        list.push(Recent {
            article: article.clone(),
            at: now,
        });
    });
}

fn recent_article(slug: &str) -> Option<Article> {
    let now = js_sys::Date::now();
    RECENT_ARTICLES.with_borrow(|list| {
        list.iter()
            .find(|r| r.article.summary.slug == slug && now - r.at < RECENT_FRESH_MS)
            .map(|r| r.article.clone())
    })
}

pub async fn load_news_page(list: &str, page: u32) -> Result<NewsPage, LoadError> {
    let path = pack::news_page_path(list, page);
    let text = fetch_text(&path).await?;
    report(&path, validate::parse_news_page(&text))
}

pub async fn load_week(week: &str) -> Result<CalendarWeek, LoadError> {
    let path = pack::week_path(week);
    let text = fetch_text(&path).await?;
    report(&path, validate::parse_calendar_week(&text))
}

pub async fn load_document(id: &str) -> Result<Document, LoadError> {
    let path = pack::document_path(id);
    let text = fetch_text(&path).await?;
    report(&path, validate::parse_document(&text))
}

/// Pages of the document list fetched at once: a feed of 50,000 articles
/// has 200 of them, and one after the other they took a minute on a phone.
const DOCUMENT_PAGES_AT_ONCE: usize = 6;

/// Every document of the feed, page after page, several at a time (the
/// list filters and the search need them all). `progress` gets what has
/// arrived so far, in order, after the first pages and then about once a
/// second, so a long list shows before it is complete. Pages that fail are
/// skipped after the first.
pub async fn load_all_documents(
    pages: u32,
    mut progress: impl FnMut(&[Document]),
) -> Result<Vec<Document>, LoadError> {
    let mut all = Vec::new();
    let numbers: Vec<u32> = (1..=pages.max(1)).collect();
    let mut shown_at = None::<f64>;
    for batch in numbers.chunks(DOCUMENT_PAGES_AT_ONCE) {
        let results = futures::future::join_all(batch.iter().map(|&page| async move {
            let path = pack::documents_page_path(page);
            let result = match fetch_text(&path).await {
                Ok(text) => report(&path, validate::parse_documents_page(&text)),
                Err(e) => Err(e),
            };
            (page, result)
        }))
        .await;
        for (page, result) in results {
            match result {
                Ok(p) => all.extend(p.items),
                Err(e) if page == 1 => return Err(e),
                Err(_) => {}
            }
        }
        let now = js_sys::Date::now();
        if batch.last() != numbers.last() && shown_at.is_none_or(|t| now - t > 1000.0) {
            progress(&all);
            shown_at = Some(now);
        }
    }
    Ok(all)
}

/// Article bodies read in this visit, so search can look inside them too.
#[derive(Clone, Copy)]
pub struct ReadArticles(pub RwSignal<Vec<Arc<Article>>>);

pub fn use_read_articles() -> ReadArticles {
    use_context::<ReadArticles>().unwrap_or_else(|| {
        let state = ReadArticles(RwSignal::new(Vec::new()));
        provide_context(state);
        state
    })
}

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
            let result = load_all_documents(pages, |so_far| {
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

pub fn use_documents() -> DocumentsState {
    use_context::<DocumentsState>().unwrap_or_else(|| {
        let state = DocumentsState {
            list: RwSignal::new(None),
            pages: RwSignal::new(None),
            complete: RwSignal::new(false),
        };
        provide_context(state);
        state
    })
}

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

/// While offline, how often the app tries the network again.
const OFFLINE_RETRY: std::time::Duration = std::time::Duration::from_secs(8);

impl FeedState {
    /// (Re)loads the index. A failure keeps the index that was shown.
    pub fn refresh(self) {
        if self.loading.get_untracked() && self.index.with_untracked(Option::is_some) {
            return;
        }
        self.loading.set(true);
        spawn_local(async move {
            match load_index().await {
                Ok((index, stored_at)) => {
                    let online = stored_at.is_none();
                    let changed = self.index.with_untracked(|old| {
                        old.as_ref()
                            .is_none_or(|o| o.generated_at != index.generated_at)
                    });
                    let first_online = online && !self.stored_once();
                    let index = Arc::new(index);
                    if online && (changed || first_online) {
                        crate::browser::pwa::store_in_background(&index);
                    }
                    if changed || stored_at != self.stored_at.get_untracked() {
                        self.index.set(Some(index));
                    }
                    if online {
                        self.checked_at.set(Some(js_sys::Date::now()));
                    }
                    self.stored_at.set(stored_at);
                    self.error.set(None);
                }
                Err(e) => {
                    // Nothing on screen yet: show the last good index rather
                    // than an empty page, and say why it is not the newest.
                    if self.index.with_untracked(Option::is_none) {
                        if let Some((index, at)) = last_good_index() {
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

    fn stored_once(self) -> bool {
        !matches!(
            crate::browser::pwa::use_pwa().store.get_untracked(),
            crate::browser::pwa::StoreStatus::Idle
        )
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
        let on_online = wasm_bindgen::closure::Closure::<dyn FnMut()>::new(move || self.refresh());
        let _ = window().add_event_listener_with_callback(
            "online",
            wasm_bindgen::JsCast::unchecked_ref(on_online.as_ref()),
        );
        on_online.forget();
    }
}

/// Creates the feed state, starts loading, and shares it with every page.
pub fn provide_feed() -> FeedState {
    let state = FeedState {
        index: RwSignal::new(None),
        loading: RwSignal::new(false),
        error: RwSignal::new(None),
        stored_at: RwSignal::new(None),
        checked_at: RwSignal::new(None),
    };
    provide_context(state);
    // The document list, the articles read and the offline side are shared
    // app-wide too.
    use_documents();
    use_read_articles();
    crate::browser::pwa::use_pwa();
    // A reader back within minutes sees the index fetched then at once,
    // without a round trip; the network's answer replaces it if the feed
    // changed meanwhile. An older copy waits for the network (it shows
    // only if the network fails), so the headlines never jump from old
    // to new.
    // The age is read first: an older copy is not parsed at start-up.
    let age_ms = crate::browser::dom::load_pref(LAST_GOOD_AT)
        .and_then(|at| bantin_format::datetime::DateTime::parse_rfc3339(&at))
        .map(|t| js_sys::Date::now() - t.unix as f64 * 1000.0);
    if age_ms.is_some_and(|a| (0.0..RECENT_INDEX_MS).contains(&a)) {
        if let Some((index, _)) = last_good_index() {
            state.index.set(Some(Arc::new(index)));
        }
    }
    state.refresh();
    state.watch_network();
    state
}

/// How old the browser's copy of the index may be to show before the
/// network answers.
const RECENT_INDEX_MS: f64 = 30.0 * 60.0 * 1000.0;

/// The shared feed state; a page rendered on its own (in a component
/// test, say) gets a fresh one rather than a panic.
pub fn use_feed() -> FeedState {
    use_context::<FeedState>().unwrap_or_else(provide_feed)
}
