//! The inline panels that add children, move a row elsewhere, or delete it.

use super::ui::{focus_row, OutlineUi};
use crate::components::fields::uid;
use crate::components::{AddLine, EnumSelect};
use crate::model::outline::{Loose, Row, RowKind};
use crate::model::{
    delete_impact, ids::prefix, Command, Entity, Feature, Id, Item, ItemKind, Kind, Objective,
    Theme,
};
use crate::state::{new_id, with_product, AppState};
use leptos::prelude::*;

/// Theme colours offered in turn, each dark enough for white text and clear on both themes.
const PALETTE: [&str; 8] = [
    "#2f6fdd", "#c2561a", "#23855a", "#6b4fd8", "#b8336a", "#0f7c8c", "#8a6d00", "#5b6573",
];

/// The parent a new child of `kind` gets when added from `row`.
fn parent_for(row: &Row, kind: Kind) -> Option<Id> {
    match (row.kind, kind) {
        (RowKind::Objective, Kind::Theme)
        | (RowKind::Theme, Kind::Feature)
        | (RowKind::Feature, Kind::Item) => row.id.clone(),
        _ => None,
    }
}

/// A new entity of `kind` titled `text` under `parent`; a theme takes the next colour of
/// the palette after the product's `n_themes` themes.
fn new_entity(
    kind: Kind,
    text: &str,
    parent: Option<Id>,
    item_kind: ItemKind,
    n_themes: usize,
) -> Entity {
    let text = text.to_string();
    match kind {
        Kind::Objective => Entity::Objective(Objective {
            id: new_id(prefix::OBJECTIVE),
            title: text,
            key_results: vec![],
        }),
        Kind::Theme => Entity::Theme(Theme {
            id: new_id(prefix::THEME),
            name: text,
            description: String::new(),
            colour: PALETTE[n_themes % PALETTE.len()].to_string(),
            objective: parent,
        }),
        Kind::Feature => Entity::Feature(Feature::new(new_id(prefix::FEATURE), text, parent)),
        _ => {
            let mut item = Item::new(new_id(prefix::ITEM), item_kind, text);
            item.feature = parent;
            Entity::Item(item)
        }
    }
}

#[component]
pub(crate) fn AddPanel(row: Row, kind: Kind) -> impl IntoView {
    let state = AppState::expect();
    let ui = OutlineUi::expect();
    let line = AddLine::new();
    let item_kind = RwSignal::new(ItemKind::Story);
    let input = NodeRef::<leptos::html::Input>::new();
    Effect::new(move |_| {
        if let Some(el) = input.get() {
            el.focus().ok();
        }
    });
    let parent = parent_for(&row, kind);
    let under = match row.kind {
        RowKind::Product | RowKind::Loose(_) => String::new(),
        _ => format!(" under “{}”", row.title),
    };
    let id = uid("add");
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(text) = line.take(&format!("Type a title for the new {}.", kind.noun())) else {
            return;
        };
        let n_themes = with_product(state, |p| p.themes.len()).unwrap_or(0);
        let (parent, item_kind) = (parent.clone(), item_kind.get_untracked());
        let entity = new_entity(kind, &text, parent, item_kind, n_themes);
        if line.done(state.add_here(entity)) {
            let noun = kind.noun();
            state.say(
                format!("Added {noun} “{text}”. Type the next one, or press Escape."),
                false,
            );
            if let Some(el) = input.get_untracked() {
                el.focus().ok();
            }
        }
    };
    view! {
        <form class="panel-form panel-form--row" on:submit=submit data-testid="add-panel">
            {(kind == Kind::Item).then(|| view! { <EnumSelect label="Type" value=item_kind on_pick=move |k: ItemKind| item_kind.set(k) /> })}
            <div class="field field--grow">
                <label for=id.clone()>{format!("New {}{under}", kind.noun())}</label>
                <input
                    id=id.clone()
                    type="text"
                    node_ref=input
                    maxlength="300"
                    prop:value=move || line.text.get()
                    on:input=move |ev| line.typed(ev)
                    aria-invalid=move || line.error.with(Option::is_some).to_string()
                    aria-describedby=format!("{id}-err")
                    data-testid="add-title"
                />
                <p class="field-error" id=format!("{id}-err") role="alert">{move || line.error.get()}</p>
            </div>
            {panel_buttons(ui, "Add", "Done")}
        </form>
    }
}

