//! The validator's verdict on the alt texts of tests/alt_cases.json. The
//! same cases are held against the JSON Schema's `JunkAlt` pattern by
//! tests/e2e/alt-cases.test.mjs, so the two judges cannot drift apart.

use bantin_format::alt::is_junk;
use serde_json::Value;

#[test]
fn the_validator_gives_each_alt_its_verdict() {
    let cases: Value = serde_json::from_str(include_str!("alt_cases.json")).unwrap();
    let mut wrong = Vec::new();
    for (verdict, expected) in [("junk", true), ("kept", false)] {
        for alt in cases[verdict].as_array().unwrap() {
            let alt = alt.as_str().unwrap();
            if is_junk(alt, "media/hoi-nghi-2026.jpg") != expected {
                wrong.push(format!("{alt:?} should be {verdict}"));
            }
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
}
