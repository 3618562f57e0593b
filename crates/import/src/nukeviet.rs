//! `bantin-feed import nukeviet --site URL --out FEED`: a NukeViet 4.x
//! portal's news, documents (the `laws` module) and working calendar (the
//! `work-schedules` module), whichever it has. Read from NukeViet 4.5's
//! own templates and code; the addresses are the ones every NukeViet
//! answers, with or without friendly URLs
//! (`index.php?language=vi&nv={module}&op=…`).
//!
//! **News.** The module's sitemap (`op=sitemap`, up to 1,000 newest
//! articles) lists the articles with their true publication time
//! (`date('c', publtime)`, with its offset). The RSS (`op=rss`) has only
//! 30 items, and NukeViet 4.5 writes their `pubDate` with
//! `gmdate('D, j M Y H:m:s')`: the month where the minutes belong; and the
//! page's `article:published_time` is `date('Y-m-dTH:i:s')`, whose `T` is
//! the zone's abbreviation, and its schema.org `datePublished` is the
//! edit time. So the time comes from the sitemap, then the page's visible
//! date line ("Thứ hai - 23/11/2026 08:30", Vietnam time), and only then
//! from the RSS, repaired ([`rss_pubdate`], without its minutes: a
//! warning). Each article page gives the title, the lead (`.hometext`),
//! the picture above it with its caption, the body (`#news-bodyhtml`), the
//! "File đính kèm" files, the author (and a position written after it)
//! and source lines, the tags, the category (the breadcrumbs) and the last
//! edit (schema.org's `dateModified`, `date('c', edittime)`).
//!
//! **instant-rss.** `op=instant-rss`, when the portal turned it on (it is
//! off by default: a 404), carries up to 1,000 articles marked for it,
//! within a time window, each whole in `content:encoded` with its author
//! and its times of publication and edit in ISO 8601 (`op-published`,
//! `op-modified`). Those articles are built from it and their pages are
//! not opened (no view counted); it lacks the tags and the source line,
//! so `--no-instant-rss` reads every page. The others are read from their
//! pages.
//!
//! **Views without inflating the counter.** NukeViet adds a view when a
//! session that has not seen the article opens it (`$nv_Request`'s session,
//! a cookie). The client keeps the portal's cookies for the whole run and
//! in its cache across runs, so an import adds at most one view per
//! article per portal session (none for an article instant-rss carries),
//! and a later run does not open an article it already has (with the same
//! time, when the listing gives an exact one) at all, nor a document's
//! page and files (the laws module counts views and downloads the same
//! way) it already has with the same number and date. The view counts
//! come from the module's list pages ("Đã xem: N"), which count nothing,
//! read after the articles were opened, so they hold the import's visit
//! and the next run reads the same.
//!
//! **Documents.** The laws RSS gives `[số ký hiệu] title` (the title may
//! carry numeric character references, decoded here) and the detail
//! page's address; the detail page the type, issuer, signer, the dates of
//! issue, effect and expiry, the fields, the documents it replaces, is
//! replaced by and relates to (by their pages' addresses: the ones
//! imported become ids) and the files, which are downloaded into the
//! feed's `files/` with their size and type.
//!
//! **Working calendar.** One page per week, `op=tuan-{N}-{YYYY}`, whose
//! week numbers are NukeViet's own: week 1 is the Monday-to-Sunday week
//! that holds 1 January. Each entry's day is read from its row, so the
//! entries land in the right ISO week whatever the page's number.

use std::collections::{BTreeMap, HashMap};
use std::fs;
use std::path::Path;

use bantin_format::datetime::{Date, DateTime};
use bantin_format::model::*;
use bantin_format::text::slugify;
use scraper::{ElementRef, Html, Selector};

use crate::feed::{
    article_from_html, author_name, category, html_text, sapo_of, short_slug, Parts,
};
use crate::html::{convert, text_of};
use crate::http::{fnv, resolve, Client};
use crate::media::Media;
use crate::text::{clean, find_vn_date, hour_minute, in_vietnam, vietnam_time};
use crate::write::{site_named, Incoming, Staging};
use crate::Report;

#[derive(Clone, Debug)]
pub struct Options {
    /// The portal's address, ending in `/`.
    pub site: String,
    pub news_module: String,
    pub laws_module: String,
    pub schedule_module: String,
    /// Articles to import at most (newest first).
    pub limit: usize,
    /// Weeks of the calendar to import, ending with the week after today's.
    pub weeks: usize,
    /// Today, Vietnam time (the calendar's weeks are counted from it).
    pub today: Date,
    /// Category names by the portal's category alias (`--category
    /// alias=Name`); otherwise the breadcrumbs' name.
    pub categories: BTreeMap<String, String>,
    pub site_name: Option<String>,
    /// Read the articles `op=instant-rss` carries from it instead of
    /// their pages (when the portal has it on): no page opened, no view
    /// counted, but no tags nor source line (`--no-instant-rss`: pages).
    pub instant_rss: bool,
}

fn sel(s: &str) -> Selector {
    Selector::parse(s).expect("a valid selector")
}

impl Options {
    pub fn url(&self, module: &str, op: Option<&str>) -> String {
        let mut u = format!("{}index.php?language=vi&nv={module}", self.site);
        if let Some(op) = op {
            u.push_str("&op=");
            u.push_str(op);
        }
        u
    }
}

/// Everything the portal has, merged into the feed being staged.
pub fn import(
    client: &Client,
    media: &Media,
    staging: &Staging,
    o: &Options,
) -> (Incoming, Report) {
    let mut report = Report::default();
    let mut incoming = Incoming::default();

    // The site's name, for a new feed.
    if staging.existing().is_none() {
        let name = o.site_name.clone().or_else(|| {
            let home = client.get(&o.site).ok()?;
            let doc = Html::parse_document(&home.text().0);
            doc.select(&sel("title"))
                .next()
                .map(|t| clean(&text_of(t)))
                .filter(|t| !t.is_empty())
        });
        incoming.site = name.map(|n| site_named(&n));
    }

    let documents = laws(client, staging, o, &mut report);
    let by_url: HashMap<String, String> = documents
        .iter()
        .map(|(url, d)| (url.clone(), d.id.clone()))
        .collect();
    incoming.documents = documents.into_iter().map(|(_, d)| d).collect();

    news(
        client,
        media,
        staging,
        o,
        &by_url,
        &mut incoming,
        &mut report,
    );
    incoming.weeks = schedules(client, o, &mut report);
    report.weeks = incoming.weeks.len();
    report.images = media.count();
    (incoming, report)
}

