//! Where the tab is in its history, so a navigation the user takes back (an editor's draft
//! kept) can return to the entry it left instead of adding one.
//!
//! A hash change alone does not say whether it came from a new entry (a link, a typed
//! address) or from Back or Forward. Each entry the app has been on is numbered in
//! `history.state`; one without a number is new.

use leptos::prelude::window;

const KEY: &str = "twoHatsEntry";

/// The number of the entry the tab is on now, if the app has numbered it.
pub fn current() -> Option<f64> {
    let state = window().history().ok()?.state().ok()?;
    js_sys::Reflect::get(&state, &KEY.into()).ok()?.as_f64()
}

/// Numbers the entry the tab is on now (its address unchanged).
pub fn mark(n: f64) {
    let state = js_sys::Object::new();
    js_sys::Reflect::set(&state, &KEY.into(), &n.into()).ok();
    if let Ok(h) = window().history() {
        h.replace_state(&state, "").ok();
    }
}

/// Goes back to entry `here` from the entry just arrived at (`None`: a new one, just after it).
pub fn return_to(here: f64, arrived: Option<f64>) {
    let Ok(h) = window().history() else {
        return;
    };
    match arrived {
        None => h.back().ok(),
        Some(n) => h.go_with_delta((here - n) as i32).ok(),
    };
}
