//! Dates, times and ISO weeks, in pure Rust (no clock, no web-sys), so the
//! calendar arithmetic is tested natively. Vietnam is UTC+7 all year.

use std::fmt;

/// Vietnam's offset from UTC, in seconds (no daylight saving).
pub const VIETNAM_OFFSET_SECS: i64 = 7 * 3600;

/// A calendar date (proleptic Gregorian).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

/// A point in time as written in a feed: the instant plus the offset it was
/// written with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DateTime {
    /// Seconds since 1970-01-01T00:00:00Z.
    pub unix: i64,
    /// The offset it was written with, in seconds east of UTC.
    pub offset: i32,
}

/// An ISO 8601 week ("2026-W48").
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct IsoWeek {
    pub year: i32,
    pub week: u8,
}

// Days from 1970-01-01 to the date, and back (Howard Hinnant's algorithms).
pub fn days_from_civil(year: i32, month: u8, day: u8) -> i64 {
    let y = i64::from(year) - i64::from(month <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

pub fn civil_from_days(days: i64) -> Date {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
    Date { year, month, day }
}

fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

impl Date {
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        let valid = (1..=9999).contains(&year)
            && (1..=12).contains(&month)
            && (1..=days_in_month(year, month)).contains(&day);
        valid.then_some(Date { year, month, day })
    }

    /// Parses "YYYY-MM-DD".
    pub fn parse(s: &str) -> Option<Date> {
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        Date::new(
            digits(&b[0..4])? as i32,
            digits(&b[5..7])? as u8,
            digits(&b[8..10])? as u8,
        )
    }

    pub fn days(self) -> i64 {
        days_from_civil(self.year, self.month, self.day)
    }

    pub fn from_days(days: i64) -> Date {
        civil_from_days(days)
    }

    pub fn add_days(self, n: i64) -> Date {
        Date::from_days(self.days() + n)
    }

    /// ISO weekday: 1 = Monday … 7 = Sunday.
    pub fn weekday(self) -> u8 {
        // 1970-01-01 was a Thursday (4).
        ((self.days() + 3).rem_euclid(7) + 1) as u8
    }

    pub fn iso_week(self) -> IsoWeek {
        // The week belongs to the year of its Thursday.
        let thursday = self.add_days(4 - i64::from(self.weekday()));
        let jan1 = days_from_civil(thursday.year, 1, 1);
        let week = ((thursday.days() - jan1) / 7 + 1) as u8;
        IsoWeek {
            year: thursday.year,
            week,
        }
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl IsoWeek {
    /// Parses "2026-W48"; rejects weeks the year does not have.
    pub fn parse(s: &str) -> Option<IsoWeek> {
        let b = s.as_bytes();
        if b.len() != 8 || b[4] != b'-' || b[5] != b'W' {
            return None;
        }
        let year = digits(&b[0..4])? as i32;
        let week = digits(&b[6..8])? as u8;
        // Years 0001-9999, as for dates.
        (year >= 1 && week >= 1 && week <= weeks_in_year(year)).then_some(IsoWeek { year, week })
    }

    /// The Monday that starts the week.
    pub fn monday(self) -> Date {
        // January 4th is always in week 1.
        let jan4 = Date {
            year: self.year,
            month: 1,
            day: 4,
        };
        jan4.add_days(1 - i64::from(jan4.weekday()) + 7 * (i64::from(self.week) - 1))
    }

    pub fn sunday(self) -> Date {
        self.monday().add_days(6)
    }

    pub fn contains(self, date: Date) -> bool {
        date.iso_week() == self
    }

    pub fn next(self) -> IsoWeek {
        self.monday().add_days(7).iso_week()
    }

    pub fn previous(self) -> IsoWeek {
        self.monday().add_days(-7).iso_week()
    }
}

impl fmt::Display for IsoWeek {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-W{:02}", self.year, self.week)
    }
}

/// 52 or 53.
pub fn weeks_in_year(year: i32) -> u8 {
    Date {
        year,
        month: 12,
        day: 28,
    }
    .iso_week()
    .week
}

impl DateTime {
    /// Parses RFC 3339 with an explicit offset ("2026-11-23T08:30:00+07:00",
    /// "…Z", optional fractional seconds). Anything else is `None`.
    pub fn parse_rfc3339(s: &str) -> Option<DateTime> {
        let b = s.as_bytes();
        // Exactly the form the format doc and the schemas allow: an upper-case
        // `T` and `Z`, seconds up to 59 (no leap second).
        if b.len() < 20 || b[10] != b'T' {
            return None;
        }
        let date = Date::parse(s.get(0..10)?)?;
        if b[13] != b':' || b[16] != b':' {
            return None;
        }
        let (h, m, sec) = (
            digits(&b[11..13])?,
            digits(&b[14..16])?,
            digits(&b[17..19])?,
        );
        if h > 23 || m > 59 || sec > 59 {
            return None;
        }
        let mut rest = &b[19..];
        if rest.first() == Some(&b'.') {
            let n = rest[1..].iter().take_while(|c| c.is_ascii_digit()).count();
            if n == 0 {
                return None;
            }
            rest = &rest[1 + n..];
        }
        let offset: i64 = match rest {
            [b'Z'] => 0,
            [sign @ (b'+' | b'-'), oh1, oh2, b':', om1, om2] => {
                let (oh, om) = (digits(&[*oh1, *oh2])?, digits(&[*om1, *om2])?);
                if oh > 23 || om > 59 {
                    return None;
                }
                let o = (oh * 3600 + om * 60) as i64;
                if *sign == b'-' {
                    -o
                } else {
                    o
                }
            }
            _ => return None,
        };
        let local = date.days() * 86_400 + (h * 3600 + m * 60 + sec) as i64;
        Some(DateTime {
            unix: local - offset,
            offset: offset as i32,
        })
    }

    /// Writes the instant back as RFC 3339 with the offset it was read with
    /// ("2026-11-23T08:30:00+07:00"; "Z" for UTC).
    pub fn to_rfc3339(self) -> String {
        let local = self.unix + i64::from(self.offset);
        let secs = local.rem_euclid(86_400);
        let date = Date::from_days(local.div_euclid(86_400));
        let (h, m, s) = (secs / 3600, secs % 3600 / 60, secs % 60);
        let offset = if self.offset == 0 {
            "Z".to_string()
        } else {
            let o = self.offset.abs();
            format!(
                "{}{:02}:{:02}",
                if self.offset < 0 { '-' } else { '+' },
                o / 3600,
                o % 3600 / 60
            )
        };
        format!("{date}T{h:02}:{m:02}:{s:02}{offset}")
    }

    /// The same instant, `days` later (Vietnam has no daylight saving).
    pub fn add_days(self, days: i64) -> DateTime {
        DateTime {
            unix: self.unix + days * 86_400,
            offset: self.offset,
        }
    }

    /// The same instant as seen on a clock in Vietnam.
    pub fn vietnam(self) -> LocalTime {
        LocalTime::from_unix(self.unix, VIETNAM_OFFSET_SECS)
    }
}

/// A wall-clock reading: date, hour, minute.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct LocalTime {
    pub date: Date,
    pub hour: u8,
    pub minute: u8,
}

impl LocalTime {
    pub fn from_unix(unix: i64, offset_secs: i64) -> LocalTime {
        let local = unix + offset_secs;
        let secs = local.rem_euclid(86_400);
        LocalTime {
            date: Date::from_days(local.div_euclid(86_400)),
            hour: (secs / 3600) as u8,
            minute: (secs % 3600 / 60) as u8,
        }
    }

    /// Vietnam time at a Unix instant (milliseconds, as `Date.now()` gives).
    pub fn vietnam_from_millis(millis: f64) -> LocalTime {
        LocalTime::from_unix((millis / 1000.0).floor() as i64, VIETNAM_OFFSET_SECS)
    }
}

fn digits(b: &[u8]) -> Option<u32> {
    if b.is_empty() || !b.iter().all(u8::is_ascii_digit) {
        return None;
    }
    Some(b.iter().fold(0, |n, d| n * 10 + u32::from(d - b'0')))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    #[test]
    fn civil_days_round_trip() {
        for days in [-800_000, -1, 0, 1, 20_000, 20_780, 2_900_000] {
            assert_eq!(civil_from_days(days).days(), days);
        }
        assert_eq!(d("1970-01-01").days(), 0);
        assert_eq!(d("2026-11-23").days(), 20_780);
    }

    #[test]
    fn dates_are_validated() {
        assert!(Date::parse("2024-02-29").is_some());
        assert!(Date::parse("2026-02-29").is_none());
        assert!(Date::parse("2026-13-01").is_none());
        assert!(Date::parse("2026-11-31").is_none());
        assert!(Date::parse("26-11-2026").is_none());
        assert!(Date::parse("2026-1-05").is_none());
    }

    #[test]
    fn weekdays() {
        assert_eq!(d("2026-11-23").weekday(), 1); // Thứ Hai
        assert_eq!(d("2026-11-29").weekday(), 7); // Chủ Nhật
        assert_eq!(d("1970-01-01").weekday(), 4);
    }

    #[test]
    fn iso_weeks_and_year_boundaries() {
        assert_eq!(d("2026-11-23").iso_week().to_string(), "2026-W48");
        // 2026 has 53 weeks: its last days belong to W53, not to 2027.
        assert_eq!(weeks_in_year(2026), 53);
        assert_eq!(d("2026-12-31").iso_week().to_string(), "2026-W53");
        assert_eq!(d("2027-01-03").iso_week().to_string(), "2026-W53");
        assert_eq!(d("2027-01-04").iso_week().to_string(), "2027-W01");
        // A year whose first days belong to the previous year's last week.
        assert_eq!(d("2021-01-01").iso_week().to_string(), "2020-W53");
        assert_eq!(d("2019-12-30").iso_week().to_string(), "2020-W01");
        assert_eq!(weeks_in_year(2025), 52);
    }

    #[test]
    fn more_year_boundaries_and_round_trips() {
        // Every 997th day, some 2,200 years either side of 1970, goes to a date and back.
        for days in (-800_000..800_000).filter(|z| z % 997 == 0) {
            let date = Date::from_days(days);
            assert_eq!(days_from_civil(date.year, date.month, date.day), days);
        }
        assert_eq!(Date::from_days(d("2024-02-29").days()), d("2024-02-29"));
        for (day, week) in [
            ("2026-01-01", "2026-W01"),
            ("2021-01-03", "2020-W53"),
            ("2024-12-30", "2025-W01"),
            ("2008-12-29", "2009-W01"),
            ("2005-01-02", "2004-W53"),
        ] {
            assert_eq!(d(day).iso_week().to_string(), week, "{day}");
        }
        assert!(Date::parse("2025-02-29").is_none());
        assert!(Date::parse("2026-1-01").is_none());
    }

    #[test]
    fn week_ids_parse_and_step() {
        let w = IsoWeek::parse("2026-W48").unwrap();
        assert_eq!(w.monday(), d("2026-11-23"));
        assert_eq!(w.sunday(), d("2026-11-29"));
        assert!(w.contains(d("2026-11-29")));
        assert!(!w.contains(d("2026-11-30")));
        let w53 = IsoWeek::parse("2026-W53").unwrap();
        assert_eq!(w53.monday(), d("2026-12-28"));
        assert_eq!(w53.next().to_string(), "2027-W01");
        assert_eq!(IsoWeek::parse("2027-W01").unwrap().previous(), w53);
        assert!(IsoWeek::parse("2025-W53").is_none());
        assert!(IsoWeek::parse("2026-W00").is_none());
        assert!(IsoWeek::parse("2026W48").is_none());
    }

    #[test]
    fn rfc3339_needs_an_offset() {
        let t = DateTime::parse_rfc3339("2026-11-23T08:30:00+07:00").unwrap();
        assert_eq!(t.offset, 7 * 3600);
        assert_eq!(
            t.unix,
            DateTime::parse_rfc3339("2026-11-23T01:30:00Z")
                .unwrap()
                .unix
        );
        assert!(DateTime::parse_rfc3339("2026-11-23T08:30:00.123+07:00").is_some());
        assert!(DateTime::parse_rfc3339("2026-11-23T08:30:00").is_none());
        assert!(DateTime::parse_rfc3339("2026-11-23 08:30").is_none());
        assert!(DateTime::parse_rfc3339("23/11/2026 08:30").is_none());
        assert!(DateTime::parse_rfc3339("2026-11-23T24:00:00Z").is_none());
        // The forms RFC 3339 tolerates but the format doc and the schemas
        // do not: a space or a lower-case t, a lower-case z, a leap second.
        assert!(DateTime::parse_rfc3339("2026-11-23 08:30:00+07:00").is_none());
        assert!(DateTime::parse_rfc3339("2026-11-23t08:30:00+07:00").is_none());
        assert!(DateTime::parse_rfc3339("2026-11-23T08:30:00z").is_none());
        assert!(DateTime::parse_rfc3339("2016-12-31T23:59:60Z").is_none());
        assert!(DateTime::parse_rfc3339("2016-12-31T23:59:59Z").is_some());
        assert!(DateTime::parse_rfc3339("2026-02-30T08:00:00Z").is_none());
    }

    #[test]
    fn rfc3339_round_trips_with_its_offset() {
        for s in [
            "2026-11-23T08:30:00+07:00",
            "2026-12-31T23:59:59Z",
            "2027-01-01T00:15:00-05:30",
        ] {
            assert_eq!(DateTime::parse_rfc3339(s).unwrap().to_rfc3339(), s);
        }
        let t = DateTime::parse_rfc3339("2026-12-28T08:00:00+07:00")
            .unwrap()
            .add_days(7);
        assert_eq!(t.to_rfc3339(), "2027-01-04T08:00:00+07:00");
    }

    #[test]
    fn vietnam_time_around_midnight() {
        // 17:30 UTC is already the next day in Vietnam.
        let t = DateTime::parse_rfc3339("2026-11-22T17:30:00Z")
            .unwrap()
            .vietnam();
        assert_eq!((t.date, t.hour, t.minute), (d("2026-11-23"), 0, 30));
        assert_eq!(t.date.iso_week().to_string(), "2026-W48");
        // 16:59 UTC on Sunday is still Sunday 23:59 in Vietnam: last week.
        let t = DateTime::parse_rfc3339("2026-11-22T16:59:00Z")
            .unwrap()
            .vietnam();
        assert_eq!(t.date.iso_week().to_string(), "2026-W47");
        // New Year's Eve 2026 in Vietnam is still W53 until 17:00 UTC.
        let t = LocalTime::vietnam_from_millis(1_798_736_399_000.0); // 2026-12-31T16:59:59Z
        assert_eq!(t.date, d("2026-12-31"));
    }
}
