//! Pieces shared by several pages.

pub mod article_body;
pub mod article_card;
pub mod document_files;
pub mod feed_notice;
pub mod later;
pub mod layout;
pub mod link;
pub mod listen;
pub mod most_read;
pub mod offline_status;
pub mod page_title;
pub mod reading_tools;
pub mod save_button;
