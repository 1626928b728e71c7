//! The application state every component reaches through context.
//!
//! The document changes only through [`AppState::dispatch`] (and undo/redo), which is
//! where persistence and history hang, so no component writes the workspace directly.

use crate::model::{Command, Entity, Id, Product, Workspace};
use crate::route::{Page, Route};
use crate::storage::format::PREFIX;
use crate::storage::local::{LocalTab, StorageNotice, Usage};
use crate::storage::tab::{Outcome, Refusal, Tab};
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

/// The tab's undo and redo labels and its saving state (`AppState::tab_view`).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TabView {
    pub undo: Option<String>,
    pub redo: Option<String>,
    /// Changes wait for `flush`.
    pub saving: bool,
}

#[derive(Clone, Copy)]
pub struct AppState {
    /// The whole document, to read; it changes only through `dispatch` (and undo, redo,
    /// another tab's commit), which write `doc`.
    pub ws: ReadSignal<Workspace>,
    doc: RwSignal<Workspace>,
    /// This tab's editing over storage: undo history, unsaved edits, what other tabs
    /// committed (`storage::tab`).
    tab: StoredValue<LocalTab, LocalStorage>,
    save_timer: StoredValue<Option<i32>>,
    /// Bumped after every operation on `tab`: what the memos below read from it may
    /// have changed.
    tab_changed: Trigger,
    /// Bumped when what storage holds may have changed (a save, another tab's or
    /// another app's write, a removal): `usage` reads it again.
    stored: Trigger,
    /// What the header and footer show of the tab: undo and redo, and whether changes
    /// wait for `flush`. One memo for the three, read as often as they change.
    pub tab_view: Memo<TabView>,
    /// The storage this app and the origin use, as of the last change to storage.
    pub usage: Memo<Usage>,
    /// Storage problems shown as banners until dismissed or resolved.
    pub notices: RwSignal<Vec<StorageNotice>>,
    pub route: RwSignal<Route>,
    /// True until the user picks "Load the sample" or "Start empty" on a first visit.
    pub first_visit: RwSignal<bool>,
    /// A document stored by an older version is being read (`LocalStore::open_older`).
    pub reading_older: RwSignal<bool>,
    pub status: RwSignal<Option<Status>>,
    /// A backup a banner's Restore asked the Data page to open in its import preview.
    pub restore_request: RwSignal<Option<String>>,
    /// The product the current page shows: the one in the URL if it exists, else the
    /// first. A memo, so pages re-render only when it really changes.
    pub product: Memo<Option<Id>>,
}

fn is_full(n: &StorageNotice) -> bool {
    matches!(n, StorageNotice::Full { .. })
}

/// How often read-only mode checks whether a save fits again.
const ROOM_CHECK_MS: i32 = 2_000;

