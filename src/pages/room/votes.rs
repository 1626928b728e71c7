//! The room's hands, counted: a number per answer that the trainer may type, and once the
//! answer is revealed, a bar chart of them (SVG: the CSP allows no inline styles).

use crate::content::letter;
use leptos::prelude::*;

/// Hands counted per slide, per answer in the order shown.
pub type Counts = RwSignal<std::collections::BTreeMap<usize, Vec<Option<u32>>>>;

fn read(counts: Counts, slide: usize, n: usize) -> Option<u32> {
    counts.with(|c| c.get(&slide).and_then(|v| v.get(n).copied().flatten()))
}

#[component]
pub fn CountInputs(counts: Counts, slide: usize, answers: usize) -> impl IntoView {
    let set = move |n: usize, text: String| {
        let value = text.trim().parse::<u32>().ok();
        counts.update(|c| {
            let v = c.entry(slide).or_insert_with(|| vec![None; answers]);
            v.resize(answers, None);
            v[n] = value;
        });
    };
    view! {
        <div class="room__counts" role="group" aria-label="Hands counted per answer (optional)">
            <span class="room__counts-label" aria-hidden="true">"Hands:"</span>
            {(0..answers).map(|n| view! {
                <label class="room__count">
                    <span>{letter(n)}</span>
                    <span class="sr-only">{format!("Hands for answer {}", letter(n))}</span>
                    <input
                        type="number"
                        min="0"
                        max="9999"
                        inputmode="numeric"
                        prop:value=move || read(counts, slide, n).map(|v| v.to_string()).unwrap_or_default()
                        on:change=move |ev| set(n, event_target_value(&ev))
                        data-testid="vote-count"
                    />
                </label>
            }).collect_view()}
        </div>
    }
}

/// True when some count was typed for this slide.
pub fn counted(counts: Counts, slide: usize) -> bool {
    counts.with(|c| c.get(&slide).is_some_and(|v| v.iter().any(Option::is_some)))
}

/// The votes as horizontal bars, one per answer shown, the right ones marked.
#[component]
pub fn VoteChart(counts: Counts, slide: usize, right: Vec<bool>) -> impl IntoView {
    let values: Vec<u32> = (0..right.len())
        .map(|n| read(counts, slide, n).unwrap_or(0))
        .collect();
    let total: u32 = values.iter().sum();
    let most = values.iter().copied().max().unwrap_or(0).max(1);
    let row_h = 60.0;
    let height = row_h * values.len() as f64;
    let summary = values
        .iter()
        .enumerate()
        .map(|(n, v)| format!("{}: {v}", letter(n)))
        .collect::<Vec<_>>()
        .join(", ");
    view! {
        <figure class="room__chart" data-testid="vote-chart">
            <svg viewBox=format!("0 0 600 {height}") role="img" aria-label=format!("Votes, {total} in all. {summary}")>
                {values.iter().zip(right.iter()).enumerate().map(|(n, (&v, &ok))| {
                    let y = row_h * n as f64;
                    let w = 360.0 * f64::from(v) / f64::from(most);
                    let pct = if total == 0 { 0 } else { (f64::from(v) * 100.0 / f64::from(total)).round() as u32 };
                    view! {
                        <g class="room__vbar" class:room__vbar--right=ok>
                            <text x="0" y=y + 42.0 class="room__bar-letter">{letter(n).to_string()}</text>
                            <rect x="50" y=y + 8.0 width=w.max(2.0) height=row_h - 16.0 rx="6" />
                            <text x=50.0 + w.max(2.0) + 10.0 y=y + 42.0 class="room__bar-value">{format!("{v} ({pct}%)")}</text>
                        </g>
                    }
                }).collect_view()}
            </svg>
            <figcaption>{format!("{total} votes")}</figcaption>
        </figure>
    }
}
