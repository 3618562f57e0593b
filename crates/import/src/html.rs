//! Article HTML into the format's typed blocks (format doc §7.3, Blocks).
//! Never raw HTML: every element becomes a block, a run of a paragraph, or
//! nothing.
//!
//! - `p`, `div` and the other block containers: paragraphs of runs, bold
//!   (`strong`, `b`), italic (`em`, `i`), links (`a` with an http(s)
//!   address, resolved against the page's);
//! - `h1`–`h6`: headings (level 2 for `h1`/`h2`, 3 below);
//! - `img`: an image; its caption is a `figcaption`, the other cell of a
//!   CKEditor image table, or the short italic or centred line right
//!   after it (every portal of the seeds writes captions so);
//! - a `figure` or an element whose class says gallery with several
//!   images, or two or more images in a row without captions: a gallery;
//! - `blockquote`: a quote (its `cite` or `footer` the cite); `ul`/`ol`: a
//!   list; `table`: a table (the first row its header when it is `th`s or
//!   in `thead`);
//! - a YouTube `iframe` or a `video` with a poster: a video;
//! - `script`, `style`, forms, embedded objects and other frames are
//!   dropped; event-handler attributes are never read; a link whose
//!   address is not http(s) (`javascript:`, `data:`) is kept as its text;
//!   an element this does not know is read as its text. Each of these is a
//!   warning.
//!
//! Text is NFC with white space collapsed ([`crate::text::clean`]).

use std::collections::BTreeMap;

use bantin_format::model::{Block, Image, Run};
use bantin_format::validate::{is_feed_url, UrlUse};
use scraper::node::Node;
use scraper::{ElementRef, Html, Selector};

use crate::http::resolve;
use crate::text::{clean, clean_run};

/// The blocks, and what was dropped or changed on the way.
#[derive(Debug, Default)]
pub struct Converted {
    pub blocks: Vec<Block>,
    pub warnings: Vec<String>,
}

/// Converts an HTML fragment (an article body) whose links are relative to
/// `base`.
pub fn convert_fragment(html: &str, base: &str) -> Converted {
    let doc = Html::parse_fragment(html);
    convert(doc.root_element(), base)
}

/// Converts the children of `root`.
pub fn convert(root: ElementRef<'_>, base: &str) -> Converted {
    convert_with(root, base, None)
}

/// Converts the children of `root`, leaving out, silently, the elements
/// `except` matches (a part the caller reads itself, such as an
/// instant-rss article's header).
pub fn convert_except(root: ElementRef<'_>, base: &str, except: &Selector) -> Converted {
    convert_with(root, base, Some(except))
}

fn convert_with(root: ElementRef<'_>, base: &str, except: Option<&Selector>) -> Converted {
    let mut c = Conv {
        base,
        except,
        ..Conv::default()
    };
    c.children(root, Style::default());
    c.flush();
    c.finish()
}

#[derive(Clone, Default)]
struct Style {
    bold: bool,
    italic: bool,
    link: Option<String>,
    centered: bool,
}

#[derive(Default)]
struct Conv<'a> {
    base: &'a str,
    except: Option<&'a Selector>,
    blocks: Vec<Block>,
    /// Per block: it was a centred or wholly italic short paragraph (a
    /// caption candidate).
    caption_like: Vec<bool>,
    runs: Vec<Run>,
    centered: bool,
    dropped: BTreeMap<String, usize>,
    handlers: BTreeMap<String, usize>,
    bad_links: BTreeMap<String, usize>,
    unknown: BTreeMap<String, usize>,
    bad_images: usize,
}

const DROPPED: &[&str] = &[
    "script", "style", "noscript", "template", "object", "embed", "applet", "form", "input",
    "button", "select", "textarea", "svg", "math", "canvas", "link", "meta", "base", "head",
    "title", "audio", "frameset", "frame", "param", "source", "track", "map", "area", "dialog",
];
const CONTAINERS: &[&str] = &[
    "p", "div", "section", "article", "main", "center", "header", "footer", "aside", "nav",
    "address", "pre", "dl", "dt", "dd", "details", "summary", "body", "html", "tbody", "hgroup",
    "fieldset", "legend", "caption", "li",
];
const INLINE: &[&str] = &[
    "span", "font", "small", "big", "sub", "sup", "abbr", "acronym", "code", "kbd", "samp", "var",
    "mark", "time", "s", "strike", "del", "ins", "q", "label", "bdi", "u", "tt", "nobr", "wbr",
    "data", "o:p",
];

