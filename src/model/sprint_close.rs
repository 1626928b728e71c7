//! Finishing a sprint: its unfinished items go on to the next sprint or back to the
//! backlog, item by item, and the whole close is one undoable step.

use super::command::{missing, Command, Entity, Kind};
use super::error::ModelError;
use super::ids::Id;
use super::workspace::{Item, ItemStatus, Product, Sprint, SprintState};

/// Where an unfinished item goes when its sprint closes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CarryTo {
    NextSprint,
    Backlog,
}

/// The items of a sprint that are not done, in backlog order.
pub fn unfinished<'a>(p: &'a Product, sprint: &Id) -> Vec<&'a Item> {
    p.items
        .iter()
        .filter(|i| i.sprint.as_ref() == Some(sprint) && i.status != ItemStatus::Done)
        .collect()
}

/// The sprint unfinished work moves on to: the first one after `sprint` in the
/// product's order that is not finished.
pub fn next_sprint<'a>(p: &'a Product, sprint: &Id) -> Option<&'a Sprint> {
    let at = p.sprints.iter().position(|s| &s.id == sprint)?;
    p.sprints[at + 1..]
        .iter()
        .find(|s| s.state != SprintState::Finished)
}

/// The command that finishes `sprint`, moving each unfinished item where `carry` says
/// (an item it does not name goes back to the backlog, as does everything when there is
/// no next sprint). `label` words the undo step, given the sprint's name
/// (`text::finish_sprint`): the model says no sentence of its own.
pub fn close(
    p: &Product,
    sprint: &Id,
    carry: impl Fn(&Id) -> CarryTo,
    label: impl FnOnce(&str) -> String,
) -> Result<Command, ModelError> {
    let s = p
        .sprint(sprint)
        .ok_or_else(|| missing(Kind::Sprint, sprint))?;
    let next = next_sprint(p, sprint).map(|n| n.id.clone());
    let mut commands = vec![Command::Edit {
        product: p.id.clone(),
        entity: Entity::Sprint(Sprint {
            state: SprintState::Finished,
            ..s.clone()
        }),
    }];
    for item in unfinished(p, sprint) {
        let to = match carry(&item.id) {
            CarryTo::NextSprint => next.clone(),
            CarryTo::Backlog => None,
        };
        commands.push(Command::Edit {
            product: p.id.clone(),
            entity: Entity::Item(Item {
                sprint: to,
                ..item.clone()
            }),
        });
    }
    Ok(Command::Batch {
        label: label(&s.name),
        commands,
    })
}
