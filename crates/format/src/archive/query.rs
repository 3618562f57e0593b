//! Runs a query on the parts at hand. The caller (the app) keeps the parts
//! it has fetched in a [`Store`] and calls [`search`]; the outcome's
//! `missing` lists the parts the query still needs (term parts first; once
//! they are all there, the record parts of the page). The caller fetches
//! them and calls again, or, offline, shows what came back: hits that need
//! a missing part are left out and `missing` says which parts those are.
//!
//! Scoring: every word must match (AND). A word scores by the best field
//! holding it: title 10, short fields 4, body 2 (a completed prefix 6, 2,
//! 1), plus 1 when the title or a short field holds it with the
//! diacritics it was typed with ("đảng" ranks "Đảng ủy" above "đăng ký").
//! Ties go to the newer record. Common words (the root's `common`) are
//! left out when the query has a whole word that is not common (else
//! the rarest [`COMMON_KEPT`] of them match, beside a word being typed). A title or a document number
//! typed whole also looks up its key term ([`super::title_key`],
//! [`super::number_key`]): the records holding it gain [`KEY`], so the
//! headline or number as typed comes first even when its distinguishing
//! words were too common to match on. The document library asks for
//! documents alone ([`Query::kind_only`]: a common word's documents part)
//! and keeps a number typed whole to its own documents
//! ([`Query::number_exact`]).

use std::collections::{BTreeMap, HashMap};

use super::{
    number_key, spans, terms, title_key, Group, Kind, PartError, Place, Record, RecordPart, Root,
    Section, Term, TermPart, TermPartId,
};
use crate::text::fold;

/// Weights of a whole word, by tier, and of a prefix completion.
const WHOLE: [u32; 3] = [10, 4, 2];
const PREFIX: [u32; 3] = [6, 2, 1];
/// Same diacritics as typed, in a title or a short field.
const EXACT: u32 = 1;
/// A record whose title or number was typed whole (its key term).
pub const KEY: u32 = 20;
/// The most terms a prefix completes to (the most frequent).
pub const PREFIX_TERMS: usize = 24;
/// The most range parts a prefix reads.
pub const PREFIX_PARTS: usize = 2;
/// The most common terms a prefix completes to.
pub const PREFIX_COMMON: usize = 1;
/// A query made only of common words matches on the rarest few of them.
pub const COMMON_KEPT: usize = 2;
/// A prefix shorter than this is matched as a whole word only.
pub const PREFIX_MIN_CHARS: usize = 2;

/// What to look for.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Query {
    pub text: String,
    /// The last word is being typed: it also matches as a prefix.
    pub prefix: bool,
    pub kind: Option<Kind>,
    /// An article's category id or a document's type.
    pub category: Option<String>,
    pub year: Option<i32>,
    /// 0-based.
    pub page: usize,
    /// Hits per page (10 when 0).
    pub per_page: usize,
    /// Only `kind`'s hits are wanted, and no count of the other kinds (the
    /// library's text filter): for documents, a common word then reads
    /// its postings of documents alone (`d{i}`, where the index has them),
    /// and the rarest common words are the rarest among documents.
    pub kind_only: bool,
    /// A document number typed whole matches the records that have that
    /// number (or one it begins, while typed) and no others, when some
    /// have it: the library's "số ký hiệu" box, where "46-HD/BTGTU" is
    /// that number, not documents with 46 and BTGTU anywhere.
    pub number_exact: bool,
}

impl Query {
    /// Whether the common words read their documents' parts
    /// ([`Query::kind_only`]).
    fn documents_alone(&self, root: &Root) -> bool {
        self.kind_only && self.kind == Some(Kind::Document) && !root.common_documents.is_empty()
    }

    /// Hits per page: `per_page`, or 10 when it is 0.
    pub fn page_size(&self) -> usize {
        if self.per_page == 0 {
            10
        } else {
            self.per_page
        }
    }
}

