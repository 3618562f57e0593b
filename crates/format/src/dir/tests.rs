//! The feed directory functions, on the bundled sample feed (public/feed)
//! and on copies of it in the system's temporary directory. The feed tool's
//! own tests (crates/cli/tests) run the same work as a process.

use std::fs;
use std::path::{Path, PathBuf};

use serde_json::Value;

use super::*;

fn sample() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../public/feed")
}

/// A scratch directory, removed when dropped.
struct Scratch(PathBuf);

impl Scratch {
    fn empty(name: &str) -> Scratch {
        let dir =
            std::env::temp_dir().join(format!("bantin-format-test-{}-{name}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        Scratch(dir)
    }

    /// A copy of the sample feed.
    fn sample(name: &str) -> Scratch {
        let scratch = Scratch::empty(name);
        copy_dir(&sample(), &scratch.0);
        scratch
    }

    fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// Every file under `dir`, relative, sorted.
fn all_files(dir: &Path) -> Vec<String> {
    fn walk(root: &Path, dir: &Path, out: &mut Vec<String>) {
        for entry in fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(root, &path, out);
            } else {
                out.push(rel(root, &path));
            }
        }
    }
    let mut out = Vec::new();
    walk(dir, dir, &mut out);
    out.sort();
    out
}

fn json(path: &Path) -> Value {
    serde_json::from_str(&fs::read_to_string(path).unwrap()).unwrap()
}

/// Rewrites a JSON file after `change`.
fn edit(path: &Path, change: impl FnOnce(&mut Value)) {
    let mut value = json(path);
    change(&mut value);
    fs::write(path, serde_json::to_string(&value).unwrap()).unwrap();
}

/// The problems as the feed tool prints them, without the padding.
fn lines(report: &Report) -> Vec<String> {
    report
        .problems
        .iter()
        .map(|(file, p)| format!("{} {file}: {p}", p.severity))
        .collect()
}

fn assert_sorted(report: &Report) {
    let keys: Vec<(Severity, &str)> = report
        .problems
        .iter()
        .map(|(file, p)| (p.severity, file.as_str()))
        .collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted, "{report}");
}

fn count(dir: &Path, sub: &str) -> usize {
    fs::read_dir(dir.join(sub)).unwrap().count()
}

// ------------------------------------------------------------------ check

#[test]
fn the_sample_feed_has_no_error() {
    let report = check(&sample()).unwrap();
    assert_eq!(report.errors(), 0, "{report}");
    let json_files = all_files(&sample())
        .into_iter()
        .filter(|f| f.ends_with(".json"))
        .count();
    assert_eq!(report.files, json_files);
    assert_eq!(
        report.index_bytes as u64,
        fs::metadata(sample().join("index.json")).unwrap().len()
    );
    assert!(
        report.to_string().contains(" 0 fatal, 0 errors, "),
        "{report}"
    );
}

#[test]
fn a_report_prints_one_line_per_problem_then_a_summary() {
    let problem = |severity, path: &str, message: &str| Problem {
        severity,
        path: path.to_string(),
        message: message.to_string(),
    };
    let report = Report {
        files: 3,
        problems: vec![
            (
                "index.json".to_string(),
                problem(
                    Severity::Error,
                    "latest[0].published",
                    "not an RFC 3339 time",
                ),
            ),
            (
                "articles/a.json".to_string(),
                problem(
                    Severity::Warning,
                    "article.related[0]",
                    "unknown article \"x\"",
                ),
            ),
            (
                "index.json".to_string(),
                problem(Severity::Note, "", "a note on the file itself"),
            ),
        ],
        index_bytes: 1234,
        search_bytes: 0,
    };
    assert_eq!(
        report.to_string(),
        "error    index.json: latest[0].published: not an RFC 3339 time\n\
         warning  articles/a.json: article.related[0]: unknown article \"x\"\n\
         note     index.json: a note on the file itself\n\
         3 files checked: 0 fatal, 1 errors, 1 warnings, 1 notes; index.json 1234 bytes\n"
    );
    assert_eq!(report.errors(), 1);
    assert_eq!(Report::default().errors(), 0);
}

