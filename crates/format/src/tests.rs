//! One test per validation rule: a bad input and the message it gets.

use serde_json::{json, Value};

use crate::model::*;
use crate::validate::*;

fn summary(id: &str) -> Value {
    json!({
        "id": id, "slug": format!("bai-{id}"), "title": "Hội nghị tổng kết công tác tuyên giáo",
        "sapo": "Tóm tắt.", "published": "2026-11-20T08:00:00+07:00", "category": "c1", "views": 10
    })
}

fn index_with(edit: impl FnOnce(&mut Value)) -> String {
    let mut v = json!({
        "format_version": "1.0",
        "kind": "index",
        "generated_at": "2026-11-23T07:00:00+07:00",
        "site": {
            "name": "Ban Tuyên giáo Tỉnh ủy", "department": "Tỉnh ủy", "short_name": "BTG",
            "contact": {}, "linked_websites": [{"title": "Báo Nhân Dân", "url": "https://nhandan.vn"}],
            "quick_links": []
        },
        "categories": [{"id": "c1", "slug": "tin-tuc-su-kien", "name": "Tin tức – sự kiện", "order": 1}],
        "latest": [summary("a1"), summary("a2"), summary("a3")],
        "featured": ["a1"],
        "news": {"page_size": 20, "lists": [{"id": "tat-ca", "pages": 1, "total": 3}]},
        "calendar": {"weeks": ["2026-W48"], "embedded": []},
        "documents": {"total": 0, "page_size": 50, "pages": 1, "latest": []}
    });
    edit(&mut v);
    v.to_string()
}

fn week_with(edit: impl FnOnce(&mut Value)) -> String {
    let mut v = json!({
        "format_version": "1.0", "kind": "calendar-week", "week": "2026-W48",
        "entries": [
            {"id": "e1", "start": "2026-11-23T08:00:00+07:00", "end": "2026-11-23T10:00:00+07:00",
             "session": "sang", "content": "Giao ban Ban Tuyên giáo"},
            {"id": "e2", "start": "2026-11-24T14:00:00+07:00", "session": "chieu", "content": "Họp chi bộ"}
        ]
    });
    edit(&mut v);
    v.to_string()
}

fn document_json() -> Value {
    json!({
        "id": "112-hd-btgtu", "number": "112-HD/BTGTU", "type": "Hướng dẫn",
        "issuer": "Ban Tuyên giáo Tỉnh ủy", "issued": "2026-11-20", "summary": "Hướng dẫn tuyên truyền.",
        "files": [{"name": "112.pdf", "url": "files/112.pdf", "media_type": "application/pdf", "size": 1200}],
        "views": 10, "downloads": 3
    })
}

fn document_with(edit: impl FnOnce(&mut Value)) -> String {
    let mut d = document_json();
    edit(&mut d);
    json!({"format_version": "1.0", "kind": "document", "document": d}).to_string()
}

fn article_with(edit: impl FnOnce(&mut Value)) -> String {
    let mut a = summary("a1");
    a["related"] = json!(["a2"]);
    a["body"] = json!([
        {"type": "paragraph", "runs": [{"text": "Sáng 23/11, "}, {"text": "hội nghị", "bold": true}]},
        {"type": "image", "src": "media/a.webp", "alt": "Quang cảnh hội nghị", "caption": "Quang cảnh"}
    ]);
    let mut v = json!({"format_version": "1.0", "kind": "article", "article": a});
    edit(&mut v);
    v.to_string()
}

fn messages<T>(c: &Checked<T>) -> Vec<String> {
    c.problems.iter().map(ToString::to_string).collect()
}

fn has<T>(c: &Checked<T>, severity: Severity, text: &str) -> bool {
    c.problems
        .iter()
        .any(|p| p.severity == severity && p.to_string() == text)
}

#[track_caller]
fn assert_has<T>(c: &Checked<T>, severity: Severity, text: &str) {
    assert!(
        has(c, severity, text),
        "expected {severity} \"{text}\", got {:#?}",
        messages(c)
    );
}

#[test]
fn a_good_index_has_no_problems() {
    let c = parse_index(&index_with(|_| {}));
    assert_eq!(messages(&c), Vec::<String>::new());
    let index = c.value.unwrap();
    assert_eq!(index.latest.len(), 3);
    assert_eq!(index.site.linked_websites.len(), 1);
}

#[test]
fn unreadable_json_is_fatal() {
    let c = parse_index("{\"format_version\": \"1.0\", \"kind\": \"ind");
    assert!(c.is_fatal());
    assert!(
        messages(&c)[0].starts_with("not valid JSON"),
        "{:?}",
        messages(&c)
    );
    let c = parse_index("<!doctype html><title>502 Bad Gateway</title>");
    assert!(c.is_fatal());
}

#[test]
fn a_file_that_is_not_an_object_is_fatal() {
    let c = parse_index("[1, 2, 3]");
    assert!(c.is_fatal());
    assert_has(&c, Severity::Fatal, "the file must hold a JSON object");
}

#[test]
fn every_file_must_state_its_version() {
    let c = parse_index(&index_with(|v| {
        v.as_object_mut().unwrap().remove("format_version");
    }));
    assert!(c.is_fatal());
    assert_has(
        &c,
        Severity::Fatal,
        "format_version: missing: every file must state its format version",
    );
    let c = parse_index(&index_with(|v| v["format_version"] = json!("mot")));
    assert_has(
        &c,
        Severity::Fatal,
        "format_version: \"mot\" is not a version like \"1.0\"",
    );
}

#[test]
fn an_unknown_major_version_is_fatal_but_a_new_minor_is_fine() {
    let c = parse_index(&index_with(|v| v["format_version"] = json!("2.0")));
    assert!(c.is_fatal());
    assert_has(
        &c,
        Severity::Fatal,
        "format_version: version 2.0 is not supported: this reader understands 1.x (got major 2)",
    );
    let c = parse_index(&index_with(|v| v["format_version"] = json!("1.7")));
    assert!(!c.is_fatal());
}

#[test]
fn the_wrong_kind_is_fatal() {
    let c = parse_index(&week_with(|_| {}));
    assert!(c.is_fatal());
    assert_has(
        &c,
        Severity::Fatal,
        "kind: expected \"index\", found \"calendar-week\"",
    );
}

#[test]
fn a_bad_time_drops_only_its_item() {
    let c = parse_index(&index_with(|v| {
        v["latest"][1]["published"] = json!("23/11/2026 08:00")
    }));
    assert_has(
        &c,
        Severity::Error,
        "latest[1].published: not an RFC 3339 time with an offset (e.g. 2026-11-23T08:30:00+07:00)",
    );
    assert_has(&c, Severity::Error, "latest[1]: item dropped");
    let ids: Vec<_> = c.value.unwrap().latest.into_iter().map(|a| a.id).collect();
    assert_eq!(ids, ["a1", "a3"]);
}

#[test]
fn a_time_without_offset_is_an_error() {
    let c = parse_index(&index_with(|v| {
        v["latest"][0]["published"] = json!("2026-11-20T08:00:00")
    }));
    assert!(has(
        &c,
        Severity::Error,
        "latest[0].published: not an RFC 3339 time with an offset (e.g. 2026-11-23T08:30:00+07:00)"
    ));
}

#[test]
fn a_missing_required_field_names_it() {
    let c = parse_index(&index_with(|v| {
        v["latest"][2].as_object_mut().unwrap().remove("title");
    }));
    assert_has(&c, Severity::Error, "latest[2]: missing field `title`");
    assert_eq!(c.value.unwrap().latest.len(), 2);
}

