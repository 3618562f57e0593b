//! The reader's settings that the page remembers: where each is stored
//! (a localStorage key), the attribute on `<html>` that the stylesheet
//! reads it from, and the values it may take. Written here once.
//!
//! Two sides apply them. The app does, when it starts and when the reader
//! changes one (`ui::components::reading_tools`). And `public/prefs.js`, a
//! small blocking script in the page's `<head>`, does before the first
//! paint, so a page served as HTML (prerendered) is drawn at the reader's
//! size from the start instead of jumping when the wasm arrives. That
//! script carries these values as one JSON line, `var SETTINGS = …;`; the
//! test below fails if it differs from [`script_settings`].
//!
//! The only setting today is the text size. The theme follows the
//! system's (`prefers-color-scheme` in the stylesheet): nothing to store.

/// The text size, remembered across pages and visits.
pub const TEXT_SIZE_KEY: &str = "bantin.text-size";
/// `data-text-size` on `<html>`; the stylesheet maps each step.
pub const TEXT_SIZE_ATTRIBUTE: &str = "text-size";
/// Text size steps, as multiples of the normal size: 0 (smaller) to 4.
pub const TEXT_STEPS: usize = 5;
/// The normal size.
pub const DEFAULT_TEXT_STEP: usize = 1;

/// The step a stored value names: only a value the app writes ("0" to
/// "4"), else the normal size. prefs.js reads the same list the same way.
pub fn text_step(stored: Option<&str>) -> usize {
    stored
        .and_then(|s| (0..TEXT_STEPS).find(|step| step.to_string() == s))
        .unwrap_or(DEFAULT_TEXT_STEP)
}

/// The settings as prefs.js holds them: for each, its storage key, its
/// attribute's full name, the values it accepts, and the one it takes
/// otherwise. Compact JSON, keys in this order.
pub fn script_settings() -> String {
    let values: Vec<String> = (0..TEXT_STEPS).map(|s| format!("\"{s}\"")).collect();
    format!(
        "[{{\"key\":\"{TEXT_SIZE_KEY}\",\"attribute\":\"data-{TEXT_SIZE_ATTRIBUTE}\",\"values\":[{}],\"default\":\"{DEFAULT_TEXT_STEP}\"}}]",
        values.join(",")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    const SCRIPT: &str = include_str!("../../public/prefs.js");
    const STYLE: &str = include_str!("../../style/main.css");

    #[test]
    fn a_stored_step_is_read_only_as_the_app_writes_it() {
        assert_eq!(text_step(None), DEFAULT_TEXT_STEP);
        for step in 0..TEXT_STEPS {
            assert_eq!(text_step(Some(&step.to_string())), step);
        }
        for odd in ["5", "-1", "+2", " 2", "2 ", "02", "", "lớn", "1.0"] {
            assert_eq!(text_step(Some(odd)), DEFAULT_TEXT_STEP, "{odd:?}");
        }
    }

    #[test]
    fn the_script_carries_exactly_these_settings() {
        let lines: Vec<&str> = SCRIPT
            .lines()
            .map(str::trim)
            .filter(|l| l.starts_with("var SETTINGS = "))
            .collect();
        assert_eq!(
            lines.len(),
            1,
            "public/prefs.js has one `var SETTINGS = …;` line"
        );
        let json = lines[0]
            .strip_prefix("var SETTINGS = ")
            .and_then(|l| l.strip_suffix(';'))
            .expect("var SETTINGS = [JSON];");
        assert_eq!(
            json,
            script_settings(),
            "public/prefs.js must carry src/logic/prefs.rs's settings"
        );
        let parsed: serde_json::Value = serde_json::from_str(json).expect("JSON");
        assert_eq!(parsed[0]["key"], TEXT_SIZE_KEY);
        assert_eq!(parsed[0]["attribute"], "data-text-size");
        assert_eq!(
            parsed[0]["values"].as_array().map(Vec::len),
            Some(TEXT_STEPS)
        );
        assert_eq!(parsed[0]["default"], DEFAULT_TEXT_STEP.to_string());
        // The key and the attribute appear nowhere else in the script.
        assert_eq!(SCRIPT.matches(TEXT_SIZE_KEY).count(), 1);
        assert_eq!(SCRIPT.matches("text-size").count(), 2);
    }

    #[test]
    fn the_script_is_old_browser_safe_and_cannot_throw() {
        let code: String = SCRIPT
            .lines()
            .filter(|l| !l.trim_start().starts_with("//"))
            .collect::<Vec<_>>()
            .join("\n");
        for modern in ["=>", "let ", "const ", "`", "?.", "??", "class ", "async "] {
            assert!(!code.contains(modern), "prefs.js uses {modern:?}");
        }
        assert!(code.contains("try {") && code.contains("} catch (e) {"));
    }

    #[test]
    fn the_stylesheet_maps_every_step_but_the_normal_one() {
        for step in 0..TEXT_STEPS {
            let rule = format!("html[data-{TEXT_SIZE_ATTRIBUTE}=\"{step}\"]");
            assert_eq!(STYLE.contains(&rule), step != DEFAULT_TEXT_STEP, "{rule}");
        }
    }
}
