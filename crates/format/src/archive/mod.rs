//! The archive index: a static search index of the whole feed (every
//! article, document and calendar entry), split into small parts so that a
//! query fetches only a few of them. Format doc §7.8; the JSON Schemas are
//! public/schema/search-*.schema.json.
//!
//! - `search/index.json`, the root ([`Root`]): the version, the counts, the
//!   first term of every term part, the record groups (kind, category,
//!   year) and the build the parts belong to;
//! - `search/{build}/t{k}.json`, term parts ([`TermPart`]): folded terms
//!   in order, each with its postings (the records holding it) by field
//!   weight, and the ids of the records holding it with particular
//!   diacritics;
//! - `search/{build}/c{i}.json`, a common term's own part, and
//!   `search/{build}/d{i}.json`, the same term's postings of documents
//!   alone (the library's text filter reads those: a few KB where the
//!   whole term is tens);
//! - `search/{build}/r{k}.json`, record parts ([`RecordPart`]): what a
//!   result row shows, [`Root::record_part_size`] records each.
//!
//! `{build}` is a hash of every part: a new index is a new folder, so a
//! part once fetched never changes under its name, and a cached part
//! cannot be mixed with a newer root.
//!
//! [`build`] writes the parts from the feed's content (pure, deterministic);
//! [`query`] runs a query on what the caller has fetched and says which
//! parts are missing. Terms are split as [`terms`] says: words of
//! letters or of digits (a word changes at a letter–digit border, so
//! "112-HD/BTGTU", "112hd" and "112 hd" give the same terms), folded by
//! [`crate::text::fold`]. Each record also has key terms for a title or
//! a document number typed whole ([`title_key`], [`number_key`]).

mod build;
mod codec;
mod query;

#[cfg(test)]
mod tests;

pub use build::{build, Built, RECORD_PART_SIZE, SNIPPET_CHARS, TERM_PART_BYTES};
pub use codec::{decode_ids, encode_ids};
pub use query::{
    highlight, rank, search, search_all, Facets, Hit, Outcome, Parts, Query, Ranking, Store,
    COMMON_KEPT,
};

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::text::{fold, lowercase_nfc};

/// The archive index's own version, in every part. A reader refuses
/// another one (the index is rebuilt with the feed, so an old reader meets
/// a new version only until the app updates).
pub const VERSION: u32 = 1;
/// The root's place in the feed directory.
pub const ROOT_FILE: &str = "search/index.json";
/// The folder of the index.
pub const DIR: &str = "search/";
/// The root's, term parts' and record parts' `kind`.
pub const ROOT_KIND: &str = "search-index";
pub const TERMS_KIND: &str = "search-terms";
pub const RECORDS_KIND: &str = "search-records";
/// The root's `document_order` when documents are in the library's order.
pub const LIBRARY_ORDER: &str = "library";
/// The longest term, in characters; longer words are cut to it.
pub const MAX_TERM_CHARS: usize = 24;

/// What a record is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", try_from = "String")]
pub enum Kind {
    Article,
    Document,
    Entry,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Article => "article",
            Kind::Document => "document",
            Kind::Entry => "entry",
        }
    }
}

/// A problem with a part: it is not used (the query treats it as missing).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PartError {
    /// The part's path in the feed directory.
    pub part: String,
    pub message: String,
}

impl fmt::Display for PartError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.part, self.message)
    }
}

impl std::error::Error for PartError {}

pub(crate) fn bad(part: &str, message: impl Into<String>) -> PartError {
    PartError {
        part: part.to_string(),
        message: message.into(),
    }
}

