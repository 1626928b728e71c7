//! A dialog whose body is a chunk of its own (`crate::lazy`): fetched the first time it
//! is opened, then kept. If it cannot be fetched the dialog stays closed and the status
//! line says why.

use crate::lazy::ChunkMissing;
use crate::state::AppState;
use leptos::prelude::*;
use std::future::Future;

/// The body's constructor once `open` has been true and its chunk has arrived.
pub fn when_opened<V, F>(
    open: RwSignal<bool>,
    what: &'static str,
    load: fn() -> F,
) -> RwSignal<Option<V>>
where
    V: Copy + Send + Sync + 'static,
    F: Future<Output = Result<V, ChunkMissing>> + 'static,
{
    let state = AppState::expect();
    let body = RwSignal::new(None::<V>);
    Effect::new(move |_| {
        if !open.get() || body.with_untracked(Option::is_some) {
            return;
        }
        leptos::task::spawn_local(async move {
            match load().await {
                Ok(view) => body.set(Some(view)),
                Err(ChunkMissing) => {
                    open.set(false);
                    state.say(
                        format!("{what} could not be loaded: this browser cannot reach the site. Try again when you are back online."),
                        true,
                    );
                }
            }
        });
    });
    body
}
