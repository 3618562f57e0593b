//! iCalendar (RFC 5545) files for the working calendar: one entry ("Thêm
//! vào lịch") or a whole week ("Tải lịch cả tuần"). Pure: the caller passes
//! the clock reading, and the app only offers the text for download.
//!
//! Choices worth knowing:
//! - Times are written as Vietnam wall-clock time with `TZID=Asia/Ho_Chi_Minh`
//!   (whatever offset the feed wrote them with), and every file carries the
//!   matching `VTIMEZONE` (UTC+7 all year, no daylight saving).
//! - An entry without an end (or with one that cannot be read, or that is
//!   not after its start) gets `DURATION:PT1H` instead of `DTEND`: RFC 5545
//!   forbids both together, and a one-hour block is what calendars show
//!   for a meeting anyway.
//! - An entry whose start cannot be read has no event: `week_calendar`
//!   skips it, and `entry_calendar` returns a calendar without a `VEVENT`.
//!   Such a file is still valid, since the `VTIMEZONE` is always there
//!   (RFC 5545 wants at least one component).
//! - Format 1.1 entries: an all-day entry (one day or several) is written
//!   with dates, `DTSTART;VALUE=DATE` and the day after its last as the
//!   exclusive `DTEND;VALUE=DATE` (RFC 5545 3.6.1); a session-only entry
//!   takes its session's conventional hours (`Session::hours`: Sáng
//!   07:30–11:30, Chiều 13:30–17:00, Tối 19:00–21:30) as its times; a
//!   multi-day entry with real hours runs from its start to its `end`, or
//!   to midnight after its `end_date`.
//! - Cancelled entries stay in the file, with `STATUS:CANCELLED`, so that a
//!   calendar which imported the entry earlier marks it cancelled.

use bantin_format::datetime::{Date, DateTime, IsoWeek, LocalTime, VIETNAM_OFFSET_SECS};
use bantin_format::model::{CalendarEntry, CalendarWeek, EntryStatus, EntryTiming};
use bantin_format::text::slugify;

use crate::logic::schedule;
use crate::strings;

/// Context for the events: who publishes them, and when the file is made.
pub struct IcsContext<'a> {
    pub site_name: &'a str,
    pub uid_domain: &'a str,
    pub now_unix: i64,
}

/// The time zone every event is written in.
const TZID: &str = "Asia/Ho_Chi_Minh";
/// RFC 5545 3.1: lines longer than this many octets are folded.
const MAX_LINE_OCTETS: usize = 75;
/// The reason given for a cancellation (`change` of a cancelled entry).
const CANCEL_REASON: &str = "Lý do hoãn";

/// One VEVENT-only VCALENDAR for a single entry (the "Thêm vào lịch" button).
pub fn entry_calendar(entry: &CalendarEntry, ctx: &IcsContext) -> String {
    calendar(std::slice::from_ref(entry), ctx)
}

/// One VCALENDAR with every entry of the week (cancelled ones included, with STATUS:CANCELLED).
pub fn week_calendar(week: &CalendarWeek, ctx: &IcsContext) -> String {
    calendar(&week.entries, ctx)
}

/// A file name for downloads: "lich-cong-tac-2026-W48.ics".
pub fn week_file_name(week: &str) -> String {
    let week = IsoWeek::parse(week).map_or_else(|| slugify(week), |w| w.to_string());
    file_name("lich-cong-tac", &week)
}

/// A file name for downloads: "lich-<entry id>.ics".
pub fn entry_file_name(entry_id: &str) -> String {
    file_name("lich", &slugify(entry_id))
}

/// "{stem}-{suffix}.ics", or "{stem}.ics" when nothing safe is left of the suffix.
fn file_name(stem: &str, suffix: &str) -> String {
    if suffix.is_empty() {
        format!("{stem}.ics")
    } else {
        format!("{stem}-{suffix}.ics")
    }
}