/// One result row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hit {
    pub id: u32,
    pub score: u32,
    pub record: Record,
    /// Byte ranges of `record.title` and of `record.text` that match a
    /// query word.
    pub title_marks: Vec<(usize, usize)>,
    pub text_marks: Vec<(usize, usize)>,
}

/// Hits per kind, category and year, before the filters of those same
/// facets apply (each facet counts with the other filters on).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Facets {
    pub kinds: BTreeMap<Kind, usize>,
    pub categories: BTreeMap<String, usize>,
    pub years: BTreeMap<i32, usize>,
}

/// What [`search`] found.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Outcome {
    /// The page's hits that could be shown, best first.
    pub hits: Vec<Hit>,
    /// Hits in all (with the filters).
    pub total: usize,
    pub pages: usize,
    pub facets: Facets,
    /// Parts (paths in the feed directory) the query needs and the store
    /// lacks. Empty: the outcome is complete.
    pub missing: Vec<String>,
    /// Common words left out of the match.
    pub skipped: Vec<String>,
}

/// Where [`search`] gets parts.
pub trait Parts {
    fn term_part(&self, id: TermPartId) -> Option<&TermPart>;
    fn record_part(&self, k: u32) -> Option<&RecordPart>;
}

/// The parts fetched so far, checked against one root.
#[derive(Clone, Debug)]
pub struct Store {
    pub root: Root,
    terms: HashMap<TermPartId, TermPart>,
    records: HashMap<u32, RecordPart>,
}

impl Store {
    pub fn new(root: Root) -> Store {
        Store {
            root,
            terms: HashMap::new(),
            records: HashMap::new(),
        }
    }

    /// Adds a fetched part by its path; `Err` when the path is not one of
    /// the root's parts or the text is not that part (it is not kept).
    pub fn insert(&mut self, path: &str, text: &str) -> Result<(), PartError> {
        let prefix = format!("{}{}/", super::DIR, self.root.build);
        let name = path
            .strip_prefix(&prefix)
            .and_then(|n| n.strip_suffix(".json"));
        let unknown = || super::bad(path, "not a part of this index");
        match name.and_then(|n| Some((n.get(..1)?, n.get(1..)?))) {
            Some((c @ ("t" | "c" | "d"), k)) => {
                let k: usize = k.parse().map_err(|_| unknown())?;
                let id = match c {
                    "t" => TermPartId::Range(k),
                    "c" => TermPartId::Common(k),
                    _ => TermPartId::Documents(k),
                };
                if !self.root.has_term_part(id) || self.root.term_path(id) != path {
                    return Err(unknown());
                }
                let part = TermPart::parse(&self.root, id, text)?;
                self.terms.insert(id, part);
            }
            Some(("r", k)) => {
                let k: u32 = k.parse().map_err(|_| unknown())?;
                if k >= self.root.record_parts() || self.root.record_path(k) != path {
                    return Err(unknown());
                }
                let part = RecordPart::parse(&self.root, k, text)?;
                self.records.insert(k, part);
            }
            _ => return Err(unknown()),
        }
        Ok(())
    }

    /// Whether the store holds the part at `path`.
    pub fn has(&self, path: &str) -> bool {
        self.terms.keys().any(|&id| self.root.term_path(id) == path)
            || self
                .records
                .keys()
                .any(|&k| self.root.record_path(k) == path)
    }
}

impl Parts for Store {
    fn term_part(&self, id: TermPartId) -> Option<&TermPart> {
        self.terms.get(&id)
    }
    fn record_part(&self, k: u32) -> Option<&RecordPart> {
        self.records.get(&k)
    }
}

/// A query word.
struct Word {
    folded: String,
    exact: Option<String>,
    prefix: bool,
    /// A key term: it ranks the records holding it, it does not match.
    key: bool,
    /// The key term of a document number ([`number_key`]).
    number: bool,
}

