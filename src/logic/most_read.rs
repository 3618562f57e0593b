//! The most read stories ("Xem nhiều") the index lists (`most_read`,
//! ranked by the feed tool: `bantin_format::most_read`), as the summaries
//! the cards show.

use bantin_format::model::{ArticleSummary, Index};

/// The most read of the site (`category` none) or of one category (its
/// id), in the index's order; an id without a summary in `latest` is left
/// out. Empty when the index has no such list.
pub fn stories(index: &Index, category: Option<&str>) -> Vec<ArticleSummary> {
    let Some(most_read) = &index.most_read else {
        return Vec::new();
    };
    most_read
        .ids(category)
        .iter()
        .filter_map(|id| index.latest.iter().find(|a| &a.id == id).cloned())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use bantin_format::model::MostRead;
    use bantin_format::validate;

    fn sample() -> Index {
        let text = include_str!("../../public/feed/index.json");
        validate::parse_index(text)
            .value
            .expect("the sample index is valid")
    }

    #[test]
    fn the_sample_names_its_most_read_by_views_from_latest() {
        let index = sample();
        let all = stories(&index, None);
        assert!(all.len() >= 3, "the sample has a most read list");
        // Most read first, every one counted.
        let views: Vec<u64> = all.iter().map(|a| a.views.unwrap_or(0)).collect();
        assert!(views.windows(2).all(|w| w[0] >= w[1]), "{views:?}");
        assert!(views.iter().all(|v| *v > 0));
        // A category's list holds stories of that category only.
        for c in &index.categories {
            for a in stories(&index, Some(&c.id)) {
                assert!(a.category == c.id || a.categories.contains(&c.id));
            }
        }
    }

    #[test]
    fn ids_without_a_summary_are_left_out_and_no_list_is_empty() {
        let mut index = sample();
        let first = index.latest[0].id.clone();
        index.most_read = Some(MostRead {
            days: 30,
            all: vec!["khong-co".into(), first.clone()],
            categories: Default::default(),
        });
        let ids: Vec<String> = stories(&index, None).into_iter().map(|a| a.id).collect();
        assert_eq!(ids, [first]);
        assert!(stories(&index, Some("khong-co")).is_empty());
        index.most_read = None;
        assert!(stories(&index, None).is_empty());
    }
}
