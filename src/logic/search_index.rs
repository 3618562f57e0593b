//! One search over articles, documents and calendar entries.
//!
//! [`SearchIndex::add`] prepares each item once: every field folded
//! ([`bantin_format::text::fold`]: lowercase, no diacritics, đ → d), its
//! lowercase NFC text when that carries diacritics (decomposed input
//! compares equal), and a few bit sets that rule the item out, or cap its
//! score, without reading its text: the bytes and byte pairs it holds, and
//! the bytes that begin and end its words. A query folds its words once,
//! walks those bit sets side by side in memory, and reads the text (a plain
//! byte scan per field) only of the items that may hold every word and may
//! still make the list. A word typed with diacritics wins a bonus where a
//! field has the same ones ("đảng" ranks "Đảng ủy" above "đăng ký").
//!
//! [`highlight`] marks the query words in a displayed text the same way,
//! diacritic- and case-blind, keeping the text as it is.

use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashMap};

use bantin_format::model::{ArticleSummary, CalendarEntry, Document};
use bantin_format::text::{fold, is_combining, lowercase_nfc};

/// What a hit is; results come grouped in this order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    Article,
    Document,
    Entry,
}

/// One result: the item's kind, key and title, and how well it matched.
#[derive(Clone, Debug, PartialEq)]
pub struct Hit {
    pub kind: Kind,
    pub key: String,
    pub title: String,
    pub score: u32,
}

/// A field of a searchable item and its weight (title 8, number 8,
/// sapo/summary 4, tags 4, people/places 3, body 1 …; the caller picks).
#[derive(Clone, Copy, Debug)]
pub struct Field<'a> {
    pub text: &'a str,
    pub weight: u32,
}

/// Match quality of a query word in a field: inside a word, at the start of
/// one, or the whole word. A field that also holds the word with the
/// diacritics it was typed with adds [`EXACT`].
const MID: u32 = 2;
const START: u32 = 4;
const WHOLE: u32 = 6;
const EXACT: u32 = 1;

/// Between fields in an item's text: not alphanumeric, so no query word
/// spans two fields and field edges count as word edges.
const SEPARATOR: char = '\n';

/// The items, with their text prepared for matching.
#[derive(Default)]
pub struct SearchIndex {
    items: Vec<Item>,
    /// What the first pass over the items reads, apart from their text
    /// and side by side in memory; parallel to `items`.
    heads: Vec<Head>,
    /// (kind, key) → position in `items`.
    slots: HashMap<(Kind, String), usize>,
}

/// What rules an item out, or in, without reading its text.
struct Head {
    kind: Kind,
    grams: Grams,
    /// Whether the item has a lowercase text apart ([`Item::lower`]).
    accented: bool,
    /// The heaviest field's [`Edges`], and those of the others together.
    heaviest: Edges,
    others: Edges,
}

struct Item {
    key: String,
    title: String,
    /// The folded fields, joined by [`SEPARATOR`].
    folded: String,
    /// The lowercase NFC fields, joined likewise; only when some field
    /// differs from its folded form.
    lower: Option<String>,
    spans: Vec<Span>,
}

/// The bytes and pairs of adjacent bytes of a text, hashed into 512 bits:
/// a text holds a word only if its set covers the word's, so most items
/// that miss a query word are passed over without reading their text.
#[derive(Clone, Copy, Default)]
struct Grams([u64; 8]);

impl Grams {
    fn of(text: &str) -> Self {
        let mut grams = Grams::default();
        let mut previous = None;
        for &byte in text.as_bytes() {
            grams.set(byte, 0);
            if let Some(previous) = previous {
                grams.set(previous, byte);
            }
            previous = Some(byte);
        }
        grams
    }

    fn set(&mut self, a: u8, b: u8) {
        let hash = (u32::from(a) << 8 | u32::from(b)).wrapping_mul(0x9E37_79B1) >> 23;
        self.0[hash as usize / 64] |= 1 << (hash % 64);
    }

    fn or(mut self, other: &Grams) -> Self {
        for (a, b) in self.0.iter_mut().zip(other.0) {
            *a |= b;
        }
        self
    }

    fn covers(&self, other: &Grams) -> bool {
        let mut missing = 0;
        for (a, b) in self.0.iter().zip(&other.0) {
            missing |= b & !a;
        }
        missing == 0
    }
}

/// Per kind, the best hits so far as (score, position), the worst on top:
/// a later item must score more to displace it.
type Kept = BinaryHeap<Reverse<(u32, Reverse<usize>)>>;

/// Where a field lies in `Item::folded` and `Item::lower`, its weight and
/// edges.
struct Span {
    folded: (usize, usize),
    lower: (usize, usize),
    edges: Edges,
}

/// A field's weight and the [`edge_bit`]s of the first and of the last
/// byte of its words, and of its one-letter words.
#[derive(Clone, Copy, Default)]
struct Edges {
    weight: u32,
    starts: u64,
    ends: u64,
    singles: u64,
}

/// A query word: folded, and as typed (lowercase NFC) when that differs;
/// the [`edge_bit`]s of its first and last bytes, and whether it is a
/// single letter.
#[derive(PartialEq)]
struct Word {
    folded: String,
    exact: Option<String>,
    starts: u64,
    ends: u64,
    single: bool,
    /// See [`anchor`].
    anchor: usize,
}

