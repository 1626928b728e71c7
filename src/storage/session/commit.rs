//! Writing a commit and taking another tab's: the copy-on-write protocol of
//! docs/storage.md ("Saving"), over a `Backend`.

use super::{Reloaded, Saved, Session, Taken};
use crate::model::{Changes, Workspace};
use crate::storage::backend::{Backend, StorageError};
use crate::storage::chunks::{self, Written, CHUNKS};
use crate::storage::format::{self, Loaded, ProductRef, META_KEY};

impl<B: Backend + Clone + Default + 'static> Session<B> {
    /// Writes a key this save adds. A refusal is not met by removing superseded keys
    /// at once: another tab whose view of storage lags may still be writing a meta that
    /// names them. Their clean-up comes on its timer, and the save is tried again then.
    fn write_new(
        &self,
        key: &str,
        value: &str,
        written: &mut Vec<String>,
    ) -> Result<(), StorageError> {
        self.backend.set(key, value)?;
        written.push(key.to_string());
        Ok(())
    }

    /// The revision this tab writes in place of `old` (0: none) in the commit under
    /// way: above it, and above every revision an earlier commit of this tab wrote, so
    /// that no key is ever written twice — a clean-up still due for a key this tab once
    /// wrote would remove it. Keys of one commit share a count where they can.
    fn next_rev(&self, old: u64) -> u64 {
        let count = (old >> 16).max(self.last_count.get()) + 1;
        self.commit_count.set(self.commit_count.get().max(count));
        (count << 16) | u64::from(self.writer)
    }

    /// Writes the products `todo` names, each chunk and core that changed under a new
    /// revision key, then the meta that names them: the commit. On a failure the keys
    /// written so far go and storage holds the previous commit, whole.
    pub(super) fn commit(&mut self, ws: &Workspace, todo: &Changes) -> Result<(), StorageError> {
        let healed = self.heal(ws, todo);
        let todo = healed.as_ref().unwrap_or(todo);
        let mut new_refs = self.refs.clone();
        let mut written: Vec<String> = Vec::new();
        let mut obsolete = Vec::new();
        // What to remember once the meta is committed.
        let mut remembered: Vec<Saved> = Vec::new();
        let commit_id = self.next_commit_id();
        self.commit_count.set(self.last_count.get());
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
                        let rev = self.next_rev(old_rev);
                        let key = chunks::items_key(id, n, rev);
                        self.write_new(
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
                    let rev = self.next_rev(old.map_or(0, |o| o.rev));
                    let key = format::product_key(id, rev);
                    self.write_new(&key, &chunks::encode_core(p, rev), &mut written)?;
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
                self.seen.child(commit_id),
            );
            self.backend.set(META_KEY, &meta)?;
            Ok(meta)
        })();
        let meta = match result {
            Ok(meta) => meta,
            Err(e) => {
                written.iter().for_each(|k| self.backend.remove(k));
                return Err(e);
            }
        };
        self.last_count.set(self.commit_count.get());
        // Committed. The old revisions go a little later: another tab whose view of
        // storage lags may still write a meta that names one of them.
        self.clean_up_later(obsolete);
        self.remember_saved(ws, todo, remembered);
        self.refs = new_refs;
        self.backend.announce(&meta);
        self.set_last_meta(Some(meta));
        self.seen = self.seen.child(commit_id);
        self.written_commit = commit_id;
        self.note_commit(commit_id);
        self.superseded = None;
        Ok(())
    }

    /// `todo` with every product whose stored keys are no longer all there, to be written
    /// whole (`None`: nothing is missing). A tab that took another tab's commit after a
    /// commit beside it had won can find its keys gone: a tab that opened in between
    /// took them for leftovers of a cut-short save (docs/storage.md). Its meta must not
    /// name them.
    fn heal(&mut self, ws: &Workspace, todo: &Changes) -> Option<Changes> {
        let present: std::collections::HashSet<String> = self.backend.keys().into_iter().collect();
        let gone: Vec<_> = self
            .refs
            .values()
            .filter(|r| {
                ws.product(&r.id).is_some() && r.keys().iter().any(|k| !present.contains(k))
            })
            .map(|r| r.id.clone())
            .collect();
        if gone.is_empty() {
            return None;
        }
        let mut todo = todo.clone();
        for id in gone {
            self.written.remove(&id);
            if !todo.products.contains(&id) {
                todo.products.push(id);
            }
        }
        Some(todo)
    }

    /// Notes what a commit wrote, for the next save to tell what changed.
    fn remember_saved(&mut self, ws: &Workspace, todo: &Changes, saved: Vec<Saved>) {
        for id in &todo.products {
            if ws.product(id).is_none() {
                self.written.remove(id);
            }
        }
        for Saved {
            id,
            changed,
            core_changed,
        } in saved
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
    }

    /// Takes `refs` as what storage holds for `ws`.
    pub(super) fn remember(&mut self, ws: &Workspace, refs: Vec<ProductRef>) {
        self.written = ws
            .products
            .iter()
            .map(|p| (p.id.clone(), Written::of(p)))
            .collect();
        self.refs = refs.into_iter().map(|r| (r.id.clone(), r)).collect();
    }

    /// Re-reads storage after another tab changed it. Returns the workspace if it is whole.
    ///
    /// `meta` is an index another tab announced it committed (see `Backend::announce`):
    /// Chromium keeps showing this tab its own last write of a key while that write is in
    /// flight, and may then miss the other tab's later write of the same key, so the
    /// announcement is taken over what this tab's storage says. The other tab's revision
    /// keys are its own and not affected.
    pub fn reload(&mut self, meta: Option<&str>) -> Option<Reloaded> {
        if !self.available {
            return None;
        }
        let stored = self.backend.get(META_KEY);
        let seen = meta.map(str::to_string).or_else(|| stored.clone());
        if seen.as_deref().is_some_and(|m| self.knows(m)) {
            return Some(Reloaded::Known);
        }
        let read = |k: &str| match meta {
            Some(m) if k == META_KEY => Some(m.to_string()),
            _ => self.backend.get(k),
        };
        let ws = match format::decode(&read) {
            // Another tab's commit with a product this tab cannot read is not taken:
            // this tab keeps its own, and its next reload tells the user.
            Loaded::Ok {
                ws,
                refs,
                set_aside,
            } if set_aside.is_empty() => {
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
        // Another tab wrote: sizes noted from earlier reads may no longer hold.
        self.backend.forget_sizes();
        let theirs = seen.as_deref().map(format::lineage).unwrap_or_default();
        // Storage still showing this tab's own last index is the lag described above;
        // anything else there is another tab's commit, to be taken in turn.
        if meta.is_some() && stored != seen && stored == self.last_meta {
            self.superseded = stored;
        }
        self.set_last_meta(seen);
        self.note_commit(theirs.commit);
        self.seen = theirs.clone();
        let overwritten = self
            .backend
            .get(META_KEY)
            .is_some_and(|m| !format::lineage(&m).includes(theirs.commit));
        Some(Reloaded::Taken(Taken {
            ws,
            lineage: theirs,
            overwritten,
        }))
    }

    /// Which to take, given an index another tab announced: the announced one, or
    /// what storage holds (`None`), or neither (`Some(false)`: it is older than what
    /// this tab has already read). Announcements come one by one and late; storage may
    /// lag behind this tab's own last write (see `reload`).
    pub fn announced_or_stored(&self, meta: &str) -> Option<bool> {
        let Some(stored) = self.backend.get(META_KEY) else {
            return Some(true);
        };
        let (announced, held) = (format::lineage(meta), format::lineage(&stored));
        if stored == meta || announced.includes(held.commit) {
            // Storage has it, or shows what it was built on: the announcement is newer.
            Some(true)
        } else if self.knows(&stored) && held.includes(announced.commit) {
            // An older commit heard late.
            Some(false)
        } else {
            // Storage holds a commit this tab has not read, or one beside the announced
            // one (saved at the same moment, or one tab's view of storage missed the
            // other's): storage wins. The announced commit's edits come back by its
            // own tab replaying them on what storage holds, or, if it cannot, from its
            // log (`session::logs`). Taking the announced one and writing it again
            // over storage's made the commit storage held the next to be overwritten:
            // with three tabs and lagging views they went on overwriting each other.
            None
        }
    }

    /// Notes that this tab's commits `ids`, replayed on the document it took, are in
    /// its next commit too: a tab that reads that commit needs not replay them.
    pub fn merged_in(&mut self, ids: &[u64]) {
        let a = &mut self.seen.ancestors;
        a.splice(0..0, ids.iter().copied().filter(|c| *c != 0));
        a.truncate(format::ANCESTORS);
    }

    /// True when the document this tab holds includes `commit`.
    pub fn seen_includes(&self, commit: u64) -> bool {
        self.seen.includes(commit)
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
