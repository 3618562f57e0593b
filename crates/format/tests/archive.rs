//! The archive index (bantin_format::archive) over a generated feed:
//! determinism, part sizes, recall (every article by its title and by three
//! words of its body, every document by its number in three spellings,
//! every calendar entry by its content), ranking, prefixes, filters,
//! paging, missing and corrupt parts. `measure` (ignored; run it with
//! `--release -- --ignored --nocapture`) prints the figures at 1k, 10k
//! and 50k articles.

use std::collections::HashMap;
use std::sync::OnceLock;

use bantin_format::archive::{self, build, search, search_all, Built, Kind, Query, Root, Store};
use bantin_format::model::{Block, Run};
use bantin_format::pack::Content;

const TODAY: &str = "2026-11-23";

fn feed(articles: usize) -> Content {
    bantin_synth::generate(articles, 7, TODAY).content
}

/// A 2,000-article feed, two made-up stories for the ranking test, and
/// its index in a store holding every part.
struct Fixture {
    content: Content,
    built: Built,
    store: Store,
    /// (kind, key) → id.
    ids: HashMap<(Kind, String), u32>,
}

fn fixture() -> &'static Fixture {
    static F: OnceLock<Fixture> = OnceLock::new();
    F.get_or_init(|| {
        let mut content = feed(2000);
        for (n, title) in [
            (1, "Đảng ủy khối cơ quan họp phiên thường kỳ"),
            (2, "Hướng dẫn đăng ký thi đua năm mới"),
        ] {
            let mut a = content.articles[100].clone();
            a.summary.id = format!("x{n}");
            a.summary.slug = format!("bai-thu-{n}");
            a.summary.title = title.to_string();
            a.summary.sapo = "Tin ngắn.".into();
            a.summary.tags.clear();
            a.body = vec![Block::Paragraph {
                runs: vec![Run {
                    text: "Nội dung ngắn gọn.".into(),
                    ..Run::default()
                }],
            }];
            content.articles.push(a);
        }
        let built = build(&content);
        let store = store_of(&built, |_| true);
        let mut ids = HashMap::new();
        for k in 0..built.root.record_parts() {
            let part = archive::Parts::record_part(&store, k).unwrap();
            for (i, r) in part.records.iter().enumerate() {
                let id = k * built.root.record_part_size + i as u32;
                ids.insert((r.kind, r.key.clone()), id);
            }
        }
        Fixture {
            content,
            built,
            store,
            ids,
        }
    })
}

fn store_of(built: &Built, keep: impl Fn(&str) -> bool) -> Store {
    let root = Root::parse(&built.files[0].1).expect("the root reads back");
    let mut store = Store::new(root);
    for (path, text) in &built.files[1..] {
        if keep(path) {
            store.insert(path, text).unwrap_or_else(|e| panic!("{e}"));
        }
    }
    store
}

fn query(text: &str) -> Query {
    Query {
        text: text.to_string(),
        ..Query::default()
    }
}

/// The ids with the best score, and every id found, for `q`.
fn ranked(f: &Fixture, q: &Query) -> (Vec<u32>, Vec<u32>) {
    let r = archive::rank(&f.built.root, &f.store, q);
    assert!(r.missing.is_empty(), "{:?}", r.missing);
    let top = r.hits.first().map_or(0, |h| h.1);
    let best = r
        .hits
        .iter()
        .take_while(|h| h.1 == top)
        .map(|h| h.0)
        .collect();
    (best, r.hits.iter().map(|h| h.0).collect())
}

/// The record of id `id`.
fn record(f: &Fixture, id: u32) -> archive::Record {
    let size = f.built.root.record_part_size;
    let part = archive::Parts::record_part(&f.store, id / size).unwrap();
    part.records[(id % size) as usize].clone()
}

/// The best-ranked records all carry `key` (a title or number typed whole
/// puts its own records first, and only those).
fn best_hold(
    f: &Fixture,
    best: &[u32],
    key: impl Fn(&archive::Record) -> Option<String>,
    want: &str,
) {
    for &id in best {
        let r = record(f, id);
        assert_eq!(
            key(&r).as_deref(),
            Some(want),
            "{} ranks first for {want}",
            r.key
        );
    }
}

