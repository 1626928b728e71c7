//! In-place editors for each level, with the fields DESIGN.md lists. A bad value gets an
//! inline message and changes nothing.

use super::ui::OutlineUi;
use crate::components::fields::{
    number_text, parse_bounded, parse_bounded_required, NumberField, SelectField, TextField,
};
use crate::components::{EnumSelect, OptionSelect};
use crate::model::bounds::Field;
use crate::model::outline::{Row, RowKind};
use crate::model::{
    ids::prefix, Command, Entity, Id, KeyResult, Month, Product, ProductFields, Vision,
};
use crate::state::{new_id, AppState};
use leptos::prelude::*;

/// Runs `build`; on a message shows it, otherwise dispatches the command it returns.
fn save(
    state: AppState,
    ui: OutlineUi,
    error: RwSignal<Option<String>>,
    build: impl FnOnce() -> Result<Command, String>,
) {
    match build() {
        Err(msg) => error.set(Some(msg)),
        Ok(cmd) => match state.dispatch(cmd) {
            Ok(()) => {
                state.say("Saved.", false);
                ui.close();
            }
            Err(e) => error.set(Some(e.to_string())),
        },
    }
}

fn current_product(state: AppState) -> Option<Product> {
    let id = state.product.get_untracked()?;
    state.ws.with_untracked(|w| w.product(&id).cloned())
}

#[component]
pub(crate) fn EditPanel(row: Row) -> impl IntoView {
    let state = AppState::expect();
    let Some(p) = current_product(state) else {
        return ().into_any();
    };
    let id = row.id.clone();
    match row.kind {
        RowKind::Product => view! { <ProductEditor p=p /> }.into_any(),
        RowKind::Objective => id
            .map(|id| view! { <ObjectiveEditor p=p id=id /> }.into_any())
            .unwrap_or(().into_any()),
        RowKind::KeyResult => row
            .parent
            .map(|id| view! { <ObjectiveEditor p=p id=id /> }.into_any())
            .unwrap_or(().into_any()),
        RowKind::Theme => id
            .map(|id| view! { <ThemeEditor p=p id=id /> }.into_any())
            .unwrap_or(().into_any()),
        RowKind::Feature => id
            .map(|id| view! { <FeatureEditor p=p id=id /> }.into_any())
            .unwrap_or(().into_any()),
        RowKind::Item => id
            .map(|id| view! { <ItemEditor p=p id=id /> }.into_any())
            .unwrap_or(().into_any()),
        RowKind::Loose(_) => ().into_any(),
    }
}

/// The frame every editor shares: fields, the error line, Save and Cancel.
#[component]
fn EditorFrame(
    title: String,
    error: RwSignal<Option<String>>,
    on_save: impl Fn() + 'static,
    children: Children,
) -> impl IntoView {
    let ui = OutlineUi::expect();
    view! {
        <form
            class="panel-form"
            on:submit=move |ev| {
                ev.prevent_default();
                on_save();
            }
            data-testid="edit-panel"
        >
            <h2 class="panel-form__title">{title}</h2>
            <div class="panel-form__grid">{children()}</div>
            <p class="field-error" role="alert" data-testid="edit-error">{move || error.get()}</p>
            <div class="panel-form__buttons">
                <button type="submit" class="btn btn--primary" data-testid="save">"Save"</button>
                <button type="button" class="btn" on:click=move |_| ui.close()>"Cancel"</button>
            </div>
        </form>
    }
}

/// Focuses the first text field of an editor when it opens.
fn autofocus() -> NodeRef<leptos::html::Input> {
    let r = NodeRef::<leptos::html::Input>::new();
    Effect::new(move |_| {
        if let Some(el) = r.get() {
            el.focus().ok();
            el.select();
        }
    });
    r
}

fn title_error(label: &str, text: &str) -> Result<String, String> {
    let t = text.trim();
    if t.is_empty() {
        Err(format!("The {label} cannot be empty."))
    } else {
        Ok(t.to_string())
    }
}