// ------------------------------------------------------------------ news

/// The article id NukeViet gives an address (`…/{alias}-{id}.html` or
/// `op={cat}/{alias}-{id}`).
pub fn article_number(url: &str) -> Option<u64> {
    let path = url.split('#').next()?;
    let last = path.rsplit(['/', '=']).next()?;
    let last = last.strip_suffix(".html").unwrap_or(last);
    let n = last.rsplit('-').next()?;
    n.parse().ok()
}

/// The category alias of an article address.
pub fn category_alias(url: &str) -> Option<String> {
    let path = url.split(['#']).next()?;
    let op = path
        .split_once("op=")
        .map(|(_, op)| op.split('&').next().unwrap_or(op).to_string())
        .or_else(|| {
            // Friendly: /{module}/{cat}/{alias}-{id}.html
            let segs: Vec<&str> = path.split('/').collect();
            (segs.len() >= 2).then(|| segs[segs.len() - 2..].join("/"))
        })?;
    let (cat, _) = op.rsplit_once('/')?;
    Some(cat.rsplit('/').next().unwrap_or(cat).to_string())
}

/// NukeViet 4.5's RSS `pubDate` (`gmdate('D, j M Y H:m:s')`, UTC): the
/// day and hour are right, the "minutes" are the month. Returns the time
/// with the minutes it could know (none: 0), and whether it had to guess.
pub fn rss_pubdate(s: &str) -> Option<(DateTime, bool)> {
    // "Mon, 23 Nov 2026 01:11:12 GMT"
    let parts: Vec<&str> = s.split_whitespace().collect();
    let [_, day, month, year, time, ..] = parts.as_slice() else {
        return None;
    };
    const MONTHS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let m = MONTHS
        .iter()
        .position(|x| month.to_ascii_lowercase().starts_with(x))? as u8
        + 1;
    let date = Date::new(year.parse().ok()?, m, day.parse().ok()?)?;
    let hms: Vec<u32> = time.split(':').filter_map(|x| x.parse().ok()).collect();
    let [h, mi, sec] = hms.as_slice() else {
        return None;
    };
    let buggy = *mi == u32::from(m);
    let minute = if buggy { 0 } else { *mi };
    if *h > 23 || minute > 59 || *sec > 59 {
        return None;
    }
    let unix = date.days() * 86_400 + i64::from(h * 3600 + minute * 60 + sec);
    Some((DateTime { unix, offset: 0 }, buggy))
}

struct Listed {
    url: String,
    number: u64,
    /// The sitemap's time (exact).
    published: Option<String>,
    /// The RSS's time, repaired, and whether its minutes were lost.
    rss_time: Option<(String, bool)>,
}

/// A listing the news module gives (its sitemap, its RSS), parsed; a
/// failed fetch is reported and gives `None`.
fn listing(client: &Client, url: &str, report: &mut Report) -> Option<Html> {
    match client.get(url) {
        Ok(got) => Some(Html::parse_document(&got.text().0)),
        Err(e) => {
            report.fail(url, e);
            None
        }
    }
}

/// The cleaned text of `el`'s first `name` element.
fn child_text(el: ElementRef, name: &str) -> Option<String> {
    el.select(&sel(name))
        .next()
        .map(|e| clean(&e.text().collect::<String>()))
}

fn sitemap(client: &Client, o: &Options, report: &mut Report) -> Vec<Listed> {
    let Some(doc) = listing(client, &o.url(&o.news_module, Some("sitemap")), report) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for u in doc.select(&sel("url")) {
        let text_in = |name: &str| child_text(u, name);
        let Some(loc) = text_in("loc").and_then(|l| resolve(&o.site, &l)) else {
            continue;
        };
        let Some(number) = article_number(&loc) else {
            continue;
        };
        let published = text_in("lastmod")
            .and_then(|t| DateTime::parse_rfc3339(&t))
            .map(in_vietnam);
        out.push(Listed {
            url: loc,
            number,
            published,
            rss_time: None,
        });
    }
    out
}

/// The RSS's items when the sitemap gives none (a portal that turned it
/// off): address and repaired time.
fn rss_items(client: &Client, o: &Options, report: &mut Report) -> Vec<Listed> {
    let Some(doc) = listing(client, &o.url(&o.news_module, Some("rss")), report) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for item in doc.select(&sel("item")) {
        let text_in = |name: &str| child_text(item, name);
        // html5ever reads <link> as a void element: its address is the text after it.
        let link = item
            .select(&sel("link"))
            .next()
            .and_then(|l| l.next_sibling())
            .and_then(|n| n.value().as_text().map(|t| clean(t)))
            .or_else(|| text_in("link"))
            .and_then(|l| resolve(&o.site, &l));
        let Some(link) = link else { continue };
        let Some(number) = article_number(&link) else {
            continue;
        };
        let rss_time = text_in("pubdate")
            .and_then(|p| rss_pubdate(&p))
            .map(|(t, buggy)| (in_vietnam(t), buggy));
        out.push(Listed {
            url: link,
            number,
            published: None,
            rss_time,
        });
    }
    out
}

/// An article as `op=instant-rss` carries it.
struct Instant {
    link: String,
    title: String,
    /// Its `op-published` (exact, ISO 8601), for a portal without a sitemap.
    published: Option<String>,
    author: Option<String>,
    /// `content:encoded`: a whole HTML page.
    html: String,
}

