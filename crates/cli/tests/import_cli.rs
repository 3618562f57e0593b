//! `bantin-feed import` run as a real process against a NukeViet-shaped
//! portal on loopback: the result passes `bantin-feed check`, an import
//! killed half-way leaves the previous feed as it was, and what a source
//! says reaches the terminal escaped.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

use bantin_format::datetime::Date;
use bantin_import::testsite::{Server, Site, Spec};
use common::{run, tool};

fn scratch(name: &str) -> PathBuf {
    common::scratch("import-cli", name)
}

fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    fn walk(root: &Path, d: &Path, out: &mut BTreeMap<String, Vec<u8>>) {
        for e in std::fs::read_dir(d).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                walk(root, &p, out);
            } else {
                let rel = p.strip_prefix(root).unwrap().to_string_lossy().to_string();
                out.insert(rel, std::fs::read(&p).unwrap());
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(dir, dir, &mut out);
    out
}

fn import_args(server: &Server, out: &Path) -> Vec<String> {
    [
        "import",
        "nukeviet",
        "--site",
        &server.base,
        "--out",
        &out.to_string_lossy(),
        "--today",
        "2026-11-25",
        "--now",
        "2026-11-25T12:00:00+07:00",
        "--weeks",
        "2",
        "--cache",
        &out.with_file_name("cache").to_string_lossy(),
    ]
    .iter()
    .map(|s| s.to_string())
    .collect()
}

/// A release's shell.html, as publish_cli.rs has it.
const SHELL: &str = "<!doctype html><html lang=vi><meta charset=utf-8><meta content=\"width=device-width,initial-scale=1\" name=viewport><title>Bản tin</title><meta content=\"Tin tức của ban tuyên giáo\" name=description><meta content=feed/ name=bantin-feed><meta name=\"bantin-base\" content=\"/\"><script type=module>import init from\"/bantin.js\";await init()</script><link as=fetch crossorigin href=/bantin_bg.wasm rel=preload type=application/wasm></head><body class=booting><div class=boot id=boot role=status><p class=boot__name>Bản tin</p><p>Đang tải…</p></div></body></html>";

/// The README's three commands, in small: a release (its shell), the
/// portal imported into its feed/, the pages published.
#[test]
fn import_nukeviet_check_and_publish() {
    let server = Server::start(Site::nukeviet(&Spec::new(
        6,
        2,
        Date::new(2026, 11, 25).unwrap(),
    )));
    let dir = scratch("plain");
    let dist = dir.join("dist");
    std::fs::create_dir_all(&dist).unwrap();
    std::fs::write(dist.join("shell.html"), SHELL).unwrap();
    let out = dist.join("feed");
    let (ok, text) = run(tool()
        .args(import_args(&server, &out))
        .args(["--delay-ms", "0"]));
    assert!(ok, "{text}");
    assert!(
        text.contains("imported 6 articles, 2 calendar weeks, 2 documents"),
        "{text}"
    );
    assert!(text.contains("wrote "), "{text}");
    assert!(text.contains("peak memory"), "{text}");
    let (ok, text) = run(tool().arg("check").arg(&out));
    assert!(ok, "{text}");
    assert!(text.contains("0 fatal, 0 errors"), "{text}");
    // The cache is where --cache says, never inside what is published.
    assert!(dist.join("cache/http").is_dir());
    assert!(dist.join("cache/cookies.json").is_file());
    assert!(!out.join("cache").exists());

    let (ok, text) = run(tool()
        .arg("publish")
        .arg(&out)
        .arg("--dist")
        .arg(&dist)
        .args([
            "--site-url",
            "https://bantin.example.vn/",
            "--now",
            "2026-11-25T12:00:00+07:00",
        ]));
    assert!(ok, "{text}");
    let title = bantin_import::testsite::title(0);
    let slug = format!("{}-1000", bantin_format::text::slugify(&title));
    let page = std::fs::read_to_string(dist.join("tin-tuc").join(&slug).join("index.html"))
        .unwrap_or_else(|e| panic!("{slug}: {e}\n{text}"));
    assert!(page.contains(&title), "{page}");
    // The link preview's picture is the imported cover, with its size.
    assert!(
        page.contains("og:image\" content=\"https://bantin.example.vn/feed/media/"),
        "{page}"
    );
    assert!(page.contains("og:image:width\" content=\"300\""), "{page}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn an_import_killed_half_way_leaves_the_feed_intact() {
    let server = Server::start(Site::nukeviet(&Spec::new(
        40,
        0,
        Date::new(2026, 11, 25).unwrap(),
    )));
    let dir = scratch("killed");
    let out = dir.join("feed");
    let (ok, text) =
        run(tool()
            .args(import_args(&server, &out))
            .args(["--limit", "3", "--delay-ms", "0"]));
    assert!(ok, "{text}");
    let before = snapshot(&out);

    // A slow import of all 40 (one request at a time, 150 ms apart), killed
    // once it has fetched a good part.
    let at_start = server.state.requests.load(Ordering::SeqCst);
    let mut child = tool()
        .args(import_args(&server, &out))
        .args(["--concurrency", "1", "--delay-ms", "150"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let started = Instant::now();
    while server.state.requests.load(Ordering::SeqCst) < at_start + 15
        && started.elapsed() < Duration::from_secs(60)
    {
        std::thread::sleep(Duration::from_millis(20));
    }
    child.kill().unwrap();
    child.wait().unwrap();
    assert_eq!(snapshot(&out), before, "the killed import changed the feed");
    let (ok, text) = run(tool().arg("check").arg(&out));
    assert!(ok, "{text}");

    // The next run finishes, and clears the killed run's staging folder.
    let (ok, text) = run(tool()
        .args(import_args(&server, &out))
        .args(["--delay-ms", "0"]));
    assert!(ok, "{text}");
    assert!(text.contains("37 articles"), "{text}");
    let left: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().to_string())
        .filter(|n| n.contains(".import-") || n.contains(".old-"))
        .collect();
    assert!(left.is_empty(), "{left:?}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn what_a_source_says_reaches_the_terminal_escaped() {
    let dir = scratch("escape");
    let ics = "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:a\r\nDTSTART;TZID=Evil\u{1b}[2J\u{202e}Zone:20261123T080000\r\n\
SUMMARY:Họp\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    std::fs::write(dir.join("lich.ics"), ics).unwrap();
    let (ok, text) = run(tool()
        .arg("import")
        .arg("ics")
        .arg(dir.join("lich.ics"))
        .arg("--out")
        .arg(dir.join("feed"))
        .arg("--no-cache")
        .args(["--now", "2026-11-25T12:00:00+07:00"]));
    assert!(ok, "{text}");
    assert!(
        !text.contains('\u{1b}') && !text.contains('\u{202e}'),
        "{text:?}"
    );
    assert!(text.contains("Evil\\u{1b}[2J\\u{202e}Zone"), "{text}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn bad_arguments_are_refused() {
    let (ok, text) = run(tool().args([
        "import", "nukeviet", "--out", "/tmp/x", "--site", "ftp://a/",
    ]));
    assert!(!ok);
    assert!(
        text.contains("--site must be an http or https address"),
        "{text}"
    );
    let (ok, text) = run(tool().args(["import", "feed", "--out", "/tmp/x"]));
    assert!(!ok);
    assert!(text.contains("needs a URL or a file"), "{text}");
    let (ok, text) =
        run(tool().args(["import", "ics", "a.ics", "--out", "/tmp/x", "--limit", "3"]));
    assert!(!ok);
    assert!(text.contains("unknown option --limit"), "{text}");
}
