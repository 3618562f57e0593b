//! `bantin-feed import feed URL|FILE…`: RSS 2.0, Atom (Liferay's asset
//! publishers among others) and JSON Feed 1.1, read by feed-rs.
//!
//! Each item becomes an article: its full content when the feed carries it
//! (`content:encoded`, Atom `content`, JSON Feed `content_html`), otherwise
//! the main content of the page it links to; the summary (as text) is the
//! sapo; the first author; the first category (or `--category`); the
//! picture of the item (media thumbnail, or the first picture of its
//! summary) as the cover. Times in Vietnam time (+07:00). The helpers here
//! ([`article_from_html`], [`main_content`], [`sapo_of`]) serve the
//! NukeViet import too.

use bantin_format::model::*;
use bantin_format::text::slugify;
use scraper::{Html, Selector};

use crate::html::{convert, text_of};
use crate::http::{fnv, resolve, Client};
use crate::media::Media;
use crate::text::{clean, unix_in_vietnam};
use crate::write::{site_named, Incoming};
use crate::Report;

#[derive(Clone, Debug, Default)]
pub struct Options {
    /// Every article goes into this category (its name); else the item's
    /// first category, else "Tin tức".
    pub category: Option<String>,
}

/// The category an article without one goes to.
pub const DEFAULT_CATEGORY: &str = "Tin tức";

/// A category from its name, with a slug made from it.
pub fn category(name: &str) -> Option<Category> {
    let name = clean(name);
    let slug = short_slug(&name, 80);
    (!slug.is_empty()).then(|| Category {
        id: slug.clone(),
        slug,
        name,
        order: 0,
    })
}

/// An id from any string: its slug when that is short, else a hash.
pub fn id_from(prefix: &str, key: &str) -> String {
    let s = slugify(key);
    if !s.is_empty() && s.len() <= 60 {
        format!("{prefix}-{s}")
    } else {
        format!("{prefix}-{:016x}", fnv(key))
    }
}

/// A slug cut at a hyphen to at most `max` bytes.
pub fn short_slug(s: &str, max: usize) -> String {
    let mut slug = slugify(s);
    if slug.len() > max {
        let cut = slug[..max].rfind('-').unwrap_or(max);
        slug.truncate(cut);
    }
    slug
}

