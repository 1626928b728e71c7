#![cfg(not(target_arch = "wasm32"))]
//! The document rules, and the sample workspace that must obey them.

mod common;
use common::{id, key_result, without_ids};
use std::collections::HashSet;
use twohats::model::error::{Rule, TextField};
use twohats::model::sample::{counter_ids, sample_workspace};
use twohats::model::*;

/// Atlas (objective o-1 with k-1, theme t-1, feature f-1, item i-1 with criterion c-1,
/// sprint s-1, release r-1) and Beacon (empty), linked by l-1.
fn valid() -> Workspace {
    let mut p = Product::new(id("p-a"), "Atlas");
    let kr = key_result("k-1", "Users", (0.0, 100.0, 10.0), "");
    p.objectives = vec![Objective {
        id: id("o-1"),
        title: "Grow".into(),
        key_results: vec![kr],
    }];
    p.themes = vec![Theme {
        id: id("t-1"),
        name: "Core".into(),
        description: String::new(),
        colour: "#A0b1C2".into(),
        objective: Some(id("o-1")),
    }];
    let mut f = Feature::new(id("f-1"), "Login", Some(id("t-1")));
    (f.start, f.end, f.release, f.value) = (
        Month::new(2026, 1),
        Month::new(2026, 3),
        Some(id("r-1")),
        Some(0.0),
    );
    p.features = vec![f];
    let mut i = Item::new(id("i-1"), ItemKind::Story, "Sign in");
    (i.feature, i.sprint, i.estimate) = (Some(id("f-1")), Some(id("s-1")), Some(3.0));
    i.acceptance = vec![Criterion {
        id: id("c-1"),
        text: "works".into(),
        done: false,
    }];
    p.items = vec![i];
    p.sprints = vec![Sprint {
        id: id("s-1"),
        name: "Sprint 1".into(),
        goal: String::new(),
        start: Day::new(2026, 1, 5),
        end: Day::new(2026, 1, 5),
        capacity: Some(10.0),
        state: SprintState::Active,
        scope: None,
    }];
    p.releases = vec![Release {
        id: id("r-1"),
        name: "Spring".into(),
        date: Day::new(2026, 4, 1).unwrap(),
    }];
    let link = ProductLink {
        id: id("l-1"),
        from: id("p-a"),
        to: id("p-b"),
        note: String::new(),
    };
    Workspace {
        portfolio: Portfolio {
            name: "Port".into(),
            links: vec![link],
        },
        roles: RoleSetting::Separate,
        products: vec![p, Product::new(id("p-b"), "Beacon")],
    }
}

fn atlas(ws: &mut Workspace) -> &mut Product {
    &mut ws.products[0]
}

/// One field of a workspace, found from the workspace.
type Field<T> = fn(&mut Workspace) -> &mut T;

/// Breaks `valid()` with `f` and checks the error says what (`what`) and where (`at`),
/// in the words users see: the rules' facts worded by `text`, checked here case by case
/// (tests/text.rs checks each kind of wording).
#[track_caller]
fn rejects(f: impl FnOnce(&mut Workspace), at: &str, what: &str) {
    let mut ws = valid();
    f(&mut ws);
    let err = validate_workspace(&ws).expect_err("should be invalid");
    assert_eq!(
        (
            without_ids(&err.at.to_string()).as_str(),
            err.rule.to_string().as_str()
        ),
        (at, what)
    );
}

#[test]
fn the_hand_built_workspace_is_valid() {
    assert_eq!(validate_workspace(&valid()), Ok(()));
    assert_eq!(validate_product(&valid().products[0]), Ok(()));
}

