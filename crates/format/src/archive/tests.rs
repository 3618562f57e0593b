//! The archive index's pieces: terms, id lists, the root's checks. The
//! index over a generated feed is tested in tests/archive.rs.

use super::*;

fn plain(words: &[&str]) -> Vec<(String, Option<String>)> {
    words.iter().map(|w| (w.to_string(), None)).collect()
}

#[test]
fn a_document_number_gives_the_same_terms_however_it_is_typed() {
    let want = plain(&["112", "hd", "btgtu"]);
    for typed in [
        "112-HD/BTGTU",
        "112 hd btgtu",
        "112/hd/btgtu",
        "112hd btgtu",
        "112HD-BTGTU",
    ] {
        assert_eq!(terms(typed), want, "{typed}");
    }
    assert_eq!(terms("1234/QĐ-UBND")[1], ("qd".into(), Some("qđ".into())));
}

#[test]
fn a_title_or_a_number_typed_whole_has_one_key_however_it_is_typed() {
    let key = title_key("Phường Phú Xuyên: tuyên dương 2 điển hình").unwrap();
    assert!(key.starts_with('#') && key.len() == 13, "{key}");
    for typed in [
        "phuong phu xuyen tuyen duong 2 dien hinh",
        "  PHƯỜNG Phú Xuyên – tuyên dương 2 điển hình. ",
    ] {
        assert_eq!(title_key(typed).as_deref(), Some(key.as_str()), "{typed}");
    }
    // One word more or less, another key; too short a text, none.
    assert_ne!(
        title_key("Phường Phú Xuyên: tuyên dương 9 điển hình").unwrap(),
        key
    );
    assert_eq!(title_key("tuyên giáo"), None);

    for typed in ["05-QĐ/TU", "05 qd tu", "05/qđ-tu", "05qdtu"] {
        assert_eq!(number_key(typed).as_deref(), Some("05qdtu"), "{typed}");
    }
    assert_eq!(number_key("112"), None);
    assert_eq!(number_key("tuyên giáo"), None);
    // A key term never equals a word's term: words are letters or digits.
    assert!(terms("112-HD/BTGTU").iter().all(|(t, _)| t != "112hdbtgtu"));
}

#[test]
fn terms_are_folded_and_keep_the_form_with_diacritics() {
    assert_eq!(
        terms("Đảng ủy, tuyên giáo!"),
        vec![
            ("dang".into(), Some("đảng".into())),
            ("uy".into(), Some("ủy".into())),
            ("tuyen".into(), Some("tuyên".into())),
            ("giao".into(), Some("giáo".into())),
        ]
    );
    // Typed decomposed: the same terms.
    assert_eq!(terms("Đa\u{309}ng"), terms("Đảng"));
    // A long word is cut.
    let long = "a".repeat(40);
    assert_eq!(terms(&long)[0].0.len(), MAX_TERM_CHARS);
    assert_eq!(spans("ab, 12cd"), vec![(0, 2), (4, 6), (6, 8)]);
}

#[test]
fn id_lists_read_back_in_the_shorter_form() {
    let sparse = vec![3, 90, 1000, 70_000];
    let dense: Vec<u32> = (500..5000).filter(|i| i % 3 != 0).collect();
    for (ids, tag) in [(&sparse, 'g'), (&dense, 'm')] {
        let text = encode_ids(ids);
        assert!(text.starts_with(tag), "{text}");
        assert_eq!(&decode_ids(&text, 70_001).unwrap(), ids);
    }
    // About 1.3 base64 characters per 8 records the list spans.
    assert!(encode_ids(&dense).len() < 4500 / 8 * 4 / 3 + 8);
    assert_eq!(encode_ids(&[]), "");
    assert_eq!(decode_ids("", 1), Ok(vec![]));
    for n in 0..300u32 {
        let ids: Vec<u32> = (0..n).map(|i| i * i % 977 + i * 1000).collect();
        assert_eq!(decode_ids(&encode_ids(&ids), u32::MAX).unwrap(), ids);
    }
}

#[test]
fn a_bad_id_list_is_an_error() {
    let ok = encode_ids(&[1, 5, 9]);
    assert!(decode_ids(&ok, 9).unwrap_err().contains("beyond"));
    for bad in [
        "x", "xAA", "g", "g*", "gA", "gAB", "gAQA", "m", "mAA", "g____",
    ] {
        assert!(decode_ids(bad, 100).is_err(), "{bad}");
    }
}

fn root() -> Root {
    Root {
        format_version: "1.1".into(),
        kind: ROOT_KIND.into(),
        version: VERSION,
        generated_at: "2026-11-23T07:00:00+07:00".into(),
        build: "0123456789ab".into(),
        records: 5,
        record_part_size: 2,
        sections: vec![
            Section(Kind::Article, "c1".into()),
            Section(Kind::Entry, String::new()),
        ],
        groups: vec![Group(2026, 0, 3), Group(2025, 1, 2)],
        term_parts: vec!["".into(), "m".into()],
        common: vec![Common("cua".into(), 4)],
        common_documents: Vec::new(),
        document_order: None,
        starts: Vec::new(),
    }
}

