//! A feed directory on disk (native only: it reads and writes files).
//! [`check`] validates a whole directory, every file and the references
//! between them (`bantin-feed check`); [`read_content`] reads the content
//! back; [`write_content`] lays content out with [`pack`] and writes it
//! (`bantin-feed gen`); [`reindex`] rebuilds index.json and the paged lists
//! from the article, calendar and document files (`bantin-feed index`);
//! [`demo_calendar`] moves a sample calendar to the weeks around a date
//! (`bantin-feed demo-calendar`). What stops the work (a file that cannot be
//! read or written, content that cannot be read back) is an `Err` with a
//! sentence the feed tool prints as it is.

use std::collections::{BTreeMap, HashSet};
use std::fmt;
use std::fs;
use std::path::{Path, PathBuf};

use crate::archive;
use crate::datetime::{Date, DateTime, IsoWeek};
use crate::library;
use crate::model::*;
use crate::pack::{self, Content};
use crate::validate::{self, Checked, Problem, Severity};

/// The first screen needs only index.json: it must stay small.
pub use crate::pack::INDEX_LIMIT_BYTES;

fn read(path: &Path) -> Result<String, String> {
    fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}

/// Writes `bytes` to `dir/rel`, creating the directories on the way.
pub fn write_file(dir: &Path, rel: &str, bytes: &[u8]) -> Result<(), String> {
    let path = dir.join(rel);
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent)
            .map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
    }
    fs::write(&path, bytes).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

/// The JSON files directly inside `dir` (sorted, so output is stable).
pub fn json_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "json"))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    files
}

/// `path` relative to `dir`, with forward slashes.
fn rel(dir: &Path, path: &Path) -> String {
    path.strip_prefix(dir)
        .unwrap_or(path)
        .to_string_lossy()
        .replace('\\', "/")
}

// ------------------------------------------------------------------ check

/// What [`check`] found in a feed directory.
#[derive(Debug, Default)]
pub struct Report {
    /// The files read and validated.
    pub files: usize,
    /// Every problem with its file (relative to the directory, with
    /// forward slashes): the most severe first, then by file.
    pub problems: Vec<(String, Problem)>,
    /// The size of index.json.
    pub index_bytes: usize,
    /// The archive index's bytes (`search/`), 0 when the feed has none.
    pub search_bytes: usize,
}

impl Report {
    fn add<T>(&mut self, file: &str, checked: Checked<T>) -> Option<T> {
        self.files += 1;
        self.problems
            .extend(checked.problems.into_iter().map(|p| (file.to_string(), p)));
        checked.value
    }

    fn push(&mut self, file: &str, severity: Severity, path: &str, message: String) {
        self.problems.push((
            file.to_string(),
            Problem {
                severity,
                path: path.to_string(),
                message,
            },
        ));
    }

    /// The problems of one severity.
    pub fn count(&self, severity: Severity) -> usize {
        self.problems
            .iter()
            .filter(|(_, p)| p.severity == severity)
            .count()
    }

    /// Fatal problems and errors: the ones readers would see, which make
    /// `bantin-feed check` fail.
    pub fn errors(&self) -> usize {
        self.count(Severity::Fatal) + self.count(Severity::Error)
    }
}

/// One line per problem ("error    index.json: latest[0].published: …"),
/// then a summary line; every line ends with a newline.
impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (file, p) in &self.problems {
            writeln!(f, "{:<8} {file}: {p}", p.severity.to_string())?;
        }
        write!(
            f,
            "{} files checked: {} fatal, {} errors, {} warnings, {} notes; index.json {} bytes",
            self.files,
            self.count(Severity::Fatal),
            self.count(Severity::Error),
            self.count(Severity::Warning),
            self.count(Severity::Note),
            self.index_bytes
        )?;
        if self.search_bytes > 0 {
            write!(f, "; search index {} bytes", self.search_bytes)?;
        }
        writeln!(f)
    }
}

