#![cfg(not(target_arch = "wasm32"))]
//! Planning over time: dependencies, the records a burndown is drawn from, closing a
//! sprint, the burndown and slips.

use twohats::model::burndown::burndown;
use twohats::model::command::apply;
use twohats::model::dependencies::{item_blocks, OrderProblem};
use twohats::model::error::{Problem, Rule};
use twohats::model::records::stamp;
use twohats::model::slips::{slips, SlipCause};
use twohats::model::sprint_close::{close, CarryTo};
use twohats::model::*;

mod common;
use common::*;

fn day(s: &str) -> Day {
    Day::parse(s).unwrap()
}

/// Product p-1 with items a, b, c (3, 5, 2 points) and sprints s-1 (active) and s-2.
fn team() -> Workspace {
    let mut p = Product::new(id("p-1"), "Atlas");
    p.sprints = vec![
        sprint("s-1", "Sprint 1", SprintState::Active, Some(10.0)),
        sprint("s-2", "Sprint 2", SprintState::Planned, Some(10.0)),
    ];
    p.items = vec![
        placed("i-a", None, Some("s-1"), 3.0),
        placed("i-b", None, Some("s-1"), 5.0),
        placed("i-c", None, None, 2.0),
    ];
    workspace(vec![p])
}

fn item(ws: &Workspace, i: &str) -> Item {
    ws.products[0].item(&id(i)).unwrap().clone()
}

fn waits(ws: &mut Workspace, i: &str, on: &[&str]) -> Result<(), ModelError> {
    let mut x = item(ws, i);
    x.depends_on = ids(on);
    apply(ws, edit_entity("p-1", Entity::Item(x))).map(|_| ())
}

// ---------- dependencies ----------

/// The rule a refused edit broke (its words are tests/text.rs's).
fn broke(e: ModelError) -> Rule {
    match e.problem {
        Problem::Breaks(rule) => rule,
        other => panic!("not a broken rule: {other:?}"),
    }
}

#[test]
fn a_cycle_is_refused_with_the_titles_along_it() {
    let mut ws = team();
    waits(&mut ws, "i-a", &["i-b"]).unwrap();
    let Rule::Loop(titles) = broke(waits(&mut ws, "i-b", &["i-a"]).unwrap_err()) else {
        panic!("not a loop");
    };
    let mut sorted = titles.clone();
    sorted.sort();
    assert_eq!(sorted, ["Item i-a", "Item i-b"]);
    assert!(item(&ws, "i-b").depends_on.is_empty(), "nothing changed");
    // A longer loop is refused too, naming every step.
    waits(&mut ws, "i-b", &["i-c"]).unwrap();
    let Rule::Loop(titles) = broke(waits(&mut ws, "i-c", &["i-a"]).unwrap_err()) else {
        panic!("not a loop");
    };
    assert_eq!(titles.len(), 3, "{titles:?}");
}

#[test]
fn a_dependency_on_itself_or_on_nothing_is_refused() {
    let mut ws = team();
    let err = waits(&mut ws, "i-a", &["i-a"]).unwrap_err();
    assert_eq!(broke(err), Rule::WaitsForItself);
    let err = waits(&mut ws, "i-a", &["i-zz"]).unwrap_err();
    assert_eq!(broke(err), Rule::WaitsForMissing(Kind::Item, id("i-zz")));
    let err = waits(&mut ws, "i-a", &["i-b", "i-b"]).unwrap_err();
    assert_eq!(broke(err), Rule::WaitsTwice(Kind::Item, id("i-b")));
    let mut f = feature("f-1", "Maps", None, None);
    f.depends_on = ids(&["f-1"]);
    let err = apply(&mut ws, add_entity("p-1", Entity::Feature(f), None)).unwrap_err();
    assert_eq!(broke(err), Rule::WaitsForItself);
}

#[test]
fn deleting_a_blocker_removes_the_dependency_and_undo_puts_it_back() {
    let mut ws = team();
    waits(&mut ws, "i-a", &["i-b", "i-c"]).unwrap();
    let (_, before) = apply(&mut ws, delete_entity("p-1", Kind::Item, "i-b")).unwrap();
    assert_eq!(item(&ws, "i-a").depends_on, ids(&["i-c"]));
    before.restore(&mut ws);
    assert_eq!(item(&ws, "i-a").depends_on, ids(&["i-b", "i-c"]));
    assert!(validate_workspace(&ws).is_ok());
}

