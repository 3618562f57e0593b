//! One verdict: the JSON Schemas in public/schema and the validator
//! (`bantin_format::validate`, which `bantin-feed check` and the app run)
//! judge every file alike. A file is *invalid* for the validator when it
//! reports a fatal problem or an error (an item dropped); warnings and notes
//! leave it valid. The schemas must say the same, file by file, for:
//!
//! - every file of the bundled sample feed and of a generated feed (valid);
//! - the sample's files spoiled by random mutations (the property tests'),
//!   and by edge values aimed at the rules where the two used to disagree
//!   (blank and invisible text, direction controls, time forms, URLs,
//!   numbers).
//!
//! A few rules need more than one value at a time, which JSON Schema cannot
//! express (the format doc lists them, §8 "What the schemas check"): those
//! errors are set aside by [`BEYOND_SCHEMA`] and nothing else is.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use std::path::{Path, PathBuf};

use jsonschema::{Draft, Retrieve, Uri, Validator};
use proptest::prelude::*;
use proptest::sample::Index as Pick;
use serde_json::Value;
use support::feeds::*;

use bantin_format::validate::{self, Problem, Severity};

/// Errors about one value beside another: duplicates in a list, an entry
/// outside its file's week, dates in the wrong order. Matched on the
/// validator's messages (format doc §8).
const BEYOND_SCHEMA: &[&str] = &[
    "duplicate id",
    "duplicate slug",
    "is not in week",
    "earlier than start",
    "earlier than the date it takes effect",
    // A multi-day calendar entry's days against its week and its times.
    "does not touch week",
    "is before the day of start",
    ", not on end_date",
];

fn schema_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("public/schema")
}

/// Serves `common.schema.json` (and its siblings) from public/schema when a
/// schema's `$ref` names them: nothing is fetched from the network.
struct SchemaFiles;

impl Retrieve for SchemaFiles {
    fn retrieve(
        &self,
        uri: &Uri<String>,
    ) -> Result<Value, Box<dyn std::error::Error + Send + Sync>> {
        let name = uri
            .path()
            .as_str()
            .rsplit('/')
            .next()
            .unwrap_or_default()
            .to_string();
        let text =
            std::fs::read_to_string(schema_dir().join(&name)).map_err(|e| format!("{uri}: {e}"))?;
        Ok(serde_json::from_str(&text)?)
    }
}

fn validator_for(kind: &str) -> Validator {
    let path = schema_dir().join(format!("{kind}.schema.json"));
    let schema: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    jsonschema::options()
        .with_draft(Draft::Draft202012)
        .with_retriever(SchemaFiles)
        .build(&schema)
        .unwrap_or_else(|e| panic!("{path:?}: {e}"))
}

thread_local! {
    static VALIDATORS: Vec<(&'static str, Validator)> =
        KINDS.iter().map(|k| (*k, validator_for(k))).collect();
}

/// The validator's problems with the file, read as `kind`.
fn problems(kind: &str, text: &str) -> Vec<Problem> {
    match kind {
        "index" => validate::parse_index(text).problems,
        "article" => validate::parse_article(text).problems,
        "news-page" => validate::parse_news_page(text).problems,
        "calendar-week" => validate::parse_calendar_week(text).problems,
        "documents-page" => validate::parse_documents_page(text).problems,
        "document" => validate::parse_document(text).problems,
        _ => unreachable!("{kind}"),
    }
}

/// An error that says nothing of its own: "item dropped" follows the
/// item's own errors, which decide.
fn beyond_schema(p: &Problem) -> bool {
    p.message == "item dropped" || BEYOND_SCHEMA.iter().any(|m| p.message.contains(m))
}

/// Both verdicts on one file; `Err` says how they differ.
fn agree(kind: &str, v: &Value) -> Result<bool, String> {
    let text = v.to_string();
    let found = problems(kind, &text);
    let invalid: Vec<&Problem> = found
        .iter()
        .filter(|p| p.severity <= Severity::Error && !beyond_schema(p))
        .collect();
    let schema_errors: Vec<String> = VALIDATORS.with(|all| {
        let validator = &all.iter().find(|(k, _)| *k == kind).unwrap().1;
        validator
            .iter_errors(v)
            .take(5)
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .collect()
    });
    let schema_valid = schema_errors.is_empty();
    if schema_valid == invalid.is_empty() {
        return Ok(schema_valid);
    }
    let mut shown = text.clone();
    if shown.len() > 1500 {
        let cut = (0..=1500)
            .rev()
            .find(|&i| shown.is_char_boundary(i))
            .unwrap();
        shown.truncate(cut);
        shown.push('…');
    }
    Err(format!(
        "{kind}: the schema says {}, the validator says {}\n  schema: {schema_errors:#?}\n  validator: {found:#?}\n  file: {shown}",
        if schema_valid { "valid" } else { "invalid" },
        if invalid.is_empty() { "valid" } else { "invalid" },
    ))
}

/// The kind a feed file's place calls for.
fn kind_of(path: &str) -> &'static str {
    match path.split('/').next().unwrap() {
        "index.json" => "index",
        "articles" => "article",
        "news" => "news-page",
        "calendar" => "calendar-week",
        "documents" if path.starts_with("documents/pages/") => "documents-page",
        "documents" => "document",
        other => panic!("not a feed file: {other}"),
    }
}

