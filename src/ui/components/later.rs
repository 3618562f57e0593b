//! What lies below the first screen, drawn a moment later while the app
//! takes over a published page (`browser::takeover`). The app's twin is
//! hidden then, and drawing a whole page in one go would hold the main
//! thread for hundreds of milliseconds on a slow phone, while the reader
//! may already be scrolling the published copy: each `Later` is drawn in a
//! task of its own. Any other time (a tap, a reload of the app's own page)
//! the children are drawn at once, so nothing pops in under the reader.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use leptos::prelude::*;

use crate::browser::takeover;

#[component]
pub fn Later(children: Children) -> impl IntoView {
    if !takeover::under_way() {
        return children().into_any();
    }
    let shown = RwSignal::new(false);
    set_timeout(move || shown.set(true), Duration::ZERO);
    // Taken once: the closure below runs again only when `shown` turns.
    // The children are built untracked, so a signal they read while being
    // built does not run the closure again (it would find them taken, and
    // draw nothing in their place).
    let children = Arc::new(Mutex::new(Some(children)));
    (move || {
        if shown.get() {
            let children = children.lock().ok().and_then(|mut c| c.take());
            children.map(|c| untrack(|| c().into_any()))
        } else {
            // The takeover waits while the twin holds a pending mark
            // (`takeover::PENDING`).
            Some(view! { <div hidden="" data-pending=""></div> }.into_any())
        }
    })
    .into_any()
}
