//! One place that schedules work for later on the browser's timer.

use wasm_bindgen::JsCast;

/// Runs `f` once after `ms` milliseconds. Returns the timer's handle, or `None` when no
/// timer could be set (no window), in which case `f` is dropped unrun.
pub fn after_ms(ms: i32, f: impl FnOnce() + 'static) -> Option<i32> {
    let run = wasm_bindgen::closure::Closure::once_into_js(f);
    web_sys::window()?
        .set_timeout_with_callback_and_timeout_and_arguments_0(run.unchecked_ref(), ms)
        .ok()
}

/// Cancels a timer `after_ms` set.
pub fn cancel(handle: i32) {
    if let Some(w) = web_sys::window() {
        w.clear_timeout_with_handle(handle);
    }
}
