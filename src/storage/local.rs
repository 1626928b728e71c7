//! The one place that reads and writes `localStorage`.
//!
//! Rules it keeps: nothing is saved before a load has succeeded; stored data that cannot
//! be read is copied to a backup key before anything else happens, and if that copy fails
//! the app stops saving altogether; data from a newer app version is never written over;
//! a failed write leaves the previous stored state intact (see `format` for the
//! copy-on-write commit) and the caller keeps the document in memory.

use super::chunks::{self, Written, CHUNKS};
use super::format::{self, Lineage, Loaded, ProductRef, BACKUP_PREFIX, META_KEY, PREFIX};
use crate::model::{Changes, Id, Item, Workspace};
use gloo_storage::{LocalStorage, Storage};
use std::collections::HashMap;
use wasm_bindgen::JsCast;

/// Why the app is not saving, or what happened to the stored data at start-up. The UI
/// turns each into a banner.
#[derive(Clone, Debug, PartialEq)]
pub enum StorageNotice {
    /// `localStorage` is blocked (private mode, policy): the app runs in memory.
    Blocked,
    /// Stored data could not be read; it was copied to `backup_key` and the app started fresh.
    Recovered { reason: String, backup_key: String },
    /// Stored data could not be read, and could not be backed up either: nothing is saved,
    /// so the original stays exactly as it was.
    UnreadableKept { reason: String },
    /// Stored by a newer app version: left untouched, nothing is saved.
    Newer { version: u32 },
    /// Stored by an older version and migrated; the original stays under `backup_key`
    /// until the migrated one is saved (`saved` says whether that happened).
    Migrated {
        from: u32,
        backup_key: String,
        saved: bool,
    },
    /// A save failed (usually the quota); the document is still in memory.
    WriteFailed { reason: String },
    /// Another tab saved while this tab held an undo it could not save: the two
    /// documents differ in a way neither can take from the other, so this tab stopped
    /// saving and keeps its own on screen.
    Diverged,
}

impl StorageNotice {
    /// True for the notices that mean changes are not being saved right now.
    pub fn blocks_saving(&self) -> bool {
        matches!(
            self,
            StorageNotice::Blocked
                | StorageNotice::UnreadableKept { .. }
                | StorageNotice::Newer { .. }
                | StorageNotice::Diverged
        )
    }
}

#[derive(Debug, Default)]
pub struct LocalStore {
    available: bool,
    writable: bool,
    /// The keys each product is stored under, as this tab last read or wrote them.
    refs: HashMap<Id, ProductRef>,
    /// What those keys hold, to tell which of them an edit changed. A product missing
    /// here is written whole on its next save.
    written: HashMap<Id, Written>,
    /// Parts changed in memory that a failed save did not get into storage yet.
    pending: Changes,
    /// The workspace index as this tab last read or wrote it: when storage holds
    /// anything else, another tab has saved since.
    last_meta: Option<String>,
    /// This tab's writer id, the low bits of every revision it writes (see `format::next_rev`).
    writer: u16,
    /// The commit this tab last read or wrote (the parent of its next one) and the one it
    /// last wrote itself.
    seen_commit: u64,
    written_commit: u64,
    /// This tab's own last index, when it has since taken another tab's announced one
    /// that its `localStorage` does not show yet: not a sign of another change.
    superseded: Option<String>,
    /// Commits this tab has written or taken, newest last: one of them seen again (a
    /// late storage event, a stale view) is old news, never taken twice.
    known_commits: std::collections::VecDeque<u64>,
}

/// One product's part of a save: the chunks it rewrote and whether it rewrote the core.
struct Saved {
    id: Id,
    changed: Vec<(usize, Vec<Item>)>,
    core_changed: bool,
}

/// What `reload` found.
pub enum Reloaded {
    /// A commit this tab has already written or taken: nothing to do.
    Known,
    Taken(Taken),
}

/// A document another tab committed, as `reload` read it.
pub struct Taken {
    pub ws: Workspace,
    /// True when that tab had read this tab's last commit before writing its own: this
    /// tab's committed edits are in it, and only newer ones need replaying.
    pub built_on_mine: bool,
}

pub struct Opened {
    pub store: LocalStore,
    pub settled: Settled,
    /// Stored in an older layout, not read yet: see `LocalStore::open_older`.
    pub older: Option<u32>,
}

