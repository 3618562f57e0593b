//! Working-calendar logic (pure): which week to show, the days of a week
//! with their entries, what is happening now, and the filter.

use bantin_format::datetime::{Date, DateTime, IsoWeek, LocalTime};
use bantin_format::model::{CalendarEntry, CalendarWeek, EntryStatus};
use bantin_format::text::fold;

/// An entry without an end is taken to last this long (for "now" and "past").
pub const DEFAULT_LENGTH_SECS: i64 = 3600;

/// The week the address asks for (`?tuan=2026-W48`), else the current one.
pub fn week_from_query(query: Option<&str>, today: Date) -> IsoWeek {
    query
        .and_then(IsoWeek::parse)
        .unwrap_or_else(|| today.iso_week())
}

/// "Tuần 48 năm 2026 (từ 23/11 đến 29/11)"
pub fn week_heading(week: IsoWeek) -> String {
    let (mon, sun) = (week.monday(), week.sunday());
    format!(
        "Tuần {} năm {} (từ {:02}/{:02} đến {:02}/{:02})",
        week.week, week.year, mon.day, mon.month, sun.day, sun.month
    )
}

/// One day of a week view.
#[derive(Clone, Debug, PartialEq)]
pub struct Day {
    pub date: Date,
    pub entries: Vec<CalendarEntry>,
}

/// The seven days of `week`, Monday first, each with its entries in order.
pub fn days_of(week: &CalendarWeek) -> Vec<Day> {
    let Some(iso) = IsoWeek::parse(&week.week) else {
        return Vec::new();
    };
    (0..7)
        .map(|i| {
            let date = iso.monday().add_days(i);
            Day {
                date,
                entries: entries_on(std::slice::from_ref(week), date),
            }
        })
        .collect()
}

fn span(entry: &CalendarEntry) -> Option<(i64, i64)> {
    let start = DateTime::parse_rfc3339(&entry.start)?.unix;
    let end = entry
        .end
        .as_deref()
        .and_then(DateTime::parse_rfc3339)
        .map_or(start + DEFAULT_LENGTH_SECS, |t| t.unix.max(start));
    Some((start, end))
}

/// Where an entry stands against the clock.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Timing {
    Past,
    Now,
    /// The next entry still to come today.
    Next,
    Later,
}

/// For each entry of `entries` (one day, in order), where it stands at
/// `now_unix`. At most one entry is `Now` (the one that started last);
/// `Next` is marked only when nothing is on now. Cancelled entries are
/// never now or next.
pub fn timings(entries: &[CalendarEntry], now_unix: i64) -> Vec<Timing> {
    let spans: Vec<Option<(i64, i64)>> = entries.iter().map(span).collect();
    let live = |i: usize| entries[i].status != EntryStatus::Cancelled;
    let now = (0..entries.len())
        .filter(|&i| live(i) && spans[i].is_some_and(|(s, e)| s <= now_unix && now_unix < e))
        .max_by_key(|&i| spans[i].map(|(s, _)| s));
    let next = if now.is_none() {
        (0..entries.len())
            .filter(|&i| live(i) && spans[i].is_some_and(|(s, _)| s > now_unix))
            .min_by_key(|&i| spans[i].map(|(s, _)| s))
    } else {
        None
    };
    (0..entries.len())
        .map(|i| {
            if Some(i) == now {
                Timing::Now
            } else if Some(i) == next {
                Timing::Next
            } else if spans[i].is_some_and(|(_, e)| e <= now_unix) {
                Timing::Past
            } else {
                Timing::Later
            }
        })
        .collect()
}

/// Whether an entry matches every word of the filter, in its chair,
/// participants, location or content, ignoring diacritics and case.
pub fn matches(entry: &CalendarEntry, query: &str) -> bool {
    let words: Vec<String> = fold(query).split_whitespace().map(str::to_string).collect();
    if words.is_empty() {
        return true;
    }
    let haystack = fold(
        &[
            Some(entry.content.as_str()),
            entry.chair.as_deref(),
            entry.participants.as_deref(),
            entry.location.as_deref(),
        ]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" "),
    );
    words.iter().all(|w| haystack.contains(w.as_str()))
}