fn calendar(entries: &[CalendarEntry], ctx: &IcsContext) -> String {
    let mut out = Writer::default();
    out.line("BEGIN:VCALENDAR");
    out.line("VERSION:2.0");
    out.line("PRODID:-//bantin//Lich cong tac//VI");
    out.line("CALSCALE:GREGORIAN");
    out.line("METHOD:PUBLISH");
    out.text("X-WR-CALNAME", ctx.site_name);
    out.line(&format!("X-WR-TIMEZONE:{TZID}"));
    out.line("BEGIN:VTIMEZONE");
    out.line(&format!("TZID:{TZID}"));
    out.line("BEGIN:STANDARD");
    out.line("TZOFFSETFROM:+0700");
    out.line("TZOFFSETTO:+0700");
    out.line("TZNAME:ICT");
    out.line("DTSTART:19700101T000000");
    out.line("END:STANDARD");
    out.line("END:VTIMEZONE");
    for entry in entries {
        event(&mut out, entry, ctx);
    }
    out.line("END:VCALENDAR");
    out.0
}

/// Writes the entry's VEVENT, or nothing when its start cannot be read.
fn event(out: &mut Writer, entry: &CalendarEntry, ctx: &IcsContext) {
    let Some(start) = DateTime::parse_rfc3339(&entry.start) else {
        return;
    };
    let end = entry
        .end
        .as_deref()
        .and_then(DateTime::parse_rfc3339)
        .filter(|end| end.unix > start.unix);
    let cancelled = entry.status == EntryStatus::Cancelled;

    out.line("BEGIN:VEVENT");
    out.text("UID", &format!("{}@{}", entry.id, ctx.uid_domain));
    out.line(&format!("DTSTAMP:{}Z", stamp(ctx.now_unix, 0)));
    let sequence = if entry.status == EntryStatus::Scheduled {
        0
    } else {
        1
    };
    out.line(&format!("SEQUENCE:{sequence}"));
    match (entry.timing, entry.first_day(), entry.last_day()) {
        (Some(EntryTiming::AllDay), Some(first), Some(last)) => {
            out.line(&format!("DTSTART;VALUE=DATE:{}", date_stamp(first)));
            out.line(&format!(
                "DTEND;VALUE=DATE:{}",
                date_stamp(last.add_days(1))
            ));
        }
        _ if entry.timing.is_some() || entry.is_multi_day() => {
            let (from, to) = schedule::span(entry).unwrap_or((start.unix, start.unix));
            out.line(&format!(
                "DTSTART;TZID={TZID}:{}",
                stamp(from, VIETNAM_OFFSET_SECS)
            ));
            out.line(&format!(
                "DTEND;TZID={TZID}:{}",
                stamp(to, VIETNAM_OFFSET_SECS)
            ));
        }
        _ => {
            out.line(&format!("DTSTART;TZID={TZID}:{}", vietnam_stamp(start)));
            match end {
                Some(end) => out.line(&format!("DTEND;TZID={TZID}:{}", vietnam_stamp(end))),
                None => out.line("DURATION:PT1H"),
            }
        }
    }
    let summary = if cancelled {
        format!("[{}] {}", strings::CANCELLED_CAPS, entry.content)
    } else {
        entry.content.clone()
    };
    out.text("SUMMARY", &summary);
    if let Some(location) = present(&entry.location) {
        out.text("LOCATION", location);
    }
    let description = description(entry);
    if !description.is_empty() {
        out.text("DESCRIPTION", &description);
    }
    out.line(if cancelled {
        "STATUS:CANCELLED"
    } else {
        "STATUS:CONFIRMED"
    });
    if entry.emphasis {
        out.line("PRIORITY:1");
    }
    out.line("END:VEVENT");
}

/// "Chủ trì: …", "Thành phần: …" and the rest, one a line, only those given.
fn description(entry: &CalendarEntry) -> String {
    let change_label = match entry.status {
        EntryStatus::Scheduled => None,
        EntryStatus::Changed => Some(strings::CHANGED),
        EntryStatus::Cancelled => Some(CANCEL_REASON),
    };
    [
        (Some(strings::COL_CHAIR), &entry.chair),
        (Some(strings::COL_PARTICIPANTS), &entry.participants),
        (Some(strings::COL_PREPARING), &entry.preparing_unit),
        (Some(strings::COL_NOTE), &entry.note),
        (change_label, &entry.change),
    ]
    .into_iter()
    .filter_map(|(label, value)| Some(format!("{}: {}", label?, present(value)?)))
    .collect::<Vec<_>>()
    .join("\n")
}

/// The field's text, unless it is missing or blank.
fn present(value: &Option<String>) -> Option<&str> {
    value.as_deref().map(str::trim).filter(|v| !v.is_empty())
}

