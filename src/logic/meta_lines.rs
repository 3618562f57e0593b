//! The small lines of names and figures around a story, a document and the
//! site: views and downloads (shown only when the portal counts them), the
//! author with their position, and the visitor counters as the portal
//! labels them. Pure, tested natively.

use bantin_format::display;
use bantin_format::model::{Period, Site};
use bantin_format::text::is_blank;

use crate::strings;

/// "Lượt xem 1.234"; None when the portal does not count views (a count of
/// 0 is a count, and is shown).
pub fn views(views: Option<u64>) -> Option<String> {
    views.map(|n| format!("{} {}", strings::VIEWS, display::number(n)))
}

/// A document's counts, "Lượt xem: 95 | Lượt tải: 83", with only those the
/// portal counts; None when it counts neither.
pub fn document_counts(views: Option<u64>, downloads: Option<u64>) -> Option<String> {
    let parts: Vec<String> = [(strings::VIEWS, views), (strings::DOWNLOADS, downloads)]
        .into_iter()
        .filter_map(|(label, n)| n.map(|n| format!("{label}: {}", display::number(n))))
        .collect();
    (!parts.is_empty()).then(|| parts.join(" | "))
}

/// Whether a picture's credit needs the app's "Ảnh:" in front: not when
/// the portal wrote it already ("Ảnh: Minh Anh", "ẢNH - Minh Anh", as the
/// format doc's own example does), which would read "Ảnh: Ảnh: Minh Anh".
pub fn credit_needs_label(credit: &str) -> bool {
    let folded = bantin_format::text::fold(credit.trim_start());
    let label = bantin_format::text::fold(strings::PHOTO_CREDIT);
    let word = label.trim_end_matches(':');
    match folded.strip_prefix(word) {
        // "Ảnh" then a separator, not "Ảnh hưởng…" nor "Anh Tuấn".
        Some(rest) => !rest.trim_start().starts_with([':', '-', '–', '—']),
        None => true,
    }
}

/// The author's position, to follow the name ("Nguyễn Văn A, Phó Trưởng
/// ban"): None without an author, or when the position is blank.
pub fn author_position<'a>(author: Option<&str>, position: Option<&'a str>) -> Option<&'a str> {
    author.filter(|a| !is_blank(a))?;
    position.map(str::trim).filter(|p| !is_blank(p))
}

/// What a visitor counter counts, as Vietnamese portals label it.
pub fn period_label(period: Period) -> Option<&'static str> {
    Some(match period {
        Period::Online => strings::COUNTER_ONLINE,
        Period::Today => strings::COUNTER_TODAY,
        Period::Yesterday => strings::COUNTER_YESTERDAY,
        Period::Week => strings::COUNTER_WEEK,
        Period::Month => strings::COUNTER_MONTH,
        Period::Year => strings::COUNTER_YEAR,
        Period::Total => strings::COUNTER_TOTAL,
        Period::Other => return None,
    })
}