impl AppState {
    /// Opens storage and builds the state. Call once, from `App`.
    pub fn init() -> AppState {
        let opened = crate::storage::local::open();
        let settled = opened.settled;
        let route = RwSignal::new(Route::parse(&current_hash()));
        let doc = RwSignal::new(settled.workspace.unwrap_or_default());
        let ws = doc.read_only();
        let product = Memo::new(move |_| {
            let wanted = route.with(|r| r.product.clone());
            ws.with(|ws| match wanted {
                Some(id) if ws.product(&id).is_some() => Some(id),
                _ => ws.products.first().map(|p| p.id.clone()),
            })
        });
        let tab = StoredValue::new_local(Tab::new(opened.store));
        let (tab_changed, stored) = (Trigger::new(), Trigger::new());
        let state = AppState {
            ws,
            doc,
            tab,
            save_timer: StoredValue::new(None),
            tab_changed,
            stored,
            usage: Memo::new(move |_| {
                stored.track();
                Usage::now()
            }),
            tab_view: Memo::new(move |_| {
                tab_changed.track();
                tab.with_value(|t| TabView {
                    undo: t.undo_label().map(str::to_string),
                    redo: t.redo_label().map(str::to_string),
                    saving: t.pending(),
                })
            }),
            notices: RwSignal::new(settled.notices),
            route,
            first_visit: RwSignal::new(settled.first_visit),
            reading_older: RwSignal::new(opened.older.is_some()),
            status: RwSignal::new(None),
            restore_request: RwSignal::new(None),
            product,
        };
        provide_context(state);
        if state.notices.with_untracked(|n| n.iter().any(is_full)) {
            state.watch_room();
        }
        if let Some(key) = settled.rebuild_from {
            state.rebuild(key);
        }
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
                .tab
                .try_update_value(|t| (engine.read_older)(&mut t.session, version))
            else {
                return;
            };
            state.doc.set(settled.workspace.unwrap_or_default());
            state.first_visit.set(settled.first_visit);
            state.notices.update(|n| n.extend(settled.notices));
            state.reading_older.set(false);
            if let Some(from) = settled.migrated_from {
                state.finish_migration(from);
            }
            // An older chunked layout whose index cannot be read: its products' newest
            // keys may still make whole products, as for the current layout.
            if let Some(key) = settled.rebuild_from {
                state.rebuild(key);
            }
        });
    }

    /// Starts on what a backup of an unreadable document still holds, once the engine
    /// (which rebuilds and saves) is here; Home waits, as for an older layout.
    fn rebuild(&self, backup_key: String) {
        let state = *self;
        state.reading_older.set(true);
        leptos::task::spawn_local(async move {
            let engine = crate::engine::load().await;
            state.reading_older.set(false);
            let Ok(engine) = engine else { return };
            let rebuilt = state
                .tab
                .try_update_value(|t| (engine.rebuild)(&mut t.session, &backup_key))
                .flatten();
            let Some(ws) = rebuilt else { return };
            let n = ws.products.len();
            state.notices.update(|notices| {
                for x in notices.iter_mut() {
                    if let StorageNotice::Recovered {
                        backup_key: k,
                        rebuilt,
                        ..
                    } = x
                    {
                        if *k == backup_key {
                            *rebuilt = n;
                        }
                    }
                }
            });
            state.doc.set(ws);
            state.run(|e, t, ws| (e.save_all)(t, ws));
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
                    .tab
                    .try_update_value(|t| (engine.finish_migration)(&mut t.session, ws, from))
                    .unwrap_or_default()
            });
            state.notices.update(|n| n.extend(notices));
            state.stored.notify();
        });
    }

    /// The state provided by `App`; panics outside it, which is a programming error.
    pub fn expect() -> AppState {
        use_context::<AppState>().expect("AppState is provided by App")
    }

    /// Runs an operation of the engine on this tab and shows what it did. `None` when
    /// the engine is not here (it is fetched on the first interaction).
    fn run(
        &self,
        op: impl FnOnce(&crate::engine::Engine, &mut LocalTab, &mut Workspace) -> Outcome,
    ) -> Option<Outcome> {
        let engine = crate::engine::ready()?;
        let mut out = None;
        // Untracked: most operations (a save, an event with nothing new) leave the
        // document as it is, and every view of it would redraw for nothing.
        self.doc.update_untracked(|ws| {
            out = self.tab.try_update_value(|t| op(&engine, t, ws));
        });
        let out = out?;
        if out.changed {
            self.doc.notify();
        }
        self.show(&out);
        Some(out)
    }

    /// Shows an outcome: labels, the saving state, banners and the status line.
    fn show(&self, out: &Outcome) {
        // The memos compare, so views redraw only where a label or the state changed.
        self.tab_changed.notify();
        // A write, or the end of writing, replaces the last failed write's banner.
        if out.saved.is_some() || out.diverged {
            self.notices.update(|n| {
                n.retain(|x| !matches!(x, StorageNotice::WriteFailed { .. }));
                if let Some(Err(e)) = &out.saved {
                    n.push(e.clone());
                }
                if out.diverged && !n.contains(&StorageNotice::Diverged) {
                    n.push(StorageNotice::Diverged);
                }
            });
        }
        if matches!(out.saved, Some(Err(_))) {
            // Perhaps another app filled the origin since it was measured.
            crate::storage::local::forget_others();
            self.retry_later();
        }
        if out.replaced || out.saved.is_some() {
            self.stored.notify();
        }
        if let Some(e) = &out.refused {
            self.say(format!("Not changed: {}", e.what), true);
        } else if let Some((text, error)) = &out.say {
            self.say(text.clone(), *error);
        }
    }

    /// Adds an entity at the end of its list in the product shown.
    pub fn add_here(&self, entity: crate::model::Entity) -> Result<(), String> {
        self.dispatch_here(|product| Command::Add {
            product,
            entity,
            index: None,
        })
    }

    /// Dispatches the command `make` builds for the product shown; refused when none is.
    pub fn dispatch_here(&self, make: impl FnOnce(Id) -> Command) -> Result<(), String> {
        match self.product.get_untracked() {
            Some(product) => self.dispatch(make(product)),
            None => Err("there is no product".into()),
        }
    }

    /// Stores a changed copy of an entity of the product shown as one `Edit`: `change` on
    /// the copy, and nothing stored if it changed nothing. No entity (it was deleted, here
    /// or in another tab) is refused with `gone`.
    pub fn edit_entity<T: Clone + PartialEq>(
        &self,
        entity: Option<T>,
        gone: &str,
        change: impl FnOnce(&mut T),
        wrap: fn(T) -> Entity,
    ) -> Result<(), String> {
        let Some(mut entity) = entity else {
            return Err(gone.into());
        };
        let before = entity.clone();
        change(&mut entity);
        if entity == before {
            return Ok(());
        }
        self.dispatch_here(|product| Command::Edit {
            product,
            entity: wrap(entity),
        })
    }

    /// Applies a command, records it for undo and saves what it touched a moment later
    /// (`storage::tab::Tab::dispatch`). A refusal comes back in words, worded by the
    /// engine: formatting a `ModelError` here would put every refusal's words in the
    /// first load.
    pub fn dispatch(&self, cmd: Command) -> Result<(), String> {
        self.try_dispatch(cmd).map_err(Refusal::sentence)
    }

    /// `dispatch`, with a refusal's place and problem apart, for a field that shows the
    /// problem alone.
    pub fn try_dispatch(&self, cmd: Command) -> Result<(), Refusal> {
        let Some(out) = self.run(|e, t, ws| (e.dispatch)(t, ws, cmd)) else {
            crate::engine::preload();
            let what = crate::engine::missing();
            self.say(format!("Not changed: {what}"), true);
            return Err(Refusal {
                at: String::new(),
                what,
            });
        };
        if let Some(e) = out.refused {
            return Err(e);
        }
        self.first_visit.set(false);
        crate::focus::keep_through_change();
        if self.save_timer.with_value(Option::is_none) {
            let state = *self;
            match after_ms(SAVE_DELAY_MS, move || state.flush()) {
                Some(t) => self.save_timer.set_value(Some(t)),
                // No timer (never expected in a browser): save now rather than later.
                None => self.flush(),
            }
        }
        Ok(())
    }

    pub fn undo(&self) {
        self.step(true);
    }

    pub fn redo(&self) {
        self.step(false);
    }

    fn step(&self, back: bool) {
        // No engine yet: nothing was changed in this tab, so there is nothing to undo.
        // (An undone or redone move takes the focus along: `engine`.)
        if self
            .run(|e, t, ws| (e.step)(t, ws, back))
            .is_some_and(|o| o.changed)
        {
            crate::focus::keep_through_change();
        }
    }

    /// Writes what changed since the last save. Runs shortly after an edit, and at once
    /// when the page is hidden or unloaded (`pagehide`, `visibilitychange`), so a
    /// reload or a closed tab right after an edit keeps it.
    pub fn flush(&self) {
        if let Some(t) = self.save_timer.try_update_value(Option::take).flatten() {
            cancel(t);
        }
        if self.tab.with_value(|t| t.pending()) {
            self.run(|e, t, ws| (e.flush)(t, ws));
        }
    }

    /// A refused save is tried again by itself once superseded keys have had time to
    /// go (their clean-up waits `CLEAN_UP_DELAY_MS`), and again while storage stays
    /// full, so "Not saved" ends without a reload or a click once a save fits.
    fn retry_later(&self) {
        if self.save_timer.with_value(Option::is_some) {
            return;
        }
        let state = *self;
        let delay = crate::storage::session::CLEAN_UP_DELAY_MS + 1_000;
        if let Some(t) = after_ms(delay, move || state.flush()) {
            self.save_timer.set_value(Some(t));
        }
    }

    /// Tries again to write everything, after a failed save.
    pub fn retry_save(&self) {
        self.run(|e, t, ws| (e.retry)(t, ws));
    }

    pub fn is_saving(&self) -> bool {
        self.tab.with_value(|t| t.session.is_saving())
    }

    /// True while storage is full and the workspace read-only (`StorageNotice::Full`).
    pub fn is_read_only(&self) -> bool {
        self.notices.with(|n| n.iter().any(is_full))
    }

    /// While read-only, checks every few seconds whether a save fits again, and opens
    /// editing by itself when it does: no reload, no click.
    fn watch_room(&self) {
        let state = *self;
        after_ms(ROOM_CHECK_MS, move || {
            let fits = state
                .tab
                .try_update_value(|t| t.session.check_room())
                .unwrap_or(true);
            if fits {
                state.room_again();
            } else {
                state.watch_room();
            }
        });
    }

    fn room_again(&self) {
        self.notices.update(|n| n.retain(|x| !is_full(x)));
        crate::storage::local::forget_others();
        self.stored.notify();
        self.say(
            "There is room in storage again: Two Hats saves your changes as usual.",
            false,
        );
        self.flush();
    }

    /// Copies of stored parts that a newer save replaced and a clean-up has not removed
    /// yet, with their sizes: what read-only mode offers to remove first.
    pub fn superseded(&self) -> Vec<(String, usize)> {
        self.tab.with_value(|t| t.session.superseded_keys())
    }

    pub fn remove_superseded(&self) {
        self.tab.with_value(|t| t.session.remove_superseded());
        self.stored.notify();
    }

    /// A small UI preference kept beside the document (never part of undo or export).
    pub fn pref(name: &str) -> Option<String> {
        crate::storage::local::read_pref(name)
    }

    pub fn set_pref(name: &str, value: &str) {
        crate::storage::local::write_pref(name, value)
    }

    /// Every key Two Hats stores, raw, as one JSON object (nothing else reads them).
    pub fn raw_dump(&self) -> String {
        crate::storage::local::raw_dump()
    }

    /// The backups of stored data Two Hats could not read, with their sizes, newest first.
    pub fn backups(&self) -> Vec<(String, usize)> {
        crate::storage::local::backups()
    }

    pub fn backup(&self, key: &str) -> Option<String> {
        crate::storage::local::backup(key)
    }

    /// Removes one backup, to free room; never anything else.
    pub fn remove_backup(&self, key: &str) {
        crate::storage::local::remove_backup(key);
        self.stored.notify();
    }

    /// The last save was refused (a banner says why); tracks the notices.
    pub fn last_save_failed(&self) -> bool {
        self.notices.with(|n| {
            n.iter()
                .any(|x| matches!(x, StorageNotice::WriteFailed { .. }))
        })
    }

    /// Runs `op` once the engine has arrived: an event from another tab that comes
    /// before it (a `run` that found no engine) is handled then.
    fn after_engine(
        &self,
        op: fn(&crate::engine::Engine, &mut LocalTab, &mut Workspace) -> Outcome,
    ) {
        let state = *self;
        leptos::task::spawn_local(async move {
            if crate::engine::load().await.is_ok() {
                state.run(op);
            }
        });
    }

    /// A `storage` event: another tab wrote `key` (`None`: cleared everything).
    pub fn storage_changed(&self, key: Option<String>, new_value: Option<String>) {
        if !key.as_deref().is_some_and(|k| k.starts_with(PREFIX)) {
            // Another app on this origin: it changes what is left for Two Hats.
            crate::storage::local::forget_others();
            self.stored.notify();
            if key.is_some() {
                return;
            }
        }
        if self
            .run(|e, t, ws| (e.storage_changed)(t, ws, key.as_deref(), new_value.as_deref()))
            .is_none()
        {
            self.after_engine(|e, t, ws| (e.reload)(t, ws));
        }
    }

    /// Another tab announced the index it committed (see `Backend::announce`).
    pub fn heard_commit(&self, meta: String) {
        if self.tab.with_value(|t| t.session.knows(&meta)) {
            return;
        }
        if self.run(|e, t, ws| (e.heard)(t, ws, meta)).is_none() {
            self.after_engine(|e, t, ws| (e.reload)(t, ws));
        }
        self.retry_heard(10);
        self.adopt_orphans_later();
    }

    /// Another tab committed: if its commit overwrote one built beside it whose tab has
    /// since closed, that commit's log is in storage, and this tab takes it in once the
    /// log is old enough that its own tab would have (`storage::session::logs`).
    fn adopt_orphans_later(&self) {
        let state = *self;
        let delay = crate::storage::session::logs::ADOPT_AFTER_MS as i32 + 250;
        after_ms(delay, move || {
            state.run(|e, t, ws| (e.flush)(t, ws));
        });
    }

    /// An announcement can outrun the keys it names: look again shortly, a few times,
    /// rather than wait for some later event.
    fn retry_heard(&self, tries: u32) {
        if tries == 0 || !self.tab.with_value(|t| t.waiting_for_heard()) {
            return;
        }
        let state = *self;
        after_ms(100, move || {
            state.run(|e, t, ws| (e.take_heard)(t, ws));
            state.retry_heard(tries - 1);
        });
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

    /// Shows `focus` inside this page (an item's panel, a feature's details) in place of
    /// the current history entry: opening or closing one is not a step for Back, and a
    /// reload shows the same.
    pub fn show_focus(&self, focus: Option<String>) {
        let now = self.route.get_untracked();
        let next = match focus {
            Some(f) => now.clone().with_focus(f),
            None => Route {
                focus: None,
                ..now.clone()
            },
        };
        if next != now {
            self.replace_route(next);
        }
    }

    /// Puts `next` in place of the current history entry and shows it.
    pub fn replace_route(&self, next: Route) {
        if let Ok(h) = window().history() {
            h.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&next.href()))
                .ok();
        }
        self.route.set(next);
    }

    /// Goes to a route by changing the URL fragment, which keeps history and deep links.
    pub fn go(&self, route: Route) {
        if let Some(w) = web_sys::window() {
            w.location().set_hash(&route.href()).ok();
        }
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
                state.say(crate::engine::missing(), true);
                return;
            }
            state.first_visit.set(false);
            state.run(|e, t, ws| (e.save_all)(t, ws));
            state.go(Route::page(Page::Hierarchy).with_focus("new-product"));
        });
    }
}
