//! The timeline: one swimlane per theme, one bar per feature from its start to its end
//! month. Drag a bar to move it, drag an edge to resize it; on a focused bar ←/→ move it
//! by a month, Shift+←/→ change its end, Alt+←/→ its start.

use super::add_feature::AddFeature;
use super::bar::{BarButton, BarCtx, Drag};
use super::ui::{RoadmapUi, Zoom};
use crate::model::roadmap::Window;
use crate::model::roadmap_lanes::{first_rows, lanes, Bar, Lane, Wait};
use crate::state::read_product;
use crate::state::{today, AppState};
use crate::text;
use leptos::prelude::*;

/// Feature rows a print shows at least: print.css scales the timeline down to one
/// landscape page, and 60 rows still read there (200, tried, spilled onto three pages at
/// an unreadable scale). Rows drawn beyond these are printed too.
const PRINT_ROWS: usize = 60;

#[component]
pub(crate) fn Timeline() -> impl IntoView {
    let state = AppState::expect();
    let ui = RoadmapUi::expect();
    let drag = RwSignal::new(None::<Drag>);
    let lanes = Memo::new(move |_| ui.filtered(lanes));
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
        let w = window.get();
        let mut shown = read_product(state, |p| {
            p.releases
                .iter()
                .filter_map(|r| Some((r.name.clone(), r.date.to_string(), w.offset_of(r.date)?)))
                .collect::<Vec<_>>()
        })
        .unwrap_or_default();
        shown.sort_by(|a, b| a.2.total_cmp(&b.2));
        // A name within a month of the one before goes on the lower line, clear of it.
        let mut lower = false;
        let mut last = f64::NEG_INFINITY;
        shown
            .into_iter()
            .map(|(name, date, o)| {
                lower = o - last < 1.0 && !lower;
                last = o;
                (name, date, o, lower)
            })
            .collect::<Vec<_>>()
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
                    // Release names in a band of their own over the months: drawn in the
                    // rows, they covered the first lane's objective.
                    <Show when=move || releases.with(|r| !r.is_empty())>
                        <div class="tl-scale__releases" class:tl-scale__releases--two=move || releases.with(|r| r.iter().any(|x| x.3))>
                            {move || releases.get().into_iter().map(|(name, date, o, lower)| {
                                let tip = format!("{name} · {date}");
                                view! { <span class="tl-release__label" class:tl-release__label--lower=lower style:left=format!("{:.3}%", 100.0 * o / window.get().months as f64) title=tip>{name}</span> }
                            }).collect_view()}
                        </div>
                    </Show>
                    <div class="tl-scale__quarters">
                        {move || {
                            let w = window.get();
                            w.quarters().into_iter().map(|q| {
                                let first = q.index().max(w.start.index());
                                let last = (q.index() + 2).min(w.end().index());
                                let span = last - first + 1;
                                view! { <span style:flex-grow=span.to_string()>{crate::text::quarter(q)}</span> }
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
                    {move || releases.get().into_iter().map(|(_, _, o, _)| view! {
                        <div class="tl-release" style:left=format!("{:.3}%", 100.0 * o / window.get().months as f64)></div>
                    }).collect_view()}
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
    let name = crate::text::lane_name(&lane).to_string();
    let label = format!("Add a feature to {name}");
    view! {
        <section class="lane" style:--theme-colour=lane.colour.clone() aria-label=format!("Theme {name}") data-testid="lane">
            <div class="lane__head">
                <h2 class="lane__name">{name.clone()}</h2>
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
    let ui = RoadmapUi::expect();
    let at = BarCtx::new(&bar, window, drag);
    let id = at.id;
    let selected =
        Signal::derive(move || ui.selected.with(|s| s.as_ref() == Some(&id.get_value())));
    let facts = StoredValue::new(bar.clone());
    view! {
        <div class="tl-row" class:tl-row--selected=selected data-testid="tl-row">
            <div class="tl-row__label">
                <button type="button" class="link-button" on:click=move |_| ui.select(Some(id.get_value())) data-testid="feature-title">
                    {bar.title.clone()}
                </button>
                {bar.no_objective.then(|| view! { <span class="warn-chip" title="This feature's theme serves no objective">"no objective"</span> })}
                {bar.slip.as_ref().map(|s| view! { <span class="slip-badge" title=text::slip(s) data-testid="slip">{text::slip_badge(s.weeks)}</span> })}
                {(!bar.waits.is_empty()).then(|| view! { <WaitChips waits=bar.waits.clone() /> })}
            </div>
            <div class="tl-track" on:click=move |ev| at.place_at(ev)>
                {move || facts.with_value(|b| links(b, window.get()))}
                {match bar.dates {
                    None => view! {
                        <span class="tl-unscheduled">
                            "Not on the timeline — click a month, or "
                            <button type="button" class="btn btn--small" on:click=move |ev| { ev.stop_propagation(); at.place_now() } data-testid="place">"place it now"</button>
                        </span>
                    }.into_any(),
                    Some(_) => view! { <BarButton bar=bar at=at selected=selected /> }.into_any(),
                }}
            </div>
        </div>
    }
}

/// The features a row waits for, each a button that opens it; red when it ends after this
/// one starts.
#[component]
fn WaitChips(waits: Vec<Wait>) -> impl IntoView {
    let ui = RoadmapUi::expect();
    view! {
        <span class="wait-chips">
            {waits.into_iter().map(|w| {
                let name = text::wait_name(&w);
                let id = w.id.clone();
                view! {
                    <button type="button" class="wait-chip" class:wait-chip--late=w.late aria-label=name.clone() title=name
                        on:click=move |_| ui.select(Some(id.clone())) data-testid="wait-chip">
                        {if w.late { "⚠ waits for " } else { "waits for " }}{w.title.clone()}
                    </button>
                }
            }).collect_view()}
        </span>
    }
}

/// A bar's dependencies drawn in its track, behind it: a dashed arrow from the blocker's
/// end to this start, or a hatched band where the two overlap.
fn links(bar: &Bar, w: Window) -> impl IntoView {
    let pct = |x: f64| format!("{:.3}%", 100.0 * x / w.months as f64);
    bar.links(w)
        .into_iter()
        .map(|l| {
            let class = if l.late { "tl-overlap" } else { "tl-link" };
            view! { <span class=class style:left=pct(l.from) style:width=pct(l.to - l.from) aria-hidden="true" data-testid=class></span> }
        })
        .collect_view()
}
