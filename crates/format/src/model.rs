//! The feed's data types, format v1. The layout and every field are
//! described in public/schema/README.md; the JSON Schemas beside it follow
//! these types. Field names are English snake_case; text is Vietnamese.

use serde::{Deserialize, Serialize};

/// The version every file states. Readers accept any 1.x; a new minor
/// version may add fields (unknown fields are allowed and reported as notes).
pub const FORMAT_VERSION: &str = "1.1";
pub const FORMAT_MAJOR: u64 = 1;

/// What a file holds, stated in its `kind` field.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", try_from = "String")]
pub enum FileKind {
    Index,
    Article,
    NewsPage,
    CalendarWeek,
    DocumentsPage,
    Document,
}

impl FileKind {
    pub fn as_str(self) -> &'static str {
        match self {
            FileKind::Index => "index",
            FileKind::Article => "article",
            FileKind::NewsPage => "news-page",
            FileKind::CalendarWeek => "calendar-week",
            FileKind::DocumentsPage => "documents-page",
            FileKind::Document => "document",
        }
    }
}

// ---------------------------------------------------------------- index.json

/// `index.json`: everything the first screen needs, in one small file
/// whatever the size of the portal.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Index {
    pub format_version: String,
    pub kind: FileKind,
    /// When the CMS wrote the feed (RFC 3339 with offset).
    pub generated_at: String,
    pub site: Site,
    pub categories: Vec<Category>,
    /// The newest article summaries, newest first (at most 60).
    pub latest: Vec<ArticleSummary>,
    /// Ids of the stories to feature (home's lead story, the kiosk's rotation).
    #[serde(default)]
    pub featured: Vec<String>,
    pub news: NewsIndex,
    pub calendar: CalendarIndex,
    pub documents: DocumentsIndex,
    /// 1.1: the most read stories ("Xem nhiều"), as ids of `latest`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub most_read: Option<MostRead>,
}

/// The most read stories ("Xem nhiều") of the index, ranked by `views`
/// among the stories published within the window: the `days` days up to
/// the newest story's publication (format doc §7.2). Ids of summaries in
/// `latest`, most read first.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct MostRead {
    /// The window's length in days (at least 1).
    pub days: u32,
    /// The most read of the whole site.
    #[serde(default)]
    pub all: Vec<String>,
    /// The most read of each category, by category id (a story counts in
    /// its main category and its further ones).
    #[serde(default)]
    pub categories: std::collections::BTreeMap<String, Vec<String>>,
}

