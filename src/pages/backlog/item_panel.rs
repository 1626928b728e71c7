//! The side panel that edits one backlog item. Every field saves when it changes (one
//! undoable step each); a bad value gets a message and changes nothing.

use super::table::{reorder, Step};
use super::{edit_item, with_product, BacklogUi};
use crate::components::fields::{number_text, parse_optional, uid};
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
            h.focus().ok();
        }
    });
    view! {
        <aside
            class="item-panel"
            aria-labelledby="item-panel-title"
            on:keydown=move |ev| if ev.key() == "Escape" { close() }
            data-testid="item-panel"
        >
            {move || match item.get() {
                None => view! {
                    <p class="muted">"This item no longer exists (deleted here or in another tab)."</p>
                    <button type="button" class="btn" on:click=move |_| ui.open.set(None)>"Close"</button>
                }.into_any(),
                Some(i) => view! { <PanelBody i=i commit=commit close=close heading=heading error=error /> }.into_any(),
            }}
        </aside>
    }
}

type Commit = Box<dyn FnOnce(&mut Item)>;

#[component]
fn PanelBody(
    i: Item,
    commit: impl Fn(Commit) + Copy + Send + Sync + 'static,
    close: impl Fn() + Copy + Send + Sync + 'static,
    heading: NodeRef<leptos::html::H2>,
    error: RwSignal<Option<String>>,
) -> impl IntoView {
    let state = AppState::expect();
    let ui = BacklogUi::expect();
    let id = i.id.clone();
    let (rules, features, sprints) = with_product(state, |p| {
        (
            p.definition_of_ready.clone(),
            p.features
                .iter()
                .map(|f| (f.id.clone(), f.title.clone()))
                .collect::<Vec<_>>(),
            p.sprints
                .iter()
                .map(|s| (s.id.clone(), s.name.clone()))
                .collect::<Vec<_>>(),
        )
    })
    .unwrap_or_default();
    let missing = readiness::missing(&rules, &i);
    let text_field = |label: &'static str,
                      value: String,
                      multiline: bool,
                      set: fn(&mut Item, String),
                      testid: &'static str| {
        let fid = uid("it");
        let on_change = move |ev: leptos::ev::Event| {
            let v = event_target_value(&ev);
            commit(Box::new(move |i| set(i, v)));
        };
        let control = if multiline {
            view! { <textarea id=fid.clone() rows="3" prop:value=value on:change=on_change data-testid=testid></textarea> }.into_any()
        } else {
            view! { <input id=fid.clone() type="text" prop:value=value on:change=on_change data-testid=testid /> }.into_any()
        };
        view! { <div class="field"><label for=fid>{label}</label>{control}</div> }
    };
    let score_field =
        |label: &'static str, value: Option<f64>, set: fn(&mut ScoreInputs, Option<f64>)| {
            let fid = uid("sc");
            view! {
                <div class="field field--score">
                    <label for=fid.clone()>{label}</label>
                    <input
                        id=fid
                        type="text"
                        inputmode="decimal"
                        prop:value=number_text(value)
                        on:change=move |ev| match parse_optional(label, &event_target_value(&ev)) {
                            Ok(v) => commit(Box::new(move |i| set(&mut i.scores, v))),
                            Err(e) => error.set(Some(e)),
                        }
                    />
                </div>
            }
        };
    let select = |label: &'static str,
                  options: Vec<(String, String)>,
                  current: String,
                  on_pick: Box<dyn Fn(String) + Send + Sync>,
                  testid: &'static str| {
        let fid = uid("sel");
        view! {
            <div class="field">
                <label for=fid.clone()>{label}</label>
                <select id=fid on:change=move |ev| on_pick(event_target_value(&ev)) data-testid=testid>
                    {options.into_iter().map(|(v, l)| {
                        let sel = v == current;
                        view! { <option value=v selected=sel>{l}</option> }
                    }).collect_view()}
                </select>
            </div>
        }
    };
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
    let mut feature_opts = vec![(String::new(), "No feature".to_string())];
    feature_opts.extend(features.into_iter().map(|(i, t)| (i.to_string(), t)));
    let mut sprint_opts = vec![(String::new(), "Not planned".to_string())];
    sprint_opts.extend(sprints.into_iter().map(|(i, t)| (i.to_string(), t)));
    let estimate_id = uid("est");
    view! {
        <div class="item-panel__head">
            <span class=format!("kind kind--{}", i.kind.key())>{i.kind.label()}</span>
            <h2 id="item-panel-title" tabindex="-1" node_ref=heading>{i.title.clone()}</h2>
            <button type="button" class="btn btn--ghost btn--small" on:click=move |_| close() aria-label="Close the item panel">"Close"</button>
        </div>
        <p class="ready-line" class:ready-line--yes=missing.is_empty() data-testid="panel-readiness">
            {readiness::describe(&rules, &i)}
        </p>
        <p class="field-error" role="alert" data-testid="panel-error">{move || error.get()}</p>
        {text_field("Title", i.title.clone(), false, |i, v| i.title = v, "panel-title")}
        {select("Type", ItemKind::ALL.iter().map(|k| (k.key().to_string(), k.label().to_string())).collect(), i.kind.key().to_string(),
            Box::new(move |v| if let Some(k) = ItemKind::ALL.into_iter().find(|k| k.key() == v) { commit(Box::new(move |i| i.kind = k)) }), "panel-kind")}
        {(i.kind == ItemKind::Story).then(|| view! {
            <fieldset class="story">
                <legend>"User story"</legend>
                {text_field("As a…", i.story.as_a.clone(), false, |i, v| i.story.as_a = v, "story-as")}
                {text_field("I want…", i.story.i_want.clone(), false, |i, v| i.story.i_want = v, "story-want")}
                {text_field("So that…", i.story.so_that.clone(), false, |i, v| i.story.so_that = v, "story-so")}
            </fieldset>
        })}
        {text_field("Description", i.description.clone(), true, |i, v| i.description = v, "panel-description")}
        <fieldset class="criteria" data-testid="criteria">
            <legend>{format!("Acceptance criteria ({} of {} met)", i.acceptance.iter().filter(|c| c.done).count(), i.acceptance.len())}</legend>
            <ul class="criteria__list">
                {i.acceptance.iter().enumerate().map(|(n, c)| {
                    let (cid, cid2, cid3) = (c.id.clone(), c.id.clone(), c.id.clone());
                    let done = c.done;
                    view! {
                        <li class="criterion" data-testid="criterion">
                            <input
                                type="checkbox"
                                prop:checked=done
                                aria-label=format!("Criterion {} met", n + 1)
                                on:change=move |_| {
                                    let cid = cid.clone();
                                    commit(Box::new(move |i| if let Some(c) = i.acceptance.iter_mut().find(|c| c.id == cid) { c.done = !c.done }))
                                }
                            />
                            <input
                                type="text"
                                class="criterion__text"
                                prop:value=c.text.clone()
                                aria-label=format!("Criterion {}", n + 1)
                                on:change=move |ev| {
                                    let v = event_target_value(&ev);
                                    let cid = cid2.clone();
                                    if v.trim().is_empty() {
                                        error.set(Some("A criterion cannot be empty: remove it instead.".into()));
                                        return;
                                    }
                                    commit(Box::new(move |i| if let Some(c) = i.acceptance.iter_mut().find(|c| c.id == cid) { c.text = v }))
                                }
                            />
                            <button
                                type="button"
                                class="btn btn--small btn--ghost"
                                aria-label=format!("Remove criterion {}", n + 1)
                                on:click=move |_| {
                                    let cid = cid3.clone();
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
                        aria-pressed=(i.estimate == Some(v)).to_string()
                        on:click=move |_| commit(Box::new(move |i| i.estimate = Some(v)))
                        data-testid=format!("estimate-{v}")
                    >{v.to_string()}</button>
                }).collect_view()}
                <label for=estimate_id.clone() class="sr-only">"Other estimate"</label>
                <input
                    id=estimate_id.clone()
                    type="text"
                    inputmode="decimal"
                    class="estimate__free"
                    placeholder="other"
                    prop:value=number_text(i.estimate)
                    on:change=move |ev| match parse_optional("The estimate", &event_target_value(&ev)) {
                        Ok(v) => commit(Box::new(move |i| i.estimate = v)),
                        Err(e) => error.set(Some(e)),
                    }
                    data-testid="estimate-free"
                />
            </div>
        </div>
        <div class="panel-grid">
            {select("Priority (MoSCoW)",
                std::iter::once((String::new(), "None".to_string())).chain(Priority::ALL.iter().map(|p| (format!("{p:?}"), p.label().to_string()))).collect(),
                i.priority.map(|p| format!("{p:?}")).unwrap_or_default(),
                Box::new(move |v| { let p = Priority::ALL.into_iter().find(|p| format!("{p:?}") == v); commit(Box::new(move |i| i.priority = p)) }), "panel-priority")}
            {select("Status", ItemStatus::ALL.iter().map(|s| (format!("{s:?}"), s.label().to_string())).collect(), format!("{:?}", i.status),
                Box::new(move |v| if let Some(s) = ItemStatus::ALL.into_iter().find(|s| format!("{s:?}") == v) { commit(Box::new(move |i| i.status = s)) }), "panel-status")}
            {select("Feature", feature_opts, i.feature.as_ref().map(|f| f.to_string()).unwrap_or_default(),
                Box::new(move |v| { let f = Id::parse(&v).ok(); commit(Box::new(move |i| i.feature = f)) }), "panel-feature")}
            {select("Sprint", sprint_opts, i.sprint.as_ref().map(|s| s.to_string()).unwrap_or_default(),
                Box::new(move |v| { let s = Id::parse(&v).ok(); commit(Box::new(move |i| i.sprint = s)) }), "panel-sprint")}
        </div>
        <fieldset class="scores">
            <legend>"Prioritisation inputs"</legend>
            <div class="scores__grid">
                <div class="scores__scheme">
                    <h3>{format!("Value / effort: {}", format_score(value_effort(&i)))}</h3>
                    {score_field("Value", i.scores.value, |s, v| s.value = v)}
                    {score_field("Effort", i.scores.effort, |s, v| s.effort = v)}
                </div>
                <div class="scores__scheme">
                    <h3>{format!("WSJF: {}", format_score(wsjf(&i)))}</h3>
                    {score_field("Business value", i.scores.business_value, |s, v| s.business_value = v)}
                    {score_field("Time criticality", i.scores.time_criticality, |s, v| s.time_criticality = v)}
                    {score_field("Risk reduction", i.scores.risk_reduction, |s, v| s.risk_reduction = v)}
                    {score_field("Job size", i.scores.job_size, |s, v| s.job_size = v)}
                </div>
                <div class="scores__scheme">
                    <h3>{format!("RICE: {}", format_score(rice(&i)))}</h3>
                    {score_field("Reach", i.scores.reach, |s, v| s.reach = v)}
                    {score_field("Impact", i.scores.impact, |s, v| s.impact = v)}
                    {score_field("Confidence (%)", i.scores.confidence, |s, v| s.confidence = v)}
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
