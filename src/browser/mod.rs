//! The browser side: everything that talks to the world outside the pure
//! logic: the deployment settings in index.html, fetching feed files, the
//! app-wide state, the clock, the service worker and what it stores. No
//! components here; the UI reads this layer's state and calls its
//! functions. Its modules, each leaning only on those above it:
//!
//! - `dom`, `clock`: small browser glue, and the time;
//! - `config`: the deployment's settings (base path, feed address, release);
//! - `http`: the one way to fetch, with its errors;
//! - `loaders`: feed files fetched and validated, and the memories of them;
//! - `archive`: the archive index's root and parts, fetched as a search needs them;
//! - `library`: the library index's root and parts, fetched as the document
//!   library shows them;
//! - `state`: the app-wide state, provided once by `App`;
//! - `service_worker`: registration, release checks, the update;
//! - `speech`: the browser's speech synthesis (voices, one utterance at a time);
//! - `caches`: what the service worker stored, read and cleared;
//! - `storing`: background storing, following the feed state;
//! - `takeover`: the app taking over a published (prerendered) page;
//! - `visits`: the reader's visits, kept in localStorage (new since the last one).

pub mod archive;
pub mod caches;
pub mod clock;
pub mod config;
pub mod dom;
pub mod http;
pub mod library;
pub mod loaders;
pub mod service_worker;
pub mod speech;
pub mod state;
pub mod storing;
pub mod takeover;
pub mod visits;
