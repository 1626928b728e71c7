#![cfg(not(target_arch = "wasm32"))]
//! The outline's keyboard: what each key does on a row, on real rows of the sample
//! product (a product, an objective, a key result, a folded and an open row, the first
//! and last of their siblings).

use std::collections::HashSet;
use twohats::model::outline::{outline, Filter, Row, RowKind};
use twohats::model::outline_keys::{key_action, step_command, KeyPlace, RowAction, Step};
use twohats::model::sample::{counter_ids, sample_workspace};
use twohats::model::*;

fn rows(collapsed: &[&str]) -> (Id, Vec<Row>) {
    let ws = sample_workspace(Day::new(2026, 3, 15).unwrap(), &mut counter_ids());
    let p = &ws.products[0];
    let collapsed: HashSet<String> = collapsed.iter().map(|s| s.to_string()).collect();
    let rows = outline(p, ws.roles, &collapsed, &Filter::default());
    (p.id.clone(), rows)
}

fn first(rows: &[Row], kind: RowKind) -> Row {
    rows.iter().find(|r| r.kind == kind).cloned().unwrap()
}

/// The first row of `kind` in the sample's outline, nothing folded.
fn row_of(kind: RowKind) -> Row {
    first(&rows(&[]).1, kind)
}

const LINE: KeyPlace = KeyPlace {
    panel_open: false,
    in_panel: false,
    on_title: false,
};
const TITLE: KeyPlace = KeyPlace {
    on_title: true,
    ..LINE
};

#[test]
fn arrows_home_and_end_move_the_focus_between_rows() {
    let item = row_of(RowKind::Item);
    for (key, step) in [
        ("ArrowUp", Step::Up),
        ("ArrowDown", Step::Down),
        ("Home", Step::First),
        ("End", Step::Last),
    ] {
        assert_eq!(
            key_action(key, false, &item, LINE),
            Some(RowAction::Focus(step))
        );
        assert_eq!(
            key_action(key, false, &item, TITLE),
            Some(RowAction::Focus(step))
        );
    }
}

#[test]
fn alt_arrows_move_entities_but_not_the_product_or_key_results() {
    for kind in [
        RowKind::Objective,
        RowKind::Theme,
        RowKind::Feature,
        RowKind::Item,
    ] {
        let row = row_of(kind);
        assert_eq!(
            key_action("ArrowDown", true, &row, LINE),
            Some(RowAction::Move { down: true }),
            "{kind:?}"
        );
        assert_eq!(
            key_action("ArrowUp", true, &row, LINE),
            Some(RowAction::Move { down: false })
        );
    }
    for kind in [RowKind::Product, RowKind::KeyResult] {
        let row = row_of(kind);
        assert_eq!(key_action("ArrowDown", true, &row, LINE), None, "{kind:?}");
    }
}

#[test]
fn left_folds_an_open_row_and_right_unfolds_a_folded_one_from_the_title_only() {
    let (_, open) = rows(&[]);
    let objective = first(&open, RowKind::Objective);
    assert!(objective.expanded && objective.has_children);
    assert_eq!(
        key_action("ArrowLeft", false, &objective, TITLE),
        Some(RowAction::Toggle)
    );
    assert_eq!(key_action("ArrowRight", false, &objective, TITLE), None);
    assert_eq!(key_action("ArrowLeft", false, &objective, LINE), None);

    let (_, folded) = rows(&[objective.key.as_str()]);
    let objective = first(&folded, RowKind::Objective);
    assert!(!objective.expanded);
    assert_eq!(
        key_action("ArrowRight", false, &objective, TITLE),
        Some(RowAction::Toggle)
    );
    assert_eq!(key_action("ArrowLeft", false, &objective, TITLE), None);

    let leaf = first(&folded, RowKind::KeyResult);
    assert_eq!(key_action("ArrowLeft", false, &leaf, TITLE), None);
}

#[test]
fn delete_asks_for_entities_only() {
    let item = row_of(RowKind::Item);
    assert_eq!(
        key_action("Delete", false, &item, LINE),
        Some(RowAction::AskDelete)
    );
    let kr = row_of(RowKind::KeyResult);
    assert_eq!(key_action("Delete", false, &kr, LINE), None);
}

#[test]
fn inside_a_panel_only_escape_acts_and_it_closes_the_panel() {
    let item = row_of(RowKind::Item);
    let typing = KeyPlace {
        panel_open: true,
        in_panel: true,
        on_title: false,
    };
    for key in ["ArrowUp", "Home", "End", "Delete", "ArrowLeft"] {
        assert_eq!(key_action(key, false, &item, typing), None, "{key}");
    }
    assert_eq!(
        key_action("Escape", false, &item, typing),
        Some(RowAction::ClosePanel)
    );
    // With the panel open and the focus back on the line, Escape still closes it.
    let on_line = KeyPlace {
        in_panel: false,
        ..typing
    };
    assert_eq!(
        key_action("Escape", false, &item, on_line),
        Some(RowAction::ClosePanel)
    );
    assert_eq!(key_action("Escape", false, &item, LINE), None);
}

#[test]
fn a_step_moves_before_the_sibling_after_next_and_the_ends_refuse() {
    let (product, rows) = rows(&[]);
    let objectives: Vec<&Row> = rows
        .iter()
        .filter(|r| r.kind == RowKind::Objective)
        .collect();
    assert!(objectives.len() >= 2, "the sample has several objectives");
    let (top, last) = (objectives[0], objectives[objectives.len() - 1]);
    assert_eq!(step_command(&product, top, false), None);
    assert_eq!(step_command(&product, last, true), None);
    let Some(Command::Move {
        id, before, kind, ..
    }) = step_command(&product, top, true)
    else {
        panic!("the first objective can go down");
    };
    assert_eq!((kind, &id), (Kind::Objective, top.id.as_ref().unwrap()));
    assert_eq!(before, top.after_next);
    let Some(Command::Move { before, .. }) = step_command(&product, last, false) else {
        panic!("the last objective can go up");
    };
    assert_eq!(before, last.prev);
    let kr = first(&rows, RowKind::KeyResult);
    assert_eq!(
        step_command(&product, &kr, true),
        None,
        "key results do not move"
    );
}