#[test]
fn deleting_a_theme_drops_dependencies_on_its_features() {
    let mut p = Product::new(id("p-1"), "Atlas");
    p.themes = vec![theme("t-1", "Maps", None)];
    let mut kept = feature("f-2", "Search", None, None);
    kept.depends_on = ids(&["f-1"]);
    p.features = vec![feature("f-1", "Offline", Some("t-1"), None), kept];
    let mut ws = workspace(vec![p]);
    apply(&mut ws, delete_entity("p-1", Kind::Theme, "t-1")).unwrap();
    assert!(ws.products[0].features[0].depends_on.is_empty());
}

#[test]
fn a_blocked_item_ranked_or_planned_before_its_blocker_is_flagged() {
    let mut ws = team();
    // a (Sprint 1, rank 1) waits for c (no sprint, rank 3): planned before it.
    waits(&mut ws, "i-a", &["i-c"]).unwrap();
    // c waits for nothing; b (rank 2) waits for a (rank 1): fine.
    waits(&mut ws, "i-b", &["i-a"]).unwrap();
    let p = &ws.products[0];
    let blocks = item_blocks(p);
    let (open, problem) = &blocks[&id("i-a")];
    assert_eq!(id_strings(open.iter().copied()), ["i-c"]);
    assert_eq!(problem, &Some(OrderProblem::PlannedBefore(id("i-c"))));
    assert_eq!(
        blocks[&id("i-b")].1,
        None,
        "b comes after a, in the same sprint"
    );
    // Unplanned but ranked above its blocker.
    let mut ws = team();
    waits(&mut ws, "i-c", &["i-b"]).unwrap();
    let mut c = item(&ws, "i-c");
    c.sprint = None;
    apply(&mut ws, edit_entity("p-1", Entity::Item(c))).unwrap();
    apply(&mut ws, reorder_entity("p-1", Kind::Item, "i-c", 0)).unwrap();
    let blocks = item_blocks(&ws.products[0]);
    assert_eq!(
        blocks[&id("i-c")].1,
        Some(OrderProblem::RankedBefore(id("i-b")))
    );
    // Once the blocker is done, nothing is blocked.
    let mut b = item(&ws, "i-b");
    b.status = ItemStatus::Done;
    apply(&mut ws, edit_entity("p-1", Entity::Item(b))).unwrap();
    assert!(item_blocks(&ws.products[0]).is_empty());
}

// ---------- records ----------

#[test]
fn marking_done_records_the_day_and_undoing_it_clears_it() {
    let ws = team();
    let mut a = item(&ws, "i-a");
    a.status = ItemStatus::Done;
    let stamped = stamp(
        edit_entity("p-1", Entity::Item(a.clone())),
        &ws,
        day("2026-03-04"),
    );
    let Command::Edit {
        entity: Entity::Item(x),
        ..
    } = stamped
    else {
        panic!()
    };
    assert_eq!(x.done_on, Some(day("2026-03-04")));
    // Back to in progress: the day goes.
    let mut ws2 = ws.clone();
    apply(&mut ws2, edit_entity("p-1", Entity::Item(x.clone()))).unwrap();
    let mut y = x.clone();
    y.status = ItemStatus::InProgress;
    let Command::Edit {
        entity: Entity::Item(y),
        ..
    } = stamp(edit_entity("p-1", Entity::Item(y)), &ws2, day("2026-03-05"))
    else {
        panic!()
    };
    assert_eq!(y.done_on, None);
    // An edit of a done item keeps the day it was done.
    let mut z = x.clone();
    z.title = "Renamed".into();
    let Command::Edit {
        entity: Entity::Item(z),
        ..
    } = stamp(edit_entity("p-1", Entity::Item(z)), &ws2, day("2026-03-09"))
    else {
        panic!()
    };
    assert_eq!(z.done_on, Some(day("2026-03-04")));
}

