//! What an import did, for the feed tool to print.

use std::fmt;

use crate::text::terminal;

/// Counts and problems of one import. Every failed page is listed with its
/// reason; warnings name the page they come from. Printed through
/// [`crate::text::terminal`], so nothing a page says reaches the terminal
/// as a control character.
#[derive(Debug, Default)]
pub struct Report {
    pub articles: usize,
    pub weeks: usize,
    pub documents: usize,
    /// Articles and documents kept as they were (known, unchanged).
    pub unchanged: usize,
    pub images: usize,
    /// What the client did: requests sent, answered 304, answered from the
    /// cache without asking, local files read.
    pub http: crate::http::Stats,
    /// (page, reason) of every page that could not be imported.
    pub failed: Vec<(String, String)>,
    /// (page, what was dropped or changed).
    pub warnings: Vec<(String, String)>,
}

impl Report {
    pub fn warn(&mut self, page: &str, message: impl Into<String>) {
        self.warnings.push((page.to_string(), message.into()));
    }

    pub fn fail(&mut self, page: &str, message: impl Into<String>) {
        self.failed.push((page.to_string(), message.into()));
    }

    /// Another report's findings added to this one (its counts too).
    pub fn absorb(&mut self, other: Report) {
        self.articles += other.articles;
        self.weeks += other.weeks;
        self.documents += other.documents;
        self.unchanged += other.unchanged;
        self.images += other.images;
        self.failed.extend(other.failed);
        self.warnings.extend(other.warnings);
    }
}

/// One line per failure ("failed   URL: reason") and warning ("warning
/// URL: …"), then a summary line; every line ends with a newline.
impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (page, why) in &self.failed {
            writeln!(f, "{:<8} {}: {}", "failed", terminal(page), terminal(why))?;
        }
        for (page, what) in &self.warnings {
            writeln!(f, "{:<8} {}: {}", "warning", terminal(page), terminal(what))?;
        }
        writeln!(
            f,
            "imported {} articles, {} calendar weeks, {} documents, {} images ({} unchanged); \
             {} requests ({} answered 304 Not Modified), {} local files; {} failed, {} warnings",
            self.articles,
            self.weeks,
            self.documents,
            self.images,
            self.unchanged,
            self.http.requests,
            self.http.not_modified,
            self.http.files,
            self.failed.len(),
            self.warnings.len()
        )
    }
}
