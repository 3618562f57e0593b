//! The document library from the library index (format doc §7.9): which
//! parts a filter needs, and the documents it selects, their count and
//! rows from the parts at hand. The same verdict as [`doc_catalog`] over
//! the whole list (tested below on a generated feed), while fetching only
//! the root, the id parts of the chosen values, the dates part when the
//! status is chosen, and the row parts of the rows shown.
//!
//! The text filter (`q`) is the archive index's document search (format
//! doc §7.8, the search box's: numbers in any spelling, blind to
//! diacritics, the last word a prefix, common words as the search box
//! leaves them out): [`text_query`] asks it for every document it
//! matches, and [`text_ids`] turns those archive ids into library ids.
//! Both indexes list a year's documents of one type in the library's
//! order, so a document's place in its archive group (year, type) is its
//! place among the library ids of that year and type: the type's id part
//! says which those are, and no record part is fetched. Where the two
//! indexes do not agree (a type spelt two ways, a date that does not
//! read) the whole list answers instead ([`TextIds::Unmapped`]).

use std::collections::HashMap;
use std::sync::Arc;

use bantin_format::archive::{self, Group, Section};
use bantin_format::datetime::Date;
use bantin_format::library::{self as index, name_slug, DatesPart, Facet, PartId, Root};
use bantin_format::model::Document;

use crate::logic::doc_catalog::{Facets, Filter, Status};

/// The parts fetched so far, read and checked.
#[derive(Clone, Debug, Default)]
pub struct Parts {
    pub rows: HashMap<u32, Arc<Vec<Document>>>,
    pub ids: HashMap<(Facet, u32), Arc<Vec<u32>>>,
    pub dates: Option<Arc<DatesPart>>,
}

impl Parts {
    /// Whether `part` is at hand.
    pub fn has(&self, part: PartId) -> bool {
        match part {
            PartId::Rows(k) => self.rows.contains_key(&k),
            PartId::Ids(facet, j) => self.ids.contains_key(&(facet, j)),
            PartId::Dates => self.dates.is_some(),
        }
    }

    /// Keeps a part that was read.
    pub fn insert(&mut self, part: index::Part) {
        match part {
            index::Part::Rows(p) => {
                self.rows.insert(p.part, Arc::new(p.rows));
            }
            index::Part::Ids(p) => {
                self.ids.insert((p.facet, p.part), Arc::new(p.ids));
            }
            index::Part::Dates(p) => self.dates = Some(Arc::new(p)),
        }
    }
}

/// Whether `filter` has a text, which the archive index answers
/// ([`text_query`]).
pub fn has_text(filter: &Filter) -> bool {
    !filter.text.trim().is_empty()
}

/// Rows shown at first, and added by each "Xem thêm".
pub const ROWS_STEP: usize = 30;
/// The same with a text filter: its matches lie anywhere in the list, so
/// each row shown is most often a row part of its own (about 2 KB on the
/// wire); ten keep a text search on a phone to ten of them, as the search
/// page shows ten results.
pub const TEXT_ROWS_STEP: usize = 10;

/// Rows per step of the list for `filter`.
pub fn rows_step(filter: &Filter) -> usize {
    if has_text(filter) {
        TEXT_ROWS_STEP
    } else {
        ROWS_STEP
    }
}

/// The archive query of the text filter: documents only (a common word
/// reads its documents' part, not the whole term's), every one it matches
/// (the library orders them), the last word also a prefix, and a number
/// typed whole only the documents of that number when there are some.
pub fn text_query(text: &str) -> archive::Query {
    archive::Query {
        text: text.trim().to_string(),
        prefix: true,
        kind: Some(archive::Kind::Document),
        kind_only: true,
        number_exact: true,
        ..archive::Query::default()
    }
}

/// What the archive's matches are in the library index.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TextIds {
    /// The library ids of the documents matched, ascending.
    Ids(Vec<u32>),
    /// The type id parts the mapping needs and the parts lack.
    Missing(Vec<PartId>),
    /// The two indexes do not place some matched document alike (a type
    /// the library root does not list, a type spelt two ways in the
    /// archive, a group whose count is not the library's): the whole list
    /// answers the text.
    Unmapped,
}