impl SearchIndex {
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds (or replaces, same kind+key) an item. `title` is what results
    /// show. A replaced item keeps its place in the insertion order.
    pub fn add(&mut self, kind: Kind, key: &str, title: &str, fields: &[Field]) {
        let mut folded = String::new();
        let mut lower = String::new();
        let mut spans = Vec::with_capacity(fields.len());
        for (i, field) in fields.iter().enumerate() {
            if i > 0 {
                folded.push(SEPARATOR);
                lower.push(SEPARATOR);
            }
            let (f0, l0) = (folded.len(), lower.len());
            folded.push_str(&fold(field.text));
            lower.push_str(&lowercase_nfc(field.text));
            spans.push(Span {
                folded: (f0, folded.len()),
                lower: (l0, lower.len()),
                edges: Edges::of(&folded[f0..], field.weight),
            });
        }
        // Heaviest first: scoring stops when the rest cannot do better.
        spans.sort_by_key(|s| Reverse(s.edges.weight));
        let others = spans.iter().skip(1).fold(Edges::default(), |all, s| Edges {
            weight: all.weight.max(s.edges.weight),
            starts: all.starts | s.edges.starts,
            ends: all.ends | s.edges.ends,
            singles: all.singles | s.edges.singles,
        });
        let head = Head {
            kind,
            grams: Grams::of(&folded),
            accented: lower != folded,
            heaviest: spans.first().map_or(Edges::default(), |s| s.edges),
            others,
        };
        let item = Item {
            key: key.to_string(),
            title: title.to_string(),
            lower: (lower != folded).then_some(lower),
            folded,
            spans,
        };
        match self.slots.get(&(kind, key.to_string())) {
            Some(&slot) => (self.items[slot], self.heads[slot]) = (item, head),
            None => {
                self.slots.insert((kind, key.to_string()), self.items.len());
                self.items.push(item);
                self.heads.push(head);
            }
        }
    }

    pub fn len(&self) -> usize {
        self.items.len()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// Items matching EVERY word of the query (folded, in any field), best
    /// first, grouped by kind order Article, Document, Entry; at most
    /// `per_kind` hits per kind. Equal scores keep the insertion order.
    pub fn search(&self, query: &str, per_kind: usize) -> Vec<Hit> {
        let mut words = query_words(query);
        if words.is_empty() || per_kind == 0 {
            return Vec::new();
        }
        // The longest word first: it rejects the most items.
        words.sort_by_key(|w| Reverse(w.folded.len()));
        let needs = words
            .iter()
            .fold(Grams::default(), |g, w| g.or(&Grams::of(&w.folded)));

        let mut best: [Kept; 3] = Default::default();
        for (position, head) in self.heads.iter().enumerate() {
            if !head.grams.covers(&needs) {
                continue;
            }
            let kept = &mut best[head.kind as usize];
            let floor = (kept.len() == per_kind).then(|| kept.peek().map_or(0, |w| w.0 .0));
            if floor.is_some_and(|floor| head.most(&words) <= floor) {
                continue;
            }
            if let Some(score) = self.items[position].score(head, &words, floor) {
                kept.push(Reverse((score, Reverse(position))));
                if kept.len() > per_kind {
                    kept.pop();
                }
            }
        }

        best.into_iter()
            .flat_map(|kept| kept.into_sorted_vec())
            .map(|Reverse((score, Reverse(position)))| {
                let item = &self.items[position];
                Hit {
                    kind: self.heads[position].kind,
                    key: item.key.clone(),
                    title: item.title.clone(),
                    score,
                }
            })
            .collect()
    }
}

impl Edges {
    /// The edges of the words of a folded field (words as [`quality_at`]
    /// sees them).
    fn of(text: &str, weight: u32) -> Self {
        let mut edges = Edges {
            weight,
            ..Edges::default()
        };
        // The word being read: its first byte, its last, and whether it
        // has more than one letter.
        let mut word: Option<(u8, u8, bool)> = None;
        let close = |edges: &mut Edges, word: Option<(u8, u8, bool)>| {
            if let Some((first, last, long)) = word {
                edges.ends |= edge_bit(last);
                if !long {
                    edges.singles |= edge_bit(first);
                }
            }
        };
        for (at, c) in text.char_indices() {
            if c.is_alphanumeric() {
                let first = text.as_bytes()[at];
                let last = text.as_bytes()[at + c.len_utf8() - 1];
                word = Some(match word {
                    Some((start, _, _)) => (start, last, true),
                    None => {
                        edges.starts |= edge_bit(first);
                        (first, last, false)
                    }
                });
            } else {
                close(&mut edges, word.take());
            }
        }
        close(&mut edges, word);
        edges
    }

    /// The best quality `word` can have in the field, judged by the bytes
    /// that begin and end its words: if none begins as `word` does, only
    /// mid-word matches are possible.
    fn cap(&self, word: &Word) -> u32 {
        let whole = if word.single {
            self.singles & word.starts
        } else {
            self.ends & word.ends
        };
        if self.starts & word.starts == 0 {
            MID
        } else if whole == 0 {
            START
        } else {
            WHOLE
        }
    }
}

impl Head {
    /// The most a word can add.
    fn most_for(&self, word: &Word) -> u32 {
        let bonus = if word.exact.is_some() && self.accented {
            EXACT
        } else {
            0
        };
        let most = |e: &Edges| e.weight.saturating_mul(e.cap(word) + bonus);
        most(&self.heaviest).max(most(&self.others))
    }