/// Validates every file of a feed directory, whatever the index says, and
/// the references between them: the files the index and the lists name
/// exist, article and week files have the names their slug or week call
/// for, relative URLs name files of the directory, ids name known items,
/// and index.json stays under [`INDEX_LIMIT_BYTES`]. `Err` only when a
/// file cannot be read.
pub fn check(dir: &Path) -> Result<Report, String> {
    let mut f = Report::default();
    let index_text = read(&dir.join("index.json"))?;
    f.index_bytes = index_text.len();
    if index_text.len() > INDEX_LIMIT_BYTES {
        f.push(
            "index.json",
            Severity::Error,
            "",
            format!(
                "{} bytes: over the {INDEX_LIMIT_BYTES}-byte limit for the first screen",
                index_text.len()
            ),
        );
    }
    let checked = validate::parse_index(&index_text);
    let (weeks_at, documents_at, latest_at, embedded_at) = checked
        .value
        .as_ref()
        .map(|i| {
            (
                checked.positions("calendar.weeks", i.calendar.weeks.len()),
                checked.positions("documents.latest", i.documents.latest.len()),
                checked.positions("latest", i.latest.len()),
                (0..i.calendar.embedded.len()).collect::<Vec<usize>>(),
            )
        })
        .unwrap_or_default();
    let index = f.add("index.json", checked);

    // Every file of every kind, whatever the index says.
    let mut articles = BTreeMap::new();
    for path in json_files(&dir.join("articles")) {
        let name = rel(dir, &path);
        let checked = validate::parse_article(&read(&path)?);
        let blocks = checked.value.as_ref().map_or(0, |a| a.body.len());
        let block_at = checked.positions("article.body", blocks);
        if let Some(a) = f.add(&name, checked) {
            let expected = pack::article_path(&a.summary.slug);
            if name != expected {
                f.push(
                    &name,
                    Severity::Error,
                    "article.slug",
                    format!(
                        "the file for slug \"{}\" must be {expected}",
                        a.summary.slug
                    ),
                );
            }
            articles.insert(a.summary.id.clone(), (a, block_at));
        }
    }
    let mut documents = BTreeMap::new();
    for path in json_files(&dir.join("documents/items")) {
        let name = rel(dir, &path);
        if let Some(d) = f.add(&name, validate::parse_document(&read(&path)?)) {
            documents.insert(d.id.clone(), d);
        }
    }
    let mut weeks = BTreeMap::new();
    let mut week_files = Vec::new();
    for path in json_files(&dir.join("calendar")) {
        let name = rel(dir, &path);
        if let Some(w) = f.add(&name, validate::parse_calendar_week(&read(&path)?)) {
            if name != pack::week_path(&w.week) {
                f.push(
                    &name,
                    Severity::Error,
                    "week",
                    format!("week {} must be in {}", w.week, pack::week_path(&w.week)),
                );
            }
            weeks.insert(w.week.clone(), w.clone());
            week_files.push((name, w));
        }
    }
    check_multi_day_weeks(&mut f, &week_files);
    let mut document_pages = Vec::new();
    for path in json_files(&dir.join("documents/pages")) {
        let name = rel(dir, &path);
        let checked = validate::parse_documents_page(&read(&path)?);
        let at = checked.positions("items", checked.value.as_ref().map_or(0, |p| p.items.len()));
        if let Some(page) = f.add(&name, checked) {
            document_pages.push((name.clone(), page.pages, page.total));
            for (d, i) in page.items.iter().zip(at) {
                let p = format!("items[{i}]");
                same_record(
                    &mut f,
                    &name,
                    &p,
                    d,
                    documents.get(&d.id),
                    &pack::document_path(&d.id),
                );
                check_document_refs(&mut f, &name, &p, d, &documents, dir);
            }
        }
    }
    let mut summaries = Vec::new();
    let mut news_pages = Vec::new();
    if let Ok(lists) = fs::read_dir(dir.join("news")) {
        let mut lists: Vec<_> = lists.filter_map(|e| e.ok().map(|e| e.path())).collect();
        lists.sort();
        for list in lists {
            for path in json_files(&list) {
                let name = rel(dir, &path);
                let checked = validate::parse_news_page(&read(&path)?);
                let at =
                    checked.positions("items", checked.value.as_ref().map_or(0, |p| p.items.len()));
                if let Some(page) = f.add(&name, checked) {
                    news_pages.push((name.clone(), page.list.clone(), page.pages, page.total));
                    summaries.extend(
                        page.items
                            .into_iter()
                            .zip(at)
                            .map(|(s, i)| (name.clone(), format!("items[{i}]"), s)),
                    );
                }
            }
        }
    }

    // Cross-file references.
    if let Some(index) = &index {
        summaries.extend(
            index
                .latest
                .iter()
                .zip(&latest_at)
                .map(|(s, i)| ("index.json".to_string(), format!("latest[{i}]"), s.clone())),
        );
        // The copies of a list's size in its pages are the index's.
        for (name, id, pages, total) in &news_pages {
            let Some(list) = index.news.lists.iter().find(|l| &l.id == id) else {
                continue;
            };
            if (list.pages, list.total) != (*pages, *total) {
                f.push(
                    name,
                    Severity::Error,
                    "pages",
                    format!(
                        "says {pages} pages and {total} items; index.json says {} and {} for list \"{id}\"",
                        list.pages, list.total
                    ),
                );
            }
        }
        for (name, pages, total) in &document_pages {
            let (p, t) = (index.documents.pages, index.documents.total);
            if (p, t) != (*pages, *total) {
                f.push(
                    name,
                    Severity::Error,
                    "pages",
                    format!(
                        "says {pages} pages and {total} documents; index.json says {p} and {t}"
                    ),
                );
            }
        }
        for (week, &i) in index.calendar.embedded.iter().zip(&embedded_at) {
            let path = format!("calendar.embedded[{i}]");
            same_record(
                &mut f,
                "index.json",
                &path,
                week,
                weeks.get(&week.week),
                &pack::week_path(&week.week),
            );
        }
        for list in &index.news.lists {
            for page in 1..=list.pages {
                let p = pack::news_page_path(&list.id, page);
                if !dir.join(&p).is_file() {
                    f.push(
                        "index.json",
                        Severity::Error,
                        "news.lists",
                        format!("list \"{}\" page {page}: {p} is missing", list.id),
                    );
                }
            }
        }
        for (w, &i) in index.calendar.weeks.iter().zip(&weeks_at) {
            if !weeks.contains_key(w) {
                f.push(
                    "index.json",
                    Severity::Error,
                    &format!("calendar.weeks[{i}]"),
                    format!("{} is missing", pack::week_path(w)),
                );
            }
        }
        for page in 1..=index.documents.pages {
            if index.documents.total > 0 && !dir.join(pack::documents_page_path(page)).is_file() {
                f.push(
                    "index.json",
                    Severity::Error,
                    "documents.pages",
                    format!("{} is missing", pack::documents_page_path(page)),
                );
            }
        }
        for (d, &i) in index.documents.latest.iter().zip(&documents_at) {
            // The home page links each of these to its own page.
            let own = pack::document_path(&d.id);
            if !dir.join(&own).is_file() {
                f.push(
                    "index.json",
                    Severity::Error,
                    &format!("documents.latest[{i}]"),
                    format!("document \"{}\" has no file {own}", d.id),
                );
            }
            let p = format!("documents.latest[{i}]");
            same_record(&mut f, "index.json", &p, d, documents.get(&d.id), &own);
            check_document_refs(&mut f, "index.json", &p, d, &documents, dir);
        }
        if let Some(logo) = &index.site.logo {
            check_local(&mut f, "index.json", "site.logo.src", &logo.src, dir);
        }
        for (key, links) in [
            ("linked_websites", &index.site.linked_websites),
            ("quick_links", &index.site.quick_links),
        ] {
            for (i, link) in links.iter().enumerate() {
                if let Some(image) = &link.image {
                    let path = format!("site.{key}[{i}].image.src");
                    check_local(&mut f, "index.json", &path, &image.src, dir);
                }
            }
        }
    }
    let mut seen = HashSet::new();
    for (file, path, s) in &summaries {
        let own = pack::article_path(&s.slug);
        if seen.insert((file.clone(), s.id.clone())) && !dir.join(&own).is_file() {
            f.push(
                file,
                Severity::Error,
                path,
                format!("article \"{}\" has no file {own}", s.slug),
            );
        }
        let article = articles.get(&s.id).map(|(a, _)| &a.summary);
        same_record(&mut f, file, path, s, article, &own);
    }
    for (a, block_at) in articles.values() {
        let name = pack::article_path(&a.summary.slug);
        if let Some(cover) = &a.summary.cover {
            check_local(&mut f, &name, "article.cover.src", &cover.src, dir);
        }
        for (i, r) in a.related.iter().enumerate() {
            if !articles.contains_key(r) {
                f.push(
                    &name,
                    Severity::Warning,
                    &format!("article.related[{i}]"),
                    format!("unknown article \"{r}\""),
                );
            }
        }
        for (block, i) in a.body.iter().zip(block_at) {
            let p = format!("article.body[{i}]");
            match block {
                Block::Attachment { document, .. } if !documents.contains_key(document) => {
                    f.push(
                        &name,
                        Severity::Warning,
                        &p,
                        format!("attachment points at unknown document \"{document}\""),
                    );
                }
                Block::Image(img) => check_local(&mut f, &name, &format!("{p}.src"), &img.src, dir),
                Block::Gallery { images, .. } => {
                    for (j, img) in images.iter().enumerate() {
                        check_local(
                            &mut f,
                            &name,
                            &format!("{p}.images[{j}].src"),
                            &img.src,
                            dir,
                        );
                    }
                }
                Block::Video { poster, .. } => {
                    check_local(&mut f, &name, &format!("{p}.poster.src"), &poster.src, dir)
                }
                _ => {}
            }
        }
    }
    for d in documents.values() {
        check_document_refs(
            &mut f,
            &pack::document_path(&d.id),
            "document",
            d,
            &documents,
            dir,
        );
    }

    check_search(&mut f, dir)?;
    check_library(&mut f, dir)?;

    f.problems
        .sort_by(|a, b| a.1.severity.cmp(&b.1.severity).then_with(|| a.0.cmp(&b.0)));
    Ok(f)
}

