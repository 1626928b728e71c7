//! The command that takes a command back, worked out on the document before it applies.
//!
//! Undo restores a snapshot (`history`), which is exact here but means nothing on another
//! tab's document: a tab that took a document saved beside its undo could only replay the
//! undone command's absence, and the undone change came back. Where a command has an
//! inverse, the undo is also that command, and replays like any other. Those without one
//! (a delete that cascades, a theme moved to another product, a batch, a whole product)
//! keep the snapshot alone.

use super::command::{index_of, Command, Entity, Kind, ProductFields};
use super::ids::Id;
use super::workspace::{Product, Workspace};

/// The command that undoes `cmd`, from `ws` as it is before `cmd` applies.
pub fn inverse(ws: &Workspace, cmd: &Command) -> Option<Command> {
    match cmd {
        Command::SetRoles(_) => Some(Command::SetRoles(ws.roles)),
        Command::RenamePortfolio(_) => Some(Command::RenamePortfolio(ws.portfolio.name.clone())),
        Command::EditProduct(f) => {
            Some(Command::EditProduct(ProductFields::of(ws.product(&f.id)?)))
        }
        Command::Add {
            product, entity, ..
        } => Some(Command::Delete {
            product: product.clone(),
            kind: entity.kind(),
            id: entity.id().clone(),
        }),
        Command::Edit { product, entity } => Some(Command::Edit {
            product: product.clone(),
            entity: ws.product(product)?.entity(entity.kind(), entity.id())?,
        }),
        Command::Delete { product, kind, id } => undelete(ws.product(product)?, *kind, id),
        Command::Reorder {
            product, kind, id, ..
        } => Some(Command::Reorder {
            product: product.clone(),
            kind: *kind,
            id: id.clone(),
            to_index: index_of(ws.product(product)?, *kind, id)?,
        }),
        Command::Rerank { product, .. } => Some(Command::Rerank {
            product: product.clone(),
            order: ws
                .product(product)?
                .items
                .iter()
                .map(|i| i.id.clone())
                .collect(),
        }),
        Command::Move {
            product, kind, id, ..
        } => unmove(ws.product(product)?, *kind, id),
        Command::SetDefinitionOfReady { product, .. } => Some(Command::SetDefinitionOfReady {
            product: product.clone(),
            rules: ws.product(product)?.definition_of_ready.clone(),
        }),
        _ => None,
    }
}

/// An item's delete is undone by adding it back where it was, unless another item waits
/// for it (the delete also cleared those links). Other kinds take what hangs under them.
fn undelete(p: &Product, kind: Kind, id: &Id) -> Option<Command> {
    if kind != Kind::Item || p.items.iter().any(|i| i.depends_on.contains(id)) {
        return None;
    }
    let index = index_of(p, Kind::Item, id)?;
    Some(Command::Add {
        product: p.id.clone(),
        entity: Entity::Item(p.items[index].clone()),
        index: Some(index),
    })
}

/// A move is undone by putting the entity back under the parent it has now (placed
/// "before itself": the parent changes, the place does not), then at the place it has
/// now among its kind. Kinds with no parent need only the second.
fn unmove(p: &Product, kind: Kind, id: &Id) -> Option<Command> {
    let back = Command::Reorder {
        product: p.id.clone(),
        kind,
        id: id.clone(),
        to_index: index_of(p, kind, id)?,
    };
    let parent = match p.entity(kind, id)? {
        Entity::Theme(t) => t.objective,
        Entity::Feature(f) => f.theme,
        Entity::Item(i) => i.feature,
        _ => return Some(back),
    };
    let reparent = Command::Move {
        product: p.id.clone(),
        kind,
        id: id.clone(),
        parent,
        before: Some(id.clone()),
    };
    Some(Command::Batch {
        label: "Move back".into(),
        commands: vec![reparent, back],
    })
}