fn words(q: &Query) -> Vec<Word> {
    let mut out: Vec<Word> = Vec::new();
    let all = terms(&q.text);
    let n = all.len();
    // A query that ends in a letter or digit is still being typed there.
    let typing = q.prefix && q.text.trim_end().len() == q.text.len();
    for (i, (folded, exact)) in all.into_iter().enumerate() {
        let prefix = typing && i + 1 == n && folded.chars().count() >= PREFIX_MIN_CHARS;
        if let Some(same) = out.iter_mut().find(|w| w.folded == folded) {
            same.prefix &= prefix;
            continue;
        }
        out.push(Word {
            folded,
            exact,
            prefix,
            key: false,
            number: false,
        });
    }
    // A number's key completes while it is typed, like its last word.
    let last_prefix = out.last().is_some_and(|w| w.prefix);
    let keys = [
        (title_key(&q.text), false, false),
        (number_key(&q.text), last_prefix, true),
    ];
    for (folded, prefix, number) in keys {
        if let Some(folded) = folded {
            out.push(Word {
                folded,
                exact: None,
                prefix,
                key: true,
                number,
            });
        }
    }
    out
}

/// How many of the records a query can match hold common term `i`: all,
/// or its documents alone ([`Query::kind_only`]).
fn common_count(root: &Root, i: usize, documents: bool) -> u32 {
    if documents {
        root.common_documents.get(i).copied().unwrap_or(0)
    } else {
        root.common.get(i).map_or(0, |c| c.1)
    }
}

/// The term parts a word reads: its own; for a prefix, the range parts
/// its completions fall in and the parts of the most frequent common
/// terms it begins. `documents`: a common term's documents part instead
/// of its own (none when no document holds it).
fn parts_of(root: &Root, w: &Word, documents: bool) -> Vec<TermPartId> {
    let common = |i: usize| -> Option<TermPartId> {
        if !documents {
            Some(TermPartId::Common(i))
        } else {
            (common_count(root, i, true) > 0).then_some(TermPartId::Documents(i))
        }
    };
    let mut out: Vec<TermPartId> = match root.term_part_for(&w.folded) {
        TermPartId::Common(i) => common(i).into_iter().collect(),
        own => vec![own],
    };
    if !w.prefix {
        return out;
    }
    let first = root.term_part_of(&w.folded);
    let mut k = first;
    out.push(TermPartId::Range(k));
    while k + 1 - first < PREFIX_PARTS
        && root
            .term_parts
            .get(k + 1)
            .is_some_and(|t| t.starts_with(w.folded.as_str()))
    {
        k += 1;
        out.push(TermPartId::Range(k));
    }
    let mut completions: Vec<(usize, u32)> = root
        .common
        .iter()
        .enumerate()
        .filter(|(_, c)| c.0.starts_with(w.folded.as_str()) && c.0 != w.folded)
        .map(|(i, _)| (i, common_count(root, i, documents)))
        .filter(|&(_, n)| n > 0)
        .collect();
    completions.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    out.extend(
        completions
            .into_iter()
            .take(PREFIX_COMMON)
            .filter_map(|(i, _)| common(i)),
    );
    out.sort();
    out.dedup();
    out
}

/// Scores of one word: (id, score), ascending ids; `None` when none of
/// its parts is at hand.
fn word_scores(
    root: &Root,
    parts: &dyn Parts,
    w: &Word,
    documents: bool,
    missing: &mut Vec<String>,
) -> Option<Vec<(u32, u32)>> {
    let mut matched: Vec<(&Term, bool)> = Vec::new();
    let mut any_missing = false;
    let mut completions: Vec<&Term> = Vec::new();
    for id in parts_of(root, w, documents) {
        let Some(part) = parts.term_part(id) else {
            missing.push(root.term_path(id));
            any_missing = true;
            continue;
        };
        if let Some(t) = part.get(&w.folded) {
            matched.push((t, false));
        }
        if w.prefix {
            let from = part
                .terms
                .partition_point(|t| t.term.as_str() <= w.folded.as_str());
            completions.extend(
                part.terms[from..]
                    .iter()
                    .take_while(|t| t.term.starts_with(&w.folded)),
            );
        }
    }
    if any_missing && matched.is_empty() && completions.is_empty() {
        return None;
    }
    completions.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.term.cmp(&b.term)));
    matched.extend(
        completions
            .into_iter()
            .take(PREFIX_TERMS)
            .map(|t| (t, true)),
    );
    // Each id once with its best weight, plus EXACT when written as typed.
    let listings: usize = matched
        .iter()
        .map(|(t, _)| t.tiers.iter().map(Vec::len).sum::<usize>())
        .sum();
    let out = if listings.saturating_mul(DENSE_RATIO) >= root.records as usize {
        dense_scores(root.records, &matched, w)
    } else {
        sparse_scores(&matched, w)
    };
    Some(out)
}

