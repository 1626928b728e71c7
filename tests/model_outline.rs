#![cfg(not(target_arch = "wasm32"))]
//! The hierarchy outline: the order, depth and neighbours of its rows, folding, filtering
//! by text, item type and hat, and the roll-up text, on a small product and on the sample.

use std::collections::HashSet;
use twohats::model::outline::{
    drop_command, outline, rollups, DropRefused, Filter, Loose, Rollups, Row, RowKind,
};
use twohats::model::rollup::{
    feature_rollup, objective_rollup, product_rollup, theme_rollup, Rollup,
};
use twohats::model::sample::{counter_ids, sample_workspace};
use twohats::model::*;
use twohats::text::{rollup_text, row_detail, row_meta, row_title};

mod common;
use common::{id, key_result};

// ---------- fixture ----------

fn kr(k: &str, title: &str, start: f64, target: f64, current: f64, unit: &str) -> KeyResult {
    key_result(k, title, (start, target, current), unit)
}

fn theme(t: &str, name: &str, colour: &str, objective: Option<&str>) -> Theme {
    Theme {
        id: id(t),
        name: name.into(),
        description: String::new(),
        colour: colour.into(),
        objective: objective.map(id),
    }
}

fn feature(f: &str, title: &str, theme: Option<&str>, status: FeatureStatus) -> Feature {
    let mut x = Feature::new(id(f), title, theme.map(id));
    x.status = status;
    x
}

fn item(
    i: &str,
    kind: ItemKind,
    title: &str,
    feature: Option<&str>,
    estimate: Option<f64>,
    status: ItemStatus,
) -> Item {
    let mut x = Item::new(id(i), kind, title);
    (x.feature, x.estimate, x.status) = (feature.map(id), estimate, status);
    x
}

/// Atlas:
/// - o-1 "Grow" (key results k-1 "Signups", k-2 "Churn") ← t-1 "Onboarding", t-2 "Search";
///   o-2 "Retain" has nothing under it;
/// - t-1 ← f-1 "Signup flow" (i-1, i-3), f-2 "Guided tour" (i-2); t-2 is empty;
/// - t-3 "Billing" is loose ← f-3 "Filters" (i-5);
/// - f-4 "Stray feature" is loose ← i-6;
/// - i-4 "Loose spike" and i-7 "Dark mode" are loose.
fn atlas() -> Product {
    use FeatureStatus as FS;
    use ItemKind::*;
    use ItemStatus::*;
    let mut p = Product::new(id("p-a"), "Atlas");
    p.objectives = vec![
        Objective {
            id: id("o-1"),
            title: "Grow".into(),
            key_results: vec![
                kr("k-1", "Signups", 0.0, 100.0, 25.0, "users"),
                kr("k-2", "Churn", 10.0, 5.0, 6.0, "%"),
            ],
        },
        Objective {
            id: id("o-2"),
            title: "Retain".into(),
            key_results: vec![],
        },
    ];
    p.themes = vec![
        theme("t-1", "Onboarding", "#112233", Some("o-1")),
        theme("t-2", "Search", "#445566", Some("o-1")),
        theme("t-3", "Billing", "#778899", None),
    ];
    p.features = vec![
        feature("f-1", "Signup flow", Some("t-1"), FS::Done),
        feature("f-2", "Guided tour", Some("t-1"), FS::InProgress),
        feature("f-3", "Filters", Some("t-3"), FS::Idea),
        feature("f-4", "Stray feature", None, FS::AtRisk),
    ];
    p.items = vec![
        item(
            "i-1",
            Story,
            "Sign up with email",
            Some("f-1"),
            Some(5.0),
            Done,
        ),
        item("i-2", Task, "Tour step one", Some("f-2"), Some(3.0), Todo),
        item("i-3", Bug, "Signup bug", Some("f-1"), Some(8.0), Done),
        item("i-4", Spike, "Loose spike", None, None, Todo),
        item(
            "i-5",
            Story,
            "Filter by date",
            Some("f-3"),
            Some(2.0),
            InProgress,
        ),
        item("i-6", Task, "Stray task", Some("f-4"), Some(1.0), Done),
        item("i-7", Story, "Dark mode", None, None, Todo),
    ];
    p
}

fn none() -> HashSet<String> {
    HashSet::new()
}

fn collapsed(keys: &[&str]) -> HashSet<String> {
    keys.iter().map(|k| k.to_string()).collect()
}

fn text(t: &str) -> Filter {
    Filter {
        text: t.into(),
        ..Filter::default()
    }
}

fn kind(k: ItemKind) -> Filter {
    Filter {
        item_kind: Some(k),
        ..Filter::default()
    }
}

fn hat(h: Hat) -> Filter {
    Filter {
        hat: Some(h),
        ..Filter::default()
    }
}

/// Each row's key, indented two spaces per depth level.
fn tree(rows: &[Row]) -> Vec<String> {
    rows.iter()
        .map(|r| format!("{}{}", "  ".repeat(r.depth as usize), r.key))
        .collect()
}

fn keys(rows: &[Row]) -> Vec<&str> {
    rows.iter().map(|r| r.key.as_str()).collect()
}

fn row<'a>(rows: &'a [Row], key: &str) -> &'a Row {
    rows.iter()
        .find(|r| r.key == key)
        .unwrap_or_else(|| panic!("no row {key} in {:?}", keys(rows)))
}

fn opt(s: Option<&str>) -> Option<Id> {
    s.map(id)
}

/// parent, position, siblings, prev, next, after_next.
type Place<'a> = (
    Option<&'a str>,
    usize,
    usize,
    Option<&'a str>,
    Option<&'a str>,
    Option<&'a str>,
);

/// A row's parent, position, siblings, prev, next and after_next.
#[allow(clippy::type_complexity)]
fn place(r: &Row) -> (Option<Id>, usize, usize, Option<Id>, Option<Id>, Option<Id>) {
    let r = r.clone();
    (
        r.parent,
        r.position,
        r.siblings,
        r.prev,
        r.next,
        r.after_next,
    )
}

#[track_caller]
fn assert_place(r: &Row, want: Place) {
    let (parent, position, siblings, prev, next, after_next) = want;
    let want = (
        opt(parent),
        position,
        siblings,
        opt(prev),
        opt(next),
        opt(after_next),
    );
    assert_eq!(place(r), want, "row {}", r.key);
}

