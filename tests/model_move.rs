#![cfg(not(target_arch = "wasm32"))]
//! `Command::Move`: re-parenting and placing themes, features and items, reordering
//! objectives, sprints and releases, and every refusal. A refusal names the entity and
//! why, and leaves the workspace exactly as it was; undo puts everything back.

mod common;
use common::*;
use std::collections::HashSet;
use twohats::model::outline::{outline, Filter, Row};
use twohats::model::*;
use twohats::text::command_label;

// ---------- fixture ----------

/// A story under `feature` and in `sprint`, 3 points.
fn item(i: &str, feature: Option<&str>, sprint: Option<&str>) -> Item {
    placed(i, feature, sprint, 3.0)
}

/// A planned sprint of 20 points.
fn planned(s: &str, name: &str) -> Sprint {
    sprint(s, name, SprintState::Planned, Some(20.0))
}

/// Atlas:
/// - objectives o-1 "Grow", o-2 "Retain", o-3 "Delight" (each with one key result ko-n);
/// - themes t-1 "Onboarding" (o-1), t-2 "Search" (o-1), t-3 "Billing" (o-2), t-4 "Someday" (loose);
/// - features f-1 "Signup" (t-1, r-1), f-2 "Tour" (t-1), f-3 "Filters" (t-2), f-4 "Invoices" (t-3),
///   f-5 "Stray" (loose);
/// - backlog, interleaved: i-1 (f-1, s-1), i-2 (f-2), i-3 (f-1), i-4 (loose), i-5 (f-1, s-2),
///   i-6 (f-3), i-7 (f-2), i-8 (loose);
/// - sprints s-1 "Sprint 1", s-2, s-3; releases r-1 "Spring", r-2 "Summer", r-3 "Autumn".
fn atlas() -> Product {
    let mut p = Product::new(id("p-a"), "Atlas");
    p.objectives = vec![
        objective("o-1", "Grow"),
        objective("o-2", "Retain"),
        objective("o-3", "Delight"),
    ];
    p.themes = vec![
        theme("t-1", "Onboarding", Some("o-1")),
        theme("t-2", "Search", Some("o-1")),
        theme("t-3", "Billing", Some("o-2")),
        theme("t-4", "Someday", None),
    ];
    p.features = vec![
        feature("f-1", "Signup", Some("t-1"), Some("r-1")),
        feature("f-2", "Tour", Some("t-1"), None),
        feature("f-3", "Filters", Some("t-2"), None),
        feature("f-4", "Invoices", Some("t-3"), None),
        feature("f-5", "Stray", None, None),
    ];
    p.items = vec![
        item("i-1", Some("f-1"), Some("s-1")),
        item("i-2", Some("f-2"), None),
        item("i-3", Some("f-1"), None),
        item("i-4", None, None),
        item("i-5", Some("f-1"), Some("s-2")),
        item("i-6", Some("f-3"), None),
        item("i-7", Some("f-2"), None),
        item("i-8", None, None),
    ];
    p.sprints = vec![
        planned("s-1", "Sprint 1"),
        planned("s-2", "Sprint 2"),
        planned("s-3", "Sprint 3"),
    ];
    p.releases = vec![
        release("r-1", "Spring"),
        release("r-2", "Summer"),
        release("r-3", "Autumn"),
    ];
    p
}

/// Beacon: theme t-9 "Lighthouse" (loose) with feature f-9 "Lamp" and item i-90.
fn beacon() -> Product {
    let mut p = Product::new(id("p-b"), "Beacon");
    p.themes = vec![theme("t-9", "Lighthouse", None)];
    p.features = vec![feature("f-9", "Lamp", Some("t-9"), None)];
    p.items = vec![item("i-90", Some("f-9"), None)];
    p
}

fn fixture() -> Workspace {
    workspace(vec![atlas(), beacon()])
}

fn a(ws: &Workspace) -> &Product {
    ws.product(&id("p-a")).expect("Atlas")
}

fn b(ws: &Workspace) -> &Product {
    ws.product(&id("p-b")).expect("Beacon")
}

/// The ids of `kind` whose parent is `parent`, in product order (the outline's order).
fn children(p: &Product, kind: Kind, parent: Option<&str>) -> Vec<String> {
    list(p, kind)
        .into_iter()
        .filter(|i| parent_of(p, kind, i).as_deref() == parent)
        .collect()
}

/// The parent id of a theme, feature or item.
fn parent_of(p: &Product, kind: Kind, i: &str) -> Option<String> {
    let i = id(i);
    let parent = match kind {
        Kind::Theme => p.theme(&i).unwrap().objective.clone(),
        Kind::Feature => p.feature(&i).unwrap().theme.clone(),
        Kind::Item => p.item(&i).unwrap().feature.clone(),
        other => panic!("{} has no parent", other.noun()),
    };
    parent.map(|x| x.to_string())
}

fn mv(kind: Kind, i: &str, parent: Option<&str>, before: Option<&str>) -> Command {
    move_entity("p-a", kind, i, parent, before)
}

