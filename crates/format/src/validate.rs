//! Strict, forgiving validation of feed files, shared by the app and the
//! `bantin-feed` CLI.
//!
//! Strict: every problem is reported with its JSON path and a plain
//! sentence. Forgiving: a problem that spoils one item drops that item and
//! keeps the rest; only an unreadable file, a wrong kind or an unknown major
//! version is fatal. Unknown fields are allowed and reported as notes.

use std::collections::HashSet;
use std::fmt;

#[cfg(not(target_arch = "wasm32"))]
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

use crate::datetime::{Date, DateTime, IsoWeek};
use crate::model::*;
use crate::read::{clip, clip_to};

/// Longest text field accepted, in characters: anything longer is a CMS bug.
pub const MAX_TEXT_CHARS: usize = 100_000;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// The file cannot be used at all.
    Fatal,
    /// An item was dropped (or a value ignored).
    Error,
    /// Kept, but probably a mistake (e.g. a reference to an unknown id).
    Warning,
    /// Informational, e.g. an unknown field from a newer minor version.
    Note,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Fatal => "fatal",
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Note => "note",
        })
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub severity: Severity,
    /// JSON path inside the file ("articles[3].published"); empty for the file itself.
    pub path: String,
    pub message: String,
}

/// A problem on one line, whatever the feed's values hold: control
/// characters, line and paragraph separators and direction controls are
/// written as `\u{…}`, so a value cannot forge a line of a report or
/// reverse the text after it.
impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if !self.path.is_empty() {
            write!(f, "{}: ", Escaped(&self.path))?;
        }
        write!(f, "{}", Escaped(&self.message))
    }
}

/// Text with the characters that could break a one-line report escaped.
struct Escaped<'a>(&'a str);

impl fmt::Display for Escaped<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for c in self.0.chars() {
            let breaks = c.is_control()
                || matches!(
                    c,
                    '\u{2028}'
                        | '\u{2029}'
                        | '\u{061C}'
                        | '\u{200E}'
                        | '\u{200F}'
                        | '\u{202A}'..='\u{202E}'
                        | '\u{2066}'..='\u{2069}'
                );
            if breaks {
                write!(f, "\\u{{{:04X}}}", c as u32)?;
            } else {
                write!(f, "{c}")?;
            }
        }
        Ok(())
    }
}

/// The outcome of reading one file: the usable value (absent when fatal)
/// and every problem found.
#[derive(Clone, Debug)]
pub struct Checked<T> {
    pub value: Option<T>,
    pub problems: Vec<Problem>,
}

impl<T> Checked<T> {
    pub fn is_fatal(&self) -> bool {
        self.value.is_none()
    }

    pub fn count(&self, severity: Severity) -> usize {
        self.problems
            .iter()
            .filter(|p| p.severity == severity)
            .count()
    }

    /// Errors or worse: what makes `bantin-feed check` fail.
    pub fn has_errors(&self) -> bool {
        self.problems.iter().any(|p| p.severity <= Severity::Error)
    }

    /// Where each of the `kept` items of the list at `list` (such as
    /// `article.body`) stood in the file, so that a later message about
    /// the fifth kept block names the block the author wrote, not the
    /// fifth after the dropped ones.
    pub fn positions(&self, list: &str, kept: usize) -> Vec<usize> {
        let dropped: HashSet<usize> = self
            .problems
            .iter()
            .filter(|p| p.message.ends_with("item dropped"))
            .filter_map(|p| {
                let index = p.path.strip_prefix(list)?.strip_prefix('[')?;
                index.strip_suffix(']')?.parse().ok()
            })
            .collect();
        (0..).filter(|i| !dropped.contains(i)).take(kept).collect()
    }
}

/// Collects problems while walking a file.
#[derive(Default)]
struct Sink {
    problems: Vec<Problem>,
}

impl Sink {
    fn is_fatal(&self) -> bool {
        self.problems.iter().any(|p| p.severity == Severity::Fatal)
    }
    fn push(&mut self, severity: Severity, path: &str, message: impl Into<String>) {
        // Messages quote the feed (serde's own do too): a 10 MB value must
        // not make a 10 MB report.
        self.problems.push(Problem {
            severity,
            path: clip_to(path, 200),
            message: clip_to(&message.into(), 300),
        });
    }
    fn error(&mut self, path: &str, message: impl Into<String>) {
        self.push(Severity::Error, path, message);
    }
    fn warn(&mut self, path: &str, message: impl Into<String>) {
        self.push(Severity::Warning, path, message);
    }
    fn errors_since(&self, mark: usize) -> bool {
        self.problems[mark..]
            .iter()
            .any(|p| p.severity <= Severity::Error)
    }
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else if key.starts_with('[') {
        format!("{path}{key}")
    } else {
        format!("{path}.{key}")
    }
}

// ------------------------------------------------------------ field checks

/// `type/subtype` in the characters RFC 6838 allows ("application/pdf").
pub fn is_media_type(s: &str) -> bool {
    let part = |p: &str| {
        let mut bytes = p.bytes();
        bytes.next().is_some_and(|b| b.is_ascii_alphanumeric())
            && bytes.all(|b| b.is_ascii_alphanumeric() || b"!#$&^_.+-".contains(&b))
    };
    s.split_once('/')
        .is_some_and(|(t, sub)| part(t) && part(sub))
}

/// Ids and slugs: lowercase ASCII words joined by single hyphens.
pub fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 200
        && s.split('-').all(|w| {
            !w.is_empty()
                && w.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

/// Where a URL may point. Links and files: http(s) or a path on the same
/// site. Images may also be inline `data:image/…` pictures.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum UrlUse {
    Link,
    Image,
}

/// Whether `url` is safe to put in an href or src: http(s) (the scheme in
/// lower case, with a host), or relative (no scheme, not protocol-relative);
/// for an image also a well-formed `data:image/(png|jpeg|gif|webp);base64,`
/// URL. Control characters, whitespace tricks ("java\tscript:") and
/// backslashes (browsers read `\/host` as `//host`) are refused outright.
/// The same rule as the `Url` and `DataImageUrl` patterns of
/// public/schema/common.schema.json (tests/url_cases.json holds the cases
/// both are held to).
pub fn is_safe_url(url: &str, usage: UrlUse) -> bool {
    if url.is_empty()
        || url.len() > 4096
        || url
            .chars()
            .any(|c| c.is_control() || c.is_whitespace() || c == '\\')
    {
        return false;
    }
    for scheme in ["https://", "http://"] {
        if let Some(rest) = url.strip_prefix(scheme) {
            return rest
                .chars()
                .next()
                .is_some_and(|c| !matches!(c, '/' | '?' | '#'));
        }
    }
    if usage == UrlUse::Image {
        for kind in ["png", "jpeg", "gif", "webp"] {
            if let Some(data) = url.strip_prefix(&format!("data:image/{kind};base64,")) {
                return is_base64(data);
            }
        }
    }
    if url.starts_with("//") {
        return false;
    }
    // A scheme is letters, digits, "+", "-", "." before the first ":" that
    // comes before any "/", "?" or "#". Relative URLs have none.
    let head = url.split(['/', '?', '#']).next().unwrap_or("");
    !head.contains(':')
}

/// Well-formed base64: groups of four, padded with "=" at the very end.
fn is_base64(s: &str) -> bool {
    let body = s.trim_end_matches('=');
    !s.is_empty()
        && s.len().is_multiple_of(4)
        && s.len() - body.len() <= 2
        && body
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'+' || b == b'/')
}

