//! Lays content out as a feed directory: the small index, one file per
//! article, paged lists, one file per calendar week and per document.
//! Pure: returns (relative path, JSON text) pairs; [`crate::dir`] writes
//! them to disk.

use std::collections::{BTreeMap, HashSet};

use serde::Serialize;

use crate::datetime::DateTime;
use crate::model::*;
use crate::text::slugify;

/// Summaries per news page.
pub const NEWS_PAGE_SIZE: u32 = 20;
/// Documents per page.
pub const DOCUMENTS_PAGE_SIZE: u32 = 50;
/// Newest summaries in the index, whatever their category.
pub const INDEX_LATEST: usize = 30;
/// Newest summaries per category in the index, so the home page's
/// category blocks need no second request.
pub const INDEX_PER_CATEGORY: usize = 4;
/// The most summaries the index carries (the schema's limit).
pub const INDEX_MAX_SUMMARIES: usize = 60;
/// Newest documents in the index.
pub const INDEX_DOCUMENTS: usize = 5;
/// The most documents the index carries (the schema's limit).
pub const INDEX_MAX_DOCUMENTS: usize = 10;
/// The most bytes index.json may have: the first screen needs only it.
pub const INDEX_LIMIT_BYTES: usize = 150 * 1024;

/// Everything a feed holds, before it is laid out in files.
#[derive(Clone, Debug)]
pub struct Content {
    pub generated_at: String,
    pub site: Site,
    pub categories: Vec<Category>,
    pub featured: Vec<String>,
    pub articles: Vec<Article>,
    pub weeks: Vec<CalendarWeek>,
    pub documents: Vec<Document>,
}

/// The list ids of the paged news lists.
pub const LIST_ALL: &str = "tat-ca";

pub fn category_list_id(category_slug: &str) -> String {
    format!("chuyen-muc-{category_slug}")
}

pub fn tag_list_id(tag: &str) -> String {
    format!("the-{}", slugify(tag))
}

/// The feed directory's folders (the service worker knows them too, from
/// [`crate::protocol`]).
pub const INDEX_FILE: &str = "index.json";
pub const ARTICLES_DIR: &str = "articles/";
pub const NEWS_DIR: &str = "news/";
pub const CALENDAR_DIR: &str = "calendar/";
pub const DOCUMENTS_DIR: &str = "documents/";

/// Paths inside the feed directory.
pub fn article_path(slug: &str) -> String {
    format!("{ARTICLES_DIR}{slug}.json")
}
pub fn news_page_path(list: &str, page: u32) -> String {
    format!("{NEWS_DIR}{list}/{page}.json")
}
pub fn week_path(week: &str) -> String {
    format!("{CALENDAR_DIR}{week}.json")
}
pub fn documents_page_path(page: u32) -> String {
    format!("{DOCUMENTS_DIR}pages/{page}.json")
}
pub fn document_path(id: &str) -> String {
    format!("{DOCUMENTS_DIR}items/{id}.json")
}

fn json<T: Serialize>(value: &T) -> String {
    // Compact: these files travel over slow mobile networks.
    serde_json::to_string(value).expect("feed types always serialize")
}

fn published_key(a: &ArticleSummary) -> i64 {
    DateTime::parse_rfc3339(&a.published).map_or(i64::MIN, |t| t.unix)
}

fn pages_of(total: usize, size: u32) -> u32 {
    (total.div_ceil(size as usize)).max(1) as u32
}

