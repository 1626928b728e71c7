#![cfg(not(target_arch = "wasm32"))]
//! The words `text` puts on the model's facts, exactly as users see them: the model's
//! tests assert the facts, these the sentences (issue 19, item 4).

use twohats::model::backlog::Forecast;
use twohats::model::bounds::{Field, NotInRange};
use twohats::model::error::{
    At, Invalid, Link, ModelError, Name, Place, Problem, Rule, Span, TextField,
};
use twohats::model::outline::{DropRefused, Loose};
use twohats::model::{Id, Kind, Month, ReadyRule};
use twohats::text::{
    drop_refused, field_range, forecast, lane_name, loose_group, out_of_range, readiness, score,
};

#[test]
fn readiness_says_ready_or_every_missing_rule_in_order() {
    use ReadyRule::*;
    assert_eq!(readiness(&[]), "Ready");
    assert_eq!(
        readiness(&[HasParentFeature]),
        "Missing: has a parent feature"
    );
    assert_eq!(
        readiness(&[IsEstimated, HasParentFeature]),
        "Missing: is estimated, has a parent feature"
    );
    assert_eq!(
        readiness(&[HasParentFeature, IsEstimated]),
        "Missing: has a parent feature, is estimated"
    );
    assert_eq!(
        readiness(&ReadyRule::ALL),
        "Missing: has acceptance criteria, is estimated, has a parent feature, \
         has a description, has a priority"
    );
}

#[test]
fn forecast_names_the_sprint_or_says_why_there_is_none() {
    assert_eq!(forecast(&Forecast::Done), "Done");
    assert_eq!(forecast(&Forecast::Sprint("Sprint 2".into())), "Sprint 2");
    assert_eq!(forecast(&Forecast::Future(2)), "Sprint +2");
    assert_eq!(forecast(&Forecast::Future(96)), "Sprint +96");
    assert_eq!(forecast(&Forecast::NeedsEstimate), "Needs an estimate");
    assert_eq!(forecast(&Forecast::Unknown), "—");
}

#[test]
fn score_shows_two_decimals_at_most() {
    assert_eq!(score(Some(1.5)), "1.5");
    assert_eq!(score(Some(2.0)), "2");
    assert_eq!(score(Some(1.0 / 3.0)), "0.33");
    assert_eq!(score(Some(2.0 / 3.0)), "0.67");
    assert_eq!(score(Some(10.0)), "10");
    assert_eq!(score(Some(200.0)), "200");
    assert_eq!(score(Some(0.0)), "0");
    assert_eq!(score(Some(3.25)), "3.25");
    assert_eq!(score(Some(0.1)), "0.1");
    assert_eq!(score(Some(1e300)), "more than 10¹⁵");
    assert_eq!(score(None), "—");
}

#[test]
fn out_of_range_says_the_field_and_its_range() {
    assert_eq!(
        out_of_range(Field::Estimate),
        "Out of range: Estimate must be a number between 0 and 1,000 points"
    );
    assert_eq!(
        out_of_range(Field::Effort),
        "Out of range: Effort must be a number above 0"
    );
}

#[test]
fn a_refused_drop_says_where_the_row_can_go() {
    use DropRefused::*;
    let words = [
        (
            NotMovable,
            "Only objectives, themes, features and items can be moved.",
        ),
        (OnItself, "Drop it on another row to move it."),
        (
            Misplaced(Kind::Objective),
            "An objective can only be placed next to another objective.",
        ),
        (
            Misplaced(Kind::Theme),
            "A theme goes under an objective, or next to another theme.",
        ),
        (
            Misplaced(Kind::Feature),
            "A feature goes under a theme, or next to another feature.",
        ),
        (
            Misplaced(Kind::Item),
            "A backlog item goes under a feature, or next to another item.",
        ),
    ];
    for (refused, said) in words {
        assert_eq!(drop_refused(refused), said);
    }
}

#[test]
fn a_sprint_over_what_it_can_hold_says_why_and_an_at_risk_or_wont_forecast_says_so() {
    use twohats::model::backlog::Forecast;
    assert_eq!(
        twohats::text::over_committed(14.0, Some(8.0)),
        "⚠ Over-committed by 14 points: the last finished sprints averaged 8 points"
    );
    assert_eq!(
        twohats::text::over_committed(6.0, None),
        "⚠ Over capacity by 6 points"
    );
    assert_eq!(
        twohats::text::forecast(&Forecast::AtRisk("Sprint 2".into())),
        "Sprint 2, at risk: over-committed"
    );
    assert_eq!(
        twohats::text::forecast(&Forecast::Wont),
        "Not forecast (Won't)"
    );
}

