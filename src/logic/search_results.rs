//! What the search page shows of one archive answer, as plain data: the
//! count, the three filters with each value's count and address, the
//! groups of hits with their marked runs, the pages. Pure, so that the
//! page (`ui::pages::search`) only lays these values out, and the choices
//! of what a page of results says are tested natively.

use std::collections::HashMap;

use bantin_format::archive::{Hit, Kind, Outcome};
use bantin_format::display;

use crate::logic::archive_search::{self, Filters};
use crate::strings;

/// A text cut where it is marked: pairs of a plain text and the marked text
/// after it, so that each place keeps its kind of node from one answer to
/// the next (a text, then a `<mark>` or nothing).
pub type Marked = Vec<(String, Option<String>)>;

/// Runs (a text and whether it is marked) as [`Marked`] pairs.
pub fn pairs(runs: Vec<(String, bool)>) -> Marked {
    let mut out: Marked = Vec::new();
    for (part, hit) in runs {
        match (out.last_mut(), hit) {
            (Some((_, marked @ None)), true) => *marked = Some(part),
            (Some((plain, None)), false) => plain.push_str(&part),
            (_, true) => out.push((String::new(), Some(part))),
            (_, false) => out.push((part, None)),
        }
    }
    out
}

/// One value of a filter: "Tất cả" or a kind, category or year, with its
/// count (none for "Tất cả") and the address that chooses it.
#[derive(Clone, Debug, PartialEq)]
pub struct Choice {
    pub label: String,
    /// " (12)", or "" for "Tất cả".
    pub count: String,
    pub href: String,
    /// The value the page is filtered by.
    pub on: bool,
    /// … and the link leads to this very address.
    pub current: bool,
}

/// One result: where it leads, its number and title (inside the link), the
/// text under it with the query's words marked, and its date, kind and
/// category.
#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    pub href: String,
    pub number: Option<Marked>,
    pub title: Marked,
    /// Empty when the record has no text.
    pub text: Marked,
    pub meta: [String; 3],
}

/// A group of results: with no kind chosen, one per kind that has hits,
/// with its heading and a link to all of it when there are more; with a
/// kind chosen, the page's one group, without a heading.
#[derive(Clone, Debug, PartialEq)]
pub struct Group {
    pub heading: Option<&'static str>,
    pub lines: Vec<Line>,
    /// (address, label) of the link to all of this kind's results.
    pub more: Option<(String, String)>,
}

/// The pager of a page of one kind.
#[derive(Clone, Debug, PartialEq)]
pub struct Pager {
    pub previous: Option<String>,
    /// "Trang 2/7".
    pub at: String,
    pub next: Option<String>,
}

/// Everything the page shows of one answer.
#[derive(Clone, Debug, PartialEq)]
pub struct Results {
    /// The text this answer is for (the typing goes on while parts come).
    pub answered: String,
    /// No result at all.
    pub none: bool,
    /// "12 kết quả", or the notice that nothing was found.
    pub count: String,
    /// Words left out of the search (too common to help), if any.
    pub skipped: Option<String>,
    /// Kind, category, year.
    pub filters: [Vec<Choice>; 3],
    pub groups: Vec<Group>,
    /// Later results are still on their way.
    pub coming: bool,
    pub pager: Option<Pager>,
}