const FULL_TREE: [&str; 22] = [
    "p-a",
    "  o-1",
    "    k-1",
    "    k-2",
    "    t-1",
    "      f-1",
    "        i-1",
    "        i-3",
    "      f-2",
    "        i-2",
    "    t-2",
    "  o-2",
    "  loose-themes",
    "    t-3",
    "      f-3",
    "        i-5",
    "  loose-features",
    "    f-4",
    "      i-6",
    "  loose-items",
    "    i-4",
    "    i-7",
];

/// The rows of FULL_TREE whose keys are among `keys` (space separated), in its order and
/// at its depths: what a filter or a fold leaves of Atlas's outline.
fn full_tree_only(keys: &str) -> Vec<&'static str> {
    let keys: Vec<&str> = keys.split_whitespace().collect();
    FULL_TREE
        .into_iter()
        .filter(|line| keys.contains(&line.trim()))
        .collect()
}

/// FULL_TREE without the rows whose keys are among `keys` (space separated).
fn full_tree_but(keys: &str) -> Vec<&'static str> {
    let keys: Vec<&str> = keys.split_whitespace().collect();
    FULL_TREE
        .into_iter()
        .filter(|line| !keys.contains(&line.trim()))
        .collect()
}

/// Atlas's outline under separate roles, with the rows `folded` collapsed, through `filter`.
fn atlas_rows(folded: &[&str], filter: &Filter) -> Vec<Row> {
    outline(&atlas(), RoleSetting::Separate, &collapsed(folded), filter)
}

// ---------- structure ----------

#[test]
fn fixture_is_a_valid_product() {
    assert_eq!(validate_product(&atlas()), Ok(()));
}

#[test]
fn rows_come_in_hierarchy_order_with_loose_groups_last() {
    let rows = atlas_rows(&[], &Filter::default());
    assert_eq!(tree(&rows), FULL_TREE);
    let kinds: Vec<RowKind> = rows.iter().map(|r| r.kind).collect();
    use RowKind::*;
    assert_eq!(
        kinds,
        [
            Product,
            Objective,
            KeyResult,
            KeyResult,
            Theme,
            Feature,
            Item,
            Item,
            Feature,
            Item,
            Theme,
            Objective,
            Loose(self::Loose::Themes),
            Theme,
            Feature,
            Item,
            Loose(self::Loose::Features),
            Feature,
            Item,
            Loose(self::Loose::Items),
            Item,
            Item,
        ]
    );
    // Keys are unique, and every entity row carries its id.
    let unique: HashSet<&str> = keys(&rows).into_iter().collect();
    assert_eq!(unique.len(), rows.len());
    for r in &rows {
        match r.kind {
            Loose(_) => assert_eq!(r.id, None, "{}", r.key),
            _ => assert_eq!(r.id, Some(id(&r.key)), "{}", r.key),
        }
    }
}

#[test]
fn rows_carry_titles_details_and_colours() {
    let rows = atlas_rows(&[], &Filter::default());
    let titles: Vec<&str> = rows.iter().map(row_title).collect();
    assert_eq!(
        titles,
        [
            "Atlas",
            "Grow",
            "Signups",
            "Churn",
            "Onboarding",
            "Signup flow",
            "Sign up with email",
            "Signup bug",
            "Guided tour",
            "Tour step one",
            "Search",
            "Retain",
            "Themes with no objective",
            "Billing",
            "Filters",
            "Filter by date",
            "Features with no theme",
            "Stray feature",
            "Stray task",
            "Items with no feature",
            "Loose spike",
            "Dark mode",
        ]
    );
    let details = [
        ("p-a", ""),
        ("o-1", ""),
        ("k-1", "0 → 100 users, now 25"),
        ("k-2", "10 → 5 %, now 6"),
        ("t-1", ""),
        ("f-1", "Done"),
        ("f-2", "In progress"),
        ("f-3", "Idea"),
        ("f-4", "At risk"),
        ("i-1", "User story"),
        ("i-2", "Technical task"),
        ("i-3", "Bug"),
        ("i-4", "Spike"),
    ];
    for (k, want) in details {
        assert_eq!(row_detail(row(&rows, k)), want, "{k}");
    }
    assert_eq!(row(&rows, "t-1").colour.as_deref(), Some("#112233"));
    assert_eq!(row(&rows, "t-3").colour.as_deref(), Some("#778899"));
    assert_eq!(row(&rows, "f-1").colour, None);
    assert_eq!(row(&rows, "i-1").item_kind, Some(ItemKind::Story));
    assert_eq!(row(&rows, "i-3").item_kind, Some(ItemKind::Bug));
    assert_eq!(row(&rows, "f-1").item_kind, None);
}

#[test]
fn depths_follow_the_hierarchy_and_loose_groups_sit_under_the_product() {
    let rows = atlas_rows(&[], &Filter::default());
    let depth = |k: &str| row(&rows, k).depth;
    assert_eq!(
        [
            depth("p-a"),
            depth("o-1"),
            depth("k-1"),
            depth("t-1"),
            depth("f-1"),
            depth("i-1")
        ],
        [0, 1, 2, 2, 3, 4]
    );
    assert_eq!(
        [
            depth("loose-themes"),
            depth("t-3"),
            depth("f-3"),
            depth("i-5")
        ],
        [1, 2, 3, 4]
    );
    assert_eq!(
        [depth("loose-features"), depth("f-4"), depth("i-6")],
        [1, 2, 3]
    );
    assert_eq!([depth("loose-items"), depth("i-4")], [1, 2]);
}

#[test]
fn parents_positions_and_neighbours() {
    let rows = atlas_rows(&[], &Filter::default());
    let cases: [(&str, Place); 21] = [
        ("p-a", (None, 1, 1, None, None, None)),
        ("o-1", (None, 1, 2, None, Some("o-2"), None)),
        ("o-2", (None, 2, 2, Some("o-1"), None, None)),
        // Key results are siblings of each other, themes of each other.
        ("k-1", (Some("o-1"), 1, 2, None, Some("k-2"), None)),
        ("k-2", (Some("o-1"), 2, 2, Some("k-1"), None, None)),
        ("t-1", (Some("o-1"), 1, 2, None, Some("t-2"), None)),
        ("t-2", (Some("o-1"), 2, 2, Some("t-1"), None, None)),
        ("f-1", (Some("t-1"), 1, 2, None, Some("f-2"), None)),
        ("f-2", (Some("t-1"), 2, 2, Some("f-1"), None, None)),
        // i-1 and i-3 are siblings though i-2 sits between them in the backlog.
        ("i-1", (Some("f-1"), 1, 2, None, Some("i-3"), None)),
        ("i-3", (Some("f-1"), 2, 2, Some("i-1"), None, None)),
        ("i-2", (Some("f-2"), 1, 1, None, None, None)),
        // Loose groups are not placed among the objectives.
        ("loose-themes", (None, 1, 1, None, None, None)),
        ("t-3", (None, 1, 1, None, None, None)),
        ("f-3", (Some("t-3"), 1, 1, None, None, None)),
        ("i-5", (Some("f-3"), 1, 1, None, None, None)),
        ("loose-features", (None, 1, 1, None, None, None)),
        ("f-4", (None, 1, 1, None, None, None)),
        ("i-6", (Some("f-4"), 1, 1, None, None, None)),
        ("i-4", (None, 1, 2, None, Some("i-7"), None)),
        ("i-7", (None, 2, 2, Some("i-4"), None, None)),
    ];
    for (k, want) in cases {
        assert_place(row(&rows, k), want);
    }
}

