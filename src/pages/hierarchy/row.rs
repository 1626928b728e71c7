//! One row of the outline: its badge, title, roll-up and actions; keyboard shortcuts and
//! drag and drop; and the inline panel open under it.

use super::editors::EditPanel;
use super::panels::{AddPanel, DeletePanel, MovePanel};
use super::{focus_row, model_kind, OutlineUi, Panel};
use crate::components::HatBadge;
use crate::model::outline::{drop_command, Row, RowKind};
use crate::model::{Command, Kind};
use crate::state::AppState;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The move that "up" or "down" stands for, if the row can go that way.
fn step_command(product: &crate::model::Id, row: &Row, down: bool) -> Option<Command> {
    let kind = model_kind(row.kind)?;
    let id = row.id.clone()?;
    let before = if down {
        row.next.as_ref()?;
        row.after_next.clone()
    } else {
        Some(row.prev.clone()?)
    };
    Some(Command::Move {
        product: product.clone(),
        kind,
        id,
        parent: row.parent.clone(),
        before,
    })
}

/// The kinds a row can add under itself.
fn child_kinds(kind: RowKind) -> &'static [Kind] {
    use crate::model::outline::Loose;
    match kind {
        RowKind::Product => &[Kind::Objective, Kind::Theme],
        RowKind::Objective => &[Kind::Theme],
        RowKind::Theme | RowKind::Loose(Loose::Features) => &[Kind::Feature],
        RowKind::Feature | RowKind::Loose(Loose::Items) => &[Kind::Item],
        RowKind::Loose(Loose::Themes) => &[Kind::Theme],
        _ => &[],
    }
}

/// Moves focus to the previous or next row's title.
fn focus_sibling_row(from: &web_sys::Element, down: bool) {
    let Ok(list) = document().query_selector_all(".outline .orow__title") else {
        return;
    };
    let n = list.length();
    let current = (0..n).find(|i| {
        list.item(*i)
            .is_some_and(|node| node.is_same_node(Some(from)))
    });
    let Some(i) = current else { return };
    let next = if down { i + 1 } else { i.wrapping_sub(1) };
    if let Some(el) = list
        .item(next)
        .and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok())
    {
        el.focus().ok();
    }
}

