//! Sprint planning: a card per sprint with its load against capacity, velocity, and the
//! sprint editor. Cards are drop targets for backlog rows.

use super::table::plan_into;
use super::ui::{with_product, BacklogUi};
use crate::components::fields::{CommitNumber, CommitText, Refused};
use crate::components::EnumSelect;
use crate::model::backlog::RefFilter;
use crate::model::bounds::{self, Field};
use crate::model::dates::optional_text;
use crate::model::planning::{sprint_loads, velocity, SprintLoad};
use crate::model::{ids::prefix, Command, Day, Entity, Id, Kind, Sprint, SprintState};
use crate::state::read_product;
use crate::state::{new_id, today, AppState};
use crate::text::numbers::{fixed, points};
use crate::text::optional_date;
use leptos::prelude::*;

#[component]
pub(crate) fn SprintStrip() -> impl IntoView {
    let state = AppState::expect();
    let editing = RwSignal::new(None::<Id>);
    let closing = RwSignal::new(None::<Id>);
    let cards = Memo::new(move |_| {
        read_product(state, |p| {
            p.sprints
                .iter()
                .cloned()
                .zip(sprint_loads(p))
                .collect::<Vec<_>>()
        })
        .unwrap_or_default()
    });
    let vel = Memo::new(move |_| read_product(state, velocity).flatten());
    let add_sprint = move |_| {
        // The new sprint's editor takes the place of the open one.
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
            scope: None,
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
                    // A planned sprint offers Start only while none is active, so its card
                    // is drawn again when that changes.
                    <For each=move || { let active = cards.with(|c| c.iter().any(|(s, _)| s.state == SprintState::Active)); cards.get().into_iter().map(move |(s, l)| (s, l, active)).collect::<Vec<_>>() } key=|(s, l, active)| (s.id.clone(), card_key(s, l), *active) let:card>
                        <SprintCard sprint=card.0 load=card.1 startable=!card.2 editing=editing closing=closing />
                    </For>
                </ul>
            </Show>
            {move || editing.get().map(|id| view! { <SprintEditor id=id editing=editing closing=closing /> })}
            {move || closing.get().map(|id| view! { <super::sprint_close::SprintClose id=id closing_id=closing /> })}
            <super::burndown::ActiveBurndown />
        </section>
    }
}

#[component]
fn SprintCard(
    sprint: Sprint,
    load: crate::model::planning::SprintLoad,
    /// No sprint is active, so a planned one can start.
    startable: bool,
    editing: RwSignal<Option<Id>>,
    closing: RwSignal<Option<Id>>,
) -> impl IntoView {
    let state = AppState::expect();
    let ui = BacklogUi::expect();
    let id = StoredValue::new(sprint.id.clone());
    let name = sprint.name.clone();
    let over = load.over_by();
    let by_velocity = load.by_velocity;
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
    let capacity_flag = bounds::flag(Field::Capacity, load.capacity).map(crate::text::out_of_range);
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
                <button type="button" class="link-button sprint-card__name" id=format!("sprint-name-{}", sprint.id) on:click=move |_| open_editor(editing, id.get_value())>
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
            {over.map(|o| view! { <p class="sprint-card__warning" role="status" data-testid="over-capacity">{crate::text::over_committed(o, by_velocity)}</p> })}
            {(load.unestimated > 0).then(|| view! { <p class="muted">{format!("{} not counted", crate::text::numbers::count(load.unestimated, "unestimated item", "unestimated items"))}</p> })}
            <StateButton state=sprint.state startable=startable id=id name=name.clone() closing=closing />
        </li>
    }
}

/// Starts a planned sprint (recording its scope for the burndown) or offers to finish the
/// active one.
#[component]
fn StateButton(
    state: SprintState,
    startable: bool,
    id: StoredValue<Id>,
    name: String,
    closing: RwSignal<Option<Id>>,
) -> impl IntoView {
    let app = AppState::expect();
    match state {
        SprintState::Planned if startable => {
            let label = format!("Start {name}");
            let start = move |_| {
                let sprint = read_product(app, |p| p.sprint(&id.get_value()).cloned()).flatten();
                let said = format!("{name} started: the burndown counts from today.");
                if app
                    .edit_entity(sprint, "This sprint no longer exists.", |s| s.state = SprintState::Active, Entity::Sprint)
                    .is_ok()
                {
                    app.say(said, false);
                }
            };
            view! { <button type="button" class="btn btn--small" on:click=start data-testid="start-sprint">{label}</button> }.into_any()
        }
        SprintState::Active => view! {
            <button type="button" class="btn btn--small btn--primary" on:click=move |_| close_or_ask(closing, id.get_value()) data-testid="finish-sprint">{format!("Finish {name}…")}</button>
        }.into_any(),
        SprintState::Planned | SprintState::Finished => ().into_any(),
    }
}

