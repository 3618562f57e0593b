//! The kiosk screen's logic: its settings from the URL, which stories rotate,
//! the clock line, and the calendar of today and tomorrow with now/next.
//! Pure, so it is tested natively; `pages/kiosk.rs` only draws it.

use bantin_format::datetime::{Date, LocalTime};
use bantin_format::display;
use bantin_format::model::{ArticleSummary, CalendarEntry, Index};

use crate::logic::schedule::{self, Timing};

/// Timings of an unattended screen, each settable in the kiosk's URL
/// (`/kiosk?xoay=20&cho=90&lammoi=10`): the deployer chooses per screen.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Settings {
    /// Seconds each story stays (`xoay`).
    pub rotate_secs: f64,
    /// Seconds without a touch before the screen returns to the rotation (`cho`).
    pub idle_secs: f64,
    /// Minutes between feed refreshes (`lammoi`).
    pub refresh_mins: f64,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            rotate_secs: 12.0,
            idle_secs: 60.0,
            refresh_mins: 5.0,
        }
    }
}

/// Whether `s` is a decimal number as Rust's `str::parse::<f64>` reads one:
/// a sign, digits with an optional point (at least one digit), and an
/// optional exponent (`1e3`, `2.5E-1`). The words `inf` and `NaN`, which
/// that parser reads too, are left out: they are never a usable setting.
/// The browser then converts the text with JavaScript's `parseFloat`, which
/// reads this syntax alike and also rounds to the nearest double, so the
/// app's wasm carries no float parser (`browser::dom::decimal`).
pub fn is_decimal(s: &str) -> bool {
    let digits = |t: &str| t.bytes().all(|b| b.is_ascii_digit());
    let s = s.strip_prefix(['+', '-']).unwrap_or(s);
    let (mantissa, exponent) = match s.split_once(['e', 'E']) {
        Some((m, e)) => (m, Some(e)),
        None => (s, None),
    };
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    (!int.is_empty() || !frac.is_empty())
        && digits(int)
        && digits(frac)
        && exponent.is_none_or(|e| {
            let e = e.strip_prefix(['+', '-']).unwrap_or(e);
            !e.is_empty() && digits(e)
        })
}

/// Reads a positive number ("20", "0.5", "0,5"), kept within `min..=max`.
/// `read` converts a decimal (`browser::dom::decimal`).
fn number(
    value: Option<&str>,
    read: fn(&str) -> Option<f64>,
    default: f64,
    min: f64,
    max: f64,
) -> f64 {
    value
        .map(|v| v.trim().replace(',', "."))
        .and_then(|v| read(&v))
        .filter(|v| v.is_finite() && *v > 0.0)
        // Not `f64::clamp`: its assertion message prints floats, which
        // brings core's float printer (about 5 KB brotli) into the wasm.
        .map_or(default, |v| v.max(min).min(max))
}

impl Settings {
    /// From the query parameters; a missing or unreadable value keeps the
    /// default. The low limits are for tests and soak runs (a 50 ms
    /// rotation); screens use seconds and minutes. `read` converts a
    /// decimal number ([`is_decimal`]) to its value.
    pub fn from_query(
        get: impl Fn(&str) -> Option<String>,
        read: fn(&str) -> Option<f64>,
    ) -> Settings {
        let d = Settings::default();
        Settings {
            rotate_secs: number(get("xoay").as_deref(), read, d.rotate_secs, 0.05, 3600.0),
            idle_secs: number(get("cho").as_deref(), read, d.idle_secs, 1.0, 3600.0),
            refresh_mins: number(
                get("lammoi").as_deref(),
                read,
                d.refresh_mins,
                0.001,
                1440.0,
            ),
        }
    }

    pub fn rotate_ms(&self) -> u64 {
        (self.rotate_secs * 1000.0).round() as u64
    }

    pub fn idle_ms(&self) -> f64 {
        self.idle_secs * 1000.0
    }

    pub fn refresh_ms(&self) -> u64 {
        (self.refresh_mins * 60_000.0).round() as u64
    }
}

/// How many stories rotate at most.
pub const MAX_STORIES: usize = 8;

/// The stories that rotate: the feed's featured ones in its order, then the
/// newest with a picture, without repeats.
pub fn stories(index: &Index) -> Vec<ArticleSummary> {
    let featured = index
        .featured
        .iter()
        .filter_map(|id| index.latest.iter().find(|a| &a.id == id));
    let with_cover = index.latest.iter().filter(|a| a.cover.is_some());
    let mut out: Vec<ArticleSummary> = Vec::new();
    for a in featured.chain(with_cover) {
        if out.len() == MAX_STORIES {
            break;
        }
        if !out.iter().any(|o| o.id == a.id) {
            out.push(a.clone());
        }
    }
    out
}

