//! Backlog: the Product Owner's ordered backlog, item editor, prioritisation, Definition
//! of Ready and sprint planning.

mod bulk;
mod burndown;
mod item_dependencies;
mod item_panel;
mod quick_add;
mod sprint_close;
mod sprints;
mod table;
mod toolbar;
mod ui;

use ui::{with_product, BacklogUi, PAGE};

use crate::components::more_rows::{drawn, reveal};

use crate::components::ProductPage;
use crate::model::backlog::{backlog_order, BacklogFilter, RowBuilder};
use crate::model::scoring::Scheme;
use crate::model::{Id, Level};
use crate::state::read_product;
use crate::state::AppState;
use leptos::prelude::*;
use std::collections::HashSet;

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
        state,
        selected: RwSignal::new(HashSet::new()),
        open: Memo::new(move |_| {
            state
                .route
                .with(|r| r.focus.as_deref().and_then(|f| Id::parse(f).ok()))
        }),
        opened_here: StoredValue::new(false),
        dragging: RwSignal::new(None),
        over: RwSignal::new(None),
        order,
        rows,
        limit,
    };
    provide_context(ui);
    // The open item (`at=<item id>`: a click here, the palette, the roadmap, a reload)
    // is drawn, with the page of rows it falls in; arrived at by a link, its row takes
    // the focus.
    Effect::new(move |_| {
        let link = !ui
            .opened_here
            .try_update_value(std::mem::take)
            .unwrap_or(false);
        if let Some(id) = ui.open.get() {
            // An item beyond the drawn rows is drawn first, with the page it falls in.
            let at = with_product(state, |p| {
                let n = p.items.iter().position(|i| i.id == id)?;
                ui.order.with_untracked(|o| o.iter().position(|&m| m == n))
            })
            .flatten();
            if let Some(at) = at {
                reveal(ui.limit, at, PAGE);
            }
            if link {
                table::focus_item_row(&id);
            }
        }
    });
    // Switching product clears what belonged to the old one.
    Effect::new(move |prev: Option<Option<Id>>| {
        let now = state.product.get();
        if prev.is_some_and(|p| p != now) {
            ui.selected.set(HashSet::new());
        }
        now
    });
    view! {
        <ProductPage
            title="Backlog"
            level=Level::Item
            lead="The product backlog in rank order: the top is what the team does next. Plan sprints against capacity and see where each item is likely to land."
            what="A backlog"
        >
            <quick_add::QuickAdd />
            <sprints::SprintStrip />
            <toolbar::Toolbar />
            <bulk::BulkBar />
            <div class="backlog-layout" class:backlog-layout--panel=move || ui.open.with(Option::is_some)>
                <table::BacklogTable />
                {move || ui.open.get().map(|id| view! { <item_panel::ItemPanel id=id /> })}
            </div>
        </ProductPage>
    }
}
