//! Writes the archive index of a feed's content: pure and deterministic
//! (the same content gives the same bytes).

use std::collections::{BTreeMap, BTreeSet};

use serde_json::{json, Value};

use super::{
    encode_ids, fnv, groups_starts, number_key, terms, title_key, Common, Group, Kind, Record,
    Root, Section, TermPartId,
};
use super::{FNV_SEED, TIERS};
use super::{RECORDS_KIND, ROOT_FILE, ROOT_KIND, TERMS_KIND, VERSION};
use crate::model::{Block, FORMAT_VERSION};
use crate::pack::Content;

/// Records per record part: a page of ten results seldom needs more than
/// a few kilobytes of them.
pub const RECORD_PART_SIZE: u32 = 4;
/// A term part is closed once it passes this many bytes (a single term
/// may make a bigger one).
pub const TERM_PART_BYTES: usize = 3 * 1024;
/// The most characters of a record's `text`.
pub const SNIPPET_CHARS: usize = 160;
/// A term held by more than one record in [`COMMON_SHARE`] (and by at
/// least [`COMMON_MIN`]) is common.
pub const COMMON_SHARE: u32 = 50;
pub const COMMON_MIN: u32 = 50;

/// The archive index of a feed: its files, the root first.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Built {
    /// (path in the feed directory, JSON text).
    pub files: Vec<(String, String)>,
    pub root: Root,
}

impl Built {
    /// All the bytes of the index.
    pub fn bytes(&self) -> usize {
        self.files.iter().map(|(_, t)| t.len()).sum()
    }
}

/// One record and the texts indexed for it, by tier (0: title, 1: the
/// other short fields, 2: the body).
struct Item {
    record: Record,
    year: i32,
    texts: [Vec<String>; TIERS],
    /// Key terms, in the title tier ([`title_key`], [`number_key`]).
    keys: Vec<String>,
    /// A document's id in the library index ([`crate::library`]): its
    /// place in the library's order. 0 for the other kinds.
    order: u32,
}

/// The text of an article's body block, as the reader reads it.
fn block_texts(block: &Block, out: &mut Vec<String>) {
    match block {
        Block::Paragraph { runs } => out.push(runs.iter().map(|r| r.text.as_str()).collect()),
        Block::Heading { text, .. } => out.push(text.clone()),
        Block::Quote { text, cite } => {
            out.extend([Some(text), cite.as_ref()].into_iter().flatten().cloned())
        }
        Block::List { items, .. } => out.extend(items.iter().cloned()),
        Block::Table {
            caption,
            header,
            rows,
        } => {
            out.extend(caption.iter().cloned());
            out.extend(header.iter().chain(rows.iter().flatten()).cloned());
        }
        Block::Image(img) => out.extend(img.caption.iter().cloned()),
        Block::Gallery { caption, images } => {
            out.extend(caption.iter().cloned());
            out.extend(images.iter().filter_map(|i| i.caption.clone()));
        }
        Block::Attachment { title, .. } | Block::Video { title, .. } => {
            out.extend(title.iter().cloned())
        }
    }
}

/// `text` cut to [`SNIPPET_CHARS`] at a space, with "…" when cut.
fn snippet(text: &str) -> String {
    let text = text.trim();
    if text.chars().count() <= SNIPPET_CHARS {
        return text.to_string();
    }
    let cut: String = text.chars().take(SNIPPET_CHARS).collect();
    let cut = cut.rfind(' ').map_or(cut.as_str(), |i| &cut[..i]);
    format!("{}…", cut.trim_end_matches([',', ';', ':', ' ']))
}

/// The Vietnam day of an RFC 3339 time, or the first ten characters.
fn day_of(time: &str) -> String {
    crate::datetime::DateTime::parse_rfc3339(time).map_or_else(
        || time.chars().take(10).collect(),
        |t| t.vietnam().date.to_string(),
    )
}

fn year_of(day: &str) -> i32 {
    day.get(..4).and_then(|y| y.parse().ok()).unwrap_or(0)
}

