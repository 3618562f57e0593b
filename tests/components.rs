//! Component tests: real components mounted in headless Chromium through
//! wasm-bindgen-test. Run by scripts/test (`cargo test --target wasm32-unknown-unknown`).
#![cfg(target_arch = "wasm32")]

use bantin::{crash, strings, App};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::HtmlElement;

wasm_bindgen_test_configure!(run_in_browser);

/// A fresh container in the test page, so tests do not see each other's DOM.
fn container() -> HtmlElement {
    let document = document();
    let div = document
        .create_element("div")
        .unwrap()
        .unchecked_into::<HtmlElement>();
    document.body().unwrap().append_child(&div).unwrap();
    div
}

fn text_of(root: &HtmlElement, selector: &str) -> String {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no element matches {selector}"))
        .text_content()
        .unwrap_or_default()
        .trim()
        .to_string()
}

#[wasm_bindgen_test]
async fn app_renders_the_layout_around_the_home_page() {
    let root = container();
    let _handle = leptos::mount::mount_to(root.clone(), App);
    leptos::task::tick().await;

    assert_eq!(text_of(&root, ".brand__name"), strings::APP_NAME);
    let links = root.query_selector_all("#main-nav a").unwrap();
    assert_eq!(links.length(), bantin::routes::NAV.len() as u32);
    assert_eq!(text_of(&root, "h1"), strings::HEADING_HOME);
    assert!(root.query_selector(".site-footer").unwrap().is_some());
    assert!(root
        .query_selector("a.skip-link[href='#noi-dung']")
        .unwrap()
        .is_some());
}

#[wasm_bindgen_test]
async fn the_menu_button_opens_and_closes_the_navigation() {
    let root = container();
    let _handle = leptos::mount::mount_to(root.clone(), App);
    leptos::task::tick().await;

    let toggle = root
        .query_selector(".menu-toggle")
        .unwrap()
        .unwrap()
        .unchecked_into::<HtmlElement>();
    let nav = root.query_selector("#main-nav").unwrap().unwrap();
    assert_eq!(
        toggle.get_attribute("aria-expanded").as_deref(),
        Some("false")
    );
    assert!(!nav.class_list().contains("open"));

    toggle.click();
    leptos::task::tick().await;
    assert_eq!(
        toggle.get_attribute("aria-expanded").as_deref(),
        Some("true")
    );
    assert_eq!(
        toggle.get_attribute("aria-label").as_deref(),
        Some(strings::MENU_CLOSE)
    );
    assert!(nav.class_list().contains("open"));

    toggle.click();
    leptos::task::tick().await;
    assert_eq!(
        toggle.get_attribute("aria-expanded").as_deref(),
        Some("false")
    );
    assert!(!nav.class_list().contains("open"));
}

#[wasm_bindgen_test]
fn the_crash_screen_explains_and_offers_a_reload() {
    let root = container();
    let screen = crash::render_crash_screen(&document(), &root).unwrap();

    assert_eq!(screen.get_attribute("role").as_deref(), Some("alert"));
    assert_eq!(text_of(&root, ".crash h1"), strings::CRASH_TITLE);
    assert_eq!(text_of(&root, ".crash p"), strings::CRASH_TEXT);
    let reload = root.query_selector(".crash a.button").unwrap().unwrap();
    assert_eq!(
        reload.text_content().as_deref(),
        Some(strings::CRASH_RELOAD)
    );
    // The link reloads the very page the reader was on.
    let here = window().location().href().unwrap();
    assert_eq!(reload.get_attribute("href"), Some(here));
}
