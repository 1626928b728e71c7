//! In-place editors for each level, with the fields DESIGN.md lists. There is no Save:
//! every field commits when it changes, as one undo step (`CommitText`), and a bad value
//! stays in its field with a message and changes nothing.

use super::objective_editor::ObjectiveEditor;
use super::ui::OutlineUi;
use crate::components::fields::{uid, CommitNumber, CommitText, Refused};
use crate::components::{EnumSelect, OptionSelect};
use crate::model::bounds::Field;
use crate::model::dates::optional_text;
use crate::model::outline::{Row, RowKind};
use crate::model::{Entity, Feature, Id, Item, Product, ProductFields, Theme};
use crate::state::{read_product, with_product, AppState};
use crate::text::optional_date;
use leptos::prelude::*;

/// Changes the entity `find` reads from the product shown: `change` on a copy, then one
/// `Edit` command. An unchanged copy stores nothing.
pub(super) fn commit_edit<T: Clone + PartialEq>(
    state: AppState,
    find: impl FnOnce(&Product) -> Option<T>,
    change: impl FnOnce(&mut T),
    wrap: fn(T) -> Entity,
) -> Result<(), Refused> {
    let entity = with_product(state, find).flatten();
    let gone = "It no longer exists (deleted here or in another tab).";
    state.edit_entity(entity, gone, change, wrap)
}

/// An editor's title ("Edit theme “Roadmap”"), from the entity as the editor opens on it.
pub(super) fn heading<T>(
    state: AppState,
    find: impl FnOnce(&Product) -> Option<T>,
    noun: &str,
    name: fn(&T) -> &str,
) -> String {
    with_product(state, find)
        .flatten()
        .map(|e| format!("Edit {noun} “{}”", name(&e)))
        .unwrap_or_default()
}

/// A title as stored: trimmed, and never empty.
pub(super) fn title(label: &str, text: &str) -> Result<String, Refused> {
    let t = text.trim();
    if t.is_empty() {
        Err(format!("The {label} cannot be empty."))
    } else {
        Ok(t.to_string())
    }
}

/// One field of the entity `find` reads, as it is now: for a field's `value`.
pub(super) fn field_of<T: 'static>(
    state: AppState,
    find: impl Fn(&Product) -> Option<T> + Copy + Send + Sync + 'static,
    f: fn(&T) -> String,
) -> Signal<String> {
    Signal::derive(move || {
        read_product(state, |p| find(p).as_ref().map(f))
            .flatten()
            .unwrap_or_default()
    })
}

#[component]
pub(crate) fn EditPanel(row: Row) -> impl IntoView {
    let id = match row.kind {
        RowKind::KeyResult => row.parent,
        RowKind::Product => row.id,
        _ => row.id,
    };
    let Some(id) = id else {
        return ().into_any();
    };
    match row.kind {
        RowKind::Product => view! { <ProductEditor /> }.into_any(),
        RowKind::Objective | RowKind::KeyResult => view! { <ObjectiveEditor id=id /> }.into_any(),
        RowKind::Theme => view! { <ThemeEditor id=id /> }.into_any(),
        RowKind::Feature => view! { <FeatureEditor id=id /> }.into_any(),
        RowKind::Item => view! { <ItemEditor id=id /> }.into_any(),
        RowKind::Loose(_) => ().into_any(),
    }
}

/// The frame every editor shares: its title, its fields, and Done.
#[component]
pub(super) fn EditorFrame(title: String, children: Children) -> impl IntoView {
    let ui = OutlineUi::expect();
    let label = title.clone();
    view! {
        <section class="panel-form" aria-label=label data-testid="edit-panel">
            <h2 class="panel-form__title">{title}</h2>
            <div class="panel-form__grid">{children()}</div>
            <p class="muted panel-form__note">"Each change is saved as you make it; Undo (Ctrl+Z) takes it back."</p>
            <div class="panel-form__buttons">
                <button type="button" class="btn btn--primary" on:click=move |_| ui.close() data-testid="done">"Done"</button>
            </div>
        </section>
    }
}