/// The module's `op=instant-rss` (off by default in NukeViet: a 404, said
/// nowhere; on, it lists up to 1,000 articles marked for it, within its
/// time window), by article number.
fn instant_items(client: &Client, o: &Options, report: &mut Report) -> BTreeMap<u64, Instant> {
    let url = o.url(&o.news_module, Some("instant-rss"));
    let got = match client.get(&url) {
        Ok(g) => g,
        Err(e) => {
            if !e.contains("404") {
                report.warn(
                    &url,
                    format!("not read ({e}): the article pages are read instead"),
                );
            }
            return BTreeMap::new();
        }
    };
    let feed = match feed_rs::parser::parse(&got.body[..]) {
        Ok(f) => f,
        Err(e) => {
            report.warn(
                &url,
                format!("not an RSS feed ({e}): the article pages are read instead"),
            );
            return BTreeMap::new();
        }
    };
    let mut out = BTreeMap::new();
    for e in feed.entries {
        let Some(link) = e.links.first().and_then(|l| resolve(&o.site, &l.href)) else {
            continue;
        };
        let (Some(number), Some(html)) = (article_number(&link), e.content.and_then(|c| c.body))
        else {
            continue;
        };
        let published = Html::parse_document(&html)
            .select(&sel("time.op-published"))
            .next()
            .and_then(|t| t.attr("datetime").and_then(DateTime::parse_rfc3339))
            .map(in_vietnam);
        out.entry(number).or_insert(Instant {
            published,
            title: e.title.map(|t| html_text(&t.content)).unwrap_or_default(),
            author: e.authors.first().and_then(author_name),
            link,
            html,
        });
    }
    out
}

/// "Đã xem: N" beside each article link of the module's list pages.
fn list_views(
    client: &Client,
    o: &Options,
    wanted: usize,
    report: &mut Report,
) -> HashMap<u64, u64> {
    let page_url = |page: usize| {
        if page == 1 {
            o.url(&o.news_module, None)
        } else {
            o.url(&o.news_module, Some(&format!("page-{page}")))
        }
    };
    let first = page_url(1);
    let Ok(got) = client.get(&first) else {
        report.warn(&first, "the list page could not be read: no view counts");
        return HashMap::new();
    };
    let mut views = HashMap::new();
    let per_page = page_views(&got, &mut views);
    if per_page == 0 || views.len() >= wanted {
        return views;
    }
    // The pages that hold the rest, fetched as the client allows.
    let pages: Vec<usize> = (2..=wanted.div_ceil(per_page)).collect();
    for got in client
        .map(&pages, |p| client.get(&page_url(*p)))
        .into_iter()
        .flatten()
    {
        page_views(&got, &mut views);
    }
    views
}

/// The counts of one list page; the number of articles it lists.
fn page_views(got: &crate::http::Fetched, views: &mut HashMap<u64, u64>) -> usize {
    let doc = Html::parse_document(&got.text().0);
    let mut listed = 0;
    for h in doc.select(&sel("h3 a[href], h2 a[href]")) {
        let Some(n) = h
            .attr("href")
            .and_then(|href| resolve(&got.url, href))
            .and_then(|u| article_number(&u))
        else {
            continue;
        };
        listed += 1;
        // The count is in the same panel as the link.
        let panel = h.ancestors().filter_map(ElementRef::wrap).find(|e| {
            e.value()
                .classes()
                .any(|c| c == "panel-body" || c == "news-item")
        });
        if let Some(panel) = panel {
            let text = clean(&text_of(panel));
            if let Some(v) = count_after(&text, "Đã xem:") {
                views.entry(n).or_insert(v);
            }
        }
    }
    listed
}

/// The number after `label` ("Đã xem: 1.234" → 1234).
pub fn count_after(text: &str, label: &str) -> Option<u64> {
    let lower = text.to_lowercase();
    let i = lower.find(&label.to_lowercase())?;
    let rest = text[i + label.len()..].trim_start();
    let digits: String = rest
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == '.' || *c == ',')
        .filter(char::is_ascii_digit)
        .collect();
    digits.parse().ok()
}

#[allow(clippy::too_many_arguments)]
fn news(
    client: &Client,
    media: &Media,
    staging: &Staging,
    o: &Options,
    documents: &HashMap<String, String>,
    incoming: &mut Incoming,
    report: &mut Report,
) {
    let instant = if o.instant_rss {
        instant_items(client, o, report)
    } else {
        BTreeMap::new()
    };
    let mut listed = sitemap(client, o, report);
    if listed.is_empty() {
        // Without a sitemap: instant-rss's articles (exact times, up to
        // 1,000), newest first, then the RSS's 30.
        listed = instant
            .iter()
            .rev()
            .map(|(number, item)| Listed {
                url: item.link.clone(),
                number: *number,
                published: item.published.clone(),
                rss_time: None,
            })
            .collect();
        listed.extend(rss_items(client, o, report));
    }
    let mut seen = std::collections::HashSet::new();
    listed.retain(|l| seen.insert(l.number));
    listed.truncate(o.limit);
    if listed.is_empty() {
        return;
    }

    struct Done {
        article: Option<Article>,
        category: Option<Category>,
        unchanged: bool,
        warnings: Vec<String>,
        error: Option<String>,
    }
    let results = client.map(&listed, |l| {
        let id = format!("bai-{}", l.number);
        // Known, with the same time (or known, when the listing has no
        // exact time: a portal without its sitemap): not opened again (no
        // view added).
        if let Some(old) = staging.article(&id) {
            if l.published
                .as_ref()
                .is_none_or(|p| &old.summary.published == p)
            {
                return Done {
                    article: Some(old.clone()),
                    category: None,
                    unchanged: true,
                    warnings: Vec::new(),
                    error: None,
                };
            }
        }
        let mut warnings = Vec::new();
        let read = match instant.get(&l.number) {
            Some(item) => read_instant(item, &mut warnings),
            None => read_page(client, l, &mut warnings),
        };
        let made = read.and_then(|r| article_from(media, o, l, &id, documents, r, &mut warnings));
        match made {
            Ok((a, cat)) => Done {
                article: Some(a),
                category: Some(cat),
                unchanged: false,
                warnings,
                error: None,
            },
            Err(e) => Done {
                article: None,
                category: None,
                unchanged: false,
                warnings,
                error: Some(e),
            },
        }
    });
    // The counts after the pages were opened: they hold the import's own
    // visit, so the next run reads the same counts.
    let views = list_views(client, o, listed.len(), report);
    for (l, d) in listed.iter().zip(results) {
        for w in d.warnings {
            report.warn(&l.url, w);
        }
        if let Some(e) = d.error {
            report.fail(&l.url, e);
        }
        if let Some(c) = d.category {
            if !incoming.categories.iter().any(|k| k.id == c.id) {
                incoming.categories.push(c);
            }
        }
        if let Some(mut a) = d.article {
            if let Some(v) = views.get(&l.number) {
                a.summary.views = Some(*v);
            }
            if d.unchanged {
                report.unchanged += 1;
            } else {
                report.articles += 1;
            }
            incoming.articles.push(a);
        }
    }
}

