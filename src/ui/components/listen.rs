//! "Nghe bài viết": the article read aloud. A button opens the player
//! (the same button in a published page and in the app, so the takeover
//! moves nothing). With the feed's recording, an `<audio>` element with
//! the browser's own controls and a speed choice; otherwise the device's
//! Vietnamese voice reads part by part (`logic::listen`,
//! `browser::speech`), with pause, resume, the part before and after, stop
//! and the speed; the part being read is marked and kept in view. Leaving
//! the page stops it. Without a Vietnamese voice the player says so:
//! nothing is read with another language's voice.

use bantin_format::model::{Article, Audio};
use leptos::prelude::*;

use crate::browser::config::feed_url;
use crate::browser::{dom, speech};
use crate::logic::listen::{self, Part, Place, Reading, State, DEFAULT_RATE, RATES};
use crate::strings;

#[component]
pub fn Listen(article: Article) -> impl IntoView {
    let open = RwSignal::new(false);
    let article = StoredValue::new(article);
    view! {
        <div class="listen">
            <button type="button" class="tool tool--wide listen__open"
                aria-expanded=move || open.get().to_string() aria-controls="nghe-bai"
                on:click=move |_| open.update(|o| *o = !*o)>{strings::LISTEN}</button>
            <div id="nghe-bai" class="listen__panel" hidden=move || !open.get()>
                {move || open.get().then(|| match article.with_value(|a| a.audio.clone()) {
                    Some(audio) => view! { <Recording audio/> }.into_any(),
                    None => view! { <Speech parts=article.with_value(listen::parts)/> }.into_any(),
                })}
            </div>
        </div>
    }
}

/// The speed choice, one button per speed (pressed: the one in use).
#[component]
fn Speeds(rate: RwSignal<usize>) -> impl IntoView {
    view! {
        <div class="listen__speeds" role="group" aria-label=strings::LISTEN_SPEED>
            <span class="listen__label" aria-hidden="true">{strings::LISTEN_SPEED}</span>
            {RATES.iter().enumerate().map(|(i, r)| view! {
                <button type="button" class="tool" aria-pressed=move || (rate.get() == i).to_string()
                    on:click=move |_| rate.set(i)>{listen::rate_label(*r)}</button>
            }).collect_view()}
        </div>
    }
}

#[component]
fn Recording(audio: Audio) -> impl IntoView {
    let rate = RwSignal::new(DEFAULT_RATE);
    let player = NodeRef::<leptos::html::Audio>::new();
    Effect::new(move |_| {
        let r = RATES[rate.get()];
        if let Some(a) = player.get() {
            dom::set_number(&a, "playbackRate", r);
        }
    });
    let voice = audio.voice.clone();
    let duration = audio.duration.map(listen::duration_label);
    view! {
        <audio class="listen__audio" node_ref=player controls="" preload="metadata"
            aria-label=strings::LISTEN_RECORDING>
            <source src=feed_url(&audio.url) type=audio.media_type.clone()/>
        </audio>
        <p class="listen__about">
            {voice.map(|v| view! { <span>{format!("{}: ", strings::LISTEN_VOICE)}</span><span>{v}</span> })}
            {duration.map(|d| view! { <span>{format!(" · {}: {d}", strings::LISTEN_DURATION)}</span> })}
        </p>
        <Speeds rate/>
    }
}

/// The page element of a part.
fn selector(place: &Place) -> String {
    match place {
        Place::Title => ".article__title".to_string(),
        Place::Sapo => ".article__sapo".to_string(),
        Place::Block(i) => format!(".article-body > :nth-child({})", i + 1),
    }
}

/// Reads the part `reading` is at with `voice`; at its end, the next one.
/// An utterance's end counts only if it is still the one `turn` says.
fn say(
    parts: StoredValue<Vec<Part>>,
    reading: RwSignal<Reading>,
    rate: RwSignal<usize>,
    voice: RwSignal<Option<String>>,
    turn: StoredValue<u64>,
) {
    let r = reading.get_untracked();
    if r.state != State::Playing {
        return;
    }
    let Some(part) = parts.with_value(|p| p.get(r.at).cloned()) else {
        reading.set(Reading::default());
        return;
    };
    let Some(name) = voice.get_untracked() else {
        return;
    };
    let Some((_, js)) = speech::voices().into_iter().find(|(v, _)| v.name == name) else {
        return;
    };
    dom::mark_reading(Some(&selector(&part.place)));
    turn.update_value(|t| *t += 1);
    let mine = turn.get_value();
    let len = parts.with_value(Vec::len);
    speech::speak(&part.text, &js, RATES[rate.get_untracked()], move |ended| {
        if turn.get_value() != mine || !ended {
            return;
        }
        reading.update(|r| *r = r.finished(len));
        if reading.get_untracked().state == State::Stopped {
            dom::mark_reading(None);
        }
        say(parts, reading, rate, voice, turn);
    });
}

