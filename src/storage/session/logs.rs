//! Each commit's commands, kept in storage beside it for a little while
//! (`twohats.log.<commit>`): when two tabs commit at once, one meta overwrites the
//! other, and the tab whose commit was overwritten may close before it hears of it.
//! Its log lets any other tab replay that commit — an orphan — on the document that
//! won (`storage::tab`). A log goes once every index its tab has come to know of since
//! includes its commit: then no tab can still find it missing.

use super::Session;
use crate::storage::backend::Backend;
use crate::storage::format::{self, META_KEY};

pub const LOG_PREFIX: &str = "twohats.log.";

fn log_key(commit: u64) -> String {
    format!("{LOG_PREFIX}{commit:x}")
}

/// How long a commit's log waits before another tab takes it as an orphan: long enough
/// for its own tab, if it is still open, to merge it the usual way (docs/storage.md).
pub const ADOPT_AFTER_MS: u64 = 1_000;

/// A log as stored: the commit it was built on, when it was made (ms), and its
/// commands (JSON, read by the engine).
pub struct Log {
    pub commit: u64,
    pub parent: u64,
    /// The commits before the parent, newest first, as the commit's meta named them.
    pub ancestors: Vec<u64>,
    pub made: u64,
    pub commands: String,
}

impl<B: Backend + Clone + Default + 'static> Session<B> {
    /// Keeps `commands` (JSON) as the log of the commit just written. Best effort: with
    /// no room the commit stands without it, as commits did before logs.
    pub fn keep_log(&self, commands: &str) {
        let commit = self.written_commit;
        // A tab that is not saving "saves" nothing (`Session::save`), and a commit has
        // one log.
        if commit == 0 || !self.is_saving() || self.logged.get() == commit {
            return;
        }
        self.logged.set(commit);
        // The first line is the lineage: the parent, then the ancestors.
        let lineage: Vec<String> = std::iter::once(self.seen.parent)
            .chain(self.seen.ancestors.iter().copied())
            .map(|c| c.to_string())
            .collect();
        let value = format!(
            "{}\n{}\n{commands}",
            lineage.join(" "),
            self.backend.now_ms()
        );
        if self.backend.set(&log_key(commit), &value).is_ok() {
            self.forget_log_later(commit);
        }
    }

    /// The logs in storage whose commit `wanted` accepts (asked before a log is read).
    fn logs(&self, wanted: impl Fn(u64) -> bool) -> Vec<Log> {
        let mut logs = Vec::new();
        for key in self.backend.keys() {
            let Some(commit) = key
                .strip_prefix(LOG_PREFIX)
                .and_then(|hex| u64::from_str_radix(hex, 16).ok())
            else {
                continue;
            };
            if !wanted(commit) {
                continue;
            }
            let Some(value) = self.backend.get(&key) else {
                continue;
            };
            let mut parts = value.splitn(3, '\n');
            let (Some(lineage), Some(made), Some(commands)) =
                (parts.next(), parts.next(), parts.next())
            else {
                continue;
            };
            let mut lineage = lineage.split(' ').map(|c| c.parse().unwrap_or(0));
            logs.push(Log {
                commit,
                parent: lineage.next().unwrap_or(0),
                ancestors: lineage.collect(),
                made: made.parse().unwrap_or(0),
                commands: commands.to_string(),
            });
        }
        logs
    }

    /// The logs in storage old enough to adopt, but those of commits the document this
    /// tab holds includes.
    pub fn foreign_logs(&self) -> Vec<Log> {
        let now = self.backend.now_ms();
        let mut logs = self.logs(|commit| !self.seen.includes(commit));
        logs.retain(|l| now >= l.made.saturating_add(ADOPT_AFTER_MS));
        logs
    }

    /// Lets go of logs no tab will need: those of commits the document this tab holds
    /// includes, once ten minutes old (their own tab may have closed before its clean-up
    /// ran, as a tab that saves on leaving does), and any older than a day. Part of the
    /// sweep after start. Not sooner: taking logs of commits still settling between tabs
    /// lost edits in the random run.
    pub(super) fn sweep_logs(&self) {
        const SETTLED_MS: u64 = 10 * 60 * 1000;
        const DAY_MS: u64 = 24 * 60 * 60 * 1000;
        let now = self.backend.now_ms();
        for log in self.logs(|_| true) {
            let older = |ms: u64| now > log.made.saturating_add(ms);
            if older(DAY_MS) || (older(SETTLED_MS) && self.seen.includes(log.commit)) {
                self.backend.remove(&log_key(log.commit));
            }
        }
    }

    /// Removes the log of `commit` a little later, if by then the index in storage and
    /// every index this tab has heard of since include it. A tab whose own write of the
    /// index is in flight may not see another's (docs/storage.md), but it hears its
    /// announcement.
    pub fn forget_log_later(&self, commit: u64) {
        let heads = self.heads.clone();
        let since = heads.borrow().next();
        self.backend.later(Box::new(move |b: &B| {
            let stored = b
                .get(META_KEY)
                .is_some_and(|m| format::lineage(&m).includes(commit));
            if stored && heads.borrow().all_include(since, commit) {
                b.remove(&log_key(commit));
            }
        }));
    }
}
