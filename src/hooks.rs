//! Window listeners the app needs for as long as it is mounted, in the leptos-use style:
//! each `use_…` sets its listeners up and removes them itself when its owner is cleaned
//! up, so no handler outlives the state it drives.

use crate::route::Route;
use crate::state::{current_hash, AppState};
use leptos::prelude::*;

/// Keeps this tab in step with the others: a `storage` event (another tab, or another
/// app on the origin, wrote) and a commit another tab announced on the BroadcastChannel,
/// which arrives even while this tab's view of storage lags.
pub fn use_storage_sync(state: AppState) {
    let on_storage = window_event_listener(leptos::ev::storage, move |e| {
        state.storage_changed(e.key(), e.new_value());
    });
    let stop_heard: Box<dyn FnOnce()> =
        Box::new(crate::storage::local::on_commit_elsewhere(move |meta| {
            state.heard_commit(meta)
        }));
    // Kept in the reactive arena (local: it holds a JS callback) so the cleanup can reach it.
    let stop_heard = StoredValue::new_local(Some(stop_heard));
    on_cleanup(move || {
        on_storage.remove();
        if let Some(stop) = stop_heard.try_update_value(Option::take).flatten() {
            stop();
        }
    });
}

/// Saves wait a moment (see `AppState::flush`); leaving or hiding the page writes them at
/// once, after `commit_field` has committed what is typed in the focused field, so a
/// reload or a closed tab right after an edit keeps it.
pub fn use_save_on_leave(state: AppState, commit_field: fn()) {
    let on_pagehide = window_event_listener_untyped("pagehide", move |_| {
        commit_field();
        state.flush();
    });
    let on_hidden = window_event_listener_untyped("visibilitychange", move |_| {
        if document().visibility_state() == web_sys::VisibilityState::Hidden {
            commit_field();
            state.flush();
        }
    });
    on_cleanup(move || {
        on_pagehide.remove();
        on_hidden.remove();
    });
}

/// The route follows the URL's hash: a link, Back and Forward, a typed address.
pub fn use_route_from_hash(state: AppState) {
    let on_hash = window_event_listener_untyped("hashchange", move |_| {
        let route = Route::parse(&current_hash());
        // The page shown goes with the route: what is typed in it is committed first.
        crate::focus::leave_typing();
        let page_changed = state.route.with_untracked(|r| r.page != route.page);
        state.route.set(route);
        if page_changed {
            crate::focus::focus_page_title_next_frame();
        }
    });
    on_cleanup(move || on_hash.remove());
}

/// The first key, click or focus fetches the part that makes changes (`crate::engine`):
/// after the first screen, before the first edit. The palette's chunk comes then too, so
/// Ctrl+K opens it at once.
pub fn use_engine_on_first_touch() {
    let touched = StoredValue::new(false);
    let listeners = ["pointerdown", "keydown", "focusin"].map(|name| {
        window_event_listener_untyped(name, move |_| {
            if !touched.get_value() {
                touched.set_value(true);
                crate::engine::preload();
                crate::components::palette::preload();
            }
        })
    });
    on_cleanup(move || listeners.into_iter().for_each(|l| l.remove()));
}