// Deliberately a table written out, like model_commands' missing references: one line
// per kind of reference, each with the words it is refused with.
#[test]
fn dangling_references_are_named_with_their_owner() {
    // Each reference of Atlas's, pointed at an id that is nowhere: where it is and what it says.
    // The rows are alike on purpose (one a reference, in the table's one shape).
    let references: [(Field<Option<Id>>, &str, &str); 5] = [
        (
            |ws| &mut atlas(ws).features[0].theme,
            "feature 'Login'",
            "refers to theme t-9",
        ),
        (
            |ws| &mut atlas(ws).themes[0].objective,
            "theme 'Core'",
            "refers to objective o-9",
        ),
        (
            |ws| &mut atlas(ws).items[0].feature,
            "item 'Sign in'",
            "refers to feature f-9",
        ),
        (
            |ws| &mut atlas(ws).items[0].sprint,
            "item 'Sign in'",
            "is planned into sprint s-9",
        ),
        (
            |ws| &mut atlas(ws).features[0].release,
            "feature 'Login'",
            "targets release r-9",
        ),
    ];
    for (reference, owner, says) in references {
        let missing = says.rsplit(' ').next().unwrap();
        rejects(
            |ws| *reference(ws) = Some(id(missing)),
            &format!("product 'Atlas' › {owner}"),
            &format!("{says}, which does not exist"),
        );
    }
    rejects(
        |ws| ws.portfolio.links[0].to = id("p-9"),
        "portfolio link l-1",
        "refers to product p-9, which does not exist",
    );
    rejects(
        |ws| ws.portfolio.links[0].from = id("p-8"),
        "portfolio link l-1",
        "refers to product p-8, which does not exist",
    );
}

#[test]
fn a_reference_into_another_product_is_dangling() {
    rejects(
        |ws| {
            ws.products[1]
                .features
                .push(Feature::new(id("f-2"), "Other", None));
            atlas(ws).items[0].feature = Some(id("f-2"));
        },
        "product 'Atlas' › item 'Sign in'",
        "refers to feature f-2, which does not exist",
    );
}

#[test]
fn duplicate_ids_are_caught_inside_and_across_products_and_links() {
    rejects(
        |ws| atlas(ws).items[0].id = id("f-1"),
        "product 'Atlas'",
        "id f-1 is used more than once",
    );
    rejects(
        |ws| atlas(ws).items[0].acceptance[0].id = id("k-1"),
        "product 'Atlas'",
        "id k-1 is used more than once",
    );
    rejects(
        |ws| {
            ws.products[1].themes.push(Theme {
                id: id("t-1"),
                name: "Copy".into(),
                description: String::new(),
                colour: "#000000".into(),
                objective: None,
            })
        },
        "product 'Beacon'",
        "id t-1 is used more than once",
    );
    rejects(
        |ws| ws.products[1].id = id("p-a"),
        "product 'Beacon'",
        "id p-a is used more than once",
    );
    rejects(
        |ws| ws.portfolio.links[0].id = id("i-1"),
        "portfolio links",
        "id i-1 is used more than once",
    );
    // validate_product alone sees duplicates inside one product.
    let mut p = valid().products.remove(0);
    p.releases[0].id = id("s-1");
    assert_eq!(
        validate_product(&p).unwrap_err().rule,
        Rule::IdRepeated(id("s-1"))
    );
}

#[test]
fn empty_and_overlong_titles_are_caught() {
    rejects(
        |ws| ws.portfolio.name = " ".into(),
        "portfolio",
        "the name cannot be empty",
    );
    rejects(
        |ws| atlas(ws).name = String::new(),
        "product ''",
        "the name cannot be empty",
    );
    rejects(
        |ws| atlas(ws).objectives[0].key_results[0].title = String::new(),
        "product 'Atlas' › objective 'Grow' › key result ''",
        "the title cannot be empty",
    );
    // Each of Atlas's entities, its title or name blanked: it is named by what is left.
    let names: [(Field<String>, &str, &str, &str); 6] = [
        (
            |ws| &mut atlas(ws).objectives[0].title,
            "\t",
            "objective",
            "title",
        ),
        (|ws| &mut atlas(ws).themes[0].name, "", "theme", "name"),
        (
            |ws| &mut atlas(ws).features[0].title,
            "",
            "feature",
            "title",
        ),
        (|ws| &mut atlas(ws).items[0].title, "", "item", "title"),
        (|ws| &mut atlas(ws).sprints[0].name, "", "sprint", "name"),
        (|ws| &mut atlas(ws).releases[0].name, "", "release", "name"),
    ];
    for (name, blank, kind, field) in names {
        rejects(
            |ws| *name(ws) = blank.into(),
            &format!("product 'Atlas' › {kind} '{blank}'"),
            &format!("the {field} cannot be empty"),
        );
    }
    rejects(
        |ws| atlas(ws).items[0].acceptance[0].text = "  ".into(),
        "product 'Atlas' › item 'Sign in'",
        "an acceptance criterion is empty",
    );
    let long = "é".repeat(301);
    let mut ws = valid();
    ws.products[0].items[0].title = long.clone();
    assert_eq!(
        validate_workspace(&ws).unwrap_err().rule,
        Rule::TooLong(TextField::Title, 300)
    );
    ws.products[0].items[0].title = "é".repeat(300);
    assert_eq!(
        validate_workspace(&ws),
        Ok(()),
        "300 characters (600 bytes) is still fine"
    );
    rejects(
        |ws| atlas(ws).goal = "x".repeat(20_001),
        "product 'Atlas'",
        "the goal is longer than 20000 characters",
    );
    rejects(
        |ws| atlas(ws).items[0].story.so_that = "x".repeat(20_001),
        "product 'Atlas' › item 'Sign in'",
        "the so that is longer than 20000 characters",
    );
    // The limit counts characters, as it says: 20,000 two-byte letters are fine.
    let mut ws = valid();
    ws.products[0].items[0].description = "é".repeat(20_000);
    assert_eq!(validate_workspace(&ws), Ok(()));
    rejects(
        |ws| atlas(ws).items[0].description = "é".repeat(20_001),
        "product 'Atlas' › item 'Sign in'",
        "the description is longer than 20000 characters",
    );
}