/// Whether a URL found in a feed is allowed: [`is_safe_url`], and a
/// relative path does not climb out of the feed directory with "..".
pub fn is_feed_url(url: &str, usage: UrlUse) -> bool {
    is_safe_url(url, usage) && !climbs_out(url)
}

/// A relative path (not site-absolute) with a ".." segment before its
/// query or fragment.
fn climbs_out(url: &str) -> bool {
    if url.starts_with('/') || url.starts_with("data:") {
        return false;
    }
    let path = url.split(['?', '#']).next().unwrap_or("");
    path.split('/').any(|segment| segment == "..")
}

fn check_text(sink: &mut Sink, path: &str, value: &str, required: bool) {
    if required && crate::text::is_blank(value) {
        sink.error(
            path,
            "must not be empty (spaces and invisible characters do not count)",
        );
    } else if value.chars().count() > MAX_TEXT_CHARS {
        sink.error(path, format!("longer than {MAX_TEXT_CHARS} characters"));
    }
    if let Some(c) = crate::text::direction_control(value) {
        sink.warn(
            path,
            format!(
                "contains the direction control U+{:04X}, which can reverse the text after it; the app shows this text isolated",
                c as u32
            ),
        );
    }
}

fn check_opt_text(sink: &mut Sink, path: &str, value: &Option<String>) {
    if let Some(v) = value {
        check_text(sink, path, v, false);
    }
}

fn check_id(sink: &mut Sink, path: &str, value: &str) {
    if !is_slug(value) {
        sink.error(
            path,
            format!(
                "\"{}\" is not a valid id (lowercase a-z, 0-9 and single hyphens)",
                clip(value)
            ),
        );
    }
}

/// [`is_feed_url`], with the reason when it says no.
fn check_url(sink: &mut Sink, path: &str, value: &str, usage: UrlUse) {
    let message = if !is_safe_url(value, usage) {
        let allowed = match usage {
            UrlUse::Link => "http(s) or a relative path",
            UrlUse::Image => "http(s), a relative path or a data:image URL",
        };
        format!("\"{}\" is not an allowed URL ({allowed})", clip(value))
    } else if climbs_out(value) {
        format!(
            "\"{}\" climbs out of the feed directory with \"..\"",
            clip(value)
        )
    } else {
        return;
    };
    sink.error(path, message);
}

fn check_time(sink: &mut Sink, path: &str, value: &str) -> Option<DateTime> {
    let t = DateTime::parse_rfc3339(value);
    if t.is_none() {
        sink.error(
            path,
            "not an RFC 3339 time with an offset (e.g. 2026-11-23T08:30:00+07:00)",
        );
    }
    t
}

fn check_date(sink: &mut Sink, path: &str, value: &str) -> Option<Date> {
    let d = Date::parse(value);
    if d.is_none() {
        sink.error(path, "not a date in the form YYYY-MM-DD");
    }
    d
}

/// What names an image when its alt says nothing: its caption (a picture
/// in an article, a logo) or the link it is the banner of.
#[derive(Clone, Copy, PartialEq, Eq)]
enum ImageRole {
    Picture,
    Banner,
}

fn check_image(sink: &mut Sink, path: &str, image: &Image) {
    check_image_as(sink, path, image, ImageRole::Picture);
}

/// An image's URL and texts, and its alt (see [`crate::alt`]): a junk alt
/// is a warning (the app treats it as empty); an empty one is what a portal
/// without alt texts writes, fine when the caption (or, for a banner, the
/// link's title) names the image, a warning when nothing does.
fn check_image_as(sink: &mut Sink, path: &str, image: &Image, role: ImageRole) {
    check_url(sink, &join(path, "src"), &image.src, UrlUse::Image);
    let alt_path = join(path, "alt");
    check_text(sink, &alt_path, &image.alt, false);
    for (key, value) in [("width", image.width), ("height", image.height)] {
        if value == Some(0) {
            sink.error(&join(path, key), "must be at least 1");
        }
    }
    check_opt_text(sink, &join(path, "caption"), &image.caption);
    check_opt_text(sink, &join(path, "credit"), &image.credit);
    let captioned = crate::alt::caption(image).is_some();
    let junk = crate::alt::is_junk(&image.alt, &image.src);
    let said = format!(
        "\"{}\" says nothing about the {}: treated as empty",
        clip(image.alt.trim()),
        if role == ImageRole::Banner {
            "banner"
        } else {
            "picture"
        }
    );
    match (role, junk, captioned) {
        (ImageRole::Banner, true, _) => {
            sink.warn(&alt_path, format!("{said}; the link's title names it"))
        }
        (ImageRole::Banner, false, _) | (ImageRole::Picture, false, true) => {}
        (ImageRole::Picture, true, true) => {
            sink.warn(&alt_path, format!("{said}; the caption names the image"))
        }
        (ImageRole::Picture, true, false) => sink.warn(
            &alt_path,
            format!("{said}, and with no caption the image is shown as decorative (alt=\"\")"),
        ),
        (ImageRole::Picture, false, false) if crate::text::is_blank(&image.alt) => sink.warn(
            &alt_path,
            "empty, and the image has no caption: it is shown as decorative (alt=\"\")",
        ),
        (ImageRole::Picture, false, false) => {}
    }
}

fn check_link(sink: &mut Sink, path: &str, link: &Link) {
    check_text(sink, &join(path, "title"), &link.title, true);
    check_url(sink, &join(path, "url"), &link.url, UrlUse::Link);
    if let Some(image) = &link.image {
        check_image_as(sink, &join(path, "image"), image, ImageRole::Banner);
    }
}

/// With `date_only`, a story's time is its day at midnight, Vietnam time,
/// written `YYYY-MM-DDT00:00:00+07:00` (the schema asks the same).
fn check_day_only(sink: &mut Sink, path: &str, value: &str) {
    let midnight = value.len() == 25 && value.ends_with("T00:00:00+07:00");
    if !midnight {
        sink.warn(
            path,
            "date_only is true, so this should be the day at 00:00 Vietnam time (YYYY-MM-DDT00:00:00+07:00)",
        );
    }
}

fn check_category(sink: &mut Sink, path: &str, c: &Category) {
    check_id(sink, &join(path, "id"), &c.id);
    check_id(sink, &join(path, "slug"), &c.slug);
    check_text(sink, &join(path, "name"), &c.name, true);
}

