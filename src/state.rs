//! The application state every component reaches through context.
//!
//! The document changes only through [`AppState::dispatch`] (and undo/redo), which is
//! where persistence and history hang, so no component writes the workspace directly.

use crate::model::{Changes, Command, History, Id, ModelError, Product, Workspace};
use crate::route::{Page, Route};
use crate::storage::format::META_KEY;
use crate::storage::local::Reloaded;
use crate::storage::local::{forget_sizes, is_document_key, LocalStore, StorageNotice, Usage};
use crate::timer::{after_ms, cancel};
use leptos::prelude::*;

/// A message for the live region and the status line.
#[derive(Clone, Debug, PartialEq)]
pub struct Status {
    pub text: String,
    pub error: bool,
}

/// How long a change waits before it is written, so a burst of edits costs one save.
const SAVE_DELAY_MS: i32 = 250;

#[derive(Clone, Copy)]
pub struct AppState {
    /// The whole document. Read it freely; change it only through `dispatch`.
    pub ws: RwSignal<Workspace>,
    history: StoredValue<History>,
    /// Commands this tab applied and has not committed yet, and those its last commit
    /// held: replayed on another tab's document when this tab takes it — the first
    /// always, the second only if that tab saved without having seen this tab's commit
    /// (both saved at once). localStorage reaches other tabs late, so that happens.
    since_commit: StoredValue<Vec<Command>>,
    last_commit: StoredValue<Vec<Command>>,
    /// An undo or redo this tab could not save. Unlike a command it cannot be replayed
    /// on another tab's document, so while it is unsaved that document is not taken
    /// over this tab's (see `take_elsewhere`).
    unsaved_step: StoredValue<bool>,
    store: StoredValue<LocalStore>,
    /// Parts changed in memory and not yet handed to storage: saves wait a moment so a
    /// burst of edits is written once (see `flush`).
    unsaved: StoredValue<Changes>,
    /// An index another tab announced but this tab could not read yet.
    heard: StoredValue<Option<String>>,
    save_timer: StoredValue<Option<i32>>,
    /// True while changes wait for `flush`.
    pub saving: RwSignal<bool>,
    /// This app's share of the localStorage quota, as of the last save.
    pub usage: RwSignal<Usage>,
    pub undo_label: RwSignal<Option<String>>,
    pub redo_label: RwSignal<Option<String>>,
    /// Storage problems shown as banners until dismissed or resolved.
    pub notices: RwSignal<Vec<StorageNotice>>,
    pub route: RwSignal<Route>,
    /// True until the user picks "Load the sample" or "Start empty" on a first visit.
    pub first_visit: RwSignal<bool>,
    /// A document stored by an older version is being read (`LocalStore::open_older`).
    pub reading_older: RwSignal<bool>,
    pub status: RwSignal<Option<Status>>,
    /// The product the current page shows: the one in the URL if it exists, else the
    /// first. A memo, so pages re-render only when it really changes.
    pub product: Memo<Option<Id>>,
}

impl AppState {
    /// Opens storage and builds the state. Call once, from `App`.
    pub fn init() -> AppState {
        let opened = crate::storage::local::open();
        let settled = opened.settled;
        let route = RwSignal::new(Route::parse(&current_hash()));
        let ws = RwSignal::new(settled.workspace.unwrap_or_default());
        let product = Memo::new(move |_| {
            let wanted = route.with(|r| r.product.clone());
            ws.with(|ws| match wanted {
                Some(id) if ws.product(&id).is_some() => Some(id),
                _ => ws.products.first().map(|p| p.id.clone()),
            })
        });
        let state = AppState {
            ws,
            history: StoredValue::new(History::default()),
            since_commit: StoredValue::new(Vec::new()),
            last_commit: StoredValue::new(Vec::new()),
            unsaved_step: StoredValue::new(false),
            store: StoredValue::new(opened.store),
            unsaved: StoredValue::new(Changes::default()),
            heard: StoredValue::new(None),
            save_timer: StoredValue::new(None),
            saving: RwSignal::new(false),
            usage: RwSignal::new(Usage::now()),
            undo_label: RwSignal::new(None),
            redo_label: RwSignal::new(None),
            notices: RwSignal::new(settled.notices),
            route,
            first_visit: RwSignal::new(settled.first_visit),
            reading_older: RwSignal::new(opened.older.is_some()),
            status: RwSignal::new(None),
            product,
        };
        provide_context(state);
        if let Some(from) = settled.migrated_from {
            state.finish_migration(from);
        }
        if let Some(version) = opened.older {
            state.read_older(version);
        }
        state
    }

