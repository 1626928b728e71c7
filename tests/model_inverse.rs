#![cfg(not(target_arch = "wasm32"))]
//! An undo another tab can replay: the inverse of a command, applied after it, gives back
//! the document as it was — and applied on a document another tab changed beside it,
//! takes back this change alone.

use twohats::model::inverse::inverse;
use twohats::model::*;

mod common;
use common::{
    add_entity, delete_entity, edit_entity, feature, id, move_entity, objective, placed,
    reorder_entity, story, theme, workspace, ProductBuilder,
};

fn atlas() -> Workspace {
    let p = ProductBuilder::atlas()
        .backlog("i-1 3, i-2 5, i-3 -")
        .build();
    workspace(vec![p])
}

fn retitled(i: &str, title: &str) -> Entity {
    let mut item = story(i, Some(3.0));
    item.title = title.into();
    Entity::Item(item)
}

/// `cmd` then its inverse leaves `ws` as it was.
fn round_trip(ws: &Workspace, cmd: Command) {
    let back = inverse(ws, &cmd).unwrap_or_else(|| panic!("no inverse for {cmd:?}"));
    let mut w = ws.clone();
    apply(&mut w, cmd.clone()).expect("the command applies");
    assert_ne!(&w, ws, "{cmd:?} changed nothing");
    apply(&mut w, back).expect("its inverse applies");
    assert_eq!(&w, ws, "{cmd:?} then its inverse");
}

#[test]
fn each_command_with_an_inverse_is_taken_back_exactly() {
    let ws = atlas();
    let p = "p-a";
    round_trip(
        &ws,
        add_entity(p, Entity::Item(story("i-9", None)), Some(1)),
    );
    round_trip(&ws, edit_entity(p, retitled("i-2", "Renamed")));
    round_trip(&ws, delete_entity(p, Kind::Item, "i-2"));
    round_trip(&ws, reorder_entity(p, Kind::Item, "i-1", 2));
    round_trip(&ws, reorder_entity(p, Kind::Item, "i-3", 0));
    round_trip(&ws, Command::RenamePortfolio("Elsewhere".into()));
    round_trip(&ws, Command::SetRoles(RoleSetting::NoPm));
    round_trip(
        &ws,
        Command::Rerank {
            product: id(p),
            order: vec![id("i-3"), id("i-1"), id("i-2")],
        },
    );
    round_trip(
        &ws,
        Command::SetDefinitionOfReady {
            product: id(p),
            rules: vec![],
        },
    );
}

#[test]
fn an_undone_add_replayed_on_another_tabs_document_keeps_that_tabs_edit() {
    let ws = atlas();
    let add = add_entity("p-a", Entity::Item(story("i-9", None)), None);
    let back = inverse(&ws, &add).expect("an add has an inverse");
    // Another tab took the add, then renamed another item.
    let mut theirs = ws.clone();
    apply(&mut theirs, add).unwrap();
    apply(&mut theirs, edit_entity("p-a", retitled("i-1", "Theirs"))).unwrap();
    apply(&mut theirs, back).expect("the undo replays there");
    let p = &theirs.products[0];
    assert!(
        p.item(&id("i-9")).is_none(),
        "the undone add is gone there too"
    );
    assert_eq!(p.item(&id("i-1")).unwrap().title, "Theirs");
}

#[test]
fn a_delete_that_clears_other_links_or_cascades_has_no_inverse() {
    let mut ws = atlas();
    ws.products[0].items[0].depends_on = vec![id("i-2")];
    assert_eq!(inverse(&ws, &delete_entity("p-a", Kind::Item, "i-2")), None);
    let theme = Entity::Theme(common::theme("t-1", "Sync", None));
    apply(&mut ws, add_entity("p-a", theme, None)).unwrap();
    assert_eq!(
        inverse(&ws, &delete_entity("p-a", Kind::Theme, "t-1")),
        None
    );
}

/// A product with two objectives, two themes, two features and items under them and
/// loose, interleaved so that a move changes both the parent and the place.
fn planned() -> Workspace {
    let p = ProductBuilder::atlas()
        .objectives([objective("o-1", "Grow"), objective("o-2", "Keep")])
        .themes([
            theme("t-1", "Sync", Some("o-1")),
            theme("t-2", "Share", None),
        ])
        .features([
            feature("f-1", "Offline", Some("t-1"), None),
            feature("f-2", "Links", None, None),
        ])
        .items([
            placed("i-1", Some("f-1"), None, 3.0),
            placed("i-2", None, None, 2.0),
            placed("i-3", Some("f-2"), None, 1.0),
            placed("i-4", Some("f-1"), None, 5.0),
        ])
        .build();
    workspace(vec![p])
}

/// A move to another parent (or none), and a move among its kind, are taken back to
/// the same parent and the same place — so another tab can replay the undo of a drag.
#[test]
fn a_move_is_taken_back_to_its_parent_and_its_place() {
    let ws = planned();
    // What moves, under which parent, before which sibling.
    let moves = [
        (Kind::Item, "i-1", Some("f-2"), None),
        (Kind::Item, "i-4", None, Some("i-2")),
        (Kind::Item, "i-2", Some("f-1"), Some("i-1")),
        (Kind::Item, "i-3", Some("f-1"), Some("i-3")),
        (Kind::Feature, "f-1", Some("t-2"), None),
        (Kind::Feature, "f-2", Some("t-1"), Some("f-1")),
        (Kind::Theme, "t-2", Some("o-1"), Some("t-1")),
        (Kind::Theme, "t-1", None, None),
        (Kind::Objective, "o-2", None, Some("o-1")),
    ];
    for (kind, what, parent, before) in moves {
        round_trip(&ws, move_entity("p-a", kind, what, parent, before));
    }
}