/// A date as an iCalendar DATE, "20261123".
fn date_stamp(d: Date) -> String {
    format!("{:04}{:02}{:02}", d.year, d.month, d.day)
}

/// The instant as Vietnam wall-clock time, "20261123T080000".
fn vietnam_stamp(t: DateTime) -> String {
    stamp(t.unix, bantin_format::datetime::VIETNAM_OFFSET_SECS)
}

/// The instant as wall-clock time at `offset_secs` east of UTC, "20261123T080000".
fn stamp(unix: i64, offset_secs: i64) -> String {
    let t = LocalTime::from_unix(unix, offset_secs);
    format!(
        "{:04}{:02}{:02}T{:02}{:02}{:02}",
        t.date.year,
        t.date.month,
        t.date.day,
        t.hour,
        t.minute,
        // Offsets are whole minutes, so the seconds are the same everywhere.
        unix.rem_euclid(60)
    )
}

/// RFC 5545 3.3.11: backslash, semicolon, comma and newline are escaped.
/// Line breaks of any kind become `\n`; other control characters (which
/// TEXT may not hold) are dropped, except the tab.
fn escape_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {
                chars.next_if_eq(&'\n');
                out.push_str("\\n");
            }
            '\t' => out.push('\t'),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// The file being written: content lines, folded, each ending in CRLF.
#[derive(Default)]
struct Writer(String);

impl Writer {
    /// A TEXT property: `NAME:escaped value`.
    fn text(&mut self, name: &str, value: &str) {
        self.line(&format!("{name}:{}", escape_text(value)));
    }

    /// One content line, folded (RFC 5545 3.1) so that no physical line
    /// exceeds 75 octets, never inside a UTF-8 character; continuation
    /// lines start with one space.
    fn line(&mut self, line: &str) {
        let mut rest = line;
        let mut room = MAX_LINE_OCTETS;
        while rest.len() > room {
            let mut cut = room;
            while !rest.is_char_boundary(cut) {
                cut -= 1;
            }
            self.0.push_str(&rest[..cut]);
            self.0.push_str("\r\n ");
            rest = &rest[cut..];
            room = MAX_LINE_OCTETS - 1;
        }
        self.0.push_str(rest);
        self.0.push_str("\r\n");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use icalendar::{
        Calendar, CalendarDateTime, Component, DatePerhapsTime, Event, EventLike, EventStatus,
    };

    const CTX: IcsContext<'static> = IcsContext {
        site_name: "Ban Tuyên giáo Tỉnh ủy Đắk Lắk",
        uid_domain: "bantin.example.vn",
        // 2026-11-20T03:04:05Z
        now_unix: 1_795_143_845,
    };

    #[test]
    fn the_postponed_mark_is_the_word_in_capitals() {
        assert_eq!(strings::CANCELLED_CAPS, strings::CANCELLED.to_uppercase());
    }

    /// An entry as the feed writes it (the fields not given take their defaults).
    fn entry(id: &str, start: &str, end: Option<&str>) -> CalendarEntry {
        serde_json::from_value(serde_json::json!({
            "id": id,
            "start": start,
            "end": end,
            "session": "sang",
            "content": "Hội nghị giao ban công tác tuyên giáo quý IV",
            "chair": "Đồng chí Trưởng ban",
            "participants": "Lãnh đạo các phòng, đơn vị trực thuộc",
            "location": "Phòng họp số 1, trụ sở Ban",
        }))
        .unwrap()
    }

    fn week(entries: Vec<CalendarEntry>) -> CalendarWeek {
        CalendarWeek {
            week: "2026-W48".into(),
            updated: None,
            note: None,
            entries,
        }
    }

    /// Parses with the `icalendar` crate, failing the test on a parse error.
    fn parse(ics: &str) -> Calendar {
        ics.parse().unwrap_or_else(|e| panic!("{e}\n{ics}"))
    }

    fn only_event(cal: &Calendar) -> &Event {
        let events: Vec<&Event> = cal.events().collect();
        assert_eq!(events.len(), 1, "one VEVENT");
        events[0]
    }

    /// The one event of the entry's calendar, as the parser reads it.
    fn parsed_event(e: &CalendarEntry) -> Event {
        only_event(&parse(&entry_calendar(e, &CTX))).clone()
    }