/// What reading storage leaves the app to start on.
pub struct Settled {
    /// The stored workspace, or `None` when the app must start on a fresh one.
    pub workspace: Option<Workspace>,
    /// True when nothing at all was stored: the first visit.
    pub first_visit: bool,
    pub notices: Vec<StorageNotice>,
    /// Read from an older version (layout or content): to be saved in this version's
    /// with `finish_migration` once the code that saves has arrived (`crate::engine`).
    /// Until then the stored keys stay as they were.
    pub migrated_from: Option<u32>,
}

/// Writes a workspace (all of it) through the engine's `save`.
pub type SaveAll<'a> = &'a dyn Fn(&mut LocalStore, &Workspace) -> Result<(), StorageNotice>;

/// gloo-storage panics where `localStorage` is blocked, so ask the browser directly first.
fn probe() -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let Ok(Some(storage)) = window.local_storage() else {
        return false;
    };
    let key = "twohats.probe";
    storage.set_item(key, "1").is_ok() && storage.remove_item(key).is_ok()
}

thread_local! {
    static AVAILABLE: std::cell::OnceCell<bool> = const { std::cell::OnceCell::new() };
}

/// The probe's answer, asked once per page.
fn available() -> bool {
    AVAILABLE.with(|a| *a.get_or_init(probe))
}

#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    /// A `Storage` whose `getItem` gives the JS string itself, for `js_text` to copy.
    type JsStorage;
    #[wasm_bindgen(method, catch, js_name = getItem)]
    fn get_item(
        this: &JsStorage,
        key: &str,
    ) -> Result<Option<js_sys::JsString>, wasm_bindgen::JsValue>;
}

fn get(key: &str) -> Option<String> {
    let value = LocalStorage::raw()
        .unchecked_into::<JsStorage>()
        .get_item(key)
        .ok()
        .flatten()
        .map(|s| super::js_text::read(&s));
    if key.starts_with(PREFIX) {
        // Loading reads every key once; noting the sizes then saves reading megabytes
        // again to know how much of the quota is used.
        SIZES.with(|cell| {
            let mut sizes = cell.borrow_mut();
            match &value {
                Some((_, units)) => sizes.map.insert(key.to_string(), chars(key) + units),
                None => sizes.map.remove(key),
            };
        });
    }
    value.map(|(text, _)| text)
}

fn set(key: &str, value: &str) -> Result<(), String> {
    LocalStorage::raw()
        .set_item(key, value)
        .map_err(describe_js_error)?;
    if key.starts_with(PREFIX) {
        with_sizes(|m| m.insert(key.to_string(), chars(key) + chars(value)));
    }
    Ok(())
}

fn remove(key: &str) {
    LocalStorage::raw().remove_item(key).ok();
    with_sizes(|m| m.remove(key));
}

/// UTF-16 units: what the quota counts. Documents are mostly ASCII, where that is the
/// byte length, found without walking megabytes character by character.
fn chars(s: &str) -> usize {
    if s.is_ascii() {
        s.len()
    } else {
        s.encode_utf16().count()
    }
}

/// The size of every `twohats.*` key, so usage is known after every save without
/// reading megabytes back.
#[derive(Default)]
struct Sizes {
    map: HashMap<String, usize>,
    /// Whether `map` holds every key: until then it holds the keys read or written.
    complete: bool,
}

thread_local! {
    /// Filled by the reads of loading and one scan of the keys not read, then kept up
    /// to date by `get`, `set` and `remove`; dropped when another tab has written
    /// (`forget_sizes`).
    static SIZES: std::cell::RefCell<Sizes> = std::cell::RefCell::new(Sizes::default());
}

fn with_sizes<R>(f: impl FnOnce(&mut HashMap<String, usize>) -> R) -> R {
    let complete = SIZES.with(|cell| cell.borrow().complete);
    if !complete {
        let keys: std::collections::HashSet<String> = all_keys()
            .into_iter()
            .filter(|k| k.starts_with(PREFIX))
            .collect();
        // Document keys carry their revision and are never rewritten, so a size once
        // known stays true while the key exists; the meta and preferences are small and
        // read again.
        let unread: Vec<String> = SIZES.with(|cell| {
            let map = &mut cell.borrow_mut().map;
            map.retain(|k, _| keys.contains(k) && format::is_document_key(k) && k != META_KEY);
            keys.into_iter().filter(|k| !map.contains_key(k)).collect()
        });
        for key in unread {
            get(&key);
        }
        SIZES.with(|cell| cell.borrow_mut().complete = true);
    }
    SIZES.with(|cell| f(&mut cell.borrow_mut().map))
}