    /// The most the item can score for the query.
    fn most(&self, words: &[Word]) -> u32 {
        words
            .iter()
            .fold(0u32, |sum, w| sum.saturating_add(self.most_for(w)))
    }
}

impl Item {
    /// The item's score for the query, each word's best field weight ×
    /// match quality summed; `None` if it misses a word, or as soon as it
    /// cannot exceed `floor`.
    fn score(&self, head: &Head, words: &[Word], floor: Option<u32>) -> Option<u32> {
        let mut rest = head.most(words);
        let mut score = 0u32;
        for word in words {
            if floor.is_some_and(|floor| score.saturating_add(rest) <= floor) {
                return None;
            }
            rest = rest.saturating_sub(head.most_for(word));
            score = score.saturating_add(self.word_score(word)?);
        }
        (floor.is_none_or(|floor| score > floor)).then_some(score)
    }

    /// The best field weight × match quality of a word, `None` if no
    /// field holds it.
    fn word_score(&self, word: &Word) -> Option<u32> {
        let exact = match (&self.lower, &word.exact) {
            (Some(lower), Some(exact)) => Some((lower, exact)),
            _ => None,
        };
        let bonus = if exact.is_some() { EXACT } else { 0 };
        let mut best = None;
        for span in &self.spans {
            // Once the word is found, skip the fields that cannot beat it.
            if best.is_some_and(|best| span.edges.weight.saturating_mul(WHOLE + bonus) <= best) {
                break;
            }
            let cap = span.edges.cap(word);
            if best.is_some_and(|best| span.edges.weight.saturating_mul(cap + bonus) <= best) {
                continue;
            }
            let field = &self.folded[span.folded.0..span.folded.1];
            let mut quality = 0;
            for (start, end) in occurrences(field, &word.folded, word.anchor) {
                quality = quality.max(quality_at(field, start, end));
                if quality == cap {
                    break;
                }
            }
            if quality == 0 {
                continue;
            }
            let best_so_far = best.unwrap_or(0);
            if let Some((lower, exact)) = exact {
                if span.edges.weight.saturating_mul(quality + EXACT) > best_so_far
                    && lower[span.lower.0..span.lower.1].contains(exact.as_str())
                {
                    quality += EXACT;
                }
            }
            best = Some(best_so_far.max(span.edges.weight.saturating_mul(quality)));
        }
        best
    }
}

/// How well a match at `start..end` of `text` sits in its word.
fn quality_at(text: &str, start: usize, end: usize) -> u32 {
    if in_word(text, start, true) {
        MID
    } else if in_word(text, end, false) {
        START
    } else {
        WHOLE
    }
}

/// Whether the character just before (or from) byte `at` of `text` is a
/// letter or digit; ASCII without decoding.
#[inline]
fn in_word(text: &str, at: usize, before: bool) -> bool {
    let byte = if before {
        at.checked_sub(1).map(|i| text.as_bytes()[i])
    } else {
        text.as_bytes().get(at).copied()
    };
    match byte {
        None => false,
        Some(b) if b.is_ascii() => b.is_ascii_alphanumeric(),
        Some(_) if before => text[..at]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric),
        Some(_) => text[at..].chars().next().is_some_and(char::is_alphanumeric),
    }
}

/// A byte's bit in the sets of bytes that begin or end words: one bit per
/// ASCII letter or digit, the other bytes (of letters outside ASCII)
/// hashed into the rest.
fn edge_bit(byte: u8) -> u64 {
    1 << match byte {
        b'a'..=b'z' => byte - b'a',
        b'0'..=b'9' => 26 + byte - b'0',
        _ => 36 + byte % 28,
    }
}

/// Letters from the most to the least common in folded Vietnamese text;
/// other bytes are rarer still.
const COMMON: &[u8] = b"nahoitugcedyvmpbrlskxq";

/// Where in `word` its least common byte is: the byte to look for.
fn anchor(word: &str) -> usize {
    let rarity = |b: &u8| COMMON.iter().position(|c| c == b).unwrap_or(COMMON.len());
    let bytes = word.as_bytes();
    (0..bytes.len())
        .max_by_key(|&i| (rarity(&bytes[i]), Reverse(i)))
        .unwrap_or(0)
}

/// Every (start, end) of `word` in `text`, overlapping ones included,
/// found by a plain scan for the byte at `anchor` (short fields need no
/// more). `word` starts a character and every byte of it is compared, so
/// every hit is at a character boundary.
fn occurrences<'a>(
    text: &'a str,
    word: &'a str,
    anchor: usize,
) -> impl Iterator<Item = (usize, usize)> + 'a {
    let (text, word) = (text.as_bytes(), word.as_bytes());
    let mut from = anchor;
    std::iter::from_fn(move || {
        let &key = word.get(anchor)?;
        loop {
            let at = from + text.get(from..)?.iter().position(|&b| b == key)?;
            from = at + 1;
            let start = at - anchor;
            let found = text.get(start..start + word.len())?;
            if found.iter().zip(word).all(|(a, b)| a == b) {
                return Some((start, start + word.len()));
            }
        }
    })
}

