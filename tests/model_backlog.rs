#![cfg(not(target_arch = "wasm32"))]
//! The backlog view and what feeds it: prioritisation scores, the Definition of Ready,
//! sprint load, velocity and the forecast, filtered and sorted rows, and the two backlog
//! commands (`Rerank`, `SetDefinitionOfReady`).

use twohats::model::backlog::{
    backlog_rows, ranked_ids, BacklogFilter, BacklogRow, Forecast, RefFilter,
};
use twohats::model::error::{At, Name, Place, Problem};
use twohats::model::planning::{forecast, sprint_load, sprint_loads, velocity, Slot, SprintLoad};
use twohats::model::readiness::{is_ready, meets, missing};
use twohats::model::sample::{counter_ids, sample_workspace};
use twohats::model::scoring::{moscow, order_by, rice, score, value_effort, wsjf, Scheme};
use twohats::model::*;
use twohats::text::command_label;
use twohats::text::numbers::points;

mod common;
use common::*;

// ---------- scoring ----------

fn scored(f: impl FnOnce(&mut ScoreInputs)) -> Item {
    let mut x = story("i-1", None);
    f(&mut x.scores);
    x
}

fn full_scores(s: &mut ScoreInputs) {
    s.value = Some(3.0);
    s.effort = Some(2.0);
    s.business_value = Some(8.0);
    s.time_criticality = Some(5.0);
    s.risk_reduction = Some(3.0);
    s.job_size = Some(4.0);
    s.reach = Some(500.0);
    s.impact = Some(2.0);
    s.confidence = Some(80.0);
}

#[test]
fn value_effort_divides_value_by_effort() {
    assert_eq!(value_effort(&scored(full_scores)), Some(1.5));
    let third = value_effort(&scored(|s| {
        s.value = Some(1.0);
        s.effort = Some(3.0);
    }))
    .unwrap();
    assert!((third - 1.0 / 3.0).abs() < 1e-12);
    assert_eq!(
        value_effort(&scored(|s| {
            s.value = Some(0.0);
            s.effort = Some(5.0);
        })),
        Some(0.0)
    );
}

#[test]
fn value_effort_is_none_without_inputs_or_with_zero_effort() {
    assert_eq!(value_effort(&story("i-1", Some(3.0))), None);
    assert_eq!(value_effort(&scored(|s| s.value = Some(4.0))), None);
    assert_eq!(value_effort(&scored(|s| s.effort = Some(4.0))), None);
    assert_eq!(
        value_effort(&scored(|s| {
            s.value = Some(4.0);
            s.effort = Some(0.0);
        })),
        None
    );
}

/// An item with the full scores, changed by `f`.
fn full_but(f: impl FnOnce(&mut ScoreInputs)) -> Item {
    scored(|s| {
        full_scores(s);
        f(s);
    })
}

/// `score` has no value once any one of `inputs` is cleared from the full scores.
#[track_caller]
fn needs_each(score: fn(&Item) -> Option<f64>, inputs: [fn(&mut ScoreInputs); 4]) {
    for (n, clear) in inputs.into_iter().enumerate() {
        assert_eq!(score(&full_but(clear)), None, "input {n} missing");
    }
}

#[test]
fn wsjf_is_cost_of_delay_over_job_size() {
    // (8 + 5 + 3) / 4
    assert_eq!(wsjf(&scored(full_scores)), Some(4.0));
    // (8 + 5 + 3) / 5
    assert_eq!(wsjf(&full_but(|s| s.job_size = Some(5.0))), Some(3.2));
    let no_cost_of_delay = full_but(|s| {
        s.business_value = Some(0.0);
        s.time_criticality = Some(0.0);
        s.risk_reduction = Some(0.0);
    });
    assert_eq!(wsjf(&no_cost_of_delay), Some(0.0));
}

#[test]
fn wsjf_is_none_when_an_input_is_missing_or_job_size_is_zero() {
    needs_each(
        wsjf,
        [
            |s| s.business_value = None,
            |s| s.time_criticality = None,
            |s| s.risk_reduction = None,
            |s| s.job_size = None,
        ],
    );
    assert_eq!(wsjf(&full_but(|s| s.job_size = Some(0.0))), None);
    assert_eq!(wsjf(&story("i-1", Some(1.0))), None);
}

/// RICE of an item with only reach, impact, confidence and effort set.
fn rice_of(reach: f64, impact: f64, confidence: f64, effort: f64) -> Option<f64> {
    rice(&scored(|s| {
        (s.reach, s.impact) = (Some(reach), Some(impact));
        (s.confidence, s.effort) = (Some(confidence), Some(effort));
    }))
}

#[test]
fn rice_is_reach_impact_confidence_over_effort() {
    // 500 × 2 × 0.8 / 4
    assert_eq!(rice_of(500.0, 2.0, 80.0, 4.0), Some(200.0));
    // 100 × 1 × 0.5 / 2
    assert_eq!(rice_of(100.0, 1.0, 50.0, 2.0), Some(25.0));
    // Full scores: 500 × 2 × 0.8 / 2 (the shared effort input)
    assert_eq!(rice(&scored(full_scores)), Some(400.0));
    assert_eq!(rice(&full_but(|s| s.confidence = Some(0.0))), Some(0.0));
}

// Deliberately the same shape as the WSJF test above (the duplicates scan pairs them):
// each names, as its assertion, the four inputs its own formula cannot do without.
#[test]
fn rice_is_none_when_an_input_is_missing_or_effort_is_zero() {
    needs_each(
        rice,
        [
            |s| s.reach = None,
            |s| s.impact = None,
            |s| s.confidence = None,
            |s| s.effort = None,
        ],
    );
    assert_eq!(rice(&full_but(|s| s.effort = Some(0.0))), None);
}

#[test]
fn moscow_numbers_must_highest() {
    let with = |p: Option<Priority>| {
        let mut x = story("i-1", None);
        x.priority = p;
        moscow(&x)
    };
    assert_eq!(with(Some(Priority::Must)), Some(4.0));
    assert_eq!(with(Some(Priority::Should)), Some(3.0));
    assert_eq!(with(Some(Priority::Could)), Some(2.0));
    assert_eq!(with(Some(Priority::Wont)), Some(1.0));
    assert_eq!(with(None), None);
}

#[test]
fn score_dispatches_by_scheme_and_rank_has_no_score() {
    let mut x = scored(full_scores);
    x.priority = Some(Priority::Should);
    assert_eq!(score(Scheme::Rank, &x), None);
    assert_eq!(score(Scheme::Moscow, &x), Some(3.0));
    assert_eq!(score(Scheme::ValueEffort, &x), Some(1.5));
    assert_eq!(score(Scheme::Wsjf, &x), Some(4.0));
    assert_eq!(score(Scheme::Rice, &x), Some(400.0));
}

#[test]
fn scheme_keys_round_trip() {
    let keys: Vec<&str> = Scheme::ALL.iter().map(|s| s.key()).collect();
    assert_eq!(keys, ["rank", "moscow", "value-effort", "wsjf", "rice"]);
    for s in Scheme::ALL {
        assert_eq!(Scheme::from_key(s.key()), Some(s));
    }
    assert_eq!(Scheme::from_key("RICE"), None);
    assert_eq!(Scheme::from_key(""), None);
    assert_eq!(Scheme::Wsjf.label(), "WSJF");
    assert_eq!(Scheme::ValueEffort.label(), "Value / effort");
    assert_eq!(Scheme::Rank.label(), "Backlog rank");
}

