//! The reader's tools above an article: text size (remembered across pages
//! and visits), print, share, send by e-mail, and save for reading offline.

use bantin_format::model::Article;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::browser::config::app_base;
use crate::browser::dom::{self, Shared};
use crate::logic::prefs::{
    self, DEFAULT_TEXT_STEP, TEXT_SIZE_ATTRIBUTE, TEXT_SIZE_KEY, TEXT_STEPS,
};
use crate::logic::routes;
use crate::strings;
use crate::ui::components::save_button::SaveButton;

/// The stored step, applied to the page. Called once at start-up too, so a
/// returning reader's size holds before any article opens; public/prefs.js
/// has applied the same before the first paint (`logic::prefs`).
pub fn restore_text_size() -> usize {
    let step = prefs::text_step(dom::load_pref(TEXT_SIZE_KEY).as_deref());
    dom::set_root_data(TEXT_SIZE_ATTRIBUTE, &step.to_string());
    step
}

fn apply(step: usize) {
    dom::set_root_data(TEXT_SIZE_ATTRIBUTE, &step.to_string());
    dom::save_pref(TEXT_SIZE_KEY, &step.to_string());
}

#[component]
pub fn ReadingTools(article: Article) -> impl IntoView {
    let title = article.summary.title.clone();
    let slug = article.summary.slug.clone();
    // The story's app path, for the e-mail's link.
    let path = routes::article(&slug);
    // Natively (a published page) the origin is unknown: the link then
    // holds the path alone, and the app's drawing gives it the whole address.
    let mail = routes::mail(
        &title,
        &routes::absolute(&dom::origin(), &app_base(), &path),
    );
    let step = RwSignal::new(restore_text_size());
    let set = move |s: usize| {
        step.set(s);
        apply(s);
    };
    let shared = RwSignal::new(None::<Shared>);
    let share = move |_| {
        let title = title.clone();
        spawn_local(async move {
            shared.set(Some(dom::share(&title, &dom::current_url()).await));
        });
    };
    view! {
        <div class="reading-tools" role="group" aria-label=strings::TEXT_SIZE>
            <span class="reading-tools__label" aria-hidden="true">{strings::TEXT_SIZE}</span>
            <button type="button" class="tool" aria-label=strings::TEXT_SMALLER
                disabled=move || step.get() == 0
                on:click=move |_| set(step.get().saturating_sub(1))>"A−"</button>
            <button type="button" class="tool" aria-label=strings::TEXT_RESET
                aria-pressed=move || (step.get() == DEFAULT_TEXT_STEP).to_string()
                on:click=move |_| set(DEFAULT_TEXT_STEP)>"A"</button>
            <button type="button" class="tool" aria-label=strings::TEXT_LARGER
                disabled=move || { step.get() + 1 >= TEXT_STEPS }
                on:click=move |_| set((step.get() + 1).min(TEXT_STEPS - 1))>"A+"</button>
            <button type="button" class="tool tool--wide" on:click=|_| dom::print()>{strings::PRINT}</button>
            <button type="button" class="tool tool--wide" on:click=share>{strings::SHARE}</button>
            <a class="tool tool--wide" href=mail>{strings::SEND_MAIL}</a>
            <SaveButton slug=slug article=article/>
            <span class="reading-tools__status" role="status">
                {move || match shared.get() {
                    Some(Shared::Copied) => strings::LINK_COPIED,
                    Some(Shared::Failed) => strings::COPY_FAILED,
                    _ => "",
                }}
            </span>
        </div>
    }
}
