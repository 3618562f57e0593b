//! Renders an article body from its typed blocks. Each block kind is a
//! component; text only ever becomes text nodes, and every URL was checked
//! by the validator (http(s), relative, or data:image for pictures). Each
//! feed value (a run, a caption, a credit) has an element of its own, which
//! the stylesheet makes a bidi isolate: a direction override in one value
//! cannot reverse the next.

use crate::ui::components::link::A;
use leptos::prelude::*;

use bantin_format::model::{Block, Image, Run};

use crate::browser::config::feed_url;
use crate::logic::{meta_lines, routes};
use crate::strings;
use crate::ui::components::later::Later;

/// Blocks drawn at once while the app takes over a published article; the
/// rest follow a moment later (`Later`), below a phone's first screen.
const FIRST_BLOCKS: usize = 6;

#[component]
pub fn ArticleBody(mut blocks: Vec<Block>) -> impl IntoView {
    let rest = blocks.split_off(blocks.len().min(FIRST_BLOCKS));
    view! {
        <div class="article-body">
            {blocks.into_iter().map(render_block).collect_view()}
            {(!rest.is_empty()).then(|| view! {
                <Later>{rest.into_iter().map(render_block).collect_view()}</Later>
            })}
        </div>
    }
}

fn render_block(block: Block) -> AnyView {
    match block {
        Block::Paragraph { runs } => view! { <p>{runs.into_iter().map(render_run).collect_view()}</p> }.into_any(),
        Block::Heading { text, level } => match level {
            2 => view! { <h2>{text}</h2> }.into_any(),
            _ => view! { <h3>{text}</h3> }.into_any(),
        },
        Block::Image(image) => view! { <Figure image/> }.into_any(),
        Block::Quote { text, cite } => view! {
            <blockquote class="quote">
                <p>{text}</p>
                {cite.map(|c| view! { <footer>{c}</footer> })}
            </blockquote>
        }
        .into_any(),
        Block::List { ordered, items } => {
            let items = items.into_iter().map(|i| view! { <li>{i}</li> }).collect_view();
            if ordered {
                view! { <ol>{items}</ol> }.into_any()
            } else {
                view! { <ul>{items}</ul> }.into_any()
            }
        }
        Block::Table { caption, header, rows } => {
            let label = caption.clone().unwrap_or_else(|| strings::TABLE.to_string());
            view! {
            // Wide tables scroll sideways on a phone instead of breaking the page.
            <div class="table-scroll" tabindex="0" role="region" aria-label=label>
                <table>
                    {caption.map(|c| view! { <caption>{c}</caption> })}
                    {(!header.is_empty()).then(|| view! {
                        <thead><tr>{header.into_iter().map(|h| view! { <th scope="col">{h}</th> }).collect_view()}</tr></thead>
                    })}
                    <tbody>
                        {rows.into_iter().map(|row| view! {
                            <tr>{row.into_iter().map(|cell| view! { <td>{cell}</td> }).collect_view()}</tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
            }
            .into_any()
        }
        Block::Gallery { caption, images } => view! {
            <figure class="gallery">
                <div class="gallery__grid">
                    {images.into_iter().map(|image| view! { <Figure image/> }).collect_view()}
                </div>
                {caption.map(|c| view! { <figcaption>{c}</figcaption> })}
            </figure>
        }
        .into_any(),
        Block::Attachment { document, title } => view! {
            <p class="attachment">
                <span class="attachment__label">{strings::ATTACHMENT}</span>
                <A href=routes::document(&document)>{title.unwrap_or_else(|| strings::OPEN_DOCUMENT.to_string())}</A>
            </p>
        }
        .into_any(),
        Block::Video { url, poster, title, duration } => {
            let label = title.clone().unwrap_or_else(|| strings::WATCH_VIDEO.to_string());
            let length = duration.map(|s| format!("{}:{:02}", s / 60, s % 60));
            view! {
                <figure class="video">
                    <a class="video__link" href=url rel="noopener" target="_blank">
                        // The link is named by its text; the poster by its alt, or its caption.
                        <img src=feed_url(&poster.src) alt=bantin_format::alt::img_alt(&poster, false) loading="lazy" decoding="async"
                            width=poster.width.unwrap_or(640) height=poster.height.unwrap_or(360)/>
                        <span class="video__play">{strings::WATCH_VIDEO}</span>
                    </a>
                    <figcaption><span>{label}</span>{length.map(|l| format!(" ({l})"))}</figcaption>
                </figure>
            }
            .into_any()
        }
    }
}

fn render_run(run: Run) -> AnyView {
    let Run {
        text,
        bold,
        italic,
        link,
    } = run;
    // An empty run (the format allows it) shows nothing: above all no
    // empty link, which a screen reader would announce without a name.
    if bantin_format::text::is_blank(&text) {
        return text.into_any();
    }
    let inner = match (bold, italic) {
        (true, true) => view! { <strong><em>{text}</em></strong> }.into_any(),
        (true, false) => view! { <strong>{text}</strong> }.into_any(),
        (false, true) => view! { <em>{text}</em> }.into_any(),
        (false, false) => view! { <span>{text}</span> }.into_any(),
    };
    match link {
        // Links inside the app stay in the app; others open outside it.
        Some(href) if href.starts_with('/') => view! { <A href=href>{inner}</A> }.into_any(),
        Some(href) => view! { <a href=feed_url(&href) rel="noopener">{inner}</a> }.into_any(),
        None => inner,
    }
}

/// A picture with its caption and credit.
#[component]
pub fn Figure(image: Image) -> impl IntoView {
    // A caption drawn beside the picture names the figure; the picture
    // then adds its own alt only when it has a usable one.
    let caption_shown = bantin_format::alt::caption(&image).is_some();
    let alt = bantin_format::alt::img_alt(&image, caption_shown);
    let Image {
        src,
        caption,
        credit,
        width,
        height,
        ..
    } = image;
    view! {
        <figure class="figure">
            <img src=feed_url(&src) alt=alt loading="lazy" decoding="async"
                width=width.unwrap_or(800) height=height.unwrap_or(450)/>
            {(caption.is_some() || credit.is_some()).then(|| view! {
                <figcaption>
                    {caption.map(|c| view! { <span>{c}</span> })}
                    {credit.map(|c| {
                        let label = meta_lines::credit_needs_label(&c)
                            .then(|| format!("{} ", strings::PHOTO_CREDIT));
                        view! {
                            <span class="figure__credit">" ("{label}<span>{c}</span>")"</span>
                        }
                    })}
                </figcaption>
            })}
        </figure>
    }
}