/// A root file's JSON once its kind and version are the ones this reader
/// knows (the archive's and the library's roots start alike).
pub(crate) fn root_value(
    text: &str,
    file: &str,
    kind: &str,
    version: u32,
) -> Result<serde_json::Value, PartError> {
    let e = |m: String| bad(file, m);
    let v: serde_json::Value =
        serde_json::from_str(text).map_err(|x| e(format!("not JSON: {x}")))?;
    if v.get("kind").and_then(|k| k.as_str()) != Some(kind) {
        return Err(e(format!("kind must be \"{kind}\"")));
    }
    match v.get("version").and_then(|k| k.as_u64()) {
        Some(n) if n == u64::from(version) => Ok(v),
        Some(n) => Err(e(format!(
            "version {n} is not known here (this reader knows {version})"
        ))),
        None => Err(e("version is missing".into())),
    }
}

/// A root's `format_version` (1.x) and `build` (12 lowercase hex digits).
pub(crate) fn check_stamp(format_version: &str, build: &str) -> Result<(), String> {
    let minor = format_version.strip_prefix("1.");
    if !minor.is_some_and(|m| !m.is_empty() && m.bytes().all(|b| b.is_ascii_digit())) {
        return Err(format!("format_version {format_version} is not 1.x"));
    }
    let hex = |b: u8| b.is_ascii_digit() || (b'a'..=b'f').contains(&b);
    if build.len() != 12 || !build.bytes().all(hex) {
        return Err("build must be 12 lowercase hex digits".into());
    }
    Ok(())
}

/// The words of a text as (folded term, lowercase composed form): runs of
/// letters or of digits, a run ending where letters meet digits; each cut
/// to [`MAX_TERM_CHARS`]. The second form is `None` when it equals the
/// folded one (no diacritics).
pub fn terms(text: &str) -> Vec<(String, Option<String>)> {
    spans(text)
        .into_iter()
        .map(|(a, b)| {
            let lower = lowercase_nfc(&text[a..b]);
            let lower: String = lower.chars().take(MAX_TERM_CHARS).collect();
            let folded = fold(&lower);
            let exact = (lower != folded).then_some(lower);
            (folded, exact)
        })
        .collect()
}

/// Fewer words than this make no title key: a query that short is not a
/// title typed whole, and its words rank it well enough.
pub const TITLE_KEY_MIN_WORDS: usize = 3;

/// The key term of a title typed whole (format doc §7.8, "Whole titles
/// and numbers"): `#` and the 12 low hex digits of the FNV-1a hash of its
/// folded terms joined by single spaces. A headline pasted into the search
/// box then finds its own story first even when its words are common ones
/// that a query leaves out. `None` for fewer than
/// [`TITLE_KEY_MIN_WORDS`] words.
pub fn title_key(text: &str) -> Option<String> {
    let words: Vec<String> = terms(text).into_iter().map(|(folded, _)| folded).collect();
    (words.len() >= TITLE_KEY_MIN_WORDS).then(|| {
        format!(
            "#{:012x}",
            fnv(words.join(" ").as_bytes(), FNV_SEED) & 0xffff_ffff_ffff
        )
    })
}

/// The key term of a document number typed whole: its folded terms run
/// together, cut to [`MAX_TERM_CHARS`] ("112-HD/BTGTU", "112 hd btgtu" →
/// `112hdbtgtu`). Only for text that holds both digits and letters, in
/// more than one term: "05-QĐ/TU" then ranks 05-QĐ/TU above 05-QĐ/TW,
/// though "tu" alone is too common to match on.
pub fn number_key(text: &str) -> Option<String> {
    let words: Vec<String> = terms(text).into_iter().map(|(folded, _)| folded).collect();
    let digits = words.iter().any(|w| w.chars().all(|c| c.is_ascii_digit()));
    let letters = words.iter().any(|w| !w.chars().all(|c| c.is_ascii_digit()));
    (words.len() >= 2 && digits && letters)
        .then(|| words.concat().chars().take(MAX_TERM_CHARS).collect())
}

