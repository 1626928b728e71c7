//! Hierarchy: the whole product as an outline — create, edit, move and delete every
//! level in place, with its hat, its roll-up and the loose ends to tidy.

mod editing;
mod editors;
mod objective_editor;
mod panels;
mod row;
mod row_drag;
mod row_focus;
mod row_line;
mod ui;

use ui::{focus_row, OutlineUi};

use crate::components::more_rows::{drawn, reveal, PAGE};
use crate::components::{Layout, NewProductForm, OptionSelect, ProductPage};
use crate::model::outline::{outline_with, rollups, Filter, Row, RowKind};
use crate::model::{Hat, ItemKind, Level, RoleSetting};
use crate::state::{read_product, AppState};
use crate::text::numbers::thousands;
use leptos::prelude::*;
use row::OutlineRow;
use std::collections::HashSet;
use wasm_bindgen::JsCast;

const COLLAPSED_PREF: &str = "hierarchy.collapsed";

fn load_collapsed() -> HashSet<String> {
    AppState::pref(COLLAPSED_PREF)
        .and_then(|s| serde_json::from_str(&s).ok())
        .unwrap_or_default()
}

#[component]
pub fn HierarchyPage() -> impl IntoView {
    let state = AppState::expect();
    let ui = OutlineUi {
        collapsed: RwSignal::new(load_collapsed()),
        filter: RwSignal::new(Filter::default()),
        panel: RwSignal::new(None),
        dragging: RwSignal::new(None),
        over: RwSignal::new(None),
        current: RwSignal::new(None),
    };
    provide_context(ui);
    Effect::new(move |prev: Option<()>| {
        let c = ui.collapsed.get();
        if prev.is_some() {
            AppState::set_pref(
                COLLAPSED_PREF,
                &serde_json::to_string(&c).unwrap_or_default(),
            );
        }
    });
    let limit = RwSignal::new(PAGE);
    // Roll-ups follow the document, not the filter: a keystroke does not redo them.
    let sums = Memo::new(move |_| read_product(state, rollups));
    let rows = Memo::new(move |_| {
        let Some(id) = state.product.get() else {
            return Vec::new();
        };
        let collapsed = ui.collapsed.get();
        let filter = ui.filter.get();
        sums.with(|sums| {
            state
                .ws
                .with(|w| {
                    w.product(&id)
                        .zip(sums.as_ref())
                        .map(|(p, sums)| outline_with(p, w.roles, &collapsed, &filter, sums))
                })
                .unwrap_or_default()
        })
    });
    // Where the Tab stop is: the current row, or the first when it is gone (filtered
    // out, folded away, deleted).
    let stop = Memo::new(move |_| {
        let shown = drawn(rows.with(Vec::len), limit.get());
        rows.with(|r| {
            let at = ui
                .current
                .with(|c| {
                    c.as_ref()
                        .and_then(|c| r.iter().position(|row| &row.key == c))
                })
                .filter(|at| *at < shown)
                .unwrap_or(0);
            r.get(at).map(|row| row.key.clone()).unwrap_or_default()
        })
    });
    // A link with `at=<id>` (from the explainer's ladder or elsewhere) focuses that row.
    Effect::new(move |_| {
        if let Some(focus) = state.route.with(|r| r.focus.clone()) {
            if focus == "new-product" {
                // The full form when there is no product yet, the compact one below the outline otherwise.
                request_animation_frame(|| {
                    let doc = document();
                    let el = doc
                        .get_element_by_id("new-product-name")
                        .or_else(|| doc.get_element_by_id("new-product-name-compact"));
                    if let Some(el) = el {
                        el.unchecked_into::<web_sys::HtmlElement>().focus().ok();
                    }
                });
            } else {
                // A row beyond those drawn is drawn first, with the page it falls in.
                let at = rows.with_untracked(|r| r.iter().position(|row| row.key == focus));
                if let Some(at) = at {
                    reveal(limit, at, PAGE);
                }
                focus_row(&focus);
            }
        }
    });
    view! {
        <ProductPage
            title="Hierarchy"
            level=Level::Product
            lead="The whole product at once. Click a title to edit it; use the buttons, Alt+↑/↓, or drag rows to move them. By keyboard, Tab reaches one row and ↑/↓ go to the others. Every change can be undone."
            what="The hierarchy"
        >
            <Toolbar rows=rows />
            <ul class="outline" aria-label="Product outline" data-testid="outline">
                // Bound to places, not rows: see `OutlineRow`.
                <For each=move || 0..drawn(rows.with(Vec::len), limit.get()) key=|i: &usize| *i let:index>
                    <OutlineRow index=index rows=rows stop=stop />
                </For>
            </ul>
            <crate::components::MoreRows total=Signal::derive(move || rows.with(Vec::len)) limit=limit noun="rows" auto=true />
            <Show when=move || rows.with(Vec::is_empty)>
                <p class="empty-state">"Nothing matches the filter. Clear it to see the whole product."</p>
            </Show>
            <NewProductForm compact=true />
        </ProductPage>
    }
}

