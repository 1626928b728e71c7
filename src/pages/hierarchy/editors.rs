//! In-place editors for each level, with the fields DESIGN.md lists. There is no Save:
//! every field commits when it changes, as one undo step (`CommitText`), and a bad value
//! stays in its field with a message and changes nothing.

use super::editing::Editing;
use super::objective_editor::ObjectiveEditor;
use super::ui::OutlineUi;
use crate::components::fields::{uid, CommitNumber, CommitText, Refused};
use crate::components::{EnumSelect, OptionSelect};
use crate::model::bounds::Field;
use crate::model::dates::optional_text;
use crate::model::outline::{Row, RowKind};
use crate::model::{Entity, Id, Product, ProductFields};
use crate::state::{read_product, with_product, AppState};
use crate::text::optional_date;
use leptos::prelude::*;

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
fn field_of<T: 'static>(
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
    let fields = |p: &Product| Some(ProductFields::of(p));
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
    let e = Editing::new(id, Product::theme, Entity::Theme);
    let objectives = Memo::new(move |_| {
        read_product(state, |p| {
            p.objectives
                .iter()
                .map(|o| (o.id.to_string(), o.title.clone()))
                .collect::<Vec<_>>()
        })
        .unwrap_or_default()
    });
    let objective = e.get(|t| t.objective.as_ref().map(Id::to_string).unwrap_or_default());
    let colour = e.get(|t| t.colour.clone());
    let (objective_id, colour_id) = (uid("objective"), uid("colour"));
    view! {
        <EditorFrame title=e.heading("theme", |t| &t.name)>
            {e.title_field("Name", |t| t.name.clone(), |t, n| t.name = n)}
            <div class="field">
                <label for=objective_id.clone()>"Objective it serves"</label>
                <select id=objective_id on:change=move |ev| e.pick(|x, o| x.objective = o)(Id::parse(&event_target_value(&ev)).ok()) data-testid="edit-objective">
                    <option value="" prop:selected=move || objective.with(String::is_empty)>"No objective"</option>
                    {move || objectives.get().into_iter().map(|(v, l)| {
                        let on = v.clone();
                        view! { <option value=v prop:selected=move || objective.with(|o| *o == on)>{l}</option> }
                    }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for=colour_id.clone()>"Colour"</label>
                <input id=colour_id type="color" prop:value=colour on:change=move |ev| e.pick(|x, c| x.colour = c)(event_target_value(&ev)) />
            </div>
            {e.description_field(|t| t.description.clone(), |t, d| t.description = d)}
        </EditorFrame>
    }
}

#[component]
fn FeatureEditor(id: Id) -> impl IntoView {
    let e = Editing::new(id, Product::feature, Entity::Feature);
    view! {
        <EditorFrame title=e.heading("feature", |f| &f.title)>
            {e.title_field("Title", |f| f.title.clone(), |f, t| f.title = t)}
            <EnumSelect label="Status" value=e.get(|f| f.status) on_pick=e.pick(|x, s| x.status = s) testid="edit-status" />
            <CommitNumber label="Value (0 or more, e.g. 1–10)" field=Field::FeatureValue value=e.get(|f| f.value) commit=e.commit(|x, v| x.value = v) testid="edit-value" />
            <CommitNumber label="Effort (above 0, same scale)" field=Field::FeatureEffort value=e.get(|f| f.effort) commit=e.commit(|x, v| x.effort = v) testid="edit-effort" />
            <OptionSelect label="Horizon" none="No horizon" value=e.get(|f| f.horizon) on_pick=e.pick(|x, h| x.horizon = h) />
            <CommitText label="Start month" value=e.get(|f| optional_text(f.start)) commit=move |t: String| { let m = optional_date("Start", &t)?; e.edit(move |x| x.start = m) } placeholder="2026-03" testid="edit-start" />
            <CommitText label="End month" value=e.get(|f| optional_text(f.end)) commit=move |t: String| { let m = optional_date("End", &t)?; e.edit(move |x| x.end = m) } placeholder="2026-05" testid="edit-end" />
            {e.description_field(|f| f.description.clone(), |f, d| f.description = d)}
        </EditorFrame>
    }
}

#[component]
fn ItemEditor(id: Id) -> impl IntoView {
    let e = Editing::new(id, Product::item, Entity::Item);
    view! {
        <EditorFrame title=e.heading("item", |i| &i.title)>
            {e.title_field("Title", |i| i.title.clone(), |i, t| i.title = t)}
            <EnumSelect label="Type" value=e.get(|i| i.kind) on_pick=e.pick(|x, k| x.kind = k) testid="edit-kind" />
            <CommitNumber label="Estimate (points)" field=Field::Estimate value=e.get(|i| i.estimate) commit=e.commit(|x, v| x.estimate = v) testid="edit-estimate" />
            <EnumSelect label="Status" value=e.get(|i| i.status) on_pick=e.pick(|x, s| x.status = s) testid="edit-status" />
            <OptionSelect label="Priority" none="No priority" value=e.get(|i| i.priority) on_pick=e.pick(|x, p| x.priority = p) testid="edit-priority" />
            {e.description_field(|i| i.description.clone(), |i, d| i.description = d)}
        </EditorFrame>
    }
}