#[test]
fn a_directory_without_an_index_cannot_be_checked() {
    let dir = Scratch::empty("no-index");
    let err = check(dir.path()).unwrap_err();
    assert!(err.starts_with("cannot read "), "{err}");
    assert!(err.contains("index.json"), "{err}");
}

#[test]
fn a_fatal_index_still_checks_the_other_files() {
    let dir = Scratch::sample("fatal");
    edit(&dir.path().join("index.json"), |v| {
        v["format_version"] = "2.0".into()
    });
    let report = check(dir.path()).unwrap();
    assert_eq!(
        lines(&report),
        ["fatal index.json: format_version: version 2.0 is not supported: this reader understands 1.x (got major 2)"]
    );
    let json_files = all_files(dir.path())
        .into_iter()
        .filter(|f| f.ends_with(".json"))
        .count();
    assert_eq!(report.files, json_files);
}

#[test]
fn an_index_over_the_limit_is_an_error() {
    let dir = Scratch::sample("big-index");
    let path = dir.path().join("index.json");
    let mut text = fs::read_to_string(&path).unwrap();
    text.push_str(&" ".repeat(INDEX_LIMIT_BYTES + 1 - text.len()));
    fs::write(&path, &text).unwrap();
    let report = check(dir.path()).unwrap();
    assert_eq!(report.index_bytes, INDEX_LIMIT_BYTES + 1);
    assert_eq!(
        lines(&report),
        [format!(
            "error index.json: {} bytes: over the 153600-byte limit for the first screen",
            INDEX_LIMIT_BYTES + 1
        )]
    );
}

#[test]
fn missing_and_misnamed_files_are_errors() {
    let dir = Scratch::sample("missing");
    let d = dir.path();
    let index = json(&d.join("index.json"));
    let first = &index["latest"][0];
    let slug = first["slug"].as_str().unwrap();
    let list = index["news"]["lists"][0]["id"].as_str().unwrap();
    let week = index["calendar"]["weeks"][0].as_str().unwrap();
    let other_week = index["calendar"]["weeks"][1].as_str().unwrap();

    fs::rename(
        d.join(format!("articles/{slug}.json")),
        d.join("articles/renamed.json"),
    )
    .unwrap();
    fs::remove_file(d.join(format!("news/{list}/1.json"))).unwrap();
    fs::remove_file(d.join(format!("calendar/{week}.json"))).unwrap();
    fs::rename(
        d.join(format!("calendar/{other_week}.json")),
        d.join("calendar/renamed.json"),
    )
    .unwrap();
    fs::remove_file(d.join("documents/pages/1.json")).unwrap();
    let newest_doc = index["documents"]["latest"][0]["id"].as_str().unwrap();
    fs::remove_file(d.join(format!("documents/items/{newest_doc}.json"))).unwrap();

    let report = check(d).unwrap();
    let lines = lines(&report);
    for expected in [
        format!("error articles/renamed.json: article.slug: the file for slug \"{slug}\" must be articles/{slug}.json"),
        format!("error index.json: latest[0]: article \"{slug}\" has no file articles/{slug}.json"),
        format!("error index.json: news.lists: list \"{list}\" page 1: news/{list}/1.json is missing"),
        format!("error index.json: calendar.weeks[0]: calendar/{week}.json is missing"),
        format!("error calendar/renamed.json: week: week {other_week} must be in calendar/{other_week}.json"),
        "error index.json: documents.pages: documents/pages/1.json is missing".to_string(),
        format!("error index.json: documents.latest[0]: document \"{newest_doc}\" has no file documents/items/{newest_doc}.json"),
    ] {
        assert!(lines.contains(&expected), "{expected}\nnot in\n{report}");
    }
    assert_sorted(&report);
    assert!(report.errors() >= 7);
}

