//! Imports served on loopback: a NukeViet-shaped portal (news, laws,
//! work-schedules), a Liferay-style Atom feed and an .ics file, and a
//! hostile site. Each result must pass `bantin-feed check`'s verdict
//! (`bantin_format::dir::check`); a re-run with nothing new must change
//! nothing and be answered with 304s only.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::atomic::Ordering;
use std::time::Duration;

use bantin_format::datetime::Date;
use bantin_format::dir;
use bantin_format::model::*;
use bantin_format::pack::Content;
use bantin_import::testsite::{self, Server, Site, Spec};
use bantin_import::{http, nukeviet, run, Common, Source};

fn temp(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("bantin-import-{}-{name}", std::process::id()));
    let _ = fs::remove_dir_all(&d);
    fs::create_dir_all(&d).unwrap();
    d
}

fn common(root: &Path, timeout: Duration) -> Common {
    Common {
        out: root.join("feed"),
        http: http::Options {
            concurrency: 4,
            delay: Duration::ZERO,
            cache_dir: Some(root.join("cache")),
            timeout,
            ..http::Options::default()
        },
        remote_images: false,
        generated_at: "2027-01-01T12:00:00+07:00".into(),
    }
}

fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    fn walk(root: &Path, d: &Path, out: &mut BTreeMap<String, Vec<u8>>) {
        for e in fs::read_dir(d).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                walk(root, &p, out);
            } else {
                let rel = p.strip_prefix(root).unwrap().to_string_lossy().to_string();
                out.insert(rel, fs::read(&p).unwrap());
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(dir, dir, &mut out);
    out
}

fn assert_checks(out: &Path) {
    let report = dir::check(out).unwrap();
    assert_eq!(report.errors(), 0, "bantin-feed check:\n{report}");
}

/// Article 2 of the fixture: "Tác giả: Lê Thu Hà, Phó Trưởng phòng
/// Tuyên truyền" (testsite::author).
fn assert_signed_with_a_position(a: &Article) {
    assert_eq!(a.summary.author.as_deref(), Some("Lê Thu Hà"));
    assert_eq!(
        a.summary.author_position.as_deref(),
        Some("Phó Trưởng phòng Tuyên truyền")
    );
}

/// Imports `source` into `c.out`, which must pass the check; its content.
fn import_checked(c: &Common, source: &Source) -> (bantin_import::Report, Content) {
    let (report, result) = run(c, source);
    result.unwrap_or_else(|e| panic!("{e}\n{report}"));
    assert_checks(&c.out);
    let (_, content) = dir::read_content(&c.out).unwrap();
    (report, content)
}

/// Imports again with nothing new on the portal: the feed is not
/// rewritten (not a byte changes). Returns the report, the request
/// targets of the re-run and how many of them were answered 304.
fn rerun_unchanged(
    server: &Server,
    c: &Common,
    source: &Source,
) -> (bantin_import::Report, Vec<String>, usize) {
    let before = snapshot(&c.out);
    let from = server.state.requests.load(Ordering::SeqCst);
    let not_modified_from = server.state.not_modified.load(Ordering::SeqCst);
    let (report, result) = run(c, source);
    assert!(
        result.unwrap_or_else(|e| panic!("{e}\n{report}")).is_none(),
        "nothing new: the feed is not rewritten\n{report}"
    );
    assert_eq!(snapshot(&c.out), before, "the re-run changed the feed");
    let targets = server.state.targets.lock().unwrap()[from..].to_vec();
    let not_modified = server.state.not_modified.load(Ordering::SeqCst) - not_modified_from;
    assert_eq!(report.http.not_modified, not_modified);
    (report, targets, not_modified)
}

const TODAY: (i32, u8, u8) = (2027, 1, 1);

fn nukeviet_options(base: &str) -> nukeviet::Options {
    nukeviet::Options {
        site: base.to_string(),
        news_module: "news".into(),
        laws_module: "laws".into(),
        schedule_module: "work-schedules".into(),
        limit: 1000,
        weeks: 4,
        today: Date::new(TODAY.0, TODAY.1, TODAY.2).unwrap(),
        categories: BTreeMap::new(),
        site_name: None,
        instant_rss: true,
    }
}