/// Whether a form of a matched term is the word as typed.
fn as_typed(w: &Word, form: &str) -> bool {
    match &w.exact {
        Some(exact) if w.prefix => form.starts_with(exact.as_str()),
        Some(exact) => form == exact,
        None => false,
    }
}

/// A word matching this share of the records or more is scored in an
/// array over every id (one pass, no sorting): the words that match
/// thousands of records are what a warm query spends its time on.
const DENSE_RATIO: usize = 16;

/// [`word_scores`]' result by sorting the listings: for rare words.
fn sparse_scores(matched: &[(&Term, bool)], w: &Word) -> Vec<(u32, u32)> {
    let mut listed: Vec<(u32, u32)> = Vec::new();
    let mut typed: Vec<u32> = Vec::new();
    for &(t, completed) in matched {
        let weights = if completed { PREFIX } else { WHOLE };
        for (tier, ids) in t.tiers.iter().enumerate() {
            listed.extend(ids.iter().map(|&id| (id, weights[tier])));
        }
        for (form, ids) in &t.forms {
            if as_typed(w, form) {
                typed.extend(ids.iter().copied());
            }
        }
    }
    listed.sort_unstable();
    typed.sort_unstable();
    let mut out: Vec<(u32, u32)> = Vec::with_capacity(listed.len());
    for (id, weight) in listed {
        match out.last_mut() {
            // Sorted by weight within an id: the last is the best.
            Some(last) if last.0 == id => last.1 = weight,
            _ => out.push((id, weight)),
        }
    }
    for (id, score) in &mut out {
        if typed.binary_search(id).is_ok() {
            *score += EXACT;
        }
    }
    out
}

/// [`word_scores`]' result through an array over the ids 0..records: for
/// common words. Ids past `records` are not records and are left out.
fn dense_scores(records: u32, matched: &[(&Term, bool)], w: &Word) -> Vec<(u32, u32)> {
    const TYPED: u32 = 1 << 31;
    let mut best = vec![0u32; records as usize];
    for &(t, completed) in matched {
        let weights = if completed { PREFIX } else { WHOLE };
        for (tier, ids) in t.tiers.iter().enumerate() {
            for &id in ids {
                if let Some(b) = best.get_mut(id as usize) {
                    *b = (*b & TYPED) | (*b & !TYPED).max(weights[tier]);
                }
            }
        }
        for (form, ids) in &t.forms {
            if as_typed(w, form) {
                for &id in ids {
                    if let Some(b) = best.get_mut(id as usize) {
                        *b |= TYPED;
                    }
                }
            }
        }
    }
    best.iter()
        .enumerate()
        .filter(|(_, &b)| b & !TYPED > 0)
        .map(|(id, &b)| {
            let exact = if b & TYPED != 0 { EXACT } else { 0 };
            (id as u32, (b & !TYPED) + exact)
        })
        .collect()
}

/// Every hit of a query, best first, before paging.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Ranking {
    /// (id, score), best first; ties: the lower id (the newer record).
    pub hits: Vec<(u32, u32)>,
    pub facets: Facets,
    /// Term parts the query needs and the store lacks.
    pub missing: Vec<String>,
    /// Common words left out of the match.
    pub skipped: Vec<String>,
}