#[test]
fn after_next_is_the_sibling_two_places_down() {
    let mut p = atlas();
    for n in 8..=10 {
        p.items.push(item(
            &format!("i-{n}"),
            ItemKind::Task,
            &format!("Extra {n}"),
            Some("f-1"),
            Some(1.0),
            ItemStatus::Todo,
        ));
    }
    let rows = outline(&p, RoleSetting::Separate, &none(), &Filter::default());
    // f-1's items: i-1, i-3, i-8, i-9, i-10.
    let cases: [(&str, Place); 5] = [
        ("i-1", (Some("f-1"), 1, 5, None, Some("i-3"), Some("i-8"))),
        (
            "i-3",
            (Some("f-1"), 2, 5, Some("i-1"), Some("i-8"), Some("i-9")),
        ),
        (
            "i-8",
            (Some("f-1"), 3, 5, Some("i-3"), Some("i-9"), Some("i-10")),
        ),
        ("i-9", (Some("f-1"), 4, 5, Some("i-8"), Some("i-10"), None)),
        ("i-10", (Some("f-1"), 5, 5, Some("i-9"), None, None)),
    ];
    for (k, want) in cases {
        assert_place(row(&rows, k), want);
    }
}

#[test]
fn has_children_and_expanded() {
    let rows = atlas_rows(&[], &Filter::default());
    let with_children: Vec<&str> = rows
        .iter()
        .filter(|r| r.has_children)
        .map(|r| r.key.as_str())
        .collect();
    assert_eq!(
        with_children,
        [
            "p-a",
            "o-1",
            "t-1",
            "f-1",
            "f-2",
            "loose-themes",
            "t-3",
            "f-3",
            "loose-features",
            "f-4",
            "loose-items"
        ]
    );
    assert!(rows.iter().all(|r| r.expanded), "nothing is folded");
}

#[test]
fn an_objective_with_only_key_results_has_children() {
    let mut p = atlas();
    let gone = [id("f-1"), id("f-2")];
    p.themes.retain(|t| t.objective.is_none());
    p.features.retain(|f| !gone.contains(&f.id));
    p.items
        .retain(|i| !i.feature.as_ref().is_some_and(|f| gone.contains(f)));
    assert_eq!(validate_product(&p), Ok(()));
    let rows = outline(&p, RoleSetting::Separate, &none(), &Filter::default());
    assert!(row(&rows, "o-1").has_children);
    assert!(!row(&rows, "o-2").has_children);
    assert_eq!(
        tree(&rows)[..5],
        ["p-a", "  o-1", "    k-1", "    k-2", "  o-2"]
    );
}

#[test]
fn loose_groups_appear_only_when_something_is_loose() {
    let mut p = atlas();
    p.themes[2].objective = Some(id("o-2"));
    p.features[3].theme = Some(id("t-2"));
    p.items.retain(|i| i.feature.is_some());
    let rows = outline(&p, RoleSetting::Separate, &none(), &Filter::default());
    // As FULL_TREE down to t-2, which now holds f-4; then o-2 holds t-3.
    let to_t2 = &FULL_TREE[..11];
    assert_eq!(to_t2.last(), Some(&"    t-2"));
    assert_eq!(
        tree(&rows),
        [
            to_t2,
            &[
                "      f-4",
                "        i-6",
                "  o-2",
                "    t-3",
                "      f-3",
                "        i-5",
            ]
        ]
        .concat()
    );
    assert!(rows.iter().all(|r| !matches!(r.kind, RowKind::Loose(_))));

    // Only loose items: just that group.
    let mut p = atlas();
    p.themes[2].objective = Some(id("o-2"));
    p.features[3].theme = Some(id("t-2"));
    let rows = outline(&p, RoleSetting::Separate, &none(), &Filter::default());
    let loose: Vec<&str> = rows
        .iter()
        .filter(|r| matches!(r.kind, RowKind::Loose(_)))
        .map(row_title)
        .collect();
    assert_eq!(loose, ["Items with no feature"]);
    assert_eq!(row_meta(row(&rows, "loose-items")), "2 to place");
}

#[test]
fn an_empty_product_is_a_single_row() {
    let p = Product::new(id("p-e"), "Empty");
    let rows = outline(&p, RoleSetting::Separate, &none(), &Filter::default());
    assert_eq!(tree(&rows), ["p-e"]);
    let r = &rows[0];
    assert_eq!(
        (r.kind, r.title.as_str(), row_meta(r)),
        (RowKind::Product, "Empty", "no items".to_string())
    );
    assert!(!r.has_children);
    assert!(r.expanded);
}

#[test]
fn loose_keys_and_no_titles_of_their_own() {
    assert_eq!(
        [
            Loose::Themes.key(),
            Loose::Features.key(),
            Loose::Items.key()
        ],
        ["loose-themes", "loose-features", "loose-items"]
    );
    // A group row holds no words: the page names it (`text::row_title`).
    let rows = atlas_rows(&[], &Filter::default());
    let groups: Vec<&Row> = rows
        .iter()
        .filter(|r| matches!(r.kind, RowKind::Loose(_)))
        .collect();
    assert_eq!(groups.len(), 3);
    assert!(groups.iter().all(|r| r.title.is_empty()), "{groups:?}");
    assert_eq!(RowKind::Loose(Loose::Items).level(), None);
    assert_eq!(RowKind::KeyResult.level(), Some(Level::Objective));
    assert_eq!(RowKind::Feature.level(), Some(Level::Feature));
}

// ---------- folding ----------

// ---------- drag and drop ----------

