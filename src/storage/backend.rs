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
    measure_where(backend, |k| k.starts_with(prefix))
}

/// The sizes (key and value) of the keys `keep` accepts, read one by one.
pub fn measure_where<B: Backend + ?Sized>(
    backend: &B,
    keep: impl Fn(&str) -> bool,
) -> Vec<(String, usize)> {
    backend
        .keys()
        .into_iter()
        .filter(|k| keep(k))
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
    /// The time in milliseconds, for how old a commit's log is (`session::logs`).
    fn now_ms(&self) -> u64 {
        0
    }
}

/// Storage in memory, shared by every clone (as tabs share `localStorage`), with a quota.
///
/// A clone made by `lagging_view` sees the store as a Chromium tab sees `localStorage`:
/// its own writes at once, other tabs' writes only when they are `deliver`ed to it, and,
/// within `stale_window` writes after one of its own to the same key, not at all (a tab
/// keeps showing its own value while its write is in flight, and can miss another tab's
/// write of that key altogether: docs/storage.md, "Two tabs"). The store itself — what a
/// tab opened now would read, and what the quota counts — takes every write in order.
#[derive(Clone, Default)]
pub struct MemoryBackend {
    inner: Rc<RefCell<Memory>>,
    view: Option<usize>,
}

/// A clean-up waiting for its timer, and the view that scheduled it.
type Job = (Option<usize>, u64, Box<dyn FnOnce(&MemoryBackend)>);

#[derive(Default)]
struct Memory {
    map: BTreeMap<String, String>,
    /// Quota units allowed; `None`: no limit.
    quota: Option<usize>,
    /// Every write fails with this, when set.
    refuse: Option<StorageError>,
    /// Announcements made, oldest first, with the tick they were made at, for tests to
    /// hand to other sessions.
    announced: Vec<(u64, String)>,
    /// Clean-ups waiting for `run_later`.
    later: Vec<Job>,
    clock: u64,
    views: Vec<View>,
    /// Writes made so far: orders a view's own writes against those delivered to it.
    writes: u64,
    stale_window: u64,
    /// The test's clock: writes, announcements and clean-ups note when they were made.
    tick: u64,
}

/// One tab's lagging view of the store.
#[derive(Default)]
struct View {
    map: BTreeMap<String, String>,
    inbox: std::collections::VecDeque<Change>,
    /// The number of this view's last write of each key.
    own: std::collections::HashMap<String, u64>,
    /// The tab was closed: its timers no longer fire.
    closed: bool,
}

/// A write made by another view, on its way to this one (`None`: a removal).
struct Change {
    at: u64,
    tick: u64,
    key: String,
    value: Option<String>,
}

impl Memory {
    /// Records a write in the store and sends it to every view but `from`'s.
    fn write(&mut self, from: Option<usize>, key: &str, value: Option<&str>) {
        match value {
            Some(v) => self.map.insert(key.to_string(), v.to_string()),
            None => self.map.remove(key),
        };
        self.writes += 1;
        let (at, tick) = (self.writes, self.tick);
        for (n, view) in self.views.iter_mut().enumerate() {
            if view.closed {
                continue;
            }
            if Some(n) == from {
                match value {
                    Some(v) => view.map.insert(key.to_string(), v.to_string()),
                    None => view.map.remove(key),
                };
                view.own.insert(key.to_string(), at);
            } else {
                view.inbox.push_back(Change {
                    at,
                    tick,
                    key: key.to_string(),
                    value: value.map(str::to_string),
                });
            }
        }
    }

    fn visible(&self, view: Option<usize>) -> &BTreeMap<String, String> {
        view.map_or(&self.map, |n| &self.views[n].map)
    }
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

    /// A new tab's view of the store: it starts with what the store holds now, and
    /// sees other tabs' later writes only when they are delivered (`deliver`).
    pub fn lagging_view(&self) -> MemoryBackend {
        let mut m = self.inner.borrow_mut();
        let view = View {
            map: m.map.clone(),
            ..View::default()
        };
        m.views.push(view);
        MemoryBackend {
            inner: self.inner.clone(),
            view: Some(m.views.len() - 1),
        }
    }

    /// How many writes after its own write of a key a view still misses another
    /// tab's write of that key (0: never).
    pub fn set_stale_window(&self, writes: u64) {
        self.inner.borrow_mut().stale_window = writes;
    }

    /// Hands this view up to `n` of the writes other tabs made, oldest first, and
    /// returns the keys that changed in it (what its `storage` events would name).
    pub fn deliver(&self, n: usize) -> Vec<String> {
        self.deliver_while(n, u64::MAX)
    }

