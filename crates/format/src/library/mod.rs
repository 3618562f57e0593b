//! The library index: what the document library (`/van-ban`) needs to
//! show its first rows and its filter counts after a small download, and
//! to show any filter's rows by fetching only the parts that hold them.
//! Format doc §7.9; the JSON Schemas are public/schema/library-*.schema.json.
//! Written by the same run as the archive index ([`crate::archive`]).
//!
//! Documents are numbered in the library's order, newest first
//! ([`sort_newest`]): id 0 is the first row of the unfiltered list.
//!
//! - `library/index.json`, the root ([`Root`]): the version, the count,
//!   the filter values with their counts (types, issuers, fields: a
//!   value's documents are in a part of their own; years: consecutive
//!   ids, newest year first, so the counts alone place them), and the
//!   build the parts belong to;
//! - `library/{build}/r{k}.json`, row parts ([`RowPart`]): what a list
//!   row shows, [`Root::row_part_size`] documents each;
//! - `library/{build}/t{j}.json`, `i{j}.json`, `f{j}.json`, id parts
//!   ([`IdPart`]): the ids of the documents of type, issuer or field `j`
//!   (in the id-list codec of §7.8, [`crate::archive::encode_ids`]);
//! - `library/{build}/dates.json`, the dates part ([`DatesPart`]): what
//!   the status on a day (còn / hết / chưa có hiệu lực) is worked out
//!   from, for every document: only the status filter fetches it.
//!
//! `{build}` is a hash of every part, as for the archive index.

mod build;

#[cfg(test)]
mod tests;

pub use build::{build, Built, ROW_PART_SIZE};

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::archive::decode_ids;
use crate::datetime::Date;
use crate::model::{Document, DocumentFileRef};
use crate::text::{fold, slugify};

/// The library index's own version, in every part.
pub const VERSION: u32 = 1;
/// The root's place in the feed directory.
pub const ROOT_FILE: &str = "library/index.json";
/// The folder of the index.
pub const DIR: &str = "library/";
/// The `kind` of the root and of each part.
pub const ROOT_KIND: &str = "library-index";
pub const ROWS_KIND: &str = "library-rows";
pub const IDS_KIND: &str = "library-ids";
pub const DATES_KIND: &str = "library-dates";

/// A problem with a part: it is not used (the archive's, the same type).
pub use crate::archive::PartError;
use crate::archive::{bad, check_stamp, root_value};

// ------------------------------------------------------ order and facets

/// The year of issue (None when the issue date does not parse).
pub fn year(doc: &Document) -> Option<i32> {
    Date::parse(&doc.issued).map(|d| d.year)
}

/// The number's leading integer ("112-HD/BTGTU" → 112).
fn leading_number(number: &str) -> Option<u64> {
    let digits: String = number
        .trim()
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    digits.parse().ok()
}

/// The library's order, newest first: issue date descending (dates that
/// do not parse last), then on the same day the higher leading number
/// first ("113-…" before "112-…"), then the number alphabetically. Stable:
/// ties keep their order.
pub fn sort_newest(docs: &mut [Document]) {
    docs.sort_by_cached_key(newest_key);
}

/// The key [`sort_newest`] sorts by (ascending).
type NewestKey = (
    std::cmp::Reverse<Option<Date>>,
    std::cmp::Reverse<Option<u64>>,
    String,
);

fn newest_key(d: &Document) -> NewestKey {
    (
        std::cmp::Reverse(Date::parse(&d.issued)),
        std::cmp::Reverse(leading_number(&d.number)),
        fold(&d.number),
    )
}

/// Each document's place in the library's order ([`sort_newest`]), by its
/// position in `docs`: its id in the library index built from `docs`.
pub fn newest_ranks(docs: &[Document]) -> Vec<u32> {
    let mut order: Vec<usize> = (0..docs.len()).collect();
    // Stable, as `sort_newest`: ties keep the order of `docs`.
    order.sort_by_cached_key(|&i| newest_key(&docs[i]));
    let mut ranks = vec![0u32; docs.len()];
    for (rank, i) in order.into_iter().enumerate() {
        ranks[i] = rank as u32;
    }
    ranks
}

