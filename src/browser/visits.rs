//! The reader's visits in localStorage (`logic::visits` decides what they
//! mean): read as the app starts, which may begin a new visit, then
//! written again while the reader is here (every minute while the page is
//! in view, when it is hidden or shown, and when a story is opened), so
//! the visit's last moment is known when the next visit begins.

use std::time::Duration;

use bantin_format::model::ArticleSummary;
use leptos::prelude::*;

use crate::browser::clock::{every, now_ms};
use crate::browser::dom;
use crate::browser::state::VisitState;
use crate::logic::visits::{self, Visits, STORAGE_KEY};

/// How often an open page says the reader is still here.
const STILL_HERE: Duration = Duration::from_secs(60);

fn save(v: &Visits) {
    dom::save_pref(STORAGE_KEY, &v.to_stored());
}

/// The reader arrives: the stored record continued or a new visit begun,
/// shared through `state`, and kept up to date while the page is open:
/// every minute while it is in view, and when it is hidden or shown again.
/// A page back in view (or a device waking) after a pause longer than the
/// gap begins a new visit, as a new page load would. Natively (a
/// published page) nothing is stored: nothing is new.
pub fn start(state: VisitState) {
    let Some(window) = dom::window() else {
        return;
    };
    let stored = dom::load_pref(STORAGE_KEY).and_then(|s| Visits::parse(&s));
    let v = visits::arrive(stored, now_ms());
    save(&v);
    state.0.set(v);
    let document = window.document();
    let hidden = {
        let document = document.clone();
        move || document.as_ref().is_some_and(|d| d.hidden())
    };
    let still_here = move |leaving: bool| {
        let mut v = state.0.get_untracked();
        // Another tab of the same visit may have opened stories meanwhile.
        if let Some(stored) = dom::load_pref(STORAGE_KEY).and_then(|s| Visits::parse(&s)) {
            if stored.previous == v.previous {
                for id in stored.opened {
                    if !v.opened.contains(&id) {
                        v.opened.push(id);
                    }
                }
            }
        }
        let v = if leaving {
            v.seen_at(now_ms());
            v
        } else {
            visits::arrive(Some(v), now_ms())
        };
        save(&v);
        state.0.set(v);
    };
    {
        let hidden = hidden.clone();
        every(STILL_HERE, move || {
            if !hidden() {
                still_here(false);
            }
        });
    }
    if let Some(document) = document {
        dom::listen(&document, "visibilitychange", move || still_here(hidden()));
    }
}

/// The reader opened `story`: it stops counting in the tab's title.
pub fn opened(state: VisitState, story: &ArticleSummary) {
    if dom::window().is_none() {
        return;
    }
    let mut v = state.0.get_untracked();
    v.open(story, now_ms());
    save(&v);
    state.0.set(v);
}