impl MostRead {
    /// The ids of one category's most read, or the whole site's.
    pub fn ids(&self, category: Option<&str>) -> &[String] {
        match category {
            None => &self.all,
            Some(c) => self.categories.get(c).map_or(&[], Vec::as_slice),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Site {
    /// "Ban Tuyên giáo Tỉnh ủy Hà Nam" style full name.
    pub name: String,
    /// The body it belongs to ("Tỉnh ủy Hà Nam").
    pub department: String,
    /// Short name for small screens ("BTG Tỉnh ủy").
    pub short_name: String,
    #[serde(default)]
    pub logo: Option<Image>,
    #[serde(default)]
    pub description: Option<String>,
    pub contact: Contact,
    #[serde(default)]
    pub linked_websites: Vec<Link>,
    #[serde(default)]
    pub quick_links: Vec<Link>,
    #[serde(default)]
    pub counters: Option<Counters>,
    /// 1.1: the visitor counters as the portal labels them, in its order;
    /// shown instead of `counters` when present.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub visits: Vec<Visit>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Contact {
    #[serde(default)]
    pub address: Option<String>,
    #[serde(default)]
    pub phone: Option<String>,
    #[serde(default)]
    pub email: Option<String>,
    #[serde(default)]
    pub editor: Option<String>,
    #[serde(default)]
    pub license: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Link {
    pub title: String,
    /// http(s) or a relative path.
    pub url: String,
    /// 1.1: the banner the portal shows for the link; its alt names the link.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image: Option<Image>,
}

/// Visitor counters as the portal last counted them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Counters {
    pub online: u64,
    pub today: u64,
    pub total: u64,
}

/// 1.1: one visitor counter, labelled by what it counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Visit {
    pub period: Period,
    pub count: u64,
}

/// What a visitor counter counts. A period this reader does not know (a
/// later 1.x may add one) reads as `Other`; the validator leaves it out.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", try_from = "String")]
pub enum Period {
    /// Đang truy cập: visitors on the site now.
    Online,
    Today,
    Yesterday,
    Week,
    Month,
    Year,
    Total,
    #[serde(other)]
    Other,
}

impl Period {
    /// The periods of 1.1, in the order of the format doc.
    pub const KNOWN: [Period; 7] = [
        Period::Online,
        Period::Today,
        Period::Yesterday,
        Period::Week,
        Period::Month,
        Period::Year,
        Period::Total,
    ];

    /// The name in the feed ("online", "today"…); "" for `Other`.
    pub fn as_str(self) -> &'static str {
        match self {
            Period::Online => "online",
            Period::Today => "today",
            Period::Yesterday => "yesterday",
            Period::Week => "week",
            Period::Month => "month",
            Period::Year => "year",
            Period::Total => "total",
            Period::Other => "",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Category {
    pub id: String,
    pub slug: String,
    pub name: String,
    pub order: i64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewsIndex {
    /// Summaries per page in `news/{list}/{page}.json`.
    pub page_size: u32,
    /// Every paged list: `tat-ca` (all), `chuyen-muc-{category slug}`,
    /// `the-{tag slug}`.
    pub lists: Vec<NewsList>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewsList {
    pub id: String,
    pub pages: u32,
    pub total: u64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CalendarIndex {
    /// ISO weeks that have a file `calendar/{week}.json`, oldest first.
    pub weeks: Vec<String>,
    /// The weeks around `generated_at` (the current and the next one),
    /// copied here so the home page needs no second request.
    #[serde(default)]
    pub embedded: Vec<CalendarWeek>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DocumentsIndex {
    pub total: u64,
    /// Documents per page in `documents/pages/{page}.json`, newest first.
    pub page_size: u32,
    pub pages: u32,
    /// The newest documents (at most 10), for the home page.
    pub latest: Vec<Document>,
}

// ------------------------------------------------------------------- articles

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Image {
    /// http(s), a relative path, or a `data:image/...` URL.
    pub src: String,
    /// What the picture shows. Always present (a 1.0 reader needs it);
    /// 1.1: `""` when the portal gave none, and a junk alt counts as none
    /// (see [`crate::alt`]): the caption, or a banner's link title, names
    /// the image then.
    pub alt: String,
    #[serde(default)]
    pub caption: Option<String>,
    #[serde(default)]
    pub credit: Option<String>,
    #[serde(default)]
    pub width: Option<u32>,
    #[serde(default)]
    pub height: Option<u32>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    pub name: String,
    #[serde(default)]
    pub url: Option<String>,
}

/// What lists show of an article: everything but the body.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleSummary {
    pub id: String,
    /// `[a-z0-9-]`, unique: the article's address is `/tin-tuc/{slug}` and
    /// its file `articles/{slug}.json`.
    pub slug: String,
    pub title: String,
    pub sapo: String,
    #[serde(default)]
    pub cover: Option<Image>,
    /// RFC 3339 with offset ("2026-11-23T08:30:00+07:00").
    pub published: String,
    #[serde(default)]
    pub updated: Option<String>,
    /// 1.1: the portal gives only the day of `published` and `updated`
    /// (written as 00:00 Vietnam time): no hour is shown.
    #[serde(default, skip_serializing_if = "is_false")]
    pub date_only: bool,
    #[serde(default)]
    pub author: Option<String>,
    /// 1.1: the author's position ("Phó Trưởng ban"), shown after the name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author_position: Option<String>,
    #[serde(default)]
    pub source: Option<Source>,
    /// The main category's id.
    pub category: String,
    /// Further category ids.
    #[serde(default)]
    pub categories: Vec<String>,
    #[serde(default)]
    pub tags: Vec<String>,
    /// Lượt xem. Absent: the portal does not count (1.1; in a 1.0 file the
    /// validator reads an absent count as 0, as 1.0 said). Never null.
    #[serde(
        default,
        deserialize_with = "present_count",
        skip_serializing_if = "Option::is_none"
    )]
    pub views: Option<u64>,
    /// Words in the body, for the reading-time estimate.
    #[serde(default)]
    pub word_count: Option<u32>,
}

/// 1.1: an article's recorded reading, as the portal's "Giọng đọc" offers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Audio {
    /// The recording: http(s) or a relative path of the feed.
    pub url: String,
    /// Its media type, `audio/…` ("audio/mpeg").
    pub media_type: String,
    /// The voice that reads it ("Giọng nữ miền Bắc").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub voice: Option<String>,
    /// Its length in seconds (at least 1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duration: Option<u32>,
}

/// `articles/{slug}.json`: one article with its body.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ArticleFile {
    pub format_version: String,
    pub kind: FileKind,
    pub article: Article,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Article {
    #[serde(flatten)]
    pub summary: ArticleSummary,
    #[serde(default)]
    pub related: Vec<String>,
    /// 1.1: a recorded reading of the article ("Nghe bài viết"); without
    /// it the app reads with the device's Vietnamese voice, if it has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub audio: Option<Audio>,
    /// The validator reads the body block by block before the rest of the
    /// file (it drops bad blocks); the app then does not read it again.
    #[cfg_attr(target_arch = "wasm32", serde(skip_deserializing))]
    pub body: Vec<Block>,
}

/// A piece of an article's body. There is no raw HTML anywhere: each kind
/// renders as its own component.
///
/// The app (wasm) reads blocks with [`crate::read::block_from_value`]
/// instead of serde: the derived reader of an internally tagged enum is
/// about 20 KB of wasm. Natively serde reads them (the feed tool reports
/// the path and unknown fields inside a block), and a test holds the two
/// to the same verdict on every block.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(Deserialize))]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Block {
    Paragraph {
        runs: Vec<Run>,
    },
    Heading {
        text: String,
        /// 2 or 3 (the article title is the level-1 heading).
        #[serde(default = "default_heading_level")]
        level: u8,
    },
    /// `{"type": "image", "src": …, "alt": …, "caption": …, "credit": …}`
    Image(Image),
    Quote {
        text: String,
        #[serde(default)]
        cite: Option<String>,
    },
    List {
        #[serde(default)]
        ordered: bool,
        items: Vec<String>,
    },
    Table {
        #[serde(default)]
        caption: Option<String>,
        header: Vec<String>,
        rows: Vec<Vec<String>>,
    },
    Gallery {
        #[serde(default)]
        caption: Option<String>,
        images: Vec<Image>,
    },
    /// Points at a document of the feed by id.
    Attachment {
        document: String,
        #[serde(default)]
        title: Option<String>,
    },
    Video {
        /// Where the video plays (http(s) or relative).
        url: String,
        poster: Image,
        #[serde(default)]
        title: Option<String>,
        /// Length in seconds.
        #[serde(default)]
        duration: Option<u32>,
    },
}

impl Article {
    /// Words in the body: the feed's own count when it gives one.
    pub fn word_count(&self) -> usize {
        self.summary.word_count.map_or_else(
            || self.body.iter().map(Block::word_count).sum(),
            |n| n as usize,
        )
    }
}

impl Block {
    /// Words a reader reads in this block.
    pub fn word_count(&self) -> usize {
        use crate::text::word_count;
        match self {
            Block::Paragraph { runs } => runs.iter().map(|r| word_count(&r.text)).sum(),
            Block::Heading { text, .. } | Block::Quote { text, .. } => word_count(text),
            Block::List { items, .. } => items.iter().map(|i| word_count(i)).sum(),
            Block::Table { header, rows, .. } => header
                .iter()
                .chain(rows.iter().flatten())
                .map(|c| word_count(c))
                .sum(),
            Block::Image(img) => img.caption.as_deref().map_or(0, word_count),
            _ => 0,
        }
    }
}

pub(crate) fn default_heading_level() -> u8 {
    2
}

/// A run of text inside a paragraph, plain or styled, optionally a link.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Run {
    pub text: String,
    #[serde(default, skip_serializing_if = "is_false")]
    pub bold: bool,
    #[serde(default, skip_serializing_if = "is_false")]
    pub italic: bool,
    /// http(s) or a relative path.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub link: Option<String>,
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// A count that may be left out but is never `null` (a 1.0 reader refuses
/// a null count, so 1.1 does too).
fn present_count<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<u64>, D::Error> {
    u64::deserialize(d).map(Some)
}

/// `news/{list}/{page}.json`: one page of a list of summaries, newest first.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct NewsPage {
    pub format_version: String,
    pub kind: FileKind,
    pub list: String,
    pub page: u32,
    pub pages: u32,
    pub total: u64,
    pub items: Vec<ArticleSummary>,
}

// ------------------------------------------------------------------- calendar

/// `calendar/{week}.json`: one ISO week of the working calendar.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CalendarWeekFile {
    pub format_version: String,
    pub kind: FileKind,
    #[serde(flatten)]
    pub week: CalendarWeek,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CalendarWeek {
    /// ISO 8601 week, "2026-W48".
    pub week: String,
    /// When this week's calendar was last changed (RFC 3339).
    #[serde(default)]
    pub updated: Option<String>,
    #[serde(default)]
    pub note: Option<String>,
    pub entries: Vec<CalendarEntry>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", try_from = "String")]
pub enum Session {
    /// Sáng
    Sang,
    /// Chiều
    Chieu,
    /// Tối
    Toi,
}

impl Session {
    /// The session's conventional hours in Vietnam time, as minutes after
    /// midnight, start and end: Sáng 07:30–11:30, Chiều 13:30–17:00, Tối
    /// 19:00–21:30. The one place these hours are written (format doc
    /// §7.5): a session-only entry (`timing: "session"`) starts at the
    /// session's start for 1.0 readers, and is on now for the whole span.
    pub const fn hours(self) -> (u32, u32) {
        match self {
            Session::Sang => (7 * 60 + 30, 11 * 60 + 30),
            Session::Chieu => (13 * 60 + 30, 17 * 60),
            Session::Toi => (19 * 60, 21 * 60 + 30),
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Session::Sang => "sang",
            Session::Chieu => "chieu",
            Session::Toi => "toi",
        }
    }
}

/// What an entry's hours mean (format 1.1, `timing`). Absent: `start` (and
/// `end`) are real hours.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", try_from = "String")]
pub enum EntryTiming {
    /// Only the session is known ("Sáng: …"): `start` is the session's
    /// conventional start, not a real hour.
    Session,
    /// The whole day, or each whole day from `start` to `end_date` ("Cả
    /// ngày: …"): the hours of `start` and `end` are not shown.
    AllDay,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", try_from = "String")]
pub enum EntryStatus {
    #[default]
    Scheduled,
    Changed,
    Cancelled,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CalendarEntry {
    pub id: String,
    /// RFC 3339 with offset, inside the file's week (Vietnam time).
    pub start: String,
    #[serde(default)]
    pub end: Option<String>,
    pub session: Session,
    pub content: String,
    #[serde(default)]
    pub chair: Option<String>,
    #[serde(default)]
    pub participants: Option<String>,
    #[serde(default)]
    pub location: Option<String>,
    #[serde(default)]
    pub preparing_unit: Option<String>,
    #[serde(default)]
    pub note: Option<String>,
    #[serde(default)]
    pub emphasis: bool,
    #[serde(default)]
    pub status: EntryStatus,
    /// What changed, for `changed` (and why, for `cancelled`).
    #[serde(default)]
    pub change: Option<String>,
    /// 1.1: `session` or `all_day`; absent when the hours are real.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timing: Option<EntryTiming>,
    /// 1.1: the last day (inclusive, "2026-11-27") of an entry that lasts
    /// several days; `start` is on its first day. Listed, with the same id,
    /// in the file of every week it touches.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end_date: Option<String>,
}

impl CalendarEntry {
    /// The day it starts, Vietnam time.
    pub fn first_day(&self) -> Option<crate::datetime::Date> {
        crate::datetime::DateTime::parse_rfc3339(&self.start).map(|t| t.vietnam().date)
    }

    /// The day it ends: `end_date` when it is a later day than the start's,
    /// otherwise the start's day.
    pub fn last_day(&self) -> Option<crate::datetime::Date> {
        let first = self.first_day()?;
        let last = self
            .end_date
            .as_deref()
            .and_then(crate::datetime::Date::parse)
            .filter(|d| *d > first);
        Some(last.unwrap_or(first))
    }

    /// Whether it lasts more than one day (`end_date` after the start's day).
    pub fn is_multi_day(&self) -> bool {
        matches!((self.first_day(), self.last_day()), (Some(f), Some(l)) if l > f)
    }

    /// Whether it falls on `day`: any day from its first to its last.
    pub fn covers(&self, day: crate::datetime::Date) -> bool {
        matches!((self.first_day(), self.last_day()), (Some(f), Some(l)) if f <= day && day <= l)
    }
}

// ------------------------------------------------------------------ documents

/// `documents/pages/{page}.json`: one page of the document list, newest first.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DocumentsPage {
    pub format_version: String,
    pub kind: FileKind,
    pub page: u32,
    pub pages: u32,
    pub total: u64,
    pub items: Vec<Document>,
}

/// `documents/items/{id}.json`: one document, for its own page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DocumentFile {
    pub format_version: String,
    pub kind: FileKind,
    pub document: Document,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Document {
    /// `[a-z0-9-]`, unique: the page is `/van-ban/{id}`.
    pub id: String,
    /// Số ký hiệu, "112-HD/BTGTU".
    pub number: String,
    /// Loại văn bản, "Hướng dẫn".
    #[serde(rename = "type")]
    pub doc_type: String,
    /// Cơ quan ban hành.
    pub issuer: String,
    #[serde(default)]
    pub signer: Option<Signer>,
    /// Ngày ban hành, "2026-11-20".
    pub issued: String,
    #[serde(default)]
    pub effective: Option<String>,
    #[serde(default)]
    pub expires: Option<String>,
    /// Lĩnh vực.
    #[serde(default)]
    pub fields: Vec<String>,
    /// Trích yếu.
    pub summary: String,
    #[serde(default)]
    pub files: Vec<DocumentFileRef>,
    /// Lượt xem, lượt tải: absent when the portal does not count them
    /// (as for an article's `views`).
    #[serde(
        default,
        deserialize_with = "present_count",
        skip_serializing_if = "Option::is_none"
    )]
    pub views: Option<u64>,
    #[serde(
        default,
        deserialize_with = "present_count",
        skip_serializing_if = "Option::is_none"
    )]
    pub downloads: Option<u64>,
    #[serde(default)]
    pub replaces: Vec<String>,
    #[serde(default)]
    pub replaced_by: Vec<String>,
    #[serde(default)]
    pub related: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Signer {
    pub name: String,
    #[serde(default)]
    pub position: Option<String>,
}

/// One downloadable file of a document.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentFileRef {
    /// File name offered to the reader ("112-HD-BTGTU.pdf").
    pub name: String,
    /// http(s) or a relative path.
    pub url: String,
    /// "application/pdf"
    pub media_type: String,
    /// Size in bytes.
    pub size: u64,
}