/// A panel form's buttons: the one that submits it, and one that closes the panel.
fn panel_buttons(ui: OutlineUi, submit: &'static str, close: &'static str) -> impl IntoView {
    view! {
        <div class="panel-form__buttons">
            <button type="submit" class="btn btn--primary">{submit}</button>
            <button type="button" class="btn" on:click=move |_| ui.close()>{close}</button>
        </div>
    }
}

/// Where a row can be moved: `(value, label)` pairs. Values are `parent:<id>`, `none`,
/// or `product:<id>` (themes only).
fn destinations(state: &AppState, row: &Row) -> Vec<(String, String)> {
    let Some(product) = state.product.get_untracked() else {
        return vec![];
    };
    state.ws.with_untracked(|w| {
        let Some(p) = w.product(&product) else {
            return vec![];
        };
        let here = |id: &Id| row.parent.as_ref() == Some(id);
        let mark = |here: bool, label: String| {
            if here {
                format!("{label} (where it is now)")
            } else {
                label
            }
        };
        // The parents of the row's level, then the group of those with none.
        let (parents, loose): (Vec<(&Id, String)>, Loose) = match row.kind {
            RowKind::Theme => (
                (p.objectives.iter())
                    .map(|o| (&o.id, format!("Objective: {}", o.title)))
                    .collect(),
                Loose::Themes,
            ),
            RowKind::Feature => (
                (p.themes.iter())
                    .map(|t| (&t.id, format!("Theme: {}", t.name)))
                    .collect(),
                Loose::Features,
            ),
            RowKind::Item => (
                (p.features.iter())
                    .map(|f| (&f.id, format!("Feature: {}", f.title)))
                    .collect(),
                Loose::Items,
            ),
            _ => return vec![],
        };
        let mut out: Vec<(String, String)> = parents
            .into_iter()
            .map(|(id, label)| (format!("parent:{id}"), mark(here(id), label)))
            .collect();
        out.push((
            "none".into(),
            mark(row.parent.is_none(), crate::text::loose_group(loose).into()),
        ));
        if row.kind == RowKind::Theme {
            for other in w.products.iter().filter(|x| x.id != p.id) {
                out.push((
                    format!("product:{}", other.id),
                    format!("Another product: {}", other.name),
                ));
            }
        }
        out
    })
}

