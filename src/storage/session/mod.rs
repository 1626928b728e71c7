//! The storage core: one tab's view of the stored document, over any `Backend`. Plain
//! Rust, so every rule below is tested natively, with two or more sessions sharing one
//! `MemoryBackend` as tabs share `localStorage` (tests/storage_session.rs);
//! `local::LocalStore` is this over the browser's `localStorage`.
//!
//! Rules it keeps: nothing is saved before a load has succeeded; stored data that cannot
//! be read is copied to a backup key before anything else happens, and if that copy fails
//! the session stops saving altogether; data from a newer app version is never written
//! over; a failed write leaves the previous stored state intact (see `format` for the
//! copy-on-write commit) and the caller keeps the document in memory.

use super::backend::{Backend, StorageError};
use super::chunks::Written;
use super::format::{self, Lineage, Loaded, ProductRef, Why, BACKUP_PREFIX, META_KEY, PREFIX};
use crate::model::{validate_workspace, Changes, Id, Item, Workspace};
use std::cell::RefCell;
use std::collections::{HashMap, VecDeque};
use std::rc::Rc;

/// Why the app is not saving, or what happened to the stored data at start-up. The UI
/// turns each into a banner.
#[derive(Clone, Debug, PartialEq)]
pub enum StorageNotice {
    /// `localStorage` is blocked (private mode, policy): the app runs in memory.
    Blocked,
    /// Stored data could not be read; it was copied to `backup_key`, and the app started
    /// on the `rebuilt` products whose newest keys still make a whole product (none: a
    /// fresh workspace).
    Recovered {
        reason: Why,
        backup_key: String,
        rebuilt: usize,
    },
    /// These products (name or id, and why) could not be read and were left out; every
    /// other product loaded. Their keys were copied to `backup_key` first, which the Data
    /// page restores from; `None`: that copy failed, so nothing is saved (which would
    /// drop them from the index).
    SetAside {
        products: Vec<(String, Why)>,
        backup_key: Option<String>,
    },
    /// Stored data could not be read, and could not be backed up either: nothing is saved,
    /// so the original stays exactly as it was.
    UnreadableKept { reason: Why },
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
    /// Storage for this origin had no room for a save when the app started (often other
    /// apps' data on the same host): the workspace opened read-only, and opens up again
    /// by itself once a save fits (`Session::check_room`). `used` is what Two Hats
    /// stores, `origin` what every key of the origin holds, both in quota units.
    Full { used: usize, origin: usize },
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
                | StorageNotice::SetAside {
                    backup_key: None,
                    ..
                }
        )
    }
}

/// How long a superseded revision (and a commit's log, `session::logs`) is kept: long
/// enough for every tab to have seen the meta that replaced it. Chromium hands storage
/// changes to other tabs within milliseconds, but a tab whose own write of the meta was
/// in flight misses another's altogether and learns of it only from its announcement;
/// with 3 s, the random run with such views (tests/storage_tabs.rs, whose timer is this
/// delay in ticks) failed 2 of 3,000 seeds, with 10 s none.
pub const CLEAN_UP_DELAY_MS: i32 = 10_000;

#[derive(Debug, Default)]
pub struct Session<B: Backend> {
    backend: B,
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
    /// The indexes this tab has come to know of, for its clean-ups to spare the keys they
    /// name (a tab's view of storage can miss another tab's meta altogether, but not what
    /// it read or heard) and for a commit's log to go only once every later one
    /// includes it (`logs`).
    heads: Rc<RefCell<heads::Heads>>,
    /// The last commit whose log this tab kept.
    logged: std::cell::Cell<u64>,
    /// When this tab read the document at start (ms), and whether it has since swept
    /// the leftovers of cut-short saves (`sweep_leftovers`).
    opened_ms: u64,
    swept: bool,
    /// This tab's writer id, the low bits of every revision it writes (see `format::next_rev`).
    writer: u16,
    /// The highest save count in a revision this tab has committed, and in the commit
    /// under way (see `next_rev`).
    last_count: std::cell::Cell<u64>,
    commit_count: std::cell::Cell<u64>,
    /// Where commit ids come from (xorshift): two tabs committing at once must not share
    /// one, so each session starts from its own random seed.
    rng: u64,
    /// The commit this tab last read or wrote (its next one is built on it) and the one
    /// it last wrote itself.
    seen: Lineage,
    written_commit: u64,
    /// This tab's own last index, when it has since taken another tab's announced one
    /// that its storage does not show yet: not a sign of another change.
    superseded: Option<String>,
    /// Commits this tab has written or taken, newest last: one of them seen again (a
    /// late storage event, a stale view) is old news, never taken twice.
    known_commits: VecDeque<u64>,
    /// There was no room for a save when last checked (`check_room`): read-only.
    full: bool,
}