fn check_summary(sink: &mut Sink, path: &str, a: &ArticleSummary) {
    check_id(sink, &join(path, "id"), &a.id);
    check_id(sink, &join(path, "slug"), &a.slug);
    check_text(sink, &join(path, "title"), &a.title, true);
    check_text(sink, &join(path, "sapo"), &a.sapo, false);
    if let Some(cover) = &a.cover {
        check_image(sink, &join(path, "cover"), cover);
    }
    let published = check_time(sink, &join(path, "published"), &a.published);
    if a.date_only && published.is_some() {
        check_day_only(sink, &join(path, "published"), &a.published);
    }
    if let Some(updated) = &a.updated {
        let updated_at = check_time(sink, &join(path, "updated"), updated);
        if a.date_only && updated_at.is_some() {
            check_day_only(sink, &join(path, "updated"), updated);
        }
        if let (Some(p), Some(u)) = (published, updated_at) {
            if u.unix < p.unix {
                sink.warn(&join(path, "updated"), "earlier than published");
            }
        }
    }
    check_opt_text(sink, &join(path, "author"), &a.author);
    check_opt_text(sink, &join(path, "author_position"), &a.author_position);
    let has = |v: &Option<String>| v.as_deref().is_some_and(|t| !crate::text::is_blank(t));
    if has(&a.author_position) && !has(&a.author) {
        sink.warn(
            &join(path, "author_position"),
            "a position without an author (ignored)",
        );
    }
    if let Some(source) = &a.source {
        check_text(sink, &join(path, "source.name"), &source.name, true);
        if let Some(url) = &source.url {
            check_url(sink, &join(path, "source.url"), url, UrlUse::Link);
        }
    }
    check_id(sink, &join(path, "category"), &a.category);
    for (i, id) in a.categories.iter().enumerate() {
        check_id(sink, &join(path, &format!("categories[{i}]")), id);
    }
    for (i, tag) in a.tags.iter().enumerate() {
        let p = join(path, &format!("tags[{i}]"));
        check_text(sink, &p, tag, true);
        // The tag's list is `news/the-{slug}`: a tag must give a slug.
        if !crate::text::is_blank(tag) && crate::text::slugify(tag).is_empty() {
            sink.error(
                &p,
                format!(
                    "\"{}\" has no letter or digit to make its list's address from",
                    clip(tag)
                ),
            );
        }
    }
}

fn check_block(sink: &mut Sink, path: &str, block: &Block) {
    match block {
        Block::Paragraph { runs } => {
            if runs.is_empty() {
                sink.error(&join(path, "runs"), "a paragraph needs at least one run");
            }
            for (i, run) in runs.iter().enumerate() {
                let p = join(path, &format!("runs[{i}]"));
                check_text(sink, &join(&p, "text"), &run.text, false);
                if let Some(link) = &run.link {
                    check_url(sink, &join(&p, "link"), link, UrlUse::Link);
                    if crate::text::is_blank(&run.text) {
                        sink.warn(&p, "a link with no visible text: the app leaves it out");
                    }
                }
            }
        }
        Block::Heading { text, level } => {
            check_text(sink, &join(path, "text"), text, true);
            if !(2..=3).contains(level) {
                sink.error(&join(path, "level"), "must be 2 or 3");
            }
        }
        Block::Image(image) => check_image(sink, path, image),
        Block::Quote { text, cite } => {
            check_text(sink, &join(path, "text"), text, true);
            check_opt_text(sink, &join(path, "cite"), cite);
        }
        Block::List { items, .. } => {
            if items.is_empty() {
                sink.error(&join(path, "items"), "a list needs at least one item");
            }
            for (i, item) in items.iter().enumerate() {
                check_text(sink, &join(path, &format!("items[{i}]")), item, true);
            }
        }
        Block::Table {
            caption,
            header,
            rows,
        } => {
            check_opt_text(sink, &join(path, "caption"), caption);
            if rows.is_empty() {
                sink.error(&join(path, "rows"), "a table needs at least one row");
            }
            for (c, cell) in header.iter().enumerate() {
                check_text(sink, &join(path, &format!("header[{c}]")), cell, false);
            }
            for (r, row) in rows.iter().enumerate() {
                if !header.is_empty() && row.len() != header.len() {
                    sink.warn(
                        &join(path, &format!("rows[{r}]")),
                        format!("has {} cells, the header has {}", row.len(), header.len()),
                    );
                }
                for (c, cell) in row.iter().enumerate() {
                    check_text(sink, &join(path, &format!("rows[{r}][{c}]")), cell, false);
                }
            }
        }
        Block::Gallery { caption, images } => {
            check_opt_text(sink, &join(path, "caption"), caption);
            if images.is_empty() {
                sink.error(&join(path, "images"), "a gallery needs at least one image");
            }
            for (i, image) in images.iter().enumerate() {
                check_image(sink, &join(path, &format!("images[{i}]")), image);
            }
        }
        Block::Attachment { document, title } => {
            check_id(sink, &join(path, "document"), document);
            check_opt_text(sink, &join(path, "title"), title);
        }
        Block::Video {
            url, poster, title, ..
        } => {
            check_url(sink, &join(path, "url"), url, UrlUse::Link);
            check_image(sink, &join(path, "poster"), poster);
            check_opt_text(sink, &join(path, "title"), title);
        }
    }
}

fn check_entry(sink: &mut Sink, path: &str, e: &CalendarEntry, week: Option<IsoWeek>) {
    check_id(sink, &join(path, "id"), &e.id);
    check_text(sink, &join(path, "content"), &e.content, true);
    for (key, value) in [
        ("chair", &e.chair),
        ("participants", &e.participants),
        ("location", &e.location),
        ("preparing_unit", &e.preparing_unit),
        ("note", &e.note),
        ("change", &e.change),
    ] {
        check_opt_text(sink, &join(path, key), value);
    }
    let start = check_time(sink, &join(path, "start"), &e.start);
    let first = start.map(|t| t.vietnam().date);
    // 1.1: the last day of a multi-day entry.
    let end_date = e
        .end_date
        .as_deref()
        .and_then(|v| check_date(sink, &join(path, "end_date"), v));
    if let (Some(first), Some(last)) = (first, end_date) {
        if last < first {
            sink.error(
                &join(path, "end_date"),
                format!("{last} is before the day of start ({first})"),
            );
        } else if last == first {
            sink.warn(
                &join(path, "end_date"),
                "the day of start: leave end_date out for a one-day entry",
            );
        }
    }
    let last = end_date.filter(|d| first.is_some_and(|f| *d > f));
    if let (Some(start), Some(week)) = (start, week) {
        let local = start.vietnam();
        match last {
            // A multi-day entry is listed in every week it touches.
            Some(last) if last >= week.monday() && local.date <= week.sunday() => {}
            Some(last) => sink.error(
                &join(path, "start"),
                format!(
                    "{} to {last} does not touch week {week} (Vietnam time)",
                    local.date
                ),
            ),
            None if !week.contains(local.date) => sink.error(
                &join(path, "start"),
                format!("{} is not in week {week} (Vietnam time)", local.date),
            ),
            None => {}
        }
        let expected = match local.hour {
            0..=11 => Session::Sang,
            12..=17 => Session::Chieu,
            _ => Session::Toi,
        };
        if e.session != expected {
            sink.warn(&join(path, "session"), "does not match the start time");
        }
        if e.timing == Some(EntryTiming::Session) {
            let (from, _) = e.session.hours();
            if u32::from(local.hour) * 60 + u32::from(local.minute) != from {
                sink.warn(
                    &join(path, "start"),
                    format!(
                        "timing \"session\": start should be {:02}:{:02}, the start of {}",
                        from / 60,
                        from % 60,
                        e.session.as_str()
                    ),
                );
            }
        }
    }
    if let Some(end) = &e.end {
        let end_at = check_time(sink, &join(path, "end"), end);
        if let (Some(s), Some(t)) = (start, end_at) {
            if t.unix < s.unix {
                sink.error(&join(path, "end"), "earlier than start");
            }
        }
        if let (Some(t), Some(last)) = (end_at, last) {
            let on = t.vietnam().date;
            if on != last {
                sink.error(
                    &join(path, "end"),
                    format!("falls on {on}, not on end_date ({last})"),
                );
            }
        }
    }
}