#[test]
fn a_multi_day_entry_must_be_listed_in_each_week_it_touches() {
    let dir = Scratch::sample("multi-day");
    let d = dir.path();
    // The two-day training of 2026-W49 made to run on into 2026-W50's Monday,
    // a file the sample does not have: nothing to say.
    edit(&d.join("calendar/2026-W49.json"), |v| {
        let e = &mut v["entries"].as_array_mut().unwrap();
        let i = e.iter().position(|e| e["id"] == "w49-12").unwrap();
        e[i]["end_date"] = serde_json::json!("2026-12-07");
        e[i]["end"] = Value::Null;
    });
    // The index embeds the week: its copy follows the file.
    reindex(d).unwrap();
    assert_eq!(lines(&check(d).unwrap()), Vec::<String>::new());
    // Once 2026-W50 has a file, it must list the entry too.
    let mut w50 = json(&d.join("calendar/2026-W49.json"));
    w50["week"] = serde_json::json!("2026-W50");
    w50["entries"] = serde_json::json!([]);
    write_file(d, "calendar/2026-W50.json", w50.to_string().as_bytes()).unwrap();
    let report = check(d).unwrap();
    assert_eq!(
        lines(&report),
        ["warning calendar/2026-W49.json: entries[7]: \"w49-12\" runs from 2026-12-03 to 2026-12-07, but calendar/2026-W50.json does not list it"]
    );
    // Listed there (same id, same start), it is whole.
    let w49 = json(&d.join("calendar/2026-W49.json"));
    let entry = w49["entries"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["id"] == "w49-12")
        .unwrap()
        .clone();
    w50["entries"] = serde_json::json!([entry]);
    write_file(d, "calendar/2026-W50.json", w50.to_string().as_bytes()).unwrap();
    assert_eq!(lines(&check(d).unwrap()), Vec::<String>::new());
}

#[test]
fn local_files_sizes_and_references_are_checked() {
    let dir = Scratch::sample("refs");
    let d = dir.path();
    let article = all_files(d)
        .into_iter()
        .find(|f| f.starts_with("articles/") && !json(&d.join(f))["article"]["cover"].is_null())
        .unwrap();
    let mut related = 0;
    edit(&d.join(&article), |v| {
        v["article"]["cover"]["src"] = "media/none.svg?v=2".into();
        let list = v["article"]["related"].as_array_mut().unwrap();
        related = list.len();
        list.push("no-such-article".into());
    });
    let document = all_files(d)
        .into_iter()
        .find(|f| {
            f.starts_with("documents/items/")
                && json(&d.join(f))["document"]["files"][0]["url"]
                    .as_str()
                    .is_some_and(|u| u.starts_with("files/"))
        })
        .unwrap();
    let (mut size, mut url, mut replaces) = (0, String::new(), 0);
    edit(&d.join(&document), |v| {
        let file = &mut v["document"]["files"][0];
        size = file["size"].as_u64().unwrap();
        url = file["url"].as_str().unwrap().to_string();
        file["size"] = (size + 1).into();
        let list = v["document"]["replaces"].as_array_mut().unwrap();
        replaces = list.len();
        list.push("no-such-document".into());
    });
    // A URL on another site is not looked for.
    edit(&d.join("index.json"), |v| {
        v["site"]["logo"]["src"] = "https://example.org/logo.svg".into()
    });

    let report = check(d).unwrap();
    // The edits above also make the copies of the article and the document
    // in the lists differ; that is copies_of_one_record_are_compared's.
    let lines: Vec<String> = lines(&report)
        .into_iter()
        .filter(|l| !l.contains(": differs from "))
        .collect();
    assert_eq!(
        lines,
        [
            format!("error {article}: article.cover.src: media/none.svg?v=2 does not exist in the feed directory"),
            // The library index's rows hold the document's files: the
            // size edited above makes it stale.
            "error library/index.json: stale: it is not the index of the feed's documents \
             as they are now; run `bantin-feed index` to write it again"
                .to_string(),
            format!("warning {article}: article.related[{related}]: unknown article \"no-such-article\""),
            format!("warning {document}: document.replaces[{replaces}]: unknown document \"no-such-document\""),
            format!("warning {document}: document.files[0].size: says {} bytes, the file has {size}", size + 1),
        ],
        "{url}"
    );
}