#[component]
pub(crate) fn OutlineRow(row: Row) -> impl IntoView {
    let state = AppState::expect();
    let ui = OutlineUi::expect();
    let r = StoredValue::new(row.clone());
    let key = row.key.clone();
    let level = row.kind.level();
    let movable = model_kind(row.kind).is_some();
    let editable = !matches!(row.kind, RowKind::Loose(_));
    let deletable = matches!(
        row.kind,
        RowKind::Product | RowKind::Objective | RowKind::Theme | RowKind::Feature | RowKind::Item
    );
    let open_panel = move || {
        ui.panel.with(|p| {
            p.as_ref()
                .filter(|(k, _)| r.with_value(|r| &r.key == k))
                .map(|(_, p)| *p)
        })
    };

    let dispatch_step = move |down: bool| {
        let Some(product) = state.product.get_untracked() else {
            return;
        };
        let Some(cmd) = r.with_value(|row| step_command(&product, row, down)) else {
            state.say(
                if down {
                    "Already the last one here."
                } else {
                    "Already the first one here."
                },
                false,
            );
            return;
        };
        if state.dispatch(cmd).is_ok() {
            r.with_value(|row| {
                let pos = if down {
                    row.position + 1
                } else {
                    row.position - 1
                };
                state.say(
                    format!(
                        "“{}” moved to position {pos} of {}.",
                        row.title, row.siblings
                    ),
                    false,
                );
                focus_row(&row.key);
            });
        }
    };

    let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
        let Some(target) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        else {
            return;
        };
        if ev.key() == "Escape" && open_panel().is_some() {
            ev.prevent_default();
            ui.close();
            return;
        }
        // Shortcuts act on the row line only, never while typing in a panel.
        if target.closest(".orow__panel").ok().flatten().is_some() {
            return;
        }
        match (ev.key().as_str(), ev.alt_key()) {
            ("ArrowUp", true) if movable => {
                ev.prevent_default();
                dispatch_step(false);
            }
            ("ArrowDown", true) if movable => {
                ev.prevent_default();
                dispatch_step(true);
            }
            ("ArrowUp", false) | ("ArrowDown", false)
                if target.class_list().contains("orow__title") =>
            {
                ev.prevent_default();
                focus_sibling_row(&target, ev.key() == "ArrowDown");
            }
            ("ArrowLeft", false) | ("ArrowRight", false)
                if target.class_list().contains("orow__title") =>
            {
                let (has, expanded) = r.with_value(|r| (r.has_children, r.expanded));
                if has && expanded == (ev.key() == "ArrowLeft") {
                    ev.prevent_default();
                    r.with_value(|r| ui.toggle(&r.key));
                    r.with_value(|r| focus_row(&r.key));
                }
            }
            ("Delete", false) if deletable => {
                ev.prevent_default();
                r.with_value(|r| ui.open(&r.key, Panel::Delete));
            }
            _ => {}
        }
    };

    // Drag and drop. Every row accepts the drop so a refused move can say why.
    let on_dragstart = move |ev: leptos::ev::DragEvent| {
        let Some(id) = r.with_value(|r| r.id.clone()) else {
            return;
        };
        if let Some(dt) = ev.data_transfer() {
            dt.set_data("text/plain", id.as_str()).ok();
            dt.set_effect_allowed("move");
        }
        ui.dragging.set(Some((r.with_value(|r| r.kind), id)));
    };
    let on_dragover = move |ev: leptos::ev::DragEvent| {
        if ui.dragging.with_untracked(Option::is_some) {
            ev.prevent_default();
            let k = r.with_value(|r| r.key.clone());
            if ui.over.with_untracked(|o| o.as_deref() != Some(k.as_str())) {
                ui.over.set(Some(k));
            }
        }
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        ui.over.set(None);
        let (Some((kind, id)), Some(product)) =
            (ui.dragging.get_untracked(), state.product.get_untracked())
        else {
            return;
        };
        ui.dragging.set(None);
        let planned = r.with_value(|target| drop_command(&product, (kind, &id), target));
        match planned {
            Ok(cmd) => {
                if state.dispatch(cmd).is_ok() {
                    state.say(
                        format!("Moved next to “{}”.", r.with_value(|t| t.title.clone())),
                        false,
                    );
                }
            }
            Err(reason) => state.say(format!("Not moved: {reason}"), true),
        }
    };
    let on_dragend = move |_| {
        ui.dragging.set(None);
        ui.over.set(None);
    };

    let depth = row.depth;
    let kind_class = match row.kind {
        RowKind::Product => "product",
        RowKind::Objective => "objective",
        RowKind::KeyResult => "kr",
        RowKind::Theme => "theme",
        RowKind::Feature => "feature",
        RowKind::Item => "item",
        RowKind::Loose(_) => "loose",
    };
    let title_label = match row.kind {
        RowKind::Loose(_) => row.title.clone(),
        _ => format!("{} (edit)", row.title),
    };
    let toggle_label = format!(
        "{} {}",
        if row.expanded { "Collapse" } else { "Expand" },
        row.title
    );
    let children_kinds = child_kinds(row.kind);
    let key_for_title = key.clone();
    view! {
        <li
            class=format!("orow orow--{kind_class}")
            class:orow--over=move || ui.over.with(|o| o.as_deref() == Some(r.with_value(|r| r.key.clone()).as_str()))
            style:--depth=depth.to_string()
            draggable=movable.then_some("true")
            on:dragstart=on_dragstart
            on:dragover=on_dragover
            on:dragleave=move |_| ui.over.set(None)
            on:drop=on_drop
            on:dragend=on_dragend
            on:keydown=on_keydown
            data-testid="outline-row"
            data-kind=kind_class
            data-key=key.clone()
        >
            <div class="orow__line">
                {if row.has_children {
                    view! {
                        <button
                            type="button"
                            class="orow__toggle"
                            aria-expanded=row.expanded.to_string()
                            aria-label=toggle_label
                            on:click=move |_| r.with_value(|r| ui.toggle(&r.key))
                        >
                            {if row.expanded { "▾" } else { "▸" }}
                        </button>
                    }
                    .into_any()
                } else {
                    view! { <span class="orow__toggle orow__toggle--none" aria-hidden="true"></span> }.into_any()
                }}
                {level.map(|l| view! { <HatBadge level=l /> })}
                {row.colour.clone().map(|c| view! { <span class="swatch" style:background-color=c aria-hidden="true"></span> })}
                {row.item_kind.map(|k| view! { <span class=format!("kind kind--{}", k.key())>{k.label()}</span> })}
                <button
                    type="button"
                    class="orow__title"
                    id=format!("row-{key_for_title}")
                    aria-label=title_label
                    disabled=!editable
                    on:click=move |_| r.with_value(|r| ui.open(&r.key, Panel::Edit))
                    data-testid="row-title"
                >
                    {row.title.clone()}
                </button>
                {(!row.detail.is_empty() && row.kind != RowKind::Item).then(|| view! { <span class="orow__detail">{row.detail.clone()}</span> })}
                <span class="orow__meta">{row.meta.clone()}</span>
                <span class="orow__actions">
                    {children_kinds
                        .iter()
                        .map(|k| {
                            let k = *k;
                            view! {
                                <button
                                    type="button"
                                    class="btn btn--small"
                                    on:click=move |_| r.with_value(|r| ui.open(&r.key, Panel::Add(k)))
                                    data-testid=format!("add-{}", k.noun())
                                >
                                    {format!("+ {}", k.noun())}
                                </button>
                            }
                        })
                        .collect_view()}
                    {movable.then(|| view! {
                        <button type="button" class="btn btn--small btn--icon" aria-label=format!("Move {} up", row.title) title="Move up (Alt+↑)" disabled=row.prev.is_none() on:click=move |_| dispatch_step(false)>"↑"</button>
                        <button type="button" class="btn btn--small btn--icon" aria-label=format!("Move {} down", row.title) title="Move down (Alt+↓)" disabled=row.next.is_none() on:click=move |_| dispatch_step(true)>"↓"</button>
                    })}
                    {(movable && row.kind != RowKind::Objective).then(|| view! {
                        <button type="button" class="btn btn--small" on:click=move |_| r.with_value(|r| ui.open(&r.key, Panel::Move)) data-testid="move">"Move…"</button>
                    })}
                    {deletable.then(|| view! {
                        <button type="button" class="btn btn--small btn--danger" aria-label=format!("Delete {}", row.title) on:click=move |_| r.with_value(|r| ui.open(&r.key, Panel::Delete)) data-testid="delete">"Delete"</button>
                    })}
                </span>
            </div>
            {move || open_panel().map(|p| {
                let row = r.get_value();
                view! {
                    <div class="orow__panel">
                        {match p {
                            Panel::Edit => view! { <EditPanel row=row /> }.into_any(),
                            Panel::Add(k) => view! { <AddPanel row=row kind=k /> }.into_any(),
                            Panel::Move => view! { <MovePanel row=row /> }.into_any(),
                            Panel::Delete => view! { <DeletePanel row=row /> }.into_any(),
                        }}
                    </div>
                }
            })}
        </li>
    }
}
