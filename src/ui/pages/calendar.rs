//! `/lich-cong-tac`: the working calendar, one ISO week at a time
//! (`?tuan=2026-W48`), as a table on wide screens and cards on phones,
//! with today, now and next marked, a filter, printing and .ics export.

use crate::browser::config::app_href;
use crate::browser::loaders;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use bantin_format::datetime::{Date, IsoWeek};
use bantin_format::display;
use bantin_format::model::{CalendarEntry, CalendarWeek, EntryStatus, Index};

use crate::browser::clock;
use crate::browser::dom;
use crate::browser::state::use_feed;
use crate::logic::ics::{self, IcsContext};
use crate::logic::routes;
use crate::logic::schedule::{self, Day, Timing};
use crate::strings;
use crate::ui::components::feed_notice::{Failed, Loading};
use crate::ui::components::later::Later;
use crate::ui::components::page_title::PageTitle;

const ICS_TYPE: &str = "text/calendar;charset=utf-8";

/// Downloads an .ics built from the current site's name.
fn offer_ics(file: String, text: String) {
    if dom::download_text(&file, ICS_TYPE, &text).is_err() {
        web_sys::console::error_1(&"bantin: could not offer the .ics download".into());
    }
}

/// The UID domain (this site's host) and the time stamp for an .ics file.
fn ics_context() -> (String, i64) {
    let host = crate::browser::dom::window()
        .and_then(|w| w.location().host().ok())
        .unwrap_or_default();
    (
        if host.is_empty() {
            "bantin".to_string()
        } else {
            host
        },
        (clock::now_ms() / 1000.0) as i64,
    )
}

/// The week `w` when the index embeds it.
fn embedded_week(index: &Index, w: &str) -> Option<CalendarWeek> {
    index
        .calendar
        .embedded
        .iter()
        .find(|x| x.week == w)
        .cloned()
}

