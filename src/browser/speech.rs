//! The browser's speech synthesis (Web Speech API), reached through
//! `js_sys::Reflect` so a browser without it degrades to "not available":
//! its voices (`logic::listen::Voice`), and one utterance at a time with
//! the Vietnamese language set and the chosen voice. `logic::listen`
//! decides what is read and by which voice.

use js_sys::{Array, Function, Reflect};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

use crate::browser::dom;
use crate::logic::listen::{Voice, LANG};

fn synth() -> Option<JsValue> {
    let w = dom::window()?;
    let s = Reflect::get(&w, &"speechSynthesis".into()).ok()?;
    (!s.is_undefined() && !s.is_null()).then_some(s)
}

fn call(target: &JsValue, name: &str, args: &Array) -> Option<JsValue> {
    let f = Reflect::get(target, &name.into())
        .ok()?
        .dyn_into::<Function>()
        .ok()?;
    f.apply(target, args).ok()
}

fn text(v: &JsValue, key: &str) -> String {
    Reflect::get(v, &key.into())
        .ok()
        .and_then(|x| x.as_string())
        .unwrap_or_default()
}

fn flag(v: &JsValue, key: &str) -> bool {
    Reflect::get(v, &key.into())
        .ok()
        .and_then(|x| x.as_bool())
        .unwrap_or(false)
}

/// Whether the browser has speech synthesis at all.
pub fn available() -> bool {
    synth().is_some()
}

/// The browser's voices as it lists them now (often empty until its
/// `voiceschanged` event), with their JavaScript objects.
pub fn voices() -> Vec<(Voice, JsValue)> {
    let Some(s) = synth() else { return Vec::new() };
    let Some(list) = call(&s, "getVoices", &Array::new()) else {
        return Vec::new();
    };
    Array::from(&list)
        .iter()
        .map(|v| {
            (
                Voice {
                    name: text(&v, "name"),
                    lang: text(&v, "lang"),
                    local: flag(&v, "localService"),
                    default: flag(&v, "default"),
                },
                v,
            )
        })
        .collect()
}

/// Runs `f` when the browser's list of voices changes (it loads them
/// late). The listener lives as long as the page.
pub fn on_voices_changed(f: impl FnMut() + 'static) {
    if let Some(s) = synth() {
        let closure = Closure::<dyn FnMut()>::new(f);
        let args = Array::of2(&"voiceschanged".into(), closure.as_ref());
        let _ = call(&s, "addEventListener", &args);
        closure.forget();
    }
}

/// Reads `text` aloud with `voice` at `rate`, in Vietnamese; `done` runs
/// when it ends, is cancelled or fails (with whether it ended normally).
/// Anything being read is cancelled first.
pub fn speak(text: &str, voice: &JsValue, rate: f64, done: impl FnOnce(bool) + 'static) -> bool {
    let Some(s) = synth() else { return false };
    cancel();
    let Some(ctor) = dom::window()
        .and_then(|w| Reflect::get(&w, &"SpeechSynthesisUtterance".into()).ok())
        .and_then(|c| c.dyn_into::<Function>().ok())
    else {
        return false;
    };
    let Ok(utterance) = Reflect::construct(&ctor, &Array::of1(&text.into())) else {
        return false;
    };
    let _ = Reflect::set(&utterance, &"lang".into(), &LANG.into());
    let _ = Reflect::set(&utterance, &"voice".into(), voice);
    let _ = Reflect::set(&utterance, &"rate".into(), &rate.into());
    let done = std::rc::Rc::new(std::cell::RefCell::new(Some(done)));
    for (event, ok) in [("onend", true), ("onerror", false)] {
        let done = done.clone();
        let handler = Closure::once_into_js(move |_: JsValue| {
            if let Some(f) = done.borrow_mut().take() {
                f(ok);
            }
        });
        let _ = Reflect::set(&utterance, &event.into(), &handler);
    }
    call(&s, "speak", &Array::of1(&utterance)).is_some()
}

/// Stops reading (and forgets what was queued).
pub fn cancel() {
    if let Some(s) = synth() {
        let _ = call(&s, "cancel", &Array::new());
    }
}
