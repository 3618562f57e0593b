use super::*;

#[test]
fn the_rss_pubdate_bug_is_repaired() {
    // publtime 2026-11-23 08:30:12 Vietnam = 01:30:12 UTC; NukeViet 4.5
    // writes the month (11) where the minutes (30) belong.
    let (t, buggy) = rss_pubdate("Mon, 23 Nov 2026 01:11:12 GMT").unwrap();
    assert!(buggy);
    assert_eq!(in_vietnam(t), "2026-11-23T08:00:12+07:00");
    // A correct one (another CMS, or a fixed NukeViet) is read as it is.
    let (t, buggy) = rss_pubdate("Mon, 23 Nov 2026 01:30:12 GMT").unwrap();
    assert!(!buggy);
    assert_eq!(in_vietnam(t), "2026-11-23T08:30:12+07:00");
    assert!(rss_pubdate("không phải ngày").is_none());
}

#[test]
fn nukeviet_weeks_are_not_iso_weeks() {
    let d = |y, m, day| Date::new(y, m, day).unwrap();
    // 1 January 2027 is a Friday: its week (28/12/2026–03/01/2027) is
    // NukeViet's week 1 of 2027, ISO's 2026-W53.
    assert_eq!(nukeviet_week(d(2026, 12, 28)), (2027, 1));
    assert_eq!(d(2026, 12, 28).iso_week().to_string(), "2026-W53");
    assert_eq!(nukeviet_week(d(2027, 1, 4)), (2027, 2));
    assert_eq!(d(2027, 1, 4).iso_week().to_string(), "2027-W01");
    // 2026 starts on a Thursday: ISO and NukeViet agree then.
    assert_eq!(nukeviet_week(d(2026, 11, 23)), (2026, 48));
    assert_eq!(d(2026, 11, 23).iso_week().to_string(), "2026-W48");
    // 2022 starts on a Saturday: NukeViet's week 48 is ISO's 47.
    assert_eq!(nukeviet_week(d(2022, 11, 21)), (2022, 48));
    assert_eq!(d(2022, 11, 21).iso_week().to_string(), "2022-W47");
}

#[test]
fn law_titles_and_numbers() {
    // Numeric character references, as the laws RSS may carry them.
    let title =
        crate::feed::html_text("[112-HD/BTGTU] H&#432;&#7899;ng d&#7851;n tuy&#234;n truy&#7873;n");
    assert_eq!(
        split_law_title(&title),
        Some(("112-HD/BTGTU".into(), "Hướng dẫn tuyên truyền".into()))
    );
    assert_eq!(split_law_title("Không có số"), None);
    assert_eq!(type_from_number("112-HD/BTGTU"), Some("Hướng dẫn"));
    assert_eq!(type_from_number("06-NQ/TW"), Some("Nghị quyết"));
    assert_eq!(type_from_number("45-QĐ/TU"), Some("Quyết định"));
    assert_eq!(type_from_number("12/XYZ"), None);
}

#[test]
fn addresses() {
    let u =
        "https://btg.example.vn/index.php?language=vi&nv=news&op=tin-tuc/hoi-nghi-tong-ket-1052";
    assert_eq!(article_number(u), Some(1052));
    assert_eq!(category_alias(u).as_deref(), Some("tin-tuc"));
    let f = "https://btg.example.vn/news/hoc-tap-lam-theo-bac/guong-sang-1053.html";
    assert_eq!(article_number(f), Some(1053));
    assert_eq!(category_alias(f).as_deref(), Some("hoc-tap-lam-theo-bac"));
    assert_eq!(
        count_after("Giờ đăng · Đã xem: 1.234 · Bình luận", "Đã xem:"),
        Some(1234)
    );
}

