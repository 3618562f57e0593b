//! Any bytes, read as UTF-8 (lossily): the first line is a search query,
//! the rest a text of up to four fields (separated by tabs).
//!
//! Checks `text::fold` (idempotent; lowercase; no combining diacritical
//! marks U+0300–U+036F, no accented Vietnamese letter or đ), `highlight`
//! (gives the text back exactly, in non-empty pieces that alternate
//! between marked and not), and `SearchIndex` (never panics; at most
//! `per_kind` hits; an item is found by any of its fields).
#![no_main]

use bantin::logic::search_index::{self, Field, Kind, SearchIndex};
use bantin_format::text::fold;
use libfuzzer_sys::fuzz_target;

const ACCENTED: &str = "àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ";

fn check_fold(s: &str) {
    let once = fold(s);
    assert_eq!(fold(&once), once, "fold is not idempotent on {s:?}");
    for c in once.chars() {
        assert!(c.to_lowercase().eq([c]), "{c:?} in fold({s:?})");
        assert!(
            !('\u{0300}'..='\u{036F}').contains(&c),
            "{c:?} in fold({s:?})"
        );
        assert!(!ACCENTED.contains(c), "{c:?} in fold({s:?})");
    }
}

fuzz_target!(|data: &[u8]| {
    let input = String::from_utf8_lossy(data);
    let (query, text) = input.split_once('\n').unwrap_or((&input, ""));
    check_fold(query);
    check_fold(text);

    let pieces = search_index::highlight(text, query);
    let joined: String = pieces.iter().map(|p| p.0.as_str()).collect();
    assert_eq!(joined, text, "highlight lost text for {query:?}");
    for (i, (piece, marked)) in pieces.iter().enumerate() {
        assert!(!piece.is_empty(), "{pieces:?}");
        if i > 0 {
            assert_ne!(pieces[i - 1].1, *marked, "{pieces:?}");
        }
    }

    let fields: Vec<&str> = text.split('\t').take(4).collect();
    let mut index = SearchIndex::new();
    let weights = [8, 4, 3, 1];
    let kinds = [Kind::Article, Kind::Document, Kind::Entry];
    for (i, kind) in kinds.into_iter().enumerate() {
        let fields: Vec<Field> = fields
            .iter()
            .zip(weights)
            .map(|(&text, weight)| Field { text, weight })
            .collect();
        index.add(kind, &format!("k{i}"), query, &fields);
    }
    for per_kind in [0, 1, 3] {
        let hits = index.search(query, per_kind);
        for kind in kinds {
            assert!(hits.iter().filter(|h| h.kind == kind).count() <= per_kind);
        }
    }
    // Every item holds every field, so any field finds all three.
    for field in &fields {
        let hits = index.search(field, 3);
        if fold(field).chars().any(char::is_alphanumeric) {
            assert_eq!(hits.len(), 3, "{field:?} finds {hits:?}");
        } else {
            assert!(hits.is_empty(), "{field:?} finds {hits:?}");
        }
    }
});