fn day(s: &str) -> twohats::model::Day {
    twohats::model::Day::parse(s).unwrap()
}

#[test]
fn a_slip_against_a_release_says_when_it_ends_and_the_release_date() {
    use twohats::model::slips::{Against, SlipFacts};
    let mut s = SlipFacts {
        weeks: 3,
        ends: Some(day("2026-04-30")),
        against: Against::Release {
            name: "Spring".into(),
            date: day("2026-03-15"),
        },
    };
    assert_eq!(
        twohats::text::slip(&s),
        "Slips by 3 weeks: ends 30 Apr, after release Spring on 15 Mar"
    );
    // Across a year, both days name theirs; one week is a week.
    s.weeks = 1;
    s.ends = Some(day("2027-01-02"));
    s.against = Against::Release {
        name: "Winter".into(),
        date: day("2026-12-28"),
    };
    assert_eq!(
        twohats::text::slip(&s),
        "Slips by 1 week: ends 2 Jan 2027, after release Winter on 28 Dec 2026"
    );
}

#[test]
fn a_slip_behind_a_blocker_names_it_and_both_days() {
    use twohats::model::slips::{Against, SlipFacts};
    let s = SlipFacts {
        weeks: 2,
        ends: Some(day("2026-05-31")),
        against: Against::Blocker {
            id: twohats::model::Id::parse("f-1").unwrap(),
            title: "Sync".into(),
            ends: day("2026-04-30"),
            starts: day("2026-04-01"),
        },
    };
    assert_eq!(
        twohats::text::slip(&s),
        "Slips by 2 weeks: waits for “Sync”, which ends 30 Apr, after this starts on 1 Apr"
    );
    assert_eq!(twohats::text::slip_badge(2), "Slips 2 wk");
}

#[test]
fn waits_for_names_one_blocker_and_counts_more() {
    assert_eq!(
        twohats::text::waits_for(&["Sync", "Login"]).unwrap(),
        "Waits for 2: “Sync”, “Login”"
    );
    assert_eq!(
        twohats::text::waits_for(&["Sync"]).unwrap(),
        "Waits for “Sync”"
    );
    assert_eq!(twohats::text::waits_for::<&str>(&[]), None);
}

#[test]
fn a_misplaced_blocked_item_says_how() {
    use twohats::model::backlog::Misplaced;
    assert_eq!(
        twohats::text::misplaced(Misplaced::RankedAbove, "Cache"),
        "Ranked above “Cache”, which it waits for"
    );
    assert_eq!(
        twohats::text::misplaced(Misplaced::PlannedBefore, "Cache"),
        "Planned before “Cache”, which it waits for: plan that one first"
    );
}

#[test]
fn a_wait_buttons_name_starts_with_its_words_and_says_when_the_blocker_is_late() {
    use twohats::model::roadmap_lanes::Wait;
    let mut w = Wait {
        id: twohats::model::Id::parse("f-1").unwrap(),
        title: "Sync".into(),
        ends: Some(day("2026-04-30")),
        late: true,
    };
    assert_eq!(
        twohats::text::wait_name(&w),
        "waits for Sync, which ends 30 Apr 2026 after this starts: show it"
    );
    w.late = false;
    assert_eq!(twohats::text::wait_name(&w), "waits for Sync: show it");
}

#[test]
fn a_loose_group_is_named_by_what_gathers_there() {
    assert_eq!(
        [Loose::Themes, Loose::Features, Loose::Items].map(loose_group),
        [
            "Themes with no objective",
            "Features with no theme",
            "Items with no feature"
        ]
    );
}

#[test]
fn a_lane_is_named_by_its_theme_or_says_it_has_none() {
    use twohats::model::roadmap_lanes::Lane;
    let lane = |theme: Option<&str>, name: &str| Lane {
        key: "k".into(),
        theme: theme.map(|t| twohats::model::Id::parse(t).unwrap()),
        name: name.into(),
        colour: "#000000".into(),
        objective: None,
        bars: vec![],
    };
    assert_eq!(lane_name(&lane(Some("t-1"), "Growth")), "Growth");
    assert_eq!(lane_name(&lane(None, "")), "No theme");
}

#[test]
fn a_quarter_is_named_by_its_number_and_year() {
    use twohats::model::Month;
    let q = |y, m| twohats::text::quarter(Month::new(y, m).unwrap());
    assert_eq!(q(2026, 7), "Q3 2026");
    assert_eq!(q(2026, 12), "Q4 2026", "any month of the quarter names it");
    assert_eq!(q(2027, 1), "Q1 2027");
}