#[test]
fn theme_colours_must_be_six_digit_hex() {
    for bad in [
        "336699", "#36f", "#33669g", "#3366990", "", "red", "#33 699",
    ] {
        rejects(
            |ws| atlas(ws).themes[0].colour = bad.into(),
            "product 'Atlas' › theme 'Core'",
            &format!("colour '{bad}' is not like #1a2b3c"),
        );
    }
}

#[test]
fn bad_numbers_are_caught() {
    // Only numbers that are not numbers break the rules; ranges are the bounds' job
    // (tests/model_bounds.rs), so a value out of range still loads.
    let item = "product 'Atlas' › item 'Sign in'";
    rejects(
        |ws| atlas(ws).items[0].estimate = Some(f64::NAN),
        item,
        "the estimate must be a number",
    );
    rejects(
        |ws| atlas(ws).items[0].scores.reach = Some(f64::INFINITY),
        item,
        "the reach must be a number",
    );
    rejects(
        |ws| atlas(ws).features[0].value = Some(f64::NEG_INFINITY),
        "product 'Atlas' › feature 'Login'",
        "the value must be a number",
    );
    rejects(
        |ws| atlas(ws).sprints[0].capacity = Some(f64::NAN),
        "product 'Atlas' › sprint 'Sprint 1'",
        "the capacity must be a number",
    );
    let kr = "product 'Atlas' › objective 'Grow' › key result 'Users'";
    rejects(
        |ws| atlas(ws).objectives[0].key_results[0].start = f64::NAN,
        kr,
        "start must be a number",
    );
    rejects(
        |ws| atlas(ws).objectives[0].key_results[0].current = f64::INFINITY,
        kr,
        "current must be a number",
    );
    // Key results may go down or be negative; only non-numbers are wrong.
    let mut ws = valid();
    let k = &mut ws.products[0].objectives[0].key_results[0];
    (k.start, k.target, k.current) = (-5.0, -50.0, -20.0);
    assert_eq!(validate_workspace(&ws), Ok(()));
}

#[test]
fn end_before_start_is_caught_for_features_and_sprints() {
    rejects(
        |ws| atlas(ws).features[0].end = Month::new(2025, 12),
        "product 'Atlas' › feature 'Login'",
        "ends (2025-12) before it starts (2026-01)",
    );
    rejects(
        |ws| atlas(ws).sprints[0].end = Day::new(2026, 1, 4),
        "product 'Atlas' › sprint 'Sprint 1'",
        "ends (2026-01-04) before it starts (2026-01-05)",
    );
    // Open-ended spans are fine.
    let mut ws = valid();
    ws.products[0].features[0].start = None;
    ws.products[0].sprints[0].end = None;
    assert_eq!(validate_workspace(&ws), Ok(()));
}

// ---------- the sample workspace ----------

fn sample_on(day: Day) -> Workspace {
    sample_workspace(day, &mut counter_ids())
}

fn sample() -> Workspace {
    sample_on(Day::new(2026, 3, 15).unwrap())
}

