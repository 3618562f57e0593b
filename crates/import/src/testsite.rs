//! A NukeViet-shaped portal generated in memory and served on loopback,
//! for the import's tests and its benchmark (`bantin-feed bench-import`).
//!
//! Its pages follow NukeViet 4.5's own templates (news `detail.tpl`,
//! `viewcat_page.tpl`, the RSS and sitemap writers, module-laws'
//! `detail.tpl`, work-schedules' `main.tpl`), with their bugs: the RSS
//! `pubDate` with the month in the minutes, a malformed
//! `article:published_time`, a schema.org `datePublished` that is the edit
//! time. The text is Vietnamese written for these tests. The server counts
//! an article's views as NukeViet does (once per session cookie), answers
//! `If-None-Match` with 304, and has hostile pages on demand: a redirect
//! loop, a server that stalls, a truncated answer, a 5 MB page, a page in
//! another encoding than it declares, a page full of script.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::Duration;

use bantin_format::datetime::Date;
use bantin_format::display::weekday_name;

use crate::http::fnv;
use crate::nukeviet::nukeviet_week;

/// What the generated portal holds.
#[derive(Clone, Debug)]
pub struct Spec {
    pub articles: usize,
    pub laws: usize,
    /// The newest article is published on this day, 08:00 Vietnam time;
    /// the calendar has weeks around it.
    pub today: Date,
    /// The hostile pages, and an RSS feed that links to them.
    pub hostile: bool,
    /// `op=instant-rss` turned on, carrying the `n` newest articles (its
    /// time window); `None`: off, answered 404 as NukeViet does by default.
    pub instant_rss: Option<usize>,
    /// Tags each article has of its own, besides the two they all share.
    pub own_tags: usize,
    /// Categories: the three of [`CATEGORIES`], then "Chuyên đề số N".
    pub categories: usize,
}

impl Spec {
    /// A portal of `articles` articles and `laws` documents, nothing more.
    pub fn new(articles: usize, laws: usize, today: Date) -> Spec {
        Spec {
            articles,
            laws,
            today,
            hostile: false,
            instant_rss: None,
            own_tags: 0,
            categories: CATEGORIES.len(),
        }
    }

    /// Article `i`'s category: (alias, name).
    pub fn category(&self, i: usize) -> (String, String) {
        let k = i % self.categories.max(1);
        match CATEGORIES.get(k) {
            Some((alias, name)) => (alias.to_string(), name.to_string()),
            None => (format!("chuyen-de-so-{k}"), format!("Chuyên đề số {k}")),
        }
    }

    /// Article `i`'s tags.
    pub fn tags(&self, i: usize) -> Vec<String> {
        ["Chỉ thị 05".to_string(), "tuyên giáo".to_string()]
            .into_iter()
            .chain((0..self.own_tags).map(|k| format!("Từ khóa {i} số {k}")))
            .collect()
    }
}

/// The categories: (alias, name).
pub const CATEGORIES: [(&str, &str); 3] = [
    ("tin-tuc-su-kien", "Tin tức – Sự kiện"),
    ("hoc-tap-va-lam-theo-bac", "Học tập và làm theo Bác"),
    ("ly-luan-chinh-tri", "Lý luận – Chính trị"),
];

pub const SITE_NAME: &str = "Ban Tuyên giáo Tỉnh ủy Mẫu Sơn";
/// The portal's views of an article before anyone imports it.
pub fn initial_views(number: u64) -> u64 {
    100 + number * 7 % 900
}

/// Article numbers: the newest is `FIRST_ARTICLE`.
pub const FIRST_ARTICLE: u64 = 1000;

#[derive(Clone)]
enum Page {
    Fixed {
        content_type: &'static str,
        body: Vec<u8>,
    },
    /// The module's list page `n` (rendered with the views of the moment).
    List(usize),
    /// An article (counts a view).
    Article(u64, Vec<u8>),
    Redirect(String),
    Stall,
    Truncated,
}

/// The portal: its pages by request target (`/index.php?language=vi&nv=…`).
pub struct Site {
    pages: HashMap<String, Page>,
    /// (number, address, title) of every article, newest first.
    listed: Vec<(u64, String, String)>,
}

