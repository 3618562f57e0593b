//! What the app and its service worker (`public/sw.js`) agree on: the
//! names of the caches, the headers the worker adds to what it answers
//! from them, the messages the page sends it, and the feed's folders. It
//! is written here once. The app uses these constants; the build writes
//! [`to_json`] into sw.js (`bantin-feed sw-protocol`, called by
//! scripts/post-build.mjs), whose template holds only the placeholder and
//! `PROTOCOL.name` references; a test fails if the two sides disagree.

use crate::{archive, library, pack};

/// The app files of one release: this prefix and the release's version.
pub const APP_CACHE_PREFIX: &str = "bantin-app-";
/// Feed JSON, network first.
pub const FEED_CACHE: &str = "bantin-feed";
/// Images, stale while revalidating.
pub const IMAGE_CACHE: &str = "bantin-images";
/// Documents and articles (with their pictures) the reader saved; never
/// cleared by the worker, not on a new release either.
pub const SAVED_CACHE: &str = "bantin-saved";

/// Set on an answer from the feed cache: why it came from there.
pub const SOURCE_HEADER: &str = "x-bantin-source";
/// The network failed: the stored copy.
pub const SOURCE_OFFLINE: &str = "offline";
/// The network was slow: the stored copy, while the network goes on.
pub const SOURCE_STALE: &str = "stale";
/// Neither network nor a stored copy (a 504 from the worker).
pub const SOURCE_MISSING: &str = "missing";
/// When the stored copy was fetched (RFC 3339), on everything the feed cache keeps.
pub const FETCHED_HEADER: &str = "x-bantin-fetched";

/// Page → worker: take over now (the reader asked for the new release).
pub const MESSAGE_SKIP_WAITING: &str = "skip-waiting";
/// Page → worker: which release are you (answered on the message's port).
pub const MESSAGE_VERSION: &str = "version";

/// Every name above, and the feed's folders, keyed as sw.js reads them
/// (the constants' names in camelCase).
pub fn values() -> [(&'static str, &'static str); 17] {
    [
        ("appCachePrefix", APP_CACHE_PREFIX),
        ("feedCache", FEED_CACHE),
        ("imageCache", IMAGE_CACHE),
        ("savedCache", SAVED_CACHE),
        ("sourceHeader", SOURCE_HEADER),
        ("sourceOffline", SOURCE_OFFLINE),
        ("sourceStale", SOURCE_STALE),
        ("sourceMissing", SOURCE_MISSING),
        ("fetchedHeader", FETCHED_HEADER),
        ("messageSkipWaiting", MESSAGE_SKIP_WAITING),
        ("messageVersion", MESSAGE_VERSION),
        ("articlesDir", pack::ARTICLES_DIR),
        ("newsDir", pack::NEWS_DIR),
        ("calendarDir", pack::CALENDAR_DIR),
        ("documentsDir", pack::DOCUMENTS_DIR),
        ("searchDir", archive::DIR),
        ("libraryDir", library::DIR),
    ]
}

/// [`values`] as the JSON object sw.js reads as `PROTOCOL`.
pub fn to_json() -> String {
    let map: serde_json::Map<String, serde_json::Value> = values()
        .iter()
        .map(|(k, v)| (k.to_string(), serde_json::Value::from(*v)))
        .collect();
    serde_json::Value::Object(map).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_name_is_in_the_json_once_and_distinct() {
        let values = values();
        assert_eq!(values.len(), 17);
        let mut seen = std::collections::HashSet::new();
        for (key, value) in values {
            assert!(!value.is_empty(), "{key}");
            assert!(seen.insert(value), "{key}: {value} twice");
        }
    }
}
