//! Undo and redo over the command layer.
//!
//! Each entry keeps copies of the parts the command touched, as they were. Undo swaps
//! them with the current parts, and those become the redo entry, so undo and redo are
//! exact inverses whatever the command was.

use super::command::{apply, Changes, Command, Snapshot};
use super::error::ModelError;
use super::ids::Id;
use super::inverse::inverse;
use super::workspace::Workspace;

#[derive(Clone, Debug)]
struct Entry {
    label: String,
    snapshot: Snapshot,
    /// The entity the command moved, if it was a move: undone or redone, the focus
    /// follows it back to where it goes.
    moved: Option<Id>,
    /// The step as a command, for another tab to replay: what doing it does (`None` for a
    /// whole workspace replaced) and what taking it back does (`None` where the command
    /// has no inverse, `inverse`). Undone, the two change places.
    does: Option<Command>,
    undoes: Option<Command>,
}

/// Names a command for the undo button, from the document before it applies. The model
/// has no sentences of its own: the app passes `text::command_label`.
pub type Labeller = fn(&Command, &Workspace) -> String;

#[derive(Clone, Debug)]
pub struct History {
    undo: Vec<Entry>,
    redo: Vec<Entry>,
    limit: usize,
    label: Labeller,
}

impl Default for History {
    /// Entries named by nothing but their place; `with_labels` names them.
    fn default() -> Self {
        History::new(200, |_, _| String::new())
    }
}

impl History {
    pub fn new(limit: usize, label: Labeller) -> History {
        History {
            undo: Vec::new(),
            redo: Vec::new(),
            limit: limit.max(1),
            label,
        }
    }

    /// The usual history (200 steps), its entries named by `label`.
    pub fn with_labels(label: Labeller) -> History {
        History::new(200, label)
    }

    /// Applies a command and records it for undo, named by the history's labeller.
    pub fn apply(&mut self, ws: &mut Workspace, cmd: Command) -> Result<Changes, ModelError> {
        let label = (self.label)(&cmd, ws);
        self.apply_named(ws, cmd, label)
    }

    /// Applies a command and records it for undo under `label`.
    pub fn apply_named(
        &mut self,
        ws: &mut Workspace,
        cmd: Command,
        label: String,
    ) -> Result<Changes, ModelError> {
        let moved = cmd.moved().cloned();
        let undoes = inverse(ws, &cmd);
        let does = (!matches!(cmd, Command::ReplaceWorkspace(_))).then(|| cmd.clone());
        let (changes, snapshot) = apply(ws, cmd)?;
        self.undo.push(Entry {
            label,
            snapshot,
            moved,
            does,
            undoes,
        });
        if self.undo.len() > self.limit {
            self.undo.remove(0);
        }
        self.redo.clear();
        Ok(changes)
    }

    /// Undoes the last command; returns what it was and the parts that changed.
    pub fn undo(&mut self, ws: &mut Workspace) -> Option<(String, Changes)> {
        let entry = self.undo.pop()?;
        let (label, changes, inverse) = swap(ws, entry);
        self.redo.push(inverse);
        Some((label, changes))
    }

    pub fn redo(&mut self, ws: &mut Workspace) -> Option<(String, Changes)> {
        let entry = self.redo.pop()?;
        let (label, changes, inverse) = swap(ws, entry);
        self.undo.push(inverse);
        Some((label, changes))
    }

    /// The entity the step just undone moved (it is the next to redo), if it was a move.
    pub fn undone_move(&self) -> Option<&Id> {
        self.redo.last()?.moved.as_ref()
    }

    /// The entity the step just redone moved (it is the next to undo), if it was a move.
    pub fn redone_move(&self) -> Option<&Id> {
        self.undo.last()?.moved.as_ref()
    }

    /// The step just undone (`back`) or redone, as commands: what it did, and the
    /// command it took back.
    pub fn last_step(&self, back: bool) -> (Option<&Command>, Option<&Command>) {
        let entry = if back {
            self.redo.last()
        } else {
            self.undo.last()
        };
        entry.map_or((None, None), |e| (e.does.as_ref(), e.undoes.as_ref()))
    }

    pub fn undo_label(&self) -> Option<&str> {
        self.undo.last().map(|e| e.label.as_str())
    }

    pub fn redo_label(&self) -> Option<&str> {
        self.redo.last().map(|e| e.label.as_str())
    }

    /// Forgets everything, e.g. when another tab replaced the document underneath.
    pub fn clear(&mut self) {
        self.undo.clear();
        self.redo.clear();
    }
}

fn swap(ws: &mut Workspace, entry: Entry) -> (String, Changes, Entry) {
    let changes = entry.snapshot.changes();
    let now = entry.snapshot.retake(ws);
    entry.snapshot.restore(ws);
    (
        entry.label.clone(),
        changes,
        Entry {
            label: entry.label,
            snapshot: now,
            moved: entry.moved,
            does: entry.undoes,
            undoes: entry.does,
        },
    )
}