/// A name filter's value as a slug; None when nothing of it is left.
pub fn name_slug(value: &str) -> Option<String> {
    Some(slugify(value)).filter(|s| !s.is_empty())
}

/// Values for the filter menus with their counts: types, issuers and fields
/// alphabetically by folded name, years newest first.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Facets {
    pub types: Vec<(String, usize)>,
    pub issuers: Vec<(String, usize)>,
    pub fields: Vec<(String, usize)>,
    pub years: Vec<(i32, usize)>,
}

/// Gathers names that are the same slug together, under the first
/// spelling seen; blank names are left out. Each name keeps the positions
/// (in the order seen) of the documents that carry it.
#[derive(Default)]
struct NameIds {
    by_slug: HashMap<String, usize>,
    names: Vec<(String, Vec<u32>)>,
}

impl NameIds {
    fn add(&mut self, name: &str, at: u32) {
        let Some(slug) = name_slug(name) else {
            return;
        };
        let next = self.names.len();
        let i = *self.by_slug.entry(slug).or_insert(next);
        if i == next {
            self.names.push((name.trim().to_string(), Vec::new()));
        }
        if self.names[i].1.last() != Some(&at) {
            self.names[i].1.push(at);
        }
    }

    fn sorted(self) -> Vec<(String, Vec<u32>)> {
        let mut names = self.names;
        names.sort_by_cached_key(|(name, _)| (fold(name), name.clone()));
        names
    }
}

/// The filter values of `docs` with the positions of the documents that
/// carry each (a document counts once per value: a field listed twice
/// counts once).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Values {
    pub types: Vec<(String, Vec<u32>)>,
    pub issuers: Vec<(String, Vec<u32>)>,
    pub fields: Vec<(String, Vec<u32>)>,
    pub years: Vec<(i32, Vec<u32>)>,
}

/// The filter values of `docs`, each with its documents' positions.
pub fn values(docs: &[Document]) -> Values {
    let mut types = NameIds::default();
    let mut issuers = NameIds::default();
    let mut fields = NameIds::default();
    let mut years: HashMap<i32, Vec<u32>> = HashMap::new();
    for (at, doc) in docs.iter().enumerate() {
        let at = at as u32;
        types.add(&doc.doc_type, at);
        issuers.add(&doc.issuer, at);
        for field in &doc.fields {
            fields.add(field, at);
        }
        if let Some(y) = year(doc) {
            years.entry(y).or_default().push(at);
        }
    }
    let mut years: Vec<(i32, Vec<u32>)> = years.into_iter().collect();
    years.sort_by_key(|(y, _)| std::cmp::Reverse(*y));
    Values {
        types: types.sorted(),
        issuers: issuers.sorted(),
        fields: fields.sorted(),
        years,
    }
}

/// The filter menus' values over `docs`, with their counts.
pub fn facets(docs: &[Document]) -> Facets {
    let v = values(docs);
    let counted = |list: Vec<(String, Vec<u32>)>| {
        list.into_iter()
            .map(|(name, ids)| (name, ids.len()))
            .collect()
    };
    Facets {
        types: counted(v.types),
        issuers: counted(v.issuers),
        fields: counted(v.fields),
        years: v.years.into_iter().map(|(y, ids)| (y, ids.len())).collect(),
    }
}

// ---------------------------------------------------------------- the root

/// A filter value and how many documents it selects.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Count(pub String, pub u32);

/// A year and how many documents were issued in it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct YearCount(pub i32, pub u32);

/// The three named filters whose documents an id part lists.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Facet {
    Type,
    Issuer,
    Field,
}

impl Facet {
    pub const ALL: [Facet; 3] = [Facet::Type, Facet::Issuer, Facet::Field];