/// Another tab wrote: keys may have come and gone, so the next `Usage::now` lists them
/// again and reads only those it does not know.
pub fn forget_sizes() {
    SIZES.with(|cell| cell.borrow_mut().complete = false);
}

fn all_keys() -> Vec<String> {
    let raw = LocalStorage::raw();
    let n = raw.length().unwrap_or(0);
    (0..n).filter_map(|i| raw.key(i).ok().flatten()).collect()
}

/// Writes a key this save adds. When the quota is the problem, superseded revisions
/// waiting for their clean-up are the first thing to give back, then it tries again.
fn write_new(key: &str, value: &str, written: &mut Vec<String>) -> Result<(), String> {
    set(key, value).or_else(|_| {
        let mut keep = written.clone();
        keep.push(key.to_string());
        remove_unreferenced_except(&keep);
        set(key, value)
    })?;
    written.push(key.to_string());
    Ok(())
}

/// How long a superseded revision is kept: long enough for every tab to have seen the
/// meta that replaced it (Chromium hands storage changes to other tabs within milliseconds).
const CLEAN_UP_DELAY_MS: i32 = 3_000;

/// Removes those of `keys` that the meta in storage then does not name, after a delay.
fn clean_up_later(keys: Vec<String>) {
    if keys.is_empty() {
        return;
    }
    // If no timer can be set the keys stay: harmless leftovers that the next start removes.
    crate::timer::after_ms(CLEAN_UP_DELAY_MS, move || remove_unreferenced(&keys));
}

fn remove_unreferenced(keys: &[String]) {
    let Some(live) = get(META_KEY).and_then(|m| format::referenced_keys(&m)) else {
        return;
    };
    keys.iter()
        .filter(|k| !live.contains(k))
        .for_each(|k| remove(k));
}

/// Every product key the stored meta does not name, except `keep`.
fn remove_unreferenced_except(keep: &[String]) {
    let candidates: Vec<String> = all_keys()
        .into_iter()
        .filter(|k| format::is_document_key(k) && k != META_KEY && !keep.contains(k))
        .collect();
    remove_unreferenced(&candidates);
}

fn describe_js_error(e: wasm_bindgen::JsValue) -> String {
    if let Some(d) = e.dyn_ref::<web_sys::DomException>() {
        if d.name() == "QuotaExceededError" {
            return "the browser's storage for this site is full".to_string();
        }
        return format!("{}: {}", d.name(), d.message());
    }
    e.as_string()
        .unwrap_or_else(|| "the browser refused to store the data".to_string())
}

fn now_stamp() -> String {
    let d = js_sys::Date::new_0();
    d.to_iso_string()
        .as_string()
        .unwrap_or_default()
        .replace([':', '.'], "-")
}

/// Every document key with its raw text, as one JSON object (what a backup key holds).
fn document_copy() -> (Vec<String>, String) {
    let keys: Vec<String> = all_keys()
        .into_iter()
        .filter(|k| format::is_document_key(k))
        .collect();
    let copy: serde_json::Map<String, serde_json::Value> = keys
        .iter()
        .filter_map(|k| Some((k.clone(), serde_json::Value::String(get(k)?))))
        .collect();
    (keys, serde_json::Value::Object(copy).to_string())
}

/// Copies every document key, as raw text, into one backup key, then clears them.
fn back_up_document() -> Result<String, String> {
    let (keys, copy) = document_copy();
    let key = format!("{BACKUP_PREFIX}{}", now_stamp());
    set(&key, &copy)?;
    for k in &keys {
        remove(k);
    }
    Ok(key)
}

