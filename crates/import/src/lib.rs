//! bantin-import: a portal's existing content brought into a bantin feed
//! (`bantin-feed import …`, issue #20).
//!
//! - [`http`]: the polite client every source goes through: a limit on
//!   requests in flight and a pause after each, a User-Agent naming bantin,
//!   only http(s) followed, redirects bounded, conditional requests with an
//!   on-disk cache, one session cookie kept across runs; local files read
//!   as they are.
//! - [`html`]: article HTML into the format's typed blocks, never raw HTML;
//!   scripts, styles, event handlers and `javascript:` links are dropped or
//!   kept as plain text, each with a warning naming the page.
//! - [`media`]: images fetched into the feed's `media/` with their sizes.
//! - [`feed`]: RSS 2.0, Atom and JSON Feed 1.1 (feed-rs).
//! - [`ics`]: iCalendar into the calendar's ISO weeks.
//! - [`nukeviet`]: a NukeViet 4.x portal: news, laws, work-schedules.
//! - [`write`]: the content merged into the feed directory, written aside,
//!   checked and swapped in only when complete.
//! - [`testsite`]: a NukeViet-shaped site generated in memory and served on
//!   loopback, for the tests and the benchmark.
//!
//! What an import did (pages fetched, cache hits, failures, warnings) is an
//! [`Report`]; a page that fails is reported and the rest goes on.

pub mod feed;
pub mod html;
pub mod http;
pub mod ics;
pub mod media;
pub mod nukeviet;
pub mod report;
// pub mod testsite;
pub mod text;
pub mod write;

pub use report::Report;