#[component]
fn Toolbar(rows: Memo<Vec<Row>>) -> impl IntoView {
    let ui = OutlineUi::expect();
    let text = RwSignal::new(String::new());
    let kind = RwSignal::new(None::<ItemKind>);
    let hat = RwSignal::new(None::<Hat>);
    Effect::new(move |_| {
        let next = Filter {
            text: text.get(),
            item_kind: kind.get(),
            hat: hat.get(),
        };
        // The effect's first run repeats the filter the outline already has; setting it
        // anyway would work the whole outline out a second time as the page opens.
        if ui.filter.with_untracked(|f| *f != next) {
            ui.filter.set(next);
        }
    });
    let collapse_all = move |_| {
        let keys: HashSet<String> = rows.with_untracked(|r| {
            r.iter()
                .filter(|r| r.has_children && r.depth > 0)
                .map(|r| r.key.clone())
                .collect()
        });
        ui.collapsed.update(|c| c.extend(keys));
    };
    view! {
        <div class="toolbar" role="search" aria-label="Filter the outline">
            <div class="field field--inline">
                <label for="outline-filter">"Filter"</label>
                <input
                    id="outline-filter"
                    type="search"
                    placeholder="Type to filter by title"
                    prop:value=move || text.get()
                    on:input=move |ev| text.set(event_target_value(&ev))
                    data-testid="outline-filter"
                />
            </div>
            <OptionSelect label="Item type" none="All types" value=kind on_pick={move |k: Option<ItemKind>| kind.set(k)} layout=Layout::Inline />
            <HatFilter hat=hat />
            <div class="toolbar__actions">
                <button type="button" class="btn btn--ghost" on:click=move |_| ui.collapsed.set(HashSet::new())>"Expand all"</button>
                <button type="button" class="btn btn--ghost" on:click=collapse_all>"Collapse all"</button>
            </div>
            <p class="toolbar__count" aria-live="polite" data-testid="outline-count">
                {move || {
                    let n = rows.with(|r| r.iter().filter(|r| r.kind == RowKind::Item).count());
                    let f = ui.filter.with(Filter::is_active);
                    if f { format!("{} matching items shown", thousands(n)) } else { format!("{} items shown", thousands(n)) }
                }}
            </p>
        </div>
    }
}

/// The hat filter, its options named for the organisation: with no Product Manager the
/// strategic levels are the PO's too, so "Product Manager" would name nobody.
#[component]
fn HatFilter(hat: RwSignal<Option<Hat>>) -> impl IntoView {
    let state = AppState::expect();
    let id = crate::components::fields::uid("hat");
    let name = move |h: Hat| match (h, state.ws.with(|w| w.roles)) {
        (Hat::Pm, RoleSetting::NoPm) => "Strategic levels (the PO, as PM)",
        (Hat::Pm, RoleSetting::OnePerson) => "PM hat",
        (Hat::Po, RoleSetting::OnePerson) => "PO hat",
        (h, _) => h.long(),
    };
    let pick = move |ev: leptos::ev::Event| {
        hat.set(
            Hat::ALL
                .into_iter()
                .find(|h| h.key() == event_target_value(&ev)),
        )
    };
    view! {
        <div class="field field--inline">
            <label for=id.clone()>"Hat"</label>
            <select id=id on:change=pick data-testid="hat-filter">
                <option value="" prop:selected=move || hat.get().is_none()>"Both hats"</option>
                {Hat::ALL.into_iter().map(|h| view! {
                    <option value=h.key() prop:selected=move || hat.get() == Some(h)>{move || name(h)}</option>
                }).collect_view()}
            </select>
        </div>
    }
}