impl LocalStore {
    /// Loads the stored workspace, deciding what may be saved afterwards.
    pub fn open() -> Opened {
        if !available() {
            return Opened {
                store: LocalStore::default(),
                settled: Settled {
                    workspace: None,
                    first_visit: true,
                    notices: vec![StorageNotice::Blocked],
                    migrated_from: None,
                },
                older: None,
            };
        }
        let mut store = LocalStore {
            available: true,
            writable: true,
            writer: (js_sys::Math::random() * 65_536.0) as u16,
            ..LocalStore::default()
        };
        let loaded = format::decode_current::<format::StoredTree>(&get);
        let older = match loaded {
            Loaded::Older { version } => Some(version),
            _ => None,
        };
        let settled = store.settle(loaded);
        store.last_meta = get(META_KEY);
        store.seen_commit = store
            .last_meta
            .as_deref()
            .map(format::lineage)
            .unwrap_or_default()
            .commit;
        let seen = store.seen_commit;
        store.note_commit(seen);
        Opened {
            store,
            settled,
            older,
        }
    }

    /// Reads a document stored in an older layout (`Opened::older`), once the code that
    /// migrates it is here (`crate::engine`); saving stays off until then.
    pub fn open_older(&mut self, version: u32) -> Settled {
        self.writable = true;
        self.settle(format::decode_older::<format::StoredTree>(&get, version))
    }

    /// What the app starts on, given what was read; the store learns which keys are its.
    fn settle(&mut self, loaded: Loaded) -> Settled {
        let mut migrated_from = None;
        let (workspace, first_visit, notices) = match loaded {
            Loaded::Ok { ws, refs } => {
                // Leftovers of a cut-short save — or of a save another tab is making
                // right now, so they go only once a later meta still leaves them out.
                let keys = all_keys();
                clean_up_later(format::stale_keys(keys.iter().map(String::as_str), &refs));
                self.remember(&ws, refs);
                (Some(ws), false, vec![])
            }
            Loaded::Migrated { ws, refs, from } => {
                self.refs = refs.into_iter().map(|r| (r.id.clone(), r)).collect();
                migrated_from = Some(from);
                (Some(ws), false, vec![])
            }
            Loaded::Empty => {
                // Product keys without an index are not a document we can read, but they
                // are someone's data: keep them before starting fresh.
                if all_keys().iter().any(|k| format::is_document_key(k)) {
                    self.recover("product data was found without its workspace index".into())
                } else {
                    (None, true, vec![])
                }
            }
            Loaded::Older { .. } => {
                self.writable = false;
                (None, false, vec![])
            }
            Loaded::Newer { version } => {
                self.writable = false;
                (None, false, vec![StorageNotice::Newer { version }])
            }
            Loaded::Unreadable { reason } => self.recover(reason),
        };
        Settled {
            workspace,
            first_visit,
            notices,
            migrated_from,
        }
    }

    /// Keeps the original under a backup key, saves the migrated workspace in the new
    /// format, and drops the backup only once that save has gone through.
    pub fn finish_migration(
        &mut self,
        ws: &Workspace,
        from: u32,
        save_all: SaveAll,
    ) -> Vec<StorageNotice> {
        if from >= format::CURRENT_VERSION {
            // Only the layout is older: the old keys stay, untouched and named by the old
            // meta, until the new layout is committed, so they are their own backup.
            return save_all(self, ws).err().into_iter().collect();
        }
        let (_, copy) = document_copy();
        let backup_key = format!("{BACKUP_PREFIX}v{from}-{}", now_stamp());
        if set(&backup_key, &copy).is_err() {
            // Without a copy of the original, do not write over it.
            self.writable = false;
            return vec![StorageNotice::Migrated {
                from,
                backup_key: String::new(),
                saved: false,
            }];
        }
        let saved = save_all(self, ws).is_ok();
        if saved {
            remove(&backup_key);
        }
        vec![StorageNotice::Migrated {
            from,
            backup_key,
            saved,
        }]
    }

    fn recover(&mut self, reason: String) -> (Option<Workspace>, bool, Vec<StorageNotice>) {
        match back_up_document() {
            Ok(backup_key) => (
                None,
                false,
                vec![StorageNotice::Recovered { reason, backup_key }],
            ),
            Err(_) => {
                self.writable = false;
                (None, false, vec![StorageNotice::UnreadableKept { reason }])
            }
        }
    }

