//! Vietnamese formatting of dates, times and numbers (pure, tested natively).

use crate::datetime::{Date, DateTime, LocalTime};

/// Thứ Hai … Chủ Nhật, for ISO weekdays 1…7.
pub fn weekday_name(weekday: u8) -> &'static str {
    match weekday {
        1 => "Thứ Hai",
        2 => "Thứ Ba",
        3 => "Thứ Tư",
        4 => "Thứ Năm",
        5 => "Thứ Sáu",
        6 => "Thứ Bảy",
        _ => "Chủ Nhật",
    }
}

/// "23/11/2026"
pub fn date(d: Date) -> String {
    format!("{:02}/{:02}/{}", d.day, d.month, d.year)
}

/// "Thứ Hai, 23/11/2026"
pub fn date_with_weekday(d: Date) -> String {
    format!("{}, {}", weekday_name(d.weekday()), date(d))
}

/// "Thứ Hai, 23/11/2026 08:30", in Vietnam time whatever offset the feed used.
pub fn datetime_with_weekday(t: DateTime) -> String {
    let local = t.vietnam();
    format!("{} {}", date_with_weekday(local.date), clock(local))
}

/// "08:30"
pub fn clock(t: LocalTime) -> String {
    format!("{:02}:{:02}", t.hour, t.minute)
}

/// A feed time as "Thứ Hai, 23/11/2026 08:30"; the raw text if it does not parse.
pub fn feed_time(rfc3339: &str) -> String {
    DateTime::parse_rfc3339(rfc3339).map_or_else(|| rfc3339.to_string(), datetime_with_weekday)
}

/// A feed time as "23/11/2026"; the raw text if it does not parse.
pub fn feed_date(rfc3339: &str) -> String {
    DateTime::parse_rfc3339(rfc3339).map_or_else(|| rfc3339.to_string(), |t| date(t.vietnam().date))
}

/// A feed time as "Thứ Năm, 19/11/2026", the day in Vietnam time, for a
/// story whose portal gives no hour (`date_only`); the raw text if it does
/// not parse.
pub fn feed_day(rfc3339: &str) -> String {
    DateTime::parse_rfc3339(rfc3339).map_or_else(
        || rfc3339.to_string(),
        |t| date_with_weekday(t.vietnam().date),
    )
}

/// A story's `published` or `updated` for people: with its hour, or only
/// the day when the portal gives no hour (`date_only`).
pub fn story_time(rfc3339: &str, date_only: bool) -> String {
    if date_only {
        feed_day(rfc3339)
    } else {
        feed_time(rfc3339)
    }
}

/// The same time for a `<time datetime>` attribute: the time as written,
/// or only the day ("2026-11-19", Vietnam time) when the hour is unknown,
/// so that machines are not told a midnight that never was.
pub fn story_time_attr(rfc3339: &str, date_only: bool) -> String {
    match DateTime::parse_rfc3339(rfc3339) {
        Some(t) if date_only => t.vietnam().date.to_string(),
        _ => rfc3339.to_string(),
    }
}

/// Thousands separated by dots: 8692052 → "8.692.052".
pub fn number(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vietnamese_dates() {
        let d = Date::parse("2026-11-23").unwrap();
        assert_eq!(date(d), "23/11/2026");
        assert_eq!(date_with_weekday(d), "Thứ Hai, 23/11/2026");
        assert_eq!(
            date_with_weekday(Date::parse("2026-11-29").unwrap()),
            "Chủ Nhật, 29/11/2026"
        );
    }

    #[test]
    fn feed_times_show_in_vietnam_time() {
        assert_eq!(
            feed_time("2026-11-23T08:30:00+07:00"),
            "Thứ Hai, 23/11/2026 08:30"
        );
        // Written in UTC late on Sunday: already Monday morning in Vietnam.
        assert_eq!(
            feed_time("2026-11-22T23:30:00Z"),
            "Thứ Hai, 23/11/2026 06:30"
        );
        assert_eq!(feed_date("2026-11-22T23:30:00Z"), "23/11/2026");
        assert_eq!(feed_time("hôm qua"), "hôm qua");
    }

    #[test]
    fn a_date_only_story_shows_no_hour() {
        let published = "2026-11-19T00:00:00+07:00";
        assert_eq!(story_time(published, true), "Thứ Năm, 19/11/2026");
        assert_eq!(story_time(published, false), "Thứ Năm, 19/11/2026 00:00");
        assert_eq!(story_time_attr(published, true), "2026-11-19");
        assert_eq!(story_time_attr(published, false), published);
        // The day is Vietnam's, whatever offset the file used.
        assert_eq!(
            story_time("2026-11-18T17:00:00Z", true),
            "Thứ Năm, 19/11/2026"
        );
        assert_eq!(story_time_attr("2026-11-18T17:00:00Z", true), "2026-11-19");
        assert_eq!(story_time("hôm qua", true), "hôm qua");
        assert_eq!(story_time_attr("hôm qua", true), "hôm qua");
    }

    #[test]
    fn numbers_use_dots_for_thousands() {
        assert_eq!(number(0), "0");
        assert_eq!(number(999), "999");
        assert_eq!(number(1000), "1.000");
        assert_eq!(number(18089), "18.089");
        assert_eq!(number(8_692_052), "8.692.052");
    }
}