/// The imported article `id`.
fn article_of<'a>(content: &'a Content, id: &str) -> &'a Article {
    content
        .articles
        .iter()
        .find(|a| a.summary.id == id)
        .unwrap_or_else(|| panic!("no {id}"))
}

#[test]
fn a_nukeviet_portal_imports_checks_and_reimports_with_304s_only() {
    let today = Date::new(TODAY.0, TODAY.1, TODAY.2).unwrap();
    let server = Server::start(Site::nukeviet(&Spec {
        hostile: true,
        ..Spec::new(25, 3, today)
    }));
    let root = temp("nukeviet");
    let c = common(&root, Duration::from_secs(10));
    let source = Source::NukeViet(nukeviet_options(&server.base));

    let (report, result) = run(&c, &source);
    let written = result
        .unwrap_or_else(|e| panic!("{e}\n{report}"))
        .expect("a new feed is written");
    assert!(report.failed.is_empty(), "{report}");
    assert_eq!((report.articles, report.documents), (25, 3), "{report}");
    assert_eq!(written.articles, 25);
    assert_checks(&c.out);

    let (index, content) = dir::read_content(&c.out).unwrap();
    assert_eq!(index.site.name, testsite::SITE_NAME);
    let article = |id: &str| article_of(&content, id);

    // Article 1: 00:45 on 1 January, Vietnam time. The RSS says
    // "Thu, 31 Dec 2026 17:12:00 GMT" (the month in the minutes); the
    // sitemap has the truth.
    let a = article("bai-999");
    assert_eq!(a.summary.title, testsite::title(1));
    assert_eq!(a.summary.published, "2027-01-01T00:45:00+07:00");
    assert_eq!(a.summary.sapo, testsite::hometext(1));
    assert_eq!(a.summary.author.as_deref(), Some("Minh Anh"));
    assert_eq!(a.summary.author_position, None);
    assert_eq!(a.summary.source, None);
    // Edited 90 minutes after publication: schema.org's dateModified.
    assert_eq!(
        a.summary.updated.as_deref(),
        Some("2027-01-01T02:15:00+07:00")
    );
    // Its "File đính kèm", a line linking to the file on the portal.
    match a.body.last() {
        Some(Block::Paragraph { runs }) => {
            assert_eq!(runs.len(), 1, "{runs:?}");
            assert_eq!(runs[0].text, format!("Tải về : {}", testsite::NEWS_FILE));
            let link = runs[0].link.as_deref().unwrap();
            assert!(
                link.starts_with(&server.base) && link.ends_with("&download=1&id=0"),
                "{link}"
            );
        }
        other => panic!("{other:?}"),
    }
    // Saved before its publication: no update.
    assert_eq!(article("bai-998").summary.updated, None);
    // An author who signs with a position.
    assert_signed_with_a_position(article("bai-998"));
    assert_eq!(a.summary.category, "hoc-tap-va-lam-theo-bac");
    assert_eq!(a.summary.tags, vec!["Chỉ thị 05", "tuyên giáo"]);
    let cover = a.summary.cover.as_ref().unwrap();
    assert!(cover.src.starts_with("media/") && cover.src.ends_with(".png"));
    assert_eq!((cover.width, cover.height), (Some(300), Some(200)));
    assert_eq!(
        cover.caption.as_deref(),
        Some("Ảnh: Phóng viên Ban Tuyên giáo")
    );
    match &a.body[0] {
        Block::Paragraph { runs } => {
            assert!(
                runs.iter().any(|r| r.bold && r.text == "Nguyễn Văn An"),
                "{runs:?}"
            )
        }
        other => panic!("{other:?}"),
    }
    match &a.body[1] {
        Block::Image(img) => {
            assert!(img.src.starts_with("media/"));
            assert_eq!((img.width, img.height), (Some(800), Some(451)));
            assert_eq!(img.alt, "Quang cảnh thành phố Mẫu Sơn");
            assert_eq!(
                img.caption.as_deref(),
                Some("Quang cảnh buổi làm việc tại thành phố Mẫu Sơn")
            );
        }
        other => panic!("{other:?}"),
    }
    assert!(c.out.join(&cover.src).is_file());

    // Article 0: its source, the hostile markup dropped with warnings, the
    // link to a document as an attachment, the YouTube video.
    let a0 = article("bai-1000");
    assert_eq!(a0.summary.source.as_ref().unwrap().name, "Báo Mẫu Sơn");
    assert_eq!(a0.summary.category, "tin-tuc-su-kien");
    assert!(a0
        .body
        .iter()
        .any(|b| matches!(b, Block::Table { rows, .. } if rows.len() == 2)));
    assert!(a0.body.iter().any(
        |b| matches!(b, Block::Quote { cite: Some(c), .. } if c == "Trưởng Ban Tuyên giáo Tỉnh ủy")
    ));
    assert!(a0
        .body
        .iter()
        .any(|b| matches!(b, Block::Heading { level: 3, .. })));
    assert!(a0
        .body
        .iter()
        .any(|b| matches!(b, Block::List { items, .. } if items.len() == 3)));
    assert!(
        a0.body.iter().any(
            |b| matches!(b, Block::Attachment { document, .. } if document == "112-hd-btgtu-2026")
        ),
        "{:#?}",
        a0.body
    );
    assert!(a0
        .body
        .iter()
        .any(|b| matches!(b, Block::Video { url, .. } if url.ends_with("aBcDeFgHiJk"))));
    let json = serde_json::to_string(&a0.body).unwrap();
    assert!(!json.contains("alert") && !json.contains("cookie") && !json.contains("javascript"));
    let warned: Vec<&str> = report
        .warnings
        .iter()
        .filter(|(page, _)| page.ends_with("-1000"))
        .map(|(_, w)| w.as_str())
        .collect();
    assert!(warned.iter().any(|w| w.contains("<script>")), "{warned:?}");
    assert!(warned.iter().any(|w| w.contains("onclick")), "{warned:?}");
    assert!(
        warned.iter().any(|w| w.contains("javascript:")),
        "{warned:?}"
    );

    // Views: the import's one visit per article (one session), read after it.
    assert_eq!(server.views(1000), testsite::initial_views(1000) + 1);
    assert_eq!(a0.summary.views, Some(server.views(1000)));

    // Documents, every field and the file.
    let d = content
        .documents
        .iter()
        .find(|d| d.id == "112-hd-btgtu-2026")
        .unwrap();
    assert_eq!(d.number, "112-HD/BTGTU");
    assert_eq!(d.doc_type, "Hướng dẫn");
    assert_eq!(d.issuer, "Ban Tuyên giáo Tỉnh ủy");
    assert_eq!(d.signer.as_ref().unwrap().name, "Trần Thị Bình");
    assert_eq!(d.issued, "2026-12-29");
    assert_eq!(d.effective.as_deref(), Some("2027-01-05"));
    assert_eq!(d.expires.as_deref(), Some("2028-01-05"));
    assert_eq!(d.fields, vec!["Tuyên truyền", "Văn hóa - Văn nghệ"]);
    assert!(d
        .summary
        .starts_with("Hướng dẫn tuyên truyền kỷ niệm ngày thành lập Đảng bộ tỉnh"));
    // Module-laws' relation rows: it replaces law 2 and relates to law 1
    // (and to a document the portal no longer lists: left out, warned).
    assert_eq!(d.replaces, vec!["110-tb-btgtu-2026"]);
    assert_eq!(d.related, vec!["111-kh-btgtu-2026"]);
    assert!(d.replaced_by.is_empty());
    assert!(
        report
            .warnings
            .iter()
            .any(|(_, w)| w.contains("57-QC/BTGTU is not among the imported documents")),
        "{report}"
    );
    let by_number = |n: &str| content.documents.iter().find(|d| d.number == n).unwrap();
    assert_eq!(
        by_number("110-TB/BTGTU").replaced_by,
        vec!["112-hd-btgtu-2026"]
    );
    assert_eq!(by_number("111-KH/BTGTU").related, vec!["112-hd-btgtu-2026"]);
    assert_eq!(d.files.len(), 1);
    let f = &d.files[0];
    assert_eq!(f.name, "112-HD-BTGTU.pdf");
    assert_eq!(f.media_type, "application/pdf");
    assert_eq!(f.size, testsite::law_file(0).len() as u64);
    assert_eq!(fs::read(c.out.join(&f.url)).unwrap(), testsite::law_file(0));
    // The title the RSS double-encoded (&amp;#…;) reads as Vietnamese.
    let d1 = content
        .documents
        .iter()
        .find(|d| d.number == "111-KH/BTGTU")
        .unwrap();
    assert!(
        d1.summary
            .starts_with("Kế hoạch tổ chức Hội thi báo cáo viên giỏi"),
        "{}",
        d1.summary
    );
    assert_eq!(d1.doc_type, "Kế hoạch");

    // The calendar: NukeViet's week 1 of 2027 (28/12/2026–03/01/2027) is
    // ISO week 2026-W53.
    let weeks: Vec<&str> = content.weeks.iter().map(|w| w.week.as_str()).collect();
    assert_eq!(weeks, ["2026-W51", "2026-W52", "2026-W53", "2027-W01"]);
    let w53 = &content.weeks[2];
    assert_eq!(w53.entries.len(), 10);
    let first = &w53.entries[0];
    assert_eq!(first.start, "2026-12-28T07:30:00+07:00");
    assert_eq!(first.end.as_deref(), Some("2026-12-28T11:00:00+07:00"));
    assert!(first.emphasis);
    assert_eq!(first.content, "Giao ban đầu tuần");
    assert_eq!(first.location.as_deref(), Some("Phòng họp số 1"));
    assert_eq!(first.chair.as_deref(), Some("Trưởng Ban"));
    assert_eq!(first.session, Session::Sang);
    assert_eq!(w53.entries[1].session, Session::Chieu);

    // Polite: at most 4 at once, a User-Agent naming bantin.
    assert!(report.http.max_in_flight <= 4, "{:?}", report.http);
    assert!(
        report.http.max_in_flight >= 2,
        "the pages were fetched in parallel"
    );
    let agents = server.state.user_agents.lock().unwrap().clone();
    assert!(agents.iter().all(|a| a.contains("bantin")), "{agents:?}");

    // Again, nothing new: only 304s, no article opened, nothing changed.
    let views_before = server.views(999);
    let (report2, rerun_targets, not_modified) = rerun_unchanged(&server, &c, &source);
    assert_eq!(
        (report2.articles, report2.documents, report2.unchanged),
        (0, 0, 28),
        "{report2}"
    );
    let reopened: Vec<String> = rerun_targets
        .iter()
        // A document's page (op=detail/…) or an article's (op={category}/{alias}-{id}).
        .filter(|t| {
            t.contains("op=detail/")
                || t.split_once("nv=news&op=")
                    .is_some_and(|(_, op)| op.contains('/'))
        })
        .cloned()
        .collect();
    assert!(reopened.is_empty(), "pages opened again: {reopened:?}");
    // Every request but the look for op=instant-rss (off on this portal:
    // a 404, asked again each run in case it was turned on).
    let probes = rerun_targets
        .iter()
        .filter(|t| t.ends_with("op=instant-rss"))
        .count();
    assert_eq!(probes, 1);
    let requests = rerun_targets.len() - probes;
    assert!(requests > 0);
    assert_eq!(
        requests, not_modified,
        "every request of the re-run answered 304"
    );
    assert_eq!(
        server.views(999),
        views_before,
        "no view added by the re-run"
    );
    let _ = fs::remove_dir_all(&root);
}