fn check_document(sink: &mut Sink, path: &str, d: &Document) {
    check_id(sink, &join(path, "id"), &d.id);
    check_text(sink, &join(path, "number"), &d.number, true);
    check_text(sink, &join(path, "type"), &d.doc_type, true);
    check_text(sink, &join(path, "issuer"), &d.issuer, true);
    check_text(sink, &join(path, "summary"), &d.summary, true);
    if let Some(signer) = &d.signer {
        check_text(sink, &join(path, "signer.name"), &signer.name, true);
        check_opt_text(sink, &join(path, "signer.position"), &signer.position);
    }
    let issued = check_date(sink, &join(path, "issued"), &d.issued);
    let effective = d
        .effective
        .as_deref()
        .and_then(|v| check_date(sink, &join(path, "effective"), v));
    let expires = d
        .expires
        .as_deref()
        .and_then(|v| check_date(sink, &join(path, "expires"), v));
    if let (Some(from), Some(to)) = (effective.or(issued), expires) {
        if to < from {
            sink.error(
                &join(path, "expires"),
                "earlier than the date it takes effect",
            );
        }
    }
    for (i, field) in d.fields.iter().enumerate() {
        check_text(sink, &join(path, &format!("fields[{i}]")), field, true);
    }
    for (i, file) in d.files.iter().enumerate() {
        let p = join(path, &format!("files[{i}]"));
        check_text(sink, &join(&p, "name"), &file.name, true);
        check_url(sink, &join(&p, "url"), &file.url, UrlUse::Link);
        if !is_media_type(&file.media_type) {
            sink.error(
                &join(&p, "media_type"),
                "not a media type such as application/pdf",
            );
        }
    }
    if let (Some(downloads), Some(views)) = (d.downloads, d.views) {
        if downloads > views {
            sink.warn(&join(path, "downloads"), "more downloads than views");
        }
    }
    for (key, ids) in [
        ("replaces", &d.replaces),
        ("replaced_by", &d.replaced_by),
        ("related", &d.related),
    ] {
        for (i, id) in ids.iter().enumerate() {
            check_id(sink, &join(path, &format!("{key}[{i}]")), id);
        }
    }
}

fn check_article(sink: &mut Sink, path: &str, a: &Article) {
    check_summary(sink, path, &a.summary);
    for (i, id) in a.related.iter().enumerate() {
        check_id(sink, &join(path, &format!("related[{i}]")), id);
    }
}

// ----------------------------------------------------------- file walking

/// Reads JSON text and checks the envelope every file shares: an object
/// with a supported `format_version` and the expected `kind`.
fn envelope(text: &str, kind: FileKind, sink: &mut Sink) -> Option<Map<String, Value>> {
    let value: Value = match serde_json::from_str(text) {
        Ok(mut v) => {
            integral_numbers(&mut v);
            v
        }
        Err(e) => {
            sink.push(Severity::Fatal, "", format!("not valid JSON ({e})"));
            return None;
        }
    };
    let Value::Object(map) = value else {
        sink.push(Severity::Fatal, "", "the file must hold a JSON object");
        return None;
    };
    match map.get("format_version") {
        Some(Value::String(v)) => match v.split_once('.').and_then(|(major, minor)| {
            let minor_ok = !minor.is_empty() && minor.bytes().all(|b| b.is_ascii_digit());
            major.parse::<u64>().ok().filter(|_| minor_ok)
        }) {
            Some(FORMAT_MAJOR) => {}
            Some(major) => {
                sink.push(
                    Severity::Fatal,
                    "format_version",
                    format!("version {} is not supported: this reader understands {FORMAT_MAJOR}.x (got major {major})", clip(v)),
                );
                return None;
            }
            None => {
                sink.push(
                    Severity::Fatal,
                    "format_version",
                    format!("\"{}\" is not a version like \"1.0\"", clip(v)),
                );
                return None;
            }
        },
        _ => {
            sink.push(
                Severity::Fatal,
                "format_version",
                "missing: every file must state its format version",
            );
            return None;
        }
    }
    match map.get("kind").and_then(Value::as_str) {
        Some(k) if k == kind.as_str() => Some(map),
        Some(k) => {
            sink.push(
                Severity::Fatal,
                "kind",
                format!("expected \"{}\", found \"{}\"", kind.as_str(), clip(k)),
            );
            None
        }
        None => {
            sink.push(
                Severity::Fatal,
                "kind",
                format!("missing: expected \"{}\"", kind.as_str()),
            );
            None
        }
    }
}

