#![cfg(not(target_arch = "wasm32"))]
//! The roadmap: window date maths (spans, day offsets, quarters), moving and resizing
//! feature bars, the reality check of the PM's plan against the PO's backlog, and the
//! standalone SVG export (escaping of every text, bars and release markers, release
//! names clear of other texts), and the timeline's dependency and slip facts.

use twohats::model::planning::velocity;
use twohats::model::roadmap::{
    in_bucket, quarter_start, reality, resized_end, resized_start, shifted, sprints_per_quarter,
    Bucket, Reality, Window,
};
use twohats::model::roadmap_lanes::{lanes, Bar, Link, RoadmapFilter, Wait};
use twohats::model::roadmap_svg::{escape, roadmap_svg};
use twohats::model::sample::{counter_ids, sample_workspace};
use twohats::model::slips::{slip_of, Against, SlipFacts};
use twohats::model::*;
use twohats::text::{verdict, SVG_WORDS};

mod common;
use common::id;

// ---------- helpers ----------

fn m(year: i32, month: u8) -> Month {
    Month::new(year, month).unwrap()
}

fn d(year: i32, month: u8, day: u8) -> Day {
    Day::new(year, month, day).unwrap()
}

fn window(year: i32, month: u8, months: i32) -> Window {
    Window {
        start: m(year, month),
        months,
    }
}

fn dated(f: &str, title: &str, start: Month, end: Month) -> Feature {
    let mut x = Feature::new(id(f), title, None);
    x.start = Some(start);
    x.end = Some(end);
    x
}

fn undated(f: &str) -> Feature {
    Feature::new(id(f), format!("Feature {f}"), None)
}

fn in_horizon(mut f: Feature, h: Horizon) -> Feature {
    f.horizon = Some(h);
    f
}

/// A story under `feature`, estimated or not, with or without acceptance criteria.
fn item(i: &str, feature: Option<&str>, estimate: Option<f64>, accepted: bool) -> Item {
    let mut x = Item::new(id(i), ItemKind::Story, format!("Item {i}"));
    x.feature = feature.map(id);
    x.estimate = estimate;
    if accepted {
        x.acceptance = vec![common::criterion(&format!("c{i}"))];
    }
    x
}

fn finished_in(mut x: Item, sprint: &str) -> Item {
    x.status = ItemStatus::Done;
    x.sprint = Some(id(sprint));
    x
}

/// The shared sprint "Sprint <s>", with no capacity, dated or not.
fn sprint(s: &str, state: SprintState, dates: Option<(Day, Day)>) -> Sprint {
    Sprint {
        start: dates.map(|(a, _)| a),
        end: dates.map(|(_, b)| b),
        ..common::sprint(s, &format!("Sprint {s}"), state, None)
    }
}

/// The shared release, on `date`.
fn release(r: &str, name: &str, date: Day) -> Release {
    Release {
        date,
        ..common::release(r, name)
    }
}

/// Atlas, with the default Definition of Ready (acceptance criteria, estimate, parent):
/// - sprints s-1 (finished, 2026-01-05..18) and s-2 (finished, 2026-01-19..02-01), two
///   weeks each, and s-3 (planned, undated): velocity (5 + 8) / 2 = 6.5, six sprints a
///   quarter, so a capacity of 39 points a quarter;
/// - features f-1 "Signup" (Now, 2026-01..03), f-2 "Tour" (Now, 2026-02..04),
///   f-3 "Filters" (Next, 2026-04..06), f-5 "Billing" (Next, 2026-05..06, no items),
///   f-4 "Export" (Later, undated);
/// - items, in rank order:
///   i-1 f-1 5 pts done in s-1, ready;  i-2 f-1 3 pts, ready;  i-3 f-1 unestimated;
///   i-4 f-2 8 pts done in s-2, ready;  i-5 f-2 2 pts in progress, no criteria;
///   i-6 f-3 13 pts, ready;  i-7 f-4 20 pts, ready;  i-8 no feature, 1 pt.
fn atlas() -> Product {
    let mut p = Product::new(id("p-a"), "Atlas");
    p.sprints = vec![
        dated_sprint("s-1", SprintState::Finished, d(2026, 1, 5), d(2026, 1, 18)),
        dated_sprint("s-2", SprintState::Finished, d(2026, 1, 19), d(2026, 2, 1)),
        sprint("s-3", SprintState::Planned, None),
    ];
    p.features = vec![
        in_horizon(dated("f-1", "Signup", m(2026, 1), m(2026, 3)), Horizon::Now),
        in_horizon(dated("f-2", "Tour", m(2026, 2), m(2026, 4)), Horizon::Now),
        in_horizon(
            dated("f-3", "Filters", m(2026, 4), m(2026, 6)),
            Horizon::Next,
        ),
        in_horizon(undated("f-4"), Horizon::Later),
        in_horizon(
            dated("f-5", "Billing", m(2026, 5), m(2026, 6)),
            Horizon::Next,
        ),
    ];
    let mut i5 = item("i-5", Some("f-2"), Some(2.0), false);
    i5.status = ItemStatus::InProgress;
    p.items = vec![
        finished_in(item("i-1", Some("f-1"), Some(5.0), true), "s-1"),
        item("i-2", Some("f-1"), Some(3.0), true),
        item("i-3", Some("f-1"), None, true),
        finished_in(item("i-4", Some("f-2"), Some(8.0), true), "s-2"),
        i5,
        item("i-6", Some("f-3"), Some(13.0), true),
        item("i-7", Some("f-4"), Some(20.0), true),
        item("i-8", None, Some(1.0), true),
    ];
    p
}

/// A reality check as `reality_of` reads it.
fn summary(r: &Reality) -> String {
    let capacity = r.capacity.map_or("none".to_string(), |c| c.to_string());
    let boxed = if r.time_boxed { ", time-boxed" } else { "" };
    format!(
        "{} features ({} broken down), {} items ({} estimated, {} ready), {} points left, \
         capacity {capacity}{boxed}",
        r.features, r.broken_down, r.items, r.estimated, r.ready, r.points_left
    )
}

/// A reality check written as "<f> features (<b> broken down), <i> items (<e> estimated,
/// <r> ready), <p> points left, capacity <c or none>[, time-boxed]".
fn reality_of(s: &str) -> Reality {
    let w: Vec<&str> = s
        .split([' ', ',', '(', ')'])
        .filter(|w| !w.is_empty())
        .collect();
    let n = |k: usize| w[k].parse::<usize>().unwrap();
    let r = Reality {
        features: n(0),
        broken_down: n(2),
        items: n(5),
        estimated: n(7),
        ready: n(9),
        points_left: w[11].parse().unwrap(),
        capacity: (w[15] != "none").then(|| w[15].parse().unwrap()),
        time_boxed: w.get(16) == Some(&"time-boxed"),
        slipping: 0,
    };
    assert_eq!(
        summary(&r),
        s,
        "a reality is written as summary() writes it"
    );
    r
}