    /// The date-time and TZID of a `DATE-TIME;TZID=…` value.
    fn zoned(value: Option<DatePerhapsTime>) -> (String, String) {
        match value {
            Some(DatePerhapsTime::DateTime(CalendarDateTime::WithTimezone { date_time, tzid })) => {
                (date_time.to_string(), tzid)
            }
            other => panic!("expected a date-time with a TZID, got {other:?}"),
        }
    }

    #[test]
    fn entry_calendar_parses_with_every_field() {
        let mut e = entry(
            "giao-ban-q4",
            "2026-11-23T08:00:00+07:00",
            Some("2026-11-23T10:30:00+07:00"),
        );
        e.preparing_unit = Some("Văn phòng Ban".into());
        e.note = Some("Mang theo báo cáo".into());
        e.emphasis = true;
        let ics = entry_calendar(&e, &CTX);
        let cal = parse(&ics);

        assert_eq!(cal.get_name(), Some(CTX.site_name));
        assert_eq!(cal.get_timezone(), Some("Asia/Ho_Chi_Minh"));
        assert_eq!(
            cal.property_value("PRODID"),
            Some("-//bantin//Lich cong tac//VI")
        );
        assert_eq!(cal.property_value("METHOD"), Some("PUBLISH"));

        let ev = only_event(&cal);
        assert_eq!(ev.get_uid(), Some("giao-ban-q4@bantin.example.vn"));
        assert_eq!(
            ev.get_summary(),
            Some("Hội nghị giao ban công tác tuyên giáo quý IV")
        );
        assert_eq!(ev.get_location(), Some("Phòng họp số 1, trụ sở Ban"));
        assert_eq!(
            ev.get_description(),
            Some(
                "Chủ trì: Đồng chí Trưởng ban\n\
                 Thành phần: Lãnh đạo các phòng, đơn vị trực thuộc\n\
                 Chuẩn bị: Văn phòng Ban\n\
                 Ghi chú: Mang theo báo cáo"
            )
        );
        assert_eq!(
            zoned(ev.get_start()),
            ("2026-11-23 08:00:00".into(), "Asia/Ho_Chi_Minh".into())
        );
        assert_eq!(
            zoned(ev.get_end()),
            ("2026-11-23 10:30:00".into(), "Asia/Ho_Chi_Minh".into())
        );
        assert_eq!(ev.property_value("DURATION"), None);
        assert_eq!(ev.get_status(), Some(EventStatus::Confirmed));
        assert_eq!(ev.get_sequence(), Some(0));
        assert_eq!(ev.get_priority(), Some(1));
        assert_eq!(
            ev.get_timestamp().map(|t| t.timestamp()),
            Some(CTX.now_unix)
        );
        assert!(ics.contains("\r\nDTSTAMP:20261120T030405Z\r\n"), "{ics}");

        // The time zone definition the TZID refers to.
        let tz = cal
            .components
            .iter()
            .find_map(|c| match c {
                icalendar::CalendarComponent::Other(o) if o.component_kind() == "VTIMEZONE" => {
                    Some(o)
                }
                _ => None,
            })
            .expect("a VTIMEZONE");
        assert_eq!(tz.property_value("TZID"), Some("Asia/Ho_Chi_Minh"));
        for line in [
            "BEGIN:STANDARD",
            "TZOFFSETFROM:+0700",
            "TZOFFSETTO:+0700",
            "TZNAME:ICT",
            "DTSTART:19700101T000000",
        ] {
            assert!(ics.contains(&format!("\r\n{line}\r\n")), "{line}");
        }
    }

    #[test]
    fn times_are_written_in_vietnam_time_whatever_their_offset() {
        let utc = entry_calendar(&entry("a", "2026-11-23T01:00:00Z", None), &CTX);
        assert!(
            utc.contains("\r\nDTSTART;TZID=Asia/Ho_Chi_Minh:20261123T080000\r\n"),
            "{utc}"
        );
        // 23:30 UTC is the next morning in Vietnam; -05:00 crosses the date too.
        let late = entry_calendar(
            &entry(
                "b",
                "2026-11-22T23:30:00Z",
                Some("2026-11-22T20:45:00-05:00"),
            ),
            &CTX,
        );
        let ev_cal = parse(&late);
        let ev = only_event(&ev_cal);
        assert_eq!(zoned(ev.get_start()).0, "2026-11-23 06:30:00");
        assert_eq!(zoned(ev.get_end()).0, "2026-11-23 08:45:00");
    }