/// JSON has one kind of number: `3.0` is the integer 3 (as JSON Schema
/// counts it), so a count written by a tool that prints every number with
/// a decimal point still reads.
fn integral_numbers(v: &mut Value) {
    match v {
        Value::Number(n) => {
            if let Some(f) = n.as_f64().filter(|f| n.is_f64() && f.fract() == 0.0) {
                if (0.0..18_446_744_073_709_551_616.0).contains(&f) {
                    *v = Value::from(f as u64);
                } else if (-9_223_372_036_854_775_808.0..0.0).contains(&f) {
                    *v = Value::from(f as i64);
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(integral_numbers),
        Value::Object(map) => map.values_mut().for_each(integral_numbers),
        _ => {}
    }
}

/// A number of the file's frame that must be at least 1 (a page, a count
/// of pages, a page size): without it nothing can be paged.
fn at_least_one(sink: &mut Sink, path: &str, value: u64) {
    if value == 0 {
        sink.push(Severity::Fatal, path, "must be at least 1");
    }
}

/// Drops the items of a list past `max` (one report for all of them: a
/// CMS that pours its archive into the index would make 100,000 lines).
fn at_most<T>(items: &mut Vec<T>, max: usize, path: &str, what: &str, sink: &mut Sink) {
    if items.len() > max {
        sink.error(
            path,
            format!(
                "{} {what}, more than the {max} this list may hold: the last {} are dropped",
                items.len(),
                items.len() - max
            ),
        );
        items.truncate(max);
    }
}

/// Fields whose value is one object of the model. serde also reads a
/// struct from a JSON list of its fields in order (`"signer": ["Nguyễn Văn
/// A"]`); the format and the schemas do not, so neither does the validator.
const OBJECT_FIELDS: &[&str] = &[
    "site",
    "contact",
    "counters",
    "logo",
    "cover",
    "poster",
    "image",
    "source",
    "signer",
    "news",
    "calendar",
    "documents",
    "article",
    "document",
    "most_read",
    "audio",
];

/// Where `v` holds a list in place of an object: at a field of
/// [`OBJECT_FIELDS`], or as an item of a list (no list of the format
/// holds lists, but a table's `rows`).
pub(crate) fn list_for_object(v: &Value, here: &str) -> Option<String> {
    match v {
        Value::Object(map) => map.iter().find_map(|(k, child)| {
            let at = join(here, k);
            if child.is_array() && OBJECT_FIELDS.contains(&k.as_str()) {
                Some(at)
            } else {
                list_for_object(child, &at)
            }
        }),
        Value::Array(items) => items.iter().enumerate().find_map(|(i, item)| {
            let at = format!("{here}[{i}]");
            if item.is_array() && !here.ends_with("rows") {
                Some(at)
            } else {
                list_for_object(item, &at)
            }
        }),
        _ => None,
    }
}

/// What the validator reads from a JSON value: natively everything serde
/// reads (with paths and unknown fields, below).
#[cfg(not(target_arch = "wasm32"))]
trait Item: DeserializeOwned {}

#[cfg(not(target_arch = "wasm32"))]
impl<T: DeserializeOwned> Item for T {}

/// In the app, the readers written out in [`crate::read`] (serde's
/// derived readers were about a tenth of the wasm's code).
#[cfg(target_arch = "wasm32")]
trait Item: crate::read::FromValue {}

#[cfg(target_arch = "wasm32")]
impl<T: crate::read::FromValue> Item for T {}

/// Deserializes one value, reporting type errors with their path.
fn typed<T: Item>(value: Value, path: &str, sink: &mut Sink) -> Option<T> {
    // Every item and file of the format is an object: serde would read a
    // list of its fields in order, the schemas do not.
    let list = value.is_array().then(|| path.to_string());
    if let Some(at) = list.or_else(|| list_for_object(&value, path)) {
        sink.error(&at, "must be an object or a value, not a list");
        return None;
    }
    match deserialize(value, path, sink) {
        Ok(v) => Some(v),
        Err((inner, message)) => {
            let at = if inner.is_empty() || inner == "." {
                path.to_string()
            } else {
                join(path, &inner)
            };
            sink.error(&at, plain_serde_message(&message));
            None
        }
    }
}

/// The feed tool (native) reports the path inside the item of a type
/// error, and notes every unknown field.
#[cfg(not(target_arch = "wasm32"))]
fn deserialize<T: DeserializeOwned>(
    value: Value,
    path: &str,
    sink: &mut Sink,
) -> Result<T, (String, String)> {
    let mut unknown = Vec::new();
    let result =
        serde_path_to_error::deserialize(serde_ignored::Deserializer::new(value, &mut |p| {
            unknown.push(p.to_string())
        }));
    for field in unknown {
        sink.push(
            Severity::Note,
            &join(path, &field),
            "unknown field (ignored)",
        );
    }
    result.map_err(|e| (e.path().to_string(), e.into_inner().to_string()))
}

/// The app shows no notes and logs errors for the portal's staff only;
/// the wrappers that find paths and unknown fields triple the
/// deserialization code in the wasm, so it names the item, not the field
/// inside it. Which items are kept or refused is the same either way.
#[cfg(target_arch = "wasm32")]
fn deserialize<T: Item>(
    value: Value,
    _path: &str,
    _sink: &mut Sink,
) -> Result<T, (String, String)> {
    T::from_value(value).map_err(|e| (String::new(), e))
}

/// serde's messages end with " at line 1 column 5"; paths say where already.
fn plain_serde_message(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_string(),
        None => message.to_string(),
    }
}

/// Keeps the items of the array at `obj[key]` that deserialize and pass
/// `check`; drops the others (reported), and drops later duplicates of an
/// item's keys (`keys_of`: its id, and its slug where it has one: two
/// stories with one slug would open as one).
/// A list the format requires (an index's stories, an article's body):
/// without it the file is unusable, rather than silently empty.
fn require_list(obj: &Map<String, Value>, key: &str, path: &str, sink: &mut Sink) {
    match obj.get(key) {
        Some(Value::Array(_)) => {}
        Some(Value::Null) | None => sink.push(
            Severity::Fatal,
            &join(path, key),
            "required list is missing",
        ),
        Some(_) => sink.push(Severity::Fatal, &join(path, key), "must be a list"),
    }
}

fn filter_items<T: Item>(
    obj: &mut Map<String, Value>,
    key: &str,
    path: &str,
    sink: &mut Sink,
    keys_of: impl Fn(&T) -> Vec<(&'static str, &str)>,
    check: impl Fn(&mut Sink, &str, &T),
) -> Vec<T> {
    let here = join(path, key);
    let items = match obj.remove(key) {
        Some(Value::Array(items)) => items,
        None => Vec::new(),
        // `null` is not a list, as the schemas say (an empty list is `[]`).
        Some(_) => {
            sink.error(&here, "must be a list");
            Vec::new()
        }
    };
    let mut seen = HashSet::new();
    let mut kept = Vec::with_capacity(items.len());
    for (i, item) in items.into_iter().enumerate() {
        let p = format!("{here}[{i}]");
        let mark = sink.problems.len();
        let value = typed::<T>(item, &p, sink);
        if let Some(value) = &value {
            check(sink, &p, value);
        }
        let Some(value) = value.filter(|_| !sink.errors_since(mark)) else {
            sink.push(Severity::Error, &p, "item dropped");
            continue;
        };
        let duplicate = keys_of(&value)
            .into_iter()
            .filter(|(_, key)| !key.is_empty())
            .find(|(name, key)| seen.contains(&(*name, key.to_string())));
        if let Some((name, key)) = duplicate {
            sink.error(
                &p,
                format!("duplicate {name} \"{}\": item dropped", clip(key)),
            );
            continue;
        }
        for (name, key) in keys_of(&value) {
            seen.insert((name, key.to_string()));
        }
        kept.push(value);
    }
    obj.insert(key.to_string(), Value::Array(Vec::new()));
    kept
}

fn sub_object<'a>(
    obj: &'a mut Map<String, Value>,
    key: &str,
) -> Option<&'a mut Map<String, Value>> {
    obj.get_mut(key).and_then(Value::as_object_mut)
}

/// Deserializes what is left of a file once its item lists were taken out.
fn whole<T: Item>(map: Map<String, Value>, sink: &mut Sink) -> Option<T> {
    let mark = sink.problems.len();
    let value = typed::<T>(Value::Object(map), "", sink);
    if value.is_none() {
        // What is missing is the file's own frame: nothing can be shown.
        for p in &mut sink.problems[mark..] {
            if p.severity == Severity::Error {
                p.severity = Severity::Fatal;
            }
        }
    }
    value
}

fn finish<T>(value: Option<T>, sink: Sink) -> Checked<T> {
    Checked {
        value,
        problems: sink.problems,
    }
}

// ------------------------------------------------------------- entry points

fn no_id<T>(_: &T) -> Vec<(&'static str, &str)> {
    Vec::new()
}

fn id_of(id: &str) -> Vec<(&'static str, &str)> {
    vec![("id", id)]
}

/// Stories and categories are found by their slug too.
fn id_and_slug<'a>(id: &'a str, slug: &'a str) -> Vec<(&'static str, &'a str)> {
    vec![("id", id), ("slug", slug)]
}