// ------------------------------------------------------ read, write, index

#[test]
fn read_content_reads_every_file() {
    let (index, content) = read_content(&sample()).unwrap();
    assert_eq!(content.articles.len(), count(&sample(), "articles"));
    assert_eq!(content.weeks.len(), count(&sample(), "calendar"));
    assert_eq!(content.documents.len(), count(&sample(), "documents/items"));
    assert_eq!(content.generated_at, index.generated_at);
    assert_eq!(content.featured, index.featured);
    assert_eq!(content.categories.len(), index.categories.len());
}

#[test]
fn read_content_names_a_file_it_cannot_use() {
    let dir = Scratch::sample("unreadable");
    let name = all_files(dir.path())
        .into_iter()
        .find(|f| f.starts_with("calendar/"))
        .unwrap();
    fs::write(dir.path().join(&name), "{").unwrap();
    let err = read_content(dir.path()).unwrap_err();
    assert!(
        err.starts_with(&format!("{name} cannot be read:\n  {name}: ")),
        "{err}"
    );
}

#[test]
fn write_content_writes_what_pack_lays_out() {
    let (_, content) = read_content(&sample()).unwrap();
    let dir = Scratch::empty("write");
    let written = write_content(dir.path(), &content).unwrap();
    let files = pack::pack(&content);
    let search = crate::archive::build(&content);
    let library = crate::library::build(&content.documents, &content.generated_at);
    for (rel, text) in files.iter().chain(&search.files).chain(&library.files) {
        assert_eq!(&fs::read_to_string(dir.path().join(rel)).unwrap(), text);
    }
    assert_eq!(
        all_files(dir.path()).len(),
        files.len() + search.files.len() + library.files.len()
    );
    assert_eq!(
        written,
        Written {
            articles: content.articles.len(),
            weeks: content.weeks.len(),
            documents: content.documents.len(),
            index_bytes: files[0].1.len(),
            search_files: search.files.len() + library.files.len(),
            search_bytes: search.bytes() + library.bytes(),
        }
    );
    assert_eq!(files[0].0, "index.json");
}

#[test]
fn write_file_makes_the_directories() {
    let dir = Scratch::empty("write-file");
    write_file(dir.path(), "a/b/c.txt", b"xin chao").unwrap();
    assert_eq!(fs::read(dir.path().join("a/b/c.txt")).unwrap(), b"xin chao");
    // A directory in the way of the file.
    let err = write_file(dir.path(), "a/b", b"").unwrap_err();
    assert!(err.starts_with("cannot write "), "{err}");
    // A file in the way of a directory.
    let err = write_file(dir.path(), "a/b/c.txt/d.txt", b"").unwrap_err();
    assert!(err.starts_with("cannot create "), "{err}");
}

#[test]
fn reindex_rebuilds_the_lists_and_drops_stale_pages() {
    let dir = Scratch::sample("reindex");
    let d = dir.path();
    fs::remove_dir_all(d.join("news")).unwrap();
    fs::remove_dir_all(d.join("documents/pages")).unwrap();
    write_file(d, "news/old-list/9.json", b"{}").unwrap();
    write_file(d, "documents/pages/99.json", b"{}").unwrap();

    let written = reindex(d).unwrap();
    assert!(!d.join("news/old-list").exists());
    assert!(!d.join("documents/pages/99.json").exists());
    assert_eq!(written.articles, count(d, "articles"));
    assert_eq!(written.weeks, count(d, "calendar"));
    assert_eq!(written.documents, count(d, "documents/items"));
    assert_eq!(
        written.index_bytes as u64,
        fs::metadata(d.join("index.json")).unwrap().len()
    );
    // The sample was made by this code: it comes back byte for byte.
    assert_eq!(all_files(d), all_files(&sample()));
    for file in all_files(d) {
        assert!(
            fs::read(d.join(&file)).unwrap() == fs::read(sample().join(&file)).unwrap(),
            "{file} differs"
        );
    }
}

