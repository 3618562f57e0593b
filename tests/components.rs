//! Component tests: real components mounted in headless Chromium through
//! wasm-bindgen-test. Run by scripts/test (`cargo test --target wasm32-unknown-unknown`).
#![cfg(target_arch = "wasm32")]

use std::sync::Arc;

use bantin::browser::http::LoadError;
use bantin::browser::state::use_offline;
use bantin::browser::state::FeedState;
use bantin::browser::state::OfflineState;
use bantin::strings;
use bantin::ui::components::offline_status::{OfflineBanner, UpdatePrompt};
use bantin::ui::components::{
    article_body::ArticleBody, article_card::ArticleCard, feed_notice::FeedNotice,
};
use bantin::ui::crash;
use bantin::App;
use leptos::prelude::*;
use leptos_router::components::Router;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::HtmlElement;

use bantin_format::model::{ArticleSummary, Block, Image, Run};

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
    assert_eq!(links.length(), bantin::logic::routes::NAV.len() as u32);
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

fn summary() -> ArticleSummary {
    ArticleSummary {
        id: "a1".into(),
        slug: "hoi-nghi-tong-ket".into(),
        title: "Hội nghị tổng kết công tác tuyên giáo năm 2026".into(),
        sapo: "Sáng 23/11, Ban Tuyên giáo Tỉnh ủy tổ chức hội nghị.".into(),
        cover: Some(Image {
            src: "media/hoi-nghi.webp".into(),
            alt: "Quang cảnh hội nghị".into(),
            caption: None,
            credit: None,
            width: Some(640),
            height: Some(360),
        }),
        published: "2026-11-23T08:30:00+07:00".into(),
        updated: None,
        date_only: false,
        author: None,
        author_position: None,
        source: None,
        category: "c1".into(),
        categories: vec![],
        tags: vec![],
        views: Some(18089),
        word_count: None,
    }
}

#[wasm_bindgen_test]
fn an_article_card_links_the_story_and_formats_in_vietnamese() {
    let root = container();
    let _handle = leptos::mount::mount_to(root.clone(), || {
        view! { <Router><ArticleCard article=summary()/></Router> }
    });
    let link = root.query_selector(".card__title a").unwrap().unwrap();
    assert_eq!(
        link.get_attribute("href").as_deref(),
        Some("/tin-tuc/hoi-nghi-tong-ket")
    );
    assert_eq!(
        link.text_content().as_deref(),
        Some("Hội nghị tổng kết công tác tuyên giáo năm 2026")
    );
    let meta = text_of(&root, ".card__meta");
    assert!(meta.contains("Thứ Hai, 23/11/2026 08:30"), "{meta}");
    assert!(meta.contains("Lượt xem 18.089"), "{meta}");
    let img = root.query_selector(".card__image").unwrap().unwrap();
    assert_eq!(
        img.get_attribute("alt").as_deref(),
        Some("Quang cảnh hội nghị")
    );
    // Feed-relative pictures are resolved against the feed's address.
    assert_eq!(
        img.get_attribute("src").as_deref(),
        Some("/feed/media/hoi-nghi.webp")
    );
}

#[wasm_bindgen_test]
fn a_card_shows_no_hour_for_a_date_only_story_and_no_views_when_uncounted() {
    let root = container();
    let mut story = summary();
    story.published = "2026-11-19T00:00:00+07:00".into();
    story.date_only = true;
    story.views = None;
    // The portal's alt says nothing; the card shows no caption, so the
    // caption names the picture.
    story.cover = Some(Image {
        alt: "Responsive image".into(),
        caption: Some("Toàn cảnh hội nghị".into()),
        ..image("media/hoi-nghi.webp", "")
    });
    let _handle = leptos::mount::mount_to(root.clone(), move || {
        view! { <Router><ArticleCard article=story.clone()/></Router> }
    });
    assert_eq!(text_of(&root, ".card__meta"), "Thứ Năm, 19/11/2026");
    let time = root.query_selector(".card__meta time").unwrap().unwrap();
    assert_eq!(
        time.get_attribute("datetime").as_deref(),
        Some("2026-11-19")
    );
    let img = root.query_selector(".card__image").unwrap().unwrap();
    assert_eq!(
        img.get_attribute("alt").as_deref(),
        Some("Toàn cảnh hội nghị")
    );
}