#[test]
fn a_drop_is_a_move_or_the_reason_it_is_not() {
    let rows = atlas_rows(&[], &Filter::default());
    let product = id("p-a");
    let drop = |kind, dragged: &str, on: &str| {
        drop_command(&product, (kind, &id(dragged)), row(&rows, on))
    };
    let mv = |kind, dragged: &str, parent: Option<&str>, before: Option<&str>| {
        Ok(Command::Move {
            product: product.clone(),
            kind,
            id: id(dragged),
            parent: parent.map(id),
            before: before.map(id),
        })
    };
    // On a row of its kind: before it, under that row's parent.
    assert_eq!(
        drop(RowKind::Item, "i-2", "i-3"),
        mv(Kind::Item, "i-2", Some("f-1"), Some("i-3"))
    );
    // On a row of its parent's kind: last under it. On its loose group: loose.
    assert_eq!(
        drop(RowKind::Feature, "f-4", "t-2"),
        mv(Kind::Feature, "f-4", Some("t-2"), None)
    );
    assert_eq!(
        drop(RowKind::Item, "i-1", "loose-items"),
        mv(Kind::Item, "i-1", None, None)
    );

    assert_eq!(
        drop(RowKind::Item, "i-1", "i-1"),
        Err(DropRefused::OnItself)
    );
    assert_eq!(
        drop(RowKind::KeyResult, "k-1", "k-2"),
        Err(DropRefused::NotMovable)
    );
    assert_eq!(
        drop(RowKind::Objective, "o-1", "t-1"),
        Err(DropRefused::Misplaced(Kind::Objective))
    );
    assert_eq!(
        drop(RowKind::Theme, "t-1", "loose-items"),
        Err(DropRefused::Misplaced(Kind::Theme))
    );
}

#[test]
fn collapsing_a_row_hides_its_descendants_but_not_the_row() {
    let rows = atlas_rows(&["f-1"], &Filter::default());
    assert_eq!(tree(&rows), full_tree_but("i-1 i-3"));
    assert_eq!(rows.len(), FULL_TREE.len() - 2);
    let f1 = row(&rows, "f-1");
    assert!(!f1.expanded);
    assert!(f1.has_children, "a folded row still says it has children");
    assert!(row(&rows, "f-2").expanded);

    let rows = atlas_rows(&["o-1"], &Filter::default());
    assert_eq!(
        tree(&rows)[..3],
        ["p-a", "  o-1", "  o-2"],
        "key results, themes, features and items under o-1 are hidden"
    );
    assert_eq!(rows.len(), FULL_TREE.len() - 9);

    let rows = atlas_rows(&["p-a"], &Filter::default());
    assert_eq!(tree(&rows), ["p-a"]);
    assert!(!rows[0].expanded);
}

#[test]
fn collapsing_loose_groups_and_several_rows() {
    let rows = atlas_rows(
        &["loose-themes", "loose-items", "t-1", "i-1"],
        &Filter::default(),
    );
    assert_eq!(
        tree(&rows),
        full_tree_but("f-1 i-1 i-3 f-2 i-2 t-3 f-3 i-5 i-4 i-7")
    );
    let folded: Vec<&str> = rows
        .iter()
        .filter(|r| !r.expanded)
        .map(|r| r.key.as_str())
        .collect();
    assert_eq!(folded, ["t-1", "loose-themes", "loose-items"]);
}

#[test]
fn collapsing_a_leaf_or_an_unknown_key_changes_only_its_expanded_flag() {
    let open = atlas_rows(&[], &Filter::default());
    let rows = atlas_rows(&["i-1", "x-404"], &Filter::default());
    assert_eq!(tree(&rows), FULL_TREE);
    for (a, b) in open.iter().zip(&rows) {
        if a.key == "i-1" {
            assert!(!b.expanded && !b.has_children);
        } else {
            assert_eq!(a, b);
        }
    }
}

// ---------- filtering ----------

#[test]
fn filter_is_active_only_with_text_kind_or_hat() {
    assert!(!Filter::default().is_active());
    assert!(!text("   ").is_active());
    assert!(text(" a ").is_active());
    assert!(kind(ItemKind::Bug).is_active());
    assert!(hat(Hat::Po).is_active());
}

#[test]
fn blank_text_is_no_filter_and_keeps_folding() {
    let rows = atlas_rows(&["o-1"], &text("  \t "));
    assert_eq!(rows.len(), FULL_TREE.len() - 9);
    assert!(!row(&rows, "o-1").expanded);
}

#[test]
fn text_filter_is_case_insensitive_and_shows_ancestors() {
    let rows = atlas_rows(&[], &text("SIGN"));
    // k-1 "Signups", f-1 "Signup flow", i-1 "Sign up with email", i-3 "Signup bug".
    assert_eq!(tree(&rows), full_tree_only("p-a o-1 k-1 t-1 f-1 i-1 i-3"));
    // Surrounding spaces are ignored; ancestors come along, siblings that miss do not.
    let rows = atlas_rows(&[], &text("  Tour "));
    assert_eq!(tree(&rows), full_tree_only("p-a o-1 t-1 f-2 i-2"));
    // A match deep in a loose group brings the group along.
    let rows = atlas_rows(&[], &text("by DATE"));
    assert_eq!(tree(&rows), full_tree_only("p-a loose-themes t-3 f-3 i-5"));
}

#[test]
fn a_matching_parent_does_not_bring_its_children() {
    let rows = atlas_rows(&[], &text("onboarding"));
    assert_eq!(tree(&rows), full_tree_only("p-a o-1 t-1"));
    assert!(
        row(&rows, "t-1").has_children,
        "it still has (hidden) children"
    );
}

#[test]
fn text_matching_the_product_name_shows_only_the_product() {
    let rows = atlas_rows(&[], &text("atlas"));
    assert_eq!(tree(&rows), ["p-a"]);
}

#[test]
fn a_filter_that_matches_nothing_shows_no_rows() {
    let rows = atlas_rows(&[], &text("zebra"));
    assert_eq!(rows, Vec::<Row>::new());
}

#[test]
fn an_active_filter_unfolds_collapsed_rows() {
    let rows = atlas_rows(&["p-a", "o-1", "t-1", "f-1"], &text("bug"));
    assert_eq!(tree(&rows), full_tree_only("p-a o-1 t-1 f-1 i-3"));
    assert!(rows.iter().all(|r| r.expanded));
}