fn items(content: &Content) -> Vec<Item> {
    let mut out = Vec::new();
    let category_names: BTreeMap<&str, &str> = content
        .categories
        .iter()
        .map(|c| (c.id.as_str(), c.name.as_str()))
        .collect();
    for a in &content.articles {
        let s = &a.summary;
        let date = day_of(&s.published);
        let mut meta = vec![s.sapo.clone()];
        meta.extend(s.tags.iter().cloned());
        meta.extend(
            std::iter::once(&s.category)
                .chain(&s.categories)
                .filter_map(|c| category_names.get(c.as_str()).map(|n| n.to_string())),
        );
        meta.extend(s.author.iter().cloned());
        let mut body = Vec::new();
        for b in &a.body {
            block_texts(b, &mut body);
        }
        out.push(Item {
            year: year_of(&date),
            record: Record {
                kind: Kind::Article,
                key: s.slug.clone(),
                title: s.title.clone(),
                date,
                category: s.category.clone(),
                text: snippet(&s.sapo),
                number: None,
                week: None,
            },
            texts: [vec![s.title.clone()], meta, body],
            keys: title_key(&s.title).into_iter().collect(),
            order: 0,
        });
    }
    let ranks = crate::library::newest_ranks(&content.documents);
    for (d, &order) in content.documents.iter().zip(&ranks) {
        let mut meta = vec![d.doc_type.clone(), d.issuer.clone()];
        meta.extend(d.signer.iter().map(|s| s.name.clone()));
        meta.extend(d.fields.iter().cloned());
        out.push(Item {
            year: year_of(&d.issued),
            record: Record {
                kind: Kind::Document,
                key: d.id.clone(),
                title: d.summary.clone(),
                date: d.issued.clone(),
                category: d.doc_type.clone(),
                text: snippet(&format!("{} · {}", d.doc_type, d.issuer)),
                number: Some(d.number.clone()),
                week: None,
            },
            texts: [vec![d.number.clone(), d.summary.clone()], meta, Vec::new()],
            keys: [title_key(&d.summary), number_key(&d.number)]
                .into_iter()
                .flatten()
                .collect(),
            order,
        });
    }
    // An entry of several days is listed in every week it touches: once here.
    let mut seen = BTreeSet::new();
    let mut weeks: Vec<_> = content.weeks.iter().collect();
    weeks.sort_by(|a, b| a.week.cmp(&b.week));
    for w in weeks {
        for e in &w.entries {
            if !seen.insert(e.id.clone()) {
                continue;
            }
            let date = day_of(&e.start);
            let place: Vec<&str> = [&e.location, &e.chair]
                .into_iter()
                .flatten()
                .map(String::as_str)
                .collect();
            let meta = [
                &e.chair,
                &e.participants,
                &e.location,
                &e.preparing_unit,
                &e.note,
                &e.change,
            ]
            .into_iter()
            .flatten()
            .cloned()
            .collect();
            out.push(Item {
                year: year_of(&date),
                record: Record {
                    kind: Kind::Entry,
                    key: e.id.clone(),
                    title: e.content.clone(),
                    date,
                    category: String::new(),
                    text: snippet(&place.join(" · ")),
                    number: None,
                    week: Some(w.week.clone()),
                },
                texts: [vec![e.content.clone()], meta, Vec::new()],
                keys: title_key(&e.content).into_iter().collect(),
                order: 0,
            });
        }
    }
    // Newest year first; in a year, by kind and category; newest first
    // (documents in the library's order, so that a group's documents are
    // in the order of their library ids: the library's text filter maps
    // one to the other without a record part).
    out.sort_by(|a, b| {
        (b.year, a.record.kind, &a.record.category)
            .cmp(&(a.year, b.record.kind, &b.record.category))
            .then_with(|| a.order.cmp(&b.order))
            .then_with(|| b.record.date.cmp(&a.record.date))
            .then_with(|| a.record.key.cmp(&b.record.key))
    });
    out
}

/// The postings of one term while they are gathered.
#[derive(Default)]
struct Postings {
    tiers: [Vec<u32>; TIERS],
    forms: BTreeMap<String, Vec<u32>>,
}

impl Postings {
    /// The records `keep` keeps, or `None` when it keeps none.
    fn only(&self, keep: impl Fn(u32) -> bool) -> Option<Postings> {
        let only =
            |ids: &Vec<u32>| -> Vec<u32> { ids.iter().copied().filter(|&id| keep(id)).collect() };
        let out = Postings {
            tiers: self.tiers.each_ref().map(only),
            forms: self
                .forms
                .iter()
                .map(|(f, ids)| (f.clone(), only(ids)))
                .filter(|(_, ids)| !ids.is_empty())
                .collect(),
        };
        out.tiers.iter().any(|t| !t.is_empty()).then_some(out)
    }
}