/// What an article's source (its page, or its `op=instant-rss` item) gives.
struct Read {
    title: String,
    sapo: String,
    /// The source's own time of publication (the page's date line, the
    /// instant-rss item's `op-published`), when the listing has none.
    published: Option<String>,
    /// The last edit, when after the publication.
    edited: Option<DateTime>,
    author: Option<String>,
    source: Option<Source>,
    tags: Vec<String>,
    cover: Option<Image>,
    /// The category's name as the source writes it.
    category: Option<String>,
    body: Vec<Block>,
}

/// "Tác giả: Lê Thu Hà, Phó Trưởng phòng Tuyên truyền": NukeViet has one
/// author field, and a portal that signs with a position writes it after
/// a comma. Split only when what follows names a position, so two
/// authors ("Minh Anh, Thu Hà") stay one author line.
pub fn author_and_position(line: &str) -> (Option<String>, Option<String>) {
    const POSITIONS: &[&str] = &[
        "trưởng",
        "phó",
        "chủ tịch",
        "bí thư",
        "ủy viên",
        "uỷ viên",
        "giám đốc",
        "chánh",
        "tổng biên tập",
        "thư ký",
        "chuyên viên",
        "cán bộ",
        "báo cáo viên",
        "phóng viên",
        "biên tập viên",
        "cộng tác viên",
        "phòng",
        "ban ",
        "văn phòng",
    ];
    let line = clean(line);
    if line.is_empty() {
        return (None, None);
    }
    if let Some((name, rest)) = line.split_once(',') {
        let (name, rest) = (clean(name), clean(rest));
        let lower = rest.to_lowercase();
        if !name.is_empty() && POSITIONS.iter().any(|p| lower.starts_with(p)) {
            return (Some(name), Some(rest));
        }
    }
    (Some(line), None)
}

/// The picture `img` shows, with its figure's caption.
fn picture(img: ElementRef<'_>, base: &str) -> Option<Image> {
    let src = resolve(base, img.attr("src")?)?;
    let caption = img
        .ancestors()
        .filter_map(ElementRef::wrap)
        .find(|e| e.value().name() == "figure")
        .and_then(|f| f.select(&sel("figcaption")).next())
        .map(|c| clean(&text_of(c)))
        .filter(|c| !c.is_empty());
    let alt = clean(img.attr("alt").unwrap_or(""));
    Some(Image {
        alt: if bantin_format::alt::is_junk(&alt, &src) {
            String::new()
        } else {
            alt
        },
        src,
        caption,
        credit: None,
        width: None,
        height: None,
    })
}

/// An article's page: `#news-bodyhtml`, `.hometext`, the date line, the
/// author and source lines, the tags, the breadcrumbs, the attached files.
fn read_page(client: &Client, l: &Listed, warnings: &mut Vec<String>) -> Result<Read, String> {
    let got = client.get(&l.url)?;
    let (text, enc) = got.text();
    warnings.extend(enc);
    let doc = Html::parse_document(&text);
    let first_text = |s: &str| {
        doc.select(&sel(s))
            .next()
            .map(|e| clean(&text_of(e)))
            .filter(|t| !t.is_empty())
    };
    let title = first_text("h1.title")
        .or_else(|| first_text("[itemprop=headline]"))
        .or_else(|| first_text("h1"))
        .ok_or("no title (h1.title) on the page")?;
    let body_el = doc
        .select(&sel("#news-bodyhtml"))
        .next()
        .ok_or("no article body (#news-bodyhtml) on the page")?;
    let converted = convert(body_el, &got.url);
    warnings.extend(converted.warnings);
    let mut body = converted.blocks;
    // "File đính kèm": each file a line linking to it on the portal (the
    // format has no file of an article's own; opening it is the reader's
    // download, not the import's).
    for a in doc.select(&sel(".news-download-file a[href]")) {
        let Some(url) = a.attr("href").and_then(|h| resolve(&got.url, h)) else {
            continue;
        };
        let text = clean(&text_of(a));
        if !text.is_empty() {
            body.push(Block::Paragraph {
                runs: vec![Run {
                    text,
                    bold: false,
                    italic: false,
                    link: Some(url),
                }],
            });
        }
    }

    // The visible date line: "Thứ hai - 23/11/2026 08:30".
    let line = doc
        .select(&sel(".panel-body .h5, .news_column .h5, .time, .date"))
        .find_map(|e| find_vn_date(&clean(&text_of(e))));
    let published = match line {
        Some((d, Some((h, m)))) => Some(vietnam_time(d, h, m)),
        Some((d, None)) if l.rss_time.is_none() => Some(vietnam_time(d, 0, 0)),
        _ => None,
    };
    // schema.org's dateModified (and datePublished, NukeViet 4.5 writes
    // both from `edittime`, `date('c')`): the last edit.
    let edited = first_text("[itemprop=dateModified]")
        .or_else(|| first_text("[itemprop=datePublished]"))
        .and_then(|t| DateTime::parse_rfc3339(&t));

    let sapo = first_text(".hometext")
        .map(|t| sapo_of(&t))
        .unwrap_or_default();
    let cover = doc
        .select(&sel("figure.article img, #imgpreview img"))
        .next()
        .and_then(|img| picture(img, &got.url));

    // "Tác giả: …", "Nguồn tin: …" lines.
    let mut author = None;
    let mut source = None;
    for p in doc.select(&sel("p.h5, .author, .source")) {
        let t = clean(&text_of(p));
        if let Some(rest) = t.strip_prefix("Tác giả:") {
            author = Some(clean(rest)).filter(|a| !a.is_empty());
        } else if let Some(rest) = t
            .strip_prefix("Nguồn tin:")
            .or_else(|| t.strip_prefix("Nguồn:"))
        {
            let url = p
                .select(&sel("a[href]"))
                .next()
                .and_then(|a| resolve(&got.url, a.attr("href")?))
                .filter(|u| {
                    bantin_format::validate::is_feed_url(u, bantin_format::validate::UrlUse::Link)
                });
            source = Some(clean(rest))
                .filter(|s| !s.is_empty())
                .map(|name| Source { name, url });
        }
    }
    let tags: Vec<String> = doc
        .select(&sel(".h5"))
        .filter(|e| clean(&text_of(*e)).starts_with("Từ khóa"))
        .flat_map(|e| {
            e.select(&sel("a"))
                .map(|a| clean(&text_of(a)))
                .collect::<Vec<_>>()
        })
        .filter(|t| !slugify(t).is_empty())
        .collect();

    // The category's name in the breadcrumbs.
    let alias = category_alias(&l.url).unwrap_or_default();
    let category = doc
        .select(&sel("[itemprop=itemListElement] a"))
        .filter(|a| !alias.is_empty() && a.attr("href").is_some_and(|h| h.contains(&alias)))
        .map(|a| clean(a.attr("title").unwrap_or(&text_of(a))))
        .next_back();
    Ok(Read {
        title,
        sapo,
        published,
        edited,
        author,
        source,
        tags,
        cover,
        category,
        body,
    })
}