#[test]
fn item_kind_filter_shows_only_items_of_that_kind() {
    let rows = atlas_rows(&[], &kind(ItemKind::Bug));
    assert_eq!(tree(&rows), full_tree_only("p-a o-1 t-1 f-1 i-3"));
    let rows = atlas_rows(&[], &kind(ItemKind::Spike));
    assert_eq!(tree(&rows), full_tree_only("p-a loose-items i-4"));
    let rows = atlas_rows(&[], &kind(ItemKind::Story));
    assert_eq!(
        tree(&rows),
        full_tree_only("p-a o-1 t-1 f-1 i-1 loose-themes t-3 f-3 i-5 loose-items i-7")
    );
    // Positions still count every sibling, shown or not.
    assert_place(row(&rows, "i-7"), (None, 2, 2, Some("i-4"), None, None));
}

#[test]
fn text_and_item_kind_filters_combine() {
    // "filter" matches f-3 "Filters" and i-5 "Filter by date", but only i-5 is a story.
    let f = Filter {
        text: "filter".into(),
        item_kind: Some(ItemKind::Story),
        hat: None,
    };
    let rows = atlas_rows(&[], &f);
    assert_eq!(tree(&rows), full_tree_only("p-a loose-themes t-3 f-3 i-5"));
    let f = Filter {
        text: "filter".into(),
        item_kind: Some(ItemKind::Bug),
        hat: None,
    };
    assert!(atlas_rows(&[], &f).is_empty());
}

#[test]
fn the_text_filter_matches_titles_not_the_loose_groups_headings() {
    // The groups' headings are the page's words (`text::loose_group`), not titles: a
    // group shows only to hold what matches, as it did when the row carried its heading.
    assert!(atlas_rows(&[], &text("with no")).is_empty());
    // "feature" is in "Items with no feature" and "Features with no theme", but only
    // f-4 "Stray feature" has it in its title.
    let rows = atlas_rows(&[], &text("feature"));
    assert_eq!(tree(&rows), full_tree_only("p-a loose-features f-4"));
    let shown: Vec<&str> = rows.iter().map(row_title).collect();
    assert_eq!(shown, ["Atlas", "Features with no theme", "Stray feature"]);
}

#[test]
fn hat_filter_with_separate_roles() {
    // The PM owns the product, objectives, key results and themes, and decides features.
    let pm = atlas_rows(&[], &hat(Hat::Pm));
    assert_eq!(
        tree(&pm),
        full_tree_but("i-1 i-3 i-2 i-5 i-6 loose-items i-4 i-7")
    );
    // The PO breaks features down and owns the items; the rest shows only as ancestors.
    let po = atlas_rows(&[], &hat(Hat::Po));
    assert_eq!(tree(&po), full_tree_but("k-1 k-2 t-2 o-2"));
}

#[test]
fn hat_filter_with_one_person_matches_separate_roles() {
    for h in [Hat::Pm, Hat::Po] {
        assert_eq!(
            outline(&atlas(), RoleSetting::OnePerson, &none(), &hat(h)),
            atlas_rows(&[], &hat(h)),
            "{}",
            h.short()
        );
    }
}

#[test]
fn hat_filter_with_no_pm() {
    // With no Product Manager the PO wears both hats, and the filter still picks a kind
    // of work: the PM's strategic levels, or the PO's items, as with two people — not
    // nothing, and not everything.
    for h in Hat::ALL {
        assert_eq!(
            outline(&atlas(), RoleSetting::NoPm, &none(), &hat(h)),
            outline(&atlas(), RoleSetting::Separate, &none(), &hat(h)),
            "{}",
            h.short()
        );
    }
    assert!(!outline(&atlas(), RoleSetting::NoPm, &none(), &hat(Hat::Pm)).is_empty());
}

#[test]
fn hat_and_text_filters_combine() {
    let f = Filter {
        text: "sign".into(),
        item_kind: None,
        hat: Some(Hat::Pm),
    };
    let rows = atlas_rows(&[], &f);
    assert_eq!(tree(&rows), full_tree_only("p-a o-1 k-1 t-1 f-1"));
}

// ---------- roll-up text ----------

#[test]
fn rollup_text_formats_counts_points_and_percent() {
    let r = |items, done_items, points, points_done, unestimated| Rollup {
        items,
        done_items,
        points,
        points_done,
        unestimated,
    };
    let cases = [
        (Rollup::default(), "no items"),
        (r(4, 4, 13.0, 13.0, 0), "4 items · 13/13 pts · 100% done"),
        (r(1, 0, 3.0, 0.0, 0), "1 item · 0/3 pts · 0% done"),
        (r(3, 1, 2.5, 0.5, 0), "3 items · 0.5/2.5 pts · 20% done"),
        // Nothing estimated: percent by item count.
        (r(4, 1, 0.0, 0.0, 4), "4 items · 0/0 pts · 25% done"),
        (r(3, 1, 9.0, 2.0, 0), "3 items · 2/9 pts · 22% done"),
    ];
    for (sum, want) in cases {
        assert_eq!(rollup_text(&sum), want, "{sum:?}");
    }
}

#[test]
fn meta_of_each_row_in_the_small_product() {
    let rows = atlas_rows(&[], &Filter::default());
    let meta = |k: &str| row_meta(row(&rows, k));
    let cases = [
        ("p-a", "7 items · 14/19 pts · 74% done"),
        ("o-1", "3 items · 13/16 pts · 81% done"),
        ("k-1", "25% of the way"),
        ("k-2", "80% of the way"),
        ("t-1", "3 items · 13/16 pts · 81% done"),
        ("f-1", "2 items · 13/13 pts · 100% done"),
        ("i-1", "5 pts · Done"),
        ("i-3", "8 pts · Done"),
        ("f-2", "1 item · 0/3 pts · 0% done"),
        ("i-2", "3 pts · To do"),
        ("t-2", "no items"),
        ("o-2", "no items"),
        ("loose-themes", "1 to place"),
        ("t-3", "1 item · 0/2 pts · 0% done"),
        ("f-3", "1 item · 0/2 pts · 0% done"),
        ("i-5", "2 pts · In progress"),
        ("loose-features", "1 to place"),
        ("f-4", "1 item · 1/1 pts · 100% done"),
        ("loose-items", "2 to place"),
        ("i-4", "unestimated · To do"),
        ("i-7", "unestimated · To do"),
    ];
    for (k, want) in cases {
        assert_eq!(meta(k), want, "{k}");
    }
}