    /// Reads a document stored in an older layout once the engine, which holds the
    /// migrations, is here; then saves it in this version's.
    fn read_older(&self, version: u32) {
        let state = *self;
        leptos::task::spawn_local(async move {
            let Ok(engine) = crate::engine::load().await else {
                state.reading_older.set(false);
                state.say(
                    "Your workspace was saved by an older version of Two Hats, and the part that reads it could not be loaded: this browser cannot reach the site. Nothing was changed; reload when you are back online.",
                    true,
                );
                return;
            };
            let Some(settled) = state
                .store
                .try_update_value(|s| (engine.read_older)(s, version))
            else {
                return;
            };
            state.ws.set(settled.workspace.unwrap_or_default());
            state.first_visit.set(settled.first_visit);
            state.notices.update(|n| n.extend(settled.notices));
            state.reading_older.set(false);
            if let Some(from) = settled.migrated_from {
                state.finish_migration(from);
            }
        });
    }

    /// Saves a document read from an older version in this version's form, once the
    /// engine (which saves) is here; the stored keys stay as they were until then.
    fn finish_migration(&self, from: u32) {
        let state = *self;
        leptos::task::spawn_local(async move {
            let Ok(engine) = crate::engine::load().await else {
                return;
            };
            let notices = state.ws.with_untracked(|ws| {
                state
                    .store
                    .try_update_value(|s| (engine.finish_migration)(s, ws, from))
                    .unwrap_or_default()
            });
            state.notices.update(|n| n.extend(notices));
            state.usage.set(Usage::now());
        });
    }

    /// The state provided by `App`; panics outside it, which is a programming error.
    pub fn expect() -> AppState {
        use_context::<AppState>().expect("AppState is provided by App")
    }

    /// Applies a command, records it for undo and saves what it touched.
    ///
    /// If another tab saved since this one last looked, its document is taken first and
    /// the command applies on top of it, so neither tab's edit is lost; when both touched
    /// the same entity, the user is told whose version won.
    pub fn dispatch(&self, cmd: Command) -> Result<(), ModelError> {
        let mut conflict = None;
        if self.store.with_value(|s| s.changed_elsewhere()) {
            let mine_before = self.ws.with_untracked(|ws| edited_entity(ws, &cmd));
            if self.reload_from_storage() {
                let theirs = self.ws.with_untracked(|ws| edited_entity(ws, &cmd));
                if mine_before.is_some() && theirs != mine_before {
                    conflict = Some(cmd.label(&self.ws.get_untracked()));
                }
            }
        }
        let replay = cmd.clone();
        let result = self.apply(cmd);
        if result.is_ok() {
            self.since_commit.update_value(|u| u.push(replay));
        }
        if let (Ok(()), Some(label)) = (&result, conflict) {
            self.say(
                format!("Another tab changed this just before you: your edit ({label}) was applied on top of theirs. Undo restores their version."),
                true,
            );
        }
        result
    }

    fn apply(&self, cmd: Command) -> Result<(), ModelError> {
        let Some(engine) = crate::engine::ready() else {
            crate::engine::preload();
            let e = crate::engine::missing();
            self.say(format!("Not changed: {e}"), true);
            return Err(e);
        };
        let mut result = Ok(Changes::default());
        self.ws.update(|ws| {
            result = self
                .history
                .try_update_value(|h| (engine.apply)(h, ws, cmd))
                .expect("history lives")
        });
        match result {
            Ok(changes) => {
                self.first_visit.set(false);
                self.after_change(&changes);
                Ok(())
            }
            Err(e) => {
                self.say(format!("Not changed: {e}"), true);
                Err(e)
            }
        }
    }