fn nv(module: &str, op: Option<&str>) -> String {
    match op {
        Some(op) => format!("/index.php?language=vi&nv={module}&op={op}"),
        None => format!("/index.php?language=vi&nv={module}"),
    }
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// A PNG's first bytes: enough for a reader of sizes.
pub fn png(width: u32, height: u32) -> Vec<u8> {
    let mut b = vec![0x89, b'P', b'N', b'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13];
    b.extend_from_slice(b"IHDR");
    b.extend_from_slice(&width.to_be_bytes());
    b.extend_from_slice(&height.to_be_bytes());
    b.extend_from_slice(&[8, 2, 0, 0, 0, 0, 0, 0, 0]);
    b.extend_from_slice(&[0, 0, 0, 0, b'I', b'E', b'N', b'D', 0xae, 0x42, 0x60, 0x82]);
    b
}

const PLACES: [&str; 6] = [
    "huyện Yên Lạc",
    "thành phố Mẫu Sơn",
    "xã Hồng Phong",
    "thị xã Đông Triều",
    "huyện Lục Ngạn",
    "phường Quang Trung",
];
const TOPICS: [&str; 6] = [
    "Hội nghị tổng kết công tác tuyên giáo",
    "Tập huấn nghiệp vụ báo cáo viên",
    "Học tập chuyên đề Chỉ thị 05",
    "Hội thi tuyên truyền viên giỏi",
    "Tọa đàm bảo vệ nền tảng tư tưởng của Đảng",
    "Sơ kết công tác dư luận xã hội",
];

/// The time of article `i` (0 newest): Vietnam wall clock.
fn article_time(today: Date, i: usize) -> (Date, u8, u8) {
    shifted_time(today, i, 0)
}

/// The time of article `i` moved by `minutes`.
fn shifted_time(today: Date, i: usize, shift: i64) -> (Date, u8, u8) {
    let minutes = 8 * 60 - (i as i64) * 7 * 60 - (i as i64 % 4) * 15 + shift;
    let day = today.add_days(minutes.div_euclid(24 * 60));
    let m = minutes.rem_euclid(24 * 60);
    (day, (m / 60) as u8, (m % 60) as u8)
}

/// `date('c')` for a Vietnam wall-clock time.
fn iso(d: Date, h: u8, m: u8) -> String {
    format!("{d}T{h:02}:{m:02}:00+07:00")
}

/// NukeViet 4.5's RSS pubDate: `gmdate('D, j M Y H:m:s')`, the month as
/// the minutes.
fn buggy_pubdate(d: Date, h: u8, _m: u8) -> String {
    const DAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    // To UTC: seven hours earlier.
    let (day, hour) = if h >= 7 {
        (d, h - 7)
    } else {
        (d.add_days(-1), h + 17)
    };
    format!(
        "{}, {} {} {} {:02}:{:02}:00 GMT",
        DAYS[(day.weekday() - 1) as usize],
        day.day,
        MONTHS[(day.month - 1) as usize],
        day.year,
        hour,
        day.month
    )
}

/// The article's title.
pub fn title(i: usize) -> String {
    format!(
        "{} tại {} lần thứ {}",
        TOPICS[i % TOPICS.len()],
        PLACES[i % PLACES.len()],
        i + 1
    )
}

/// Its lead.
pub fn hometext(i: usize) -> String {
    format!(
        "Sáng nay, {} tổ chức {} với sự tham gia của {} đại biểu.",
        PLACES[(i + 1) % PLACES.len()],
        TOPICS[i % TOPICS.len()].to_lowercase(),
        40 + i % 60
    )
}

/// When article `i` was last edited (NukeViet's `edittime`): every third
/// one 90 minutes after its publication; the others were saved 10 minutes
/// before it (set to publish later), so they have no later change.
pub fn edit_time(today: Date, i: usize) -> (Date, u8, u8) {
    if i % 3 == 1 {
        shifted_time(today, i, 90)
    } else {
        shifted_time(today, i, -10)
    }
}

/// Article `i`'s author line: every fifth signs with a position.
pub fn author(i: usize) -> &'static str {
    if i % 5 == 2 {
        "Lê Thu Hà, Phó Trưởng phòng Tuyên truyền"
    } else {
        "Minh Anh"
    }
}

fn detail_url(spec: &Spec, i: usize) -> (u64, String) {
    let number = FIRST_ARTICLE - i as u64;
    let (alias, _) = spec.category(i);
    let slug = bantin_format::text::slugify(&title(i));
    (
        number,
        nv("news", Some(&format!("{alias}/{slug}-{number}"))),
    )
}

fn layout(title: &str, breadcrumbs: &str, head: &str, main: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"vi\"><head><meta charset=\"utf-8\"><title>{}</title>{head}\
         <script src=\"/themes/default/js/main.js\"></script></head><body>\
         <div class=\"breadcrumbs-wrap\"><ul class=\"temp-breadcrumbs hidden\" itemscope \
         itemtype=\"https://schema.org/BreadcrumbList\">{breadcrumbs}</ul></div>\
         <div class=\"col-md-18\">{main}</div>\
         <div class=\"counter\">Đang truy cập 62 · Hôm nay 18.089</div></body></html>",
        esc(title)
    )
}

fn crumb(href: &str, title: &str, pos: usize) -> String {
    format!(
        "<li itemprop=\"itemListElement\" itemscope itemtype=\"https://schema.org/ListItem\">\
         <a href=\"{}\" itemprop=\"item\" title=\"{t}\"><span class=\"txt\" itemprop=\"name\">{t}</span></a>\
         <i class=\"hidden\" itemprop=\"position\" content=\"{pos}\"></i></li>",
        esc(href),
        t = esc(title)
    )
}

fn article_body(i: usize, hostile: bool) -> String {
    let mut b = String::new();
    b.push_str(&format!(
        "<p>Tham dự {} có đồng chí <strong>Nguyễn Văn An</strong>, Ủy viên Ban Thường vụ, \
         Trưởng Ban Tuyên giáo Tỉnh ủy; lãnh đạo các ban, ngành, đoàn thể của tỉnh.</p>",
        TOPICS[i % TOPICS.len()].to_lowercase()
    ));
    b.push_str(&format!(
        "<p style=\"text-align: center;\"><img alt=\"Quang cảnh {}\" src=\"/uploads/news/2026_11/anh-{}.png\" \
         width=\"800\" height=\"450\" /></p>\
         <p style=\"text-align: center;\"><em>Quang cảnh buổi làm việc tại {}</em></p>",
        PLACES[i % PLACES.len()],
        i,
        PLACES[i % PLACES.len()]
    ));
    b.push_str(
        "<p>Năm qua, công tác tuyên truyền được triển khai <em>kịp thời, đồng bộ</em>; \
         việc học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh đi vào chiều sâu.</p>",
    );
    if i.is_multiple_of(3) {
        b.push_str(
            "<h3>Nhiệm vụ trọng tâm</h3><ul><li>Đổi mới nội dung sinh hoạt chi bộ</li>\
             <li>Nắm bắt dư luận xã hội ở cơ sở</li><li>Nhân rộng điển hình tiên tiến</li></ul>",
        );
    }
    if i.is_multiple_of(5) {
        b.push_str(
            "<blockquote><p>Tuyên truyền phải đi trước một bước, đến tận từng chi bộ.</p>\
             <footer>Trưởng Ban Tuyên giáo Tỉnh ủy</footer></blockquote>",
        );
    }
    if i.is_multiple_of(4) {
        b.push_str(
            "<table border=\"1\"><tbody><tr><th>Chỉ tiêu</th><th>Kết quả</th></tr>\
             <tr><td>Đảng viên học tập chuyên đề</td><td>97,5%</td></tr>\
             <tr><td>Báo cáo viên được tập huấn</td><td>412</td></tr></tbody></table>",
        );
    }
    if hostile && i == 0 {
        b.push_str(&format!(
            "<script>document.cookie='x'</script><style>.x{{color:red}}</style>\
             <p onclick=\"alert(1)\">Xem <a href=\"javascript:alert(2)\">tại đây</a> và \
             <a href=\"https://dangcongsan.vn/\">Báo Điện tử Đảng Cộng sản</a>.</p>\
             <p><a href=\"{}\">Hướng dẫn tuyên truyền kỷ niệm ngày thành lập Đảng bộ tỉnh</a></p>\
             <iframe src=\"https://www.youtube.com/embed/aBcDeFgHiJk\" title=\"Phóng sự hội nghị\"></iframe>",
            esc(&nv("laws", Some("detail/huong-dan-tuyen-truyen-0")))
        ));
    }
    b
}

