//! The one place that reads and writes `localStorage`.
//!
//! Rules it keeps: nothing is saved before a load has succeeded; stored data that cannot
//! be read is copied to a backup key before anything else happens, and if that copy fails
//! the app stops saving altogether; data from a newer app version is never written over;
//! a failed write leaves the previous stored state intact (see `format` for the
//! copy-on-write commit) and the caller keeps the document in memory.

use super::format::{self, Loaded, BACKUP_PREFIX, META_KEY, PREFIX};
use crate::model::{Changes, Id, Workspace};
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
}

impl StorageNotice {
    /// True for the notices that mean changes are not being saved right now.
    pub fn blocks_saving(&self) -> bool {
        matches!(
            self,
            StorageNotice::Blocked
                | StorageNotice::UnreadableKept { .. }
                | StorageNotice::Newer { .. }
        )
    }
}

#[derive(Debug, Default)]
pub struct LocalStore {
    available: bool,
    writable: bool,
    revs: HashMap<Id, u64>,
    /// Parts changed in memory that a failed save did not get into storage yet.
    pending: Changes,
    /// The workspace index as this tab last read or wrote it: when storage holds
    /// anything else, another tab has saved since.
    last_meta: Option<String>,
    /// This tab's writer id, the low bits of every revision it writes (see `format::next_rev`).
    writer: u16,
}

pub struct Opened {
    pub store: LocalStore,
    /// The stored workspace, or `None` when the app must start on a fresh one.
    pub workspace: Option<Workspace>,
    /// True when nothing at all was stored: the first visit.
    pub first_visit: bool,
    pub notices: Vec<StorageNotice>,
}

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

fn get(key: &str) -> Option<String> {
    LocalStorage::raw().get_item(key).ok().flatten()
}

fn set(key: &str, value: &str) -> Result<(), String> {
    LocalStorage::raw()
        .set_item(key, value)
        .map_err(describe_js_error)
}

fn remove(key: &str) {
    LocalStorage::raw().remove_item(key).ok();
}

fn all_keys() -> Vec<String> {
    let raw = LocalStorage::raw();
    let n = raw.length().unwrap_or(0);
    (0..n).filter_map(|i| raw.key(i).ok().flatten()).collect()
}

/// How long a superseded revision is kept: long enough for every tab to have seen the
/// meta that replaced it (Chromium hands storage changes to other tabs within milliseconds).
const CLEAN_UP_DELAY_MS: i32 = 3_000;

