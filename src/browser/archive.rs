//! The archive index (`bantin_format::archive`, format doc §7.8) in the
//! browser: its root fetched once per visit, one [`Store`] of the parts
//! fetched so far (a part is named by a hash of the index, so a part once
//! here is never fetched again), and [`run`], which fetches the parts a
//! query lacks, all at once, and runs it again until it is complete, a
//! fetch fails (offline: what is here is shown) or a part is bad.

use std::cell::RefCell;
use std::rc::Rc;

use bantin_format::archive::{self, search_all, Outcome, Query, Root, Store};

use crate::browser::config::feed_file;
use crate::browser::http::{each, get_text, LoadError};
use crate::logic::archive_search::{self, EARLY_HITS};

/// Parts asked for at a time. Each round of asking costs a round trip on
/// a phone's network, so a round asks for all a query lacks (the browser
/// spreads them over its connections); the cap only bounds a query that
/// would need more than any does.
const PARTS_AT_ONCE: usize = 32;
/// Rounds of fetching per query: a query needs term parts, then record
/// parts; a prefix a few more. More means something is wrong.
const MAX_ROUNDS: usize = 6;

/// Whether the feed has an archive index the app can read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Availability {
    /// The root is here: the search page searches the whole feed.
    Ready,
    /// No `search/` in the feed (or no network to ask): the in-memory search.
    Absent,
    /// The root cannot be read (another version, not the format).
    Bad,
}

enum Archive {
    /// Not asked yet in this visit (or the network failed when asked).
    Unknown,
    Absent,
    Bad,
    Ready(Rc<RefCell<Store>>),
}

thread_local! {
    static ARCHIVE: RefCell<Archive> = const { RefCell::new(Archive::Unknown) };
}

/// Fetches the root once per visit (again after a network failure).
pub async fn open() -> Availability {
    let known = ARCHIVE.with_borrow(|a| match a {
        Archive::Unknown => None,
        Archive::Absent => Some(Availability::Absent),
        Archive::Bad => Some(Availability::Bad),
        Archive::Ready(_) => Some(Availability::Ready),
    });
    if let Some(known) = known {
        return known;
    }
    let state = match get_text(&feed_file(archive::ROOT_FILE)).await {
        Ok(fetched) => match Root::parse(&fetched.text) {
            Ok(root) => Archive::Ready(Rc::new(RefCell::new(Store::new(root)))),
            Err(e) => {
                web_sys::console::error_1(&format!("bantin feed {e}").into());
                Archive::Bad
            }
        },
        Err(LoadError::NotFound) => Archive::Absent,
        Err(LoadError::Invalid) => Archive::Bad,
        // No answer: asked again on the next search.
        Err(_) => return Availability::Absent,
    };
    ARCHIVE.with_borrow_mut(|a| {
        // Another search may have opened it meanwhile: keep its parts.
        if matches!(a, Archive::Unknown) {
            *a = state;
        }
    });
    open_state()
}

fn open_state() -> Availability {
    ARCHIVE.with_borrow(|a| match a {
        Archive::Ready(_) => Availability::Ready,
        Archive::Bad => Availability::Bad,
        _ => Availability::Absent,
    })
}

/// A record part's path (`search/{build}/r{k}.json`), as against a term
/// part's.
fn is_record_part(path: &str) -> bool {
    path.rsplit('/')
        .next()
        .is_some_and(|name| name.starts_with('r'))
}

fn store() -> Option<Rc<RefCell<Store>>> {
    ARCHIVE.with_borrow(|a| match a {
        Archive::Ready(s) => Some(s.clone()),
        _ => None,
    })
}

/// How fetching a query's missing parts ended.
enum Fetched {
    /// Every part is in the store.
    All,
    /// A part could not be fetched (the last error); the others are stored.
    Failed(LoadError),
    /// A part is not what the root says (logged on the console).
    Bad,
}

