//! `bantin-feed import …` and `bantin-feed bench-import`: the command line
//! over `bantin_import` (the crate does the work; this reads the
//! arguments, prints the report, escaped for the terminal, and times it).

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use bantin_format::datetime::{Date, DateTime, LocalTime};
use bantin_import::{http, nukeviet, Common, Source};

pub const USAGE: &str = "  bantin-feed import nukeviet --site URL --out FEED [--limit N] [--weeks N] [--category ALIAS=NAME]…
                             [--site-name NAME] [--news-module NAME] [--laws-module NAME] [--schedule-module NAME]
                             [--no-instant-rss]
  bantin-feed import feed URL|FILE… --out FEED [--category NAME]
  bantin-feed import ics URL|FILE… --out FEED
      (each import also: [--concurrency N] [--delay-ms N] [--timeout S] [--cache DIR] [--no-cache]
       [--remote-images] [--today YYYY-MM-DD] [--now RFC3339])
  bantin-feed bench-import [--articles N] [--concurrency N] [--delay-ms N] [--instant-rss N]";

/// Arguments: sources (positional), `--name value` options (some
/// repeatable), and the yes/no flags.
struct Args {
    sources: Vec<String>,
    options: BTreeMap<String, Vec<String>>,
    flags: Vec<String>,
}

const FLAGS: &[&str] = &["remote-images", "no-cache", "no-instant-rss"];

fn parse(args: &[String]) -> Result<Args, String> {
    let mut a = Args {
        sources: Vec::new(),
        options: BTreeMap::new(),
        flags: Vec::new(),
    };
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match arg.strip_prefix("--") {
            Some(name) if FLAGS.contains(&name) => a.flags.push(name.to_string()),
            Some(name) => {
                let value = it.next().ok_or_else(|| format!("--{name} needs a value"))?;
                a.options
                    .entry(name.to_string())
                    .or_default()
                    .push(value.clone());
            }
            None => a.sources.push(arg.clone()),
        }
    }
    Ok(a)
}

impl Args {
    fn one(&self, name: &str) -> Option<&str> {
        self.options
            .get(name)
            .and_then(|v| v.last())
            .map(String::as_str)
    }

    fn number<T: std::str::FromStr>(&self, name: &str, default: T) -> Result<T, String> {
        match self.one(name) {
            Some(v) => v.parse().map_err(|_| format!("--{name} must be a number")),
            None => Ok(default),
        }
    }

    fn check_known(&self, known: &[&str]) -> Result<(), String> {
        for name in self.options.keys() {
            if !known.contains(&name.as_str()) {
                return Err(format!("unknown option --{name}\nusage:\n{USAGE}"));
            }
        }
        Ok(())
    }
}

const COMMON: &[&str] = &[
    "out",
    "concurrency",
    "delay-ms",
    "timeout",
    "cache",
    "today",
    "now",
];

fn now_vietnam() -> (String, Date) {
    let millis = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis() as f64)
        .unwrap_or(0.0);
    let local = LocalTime::vietnam_from_millis(millis);
    (
        bantin_import::text::unix_in_vietnam((millis / 1000.0) as i64),
        local.date,
    )
}

fn common(a: &Args) -> Result<(Common, Date), String> {
    let out = PathBuf::from(
        a.one("out")
            .ok_or_else(|| format!("--out is required\nusage:\n{USAGE}"))?,
    );
    let (now, today) = now_vietnam();
    let generated_at = match a.one("now") {
        Some(t) => DateTime::parse_rfc3339(t)
            .map(bantin_import::text::in_vietnam)
            .ok_or("--now must be a time like 2026-11-30T09:30:00+07:00")?,
        None => now,
    };
    let today = match a.one("today") {
        Some(d) => Date::parse(d).ok_or("--today must be a date like 2026-11-23")?,
        None => today,
    };
    let concurrency: usize = a.number("concurrency", 4)?;
    if !(1..=16).contains(&concurrency) {
        return Err("--concurrency must be between 1 and 16".into());
    }
    let cache_dir = if a.flags.iter().any(|f| f == "no-cache") {
        None
    } else {
        Some(
            a.one("cache")
                .map(PathBuf::from)
                .unwrap_or_else(|| bantin_import::default_cache(&out)),
        )
    };
    Ok((
        Common {
            out,
            http: http::Options {
                concurrency,
                delay: Duration::from_millis(a.number("delay-ms", 100)?),
                cache_dir,
                timeout: Duration::from_secs(a.number("timeout", 30)?),
                ..http::Options::default()
            },
            remote_images: a.flags.iter().any(|f| f == "remote-images"),
            generated_at,
        },
        today,
    ))
}

