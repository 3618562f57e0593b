//! Working-calendar logic (pure): which week to show, the days of a week
//! with their entries, what is happening now, and the filter.
//!
//! Format 1.1 entries (public/schema/README.md §7.5) are placed and timed
//! here too: a session-only entry (`timing: "session"`) is on for its
//! session's conventional hours (`Session::hours`, the one table of them);
//! an all-day entry for its whole day; a multi-day one (`end_date`) shows
//! on each of its days and is on from its start to the end of its last day.

use bantin_format::datetime::{Date, DateTime, IsoWeek, LocalTime, VIETNAM_OFFSET_SECS};
use bantin_format::display;
use bantin_format::model::{CalendarEntry, CalendarWeek, EntryStatus, EntryTiming, Session};
use bantin_format::text::fold;

use crate::strings;

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

/// The seven days of `week`, Monday first, each with its entries in order
/// (a multi-day entry on each of its days inside the week).
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

/// The Unix second at `minutes` past midnight of `day`, Vietnam time.
fn vietnam_instant(day: Date, minutes: u32) -> i64 {
    day.days() * 86_400 + i64::from(minutes) * 60 - VIETNAM_OFFSET_SECS
}

/// Whether an entry holds whole days (all-day, or over several days): it
/// is marked on its own, beside the day's timed entries, never as next.
pub fn is_day_long(entry: &CalendarEntry) -> bool {
    entry.timing == Some(EntryTiming::AllDay) || entry.is_multi_day()
}

