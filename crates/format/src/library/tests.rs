//! The library index's writer and reader: every part reads back as what
//! it was written from, and parts that do not fit are refused.

use super::*;
use crate::datetime::Date;

fn docs(n: usize) -> Vec<Document> {
    // The generator's documents are the other build of this crate's
    // type: carried over as JSON.
    let text = serde_json::to_string(&bantin_synth::generate(n, 3, "2026-11-23").content.documents)
        .expect("documents serialize");
    serde_json::from_str(&text).expect("documents read")
}

fn parse_all(built: &Built) -> (Root, Vec<(PartId, Part)>) {
    let root = Root::parse(&built.files[0].1).expect("the root reads");
    let by_path: HashMap<&str, &str> = built
        .files
        .iter()
        .map(|(p, t)| (p.as_str(), t.as_str()))
        .collect();
    let parts = root
        .parts()
        .into_iter()
        .map(|id| {
            let text = by_path[root.path(id).as_str()];
            (id, Part::parse(&root, id, text).expect("a part reads"))
        })
        .collect();
    (root, parts)
}

#[test]
fn every_part_reads_back_as_the_documents_it_was_written_from() {
    let documents = docs(600);
    assert!(documents.len() > 40, "{} documents", documents.len());
    let built = build(&documents, "2026-11-23T08:00:00+07:00");
    assert_eq!(built, build(&documents, "2026-11-23T08:00:00+07:00"));
    let (root, parts) = parse_all(&built);
    assert_eq!(built.files.len(), 1 + root.parts().len());
    assert_eq!(root.documents as usize, documents.len());
    let mut sorted = documents.clone();
    sort_newest(&mut sorted);
    let v = values(&sorted);
    let mut rows = Vec::new();
    for (id, part) in &parts {
        match (id, part) {
            (PartId::Rows(k), Part::Rows(p)) => {
                assert_eq!(p.part, *k);
                rows.extend(p.rows.iter().cloned());
            }
            (PartId::Ids(facet, j), Part::Ids(p)) => {
                let list = match facet {
                    Facet::Type => &v.types,
                    Facet::Issuer => &v.issuers,
                    Facet::Field => &v.fields,
                };
                assert_eq!(p.ids, list[*j as usize].1, "{facet:?} {j}");
            }
            (PartId::Dates, Part::Dates(p)) => {
                for (id, d) in sorted.iter().enumerate() {
                    let (start, expires) = start_and_expiry(d);
                    for today in ["2020-01-01", "2026-11-23", "2027-06-30", "2040-01-01"] {
                        let today = Date::parse(today).unwrap().days();
                        assert_eq!(p.status(id as u32, today), status_of(start, expires, today));
                    }
                }
            }
            _ => panic!("{id:?} read as another part"),
        }
    }
    assert_eq!(rows.len(), sorted.len());
    for (row, doc) in rows.iter().zip(&sorted) {
        assert_eq!(
            (
                &row.id,
                &row.number,
                &row.doc_type,
                &row.issuer,
                &row.issued
            ),
            (
                &doc.id,
                &doc.number,
                &doc.doc_type,
                &doc.issuer,
                &doc.issued
            )
        );
        assert_eq!((&row.summary, &row.files), (&doc.summary, &doc.files));
        assert_eq!(
            (&row.effective, &row.expires),
            (&doc.effective, &doc.expires)
        );
        assert_eq!((row.views, row.downloads), (doc.views, doc.downloads));
        assert!(row.fields.is_empty() && row.signer.is_none());
    }
    // Years are runs of ids, newest first, as the root's counts place them.
    for (year, ids) in &v.years {
        let range = root.year_ids(*year);
        assert_eq!(range.clone().collect::<Vec<u32>>(), *ids, "{year}");
    }
    let f = facets(&sorted);
    let counts = |list: &[Count]| -> Vec<(String, usize)> {
        list.iter().map(|c| (c.0.clone(), c.1 as usize)).collect()
    };
    assert_eq!(counts(&root.types), f.types);
    assert_eq!(counts(&root.issuers), f.issuers);
    assert_eq!(counts(&root.fields), f.fields);
}