#[wasm_bindgen_test]
fn a_figure_without_a_usable_alt_is_named_by_its_caption() {
    let root = container();
    let blocks = vec![
        Block::Image(Image {
            caption: Some("Các đại biểu dự hội nghị".into()),
            ..image("media/dai-bieu.webp", "IMG_1234.jpg")
        }),
        Block::Image(image("media/trang-tri.webp", "")),
    ];
    let _handle = leptos::mount::mount_to(root.clone(), move || {
        view! { <Router><ArticleBody blocks=blocks.clone()/></Router> }
    });
    let figures = root.query_selector_all("figure.figure").unwrap();
    let first = figures
        .item(0)
        .unwrap()
        .dyn_into::<web_sys::Element>()
        .unwrap();
    let img = first.query_selector("img").unwrap().unwrap();
    // The caption beside it names the figure: the picture adds no junk.
    assert_eq!(img.get_attribute("alt").as_deref(), Some(""));
    assert_eq!(
        first
            .query_selector("figcaption")
            .unwrap()
            .unwrap()
            .text_content()
            .as_deref(),
        Some("Các đại biểu dự hội nghị")
    );
    // Neither alt nor caption: decorative.
    let second = figures
        .item(1)
        .unwrap()
        .dyn_into::<web_sys::Element>()
        .unwrap();
    let img = second.query_selector("img").unwrap().unwrap();
    assert_eq!(img.get_attribute("alt").as_deref(), Some(""));
    assert!(second.query_selector("figcaption").unwrap().is_none());
}

#[wasm_bindgen_test]
async fn the_offline_banner_says_when_the_stored_feed_was_fetched_and_goes_online() {
    let root = container();
    let state = FeedState::new();
    let _handle = leptos::mount::mount_to(root.clone(), move || {
        provide_context(state);
        view! { <OfflineBanner/> }
    });
    leptos::task::tick().await;
    assert!(root.query_selector(".offline-banner").unwrap().is_none());
    // 01:05 UTC is 08:05 in Vietnam.
    state.stored_at.set(Some("2026-11-23T01:05:00Z".into()));
    leptos::task::tick().await;
    assert_eq!(
        text_of(&root, ".offline-banner"),
        format!("{} 08:05 23/11", strings::OFFLINE_BANNER)
    );
    state.stored_at.set(None);
    leptos::task::tick().await;
    assert!(root.query_selector(".offline-banner").unwrap().is_none());
}

#[wasm_bindgen_test]
async fn the_update_prompt_appears_only_when_a_release_waits() {
    let root = container();
    let state = RwSignal::new(None::<OfflineState>);
    let _handle = leptos::mount::mount_to(root.clone(), move || {
        state.set(Some(use_offline()));
        view! { <UpdatePrompt/> }
    });
    leptos::task::tick().await;
    assert!(root.query_selector(".update-prompt").unwrap().is_none());
    state.get_untracked().unwrap().update_ready.set(true);
    leptos::task::tick().await;
    assert_eq!(text_of(&root, ".update-prompt p"), strings::UPDATE_READY);
    assert_eq!(
        text_of(&root, ".update-prompt button"),
        strings::UPDATE_RELOAD
    );
}

#[wasm_bindgen_test]
async fn the_feed_notice_explains_a_failure_and_offers_a_retry() {
    let root = container();
    let state = FeedState::new();
    state.error.set(Some(LoadError::Server(500)));
    let _handle = leptos::mount::mount_to(root.clone(), move || {
        provide_context(state);
        view! { <FeedNotice/> }
    });
    leptos::task::tick().await;
    assert_eq!(text_of(&root, ".notice p"), strings::ERROR_SERVER);
    assert_eq!(text_of(&root, ".notice button"), strings::RETRY);
    assert_eq!(
        root.query_selector(".notice")
            .unwrap()
            .unwrap()
            .get_attribute("role")
            .as_deref(),
        Some("alert")
    );
}

