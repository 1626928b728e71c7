//! A feature's bar on the timeline and what moves it: drag it or its edges with the
//! pointer, ←/→ move it by a month, Shift+←/→ change its end, Alt+←/→ its start; a click
//! on an empty track places an unscheduled feature in that month.

use super::ui::{edit_feature, month_label, with_product, RoadmapUi};
use crate::model::roadmap::{adjust, resized_end, resized_start, shifted, Edge, Window};
use crate::model::roadmap_lanes::Bar;
use crate::model::{Id, Month};
use crate::state::{today, AppState};
use crate::text::numbers::fixed;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// A drag under way: which bar, by which grip, and how many months it has moved.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Drag {
    id: Id,
    grip: Edge,
    x0: f64,
    px_per_month: f64,
    delta: i32,
}

/// What a bar's handlers share.
#[derive(Clone, Copy)]
pub(super) struct BarCtx {
    state: AppState,
    pub id: StoredValue<Id>,
    title: StoredValue<String>,
    dates: Option<(Month, Month)>,
    window: Memo<Window>,
    drag: RwSignal<Option<Drag>>,
    /// A drag just ended on the bar: the click that follows is not a selection.
    just_dragged: StoredValue<bool>,
}

fn element(target: Option<web_sys::EventTarget>) -> Option<web_sys::Element> {
    target.and_then(|t| t.dyn_into::<web_sys::Element>().ok())
}

impl BarCtx {
    pub fn new(bar: &Bar, window: Memo<Window>, drag: RwSignal<Option<Drag>>) -> Self {
        BarCtx {
            state: AppState::expect(),
            id: StoredValue::new(bar.id.clone()),
            title: StoredValue::new(bar.title.clone()),
            dates: bar.dates,
            window,
            drag,
            just_dragged: StoredValue::new(false),
        }
    }

    fn dragging(self) -> Option<Drag> {
        self.drag
            .get_untracked()
            .filter(|g| g.id == self.id.get_value())
    }

    /// Saves new dates, says them, and keeps the focus on the bar.
    fn commit(self, (s, e): (Month, Month)) {
        let saved = edit_feature(self.state, &self.id.get_value(), |f| {
            f.start = Some(s);
            f.end = Some(e);
        });
        if saved {
            let (title, from, to) = (self.title.get_value(), month_label(s), month_label(e));
            self.state.say(format!("“{title}”: {from} to {to}."), false);
            crate::focus::focus_id_next_frame(format!("bar-{}", self.id.get_value()));
        }
    }

    fn on_keydown(self, ev: leptos::ev::KeyboardEvent) {
        let step = match ev.key().as_str() {
            "ArrowLeft" => -1,
            "ArrowRight" => 1,
            _ => return,
        };
        let id = self.id.get_value();
        let Some(f) = with_product(self.state, |p| p.feature(&id).cloned()).flatten() else {
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
            self.commit(d);
        }
    }

    fn on_pointerdown(self, ev: leptos::ev::PointerEvent) {
        if ev.button() != 0 || self.dates.is_none() {
            return;
        }
        let target = element(ev.target());
        let grip = match target.as_ref().map(|t| t.class_name()) {
            Some(c) if c.contains("bar__grip--start") => Edge::Start,
            Some(c) if c.contains("bar__grip--end") => Edge::End,
            _ => Edge::Both,
        };
        let Some(track) = target.and_then(|t| t.closest(".tl-track").ok().flatten()) else {
            return;
        };
        let months = self.window.get_untracked().months as f64;
        let px = track.get_bounding_client_rect().width() / months;
        if let Some(el) = element(ev.current_target()) {
            el.set_pointer_capture(ev.pointer_id()).ok();
        }
        self.drag.set(Some(Drag {
            id: self.id.get_value(),
            grip,
            x0: ev.client_x() as f64,
            px_per_month: px.max(1.0),
            delta: 0,
        }));
    }

    fn on_pointermove(self, ev: leptos::ev::PointerEvent) {
        let Some(g) = self.dragging() else { return };
        let delta = ((ev.client_x() as f64 - g.x0) / g.px_per_month).round() as i32;
        if delta != g.delta {
            self.drag.set(Some(Drag { delta, ..g }));
        }
    }