    /// The letter of its parts' names (`t3.json`).
    pub fn letter(self) -> char {
        match self {
            Facet::Type => 't',
            Facet::Issuer => 'i',
            Facet::Field => 'f',
        }
    }

    /// The word in a part's `facet` field.
    pub fn as_str(self) -> &'static str {
        match self {
            Facet::Type => "type",
            Facet::Issuer => "issuer",
            Facet::Field => "field",
        }
    }
}

/// A part of the library index.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PartId {
    Rows(u32),
    Ids(Facet, u32),
    Dates,
}

/// `library/index.json`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Root {
    pub format_version: String,
    pub kind: String,
    /// [`VERSION`].
    pub version: u32,
    /// The feed's `generated_at` when the index was written.
    pub generated_at: String,
    /// 12 hex digits: the folder of the parts (a hash of all of them).
    pub build: String,
    /// How many documents: ids are 0..documents, newest first.
    pub documents: u32,
    /// Documents per row part (the last may hold fewer).
    pub row_part_size: u32,
    /// Types, issuers and fields: each value once (by slug), in order of
    /// the folded name, with its count; value `j`'s ids are part `t{j}`,
    /// `i{j}` or `f{j}`.
    pub types: Vec<Count>,
    pub issuers: Vec<Count>,
    pub fields: Vec<Count>,
    /// Years of issue, newest first, with their counts: the first year's
    /// documents are ids 0..count, the next year's follow, and so on;
    /// documents whose issue date does not parse come after them all.
    pub years: Vec<YearCount>,
}

impl Root {
    /// Reads and checks a root: `Err` for another version or kind, and for
    /// values or counts that do not add up.
    pub fn parse(text: &str) -> Result<Root, PartError> {
        let e = |m: String| bad(ROOT_FILE, m);
        let v = root_value(text, ROOT_FILE, ROOT_KIND, VERSION)?;
        let root = <Root as crate::read::FromValue>::from_value(v).map_err(e)?;
        check_stamp(&root.format_version, &root.build).map_err(e)?;
        if root.row_part_size == 0 {
            return Err(e("row_part_size must be above 0".into()));
        }
        for (facet, list) in [
            (Facet::Type, &root.types),
            (Facet::Issuer, &root.issuers),
            (Facet::Field, &root.fields),
        ] {
            let mut slugs = std::collections::HashSet::new();
            for (j, Count(name, count)) in list.iter().enumerate() {
                let Some(slug) = name_slug(name) else {
                    return Err(e(format!("{}s[{j}] has no name", facet.as_str())));
                };
                if !slugs.insert(slug) || *count == 0 || *count > root.documents {
                    return Err(e(format!(
                        "{}s[{j}] \"{name}\" must be listed once, with a count from 1 to {}",
                        facet.as_str(),
                        root.documents
                    )));
                }
            }
            if list
                .windows(2)
                .any(|w| (fold(&w[0].0), &w[0].0) > (fold(&w[1].0), &w[1].0))
            {
                return Err(e(format!(
                    "{}s must be in order of the folded name",
                    facet.as_str()
                )));
            }
        }
        let typed: u64 = root.types.iter().map(|c| u64::from(c.1)).sum();
        if typed > u64::from(root.documents) {
            return Err(e(format!(
                "the types count {typed} documents, more than {}",
                root.documents
            )));
        }
        if root.years.windows(2).any(|w| w[0].0 <= w[1].0)
            || root
                .years
                .iter()
                .any(|y| y.1 == 0 || !(-9999..=9999).contains(&y.0))
        {
            return Err(e(
                "years must be newest first, each once and with a count".into()
            ));
        }
        let dated: u64 = root.years.iter().map(|y| u64::from(y.1)).sum();
        if dated > u64::from(root.documents) {
            return Err(e(format!(
                "the years count {dated} documents, more than {}",
                root.documents
            )));
        }
        Ok(root)
    }

    /// How many row parts there are.
    pub fn row_parts(&self) -> u32 {
        self.documents.div_ceil(self.row_part_size)
    }