/// `bantin-feed import KIND …`.
pub fn import(args: &[String]) -> Result<(), String> {
    let (kind, rest) = args
        .split_first()
        .ok_or_else(|| format!("usage:\n{USAGE}"))?;
    let a = parse(rest)?;
    let (common, today) = common(&a)?;
    let source = match kind.as_str() {
        "nukeviet" => {
            let mut known = COMMON.to_vec();
            known.extend([
                "site",
                "limit",
                "weeks",
                "category",
                "site-name",
                "news-module",
                "laws-module",
                "schedule-module",
            ]);
            a.check_known(&known)?;
            if !a.sources.is_empty() {
                return Err(format!(
                    "import nukeviet takes the portal with --site\nusage:\n{USAGE}"
                ));
            }
            let mut site = a
                .one("site")
                .ok_or_else(|| format!("--site is required\nusage:\n{USAGE}"))?
                .to_string();
            if !(site.starts_with("http://") || site.starts_with("https://")) {
                return Err("--site must be an http or https address".into());
            }
            if let Some(i) = site.find("index.php") {
                site.truncate(i);
            }
            if !site.ends_with('/') {
                site.push('/');
            }
            let mut categories = BTreeMap::new();
            for c in a.options.get("category").into_iter().flatten() {
                let (alias, name) = c
                    .split_once('=')
                    .ok_or("--category must be ALIAS=NAME (tin-tuc=Tin tức)")?;
                categories.insert(alias.trim().to_string(), name.trim().to_string());
            }
            let module = |n: &str, d: &str| a.one(n).unwrap_or(d).to_string();
            Source::NukeViet(nukeviet::Options {
                site,
                news_module: module("news-module", "news"),
                laws_module: module("laws-module", "laws"),
                schedule_module: module("schedule-module", "work-schedules"),
                limit: a.number("limit", 1000)?,
                weeks: a.number("weeks", 8)?,
                today,
                categories,
                site_name: a.one("site-name").map(str::to_string),
                instant_rss: !a.flags.iter().any(|f| f == "no-instant-rss"),
            })
        }
        "feed" | "ics" => {
            let mut known = COMMON.to_vec();
            if kind == "feed" {
                known.push("category");
            }
            a.check_known(&known)?;
            if a.sources.is_empty() {
                return Err(format!(
                    "import {kind} needs a URL or a file\nusage:\n{USAGE}"
                ));
            }
            if kind == "feed" {
                Source::Feed(
                    a.sources.clone(),
                    bantin_import::feed::Options {
                        category: a.one("category").map(str::to_string),
                    },
                )
            } else {
                Source::Ics(a.sources.clone())
            }
        }
        _ => return Err(format!("unknown import {kind}\nusage:\n{USAGE}")),
    };
    let started = Instant::now();
    let (report, result) = bantin_import::run(&common, &source);
    print!("{report}");
    let out = bantin_import::text::terminal(&common.out.display().to_string());
    match result? {
        Some(written) => println!(
            "wrote {out}: {} articles, {} calendar weeks, {} documents (index.json {} bytes; search index {} files, {} bytes)",
            written.articles,
            written.weeks,
            written.documents,
            written.index_bytes,
            written.search_files,
            written.search_bytes
        ),
        None => println!("nothing new: {out} was left as it was"),
    }
    println!(
        "took {:.1} s, peak memory {}",
        started.elapsed().as_secs_f64(),
        peak_memory().map_or("unknown".into(), |kb| format!(
            "{:.1} MB",
            kb as f64 / 1024.0
        ))
    );
    Ok(())
}

/// The process's peak resident memory in KB (Linux: VmHWM).
pub fn peak_memory() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))?
        .split_whitespace()
        .next()?
        .parse()
        .ok()
}