    pub fn undo(&self) {
        self.step(true);
    }

    pub fn redo(&self) {
        self.step(false);
    }

    /// Undo (`back`) or redo. Unlike a command, an undo cannot be replayed on another
    /// tab's document, so it neither waits for the save delay nor builds on a document
    /// another tab has replaced: either would let that tab's save bring the undone
    /// change back.
    fn step(&self, back: bool) {
        let (verb, done_verb) = if back {
            ("undone", "Undone")
        } else {
            ("redone", "Redone")
        };
        let elsewhere = self.heard.with_value(Option::is_some)
            || self.store.with_value(|s| s.changed_elsewhere());
        // Taking the other tab's document clears the history this step refers to.
        if elsewhere && self.reload_from_storage() {
            self.say(
                format!("Nothing {verb}: another tab had just saved, and this tab now shows its version."),
                true,
            );
            return;
        }
        // No engine yet: nothing was changed in this tab, so there is nothing to undo.
        let Some(engine) = crate::engine::ready() else {
            return;
        };
        let mut done = None;
        self.ws.update(|ws| {
            done = self
                .history
                .try_update_value(|h| (engine.step)(h, ws, back))
                .flatten()
        });
        let Some((label, changes)) = done else {
            return;
        };
        self.after_change(&changes);
        self.flush();
        if self.last_save_failed() {
            self.unsaved_step.set_value(true);
        }
        // What was done before is undone or redone in what was just written: replaying
        // those commands on another tab's document would contradict it.
        self.since_commit.set_value(Vec::new());
        self.last_commit.set_value(Vec::new());
        self.say(format!("{done_verb}: {label}"), false);
    }

    fn after_change(&self, changes: &Changes) {
        crate::focus::keep_through_change();
        self.history.with_value(|h| {
            self.undo_label.set(h.undo_label().map(str::to_string));
            self.redo_label.set(h.redo_label().map(str::to_string));
        });
        self.unsaved.update_value(|u| u.merge(changes.clone()));
        self.saving.set(true);
        if self.save_timer.with_value(Option::is_none) {
            let state = *self;
            match after_ms(SAVE_DELAY_MS, move || state.flush()) {
                Some(t) => self.save_timer.set_value(Some(t)),
                // No timer (never expected in a browser): save now rather than later.
                None => self.flush(),
            }
        }
    }

    /// Writes what changed since the last save. Runs shortly after an edit, and at once
    /// when the page is hidden or unloaded (`pagehide`, `visibilitychange`), so a
    /// reload or a closed tab right after an edit keeps it.
    pub fn flush(&self) {
        if let Some(t) = self.save_timer.try_update_value(Option::take).flatten() {
            cancel(t);
        }
        // Another tab committed since this one last looked: take its document and
        // replay this tab's edits on it (which saves), rather than write over it.
        let elsewhere = self.heard.with_value(Option::is_some)
            || self.store.with_value(|s| s.changed_elsewhere());
        let pending = self.unsaved.with_value(|u| u != &Changes::default());
        if elsewhere && pending && self.reload_from_storage() {
            self.saving.set(false);
            return;
        }
        let todo = self
            .unsaved
            .try_update_value(std::mem::take)
            .unwrap_or_default();
        if todo != Changes::default() {
            if self.write(Some(&todo)) {
                self.unsaved_step.set_value(false);
                let done = self
                    .since_commit
                    .try_update_value(std::mem::take)
                    .unwrap_or_default();
                self.last_commit.set_value(done);
            }
            self.usage.set(Usage::now());
        }
        self.saving.set(false);
    }