fn ve_item(i: &str, value: Option<f64>, effort: Option<f64>) -> Item {
    let mut x = story(i, None);
    x.scores.value = value;
    x.scores.effort = effort;
    x
}

#[test]
fn order_by_puts_highest_first_unscored_last_and_ties_stable() {
    let items = [
        ve_item("i-1", Some(2.0), Some(2.0)), // 1
        ve_item("i-2", None, Some(1.0)),      // none
        ve_item("i-3", Some(6.0), Some(2.0)), // 3
        ve_item("i-4", Some(1.0), Some(1.0)), // 1 (tie with i-1)
        ve_item("i-5", Some(1.0), Some(0.0)), // none (zero effort)
        ve_item("i-6", Some(1.0), Some(4.0)), // 0.25
        ve_item("i-7", Some(3.0), Some(3.0)), // 1 (tie with i-1 and i-4)
    ];
    let refs: Vec<&Item> = items.iter().collect();
    assert_eq!(
        order_by(Scheme::ValueEffort, &refs),
        vec![2, 0, 3, 6, 5, 1, 4]
    );
    assert_eq!(order_by(Scheme::Rank, &refs), vec![0, 1, 2, 3, 4, 5, 6]);
    // Nothing scored by WSJF: every item is "unscored", so the order is kept.
    assert_eq!(order_by(Scheme::Wsjf, &refs), vec![0, 1, 2, 3, 4, 5, 6]);
    assert_eq!(order_by(Scheme::Rice, &[]), Vec::<usize>::new());
}

#[test]
fn order_by_moscow_keeps_backlog_order_within_a_priority() {
    let pr = [
        Some(Priority::Could),
        Some(Priority::Must),
        None,
        Some(Priority::Wont),
        Some(Priority::Must),
        Some(Priority::Should),
        Some(Priority::Could),
    ];
    let items: Vec<Item> = pr
        .iter()
        .enumerate()
        .map(|(n, p)| {
            let mut x = story(&format!("i-{n}"), None);
            x.priority = *p;
            x
        })
        .collect();
    let refs: Vec<&Item> = items.iter().collect();
    assert_eq!(order_by(Scheme::Moscow, &refs), vec![1, 4, 5, 0, 6, 3, 2]);
}

#[test]
fn points_drop_a_zero_fraction() {
    assert_eq!(points(3.0), "3");
    assert_eq!(points(0.0), "0");
    assert_eq!(points(13.0), "13");
    assert_eq!(points(2.5), "2.5");
    assert_eq!(points(0.5), "0.5");
}

// ---------- readiness ----------

#[test]
fn each_ready_rule_met_and_not_met() {
    let bare = story("i-1", None);
    for r in ReadyRule::ALL {
        assert!(!meets(r, &bare), "{r:?} on a bare item");
    }

    let mut x = bare.clone();
    x.acceptance = vec![criterion("c-1")];
    assert!(meets(ReadyRule::HasAcceptanceCriteria, &x));

    let mut x = bare.clone();
    x.estimate = Some(0.0);
    assert!(meets(ReadyRule::IsEstimated, &x), "zero is an estimate");

    let mut x = bare.clone();
    x.feature = Some(id("f-1"));
    assert!(meets(ReadyRule::HasParentFeature, &x));

    let mut x = bare.clone();
    x.priority = Some(Priority::Wont);
    assert!(meets(ReadyRule::HasPriority, &x));
}

#[test]
fn has_description_accepts_a_description_or_the_story_want() {
    let mut x = story("i-1", None);
    x.description = "   \n ".into();
    x.story.i_want = "  ".into();
    assert!(!meets(ReadyRule::HasDescription, &x), "blank text");

    let mut y = x.clone();
    y.description = "Why it matters".into();
    assert!(meets(ReadyRule::HasDescription, &y));

    let mut z = x.clone();
    z.story.i_want = "to save a trip".into();
    assert!(meets(ReadyRule::HasDescription, &z));

    let mut w = x.clone();
    w.story.as_a = "hiker".into();
    w.story.so_that = "I plan ahead".into();
    assert!(
        !meets(ReadyRule::HasDescription, &w),
        "only 'I want' counts from the story"
    );
}

#[test]
fn missing_follows_the_rule_list_order() {
    let bare = story("i-1", None);
    let rules = [
        ReadyRule::HasPriority,
        ReadyRule::IsEstimated,
        ReadyRule::HasParentFeature,
        ReadyRule::HasAcceptanceCriteria,
    ];
    assert_eq!(missing(&rules, &bare), rules.to_vec());

    let mut x = bare.clone();
    x.estimate = Some(3.0);
    x.priority = Some(Priority::Must);
    assert_eq!(
        missing(&rules, &x),
        vec![
            ReadyRule::HasParentFeature,
            ReadyRule::HasAcceptanceCriteria
        ]
    );
    let reversed: Vec<ReadyRule> = rules.iter().rev().copied().collect();
    assert_eq!(
        missing(&reversed, &x),
        vec![
            ReadyRule::HasAcceptanceCriteria,
            ReadyRule::HasParentFeature
        ]
    );
}

#[test]
fn missing_is_empty_exactly_when_the_item_is_ready() {
    use ReadyRule::*;
    let rules = ReadyRule::defaults();
    let mut x = story("i-1", None);
    x.acceptance = vec![criterion("c-1")];
    assert!(!is_ready(&rules, &x));
    assert_eq!(missing(&rules, &x), [IsEstimated, HasParentFeature]);

    x.estimate = Some(2.0);
    assert_eq!(missing(&rules, &x), [HasParentFeature]);

    x.feature = Some(id("f-1"));
    assert!(is_ready(&rules, &x));
    assert_eq!(missing(&rules, &x), Vec::<ReadyRule>::new());

    assert_eq!(missing(&ReadyRule::ALL, &x), [HasDescription, HasPriority]);
    assert_eq!(
        missing(&ReadyRule::ALL, &story("i-2", None)),
        ReadyRule::ALL
    );
}

#[test]
fn an_empty_rule_list_is_always_ready() {
    let x = story("i-1", None);
    assert!(is_ready(&[], &x));
    assert_eq!(missing(&[], &x), Vec::<ReadyRule>::new());
}

// ---------- sprint load and velocity ----------

/// Atlas with sprints and a backlog in the builder's notation (see `ProductBuilder::plan`
/// and `ProductBuilder::backlog`).
fn product(sprints: &str, items: &str) -> Product {
    ProductBuilder::atlas().plan(sprints).backlog(items).build()
}

/// committed, done, items, unestimated, over by: the load of each sprint in order.
fn loads(p: &Product) -> Vec<(f64, f64, usize, usize, Option<f64>)> {
    p.sprints
        .iter()
        .map(|s| {
            let l = sprint_load(p, s);
            (l.committed, l.done, l.items, l.unestimated, l.over_by())
        })
        .collect()
}

#[test]
fn sprint_load_counts_committed_done_and_unestimated() {
    let p = product(
        "s-2 active 10, s-3 planned -, s-4 planned 5",
        "i-1 5 s-2 done, i-2 4 s-2, i-3 3 s-2 doing, i-4 - s-2, i-5 - s-2 done, i-6 8 s-3, i-7 13",
    );
    let load = sprint_load(&p, &p.sprints[0]);
    assert_eq!(
        load,
        SprintLoad {
            sprint: id("s-2"),
            committed: 12.0,
            done: 5.0,
            items: 5,
            unestimated: 2,
            capacity: Some(10.0),
            limit: Some(10.0),
            by_velocity: None,
        }
    );
    assert_eq!(load.over_by(), Some(2.0));
    // s-3 has no capacity, so it is never over; s-4 holds nothing.
    assert_eq!(
        loads(&p)[1..],
        [(8.0, 0.0, 1, 0, None), (0.0, 0.0, 0, 0, None)]
    );
    assert_eq!(sprint_load(&p, &p.sprints[1]).capacity, None);
}