/// The library ids of the archive records `hits` (ascending archive ids
/// of documents; other kinds are left out): see the module's doc.
pub fn text_ids(archive: &archive::Root, hits: &[u32], root: &Root, parts: &Parts) -> TextIds {
    // An older writer's archive numbers the same day's documents otherwise.
    if archive.document_order.as_deref() != Some(archive::LIBRARY_ORDER) {
        return TextIds::Unmapped;
    }
    // The hits by group, with their places in it.
    let mut groups: Vec<(usize, Vec<u32>)> = Vec::new();
    for &id in hits {
        let Some((g, at)) = archive.group_of(id) else {
            continue;
        };
        match groups.last_mut() {
            Some((last, ats)) if *last == g => ats.push(at),
            _ => groups.push((g, vec![at])),
        }
    }
    let document_sections: Vec<(usize, Option<String>)> = archive
        .sections
        .iter()
        .enumerate()
        .filter(|(_, s)| s.0 == archive::Kind::Document)
        .map(|(i, s)| (i, name_slug(&s.1)))
        .collect();
    let mut wanted: Vec<(i32, u32, u32, Vec<u32>)> = Vec::new();
    let mut missing: Vec<PartId> = Vec::new();
    for (g, ats) in groups {
        let Group(year, section, count) = archive.groups[g];
        let Some(Section(kind, category)) = archive.sections.get(section as usize) else {
            return TextIds::Unmapped;
        };
        if *kind != archive::Kind::Document {
            continue;
        }
        let slug = name_slug(category);
        let spellings = document_sections.iter().filter(|(_, s)| *s == slug).count();
        let Some(j) = root
            .value_of(Facet::Type, category)
            .filter(|_| spellings == 1)
        else {
            return TextIds::Unmapped;
        };
        let part = PartId::Ids(Facet::Type, j);
        if !parts.has(part) && !missing.contains(&part) {
            missing.push(part);
        }
        wanted.push((year, j, count, ats));
    }
    if !missing.is_empty() {
        return TextIds::Missing(missing);
    }
    let mut out = Vec::new();
    for (year, j, count, ats) in wanted {
        let of_type = &parts.ids[&(Facet::Type, j)];
        let years = root.year_ids(year);
        let from = of_type.partition_point(|&id| id < years.start);
        let to = of_type.partition_point(|&id| id < years.end);
        let of_group = &of_type[from..to];
        if of_group.len() != count as usize {
            return TextIds::Unmapped;
        }
        out.extend(ats.iter().map(|&at| of_group[at as usize]));
    }
    out.sort_unstable();
    out.dedup();
    TextIds::Ids(out)
}

/// The filter menus' values with their counts, from the root alone.
pub fn facets(root: &Root) -> Facets {
    let counted = |list: &[index::Count]| {
        list.iter()
            .map(|c| (c.0.clone(), c.1 as usize))
            .collect::<Vec<_>>()
    };
    Facets {
        types: counted(&root.types),
        issuers: counted(&root.issuers),
        fields: counted(&root.fields),
        years: root.years.iter().map(|y| (y.0, y.1 as usize)).collect(),
    }
}

/// The parts `filter` needs to know which documents it selects (not
/// their rows): the id part of each chosen type, issuer and field that
/// the root lists, and the dates part for the status.
pub fn filter_parts(root: &Root, filter: &Filter) -> Vec<PartId> {
    let mut out = Vec::new();
    for (facet, value) in [
        (Facet::Type, &filter.doc_type),
        (Facet::Issuer, &filter.issuer),
        (Facet::Field, &filter.field),
    ] {
        if let Some(j) = value.as_deref().and_then(|v| root.value_of(facet, v)) {
            out.push(PartId::Ids(facet, j));
        }
    }
    if filter.status.is_some() {
        out.push(PartId::Dates);
    }
    out
}