    /// Hands `changes` — or with `None`, the whole document — to storage, and shows a
    /// failed write as a banner (or clears the last one). True when it was written.
    fn write(&self, changes: Option<&Changes>) -> bool {
        let Some(engine) = crate::engine::ready() else {
            // Never expected: whatever changed the document loaded the engine first. The
            // changes wait for the next save rather than being dropped.
            if let Some(c) = changes {
                self.unsaved.update_value(|u| u.merge(c.clone()));
            }
            crate::engine::preload();
            return false;
        };
        let saved = self.ws.with_untracked(|ws| {
            self.store
                .try_update_value(|s| (engine.save)(s, ws, changes))
                .expect("store lives")
        });
        let ok = saved.is_ok();
        self.note_save(saved);
        ok
    }

    fn note_save(&self, saved: Result<(), StorageNotice>) {
        self.notices.update(|n| {
            n.retain(|x| !matches!(x, StorageNotice::WriteFailed { .. }));
            if let Err(e) = saved {
                n.push(e);
            }
        });
    }

    /// Tries again to write everything, after a failed save.
    pub fn retry_save(&self) {
        self.flush();
        let ok = self.write(None);
        if ok {
            self.unsaved_step.set_value(false);
        }
        self.say(
            if ok {
                "Saved."
            } else {
                "Still not saved: the browser refused the write."
            },
            !ok,
        );
    }

    pub fn is_saving(&self) -> bool {
        self.store.with_value(|s| s.is_saving())
    }

    /// The last save was refused (a banner says why); tracks the notices.
    pub fn last_save_failed(&self) -> bool {
        self.notices.with(|n| {
            n.iter()
                .any(|x| matches!(x, StorageNotice::WriteFailed { .. }))
        })
    }

    /// Takes the document another tab saved. Undo history refers to the old document,
    /// so it is cleared.
    pub fn reload_from_storage(&self) -> bool {
        if let Some(meta) = self.heard.get_value() {
            if self.take_elsewhere(Some(meta)) {
                return true;
            }
        }
        self.take_elsewhere(None)
    }

    /// A `storage` event: another tab wrote `key` (`None`: cleared everything). Only the
    /// index is a commit — the keys it names are written before it — so other keys
    /// matter only while an announced index waits for them.
    pub fn storage_changed(&self, key: Option<String>, new_value: Option<String>) {
        let react = match key.as_deref() {
            None => true,
            Some(META_KEY) => new_value.is_none_or(|v| !self.store.with_value(|s| s.knows(&v))),
            Some(k) => is_document_key(k) && self.heard.with_value(Option::is_some),
        };
        if react {
            self.reload_from_storage();
        }
    }

    /// Another tab announced the index it committed (see `storage::local::announce`).
    pub fn heard_commit(&self, meta: String) {
        if self.store.with_value(|s| s.knows(&meta)) {
            return;
        }
        self.heard.set_value(Some(meta.clone()));
        self.take_elsewhere(Some(meta));
        self.retry_heard(10);
    }

    /// An announcement can outrun the keys it names: look again shortly, a few times,
    /// rather than wait for some later event.
    fn retry_heard(&self, tries: u32) {
        if tries == 0 || self.heard.with_value(Option::is_none) {
            return;
        }
        let state = *self;
        after_ms(100, move || {
            if let Some(meta) = state.heard.get_value() {
                state.take_elsewhere(Some(meta));
                state.retry_heard(tries - 1);
            }
        });
    }

    /// Takes the document storage holds — under `meta` if given, an index another tab
    /// announced — and replays this tab's own recent commands on top. That is the
    /// engine's work (`crate::engine`): another tab's save that comes before it has
    /// arrived is taken once it has.
    fn take_elsewhere(&self, meta: Option<String>) -> bool {
        if let Some(engine) = crate::engine::ready() {
            return (engine.take)(*self, meta);
        }
        let state = *self;
        leptos::task::spawn_local(async move {
            if crate::engine::load().await.is_ok() {
                state.reload_from_storage();
            }
        });
        false
    }

