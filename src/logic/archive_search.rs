//! The search page over the archive index (`bantin_format::archive`): its
//! filters in the URL (`/tim-kiem?q=…&loai=van-ban&chuyen-muc=…&nam=2025&trang=2`),
//! where a result leads, the marked runs of a text, and the page of results
//! that can be shown with the parts at hand when the rest cannot be fetched
//! (offline). Pure; the fetching is `browser::archive`.

use bantin_format::archive::{highlight, rank, Hit, Kind, Outcome, Parts, Query, Record, Root};

use crate::logic::routes::{self, KEY_CATEGORY, KEY_SEARCH};
use crate::strings;

/// Query keys of the search page's filters (the text is `q`, the category
/// `chuyen-muc`, as on the news pages).
pub const KEY_KIND: &str = "loai";
pub const KEY_YEAR: &str = "nam";
pub const KEY_PAGE: &str = "trang";

/// Hits per page, with a kind chosen.
pub const PER_PAGE: usize = 10;
/// Hits per kind, with none chosen (each kind's best, and a link to all).
pub const PER_GROUP: usize = 5;
/// Hits of a page of one kind shown before the rest of its records have
/// come: a phone's screenful. The parts are asked for in the order of the
/// hits, and a slow line brings six at a time.
pub const EARLY_HITS: usize = 5;
/// The kinds, in the order their groups show.
pub const KINDS: [Kind; 3] = [Kind::Article, Kind::Document, Kind::Entry];

/// The page's query and filters, as the URL holds them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filters {
    pub text: String,
    pub kind: Option<Kind>,
    /// An article's category id or a document's type.
    pub category: Option<String>,
    pub year: Option<i32>,
    /// 0-based (the URL's `trang` is 1-based).
    pub page: usize,
}

/// A kind's slug in the URL: the path of its section of the app.
pub fn kind_slug(kind: Kind) -> &'static str {
    match kind {
        Kind::Article => "tin-tuc",
        Kind::Document => "van-ban",
        Kind::Entry => "lich-cong-tac",
    }
}

pub fn kind_from_slug(slug: &str) -> Option<Kind> {
    [Kind::Article, Kind::Document, Kind::Entry]
        .into_iter()
        .find(|k| kind_slug(*k) == slug.trim())
}

/// A kind as the reader reads it.
pub fn kind_label(kind: Kind) -> &'static str {
    match kind {
        Kind::Article => strings::SEARCH_ARTICLE,
        Kind::Document => strings::SEARCH_DOCUMENT,
        Kind::Entry => strings::SEARCH_ENTRY,
    }
}

impl Filters {
    /// `get(key)` reads a query parameter (URL-decoded). Unknown or invalid
    /// values are ignored: another kind, a blank category, a year outside
    /// 1…9999, a page that is not a number from 1.
    pub fn from_query(get: impl Fn(&str) -> Option<String>) -> Filters {
        Filters {
            text: get(KEY_SEARCH).unwrap_or_default(),
            kind: get(KEY_KIND).as_deref().and_then(kind_from_slug),
            category: get(KEY_CATEGORY)
                .map(|c| c.trim().to_string())
                .filter(|c| !c.is_empty()),
            year: get(KEY_YEAR)
                .and_then(|y| y.trim().parse::<i32>().ok())
                .filter(|y| (1..=9999).contains(y)),
            page: get(KEY_PAGE)
                .and_then(|p| p.trim().parse::<usize>().ok())
                .filter(|&p| p >= 1)
                .map_or(0, |p| p - 1),
        }
    }