#[test]
fn the_svg_export_says_its_heading_lanes_and_slips() {
    let w = &twohats::text::SVG_WORDS;
    assert_eq!((w.title)("Trailhead"), "Trailhead — roadmap");
    assert_eq!(w.no_theme, "No theme");
    assert_eq!((w.objective)("Grow"), "Objective: Grow");
    assert_eq!(w.no_objective, "⚠ No objective");
    assert_eq!((w.slips)(3), " · slips 3 wk");
}

#[test]
fn finishing_a_sprint_is_one_undo_step_named_by_the_sprint() {
    assert_eq!(twohats::text::finish_sprint("Sprint 4"), "finish Sprint 4");
}
// ---------- numbers a field takes, and what the model refused ----------

#[test]
fn a_field_says_its_range_as_it_always_has() {
    let cases = [
        (
            Field::Estimate,
            "Estimate must be a number between 0 and 1,000 points",
        ),
        (
            Field::Capacity,
            "Capacity must be a number between 0 and 1,000 points",
        ),
        (
            Field::Confidence,
            "Confidence must be a number between 0 and 100 %",
        ),
        (Field::Impact, "Impact must be a number between 0 and 100"),
        (Field::Effort, "Effort must be a number above 0"),
        (Field::JobSize, "Job size must be a number above 0"),
        (Field::Reach, "Reach must be a number of 0 or more"),
        (
            Field::BusinessValue,
            "Business value must be a number of 0 or more",
        ),
        (
            Field::KeyResultCurrent,
            "Current value must be a number (it may be negative)",
        ),
    ];
    for (field, says) in cases {
        assert_eq!(field_range(field), says, "{field:?}");
    }
    for field in Field::ALL {
        assert!(!field_range(field).is_empty());
    }
    // A field's refusal is the range as a sentence.
    assert_eq!(
        NotInRange(Field::Estimate).to_string(),
        "Estimate must be a number between 0 and 1,000 points."
    );
    assert_eq!(
        NotInRange(Field::Confidence).to_string(),
        "Confidence must be a number between 0 and 100 %."
    );
}

fn id(s: &str) -> Id {
    Id::parse(s).unwrap()
}

fn title(t: &str) -> Name {
    Name::Title(t.into())
}

#[test]
fn a_broken_rule_says_where_then_what() {
    let at = At(vec![
        Place::Product(Name::Both("Atlas".into(), id("p-1"))),
        Place::Entity(Kind::Feature, Name::Both("Login".into(), id("f-1"))),
    ]);
    let says = |rule: Rule| {
        Invalid {
            at: at.clone(),
            rule,
        }
        .to_string()
    };
    let place = "product 'Atlas' (p-1) › feature 'Login' (f-1)";
    let cases = [
        (Rule::Empty(TextField::Title), "the title cannot be empty"),
        (
            Rule::TooLong(TextField::AcceptanceCriterion, 20_000),
            "the acceptance criterion is longer than 20000 characters",
        ),
        (
            Rule::NotANumber(Field::BusinessValue),
            "the business value must be a number",
        ),
        (
            Rule::NotANumber(Field::KeyResultStart),
            "start must be a number",
        ),
        (Rule::EmptyCriterion, "an acceptance criterion is empty"),
        (Rule::IdRepeated(id("i-1")), "id i-1 is used more than once"),
        (
            Rule::Dangling(Link::Release, id("r-9")),
            "targets release r-9, which does not exist",
        ),
        (
            Rule::Dangling(Link::Sprint, id("s-9")),
            "is planned into sprint s-9, which does not exist",
        ),
        (
            Rule::BadColour("red".into()),
            "colour 'red' is not like #1a2b3c",
        ),
        (Rule::WaitsForItself, "it cannot wait for itself"),
        (
            Rule::WaitsForMissing(Kind::Item, id("i-9")),
            "waits for item i-9, which does not exist in this product",
        ),
        (
            Rule::WaitsTwice(Kind::Feature, id("f-2")),
            "waits for feature f-2 twice",
        ),
    ];
    for (rule, what) in cases {
        assert_eq!(says(rule), format!("{place}: {what}"));
    }
    let spans = [
        (
            Span::Months {
                start: Month::parse("2026-05").unwrap(),
                end: Month::parse("2026-03").unwrap(),
            },
            "(2026-03) before it starts (2026-05)",
        ),
        (
            Span::Days {
                start: day("2026-05-02"),
                end: day("2026-05-01"),
            },
            "(2026-05-01) before it starts (2026-05-02)",
        ),
    ];
    for (span, said) in spans {
        assert_eq!(
            Rule::EndsBeforeStart(span).to_string(),
            format!("ends {said}")
        );
    }
    let link = At::new(Place::PortfolioLink(id("l-1")));
    let e = Invalid {
        at: link,
        rule: Rule::Dangling(Link::Product, id("p-9")),
    };
    assert_eq!(
        e.to_string(),
        "portfolio link l-1: refers to product p-9, which does not exist"
    );
}