fn week_items(obj: &mut Map<String, Value>, path: &str, sink: &mut Sink) -> Vec<CalendarEntry> {
    let week = match obj.get("week").and_then(Value::as_str) {
        Some(w) => {
            let parsed = IsoWeek::parse(w);
            if parsed.is_none() {
                sink.push(
                    Severity::Fatal,
                    &join(path, "week"),
                    format!("\"{}\" is not an ISO week like 2026-W48", clip(w)),
                );
            }
            parsed
        }
        None => None,
    };
    filter_items(
        obj,
        "entries",
        path,
        sink,
        |e: &CalendarEntry| id_of(&e.id),
        |s, p, e| check_entry(s, p, e, week),
    )
}

fn check_week_frame(week: &CalendarWeek, path: &str, sink: &mut Sink) {
    if let Some(updated) = &week.updated {
        check_time(sink, &join(path, "updated"), updated);
    }
    check_opt_text(sink, &join(path, "note"), &week.note);
}

/// The site's frame: a name the header can show, a logo that loads.
/// What is spoiled is reported and not kept: a blank name is replaced by
/// the short name (or the department), a bad logo is left out.
fn check_site(sink: &mut Sink, site: &mut Site) {
    // A name the header can show: visible, within the length limit.
    let usable = |s: &str| !crate::text::is_blank(s) && s.chars().count() <= MAX_TEXT_CHARS;
    for (key, value) in [
        ("name", &site.name),
        ("department", &site.department),
        ("short_name", &site.short_name),
    ] {
        check_text(sink, &join("site", key), value, true);
    }
    let fallback = [&site.name, &site.short_name, &site.department]
        .into_iter()
        .find(|s| usable(s))
        .cloned();
    let Some(fallback) = fallback else {
        sink.push(Severity::Fatal, "site", "the site has no name to show");
        return;
    };
    for value in [&mut site.name, &mut site.short_name, &mut site.department] {
        if !usable(value) {
            *value = fallback.clone();
        }
    }
    if let Some(logo) = &site.logo {
        let mark = sink.problems.len();
        check_image(sink, "site.logo", logo);
        if sink.errors_since(mark) {
            sink.error("site.logo", "item dropped");
            site.logo = None;
        }
    }
    let contact = &mut site.contact;
    for (key, value) in [
        ("address", &mut contact.address),
        ("phone", &mut contact.phone),
        ("email", &mut contact.email),
        ("editor", &mut contact.editor),
        ("license", &mut contact.license),
    ] {
        let path = format!("site.contact.{key}");
        let mark = sink.problems.len();
        check_opt_text(sink, &path, value);
        if sink.errors_since(mark) {
            *value = None;
        }
    }
}

/// Whether the file says format 1.0: there an absent count (`views`,
/// `downloads`) means 0, as 1.0 said; from 1.1 on it means "not counted".
fn is_1_0(obj: &Map<String, Value>) -> bool {
    obj.get("format_version")
        .and_then(Value::as_str)
        .and_then(|v| v.split_once('.'))
        .is_some_and(|(_, minor)| minor.parse::<u64>() == Ok(0))
}

fn counted_as_in_1_0(a: &mut ArticleSummary) {
    a.views.get_or_insert(0);
}

fn doc_counted_as_in_1_0(d: &mut Document) {
    d.views.get_or_insert(0);
    d.downloads.get_or_insert(0);
}

/// `site.visits`: one count per period. A later duplicate of a period is
/// dropped (an error); a period this reader does not know (a later 1.x may
/// add one) is left out with a note.
fn site_visits(site: &mut Map<String, Value>, sink: &mut Sink) -> Vec<Visit> {
    if let Some(Value::Array(items)) = site.get("visits") {
        for (i, item) in items.iter().enumerate() {
            if let Some(period) = item.get("period").and_then(Value::as_str) {
                if !Period::KNOWN.iter().any(|k| k.as_str() == period) {
                    sink.push(
                        Severity::Note,
                        &format!("site.visits[{i}].period"),
                        format!(
                            "unknown period \"{}\" (ignored: a later 1.x may add it)",
                            clip(period)
                        ),
                    );
                }
            }
        }
    }
    let mut visits = filter_items(
        site,
        "visits",
        "site",
        sink,
        |v: &Visit| vec![("period", v.period.as_str())],
        |_, _, _| {},
    );
    visits.retain(|v| v.period != Period::Other);
    visits
}