    #[test]
    fn an_entry_without_a_usable_end_lasts_an_hour() {
        for end in [None, Some("không rõ"), Some("2026-11-23T07:00:00+07:00")] {
            let ev = parsed_event(&entry("a", "2026-11-23T08:00:00+07:00", end));
            assert_eq!(ev.get_end(), None, "{end:?}");
            assert_eq!(ev.property_value("DURATION"), Some("PT1H"), "{end:?}");
        }
    }

    #[test]
    fn text_with_special_characters_round_trips() {
        let mut e = entry("a", "2026-11-23T08:00:00+07:00", None);
        e.content = "Họp; bàn, thống nhất \\ phương án\nvà lịch trình".into();
        e.location = Some("Hội trường A; tầng 2, nhà B".into());
        e.chair = Some("Ông A, bà B".into());
        e.participants = None;
        let ics = entry_calendar(&e, &CTX);
        assert!(
            ics.contains("SUMMARY:Họp\\; bàn\\, thống nhất \\\\ phương án\\nvà lịch trình\r\n"),
            "{ics}"
        );
        let cal = parse(&ics);
        let ev = only_event(&cal);
        assert_eq!(ev.get_summary(), Some(e.content.as_str()));
        assert_eq!(ev.get_location(), e.location.as_deref());
        assert_eq!(ev.get_description(), Some("Chủ trì: Ông A, bà B"));

        // Windows and old-Mac line breaks are newlines too; other controls go.
        assert_eq!(escape_text("a\r\nb\rc\u{7}d\te"), "a\\nb\\ncd\te");
    }

    #[test]
    fn long_lines_fold_at_75_octets_without_splitting_characters() {
        let mut e = entry("a", "2026-11-23T08:00:00+07:00", None);
        let words = "Quán triệt, tuyên truyền nghị quyết Đại hội đại biểu Đảng bộ tỉnh ";
        e.content = words.chars().cycle().take(400).collect();
        assert_eq!(e.content.chars().count(), 400);
        let ics = entry_calendar(&e, &CTX);

        let bytes = ics.as_bytes();
        let mut folds = 0;
        for line in bytes.split(|b| *b == b'\n') {
            let line = line.strip_suffix(b"\r").unwrap_or(line);
            assert!(
                line.len() <= 75,
                "{} octets: {:?}",
                line.len(),
                String::from_utf8_lossy(line)
            );
            assert!(
                std::str::from_utf8(line).is_ok(),
                "a fold split a character"
            );
            folds += usize::from(line.first() == Some(&b' '));
        }
        assert!(
            folds >= 8,
            "400 Vietnamese characters need several folds ({folds})"
        );

        let cal = parse(&ics);
        // The commas come back unescaped, the folds are gone.
        assert_eq!(only_event(&cal).get_summary(), Some(e.content.as_str()));
    }

    #[test]
    fn folding_counts_octets() {
        let mut w = Writer::default();
        // 3-octet characters: 25 fit in 75 octets, then 24 after the space.
        w.line(&"ệ".repeat(60));
        let lines: Vec<&str> = w.0.split("\r\n").collect();
        assert_eq!(
            lines,
            [
                "ệ".repeat(25),
                format!(" {}", "ệ".repeat(24)),
                format!(" {}", "ệ".repeat(11)),
                String::new()
            ]
        );
        // An ASCII line of exactly 75 octets is not folded.
        let mut w = Writer::default();
        w.line(&"x".repeat(75));
        assert_eq!(w.0, format!("{}\r\n", "x".repeat(75)));
    }