/// The row of key result `n` of o-1 once Atlas has `k` there instead.
fn key_result_row(n: usize, k: KeyResult) -> Row {
    let mut p = atlas();
    let key = k.id.to_string();
    p.objectives[0].key_results[n] = k;
    let rows = outline(&p, RoleSetting::Separate, &none(), &Filter::default());
    row(&rows, &key).clone()
}

#[test]
fn key_result_meta_is_empty_when_start_equals_target() {
    let r = key_result_row(0, kr("k-1", "Flat", 50.0, 50.0, 70.0, ""));
    assert_eq!(row_meta(&r), "");
    assert_eq!(row_detail(&r), "50 → 50, now 70");
    // Progress is clamped.
    let r = key_result_row(0, kr("k-1", "Over", 0.0, 10.0, 15.0, ""));
    assert_eq!(row_meta(&r), "100% of the way");
}

#[test]
fn a_falling_key_result_at_its_start_reads_zero_percent() {
    // Churn from 10 % down to 5 %, still at 10 %.
    let r = key_result_row(1, kr("k-2", "Churn", 10.0, 5.0, 10.0, "%"));
    assert_eq!(row_meta(&r), "0% of the way");
}

#[test]
fn rollups_of_the_small_product() {
    let p = atlas();
    let sums = rollups(&p);
    assert_eq!(sums.product, product_rollup(&p));
    assert_eq!(
        sums.loose_items,
        Rollup {
            items: 2,
            done_items: 0,
            points: 0.0,
            points_done: 0.0,
            unestimated: 2
        }
    );
    assert_eq!(
        sums.by_objective.get(&id("o-1")),
        Some(&Rollup {
            items: 3,
            done_items: 2,
            points: 16.0,
            points_done: 13.0,
            unestimated: 0
        })
    );
    // Empty parents are simply absent.
    assert_eq!(sums.by_objective.get(&id("o-2")), None);
    assert_eq!(sums.by_theme.get(&id("t-2")), None);
    // Loose themes still sum their features; loose features are not under any theme.
    assert_eq!(sums.by_theme.get(&id("t-3")).map(|r| r.items), Some(1));
    assert_eq!(sums.by_feature.get(&id("f-4")).map(|r| r.items), Some(1));
    let mut themes: Vec<&str> = sums.by_theme.keys().map(|k| k.as_str()).collect();
    themes.sort();
    assert_eq!(themes, ["t-1", "t-3"]);
}

// ---------- the sample ----------

fn sample() -> Workspace {
    sample_workspace(Day::new(2026, 3, 15).unwrap(), &mut counter_ids())
}

/// Each row's title, indented two spaces per depth level.
fn titles(rows: &[Row]) -> Vec<String> {
    rows.iter()
        .map(|r| format!("{}{}", "  ".repeat(r.depth as usize), row_title(r)))
        .collect()
}

fn by_title<'a>(rows: &'a [Row], title: &str) -> &'a Row {
    let found: Vec<&Row> = rows.iter().filter(|r| row_title(r) == title).collect();
    assert_eq!(found.len(), 1, "rows titled {title:?}");
    found[0]
}

#[test]
fn sample_trailhead_outline_in_order() {
    let ws = sample();
    let p = &ws.products[0];
    assert_eq!(p.name, "Trailhead");
    let rows = outline(p, ws.roles, &none(), &Filter::default());
    let want = [
        "Trailhead",
        "  Become the hiker's first stop before a hike",
        "    Weekly active hikers",
        "    Trips planned in the app per week",
        "    Trip planning",
        "      Trail search and filters",
        "        Search trails by name or area",
        "        Filter trails by length and difficulty",
        "        Search ignores accented place names",
        "        Index trail names for fast search",
        "      Saved trips and packing lists",
        "        Share a trip with a friend",
        "        Packing list for each trip",
        "        Save a trip for a date",
        "        Can we sync trips across devices without accounts?",
        "      Route elevation profile",
        "        Evaluate elevation data sources",
        "        See the elevation profile of a route",
        "        Import elevation data for the national parks",
        "  Make trail conditions trustworthy",
        "    Reports younger than 24 hours",
        "    Hikers who rate a report accurate",
        "    Live conditions",
        "      Ranger condition feed",
        "        Get notified when a saved trail closes",
        "        Cache the condition feed for ten minutes",
        "        Closed trails are marked on the list",
        "        Report times are shown in UTC",
        "        See a trail's latest ranger report",
        "      Weather and daylight warnings",
        "        Storm warning on the day of the trip",
        "        Sunset time and turn-around reminder",
        "        Which weather service fits our budget?",
        "      Offline trail maps",
        "        Download a trail map for offline use",
        "        How much map storage can a phone spare?",
        "    Community reports",
        "      Hiker trip reports",
        "        Write a trip report with photos",
        "        Rate how accurate the conditions were",
        "        Read recent trip reports on a trail",
        "        Image resizing pipeline",
        "        Long reports are cut off on small screens",
        "      Report moderation",
        "        Flag an inappropriate report",
        "        Moderators review flagged reports",
        "  Items with no feature",
        "    App crashes when location permission is denied",
        "    Upgrade the map library",
        "    Dark mode",
        "    Set up crash reporting",
    ];
    assert_eq!(titles(&rows), want);
    let unique: HashSet<&str> = keys(&rows).into_iter().collect();
    assert_eq!(unique.len(), rows.len(), "keys are unique");
    assert_eq!(
        rows.iter().filter(|r| r.kind == RowKind::Item).count(),
        p.items.len()
    );
}