/// The packer refuses what the check refuses: a busy week embedded whole
/// makes an index over the limit, and `reindex` says so instead of
/// succeeding.
#[test]
fn reindex_refuses_an_index_over_the_limit() {
    let dir = Scratch::sample("reindex-big");
    let d = dir.path();
    let index = json(&d.join("index.json"));
    let week = index["calendar"]["embedded"][0]["week"]
        .as_str()
        .unwrap()
        .to_string();
    edit(&d.join(format!("calendar/{week}.json")), |w| {
        let first = w["entries"][0].clone();
        let entries = w["entries"].as_array_mut().unwrap();
        for i in 0..600 {
            let mut e = first.clone();
            e["id"] = Value::from(format!("them-{i}"));
            e["content"] = Value::from(format!(
                "Làm việc với các đơn vị về kế hoạch tuyên truyền số {i} {}",
                "và ".repeat(60)
            ));
            entries.push(e);
        }
    });
    let err = reindex(d).unwrap_err();
    assert!(err.starts_with("index.json is "), "{err}");
    assert!(err.contains("over the 153600-byte limit"), "{err}");
    // The check gives the same verdict on what was written.
    let report = check(d).unwrap();
    assert!(
        lines(&report)
            .iter()
            .any(|l| l.starts_with("error index.json") && l.contains("over the 153600-byte limit")),
        "{report}"
    );
}

#[test]
fn reindex_needs_a_readable_index() {
    let dir = Scratch::sample("reindex-fatal");
    fs::write(dir.path().join("index.json"), "[]").unwrap();
    let err = reindex(dir.path()).unwrap_err();
    assert!(err.starts_with("index.json cannot be read:\n"), "{err}");
    // Nothing was removed.
    assert!(dir.path().join("news").is_dir());
}

// ---------------------------------------------------------- demo-calendar

fn date(s: &str) -> Date {
    Date::parse(s).unwrap()
}

fn week_files(dir: &Path) -> Vec<String> {
    all_files(&dir.join("calendar"))
}

#[test]
fn demo_calendar_moves_the_sample_to_the_weeks_around_today() {
    let dir = Scratch::sample("demo");
    let d = dir.path();
    let (before, _) = read_content(d).unwrap();
    // The sample was written in 2026-W48; 2027-W01 is six weeks later.
    assert_eq!(
        demo_calendar(d, date("2027-01-05")).unwrap(),
        CalendarMove::Moved {
            weeks: 6,
            around: IsoWeek::parse("2027-W01").unwrap()
        }
    );
    assert_eq!(
        week_files(d),
        ["2026-W53.json", "2027-W01.json", "2027-W02.json"]
    );
    let (after, content) = read_content(d).unwrap();
    let shifted = |s: &str| DateTime::parse_rfc3339(s).unwrap().add_days(42);
    assert_eq!(
        DateTime::parse_rfc3339(&after.generated_at).unwrap(),
        shifted(&before.generated_at)
    );
    let old = &before.calendar.embedded[0];
    let new = content
        .weeks
        .iter()
        .find(|w| w.entries[0].id == old.entries[0].id)
        .unwrap();
    assert_eq!(
        DateTime::parse_rfc3339(&new.entries[0].start).unwrap(),
        shifted(&old.entries[0].start)
    );
    // A two-day entry's last day moves with it.
    let two_days = |weeks: &[CalendarWeek]| {
        weeks
            .iter()
            .flat_map(|w| &w.entries)
            .find(|e| e.end_date.is_some())
            .cloned()
            .unwrap()
    };
    let (old, new) = (
        two_days(&read_content(&sample()).unwrap().1.weeks),
        two_days(&content.weeks),
    );
    assert_eq!(old.id, new.id);
    assert_eq!(
        Date::parse(new.end_date.as_deref().unwrap()),
        Date::parse(old.end_date.as_deref().unwrap()).map(|d| d.add_days(42))
    );
    assert_eq!(new.last_day(), old.last_day().map(|d| d.add_days(42)));
    assert_eq!(check(d).unwrap().errors(), 0);
    assert_eq!(check(d).unwrap().count(Severity::Warning), 0);

    // Once moved, it stays.
    assert_eq!(
        demo_calendar(d, date("2027-01-10")).unwrap(),
        CalendarMove::AlreadyAround(IsoWeek::parse("2027-W01").unwrap())
    );
}

