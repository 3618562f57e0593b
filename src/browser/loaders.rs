//! Feed files, fetched (through `http`) and validated: what reaches a
//! component is typed and checked, and a file's problems are reported on
//! the console for whoever runs the portal. Also the two memories that
//! spare a reader a wait: the last good index, kept in the browser's
//! storage, and the articles parsed in the last minutes.

use std::cell::RefCell;

use bantin_format::datetime::DateTime;
use bantin_format::model::{Article, CalendarWeek, Document, Index, NewsPage};
use bantin_format::pack;
use bantin_format::validate::{self, Checked, Severity};

use crate::browser::clock::now_ms;
use crate::browser::config::feed_file;
use crate::browser::dom;
use crate::browser::http::{self, get_text, LoadError};

/// Reports a file's problems on the console.
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

/// A feed file by its path in the feed directory, validated by `parse`.
async fn load<T>(path: &str, parse: impl Fn(&str) -> Checked<T>) -> Result<T, LoadError> {
    let fetched = get_text(&feed_file(path)).await?;
    report(path, parse(&fetched.text))
}

// ---------------------------------------------------------------- the index

/// The last index that came from the network and passed validation, kept
/// in the browser's storage: what the reader sees when the feed turns bad
/// before anything was on screen (a reload, a new visit).
const LAST_GOOD_INDEX: &str = "bantin-index";
const LAST_GOOD_AT: &str = "bantin-index-at";

/// How old the browser's copy of the index may be to show before the
/// network answers.
const RECENT_INDEX_MS: f64 = 30.0 * 60.0 * 1000.0;

/// The index, and when it was fetched if it is the service worker's stored
/// copy. One from the network is kept as the last good index.
pub async fn load_index() -> Result<(Index, Option<String>), LoadError> {
    let fetched = get_text(&feed_file(pack::INDEX_FILE)).await?;
    let index = report(pack::INDEX_FILE, validate::parse_index(&fetched.text))?;
    if fetched.stored_at.is_none() {
        dom::save_pref(LAST_GOOD_INDEX, &fetched.text);
        let now = DateTime {
            unix: (now_ms() / 1000.0) as i64,
            offset: 0,
        };
        dom::save_pref(LAST_GOOD_AT, &now.to_rfc3339());
    }
    Ok((index, fetched.stored_at))
}

/// The last good index and when it was fetched (RFC 3339).
pub fn last_good_index() -> Option<(Index, String)> {
    let text = dom::load_pref(LAST_GOOD_INDEX)?;
    let at = dom::load_pref(LAST_GOOD_AT).unwrap_or_default();
    validate::parse_index(&text).value.map(|i| (i, at))
}

/// The last good index if it was fetched in the last half hour: a reader
/// back within minutes sees it at once, without a round trip. Its age is
/// read first, so an older copy is not parsed for nothing.
pub fn recent_index() -> Option<Index> {
    let age_ms = dom::load_pref(LAST_GOOD_AT)
        .and_then(|at| DateTime::parse_rfc3339(&at))
        .map(|t| now_ms() - t.unix as f64 * 1000.0)?;
    if (0.0..RECENT_INDEX_MS).contains(&age_ms) {
        last_good_index().map(|(index, _)| index)
    } else {
        None
    }
}

// ------------------------------------------------------------- the articles

/// Articles parsed in the last minutes (read, or fetched by the background
/// storing): following a link to one of them renders at once, without a
/// fetch and a parse. Kept briefly, so a corrected article shows soon.
struct Recent {
    article: Article,
    at: f64,
}

thread_local! {
    static RECENT_ARTICLES: RefCell<Vec<Recent>> = const { RefCell::new(Vec::new()) };
}
const RECENT_MAX: usize = 40;
const RECENT_FRESH_MS: f64 = 10.0 * 60.0 * 1000.0;

/// Remembers an article just parsed (see [`Recent`]).
pub fn keep_article(article: &Article) {
    let now = now_ms();
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
    let now = now_ms();
    RECENT_ARTICLES.with_borrow(|list| {
        list.iter()
            .find(|r| r.article.summary.slug == slug && now - r.at < RECENT_FRESH_MS)
            .map(|r| r.article.clone())
    })
}

pub async fn load_article(slug: &str) -> Result<Article, LoadError> {
    if let Some(article) = recent_article(slug) {
        return Ok(article);
    }
    let article = load(&pack::article_path(slug), validate::parse_article).await?;
    keep_article(&article);
    Ok(article)
}

/// An article the background storing fetched (`text`): parsed, validated
/// and remembered, for its images and for a quick open.
pub fn parse_stored_article(text: &str) -> Option<Article> {
    let article = validate::parse_article(text).value?;
    keep_article(&article);
    Some(article)
}

// ------------------------------------------------- lists, weeks, documents

pub async fn load_news_page(list: &str, page: u32) -> Result<NewsPage, LoadError> {
    load(&pack::news_page_path(list, page), validate::parse_news_page).await
}

pub async fn load_week(week: &str) -> Result<CalendarWeek, LoadError> {
    load(&pack::week_path(week), validate::parse_calendar_week).await
}

pub async fn load_document(id: &str) -> Result<Document, LoadError> {
    load(&pack::document_path(id), validate::parse_document).await
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
        let results = http::all(batch.iter().map(|&page| async move {
            let path = pack::documents_page_path(page);
            (page, load(&path, validate::parse_documents_page).await)
        }))
        .await;
        for (page, result) in results {
            match result {
                Ok(p) => all.extend(p.items),
                Err(e) if page == 1 => return Err(e),
                Err(_) => {}
            }
        }
        let now = now_ms();
        if batch.last() != numbers.last() && shown_at.is_none_or(|t| now - t > 1000.0) {
            progress(&all);
            shown_at = Some(now);
        }
    }
    Ok(all)
}