/// Byte ranges of the words of `text` (see [`terms`]): combining marks
/// stay with their letter.
pub fn spans(text: &str) -> Vec<(usize, usize)> {
    #[derive(PartialEq, Clone, Copy)]
    enum Class {
        Letter,
        Digit,
    }
    let mut out = Vec::new();
    let mut start: Option<(usize, Class)> = None;
    for (i, c) in text.char_indices() {
        let class = if c.is_numeric() {
            Some(Class::Digit)
        } else if c.is_alphabetic() {
            Some(Class::Letter)
        } else if crate::text::is_combining(c) && start.is_some() {
            continue;
        } else {
            None
        };
        match (start, class) {
            (Some((s, prev)), Some(now)) if prev != now => {
                out.push((s, i));
                start = Some((i, now));
            }
            (Some(_), Some(_)) => {}
            (Some((s, _)), None) => {
                out.push((s, i));
                start = None;
            }
            (None, Some(now)) => start = Some((i, now)),
            (None, None) => {}
        }
    }
    if let Some((s, _)) = start {
        out.push((s, text.len()));
    }
    out
}

/// FNV-1a, 64 bits: part names and the build stamp.
pub(crate) fn fnv(bytes: &[u8], seed: u64) -> u64 {
    let mut h = seed;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

pub(crate) const FNV_SEED: u64 = 0xcbf2_9ce4_8422_2325;

// ---------------------------------------------------------------- the root

/// `search/index.json`.
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
    /// How many records: ids are 0..records.
    pub records: u32,
    /// Records per record part (the last may hold fewer).
    pub record_part_size: u32,
    /// What records are: (kind, category) pairs, each once.
    pub sections: Vec<Section>,
    /// Runs of consecutive records of one section and year, in id order,
    /// together covering 0..records.
    pub groups: Vec<Group>,
    /// Where each term part begins, in increasing order; the first is "".
    /// Part k holds the terms from `term_parts[k]` (inclusive) to
    /// `term_parts[k + 1]` (exclusive), common terms apart.
    pub term_parts: Vec<String>,
    /// Common terms (held by many records) with their counts, in order of
    /// the term: each has a part of its own, `c{i}`. A query with other
    /// words leaves them out (not fetched).
    pub common: Vec<Common>,
    /// How many documents hold each common term (beside `common`, in its
    /// order): term i's documents alone are in `d{i}`, when there are any.
    /// Empty (an older writer): no such parts.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub common_documents: Vec<u32>,
    /// [`LIBRARY_ORDER`]: a year's documents of one type are numbered in
    /// the library's order (format doc §7.9), as this writer does. Absent
    /// (an older writer): newest first, the same day by id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub document_order: Option<String>,
    /// The first id of each group (worked out when read).
    #[serde(skip)]
    pub(crate) starts: Vec<u32>,
}

/// A common term and how many records hold it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Common(pub String, pub u32);

/// A term part: one of a range of terms, a common term's own, or a common
/// term's postings of documents alone.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum TermPartId {
    Range(usize),
    Common(usize),
    Documents(usize),
}

/// A kind of record and a category: an article's category id, a
/// document's type ("Hướng dẫn"); "" for calendar entries.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Section(pub Kind, pub String);

/// A run of records of one year and section, newest first: (year, index
/// in [`Root::sections`], how many).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Group(pub i32, pub u32, pub u32);

/// The first id of each group.
pub(crate) fn groups_starts(groups: &[Group]) -> Vec<u32> {
    groups
        .iter()
        .scan(0u32, |next, g| {
            let first = *next;
            *next = next.saturating_add(g.2);
            Some(first)
        })
        .collect()
}

/// What the root says of one record without its record part.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Place<'a> {
    pub kind: Kind,
    pub category: &'a str,
    pub year: i32,
}