#[test]
fn the_same_feed_gives_the_same_bytes() {
    let f = fixture();
    let mut shuffled = f.content.clone();
    shuffled.articles.reverse();
    shuffled.documents.reverse();
    assert_eq!(build(&shuffled), f.built);
    // Another feed, another build folder.
    assert_ne!(build(&feed(300)).root.build, f.built.root.build);
}

#[test]
fn parts_stay_small() {
    let f = fixture();
    let root = &f.built.files[0];
    assert!(root.1.len() < 16 * 1024, "root {} bytes", root.1.len());
    let mut terms: Vec<usize> = Vec::new();
    for (path, text) in &f.built.files[1..] {
        if path.contains("/r") {
            assert!(text.len() < 8 * 1024, "{path}: {} bytes", text.len());
        } else {
            terms.push(text.len());
        }
    }
    terms.sort_unstable();
    let p95 = terms[terms.len() * 95 / 100];
    assert!(
        p95 <= archive::TERM_PART_BYTES + 2048,
        "term parts p95 {p95} bytes"
    );
    assert!(*terms.last().unwrap() < 32 * 1024, "{terms:?}");
}

#[test]
fn every_article_is_found_by_its_title_and_by_three_words_of_its_body() {
    let f = fixture();
    for a in &f.content.articles {
        let id = f.ids[&(Kind::Article, a.summary.slug.clone())];
        let (best, _) = ranked(f, &query(&a.summary.title));
        assert!(best.contains(&id), "title {:?}", a.summary.title);
        if let Some(key) = archive::title_key(&a.summary.title) {
            best_hold(f, &best, |r| archive::title_key(&r.title), &key);
        }

        let body: String = a
            .body
            .iter()
            .find_map(|b| match b {
                Block::Paragraph { runs } => Some(runs.iter().map(|r| r.text.as_str()).collect()),
                _ => None,
            })
            .unwrap_or_default();
        let words: Vec<&str> = body.split_whitespace().collect();
        let start = words.len() / 2;
        let phrase = words[start.saturating_sub(1)..(start + 2).min(words.len())].join(" ");
        let (_, all) = ranked(f, &query(&phrase));
        assert!(all.contains(&id), "{} by {phrase:?}", a.summary.slug);
    }
}

#[test]
fn every_document_is_found_by_its_number_in_three_spellings() {
    let f = fixture();
    for d in &f.content.documents {
        let id = f.ids[&(Kind::Document, d.id.clone())];
        let spaced = d.number.replace(['-', '/'], " ").to_lowercase();
        // "112hd", "1234qđ": the number and its type, run together.
        let squeezed: String = d
            .number
            .split(['-', '/'])
            .take(2)
            .collect::<String>()
            .to_lowercase();
        let key = archive::number_key(&d.number).expect("a number with digits and letters");
        for (spelling, whole) in [(d.number.clone(), true), (spaced, true), (squeezed, false)] {
            let (best, _) = ranked(f, &query(&spelling));
            assert!(best.contains(&id), "{} by {spelling:?}", d.number);
            if whole {
                let number =
                    |r: &archive::Record| r.number.as_deref().and_then(archive::number_key);
                best_hold(f, &best, number, &key);
            }
        }
        // The number and its type's letters, the way a reader types it.
        let short: String = d.number.split('/').next().unwrap().to_lowercase();
        let (_, all) = ranked(f, &query(&short));
        assert!(all.contains(&id), "{} by {short:?}", d.number);
    }
}

