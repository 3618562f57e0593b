//! bantin-feed: the feed tool for exporters and for our own tests.
//!
//!   bantin-feed check DIR                 validate a whole feed directory
//!   bantin-feed gen --articles N --seed S --out DIR [--today YYYY-MM-DD]
//!                                         write a deterministic synthetic feed
//!   bantin-feed index DIR                 rebuild index.json and the paged lists
//!                                         from the article, calendar and document files
//!   bantin-feed demo-calendar DIR [--today YYYY-MM-DD]
//!                                         move the sample calendar to the weeks around today
//!
//! Build it without the web UI: `cargo run --no-default-features --bin bantin-feed -- …`
//! (scripts/bantin-feed does that).

use std::collections::{BTreeMap, HashSet};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use bantin::datetime::{DateTime, IsoWeek, LocalTime};
use bantin::feed::model::*;
use bantin::feed::pack::{self, Content};
use bantin::feed::synth;
use bantin::feed::validate::{self, Checked, Problem, Severity};

/// The first screen needs only index.json: it must stay small.
const INDEX_LIMIT_BYTES: usize = 150 * 1024;

const USAGE: &str = "usage:
  bantin-feed check DIR
  bantin-feed gen --articles N --seed S --out DIR [--today YYYY-MM-DD]
  bantin-feed index DIR
  bantin-feed demo-calendar DIR [--today YYYY-MM-DD]";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("check") => one_dir(&args[1..]).and_then(|d| check(&d)),
        Some("gen") => gen(&args[1..]),
        Some("index") => one_dir(&args[1..]).and_then(|d| reindex(&d)),
        Some("demo-calendar") => demo_calendar(&args[1..]),
        Some("-h" | "--help" | "help") => {
            println!("{USAGE}");
            Ok(())
        }
        _ => Err(USAGE.to_string()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("bantin-feed: {message}");
            ExitCode::FAILURE
        }
    }
}

fn one_dir(args: &[String]) -> Result<PathBuf, String> {
    match args {
        [dir] => Ok(PathBuf::from(dir)),
        _ => Err(USAGE.to_string()),
    }
}

/// `--name value` options.
fn options(args: &[String]) -> Result<BTreeMap<String, String>, String> {
    let mut map = BTreeMap::new();
    let mut it = args.iter();
    while let Some(key) = it.next() {
        let name = key
            .strip_prefix("--")
            .ok_or_else(|| format!("unexpected argument {key}\n{USAGE}"))?;
        let value = it.next().ok_or_else(|| format!("--{name} needs a value"))?;
        map.insert(name.to_string(), value.clone());
    }
    Ok(map)
}

fn read(path: &Path) -> Result<String, String> {
    fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}

fn write(dir: &Path, rel: &str, bytes: &[u8]) -> Result<(), String> {
    let path = dir.join(rel);
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent)
            .map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
    }
    fs::write(&path, bytes).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

/// The JSON files directly inside `dir` (sorted, so output is stable).
fn json_files(dir: &Path) -> Vec<PathBuf> {
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

fn today_vietnam() -> String {
    let millis = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis() as f64)
        .unwrap_or(0.0);
    LocalTime::vietnam_from_millis(millis).date.to_string()
}

// ------------------------------------------------------------------ check

/// Problems found across a feed directory, each with its file.
#[derive(Default)]
struct Findings {
    files: usize,
    lines: Vec<(String, Problem)>,
}

impl Findings {
    fn add<T>(&mut self, file: &str, checked: Checked<T>) -> Option<T> {
        self.files += 1;
        self.lines
            .extend(checked.problems.into_iter().map(|p| (file.to_string(), p)));
        checked.value
    }
    fn push(&mut self, file: &str, severity: Severity, path: &str, message: String) {
        self.lines.push((
            file.to_string(),
            Problem {
                severity,
                path: path.to_string(),
                message,
            },
        ));
    }
    fn count(&self, severity: Severity) -> usize {
        self.lines
            .iter()
            .filter(|(_, p)| p.severity == severity)
            .count()
    }
}

