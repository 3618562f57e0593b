//! bantin-format: the bantin feed format v1, shared by the app (wasm), the
//! feed tool (`bantin-feed`) and the synthetic feed generator
//! (`bantin-synth`). Pure Rust, no web APIs: it builds for native and
//! wasm32, and is tested natively.
//!
//! - [`model`]: the data types of every feed file;
//! - [`validate`]: strict, forgiving validation of feed files;
//! - [`read`]: the app's readers of those types from JSON values, written
//!   out (serde's derived ones, which the feed tool keeps, weigh a tenth
//!   of the wasm);
//! - [`pack`]: content laid out as a feed directory (paths and JSON text);
//! - [`most_read`]: the most read stories ("Xem nhiều") the index lists,
//!   ranked from the articles' views within a recent window;
//! - [`protocol`]: what the app and its service worker agree on (cache
//!   names, headers, messages, the feed's folders), written into sw.js by
//!   the build;
//! - [`archive`]: the archive index, a static search index of the whole
//!   feed split into small parts, its writer and its query engine;
//! - [`library`]: the library index, what the document library's filters,
//!   counts and rows are fetched from a part at a time, and its writer;
//! - [`dir`] (native only): a feed directory on disk, checked, read back,
//!   written, reindexed, its sample calendar moved;
//! - the primitives they rest on: [`text`] (Vietnamese folding, slugs, word
//!   counts), [`datetime`] (dates, RFC 3339, ISO weeks, Vietnam time) and
//!   [`display`] (Vietnamese dates and numbers for people to read), and
//!   [`alt`] (whether an image's alt text says anything, and what names
//!   the image when it does not).
//!
//! The layout and every field are described in public/schema/README.md.

pub mod alt;
pub mod archive;
pub mod datetime;
pub mod display;
pub mod library;
pub mod model;
pub mod most_read;
pub mod pack;
pub mod protocol;
pub mod read;
pub mod text;
pub mod validate;

// Reads and writes files: the feed tool's, not the app's.
#[cfg(not(target_arch = "wasm32"))]
pub mod dir;

#[cfg(test)]
mod tests;
