//! `bantin-feed publish`, run as a real process: pages for every address,
//! their head tags, and the incremental second run.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::tool;

fn scratch(name: &str) -> PathBuf {
    common::scratch("publish", name)
}

/// A release's shell.html as trunk and post-build leave it (minified).
const SHELL: &str = "<!doctype html><html lang=vi><meta charset=utf-8><meta content=\"width=device-width,initial-scale=1\" name=viewport><title>Bản tin</title><meta content=\"Tin tức của ban tuyên giáo\" name=description><meta content=feed/ name=bantin-feed><meta name=\"bantin-base\" content=\"/\"><script type=module>import init from\"/bantin.js\";await init()</script><link as=fetch crossorigin href=/bantin_bg.wasm rel=preload type=application/wasm></head><body class=booting><div class=boot id=boot role=status><p class=boot__name>Bản tin</p><p>Đang tải…</p></div></body></html>";

/// A run that must succeed: what it printed.
fn run(cmd: &mut Command) -> String {
    let (ok, text) = common::run(cmd);
    assert!(ok, "{text}");
    text
}

/// A generated feed of `n` articles and a dist holding the shell.
fn setup(name: &str, n: u32) -> (PathBuf, PathBuf) {
    let root = scratch(name);
    let feed = root.join("feed");
    let dist = root.join("dist");
    run(tool()
        .args([
            "gen",
            "--articles",
            &n.to_string(),
            "--seed",
            "7",
            "--today",
            "2026-11-25",
            "--out",
        ])
        .arg(&feed));
    std::fs::create_dir_all(&dist).unwrap();
    std::fs::write(dist.join("shell.html"), SHELL).unwrap();
    (feed, dist)
}

fn publish_to(feed: &Path, dist: &Path, site_url: &str) -> Command {
    let mut cmd = tool();
    cmd.arg("publish").arg(feed).arg("--dist").arg(dist).args([
        "--site-url",
        site_url,
        "--now",
        "2026-11-25T09:30:00+07:00",
    ]);
    cmd
}

fn publish(feed: &Path, dist: &Path) -> String {
    run(&mut publish_to(feed, dist, "https://tuyengiao.example.vn"))
}

/// A publish that must fail: its error output.
fn refused(feed: &Path, dist: &Path, site_url: &str) -> String {
    let out = publish_to(feed, dist, site_url).output().unwrap();
    assert!(!out.status.success());
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// "N pages: R rendered, W written …" → (N, R, W, removed).
fn counts(report: &str) -> (usize, usize, usize, usize) {
    let line = report.lines().last().unwrap();
    let n: Vec<usize> = line
        .split(|c: char| !c.is_ascii_digit())
        .filter(|s| !s.is_empty())
        .map(|s| s.parse().unwrap())
        .collect();
    (n[0], n[1], n[2], n[4])
}

#[test]
fn every_address_gets_a_page_with_its_preview_tags() {
    let (feed, dist) = setup("pages", 120);
    let report = publish(&feed, &dist);
    let articles = std::fs::read_dir(feed.join("articles")).unwrap().count();
    let documents = std::fs::read_dir(feed.join("documents/items"))
        .unwrap()
        .count();
    let (pages, rendered, written, _) = counts(&report);
    assert_eq!(pages, 4 + articles + documents, "{report}");
    assert_eq!((rendered, written), (pages, pages));
    for page in [
        "index.html",
        "tin-tuc/index.html",
        "lich-cong-tac/index.html",
        "van-ban/index.html",
        "og-card.png",
    ] {
        assert!(dist.join(page).exists(), "{page}");
    }
    let slug = std::fs::read_dir(feed.join("articles"))
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let slug = slug.file_stem().unwrap().to_str().unwrap();
    let html = std::fs::read_to_string(dist.join(format!("tin-tuc/{slug}/index.html"))).unwrap();
    assert!(html.starts_with("<!doctype html><html lang=vi><meta charset=utf-8>"));
    assert!(html.contains(&format!(
        "<meta property=\"og:url\" content=\"https://tuyengiao.example.vn/tin-tuc/{slug}\">"
    )));
    assert!(html.contains(&format!(
        "<link rel=\"canonical\" href=\"https://tuyengiao.example.vn/tin-tuc/{slug}\">"
    )));
    assert!(html.contains("<meta property=\"og:type\" content=\"article\">"));
    assert!(html.contains("<meta property=\"og:image:width\""));
    assert!(html.contains("<div id=\"prerender\">"));
    assert!(html.contains("<div hidden class=boot id=boot"));
    assert_eq!(html.matches("<title>").count(), 1);
    assert_eq!(
        html.matches("name=\"description\"").count() + html.matches("name=description").count(),
        1
    );
    assert!(!html.contains("body class=booting"));
    // The wasm is not preloaded: the page's own picture and stylesheet go first.
    assert!(!html.contains("application/wasm"));
    assert!(html.contains("<script type=module>"));
    let _ = std::fs::remove_dir_all(feed.parent().unwrap());
}

#[test]
fn a_second_run_makes_only_what_changed() {
    let (feed, dist) = setup("incremental", 150);
    let first = publish(&feed, &dist);
    let (pages, ..) = counts(&first);
    // Nothing changed: only the pages about now and the newest stories are
    // made again, and none is rewritten.
    let again = publish(&feed, &dist);
    let (_, rendered, written, _) = counts(&again);
    assert!(rendered < pages / 2, "{again}");
    assert_eq!(written, 0, "{again}");
    // An old story's file changes: its page is made again.
    let index: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(feed.join("index.json")).unwrap()).unwrap();
    let latest: Vec<&str> = index["latest"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["slug"].as_str().unwrap())
        .collect();
    let old = std::fs::read_dir(feed.join("articles"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| !latest.contains(&p.file_stem().unwrap().to_str().unwrap()))
        .expect("an article older than the index's latest");
    let slug = old.file_stem().unwrap().to_str().unwrap().to_string();
    let mut article: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&old).unwrap()).unwrap();
    article["article"]["sapo"] = "Một câu mở đầu mới cho bài cũ.".into();
    std::fs::write(&old, article.to_string()).unwrap();
    let changed = publish(&feed, &dist);
    let (_, rendered_after, written_after, _) = counts(&changed);
    assert_eq!(rendered_after, rendered + 1, "{changed}");
    assert_eq!(written_after, 1, "{changed}");
    let page = std::fs::read_to_string(dist.join(format!("tin-tuc/{slug}/index.html"))).unwrap();
    assert!(page.contains("Một câu mở đầu mới cho bài cũ."));
    // The story leaves the feed: its page goes.
    std::fs::remove_file(&old).unwrap();
    let removed = publish(&feed, &dist);
    assert_eq!(counts(&removed).3, 1, "{removed}");
    assert!(!dist.join(format!("tin-tuc/{slug}/index.html")).exists());
    let _ = std::fs::remove_dir_all(feed.parent().unwrap());
}

#[test]
fn a_bad_site_url_or_a_missing_shell_is_refused_clearly() {
    let (feed, dist) = setup("refused", 5);
    assert!(refused(&feed, &dist, "javascript:alert(1)").contains("--site-url"));
    std::fs::remove_file(dist.join("shell.html")).unwrap();
    assert!(refused(&feed, &dist, "https://x.vn/").contains("shell.html"));
    let _ = std::fs::remove_dir_all(feed.parent().unwrap());
}