    /// The values of a named filter.
    pub fn values(&self, facet: Facet) -> &[Count] {
        match facet {
            Facet::Type => &self.types,
            Facet::Issuer => &self.issuers,
            Facet::Field => &self.fields,
        }
    }

    /// The index of the value a filter names (name or slug, as the list
    /// filters compare: by slug).
    pub fn value_of(&self, facet: Facet, name: &str) -> Option<u32> {
        let slug = name_slug(name)?;
        self.values(facet)
            .iter()
            .position(|c| slugify(&c.0) == slug)
            .map(|j| j as u32)
    }

    /// The ids of year `year`'s documents (empty when none).
    pub fn year_ids(&self, year: i32) -> std::ops::Range<u32> {
        let mut first = 0u32;
        for &YearCount(y, count) in &self.years {
            if y == year {
                return first..first + count;
            }
            first += count;
        }
        0..0
    }

    /// The path of a part in the feed directory.
    pub fn path(&self, part: PartId) -> String {
        match part {
            PartId::Rows(k) => format!("{DIR}{}/r{k}.json", self.build),
            PartId::Ids(facet, j) => format!("{DIR}{}/{}{j}.json", self.build, facet.letter()),
            PartId::Dates => format!("{DIR}{}/dates.json", self.build),
        }
    }

    /// Every part the root names.
    pub fn parts(&self) -> Vec<PartId> {
        let mut out: Vec<PartId> = (0..self.row_parts()).map(PartId::Rows).collect();
        for facet in Facet::ALL {
            out.extend((0..self.values(facet).len() as u32).map(|j| PartId::Ids(facet, j)));
        }
        out.push(PartId::Dates);
        out
    }

    /// The row part that holds document `id`.
    pub fn row_part_of(&self, id: u32) -> u32 {
        id / self.row_part_size
    }
}

/// The fields every part starts with: kind, version, build, part.
fn head(v: &serde_json::Value, kind: &str, root: &Root, part: u64) -> Result<(), String> {
    if v.get("kind").and_then(|k| k.as_str()) != Some(kind) {
        return Err(format!("kind must be \"{kind}\""));
    }
    if v.get("version").and_then(|k| k.as_u64()) != Some(u64::from(VERSION)) {
        return Err(format!("version must be {VERSION}"));
    }
    if v.get("build").and_then(|k| k.as_str()) != Some(root.build.as_str()) {
        return Err(format!(
            "belongs to another build than the root's {}",
            root.build
        ));
    }
    if v.get("part").and_then(|k| k.as_u64()) != Some(part) {
        return Err(format!("part must be {part}"));
    }
    Ok(())
}

// ---------------------------------------------------------------- the parts

/// A part, read and checked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Part {
    Rows(RowPart),
    Ids(IdPart),
    Dates(DatesPart),
}

impl Part {
    /// Reads `part` of `root`: `Err` for anything that does not fit.
    pub fn parse(root: &Root, part: PartId, text: &str) -> Result<Part, PartError> {
        let path = root.path(part);
        let e = |m: String| bad(&path, m);
        let v: serde_json::Value =
            serde_json::from_str(text).map_err(|x| e(format!("not JSON: {x}")))?;
        match part {
            PartId::Rows(k) => RowPart::parse(root, k, &v).map(Part::Rows),
            PartId::Ids(facet, j) => IdPart::parse(root, facet, j, &v).map(Part::Ids),
            PartId::Dates => DatesPart::parse(root, &v).map(Part::Dates),
        }
        .map_err(e)
    }
}

/// `library/{build}/r{k}.json`: the rows of documents
/// `k * row_part_size` on, as the list shows them (a document without its
/// signer, fields, links and body).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RowPart {
    pub part: u32,
    pub rows: Vec<Document>,
}