/// Opens the close of a sprint in place of any other.
fn close_or_ask(closing: RwSignal<Option<Id>>, id: Id) {
    crate::focus::leave_typing();
    closing.set(Some(id));
}

/// What a sprint card shows, as text: a card is drawn again when it changes. (JSON,
/// whose writer the app has anyway, rather than `Debug`, which would compile a formatter
/// for every field of a sprint.)
fn card_key(s: &Sprint, l: &SprintLoad) -> String {
    serde_json::to_string(&(
        s,
        l.committed,
        l.done,
        l.items,
        l.unestimated,
        l.capacity,
        l.limit,
    ))
    .unwrap_or_default()
}

/// Opens a sprint's editor in place of the open one (whose fields commit as it goes).
fn open_editor(editing: RwSignal<Option<Id>>, id: Id) {
    if editing.with_untracked(|e| e.as_ref() != Some(&id)) {
        crate::focus::leave_typing();
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

#[component]
fn SprintEditor(
    id: Id,
    editing: RwSignal<Option<Id>>,
    closing: RwSignal<Option<Id>>,
) -> impl IntoView {
    let state = AppState::expect();
    let Some(name) = with_product(state, |p| p.sprint(&id).map(|s| s.name.clone())).flatten()
    else {
        return ().into_any();
    };
    let id = StoredValue::new(id);
    let now =
        Memo::new(move |_| read_product(state, |p| p.sprint(&id.get_value()).cloned()).flatten());
    let text = move |f: fn(&Sprint) -> String| {
        Signal::derive(move || now.with(|s| s.as_ref().map(f).unwrap_or_default()))
    };
    let edit = move |change: Box<dyn FnOnce(&mut Sprint)>| -> Result<(), Refused> {
        let gone = "This sprint no longer exists.";
        state.edit_entity(now.get_untracked(), gone, change, Entity::Sprint)
    };
    let rename = move |t: String| {
        let n = t.trim().to_string();
        if n.is_empty() {
            return Err("The sprint needs a name.".to_string());
        }
        edit(Box::new(move |s| s.name = n))
    };
    let day = move |label: &'static str, set: fn(&mut Sprint, Option<Day>)| {
        move |t: String| {
            let d = optional_date(label, &t)?;
            edit(Box::new(move |s| set(s, d)))
        }
    };
    let delete = move |_| {
        let cmd = |product| Command::Delete {
            product,
            kind: Kind::Sprint,
            id: id.get_value(),
        };
        if state.dispatch_here(cmd).is_ok() {
            editing.set(None);
            state.say(
                "Sprint deleted; its items went back to the backlog. Undo (Ctrl+Z) restores it.",
                false,
            );
        }
    };
    view! {
        <section class="panel-form" aria-label=format!("Edit {name}") on:keydown=move |ev| if ev.key() == "Escape" { editing.set(None) } data-testid="sprint-editor">
            <h3 class="panel-form__title">{format!("Edit {name}")}</h3>
            <div class="panel-form__grid">
                <CommitText label="Name" value=text(|s| s.name.clone()) commit=rename autofocus=true testid="sprint-name" />
                <CommitText label="Start" input_type="date" value=text(|s| optional_text(s.start)) commit=day("Start", |s, d| s.start = d) testid="sprint-start" />
                <CommitText label="End" input_type="date" value=text(|s| optional_text(s.end)) commit=day("End", |s, d| s.end = d) testid="sprint-end" />
                <CommitNumber label="Capacity (points)" field=Field::Capacity value=Signal::derive(move || now.with(|s| s.as_ref().and_then(|s| s.capacity))) commit=move |c| edit(Box::new(move |s| s.capacity = c)) testid="sprint-capacity" />
                <EnumSelect label="State" value=Signal::derive(move || now.with(|s| s.as_ref().map(|s| s.state)).unwrap_or_default()) on_pick=move |x| {
                    // Finishing goes through the close, which asks where unfinished work goes.
                    if x == SprintState::Finished && now.with_untracked(|s| s.as_ref().is_some_and(|s| s.state != SprintState::Finished)) {
                        editing.set(None);
                        close_or_ask(closing, id.get_value());
                    } else {
                        let _ = edit(Box::new(move |s| s.state = x));
                    }
                } testid="sprint-state" />
                <CommitText label="Sprint goal" value=text(|s| s.goal.clone()) commit=move |g: String| edit(Box::new(move |s| s.goal = g)) multiline=true testid="sprint-goal" />
            </div>
            <p class="muted panel-form__note">"Each change is saved as you make it; Undo (Ctrl+Z) takes it back."</p>
            <div class="panel-form__buttons">
                <button type="button" class="btn btn--primary" on:click=move |_| editing.set(None) data-testid="sprint-done">"Done"</button>
                <button type="button" class="btn btn--danger" on:click=delete>"Delete sprint"</button>
            </div>
        </section>
    }
    .into_any()
}