#[component]
pub fn CalendarPage() -> impl IntoView {
    let feed = use_feed();
    let query = use_query_map();
    let now = clock::ticking(clock::MINUTE_TICK);
    let today = Memo::new(move |_| schedule::today(now.get()));
    let week = Memo::new(move |_| {
        schedule::week_from_query(query.read().get("tuan").as_deref(), today.get())
    });
    let filter = RwSignal::new(String::new());

    // The week's entries: from the index when it embeds them, else their own file.
    let data = LocalResource::new(move || {
        let w = week.get().to_string();
        let index = feed.index.get();
        async move {
            let index = index?;
            // (Shown from `ready`; nothing to fetch.)
            if let Some(found) = embedded_week(&index, &w) {
                return Some(Ok(Some(found)));
            }
            if !index.calendar.weeks.contains(&w) {
                return Some(Ok(None));
            }
            Some(loaders::load_week(&w).await.map(Some))
        }
    });

    // A week the index embeds (or the publish step has at hand) shows at
    // once; the resource confirms it.
    let at_hand = crate::browser::state::at_hand().week;
    let ready = Signal::derive(move || {
        let w = week.get().to_string();
        at_hand
            .as_ref()
            .filter(|x| x.week == w)
            .map(|x| x.as_ref().clone())
            .or_else(|| {
                feed.index
                    .with(|i| i.as_deref().and_then(|i| embedded_week(i, &w)))
            })
    });
    let current = move || match ready.get() {
        Some(w) => Some(Some(Ok(Some(w)))),
        None => data.get(),
    };

    let site_name = move || {
        feed.index
            .with(|i| i.as_ref().map(|i| i.site.name.clone()).unwrap_or_default())
    };
    let heading = move || schedule::week_heading(week.get());

    view! {
        <PageTitle text=strings::HEADING_CALENDAR.to_string()/>
        <div class="calendar">
            // Printed above the table only.
            <p class="print-only print-head">{site_name}</p>
            <h1>{strings::HEADING_CALENDAR}</h1>
            <h2 class="calendar__week">{heading}</h2>
            <p class="print-only">{move || format!("{} {}", strings::PRINTED_ON, display::date(today.get()))}</p>
            <nav class="week-nav" aria-label=strings::WEEK_NAV_LABEL>
                <WeekLink to=Signal::derive(move || week.get().previous()) shown=week>{strings::WEEK_PREVIOUS}</WeekLink>
                <WeekLink to=Signal::derive(move || today.get().iso_week()) shown=week>{strings::WEEK_CURRENT}</WeekLink>
                <WeekLink to=Signal::derive(move || week.get().next()) shown=week>{strings::WEEK_NEXT}</WeekLink>
            </nav>
            <div class="calendar__tools">
                <label class="filter">
                    <span class="sr-only">{strings::FILTER_LABEL}</span>
                    <input
                        type="search"
                        placeholder=strings::FILTER_PLACEHOLDER
                        prop:value=move || filter.get()
                        on:input=move |ev| filter.set(event_target_value(&ev))
                    />
                </label>
                <button type="button" class="tool tool--wide" on:click=|_| dom::print()>{strings::PRINT_WEEK}</button>
                {move || match current() {
                    Some(Some(Ok(Some(w)))) if !w.entries.is_empty() => {
                        let name = site_name();
                        Some(view! {
                            <button type="button" class="tool tool--wide" on:click=move |_| {
                                let (domain, now_unix) = ics_context();
                                let ctx = IcsContext { site_name: &name, uid_domain: &domain, now_unix };
                                offer_ics(ics::week_file_name(&w.week), ics::week_calendar(&w, &ctx));
                            }>{strings::DOWNLOAD_WEEK}</button>
                        })
                    }
                    _ => None,
                }}
            </div>
            {move || match current() {
                None | Some(None) => view! { <Loading/> }.into_any(),
                Some(Some(Err(e))) => view! {
                    <Failed message=e.message() on_retry=move || data.refetch()/>
                }
                .into_any(),
                Some(Some(Ok(None))) => view! { <p class="notice">{strings::WEEK_NOT_PUBLISHED}</p> }.into_any(),
                Some(Some(Ok(Some(w)))) => view! { <WeekView week=w today now filter site_name=Signal::derive(site_name)/> }.into_any(),
            }}
        </div>
    }
}

/// A link to the week `to`, marked current only when that is the week
/// shown. The router's `A` looks at the path alone, and all the week links
/// share it (`/lich-cong-tac?tuan=…`), so it would mark every one of them.
/// A plain `<a>` is followed in the app all the same: the router handles
/// clicks on any link inside its base.
#[component]
fn WeekLink(to: Signal<IsoWeek>, shown: Memo<IsoWeek>, children: Children) -> impl IntoView {
    view! {
        <a
            href=move || app_href(&routes::calendar_week(&to.get().to_string()))
            aria-current=move || (to.get() == shown.get()).then_some("page")
        >
            {children()}
        </a>
    }
}

/// One entry, with where it stands against the clock.
#[derive(Clone, PartialEq)]
struct Shown {
    entry: CalendarEntry,
    timing: Option<Timing>,
}

fn day_label(date: Date) -> String {
    display::date_with_weekday(date)
}

