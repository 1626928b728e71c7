//! The sentences the app says about the document: undo labels, what a delete takes with
//! it. They live here, beside the views, not in the model, which knows only the facts.

use crate::model::command::entity_title;
use crate::model::numbers::count;
use crate::model::{Command, Impact, Kind, Workspace};

/// A short description of a command, for the undo button and announcements.
pub fn command_label(cmd: &Command, ws: &Workspace) -> String {
    match cmd {
        Command::SetRoles(r) => format!("set roles to “{}”", r.label()),
        Command::RenamePortfolio(_) => "rename portfolio".into(),
        Command::AddProduct { product, .. } => format!("add product “{}”", product.name),
        Command::EditProduct(f) => format!("edit product “{}”", f.name),
        Command::DeleteProduct(id) => {
            format!(
                "delete product “{}”",
                ws.product(id).map(|p| p.name.as_str()).unwrap_or("?")
            )
        }
        Command::ReorderProduct { .. } => "reorder products".into(),
        Command::Add { entity, .. } => {
            format!("add {} “{}”", entity.kind().noun(), entity.title())
        }
        Command::Edit { entity, .. } => {
            format!("edit {} “{}”", entity.kind().noun(), entity.title())
        }
        Command::Delete { product, kind, id } => {
            let title = ws
                .product(product)
                .and_then(|p| entity_title(p, *kind, id))
                .unwrap_or_default();
            format!("delete {} “{}”", kind.noun(), title)
        }
        Command::Reorder { kind, .. } => format!("move {}", kind.noun()),
        Command::Move {
            product, kind, id, ..
        } => {
            let title = ws
                .product(product)
                .and_then(|p| entity_title(p, *kind, id))
                .unwrap_or_default();
            format!("move {} “{}”", kind.noun(), title)
        }
        Command::Rerank { .. } => "re-rank the backlog".into(),
        Command::SetDefinitionOfReady { .. } => "change the Definition of Ready".into(),
        Command::MoveTheme { .. } => "move theme to another product".into(),
        Command::Batch { label, .. } => label.clone(),
        Command::ReplaceWorkspace(_) => "replace workspace".into(),
    }
}

/// What a delete takes with it, e.g. "feature and 6 items", "theme, 2 features and 9 items".
pub fn impact_summary(impact: &Impact, kind: Kind) -> String {
    let mut gone = vec![kind.noun().to_string()];
    if impact.features > 0 {
        gone.push(count(impact.features, "feature", "features"));
    }
    if impact.items > 0 {
        gone.push(count(impact.items, "item", "items"));
    }
    let mut text = match gone.len() {
        1 => gone[0].clone(),
        n => format!("{} and {}", gone[..n - 1].join(", "), gone[n - 1]),
    };
    if impact.unlinked_themes > 0 {
        text.push_str(&format!(
            "; {} lose this objective",
            count(impact.unlinked_themes, "theme", "themes")
        ));
    }
    if impact.unplanned_items > 0 {
        text.push_str(&format!(
            "; {} go back to the backlog",
            count(impact.unplanned_items, "item", "items")
        ));
    }
    if impact.untargeted_features > 0 {
        text.push_str(&format!(
            "; {} lose this release",
            count(impact.untargeted_features, "feature", "features")
        ));
    }
    text
}