#[test]
fn starting_a_sprint_records_its_scope_inside_a_batch_too() {
    let ws = team();
    let mut s2 = ws.products[0].sprints[1].clone();
    s2.state = SprintState::Active;
    let mut c = item(&ws, "i-c");
    c.sprint = Some(id("s-2"));
    let mut ws2 = ws.clone();
    apply(&mut ws2, edit_entity("p-1", Entity::Item(c))).unwrap();
    let cmd = stamp(
        batch("start", vec![edit_entity("p-1", Entity::Sprint(s2))]),
        &ws2,
        day("2026-03-16"),
    );
    let Command::Batch { commands, .. } = cmd else {
        panic!()
    };
    let Command::Edit {
        entity: Entity::Sprint(s),
        ..
    } = &commands[0]
    else {
        panic!()
    };
    let scope = s.scope.clone().unwrap();
    assert_eq!(
        (scope.day, scope.points, scope.items),
        (day("2026-03-16"), 2.0, 1)
    );
}

// ---------- closing a sprint ----------

#[test]
fn closing_a_sprint_carries_each_unfinished_item_as_chosen_in_one_step() {
    let mut ws = team();
    let mut extra = placed("i-d", None, Some("s-1"), 1.0);
    extra.status = ItemStatus::Done;
    ws.products[0].items.push(extra);
    let carry = |i: &Id| {
        if i == &id("i-a") {
            CarryTo::NextSprint
        } else {
            CarryTo::Backlog
        }
    };
    let cmd = close(&ws.products[0], &id("s-1"), carry, |s| format!("[{s}]")).unwrap();
    // The undo step's words are the caller's, given the sprint's name.
    assert!(
        matches!(&cmd, Command::Batch { label, .. } if label == "[Sprint 1]"),
        "{cmd:?}"
    );
    let before = ws.clone();
    let (_, undo) = apply(&mut ws, cmd).unwrap();
    let p = &ws.products[0];
    assert_eq!(p.sprints[0].state, SprintState::Finished);
    assert_eq!(item(&ws, "i-a").sprint, Some(id("s-2")));
    assert_eq!(item(&ws, "i-b").sprint, None);
    assert_eq!(item(&ws, "i-d").sprint, Some(id("s-1")), "done work stays");
    // Velocity counts what was done: the one point of i-d.
    assert_eq!(planning::velocity(p), Some(1.0));
    undo.restore(&mut ws);
    assert_eq!(ws, before, "one undo puts it all back");
}

// ---------- burndown ----------

/// The team, its active sprint dated 2 to 13 March 2026.
fn dated_team() -> Workspace {
    let mut ws = team();
    let s = &mut ws.products[0].sprints[0];
    (s.start, s.end) = (Some(day("2026-03-02")), Some(day("2026-03-13")));
    ws
}

#[test]
fn the_burndown_counts_points_left_each_day_from_the_recorded_scope() {
    let mut ws = dated_team();
    let p = &mut ws.products[0];
    p.sprints[0].scope = Some(SprintScope {
        day: day("2026-03-02"),
        points: 8.0,
        items: 2,
    });
    p.items[0].status = ItemStatus::Done;
    p.items[0].done_on = Some(day("2026-03-04"));
    let b = burndown(p, &id("s-1"), day("2026-03-06")).unwrap();
    assert!(!b.recorded_late);
    assert_eq!(b.scope, 8.0);
    let left: Vec<f64> = b.left.iter().map(|(_, p)| *p).collect();
    assert_eq!(left, [8.0, 8.0, 5.0, 5.0, 5.0], "3 points done on the 4th");
    assert_eq!(b.left[0].0, day("2026-03-02"));
}

#[test]
fn an_older_sprint_says_its_burndown_starts_when_recording_began() {
    let mut ws = dated_team();
    let p = &mut ws.products[0];
    p.items[0].status = ItemStatus::Done; // done before recording: no day
    let b = burndown(p, &id("s-1"), day("2026-03-09")).unwrap();
    assert!(b.recorded_late);
    assert_eq!(b.from, day("2026-03-09"));
    assert_eq!(b.undated_done, 1);
    assert_eq!(b.left, vec![(day("2026-03-09"), 5.0)]);
    // An undated sprint has no burndown.
    p.sprints[0].start = None;
    assert!(burndown(p, &id("s-1"), day("2026-03-09")).is_none());
}

