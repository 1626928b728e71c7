//! The backlog page's shared state and the helpers its parts use.

use crate::model::backlog::{BacklogFilter, BacklogRow};
use crate::model::scoring::Scheme;
use crate::model::{Entity, Id, Item};
use crate::state::AppState;
use leptos::prelude::*;
use std::collections::HashSet;

/// Rows the backlog draws at first and adds each time. Its table starts below the
/// sprints, where 5 to 10 rows show, so a page of 25 still reaches past the screen. At
/// 10,000 items, 25 instead of 50 took a filter keystroke from 93–96 to 35–50 ms and
/// Backspace from 84–86 to 31–38 ms.
pub(crate) const PAGE: usize = 25;

/// The backlog page's UI state, shared by its parts through context.
#[derive(Clone, Copy)]
pub(crate) struct BacklogUi {
    pub filter: RwSignal<BacklogFilter>,
    pub scheme: RwSignal<Scheme>,
    /// Items ticked for a bulk action.
    pub selected: RwSignal<HashSet<Id>>,
    pub(super) state: AppState,
    /// The item open in the side panel: the URL's `at=`, so reload and Back agree with
    /// what is shown (`show` changes it).
    pub open: Memo<Option<Id>>,
    /// The last change of `open` came from this page (`show`), not from a link: the
    /// focus stays where the user put it.
    pub opened_here: StoredValue<bool>,
    pub dragging: RwSignal<Option<Id>>,
    /// The row or sprint card a drag is over.
    pub over: RwSignal<Option<Id>>,
    /// Every item the filters keep, as positions in the product's items, in the order
    /// shown. Cheap to work out on each keystroke, even over 10,000 items.
    pub order: Memo<Vec<usize>>,
    /// The rows drawn: the first `limit` of `order`, built in full.
    pub rows: Memo<Vec<BacklogRow>>,
    /// How many rows the table draws (see `MoreRows`).
    pub limit: RwSignal<usize>,
}

impl BacklogUi {
    pub fn expect() -> BacklogUi {
        expect_context()
    }

    /// Opens an item in the side panel (or closes it), in place of the current history
    /// entry: opening and closing are not steps for Back.
    pub fn show(self, id: Option<Id>) {
        crate::focus::leave_typing();
        self.opened_here.set_value(true);
        self.state.show_focus(id.map(|id| id.to_string()));
    }

    /// Changes the filter. A new search starts again from the top of the list, with one
    /// page drawn, so typing stays quick after "Show all".
    pub fn refilter(self, change: impl FnOnce(&mut BacklogFilter)) {
        self.filter.update(change);
        self.limit.set(PAGE);
    }

    /// Changes the order shown; like a new search, it starts again from one page.
    pub fn resort(self, scheme: Scheme) {
        self.scheme.set(scheme);
        self.limit.set(PAGE);
    }

    /// The ids of every item shown (not only those drawn), untracked.
    pub fn shown_ids(self, state: AppState) -> Vec<Id> {
        self.order.with_untracked(|o| {
            with_product(state, |p| {
                o.iter()
                    .filter_map(|&n| p.items.get(n).map(|i| i.id.clone()))
                    .collect()
            })
            .unwrap_or_default()
        })
    }
}

pub(crate) use crate::state::with_product;

/// Changes one item through an `Edit` command: one undoable step.
pub(crate) fn edit_item(
    state: AppState,
    id: &Id,
    change: impl FnOnce(&mut Item),
) -> Result<(), String> {
    // Nothing to save or undo when `change` changes nothing (e.g. a field told as the
    // page is hidden).
    let item = with_product(state, |p| p.item(id).cloned()).flatten();
    let gone = format!("item {id}: it does not exist (was it deleted in another tab?)");
    state.edit_entity(item, &gone, change, Entity::Item)
}

/// The product's features and sprints as (id, name) choices for selects, in order.
pub(crate) type Choices = (Vec<(String, String)>, Vec<(String, String)>);

pub(crate) fn choices(p: &crate::model::Product) -> Choices {
    (
        p.features
            .iter()
            .map(|f| (f.id.to_string(), f.title.clone()))
            .collect(),
        sprint_choices(p),
    )
}

/// The product's sprints alone, as the bulk bar plans into them.
pub(crate) fn sprint_choices(p: &crate::model::Product) -> Vec<(String, String)> {
    p.sprints
        .iter()
        .map(|s| (s.id.to_string(), s.name.clone()))
        .collect()
}
