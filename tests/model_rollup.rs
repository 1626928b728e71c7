#![cfg(not(target_arch = "wasm32"))]
//! Roll-ups up the hierarchy and key-result progress.

use twohats::model::rollup::*;
use twohats::model::*;

mod common;
use common::{feature, id, key_result, theme};

fn item(i: &str, feature: Option<&str>, estimate: Option<f64>, status: ItemStatus) -> Item {
    let mut x = Item::new(id(i), ItemKind::Task, i);
    (x.feature, x.estimate, x.status) = (feature.map(id), estimate, status);
    x
}

fn kr(start: f64, target: f64, current: f64) -> KeyResult {
    key_result("k-1", "KR", (start, target, current), "")
}

use ItemStatus::{Done, InProgress, Todo};

/// o-1 ← t-1 ← f-1 (i-1 done 5, i-2 todo 3, i-3 done unestimated), f-2 (i-4 in progress 2);
/// o-1 ← t-2 ← f-3 (i-5 done 8); t-3 (no objective) ← f-4 (i-6 todo 1);
/// f-5 has no theme (i-7 done 4); i-8 is an orphan (todo, unestimated).
fn product() -> Product {
    let mut p = Product::new(id("p-a"), "Atlas");
    p.objectives = vec![Objective {
        id: id("o-1"),
        title: "Grow".into(),
        key_results: vec![],
    }];
    p.themes = vec![
        theme("t-1", "t-1", Some("o-1")),
        theme("t-2", "t-2", Some("o-1")),
        theme("t-3", "t-3", None),
    ];
    p.features = [
        ("f-1", Some("t-1")),
        ("f-2", Some("t-1")),
        ("f-3", Some("t-2")),
        ("f-4", Some("t-3")),
        ("f-5", None),
    ]
    .into_iter()
    .map(|(f, t)| feature(f, f, t, None))
    .collect();
    p.items = vec![
        item("i-1", Some("f-1"), Some(5.0), Done),
        item("i-2", Some("f-1"), Some(3.0), Todo),
        item("i-3", Some("f-1"), None, Done),
        item("i-4", Some("f-2"), Some(2.0), InProgress),
        item("i-5", Some("f-3"), Some(8.0), Done),
        item("i-6", Some("f-4"), Some(1.0), Todo),
        item("i-7", Some("f-5"), Some(4.0), Done),
        item("i-8", None, None, Todo),
    ];
    p
}

fn rollup(
    items: usize,
    done_items: usize,
    points: f64,
    points_done: f64,
    unestimated: usize,
) -> Rollup {
    Rollup {
        items,
        done_items,
        points,
        points_done,
        unestimated,
    }
}

#[test]
fn the_fixture_is_valid() {
    assert_eq!(validate_product(&product()), Ok(()));
}

#[test]
fn rollup_of_counts_items_points_and_unestimated() {
    let p = product();
    assert_eq!(Rollup::of(&p.items), rollup(8, 4, 23.0, 17.0, 2));
    assert_eq!(Rollup::of(&p.items[..0]), Rollup::default());
    assert_eq!(
        Rollup::of(&p.items[2..3]),
        rollup(1, 1, 0.0, 0.0, 1),
        "an unestimated done item counts but adds no points"
    );
}

#[test]
fn percent_done_is_by_points_when_anything_is_estimated() {
    assert_eq!(rollup(3, 1, 10.0, 4.0, 1).percent_done(), Some(40.0));
    assert_eq!(rollup(2, 2, 6.0, 6.0, 0).percent_done(), Some(100.0));
    assert_eq!(rollup(2, 0, 6.0, 0.0, 0).percent_done(), Some(0.0));
}

#[test]
fn percent_done_is_by_count_when_nothing_is_estimated() {
    assert_eq!(rollup(4, 1, 0.0, 0.0, 4).percent_done(), Some(25.0));
    // Estimates of zero count as nothing estimated.
    let zeros = [
        item("i-1", None, Some(0.0), Done),
        item("i-2", None, Some(0.0), Todo),
    ];
    assert_eq!(Rollup::of(&zeros).percent_done(), Some(50.0));
}