#[test]
fn sample_is_valid_on_any_day() {
    let mut day = Day::new(2024, 1, 1).unwrap();
    while day < Day::new(2028, 1, 1).unwrap() {
        assert_eq!(
            validate_workspace(&sample_on(day)),
            Ok(()),
            "sample built on {day}"
        );
        day = day.add_days(5);
    }
    assert_eq!(
        validate_workspace(&sample_on(Day::new(2024, 2, 29).unwrap())),
        Ok(())
    );
}

#[test]
fn sample_has_the_documented_shape() {
    let ws = sample();
    let count = |f: fn(&Product) -> usize| ws.products.iter().map(f).sum::<usize>();
    assert_eq!(ws.products.len(), 2);
    assert_eq!(count(|p| p.themes.len()), 4);
    assert_eq!(count(|p| p.features.len()), 10);
    assert_eq!(count(|p| p.items.len()), 40);
    assert_eq!(ws.item_count(), 40);
    assert_eq!(count(|p| p.sprints.len()), 3);
    assert!(count(|p| p.objectives.len()) >= 3);
    assert!(ws
        .products
        .iter()
        .flat_map(|p| &p.objectives)
        .all(|o| !o.key_results.is_empty()));
    let kinds: HashSet<ItemKind> = ws
        .products
        .iter()
        .flat_map(|p| &p.items)
        .map(|i| i.kind)
        .collect();
    assert_eq!(kinds, HashSet::from(ItemKind::ALL));
    assert_eq!(ws.portfolio.links.len(), 1);
    let names: Vec<&str> = ws.products.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["Trailhead", "Ranger Console"]);
}

#[test]
fn sample_ids_are_stable_and_prefixed_by_kind() {
    assert_eq!(sample(), sample());
    let ws = sample();
    let p = &ws.products[0];
    assert_eq!(p.id.as_str(), "p-1");
    assert!(p.objectives.iter().all(|o| o.id.as_str().starts_with("o-")));
    assert!(p
        .objectives
        .iter()
        .flat_map(|o| &o.key_results)
        .all(|k| k.id.as_str().starts_with("k-")));
    assert!(p.themes.iter().all(|t| t.id.as_str().starts_with("t-")));
    assert!(p.features.iter().all(|f| f.id.as_str().starts_with("f-")));
    assert!(p.items.iter().all(|i| i.id.as_str().starts_with("i-")));
    assert!(p.sprints.iter().all(|s| s.id.as_str().starts_with("s-")));
    assert!(ws.portfolio.links[0].id.as_str().starts_with("l-"));
}

#[test]
fn sample_dates_follow_today() {
    let today = Day::new(2026, 3, 15).unwrap();
    let ws = sample_on(today);
    let sprints = &ws.products[0].sprints;
    assert_eq!(sprints[0].start, Some(today.add_days(-21)));
    for pair in sprints.windows(2) {
        assert_eq!(
            pair[1].start,
            Some(pair[0].end.unwrap().add_days(1)),
            "sprints follow each other"
        );
    }
    let now = today.month();
    assert!(ws.products[0]
        .features
        .iter()
        .any(|f| f.start.is_some_and(|m| m <= now) && f.end.is_some_and(|m| m >= now)));
    let release = ws.products[0].releases[0].date;
    assert_eq!(
        (release.month(), release.day),
        (today.add_days(75).month(), 1)
    );
}

#[test]
fn sample_active_sprint_spans_today() {
    let today = Day::new(2026, 3, 15).unwrap();
    let ws = sample_on(today);
    let active = ws.products[0]
        .sprints
        .iter()
        .find(|s| s.state == SprintState::Active)
        .unwrap();
    assert!(
        active.start.unwrap() <= today && today <= active.end.unwrap(),
        "active sprint {:?}..{:?}",
        active.start,
        active.end
    );
}

#[test]
fn sample_can_be_loaded_next_to_itself_with_fresh_ids() {
    let mut next = counter_ids();
    let first = sample_workspace(Day::new(2026, 3, 15).unwrap(), &mut next);
    let second = sample_workspace(Day::new(2026, 3, 15).unwrap(), &mut next);
    let mut both = first.clone();
    both.products.extend(second.products);
    both.portfolio.links.extend(second.portfolio.links);
    assert_eq!(validate_workspace(&both), Ok(()));
}