/// A term as a term part writes it (format doc §7.8, "Term parts") and
/// how many records it lists.
fn entry_of(term: &str, p: &Postings) -> (Value, usize) {
    let count: usize = p.tiers.iter().map(Vec::len).sum();
    let mut entry = vec![
        json!(term),
        json!(count),
        json!(encode_ids(&p.tiers[0])),
        json!(encode_ids(&p.tiers[1])),
        json!(encode_ids(&p.tiers[2])),
    ];
    if !p.forms.is_empty() {
        // A form most title and short-field holders have is written as
        // those it leaves out ("~…").
        let mut short: Vec<u32> = p.tiers[0].iter().chain(&p.tiers[1]).copied().collect();
        short.sort_unstable();
        let forms: serde_json::Map<String, Value> = p
            .forms
            .iter()
            .map(|(f, ids)| {
                let list = if ids.len() * 2 > short.len() {
                    let out: Vec<u32> = short
                        .iter()
                        .copied()
                        .filter(|id| ids.binary_search(id).is_err())
                        .collect();
                    format!("~{}", encode_ids(&out))
                } else {
                    encode_ids(ids)
                };
                (f.clone(), json!(list))
            })
            .collect();
        entry.push(Value::Object(forms));
    }
    (Value::Array(entry), count)
}

/// The shortest beginning of `term` that sorts after `previous` (the
/// last term of the part before): where a part begins, in the root.
fn separator(previous: &str, term: &str) -> String {
    term.char_indices()
        .map(|(i, c)| &term[..i + c.len_utf8()])
        .find(|start| *start > previous)
        .unwrap_or(term)
        .to_string()
}

