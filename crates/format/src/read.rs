//! The app's readers of the feed's types from JSON values, written out
//! instead of serde's derived ones: those were about a tenth of the wasm's
//! code (a visitor, a field enum and their messages per type). The feed
//! tool keeps serde's readers, which name the path inside an item and
//! report unknown fields; tests (`tests.rs`, "the app's readers") hold the
//! two to one verdict and one value on the sample feed, on generated feeds
//! and on every field removed, nulled or given another type.
//!
//! What serde's derived readers do, and these do too: a field with
//! `#[serde(default)]` or of an `Option` type may be absent; `null` is a
//! value (`None` for an `Option`, refused elsewhere); integers must fit
//! their type and are never floats; unknown fields are ignored. What they
//! do differently: a list in place of an object is refused (serde reads
//! one as the fields in order; the validator refuses it before either
//! reader sees it), and the messages name the field, not the line.
//!
//! The archive's and library's roots and records are read by this
//! module's macros (`fields!`, `tuple!`, `names!`), written beside their
//! types in `archive/mod.rs` and `library/mod.rs`: this module imports
//! only the model, so the modules that read through it (those two, the
//! validator) are never imported back.

use std::collections::BTreeMap;

use serde_json::{Map, Value};

use crate::model::*;

/// A type read from a JSON value.
pub trait FromValue: Sized {
    fn from_value(v: Value) -> Result<Self, String>;
}

/// What a JSON value is, for messages.
fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

pub(crate) fn expected<T>(what: &str, v: &Value) -> Result<T, String> {
    Err(format!("expected {what}, found {}", kind(v)))
}

impl FromValue for String {
    fn from_value(v: Value) -> Result<Self, String> {
        match v {
            Value::String(s) => Ok(s),
            v => expected("a string", &v),
        }
    }
}

impl FromValue for bool {
    fn from_value(v: Value) -> Result<Self, String> {
        match v {
            Value::Bool(b) => Ok(b),
            v => expected("a boolean", &v),
        }
    }
}

macro_rules! unsigned {
    ($($t:ty),*) => {$(
        impl FromValue for $t {
            fn from_value(v: Value) -> Result<Self, String> {
                match &v {
                    // `as_u64` is `None` for a negative number and a float.
                    Value::Number(n) => n
                        .as_u64()
                        .and_then(|n| <$t>::try_from(n).ok())
                        .ok_or_else(|| format!("{n} is not a whole number from 0 to {}", <$t>::MAX)),
                    v => expected("a number", v),
                }
            }
        }
    )*};
}

unsigned!(u8, u32, u64);

macro_rules! signed {
    ($($t:ty),*) => {$(
        impl FromValue for $t {
            fn from_value(v: Value) -> Result<Self, String> {
                match &v {
                    Value::Number(n) => n
                        .as_i64()
                        .and_then(|n| <$t>::try_from(n).ok())
                        .ok_or_else(|| format!("{n} is not a whole number of its range")),
                    v => expected("a number", v),
                }
            }
        }
    )*};
}

signed!(i32, i64);

impl<T: FromValue> FromValue for Option<T> {
    fn from_value(v: Value) -> Result<Self, String> {
        match v {
            Value::Null => Ok(None),
            v => T::from_value(v).map(Some),
        }
    }
}

impl<T: FromValue> FromValue for Vec<T> {
    fn from_value(v: Value) -> Result<Self, String> {
        match v {
            Value::Array(items) => items
                .into_iter()
                .enumerate()
                .map(|(i, item)| T::from_value(item).map_err(|e| format!("[{i}]: {e}")))
                .collect(),
            v => expected("a list", &v),
        }
    }
}

impl<T: FromValue> FromValue for BTreeMap<String, T> {
    fn from_value(v: Value) -> Result<Self, String> {
        match v {
            Value::Object(map) => map
                .into_iter()
                .map(|(k, v)| match T::from_value(v) {
                    Ok(v) => Ok((k, v)),
                    Err(e) => Err(format!("{k}: {e}")),
                })
                .collect(),
            v => expected("an object", &v),
        }
    }
}

