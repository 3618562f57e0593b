//! `/kiosk`: the full-screen board for a lobby screen left alone for weeks.
//! Rotating stories with a QR code each, a clock, today's and tomorrow's
//! calendar, the newest documents; a tap opens a story in large type and
//! the screen comes back to the rotation by itself. What to show is decided
//! in `kiosk.rs`; this file draws it and keeps the timers.

use crate::browser::loaders;
use std::time::Duration;

use leptos::ev;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use wasm_bindgen::JsCast;

use bantin_format::display;
use bantin_format::model::{ArticleSummary, EntryStatus};

use crate::browser::clock::{self, every};
use crate::browser::config::app_base;
use crate::browser::config::feed_url;
use crate::browser::dom;
use crate::browser::state::use_feed;
use crate::logic::board::{self, Settings};
use crate::logic::offline_plan;
use crate::logic::qr::QrCode;
use crate::logic::routes;
use crate::logic::schedule::{self, Timing};
use crate::strings;
use crate::ui::components::article_body::ArticleBody;
use crate::ui::components::feed_notice::{Failed, Loading};
use crate::ui::components::page_title::PageTitle;

/// After this long without a mouse move, the cursor hides.
const CURSOR_IDLE_MS: f64 = 3000.0;

/// Runs `f` every `every` while the page is shown.
#[component]
pub fn KioskPage() -> impl IntoView {
    let query = use_query_map();
    let settings = Settings::from_query(|k| query.read_untracked().get(k), dom::decimal);
    let feed = use_feed();

    let now = RwSignal::new(clock::now_ms());
    let last_touch = RwSignal::new(clock::now_ms());
    let last_move = RwSignal::new(clock::now_ms());
    let reading = RwSignal::new(None::<ArticleSummary>);
    let position = RwSignal::new(0usize);
    let rotations = RwSignal::new(0u64);
    let refreshes = RwSignal::new(0u64);

    let stories = Memo::new(move |_| {
        feed.index
            .with(|i| i.as_ref().map(|i| board::stories(i)))
            .unwrap_or_default()
    });
    // A new feed keeps the story on screen where it can (no jump, no flicker).
    Effect::new(move |prev: Option<Option<String>>| {
        let list = stories.get();
        let old_id = prev.flatten();
        let pos = board::keep_position(old_id.as_deref(), position.get_untracked(), &list);
        position.set(pos);
        list.get(pos).map(|a| a.id.clone())
    });

    // The clock, the idle return and the hidden cursor: one tick a second.
    every(Duration::from_secs(1), move || {
        let t = clock::now_ms();
        now.set(t);
        if reading.with_untracked(Option::is_some)
            && t - last_touch.get_untracked() > settings.idle_ms()
        {
            reading.set(None);
        }
    });
    every(Duration::from_millis(settings.rotate_ms()), move || {
        if reading.with_untracked(Option::is_none) {
            let n = stories.with_untracked(Vec::len).max(1);
            position.update(|p| *p = (*p + 1) % n);
            rotations.update(|r| *r += 1);
        }
    });
    every(Duration::from_millis(settings.refresh_ms()), move || {
        feed.refresh();
        refreshes.update(|r| *r += 1);
    });

    // A touch, a key or a click keeps the reading view open.
    let touched = move || {
        let t = clock::now_ms();
        last_touch.set(t);
        last_move.set(t);
    };
    let handles = [
        window_event_listener(ev::pointerdown, move |_| touched()),
        window_event_listener(ev::keydown, move |_| touched()),
        window_event_listener(ev::pointermove, move |_| last_move.set(clock::now_ms())),
        window_event_listener(ev::visibilitychange, |_| dom::request_wake_lock()),
    ];
    on_cleanup(move || handles.into_iter().for_each(|h| h.remove()));
    dom::request_wake_lock();

    let cursor_idle = move || now.get() - last_move.get() > CURSOR_IDLE_MS;
    // No link leaves the kiosk, and no long-press menu opens.
    let stay = |e: ev::MouseEvent| {
        let in_link = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|el| el.closest("a").ok().flatten())
            .is_some();
        if in_link {
            e.prevent_default();
        }
    };

    view! {
        <PageTitle text=strings::HEADING_KIOSK.to_string()/>
        <div
            class="kiosk"
            class:kiosk--cursor-idle=cursor_idle
            data-rotations=move || rotations.get().to_string()
            data-refreshes=move || refreshes.get().to_string()
            on:click=stay
            on:contextmenu=|e| e.prevent_default()
        >
            <KioskHeader now=now/>
            {move || match reading.get() {
                Some(story) => view! { <KioskReader story=story on_close=move || reading.set(None)/> }.into_any(),
                None => view! {
                    <div class="kiosk__board">
                        <Rotation stories=stories position=position settings=settings on_open=move |a| {
                            touched();
                            reading.set(Some(a));
                        }/>
                        <Agenda now=now/>
                    </div>
                }.into_any(),
            }}
            <KioskFooter/>
        </div>
    }
}

