//! One tab's editing over the storage core: its undo history, the commands it has not
//! committed yet, and what happens when another tab commits — take that tab's document
//! and replay this tab's edits on it, or, when this tab holds an undo it could not save,
//! stop saving so that neither version is written over the other (docs/storage.md,
//! "Two tabs"). Plain Rust: `AppState` holds a `Tab` and the signals, hands every edit
//! here and shows the `Outcome`; tests/storage_tabs.rs runs several tabs on one store.

use super::backend::Backend;
use super::format::{self, Lineage};
use super::session::{Reloaded, Session, StorageNotice};
use crate::model::{apply, Changes, Command, Entity, History, Workspace};
use std::collections::VecDeque;

/// What an operation did that the user should see.
#[derive(Debug, Default, PartialEq)]
pub struct Outcome {
    /// A line for the status bar, and whether it reports a problem.
    pub say: Option<(String, bool)>,
    /// The document changed (an edit, an undo, another tab's document taken).
    pub changed: bool,
    /// The document is now another tab's (this tab's history was cleared).
    pub replaced: bool,
    /// The result of a write, if one was made: `Err` holds the banner to show.
    pub saved: Option<Result<(), StorageNotice>>,
    /// This tab stopped saving (`StorageNotice::Diverged`).
    pub diverged: bool,
    /// The command was refused, and why, in words. Worded here, in the engine's chunk,
    /// so that the words for every refusal stay out of the first load.
    pub refused: Option<Refusal>,
    /// The entity an undone or redone move put back or elsewhere, for the focus to follow.
    pub moved: Option<crate::model::Id>,
}

/// A refused command in words: where, and what is wrong. Kept apart because a field's own
/// message needs no location ("That dependency would make a loop…").
#[derive(Debug, PartialEq)]
pub struct Refusal {
    pub at: String,
    pub what: String,
}

impl Refusal {
    fn new(e: &crate::model::ModelError) -> Refusal {
        Refusal {
            at: e.at.to_string(),
            what: e.problem.to_string(),
        }
    }

    /// The whole sentence: "product 'Atlas' › item 'Login' (i-3): the title cannot be empty".
    pub fn sentence(self) -> String {
        if self.at.is_empty() {
            self.what
        } else {
            format!("{}: {}", self.at, self.what)
        }
    }
}

impl Outcome {
    fn say(&mut self, text: impl Into<String>, error: bool) {
        self.say = Some((text.into(), error));
    }
}

/// Why a change is refused while storage is full (`Session::is_full`).
fn read_only() -> Refusal {
    Refusal {
        at: String::new(),
        what: "storage for this site is full, so Two Hats is read-only until there is room (see the message at the top)".into(),
    }
}

pub struct Tab<B: Backend> {
    pub session: Session<B>,
    history: History,
    /// Commands this tab applied and has not committed yet, and those its last commit
    /// held: replayed on another tab's document when this tab takes it — the first
    /// always, the second only if that tab saved without having seen this tab's commit
    /// (both saved at once). Storage reaches other tabs late, so that happens.
    since_commit: Vec<Command>,
    mine: VecDeque<(u64, Vec<Command>)>,
    /// An undo or redo with no command of its own (`model::inverse`) that this tab
    /// could not save. It cannot be replayed on another tab's document, so while it is
    /// unsaved that document is not taken over this tab's.
    unsaved_step: bool,
    /// Parts changed in memory and not yet handed to storage (saves wait a moment, so
    /// a burst of edits is written once: see `flush`).
    unsaved: Changes,
    /// An index another tab announced that this tab could not read yet.
    heard: Option<String>,
    /// The last write failed; the next one is tried with everything since.
    write_failed: bool,
}