    /// True when another tab has saved since this tab last read or wrote storage.
    pub fn changed_elsewhere(&self) -> bool {
        if !self.is_saving() {
            return false;
        }
        match get(META_KEY) {
            Some(stored) => !self.knows(&stored) && Some(&stored) != self.superseded.as_ref(),
            None => self.last_meta.is_some(),
        }
    }

    fn note_commit(&mut self, commit: u64) {
        if commit != 0 && !self.known_commits.contains(&commit) {
            self.known_commits.push_back(commit);
            if self.known_commits.len() > 64 {
                self.known_commits.pop_front();
            }
        }
    }

    pub fn is_saving(&self) -> bool {
        self.available && self.writable
    }

    /// Writes nothing more from this tab (see `StorageNotice::Diverged`).
    pub fn stop_saving(&mut self) {
        self.writable = false;
    }

    /// Writes the parts `changes` names (plus any left over from a failed save).
    pub fn save(&mut self, ws: &Workspace, changes: &Changes) -> Result<(), StorageNotice> {
        if !self.is_saving() {
            return Ok(());
        }
        let mut todo = std::mem::take(&mut self.pending);
        todo.meta |= changes.meta;
        for id in &changes.products {
            if !todo.products.contains(id) {
                todo.products.push(id.clone());
            }
        }
        match self.commit(ws, &todo) {
            Ok(()) => Ok(()),
            Err(reason) => {
                self.pending = todo;
                Err(StorageNotice::WriteFailed { reason })
            }
        }
    }

    /// Rewrites everything, e.g. after the user asks to retry a failed save.
    pub fn save_all(&mut self, ws: &Workspace) -> Result<(), StorageNotice> {
        let all = Changes {
            meta: true,
            products: ws.products.iter().map(|p| p.id.clone()).collect(),
        };
        self.save(ws, &all)
    }

    fn commit(&mut self, ws: &Workspace, todo: &Changes) -> Result<(), String> {
        let mut new_refs = self.refs.clone();
        let mut written: Vec<String> = Vec::new();
        let mut obsolete = Vec::new();
        // What to remember once the meta is committed.
        let mut remembered: Vec<Saved> = Vec::new();
        // Random rather than counted: two tabs committing at once must not share an id.
        let commit_id = (js_sys::Math::random() * 9_007_199_254_740_991.0) as u64 + 1;
        let result = (|| {
            for id in &todo.products {
                let old = self.refs.get(id);
                let Some(p) = ws.product(id) else {
                    if let Some(old) = old {
                        obsolete.extend(old.keys());
                    }
                    new_refs.remove(id);
                    continue;
                };
                let prev = self.written.get(id);
                let mut r = ProductRef {
                    id: id.clone(),
                    rev: old.map_or(0, |o| o.rev),
                    chunks: old
                        .map(|o| o.chunks.clone())
                        .filter(|c| c.len() == CHUNKS)
                        .unwrap_or_else(|| vec![0; CHUNKS]),
                };
                let mut changed = Vec::new();
                for (n, bucket) in chunks::split(&p.items).into_iter().enumerate() {
                    if prev.is_some_and(|w| w.same_chunk(n, &bucket)) {
                        continue;
                    }
                    let old_rev = r.chunks[n];
                    if bucket.is_empty() {
                        r.chunks[n] = 0;
                    } else {
                        let rev = format::next_rev(Some(old_rev).filter(|r| *r != 0), self.writer);
                        let key = chunks::items_key(id, n, rev);
                        write_new(
                            &key,
                            &chunks::encode_chunk(id, n, &bucket, rev),
                            &mut written,
                        )?;
                        r.chunks[n] = rev;
                    }
                    if old_rev != 0 {
                        obsolete.push(chunks::items_key(id, n, old_rev));
                    }
                    changed.push((n, bucket.into_iter().cloned().collect()));
                }
                let core_changed = !prev.is_some_and(|w| w.same_core(p)) || old.is_none();
                if core_changed {
                    let rev = format::next_rev(old.map(|o| o.rev), self.writer);
                    let key = format::product_key(id, rev);
                    write_new(&key, &chunks::encode_core(p, rev), &mut written)?;
                    if let Some(o) = old {
                        obsolete.push(format::product_key(id, o.rev));
                    }
                    r.rev = rev;
                }
                new_refs.insert(id.clone(), r);
                remembered.push(Saved {
                    id: id.clone(),
                    changed,
                    core_changed,
                });
            }
            let meta = format::encode_meta(
                ws,
                &|id| {
                    new_refs.get(id).cloned().unwrap_or_else(|| ProductRef {
                        id: id.clone(),
                        rev: 0,
                        chunks: vec![],
                    })
                },
                Lineage {
                    commit: commit_id,
                    parent: self.seen_commit,
                },
            );
            set(META_KEY, &meta)?;
            Ok(meta)
        })();
        let meta = match result {
            Ok(meta) => meta,
            Err(e) => {
                written.iter().for_each(|k| remove(k));
                return Err(e);
            }
        };
        // Committed. The old revisions go a little later: another tab whose view of
        // storage lags may still write a meta that names one of them.
        clean_up_later(obsolete);
        for id in &todo.products {
            if ws.product(id).is_none() {
                self.written.remove(id);
            }
        }
        for Saved {
            id,
            changed,
            core_changed,
        } in remembered
        {
            let p = ws.product(&id).expect("saved above");
            match self.written.get_mut(&id) {
                Some(w) => {
                    for (n, items) in changed {
                        w.chunks[n] = items;
                    }
                    if core_changed {
                        w.core = chunks::core_of(p);
                        w.order = p.items.iter().map(|i| i.id.clone()).collect();
                    }
                }
                None => {
                    self.written.insert(id, Written::of(p));
                }
            }
        }
        self.refs = new_refs;
        announce(&meta);
        self.last_meta = Some(meta);
        self.seen_commit = commit_id;
        self.written_commit = commit_id;
        self.note_commit(commit_id);
        self.superseded = None;
        Ok(())
    }