/// Article 1's "File đính kèm": (file name, its bytes' address on the
/// portal).
pub const NEWS_FILE: &str = "ke-hoach-to-chuc-hoi-nghi.pdf";

/// The bytes of article 1's attached file.
pub fn news_file() -> Vec<u8> {
    b"%PDF-1.4\n% ke hoach\n%%EOF\n".to_vec()
}

fn article_page(spec: &Spec, i: usize) -> String {
    let (number, url) = detail_url(spec, i);
    let (alias, cat) = spec.category(i);
    let (alias, cat) = (alias.as_str(), cat.as_str());
    let (d, h, m) = article_time(spec.today, i);
    let (ed, eh, em) = edit_time(spec.today, i);
    let t = title(i);
    let head = format!(
        "<meta property=\"article:published_time\" content=\"{d}ICT{h:02}:{m:02}:00\">\
         <meta property=\"og:title\" content=\"{}\">",
        esc(&t)
    );
    let breadcrumbs = format!(
        "{}{}",
        crumb(&nv("news", None), "Tin tức", 1),
        crumb(&nv("news", Some(alias)), cat, 2)
    );
    let source = if i.is_multiple_of(2) {
        "<p class=\"h5 text-right\"><strong>Nguồn tin: </strong>Báo Mẫu Sơn</p>"
    } else {
        ""
    };
    let main = format!(
        "<div class=\"news_column panel panel-default\" itemtype=\"http://schema.org/NewsArticle\" itemscope>\
         <div class=\"panel-body\"><h1 class=\"title margin-bottom-lg\" itemprop=\"headline\">{title}</h1>\
         <span class=\"hidden hide d-none\" itemprop=\"datePublished\">{edited}</span>\
         <span class=\"hidden hide d-none\" itemprop=\"dateModified\">{edited}</span>\
         <div class=\"row margin-bottom-lg\"><div class=\"col-md-12\"><span class=\"h5\">{wd} - {dd:02}/{mm:02}/{yy} {h:02}:{m:02}</span></div>\
         <div class=\"col-md-12\"><ul class=\"list-inline text-right\"><li><a class=\"dimgray\" title=\"In ra\" \
         href=\"javascript: void(0)\" onclick=\"nv_open_browse('/print');return false\"><em class=\"fa fa-print fa-lg\">&nbsp;</em></a></li></ul></div></div>\
         <div class=\"clearfix\"><figure class=\"article left pointer\" onclick=\"modalShowByObj('#imgpreview');\">\
         <div style=\"width:300px;\"><p class=\"text-center\"><img alt=\"{title}\" src=\"/assets/news/2026_11/bia-{i}.png\" alt=\"Ảnh bìa\" class=\"img-thumbnail\"/></p>\
         <figcaption>Ảnh: Phóng viên Ban Tuyên giáo</figcaption></div></figure>\
         <div class=\"hometext m-bottom\" itemprop=\"description\">{hometext}</div></div>\
         <div id=\"news-bodyhtml\" class=\"bodytext margin-bottom-lg\">{body}</div>\
         {files}<div class=\"margin-bottom-lg\"><p class=\"h5 text-right\"><strong>Tác giả: </strong>{author}</p>{source}</div>\
         </div></div>\
         <div class=\"news_column panel panel-default\"><div class=\"panel-body\"><div class=\"h5\">\
         <em class=\"fa fa-tags\">&nbsp;</em><strong>Từ khóa: </strong>{tags}</div></div></div>",
        title = esc(&t),
        wd = weekday_name(d.weekday()).to_lowercase().replacen("thứ", "Thứ", 1).replacen("chủ", "Chủ", 1),
        dd = d.day,
        mm = d.month,
        yy = d.year,
        hometext = esc(&hometext(i)),
        body = article_body(i, spec.hostile),
        tags = spec
            .tags(i)
            .iter()
            .map(|tag| format!(
                "<a title=\"{t}\" href=\"{}\"><em>{t}</em></a>",
                esc(&nv("news", Some(&format!("tag/{}", bantin_format::text::slugify(tag))))),
                t = esc(tag)
            ))
            .collect::<Vec<_>>()
            .join(", "),
        edited = iso(ed, eh, em),
        author = esc(author(i)),
        files = if i == 1 {
            // NukeViet's news detail.tpl, block "files".
            format!(
                "<div class=\"panel panel-default\"><div class=\"panel-heading\"><i class=\"fa fa-download\"></i> \
                 <strong>File đính kèm</strong></div><div class=\"list-group news-download-file\"><div class=\"list-group-item\">\
                 <a href=\"{}\" title=\"Tải về  {NEWS_FILE}\" download>Tải về : <strong>{NEWS_FILE}</strong></a></div></div></div>",
                esc(&format!("{url}&download=1&id=0"))
            )
        } else {
            String::new()
        },
    );
    let _ = number;
    layout(&t, &breadcrumbs, &head, &main)
}