/// Applies a command that must succeed; the result must still be a valid workspace, and
/// a move touches only its own product.
#[track_caller]
fn ok(ws: &mut Workspace, cmd: Command) {
    let (changes, _) = apply(ws, cmd).unwrap_or_else(|e| panic!("refused: {e}"));
    assert_eq!(
        changes,
        Changes {
            meta: false,
            products: vec![id("p-a")]
        }
    );
    validate_workspace(ws).unwrap_or_else(|e| panic!("left an invalid workspace: {e}"));
}

/// Atlas and Beacon after `cmd`, which must succeed as `ok` says.
#[track_caller]
fn moved(cmd: Command) -> Workspace {
    let mut ws = fixture();
    ok(&mut ws, cmd);
    ws
}

/// Applies a command that must be refused with exactly `at` and `what`, leaving `ws` as it was.
#[track_caller]
fn refused(ws: &Workspace, cmd: Command, at: &str, what: &str) {
    let mut after = ws.clone();
    let Err(err) = apply(&mut after, cmd.clone()) else {
        panic!("{cmd:?} should have been refused")
    };
    assert_eq!(&after, ws, "a refused move changed the workspace ({err})");
    assert_eq!(
        (
            without_ids(&err.at.to_string()).as_str(),
            err.problem.to_string().as_str()
        ),
        (at, what),
        "{cmd:?}"
    );
}

/// The ids of `kind` in `p`, space separated: "i-1 i-3 i-5".
fn order(p: &Product, kind: Kind) -> String {
    list(p, kind).join(" ")
}

/// The ids of `kind` under `parent` in `p`, space separated, in product order.
fn under(p: &Product, kind: Kind, parent: Option<&str>) -> String {
    children(p, kind, parent).join(" ")
}

fn strings(v: &[&str]) -> Vec<String> {
    v.iter().map(|s| s.to_string()).collect()
}

/// `v` without `x`, to compare the order of everything that did not move.
fn without(v: &[String], x: &str) -> Vec<String> {
    v.iter().filter(|s| *s != x).cloned().collect()
}

#[test]
fn fixture_is_a_valid_workspace() {
    assert_eq!(validate_workspace(&fixture()), Ok(()));
}

#[test]
fn parent_kind_and_kind_of() {
    assert_eq!(parent_kind(Kind::Theme), Some(Kind::Objective));
    assert_eq!(parent_kind(Kind::Feature), Some(Kind::Theme));
    assert_eq!(parent_kind(Kind::Item), Some(Kind::Feature));
    for k in [Kind::Objective, Kind::Sprint, Kind::Release] {
        assert_eq!(parent_kind(k), None, "{}", k.noun());
    }
    let p = atlas();
    let cases = [
        ("o-2", Some(Kind::Objective)),
        ("t-4", Some(Kind::Theme)),
        ("f-5", Some(Kind::Feature)),
        ("i-8", Some(Kind::Item)),
        ("s-3", Some(Kind::Sprint)),
        ("r-2", Some(Kind::Release)),
        ("ko-1", None),
        ("p-a", None),
        ("f-9", None),
        ("x-404", None),
    ];
    for (i, want) in cases {
        assert_eq!(kind_of(&p, &id(i)), want, "{i}");
    }
}

// ---------- themes ----------

// The theme, feature and item tests below are parallel on purpose, one named rule each
// (to the end of new siblings, loose, before a sibling); each states the order it expects.

#[test]
fn theme_moves_to_the_end_of_another_objectives_themes() {
    let ws = moved(mv(Kind::Theme, "t-1", Some("o-2"), None));
    let p = a(&ws);
    assert_eq!(order(p, Kind::Theme), "t-2 t-3 t-1 t-4");
    assert_eq!(under(p, Kind::Theme, Some("o-2")), "t-3 t-1");
    assert_eq!(under(p, Kind::Theme, Some("o-1")), "t-2");
    // Its features and items come along untouched.
    assert_eq!(p.features, atlas().features);
    assert_eq!(p.items, atlas().items);
}

#[test]
fn theme_moves_to_an_objective_with_no_themes() {
    let ws = moved(mv(Kind::Theme, "t-2", Some("o-3"), None));
    let p = a(&ws);
    // No sibling to follow: it goes to the end of the list.
    assert_eq!(order(p, Kind::Theme), "t-1 t-3 t-4 t-2");
    assert_eq!(parent_of(p, Kind::Theme, "t-2").as_deref(), Some("o-3"));
}

#[test]
fn theme_moves_loose_after_the_other_loose_themes() {
    let ws = moved(mv(Kind::Theme, "t-1", None, None));
    let p = a(&ws);
    assert_eq!(order(p, Kind::Theme), "t-2 t-3 t-4 t-1");
    assert_eq!(under(p, Kind::Theme, None), "t-4 t-1");
    assert_eq!(under(p, Kind::Theme, Some("o-1")), "t-2");
}