    #[test]
    fn cancelled_and_changed_entries() {
        let mut cancelled = entry("huy", "2026-11-24T14:00:00+07:00", None);
        cancelled.status = EntryStatus::Cancelled;
        cancelled.change = Some("Trùng lịch làm việc của Thường trực Tỉnh ủy".into());
        let mut changed = entry("doi", "2026-11-24T14:00:00+07:00", None);
        changed.status = EntryStatus::Changed;
        changed.change = Some("Chuyển sang buổi chiều".into());
        for (e, status, summary, last_line) in [
            (
                &cancelled,
                EventStatus::Cancelled,
                "[HOÃN] Hội nghị giao ban công tác tuyên giáo quý IV",
                "Lý do hoãn: Trùng lịch làm việc của Thường trực Tỉnh ủy",
            ),
            (
                &changed,
                EventStatus::Confirmed,
                "Hội nghị giao ban công tác tuyên giáo quý IV",
                "Thay đổi: Chuyển sang buổi chiều",
            ),
        ] {
            let ev = parsed_event(e);
            assert_eq!(ev.get_status(), Some(status), "{}", e.id);
            assert_eq!(ev.get_sequence(), Some(1), "{}", e.id);
            assert_eq!(ev.get_summary(), Some(summary));
            let description = ev.get_description().unwrap_or_default();
            assert_eq!(description.lines().last(), Some(last_line));
        }

        // A scheduled entry's stray `change` and blank fields are left out.
        let mut plain = entry("thuong", "2026-11-24T14:00:00+07:00", None);
        plain.change = Some("cũ".into());
        plain.chair = Some("  ".into());
        plain.participants = None;
        plain.location = None;
        let ev = parsed_event(&plain);
        assert_eq!(ev.get_description(), None);
        assert_eq!(ev.get_location(), None);
        assert_eq!(ev.get_priority(), None);
    }

    #[test]
    fn week_calendar_holds_every_readable_entry() {
        let mut entries: Vec<CalendarEntry> = (0..5)
            .map(|i| {
                entry(
                    &format!("muc-{i}"),
                    &format!("2026-11-2{}T08:00:00+07:00", 3 + i),
                    None,
                )
            })
            .collect();
        entries[2].status = EntryStatus::Cancelled;
        let ics = week_calendar(&week(entries.clone()), &CTX);
        let cal = parse(&ics);
        let uids: Vec<&str> = cal.events().filter_map(|e| e.get_uid()).collect();
        assert_eq!(
            uids,
            (0..5)
                .map(|i| format!("muc-{i}@bantin.example.vn"))
                .collect::<Vec<_>>()
        );
        let statuses: Vec<_> = cal.events().map(|e| e.get_status()).collect();
        assert_eq!(statuses[2], Some(EventStatus::Cancelled));
        assert_eq!(
            statuses
                .iter()
                .filter(|s| **s == Some(EventStatus::Confirmed))
                .count(),
            4
        );

        // CRLF everywhere: every \n follows a \r, and the file ends with one.
        assert!(ics.ends_with("END:VCALENDAR\r\n"));
        assert_eq!(ics.matches('\n').count(), ics.matches("\r\n").count());
        assert!(!ics.replace("\r\n", "").contains('\r'));

        // An entry whose start cannot be read is skipped.
        entries[1].start = "thứ Ba".into();
        let cal = parse(&week_calendar(&week(entries), &CTX));
        assert_eq!(cal.events().count(), 4);
    }