#[test]
fn a_week_table_into_entries() {
    let page = r#"<table class="table table-bordered schedule-list mb20"><thead><tr>
<th class="text-center">Thứ/Ngày</th><th class="text-center">Thời gian</th>
<th class="text-center">Nội dung</th><th class="text-center">Thành phần</th>
<th class="text-center">Địa điểm</th><th class="text-center">Chủ trì</th><th class="text-center">Ghi chú</th>
</tr></thead><tbody>
<tr><th colspan="7" class="week-head">Tuần 1</th></tr>
<tr><td class="text-center middle" rowspan="2">Thứ hai<br />28/12/2026</td>
<td class="text-center middle highlights"><strong>07:30 - 09:00</strong></td>
<td class="middle highlights">Chào cờ đầu tuần, giao ban lãnh đạo Ban</td>
<td class="middle highlights">Lãnh đạo Ban, trưởng các phòng</td>
<td class="middle highlights">Phòng họp số 1</td><td class="middle highlights">Trưởng Ban</td><td class="middle highlights"></td></tr>
<tr><td class="text-center middle"><strong>14:00</strong></td>
<td class="middle">Làm việc với Ban Tuyên giáo Huyện ủy <script>x()</script></td><td class="middle"></td>
<td class="middle">Huyện ủy</td><td class="middle">Phó Trưởng Ban</td><td class="middle">Xe xuất phát 13:15</td></tr>
<tr><td class="text-center middle">Chủ nhật<br />03/01/2027</td>
<td class="text-center middle"><strong>19:00</strong></td>
<td class="middle">Trực Tết Dương lịch</td><td class="middle"></td><td class="middle"></td><td class="middle"></td><td class="middle"></td></tr>
</tbody></table>"#;
    let mut report = Report::default();
    let e = week_entries(page, "tuan-1-2027", &mut report);
    assert_eq!(e.len(), 3);
    assert_eq!(e[0].start, "2026-12-28T07:30:00+07:00");
    assert_eq!(e[0].end.as_deref(), Some("2026-12-28T09:00:00+07:00"));
    assert!(e[0].emphasis);
    assert_eq!(
        e[0].participants.as_deref(),
        Some("Lãnh đạo Ban, trưởng các phòng")
    );
    assert_eq!(e[0].location.as_deref(), Some("Phòng họp số 1"));
    assert_eq!(e[0].chair.as_deref(), Some("Trưởng Ban"));
    assert_eq!(e[1].start, "2026-12-28T14:00:00+07:00");
    assert_eq!(e[1].session, Session::Chieu);
    assert_eq!(e[1].content, "Làm việc với Ban Tuyên giáo Huyện ủy");
    assert_eq!(e[1].note.as_deref(), Some("Xe xuất phát 13:15"));
    assert_eq!(e[2].start, "2027-01-03T19:00:00+07:00");
    assert_eq!(e[2].session, Session::Toi);
    // NukeViet's week 1 of 2027 is ISO week 2026-W53.
    let weeks = crate::ics::weeks(e);
    assert_eq!(weeks.len(), 1);
    assert_eq!(weeks[0].week, "2026-W53");
}

#[test]
fn an_author_line_gives_the_position_only_when_it_names_one() {
    assert_eq!(
        author_and_position("Lê Thu Hà, Phó Trưởng phòng Tuyên truyền"),
        (
            Some("Lê Thu Hà".to_string()),
            Some("Phó Trưởng phòng Tuyên truyền".to_string())
        )
    );
    // Two authors stay one line.
    assert_eq!(
        author_and_position("Minh Anh, Thu Hà"),
        (Some("Minh Anh, Thu Hà".to_string()), None)
    );
    assert_eq!(
        author_and_position(" Minh Anh "),
        (Some("Minh Anh".to_string()), None)
    );
    assert_eq!(author_and_position("  "), (None, None));
}

#[test]
fn an_rss_author_is_read_as_a_name() {
    let person = |name: &str, email: Option<&str>| feed_rs::model::Person {
        name: name.to_string(),
        uri: None,
        email: email.map(str::to_string),
    };
    let rss = |text: &str| crate::feed::author_name(&person("author", Some(text)));
    assert_eq!(rss("Lê Thu Hà"), Some("Lê Thu Hà".into()));
    assert_eq!(rss("btg@mauson.vn (Minh Anh)"), Some("Minh Anh".into()));
    assert_eq!(rss("btg@mauson.vn"), None);
    assert_eq!(
        crate::feed::author_name(&person("Thu Hà", None)),
        Some("Thu Hà".into())
    );
}
