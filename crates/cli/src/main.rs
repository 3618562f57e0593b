//! bantin-feed: the feed tool for exporters and for our own tests.
//!
//!   bantin-feed check DIR                 validate a whole feed directory
//!   bantin-feed gen --articles N --seed S --out DIR [--today YYYY-MM-DD]
//!                                         write a deterministic synthetic feed
//!   bantin-feed index DIR                 rebuild index.json, the paged lists and the
//!                                         search index (search/) from the article,
//!                                         calendar and document files
//!   bantin-feed demo-calendar DIR [--today YYYY-MM-DD]
//!                                         move the sample calendar to the weeks around today
//!   bantin-feed sw-protocol               print what the app and its service worker share
//!                                         (JSON; the build writes it into sw.js)
//!   bantin-feed publish FEED --dist DIST --site-url URL [--jobs N] [--now RFC3339]
//!                                         write a page for every address a reader lands on
//!                                         into a release build (prerendered, with link previews)
//!   bantin-feed card --out FILE [--site-name NAME]
//!                                         draw the 1200×630 site card for link previews (PNG)
//!   bantin-feed import nukeviet --site URL --out FEED [...]
//!   bantin-feed import feed URL|FILE… --out FEED [...]
//!   bantin-feed import ics URL|FILE… --out FEED [...]
//!                                         bring a portal's content into a feed (NukeViet's
//!                                         news, laws and work-schedules; RSS, Atom, JSON Feed;
//!                                         iCalendar): bantin_feed::import over bantin_import
//!   bantin-feed bench-import [--articles N]
//!                                         the import benchmark (prints figures)
//!
//! A thin command line: the work is `bantin_format::dir`'s (and
//! `bantin_synth`'s for `gen`); this reads the arguments, prints the
//! results and sets the exit code. Native only, without the web UI:
//! `cargo run -p bantin-feed -- …` (scripts/bantin-feed does that).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use bantin_format::datetime::{Date, LocalTime};
use bantin_format::dir::{self, CalendarMove};
use bantin_synth as synth;

const USAGE_HEAD: &str = "usage:
  bantin-feed check DIR
  bantin-feed gen --articles N --seed S --out DIR [--today YYYY-MM-DD]
  bantin-feed index DIR
  bantin-feed demo-calendar DIR [--today YYYY-MM-DD]
  bantin-feed sw-protocol
  bantin-feed publish FEED --dist DIST --site-url URL [--jobs N] [--now RFC3339]
  bantin-feed card --out FILE [--site-name NAME]
{IMPORT}";

fn usage() -> String {
    USAGE_HEAD.replace("{IMPORT}", bantin_feed::import::USAGE)
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("check") => one_dir(&args[1..]).and_then(|d| check(&d)),
        Some("gen") => gen(&args[1..]),
        Some("index") => one_dir(&args[1..]).and_then(|d| reindex(&d)),
        Some("demo-calendar") => demo_calendar(&args[1..]),
        Some("sw-protocol") if args.len() == 1 => {
            println!("{}", bantin_format::protocol::to_json());
            Ok(())
        }
        Some("card") => card(&args[1..]),
        Some("publish") => publish(&args[1..]),
        Some("import") => bantin_feed::import::import(&args[1..]),
        Some("bench-import") => bantin_feed::import::bench(&args[1..]),
        Some("-h" | "--help" | "help") => {
            println!("{}", usage());
            Ok(())
        }
        _ => Err(usage()),
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
        _ => Err(usage()),
    }
}

/// `--name value` options.
fn options(args: &[String]) -> Result<BTreeMap<String, String>, String> {
    let mut map = BTreeMap::new();
    let mut it = args.iter();
    while let Some(key) = it.next() {
        let name = key
            .strip_prefix("--")
            .ok_or_else(|| format!("unexpected argument {key}\n{}", usage()))?;
        let value = it.next().ok_or_else(|| format!("--{name} needs a value"))?;
        map.insert(name.to_string(), value.clone());
    }
    Ok(map)
}

fn today_vietnam() -> String {
    let millis = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis() as f64)
        .unwrap_or(0.0);
    LocalTime::vietnam_from_millis(millis).date.to_string()
}

fn check(dir: &Path) -> Result<(), String> {
    let report = dir::check(dir)?;
    print!("{report}");
    match report.errors() {
        0 => Ok(()),
        n => Err(format!(
            "{} has {n} problems that readers would see",
            dir.display()
        )),
    }
}

