//! The indexes a tab has come to know of — read, written or heard announced, taken or
//! not — newest last: what its clean-ups must spare (`Session::clean_up_later`) and
//! what a commit's log waits for (`session::logs`).

use crate::storage::format::{self, Lineage};

#[derive(Debug, Default)]
pub struct Heads {
    next: u64,
    known: Vec<Known>,
}

/// An index, numbered in the order the tab came to know of it.
#[derive(Debug)]
struct Known {
    n: u64,
    lineage: Lineage,
    keys: Vec<String>,
}

impl Heads {
    /// Notes an index; the last few are kept.
    pub(super) fn note(&mut self, meta: &str) {
        const KEPT: usize = 16;
        let (lineage, keys) = format::lineage_and_keys(meta);
        if self.known.len() >= KEPT {
            self.known.remove(0);
        }
        self.known.push(Known {
            n: self.next,
            lineage,
            keys,
        });
        self.next += 1;
    }

    /// The number the next index noted will get.
    pub(super) fn next(&self) -> u64 {
        self.next
    }

    /// True when every index noted from `since` on includes `commit`.
    pub(super) fn all_include(&self, since: u64, commit: u64) -> bool {
        self.known
            .iter()
            .filter(|k| k.n >= since)
            .all(|k| k.lineage.includes(commit))
    }

    /// The key lists a clean-up must spare, among the last eight indexes: the last one,
    /// and any the index in storage (`stored`) was not built on — a lagging tab may take
    /// that one and write it again. The keys of an index the stored one descends from
    /// are superseded, and so are those of an index from before commits had ids
    /// (commit 0). A clean-up waits long enough for a newer index to be heard of.
    pub(super) fn spared(&self, stored: Option<&Lineage>) -> Vec<&Vec<String>> {
        const NAMED: usize = 8;
        let recent = &self.known[self.known.len().saturating_sub(NAMED)..];
        let last = recent.len().saturating_sub(1);
        recent
            .iter()
            .enumerate()
            .filter(|(i, k)| {
                let commit = k.lineage.commit;
                *i == last || (commit != 0 && !stored.is_some_and(|l| l.includes(commit)))
            })
            .map(|(_, k)| &k.keys)
            .collect()
    }
}