/// Reads `index.json`.
pub fn parse_index(text: &str) -> Checked<Index> {
    let mut sink = Sink::default();
    let Some(mut obj) = envelope(text, FileKind::Index, &mut sink) else {
        return finish(None, sink);
    };

    for key in ["categories", "latest"] {
        require_list(&obj, key, "", &mut sink);
    }
    if sink.is_fatal() {
        return finish(None, sink);
    }
    // The index is the first screen's one small file: a CMS that pours its
    // whole archive into it gets the newest stories shown, not a frozen page.
    if let Some(Value::Array(items)) = obj.get_mut("latest") {
        at_most(
            items,
            crate::pack::INDEX_MAX_SUMMARIES,
            "latest",
            "stories",
            &mut sink,
        );
    }
    if let Some(Value::Array(items)) =
        sub_object(&mut obj, "documents").and_then(|d| d.get_mut("latest"))
    {
        at_most(
            items,
            crate::pack::INDEX_MAX_DOCUMENTS,
            "documents.latest",
            "documents",
            &mut sink,
        );
    }
    if let Some(Value::Array(weeks)) =
        sub_object(&mut obj, "calendar").and_then(|c| c.get_mut("embedded"))
    {
        at_most(weeks, 2, "calendar.embedded", "weeks", &mut sink);
    }
    let categories = filter_items(
        &mut obj,
        "categories",
        "",
        &mut sink,
        |c: &Category| id_and_slug(&c.id, &c.slug),
        check_category,
    );
    let latest = filter_items(
        &mut obj,
        "latest",
        "",
        &mut sink,
        |a: &ArticleSummary| id_and_slug(&a.id, &a.slug),
        check_summary,
    );
    let (mut linked, mut quick, mut visits) = (Vec::new(), Vec::new(), Vec::new());
    if let Some(site) = sub_object(&mut obj, "site") {
        linked = filter_items(
            site,
            "linked_websites",
            "site",
            &mut sink,
            no_id,
            check_link,
        );
        quick = filter_items(site, "quick_links", "site", &mut sink, no_id, check_link);
        visits = site_visits(site, &mut sink);
    }
    let mut embedded = Vec::new();
    if let Some(cal) = sub_object(&mut obj, "calendar") {
        if let Some(Value::Array(weeks)) = cal.get_mut("embedded") {
            for (i, week) in weeks.iter_mut().enumerate() {
                if let Some(w) = week.as_object_mut() {
                    let p = format!("calendar.embedded[{i}]");
                    let entries = week_items(w, &p, &mut sink);
                    embedded.push(entries);
                }
            }
        }
    }
    let mut latest_docs = Vec::new();
    if let Some(docs) = sub_object(&mut obj, "documents") {
        latest_docs = filter_items(
            docs,
            "latest",
            "documents",
            &mut sink,
            |d: &Document| id_of(&d.id),
            check_document,
        );
    }

    let counted_by_default = is_1_0(&obj);
    let Some(mut index) = whole::<Index>(obj, &mut sink) else {
        return finish(None, sink);
    };
    index.categories = categories;
    index.latest = latest;
    if counted_by_default {
        index.latest.iter_mut().for_each(counted_as_in_1_0);
        latest_docs.iter_mut().for_each(doc_counted_as_in_1_0);
    }
    index.site.linked_websites = linked;
    index.site.quick_links = quick;
    index.site.visits = visits;
    index.documents.latest = latest_docs;
    for (week, entries) in index.calendar.embedded.iter_mut().zip(embedded) {
        week.entries = entries;
    }
    check_time(&mut sink, "generated_at", &index.generated_at);
    check_site(&mut sink, &mut index.site);
    let mut calendar_weeks: Vec<String> = Vec::new();
    for (i, w) in index.calendar.weeks.iter().enumerate() {
        if calendar_weeks.contains(w) {
            sink.warn(
                &format!("calendar.weeks[{i}]"),
                format!("{} is listed twice: item dropped", clip(w)),
            );
        } else if IsoWeek::parse(w).is_some() {
            calendar_weeks.push(w.clone());
        } else {
            sink.error(
                &format!("calendar.weeks[{i}]"),
                format!(
                    "\"{}\" is not an ISO week like 2026-W48: item dropped",
                    clip(w)
                ),
            );
        }
    }
    index.calendar.weeks = calendar_weeks;
    for (i, week) in index.calendar.embedded.iter().enumerate() {
        check_week_frame(week, &format!("calendar.embedded[{i}]"), &mut sink);
    }
    // A copied week that names no real week is an error, not the end of
    // the whole index: its entries still carry their own dates. Its own
    // file (calendar/{week}.json) is where a bad week is fatal.
    for p in sink.problems.iter_mut().filter(|p| {
        p.severity == Severity::Fatal
            && p.path.starts_with("calendar.embedded[")
            && p.path.ends_with("].week")
    }) {
        p.severity = Severity::Error;
    }
    at_least_one(&mut sink, "news.page_size", index.news.page_size.into());
    at_least_one(
        &mut sink,
        "documents.page_size",
        index.documents.page_size.into(),
    );
    at_least_one(&mut sink, "documents.pages", index.documents.pages.into());
    if sink.is_fatal() {
        return finish(None, sink);
    }
    let mut lists = Vec::new();
    for (i, list) in std::mem::take(&mut index.news.lists)
        .into_iter()
        .enumerate()
    {
        if !is_slug(&list.id) {
            sink.error(
                &format!("news.lists[{i}]"),
                format!("list id \"{}\" is not a slug: list dropped", clip(&list.id)),
            );
        } else if list.pages == 0 {
            sink.error(
                &format!("news.lists[{i}].pages"),
                "must be at least 1 (an empty list has one empty page): list dropped",
            );
        } else {
            lists.push(list);
        }
    }
    index.news.lists = lists;
    // References that point nowhere are kept but reported.
    let category_ids: HashSet<&str> = index.categories.iter().map(|c| c.id.as_str()).collect();
    for (i, a) in index.latest.iter().enumerate() {
        if !category_ids.contains(a.category.as_str()) {
            sink.warn(
                &format!("latest[{i}].category"),
                format!("unknown category \"{}\"", clip(&a.category)),
            );
        }
    }
    let mut featured = Vec::new();
    for (i, id) in std::mem::take(&mut index.featured).into_iter().enumerate() {
        if is_slug(&id) {
            featured.push(id);
        } else {
            check_id(&mut sink, &format!("featured[{i}]"), &id);
        }
    }
    index.featured = featured;
    let latest_ids: HashSet<&str> = index.latest.iter().map(|a| a.id.as_str()).collect();
    for (i, id) in index.featured.iter().enumerate() {
        if !latest_ids.contains(id.as_str()) {
            sink.warn(
                &format!("featured[{i}]"),
                format!("\"{}\" is not among the latest articles", clip(id)),
            );
        }
    }
    if let Some(mut most_read) = index.most_read.take() {
        if most_read.days == 0 {
            sink.error(
                "most_read.days",
                "must be at least 1: the most read list is dropped",
            );
        } else {
            most_read.all = most_read_ids(&mut sink, "most_read.all", most_read.all, &latest_ids);
            let mut categories = std::collections::BTreeMap::new();
            for (category, ids) in std::mem::take(&mut most_read.categories) {
                let path = format!("most_read.categories.{}", clip(&category));
                if !category_ids.contains(category.as_str()) {
                    sink.warn(&path, format!("unknown category \"{}\"", clip(&category)));
                }
                categories.insert(category, most_read_ids(&mut sink, &path, ids, &latest_ids));
            }
            most_read.categories = categories;
            index.most_read = Some(most_read);
        }
    }
    finish(Some(index), sink)
}

/// The most read stories a list may name (format doc §7.2, MostRead).
pub const MOST_READ_MAX: usize = 10;

/// A most read list's ids: a bad id is dropped (an error), the list cut to
/// [`MOST_READ_MAX`]; an id not among the latest summaries is kept but
/// reported (the app shows only the ones it has).
fn most_read_ids(
    sink: &mut Sink,
    path: &str,
    ids: Vec<String>,
    latest: &HashSet<&str>,
) -> Vec<String> {
    let mut kept = Vec::new();
    for (i, id) in ids.into_iter().enumerate() {
        if is_slug(&id) {
            kept.push(id);
        } else {
            check_id(sink, &format!("{path}[{i}]"), &id);
        }
    }
    at_most(&mut kept, MOST_READ_MAX, path, "ids", sink);
    for (i, id) in kept.iter().enumerate() {
        if !latest.contains(id.as_str()) {
            sink.warn(
                &format!("{path}[{i}]"),
                format!("\"{}\" is not among the latest articles", clip(id)),
            );
        }
    }
    kept
}

