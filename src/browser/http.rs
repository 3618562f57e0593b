//! The one way the app fetches: a GET with a time limit and a size cap,
//! HTTP errors turned into a [`LoadError`] worded for the reader, and what
//! the service worker said about where an answer came from (its stored
//! copy, and since when), and [`all`] for a batch at once. The feed
//! loaders and the background storing both fetch through here.

use std::cell::Cell;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::Poll;
use std::time::Duration;

use bantin_format::protocol;
use gloo_net::http::Request;

use crate::strings;

/// The largest feed file the app reads: a feed file is small (the index
/// under 150 KB), and tens of megabytes would only freeze a phone.
const MAX_FILE_BYTES: usize = 4 << 20;

/// How long a file may take, body included.
const FETCH_TIMEOUT: Duration = Duration::from_secs(12);

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

/// A file's text, and, when the service worker answered with its stored
/// copy because the network did not, when that copy was fetched (RFC 3339;
/// empty if it did not say).
pub struct Fetched {
    pub text: String,
    pub stored_at: Option<String>,
}

/// Fetches `url` as text. A server that never finishes is cut off after
/// [`FETCH_TIMEOUT`], so no page waits forever.
pub async fn get_text(url: &str) -> Result<Fetched, LoadError> {
    let abort = web_sys::AbortController::new().ok();
    let timed_out = Rc::new(Cell::new(false));
    let timer = abort.clone().and_then(|a| {
        let flag = timed_out.clone();
        leptos::prelude::set_timeout_with_handle(
            move || {
                flag.set(true);
                a.abort();
            },
            FETCH_TIMEOUT,
        )
        .ok()
    });
    let failed = |_| {
        if timed_out.get() {
            LoadError::Timeout
        } else {
            LoadError::Network
        }
    };
    let result = async {
        let response = Request::get(url)
            .abort_signal(abort.as_ref().map(|a| a.signal()).as_ref())
            .send()
            .await
            .map_err(failed)?;
        let headers = response.headers();
        let source = headers.get(protocol::SOURCE_HEADER);
        let stored_at = source
            .as_deref()
            .filter(|s| *s == protocol::SOURCE_OFFLINE || *s == protocol::SOURCE_STALE)
            .map(|_| headers.get(protocol::FETCHED_HEADER).unwrap_or_default());
        match response.status() {
            200..=299 => match response.text().await {
                Ok(t) if t.len() > MAX_FILE_BYTES => {
                    web_sys::console::error_1(
                        &format!("bantin {url}: {} bytes, over the {MAX_FILE_BYTES} a feed file may have", t.len()).into(),
                    );
                    Err(LoadError::Invalid)
                }
                Ok(text) => Ok(Fetched { text, stored_at }),
                Err(e) => Err(failed(e)),
            },
            404 | 410 => Err(LoadError::NotFound),
            // The service worker's "neither network nor a stored copy".
            504 if source.is_some() => Err(LoadError::Network),
            status => Err(LoadError::Server(status)),
        }
    }
    .await;
    if let Some(timer) = timer {
        timer.clear();
    }
    result
}

/// Whether `url` answers: for files fetched only so the service worker
/// keeps a copy (images, possibly on another site, which answer opaquely).
pub async fn reaches(url: &str) -> bool {
    let cross_origin = is_cross_origin(url);
    let mut request = Request::get(url);
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
    let origin = crate::browser::dom::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default();
    (lower.starts_with("http://") || lower.starts_with("https://")) && !url.starts_with(&origin)
}

/// Runs a small batch of fetches at once and gives their results in order:
/// the one way the app fetches in parallel (the document list's pages, the
/// background storing's files). A plain loop over the batch, polled
/// together: batches are a handful of requests.
pub async fn all<F: Future>(batch: impl IntoIterator<Item = F>) -> Vec<F::Output> {
    let mut done: Vec<(usize, F::Output)> = Vec::new();
    each(batch, |i, value| done.push((i, value))).await;
    done.sort_by_key(|(i, _)| *i);
    done.into_iter().map(|(_, value)| value).collect()
}

/// Polls a batch together as [`all`] does, handing each output (with its
/// place in the batch) to `done` as it comes: for a caller that can use
/// the first answers before the last.
pub async fn each<F: Future>(
    batch: impl IntoIterator<Item = F>,
    mut done: impl FnMut(usize, F::Output),
) {
    let mut pending: Vec<Option<Pin<Box<F>>>> =
        batch.into_iter().map(|f| Some(Box::pin(f))).collect();
    std::future::poll_fn(|cx| {
        for (i, slot) in pending.iter_mut().enumerate() {
            if let Some(future) = slot {
                if let Poll::Ready(value) = future.as_mut().poll(cx) {
                    *slot = None;
                    done(i, value);
                }
            }
        }
        if pending.iter().all(Option::is_none) {
            Poll::Ready(())
        } else {
            Poll::Pending
        }
    })
    .await
}
