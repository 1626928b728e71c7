#![cfg(not(target_arch = "wasm32"))]
//! The words `text` puts on the model's facts, exactly as users see them: the model's
//! tests assert the facts, these the sentences (issue 19, item 4).

use twohats::model::backlog::Forecast;
use twohats::model::bounds::Field;
use twohats::model::outline::DropRefused;
use twohats::model::{Kind, ReadyRule};
use twohats::text::{drop_refused, forecast, out_of_range, readiness, score};

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
    assert_eq!(
        drop_refused(DropRefused::NotMovable),
        "Only objectives, themes, features and items can be moved."
    );
    assert_eq!(
        drop_refused(DropRefused::OnItself),
        "Drop it on another row to move it."
    );
    assert_eq!(
        drop_refused(DropRefused::Misplaced(Kind::Objective)),
        "An objective can only be placed next to another objective."
    );
    assert_eq!(
        drop_refused(DropRefused::Misplaced(Kind::Theme)),
        "A theme goes under an objective, or next to another theme."
    );
    assert_eq!(
        drop_refused(DropRefused::Misplaced(Kind::Feature)),
        "A feature goes under a theme, or next to another feature."
    );
    assert_eq!(
        drop_refused(DropRefused::Misplaced(Kind::Item)),
        "A backlog item goes under a feature, or next to another item."
    );
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
