//! The browser's `localStorage` as a `Backend`: the one place that touches it. What is
//! stored and when is the storage core's (`session`); this adapter only reads and writes
//! keys, names the browser's errors, tells other tabs of a commit and runs clean-ups on
//! the browser's timer.

use super::backend::{chars, measure, Backend, StorageError};
use super::format::{self, META_KEY, PREFIX};
use super::session::{self, Opened, Session, CLEAN_UP_DELAY_MS};
use gloo_storage::{LocalStorage, Storage};
use std::collections::HashMap;
use wasm_bindgen::JsCast;

pub use super::session::{Reloaded, Settled, StorageNotice};
pub use super::usage::Usage;

/// This tab's session over `localStorage`.
pub type LocalStore = Session<LocalBackend>;
/// This tab's editing over that session.
pub type LocalTab = super::tab::Tab<LocalBackend>;

/// Opens this tab's session: in memory only where storage is blocked.
pub fn open() -> Opened<LocalBackend> {
    if !available() {
        return LocalStore::blocked();
    }
    // Random: the writer id and commit ids of two tabs must differ.
    let seed = (js_sys::Math::random() * 9_007_199_254_740_991.0) as u64;
    LocalStore::open(LocalBackend, (seed << 11) ^ (js_sys::Date::now() as u64))
}

/// `localStorage`; only made once `available` said it can be used.
#[derive(Clone, Copy, Debug, Default)]
pub struct LocalBackend;

/// gloo-storage panics where `localStorage` is blocked, so ask the browser directly
/// first. A write refused for the quota still means storage works: the stored document
/// can be read, and the session says why saving fails.
fn probe() -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let Ok(Some(storage)) = window.local_storage() else {
        return false;
    };
    let key = "twohats.probe";
    match storage.set_item(key, "1") {
        Ok(()) => storage.remove_item(key).is_ok(),
        Err(e) => storage_error(e) == StorageError::Quota,
    }
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

fn storage_error(e: wasm_bindgen::JsValue) -> StorageError {
    match e.dyn_ref::<web_sys::DomException>() {
        Some(d) if d.name() == "QuotaExceededError" => StorageError::Quota,
        Some(d) if d.name() == "SecurityError" => StorageError::Blocked,
        Some(d) => StorageError::Other(format!("{}: {}", d.name(), d.message())),
        None => StorageError::Other(
            e.as_string()
                .unwrap_or_else(|| "the browser refused to store the data".to_string()),
        ),
    }
}

impl Backend for LocalBackend {
    fn get(&self, key: &str) -> Option<String> {
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

    fn set(&self, key: &str, value: &str) -> Result<(), StorageError> {
        LocalStorage::raw()
            .set_item(key, value)
            .map_err(storage_error)?;
        if key.starts_with(PREFIX) {
            with_sizes(|m| m.insert(key.to_string(), chars(key) + chars(value)));
        }
        Ok(())
    }

    fn remove(&self, key: &str) {
        LocalStorage::raw().remove_item(key).ok();
        with_sizes(|m| m.remove(key));
    }

    fn keys(&self) -> Vec<String> {
        let raw = LocalStorage::raw();
        let n = raw.length().unwrap_or(0);
        (0..n).filter_map(|i| raw.key(i).ok().flatten()).collect()
    }

    fn sizes(&self, prefix: &str) -> Vec<(String, usize)> {
        if !prefix.starts_with(PREFIX) {
            // Other apps' keys are not in the cache: read them.
            return measure(self, prefix);
        }
        with_sizes(|m| {
            m.iter()
                .filter(|(k, _)| k.starts_with(prefix))
                .map(|(k, n)| (k.clone(), *n))
                .collect()
        })
    }

    fn forget_sizes(&self) {
        SIZES.with(|cell| cell.borrow_mut().complete = false);
    }

    fn announce(&self, meta: &str) {
        if let Some(ch) = channel() {
            ch.post_message(&wasm_bindgen::JsValue::from_str(meta)).ok();
        }
    }

    fn later(&self, f: Box<dyn FnOnce(&Self)>) {
        // If no timer can be set the keys stay: harmless leftovers the next start removes.
        crate::timer::after_ms(CLEAN_UP_DELAY_MS, move || f(&LocalBackend));
    }

    fn stamp(&self) -> String {
        let d = js_sys::Date::new_0();
        d.to_iso_string()
            .as_string()
            .unwrap_or_default()
            .replace([':', '.'], "-")
    }

    fn now_ms(&self) -> u64 {
        js_sys::Date::now() as u64
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
        let keys: std::collections::HashSet<String> = LocalBackend
            .keys()
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
            LocalBackend.get(&key);
        }
        SIZES.with(|cell| cell.borrow_mut().complete = true);
    }
    SIZES.with(|cell| f(&mut cell.borrow_mut().map))
}

/// Another tab wrote: keys may have come and gone, so the next `Usage::now` lists them
/// again and reads only those it does not know.
pub fn forget_sizes() {
    LocalBackend.forget_sizes();
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

/// Every key this app owns, raw, as one JSON object (`session::raw_dump`).
pub fn raw_dump() -> String {
    if !available() {
        return "{}".to_string();
    }
    session::raw_dump(&LocalBackend)
}

impl Usage {
    /// The app's use of `localStorage` now.
    pub fn now() -> Usage {
        if !available() {
            return Usage::default();
        }
        let others = OTHERS.with(|o| {
            *o.borrow_mut()
                .get_or_insert_with(|| Usage::others_of(&LocalBackend))
        });
        Usage::of(&LocalBackend, others)
    }
}

thread_local! {
    /// What other apps on this origin store (`Usage::others`): measured once, and again
    /// after `forget_others`.
    static OTHERS: std::cell::RefCell<Option<usize>> = const { std::cell::RefCell::new(None) };
}

/// Another app may have written (a `storage` event for a key not ours, a save refused
/// for the quota): the next `Usage::now` measures the origin's other keys again.
pub fn forget_others() {
    OTHERS.with(|o| *o.borrow_mut() = None);
}

/// The app's backup keys (`twohats.backup.*`) with their sizes in quota units, newest
/// first.
pub fn backups() -> Vec<(String, usize)> {
    if !available() {
        return vec![];
    }
    let mut list = LocalBackend.sizes(format::BACKUP_PREFIX);
    list.sort_by(|a, b| b.0.cmp(&a.0));
    list
}

/// What a backup key holds; `None` for any key that is not a backup.
pub fn backup(key: &str) -> Option<String> {
    (available() && key.starts_with(format::BACKUP_PREFIX))
        .then(|| LocalBackend.get(key))
        .flatten()
}

/// Removes a backup key, and nothing else: never the document, never another app's.
pub fn remove_backup(key: &str) {
    if available() && key.starts_with(format::BACKUP_PREFIX) {
        LocalBackend.remove(key);
        LocalBackend.forget_sizes();
    }
}

/// Small UI preferences (expanded rows, training scores): kept apart from the document,
/// never part of undo or export.
pub fn read_pref(name: &str) -> Option<String> {
    if !available() {
        return None;
    }
    LocalBackend.get(&format!("{PREFIX}pref.{name}"))
}

pub fn write_pref(name: &str, value: &str) {
    if available() {
        LocalBackend
            .set(&format!("{PREFIX}pref.{name}"), value)
            .ok();
    }
}
