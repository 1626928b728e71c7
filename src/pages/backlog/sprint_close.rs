//! Finishing a sprint: each unfinished item goes on to the next sprint or back to the
//! backlog, as the PO chooses, in one undoable step.

use crate::model::sprint_close::{close, next_sprint, unfinished, CarryTo};
use crate::model::Id;
use crate::state::{read_product, AppState};
use crate::text::numbers::{count, points};
use crate::text::Choice;
use leptos::prelude::*;
use std::collections::HashMap;

/// An unfinished item as the close shows it.
#[derive(Clone, Debug, PartialEq)]
struct Open {
    id: Id,
    title: String,
    estimate: Option<f64>,
    status: &'static str,
}

/// What the close needs to know of the product.
#[derive(Clone, Debug, PartialEq)]
struct Closing {
    name: String,
    next: Option<String>,
    /// What the next sprint holds already, and what it can hold (`SprintLoad::limit`).
    next_load: Option<(f64, Option<f64>)>,
    open: Vec<Open>,
    done_points: f64,
}

fn closing(p: &crate::model::Product, id: &Id) -> Option<Closing> {
    let s = p.sprint(id)?;
    let open = unfinished(p, id)
        .into_iter()
        .map(|i| Open {
            id: i.id.clone(),
            title: i.title.clone(),
            estimate: i.estimate,
            status: i.status.label(),
        })
        .collect();
    let done_points = p
        .items
        .iter()
        .filter(|i| i.sprint.as_ref() == Some(id) && i.status == crate::model::ItemStatus::Done)
        .filter_map(|i| i.estimate)
        .sum();
    let next = next_sprint(p, id);
    let next_load = next.map(|n| {
        let load = crate::model::planning::sprint_load(p, n);
        (load.committed, load.limit)
    });
    Some(Closing {
        name: s.name.clone(),
        next: next.map(|n| n.name.clone()),
        next_load,
        open,
        done_points,
    })
}

/// Finishes the sprint as chosen and says what happened.
fn finish(state: AppState, id: &Id, choice: &HashMap<Id, CarryTo>, c: &Closing) -> bool {
    let default = if c.next.is_some() {
        CarryTo::NextSprint
    } else {
        CarryTo::Backlog
    };
    let pick = |i: &Id| choice.get(i).copied().unwrap_or(default);
    let Some(Ok(cmd)) = read_product(state, |p| close(p, id, pick, crate::text::finish_sprint))
    else {
        return false;
    };
    if state.dispatch(cmd).is_err() {
        return false;
    }
    let moved = c
        .open
        .iter()
        .filter(|o| pick(&o.id) == CarryTo::NextSprint && c.next.is_some())
        .count();
    let back = c.open.len() - moved;
    let mut said = format!(
        "{} finished with {} points done",
        c.name,
        points(c.done_points)
    );
    if let (Some(next), true) = (&c.next, moved > 0) {
        said.push_str(&format!(
            "; {} moved to {next}",
            count(moved, "item", "items")
        ));
    }
    if back > 0 {
        said.push_str(&format!(
            "; {} back to the backlog",
            count(back, "item", "items")
        ));
    }
    state.say(format!("{said}. Undo (Ctrl+Z) takes it all back."), false);
    true
}

