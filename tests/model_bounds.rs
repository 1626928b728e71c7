#![cfg(not(target_arch = "wasm32"))]
//! The bounds on every number (issue 18, item 4): each range's edges, a command that sets
//! a value out of range refused with a clear error, an import that leaves such a value out
//! and names its path, and a stored value out of range that still loads and is flagged.

use twohats::model::backlog::{backlog_rows, BacklogFilter};
use twohats::model::bounds::{self, Field, NotInRange};
use twohats::model::error::{At, Name, Place, Problem};
use twohats::model::planning::{sprint_load, velocity};
use twohats::model::rollup::Rollup;
use twohats::model::scoring::Scheme;
use twohats::model::*;
use twohats::text::numbers::{fixed, plain, points};
use twohats::text::{forecast, out_of_range, rollup_text, score};

mod common;
use common::{add_entity, batch, edit_entity, id, key_result};
use twohats::storage::format::encode_export;
use twohats::storage::import::parse_import;

/// Atlas: an objective with one key result, a feature, a finished sprint s-1 (capacity
/// 20) holding done item i-1 (3 points), and an item i-2 (5 points) in no sprint.
fn workspace() -> Workspace {
    let mut p = Product::new(id("p-a"), "Atlas");
    p.objectives = vec![Objective {
        id: id("o-1"),
        title: "Grow".into(),
        key_results: vec![key_result("k-1", "Users", (0.0, 100.0, 10.0), "")],
    }];
    p.features = vec![Feature::new(id("f-1"), "Login", None)];
    p.sprints = vec![Sprint {
        id: id("s-1"),
        name: "Sprint 1".into(),
        goal: String::new(),
        start: None,
        end: None,
        capacity: Some(20.0),
        state: SprintState::Finished,
        scope: None,
    }];
    let mut done = Item::new(id("i-1"), ItemKind::Story, "Sign in");
    (done.estimate, done.sprint, done.status) = (Some(3.0), Some(id("s-1")), ItemStatus::Done);
    let mut open = Item::new(id("i-2"), ItemKind::Story, "Sign out");
    open.estimate = Some(5.0);
    p.items = vec![done, open];
    Workspace {
        products: vec![p],
        ..Workspace::default()
    }
}

fn atlas(ws: &mut Workspace) -> &mut Product {
    &mut ws.products[0]
}

// ---------- the ranges ----------

#[track_caller]
fn takes(field: Field, good: &[f64], bad: &[f64]) {
    for &v in good {
        assert!(field.accepts(v), "{field:?} should take {v}");
        assert_eq!(field.check(v), Ok(()));
    }
    for &v in bad {
        assert!(!field.accepts(v), "{field:?} should refuse {v}");
        assert_eq!(field.check(v), Err(NotInRange(field)));
    }
}

const NOT_NUMBERS: [f64; 3] = [f64::NAN, f64::INFINITY, f64::NEG_INFINITY];

#[test]
fn estimates_and_capacity_take_0_to_1000_points() {
    for field in [Field::Estimate, Field::Capacity] {
        takes(
            field,
            &[0.0, -0.0, 0.5, 13.0, 999.5, 1000.0],
            &[-1.0, -0.001, 1000.5, 1e308, f64::NAN, f64::INFINITY],
        );
    }
    assert_eq!(Field::Estimate.bound().high, Some(1000.0));
}

#[test]
fn confidence_and_impact_take_0_to_100() {
    takes(
        Field::Confidence,
        &[0.0, 50.0, 100.0],
        &[-0.5, 100.5, 1e9, f64::NAN],
    );
    takes(Field::Impact, &[0.0, 0.25, 3.0, 100.0], &[-1.0, 100.1]);
}

#[test]
fn effort_and_job_size_must_be_above_zero() {
    for field in [Field::Effort, Field::JobSize, Field::FeatureEffort] {
        takes(field, &[0.001, 1.0, 40.0], &[0.0, -0.0, -2.0, f64::NAN]);
    }
}

#[test]
fn reach_and_values_take_zero_or_more() {
    for field in [
        Field::Reach,
        Field::Value,
        Field::BusinessValue,
        Field::TimeCriticality,
        Field::RiskReduction,
        Field::FeatureValue,
    ] {
        takes(field, &[0.0, 1.0, 1e9], &[-1.0, -0.001, f64::INFINITY]);
    }
}

#[test]
fn key_result_values_may_be_negative_but_must_be_numbers() {
    for field in [
        Field::KeyResultStart,
        Field::KeyResultTarget,
        Field::KeyResultCurrent,
    ] {
        takes(field, &[-1e6, -0.5, 0.0, 1e9], &NOT_NUMBERS);
    }
}