#[test]
fn a_wrong_type_names_its_path() {
    let c = parse_index(&index_with(|v| v["latest"][0]["views"] = json!("nhiều")));
    assert_has(
        &c,
        Severity::Error,
        "latest[0].views: invalid type: string \"nhiều\", expected u64",
    );
}

#[test]
fn an_empty_title_is_an_error() {
    let c = parse_index(&index_with(|v| v["latest"][0]["title"] = json!("   ")));
    assert_has(
        &c,
        Severity::Error,
        "latest[0].title: must not be empty (spaces and invisible characters do not count)",
    );
}

#[test]
fn huge_text_is_refused() {
    let c = parse_index(&index_with(|v| {
        v["latest"][0]["sapo"] = json!("a".repeat(MAX_TEXT_CHARS + 1))
    }));
    assert_has(
        &c,
        Severity::Error,
        "latest[0].sapo: longer than 100000 characters",
    );
}

#[test]
fn ids_and_slugs_must_be_kebab_ascii() {
    let c = parse_index(&index_with(|v| v["latest"][0]["slug"] = json!("Hội-nghị")));
    assert_has(
        &c,
        Severity::Error,
        "latest[0].slug: \"Hội-nghị\" is not a valid id (lowercase a-z, 0-9 and single hyphens)",
    );
    assert!(is_slug("hoi-nghi-2026"));
    for bad in ["", "-a", "a-", "a--b", "A", "a b", "a/b", "a_b", "đ"] {
        assert!(!is_slug(bad), "{bad:?}");
    }
}

#[test]
fn duplicate_ids_keep_the_first() {
    let c = parse_index(&index_with(|v| v["latest"][2] = summary("a1")));
    assert_has(
        &c,
        Severity::Error,
        "latest[2]: duplicate id \"a1\": item dropped",
    );
    assert_eq!(c.value.unwrap().latest.len(), 2);
}

#[test]
fn unsafe_link_urls_are_errors() {
    let c = parse_index(&index_with(|v| {
        v["site"]["linked_websites"][0]["url"] = json!("javascript:alert(1)")
    }));
    assert_has(
        &c,
        Severity::Error,
        "site.linked_websites[0].url: \"javascript:alert(1)\" is not an allowed URL (http(s) or a relative path)",
    );
    assert!(c.value.unwrap().site.linked_websites.is_empty());
}

#[test]
fn url_rules() {
    for ok in [
        "https://tuyengiao.vn/a?b=1#c",
        "http://example.vn",
        "/van-ban/112",
        "files/a.pdf",
        "?q=1",
        "#muc-1",
    ] {
        assert!(is_safe_url(ok, UrlUse::Link), "{ok}");
    }
    for bad in [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        " javascript:alert(1)",
        "java\tscript:alert(1)",
        "vbscript:msgbox(1)",
        "data:text/html,<script>alert(1)</script>",
        "data:image/png;base64,AAAA",
        "file:///etc/passwd",
        "//evil.example/x",
        "/\\evil.example",
        "https://",
        "http:/x",
        "",
    ] {
        assert!(!is_safe_url(bad, UrlUse::Link), "{bad:?}");
    }
    assert!(is_safe_url(
        "data:image/png;base64,iVBORw0KGgo=",
        UrlUse::Image
    ));
    assert!(!is_safe_url(
        "data:image/svg+xml;base64,PHN2Zz4=",
        UrlUse::Image
    ));
    assert!(!is_safe_url(
        "data:text/html;base64,PHN2Zz4=",
        UrlUse::Image
    ));
}

#[test]
fn unknown_fields_are_notes() {
    let c = parse_index(&index_with(|v| {
        v["latest"][0]["rating"] = json!(5);
        v["theme"] = json!("dark");
    }));
    assert_has(
        &c,
        Severity::Note,
        "latest[0].rating: unknown field (ignored)",
    );
    assert_has(&c, Severity::Note, "theme: unknown field (ignored)");
    assert!(!c.has_errors());
}

#[test]
fn references_to_unknown_ids_are_warnings() {
    let c = parse_index(&index_with(|v| {
        v["latest"][0]["category"] = json!("c9");
        v["featured"] = json!(["a7"]);
    }));
    assert_has(
        &c,
        Severity::Warning,
        "latest[0].category: unknown category \"c9\"",
    );
    assert_has(
        &c,
        Severity::Warning,
        "featured[0]: \"a7\" is not among the latest articles",
    );
    assert_eq!(c.value.unwrap().latest.len(), 3);
}

#[test]
fn a_missing_site_makes_the_index_unusable() {
    let c = parse_index(&index_with(|v| {
        v.as_object_mut().unwrap().remove("site");
    }));
    assert!(c.is_fatal());
    assert_has(&c, Severity::Fatal, "missing field `site`");
}

#[test]
fn a_good_article_parses_with_its_body() {
    let c = parse_article(&article_with(|_| {}));
    assert_eq!(messages(&c), Vec::<String>::new());
    let a = c.value.unwrap();
    assert_eq!(a.body.len(), 2);
    assert!(matches!(&a.body[1], Block::Image(img) if img.alt == "Quang cảnh hội nghị"));
}

#[test]
fn a_bad_block_is_dropped_and_the_article_kept() {
    let c = parse_article(&article_with(|v| {
        v["article"]["body"][0]["runs"][0]["link"] = json!("javascript:alert(document.cookie)");
    }));
    assert_has(
        &c,
        Severity::Error,
        "article.body[0].runs[0].link: \"javascript:alert(document.cookie)\" is not an allowed URL (http(s) or a relative path)",
    );
    assert_eq!(c.value.unwrap().body.len(), 1);
}

#[test]
fn an_unknown_block_type_is_dropped() {
    let c = parse_article(&article_with(|v| {
        v["article"]["body"][0] = json!({"type": "html", "html": "<script>alert(1)</script>"});
    }));
    assert!(c
        .problems
        .iter()
        .any(|p| p.path == "article.body[0].type" && p.message.contains("unknown variant `html`")));
    assert_eq!(c.value.unwrap().body.len(), 1);
}

#[test]
fn an_article_without_a_valid_date_cannot_be_shown() {
    let c = parse_article(&article_with(|v| {
        v["article"]["published"] = json!("hôm qua")
    }));
    assert!(c.is_fatal());
}

#[test]
fn calendar_entries_must_fall_inside_their_week() {
    let c = parse_calendar_week(&week_with(|v| {
        v["entries"][1]["start"] = json!("2026-11-30T14:00:00+07:00")
    }));
    assert_has(
        &c,
        Severity::Error,
        "entries[1].start: 2026-11-30 is not in week 2026-W48 (Vietnam time)",
    );
    assert_eq!(c.value.unwrap().entries.len(), 1);
}

#[test]
fn the_week_is_judged_in_vietnam_time() {
    // Sunday 29/11 23:30 in Vietnam, written in UTC: still inside W48.
    let c = parse_calendar_week(&week_with(|v| {
        v["entries"][1]["start"] = json!("2026-11-29T16:30:00Z");
        v["entries"][1]["session"] = json!("toi");
    }));
    assert_eq!(messages(&c), Vec::<String>::new());
}

#[test]
fn an_entry_cannot_end_before_it_starts() {
    let c = parse_calendar_week(&week_with(|v| {
        v["entries"][0]["end"] = json!("2026-11-23T07:00:00+07:00")
    }));
    assert_has(&c, Severity::Error, "entries[0].end: earlier than start");
}