#[wasm_bindgen_test]
async fn with_older_content_on_screen_the_notice_says_it_is_kept() {
    let root = container();
    let state = FeedState::new();
    let index: bantin_format::model::Index = bantin_format::validate::parse_index(MINIMAL_INDEX)
        .value
        .expect("a valid index");
    state.index.set(Some(Arc::new(index)));
    let _handle = leptos::mount::mount_to(root.clone(), move || {
        provide_context(state);
        view! { <FeedNotice/> }
    });
    leptos::task::tick().await;
    assert!(
        root.query_selector(".notice").unwrap().is_none(),
        "no notice while all is well"
    );

    state.error.set(Some(LoadError::Network));
    leptos::task::tick().await;
    assert_eq!(text_of(&root, ".notice p"), strings::ERROR_KEEPING_OLD);
}

const MINIMAL_INDEX: &str = r#"{
  "format_version": "1.0", "kind": "index", "generated_at": "2026-11-23T07:00:00+07:00",
  "site": {"name": "Ban Tuyên giáo Tỉnh ủy", "department": "Tỉnh ủy", "short_name": "BTG", "contact": {}},
  "categories": [], "latest": [],
  "news": {"page_size": 20, "lists": []},
  "calendar": {"weeks": [], "embedded": []},
  "documents": {"total": 0, "page_size": 50, "pages": 1, "latest": []}
}"#;

fn image(src: &str, alt: &str) -> Image {
    Image {
        src: src.into(),
        alt: alt.into(),
        caption: None,
        credit: None,
        width: Some(640),
        height: Some(360),
    }
}

/// One block of every kind, as a feed would send them.
fn every_block() -> Vec<Block> {
    vec![
        Block::Paragraph {
            runs: vec![
                Run {
                    text: "Sáng nay, ".into(),
                    ..Run::default()
                },
                Run {
                    text: "hội nghị".into(),
                    bold: true,
                    ..Run::default()
                },
                Run {
                    text: " đã ".into(),
                    ..Run::default()
                },
                Run {
                    text: "khai mạc".into(),
                    italic: true,
                    ..Run::default()
                },
                Run {
                    text: " (xem văn bản)".into(),
                    link: Some("/van-ban/112-hd-btgtu".into()),
                    ..Run::default()
                },
                Run {
                    text: " và trang Đảng".into(),
                    link: Some("https://dangcongsan.vn".into()),
                    ..Run::default()
                },
            ],
        },
        Block::Heading {
            text: "Những kết quả nổi bật".into(),
            level: 2,
        },
        Block::Heading {
            text: "Ở cơ sở".into(),
            level: 3,
        },
        Block::Image(Image {
            caption: Some("Quang cảnh hội nghị".into()),
            credit: Some("Minh Anh".into()),
            ..image("media/hoi-nghi.webp", "Đại biểu dự hội nghị")
        }),
        Block::Quote {
            text: "Học đi đôi với hành.".into(),
            cite: Some("Chủ tịch Hồ Chí Minh".into()),
        },
        Block::List {
            ordered: false,
            items: vec!["Một".into(), "Hai".into()],
        },
        Block::List {
            ordered: true,
            items: vec!["Bước 1".into(), "Bước 2".into(), "Bước 3".into()],
        },
        Block::Table {
            caption: Some("Kết quả năm 2026".into()),
            header: vec!["Chỉ tiêu".into(), "Kết quả".into()],
            rows: vec![vec!["Đảng viên đăng ký".into(), "97,5%".into()]],
        },
        Block::Gallery {
            caption: Some("Hoạt động tại cơ sở".into()),
            images: vec![
                image("media/a.svg", "Ảnh một"),
                image("media/b.svg", "Ảnh hai"),
            ],
        },
        Block::Attachment {
            document: "112-hd-btgtu".into(),
            title: Some("Hướng dẫn 112-HD/BTGTU".into()),
        },
        Block::Video {
            url: "https://video.example/hoi-nghi".into(),
            poster: image("media/poster.svg", "Ảnh đại diện video"),
            title: Some("Toàn cảnh hội nghị".into()),
            duration: Some(185),
        },
    ]
}