fn gen(args: &[String]) -> Result<(), String> {
    let opts = options(args)?;
    let number = |k: &str| -> Result<u64, String> {
        opts.get(k)
            .ok_or_else(|| format!("--{k} is required\n{}", usage()))?
            .parse()
            .map_err(|_| format!("--{k} must be a number"))
    };
    let articles = number("articles")? as usize;
    let seed = number("seed")?;
    let out = PathBuf::from(
        opts.get("out")
            .ok_or_else(|| format!("--out is required\n{}", usage()))?,
    );
    let today = opts.get("today").cloned().unwrap_or_else(today_vietnam);
    match Date::parse(&today) {
        Some(d) if (1900..=9998).contains(&d.year) => {}
        _ => {
            return Err(
                "--today must be a date like 2026-11-23, between the years 1900 and 9998".into(),
            )
        }
    }
    let synth::Synthetic { content, files } = synth::generate(articles, seed, &today);
    let written = dir::write_content(&out, &content)?;
    for (rel, bytes) in &files {
        dir::write_file(&out, rel, bytes)?;
    }
    println!(
        "wrote {} articles, {} calendar weeks, {} documents to {} (index.json {} bytes; {})",
        written.articles,
        written.weeks,
        written.documents,
        out.display(),
        written.index_bytes,
        search_summary(&written)
    );
    Ok(())
}

fn reindex(dir: &Path) -> Result<(), String> {
    let written = dir::reindex(dir)?;
    println!(
        "indexed {} articles, {} weeks, {} documents (index.json {} bytes; {})",
        written.articles,
        written.weeks,
        written.documents,
        written.index_bytes,
        search_summary(&written)
    );
    Ok(())
}

/// "search index 412 files, 1234567 bytes".
fn search_summary(written: &dir::Written) -> String {
    format!(
        "search index {} files, {} bytes",
        written.search_files, written.search_bytes
    )
}

/// Writes the site card (bantin_feed::card) to --out.
fn card(args: &[String]) -> Result<(), String> {
    let opts = options(args)?;
    let out = opts
        .get("out")
        .ok_or(format!("--out is required\n{}", usage()))?;
    let png = bantin_feed::card::site_card_png(opts.get("site-name").map_or("", String::as_str));
    std::fs::write(out, &png).map_err(|e| format!("{out}: {e}"))?;
    println!("wrote the site card to {out} ({} bytes)", png.len());
    Ok(())
}

/// Moves a sample feed's calendar to the weeks around today (or --today).
fn demo_calendar(args: &[String]) -> Result<(), String> {
    let (dir, rest) = args.split_first().ok_or_else(usage)?;
    let dir = PathBuf::from(dir);
    let opts = options(rest)?;
    let today = opts.get("today").cloned().unwrap_or_else(today_vietnam);
    let today = Date::parse(&today).ok_or("--today must be a date like 2026-11-23")?;
    match dir::demo_calendar(&dir, today)? {
        CalendarMove::AlreadyAround(week) => println!("calendar already around {week}"),
        CalendarMove::Moved { weeks, around } => {
            println!("moved the sample calendar by {weeks} weeks, to the weeks around {around}")
        }
    }
    Ok(())
}

/// Prerenders the feed's pages into a release build (bantin_feed::publish).
fn publish(args: &[String]) -> Result<(), String> {
    let (feed, rest) = args.split_first().ok_or_else(usage)?;
    let opts = options(rest)?;
    let need = |k: &str| {
        opts.get(k)
            .cloned()
            .ok_or_else(|| format!("--{k} is required\n{}", usage()))
    };
    let now_ms = match opts.get("now") {
        Some(t) => bantin_format::datetime::DateTime::parse_rfc3339(t)
            .map(|t| t.unix as f64 * 1000.0)
            .ok_or("--now must be a time like 2026-11-30T09:30:00+07:00")?,
        None => std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_millis() as f64)
            .unwrap_or(0.0),
    };
    let jobs = match opts.get("jobs") {
        Some(n) => n.parse().map_err(|_| "--jobs must be a number")?,
        None => std::thread::available_parallelism().map_or(2, |n| n.get()),
    };
    let report = bantin_feed::publish::publish(&bantin_feed::publish::Options {
        feed: PathBuf::from(feed),
        dist: PathBuf::from(need("dist")?),
        site_url: need("site-url")?,
        now_ms,
        jobs,
    })?;
    print!("{report}");
    Ok(())
}