    #[test]
    fn an_unreadable_entry_gives_a_calendar_without_events() {
        let ics = entry_calendar(&entry("a", "sáng thứ Hai", None), &CTX);
        assert!(!ics.contains("VEVENT"));
        let cal = parse(&ics);
        assert_eq!(cal.events().count(), 0);
        assert_eq!(cal.components.len(), 1, "still holds the VTIMEZONE");
        assert!(ics.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
    }

    #[test]
    fn file_names() {
        assert_eq!(week_file_name("2026-W48"), "lich-cong-tac-2026-W48.ics");
        // Not a week: only a safe slug of it is kept.
        assert_eq!(week_file_name("2026-W99"), "lich-cong-tac-2026-w99.ics");
        assert_eq!(week_file_name("tuần/../48"), "lich-cong-tac-tuan-48.ics");
        assert_eq!(entry_file_name("giao-ban-q4"), "lich-giao-ban-q4.ics");
        assert_eq!(entry_file_name("../Họp"), "lich-hop.ics");
        assert_eq!(entry_file_name(""), "lich.ics");
    }

    /// The DATE of a `VALUE=DATE` property, as the parser reads it.
    fn date_only(value: Option<DatePerhapsTime>) -> String {
        match value {
            Some(DatePerhapsTime::Date(d)) => d.to_string(),
            other => panic!("expected a date, got {other:?}"),
        }
    }

    #[test]
    fn an_all_day_entry_is_a_date_event_ending_the_next_day() {
        let mut e = entry(
            "ca-ngay",
            "2026-11-27T07:30:00+07:00",
            Some("2026-11-27T17:00:00+07:00"),
        );
        e.timing = Some(EntryTiming::AllDay);
        let ics = entry_calendar(&e, &CTX);
        assert!(ics.contains("\r\nDTSTART;VALUE=DATE:20261127\r\n"), "{ics}");
        assert!(ics.contains("\r\nDTEND;VALUE=DATE:20261128\r\n"), "{ics}");
        assert!(!ics.contains("DURATION"), "{ics}");
        let ev = parsed_event(&e);
        assert_eq!(date_only(ev.get_start()), "2026-11-27");
        assert_eq!(date_only(ev.get_end()), "2026-11-28");
    }

    #[test]
    fn a_two_day_entry_ends_the_day_after_its_end_date() {
        let mut e = entry(
            "hai-ngay",
            "2026-12-03T07:30:00+07:00",
            Some("2026-12-04T17:00:00+07:00"),
        );
        e.timing = Some(EntryTiming::AllDay);
        e.end_date = Some("2026-12-04".into());
        let ev = parsed_event(&e);
        assert_eq!(date_only(ev.get_start()), "2026-12-03");
        assert_eq!(date_only(ev.get_end()), "2026-12-05");
        // Across the end of a year: 31/12 to 01/01 ends on 02/01.
        e.start = "2026-12-31T07:30:00+07:00".into();
        e.end = None;
        e.end_date = Some("2027-01-01".into());
        let ev = parsed_event(&e);
        assert_eq!(date_only(ev.get_start()), "2026-12-31");
        assert_eq!(date_only(ev.get_end()), "2027-01-02");
    }

    #[test]
    fn a_session_only_entry_takes_the_hours_of_its_session() {
        let mut e = entry("chieu", "2026-11-24T13:30:00+07:00", None);
        e.session = bantin_format::model::Session::Chieu;
        e.timing = Some(EntryTiming::Session);
        let ev = parsed_event(&e);
        assert_eq!(
            zoned(ev.get_start()),
            ("2026-11-24 13:30:00".into(), "Asia/Ho_Chi_Minh".into())
        );
        assert_eq!(zoned(ev.get_end()).0, "2026-11-24 17:00:00");
        assert_eq!(ev.property_value("DURATION"), None);
    }

    #[test]
    fn a_multi_day_entry_with_real_hours_runs_to_its_end_or_midnight() {
        let mut e = entry("nhieu-ngay", "2026-12-03T08:00:00+07:00", None);
        e.end_date = Some("2026-12-04".into());
        let ev = parsed_event(&e);
        assert_eq!(zoned(ev.get_start()).0, "2026-12-03 08:00:00");
        assert_eq!(zoned(ev.get_end()).0, "2026-12-05 00:00:00");
        e.end = Some("2026-12-04T11:30:00+07:00".into());
        let ev = parsed_event(&e);
        assert_eq!(zoned(ev.get_end()).0, "2026-12-04 11:30:00");
    }

    #[test]
    fn a_week_of_every_kind_parses() {
        let mut session = entry("s", "2026-11-24T13:30:00+07:00", None);
        session.session = bantin_format::model::Session::Chieu;
        session.timing = Some(EntryTiming::Session);
        let mut day = entry("d", "2026-11-27T07:30:00+07:00", None);
        day.timing = Some(EntryTiming::AllDay);
        let mut two = entry("h", "2026-11-28T07:30:00+07:00", None);
        two.timing = Some(EntryTiming::AllDay);
        two.end_date = Some("2026-11-30".into());
        let plain = entry("p", "2026-11-23T08:00:00+07:00", None);
        let cal = parse(&week_calendar(&week(vec![plain, session, day, two]), &CTX));
        let uids: Vec<&str> = cal.events().filter_map(|e| e.get_uid()).collect();
        assert_eq!(
            uids,
            [
                "p@bantin.example.vn",
                "s@bantin.example.vn",
                "d@bantin.example.vn",
                "h@bantin.example.vn"
            ]
        );
    }
}