#[test]
fn over_by_is_none_at_exact_capacity() {
    let p = product("s-1 planned 10", "i-1 6 s-1, i-2 4 s-1");
    assert_eq!(loads(&p), [(10.0, 0.0, 2, 0, None)]);
}

/// The velocity of Atlas with these sprints and items.
#[track_caller]
fn velocity_is(sprints: &str, items: &str, want: Option<f64>) {
    assert_eq!(
        velocity(&product(sprints, items)),
        want,
        "{sprints} / {items}"
    );
}

#[test]
fn velocity_is_none_before_any_sprint_finishes() {
    assert_eq!(velocity(&product("", "i-1 3")), None);
    let p = product("s-1 active 10, s-2 planned 10", "i-1 8 s-1 done");
    assert_eq!(
        velocity(&p),
        None,
        "done points in an active sprint are not velocity"
    );
}

#[test]
fn velocity_with_one_finished_sprint_is_its_done_points() {
    // i-3 is not done and i-4 is done outside a sprint: neither counts.
    velocity_is(
        "s-1 finished 20, s-2 active 20",
        "i-1 5 s-1 done, i-2 3 s-1 done, i-3 4 s-1, i-4 2 done, i-5 7 s-2 done",
        Some(8.0),
    );
}

#[test]
fn velocity_with_three_finished_sprints_is_their_mean() {
    // (6 + 9 + 12) / 3
    velocity_is(
        "s-1 finished 10, s-2 finished 10, s-4 active 10, s-3 finished 10",
        "i-1 6 s-1 done, i-2 9 s-2 done, i-3 5 s-3 done, i-4 7 s-3 done, i-5 40 s-4 done",
        Some(9.0),
    );
}

#[test]
fn velocity_with_four_finished_sprints_uses_the_last_three() {
    let sprints =
        "s-0 finished 10, s-1 finished 10, s-2 finished 10, s-3 finished 10, s-4 planned 10";
    let items = "i-0 30 s-0 done, i-1 6 s-1 done, i-2 9 s-2 done, i-3 12 s-3 done";
    velocity_is(sprints, items, Some(9.0));

    // The product's sprint order decides which three are "last".
    let mut q = product(sprints, items);
    q.sprints.swap(0, 3); // s-3, s-1, s-2, s-0
    assert_eq!(velocity(&q), Some(15.0)); // (6 + 9 + 30) / 3
}

#[test]
fn velocity_is_zero_when_finished_sprints_finished_nothing() {
    velocity_is("s-1 finished 10", "i-1 3 s-1", Some(0.0));
}

// ---------- forecast ----------

/// Asserts the forecast of Atlas with these sprints and items (see `forecast_of`).
#[track_caller]
fn forecast_is(sprints: &str, items: &str, want: &str) {
    assert_eq!(
        forecast_of(&product(sprints, items)),
        want,
        "{sprints} / {items}"
    );
}

/// Each item's forecast slot, in backlog order: `<item> <slot>`, comma separated, where
/// the slot is a sprint id, `done`, `+N` (the Nth sprint after the planned ones), `?`
/// (unknown), `estimate?` (needs an estimate), `<sprint>!` (planned past what the sprint
/// can hold: at risk) or `won't`.
fn forecast_of(p: &Product) -> String {
    let f = forecast(p);
    assert_eq!(f.len(), p.items.len(), "every item gets a slot");
    let slot = |s: &Slot| match s {
        Slot::Done => "done".to_string(),
        Slot::Sprint(s) => s.to_string(),
        Slot::Future(n) => format!("+{n}"),
        Slot::Unknown => "?".to_string(),
        Slot::NeedsEstimate => "estimate?".to_string(),
        Slot::AtRisk(s) => format!("{s}!"),
        Slot::Wont => "won't".to_string(),
    };
    let each: Vec<String> = p
        .items
        .iter()
        .map(|i| format!("{} {}", i.id, slot(&f[&i.id])))
        .collect();
    each.join(", ")
}

/// The case: velocity 8, Sprint 2 holds 20 but 22 are planned. It holds at most
/// min(20, 8) = 8: the planned items past that line are at risk, and the unplanned ones
/// flow into the following sprints, never into Sprint 2.
#[test]
fn forecast_holds_a_sprint_to_the_lower_of_capacity_and_velocity() {
    let p = product(
        "s-1 finished 20, s-2 active 20, s-3 planned 20, s-4 planned -",
        "i-0 8 s-1 done, i-1 5 s-2, i-2 3 s-2, i-3 8 s-2, i-4 6 s-2, i-5 3, i-6 5, i-7 2",
    );
    assert_eq!(velocity(&p), Some(8.0));
    assert_eq!(
        forecast_of(&p),
        "i-0 done, i-1 s-2, i-2 s-2, i-3 s-2!, i-4 s-2!, i-5 s-3, i-6 s-3, i-7 s-4"
    );
    let s2 = sprint_load(&p, &p.sprints[1]);
    assert_eq!(
        (s2.limit, s2.by_velocity, s2.over_by()),
        (Some(8.0), Some(8.0), Some(14.0))
    );
    // A capacity below the velocity is the limit, and says nothing of velocity.
    let s3 = sprint_load(&p, &p.sprints[2]);
    assert_eq!((s3.limit, s3.by_velocity), (Some(8.0), Some(8.0)));
    let low = product("s-1 finished 20, s-2 active 5", "i-0 8 s-1 done, i-1 6 s-2");
    let l = sprint_load(&low, &low.sprints[1]);
    assert_eq!(
        (l.limit, l.by_velocity, l.over_by()),
        (Some(5.0), None, Some(1.0))
    );
    // A finished sprint is measured against its capacity only.
    assert_eq!(sprint_load(&p, &p.sprints[0]).limit, Some(20.0));
}

#[test]
fn forecast_never_forecasts_wont_items_but_keeps_a_planned_one() {
    forecast_is(
        "s-2 planned 10",
        "i-1 3 wont, i-2 3, i-3 2 s-2 wont, i-4 -",
        "i-1 won't, i-2 s-2, i-3 s-2, i-4 estimate?",
    );
}

#[test]
fn forecast_done_items_are_done_wherever_they_are() {
    forecast_is(
        "s-1 finished 10, s-2 active 10",
        "i-1 3 s-1 done, i-2 - done, i-3 50 s-2 done",
        "i-1 done, i-2 done, i-3 done",
    );
}

#[test]
fn forecast_keeps_planned_items_in_their_upcoming_sprint() {
    // i-1 is over capacity (at risk) and i-2 unestimated: both stay anyway.
    forecast_is(
        "s-2 active 10, s-3 planned 10",
        "i-1 30 s-3, i-2 - s-2, i-3 2 s-2",
        "i-1 s-3!, i-2 s-2, i-3 s-2",
    );
}