/// An object's fields, taken one at a time; what is left is ignored.
pub(crate) struct Fields(Map<String, Value>);

impl Fields {
    pub(crate) fn of(v: Value) -> Result<Fields, String> {
        match v {
            Value::Object(map) => Ok(Fields(map)),
            v => expected("an object", &v),
        }
    }

    /// A field the type must have (an `Option` may be absent: `None`).
    pub(crate) fn need<T: FromValue + Absent>(&mut self, key: &str) -> Result<T, String> {
        match self.0.remove(key) {
            Some(v) => T::from_value(v).map_err(|e| format!("{key}: {e}")),
            None => T::absent().ok_or_else(|| format!("missing field `{key}`")),
        }
    }

    /// A field with `#[serde(default)]`: its default when absent.
    pub(crate) fn or_default<T: FromValue + Default>(&mut self, key: &str) -> Result<T, String> {
        match self.0.remove(key) {
            Some(v) => T::from_value(v).map_err(|e| format!("{key}: {e}")),
            None => Ok(T::default()),
        }
    }

    /// A count that is absent or a number (`null` is refused, as
    /// `model::present_count` refuses it).
    pub(crate) fn count(&mut self, key: &str) -> Result<Option<u64>, String> {
        self.0
            .remove(key)
            .map(|v| u64::from_value(v).map_err(|e| format!("{key}: {e}")))
            .transpose()
    }

    /// The fields not taken yet, for a type flattened into this one.
    fn rest(self) -> Value {
        Value::Object(self.0)
    }
}

/// What a field without `#[serde(default)]` is when absent: nothing but
/// for an `Option` (serde's derived readers treat those alike).
pub(crate) trait Absent: Sized {
    fn absent() -> Option<Self> {
        None
    }
}

impl<T> Absent for Option<T> {
    fn absent() -> Option<Self> {
        Some(None)
    }
}

impl Absent for String {}
impl Absent for bool {}
impl Absent for u8 {}
impl Absent for u32 {}
impl Absent for u64 {}
impl Absent for i32 {}
impl Absent for i64 {}
impl<T> Absent for Vec<T> {}

/// The names a value may take, as serde lists them in its messages.
pub(crate) fn one_of(names: &[&str]) -> String {
    match names {
        [a, b] => format!("`{a}` or `{b}`"),
        _ => {
            let quoted: Vec<String> = names.iter().map(|n| format!("`{n}`")).collect();
            format!("one of {}", quoted.join(", "))
        }
    }
}

/// Unit enums, read from their names; `other` is what an unknown name
/// reads as (`#[serde(other)]`), refused when there is none.
macro_rules! names {
    ($t:ty { $($name:literal => $variant:expr),* $(,)? } $(, other => $other:expr)?) => {
        impl $crate::read::Absent for $t {}
        // serde reads the type through this too (`#[serde(try_from =
        // "String")]`): its derived reader would also take `{"name": null}`,
        // which the schemas refuse.
        impl TryFrom<String> for $t {
            type Error = String;
            fn try_from(s: String) -> Result<Self, String> {
                <$t as $crate::read::FromValue>::from_value(::serde_json::Value::String(s))
            }
        }
        impl $crate::read::FromValue for $t {
            #[allow(unreachable_code)]
            fn from_value(v: ::serde_json::Value) -> Result<Self, String> {
                let s = match v {
                    ::serde_json::Value::String(s) => s,
                    v => return $crate::read::expected("a name", &v),
                };
                match s.as_str() {
                    $($name => return Ok($variant),)*
                    _ => {}
                }
                $(return Ok($other);)?
                Err(format!(
                    "unknown variant `{}`, expected {}",
                    $crate::read::clip(&s),
                    $crate::read::one_of(&[$($name),*])
                ))
            }
        }
    };
}

pub(crate) use names;