    fn on_pointerup(self) {
        let Some(g) = self.dragging() else { return };
        self.drag.set(None);
        if g.delta != 0 {
            self.just_dragged.set_value(true);
            if let Some(d) = self.dates {
                self.commit(adjust(d, g.grip, g.delta));
            }
        }
    }

    /// Clicking an empty track places an unscheduled feature in the month clicked.
    pub fn place_at(self, ev: leptos::ev::MouseEvent) {
        if self.dates.is_some() {
            return;
        }
        let Some(track) = element(ev.current_target()) else {
            return;
        };
        let rect = track.get_bounding_client_rect();
        let w = self.window.get_untracked();
        let col = (ev.client_x() as f64 - rect.left()) / (rect.width() / w.months as f64);
        let m = w
            .start
            .add_months((col.floor() as i32).clamp(0, w.months - 1));
        self.commit((m, m));
    }

    /// Places an unscheduled feature in this month, or the first month shown.
    pub fn place_now(self) {
        let w = self.window.get_untracked();
        let now = today().month();
        let m = if w.contains(now) { now } else { w.start };
        self.commit((m, m));
    }

    /// Where the bar sits, in percent of the track: its left edge and width. While
    /// dragging, it shows where it would land.
    fn geometry(self) -> Option<(f64, f64)> {
        let d = self.dates?;
        let (s, e) = match self.drag.get() {
            Some(g) if g.id == self.id.get_value() => adjust(d, g.grip, g.delta),
            _ => d,
        };
        let w = self.window.get();
        let (col, span) = w.span(s, e)?;
        let months = w.months as f64;
        Some((100.0 * col as f64 / months, 100.0 * span as f64 / months))
    }
}

/// What a screen reader hears after the bar's title.
fn spoken(bar: &Bar) -> String {
    let dates = bar
        .dates
        .map(|(s, e)| format!("{} to {}", month_label(s), month_label(e)))
        .unwrap_or_default();
    let warning = if bar.no_objective {
        ", no objective"
    } else {
        ""
    };
    let slip = bar
        .slip
        .as_ref()
        .map(|s| format!(". {}", crate::text::slip(s)))
        .unwrap_or_default();
    format!(", {dates}, {}% done{warning}{slip}", fixed(bar.done, 0))
}

#[component]
pub(super) fn BarButton(bar: Bar, at: BarCtx, selected: Signal<bool>) -> impl IntoView {
    let ui = RoadmapUi::expect();
    let id = at.id;
    let on_click = move |ev: leptos::ev::MouseEvent| {
        ev.stop_propagation();
        if at.just_dragged.get_value() {
            at.just_dragged.set_value(false);
        } else {
            ui.select(Some(id.get_value()));
        }
    };
    let dragging = move || {
        at.drag
            .with(|d| d.as_ref().is_some_and(|g| g.id == id.get_value()))
    };
    view! {
        <button
            type="button"
            id=format!("bar-{}", bar.id)
            class=format!("bar bar--{}", bar.status.name())
            class:bar--dragging=dragging
            class:bar--selected=selected
            style:left=move || at.geometry().map(|(l, _)| format!("{l:.3}%")).unwrap_or_default()
            style:width=move || at.geometry().map(|(_, w)| format!("{w:.3}%")).unwrap_or_default()
            style:display=move || if at.geometry().is_some() { "flex" } else { "none" }
            aria-describedby="bar-help"
            on:keydown=move |ev| at.on_keydown(ev)
            on:pointerdown=move |ev| at.on_pointerdown(ev)
            on:pointermove=move |ev| at.on_pointermove(ev)
            on:pointerup=move |_| at.on_pointerup()
            on:pointercancel=move |_| at.drag.set(None)
            on:click=on_click
            data-testid="bar"
        >
            <span class="bar__grip bar__grip--start" aria-hidden="true"></span>
            <span class="bar__progress" style:width=format!("{:.0}%", bar.done) aria-hidden="true"></span>
            <span class="bar__text">
                <span class="bar__title">{bar.title.clone()}</span>
                <span class="bar__status">{bar.status.label()}{bar.release.clone().map(|r| format!(" · {r}"))}</span>
            </span>
            <span class="sr-only">{spoken(&bar)}</span>
            <span class="bar__grip bar__grip--end" aria-hidden="true"></span>
        </button>
    }
}