#[test]
fn hostile_pages_import_safely_with_warnings() {
    let server = Server::start(Site::nukeviet(&Spec {
        hostile: true,
        ..Spec::new(0, 0, Date::new(2026, 11, 23).unwrap())
    }));
    let root = temp("hostile");
    let c = common(&root, Duration::from_secs(2));
    let source = Source::Feed(
        vec![format!("{}hostile/feed.xml", server.base)],
        bantin_import::feed::Options::default(),
    );
    let (report, result) = run(&c, &source);
    result.unwrap_or_else(|e| panic!("{e}\n{report}"));
    assert_checks(&c.out);
    let warned = |page: &str, what: &str| {
        report
            .warnings
            .iter()
            .any(|(p, w)| p.ends_with(page) && w.contains(what))
    };
    assert!(warned("/hostile/loop", "redirect loop"), "{report}");
    assert!(
        warned("/hostile/bounce-a", "javascript: address"),
        "{report}"
    );
    assert!(warned("/hostile/stall", "stalled"), "{report}");
    assert!(warned("/hostile/truncated", "broke off"), "{report}");
    assert!(warned("/hostile/cp1258", "windows-1258"), "{report}");
    assert!(warned("/hostile/script", "<script>"), "{report}");
    assert!(warned("/hostile/script", "<style>"), "{report}");
    assert!(warned("/hostile/script", "onmouseover"), "{report}");
    assert!(warned("/hostile/script", "javascript:"), "{report}");
    assert!(warned("/hostile/script", "data:"), "{report}");
    assert!(warned("/hostile/script", "<object>"), "{report}");

    let (_, content) = dir::read_content(&c.out).unwrap();
    assert_eq!(content.articles.len(), 7);
    let body_text = |title: &str| {
        let a = content
            .articles
            .iter()
            .find(|a| a.summary.title == title)
            .unwrap();
        serde_json::to_string(&a.body).unwrap()
    };
    // The page in windows-1258 reads as Vietnamese (NFC).
    assert!(body_text("Bài thử cp1258").contains("Hội nghị tổng kết công tác tuyên giáo"));
    let script = body_text("Bài thử script");
    assert!(script.contains("Nội dung còn lại của bài viết"));
    assert!(!script.contains("alert") && !script.contains("steal") && !script.contains("svg"));
    // The 5 MB page is there, whole: a size the client accepts (up to 32 MB).
    assert!(body_text("Bài thử big").len() > 4_000_000);
    // A page that could not be read keeps its summary as the body.
    assert!(body_text("Bài thử loop").contains("Tóm tắt bài loop"));
    let _ = fs::remove_dir_all(&root);
}

