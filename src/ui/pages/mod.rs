//! One file per page, named after what the reader sees.

pub mod article;
pub mod calendar;
pub mod document;
pub mod documents;
pub mod home;
pub mod kiosk;
pub mod news;
pub mod not_found;
pub mod offline;
pub mod saved;
pub mod search;