#[component]
fn ProductEditor(p: Product) -> impl IntoView {
    let (state, ui) = (AppState::expect(), OutlineUi::expect());
    let error = RwSignal::new(None);
    let name = RwSignal::new(p.name.clone());
    let for_whom = RwSignal::new(p.vision.for_whom.clone());
    let need = RwSignal::new(p.vision.need.clone());
    let product = RwSignal::new(p.vision.product.clone());
    let differentiator = RwSignal::new(p.vision.differentiator.clone());
    let goal = RwSignal::new(p.goal.clone());
    let budget = RwSignal::new(p.budget_note.clone());
    let id = p.id.clone();
    let on_save = move || {
        let id = id.clone();
        save(state, ui, error, move || {
            Ok(Command::EditProduct(ProductFields {
                id,
                name: title_error("name", &name.get_untracked())?,
                vision: Vision {
                    for_whom: for_whom.get_untracked(),
                    need: need.get_untracked(),
                    product: product.get_untracked(),
                    differentiator: differentiator.get_untracked(),
                },
                goal: goal.get_untracked(),
                budget_note: budget.get_untracked(),
            }))
        })
    };
    view! {
        <EditorFrame title=format!("Edit product “{}”", p.name) error=error on_save=on_save>
            <TextField label="Name" value=name input_ref=autofocus() testid="edit-name" />
            <TextField label="Vision: for whom" value=for_whom placeholder="e.g. weekend hikers" />
            <TextField label="Vision: their need" value=need placeholder="who need to …" />
            <TextField label="Vision: the product" value=product placeholder="our product is a …" />
            <TextField label="Vision: the difference" value=differentiator placeholder="unlike …, it …" />
            <TextField label="Product goal" value=goal multiline=true />
            <TextField label="Budget note" value=budget />
        </EditorFrame>
    }
}

/// A key result being edited: text fields, parsed on save.
#[derive(Clone)]
struct KrDraft {
    id: Id,
    title: RwSignal<String>,
    start: RwSignal<String>,
    target: RwSignal<String>,
    current: RwSignal<String>,
    unit: RwSignal<String>,
}

impl KrDraft {
    fn from(k: &KeyResult) -> KrDraft {
        KrDraft {
            id: k.id.clone(),
            title: RwSignal::new(k.title.clone()),
            start: RwSignal::new(number_text(Some(k.start))),
            target: RwSignal::new(number_text(Some(k.target))),
            current: RwSignal::new(number_text(Some(k.current))),
            unit: RwSignal::new(k.unit.clone()),
        }
    }

    fn build(&self, n: usize) -> Result<KeyResult, String> {
        let number = |field: Field, text: RwSignal<String>| {
            parse_bounded_required(field, &text.get_untracked())
                .map_err(|e| format!("Key result {n}: {e}"))
        };
        Ok(KeyResult {
            id: self.id.clone(),
            title: title_error(
                &format!("title of key result {n}"),
                &self.title.get_untracked(),
            )?,
            start: number(Field::KeyResultStart, self.start)?,
            target: number(Field::KeyResultTarget, self.target)?,
            current: number(Field::KeyResultCurrent, self.current)?,
            unit: self.unit.get_untracked().trim().to_string(),
        })
    }
}