fn check(dir: &Path) -> Result<(), String> {
    let mut f = Findings::default();
    let index_text = read(&dir.join("index.json"))?;
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
    let index = f.add("index.json", validate::parse_index(&index_text));

    // Every file of every kind, whatever the index says.
    let mut articles = BTreeMap::new();
    for path in json_files(&dir.join("articles")) {
        let name = rel(dir, &path);
        if let Some(a) = f.add(&name, validate::parse_article(&read(&path)?)) {
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
            articles.insert(a.summary.id.clone(), a);
        }
    }
    let mut documents = BTreeMap::new();
    for path in json_files(&dir.join("documents/items")) {
        let name = rel(dir, &path);
        if let Some(d) = f.add(&name, validate::parse_document(&read(&path)?)) {
            documents.insert(d.id.clone(), d);
        }
    }
    let mut weeks = HashSet::new();
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
            weeks.insert(w.week);
        }
    }
    for path in json_files(&dir.join("documents/pages")) {
        let name = rel(dir, &path);
        if let Some(page) = f.add(&name, validate::parse_documents_page(&read(&path)?)) {
            for (i, d) in page.items.iter().enumerate() {
                check_document_refs(&mut f, &name, &format!("items[{i}]"), d, &documents, dir);
            }
        }
    }
    let mut summaries = Vec::new();
    if let Ok(lists) = fs::read_dir(dir.join("news")) {
        let mut lists: Vec<_> = lists.filter_map(|e| e.ok().map(|e| e.path())).collect();
        lists.sort();
        for list in lists {
            for path in json_files(&list) {
                let name = rel(dir, &path);
                if let Some(page) = f.add(&name, validate::parse_news_page(&read(&path)?)) {
                    summaries.extend(page.items.into_iter().map(|s| (name.clone(), s)));
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
                .map(|s| ("index.json".to_string(), s.clone())),
        );
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
        for (i, w) in index.calendar.weeks.iter().enumerate() {
            if !weeks.contains(w) {
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
        for (i, d) in index.documents.latest.iter().enumerate() {
            check_document_refs(
                &mut f,
                "index.json",
                &format!("documents.latest[{i}]"),
                d,
                &documents,
                dir,
            );
        }
        if let Some(logo) = &index.site.logo {
            check_local(&mut f, "index.json", "site.logo.src", &logo.src, dir);
        }
    }
    let mut seen = HashSet::new();
    for (file, s) in &summaries {
        if seen.insert((file.clone(), s.id.clone()))
            && !dir.join(pack::article_path(&s.slug)).is_file()
        {
            f.push(
                file,
                Severity::Error,
                &s.id,
                format!(
                    "article \"{}\" has no file {}",
                    s.slug,
                    pack::article_path(&s.slug)
                ),
            );
        }
    }
    for a in articles.values() {
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
        for (i, block) in a.body.iter().enumerate() {
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

    f.lines
        .sort_by(|a, b| a.1.severity.cmp(&b.1.severity).then_with(|| a.0.cmp(&b.0)));
    for (file, p) in &f.lines {
        println!("{:<8} {file}: {p}", p.severity.to_string());
    }
    let (fatal, errors) = (f.count(Severity::Fatal), f.count(Severity::Error));
    println!(
        "{} files checked: {fatal} fatal, {errors} errors, {} warnings, {} notes; index.json {} bytes",
        f.files,
        f.count(Severity::Warning),
        f.count(Severity::Note),
        index_text.len()
    );
    if fatal + errors > 0 {
        return Err(format!(
            "{} has {} problems that readers would see",
            dir.display(),
            fatal + errors
        ));
    }
    Ok(())
}

fn rel(dir: &Path, path: &Path) -> String {
    path.strip_prefix(dir)
        .unwrap_or(path)
        .to_string_lossy()
        .replace('\\', "/")
}

/// A relative URL in the feed must name a file that exists.
fn check_local(f: &mut Findings, file: &str, path: &str, url: &str, dir: &Path) {
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
    f: &mut Findings,
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

// -------------------------------------------------------------- gen, index

fn write_feed(dir: &Path, content: &Content) -> Result<usize, String> {
    let files = pack::pack(content);
    for (rel, text) in &files {
        write(dir, rel, text.as_bytes())?;
    }
    Ok(files
        .iter()
        .find(|(p, _)| p == "index.json")
        .map_or(0, |(_, t)| t.len()))
}

fn gen(args: &[String]) -> Result<(), String> {
    let opts = options(args)?;
    let number = |k: &str| -> Result<u64, String> {
        opts.get(k)
            .ok_or_else(|| format!("--{k} is required\n{USAGE}"))?
            .parse()
            .map_err(|_| format!("--{k} must be a number"))
    };
    let articles = number("articles")? as usize;
    let seed = number("seed")?;
    let out = PathBuf::from(
        opts.get("out")
            .ok_or_else(|| format!("--out is required\n{USAGE}"))?,
    );
    let today = opts.get("today").cloned().unwrap_or_else(today_vietnam);
    match bantin::datetime::Date::parse(&today) {
        Some(d) if (1900..=9998).contains(&d.year) => {}
        _ => {
            return Err(
                "--today must be a date like 2026-11-23, between the years 1900 and 9998".into(),
            )
        }
    }
    let synth::Synthetic { content, files } = synth::generate(articles, seed, &today);
    let index_bytes = write_feed(&out, &content)?;
    for (rel, bytes) in &files {
        write(&out, rel, bytes)?;
    }
    println!(
        "wrote {} articles, {} calendar weeks, {} documents to {} (index.json {index_bytes} bytes)",
        content.articles.len(),
        content.weeks.len(),
        content.documents.len(),
        out.display()
    );
    Ok(())
}

/// Reads every article, week and document file of `dir` (each validated).
fn read_content(dir: &Path) -> Result<(Index, Content), String> {
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

fn reindex(dir: &Path) -> Result<(), String> {
    let (_, content) = read_content(dir)?;
    let bytes = reindex_content(dir, &content)?;
    println!(
        "indexed {} articles, {} weeks, {} documents (index.json {bytes} bytes)",
        content.articles.len(),
        content.weeks.len(),
        content.documents.len()
    );
    Ok(())
}

// ---------------------------------------------------------- demo-calendar

/// Moves a sample feed's calendar (and its generation time) by whole weeks
/// so the week it was written for becomes the current week. Used by the
/// build on the bundled sample, so the demo never opens on an empty week.
fn demo_calendar(args: &[String]) -> Result<(), String> {
    let (dir, rest) = args.split_first().ok_or_else(|| USAGE.to_string())?;
    let dir = PathBuf::from(dir);
    let opts = options(rest)?;
    let today = opts.get("today").cloned().unwrap_or_else(today_vietnam);
    let today =
        bantin::datetime::Date::parse(&today).ok_or("--today must be a date like 2026-11-23")?;
    let (index, mut content) = read_content(&dir)?;
    let generated =
        DateTime::parse_rfc3339(&index.generated_at).ok_or("index.json: bad generated_at")?;
    let shift =
        today.iso_week().monday().days() - generated.vietnam().date.iso_week().monday().days();
    if shift == 0 {
        println!("calendar already around {}", today.iso_week());
        return Ok(());
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
        }
    }
    let _ = fs::remove_dir_all(dir.join("calendar"));
    reindex_content(&dir, &content)?;
    println!(
        "moved the sample calendar by {} weeks, to the weeks around {}",
        shift / 7,
        today.iso_week()
    );
    Ok(())
}

/// Rewrites every file of `content`; the paged lists, being generated,
/// are removed first so no stale page survives. Returns index.json's size.
fn reindex_content(dir: &Path, content: &Content) -> Result<usize, String> {
    for generated in ["news", "documents/pages"] {
        let _ = fs::remove_dir_all(dir.join(generated));
    }
    write_feed(dir, content)
}
