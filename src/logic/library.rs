//! The document library from the library index (format doc §7.9): which
//! parts a filter needs, and the documents it selects, their count and
//! rows from the parts at hand. The same verdict as [`doc_catalog`] over
//! the whole list (tested below on a generated feed), while fetching only
//! the root, the id parts of the chosen values, the dates part when the
//! status is chosen, and the row parts of the rows shown.
//!
//! The text filter (`q`) matches words inside numbers and summaries: the
//! index has no part for it, so a filter with text is matched over the
//! whole list ([`uses_index`]).

use std::collections::HashMap;
use std::sync::Arc;

use bantin_format::datetime::Date;
use bantin_format::library::{self as index, DatesPart, Facet, PartId, Root};
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

/// Whether the index can answer `filter`: any filter but the text.
pub fn uses_index(filter: &Filter) -> bool {
    filter.text.trim().is_empty()
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

fn status_of(s: index::Status) -> Status {
    match s {
        index::Status::InForce => Status::InForce,
        index::Status::Expired => Status::Expired,
        index::Status::NotYetInForce => Status::NotYetInForce,
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
/// first); `Err` with the parts still missing. The text is not looked at
/// (see [`uses_index`]).
pub fn matching(
    root: &Root,
    parts: &Parts,
    filter: &Filter,
    today: Date,
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
        ids.retain(|&id| status_of(dates.status(id, today)) == want);
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
        let built = index::build(&docs, "2026-11-23T08:00:00+07:00");
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
        (docs, root, parts)
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
        let ids = matching(root, parts, f, today).expect("every part is at hand");
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
        let ids = matching(&root, &parts, &Filter::default(), today).unwrap();
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
            matching(&root, &parts, &f, today),
            Err(vec![PartId::Ids(Facet::Type, 1), PartId::Dates])
        );
        parts
            .ids
            .insert((Facet::Type, 1), all.ids[&(Facet::Type, 1)].clone());
        parts.dates = all.dates.clone();
        let ids = matching(&root, &parts, &f, today).unwrap();
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
        assert_eq!(matching(&root, &Parts::default(), &none, today), Ok(vec![]));
        assert!(uses_index(&none));
        assert!(!uses_index(&Filter {
            text: "112".into(),
            ..Filter::default()
        }));
        let first = &all.rows[&0][0];
        assert_eq!(row_by_id(&all, &first.id), Some(first));
        assert_eq!(row_by_id(&parts, "khong-co"), None);
    }
}