#[component]
fn ObjectiveEditor(p: Product, id: Id) -> impl IntoView {
    let (state, ui) = (AppState::expect(), OutlineUi::expect());
    let Some(o) = p.objective(&id).cloned() else {
        return ().into_any();
    };
    let error = RwSignal::new(None);
    let title = RwSignal::new(o.title.clone());
    let krs = RwSignal::new(o.key_results.iter().map(KrDraft::from).collect::<Vec<_>>());
    let product = p.id.clone();
    let on_save = move || {
        let (product, o) = (product.clone(), o.clone());
        save(state, ui, error, move || {
            let mut objective = o;
            objective.title = title_error("title", &title.get_untracked())?;
            objective.key_results = krs
                .get_untracked()
                .iter()
                .enumerate()
                .map(|(i, k)| k.build(i + 1))
                .collect::<Result<_, _>>()?;
            Ok(Command::Edit {
                product,
                entity: Entity::Objective(objective),
            })
        })
    };
    let add_kr = move |_| {
        krs.update(|v| {
            v.push(KrDraft::from(&KeyResult {
                id: new_id(prefix::KEY_RESULT),
                title: String::new(),
                start: 0.0,
                target: 100.0,
                current: 0.0,
                unit: String::new(),
            }))
        })
    };
    view! {
        <EditorFrame title=format!("Edit objective “{}”", title.get_untracked()) error=error on_save=on_save>
            <TextField label="Objective" value=title input_ref=autofocus() testid="edit-name" />
            <fieldset class="kr-editor field--wide">
                <legend>"Key results: measurable, from a start value to a target"</legend>
                {move || {
                    krs.get()
                        .into_iter()
                        .enumerate()
                        .map(|(i, k)| {
                            let kid = k.id.clone();
                            view! {
                                <div class="kr-editor__row" data-testid="kr-row">
                                    <TextField label="Key result" value=k.title />
                                    <NumberField label="Start" field=Field::KeyResultStart value=k.start required=true />
                                    <NumberField label="Target" field=Field::KeyResultTarget value=k.target required=true />
                                    <NumberField label="Current" field=Field::KeyResultCurrent value=k.current required=true />
                                    <TextField label="Unit" value=k.unit placeholder="%, users…" />
                                    <button
                                        type="button"
                                        class="btn btn--small btn--danger"
                                        aria-label=format!("Remove key result {}", i + 1)
                                        on:click=move |_| krs.update(|v| v.retain(|x| x.id != kid))
                                    >
                                        "Remove"
                                    </button>
                                </div>
                            }
                        })
                        .collect_view()
                }}
                <button type="button" class="btn btn--small" on:click=add_kr data-testid="add-kr">"+ key result"</button>
            </fieldset>
        </EditorFrame>
    }
    .into_any()
}

#[component]
fn ThemeEditor(p: Product, id: Id) -> impl IntoView {
    let (state, ui) = (AppState::expect(), OutlineUi::expect());
    let Some(t) = p.theme(&id).cloned() else {
        return ().into_any();
    };
    let error = RwSignal::new(None);
    let name = RwSignal::new(t.name.clone());
    let description = RwSignal::new(t.description.clone());
    let colour = RwSignal::new(t.colour.clone());
    let objective = RwSignal::new(
        t.objective
            .as_ref()
            .map(|o| o.to_string())
            .unwrap_or_default(),
    );
    let mut options = vec![(String::new(), "No objective".to_string())];
    options.extend(
        p.objectives
            .iter()
            .map(|o| (o.id.to_string(), o.title.clone())),
    );
    let product = p.id.clone();
    let on_save = move || {
        let (product, t) = (product.clone(), t.clone());
        save(state, ui, error, move || {
            let mut theme = t;
            theme.name = title_error("name", &name.get_untracked())?;
            theme.description = description.get_untracked();
            theme.colour = colour.get_untracked();
            theme.objective = Id::parse(&objective.get_untracked()).ok();
            Ok(Command::Edit {
                product,
                entity: Entity::Theme(theme),
            })
        })
    };
    let colour_id = crate::components::fields::uid("colour");
    view! {
        <EditorFrame title=format!("Edit theme “{}”", name.get_untracked()) error=error on_save=on_save>
            <TextField label="Name" value=name input_ref=autofocus() testid="edit-name" />
            <SelectField label="Objective it serves" value=objective options=options />
            <div class="field">
                <label for=colour_id.clone()>"Colour"</label>
                <input id=colour_id type="color" prop:value=move || colour.get() on:input=move |ev| colour.set(event_target_value(&ev)) />
            </div>
            <TextField label="Description" value=description multiline=true />
        </EditorFrame>
    }
    .into_any()
}

fn month_text(m: Option<Month>) -> String {
    m.map(|m| m.to_string()).unwrap_or_default()
}

fn parse_month(label: &str, s: &str) -> Result<Option<Month>, String> {
    if s.trim().is_empty() {
        return Ok(None);
    }
    Month::parse(s.trim())
        .map(Some)
        .map_err(|_| format!("{label} must be a month like 2026-03."))
}

