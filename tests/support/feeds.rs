//! What the property tests and the schema agreement test share: the
//! strategies that make tricky text and JSON, the bundled sample feed's
//! files, and the mutations that spoil them one place at a time.
#![allow(dead_code)] // each test file uses its own part

use std::collections::BTreeMap;
use std::path::Path;

use proptest::prelude::*;
use proptest::sample::Index as Pick;
use proptest::test_runner::Config;
use serde_json::{Map, Value};

pub fn config(cases: u32) -> Config {
    Config {
        cases: std::env::var("PROPTEST_CASES")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(cases),
        // A failure prints its shrunk input; no regression files in the tree.
        failure_persistence: None,
        ..Config::default()
    }
}

// ------------------------------------------------------------- strategies

/// Vietnamese letters in both cases and forms, and đ/Đ.
pub const VIETNAMESE: &str = "aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵđ\
                          AÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬEÈÉẺẼẸÊỀẾỂỄỆIÌÍỈĨỊOÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢUÙÚỦŨỤƯỪỨỬỮỰYỲÝỶỸỴĐ";

/// Characters that have tripped up text code elsewhere: bidi controls,
/// joiners, a BOM, letters whose case mapping changes their length or
/// yields a combining mark, letters with no lowercase, the replacement
/// character.
pub const TRICKY: &[char] = &[
    '\u{202E}', '\u{202D}', '\u{200F}', '\u{200E}', '\u{2066}', '\u{2069}', '\u{200D}', '\u{200B}',
    '\u{FEFF}', '\u{FFFD}', '\u{0345}', '\u{0130}', 'ß', 'ẞ', 'ﬃ', 'Σ', 'ς', 'ǅ', 'K', 'Å', 'Ⅻ',
    '𝐀', 'ǰ', '\u{1E9E}', '\u{0000}', '\t', '\n', '"', '\\', '/', ':', '-', ' ',
];

pub fn tricky_char() -> impl Strategy<Value = char> {
    prop_oneof![
        4 => prop::sample::select(VIETNAMESE.chars().collect::<Vec<_>>()),
        3 => prop::char::range('\u{0300}', '\u{036F}'),
        2 => prop::sample::select(TRICKY),
        3 => prop::char::range(' ', '~'),
        2 => any::<char>(),
    ]
}

/// Strings over [`tricky_char`].
pub fn text(max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(tricky_char(), 0..max).prop_map(String::from_iter)
}

/// Field names the feed uses, so that random objects look like feed parts.
pub const KEYS: &[&str] = &[
    "format_version",
    "kind",
    "id",
    "slug",
    "title",
    "sapo",
    "published",
    "updated",
    "category",
    "tags",
    "latest",
    "items",
    "entries",
    "body",
    "article",
    "document",
    "site",
    "name",
    "url",
    "src",
    "alt",
    "type",
    "runs",
    "text",
    "level",
    "week",
    "start",
    "end",
    "session",
    "content",
    "issued",
    "number",
    "issuer",
    "summary",
    "files",
    "media_type",
    "page",
    "pages",
    "total",
    "list",
    "news",
    "calendar",
    "documents",
    "categories",
    "embedded",
    "weeks",
    "lists",
];

pub fn key() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => prop::sample::select(KEYS).prop_map(str::to_string),
        1 => text(8),
    ]
}

pub fn leaf() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>().prop_filter_map("finite", |f| serde_json::Number::from_f64(f)
            .map(Value::Number)),
        text(24).prop_map(Value::String),
        prop::sample::select(
            &[
                "1.0",
                "2.0",
                "1.5",
                "index",
                "article",
                "2026-W48",
                "2026-11-23",
                "2026-11-23T08:30:00+07:00",
                "sang",
                "paragraph",
                "a-1"
            ][..]
        )
        .prop_map(Value::from),
    ]
}

/// Any JSON value: Unicode strings, numbers of every kind, nesting.
pub fn json() -> impl Strategy<Value = Value> {
    leaf().prop_recursive(5, 96, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..8).prop_map(Value::Array),
            prop::collection::vec((key(), inner), 0..8)
                .prop_map(|fields| Value::Object(fields.into_iter().collect())),
        ]
    })
}

pub const KINDS: &[&str] = &[
    "index",
    "article",
    "news-page",
    "calendar-week",
    "documents-page",
    "document",
];

/// A random object behind a plausible envelope, so that the parsers get
/// past the version and kind checks.
pub fn enveloped() -> impl Strategy<Value = Value> {
    (
        prop::sample::select(&["1.0", "1.9", "1.0", "2.0", "1", "01.0"][..]),
        prop::sample::select(KINDS),
        prop::collection::vec((key(), json()), 0..10),
    )
        .prop_map(|(version, kind, fields)| {
            let mut map: Map<String, Value> = fields.into_iter().collect();
            map.insert("format_version".into(), version.into());
            map.insert("kind".into(), kind.into());
            Value::Object(map)
        })
}