/// Article `i` as `op=instant-rss` gives it (NukeViet 4.5's
/// `nv_rss_generate(…, 'ISO8601')` and assets/tpl/rss.tpl): the dates in
/// ISO 8601, the author, the lead, and the whole page in
/// `content:encoded`, its header holding the cover, the title, the lead,
/// the category (`op-kicker`) and the times of publication and edit.
fn instant_item(spec: &Spec, i: usize) -> String {
    let (_, url) = detail_url(spec, i);
    let (d, h, m) = article_time(spec.today, i);
    let (ed, eh, em) = edit_time(spec.today, i);
    let (_, cat) = spec.category(i);
    let t = esc(&title(i));
    let modified = if (ed, eh, em) > (d, h, m) {
        format!(
            "<time class=\"op-modified\" dateTime=\"{}\">{eh:02}:{em:02}: {:02}/{:02}/{}</time>",
            iso(ed, eh, em),
            ed.day,
            ed.month,
            ed.year
        )
    } else {
        String::new()
    };
    format!(
        "<item><title>{t}</title><link>{link}</link><guid isPermaLink=\"false\"><![CDATA[{guid:016x}]]></guid>\
         <pubDate>{published}</pubDate><author><![CDATA[{author}]]></author>\
         <description><![CDATA[{lead}]]></description><content:encoded><![CDATA[<!doctype html>\
         <html lang=\"vi\" prefix=\"op: http://media.facebook.com/op#\"><head><meta charset=\"utf-8\">\
         <link rel=\"canonical\" href=\"{link}\"><meta property=\"op:markup_version\" content=\"v1.0\"></head>\
         <body><article><header><figure><img src=\"/assets/news/2026_11/bia-{i}.png\" /><figcaption>Ảnh: Phóng viên Ban Tuyên giáo</figcaption></figure>\
         <h1>{t}</h1><h2>{lead}</h2><h3 class=\"op-kicker\">{cat}</h3>\
         <time class=\"op-published\" datetime=\"{published}\">{h:02}:{m:02}: {:02}/{:02}/{}</time>{modified}</header>\
         {body}</article></body></html>]]></content:encoded></item>",
        d.day,
        d.month,
        d.year,
        link = esc(&url),
        guid = fnv(&format!("news_{i}")),
        published = iso(d, h, m),
        author = author(i),
        lead = esc(&hometext(i)),
        cat = esc(&cat),
        body = article_body(i, spec.hostile),
    )
}

/// (alias, number, title, issued, effective, expires, signer, type, fields)
fn law(k: usize, today: Date) -> (String, String, String, Date) {
    let codes = ["HD", "KH", "TB", "CV", "NQ"];
    let code = codes[k % codes.len()];
    let number = format!("{}-{code}/BTGTU", 112 - k);
    let titles = [
        "Hướng dẫn tuyên truyền kỷ niệm ngày thành lập Đảng bộ tỉnh",
        "Kế hoạch tổ chức Hội thi báo cáo viên giỏi năm 2026",
        "Thông báo kết luận của Thường trực Ban Tuyên giáo",
        "Công văn về việc định hướng thông tin tháng 12",
        "Nghị quyết về công tác tuyên giáo năm 2027",
    ];
    let t = format!("{} (đợt {})", titles[k % titles.len()], k + 1);
    (
        format!("huong-dan-tuyen-truyen-{k}"),
        number,
        t,
        today.add_days(-(3 + 9 * k as i64)),
    )
}

/// Numeric character references for every letter outside ASCII, as
/// NukeViet's editors may store them.
fn ncr(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c.is_ascii() {
                c.to_string()
            } else {
                format!("&#{};", c as u32)
            }
        })
        .collect()
}

/// A document a relation row lists: (its page, its number, its title).
pub type Related = (String, String, String);

/// Module-laws' relation rows (detail.tpl's "replacement",
/// "unreplacement", "relatement"): (label, documents listed). Law 0
/// replaces law 2 and relates to law 1 and to a document the portal no
/// longer lists; law 2 is replaced by law 0; law 1 relates to law 0.
pub fn law_relations(k: usize, laws: usize, today: Date) -> Vec<(&'static str, Vec<Related>)> {
    let listed = |j: usize| {
        let (alias, number, t, _) = law(j, today);
        (nv("laws", Some(&format!("detail/{alias}"))), number, t)
    };
    let gone = (
        nv("laws", Some("detail/quy-che-cu")),
        "57-QC/BTGTU".to_string(),
        "Quy chế làm việc (đã bãi bỏ)".to_string(),
    );
    if laws < 3 {
        return Vec::new();
    }
    match k {
        0 => vec![
            ("Văn bản được thay thế", vec![listed(2)]),
            ("Văn bản liên quan", vec![listed(1), gone]),
        ],
        1 => vec![("Văn bản liên quan", vec![listed(0)])],
        2 => vec![("Văn bản thay thế", vec![listed(0)])],
        _ => Vec::new(),
    }
}

