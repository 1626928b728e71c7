//! The code that changes the document — applying a command, undoing and redoing one — is
//! a chunk of its own in the release build: drawing Home does not need it, and it is a
//! tenth of the main module. It is fetched as soon as the user starts to interact (the
//! first key, click or focus) and before any other page, since every other page edits;
//! Home's own edits (a new product, the sample) wait for it. Saving is in it too: only an
//! edit, or a document read from an older version, needs saving; and so is taking what
//! another tab saved, which replays this tab's edits on it, and reading a document an
//! older version stored, which migrates it.

use crate::lazy::{split_point, ChunkMissing};
use crate::model::{Changes, Command, History, ModelError, Workspace};
use crate::state::AppState;
use crate::storage::local::{LocalStore, Settled, StorageNotice};
use std::cell::Cell;

/// Entry points into the chunk.
#[derive(Clone, Copy)]
pub struct Engine {
    /// Applies a command and records it for undo.
    pub apply: fn(&mut History, &mut Workspace, Command) -> Result<Changes, ModelError>,
    /// Undoes (`true`) or redoes the last step: its label and what it changed.
    pub step: fn(&mut History, &mut Workspace, bool) -> Option<(String, Changes)>,
    /// Takes the document another tab saved, replaying this tab's edits on top
    /// (`AppState::take_elsewhere`).
    pub take: fn(AppState, Option<String>) -> bool,
    /// Reads a document stored in an older layout (`LocalStore::open_older`).
    pub read_older: fn(&mut LocalStore, u32) -> Settled,
    /// Saves a document read from an older version in this version's form
    /// (`Session::finish_migration`).
    pub finish_migration: fn(&mut LocalStore, &Workspace, u32) -> Vec<StorageNotice>,
    /// Writes the parts of the document `changes` names (`None`: all of it).
    pub save: fn(&mut LocalStore, &Workspace, Option<&Changes>) -> Result<(), StorageNotice>,
}

split_point!(
    fn engine_chunk() -> Engine {
        Engine {
            apply: |history, ws, cmd| history.apply(ws, cmd),
            step: |history, ws, back| {
                if back {
                    history.undo(ws)
                } else {
                    history.redo(ws)
                }
            },
            take: |state, meta| state.take_now(meta),
            read_older: LocalStore::open_older,
            finish_migration: LocalStore::finish_migration,
            save: |store, ws, changes| match changes {
                Some(c) => store.save(ws, c),
                None => store.save_all(ws),
            },
        }
    }
);

thread_local! {
    static ENGINE: Cell<Option<Engine>> = const { Cell::new(None) };
}

/// The engine, if it has arrived.
pub fn ready() -> Option<Engine> {
    ENGINE.with(Cell::get)
}

/// Fetches the engine (once; a failed fetch is tried again on the next call).
pub async fn load() -> Result<Engine, ChunkMissing> {
    if let Some(engine) = ready() {
        return Ok(engine);
    }
    let engine = engine_chunk().await?;
    ENGINE.with(|e| e.set(Some(engine)));
    Ok(engine)
}

/// Starts fetching the engine in the background, if it is not here yet.
pub fn preload() {
    if ready().is_none() {
        leptos::task::spawn_local(async {
            load().await.ok();
        });
    }
}

/// What an edit says when the engine is not here (it was asked for, and failed).
pub fn missing() -> ModelError {
    ModelError::new(
        "",
        "Two Hats could not load the part that makes changes: this browser cannot reach the site. Try again when you are back online.",
    )
}