fn json_files(root: &Path, dir: &Path, out: &mut Vec<(String, Value)>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let rel = path
            .strip_prefix(root)
            .unwrap()
            .to_string_lossy()
            .into_owned();
        if path.is_dir() {
            // The archive and library indexes have their own tests below.
            if !rel.starts_with("media")
                && !rel.starts_with("files")
                && !rel.starts_with("search")
                && !rel.starts_with("library")
            {
                json_files(root, &path, out);
            }
        } else if rel.ends_with(".json") {
            let text = std::fs::read_to_string(&path).unwrap();
            out.push((rel, serde_json::from_str(&text).unwrap()));
        }
    }
}

#[test]
fn every_sample_file_is_valid_for_both() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("public/feed");
    let mut files = Vec::new();
    json_files(&root, &root, &mut files);
    assert!(files.len() > 50, "{} files", files.len());
    for (path, v) in &files {
        let verdict = agree(kind_of(path), v).unwrap_or_else(|e| panic!("{path}: {e}"));
        assert!(verdict, "{path}: valid for neither");
    }
}

#[test]
fn every_generated_file_is_valid_for_both() {
    let feed = bantin_synth::generate(400, 7, "2026-11-23");
    let mut checked = 0;
    for (path, text) in bantin_format::pack::pack(&feed.content) {
        let v: Value = serde_json::from_str(&text).unwrap();
        let verdict = agree(kind_of(&path), &v).unwrap_or_else(|e| panic!("{path}: {e}"));
        assert!(verdict, "{path}: valid for neither");
        checked += 1;
    }
    assert!(checked > 400, "{checked} files");
}