/// An `op=instant-rss` item (NukeViet 4.5's assets/tpl/rss.tpl): the whole
/// article in `content:encoded`, whose header holds the cover, the title,
/// the lead, the category (`op-kicker`) and the times (`op-published`,
/// `op-modified`, ISO 8601); the author in `<author>`. No tags nor source
/// line: those are only on the page.
fn read_instant(item: &Instant, warnings: &mut Vec<String>) -> Result<Read, String> {
    let doc = Html::parse_document(&item.html);
    let article = doc
        .select(&sel("article"))
        .next()
        .ok_or("the instant-rss item has no <article>")?;
    let header = sel("article > header");
    let in_header = |s: &str| {
        article
            .select(&header)
            .next()
            .and_then(|h| h.select(&sel(s)).next())
    };
    let text_in = |s: &str| {
        in_header(s)
            .map(|e| clean(&text_of(e)))
            .filter(|t| !t.is_empty())
    };
    let time_in = |s: &str| {
        in_header(s)
            .and_then(|e| e.attr("datetime"))
            .and_then(DateTime::parse_rfc3339)
    };
    let title = text_in("h1")
        .or_else(|| Some(item.title.clone()).filter(|t| !t.is_empty()))
        .ok_or("the instant-rss item has no title")?;
    let converted = crate::html::convert_except(article, &item.link, &header);
    warnings.extend(converted.warnings);
    Ok(Read {
        title,
        sapo: text_in("h2").map(|t| sapo_of(&t)).unwrap_or_default(),
        published: time_in("time.op-published").map(in_vietnam),
        edited: time_in("time.op-modified"),
        author: item.author.clone(),
        source: None,
        tags: Vec::new(),
        cover: in_header("figure img").and_then(|img| picture(img, &item.link)),
        category: text_in("h3.op-kicker"),
        body: converted.blocks,
    })
}

/// The article `read` gives, in the feed's terms: its time (the sitemap's
/// first), its category (mapped by `--category`), its pictures fetched.
fn article_from(
    media: &Media,
    o: &Options,
    l: &Listed,
    id: &str,
    documents: &HashMap<String, String>,
    read: Read,
    warnings: &mut Vec<String>,
) -> Result<(Article, Category), String> {
    // The sitemap's time; else the source's (Vietnam time, to the
    // minute); else the RSS's, repaired.
    let published = match (&l.published, read.published, &l.rss_time) {
        (Some(p), _, _) => p.clone(),
        (None, Some(p), _) => p,
        (None, None, Some((t, buggy))) => {
            if *buggy {
                warnings.push(
                    "the time is the RSS's, whose minutes are the month (NukeViet 4.5): \
                     written without its minutes"
                        .into(),
                );
            }
            t.clone()
        }
        (None, None, None) => return Err("no publication time (sitemap, date line or RSS)".into()),
    };
    // An edit before publication (an article saved, then published at
    // its set time) is no update.
    let updated = match (read.edited, DateTime::parse_rfc3339(&published)) {
        (Some(e), Some(p)) if e.unix > p.unix => Some(in_vietnam(e)),
        _ => None,
    };
    let mut body = read.body;
    attachments(&mut body, documents);

    // The category: its alias in the address, its name from --category,
    // else the source's.
    let alias = category_alias(&l.url).unwrap_or_else(|| "tin-tuc".into());
    let name = o.categories.get(&alias).cloned().or(read.category);
    let cat = name
        .as_deref()
        .and_then(category)
        .or_else(|| category(&alias.replace('-', " ")))
        .or_else(|| category(crate::feed::DEFAULT_CATEGORY))
        .expect("a category");

    let (author, author_position) = read
        .author
        .as_deref()
        .map_or((None, None), author_and_position);
    let mut article = article_from_html(
        Parts {
            id: id.to_string(),
            title: read.title,
            sapo: read.sapo,
            published,
            updated,
            date_only: false,
            author,
            source: read.source,
            category: cat.id.clone(),
            tags: read.tags,
            cover: read.cover,
            views: None,
        },
        body,
    );
    article.summary.author_position = author_position;
    article.summary.slug = {
        let s = short_slug(&article.summary.title, 80);
        if s.is_empty() {
            id.to_string()
        } else {
            format!("{s}-{}", l.number)
        }
    };
    media.article(&mut article, warnings);
    Ok((article, cat))
}

/// A paragraph that is only a link to a document imported from the laws
/// module becomes an attachment of that document.
fn attachments(body: &mut [Block], documents: &HashMap<String, String>) {
    for b in body.iter_mut() {
        if let Block::Paragraph { runs } = b {
            let linked: Vec<&Run> = runs.iter().filter(|r| !r.text.trim().is_empty()).collect();
            if let [only] = linked.as_slice() {
                if let Some(id) = only.link.as_ref().and_then(|l| documents.get(l)) {
                    *b = Block::Attachment {
                        document: id.clone(),
                        title: Some(clean(&only.text)),
                    };
                }
            }
        }
    }
}