/// The ids `filter` selects, ascending (the library's order, newest
/// first); `Err` with the parts still missing. The text is not read
/// here: `text` is what it selects ([`text_ids`]), None for no text.
pub fn matching(
    root: &Root,
    parts: &Parts,
    filter: &Filter,
    today: Date,
    text: Option<&[u32]>,
) -> Result<Vec<u32>, Vec<PartId>> {
    let missing: Vec<PartId> = filter_parts(root, filter)
        .into_iter()
        .filter(|p| !parts.has(*p))
        .collect();
    if !missing.is_empty() {
        return Err(missing);
    }
    // A chosen value the root does not list selects nothing.
    let mut lists: Vec<&[u32]> = Vec::new();
    for (facet, value) in [
        (Facet::Type, &filter.doc_type),
        (Facet::Issuer, &filter.issuer),
        (Facet::Field, &filter.field),
    ] {
        if let Some(v) = value.as_deref() {
            match root.value_of(facet, v) {
                Some(j) => lists.push(&parts.ids[&(facet, j)]),
                None => return Ok(Vec::new()),
            }
        }
    }
    lists.extend(text);
    let range = match filter.year {
        Some(y) => root.year_ids(y),
        None => 0..root.documents,
    };
    let mut ids: Vec<u32> = match lists.iter().min_by_key(|l| l.len()) {
        Some(shortest) => shortest
            .iter()
            .copied()
            .filter(|id| range.contains(id))
            .collect(),
        None => range.collect(),
    };
    for list in &lists {
        ids.retain(|id| list.binary_search(id).is_ok());
    }
    if let (Some(want), Some(dates)) = (filter.status, parts.dates.as_deref()) {
        let today = today.days();
        ids.retain(|&id| Status::from(dates.status(id, today)) == want);
    }
    Ok(ids)
}

/// The row parts that hold the first `shown` of `ids`, in order, once each.
pub fn row_parts_for(root: &Root, ids: &[u32], shown: usize) -> Vec<PartId> {
    let mut out: Vec<PartId> = Vec::new();
    for &id in ids.iter().take(shown) {
        let part = PartId::Rows(root.row_part_of(id));
        if out.last() != Some(&part) {
            out.push(part);
        }
    }
    out
}

/// The rows of the first `shown` of `ids`, as far as their parts are at
/// hand: the rows up to the first one missing (the list never skips one).
pub fn rows(root: &Root, parts: &Parts, ids: &[u32], shown: usize) -> Vec<Document> {
    let size = root.row_part_size;
    ids.iter()
        .take(shown)
        .map_while(|&id| {
            let part = parts.rows.get(&root.row_part_of(id))?;
            part.get((id % size) as usize).cloned()
        })
        .collect()
}