#[test]
fn percent_done_is_none_when_empty() {
    assert_eq!(Rollup::default().percent_done(), None);
}

#[test]
fn feature_rollup_counts_only_its_items() {
    let p = product();
    assert_eq!(feature_rollup(&p, &id("f-1")), rollup(3, 2, 8.0, 5.0, 1));
    assert_eq!(feature_rollup(&p, &id("f-1")).percent_done(), Some(62.5));
    assert_eq!(feature_rollup(&p, &id("f-2")), rollup(1, 0, 2.0, 0.0, 0));
    assert_eq!(feature_rollup(&p, &id("f-404")), Rollup::default());
}

// Parallel to feature_rollup_counts_only_its_items on purpose: one test a level (feature,
// theme, objective), each with its own figures from the same product.
#[test]
fn theme_rollup_sums_its_features() {
    let p = product();
    assert_eq!(theme_rollup(&p, &id("t-1")), rollup(4, 2, 10.0, 5.0, 1));
    assert_eq!(theme_rollup(&p, &id("t-1")).percent_done(), Some(50.0));
    assert_eq!(theme_rollup(&p, &id("t-3")), rollup(1, 0, 1.0, 0.0, 0));
}

#[test]
fn objective_rollup_sums_its_themes() {
    let p = product();
    assert_eq!(
        objective_rollup(&p, &id("o-1")),
        rollup(5, 3, 18.0, 13.0, 1)
    );
    assert_eq!(objective_rollup(&p, &id("o-404")), Rollup::default());
}

#[test]
fn product_rollup_counts_every_item_orphans_included() {
    let r = product_rollup(&product());
    assert_eq!(r, rollup(8, 4, 23.0, 17.0, 2));
    assert_eq!(r.percent_done(), Some(100.0 * 17.0 / 23.0));
}

#[test]
fn key_result_progress_runs_from_start_to_target() {
    assert_eq!(key_result_progress(&kr(0.0, 200.0, 50.0)), Some(25.0));
    assert_eq!(
        key_result_progress(&kr(2_000.0, 10_000.0, 3_400.0)),
        Some(17.5)
    );
    assert_eq!(key_result_progress(&kr(10.0, 20.0, 10.0)), Some(0.0));
    assert_eq!(key_result_progress(&kr(10.0, 20.0, 20.0)), Some(100.0));
}

#[test]
fn key_result_progress_handles_decreasing_targets() {
    assert_eq!(key_result_progress(&kr(30.0, 5.0, 20.0)), Some(40.0));
    assert_eq!(key_result_progress(&kr(30.0, 5.0, 5.0)), Some(100.0));
    assert_eq!(
        key_result_progress(&kr(30.0, 5.0, 35.0)),
        Some(0.0),
        "getting worse clamps at 0"
    );
}

#[test]
fn key_result_progress_clamps_and_refuses_an_empty_span() {
    assert_eq!(key_result_progress(&kr(0.0, 10.0, 25.0)), Some(100.0));
    assert_eq!(key_result_progress(&kr(0.0, 10.0, -5.0)), Some(0.0));
    assert_eq!(key_result_progress(&kr(7.0, 7.0, 7.0)), None);
    assert_eq!(key_result_progress(&kr(0.0, f64::INFINITY, 1.0)), None);
    assert_eq!(key_result_progress(&kr(0.0, f64::NAN, 1.0)), None);
}

#[test]
fn sample_key_result_for_closures_is_at_forty_percent() {
    let ws = sample::sample_workspace(Day::new(2026, 3, 15).unwrap(), &mut sample::counter_ids());
    let k = ws.products[1].objectives[0]
        .key_results
        .iter()
        .find(|k| k.title == "Minutes to publish a closure")
        .unwrap();
    assert_eq!(key_result_progress(k), Some(40.0));
}

#[test]
fn orphans_lists_loose_items_features_and_themes_in_order() {
    let o = orphans(&product());
    assert_eq!(
        o,
        Orphans {
            items: vec![id("i-8")],
            features: vec![id("f-5")],
            themes: vec![id("t-3")]
        }
    );
    assert_eq!(
        orphans(&Product::new(id("p-e"), "Empty")),
        Orphans::default()
    );
}
