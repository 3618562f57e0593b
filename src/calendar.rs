//! Working-calendar logic (pure): which entries fall on a day, in order.

use crate::datetime::{Date, DateTime, LocalTime};
use crate::feed::model::{CalendarEntry, CalendarWeek};

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
    let clock = |s: &str| DateTime::parse_rfc3339(s).map(|t| crate::format::clock(t.vietnam()));
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
    use crate::feed::model::{EntryStatus, Session};

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