// ------------------------------------------------------------------ laws

/// Document types by the code in their number (`112-HD/BTGTU`).
const TYPE_CODES: &[(&str, &str)] = &[
    ("HD", "Hướng dẫn"),
    ("NQ", "Nghị quyết"),
    ("CT", "Chỉ thị"),
    ("KL", "Kết luận"),
    ("KH", "Kế hoạch"),
    ("BC", "Báo cáo"),
    ("QĐ", "Quyết định"),
    ("QD", "Quyết định"),
    ("TB", "Thông báo"),
    ("CV", "Công văn"),
    ("QC", "Quy chế"),
    ("CTr", "Chương trình"),
];

/// The type a number's code names ("112-HD/BTGTU" → "Hướng dẫn").
pub fn type_from_number(number: &str) -> Option<&'static str> {
    let head = number.split('/').next()?;
    let code = head.rsplit(['-', ' ']).next()?;
    TYPE_CODES
        .iter()
        .find(|(c, _)| c.eq_ignore_ascii_case(code))
        .map(|(_, t)| *t)
}

/// "[112-HD/BTGTU] Hướng dẫn …" → ("112-HD/BTGTU", "Hướng dẫn …").
pub fn split_law_title(title: &str) -> Option<(String, String)> {
    let t = title.trim();
    let rest = t.strip_prefix('[')?;
    let (number, title) = rest.split_once(']')?;
    let (number, title) = (clean(number), clean(title));
    (!number.is_empty() && !title.is_empty()).then_some((number, title))
}

fn media_type(name: &str) -> &'static str {
    match name
        .rsplit('.')
        .next()
        .map(str::to_ascii_lowercase)
        .as_deref()
    {
        Some("pdf") => "application/pdf",
        Some("doc") => "application/msword",
        Some("docx") => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        Some("xls") => "application/vnd.ms-excel",
        Some("xlsx") => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        Some("ppt") => "application/vnd.ms-powerpoint",
        Some("pptx") => "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        Some("zip") => "application/zip",
        Some("rar") => "application/vnd.rar",
        Some("jpg" | "jpeg") => "image/jpeg",
        Some("png") => "image/png",
        _ => "application/octet-stream",
    }
}

/// (detail address, document) of every document the laws RSS lists.
fn laws(
    client: &Client,
    staging: &Staging,
    o: &Options,
    report: &mut Report,
) -> Vec<(String, Document)> {
    let url = o.url(&o.laws_module, Some("rss"));
    let got = match client.get(&url) {
        Ok(g) => g,
        Err(e) => {
            report.warn(&url, format!("no documents: {e}"));
            return Vec::new();
        }
    };
    let feed = match feed_rs::parser::parse(&got.body[..]) {
        Ok(f) => f,
        Err(e) => {
            report.fail(&url, format!("not an RSS feed: {e}"));
            return Vec::new();
        }
    };
    let items: Vec<(String, String, String)> = feed
        .entries
        .iter()
        .filter_map(|e| {
            let title = e.title.as_ref().map(|t| html_text(&t.content))?;
            let link = resolve(&o.site, &e.links.first()?.href)?;
            let summary = e
                .summary
                .as_ref()
                .map(|s| html_text(&s.content))
                .unwrap_or_default();
            Some((link, title, summary))
        })
        .collect();
    let results = client.map(&items, |(link, title, summary)| {
        law(client, staging, o, link, title, summary)
    });
    let mut out = Vec::new();
    let mut relations = Vec::new();
    for ((link, _, _), r) in items.iter().zip(results) {
        match r {
            Ok((d, warnings, unchanged, links)) => {
                for w in warnings {
                    report.warn(link, w);
                }
                if !out.iter().any(|(_, o): &(String, Document)| o.id == d.id) {
                    if unchanged {
                        report.unchanged += 1;
                    } else {
                        report.documents += 1;
                    }
                    relations.push((out.len(), links));
                    out.push((link.clone(), d));
                }
            }
            Err(e) => report.fail(link, e),
        }
    }
    // The relations, by the address of each related document's page: the
    // ids of those imported; the others left out, with a warning.
    let ids: HashMap<String, String> = out
        .iter()
        .map(|(url, d)| (url.clone(), d.id.clone()))
        .collect();
    for (i, links) in relations {
        let (page, d) = &mut out[i];
        for (kind, url, number) in links {
            let Some(id) = ids.get(&url).filter(|id| **id != d.id) else {
                report.warn(
                    page,
                    format!("the related document {number} is not among the imported documents: left out"),
                );
                continue;
            };
            let list = match kind {
                Relation::Replaces => &mut d.replaces,
                Relation::ReplacedBy => &mut d.replaced_by,
                Relation::Related => &mut d.related,
            };
            if !list.contains(id) {
                list.push(id.clone());
            }
        }
    }
    out
}

/// How module-laws' detail page relates a document to another.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Relation {
    /// "Văn bản được thay thế": the documents this one replaces.
    Replaces,
    /// "Văn bản thay thế": the documents that replace this one.
    ReplacedBy,
    /// "Văn bản liên quan".
    Related,
}

/// (relation, related page's address, its number) of one detail page.
type Links = Vec<(Relation, String, String)>;

/// A document's id: its number's slug and the year of issue
/// ("112-HD/BTGTU" of 2026 → `112-hd-btgtu-2026`).
fn document_id(number: &str, issued: &str, link: &str) -> String {
    let year = &issued[..4];
    let s = slugify(number);
    if s.is_empty() {
        format!("van-ban-{:016x}", fnv(link))
    } else if s.ends_with(year) {
        s
    } else {
        format!("{s}-{year}")
    }
}

