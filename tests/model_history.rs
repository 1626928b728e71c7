#![cfg(not(target_arch = "wasm32"))]
//! Undo and redo are exact inverses over every kind of command.

use twohats::model::error::{Problem, Rule, TextField};
use twohats::model::sample::{counter_ids, sample_workspace};
use twohats::model::*;
use twohats::text::command_label;

mod common;
use common::{batch, edit_entity, id, reorder_entity, story, workspace};

fn sample() -> Workspace {
    sample_workspace(Day::new(2026, 3, 15).unwrap(), &mut counter_ids())
}

/// The sample's first product (Trailhead) and its ids, looked up by name.
fn trailhead(ws: &Workspace) -> &Product {
    ws.products
        .iter()
        .find(|p| p.name == "Trailhead")
        .expect("Trailhead")
}

fn theme_named(ws: &Workspace, name: &str) -> Id {
    ws.products
        .iter()
        .flat_map(|p| &p.themes)
        .find(|t| t.name == name)
        .expect(name)
        .id
        .clone()
}

fn rename(name: &str) -> Command {
    Command::RenamePortfolio(name.into())
}

/// The sample, renamed to each of `names` in turn through `h`.
fn renamed(mut h: History, names: &[&str]) -> (Workspace, History) {
    let mut ws = sample();
    for name in names {
        h.apply(&mut ws, rename(name)).unwrap();
    }
    (ws, h)
}

/// Each step builds its command from the workspace as it is when the step runs.
type Step = fn(&Workspace) -> Command;

fn mixed_steps() -> Vec<Step> {
    vec![
        |_| Command::SetRoles(RoleSetting::OnePerson),
        |_| rename("Renamed"),
        |_| Command::AddProduct {
            product: Box::new(Product::new(id("p-new"), "Compass")),
            index: Some(0),
        },
        |_| {
            let mut i = Item::new(id("i-new"), ItemKind::Bug, "Crash on start");
            i.estimate = Some(3.0);
            Command::Add {
                product: id("p-new"),
                entity: Entity::Item(i),
                index: None,
            }
        },
        |ws| {
            let p = trailhead(ws);
            let mut i = p.items[3].clone();
            i.title = "Edited".into();
            i.feature = None;
            Command::Edit {
                product: p.id.clone(),
                entity: Entity::Item(i),
            }
        },
        |ws| Command::Delete {
            product: trailhead(ws).id.clone(),
            kind: Kind::Theme,
            id: theme_named(ws, "Trip planning"),
        },
        |ws| {
            let p = trailhead(ws);
            Command::Reorder {
                product: p.id.clone(),
                kind: Kind::Item,
                id: p.items[0].id.clone(),
                to_index: 5,
            }
        },
        |ws| Command::Delete {
            product: trailhead(ws).id.clone(),
            kind: Kind::Sprint,
            id: trailhead(ws).sprints[1].id.clone(),
        },
        |ws| Command::MoveTheme {
            from: trailhead(ws).id.clone(),
            theme: theme_named(ws, "Live conditions"),
            to: id("p-new"),
        },
        |ws| {
            Command::DeleteProduct(
                ws.products
                    .iter()
                    .find(|p| p.name == "Ranger Console")
                    .unwrap()
                    .id
                    .clone(),
            )
        },
        |ws| Command::ReorderProduct {
            id: ws.products[0].id.clone(),
            to_index: 1,
        },
        |_| {
            Command::EditProduct(ProductFields {
                id: id("p-new"),
                name: "Compass 2".into(),
                vision: Vision::default(),
                goal: "Point north".into(),
                budget_note: String::new(),
            })
        },
        |ws| {
            batch(
                "tidy up",
                vec![
                    rename("Batched"),
                    Command::Delete {
                        product: trailhead(ws).id.clone(),
                        kind: Kind::Objective,
                        id: trailhead(ws).objectives[0].id.clone(),
                    },
                    Command::Reorder {
                        product: id("p-new"),
                        kind: Kind::Theme,
                        id: theme_named(ws, "Live conditions"),
                        to_index: 0,
                    },
                ],
            )
        },
        |_| {
            // A different workspace entirely: one product kept (by id), one new.
            let mut other = sample_workspace(Day::new(2025, 1, 1).unwrap(), &mut counter_ids());
            other.products.truncate(1);
            other.products.push(Product::new(id("p-other"), "Other"));
            other.portfolio.links.clear();
            Command::ReplaceWorkspace(Box::new(other))
        },
        |ws| Command::Delete {
            product: ws.products[0].id.clone(),
            kind: Kind::Feature,
            id: ws.products[0].features[0].id.clone(),
        },
    ]
}

/// Runs the steps through a history, returning the workspace after each (index 0 = before any).
fn run(history: &mut History, ws: &mut Workspace, steps: &[Step]) -> Vec<Workspace> {
    let mut states = vec![ws.clone()];
    for (n, step) in steps.iter().enumerate() {
        let cmd = step(ws);
        history
            .apply(ws, cmd)
            .unwrap_or_else(|e| panic!("step {n} refused: {e}"));
        assert_ne!(ws, states.last().unwrap(), "step {n} changed nothing");
        states.push(ws.clone());
    }
    states
}