/// The archive index (search/): its schemas and its reader
/// (`bantin_format::archive`, which `bantin-feed check` runs) find the
/// sample's root and every part valid, and refuse the same spoilt copies.
#[test]
fn the_search_index_gets_one_verdict() {
    use bantin_format::archive::{Root, Store};
    let feed = Path::new(env!("CARGO_MANIFEST_DIR")).join("public/feed");
    let root_text = std::fs::read_to_string(feed.join("search/index.json")).unwrap();
    let root = Root::parse(&root_text).unwrap();
    let schema_ok = |kind: &str, text: &str| {
        let v: Value = serde_json::from_str(text).unwrap();
        validator_for(kind).is_valid(&v)
    };
    let reader_ok = |path: &str, text: &str| {
        if path == "search/index.json" {
            Root::parse(text).is_ok()
        } else {
            Store::new(root.clone()).insert(path, text).is_ok()
        }
    };
    let kind_of = |path: &str| {
        let name = path.rsplit('/').next().unwrap();
        match name.as_bytes()[0] {
            _ if path == "search/index.json" => "search-index",
            b't' | b'c' | b'd' => "search-terms",
            _ => "search-records",
        }
    };
    let mut files = vec![("search/index.json".to_string(), root_text.clone())];
    for path in root.part_paths() {
        files.push((
            path.clone(),
            std::fs::read_to_string(feed.join(&path)).unwrap(),
        ));
    }
    assert!(files.len() > 10);
    for (path, text) in &files {
        assert!(
            schema_ok(kind_of(path), text),
            "{path}: the schema refuses it"
        );
        assert!(reader_ok(path, text), "{path}: the reader refuses it");
    }
    let term = files.iter().find(|(p, _)| p.ends_with("/t0.json")).unwrap();
    let record = files.iter().find(|(p, _)| p.ends_with("/r0.json")).unwrap();
    let spoilt: Vec<(&str, String)> = vec![
        (
            &files[0].0,
            root_text.replacen("\"version\":1", "\"version\":2", 1),
        ),
        (
            &files[0].0,
            root_text.replacen(&root.build, "ABCDEF012345", 1),
        ),
        (
            &files[0].0,
            root_text.replacen("\"term_parts\":[\"\"", "\"term_parts\":[\"a\"", 1),
        ),
        (
            &files[0].0,
            root_text.replacen(
                "\"format_version\":\"1.1\"",
                "\"format_version\":\"1.x\"",
                1,
            ),
        ),
        (
            &term.0,
            term.1.replacen(
                "\"kind\":\"search-terms\"",
                "\"kind\":\"search-records\"",
                1,
            ),
        ),
        (&term.0, term.1.replacen(",\"g", ",\"g*", 1)),
        (&term.0, term.1.replacen(",\"g", ",\"xg", 1)),
        (
            &term.0,
            term.1
                .replacen("\"terms\":[[", "\"terms\":[[\"\",1,\"\",\"\",\"\"],[", 1),
        ),
        (
            &record.0,
            record
                .1
                .replacen("\"date\":\"", "\"date\":\"2026-13-01x", 1),
        ),
        (
            &record.0,
            record.1.replacen("\"key\":\"", "\"nothing\":\"", 1),
        ),
        (
            &record.0,
            record
                .1
                .replacen("\"title\":", "\"title\":7,\"x_title\":", 1),
        ),
    ];
    for (path, text) in &spoilt {
        assert!(
            !schema_ok(kind_of(path), text),
            "{path}: the schema takes {text:.300}"
        );
        assert!(
            !reader_ok(path, text),
            "{path}: the reader takes {text:.300}"
        );
    }
}

