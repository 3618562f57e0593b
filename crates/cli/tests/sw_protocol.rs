//! The service worker's template (public/sw.js) and the protocol it shares
//! with the app (bantin_format::protocol) cannot drift apart: the template
//! copies none of the protocol's values, names only keys the protocol has,
//! and the tool prints what the build writes into it.

use std::process::Command;

const SW: &str = include_str!("../../../public/sw.js");

fn printed() -> serde_json::Value {
    let out = Command::new(env!("CARGO_BIN_EXE_bantin-feed"))
        .arg("sw-protocol")
        .output()
        .expect("bantin-feed runs");
    assert!(out.status.success());
    serde_json::from_slice(&out.stdout).expect("sw-protocol prints JSON")
}

#[test]
fn the_tool_prints_the_protocol_the_app_is_built_with() {
    let json = printed();
    assert_eq!(
        json,
        serde_json::from_str::<serde_json::Value>(&bantin_format::protocol::to_json()).unwrap()
    );
    assert_eq!(json["feedCache"], bantin_format::protocol::FEED_CACHE);
    assert_eq!(json["articlesDir"], bantin_format::pack::ARTICLES_DIR);
}

#[test]
fn the_template_has_the_placeholder_and_no_copy_of_a_value() {
    assert!(SW.contains("const PROTOCOL = {/* __BANTIN_PROTOCOL__ */};"));
    // Outside comments, no protocol value is written out by hand.
    let code: String = SW
        .lines()
        .map(|l| l.split("//").next().unwrap_or_default())
        .collect::<Vec<_>>()
        .join("\n");
    for (key, value) in bantin_format::protocol::values() {
        let quoted = [
            format!("\"{value}\""),
            format!("'{value}'"),
            format!("`{value}"),
        ];
        for q in quoted {
            assert!(!code.contains(&q), "sw.js writes {key} ({value}) by hand");
        }
        if value.starts_with("x-") || value.starts_with("bantin-") {
            assert!(
                !code.contains(value),
                "sw.js writes {key} ({value}) by hand"
            );
        }
    }
}

#[test]
fn every_name_the_template_uses_is_in_the_protocol() {
    let json = printed();
    let keys = json.as_object().unwrap();
    let mut used = 0;
    for part in SW.split("PROTOCOL.").skip(1) {
        let name: String = part
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        assert!(
            keys.contains_key(&name),
            "sw.js uses PROTOCOL.{name}, which the protocol lacks"
        );
        used += 1;
    }
    assert!(
        used >= 10,
        "sw.js reads its names from PROTOCOL ({used} uses)"
    );
}
