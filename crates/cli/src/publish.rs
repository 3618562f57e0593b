//! `bantin-feed publish FEED --dist DIST --site-url URL`: writes, into a
//! release's build directory, an HTML page for every address a reader can
//! land on (home, the news list, this week's calendar, the document
//! library, every article, every document), each holding that route's
//! first screen as the app draws it (`bantin::prerender`: the app's own
//! components, rendered natively) and its own title, description,
//! canonical URL and link-preview tags.
//!
//! Incremental: `.bantin-publish.json` in DIST remembers what each page
//! was made from, so a run after one new article renders and writes only
//! the pages whose inputs changed (the pages about "now" and the newest
//! stories are always made again; they are few). The release's own
//! index.html is kept as `shell.html` by the build (scripts/post-build.mjs):
//! it is the template here, and the page the service worker opens offline.

use std::collections::{BTreeMap, BTreeSet};
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

use bantin::browser::state::AtHand;
use bantin::logic::routes;
use bantin::prerender::{self, Head, Snapshot};
use bantin_format::datetime::LocalTime;
use bantin_format::dir::json_files;
use bantin_format::model::{ArticleSummary, Document, Index};
use bantin_format::validate::{self, is_slug, Severity};
use bantin_format::{pack, text};

/// The template: the release's index.html as the build wrote it.
pub const SHELL: &str = "shell.html";
/// What the last run wrote, and from what.
pub const MANIFEST: &str = ".bantin-publish.json";
/// The site card, the preview picture of pages without one of their own.
pub const CARD: &str = "og-card.png";
pub const CARD_SIZE: (u32, u32) = (1200, 630);

pub struct Options {
    pub feed: PathBuf,
    pub dist: PathBuf,
    /// The app's public address, "https://tuyengiao.example.vn/" (with the
    /// base path when it has one).
    pub site_url: String,
    /// The moment the pages are made at (ms since the epoch).
    pub now_ms: f64,
    pub jobs: usize,
}

#[derive(Debug, Default)]
pub struct Report {
    pub pages: usize,
    pub rendered: usize,
    pub written: usize,
    pub removed: usize,
    pub bytes_written: u64,
    pub bytes_total: u64,
    pub seconds: f64,
    pub warnings: Vec<String>,
}

impl std::fmt::Display for Report {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for w in &self.warnings {
            writeln!(f, "warning: {w}")?;
        }
        writeln!(
            f,
            "{} pages: {} rendered, {} written ({} bytes), {} removed; {} bytes of pages in all; {:.1} s",
            self.pages,
            self.rendered,
            self.written,
            self.bytes_written,
            self.removed,
            self.bytes_total,
            self.seconds
        )
    }
}

/// One page to publish: its app path (under the base, no query), what it
/// needs at hand, its preview, and the hash of its inputs (`None`: made
/// on every run).
struct Page {
    path: String,
    input: Option<u64>,
    job: Job,
}

enum Job {
    Home,
    News,
    Calendar,
    Documents,
    Article(PathBuf),
    Document(Arc<Document>),
}

