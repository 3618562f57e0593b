//! `bantin-feed import ics URL|FILE`: an iCalendar file (RFC 5545, read by
//! the icalendar crate) into the calendar's ISO weeks.
//!
//! Each `VEVENT` is an entry: `SUMMARY` the content, `LOCATION`,
//! `DESCRIPTION` the note, `STATUS:CANCELLED` cancelled. Times are written
//! in Vietnam time: UTC times converted, floating times and times in
//! Vietnam's zone (Asia/Ho_Chi_Minh, Asia/Bangkok, "SE Asia Standard
//! Time"…) read as they are; another zone is read as Vietnam time with a
//! warning. A date event is all-day (format 1.1 `timing`), a longer one
//! has its `end_date` and is listed in every week it touches. The session
//! comes from the start's hour. A repeating event gives its first
//! occurrence, with a warning.

use std::collections::BTreeMap;

use bantin_format::datetime::{Date, DateTime};
use bantin_format::model::*;
use chrono::{Datelike, NaiveDate, NaiveDateTime, Timelike};
use icalendar::{CalendarComponent, CalendarDateTime, Component, DatePerhapsTime, EventLike};

use crate::feed::id_from;
use crate::http::Client;
use crate::text::{clean, vietnam_time};
use crate::write::Incoming;
use crate::Report;

/// Zones that are UTC+7 all year (no daylight saving).
const PLUS_SEVEN: &[&str] = &[
    "ho_chi_minh",
    "saigon",
    "bangkok",
    "jakarta",
    "phnom_penh",
    "vientiane",
    "se asia",
    "+07",
    "utc+7",
    "gmt+7",
    "krasnoyarsk",
    "novosibirsk",
    "hovd",
    "christmas",
];

/// A wall-clock reading in Vietnam.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Local {
    date: Date,
    hour: u8,
    minute: u8,
}

fn local_from_naive(n: NaiveDateTime) -> Option<Local> {
    Some(Local {
        date: Date::new(n.year(), n.month() as u8, n.day() as u8)?,
        hour: n.hour() as u8,
        minute: n.minute() as u8,
    })
}

fn date_of(d: NaiveDate) -> Option<Date> {
    Date::new(d.year(), d.month() as u8, d.day() as u8)
}

enum When {
    Day(Date),
    At(Local),
}

fn when(d: DatePerhapsTime, warnings: &mut Vec<String>) -> Option<When> {
    match d {
        DatePerhapsTime::Date(d) => date_of(d).map(When::Day),
        DatePerhapsTime::DateTime(CalendarDateTime::Floating(n)) => {
            local_from_naive(n).map(When::At)
        }
        DatePerhapsTime::DateTime(CalendarDateTime::Utc(u)) => {
            let t = bantin_format::datetime::LocalTime::from_unix(
                u.timestamp(),
                bantin_format::datetime::VIETNAM_OFFSET_SECS,
            );
            Some(When::At(Local {
                date: t.date,
                hour: t.hour,
                minute: t.minute,
            }))
        }
        DatePerhapsTime::DateTime(CalendarDateTime::WithTimezone { date_time, tzid }) => {
            let z = tzid.to_ascii_lowercase();
            if !PLUS_SEVEN.iter().any(|k| z.contains(k)) {
                warnings.push(format!(
                    "time zone {tzid} is not Vietnam's: its times are read as Vietnam time"
                ));
            }
            local_from_naive(date_time).map(When::At)
        }
    }
}

fn session_of(hour: u8) -> Session {
    match hour {
        0..=11 => Session::Sang,
        12..=17 => Session::Chieu,
        _ => Session::Toi,
    }
}

