//! Room mode, for the projector: one question at a time in large type, the answers by
//! letter, a countdown while the room votes by hands, then the answer with why, its
//! source and the votes. Clicker keys drive it (→, Space, Page Down; B blanks), and each
//! slide has its own URL, so a reload or Escape and back resumes where it was.

mod countdown;
mod slide;
mod slides;
mod votes;

use crate::route::{Page, Route};
use crate::state::AppState;
use leptos::prelude::*;
use slides::slides;
use std::collections::BTreeSet;
use votes::Counts;

/// Text sizes the trainer can step through; the first meets the room's minimum.
const SIZES: u8 = 4;

#[component]
pub fn RoomPage() -> impl IntoView {
    let state = AppState::expect();
    let all = StoredValue::new(slides());
    let n = all.with_value(Vec::len);
    let at = move |i: usize| all.with_value(|a| a[i]);
    // The slide number is 1-based in the URL, as a trainer would say it.
    let index = Memo::new(move |_| {
        state
            .route
            .with(|r| r.focus.as_deref().and_then(|f| f.parse::<usize>().ok()))
            .map_or(0, |k| k.saturating_sub(1).min(n - 1))
    });
    let seed = crate::pages::training::use_attempt_seed(state);
    let go = Callback::new(move |i: usize| {
        let next = state
            .route
            .get_untracked()
            .with_focus((i.min(n - 1) + 1).to_string());
        state.replace_route(next);
    });
    let revealed = RwSignal::new(BTreeSet::<usize>::new());
    let counts: Counts = RwSignal::new(Default::default());
    let blank = RwSignal::new(false);
    let size = RwSignal::new(0u8);
    let forward = move || {
        let i = index.get_untracked();
        if at(i).votes() && !revealed.with_untracked(|r| r.contains(&i)) {
            revealed.update(|r| {
                r.insert(i);
            });
        } else if i + 1 < n {
            go.run(i + 1);
        }
    };
    // Back undoes a Reveal first (to correct a count), then goes to the slide before.
    let back = move || {
        let i = index.get_untracked();
        if revealed.with_untracked(|r| r.contains(&i)) {
            revealed.update(|r| {
                r.remove(&i);
            });
        } else {
            go.run(i.saturating_sub(1));
        }
    };
    use_room_keys(forward, back, blank, size);
    let body = move || {
        let i = index.get();
        view! {
            <slide::SlideView
                slide=at(i)
                index=i
                seed=seed.get()
                revealed=revealed.with(|r| r.contains(&i))
                counts=counts
                go=go
            />
        }
    };
    view! {
        <div class=move || format!("room room--size-{}", size.get()) data-testid="room">
            <TopBar index=index n=n size=size part=Memo::new(move |_| at(index.get()).part()) />
            <div class="room__slide" id="page-title" tabindex="-1" aria-live="polite">{body}</div>
            <div class="room__bar">
                <button type="button" class="btn" on:click=move |_| back() disabled=move || index.get() == 0 && revealed.with(BTreeSet::is_empty)>"← Back"</button>
                <button type="button" class="btn btn--primary" on:click=move |_| forward() disabled=move || index.get() + 1 == n && revealed.with(|r| r.contains(&(n - 1))) data-testid="room-next">
                    {move || {
                        let i = index.get();
                        if at(i).votes() && !revealed.with(|r| r.contains(&i)) { "Reveal →" } else { "Next →" }
                    }}
                </button>
                <countdown::Countdown />
            </div>
            <Show when=move || blank.get()>
                <button type="button" class="room__blank" on:click=move |_| blank.set(false) aria-label="Screen blanked: press B or click to show it again" data-testid="room-blank"></button>
            </Show>
        </div>
    }
}

#[component]
fn TopBar(
    index: Memo<usize>,
    n: usize,
    size: RwSignal<u8>,
    part: Memo<&'static str>,
) -> impl IntoView {
    view! {
        <div class="room__top">
            <span class="room__part">{move || part.get()}</span>
            <span class="room__count" data-testid="room-slide">{move || format!("{} / {n}", index.get() + 1)}</span>
            <div class="room__tools" role="group" aria-label="Room controls">
                <button type="button" class="btn btn--small" on:click=move |_| size.update(|s| *s = s.saturating_sub(1)) disabled=move || size.get() == 0 title="Smaller text"><span aria-hidden="true">"A−"</span><span class="sr-only">"Smaller text"</span></button>
                <button type="button" class="btn btn--small" on:click=move |_| size.update(|s| *s = (*s + 1).min(SIZES - 1)) disabled=move || size.get() + 1 == SIZES title="Larger text" data-testid="room-bigger"><span aria-hidden="true">"A+"</span><span class="sr-only">"Larger text"</span></button>
                <button type="button" class="btn btn--small" on:click=move |_| toggle_fullscreen() data-testid="room-fullscreen">"Full screen (F)"</button>
                <a class="btn btn--small" href=Route::page(Page::Training).href() data-testid="room-leave">"Leave (Esc)"</a>
            </div>
        </div>
    }
}

/// Fullscreen through the Fullscreen API, for the whole page: leaving it is the
/// browser's own Escape, or F again.
fn toggle_fullscreen() {
    let doc = document();
    if doc.fullscreen_element().is_some() {
        doc.exit_fullscreen();
    } else if let Some(root) = doc.document_element() {
        root.request_fullscreen().ok();
    }
}

/// The clicker's keys and the trainer's: forward (→, Space, Page Down), back (←, Page
/// Up), B to blank, F for full screen, + and − for the text size, Escape to leave.
fn use_room_keys(
    forward: impl Fn() + Copy + 'static,
    back: impl Fn() + Copy + 'static,
    blank: RwSignal<bool>,
    size: RwSignal<u8>,
) {
    let state = AppState::expect();
    let handle = window_event_listener(leptos::ev::keydown, move |e| {
        if e.ctrl_key() || e.meta_key() || e.alt_key() || crate::app::typing_in_field(&e) {
            return;
        }
        let on_button = e
            .target()
            .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(t).ok())
            .is_some_and(|el| matches!(el.tag_name().as_str(), "BUTTON" | "A"));
        let key = e.key();
        let handled = match key.as_str() {
            // Space and Enter on a focused button press it, as everywhere else.
            " " if on_button => false,
            "ArrowRight" | "PageDown" | " " => {
                blank.set(false);
                forward();
                true
            }
            "ArrowLeft" | "PageUp" => {
                blank.set(false);
                back();
                true
            }
            "b" | "B" | "." => {
                blank.update(|b| *b = !*b);
                true
            }
            "f" | "F" => {
                toggle_fullscreen();
                true
            }
            "+" | "=" => {
                size.update(|s| *s = (*s + 1).min(SIZES - 1));
                true
            }
            "-" | "−" => {
                size.update(|s| *s = s.saturating_sub(1));
                true
            }
            "Escape" if blank.get_untracked() => {
                blank.set(false);
                true
            }
            "Escape" => {
                state.go(Route::page(Page::Training));
                true
            }
            _ => false,
        };
        if handled {
            e.prevent_default();
        }
    });
    on_cleanup(move || handle.remove());
}