/// Ranks every record that matches `q` and its filters, with the term
/// parts at hand (a word whose part is missing is left out of the match,
/// and the part is listed in `missing`).
pub fn rank(root: &Root, parts: &dyn Parts, q: &Query) -> Ranking {
    let mut ranking = filtered(root, q, &matched(root, parts, q));
    ranking.hits.sort_unstable_by(best_first);
    ranking
}

/// What a query's words match, before its filters: shared by the queries
/// of one text ([`search_all`]).
struct Matched {
    words: Vec<Word>,
    /// (id, score), ascending ids.
    hits: Vec<(u32, u32)>,
    missing: Vec<String>,
    skipped: Vec<String>,
}

fn matched(root: &Root, parts: &dyn Parts, q: &Query) -> Matched {
    let all_words = words(q);
    let mut ranking = Ranking::default();
    let (keys, mut words): (Vec<&Word>, Vec<&Word>) = all_words.iter().partition(|w| w.key);
    let documents = q.documents_alone(root);
    // A common word is left out when a word that is not common is there;
    // when all are common, all but the rarest few. A word being typed does
    // not count as one that is not common: "tuyen gi" keeps "tuyen".
    let count_of = |w: &&Word| {
        root.common
            .binary_search_by(|c| c.0.as_str().cmp(&w.folded))
            .ok()
            .map(|i| common_count(root, i, documents))
    };
    let keep: Vec<&Word> = if words.iter().any(|w| !w.prefix && count_of(w).is_none()) {
        words
            .iter()
            .copied()
            .filter(|w| w.prefix || count_of(w).is_none())
            .collect()
    } else {
        let (mut keep, mut common): (Vec<&Word>, Vec<&Word>) = words.iter().partition(|w| w.prefix);
        common.sort_by_key(|w| count_of(w));
        keep.extend(common.into_iter().take(COMMON_KEPT));
        keep
    };
    ranking.skipped = words
        .iter()
        .filter(|w| !keep.iter().any(|k| std::ptr::eq(*k, **w)))
        .map(|w| w.folded.clone())
        .collect();
    words = keep;

    // The key terms' parts are asked for with the words' (one round of
    // fetching, not two), though they only rank what the words match.
    let held: Vec<(bool, Vec<(u32, u32)>)> = keys
        .iter()
        .filter_map(|k| {
            let scores = word_scores(root, parts, k, documents, &mut ranking.missing)?;
            Some((k.number, scores))
        })
        .collect();
    // AND over the words whose parts are here.
    let mut hits: Option<Vec<(u32, u32)>> = None;
    for w in &words {
        let Some(scores) = word_scores(root, parts, w, documents, &mut ranking.missing) else {
            continue;
        };
        hits = Some(match hits {
            None => scores,
            Some(so_far) => {
                let mut out = Vec::with_capacity(so_far.len().min(scores.len()));
                let (mut i, mut j) = (0, 0);
                while i < so_far.len() && j < scores.len() {
                    match so_far[i].0.cmp(&scores[j].0) {
                        std::cmp::Ordering::Less => i += 1,
                        std::cmp::Ordering::Greater => j += 1,
                        std::cmp::Ordering::Equal => {
                            out.push((so_far[i].0, so_far[i].1 + scores[j].1));
                            i += 1;
                            j += 1;
                        }
                    }
                }
                out
            }
        });
    }
    // Key terms rank what the words matched; a number typed whole may
    // keep only its own records.
    if let Some(hits) = hits.as_mut() {
        let number = held.iter().find(|(number, _)| *number).map(|(_, h)| h);
        let has = |h: &[(u32, u32)], id: u32| h.binary_search_by_key(&id, |&(i, _)| i).is_ok();
        if let Some(number) = number.filter(|_| q.number_exact) {
            if hits.iter().any(|&(id, _)| has(number, id)) {
                hits.retain(|&(id, _)| has(number, id));
            }
        }
        for (_, held) in &held {
            for (id, score) in hits.iter_mut() {
                if has(held, *id) {
                    *score += KEY;
                }
            }
        }
    }
    ranking.missing.sort();
    ranking.missing.dedup();

    let skipped = std::mem::take(&mut ranking.skipped);
    let missing = std::mem::take(&mut ranking.missing);
    Matched {
        hits: hits.unwrap_or_default(),
        missing,
        skipped,
        words: all_words,
    }
}