#[component]
fn KioskHeader(now: RwSignal<f64>) -> impl IntoView {
    let feed = use_feed();
    let site = move || feed.index.with(|i| i.as_ref().map(|i| i.site.clone()));
    let clock = Memo::new(move |_| board::clock(now.get()));
    view! {
        <header class="kiosk__header">
            {move || site().map(|s| view! {
                {s.logo.map(|l| view! { <img class="kiosk__logo" src=feed_url(&l.src) alt=bantin_format::alt::img_alt(&l, false)/> })}
                <div class="kiosk__name">
                    <p class="kiosk__department">{s.department}</p>
                    <h1 class="kiosk__site">{s.name}</h1>
                </div>
            })}
            <div class="kiosk__clock" aria-live="off">
                <p class="kiosk__time">{move || clock.get().1}</p>
                <p class="kiosk__date">{move || clock.get().0}</p>
            </div>
        </header>
    }
}

#[component]
fn Rotation(
    stories: Memo<Vec<ArticleSummary>>,
    position: RwSignal<usize>,
    settings: Settings,
    #[prop(into)] on_open: Callback<ArticleSummary>,
) -> impl IntoView {
    let feed = use_feed();
    let current = move || stories.with(|s| s.get(position.get()).cloned());
    // The dots are redrawn only when their number changes, not on every
    // refresh of the feed (redrawing them leaked their class closures).
    let count = Memo::new(move |_| stories.with(Vec::len));
    view! {
        <section class="kiosk__stories" aria-roledescription="carousel" aria-label=strings::HEADING_KIOSK>
            {move || match current() {
                None if feed.index.with(Option::is_none) => view! { <FeedNoticeOrLoading/> }.into_any(),
                None => view! { <p class="kiosk__empty">{strings::KIOSK_NO_STORIES}</p> }.into_any(),
                Some(story) => view! { <Story story=story on_open=on_open/> }.into_any(),
            }}
            <div class="kiosk__progress">
                // A new bar per story restarts its animation.
                {move || {
                    position.track();
                    view! { <span class="kiosk__bar" style:animation-duration=format!("{}ms", settings.rotate_ms())></span> }
                }}
            </div>
            <ol class="kiosk__dots" aria-label=move || format!(
                "{} {}/{}", strings::KIOSK_STORY, position.get() + 1, count.get()
            )>
                {move || (0..count.get()).map(|i| view! {
                    <li class:active=move || position.get() == i></li>
                }).collect_view()}
            </ol>
        </section>
    }
}

#[component]
fn FeedNoticeOrLoading() -> impl IntoView {
    let feed = use_feed();
    move || match feed.error.get() {
        Some(e) => {
            view! { <Failed message=e.message() on_retry=move || feed.refresh()/> }.into_any()
        }
        None => view! { <Loading/> }.into_any(),
    }
}

/// The address of a story, for visitors' phones.
fn story_url(slug: &str) -> String {
    let origin = window().location().origin().unwrap_or_default();
    routes::absolute(&origin, &app_base(), &routes::article(slug))
}

#[component]
fn Story(story: ArticleSummary, #[prop(into)] on_open: Callback<ArticleSummary>) -> impl IntoView {
    let url = story_url(&story.slug);
    let qr = QrCode::encode(&url);
    let open = story.clone();
    view! {
        <article class="kiosk__story" data-story=story.id.clone()>
            <button type="button" class="kiosk__open" on:click=move |_| on_open.run(open.clone())>
                {story.cover.clone().map(|c| view! {
                    <img class="kiosk__image" src=feed_url(&c.src) alt=bantin_format::alt::img_alt(&c, false)/>
                })}
                <span class="kiosk__text">
                    <span class="kiosk__title">{story.title.clone()}</span>
                    <span class="kiosk__sapo">{story.sapo.clone()}</span>
                    <span class="kiosk__hint">{strings::KIOSK_TAP_HINT}</span>
                </span>
            </button>
            {qr.map(|q| view! {
                <figure class="kiosk__qr">
                    <svg viewBox=q.view_box(4) role="img" aria-label=strings::KIOSK_QR_LABEL data-url=url.clone()
                        shape-rendering="crispEdges">
                        <rect width="100%" height="100%" fill="#fff"/>
                        <path d=q.to_svg_path(4) fill="#000"/>
                    </svg>
                    <figcaption>{strings::KIOSK_QR_CAPTION}</figcaption>
                </figure>
            })}
        </article>
    }
}