#[test]
fn theme_moves_before_a_sibling_under_its_new_objective() {
    let ws = moved(mv(Kind::Theme, "t-3", Some("o-1"), Some("t-1")));
    let p = a(&ws);
    assert_eq!(order(p, Kind::Theme), "t-3 t-1 t-2 t-4");
    assert_eq!(under(p, Kind::Theme, Some("o-1")), "t-3 t-1 t-2");
    assert_eq!(under(p, Kind::Theme, Some("o-2")), "");
    // A loose theme moved in front of a linked one.
    let ws = moved(mv(Kind::Theme, "t-4", Some("o-1"), Some("t-2")));
    assert_eq!(order(a(&ws), Kind::Theme), "t-1 t-4 t-2 t-3");
    assert_eq!(
        parent_of(a(&ws), Kind::Theme, "t-4").as_deref(),
        Some("o-1")
    );
}

// ---------- features ----------

#[test]
fn feature_moves_to_the_end_of_another_themes_features() {
    let ws = moved(mv(Kind::Feature, "f-1", Some("t-2"), None));
    let p = a(&ws);
    assert_eq!(order(p, Kind::Feature), "f-2 f-3 f-1 f-4 f-5");
    assert_eq!(under(p, Kind::Feature, Some("t-2")), "f-3 f-1");
    assert_eq!(under(p, Kind::Feature, Some("t-1")), "f-2");
    let f = p.feature(&id("f-1")).unwrap();
    assert_eq!(f.release, Some(id("r-1")), "a move keeps the release");
    assert_eq!(f.title, "Signup");
    // The items stay with their feature, in backlog order.
    assert_eq!(p.items, atlas().items);
}

#[test]
fn feature_moves_loose_and_into_an_empty_theme() {
    let ws = moved(mv(Kind::Feature, "f-1", None, None));
    assert_eq!(order(a(&ws), Kind::Feature), "f-2 f-3 f-4 f-5 f-1");
    assert_eq!(under(a(&ws), Kind::Feature, None), "f-5 f-1");

    let ws = moved(mv(Kind::Feature, "f-5", Some("t-4"), None));
    assert_eq!(order(a(&ws), Kind::Feature), "f-1 f-2 f-3 f-4 f-5");
    assert_eq!(under(a(&ws), Kind::Feature, Some("t-4")), "f-5");
    assert_eq!(under(a(&ws), Kind::Feature, None), "");
}

#[test]
fn feature_moves_before_a_sibling() {
    let ws = moved(mv(Kind::Feature, "f-4", Some("t-1"), Some("f-2")));
    let p = a(&ws);
    assert_eq!(order(p, Kind::Feature), "f-1 f-4 f-2 f-3 f-5");
    assert_eq!(under(p, Kind::Feature, Some("t-1")), "f-1 f-4 f-2");
    assert_eq!(under(p, Kind::Feature, Some("t-3")), "");
}

// ---------- items ----------

#[test]
fn item_moves_to_the_end_of_a_features_items_in_the_backlog() {
    let ws = moved(mv(Kind::Item, "i-8", Some("f-1"), None));
    let p = a(&ws);
    // Right after f-1's last item (i-5), not at the end of the backlog.
    assert_eq!(order(p, Kind::Item), "i-1 i-2 i-3 i-4 i-5 i-8 i-6 i-7");
    assert_eq!(under(p, Kind::Item, Some("f-1")), "i-1 i-3 i-5 i-8");
    let i = p.item(&id("i-8")).unwrap();
    assert_eq!(i.feature, Some(id("f-1")));
    assert_eq!(i.estimate, Some(3.0));
    assert_eq!(i.sprint, None);
}

#[test]
fn item_keeps_its_sprint_when_it_moves() {
    let ws = moved(mv(Kind::Item, "i-1", Some("f-3"), None));
    let p = a(&ws);
    assert_eq!(order(p, Kind::Item), "i-2 i-3 i-4 i-5 i-6 i-1 i-7 i-8");
    assert_eq!(p.item(&id("i-1")).unwrap().sprint, Some(id("s-1")));
}

#[test]
fn item_moves_loose_after_the_last_loose_item() {
    let ws = moved(mv(Kind::Item, "i-1", None, None));
    let p = a(&ws);
    assert_eq!(order(p, Kind::Item), "i-2 i-3 i-4 i-5 i-6 i-7 i-8 i-1");
    assert_eq!(under(p, Kind::Item, None), "i-4 i-8 i-1");
    // Into a feature with no items yet: no sibling to follow, so the end of the backlog.
    let ws = moved(mv(Kind::Item, "i-2", Some("f-5"), None));
    assert_eq!(order(a(&ws), Kind::Item), "i-1 i-3 i-4 i-5 i-6 i-7 i-8 i-2");
}