fn law_page(k: usize, laws: usize, today: Date) -> String {
    let (_, number, t, issued) = law(k, today);
    let relations: String = law_relations(k, laws, today)
        .into_iter()
        .map(|(label, docs)| {
            let items: String = docs
                .iter()
                .map(|(href, code, title)| {
                    format!(
                        "<li><a rel=\"dofollow\" href=\"{}\" title=\"{t}\">{}</a> - {t}</li>",
                        esc(href),
                        esc(code),
                        t = esc(title)
                    )
                })
                .collect();
            format!("<tr><td class=\"text-right\">{label}</td><td><ul class=\"list-item\">{items}</ul></td></tr>")
        })
        .collect();
    let kind = crate::nukeviet::type_from_number(&number).unwrap_or("Văn bản");
    let effective = issued.add_days(7);
    let expires = issued.add_days(372);
    let f = |d: Date| format!("{:02}/{:02}/{}", d.day, d.month, d.year);
    let row = |label: &str, value: &str| {
        format!("<tr class=\"hoatim\"><td style=\"width:160px\" class=\"text-right\">{label}</td><td>{value}</td></tr>")
    };
    let download = nv(
        "laws",
        Some(&format!(
            "detail/huong-dan-tuyen-truyen-{k}&download=1&id=0"
        )),
    );
    let main = format!(
        "<h1 class=\"lawh3\">{}</h1><p>Trích yếu: {}</p><div class=\"table-responsive\">\
         <table class=\"table table-striped table-bordered table-hover\"><tbody>{}{}{}{}{}{}{}{}{relations}</tbody></table></div>\
         <h2 class=\"lawh3\"><em class=\"fa fa-download\">&nbsp;</em>File đính kèm</h2>\
         <div class=\"list-group laws-download-file\"><div class=\"list-group-item\">\
         <a rel=\"dofollow\" href=\"{}\" title=\"Tải tập tin {}\">Tải tập tin : <strong>{}.pdf</strong></a></div></div>",
        esc(&t),
        esc(&t),
        row("Số kí hiệu", &number),
        row("Ngày ban hành", &f(issued)),
        row("Ngày bắt đầu hiệu lực", &f(effective)),
        row("Ngày hết hiệu lực", &f(expires)),
        row("Thể loại", &format!("<a rel=\"dofollow\" href=\"/index.php?language=vi&amp;nv=laws&amp;op=cat/loai-{k}\" title=\"{kind}\">{kind}</a>")),
        row("Lĩnh vực", "<a href=\"#\" title=\"Tuyên truyền\">Tuyên truyền</a><br /><a href=\"#\" title=\"Văn hóa - Văn nghệ\">Văn hóa - Văn nghệ</a><br />"),
        row("Cơ quan ban hành", "<a href=\"#\">Ban Tuyên giáo Tỉnh ủy</a>"),
        row("Người ký", "<a href=\"#\" title=\"Trần Thị Bình\">Trần Thị Bình</a>"),
        esc(&download),
        esc(&number),
        number.replace('/', "-"),
    );
    layout(&t, "", "", &main)
}

/// The bytes of law `k`'s file.
pub fn law_file(k: usize) -> Vec<u8> {
    format!(
        "%PDF-1.4\n% văn bản số {k}\n{}\n%%EOF\n",
        "0".repeat(500 + k * 13)
    )
    .into_bytes()
}

fn week_page(monday: Date) -> String {
    let (y, n) = nukeviet_week(monday);
    let mut rows = String::new();
    for d in 0..5 {
        let day = monday.add_days(d);
        let label = format!(
            "{}<br />{:02}/{:02}/{}",
            weekday_name(day.weekday()),
            day.day,
            day.month,
            day.year
        );
        rows.push_str(&format!(
            "<tr><td class=\"text-center middle\" rowspan=\"2\">{label}</td>\
             <td class=\"text-center middle{hl}\"><strong>07:30 - 11:00</strong></td>\
             <td class=\"middle{hl}\">{content}</td><td class=\"middle{hl}\">Lãnh đạo Ban, các phòng chuyên môn</td>\
             <td class=\"middle{hl}\">Phòng họp số {room}</td><td class=\"middle{hl}\">Trưởng Ban</td><td class=\"middle{hl}\"></td></tr>\
             <tr><td class=\"text-center middle\"><strong>14:00</strong></td>\
             <td class=\"middle\">Làm việc với Ban Tuyên giáo {place}</td><td class=\"middle\"></td>\
             <td class=\"middle\">{place}</td><td class=\"middle\">Phó Trưởng Ban</td><td class=\"middle\">Chuẩn bị: Phòng Tuyên truyền</td></tr>",
            hl = if d == 0 { " highlights" } else { "" },
            content = if d == 0 { "Giao ban đầu tuần" } else { "Làm việc tại cơ quan" },
            room = d + 1,
            place = PLACES[d as usize % PLACES.len()],
        ));
    }
    let main = format!(
        "<div class=\"schedule-list-tool clearfix\"><a class=\"btn btn-warning dropdown-toggle\">Tuần thứ {n} ({:02}/{:02}/{} đến {:02}/{:02}/{})</a></div>\
         <table class=\"table table-bordered schedule-list mb20\"><thead><tr>\
         <th class=\"text-center\">Thứ/Ngày</th><th class=\"text-center\" style=\"white-space: nowrap;\">Thời gian</th>\
         <th class=\"text-center\">Nội dung</th><th class=\"text-center\">Thành phần</th><th class=\"text-center\">Địa điểm</th>\
         <th class=\"text-center\">Chủ trì</th><th class=\"text-center\">Ghi chú</th></tr></thead>\
         <tbody><tr><th colspan=\"7\" class=\"week-head\">Tuần {n}</th></tr>{rows}</tbody></table>",
        monday.day,
        monday.month,
        monday.year,
        monday.add_days(6).day,
        monday.add_days(6).month,
        monday.add_days(6).year,
    );
    let _ = y;
    layout("Lịch công tác tuần", "", "", &main)
}