/// `bantin-feed bench-import`: a generated NukeViet-shaped portal served
/// on loopback (in this process), imported by a child `bantin-feed import
/// nukeviet` (so its peak memory is the importer's alone), then imported
/// again with nothing new. Prints figures; asserts nothing.
pub fn bench(args: &[String]) -> Result<(), String> {
    let a = parse(args)?;
    a.check_known(&["articles", "concurrency", "delay-ms", "instant-rss"])?;
    let articles: usize = a.number("articles", 1000)?;
    let concurrency: usize = a.number("concurrency", 4)?;
    let delay: u64 = a.number("delay-ms", 100)?;
    let today = Date::new(2026, 11, 25).expect("a date");
    // `--instant-rss N`: the portal has op=instant-rss on, carrying its N
    // newest articles (NukeViet's default: off).
    let instant: usize = a.number("instant-rss", 0)?;
    let spec = bantin_import::testsite::Spec {
        instant_rss: (instant > 0).then_some(instant),
        ..bantin_import::testsite::Spec::new(articles, 20, today)
    };
    let server =
        bantin_import::testsite::Server::start(bantin_import::testsite::Site::nukeviet(&spec));
    let root = std::env::temp_dir().join(format!("bantin-bench-import-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    std::fs::create_dir_all(&root).map_err(|e| e.to_string())?;
    let out = root.join("feed");
    let exe = std::env::current_exe().map_err(|e| e.to_string())?;
    let run = |label: &str| -> Result<(f64, String, String), String> {
        let started = Instant::now();
        let output = std::process::Command::new(&exe)
            .args([
                "import",
                "nukeviet",
                "--site",
                &server.base,
                "--out",
                &out.to_string_lossy(),
                "--today",
                &today.to_string(),
                "--weeks",
                "8",
                "--concurrency",
                &concurrency.to_string(),
                "--delay-ms",
                &delay.to_string(),
                "--cache",
                &root.join("cache").to_string_lossy(),
            ])
            .output()
            .map_err(|e| format!("cannot run {}: {e}", exe.display()))?;
        let secs = started.elapsed().as_secs_f64();
        let stdout = String::from_utf8_lossy(&output.stdout).to_string();
        if !output.status.success() {
            return Err(format!(
                "the {label} import failed:\n{stdout}{}",
                String::from_utf8_lossy(&output.stderr)
            ));
        }
        let line = |prefix: &str| {
            stdout
                .lines()
                .find(|l| l.starts_with(prefix))
                .unwrap_or("")
                .to_string()
        };
        let peak = line("took ")
            .split("peak memory ")
            .nth(1)
            .unwrap_or("unknown")
            .to_string();
        Ok((secs, peak, line("imported ")))
    };
    println!(
        "Import benchmark: a generated NukeViet-shaped portal on loopback, {articles} articles \
         (2 pictures each), 20 documents with a file, 8 calendar weeks; op=instant-rss {}; \
         at most {concurrency} requests at once, {delay} ms pause after each.",
        if instant > 0 {
            format!("on, carrying the {instant} newest articles")
        } else {
            "off (404)".to_string()
        }
    );
    let (first, peak1, summary1) = run("first")?;
    let requests_first = server
        .state
        .requests
        .load(std::sync::atomic::Ordering::SeqCst);
    let (again, peak2, summary2) = run("second")?;
    let requests_again = server
        .state
        .requests
        .load(std::sync::atomic::Ordering::SeqCst)
        - requests_first;
    let max_in_flight = server
        .state
        .max_in_flight
        .load(std::sync::atomic::Ordering::SeqCst);
    println!();
    println!("| run | wall time | peak memory (importer) | requests | goal |");
    println!("|---|---|---|---|---|");
    println!("| first import | {first:.1} s | {peak1} | {requests_first} | ≤ 120 s, ≤ 200 MB |");
    println!("| again, nothing new | {again:.1} s | {peak2} | {requests_again} | ≤ 10 s |");
    println!();
    println!("most requests in flight at the server: {max_in_flight}");
    println!("first:  {summary1}");
    println!("again:  {summary2}");
    let _ = std::fs::remove_dir_all(&root);
    Ok(())
}