#[test]
fn sample_trailhead_neighbours_and_parents() {
    let ws = sample();
    let p = &ws.products[0];
    let rows = outline(p, ws.roles, &none(), &Filter::default());
    let idof = |t: &str| by_title(&rows, t).id.clone().unwrap();
    let o1 = idof("Become the hiker's first stop before a hike");
    let o2 = idof("Make trail conditions trustworthy");
    let live = idof("Live conditions");
    let community = idof("Community reports");
    let feed = idof("Ranger condition feed");
    let weather = idof("Weather and daylight warnings");
    let offline = idof("Offline trail maps");

    let r = by_title(&rows, "Become the hiker's first stop before a hike");
    assert_eq!(
        (r.position, r.siblings, r.next.clone()),
        (1, 2, Some(o2.clone()))
    );
    let r = by_title(&rows, "Live conditions");
    assert_eq!(
        (r.parent.clone(), r.position, r.siblings, r.next.clone()),
        (Some(o2.clone()), 1, 2, Some(community.clone()))
    );
    let r = by_title(&rows, "Trip planning");
    assert_eq!((r.parent.clone(), r.position, r.siblings), (Some(o1), 1, 1));
    let r = by_title(&rows, "Ranger condition feed");
    let want = (Some(live), 1, 3, None, Some(weather.clone()), Some(offline));
    assert_eq!(place(r), want);
    let r = by_title(&rows, "Offline trail maps");
    assert_eq!(
        (r.position, r.prev.clone(), r.next.clone()),
        (3, Some(weather), None)
    );
    // The items of the condition feed are siblings in backlog order, across the gaps.
    let feed_items = [
        "Get notified when a saved trail closes",
        "Cache the condition feed for ten minutes",
        "Closed trails are marked on the list",
        "Report times are shown in UTC",
        "See a trail's latest ranger report",
    ];
    for (n, t) in feed_items.iter().enumerate() {
        let r = by_title(&rows, t);
        assert_eq!(r.parent, Some(feed.clone()), "{t}");
        assert_eq!((r.position, r.siblings, r.depth), (n + 1, 5, 4), "{t}");
        assert_eq!(r.prev, n.checked_sub(1).map(|i| idof(feed_items[i])), "{t}");
        assert_eq!(r.next, feed_items.get(n + 1).map(|x| idof(x)), "{t}");
        assert_eq!(r.after_next, feed_items.get(n + 2).map(|x| idof(x)), "{t}");
    }
    let loose = row(&rows, "loose-items");
    assert_eq!(
        (loose.depth, loose.parent.clone(), row_meta(loose)),
        (1, None, "4 to place".to_string())
    );
    let r = by_title(&rows, "Dark mode");
    assert_eq!(
        (r.parent.clone(), r.position, r.siblings, r.depth),
        (None, 3, 4, 2)
    );
}

#[test]
fn sample_trailhead_meta_text() {
    let ws = sample();
    let p = &ws.products[0];
    let rows = outline(p, ws.roles, &none(), &Filter::default());
    let cases = [
        ("Trailhead", "32 items · 27/99 pts · 27% done"),
        (
            "Become the hiker's first stop before a hike",
            "11 items · 20/39 pts · 51% done",
        ),
        ("Weekly active hikers", "18% of the way"),
        ("Reports younger than 24 hours", "30% of the way"),
        ("Trip planning", "11 items · 20/39 pts · 51% done"),
        (
            "Trail search and filters",
            "4 items · 13/13 pts · 100% done",
        ),
        (
            "Saved trips and packing lists",
            "4 items · 7/15 pts · 47% done",
        ),
        ("Route elevation profile", "3 items · 0/11 pts · 0% done"),
        (
            "Make trail conditions trustworthy",
            "17 items · 5/52 pts · 10% done",
        ),
        ("Live conditions", "10 items · 5/26 pts · 19% done"),
        ("Ranger condition feed", "5 items · 5/16 pts · 31% done"),
        (
            "Weather and daylight warnings",
            "3 items · 0/10 pts · 0% done",
        ),
        ("Offline trail maps", "2 items · 0/0 pts · 0% done"),
        ("Community reports", "7 items · 0/26 pts · 0% done"),
        ("Hiker trip reports", "5 items · 0/23 pts · 0% done"),
        ("Report moderation", "2 items · 0/3 pts · 0% done"),
        ("Items with no feature", "4 to place"),
        ("Search trails by name or area", "5 pts · Done"),
        (
            "Import elevation data for the national parks",
            "unestimated · To do",
        ),
        ("Report times are shown in UTC", "1 pt · In progress"),
    ];
    for (t, want) in cases {
        assert_eq!(row_meta(by_title(&rows, t)), want, "{t}");
    }
    let r = by_title(&rows, "Weekly active hikers");
    assert_eq!(row_detail(r), "2000 → 10000 hikers, now 3400");
    assert_eq!(
        row_detail(by_title(&rows, "Weather and daylight warnings")),
        "At risk"
    );
    assert_eq!(row_detail(by_title(&rows, "Dark mode")), "User story");
}

#[test]
fn sample_ranger_console_outline() {
    let ws = sample();
    let p = &ws.products[1];
    let rows = outline(p, ws.roles, &none(), &Filter::default());
    assert_eq!(
        titles(&rows),
        [
            "Ranger Console",
            "  Cut the time rangers spend publishing updates",
            "    Minutes to publish a closure",
            "    Ranger tools",
            "      Closure publishing",
            "        Schedule a closure to end automatically",
            "        Closure pin lands on the wrong trail",
            "        Audit log of published closures",
            "        Publish a trail closure in under a minute",
            "      Bulk condition updates",
            "        Update conditions for many trails at once",
            "        Can rangers update from a tablet with no signal?",
            "        Import conditions from a spreadsheet",
            "  Items with no feature",
            "    Permissions for seasonal staff",
        ]
    );
    let meta = |t: &str| row_meta(by_title(&rows, t));
    assert_eq!(meta("Ranger Console"), "8 items · 5/29 pts · 17% done");
    assert_eq!(
        meta("Cut the time rangers spend publishing updates"),
        "7 items · 5/24 pts · 21% done"
    );
    assert_eq!(meta("Ranger tools"), "7 items · 5/24 pts · 21% done");
    assert_eq!(meta("Closure publishing"), "4 items · 5/13 pts · 38% done");
    assert_eq!(
        meta("Bulk condition updates"),
        "3 items · 0/11 pts · 0% done"
    );
    // A key result that should fall: 30 → 5 minutes, now 20.
    assert_eq!(meta("Minutes to publish a closure"), "40% of the way");
    assert_eq!(
        row_detail(by_title(&rows, "Minutes to publish a closure")),
        "30 → 5 min, now 20"
    );
    assert_eq!(meta("Items with no feature"), "1 to place");
}