names!(FileKind {
    "index" => FileKind::Index,
    "article" => FileKind::Article,
    "news-page" => FileKind::NewsPage,
    "calendar-week" => FileKind::CalendarWeek,
    "documents-page" => FileKind::DocumentsPage,
    "document" => FileKind::Document,
});

names!(Period {
    "online" => Period::Online,
    "today" => Period::Today,
    "yesterday" => Period::Yesterday,
    "week" => Period::Week,
    "month" => Period::Month,
    "year" => Period::Year,
    "total" => Period::Total,
}, other => Period::Other);

names!(Session {
    "sang" => Session::Sang,
    "chieu" => Session::Chieu,
    "toi" => Session::Toi,
});

names!(EntryTiming {
    "session" => EntryTiming::Session,
    "all_day" => EntryTiming::AllDay,
});

names!(EntryStatus {
    "scheduled" => EntryStatus::Scheduled,
    "changed" => EntryStatus::Changed,
    "cancelled" => EntryStatus::Cancelled,
});

/// Structs, read field by field: `need` for a field serde requires (or an
/// `Option` without a default), `default` for `#[serde(default)]`,
/// `count` for `present_count`. Adding a field to a type in model.rs
/// without adding it here is caught by the tests (the value read differs).
macro_rules! fields {
    ($t:ident { $($field:ident: $how:ident $($key:literal)?),* $(,)? }) => {
        impl $crate::read::Absent for $t {}
        impl $crate::read::FromValue for $t {
            fn from_value(v: ::serde_json::Value) -> Result<Self, String> {
                let mut f = $crate::read::Fields::of(v)?;
                Ok($t { $($field: $crate::read::fields!(@take f, $how, $field $(, $key)?)?,)* })
            }
        }
    };
    (@take $f:ident, need, $field:ident) => { $f.need(stringify!($field)) };
    (@take $f:ident, need, $field:ident, $key:literal) => { $f.need($key) };
    (@take $f:ident, default, $field:ident) => { $f.or_default(stringify!($field)) };
    (@take $f:ident, count, $field:ident) => { $f.count(stringify!($field)) };
    (@take $f:ident, skip, $field:ident) => { Ok::<_, String>(Default::default()) };
}

pub(crate) use fields;

/// Tuple structs, read from a list of exactly their fields.
macro_rules! tuple {
    ($t:ident($($ty:ty),*)) => {
        impl $crate::read::Absent for $t {}
        impl $crate::read::FromValue for $t {
            fn from_value(v: ::serde_json::Value) -> Result<Self, String> {
                const LEN: usize = [$(stringify!($ty)),*].len();
                let items = match v {
                    ::serde_json::Value::Array(items) if items.len() == LEN => items,
                    ::serde_json::Value::Array(items) => {
                        return Err(format!("{} values, expected {LEN}", items.len()))
                    }
                    v => return $crate::read::expected("a list", &v),
                };
                let mut items = items.into_iter();
                Ok($t($(<$ty as $crate::read::FromValue>::from_value(items.next().unwrap_or_default())?),*))
            }
        }
    };
}

pub(crate) use tuple;

fields!(Index {
    format_version: need,
    kind: need,
    generated_at: need,
    site: need,
    categories: need,
    latest: need,
    featured: default,
    news: need,
    calendar: need,
    documents: need,
    most_read: default,
});

fields!(MostRead {
    days: need,
    all: default,
    categories: default,
});

fields!(Site {
    name: need,
    department: need,
    short_name: need,
    logo: default,
    description: default,
    contact: need,
    linked_websites: default,
    quick_links: default,
    counters: default,
    visits: default,
});

fields!(Contact {
    address: default,
    phone: default,
    email: default,
    editor: default,
    license: default,
});

fields!(Link {
    title: need,
    url: need,
    image: default
});
fields!(Counters {
    online: need,
    today: need,
    total: need
});
fields!(Visit {
    period: need,
    count: need
});
fields!(Category {
    id: need,
    slug: need,
    name: need,
    order: need
});
fields!(NewsIndex {
    page_size: need,
    lists: need
});
fields!(NewsList {
    id: need,
    pages: need,
    total: need
});
fields!(CalendarIndex {
    weeks: need,
    embedded: default
});