/// The archive index, when the feed has one (`search/index.json`): the
/// root reads, every part it names exists and reads as that part, no other
/// file lies in `search/`, and the index is the one the feed's content
/// gives (else it is stale: written before the feed last changed).
fn check_search(f: &mut Report, dir: &Path) -> Result<(), String> {
    let root_path = dir.join(archive::ROOT_FILE);
    if !root_path.is_file() {
        return Ok(());
    }
    let name = archive::ROOT_FILE;
    let text = read(&root_path)?;
    f.files += 1;
    f.search_bytes += text.len();
    let root = match archive::Root::parse(&text) {
        Ok(root) => root,
        Err(e) => {
            f.push(name, Severity::Fatal, "", e.message);
            return Ok(());
        }
    };
    let mut store = archive::Store::new(root.clone());
    let mut named = HashSet::new();
    for part in root.part_paths() {
        named.insert(part.clone());
        let path = dir.join(&part);
        if !path.is_file() {
            f.push(name, Severity::Error, "", format!("{part} is missing"));
            continue;
        }
        let text = read(&path)?;
        f.files += 1;
        f.search_bytes += text.len();
        if let Err(e) = store.insert(&part, &text) {
            f.push(&part, Severity::Error, "", e.message);
        }
    }
    warn_stray_parts(f, dir, archive::DIR, name, &named);
    if let Ok((_, content)) = read_content(dir) {
        let fresh = archive::build(&content);
        if fresh.files[0].1 != text {
            f.push(
                name,
                Severity::Error,
                "",
                "stale: it is not the index of the feed as it is now; \
                 run `bantin-feed index` to write it again"
                    .to_string(),
            );
        }
    }
    Ok(())
}

