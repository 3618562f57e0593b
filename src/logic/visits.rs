//! New since your last visit: which stories were published after the
//! reader's previous visit, and the count in the tab's title until they
//! are opened.
//!
//! A visit is a run of pages with no pause longer than [`VISIT_GAP_MS`]
//! (30 minutes, as web analytics count a session). The browser keeps one
//! record (`browser::visits`, in localStorage under [`STORAGE_KEY`]): the
//! previous visit's last moment, this visit's last moment, and the new
//! stories opened in this visit. On arrival ([`arrive`]) a pause longer
//! than the gap starts a new visit: the last moment of the one before
//! becomes "previous". Within a visit "previous" does not move, so the
//! marks stay while the reader goes from page to page (or reloads).

use bantin_format::datetime::DateTime;
use bantin_format::model::ArticleSummary;

/// The localStorage key of the visit record.
pub const STORAGE_KEY: &str = "bantin-visits";

/// A pause longer than this (ms) ends a visit: 30 minutes.
pub const VISIT_GAP_MS: f64 = 30.0 * 60.0 * 1000.0;

/// What the browser remembers of the reader's visits.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Visits {
    /// The last moment of the visit before this one (ms since the epoch);
    /// none on a reader's first visit, which marks nothing.
    pub previous: Option<f64>,
    /// The last moment of this visit so far.
    pub last_seen: f64,
    /// Ids of the new stories opened in this visit: no longer counted in
    /// the tab's title.
    pub opened: Vec<String>,
}

impl Visits {
    /// Reads the stored record: the previous moment ("-" for none), this
    /// visit's last moment, then the ids opened, one a line. Anything
    /// else is no record (a first visit).
    pub fn parse(stored: &str) -> Option<Visits> {
        let mut lines = stored.split('\n');
        let previous = match lines.next()? {
            "-" => None,
            p => Some(moment(p)?),
        };
        let last_seen = moment(lines.next()?)?;
        let opened = lines.filter(|l| !l.is_empty()).map(String::from).collect();
        Some(Visits {
            previous,
            last_seen,
            opened,
        })
    }

    /// The record as stored ([`Visits::parse`] reads it back).
    pub fn to_stored(&self) -> String {
        let mut out = match self.previous {
            Some(p) => stored_moment(p),
            None => "-".to_string(),
        };
        out.push('\n');
        out.push_str(&stored_moment(self.last_seen));
        for id in &self.opened {
            out.push('\n');
            out.push_str(id);
        }
        out
    }

    /// The reader is still here at `now`: this visit's last moment moves on
    /// (never back, if the device's clock was set back).
    pub fn seen_at(&mut self, now: f64) {
        self.last_seen = self.last_seen.max(now);
    }

    /// The reader opened a story: a new one stops counting in the title.
    /// An id that cannot be stored on a line of its own is not kept (the
    /// validator allows no line break in an id, so none is lost).
    pub fn open(&mut self, story: &ArticleSummary, now: f64) {
        self.seen_at(now);
        if is_new(self.previous, &story.published)
            && !story.id.contains('\n')
            && !self.opened.contains(&story.id)
        {
            self.opened.push(story.id.clone());
        }
    }

    /// Whether a story published at `published` (RFC 3339) is new to the
    /// reader.
    pub fn is_new(&self, published: &str) -> bool {
        is_new(self.previous, published)
    }

    /// The new stories among `stories` (the index's latest, which the
    /// home page and lists show) not opened yet in this visit.
    pub fn unseen(&self, stories: &[ArticleSummary]) -> usize {
        stories
            .iter()
            .filter(|s| self.is_new(&s.published) && !self.opened.contains(&s.id))
            .count()
    }
}

/// A moment as whole milliseconds, as [`moment`] reads it. Through an
/// integer, not `{:.0}`: a float's fixed-precision formatting would bring
/// core's exact float printer into the wasm.
fn stored_moment(ms: f64) -> String {
    (ms.max(0.0).round() as u64).to_string()
}

fn moment(s: &str) -> Option<f64> {
    let v: u64 = s.parse().ok()?;
    Some(v as f64)
}

/// The record at the start of a page load at `now`: the stored one
/// continued (a pause of at most [`VISIT_GAP_MS`], or a clock set back), or
/// a new visit whose "previous" is the last moment of the stored one.
pub fn arrive(stored: Option<Visits>, now: f64) -> Visits {
    match stored {
        None => Visits {
            previous: None,
            last_seen: now,
            opened: Vec::new(),
        },
        Some(mut v) if now - v.last_seen <= VISIT_GAP_MS => {
            v.seen_at(now);
            v
        }
        Some(v) => Visits {
            previous: Some(v.last_seen),
            last_seen: now,
            opened: Vec::new(),
        },
    }
}

/// Whether a story published at `published` came after `previous` (ms).
/// No previous visit, or a date that does not parse: not new.
pub fn is_new(previous: Option<f64>, published: &str) -> bool {
    let Some(previous) = previous else {
        return false;
    };
    DateTime::parse_rfc3339(published).is_some_and(|p| (p.unix as f64) * 1000.0 > previous)
}

