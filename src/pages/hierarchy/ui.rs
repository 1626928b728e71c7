//! The hierarchy page's shared state and the helpers its parts use.

use crate::model::outline::{Filter, RowKind};
use crate::model::{Id, Kind};
use leptos::prelude::*;
use std::collections::HashSet;

/// Which inline panel is open under a row.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Panel {
    Edit,
    Add(Kind),
    Move,
    Delete,
}

/// The outline's UI state, shared by its rows through context.
#[derive(Clone, Copy)]
pub(crate) struct OutlineUi {
    pub collapsed: RwSignal<HashSet<String>>,
    pub filter: RwSignal<Filter>,
    /// The open panel: the row's key and which panel.
    pub panel: RwSignal<Option<(String, Panel)>>,
    pub dragging: RwSignal<Option<(RowKind, Id)>>,
    pub over: RwSignal<Option<String>>,
    /// The row whose controls are in the Tab order (the last one focused). The others'
    /// are reached with the arrow keys, so the outline is one stop on the way through
    /// the page instead of several hundred.
    pub current: RwSignal<Option<String>>,
}

impl OutlineUi {
    pub fn expect() -> OutlineUi {
        expect_context()
    }

    /// Opens a panel in place of the open one (whose fields commit as they go).
    pub fn open(&self, key: &str, panel: Panel) {
        let same = self.panel.with_untracked(|p| {
            p.as_ref()
                .is_some_and(|(k, open)| k == key && *open == panel)
        });
        if !same {
            crate::focus::leave_typing();
            self.panel.set(Some((key.to_string(), panel)));
        }
    }

    /// Closes the open panel and puts focus back on its row.
    pub fn close(&self) {
        if let Some((key, _)) = self.panel.get_untracked() {
            crate::focus::leave_typing();
            self.panel.set(None);
            focus_row(&key);
        }
    }

    /// Gives the outline's one Tab stop to the row `key` (a row was focused, or the
    /// focus stayed in a slot that now shows another row).
    pub fn hold_stop(&self, key: String) {
        if self
            .current
            .with_untracked(|c| c.as_deref() != Some(key.as_str()))
        {
            self.current.set(Some(key));
        }
    }

    pub fn toggle(&self, key: &str) {
        self.collapsed.update(|c| {
            if !c.remove(key) {
                c.insert(key.to_string());
            }
        });
    }
}

/// The row the focus goes to once the row `key` and what hangs under it are deleted: the
/// next one at its level or above, else the one just before it. Read from the rows drawn
/// (the list is flat, each row with its `aria-level`); `None` when there is neither.
pub(crate) fn row_after_delete(key: &str) -> Option<String> {
    use wasm_bindgen::JsCast;
    let li = document()
        .get_element_by_id(&format!("row-{key}"))?
        .closest("li")
        .ok()??;
    let level = |e: &web_sys::Element| {
        e.get_attribute("aria-level")
            .and_then(|l| l.parse::<u32>().ok())
            .unwrap_or(1)
    };
    let mine = level(&li);
    let mut next = li.next_element_sibling();
    while let Some(n) = next {
        if level(&n) <= mine {
            return n.get_attribute("data-key");
        }
        next = n.next_element_sibling();
    }
    let before = li.previous_element_sibling()?;
    before.dyn_ref::<web_sys::HtmlElement>()?;
    before.get_attribute("data-key")
}

/// Focuses a row's title button once the DOM has caught up.
pub(crate) fn focus_row(key: &str) {
    crate::focus::focus_id_next_frame(format!("row-{key}"));
}