#[component]
fn Agenda(now: RwSignal<f64>) -> impl IntoView {
    let feed = use_feed();
    // Recomputed once a minute, so now/next move on as the day goes.
    let minute = Memo::new(move |_| (now.get() / 60_000.0).floor());
    let days = move || {
        let at = minute.get() * 60_000.0;
        feed.index
            .with(|i| i.as_ref().map(|i| board::agenda(i, at)))
    };
    view! {
        <section class="kiosk__agenda" aria-labelledby="kiosk-lich">
            <h2 id="kiosk-lich">{strings::HEADING_CALENDAR}</h2>
            {move || days().map(|[today, tomorrow]| {
                [(strings::TODAY, today), (strings::KIOSK_TOMORROW, tomorrow)].into_iter().map(|(label, day)| view! {
                    <div class="kiosk__day">
                        <h3>{label}" · "{display::date_with_weekday(day.date)}</h3>
                        {if day.slots.is_empty() {
                            view! { <p class="kiosk__none">{strings::KIOSK_NO_ENTRIES}</p> }.into_any()
                        } else {
                            view! {
                                <ul>
                                    {day.slots.into_iter().map(|s| {
                                        let badge = match (s.timing, s.entry.status) {
                                            (_, EntryStatus::Cancelled) => Some(("badge", strings::CANCELLED)),
                                            (Timing::Now, _) => Some(("badge", strings::NOW)),
                                            (Timing::Next, _) => Some(("badge", strings::NEXT)),
                                            (Timing::Past, _) => Some(("badge badge--past", strings::PAST)),
                                            (_, EntryStatus::Changed) => Some(("badge", strings::CHANGED)),
                                            _ => None,
                                        };
                                        view! {
                                            <li class:is-now=s.timing == Timing::Now
                                                class:is-next=s.timing == Timing::Next
                                                class:is-past=s.timing == Timing::Past
                                                class:cancelled=s.entry.status == EntryStatus::Cancelled>
                                                <span class="kiosk__when">{schedule::when(&s.entry)}</span>
                                                {badge.map(|(class, b)| view! { <span class=class>{b}</span> })}
                                                <span class="kiosk__what">{s.entry.content.clone()}</span>
                                                {s.entry.location.clone().map(|l| view! { <span class="kiosk__where">{l}</span> })}
                                            </li>
                                        }
                                    }).collect_view()}
                                </ul>
                            }.into_any()
                        }}
                    </div>
                }).collect_view()
            })}
        </section>
    }
}

#[component]
fn KioskFooter() -> impl IntoView {
    let feed = use_feed();
    let docs = move || {
        feed.index
            .with(|i| i.as_ref().map(|i| i.documents.latest.clone()))
            .unwrap_or_default()
    };
    // "Cập nhật lúc 08:05": the stored copy's time when offline.
    let updated = move || {
        let stored = feed.stored_at.get();
        let label = match &stored {
            Some(stamp) => offline_plan::fetched_label(stamp),
            None => feed.checked_at.get().map(|ms| {
                let t = bantin_format::datetime::LocalTime::vietnam_from_millis(ms);
                display::clock(t)
            }),
        }?;
        let time = label.split(' ').next().unwrap_or_default().to_string();
        let suffix = stored.map(|_| format!(" · {}", strings::KIOSK_OFFLINE));
        Some(format!(
            "{} {time}{}",
            strings::KIOSK_UPDATED,
            suffix.unwrap_or_default()
        ))
    };
    view! {
        <footer class="kiosk__footer">
            <section class="kiosk__docs" aria-labelledby="kiosk-van-ban">
                <h2 id="kiosk-van-ban">{strings::NEW_DOCUMENTS}</h2>
                <ul>
                    {move || docs().into_iter().take(4).map(|d| view! {
                        <li><strong>{d.number}</strong>" "<span>{d.summary}</span></li>
                    }).collect_view()}
                </ul>
            </section>
            <p class="kiosk__updated" class:offline=move || feed.stored_at.with(Option::is_some)>{updated}</p>
        </footer>
    }
}

/// A story in large type, with a way back; the idle timer also brings the
/// screen back.
#[component]
fn KioskReader(story: ArticleSummary, #[prop(into)] on_close: Callback<()>) -> impl IntoView {
    let slug = story.slug.clone();
    let article = LocalResource::new(move || {
        let slug = slug.clone();
        async move { loaders::load_article(&slug).await }
    });
    view! {
        <div class="kiosk__reader">
            <button type="button" class="button kiosk__back" on:click=move |_| on_close.run(())>
                {strings::KIOSK_BACK}
            </button>
            <article class="kiosk__article">
                <h2 class="kiosk__article-title">{story.title.clone()}</h2>
                <p class="kiosk__article-sapo">{story.sapo.clone()}</p>
                {move || match article.get() {
                    None => view! { <Loading/> }.into_any(),
                    Some(Ok(a)) => view! { <ArticleBody blocks=a.body/> }.into_any(),
                    Some(Err(e)) => view! { <Failed message=e.message() on_retry=move || article.refetch()/> }.into_any(),
                }}
            </article>
        </div>
    }
}