/// The library index, when the feed has one (`library/index.json`),
/// checked as the archive index is: the root reads, every part it names
/// exists and reads as that part, no other file lies in `library/`, and it
/// is the index the feed's documents give (else it is stale).
fn check_library(f: &mut Report, dir: &Path) -> Result<(), String> {
    let root_path = dir.join(library::ROOT_FILE);
    if !root_path.is_file() {
        return Ok(());
    }
    let name = library::ROOT_FILE;
    let text = read(&root_path)?;
    f.files += 1;
    f.search_bytes += text.len();
    let root = match library::Root::parse(&text) {
        Ok(root) => root,
        Err(e) => {
            f.push(name, Severity::Fatal, "", e.message);
            return Ok(());
        }
    };
    let mut named = HashSet::new();
    for part in root.parts() {
        let rel_path = root.path(part);
        named.insert(rel_path.clone());
        let path = dir.join(&rel_path);
        if !path.is_file() {
            f.push(name, Severity::Error, "", format!("{rel_path} is missing"));
            continue;
        }
        let text = read(&path)?;
        f.files += 1;
        f.search_bytes += text.len();
        if let Err(e) = library::Part::parse(&root, part, &text) {
            f.push(&rel_path, Severity::Error, "", e.message);
        }
    }
    warn_stray_parts(f, dir, library::DIR, name, &named);
    if let Ok((_, content)) = read_content(dir) {
        let fresh = library::build(&content.documents, &content.generated_at);
        if fresh.files[0].1 != text {
            f.push(
                name,
                Severity::Error,
                "",
                "stale: it is not the index of the feed's documents as they are now; \
                 run `bantin-feed index` to write it again"
                    .to_string(),
            );
        }
    }
    Ok(())
}