/// Writes the archive index of `content`.
pub fn build(content: &Content) -> Built {
    let items = items(content);
    let records = items.len() as u32;

    let mut runs: Vec<(Section, i32, u32)> = Vec::new();
    for item in &items {
        let section = Section(item.record.kind, item.record.category.clone());
        match runs.last_mut() {
            Some((s, year, count)) if *s == section && *year == item.year => *count += 1,
            _ => runs.push((section, item.year, 1)),
        }
    }
    let mut sections: Vec<Section> = runs.iter().map(|r| r.0.clone()).collect();
    sections.sort();
    sections.dedup();
    let groups: Vec<Group> = runs
        .iter()
        .map(|(s, year, count)| {
            let at = sections.binary_search(s).expect("listed above") as u32;
            Group(*year, at, *count)
        })
        .collect();

    let mut postings: BTreeMap<String, Postings> = BTreeMap::new();
    for (id, item) in items.iter().enumerate() {
        let id = id as u32;
        // Each term in its best tier; forms from the title and short fields.
        let mut best: BTreeMap<String, usize> = BTreeMap::new();
        let mut forms: BTreeSet<(String, String)> = BTreeSet::new();
        for (tier, texts) in item.texts.iter().enumerate() {
            for text in texts {
                for (folded, exact) in terms(text) {
                    let t = best.entry(folded.clone()).or_insert(tier);
                    *t = (*t).min(tier);
                    if let (Some(exact), true) = (exact, tier < 2) {
                        forms.insert((folded, exact));
                    }
                }
            }
        }
        for key in &item.keys {
            best.insert(key.clone(), 0);
        }
        for (term, tier) in best {
            postings.entry(term).or_default().tiers[tier].push(id);
        }
        for (term, form) in forms {
            if let Some(p) = postings.get_mut(&term) {
                p.forms.entry(form).or_default().push(id);
            }
        }
    }

    // Common terms, each in a part of its own; the others in range parts
    // split by bytes, a big entry alone.
    // A common term's documents also get a part of their own, for the
    // library's text filter.
    let is_document: Vec<bool> = items
        .iter()
        .map(|i| i.record.kind == Kind::Document)
        .collect();
    let mut term_parts: Vec<(String, Vec<Value>, usize)> = Vec::new();
    let mut common_parts: Vec<Value> = Vec::new();
    // (entry, documents listed), when any document holds the term.
    let mut document_parts: Vec<Option<(Value, usize)>> = Vec::new();
    let mut common = Vec::new();
    let mut last_term: Option<&str> = None;
    for (term, p) in &postings {
        let (entry, count) = entry_of(term, p);
        if count as u32 >= COMMON_MIN && count as u32 * COMMON_SHARE > records {
            common.push(Common(term.clone(), count as u32));
            common_parts.push(entry);
            let documents = p.only(|id| is_document[id as usize]);
            document_parts.push(documents.map(|d| entry_of(term, &d)));
            continue;
        }
        let size = entry.to_string().len() + 1;
        match term_parts.last_mut() {
            Some((_, entries, bytes))
                if *bytes < TERM_PART_BYTES && *bytes + size / 2 < TERM_PART_BYTES =>
            {
                entries.push(entry);
                *bytes += size;
            }
            _ => {
                let start = last_term.map_or(String::new(), |last| separator(last, term));
                term_parts.push((start, vec![entry], size));
            }
        }
        last_term = Some(term);
    }
    if term_parts.is_empty() {
        term_parts.push((String::new(), Vec::new(), 0));
    }

    // The build stamp hashes every part's content (with the stamp left
    // out, as it is not known yet) and the root's.
    let record_chunks: Vec<&[Item]> = items.chunks(RECORD_PART_SIZE as usize).collect();
    let term_bodies: Vec<String> = term_parts
        .iter()
        .map(|(_, entries, _)| Value::Array(entries.clone()).to_string())
        .collect();
    let common_bodies: Vec<String> = common_parts
        .iter()
        .map(|entry| Value::Array(vec![entry.clone()]).to_string())
        .collect();
    let document_bodies: Vec<(usize, String)> = document_parts
        .iter()
        .enumerate()
        .filter_map(|(i, part)| {
            let (entry, _) = part.as_ref()?;
            Some((i, Value::Array(vec![entry.clone()]).to_string()))
        })
        .collect();
    let common_documents: Vec<u32> = document_parts
        .iter()
        .map(|part| part.as_ref().map_or(0, |&(_, count)| count as u32))
        .collect();
    let record_bodies: Vec<String> = record_chunks
        .iter()
        .map(|chunk| {
            let records: Vec<&Record> = chunk.iter().map(|i| &i.record).collect();
            serde_json::to_string(&records).expect("records serialize")
        })
        .collect();
    let starts = groups_starts(&groups);
    let mut root = Root {
        format_version: FORMAT_VERSION.to_string(),
        kind: ROOT_KIND.to_string(),
        version: VERSION,
        generated_at: content.generated_at.clone(),
        build: String::new(),
        records,
        record_part_size: RECORD_PART_SIZE,
        sections,
        groups,
        term_parts: term_parts
            .iter()
            .map(|(first, _, _)| first.clone())
            .collect(),
        common,
        common_documents,
        document_order: Some(super::LIBRARY_ORDER.to_string()),
        starts,
    };
    let mut h = fnv(
        serde_json::to_string(&root)
            .expect("root serializes")
            .as_bytes(),
        FNV_SEED,
    );
    for body in term_bodies
        .iter()
        .chain(&common_bodies)
        .chain(document_bodies.iter().map(|(_, b)| b))
        .chain(&record_bodies)
    {
        h = fnv(body.as_bytes(), h ^ body.len() as u64);
    }
    root.build = format!("{:012x}", h >> 16);

    let mut files = vec![(
        ROOT_FILE.to_string(),
        serde_json::to_string(&root).expect("root serializes"),
    )];
    let part = |kind: &str, k: usize, key: &str, body: &str| {
        format!(
            "{{\"kind\":\"{kind}\",\"version\":{VERSION},\"build\":\"{}\",\"part\":{k},\"{key}\":{body}}}",
            root.build
        )
    };
    for (k, body) in term_bodies.iter().enumerate() {
        let path = root.term_path(TermPartId::Range(k));
        files.push((path, part(TERMS_KIND, k, "terms", body)));
    }
    for (i, body) in common_bodies.iter().enumerate() {
        let path = root.term_path(TermPartId::Common(i));
        files.push((path, part(TERMS_KIND, i, "terms", body)));
    }
    for (i, body) in &document_bodies {
        let path = root.term_path(TermPartId::Documents(*i));
        files.push((path, part(TERMS_KIND, *i, "terms", body)));
    }
    for (k, body) in record_bodies.iter().enumerate() {
        files.push((
            root.record_path(k as u32),
            part(RECORDS_KIND, k, "records", body),
        ));
    }
    Built { files, root }
}