/// The entries of `weeks` that start on `day` (Vietnam time), by start time.
pub fn entries_on(weeks: &[CalendarWeek], day: Date) -> Vec<CalendarEntry> {
    let mut found: Vec<(i64, CalendarEntry)> = weeks
        .iter()
        .flat_map(|w| &w.entries)
        .filter_map(|e| {
            let start = DateTime::parse_rfc3339(&e.start)?;
            (start.vietnam().date == day).then(|| (start.unix, e.clone()))
        })
        .collect();
    found.sort_by_key(|(start, _)| *start);
    found.into_iter().map(|(_, e)| e).collect()
}

/// An entry's start as "08:00" (or "08:00–10:30" with its end), Vietnam time.
pub fn time_range(entry: &CalendarEntry) -> String {
    let clock =
        |s: &str| DateTime::parse_rfc3339(s).map(|t| bantin_format::display::clock(t.vietnam()));
    match (clock(&entry.start), entry.end.as_deref().and_then(clock)) {
        (Some(start), Some(end)) => format!("{start}–{end}"),
        (Some(start), None) => start,
        _ => String::new(),
    }
}

/// Today in Vietnam, from a clock reading in milliseconds since the epoch.
pub fn today(now_millis: f64) -> Date {
    LocalTime::vietnam_from_millis(now_millis).date
}

#[cfg(test)]
mod tests {
    use super::*;
    use bantin_format::model::{EntryStatus, Session};

    fn entry(id: &str, start: &str, end: Option<&str>) -> CalendarEntry {
        CalendarEntry {
            id: id.into(),
            start: start.into(),
            end: end.map(Into::into),
            session: Session::Sang,
            content: "Giao ban".into(),
            chair: None,
            participants: None,
            location: None,
            preparing_unit: None,
            note: None,
            emphasis: false,
            status: EntryStatus::Scheduled,
            change: None,
        }
    }

    #[test]
    fn entries_of_a_day_in_order_and_in_vietnam_time() {
        let week = CalendarWeek {
            week: "2026-W48".into(),
            updated: None,
            note: None,
            entries: vec![
                entry("b", "2026-11-23T14:00:00+07:00", None),
                entry(
                    "a",
                    "2026-11-23T08:00:00+07:00",
                    Some("2026-11-23T10:30:00+07:00"),
                ),
                // 23:30 UTC on the 23rd is the 24th in Vietnam.
                entry("c", "2026-11-23T23:30:00Z", None),
            ],
        };
        let day = Date::parse("2026-11-23").unwrap();
        let ids: Vec<_> = entries_on(std::slice::from_ref(&week), day)
            .into_iter()
            .map(|e| e.id)
            .collect();
        assert_eq!(ids, ["a", "b"]);
        let next: Vec<_> = entries_on(&[week], day.add_days(1))
            .into_iter()
            .map(|e| e.id)
            .collect();
        assert_eq!(next, ["c"]);
    }

    fn week_of(entries: Vec<CalendarEntry>) -> CalendarWeek {
        CalendarWeek {
            week: "2026-W48".into(),
            updated: None,
            note: None,
            entries,
        }
    }

    fn at(s: &str) -> i64 {
        DateTime::parse_rfc3339(s).unwrap().unix
    }

    #[test]
    fn the_week_comes_from_the_address_or_the_clock() {
        let today = Date::parse("2026-11-25").unwrap();
        assert_eq!(
            week_from_query(Some("2026-W50"), today).to_string(),
            "2026-W50"
        );
        assert_eq!(
            week_from_query(Some("tuan-sau"), today).to_string(),
            "2026-W48"
        );
        assert_eq!(week_from_query(None, today).to_string(), "2026-W48");
    }

