//! The bantin-feed tool, run as a real process on real directories.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::path::{Path, PathBuf};

use common::{run, tool};

/// The repository's root, where public/feed is.
fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The bundled sample feed.
fn sample() -> PathBuf {
    root().join("public/feed")
}

fn scratch(name: &str) -> PathBuf {
    common::scratch("feed", name)
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

#[test]
fn the_sample_feed_passes_check() {
    let (ok, out) = run(tool().current_dir(root()).args(["check", "public/feed"]));
    assert!(ok, "{out}");
    assert!(out.contains("0 fatal, 0 errors"), "{out}");
}

#[test]
fn the_sample_feed_is_big_enough_to_demo() {
    let count = |dir: &str| std::fs::read_dir(sample().join(dir)).unwrap().count();
    assert!(count("articles") >= 40);
    assert!(count("documents/items") >= 20);
    assert!(count("calendar") >= 3);
}

#[test]
fn check_fails_and_names_the_problem() {
    let dir = scratch("broken");
    copy_dir(&sample(), &dir);
    let index = std::fs::read_to_string(dir.join("index.json")).unwrap();
    let broken = index.replacen("\"published\":\"", "\"published\":\"hôm qua ", 1);
    std::fs::write(dir.join("index.json"), broken).unwrap();
    let (ok, out) = run(tool().arg("check").arg(&dir));
    assert!(!ok, "{out}");
    assert!(
        out.contains("index.json: latest[0].published: not an RFC 3339 time"),
        "{out}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn check_reports_an_index_pointing_at_missing_article_files() {
    let dir = scratch("missing");
    copy_dir(&sample(), &dir);
    let first = std::fs::read_dir(dir.join("articles"))
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    std::fs::remove_file(&first).unwrap();
    let (ok, out) = run(tool().arg("check").arg(&dir));
    assert!(!ok, "{out}");
    assert!(out.contains("has no file articles/"), "{out}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn an_unknown_major_version_is_fatal() {
    let dir = scratch("major");
    copy_dir(&sample(), &dir);
    let index = std::fs::read_to_string(dir.join("index.json")).unwrap();
    std::fs::write(
        dir.join("index.json"),
        index.replacen("\"format_version\":\"1.", "\"format_version\":\"2.", 1),
    )
    .unwrap();
    let (ok, out) = run(tool().arg("check").arg(&dir));
    assert!(!ok);
    assert!(
        out.contains("fatal    index.json: format_version: version 2.1 is not supported"),
        "{out}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn gen_writes_a_large_feed_with_a_small_index_that_passes_check() {
    let dir = scratch("gen");
    let (ok, out) = run(tool()
        .args([
            "gen",
            "--articles",
            "10000",
            "--seed",
            "7",
            "--today",
            "2026-11-23",
            "--out",
        ])
        .arg(&dir));
    assert!(ok, "{out}");
    let index = std::fs::metadata(dir.join("index.json")).unwrap().len();
    assert!(index <= 150 * 1024, "index.json is {index} bytes");
    assert_eq!(
        std::fs::read_dir(dir.join("articles")).unwrap().count(),
        10_000
    );
    let (ok, out) = run(tool().arg("check").arg(&dir));
    assert!(ok, "{out}");
    let _ = std::fs::remove_dir_all(&dir);
}

/// The search index's root and the path of one of its parts (`t` or `r`).
fn search_part(dir: &Path, kind: &str) -> String {
    let root: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("search/index.json")).unwrap())
            .unwrap();
    format!("search/{}/{kind}0.json", root["build"].as_str().unwrap())
}

#[test]
fn check_reads_the_search_index() {
    let dir = scratch("search");
    copy_dir(&sample(), &dir);
    let (ok, out) = run(tool().arg("check").arg(&dir));
    assert!(ok && out.contains("; search index "), "{out}");

    // A part that is not what the root says.
    let part = search_part(&dir, "t");
    let text = std::fs::read_to_string(dir.join(&part)).unwrap();
    std::fs::write(dir.join(&part), text.replacen("\"g", "\"q", 1)).unwrap();
    let (ok, out) = run(tool().arg("check").arg(&dir));
    assert!(!ok);
    assert!(out.contains(&format!("error    {part}: terms[")), "{out}");
    // A missing part, and a file the root does not name.
    std::fs::rename(dir.join(&part), dir.join("search/t0.json")).unwrap();
    let (ok, out) = run(tool().arg("check").arg(&dir));
    assert!(!ok);
    assert!(
        out.contains(&format!("error    search/index.json: {part} is missing")),
        "{out}"
    );
    assert!(
        out.contains("warning  search/t0.json: not a part of the index"),
        "{out}"
    );
    // `index` writes it again; a changed article makes it stale.
    let (ok, out) = run(tool().arg("index").arg(&dir));
    assert!(ok && out.contains("search index "), "{out}");
    assert!(!dir.join("search/t0.json").exists());
    let (ok, out) = run(tool().arg("check").arg(&dir));
    assert!(ok, "{out}");
    let article = std::fs::read_dir(dir.join("articles"))
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let text = std::fs::read_to_string(&article).unwrap();
    std::fs::write(
        &article,
        text.replacen("\"title\":\"", "\"title\":\"Mới: ", 1),
    )
    .unwrap();
    let (ok, out) = run(tool().arg("check").arg(&dir));
    assert!(!ok);
    assert!(
        out.contains(
            "error    search/index.json: stale: it is not the index of the feed as it is now"
        ),
        "{out}"
    );
    // Another version of the index.
    let root = std::fs::read_to_string(dir.join("search/index.json")).unwrap();
    std::fs::write(
        dir.join("search/index.json"),
        root.replacen("\"version\":1", "\"version\":2", 1),
    )
    .unwrap();
    let (ok, out) = run(tool().arg("check").arg(&dir));
    assert!(!ok);
    assert!(
        out.contains("fatal    search/index.json: version 2 is not known here"),
        "{out}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// The library index (format doc §7.9) is checked as the archive index is:
/// a bad part, a missing one, a stray file, a stale index, another version.
#[test]
fn check_reads_the_library_index() {
    let dir = scratch("library");
    copy_dir(&sample(), &dir);
    let (ok, out) = run(tool().arg("check").arg(&dir));
    assert!(ok, "{out}");
    let root: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("library/index.json")).unwrap())
            .unwrap();
    let build = root["build"].as_str().unwrap().to_string();

    // A row part that is not what the root says (a row that is not a
    // document: its issue date does not read).
    let rows = format!("library/{build}/r0.json");
    let text = std::fs::read_to_string(dir.join(&rows)).unwrap();
    std::fs::write(
        dir.join(&rows),
        text.replacen("\"issued\":\"", "\"issued\":\"x", 1),
    )
    .unwrap();
    let (ok, out) = run(tool().arg("check").arg(&dir));
    assert!(!ok);
    assert!(
        out.contains(&format!("error    {rows}: rows[0].issued")),
        "{out}"
    );
    // An id part of another value, and the dates part gone astray.
    let ids = format!("library/{build}/t0.json");
    let text = std::fs::read_to_string(dir.join(&ids)).unwrap();
    std::fs::write(dir.join(&ids), text.replacen("\"part\":0", "\"part\":1", 1)).unwrap();
    let dates = format!("library/{build}/dates.json");
    std::fs::rename(dir.join(&dates), dir.join("library/dates.json")).unwrap();
    let (ok, out) = run(tool().arg("check").arg(&dir));
    assert!(!ok);
    assert!(
        out.contains(&format!("error    {ids}: part must be 0")),
        "{out}"
    );
    assert!(
        out.contains(&format!("error    library/index.json: {dates} is missing")),
        "{out}"
    );
    assert!(
        out.contains("warning  library/dates.json: not a part of the index"),
        "{out}"
    );
    // `index` writes it again; a changed document makes it stale.
    let (ok, out) = run(tool().arg("index").arg(&dir));
    assert!(ok, "{out}");
    assert!(!dir.join("library/dates.json").exists());
    let (ok, out) = run(tool().arg("check").arg(&dir));
    assert!(ok, "{out}");
    let doc = std::fs::read_dir(dir.join("documents/items"))
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let text = std::fs::read_to_string(&doc).unwrap();
    std::fs::write(
        &doc,
        text.replacen("\"summary\":\"", "\"summary\":\"Mới: ", 1),
    )
    .unwrap();
    let (ok, out) = run(tool().arg("check").arg(&dir));
    assert!(!ok);
    assert!(
        out.contains(
            "error    library/index.json: stale: it is not the index of the feed's documents"
        ),
        "{out}"
    );
    // Another version of the index.
    let text = std::fs::read_to_string(dir.join("library/index.json")).unwrap();
    std::fs::write(
        dir.join("library/index.json"),
        text.replacen("\"version\":1", "\"version\":2", 1),
    )
    .unwrap();
    let (ok, out) = run(tool().arg("check").arg(&dir));
    assert!(!ok);
    assert!(
        out.contains("fatal    library/index.json: version 2 is not known here"),
        "{out}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn gen_is_deterministic() {
    let (a, b) = (scratch("det-a"), scratch("det-b"));
    for dir in [&a, &b] {
        let (ok, out) = run(tool()
            .args([
                "gen",
                "--articles",
                "200",
                "--seed",
                "3",
                "--today",
                "2026-11-23",
                "--out",
            ])
            .arg(dir));
        assert!(ok, "{out}");
    }
    for file in [
        "index.json",
        "news/tat-ca/1.json",
        "documents/pages/1.json",
        "search/index.json",
    ] {
        assert_eq!(
            std::fs::read(a.join(file)).unwrap(),
            std::fs::read(b.join(file)).unwrap(),
            "{file}"
        );
    }
    let _ = std::fs::remove_dir_all(&a);
    let _ = std::fs::remove_dir_all(&b);
}

#[test]
fn demo_calendar_moves_the_sample_to_the_current_weeks() {
    let dir = scratch("demo");
    copy_dir(&sample(), &dir);
    let (ok, out) = run(tool()
        .arg("demo-calendar")
        .arg(&dir)
        .args(["--today", "2027-01-05"]));
    assert!(ok, "{out}");
    for week in ["2026-W53", "2027-W01", "2027-W02"] {
        assert!(
            dir.join(format!("calendar/{week}.json")).is_file(),
            "{week} missing"
        );
    }
    let (ok, out) = run(tool().arg("check").arg(&dir));
    assert!(ok, "{out}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn card_writes_the_site_card_png() {
    let dir = scratch("card");
    std::fs::create_dir_all(&dir).unwrap();
    let out = dir.join("og-card.png");
    let (ok, text) = run(tool()
        .args(["card", "--site-name", "Ban Tuyên giáo Tỉnh ủy", "--out"])
        .arg(&out));
    assert!(ok, "{text}");
    let written = std::fs::read(&out).unwrap();
    assert_eq!(
        written,
        bantin_feed::card::site_card_png("Ban Tuyên giáo Tỉnh ủy")
    );
    assert!(
        text.contains(&format!("({} bytes)", written.len())),
        "{text}"
    );
    // Without --out it names what is missing and writes nothing.
    let (ok, text) = run(tool().args(["card", "--site-name", "Bản tin"]));
    assert!(!ok && text.contains("--out is required"), "{text}");
    let _ = std::fs::remove_dir_all(&dir);
}