/// The scratch key `check_room` writes and removes at once.
const ROOM_PROBE_KEY: &str = "twohats.room-probe";

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
    /// Its commit and those it was built on: this tab's commits among them need no
    /// replaying.
    pub lineage: Lineage,
    /// Storage, as this tab sees it, holds neither this commit nor one built on it: an
    /// announced commit that a commit beside it overwrote. Taking it means writing it
    /// again, even with nothing of this tab's to add.
    pub overwritten: bool,
}

pub struct Opened<B: Backend> {
    pub store: Session<B>,
    pub settled: Settled,
    /// Stored in an older layout, not read yet: see `Session::open_older`.
    pub older: Option<u32>,
}

/// What reading storage leaves the app to start on.
#[derive(Debug)]
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
    /// The stored index could not be read and everything was backed up under this key
    /// (see `recover`): the caller asks `rebuild_from_backup` for what its products' newest
    /// keys still hold, once that code is here (`crate::engine`; the first load does not
    /// carry it).
    pub rebuild_from: Option<String>,
}

/// Removes those of `keys` that the meta in storage does not name.
pub fn remove_unreferenced<B: Backend>(backend: &B, keys: &[String]) {
    let Some(live) = backend
        .get(META_KEY)
        .and_then(|m| format::referenced_keys(&m))
    else {
        return;
    };
    keys.iter()
        .filter(|k| !live.contains(k))
        .for_each(|k| backend.remove(k));
}

/// Every key this app owns, raw, as one JSON object: what "Download raw data" saves, so
/// nothing that was stored is ever out of the user's reach.
pub fn raw_dump<B: Backend>(backend: &B) -> String {
    let map: serde_json::Map<String, serde_json::Value> = backend
        .keys()
        .into_iter()
        .filter(|k| k.starts_with(PREFIX))
        .filter_map(|k| {
            let v = backend.get(&k)?;
            Some((k, serde_json::Value::String(v)))
        })
        .collect();
    serde_json::to_string_pretty(&serde_json::Value::Object(map)).unwrap_or_default()
}

impl<B: Backend + Default> Session<B> {
    /// A session that stores nothing (storage is blocked): the app runs in memory.
    pub fn blocked() -> Opened<B> {
        Opened {
            store: Session::default(),
            settled: Settled {
                workspace: None,
                first_visit: true,
                notices: vec![StorageNotice::Blocked],
                migrated_from: None,
                rebuild_from: None,
            },
            older: None,
        }
    }
}