/// Atlas's reality check of `bucket`, once it is found to be `want` (as `reality_of` reads it).
#[track_caller]
fn atlas_reality(bucket: Bucket, want: &str) -> Reality {
    let r = reality(&atlas(), &bucket);
    assert_eq!(r, reality_of(want), "{bucket:?}");
    r
}

/// Atlas's sprints-per-quarter figure with only `sprints`.
/// Sprints a quarter for sprints written `"<state> [<from>..<to>]"`, comma separated (the
/// N-th is `s-N`); a span may leave out either end, e.g. `"finished 2026-01-05..2026-01-18,
/// planned, planned 2026-01-01.."`.
fn per_quarter(sprints: &str) -> f64 {
    let mut p = Product::new(id("p-a"), "Atlas");
    let entries = sprints
        .split(',')
        .map(|e| e.split_whitespace().collect::<Vec<_>>());
    for (n, w) in entries.filter(|w| !w.is_empty()).enumerate() {
        let mut s = sprint(&format!("s-{}", n + 1), common::sprint_state(w[0]), None);
        if let Some((from, to)) = w.get(1).and_then(|span| span.split_once("..")) {
            let day = |x: &str| (!x.is_empty()).then(|| Day::parse(x).unwrap());
            (s.start, s.end) = (day(from), day(to));
        }
        p.sprints.push(s);
    }
    sprints_per_quarter(&p)
}

/// A sprint from `from` to `to`.
fn dated_sprint(s: &str, state: SprintState, from: Day, to: Day) -> Sprint {
    sprint(s, state, Some((from, to)))
}

fn titles(fs: &[&Feature]) -> Vec<String> {
    fs.iter().map(|f| f.title.clone()).collect()
}

// ---------- Window: end, contains, span ----------

#[test]
fn window_end_is_the_last_visible_month() {
    assert_eq!(window(2026, 1, 6).end(), m(2026, 6));
    assert_eq!(window(2026, 11, 6).end(), m(2027, 4));
    assert_eq!(window(2026, 12, 1).end(), m(2026, 12));
    assert_eq!(window(2026, 1, 12).end(), m(2026, 12));
    assert_eq!(window(2026, 1, 13).end(), m(2027, 1));
}

#[test]
fn window_contains_its_first_and_last_month_only() {
    let w = window(2026, 11, 6);
    assert!(w.contains(m(2026, 11)));
    assert!(w.contains(m(2026, 12)));
    assert!(w.contains(m(2027, 1)));
    assert!(w.contains(m(2027, 4)));
    assert!(!w.contains(m(2026, 10)));
    assert!(!w.contains(m(2027, 5)));
    assert!(!w.contains(m(2025, 12)));
    assert!(!w.contains(m(2028, 1)));
}

#[test]
fn span_wholly_inside_the_window() {
    let w = window(2026, 1, 6);
    assert_eq!(w.span(m(2026, 2), m(2026, 4)), Some((1, 3)));
    assert_eq!(w.span(m(2026, 1), m(2026, 6)), Some((0, 6)));
}

// The span tests are parallel on purpose (deliberate repetition): each names one way a bar
// meets the window's edges and gives its own window, so a failure says which edge case broke.
#[test]
fn span_of_one_month() {
    let w = window(2026, 1, 6);
    assert_eq!(w.span(m(2026, 1), m(2026, 1)), Some((0, 1)));
    assert_eq!(w.span(m(2026, 3), m(2026, 3)), Some((2, 1)));
    assert_eq!(w.span(m(2026, 6), m(2026, 6)), Some((5, 1)));
    assert_eq!(w.span(m(2026, 7), m(2026, 7)), None);
    assert_eq!(w.span(m(2025, 12), m(2025, 12)), None);
}

#[test]
fn span_clipped_at_the_start() {
    let w = window(2026, 3, 6);
    assert_eq!(w.span(m(2026, 1), m(2026, 4)), Some((0, 2)));
    // Ends exactly on the first visible month.
    assert_eq!(w.span(m(2025, 6), m(2026, 3)), Some((0, 1)));
}

#[test]
fn span_clipped_at_the_end() {
    let w = window(2026, 1, 6);
    assert_eq!(w.span(m(2026, 5), m(2026, 9)), Some((4, 2)));
    // Starts exactly on the last visible month.
    assert_eq!(w.span(m(2026, 6), m(2027, 6)), Some((5, 1)));
}

#[test]
fn span_clipped_at_both_ends() {
    let w = window(2026, 3, 4);
    assert_eq!(w.span(m(2025, 1), m(2027, 12)), Some((0, 4)));
}

#[test]
fn span_wholly_before_or_after_is_none() {
    let w = window(2026, 3, 4); // Mar..Jun 2026
    assert_eq!(w.span(m(2025, 1), m(2026, 2)), None);
    assert_eq!(w.span(m(2026, 7), m(2026, 9)), None);
    assert_eq!(w.span(m(2027, 3), m(2027, 4)), None);
}

#[test]
fn span_across_a_year_boundary() {
    let w = window(2026, 11, 6); // Nov 2026..Apr 2027
    assert_eq!(w.span(m(2026, 10), m(2027, 2)), Some((0, 4)));
    assert_eq!(w.span(m(2026, 12), m(2027, 1)), Some((1, 2)));
    assert_eq!(w.span(m(2027, 3), m(2027, 8)), Some((4, 2)));
    assert_eq!(w.span(m(2026, 1), m(2026, 10)), None);
}

// ---------- Window: offset_of ----------

#[test]
fn offset_of_the_first_day_is_the_column_start() {
    let w = window(2026, 11, 6);
    assert_eq!(w.offset_of(d(2026, 11, 1)), Some(0.0));
    assert_eq!(w.offset_of(d(2026, 12, 1)), Some(1.0));
    assert_eq!(w.offset_of(d(2027, 1, 1)), Some(2.0));
    assert_eq!(w.offset_of(d(2027, 4, 1)), Some(5.0));
}

#[test]
fn offset_of_mid_month_is_a_fraction_of_the_month_length() {
    let w = window(2026, 11, 6);
    // November has 30 days: the 16th is 15/30 of the way through.
    assert_eq!(w.offset_of(d(2026, 11, 16)), Some(0.5));
    // December has 31.
    assert_eq!(w.offset_of(d(2026, 12, 31)), Some(1.0 + 30.0 / 31.0));
    // April has 30.
    assert_eq!(w.offset_of(d(2027, 4, 30)), Some(5.0 + 29.0 / 30.0));
}