    /// `take_elsewhere` with the engine here.
    pub(crate) fn take_now(&self, meta: Option<String>) -> bool {
        let taken = match self
            .store
            .try_update_value(|s| s.reload(meta.as_deref()))
            .flatten()
        {
            Some(Reloaded::Taken(t)) => t,
            Some(Reloaded::Known) => {
                self.heard.set_value(None);
                return false;
            }
            // An announced index whose keys have not reached this tab yet: tried again
            // on the next storage event or save.
            None => return false,
        };
        self.heard.set_value(None);
        if self.unsaved_step.get_value() {
            // Taking the other tab's document would drop this tab's unsaved work, and
            // writing this one would drop the other tab's: neither is overwritten. This
            // tab stops saving and keeps what it shows, for the user to export.
            self.store.update_value(LocalStore::stop_saving);
            self.unsaved.set_value(Changes::default());
            self.notices.update(|n| {
                n.retain(|x| !matches!(x, StorageNotice::WriteFailed { .. }));
                if !n.contains(&StorageNotice::Diverged) {
                    n.push(StorageNotice::Diverged);
                }
            });
            self.saving.set(false);
            return false;
        }
        let mut ws = taken.ws;
        // Replay this tab's edits the other tab has not seen. Ids make this safe: an add
        // already there is refused as a duplicate, a delete of what is gone is refused.
        // A whole-workspace replacement the other tab may have built on is not replayed:
        // it would wipe that tab's work.
        let mut replay = if taken.built_on_mine {
            Vec::new()
        } else {
            self.last_commit.with_value(|l| {
                l.iter()
                    .filter(|c| !matches!(c, Command::ReplaceWorkspace(_)))
                    .cloned()
                    .collect()
            })
        };
        replay.extend(
            self.since_commit
                .try_update_value(std::mem::take)
                .unwrap_or_default(),
        );
        let mut merged = Changes::default();
        let mut applied = Vec::new();
        for cmd in replay {
            if let Ok((c, _)) = crate::model::apply(&mut ws, cmd.clone()) {
                merged.merge(c);
                applied.push(cmd);
            }
        }
        forget_sizes();
        // Debounced changes not yet written were replayed above (or are undo steps that
        // refer to the old document): writing them now would undo the other tab's save.
        self.unsaved.set_value(Changes::default());
        let changed = self.ws.with_untracked(|cur| cur != &ws);
        if changed {
            self.ws.set(ws);
            self.history.update_value(|h| h.clear());
            self.undo_label.set(None);
            self.redo_label.set(None);
        }
        if merged != Changes::default() {
            // This tab's edits were missing from the other tab's save: write the merge.
            if self.write(Some(&merged)) {
                self.last_commit.set_value(applied);
            }
            self.say(
                "Another tab saved at the same moment: its changes and yours are both kept.",
                false,
            );
        } else {
            self.last_commit.set_value(Vec::new());
            if changed {
                self.say("Updated with changes made in another tab.", false);
            }
        }
        self.saving.set(false);
        self.usage.set(Usage::now());
        changed
    }

    /// Announces a message in the status line and to screen readers.
    pub fn say(&self, text: impl Into<String>, error: bool) {
        self.status.set(Some(Status {
            text: text.into(),
            error,
        }));
    }

    /// The current product's id (see `product`).
    pub fn product_id(&self) -> Option<Id> {
        self.product.get()
    }

    /// A link to `page` for the current product.
    pub fn link(&self, page: Page) -> String {
        Route::page(page).with_product(self.product_id()).href()
    }

    /// Goes to a route by changing the URL fragment, which keeps history and deep links.
    pub fn go(&self, route: Route) {
        if let Some(w) = web_sys::window() {
            w.location().set_hash(&route.href()).ok();
        }
    }
}