#[test]
fn forecast_fills_upcoming_sprints_in_rank_order_after_planned_items() {
    // i-9 is ranked last, but its points count first.
    // s-2 has 10 - 4 = 6 points of room: i-1 and i-2 fill it exactly.
    // s-3 takes i-3 (2) and i-4 (5); i-5 (4) no longer fits and there is no velocity.
    forecast_is(
        "s-2 active 10, s-3 planned 10",
        "i-1 3, i-2 3, i-3 2, i-4 5, i-5 4, i-9 4 s-2",
        "i-1 s-2, i-2 s-2, i-3 s-3, i-4 s-3, i-5 ?, i-9 s-2",
    );
}

#[test]
fn forecast_never_backfills_an_earlier_sprint() {
    // i-3 would fit s-2's last point, but the order is kept.
    forecast_is(
        "s-2 planned 5, s-3 planned 5",
        "i-1 4, i-2 3, i-3 1, i-4 1, i-5 1",
        "i-1 s-2, i-2 s-3, i-3 s-3, i-4 s-3, i-5 ?",
    );
}

#[test]
fn forecast_skips_finished_sprints_and_over_committed_ones() {
    // s-2 is over-committed: 12 of min(10, velocity 4).
    forecast_is(
        "s-1 finished 10, s-2 active 10, s-3 planned 10",
        "i-1 12 s-2, i-2 1, i-3 4 s-1 done",
        "i-1 s-2!, i-2 s-3, i-3 done",
    );
}

#[test]
fn forecast_puts_an_item_bigger_than_a_sprint_into_the_next_empty_one() {
    // i-2 is bigger than any sprint (5): s-3 is then full (and more).
    forecast_is(
        "s-2 planned 5, s-3 planned 5, s-4 planned 5",
        "i-1 2, i-2 8, i-3 2, i-4 3, i-5 1",
        "i-1 s-2, i-2 s-3, i-3 s-4, i-4 s-4, i-5 ?",
    );
}

#[test]
fn forecast_does_not_overflow_a_partly_planned_sprint() {
    // s-2: capacity 10, 8 points planned, so 2 points of room. An unplanned 5-point item
    // does not fit there (and is not bigger than a whole sprint): it belongs in s-3.
    // i-3 is bigger than a whole sprint: the next *empty* sprint.
    let p = product(
        "s-2 active 10, s-3 planned 10, s-4 planned 10",
        "i-1 8 s-2, i-2 5, i-3 12",
    );
    assert_eq!(forecast_of(&p), "i-1 s-2, i-2 s-3, i-3 s-4");
    let committed: Vec<f64> = loads(&p).iter().map(|l| l.0).collect();
    assert_eq!(committed, vec![8.0, 0.0, 0.0]);
}

#[test]
fn forecast_uses_the_velocity_for_sprints_without_capacity() {
    let p = product(
        "s-1 finished 20, s-2 planned -, s-3 planned -",
        "i-0 6 s-1 done, i-1 4, i-2 4, i-3 2, i-4 1",
    );
    assert_eq!(velocity(&p), Some(6.0));
    assert_eq!(
        forecast_of(&p),
        "i-0 done, i-1 s-2, i-2 s-3, i-3 s-3, i-4 +1"
    );
}

#[test]
fn forecast_overflows_into_future_sprints_at_the_velocity() {
    // i-5 is bigger than the velocity: a future sprint of its own.
    forecast_is(
        "s-1 finished 20, s-2 planned 5",
        "i-0 6 s-1 done, i-1 5, i-2 4, i-3 2, i-4 1, i-5 10, i-6 1",
        "i-0 done, i-1 s-2, i-2 +1, i-3 +1, i-4 +2, i-5 +3, i-6 +4",
    );
}

#[test]
fn forecast_with_a_velocity_but_no_upcoming_sprint_starts_in_the_future() {
    forecast_is(
        "s-1 finished -",
        "i-0 4 s-1 done, i-1 3, i-2 1, i-3 1",
        "i-0 done, i-1 +1, i-2 +1, i-3 +2",
    );
}

#[test]
fn forecast_unestimated_items_need_an_estimate() {
    forecast_is(
        "s-2 planned 10",
        "i-1 -, i-2 2, i-3 - s-2",
        "i-1 estimate?, i-2 s-2, i-3 s-2",
    );
}

#[test]
fn forecast_is_unknown_without_velocity_or_room() {
    // No sprints at all.
    let p = product("", "i-1 2, i-2 -");
    assert_eq!(forecast_of(&p), "i-1 ?, i-2 estimate?");

    // An upcoming sprint with no capacity, and no velocity to stand in for it.
    let p = product("s-2 planned -", "i-1 2");
    assert_eq!(forecast_of(&p), "i-1 ?");

    // A velocity of zero cannot forecast either.
    let p = product("s-1 finished 10", "i-0 3 s-1, i-1 2");
    assert_eq!(velocity(&p), Some(0.0));
    assert_eq!(forecast(&p)[&id("i-1")], Slot::Unknown);
}

// ---------- the sample product ----------

fn sample() -> Workspace {
    sample_workspace(Day::new(2026, 3, 15).unwrap(), &mut counter_ids())
}

fn titled<'a>(p: &'a Product, title: &str) -> &'a Id {
    &p.items
        .iter()
        .find(|i| i.title == title)
        .unwrap_or_else(|| panic!("no item '{title}'"))
        .id
}

fn sprint_named<'a>(p: &'a Product, name: &str) -> &'a Id {
    &p.sprints.iter().find(|s| s.name == name).unwrap().id
}

#[test]
fn sample_velocity_and_sprint_loads() {
    let ws = sample();
    let trailhead = &ws.products[0];
    let console = &ws.products[1];
    assert_eq!(trailhead.name, "Trailhead");
    // Sprint 1 finished 5 + 3 + 2 + 3 + 5 + 2 points.
    assert_eq!(velocity(trailhead), Some(20.0));
    assert_eq!(velocity(console), None);

    assert_eq!(
        loads(trailhead),
        vec![
            (20.0, 20.0, 6, 0, None),
            (17.0, 7.0, 6, 0, None),
            (15.0, 0.0, 4, 0, None),
        ]
    );
}

#[test]
fn sample_forecast_slots() {
    let ws = sample();
    let p = &ws.products[0];
    let f = forecast(p);
    assert_eq!(f.len(), p.items.len());
    let s2 = Slot::Sprint(sprint_named(p, "Sprint 2").clone());
    let s3 = Slot::Sprint(sprint_named(p, "Sprint 3").clone());
    let at = |t: &str| f[titled(p, t)].clone();

    assert_eq!(at("App crashes when location permission is denied"), s2);
    assert_eq!(at("Packing list for each trip"), s2);
    assert_eq!(at("Get notified when a saved trail closes"), s3);
    assert_eq!(at("Cache the condition feed for ten minutes"), s3);
    assert_eq!(at("Search trails by name or area"), Slot::Done);
    assert_eq!(at("Save a trip for a date"), Slot::Done);
    assert_eq!(
        at("Import elevation data for the national parks"),
        Slot::NeedsEstimate
    );
    assert_eq!(at("Dark mode"), Slot::NeedsEstimate);
    assert_eq!(at("See the elevation profile of a route"), Slot::Future(1));
    assert_eq!(at("Read recent trip reports on a trail"), Slot::Future(2));

    let c = &ws.products[1];
    let g = forecast(c);
    let titles = [
        "Publish a trail closure in under a minute",
        "Schedule a closure to end automatically",
        "Closure pin lands on the wrong trail",
        "Import conditions from a spreadsheet",
    ];
    let slots: Vec<&Slot> = titles.iter().map(|t| &g[titled(c, t)]).collect();
    assert_eq!(
        slots,
        [
            &Slot::Done,
            &Slot::Unknown,
            &Slot::Unknown,
            &Slot::NeedsEstimate
        ]
    );
}

