//! The feed: its data types (format v1) and the validator shared by the
//! app and the `bantin-feed` CLI. Pure Rust: no web-sys here.

pub mod model;
pub mod pack;
pub mod synth;
pub mod validate;

#[cfg(test)]
mod tests;
