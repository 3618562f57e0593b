//! Property tests of the pure logic: the feed validator never panics and
//! keeps its promises on any input, text folding is idempotent, and search
//! and highlighting hold up on any query and text.
//!
//! `PROPTEST_CASES=N` runs N cases per property instead of the defaults
//! below (chosen so that the file runs in a few seconds).
#![cfg(not(target_arch = "wasm32"))]

mod support;

use bantin::logic::search_index::{self, Field, Kind, SearchIndex};
use proptest::prelude::*;
use proptest::sample::Index as Pick;
use serde_json::Value;
use support::feeds::*;

use bantin_format::text::fold;
use bantin_format::validate::{self, Checked, Severity};

// ---------------------------------------------------------------- helpers

/// The promise of [`Checked`]: the value is absent exactly when a problem
/// is fatal. Every problem has a message.
fn promises<T>(checked: &Checked<T>) -> Result<(), TestCaseError> {
    let fatal: Vec<_> = checked
        .problems
        .iter()
        .filter(|p| p.severity == Severity::Fatal)
        .collect();
    if checked.value.is_some() {
        prop_assert!(fatal.is_empty(), "a value with fatal problems: {fatal:?}");
    } else {
        prop_assert!(
            !fatal.is_empty(),
            "no value and no fatal problem: {:?}",
            checked.problems
        );
    }
    for p in &checked.problems {
        prop_assert!(!p.message.is_empty(), "{p:?}");
    }
    Ok(())
}

fn all_parsers(text: &str) -> Result<(), TestCaseError> {
    promises(&validate::parse_index(text))?;
    promises(&validate::parse_article(text))?;
    promises(&validate::parse_news_page(text))?;
    promises(&validate::parse_calendar_week(text))?;
    promises(&validate::parse_documents_page(text))?;
    promises(&validate::parse_document(text))?;
    Ok(())
}

// ------------------------------------------------------- (a) any input

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn any_string_is_checked_without_panic(s in any::<String>()) {
        all_parsers(&s)?;
    }

    #[test]
    fn any_tricky_text_is_checked_without_panic(s in text(64)) {
        all_parsers(&s)?;
    }

    #[test]
    fn any_json_value_is_checked_without_panic(v in json()) {
        all_parsers(&v.to_string())?;
        all_parsers(&serde_json::to_string_pretty(&v).unwrap())?;
    }

    #[test]
    fn any_object_behind_an_envelope_is_checked_without_panic(v in enveloped()) {
        all_parsers(&v.to_string())?;
    }
}

// ------------------------------------------- (b) mutated real feed files

/// The value at a dotted path ("site.linked_websites").
fn at<'a>(v: &'a Value, path: &str) -> Option<&'a Value> {
    path.split('.').try_fold(v, |v, key| v.get(key))
}

/// Every item of the list at `path` in the input that is not in the value
/// must be reported: `path[i]: … item dropped` once per dropped item, or
/// `path: must be a list` when the list was not a list at all.
fn drops_are_reported<T>(
    list: Option<&Value>,
    checked: &Checked<T>,
    path: &str,
    kept: usize,
) -> Result<(), TestCaseError> {
    let given = match list {
        Some(Value::Array(items)) => items.len(),
        Some(Value::Null) | None => 0,
        Some(_) => {
            prop_assert!(
                checked
                    .problems
                    .iter()
                    .any(|p| p.path == path && p.message == "must be a list"),
                "{path} is not a list, unreported: {:?}",
                checked.problems
            );
            0
        }
    };
    prop_assert!(kept <= given, "{path}: kept {kept} of {given}");
    // A list over its limit is cut with one report for the items past it.
    let cut: usize = checked
        .problems
        .iter()
        .filter(|p| p.path == path && p.severity == Severity::Error)
        .filter_map(|p| p.message.split("the last ").nth(1))
        .filter_map(|rest| rest.strip_suffix(" are dropped")?.parse::<usize>().ok())
        .sum();
    let reported = cut
        + (0..given)
            .filter(|i| {
                let item = format!("{path}[{i}]");
                checked.problems.iter().any(|p| {
                    p.path == item
                        && p.severity == Severity::Error
                        && p.message.ends_with("item dropped")
                })
            })
            .count();
    prop_assert_eq!(
        given - kept,
        reported,
        "{}: {} given, {} kept, {} reported dropped: {:?}",
        path,
        given,
        kept,
        reported,
        checked.problems
    );
    Ok(())
}