#[test]
fn item_moves_before_a_sibling() {
    let ws = moved(mv(Kind::Item, "i-7", Some("f-1"), Some("i-3")));
    let p = a(&ws);
    assert_eq!(order(p, Kind::Item), "i-1 i-2 i-7 i-3 i-4 i-5 i-6 i-8");
    assert_eq!(under(p, Kind::Item, Some("f-1")), "i-1 i-7 i-3 i-5");
    assert_eq!(under(p, Kind::Item, Some("f-2")), "i-2");
}

/// Every item, to every parent, before every other item or at the end: the others keep
/// their backlog order, the item lands where asked, and the rest of the product is untouched.
#[test]
fn every_item_move_keeps_the_backlog_order_of_the_other_items() {
    let base = fixture();
    let order = list(a(&base), Kind::Item);
    let parents = [
        None,
        Some("f-1"),
        Some("f-2"),
        Some("f-3"),
        Some("f-4"),
        Some("f-5"),
    ];
    let mut tried = 0;
    for moved in &order {
        for parent in parents {
            let befores = std::iter::once(None).chain(
                order
                    .iter()
                    .filter(|b| *b != moved)
                    .map(|b| Some(b.as_str())),
            );
            for before in befores {
                let mut ws = base.clone();
                ok(&mut ws, mv(Kind::Item, moved, parent, before));
                let p = a(&ws);
                let now = list(p, Kind::Item);
                let case = format!("{moved} → {parent:?} before {before:?}: {now:?}");
                assert_eq!(without(&now, moved), without(&order, moved), "{case}");
                assert_eq!(parent_of(p, Kind::Item, moved).as_deref(), parent, "{case}");
                let at = now.iter().position(|x| x == moved).unwrap();
                match before {
                    Some(b) => assert_eq!(now[at + 1], b, "{case}"),
                    None => {
                        let siblings = children(p, Kind::Item, parent);
                        assert_eq!(siblings.last(), Some(moved), "{case}");
                    }
                }
                assert_eq!(p.features, atlas().features, "{case}");
                assert_eq!(p.themes, atlas().themes, "{case}");
                assert_eq!(b(&ws), &beacon(), "{case}");
                tried += 1;
            }
        }
    }
    assert_eq!(tried, 8 * 6 * 8);
}

#[test]
fn every_feature_and_theme_move_keeps_the_order_of_the_others() {
    let base = fixture();
    let cases: [(Kind, Vec<Option<&str>>); 2] = [
        (
            Kind::Feature,
            vec![None, Some("t-1"), Some("t-2"), Some("t-3"), Some("t-4")],
        ),
        (
            Kind::Theme,
            vec![None, Some("o-1"), Some("o-2"), Some("o-3")],
        ),
    ];
    for (kind, parents) in cases {
        let order = list(a(&base), kind);
        for moved in &order {
            for parent in &parents {
                for before in std::iter::once(None).chain(
                    order
                        .iter()
                        .filter(|b| *b != moved)
                        .map(|b| Some(b.as_str())),
                ) {
                    let mut ws = base.clone();
                    ok(&mut ws, mv(kind, moved, *parent, before));
                    let p = a(&ws);
                    let now = list(p, kind);
                    let case = format!("{moved} → {parent:?} before {before:?}: {now:?}");
                    assert_eq!(without(&now, moved), without(&order, moved), "{case}");
                    assert_eq!(parent_of(p, kind, moved).as_deref(), *parent, "{case}");
                    let at = now.iter().position(|x| x == moved).unwrap();
                    match before {
                        Some(b) => assert_eq!(now[at + 1], b, "{case}"),
                        None => {
                            assert_eq!(children(p, kind, *parent).last(), Some(moved), "{case}")
                        }
                    }
                    assert_eq!(p.items, atlas().items, "{case}");
                }
            }
        }
    }
}

// ---------- move up / move down ----------

/// "Move up": before the previous sibling, under the same parent.
fn up(kind: Kind, i: &str, parent: Option<&str>, prev: &str) -> Command {
    mv(kind, i, parent, Some(prev))
}

/// "Move down": before the sibling after next, or last when there is none.
fn down(kind: Kind, i: &str, parent: Option<&str>, after_next: Option<&str>) -> Command {
    mv(kind, i, parent, after_next)
}

#[test]
fn move_up_and_down_among_interleaved_item_siblings() {
    // f-1's items are i-1, i-3, i-5 with i-2 and i-4 between them in the backlog.
    let ws = moved(down(Kind::Item, "i-1", Some("f-1"), Some("i-5")));
    assert_eq!(order(a(&ws), Kind::Item), "i-2 i-3 i-4 i-1 i-5 i-6 i-7 i-8");
    assert_eq!(under(a(&ws), Kind::Item, Some("f-1")), "i-3 i-1 i-5");

    let ws = moved(down(Kind::Item, "i-3", Some("f-1"), None));
    assert_eq!(order(a(&ws), Kind::Item), "i-1 i-2 i-4 i-5 i-3 i-6 i-7 i-8");
    assert_eq!(under(a(&ws), Kind::Item, Some("f-1")), "i-1 i-5 i-3");

    let ws = moved(up(Kind::Item, "i-5", Some("f-1"), "i-3"));
    assert_eq!(order(a(&ws), Kind::Item), "i-1 i-2 i-5 i-3 i-4 i-6 i-7 i-8");
    assert_eq!(under(a(&ws), Kind::Item, Some("f-1")), "i-1 i-5 i-3");

    // Loose items move among themselves too.
    let ws = moved(up(Kind::Item, "i-8", None, "i-4"));
    assert_eq!(order(a(&ws), Kind::Item), "i-1 i-2 i-3 i-8 i-4 i-5 i-6 i-7");
}