#[test]
fn demo_calendar_moves_back_too() {
    let dir = Scratch::sample("demo-back");
    assert_eq!(
        demo_calendar(dir.path(), date("2026-10-01")).unwrap(),
        CalendarMove::Moved {
            weeks: -8,
            around: IsoWeek::parse("2026-W40").unwrap()
        }
    );
    assert_eq!(
        week_files(dir.path()),
        ["2026-W39.json", "2026-W40.json", "2026-W41.json"]
    );
    assert_eq!(check(dir.path()).unwrap().errors(), 0);
}

#[test]
fn demo_calendar_in_the_week_it_was_written_writes_nothing() {
    let dir = Scratch::sample("demo-same");
    let d = dir.path();
    // A stale page would be removed by any rewrite.
    write_file(d, "news/old-list/9.json", b"{}").unwrap();
    assert_eq!(
        demo_calendar(d, date("2026-11-29")).unwrap(),
        CalendarMove::AlreadyAround(IsoWeek::parse("2026-W48").unwrap())
    );
    assert!(d.join("news/old-list/9.json").is_file());
    assert_eq!(
        fs::read(d.join("index.json")).unwrap(),
        fs::read(sample().join("index.json")).unwrap()
    );
}

/// Messages about an article's blocks name the block the author wrote:
/// blocks dropped before it do not shift the number.
#[test]
fn cross_file_messages_number_blocks_as_written() {
    let dir = Scratch::sample("block-numbers");
    let d = dir.path();
    let article = all_files(d)
        .into_iter()
        .find(|f| f.starts_with("articles/"))
        .unwrap();
    let mut last = 0;
    edit(&d.join(&article), |v| {
        let body = v["article"]["body"].as_array_mut().unwrap();
        // Two spoiled blocks first (dropped), then one pointing nowhere.
        body.insert(0, serde_json::json!({"type": "heading", "text": " "}));
        body.insert(1, serde_json::json!({"type": "list", "items": []}));
        body.push(serde_json::json!({"type": "attachment", "document": "no-such-document"}));
        last = body.len() - 1;
    });
    let report = check(d).unwrap();
    let expected = format!(
        "warning {article}: article.body[{last}]: attachment points at unknown document \"no-such-document\""
    );
    assert!(lines(&report).contains(&expected), "{:#?}", lines(&report));
}

