//! The most read stories ("Xem nhiều"), computed by the feed tool when it
//! writes the index ([`crate::pack`]), so the first screen stays one small
//! file: the stories published within [`WINDOW_DAYS`] days up to the
//! newest story's publication, ranked by their `views`, the [`COUNT`] best
//! of the whole site and of each category. A story whose portal does not
//! count views (`views` absent) or that nobody read (`0`) is not ranked.
//!
//! The window ends at the newest story rather than at the feed's
//! generation time, so a portal that published nothing for a while still
//! has its recent most read (for a portal that publishes daily the two are
//! the same day). Views are the portal's running totals: within the window
//! a story's total is what it gathered since it was published.

use crate::datetime::DateTime;
use crate::model::{ArticleSummary, Category, MostRead};

/// The window: stories published in the 30 days up to the newest one.
pub const WINDOW_DAYS: u32 = 30;
/// How many stories each ranking keeps.
pub const COUNT: usize = 5;

fn published(a: &ArticleSummary) -> Option<i64> {
    DateTime::parse_rfc3339(&a.published).map(|t| t.unix)
}

/// The `count` most read of `stories` published in the `days` days up to
/// `until` (Unix seconds; a story published exactly `days` days before is
/// in): most views first, then the newer, then by id, so the order never
/// depends on the input's.
pub fn rank<'a>(
    stories: impl IntoIterator<Item = &'a ArticleSummary>,
    until: i64,
    days: u32,
    count: usize,
) -> Vec<&'a ArticleSummary> {
    let from = until - i64::from(days) * 86_400;
    let mut ranked: Vec<(&ArticleSummary, u64, i64)> = stories
        .into_iter()
        .filter_map(|a| {
            let t = published(a)?;
            let views = a.views.filter(|v| *v > 0)?;
            (from..=until).contains(&t).then_some((a, views, t))
        })
        .collect();
    ranked.sort_by(|x, y| {
        y.1.cmp(&x.1)
            .then_with(|| y.2.cmp(&x.2))
            .then_with(|| x.0.id.cmp(&y.0.id))
    });
    ranked.dedup_by(|x, y| x.0.id == y.0.id);
    ranked.into_iter().take(count).map(|(a, _, _)| a).collect()
}