#[test]
fn move_down_of_the_last_sibling_keeps_it_last() {
    let ws = moved(down(Kind::Item, "i-5", Some("f-1"), None));
    let p = a(&ws);
    assert_eq!(under(p, Kind::Item, Some("f-1")), "i-1 i-3 i-5");
    assert_eq!(
        p.item(&id("i-5")).unwrap(),
        atlas().item(&id("i-5")).unwrap()
    );
    assert_eq!(
        without(&list(p, Kind::Item), "i-5"),
        without(&list(&atlas(), Kind::Item), "i-5")
    );
    let ws = moved(down(Kind::Feature, "f-2", Some("t-1"), None));
    assert_eq!(ws, fixture());
    let ws = moved(down(Kind::Theme, "t-2", Some("o-1"), None));
    assert_eq!(ws, fixture());
}

/// i-5 is already f-1's last item, with the loose i-4 between it and i-3 in the backlog.
/// Moving it "to the end of f-1" should leave it where it is.
#[test]
fn moving_an_item_to_the_end_of_the_feature_it_already_ends_keeps_its_backlog_rank() {
    let ws = moved(down(Kind::Item, "i-5", Some("f-1"), None));
    assert_eq!(order(a(&ws), Kind::Item), "i-1 i-2 i-3 i-4 i-5 i-6 i-7 i-8");
    assert_eq!(ws, fixture());
}

#[test]
fn move_up_and_down_for_themes_and_features() {
    let mut ws = moved(up(Kind::Theme, "t-2", Some("o-1"), "t-1"));
    assert_eq!(order(a(&ws), Kind::Theme), "t-2 t-1 t-3 t-4");
    ok(&mut ws, down(Kind::Theme, "t-2", Some("o-1"), None));
    assert_eq!(ws, fixture(), "down undoes up");

    let mut ws = moved(down(Kind::Feature, "f-1", Some("t-1"), None));
    assert_eq!(order(a(&ws), Kind::Feature), "f-2 f-1 f-3 f-4 f-5");
    ok(&mut ws, up(Kind::Feature, "f-1", Some("t-1"), "f-2"));
    assert_eq!(ws, fixture(), "up undoes down");
}

/// The hierarchy page issues moves from outline rows: up = before `prev`, down = before
/// `after_next`. Walking an item from first to last and back must visit every position.
#[test]
fn moves_built_from_outline_rows_walk_an_item_through_its_siblings() {
    fn row(ws: &Workspace, key: &str) -> Row {
        outline(a(ws), ws.roles, &HashSet::new(), &Filter::default())
            .into_iter()
            .find(|r| r.key == key)
            .unwrap_or_else(|| panic!("no row {key}"))
    }
    fn step(ws: &mut Workspace, key: &str, down: bool) {
        let r = row(ws, key);
        let before = if down { r.after_next } else { r.prev };
        let (parent, before) = (r.parent.as_ref(), before.as_ref());
        let cmd = mv(
            Kind::Item,
            key,
            parent.map(Id::as_str),
            before.map(Id::as_str),
        );
        ok(ws, cmd);
    }
    let mut ws = fixture();
    let r = row(&ws, "i-1");
    assert_eq!(
        (r.position, r.siblings, r.prev, r.next, r.after_next),
        (1, 3, None, Some(id("i-3")), Some(id("i-5")))
    );
    step(&mut ws, "i-1", true);
    assert_eq!(under(a(&ws), Kind::Item, Some("f-1")), "i-3 i-1 i-5");
    assert_eq!(row(&ws, "i-1").position, 2);
    step(&mut ws, "i-1", true);
    assert_eq!(under(a(&ws), Kind::Item, Some("f-1")), "i-3 i-5 i-1");
    let r = row(&ws, "i-1");
    assert_eq!((r.position, r.next), (3, None));
    step(&mut ws, "i-1", false);
    assert_eq!(under(a(&ws), Kind::Item, Some("f-1")), "i-3 i-1 i-5");
    step(&mut ws, "i-1", false);
    assert_eq!(under(a(&ws), Kind::Item, Some("f-1")), "i-1 i-3 i-5");
    // The other items never changed their relative order.
    assert_eq!(
        without(&list(a(&ws), Kind::Item), "i-1"),
        strings(&["i-2", "i-3", "i-4", "i-5", "i-6", "i-7", "i-8"])
    );
}

