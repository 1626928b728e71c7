//! The side panel that edits one backlog item. Every field saves when it changes (one
//! undoable step each); a bad value gets a message and changes nothing.

use super::table::{reorder, Step};
use super::{edit_item, with_product, BacklogUi};
use crate::components::fields::{number_text, parse_bounded, uid};
use crate::model::bounds::{self, Field};
use crate::model::readiness;
use crate::model::scoring::{format_score, rice, value_effort, wsjf};
use crate::model::{
    ids::prefix, Command, Criterion, Id, Item, ItemKind, ItemStatus, Kind, Priority, ScoreInputs,
};
use crate::state::{new_id, AppState};
use leptos::prelude::*;

const FIBONACCI: [f64; 8] = [0.0, 1.0, 2.0, 3.0, 5.0, 8.0, 13.0, 21.0];

#[component]
pub(crate) fn ItemPanel(id: Id) -> impl IntoView {
    let state = AppState::expect();
    let ui = BacklogUi::expect();
    let id = StoredValue::new(id);
    let item = Memo::new(move |_| {
        state.ws.track();
        with_product(state, |p| p.item(&id.get_value()).cloned()).flatten()
    });
    let exists = Memo::new(move |_| item.with(Option::is_some));
    let error = RwSignal::new(None::<String>);
    let commit =
        move |change: Box<dyn FnOnce(&mut Item)>| match edit_item(state, &id.get_value(), change) {
            Ok(()) => error.set(None),
            Err(e) => error.set(Some(e.to_string())),
        };
    let close = move || {
        ui.open.set(None);
        super::table::focus_item_row(&id.get_value());
    };
    let heading = NodeRef::<leptos::html::H2>::new();
    Effect::new(move |_| {
        if let Some(h) = heading.get() {
            crate::focus::focus_now(&h);
        }
    });
    view! {
        <aside
            class="item-panel"
            aria-labelledby="item-panel-title"
            on:keydown=move |ev| if ev.key() == "Escape" { close() }
            data-testid="item-panel"
        >
            // Built once per item: the fields follow its changes in place, so an edit
            // neither moves the focus nor redraws the feature list.
            <Show
                when=move || exists.get()
                fallback=move || view! {
                    <p class="muted">"This item no longer exists (deleted here or in another tab)."</p>
                    <button type="button" class="btn" on:click=move |_| ui.open.set(None)>"Close"</button>
                }
            >
                <PanelBody id=id.get_value() item=item commit=commit close=close heading=heading error=error />
            </Show>
        </aside>
    }
}

type Commit = Box<dyn FnOnce(&mut Item)>;