/// The hits of `m` that pass `q`'s filters, in id order (unranked), and
/// the counts beside each filter. Walks the root's groups beside the hits
/// (both in id order) and counts per group, so a hit costs a comparison
/// and an add, whatever the facets.
fn filtered(root: &Root, q: &Query, m: &Matched) -> Ranking {
    let mut ranking = Ranking {
        missing: m.missing.clone(),
        skipped: m.skipped.clone(),
        ..Ranking::default()
    };
    // Per group: its place and which of the filters it passes.
    let places: Vec<Option<(Place<'_>, [bool; 3])>> = root
        .groups
        .iter()
        .map(|&Group(year, section, _)| {
            let Section(kind, category) = root.sections.get(section as usize)?;
            let ok = [
                q.kind.is_none_or(|k| k == *kind),
                q.category.as_ref().is_none_or(|c| c == category),
                q.year.is_none_or(|y| y == year),
            ];
            Some((
                Place {
                    kind: *kind,
                    category,
                    year,
                },
                ok,
            ))
        })
        .collect();
    let mut counts = vec![0usize; places.len()];
    let mut g = 0usize;
    for &(id, score) in &m.hits {
        if id >= root.records {
            continue;
        }
        // The last group starting at or before `id` (as `place_of`).
        while g + 1 < root.starts.len() && root.starts[g + 1] <= id {
            g += 1;
        }
        let Some(Some((_, ok))) = places.get(g) else {
            continue;
        };
        counts[g] += 1;
        if ok.iter().all(|&o| o) {
            ranking.hits.push((id, score));
        }
    }
    let facets = &mut ranking.facets;
    for (place, n) in places.iter().zip(counts) {
        let Some((p, [kind_ok, category_ok, year_ok])) = place else {
            continue;
        };
        if n == 0 {
            continue;
        }
        if *category_ok && *year_ok {
            *facets.kinds.entry(p.kind).or_default() += n;
        }
        if *kind_ok && *year_ok {
            *facets.categories.entry(p.category.to_string()).or_default() += n;
        }
        if *kind_ok && *category_ok {
            *facets.years.entry(p.year).or_default() += n;
        }
    }
    ranking
}

/// Best first; ties: the lower id (the newer record).
fn best_first(a: &(u32, u32), b: &(u32, u32)) -> std::cmp::Ordering {
    b.1.cmp(&a.1).then(a.0.cmp(&b.0))
}

/// Runs `q` on the parts at hand and returns its page (see the module's
/// doc): call again with the parts `missing` names until it is empty, or
/// show what came.
pub fn search(root: &Root, parts: &dyn Parts, q: &Query) -> Outcome {
    page(root, parts, q, &matched(root, parts, q))
}

/// Runs queries of one text that differ in their filters or pages (a
/// search page's group per kind): the words are matched once, which is
/// most of a query's work.
pub fn search_all(root: &Root, parts: &dyn Parts, queries: &[Query]) -> Vec<Outcome> {
    let mut last: Option<(&Query, Matched)> = None;
    let mut out = Vec::with_capacity(queries.len());
    for q in queries {
        let same = last.as_ref().is_some_and(|(p, _)| {
            p.text == q.text
                && p.prefix == q.prefix
                && p.documents_alone(root) == q.documents_alone(root)
                && p.number_exact == q.number_exact
        });
        if !same {
            last = Some((q, matched(root, parts, q)));
        }
        if let Some((_, m)) = &last {
            out.push(page(root, parts, q, m));
        }
    }
    out
}

/// The page `q` asks for, of what its words matched.
fn page(root: &Root, parts: &dyn Parts, q: &Query, m: &Matched) -> Outcome {
    let mut ranking = filtered(root, q, m);
    let per_page = q.page_size();
    // Only the hits up to the page's end are put in order: the rest are
    // counted, not ranked (ids are unique, so the order is the same as a
    // whole sort's).
    let end = (q.page + 1).saturating_mul(per_page);
    if end < ranking.hits.len() {
        ranking.hits.select_nth_unstable_by(end, best_first);
        ranking.hits[..end].sort_unstable_by(best_first);
    } else {
        ranking.hits.sort_unstable_by(best_first);
    }
    let mut outcome = Outcome {
        hits: Vec::new(),
        total: ranking.hits.len(),
        pages: ranking.hits.len().div_ceil(per_page),
        facets: ranking.facets,
        missing: ranking.missing,
        skipped: ranking.skipped,
    };
    // The page's records, once every term part is here.
    if !outcome.missing.is_empty() {
        return outcome;
    }
    let marks = |text: &str| highlight_words(text, &m.words);
    for &(id, score) in ranking.hits.iter().skip(q.page * per_page).take(per_page) {
        let k = id / root.record_part_size;
        let Some(part) = parts.record_part(k) else {
            let path = root.record_path(k);
            if !outcome.missing.contains(&path) {
                outcome.missing.push(path);
            }
            continue;
        };
        let Some(record) = part.records.get((id % root.record_part_size) as usize) else {
            continue;
        };
        outcome.hits.push(Hit {
            id,
            score,
            title_marks: marks(&record.title),
            text_marks: marks(&record.text),
            record: record.clone(),
        });
    }
    outcome
}

/// Byte ranges of the words of `text` that a word of `q` matches: the
/// same folded word, or, for the word being typed, one it begins.
pub fn highlight(text: &str, q: &Query) -> Vec<(usize, usize)> {
    highlight_words(text, &words(q))
}

fn highlight_words(text: &str, words: &[Word]) -> Vec<(usize, usize)> {
    spans(text)
        .into_iter()
        .filter(|&(a, b)| {
            let folded = fold(&text[a..b]);
            words.iter().filter(|w| !w.key).any(|w| {
                folded == w.folded
                    || (w.prefix && folded.starts_with(&w.folded))
                    || (folded.chars().count() > super::MAX_TERM_CHARS
                        && folded.starts_with(&w.folded))
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn term(term: &str, tiers: [Vec<u32>; 3], forms: &[(&str, Vec<u32>)]) -> Term {
        Term {
            term: term.into(),
            count: tiers.iter().map(|t| t.len() as u32).sum(),
            tiers,
            forms: forms
                .iter()
                .map(|(f, ids)| (f.to_string(), ids.clone()))
                .collect(),
        }
    }

    #[test]
    fn common_and_rare_words_score_alike() {
        let a = term(
            "dang",
            [vec![1, 5, 9], vec![2, 7], vec![0, 3, 11, 40]],
            &[("đảng", vec![1, 2]), ("đăng", vec![9])],
        );
        let b = term(
            "dangky",
            [vec![3], vec![5], vec![1, 6]],
            &[("đăngký", vec![6])],
        );
        for (exact, prefix) in [(Some("đảng"), false), (Some("đăng"), true), (None, true)] {
            let w = Word {
                folded: "dang".into(),
                exact: exact.map(String::from),
                prefix,
                key: false,
                number: false,
            };
            let matched = [(&a, false), (&b, true)];
            let sparse = sparse_scores(&matched, &w);
            // Id 40 is past the 20 records: not a record.
            let dense = dense_scores(20, &matched, &w);
            let kept: Vec<_> = sparse.iter().copied().filter(|&(id, _)| id < 20).collect();
            assert_eq!(dense, kept, "{exact:?} {prefix}");
        }
        let w = Word {
            folded: "dang".into(),
            exact: Some("đảng".into()),
            prefix: false,
            key: false,
            number: false,
        };
        // Id 1: title (10) + as typed (1); id 5: title beats the completion.
        assert_eq!(
            dense_scores(20, &[(&a, false)], &w)[..3],
            [(0, 2), (1, 11), (2, 5)]
        );
    }
}