// ---------- objectives, sprints and releases: reorder only ----------

#[test]
fn objectives_sprints_and_releases_reorder_before_a_sibling_or_to_the_end() {
    for (kind, ids) in [
        (Kind::Objective, ["o-1", "o-2", "o-3"]),
        (Kind::Sprint, ["s-1", "s-2", "s-3"]),
        (Kind::Release, ["r-1", "r-2", "r-3"]),
    ] {
        let [x, y, z] = ids;
        let mut ws = moved(mv(kind, z, None, Some(x)));
        assert_eq!(list(a(&ws), kind), [z, x, y], "{}", kind.noun());
        ok(&mut ws, mv(kind, x, None, None));
        assert_eq!(list(a(&ws), kind), [z, y, x], "{}", kind.noun());
        ok(&mut ws, mv(kind, y, None, Some(x)));
        assert_eq!(
            list(a(&ws), kind),
            [z, y, x],
            "{} already there",
            kind.noun()
        );
        ok(&mut ws, mv(kind, x, None, Some(y)));
        assert_eq!(list(a(&ws), kind), [z, x, y], "{}", kind.noun());
        // Nothing else moved.
        let mut expected = atlas();
        match kind {
            Kind::Objective => expected.objectives = a(&ws).objectives.clone(),
            Kind::Sprint => expected.sprints = a(&ws).sprints.clone(),
            _ => expected.releases = a(&ws).releases.clone(),
        }
        assert_eq!(a(&ws), &expected, "{}", kind.noun());
    }
}

#[test]
fn moving_before_itself_changes_nothing() {
    for (kind, i, parent) in [
        (Kind::Objective, "o-2", None),
        (Kind::Theme, "t-2", Some("o-1")),
        (Kind::Feature, "f-2", Some("t-1")),
        (Kind::Item, "i-3", Some("f-1")),
        (Kind::Sprint, "s-2", None),
        (Kind::Release, "r-2", None),
    ] {
        let ws = moved(mv(kind, i, parent, Some(i)));
        assert_eq!(ws, fixture(), "{}", kind.noun());
    }
}

#[test]
fn moving_before_itself_under_a_new_parent_does_not_silently_drop_the_parent() {
    for (kind, i, parent) in [
        (Kind::Theme, "t-2", "o-3"),
        (Kind::Feature, "f-2", "t-3"),
        (Kind::Item, "i-3", "f-2"),
    ] {
        let mut ws = fixture();
        match apply(&mut ws, mv(kind, i, Some(parent), Some(i))) {
            // Refusing is fine; succeeding without the new parent is not.
            Err(_) => assert_eq!(ws, fixture()),
            Ok(_) => assert_eq!(
                parent_of(a(&ws), kind, i).as_deref(),
                Some(parent),
                "{} {i} was reported moved under {parent}",
                kind.noun()
            ),
        }
    }
}

// ---------- refusals ----------

// A table on purpose: each row is a move and the whole sentence refusing it, which is
// what the test is about (the batch test below is alike by shape only).
// Deliberately written out case by case (like the other refusal tables): each move's
// words are the assertion, so a failure names the case.
#[test]
fn move_refuses_a_parent_of_the_wrong_kind() {
    let ws = fixture();
    let cases = [
        (
            mv(Kind::Feature, "f-1", Some("o-1"), None),
            "feature 'Signup'",
            "a feature can only go under a theme, and 'Grow' is an objective",
        ),
        (
            mv(Kind::Feature, "f-1", Some("f-2"), None),
            "feature 'Signup'",
            "a feature can only go under a theme, and 'Tour' is a feature",
        ),
        (
            mv(Kind::Theme, "t-1", Some("f-3"), None),
            "theme 'Onboarding'",
            "a theme can only go under an objective, and 'Filters' is a feature",
        ),
        (
            mv(Kind::Theme, "t-1", Some("t-2"), None),
            "theme 'Onboarding'",
            "a theme can only go under an objective, and 'Search' is a theme",
        ),
        (
            mv(Kind::Item, "i-1", Some("t-1"), None),
            "item 'Item i-1'",
            "an item can only go under a feature, and 'Onboarding' is a theme",
        ),
        (
            mv(Kind::Item, "i-1", Some("i-2"), None),
            "item 'Item i-1'",
            "an item can only go under a feature, and 'Item i-2' is an item",
        ),
        (
            mv(Kind::Item, "i-1", Some("s-1"), Some("i-3")),
            "item 'Item i-1'",
            "an item can only go under a feature, and 'Sprint 1' is a sprint",
        ),
        (
            mv(Kind::Feature, "f-1", Some("r-2"), None),
            "feature 'Signup'",
            "a feature can only go under a theme, and 'Summer' is a release",
        ),
    ];
    for (cmd, at, what) in cases {
        refused(&ws, cmd, at, what);
    }
}