/// Every row at hand, by id: what a page without the whole list can look
/// a document up in (its row when its own file cannot be fetched, a
/// linked document's number and summary).
pub fn row_by_id<'a>(parts: &'a Parts, doc_id: &str) -> Option<&'a Document> {
    parts
        .rows
        .values()
        .flat_map(|rows| rows.iter())
        .find(|d| d.id == doc_id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::logic::doc_catalog;

    /// A generated feed's documents, their index read back with every part.
    fn fixture(articles: usize) -> (Vec<Document>, Root, Parts) {
        let docs = bantin_synth::generate(articles, 11, "2026-11-23")
            .content
            .documents;
        let (root, parts) = library_of(&docs);
        (docs, root, parts)
    }

    /// The library index of `docs`, read back with every part.
    fn library_of(docs: &[Document]) -> (Root, Parts) {
        let built = index::build(docs, "2026-11-23T08:00:00+07:00");
        let root = Root::parse(&built.files[0].1).unwrap();
        let mut parts = Parts::default();
        for (path, text) in &built.files[1..] {
            let id = root
                .parts()
                .into_iter()
                .find(|p| root.path(*p) == *path)
                .unwrap();
            parts.insert(index::Part::parse(&root, id, text).unwrap());
        }
        (root, parts)
    }

    /// The archive index of `content`, read back with every part.
    fn archive_of(content: &bantin_format::pack::Content) -> archive::Store {
        let built = archive::build(content);
        let mut store = archive::Store::new(built.root.clone());
        for (path, text) in &built.files[1..] {
            store.insert(path, text).unwrap();
        }
        store
    }

    /// The archive's document keys of the records `q` matches, from its
    /// record parts (what the search page would show, all pages at once).
    fn archive_keys(store: &archive::Store, q: &archive::Query) -> Vec<String> {
        let q = archive::Query {
            per_page: store.root.records as usize,
            ..q.clone()
        };
        let out = archive::search(&store.root, store, &q);
        assert!(out.missing.is_empty());
        out.hits.into_iter().map(|h| h.record.key).collect()
    }

    /// The library's rows for `text` and `f`, through the archive.
    fn through_archive(
        store: &archive::Store,
        root: &Root,
        parts: &Parts,
        text: &str,
        f: &Filter,
        today: Date,
    ) -> Vec<String> {
        let ranking = archive::rank(&store.root, store, &text_query(text));
        assert!(ranking.missing.is_empty());
        let mut hits: Vec<u32> = ranking.hits.iter().map(|h| h.0).collect();
        hits.sort_unstable();
        let TextIds::Ids(text_ids) = text_ids(&store.root, &hits, root, parts) else {
            panic!("{text:?} is not mapped");
        };
        let ids = matching(root, parts, f, today, Some(&text_ids)).unwrap();
        let rows = rows(root, parts, &ids, ids.len());
        assert_eq!(rows.len(), ids.len());
        rows.into_iter().map(|d| d.id).collect()
    }

    /// What the page shows from the whole list: the count and the first
    /// `shown` rows' ids.
    fn from_list(docs: &[Document], f: &Filter, today: Date, shown: usize) -> (usize, Vec<String>) {
        let mut list: Vec<Document> = docs
            .iter()
            .filter(|d| f.matches(d, today))
            .cloned()
            .collect();
        doc_catalog::sort_newest(&mut list);
        (
            list.len(),
            list.iter().take(shown).map(|d| d.id.clone()).collect(),
        )
    }

    fn from_index(
        root: &Root,
        parts: &Parts,
        f: &Filter,
        today: Date,
        shown: usize,
    ) -> (usize, Vec<String>) {
        let ids = matching(root, parts, f, today, None).expect("every part is at hand");
        let rows = rows(root, parts, &ids, shown);
        assert_eq!(rows.len(), ids.len().min(shown));
        (ids.len(), rows.into_iter().map(|d| d.id).collect())
    }

    #[test]
    fn every_filter_combination_gives_the_rows_and_counts_of_the_whole_list() {
        let (docs, root, parts) = fixture(1200);
        assert!(docs.len() > 100, "{} documents", docs.len());
        let facets = doc_catalog::facets(&docs);
        assert_eq!(super::facets(&root), facets);
        assert!(!facets.fields.is_empty() && facets.years.len() > 1);
        // Each value, none, a spelling of a value (its slug) and a value
        // nobody has.
        let names = |list: &[(String, usize)]| {
            let mut out: Vec<Option<String>> = vec![None];
            out.extend(list.iter().map(|(n, _)| Some(n.clone())));
            out.push(Some(bantin_format::text::slugify(&list[0].0)));
            out.push(Some("Không có giá trị này".to_string()));
            out
        };
        let types = names(&facets.types);
        let issuers = names(&facets.issuers);
        let fields = names(&facets.fields);
        let mut years: Vec<Option<i32>> = vec![None, Some(1990)];
        years.extend(facets.years.iter().map(|(y, _)| Some(*y)));
        let statuses: Vec<Option<Status>> =
            std::iter::once(None).chain(Status::ALL.map(Some)).collect();
        let todays = [
            Date::parse("2026-11-23").unwrap(),
            Date::parse("2028-06-01").unwrap(),
        ];
        let mut checked = 0;
        let mut check = |f: Filter| {
            for today in todays {
                for shown in [30, 60] {
                    assert_eq!(
                        from_index(&root, &parts, &f, today, shown),
                        from_list(&docs, &f, today, shown),
                        "{f:?} on {today:?}"
                    );
                }
            }
            checked += 1;
        };
        for t in &types {
            for i in &issuers {
                for s in &statuses {
                    check(Filter {
                        doc_type: t.clone(),
                        issuer: i.clone(),
                        status: *s,
                        ..Filter::default()
                    });
                }
            }
        }
        for fl in &fields {
            for y in &years {
                for s in &statuses {
                    check(Filter {
                        field: fl.clone(),
                        year: *y,
                        status: *s,
                        ..Filter::default()
                    });
                }
            }
        }
        // All five at once, values taken in turn.
        for (k, y) in years.iter().enumerate() {
            check(Filter {
                doc_type: types[k % types.len()].clone(),
                issuer: issuers[(k * 3) % issuers.len()].clone(),
                field: fields[(k * 5) % fields.len()].clone(),
                year: *y,
                status: statuses[k % statuses.len()],
                text: String::new(),
            });
        }
        assert!(checked > 500, "{checked}");
    }

    #[test]
    fn a_filter_needs_only_the_parts_of_its_values_and_the_rows_it_shows() {
        let (_, root, all) = fixture(1200);
        let mut parts = Parts::default();
        let today = Date::parse("2026-11-23").unwrap();
        // No filter: nothing but the rows.
        let ids = matching(&root, &parts, &Filter::default(), today, None).unwrap();
        assert_eq!(ids.len() as u32, root.documents);
        assert_eq!(
            row_parts_for(&root, &ids, 30),
            vec![PartId::Rows(0), PartId::Rows(1), PartId::Rows(2)]
        );
        assert!(rows(&root, &parts, &ids, 30).is_empty());
        let f = Filter {
            doc_type: Some(root.types[1].0.clone()),
            status: Some(Status::InForce),
            year: Some(root.years[0].0),
            ..Filter::default()
        };
        assert_eq!(
            matching(&root, &parts, &f, today, None),
            Err(vec![PartId::Ids(Facet::Type, 1), PartId::Dates])
        );
        parts
            .ids
            .insert((Facet::Type, 1), all.ids[&(Facet::Type, 1)].clone());
        parts.dates = all.dates.clone();
        let ids = matching(&root, &parts, &f, today, None).unwrap();
        let want = row_parts_for(&root, &ids, 30);
        assert!(want.len() <= ids.len().min(30));
        // Rows stop at the first part not at hand.
        if let Some(&PartId::Rows(first)) = want.first() {
            parts.rows.insert(first, all.rows[&first].clone());
            let shown = rows(&root, &parts, &ids, 30);
            assert!(!shown.is_empty());
            assert!(shown.iter().all(|d| all.rows[&first].contains(d)));
        }
        // A value nobody has needs no part and selects nothing.
        let none = Filter {
            issuer: Some("Không có".into()),
            ..Filter::default()
        };
        assert_eq!(filter_parts(&root, &none), vec![]);
        assert_eq!(
            matching(&root, &Parts::default(), &none, today, None),
            Ok(vec![])
        );
        assert!(!has_text(&none));
        let text = Filter {
            text: "112".into(),
            ..Filter::default()
        };
        assert!(has_text(&text));
        // A text's matches are shown ten at a time, the other filters' thirty.
        assert_eq!(rows_step(&text), TEXT_ROWS_STEP);
        assert_eq!(rows_step(&none), ROWS_STEP);
        assert!(!has_text(&Filter {
            text: "  ".into(),
            ..Filter::default()
        }));
        let first = &all.rows[&0][0];
        assert_eq!(row_by_id(&all, &first.id), Some(first));
        assert_eq!(row_by_id(&parts, "khong-co"), None);
    }

    #[test]
    fn the_text_filter_lists_the_archives_matches_in_the_librarys_order_with_every_filter() {
        let content = bantin_synth::generate(1200, 11, "2026-11-23").content;
        let docs = &content.documents;
        let store = archive_of(&content);
        let (root, parts) = library_of(docs);
        let today = Date::parse("2026-11-23").unwrap();
        let mut sorted = docs.clone();
        doc_catalog::sort_newest(&mut sorted);
        let d = &sorted[sorted.len() / 3];
        let summary_words: Vec<&str> = d.summary.split_whitespace().collect();
        let mut texts: Vec<String> = vec![
            d.number.clone(),
            d.number.to_lowercase().replace(['-', '/'], " "),
            bantin_format::text::fold(&d.number).replace('-', "/"),
            summary_words[..3.min(summary_words.len())].join(" "),
            bantin_format::text::fold(&d.summary),
            // The number without its last letter: the last word is a prefix.
            d.number
                .chars()
                .take(d.number.chars().count() - 1)
                .collect(),
            d.issuer.clone(),
            "không có từ này xyzw".into(),
        ];
        texts.push(format!(
            "{} {}",
            d.number.split('-').next().unwrap(),
            d.doc_type
        ));
        let facets = doc_catalog::facets(docs);
        let filters = [
            Filter::default(),
            Filter {
                doc_type: Some(d.doc_type.clone()),
                ..Filter::default()
            },
            Filter {
                issuer: Some(facets.issuers[0].0.clone()),
                status: Some(Status::InForce),
                ..Filter::default()
            },
            Filter {
                year: Some(facets.years[1].0),
                field: Some(facets.fields[0].0.clone()),
                ..Filter::default()
            },
        ];
        let mut found = 0;
        for text in &texts {
            let keys = archive_keys(&store, &text_query(text));
            for f in &filters {
                // The reference: the archive's own records (by key), the
                // filter over the whole list, the library's order.
                let want: Vec<String> = sorted
                    .iter()
                    .filter(|x| keys.contains(&x.id) && f.matches(x, today))
                    .map(|x| x.id.clone())
                    .collect();
                let got = through_archive(&store, &root, &parts, text, f, today);
                assert_eq!(got, want, "{text:?} {f:?}");
            }
            found += usize::from(keys.contains(&d.id));
        }
        // Its number in three spellings, its summary's words, a prefix,
        // its issuer and its number with its type all find it.
        assert_eq!(found, texts.len() - 1, "{d:?}");
        assert!(archive_keys(&store, &text_query("không có từ này xyzw")).is_empty());
    }

    #[test]
    fn the_text_filter_needs_the_type_parts_of_its_matches_only() {
        let content = bantin_synth::generate(1200, 11, "2026-11-23").content;
        let store = archive_of(&content);
        let (root, all) = library_of(&content.documents);
        let d = &content.documents[7];
        let ranking = archive::rank(&store.root, &store, &text_query(&d.number));
        let mut hits: Vec<u32> = ranking.hits.iter().map(|h| h.0).collect();
        hits.sort_unstable();
        let types: Vec<u32> = {
            let mut t: Vec<u32> = hits
                .iter()
                .map(|&id| {
                    let place = store.root.place_of(id).unwrap();
                    root.value_of(Facet::Type, place.category).unwrap()
                })
                .collect();
            t.sort_unstable();
            t.dedup();
            t
        };
        assert!(!types.is_empty());
        let mut parts = Parts::default();
        let TextIds::Missing(missing) = text_ids(&store.root, &hits, &root, &parts) else {
            panic!("the type parts are not at hand");
        };
        let mut missing_types: Vec<u32> = missing
            .iter()
            .map(|p| match p {
                PartId::Ids(Facet::Type, j) => *j,
                other => panic!("{other:?}"),
            })
            .collect();
        missing_types.sort_unstable();
        assert_eq!(missing_types, types);
        for j in &types {
            parts
                .ids
                .insert((Facet::Type, *j), all.ids[&(Facet::Type, *j)].clone());
        }
        let TextIds::Ids(ids) = text_ids(&store.root, &hits, &root, &parts) else {
            panic!("mapped with the type parts");
        };
        assert_eq!(ids.len(), hits.len());
        // Its rows are the matches; the number's own document among them.
        let shown = rows(&root, &all, &ids, ids.len());
        assert!(shown.iter().any(|x| x.id == d.id));
        // No match: nothing needed, nothing listed.
        assert_eq!(
            text_ids(&store.root, &[], &root, &parts),
            TextIds::Ids(vec![])
        );
    }

    #[test]
    fn a_type_spelt_two_ways_or_a_group_the_library_counts_otherwise_is_left_to_the_whole_list() {
        let mut content = bantin_synth::generate(300, 11, "2026-11-23").content;
        let (root, parts) = library_of(&content.documents);
        let store = archive_of(&content);
        let hits: Vec<u32> = (0..store.root.records)
            .filter(|&id| store.root.place_of(id).unwrap().kind == archive::Kind::Document)
            .collect();
        assert!(
            matches!(text_ids(&store.root, &hits, &root, &parts), TextIds::Ids(ids) if ids.len() == content.documents.len())
        );
        // A library index of other documents: the counts differ.
        let (other_root, other_parts) = library_of(&content.documents[1..]);
        assert_eq!(
            text_ids(&store.root, &hits, &other_root, &other_parts),
            TextIds::Unmapped
        );
        // An archive that does not say its documents are in the library's
        // order (an older writer's).
        let mut older = store.root.clone();
        older.document_order = None;
        assert_eq!(text_ids(&older, &hits, &root, &parts), TextIds::Unmapped);
        // One type in two spellings: one library value, two archive sections.
        let shouted = content.documents[0].doc_type.to_uppercase();
        content.documents[0].doc_type = shouted;
        let (root, parts) = library_of(&content.documents);
        let store = archive_of(&content);
        let hits: Vec<u32> = (0..store.root.records)
            .filter(|&id| store.root.place_of(id).unwrap().kind == archive::Kind::Document)
            .collect();
        assert_eq!(
            text_ids(&store.root, &hits, &root, &parts),
            TextIds::Unmapped
        );
    }
}
