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
pub mod testsite;
pub mod text;
pub mod write;

pub use report::Report;

use std::path::{Path, PathBuf};

/// What every import is given.
#[derive(Clone, Debug)]
pub struct Common {
    /// The feed directory (made when it does not exist).
    pub out: PathBuf,
    pub http: http::Options,
    /// Keep images at their addresses instead of fetching them into `media/`.
    pub remote_images: bool,
    /// index.json's `generated_at` (RFC 3339).
    pub generated_at: String,
}

/// What to import.
#[derive(Clone, Debug)]
pub enum Source {
    Feed(Vec<String>, feed::Options),
    Ics(Vec<String>),
    NukeViet(nukeviet::Options),
}

/// Where an import into `out` keeps its cache (answers with their
/// validators, the portal's cookies) by default: under the user's cache
/// folder (`$XDG_CACHE_HOME` or `~/.cache`, then `bantin/import/{hash of
/// the feed's path}`), never inside a folder that gets published (a
/// portal's session cookie is in it). Without either variable: beside the
/// feed, `.{name}.bantin-cache`.
pub fn default_cache(out: &Path) -> PathBuf {
    let abs = std::path::absolute(out).unwrap_or_else(|_| out.to_path_buf());
    let key = format!("{:016x}", http::fnv(&abs.to_string_lossy()));
    let base = std::env::var_os("XDG_CACHE_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cache")));
    match base {
        Some(b) => b.join("bantin").join("import").join(key),
        None => {
            let name = out
                .file_name()
                .map(|n| n.to_string_lossy().to_string())
                .unwrap_or_else(|| "feed".into());
            out.with_file_name(format!(".{name}.bantin-cache"))
        }
    }
}

/// Imports `source` into `common.out`: fetched into a staging folder,
/// merged, written with both indexes, checked, swapped in (`Ok(None)`:
/// nothing changed, the feed was not touched). The report always comes
/// back; the `Err` says why the feed was left as it was.
pub fn run(
    common: &Common,
    source: &Source,
) -> (Report, Result<Option<bantin_format::dir::Written>, String>) {
    let staging = match write::Staging::open(&common.out) {
        Ok(s) => s,
        Err(e) => return (Report::default(), Err(e)),
    };
    let client = http::Client::new(common.http.clone());
    let media = media::Media::new(&client, staging.dir.clone(), common.remote_images);
    let (incoming, mut report) = match source {
        Source::Feed(sources, options) => feed::import(&client, &media, sources, options),
        Source::Ics(sources) => ics::import(&client, sources),
        Source::NukeViet(options) => nukeviet::import(&client, &media, &staging, options),
    };
    report.http = client.stats();
    let nothing =
        incoming.articles.is_empty() && incoming.weeks.is_empty() && incoming.documents.is_empty();
    if nothing {
        staging.abandon();
        return (
            report,
            Err(format!(
                "nothing could be imported: {} was left as it was",
                common.out.display()
            )),
        );
    }
    let result = staging.commit(incoming, &common.generated_at);
    (report, result)
}
