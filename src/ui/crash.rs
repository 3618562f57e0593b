//! The last line of defence: a panic must never leave the reader in front
//! of a white page. The hook replaces the page with a plain Vietnamese
//! error screen built from DOM nodes (no HTML strings) and a reload link
//! that works without the (now dead) wasm instance.

use crate::strings;
use wasm_bindgen::JsValue;
use web_sys::{Document, Element};

/// Installs the panic hook. Call once, before mounting the app.
pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&JsValue::from_str(&info.to_string()));
        let Some(document) = crate::browser::dom::window().and_then(|w| w.document()) else {
            return;
        };
        if let Some(body) = document.body() {
            // Whatever the app had drawn may be half-updated: start clean.
            body.set_text_content(None);
            let _ = render_crash_screen(&document, &body);
        }
    }));
}

/// Appends the crash screen to `container`. Separate from the hook so a
/// component test can render it without panicking.
pub fn render_crash_screen(document: &Document, container: &Element) -> Result<Element, JsValue> {
    let main = document.create_element("main")?;
    main.set_class_name("crash");
    main.set_attribute("role", "alert")?;

    let title = document.create_element("h1")?;
    title.set_text_content(Some(strings::CRASH_TITLE));
    let text = document.create_element("p")?;
    text.set_text_content(Some(strings::CRASH_TEXT));

    // A link to the current address reloads the page with plain HTML,
    // which keeps working after the wasm instance has aborted.
    let reload = document.create_element("a")?;
    reload.set_class_name("button");
    let here = document
        .location()
        .and_then(|l| l.href().ok())
        .unwrap_or_else(|| "/".into());
    reload.set_attribute("href", &here)?;
    reload.set_text_content(Some(strings::CRASH_RELOAD));

    main.append_child(&title)?;
    main.append_child(&text)?;
    main.append_child(&reload)?;
    container.append_child(&main)?;
    Ok(main)
}