/// What a list row shows of a document, as a row part holds it.
#[derive(Serialize)]
pub(crate) struct Row<'a> {
    id: &'a str,
    number: &'a str,
    #[serde(rename = "type")]
    doc_type: &'a str,
    issuer: &'a str,
    issued: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    effective: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    expires: Option<&'a str>,
    summary: &'a str,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    files: &'a [DocumentFileRef],
    #[serde(skip_serializing_if = "Option::is_none")]
    views: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    downloads: Option<u64>,
}

impl<'a> Row<'a> {
    pub(crate) fn of(d: &'a Document) -> Row<'a> {
        Row {
            id: &d.id,
            number: &d.number,
            doc_type: &d.doc_type,
            issuer: &d.issuer,
            issued: &d.issued,
            effective: d.effective.as_deref(),
            expires: d.expires.as_deref(),
            summary: &d.summary,
            files: &d.files,
            views: d.views,
            downloads: d.downloads,
        }
    }
}

/// The fields a row may have.
const ROW_FIELDS: [&str; 11] = [
    "id",
    "number",
    "type",
    "issuer",
    "issued",
    "effective",
    "expires",
    "summary",
    "files",
    "views",
    "downloads",
];

impl RowPart {
    fn parse(root: &Root, k: u32, v: &serde_json::Value) -> Result<RowPart, String> {
        head(v, ROWS_KIND, root, u64::from(k))?;
        let items = v
            .get("rows")
            .and_then(|r| r.as_array())
            .ok_or("rows must be an array")?;
        let first = k.saturating_mul(root.row_part_size);
        let expected = root.documents.saturating_sub(first).min(root.row_part_size);
        if k >= root.row_parts() || items.len() as u32 != expected {
            return Err(format!(
                "holds {} rows; the root puts {expected} here",
                items.len()
            ));
        }
        let mut rows = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            let stray = item
                .as_object()
                .and_then(|o| o.keys().find(|key| !ROW_FIELDS.contains(&key.as_str())));
            if let Some(key) = stray {
                return Err(format!("rows[{i}]: \"{key}\" is not a row's field"));
            }
            // The app's reader (crate::read): serde's would be a second
            // reader of documents in the wasm.
            let doc = <Document as crate::read::FromValue>::from_value(item.clone())
                .map_err(|x| format!("rows[{i}]: {x}"))?;
            // A row is a document, checked as a document file's is.
            if let Some(p) = crate::validate::document_problems(&doc, &format!("rows[{i}]"))
                .into_iter()
                .find(|p| p.severity <= crate::validate::Severity::Error)
            {
                return Err(p.to_string());
            }
            rows.push(doc);
        }
        Ok(RowPart { part: k, rows })
    }
}

/// `library/{build}/{t|i|f}{j}.json`: the ids of the documents of one
/// type, issuer or field, ascending.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IdPart {
    pub facet: Facet,
    pub part: u32,
    pub ids: Vec<u32>,
}

impl IdPart {
    fn parse(root: &Root, facet: Facet, j: u32, v: &serde_json::Value) -> Result<IdPart, String> {
        head(v, IDS_KIND, root, u64::from(j))?;
        let Some(Count(name, count)) = root.values(facet).get(j as usize) else {
            return Err("no such part".into());
        };
        if v.get("facet").and_then(|f| f.as_str()) != Some(facet.as_str()) {
            return Err(format!("facet must be \"{}\"", facet.as_str()));
        }
        if v.get("name").and_then(|f| f.as_str()) != Some(name.as_str()) {
            return Err(format!("name must be the root's \"{name}\""));
        }
        let ids = decode_ids(
            v.get("ids")
                .and_then(|i| i.as_str())
                .ok_or("ids must be a string")?,
            root.documents,
        )?;
        if ids.len() as u32 != *count {
            return Err(format!(
                "lists {} documents; the root counts {count}",
                ids.len()
            ));
        }
        Ok(IdPart {
            facet,
            part: j,
            ids,
        })
    }
}

