//! What the app records as work happens, for the burndown: the day an item was marked
//! done, and what a sprint held on the day it was started.
//!
//! Commands stay pure (they carry everything they change, so a replay in another tab
//! gives the same document); `stamp` adds the records to a command before it is applied,
//! from the document as it is and the day it is.

use super::command::{Command, Entity};
use super::dates::Day;
use super::workspace::{Item, ItemStatus, Product, SprintScope, SprintState, Workspace};

/// `cmd` with today's records added: a done day on each item it marks done (and none on
/// one it takes out of done), and the scope of each sprint it starts.
pub fn stamp(cmd: Command, ws: &Workspace, today: Day) -> Command {
    match cmd {
        Command::Add {
            product,
            entity: Entity::Item(mut item),
            index,
        } => {
            stamp_item(None, &mut item, today);
            Command::Add {
                product,
                entity: Entity::Item(item),
                index,
            }
        }
        Command::Edit { product, entity } => {
            let entity = match (ws.product(&product), entity) {
                (Some(p), Entity::Item(mut item)) => {
                    stamp_item(p.item(&item.id), &mut item, today);
                    Entity::Item(item)
                }
                (Some(p), Entity::Sprint(mut sprint)) => {
                    let was = p.sprint(&sprint.id).map(|s| s.state);
                    if sprint.state == SprintState::Active
                        && was != Some(SprintState::Active)
                        && sprint.scope.is_none()
                    {
                        sprint.scope = Some(scope_of(p, &sprint.id, today));
                    }
                    Entity::Sprint(sprint)
                }
                (_, entity) => entity,
            };
            Command::Edit { product, entity }
        }
        Command::Batch { label, commands } => Command::Batch {
            label,
            commands: commands.into_iter().map(|c| stamp(c, ws, today)).collect(),
        },
        other => other,
    }
}

fn stamp_item(before: Option<&Item>, item: &mut Item, today: Day) {
    let was_done = before.is_some_and(|b| b.status == ItemStatus::Done);
    match (was_done, item.status == ItemStatus::Done) {
        (false, true) if item.done_on.is_none() => item.done_on = Some(today),
        (_, false) => item.done_on = None,
        _ => {}
    }
}

/// The points and items planned into a sprint and not done yet.
pub fn scope_of(p: &Product, sprint: &super::ids::Id, today: Day) -> SprintScope {
    let planned = p
        .items
        .iter()
        .filter(|i| i.sprint.as_ref() == Some(sprint) && i.status != ItemStatus::Done);
    let (mut points, mut items) = (0.0, 0);
    for i in planned {
        items += 1;
        points += i.estimate.unwrap_or(0.0);
    }
    SprintScope {
        day: today,
        points,
        items,
    }
}