/// The library's text filter ([`Query::kind_only`] with documents): each
/// common word reads its documents' part (`d{i}`), never the whole term's
/// (`c{i}`), and finds what the whole term's part finds among documents.
#[test]
fn the_documents_alone_read_the_common_words_documents_parts() {
    let f = fixture();
    let root = &f.built.root;
    assert_eq!(root.common_documents.len(), root.common.len());
    assert!(root.common_documents.iter().any(|&n| n > 0));
    // Each documents part lists the common part's documents, tier by tier.
    for (i, &n) in root.common_documents.iter().enumerate() {
        let whole = archive::Parts::term_part(&f.store, archive::TermPartId::Common(i)).unwrap();
        let documents = |ids: &Vec<u32>| -> Vec<u32> {
            ids.iter()
                .copied()
                .filter(|&id| root.place_of(id).unwrap().kind == Kind::Document)
                .collect()
        };
        let want: Vec<Vec<u32>> = whole.terms[0].tiers.iter().map(documents).collect();
        match archive::Parts::term_part(&f.store, archive::TermPartId::Documents(i)) {
            Some(part) => {
                assert_eq!(part.terms[0].tiers.to_vec(), want, "{}", root.common[i].0);
                assert_eq!(part.terms[0].count, n);
            }
            None => assert!(n == 0 && want.iter().all(Vec::is_empty)),
        }
    }
    let alone = |text: &str| Query {
        text: text.to_string(),
        prefix: true,
        kind: Some(Kind::Document),
        kind_only: true,
        ..Query::default()
    };
    let bare = store_of(&f.built, |_| false);
    let mut all_common = 0;
    for d in &f.content.documents {
        let id = f.ids[&(Kind::Document, d.id.clone())];
        let folded = bantin_format::text::fold(&d.summary);
        for text in [d.summary.as_str(), folded.as_str(), d.number.as_str()] {
            let q = alone(text);
            // Only documents' parts of common words are asked for.
            let asked = archive::rank(root, &bare, &q).missing;
            assert!(
                asked.iter().all(|p| !p.contains("/c")),
                "{text:?} asks for {asked:?}"
            );
            let (_, hits) = ranked(f, &q);
            assert!(hits.contains(&id), "{} by {text:?}", d.id);
            assert!(hits
                .iter()
                .all(|&h| root.place_of(h).unwrap().kind == Kind::Document));
            // With a word that is not common the common words are left out
            // either way: the same documents as the whole terms give (with
            // no prefix: a prefix completes to the commonest term among
            // documents, not among all records).
            let words = archive::terms(text);
            let common = |w: &str| root.common.iter().any(|c| c.0 == w);
            if words.iter().all(|(w, _)| common(w)) {
                all_common += 1;
                continue;
            }
            let whole = |kind_only| Query {
                kind_only,
                prefix: false,
                ..q.clone()
            };
            let (_, mut hits) = ranked(f, &whole(true));
            let (_, mut want) = ranked(f, &whole(false));
            want.sort_unstable();
            hits.sort_unstable();
            assert_eq!(hits, want, "{text:?}");
        }
    }
    // The case the parts are for is there.
    assert!(all_common > 0);
}

/// The library's number box ([`Query::number_exact`]): a number typed
/// whole, in any spelling, lists the documents of that number only, where
/// the search box ranks them first among those with its words anywhere.
#[test]
fn a_number_typed_whole_keeps_to_its_own_documents_in_the_library() {
    let f = fixture();
    let library = |text: &str| Query {
        text: text.to_string(),
        prefix: true,
        kind: Some(Kind::Document),
        kind_only: true,
        number_exact: true,
        ..Query::default()
    };
    let mut narrower = 0;
    for d in &f.content.documents {
        let id = f.ids[&(Kind::Document, d.id.clone())];
        let key = archive::number_key(&d.number).expect("a number with digits and letters");
        let spaced = d.number.replace(['-', '/'], " ").to_lowercase();
        let (_, as_written) = ranked(f, &library(&d.number));
        let (_, loosely) = ranked(f, &library(&spaced));
        assert_eq!(as_written, loosely, "{} and {spaced:?}", d.number);
        assert!(as_written.contains(&id), "{}", d.number);
        for &hit in &as_written {
            let number = record(f, hit).number.unwrap_or_default();
            let held = archive::number_key(&number).unwrap_or_default();
            assert!(held.starts_with(&key), "{} lists {number}", d.number);
        }
        let (_, words) = ranked(
            f,
            &Query {
                number_exact: false,
                ..library(&d.number)
            },
        );
        assert!(as_written.iter().all(|h| words.contains(h)));
        narrower += usize::from(words.len() > as_written.len());
    }
    assert!(narrower > 0, "no number's words matched other documents");
    // A number nobody has: its words, as before.
    let (_, none) = ranked(f, &library("999-XYZ/BTGTU"));
    let (_, words) = ranked(
        f,
        &Query {
            number_exact: false,
            ..library("999-XYZ/BTGTU")
        },
    );
    assert_eq!(none, words);
}

