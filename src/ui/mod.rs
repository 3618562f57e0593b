//! The user interface: Leptos components, thin over `logic` (what to show)
//! and `browser` (where it comes from). Pages are one file each, named
//! after what the reader sees; components are the pieces pages share.

pub mod components;
pub mod crash;
pub mod pages;