#[test]
fn sample_filters() {
    let ws = sample();
    let p = &ws.products[0];
    let bugs = outline(
        p,
        ws.roles,
        &collapsed(&[p.id.as_str()]),
        &kind(ItemKind::Bug),
    );
    assert_eq!(
        titles(&bugs),
        [
            "Trailhead",
            "  Become the hiker's first stop before a hike",
            "    Trip planning",
            "      Trail search and filters",
            "        Search ignores accented place names",
            "  Make trail conditions trustworthy",
            "    Live conditions",
            "      Ranger condition feed",
            "        Report times are shown in UTC",
            "    Community reports",
            "      Hiker trip reports",
            "        Long reports are cut off on small screens",
            "  Items with no feature",
            "    App crashes when location permission is denied",
        ]
    );
    let trail = outline(p, ws.roles, &none(), &text("TRAIL"));
    assert_eq!(
        titles(&trail),
        [
            "Trailhead",
            "  Become the hiker's first stop before a hike",
            "    Trip planning",
            "      Trail search and filters",
            "        Search trails by name or area",
            "        Filter trails by length and difficulty",
            "        Index trail names for fast search",
            "  Make trail conditions trustworthy",
            "    Live conditions",
            "      Ranger condition feed",
            "        Get notified when a saved trail closes",
            "        Closed trails are marked on the list",
            "        See a trail's latest ranger report",
            "      Offline trail maps",
            "        Download a trail map for offline use",
            "    Community reports",
            "      Hiker trip reports",
            "        Read recent trip reports on a trail",
        ]
    );
    // Under the sample's separate roles a PO filter shows all 32 items and every feature.
    let po = outline(p, ws.roles, &none(), &hat(Hat::Po));
    assert_eq!(po.iter().filter(|r| r.kind == RowKind::Item).count(), 32);
    assert_eq!(po.iter().filter(|r| r.kind == RowKind::Feature).count(), 8);
    assert_eq!(
        po.iter().filter(|r| r.kind == RowKind::KeyResult).count(),
        0
    );
    let pm = outline(p, ws.roles, &none(), &hat(Hat::Pm));
    assert_eq!(pm.iter().filter(|r| r.kind == RowKind::Item).count(), 0);
    assert_eq!(
        pm.iter().filter(|r| r.kind == RowKind::KeyResult).count(),
        4
    );
    assert_eq!(pm.len(), 1 + 2 + 4 + 3 + 8);
    assert_eq!(outline(p, RoleSetting::NoPm, &none(), &hat(Hat::Pm)), pm);
}

/// Each feature, theme and objective of `p` (in that order): its id, its name, its sum in
/// `sums` (zero where absent) and its per-entity roll-up.
fn sums_beside_per_entity(p: &Product, sums: &Rollups) -> Vec<(Id, String, Rollup, Rollup)> {
    type Sums = twohats::model::ids::IdMap<Id, Rollup>;
    let entry = |i: &Id, name: &str, by: &Sums, per_entity: fn(&Product, &Id) -> Rollup| {
        let got = by.get(i).copied().unwrap_or_default();
        (i.clone(), name.to_string(), got, per_entity(p, i))
    };
    let (by_f, by_t, by_o) = (&sums.by_feature, &sums.by_theme, &sums.by_objective);
    let features = p
        .features
        .iter()
        .map(|f| entry(&f.id, &f.title, by_f, feature_rollup));
    let themes = p
        .themes
        .iter()
        .map(|t| entry(&t.id, &t.name, by_t, theme_rollup));
    let objectives = p
        .objectives
        .iter()
        .map(|o| entry(&o.id, &o.title, by_o, objective_rollup));
    features.chain(themes).chain(objectives).collect()
}

#[test]
fn sample_rollups_equal_the_per_entity_functions() {
    let ws = sample();
    let mut checked = 0;
    for p in &ws.products {
        let sums = rollups(p);
        let rows = outline(p, ws.roles, &none(), &Filter::default());
        assert_eq!(sums.product, product_rollup(p), "{}", p.name);
        assert_eq!(
            row_meta(row(&rows, p.id.as_str())),
            rollup_text(&product_rollup(p))
        );
        for (i, name, got, want) in sums_beside_per_entity(p, &sums) {
            assert_eq!(got, want, "{name}");
            assert_eq!(
                row_meta(row(&rows, i.as_str())),
                rollup_text(&want),
                "{name}"
            );
            checked += 1;
        }
        let loose: Vec<&Item> = p.items.iter().filter(|i| i.feature.is_none()).collect();
        assert_eq!(sums.loose_items, Rollup::of(loose), "{}", p.name);
        // The feature sums cover every item that has a feature, once.
        let in_features: usize = sums.by_feature.values().map(|r| r.items).sum();
        assert_eq!(in_features + sums.loose_items.items, p.items.len());
    }
    assert_eq!(checked, (8 + 3 + 2) + (2 + 1 + 1));
}

#[test]
fn sample_rollups_still_agree_after_moves() {
    // Shuffle the sample with moves: loose item under a feature, a feature to another
    // theme, a theme loose, a feature loose. Sums must still match the per-entity functions.
    let mut ws = sample();
    let p = &ws.products[0];
    let pid = p.id.clone();
    let find_item = |t: &str| p.items.iter().find(|i| i.title == t).unwrap().id.clone();
    let find_feature = |t: &str| p.features.iter().find(|f| f.title == t).unwrap().id.clone();
    let find_theme = |t: &str| p.themes.iter().find(|x| x.name == t).unwrap().id.clone();
    let moves = [
        (
            Kind::Item,
            find_item("Dark mode"),
            Some(find_feature("Offline trail maps")),
        ),
        (
            Kind::Feature,
            find_feature("Report moderation"),
            Some(find_theme("Trip planning")),
        ),
        (Kind::Theme, find_theme("Community reports"), None),
        (Kind::Feature, find_feature("Route elevation profile"), None),
    ];
    for (kind, i, parent) in moves {
        apply(
            &mut ws,
            Command::Move {
                product: pid.clone(),
                kind,
                id: i,
                parent,
                before: None,
            },
        )
        .unwrap();
    }
    let p = &ws.products[0];
    let sums = rollups(p);
    for (_, name, got, want) in sums_beside_per_entity(p, &sums) {
        assert_eq!(got, want, "{name}");
    }
    let rows = outline(p, ws.roles, &none(), &Filter::default());
    let groups: Vec<String> = rows
        .iter()
        .filter(|r| matches!(r.kind, RowKind::Loose(_)))
        .map(row_meta)
        .collect();
    assert_eq!(groups, ["1 to place", "1 to place", "3 to place"]);
    assert_eq!(
        row_meta(by_title(&rows, "Trip planning")),
        "10 items · 20/31 pts · 65% done",
        "lost Route elevation profile (11 pts), gained Report moderation (3 pts)"
    );
    assert_eq!(
        row_meta(by_title(&rows, "Make trail conditions trustworthy")),
        row_meta(by_title(&rows, "Live conditions"))
    );
    assert_eq!(
        row_meta(by_title(&rows, "Offline trail maps")),
        "3 items · 0/0 pts · 0% done"
    );
    assert_eq!(
        row_meta(by_title(&rows, "Live conditions")),
        "11 items · 5/26 pts · 19% done"
    );
}