/// The words of a query: runs of letters and digits (combining marks stay
/// with their letter), folded; each keeps its typed lowercase NFC form when
/// that carries diacritics. Repeated words count once.
fn query_words(query: &str) -> Vec<Word> {
    let mut words: Vec<Word> = Vec::new();
    let typed = query
        .split(|c: char| !(c.is_alphanumeric() || is_combining(c)))
        .filter(|s| !s.is_empty());
    for typed in typed {
        let folded = fold(typed);
        let parts: Vec<&str> = folded
            .split(|c: char| !c.is_alphanumeric())
            .filter(|s| !s.is_empty())
            .collect();
        let whole = parts.len() == 1 && parts[0].len() == folded.len();
        let exact = Some(lowercase_nfc(typed)).filter(|exact| whole && *exact != folded);
        for part in parts {
            let bytes = part.as_bytes();
            let word = Word {
                folded: part.to_string(),
                exact: exact.clone(),
                starts: edge_bit(bytes[0]),
                ends: edge_bit(bytes[bytes.len() - 1]),
                single: part.chars().nth(1).is_none(),
                anchor: anchor(part),
            };
            if !words.contains(&word) {
                words.push(word);
            }
        }
    }
    words
}

// How feed items are indexed: one place for the fields and their weights,
// shared by the search page and the benchmark.

/// Indexes an article by its title, sapo and tags, and its body text when
/// the app has it (`body` may be empty).
pub fn add_article(index: &mut SearchIndex, a: &ArticleSummary, body: &str) {
    let tags = a.tags.join(" ");
    index.add(
        Kind::Article,
        &a.slug,
        &a.title,
        &[
            Field {
                text: &a.title,
                weight: 8,
            },
            Field {
                text: &a.sapo,
                weight: 4,
            },
            Field {
                text: &tags,
                weight: 4,
            },
            Field {
                text: body,
                weight: 1,
            },
        ],
    );
}

/// Indexes a document by its number, summary, issuer and signer; results
/// show "Hướng dẫn 112-HD/BTGTU".
pub fn add_document(index: &mut SearchIndex, d: &Document) {
    let signer = d
        .signer
        .as_ref()
        .map(|s| s.name.as_str())
        .unwrap_or_default();
    let title = format!("{} {}", d.doc_type, d.number);
    index.add(
        Kind::Document,
        &d.id,
        &title,
        &[
            Field {
                text: &d.number,
                weight: 8,
            },
            Field {
                text: &d.summary,
                weight: 4,
            },
            Field {
                text: &d.issuer,
                weight: 3,
            },
            Field {
                text: signer,
                weight: 3,
            },
        ],
    );
}

/// Indexes a calendar entry by its content, chair, location and
/// participants, under `key` (unique across weeks).
pub fn add_entry(index: &mut SearchIndex, key: &str, e: &CalendarEntry) {
    fn text(v: &Option<String>) -> &str {
        v.as_deref().unwrap_or_default()
    }
    index.add(
        Kind::Entry,
        key,
        &e.content,
        &[
            Field {
                text: &e.content,
                weight: 8,
            },
            Field {
                text: text(&e.chair),
                weight: 3,
            },
            Field {
                text: text(&e.location),
                weight: 3,
            },
            Field {
                text: text(&e.participants),
                weight: 2,
            },
        ],
    );
}