impl Root {
    /// Reads and checks a root: `Err` for another version or kind, and for
    /// groups or parts that do not add up.
    pub fn parse(text: &str) -> Result<Root, PartError> {
        let e = |m: String| bad(ROOT_FILE, m);
        let v = root_value(text, ROOT_FILE, ROOT_KIND, VERSION)?;
        let root = <Root as crate::read::FromValue>::from_value(v).map_err(e)?;
        check_stamp(&root.format_version, &root.build).map_err(e)?;
        let mut root = root;
        let mut next = 0u32;
        for (i, &Group(_, section, count)) in root.groups.iter().enumerate() {
            if section as usize >= root.sections.len() || count == 0 {
                return Err(e(format!(
                    "groups[{i}] must name a section and hold records"
                )));
            }
            next = next.saturating_add(count);
        }
        root.starts = groups_starts(&root.groups);
        if next != root.records {
            return Err(e(format!(
                "the groups hold {next} records, not {}",
                root.records
            )));
        }
        let mut sections = root.sections.clone();
        sections.sort();
        sections.dedup();
        if sections.len() != root.sections.len() {
            return Err(e("sections must be distinct".into()));
        }
        if root.record_part_size == 0 {
            return Err(e("record_part_size must be above 0".into()));
        }
        if root
            .document_order
            .as_deref()
            .is_some_and(|o| o != LIBRARY_ORDER)
        {
            return Err(e(format!(
                "document_order must be \"{LIBRARY_ORDER}\" when present"
            )));
        }
        if root.term_parts.first().map(String::as_str) != Some("")
            || root.term_parts.windows(2).any(|w| w[0] >= w[1])
        {
            return Err(e(
                "term_parts must start with \"\" and be in increasing order".into(),
            ));
        }
        if root.common.windows(2).any(|w| w[0].0 >= w[1].0)
            || root
                .common
                .iter()
                .any(|c| c.1 == 0 || c.0.is_empty() || fold(&c.0) != c.0)
        {
            return Err(e(
                "common must list folded terms in increasing order, each with a count".into(),
            ));
        }
        if !root.common_documents.is_empty()
            && (root.common_documents.len() != root.common.len()
                || root
                    .common_documents
                    .iter()
                    .zip(&root.common)
                    .any(|(&d, c)| d > c.1))
        {
            return Err(e(
                "common_documents must give a count for each common term, at most its count".into(),
            ));
        }
        Ok(root)
    }

    /// How many record parts there are.
    pub fn record_parts(&self) -> u32 {
        self.records.div_ceil(self.record_part_size)
    }

    /// The path of a term part in the feed directory.
    pub fn term_path(&self, id: TermPartId) -> String {
        match id {
            TermPartId::Range(k) => format!("{DIR}{}/t{k}.json", self.build),
            TermPartId::Common(i) => format!("{DIR}{}/c{i}.json", self.build),
            TermPartId::Documents(i) => format!("{DIR}{}/d{i}.json", self.build),
        }
    }

    /// Every term part.
    pub fn term_part_ids(&self) -> impl Iterator<Item = TermPartId> + '_ {
        (0..self.term_parts.len())
            .map(TermPartId::Range)
            .chain((0..self.common.len()).map(TermPartId::Common))
            .chain(
                self.common_documents
                    .iter()
                    .enumerate()
                    .filter(|(_, &n)| n > 0)
                    .map(|(i, _)| TermPartId::Documents(i)),
            )
    }

    /// Whether the root names part `id`.
    pub fn has_term_part(&self, id: TermPartId) -> bool {
        match id {
            TermPartId::Range(k) => k < self.term_parts.len(),
            TermPartId::Common(i) => i < self.common.len(),
            TermPartId::Documents(i) => self.common_documents.get(i).is_some_and(|&n| n > 0),
        }
    }

    /// The part that holds `term` (were it indexed).
    pub fn term_part_for(&self, term: &str) -> TermPartId {
        match self.common.binary_search_by(|c| c.0.as_str().cmp(term)) {
            Ok(i) => TermPartId::Common(i),
            Err(_) => TermPartId::Range(self.term_part_of(term)),
        }
    }

    /// The path of record part `k` in the feed directory.
    pub fn record_path(&self, k: u32) -> String {
        format!("{DIR}{}/r{k}.json", self.build)
    }

    /// Every part the root names.
    pub fn part_paths(&self) -> Vec<String> {
        self.term_part_ids()
            .map(|id| self.term_path(id))
            .chain((0..self.record_parts()).map(|k| self.record_path(k)))
            .collect()
    }

    /// The range part whose terms would hold `term`.
    pub fn term_part_of(&self, term: &str) -> usize {
        self.term_parts
            .partition_point(|first| first.as_str() <= term)
            .saturating_sub(1)
    }

    /// The kind, category and year of record `id`.
    /// The group of record `id` (its index in [`Root::groups`]) and the
    /// record's place in that run (0 for its first record).
    pub fn group_of(&self, id: u32) -> Option<(usize, u32)> {
        if id >= self.records {
            return None;
        }
        let i = self
            .starts
            .partition_point(|&first| first <= id)
            .checked_sub(1)?;
        Some((i, id - self.starts[i]))
    }

    pub fn place_of(&self, id: u32) -> Option<Place<'_>> {
        if id >= self.records {
            return None;
        }
        let i = self.starts.partition_point(|&first| first <= id);
        let Group(year, section, _) = *self.groups.get(i.checked_sub(1)?)?;
        let Section(kind, category) = self.sections.get(section as usize)?;
        Some(Place {
            kind: *kind,
            category,
            year,
        })
    }
}