impl<B: Backend + Clone + Default + 'static> Session<B> {
    /// Loads the stored workspace, deciding what may be saved afterwards. `seed` is
    /// random: it picks this session's writer id and commit ids.
    pub fn open(backend: B, seed: u64) -> Opened<B> {
        let mut store = Session {
            backend,
            available: true,
            writable: true,
            writer: (seed >> 48) as u16,
            rng: seed | 1,
            ..Session::default()
        };
        let loaded = format::decode_current::<format::StoredTree>(&|k| store.backend.get(k));
        let older = match loaded {
            Loaded::Older { version } => Some(version),
            _ => None,
        };
        let settled = store.settle(loaded);
        let stored = store.backend.get(META_KEY);
        store.set_last_meta(stored);
        store.seen = store
            .last_meta
            .as_deref()
            .map(format::lineage)
            .unwrap_or_default();
        let seen = store.seen.commit;
        store.note_commit(seen);
        let mut settled = settled;
        if store.is_saving() && !store.check_room() {
            let usage = super::usage::Usage::of(
                &store.backend,
                super::usage::Usage::others_of(&store.backend),
            );
            settled.notices.push(StorageNotice::Full {
                used: usage.used,
                origin: usage.origin(),
            });
        }
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
        let loaded = format::decode_older::<format::StoredTree>(&|k| self.backend.get(k), version);
        self.settle(loaded)
    }

    /// What the app starts on, given what was read; the session learns which keys are its.
    fn settle(&mut self, loaded: Loaded) -> Settled {
        let mut migrated_from = None;
        let (workspace, first_visit, notices) = match loaded {
            Loaded::Ok {
                ws,
                refs,
                set_aside,
            } => {
                let notices = self.set_aside(set_aside);
                // Leftovers of a cut-short save go later (`sweep_leftovers`).
                self.opened_ms = self.backend.now_ms();
                self.remember(&ws, refs);
                (Some(ws), false, notices)
            }
            Loaded::Migrated { ws, refs, from } => {
                self.refs = refs.into_iter().map(|r| (r.id.clone(), r)).collect();
                migrated_from = Some(from);
                (Some(ws), false, vec![])
            }
            Loaded::Empty => {
                // Product keys without an index are not a document we can read, but they
                // are someone's data: keep them before starting fresh.
                if self
                    .backend
                    .keys()
                    .iter()
                    .any(|k| format::is_document_key(k))
                {
                    self.recover(Why::Damaged(
                        "product data was found without its workspace index".into(),
                    ))
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
        let rebuild_from = notices.iter().find_map(|n| match n {
            StorageNotice::Recovered { backup_key, .. } => Some(backup_key.clone()),
            _ => None,
        });
        Settled {
            workspace,
            first_visit,
            notices,
            migrated_from,
            rebuild_from,
        }
    }

    /// Keeps the original under a backup key, saves the migrated workspace in the new
    /// format, and drops the backup only once that save has gone through.
    pub fn finish_migration(&mut self, ws: &Workspace, from: u32) -> Vec<StorageNotice> {
        if self.only_index_is_older(from) {
            // The products' keys stay as they are, read by this layout, and each is
            // rewritten in it when it next changes: copying or rewriting the whole
            // document here would need as much free room again as it takes, which a large
            // workspace does not have, and it would then never update.
            let meta_only = Changes {
                meta: true,
                products: Vec::new(),
            };
            let saved = self.save(ws, &meta_only).is_ok();
            return vec![StorageNotice::Migrated {
                from,
                backup_key: String::new(),
                saved,
            }];
        }
        if from >= format::CURRENT_VERSION {
            // Only the layout is older (no layout today: each older one holds an older
            // content version, so it is backed up below): the old keys stay, untouched and
            // named by the old meta, until the new layout is committed, so they are their
            // own backup.
            return self.save_all(ws).err().into_iter().collect();
        }
        let (_, copy) = self.document_copy();
        let backup_key = format!("{BACKUP_PREFIX}v{from}-{}", self.backend.stamp());
        if self.backend.set(&backup_key, &copy).is_err() {
            // Without a copy of the original, do not write over it.
            self.writable = false;
            return vec![StorageNotice::Migrated {
                from,
                backup_key: String::new(),
                saved: false,
            }];
        }
        let saved = self.save_all(ws).is_ok();
        if saved {
            self.backend.remove(&backup_key);
        }
        vec![StorageNotice::Migrated {
            from,
            backup_key,
            saved,
        }]
    }

    /// Whether what was read needs only a new index: its products are already in the
    /// chunked keys this layout reads, and its content differs from the current one only
    /// by fields that are new and optional (version 1 to 2: `migrate::v1_to_v2` changes
    /// nothing), so the keys hold the current content as they are.
    fn only_index_is_older(&self, from: u32) -> bool {
        from == 1
            && format::CURRENT_VERSION == 2
            && self
                .refs
                .values()
                .all(|r| r.chunks.len() == super::chunks::CHUNKS)
    }

    /// Keeps the unreadable document under a backup key and starts fresh; what can be
    /// rebuilt from it comes next (`Settled::rebuild_from`).
    fn recover(&mut self, reason: Why) -> (Option<Workspace>, bool, Vec<StorageNotice>) {
        match self.back_up_document() {
            Ok(backup_key) => {
                let notice = StorageNotice::Recovered {
                    reason,
                    backup_key,
                    rebuilt: 0,
                };
                (None, false, vec![notice])
            }
            Err(_) => {
                self.writable = false;
                (None, false, vec![StorageNotice::UnreadableKept { reason }])
            }
        }
    }

    /// The workspace the newest keys of each product in a backup still make
    /// (`format::rebuild`), for the caller to show and save whole; `None` when no product
    /// in it is whole.
    pub fn rebuild_from_backup(&self, backup_key: &str) -> Option<Workspace> {
        use super::tree::Tree;
        // Read with the start-up reader's parser (the browser's `JSON.parse`), not
        // serde_json: this runs in the engine's chunk, which every first edit waits for.
        let copy = format::StoredTree::parse(&self.backend.get(backup_key)?).ok()?;
        let names = copy.field_names()?;
        let get = |k: &str| copy.get(k)?.string();
        let ws = Workspace {
            products: format::rebuild::<format::StoredTree>(&names, &get),
            ..Workspace::default()
        };
        // Ids repeated across products would make the rebuilt workspace unsound.
        (!ws.products.is_empty() && validate_workspace(&ws).is_ok()).then_some(ws)
    }

    /// Copies the keys of the products set aside, with the index that names them, into
    /// one backup key: the next save drops them from the index.
    fn set_aside(&mut self, set_aside: Vec<format::SetAside>) -> Vec<StorageNotice> {
        if set_aside.is_empty() {
            return vec![];
        }
        let mut keys = vec![META_KEY.to_string()];
        for a in &set_aside {
            keys.extend(a.keys.iter().cloned());
        }
        let copy = self.copy_of(&keys);
        // Each start until the next save finds the same damage: one backup of it is enough.
        let backup_key = match self.backup_holding(&copy) {
            Some(key) => Some(key),
            None => {
                let key = format!("{BACKUP_PREFIX}{}", self.backend.stamp());
                match self.backend.set(&key, &copy) {
                    Ok(()) => Some(key),
                    Err(_) => {
                        self.writable = false;
                        None
                    }
                }
            }
        };
        let products = set_aside
            .into_iter()
            .map(|a| (a.label(), a.reason))
            .collect();
        vec![StorageNotice::SetAside {
            products,
            backup_key,
        }]
    }

    /// The backup key that already holds exactly `copy`, if one does.
    fn backup_holding(&self, copy: &str) -> Option<String> {
        let size = super::backend::chars(copy);
        self.backend
            .sizes(BACKUP_PREFIX)
            .into_iter()
            .filter(|(k, n)| *n == super::backend::chars(k) + size)
            .map(|(k, _)| k)
            .find(|k| self.backend.get(k).as_deref() == Some(copy))
    }

    /// Every document key with its raw text, as one JSON object (what a backup key holds).
    fn document_copy(&self) -> (Vec<String>, String) {
        let keys: Vec<String> = self
            .backend
            .keys()
            .into_iter()
            .filter(|k| format::is_document_key(k))
            .collect();
        let copy = self.copy_of(&keys);
        (keys, copy)
    }

    /// `keys` with their raw text, as one JSON object (what a backup key holds).
    fn copy_of(&self, keys: &[String]) -> String {
        let copy: serde_json::Map<String, serde_json::Value> = keys
            .iter()
            .filter_map(|k| Some((k.clone(), serde_json::Value::String(self.backend.get(k)?))))
            .collect();
        serde_json::Value::Object(copy).to_string()
    }

    /// Copies every document key, as raw text, into one backup key, then clears them.
    fn back_up_document(&self) -> Result<String, StorageError> {
        let (keys, copy) = self.document_copy();
        let key = format!("{BACKUP_PREFIX}{}", self.backend.stamp());
        self.backend.set(&key, &copy)?;
        for k in &keys {
            self.backend.remove(k);
        }
        Ok(key)
    }

    /// Removes those of `keys` that neither the meta then in storage nor the one this
    /// tab then knows names, a little later: another tab whose view of storage lags may
    /// still write a meta naming one.
    fn clean_up_later(&self, keys: Vec<String>) {
        if keys.is_empty() {
            return;
        }
        let heads = self.heads.clone();
        self.backend.later(Box::new(move |b: &B| {
            let heads = heads.borrow();
            let stored = b.get(META_KEY).map(|m| format::lineage(&m));
            let spared = heads.spared(stored.as_ref());
            let keys: Vec<String> = keys
                .into_iter()
                .filter(|k| !spared.iter().any(|n| n.contains(k)))
                .collect();
            remove_unreferenced(b, &keys);
        }));
    }

    /// Removes, a little later, document keys no index names: leftovers of a save cut
    /// short between its keys and its index. Not at start, when they may be a commit
    /// that another commit beside it overwrote a moment ago, whose keys a tab that heard
    /// of it may still build on (docs/storage.md): `SWEEP_AFTER_MS` after this tab read
    /// the document, once.
    pub fn sweep_leftovers(&mut self) {
        const SWEEP_AFTER_MS: u64 = 10_000;
        if self.swept || !self.is_saving() {
            return;
        }
        if self.backend.now_ms() < self.opened_ms.saturating_add(SWEEP_AFTER_MS) {
            return;
        }
        self.swept = true;
        self.sweep_logs();
        let keys = self.backend.keys();
        let refs: Vec<ProductRef> = self.refs.values().cloned().collect();
        self.clean_up_later(format::stale_keys(keys.iter().map(String::as_str), &refs));
    }

    /// Notes the index this tab last read or wrote.
    fn set_last_meta(&mut self, meta: Option<String>) {
        if let Some(m) = meta.as_deref() {
            self.note_named(m);
        }
        self.last_meta = meta;
    }

    /// Spares the keys `meta` names from this tab's clean-ups for a while: a tab that
    /// knows of an index — read, written or heard announced, taken or not — may take it
    /// and write it again later. Only the last few are kept: a clean-up waits long
    /// enough for a newer index to be heard of.
    pub fn note_named(&self, meta: &str) {
        self.heads.borrow_mut().note(meta);
    }

    /// True while there is no room for a save (see `StorageNotice::Full`): the app takes
    /// only the changes that free room.
    pub fn is_full(&self) -> bool {
        self.full
    }

    /// Whether an edit fits now (`format::room_for_an_edit`): writes that much under a
    /// scratch key and removes it at once. Only a refusal for the quota counts as full.
    pub fn check_room(&mut self) -> bool {
        let sizes = self.backend.sizes(PREFIX);
        let room = format::room_for_an_edit(sizes.iter().map(|(k, n)| (k.as_str(), *n))).max(64);
        let probe = "0".repeat(room.saturating_sub(ROOM_PROBE_KEY.len()));
        let written = self.backend.set(ROOM_PROBE_KEY, &probe);
        self.backend.remove(ROOM_PROBE_KEY);
        self.full = written == Err(StorageError::Quota);
        !self.full
    }

    /// Document keys the stored index does not name, nor the one this tab last knew:
    /// superseded copies a clean-up has not removed yet, which read-only mode offers to
    /// remove at once.
    pub fn superseded_keys(&self) -> Vec<(String, usize)> {
        let heads = self.heads.borrow();
        let stored = self.backend.get(META_KEY).map(|m| format::lineage(&m));
        let named = heads.spared(stored.as_ref());
        // Without an index to read, nothing can be called superseded.
        let Some(live) = self
            .backend
            .get(META_KEY)
            .and_then(|m| format::referenced_keys(&m))
        else {
            return vec![];
        };
        self.backend
            .sizes(PREFIX)
            .into_iter()
            .filter(|(k, _)| {
                format::is_document_key(k)
                    && k != META_KEY
                    && !live.contains(k)
                    && !named.iter().any(|n| n.contains(k))
            })
            .collect()
    }

    pub fn remove_superseded(&self) {
        for (k, _) in self.superseded_keys() {
            self.backend.remove(&k);
        }
        self.backend.forget_sizes();
    }

    /// True when another tab has saved since this tab last read or wrote storage.
    pub fn changed_elsewhere(&self) -> bool {
        if !self.is_saving() {
            return false;
        }
        match self.backend.get(META_KEY) {
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

    /// The id of the commit this tab last wrote (0: none yet).
    pub fn last_written(&self) -> u64 {
        self.written_commit
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
            Err(e) => {
                self.pending = todo;
                Err(StorageNotice::WriteFailed {
                    reason: e.to_string(),
                })
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

    /// The next commit id: at most 2^53, so it survives JSON in any reader.
    fn next_commit_id(&mut self) -> u64 {
        self.rng ^= self.rng << 13;
        self.rng ^= self.rng >> 7;
        self.rng ^= self.rng << 17;
        (self.rng >> 11) + 1
    }
}

mod commit;
mod heads;
pub mod logs;