/// After the feed changed, where the rotation goes on: the same story if
/// it is still there, otherwise the same place (wrapped).
pub fn keep_position(old_id: Option<&str>, old_pos: usize, new: &[ArticleSummary]) -> usize {
    if new.is_empty() {
        return 0;
    }
    old_id
        .and_then(|id| new.iter().position(|a| a.id == id))
        .unwrap_or(old_pos % new.len())
}

/// The clock: ("Thứ Hai, 23/11/2026", "08:05:09") in Vietnam time.
pub fn clock(millis: f64) -> (String, String) {
    let t = LocalTime::vietnam_from_millis(millis);
    let secs = ((millis / 1000.0).floor() as i64).rem_euclid(60);
    (
        display::date_with_weekday(t.date),
        format!("{}:{secs:02}", display::clock(t)),
    )
}

/// A calendar entry as the kiosk lists it, with where it stands now.
#[derive(Clone, Debug, PartialEq)]
pub struct Slot {
    pub entry: CalendarEntry,
    pub timing: Timing,
}

/// One day of the kiosk's calendar.
#[derive(Clone, Debug, PartialEq)]
pub struct Day {
    pub date: Date,
    pub slots: Vec<Slot>,
}

/// Today's and tomorrow's entries from the weeks the index embeds, with
/// now/next marked on today (tomorrow's are all still to come).
pub fn agenda(index: &Index, now_millis: f64) -> [Day; 2] {
    let today = schedule::today(now_millis);
    let now_unix = (now_millis / 1000.0).floor() as i64;
    let day = |date: Date, mark: bool| {
        let entries = schedule::entries_on(&index.calendar.embedded, date);
        let timings = if mark {
            schedule::timings(&entries, now_unix)
        } else {
            vec![Timing::Later; entries.len()]
        };
        Day {
            date,
            slots: entries
                .into_iter()
                .zip(timings)
                .map(|(entry, timing)| Slot { entry, timing })
                .collect(),
        }
    };
    [day(today, true), day(today.add_days(1), false)]
}

#[cfg(test)]
mod tests {
    use super::*;
    use bantin_format::datetime::DateTime;

    fn sample_index() -> Index {
        let text = std::fs::read_to_string("public/feed/index.json").unwrap();
        bantin_format::validate::parse_index(&text).value.unwrap()
    }

    /// What `browser::dom::decimal` does natively.
    fn read(s: &str) -> Option<f64> {
        is_decimal(s).then(|| s.parse().ok()).flatten()
    }