/// Parses a (mutated) file as its kind, checks the promises, and that every
/// dropped item is reported.
fn check_mutated(kind: &str, v: &Value) -> Result<(), TestCaseError> {
    let text = v.to_string();
    all_parsers(&text)?;
    match kind {
        "index" => {
            let c = validate::parse_index(&text);
            if let Some(index) = &c.value {
                drops_are_reported(
                    at(v, "categories"),
                    &c,
                    "categories",
                    index.categories.len(),
                )?;
                drops_are_reported(at(v, "latest"), &c, "latest", index.latest.len())?;
                drops_are_reported(
                    at(v, "site.linked_websites"),
                    &c,
                    "site.linked_websites",
                    index.site.linked_websites.len(),
                )?;
                drops_are_reported(
                    at(v, "site.quick_links"),
                    &c,
                    "site.quick_links",
                    index.site.quick_links.len(),
                )?;
                drops_are_reported(
                    at(v, "documents.latest"),
                    &c,
                    "documents.latest",
                    index.documents.latest.len(),
                )?;
                for (i, week) in index.calendar.embedded.iter().enumerate() {
                    let list = at(v, "calendar.embedded")
                        .and_then(|weeks| weeks.get(i))
                        .and_then(|week| week.get("entries"));
                    let path = format!("calendar.embedded[{i}].entries");
                    drops_are_reported(list, &c, &path, week.entries.len())?;
                }
                // calendar.weeks: each bad week is reported at its place.
                let given = at(v, "calendar.weeks")
                    .and_then(Value::as_array)
                    .map_or(0, Vec::len);
                let reported = c
                    .problems
                    .iter()
                    .filter(|p| p.path.starts_with("calendar.weeks["))
                    .count();
                prop_assert_eq!(given - index.calendar.weeks.len(), reported);
                // news.lists is not checked here: a list with a bad id is
                // dropped without a word (see `index_with_a_bad_news_list_id`
                // in tests/bad_feeds.rs).
            }
        }
        "article" => {
            let c = validate::parse_article(&text);
            if let Some(article) = &c.value {
                drops_are_reported(
                    at(v, "article.body"),
                    &c,
                    "article.body",
                    article.body.len(),
                )?;
            }
        }
        "news-page" => {
            let c = validate::parse_news_page(&text);
            if let Some(page) = &c.value {
                drops_are_reported(at(v, "items"), &c, "items", page.items.len())?;
            }
        }
        "calendar-week" => {
            let c = validate::parse_calendar_week(&text);
            if let Some(week) = &c.value {
                drops_are_reported(at(v, "entries"), &c, "entries", week.entries.len())?;
            }
        }
        "documents-page" => {
            let c = validate::parse_documents_page(&text);
            if let Some(page) = &c.value {
                drops_are_reported(at(v, "items"), &c, "items", page.items.len())?;
            }
        }
        "document" => {
            // One document, no lists of items: all or nothing.
            let c = validate::parse_document(&text);
            prop_assert!(c.value.is_some() || c.is_fatal());
        }
        _ => unreachable!("{kind}"),
    }
    Ok(())
}

#[test]
fn the_sample_files_are_clean() {
    SAMPLES.with(|samples| {
        for (kind, v) in samples {
            let text = v.to_string();
            let problems = match *kind {
                "index" => validate::parse_index(&text).problems,
                "article" => validate::parse_article(&text).problems,
                "news-page" => validate::parse_news_page(&text).problems,
                "calendar-week" => validate::parse_calendar_week(&text).problems,
                "documents-page" => validate::parse_documents_page(&text).problems,
                "document" => validate::parse_document(&text).problems,
                _ => unreachable!(),
            };
            let bad: Vec<_> = problems
                .iter()
                .filter(|p| p.severity <= Severity::Error)
                .collect();
            assert!(bad.is_empty(), "{kind}: {bad:?}");
        }
    });
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn mutated_sample_files_keep_the_promises(
        which in 0..6usize,
        mutations in prop::collection::vec(mutation(), 1..5),
    ) {
        let (kind, mut v) = SAMPLES.with(|s| s[which].clone());
        for m in &mutations {
            mutate(&mut v, m);
        }
        check_mutated(kind, &v)?;
    }

    /// The same, aimed at the items of the lists, where dropping happens.
    #[test]
    fn mutated_list_items_are_dropped_and_reported(
        which in 0..6usize,
        list in any::<Pick>(),
        mutations in prop::collection::vec(mutation(), 1..6),
    ) {
        let (kind, mut v) = SAMPLES.with(|s| s[which].clone());
        let lists: &[&str] = match kind {
            "index" => &["categories", "latest", "site.linked_websites", "documents.latest"],
            "article" => &["article.body"],
            "news-page" | "documents-page" => &["items"],
            "calendar-week" => &["entries"],
            _ => &["document"],
        };
        let path = lists[list.index(lists.len())];
        let mut target = at(&v, path).cloned().unwrap_or(Value::Null);
        for m in &mutations {
            mutate(&mut target, m);
        }
        let mut parent = &mut v;
        let keys: Vec<&str> = path.split('.').collect();
        for key in &keys[..keys.len() - 1] {
            parent = parent.get_mut(*key).unwrap();
        }
        parent[keys[keys.len() - 1]] = target;
        check_mutated(kind, &v)?;
    }
}