#[test]
fn a_session_that_contradicts_the_time_is_a_warning() {
    let c = parse_calendar_week(&week_with(|v| v["entries"][0]["session"] = json!("toi")));
    assert_has(
        &c,
        Severity::Warning,
        "entries[0].session: does not match the start time",
    );
    assert_eq!(c.value.unwrap().entries.len(), 2);
}

#[test]
fn an_unknown_session_or_status_is_an_error() {
    let c = parse_calendar_week(&week_with(|v| {
        v["entries"][0]["status"] = json!("postponed")
    }));
    assert!(c
        .problems
        .iter()
        .any(|p| p.path == "entries[0].status" && p.message.contains("unknown variant")));
}

#[test]
fn a_bad_week_id_is_fatal() {
    let c = parse_calendar_week(&week_with(|v| v["week"] = json!("2025-W53")));
    assert!(c.is_fatal());
    assert_has(
        &c,
        Severity::Fatal,
        "week: \"2025-W53\" is not an ISO week like 2026-W48",
    );
}

#[test]
fn document_dates_are_checked() {
    let c = parse_document(&document_with(|d| d["issued"] = json!("20/11/2026")));
    assert!(c.is_fatal());
    assert_has(
        &c,
        Severity::Fatal,
        "document.issued: not a date in the form YYYY-MM-DD",
    );
    let c = parse_document(&document_with(|d| {
        d["effective"] = json!("2026-12-01");
        d["expires"] = json!("2026-11-01");
    }));
    assert_has(
        &c,
        Severity::Fatal,
        "document.expires: earlier than the date it takes effect",
    );
}

#[test]
fn document_files_need_safe_urls_and_media_types() {
    let c = parse_document(&document_with(|d| {
        d["files"][0]["url"] = json!("data:application/pdf;base64,JVBER")
    }));
    assert!(c.is_fatal());
    let c = parse_document(&document_with(|d| {
        d["files"][0]["media_type"] = json!("pdf")
    }));
    assert_has(
        &c,
        Severity::Fatal,
        "document.files[0].media_type: not a media type such as application/pdf",
    );
}

#[test]
fn a_documents_page_keeps_its_good_documents() {
    let mut bad = document_json();
    bad["id"] = json!("khac");
    bad["issued"] = json!("2026-13-01");
    let page = json!({
        "format_version": "1.0", "kind": "documents-page", "page": 1, "pages": 1, "total": 2,
        "items": [document_json(), bad]
    });
    let c = parse_documents_page(&page.to_string());
    assert_has(
        &c,
        Severity::Error,
        "items[1].issued: not a date in the form YYYY-MM-DD",
    );
    assert_eq!(c.value.unwrap().items.len(), 1);
}

#[test]
fn a_news_page_keeps_its_good_summaries() {
    let mut bad = summary("a2");
    bad["cover"] = json!({"src": "javascript:alert(1)", "alt": ""});
    let page = json!({
        "format_version": "1.0", "kind": "news-page", "list": "tat-ca", "page": 1, "pages": 1, "total": 2,
        "items": [summary("a1"), bad]
    });
    let c = parse_news_page(&page.to_string());
    assert!(c.problems.iter().any(|p| p.path == "items[1].cover.src"));
    assert_eq!(c.value.unwrap().items.len(), 1);
}

#[test]
fn problems_print_as_path_and_sentence() {
    let p = Problem {
        severity: Severity::Error,
        path: "articles[3].published".into(),
        message: "not an RFC 3339 time".into(),
    };
    assert_eq!(p.to_string(), "articles[3].published: not an RFC 3339 time");
}

// ------------------------------------------------ 1.1: one verdict rules

#[test]
fn text_of_invisible_characters_is_empty() {
    let c = parse_index(&index_with(|v| {
        v["latest"][0]["title"] = json!("\u{200B}\u{FEFF} \u{2060}\u{AD}");
    }));
    assert_has(
        &c,
        Severity::Error,
        "latest[0].title: must not be empty (spaces and invisible characters do not count)",
    );
    assert_eq!(c.value.unwrap().latest.len(), 2);
}

#[test]
fn a_direction_control_is_a_warning_and_the_item_is_kept() {
    let c = parse_index(&index_with(|v| {
        v["latest"][0]["title"] = json!("Hội nghị \u{202E}tổng kết");
    }));
    assert_has(
        &c,
        Severity::Warning,
        "latest[0].title: contains the direction control U+202E, which can reverse the text after it; the app shows this text isolated",
    );
    assert_eq!(c.value.unwrap().latest.len(), 3);
}

#[test]
fn time_forms_outside_the_format_are_errors() {
    for form in [
        "2026-11-20 08:00:00+07:00",
        "2026-11-20t08:00:00+07:00",
        "2026-11-20T01:00:00z",
        "2016-12-31T23:59:60Z",
    ] {
        let c = parse_index(&index_with(|v| v["latest"][1]["published"] = json!(form)));
        assert_has(
            &c,
            Severity::Error,
            "latest[1].published: not an RFC 3339 time with an offset (e.g. 2026-11-23T08:30:00+07:00)",
        );
    }
}

#[test]
fn a_blank_site_name_is_replaced_and_a_bad_logo_dropped() {
    let c = parse_index(&index_with(|v| {
        v["site"]["name"] = json!("\u{200B} ");
        v["site"]["logo"] = json!({"src": "javascript:alert(1)", "alt": "Logo"});
    }));
    assert_has(
        &c,
        Severity::Error,
        "site.name: must not be empty (spaces and invisible characters do not count)",
    );
    assert_has(&c, Severity::Error, "site.logo: item dropped");
    let site = c.value.unwrap().site;
    assert_eq!(site.name, "BTG");
    assert_eq!(site.logo, None);
    let c = parse_index(&index_with(|v| {
        for key in ["name", "department", "short_name"] {
            v["site"][key] = json!(" ");
        }
    }));
    assert_has(&c, Severity::Fatal, "site: the site has no name to show");
}

#[test]
fn frame_numbers_of_zero_are_fatal() {
    let c = parse_index(&index_with(|v| v["news"]["page_size"] = json!(0)));
    assert_has(&c, Severity::Fatal, "news.page_size: must be at least 1");
    let page = json!({"format_version": "1.1", "kind": "news-page", "list": "tat-ca",
        "page": 0, "pages": 1, "total": 0, "items": []});
    let c = parse_news_page(&page.to_string());
    assert_has(&c, Severity::Fatal, "page: must be at least 1");
    let c = parse_index(&index_with(|v| v["news"]["lists"][0]["pages"] = json!(0)));
    assert_has(
        &c,
        Severity::Error,
        "news.lists[0].pages: must be at least 1 (an empty list has one empty page): list dropped",
    );
}

#[test]
fn a_list_in_place_of_an_object_is_an_error() {
    let c = parse_documents_page(
        &json!({"format_version": "1.1", "kind": "documents-page", "page": 1, "pages": 1,
            "total": 1, "items": [document_json()]})
        .to_string()
        .replace("\"files\":[", "\"signer\":[\"Nguyễn Văn A\"],\"files\":["),
    );
    assert_has(
        &c,
        Severity::Error,
        "items[0].signer: must be an object or a value, not a list",
    );
    let c = parse_index(&index_with(|v| v["site"]["quick_links"] = json!(null)));
    assert_has(&c, Severity::Error, "site.quick_links: must be a list");
}

#[test]
fn integral_numbers_with_a_decimal_point_read() {
    let c = parse_index(&index_with(|v| v["latest"][0]["views"] = json!(12.0)));
    assert_eq!(messages(&c), Vec::<String>::new());
    assert_eq!(c.value.unwrap().latest[0].views, Some(12));
    let c = parse_index(&index_with(|v| v["latest"][0]["views"] = json!(12.5)));
    assert!(has(&c, Severity::Error, "latest[0]: item dropped"));
}

