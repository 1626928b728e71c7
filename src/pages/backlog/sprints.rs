//! Sprint planning: a card per sprint with its load against capacity, velocity, and the
//! sprint editor. Cards are drop targets for backlog rows.

use super::table::plan_into;
use super::ui::{with_product, BacklogUi};
use crate::components::fields::{number_text, parse_bounded, NumberField, TextField};
use crate::components::EnumSelect;
use crate::model::backlog::RefFilter;
use crate::model::bounds::{self, Field};
use crate::model::numbers::{fixed, points};
use crate::model::planning::{sprint_load, velocity, SprintLoad};
use crate::model::{ids::prefix, Command, Day, Entity, Id, Kind, Sprint, SprintState};
use crate::state::read_product;
use crate::state::{new_id, today, AppState};
use leptos::prelude::*;

#[component]
pub(crate) fn SprintStrip() -> impl IntoView {
    let state = AppState::expect();
    let editing = RwSignal::new(None::<Id>);
    let cards = Memo::new(move |_| {
        read_product(state, |p| {
            p.sprints
                .iter()
                .map(|s| (s.clone(), sprint_load(p, s)))
                .collect::<Vec<_>>()
        })
        .unwrap_or_default()
    });
    let vel = Memo::new(move |_| read_product(state, velocity).flatten());
    let add_sprint = move |_| {
        // The new sprint's editor takes the place of the open one.
        if !crate::drafts::may_discard() {
            return;
        }
        let (n, last_end, last_cap) = with_product(state, |p| {
            (
                p.sprints.len(),
                p.sprints.iter().filter_map(|s| s.end).max(),
                p.sprints.last().and_then(|s| s.capacity),
            )
        })
        .unwrap_or((0, None, None));
        let start = last_end.map(|d| d.add_days(1)).unwrap_or_else(today);
        let sprint = Sprint {
            id: new_id(prefix::SPRINT),
            name: format!("Sprint {}", n + 1),
            goal: String::new(),
            start: Some(start),
            end: Some(start.add_days(13)),
            // The first guess in range: a capacity stored out of range, or a velocity
            // above the bound, would get the new sprint refused.
            capacity: [last_cap, vel.get_untracked()]
                .into_iter()
                .flatten()
                .find(|c| Field::Capacity.accepts(*c))
                .or(Some(20.0)),
            state: SprintState::Planned,
        };
        let id = sprint.id.clone();
        if state
            .dispatch_here(|product| Command::Add {
                product,
                entity: Entity::Sprint(sprint),
                index: None,
            })
            .is_ok()
        {
            editing.set(Some(id));
        }
    };
    view! {
        <section class="sprints" aria-labelledby="sprints-title" data-testid="sprints">
            <div class="sprints__head">
                <h2 id="sprints-title">"Sprints"</h2>
                <p class="muted" data-testid="velocity">
                    {move || match vel.get() {
                        Some(v) => format!("Velocity: {} points per sprint (last finished sprints)", points(v)),
                        None => "Velocity: none yet — finish a sprint to measure it.".into(),
                    }}
                </p>
                <button type="button" class="btn" on:click=add_sprint data-testid="add-sprint">"+ Sprint"</button>
            </div>
            <Show
                when=move || cards.with(|c| !c.is_empty())
                fallback=|| view! { <p class="muted">"No sprints yet. Add one to plan items into it; give it a capacity in points to see when it is full."</p> }
            >
                <ul class="sprint-cards">
                    <For each=move || cards.get() key=|(s, l)| (s.id.clone(), card_key(s, l)) let:card>
                        <SprintCard sprint=card.0 load=card.1 editing=editing />
                    </For>
                </ul>
            </Show>
            {move || editing.get().map(|id| view! { <SprintEditor id=id editing=editing /> })}
        </section>
    }
}