/// Reads `articles/{slug}.json`.
pub fn parse_article(text: &str) -> Checked<Article> {
    let mut sink = Sink::default();
    let Some(mut obj) = envelope(text, FileKind::Article, &mut sink) else {
        return finish(None, sink);
    };
    let mut body = Vec::new();
    if let Some(article) = sub_object(&mut obj, "article") {
        require_list(article, "body", "article", &mut sink);
        if sink.is_fatal() {
            return finish(None, sink);
        }
        body = filter_items(article, "body", "article", &mut sink, no_id, check_block);
    }
    let counted_by_default = is_1_0(&obj);
    let Some(file) = whole::<ArticleFile>(obj, &mut sink) else {
        return finish(None, sink);
    };
    let mut article = file.article;
    article.body = body;
    if article.body.is_empty() {
        sink.warn(
            "article.body",
            "empty: the article shows only its title and sapo",
        );
    }
    if counted_by_default {
        counted_as_in_1_0(&mut article.summary);
    }
    let mark = sink.problems.len();
    check_article(&mut sink, "article", &article);
    if sink.errors_since(mark) {
        // An article without a valid id, slug, title or date cannot be shown.
        for p in &mut sink.problems[mark..] {
            if p.severity == Severity::Error {
                p.severity = Severity::Fatal;
            }
        }
        return finish(None, sink);
    }
    // A bad recording is dropped, not the article: it is read aloud by the
    // device's voice instead.
    if let Some(audio) = article.audio.take() {
        let mark = sink.problems.len();
        check_audio(&mut sink, "article.audio", &audio);
        if !sink.errors_since(mark) {
            article.audio = Some(audio);
        }
    }
    finish(Some(article), sink)
}

/// An article's recording (format doc §7.3, Audio): a link, an `audio/…`
/// media type, a voice's name if given, a length of at least a second.
fn check_audio(sink: &mut Sink, path: &str, audio: &Audio) {
    check_url(sink, &join(path, "url"), &audio.url, UrlUse::Link);
    if !(audio.media_type.starts_with("audio/") && is_media_type(&audio.media_type)) {
        sink.error(
            &join(path, "media_type"),
            "not an audio media type such as audio/mpeg: the recording is dropped",
        );
    }
    if let Some(voice) = &audio.voice {
        check_text(sink, &join(path, "voice"), voice, true);
    }
    if audio.duration == Some(0) {
        sink.error(
            &join(path, "duration"),
            "must be at least 1: the recording is dropped",
        );
    }
}

/// Reads `news/{list}/{page}.json`.
pub fn parse_news_page(text: &str) -> Checked<NewsPage> {
    let mut sink = Sink::default();
    let Some(mut obj) = envelope(text, FileKind::NewsPage, &mut sink) else {
        return finish(None, sink);
    };
    require_list(&obj, "items", "", &mut sink);
    if sink.is_fatal() {
        return finish(None, sink);
    }
    let items = filter_items(
        &mut obj,
        "items",
        "",
        &mut sink,
        |a: &ArticleSummary| id_and_slug(&a.id, &a.slug),
        check_summary,
    );
    let counted_by_default = is_1_0(&obj);
    let Some(mut page) = whole::<NewsPage>(obj, &mut sink) else {
        return finish(None, sink);
    };
    page.items = items;
    if !is_slug(&page.list) {
        sink.push(
            Severity::Fatal,
            "list",
            format!("\"{}\" is not a list id", clip(&page.list)),
        );
    }
    at_least_one(&mut sink, "page", page.page.into());
    at_least_one(&mut sink, "pages", page.pages.into());
    if sink.is_fatal() {
        return finish(None, sink);
    }
    if counted_by_default {
        page.items.iter_mut().for_each(counted_as_in_1_0);
    }
    finish(Some(page), sink)
}

/// Reads `calendar/{week}.json`.
pub fn parse_calendar_week(text: &str) -> Checked<CalendarWeek> {
    let mut sink = Sink::default();
    let Some(mut obj) = envelope(text, FileKind::CalendarWeek, &mut sink) else {
        return finish(None, sink);
    };
    require_list(&obj, "entries", "", &mut sink);
    let entries = week_items(&mut obj, "", &mut sink);
    if sink.problems.iter().any(|p| p.severity == Severity::Fatal) {
        return finish(None, sink);
    }
    let Some(file) = whole::<CalendarWeekFile>(obj, &mut sink) else {
        return finish(None, sink);
    };
    let mut week = file.week;
    week.entries = entries;
    check_week_frame(&week, "", &mut sink);
    finish(Some(week), sink)
}

/// Reads `documents/pages/{page}.json`.
pub fn parse_documents_page(text: &str) -> Checked<DocumentsPage> {
    let mut sink = Sink::default();
    let Some(mut obj) = envelope(text, FileKind::DocumentsPage, &mut sink) else {
        return finish(None, sink);
    };
    require_list(&obj, "items", "", &mut sink);
    if sink.is_fatal() {
        return finish(None, sink);
    }
    let items = filter_items(
        &mut obj,
        "items",
        "",
        &mut sink,
        |d: &Document| id_of(&d.id),
        check_document,
    );
    let counted_by_default = is_1_0(&obj);
    let Some(mut page) = whole::<DocumentsPage>(obj, &mut sink) else {
        return finish(None, sink);
    };
    page.items = items;
    at_least_one(&mut sink, "page", page.page.into());
    at_least_one(&mut sink, "pages", page.pages.into());
    if sink.is_fatal() {
        return finish(None, sink);
    }
    if counted_by_default {
        page.items.iter_mut().for_each(doc_counted_as_in_1_0);
    }
    finish(Some(page), sink)
}

/// The problems of one document (its fields, as a document file's are
/// checked): for the library index's rows, which hold documents too.
pub fn document_problems(d: &Document, path: &str) -> Vec<Problem> {
    let mut sink = Sink::default();
    check_document(&mut sink, path, d);
    sink.problems
}

/// Reads `documents/items/{id}.json`.
pub fn parse_document(text: &str) -> Checked<Document> {
    let mut sink = Sink::default();
    let Some(obj) = envelope(text, FileKind::Document, &mut sink) else {
        return finish(None, sink);
    };
    let counted_by_default = is_1_0(&obj);
    let Some(mut file) = whole::<DocumentFile>(obj, &mut sink) else {
        return finish(None, sink);
    };
    if counted_by_default {
        doc_counted_as_in_1_0(&mut file.document);
    }
    let mark = sink.problems.len();
    check_document(&mut sink, "document", &file.document);
    if sink.errors_since(mark) {
        for p in &mut sink.problems[mark..] {
            if p.severity == Severity::Error {
                p.severity = Severity::Fatal;
            }
        }
        return finish(None, sink);
    }
    finish(Some(file.document), sink)
}