fields!(DocumentsIndex {
    total: need,
    page_size: need,
    pages: need,
    latest: need,
});

fields!(Image {
    src: need,
    alt: need,
    caption: default,
    credit: default,
    width: default,
    height: default,
});

fields!(Source {
    name: need,
    url: default
});

fields!(ArticleSummary {
    id: need,
    slug: need,
    title: need,
    sapo: need,
    cover: default,
    published: need,
    updated: default,
    date_only: default,
    author: default,
    author_position: default,
    source: default,
    category: need,
    categories: default,
    tags: default,
    views: count,
    word_count: default,
});

fields!(Audio {
    url: need,
    media_type: need,
    voice: default,
    duration: default,
});

fields!(ArticleFile {
    format_version: need,
    kind: need,
    article: need
});

impl Absent for Article {}
impl FromValue for Article {
    fn from_value(v: Value) -> Result<Self, String> {
        let mut f = Fields::of(v)?;
        let related = f.or_default("related")?;
        let audio = f.or_default("audio")?;
        // The app reads the body apart, block by block (serde skips it
        // there too); the feed tool requires it.
        #[cfg(target_arch = "wasm32")]
        let body = {
            f.0.remove("body");
            Vec::new()
        };
        #[cfg(not(target_arch = "wasm32"))]
        let body = f.need("body")?;
        Ok(Article {
            summary: ArticleSummary::from_value(f.rest())?,
            related,
            audio,
            body,
        })
    }
}

impl Absent for Block {}
impl FromValue for Block {
    fn from_value(v: Value) -> Result<Self, String> {
        block_from_value(v)
    }
}

fields!(Run {
    text: need,
    bold: default,
    italic: default,
    link: default
});

fields!(NewsPage {
    format_version: need,
    kind: need,
    list: need,
    page: need,
    pages: need,
    total: need,
    items: need,
});

impl Absent for CalendarWeekFile {}
impl FromValue for CalendarWeekFile {
    fn from_value(v: Value) -> Result<Self, String> {
        let mut f = Fields::of(v)?;
        let format_version = f.need("format_version")?;
        let kind = f.need("kind")?;
        Ok(CalendarWeekFile {
            format_version,
            kind,
            week: CalendarWeek::from_value(f.rest())?,
        })
    }
}

fields!(CalendarWeek {
    week: need,
    updated: default,
    note: default,
    entries: need
});

fields!(CalendarEntry {
    id: need,
    start: need,
    end: default,
    session: need,
    content: need,
    chair: default,
    participants: default,
    location: default,
    preparing_unit: default,
    note: default,
    emphasis: default,
    status: default,
    change: default,
    timing: default,
    end_date: default,
});

fields!(DocumentsPage {
    format_version: need,
    kind: need,
    page: need,
    pages: need,
    total: need,
    items: need,
});

fields!(DocumentFile {
    format_version: need,
    kind: need,
    document: need
});

fields!(Document {
    id: need,
    number: need,
    doc_type: need "type",
    issuer: need,
    signer: default,
    issued: need,
    effective: default,
    expires: default,
    fields: default,
    summary: need,
    files: default,
    views: count,
    downloads: count,
    replaces: default,
    replaced_by: default,
    related: default,
});

fields!(Signer {
    name: need,
    position: default
});

fields!(DocumentFileRef {
    name: need,
    url: need,
    media_type: need,
    size: need
});

// ------------------------------------------------ blocks and messages