    fn query<'a>(pairs: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |k| {
            pairs
                .iter()
                .find(|(key, _)| *key == k)
                .map(|(_, v)| v.to_string())
        }
    }

    #[test]
    fn settings_default_to_12_s_60_s_and_5_minutes() {
        let s = Settings::from_query(|_| None, read);
        assert_eq!(s, Settings::default());
        assert_eq!(s.rotate_ms(), 12_000);
        assert_eq!(s.idle_ms(), 60_000.0);
        assert_eq!(s.refresh_ms(), 300_000);
    }

    #[test]
    fn settings_come_from_the_url_and_are_kept_in_bounds() {
        let s = Settings::from_query(
            query(&[("xoay", "20"), ("cho", "90"), ("lammoi", "0,5")]),
            read,
        );
        assert_eq!(s.rotate_ms(), 20_000);
        assert_eq!(s.idle_ms(), 90_000.0);
        assert_eq!(s.refresh_ms(), 30_000);
        let silly = Settings::from_query(
            query(&[("xoay", "-3"), ("cho", "abc"), ("lammoi", "1e9")]),
            read,
        );
        assert_eq!(silly.rotate_secs, 12.0, "negative: default");
        assert_eq!(silly.idle_secs, 60.0, "unreadable: default");
        assert_eq!(silly.refresh_mins, 1440.0, "too large: clamped to a day");
        let tiny = Settings::from_query(query(&[("xoay", "0.001"), ("cho", "NaN")]), read);
        assert_eq!(tiny.rotate_ms(), 50);
        assert_eq!(tiny.idle_secs, 60.0);
    }

    #[test]
    fn stories_are_the_featured_first_then_newest_with_pictures() {
        let index = sample_index();
        let stories = stories(&index);
        assert!(stories.len() <= MAX_STORIES && !stories.is_empty());
        let featured: Vec<&str> = index
            .featured
            .iter()
            .filter(|id| index.latest.iter().any(|a| &a.id == *id))
            .map(String::as_str)
            .take(MAX_STORIES)
            .collect();
        let ids: Vec<&str> = stories.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(&ids[..featured.len()], &featured[..]);
        for a in &stories[featured.len()..] {
            assert!(a.cover.is_some());
        }
        let unique: std::collections::HashSet<_> = ids.iter().collect();
        assert_eq!(unique.len(), ids.len());
    }

    #[test]
    fn the_rotation_keeps_its_story_when_the_feed_changes() {
        let index = sample_index();
        let stories = stories(&index);
        let third = stories[2].id.clone();
        let mut changed = stories.clone();
        changed.remove(0);
        assert_eq!(keep_position(Some(&third), 2, &changed), 1);
        assert_eq!(keep_position(Some("gone"), 7, &changed), 7 % changed.len());
        assert_eq!(keep_position(None, 3, &[]), 0);
    }

    #[test]
    fn the_clock_is_vietnamese_with_seconds() {
        let t = DateTime::parse_rfc3339("2026-11-23T08:05:09+07:00").unwrap();
        let (date, time) = clock(t.unix as f64 * 1000.0 + 999.0);
        assert_eq!(date, "Thứ Hai, 23/11/2026");
        assert_eq!(time, "08:05:09");
        let t = DateTime::parse_rfc3339("2026-11-29T23:59:59+07:00").unwrap();
        assert_eq!(
            clock(t.unix as f64 * 1000.0),
            ("Chủ Nhật, 29/11/2026".into(), "23:59:59".into())
        );
    }

    #[test]
    fn the_agenda_marks_now_today_and_lists_tomorrow() {
        let index = sample_index();
        // Find a day of the sample with entries, and a time inside one.
        let entry = index
            .calendar
            .embedded
            .iter()
            .flat_map(|w| &w.entries)
            .find(|e| e.end.is_some() && e.status == bantin_format::model::EntryStatus::Scheduled)
            .unwrap();
        let start = DateTime::parse_rfc3339(&entry.start).unwrap();
        let millis = (start.unix + 60) as f64 * 1000.0;
        let [today, tomorrow] = agenda(&index, millis);
        assert_eq!(today.date, start.vietnam().date);
        assert_eq!(tomorrow.date, today.date.add_days(1));
        let now: Vec<_> = today
            .slots
            .iter()
            .filter(|s| s.timing == Timing::Now)
            .collect();
        assert_eq!(now.len(), 1);
        assert!(tomorrow.slots.iter().all(|s| s.timing == Timing::Later));
    }

    fn millis(s: &str) -> f64 {
        DateTime::parse_rfc3339(s).unwrap().unix as f64 * 1000.0
    }

    fn marks(day: &Day) -> Vec<(&str, Timing)> {
        day.slots
            .iter()
            .map(|s| (s.entry.id.as_str(), s.timing))
            .collect()
    }

    #[test]
    fn the_agenda_holds_session_only_all_day_and_two_day_entries() {
        // The sample's Tuesday afternoon (session only), Friday (a trip all
        // day) and the two-day training on Thursday and Friday of the next week.
        let index = sample_index();
        let [tuesday, _] = agenda(&index, millis("2026-11-24T13:45:00+07:00"));
        assert!(
            marks(&tuesday).contains(&("w48-14", Timing::Now)),
            "{:?}",
            marks(&tuesday)
        );
        let [thursday, friday] = agenda(&index, millis("2026-11-26T22:30:00+07:00"));
        assert!(thursday.slots.iter().all(|s| s.timing == Timing::Past
            || s.entry.status == bantin_format::model::EntryStatus::Cancelled));
        // Tomorrow's all-day trip comes first.
        assert_eq!(friday.slots[0].entry.id, "w48-15");
        let [friday, _] = agenda(&index, millis("2026-11-27T10:00:00+07:00"));
        assert_eq!(
            marks(&friday)[..2],
            [("w48-15", Timing::Now), ("w48-10", Timing::Now)]
        );
        let [thursday, friday] = agenda(&index, millis("2026-12-03T06:00:00+07:00"));
        assert_eq!(marks(&thursday)[0], ("w49-12", Timing::Now));
        assert_eq!(friday.slots[0].entry.id, "w49-12", "on both of its days");
        let [friday, saturday] = agenda(&index, millis("2026-12-04T18:00:00+07:00"));
        assert_eq!(marks(&friday)[0], ("w49-12", Timing::Now));
        assert!(saturday.slots.iter().all(|s| s.entry.id != "w49-12"));
    }
}