#[component]
fn WeekView(
    week: CalendarWeek,
    today: Memo<Date>,
    now: RwSignal<f64>,
    filter: RwSignal<String>,
    site_name: Signal<String>,
) -> impl IntoView {
    let days = schedule::days_of(&week);
    let is_current = IsoWeek::parse(&week.week) == Some(today.get_untracked().iso_week());
    let note = week.note.clone();

    // What to show: each day's entries that pass the filter, with timings for today.
    let shown = Memo::new(move |_| {
        let q = filter.get();
        let today = today.get();
        let now_unix = (now.get() / 1000.0) as i64;
        days.iter()
            .map(|Day { date, entries }| {
                let timings = if *date == today {
                    schedule::timings(entries, now_unix)
                } else {
                    Vec::new()
                };
                let list: Vec<Shown> = entries
                    .iter()
                    .enumerate()
                    .filter(|(_, e)| schedule::matches(e, &q))
                    .map(|(i, e)| Shown {
                        entry: e.clone(),
                        timing: timings.get(i).copied(),
                    })
                    .collect();
                (*date, list)
            })
            .collect::<Vec<_>>()
    });
    let filtering = move || !filter.with(|f| f.trim().is_empty());

    // On the current week, bring the entry on now (or next) into view once.
    // (Not while taking over a published page, which the reader may have
    // scrolled already.)
    if is_current && !crate::browser::takeover::under_way() {
        dom::next_frame(move || {
            let scope = if dom::is_narrow() {
                ".cal-cards"
            } else {
                ".cal-table"
            };
            dom::scroll_into_view(&format!("{scope} .is-now, {scope} .is-next"));
        });
    }

    let add = move |entry: CalendarEntry| {
        let name = site_name.get_untracked();
        let (domain, now_unix) = ics_context();
        let ctx = IcsContext {
            site_name: &name,
            uid_domain: &domain,
            now_unix,
        };
        offer_ics(
            ics::entry_file_name(&entry.id),
            ics::entry_calendar(&entry, &ctx),
        );
    };

    view! {
        {note.map(|n| view! { <p class="calendar__note">{n}</p> })}
        {move || (filtering() && shown.with(|s| s.iter().all(|(_, l)| l.is_empty())))
            .then(|| view! { <p class="notice">{strings::FILTER_NONE}</p> })}
        // Wide screens show the table, narrow ones the cards (CSS): while
        // the app takes over a published page, the table comes a task later.
        <Later>
        <div class="cal-table-wrap">
            <table class="cal-table">
                <thead>
                    <tr>
                        <th scope="col">{strings::COL_DAY}</th>
                        <th scope="col">{strings::COL_TIME}</th>
                        <th scope="col">{strings::COL_CONTENT}</th>
                        <th scope="col">{strings::COL_CHAIR}</th>
                        <th scope="col">{strings::COL_PARTICIPANTS}</th>
                        <th scope="col">{strings::COL_LOCATION}</th>
                        <th scope="col">{strings::COL_PREPARING}</th>
                        <th scope="col">{strings::COL_NOTE}</th>
                    </tr>
                </thead>
                {move || shown.get().into_iter().filter(|(_, list)| !(filtering() && list.is_empty())).map(|(date, list)| {
                    let is_today = date == today.get();
                    let day_cell = move |rows: usize| view! {
                        <th scope="rowgroup" rowspan=rows class="cal-day">
                            {display::weekday_name(date.weekday())}<br/>{format!("{:02}/{:02}", date.day, date.month)}
                            {is_today.then(|| view! { <span class="badge badge--today">{strings::TODAY}</span> })}
                        </th>
                    };
                    if list.is_empty() {
                        view! {
                            <tbody class="cal-group" class:is-today=is_today>
                                <tr>{day_cell(1)}<td colspan="7" class="cal-empty">{strings::DAY_EMPTY}</td></tr>
                            </tbody>
                        }.into_any()
                    } else {
                        let rows = list.len();
                        view! {
                            <tbody class="cal-group" class:is-today=is_today>
                                {list.into_iter().enumerate().map(|(i, s)| {
                                    let e = s.entry.clone();
                                    view! {
                                        <tr class=entry_classes(&s)>
                                            {(i == 0).then(|| day_cell(rows))}
                                            <td class="cal-time">{schedule::when(&e)}{schedule::session_detail(&e).map(|s| view! { <br/><small>{s}</small> })}</td>
                                            <td class="cal-content"><EntryContent shown=s.clone()/>
                                                <button type="button" class="link-button" on:click=move |_| add(e.clone())>{strings::ADD_TO_CALENDAR}</button>
                                            </td>
                                            <td>{s.entry.chair.clone()}</td>
                                            <td>{s.entry.participants.clone()}</td>
                                            <td>{s.entry.location.clone()}</td>
                                            <td>{s.entry.preparing_unit.clone()}</td>
                                            <td>{s.entry.note.clone()}</td>
                                        </tr>
                                    }
                                }).collect_view()}
                            </tbody>
                        }.into_any()
                    }
                }).collect_view()}
            </table>
        </div>
        </Later>
        <div class="cal-cards">
            {move || shown.get().into_iter().filter(|(_, list)| !(filtering() && list.is_empty())).map(|(date, list)| {
                let is_today = date == today.get();
                view! {
                    <section class="cal-day-group" class:is-today=is_today>
                        <h3>{day_label(date)}{is_today.then(|| view! { <span class="badge badge--today">{strings::TODAY}</span> })}</h3>
                        {if list.is_empty() {
                            view! { <p class="cal-empty">{strings::DAY_EMPTY}</p> }.into_any()
                        } else {
                            list.into_iter().map(|s| {
                                let e = s.entry.clone();
                                view! {
                                    <article class=format!("cal-card {}", entry_classes(&s))>
                                        <p class="cal-time">{schedule::when(&e)}{schedule::session_detail(&e).map(|s| format!(" · {s}"))}</p>
                                        <EntryContent shown=s.clone()/>
                                        <dl>
                                            {field(strings::COL_CHAIR, s.entry.chair.clone())}
                                            {field(strings::COL_PARTICIPANTS, s.entry.participants.clone())}
                                            {field(strings::COL_LOCATION, s.entry.location.clone())}
                                            {field(strings::COL_PREPARING, s.entry.preparing_unit.clone())}
                                            {field(strings::COL_NOTE, s.entry.note.clone())}
                                        </dl>
                                        <button type="button" class="link-button" on:click=move |_| add(e.clone())>{strings::ADD_TO_CALENDAR}</button>
                                    </article>
                                }
                            }).collect_view().into_any()
                        }}
                    </section>
                }
            }).collect_view()}
        </div>
    }
}