#[test]
fn undo_then_redo_walks_back_and_forth_through_exact_states() {
    let mut ws = sample();
    let mut h = History::with_labels(command_label);
    let states = run(&mut h, &mut ws, &mixed_steps());
    for _round in 0..2 {
        for n in (0..states.len() - 1).rev() {
            assert!(h.undo(&mut ws).is_some(), "undo {n}");
            assert_eq!(ws, states[n], "after undoing step {n}");
        }
        assert!(h.undo(&mut ws).is_none(), "nothing left to undo");
        assert_eq!(ws, states[0]);
        for (n, state) in states.iter().enumerate().skip(1) {
            assert!(h.redo(&mut ws).is_some(), "redo {n}");
            assert_eq!(&ws, state, "after redoing step {}", n - 1);
        }
        assert!(h.redo(&mut ws).is_none(), "nothing left to redo");
    }
}

#[test]
fn undo_restores_every_state_valid() {
    let mut ws = sample();
    let mut h = History::with_labels(command_label);
    let steps = mixed_steps();
    run(&mut h, &mut ws, &steps);
    for _ in 0..steps.len() {
        h.undo(&mut ws);
        assert_eq!(validate_workspace(&ws), Ok(()));
    }
}

#[test]
fn undo_of_delete_product_puts_it_back_in_place_with_its_links() {
    let mut ws = sample();
    let before = ws.clone();
    let mut h = History::with_labels(command_label);
    let first = ws.products[0].id.clone();
    h.apply(&mut ws, Command::DeleteProduct(first)).unwrap();
    assert_eq!((ws.products.len(), ws.portfolio.links.len()), (1, 0));
    let (label, changes) = h.undo(&mut ws).unwrap();
    assert_eq!(label, "delete product “Trailhead”");
    assert_eq!(
        changes,
        Changes {
            meta: true,
            products: vec![before.products[0].id.clone()]
        }
    );
    assert_eq!(ws, before);
}

#[test]
fn a_new_command_clears_redo() {
    let (mut ws, mut h) = renamed(History::with_labels(command_label), &["One", "Two"]);
    h.undo(&mut ws).unwrap();
    assert_eq!(h.redo_label(), Some("rename portfolio"));
    h.apply(&mut ws, Command::SetRoles(RoleSetting::NoPm))
        .unwrap();
    assert_eq!(h.redo_label(), None);
    assert!(h.redo(&mut ws).is_none());
    assert_eq!(
        (ws.portfolio.name.as_str(), ws.roles),
        ("One", RoleSetting::NoPm)
    );
}

#[test]
fn a_refused_command_leaves_the_history_and_workspace_alone() {
    let mut ws = sample();
    let mut h = History::with_labels(command_label);
    h.apply(&mut ws, rename("One")).unwrap();
    h.undo(&mut ws);
    h.apply(&mut ws, rename("Two")).unwrap();
    let before = ws.clone();
    let err = h.apply(&mut ws, rename(" ")).unwrap_err();
    assert_eq!(err.problem, Problem::Breaks(Rule::Empty(TextField::Name)));
    assert_eq!(ws, before);
    assert_eq!(h.undo_label(), Some("rename portfolio"));
    h.undo(&mut ws).unwrap();
    assert_eq!(ws, sample(), "the refused command left no undo entry");
}

#[test]
fn labels_describe_the_commands_in_order() {
    let mut ws = sample();
    let mut h = History::with_labels(command_label);
    assert_eq!((h.undo_label(), h.redo_label()), (None, None));
    let steps = mixed_steps();
    let mut labels = Vec::new();
    for step in &steps {
        let cmd = step(&ws);
        labels.push(command_label(&cmd, &ws));
        h.apply(&mut ws, cmd).unwrap();
        assert_eq!(h.undo_label(), labels.last().map(String::as_str));
    }
    let expected_start = [
        "set roles to “One person, both hats”",
        "rename portfolio",
        "add product “Compass”",
        "add item “Crash on start”",
        "edit item “Edited”",
        "delete theme “Trip planning”",
        "move item",
        "delete sprint “Sprint 2”",
        "move theme to another product",
        "delete product “Ranger Console”",
        "reorder products",
        "edit product “Compass 2”",
        "tidy up",
        "replace workspace",
    ];
    assert_eq!(labels[..expected_start.len()], expected_start);
    for label in labels.iter().rev() {
        let (undone, _) = h.undo(&mut ws).unwrap();
        assert_eq!(&undone, label);
        assert_eq!(h.redo_label(), Some(label.as_str()));
    }
}

#[test]
fn undo_and_redo_report_the_touched_parts() {
    let mut ws = sample();
    let mut h = History::with_labels(command_label);
    let p = ws.products[0].id.clone();
    let item = ws.products[0].items[0].id.clone();
    let applied = h
        .apply(
            &mut ws,
            Command::Delete {
                product: p.clone(),
                kind: Kind::Item,
                id: item,
            },
        )
        .unwrap();
    let only_p = Changes {
        meta: false,
        products: vec![p],
    };
    assert_eq!(applied, only_p);
    assert_eq!(h.undo(&mut ws).unwrap().1, only_p);
    assert_eq!(h.redo(&mut ws).unwrap().1, only_p);
}