pub fn publish(opts: &Options) -> Result<Report, String> {
    let started = Instant::now();
    let site_url = site_url(&opts.site_url)?;
    let template = std::fs::read_to_string(opts.dist.join(SHELL)).map_err(|e| {
        format!(
            "{}: {e} (publish into a release build: run scripts/build first)",
            opts.dist.join(SHELL).display()
        )
    })?;
    let metas = meta_pairs(&template);
    let base = routes::normalize_base(
        metas
            .iter()
            .find(|(n, _)| n == "bantin-base")
            .map(|(_, v)| v.as_str()),
    );
    let feed_address = metas
        .iter()
        .find(|(n, _)| n == "bantin-feed")
        .map_or("feed/".to_string(), |(_, v)| v.clone());
    let feed_base = routes::feed_base(&base, &feed_address);

    let mut report = Report::default();
    let index = read_index(&opts.feed, &mut report)?;
    let documents = Arc::new(read_documents(&opts.feed, &index, &mut report));
    let snapshot = Snapshot {
        index: Arc::new(index),
        documents: documents.clone(),
    };
    let today = LocalTime::vietnam_from_millis(opts.now_ms).date;

    // What every page shows around its content: the header and footer
    // (site), the category names, the template and the address.
    let frame = hash_of(&(
        env!("CARGO_PKG_VERSION"),
        &template,
        &site_url,
        serde_json::to_string(&snapshot.index.site).unwrap_or_default(),
        serde_json::to_string(&snapshot.index.categories).unwrap_or_default(),
    ));
    let latest: BTreeMap<&str, &ArticleSummary> = snapshot
        .index
        .latest
        .iter()
        .map(|a| (a.id.as_str(), a))
        .collect();
    let in_latest: BTreeSet<&str> = snapshot
        .index
        .latest
        .iter()
        .map(|a| a.slug.as_str())
        .collect();

    // The pages about "now" and the lists: made every run.
    let mut pages: Vec<Page> = [
        (routes::HOME, Job::Home),
        (routes::NEWS, Job::News),
        (routes::CALENDAR, Job::Calendar),
        (routes::DOCUMENTS, Job::Documents),
    ]
    .into_iter()
    .map(|(path, job)| Page {
        path: path.to_string(),
        input: None,
        job,
    })
    .collect();
    for file in json_files(&opts.feed.join(pack::ARTICLES_DIR)) {
        let Some(slug) = file_stem(&file) else {
            continue;
        };
        if !is_slug(&slug) {
            report.warnings.push(format!(
                "articles/{slug}.json: the file name is not a slug; no page"
            ));
            continue;
        }
        // The newest stories show their neighbours from the index: made
        // every run. An older one's page changes with its file, the frame,
        // and the related stories it links to.
        let input = if in_latest.contains(slug.as_str()) {
            None
        } else {
            let bytes = std::fs::read(&file).map_err(|e| format!("{}: {e}", file.display()))?;
            let related: Vec<&ArticleSummary> = serde_json::from_slice::<ArticleFile>(&bytes)
                .map(|f| f.article.related)
                .unwrap_or_default()
                .iter()
                .filter_map(|id| latest.get(id.as_str()).copied())
                .collect();
            Some(hash_of(&(
                frame,
                &bytes,
                serde_json::to_string(&related).unwrap_or_default(),
            )))
        };
        pages.push(Page {
            path: routes::article(&slug),
            input,
            job: Job::Article(file),
        });
    }
    // A document's page shows its status on a day, and the documents it
    // names (from the list).
    let list_hash = hash_of(&serde_json::to_string(documents.as_ref()).unwrap_or_default());
    for doc in documents.iter() {
        if !is_slug(&doc.id) {
            continue;
        }
        pages.push(Page {
            path: routes::document(&doc.id),
            input: Some(hash_of(&(
                frame,
                list_hash,
                today.to_string(),
                serde_json::to_string(doc).unwrap_or_default(),
            ))),
            job: Job::Document(Arc::new(doc.clone())),
        });
    }
    report.pages = pages.len();

    let old = read_manifest(&opts.dist);
    let todo: Vec<&Page> = pages
        .iter()
        .filter(|p| p.input.is_none() || old.get(&p.path) != p.input.as_ref())
        .collect();

    let ctx = Context {
        template: &template,
        metas: &metas,
        base: &base,
        feed_base: &feed_base,
        site_url: &site_url,
        snapshot: &snapshot,
        feed: &opts.feed,
        now_ms: opts.now_ms,
    };
    let jobs = opts.jobs.max(1);
    let chunks: Vec<Vec<&Page>> = (0..jobs)
        .map(|j| todo.iter().skip(j).step_by(jobs).copied().collect())
        .collect();
    let results: Vec<Result<Vec<(String, String)>, String>> = std::thread::scope(|scope| {
        let handles: Vec<_> = chunks
            .into_iter()
            .map(|chunk| {
                let ctx = &ctx;
                scope.spawn(move || {
                    prerender::prepare(ctx.metas.to_vec(), ctx.now_ms);
                    chunk
                        .into_iter()
                        .map(|page| Ok((page.path.clone(), ctx.page_html(page)?)))
                        .collect::<Result<Vec<_>, String>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| {
                h.join()
                    .unwrap_or_else(|_| Err("a page's rendering panicked".into()))
            })
            .collect()
    });
    for result in results {
        for (path, html) in result? {
            report.rendered += 1;
            let file = opts.dist.join(page_file(&path));
            if std::fs::read(&file).ok().as_deref() != Some(html.as_bytes()) {
                write(&file, html.as_bytes())?;
                report.written += 1;
                report.bytes_written += html.len() as u64;
            }
            // A precompressed copy of the shell (post-build) would be
            // served instead of the page.
            for ext in ["br", "gz"] {
                let _ = std::fs::remove_file(with_ext(&file, ext));
            }
        }
    }

    // Pages of stories and documents no longer in the feed go.
    let now: BTreeSet<&str> = pages.iter().map(|p| p.path.as_str()).collect();
    for gone in old.keys().filter(|p| !now.contains(p.as_str())) {
        let file = opts.dist.join(page_file(gone));
        if std::fs::remove_file(&file).is_ok() {
            report.removed += 1;
            if let Some(dir) = file.parent() {
                let _ = std::fs::remove_dir(dir);
            }
        }
    }
    let card = opts.dist.join(CARD);
    let card_png = crate::card::site_card_png(&snapshot.index.site.name);
    if std::fs::read(&card).ok().as_deref() != Some(card_png.as_slice()) {
        write(&card, &card_png)?;
    }
    // Every page is listed (so a removed one is known next run); 0 for
    // those made every run.
    let manifest: BTreeMap<&str, u64> = pages
        .iter()
        .map(|p| (p.path.as_str(), p.input.unwrap_or(0)))
        .collect();
    write(
        &opts.dist.join(MANIFEST),
        serde_json::to_string(&manifest)
            .unwrap_or_default()
            .as_bytes(),
    )?;
    report.bytes_total = pages
        .iter()
        .filter_map(|p| std::fs::metadata(opts.dist.join(page_file(&p.path))).ok())
        .map(|m| m.len())
        .sum();
    report.seconds = started.elapsed().as_secs_f64();
    Ok(report)
}

/// An article file read for the ids of its related stories only.
#[derive(serde::Deserialize)]
struct ArticleFile {
    article: Related,
}

#[derive(serde::Deserialize)]
struct Related {
    #[serde(default)]
    related: Vec<String>,
}

struct Context<'a> {
    template: &'a str,
    metas: &'a [(String, String)],
    base: &'a str,
    feed_base: &'a str,
    site_url: &'a str,
    snapshot: &'a Snapshot,
    feed: &'a Path,
    now_ms: f64,
}

impl Context<'_> {
    /// The page's HTML: the template with the page's head tags and its
    /// first screen.
    fn page_html(&self, page: &Page) -> Result<String, String> {
        let index = &self.snapshot.index;
        let mut at_hand = AtHand::default();
        let mut kind = "website";
        let mut image = None;
        match &page.job {
            Job::Home | Job::Documents => {}
            Job::News => {
                let path = pack::news_page_path(pack::LIST_ALL, 1);
                at_hand.news_page = read_checked(self.feed, &path, validate::parse_news_page)
                    .ok()
                    .map(Arc::new);
            }
            Job::Calendar => {
                let week = LocalTime::vietnam_from_millis(self.now_ms)
                    .date
                    .iso_week()
                    .to_string();
                if index.calendar.weeks.contains(&week)
                    && !index.calendar.embedded.iter().any(|w| w.week == week)
                {
                    at_hand.week = read_checked(
                        self.feed,
                        &pack::week_path(&week),
                        validate::parse_calendar_week,
                    )
                    .ok()
                    .map(Arc::new);
                }
            }
            Job::Article(file) => {
                let text = std::fs::read_to_string(file)
                    .map_err(|e| format!("{}: {e}", file.display()))?;
                let checked = validate::parse_article(&text);
                let article = checked.value.ok_or_else(|| {
                    format!(
                        "{}: not an article the app can show: {}",
                        file.display(),
                        first_problem(&checked.problems)
                    )
                })?;
                kind = "article";
                image = article.summary.cover.as_ref().and_then(|i| {
                    let (w, h) = (i.width?, i.height?);
                    let url = routes::resolve_feed_url(self.base, self.feed_base, &i.src);
                    let absolute = self.absolute(&url)?;
                    // Link previews take raster pictures only.
                    let lower = absolute.to_ascii_lowercase();
                    let raster = [".jpg", ".jpeg", ".png", ".webp", ".gif"].iter().any(|x| {
                        lower
                            .split(['?', '#'])
                            .next()
                            .is_some_and(|p| p.ends_with(x))
                    });
                    let alt = bantin_format::alt::usable(i)
                        .or(bantin_format::alt::caption(i))
                        .unwrap_or(&article.summary.title)
                        .to_string();
                    raster.then_some((absolute, w, h, alt))
                });
                at_hand.article = Some(Arc::new(article));
            }
            Job::Document(doc) => at_hand.document = Some(doc.clone()),
        }
        let rendered = prerender::render(
            &routes::with_base(self.base, &page.path),
            self.snapshot,
            at_hand,
        );
        let description = rendered
            .description
            .filter(|d| !text::is_blank(d))
            .unwrap_or_else(|| default_description(index));
        let image = image.unwrap_or_else(|| {
            (
                format!("{}{CARD}", self.site_url),
                CARD_SIZE.0,
                CARD_SIZE.1,
                index.site.name.clone(),
            )
        });
        let name = if text::is_blank(&rendered.name) {
            index.site.name.clone()
        } else {
            rendered.name
        };
        let head = prerender::head_tags(Head {
            title: rendered.title,
            name,
            description,
            canonical: format!("{}{}", self.site_url, page.path.trim_start_matches('/')),
            kind,
            site_name: index.site.name.clone(),
            image,
            feed_version: index.generated_at.clone(),
            route: routes::with_base(self.base, &page.path),
        });
        fill_template(self.template, &head, &rendered.body)
    }

    /// A URL of the page made absolute against the site's address.
    fn absolute(&self, url: &str) -> Option<String> {
        let lower = url.to_ascii_lowercase();
        if lower.starts_with("https://") || lower.starts_with("http://") {
            return Some(url.to_string());
        }
        let origin_end = self
            .site_url
            .find("://")
            .and_then(|i| self.site_url[i + 3..].find('/').map(|j| i + 3 + j))?;
        url.starts_with('/')
            .then(|| format!("{}{url}", &self.site_url[..origin_end]))
    }
}

/// The site's line for pages that set no description of their own.
fn default_description(index: &Index) -> String {
    let site = &index.site;
    site.description
        .clone()
        .filter(|d| !text::is_blank(d))
        .unwrap_or_else(|| format!("{} · {}", site.name, bantin::strings::APP_TAGLINE))
}

fn first_problem(problems: &[validate::Problem]) -> String {
    problems
        .iter()
        .find(|p| p.severity <= Severity::Error)
        .map(ToString::to_string)
        .unwrap_or_default()
}

/// The template with `head` in place of its title and description, and
/// the page's first screen in place of its loading screen. The loading
/// screen stays, hidden: the page's script shows it instead of this page
/// when the reader's address asks for another one.
fn fill_template(template: &str, head: &str, body: &str) -> Result<String, String> {
    let mut html = template.to_string();
    // The page shows without the app: the wasm's preload would only take
    // the phone's bandwidth from the page's own picture and stylesheet.
    // The loader script still fetches it once the page is parsed.
    while let Some((start, end)) = find_tag(
        &html,
        "<link",
        &["type=application/wasm", "type=\"application/wasm\""],
    ) {
        html.replace_range(start..end, "");
    }
    if let Some((start, end)) = find_element(&html, "<title", "</title>") {
        html.replace_range(start..end, "");
    }
    if let Some((start, end)) = find_tag(
        &html,
        "<meta",
        &["name=description", "name=\"description\""],
    ) {
        html.replace_range(start..end, "");
    }
    // Before the first script: the page's settings script reads
    // `bantin-page` before the first paint.
    let at = html
        .find("<script")
        .or_else(|| html.find("</head>"))
        .or_else(|| html.find("<body"))
        .ok_or("the template has no <body>")?;
    html.insert_str(at, head);

    let body_start = html.find("<body").ok_or("the template has no <body>")?;
    let boot = find_element(&html[body_start..], "<div", "</div>")
        .map(|(s, e)| html[body_start + s..body_start + e].to_string())
        .ok_or("the template has no loading screen (<div id=boot>)")?;
    let boot = boot.replacen("<div", "<div hidden", 1);
    let body_end = html.rfind("</body>").unwrap_or(html.len());
    let new_body = format!("<body>{boot}<div id=\"prerender\">{body}</div>");
    html.replace_range(body_start..body_end, &new_body);
    Ok(html)
}

/// The first element from `open` to the end of its `close`.
fn find_element(html: &str, open: &str, close: &str) -> Option<(usize, usize)> {
    let start = html.find(open)?;
    let end = html[start..].find(close)? + start + close.len();
    Some((start, end))
}

/// The first `open…>` tag holding one of `marks`.
fn find_tag(html: &str, open: &str, marks: &[&str]) -> Option<(usize, usize)> {
    let mut from = 0;
    while let Some(i) = html[from..].find(open) {
        let start = from + i;
        let end = start + html[start..].find('>')? + 1;
        if marks.iter().any(|m| html[start..end].contains(m)) {
            return Some((start, end));
        }
        from = end;
    }
    None
}

/// The `<meta name=… content=…>` pairs of a page (quoted or not, either
/// order, as a minifier leaves them).
pub fn meta_pairs(html: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(i) = html[from..].find("<meta") {
        let start = from + i;
        let Some(len) = html[start..].find('>') else {
            break;
        };
        let tag = &html[start..start + len];
        if let (Some(name), Some(content)) = (attr(tag, "name"), attr(tag, "content")) {
            out.push((name, content));
        }
        from = start + len;
    }
    out
}

fn attr(tag: &str, name: &str) -> Option<String> {
    let mut from = 0;
    while let Some(i) = tag[from..].find(name) {
        let at = from + i;
        from = at + name.len();
        let before_ok = tag[..at].ends_with([' ', '\t', '\n']);
        let rest = &tag[at + name.len()..];
        if !before_ok || !rest.starts_with('=') {
            continue;
        }
        let rest = &rest[1..];
        return Some(match rest.chars().next() {
            Some(q @ ('"' | '\'')) => rest[1..].split(q).next().unwrap_or("").to_string(),
            _ => rest.split([' ', '>', '/']).next().unwrap_or("").to_string(),
        });
    }
    None
}

/// The app's public address, checked and ending in "/".
fn site_url(given: &str) -> Result<String, String> {
    let lower = given.to_ascii_lowercase();
    let ok = (lower.starts_with("https://") || lower.starts_with("http://"))
        && validate::is_safe_url(given, validate::UrlUse::Link)
        && !given.contains(['?', '#', '"', '<', '>', ' ']);
    if !ok {
        return Err(format!(
            "--site-url must be the app's public http(s) address, like https://tuyengiao.example.vn/ (got {given:?})"
        ));
    }
    let mut url = given.to_string();
    if !url.ends_with('/') {
        url.push('/');
    }
    Ok(url)
}

fn read_index(feed: &Path, report: &mut Report) -> Result<Index, String> {
    let path = feed.join(pack::INDEX_FILE);
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let checked = validate::parse_index(&text);
    let errors: Vec<String> = checked
        .problems
        .iter()
        .filter(|p| p.severity <= Severity::Error)
        .map(|p| format!("  index.json: {p}"))
        .collect();
    match checked.value {
        Some(index) if errors.is_empty() => {
            report.warnings.extend(
                checked
                    .problems
                    .iter()
                    .filter(|p| p.severity == Severity::Warning)
                    .map(|p| format!("index.json: {p}")),
            );
            Ok(index)
        }
        _ => Err(format!(
            "{} is not a feed to publish (bantin-feed check says more):\n{}",
            feed.display(),
            errors.join("\n")
        )),
    }
}

/// Every document, from the paged list the library reads.
fn read_documents(feed: &Path, index: &Index, report: &mut Report) -> Vec<Document> {
    let mut all = Vec::new();
    for page in 1..=index.documents.pages {
        match read_checked(
            feed,
            &pack::documents_page_path(page),
            validate::parse_documents_page,
        ) {
            Ok(p) => all.extend(p.items),
            Err(e) => report.warnings.push(e),
        }
    }
    all
}

fn read_checked<T>(
    feed: &Path,
    rel: &str,
    parse: impl Fn(&str) -> validate::Checked<T>,
) -> Result<T, String> {
    let text = std::fs::read_to_string(feed.join(rel)).map_err(|e| format!("{rel}: {e}"))?;
    let checked = parse(&text);
    let problem = first_problem(&checked.problems);
    checked.value.ok_or_else(|| format!("{rel}: {problem}"))
}

fn file_stem(path: &Path) -> Option<String> {
    path.file_stem().and_then(|s| s.to_str()).map(String::from)
}

/// Where a page lives in DIST: "/" is index.html, "/tin-tuc/x" is
/// tin-tuc/x/index.html (every host serves a directory's index.html).
pub fn page_file(path: &str) -> PathBuf {
    let mut file = PathBuf::new();
    for part in path.split('/').filter(|p| !p.is_empty()) {
        file.push(part);
    }
    file.join("index.html")
}

fn with_ext(file: &Path, ext: &str) -> PathBuf {
    let mut s = file.as_os_str().to_os_string();
    s.push(".");
    s.push(ext);
    PathBuf::from(s)
}

fn write(file: &Path, bytes: &[u8]) -> Result<(), String> {
    if let Some(dir) = file.parent() {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    // Written aside and moved in, so a server never sends half a page.
    let aside = with_ext(file, "part");
    std::fs::write(&aside, bytes).map_err(|e| format!("{}: {e}", aside.display()))?;
    std::fs::rename(&aside, file).map_err(|e| format!("{}: {e}", file.display()))
}

fn read_manifest(dist: &Path) -> BTreeMap<String, u64> {
    std::fs::read_to_string(dist.join(MANIFEST))
        .ok()
        .and_then(|t| serde_json::from_str(&t).ok())
        .unwrap_or_default()
}

fn hash_of(value: &impl Hash) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    value.hash(&mut h);
    h.finish()
}