#[test]
fn sample_forecast_respects_sprint_two_capacity() {
    let ws = sample();
    let p = &ws.products[0];
    let f = forecast(p);
    let s3 = Slot::Sprint(sprint_named(p, "Sprint 3").clone());
    let at = |t: &str| f[titled(p, t)].clone();
    // Sprint 2 has 3 points of room, Sprint 3 has 5: the 5-point storm warning fills Sprint 3.
    assert_eq!(at("Storm warning on the day of the trip"), s3);
    assert_eq!(at("Sunset time and turn-around reminder"), Slot::Future(1));
    assert_eq!(
        at("Which weather service fits our budget?"),
        Slot::Future(1)
    );
    assert_eq!(at("Write a trip report with photos"), Slot::Future(2));
    assert_eq!(at("Image resizing pipeline"), Slot::Future(3));
}

// ---------- backlog rows ----------

/// An item of the table below: kind, title, feature, estimate and priority.
fn entry(
    i: &str,
    kind: ItemKind,
    title: &str,
    feature: Option<&str>,
    estimate: Option<f64>,
    priority: Option<Priority>,
) -> Item {
    let mut x = Item::new(id(i), kind, title);
    (x.feature, x.estimate, x.priority) = (feature.map(id), estimate, priority);
    x
}

/// Score inputs: value and effort; WSJF's business value, time criticality, risk
/// reduction and job size; RICE's reach, impact and confidence.
fn inputs(value_effort: (f64, f64), wsjf: Option<[f64; 4]>, rice: Option<[f64; 3]>) -> ScoreInputs {
    let mut s = ScoreInputs {
        value: Some(value_effort.0),
        effort: Some(value_effort.1),
        ..ScoreInputs::default()
    };
    if let Some([bv, tc, rr, js]) = wsjf {
        (s.business_value, s.time_criticality) = (Some(bv), Some(tc));
        (s.risk_reduction, s.job_size) = (Some(rr), Some(js));
    }
    if let Some([reach, impact, confidence]) = rice {
        (s.reach, s.impact, s.confidence) = (Some(reach), Some(impact), Some(confidence));
    }
    s
}

/// Atlas with a default Definition of Ready (criteria, estimate, feature):
/// features f-1 "Signup", f-2 "Search"; sprints s-1 "Sprint 1" (finished, 10),
/// s-2 "Sprint 2" (active, 10), s-3 "Sprint 3" (planned, 10). Velocity 5.
///
/// | rank | id  | kind  | feature | est | prio   | status | sprint | ready | V/E  | WSJF | RICE |
/// | 1    | i-1 | story | f-1     | 3   | Must   | todo   |        | yes   | 2    | 3    | 25   |
/// | 2    | i-2 | bug   | f-1     | 2.5 | Should | in pr. | s-2    | yes   | 4    |      | 400  |
/// | 3    | i-3 | task  | f-2     |     |        | todo   |        | no    | 0.33 | 6    |      |
/// | 4    | i-4 | spike |         | 5   | Could  | done   | s-1    | no    |      |      |      |
/// | 5    | i-5 | story | f-2     | 8   | Must   | todo   |        | yes   | 1    | 1.5  |      |
/// | 6    | i-6 | story | f-1     | 3   | Should | todo   |        | no    |      |      |      |
fn atlas() -> Product {
    use ItemKind::{Bug, Spike, Task};
    use Priority::*;
    let mut p = Product::new(id("p-a"), "Atlas");
    p.features = vec![
        Feature::new(id("f-1"), "Signup", None),
        Feature::new(id("f-2"), "Search", None),
    ];
    p.sprints = vec![
        sprint("s-1", "Sprint 1", SprintState::Finished, Some(10.0)),
        sprint("s-2", "Sprint 2", SprintState::Active, Some(10.0)),
        sprint("s-3", "Sprint 3", SprintState::Planned, Some(10.0)),
    ];

    let mut i1 = entry(
        "i-1",
        ItemKind::Story,
        "Sign up with email",
        Some("f-1"),
        Some(3.0),
        Some(Must),
    );
    i1.story = Story {
        as_a: "new hiker".into(),
        i_want: "to create an account".into(),
        so_that: "my trips are saved".into(),
    };
    i1.acceptance = vec![criterion("c-1")];
    i1.scores = inputs(
        (6.0, 3.0),
        Some([5.0, 3.0, 1.0, 3.0]),
        Some([150.0, 1.0, 50.0]),
    );

    let mut i2 = entry(
        "i-2",
        Bug,
        "Crash on login",
        Some("f-1"),
        Some(2.5),
        Some(Should),
    );
    i2.description = "The app closes when the PASSWORD is wrong".into();
    (i2.status, i2.sprint) = (ItemStatus::InProgress, Some(id("s-2")));
    i2.acceptance = vec![criterion("c-2")];
    i2.scores = inputs((8.0, 2.0), None, Some([400.0, 2.0, 100.0]));
    i2.scores.business_value = Some(9.0);

    let mut i3 = entry("i-3", Task, "Index trails", Some("f-2"), None, None);
    i3.description = "Speeds up search".into();
    i3.scores = inputs((1.0, 3.0), Some([8.0, 8.0, 8.0, 4.0]), None);

    let mut i4 = entry(
        "i-4",
        Spike,
        "Which map vendor?",
        None,
        Some(5.0),
        Some(Could),
    );
    (i4.status, i4.sprint) = (ItemStatus::Done, Some(id("s-1")));
    i4.acceptance = vec![criterion("c-4")];

    let mut i5 = entry(
        "i-5",
        ItemKind::Story,
        "Filter by length",
        Some("f-2"),
        Some(8.0),
        Some(Must),
    );
    i5.story.i_want = "to filter trails by LENGTH".into();
    i5.acceptance = vec![criterion("c-5")];
    i5.scores = inputs((3.0, 3.0), Some([2.0, 2.0, 2.0, 4.0]), None);

    let i6 = entry(
        "i-6",
        ItemKind::Story,
        "Share a trip",
        Some("f-1"),
        Some(3.0),
        Some(Should),
    );

    p.items = vec![i1, i2, i3, i4, i5, i6];
    p
}

fn beacon() -> Product {
    let mut p = Product::new(id("p-b"), "Beacon");
    p.items = vec![story("i-90", Some(1.0))];
    p
}

fn workspace() -> Workspace {
    Workspace {
        portfolio: Portfolio::default(),
        roles: RoleSetting::Separate,
        products: vec![atlas(), beacon()],
    }
}

fn rows(p: &Product, f: &BacklogFilter) -> Vec<String> {
    backlog_rows(p, f, Scheme::Rank)
        .into_iter()
        .map(|r| r.id.to_string())
        .collect()
}

fn ranks(p: &Product, f: &BacklogFilter, scheme: Scheme) -> Vec<usize> {
    backlog_rows(p, f, scheme)
        .into_iter()
        .map(|r| r.rank)
        .collect()
}

/// Filtering Atlas by each of `values` (set into the filter by `set`) shows the items in
/// `want` (space separated).
#[track_caller]
fn shows_by<T, const N: usize>(set: fn(&mut BacklogFilter, T), values: [T; N], want: [&str; N]) {
    let p = atlas();
    for (value, want) in values.into_iter().zip(want) {
        let mut f = BacklogFilter::default();
        set(&mut f, value);
        assert_eq!(rows(&p, &f).join(" "), want);
    }
}