#[test]
fn every_calendar_entry_is_found_by_its_content() {
    let f = fixture();
    let mut seen = 0;
    for w in &f.content.weeks {
        for e in &w.entries {
            let id = f.ids[&(Kind::Entry, e.id.clone())];
            let (best, _) = ranked(f, &query(&e.content));
            assert!(best.contains(&id), "{:?}", e.content);
            if let Some(key) = archive::title_key(&e.content) {
                best_hold(f, &best, |r| archive::title_key(&r.title), &key);
            }
            seen += 1;
        }
    }
    assert!(seen > 50, "{seen} entries");
}

/// The place of each made-up story in the ranking of `q`.
fn places(f: &Fixture, q: &Query) -> [Option<usize>; 2] {
    let r = archive::rank(&f.built.root, &f.store, q);
    ["bai-thu-1", "bai-thu-2"].map(|key| {
        let id = f.ids[&(Kind::Article, key.to_string())];
        r.hits.iter().position(|h| h.0 == id)
    })
}

#[test]
fn the_diacritics_typed_rank_first() {
    let f = fixture();
    let [dang_uy, dang_ky] = places(f, &query("đảng"));
    assert!(dang_uy.unwrap() < dang_ky.unwrap());
    let [dang_uy, dang_ky] = places(f, &query("đăng"));
    assert!(dang_ky.unwrap() < dang_uy.unwrap());
    // Without diacritics: the same score, the newer first (bai-thu-2 was
    // added last, the same day).
    let [dang_uy, dang_ky] = places(f, &query("dang"));
    let r = archive::rank(&f.built.root, &f.store, &query("dang"));
    assert_eq!(r.hits[dang_uy.unwrap()].1, r.hits[dang_ky.unwrap()].1);
    // The marks fall on the words as written.
    let title = "Hướng dẫn đăng ký thi đua năm mới";
    let marked: Vec<&str> = archive::highlight(title, &query("dang KY thi dua"))
        .into_iter()
        .map(|(a, b)| &title[a..b])
        .collect();
    assert_eq!(marked, ["đăng", "ký", "thi", "đua"]);
}

#[test]
fn the_last_word_completes_while_typing() {
    let f = fixture();
    let typed = |text: &str, prefix: bool| {
        archive::rank(
            &f.built.root,
            &f.store,
            &Query {
                prefix,
                ..query(text)
            },
        )
    };
    let whole = typed("Đảng ủy khối cơ qua", false);
    let typing = typed("Đảng ủy khối cơ qua", true);
    let id = f.ids[&(Kind::Article, "bai-thu-1".to_string())];
    assert!(!whole.hits.iter().any(|h| h.0 == id));
    assert!(typing.hits.iter().any(|h| h.0 == id));
    assert!(typing.hits.len() > whole.hits.len());
    // Marks cover the completed word.
    let title = "Đảng ủy khối cơ quan họp phiên thường kỳ";
    let q = Query {
        prefix: true,
        ..query("Đảng ủy khối cơ qua")
    };
    let marked: Vec<&str> = archive::highlight(title, &q)
        .into_iter()
        .map(|(a, b)| &title[a..b])
        .collect();
    assert_eq!(marked, ["Đảng", "ủy", "khối", "cơ", "quan"]);
    // A space after the word: it is whole.
    assert_eq!(typed("Đảng ủy khối cơ qua ", true), whole);
}

#[test]
fn common_words_beside_a_word_being_typed_still_match() {
    let f = fixture();
    let rank = |text: &str, prefix: bool| {
        archive::rank(
            &f.built.root,
            &f.store,
            &Query {
                prefix,
                ..query(text)
            },
        )
    };
    assert!(
        f.built.root.common.iter().any(|c| c.0 == "tuyen"),
        "\"tuyen\" is common here"
    );
    let typing = rank("tuyen gia", true);
    assert!(typing.skipped.is_empty(), "{:?}", typing.skipped);
    assert!(!typing.hits.is_empty());
    // Fewer than the word being typed alone finds, and each holds "tuyen".
    assert!(typing.hits.len() < rank("gia", true).hits.len());
    let tuyen: Vec<u32> = rank("tuyen", false).hits.iter().map(|h| h.0).collect();
    assert!(typing.hits.iter().all(|h| tuyen.contains(&h.0)));
    // Beside a whole word that is not common, it is left out as before.
    let rare = f
        .content
        .articles
        .iter()
        .flat_map(|a| archive::terms(&a.summary.title))
        .map(|(t, _)| t)
        .find(|t| t.len() > 4 && !f.built.root.common.iter().any(|c| &c.0 == t))
        .expect("a word that is not common");
    assert_eq!(rank(&format!("tuyen {rare}"), false).skipped, ["tuyen"]);
}

