//! The validator's verdict on the URLs of tests/url_cases.json. The same
//! cases are held against the JSON Schema's patterns by
//! tests/e2e/url-cases.test.mjs, so the two judges cannot drift apart.

use bantin_format::validate::{is_feed_url, UrlUse};
use serde_json::Value;

#[test]
fn the_validator_gives_each_url_its_verdict() {
    let cases: Value = serde_json::from_str(include_str!("url_cases.json")).unwrap();
    let mut wrong = Vec::new();
    for (kind, usage) in [("link", UrlUse::Link), ("image", UrlUse::Image)] {
        for (verdict, expected) in [("allowed", true), ("refused", false)] {
            for url in cases[kind][verdict].as_array().unwrap() {
                let url = url.as_str().unwrap();
                if is_feed_url(url, usage) != expected {
                    wrong.push(format!("{kind} {url:?} should be {verdict}"));
                }
            }
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
}