impl Conv<'_> {
    fn finish(mut self) -> Converted {
        self.attach_captions();
        let mut warnings = Vec::new();
        for (name, n) in &self.dropped {
            warnings.push(format!("dropped {n} <{name}> element{}", plural(*n)));
        }
        if !self.handlers.is_empty() {
            let names: Vec<&str> = self.handlers.keys().map(String::as_str).collect();
            warnings.push(format!(
                "dropped event-handler attributes ({})",
                names.join(", ")
            ));
        }
        for (scheme, n) in &self.bad_links {
            warnings.push(format!(
                "kept {n} link{} with a {scheme} address as plain text",
                plural(*n)
            ));
        }
        if !self.unknown.is_empty() {
            let names: Vec<String> = self.unknown.keys().map(|n| format!("<{n}>")).collect();
            warnings.push(format!(
                "read unknown elements as plain text: {}",
                names.join(", ")
            ));
        }
        if self.bad_images > 0 {
            warnings.push(format!(
                "dropped {} image{} without an http(s) or small inline address",
                self.bad_images,
                plural(self.bad_images)
            ));
        }
        Converted {
            blocks: self.blocks,
            warnings,
        }
    }

    fn push_block(&mut self, block: Block, caption_like: bool) {
        self.blocks.push(block);
        self.caption_like.push(caption_like);
    }

    /// Ends the paragraph being gathered.
    fn flush(&mut self) {
        let mut runs = std::mem::take(&mut self.runs);
        // Trim the paragraph's ends.
        while runs.first().is_some_and(|r| r.text.trim().is_empty()) {
            runs.remove(0);
        }
        while runs.last().is_some_and(|r| r.text.trim().is_empty()) {
            runs.pop();
        }
        if let Some(first) = runs.first_mut() {
            first.text = first.text.trim_start().to_string();
        }
        if let Some(last) = runs.last_mut() {
            last.text = last.text.trim_end().to_string();
        }
        if runs.is_empty() {
            return;
        }
        // No text field may pass 100,000 characters (format doc §5): a
        // longer run is split into runs of the same style.
        if runs.iter().any(|r| r.text.chars().count() > MAX_TEXT) {
            runs = runs
                .into_iter()
                .flat_map(|r| {
                    let chars: Vec<char> = r.text.chars().collect();
                    chars
                        .chunks(MAX_TEXT)
                        .map(|c| Run {
                            text: c.iter().collect(),
                            ..r.clone()
                        })
                        .collect::<Vec<_>>()
                })
                .collect();
        }
        let text_len: usize = runs.iter().map(|r| r.text.chars().count()).sum();
        let all_italic = runs.iter().all(|r| r.italic || r.text.trim().is_empty());
        let caption_like = text_len <= 300 && (all_italic || self.centered);
        self.push_block(Block::Paragraph { runs }, caption_like);
    }

    fn text(&mut self, raw: &str, style: &Style) {
        let text = clean_run(raw);
        if text.is_empty() {
            return;
        }
        if let Some(last) = self.runs.last_mut() {
            if last.bold == style.bold && last.italic == style.italic && last.link == style.link {
                if !(last.text.ends_with(' ') && text.starts_with(' ')) {
                    last.text.push_str(&text);
                } else {
                    last.text.push_str(&text[1..]);
                }
                return;
            }
            if last.text.ends_with(' ') && text.starts_with(' ') {
                last.text.pop();
            }
        }
        self.runs.push(Run {
            text,
            bold: style.bold,
            italic: style.italic,
            link: style.link.clone(),
        });
    }

    fn children(&mut self, el: ElementRef<'_>, style: Style) {
        for child in el.children() {
            match child.value() {
                Node::Text(t) => self.text(t, &style),
                Node::Element(_) => {
                    if let Some(e) = ElementRef::wrap(child) {
                        self.element(e, &style);
                    }
                }
                _ => {}
            }
        }
    }

    fn element(&mut self, el: ElementRef<'_>, style: &Style) {
        if self.except.is_some_and(|s| s.matches(&el)) {
            return;
        }
        let name = el.value().name().to_ascii_lowercase();
        for (attr, _) in el.value().attrs() {
            let a = attr.to_ascii_lowercase();
            if a.starts_with("on") {
                *self.handlers.entry(a).or_default() += 1;
            }
        }
        let name = name.as_str();
        if DROPPED.contains(&name) {
            *self.dropped.entry(name.to_string()).or_default() += 1;
            return;
        }
        let centered = style.centered || is_centered(el);
        match name {
            "br" | "hr" => self.flush(),
            "strong" | "b" => self.children(
                el,
                Style {
                    bold: true,
                    ..style.clone()
                },
            ),
            "em" | "i" | "cite" | "dfn" => self.children(
                el,
                Style {
                    italic: true,
                    ..style.clone()
                },
            ),
            "a" => {
                let link = self.link(el.attr("href"));
                self.children(
                    el,
                    Style {
                        link,
                        ..style.clone()
                    },
                )
            }
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                self.flush();
                let text = cap(clean(&text_of(el)));
                if !bantin_format::text::is_blank(&text) {
                    let level = if matches!(name, "h1" | "h2") { 2 } else { 3 };
                    self.push_block(Block::Heading { text, level }, false);
                }
                // A picture inside a heading is still a picture.
                for img in el
                    .descendent_elements()
                    .filter(|e| e.value().name() == "img")
                {
                    if let Some(image) = self.image(img) {
                        self.push_block(Block::Image(image), false);
                    }
                }
            }
            "ul" | "ol" => {
                self.flush();
                let items: Vec<String> = el
                    .child_elements()
                    .filter(|c| c.value().name() == "li")
                    .map(|li| cap(clean(&text_of(li))))
                    .filter(|t| !bantin_format::text::is_blank(t))
                    .collect();
                if !items.is_empty() {
                    self.push_block(
                        Block::List {
                            ordered: name == "ol",
                            items,
                        },
                        false,
                    );
                }
            }
            "blockquote" => {
                self.flush();
                let cite = el
                    .descendent_elements()
                    .find(|e| matches!(e.value().name(), "cite" | "footer"))
                    .map(|e| clean(&text_of(e)))
                    .filter(|t| !t.is_empty());
                let text = cap(clean(&text_skipping(el, &["cite", "footer"])));
                if !bantin_format::text::is_blank(&text) {
                    self.push_block(Block::Quote { text, cite }, false);
                }
            }
            "table" => {
                self.flush();
                self.table(el);
            }
            "figure" => {
                self.flush();
                self.figure(el, style);
            }
            "img" => {
                self.flush();
                if let Some(image) = self.image(el) {
                    self.push_block(Block::Image(image), false);
                }
            }
            "iframe" => {
                self.flush();
                match el.attr("src").and_then(youtube_id) {
                    Some(id) => {
                        let title = el.attr("title").map(clean).filter(|t| !t.is_empty());
                        self.push_block(youtube(&id, title), false)
                    }
                    None => *self.dropped.entry("iframe".into()).or_default() += 1,
                }
            }
            "video" => {
                self.flush();
                self.video(el);
            }
            _ if CONTAINERS.contains(&name) => {
                self.flush();
                let was = self.centered;
                self.centered = centered;
                if name == "div" && is_gallery(el) {
                    self.gallery(el, None);
                } else {
                    self.children(
                        el,
                        Style {
                            centered,
                            ..style.clone()
                        },
                    );
                    self.flush();
                }
                self.centered = was;
            }
            _ if INLINE.contains(&name) => self.children(el, style.clone()),
            _ => {
                *self.unknown.entry(name.to_string()).or_default() += 1;
                self.children(el, style.clone());
            }
        }
    }

    /// An `href` as a run's link: http(s) after resolving, else none (and
    /// a warning for a script or data address).
    fn link(&mut self, href: Option<&str>) -> Option<String> {
        let href = href?.trim();
        if href.is_empty() || href.starts_with('#') {
            return None;
        }
        match resolve(self.base, href) {
            Some(u) if is_feed_url(&u, UrlUse::Link) => Some(u),
            _ => {
                let scheme = href
                    .split(':')
                    .next()
                    .filter(|s| s.len() < href.len() && s.len() <= 20)
                    .map(|s| format!("{}:", s.trim().to_ascii_lowercase()))
                    .unwrap_or_else(|| "bad".into());
                *self.bad_links.entry(scheme).or_default() += 1;
                None
            }
        }
    }

    fn image(&mut self, el: ElementRef<'_>) -> Option<Image> {
        let raw = el
            .attr("src")
            .filter(|s| !s.trim().is_empty() && !s.starts_with("data:image/gif;base64,R0lGOD"))
            .or_else(|| el.attr("data-src"))
            .or_else(|| el.attr("data-original"))?
            .trim();
        let src = if raw.starts_with("data:") {
            Some(raw.to_string()).filter(|s| is_feed_url(s, UrlUse::Image) && s.len() <= 4096)
        } else {
            resolve(self.base, raw).filter(|u| is_feed_url(u, UrlUse::Image))
        };
        let Some(src) = src else {
            self.bad_images += 1;
            return None;
        };
        let alt = clean(el.attr("alt").unwrap_or(""));
        let alt = if bantin_format::alt::is_junk(&alt, &src) {
            String::new()
        } else {
            alt
        };
        let dim = |a: &str| {
            el.attr(a)
                .and_then(|v| v.trim().trim_end_matches("px").parse::<u32>().ok())
                .filter(|n| *n > 0)
        };
        let (width, height) = match (dim("width"), dim("height")) {
            (Some(w), Some(h)) => (Some(w), Some(h)),
            _ => (None, None),
        };
        Some(Image {
            src,
            alt,
            caption: None,
            credit: None,
            width,
            height,
        })
    }

    fn figure(&mut self, el: ElementRef<'_>, style: &Style) {
        let caption = el
            .descendent_elements()
            .find(|e| e.value().name() == "figcaption")
            .map(|e| clean(&text_of(e)))
            .filter(|t| !bantin_format::text::is_blank(t));
        let imgs = el
            .descendent_elements()
            .filter(|e| e.value().name() == "img")
            .count();
        if imgs == 0 {
            if let Some(id) = el
                .descendent_elements()
                .find(|e| e.value().name() == "iframe")
                .and_then(|f| f.attr("src"))
                .and_then(youtube_id)
            {
                self.push_block(youtube(&id, caption), false);
                return;
            }
            self.children(el, style.clone());
            self.flush();
            return;
        }
        if imgs == 1 {
            let img = el
                .descendent_elements()
                .find(|e| e.value().name() == "img")
                .expect("counted");
            if let Some(mut image) = self.image(img) {
                image.caption = caption;
                self.push_block(Block::Image(image), false);
            }
            return;
        }
        self.gallery(el, caption);
    }

    fn gallery(&mut self, el: ElementRef<'_>, caption: Option<String>) {
        let images: Vec<Image> = el
            .descendent_elements()
            .filter(|e| e.value().name() == "img")
            .filter_map(|img| self.image(img))
            .collect();
        if !images.is_empty() {
            self.push_block(Block::Gallery { caption, images }, false);
        }
    }

    fn video(&mut self, el: ElementRef<'_>) {
        let src = el.attr("src").or_else(|| {
            el.child_elements()
                .find(|c| c.value().name() == "source")
                .and_then(|s| s.attr("src"))
        });
        let Some(url) = src.and_then(|s| resolve(self.base, s)) else {
            *self.dropped.entry("video".into()).or_default() += 1;
            return;
        };
        let title = el.attr("title").map(clean).filter(|t| !t.is_empty());
        let poster = el
            .attr("poster")
            .and_then(|p| resolve(self.base, p))
            .filter(|p| is_feed_url(p, UrlUse::Image));
        match poster {
            Some(src) => self.push_block(
                Block::Video {
                    url,
                    poster: Image {
                        src,
                        alt: String::new(),
                        caption: title.clone(),
                        credit: None,
                        width: None,
                        height: None,
                    },
                    title,
                    duration: None,
                },
                false,
            ),
            // No still to show: the video is a link.
            None => self.push_block(
                Block::Paragraph {
                    runs: vec![Run {
                        text: title.unwrap_or_else(|| "Video".into()),
                        link: Some(url),
                        ..Run::default()
                    }],
                },
                false,
            ),
        }
    }

    fn table(&mut self, el: ElementRef<'_>) {
        let mut rows: Vec<(bool, Vec<ElementRef<'_>>)> = Vec::new();
        for part in el.child_elements() {
            let pname = part.value().name();
            let trs: Vec<ElementRef<'_>> = match pname {
                "tr" => vec![part],
                "thead" | "tbody" | "tfoot" => part
                    .child_elements()
                    .filter(|r| r.value().name() == "tr")
                    .collect(),
                _ => vec![],
            };
            for tr in trs {
                let cells: Vec<ElementRef<'_>> = tr
                    .child_elements()
                    .filter(|c| matches!(c.value().name(), "td" | "th"))
                    .collect();
                let head = pname == "thead"
                    || (!cells.is_empty() && cells.iter().all(|c| c.value().name() == "th"));
                rows.push((head, cells));
            }
        }
        let caption = el
            .child_elements()
            .find(|c| c.value().name() == "caption")
            .map(|c| clean(&text_of(c)))
            .filter(|t| !t.is_empty());
        // A CKEditor image table: a picture and its caption line.
        let imgs: Vec<ElementRef<'_>> = el
            .descendent_elements()
            .filter(|e| e.value().name() == "img")
            .collect();
        let cells: usize = rows.iter().map(|(_, c)| c.len()).sum();
        if !imgs.is_empty() && cells <= 2 && rows.len() <= 2 {
            let text = clean(&text_of(el));
            if imgs.len() == 1 {
                if let Some(mut image) = self.image(imgs[0]) {
                    image.caption = Some(text).filter(|t| !t.is_empty()).or(caption);
                    self.push_block(Block::Image(image), false);
                }
            } else {
                self.gallery(el, Some(text).filter(|t| !t.is_empty()).or(caption));
            }
            return;
        }
        let mut header = Vec::new();
        let mut body = Vec::new();
        for (i, (head, cells)) in rows.iter().enumerate() {
            let texts: Vec<String> = cells.iter().map(|c| cap(clean(&text_of(*c)))).collect();
            if texts.is_empty() {
                continue;
            }
            if i == 0 && *head {
                header = texts;
            } else {
                body.push(texts);
            }
        }
        if body.is_empty() && !header.is_empty() {
            body.push(std::mem::take(&mut header));
        }
        if body.is_empty() {
            return;
        }
        self.push_block(
            Block::Table {
                caption,
                header,
                rows: body,
            },
            false,
        );
        // Pictures inside a data table are still pictures.
        for img in imgs {
            if let Some(image) = self.image(img) {
                self.push_block(Block::Image(image), false);
            }
        }
    }

    /// An image without a caption takes the caption-like paragraph right
    /// after it; images in a row without captions become a gallery.
    fn attach_captions(&mut self) {
        let mut out: Vec<Block> = Vec::with_capacity(self.blocks.len());
        let blocks = std::mem::take(&mut self.blocks);
        let like = std::mem::take(&mut self.caption_like);
        // The gallery the rule below made last, while it is the last block.
        let mut merged: Option<usize> = None;
        let mut i = 0;
        while i < blocks.len() {
            let mut block = blocks[i].clone();
            if let Block::Image(img) = &mut block {
                if img.caption.is_none() {
                    if let (Some(Block::Paragraph { runs }), Some(true)) =
                        (blocks.get(i + 1), like.get(i + 1))
                    {
                        let text = clean(&runs.iter().map(|r| r.text.as_str()).collect::<String>());
                        if !text.is_empty() {
                            img.caption = Some(text);
                            i += 1;
                        }
                    }
                }
            }
            // Two or more uncaptioned pictures in a row: one gallery.
            let uncaptioned = |b: &Block| matches!(b, Block::Image(img) if img.caption.is_none());
            if uncaptioned(&block) {
                if let Some(Block::Image(prev_last)) = out.last().cloned() {
                    if prev_last.caption.is_none() {
                        out.pop();
                        let Block::Image(img) = block else {
                            unreachable!()
                        };
                        out.push(Block::Gallery {
                            caption: None,
                            images: vec![prev_last, img],
                        });
                        merged = Some(out.len() - 1);
                        i += 1;
                        continue;
                    }
                }
                if let (Some(_), Some(Block::Gallery { images, .. })) = (merged, out.last_mut()) {
                    let Block::Image(img) = block else {
                        unreachable!()
                    };
                    images.push(img);
                    i += 1;
                    continue;
                }
            }
            out.push(block);
            merged = None;
            i += 1;
        }
        self.blocks = out;
    }
}

