//! Any bytes, read as UTF-8 (lossily, as the app's fetch does), given to
//! every `validate::parse_*`: none may panic, and each keeps `Checked`'s
//! promise that the value is absent exactly when a problem is fatal.
//! The URL and id checks get the same text.
#![no_main]

use bantin_format::validate::{self, Checked, Problem, Severity, UrlUse};
use libfuzzer_sys::fuzz_target;

fn promises<T>(kind: &str, checked: &Checked<T>) {
    let fatal: Vec<&Problem> = checked
        .problems
        .iter()
        .filter(|p| p.severity == Severity::Fatal)
        .collect();
    match checked.value {
        Some(_) => assert!(
            fatal.is_empty(),
            "{kind}: a value with fatal problems: {fatal:?}"
        ),
        None => assert!(!fatal.is_empty(), "{kind}: no value and no fatal problem"),
    }
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    promises("index", &validate::parse_index(&text));
    promises("article", &validate::parse_article(&text));
    promises("news-page", &validate::parse_news_page(&text));
    promises("calendar-week", &validate::parse_calendar_week(&text));
    promises("documents-page", &validate::parse_documents_page(&text));
    promises("document", &validate::parse_document(&text));

    if validate::is_slug(&text) {
        assert!(text
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'));
        assert!(!text.starts_with('-') && !text.ends_with('-') && !text.contains("--"));
    }
    for usage in [UrlUse::Link, UrlUse::Image] {
        if validate::is_safe_url(&text, usage) {
            let lower = text.to_ascii_lowercase();
            assert!(
                !text.chars().any(|c| c.is_control() || c.is_whitespace()),
                "{text:?}"
            );
            assert!(
                !text.starts_with("//") && !text.starts_with('\\'),
                "{text:?}"
            );
            for scheme in ["javascript:", "vbscript:", "file:", "data:text"] {
                assert!(!lower.starts_with(scheme), "{text:?}");
            }
        }
    }
});