/// The library index (library/): its schemas and its reader
/// (`bantin_format::library`, which `bantin-feed check` runs) find the
/// sample's root and every part valid, and refuse the same spoilt copies.
#[test]
fn the_library_index_gets_one_verdict() {
    use bantin_format::library::{Facet, Part, PartId, Root};
    let feed = Path::new(env!("CARGO_MANIFEST_DIR")).join("public/feed");
    let root_text = std::fs::read_to_string(feed.join("library/index.json")).unwrap();
    let root = Root::parse(&root_text).unwrap();
    let schema_ok = |kind: &str, text: &str| {
        let v: Value = serde_json::from_str(text).unwrap();
        validator_for(kind).is_valid(&v)
    };
    let kind_of = |part: Option<PartId>| match part {
        None => "library-index",
        Some(PartId::Rows(_)) => "library-rows",
        Some(PartId::Ids(..)) => "library-ids",
        Some(PartId::Dates) => "library-dates",
    };
    let reader_ok = |part: Option<PartId>, text: &str| match part {
        None => Root::parse(text).is_ok(),
        Some(p) => Part::parse(&root, p, text).is_ok(),
    };
    let mut files = vec![(None, root_text.clone())];
    for part in root.parts() {
        files.push((
            Some(part),
            std::fs::read_to_string(feed.join(root.path(part))).unwrap(),
        ));
    }
    assert!(files.len() > 10);
    for (part, text) in &files {
        assert!(
            schema_ok(kind_of(*part), text),
            "{part:?}: the schema refuses it"
        );
        assert!(reader_ok(*part, text), "{part:?}: the reader refuses it");
    }
    let find = |p: PartId| files.iter().find(|(q, _)| *q == Some(p)).unwrap().1.clone();
    let rows = find(PartId::Rows(0));
    let ids = find(PartId::Ids(Facet::Type, 0));
    let dates = find(PartId::Dates);
    let spoilt: Vec<(Option<PartId>, String)> = vec![
        (
            None,
            root_text.replacen("\"version\":1", "\"version\":2", 1),
        ),
        (None, root_text.replacen(&root.build, "ABCDEF012345", 1)),
        (
            None,
            root_text.replacen("\"row_part_size\":10", "\"row_part_size\":0", 1),
        ),
        (
            None,
            root_text.replacen("\"years\":[[", "\"years\":[[\"x\",", 1),
        ),
        (
            Some(PartId::Rows(0)),
            rows.replacen("{\"id\":", "{\"signer\":null,\"id\":", 1),
        ),
        (
            Some(PartId::Rows(0)),
            rows.replacen("\"issued\":\"", "\"issued\":\"x", 1),
        ),
        (
            Some(PartId::Rows(0)),
            rows.replacen("\"id\":\"", "\"id\":\"A B", 1),
        ),
        (
            Some(PartId::Rows(0)),
            rows.replacen("\"kind\":\"library-rows\"", "\"kind\":\"library-ids\"", 1),
        ),
        (
            Some(PartId::Ids(Facet::Type, 0)),
            ids.replacen("\"ids\":\"", "\"ids\":\"x", 1),
        ),
        (
            Some(PartId::Ids(Facet::Type, 0)),
            ids.replacen("\"facet\":\"type\"", "\"facet\":\"year\"", 1),
        ),
        (
            Some(PartId::Dates),
            dates.replacen("\"start\":[", "\"start\":[\"2026-01-01\",", 1),
        ),
        (
            Some(PartId::Dates),
            dates.replacen("\"part\":0", "\"part\":1", 1),
        ),
    ];
    for (part, text) in &spoilt {
        assert!(
            !schema_ok(kind_of(*part), text),
            "{part:?}: the schema takes {text:.300}"
        );
        assert!(
            !reader_ok(*part, text),
            "{part:?}: the reader takes {text:.300}"
        );
    }
}

/// Values aimed at the rules where the schemas and the validator used to
/// part: blank and invisible text, direction controls, time forms, URLs,
/// numbers that JSON Schema calls integers.
fn edge_value() -> impl Strategy<Value = Value> {
    let strings: &[&str] = &[
        "",
        " ",
        "\u{A0}\u{3000}",
        "\u{200B}",
        "\u{200B}\u{FEFF}\u{2060}",
        "\u{AD}\u{200C}\u{200D}",
        "\u{200E}",
        "\u{202E}ngược",
        "Tin \u{202E}ngược",
        "Tin \u{202E}ngược\u{202C} xuôi",
        "Tin \u{2067}ngược\u{2069} xuôi",
        "Tin \u{2067}ngược",
        "Tin\u{2069}",
        "2026-11-23T08:30:00+07:00",
        "2026-11-23 08:30:00+07:00",
        "2026-11-23t08:30:00z",
        "2026-11-23T08:30:00z",
        "2026-11-23T08:30:00Z",
        "2026-11-23T23:59:60+07:00",
        "2026-11-23T08:30:00.5+07:00",
        "2026-11-23T08:30+07:00",
        "2026-11-23",
        "2026-02-30",
        "2026-W53",
        "2027-W53",
        "HTTPS://example.vn/a",
        "https://example.vn/a",
        "media/../../a.jpg",
        "../a.jpg",
        "/a/../b.jpg",
        "\\/example.vn",
        "data:image/png;base64,iVBORw0KGgo=",
        "data:image/png;base64,iVBORw0KGgo",
        "a-b",
        "A-b",
        "a--b",
        "sang",
        "chieu",
        "scheduled",
        "paragraph",
        "application/pdf",
        "pdf",
        "1.1",
        "1.01",
        "Responsive image",
        "IMG_1234.jpg",
        "ảnh",
        "Chỉ thị 05",
        "—",
    ];
    prop_oneof![
        4 => prop::sample::select(strings).prop_map(Value::from),
        1 => prop::sample::select(&[0.0, 3.0, -1.0, 2.5, 4294967296.0, 1e20][..])
            .prop_map(Value::from),
        1 => prop::sample::select(&[0i64, 1, 2, 3, 4, 5, -1, 61, 4294967296][..])
            .prop_map(Value::from),
    ]
}