const ATOM: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Cổng Thông tin điện tử tỉnh Mẫu Sơn</title>
  <id>https://mauson.example.vn/tin-tuc</id>
  <updated>2026-11-20T02:00:00Z</updated>
  <entry>
    <title>Tỉnh Mẫu Sơn tổng kết phong trào thi đua năm 2026</title>
    <link rel="alternate" href="https://mauson.example.vn/web/guest/-/tong-ket-thi-dua-2026"/>
    <id>https://mauson.example.vn/c/journal/view_article?groupId=20&amp;articleId=41001</id>
    <updated>2026-11-20T03:30:00Z</updated>
    <published>2026-11-20T02:00:00Z</published>
    <author><name>Thu Hà</name></author>
    <category term="Tin hoạt động"/>
    <summary type="text">Sáng 20/11, UBND tỉnh tổ chức hội nghị tổng kết phong trào thi đua yêu nước năm 2026.</summary>
    <content type="html">&lt;p&gt;Hội nghị tổng kết phong trào thi đua yêu nước năm 2026 được tổ chức tại trụ sở UBND tỉnh, với sự tham dự của đại diện các sở, ban, ngành và các huyện, thành phố.&lt;/p&gt;&lt;h2&gt;Những kết quả nổi bật&lt;/h2&gt;&lt;p&gt;Năm 2026, toàn tỉnh có &lt;strong&gt;312 tập thể&lt;/strong&gt; và &lt;em&gt;1.204 cá nhân&lt;/em&gt; được khen thưởng; nhiều mô hình hay được nhân rộng ở cơ sở.&lt;/p&gt;</content>
  </entry>