#[test]
fn blocks_that_hold_nothing_are_errors_and_an_empty_body_a_warning() {
    let c = parse_article(&article_with(|v| {
        v["article"]["body"] = json!([
            {"type": "list", "items": []},
            {"type": "table", "header": ["A"], "rows": []},
            {"type": "paragraph", "runs": [{"text": "Giữ lại."}]}
        ]);
    }));
    assert_has(
        &c,
        Severity::Error,
        "article.body[0].items: a list needs at least one item",
    );
    assert_has(
        &c,
        Severity::Error,
        "article.body[1].rows: a table needs at least one row",
    );
    assert_eq!(c.value.unwrap().body.len(), 1);
    let c = parse_article(&article_with(|v| v["article"]["body"] = json!([])));
    assert_has(
        &c,
        Severity::Warning,
        "article.body: empty: the article shows only its title and sapo",
    );
}

#[test]
fn a_link_without_visible_text_is_a_warning() {
    let c = parse_article(&article_with(|v| {
        v["article"]["body"][0]["runs"][1] =
            json!({"text": "\u{200B}", "link": "https://example.vn/"});
    }));
    assert_has(
        &c,
        Severity::Warning,
        "article.body[0].runs[1]: a link with no visible text: the app leaves it out",
    );
    assert_eq!(c.value.unwrap().body.len(), 2);
}

#[test]
fn media_types_and_tags_follow_the_schema() {
    let c = parse_document(&document_with(|d| {
        d["files"][0]["media_type"] = json!("application/ pdf");
    }));
    assert_has(
        &c,
        Severity::Fatal,
        "document.files[0].media_type: not a media type such as application/pdf",
    );
    let c = parse_index(&index_with(|v| v["latest"][0]["tags"] = json!(["—"])));
    assert_has(
        &c,
        Severity::Error,
        "latest[0].tags[0]: \"—\" has no letter or digit to make its list's address from",
    );
}

#[test]
fn lists_over_their_limit_are_cut_with_one_error() {
    let c = parse_index(&index_with(|v| {
        v["documents"]["latest"] = json!((0..12)
            .map(|i| {
                let mut d = document_json();
                d["id"] = json!(format!("vb-{i}"));
                d
            })
            .collect::<Vec<_>>());
    }));
    assert_has(
        &c,
        Severity::Error,
        "documents.latest: 12 documents, more than the 10 this list may hold: the last 2 are dropped",
    );
    assert_eq!(c.value.unwrap().documents.latest.len(), 10);
}

// ------------------------------------------------- 1.1: timing, end_date

#[test]
fn session_only_all_day_and_multi_day_entries_are_read() {
    let c = parse_calendar_week(&week_with(|v| {
        v["format_version"] = json!("1.1");
        v["entries"][0]["timing"] = json!("session");
        v["entries"][0]["start"] = json!("2026-11-23T07:30:00+07:00");
        v["entries"][0]["end"] = Value::Null;
        v["entries"][1]["timing"] = json!("all_day");
        v["entries"][1]["start"] = json!("2026-11-24T07:30:00+07:00");
        v["entries"][1]["session"] = json!("sang");
        v["entries"][1]["end_date"] = json!("2026-11-25");
        v["entries"][1]["end"] = json!("2026-11-25T17:00:00+07:00");
    }));
    assert_eq!(messages(&c), Vec::<String>::new());
    let week = c.value.unwrap();
    assert_eq!(week.entries[0].timing, Some(EntryTiming::Session));
    assert!(!week.entries[0].is_multi_day());
    let two_days = &week.entries[1];
    assert_eq!(two_days.timing, Some(EntryTiming::AllDay));
    assert!(two_days.is_multi_day());
    let day = |s: &str| crate::datetime::Date::parse(s).unwrap();
    assert!(two_days.covers(day("2026-11-24")) && two_days.covers(day("2026-11-25")));
    assert!(!two_days.covers(day("2026-11-26")) && !two_days.covers(day("2026-11-23")));
    // A 1.0 entry keeps its meaning: no timing, one day.
    let plain = parse_calendar_week(&week_with(|_| {})).value.unwrap();
    assert_eq!(plain.entries[0].timing, None);
    assert_eq!(plain.entries[0].last_day(), plain.entries[0].first_day());
}

#[test]
fn an_unknown_timing_is_an_error() {
    let c = parse_calendar_week(&week_with(|v| v["entries"][0]["timing"] = json!("ca_ngay")));
    assert_has(
        &c,
        Severity::Error,
        "entries[0].timing: unknown variant `ca_ngay`, expected `session` or `all_day`",
    );
    assert_eq!(c.value.unwrap().entries.len(), 1);
}

#[test]
fn end_date_must_be_a_date_not_before_the_start() {
    let c = parse_calendar_week(&week_with(|v| {
        v["entries"][1]["end_date"] = json!("25/11/2026")
    }));
    assert_has(
        &c,
        Severity::Error,
        "entries[1].end_date: not a date in the form YYYY-MM-DD",
    );
    let c = parse_calendar_week(&week_with(|v| {
        v["entries"][1]["end_date"] = json!("2026-11-23")
    }));
    assert_has(
        &c,
        Severity::Error,
        "entries[1].end_date: 2026-11-23 is before the day of start (2026-11-24)",
    );
    assert_eq!(c.value.unwrap().entries.len(), 1);
}

#[test]
fn an_end_date_on_the_start_day_is_a_warning() {
    let c = parse_calendar_week(&week_with(|v| {
        v["entries"][1]["end_date"] = json!("2026-11-24")
    }));
    assert_has(
        &c,
        Severity::Warning,
        "entries[1].end_date: the day of start: leave end_date out for a one-day entry",
    );
    let week = c.value.unwrap();
    assert_eq!(week.entries.len(), 2);
    assert!(!week.entries[1].is_multi_day());
}

#[test]
fn the_end_of_a_multi_day_entry_falls_on_its_end_date() {
    let c = parse_calendar_week(&week_with(|v| {
        v["entries"][0]["end_date"] = json!("2026-11-24");
        v["entries"][0]["end"] = json!("2026-11-23T17:00:00+07:00");
    }));
    assert_has(
        &c,
        Severity::Error,
        "entries[0].end: falls on 2026-11-23, not on end_date (2026-11-24)",
    );
    assert_eq!(c.value.unwrap().entries.len(), 1);
}

#[test]
fn a_multi_day_entry_belongs_to_every_week_it_touches() {
    // Sunday 22/11 (W47) to Tuesday 24/11: listed in W48 too, start and all.
    let c = parse_calendar_week(&week_with(|v| {
        v["entries"][1]["start"] = json!("2026-11-22T07:30:00+07:00");
        v["entries"][1]["session"] = json!("sang");
        v["entries"][1]["end_date"] = json!("2026-11-24");
    }));
    assert_eq!(messages(&c), Vec::<String>::new());
    assert_eq!(c.value.unwrap().entries.len(), 2);
    // Sunday 29/11 (W48) to Monday 30/11 (W49): in W48, its first week.
    let c = parse_calendar_week(&week_with(|v| {
        v["entries"][1]["start"] = json!("2026-11-29T07:30:00+07:00");
        v["entries"][1]["session"] = json!("sang");
        v["entries"][1]["end_date"] = json!("2026-11-30");
    }));
    assert_eq!(messages(&c), Vec::<String>::new());
    // Ending before the week starts: not this week's.
    let c = parse_calendar_week(&week_with(|v| {
        v["entries"][1]["start"] = json!("2026-11-20T07:30:00+07:00");
        v["entries"][1]["session"] = json!("sang");
        v["entries"][1]["end_date"] = json!("2026-11-22");
    }));
    assert_has(
        &c,
        Severity::Error,
        "entries[1].start: 2026-11-20 to 2026-11-22 does not touch week 2026-W48 (Vietnam time)",
    );
    assert_eq!(c.value.unwrap().entries.len(), 1);
}