#[test]
fn move_refuses_a_parent_that_does_not_exist() {
    let ws = fixture();
    let cases = [
        (Kind::Feature, "f-1", "t-404", "feature 'Signup'"),
        (Kind::Item, "i-1", "f-404", "item 'Item i-1'"),
        (Kind::Theme, "t-1", "o-404", "theme 'Onboarding'"),
        // A parent in another product does not exist here.
        (Kind::Feature, "f-1", "t-9", "feature 'Signup'"),
        // Key results are not objectives.
        (Kind::Theme, "t-1", "ko-1", "theme 'Onboarding'"),
    ];
    for (kind, i, parent, at) in cases {
        let what = format!(
            "{} {parent} does not exist",
            parent_kind(kind).unwrap().noun()
        );
        refused(&ws, mv(kind, i, Some(parent), None), at, &what);
    }
}

#[test]
fn move_refuses_a_before_of_another_kind_or_missing() {
    let ws = fixture();
    let cases = [
        (Kind::Feature, "f-1", Some("t-2"), "t-2", "feature 'Signup'"),
        (Kind::Item, "i-1", Some("f-1"), "f-1", "item 'Item i-1'"),
        (Kind::Theme, "t-1", None, "o-1", "theme 'Onboarding'"),
        (Kind::Sprint, "s-1", None, "r-1", "sprint 'Sprint 1'"),
        (Kind::Item, "i-1", None, "i-404", "item 'Item i-1'"),
        (Kind::Item, "i-1", None, "i-90", "item 'Item i-1'"), // Beacon's item
    ];
    for (kind, i, parent, before, at) in cases {
        let what = format!("it can only be placed before another {}", kind.noun());
        refused(&ws, mv(kind, i, parent, Some(before)), at, &what);
    }
}

#[test]
fn move_refuses_an_id_that_does_not_exist() {
    let ws = fixture();
    let gone = "it does not exist (was it deleted in another tab?)";
    let cases = [
        (mv(Kind::Item, "i-404", Some("f-1"), None), "item i-404"),
        (mv(Kind::Theme, "t-404", None, None), "theme t-404"),
        (mv(Kind::Objective, "o-404", None, None), "objective o-404"),
        // The id exists, but not as the kind named.
        (mv(Kind::Feature, "t-1", Some("t-2"), None), "feature t-1"),
        // The id exists, but in another product.
        (mv(Kind::Item, "i-90", None, None), "item i-90"),
    ];
    for (cmd, at) in cases {
        refused(&ws, cmd, at, gone);
    }
    // The product itself is missing.
    let cmd = move_entity("p-404", Kind::Item, "i-1", None, None);
    refused(&ws, cmd, "product p-404", "this product does not exist");
}

#[test]
fn move_refuses_a_parent_for_objectives_sprints_and_releases() {
    let ws = fixture();
    let cmd = mv(Kind::Objective, "o-2", Some("o-1"), None);
    let what = "an objective has no parent to move into";
    refused(&ws, cmd, "objective 'Retain'", what);
    let cmd = mv(Kind::Sprint, "s-2", Some("s-1"), None);
    refused(
        &ws,
        cmd,
        "sprint 'Sprint 2'",
        "a sprint has no parent to move into",
    );
    let cmd = mv(Kind::Release, "r-2", Some("o-1"), Some("r-1"));
    refused(
        &ws,
        cmd,
        "release 'Summer'",
        "a release has no parent to move into",
    );
}

// Alike by shape only with the batch tests in model_commands and model_bounds: each batch
// test lists its own commands.
#[test]
fn a_refused_move_in_a_batch_rolls_back_the_moves_before_it() {
    let ws = fixture();
    let batch = batch(
        "tidy",
        vec![
            mv(Kind::Item, "i-8", Some("f-1"), None),
            mv(Kind::Feature, "f-5", Some("t-4"), None),
            mv(Kind::Feature, "f-1", Some("o-1"), None),
        ],
    );
    refused(
        &ws,
        batch,
        "feature 'Signup'",
        "a feature can only go under a theme, and 'Grow' is an objective",
    );
}

// ---------- undo ----------

#[test]
fn move_label_names_the_entity() {
    let ws = fixture();
    assert_eq!(
        command_label(&mv(Kind::Feature, "f-1", Some("t-2"), None), &ws),
        "move feature “Signup”"
    );
    assert_eq!(
        command_label(&mv(Kind::Item, "i-3", None, None), &ws),
        "move item “Item i-3”"
    );
    assert_eq!(
        command_label(&mv(Kind::Item, "i-404", None, None), &ws),
        "move item “”"
    );
}

