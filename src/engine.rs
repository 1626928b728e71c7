//! The code that changes the document — applying a command, undoing and redoing one — is
//! a chunk of its own in the release build: drawing Home does not need it, and it is a
//! tenth of the main module. It is fetched as soon as the user starts to interact (the
//! first key, click or focus) and before any other page, since every other page edits;
//! Home's own edits (a new product, the sample) wait for it. Saving is in it too: only an
//! edit, or a document read from an older version, needs saving; and so is taking what
//! another tab saved, which replays this tab's edits on it, and reading a document an
//! older version stored, which migrates it.

use crate::lazy::{split_point, ChunkMissing};
use crate::model::{Command, Workspace};
use crate::storage::local::{LocalStore, LocalTab, Settled, StorageNotice};
use crate::storage::tab::{Outcome, Tab};
use std::cell::Cell;

/// An operation on this tab's editing state (`storage::tab::Tab`), and one that takes
/// an argument.
type Op = fn(&mut LocalTab, &mut Workspace) -> Outcome;
type OpWith<A> = fn(&mut LocalTab, &mut Workspace, A) -> Outcome;

/// Entry points into the chunk.
#[derive(Clone, Copy)]
pub struct Engine {
    /// Applies a command and records it for undo.
    pub dispatch: OpWith<Command>,
    /// Undoes (`true`) or redoes the last step, and writes it.
    pub step: OpWith<bool>,
    /// Writes what changed since the last save.
    pub flush: Op,
    /// Writes everything again, after a failed save.
    pub retry: Op,
    /// Writes the whole document.
    pub save_all: Op,
    /// Takes what another tab committed, replaying this tab's edits on it.
    pub reload: Op,
    /// A `storage` event for a key (`None`: storage was cleared) and its new value.
    pub storage_changed: fn(&mut LocalTab, &mut Workspace, Option<&str>, Option<&str>) -> Outcome,
    /// Another tab announced its commit; `take_heard` tries it again later.
    pub heard: OpWith<String>,
    pub take_heard: Op,
    /// Reads a document stored in an older layout (`Session::open_older`).
    pub read_older: fn(&mut LocalStore, u32) -> Settled,
    /// Saves a document read from an older version in this version's form
    /// (`Session::finish_migration`).
    pub finish_migration: fn(&mut LocalStore, &Workspace, u32) -> Vec<StorageNotice>,
    /// What a backup of an unreadable document still holds (`Session::rebuild_from_backup`).
    pub rebuild: fn(&mut LocalStore, &str) -> Option<Workspace>,
}

split_point!(
    fn engine_chunk() -> Engine {
        Engine {
            // Today's records (done days, sprint scopes) join the command here, so undo,
            // saving and other tabs see them as part of it.
            dispatch: |t, ws, cmd| {
                let cmd = crate::model::records::stamp(cmd, ws, crate::state::today());
                Tab::dispatch(t, ws, cmd)
            },
            // The moved row goes back where it was (or forward again): the focus goes
            // with it, not staying on whatever row now fills its old place. Here, not in
            // `AppState::step`, so the first load does not carry it.
            step: |t, ws, back| {
                let out = Tab::step(t, ws, back);
                if let Some(id) = out.moved.as_ref().filter(|_| out.changed) {
                    crate::focus::follow_entity(id);
                }
                out
            },
            flush: Tab::flush,
            retry: Tab::retry,
            save_all: |t, ws| t.save_all(ws),
            reload: |t, ws| {
                let mut out = Outcome::default();
                t.reload(ws, &mut out);
                out
            },
            storage_changed: Tab::storage_changed,
            heard: Tab::heard,
            take_heard: Tab::take_heard,
            read_older: LocalStore::open_older,
            finish_migration: LocalStore::finish_migration,
            rebuild: |s, key| s.rebuild_from_backup(key),
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
pub fn missing() -> String {
    "Two Hats could not load the part that makes changes: this browser cannot reach the site. Try again when you are back online.".into()
}