impl Site {
    /// The portal `spec` describes.
    pub fn nukeviet(spec: &Spec) -> Site {
        let mut pages = HashMap::new();
        let html = |s: String| Page::Fixed {
            content_type: "text/html; charset=utf-8",
            body: s.into_bytes(),
        };
        let xml = |s: String| Page::Fixed {
            content_type: "application/xml; charset=utf-8",
            body: s.into_bytes(),
        };
        pages.insert(
            "/".to_string(),
            html(layout(SITE_NAME, "", "", "<h2>Trang chủ</h2>")),
        );
        let mut listed = Vec::new();
        let mut sitemap = String::from(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><?xml-stylesheet type=\"text/xsl\" href=\"/assets/css/sitemap.xsl\"?>\
             <urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">",
        );
        let mut rss = String::from(
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\" \
             xmlns:atom=\"http://www.w3.org/2005/Atom\"><channel><title>Tin tức</title><link>/index.php?language=vi&amp;nv=news</link>\
             <description><![CDATA[Tin tức của Ban]]></description><language>vi</language><generator><![CDATA[NukeViet v4.0]]></generator>",
        );
        let mut instant = String::from(
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\" \
             xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:atom=\"http://www.w3.org/2005/Atom\"><channel><title>Tin tức</title>\
             <link>/index.php?language=vi&amp;nv=news</link><description><![CDATA[Tin tức của Ban]]></description><language>vi</language>",
        );
        for i in 0..spec.articles {
            let (number, url) = detail_url(spec, i);
            let (d, h, m) = article_time(spec.today, i);
            if spec.instant_rss.is_some_and(|n| i < n) {
                instant.push_str(&instant_item(spec, i));
            }
            sitemap.push_str(&format!(
                "<url><loc>{}</loc><lastmod>{}</lastmod><changefreq>daily</changefreq><priority>0.8</priority></url>",
                esc(&url),
                iso(d, h, m)
            ));
            if i < 30 {
                rss.push_str(&format!(
                    "<item><title>{}</title><link>{}</link><guid isPermaLink=\"false\"><![CDATA[news_{number}]]></guid>\
                     <pubDate>{}</pubDate><description><![CDATA[<img src=\"/assets/news/2026_11/bia-{i}.png\" width=\"100\" align=\"left\" border=\"0\">{}]]></description></item>",
                    esc(&title(i)),
                    esc(&url),
                    buggy_pubdate(d, h, m),
                    esc(&hometext(i))
                ));
            }
            pages.insert(
                url.clone(),
                Page::Article(number, article_page(spec, i).into_bytes()),
            );
            pages.insert(
                format!("/uploads/news/2026_11/anh-{i}.png"),
                Page::Fixed {
                    content_type: "image/png",
                    body: png(800, 450 + (i % 50) as u32),
                },
            );
            pages.insert(
                format!("/assets/news/2026_11/bia-{i}.png"),
                Page::Fixed {
                    content_type: "image/png",
                    body: png(300, 200),
                },
            );
            if i == 1 {
                pages.insert(
                    format!("{url}&download=1&id=0"),
                    Page::Fixed {
                        content_type: "application/pdf",
                        body: news_file(),
                    },
                );
            }
            listed.push((number, url, title(i)));
        }
        sitemap.push_str("</urlset>");
        rss.push_str("</channel></rss>");
        instant.push_str("</channel></rss>");
        if spec.instant_rss.is_some() {
            pages.insert(nv("news", Some("instant-rss")), xml(instant));
        }
        pages.insert(nv("news", Some("sitemap")), xml(sitemap));
        pages.insert(nv("news", Some("rss")), xml(rss));
        let list_pages = spec.articles.div_ceil(20).max(1);
        pages.insert(nv("news", None), Page::List(1));
        for p in 2..=list_pages {
            pages.insert(nv("news", Some(&format!("page-{p}"))), Page::List(p));
        }

        // Laws.
        let mut laws_rss = String::from(
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<rss version=\"2.0\"><channel><title>Văn bản</title>\
             <link>/index.php?language=vi&amp;nv=laws</link><description>Văn bản</description>",
        );
        for k in 0..spec.laws {
            let (alias, number, t, issued) = law(k, spec.today);
            // One title double-encoded (&amp;#…;), as some portals' RSS has it.
            let title_xml = if k == 1 {
                ncr(&format!("[{number}] {t}")).replace('&', "&amp;")
            } else {
                ncr(&format!("[{number}] {t}"))
            };
            laws_rss.push_str(&format!(
                "<item><title>{title_xml}</title><link>{}</link><guid isPermaLink=\"false\">laws_{k}</guid>\
                 <description><![CDATA[Ngày ban hành: {:02}/{:02}/{}. Trích yếu: {}]]></description></item>",
                esc(&nv("laws", Some(&format!("detail/{alias}")))),
                issued.day,
                issued.month,
                issued.year,
                esc(&t)
            ));
            pages.insert(
                nv("laws", Some(&format!("detail/{alias}"))),
                html(law_page(k, spec.laws, spec.today)),
            );
            pages.insert(
                nv("laws", Some(&format!("detail/{alias}&download=1&id=0"))),
                Page::Fixed {
                    content_type: "application/pdf",
                    body: law_file(k),
                },
            );
        }
        laws_rss.push_str("</channel></rss>");
        if spec.laws > 0 {
            pages.insert(nv("laws", Some("rss")), xml(laws_rss));
        }

        // Work schedules: ten weeks before today's week to two after.
        let monday = spec.today.add_days(-i64::from(spec.today.weekday() - 1));
        for k in -10..=2 {
            let m = monday.add_days(7 * k);
            let (y, n) = nukeviet_week(m);
            pages.insert(
                nv("work-schedules", Some(&format!("tuan-{n}-{y}"))),
                html(week_page(m)),
            );
        }

        if spec.hostile {
            hostile_pages(&mut pages);
        }
        Site { pages, listed }
    }