/// Every file under `dir`, at any depth.
/// Warns of each file in an index's `folder` that is neither its root
/// (`name`) nor one of the parts the root names: left from an older index.
fn warn_stray_parts(f: &mut Report, dir: &Path, folder: &str, name: &str, named: &HashSet<String>) {
    let mut found = Vec::new();
    files_under(&dir.join(folder), &mut found);
    for path in found {
        let part = rel(dir, &path);
        if part != name && !named.contains(&part) {
            f.push(
                &part,
                Severity::Warning,
                "",
                format!("not a part of the index {name} describes (left from an older one?)"),
            );
        }
    }
}

fn files_under(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for path in paths {
        if path.is_dir() {
            files_under(&path, out);
        } else {
            out.push(path);
        }
    }
}

/// A record written in two files (a summary in a list and in its article
/// file, a document in a page and in its own file, a week in the index
/// and in its file) must say the same in both: the reader sees one, then
/// opens the other. Names the fields that differ.
fn same_record<T: serde::Serialize>(
    f: &mut Report,
    file: &str,
    path: &str,
    copy: &T,
    own: Option<&T>,
    own_file: &str,
) {
    let Some(own) = own else { return };
    let (Ok(serde_json::Value::Object(a)), Ok(serde_json::Value::Object(b))) =
        (serde_json::to_value(copy), serde_json::to_value(own))
    else {
        return;
    };
    let mut fields: Vec<&str> = a
        .keys()
        .chain(b.keys())
        .filter(|k| a.get(*k) != b.get(*k))
        .map(String::as_str)
        .collect();
    fields.sort_unstable();
    fields.dedup();
    if !fields.is_empty() {
        f.push(
            file,
            Severity::Error,
            path,
            format!("differs from {own_file} in {}", fields.join(", ")),
        );
    }
}

/// A relative URL in the feed must name a file that exists.
fn check_local(f: &mut Report, file: &str, path: &str, url: &str, dir: &Path) {
    let lower = url.to_ascii_lowercase();
    if lower.starts_with("http://")
        || lower.starts_with("https://")
        || lower.starts_with("data:")
        || url.starts_with('/')
    {
        return;
    }
    let clean = url.split(['?', '#']).next().unwrap_or(url);
    if !dir.join(clean).is_file() {
        f.push(
            file,
            Severity::Error,
            path,
            format!("{url} does not exist in the feed directory"),
        );
    }
}

fn check_document_refs(
    f: &mut Report,
    file: &str,
    path: &str,
    d: &Document,
    all: &BTreeMap<String, Document>,
    dir: &Path,
) {
    for (key, ids) in [
        ("replaces", &d.replaces),
        ("replaced_by", &d.replaced_by),
        ("related", &d.related),
    ] {
        for (i, id) in ids.iter().enumerate() {
            if !all.contains_key(id) {
                f.push(
                    file,
                    Severity::Warning,
                    &format!("{path}.{key}[{i}]"),
                    format!("unknown document \"{id}\""),
                );
            }
        }
    }
    for (i, file_ref) in d.files.iter().enumerate() {
        check_local(
            f,
            file,
            &format!("{path}.files[{i}].url"),
            &file_ref.url,
            dir,
        );
        let local = dir.join(&file_ref.url);
        if let Ok(meta) = fs::metadata(&local) {
            if meta.len() != file_ref.size {
                f.push(
                    file,
                    Severity::Warning,
                    &format!("{path}.files[{i}].size"),
                    format!("says {} bytes, the file has {}", file_ref.size, meta.len()),
                );
            }
        }
    }
}