#[test]
fn no_field_takes_what_is_not_a_number() {
    for field in Field::ALL {
        for v in NOT_NUMBERS {
            assert!(!field.accepts(v), "{field:?} took {v}");
        }
    }
}

// ---------- commands ----------

/// Applies `cmd` expecting a refusal; checks the workspace is untouched and returns the error.
#[track_caller]
fn refused(ws: &Workspace, cmd: Command) -> ModelError {
    let mut after = ws.clone();
    let err = apply(&mut after, cmd).expect_err("should have been refused");
    assert_eq!(&after, ws, "a refused command changed the workspace");
    err
}

fn title(t: &str) -> Name {
    Name::Title(t.into())
}

/// `product '<product>' › <kind> '<title>'`, as a refused command names what it set.
fn titled(product: &str, kind: Kind, t: &str) -> At {
    At(vec![
        Place::Product(title(product)),
        Place::Entity(kind, title(t)),
    ])
}

fn edit_item(ws: &Workspace, n: usize, change: impl FnOnce(&mut Item)) -> Command {
    let mut item = ws.products[0].items[n].clone();
    change(&mut item);
    edit_entity("p-a", Entity::Item(item))
}

#[test]
fn a_command_that_sets_a_number_out_of_range_is_refused_and_says_which() {
    let ws = workspace();
    let mut new = Item::new(id("i-9"), ItemKind::Bug, "Huge");
    new.estimate = Some(1e308);
    let err = refused(&ws, add_entity("p-a", Entity::Item(new), None));
    assert_eq!(
        err,
        ModelError::new(
            titled("Atlas", Kind::Item, "Huge"),
            Problem::OutOfRange(Field::Estimate, 1e308)
        )
    );

    let err = refused(
        &ws,
        edit_item(&ws, 1, |i| i.scores.confidence = Some(101.0)),
    );
    assert_eq!(err.problem, Problem::OutOfRange(Field::Confidence, 101.0));
    let err = refused(&ws, edit_item(&ws, 1, |i| i.scores.effort = Some(0.0)));
    assert_eq!(err.problem, Problem::OutOfRange(Field::Effort, 0.0));

    let mut s = ws.products[0].sprints[0].clone();
    s.capacity = Some(1000.5);
    let err = refused(&ws, edit_entity("p-a", Entity::Sprint(s)));
    assert_eq!(err.at, titled("Atlas", Kind::Sprint, "Sprint 1"));
    assert_eq!(err.problem, Problem::OutOfRange(Field::Capacity, 1000.5));
}

// Alike by shape only with the batch tests in model_commands and model_move
// (deliberately): each batch test lists its own commands.
#[test]
fn a_value_in_range_at_the_edge_is_taken() {
    let mut ws = workspace();
    apply(
        &mut ws,
        edit_item(&workspace(), 1, |i| i.estimate = Some(1000.0)),
    )
    .unwrap();
    apply(
        &mut ws,
        edit_item(&workspace(), 0, |i| i.estimate = Some(0.0)),
    )
    .unwrap();
    assert_eq!(ws.products[0].items[1].estimate, Some(1000.0));
    assert_eq!(ws.products[0].items[0].estimate, Some(0.0));
}

#[test]
fn a_batch_or_a_new_product_with_one_value_out_of_range_is_refused_whole() {
    let ws = workspace();
    let batch = batch(
        "two edits",
        vec![
            edit_item(&ws, 0, |i| i.title = "Fine".into()),
            edit_item(&ws, 1, |i| i.scores.reach = Some(-5.0)),
        ],
    );
    assert_eq!(
        refused(&ws, batch).problem,
        Problem::OutOfRange(Field::Reach, -5.0)
    );

    let mut p = workspace().products.remove(0);
    (p.id, p.name) = (id("p-new"), "Copy".into());
    for (n, i) in p.items.iter_mut().enumerate() {
        i.id = id(&format!("i-new{n}"));
        i.sprint = None;
    }
    p.items[1].estimate = Some(5000.0);
    (p.objectives, p.features, p.sprints) = (vec![], vec![], vec![]);
    let err = refused(
        &ws,
        Command::AddProduct {
            product: Box::new(p),
            index: None,
        },
    );
    assert_eq!(err.at, titled("Copy", Kind::Item, "Sign out"));
    assert_eq!(err.problem, Problem::OutOfRange(Field::Estimate, 5000.0));
}