/// When an entry is on, as Unix seconds `[from, to)`:
/// - real hours: from `start` to `end`, or an hour when it has none;
/// - session-only: the session's conventional hours on its day (on its
///   last day for a multi-day one);
/// - all-day: from 00:00 of its first day to 24:00 of its last;
/// - multi-day with real hours: from `start` to `end`, or to 24:00 of
///   `end_date` when it has none.
pub fn span(entry: &CalendarEntry) -> Option<(i64, i64)> {
    let start = DateTime::parse_rfc3339(&entry.start)?;
    let first = start.vietnam().date;
    let last = entry.last_day()?;
    let (session_from, session_to) = entry.session.hours();
    let end = entry
        .end
        .as_deref()
        .and_then(DateTime::parse_rfc3339)
        .map(|t| t.unix);
    let (from, to) = match entry.timing {
        None if last > first => (
            start.unix,
            end.unwrap_or_else(|| vietnam_instant(last.add_days(1), 0)),
        ),
        None => (start.unix, end.unwrap_or(start.unix + DEFAULT_LENGTH_SECS)),
        Some(EntryTiming::Session) => (
            vietnam_instant(first, session_from),
            vietnam_instant(last, session_to),
        ),
        Some(EntryTiming::AllDay) => (
            vietnam_instant(first, 0),
            vietnam_instant(last.add_days(1), 0),
        ),
    };
    Some((from, to.max(from)))
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
/// `now_unix`. Of the timed entries (real hours or a session) at most one
/// is `Now` (the one that started last), and `Next` is marked only when
/// none is on now. Whole-day entries ([`is_day_long`]) are `Now` all
/// through their span, beside the timed ones, and never `Next`.
/// Cancelled entries are never now or next.
pub fn timings(entries: &[CalendarEntry], now_unix: i64) -> Vec<Timing> {
    let spans: Vec<Option<(i64, i64)>> = entries.iter().map(span).collect();
    let live = |i: usize| entries[i].status != EntryStatus::Cancelled;
    let timed = |i: usize| !is_day_long(&entries[i]);
    let on = |i: usize| spans[i].is_some_and(|(s, e)| s <= now_unix && now_unix < e);
    let now = (0..entries.len())
        .filter(|&i| timed(i) && live(i) && on(i))
        .max_by_key(|&i| spans[i].map(|(s, _)| s));
    let next = if now.is_none() {
        (0..entries.len())
            .filter(|&i| timed(i) && live(i) && spans[i].is_some_and(|(s, _)| s > now_unix))
            .min_by_key(|&i| spans[i].map(|(s, _)| s))
    } else {
        None
    };
    (0..entries.len())
        .map(|i| {
            if Some(i) == now || (!timed(i) && live(i) && on(i)) {
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

/// The entries of `weeks` that fall on `day` (Vietnam time): those that
/// start that day, and multi-day ones that cover it. An entry listed in
/// two weeks (a multi-day one, same id) counts once. Whole-day entries come
/// first, then the rest by start time.
pub fn entries_on(weeks: &[CalendarWeek], day: Date) -> Vec<CalendarEntry> {
    let mut found: Vec<((bool, i64), CalendarEntry)> = Vec::new();
    for e in weeks.iter().flat_map(|w| &w.entries) {
        if !e.covers(day) || found.iter().any(|(_, f)| f.id == e.id) {
            continue;
        }
        let Some((from, _)) = span(e) else { continue };
        found.push(((!is_day_long(e), from), e.clone()));
    }
    found.sort_by_key(|(key, _)| *key);
    found.into_iter().map(|(_, e)| e).collect()
}

/// An entry's start as "08:00" (or "08:00–10:30" with its end), Vietnam
/// time: the real hours, whatever `timing` says (see [`when`]).
pub fn time_range(entry: &CalendarEntry) -> String {
    let clock =
        |s: &str| DateTime::parse_rfc3339(s).map(|t| bantin_format::display::clock(t.vietnam()));
    match (clock(&entry.start), entry.end.as_deref().and_then(clock)) {
        (Some(start), Some(end)) => format!("{start}–{end}"),
        (Some(start), None) => start,
        _ => String::new(),
    }
}

/// "Sáng", "Chiều", "Tối".
pub fn session_name(s: Session) -> &'static str {
    match s {
        Session::Sang => strings::SESSION_MORNING,
        Session::Chieu => strings::SESSION_AFTERNOON,
        Session::Toi => strings::SESSION_EVENING,
    }
}

/// When an entry is, as the week view, the home page and the kiosk show
/// it: "08:00–10:30" for real hours; "Chiều" for a session-only entry (no
/// hour); "Cả ngày" for an all-day one; "03/12 – 04/12" for one over
/// several days (after its hour or session when it has one: "07:30,
/// 03/12 – 04/12", "Sáng, 03/12 – 04/12").
pub fn when(entry: &CalendarEntry) -> String {
    let range = match (entry.is_multi_day(), entry.first_day(), entry.last_day()) {
        (true, Some(first), Some(last)) => Some(format!(
            "{:02}/{:02} – {:02}/{:02}",
            first.day, first.month, last.day, last.month
        )),
        _ => None,
    };
    let head = match (entry.timing, &range) {
        (None, None) => time_range(entry),
        // The end's hour is on another day: the start says enough.
        (None, Some(_)) => DateTime::parse_rfc3339(&entry.start)
            .map(|t| display::clock(t.vietnam()))
            .unwrap_or_default(),
        (Some(EntryTiming::Session), _) => session_name(entry.session).to_string(),
        (Some(EntryTiming::AllDay), None) => strings::ALL_DAY.to_string(),
        (Some(EntryTiming::AllDay), Some(_)) => String::new(),
    };
    [Some(head), range]
        .into_iter()
        .flatten()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(", ")
}

/// The session shown under [`when`] in the week view: only for an entry
/// with real hours (a session-only entry says it in `when`; a whole-day
/// one has none).
pub fn session_detail(entry: &CalendarEntry) -> Option<&'static str> {
    (entry.timing.is_none() && !entry.is_multi_day()).then(|| session_name(entry.session))
}

/// When an entry is, with its date, for a search result: "Thứ Hai,
/// 23/11/2026 08:30", "Chiều Thứ Ba, 24/11/2026", "Cả ngày Thứ Sáu,
/// 27/11/2026", "Thứ Năm, 03/12/2026 – Thứ Sáu, 04/12/2026".
pub fn dated_when(entry: &CalendarEntry) -> String {
    let (Some(first), Some(last)) = (entry.first_day(), entry.last_day()) else {
        return entry.start.clone();
    };
    if last > first {
        return format!(
            "{} – {}",
            display::date_with_weekday(first),
            display::date_with_weekday(last)
        );
    }
    match entry.timing {
        None => display::feed_time(&entry.start),
        Some(EntryTiming::Session) => format!(
            "{} {}",
            session_name(entry.session),
            display::date_with_weekday(first)
        ),
        Some(EntryTiming::AllDay) => {
            format!("{} {}", strings::ALL_DAY, display::date_with_weekday(first))
        }
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
            timing: None,
            end_date: None,
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

    /// An entry of format 1.1: `timing` and `end_date` as given.
    fn entry11(
        id: &str,
        start: &str,
        session: Session,
        timing: Option<EntryTiming>,
        end_date: Option<&str>,
    ) -> CalendarEntry {
        let mut e = entry(id, start, None);
        e.session = session;
        e.timing = timing;
        e.end_date = end_date.map(Into::into);
        e
    }

    fn session_only(id: &str, start: &str, session: Session) -> CalendarEntry {
        entry11(id, start, session, Some(EntryTiming::Session), None)
    }

    fn all_day(id: &str, start: &str, end_date: Option<&str>) -> CalendarEntry {
        entry11(
            id,
            start,
            Session::Sang,
            Some(EntryTiming::AllDay),
            end_date,
        )
    }

    fn ids(entries: &[CalendarEntry]) -> Vec<&str> {
        entries.iter().map(|e| e.id.as_str()).collect()
    }

    #[test]
    fn spans_of_each_kind() {
        // Real hours: start to end, or an hour.
        assert_eq!(
            span(&entry("a", "2026-11-24T14:00:00+07:00", None)),
            Some((
                at("2026-11-24T14:00:00+07:00"),
                at("2026-11-24T15:00:00+07:00")
            ))
        );
        // Session-only: the session's conventional hours, whatever `end` says.
        let mut afternoon = session_only("s", "2026-11-24T13:30:00+07:00", Session::Chieu);
        afternoon.end = Some("2026-11-24T14:00:00+07:00".into());
        assert_eq!(
            span(&afternoon),
            Some((
                at("2026-11-24T13:30:00+07:00"),
                at("2026-11-24T17:00:00+07:00")
            ))
        );
        assert_eq!(
            span(&session_only(
                "t",
                "2026-11-24T19:00:00+07:00",
                Session::Toi
            )),
            Some((
                at("2026-11-24T19:00:00+07:00"),
                at("2026-11-24T21:30:00+07:00")
            ))
        );
        // All day: midnight to midnight, Vietnam time.
        assert_eq!(
            span(&all_day("d", "2026-11-27T07:30:00+07:00", None)),
            Some((
                at("2026-11-27T00:00:00+07:00"),
                at("2026-11-28T00:00:00+07:00")
            ))
        );
        // Two days, all day.
        assert_eq!(
            span(&all_day(
                "h",
                "2026-12-03T07:30:00+07:00",
                Some("2026-12-04")
            )),
            Some((
                at("2026-12-03T00:00:00+07:00"),
                at("2026-12-05T00:00:00+07:00")
            ))
        );
        // Two days with a real start: from the start to the end, or to midnight after end_date.
        let mut timed = entry11(
            "m",
            "2026-12-03T08:00:00+07:00",
            Session::Sang,
            None,
            Some("2026-12-04"),
        );
        assert_eq!(
            span(&timed),
            Some((
                at("2026-12-03T08:00:00+07:00"),
                at("2026-12-05T00:00:00+07:00")
            ))
        );
        timed.end = Some("2026-12-04T11:30:00+07:00".into());
        assert_eq!(span(&timed).unwrap().1, at("2026-12-04T11:30:00+07:00"));
    }

    #[test]
    fn a_session_only_entry_is_on_for_its_session() {
        let day = vec![
            entry(
                "a",
                "2026-11-24T08:00:00+07:00",
                Some("2026-11-24T10:00:00+07:00"),
            ),
            session_only("s", "2026-11-24T13:30:00+07:00", Session::Chieu),
        ];
        use Timing::*;
        assert_eq!(timings(&day, at("2026-11-24T11:00:00+07:00")), [Past, Next]);
        assert_eq!(timings(&day, at("2026-11-24T13:30:00+07:00")), [Past, Now]);
        // Still on at 16:59, over at 17:00: the session's end, not an hour after.
        assert_eq!(timings(&day, at("2026-11-24T16:59:00+07:00")), [Past, Now]);
        assert_eq!(timings(&day, at("2026-11-24T17:00:00+07:00")), [Past, Past]);
    }

    #[test]
    fn an_all_day_entry_is_on_all_its_day_beside_the_timed_ones() {
        let day = vec![
            all_day("d", "2026-11-27T07:30:00+07:00", None),
            entry(
                "a",
                "2026-11-27T08:00:00+07:00",
                Some("2026-11-27T10:00:00+07:00"),
            ),
            entry("b", "2026-11-27T14:00:00+07:00", None),
        ];
        use Timing::*;
        // From midnight: on now, and the first timed entry is still next.
        assert_eq!(
            timings(&day, at("2026-11-27T00:00:00+07:00")),
            [Now, Next, Later]
        );
        assert_eq!(
            timings(&day, at("2026-11-27T09:00:00+07:00")),
            [Now, Now, Later]
        );
        assert_eq!(
            timings(&day, at("2026-11-27T12:00:00+07:00")),
            [Now, Past, Next]
        );
        assert_eq!(
            timings(&day, at("2026-11-27T23:59:00+07:00")),
            [Now, Past, Past]
        );
        // The day before it is still to come, and never next.
        assert_eq!(timings(&day[..1], at("2026-11-26T23:00:00+07:00")), [Later]);
        // Cancelled, it is never on.
        let mut cancelled = day.clone();
        cancelled[0].status = EntryStatus::Cancelled;
        assert_eq!(
            timings(&cancelled, at("2026-11-27T09:00:00+07:00")),
            [Later, Now, Later]
        );
    }

    #[test]
    fn a_multi_day_entry_shows_on_each_of_its_days_and_is_on_all_of_them() {
        let two_days = all_day("hn", "2026-12-03T07:30:00+07:00", Some("2026-12-04"));
        let week = CalendarWeek {
            week: "2026-W49".into(),
            updated: None,
            note: None,
            entries: vec![
                entry("a", "2026-12-03T08:00:00+07:00", None),
                two_days.clone(),
                entry("b", "2026-12-04T14:00:00+07:00", None),
            ],
        };
        let days = days_of(&week);
        // Whole-day entries first, then by start time.
        assert_eq!(ids(&days[3].entries), ["hn", "a"]);
        assert_eq!(ids(&days[4].entries), ["hn", "b"]);
        assert!(days[5].entries.is_empty());
        use Timing::*;
        let thursday = &days[3].entries;
        assert_eq!(
            timings(thursday, at("2026-12-03T06:00:00+07:00")),
            [Now, Next]
        );
        let friday = &days[4].entries;
        assert_eq!(
            timings(friday, at("2026-12-04T20:00:00+07:00")),
            [Now, Past]
        );
        assert_eq!(
            timings(friday, at("2026-12-05T00:00:00+07:00")),
            [Past, Past]
        );
    }

    #[test]
    fn a_multi_day_entry_across_a_week_boundary_is_in_both_weeks_once_a_day() {
        // Saturday 28/11 (W48) to Monday 30/11 (W49), listed in both files.
        let trip = all_day("dct", "2026-11-28T07:30:00+07:00", Some("2026-11-30"));
        let w48 = week_of(vec![trip.clone()]);
        let w49 = CalendarWeek {
            week: "2026-W49".into(),
            updated: None,
            note: None,
            entries: vec![trip, entry("giao-ban", "2026-11-30T07:30:00+07:00", None)],
        };
        let w48_days = days_of(&w48);
        assert_eq!(ids(&w48_days[5].entries), ["dct"]);
        assert_eq!(ids(&w48_days[6].entries), ["dct"]);
        let w49_days = days_of(&w49);
        assert_eq!(ids(&w49_days[0].entries), ["dct", "giao-ban"]);
        assert!(w49_days[1].entries.is_empty());
        // The index embeds both weeks: the entry still counts once a day.
        let both = [w48, w49];
        let sunday = Date::parse("2026-11-29").unwrap();
        assert_eq!(ids(&entries_on(&both, sunday)), ["dct"]);
        assert_eq!(
            ids(&entries_on(&both, sunday.add_days(1))),
            ["dct", "giao-ban"]
        );
    }

    #[test]
    fn how_each_kind_says_when() {
        let timed = entry(
            "a",
            "2026-11-23T08:00:00+07:00",
            Some("2026-11-23T10:30:00+07:00"),
        );
        assert_eq!(when(&timed), "08:00–10:30");
        assert_eq!(session_detail(&timed), Some("Sáng"));
        let afternoon = session_only("s", "2026-11-24T13:30:00+07:00", Session::Chieu);
        assert_eq!(when(&afternoon), "Chiều");
        assert_eq!(session_detail(&afternoon), None);
        let day = all_day("d", "2026-11-27T07:30:00+07:00", None);
        assert_eq!(when(&day), "Cả ngày");
        assert_eq!(session_detail(&day), None);
        let two = all_day("h", "2026-12-03T07:30:00+07:00", Some("2026-12-04"));
        assert_eq!(when(&two), "03/12 – 04/12");
        assert_eq!(session_detail(&two), None);
        let mut timed_two = two.clone();
        timed_two.timing = None;
        timed_two.end = Some("2026-12-04T17:00:00+07:00".into());
        assert_eq!(when(&timed_two), "07:30, 03/12 – 04/12");
        let mut morning_two = two.clone();
        morning_two.timing = Some(EntryTiming::Session);
        assert_eq!(when(&morning_two), "Sáng, 03/12 – 04/12");
        // An end_date on the start's day is one day (the validator warns).
        let mut same_day = day.clone();
        same_day.end_date = Some("2026-11-27".into());
        assert_eq!(when(&same_day), "Cả ngày");
    }

    #[test]
    fn search_results_say_when_with_the_date() {
        assert_eq!(
            dated_when(&entry("a", "2026-11-23T08:00:00+07:00", None)),
            "Thứ Hai, 23/11/2026 08:00"
        );
        assert_eq!(
            dated_when(&session_only(
                "s",
                "2026-11-24T13:30:00+07:00",
                Session::Chieu
            )),
            "Chiều Thứ Ba, 24/11/2026"
        );
        assert_eq!(
            dated_when(&all_day("d", "2026-11-27T07:30:00+07:00", None)),
            "Cả ngày Thứ Sáu, 27/11/2026"
        );
        assert_eq!(
            dated_when(&all_day(
                "h",
                "2026-12-03T07:30:00+07:00",
                Some("2026-12-04")
            )),
            "Thứ Năm, 03/12/2026 – Thứ Sáu, 04/12/2026"
        );
    }
}
