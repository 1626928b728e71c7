//! Where the document is stored, as the storage core (`session`) sees it: a key-value
//! store whose writes can fail, plus the few things a browser does around it (telling
//! other tabs, running a clean-up later, the time). `local::LocalBackend` is the browser's
//! `localStorage`; `MemoryBackend` is a store in memory with a quota, for native tests.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::fmt;
use std::rc::Rc;

/// Why a write was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StorageError {
    /// The origin's storage is full.
    Quota,
    /// Storage refuses every write here (a private window, a browser setting).
    Blocked,
    /// Anything else the browser said.
    Other(String),
}

impl fmt::Display for StorageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StorageError::Quota => f.write_str("the browser's storage for this site is full"),
            StorageError::Blocked => f.write_str("the browser does not let this site store data"),
            StorageError::Other(reason) => f.write_str(reason),
        }
    }
}

/// What Chromium and Firefox allow one origin: 5 Mi UTF-16 units (10 MiB), keys and
/// values together.
pub const QUOTA_CHARS: usize = 5_242_880;

/// UTF-16 units: what the quota counts. Documents are mostly ASCII, where that is the
/// byte length, found without walking megabytes character by character.
pub fn chars(s: &str) -> usize {
    if s.is_ascii() {
        s.len()
    } else {
        s.encode_utf16().count()
    }
}

/// `Backend::sizes` by reading every key starting with `prefix`.
pub fn measure<B: Backend + ?Sized>(backend: &B, prefix: &str) -> Vec<(String, usize)> {
    backend
        .keys()
        .into_iter()
        .filter(|k| k.starts_with(prefix))
        .filter_map(|k| {
            let n = chars(&k) + chars(&backend.get(&k)?);
            Some((k, n))
        })
        .collect()
}

/// A key-value store and its surroundings. The provided methods are what a store with no
/// other tabs and no timer does; the browser's adapter overrides them.
pub trait Backend {
    fn get(&self, key: &str) -> Option<String>;
    fn set(&self, key: &str, value: &str) -> Result<(), StorageError>;
    fn remove(&self, key: &str);
    /// Every key, the app's and any other's on the same origin.
    fn keys(&self) -> Vec<String>;

    /// Quota units each of the keys starting with `prefix` takes (key and value).
    fn sizes(&self, prefix: &str) -> Vec<(String, usize)> {
        measure(self, prefix)
    }
    /// Quota units every key and value of the origin takes.
    fn size(&self) -> usize {
        self.sizes("").into_iter().map(|(_, n)| n).sum()
    }
    /// Another tab may have written: sizes remembered from earlier reads may be stale.
    fn forget_sizes(&self) {}

    /// Tells other tabs this one has just committed `meta`.
    fn announce(&self, _meta: &str) {}
    /// Runs `f` a little later (`session::CLEAN_UP_DELAY_MS`); here, at once.
    fn later(&self, f: Box<dyn FnOnce(&Self)>) {
        f(self)
    }
    /// The time, for backup key names.
    fn stamp(&self) -> String {
        "0".to_string()
    }
}

/// Storage in memory, shared by every clone (as tabs share `localStorage`), with a quota.
#[derive(Clone, Default)]
pub struct MemoryBackend {
    inner: Rc<RefCell<Memory>>,
}

/// A clean-up waiting for its timer.
type Job = Box<dyn FnOnce(&MemoryBackend)>;

#[derive(Default)]
struct Memory {
    map: BTreeMap<String, String>,
    /// Quota units allowed; `None`: no limit.
    quota: Option<usize>,
    /// Every write fails with this, when set.
    refuse: Option<StorageError>,
    /// Announcements made, oldest first, for tests to hand to other sessions.
    announced: Vec<String>,
    /// Clean-ups waiting for `run_later`.
    later: Vec<Job>,
    clock: u64,
}

impl MemoryBackend {
    pub fn new() -> Self {
        Self::default()
    }

    /// Limits what the store holds to `quota` units (`QUOTA_CHARS` is Chromium's).
    pub fn with_quota(quota: usize) -> Self {
        let b = Self::default();
        b.set_quota(Some(quota));
        b
    }

    pub fn set_quota(&self, quota: Option<usize>) {
        self.inner.borrow_mut().quota = quota;
    }

    /// Makes every write fail with `error` (`None`: writes work again).
    pub fn refuse(&self, error: Option<StorageError>) {
        self.inner.borrow_mut().refuse = error;
    }

    /// The announcements made since the last call.
    pub fn take_announced(&self) -> Vec<String> {
        std::mem::take(&mut self.inner.borrow_mut().announced)
    }

    /// Runs the clean-ups scheduled so far (the timer firing).
    pub fn run_later(&self) {
        let jobs = std::mem::take(&mut self.inner.borrow_mut().later);
        for job in jobs {
            job(self);
        }
    }

    /// Every key and value, as a snapshot.
    pub fn dump(&self) -> BTreeMap<String, String> {
        self.inner.borrow().map.clone()
    }
}

impl Backend for MemoryBackend {
    fn get(&self, key: &str) -> Option<String> {
        self.inner.borrow().map.get(key).cloned()
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StorageError> {
        let mut m = self.inner.borrow_mut();
        if let Some(e) = &m.refuse {
            return Err(e.clone());
        }
        if let Some(quota) = m.quota {
            let now: usize = m.map.iter().map(|(k, v)| chars(k) + chars(v)).sum();
            let old = m.map.get(key).map_or(0, |v| chars(key) + chars(v));
            if now - old + chars(key) + chars(value) > quota {
                return Err(StorageError::Quota);
            }
        }
        m.map.insert(key.to_string(), value.to_string());
        Ok(())
    }

    fn remove(&self, key: &str) {
        self.inner.borrow_mut().map.remove(key);
    }

    fn keys(&self) -> Vec<String> {
        self.inner.borrow().map.keys().cloned().collect()
    }

    fn announce(&self, meta: &str) {
        self.inner.borrow_mut().announced.push(meta.to_string());
    }

    fn later(&self, f: Box<dyn FnOnce(&Self)>) {
        self.inner.borrow_mut().later.push(f);
    }

    fn stamp(&self) -> String {
        let mut m = self.inner.borrow_mut();
        m.clock += 1;
        format!("t{}", m.clock)
    }
}
