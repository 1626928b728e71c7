//! The timeline: one swimlane per theme, one bar per feature from its start to its end
//! month. Drag a bar to move it, drag an edge to resize it; on a focused bar ←/→ move it
//! by a month, Shift+←/→ change its end, Alt+←/→ its start.

use super::{edit_feature, month_label, with_product, AddFeature, RoadmapUi, Zoom};
use crate::model::numbers::fixed;
use crate::model::roadmap::{adjust, resized_end, resized_start, shifted, Edge, Window};
use crate::model::roadmap_lanes::{first_rows, lanes, Bar, Lane};
use crate::model::{Id, Month};
use crate::state::read_product;
use crate::state::{today, AppState};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

#[derive(Clone, Debug, PartialEq)]
struct Drag {
    id: Id,
    grip: Edge,
    x0: f64,
    px_per_month: f64,
    delta: i32,
}

/// Feature rows a print shows at least: print.css scales the timeline down to one
/// landscape page, and 60 rows still read there (200, tried, spilled onto three pages at
/// an unreadable scale). Rows drawn beyond these are printed too.
const PRINT_ROWS: usize = 60;

#[component]
pub(crate) fn Timeline() -> impl IntoView {
    let state = AppState::expect();
    let ui = RoadmapUi::expect();
    let drag = RwSignal::new(None::<Drag>);
    let lanes = Memo::new(move |_| {
        let filter = ui.filter.get();
        read_product(state, |p| lanes(p, &filter)).unwrap_or_default()
    });
    // Long roadmaps draw a page of feature rows at a time, lane by lane, and more as the
    // page scrolls (see `MoreRows`). Switching to the timeline with 200 rows took three
    // frames at 500 features.
    let limit = RwSignal::new(crate::components::more_rows::PAGE);
    let total =
        Signal::derive(move || lanes.with(|l| l.iter().map(|l| l.bars.len()).sum::<usize>()));
    let shown = Memo::new(move |_| {
        let (total, limit) = (total.get(), limit.get());
        let every = crate::components::more_rows::drawn(total, limit) == total;
        // Every lane, the empty ones too (a new theme waits for its features).
        lanes.with(|all| {
            if every {
                all.clone()
            } else {
                first_rows(all, limit)
            }
        })
    });
    let window = Memo::new(move |_| ui.window());
    let releases = Memo::new(move |_| {
        state.ws.track();
        let w = window.get();
        with_product(state, |p| {
            p.releases
                .iter()
                .filter_map(|r| Some((r.name.clone(), r.date.to_string(), w.offset_of(r.date)?)))
                .collect::<Vec<_>>()
        })
        .unwrap_or_default()
    });
    let today_offset = move || window.get().offset_of(today());
    view! {
        <div
            class="timeline"
            class:timeline--quarters=move || ui.zoom.get() == Zoom::Quarters
            style:--months=move || window.get().months.to_string()
            // Rows drawn (bars and lane heads): print.css scales a tall roadmap down to
            // one page with it.
            style:--rows=move || shown.with(|l| l.iter().map(|l| l.bars.len() + 1).sum::<usize>()).max(1).to_string()
            data-testid="timeline"
        >
            <div class="tl-head" aria-hidden="true">
                <div class="tl-head__label">"Theme · feature"</div>
                <div class="tl-scale">
                    <div class="tl-scale__quarters">
                        {move || {
                            let w = window.get();
                            w.quarters().into_iter().map(|(q, label)| {
                                let first = q.index().max(w.start.index());
                                let last = (q.index() + 2).min(w.end().index());
                                let span = last - first + 1;
                                view! { <span style:flex-grow=span.to_string()>{label}</span> }
                            }).collect_view()
                        }}
                    </div>
                    <div class="tl-scale__months">
                        {move || {
                            let w = window.get();
                            (0..w.months).map(|k| {
                                let m = w.start.add_months(k);
                                view! { <span>{if ui.zoom.get() == Zoom::Quarters { m.short_name()[..1].to_string() } else { m.short_name().to_string() }}</span> }
                            }).collect_view()
                        }}
                    </div>
                </div>
            </div>
            <p id="bar-help" class="sr-only">"Arrow keys move a bar by a month, Shift+arrows change its end, Alt+arrows its start."</p>
            <div class="tl-body">
                <div class="tl-overlay" aria-hidden="true">
                    {move || today_offset().map(|o| view! { <div class="tl-today" style:left=format!("{:.3}%", 100.0 * o / window.get().months as f64)></div> })}
                    {move || releases.get().into_iter().map(|(name, date, o)| {
                        let tip = format!("{name} · {date}");
                        view! {
                        <div class="tl-release" style:left=format!("{:.3}%", 100.0 * o / window.get().months as f64) title=tip>
                            <span class="tl-release__label">{name}</span>
                        </div>
                    }}).collect_view()}
                </div>
                <Show when=move || lanes.with(|l| !l.is_empty()) fallback=|| view! {
                    <p class="empty-state">"No themes yet. A theme is a strategic area of investment and gets its own swimlane: add one below, then add features to it."</p>
                }>
                    <For each=move || shown.get() key=Lane::content_key let:lane>
                        <LaneView lane=lane window=window drag=drag />
                    </For>
                </Show>
            </div>
            <crate::components::MoreRows total=total limit=limit noun="features" auto=true print_rows=PRINT_ROWS />
        </div>
    }
}