/// The results of `outs`, the outcomes of `f.queries(typing)` (one, or one
/// per kind of [`archive_search::KINDS`]). `names`: category ids to their
/// names. `early`: the later groups' records (or, on a page of one kind,
/// the page's later hits) are on their way ([`crate::browser::archive`]).
pub fn results(
    f: &Filters,
    outs: &[Outcome],
    typing: bool,
    names: &HashMap<String, String>,
    early: bool,
) -> Results {
    let query = f.query(typing);
    let one_kind = f.kind.is_some() && outs.len() == 1;
    let merged;
    let out = if one_kind {
        &outs[0]
    } else {
        merged = archive_search::merged(outs);
        &merged
    };
    let category_label = |c: &str| -> String {
        if c.is_empty() {
            strings::SEARCH_NO_CATEGORY.to_string()
        } else {
            names.get(c).cloned().unwrap_or_else(|| c.to_string())
        }
    };
    let here = f.href();
    let choice = |href: String, label: String, n: Option<usize>, on: bool| Choice {
        current: on && href == here,
        href,
        label,
        count: n.map_or_else(String::new, |n| format!(" ({})", display::number(n as u64))),
        on,
    };
    let all = |href: String, on: bool| choice(href, strings::SEARCH_FILTER_ALL.into(), None, on);
    let kinds = std::iter::once(all(f.with_kind(None).href(), f.kind.is_none()))
        .chain(out.facets.kinds.iter().map(|(&k, &n)| {
            choice(
                f.with_kind(Some(k)).href(),
                archive_search::kind_label(k).into(),
                Some(n),
                f.kind == Some(k),
            )
        }))
        .collect();
    let categories = std::iter::once(all(f.with_category(None).href(), f.category.is_none()))
        .chain(out.facets.categories.iter().map(|(c, &n)| {
            choice(
                f.with_category(Some(c.clone())).href(),
                category_label(c),
                Some(n),
                f.category.as_deref() == Some(c.as_str()),
            )
        }))
        .collect();
    let years = std::iter::once(all(f.with_year(None).href(), f.year.is_none()))
        .chain(out.facets.years.iter().rev().map(|(&y, &n)| {
            choice(
                f.with_year(Some(y)).href(),
                y.to_string(),
                Some(n),
                f.year == Some(y),
            )
        }))
        .collect();

    let line = |h: &Hit| {
        let r = &h.record;
        Line {
            href: archive_search::record_href(r),
            number: r
                .number
                .as_deref()
                .map(|n| pairs(archive_search::marked(n, &query))),
            title: pairs(archive_search::marked_runs(&r.title, &h.title_marks)),
            text: pairs(archive_search::marked_runs(&r.text, &h.text_marks)),
            meta: [
                bantin_format::datetime::Date::parse(&r.date)
                    .map(display::date)
                    .unwrap_or_else(|| r.date.clone()),
                archive_search::kind_label(r.kind).to_string(),
                category_label(&r.category),
            ],
        }
    };
    let (groups, coming) = if f.kind.is_some() {
        // An early answer: the page's first hits, the rest on their way.
        let shown = if early {
            archive_search::EARLY_HITS
        } else {
            out.hits.len()
        };
        let group = Group {
            heading: None,
            lines: out.hits.iter().take(shown).map(line).collect(),
            more: None,
        };
        (vec![group], early)
    } else {
        // Groups in order up to the first whose records are still coming
        // (an early answer): what comes later is added below, nothing
        // above it moves.
        let coming = early && outs.iter().any(|o| !o.missing.is_empty());
        let groups = archive_search::KINDS
            .into_iter()
            .zip(outs)
            .filter(|(_, o)| o.total > 0)
            .take_while(|(_, o)| !coming || o.missing.is_empty())
            .map(|(k, o)| Group {
                heading: Some(match k {
                    Kind::Article => strings::SEARCH_ARTICLES,
                    Kind::Document => strings::SEARCH_DOCUMENTS,
                    Kind::Entry => strings::SEARCH_ENTRIES,
                }),
                lines: o.hits.iter().map(line).collect(),
                more: (o.total > o.hits.len()).then(|| {
                    (
                        f.with_kind(Some(k)).href(),
                        format!(
                            "{} {} {}",
                            strings::SEARCH_ALL_OF_KIND,
                            display::number(o.total as u64),
                            strings::SEARCH_RESULTS
                        ),
                    )
                }),
            })
            .collect();
        (groups, coming)
    };
    let none = out.total == 0;
    Results {
        answered: f.text.clone(),
        none,
        count: if none {
            strings::SEARCH_NONE.to_string()
        } else {
            format!(
                "{} {}",
                display::number(out.total as u64),
                strings::SEARCH_RESULTS
            )
        },
        skipped: (!out.skipped.is_empty())
            .then(|| format!("{} {}", strings::SEARCH_SKIPPED, out.skipped.join(", "))),
        filters: [kinds, categories, years],
        groups: if none { Vec::new() } else { groups },
        coming,
        pager: (f.kind.is_some() && out.pages > 1).then(|| Pager {
            previous: (f.page > 0).then(|| f.with_page(f.page - 1).href()),
            at: format!("{} {}/{}", strings::SEARCH_PAGE, f.page + 1, out.pages),
            next: (f.page + 1 < out.pages).then(|| f.with_page(f.page + 1).href()),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::logic::archive_search::sample::{complete, store};
    use crate::logic::archive_search::{EARLY_HITS, PER_GROUP, PER_PAGE};
    use bantin_format::archive::Store;

    /// The filters of a text typed on the search page, nothing chosen.
    fn typed(text: &str) -> Filters {
        Filters {
            text: text.into(),
            ..Filters::default()
        }
    }

    fn outcomes(store: &mut Store, f: &Filters) -> Vec<Outcome> {
        f.queries(false)
            .iter()
            .map(|q| complete(store, q))
            .collect()
    }

    fn text(m: &Marked) -> String {
        m.iter()
            .map(|(p, k)| format!("{p}{}", k.as_deref().unwrap_or("")))
            .collect()
    }

    #[test]
    fn runs_become_pairs_of_a_plain_text_and_a_marked_one() {
        let runs = |r: &[(&str, bool)]| r.iter().map(|(t, m)| (t.to_string(), *m)).collect();
        assert_eq!(
            pairs(runs(&[
                ("Hội", true),
                (" ", false),
                ("nghị", true),
                (" tỉnh", false)
            ])),
            vec![
                (String::new(), Some("Hội".into())),
                (" ".into(), Some("nghị".into())),
                (" tỉnh".into(), None),
            ]
        );
        // Two plain runs in a row are one; a mark after a mark starts a pair.
        assert_eq!(
            pairs(runs(&[
                ("a", false),
                ("b", false),
                ("c", true),
                ("d", true)
            ])),
            vec![
                ("ab".into(), Some("c".into())),
                (String::new(), Some("d".into()))
            ]
        );
        assert_eq!(pairs(Vec::new()), Vec::new());
    }

    #[test]
    fn a_page_of_every_kind_has_a_group_per_kind_with_a_link_to_all_of_it() {
        let mut s = store();
        let f = typed("tuyen giao");
        let outs = outcomes(&mut s, &f);
        let names = HashMap::from([("chi-dao".to_string(), "Chỉ đạo".to_string())]);
        let r = results(&f, &outs, false, &names, false);
        let total: usize = outs.iter().map(|o| o.total).sum();
        assert_eq!(r.answered, "tuyen giao");
        assert!(!r.none && !r.coming && r.pager.is_none());
        assert_eq!(
            r.count,
            format!("{} kết quả", display::number(total as u64))
        );
        let headings: Vec<_> = r.groups.iter().map(|g| g.heading).collect();
        assert_eq!(
            headings[..2],
            [
                Some(strings::SEARCH_ARTICLES),
                Some(strings::SEARCH_DOCUMENTS)
            ]
        );
        for (g, o) in r.groups.iter().zip(outs.iter().filter(|o| o.total > 0)) {
            assert!(g.heading.is_some());
            assert_eq!(g.lines.len(), o.hits.len().min(PER_GROUP));
            let titles: Vec<_> = g.lines.iter().map(|l| text(&l.title)).collect();
            let expected: Vec<_> = o.hits.iter().map(|h| h.record.title.clone()).collect();
            assert_eq!(titles, expected);
            match &g.more {
                Some((href, label)) => {
                    assert!(o.total > o.hits.len());
                    assert!(href.contains("loai="), "{href}");
                    assert_eq!(
                        *label,
                        format!("Xem tất cả {} kết quả", display::number(o.total as u64))
                    );
                }
                None => assert_eq!(o.total, o.hits.len()),
            }
        }
        // The words are marked in the titles of the first group.
        assert!(r.groups[0]
            .lines
            .iter()
            .any(|l| l.title.iter().any(|p| p.1.is_some())));
        // Every line leads somewhere and says its date, kind and category.
        for l in r.groups.iter().flat_map(|g| &g.lines) {
            assert!(l.href.starts_with('/'));
            assert!(l.meta.iter().all(|m| !m.is_empty()), "{:?}", l.meta);
        }
    }

    #[test]
    fn the_filters_say_their_counts_and_addresses_and_which_is_on() {
        let mut s = store();
        let f = typed("tuyen giao");
        let outs = outcomes(&mut s, &f);
        let r = results(&f, &outs, false, &HashMap::new(), false);
        let [kinds, categories, years] = &r.filters;
        for list in &r.filters {
            // "Tất cả" first, on and current: no filter is set.
            assert_eq!(list[0].label, "Tất cả");
            assert!(list[0].on && list[0].current);
            assert_eq!(list[0].href, f.href());
            assert!(list[1..]
                .iter()
                .all(|c| !c.on && !c.current && c.count.starts_with(" (")));
            // Each value leads to an address of its own.
            let mut hrefs: Vec<_> = list.iter().map(|c| &c.href).collect();
            hrefs.sort();
            hrefs.dedup();
            assert_eq!(hrefs.len(), list.len());
        }
        assert_eq!(kinds[1].label, "Tin bài");
        assert!(
            kinds[1].href.ends_with("&loai=tin-tuc"),
            "{}",
            kinds[1].href
        );
        assert!(categories.len() > 2);
        let ys: Vec<i32> = years[1..]
            .iter()
            .map(|c| c.label.parse().unwrap())
            .collect();
        assert!(ys.windows(2).all(|w| w[0] > w[1]), "newest first: {ys:?}");

        // A year chosen: its value is on and current, "Tất cả" leads back.
        let y = ys[0];
        let g = f.with_year(Some(y));
        let outs = outcomes(&mut s, &g);
        let r = results(&g, &outs, false, &HashMap::new(), false);
        let years = &r.filters[2];
        let on: Vec<_> = years.iter().filter(|c| c.on).collect();
        assert_eq!(on.len(), 1);
        assert_eq!(on[0].label, y.to_string());
        assert!(on[0].current);
        assert!(!years[0].on && years[0].href == f.href());
    }

    #[test]
    fn a_page_of_one_kind_has_one_group_and_a_pager() {
        let mut s = store();
        let f = Filters {
            text: "tuyen giao".into(),
            kind: Some(Kind::Article),
            page: 1,
            ..Filters::default()
        };
        let outs = outcomes(&mut s, &f);
        assert!(outs[0].pages > 2, "{} pages", outs[0].pages);
        let r = results(&f, &outs, false, &HashMap::new(), false);
        assert_eq!(r.groups.len(), 1);
        assert_eq!(r.groups[0].heading, None);
        assert_eq!(r.groups[0].lines.len(), PER_PAGE);
        let pager = r.pager.as_ref().unwrap();
        assert_eq!(pager.at, format!("Trang 2/{}", outs[0].pages));
        assert_eq!(
            pager.previous.as_deref(),
            Some(f.with_page(0).href().as_str())
        );
        assert_eq!(pager.next.as_deref(), Some(f.with_page(2).href().as_str()));
        let article = &r.filters[0].iter().find(|c| c.label == "Tin bài").unwrap();
        // On, but the link is to the kind's first page, not this one.
        assert!(article.on && !article.current);

        // Early: the page's first hits, and more to come.
        let r = results(&f, &outs, false, &HashMap::new(), true);
        assert_eq!(r.groups[0].lines.len(), EARLY_HITS);
        assert!(r.coming);
    }

    #[test]
    fn an_early_page_of_every_kind_stops_before_the_first_group_still_coming() {
        let mut s = store();
        let f = typed("tuyen giao");
        let mut outs = outcomes(&mut s, &f);
        outs[1].missing = vec!["search/x/r0.json".into()];
        let r = results(&f, &outs, false, &HashMap::new(), true);
        assert!(r.coming);
        assert_eq!(r.groups.len(), 1);
        assert_eq!(r.groups[0].heading, Some(strings::SEARCH_ARTICLES));
        // Not early: every group with hits.
        let r = results(&f, &outs, false, &HashMap::new(), false);
        assert!(!r.coming && r.groups.len() >= 2);
    }

    #[test]
    fn a_document_shows_its_number_marked_and_nothing_found_says_so() {
        let mut s = store();
        let f = Filters {
            text: "112 hd".into(),
            kind: Some(Kind::Document),
            ..Filters::default()
        };
        let outs = outcomes(&mut s, &f);
        let r = results(&f, &outs, false, &HashMap::new(), false);
        let first = &r.groups[0].lines[0];
        let number = first.number.as_ref().unwrap();
        assert!(text(number).starts_with("112-HD"), "{}", text(number));
        assert!(number.iter().filter(|p| p.1.is_some()).count() >= 2);
        assert!(first.href.starts_with("/van-ban/"));

        let f = typed("xyzkhongco");
        let outs = outcomes(&mut s, &f);
        let r = results(&f, &outs, false, &HashMap::new(), false);
        assert!(r.none && r.groups.is_empty());
        assert_eq!(r.count, strings::SEARCH_NONE);
    }
}