// -------------------------------------------------------------- term parts

/// Field weights a posting list stands for: the title (a document's number
/// and summary, an entry's content), the other short fields, the body.
pub const TIERS: usize = 3;

/// One term of a term part, its postings decoded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Term {
    pub term: String,
    /// How many records hold it (in any field).
    pub count: u32,
    /// Ids per tier, ascending; a record is listed in its best tier only.
    pub tiers: [Vec<u32>; TIERS],
    /// Lowercase composed forms with diacritics → ids of the records whose
    /// title or short fields hold the word in that form.
    pub forms: BTreeMap<String, Vec<u32>>,
}

/// `search/{build}/t{k}.json`, `c{i}.json` or `d{i}.json`, decoded and
/// checked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TermPart {
    pub part: TermPartId,
    /// In increasing order of `term`.
    pub terms: Vec<Term>,
}

impl TermPart {
    /// Reads a term part of `root`; `Err` for anything that does not fit
    /// (another build, terms out of the part's range or order, a common
    /// term in a range part, postings that do not decode or name no
    /// record).
    pub fn parse(root: &Root, id: TermPartId, text: &str) -> Result<TermPart, PartError> {
        let path = root.term_path(id);
        let e = |m: String| bad(&path, m);
        let v: serde_json::Value =
            serde_json::from_str(text).map_err(|x| e(format!("not JSON: {x}")))?;
        let (TermPartId::Range(k) | TermPartId::Common(k) | TermPartId::Documents(k)) = id;
        head(&v, TERMS_KIND, root, k as u64).map_err(e)?;
        let items = v
            .get("terms")
            .and_then(|t| t.as_array())
            .ok_or_else(|| e("terms must be an array".into()))?;
        let fits = |t: &Term| match id {
            TermPartId::Range(k) => {
                let low = root.term_parts.get(k).map_or("", String::as_str);
                let high = root.term_parts.get(k + 1);
                t.term.as_str() >= low
                    && high.is_none_or(|h| t.term.as_str() < h.as_str())
                    && root.term_part_for(&t.term) == id
            }
            TermPartId::Common(i) => {
                items.len() == 1
                    && root
                        .common
                        .get(i)
                        .is_some_and(|c| c.0 == t.term && c.1 == t.count)
            }
            TermPartId::Documents(i) => {
                items.len() == 1
                    && root.common.get(i).is_some_and(|c| c.0 == t.term)
                    && root.common_documents.get(i) == Some(&t.count)
                    && t.tiers
                        .iter()
                        .flatten()
                        .all(|&id| root.place_of(id).is_some_and(|p| p.kind == Kind::Document))
            }
        };
        if !root.has_term_part(id) {
            return Err(e("no such part".into()));
        }
        let mut terms: Vec<Term> = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            let t = term_of(item, root.records).map_err(|m| e(format!("terms[{i}]: {m}")))?;
            let ordered = terms.last().is_none_or(|p| p.term < t.term);
            if !fits(&t) || !ordered {
                return Err(e(format!(
                    "terms[{i}]: \"{}\" is out of order or outside the part",
                    t.term
                )));
            }
            terms.push(t);
        }
        if terms.is_empty() && !matches!(id, TermPartId::Range(_)) {
            return Err(e("a common term's part must hold it".into()));
        }
        Ok(TermPart { part: id, terms })
    }

    /// The term, if this part holds it.
    pub fn get(&self, term: &str) -> Option<&Term> {
        self.terms
            .binary_search_by(|t| t.term.as_str().cmp(term))
            .ok()
            .map(|i| &self.terms[i])
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

/// `[term, count, title ids, short-field ids, body ids, {form: ids}?]`.
fn term_of(v: &serde_json::Value, records: u32) -> Result<Term, String> {
    let a = v.as_array().ok_or("must be an array")?;
    if !(5..=6).contains(&a.len()) {
        return Err("must have 5 or 6 items".into());
    }
    let term = a[0]
        .as_str()
        .ok_or("the term must be a string")?
        .to_string();
    if term.is_empty() || fold(&term) != term {
        return Err(format!("\"{term}\" is not a folded term"));
    }
    let count = a[1]
        .as_u64()
        .and_then(|n| u32::try_from(n).ok())
        .ok_or("the count must be a whole number")?;
    let ids = |x: &serde_json::Value| -> Result<Vec<u32>, String> {
        decode_ids(x.as_str().ok_or("postings must be strings")?, records)
    };
    let tiers = [ids(&a[2])?, ids(&a[3])?, ids(&a[4])?];
    let listed = tiers.iter().map(Vec::len).sum::<usize>();
    // The title and short fields' tiers, as one (a form lists from them).
    let short = merged(&tiers[0], &tiers[1]);
    let twice = short.len() != tiers[0].len() + tiers[1].len() || shared(&short, &tiers[2]);
    if twice || listed as u32 != count || count == 0 {
        return Err(format!(
            "count {count} is not the number of records listed once ({listed}{})",
            if twice { ", one of them twice" } else { "" }
        ));
    }
    let mut forms = BTreeMap::new();
    if let Some(f) = a.get(5) {
        let f = f.as_object().ok_or("forms must be an object")?;
        for (form, x) in f {
            if fold(form) != term || form == &term {
                return Err(format!("\"{form}\" is not a form of \"{term}\""));
            }
            let text = x.as_str().ok_or("postings must be strings")?;
            let listed = decode_ids(text.strip_prefix('~').unwrap_or(text), records)?;
            if listed.iter().any(|id| short.binary_search(id).is_err()) {
                return Err(format!(
                    "\"{form}\" lists records without the term in a title or short field"
                ));
            }
            let list: Vec<u32> = if text.starts_with('~') {
                short
                    .iter()
                    .copied()
                    .filter(|id| listed.binary_search(id).is_err())
                    .collect()
            } else {
                listed
            };
            if list.is_empty() {
                return Err(format!("\"{form}\" lists no record"));
            }
            forms.insert(form.clone(), list);
        }
    }
    Ok(Term {
        term,
        count,
        tiers,
        forms,
    })
}

/// Two ascending lists as one, an id in both once. A common word's part
/// holds tens of thousands of ids: merging is linear, where sorting them
/// all again was most of reading the part on a slow phone.
fn merged(a: &[u32], b: &[u32]) -> Vec<u32> {
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        let (x, y) = (a[i], b[j]);
        out.push(x.min(y));
        i += usize::from(x <= y);
        j += usize::from(y <= x);
    }
    out.extend_from_slice(&a[i..]);
    out.extend_from_slice(&b[j..]);
    out
}