#[test]
fn a_key_result_value_that_is_not_a_number_is_refused_by_its_bound() {
    let ws = workspace();
    let mut o = ws.products[0].objectives[0].clone();
    o.key_results[0].current = f64::INFINITY;
    let err = refused(&ws, edit_entity("p-a", Entity::Objective(o)));
    assert_eq!(
        err.at,
        titled("Atlas", Kind::Objective, "Grow").then(Place::KeyResult(title("Users")))
    );
    assert_eq!(
        err.problem,
        Problem::OutOfRange(Field::KeyResultCurrent, f64::INFINITY)
    );
    let mut o = ws.products[0].objectives[0].clone();
    o.key_results[0].current = -40.0;
    let mut after = ws.clone();
    apply(&mut after, edit_entity("p-a", Entity::Objective(o))).unwrap();
}

// ---------- stored values out of range ----------

/// The workspace of the issue: an estimate and a sprint capacity of 1e308, and a few more
/// values out of range, as a store written before the bounds (or by hand) holds them.
fn stored_out_of_range() -> Workspace {
    let mut ws = workspace();
    let p = atlas(&mut ws);
    p.items[0].estimate = Some(1e308);
    p.items[1].estimate = Some(-2.0);
    p.items[1].scores.confidence = Some(250.0);
    p.items[1].scores.effort = Some(0.0);
    p.sprints[0].capacity = Some(1e308);
    p.features[0].effort = Some(0.0);
    ws
}

#[test]
fn a_stored_workspace_with_values_out_of_range_still_loads() {
    let ws = stored_out_of_range();
    assert_eq!(validate_workspace(&ws), Ok(()));
    let found: Vec<(String, f64)> = bounds::out_of_range(&ws)
        .iter()
        .map(|o| (o.path(), o.value))
        .collect();
    assert_eq!(
        found,
        [
            ("products[0].features[0].effort".to_string(), 0.0),
            ("products[0].items[0].estimate".to_string(), 1e308),
            ("products[0].items[1].estimate".to_string(), -2.0),
            ("products[0].items[1].scores.effort".to_string(), 0.0),
            ("products[0].items[1].scores.confidence".to_string(), 250.0),
            ("products[0].sprints[0].capacity".to_string(), 1e308),
        ]
    );
    assert!(bounds::out_of_range(&workspace()).is_empty());
}

#[test]
fn a_stored_value_out_of_range_does_not_block_other_edits_and_is_flagged() {
    let ws = stored_out_of_range();
    // Renaming the item keeps its estimate as stored: not a value the edit sets.
    let mut after = ws.clone();
    apply(
        &mut after,
        edit_item(&ws, 0, |i| i.title = "Renamed".into()),
    )
    .unwrap();
    assert_eq!(after.products[0].items[0].estimate, Some(1e308));
    // Changing it to another value out of range is refused; into range is taken.
    refused(&ws, edit_item(&ws, 0, |i| i.estimate = Some(2000.0)));
    let fix = edit_item(&after, 0, |i| i.estimate = Some(8.0));
    apply(&mut after, fix).unwrap();

    assert_eq!(
        bounds::flag(Field::Estimate, Some(1e308)),
        Some(Field::Estimate)
    );
    assert_eq!(
        out_of_range(Field::Estimate),
        "Out of range: Estimate must be a number between 0 and 1,000 points"
    );
    assert_eq!(bounds::flag(Field::Estimate, Some(8.0)), None);
    assert_eq!(bounds::flag(Field::Estimate, None), None);
}

#[track_caller]
fn no_inf(text: &str) {
    let lower = text.to_lowercase();
    let longest_digits = text
        .split(|c: char| !c.is_ascii_digit())
        .map(str::len)
        .max()
        .unwrap_or(0);
    assert!(
        !lower.contains("inf") && !lower.contains("nan") && longest_digits <= 16,
        "{text:?} shows a number no one can read"
    );
}

#[test]
fn values_out_of_range_never_show_as_inf_nan_or_a_309_digit_number() {
    let ws = stored_out_of_range();
    let p = &ws.products[0];
    let rows = backlog_rows(p, &BacklogFilter::default(), Scheme::Rank);
    for r in &rows {
        for text in [
            r.estimate.map(points).unwrap_or_default(),
            score(r.rice),
            forecast(&r.forecast),
        ] {
            no_inf(&text);
        }
    }
    assert_eq!(rows[0].estimate_flag, Some(Field::Estimate));
    // The first of its score inputs out of range: effort 0, before confidence 250.
    assert_eq!(rows[1].score_flag, Some(Field::Effort));
    let load = sprint_load(p, &p.sprints[0]);
    no_inf(&points(load.committed));
    no_inf(&points(load.capacity.unwrap()));
    no_inf(&points(velocity(p).unwrap()));
    // Two estimates of 1e308 add up to infinity; their share done is then by item count.
    let mut twice = ws.clone();
    atlas(&mut twice).items[1].estimate = Some(1e308);
    let r = Rollup::of(&twice.products[0].items);
    no_inf(&rollup_text(&r));
}