/// Fetches `paths` into the store, [`PARTS_AT_ONCE`] at a time, calling
/// `arrived` after each part is stored (the search's early answer).
async fn fetch_into(
    store: &Rc<RefCell<Store>>,
    paths: &[String],
    arrived: &mut dyn FnMut(),
) -> Fetched {
    let mut failed = None;
    let mut bad = false;
    for batch in paths.chunks(PARTS_AT_ONCE) {
        let fetches = batch
            .iter()
            .map(|path| async move { (path, get_text(&feed_file(path)).await) });
        each(fetches, |_, (path, result)| {
            if bad {
                return;
            }
            match result {
                Ok(f) => {
                    {
                        let mut s = store.borrow_mut();
                        if !s.has(path) {
                            if let Err(e) = s.insert(path, &f.text) {
                                web_sys::console::error_1(&format!("bantin feed {e}").into());
                                bad = true;
                                return;
                            }
                        }
                    }
                    arrived();
                }
                Err(e) => {
                    // Gone: the feed has a newer index; its root is
                    // fetched on the next query.
                    if e == LoadError::NotFound {
                        ARCHIVE.with_borrow_mut(|a| *a = Archive::Unknown);
                    }
                    failed = Some(e);
                }
            }
        })
        .await;
        if bad {
            return Fetched::Bad;
        }
    }
    failed.map_or(Fetched::All, Fetched::Failed)
}

/// The query for the first [`EARLY_HITS`] hits of `q`'s page, when its
/// page has more than that.
fn leading(q: &Query) -> Option<Query> {
    let per_page = q.page_size();
    (per_page > EARLY_HITS && per_page.is_multiple_of(EARLY_HITS)).then(|| Query {
        page: q.page * (per_page / EARLY_HITS),
        per_page: EARLY_HITS,
        ..q.clone()
    })
}

/// What the queries of a page gave, one outcome per query.
#[derive(Clone, Debug, PartialEq)]
pub enum Answer {
    /// Every part the page needs was here or fetched.
    Complete(Vec<Outcome>),
    /// The first results while the rest come: on a page of every kind, the
    /// outcomes up to the first kind with hits are complete, the later ones
    /// still list parts; on a page of one kind, its first [`EARLY_HITS`]
    /// hits are here.
    Early(Vec<Outcome>),
    /// Some parts could not be fetched (offline): the hits the parts at
    /// hand can show (`None`: a word of the query could not be matched).
    Partial(Option<Vec<Outcome>>),
    /// A part is not what the root says (logged on the console).
    Bad,
}