#[test]
fn offset_of_a_day_outside_the_window_is_none() {
    let w = window(2026, 11, 6);
    assert_eq!(w.offset_of(d(2026, 10, 31)), None);
    assert_eq!(w.offset_of(d(2027, 5, 1)), None);
    assert_eq!(w.offset_of(d(2025, 11, 15)), None);
    assert_eq!(w.offset_of(d(2027, 11, 15)), None);
}

#[test]
fn offset_of_uses_the_length_of_february() {
    // 2028 is a leap year: 29 days.
    let w = window(2028, 1, 3);
    assert_eq!(w.offset_of(d(2028, 2, 15)), Some(1.0 + 14.0 / 29.0));
    assert_eq!(w.offset_of(d(2028, 2, 29)), Some(1.0 + 28.0 / 29.0));
    assert!(w.offset_of(d(2028, 2, 29)).unwrap() < 2.0);
    // 2027 is not: 28 days.
    let w = window(2027, 1, 3);
    assert_eq!(w.offset_of(d(2027, 2, 15)), Some(1.5));
    assert_eq!(w.offset_of(d(2027, 2, 28)), Some(1.0 + 27.0 / 28.0));
    // 2100 is not (century), 2000 is (400 rule).
    assert_eq!(
        window(2100, 2, 1).offset_of(d(2100, 2, 15)),
        Some(14.0 / 28.0)
    );
    assert_eq!(
        window(2000, 2, 1).offset_of(d(2000, 2, 15)),
        Some(14.0 / 29.0)
    );
}

// ---------- quarters ----------

#[test]
fn quarter_start_is_the_first_month_of_the_quarter() {
    assert_eq!(quarter_start(m(2026, 1)), m(2026, 1));
    assert_eq!(quarter_start(m(2026, 2)), m(2026, 1));
    assert_eq!(quarter_start(m(2026, 3)), m(2026, 1));
    assert_eq!(quarter_start(m(2026, 4)), m(2026, 4));
    assert_eq!(quarter_start(m(2026, 6)), m(2026, 4));
    assert_eq!(quarter_start(m(2026, 8)), m(2026, 7));
    assert_eq!(quarter_start(m(2026, 10)), m(2026, 10));
    assert_eq!(quarter_start(m(2026, 12)), m(2026, 10));
}

#[test]
fn quarters_across_a_year_boundary() {
    let q = window(2026, 11, 6).quarters(); // Nov 2026..Apr 2027
    assert_eq!(q, vec![m(2026, 10), m(2027, 1), m(2027, 4)]);
    // Each is its first month, which tells the quarter and the year.
    let facts: Vec<(u8, i32)> = q.iter().map(|q| (q.quarter(), q.year)).collect();
    assert_eq!(facts, vec![(4, 2026), (1, 2027), (2, 2027)]);
}

#[test]
fn quarters_of_a_window_aligned_on_quarters() {
    assert_eq!(
        window(2026, 1, 12).quarters(),
        vec![m(2026, 1), m(2026, 4), m(2026, 7), m(2026, 10)]
    );
}

#[test]
fn quarters_of_a_single_month_window() {
    assert_eq!(window(2026, 8, 1).quarters(), vec![m(2026, 7)]);
    // A window from the last month of a quarter into the next one touches both.
    assert_eq!(
        window(2026, 12, 2).quarters(),
        vec![m(2026, 10), m(2027, 1)]
    );
}

// ---------- shifted / resized ----------

/// What `op` makes of a feature from March to May 2026 moved by each of `by`, each as
/// "<first month>..<last month>".
fn moved(op: fn(&Feature, i32) -> Option<(Month, Month)>, by: &[i32]) -> Vec<String> {
    let f = dated("f-1", "Signup", m(2026, 3), m(2026, 5));
    let span = |by: &i32| op(&f, *by).map(|(a, b)| format!("{a}..{b}"));
    by.iter()
        .map(|n| span(n).expect("a dated feature moves"))
        .collect()
}

#[test]
fn shifted_moves_both_ends() {
    assert_eq!(
        moved(shifted, &[2, -3, 10, 0]),
        [
            "2026-05..2026-07",
            "2025-12..2026-02",
            "2027-01..2027-03",
            "2026-03..2026-05"
        ]
    );
}

#[test]
fn resized_end_moves_the_end_only() {
    assert_eq!(
        moved(resized_end, &[1, 8, -1, -2]),
        [
            "2026-03..2026-06",
            "2026-03..2027-01",
            "2026-03..2026-04",
            "2026-03..2026-03"
        ]
    );
}

#[test]
fn resized_end_never_goes_before_the_start() {
    assert_eq!(
        moved(resized_end, &[-3, -40]),
        ["2026-03..2026-03", "2026-03..2026-03"]
    );
}

#[test]
fn resized_start_moves_the_start_only() {
    assert_eq!(
        moved(resized_start, &[-3, 1, 2]),
        ["2025-12..2026-05", "2026-04..2026-05", "2026-05..2026-05"]
    );
}

#[test]
fn resized_start_never_goes_after_the_end() {
    assert_eq!(
        moved(resized_start, &[3, 40]),
        ["2026-05..2026-05", "2026-05..2026-05"]
    );
}

#[test]
fn undated_features_cannot_be_moved_or_resized() {
    let none = undated("f-1");
    let mut start_only = undated("f-2");
    start_only.start = Some(m(2026, 3));
    let mut end_only = undated("f-3");
    end_only.end = Some(m(2026, 5));
    for f in [&none, &start_only, &end_only] {
        assert_eq!(shifted(f, 1), None, "{}", f.title);
        assert_eq!(resized_end(f, 1), None, "{}", f.title);
        assert_eq!(resized_start(f, -1), None, "{}", f.title);
    }
}

// ---------- sprints per quarter ----------

// Deliberately parallel: one sprint length per test (its sprints, then their count a
// quarter), so the name of a failing test says which length is miscounted. The states
// differ on purpose: they do not count.
#[test]
fn two_week_sprints_give_six_a_quarter() {
    let sprints = "finished 2026-01-05..2026-01-18, planned 2026-01-19..2026-02-01";
    assert_eq!(per_quarter(sprints), 6.0);
}

#[test]
fn three_week_sprints_give_four_a_quarter() {
    assert_eq!(per_quarter("planned 2026-12-21..2027-01-10"), 4.0);
}

#[test]
fn one_week_sprints_give_thirteen_a_quarter() {
    assert_eq!(per_quarter("active 2026-03-02..2026-03-08"), 13.0);
}

#[test]
fn sprints_with_no_dates_count_as_two_weeks() {
    assert_eq!(per_quarter(""), 6.0);
    assert_eq!(per_quarter("finished, planned"), 6.0);
}

#[test]
fn sprints_per_quarter_averages_dated_sprints_and_ignores_the_rest() {
    // 14 and 21 days: 17.5 on average, 91 / 17.5 = 5.2; then undated, half-dated, and
    // ending before it starts: left out.
    let sprints = "finished 2026-01-05..2026-01-18, finished 2026-01-19..2026-02-08, \
                   planned, planned 2026-01-01.., planned 2026-03-01..2026-02-01";
    assert_eq!(per_quarter(sprints), 5.0);
}