// ------------------------------------------------------ read, write, index

/// What [`write_content`] or [`reindex`] wrote.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Written {
    pub articles: usize,
    pub weeks: usize,
    pub documents: usize,
    /// The size of index.json.
    pub index_bytes: usize,
    /// The archive index (`search/`): its files and all their bytes.
    pub search_files: usize,
    pub search_bytes: usize,
}

/// Lays `content` out with [`pack::pack`] and writes every file into `dir`
/// (over any file of the same name), then its archive index
/// ([`archive::build`]) into `search/` and its library index
/// ([`library::build`]) into `library/`, both emptied first so no part of
/// an older index survives.
pub fn write_content(dir: &Path, content: &Content) -> Result<Written, String> {
    let files = pack::pack(content);
    for (rel, text) in &files {
        write_file(dir, rel, text.as_bytes())?;
    }
    let search = archive::build(content);
    let library = library::build(&content.documents, &content.generated_at);
    remove_search(dir)?;
    for (rel, text) in search.files.iter().chain(&library.files) {
        write_file(dir, rel, text.as_bytes())?;
    }
    Ok(Written {
        articles: content.articles.len(),
        weeks: content.weeks.len(),
        documents: content.documents.len(),
        index_bytes: files
            .iter()
            .find(|(p, _)| p == "index.json")
            .map_or(0, |(_, t)| t.len()),
        search_files: search.files.len() + library.files.len(),
        search_bytes: search.bytes() + library.bytes(),
    })
}

/// Empties the archive index's and the library index's folders.
fn remove_search(dir: &Path) -> Result<(), String> {
    for folder in [archive::DIR, library::DIR] {
        let search = dir.join(folder);
        match fs::remove_dir_all(&search) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
                return Err(format!("cannot remove {}: {e}", search.display()))
            }
            _ => {}
        }
    }
    Ok(())
}

/// Reads every article, week and document file of `dir` (each validated),
/// with the site, categories, featured ids and generation time of its
/// index.json. `Err` names the first file that cannot be read or has a
/// fatal problem, with its problems.
pub fn read_content(dir: &Path) -> Result<(Index, Content), String> {
    let fail = |name: &str, problems: Vec<Problem>| {
        let lines: Vec<String> = problems.iter().map(|p| format!("  {name}: {p}")).collect();
        format!("{name} cannot be read:\n{}", lines.join("\n"))
    };
    let index_checked = validate::parse_index(&read(&dir.join("index.json"))?);
    let index = index_checked
        .value
        .ok_or_else(|| fail("index.json", index_checked.problems))?;
    let mut articles = Vec::new();
    for path in json_files(&dir.join("articles")) {
        let c = validate::parse_article(&read(&path)?);
        articles.push(c.value.ok_or_else(|| fail(&rel(dir, &path), c.problems))?);
    }
    let mut weeks = Vec::new();
    for path in json_files(&dir.join("calendar")) {
        let c = validate::parse_calendar_week(&read(&path)?);
        weeks.push(c.value.ok_or_else(|| fail(&rel(dir, &path), c.problems))?);
    }
    let mut documents = Vec::new();
    for path in json_files(&dir.join("documents/items")) {
        let c = validate::parse_document(&read(&path)?);
        documents.push(c.value.ok_or_else(|| fail(&rel(dir, &path), c.problems))?);
    }
    let content = Content {
        generated_at: index.generated_at.clone(),
        site: index.site.clone(),
        categories: index.categories.clone(),
        featured: index.featured.clone(),
        articles,
        weeks,
        documents,
    };
    Ok((index, content))
}

