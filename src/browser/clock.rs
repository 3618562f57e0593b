//! The page's clock: signals of the time that follow the wall clock, so
//! that whatever depends on "now" or "today" (now/next markers, today's
//! calendar, a document's status) moves on by itself on a screen left open
//! past an entry's end or past midnight. The arithmetic is in `calendar`
//! and `datetime`; this only reads `Date.now()` and ticks.

use std::time::Duration;

use leptos::prelude::*;

use crate::logic::schedule;
use bantin_format::datetime::Date;

/// How often the day-level views look at the clock.
pub const MINUTE_TICK: Duration = Duration::from_secs(30);

/// Milliseconds since the epoch, as the page's clock gives them.
#[cfg(target_arch = "wasm32")]
pub fn now_ms() -> f64 {
    js_sys::Date::now()
}

// Rendered natively (the publish step), "now" is the moment the pages
// are written, which the publish step sets.
#[cfg(not(target_arch = "wasm32"))]
thread_local! {
    static NATIVE_NOW: std::cell::Cell<f64> = const { std::cell::Cell::new(0.0) };
}

#[cfg(not(target_arch = "wasm32"))]
pub fn now_ms() -> f64 {
    NATIVE_NOW.with(std::cell::Cell::get)
}

/// Natively, the moment pages are rendered at (ms since the epoch).
#[cfg(not(target_arch = "wasm32"))]
pub fn set_native_now(ms: f64) {
    NATIVE_NOW.with(|n| n.set(ms));
}

/// Runs `f` every `period` for as long as the calling component lives.
/// (A page rendered natively is a snapshot: nothing ticks.)
pub fn every(period: Duration, f: impl Fn() + 'static) {
    if cfg!(not(target_arch = "wasm32")) {
        return;
    }
    if let Ok(handle) = set_interval_with_handle(f, period) {
        on_cleanup(move || handle.clear());
    }
}

/// The time, read again every `period` for as long as the calling
/// component lives.
pub fn ticking(period: Duration) -> RwSignal<f64> {
    let now = RwSignal::new(now_ms());
    every(period, move || now.set(now_ms()));
    now
}

/// Today in Vietnam, changing at midnight Vietnam time (checked every
/// `MINUTE_TICK`).
pub fn today() -> Memo<Date> {
    let now = ticking(MINUTE_TICK);
    Memo::new(move |_| schedule::today(now.get()))
}