#[test]
fn a_sprint_longer_than_a_quarter_still_counts_as_one() {
    assert_eq!(per_quarter("planned 2026-01-01..2026-06-30"), 1.0);
}

// ---------- buckets ----------

#[test]
fn horizon_buckets_hold_the_features_of_that_horizon() {
    let p = atlas();
    assert_eq!(
        titles(&in_bucket(&p, &Bucket::Horizon(Horizon::Now))),
        vec!["Signup", "Tour"]
    );
    assert_eq!(
        titles(&in_bucket(&p, &Bucket::Horizon(Horizon::Next))),
        vec!["Filters", "Billing"]
    );
    assert_eq!(
        titles(&in_bucket(&p, &Bucket::Horizon(Horizon::Later))),
        vec!["Feature f-4"]
    );
}

#[test]
fn quarter_buckets_count_a_feature_where_it_ends() {
    let p = atlas();
    // Signup ends in March: Q1. Tour starts in February but ends in April: Q2 only.
    assert_eq!(
        titles(&in_bucket(&p, &Bucket::Quarter(m(2026, 1)))),
        vec!["Signup"]
    );
    assert_eq!(
        titles(&in_bucket(&p, &Bucket::Quarter(m(2026, 4)))),
        vec!["Tour", "Filters", "Billing"]
    );
    assert!(in_bucket(&p, &Bucket::Quarter(m(2026, 7))).is_empty());
    assert!(in_bucket(&p, &Bucket::Quarter(m(2025, 10))).is_empty());
}

#[test]
fn quarter_buckets_leave_out_features_without_an_end() {
    let mut p = Product::new(id("p-a"), "Atlas");
    let mut start_only = undated("f-1");
    start_only.start = Some(m(2026, 1));
    let mut end_only = undated("f-2");
    end_only.end = Some(m(2026, 2));
    p.features = vec![start_only, end_only];
    assert_eq!(
        titles(&in_bucket(&p, &Bucket::Quarter(m(2026, 1)))),
        vec!["Feature f-2"]
    );
}

// ---------- reality check ----------

#[test]
fn fixture_velocity_and_capacity() {
    let p = atlas();
    assert_eq!(velocity(&p), Some(6.5));
    assert_eq!(sprints_per_quarter(&p), 6.0);
}

#[test]
fn reality_of_now_counts_features_items_and_points() {
    // Ready: i-1, i-2 and i-4; i-3 has no estimate, i-5 no acceptance criteria.
    // Points left: i-2 (3) + i-5 (2): i-1 and i-4 are done, i-3 has no estimate.
    let r = atlas_reality(
        Bucket::Horizon(Horizon::Now),
        "2 features (2 broken down), 5 items (4 estimated, 3 ready), \
         5 points left, capacity 39, time-boxed",
    );
    assert_eq!(r.fits(), Some(true));
    assert_eq!(
        verdict(&r),
        "1 item is not estimated; 2 items are not ready."
    );
}

// Deliberately parallel with the Now test above and the Later one below: one horizon each,
// its figures, then what they mean (fits, verdict).
#[test]
fn reality_of_next_notices_a_feature_with_no_items() {
    let r = atlas_reality(
        Bucket::Horizon(Horizon::Next),
        "2 features (1 broken down), 1 items (1 estimated, 1 ready), \
         13 points left, capacity 39, time-boxed",
    );
    assert_eq!(r.fits(), Some(true));
    assert_eq!(verdict(&r), "1 of 2 features has no backlog items.");
}

#[test]
fn reality_of_later_has_no_capacity() {
    let r = atlas_reality(
        Bucket::Horizon(Horizon::Later),
        "1 features (1 broken down), 1 items (1 estimated, 1 ready), \
         20 points left, capacity none",
    );
    assert_eq!(r.fits(), None);
}

#[test]
fn verdict_for_later_does_not_claim_there_is_no_velocity() {
    let p = atlas();
    assert_eq!(velocity(&p), Some(6.5));
    let r = reality(&p, &Bucket::Horizon(Horizon::Later));
    // Every Later feature is broken down, estimated and ready, and the team has a velocity.
    assert_eq!(verdict(&r), "Plan and backlog agree.");
}

#[test]
fn reality_of_quarters() {
    atlas_reality(
        Bucket::Quarter(m(2026, 1)),
        "1 features (1 broken down), 3 items (2 estimated, 2 ready), \
         3 points left, capacity 39, time-boxed",
    );
    let q2 = atlas_reality(
        Bucket::Quarter(m(2026, 4)),
        "3 features (2 broken down), 3 items (3 estimated, 2 ready), \
         15 points left, capacity 39, time-boxed",
    );
    assert_eq!(
        verdict(&q2),
        "1 of 3 features has no backlog items; 1 item is not ready."
    );
}

#[test]
fn reality_of_an_empty_bucket() {
    let r = atlas_reality(
        Bucket::Quarter(m(2026, 7)),
        "0 features (0 broken down), 0 items (0 estimated, 0 ready), \
         0 points left, capacity 39, time-boxed",
    );
    assert_eq!(verdict(&r), "Nothing planned here.");
    let empty = Product::new(id("p-b"), "Empty");
    assert_eq!(
        verdict(&reality(&empty, &Bucket::Horizon(Horizon::Now))),
        "Nothing planned here."
    );
}

#[test]
fn items_without_a_feature_are_in_no_bucket() {
    let p = atlas();
    let total: usize = Horizon::ALL
        .iter()
        .map(|h| reality(&p, &Bucket::Horizon(*h)).items)
        .sum();
    // Eight items, one of them (i-8) without a feature.
    assert_eq!(total, 7);
}

#[test]
fn ready_follows_the_products_definition_of_ready() {
    let mut p = atlas();
    let now = Bucket::Horizon(Horizon::Now);
    // Nothing required: every item is ready.
    p.definition_of_ready = vec![];
    assert_eq!(reality(&p, &now).ready, 5);
    // Only an estimate: the four estimated items.
    p.definition_of_ready = vec![ReadyRule::IsEstimated];
    assert_eq!(reality(&p, &now).ready, 4);
    // Only criteria: all but i-5.
    p.definition_of_ready = vec![ReadyRule::HasAcceptanceCriteria];
    assert_eq!(reality(&p, &now).ready, 4);
    // A priority as well: nobody has one, so only the done items count (i-1 and i-4).
    p.definition_of_ready = vec![ReadyRule::IsEstimated, ReadyRule::HasPriority];
    assert_eq!(reality(&p, &now).ready, 2);
    assert_ne!(p.items[1].status, ItemStatus::Done);
    p.items[1].priority = Some(Priority::Must);
    assert_eq!(reality(&p, &now).ready, 3);
}