/// Rebuilds index.json and the paged lists (news, documents) of `dir` from
/// its article, calendar and document files, rewriting those too.
///
/// An index.json over [`INDEX_LIMIT_BYTES`] (a busy week embedded whole,
/// say) is written, so it can be looked at, but is an `Err`: the check
/// refuses it, so the packer does too.
pub fn reindex(dir: &Path) -> Result<Written, String> {
    let (_, content) = read_content(dir)?;
    let written = rewrite(dir, &content)?;
    if written.index_bytes > INDEX_LIMIT_BYTES {
        return Err(format!(
            "index.json is {} bytes, over the {INDEX_LIMIT_BYTES}-byte limit for the first screen: \
             embed fewer calendar weeks or shorten the newest stories' summaries",
            written.index_bytes
        ));
    }
    Ok(written)
}

/// Rewrites every file of `content`; the paged lists, being generated,
/// are removed first so no stale page survives.
fn rewrite(dir: &Path, content: &Content) -> Result<Written, String> {
    for generated in ["news", "documents/pages"] {
        let _ = fs::remove_dir_all(dir.join(generated));
    }
    write_content(dir, content)
}

/// A multi-day entry is listed in the file of every week it touches (same
/// id): a week file that exists but leaves it out would hide it on the
/// days of that week.
fn check_multi_day_weeks(f: &mut Report, week_files: &[(String, CalendarWeek)]) {
    for (name, week) in week_files {
        for (i, e) in week.entries.iter().enumerate() {
            let (Some(first), Some(last)) = (e.first_day(), e.last_day()) else {
                continue;
            };
            let mut touched = first.iso_week();
            while touched.monday() <= last {
                let id = touched.to_string();
                if id != week.week {
                    if let Some((other, w)) = week_files.iter().find(|(_, w)| w.week == id) {
                        if !w.entries.iter().any(|o| o.id == e.id) {
                            f.push(
                                name,
                                Severity::Warning,
                                &format!("entries[{i}]"),
                                format!(
                                    "\"{}\" runs from {first} to {last}, but {other} does not list it",
                                    e.id
                                ),
                            );
                        }
                    }
                }
                touched = touched.next();
            }
        }
    }
}

// ---------------------------------------------------------- demo-calendar

/// What [`demo_calendar`] did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CalendarMove {
    /// The feed was generated in today's week already: nothing was written.
    AlreadyAround(IsoWeek),
    /// The calendar moved by `weeks` whole weeks (negative: back), to the
    /// weeks around `around` (today's week).
    Moved { weeks: i64, around: IsoWeek },
}

/// Moves a sample feed's calendar (and its generation time) by whole weeks
/// so the week it was written for (that of index.json's `generated_at`)
/// becomes `today`'s week, then rewrites the feed as [`reindex`] does; old
/// week files are removed. Used by the build on the bundled sample, so the
/// demo never opens on an empty week.
pub fn demo_calendar(dir: &Path, today: Date) -> Result<CalendarMove, String> {
    let (index, mut content) = read_content(dir)?;
    let generated =
        DateTime::parse_rfc3339(&index.generated_at).ok_or("index.json: bad generated_at")?;
    let shift =
        today.iso_week().monday().days() - generated.vietnam().date.iso_week().monday().days();
    if shift == 0 {
        return Ok(CalendarMove::AlreadyAround(today.iso_week()));
    }
    let moved = |s: &str| {
        DateTime::parse_rfc3339(s).map_or_else(|| s.to_string(), |t| t.add_days(shift).to_rfc3339())
    };
    content.generated_at = moved(&content.generated_at);
    for week in &mut content.weeks {
        let old = IsoWeek::parse(&week.week).ok_or("bad week id")?;
        week.week = old.monday().add_days(shift).iso_week().to_string();
        week.updated = week.updated.as_deref().map(moved);
        for e in &mut week.entries {
            e.start = moved(&e.start);
            e.end = e.end.as_deref().map(moved);
            e.end_date = e.end_date.as_deref().map(|d| {
                Date::parse(d).map_or_else(|| d.to_string(), |d| d.add_days(shift).to_string())
            });
        }
    }
    let _ = fs::remove_dir_all(dir.join("calendar"));
    rewrite(dir, &content)?;
    Ok(CalendarMove::Moved {
        weeks: shift / 7,
        around: today.iso_week(),
    })
}

#[cfg(test)]
mod tests;