/// Lays out `content` as (path, JSON) pairs, index.json first.
pub fn pack(content: &Content) -> Vec<(String, String)> {
    let mut files = Vec::new();

    let mut articles: Vec<&Article> = content.articles.iter().collect();
    articles.sort_by_key(|a| std::cmp::Reverse(published_key(&a.summary)));
    let summaries: Vec<&ArticleSummary> = articles.iter().map(|a| &a.summary).collect();

    for article in &articles {
        let file = ArticleFile {
            format_version: FORMAT_VERSION.into(),
            kind: FileKind::Article,
            article: (*article).clone(),
        };
        files.push((article_path(&article.summary.slug), json(&file)));
    }

    // Paged lists: everything, each category, each tag.
    let mut lists: BTreeMap<String, Vec<&ArticleSummary>> = BTreeMap::new();
    lists.insert(LIST_ALL.into(), summaries.clone());
    let slug_of: BTreeMap<&str, &str> = content
        .categories
        .iter()
        .map(|c| (c.id.as_str(), c.slug.as_str()))
        .collect();
    for c in &content.categories {
        lists.entry(category_list_id(&c.slug)).or_default();
    }
    for s in &summaries {
        let cats = std::iter::once(&s.category).chain(&s.categories);
        for id in cats.collect::<HashSet<_>>() {
            if let Some(slug) = slug_of.get(id.as_str()) {
                lists.entry(category_list_id(slug)).or_default().push(s);
            }
        }
        for tag in s
            .tags
            .iter()
            .map(|t| tag_list_id(t))
            .collect::<HashSet<_>>()
        {
            if tag != "the-" {
                lists.entry(tag).or_default().push(s);
            }
        }
    }
    let mut news_lists = Vec::new();
    for (id, items) in &lists {
        let pages = pages_of(items.len(), NEWS_PAGE_SIZE);
        for page in 1..=pages {
            let chunk = items
                .iter()
                .skip(((page - 1) * NEWS_PAGE_SIZE) as usize)
                .take(NEWS_PAGE_SIZE as usize);
            let file = NewsPage {
                format_version: FORMAT_VERSION.into(),
                kind: FileKind::NewsPage,
                list: id.clone(),
                page,
                pages,
                total: items.len() as u64,
                items: chunk.map(|s| (*s).clone()).collect(),
            };
            files.push((news_page_path(id, page), json(&file)));
        }
        news_lists.push(NewsList {
            id: id.clone(),
            pages,
            total: items.len() as u64,
        });
    }

    // The index's summaries: the featured, the newest overall, then the
    // newest per category, round by round (each category's newest, then
    // each one's second…), never more than the schema's limit however
    // many categories a portal has.
    let mut chosen: HashSet<&str> = HashSet::new();
    let known: HashSet<&str> = summaries.iter().map(|s| s.id.as_str()).collect();
    let featured = content.featured.iter().map(String::as_str);
    let newest = summaries.iter().take(INDEX_LATEST).map(|s| s.id.as_str());
    let per_category: Vec<&Vec<&ArticleSummary>> = content
        .categories
        .iter()
        .filter_map(|c| lists.get(&category_list_id(&c.slug)))
        .collect();
    let rounds = (0..INDEX_PER_CATEGORY).flat_map(|k| {
        per_category
            .iter()
            .filter_map(move |items| items.get(k).map(|s| s.id.as_str()))
    });
    for id in featured.chain(newest).chain(rounds) {
        if chosen.len() >= INDEX_MAX_SUMMARIES {
            break;
        }
        if known.contains(id) {
            chosen.insert(id);
        }
    }
    // The most read, ranked over every story; the index carries each one's
    // summary once, in `latest` (most are among the newest already), as
    // long as `latest` has room: a story left out is left out of the lists.
    let mut most_read = crate::most_read::most_read(&summaries, &content.categories);
    if let Some(m) = &mut most_read {
        let wanted = m.all.iter().chain(m.categories.values().flatten());
        for id in wanted {
            if chosen.len() >= INDEX_MAX_SUMMARIES {
                break;
            }
            if let Some(s) = summaries.iter().find(|s| &s.id == id) {
                chosen.insert(s.id.as_str());
            }
        }
        m.all.retain(|id| chosen.contains(id.as_str()));
        for list in m.categories.values_mut() {
            list.retain(|id| chosen.contains(id.as_str()));
        }
        m.categories.retain(|_, list| !list.is_empty());
    }
    let latest: Vec<ArticleSummary> = summaries
        .iter()
        .filter(|s| chosen.contains(s.id.as_str()))
        .map(|s| (*s).clone())
        .collect();

    // Calendar weeks, oldest first; the index embeds the generation week and the next.
    let mut weeks: Vec<&CalendarWeek> = content.weeks.iter().collect();
    weeks.sort_by(|a, b| a.week.cmp(&b.week));
    for w in &weeks {
        let file = CalendarWeekFile {
            format_version: FORMAT_VERSION.into(),
            kind: FileKind::CalendarWeek,
            week: (*w).clone(),
        };
        files.push((week_path(&w.week), json(&file)));
    }
    let current =
        DateTime::parse_rfc3339(&content.generated_at).map(|t| t.vietnam().date.iso_week());
    let embed: Vec<String> = current
        .map(|w| vec![w.to_string(), w.next().to_string()])
        .unwrap_or_default();
    let embedded = weeks
        .iter()
        .filter(|w| embed.contains(&w.week))
        .map(|w| (*w).clone())
        .collect();

    // Documents, newest first.
    let mut documents: Vec<&Document> = content.documents.iter().collect();
    documents.sort_by(|a, b| b.issued.cmp(&a.issued).then_with(|| a.id.cmp(&b.id)));
    for d in &documents {
        let file = DocumentFile {
            format_version: FORMAT_VERSION.into(),
            kind: FileKind::Document,
            document: (*d).clone(),
        };
        files.push((document_path(&d.id), json(&file)));
    }
    let doc_pages = pages_of(documents.len(), DOCUMENTS_PAGE_SIZE);
    for page in 1..=doc_pages {
        let items = documents
            .iter()
            .skip(((page - 1) * DOCUMENTS_PAGE_SIZE) as usize)
            .take(DOCUMENTS_PAGE_SIZE as usize)
            .map(|d| (*d).clone())
            .collect();
        let file = DocumentsPage {
            format_version: FORMAT_VERSION.into(),
            kind: FileKind::DocumentsPage,
            page,
            pages: doc_pages,
            total: documents.len() as u64,
            items,
        };
        files.push((documents_page_path(page), json(&file)));
    }

    let mut index = Index {
        format_version: FORMAT_VERSION.into(),
        kind: FileKind::Index,
        generated_at: content.generated_at.clone(),
        site: content.site.clone(),
        categories: content.categories.clone(),
        latest,
        featured: content.featured.clone(),
        news: NewsIndex {
            page_size: NEWS_PAGE_SIZE,
            lists: news_lists,
        },
        calendar: CalendarIndex {
            weeks: weeks.iter().map(|w| w.week.clone()).collect(),
            embedded,
        },
        documents: DocumentsIndex {
            total: documents.len() as u64,
            page_size: DOCUMENTS_PAGE_SIZE,
            pages: doc_pages,
            latest: documents
                .iter()
                .take(INDEX_DOCUMENTS)
                .map(|d| (*d).clone())
                .collect(),
        },
        most_read,
    };
    let mut index_text = json(&index);
    if index_text.len() > INDEX_LIMIT_BYTES {
        leave_out_small_tag_lists(&mut index.news.lists, index_text.len() - INDEX_LIMIT_BYTES);
        index_text = json(&index);
    }
    files.insert(0, ("index.json".into(), index_text));
    files
}

/// Takes the tag lists with the fewest articles out of `news.lists` until
/// at least `excess` bytes are gone (or no tag list is left), as the
/// format asks of a portal with thousands of tags (public/schema/README.md
/// §5): `tat-ca` and every category list stay, and the page files of a
/// list left out are still written (a reader opens `news/{list}/1.json`).
fn leave_out_small_tag_lists(lists: &mut Vec<NewsList>, excess: usize) {
    let mut tags: Vec<(u64, &str, usize)> = lists
        .iter()
        .filter(|l| l.id.starts_with("the-"))
        // Its bytes in the index: the entry and the comma before it.
        .map(|l| (l.total, l.id.as_str(), json(l).len() + 1))
        .collect();
    // Fewest articles first; among equals, the last in the list's order.
    tags.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| b.1.cmp(a.1)));
    let mut freed = 0;
    let mut out: HashSet<String> = HashSet::new();
    for (_, id, bytes) in tags {
        if freed >= excess {
            break;
        }
        freed += bytes;
        out.insert(id.to_string());
    }
    lists.retain(|l| !out.contains(&l.id));
}