#[component]
fn Speech(parts: Vec<Part>) -> impl IntoView {
    let len = parts.len();
    let parts = StoredValue::new(parts);
    let voice = RwSignal::new(None::<String>);
    let find_voice = move || {
        let list: Vec<listen::Voice> = speech::voices().into_iter().map(|(v, _)| v).collect();
        voice.set(listen::pick_voice(&list).map(|i| list[i].name.clone()));
    };
    find_voice();
    speech::on_voices_changed(find_voice);
    let reading = RwSignal::new(Reading::default());
    let rate = RwSignal::new(DEFAULT_RATE);
    let turn = StoredValue::new(0u64);
    let go = move |next: Reading| {
        reading.set(next);
        turn.update_value(|t| *t += 1);
        match next.state {
            State::Playing => say(parts, reading, rate, voice, turn),
            State::Paused => speech::cancel(),
            State::Stopped => {
                speech::cancel();
                dom::mark_reading(None);
            }
        }
    };
    // Opening the player starts reading, once a voice is known.
    Effect::new(move |started: Option<bool>| {
        let has = voice.get().is_some();
        if has && started != Some(true) {
            go(Reading::default().play());
        }
        has || started == Some(true)
    });
    // A new speed applies from the part being read, read again.
    Effect::new(move |previous: Option<usize>| {
        let r = rate.get();
        if previous.is_some() && reading.get_untracked().state == State::Playing {
            go(reading.get_untracked());
        }
        r
    });
    // Closing the player or leaving the page stops the reading.
    on_cleanup(move || {
        speech::cancel();
        dom::mark_reading(None);
    });
    if let Some(w) = dom::window() {
        dom::listen(&w, "pagehide", speech::cancel);
    }
    let status = move || {
        let r = reading.get();
        match r.state {
            State::Stopped => String::new(),
            State::Playing => format!("{} {}/{len}", strings::LISTEN_READING, r.at + 1),
            State::Paused => format!("{} {}/{len}", strings::LISTEN_PAUSED, r.at + 1),
        }
    };
    let stopped = move || reading.get().state == State::Stopped;
    view! {
        {move || match voice.get() {
            None => view! { <p class="listen__none">{strings::LISTEN_NO_VOICE}</p> }.into_any(),
            Some(name) => view! {
                <div class="listen__controls" role="group" aria-label=strings::LISTEN>
                    {move || match reading.get().state {
                        State::Playing => view! {
                            <button type="button" class="tool tool--wide" on:click=move |_| go(reading.get_untracked().pause())>{strings::LISTEN_PAUSE}</button>
                        }.into_any(),
                        State::Paused => view! {
                            <button type="button" class="tool tool--wide" on:click=move |_| go(reading.get_untracked().play())>{strings::LISTEN_RESUME}</button>
                        }.into_any(),
                        State::Stopped => view! {
                            <button type="button" class="tool tool--wide" on:click=move |_| go(reading.get_untracked().play())>{strings::LISTEN_PLAY}</button>
                        }.into_any(),
                    }}
                    <button type="button" class="tool tool--wide" disabled=stopped
                        on:click=move |_| go(reading.get_untracked().previous())>{strings::LISTEN_PREVIOUS}</button>
                    <button type="button" class="tool tool--wide" disabled=stopped
                        on:click=move |_| go(reading.get_untracked().next(len))>{strings::LISTEN_NEXT}</button>
                    <button type="button" class="tool tool--wide" disabled=stopped
                        on:click=move |_| go(Reading::default())>{strings::LISTEN_STOP}</button>
                </div>
                <Speeds rate/>
                <p class="listen__about"><span>{format!("{}: ", strings::LISTEN_VOICE)}</span><span>{name}</span></p>
            }.into_any(),
        }}
        <p class="listen__status" role="status">{status}</p>
    }
}