    /// Takes `refs` as what storage holds for `ws`.
    fn remember(&mut self, ws: &Workspace, refs: Vec<ProductRef>) {
        self.written = ws
            .products
            .iter()
            .map(|p| (p.id.clone(), Written::of(p)))
            .collect();
        self.refs = refs.into_iter().map(|r| (r.id.clone(), r)).collect();
    }

    /// Re-reads storage after another tab changed it. Returns the workspace if it is whole.
    ///
    /// `meta` is an index another tab announced it committed (see `announce`): Chromium
    /// keeps showing this tab its own last write of a key while that write is in flight,
    /// and may then miss the other tab's later write of the same key, so the
    /// announcement is taken over what this tab's `localStorage` says. The other tab's
    /// revision keys are its own and not affected.
    pub fn reload(&mut self, meta: Option<&str>) -> Option<Reloaded> {
        if !self.available {
            return None;
        }
        let read = |k: &str| match meta {
            Some(m) if k == META_KEY => Some(m.to_string()),
            _ => get(k),
        };
        let stored = get(META_KEY);
        let seen = meta.map(str::to_string).or_else(|| stored.clone());
        if seen.as_deref().is_some_and(|m| self.knows(m)) {
            return Some(Reloaded::Known);
        }
        let loaded = format::decode(&read);
        let ws = match loaded {
            Loaded::Ok { ws, refs } => {
                self.remember(&ws, refs);
                ws
            }
            Loaded::Migrated { ws, refs, .. } => {
                // Another tab (an older build) wrote the old layout: rewrite it whole.
                self.written.clear();
                self.refs = refs.into_iter().map(|r| (r.id.clone(), r)).collect();
                ws
            }
            _ => return None,
        };
        let theirs = seen.as_deref().map(format::lineage).unwrap_or_default();
        let built_on_mine = self.written_commit != 0 && theirs.parent == self.written_commit;
        if meta.is_some() && stored != seen {
            self.superseded = stored;
        }
        self.last_meta = seen;
        self.seen_commit = theirs.commit;
        self.note_commit(theirs.commit);
        Some(Reloaded::Taken(Taken { ws, built_on_mine }))
    }

    /// True when `meta` is the index this tab last read or wrote, or one it has already
    /// written or taken.
    pub fn knows(&self, meta: &str) -> bool {
        self.last_meta.as_deref() == Some(meta) || {
            let c = format::lineage(meta).commit;
            c != 0 && self.known_commits.contains(&c)
        }
    }
}

thread_local! {
    static CHANNEL: std::cell::OnceCell<Option<web_sys::BroadcastChannel>> = const { std::cell::OnceCell::new() };
}