/// Removes those of `keys` that the meta in storage then does not name, after a delay.
fn clean_up_later(keys: Vec<String>) {
    if keys.is_empty() {
        return;
    }
    let Some(w) = web_sys::window() else {
        return;
    };
    let run = wasm_bindgen::closure::Closure::once_into_js(move || remove_unreferenced(&keys));
    // If no timer can be set the keys stay: harmless leftovers that the next start removes.
    w.set_timeout_with_callback_and_timeout_and_arguments_0(run.unchecked_ref(), CLEAN_UP_DELAY_MS)
        .ok();
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
        .filter(|k| k.starts_with(format::PRODUCT_PREFIX) && !keep.contains(k))
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
                workspace: None,
                first_visit: true,
                notices: vec![StorageNotice::Blocked],
            };
        }
        let mut store = LocalStore {
            available: true,
            writable: true,
            writer: (js_sys::Math::random() * 65_536.0) as u16,
            ..LocalStore::default()
        };
        let loaded = format::decode(&get);
        let (workspace, first_visit, notices) = match loaded {
            Loaded::Ok { ws, revs } => {
                // Leftovers of a cut-short save — or of a save another tab is making
                // right now, so they go only once a later meta still leaves them out.
                let keys = all_keys();
                clean_up_later(format::stale_product_keys(
                    keys.iter().map(String::as_str),
                    &revs,
                ));
                store.revs = revs.into_iter().collect();
                (Some(ws), false, vec![])
            }
            Loaded::Migrated { ws, revs, from } => {
                store.revs = revs.into_iter().collect();
                store.migrate(ws, from)
            }
            Loaded::Empty => {
                // Product keys without an index are not a document we can read, but they
                // are someone's data: keep them before starting fresh.
                if all_keys().iter().any(|k| format::is_document_key(k)) {
                    store.recover("product data was found without its workspace index".into())
                } else {
                    (None, true, vec![])
                }
            }
            Loaded::Newer { version } => {
                store.writable = false;
                (None, false, vec![StorageNotice::Newer { version }])
            }
            Loaded::Unreadable { reason } => store.recover(reason),
        };
        store.last_meta = get(META_KEY);
        Opened {
            store,
            workspace,
            first_visit,
            notices,
        }
    }

    /// Keeps the original under a backup key, saves the migrated workspace in the new
    /// format, and drops the backup only once that save has gone through.
    fn migrate(
        &mut self,
        ws: Workspace,
        from: u32,
    ) -> (Option<Workspace>, bool, Vec<StorageNotice>) {
        let (_, copy) = document_copy();
        let backup_key = format!("{BACKUP_PREFIX}v{from}-{}", now_stamp());
        if set(&backup_key, &copy).is_err() {
            // Without a copy of the original, do not write over it.
            self.writable = false;
            return (
                Some(ws),
                false,
                vec![StorageNotice::Migrated {
                    from,
                    backup_key: String::new(),
                    saved: false,
                }],
            );
        }
        let saved = self.save_all(&ws).is_ok();
        if saved {
            remove(&backup_key);
        }
        (
            Some(ws),
            false,
            vec![StorageNotice::Migrated {
                from,
                backup_key,
                saved,
            }],
        )
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
        self.is_saving() && get(META_KEY) != self.last_meta
    }

    pub fn is_saving(&self) -> bool {
        self.available && self.writable
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
        let mut new_revs = self.revs.clone();
        let mut written = Vec::new();
        let mut obsolete = Vec::new();
        for id in &todo.products {
            let old = self.revs.get(id).copied();
            match ws.product(id) {
                Some(p) => {
                    let rev = format::next_rev(old, self.writer);
                    let key = format::product_key(id, rev);
                    let value = format::encode_product(p, rev);
                    // When the quota is the problem, superseded revisions waiting for
                    // their clean-up are the first thing to give back.
                    let wrote = set(&key, &value).or_else(|_| {
                        let mut keep = written.clone();
                        keep.push(key.clone());
                        remove_unreferenced_except(&keep);
                        set(&key, &value)
                    });
                    if let Err(e) = wrote {
                        written.iter().for_each(|k: &String| remove(k));
                        return Err(e);
                    }
                    written.push(key);
                    new_revs.insert(id.clone(), rev);
                }
                None => {
                    new_revs.remove(id);
                }
            }
            if let Some(rev) = old {
                obsolete.push(format::product_key(id, rev));
            }
        }
        let meta = format::encode_meta(ws, &|id| new_revs.get(id).copied().unwrap_or(0));
        if let Err(e) = set(META_KEY, &meta) {
            written.iter().for_each(|k| remove(k));
            return Err(e);
        }
        // Committed. The old revisions go a little later: another tab whose view of
        // storage lags may still write a meta that names one of them.
        clean_up_later(obsolete);
        self.revs = new_revs;
        self.last_meta = Some(meta);
        Ok(())
    }

    /// Re-reads storage after another tab changed it. Returns the workspace if it is whole.
    pub fn reload(&mut self) -> Option<Workspace> {
        if !self.available {
            return None;
        }
        match format::decode(&get) {
            Loaded::Ok { ws, revs } | Loaded::Migrated { ws, revs, .. } => {
                self.revs = revs.into_iter().collect();
                self.last_meta = get(META_KEY);
                Some(ws)
            }
            _ => None,
        }
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

/// Characters stored under this app's keys (each UTF-16 unit counts against the quota).
pub fn used_chars() -> usize {
    if !available() {
        return 0;
    }
    all_keys()
        .into_iter()
        .filter(|k| k.starts_with(PREFIX))
        .map(|k| k.encode_utf16().count() + get(&k).map(|v| v.encode_utf16().count()).unwrap_or(0))
        .sum()
}

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