#[test]
fn a_session_only_entry_starts_at_the_session_start() {
    let c = parse_calendar_week(&week_with(|v| v["entries"][1]["timing"] = json!("session")));
    // 14:00 is not 13:30, the conventional start of the afternoon.
    assert_has(
        &c,
        Severity::Warning,
        "entries[1].start: timing \"session\": start should be 13:30, the start of chieu",
    );
    assert_eq!(c.value.unwrap().entries.len(), 2);
}

#[test]
fn session_hours_fit_the_session_rule() {
    // Each session's conventional span starts where the `session` rule
    // puts it (sang before 12:00, chieu 12:00 to 17:59, toi from 18:00).
    for (s, from, to) in [
        (Session::Sang, 0, 12 * 60),
        (Session::Chieu, 12 * 60, 18 * 60),
        (Session::Toi, 18 * 60, 24 * 60),
    ] {
        let (start, end) = s.hours();
        assert!(from <= start && start < to && start < end, "{s:?}");
    }
    assert_eq!(Session::Sang.hours(), (450, 690));
}

// ------------------------------------------------------------ format 1.1

fn v1_1(text: String) -> String {
    let mut v: Value = serde_json::from_str(&text).unwrap();
    v["format_version"] = json!("1.1");
    v.to_string()
}

#[test]
fn a_date_only_story_is_written_at_midnight_vietnam_time() {
    let good = parse_index(&v1_1(index_with(|v| {
        v["latest"][0]["published"] = json!("2026-11-19T00:00:00+07:00");
        v["latest"][0]["updated"] = json!("2026-11-20T00:00:00+07:00");
        v["latest"][0]["date_only"] = json!(true);
    })));
    assert_eq!(messages(&good), Vec::<String>::new());
    assert!(good.value.unwrap().latest[0].date_only);

    let c = parse_index(&v1_1(index_with(|v| {
        v["latest"][0]["published"] = json!("2026-11-18T17:00:00Z");
        v["latest"][0]["updated"] = json!("2026-11-20T09:15:00+07:00");
        v["latest"][0]["date_only"] = json!(true);
    })));
    for field in ["published", "updated"] {
        assert_has(
            &c,
            Severity::Warning,
            &format!("latest[0].{field}: date_only is true, so this should be the day at 00:00 Vietnam time (YYYY-MM-DDT00:00:00+07:00)"),
        );
    }
    // Kept, and shown without an hour.
    assert_eq!(c.value.unwrap().latest.len(), 3);
    let c = parse_index(&v1_1(index_with(|v| {
        v["latest"][0]["date_only"] = json!("có")
    })));
    assert_has(
        &c,
        Severity::Error,
        "latest[0].date_only: invalid type: string \"có\", expected a boolean",
    );
}

#[test]
fn absent_views_mean_not_counted_from_1_1_and_zero_in_1_0() {
    let without = |v: &mut Value| {
        v["latest"][0].as_object_mut().unwrap().remove("views");
        v["latest"][1]["views"] = json!(0);
    };
    let new = parse_index(&v1_1(index_with(without))).value.unwrap();
    assert_eq!(new.latest[0].views, None);
    assert_eq!(new.latest[1].views, Some(0));
    assert_eq!(new.latest[2].views, Some(10));
    // A 1.0 file keeps its meaning: an absent count is 0.
    let old = parse_index(&index_with(without)).value.unwrap();
    assert_eq!(old.latest[0].views, Some(0));
    // The same for documents, in their own file and in the index.
    let doc = |version: &str| {
        let mut text: Value = serde_json::from_str(&document_with(|d| {
            d.as_object_mut().unwrap().remove("views");
            d.as_object_mut().unwrap().remove("downloads");
        }))
        .unwrap();
        text["format_version"] = json!(version);
        parse_document(&text.to_string()).value.unwrap()
    };
    assert_eq!((doc("1.1").views, doc("1.1").downloads), (None, None));
    assert_eq!((doc("1.0").views, doc("1.0").downloads), (Some(0), Some(0)));
    // Not counted is written by leaving the count out, never as null (a
    // 1.0 reader would drop the story).
    let c = parse_index(&v1_1(index_with(|v| v["latest"][0]["views"] = Value::Null)));
    assert_has(
        &c,
        Severity::Error,
        "latest[0].views: invalid type: null, expected u64",
    );
    // More downloads than views is judged only when both are counted.
    let c = parse_document(&v1_1(document_with(|d| {
        d.as_object_mut().unwrap().remove("views");
        d["downloads"] = json!(40);
    })));
    assert_eq!(messages(&c), Vec::<String>::new());
}

#[test]
fn an_author_position_needs_an_author() {
    let c = parse_index(&v1_1(index_with(|v| {
        v["latest"][0]["author"] = json!("Nguyễn Văn A");
        v["latest"][0]["author_position"] = json!("Phó Trưởng ban");
    })));
    assert_eq!(messages(&c), Vec::<String>::new());
    let s = &c.value.unwrap().latest[0];
    assert_eq!(s.author_position.as_deref(), Some("Phó Trưởng ban"));

    let c = parse_index(&v1_1(index_with(|v| {
        v["latest"][0]["author_position"] = json!("Phó Trưởng ban");
    })));
    assert_has(
        &c,
        Severity::Warning,
        "latest[0].author_position: a position without an author (ignored)",
    );
}

#[test]
fn alt_texts_empty_junk_and_absent() {
    fn image(alt: Value, caption: Option<&'static str>) -> impl FnOnce(&mut Value) {
        move |v: &mut Value| {
            let mut img = json!({"type": "image", "src": "media/hoi-nghi-2026.jpg", "alt": alt});
            if let Some(c) = caption {
                img["caption"] = json!(c);
            }
            v["article"]["body"][1] = img;
        }
    }
    // Empty with a caption: the caption names it; nothing to say.
    let c = parse_article(&v1_1(article_with(image(
        json!(""),
        Some("Quang cảnh hội nghị"),
    ))));
    assert_eq!(messages(&c), Vec::<String>::new());
    // Empty, no caption: decorative, a warning.
    let c = parse_article(&v1_1(article_with(image(json!(""), None))));
    assert_has(
        &c,
        Severity::Warning,
        "article.body[1].alt: empty, and the image has no caption: it is shown as decorative (alt=\"\")",
    );
    assert_eq!(c.value.unwrap().body.len(), 2);
    // Junk, with and without a caption.
    let c = parse_article(&v1_1(article_with(image(
        json!("Responsive image"),
        Some("Quang cảnh"),
    ))));
    assert_has(
        &c,
        Severity::Warning,
        "article.body[1].alt: \"Responsive image\" says nothing about the picture: treated as empty; the caption names the image",
    );
    let c = parse_article(&v1_1(article_with(image(json!("IMG_1234.jpg"), None))));
    assert_has(
        &c,
        Severity::Warning,
        "article.body[1].alt: \"IMG_1234.jpg\" says nothing about the picture: treated as empty, and with no caption the image is shown as decorative (alt=\"\")",
    );
    // The picture's own file name.
    let c = parse_article(&v1_1(article_with(image(
        json!("hoi-nghi-2026"),
        Some("Quang cảnh"),
    ))));
    assert_has(
        &c,
        Severity::Warning,
        "article.body[1].alt: \"hoi-nghi-2026\" says nothing about the picture: treated as empty; the caption names the image",
    );
    // Absent: an image always has an alt (a 1.0 reader needs it): the block
    // is dropped, as in 1.0.
    let c = parse_article(&v1_1(article_with(|v| {
        v["article"]["body"][1] =
            json!({"type": "image", "src": "media/a.jpg", "caption": "Quang cảnh"});
    })));
    assert_has(&c, Severity::Error, "article.body[1]: missing field `alt`");
    assert_eq!(c.value.unwrap().body.len(), 1);
}

