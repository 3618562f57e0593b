//! The app's pages rendered natively to HTML: what the feed tool's publish
//! step writes for every address a reader can land on. The same `Pages`
//! the browser runs, with the feed at hand instead of fetched (see
//! `browser::state::AtHand`), and no browser: `browser::dom::window()` is
//! none here, effects do not run and nothing ticks. Native only.
//!
//! Everything the feed says reaches the HTML through the components, so it
//! is escaped as the browser's DOM would hold it; the head's tags are
//! escaped by the same renderer (`head_tags`).

use std::sync::Arc;

use bantin_format::model::{Document, Index};
use leptos::prelude::*;
use leptos::tachys::html::attribute::custom::CustomAttribute;
use leptos_router::location::RequestUrl;

use crate::browser::state::{provide_app_state, AtHand};
use crate::browser::{clock, config, dom};
use crate::Pages;

/// Sets this thread up to render pages of one deployment: the `<meta
/// name content>` pairs of the release's index.html (base path, feed
/// address) and the moment the pages are written (ms since the epoch),
/// which decides "this week", "today" and a document's status.
pub fn prepare(deployment_meta: Vec<(String, String)>, now_ms: f64) {
    // Set once per process; a second call finds it set, which is fine.
    let _ = any_spawner::Executor::init_custom_executor(NothingLater);
    config::set_native_deployment(deployment_meta);
    clock::set_native_now(now_ms);
}

/// A published page is a snapshot: what its components would start (a
/// fetch, storing for offline, a timer's work) is dropped, never run.
struct NothingLater;

impl any_spawner::CustomExecutor for NothingLater {
    fn spawn(&self, _: any_spawner::PinnedFuture<()>) {}
    fn spawn_local(&self, _: any_spawner::PinnedLocalFuture<()>) {}
    fn poll_local(&self) {}
}

/// The feed as every page sees it: the index and, for the pages that list
/// them, every document.
#[derive(Clone)]
pub struct Snapshot {
    pub index: Arc<Index>,
    pub documents: Arc<Vec<Document>>,
}

/// One page, rendered: the frame and the route's first screen (what goes
/// into `<body>`), and the tab title and description the page set.
pub struct Rendered {
    pub body: String,
    pub title: String,
    /// The page's own name (a story's title, a document's number…).
    pub name: String,
    pub description: Option<String>,
}

/// Renders the app at `path` (under the base path, with its query) with
/// the feed in `snapshot` and the files the page needs `at_hand`.
pub fn render(path: &str, snapshot: &Snapshot, at_hand: AtHand) -> Rendered {
    let _ = dom::take_native_head();
    let owner = Owner::new();
    let body = owner.with(|| {
        provide_context(RequestUrl::new(path));
        let state = provide_app_state();
        state.feed.index.set(Some(snapshot.index.clone()));
        state.documents.filled(snapshot.documents.clone());
        provide_context(at_hand);
        view! { <Pages/> }.to_html()
    });
    owner.cleanup();
    let head = dom::take_native_head();
    Rendered {
        body: without_markers(&body),
        title: head
            .title
            .unwrap_or_else(|| crate::strings::APP_NAME.to_string()),
        name: head.name.unwrap_or_default(),
        description: head.description,
    }
}

/// What a published page says about itself in `<head>`: for the tab, for
/// search engines and for link previews (Open Graph, Twitter cards).
pub struct Head {
    /// The tab title.
    pub title: String,
    /// The page's own name, for link previews.
    pub name: String,
    pub description: String,
    /// The page's own absolute URL.
    pub canonical: String,
    /// "article" for a story, "website" for the rest.
    pub kind: &'static str,
    pub site_name: String,
    /// The preview picture: absolute URL, width, height and what it shows.
    pub image: (String, u32, u32, String),
    /// The feed version (the index's `generated_at`) the page was made from.
    pub feed_version: String,
    /// The page's address under the base path, without a query: the
    /// page's script shows the loading screen instead of this page when
    /// the reader's address is another (`?chuyen-muc=…`, `?tuan=…`).
    pub route: String,
}

/// The `<head>` tags of a published page. Rendered by the same renderer
/// as the pages, so whatever the feed says is escaped the same way.
pub fn head_tags(head: Head) -> String {
    let Head {
        title,
        name,
        description,
        canonical,
        kind,
        site_name,
        image: (image, width, height, alt),
        feed_version,
        route,
    } = head;
    // Open Graph names its tags with `property`, which HTML does not know.
    let og = |property: &'static str, content: String| {
        leptos::html::meta()
            .attr("property", property)
            .content(content)
    };
    let og_tags = vec![
        og("og:type", kind.to_string()),
        og("og:site_name", site_name),
        og("og:title", name.clone()),
        og("og:description", description.clone()),
        og("og:url", canonical.clone()),
        og("og:locale", "vi_VN".to_string()),
        og("og:image", image.clone()),
        og("og:image:width", width.to_string()),
        og("og:image:height", height.to_string()),
        og("og:image:alt", alt.clone()),
    ];
    let html = view! {
        <title>{title}</title>
        <meta name="description" content=description.clone()/>
        <link rel="canonical" href=canonical/>
        {og_tags}
        <meta name="twitter:card" content="summary_large_image"/>
        <meta name="twitter:title" content=name/>
        <meta name="twitter:description" content=description/>
        <meta name="twitter:image" content=image/>
        <meta name="twitter:image:alt" content=alt/>
        <meta name="bantin-feed-version" content=feed_version/>
        <meta name="bantin-page" content=route/>
    }
    .to_html();
    without_markers(&html)
}

/// The HTML without the `<!>` the renderer writes where a list ends or an
/// optional part is absent: markers for hydrating, which the takeover
/// does not do (it swaps in a page the app drew itself), and in `<head>`
/// an error to an HTML checker. Only between tags: a quoted attribute
/// value is copied as it is, and text from the feed is escaped, so a `<!>`
/// the feed wrote never reaches this as one.
fn without_markers(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        out.push_str(&rest[..lt]);
        rest = &rest[lt..];
        if let Some(after) = rest.strip_prefix("<!>") {
            rest = after;
            continue;
        }
        // A tag, to its closing '>' outside quotes.
        let mut quote = None;
        let end = rest
            .char_indices()
            .skip(1)
            .find(|&(_, c)| match (quote, c) {
                (None, '"' | '\'') => {
                    quote = Some(c);
                    false
                }
                (Some(q), c) if c == q => {
                    quote = None;
                    false
                }
                (None, '>') => true,
                _ => false,
            })
            .map_or(rest.len(), |(i, _)| i + 1);
        out.push_str(&rest[..end]);
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}