#[wasm_bindgen_test]
fn the_block_renderer_draws_every_block_kind() {
    let root = container();
    let _handle = leptos::mount::mount_to(root.clone(), || {
        view! { <Router><ArticleBody blocks=every_block()/></Router> }
    });
    let count = |sel: &str| root.query_selector_all(sel).unwrap().length();
    let attr = |sel: &str, name: &str| {
        root.query_selector(sel)
            .unwrap()
            .unwrap()
            .get_attribute(name)
    };

    // Paragraph: text, bold, italic, an in-app link and an outside link.
    assert_eq!(text_of(&root, ".article-body > p strong"), "hội nghị");
    assert_eq!(text_of(&root, ".article-body > p em"), "khai mạc");
    assert_eq!(
        attr(".article-body > p a[href='/van-ban/112-hd-btgtu']", "href").as_deref(),
        Some("/van-ban/112-hd-btgtu")
    );
    assert_eq!(
        attr(".article-body > p a[href^='https']", "rel").as_deref(),
        Some("noopener")
    );
    // Headings.
    assert_eq!(
        text_of(&root, ".article-body > h2"),
        "Những kết quả nổi bật"
    );
    assert_eq!(text_of(&root, ".article-body > h3"), "Ở cơ sở");
    // Image with alt, caption, credit, reserved size and lazy loading.
    assert_eq!(
        attr(".article-body > figure.figure img", "alt").as_deref(),
        Some("Đại biểu dự hội nghị")
    );
    assert_eq!(
        attr(".article-body > figure.figure img", "src").as_deref(),
        Some("/feed/media/hoi-nghi.webp")
    );
    assert_eq!(
        attr(".article-body > figure.figure img", "width").as_deref(),
        Some("640")
    );
    assert_eq!(
        attr(".article-body > figure.figure img", "loading").as_deref(),
        Some("lazy")
    );
    let caption = text_of(&root, ".article-body > figure.figure figcaption");
    assert!(
        caption.starts_with("Quang cảnh hội nghị") && caption.contains("Ảnh: Minh Anh"),
        "{caption}"
    );
    // Quote with its source.
    assert_eq!(text_of(&root, "blockquote p"), "Học đi đôi với hành.");
    assert_eq!(text_of(&root, "blockquote footer"), "Chủ tịch Hồ Chí Minh");
    // Lists.
    assert_eq!(count("ul > li"), 2);
    assert_eq!(count("ol > li"), 3);
    // Table in its own scrolling region, with header cells.
    assert_eq!(attr(".table-scroll", "role").as_deref(), Some("region"));
    assert_eq!(count(".table-scroll th[scope='col']"), 2);
    assert_eq!(text_of(&root, ".table-scroll caption"), "Kết quả năm 2026");
    assert_eq!(text_of(&root, ".table-scroll td:last-child"), "97,5%");
    // Gallery.
    assert_eq!(count(".gallery img"), 2);
    assert_eq!(
        text_of(&root, ".gallery > figcaption"),
        "Hoạt động tại cơ sở"
    );
    // Attachment: a link to the document's page.
    assert_eq!(
        attr(".attachment a", "href").as_deref(),
        Some("/van-ban/112-hd-btgtu")
    );
    assert_eq!(text_of(&root, ".attachment a"), "Hướng dẫn 112-HD/BTGTU");
    // Video: a poster and a link, never an embedded player.
    assert_eq!(
        attr(".video a", "href").as_deref(),
        Some("https://video.example/hoi-nghi")
    );
    assert_eq!(
        attr(".video img", "alt").as_deref(),
        Some("Ảnh đại diện video")
    );
    assert_eq!(
        text_of(&root, ".video figcaption"),
        "Toàn cảnh hội nghị (3:05)"
    );
    assert_eq!(count("iframe, script, object, embed"), 0);
}

/// The text nodes under `node`, depth first.
fn text_nodes(node: &web_sys::Node, out: &mut Vec<web_sys::Node>) {
    let children = node.child_nodes();
    for i in 0..children.length() {
        let child = children.item(i).unwrap();
        if child.node_type() == web_sys::Node::TEXT_NODE {
            out.push(child);
        } else {
            text_nodes(&child, out);
        }
    }
}