fn text(t: &str) -> BacklogFilter {
    BacklogFilter {
        text: t.into(),
        ..BacklogFilter::default()
    }
}

#[test]
fn fixture_is_valid() {
    validate_workspace(&workspace()).unwrap();
    assert_eq!(velocity(&atlas()), Some(5.0));
}

#[test]
fn no_filter_shows_everything_in_rank_order() {
    let p = atlas();
    let f = BacklogFilter::default();
    assert!(!f.is_active());
    assert_eq!(rows(&p, &f), ["i-1", "i-2", "i-3", "i-4", "i-5", "i-6"]);
    assert_eq!(ranks(&p, &f, Scheme::Rank), [1, 2, 3, 4, 5, 6]);
}

#[test]
fn text_filter_matches_title_description_and_story_ignoring_case() {
    let p = atlas();
    assert_eq!(rows(&p, &text("  LOGIN ")), ["i-2"], "title, trimmed");
    assert_eq!(rows(&p, &text("password")), ["i-2"], "description");
    assert_eq!(rows(&p, &text("New Hiker")), ["i-1"], "as a");
    assert_eq!(rows(&p, &text("account")), ["i-1"], "I want");
    assert_eq!(rows(&p, &text("TRIPS ARE SAVED")), ["i-1"], "so that");
    assert_eq!(rows(&p, &text("length")), ["i-5"], "title and I want");
    assert_eq!(rows(&p, &text("trail")), ["i-3", "i-5"]);
    assert_eq!(
        rows(&p, &text("search")),
        ["i-3"],
        "not the feature's title"
    );
    assert_eq!(rows(&p, &text("zzz")), Vec::<String>::new());
    assert!(text("x").is_active());
    assert_eq!(
        rows(&p, &text("   ")).len(),
        6,
        "blank text filters nothing"
    );
}

#[test]
fn kind_filter() {
    shows_by(
        |f, k| f.kind = Some(k),
        [
            ItemKind::Story,
            ItemKind::Bug,
            ItemKind::Task,
            ItemKind::Spike,
        ],
        ["i-1 i-5 i-6", "i-2", "i-3", "i-4"],
    );
}

#[test]
fn status_filter() {
    shows_by(
        |f, s| f.status = Some(s),
        [ItemStatus::Todo, ItemStatus::InProgress, ItemStatus::Done],
        ["i-1 i-3 i-5 i-6", "i-2", "i-4"],
    );
}

#[test]
fn priority_filter_including_no_priority() {
    use Priority::*;
    shows_by(
        |f, p| f.priority = Some(p),
        [Some(Must), Some(Should), Some(Could), Some(Wont), None],
        ["i-1 i-5", "i-2 i-6", "i-4", "", "i-3"],
    );
}

#[test]
fn feature_filter_any_none_is() {
    use RefFilter::{Any, Is, None};
    shows_by(
        |f, r| f.feature = r,
        [Any, None, Is(id("f-1")), Is(id("f-2")), Is(id("f-9"))],
        [
            "i-1 i-2 i-3 i-4 i-5 i-6",
            "i-4",
            "i-1 i-2 i-6",
            "i-3 i-5",
            "",
        ],
    );
    let loose = BacklogFilter {
        feature: None,
        ..BacklogFilter::default()
    };
    assert!(loose.is_active());
}

// Deliberately the same shape as the feature filter test above (the duplicates scan pairs
// them): both reference filters take Any, None and Is, and each test lists which rows its
// own field shows for them.
#[test]
fn sprint_filter_any_none_is() {
    use RefFilter::{Any, Is, None};
    shows_by(
        |f, r| f.sprint = r,
        [Any, None, Is(id("s-1")), Is(id("s-2")), Is(id("s-3"))],
        [
            "i-1 i-2 i-3 i-4 i-5 i-6",
            "i-1 i-3 i-5 i-6",
            "i-4",
            "i-2",
            "",
        ],
    );
}

#[test]
fn ready_filter() {
    let p = atlas();
    let by = |r| BacklogFilter {
        ready: Some(r),
        ..BacklogFilter::default()
    };
    assert_eq!(rows(&p, &by(true)), ["i-1", "i-2", "i-5"]);
    assert_eq!(rows(&p, &by(false)), ["i-3", "i-4", "i-6"]);

    // Readiness follows the product's own rules.
    let mut q = atlas();
    q.definition_of_ready = vec![ReadyRule::HasPriority];
    assert_eq!(rows(&q, &by(false)), ["i-3"]);
    q.definition_of_ready = vec![];
    assert_eq!(rows(&q, &by(false)), Vec::<String>::new());
}

#[test]
fn filters_combine() {
    let p = atlas();
    let f = BacklogFilter {
        kind: Some(ItemKind::Story),
        ready: Some(false),
        ..BacklogFilter::default()
    };
    assert_eq!(rows(&p, &f), ["i-6"]);

    let mut f = BacklogFilter {
        text: "TRAIL".into(),
        feature: RefFilter::Is(id("f-2")),
        ..BacklogFilter::default()
    };
    assert_eq!(rows(&p, &f), ["i-3", "i-5"]);
    f.status = Some(ItemStatus::Todo);
    f.priority = Some(Some(Priority::Must));
    assert_eq!(rows(&p, &f), ["i-5"]);
    f.sprint = RefFilter::None;
    f.ready = Some(true);
    f.kind = Some(ItemKind::Story);
    assert_eq!(rows(&p, &f), ["i-5"]);
    f.kind = Some(ItemKind::Task);
    assert_eq!(rows(&p, &f), Vec::<String>::new());

    let f = BacklogFilter {
        sprint: RefFilter::None,
        priority: Some(Some(Priority::Should)),
        ..BacklogFilter::default()
    };
    assert_eq!(rows(&p, &f), ["i-6"]);
}

#[test]
fn rank_is_the_position_in_the_whole_backlog_when_filtered() {
    let p = atlas();
    let f = BacklogFilter {
        feature: RefFilter::Is(id("f-2")),
        ..BacklogFilter::default()
    };
    assert_eq!(ranks(&p, &f, Scheme::Rank), [3, 5]);
    let f = BacklogFilter {
        ready: Some(false),
        ..BacklogFilter::default()
    };
    assert_eq!(ranks(&p, &f, Scheme::Rank), [3, 4, 6]);
}

#[test]
fn rows_sort_by_each_scheme() {
    let p = atlas();
    let all = BacklogFilter::default();
    assert_eq!(ranks(&p, &all, Scheme::Rank), [1, 2, 3, 4, 5, 6]);
    // Must: 1, 5; Should: 2, 6; Could: 4; none: 3.
    assert_eq!(ranks(&p, &all, Scheme::Moscow), [1, 5, 2, 6, 4, 3]);
    // 4, 2, 1, 0.33, then unscored 4 and 6.
    assert_eq!(ranks(&p, &all, Scheme::ValueEffort), [2, 1, 5, 3, 4, 6]);
    // 6, 3, 1.5, then unscored 2, 4, 6.
    assert_eq!(ranks(&p, &all, Scheme::Wsjf), [3, 1, 5, 2, 4, 6]);
    // 400, 25, then unscored.
    assert_eq!(ranks(&p, &all, Scheme::Rice), [2, 1, 3, 4, 5, 6]);

    // Sorting applies to the filtered rows, ranks stay global.
    let f = BacklogFilter {
        feature: RefFilter::Is(id("f-1")),
        ..BacklogFilter::default()
    };
    assert_eq!(ranks(&p, &f, Scheme::ValueEffort), [2, 1, 6]);
    assert_eq!(ranks(&p, &f, Scheme::Moscow), [1, 2, 6]);
}