#[component]
fn ProductEditor() -> impl IntoView {
    let state = AppState::expect();
    let fields = |p: &Product| {
        Some(ProductFields {
            id: p.id.clone(),
            name: p.name.clone(),
            vision: p.vision.clone(),
            goal: p.goal.clone(),
            budget_note: p.budget_note.clone(),
        })
    };
    let value = move |f: fn(&ProductFields) -> String| field_of(state, fields, f);
    // `EditProduct` carries every field; one changes.
    let commit = move |change: fn(&mut ProductFields, String)| {
        move |text: String| {
            let Some(mut f) = with_product(state, fields).flatten() else {
                return Err("There is no product.".to_string());
            };
            let before = f.clone();
            change(&mut f, text);
            if f == before {
                return Ok(());
            }
            let cmd = crate::model::Command::EditProduct(f);
            state.dispatch(cmd).map_err(|e| e.to_string())
        }
    };
    let heading = with_product(state, |p| format!("Edit product “{}”", p.name)).unwrap_or_default();
    view! {
        <EditorFrame title=heading>
            <CommitText label="Name" value=value(|f| f.name.clone()) commit=move |t: String| { let n = title("name", &t)?; commit(|f, t| f.name = t)(n) } autofocus=true testid="edit-name" />
            <CommitText label="Vision: for whom" value=value(|f| f.vision.for_whom.clone()) commit=commit(|f, t| f.vision.for_whom = t) placeholder="e.g. weekend hikers" />
            <CommitText label="Vision: their need" value=value(|f| f.vision.need.clone()) commit=commit(|f, t| f.vision.need = t) placeholder="who need to …" />
            <CommitText label="Vision: the product" value=value(|f| f.vision.product.clone()) commit=commit(|f, t| f.vision.product = t) placeholder="our product is a …" />
            <CommitText label="Vision: the difference" value=value(|f| f.vision.differentiator.clone()) commit=commit(|f, t| f.vision.differentiator = t) placeholder="unlike …, it …" />
            <CommitText label="Product goal" value=value(|f| f.goal.clone()) commit=commit(|f, t| f.goal = t) multiline=true />
            <CommitText label="Budget note" value=value(|f| f.budget_note.clone()) commit=commit(|f, t| f.budget_note = t) />
        </EditorFrame>
    }
}