#[component]
fn LaneView(lane: Lane, window: Memo<Window>, drag: RwSignal<Option<Drag>>) -> impl IntoView {
    let label = format!("Add a feature to {}", lane.name);
    view! {
        <section class="lane" style:--theme-colour=lane.colour.clone() aria-label=format!("Theme {}", lane.name) data-testid="lane">
            <div class="lane__head">
                <h2 class="lane__name">{lane.name.clone()}</h2>
                <span class="lane__objective">
                    {match &lane.objective {
                        Some(o) => format!("Objective: {o}"),
                        None => "⚠ No objective".to_string(),
                    }}
                </span>
            </div>
            {lane.bars.into_iter().map(|b| view! { <BarRow bar=b window=window drag=drag /> }).collect_view()}
            <div class="tl-row tl-row--add">
                <div class="tl-row__label"><AddFeature theme=lane.theme.clone() label=label /></div>
            </div>
        </section>
    }
}

#[component]
fn BarRow(bar: Bar, window: Memo<Window>, drag: RwSignal<Option<Drag>>) -> impl IntoView {
    let state = AppState::expect();
    let ui = RoadmapUi::expect();
    let id = StoredValue::new(bar.id.clone());
    let dates = bar.dates;
    let just_dragged = StoredValue::new(false);
    // While dragging, the bar shows where it would land.
    let shown = move || {
        let d = dates?;
        Some(match drag.get() {
            Some(g) if g.id == id.get_value() => adjust(d, g.grip, g.delta),
            _ => d,
        })
    };
    let geometry = move || {
        let (s, e) = shown()?;
        let w = window.get();
        let (col, span) = w.span(s, e)?;
        Some((
            100.0 * col as f64 / w.months as f64,
            100.0 * span as f64 / w.months as f64,
        ))
    };
    let title = StoredValue::new(bar.title.clone());
    let announce = move |s: Month, e: Month| {
        state.say(
            format!(
                "“{}”: {} to {}.",
                title.get_value(),
                month_label(s),
                month_label(e)
            ),
            false,
        )
    };
    let commit = move |(s, e): (Month, Month)| {
        if edit_feature(state, &id.get_value(), |f| {
            f.start = Some(s);
            f.end = Some(e);
        }) {
            announce(s, e);
            crate::focus::focus_id_next_frame(format!("bar-{}", id.get_value()));
        }
    };
    let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
        let step = match ev.key().as_str() {
            "ArrowLeft" => -1,
            "ArrowRight" => 1,
            _ => return,
        };
        let Some(f) = with_product(state, |p| p.feature(&id.get_value()).cloned()).flatten() else {
            return;
        };
        ev.prevent_default();
        let next = if ev.shift_key() {
            resized_end(&f, step)
        } else if ev.alt_key() {
            resized_start(&f, step)
        } else {
            shifted(&f, step)
        };
        if let Some(d) = next {
            commit(d);
        }
    };
    let on_pointerdown = move |ev: leptos::ev::PointerEvent| {
        if ev.button() != 0 || dates.is_none() {
            return;
        }
        let target = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok());
        let grip = match target.as_ref().map(|t| t.class_name()) {
            Some(c) if c.contains("bar__grip--start") => Edge::Start,
            Some(c) if c.contains("bar__grip--end") => Edge::End,
            _ => Edge::Both,
        };
        let Some(track) = target.and_then(|t| t.closest(".tl-track").ok().flatten()) else {
            return;
        };
        let px = track.get_bounding_client_rect().width() / window.get_untracked().months as f64;
        if let Some(el) = ev
            .current_target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        {
            el.set_pointer_capture(ev.pointer_id()).ok();
        }
        drag.set(Some(Drag {
            id: id.get_value(),
            grip,
            x0: ev.client_x() as f64,
            px_per_month: px.max(1.0),
            delta: 0,
        }));
    };
    let on_pointermove = move |ev: leptos::ev::PointerEvent| {
        let Some(g) = drag.get_untracked().filter(|g| g.id == id.get_value()) else {
            return;
        };
        let delta = ((ev.client_x() as f64 - g.x0) / g.px_per_month).round() as i32;
        if delta != g.delta {
            drag.set(Some(Drag { delta, ..g }));
        }
    };
    let on_pointerup = move |_ev: leptos::ev::PointerEvent| {
        let Some(g) = drag.get_untracked().filter(|g| g.id == id.get_value()) else {
            return;
        };
        drag.set(None);
        if g.delta != 0 {
            just_dragged.set_value(true);
            if let Some(d) = dates {
                commit(adjust(d, g.grip, g.delta));
            }
        }
    };
    // Clicking an empty track places an unscheduled feature in the month clicked.
    let place_at = move |ev: leptos::ev::MouseEvent| {
        if dates.is_some() {
            return;
        }
        let Some(track) = ev
            .current_target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        else {
            return;
        };
        let rect = track.get_bounding_client_rect();
        let w = window.get_untracked();
        let col = ((ev.client_x() as f64 - rect.left()) / (rect.width() / w.months as f64)).floor()
            as i32;
        let m = w.start.add_months(col.clamp(0, w.months - 1));
        commit((m, m));
    };
    let place_now = move |_| {
        let w = window.get_untracked();
        let now = today().month();
        let m = if w.contains(now) { now } else { w.start };
        commit((m, m));
    };
    let label = {
        let dates_text = dates
            .map(|(s, e)| format!("{} to {}", month_label(s), month_label(e)))
            .unwrap_or_default();
        format!(
            "{dates_text}, {}% done{}",
            fixed(bar.done, 0),
            if bar.no_objective {
                ", no objective"
            } else {
                ""
            }
        )
    };
    let selected = move || ui.selected.with(|s| s.as_ref() == Some(&id.get_value()));
    view! {
        <div class="tl-row" class:tl-row--selected=selected data-testid="tl-row">
            <div class="tl-row__label">
                <button type="button" class="link-button" on:click=move |_| ui.selected.set(Some(id.get_value())) data-testid="feature-title">
                    {bar.title.clone()}
                </button>
                {bar.no_objective.then(|| view! { <span class="warn-chip" title="This feature's theme serves no objective">"no objective"</span> })}
            </div>
            <div class="tl-track" on:click=place_at>
                {match dates {
                    None => view! {
                        <span class="tl-unscheduled">
                            "Not on the timeline — click a month, or "
                            <button type="button" class="btn btn--small" on:click=move |ev| { ev.stop_propagation(); place_now(ev) } data-testid="place">"place it now"</button>
                        </span>
                    }.into_any(),
                    Some(_) => view! {
                        <button
                            type="button"
                            id=format!("bar-{}", bar.id)
                            class=format!("bar bar--{}", bar.status.name())
                            class:bar--dragging=move || drag.with(|d| d.as_ref().is_some_and(|g| g.id == id.get_value()))
                            class:bar--selected=selected
                            style:left=move || geometry().map(|(l, _)| format!("{l:.3}%")).unwrap_or_default()
                            style:width=move || geometry().map(|(_, w)| format!("{w:.3}%")).unwrap_or_default()
                            style:display=move || if geometry().is_some() { "flex" } else { "none" }
                            aria-describedby="bar-help"
                            on:keydown=on_keydown
                            on:pointerdown=on_pointerdown
                            on:pointermove=on_pointermove
                            on:pointerup=on_pointerup
                            on:pointercancel=move |_| drag.set(None)
                            on:click=move |ev| {
                                ev.stop_propagation();
                                if just_dragged.get_value() {
                                    just_dragged.set_value(false);
                                } else {
                                    ui.selected.set(Some(id.get_value()));
                                }
                            }
                            data-testid="bar"
                        >
                            <span class="bar__grip bar__grip--start" aria-hidden="true"></span>
                            <span class="bar__progress" style:width=format!("{:.0}%", bar.done) aria-hidden="true"></span>
                            <span class="bar__text">
                                <span class="bar__title">{bar.title.clone()}</span>
                                <span class="bar__status">{bar.status.label()}{bar.release.clone().map(|r| format!(" · {r}"))}</span>
                            </span>
                            <span class="sr-only">{format!(", {label}")}</span>
                            <span class="bar__grip bar__grip--end" aria-hidden="true"></span>
                        </button>
                    }.into_any(),
                }}
            </div>
        </div>
    }
}