// ------------------------------------------------- (c) folding and search

/// The combining marks of decomposed Vietnamese: the five tones, and
/// circumflex, breve and horn.
const TONE_MARKS: &[char] = &[
    '\u{0300}', '\u{0301}', '\u{0303}', '\u{0309}', '\u{0323}', '\u{0302}', '\u{0306}', '\u{031B}',
];

/// Accented Vietnamese letters and đ: fold leaves none of them.
const ACCENTED: &str = "àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ";

proptest! {
    #![proptest_config(config(512))]

    #[test]
    fn folding_is_idempotent(s in prop_oneof![text(48), any::<String>()]) {
        let once = fold(&s);
        prop_assert_eq!(fold(&once), once);
    }

    /// What `fold` promises: lowercase (every character is its own
    /// lowercase; a letter with no lowercase form, such as 𝐀, may stay, so
    /// `char::is_uppercase` would ask too much), no combining diacritical
    /// marks (U+0300–U+036F, the only marks it strips), no accented
    /// Vietnamese letter or đ.
    #[test]
    fn folded_text_is_lowercase_without_diacritics(s in prop_oneof![text(48), any::<String>()]) {
        for c in fold(&s).chars() {
            prop_assert!(c.to_lowercase().eq([c]), "{c:?} in fold({s:?})");
            prop_assert!(!('\u{0300}'..='\u{036F}').contains(&c), "{c:?} in fold({s:?})");
            prop_assert!(!ACCENTED.contains(c), "{c:?} in fold({s:?})");
        }
    }

    /// Vietnamese text, precomposed or decomposed, in any case, folds to
    /// plain ASCII; ASCII text only loses its capitals.
    #[test]
    fn vietnamese_folds_to_ascii(
        s in prop::collection::vec(
            prop_oneof![
                prop::sample::select(VIETNAMESE.chars().collect::<Vec<_>>()),
                prop::sample::select(TONE_MARKS),
                prop::char::range(' ', '~'),
            ],
            0..40,
        )
        .prop_map(String::from_iter),
    ) {
        let folded = fold(&s);
        prop_assert!(folded.is_ascii(), "{folded:?}");
        prop_assert_eq!(fold(&s.to_uppercase()), folded.clone());
        prop_assert_eq!(fold(&s.to_lowercase()), folded);
        let ascii: String = s.chars().filter(char::is_ascii).collect();
        if ascii.len() == s.len() {
            prop_assert_eq!(fold(&s), s.to_ascii_lowercase());
        }
    }

    /// `highlight` gives the text back exactly, in pieces that are never
    /// empty, alternate between marked and not, and lie on character
    /// boundaries of the text.
    #[test]
    fn highlighting_keeps_the_text(
        text in prop_oneof![self::text(60), any::<String>()],
        query in prop_oneof![self::text(12), any::<String>()],
    ) {
        let pieces = search_index::highlight(&text, &query);
        let joined: String = pieces.iter().map(|p| p.0.as_str()).collect();
        prop_assert_eq!(&joined, &text);
        let mut at = 0;
        for (i, (piece, _)) in pieces.iter().enumerate() {
            prop_assert!(!piece.is_empty(), "{pieces:?}");
            prop_assert!(text.is_char_boundary(at) && text.is_char_boundary(at + piece.len()));
            prop_assert_eq!(&text[at..at + piece.len()], piece.as_str());
            at += piece.len();
            if i > 0 {
                prop_assert_ne!(pieces[i - 1].1, pieces[i].1, "{:?}", pieces);
            }
        }
    }

    /// With a plain query (ASCII letters and digits), every marked piece
    /// folds to something holding a query word, and a text whose folded
    /// form holds a query word gets a mark.
    #[test]
    fn highlighting_marks_the_query_words(
        text in self::text(60),
        query in "[a-zA-Z0-9]{1,3}( [a-zA-Z0-9]{1,3}){0,2}",
    ) {
        let words: Vec<String> = query.split(' ').map(str::to_ascii_lowercase).collect();
        let pieces = search_index::highlight(&text, &query);
        for (piece, marked) in &pieces {
            if *marked {
                let folded = fold(piece);
                prop_assert!(words.iter().any(|w| folded.contains(w.as_str())), "{piece:?} for {query:?}");
            }
        }
        if words.iter().any(|w| fold(&text).contains(w.as_str())) {
            prop_assert!(pieces.iter().any(|p| p.1), "nothing marked in {text:?} for {query:?}");
        }
    }

    /// Search never panics, keeps at most `per_kind` hits per kind, in kind
    /// order, best first, only of items it holds; and with room for every
    /// item it finds an item by any piece of its text.
    #[test]
    fn search_finds_what_it_holds(
        items in prop::collection::vec((0..3usize, prop::collection::vec(self::text(30), 1..4)), 1..8),
        query in prop_oneof![self::text(12), any::<String>()],
        source in (any::<Pick>(), any::<Pick>(), any::<Pick>(), any::<Pick>()),
        per_kind in 0..5usize,
    ) {
        let kinds = [Kind::Article, Kind::Document, Kind::Entry];
        let mut index = SearchIndex::new();
        for (i, (kind, fields)) in items.iter().enumerate() {
            let fields: Vec<Field> = fields
                .iter()
                .enumerate()
                .map(|(w, text)| Field { text, weight: [8, 4, 1][w % 3] })
                .collect();
            index.add(kinds[*kind], &format!("k{i}"), &format!("t{i}"), &fields);
        }
        prop_assert_eq!(index.len(), items.len());

        let hits = index.search(&query, per_kind);
        for kind in kinds {
            prop_assert!(hits.iter().filter(|h| h.kind == kind).count() <= per_kind);
        }
        for pair in hits.windows(2) {
            prop_assert!(
                pair[0].kind < pair[1].kind
                    || (pair[0].kind == pair[1].kind && pair[0].score >= pair[1].score),
                "{hits:?}"
            );
        }
        for hit in &hits {
            let i: usize = hit.key[1..].parse().unwrap();
            prop_assert!(i < items.len());
            prop_assert_eq!(hit.kind, kinds[items[i].0]);
            prop_assert_eq!(&hit.title, &format!("t{i}"));
        }

        // A piece of one field of one item, cut on character boundaries.
        let (item, field, from, to) = source;
        let i = item.index(items.len());
        let text = &items[i].1[field.index(items[i].1.len())];
        let bounds: Vec<usize> = text.char_indices().map(|(b, _)| b).chain([text.len()]).collect();
        let (a, b) = (bounds[from.index(bounds.len())], bounds[to.index(bounds.len())]);
        let piece = &text[a.min(b)..a.max(b)];
        let found = index.search(piece, items.len());
        let has_word = fold(piece).chars().any(char::is_alphanumeric);
        if has_word {
            prop_assert!(
                found.iter().any(|h| h.key == format!("k{i}")),
                "{piece:?} (from {text:?}) does not find item {i}: {found:?}"
            );
        } else {
            prop_assert!(found.is_empty(), "{piece:?} finds {found:?}");
        }
    }
}

// ------------------------------------------------ the kiosk's numbers

proptest! {
    #![proptest_config(config(2048))]

    /// `board::is_decimal` accepts what Rust's float parser reads, but its
    /// words for infinity and not-a-number: the browser converts exactly
    /// these texts with JavaScript's `parseFloat`.
    #[test]
    fn decimals_are_what_the_float_parser_reads(
        s in prop_oneof![
            "[-+]?[0-9]{0,4}(\\.[0-9]{0,3})?([eE][-+]?[0-9]{0,3})?",
            "[-+.eE0-9 ,_x]{0,8}",
            "(?i)[-+]?(inf|infinity|nan)",
            any::<String>(),
        ]
    ) {
        let words = s.trim_start_matches(['+', '-']).chars().any(|c| c.is_ascii_alphabetic() && !"eE".contains(c));
        let rust = s.parse::<f64>().is_ok() && !words;
        prop_assert_eq!(bantin::logic::board::is_decimal(&s), rust, "{:?}", s);
    }
}