#[component]
pub(crate) fn MovePanel(row: Row) -> impl IntoView {
    let state = AppState::expect();
    let ui = OutlineUi::expect();
    let options = destinations(&state, &row);
    let current = match &row.parent {
        Some(p) => format!("parent:{p}"),
        None => "none".into(),
    };
    let choice = RwSignal::new(current.clone());
    let error = RwSignal::new(None::<String>);
    let select = NodeRef::<leptos::html::Select>::new();
    Effect::new(move |_| {
        if let Some(el) = select.get() {
            el.focus().ok();
        }
    });
    let id = uid("move");
    let (kind, entity, title, key) = (
        row.kind.entity_kind(),
        row.id.clone(),
        row.title.clone(),
        row.key.clone(),
    );
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (Some(kind), Some(entity), Some(product)) =
            (kind, entity.clone(), state.product.get_untracked())
        else {
            return;
        };
        let v = choice.get_untracked();
        let cmd = if let Some(to) = v.strip_prefix("product:") {
            match Id::parse(to) {
                Ok(to) => Command::MoveTheme {
                    from: product,
                    theme: entity,
                    to,
                },
                Err(e) => return error.set(Some(e.to_string())),
            }
        } else {
            let parent = v.strip_prefix("parent:").and_then(|p| Id::parse(p).ok());
            Command::Move {
                product,
                kind,
                id: entity,
                parent,
                before: None,
            }
        };
        match state.dispatch(cmd) {
            Ok(()) => {
                ui.panel.set(None);
                state.say(format!("Moved “{title}”."), false);
                focus_row(&key);
            }
            Err(e) => error.set(Some(e.to_string())),
        }
    };
    view! {
        <form class="panel-form panel-form--row" on:submit=submit data-testid="move-panel">
            <div class="field field--grow">
                <label for=id.clone()>{format!("Move “{}” to", row.title)}</label>
                <select id=id.clone() node_ref=select on:change=move |ev| choice.set(event_target_value(&ev)) data-testid="move-target">
                    {options
                        .into_iter()
                        .map(|(v, l)| {
                            let selected = v == current;
                            view! { <option value=v selected=selected>{l}</option> }
                        })
                        .collect_view()}
                </select>
                <p class="field-error" role="alert">{move || error.get()}</p>
            </div>
            {panel_buttons(ui, "Move", "Cancel")}
        </form>
    }
}

#[component]
pub(crate) fn DeletePanel(row: Row) -> impl IntoView {
    let state = AppState::expect();
    let ui = OutlineUi::expect();
    // The safe answer takes the focus, as in any confirmation of a loss: Delete, then
    // Enter by habit, must not delete.
    let cancel = NodeRef::<leptos::html::Button>::new();
    Effect::new(move |_| {
        if let Some(el) = cancel.get() {
            el.focus().ok();
        }
    });
    let product = state.product.get_untracked();
    let summary = state.ws.with_untracked(|w| {
        let p = product.as_ref().and_then(|id| w.product(id))?;
        Some(match (row.kind, row.kind.entity_kind(), &row.id) {
            (RowKind::Product, _, _) => format!(
                "product with {} objectives, {} themes, {} features and {} items",
                p.objectives.len(),
                p.themes.len(),
                p.features.len(),
                p.items.len()
            ),
            (_, Some(k), Some(id)) => crate::text::impact_summary(&delete_impact(p, k, id), k),
            _ => String::new(),
        })
    });
    let summary = summary.unwrap_or_default();
    let title = row.title.clone();
    let parent = row
        .parent
        .clone()
        .or_else(|| product.clone())
        .map(|id| id.to_string());
    let confirm = move |_| {
        let Some(product) = product.clone() else {
            return;
        };
        let cmd = match (row.kind, row.kind.entity_kind(), row.id.clone()) {
            (RowKind::Product, _, _) => Command::DeleteProduct(product),
            (_, Some(kind), Some(id)) => Command::Delete { product, kind, id },
            _ => return,
        };
        // Found before the row goes: the row that takes its place gets the focus.
        let back_to = super::ui::row_after_delete(&row.key).or_else(|| parent.clone());
        if state.dispatch(cmd).is_ok() {
            ui.panel.set(None);
            state.say(
                format!("Deleted “{title}”. Undo (Ctrl+Z) brings it back."),
                false,
            );
            if let Some(key) = &back_to {
                focus_row(key);
            }
        }
    };
    view! {
        <div class="confirm" role="alertdialog" aria-label="Confirm delete" data-testid="delete-panel" on:keydown=move |ev| crate::components::dialog::keep_tab_inside(&ev)>
            <p><strong>{format!("Delete “{}”?", row.title)}</strong></p>
            <p data-testid="delete-summary">{format!("This deletes the {summary}. You can undo it.")}</p>
            <div class="actions">
                <button type="button" class="btn btn--danger" on:click=confirm data-testid="confirm-delete">"Delete"</button>
                <button type="button" class="btn" node_ref=cancel on:click=move |_| ui.close() data-testid="cancel-delete">"Cancel"</button>
            </div>
        </div>
    }
}
