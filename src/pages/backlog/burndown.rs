//! The active sprint's burndown: points left at the end of each day against the ideal
//! line from the sprint's recorded scope to nothing on its last day.

use crate::model::burndown::{burndown, Burndown};
use crate::model::{Day, SprintState};
use crate::state::{read_product, today, AppState};
use crate::text::numbers::points;
use leptos::prelude::*;

const W: f64 = 640.0;
const H: f64 = 220.0;
/// Room for the axis labels: left, right, top, bottom.
const PAD: (f64, f64, f64, f64) = (44.0, 16.0, 14.0, 30.0);

/// Where a day and a number of points fall on the chart.
struct Scale {
    start: i64,
    days: f64,
    top: f64,
}

impl Scale {
    fn of(b: &Burndown) -> Scale {
        Scale {
            start: b.start.ordinal(),
            // The last day ends at the right edge: a sprint of 10 days spans 10 day-widths.
            days: (b.end.ordinal() - b.start.ordinal() + 1) as f64,
            top: b.top(),
        }
    }
    /// The end of day `d`, since a day's figure is what is left when it is over.
    fn x(&self, d: Day) -> f64 {
        let n = (d.ordinal() - self.start + 1) as f64;
        PAD.0 + (W - PAD.0 - PAD.1) * n / self.days
    }
    fn x_start_of(&self, d: Day) -> f64 {
        self.x(d.add_days(-1))
    }
    fn y(&self, pts: f64) -> f64 {
        PAD.2 + (H - PAD.2 - PAD.3) * (1.0 - pts / self.top)
    }
}

fn polyline(s: &Scale, b: &Burndown) -> String {
    let first = format!("{:.1},{:.1}", s.x_start_of(b.from), s.y(b.scope));
    std::iter::once(first)
        .chain(
            b.left
                .iter()
                .map(|(d, p)| format!("{:.1},{:.1}", s.x(*d), s.y(*p))),
        )
        .collect::<Vec<_>>()
        .join(" ")
}

fn summary(name: &str, b: &Burndown) -> String {
    let (day, left) = b.left.last().copied().unwrap_or((b.from, b.scope));
    let span = (b.end.ordinal() - b.from.ordinal() + 1) as f64;
    let gone = (day.ordinal() - b.from.ordinal() + 1) as f64;
    let ideal = (b.scope * (1.0 - gone / span)).max(0.0);
    format!(
        "Burndown of {name}: {} points left at the end of {day}, against {} on the ideal line. It started from {} points on {}; it ends on {}.",
        points(left),
        points(ideal),
        points(b.scope),
        b.from,
        b.end
    )
}

#[component]
pub(super) fn ActiveBurndown() -> impl IntoView {
    let state = AppState::expect();
    let chart = Memo::new(move |_| {
        read_product(state, |p| {
            let s = p.sprints.iter().find(|s| s.state == SprintState::Active)?;
            Some((s.name.clone(), burndown(p, &s.id, today())))
        })
        .flatten()
    });
    move || {
        chart.get().map(|(name, b)| match b {
            None => view! {
                <section class="burndown" aria-labelledby="burndown-title" data-testid="burndown">
                    <h3 id="burndown-title">{format!("Burndown: {name}")}</h3>
                    <p class="muted">{format!("Give {name} a start and an end date (edit the sprint) to see its burndown; it is drawn from the day the sprint starts.")}</p>
                </section>
            }.into_any(),
            Some(b) => view! { <Chart name=name b=b /> }.into_any(),
        })
    }
}

#[component]
fn Chart(name: String, b: Burndown) -> impl IntoView {
    let s = Scale::of(&b);
    let (x0, x1) = (s.x_start_of(b.start), s.x(b.end));
    let ideal = (s.x_start_of(b.from), s.y(b.scope), x1, s.y(0.0));
    let said = summary(&name, &b);
    let late = b.recorded_late.then(|| format!(
        "{name} began before Two Hats recorded burndowns, so the chart starts on {}, when recording began.",
        b.from
    ));
    let undated = (b.undated_done > 0).then(|| {
        format!(
            "{} done before then {} counted as done from the start.",
            crate::text::numbers::count(b.undated_done, "item", "items"),
            if b.undated_done == 1 { "is" } else { "are" }
        )
    });
    view! {
        <section class="burndown" aria-labelledby="burndown-title" data-testid="burndown">
            <h3 id="burndown-title">{format!("Burndown: {name}")}</h3>
            <svg class="burndown__chart" viewBox=format!("0 0 {W} {H}") role="img" aria-label=said.clone() data-testid="burndown-chart">
                <line class="burndown__axis" x1=x0 y1=s.y(0.0) x2=x1 y2=s.y(0.0) />
                <line class="burndown__axis" x1=x0 y1=s.y(s.top) x2=x0 y2=s.y(0.0) />
                <text class="burndown__label" x=x0 - 6.0 y=s.y(s.top) + 4.0 text-anchor="end">{points(s.top)}</text>
                <text class="burndown__label" x=x0 - 6.0 y=s.y(0.0) + 4.0 text-anchor="end">"0"</text>
                <text class="burndown__label" x=x0 y=H - 8.0>{b.start.to_string()}</text>
                <text class="burndown__label" x=x1 y=H - 8.0 text-anchor="end">{b.end.to_string()}</text>
                <line class="burndown__ideal" x1=ideal.0 y1=ideal.1 x2=ideal.2 y2=ideal.3 data-testid="burndown-ideal" />
                <polyline class="burndown__actual" points=polyline(&s, &b) data-testid="burndown-actual" />
                {b.left.iter().map(|(d, p)| view! { <circle class="burndown__dot" cx=s.x(*d) cy=s.y(*p) r="3" /> }).collect_view()}
            </svg>
            <p class="burndown__legend"><span class="burndown__key burndown__key--actual" aria-hidden="true"></span>"Points left " <span class="burndown__key burndown__key--ideal" aria-hidden="true"></span>"Ideal"</p>
            <p class="sr-only">{said}</p>
            {late.map(|t| view! { <p class="muted" data-testid="burndown-late">{t}</p> })}
            {undated.map(|t| view! { <p class="muted">{t}</p> })}
        </section>
    }
}