/// `library/{build}/dates.json`: for every document, the day it comes into
/// force (its effective date, failing that its issue date) and, for those
/// that have one, the day it expires; as day numbers (days since
/// 1970-01-01).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DatesPart {
    /// By id: None when neither date parses.
    pub start: Vec<Option<i64>>,
    /// (id, day), ascending by id.
    pub expires: Vec<(u32, i64)>,
}

/// Whether a document is in force on a given day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Status {
    InForce,
    Expired,
    NotYetInForce,
}

/// The status on `today`: expired from the expiry day on; otherwise not
/// yet in force while the start is after today; otherwise in force (also
/// when the dates do not parse).
pub fn status_of(start: Option<i64>, expires: Option<i64>, today: i64) -> Status {
    if expires.is_some_and(|e| today >= e) {
        Status::Expired
    } else if start.is_some_and(|s| s > today) {
        Status::NotYetInForce
    } else {
        Status::InForce
    }
}

/// The start and expiry day numbers of a document.
pub fn start_and_expiry(doc: &Document) -> (Option<i64>, Option<i64>) {
    let start = doc
        .effective
        .as_deref()
        .and_then(Date::parse)
        .or_else(|| Date::parse(&doc.issued));
    let expires = doc.expires.as_deref().and_then(Date::parse);
    (start.map(Date::days), expires.map(Date::days))
}

impl DatesPart {
    fn parse(root: &Root, v: &serde_json::Value) -> Result<DatesPart, String> {
        head(v, DATES_KIND, root, 0)?;
        let items = v
            .get("start")
            .and_then(|s| s.as_array())
            .ok_or("start must be an array")?;
        if items.len() as u32 != root.documents {
            return Err(format!(
                "start lists {} documents; the root counts {}",
                items.len(),
                root.documents
            ));
        }
        // Each known start is written as the difference from the one
        // before (the first from 0).
        let mut start = Vec::with_capacity(items.len());
        let mut previous = 0i64;
        for (i, x) in items.iter().enumerate() {
            if x.is_null() {
                start.push(None);
                continue;
            }
            let d = x
                .as_i64()
                .filter(|d| d.abs() < 4_000_000)
                .ok_or_else(|| format!("start[{i}] must be a whole number or null"))?;
            previous += d;
            start.push(Some(previous));
        }
        let list = v
            .get("expires")
            .and_then(|s| s.as_array())
            .ok_or("expires must be an array")?;
        let mut expires = Vec::with_capacity(list.len());
        for (i, x) in list.iter().enumerate() {
            let pair = x.as_array().filter(|a| a.len() == 2);
            let id = pair
                .and_then(|a| a[0].as_u64())
                .and_then(|n| u32::try_from(n).ok());
            let day = pair
                .and_then(|a| a[1].as_i64())
                .filter(|d| d.abs() < 4_000_000);
            match (id, day) {
                (Some(id), Some(day)) if id < root.documents => {
                    if expires.last().is_some_and(|&(p, _)| p >= id) {
                        return Err(format!("expires[{i}]: ids must be ascending"));
                    }
                    expires.push((id, day));
                }
                _ => {
                    return Err(format!(
                        "expires[{i}] must be [an id below {}, a day number]",
                        root.documents
                    ))
                }
            }
        }
        Ok(DatesPart { start, expires })
    }

    /// The status of document `id` on day `today` (a day number).
    pub fn status(&self, id: u32, today: i64) -> Status {
        let expires = self
            .expires
            .binary_search_by_key(&id, |&(i, _)| i)
            .ok()
            .map(|i| self.expires[i].1);
        status_of(
            self.start.get(id as usize).copied().flatten(),
            expires,
            today,
        )
    }
}

// The app's readers of the root, written out as `crate::read` writes the
// feed's (the feed tool keeps serde's).
crate::read::tuple!(Count(String, u32));
crate::read::tuple!(YearCount(i32, u32));

crate::read::fields!(Root {
    format_version: need,
    kind: need,
    version: need,
    generated_at: need,
    build: need,
    documents: need,
    row_part_size: need,
    types: need,
    issuers: need,
    fields: need,
    years: need,
});