#[test]
fn a_link_may_be_a_banner_named_by_its_alt_or_title() {
    let c = parse_index(&v1_1(index_with(|v| {
        v["site"]["linked_websites"][0]["image"] =
            json!({"src": "media/lien-ket/nhan-dan.svg", "alt": "", "width": 240, "height": 60});
    })));
    assert_eq!(messages(&c), Vec::<String>::new());
    let site = c.value.unwrap().site;
    assert_eq!(
        site.linked_websites[0]
            .image
            .as_ref()
            .map(|i| i.src.as_str()),
        Some("media/lien-ket/nhan-dan.svg")
    );
    let c = parse_index(&v1_1(index_with(|v| {
        v["site"]["quick_links"] = json!([{"title": "Sổ tay đảng viên", "url": "/tin-tuc",
            "image": {"src": "media/b.png", "alt": "banner"}}]);
    })));
    assert_has(
        &c,
        Severity::Warning,
        "site.quick_links[0].image.alt: \"banner\" says nothing about the banner: treated as empty; the link's title names it",
    );
    // Its picture's URL is checked like any image's: a bad one drops the link.
    let c = parse_index(&v1_1(index_with(|v| {
        v["site"]["linked_websites"][0]["image"] =
            json!({"src": "javascript:alert(1)", "alt": "Báo Nhân Dân"});
    })));
    assert_has(
        &c,
        Severity::Error,
        "site.linked_websites[0].image.src: \"javascript:alert(1)\" is not an allowed URL (http(s), a relative path or a data:image URL)",
    );
    assert!(c.value.unwrap().site.linked_websites.is_empty());
}

#[test]
fn visits_are_labelled_counters_one_per_period() {
    let c = parse_index(&v1_1(index_with(|v| {
        v["site"]["visits"] = json!([
            {"period": "online", "count": 57},
            {"period": "today", "count": 1124},
            {"period": "decade", "count": 5},
            {"period": "today", "count": 9},
            {"period": "total", "count": 4216935}
        ]);
    })));
    assert_has(
        &c,
        Severity::Note,
        "site.visits[2].period: unknown period \"decade\" (ignored: a later 1.x may add it)",
    );
    assert_has(
        &c,
        Severity::Error,
        "site.visits[3]: duplicate period \"today\": item dropped",
    );
    let visits = c.value.unwrap().site.visits;
    assert_eq!(
        visits,
        vec![
            Visit {
                period: Period::Online,
                count: 57
            },
            Visit {
                period: Period::Today,
                count: 1124
            },
            Visit {
                period: Period::Total,
                count: 4_216_935
            },
        ]
    );
    let c = parse_index(&v1_1(index_with(|v| {
        v["site"]["visits"] = json!([{"period": "today", "count": -3}]);
    })));
    assert_has(
        &c,
        Severity::Error,
        "site.visits[0].count: invalid value: integer `-3`, expected u64",
    );
}

#[test]
fn a_logo_with_a_bad_src_is_dropped_not_kept_beside_its_error() {
    let c = parse_index(&index_with(|v| {
        v["site"]["logo"] =
            json!({"src": "data:text/html;base64,PHNjcmlwdD4=", "alt": "Biểu trưng"});
    }));
    assert_has(
        &c,
        Severity::Error,
        "site.logo.src: \"data:text/html;base64,PHNjcmlwdD4=\" is not an allowed URL (http(s), a relative path or a data:image URL)",
    );
    assert_has(&c, Severity::Error, "site.logo: item dropped");
    assert_eq!(c.value.unwrap().site.logo, None);
}

// ------------------------------------------- the app's reader of blocks

/// Natively only: serde's reader of blocks, the reference, is not built
/// for the app.
#[cfg(not(target_arch = "wasm32"))]
mod block_reader {
    use super::*;
    use crate::read::block_from_value;

    /// [`block_from_value`] (the app's reader) and serde's derived reader
    /// (the feed tool's) give one verdict, and the same block. A list in
    /// place of a block or of an object inside it is not compared: the
    /// validator refuses one (below) before either reader sees it.
    fn same_block_verdict(v: &Value) {
        if v.is_array() || crate::validate::list_for_object(v, "").is_some() {
            return;
        }
        let serde: Result<Block, _> = serde_json::from_value(v.clone());
        let own = block_from_value(v.clone());
        match (serde, own) {
            (Ok(a), Ok(b)) => assert_eq!(a, b, "{v}"),
            (Err(_), Err(_)) => {}
            (a, b) => panic!("different verdicts on {v}: serde {a:?}, app {b:?}"),
        }
    }

    #[test]
    fn the_apps_block_reader_reads_every_sample_block_as_serde_does() {
        let mut blocks = 0;
        for entry in std::fs::read_dir("../../public/feed/articles").unwrap() {
            let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
            let file: Value = serde_json::from_str(&text).unwrap();
            for block in file["article"]["body"].as_array().unwrap() {
                same_block_verdict(block);
                assert!(block_from_value(block.clone()).is_ok(), "{block}");
                blocks += 1;
            }
        }
        assert!(blocks > 100, "{blocks} blocks");
    }

