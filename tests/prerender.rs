//! The app's pages rendered natively (src/prerender.rs), as the feed
//! tool's publish step renders them, from the bundled sample feed.
#![cfg(not(target_arch = "wasm32"))]

use std::path::Path;
use std::sync::Arc;

use bantin::browser::state::AtHand;
use bantin::prerender::{self, Head, Snapshot};
use bantin_format::dir;
use bantin_format::model::Article;

fn sample() -> (Snapshot, Vec<Article>) {
    let feed = Path::new(env!("CARGO_MANIFEST_DIR")).join("public/feed");
    let (index, content) = dir::read_content(&feed).expect("the sample feed reads");
    let snapshot = Snapshot {
        index: Arc::new(index),
        documents: Arc::new(content.documents),
    };
    (snapshot, content.articles)
}

fn prepare(base: &str) {
    prerender::prepare(
        vec![
            ("bantin-base".into(), base.into()),
            ("bantin-feed".into(), "feed/".into()),
        ],
        // Wednesday 2026-11-25 09:30 in Vietnam.
        1_795_573_800_000.0,
    );
}

#[test]
fn the_home_page_holds_the_headlines_and_the_sites_name() {
    prepare("/");
    let (snapshot, _) = sample();
    let page = prerender::render("/", &snapshot, AtHand::default());
    let index = &snapshot.index;
    assert!(page.body.contains(&index.site.name));
    for story in index.latest.iter().take(5) {
        assert!(page.body.contains(&story.title), "{}", story.title);
    }
    assert!(!page.body.contains(bantin::strings::LOADING));
    assert!(page.title.contains(&index.site.name), "{}", page.title);
}

#[test]
fn an_article_page_holds_its_body_and_says_its_title_and_sapo() {
    prepare("/");
    let (snapshot, articles) = sample();
    let article = &articles[0];
    let page = prerender::render(
        &format!("/tin-tuc/{}", article.summary.slug),
        &snapshot,
        AtHand {
            article: Some(Arc::new(article.clone())),
            ..AtHand::default()
        },
    );
    assert!(page.body.contains("<h1 class=\"article__title\">"));
    assert_eq!(page.name, article.summary.title);
    assert_eq!(
        page.description.as_deref(),
        Some(article.summary.sapo.as_str())
    );
    assert!(!page.body.contains(bantin::strings::LOADING));
}

#[test]
fn without_the_article_at_hand_the_page_says_it_is_loading() {
    // What the browser would show before the file arrives: the publish
    // step always hands the article over, so a published page never does.
    prepare("/");
    let (snapshot, articles) = sample();
    let page = prerender::render(
        &format!("/tin-tuc/{}", articles[0].summary.slug),
        &snapshot,
        AtHand::default(),
    );
    assert!(page.body.contains("data-pending"));
}

#[test]
fn the_library_and_a_document_render_from_the_list() {
    prepare("/");
    let (snapshot, _) = sample();
    let library = prerender::render("/van-ban", &snapshot, AtHand::default());
    let first = &snapshot.index.documents.latest[0];
    assert!(library.body.contains(&first.number), "{}", first.number);
    let doc = snapshot.documents[0].clone();
    let page = prerender::render(
        &format!("/van-ban/{}", doc.id),
        &snapshot,
        AtHand {
            document: Some(Arc::new(doc.clone())),
            ..AtHand::default()
        },
    );
    assert!(page.body.contains(&doc.summary));
    assert!(!page.body.contains("data-pending"));
}

#[test]
fn under_a_sub_path_every_link_is_under_it() {
    prepare("/bantin/");
    let (snapshot, _) = sample();
    let page = prerender::render("/bantin/", &snapshot, AtHand::default());
    assert!(page.body.contains("href=\"/bantin/tin-tuc/"));
    assert!(!page.body.contains("href=\"/tin-tuc/"));
    assert!(page.body.contains("src=\"/bantin/feed/media/"));
}

#[test]
fn no_hydration_marker_is_left_and_a_feed_text_like_one_is_kept() {
    prepare("/");
    let (snapshot, articles) = sample();
    let home = prerender::render("/", &snapshot, AtHand::default());
    assert!(
        !home.body.contains("<!>"),
        "the home page holds a <!> marker"
    );
    // A title and sapo that read like a marker stay text.
    let mut article = articles[0].clone();
    article.summary.title = "Tin <!> mới".into();
    article.summary.sapo = "Sapo \"<!>\" đây".into();
    let page = prerender::render(
        &format!("/tin-tuc/{}", article.summary.slug),
        &snapshot,
        AtHand {
            article: Some(Arc::new(article)),
            ..AtHand::default()
        },
    );
    assert!(!page.body.contains("<!>"));
    assert!(page.body.contains("Tin &lt;!&gt; mới"), "{}", page.body);
    let head = prerender::head_tags(Head {
        title: "Tin <!> mới".into(),
        name: "Tin <!> mới".into(),
        description: "Sapo \"<!>\" đây".into(),
        canonical: "https://x.vn/tin-tuc/a".into(),
        kind: "article",
        site_name: "A".into(),
        image: ("https://x.vn/og-card.png".into(), 1200, 630, "<!>".into()),
        feed_version: "2026-11-30T08:00:00+07:00".into(),
        route: "/tin-tuc/a".into(),
    });
    // Attribute values are escaped too: no `<!>` is left anywhere.
    assert!(!head.contains("<!>"), "{head}");
    assert!(head.contains("content=\"&lt;!&gt;\""), "{head}");
    assert!(head.contains("<title>Tin &lt;!&gt; mới</title>"), "{head}");
    // Each attribute value still says what the feed said.
    assert_eq!(head.matches("Sapo &quot;").count(), 3, "{head}");
}

#[test]
fn head_tags_escape_what_the_feed_says() {
    let hostile = "</title><script>alert(1)</script>\"><img src=x onerror=alert(2)>";
    let html = prerender::head_tags(Head {
        title: hostile.into(),
        name: hostile.into(),
        description: hostile.into(),
        canonical: "https://x.vn/tin-tuc/a".into(),
        kind: "article",
        site_name: "A & B".into(),
        image: ("https://x.vn/og-card.png".into(), 1200, 630, hostile.into()),
        feed_version: "2026-11-30T08:00:00+07:00".into(),
        route: "/tin-tuc/a".into(),
    });
    assert!(!html.contains("<script"));
    assert!(!html.contains("<img"));
    assert!(html.contains("&lt;/title&gt;&lt;script&gt;"));
    assert!(
        html.contains("content=\"&quot;&gt;&lt;img") || html.contains("&quot;&gt;&lt;img src=x")
    );
    assert!(html.contains("<meta property=\"og:site_name\" content=\"A &amp; B\">"));
    assert!(html.contains("<meta property=\"og:image:width\" content=\"1200\">"));
    assert_eq!(html.matches("<title>").count(), 1);
}