#[component]
fn PanelBody(
    id: Id,
    item: Memo<Option<Item>>,
    commit: impl Fn(Commit) + Copy + Send + Sync + 'static,
    close: impl Fn() + Copy + Send + Sync + 'static,
    heading: NodeRef<leptos::html::H2>,
    error: RwSignal<Option<String>>,
) -> impl IntoView {
    let state = AppState::expect();
    let ui = BacklogUi::expect();
    // One field of the item as it is now.
    let read = move |f: fn(&Item) -> String| item.with(|i| i.as_ref().map(f).unwrap_or_default());
    let read_number = move |f: fn(&Item) -> Option<f64>| item.with(|i| i.as_ref().and_then(f));
    let refs = Memo::new(move |_| {
        state.ws.track();
        with_product(state, |p| {
            (p.definition_of_ready.clone(), super::choices(p))
        })
        .unwrap_or_default()
    });
    let readiness = Memo::new(move |_| {
        refs.with(|(rules, _)| {
            item.with(|i| {
                i.as_ref()
                    .map(|i| {
                        (
                            readiness::missing(rules, i).is_empty(),
                            readiness::describe(rules, i),
                        )
                    })
                    .unwrap_or_default()
            })
        })
    });
    let kind = Memo::new(move |_| {
        item.with(|i| i.as_ref().map(|i| i.kind))
            .unwrap_or(ItemKind::Story)
    });
    let text_field = move |label: &'static str,
                           value: fn(&Item) -> String,
                           multiline: bool,
                           set: fn(&mut Item, String),
                           testid: &'static str| {
        let fid = uid("it");
        let on_change = move |ev: leptos::ev::Event| {
            let v = event_target_value(&ev);
            commit(Box::new(move |i| set(i, v)));
        };
        let control = if multiline {
            view! { <textarea id=fid.clone() rows="3" prop:value=move || read(value) on:change=on_change data-testid=testid></textarea> }.into_any()
        } else {
            view! { <input id=fid.clone() type="text" prop:value=move || read(value) on:change=on_change data-testid=testid /> }.into_any()
        };
        view! { <div class="field"><label for=fid>{label}</label>{control}</div> }
    };
    let score_field = move |label: &'static str,
                            field: Field,
                            value: fn(&Item) -> Option<f64>,
                            set: fn(&mut ScoreInputs, Option<f64>)| {
        let fid = uid("sc");
        view! {
            <div class="field field--score">
                <label for=fid.clone()>{label}</label>
                <PanelNumber
                    field=field
                    input_id=fid
                    value=Signal::derive(move || read_number(value))
                    save=move |v| commit(Box::new(move |i| set(&mut i.scores, v)))
                />
            </div>
        }
    };
    // A select whose options come from `options` (rebuilt only when they change) and
    // whose choice follows the item. Options are plain (a list of 500 features is 500
    // elements, not 500 effects): each list is built with the item's choice selected, and
    // one effect moves the choice when the item's value changes (an undo, another tab).
    let select = move |label: &'static str,
                       options: Memo<Vec<(String, String)>>,
                       current: fn(&Item) -> String,
                       on_pick: Box<dyn Fn(String) + Send + Sync>,
                       testid: &'static str| {
        let fid = uid("sel");
        let chosen = Memo::new(move |_| read(current));
        let node = NodeRef::<leptos::html::Select>::new();
        Effect::new(move |_| {
            let v = chosen.get();
            if let Some(s) = node.get_untracked() {
                if s.value() != v {
                    s.set_value(&v);
                }
            }
        });
        view! {
            <div class="field">
                <label for=fid.clone()>{label}</label>
                <select id=fid node_ref=node on:change=move |ev| on_pick(event_target_value(&ev)) data-testid=testid>
                    {move || {
                        let now = chosen.get_untracked();
                        options.get().into_iter().map(|(v, l)| {
                            let on = v == now;
                            view! { <option value=v selected=on>{l}</option> }
                        }).collect_view()
                    }}
                </select>
            </div>
        }
    };
    // Fixed lists are memos too, so every select shares one compiled shape.
    let fixed = |list: Vec<(String, String)>| Memo::new(move |_| list.clone());
    let feature_opts = Memo::new(move |_| {
        let mut v = vec![(String::new(), "No feature".to_string())];
        refs.with(|(_, (features, _))| v.extend(features.iter().cloned()));
        v
    });
    let sprint_opts = Memo::new(move |_| {
        let mut v = vec![(String::new(), "Not planned".to_string())];
        refs.with(|(_, (_, sprints))| v.extend(sprints.iter().cloned()));
        v
    });
    let new_criterion = RwSignal::new(String::new());
    let add_criterion = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let text = new_criterion.get_untracked().trim().to_string();
        if text.is_empty() {
            error.set(Some(
                "Type the criterion first, e.g. “Given …, when …, then …”.".into(),
            ));
            return;
        }
        new_criterion.set(String::new());
        commit(Box::new(move |i| {
            i.acceptance.push(Criterion {
                id: new_id(prefix::CRITERION),
                text,
                done: false,
            })
        }));
    };
    let delete_id = id.clone();
    let delete = move |_| {
        let Some(product) = state.product.get_untracked() else {
            return;
        };
        if state
            .dispatch(Command::Delete {
                product,
                kind: Kind::Item,
                id: delete_id.clone(),
            })
            .is_ok()
        {
            ui.open.set(None);
            state.say("Item deleted. Undo (Ctrl+Z) brings it back.", false);
        }
    };
    let (top_id, bottom_id) = (id.clone(), id.clone());
    let estimate_id = uid("est");
    // Criteria with their place: redrawn only when one is added, removed or moved (a
    // removal renumbers the labels after it); ticks and texts follow in place.
    let criteria = Memo::new(move |_| {
        item.with(|i| {
            i.as_ref()
                .map(|i| {
                    i.acceptance
                        .iter()
                        .enumerate()
                        .map(|(n, c)| (n, c.id.clone()))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    let criterion = move |cid: &Id| {
        item.with(|i| {
            i.as_ref()
                .and_then(|i| i.acceptance.iter().find(|c| &c.id == cid))
                .map(|c| (c.done, c.text.clone()))
                .unwrap_or_default()
        })
    };
    view! {
        <div class="item-panel__head">
            <span class=move || format!("kind kind--{}", kind.get().key())>{move || kind.get().label()}</span>
            <h2 id="item-panel-title" tabindex="-1" node_ref=heading>{move || read(|i| i.title.clone())}</h2>
            <button type="button" class="btn btn--ghost btn--small" on:click=move |_| close() aria-label="Close the item panel">"Close"</button>
        </div>
        <p class="ready-line" class:ready-line--yes=move || readiness.with(|r| r.0) data-testid="panel-readiness">
            {move || readiness.with(|r| r.1.clone())}
        </p>
        <p class="field-error" role="alert" data-testid="panel-error">{move || error.get()}</p>
        {text_field("Title", |i| i.title.clone(), false, |i, v| i.title = v, "panel-title")}
        {select("Type", fixed(ItemKind::ALL.iter().map(|k| (k.key().to_string(), k.label().to_string())).collect()), |i| i.kind.key().to_string(),
            Box::new(move |v| if let Some(k) = ItemKind::ALL.into_iter().find(|k| k.key() == v) { commit(Box::new(move |i| i.kind = k)) }), "panel-kind")}
        // Only stories have the three parts; other kinds keep them hidden, not dropped.
        <fieldset class="story" hidden=move || kind.get() != ItemKind::Story>
            <legend>"User story"</legend>
            {text_field("As a…", |i| i.story.as_a.clone(), false, |i, v| i.story.as_a = v, "story-as")}
            {text_field("I want…", |i| i.story.i_want.clone(), false, |i, v| i.story.i_want = v, "story-want")}
            {text_field("So that…", |i| i.story.so_that.clone(), false, |i, v| i.story.so_that = v, "story-so")}
        </fieldset>
        {text_field("Description", |i| i.description.clone(), true, |i, v| i.description = v, "panel-description")}
        <fieldset class="criteria" data-testid="criteria">
            <legend>{move || item.with(|i| {
                let a = i.as_ref().map(|i| i.acceptance.as_slice()).unwrap_or_default();
                format!("Acceptance criteria ({} of {} met)", a.iter().filter(|c| c.done).count(), a.len())
            })}</legend>
            <ul class="criteria__list">
                {move || criteria.get().into_iter().map(|(n, cid)| {
                    let cid = StoredValue::new(cid);
                    view! {
                        <li class="criterion" data-testid="criterion">
                            <input
                                type="checkbox"
                                prop:checked=move || criterion(&cid.get_value()).0
                                aria-label=format!("Criterion {} met", n + 1)
                                on:change=move |_| {
                                    let cid = cid.get_value();
                                    commit(Box::new(move |i| if let Some(c) = i.acceptance.iter_mut().find(|c| c.id == cid) { c.done = !c.done }))
                                }
                            />
                            <input
                                type="text"
                                class="criterion__text"
                                prop:value=move || criterion(&cid.get_value()).1
                                aria-label=format!("Criterion {}", n + 1)
                                on:change=move |ev| {
                                    let v = event_target_value(&ev);
                                    if v.trim().is_empty() {
                                        error.set(Some("A criterion cannot be empty: remove it instead.".into()));
                                        return;
                                    }
                                    let cid = cid.get_value();
                                    commit(Box::new(move |i| if let Some(c) = i.acceptance.iter_mut().find(|c| c.id == cid) { c.text = v }))
                                }
                            />
                            <button
                                type="button"
                                class="btn btn--small btn--ghost"
                                aria-label=format!("Remove criterion {}", n + 1)
                                on:click=move |_| {
                                    let cid = cid.get_value();
                                    commit(Box::new(move |i| i.acceptance.retain(|c| c.id != cid)))
                                }
                            >"✕"</button>
                        </li>
                    }
                }).collect_view()}
            </ul>
            <form class="criteria__add" on:submit=add_criterion>
                <label for="new-criterion" class="sr-only">"New acceptance criterion"</label>
                <input
                    id="new-criterion"
                    type="text"
                    placeholder="Given …, when …, then …"
                    prop:value=move || new_criterion.get()
                    on:input=move |ev| new_criterion.set(event_target_value(&ev))
                    data-testid="new-criterion"
                />
                <button type="submit" class="btn btn--small">"Add"</button>
            </form>
        </fieldset>
        <div class="field">
            <span class="field__label" id=format!("{estimate_id}-label")>"Estimate (points)"</span>
            <div class="estimate" role="group" aria-labelledby=format!("{estimate_id}-label")>
                {FIBONACCI.into_iter().map(|v| view! {
                    <button
                        type="button"
                        class="btn btn--small"
                        aria-pressed=move || (read_number(|i| i.estimate) == Some(v)).to_string()
                        on:click=move |_| commit(Box::new(move |i| i.estimate = Some(v)))
                        data-testid=format!("estimate-{v}")
                    >{v.to_string()}</button>
                }).collect_view()}
                <label for=estimate_id.clone() class="sr-only">"Other estimate"</label>
                <PanelNumber
                    field=Field::Estimate
                    input_id=estimate_id.clone()
                    value=Signal::derive(move || read_number(|i| i.estimate))
                    save=move |v| commit(Box::new(move |i| i.estimate = v))
                    class="estimate__free"
                    placeholder="other"
                    testid="estimate-free"
                />
            </div>
        </div>
        <div class="panel-grid">
            {select("Priority (MoSCoW)",
                fixed(std::iter::once((String::new(), "None".to_string())).chain(Priority::ALL.iter().map(|p| (p.name().to_string(), p.label().to_string()))).collect()),
                |i| i.priority.map(|p| p.name().to_string()).unwrap_or_default(),
                Box::new(move |v| { let p = Priority::ALL.into_iter().find(|p| p.name() == v); commit(Box::new(move |i| i.priority = p)) }), "panel-priority")}
            {select("Status", fixed(ItemStatus::ALL.iter().map(|s| (s.name().to_string(), s.label().to_string())).collect()), |i| i.status.name().to_string(),
                Box::new(move |v| if let Some(s) = ItemStatus::ALL.into_iter().find(|s| s.name() == v) { commit(Box::new(move |i| i.status = s)) }), "panel-status")}
            {select("Feature", feature_opts, |i| i.feature.as_ref().map(|f| f.to_string()).unwrap_or_default(),
                Box::new(move |v| { let f = Id::parse(&v).ok(); commit(Box::new(move |i| i.feature = f)) }), "panel-feature")}
            {select("Sprint", sprint_opts, |i| i.sprint.as_ref().map(|s| s.to_string()).unwrap_or_default(),
                Box::new(move |v| { let s = Id::parse(&v).ok(); commit(Box::new(move |i| i.sprint = s)) }), "panel-sprint")}
        </div>
        <fieldset class="scores">
            <legend>"Prioritisation inputs"</legend>
            <div class="scores__grid">
                <div class="scores__scheme">
                    <h3>{move || format!("Value / effort: {}", format_score(read_number(value_effort)))}</h3>
                    {score_field("Value", Field::Value, |i| i.scores.value, |s, v| s.value = v)}
                    {score_field("Effort", Field::Effort, |i| i.scores.effort, |s, v| s.effort = v)}
                </div>
                <div class="scores__scheme">
                    <h3>{move || format!("WSJF: {}", format_score(read_number(wsjf)))}</h3>
                    {score_field("Business value", Field::BusinessValue, |i| i.scores.business_value, |s, v| s.business_value = v)}
                    {score_field("Time criticality", Field::TimeCriticality, |i| i.scores.time_criticality, |s, v| s.time_criticality = v)}
                    {score_field("Risk reduction", Field::RiskReduction, |i| i.scores.risk_reduction, |s, v| s.risk_reduction = v)}
                    {score_field("Job size", Field::JobSize, |i| i.scores.job_size, |s, v| s.job_size = v)}
                </div>
                <div class="scores__scheme">
                    <h3>{move || format!("RICE: {}", format_score(read_number(rice)))}</h3>
                    {score_field("Reach", Field::Reach, |i| i.scores.reach, |s, v| s.reach = v)}
                    {score_field("Impact", Field::Impact, |i| i.scores.impact, |s, v| s.impact = v)}
                    {score_field("Confidence (%)", Field::Confidence, |i| i.scores.confidence, |s, v| s.confidence = v)}
                    <p class="muted">"Uses the effort above."</p>
                </div>
            </div>
        </fieldset>
        <div class="actions item-panel__actions">
            <button type="button" class="btn btn--small" on:click=move |_| reorder(state, ui, &top_id, Step::Top)>"Move to top"</button>
            <button type="button" class="btn btn--small" on:click=move |_| reorder(state, ui, &bottom_id, Step::Bottom)>"Move to bottom"</button>
            <button type="button" class="btn btn--small btn--danger" on:click=delete>"Delete item"</button>
        </div>
    }
}

/// A number input of the panel, saved when it changes. A value out of its range gets the
/// field's message beside it (`aria-invalid`, `aria-describedby`) and is not saved. A
/// stored value out of range shows the same message from the start: flagged where it
/// shows, not hidden.
#[component]
fn PanelNumber(
    field: Field,
    input_id: String,
    /// The item's value as it is now.
    value: Signal<Option<f64>>,
    save: impl Fn(Option<f64>) + Copy + Send + Sync + 'static,
    #[prop(optional)] class: &'static str,
    #[prop(optional)] placeholder: &'static str,
    #[prop(optional)] testid: &'static str,
) -> impl IntoView {
    // A refused text's message, with the value stored when it was typed: once the stored
    // value changes (undo, another tab) the field shows that value and the message goes.
    let refused = RwSignal::new(None::<(Option<f64>, String)>);
    let message = move || {
        let stored = value.get();
        refused
            .get()
            .filter(|(at, _)| *at == stored)
            .map(|(_, m)| m)
            .or_else(|| bounds::flag(field, stored).map(|f| format!("{f}.")))
    };
    let err_id = format!("{input_id}-err");
    view! {
        <input
            id=input_id
            type="text"
            inputmode="decimal"
            class=class
            placeholder=placeholder
            prop:value=move || number_text(value.get())
            on:change=move |ev| match parse_bounded(field, &event_target_value(&ev)) {
                Ok(v) => {
                    refused.set(None);
                    save(v);
                }
                Err(e) => refused.set(Some((value.get_untracked(), e))),
            }
            aria-invalid=move || message().is_some().to_string()
            aria-describedby=err_id.clone()
            data-testid=testid
        />
        <p class="field-error" id=err_id data-testid=(!testid.is_empty()).then(|| format!("{testid}-error"))>{message}</p>
    }
}
