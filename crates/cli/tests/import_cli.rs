//! `bantin-feed import` run as a real process against a NukeViet-shaped
//! portal on loopback: the result passes `bantin-feed check`, an import
//! killed half-way leaves the previous feed as it was, and what a source
//! says reaches the terminal escaped.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

use bantin_format::datetime::Date;
use bantin_import::testsite::{Server, Site, Spec};

fn tool() -> Command {
    Command::new(env!("CARGO_BIN_EXE_bantin-feed"))
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("bantin-import-cli-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn run(cmd: &mut Command) -> (bool, String) {
    let out = cmd.output().expect("bantin-feed runs");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.success(), text)
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
    ]
    .iter()
    .map(|s| s.to_string())
    .collect()
}

#[test]
fn import_nukeviet_then_check() {
    let server = Server::start(Site::nukeviet(&Spec {
        articles: 6,
        laws: 2,
        today: Date::new(2026, 11, 25).unwrap(),
        hostile: false,
    }));
    let dir = scratch("plain");
    let out = dir.join("feed");
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
    // The cache lives beside the feed, never inside what is published.
    assert!(dir.join(".feed.bantin-cache/http").is_dir());
    assert!(!out.join(".feed.bantin-cache").exists());
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn an_import_killed_half_way_leaves_the_feed_intact() {
    let server = Server::start(Site::nukeviet(&Spec {
        articles: 40,
        laws: 0,
        today: Date::new(2026, 11, 25).unwrap(),
        hostile: false,
    }));
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