#[component]
pub(super) fn SprintClose(id: Id, closing_id: RwSignal<Option<Id>>) -> impl IntoView {
    let state = AppState::expect();
    let Some(c) = read_product(state, |p| closing(p, &id)).flatten() else {
        return ().into_any();
    };
    let id = StoredValue::new(id);
    let c = StoredValue::new(c);
    let default = if c.with_value(|c| c.next.is_some()) {
        CarryTo::NextSprint
    } else {
        CarryTo::Backlog
    };
    let choice = RwSignal::new(HashMap::<Id, CarryTo>::new());
    let all = move |to: CarryTo| {
        choice.set(c.with_value(|c| c.open.iter().map(|o| (o.id.clone(), to)).collect()));
    };
    let cancel = move || {
        closing_id.set(None);
        crate::focus::focus_id_next_frame(format!("sprint-name-{}", id.get_value()));
    };
    let confirm = move |_| {
        if choice.with_untracked(|ch| c.with_value(|c| finish(state, &id.get_value(), ch, c))) {
            cancel();
        }
    };
    let heading = NodeRef::<leptos::html::H3>::new();
    Effect::new(move |_| {
        if let Some(h) = heading.get() {
            crate::focus::focus_now(&h);
        }
    });
    let (name, next, open) = c.with_value(|c| (c.name.clone(), c.next.clone(), c.open.clone()));
    let left: f64 = open.iter().filter_map(|o| o.estimate).sum();
    let intro = match open.len() {
        0 => "Every item is done.".to_string(),
        n => format!("{} not done ({} points). Choose where each goes; done work stays in {name} and counts toward the velocity.", count(n, "item is", "items are"), points(left)),
    };
    view! {
        <section class="panel-form sprint-close" aria-labelledby="sprint-close-title" on:keydown=move |ev| if ev.key() == "Escape" { cancel() } data-testid="sprint-close">
            <h3 id="sprint-close-title" class="panel-form__title" tabindex="-1" node_ref=heading>{format!("Finish {name}")}</h3>
            <p>{intro}</p>
            {next.clone().filter(|_| !open.is_empty()).map(|n| view! {
                <div class="sprint-close__all">
                    <button type="button" class="btn btn--small" on:click=move |_| all(CarryTo::NextSprint)>{format!("All to {n}")}</button>
                    <button type="button" class="btn btn--small" on:click=move |_| all(CarryTo::Backlog)>"All to the backlog"</button>
                </div>
            })}
            {(next.is_none() && !open.is_empty()).then(|| view! { <p class="muted">"There is no later sprint, so unfinished items go back to the backlog. Add a sprint first to carry them over."</p> })}
            {move || over_next(&c.get_value(), &choice.get(), default).map(|t| view! { <p class="sprint-card__warning" role="status" data-testid="carry-over-warning">{t}</p> })}
            <ul class="sprint-close__items">
                {open.into_iter().map(|o| view! { <CarryRow open=o next=next.clone() choice=choice default=default /> }).collect_view()}
            </ul>
            <div class="panel-form__buttons">
                <button type="button" class="btn btn--primary" on:click=confirm data-testid="confirm-finish">{format!("Finish {name}")}</button>
                <button type="button" class="btn" on:click=move |_| cancel()>"Cancel"</button>
            </div>
        </section>
    }
    .into_any()
}

/// What the next sprint would hold past its limit with the items carried into it.
fn over_next(c: &Closing, choice: &HashMap<Id, CarryTo>, default: CarryTo) -> Option<String> {
    let (next, (committed, limit)) = (c.next.as_ref()?, c.next_load?);
    let limit = limit?;
    let carried: f64 = c
        .open
        .iter()
        .filter(|o| choice.get(&o.id).copied().unwrap_or(default) == CarryTo::NextSprint)
        .filter_map(|o| o.estimate)
        .sum();
    let total = committed + carried;
    (carried > 0.0 && total > limit + 1e-9).then(|| {
        format!(
            "⚠ {next} would then hold {} points, {} more than it can take ({}). Send some back to the backlog, or re-plan {next} after.",
            points(total),
            points(total - limit),
            points(limit)
        )
    })
}

#[component]
fn CarryRow(
    open: Open,
    next: Option<String>,
    choice: RwSignal<HashMap<Id, CarryTo>>,
    default: CarryTo,
) -> impl IntoView {
    let id = StoredValue::new(open.id.clone());
    let picked = move || choice.with(|ch| ch.get(&id.get_value()).copied().unwrap_or(default));
    let select_id = crate::components::fields::uid("carry");
    view! {
        <li class="sprint-close__item" data-testid="carry-row">
            <label for=select_id.clone()>
                <span class="sprint-close__title">{open.title.clone()}</span>
                <span class="muted">{format!(" · {} · {}", open.estimate.map(|e| format!("{} {}", points(e), if e == 1.0 { "pt" } else { "pts" })).unwrap_or_else(|| "unestimated".into()), open.status)}</span>
            </label>
            <select id=select_id on:change=move |ev| {
                if let Some(to) = CarryTo::from_key(&event_target_value(&ev)) {
                    choice.update(|ch| { ch.insert(id.get_value(), to); });
                }
            } data-testid="carry-to">
                {next.map(|n| view! { <option value=CarryTo::NextSprint.key() prop:selected=move || picked() == CarryTo::NextSprint>{format!("Move to {n}")}</option> })}
                <option value=CarryTo::Backlog.key() prop:selected=move || picked() == CarryTo::Backlog>{CarryTo::Backlog.label()}</option>
            </select>
        </li>
    }
}

// Where an unfinished item goes. The select names the next sprint itself ("Move to
// Sprint 4"); the label here is for where no name is at hand.
crate::text::choices!(CarryTo {
    NextSprint => "next", "Move to the next sprint";
    Backlog => "backlog", "Back to the backlog";
});