/// The tab's title with the count of new stories in front: "(3) Tin tức ·
/// Bản tin"; the title alone when there are none.
pub fn title_with_count(count: usize, title: &str) -> String {
    if count == 0 {
        title.to_string()
    } else {
        format!("({count}) {title}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MIN: f64 = 60_000.0;
    /// 2027-01-06T10:00:00+07:00 in ms.
    const T: f64 = 1_799_204_400_000.0;

    fn story(id: &str, published: &str) -> ArticleSummary {
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
            category: "c".into(),
            categories: vec![],
            tags: vec![],
            views: None,
            word_count: None,
        }
    }

    #[test]
    fn the_moment_constant_is_the_date_it_names() {
        assert_eq!(
            DateTime::parse_rfc3339("2027-01-06T10:00:00+07:00").map(|d| d.unix as f64 * 1000.0),
            Some(T)
        );
    }

    #[test]
    fn a_first_visit_marks_nothing() {
        let v = arrive(None, T);
        assert_eq!(v.previous, None);
        assert_eq!(v.last_seen, T);
        assert!(!v.is_new("2027-01-06T09:59:00+07:00"));
        assert!(!v.is_new("2030-01-01T00:00:00Z"));
    }

    #[test]
    fn a_pause_longer_than_the_gap_starts_a_new_visit() {
        let first = arrive(None, T);
        let second = arrive(Some(first), T + 31.0 * MIN);
        assert_eq!(second.previous, Some(T));
        assert_eq!(second.last_seen, T + 31.0 * MIN);
        // Published after the previous visit's last moment: new.
        assert!(second.is_new("2027-01-06T10:00:01+07:00"));
        assert!(second.is_new("2027-01-06T03:05:00Z"));
        // At or before it: the reader could have seen it then.
        assert!(!second.is_new("2027-01-06T10:00:00+07:00"));
        assert!(!second.is_new("2027-01-05T10:00:00+07:00"));
        // A date that does not parse is not new.
        assert!(!second.is_new("06/01/2027"));
    }

    #[test]
    fn within_a_visit_the_previous_moment_stays_so_marks_survive_navigation() {
        let mut v = arrive(Some(arrive(None, T)), T + 60.0 * MIN);
        let previous = v.previous;
        // Page after page, each within the gap of the one before, for hours.
        for i in 1..=10 {
            v = arrive(Some(v), T + 60.0 * MIN + f64::from(i) * 25.0 * MIN);
            assert_eq!(v.previous, previous);
        }
        assert_eq!(v.last_seen, T + 60.0 * MIN + 250.0 * MIN);
        // Exactly the gap is still the same visit.
        let same = arrive(Some(v.clone()), v.last_seen + VISIT_GAP_MS);
        assert_eq!(same.previous, previous);
    }

    #[test]
    fn a_clock_set_back_continues_the_visit_without_moving_back() {
        let v = arrive(Some(arrive(None, T)), T + 40.0 * MIN);
        let back = arrive(Some(v.clone()), T);
        assert_eq!(back.previous, v.previous);
        assert_eq!(back.last_seen, v.last_seen);
    }

    #[test]
    fn the_title_counts_new_stories_until_they_are_opened() {
        let mut v = arrive(Some(arrive(None, T)), T + 2.0 * 24.0 * 60.0 * MIN);
        let stories = vec![
            story("a", "2027-01-07T08:00:00+07:00"),
            story("b", "2027-01-06T12:00:00+07:00"),
            story("c", "2027-01-05T12:00:00+07:00"),
        ];
        assert_eq!(v.unseen(&stories), 2);
        assert_eq!(
            title_with_count(2, "Tin tức · Bản tin"),
            "(2) Tin tức · Bản tin"
        );
        v.open(&stories[0], T + 2.0 * 24.0 * 60.0 * MIN + MIN);
        v.open(&stories[0], T + 2.0 * 24.0 * 60.0 * MIN + MIN);
        // An old story opened changes nothing.
        v.open(&stories[2], T + 2.0 * 24.0 * 60.0 * MIN + MIN);
        assert_eq!(v.opened, vec!["a".to_string()]);
        assert_eq!(v.unseen(&stories), 1);
        // Still marked: the mark says "published since your last visit".
        assert!(v.is_new(&stories[0].published));
        v.open(&stories[1], T + 2.0 * 24.0 * 60.0 * MIN + 2.0 * MIN);
        assert_eq!(v.unseen(&stories), 0);
        assert_eq!(title_with_count(0, "Bản tin"), "Bản tin");
        // The opened stories last for the visit, across a reload...
        let reloaded = arrive(Visits::parse(&v.to_stored()), v.last_seen + 5.0 * MIN);
        assert_eq!(reloaded.unseen(&stories), 0);
        // ...and a new visit starts counting afresh from its own previous.
        let next = arrive(Some(reloaded), T + 4.0 * 24.0 * 60.0 * MIN);
        assert!(next.opened.is_empty());
        assert_eq!(
            next.unseen(&stories),
            0,
            "all published before the last visit"
        );
    }

    #[test]
    fn the_record_is_stored_and_read_back() {
        let v = Visits {
            previous: Some(T),
            last_seen: T + MIN,
            opened: vec!["a-1".into(), "b".into()],
        };
        assert_eq!(v.to_stored(), "1799204400000\n1799204460000\na-1\nb");
        assert_eq!(Visits::parse(&v.to_stored()), Some(v));
        let first = arrive(None, T);
        assert_eq!(first.to_stored(), "-\n1799204400000");
        assert_eq!(Visits::parse(&first.to_stored()), Some(first));
        for bad in ["", "x", "-", "-\n", "1.5\n2", "-\nabc", "-1\n2"] {
            assert_eq!(Visits::parse(bad), None, "{bad:?}");
        }
        // A story id that cannot sit on a line of its own is not kept.
        let mut v = arrive(Some(arrive(None, T)), T + 40.0 * MIN);
        v.open(&story("a\nb", "2030-01-01T00:00:00Z"), T + 41.0 * MIN);
        assert!(v.opened.is_empty());
    }
}