#[test]
fn the_root_is_small_and_a_value_is_found_by_name_or_slug() {
    let documents = docs(2000);
    let built = build(&documents, "x");
    let (root, _) = parse_all(&built);
    assert!(
        built.files[0].1.len() < 8 * 1024,
        "{}",
        built.files[0].1.len()
    );
    let first = &root.types[0].0;
    assert_eq!(root.value_of(Facet::Type, first), Some(0));
    assert_eq!(root.value_of(Facet::Type, &slugify(first)), Some(0));
    assert_eq!(root.value_of(Facet::Type, &first.to_uppercase()), Some(0));
    assert_eq!(root.value_of(Facet::Type, "không có loại này"), None);
    assert_eq!(root.value_of(Facet::Type, "--"), None);
    assert_eq!(root.year_ids(1066), 0..0);
}

#[test]
fn parts_that_do_not_fit_are_refused() {
    let built = build(&docs(300), "x");
    let (root, _) = parse_all(&built);
    let text = |id: PartId| {
        built
            .files
            .iter()
            .find(|(p, _)| *p == root.path(id))
            .unwrap()
            .1
            .clone()
    };
    let refused = |id: PartId, t: String, why: &str| {
        let e = Part::parse(&root, id, &t).expect_err(why);
        assert_eq!(e.part, root.path(id));
        assert!(e.message.contains(why), "{why}: {}", e.message);
    };
    let rows = text(PartId::Rows(0));
    refused(
        PartId::Rows(0),
        rows.replace("\"version\":1", "\"version\":2"),
        "version",
    );
    refused(
        PartId::Rows(0),
        rows.replace(&root.build, "000000000000"),
        "another build",
    );
    refused(PartId::Rows(1), rows.clone(), "part must be 1");
    refused(
        PartId::Rows(0),
        rows[..rows.len() - 2].to_string(),
        "not JSON",
    );
    refused(
        PartId::Rows(0),
        rows.replacen("{\"id\"", "{\"body\":[],\"id\"", 1),
        "not a row's field",
    );
    let mut short: serde_json::Value = serde_json::from_str(&rows).unwrap();
    short["rows"].as_array_mut().unwrap().pop();
    refused(PartId::Rows(0), short.to_string(), "the root puts");
    let ids = text(PartId::Ids(Facet::Type, 0));
    refused(
        PartId::Ids(Facet::Type, 0),
        ids.replace("\"facet\":\"type\"", "\"facet\":\"issuer\""),
        "facet must be",
    );
    refused(
        PartId::Ids(Facet::Type, 1),
        ids.replace("\"part\":0", "\"part\":1"),
        "name must be",
    );
    let j = root.types.len() as u32;
    refused(
        PartId::Ids(Facet::Type, j),
        ids.replace("\"part\":0", &format!("\"part\":{j}")),
        "no such part",
    );
    let dates = text(PartId::Dates);
    refused(
        PartId::Dates,
        dates.replace("\"start\":[", "\"start\":[0,"),
        "start lists",
    );
    refused(
        PartId::Dates,
        dates.replace("\"expires\":[", "\"expires\":[[99999,1],"),
        "expires[0]",
    );
}

#[test]
fn roots_that_do_not_add_up_are_refused() {
    let built = build(&docs(300), "x");
    let good = built.files[0].1.clone();
    assert!(Root::parse(&good).is_ok());
    let v: serde_json::Value = serde_json::from_str(&good).unwrap();
    let with = |key: &str, value: serde_json::Value| {
        let mut v = v.clone();
        v[key] = value;
        v.to_string()
    };
    for (text, why) in [
        (with("version", 2.into()), "version 2"),
        (with("kind", "search-index".into()), "kind"),
        (with("build", "XYZ".into()), "build"),
        (with("row_part_size", 0.into()), "row_part_size"),
        (with("format_version", "2.0".into()), "format_version"),
        (with("documents", 1.into()), "count from 1 to 1"),
        (
            with("years", serde_json::json!([[2025, 1], [2026, 1]])),
            "newest first",
        ),
        (
            with("types", serde_json::json!([["B", 1], ["A", 1]])),
            "order of the folded name",
        ),
        (
            with("issuers", serde_json::json!([["Ban A", 1], ["ban a", 1]])),
            "listed once",
        ),
    ] {
        let e = Root::parse(&text).expect_err(why);
        assert!(e.message.contains(why), "{why}: {}", e.message);
    }
}

#[test]
fn an_empty_library_has_a_root_and_a_dates_part() {
    let built = build(&[], "x");
    let (root, parts) = parse_all(&built);
    assert_eq!(root.documents, 0);
    assert_eq!(parts.len(), 1);
    assert!(matches!(parts[0].1, Part::Dates(_)));
}