    /// Another page, or one replaced (a test changes the portal).
    pub fn put(&mut self, target: &str, content_type: &'static str, body: Vec<u8>) {
        self.pages.insert(
            target.to_string(),
            Page::Fixed {
                content_type,
                body: body.to_vec(),
            },
        );
    }

    /// A page taken away (a portal that turned its sitemap off).
    pub fn remove(&mut self, target: &str) {
        self.pages.remove(target);
    }

    fn list_page(&self, n: usize, views: &HashMap<u64, u64>) -> Vec<u8> {
        let mut main = String::new();
        for (number, url, t) in self.listed.iter().skip((n - 1) * 20).take(20) {
            main.push_str(&format!(
                "<div class=\"panel panel-default\"><div class=\"panel-body\"><h3><a href=\"{u}\" title=\"{t}\">{t}</a></h3>\
                 <div class=\"text-muted\"><ul class=\"list-unstyled list-inline\"><li><em class=\"fa fa-clock-o\">&nbsp;</em> 23/11/2026 08:00</li>\
                 <li><em class=\"fa fa-eye\">&nbsp;</em> Đã xem: {v}</li></ul></div></div></div>",
                u = esc(url),
                t = esc(t),
                v = views.get(number).copied().unwrap_or(0),
            ));
        }
        layout("Tin tức", "", "", &main).into_bytes()
    }
}

fn hostile_pages(pages: &mut HashMap<String, Page>) {
    let html = |s: String| Page::Fixed {
        content_type: "text/html; charset=utf-8",
        body: s.into_bytes(),
    };
    pages.insert(
        "/hostile/loop".into(),
        Page::Redirect("/hostile/loop".into()),
    );
    pages.insert(
        "/hostile/bounce-a".into(),
        Page::Redirect("/hostile/bounce-b".into()),
    );
    pages.insert(
        "/hostile/bounce-b".into(),
        Page::Redirect("javascript:alert(1)".into()),
    );
    pages.insert("/hostile/stall".into(), Page::Stall);
    pages.insert("/hostile/truncated".into(), Page::Truncated);
    let paragraph = "<p>Đoạn văn rất dài của một trang nặng, lặp lại để trang vượt quá năm mêgabai mà vẫn đọc được.</p>";
    let big = format!(
        "<html><body><article><h1>Trang nặng</h1>{}</article></body></html>",
        paragraph.repeat(5 * 1024 * 1024 / paragraph.len() + 1)
    );
    pages.insert("/hostile/big".into(), html(big));
    // Declared UTF-8, written in windows-1258 (decomposed Vietnamese).
    let text = "<html><head><meta charset=\"utf-8\"></head><body><article><p>Hội nghị tổng kết công tác tuyên giáo của Đảng bộ tỉnh được tổ chức trọng thể.</p></article></body></html>";
    let decomposed: String = unicode_normalization::UnicodeNormalization::nfd(text).collect();
    let (bytes, _, _) = encoding_rs::WINDOWS_1258.encode(&decomposed);
    pages.insert(
        "/hostile/cp1258".into(),
        Page::Fixed {
            content_type: "text/html; charset=utf-8",
            body: bytes.into_owned(),
        },
    );
    pages.insert(
        "/hostile/script".into(),
        html(
            "<html><body><article><script>fetch('/steal?'+document.cookie)</script>\
             <style>article{background:url(/steal)}</style>\
             <p onmouseover=\"alert(1)\">Bài viết có mã độc <a href=\"javascript:alert(2)\">bấm</a> \
             <a href=\"data:text/html,<script>alert(3)</script>\">vào đây</a>.</p>\
             <img src=\"data:image/svg+xml;base64,PHN2Zz4=\" alt=\"x\"><object data=\"x.swf\"></object>\
             <p>Nội dung còn lại của bài viết vẫn được giữ nguyên để bạn đọc theo dõi.</p></article></body></html>"
                .into(),
        ),
    );
    let items: String = ["loop", "bounce-a", "stall", "truncated", "big", "cp1258", "script"]
        .iter()
        .enumerate()
        .map(|(k, p)| {
            format!(
                "<item><title>Bài thử {p}</title><link>/hostile/{p}</link><guid>hostile-{p}</guid>\
                 <pubDate>Mon, 23 Nov 2026 0{k}:15:00 +0700</pubDate><description>Tóm tắt bài {p}</description></item>"
            )
        })
        .collect();
    pages.insert(
        "/hostile/feed.xml".into(),
        Page::Fixed {
            content_type: "application/rss+xml",
            body: format!(
                "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Trang thử</title><link>/</link>{items}</channel></rss>"
            )
            .into_bytes(),
        },
    );
}

/// What the server saw.
#[derive(Default)]
pub struct State {
    pub requests: AtomicUsize,
    pub not_modified: AtomicUsize,
    in_flight: AtomicUsize,
    /// The most requests it was answering at once.
    pub max_in_flight: AtomicUsize,
    /// Each article's view count (NukeViet's `hitstotal`).
    pub views: Mutex<HashMap<u64, u64>>,
    sessions: Mutex<HashMap<String, HashSet<u64>>>,
    next_session: AtomicUsize,
    pub user_agents: Mutex<HashSet<String>>,
    /// Request targets, in order.
    pub targets: Mutex<Vec<String>>,
}

/// The portal on a loopback port, until dropped.
pub struct Server {
    /// "http://127.0.0.1:PORT/"
    pub base: String,
    pub state: Arc<State>,
    pub site: Arc<Mutex<Site>>,
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
    addr: std::net::SocketAddr,
}