impl<B: Backend + Clone + Default + 'static> Tab<B> {
    pub fn new(session: Session<B>) -> Self {
        Tab {
            session,
            // Named at each apply (`dispatch`), not here: a tab is made when the app
            // starts, and a labeller here would bring every undo label into the first load.
            history: History::default(),
            since_commit: Vec::new(),
            mine: VecDeque::new(),
            unsaved_step: false,
            unsaved: Changes::default(),
            heard: None,
            write_failed: false,
        }
    }

    pub fn undo_label(&self) -> Option<&str> {
        self.history.undo_label()
    }

    pub fn redo_label(&self) -> Option<&str> {
        self.history.redo_label()
    }

    /// Changes wait to be written (`flush`): new ones, or those a failed save left.
    pub fn pending(&self) -> bool {
        self.unsaved != Changes::default() || self.write_failed
    }

    /// An announced index still waits to be read.
    pub fn waiting_for_heard(&self) -> bool {
        self.heard.is_some()
    }

    /// True when another tab has committed since this one last looked.
    fn elsewhere(&self) -> bool {
        self.heard.is_some() || self.session.changed_elsewhere()
    }

    /// Applies a command and records it for undo; it is written by the next `flush`.
    ///
    /// If another tab saved since this one last looked, its document is taken first and
    /// the command applies on top of it, so neither tab's edit is lost; when both touched
    /// the same entity, the user is told whose version won.
    pub fn dispatch(&mut self, ws: &mut Workspace, cmd: Command) -> Outcome {
        let mut out = Outcome::default();
        if self.session.is_full() && !matches!(cmd, Command::DeleteProduct(_)) {
            out.refused = Some(read_only());
            return out;
        }
        let mut conflict = None;
        if self.session.changed_elsewhere() {
            let mine_before = edited_entity(ws, &cmd);
            if self.reload(ws, &mut out) {
                let theirs = edited_entity(ws, &cmd);
                if mine_before.is_some() && theirs != mine_before {
                    conflict = Some(crate::text::command_label(&cmd, ws));
                }
            }
        }
        let label = crate::text::command_label(&cmd, ws);
        match self.history.apply_named(ws, cmd.clone(), label) {
            Ok(changes) => {
                out.changed = true;
                self.since_commit.push(cmd);
                self.unsaved.merge(changes);
                if let Some(label) = conflict {
                    out.say(format!("Another tab changed this just before you: your edit ({label}) was applied on top of theirs. Undo restores their version."), true);
                }
            }
            Err(e) => out.refused = Some(Refusal::new(&e)),
        }
        out
    }

    /// Undo (`back`) or redo, written at once. A step with a command of its own (an
    /// undone add is a delete, an undone edit the edit back: `model::inverse`) is
    /// replayed on another tab's document like any command. One without is a snapshot
    /// put back, which means nothing there: it neither waits for the save delay nor
    /// builds on a document another tab has replaced, as either would let that tab's
    /// save bring the undone change back.
    pub fn step(&mut self, ws: &mut Workspace, back: bool) -> Outcome {
        let mut out = Outcome::default();
        if self.session.is_full() {
            out.refused = Some(read_only());
            return out;
        }
        let (verb, done_verb) = if back {
            ("undone", "Undone")
        } else {
            ("redone", "Redone")
        };
        // Taking the other tab's document clears the history this step refers to.
        if self.elsewhere() && self.reload(ws, &mut out) {
            out.say(format!("Nothing {verb}: another tab had just saved, and this tab now shows its version."), true);
            return out;
        }
        let done = if back {
            self.history.undo(ws)
        } else {
            self.history.redo(ws)
        };
        let Some((label, changes)) = done else {
            return out;
        };
        out.changed = true;
        out.moved = if back {
            self.history.undone_move()
        } else {
            self.history.redone_move()
        }
        .cloned();
        let replayable = self.log_step(back);
        self.unsaved.merge(changes);
        let flushed = self.flush(ws);
        out.saved = flushed.saved;
        if self.write_failed && !replayable {
            self.unsaved_step = true;
        }
        out.say(format!("{done_verb}: {label}"), false);
        out
    }

    /// Keeps the commands to replay in step with an undo (`back`) or redo, so that what
    /// another tab that has not seen them gets replayed is what this tab shows. True
    /// when the step itself is among them.
    fn log_step(&mut self, back: bool) -> bool {
        let (did, took_back) = self.history.last_step(back);
        // Taking back the last command not saved yet: neither need be written.
        if took_back.is_some() && self.since_commit.last() == took_back {
            self.since_commit.pop();
            return true;
        }
        if let Some(did) = did {
            self.since_commit.push(did.clone());
            return true;
        }
        // A snapshot put back: at least the command it took back is not replayed. An
        // undo of a command older than those kept leaves nothing to replay that would
        // not contradict it.
        let took_back = took_back.cloned();
        let found = took_back.is_some_and(|c| {
            remove_last(&mut self.since_commit, &c)
                || self
                    .mine
                    .iter_mut()
                    .rev()
                    .any(|(_, cmds)| remove_last(cmds, &c))
        });
        if !found {
            self.since_commit.clear();
            self.mine.clear();
        }
        false
    }

    /// Writes what changed since the last save. The caller runs it shortly after an edit,
    /// and at once when the page is hidden, so a closed tab keeps its last edit.
    pub fn flush(&mut self, ws: &mut Workspace) -> Outcome {
        let mut out = Outcome::default();
        // Another tab committed since this one last looked: take its document and
        // replay this tab's edits on it (which saves), rather than write over it.
        if self.elsewhere() && self.pending() && self.reload(ws, &mut out) {
            return out;
        }
        let orphans = self.adopt_orphans(ws, &mut out);
        self.session.sweep_leftovers();
        if !self.pending() {
            return out;
        }
        let todo = std::mem::take(&mut self.unsaved);
        if self.write(ws, Some(&todo), &mut out) {
            self.unsaved_step = false;
            let cmds = std::mem::take(&mut self.since_commit);
            self.committed(cmds);
            self.forget_logs(&orphans);
        }
        out
    }

    /// Commits of other tabs that a commit built beside them overwrote (their logs are
    /// in storage, `session::logs`), applied on this tab's document for its next commit.
    /// They are not among this tab's commands: the orphan's own log stays until a commit
    /// holding it is everywhere, and a log of another tab's edit kept here too would be
    /// replayed against that tab's next edits, back and forth. Their ids, for their logs
    /// to go once this tab's commit holds them.
    fn adopt_orphans(&mut self, ws: &mut Workspace, out: &mut Outcome) -> Vec<u64> {
        if !self.session.is_saving() || self.unsaved_step {
            return vec![];
        }
        let (ids, cmds) = self.orphans();
        // As in `replay`: orphans that cancel out (an add and its undo) change nothing.
        let before = (!cmds.is_empty()).then(|| ws.clone());
        let changes = apply_all(ws, cmds);
        let changed = changes != Changes::default() && before.as_ref() != Some(ws);
        if changed {
            self.unsaved.merge(changes);
        }
        self.session.merged_in(&ids);
        if changed {
            // The history's steps refer to the document before these changes.
            self.history.clear();
            out.changed = true;
            out.replaced = true;
            out.say(
                "Added changes another tab saved just before it closed.",
                false,
            );
        }
        ids
    }

    /// The orphaned commits storage holds for the document this tab holds: their ids,
    /// and their commands in the order they were made. A commit counts once the
    /// document includes the commit it was built on or one of the commits its meta
    /// named before that (or these are orphans too, taken first): the two histories
    /// meet within what the document records. An older log, from before the ancestry
    /// the document records, cannot be told from one already in it, and is left alone.
    /// (Counting the parent only left out the commit a lagging tab had overwritten
    /// with one built on an older document: its items were lost.)
    fn orphans(&self) -> (Vec<u64>, Vec<Command>) {
        let mut logs = self.session.foreign_logs();
        logs.retain(|l| !self.mine.iter().any(|(c, _)| *c == l.commit));
        logs.sort_by_key(|l| l.commit);
        let mut ids: Vec<u64> = Vec::new();
        let mut cmds = Vec::new();
        loop {
            let known = |c: &u64| self.session.seen_includes(*c) || ids.contains(c);
            let next = logs.iter().position(|l| {
                let waits = logs.iter().any(|o| o.commit == l.parent);
                !waits && (known(&l.parent) || l.ancestors.iter().any(known))
            });
            let Some(n) = next else { break };
            let log = logs.remove(n);
            ids.push(log.commit);
            if let Ok(c) = serde_json::from_str::<Vec<Command>>(&log.commands) {
                cmds.extend(c);
            }
        }
        (ids, cmds)
    }

    /// Lets the logs of `orphans` go, now that this tab's commit holds them.
    fn forget_logs(&self, orphans: &[u64]) {
        for c in orphans {
            self.session.forget_log_later(*c);
        }
    }

    /// Notes the commands of the commit just written, to replay on a document another
    /// tab saves without having seen it.
    fn committed(&mut self, cmds: Vec<Command>) {
        let replayable: Vec<&Command> = cmds
            .iter()
            .filter(|c| !matches!(c, Command::ReplaceWorkspace(_)))
            .collect();
        if !replayable.is_empty() {
            if let Ok(json) = serde_json::to_string(&replayable) {
                self.session.keep_log(&json);
            }
        }
        self.mine.push_back((self.session.last_written(), cmds));
        if self.mine.len() > format::ANCESTORS {
            self.mine.pop_front();
        }
    }

    /// Writes the whole document (the empty one a first visit starts with).
    pub fn save_all(&mut self, ws: &Workspace) -> Outcome {
        let mut out = Outcome::default();
        self.write(ws, None, &mut out);
        out
    }

    /// Tries again to write everything, after a failed save.
    pub fn retry(&mut self, ws: &mut Workspace) -> Outcome {
        let mut out = self.flush(ws);
        let ok = self.write(ws, None, &mut out);
        if ok {
            self.unsaved_step = false;
            out.say("Saved.", false);
        } else {
            out.say("Still not saved: the browser refused the write.", true);
        }
        out
    }

    /// Hands `changes` — or with `None`, the whole document — to storage. True when it
    /// was written.
    fn write(&mut self, ws: &Workspace, changes: Option<&Changes>, out: &mut Outcome) -> bool {
        let saved = match changes {
            Some(c) => self.session.save(ws, c),
            None => self.session.save_all(ws),
        };
        self.write_failed = saved.is_err();
        let ok = saved.is_ok();
        out.saved = Some(saved);
        ok
    }

    /// A `storage` event: another tab wrote `key` (`None`: cleared everything). Only the
    /// index is a commit — the keys it names are written before it — so other keys
    /// matter only while an announced index waits for them.
    pub fn storage_changed(
        &mut self,
        ws: &mut Workspace,
        key: Option<&str>,
        new_value: Option<&str>,
    ) -> Outcome {
        let mut out = Outcome::default();
        let react = match key {
            None => true,
            Some(format::META_KEY) => new_value.is_none_or(|v| !self.session.knows(v)),
            Some(k) => format::is_document_key(k) && self.heard.is_some(),
        };
        if react {
            self.reload(ws, &mut out);
        }
        out
    }

    /// Another tab announced the index it committed. Call `take_heard` again a little
    /// later while `waiting_for_heard`: an announcement can outrun the keys it names.
    pub fn heard(&mut self, ws: &mut Workspace, meta: String) -> Outcome {
        let mut out = Outcome::default();
        self.session.note_named(&meta);
        if !self.session.knows(&meta) {
            self.heard = Some(meta.clone());
            self.take(ws, Some(meta), &mut out);
        }
        out
    }

    /// Tries again to take the index last heard of.
    pub fn take_heard(&mut self, ws: &mut Workspace) -> Outcome {
        let mut out = Outcome::default();
        if let Some(meta) = self.heard.clone() {
            self.take(ws, Some(meta), &mut out);
        }
        out
    }

    /// Takes the document another tab saved: the one it announced, else what storage
    /// holds. True when this tab's document changed.
    pub fn reload(&mut self, ws: &mut Workspace, out: &mut Outcome) -> bool {
        if let Some(meta) = self.heard.clone() {
            if self.take(ws, Some(meta), out) {
                return true;
            }
        }
        self.take(ws, None, out)
    }

    /// Takes the document storage holds — under `meta` if given, an index another tab
    /// announced — and replays this tab's own recent commands on top.
    fn take(&mut self, ws: &mut Workspace, meta: Option<String>, out: &mut Outcome) -> bool {
        // Taking an announced commit older than what storage holds, and writing on it,
        // would drop the later one.
        let meta = match meta.as_deref().map(|m| self.session.announced_or_stored(m)) {
            Some(Some(false)) => {
                self.heard = None;
                return false;
            }
            Some(Some(true)) => meta,
            _ => None,
        };
        let taken = match self.session.reload(meta.as_deref()) {
            Some(Reloaded::Taken(t)) => t,
            Some(Reloaded::Known) => {
                self.heard = None;
                return false;
            }
            // An announced index whose keys have not reached this tab yet: tried again
            // on the next storage event or save.
            None => return false,
        };
        self.heard = None;
        if self.unsaved_step {
            // Taking the other tab's document would drop this tab's unsaved work, and
            // writing this one would drop the other tab's: neither is overwritten. This
            // tab stops saving and keeps what it shows, for the user to export.
            self.session.stop_saving();
            self.unsaved = Changes::default();
            out.diverged = true;
            return false;
        }
        let mut theirs = taken.ws;
        let (mut merged, applied, orphans, cancelled) = self.replay(&mut theirs, &taken.lineage);
        if taken.overwritten {
            // Taken because storage showed what it was built on; if storage in fact
            // lost it, this write puts it back (a child of it, not a sibling).
            merged.meta = true;
        }
        // Debounced changes not yet written were replayed above (or are undo steps that
        // refer to the old document): writing them now would undo the other tab's save.
        self.unsaved = Changes::default();
        let changed = *ws != theirs;
        if changed {
            *ws = theirs;
            self.history.clear();
            out.changed = true;
            out.replaced = true;
        }
        if merged != Changes::default() {
            // This tab's edits were missing from the other tab's save: write the merge.
            self.mine.clear();
            if self.write(ws, Some(&merged), out) {
                self.committed(applied);
                self.forget_logs(&orphans);
            } else {
                self.since_commit = applied;
            }
            out.say(
                "Another tab saved at the same moment: its changes and yours are both kept.",
                false,
            );
        } else {
            // Commands that cancelled out stay to replay on a later document: no commit
            // of this take carries them.
            if !cancelled {
                self.mine.clear();
            }
            if changed {
                out.say("Updated with changes made in another tab.", false);
            }
        }
        changed
    }

    /// Replays on `theirs` the orphans storage holds for it, then this tab's edits the
    /// other tab has not seen: what it changed, this tab's commands that applied, the
    /// orphans' ids, and whether the commands all cancelled out. Ids make this safe: an
    /// add already there is refused as a duplicate, a delete of what is gone is refused.
    /// A whole-workspace replacement the other tab may have built on is not replayed: it
    /// would wipe that tab's work.
    fn replay(
        &mut self,
        theirs: &mut Workspace,
        lineage: &Lineage,
    ) -> (Changes, Vec<Command>, Vec<u64>, bool) {
        let missing: Vec<&(u64, Vec<Command>)> = self
            .mine
            .iter()
            .filter(|(commit, _)| !lineage.includes(*commit))
            .collect();
        let replayed: Vec<u64> = missing.iter().map(|(c, _)| *c).collect();
        let mut replay: Vec<Command> = missing
            .iter()
            .flat_map(|(_, cmds)| cmds.iter())
            .filter(|c| !matches!(c, Command::ReplaceWorkspace(_)))
            .cloned()
            .collect();
        // Those commits are in this tab's next one: a tab reading it need not replay them.
        self.session.merged_in(&replayed);
        // Other tabs' commits that the document taken overwrote come first: they were
        // made before this tab's edits not yet saved.
        let (orphans, adopted) = self.orphans();
        self.session.merged_in(&orphans);
        replay.append(&mut self.since_commit);
        // Replayed commands can cancel out (an add and its undo): then there is nothing to
        // merge, and writing anyway would make each tab's take a commit for the others.
        let before = (!replay.is_empty() || !adopted.is_empty()).then(|| theirs.clone());
        // Not among this tab's commands to replay or log (see `adopt_orphans`).
        let mut merged = apply_all(theirs, adopted);
        let mut applied = Vec::new();
        for cmd in replay {
            if let Some(c) = apply_new(theirs, cmd.clone()) {
                merged.merge(c);
                applied.push(cmd);
            }
        }
        let cancelled =
            orphans.is_empty() && merged != Changes::default() && before.as_ref() == Some(theirs);
        if cancelled {
            merged = Changes::default();
        }
        (merged, applied, orphans, cancelled)
    }
}