/// The visitor counters to show, labelled, in the portal's order: its 1.1
/// `visits` when it gives them, else its 1.0 `counters` (online, today,
/// total); empty when it has neither.
pub fn visitor_counts(site: &Site) -> Vec<(&'static str, String)> {
    if !site.visits.is_empty() {
        return site
            .visits
            .iter()
            .filter_map(|v| period_label(v.period).map(|l| (l, display::number(v.count))))
            .collect();
    }
    site.counters
        .map(|c| {
            vec![
                (strings::COUNTER_ONLINE, display::number(c.online)),
                (strings::COUNTER_TODAY, display::number(c.today)),
                (strings::COUNTER_TOTAL, display::number(c.total)),
            ]
        })
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_invisible_author_or_position_is_blank() {
        assert_eq!(
            author_position(Some("\u{200B}"), Some("Phó Trưởng ban")),
            None
        );
        assert_eq!(
            author_position(Some("Nguyễn Văn A"), Some("\u{200B} ")),
            None
        );
        assert_eq!(
            author_position(Some("Nguyễn Văn A"), Some(" Phó Trưởng ban ")),
            Some("Phó Trưởng ban")
        );
    }

    #[test]
    fn a_credit_that_names_itself_a_photo_gets_no_second_label() {
        for written in [
            "Ảnh: Minh Anh",
            "ảnh : Minh Anh",
            "ẢNH - Minh Anh",
            "  Anh: Minh Anh",
            "Ảnh – TTXVN",
        ] {
            assert!(!credit_needs_label(written), "{written}");
        }
        for plain in ["Minh Anh", "Anh Tuấn", "Ảnh hưởng", "TTXVN", ""] {
            assert!(credit_needs_label(plain), "{plain}");
        }
    }
    use bantin_format::model::{Contact, Counters, Visit};

    fn site(counters: Option<Counters>, visits: Vec<Visit>) -> Site {
        Site {
            name: "Ban Tuyên giáo Tỉnh ủy".into(),
            department: "Tỉnh ủy".into(),
            short_name: "BTG".into(),
            logo: None,
            description: None,
            contact: Contact::default(),
            linked_websites: Vec::new(),
            quick_links: Vec::new(),
            counters,
            visits,
        }
    }

    #[test]
    fn views_are_shown_only_when_counted() {
        assert_eq!(views(Some(18089)).as_deref(), Some("Lượt xem 18.089"));
        assert_eq!(views(Some(0)).as_deref(), Some("Lượt xem 0"));
        assert_eq!(views(None), None);
    }

    #[test]
    fn document_counts_show_what_is_counted() {
        assert_eq!(
            document_counts(Some(95), Some(83)).as_deref(),
            Some("Lượt xem: 95 | Lượt tải: 83")
        );
        assert_eq!(
            document_counts(None, Some(1200)).as_deref(),
            Some("Lượt tải: 1.200")
        );
        assert_eq!(
            document_counts(Some(0), None).as_deref(),
            Some("Lượt xem: 0")
        );
        assert_eq!(document_counts(None, None), None);
    }

    #[test]
    fn a_position_follows_an_author_only() {
        assert_eq!(
            author_position(Some("Nguyễn Văn A"), Some(" Phó Trưởng ban ")),
            Some("Phó Trưởng ban")
        );
        assert_eq!(author_position(None, Some("Phó Trưởng ban")), None);
        assert_eq!(author_position(Some(" "), Some("Phó Trưởng ban")), None);
        assert_eq!(author_position(Some("Nguyễn Văn A"), Some("")), None);
        assert_eq!(author_position(Some("Nguyễn Văn A"), None), None);
    }

    #[test]
    fn counters_are_labelled_as_the_portal_gives_them() {
        let visits = vec![
            Visit {
                period: Period::Online,
                count: 57,
            },
            Visit {
                period: Period::Today,
                count: 1124,
            },
            Visit {
                period: Period::Yesterday,
                count: 1380,
            },
            Visit {
                period: Period::Week,
                count: 8215,
            },
            Visit {
                period: Period::Month,
                count: 30412,
            },
            Visit {
                period: Period::Year,
                count: 402_118,
            },
            Visit {
                period: Period::Total,
                count: 4_216_935,
            },
        ];
        let old = Counters {
            online: 1,
            today: 2,
            total: 3,
        };
        assert_eq!(
            visitor_counts(&site(Some(old), visits)),
            vec![
                ("Đang truy cập", "57".to_string()),
                ("Hôm nay", "1.124".to_string()),
                ("Hôm qua", "1.380".to_string()),
                ("Tuần này", "8.215".to_string()),
                ("Tháng này", "30.412".to_string()),
                ("Năm nay", "402.118".to_string()),
                ("Tổng lượt truy cập", "4.216.935".to_string()),
            ]
        );
        // Whichever the portal has, in its order.
        let some = vec![
            Visit {
                period: Period::Total,
                count: 900,
            },
            Visit {
                period: Period::Online,
                count: 4,
            },
        ];
        assert_eq!(
            visitor_counts(&site(None, some)),
            vec![
                ("Tổng lượt truy cập", "900".to_string()),
                ("Đang truy cập", "4".to_string())
            ]
        );
        // A 1.0 feed's counters.
        assert_eq!(
            visitor_counts(&site(Some(old), Vec::new())),
            vec![
                ("Đang truy cập", "1".to_string()),
                ("Hôm nay", "2".to_string()),
                ("Tổng lượt truy cập", "3".to_string()),
            ]
        );
        assert!(visitor_counts(&site(None, Vec::new())).is_empty());
        assert_eq!(period_label(Period::Other), None);
    }
}
