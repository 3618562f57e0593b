//! The library index (`bantin_format::library`, format doc §7.9) in the
//! browser: its root fetched once per visit, the parts fetched so far kept
//! for the visit (a part is named by a hash of the index, so it is never
//! fetched again), and which parts could not be fetched. The pages ask
//! for the parts they show ([`LibraryState::fetch`]); `logic::library`
//! says which those are.

use std::collections::HashSet;
use std::sync::Arc;

use bantin_format::library::{self as index, PartId, Root};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::browser::config::feed_file;
use crate::browser::http::{all, get_text, LoadError};
use crate::logic::library::Parts;

/// Parts fetched at a time.
const PARTS_AT_ONCE: usize = 6;

/// What the feed's library index is, as far as this visit knows.
#[derive(Clone, Debug, PartialEq)]
pub enum LibraryRoot {
    /// The root is here: the library shows a part at a time.
    Ready(Arc<Root>),
    /// No `library/` in the feed, or its root cannot be read (another
    /// version, not the format), or no answer: the whole list is used.
    Absent,
}

/// The library index of this visit, shared by the pages.
#[derive(Clone, Copy)]
pub struct LibraryState {
    /// None until the root has been asked for and answered.
    pub root: RwSignal<Option<LibraryRoot>>,
    pub parts: RwSignal<Arc<Parts>>,
    /// Parts that could not be fetched or read, and why.
    pub failed: RwSignal<Vec<(PartId, LoadError)>>,
    /// Asked for and not answered yet.
    in_flight: StoredValue<HashSet<PartId>>,
    opening: StoredValue<bool>,
}

impl Default for LibraryState {
    fn default() -> Self {
        Self::new()
    }
}

impl LibraryState {
    pub fn new() -> Self {
        LibraryState {
            root: RwSignal::new(None),
            parts: RwSignal::new(Arc::new(Parts::default())),
            failed: RwSignal::new(Vec::new()),
            in_flight: StoredValue::new(HashSet::new()),
            opening: StoredValue::new(false),
        }
    }

    /// Fetches the root once per visit.
    pub fn open(self) {
        if self.root.get_untracked().is_some() || self.opening.get_value() {
            return;
        }
        self.opening.set_value(true);
        spawn_local(async move {
            let root = match get_text(&feed_file(index::ROOT_FILE)).await {
                Ok(fetched) => match Root::parse(&fetched.text) {
                    Ok(root) => LibraryRoot::Ready(Arc::new(root)),
                    Err(e) => {
                        web_sys::console::error_1(&format!("bantin feed {e}").into());
                        LibraryRoot::Absent
                    }
                },
                Err(_) => LibraryRoot::Absent,
            };
            self.opening.set_value(false);
            self.root.set(Some(root));
        });
    }

    /// The root, when the feed has a readable one.
    pub fn ready(self) -> Option<Arc<Root>> {
        self.root.with(|r| match r {
            Some(LibraryRoot::Ready(root)) => Some(root.clone()),
            _ => None,
        })
    }

    /// Fetches the parts of `wanted` that are neither here, on their way,
    /// nor failed (a failed part waits for [`LibraryState::retry`]).
    pub fn fetch(self, wanted: Vec<PartId>) {
        let Some(root) = self.root.with_untracked(|r| match r {
            Some(LibraryRoot::Ready(root)) => Some(root.clone()),
            _ => None,
        }) else {
            return;
        };
        let failed: Vec<PartId> = self
            .failed
            .with_untracked(|f| f.iter().map(|(p, _)| *p).collect());
        let todo: Vec<PartId> = self
            .in_flight
            .try_update_value(|flying| {
                let todo: Vec<PartId> = wanted
                    .into_iter()
                    .filter(|p| {
                        !flying.contains(p)
                            && !failed.contains(p)
                            && !self.parts.with_untracked(|h| h.has(*p))
                    })
                    .collect();
                flying.extend(todo.iter().copied());
                todo
            })
            .unwrap_or_default();
        if todo.is_empty() {
            return;
        }
        spawn_local(async move {
            for batch in todo.chunks(PARTS_AT_ONCE) {
                let fetched = all(batch.iter().map(|&part| {
                    let path = root.path(part);
                    async move { (part, get_text(&feed_file(&path)).await) }
                }))
                .await;
                let mut read = Vec::new();
                let mut bad = Vec::new();
                for (part, result) in fetched {
                    match result.and_then(|f| {
                        index::Part::parse(&root, part, &f.text).map_err(|e| {
                            web_sys::console::error_1(&format!("bantin feed {e}").into());
                            LoadError::Invalid
                        })
                    }) {
                        Ok(p) => read.push(p),
                        Err(e) => bad.push((part, e)),
                    }
                }
                self.in_flight.update_value(|flying| {
                    for part in batch {
                        flying.remove(part);
                    }
                });
                if !read.is_empty() {
                    self.parts.update(|parts| {
                        let parts = Arc::make_mut(parts);
                        for p in read {
                            parts.insert(p);
                        }
                    });
                }
                if !bad.is_empty() {
                    self.failed.update(|f| f.extend(bad));
                }
            }
        });
    }

    /// Forgets the failures, so the parts are asked for again.
    pub fn retry(self) {
        self.failed.set(Vec::new());
    }
}