    #[test]
    fn week_headings_as_portals_write_them() {
        let w = IsoWeek::parse("2026-W48").unwrap();
        assert_eq!(week_heading(w), "Tuần 48 năm 2026 (từ 23/11 đến 29/11)");
        let w53 = IsoWeek::parse("2026-W53").unwrap();
        assert_eq!(week_heading(w53), "Tuần 53 năm 2026 (từ 28/12 đến 03/01)");
    }

    #[test]
    fn a_week_has_seven_days_with_their_entries() {
        let days = days_of(&week_of(vec![
            entry("b", "2026-11-24T14:00:00+07:00", None),
            entry("a", "2026-11-24T08:00:00+07:00", None),
            entry("c", "2026-11-28T08:00:00+07:00", None),
        ]));
        assert_eq!(days.len(), 7);
        assert_eq!(days[0].date.to_string(), "2026-11-23");
        assert!(days[0].entries.is_empty());
        let tuesday: Vec<_> = days[1].entries.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(tuesday, ["a", "b"]);
        assert_eq!(days[5].entries.len(), 1);
    }

    #[test]
    fn now_next_and_past() {
        let day = vec![
            entry(
                "a",
                "2026-11-23T08:00:00+07:00",
                Some("2026-11-23T09:00:00+07:00"),
            ),
            entry(
                "b",
                "2026-11-23T09:30:00+07:00",
                Some("2026-11-23T11:00:00+07:00"),
            ),
            entry("c", "2026-11-23T14:00:00+07:00", None),
        ];
        use Timing::*;
        assert_eq!(
            timings(&day, at("2026-11-23T07:00:00+07:00")),
            [Next, Later, Later]
        );
        assert_eq!(
            timings(&day, at("2026-11-23T08:30:00+07:00")),
            [Now, Later, Later]
        );
        assert_eq!(
            timings(&day, at("2026-11-23T09:10:00+07:00")),
            [Past, Next, Later]
        );
        assert_eq!(
            timings(&day, at("2026-11-23T14:59:00+07:00")),
            [Past, Past, Now]
        );
        assert_eq!(
            timings(&day, at("2026-11-23T15:00:00+07:00")),
            [Past, Past, Past]
        );
    }

    #[test]
    fn cancelled_entries_are_never_now_or_next() {
        let mut cancelled = entry("a", "2026-11-23T08:00:00+07:00", None);
        cancelled.status = EntryStatus::Cancelled;
        let day = vec![cancelled, entry("b", "2026-11-23T10:00:00+07:00", None)];
        assert_eq!(
            timings(&day, at("2026-11-23T08:30:00+07:00")),
            [Timing::Later, Timing::Next]
        );
    }

    #[test]
    fn the_filter_ignores_diacritics_and_case_and_needs_every_word() {
        let mut e = entry("a", "2026-11-23T08:00:00+07:00", None);
        e.content = "Hội nghị Ban Chấp hành Đảng bộ tỉnh".into();
        e.chair = Some("Đồng chí Trần Thị Minh Nguyệt, Trưởng Ban".into());
        e.location = Some("Hội trường Tỉnh ủy".into());
        assert!(matches(&e, ""));
        assert!(matches(&e, "dang bo"));
        assert!(matches(&e, "NGUYỆT hoi truong"));
        assert!(matches(&e, "tinh uy"));
        assert!(!matches(&e, "dang bo huyen"));
    }

    #[test]
    fn time_ranges() {
        assert_eq!(
            time_range(&entry(
                "a",
                "2026-11-23T08:00:00+07:00",
                Some("2026-11-23T10:30:00+07:00")
            )),
            "08:00–10:30"
        );
        assert_eq!(
            time_range(&entry("a", "2026-11-23T01:00:00Z", None)),
            "08:00"
        );
    }

    #[test]
    fn today_turns_at_midnight_vietnam_time() {
        // 2026-11-22T16:59:59Z is 23:59:59 on the 22nd in Vietnam; a second later it is the 23rd.
        assert_eq!(today(1_795_366_799_000.0).to_string(), "2026-11-22");
        assert_eq!(today(1_795_366_800_000.0).to_string(), "2026-11-23");
    }
}
