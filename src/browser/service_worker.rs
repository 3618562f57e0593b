//! The service worker (public/sw.js, finished by the build): registering
//! it, asking the server for a new release now and then, telling the reader
//! one is ready, and moving to it when asked. What it stores is the
//! `storing` and `caches` modules' business. A debug build has no service
//! worker: its post-build writes no sw.js, and one left by an earlier
//! release build on the same address is removed, so it cannot answer with
//! that release's files.

use std::cell::Cell;

use bantin_format::protocol;
use js_sys::{Array, Object, Reflect};
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;
use web_sys::{ServiceWorkerContainer, ServiceWorkerRegistration};

use crate::browser::caches;
use crate::browser::clock::now_ms;
use crate::browser::config::{app_base, app_href};
use crate::browser::dom::{listen, wait};
use crate::browser::state::OfflineState;
use crate::logic::routes;

/// How often an open app asks the server for a new release.
const UPDATE_CHECK_MS: u64 = 5 * 60 * 1000;
/// After an in-app navigation, at most one check in this long.
const NAVIGATION_CHECK_GAP_MS: f64 = 60_000.0;

thread_local! {
    /// Set when the reader asked for the new release: the next change of
    /// controller reloads the page (the first install's claim does not).
    static RELOAD_ON_CHANGE: Cell<bool> = const { Cell::new(false) };
    static LAST_CHECK: Cell<f64> = const { Cell::new(0.0) };
}

/// The page's service worker container, where the browser has one.
pub fn container() -> Option<ServiceWorkerContainer> {
    let navigator = window().navigator();
    let has = Reflect::has(&navigator, &"serviceWorker".into()).unwrap_or(false);
    has.then(|| navigator.service_worker())
}

/// Whether a service worker controls the page.
pub fn controlled() -> bool {
    container().and_then(|c| c.controller()).is_some()
}

/// Registers the service worker and watches for new releases. Browsers
/// without service workers (or with them blocked) simply read online.
pub fn register(offline: OfflineState) {
    let Some(sw) = container() else { return };
    if cfg!(debug_assertions) {
        spawn_local(unregister_all(sw));
        return;
    }
    offline.active.set(sw.controller().is_some());
    listen(&sw, "controllerchange", move || {
        offline.active.set(true);
        if RELOAD_ON_CHANGE.with(Cell::get) {
            let _ = window().location().reload();
        }
    });
    spawn_local(async move {
        let options = web_sys::RegistrationOptions::new();
        options.set_scope(&app_base());
        let url = app_href(routes::SERVICE_WORKER);
        // Some browsers (or a blocking policy) resolve without a registration.
        let Some(reg) = wait(sw.register_with_options(&url, &options))
            .await
            .ok()
            .and_then(|r| r.dyn_into::<ServiceWorkerRegistration>().ok())
        else {
            return;
        };
        watch_updates(offline, &reg);
        // Checks for a release now and then, and whenever the reader comes
        // back to the tab or the network comes back.
        let check = {
            let reg = reg.clone();
            move || check_for_update(&reg, 0.0)
        };
        let _ = set_interval_with_handle(
            check.clone(),
            std::time::Duration::from_millis(UPDATE_CHECK_MS),
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

async fn unregister_all(sw: ServiceWorkerContainer) {
    let Ok(list) = wait(sw.get_registrations()).await else {
        return;
    };
    for reg in Array::from(&list).iter() {
        if let Ok(reg) = reg.dyn_into::<ServiceWorkerRegistration>() {
            if let Ok(p) = reg.unregister() {
                let _ = wait(p).await;
            }
        }
    }
}

/// Asks the server for a newer sw.js, unless that was done `min_gap_ms` ago.
fn check_for_update(reg: &ServiceWorkerRegistration, min_gap_ms: f64) {
    let now = now_ms();
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
                check_for_update(reg, NAVIGATION_CHECK_GAP_MS);
            }
        }
    });
}

fn watch_updates(offline: OfflineState, reg: &ServiceWorkerRegistration) {
    if reg.waiting().is_some() && controlled() {
        offline.update_ready.set(true);
    }
    let reg2 = reg.clone();
    listen(reg, "updatefound", move || {
        let Some(worker) = reg2.installing() else {
            return;
        };
        let w = worker.clone();
        listen(&worker, "statechange", move || {
            // "installed" with a controller present: a new release waits.
            if w.state() == web_sys::ServiceWorkerState::Installed && controlled() {
                offline.update_ready.set(true);
            }
        });
    });
}

/// Moves to the waiting release: it takes over and the page reloads whole.
pub fn apply_update() {
    caches::stop_storing();
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
                let _ = Reflect::set(
                    &message,
                    &"type".into(),
                    &protocol::MESSAGE_SKIP_WAITING.into(),
                );
                let _ = worker.post_message(&message);
            }
            None => {
                let _ = window().location().reload();
            }
        }
    });
}
