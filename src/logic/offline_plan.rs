//! What the app stores for reading offline after a first visit, and how it
//! talks about the stored copy. Pure: the browser side is in
//! `browser::storing` and `browser::caches`.

use bantin_format::datetime::{Date, DateTime};
use bantin_format::display;
use bantin_format::library::{self, PartId, Root};
use bantin_format::model::{Article, Block, Image, Index};
use bantin_format::pack;

/// How many of the newest articles are stored with their images.
pub const STORED_ARTICLES: usize = 30;

/// Row parts of the library index stored for the library's first screen
/// offline (its first 30 rows at 10 a part; `ui::pages::documents` shows 30).
pub const STORED_ROW_PARTS: u32 = 3;

/// The library index's files stored after a visit: its root and the row
/// parts of the library's first screen (the id parts, the dates and the
/// other rows are stored as the reader fetches them, by the service worker).
pub fn library_files(root: &Root) -> Vec<String> {
    let mut out = vec![library::ROOT_FILE.to_string()];
    out.extend((0..root.row_parts().min(STORED_ROW_PARTS)).map(|k| root.path(PartId::Rows(k))));
    out
}

/// Feed files (relative to the feed directory) to store after a visit, in
/// the order they are fetched: what the first screens need first. With a
/// library index (`library`: its root), the library's first screen from it
/// ([`library_files`]) rather than every page of the document list.
pub fn plan(index: &Index, today: Date, library: Option<&Root>) -> Vec<String> {
    let mut paths = vec!["index.json".to_string()];
    let week = today.iso_week();
    for w in [week, week.previous(), week.next()] {
        let id = w.to_string();
        if index.calendar.weeks.contains(&id) {
            paths.push(pack::week_path(&id));
        }
    }
    for list in &index.news.lists {
        if list.pages > 0 && (list.id == pack::LIST_ALL || list.id.starts_with("chuyen-muc-")) {
            paths.push(pack::news_page_path(&list.id, 1));
        }
    }
    match library {
        Some(root) => paths.extend(library_files(root)),
        None => {
            for page in 1..=index.documents.pages {
                paths.push(pack::documents_page_path(page));
            }
        }
    }
    for doc in &index.documents.latest {
        paths.push(pack::document_path(&doc.id));
    }
    for a in newest(index) {
        paths.push(pack::article_path(&a));
    }
    dedup(paths)
}

/// Slugs of the articles `plan` stores, newest first.
pub fn newest(index: &Index) -> Vec<String> {
    let mut latest: Vec<_> = index.latest.iter().collect();
    latest.sort_by_key(|a| std::cmp::Reverse(published(&a.published)));
    latest
        .into_iter()
        .take(STORED_ARTICLES)
        .map(|a| a.slug.clone())
        .collect()
}

fn published(s: &str) -> i64 {
    DateTime::parse_rfc3339(s).map_or(i64::MIN, |t| t.unix)
}

/// Images the index shows (covers of the listed stories, the site logo).
pub fn index_images(index: &Index) -> Vec<String> {
    let covers = index.latest.iter().filter_map(|a| a.cover.as_ref());
    dedup(
        index
            .site
            .logo
            .iter()
            .chain(covers)
            .filter_map(image_url)
            .collect(),
    )
}

/// Images an article shows: its cover and every image of its body.
pub fn article_images(article: &Article) -> Vec<String> {
    let mut images: Vec<&Image> = article.summary.cover.iter().collect();
    for block in &article.body {
        match block {
            Block::Image(img) => images.push(img),
            Block::Gallery { images: g, .. } => images.extend(g),
            Block::Video { poster, .. } => images.push(poster),
            _ => {}
        }
    }
    dedup(images.into_iter().filter_map(image_url).collect())
}

/// Inline `data:` images need no storing.
fn image_url(img: &Image) -> Option<String> {
    (!img.src.to_ascii_lowercase().starts_with("data:")).then(|| img.src.clone())
}

fn dedup(items: Vec<String>) -> Vec<String> {
    let mut seen = std::collections::HashSet::new();
    items
        .into_iter()
        .filter(|i| seen.insert(i.clone()))
        .collect()
}

/// "08:05 23/11": when the stored copy was fetched, in Vietnam time, for
/// the offline banner. `None` when the stamp does not parse.
pub fn fetched_label(stamp: &str) -> Option<String> {
    let local = DateTime::parse_rfc3339(stamp)?.vietnam();
    Some(format!(
        "{} {:02}/{:02}",
        display::clock(local),
        local.date.day,
        local.date.month
    ))
}