#[test]
fn no_finished_sprint_means_no_capacity() {
    let mut p = atlas();
    for s in &mut p.sprints {
        s.state = SprintState::Planned;
    }
    assert_eq!(velocity(&p), None);
    for bucket in [
        Bucket::Horizon(Horizon::Now),
        Bucket::Horizon(Horizon::Next),
        Bucket::Horizon(Horizon::Later),
        Bucket::Quarter(m(2026, 1)),
    ] {
        let r = reality(&p, &bucket);
        assert_eq!(r.capacity, None, "{bucket:?}");
        assert_eq!(r.fits(), None, "{bucket:?}");
    }
    assert_eq!(
        verdict(&reality(&p, &Bucket::Horizon(Horizon::Next))),
        "1 of 2 features has no backlog items; no velocity yet to check the points against."
    );
}

#[test]
fn capacity_follows_sprint_length() {
    let mut p = atlas();
    // Three-week sprints: four a quarter at 6.5 points each.
    p.sprints[0].end = Some(d(2026, 1, 25));
    p.sprints[1].start = Some(d(2026, 1, 26));
    p.sprints[1].end = Some(d(2026, 2, 15));
    assert_eq!(sprints_per_quarter(&p), 4.0);
    assert_eq!(
        reality(&p, &Bucket::Horizon(Horizon::Now)).capacity,
        Some(26.0)
    );
}

/// The Next bucket once f-5 "Billing" gets a ready item i-9 of `points`.
fn next_with_billing_item(points: f64) -> Reality {
    let mut p = atlas();
    p.items.push(item("i-9", Some("f-5"), Some(points), true));
    reality(&p, &Bucket::Horizon(Horizon::Next))
}

#[test]
fn too_many_points_for_the_velocity() {
    let r = next_with_billing_item(30.0);
    assert_eq!(r.broken_down, 2);
    assert_eq!(r.points_left, 43.0);
    assert_eq!(r.capacity, Some(39.0));
    assert_eq!(r.fits(), Some(false));
    assert_eq!(
        verdict(&r),
        "43 points left but about 39 fit at the current velocity."
    );
}

#[test]
fn plan_and_backlog_agree() {
    let r = next_with_billing_item(5.0);
    assert_eq!(r.points_left, 18.0);
    assert_eq!(r.fits(), Some(true));
    assert_eq!(verdict(&r), "Plan and backlog agree.");
}

#[test]
fn done_items_count_as_items_but_not_as_points_left() {
    let mut p = atlas();
    p.items[5].status = ItemStatus::Done; // i-6, 13 points, Filters
    let r = reality(&p, &Bucket::Horizon(Horizon::Next));
    assert_eq!(r.items, 1);
    assert_eq!(r.estimated, 1);
    assert_eq!(r.points_left, 0.0);
    assert!(r.points_left.is_sign_positive());
}

#[test]
fn fits_exactly_at_capacity() {
    let r = reality_of(
        "1 features (1 broken down), 1 items (1 estimated, 1 ready), \
         39 points left, capacity 39, time-boxed",
    );
    assert_eq!(r.fits(), Some(true));
    assert_eq!(verdict(&r), "Plan and backlog agree.");
    let over = Reality {
        points_left: 39.5,
        ..r.clone()
    };
    assert_eq!(over.fits(), Some(false));
    assert_eq!(
        verdict(&over),
        "39.5 points left but about 39 fit at the current velocity."
    );
}

// Deliberately parallel with fits_exactly_at_capacity, verdict_of_features_with_no_items and
// the per-horizon tests: each states a reality, then reads its fit and verdict; the cases
// differ in what they prove, and a table would hide which one failed.
#[test]
fn verdict_combines_every_gap_in_order() {
    let r = reality_of(
        "2 features (1 broken down), 3 items (1 estimated, 0 ready), \
         45 points left, capacity 19.5, time-boxed",
    );
    assert_eq!(
        verdict(&r),
        "1 of 2 features has no backlog items; 2 items are not estimated; 3 items are not ready; \
         45 points left but about 19.5 fit at the current velocity."
    );
    let no_velocity = Reality {
        capacity: None,
        time_boxed: true,
        ..r.clone()
    };
    assert_eq!(
        verdict(&no_velocity),
        "1 of 2 features has no backlog items; 2 items are not estimated; 3 items are not ready; \
         no velocity yet to check the points against."
    );
}

#[test]
fn verdict_of_features_with_no_items_at_all() {
    let r = reality_of(
        "3 features (0 broken down), 0 items (0 estimated, 0 ready), \
         0 points left, capacity 0, time-boxed",
    );
    assert_eq!(r.fits(), Some(true));
    assert_eq!(verdict(&r), "3 of 3 features have no backlog items.");
}

// ---------- SVG: escape ----------