/// The longest text a feed field may hold (format doc §5).
pub const MAX_TEXT: usize = 100_000;

/// A text cut to [`MAX_TEXT`] characters (a heading, a list item, a cell).
pub fn cap(s: String) -> String {
    if s.chars().count() <= MAX_TEXT {
        return s;
    }
    let mut cut: String = s.chars().take(MAX_TEXT - 1).collect();
    cut.push('…');
    cut
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

fn is_centered(el: ElementRef<'_>) -> bool {
    let style = el.attr("style").unwrap_or("").to_ascii_lowercase();
    el.attr("align")
        .is_some_and(|a| a.eq_ignore_ascii_case("center"))
        || style.replace(' ', "").contains("text-align:center")
        || el.value().name() == "center"
}

fn is_gallery(el: ElementRef<'_>) -> bool {
    el.value().classes().any(|c| c.contains("gallery"))
        && el
            .descendent_elements()
            .filter(|e| e.value().name() == "img")
            .count()
            >= 2
}

/// The text of an element, without what scripts and styles hold.
pub fn text_of(el: ElementRef<'_>) -> String {
    text_skipping(el, &[])
}

fn text_skipping(el: ElementRef<'_>, skip: &[&str]) -> String {
    let mut out = String::new();
    gather(el, skip, &mut out);
    out
}

fn gather(el: ElementRef<'_>, skip: &[&str], out: &mut String) {
    for child in el.children() {
        match child.value() {
            Node::Text(t) => out.push_str(t),
            Node::Element(e) => {
                let n = e.name();
                if DROPPED.contains(&n) || skip.contains(&n) {
                    continue;
                }
                if matches!(n, "br" | "p" | "div" | "li" | "td" | "th" | "tr") {
                    out.push(' ');
                }
                if let Some(c) = ElementRef::wrap(child) {
                    gather(c, skip, out);
                }
                if matches!(n, "p" | "div" | "li" | "td" | "th") {
                    out.push(' ');
                }
            }
            _ => {}
        }
    }
}

/// The video id of a YouTube embed or watch address.
fn youtube_id(src: &str) -> Option<String> {
    let src = src.trim();
    let rest = [
        "youtube.com/embed/",
        "youtube-nocookie.com/embed/",
        "youtu.be/",
    ]
    .iter()
    .find_map(|k| src.find(k).map(|i| &src[i + k.len()..]))
    .or_else(|| src.find("youtube.com/watch?v=").map(|i| &src[i + 20..]))?;
    let id: String = rest
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .collect();
    (id.len() >= 6 && id.len() <= 20).then_some(id)
}

fn youtube(id: &str, title: Option<String>) -> Block {
    Block::Video {
        url: format!("https://www.youtube.com/watch?v={id}"),
        poster: Image {
            src: format!("https://img.youtube.com/vi/{id}/hqdefault.jpg"),
            alt: String::new(),
            caption: title.clone(),
            credit: None,
            width: Some(480),
            height: Some(360),
        },
        title,
        duration: None,
    }
}

#[cfg(test)]
mod tests;