/// Reads one block of an article's body as serde's derived reader of
/// [`Block`] reads it from a JSON value (`{"type": "paragraph", …}`), and
/// to the same verdict: an object whose `type` names a kind, whose required
/// fields are there and whose fields have their types; other fields are
/// ignored. The fields inside are read by this module's readers. (serde
/// also reads a block from a list of its tag and fields; the validator
/// refuses a list in place of a block before either reader sees it.)
/// Tests compare the two readers on every block of the sample feed and on
/// generated ones.
pub fn block_from_value(value: Value) -> Result<Block, String> {
    const KINDS: [&str; 9] = [
        "paragraph",
        "heading",
        "image",
        "quote",
        "list",
        "table",
        "gallery",
        "attachment",
        "video",
    ];
    let Value::Object(mut map) = value else {
        return Err(format!(
            "invalid type: {}, expected internally tagged enum Block",
            json_kind(&value)
        ));
    };
    let kind = match map.remove("type") {
        None => return Err("missing field `type`".to_string()),
        Some(Value::String(s)) => KINDS
            .iter()
            .position(|k| *k == s)
            .ok_or_else(|| format!("unknown variant `{}`, expected one of `paragraph`, `heading`, `image`, `quote`, `list`, `table`, `gallery`, `attachment`, `video`", clip(&s)))?,
        Some(other) => {
            return Err(format!(
                "invalid type: {}, expected variant identifier",
                json_kind(&other)
            ))
        }
    };
    fn read<T: FromValue>(v: Value) -> Result<T, String> {
        T::from_value(v)
    }
    // A field the block must have.
    fn need(map: &mut Map<String, Value>, key: &str) -> Result<Value, String> {
        map.remove(key)
            .ok_or_else(|| format!("missing field `{key}`"))
    }
    let map = &mut map;
    Ok(match kind {
        0 => Block::Paragraph {
            runs: read(need(map, "runs")?)?,
        },
        1 => {
            let text = read(need(map, "text")?)?;
            let level = map
                .remove("level")
                .map_or(Ok(default_heading_level()), read)?;
            Block::Heading { text, level }
        }
        2 => Block::Image(read(Value::Object(std::mem::take(map)))?),
        3 => {
            let text = read(need(map, "text")?)?;
            Block::Quote {
                text,
                cite: optional(map, "cite")?,
            }
        }
        4 => {
            let items = read(need(map, "items")?)?;
            Block::List {
                ordered: optional(map, "ordered")?,
                items,
            }
        }
        5 => {
            let header = read(need(map, "header")?)?;
            let rows = read(need(map, "rows")?)?;
            Block::Table {
                caption: optional(map, "caption")?,
                header,
                rows,
            }
        }
        6 => {
            let images = read(need(map, "images")?)?;
            Block::Gallery {
                caption: optional(map, "caption")?,
                images,
            }
        }
        7 => {
            let document = read(need(map, "document")?)?;
            Block::Attachment {
                document,
                title: optional(map, "title")?,
            }
        }
        _ => {
            let url = read(need(map, "url")?)?;
            let poster = read(need(map, "poster")?)?;
            Block::Video {
                url,
                poster,
                title: optional(map, "title")?,
                duration: optional(map, "duration")?,
            }
        }
    })
}

/// A field with `#[serde(default)]`: its default when absent (`null` is
/// read as a value: `None` for an option, an error for a list or a flag).
fn optional<T: FromValue + Default>(map: &mut Map<String, Value>, key: &str) -> Result<T, String> {
    map.remove(key).map_or(Ok(T::default()), T::from_value)
}

/// How serde names a JSON value in its messages.
fn json_kind(v: &Value) -> String {
    match v {
        Value::Null => "null".to_string(),
        Value::Bool(b) => format!("boolean `{b}`"),
        Value::Number(n) => format!("number `{n}`"),
        Value::String(s) => format!("string \"{}\"", clip(s)),
        Value::Array(_) => "sequence".to_string(),
        Value::Object(_) => "map".to_string(),
    }
}

/// Shortens a value quoted in a message, so a 10 MB string makes a short line.
pub(crate) fn clip(s: &str) -> String {
    clip_to(s, 60)
}

pub(crate) fn clip_to(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        None => s.to_string(),
        Some((end, _)) => format!("{}…", &s[..end]),
    }
}