#[test]
fn queries_of_one_text_give_what_each_gives_alone() {
    let f = fixture();
    let (root, store) = (&f.built.root, &f.store);
    let mut queries: Vec<Query> = Vec::new();
    for (text, prefix) in [
        ("tuyên giáo", false),
        ("112 hd", false),
        ("hoc tap lam th", true),
    ] {
        for kind in [Kind::Article, Kind::Document, Kind::Entry] {
            queries.push(Query {
                kind: Some(kind),
                per_page: 5,
                prefix,
                ..query(text)
            });
        }
        queries.push(Query {
            page: 1,
            prefix,
            ..query(text)
        });
    }
    let each: Vec<_> = queries.iter().map(|q| search(root, store, q)).collect();
    // Each text finds something (the whole-list query of each, 4th of 4).
    assert!(each.iter().skip(3).step_by(4).all(|o| o.total > 0));
    assert_eq!(archive::search_all(root, store, &queries), each);
    // Parts missing: the same missing parts, the same partial answers.
    let few = store_of(&f.built, |p| p.ends_with("/t0.json") || p.contains("/r"));
    let each: Vec<_> = queries.iter().map(|q| search(root, &few, q)).collect();
    assert_eq!(archive::search_all(root, &few, &queries), each);
}

/// The page and the facets, worked out the plain way: every hit of the
/// unfiltered ranking placed one by one, filtered, counted, sorted whole.
#[test]
fn pages_and_facets_equal_a_whole_sort_and_a_count_per_hit() {
    let f = fixture();
    let (root, store) = (&f.built.root, &f.store);
    let category = f.content.categories[0].id.clone();
    for (text, prefix) in [
        ("tuyên giáo", false),
        ("hoc tap lam th", true),
        ("tinh", false),
    ] {
        let all = archive::rank(
            root,
            store,
            &Query {
                prefix,
                ..query(text)
            },
        );
        assert!(all.hits.len() > 20, "{text}: {}", all.hits.len());
        let year = root.place_of(all.hits[0].0).unwrap().year;
        let filters = [
            (None, None, None),
            (Some(Kind::Article), None, None),
            (None, Some(category.clone()), None),
            (None, None, Some(year)),
            (Some(Kind::Document), None, Some(year)),
        ];
        for (kind, cat, yr) in filters {
            let ok = |id: u32, k: bool, c: bool, y: bool| {
                let p = root.place_of(id).unwrap();
                (!k || kind.is_none_or(|x| x == p.kind))
                    && (!c || cat.as_deref().is_none_or(|x| x == p.category))
                    && (!y || yr.is_none_or(|x| x == p.year))
            };
            let expected: Vec<u32> = all
                .hits
                .iter()
                .filter(|h| ok(h.0, true, true, true))
                .map(|h| h.0)
                .collect();
            let mut kinds = std::collections::BTreeMap::new();
            let mut years = std::collections::BTreeMap::new();
            for &(id, _) in &all.hits {
                let p = root.place_of(id).unwrap();
                if ok(id, false, true, true) {
                    *kinds.entry(p.kind).or_insert(0usize) += 1;
                }
                if ok(id, true, true, false) {
                    *years.entry(p.year).or_insert(0usize) += 1;
                }
            }
            for page in 0..3 {
                let q = Query {
                    prefix,
                    kind,
                    category: cat.clone(),
                    year: yr,
                    page,
                    per_page: 7,
                    ..query(text)
                };
                let out = search(root, store, &q);
                let ids: Vec<u32> = out.hits.iter().map(|h| h.id).collect();
                let want: Vec<u32> = expected.iter().skip(page * 7).take(7).copied().collect();
                assert_eq!(ids, want, "{text} {kind:?} {cat:?} {yr:?} page {page}");
                assert_eq!(out.total, expected.len());
                assert_eq!(out.facets.kinds, kinds, "{text} {kind:?} {cat:?} {yr:?}");
                assert_eq!(out.facets.years, years, "{text} {kind:?} {cat:?} {yr:?}");
            }
        }
    }
}