/// The channel tabs announce their commits on. Unlike `storage` events it is never
/// held back by a write of this tab's own.
fn channel() -> Option<web_sys::BroadcastChannel> {
    CHANNEL.with(|c| {
        c.get_or_init(|| web_sys::BroadcastChannel::new("twohats.commits").ok())
            .clone()
    })
}

/// Tells the other tabs which index this tab has just committed.
fn announce(meta: &str) {
    if let Some(ch) = channel() {
        ch.post_message(&wasm_bindgen::JsValue::from_str(meta)).ok();
    }
}

/// Calls `f` with each index another tab announces. Returns a function that stops it.
pub fn on_commit_elsewhere(f: impl Fn(String) + 'static) -> impl FnOnce() {
    let listener = wasm_bindgen::closure::Closure::<dyn Fn(web_sys::MessageEvent)>::new(
        move |e: web_sys::MessageEvent| {
            if let Some(meta) = e.data().as_string() {
                f(meta);
            }
        },
    );
    let ch = channel();
    if let Some(ch) = &ch {
        ch.add_event_listener_with_callback("message", listener.as_ref().unchecked_ref())
            .ok();
    }
    move || {
        if let Some(ch) = ch {
            ch.remove_event_listener_with_callback("message", listener.as_ref().unchecked_ref())
                .ok();
        }
        drop(listener);
    }
}

/// Every key this app owns, raw, as one JSON object: what "Download raw data" saves, so
/// nothing that was stored is ever out of the user's reach.
pub fn raw_dump() -> String {
    if !available() {
        return "{}".to_string();
    }
    let map: serde_json::Map<String, serde_json::Value> = all_keys()
        .into_iter()
        .filter(|k| k.starts_with(PREFIX))
        .filter_map(|k| {
            let v = get(&k)?;
            Some((k, serde_json::Value::String(v)))
        })
        .collect();
    serde_json::to_string_pretty(&serde_json::Value::Object(map)).unwrap_or_default()
}

/// How much of the quota the app uses, and how much free room its saves need.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Usage {
    /// Characters stored under this app's keys (each UTF-16 unit counts against the
    /// quota).
    pub used: usize,
    /// Free room the largest save needs (see `format::room_for_a_save`).
    pub room: usize,
}

impl Usage {
    /// Both from the key sizes `local` keeps, in one pass over them.
    pub fn now() -> Usage {
        if !available() {
            return Usage::default();
        }
        with_sizes(|m| Usage {
            used: m.values().sum(),
            room: format::room_for_a_save(m.iter().map(|(k, n)| (k.as_str(), *n))),
        })
    }

    /// Quota units (UTF-16 code units, two bytes each) as kilobytes.
    pub fn kb(chars: usize) -> f64 {
        chars as f64 * 2.0 / 1024.0
    }

    pub fn percent(&self) -> f64 {
        100.0 * self.used as f64 / QUOTA_CHARS as f64
    }

    /// The share as the footer and the Data page both show it: with a decimal while it
    /// is small, so a sample workspace does not read "0%" in one place and "0.4%" in
    /// the other.
    pub fn percent_label(&self) -> String {
        let pc = self.percent();
        let places = if pc < 10.0 { 1 } else { 0 };
        format!("{}%", crate::model::numbers::fixed(pc, places))
    }

    /// Two more saves' worth of room is not left: warn before adds start to fail, while
    /// deleting things can still be saved.
    pub fn nearly_full(&self) -> bool {
        self.used + 2 * self.room > QUOTA_CHARS
    }
}

/// What Chromium and Firefox allow one site: 5 Mi UTF-16 units (10 MiB).
pub const QUOTA_CHARS: usize = 5_242_880;

/// Small UI preferences (expanded rows, training scores): kept apart from the document,
/// never part of undo or export.
pub fn read_pref(name: &str) -> Option<String> {
    if !available() {
        return None;
    }
    get(&format!("{PREFIX}pref.{name}"))
}

pub fn write_pref(name: &str, value: &str) {
    if available() {
        set(&format!("{PREFIX}pref.{name}"), value).ok();
    }
}

/// True when `key` is one this app's document lives in (for the cross-tab listener).
pub fn is_document_key(key: &str) -> bool {
    format::is_document_key(key)
}