    /// (key, value) pairs for the URL: only what is set, in the order q,
    /// loai, chuyen-muc, nam, trang (the first page has none).
    pub fn to_query(&self) -> Vec<(&'static str, String)> {
        let q = self.text.trim();
        [
            (KEY_SEARCH, (!q.is_empty()).then(|| q.to_string())),
            (KEY_KIND, self.kind.map(|k| kind_slug(k).to_string())),
            (KEY_CATEGORY, self.category.clone()),
            (KEY_YEAR, self.year.map(|y| y.to_string())),
            (
                KEY_PAGE,
                (self.page > 0).then(|| (self.page + 1).to_string()),
            ),
        ]
        .into_iter()
        .filter_map(|(k, v)| Some((k, v?)))
        .collect()
    }

    /// The search page's address for these filters.
    pub fn href(&self) -> String {
        routes::search_filtered(&self.to_query())
    }

    /// These filters with another kind (`None`: every kind); the category
    /// belongs to a kind, so it goes, and the page starts again.
    pub fn with_kind(&self, kind: Option<Kind>) -> Filters {
        Filters {
            kind,
            category: if kind == self.kind {
                self.category.clone()
            } else {
                None
            },
            page: 0,
            ..self.clone()
        }
    }

    pub fn with_category(&self, category: Option<String>) -> Filters {
        Filters {
            category,
            page: 0,
            ..self.clone()
        }
    }

    pub fn with_year(&self, year: Option<i32>) -> Filters {
        Filters {
            year,
            page: 0,
            ..self.clone()
        }
    }

    pub fn with_page(&self, page: usize) -> Filters {
        Filters {
            page,
            ..self.clone()
        }
    }

    /// The archive query; `typing`: the last word is still being typed.
    pub fn query(&self, typing: bool) -> Query {
        Query {
            text: self.text.clone(),
            prefix: typing,
            kind: self.kind,
            category: self.category.clone(),
            year: self.year,
            page: self.page,
            per_page: PER_PAGE,
            // The page counts every kind beside its filter, and a number
            // typed whole ranks its own documents first, among the rest.
            kind_only: false,
            number_exact: false,
        }
    }
}

impl Filters {
    /// The archive queries of the page: with a kind chosen, its page of
    /// [`PER_PAGE`]; else one per kind of [`KINDS`], its best [`PER_GROUP`]
    /// (so an article is not pushed off the page by a dozen calendar
    /// entries), their facets merged by [`merged`].
    pub fn queries(&self, typing: bool) -> Vec<Query> {
        if self.kind.is_some() {
            return vec![self.query(typing)];
        }
        KINDS
            .into_iter()
            .map(|k| Query {
                kind: Some(k),
                page: 0,
                per_page: PER_GROUP,
                ..self.query(typing)
            })
            .collect()
    }
}

/// The outcomes of one query per kind ([`Filters::queries`]) as one: the
/// total and the facets of the query over every kind (each kind's
/// categories and years are its own; the kinds' counts are the same in
/// each), the hits left in their outcomes.
pub fn merged(outs: &[Outcome]) -> Outcome {
    let mut all = Outcome::default();
    for (i, out) in outs.iter().enumerate() {
        if i == 0 {
            all.facets.kinds = out.facets.kinds.clone();
            all.skipped = out.skipped.clone();
        }
        all.total += out.total;
        for (c, n) in &out.facets.categories {
            *all.facets.categories.entry(c.clone()).or_default() += n;
        }
        for (y, n) in &out.facets.years {
            *all.facets.years.entry(*y).or_default() += n;
        }
        for m in &out.missing {
            if !all.missing.contains(m) {
                all.missing.push(m.clone());
            }
        }
    }
    all
}

/// Where a result leads: an article, a document, an entry's week.
pub fn record_href(record: &Record) -> String {
    match record.kind {
        Kind::Article => routes::article(&record.key),
        Kind::Document => routes::document(&record.key),
        Kind::Entry => record
            .week
            .as_deref()
            .map_or_else(|| routes::CALENDAR.to_string(), routes::calendar_week),
    }
}