#[test]
fn filters_facets_and_pages() {
    let f = fixture();
    let base = query("tuyên giáo");
    let all = search(&f.built.root, &f.store, &base);
    assert!(all.total > 40, "{}", all.total);
    assert_eq!(all.hits.len(), 10);
    let kinds: usize = all.facets.kinds.values().sum();
    assert_eq!(kinds, all.total);

    let documents = search(
        &f.built.root,
        &f.store,
        &Query {
            kind: Some(Kind::Document),
            ..base.clone()
        },
    );
    assert_eq!(
        Some(&documents.total),
        all.facets.kinds.get(&Kind::Document)
    );
    assert!(documents
        .hits
        .iter()
        .all(|h| h.record.kind == Kind::Document));

    let year = *all.facets.years.keys().next().unwrap();
    let in_year = search(
        &f.built.root,
        &f.store,
        &Query {
            year: Some(year),
            ..base.clone()
        },
    );
    assert_eq!(Some(&in_year.total), all.facets.years.get(&year));
    assert!(in_year
        .hits
        .iter()
        .all(|h| h.record.date.starts_with(&year.to_string())));

    let category = f.content.categories[0].id.clone();
    let in_category = search(
        &f.built.root,
        &f.store,
        &Query {
            category: Some(category.clone()),
            ..base.clone()
        },
    );
    assert!(in_category.total > 0);
    assert!(in_category
        .hits
        .iter()
        .all(|h| h.record.category == category));

    // Pages of 7: the ranking, in order, cut in pieces.
    let ranking = archive::rank(&f.built.root, &f.store, &base);
    let mut seen = Vec::new();
    let mut pages = 0;
    loop {
        let out = search(
            &f.built.root,
            &f.store,
            &Query {
                page: pages,
                per_page: 7,
                ..base.clone()
            },
        );
        if out.hits.is_empty() {
            assert_eq!(pages, out.pages);
            break;
        }
        assert!(out.hits.len() == 7 || pages + 1 == out.pages);
        seen.extend(out.hits.iter().map(|h| h.id));
        pages += 1;
    }
    let ids: Vec<u32> = ranking.hits.iter().map(|h| h.0).collect();
    assert_eq!(seen, ids);
    let beyond = search(
        &f.built.root,
        &f.store,
        &Query {
            page: 10_000,
            ..base
        },
    );
    assert!(beyond.hits.is_empty() && beyond.missing.is_empty());
}

#[test]
fn missing_parts_give_what_is_there_and_say_what_is_not() {
    let f = fixture();
    let q = query("tuyên giáo");
    let full = search(&f.built.root, &f.store, &q);
    // Without one of the page's record parts.
    let lost = f
        .built
        .root
        .record_path(full.hits[3].id / f.built.root.record_part_size);
    let store = store_of(&f.built, |p| p != lost);
    let out = search(&f.built.root, &store, &q);
    assert_eq!(out.missing, std::slice::from_ref(&lost));
    assert_eq!(out.total, full.total);
    assert!(out.hits.len() < full.hits.len() && !out.hits.is_empty());
    assert!(out.hits.iter().all(|h| full.hits.contains(h)));

    // Nothing but the root: the term parts come first.
    let bare = store_of(&f.built, |_| false);
    let out = search(&f.built.root, &bare, &q);
    assert!(out.hits.is_empty());
    let root = &f.built.root;
    let mut wanted = vec![
        root.term_path(root.term_part_for("tuyen")),
        root.term_path(root.term_part_for("giao")),
    ];
    wanted.sort();
    wanted.dedup();
    assert_eq!(out.missing, wanted);
    // The caller fetches them, then the page's records, then it is done.
    let mut store = store_of(&f.built, |_| false);
    let mut rounds = 0;
    loop {
        let out = search(root, &store, &q);
        if out.missing.is_empty() {
            assert_eq!(out, full);
            break;
        }
        for path in &out.missing {
            let text = &f.built.files.iter().find(|(p, _)| p == path).unwrap().1;
            store.insert(path, text).unwrap();
        }
        rounds += 1;
        assert!(rounds <= 2);
    }
}