#[component]
fn ThemeEditor(id: Id) -> impl IntoView {
    let state = AppState::expect();
    let id = StoredValue::new(id);
    let find = move |p: &Product| p.theme(&id.get_value()).cloned();
    let edit =
        move |change: Box<dyn FnOnce(&mut Theme)>| commit_edit(state, find, change, Entity::Theme);
    let value = move |f: fn(&Theme) -> String| field_of(state, find, f);
    let objectives = Memo::new(move |_| {
        read_product(state, |p| {
            p.objectives
                .iter()
                .map(|o| (o.id.to_string(), o.title.clone()))
                .collect::<Vec<_>>()
        })
        .unwrap_or_default()
    });
    let objective = value(|t| t.objective.as_ref().map(Id::to_string).unwrap_or_default());
    let colour = value(|t| t.colour.clone());
    let (objective_id, colour_id) = (uid("objective"), uid("colour"));
    let heading = heading(state, find, "theme", |t| &t.name);
    view! {
        <EditorFrame title=heading>
            <CommitText label="Name" value=value(|t| t.name.clone()) commit=move |t: String| { let n = title("name", &t)?; edit(Box::new(move |x| x.name = n)) } autofocus=true testid="edit-name" />
            <div class="field">
                <label for=objective_id.clone()>"Objective it serves"</label>
                <select id=objective_id on:change=move |ev| { let o = Id::parse(&event_target_value(&ev)).ok(); let _ = edit(Box::new(move |x| x.objective = o)); } data-testid="edit-objective">
                    <option value="" prop:selected=move || objective.with(String::is_empty)>"No objective"</option>
                    {move || objectives.get().into_iter().map(|(v, l)| {
                        let on = v.clone();
                        view! { <option value=v prop:selected=move || objective.with(|o| *o == on)>{l}</option> }
                    }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for=colour_id.clone()>"Colour"</label>
                <input id=colour_id type="color" prop:value=colour on:change=move |ev| { let c = event_target_value(&ev); let _ = edit(Box::new(move |x| x.colour = c)); } />
            </div>
            <CommitText label="Description" value=value(|t| t.description.clone()) commit=move |d: String| edit(Box::new(move |x| x.description = d)) multiline=true />
        </EditorFrame>
    }
}

#[component]
fn FeatureEditor(id: Id) -> impl IntoView {
    let state = AppState::expect();
    let id = StoredValue::new(id);
    let find = move |p: &Product| p.feature(&id.get_value()).cloned();
    let edit = move |change: Box<dyn FnOnce(&mut Feature)>| {
        commit_edit(state, find, change, Entity::Feature)
    };
    let value = move |f: fn(&Feature) -> String| field_of(state, find, f);
    let now = Memo::new(move |_| read_product(state, find).flatten());
    let number = move |f: fn(&Feature) -> Option<f64>| {
        Signal::derive(move || now.with(|x| x.as_ref().and_then(f)))
    };
    let heading = heading(state, find, "feature", |f| &f.title);
    view! {
        <EditorFrame title=heading>
            <CommitText label="Title" value=value(|f| f.title.clone()) commit=move |t: String| { let t = title("title", &t)?; edit(Box::new(move |x| x.title = t)) } autofocus=true testid="edit-name" />
            <EnumSelect label="Status" value=Signal::derive(move || now.with(|f| f.as_ref().map(|f| f.status)).unwrap_or_default()) on_pick=move |s| { let _ = edit(Box::new(move |x| x.status = s)); } testid="edit-status" />
            <CommitNumber label="Value (0 or more, e.g. 1–10)" field=Field::FeatureValue value=number(|f| f.value) commit=move |v| edit(Box::new(move |x| x.value = v)) testid="edit-value" />
            <CommitNumber label="Effort (above 0, same scale)" field=Field::FeatureEffort value=number(|f| f.effort) commit=move |v| edit(Box::new(move |x| x.effort = v)) testid="edit-effort" />
            <OptionSelect label="Horizon" none="No horizon" value=Signal::derive(move || now.with(|f| f.as_ref().and_then(|f| f.horizon))) on_pick=move |h| { let _ = edit(Box::new(move |x| x.horizon = h)); } />
            <CommitText label="Start month" value=value(|f| optional_text(f.start)) commit=move |t: String| { let m = optional_date("Start", &t)?; edit(Box::new(move |x| x.start = m)) } placeholder="2026-03" testid="edit-start" />
            <CommitText label="End month" value=value(|f| optional_text(f.end)) commit=move |t: String| { let m = optional_date("End", &t)?; edit(Box::new(move |x| x.end = m)) } placeholder="2026-05" testid="edit-end" />
            <CommitText label="Description" value=value(|f| f.description.clone()) commit=move |d: String| edit(Box::new(move |x| x.description = d)) multiline=true />
        </EditorFrame>
    }
}

#[component]
fn ItemEditor(id: Id) -> impl IntoView {
    let state = AppState::expect();
    let id = StoredValue::new(id);
    let find = move |p: &Product| p.item(&id.get_value()).cloned();
    let edit =
        move |change: Box<dyn FnOnce(&mut Item)>| commit_edit(state, find, change, Entity::Item);
    let value = move |f: fn(&Item) -> String| field_of(state, find, f);
    let now = Memo::new(move |_| read_product(state, find).flatten());
    let heading = heading(state, find, "item", |i| &i.title);
    view! {
        <EditorFrame title=heading>
            <CommitText label="Title" value=value(|i| i.title.clone()) commit=move |t: String| { let t = title("title", &t)?; edit(Box::new(move |x| x.title = t)) } autofocus=true testid="edit-name" />
            <EnumSelect label="Type" value=Signal::derive(move || now.with(|i| i.as_ref().map(|i| i.kind)).unwrap_or_default()) on_pick=move |k| { let _ = edit(Box::new(move |x| x.kind = k)); } testid="edit-kind" />
            <CommitNumber label="Estimate (points)" field=Field::Estimate value=Signal::derive(move || now.with(|i| i.as_ref().and_then(|i| i.estimate))) commit=move |v| edit(Box::new(move |x| x.estimate = v)) testid="edit-estimate" />
            <EnumSelect label="Status" value=Signal::derive(move || now.with(|i| i.as_ref().map(|i| i.status)).unwrap_or_default()) on_pick=move |s| { let _ = edit(Box::new(move |x| x.status = s)); } testid="edit-status" />
            <OptionSelect label="Priority" none="No priority" value=Signal::derive(move || now.with(|i| i.as_ref().and_then(|i| i.priority))) on_pick=move |p| { let _ = edit(Box::new(move |x| x.priority = p)); } testid="edit-priority" />
            <CommitText label="Description" value=value(|i| i.description.clone()) commit=move |d: String| edit(Box::new(move |x| x.description = d)) multiline=true />
        </EditorFrame>
    }
}
