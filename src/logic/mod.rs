//! Pure logic: what the app computes from the feed and the clock, with no
//! web-sys, no Leptos and no I/O, so `cargo test` checks it natively. The
//! browser side and the UI call into it; it calls into nothing of theirs.

pub mod archive_search;
pub mod board;
pub mod doc_catalog;
pub mod ics;
pub mod library;
pub mod listen;
pub mod meta_lines;
pub mod most_read;
pub mod offline_plan;
pub mod prefs;
pub mod qr;
pub mod routes;
pub mod schedule;
pub mod search_index;
pub mod search_results;
pub mod visits;