/// Runs the queries of a page on the archive, fetching what they need
/// (their term parts are shared). `current()` says whether the caller
/// still wants the answer: a query typed over stops fetching after the
/// round under way. `early` gets the first results while the other parts
/// are still on their way (on a slow line the browser fetches six at a
/// time, and the parts are asked for in the order their hits are shown):
/// with several queries (a page's group per kind), as soon as the first
/// group with hits has its records; with one, its first [`EARLY_HITS`].
pub async fn run(
    queries: Vec<Query>,
    current: impl Fn() -> bool,
    early: impl Fn(Vec<Outcome>),
) -> Option<Answer> {
    let store = match store() {
        Some(store) => store,
        // Dropped after a part was gone (a newer index): its root again.
        None => match open().await {
            Availability::Ready => store()?,
            Availability::Bad => return Some(Answer::Bad),
            Availability::Absent => return Some(Answer::Partial(None)),
        },
    };
    for _ in 0..MAX_ROUNDS {
        let outs: Vec<Outcome> = {
            let s = store.borrow();
            search_all(&s.root, &*s, &queries)
        };
        // In the order the page shows their hits.
        let mut missing: Vec<String> = Vec::new();
        for m in outs.iter().flat_map(|o| &o.missing) {
            if !missing.contains(m) {
                missing.push(m.clone());
            }
        }
        if missing.is_empty() {
            return Some(Answer::Complete(outs));
        }
        if !current() {
            return None;
        }
        // What the first results wait for, once the term parts are all
        // here: on a page of every kind, the first group with hits; on a
        // page of one kind, its first [`EARLY_HITS`] hits.
        let first: Option<Vec<String>> = match &queries[..] {
            // (Its term parts all here first: no search for the lead
            // while they are still to come.)
            [one] if outs[0].missing.iter().all(|m| is_record_part(m)) => {
                leading(one).and_then(|lead| {
                    let s = store.borrow();
                    let paths = search_all(&s.root, &*s, &[lead]).pop()?.missing;
                    (paths.iter().all(|m| is_record_part(m)) && paths.len() < outs[0].missing.len())
                        .then_some(paths)
                })
            }
            [_] => None,
            _ => outs
                .iter()
                .find(|o| o.total > 0)
                .filter(|o| o.missing.iter().all(|m| is_record_part(m)))
                .map(|o| o.missing.clone()),
        };
        let mut told = first.is_none();
        if first.as_ref().is_some_and(Vec::is_empty) {
            told = true;
            early(outs.clone());
        }
        let fetched = fetch_into(&store, &missing, &mut || {
            if told || !current() {
                return;
            }
            let outs = {
                let s = store.borrow();
                let ready = first
                    .as_ref()
                    .is_some_and(|paths| paths.iter().all(|p| s.has(p)));
                ready.then(|| search_all(&s.root, &*s, &queries))
            };
            if let Some(outs) = outs {
                told = true;
                early(outs);
            }
        })
        .await;
        match fetched {
            Fetched::All => {}
            Fetched::Bad => return Some(Answer::Bad),
            Fetched::Failed(_) => {
                let s = store.borrow();
                let here: Option<Vec<Outcome>> = queries
                    .iter()
                    .map(|q| archive_search::at_hand(&s.root, &*s, q))
                    .collect();
                return Some(Answer::Partial(here));
            }
        }
    }
    web_sys::console::error_1(&"bantin feed search/: a query kept needing parts".into());
    Some(Answer::Bad)
}

/// What the archive says of the document library's text filter.
#[derive(Clone, Debug, PartialEq)]
pub enum Matches {
    /// Every record the query matches: ids in the archive, ascending, with
    /// the root that places them.
    Complete {
        root: std::sync::Arc<Root>,
        ids: Vec<u32>,
    },
    /// The root or a term part the query needs could not be fetched
    /// (offline, and it was not stored before).
    Unreachable(LoadError),
    /// No archive index in the feed.
    Absent,
    /// The root or a part is not what it should be (logged on the console).
    Bad,
}

/// Every record `query` matches, not a page of them (the document
/// library's text filter: the library puts them in its own order),
/// fetching the term parts it needs; no record part is fetched.
pub async fn matches(query: Query, current: impl Fn() -> bool) -> Option<Matches> {
    let store = match store() {
        Some(store) => store,
        None => match open().await {
            Availability::Ready => store()?,
            Availability::Bad => return Some(Matches::Bad),
            // No answer for the root (offline, not stored): still unknown.
            Availability::Absent if ARCHIVE.with_borrow(|a| matches!(a, Archive::Unknown)) => {
                return Some(Matches::Unreachable(LoadError::Network))
            }
            Availability::Absent => return Some(Matches::Absent),
        },
    };
    for _ in 0..MAX_ROUNDS {
        let ranking = {
            let s = store.borrow();
            archive::rank(&s.root, &*s, &query)
        };
        if ranking.missing.is_empty() {
            let mut ids: Vec<u32> = ranking.hits.into_iter().map(|(id, _)| id).collect();
            ids.sort_unstable();
            let root = std::sync::Arc::new(store.borrow().root.clone());
            return Some(Matches::Complete { root, ids });
        }
        if !current() {
            return None;
        }
        match fetch_into(&store, &ranking.missing, &mut || {}).await {
            Fetched::All => {}
            Fetched::Bad => return Some(Matches::Bad),
            Fetched::Failed(e) => return Some(Matches::Unreachable(e)),
        }
    }
    web_sys::console::error_1(&"bantin feed search/: a query kept needing parts".into());
    Some(Matches::Bad)
}