</feed>"#;

const ICS: &str = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Mau Son//Lich//VI\r\n\
BEGIN:VEVENT\r\nUID:giao-ban-48@mauson\r\nDTSTART;TZID=Asia/Ho_Chi_Minh:20261123T080000\r\n\
DTEND;TZID=Asia/Ho_Chi_Minh:20261123T100000\r\nSUMMARY:Giao ban Thường trực Tỉnh ủy\r\n\
LOCATION:Phòng họp Tỉnh ủy\r\nEND:VEVENT\r\n\
BEGIN:VEVENT\r\nUID:hoi-thao@mauson\r\nDTSTART:20261127T070000Z\r\nSUMMARY:Hội thảo khoa học lịch sử Đảng bộ tỉnh\r\nEND:VEVENT\r\n\
END:VCALENDAR\r\n";

#[test]
fn an_atom_feed_then_a_calendar_file_into_one_feed() {
    let root = temp("atom-ics");
    fs::write(root.join("tin.atom"), ATOM).unwrap();
    fs::write(root.join("lich.ics"), ICS).unwrap();
    let mut c = common(&root, Duration::from_secs(5));
    c.remote_images = true;
    let (report, result) = run(
        &c,
        &Source::Feed(
            vec![root.join("tin.atom").to_string_lossy().to_string()],
            bantin_import::feed::Options::default(),
        ),
    );
    result.unwrap_or_else(|e| panic!("{e}\n{report}"));
    assert_eq!(
        report.http.requests, 0,
        "the content was in the feed: no page fetched"
    );
    let (report, result) = run(
        &c,
        &Source::Ics(vec![root.join("lich.ics").to_string_lossy().to_string()]),
    );
    result.unwrap_or_else(|e| panic!("{e}\n{report}"));
    assert_checks(&c.out);
    let (index, content) = dir::read_content(&c.out).unwrap();
    assert_eq!(index.site.name, "Cổng Thông tin điện tử tỉnh Mẫu Sơn");
    assert_eq!(
        content.articles.len(),
        1,
        "the calendar import kept the article"
    );
    let a = &content.articles[0];
    assert_eq!(
        a.summary.title,
        "Tỉnh Mẫu Sơn tổng kết phong trào thi đua năm 2026"
    );
    assert_eq!(a.summary.published, "2026-11-20T09:00:00+07:00");
    assert_eq!(
        a.summary.updated.as_deref(),
        Some("2026-11-20T10:30:00+07:00")
    );
    assert_eq!(a.summary.author.as_deref(), Some("Thu Hà"));
    assert_eq!(a.summary.category, "tin-hoat-dong");
    assert!(a.summary.sapo.starts_with("Sáng 20/11, UBND tỉnh"));
    assert_eq!(
        a.body[1],
        Block::Heading {
            text: "Những kết quả nổi bật".into(),
            level: 2
        }
    );
    let weeks: Vec<&str> = content.weeks.iter().map(|w| w.week.as_str()).collect();
    assert_eq!(weeks, ["2026-W48"]);
    let e = &content.weeks[0].entries;
    assert_eq!(e[0].start, "2026-11-23T08:00:00+07:00");
    assert_eq!(e[1].start, "2026-11-27T14:00:00+07:00");
    assert_eq!(e[1].session, Session::Chieu);
    let _ = fs::remove_dir_all(&root);
}

