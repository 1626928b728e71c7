//! Backlog: the Product Owner's ordered backlog, item editor, prioritisation, Definition
//! of Ready and sprint planning.

mod bulk;
mod item_panel;
mod quick_add;
mod sprints;
mod table;
mod toolbar;

use crate::components::more_rows::{drawn, reveal};

/// Rows the backlog draws at first and adds each time. Its table starts below the
/// sprints, where 5 to 10 rows show, so a page of 25 still reaches past the screen. At
/// 10,000 items, 25 instead of 50 took a filter keystroke from 93–96 to 35–50 ms and
/// Backspace from 84–86 to 31–38 ms.
pub(crate) const PAGE: usize = 25;
use crate::components::{NoProduct, PageHead};
use crate::model::backlog::{backlog_order, BacklogFilter, BacklogRow, RowBuilder};
use crate::model::scoring::Scheme;
use crate::model::{Command, Entity, Id, Item, Level, ModelError};
use crate::state::read_product;
use crate::state::AppState;
use leptos::prelude::*;
use std::collections::HashSet;

/// The backlog page's UI state, shared by its parts through context.
#[derive(Clone, Copy)]
pub(crate) struct BacklogUi {
    pub filter: RwSignal<BacklogFilter>,
    pub scheme: RwSignal<Scheme>,
    /// Items ticked for a bulk action.
    pub selected: RwSignal<HashSet<Id>>,
    /// The item open in the side panel.
    pub open: RwSignal<Option<Id>>,
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
        use_context::<BacklogUi>().expect("BacklogUi is provided by the backlog page")
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
) -> Result<(), ModelError> {
    let Some(product) = state.product.get_untracked() else {
        return Err(ModelError::new("", "there is no product"));
    };
    let Some(mut item) = with_product(state, |p| p.item(id).cloned()).flatten() else {
        return Err(ModelError::new(
            format!("item {id}"),
            "it does not exist (was it deleted in another tab?)",
        ));
    };
    let before = item.clone();
    change(&mut item);
    // Nothing to save or undo (e.g. a field told `change` as the page is hidden).
    if item == before {
        return Ok(());
    }
    state.dispatch(Command::Edit {
        product,
        entity: Entity::Item(item),
    })
}

/// The product's features and sprints as (id, name) choices for selects, in order.
pub(crate) type Choices = (Vec<(String, String)>, Vec<(String, String)>);

pub(crate) fn choices(p: &crate::model::Product) -> Choices {
    (
        p.features
            .iter()
            .map(|f| (f.id.to_string(), f.title.clone()))
            .collect(),
        p.sprints
            .iter()
            .map(|s| (s.id.to_string(), s.name.clone()))
            .collect(),
    )
}

#[component]
pub fn BacklogPage() -> impl IntoView {
    let state = AppState::expect();
    let filter = RwSignal::new(BacklogFilter::default());
    let scheme = RwSignal::new(Scheme::Rank);
    let order = Memo::new(move |_| {
        filter
            .with(|f| read_product(state, |p| backlog_order(p, f, scheme.get())))
            .unwrap_or_default()
    });
    let limit = RwSignal::new(PAGE);
    // Only the drawn rows are built: with 10,000 items that is most of the cost of a
    // keystroke in the search box saved.
    let rows = Memo::new(move |_| {
        order.with(|o| {
            let shown = &o[..drawn(o.len(), limit.get())];
            read_product(state, |p| {
                let rows = RowBuilder::new(p);
                shown
                    .iter()
                    .filter(|&&n| n < p.items.len())
                    .map(|&n| rows.row(n))
                    .collect()
            })
            .unwrap_or_default()
        })
    });
    let ui = BacklogUi {
        filter,
        scheme,
        selected: RwSignal::new(HashSet::new()),
        open: RwSignal::new(
            state
                .route
                .with_untracked(|r| r.focus.as_deref().and_then(|f| Id::parse(f).ok())),
        ),
        dragging: RwSignal::new(None),
        over: RwSignal::new(None),
        order,
        rows,
        limit,
    };
    provide_context(ui);
    // A link with `at=<item id>` (command palette, roadmap) opens that item.
    Effect::new(move |_| {
        if let Some(id) = state
            .route
            .with(|r| r.focus.as_deref().and_then(|f| Id::parse(f).ok()))
        {
            // An item beyond the drawn rows is drawn first, with the page it falls in.
            let at = with_product(state, |p| {
                let n = p.items.iter().position(|i| i.id == id)?;
                ui.order.with_untracked(|o| o.iter().position(|&m| m == n))
            })
            .flatten();
            if let Some(at) = at {
                reveal(ui.limit, at, PAGE);
            }
            ui.open.set(Some(id.clone()));
            table::focus_item_row(&id);
        }
    });
    // Switching product clears what belonged to the old one.
    Effect::new(move |prev: Option<Option<Id>>| {
        let now = state.product.get();
        if prev.is_some_and(|p| p != now) {
            ui.selected.set(HashSet::new());
            ui.open.set(None);
        }
        now
    });
    view! {
        <PageHead
            title="Backlog"
            level=Level::Item
            lead="The product backlog in rank order: the top is what the team does next. Plan sprints against capacity and see where each item is likely to land."
        />
        <Show when=move || state.product.with(Option::is_some) fallback=|| view! { <NoProduct what="A backlog" /> }>
            <quick_add::QuickAdd />
            <sprints::SprintStrip />
            <toolbar::Toolbar />
            <bulk::BulkBar />
            <div class="backlog-layout" class:backlog-layout--panel=move || ui.open.with(Option::is_some)>
                <table::BacklogTable />
                {move || ui.open.get().map(|id| view! { <item_panel::ItemPanel id=id /> })}
            </div>
        </Show>
    }
}