/// The entity a command edits, as it is in `ws` (for spotting two tabs editing the same one).
fn edited_entity(ws: &Workspace, cmd: &Command) -> Option<crate::model::Entity> {
    use crate::model::Entity;
    let Command::Edit { product, entity } = cmd else {
        return None;
    };
    let p = ws.product(product)?;
    let id = entity.id();
    match entity {
        Entity::Item(_) => p.item(id).cloned().map(Entity::Item),
        Entity::Feature(_) => p.feature(id).cloned().map(Entity::Feature),
        Entity::Theme(_) => p.theme(id).cloned().map(Entity::Theme),
        Entity::Objective(_) => p.objective(id).cloned().map(Entity::Objective),
        Entity::Sprint(_) => p.sprint(id).cloned().map(Entity::Sprint),
        Entity::Release(_) => p
            .releases
            .iter()
            .find(|r| &r.id == id)
            .cloned()
            .map(Entity::Release),
    }
}

/// Reads the current product, untracked: for event handlers.
pub fn with_product<R>(state: AppState, f: impl FnOnce(&Product) -> R) -> Option<R> {
    let id = state.product.get_untracked()?;
    state.ws.with_untracked(|w| w.product(&id).map(f))
}

/// Reads the current product and tracks it: for memos and views that follow the
/// product shown and its contents.
pub fn read_product<R>(state: AppState, f: impl FnOnce(&Product) -> R) -> Option<R> {
    let id = state.product.get()?;
    state.ws.with(|w| w.product(&id).map(f))
}

crate::lazy::split_point!(
    fn sample_products() -> Workspace {
        crate::model::sample::sample_workspace(today(), &mut |p: &str| new_id(p))
    }
);

/// A fresh random id. Random rather than counted so two tabs never hand out the same one.
pub fn new_id(prefix: &str) -> Id {
    let hi = (js_sys::Math::random() * 4_294_967_296.0) as u64;
    let lo = (js_sys::Math::random() * 65_536.0) as u64;
    Id::from_parts(prefix, (hi << 16) | lo)
}

pub fn current_hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// Today's date in the user's time zone.
pub fn today() -> crate::model::Day {
    let d = js_sys::Date::new_0();
    crate::model::Day::new(
        d.get_full_year() as i32,
        d.get_month() as u8 + 1,
        d.get_date() as u8,
    )
    .unwrap_or(crate::model::Day {
        year: 2026,
        month: 1,
        day: 1,
    })
}

impl AppState {
    /// Loads the sample products, whose text is a chunk of its own (the first screen does
    /// not pay for it), with the engine that adds them.
    pub fn load_sample(&self) {
        let state = *self;
        leptos::task::spawn_local(async move {
            let engine = crate::engine::load().await;
            match sample_products().await {
                Ok(sample) if engine.is_ok() => state.add_sample(sample),
                _ => state.say(
                    "The sample could not be loaded: this browser cannot reach the site. Try again when you are back online.",
                    true,
                ),
            }
        });
    }

    /// Adds the sample: as the whole workspace when it is empty, otherwise next to what is
    /// there (fresh ids, nothing replaced). Undoable either way.
    fn add_sample(&self, sample: Workspace) {
        let empty = self.ws.with_untracked(|w| w.products.is_empty());
        let first = sample.products.first().map(|p| p.id.clone());
        let cmd = if empty {
            Command::ReplaceWorkspace(Box::new(sample))
        } else {
            Command::Batch {
                label: "load the sample products".into(),
                commands: sample
                    .products
                    .into_iter()
                    .map(|p| Command::AddProduct {
                        product: Box::new(p),
                        index: None,
                    })
                    .collect(),
            }
        };
        if self.dispatch(cmd).is_ok() {
            self.say(
                "Sample loaded: two products, Trailhead and Ranger Console.",
                false,
            );
            let page = self.route.with_untracked(|r| r.page);
            let page = if page == Page::Home {
                Page::Hierarchy
            } else {
                page
            };
            self.go(Route::page(page).with_product(first));
        }
    }

    /// "Start empty" on a first visit: save the empty workspace so the welcome is not shown again.
    pub fn start_empty(&self) {
        let state = *self;
        leptos::task::spawn_local(async move {
            if crate::engine::load().await.is_err() {
                state.say(crate::engine::missing().to_string(), true);
                return;
            }
            state.first_visit.set(false);
            state.write(None);
            state.go(Route::page(Page::Hierarchy).with_focus("new-product"));
        });
    }
}