    /// Hands this view the writes other tabs made before tick `before`.
    pub fn deliver_before(&self, before: u64) -> Vec<String> {
        self.deliver_while(usize::MAX, before)
    }

    fn deliver_while(&self, n: usize, before: u64) -> Vec<String> {
        let Some(v) = self.view else { return vec![] };
        let mut m = self.inner.borrow_mut();
        let window = m.stale_window;
        let view = &mut m.views[v];
        let mut changed = Vec::new();
        for _ in 0..n {
            if view.inbox.front().is_none_or(|c| c.tick >= before) {
                break;
            }
            let Some(c) = view.inbox.pop_front() else {
                break;
            };
            let mine = view.own.get(&c.key).copied().unwrap_or(0);
            let missed = mine != 0 && (mine > c.at || c.at - mine <= window);
            if missed {
                continue;
            }
            match c.value {
                Some(value) => view.map.insert(c.key.clone(), value),
                None => view.map.remove(&c.key),
            };
            changed.push(c.key);
        }
        changed
    }

    /// Moves the test's clock on by one tick, and returns the new time.
    pub fn advance(&self) -> u64 {
        let mut m = self.inner.borrow_mut();
        m.tick += 1;
        m.tick
    }

    /// The tab of this view is closed: the clean-ups it scheduled never run.
    pub fn close(&self) {
        if let Some(v) = self.view {
            let mut m = self.inner.borrow_mut();
            m.views[v].closed = true;
            m.views[v].inbox.clear();
        }
    }

    /// Writes not yet delivered to this view.
    pub fn in_flight(&self) -> usize {
        self.view
            .map_or(0, |v| self.inner.borrow().views[v].inbox.len())
    }

    /// The announcements made since the last call.
    pub fn take_announced(&self) -> Vec<String> {
        self.take_announced_before(u64::MAX)
    }

    /// The announcements made before tick `before`, not taken yet.
    pub fn take_announced_before(&self, before: u64) -> Vec<String> {
        let mut m = self.inner.borrow_mut();
        let n = m.announced.iter().take_while(|(t, _)| *t < before).count();
        m.announced.drain(..n).map(|(_, meta)| meta).collect()
    }

    /// Runs the clean-ups scheduled so far (the timer firing), each in the view that
    /// scheduled it.
    pub fn run_later(&self) {
        self.run_before(u64::MAX);
    }

    /// Runs the clean-ups scheduled before tick `before` (their timer firing).
    pub fn run_before(&self, before: u64) {
        let jobs: Vec<Job> = {
            let mut m = self.inner.borrow_mut();
            let (due, rest) = std::mem::take(&mut m.later)
                .into_iter()
                .partition(|(_, t, _)| *t < before);
            m.later = rest;
            due
        };
        for (view, _, job) in jobs {
            if view.is_some_and(|v| self.inner.borrow().views[v].closed) {
                continue;
            }
            job(&MemoryBackend {
                inner: self.inner.clone(),
                view,
            });
        }
    }

    /// Every key and value the store holds, as a snapshot.
    pub fn dump(&self) -> BTreeMap<String, String> {
        self.inner.borrow().map.clone()
    }
}

impl Backend for MemoryBackend {
    fn get(&self, key: &str) -> Option<String> {
        self.inner.borrow().visible(self.view).get(key).cloned()
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
        m.write(self.view, key, Some(value));
        Ok(())
    }

    fn remove(&self, key: &str) {
        self.inner.borrow_mut().write(self.view, key, None);
    }

    fn keys(&self) -> Vec<String> {
        self.inner
            .borrow()
            .visible(self.view)
            .keys()
            .cloned()
            .collect()
    }

    fn announce(&self, meta: &str) {
        let mut m = self.inner.borrow_mut();
        let tick = m.tick;
        m.announced.push((tick, meta.to_string()));
    }

    fn later(&self, f: Box<dyn FnOnce(&Self)>) {
        let mut m = self.inner.borrow_mut();
        let tick = m.tick;
        m.later.push((self.view, tick, f));
    }

    fn stamp(&self) -> String {
        let mut m = self.inner.borrow_mut();
        m.clock += 1;
        format!("t{}", m.clock)
    }

    /// A tick of the test's clock is taken for `MS_PER_TICK` milliseconds.
    fn now_ms(&self) -> u64 {
        self.inner.borrow().tick * MS_PER_TICK
    }
}

/// How long a tick of `MemoryBackend::advance` stands for: a clean-up's delay is ten.
pub const MS_PER_TICK: u64 = 300;