/// The sapo from a summary's text: the text, or its first sentences up to
/// about 400 characters when it is longer.
pub fn sapo_of(text: &str) -> String {
    let text = clean(text);
    if text.chars().count() <= 500 {
        return text;
    }
    let mut out = String::new();
    for word in text.split(' ') {
        if out.chars().count() + word.chars().count() > 400 {
            out.push('…');
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// The text of an HTML fragment.
pub fn html_text(fragment: &str) -> String {
    let doc = Html::parse_fragment(fragment);
    clean(&text_of(doc.root_element()))
}

/// The first picture of an HTML fragment, resolved against `base`.
pub fn first_image(fragment: &str, base: &str) -> Option<Image> {
    let doc = Html::parse_fragment(fragment);
    let sel = Selector::parse("img[src]").expect("selector");
    let img = doc.select(&sel).next()?;
    let src = resolve(base, img.attr("src")?)?;
    Some(Image {
        alt: String::new(),
        src,
        caption: None,
        credit: None,
        width: None,
        height: None,
    })
}

/// Where a page's article is, most specific first: NukeViet's body, the
/// schema.org body, Liferay's web content, the usual others.
const MAIN: &[&str] = &[
    "#news-bodyhtml",
    "[itemprop=articleBody]",
    ".journal-content-article",
    ".asset-full-content",
    "article .content",
    ".detail-content",
    ".content-detail",
    ".bodytext",
    "article",
    "main",
    "body",
];

/// A page's main content as blocks (and the warnings of the conversion).
pub fn main_content(page: &str, url: &str) -> crate::html::Converted {
    let doc = Html::parse_document(page);
    for s in MAIN {
        let sel = Selector::parse(s).expect("selector");
        if let Some(el) = doc.select(&sel).next() {
            if *s == "body" || clean(&text_of(el)).chars().count() >= 40 {
                return convert(el, url);
            }
        }
    }
    crate::html::Converted::default()
}

/// An item's author as a name: Atom's and JSON Feed's `name`; RSS 2.0's
/// `<author>` text, which feed-rs keeps as the e-mail of a person named
/// "author" ("btg@mauson.vn (Minh Anh)" → "Minh Anh"; a bare address is
/// no name; NukeViet writes the name alone).
pub fn author_name(p: &feed_rs::model::Person) -> Option<String> {
    let text = match (&p.email, p.name.as_str()) {
        (Some(e), "author") => match e.split_once('(') {
            Some((_, rest)) => rest.trim_end().trim_end_matches(')').to_string(),
            None if e.contains('@') => String::new(),
            None => e.clone(),
        },
        _ => p.name.clone(),
    };
    Some(clean(&text)).filter(|t| !t.is_empty())
}

/// An article's parts before its body.
pub struct Parts {
    pub id: String,
    pub title: String,
    pub sapo: String,
    pub published: String,
    pub updated: Option<String>,
    pub date_only: bool,
    pub author: Option<String>,
    pub source: Option<Source>,
    pub category: String,
    pub tags: Vec<String>,
    pub cover: Option<Image>,
    pub views: Option<u64>,
}

/// An article from its parts and body.
pub fn article_from_html(p: Parts, body: Vec<Block>) -> Article {
    Article {
        summary: ArticleSummary {
            slug: {
                let s = short_slug(&p.title, 90);
                if s.is_empty() {
                    p.id.clone()
                } else {
                    s
                }
            },
            id: p.id,
            title: p.title,
            sapo: p.sapo,
            cover: p.cover,
            published: p.published,
            updated: p.updated,
            date_only: p.date_only,
            author: p.author,
            author_position: None,
            source: p.source,
            category: p.category,
            categories: Vec::new(),
            tags: p.tags,
            views: p.views,
            word_count: None,
        },
        related: Vec::new(),
        body,
        // No portal source gives a recording of the article.
        audio: None,
    }
}

/// Imports the items of every feed in `sources`.
pub fn import(
    client: &Client,
    media: &Media,
    sources: &[String],
    options: &Options,
) -> (Incoming, Report) {
    let mut incoming = Incoming::default();
    let mut report = Report::default();
    for source in sources {
        let got = match client.get(source) {
            Ok(g) => g,
            Err(e) => {
                report.fail(source, e);
                continue;
            }
        };
        let base = if got.url.starts_with("http") {
            Some(got.url.clone())
        } else {
            None
        };
        let parsed = feed_rs::parser::Builder::new()
            .base_uri(base.as_deref())
            .build()
            .parse(&got.body[..]);
        let feed = match parsed {
            Ok(f) => f,
            Err(e) => {
                report.fail(source, format!("not an RSS, Atom or JSON feed: {e}"));
                continue;
            }
        };
        if incoming.site.is_none() {
            incoming.site = feed
                .title
                .as_ref()
                .map(|t| html_text(&t.content))
                .filter(|t| !t.is_empty())
                .map(|t| site_named(&t));
        }
        let results = client.map(&feed.entries, |entry| {
            let mut warnings = Vec::new();
            let r = entry_article(client, media, entry, options, &mut warnings);
            (r, warnings)
        });
        for (entry, (r, warnings)) in feed.entries.iter().zip(results) {
            let page = entry
                .links
                .first()
                .map(|l| l.href.clone())
                .unwrap_or_else(|| format!("{source} item {}", entry.id));
            for w in warnings {
                report.warn(&page, w);
            }
            match r {
                Ok((article, cat)) => {
                    if !incoming.categories.iter().any(|c| c.id == cat.id) {
                        incoming.categories.push(cat);
                    }
                    incoming.articles.push(article);
                    report.articles += 1;
                }
                Err(e) => report.fail(&page, e),
            }
        }
    }
    report.images = media.count();
    (incoming, report)
}

fn entry_article(
    client: &Client,
    media: &Media,
    entry: &feed_rs::model::Entry,
    options: &Options,
    warnings: &mut Vec<String>,
) -> Result<(Article, Category), String> {
    let link = entry
        .links
        .iter()
        .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
        .and_then(|l| resolve(&l.href, &l.href));
    let title = entry
        .title
        .as_ref()
        .map(|t| html_text(&t.content))
        .filter(|t| !bantin_format::text::is_blank(t))
        .ok_or("the item has no title")?;
    let when = entry
        .published
        .or(entry.updated)
        .ok_or("the item has no date")?;
    let published = unix_in_vietnam(when.timestamp());
    let updated = entry
        .updated
        .filter(|u| u.timestamp() > when.timestamp())
        .map(|u| unix_in_vietnam(u.timestamp()));
    let base = link.clone().unwrap_or_default();
    let summary_html = entry.summary.as_ref().map(|s| s.content.clone());
    let content_html = entry.content.as_ref().and_then(|c| c.body.clone());
    let full = content_html
        .as_deref()
        .filter(|c| html_text(c).chars().count() >= 200);
    let converted = match (full, &link) {
        (Some(html), _) => crate::html::convert_fragment(html, &base),
        (None, Some(url)) => match client.get(url) {
            Ok(page) => {
                let (text, enc) = page.text();
                warnings.extend(enc);
                main_content(&text, &page.url)
            }
            Err(e) => {
                warnings.push(format!(
                    "the page could not be read ({e}): its summary is the body"
                ));
                crate::html::convert_fragment(
                    content_html
                        .as_deref()
                        .or(summary_html.as_deref())
                        .unwrap_or(""),
                    &base,
                )
            }
        },
        (None, None) => crate::html::convert_fragment(
            content_html
                .as_deref()
                .or(summary_html.as_deref())
                .unwrap_or(""),
            &base,
        ),
    };
    warnings.extend(converted.warnings);
    let sapo = summary_html.as_deref().map(html_text).unwrap_or_default();
    let sapo = if sapo.is_empty() {
        converted
            .blocks
            .iter()
            .find_map(|b| match b {
                Block::Paragraph { runs } => {
                    Some(runs.iter().map(|r| r.text.as_str()).collect::<String>())
                }
                _ => None,
            })
            .map(|t| sapo_of(&t))
            .unwrap_or_default()
    } else {
        sapo_of(&sapo)
    };
    let cover = entry
        .media
        .iter()
        .flat_map(|m| m.thumbnails.iter())
        .find_map(|t| resolve(&base, &t.image.uri))
        .map(|src| Image {
            src,
            alt: String::new(),
            caption: None,
            credit: None,
            width: None,
            height: None,
        })
        .or_else(|| summary_html.as_deref().and_then(|s| first_image(s, &base)));
    let cat_name = options
        .category
        .clone()
        .or_else(|| {
            entry
                .categories
                .first()
                .map(|c| c.label.clone().unwrap_or_else(|| c.term.clone()))
        })
        .unwrap_or_else(|| DEFAULT_CATEGORY.to_string());
    let cat = category(&cat_name)
        .or_else(|| category(DEFAULT_CATEGORY))
        .expect("the default category has a slug");
    let key = if entry.id.trim().is_empty() {
        link.clone().unwrap_or_else(|| title.clone())
    } else {
        entry.id.clone()
    };
    let mut article = article_from_html(
        Parts {
            id: id_from("bai", &key),
            title,
            sapo,
            published,
            updated,
            date_only: false,
            author: entry.authors.first().and_then(author_name),
            source: None,
            category: cat.id.clone(),
            tags: entry
                .categories
                .iter()
                .skip(1)
                .map(|c| clean(c.label.as_deref().unwrap_or(&c.term)))
                .filter(|t| !slugify(t).is_empty())
                .collect(),
            cover,
            views: None,
        },
        converted.blocks,
    );
    media.article(&mut article, warnings);
    Ok((article, cat))
}