#[test]
fn a_failed_import_leaves_the_feed_as_it_was() {
    let root = temp("failed");
    fs::write(root.join("lich.ics"), ICS).unwrap();
    let c = common(&root, Duration::from_secs(2));
    let (_, result) = run(
        &c,
        &Source::Ics(vec![root.join("lich.ics").to_string_lossy().to_string()]),
    );
    result.unwrap();
    let before = snapshot(&c.out);
    // Nothing can be read: the feed stays, no staging folder is left.
    let (report, result) = run(&c, &Source::Ics(vec!["http://127.0.0.1:9/lich.ics".into()]));
    assert!(result.is_err());
    assert_eq!(report.failed.len(), 1);
    assert_eq!(snapshot(&c.out), before);
    let leftovers: Vec<String> = fs::read_dir(&root)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().to_string())
        .filter(|n| n.contains(".import-"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
    let _ = fs::remove_dir_all(&root);
}

#[test]
fn without_a_sitemap_the_times_come_from_the_date_lines() {
    let today = Date::new(2026, 11, 25).unwrap();
    let mut site = Site::nukeviet(&Spec::new(4, 0, today));
    site.remove("/index.php?language=vi&nv=news&op=sitemap");
    let server = Server::start(site);
    let root = temp("no-sitemap");
    let c = common(&root, Duration::from_secs(5));
    let mut o = nukeviet_options(&server.base);
    o.today = today;
    let source = Source::NukeViet(o);
    let (report, content) = import_checked(&c, &source);
    assert_eq!(content.articles.len(), 4, "{report}");
    // Article 1: 00:45 on 25 November; its RSS pubDate reads 17:11 UTC.
    let a = content
        .articles
        .iter()
        .find(|a| a.summary.id == "bai-999")
        .unwrap();
    assert_eq!(a.summary.published, "2026-11-25T00:45:00+07:00");

    // Again, nothing new: without a sitemap the listing (the RSS) has no
    // exact times, yet no article is opened again and nothing changes.
    let (report2, targets, not_modified) = rerun_unchanged(&server, &c, &source);
    assert_eq!((report2.articles, report2.unchanged), (0, 4), "{report2}");
    assert!(
        !targets.iter().any(|t| t.contains("&op=tin-tuc")
            || t.contains("&op=hoc-tap")
            || t.contains("&op=ly-luan")),
        "article pages opened again: {targets:?}"
    );
    // The 404s: the sitemap, instant-rss and the laws module looked for
    // again; the rest 304.
    let not_found = targets
        .iter()
        .filter(|t| {
            t.ends_with("news&op=sitemap")
                || t.ends_with("op=instant-rss")
                || t.ends_with("laws&op=rss")
        })
        .count();
    assert_eq!(not_found, 3, "{targets:?}");
    assert_eq!(not_modified, targets.len() - not_found, "{targets:?}");
    let _ = fs::remove_dir_all(&root);
}

/// A page's article (instant-rss off) as the portal's page gives it.
fn page_import(server: &Server, root: &Path) -> (Vec<Article>, http::Stats) {
    let mut c = common(root, Duration::from_secs(5));
    c.out = root.join("pages");
    let mut o = nukeviet_options(&server.base);
    o.instant_rss = false;
    let (report, content) = import_checked(&c, &Source::NukeViet(o));
    (content.articles, report.http)
}

#[test]
fn instant_rss_gives_the_articles_it_carries_and_pages_give_the_rest() {
    let today = Date::new(2026, 11, 25).unwrap();
    // On, with the 5 newest of 8 articles in its time window.
    let server = Server::start(Site::nukeviet(&Spec {
        instant_rss: Some(5),
        ..Spec::new(8, 1, today)
    }));
    let root = temp("instant-rss");
    let c = common(&root, Duration::from_secs(5));
    let mut o = nukeviet_options(&server.base);
    o.today = today;
    let source = Source::NukeViet(o);
    let (report, content) = import_checked(&c, &source);
    assert!(report.failed.is_empty(), "{report}");
    assert_eq!(content.articles.len(), 8);

    // The five it carries: no page opened, no view counted.
    let targets = server.state.targets.lock().unwrap().clone();
    let opened = |number: u64| {
        targets
            .iter()
            .any(|t| t.ends_with(&format!("-{number}")) && !t.contains("download"))
    };
    for number in 996..=1000 {
        assert!(!opened(number), "page of {number} opened: {targets:?}");
        assert_eq!(server.views(number), testsite::initial_views(number));
    }
    // The three outside its window: their pages.
    for number in 993..=995 {
        assert!(opened(number), "page of {number} not opened");
    }

    let article = |id: &str| article_of(&content, id).clone();
    // Its author (with the position), its ISO dates, its edit.
    let a = article("bai-998");
    assert_signed_with_a_position(&a);
    assert_eq!(a.summary.published, "2026-11-24T17:30:00+07:00");
    let a1 = article("bai-999");
    assert_eq!(
        a1.summary.updated.as_deref(),
        Some("2026-11-25T02:15:00+07:00")
    );
    assert_eq!(a1.summary.views, Some(testsite::initial_views(999)));

    // Again, nothing new: instant-rss answered 304 like the rest (before
    // the pages are opened below, which adds their views).
    let (report2, targets, not_modified) = rerun_unchanged(&server, &c, &source);
    assert_eq!(not_modified, targets.len(), "{report2}");
    // The same article as its page gives it, but for what only the page
    // has: its tags, its source line and its attached file.
    let (pages, _) = page_import(&server, &root);
    for id in ["bai-1000", "bai-999", "bai-998"] {
        let from_instant = article(id);
        let mut from_page = pages.iter().find(|a| a.summary.id == id).unwrap().clone();
        assert_eq!(from_page.summary.tags, vec!["Chỉ thị 05", "tuyên giáo"]);
        assert!(from_instant.summary.tags.is_empty());
        from_page.summary.tags.clear();
        from_page.summary.source = None;
        // instant-rss's cover has no alt text.
        if let Some(c) = &mut from_page.summary.cover {
            c.alt.clear();
        }
        from_page.summary.views = None;
        if id == "bai-999" {
            from_page.body.pop(); // "File đính kèm"
        }
        let mut from_instant = from_instant;
        from_instant.summary.views = None;
        assert_eq!(from_instant, from_page, "{id}");
    }

    let _ = fs::remove_dir_all(&root);
}

#[test]
fn many_tags_and_categories_import_into_a_valid_feed() {
    let today = Date::new(2026, 11, 25).unwrap();
    // 300 articles in 40 categories, each with 12 tags of its own: 3,602
    // tag lists, more than index.json has room for.
    let server = Server::start(Site::nukeviet(&Spec {
        own_tags: 12,
        categories: 40,
        ..Spec::new(300, 0, today)
    }));
    let root = temp("many-tags");
    let c = common(&root, Duration::from_secs(10));
    let mut o = nukeviet_options(&server.base);
    o.weeks = 0;
    // One category renamed (`--category ALIAS=NAME`).
    o.categories
        .insert("chuyen-de-so-7".into(), "Gương sáng tuyên giáo".into());
    let (report, result) = run(&c, &Source::NukeViet(o));
    let written = result
        .unwrap_or_else(|e| panic!("{e}\n{report}"))
        .expect("written");
    assert!(report.failed.is_empty(), "{report}");
    assert!(written.index_bytes <= dir::INDEX_LIMIT_BYTES, "{written:?}");
    assert_checks(&c.out);
    let (index, content) = dir::read_content(&c.out).unwrap();
    assert_eq!(content.articles.len(), 300);
    assert_eq!(index.categories.len(), 40);
    assert!(index.latest.len() <= 60);
    let named = |id: &str| index.news.lists.iter().any(|l| l.id == id);
    assert!(named("tat-ca") && named("the-chi-thi-05"));
    assert!(index
        .categories
        .iter()
        .all(|c| named(&format!("chuyen-muc-{}", c.slug))));
    // Every tag's pages are there, named in the index or not.
    assert!(c.out.join("news/the-tu-khoa-0-so-11/1.json").is_file());
    let renamed = index
        .categories
        .iter()
        .find(|c| c.name == "Gương sáng tuyên giáo")
        .expect("the renamed category");
    assert_eq!(renamed.id, "guong-sang-tuyen-giao");
    assert!(content
        .articles
        .iter()
        .filter(|a| a.summary.id == "bai-993")
        .all(|a| a.summary.category == "guong-sang-tuyen-giao"));
    assert!(index.categories.iter().any(|c| c.name == "Chuyên đề số 8"));
    let _ = fs::remove_dir_all(&root);
}

#[test]
fn a_json_feed_imports() {
    let root = temp("json-feed");
    let json = r#"{"version": "https://jsonfeed.org/version/1.1", "title": "Bản tin Đoàn Thanh niên",
      "items": [{"id": "jf-1", "url": "https://doan.example.vn/bai/1", "title": "Ra quân Chiến dịch Thanh niên tình nguyện",
        "content_html": "<p>Sáng 23/11, hơn 500 đoàn viên thanh niên toàn tỉnh ra quân chiến dịch tình nguyện mùa đông năm 2026, tập trung vào các công trình vì cộng đồng ở vùng sâu, vùng xa.</p><ol><li>Sửa đường giao thông nông thôn</li><li>Tặng quà học sinh nghèo</li></ol>",
        "summary": "Hơn 500 đoàn viên ra quân.", "date_published": "2026-11-23T07:30:00+07:00",
        "authors": [{"name": "Hoàng Nam"}], "tags": ["Tình nguyện", "Mùa đông"]}]}"#;
    fs::write(root.join("feed.json"), json).unwrap();
    let c = common(&root, Duration::from_secs(5));
    let (report, result) = run(
        &c,
        &Source::Feed(
            vec![root.join("feed.json").to_string_lossy().to_string()],
            bantin_import::feed::Options {
                category: Some("Hoạt động Đoàn".into()),
            },
        ),
    );
    result.unwrap_or_else(|e| panic!("{e}\n{report}"));
    assert_checks(&c.out);
    let (_, content) = dir::read_content(&c.out).unwrap();
    let a = &content.articles[0];
    assert_eq!(a.summary.title, "Ra quân Chiến dịch Thanh niên tình nguyện");
    assert_eq!(a.summary.published, "2026-11-23T07:30:00+07:00");
    assert_eq!(a.summary.author.as_deref(), Some("Hoàng Nam"));
    assert_eq!(a.summary.category, "hoat-dong-doan");
    assert_eq!(a.summary.sapo, "Hơn 500 đoàn viên ra quân.");
    assert!(matches!(&a.body[1], Block::List { ordered: true, items } if items.len() == 2));
    let _ = fs::remove_dir_all(&root);
}