/// The index's most read: the whole site's and each category's with any,
/// over the window up to the newest of `stories`. None when no story in
/// the window has a count.
pub fn most_read(stories: &[&ArticleSummary], categories: &[Category]) -> Option<MostRead> {
    let until = stories.iter().filter_map(|a| published(a)).max()?;
    let ids = |list: Vec<&ArticleSummary>| -> Vec<String> {
        list.into_iter().map(|a| a.id.clone()).collect()
    };
    let all = ids(rank(stories.iter().copied(), until, WINDOW_DAYS, COUNT));
    if all.is_empty() {
        return None;
    }
    let categories = categories
        .iter()
        .filter_map(|c| {
            let of = stories
                .iter()
                .copied()
                .filter(|a| a.category == c.id || a.categories.contains(&c.id));
            let list = ids(rank(of, until, WINDOW_DAYS, COUNT));
            (!list.is_empty()).then(|| (c.id.clone(), list))
        })
        .collect();
    Some(MostRead {
        days: WINDOW_DAYS,
        all,
        categories,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn story(id: &str, published: &str, views: Option<u64>, category: &str) -> ArticleSummary {
        ArticleSummary {
            id: id.into(),
            slug: id.into(),
            title: id.into(),
            sapo: String::new(),
            cover: None,
            published: published.into(),
            updated: None,
            date_only: false,
            author: None,
            author_position: None,
            source: None,
            category: category.into(),
            categories: vec![],
            tags: vec![],
            views,
            word_count: None,
        }
    }

    fn category(id: &str) -> Category {
        serde_json::from_value(serde_json::json!({
            "id": id, "slug": id, "name": id, "order": 1
        }))
        .unwrap()
    }

    fn until(s: &str) -> i64 {
        DateTime::parse_rfc3339(s).unwrap().unix
    }

    #[test]
    fn most_views_first_within_the_window_only() {
        let s = [
            story("a", "2026-11-22T21:00:00+07:00", Some(100), "c"),
            story("b", "2026-11-20T08:00:00+07:00", Some(900), "c"),
            story("c", "2026-11-01T08:00:00+07:00", Some(500), "c"),
            // Older than 30 days before the newest: out, however read.
            story("old", "2026-10-22T20:59:59+07:00", Some(99_999), "c"),
            // Exactly 30 days before: in.
            story("edge", "2026-10-23T21:00:00+07:00", Some(50), "c"),
        ];
        let r = rank(&s, until("2026-11-22T21:00:00+07:00"), 30, 10);
        let ids: Vec<&str> = r.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ["b", "c", "a", "edge"]);
        // A story published after the window's end (a clock ahead) is out.
        let r = rank(&s, until("2026-11-21T00:00:00+07:00"), 30, 10);
        assert!(r.iter().all(|a| a.id != "a"));
    }

    #[test]
    fn uncounted_and_unread_stories_are_not_ranked_and_ties_are_stable() {
        let s = [
            story("none", "2026-11-22T10:00:00+07:00", None, "c"),
            story("zero", "2026-11-22T10:00:00+07:00", Some(0), "c"),
            story("x", "2026-11-20T10:00:00+07:00", Some(7), "c"),
            story("y", "2026-11-21T10:00:00+07:00", Some(7), "c"),
            story("w", "2026-11-21T10:00:00+07:00", Some(7), "c"),
            story("bad-date", "22/11/2026", Some(1_000), "c"),
        ];
        let end = until("2026-11-22T10:00:00+07:00");
        let ids: Vec<&str> = rank(&s, end, 30, 10)
            .iter()
            .map(|a| a.id.as_str())
            .collect();
        // Equal views: the newer first, then by id.
        assert_eq!(ids, ["w", "y", "x"]);
        let mut reversed: Vec<&ArticleSummary> = s.iter().collect();
        reversed.reverse();
        let again: Vec<&str> = rank(reversed, end, 30, 10)
            .iter()
            .map(|a| a.id.as_str())
            .collect();
        assert_eq!(again, ids, "the input's order does not matter");
        assert_eq!(rank(&s, end, 30, 2).len(), 2);
    }

    #[test]
    fn the_index_ranks_the_site_and_each_category_over_one_window() {
        let mut extra = story("e", "2026-11-19T10:00:00+07:00", Some(300), "thoi-su");
        extra.categories = vec!["hoc-tap".into()];
        let s = [
            story("a", "2026-11-22T21:00:00+07:00", Some(100), "thoi-su"),
            story("b", "2026-11-20T08:00:00+07:00", Some(900), "hoc-tap"),
            extra,
            // Newest of its category, but the window is the site's.
            story("old", "2026-09-01T08:00:00+07:00", Some(5_000), "ly-luan"),
        ];
        let refs: Vec<&ArticleSummary> = s.iter().collect();
        let cats = [
            category("thoi-su"),
            category("hoc-tap"),
            category("ly-luan"),
        ];
        let m = most_read(&refs, &cats).unwrap();
        assert_eq!(m.days, WINDOW_DAYS);
        assert_eq!(m.all, ["b", "e", "a"]);
        assert_eq!(m.ids(Some("thoi-su")), ["e", "a"]);
        assert_eq!(m.ids(Some("hoc-tap")), ["b", "e"]);
        assert!(m.ids(Some("ly-luan")).is_empty());
        assert!(!m.categories.contains_key("ly-luan"), "no empty lists");
        assert_eq!(m.ids(None), m.all.as_slice());
        // Nothing counted: no block at all.
        let none = [story("n", "2026-11-22T21:00:00+07:00", None, "thoi-su")];
        assert_eq!(most_read(&none.iter().collect::<Vec<_>>(), &cats), None);
        assert_eq!(most_read(&[], &cats), None);
    }
}