#[test]
fn undo_of_each_move_restores_the_exact_workspace_and_redo_repeats_it() {
    let moves = [
        mv(Kind::Theme, "t-1", Some("o-2"), None),
        mv(Kind::Theme, "t-4", Some("o-1"), Some("t-2")),
        mv(Kind::Feature, "f-1", None, None),
        mv(Kind::Feature, "f-5", Some("t-1"), Some("f-1")),
        mv(Kind::Item, "i-8", Some("f-1"), Some("i-1")),
        mv(Kind::Item, "i-1", None, None),
        mv(Kind::Objective, "o-3", None, Some("o-1")),
        mv(Kind::Sprint, "s-1", None, None),
        mv(Kind::Release, "r-3", None, Some("r-2")),
    ];
    for cmd in moves {
        let mut ws = fixture();
        let mut h = History::with_labels(command_label);
        let label = command_label(&cmd, &ws);
        let changes = h.apply(&mut ws, cmd.clone()).unwrap();
        assert_eq!(changes.products, vec![id("p-a")]);
        assert_ne!(ws, fixture(), "{cmd:?} changed nothing");
        let moved = ws.clone();
        assert_eq!(h.undo_label(), Some(label.as_str()));
        let (undone, _) = h.undo(&mut ws).unwrap();
        assert_eq!(undone, label);
        assert_eq!(ws, fixture(), "undo of {cmd:?}");
        h.redo(&mut ws).unwrap();
        assert_eq!(ws, moved, "redo of {cmd:?}");
    }
}

#[test]
fn undo_walks_back_a_series_of_moves_one_at_a_time() {
    let mut ws = fixture();
    let mut h = History::with_labels(command_label);
    let mut states = vec![ws.clone()];
    for cmd in [
        mv(Kind::Item, "i-4", Some("f-2"), None),
        mv(Kind::Feature, "f-2", Some("t-3"), Some("f-4")),
        mv(Kind::Theme, "t-3", Some("o-3"), None),
        mv(Kind::Item, "i-4", None, Some("i-1")),
    ] {
        h.apply(&mut ws, cmd).unwrap();
        states.push(ws.clone());
    }
    assert_eq!(order(a(&ws), Kind::Item), "i-4 i-1 i-2 i-3 i-5 i-6 i-7 i-8");
    assert_eq!(under(a(&ws), Kind::Feature, Some("t-3")), "f-2 f-4");
    states.pop();
    while let Some(expected) = states.pop() {
        h.undo(&mut ws).unwrap();
        assert_eq!(ws, expected);
    }
    assert!(h.undo(&mut ws).is_none());
    assert_eq!(ws, fixture());
}

#[test]
fn a_refused_move_leaves_no_undo_entry() {
    let mut ws = fixture();
    let mut h = History::with_labels(command_label);
    assert!(h
        .apply(&mut ws, mv(Kind::Feature, "f-1", Some("o-1"), None))
        .is_err());
    assert_eq!(h.undo_label(), None);
    assert_eq!(ws, fixture());
}

#[test]
fn move_theme_across_products_then_move_within_the_new_one_undoes_exactly() {
    let mut ws = fixture();
    let mut h = History::with_labels(command_label);
    h.apply(
        &mut ws,
        Command::MoveTheme {
            from: id("p-a"),
            theme: id("t-1"),
            to: id("p-b"),
        },
    )
    .unwrap();
    let after_theme = ws.clone();
    assert_eq!(order(a(&ws), Kind::Theme), "t-2 t-3 t-4");
    assert_eq!(order(a(&ws), Kind::Feature), "f-3 f-4 f-5");
    assert_eq!(order(a(&ws), Kind::Item), "i-4 i-6 i-8");
    assert_eq!(order(b(&ws), Kind::Theme), "t-9 t-1");
    assert_eq!(order(b(&ws), Kind::Feature), "f-9 f-1 f-2");
    assert_eq!(order(b(&ws), Kind::Item), "i-90 i-1 i-2 i-3 i-5 i-7");
    assert_eq!(b(&ws).theme(&id("t-1")).unwrap().objective, None);
    assert_eq!(b(&ws).feature(&id("f-1")).unwrap().release, None);
    assert!(b(&ws).items.iter().all(|i| i.sprint.is_none()));

    // Now tidy up inside Beacon: the moved theme goes first, f-2 under Lighthouse.
    h.apply(
        &mut ws,
        move_entity("p-b", Kind::Theme, "t-1", None, Some("t-9")),
    )
    .unwrap();
    h.apply(
        &mut ws,
        move_entity("p-b", Kind::Feature, "f-2", Some("t-9"), None),
    )
    .unwrap();
    assert_eq!(order(b(&ws), Kind::Theme), "t-1 t-9");
    assert_eq!(order(b(&ws), Kind::Feature), "f-9 f-2 f-1");
    assert_eq!(under(b(&ws), Kind::Feature, Some("t-9")), "f-9 f-2");
    // Moving back under an objective of Atlas from Beacon is refused: it is not there.
    assert!(h
        .apply(
            &mut ws,
            move_entity("p-b", Kind::Theme, "t-1", Some("o-1"), None)
        )
        .is_err());

    h.undo(&mut ws).unwrap();
    h.undo(&mut ws).unwrap();
    assert_eq!(ws, after_theme);
    h.undo(&mut ws).unwrap();
    assert_eq!(ws, fixture());
    h.redo(&mut ws).unwrap();
    assert_eq!(ws, after_theme);
}