/// One of each kind of file of the bundled sample feed, read at run time
/// (the sample is regenerated now and then; any file of a kind will do).
pub fn samples() -> Vec<(&'static str, Value)> {
    let feed = Path::new(env!("CARGO_MANIFEST_DIR")).join("public/feed");
    let first_in = |dir: &str| {
        let mut files: Vec<_> = std::fs::read_dir(feed.join(dir))
            .unwrap_or_else(|e| panic!("{dir}: {e}"))
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|x| x == "json"))
            .collect();
        files.sort();
        files
            .into_iter()
            .next()
            .unwrap_or_else(|| panic!("no file in {dir}"))
    };
    let read = |path: &Path| -> Value {
        let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path:?}: {e}"));
        serde_json::from_str(&text).unwrap()
    };
    vec![
        ("index", read(&feed.join("index.json"))),
        ("article", read(&first_in("articles"))),
        ("news-page", read(&feed.join("news/tat-ca/1.json"))),
        ("calendar-week", read(&first_in("calendar"))),
        ("documents-page", read(&feed.join("documents/pages/1.json"))),
        ("document", read(&first_in("documents/items"))),
    ]
}

thread_local! {
    pub static SAMPLES: Vec<(&'static str, Value)> = samples();
}

/// What to do at the place a mutation picks.
#[derive(Clone, Debug)]
pub enum Op {
    /// Remove the field or list item.
    Drop,
    /// Put any value there: usually a change of type.
    Replace(Value),
    /// Insert text into a string (elsewhere: replace by the text).
    Insert(Pick, String),
    /// Repeat a list item right after itself (duplicate ids).
    Duplicate,
}

pub fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        3 => Just(Op::Drop),
        3 => json().prop_map(Op::Replace),
        4 => (any::<Pick>(), text(12)).prop_map(|(at, s)| Op::Insert(at, s)),
        1 => Just(Op::Duplicate),
    ]
}

/// A place in a file and what to do there. The place is picked in two
/// steps: one of the file's kinds of place (its paths without the list
/// positions, such as `latest[].cover.src`), then one place of that kind,
/// so that a deep field of a rare item is hit as often as a common one.
#[derive(Clone, Debug)]
pub struct Mutation {
    pub kind_of_place: Pick,
    pub place: Pick,
    pub op: Op,
}

pub fn mutation() -> impl Strategy<Value = Mutation> {
    (any::<Pick>(), any::<Pick>(), op()).prop_map(|(kind_of_place, place, op)| Mutation {
        kind_of_place,
        place,
        op,
    })
}

#[derive(Clone, Debug)]
pub enum Step {
    Key(String),
    At(usize),
}

/// Every place below the root of `v`, grouped by kind of place.
pub fn places(v: &Value) -> Vec<Vec<Vec<Step>>> {
    fn walk(
        v: &Value,
        here: &mut Vec<Step>,
        shape: &str,
        groups: &mut BTreeMap<String, Vec<Vec<Step>>>,
    ) {
        let children: Vec<(Step, String, &Value)> = match v {
            Value::Object(map) => map
                .iter()
                .map(|(k, child)| (Step::Key(k.clone()), format!("{shape}.{k}"), child))
                .collect(),
            Value::Array(items) => items
                .iter()
                .enumerate()
                .map(|(i, child)| (Step::At(i), format!("{shape}[]"), child))
                .collect(),
            _ => Vec::new(),
        };
        for (step, shape, child) in children {
            here.push(step);
            groups.entry(shape.clone()).or_default().push(here.clone());
            walk(child, here, &shape, groups);
            here.pop();
        }
    }
    let mut groups = BTreeMap::new();
    walk(v, &mut Vec::new(), "", &mut groups);
    groups.into_values().collect()
}

pub fn apply_here(v: &mut Value, op: &Op) {
    match op {
        Op::Drop | Op::Duplicate => *v = Value::Null,
        Op::Replace(new) => *v = new.clone(),
        Op::Insert(at, s) => match v {
            Value::String(old) => {
                let bounds: Vec<usize> = old
                    .char_indices()
                    .map(|(i, _)| i)
                    .chain([old.len()])
                    .collect();
                old.insert_str(bounds[at.index(bounds.len())], s);
            }
            _ => *v = Value::String(s.clone()),
        },
    }
}

pub fn mutate(v: &mut Value, m: &Mutation) {
    let groups = places(v);
    if groups.is_empty() {
        return apply_here(v, &m.op);
    }
    let group = &groups[m.kind_of_place.index(groups.len())];
    let path = &group[m.place.index(group.len())];
    let (last, parents) = path.split_last().unwrap();
    let mut parent = v;
    for step in parents {
        parent = match step {
            Step::Key(k) => &mut parent[k.as_str()],
            Step::At(i) => &mut parent[*i],
        };
    }
    match (parent, last, &m.op) {
        (Value::Object(map), Step::Key(k), Op::Drop) => {
            map.remove(k);
        }
        (Value::Array(items), Step::At(i), Op::Drop) => {
            items.remove(*i);
        }
        (Value::Array(items), Step::At(i), Op::Duplicate) => {
            let copy = items[*i].clone();
            items.insert(*i + 1, copy);
        }
        (parent, Step::Key(k), op) => apply_here(&mut parent[k.as_str()], op),
        (parent, Step::At(i), op) => apply_here(&mut parent[*i], op),
    }
}