// The `BacklogRow { .. }` pins below have the shape of the pinned rows in
// model_speed_equivalence.rs (the duplicates scan pairs them), deliberately: each spells
// out every column a row shows, for its own fixture.
#[test]
fn rows_carry_scores_forecast_and_readiness() {
    use ReadyRule::*;
    let p = atlas();
    let rows = backlog_rows(&p, &BacklogFilter::default(), Scheme::Rank);
    assert_eq!(
        rows[0],
        BacklogRow {
            id: id("i-1"),
            rank: 1,
            kind: ItemKind::Story,
            title: "Sign up with email".into(),
            feature: Some("Signup".into()),
            estimate: Some(3.0),
            estimate_flag: None,
            priority: Some(Priority::Must),
            status: ItemStatus::Todo,
            sprint: None,
            missing: vec![],
            criteria: 1,
            value_effort: Some(2.0),
            wsjf: Some(3.0),
            rice: Some(25.0),
            score_flag: None,
            // Sprint 2 holds min(10, velocity 5): 2.5 are planned, so 3 more do not fit.
            forecast: Forecast::Sprint("Sprint 3".into()),
            blocked_by: vec![],
            order_problem: None,
        }
    );
    assert!(rows[0].ready());
    assert_eq!(
        rows[2],
        BacklogRow {
            id: id("i-3"),
            rank: 3,
            kind: ItemKind::Task,
            title: "Index trails".into(),
            feature: Some("Search".into()),
            estimate: None,
            estimate_flag: None,
            priority: None,
            status: ItemStatus::Todo,
            sprint: None,
            missing: vec![HasAcceptanceCriteria, IsEstimated],
            criteria: 0,
            value_effort: Some(1.0 / 3.0),
            wsjf: Some(6.0),
            rice: None,
            score_flag: None,
            forecast: Forecast::NeedsEstimate,
            blocked_by: vec![],
            order_problem: None,
        }
    );
    assert!(!rows[2].ready());
    let r2 = &rows[1];
    assert_eq!(r2.estimate, Some(2.5));
    assert_eq!(r2.sprint.as_deref(), Some("Sprint 2"));
    assert_eq!(
        (r2.value_effort, r2.wsjf, r2.rice),
        (Some(4.0), None, Some(400.0))
    );

    // Velocity 5 (Sprint 1's done points): Sprint 2 holds min(10, 5), 2.5 of it planned,
    // so i-1 (3) goes to Sprint 3, whose 5 it leaves 2 of; the 8-point spike is a future
    // sprint's alone.
    let forecasts: Vec<Forecast> = rows.iter().map(|r| r.forecast.clone()).collect();
    assert_eq!(
        forecasts,
        [
            Forecast::Sprint("Sprint 3".into()),
            Forecast::Sprint("Sprint 2".into()),
            Forecast::NeedsEstimate,
            Forecast::Done,
            Forecast::Future(1),
            Forecast::Future(2),
        ]
    );
    let missing: Vec<&[ReadyRule]> = rows.iter().map(|r| &r.missing[..]).collect();
    assert_eq!(
        missing,
        [
            &[][..],
            &[],
            &[HasAcceptanceCriteria, IsEstimated],
            &[HasParentFeature],
            &[],
            &[HasAcceptanceCriteria],
        ]
    );
    assert_eq!(rows[3].sprint.as_deref(), Some("Sprint 1"));
    assert_eq!(rows[3].feature, None);
}

#[test]
fn rows_say_when_the_forecast_is_unknown() {
    let p = product("", "i-1 3, i-2 -");
    let rows = backlog_rows(&p, &BacklogFilter::default(), Scheme::Rank);
    assert_eq!(rows[0].forecast, Forecast::Unknown);
    assert_eq!(rows[1].forecast, Forecast::NeedsEstimate);
}

// ---------- commands ----------

fn order(ws: &Workspace, product: &str) -> Vec<String> {
    ws.product(&id(product))
        .unwrap()
        .items
        .iter()
        .map(|i| i.id.to_string())
        .collect()
}

fn atlas_changes() -> Changes {
    Changes {
        meta: false,
        products: vec![id("p-a")],
    }
}

#[test]
fn ranked_ids_follow_the_scheme() {
    let p = atlas();
    let s = |v: Vec<Id>| v.into_iter().map(|i| i.to_string()).collect::<Vec<_>>();
    assert_eq!(
        s(ranked_ids(&p, Scheme::Rank)),
        ["i-1", "i-2", "i-3", "i-4", "i-5", "i-6"]
    );
    assert_eq!(
        s(ranked_ids(&p, Scheme::Wsjf)),
        ["i-3", "i-1", "i-5", "i-2", "i-4", "i-6"]
    );
    assert_eq!(
        s(ranked_ids(&p, Scheme::Rice)),
        ["i-2", "i-1", "i-3", "i-4", "i-5", "i-6"]
    );
}

#[test]
fn rerank_reorders_the_backlog_as_one_undoable_step() {
    let mut ws = workspace();
    let before = ws.clone();
    let mut h = History::with_labels(command_label);
    let order_ids = ranked_ids(ws.product(&id("p-a")).unwrap(), Scheme::Wsjf);
    let changes = h
        .apply(
            &mut ws,
            Command::Rerank {
                product: id("p-a"),
                order: order_ids,
            },
        )
        .unwrap();
    assert_eq!(changes, atlas_changes());
    assert_eq!(
        order(&ws, "p-a"),
        ["i-3", "i-1", "i-5", "i-2", "i-4", "i-6"]
    );
    // Only the order changed: every item is as it was.
    let p = ws.product(&id("p-a")).unwrap();
    for i in &before.products[0].items {
        assert_eq!(p.item(&i.id), Some(i));
    }
    assert_eq!(ws.products[1], before.products[1]);
    assert_eq!(h.undo_label(), Some("re-rank the backlog"));

    // The ranks shown follow the new order.
    assert_eq!(
        backlog_rows(p, &BacklogFilter::default(), Scheme::Rank)
            .iter()
            .map(|r| (r.id.to_string(), r.rank))
            .collect::<Vec<_>>(),
        [
            ("i-3", 1),
            ("i-1", 2),
            ("i-5", 3),
            ("i-2", 4),
            ("i-4", 5),
            ("i-6", 6)
        ]
        .map(|(i, n)| (i.to_string(), n))
    );

    let after = ws.clone();
    let (label, undone) = h.undo(&mut ws).unwrap();
    assert_eq!(label, "re-rank the backlog");
    assert_eq!(undone, atlas_changes());
    assert_eq!(ws, before);
    assert_eq!(h.undo_label(), None, "one step");
    h.redo(&mut ws).unwrap();
    assert_eq!(ws, after);
}

fn rerank(ws: &mut Workspace, product: &str, order: &[&str]) -> Result<Changes, ModelError> {
    apply(
        ws,
        Command::Rerank {
            product: id(product),
            order: ids(order),
        },
    )
    .map(|(c, _)| c)
}

/// The error of re-ranking Atlas's backlog in `order`, which must leave the workspace
/// as it was.
#[track_caller]
fn rerank_refused(product: &str, order: &[&str]) -> ModelError {
    let mut ws = workspace();
    let e = rerank(&mut ws, product, order).unwrap_err();
    assert_eq!(ws, workspace());
    e
}