/// Splits `text` into (segment, matched) pieces, marking every occurrence of
/// any query word, matched diacritic- and case-blind, keeping the original
/// text exactly (concatenating the segments gives `text` back). For
/// highlighting with <mark>.
pub fn highlight(text: &str, query: &str) -> Vec<(String, bool)> {
    let words = query_words(query);
    // The folded text, and per character that folds to something: where its
    // folded form starts and where it starts in `text`.
    let mut folded = String::with_capacity(text.len());
    let mut origin: Vec<(usize, usize)> = Vec::new();
    if !words.is_empty() {
        let mut buf = [0; 4];
        for (at, c) in text.char_indices() {
            let f = fold(c.encode_utf8(&mut buf));
            if !f.is_empty() {
                origin.push((folded.len(), at));
                folded.push_str(&f);
            }
        }
    }
    // The character that holds folded byte `i`.
    let char_at = |i: usize| origin.partition_point(|&(f, _)| f <= i) - 1;
    let mut marks: Vec<(usize, usize)> = Vec::new();
    for word in &words {
        for (start, end) in occurrences(&folded, &word.folded, word.anchor) {
            // A match ends after the combining marks of its last letter.
            let last = char_at(end - 1);
            let end = origin.get(last + 1).map_or(text.len(), |&(_, at)| at);
            marks.push((origin[char_at(start)].1, end));
        }
    }
    marks.sort_unstable();

    let mut pieces = Vec::new();
    let mut done = 0;
    let mut marks = marks.into_iter().peekable();
    while let Some((start, mut end)) = marks.next() {
        while let Some(&(next, next_end)) = marks.peek() {
            if next > end {
                break;
            }
            end = end.max(next_end);
            marks.next();
        }
        if start > done {
            pieces.push((text[done..start].to_string(), false));
        }
        pieces.push((text[start..end].to_string(), true));
        done = end;
    }
    if done < text.len() {
        pieces.push((text[done..].to_string(), false));
    }
    pieces
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index(items: &[(Kind, &str, &str)]) -> SearchIndex {
        let mut index = SearchIndex::new();
        for &(kind, key, title) in items {
            index.add(
                kind,
                key,
                title,
                &[Field {
                    text: title,
                    weight: 8,
                }],
            );
        }
        index
    }

    fn keys(hits: &[Hit]) -> Vec<&str> {
        hits.iter().map(|h| h.key.as_str()).collect()
    }

    fn marked(pieces: &[(String, bool)]) -> Vec<&str> {
        pieces
            .iter()
            .filter(|p| p.1)
            .map(|p| p.0.as_str())
            .collect()
    }

    fn joined(pieces: &[(String, bool)]) -> String {
        pieces.iter().map(|p| p.0.as_str()).collect()
    }

    /// The base letter, then every accented Vietnamese form of it.
    const ACCENTED: &str = "a aàáảãạăằắẳẵặâầấẩẫậ|e eèéẻẽẹêềếểễệ|i iìíỉĩị|\
                            o oòóỏõọôồốổỗộơờớởỡợ|u uùúủũụưừứửữự|y yỳýỷỹỵ|d đ";

    #[test]
    fn every_vowel_with_every_tone_is_found_by_its_base_letter() {
        let mut checked = 0;
        for group in ACCENTED.split('|') {
            let (base, forms) = group.split_once(' ').unwrap();
            for form in forms.chars() {
                for letter in [form.to_string(), form.to_uppercase().to_string()] {
                    let title = format!("Ban t{letter}n giáo");
                    let index = index(&[(Kind::Article, "a", &title)]);
                    let hits = index.search(&format!("t{base}n"), 10);
                    assert_eq!(keys(&hits), ["a"], "{title}");
                    assert_eq!(hits[0].score, WHOLE * 8, "{title}");
                    let pieces = highlight(&title, &format!("T{base}N"));
                    assert_eq!(marked(&pieces), [format!("t{letter}n")], "{title}");
                    checked += 1;
                }
            }
        }
        // 12 vowels × 6 forms, upper and lower case, and đ/Đ.
        assert_eq!(checked, 12 * 6 * 2 + 2);
    }

    #[test]
    fn d_with_stroke_is_found_by_d() {
        let index = index(&[(Kind::Article, "a", "ĐẢNG ỦY đoàn")]);
        assert_eq!(keys(&index.search("dang", 5)), ["a"]);
        assert_eq!(keys(&index.search("DOAN", 5)), ["a"]);
        assert_eq!(keys(&index.search("dang uy", 5)), ["a"]);
    }

    #[test]
    fn decomposed_and_precomposed_text_find_each_other() {
        let index = index(&[
            (Kind::Article, "nfd", "Ban Tuye\u{0302}n gia\u{0301}o"),
            (Kind::Article, "nfc", "Ban Tuyên giáo"),
        ]);
        for query in [
            "tuyên giáo",
            "tuyen giao",
            "TUYÊN GIÁO",
            "tuye\u{0302}n gia\u{0301}o",
        ] {
            let hits = index.search(query, 5);
            assert_eq!(keys(&hits), ["nfd", "nfc"], "{query}");
            // Composed for the comparison, both forms get the same score.
            assert_eq!(hits[0].score, hits[1].score, "{query}");
        }
        // Marks in canonical order after the letter: ậ is a + ̣ + ̂ in NFD.
        assert_eq!(lowercase_nfc("Đa\u{0323}\u{0302}p"), "đập");
        assert_eq!(lowercase_nfc("Ơ\u{0300} o\u{031B}\u{0323}"), "ờ ợ");
        assert_eq!(lowercase_nfc("a\u{0301}\u{0301}"), "á\u{0301}");
        assert_eq!(lowercase_nfc("\u{0301}x\u{0302}"), "\u{0301}x\u{0302}");
    }

    #[test]
    fn every_query_word_must_match() {
        let index = index(&[
            (Kind::Article, "1", "Ban Tuyên giáo Tỉnh ủy"),
            (Kind::Article, "2", "Hội nghị Ban Chấp hành Đảng bộ tỉnh"),
            (Kind::Article, "3", "Tuyên truyền chuyển đổi số"),
        ]);
        assert_eq!(keys(&index.search("tuyen giao", 5)), ["1"]);
        assert_eq!(keys(&index.search("ban tinh", 5)), ["1", "2"]);
        assert_eq!(keys(&index.search("tuyen", 5)), ["1", "3"]);
        assert_eq!(keys(&index.search("tuyen so dang", 5)), Vec::<&str>::new());
        assert_eq!(keys(&index.search("dang uy", 5)), Vec::<&str>::new());
    }

    #[test]
    fn dang_uy_finds_dang_uy() {
        let index = index(&[
            (Kind::Article, "1", "Đảng ủy Khối cơ quan tỉnh"),
            (Kind::Article, "2", "Đại hội Đoàn"),
        ]);
        assert_eq!(keys(&index.search("dang uy", 5)), ["1"]);
        assert_eq!(keys(&index.search("Đảng ủy", 5)), ["1"]);
    }

    #[test]
    fn empty_and_punctuation_only_queries_find_nothing() {
        let index = index(&[(Kind::Article, "1", "Ban Tuyên giáo")]);
        for query in ["", "   ", "\t\n", "-- , ; !", "\u{0301}"] {
            assert!(index.search(query, 5).is_empty(), "{query:?}");
            assert_eq!(highlight("Ban", query), [("Ban".to_string(), false)]);
        }
        assert!(index.search("ban", 0).is_empty());
        assert!(highlight("", "ban").is_empty());
    }

    #[test]
    fn query_punctuation_separates_words() {
        let words =
            |q: &str| -> Vec<String> { query_words(q).into_iter().map(|w| w.folded).collect() };
        assert_eq!(words("112-HD"), ["112", "hd"]);
        assert_eq!(words("tuyen giao"), ["tuyen", "giao"]);
        assert_eq!(words(" «Tuyên-giáo», tuyên "), ["tuyen", "giao"]);
        let index = index(&[
            (Kind::Document, "d1", "112-HD/BTGTU"),
            (Kind::Document, "d2", "1120/HD-UBND"),
        ]);
        let hits = index.search("112-HD", 5);
        assert_eq!(keys(&hits), ["d1", "d2"]);
        assert!(hits[0].score > hits[1].score);
    }

    #[test]
    fn whole_words_beat_word_starts_beat_mid_word() {
        let mut index = SearchIndex::new();
        for (key, text) in [
            ("mid", "Khoa học"),
            ("start", "Hoạch định"),
            ("whole", "Hoa sen"),
        ] {
            index.add(Kind::Article, key, text, &[Field { text, weight: 1 }]);
        }
        let hits = index.search("hoa", 5);
        assert_eq!(keys(&hits), ["whole", "start", "mid"]);
        let scores: Vec<u32> = hits.iter().map(|h| h.score).collect();
        assert_eq!(scores, [WHOLE, START, MID]);
        // "hoa" is mid-word in "khoa" and whole in "hoa": the best counts.
        let quality = |text: &str, word: &str| {
            let mut index = SearchIndex::new();
            index.add(Kind::Entry, "k", text, &[Field { text, weight: 1 }]);
            index.search(word, 1).first().map_or(0, |h| h.score)
        };
        assert_eq!(quality("khoa hoa", "hoa"), WHOLE);
        assert_eq!(quality("xhoax hoax", "hoa"), START);
        assert_eq!(quality("aaa", "aa"), START);
        assert_eq!(quality("baaa", "aa"), MID);
        assert_eq!(quality("ab", "c"), 0);
    }

    #[test]
    fn score_sums_the_best_weighted_field_per_word() {
        let mut index = SearchIndex::new();
        index.add(
            Kind::Article,
            "a",
            "Hội nghị",
            &[
                Field {
                    text: "Hội nghị",
                    weight: 8,
                },
                Field {
                    text: "tổng kết năm",
                    weight: 4,
                },
                Field {
                    text: "hội nghị tổng kết công tác năm",
                    weight: 1,
                },
            ],
        );
        index.add(
            Kind::Article,
            "b",
            "Tổng kết",
            &[
                Field {
                    text: "Tổng kết",
                    weight: 8,
                },
                Field {
                    text: "hội nghị",
                    weight: 1,
                },
            ],
        );
        let hits = index.search("hoi tong", 5);
        assert_eq!(keys(&hits), ["a", "b"]);
        assert_eq!(hits[0].score, 8 * WHOLE + 4 * WHOLE);
        assert_eq!(hits[1].score, WHOLE + 8 * WHOLE);
        // A word found only in the body still counts, weakly.
        assert_eq!(keys(&index.search("cong tac", 5)), ["a"]);
        assert_eq!(index.search("cong tac", 5)[0].score, 2 * WHOLE);
    }

    #[test]
    fn exact_diacritics_rank_above_folded_matches() {
        let index = index(&[
            (Kind::Article, "dang-ky", "Hướng dẫn đăng ký"),
            (Kind::Article, "dang-uy", "Đảng ủy Khối"),
            (Kind::Article, "nfd", "Đa\u{0309}ng bộ"),
        ]);
        let hits = index.search("đảng", 5);
        assert_eq!(keys(&hits), ["dang-uy", "nfd", "dang-ky"]);
        assert_eq!(hits[0].score, 8 * (WHOLE + EXACT));
        assert_eq!(hits[1].score, 8 * (WHOLE + EXACT));
        assert_eq!(hits[2].score, 8 * WHOLE);
        // Upper case typed with diacritics still counts as exact.
        assert_eq!(
            keys(&index.search("ĐẢNG", 5)),
            ["dang-uy", "nfd", "dang-ky"]
        );
        assert_eq!(
            keys(&index.search("đăng", 5)),
            ["dang-ky", "dang-uy", "nfd"]
        );
        // Without diacritics no bonus: insertion order decides.
        let hits = index.search("dang", 5);
        assert_eq!(keys(&hits), ["dang-ky", "dang-uy", "nfd"]);
        assert!(hits.iter().all(|h| h.score == 8 * WHOLE));
    }

    #[test]
    fn hits_are_grouped_by_kind_and_limited_per_kind() {
        let mut index = SearchIndex::new();
        let mut add = |kind: Kind, key: &str, text: &str| {
            index.add(kind, key, text, &[Field { text, weight: 8 }]);
        };
        for i in 0..5 {
            let title = format!("Chuyển đổi số {i}");
            add(Kind::Entry, &format!("e{i}"), &title);
            add(Kind::Document, &format!("d{i}"), &title);
        }
        add(Kind::Article, "a-start", "Chuyểnx đổi số");
        add(Kind::Article, "a-whole", "Chuyển đổi số");
        assert_eq!(index.len(), 12);
        let hits = index.search("chuyen doi so", 3);
        assert_eq!(
            keys(&hits),
            ["a-whole", "a-start", "d0", "d1", "d2", "e0", "e1", "e2"]
        );
        let kinds: Vec<Kind> = hits.iter().map(|h| h.kind).collect();
        assert!(kinds.is_sorted());
        assert_eq!(keys(&index.search("chuyen 3", 1)), ["d3", "e3"]);
        assert_eq!(index.search("so", 100).len(), 12);
    }

    #[test]
    fn adding_the_same_kind_and_key_replaces() {
        let mut index = index(&[
            (Kind::Article, "x", "Tin cũ"),
            (Kind::Document, "x", "Văn bản"),
            (Kind::Article, "y", "Tin khác"),
        ]);
        assert_eq!(index.len(), 3);
        index.add(
            Kind::Article,
            "x",
            "Tin mới",
            &[Field {
                text: "Tin mới",
                weight: 8,
            }],
        );
        assert_eq!(index.len(), 3);
        assert!(!index.is_empty());
        assert!(index.search("cu", 5).is_empty());
        let hits = index.search("tin", 5);
        assert_eq!(keys(&hits), ["x", "y"]);
        assert_eq!(hits[0].title, "Tin mới");
        assert_eq!(keys(&index.search("van ban", 5)), ["x"]);
        assert!(SearchIndex::new().is_empty());
    }

    #[test]
    fn highlight_marks_words_and_keeps_the_text() {
        let piece = |s: &str, m: bool| (s.to_string(), m);
        assert_eq!(
            highlight("Ban Tuyên giáo Tỉnh ủy", "tuyen GIAO"),
            [
                piece("Ban ", false),
                piece("Tuyên", true),
                piece(" ", false),
                piece("giáo", true),
                piece(" Tỉnh ủy", false),
            ]
        );
        // Decomposed text: the marks stay with their letters.
        let nfd = "Ban Tuye\u{0302}n gia\u{0301}o";
        let pieces = highlight(nfd, "tuyên giáo");
        assert_eq!(joined(&pieces), nfd);
        assert_eq!(marked(&pieces), ["Tuye\u{0302}n", "gia\u{0301}o"]);
        let pieces = highlight("Tuyên giáo", "tuye\u{0302}n");
        assert_eq!(marked(&pieces), ["Tuyên"]);
        // Mid-word, repeated and overlapping matches; a match that ends
        // inside a decomposed letter takes its marks along.
        let pieces = highlight("ĐẢNG ủy, đăng ký, Đảng", "dang");
        assert_eq!(marked(&pieces), ["ĐẢNG", "đăng", "Đảng"]);
        let pieces = highlight("Ngày hội", "ngay ngayh hoi");
        assert_eq!(marked(&pieces), ["Ngày", "hội"]);
        let pieces = highlight("Ngày hội", "ngay ay");
        assert_eq!(pieces, [piece("Ngày", true), piece(" hội", false)]);
        assert_eq!(marked(&highlight("aaaa b", "aaa")), ["aaaa"]);
        assert_eq!(marked(&highlight("Khoa học", "hoa")), ["hoa"]);
        assert_eq!(marked(&highlight("ta\u{0300}i", "ta")), ["ta\u{0300}"]);
        assert_eq!(
            highlight("Số 112-HD/BTGTU", "112-hd"),
            [
                piece("Số ", false),
                piece("112", true),
                piece("-", false),
                piece("HD", true),
                piece("/BTGTU", false)
            ]
        );
    }

    #[test]
    fn synthetic_feed_of_ten_thousand_articles() {
        let feed = bantin_synth::generate(10_000, 1, "2026-11-23");
        let mut index = SearchIndex::new();
        for article in &feed.content.articles {
            let s = &article.summary;
            let tags = s.tags.join(", ");
            let fields = [(&s.title, 8), (&s.sapo, 4), (&tags, 4)]
                .map(|(text, weight)| Field { text, weight });
            index.add(Kind::Article, &s.slug, &s.title, &fields);
        }
        assert_eq!(index.len(), 10_000);

        let first = &feed.content.articles[0].summary;
        let title_words: Vec<&str> = first.title.split_whitespace().collect();
        // The first article's whole title finds it first.
        let hits = index.search(&first.title, 20);
        assert_eq!(hits[0].key, first.slug);
        assert!(hits.len() <= 20);
        // Any word of it, folded, finds it among the whole list.
        let word = title_words.iter().max_by_key(|w| w.len()).unwrap();
        let hits = index.search(&fold(word), 10_000);
        assert!(hits.iter().any(|h| h.key == first.slug), "{word}");
        // Hits hold every word and come best first.
        let hits = index.search("tinh uy", 50);
        assert!(!hits.is_empty());
        assert!(hits.windows(2).all(|w| w[0].score >= w[1].score));
        for hit in &hits {
            let article = feed
                .content
                .articles
                .iter()
                .find(|a| a.summary.slug == hit.key)
                .unwrap();
            let text = fold(&format!(
                "{} {} {}",
                article.summary.title,
                article.summary.sapo,
                article.summary.tags.join(" ")
            ));
            assert!(text.contains("tinh") && text.contains("uy"), "{}", hit.key);
        }
        assert!(index.search("zzzqqq", 10).is_empty());
        // Cutting the list short keeps the head of the whole ranking.
        for query in ["Đảng ủy", "dang", "tinh uy hoi nghi", &first.title, "a"] {
            let all = index.search(query, usize::MAX);
            for limit in [1, 7, 20] {
                let head = &all[..all.len().min(limit)];
                assert_eq!(index.search(query, limit), head, "{query} {limit}");
            }
        }
    }

    /// An item's fields: text and weight.
    type Fields = Vec<(String, u32)>;

    /// What `search` should find, by a plain scan of every occurrence:
    /// the item's score, `None` if it misses a word.
    fn plain_score(fields: &[(String, u32)], query: &str) -> Option<u32> {
        let words = query_words(query);
        if words.is_empty() {
            return None;
        }
        let mut total = 0;
        for word in &words {
            let mut best = None;
            for (text, weight) in fields {
                let folded = fold(text);
                let alnum = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
                let mut quality = 0;
                for (at, _) in folded.char_indices() {
                    let end = at + word.folded.len();
                    if folded[at..].starts_with(&word.folded) {
                        quality = quality.max(if alnum(folded[..at].chars().next_back()) {
                            MID
                        } else if alnum(folded[end..].chars().next()) {
                            START
                        } else {
                            WHOLE
                        });
                    }
                }
                if quality == 0 {
                    continue;
                }
                if word
                    .exact
                    .as_ref()
                    .is_some_and(|e| lowercase_nfc(text).contains(e.as_str()))
                {
                    quality += EXACT;
                }
                best = Some(best.unwrap_or(0).max(weight * quality));
            }
            total += best?;
        }
        Some(total)
    }

    #[test]
    fn random_text_never_panics_and_scores_as_a_plain_scan() {
        const ALPHABET: &[&str] = &[
            "a", "Đ", "đ", "ả", "Ư", "ợ", "\u{0301}", "\u{0302}", "\u{031B}", "\u{0323}", " ", "-",
            "/", "1", "İ", "ß", "ǅ", "😀", "\u{200D}", "Σ", "x", "Y", "\u{0340}", "ﬃ", "n", "g",
            "T", "h", " ", "ô",
        ];
        let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = move |n: usize| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state % n as u64) as usize
        };
        let random = |next: &mut dyn FnMut(usize) -> usize, len: usize| -> String {
            let len = next(len + 1);
            (0..len).map(|_| ALPHABET[next(ALPHABET.len())]).collect()
        };
        let kinds = [Kind::Article, Kind::Document, Kind::Entry];
        let mut index = SearchIndex::new();
        // The items as they stand: kind and key repeat every 150 items, and
        // the later ones replace the earlier.
        let mut items: Vec<(Kind, String, Fields)> = Vec::new();
        for i in 0..300 {
            let fields: Fields = (0..1 + next(3))
                .map(|_| (random(&mut next, 24), [0, 1, 3, 8][next(4)]))
                .collect();
            let (kind, key) = (kinds[i % 3], (i % 150).to_string());
            let borrowed: Vec<Field> = fields
                .iter()
                .map(|(text, weight)| Field {
                    text,
                    weight: *weight,
                })
                .collect();
            index.add(kind, &key, &fields[0].0, &borrowed);
            match items
                .iter_mut()
                .find(|item| item.0 == kind && item.1 == key)
            {
                Some(item) => item.2 = fields,
                None => items.push((kind, key, fields)),
            }
        }
        assert_eq!(index.len(), 150);
        let (mut with_hits, mut long_lists) = (0, 0);
        for round in 0..400 {
            let text = &items[next(items.len())].2[0].0;
            // Random queries, and pieces of the texts, which find more.
            let query: String = if round % 2 == 0 {
                random(&mut next, 6)
            } else {
                let chars: Vec<char> = text.chars().collect();
                let from = next(chars.len() + 1);
                chars[from..].iter().take(1 + next(5)).collect()
            };
            let pieces = highlight(text, &query);
            assert_eq!(joined(&pieces), *text, "{text:?} {query:?}");
            assert!(pieces.iter().all(|p| !p.0.is_empty()));
            assert!(pieces.windows(2).all(|w| w[0].1 != w[1].1));

            let all = index.search(&query, usize::MAX);
            let mut found: Vec<(Kind, &str, u32)> = all
                .iter()
                .map(|h| (h.kind, h.key.as_str(), h.score))
                .collect();
            let mut expected: Vec<(Kind, &str, u32)> = items
                .iter()
                .filter_map(|(kind, key, fields)| {
                    plain_score(fields, &query).map(|score| (*kind, key.as_str(), score))
                })
                .collect();
            found.sort();
            expected.sort();
            assert_eq!(found, expected, "{query:?}");
            with_hits += usize::from(!all.is_empty());
            long_lists += usize::from(
                kinds
                    .iter()
                    .any(|k| all.iter().filter(|h| h.kind == *k).count() > 4),
            );
            assert!(all.windows(2).all(
                |w| w[0].kind < w[1].kind || w[0].kind == w[1].kind && w[0].score >= w[1].score
            ));

            // Cutting the lists short keeps the head of each.
            for limit in [1, 4] {
                let mut head = all.clone();
                for kind in kinds {
                    let extra = head.iter().filter(|h| h.kind == kind).skip(limit).count();
                    if let Some(at) = head.iter().rposition(|h| h.kind == kind) {
                        head.drain(at + 1 - extra..=at);
                    }
                }
                assert_eq!(index.search(&query, limit), head, "{query:?} {limit}");
            }
        }
        // The queries did find things, often more than a short list holds.
        assert!(
            with_hits > 200 && long_lists > 100,
            "{with_hits} {long_lists}"
        );
    }
}