/// Puts `new` at one string or number of `v` (picked like [`mutate`] picks).
fn replace_leaf(v: &mut Value, kind_of_place: Pick, place: Pick, new: Value) {
    let mut leaves: Vec<Vec<String>> = Vec::new();
    fn walk(v: &Value, here: &mut Vec<String>, out: &mut Vec<Vec<String>>) {
        match v {
            Value::Object(map) => {
                for (k, child) in map {
                    here.push(k.clone());
                    walk(child, here, out);
                    here.pop();
                }
            }
            Value::Array(items) => {
                for (i, child) in items.iter().enumerate() {
                    here.push(i.to_string());
                    walk(child, here, out);
                    here.pop();
                }
            }
            Value::String(_) | Value::Number(_) => out.push(here.clone()),
            _ => {}
        }
    }
    walk(v, &mut Vec::new(), &mut leaves);
    if leaves.is_empty() {
        return;
    }
    // Group by shape (list positions left out) so rare fields are hit too.
    let shape = |p: &Vec<String>| -> String {
        p.iter()
            .map(|s| {
                if s.parse::<usize>().is_ok() {
                    "[]"
                } else {
                    s.as_str()
                }
            })
            .collect::<Vec<_>>()
            .join(".")
    };
    let mut shapes: Vec<String> = leaves.iter().map(shape).collect();
    shapes.sort();
    shapes.dedup();
    let chosen = &shapes[kind_of_place.index(shapes.len())];
    let of_shape: Vec<&Vec<String>> = leaves.iter().filter(|p| &shape(p) == chosen).collect();
    let path = of_shape[place.index(of_shape.len())];
    let mut at = v;
    for step in path {
        at = match at {
            Value::Array(items) => &mut items[step.parse::<usize>().unwrap()],
            other => &mut other[step.as_str()],
        };
    }
    *at = new;
}

proptest! {
    #![proptest_config(config(512))]

    #[test]
    fn mutated_sample_files_get_one_verdict(
        which in 0..6usize,
        mutations in prop::collection::vec(mutation(), 1..4),
    ) {
        let (kind, mut v) = SAMPLES.with(|s| s[which].clone());
        for m in &mutations {
            mutate(&mut v, m);
        }
        if let Err(e) = agree(kind, &v) {
            prop_assert!(false, "{}", e);
        }
    }

    #[test]
    fn edge_values_get_one_verdict(
        which in 0..6usize,
        edits in prop::collection::vec((any::<Pick>(), any::<Pick>(), edge_value()), 1..3),
    ) {
        let (kind, mut v) = SAMPLES.with(|s| s[which].clone());
        for (kind_of_place, place, new) in edits {
            replace_leaf(&mut v, kind_of_place, place, new);
        }
        if let Err(e) = agree(kind, &v) {
            prop_assert!(false, "{}", e);
        }
    }
}

// ------------------------------------------- the patterns, value by value

/// A validator for one of common.schema.json's `$defs`.
fn def(name: &str) -> Validator {
    jsonschema::options()
        .with_draft(Draft::Draft202012)
        .with_retriever(SchemaFiles)
        .build(&serde_json::json!({ "$ref": format!("common.schema.json#/$defs/{name}") }))
        .unwrap()
}

/// Every character of the Basic Multilingual Plane (the schemas' patterns
/// are written in `\uXXXX` escapes, which reach no further).
fn bmp() -> impl Iterator<Item = char> {
    (0..=0xFFFF_u32).filter_map(char::from_u32)
}

