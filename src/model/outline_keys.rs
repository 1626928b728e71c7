//! What a key pressed on an outline row does, decided in plain Rust so every binding is
//! tested natively; the hierarchy page only carries the action out.

use super::command::{Command, Kind};
use super::ids::Id;
use super::outline::{Row, RowKind};

impl RowKind {
    /// The model kind of an entity row; `None` for the product, key results and groups.
    pub fn entity_kind(self) -> Option<Kind> {
        match self {
            RowKind::Objective => Some(Kind::Objective),
            RowKind::Theme => Some(Kind::Theme),
            RowKind::Feature => Some(Kind::Feature),
            RowKind::Item => Some(Kind::Item),
            _ => None,
        }
    }

    /// Rows that can be moved among their siblings, dragged and dropped.
    pub fn movable(self) -> bool {
        self.entity_kind().is_some()
    }

    pub fn deletable(self) -> bool {
        matches!(
            self,
            RowKind::Product
                | RowKind::Objective
                | RowKind::Theme
                | RowKind::Feature
                | RowKind::Item
        )
    }
}

/// Where the arrow keys and Home/End take the focus, among the rows drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    Up,
    Down,
    First,
    Last,
}

/// Where the key was pressed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct KeyPlace {
    /// A panel (edit, add, move, delete) is open under this row.
    pub panel_open: bool,
    /// The focus is inside that panel, typing or on its buttons.
    pub in_panel: bool,
    /// The focus is on the row's title (not one of its buttons).
    pub on_title: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RowAction {
    /// Close the open panel (asking first about a changed draft).
    ClosePanel,
    /// Move the row one place down (or up) among its siblings.
    Move { down: bool },
    /// Take the focus to another row.
    Focus(Step),
    /// Fold or unfold the row.
    Toggle,
    /// Open the delete confirmation.
    AskDelete,
}

/// The action for `key` (as `KeyboardEvent.key` names it, with Alt held or not) on
/// `row`; `None` leaves the key to the browser.
pub fn key_action(key: &str, alt: bool, row: &Row, at: KeyPlace) -> Option<RowAction> {
    if key == "Escape" && at.panel_open {
        return Some(RowAction::ClosePanel);
    }
    // Shortcuts act on the row line only, never while typing in a panel.
    if at.in_panel {
        return None;
    }
    let step = match key {
        "ArrowUp" => Some(Step::Up),
        "ArrowDown" => Some(Step::Down),
        "Home" => Some(Step::First),
        "End" => Some(Step::Last),
        _ => None,
    };
    match (key, alt, step) {
        ("ArrowUp" | "ArrowDown", true, _) if row.kind.movable() => Some(RowAction::Move {
            down: key == "ArrowDown",
        }),
        // From the title or any button of the line, as in a tree: the rows are one Tab
        // stop, and the arrows go between them.
        (_, false, Some(step)) => Some(RowAction::Focus(step)),
        // Left folds an open row, Right unfolds a folded one; otherwise the key does
        // nothing here.
        ("ArrowLeft" | "ArrowRight", false, _)
            if at.on_title && row.has_children && row.expanded == (key == "ArrowLeft") =>
        {
            Some(RowAction::Toggle)
        }
        ("Delete", false, _) if row.kind.deletable() => Some(RowAction::AskDelete),
        _ => None,
    }
}

/// The move that one step down (or up) stands for, if the row can go that way.
pub fn step_command(product: &Id, row: &Row, down: bool) -> Option<Command> {
    let kind = row.kind.entity_kind()?;
    let id = row.id.clone()?;
    let before = if down {
        row.next.as_ref()?;
        row.after_next.clone()
    } else {
        Some(row.prev.clone()?)
    };
    Some(Command::Move {
        product: product.clone(),
        kind,
        id,
        parent: row.parent.clone(),
        before,
    })
}
