//! The trainer's countdown for a vote: 30, 60 or 90 seconds, pause, and 30 more.

use leptos::prelude::*;
use std::time::Duration;

#[derive(Clone, Copy, PartialEq)]
enum Clock {
    Idle,
    /// Running until this time (ms since the epoch).
    Until(f64),
    Paused {
        left_ms: f64,
    },
}

fn now_ms() -> f64 {
    js_sys::Date::now()
}

fn mm_ss(ms: f64) -> String {
    let s = (ms / 1000.0).ceil().max(0.0) as u32;
    format!("{}:{:02}", s / 60, s % 60)
}

#[component]
pub fn Countdown() -> impl IntoView {
    let clock = RwSignal::new(Clock::Idle);
    let tick = RwSignal::new(now_ms());
    // One timer for the component's life; it only moves `tick`, which is cheap.
    if let Ok(handle) =
        set_interval_with_handle(move || tick.set(now_ms()), Duration::from_millis(250))
    {
        on_cleanup(move || handle.clear());
    }
    let left = move || match clock.get() {
        Clock::Idle => None,
        Clock::Until(end) => Some((end - tick.get()).max(0.0)),
        Clock::Paused { left_ms } => Some(left_ms),
    };
    let start = move |secs: f64| {
        tick.set(now_ms());
        clock.set(Clock::Until(now_ms() + secs * 1000.0));
    };
    let pause = move |_| {
        clock.update(|c| {
            *c = match *c {
                Clock::Until(end) => Clock::Paused {
                    left_ms: (end - now_ms()).max(0.0),
                },
                Clock::Paused { left_ms } => Clock::Until(now_ms() + left_ms),
                Clock::Idle => Clock::Idle,
            }
        })
    };
    let more = move |_| {
        clock.update(|c| {
            *c = match *c {
                Clock::Until(end) => Clock::Until(end.max(now_ms()) + 30_000.0),
                Clock::Paused { left_ms } => Clock::Paused {
                    left_ms: left_ms + 30_000.0,
                },
                Clock::Idle => Clock::Until(now_ms() + 30_000.0),
            }
        })
    };
    let over = move || left() == Some(0.0);
    view! {
        <div class="countdown" role="group" aria-label="Countdown" data-testid="countdown">
            <span class="countdown__time" class:countdown__time--over=over data-testid="countdown-time">
                {move || left().map_or_else(|| "–:––".to_string(), mm_ss)}
            </span>
            <span class="sr-only" role="status">{move || if over() { "Time is up" } else { "" }}</span>
            {[30.0, 60.0, 90.0].into_iter().map(|s| view! {
                <button type="button" class="btn btn--small" on:click=move |_| start(s) data-testid=format!("countdown-{s}")>
                    {format!("{s} s")}
                </button>
            }).collect_view()}
            <button type="button" class="btn btn--small" on:click=pause disabled=move || clock.get() == Clock::Idle data-testid="countdown-pause">
                {move || if matches!(clock.get(), Clock::Paused { .. }) { "Resume" } else { "Pause" }}
            </button>
            <button type="button" class="btn btn--small" on:click=more data-testid="countdown-more">"+30 s"</button>
        </div>
    }
}