/// The ranges of `chars` as a regex class body, the way the schema writes it.
fn class(chars: impl Iterator<Item = char>) -> String {
    let mut ranges: Vec<(u32, u32)> = Vec::new();
    for c in chars.map(|c| c as u32) {
        match ranges.last_mut() {
            Some((_, to)) if *to + 1 == c => *to = c,
            _ => ranges.push((c, c)),
        }
    }
    let esc = |c: u32| format!("\\u{c:04X}");
    ranges
        .iter()
        .map(|&(a, b)| {
            if a == b {
                esc(a)
            } else {
                format!("{}-{}", esc(a), esc(b))
            }
        })
        .collect()
}

#[test]
fn weeks_that_exist_are_the_schema_weeks() {
    let schema = def("Week");
    for year in 0..=9999 {
        for week in [0, 1, 9, 10, 52, 53, 54] {
            let w = format!("{year:04}-W{week:02}");
            let ours = bantin_format::datetime::IsoWeek::parse(&w).is_some();
            assert_eq!(schema.is_valid(&Value::from(w.as_str())), ours, "{w}");
        }
    }
}

#[test]
fn dates_that_exist_are_the_schema_dates() {
    let (date, time) = (def("Date"), def("DateTime"));
    for year in [
        0, 1, 4, 100, 400, 1900, 1996, 2000, 2024, 2026, 2100, 2400, 9999,
    ] {
        for month in 0..=13 {
            for day in 0..=32 {
                let d = format!("{year:04}-{month:02}-{day:02}");
                let ours = bantin_format::datetime::Date::parse(&d).is_some();
                assert_eq!(date.is_valid(&Value::from(d.as_str())), ours, "{d}");
                let t = format!("{d}T08:30:00+07:00");
                let ours = bantin_format::datetime::DateTime::parse_rfc3339(&t).is_some();
                assert_eq!(time.is_valid(&Value::from(t.as_str())), ours, "{t}");
            }
        }
    }
    for t in [
        "2026-11-23T08:30:00Z",
        "2026-11-23T08:30:00.125-05:30",
        "2026-11-23T23:59:59+14:00",
        "2026-11-23T23:59:60+07:00",
        "2026-11-23T24:00:00+07:00",
        "2026-11-23T08:30:00+24:00",
        "2026-11-23T08:30:00z",
        "2026-11-23t08:30:00Z",
        "2026-11-23 08:30:00Z",
        "2026-11-23T08:30Z",
        "2026-11-23T08:30:00",
        "2026-11-23T08:30:00.Z",
        "2026-11-23T08:30:00+0700",
        "2026-11-23T8:30:00Z",
    ] {
        let ours = bantin_format::datetime::DateTime::parse_rfc3339(t).is_some();
        assert_eq!(time.is_valid(&Value::from(t)), ours, "{t}");
    }
}

/// `Text`'s pattern asks for one visible character: the complement of
/// `text::INVISIBLE`.
#[test]
fn visible_text_is_the_schema_text() {
    let schema = def("Text");
    let wrong: Vec<char> = bmp()
        .filter(|c| {
            let s = c.to_string();
            schema.is_valid(&Value::from(s.as_str())) == bantin_format::text::is_blank(&s)
        })
        .collect();
    assert!(
        wrong.is_empty(),
        "{} characters judged apart, first {:?}; the schema's pattern should be [^{}]",
        wrong.len(),
        wrong.first(),
        class(bmp().filter(|c| bantin_format::text::is_invisible(*c)))
    );
}

/// `Tag`'s pattern asks for a character that leaves something in the tag's
/// slug (its list is `news/the-{slug}`).
#[test]
fn tags_with_a_slug_are_the_schema_tags() {
    let schema = def("Tag");
    let sluggable = |c: char| !bantin_format::text::slugify(&c.to_string()).is_empty();
    let wrong: Vec<char> = bmp()
        .filter(|c| schema.is_valid(&Value::from(c.to_string())) != sluggable(*c))
        .collect();
    assert!(
        wrong.is_empty(),
        "{} characters judged apart, first {:?}; the schema's pattern should be [{}]",
        wrong.len(),
        wrong.first(),
        class(bmp().filter(|c| sluggable(*c)))
    );
}