    #[test]
    fn the_apps_block_reader_refuses_what_serde_refuses() {
        let cases = [
            json!(null),
            json!("paragraph"),
            json!(["paragraph", []]),
            json!({}),
            json!({"runs": []}),
            json!({"type": null, "runs": []}),
            json!({"type": "Paragraph", "runs": []}),
            json!({"type": "video_clip"}),
            json!({"type": 0, "runs": []}),
            json!({"type": 1, "text": "a"}),
            json!({"type": 8, "url": "u", "poster": {"src": "s", "alt": ""}}),
            json!({"type": 9, "runs": []}),
            json!({"type": -1, "runs": []}),
            json!({"type": 0.0, "runs": []}),
            json!({"type": true, "runs": []}),
            json!({"type": ["paragraph"], "runs": []}),
            json!({"type": "paragraph"}),
            json!({"type": "paragraph", "runs": null}),
            json!({"type": "paragraph", "runs": [{"text": 1}]}),
            json!({"type": "paragraph", "runs": [{"text": "a", "bold": null}]}),
            json!({"type": "paragraph", "runs": [], "extra": 1, "text": 5}),
            json!({"type": "heading", "text": "a", "level": 300}),
            json!({"type": "heading", "text": "a", "level": -1}),
            json!({"type": "heading", "text": "a", "level": 2.5}),
            json!({"type": "heading", "text": "a", "level": null}),
            json!({"type": "heading", "text": "a", "level": 7}),
            json!({"type": "heading", "level": 2}),
            json!({"type": "image", "src": "s"}),
            json!({"type": "image", "src": "s", "alt": "", "width": -3}),
            json!({"type": "image", "src": "s", "alt": "", "width": null, "caption": null}),
            json!({"type": "quote", "text": "a", "cite": null}),
            json!({"type": "quote", "text": "a", "cite": 3}),
            json!({"type": "list", "items": ["a"], "ordered": null}),
            json!({"type": "list", "items": ["a"], "ordered": "yes"}),
            json!({"type": "list", "ordered": true}),
            json!({"type": "table", "header": [], "rows": [["a"]]}),
            json!({"type": "table", "header": ["a"], "rows": [[1]]}),
            json!({"type": "table", "rows": [["a"]]}),
            json!({"type": "gallery", "images": [{"src": "s", "alt": "a"}], "caption": "c"}),
            json!({"type": "gallery", "images": [{"src": "s"}]}),
            json!({"type": "attachment", "document": "d1", "title": null}),
            json!({"type": "attachment", "title": "t"}),
            json!({"type": "video", "url": "u", "poster": {"src": "s", "alt": ""}, "duration": 4294967296u64}),
            json!({"type": "video", "url": "u", "poster": {"src": "s", "alt": ""}, "duration": 90}),
            json!({"type": "video", "url": "u", "poster": "p.jpg"}),
            json!({"type": "video", "url": "u"}),
        ];
        for case in &cases {
            same_block_verdict(case);
        }
        let text = json!({
            "format_version": "1.0", "kind": "article",
            "article": {
                "id": "a1", "slug": "bai-a1", "title": "Tiêu đề", "sapo": "Tóm tắt.",
                "published": "2026-11-20T08:00:00+07:00", "category": "c1", "views": 1,
                "body": [["heading", "Bị bỏ", 2], {"type": "paragraph", "runs": [{"text": "Giữ."}]}]
            }
        })
        .to_string();
        let checked = parse_article(&text);
        assert_eq!(
            checked.value.as_ref().map(|a| a.body.len()),
            Some(1),
            "{:?}",
            checked.problems
        );
        assert!(
            checked
                .problems
                .iter()
                .any(|p| p.path == "article.body[0]" && p.message.contains("not a list")),
            "{:?}",
            checked.problems
        );
    }

    /// Blocks made of every kind (and wrong ones) with each field absent or
    /// given a value of some JSON type, drawn by a fixed-seed generator.
    #[test]
    fn the_apps_block_reader_agrees_with_serde_on_generated_blocks() {
        let kinds = [
            json!("paragraph"),
            json!("heading"),
            json!("image"),
            json!("quote"),
            json!("list"),
            json!("table"),
            json!("gallery"),
            json!("attachment"),
            json!("video"),
            json!("audio"),
            json!(3),
            json!(12),
            json!(null),
        ];
        let fields = [
            "runs", "text", "level", "src", "alt", "caption", "credit", "width", "height", "cite",
            "ordered", "items", "header", "rows", "images", "document", "title", "url", "poster",
            "duration",
        ];
        let values = [
            json!(null),
            json!(true),
            json!(0),
            json!(2),
            json!(300),
            json!(-1),
            json!(2.5),
            json!("x"),
            json!(""),
            json!([]),
            json!(["a"]),
            json!([["a", "b"]]),
            json!({}),
            json!({"text": "a"}),
            json!({"src": "s", "alt": "a"}),
            json!([{"text": "a", "bold": true}]),
            json!([{"src": "s", "alt": "a", "width": 3}]),
        ];
        let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        };
        let mut kept = 0;
        for _ in 0..40_000 {
            let mut map = serde_json::Map::new();
            if next(20) != 0 {
                map.insert("type".into(), kinds[next(kinds.len())].clone());
            }
            for field in fields {
                // Mostly a value that fits, so that many blocks read.
                match next(4) {
                    0 => {}
                    1 => {
                        map.insert(field.into(), values[next(values.len())].clone());
                    }
                    _ => {
                        let fitting = match field {
                            "runs" => json!([{"text": "a"}]),
                            "level" => json!(3),
                            "width" | "height" | "duration" => json!(640),
                            "ordered" => json!(true),
                            "items" | "header" => json!(["a"]),
                            "rows" => json!([["a"]]),
                            "images" => json!([{"src": "s", "alt": "a"}]),
                            "poster" => json!({"src": "s", "alt": ""}),
                            _ => json!("a"),
                        };
                        map.insert(field.into(), fitting);
                    }
                }
            }
            let v = Value::Object(map);
            same_block_verdict(&v);
            kept += usize::from(block_from_value(v).is_ok());
        }
        assert!(kept > 5_000, "only {kept} generated blocks read");
    }
}

// ------------------------------------------------- the app's readers

/// Natively only: serde's derived readers, the reference, are the feed
/// tool's.
#[cfg(not(target_arch = "wasm32"))]
mod readers {
    use std::fmt::Debug;

    use serde::de::DeserializeOwned;

    use super::*;
    use crate::read::FromValue;

    /// The app's reader of `T` and serde's derived one give one verdict and
    /// one value on `v`. A value with a list in place of an object is not
    /// compared: the validator refuses it before either reader sees it.
    fn same<T: FromValue + DeserializeOwned + PartialEq + Debug>(v: &Value) -> bool {
        if v.is_array() || crate::validate::list_for_object(v, "").is_some() {
            return false;
        }
        compared::<T>(v)
    }

    /// The two verdicts on `v`, compared; whether it was read. (The
    /// indexes' files hold lists of lists: the feed files' rule does not
    /// apply.)
    fn compared<T: FromValue + DeserializeOwned + PartialEq + Debug>(v: &Value) -> bool {
        let serde: Result<T, _> = serde_json::from_value(v.clone());
        let own = T::from_value(v.clone());
        match (serde, own) {
            (Ok(a), Ok(b)) => {
                assert_eq!(a, b, "{v}");
                true
            }
            (Err(_), Err(_)) => false,
            (a, b) => panic!("different verdicts on {v}: serde {a:?}, app {b:?}"),
        }
    }

    /// Every field of every object in `v`, once per place (the first item
    /// of a list stands for the others), as a path of keys and indices.
    fn places(v: &Value, here: &mut Vec<Step>, out: &mut Vec<Vec<Step>>) {
        match v {
            Value::Object(map) => {
                for (k, child) in map {
                    here.push(Step::Key(k.clone()));
                    out.push(here.clone());
                    places(child, here, out);
                    here.pop();
                }
            }
            Value::Array(items) => {
                if let Some(first) = items.first() {
                    here.push(Step::Index(0));
                    places(first, here, out);
                    here.pop();
                }
            }
            _ => {}
        }
    }

    #[derive(Clone, Debug)]
    enum Step {
        Key(String),
        Index(usize),
    }