impl Server {
    pub fn start(site: Site) -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").expect("a loopback port");
        let addr = listener.local_addr().expect("bound");
        let state = Arc::new(State::default());
        {
            let mut v = state.views.lock().unwrap();
            for (number, _, _) in &site.listed {
                v.insert(*number, initial_views(*number));
            }
        }
        let site = Arc::new(Mutex::new(site));
        let stop = Arc::new(AtomicBool::new(false));
        let (st, si, sp) = (state.clone(), site.clone(), stop.clone());
        let thread = std::thread::spawn(move || {
            for conn in listener.incoming() {
                if sp.load(Ordering::SeqCst) {
                    break;
                }
                let Ok(conn) = conn else { continue };
                let (st, si) = (st.clone(), si.clone());
                std::thread::spawn(move || {
                    let _ = handle(conn, &st, &si);
                });
            }
        });
        Server {
            base: format!("http://{addr}/"),
            state,
            site,
            stop,
            thread: Some(thread),
            addr,
        }
    }

    pub fn views(&self, number: u64) -> u64 {
        self.state
            .views
            .lock()
            .unwrap()
            .get(&number)
            .copied()
            .unwrap_or(0)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        let _ = TcpStream::connect(self.addr);
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

fn handle(conn: TcpStream, state: &State, site: &Mutex<Site>) -> std::io::Result<()> {
    conn.set_read_timeout(Some(Duration::from_secs(10)))?;
    let mut reader = BufReader::new(conn.try_clone()?);
    let mut line = String::new();
    reader.read_line(&mut line)?;
    let target = line.split_whitespace().nth(1).unwrap_or("/").to_string();
    let mut headers = BTreeMap::new();
    loop {
        let mut h = String::new();
        if reader.read_line(&mut h)? == 0 || h == "\r\n" || h == "\n" {
            break;
        }
        if let Some((k, v)) = h.split_once(':') {
            headers.insert(k.trim().to_ascii_lowercase(), v.trim().to_string());
        }
    }
    let n = state.in_flight.fetch_add(1, Ordering::SeqCst) + 1;
    state.max_in_flight.fetch_max(n, Ordering::SeqCst);
    state.requests.fetch_add(1, Ordering::SeqCst);
    state.targets.lock().unwrap().push(target.clone());
    if let Some(ua) = headers.get("user-agent") {
        state.user_agents.lock().unwrap().insert(ua.clone());
    }
    let result = respond(&conn, &target, &headers, state, site);
    state.in_flight.fetch_sub(1, Ordering::SeqCst);
    // Let the client read to the end before the socket closes.
    let mut sink = [0u8; 1];
    let _ = conn.set_read_timeout(Some(Duration::from_millis(1)));
    let _ = (&conn).read(&mut sink);
    result
}

fn respond(
    mut conn: &TcpStream,
    target: &str,
    headers: &BTreeMap<String, String>,
    state: &State,
    site: &Mutex<Site>,
) -> std::io::Result<()> {
    let page = site.lock().unwrap().pages.get(target).cloned();
    let mut set_cookie = String::new();
    let (content_type, body) = match page {
        None => {
            let body = b"<html><body><h1>404</h1></body></html>";
            write!(
                conn,
                "HTTP/1.1 404 Not Found\r\nContent-Type: text/html\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                body.len()
            )?;
            return conn.write_all(body);
        }
        Some(Page::Redirect(to)) => {
            return write!(
                conn,
                "HTTP/1.1 302 Found\r\nLocation: {to}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
            );
        }
        Some(Page::Stall) => {
            conn.write_all(
                b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 1000\r\n\r\n<html>",
            )?;
            std::thread::sleep(Duration::from_secs(8));
            return Ok(());
        }
        Some(Page::Truncated) => {
            conn.write_all(
                "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 5000\r\nConnection: close\r\n\r\n<html><body><article><p>Bài viết bị c"
                    .as_bytes(),
            )?;
            return Ok(());
        }
        Some(Page::Fixed { content_type, body }) => (content_type, body),
        Some(Page::List(n)) => {
            let views = state.views.lock().unwrap().clone();
            (
                "text/html; charset=utf-8",
                site.lock().unwrap().list_page(n, &views),
            )
        }
        Some(Page::Article(number, body)) => {
            // NukeViet: a view once per session.
            let session = headers.get("cookie").and_then(|c| {
                c.split(';')
                    .find_map(|p| p.trim().strip_prefix("nvsession=").map(str::to_string))
            });
            let session = match session {
                Some(s) => s,
                None => {
                    let s = format!("s{}", state.next_session.fetch_add(1, Ordering::SeqCst));
                    set_cookie = format!("Set-Cookie: nvsession={s}; path=/; HttpOnly\r\n");
                    s
                }
            };
            let fresh = state
                .sessions
                .lock()
                .unwrap()
                .entry(session)
                .or_default()
                .insert(number);
            if fresh {
                *state.views.lock().unwrap().entry(number).or_default() += 1;
            }
            ("text/html; charset=utf-8", body)
        }
    };
    let etag = format!("\"{:016x}\"", fnv(&String::from_utf8_lossy(&body)));
    if headers.get("if-none-match") == Some(&etag) {
        state.not_modified.fetch_add(1, Ordering::SeqCst);
        return write!(
            conn,
            "HTTP/1.1 304 Not Modified\r\nETag: {etag}\r\n{set_cookie}Connection: close\r\n\r\n"
        );
    }
    write!(
        conn,
        "HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\nETag: {etag}\r\n{set_cookie}Connection: close\r\n\r\n",
        body.len()
    )?;
    conn.write_all(&body)?;
    conn.flush()
}