#[test]
fn rerank_to_the_same_order_is_accepted() {
    let mut ws = workspace();
    let before = ws.clone();
    let same = ["i-1", "i-2", "i-3", "i-4", "i-5", "i-6"];
    assert_eq!(rerank(&mut ws, "p-a", &same).unwrap(), atlas_changes());
    assert_eq!(ws, before);
}

/// Atlas's backlog, where a refused re-rank is.
fn atlas_backlog() -> At {
    At(vec![
        Place::Product(Name::Title("Atlas".into())),
        Place::Backlog,
    ])
}

fn wrong_length(given: usize) -> Problem {
    Problem::OrderLength { given, items: 6 }
}

#[test]
fn rerank_refuses_a_list_of_the_wrong_length() {
    let e = rerank_refused("p-a", &["i-1", "i-2"]);
    assert_eq!(e.at, atlas_backlog());
    assert_eq!(e.problem, wrong_length(2));
    let none = rerank_refused("p-a", &[]).problem;
    assert_eq!(none, wrong_length(0));
    let seven = ["i-1", "i-2", "i-3", "i-4", "i-5", "i-6", "i-1"];
    let seven = rerank_refused("p-a", &seven).problem;
    assert_eq!(seven, wrong_length(7));
}

#[test]
fn rerank_refuses_an_unknown_id() {
    let e = rerank_refused("p-a", &["i-6", "i-5", "i-4", "i-3", "i-2", "i-x"]);
    assert_eq!(e.at, atlas_backlog());
    assert_eq!(e.problem, Problem::NotInOrder(id("i-x")));
    // An item of another product is unknown here too.
    let e = rerank_refused("p-a", &["i-90", "i-2", "i-3", "i-4", "i-5", "i-6"]);
    assert_eq!(e.problem, Problem::NotInOrder(id("i-90")));
}

#[test]
fn rerank_refuses_a_duplicate() {
    let e = rerank_refused("p-a", &["i-5", "i-1", "i-3", "i-5", "i-4", "i-6"]);
    assert_eq!(
        e,
        ModelError::new(atlas_backlog(), Problem::NotInOrder(id("i-5")))
    );
}

fn no_product(p: &str) -> ModelError {
    ModelError::new(
        At(vec![Place::Product(Name::Id(id(p)))]),
        Problem::NoSuchProduct,
    )
}

#[test]
fn refused_rerank_leaves_no_history() {
    let mut ws = workspace();
    let mut h = History::with_labels(command_label);
    let cmd = Command::Rerank {
        product: id("p-a"),
        order: ids(&["i-2", "i-1"]),
    };
    assert!(h.apply(&mut ws, cmd).is_err());
    assert_eq!(ws, workspace());
    assert_eq!(h.undo_label(), None);

    assert_eq!(rerank_refused("p-zz", &["i-1"]), no_product("p-zz"));
}

#[test]
fn set_definition_of_ready_sets_rules_without_duplicates() {
    let mut ws = workspace();
    let before = ws.clone();
    let mut h = History::with_labels(command_label);
    let changes = h
        .apply(
            &mut ws,
            Command::SetDefinitionOfReady {
                product: id("p-a"),
                rules: vec![
                    ReadyRule::HasPriority,
                    ReadyRule::IsEstimated,
                    ReadyRule::HasPriority,
                    ReadyRule::HasDescription,
                    ReadyRule::IsEstimated,
                ],
            },
        )
        .unwrap();
    assert_eq!(changes, atlas_changes());
    let p = ws.product(&id("p-a")).unwrap();
    assert_eq!(
        p.definition_of_ready,
        vec![
            ReadyRule::HasPriority,
            ReadyRule::IsEstimated,
            ReadyRule::HasDescription
        ]
    );
    assert_eq!(ws.products[1], before.products[1]);
    assert_eq!(h.undo_label(), Some("change the Definition of Ready"));

    // The rows follow the new rules, in their order.
    let missing: Vec<Vec<ReadyRule>> = backlog_rows(p, &BacklogFilter::default(), Scheme::Rank)
        .into_iter()
        .map(|r| r.missing)
        .collect();
    use ReadyRule::*;
    assert_eq!(
        missing,
        [
            vec![],
            vec![],
            vec![HasPriority, IsEstimated],
            vec![HasDescription],
            vec![],
            vec![HasDescription],
        ]
    );

    let (_, undone) = h.undo(&mut ws).unwrap();
    assert_eq!(undone, atlas_changes());
    assert_eq!(ws, before);
    assert_eq!(ws.products[0].definition_of_ready, ReadyRule::defaults());
}

#[test]
fn set_definition_of_ready_to_nothing_makes_everything_ready() {
    let mut ws = workspace();
    let (changes, _) = apply(
        &mut ws,
        Command::SetDefinitionOfReady {
            product: id("p-a"),
            rules: vec![],
        },
    )
    .unwrap();
    assert_eq!(changes, atlas_changes());
    let p = ws.product(&id("p-a")).unwrap();
    assert_eq!(p.definition_of_ready, Vec::<ReadyRule>::new());
    assert!(backlog_rows(p, &BacklogFilter::default(), Scheme::Rank)
        .iter()
        .all(BacklogRow::ready));
}

#[test]
fn set_definition_of_ready_on_a_missing_product_is_refused() {
    let mut ws = workspace();
    let before = ws.clone();
    let e = apply(
        &mut ws,
        Command::SetDefinitionOfReady {
            product: id("p-zz"),
            rules: vec![ReadyRule::HasPriority],
        },
    )
    .unwrap_err();
    assert_eq!(e, no_product("p-zz"));
    assert_eq!(ws, before);
}

#[test]
fn counts_are_written_with_thousands_separated() {
    use twohats::text::numbers::thousands;
    let cases = [
        (0, "0"),
        (7, "7"),
        (999, "999"),
        (1_000, "1,000"),
        (10_000, "10,000"),
        (123_456, "123,456"),
        (1_234_567, "1,234,567"),
    ];
    for (n, want) in cases {
        assert_eq!(thousands(n), want);
    }
}

#[test]
fn choice_names_are_the_variant_names_the_styles_use() {
    // CSS classes (`bar--AtRisk`, `status--InProgress`, `pill--Active`) and option values
    // are built from `name()`; it must spell each variant as written.
    for s in FeatureStatus::ALL {
        assert_eq!(s.name(), format!("{s:?}"));
    }
    for s in ItemStatus::ALL {
        assert_eq!(s.name(), format!("{s:?}"));
    }
    for p in Priority::ALL {
        assert_eq!(p.name(), format!("{p:?}"));
    }
    for s in [
        SprintState::Planned,
        SprintState::Active,
        SprintState::Finished,
    ] {
        assert_eq!(s.name(), format!("{s:?}"));
    }
}

#[test]
fn sprint_loads_are_each_sprints_load_in_order() {
    let p = product(
        "s-1 finished 20, s-2 active 20, s-3 planned 5",
        "i-0 8 s-1 done, i-1 5 s-2, i-2 9 s-2, i-3 6 s-3",
    );
    let one_by_one: Vec<SprintLoad> = p.sprints.iter().map(|s| sprint_load(&p, s)).collect();
    assert_eq!(sprint_loads(&p), one_by_one);
    assert_eq!(one_by_one[1].over_by(), Some(6.0));
}