/// A storage size for people: "850 KB", "12,4 MB" (decimal comma).
pub fn size_label(bytes: f64) -> String {
    const KB: f64 = 1000.0;
    if bytes < KB * KB {
        format!("{} KB", (bytes / KB).round() as u64)
    } else {
        // Tenths through an integer: `{:.1}` would bring core's exact
        // float printer into the wasm.
        let tenths = (bytes / (KB * 100.0)).round() as u64;
        format!("{},{} MB", tenths / 10, tenths % 10)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use bantin_synth as synth;

    fn sample_index() -> Index {
        let text = std::fs::read_to_string("public/feed/index.json").unwrap();
        bantin_format::validate::parse_index(&text).value.unwrap()
    }

    #[test]
    fn plan_stores_index_weeks_lists_documents_and_thirty_articles() {
        let index = sample_index();
        let today = Date::new(2026, 11, 23).unwrap();
        let plan = plan(&index, today, None);
        assert_eq!(plan[0], "index.json");
        for week in ["2026-W47", "2026-W48", "2026-W49"] {
            assert!(plan.contains(&pack::week_path(week)), "{week}");
        }
        assert!(plan.contains(&pack::news_page_path(pack::LIST_ALL, 1)));
        for page in 1..=index.documents.pages {
            assert!(plan.contains(&pack::documents_page_path(page)));
        }
        let articles = plan.iter().filter(|p| p.starts_with("articles/")).count();
        assert_eq!(articles, STORED_ARTICLES.min(index.latest.len()));
        let unique: std::collections::HashSet<_> = plan.iter().collect();
        assert_eq!(unique.len(), plan.len(), "no file twice");
    }

    #[test]
    fn with_a_library_index_the_plan_stores_its_root_and_first_rows_not_every_page() {
        let index = sample_index();
        let text = std::fs::read_to_string("public/feed/library/index.json").unwrap();
        let root = Root::parse(&text).unwrap();
        let plan = plan(&index, Date::new(2026, 11, 23).unwrap(), Some(&root));
        assert!(!plan
            .iter()
            .any(|p| p.starts_with(pack::DOCUMENTS_DIR) && p.contains("/pages/")));
        let library: Vec<&String> = plan
            .iter()
            .filter(|p| p.starts_with(library::DIR))
            .collect();
        assert_eq!(library[0], library::ROOT_FILE);
        let rows = root.row_parts().min(STORED_ROW_PARTS) as usize;
        assert_eq!(library.len(), 1 + rows);
        for k in 0..rows {
            assert!(plan.contains(&root.path(PartId::Rows(k as u32))));
        }
        // The first screen of the library is those rows.
        assert!(STORED_ROW_PARTS * root.row_part_size >= 30);
        for doc in &index.documents.latest {
            assert!(plan.contains(&pack::document_path(&doc.id)));
        }
    }

    #[test]
    fn plan_skips_weeks_the_feed_does_not_have() {
        let index = sample_index();
        let plan = plan(&index, Date::new(2030, 6, 1).unwrap(), None);
        assert!(!plan.iter().any(|p| p.starts_with("calendar/")));
    }

    #[test]
    fn newest_are_the_thirty_latest_by_publish_time() {
        let feed = synth::generate(100, 7, "2026-11-23");
        let files = pack::pack(&feed.content);
        let index = bantin_format::validate::parse_index(&files[0].1)
            .value
            .unwrap();
        let newest = newest(&index);
        assert_eq!(newest.len(), STORED_ARTICLES);
        let time = |slug: &str| {
            let a = index.latest.iter().find(|a| a.slug == slug).unwrap();
            published(&a.published)
        };
        assert!(newest.windows(2).all(|w| time(&w[0]) >= time(&w[1])));
        let oldest_kept = time(newest.last().unwrap());
        let skipped = index.latest.iter().filter(|a| !newest.contains(&a.slug));
        assert!(skipped
            .into_iter()
            .all(|a| published(&a.published) <= oldest_kept));
    }

    #[test]
    fn article_images_take_cover_body_gallery_and_poster_once() {
        let img = |src: &str| Image {
            src: src.into(),
            alt: "ảnh".into(),
            caption: None,
            credit: None,
            width: None,
            height: None,
        };
        let index = sample_index();
        let mut article = Article {
            summary: index.latest[0].clone(),
            related: vec![],
            audio: None,
            body: vec![
                Block::Image(img("anh/1.jpg")),
                Block::Gallery {
                    caption: None,
                    images: vec![img("anh/2.jpg"), img("anh/1.jpg")],
                },
                Block::Video {
                    url: "https://video.example/1".into(),
                    poster: img("anh/3.jpg"),
                    title: None,
                    duration: None,
                },
                Block::Image(img("data:image/png;base64,AAAA")),
            ],
        };
        article.summary.cover = Some(img("anh/bia.jpg"));
        assert_eq!(
            article_images(&article),
            ["anh/bia.jpg", "anh/1.jpg", "anh/2.jpg", "anh/3.jpg"]
        );
    }

    #[test]
    fn fetched_label_is_vietnam_time() {
        assert_eq!(
            fetched_label("2026-11-23T01:05:00Z").as_deref(),
            Some("08:05 23/11")
        );
        assert_eq!(
            fetched_label("2026-11-30T17:30:00.123Z").as_deref(),
            Some("00:30 01/12")
        );
        assert_eq!(fetched_label("hôm qua"), None);
    }

    #[test]
    fn sizes_read_in_kilobytes_then_megabytes() {
        assert_eq!(size_label(0.0), "0 KB");
        assert_eq!(size_label(850_400.0), "850 KB");
        assert_eq!(size_label(12_400_000.0), "12,4 MB");
    }
}
