//! Text as the feed wants it, and text as a terminal may show it.

use bantin_format::datetime::{Date, DateTime, VIETNAM_OFFSET_SECS};
use unicode_normalization::UnicodeNormalization;

/// Feed text from a page's text: NFC, every run of white space (the
/// no-break space too) one space, control characters dropped, trimmed.
pub fn clean(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.nfc() {
        if c.is_whitespace() || c == '\u{a0}' {
            space = true;
        } else if c.is_control() || c == '\u{feff}' || c == '\u{200b}' {
            continue;
        } else {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.push(c);
        }
    }
    out
}

/// Like [`clean`], but keeps one leading and one trailing space when the
/// text had them (runs of a paragraph are joined as they are).
pub fn clean_run(s: &str) -> String {
    let inner = clean(s);
    if inner.is_empty() {
        return if s.chars().any(|c| c.is_whitespace() || c == '\u{a0}') {
            " ".to_string()
        } else {
            String::new()
        };
    }
    let lead = s.starts_with(|c: char| c.is_whitespace() || c == '\u{a0}');
    let trail = s.ends_with(|c: char| c.is_whitespace() || c == '\u{a0}');
    format!(
        "{}{inner}{}",
        if lead { " " } else { "" },
        if trail { " " } else { "" }
    )
}

/// A feed's text or a URL made safe to print on a terminal: control
/// characters (C0, DEL, C1) and the direction controls written as `\u{…}`,
/// so a page cannot move the cursor, clear the screen or turn the line
/// around.
pub fn terminal(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_control() || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}') {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

/// An RFC 3339 time in Vietnam time (+07:00) for a wall-clock reading in
/// Vietnam.
pub fn vietnam_time(date: Date, hour: u8, minute: u8) -> String {
    format!("{date}T{hour:02}:{minute:02}:00+07:00")
}

/// The same instant written in Vietnam time (+07:00).
pub fn in_vietnam(t: DateTime) -> String {
    DateTime {
        unix: t.unix,
        offset: VIETNAM_OFFSET_SECS as i32,
    }
    .to_rfc3339()
}

/// A Unix time written in Vietnam time.
pub fn unix_in_vietnam(unix: i64) -> String {
    in_vietnam(DateTime { unix, offset: 0 })
}

/// "dd/mm/yyyy" (or "d/m/yyyy", "dd-mm-yyyy") anywhere in `s`, with the
/// hour and minute after it when there are ("10/01/2022 19:00",
/// "19:00 10/01/2022" too).
pub fn find_vn_date(s: &str) -> Option<(Date, Option<(u8, u8)>)> {
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i].is_ascii_digit() && (i == 0 || !b[i - 1].is_ascii_digit()) {
            if let Some((date, end)) = date_at(b, i) {
                let time = time_near(&s[end..]).or_else(|| time_before(&s[..i]));
                return Some((date, time));
            }
        }
        i += 1;
    }
    None
}

fn number(b: &[u8], i: usize, max_len: usize) -> Option<(u32, usize)> {
    let len = b[i..]
        .iter()
        .take(max_len + 1)
        .take_while(|c| c.is_ascii_digit())
        .count();
    if len == 0 || len > max_len {
        return None;
    }
    let n = std::str::from_utf8(&b[i..i + len]).ok()?.parse().ok()?;
    Some((n, i + len))
}

fn date_at(b: &[u8], i: usize) -> Option<(Date, usize)> {
    let (d, j) = number(b, i, 2)?;
    let sep = *b.get(j)?;
    if !matches!(sep, b'/' | b'-' | b'.') {
        return None;
    }
    let (m, k) = number(b, j + 1, 2)?;
    if b.get(k) != Some(&sep) {
        return None;
    }
    let (y, end) = number(b, k + 1, 4)?;
    if end - (k + 1) != 4 {
        return None;
    }
    Some((Date::new(y as i32, m as u8, d as u8)?, end))
}

/// "19:00" or "19h00" within the first few characters of `s`.
fn time_near(s: &str) -> Option<(u8, u8)> {
    let head: String = s.chars().take(8).collect();
    hour_minute(&head)
}

fn time_before(s: &str) -> Option<(u8, u8)> {
    let tail: String = {
        let chars: Vec<char> = s.chars().collect();
        chars[chars.len().saturating_sub(8)..].iter().collect()
    };
    hour_minute(&tail)
}

/// The first "HH:MM" or "HHhMM" in `s`.
pub fn hour_minute(s: &str) -> Option<(u8, u8)> {
    let b = s.as_bytes();
    for i in 0..b.len() {
        if !b[i].is_ascii_digit() || (i > 0 && b[i - 1].is_ascii_digit()) {
            continue;
        }
        let Some((h, j)) = number(b, i, 2) else {
            continue;
        };
        if !matches!(b.get(j), Some(b':' | b'h' | b'H')) {
            continue;
        }
        let Some((m, k)) = number(b, j + 1, 2) else {
            if matches!(b.get(j), Some(b'h' | b'H')) && h < 24 {
                return Some((h as u8, 0));
            }
            continue;
        };
        if k - (j + 1) == 2 && h < 24 && m < 60 {
            return Some((h as u8, m as u8));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_composes_and_collapses() {
        // "Tuyên" typed decomposed (e + U+0302 + U+0300 is "ề"): composed.
        assert_eq!(
            clean("  Tuye\u{302}n\u{a0}\u{a0}gia\u{301}o \n"),
            "Tuyên giáo"
        );
        assert_eq!(clean("a\u{7}b\u{200b}c"), "abc");
        assert_eq!(clean_run(" đậm "), " đậm ");
        assert_eq!(clean_run("\u{a0}"), " ");
    }

    #[test]
    fn terminal_escapes_controls() {
        assert_eq!(terminal("a\u{1b}[2Jb"), "a\\u{1b}[2Jb");
        assert_eq!(terminal("x\u{202e}y"), "x\\u{202e}y");
        assert_eq!(terminal("Lịch công tác"), "Lịch công tác");
    }

    #[test]
    fn vietnamese_date_lines() {
        let d = |y, m, day| Date::new(y, m, day).unwrap();
        assert_eq!(
            find_vn_date("Thứ hai - 10/01/2022 19:00"),
            Some((d(2022, 1, 10), Some((19, 0))))
        );
        assert_eq!(
            find_vn_date("Thứ Ba, 24/11/2020, 18:50 [GMT+7]"),
            Some((d(2020, 11, 24), Some((18, 50))))
        );
        assert_eq!(find_vn_date("Ngày 3/2/2026"), Some((d(2026, 2, 3), None)));
        assert_eq!(find_vn_date("31/02/2026"), None);
        assert_eq!(hour_minute("Từ 7h30 đến 9h"), Some((7, 30)));
    }

    #[test]
    fn vietnam_times() {
        assert_eq!(unix_in_vietnam(0), "1970-01-01T07:00:00+07:00".to_string());
        let t = DateTime::parse_rfc3339("2026-11-23T01:30:00Z").unwrap();
        assert_eq!(in_vietnam(t), "2026-11-23T08:30:00+07:00");
    }
}