#[wasm_bindgen_test]
fn every_feed_value_in_a_body_has_an_element_of_its_own() {
    // The stylesheet makes every element a bidi isolate; that only keeps a
    // direction override in one value (a run, a caption) from reversing
    // the next if no value shares its element with other words.
    let root = container();
    let blocks = every_block();
    let _handle = leptos::mount::mount_to(root.clone(), move || {
        view! { <Router><ArticleBody blocks=blocks.clone()/></Router> }
    });
    let mut values: Vec<String> = Vec::new();
    for block in every_block() {
        match block {
            Block::Paragraph { runs } => values.extend(runs.into_iter().map(|r| r.text)),
            Block::Heading { text, .. } => values.push(text),
            Block::Image(i) => values.extend(i.caption.into_iter().chain(i.credit)),
            Block::Quote { text, cite } => values.extend(std::iter::once(text).chain(cite)),
            Block::List { items, .. } => values.extend(items),
            Block::Table {
                caption,
                header,
                rows,
            } => values.extend(caption.into_iter().chain(header).chain(rows.concat())),
            Block::Gallery { caption, .. } => values.extend(caption),
            Block::Attachment { title, .. } => values.extend(title),
            Block::Video { title, .. } => values.extend(title),
        }
    }
    let mut nodes = Vec::new();
    text_nodes(&root, &mut nodes);
    let shown = |n: &web_sys::Node| {
        n.node_type() == web_sys::Node::ELEMENT_NODE
            || (n.node_type() == web_sys::Node::TEXT_NODE
                && !n.text_content().unwrap_or_default().trim().is_empty())
    };
    for value in values {
        let node = nodes
            .iter()
            .find(|n| n.text_content().as_deref() == Some(value.as_str()))
            .unwrap_or_else(|| panic!("\"{value}\" is not a text node of its own"));
        let parent = node.parent_node().unwrap();
        let siblings = parent.child_nodes();
        let others = (0..siblings.length())
            .filter_map(|i| siblings.item(i))
            .filter(|s| !s.is_same_node(Some(node)) && shown(s))
            .count();
        assert_eq!(others, 0, "\"{value}\" shares its element with other text");
    }
}

#[wasm_bindgen_test]
fn text_that_looks_like_html_stays_text() {
    let root = container();
    let hostile = "<img src=x onerror=alert(1)><script>alert(1)</script>";
    let blocks = vec![
        Block::Paragraph {
            runs: vec![Run {
                text: hostile.into(),
                ..Run::default()
            }],
        },
        Block::Quote {
            text: hostile.into(),
            cite: None,
        },
    ];
    let _handle = leptos::mount::mount_to(root.clone(), move || {
        view! { <Router><ArticleBody blocks=blocks.clone()/></Router> }
    });
    assert_eq!(text_of(&root, ".article-body > p"), hostile);
    assert_eq!(
        root.query_selector_all(".article-body img, .article-body script")
            .unwrap()
            .length(),
        0
    );
}

/// The format allows an empty run; it shows nothing, and above all no
/// link without a name.
#[wasm_bindgen_test]
fn an_empty_run_shows_no_link() {
    let root = container();
    let blocks = vec![Block::Paragraph {
        runs: vec![
            Run {
                text: "Xem thêm ".into(),
                ..Run::default()
            },
            Run {
                text: "\u{200B}".into(),
                link: Some("https://example.vn/".into()),
                ..Run::default()
            },
            Run {
                text: "tại đây".into(),
                link: Some("https://example.vn/".into()),
                ..Run::default()
            },
        ],
    }];
    let _handle = leptos::mount::mount_to(root.clone(), move || {
        view! { <Router><ArticleBody blocks=blocks.clone()/></Router> }
    });
    let links = root.query_selector_all(".article-body a").unwrap();
    assert_eq!(links.length(), 1);
    assert_eq!(text_of(&root, ".article-body a"), "tại đây");
}

/// A credit the portal already wrote as "Ảnh: …" (as the format doc's
/// example does) gets no second label.
#[wasm_bindgen_test]
fn a_credit_is_labelled_once() {
    let root = container();
    let mut written = image("media/a.jpg", "Hội trường");
    written.credit = Some("Ảnh: Minh Tuấn".into());
    let mut plain = image("media/b.jpg", "Sân khấu");
    plain.credit = Some("Minh Tuấn".into());
    let blocks = vec![Block::Image(written), Block::Image(plain)];
    let _handle = leptos::mount::mount_to(root.clone(), move || {
        view! { <Router><ArticleBody blocks=blocks.clone()/></Router> }
    });
    let credits = root.query_selector_all(".figure__credit").unwrap();
    assert_eq!(credits.length(), 2);
    for i in 0..2 {
        let text = credits.item(i).unwrap().text_content().unwrap();
        assert_eq!(text, " (Ảnh: Minh Tuấn)");
    }
}
