//! Bulk actions on the ticked items, each one undoable step.

use super::ui::{sprint_choices, with_product, BacklogUi};
use crate::components::fields::uid;
use crate::components::{Layout, OptionSelect};
use crate::model::{Command, Entity, Id, Item, ItemStatus, Kind, Priority};
use crate::state::AppState;
use leptos::prelude::*;

/// Applies `change` to every selected item as one batch.
fn bulk_edit(state: AppState, ui: BacklogUi, label: &str, change: impl Fn(&mut Item)) {
    let Some(product) = state.product.get_untracked() else {
        return;
    };
    let ids = ui.selected.get_untracked();
    let commands: Vec<Command> = with_product(state, |p| {
        p.items
            .iter()
            .filter(|i| ids.contains(&i.id))
            .map(|i| {
                let mut i = i.clone();
                change(&mut i);
                Command::Edit {
                    product: product.clone(),
                    entity: Entity::Item(i),
                }
            })
            .collect()
    })
    .unwrap_or_default();
    let n = commands.len();
    if state
        .dispatch(Command::Batch {
            label: format!("{label} for {n} items"),
            commands,
        })
        .is_ok()
    {
        state.say(
            format!("{label}: {n} items changed. Undo (Ctrl+Z) reverts all of them."),
            false,
        );
    }
}

#[component]
pub(crate) fn BulkBar() -> impl IntoView {
    let state = AppState::expect();
    let ui = BacklogUi::expect();
    let confirming = RwSignal::new(false);
    let count = move || ui.selected.with(|s| s.len());
    let sprint_options = move || with_product(state, sprint_choices).unwrap_or_default();
    let delete = move |_| {
        let Some(product) = state.product.get_untracked() else {
            return;
        };
        let ids: Vec<Id> = ui.selected.get_untracked().into_iter().collect();
        let n = ids.len();
        let commands = ids
            .into_iter()
            .map(|id| Command::Delete {
                product: product.clone(),
                kind: Kind::Item,
                id,
            })
            .collect();
        if state
            .dispatch(Command::Batch {
                label: format!("delete {n} items"),
                commands,
            })
            .is_ok()
        {
            ui.selected.set(Default::default());
            ui.show(None);
            state.say(
                format!("Deleted {n} items. Undo (Ctrl+Z) brings them back."),
                false,
            );
        }
        confirming.set(false);
    };
    let sprint_id = uid("bulk");
    view! {
        <Show when=move || { count() > 0 }>
            <section class="bulk-bar" aria-label="Bulk actions" data-testid="bulk-bar">
                <p class="bulk-bar__count">{move || format!("{} selected", count())}</p>
                <div class="field field--inline">
                    <label for=sprint_id.clone()>"Move to"</label>
                    <select
                        id=sprint_id.clone()
                        data-testid="bulk-sprint"
                        on:change=move |ev| {
                            let v = event_target_value(&ev);
                            if v == "-" { return; }
                            let sprint = Id::parse(&v).ok();
                            bulk_edit(state, ui, "move to sprint", move |i| i.sprint = sprint.clone());
                        }
                    >
                        <option value="-">"Choose a sprint…"</option>
                        <option value="">"Backlog (no sprint)"</option>
                        {move || sprint_options().into_iter().map(|(v, l)| view! { <option value=v>{l}</option> }).collect_view()}
                    </select>
                </div>
                // Actions, not values: the select names the action until one is picked.
                <OptionSelect
                    label="Status"
                    none="Set status…"
                    value=Signal::stored(None::<ItemStatus>)
                    on_pick={move |s: Option<ItemStatus>| if let Some(s) = s { bulk_edit(state, ui, "set status", move |i| i.status = s) }}
                    layout=Layout::Inline
                />
                <OptionSelect
                    label="Priority"
                    none="Set priority…"
                    value=Signal::stored(None::<Option<Priority>>)
                    on_pick={move |p: Option<Option<Priority>>| if let Some(p) = p { bulk_edit(state, ui, "set priority", move |i| i.priority = p) }}
                    layout=Layout::Inline
                />
                <button type="button" class="btn btn--danger" on:click=move |_| confirming.set(true) data-testid="bulk-delete">"Delete…"</button>
                <button type="button" class="btn btn--ghost" on:click=move |_| ui.selected.set(Default::default())>"Clear selection"</button>
                <Show when=move || confirming.get()>
                    <div class="confirm" role="alertdialog" aria-label="Confirm delete">
                        <p>{move || format!("Delete {} items? You can undo it.", count())}</p>
                        <button type="button" class="btn btn--danger" on:click=delete data-testid="bulk-confirm-delete">"Delete"</button>
                        <button type="button" class="btn" on:click=move |_| confirming.set(false)>"Cancel"</button>
                    </div>
                </Show>
            </section>
        </Show>
    }
}
