//! Backlog: the Product Owner's ordered backlog, item editor, prioritisation, Definition
//! of Ready and sprint planning.

mod bulk;
mod item_panel;
mod quick_add;
mod sprints;
mod table;
mod toolbar;

use crate::components::{NoProduct, PageHead};
use crate::model::backlog::{backlog_rows, BacklogFilter, BacklogRow};
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
    pub rows: Memo<Vec<BacklogRow>>,
    /// How many rows the table draws (see `MoreRows`).
    pub limit: RwSignal<usize>,
}

impl BacklogUi {
    pub fn expect() -> BacklogUi {
        use_context::<BacklogUi>().expect("BacklogUi is provided by the backlog page")
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
    change(&mut item);
    state.dispatch(Command::Edit {
        product,
        entity: Entity::Item(item),
    })
}

#[component]
pub fn BacklogPage() -> impl IntoView {
    let state = AppState::expect();
    let filter = RwSignal::new(BacklogFilter::default());
    let scheme = RwSignal::new(Scheme::Rank);
    let rows = Memo::new(move |_| {
        let (f, s) = (filter.get(), scheme.get());
        read_product(state, |p| backlog_rows(p, &f, s)).unwrap_or_default()
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
        rows,
        limit: RwSignal::new(crate::components::more_rows::PAGE),
    };
    provide_context(ui);
    // A link with `at=<item id>` (command palette, roadmap) opens that item.
    Effect::new(move |_| {
        if let Some(id) = state
            .route
            .with(|r| r.focus.as_deref().and_then(|f| Id::parse(f).ok()))
        {
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
