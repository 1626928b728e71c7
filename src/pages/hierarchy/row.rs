//! One row of the outline: its line, the keys it answers to, drag and drop, and the
//! inline panel open under it.

use super::editors::EditPanel;
use super::panels::{AddPanel, DeletePanel, MovePanel};
use super::row_line::RowLine;
use super::ui::{focus_row, OutlineUi, Panel};
use super::{row_drag as drag, row_focus};
use crate::model::outline::{Facts, Row, RowKind};
use crate::model::outline_keys::{key_action, step_command, KeyPlace, RowAction};
use crate::state::AppState;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// What decides a row's elements (which buttons, badges and spans it has). A slot keeps
/// its elements while this stays the same and only rewrites their text.
#[derive(Clone, Copy, PartialEq)]
pub(super) struct Shape {
    pub kind: RowKind,
    pub has_children: bool,
    pub colour: bool,
    pub item_kind: Option<crate::model::ItemKind>,
    pub detail: bool,
}

impl Shape {
    fn of(r: &Row) -> Shape {
        Shape {
            kind: r.kind,
            has_children: r.has_children,
            colour: r.colour.is_some(),
            item_kind: r.item_kind,
            detail: matches!(r.facts, Facts::Feature { .. } | Facts::KeyResult { .. }),
        }
    }
}

fn kind_class(kind: RowKind) -> &'static str {
    match kind {
        RowKind::Product => "product",
        RowKind::Objective => "objective",
        RowKind::KeyResult => "kr",
        RowKind::Theme => "theme",
        RowKind::Feature => "feature",
        RowKind::Item => "item",
        RowKind::Loose(_) => "loose",
    }
}

/// Runs `f` on the row the slot shows now, untracked: for handlers.
pub(super) fn with_row(row: Memo<Option<Row>>, f: impl FnOnce(&Row)) {
    row.with_untracked(|r| {
        if let Some(r) = r {
            f(r)
        }
    })
}

/// Moves the row one place down (or up) and says where it went.
fn step(state: AppState, row: Memo<Option<Row>>, down: bool) {
    let (Some(product), Some(current)) = (state.product.get_untracked(), row.get_untracked())
    else {
        return;
    };
    let Some(cmd) = step_command(&product, &current, down) else {
        let end = if down { "last" } else { "first" };
        state.say(format!("Already the {end} one here."), false);
        return;
    };
    if state.dispatch(cmd).is_ok() {
        let pos = if down {
            current.position + 1
        } else {
            current.position - 1
        };
        let (title, of) = (&current.title, current.siblings);
        state.say(format!("“{title}” moved to position {pos} of {of}."), false);
        focus_row(&current.key);
    }
}

/// Carries out what a key pressed on the row stands for (`key_action`).
fn on_keydown(
    state: AppState,
    ui: OutlineUi,
    row: Memo<Option<Row>>,
    panel_open: bool,
    ev: leptos::ev::KeyboardEvent,
) {
    let Some(target) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
    else {
        return;
    };
    let at = KeyPlace {
        panel_open,
        in_panel: target.closest(".orow__panel").ok().flatten().is_some(),
        on_title: target.class_list().contains("orow__title"),
    };
    let Some(current) = row.get_untracked() else {
        return;
    };
    let Some(action) = key_action(&ev.key(), ev.alt_key(), &current, at) else {
        return;
    };
    ev.prevent_default();
    match action {
        // Nothing is lost: the panel's fields have committed (a field with uncommitted
        // text takes Escape itself, to put its text back).
        RowAction::ClosePanel => ui.close(),
        RowAction::Move { down } => step(state, row, down),
        RowAction::Focus(to) => row_focus::focus_sibling_row(&target, to),
        RowAction::Toggle => {
            ui.toggle(&current.key);
            focus_row(&current.key);
        }
        RowAction::AskDelete => ui.open(&current.key, Panel::Delete),
    }
}

/// The row drawn at place `index` of the outline. It is bound to the place, not to an
/// entity: when a filter keystroke changes the rows, a slot rewrites its text in place
/// (and rebuilds its line only when the row's shape changes) instead of 50 rows being
/// created anew. Handlers read the row the slot shows at the moment they run.
#[component]
pub(crate) fn OutlineRow(index: usize, rows: Memo<Vec<Row>>, stop: Memo<String>) -> impl IntoView {
    let state = AppState::expect();
    let ui = OutlineUi::expect();
    let row = Memo::new(move |_| rows.with(|r| r.get(index).cloned()));
    let kind = Memo::new(move |_| row.with(|r| r.as_ref().map(|r| r.kind)));
    let key =
        Memo::new(move |_| row.with(|r| r.as_ref().map(|r| r.key.clone()).unwrap_or_default()));
    let shape = Memo::new(move |_| row.with(|r| r.as_ref().map(Shape::of)));
    // Out of the Tab order unless this row holds the outline's one stop (see
    // `OutlineUi::current`); the arrow keys move between rows.
    let off_tab = Memo::new(move |_| stop.with(|s| key.with(|k| s != k)));
    let li = NodeRef::<leptos::html::Li>::new();
    row_focus::describe_place(ui, li, row, key);
    row_focus::follow_tab_stop(li, shape, off_tab);
    let open_panel = move || {
        ui.panel.with(|p| {
            p.as_ref()
                .filter(|(k, _)| key.with(|key| key == k))
                .map(|(_, p)| *p)
        })
    };
    let step = Callback::new(move |down: bool| step(state, row, down));
    let class = move || kind.get().map_or("loose", kind_class);
    view! {
        <li
            class=move || format!("orow orow--{}", class())
            class:orow--over=move || ui.over.with(|o| key.with(|k| o.as_deref() == Some(k.as_str())))
            style:--depth=move || row.with(|r| r.as_ref().map_or(0, |r| r.depth)).to_string()
            draggable=move || kind.get().is_some_and(RowKind::movable).then_some("true")
            on:dragstart=move |ev| drag::start(ui, row, ev)
            on:dragover=move |ev| drag::over(ui, key, ev)
            on:dragleave=move |_| ui.over.set(None)
            on:drop=move |ev| drag::drop(state, ui, row, ev)
            on:dragend=move |_| drag::end(ui)
            on:keydown=move |ev| on_keydown(state, ui, row, open_panel().is_some(), ev)
            on:focusin=move |_| ui.hold_stop(key.get_untracked())
            node_ref=li
            data-testid="outline-row"
            data-kind=class
            data-key=move || key.get()
        >
            {move || shape.get().map(|s| view! { <RowLine shape=s row=row key=key step=step /> })}
            {move || open_panel().map(|p| {
                let row = row.get_untracked()?;
                Some(view! {
                    <div class="orow__panel">
                        {match p {
                            Panel::Edit => view! { <EditPanel row=row /> }.into_any(),
                            Panel::Add(k) => view! { <AddPanel row=row kind=k /> }.into_any(),
                            Panel::Move => view! { <MovePanel row=row /> }.into_any(),
                            Panel::Delete => view! { <DeletePanel row=row /> }.into_any(),
                        }}
                    </div>
                })
            })}
        </li>
    }
}