#[test]
fn the_root_must_add_up() {
    let text = serde_json::to_string(&root()).unwrap();
    let r = Root::parse(&text).unwrap();
    assert_eq!(r.record_parts(), 3);
    assert_eq!(r.term_part_of("a"), 0);
    assert_eq!(r.term_part_of("m"), 1);
    assert_eq!(r.term_part_of("zz"), 1);
    let place = r.place_of(4).unwrap();
    assert_eq!(
        (place.kind, place.category, place.year),
        (Kind::Entry, "", 2025)
    );
    assert_eq!(r.place_of(2).unwrap().category, "c1");
    assert_eq!(r.place_of(5), None);
    assert_eq!(r.term_part_for("cua"), TermPartId::Common(0));
    assert_eq!(r.term_part_for("cu"), TermPartId::Range(0));
    assert_eq!(
        r.term_path(TermPartId::Common(0)),
        "search/0123456789ab/c0.json"
    );
    assert_eq!(r.record_path(2), "search/0123456789ab/r2.json");
    assert_eq!(r.part_paths().len(), 6);

    let spoil = |f: &dyn Fn(&mut Root)| {
        let mut r = root();
        f(&mut r);
        Root::parse(&serde_json::to_string(&r).unwrap()).unwrap_err()
    };
    assert!(spoil(&|r| r.version = 2)
        .message
        .contains("version 2 is not known"));
    assert!(spoil(&|r| r.kind = "index".into()).message.contains("kind"));
    assert!(spoil(&|r| r.records = 6).message.contains("hold 5 records"));
    assert!(spoil(&|r| r.groups[1].1 = 2).message.contains("groups[1]"));
    assert!(spoil(&|r| r.sections[1] = r.sections[0].clone())
        .message
        .contains("distinct"));
    assert!(spoil(&|r| r.common[0].0 = "của".into())
        .message
        .contains("common"));
    assert!(spoil(&|r| r.term_parts.reverse())
        .message
        .contains("term_parts"));
    assert!(spoil(&|r| r.build = "xyz".into()).message.contains("build"));
    assert!(spoil(&|r| r.record_part_size = 0)
        .message
        .contains("record_part_size"));
    for counts in [vec![5], vec![1, 1]] {
        assert!(spoil(&|r| r.common_documents = counts.clone())
            .message
            .contains("common_documents"));
    }
    assert!(Root::parse("[").unwrap_err().message.contains("not JSON"));
}

#[test]
fn a_term_lists_each_record_once_across_its_tiers() {
    assert_eq!(
        merged(&[1, 4, 9], &[2, 4, 10, 11]),
        vec![1, 2, 4, 9, 10, 11]
    );
    assert_eq!(merged(&[], &[3]), vec![3]);
    assert!(shared(&[1, 4, 9], &[2, 9]) && !shared(&[1, 4], &[2, 5, 9]) && !shared(&[], &[1]));
    let line = |tiers: [&[u32]; 3], count: u32| {
        let [a, b, c] = tiers.map(|t| serde_json::Value::from(encode_ids(t)));
        term_of(&serde_json::json!(["hoi", count, a, b, c]), 100)
    };
    assert!(line([&[1, 5], &[2], &[7, 9]], 5).is_ok());
    for tiers in [[&[1, 5][..], &[5][..], &[7][..]], [&[1, 5], &[2], &[5, 7]]] {
        let twice = line(tiers, 4).unwrap_err();
        assert!(twice.contains("twice"), "{twice}");
    }
    assert!(line([&[1, 5], &[2], &[7]], 5).is_err());
}

#[test]
fn a_common_terms_documents_part_holds_documents_only() {
    let mut r = root();
    r.sections[1] = Section(Kind::Document, "Hướng dẫn".into());
    r.common_documents = vec![2];
    let r = Root::parse(&serde_json::to_string(&r).unwrap()).unwrap();
    let id = TermPartId::Documents(0);
    assert!(r.has_term_part(id) && !r.has_term_part(TermPartId::Documents(1)));
    assert_eq!(r.term_path(id), "search/0123456789ab/d0.json");
    assert_eq!(r.part_paths().len(), 7);
    let part = |term: &str, count: u32, ids: &[u32]| {
        let body = serde_json::json!({
            "kind": TERMS_KIND, "version": VERSION, "build": r.build, "part": 0,
            "terms": [[term, count, encode_ids(ids), "", ""]],
        });
        TermPart::parse(&r, id, &body.to_string())
    };
    assert_eq!(part("cua", 2, &[3, 4]).unwrap().terms[0].tiers[0], [3, 4]);
    // An article's id, another count, another term: refused.
    for bad in [
        part("cua", 2, &[2, 4]),
        part("cua", 1, &[4]),
        part("cu", 2, &[3, 4]),
    ] {
        assert!(bad.unwrap_err().message.contains("outside the part"));
    }
    // No part for a term no document holds.
    let mut none = r.clone();
    none.common_documents = vec![0];
    assert!(!none.has_term_part(id));
    assert_eq!(none.part_paths().len(), 6);
}