// ---------- import ----------

#[test]
fn an_import_with_an_estimate_and_capacity_of_1e308_leaves_them_out_and_says_where() {
    // The file of the issue, with the numbers written as a person would write them.
    let mut ws = workspace();
    atlas(&mut ws).items[1].estimate = Some(999.25);
    atlas(&mut ws).sprints[0].capacity = Some(999.75);
    let text = encode_export(&ws, "2026-12-07")
        .replace("999.25", "1e308")
        .replace("999.75", "1e308");
    assert_eq!(text.matches(": 1e308").count(), 2);

    let imported = parse_import(&text).unwrap();
    let report: Vec<String> = imported.left_out.iter().map(|l| l.to_string()).collect();
    assert_eq!(
        report,
        [
            "workspace.products[0].items[1].estimate: Estimate must be a number between 0 and 1,000 \
             points; the value (more than 10¹⁵) was left out",
            "workspace.products[0].sprints[0].capacity: Capacity must be a number between 0 and 1,000 \
             points; the value (more than 10¹⁵) was left out",
        ]
    );
    // Everything else came in.
    let mut expected = ws.clone();
    atlas(&mut expected).items[1].estimate = None;
    atlas(&mut expected).sprints[0].capacity = None;
    assert_eq!(imported.workspace, expected);
    assert!(bounds::out_of_range(&imported.workspace).is_empty());
    let p = &imported.workspace.products[0];
    no_inf(&points(velocity(p).unwrap()));
}

#[test]
fn an_import_of_a_clean_file_reports_nothing_left_out() {
    let imported = parse_import(&encode_export(&workspace(), "2026-12-07")).unwrap();
    assert!(imported.left_out.is_empty());
    assert_eq!(imported.workspace, workspace());
}

// ---------- numbers ----------

#[test]
fn numbers_never_print_inf_or_nan() {
    for v in [
        f64::NAN,
        f64::INFINITY,
        f64::NEG_INFINITY,
        1e308,
        -1e308,
        f64::MAX,
        1e15,
    ] {
        for text in [
            fixed(v, 0),
            fixed(v, 3),
            points(v),
            plain(v),
            score(Some(v)),
        ] {
            no_inf(&text);
        }
    }
    assert_eq!(plain(-12.0), "-12");
    assert_eq!(plain(0.125), "0.125");
    assert_eq!(plain(-0.0001), "0");
    assert_eq!(score(Some(2.0 / 3.0)), "0.67");
    assert_eq!(score(Some(1e300)), "more than 10¹⁵");
}

// ---------- fields ----------

#[test]
fn a_field_takes_what_is_in_range_and_says_why_not_otherwise() {
    assert_eq!(bounds::parse(Field::Estimate, ""), Ok(None));
    assert_eq!(bounds::parse(Field::Estimate, " 3,5 "), Ok(Some(3.5)));
    assert_eq!(bounds::parse(Field::Estimate, "1000"), Ok(Some(1000.0)));
    let refused = Err(NotInRange(Field::Estimate));
    for typed in ["1000.5", "-1", "1e308", "inf", "NaN", "lots"] {
        assert_eq!(bounds::parse(Field::Estimate, typed), refused, "{typed}");
    }
    assert_eq!(
        bounds::parse(Field::Confidence, "101"),
        Err(NotInRange(Field::Confidence))
    );
    assert_eq!(bounds::parse(Field::KeyResultStart, "-40"), Ok(Some(-40.0)));
}

#[test]
fn a_stored_value_out_of_range_opens_in_a_field_as_a_short_number() {
    assert_eq!(bounds::edit_text(Some(1e308)), "1e308");
    assert_eq!(bounds::edit_text(Some(-2.5e20)), "-2.5e20");
    assert_eq!(bounds::edit_text(Some(2.5)), "2.5");
    assert_eq!(bounds::edit_text(Some(f64::INFINITY)), "");
    assert_eq!(bounds::edit_text(None), "");
    assert_eq!(
        bounds::parse(Field::Reach, &bounds::edit_text(Some(1e300))),
        Ok(Some(1e300))
    );
}

#[test]
fn the_sample_product_is_within_every_bound() {
    use twohats::model::sample::{counter_ids, sample_workspace};
    let ws = sample_workspace(Day::new(2026, 3, 15).unwrap(), &mut counter_ids());
    assert_eq!(bounds::out_of_range(&ws), []);
}