/// The entries of an iCalendar text, with their warnings.
pub fn entries(text: &str, page: &str, report: &mut Report) -> Vec<CalendarEntry> {
    let calendar: icalendar::Calendar = match text.parse() {
        Ok(c) => c,
        Err(e) => {
            report.fail(page, format!("not an iCalendar file: {e}"));
            return Vec::new();
        }
    };
    let mut out = Vec::new();
    for (i, component) in calendar.components.iter().enumerate() {
        let CalendarComponent::Event(event) = component else {
            continue;
        };
        let mut warnings = Vec::new();
        let label = event
            .get_uid()
            .map(str::to_string)
            .unwrap_or_else(|| format!("event {}", i + 1));
        let Some(content) = event
            .get_summary()
            .map(clean)
            .filter(|s| !bantin_format::text::is_blank(s))
        else {
            report.fail(&format!("{page} {label}"), "the event has no SUMMARY");
            continue;
        };
        let Some(start) = event.get_start().and_then(|s| when(s, &mut warnings)) else {
            report.fail(&format!("{page} {label}"), "the event has no DTSTART");
            continue;
        };
        let end = event.get_end().and_then(|e| when(e, &mut warnings));
        if event.property_value("RRULE").is_some() {
            warnings.push("repeats: only its first occurrence is imported".into());
        }
        let mut entry = CalendarEntry {
            id: id_from("lich", &label),
            start: String::new(),
            end: None,
            session: Session::Sang,
            content,
            chair: None,
            participants: None,
            location: event.get_location().map(clean).filter(|s| !s.is_empty()),
            preparing_unit: None,
            note: event.get_description().map(clean).filter(|s| !s.is_empty()),
            emphasis: false,
            status: if event.property_value("STATUS") == Some("CANCELLED") {
                EntryStatus::Cancelled
            } else {
                EntryStatus::Scheduled
            },
            change: None,
            timing: None,
            end_date: None,
        };
        match start {
            When::Day(first) => {
                // DTEND of a date event is the day after the last.
                let last = match end {
                    Some(When::Day(d)) if d > first => d.add_days(-1),
                    _ => first,
                };
                entry.start = vietnam_time(first, 7, 30);
                entry.end = Some(vietnam_time(last, 17, 0));
                entry.timing = Some(EntryTiming::AllDay);
                entry.end_date = (last > first).then(|| last.to_string());
            }
            When::At(s) => {
                entry.start = vietnam_time(s.date, s.hour, s.minute);
                entry.session = session_of(s.hour);
                if let Some(When::At(e)) = end {
                    if (e.date, e.hour, e.minute) >= (s.date, s.hour, s.minute) {
                        entry.end = Some(vietnam_time(e.date, e.hour, e.minute));
                        if e.date > s.date {
                            entry.end_date = Some(e.date.to_string());
                        }
                    }
                }
            }
        }
        for w in warnings {
            report.warn(&format!("{page} {label}"), w);
        }
        out.push(entry);
    }
    out
}

/// The entries laid out in the ISO weeks they touch.
pub fn weeks(entries: Vec<CalendarEntry>) -> Vec<CalendarWeek> {
    let mut by_week: BTreeMap<String, Vec<CalendarEntry>> = BTreeMap::new();
    for e in entries {
        let (Some(first), Some(last)) = (e.first_day(), e.last_day()) else {
            continue;
        };
        let mut week = first.iso_week();
        while week.monday() <= last {
            let list = by_week.entry(week.to_string()).or_default();
            if !list.iter().any(|o| o.id == e.id) {
                list.push(e.clone());
            }
            week = week.next();
        }
    }
    by_week
        .into_iter()
        .map(|(week, mut entries)| {
            entries.sort_by_key(|e| DateTime::parse_rfc3339(&e.start).map_or(0, |t| t.unix));
            CalendarWeek {
                week,
                updated: None,
                note: None,
                entries,
            }
        })
        .collect()
}