/// The copies of one record must agree: a story retitled in its article
/// file but not in the lists, a document changed in its own file only, a
/// week changed in its file but not in the index, a list that grew in
/// its pages but not in the index.
#[test]
fn copies_of_one_record_are_compared() {
    let dir = Scratch::sample("copies");
    let d = dir.path();
    let index = json(&d.join("index.json"));
    let slug = index["latest"][0]["slug"].as_str().unwrap().to_string();
    let article = format!("articles/{slug}.json");
    edit(&d.join(&article), |v| {
        v["article"]["title"] = "Một tiêu đề khác".into();
        v["article"]["views"] = 1.into();
    });
    let doc = index["documents"]["latest"][0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let doc_file = format!("documents/items/{doc}.json");
    edit(&d.join(&doc_file), |v| {
        v["document"]["summary"] = "Trích yếu khác".into()
    });
    let week = index["calendar"]["embedded"][0]["week"]
        .as_str()
        .unwrap()
        .to_string();
    let week_file = format!("calendar/{week}.json");
    edit(&d.join(&week_file), |v| {
        v["entries"][0]["location"] = "Nơi khác".into()
    });
    edit(&d.join("news/tat-ca/1.json"), |v| v["total"] = 9999.into());

    let report = check(d).unwrap();
    let lines = lines(&report);
    let has = |line: String| assert!(lines.contains(&line), "{line}\n{lines:#?}");
    has(format!(
        "error index.json: latest[0]: differs from {article} in title, views"
    ));
    has(format!(
        "error news/tat-ca/1.json: items[0]: differs from {article} in title, views"
    ));
    has(format!(
        "error index.json: documents.latest[0]: differs from {doc_file} in summary"
    ));
    has(format!(
        "error index.json: calendar.embedded[0]: differs from {week_file} in entries"
    ));
    let pages = index["news"]["lists"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["id"] == "tat-ca")
        .unwrap()["pages"]
        .clone();
    let total = index["news"]["lists"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["id"] == "tat-ca")
        .unwrap()["total"]
        .clone();
    has(format!(
        "error news/tat-ca/1.json: pages: says {pages} pages and 9999 items; index.json says {pages} and {total} for list \"tat-ca\""
    ));
}

/// A portal with thousands of tags and dozens of categories (an imported
/// NukeViet site has both): the packer keeps index.json within its limit
/// and `latest` within 60, as the format asks (§5): `tat-ca`, every
/// category list and the biggest tag lists named, the smallest left out
/// of `news.lists` but their pages still written; the check passes.
#[test]
fn many_tags_and_categories_keep_the_index_within_its_limits() {
    let (_, mut content) = read_content(&sample()).unwrap();
    content.categories = (0..40)
        .map(|k| Category {
            id: format!("muc-{k}"),
            slug: format!("muc-{k}"),
            name: format!("Chuyên mục {k}"),
            order: k,
        })
        .collect();
    // 400 stories (the sample's, again and again), each with 8 tags of its
    // own and one they all share: 3,201 tag lists.
    let sample_articles = std::mem::take(&mut content.articles);
    for i in 0..400 {
        let mut a = sample_articles[i % sample_articles.len()].clone();
        a.summary.id = format!("bai-{i}");
        a.summary.slug = format!("bai-{i}");
        a.summary.category = format!("muc-{}", i % 40);
        a.summary.categories.clear();
        a.summary.tags = (0..8)
            .map(|k| format!("Từ khóa riêng {i} số {k}"))
            .chain(["Chỉ thị 05".to_string()])
            .collect();
        content.articles.push(a);
    }
    content.featured.clear();
    let files = pack::pack(&content);
    let index_text = &files[0].1;
    assert!(
        index_text.len() <= INDEX_LIMIT_BYTES,
        "{} bytes",
        index_text.len()
    );
    let index: Index = serde_json::from_str(index_text).unwrap();
    assert_eq!(index.latest.len(), pack::INDEX_MAX_SUMMARIES);
    let named: Vec<&str> = index.news.lists.iter().map(|l| l.id.as_str()).collect();
    assert!(named.contains(&"tat-ca"));
    for k in 0..40 {
        assert!(
            named.contains(&format!("chuyen-muc-muc-{k}").as_str()),
            "{k}"
        );
    }
    assert!(
        named.contains(&"the-chi-thi-05"),
        "the biggest tag list stays"
    );
    let tag_pages = files
        .iter()
        .filter(|(p, _)| p.starts_with("news/the-") && p.ends_with("/1.json"))
        .count();
    let tags_named = named.iter().filter(|n| n.starts_with("the-")).count();
    assert_eq!(tag_pages, 400 * 8 + 1);
    assert!(tags_named < tag_pages, "some tag lists were left out");

    // Over a copy of the sample (its pictures), without its stories.
    let dir = Scratch::sample("many-tags");
    fs::remove_dir_all(dir.path().join("articles")).unwrap();
    fs::remove_dir_all(dir.path().join("news")).unwrap();
    write_content(dir.path(), &content).unwrap();
    assert!(dir
        .path()
        .join("news/the-tu-khoa-rieng-0-so-0/1.json")
        .is_file());
    let report = check(dir.path()).unwrap();
    assert_eq!(report.errors(), 0, "{report}");
}