#[component]
fn SprintCard(
    sprint: Sprint,
    load: crate::model::planning::SprintLoad,
    editing: RwSignal<Option<Id>>,
) -> impl IntoView {
    let state = AppState::expect();
    let ui = BacklogUi::expect();
    let id = StoredValue::new(sprint.id.clone());
    let name = sprint.name.clone();
    let over = load.over_by();
    let pct = load
        .capacity
        .filter(|c| *c > 0.0)
        .map(|c| (100.0 * load.committed / c).min(100.0))
        .unwrap_or(0.0);
    let dates = match (sprint.start, sprint.end) {
        (Some(a), Some(b)) => format!("{a} → {b}"),
        _ => "No dates".into(),
    };
    let capacity = load.capacity.map(points).unwrap_or_else(|| "?".into());
    // A capacity stored out of range is shown and said, never hidden or used quietly.
    let capacity_flag = bounds::flag(Field::Capacity, load.capacity);
    let drop_name = name.clone();
    view! {
        <li
            class="sprint-card"
            class:sprint-card--over=over.is_some()
            class:sprint-card--finished=sprint.state == SprintState::Finished
            class:is-over=move || ui.over.with(|o| o.as_ref() == Some(&id.get_value()))
            class:sprint-card--focus=move || ui.filter.with(|f| f.sprint == RefFilter::Is(id.get_value()))
            on:dragover=move |ev: leptos::ev::DragEvent| {
                if ui.dragging.with_untracked(Option::is_some) {
                    ev.prevent_default();
                    ui.over.set(Some(id.get_value()));
                }
            }
            on:dragleave=move |_| ui.over.set(None)
            on:drop=move |ev: leptos::ev::DragEvent| {
                ev.prevent_default();
                ui.over.set(None);
                if let Some(item) = ui.dragging.get_untracked() {
                    ui.dragging.set(None);
                    plan_into(state, &item, Some(id.get_value()), &drop_name);
                }
            }
            data-testid="sprint-card"
        >
            <div class="sprint-card__top">
                <button type="button" class="link-button sprint-card__name" on:click=move |_| open_editor(editing, id.get_value())>
                    {name.clone()}
                </button>
                <span class=format!("pill pill--{}", sprint.state.name())>{sprint.state.label()}</span>
                <button
                    type="button"
                    class="btn btn--small"
                    aria-label=format!("Print {name} as cards")
                    title="Print this sprint's items as cards"
                    on:click=move |_| print_sprint(ui, id.get_value())
                    data-testid="print-sprint"
                >
                    "Print"
                </button>
            </div>
            <p class="sprint-card__dates">{dates}</p>
            {(!sprint.goal.is_empty()).then(|| view! { <p class="sprint-card__goal">{sprint.goal.clone()}</p> })}
            <div class="load" role="img" aria-label=format!("{} of {capacity} points committed", points(load.committed))>
                <div class="load__bar" style:width=format!("{}%", fixed(pct, 0))></div>
            </div>
            <p class="sprint-card__load" data-testid="sprint-load">
                {format!("{} / {capacity} pts committed · {} {} · {} pts done", points(load.committed), load.items, if load.items == 1 { "item" } else { "items" }, points(load.done))}
            </p>
            {capacity_flag.map(|f| view! { <p class="sprint-card__warning" role="status" data-testid="capacity-out-of-range">{format!("⚠ {f}. Edit the sprint to change it.")}</p> })}
            {over.map(|o| view! { <p class="sprint-card__warning" role="status" data-testid="over-capacity">{format!("⚠ Over capacity by {} points", points(o))}</p> })}
            {(load.unestimated > 0).then(|| view! { <p class="muted">{format!("{} unestimated items not counted", load.unestimated)}</p> })}
        </li>
    }
}

/// What a sprint card shows, as text: a card is drawn again when it changes. (JSON,
/// whose writer the app has anyway, rather than `Debug`, which would compile a formatter
/// for every field of a sprint.)
fn card_key(s: &Sprint, l: &SprintLoad) -> String {
    serde_json::to_string(&(s, l.committed, l.done, l.items, l.unestimated, l.capacity))
        .unwrap_or_default()
}

/// Opens a sprint's editor in place of the open one, whose changed draft is kept unless
/// the user lets it go.
fn open_editor(editing: RwSignal<Option<Id>>, id: Id) {
    if editing.with_untracked(|e| e.as_ref() != Some(&id)) && crate::drafts::may_discard() {
        editing.set(Some(id));
    }
}