fn field(label: &'static str, value: Option<String>) -> Option<impl IntoView> {
    value.map(|v| view! { <dt>{label}</dt><dd>{v}</dd> })
}

fn entry_classes(s: &Shown) -> String {
    let mut c = vec!["cal-entry"];
    match s.timing {
        Some(Timing::Now) => c.push("is-now"),
        Some(Timing::Next) => c.push("is-next"),
        Some(Timing::Past) => c.push("is-past"),
        _ => {}
    }
    if s.entry.emphasis {
        c.push("is-emphasis");
    }
    match s.entry.status {
        EntryStatus::Cancelled => c.push("is-cancelled"),
        EntryStatus::Changed => c.push("is-changed"),
        EntryStatus::Scheduled => {}
    }
    c.join(" ")
}

/// The entry's content with its markers: now/next, changed, cancelled.
#[component]
fn EntryContent(shown: Shown) -> impl IntoView {
    let e = shown.entry;
    let marker = match shown.timing {
        Some(Timing::Now) => Some(("badge badge--now", strings::NOW)),
        Some(Timing::Next) => Some(("badge badge--now", strings::NEXT)),
        Some(Timing::Past) => Some(("badge badge--past", strings::PAST)),
        _ => None,
    };
    let status = match e.status {
        EntryStatus::Cancelled => Some(strings::CANCELLED_LABEL),
        EntryStatus::Changed => Some(strings::CHANGED_LABEL),
        EntryStatus::Scheduled => None,
    };
    view! {
        <p class="cal-what">
            {marker.map(|(class, m)| view! { <span class=class>{m}</span> " " })}
            {status.map(|m| view! { <span class="badge badge--status">{m}</span> " " })}
            <span class="cal-text">{e.content}</span>
        </p>
        {e.change.map(|c| view! { <p class="cal-change">{c}</p> })}
    }
}