/// Whether two ascending lists have an id in common.
fn shared(a: &[u32], b: &[u32]) -> bool {
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => return true,
        }
    }
    false
}

// ------------------------------------------------------------ record parts

/// What a result row shows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Record {
    pub kind: Kind,
    /// An article's slug, a document's id, an entry's id.
    pub key: String,
    /// An article's title, a document's summary (trích yếu), an entry's
    /// content.
    pub title: String,
    /// The day ("2026-11-23"): published, issued, or the entry's first day.
    pub date: String,
    /// As [`Section`]'s category.
    pub category: String,
    /// The text a snippet is cut from (at most [`SNIPPET_CHARS`]
    /// characters): a sapo, a document's type and issuer, an entry's
    /// place and chair; may be "".
    pub text: String,
    /// A document's number ("112-HD/BTGTU").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<String>,
    /// An entry's week ("2026-W48").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub week: Option<String>,
}

/// `search/{build}/r{k}.json`, checked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecordPart {
    pub part: u32,
    pub records: Vec<Record>,
}

impl RecordPart {
    /// Reads record part `k` of `root`: `Err` unless it holds exactly the
    /// records the root puts there, each of its group's kind.
    pub fn parse(root: &Root, k: u32, text: &str) -> Result<RecordPart, PartError> {
        let path = root.record_path(k);
        let e = |m: String| bad(&path, m);
        let v: serde_json::Value =
            serde_json::from_str(text).map_err(|x| e(format!("not JSON: {x}")))?;
        head(&v, RECORDS_KIND, root, u64::from(k)).map_err(e)?;
        let records = <Vec<Record> as crate::read::FromValue>::from_value(
            v.get("records")
                .cloned()
                .ok_or_else(|| e("records is missing".into()))?,
        )
        .map_err(|x| e(format!("records: {x}")))?;
        let first = k.saturating_mul(root.record_part_size);
        let expected = root
            .records
            .saturating_sub(first)
            .min(root.record_part_size);
        if k >= root.record_parts() || records.len() as u32 != expected {
            return Err(e(format!(
                "holds {} records; the root puts {expected} here",
                records.len()
            )));
        }
        for (i, r) in records.iter().enumerate() {
            if r.key.is_empty()
                || crate::datetime::Date::parse(&r.date).is_none()
                || r.week
                    .as_deref()
                    .is_some_and(|w| crate::datetime::IsoWeek::parse(w).is_none())
            {
                return Err(e(format!(
                    "records[{i}]: a key, a date YYYY-MM-DD and a week YYYY-Www are needed"
                )));
            }
            let place = root.place_of(first + i as u32);
            let year = r.date.get(..4).and_then(|y| y.parse::<i32>().ok());
            if place.is_none_or(|g| {
                g.kind != r.kind || g.category != r.category || Some(g.year) != year
            }) {
                return Err(e(format!(
                    "records[{i}] is not of its group's kind, category and year"
                )));
            }
        }
        Ok(RecordPart { part: k, records })
    }
}

// The app's readers of the root and its records, written out as
// `crate::read` writes the feed's (the feed tool keeps serde's).
crate::read::names!(Kind {
    "article" => Kind::Article,
    "document" => Kind::Document,
    "entry" => Kind::Entry,
});
crate::read::tuple!(Common(String, u32));
crate::read::tuple!(Section(Kind, String));
crate::read::tuple!(Group(i32, u32, u32));

// `starts` is worked out by `Root::parse` from the groups.
crate::read::fields!(Root {
    format_version: need,
    kind: need,
    version: need,
    generated_at: need,
    build: need,
    records: need,
    record_part_size: need,
    sections: need,
    groups: need,
    term_parts: need,
    common: need,
    common_documents: default,
    document_order: default,
    starts: skip,
});

crate::read::fields!(Record {
    kind: need,
    key: need,
    title: need,
    date: need,
    category: need,
    text: need,
    number: default,
    week: default,
});