/// `text` cut into runs at the byte ranges `marks` (in order, not
/// overlapping), each run with whether it is marked. Ranges that are out
/// of order, out of the text or not on a character boundary are passed over.
pub fn marked_runs(text: &str, marks: &[(usize, usize)]) -> Vec<(String, bool)> {
    let mut out = Vec::new();
    let mut at = 0;
    for &(a, b) in marks {
        if a < at || a >= b || !text.is_char_boundary(a) || text.get(a..b).is_none() {
            continue;
        }
        if a > at {
            out.push((text[at..a].to_string(), false));
        }
        out.push((text[a..b].to_string(), true));
        at = b;
    }
    if at < text.len() {
        out.push((text[at..].to_string(), false));
    }
    out
}

/// The runs of `text` marked where a word of `q` matches it.
pub fn marked(text: &str, q: &Query) -> Vec<(String, bool)> {
    marked_runs(text, &highlight(text, q))
}

/// The page of `q` that the parts at hand can show when the others cannot
/// be fetched (offline): `None` when a term part is missing (a word of the
/// query cannot be matched, so no archive result is true); else the hits
/// whose record parts are here, paged among themselves, with the facets
/// and `missing` of the whole query.
pub fn at_hand(root: &Root, parts: &dyn Parts, q: &Query) -> Option<Outcome> {
    let ranking = rank(root, parts, q);
    if !ranking.missing.is_empty() {
        return None;
    }
    let per_page = q.page_size();
    let size = root.record_part_size.max(1);
    let mut missing: Vec<String> = Vec::new();
    let mut shown: Vec<(u32, u32, &Record)> = Vec::new();
    for &(id, score) in &ranking.hits {
        let record = parts
            .record_part(id / size)
            .and_then(|p| p.records.get((id % size) as usize));
        match record {
            Some(r) => shown.push((id, score, r)),
            None => {
                let path = root.record_path(id / size);
                if !missing.contains(&path) {
                    missing.push(path);
                }
            }
        }
    }
    let total = shown.len();
    let hits = shown
        .into_iter()
        .skip(q.page * per_page)
        .take(per_page)
        .map(|(id, score, record)| Hit {
            id,
            score,
            title_marks: highlight(&record.title, q),
            text_marks: highlight(&record.text, q),
            record: record.clone(),
        })
        .collect();
    Some(Outcome {
        hits,
        total,
        pages: total.div_ceil(per_page),
        facets: ranking.facets,
        missing,
        skipped: ranking.skipped,
    })
}

/// The bundled sample's archive index, read from disk, for the tests of
/// this module and of `search_results`.
#[cfg(test)]
pub(crate) mod sample {
    use bantin_format::archive::{search, Outcome, Query, Root, Store};

    const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/public/feed/");

    /// The store with the sample's root and no part.
    pub fn store() -> Store {
        let root = std::fs::read_to_string(format!("{DIR}search/index.json")).unwrap();
        Store::new(Root::parse(&root).unwrap())
    }

    pub fn fill(store: &mut Store, paths: &[String]) {
        for p in paths {
            let text = std::fs::read_to_string(format!("{DIR}{p}")).unwrap();
            store.insert(p, &text).unwrap();
        }
    }