#[test]
fn a_corrupt_part_is_refused_not_a_panic() {
    let f = fixture();
    let (path, text) = f
        .built
        .files
        .iter()
        .find(|(p, _)| p.ends_with("/t3.json"))
        .unwrap();
    let mut store = store_of(&f.built, |_| false);
    for bad in [
        String::new(),
        "{}".to_string(),
        text.replace("\"g", "\"q"),
        text.replace(&f.built.root.build, "000000000000"),
        text.replacen("[[", "[[\"zzz\",1,\"gAA\",\"\",\"\"],[", 1),
        text[..text.len() / 2].to_string(),
    ] {
        let e = store.insert(path, &bad).unwrap_err();
        assert_eq!(&e.part, path);
        assert!(!e.message.is_empty());
    }
    assert!(store.insert("search/elsewhere.json", text).is_err());
    let build = &f.built.root.build;
    for name in ["", "é", "t", "t99999", "t01", "r01", "r-1", "c1x", "x0"] {
        let path = format!("search/{build}/{name}.json");
        let e = store.insert(&path, text).unwrap_err();
        assert_eq!(e.message, "not a part of this index", "{path}");
    }
    // Every byte changed in turn: an error or a part, never a panic.
    let (rpath, rtext) = &f.built.files[f.built.files.len() - 2];
    for (p, t) in [(path, text), (rpath, rtext)] {
        let bytes = t.as_bytes();
        for i in (0..bytes.len()).step_by(7) {
            let mut spoiled = bytes.to_vec();
            spoiled[i] = b"0a\"[{,}g"[i % 8];
            if let Ok(s) = String::from_utf8(spoiled) {
                let _ = store.insert(p, &s);
            }
        }
    }
    // An unknown version is refused with a message that says so.
    let root = f.built.files[0].1.replace("\"version\":1", "\"version\":2");
    assert!(Root::parse(&root)
        .unwrap_err()
        .message
        .contains("version 2"));
}