fn law(
    client: &Client,
    staging: &Staging,
    o: &Options,
    link: &str,
    rss_title: &str,
    rss_summary: &str,
) -> Result<(Document, Vec<String>, bool, Links), String> {
    let mut warnings = Vec::new();
    let (number, title) = split_law_title(rss_title)
        .ok_or_else(|| format!("the title does not start with [số ký hiệu]: {rss_title}"))?;
    // Known, with the same number and issue date: its page and files are
    // not opened again (each opening counts a view or a download once a
    // portal session has expired).
    if let Some((issued, _)) = find_vn_date(rss_summary) {
        let id = document_id(&number, &issued.to_string(), link);
        if let Some(old) = staging.document(&id) {
            if old.number == number && old.issued == issued.to_string() {
                return Ok((old.clone(), warnings, true, Vec::new()));
            }
        }
    }
    let got = client.get(link)?;
    let (text, enc) = got.text();
    warnings.extend(enc);
    let doc = Html::parse_document(&text);
    // The detail table: label cell, value cell.
    let mut fields: BTreeMap<String, (String, ElementRef<'_>)> = BTreeMap::new();
    for tr in doc.select(&sel("table tr")) {
        let cells: Vec<ElementRef<'_>> = tr.select(&sel("td")).collect();
        if let [label, value] = cells.as_slice() {
            fields.insert(
                clean(&text_of(*label)).trim_end_matches(':').to_lowercase(),
                (clean(&text_of(*value)), *value),
            );
        }
    }
    let get = |label: &str| {
        fields
            .get(label)
            .map(|(t, _)| t.clone())
            .filter(|t| !t.is_empty())
    };
    let date = |label: &str| {
        get(label)
            .and_then(|t| find_vn_date(&t))
            .map(|(d, _)| d.to_string())
    };
    let issued = date("ngày ban hành")
        .or_else(|| find_vn_date(rss_summary).map(|(d, _)| d.to_string()))
        .ok_or("no issue date (Ngày ban hành)")?;
    let id = document_id(&number, &issued, link);
    let doc_type = get("thể loại")
        .or_else(|| get("loại văn bản"))
        .or_else(|| type_from_number(&number).map(str::to_string))
        .unwrap_or_else(|| "Văn bản".into());
    let issuer = get("cơ quan ban hành")
        .or_else(|| staging.existing().map(|c| c.site.name.clone()))
        .or_else(|| o.site_name.clone())
        .unwrap_or_else(|| "Không rõ".into());
    let signer = get("người ký").map(|name| Signer {
        name,
        position: None,
    });
    let area: Vec<String> = fields
        .get("lĩnh vực")
        .map(|(_, cell)| {
            let mut v: Vec<String> = cell
                .select(&sel("a"))
                .map(|a| clean(&text_of(a)))
                .filter(|t| !t.is_empty())
                .collect();
            if v.is_empty() {
                v = vec![clean(&text_of(*cell))]
                    .into_iter()
                    .filter(|t| !t.is_empty())
                    .collect();
            }
            v
        })
        .unwrap_or_default();
    let effective = date("ngày bắt đầu hiệu lực").or_else(|| date("ngày hiệu lực"));
    let expires = date("ngày hết hiệu lực");
    // The relation rows (module-laws' detail.tpl: "replacement" is the
    // documents replacing this one, "unreplacement" those it replaces).
    let mut links = Links::new();
    for (label, kind) in [
        ("văn bản được thay thế", Relation::Replaces),
        ("văn bản thay thế", Relation::ReplacedBy),
        ("văn bản liên quan", Relation::Related),
    ] {
        if let Some((_, cell)) = fields.get(label) {
            for a in cell.select(&sel("a[href]")) {
                if let Some(url) = a.attr("href").and_then(|h| resolve(&got.url, h)) {
                    links.push((kind, url, clean(&text_of(a))));
                }
            }
        }
    }
    let page_text = clean(&text_of(doc.root_element()));
    let views = count_after(&page_text, "lượt xem:");
    let downloads = count_after(&page_text, "lượt tải:");

    // Files: downloaded into files/{id}/ with their size.
    let mut files = Vec::new();
    for a in doc.select(&sel(
        ".laws-download-file a[href], .list-group-item a[download]",
    )) {
        let Some(url) = a.attr("href").and_then(|h| resolve(&got.url, h)) else {
            continue;
        };
        if files
            .iter()
            .any(|f: &DocumentFileRef| f.url.ends_with(&format!("#{:x}", fnv(&url))))
        {
            continue;
        }
        let name = a
            .select(&sel("strong"))
            .next()
            .map(|s| clean(&text_of(s)))
            .filter(|n| !n.is_empty())
            .unwrap_or_else(|| format!("{id}.pdf"));
        match client.get(&url) {
            Ok(file) => {
                let safe: String = {
                    let (stem, ext) = name.rsplit_once('.').unwrap_or((&name, "bin"));
                    format!("{}.{}", short_slug(stem, 80), slugify(ext))
                };
                let rel = format!("files/{id}/{safe}");
                let path = staging.dir.join(&rel);
                if let Err(e) = write_new(&path, &file.body) {
                    warnings.push(format!("file {name} not kept: {e}"));
                    continue;
                }
                files.push(DocumentFileRef {
                    name: name.clone(),
                    url: rel,
                    media_type: media_type(&name).into(),
                    size: file.body.len() as u64,
                });
            }
            Err(e) => warnings.push(format!("file {name} could not be downloaded: {e}")),
        }
    }
    let summary = if title.is_empty() {
        rss_summary.to_string()
    } else {
        title
    };
    Ok((
        Document {
            id,
            number,
            doc_type,
            issuer,
            signer,
            issued,
            effective,
            expires,
            fields: area,
            summary,
            files,
            views,
            downloads,
            replaces: Vec::new(),
            replaced_by: Vec::new(),
            related: Vec::new(),
        },
        warnings,
        false,
        links,
    ))
}

/// Writes a file through a temporary name; an existing file of the same
/// content is left alone (a hard link to the live feed is never written
/// through).
fn write_new(path: &Path, bytes: &[u8]) -> Result<(), String> {
    if fs::read(path).is_ok_and(|b| b == bytes) {
        return Ok(());
    }
    fs::create_dir_all(path.parent().expect("in the feed")).map_err(|e| e.to_string())?;
    let tmp = path.with_extension(format!("tmp{}", std::process::id()));
    fs::write(&tmp, bytes)
        .and_then(|_| fs::rename(&tmp, path))
        .map_err(|e| e.to_string())
}

// ------------------------------------------------------ work-schedules

/// NukeViet's (work-schedules') week of a day: week 1 is the
/// Monday-to-Sunday week holding 1 January. Returns (year, number).
pub fn nukeviet_week(day: Date) -> (i32, u32) {
    let monday = day.add_days(-i64::from(day.weekday() - 1));
    let sunday = monday.add_days(6);
    if sunday.year > monday.year {
        return (sunday.year, 1);
    }
    let jan1 = Date::new(monday.year, 1, 1).expect("a date");
    let first = jan1.add_days(-i64::from(jan1.weekday() - 1));
    (monday.year, ((monday.days() - first.days()) / 7 + 1) as u32)
}

fn schedules(client: &Client, o: &Options, report: &mut Report) -> Vec<CalendarWeek> {
    if o.weeks == 0 {
        return Vec::new();
    }
    // The weeks ending with next week.
    let this_monday = o.today.add_days(-i64::from(o.today.weekday() - 1));
    let mondays: Vec<Date> = (0..o.weeks as i64)
        .map(|k| this_monday.add_days(7 * (1 - k)))
        .collect();
    let pages: Vec<String> = mondays
        .iter()
        .map(|m| {
            let (y, n) = nukeviet_week(*m);
            o.url(&o.schedule_module, Some(&format!("tuan-{n}-{y}")))
        })
        .collect();
    let results = client.map(&pages, |url| client.get(url).map(|g| (g.text().0, g.url)));
    let mut entries = Vec::new();
    for (url, r) in pages.iter().zip(results) {
        match r {
            Ok((text, _)) => entries.extend(week_entries(&text, url, report)),
            Err(e) => {
                // A portal without the module answers 404 on its first page: one note.
                if url == &pages[0] && e.contains("404") {
                    report.warn(url, "no working calendar (work-schedules) on this portal");
                    return Vec::new();
                }
                report.fail(url, e)
            }
        }
    }
    crate::ics::weeks(entries)
}

/// The entries of one week page's table.
pub fn week_entries(page: &str, url: &str, report: &mut Report) -> Vec<CalendarEntry> {
    let doc = Html::parse_document(page);
    let Some(table) = doc.select(&sel("table.schedule-list")).next() else {
        return Vec::new();
    };
    let header: Vec<String> = table
        .select(&sel("thead th"))
        .map(|th| clean(&text_of(th)).to_lowercase())
        .collect();
    let mut day: Option<Date> = None;
    let mut out = Vec::new();
    for tr in table.select(&sel("tbody tr")) {
        let cells: Vec<ElementRef<'_>> = tr.select(&sel("td")).collect();
        if cells.is_empty() {
            continue; // a week heading row
        }
        let rest: &[ElementRef<'_>] = if cells.len() >= header.len() && header.len() >= 2 {
            match find_vn_date(&clean(&text_of(cells[0]))) {
                Some((d, _)) => day = Some(d),
                None => {
                    report.warn(url, "a row's day could not be read: row skipped");
                    continue;
                }
            }
            &cells[1..]
        } else {
            &cells[..]
        };
        let Some(d) = day else { continue };
        let Some((time_cell, values)) = rest.split_first() else {
            continue;
        };
        let time_text = clean(&text_of(*time_cell));
        let emphasis = time_cell.value().classes().any(|c| c == "highlights");
        let mut entry = CalendarEntry {
            id: String::new(),
            start: String::new(),
            end: None,
            session: Session::Sang,
            content: String::new(),
            chair: None,
            participants: None,
            location: None,
            preparing_unit: None,
            note: None,
            emphasis,
            status: EntryStatus::Scheduled,
            change: None,
            timing: None,
            end_date: None,
        };
        let lower = time_text.to_lowercase();
        match hour_minute(&time_text) {
            Some((h, m)) => {
                entry.start = vietnam_time(d, h, m);
                entry.session = match h {
                    0..=11 => Session::Sang,
                    12..=17 => Session::Chieu,
                    _ => Session::Toi,
                };
                if let Some((_, after)) = time_text.split_once('-') {
                    if let Some((eh, em)) = hour_minute(after) {
                        if (eh, em) >= (h, m) {
                            entry.end = Some(vietnam_time(d, eh, em));
                        }
                    }
                }
            }
            None if lower.contains("cả ngày") => {
                entry.start = vietnam_time(d, 7, 30);
                entry.timing = Some(EntryTiming::AllDay);
            }
            None => {
                let s = if lower.contains("chiều") {
                    Session::Chieu
                } else if lower.contains("tối") {
                    Session::Toi
                } else {
                    Session::Sang
                };
                let (start, _) = s.hours();
                entry.start = vietnam_time(d, (start / 60) as u8, (start % 60) as u8);
                entry.session = s;
                entry.timing = Some(EntryTiming::Session);
            }
        }
        let mut notes = Vec::new();
        for (i, cell) in values.iter().enumerate() {
            let v = clean(&text_of(*cell));
            if v.is_empty() {
                continue;
            }
            let title = header.get(i + 2).map(String::as_str).unwrap_or("");
            match title {
                t if t.starts_with("nội dung") => entry.content = v,
                t if t.starts_with("thành phần") => entry.participants = Some(v),
                t if t.starts_with("địa điểm") => entry.location = Some(v),
                t if t.starts_with("chủ trì") => entry.chair = Some(v),
                t if t.starts_with("chuẩn bị") => entry.preparing_unit = Some(v),
                t if t.starts_with("ghi chú") => notes.push(v),
                "" => notes.push(v),
                t => notes.push(format!("{}: {v}", capitalised(t))),
            }
        }
        if !notes.is_empty() {
            entry.note = Some(notes.join("; "));
        }
        if entry.content.is_empty() {
            report.warn(
                url,
                format!("an entry of {d} has no content (Nội dung): skipped"),
            );
            continue;
        }
        entry.id = format!(
            "lich-{}-{:08x}",
            entry.start[..16].replace(['-', 'T', ':'], ""),
            fnv(&entry.content) as u32
        );
        out.push(entry);
    }
    out
}

fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests;