#[test]
fn history_keeps_only_the_last_limit_entries() {
    let (mut ws, mut h) = renamed(History::new(2, command_label), &["A", "B", "C"]);
    assert!(h.undo(&mut ws).is_some());
    assert!(h.undo(&mut ws).is_some());
    assert!(h.undo(&mut ws).is_none());
    assert_eq!(
        ws.portfolio.name, "A",
        "the oldest step fell off and cannot be undone"
    );
}

#[test]
fn a_zero_limit_still_keeps_one_entry() {
    let (mut ws, mut h) = renamed(History::new(0, command_label), &["A", "B"]);
    h.undo(&mut ws).unwrap();
    assert_eq!(ws.portfolio.name, "A");
    assert!(h.undo(&mut ws).is_none());
}

#[test]
fn clear_forgets_undo_and_redo() {
    let (mut ws, mut h) = renamed(History::with_labels(command_label), &["A", "B"]);
    h.undo(&mut ws);
    h.clear();
    assert_eq!((h.undo_label(), h.redo_label()), (None, None));
    assert!(h.undo(&mut ws).is_none() && h.redo(&mut ws).is_none());
    assert_eq!(ws.portfolio.name, "A");
}

/// Commands on one backlog item keep only that item in their undo step (not a copy of
/// the product); undo and redo must still give back exactly the states they left,
/// including at the ends of the list and when a change is refused halfway.
#[test]
fn item_steps_undo_and_redo_exactly_at_the_ends_and_when_refused() {
    let mut ws = sample();
    let mut h = History::with_labels(command_label);
    let p = trailhead(&ws).id.clone();
    let items = |ws: &Workspace| trailhead(ws).items.clone();
    let n = items(&ws).len();
    let (first, last) = (items(&ws)[0].id.clone(), items(&ws)[n - 1].id.clone());
    let reorder = |id: &Id, to_index| Command::Reorder {
        product: p.clone(),
        kind: Kind::Item,
        id: id.clone(),
        to_index,
    };
    let add = |key: &str, index| Command::Add {
        product: p.clone(),
        entity: Entity::Item(Item::new(id(key), ItemKind::Bug, key)),
        index,
    };
    let mut edited = items(&ws)[2].clone();
    edited.title = "Edited title".into();
    edited.acceptance.clear();
    let delete = |id: Id| Command::Delete {
        product: p.clone(),
        kind: Kind::Item,
        id,
    };
    let steps = vec![
        reorder(&first, n + 10),
        reorder(&last, 0),
        add("i-new-top", Some(0)),
        add("i-new-end", None),
        Command::Edit {
            product: p.clone(),
            entity: Entity::Item(edited),
        },
        delete(items(&ws)[1].id.clone()),
        delete(id("i-new-top")),
    ];
    let mut states = vec![ws.clone()];
    for cmd in steps {
        h.apply(&mut ws, cmd).unwrap();
        states.push(ws.clone());
    }
    assert_eq!(items(&ws).len(), n, "two added, two deleted");
    assert_eq!(items(&ws)[0].id, last);
    assert_eq!(items(&ws)[n - 2].id, first);

    // Refused after the change was made (the feature does not exist): nothing changes.
    let mut bad = items(&ws)[0].clone();
    bad.feature = Some(id("f-nowhere"));
    let before = ws.clone();
    assert!(h
        .apply(
            &mut ws,
            Command::Edit {
                product: p.clone(),
                entity: Entity::Item(bad),
            },
        )
        .is_err());
    assert_eq!(ws, before);

    for want in states.iter().rev().skip(1) {
        h.undo(&mut ws).unwrap();
        assert_eq!(&ws, want);
    }
    assert!(h.undo(&mut ws).is_none());
    for want in states.iter().skip(1) {
        h.redo(&mut ws).unwrap();
        assert_eq!(&ws, want);
    }
}

#[test]
fn an_undone_or_redone_move_names_what_it_moved() {
    let mut ws = workspace(vec![{
        let mut p = Product::new(id("p-1"), "Atlas");
        p.items = vec![story("i-1", None), story("i-2", None)];
        p
    }]);
    let mut h = History::default();
    h.apply(&mut ws, reorder_entity("p-1", Kind::Item, "i-2", 0))
        .unwrap();
    h.apply(
        &mut ws,
        edit_entity("p-1", Entity::Item(story("i-1", Some(3.0)))),
    )
    .unwrap();
    h.undo(&mut ws).unwrap();
    assert_eq!(h.undone_move(), None, "an edit moves nothing");
    h.undo(&mut ws).unwrap();
    assert_eq!(h.undone_move(), Some(&id("i-2")));
    h.redo(&mut ws).unwrap();
    assert_eq!(h.redone_move(), Some(&id("i-2")));
}