/// Prints, at 1k, 10k and 50k articles: the build time, the index's bytes
/// against the feed's, and the bytes a cold query fetches (root, term
/// parts, the first page's record parts) over 360 queries.
#[test]
#[ignore]
fn measure() {
    // BANTIN_MEASURE_SIZES=10000,50000 measures only those sizes.
    let sizes: Vec<usize> = std::env::var("BANTIN_MEASURE_SIZES")
        .ok()
        .map(|v| v.split(',').filter_map(|n| n.trim().parse().ok()).collect())
        .unwrap_or_else(|| vec![1_000, 10_000, 50_000]);
    for n in sizes {
        let content = feed(n);
        let feed_bytes: usize = bantin_format::pack::pack(&content)
            .iter()
            .map(|(_, t)| t.len())
            .sum();
        let started = std::time::Instant::now();
        let built = build(&content);
        let build_time = started.elapsed();
        let sizes: HashMap<&str, usize> = built
            .files
            .iter()
            .map(|(p, t)| (p.as_str(), t.len()))
            .collect();
        let root_bytes = built.files[0].1.len();
        let store = store_of(&built, |_| true);

        // 360 queries: titles, titles without diacritics and with wrong
        // ones, body phrases, the first words of a title with the last one
        // half typed, document numbers in two spellings.
        let mut queries: Vec<Query> = Vec::new();
        let step = |len: usize, k: usize| (k * 7919) % len;
        for k in 0..60 {
            let a = &content.articles[step(content.articles.len(), k)];
            queries.push(query(&a.summary.title));
            queries.push(query(&bantin_format::text::fold(&a.summary.title)));
            if k < 40 {
                let misspelt: String = a
                    .summary
                    .title
                    .chars()
                    .map(|c| match c {
                        'á' => 'à',
                        'ả' => 'ạ',
                        'ư' => 'u',
                        'ộ' => 'ô',
                        'ế' => 'ể',
                        'đ' => 'd',
                        other => other,
                    })
                    .collect();
                queries.push(query(&misspelt));
            }
            let body: String = a
                .body
                .iter()
                .find_map(|b| match b {
                    Block::Paragraph { runs } => {
                        Some(runs.iter().map(|r| r.text.as_str()).collect())
                    }
                    _ => None,
                })
                .unwrap_or_default();
            let words: Vec<&str> = body.split_whitespace().collect();
            let s = words.len() / 3;
            queries.push(query(&words[s..(s + 3).min(words.len())].join(" ")));
            let title: Vec<&str> = a.summary.title.split_whitespace().take(3).collect();
            let typed = title.join(" ");
            let cut: String = typed
                .chars()
                .take(typed.chars().count().saturating_sub(2))
                .collect();
            queries.push(Query {
                prefix: true,
                ..query(&cut)
            });
        }
        for k in 0..40 {
            let d = &content.documents[step(content.documents.len(), k)];
            queries.push(query(&d.number));
            queries.push(query(&d.number.replace(['-', '/'], " ").to_lowercase()));
        }
        let mut cold: Vec<usize> = Vec::new();
        let mut cold_terms: Vec<usize> = Vec::new();
        let mut cold_records: Vec<usize> = Vec::new();
        let mut warm_ms: Vec<f64> = Vec::new();
        let mut warm_page_ms: Vec<f64> = Vec::new();
        let mut rounds: Vec<usize> = Vec::new();
        for q in &queries {
            let mut have = store_of(&built, |_| false);
            let mut bytes = root_bytes;
            let (mut terms, mut records) = (0, 0);
            let mut round = 0;
            loop {
                let out = search(&built.root, &have, q);
                if out.missing.is_empty() {
                    break;
                }
                round += 1;
                for p in &out.missing {
                    bytes += sizes[p.as_str()];
                    if p.contains("/r") {
                        records += sizes[p.as_str()];
                    } else {
                        terms += sizes[p.as_str()];
                    }
                    let text = &built.files.iter().find(|(x, _)| x == p).unwrap().1;
                    have.insert(p, text).unwrap();
                }
            }
            rounds.push(round);
            cold.push(bytes);
            cold_terms.push(terms);
            cold_records.push(records);
            let t = std::time::Instant::now();
            let _ = search(&built.root, &store, q);
            warm_ms.push(t.elapsed().as_secs_f64() * 1000.0);
            // What the search page runs: the best few of each kind.
            let per_kind: Vec<Query> = [Kind::Article, Kind::Document, Kind::Entry]
                .into_iter()
                .map(|kind| Query {
                    kind: Some(kind),
                    per_page: 5,
                    ..q.clone()
                })
                .collect();
            let t = std::time::Instant::now();
            let _ = search_all(&built.root, &store, &per_kind);
            warm_page_ms.push(t.elapsed().as_secs_f64() * 1000.0);
        }
        cold.sort_unstable();
        rounds.sort_unstable();
        cold_terms.sort_unstable();
        cold_records.sort_unstable();
        warm_ms.sort_by(f64::total_cmp);
        warm_page_ms.sort_by(f64::total_cmp);
        let pct = |v: &[usize], p: usize| v[(v.len() * p / 100).min(v.len() - 1)];
        println!(
            "{n} articles, {} records: build {:.2} s; index {:.1} MB in {} files (feed {:.1} MB, {:.0} %); root {:.1} KB; \
             cold query over {} queries: p50 {:.1} KB, p95 {:.1} KB, max {:.1} KB \
             (term parts p95 {:.1} KB, record parts p95 {:.1} KB) in p50 {} / max {} rounds of fetching; warm p95 {:.2} ms, \
             a search page's three kinds p50 {:.2} ms, p95 {:.2} ms, max {:.2} ms",
            built.root.records,
            build_time.as_secs_f64(),
            built.bytes() as f64 / 1e6,
            built.files.len(),
            feed_bytes as f64 / 1e6,
            100.0 * built.bytes() as f64 / feed_bytes as f64,
            root_bytes as f64 / 1024.0,
            queries.len(),
            pct(&cold, 50) as f64 / 1024.0,
            pct(&cold, 95) as f64 / 1024.0,
            cold[cold.len() - 1] as f64 / 1024.0,
            pct(&cold_terms, 95) as f64 / 1024.0,
            pct(&cold_records, 95) as f64 / 1024.0,
            pct(&rounds, 50),
            rounds[rounds.len() - 1],
            warm_ms[(warm_ms.len() * 95 / 100).min(warm_ms.len() - 1)],
            warm_page_ms[warm_page_ms.len() / 2],
            warm_page_ms[(warm_page_ms.len() * 95 / 100).min(warm_page_ms.len() - 1)],
            warm_page_ms[warm_page_ms.len() - 1],
        );
    }
}