    /// The object holding the field at `path`, and the field's key.
    fn parent<'a>(v: &'a mut Value, path: &[Step]) -> (&'a mut Map<String, Value>, String) {
        let (last, init) = path.split_last().unwrap();
        let mut at = v;
        for step in init {
            at = match step {
                Step::Key(k) => at.get_mut(k.as_str()).unwrap(),
                Step::Index(i) => at.get_mut(*i).unwrap(),
            };
        }
        let Step::Key(key) = last else { unreachable!() };
        (at.as_object_mut().unwrap(), key.clone())
    }

    use serde_json::Map;

    /// `v` as it is, then every field of it removed, `null`, and given
    /// each other kind of value (numbers that are negative, fractional or
    /// too large for a `u32`, text, a flag, an empty object), read by both.
    /// Returns how many were read.
    fn mutated<T: FromValue + DeserializeOwned + PartialEq + Debug>(v: &Value) -> (usize, usize) {
        mutated_with(v, same::<T>)
    }

    fn mutated_with(v: &Value, same: fn(&Value) -> bool) -> (usize, usize) {
        let others = [
            json!(null),
            json!("x"),
            json!(""),
            json!(7),
            json!(0),
            json!(-1),
            json!(1.5),
            json!(4_294_967_296_u64),
            json!(true),
            json!({}),
            json!([]),
        ];
        let mut paths = Vec::new();
        places(v, &mut Vec::new(), &mut paths);
        let (mut tried, mut read) = (1, usize::from(same(v)));
        for path in &paths {
            let mut removed = v.clone();
            let (map, key) = parent(&mut removed, path);
            map.remove(&key);
            tried += 1;
            read += usize::from(same(&removed));
            for other in &others {
                let mut changed = v.clone();
                let (map, key) = parent(&mut changed, path);
                map.insert(key, other.clone());
                tried += 1;
                read += usize::from(same(&changed));
            }
        }
        (tried, read)
    }

    fn sample(path: &str) -> Value {
        serde_json::from_str(&std::fs::read_to_string(format!("../../public/feed/{path}")).unwrap())
            .unwrap()
    }

    fn first_json(dir: &str) -> Value {
        let mut names: Vec<_> = std::fs::read_dir(format!("../../public/feed/{dir}"))
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .filter(|n| n.ends_with(".json"))
            .collect();
        names.sort();
        sample(&format!("{dir}/{}", names[0]))
    }

    #[test]
    fn the_apps_readers_read_every_sample_file_as_serde_does() {
        assert!(same::<Index>(&sample("index.json")));
        for dir in [
            "articles",
            "news/tat-ca",
            "calendar",
            "documents/pages",
            "documents/items",
        ] {
            let mut n = 0;
            for entry in std::fs::read_dir(format!("../../public/feed/{dir}")).unwrap() {
                let path = entry.unwrap().path();
                if path.extension().is_none_or(|e| e != "json") {
                    continue;
                }
                let v: Value =
                    serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
                let read = match dir {
                    "articles" => same::<ArticleFile>(&v),
                    "news/tat-ca" => same::<NewsPage>(&v),
                    "calendar" => same::<CalendarWeekFile>(&v),
                    "documents/pages" => same::<DocumentsPage>(&v),
                    _ => same::<DocumentFile>(&v),
                };
                assert!(read, "{}", path.display());
                n += 1;
            }
            assert!(n > 0, "no sample file in {dir}");
        }
    }

    #[test]
    fn the_apps_readers_refuse_and_default_what_serde_does_field_by_field() {
        let cases = [
            ("index", mutated::<Index>(&sample("index.json"))),
            ("article", mutated::<ArticleFile>(&first_json("articles"))),
            ("news page", mutated::<NewsPage>(&first_json("news/tat-ca"))),
            ("week", mutated::<CalendarWeekFile>(&first_json("calendar"))),
            (
                "documents page",
                mutated::<DocumentsPage>(&first_json("documents/pages")),
            ),
            (
                "document",
                mutated::<DocumentFile>(&first_json("documents/items")),
            ),
        ];
        for (what, (tried, read)) in cases {
            // Both verdicts must occur, or the comparison proves little.
            assert!(read > 10 && read < tried, "{what}: {read} of {tried} read");
        }
    }

    /// A generated feed's content. The generator's content is of the
    /// format crate it links, another copy of this one in these tests: it
    /// crosses over as JSON.
    fn generated(articles: usize) -> crate::pack::Content {
        fn cross<T: DeserializeOwned>(v: &impl serde::Serialize) -> T {
            serde_json::from_value(serde_json::to_value(v).unwrap()).unwrap()
        }
        let c = bantin_synth::generate(articles, 5, "2026-11-23").content;
        crate::pack::Content {
            generated_at: c.generated_at.clone(),
            site: cross(&c.site),
            categories: cross(&c.categories),
            featured: c.featured.clone(),
            articles: cross(&c.articles),
            weeks: cross(&c.weeks),
            documents: cross(&c.documents),
        }
    }

    #[test]
    fn the_apps_readers_read_the_archive_and_library_indexes_as_serde_does() {
        use crate::{archive, library};
        let content = generated(300);
        let built = archive::build(&content);
        let mut records = 0;
        for (path, text) in &built.files {
            let v: Value = serde_json::from_str(text).unwrap();
            match v["kind"].as_str().unwrap() {
                archive::ROOT_KIND => {
                    let (tried, read) = mutated_with(&v, compared::<archive::Root>);
                    assert!(read > 1 && read < tried, "{path}: {read} of {tried}");
                }
                archive::RECORDS_KIND => {
                    assert!(compared::<Vec<archive::Record>>(&v["records"]), "{path}");
                    records += 1;
                }
                _ => {}
            }
        }
        assert!(records > 1, "{records} record parts");
        let built = library::build(&content.documents, &content.generated_at);
        let root: Value = serde_json::from_str(&built.files[0].1).unwrap();
        let (tried, read) = mutated_with(&root, compared::<library::Root>);
        assert!(read > 1 && read < tried, "library root: {read} of {tried}");
        let part: Value =
            serde_json::from_str(&built_records_part(&archive::build(&content))).unwrap();
        let (tried, read) = mutated_with(&part["records"], compared::<Vec<archive::Record>>);
        assert!(read > 1 && read < tried, "records: {read} of {tried}");
    }

    fn built_records_part(built: &crate::archive::Built) -> String {
        built
            .files
            .iter()
            .find(|(_, t)| t.contains(crate::archive::RECORDS_KIND))
            .unwrap()
            .1
            .clone()
    }

    #[test]
    fn the_apps_readers_read_generated_feeds_as_serde_does() {
        let content = generated(300);
        let mut files = 0;
        for (path, text) in crate::pack::pack(&content) {
            let v: Value = serde_json::from_str(&text).unwrap();
            let read = match v["kind"].as_str().unwrap() {
                "index" => same::<Index>(&v),
                "article" => same::<ArticleFile>(&v),
                "news-page" => same::<NewsPage>(&v),
                "calendar-week" => same::<CalendarWeekFile>(&v),
                "documents-page" => same::<DocumentsPage>(&v),
                "document" => same::<DocumentFile>(&v),
                _ => continue,
            };
            assert!(read, "{path}");
            files += 1;
        }
        assert!(files > 300, "{files} files");
    }

    #[test]
    fn an_unknown_period_reads_as_other_and_an_enum_is_only_a_name() {
        assert_eq!(Period::from_value(json!("decade")), Ok(Period::Other));
        assert!(same::<Visit>(&json!({"period": "decade", "count": 3})));
        // serde's derived reader of an enum takes `{"sang": null}` too;
        // the schemas do not, and neither reader does.
        assert!(Session::from_value(json!({"sang": null})).is_err());
        assert!(!same::<CalendarEntry>(&json!({
            "id": "e", "start": "2026-11-23T08:00:00+07:00", "session": {"sang": null}, "content": "Họp"
        })));
        assert!(same::<CalendarEntry>(&json!({
            "id": "e", "start": "2026-11-23T08:00:00+07:00", "session": "sang", "content": "Họp"
        })));
        assert!(same::<Visit>(&json!({"period": "week", "count": 3})));
        assert!(!same::<Visit>(&json!({"period": "week", "count": 3.0})));
        assert!(!same::<Category>(
            &json!({"id": "c", "slug": "c", "name": "C", "order": 9_223_372_036_854_775_808_u64})
        ));
    }
}