    /// Runs `q` on the sample, fetching every part it needs.
    pub fn complete(store: &mut Store, q: &Query) -> Outcome {
        loop {
            let out = search(&store.root, &*store, q);
            if out.missing.is_empty() {
                return out;
            }
            fill(store, &out.missing);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::sample::{complete, fill, store as sample};
    use super::*;
    use bantin_format::archive::search;

    /// Percent-decoding, as the router does.
    fn decode(v: &str) -> String {
        let b = v.as_bytes();
        let mut out = Vec::new();
        let mut i = 0;
        while i < b.len() {
            if b[i] == b'%' && i + 2 < b.len() {
                out.push(u8::from_str_radix(&v[i + 1..i + 3], 16).unwrap());
                i += 3;
            } else {
                out.push(b[i]);
                i += 1;
            }
        }
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn filters_read_from_the_url_and_written_back() {
        let pairs = [
            ("q", " hội nghị "),
            ("loai", "van-ban"),
            ("chuyen-muc", "Hướng dẫn"),
            ("nam", "2025"),
            ("trang", "3"),
        ];
        let get = |k: &str| pairs.iter().find(|p| p.0 == k).map(|p| p.1.to_string());
        let f = Filters::from_query(get);
        assert_eq!(
            f,
            Filters {
                text: " hội nghị ".into(),
                kind: Some(Kind::Document),
                category: Some("Hướng dẫn".into()),
                year: Some(2025),
                page: 2,
            }
        );
        assert_eq!(
            f.href(),
            "/tim-kiem?q=h%E1%BB%99i%20ngh%E1%BB%8B&loai=van-ban&chuyen-muc=H%C6%B0%E1%BB%9Bng%20d%E1%BA%ABn&nam=2025&trang=3"
        );
        // Read back, the same filters (the text trimmed).
        let href = f.href();
        let back = Filters::from_query(|k| {
            href.split(['?', '&'])
                .filter_map(|kv| kv.split_once('='))
                .find(|(key, _)| *key == k)
                .map(|(_, v)| decode(v))
        });
        assert_eq!(back.text, "hội nghị");
        assert_eq!((back.kind, back.year, back.page), (f.kind, f.year, f.page));
        assert_eq!(back.category, f.category);
    }

    #[test]
    fn invalid_filters_are_ignored_and_the_first_page_is_bare() {
        let pairs = [
            ("q", "x"),
            ("loai", "video"),
            ("chuyen-muc", "  "),
            ("nam", "20250"),
            ("trang", "0"),
        ];
        let f = Filters::from_query(|k| pairs.iter().find(|p| p.0 == k).map(|p| p.1.into()));
        assert_eq!(
            f,
            Filters {
                text: "x".into(),
                ..Filters::default()
            }
        );
        assert_eq!(f.href(), "/tim-kiem?q=x");
        assert_eq!(Filters::default().href(), "/tim-kiem");
        assert_eq!(f.with_page(1).href(), "/tim-kiem?q=x&trang=2");
    }

    #[test]
    fn changing_a_filter_starts_at_the_first_page_and_a_kind_drops_its_category() {
        let f = Filters {
            text: "a".into(),
            kind: Some(Kind::Article),
            category: Some("bao-chi".into()),
            year: Some(2026),
            page: 4,
        };
        let g = f.with_kind(Some(Kind::Document));
        assert_eq!(
            (g.kind, g.category.clone(), g.page),
            (Some(Kind::Document), None, 0)
        );
        assert_eq!(f.with_kind(Some(Kind::Article)).category, f.category);
        assert_eq!(f.with_year(None).year, None);
        assert_eq!(f.with_year(None).page, 0);
        assert_eq!(
            f.with_category(None).href(),
            "/tim-kiem?q=a&loai=tin-tuc&nam=2026"
        );
        for k in [Kind::Article, Kind::Document, Kind::Entry] {
            assert_eq!(kind_from_slug(kind_slug(k)), Some(k));
        }
    }

    #[test]
    fn marked_runs_cut_the_text_at_the_marks() {
        let text = "Hội nghị báo cáo viên";
        let runs = marked_runs(text, &[(0, 5), (6, 12)]);
        assert_eq!(
            runs,
            vec![
                ("Hội".to_string(), true),
                (" ".to_string(), false),
                ("nghị".to_string(), true),
                (" báo cáo viên".to_string(), false),
            ]
        );
        // Bad ranges are passed over; the text stays whole.
        let runs = marked_runs(text, &[(1, 2), (0, 4), (2, 3), (5, 400)]);
        let joined: String = runs.iter().map(|r| r.0.as_str()).collect();
        assert_eq!(joined, text);
        assert_eq!(marked_runs("", &[]), vec![]);
        let q = Query {
            text: "bao cao".into(),
            ..Query::default()
        };
        let marked: Vec<_> = marked(text, &q).into_iter().filter(|r| r.1).collect();
        assert_eq!(marked, vec![("báo".into(), true), ("cáo".into(), true)]);
    }

    #[test]
    fn records_link_to_their_pages() {
        let record = |kind, key: &str, week: Option<&str>| Record {
            kind,
            key: key.into(),
            title: String::new(),
            date: String::new(),
            category: String::new(),
            text: String::new(),
            number: None,
            week: week.map(String::from),
        };
        assert_eq!(
            record_href(&record(Kind::Article, "a-b", None)),
            "/tin-tuc/a-b"
        );
        assert_eq!(
            record_href(&record(Kind::Document, "d1", None)),
            "/van-ban/d1"
        );
        assert_eq!(
            record_href(&record(Kind::Entry, "e1", Some("2026-W52"))),
            "/lich-cong-tac?tuan=2026-W52"
        );
    }

    #[test]
    fn without_a_kind_each_kind_has_its_best_and_the_facets_are_the_whole_querys() {
        let mut store = sample();
        let f = Filters {
            text: "tuyen giao".into(),
            year: Some(2026),
            ..Filters::default()
        };
        let queries = f.queries(false);
        assert_eq!(queries.len(), 3);
        assert!(queries
            .iter()
            .all(|q| q.per_page == PER_GROUP && q.kind.is_some()));
        let outs: Vec<Outcome> = queries.iter().map(|q| complete(&mut store, q)).collect();
        let all = merged(&outs);
        let whole = complete(&mut store, &f.query(false));
        assert_eq!(all.total, whole.total);
        assert_eq!(all.facets, whole.facets);
        assert!(all.missing.is_empty());
        for (k, out) in KINDS.iter().zip(&outs) {
            assert!(out.hits.len() <= PER_GROUP);
            assert!(out.hits.iter().all(|h| h.record.kind == *k));
        }
        // A kind chosen: its pages of ten.
        let one = f.with_kind(Some(Kind::Article)).queries(false);
        assert_eq!(one.len(), 1);
        assert_eq!(
            (one[0].kind, one[0].per_page),
            (Some(Kind::Article), PER_PAGE)
        );
    }

    #[test]
    fn offline_the_hits_whose_records_are_here_are_shown() {
        let mut store = sample();
        let q = Filters {
            text: "hoi nghi".into(),
            ..Filters::default()
        }
        .query(false);
        // Nothing fetched: no word can be matched.
        assert!(at_hand(&store.root, &store, &q).is_none());
        let first = search(&store.root, &store, &q);
        assert!(first.hits.is_empty() && !first.missing.is_empty());
        let terms = first.missing.clone();
        fill(&mut store, &terms);
        let second = search(&store.root, &store, &q);
        assert!(second.total > 2, "{}", second.total);
        let records = second.missing.clone();
        // One record part of the page's only: its hits, and the rest missing.
        fill(&mut store, &records[..1]);
        let part = at_hand(&store.root, &store, &q).unwrap();
        assert!(!part.hits.is_empty());
        assert!(part.hits.len() < second.total);
        assert_eq!(part.total, part.hits.len());
        assert!(!part.missing.is_empty());
        assert_eq!(part.facets, second.facets);
        // Every part here: the same page as the full search.
        fill(&mut store, &records[1..]);
        let full = search(&store.root, &store, &q);
        assert!(full.missing.is_empty());
        let here = at_hand(&store.root, &store, &q).unwrap();
        assert_eq!(
            here.hits.iter().map(|h| h.id).collect::<Vec<_>>(),
            full.hits.iter().map(|h| h.id).collect::<Vec<_>>()
        );
        assert_eq!(here.hits[0].title_marks, full.hits[0].title_marks);
    }
}