// ---------- slips ----------

/// Atlas with one release, "Spring" (`r-1`), on `date`.
fn with_release(date: &str) -> Product {
    let mut p = Product::new(id("p-1"), "Atlas");
    p.releases = vec![Release {
        id: id("r-1"),
        name: "Spring".into(),
        date: day(date),
    }];
    p
}

#[test]
fn a_feature_ending_after_its_release_slips_by_whole_weeks() {
    let mut p = with_release("2026-03-15");
    let mut f = feature("f-1", "Maps", None, Some("r-1"));
    f.start = Month::new(2026, 3);
    f.end = Month::new(2026, 4);
    p.features = vec![f];
    let s = slips(&p);
    assert_eq!(s[&id("f-1")].weeks, 7, "30 April is 46 days after 15 March");
    assert_eq!(s[&id("f-1")].cause, SlipCause::Release(id("r-1")));
}

#[test]
fn a_feature_that_starts_before_its_blocker_ends_slips() {
    let mut p = Product::new(id("p-1"), "Atlas");
    let mut a = feature("f-1", "Sync", None, None);
    (a.start, a.end) = (Month::new(2026, 3), Month::new(2026, 4));
    let mut b = feature("f-2", "Share", None, None);
    (b.start, b.end) = (Month::new(2026, 4), Month::new(2026, 5));
    b.depends_on = ids(&["f-1"]);
    p.features = vec![a, b];
    let s = slips(&p);
    assert_eq!(
        s[&id("f-2")],
        twohats::model::slips::Slip {
            weeks: 5,
            cause: SlipCause::Blocker(id("f-1"))
        }
    );
    assert!(!s.contains_key(&id("f-1")));
    // Starting in May, after the blocker ends, it does not slip.
    p.features[1].start = Month::new(2026, 5);
    assert!(slips(&p).is_empty());
}

#[test]
fn the_forecast_makes_a_feature_slip_too() {
    let mut p = with_release("2026-03-10");
    p.features = vec![feature("f-1", "Maps", None, Some("r-1"))];
    let mut s = sprint("s-1", "Sprint 1", SprintState::Active, Some(5.0));
    (s.start, s.end) = (Some(day("2026-03-02")), Some(day("2026-03-13")));
    p.sprints = vec![s];
    p.items = vec![placed("i-a", Some("f-1"), Some("s-1"), 3.0)];
    assert_eq!(
        slips(&p)[&id("f-1")].weeks,
        1,
        "the sprint ends on the 13th"
    );
}

#[test]
fn a_backlog_row_names_its_open_blockers_and_the_order_problem() {
    use twohats::model::backlog::{backlog_rows, BacklogFilter, Misplaced};
    use twohats::model::scoring::Scheme;
    let mut ws = team();
    waits(&mut ws, "i-a", &["i-c"]).unwrap();
    let rows = backlog_rows(&ws.products[0], &BacklogFilter::default(), Scheme::Rank);
    assert_eq!(rows[0].blocked_by, ["Item i-c"]);
    assert_eq!(
        rows[0].order_problem,
        Some((Misplaced::PlannedBefore, "Item i-c".into()))
    );
    assert!(rows[1].blocked_by.is_empty() && rows[1].order_problem.is_none());
}

#[test]
fn a_finished_blocker_holds_nothing_up() {
    let mut p = Product::new(id("p-1"), "Atlas");
    let mut a = feature("f-1", "Sync", None, None);
    (a.start, a.end, a.status) = (
        Month::new(2026, 3),
        Month::new(2026, 4),
        FeatureStatus::Done,
    );
    let mut b = feature("f-2", "Share", None, None);
    (b.start, b.end) = (Month::new(2026, 4), Month::new(2026, 5));
    b.depends_on = ids(&["f-1"]);
    p.features = vec![a, b];
    assert!(slips(&p).is_empty());
}