#[component]
fn FeatureEditor(p: Product, id: Id) -> impl IntoView {
    let (state, ui) = (AppState::expect(), OutlineUi::expect());
    let Some(f) = p.feature(&id).cloned() else {
        return ().into_any();
    };
    let error = RwSignal::new(None);
    let title = RwSignal::new(f.title.clone());
    let description = RwSignal::new(f.description.clone());
    let status = RwSignal::new(f.status);
    let horizon = RwSignal::new(f.horizon);
    let value = RwSignal::new(number_text(f.value));
    let effort = RwSignal::new(number_text(f.effort));
    let start = RwSignal::new(month_text(f.start));
    let end = RwSignal::new(month_text(f.end));
    let product = p.id.clone();
    let on_save = move || {
        let (product, f) = (product.clone(), f.clone());
        save(state, ui, error, move || {
            let mut feature = f;
            feature.title = title_error("title", &title.get_untracked())?;
            feature.description = description.get_untracked();
            feature.status = status.get_untracked();
            feature.horizon = horizon.get_untracked();
            feature.value = parse_bounded(Field::FeatureValue, &value.get_untracked())?;
            feature.effort = parse_bounded(Field::FeatureEffort, &effort.get_untracked())?;
            feature.start = parse_month("Start", &start.get_untracked())?;
            feature.end = parse_month("End", &end.get_untracked())?;
            Ok(Command::Edit {
                product,
                entity: Entity::Feature(feature),
            })
        })
    };
    view! {
        <EditorFrame title=format!("Edit feature “{}”", title.get_untracked()) error=error on_save=on_save>
            <TextField label="Title" value=title input_ref=autofocus() testid="edit-name" />
            <EnumSelect label="Status" value=status on_pick=move |s| status.set(s) />
            <NumberField label="Value (1–10)" field=Field::FeatureValue value=value testid="edit-value" />
            <NumberField label="Effort (1–10)" field=Field::FeatureEffort value=effort testid="edit-effort" />
            <OptionSelect label="Horizon" none="No horizon" value=horizon on_pick=move |h| horizon.set(h) />
            <TextField label="Start month" value=start placeholder="2026-03" />
            <TextField label="End month" value=end placeholder="2026-05" />
            <TextField label="Description" value=description multiline=true />
        </EditorFrame>
    }
    .into_any()
}

#[component]
fn ItemEditor(p: Product, id: Id) -> impl IntoView {
    let (state, ui) = (AppState::expect(), OutlineUi::expect());
    let Some(i) = p.item(&id).cloned() else {
        return ().into_any();
    };
    let error = RwSignal::new(None);
    let title = RwSignal::new(i.title.clone());
    let kind = RwSignal::new(i.kind);
    let estimate = RwSignal::new(number_text(i.estimate));
    let status = RwSignal::new(i.status);
    let priority = RwSignal::new(i.priority);
    let description = RwSignal::new(i.description.clone());
    let product = p.id.clone();
    let on_save = move || {
        let (product, i) = (product.clone(), i.clone());
        save(state, ui, error, move || {
            let mut item = i;
            item.title = title_error("title", &title.get_untracked())?;
            item.kind = kind.get_untracked();
            item.estimate = parse_bounded(Field::Estimate, &estimate.get_untracked())?;
            item.status = status.get_untracked();
            item.priority = priority.get_untracked();
            item.description = description.get_untracked();
            Ok(Command::Edit {
                product,
                entity: Entity::Item(item),
            })
        })
    };
    view! {
        <EditorFrame title=format!("Edit item “{}”", title.get_untracked()) error=error on_save=on_save>
            <TextField label="Title" value=title input_ref=autofocus() testid="edit-name" />
            <EnumSelect label="Type" value=kind on_pick=move |k| kind.set(k) />
            <NumberField label="Estimate (points)" field=Field::Estimate value=estimate testid="edit-estimate" />
            <EnumSelect label="Status" value=status on_pick=move |s| status.set(s) />
            <OptionSelect label="Priority" none="No priority" value=priority on_pick=move |p| priority.set(p) />
            <TextField label="Description" value=description multiline=true />
        </EditorFrame>
    }
    .into_any()
}