#[test]
fn a_loop_is_refused_naming_each_step_back_to_the_first() {
    let says =
        |titles: &[&str]| Rule::Loop(titles.iter().map(|t| t.to_string()).collect()).to_string();
    let start = "that dependency would make a loop, so none of this work could start";
    assert_eq!(says(&["Login"]), start);
    assert_eq!(
        says(&["A", "B"]),
        format!("{start}: 'A' and 'B' would wait for each other")
    );
    assert_eq!(
        says(&["A", "B", "C"]),
        format!("{start}: 'A' waits for 'B', then 'C', which leads back to 'A'")
    );
}

#[test]
fn a_refused_command_says_where_then_what() {
    let atlas = Place::Product(title("Atlas"));
    let item = At(vec![
        atlas.clone(),
        Place::Entity(Kind::Item, title("Huge")),
    ]);
    let says = |at: &At, problem: Problem| ModelError::new(at.clone(), problem).to_string();
    assert_eq!(
        says(&item, Problem::OutOfRange(Field::Estimate, 1e308)),
        "product 'Atlas' › item 'Huge': the estimate must be a number between 0 and 1,000 points"
    );
    assert_eq!(
        says(
            &item,
            Problem::OutOfRange(Field::KeyResultCurrent, f64::NAN)
        ),
        "product 'Atlas' › item 'Huge': the current value must be a number (it may be negative)"
    );
    let backlog = At(vec![atlas, Place::Backlog]);
    assert_eq!(
        says(&backlog, Problem::OrderLength { given: 2, items: 6 }),
        "product 'Atlas' backlog: the new order has 2 items but the backlog has 6"
    );
    assert_eq!(
        says(&backlog, Problem::NotInOrder(id("i-5"))),
        "product 'Atlas' backlog: item i-5 is missing or listed twice in the new order"
    );
    let theme = At::new(Place::Entity(Kind::Theme, title("Speed")));
    assert_eq!(
        says(
            &theme,
            Problem::WrongParent {
                kind: Kind::Theme,
                wanted: Kind::Objective,
                name: "Login".into(),
                found: Kind::Feature,
            }
        ),
        "theme 'Speed': a theme can only go under an objective, and 'Login' is a feature"
    );
    assert_eq!(
        says(&theme, Problem::NoParent(Kind::Objective)),
        "theme 'Speed': an objective has no parent to move into"
    );
    assert_eq!(
        says(&theme, Problem::NoSuchParent(Kind::Objective, id("o-9"))),
        "theme 'Speed': objective o-9 does not exist"
    );
    assert_eq!(
        says(&theme, Problem::NotBeforeSameKind(Kind::Theme)),
        "theme 'Speed': it can only be placed before another theme"
    );
    let gone = At::new(Place::Entity(Kind::Feature, Name::Id(id("f-404"))));
    assert_eq!(
        says(&gone, Problem::Gone),
        "feature f-404: it does not exist (was it deleted in another tab?)"
    );
    let product = At::new(Place::Product(Name::Id(id("p-zz"))));
    assert_eq!(
        says(&product, Problem::NoSuchProduct),
        "product p-zz: this product does not exist"
    );
    let copy = At::new(Place::Product(title("Copy")));
    assert_eq!(
        says(&copy, Problem::ProductIdTaken),
        "product 'Copy': its id is already used"
    );
    assert_eq!(
        says(&At::new(Place::PortfolioLinks), Problem::IdTaken(id("i-1"))),
        "portfolio links: id i-1 is already used"
    );
    let portfolio = At::new(Place::Portfolio);
    assert_eq!(
        says(&portfolio, Problem::Breaks(Rule::Empty(TextField::Name))),
        "portfolio: the name cannot be empty"
    );
    let kr = At::new(Place::Entity(Kind::Objective, title("Grow")))
        .then(Place::KeyResult(Name::Both("Users".into(), id("k-1"))));
    assert_eq!(
        kr.to_string(),
        "objective 'Grow' › key result 'Users' (k-1)"
    );
}