#[test]
fn escape_replaces_markup_characters() {
    assert_eq!(escape("&"), "&amp;");
    assert_eq!(escape("<"), "&lt;");
    assert_eq!(escape(">"), "&gt;");
    assert_eq!(escape("\""), "&quot;");
    assert_eq!(escape("'"), "&#39;");
    assert_eq!(
        escape(r#"<a href="x" title='y'>Tom & Jerry</a>"#),
        "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;Tom &amp; Jerry&lt;/a&gt;"
    );
}

#[test]
fn escape_does_not_trust_existing_entities() {
    assert_eq!(escape("&amp;"), "&amp;amp;");
    assert_eq!(escape("&lt;script&gt;"), "&amp;lt;script&amp;gt;");
}

#[test]
fn escape_turns_control_characters_into_spaces_but_keeps_tabs() {
    assert_eq!(escape("a\nb\rc\0d\u{1b}e\u{1f}f"), "a b c d e f");
    assert_eq!(escape("a\tb"), "a\tb");
}

#[test]
fn escape_leaves_plain_and_non_ascii_text_alone() {
    assert_eq!(escape(""), "");
    assert_eq!(escape("Roadmap 2026"), "Roadmap 2026");
    assert_eq!(escape("Café — naïve ✓ 日本"), "Café — naïve ✓ 日本");
}

// ---------- SVG: roadmap_svg ----------

const HOSTILE: &str = "<script>alert(1)</script>";
const HOSTILE_ESCAPED: &str = "&lt;script&gt;alert(1)&lt;/script&gt;";
const QUOTES: &str = "\"quotes\" & ampersands";
const QUOTES_ESCAPED: &str = "&quot;quotes&quot; &amp; ampersands";

/// A product whose every name is hostile, in the window Nov 2026..Apr 2027:
/// - theme t-1 named QUOTES, with a hostile colour;
/// - f-1 HOSTILE (t-1, 2026-10..2027-02: visible in columns 0..3);
/// - f-2 QUOTES (no theme, 2027-03..2027-03: column 4);
/// - f-3 "Before" (no theme, 2026-01..2026-06: outside);
/// - f-4 "After" (t-1, 2027-06..2027-08: outside);
/// - f-5 "Undated" (no theme);
/// - releases r-1 HOSTILE on 2026-11-16 (inside), r-2 "Launch" on 2027-04-01 (inside),
///   r-3 "Old release" on 2026-10-31 and r-4 "Far release" on 2027-05-01 (outside).
fn hostile() -> Product {
    let mut p = Product::new(id("p-x"), HOSTILE);
    p.themes = vec![Theme {
        id: id("t-1"),
        name: QUOTES.into(),
        description: String::new(),
        colour: "#123456\"/><script>x</script>".into(),
        objective: None,
    }];
    let mut f1 = dated("f-1", HOSTILE, m(2026, 10), m(2027, 2));
    f1.theme = Some(id("t-1"));
    let mut f4 = dated("f-4", "After", m(2027, 6), m(2027, 8));
    f4.theme = Some(id("t-1"));
    p.features = vec![
        f1,
        dated("f-2", QUOTES, m(2027, 3), m(2027, 3)),
        dated("f-3", "Before", m(2026, 1), m(2026, 6)),
        f4,
        Feature::new(id("f-5"), "Undated", None),
    ];
    p.releases = vec![
        release("r-1", HOSTILE, d(2026, 11, 16)),
        release("r-2", "Launch", d(2027, 4, 1)),
        release("r-3", "Old release", d(2026, 10, 31)),
        release("r-4", "Far release", d(2027, 5, 1)),
    ];
    p
}

#[test]
fn the_lane_of_features_with_no_theme_says_so_by_its_theme_alone() {
    let all = lanes(&hostile(), &RoadmapFilter::default());
    let heads: Vec<(&str, Option<&Id>, &str)> = all
        .iter()
        .map(|l| (l.key.as_str(), l.theme.as_ref(), l.name.as_str()))
        .collect();
    // The model writes no "No theme": the page names that lane (`text::lane_name`).
    assert_eq!(
        heads,
        [("t-1", Some(&id("t-1")), QUOTES), ("no-theme", None, "")]
    );
    assert_eq!(all[1].bars.len(), 3);
}

fn bars(svg: &str) -> usize {
    svg.matches(r#"rx="4""#).count()
}

#[test]
fn svg_is_one_svg_element() {
    let svg = roadmap_svg(&hostile(), window(2026, 11, 6), &SVG_WORDS);
    assert!(svg.starts_with("<svg"), "{svg}");
    assert!(svg.ends_with("</svg>"), "{svg}");
    assert_eq!(svg.matches("<svg").count(), 1);
    assert_eq!(svg.matches("</svg>").count(), 1);
    assert!(svg.contains(r#"xmlns="http://www.w3.org/2000/svg""#));
    // 220 for labels, 64 a month, 20 of margin; 64 of header (title, one line of release
    // names, month names), 30 a row, 20 of margin.
    // Rows: the theme and its two features, "No theme" and its three features.
    assert!(
        svg.contains(r#"width="624" height="294" viewBox="0 0 624 294""#),
        "{svg}"
    );
}

#[test]
fn svg_escapes_every_text() {
    let svg = roadmap_svg(&hostile(), window(2026, 11, 6), &SVG_WORDS);
    assert!(!svg.contains("<script"), "{svg}");
    assert!(!svg.contains("</script"), "{svg}");
    assert!(!svg.contains(QUOTES), "{svg}");
    // The product name in the title.
    assert!(svg.contains(&format!(">{HOSTILE_ESCAPED} — roadmap</text>")));
    // The theme name, and the hostile colour stays inside its attribute.
    assert!(svg.contains(&format!(">{QUOTES_ESCAPED}</text>")));
    assert!(svg.contains(r##"fill="#123456&quot;/&gt;&lt;script&gt;x&lt;/script&gt;""##));
    // Feature titles and the release name.
    assert!(svg.matches(HOSTILE_ESCAPED).count() >= 3, "{svg}");
    assert!(svg.contains(&format!(">{QUOTES_ESCAPED}</text>")));
    // Each element opened is closed: as many '<' as '>'.
    assert_eq!(svg.matches('<').count(), svg.matches('>').count());
}

#[test]
fn svg_has_one_bar_per_visible_dated_feature() {
    let p = hostile();
    let svg = roadmap_svg(&p, window(2026, 11, 6), &SVG_WORDS);
    // f-1 and f-2; f-3 and f-4 lie outside, f-5 has no dates.
    assert_eq!(bars(&svg), 2, "{svg}");
    // f-1 clipped to columns 0..3: x = 220 + 2, width = 4 * 64 - 4.
    assert!(
        svg.contains(r#"<rect x="222" y="98" width="252" height="22" rx="4""#),
        "{svg}"
    );
    // f-2 in column 4 alone, in the "No theme" group after the theme's two rows.
    assert!(
        svg.contains(r#"<rect x="478" y="188" width="60" height="22" rx="4""#),
        "{svg}"
    );
    // Features outside the window keep their label row but get no bar.
    assert!(svg.contains(">Before</text>"));
    assert!(svg.contains(">After</text>"));
    assert!(svg.contains(">Undated</text>"));
    assert!(svg.contains(">No theme</text>"));
    // One status label per bar.
    assert_eq!(svg.matches(">Idea</text>").count(), 2);
}

#[test]
fn svg_bar_count_follows_the_window() {
    let p = hostile();
    // Jan..Jun 2026: only "Before".
    assert_eq!(bars(&roadmap_svg(&p, window(2026, 1, 6), &SVG_WORDS)), 1);
    // Jan 2026..Dec 2027: every dated feature.
    assert_eq!(bars(&roadmap_svg(&p, window(2026, 1, 24), &SVG_WORDS)), 4);
    // 2030: nothing.
    assert_eq!(bars(&roadmap_svg(&p, window(2030, 1, 6), &SVG_WORDS)), 0);
}

#[test]
fn svg_draws_releases_inside_the_window_only() {
    let svg = roadmap_svg(&hostile(), window(2026, 11, 6), &SVG_WORDS);
    assert!(svg.contains(">Launch</text>"), "{svg}");
    assert!(svg.contains(&format!(r#"font-weight="700">{HOSTILE_ESCAPED}</text>"#)));
    assert!(!svg.contains("Old release"), "{svg}");
    assert!(!svg.contains("Far release"), "{svg}");
    assert_eq!(svg.matches("stroke-dasharray").count(), 2);
    // 2026-11-16 is half-way through column 0: x = 220 + 32; 2027-04-01 starts column 5.
    // Each line runs beside its name, breaks for the month names (48..64), and goes on
    // down from the first row.
    assert!(
        svg.contains(r#"<path d="M252 28 V46 M252 64 V294""#),
        "{svg}"
    );
    assert!(
        svg.contains(r#"<path d="M540 28 V46 M540 64 V294""#),
        "{svg}"
    );
}

#[test]
fn svg_month_headers() {
    let svg = roadmap_svg(&hostile(), window(2026, 11, 6), &SVG_WORDS);
    for label in ["Nov 26", "Dec 26", "Jan 27", "Feb 27", "Mar 27", "Apr 27"] {
        assert!(svg.contains(&format!(">{label}</text>")), "{label}");
    }
    assert!(!svg.contains(">Oct 26</text>"));
    assert!(!svg.contains(">May 27</text>"));
}

#[test]
fn svg_month_headers_pad_the_year() {
    let svg = roadmap_svg(&hostile(), window(2105, 1, 1), &SVG_WORDS);
    assert!(svg.contains(">Jan 05</text>"), "{svg}");
}

#[test]
fn svg_progress_bar_follows_done_points() {
    let mut p = Product::new(id("p-a"), "Atlas");
    p.features = vec![dated("f-1", "Signup", m(2026, 1), m(2026, 2))];
    let mut done = item("i-1", Some("f-1"), Some(3.0), true);
    done.status = ItemStatus::Done;
    p.items = vec![done, item("i-2", Some("f-1"), Some(1.0), true)];
    let svg = roadmap_svg(&p, window(2026, 1, 3), &SVG_WORDS);
    // Bar: two columns, 124 wide; three of four points done: 93.
    assert!(svg.contains(r#"width="124" height="22" rx="4""#), "{svg}");
    assert!(svg.contains(r#"width="93" height="3""#), "{svg}");
}

#[test]
fn svg_truncates_long_titles_before_escaping() {
    let mut p = Product::new(id("p-a"), "Atlas");
    let title = format!("{}&{}", "a".repeat(28), "b".repeat(10));
    p.features = vec![dated("f-1", &title, m(2026, 1), m(2026, 1))];
    let svg = roadmap_svg(&p, window(2026, 1, 3), &SVG_WORDS);
    // 29 characters and an ellipsis; the ampersand is escaped whole.
    assert!(
        svg.contains(&format!(">{}&amp;…</text>", "a".repeat(28))),
        "{svg}"
    );
}

#[test]
fn svg_of_the_sample_workspace_is_well_formed() {
    let ws = sample_workspace(d(2026, 3, 15), &mut counter_ids());
    for p in &ws.products {
        let svg = roadmap_svg(p, window(2026, 1, 12), &SVG_WORDS);
        assert!(svg.starts_with("<svg") && svg.ends_with("</svg>"));
        assert_eq!(svg.matches('<').count(), svg.matches('>').count());
        let visible = p
            .features
            .iter()
            .filter(|f| match (f.start, f.end) {
                (Some(a), Some(b)) => window(2026, 1, 12).span(a, b).is_some(),
                _ => false,
            })
            .filter(|f| {
                f.theme.is_none() || p.themes.iter().any(|t| Some(&t.id) == f.theme.as_ref())
            })
            .count();
        assert_eq!(bars(&svg), visible, "{}", p.name);
    }
}

#[test]
fn reality_does_not_ask_done_items_to_be_ready() {
    let mut p = atlas();
    let before = reality(&p, &Bucket::Horizon(Horizon::Now));
    // i-5 has no acceptance criteria: not ready while it is worked on, past the gate once done.
    let i5 = p.items.iter_mut().find(|i| i.id.as_str() == "i-5").unwrap();
    assert_ne!(i5.status, ItemStatus::Done);
    i5.status = ItemStatus::Done;
    let done = reality(&p, &Bucket::Horizon(Horizon::Now));
    assert_eq!(done.ready, before.ready + 1);
    // Left: i-3, which has no estimate and so is neither estimated nor ready.
    assert_eq!(
        verdict(&done),
        "1 item is not estimated; 1 item is not ready."
    );
}

// ---------- dependencies and slips on the timeline ----------

/// Sync (f-1, Mar..Apr 2026) and Share (f-2, Apr..May 2026), which waits for Sync, so
/// starts a month before Sync ends; Spring (r-1) on 15 Mar 2026, which Sync targets.
fn waiting() -> Product {
    let mut p = Product::new(id("p-w"), "Atlas");
    let mut sync = dated("f-1", "Sync", m(2026, 3), m(2026, 4));
    sync.release = Some(id("r-1"));
    let mut share = dated("f-2", "Share", m(2026, 4), m(2026, 5));
    share.depends_on = vec![id("f-1")];
    p.features = vec![sync, share];
    p.releases = vec![release("r-1", "Spring", d(2026, 3, 15))];
    p
}

fn bar_of(p: &Product, f: &str) -> Bar {
    lanes(p, &RoadmapFilter::default())
        .into_iter()
        .flat_map(|l| l.bars)
        .find(|b| b.id == id(f))
        .expect("a bar")
}

#[test]
fn column_of_counts_days_outside_the_window_too() {
    let w = window(2026, 3, 6);
    assert_eq!(w.column_of(d(2026, 3, 1)), 0.0);
    assert_eq!(w.column_of(d(2026, 2, 1)), -1.0);
    assert_eq!(w.column_of(d(2026, 10, 1)), 7.0);
    assert_eq!(w.offset_of(d(2026, 10, 1)), None);
}

#[test]
fn a_bar_names_what_it_waits_for_and_when_that_ends() {
    let p = waiting();
    let share = bar_of(&p, "f-2");
    assert_eq!(
        share.waits,
        vec![Wait {
            id: id("f-1"),
            title: "Sync".into(),
            ends: Some(d(2026, 4, 30)),
            late: true,
        }]
    );
    assert!(bar_of(&p, "f-1").waits.is_empty());
}

#[test]
fn a_bar_carries_its_slip_and_why() {
    let p = waiting();
    let sync = bar_of(&p, "f-1");
    assert_eq!(
        sync.slip,
        Some(SlipFacts {
            weeks: 7,
            ends: Some(d(2026, 4, 30)),
            against: Against::Release {
                name: "Spring".into(),
                date: d(2026, 3, 15)
            },
        })
    );
    // Share starts on 1 April; Sync ends on 30 April: 30 days, 5 weeks.
    let share = bar_of(&p, "f-2");
    assert_eq!(
        share.slip,
        Some(SlipFacts {
            weeks: 5,
            ends: Some(d(2026, 5, 31)),
            against: Against::Blocker {
                id: id("f-1"),
                title: "Sync".into(),
                ends: d(2026, 4, 30),
                starts: d(2026, 4, 1),
            },
        })
    );
    assert_eq!(slip_of(&p, &id("f-2")), share.slip);
}

#[test]
fn a_blocker_that_ends_before_the_start_is_not_late_and_draws_a_connector() {
    let mut p = waiting();
    p.features[1].start = Some(m(2026, 6));
    p.features[1].end = Some(m(2026, 7));
    let share = bar_of(&p, "f-2");
    assert!(!share.waits[0].late);
    assert_eq!(share.slip, None);
    // From the end of April (column 2 in a window from March) to the start of June (3).
    assert_eq!(
        share.links(window(2026, 3, 6)),
        vec![Link {
            id: id("f-1"),
            from: 2.0,
            to: 3.0,
            late: false
        }]
    );
    // Blocker ending the month before: the connector has no length but is drawn.
    p.features[1].start = Some(m(2026, 5));
    let links = bar_of(&p, "f-2").links(window(2026, 3, 6));
    assert_eq!(
        (links[0].from, links[0].to, links[0].late),
        (2.0, 2.0, false)
    );
}

#[test]
fn a_late_blocker_draws_the_overlap_from_this_start_to_its_end() {
    let share = bar_of(&waiting(), "f-2");
    // Share starts at April (column 1 from March); Sync ends with April (column 2).
    assert_eq!(
        share.links(window(2026, 3, 6)),
        vec![Link {
            id: id("f-1"),
            from: 1.0,
            to: 2.0,
            late: true
        }]
    );
    // Clipped to the window: from May, the overlap is gone from sight.
    assert!(share.links(window(2026, 5, 6)).is_empty());
    // From April, it starts at the window's edge.
    let l = &share.links(window(2026, 4, 6))[0];
    assert_eq!((l.from, l.to), (0.0, 1.0));
}

#[test]
fn no_connector_when_this_bar_starts_outside_the_window_or_has_no_dates() {
    let mut p = waiting();
    p.features[1].start = Some(m(2026, 9));
    p.features[1].end = Some(m(2026, 9));
    assert!(bar_of(&p, "f-2").links(window(2026, 3, 6)).is_empty());
    p.features[1].start = None;
    p.features[1].end = None;
    let share = bar_of(&p, "f-2");
    assert!(share.links(window(2026, 3, 6)).is_empty());
    // Not late: with no start it cannot start too early.
    assert!(!share.waits[0].late);
}

#[test]
fn a_lane_is_drawn_again_when_a_wait_or_slip_changes() {
    let p = waiting();
    let before = lanes(&p, &RoadmapFilter::default())[0].content_key();
    let mut q = p.clone();
    q.features[1].depends_on.clear();
    let after = lanes(&q, &RoadmapFilter::default())[0].content_key();
    assert_ne!(before, after);
}

// ---------- SVG: release names clear of the month names and objectives ----------

/// The baselines of the SVG's texts of class `class`.
fn text_ys(svg: &str, class: &str) -> Vec<f64> {
    let open = format!(r#"<text class="{class}" x=""#);
    svg.match_indices(&open)
        .map(|(at, _)| {
            let rest = &svg[at..];
            let y = &rest[rest.find(" y=\"").unwrap() + 4..];
            y[..y.find('"').unwrap()].parse().unwrap()
        })
        .collect()
}

fn overlaps(a: f64, b: f64) -> bool {
    use twohats::model::roadmap_svg::{ASCENT, DESCENT};
    // Two lines of 12 px text overlap when their extents from ascent to descent do.
    a - ASCENT < b + DESCENT && b - ASCENT < a + DESCENT
}

#[test]
fn svg_release_names_keep_clear_of_month_names_and_objectives() {
    let mut p = hostile();
    p.objectives = vec![common::objective("o-1", "Grow")];
    p.themes[0].objective = Some(id("o-1"));
    // Two releases two days apart: their names take two lines of the band.
    p.releases.push(release("r-5", "Beta", d(2026, 11, 18)));
    let svg = roadmap_svg(&p, window(2026, 11, 6), &SVG_WORDS);
    let (releases, months, objectives) = (
        text_ys(&svg, "release"),
        text_ys(&svg, "month"),
        text_ys(&svg, "objective"),
    );
    assert_eq!(releases.len(), 3, "{svg}");
    assert_eq!(months.len(), 6, "{svg}");
    assert_eq!(objectives.len(), 1, "{svg}");
    assert!(svg.contains(">Objective: Grow</text>"), "{svg}");
    let lines: std::collections::BTreeSet<i64> = releases.iter().map(|y| *y as i64).collect();
    assert_eq!(lines.len(), 2, "two lines of names: {svg}");
    for r in &releases {
        for other in months.iter().chain(&objectives) {
            assert!(
                !overlaps(*r, *other),
                "release at {r}, text at {other}: {svg}"
            );
        }
    }
    // The second line pushes the rows down by one line: 80 of head.
    assert!(
        svg.contains(r#"<rect x="222" y="114" width="252""#),
        "{svg}"
    );
}

#[test]
fn svg_marks_a_slipping_feature() {
    let svg = roadmap_svg(&waiting(), window(2026, 3, 6), &SVG_WORDS);
    assert!(
        svg.contains(
            r##">Sync<tspan fill="#b3261e" font-weight="700"> · slips 7 wk</tspan></text>"##
        ),
        "{svg}"
    );
    assert!(svg.contains(
        r##">Share<tspan fill="#b3261e" font-weight="700"> · slips 5 wk</tspan></text>"##
    ));
}

#[test]
fn svg_writes_the_callers_words_and_none_of_its_own() {
    use twohats::model::roadmap_svg::SvgWords;
    let words = SvgWords {
        title: |p| format!("[T {p}]"),
        no_theme: "[NT]",
        objective: |o| format!("[O {o}]"),
        no_objective: "[NO]",
        slips: |w| format!("[S {w}]"),
        month: |_| "[M]",
        status: |_| "[ST]",
    };
    let mut p = waiting();
    p.name = "P".into();
    p.objectives = vec![common::objective("o-1", "Grow")];
    p.themes = vec![Theme {
        id: id("t-1"),
        name: "Lane".into(),
        description: String::new(),
        colour: "#123456".into(),
        objective: None,
    }];
    p.features[0].theme = Some(id("t-1"));
    let svg = roadmap_svg(&p, window(2026, 3, 6), &words);
    for said in [
        ">[T P]</text>",
        ">[NT]</text>",
        ">[NO]</text>",
        ">[S 7]</tspan>",
        ">[M] 26</text>",
        ">[ST]</text>",
    ] {
        assert!(svg.contains(said), "{said}: {svg}");
    }
    for english in [
        "roadmap",
        "No theme",
        "Objective",
        "objective<",
        "slips",
        " wk",
        ">Mar ",
        "Planned",
    ] {
        assert!(!svg.contains(english), "{english}: {svg}");
    }
    p.themes[0].objective = Some(id("o-1"));
    let svg = roadmap_svg(&p, window(2026, 3, 6), &words);
    assert!(svg.contains(">[O Grow]</text>"), "{svg}");
}