/// Shows only this sprint's items, then opens the print dialog once the table has been
/// redrawn (print.css turns the rows into cards). All of them are printed: the list
/// draws every row when the dialog opens (`MoreRows`).
fn print_sprint(ui: BacklogUi, id: Id) {
    ui.filter.update(|f| f.sprint = RefFilter::Is(id));
    request_animation_frame(|| {
        request_animation_frame(|| {
            window().print().ok();
        })
    });
}

fn parse_day(label: &str, s: &str) -> Result<Option<Day>, String> {
    if s.trim().is_empty() {
        return Ok(None);
    }
    Day::parse(s.trim())
        .map(Some)
        .map_err(|_| format!("{label} must be a date like 2026-03-15."))
}

#[component]
fn SprintEditor(id: Id, editing: RwSignal<Option<Id>>) -> impl IntoView {
    let state = AppState::expect();
    let Some(s) = with_product(state, |p| p.sprint(&id).cloned()).flatten() else {
        return ().into_any();
    };
    let error = RwSignal::new(None::<String>);
    let name = RwSignal::new(s.name.clone());
    let goal = RwSignal::new(s.goal.clone());
    let start = RwSignal::new(s.start.map(|d| d.to_string()).unwrap_or_default());
    let end = RwSignal::new(s.end.map(|d| d.to_string()).unwrap_or_default());
    let capacity = RwSignal::new(number_text(s.capacity));
    let st = RwSignal::new(s.state);
    let input = NodeRef::<leptos::html::Input>::new();
    Effect::new(move |_| {
        if let Some(el) = input.get() {
            el.focus().ok();
        }
    });
    let original = s.clone();
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let built = (|| -> Result<Sprint, String> {
            let n = name.get_untracked().trim().to_string();
            if n.is_empty() {
                return Err("The sprint needs a name.".into());
            }
            Ok(Sprint {
                id: original.id.clone(),
                name: n,
                goal: goal.get_untracked(),
                start: parse_day("Start", &start.get_untracked())?,
                end: parse_day("End", &end.get_untracked())?,
                capacity: parse_bounded(Field::Capacity, &capacity.get_untracked())?,
                state: st.get_untracked(),
            })
        })();
        match built {
            Err(e) => error.set(Some(e)),
            Ok(sprint) => match state.dispatch_here(|product| Command::Edit {
                product,
                entity: Entity::Sprint(sprint),
            }) {
                Ok(()) => {
                    editing.set(None);
                    state.say("Sprint saved.", false);
                }
                Err(e) => error.set(Some(e.to_string())),
            },
        }
    };
    let delete_id = s.id.clone();
    let delete = move |_| {
        if state
            .dispatch_here(|product| Command::Delete {
                product,
                kind: Kind::Sprint,
                id: delete_id.clone(),
            })
            .is_ok()
        {
            editing.set(None);
            state.say(
                "Sprint deleted; its items went back to the backlog. Undo (Ctrl+Z) restores it.",
                false,
            );
        }
    };
    view! {
        <form class="panel-form" on:submit=save on:keydown=move |ev| if ev.key() == "Escape" && crate::drafts::may_discard() { editing.set(None) } data-testid="sprint-editor">
            <h3 class="panel-form__title">{format!("Edit {}", s.name)}</h3>
            <div class="panel-form__grid">
                <TextField label="Name" value=name input_ref=input testid="sprint-name" />
                <TextField label="Start (YYYY-MM-DD)" value=start />
                <TextField label="End (YYYY-MM-DD)" value=end />
                <NumberField label="Capacity (points)" field=Field::Capacity value=capacity testid="sprint-capacity" />
                <EnumSelect label="State" value=st on_pick=move |x| st.set(x) />
                <TextField label="Sprint goal" value=goal multiline=true />
            </div>
            <p class="field-error" role="alert">{move || error.get()}</p>
            <div class="panel-form__buttons">
                <button type="submit" class="btn btn--primary" data-testid="sprint-save">"Save"</button>
                <button type="button" class="btn" on:click=move |_| editing.set(None)>"Close"</button>
                <button type="button" class="btn btn--danger" on:click=delete>"Delete sprint"</button>
            </div>
        </form>
    }
    .into_any()
}