/// Imports every calendar of `sources`.
pub fn import(client: &Client, sources: &[String]) -> (Incoming, Report) {
    let mut report = Report::default();
    let mut all = Vec::new();
    for source in sources {
        match client.get(source) {
            Ok(got) => {
                let (text, enc) = got.text();
                if let Some(w) = enc {
                    report.warn(source, w);
                }
                all.extend(entries(&text, source, &mut report));
            }
            Err(e) => report.fail(source, e),
        }
    }
    let weeks = weeks(all);
    report.weeks = weeks.len();
    (
        Incoming {
            weeks,
            ..Incoming::default()
        },
        report,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    const ICS: &str = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Ban Tuyen giao//Lich//VI\r\n\
BEGIN:VEVENT\r\nUID:hop-giao-ban-1@btg\r\nDTSTART;TZID=Asia/Ho_Chi_Minh:20261123T080000\r\n\
DTEND;TZID=Asia/Ho_Chi_Minh:20261123T113000\r\nSUMMARY:Giao ban công tác tuyên giáo tháng 11\r\n\
LOCATION:Phòng họp tầng 2\r\nEND:VEVENT\r\n\
BEGIN:VEVENT\r\nUID:tiep-dan@btg\r\nDTSTART:20261124T063000Z\r\nSUMMARY:Tiếp công dân định kỳ\r\nEND:VEVENT\r\n\
BEGIN:VEVENT\r\nUID:tap-huan@btg\r\nDTSTART;VALUE=DATE:20261128\r\nDTEND;VALUE=DATE:20261201\r\n\
SUMMARY:Tập huấn nghiệp vụ dư luận xã hội\r\nSTATUS:CANCELLED\r\nEND:VEVENT\r\n\
BEGIN:VEVENT\r\nUID:khong-ten@btg\r\nDTSTART:20261125T090000\r\nEND:VEVENT\r\n\
END:VCALENDAR\r\n";

    #[test]
    fn events_become_entries_in_their_iso_weeks() {
        let mut report = Report::default();
        let entries = entries(ICS, "lich.ics", &mut report);
        assert_eq!(entries.len(), 3);
        assert_eq!(report.failed.len(), 1, "the event without a summary");
        assert_eq!(entries[0].start, "2026-11-23T08:00:00+07:00");
        assert_eq!(entries[0].end.as_deref(), Some("2026-11-23T11:30:00+07:00"));
        assert_eq!(entries[0].session, Session::Sang);
        assert_eq!(entries[0].location.as_deref(), Some("Phòng họp tầng 2"));
        // 06:30 UTC is 13:30 in Vietnam: an afternoon entry.
        assert_eq!(entries[1].start, "2026-11-24T13:30:00+07:00");
        assert_eq!(entries[1].session, Session::Chieu);
        // Saturday 28 to Monday 30 November: all day, three days, two weeks.
        assert_eq!(entries[2].timing, Some(EntryTiming::AllDay));
        assert_eq!(entries[2].end_date.as_deref(), Some("2026-11-30"));
        assert_eq!(entries[2].status, EntryStatus::Cancelled);
        let weeks = weeks(entries);
        let names: Vec<&str> = weeks.iter().map(|w| w.week.as_str()).collect();
        assert_eq!(names, ["2026-W48", "2026-W49"]);
        assert_eq!(weeks[0].entries.len(), 3);
        assert_eq!(weeks[1].entries.len(), 1);
        assert_eq!(weeks[1].entries[0].id, weeks[0].entries[2].id);
    }

    #[test]
    fn a_foreign_zone_is_read_as_vietnam_time_with_a_warning() {
        let ics = "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x\r\nDTSTART;TZID=Europe/Paris:20270104T190000\r\n\
SUMMARY:Họp trực tuyến\r\nRRULE:FREQ=WEEKLY\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
        let mut report = Report::default();
        let e = entries(ics, "a.ics", &mut report);
        assert_eq!(e[0].start, "2027-01-04T19:00:00+07:00");
        assert_eq!(e[0].session, Session::Toi);
        assert_eq!(report.warnings.len(), 2, "{:?}", report.warnings);
        assert_eq!(weeks(e)[0].week, "2027-W01");
    }
}
