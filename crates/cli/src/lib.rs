//! The feed tool's library side: what its commands draw or write that is
//! more than a call into `bantin_format` (the `main` stays thin).
//!
//! - [`card`]: the 1200×630 site card for link previews
//!   (`bantin-feed card`, and the publish step's `og:image` fallback);
//! - [`publish`]: prerendered pages for every address a reader lands on;
//! - [`import`]: the `import` commands and their benchmark over
//!   `bantin_import`.

pub mod card;
pub mod import;
pub mod publish;