/// Removes the last command in `cmds` equal to `c`; true if there was one.
fn remove_last(cmds: &mut Vec<Command>, c: &Command) -> bool {
    let at = cmds.iter().rposition(|x| x == c);
    at.map(|n| cmds.remove(n)).is_some()
}

/// Applies other tabs' commands with `apply_new`: what they changed together.
fn apply_all(ws: &mut Workspace, cmds: Vec<Command>) -> Changes {
    let mut changes = Changes::default();
    for c in cmds.into_iter().filter_map(|cmd| apply_new(ws, cmd)) {
        changes.merge(c);
    }
    changes
}

/// Applies a replayed command, unless it is refused or is an edit that would leave its
/// entity as `ws` already has it: replayed, that would make a commit that changes
/// nothing, which other tabs would take in turn. What it changed, if it applied.
fn apply_new(ws: &mut Workspace, cmd: Command) -> Option<Changes> {
    if let Command::Edit { entity, .. } = &cmd {
        if edited_entity(ws, &cmd).as_ref() == Some(entity) {
            return None;
        }
    }
    apply(ws, cmd).ok().map(|(c, _)| c)
}

/// The entity a command edits, as it is in `ws` (for spotting two tabs editing the same one).
fn edited_entity(ws: &Workspace, cmd: &Command) -> Option<Entity> {
    let Command::Edit { product, entity } = cmd else {
        return None;
    };
    ws.product(product)?.entity(entity.kind(), entity.id())
}
