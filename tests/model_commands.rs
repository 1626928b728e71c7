#![cfg(not(target_arch = "wasm32"))]
//! Every command, applied and refused. A refusal must say what and where, and leave the
//! workspace exactly as it was.

mod common;
use common::{
    add_entity, batch, criterion, delete_entity, edit_entity, id, key_result, list, placed,
    reorder_entity, without_ids, workspace,
};
use twohats::model::error::{At, Name, Place, Problem};
use twohats::model::*;
use twohats::text::{command_label, impact_summary};

// ---------- fixture ----------

// Entities named after their ids ("Theme t-1", …), on the shared builders.

fn theme(t: &str, objective: Option<&str>) -> Theme {
    common::theme(t, &format!("Theme {t}"), objective)
}

fn feature(f: &str, theme: Option<&str>, release: Option<&str>) -> Feature {
    common::feature(f, &format!("Feature {f}"), theme, release)
}

/// A story under `feature` and in `sprint`, 2 points.
fn item(i: &str, feature: Option<&str>, sprint: Option<&str>) -> Item {
    placed(i, feature, sprint, 2.0)
}

fn objective(o: &str) -> Objective {
    common::objective(o, &format!("Objective {o}"))
}

/// A planned sprint of 20 points.
fn sprint(s: &str) -> Sprint {
    common::sprint(s, &format!("Sprint {s}"), SprintState::Planned, Some(20.0))
}

fn release(r: &str) -> Release {
    common::release(r, &format!("Release {r}"))
}

/// Atlas: objectives o-1 (linked by t-1, t-2), o-2; themes t-1, t-2, t-3 (empty);
/// features f-1 (t-1, r-1, items i-1..i-6), f-2 (t-1, items i-7..i-9), f-3 (t-2, r-1, item i-10),
/// f-4 (no theme); orphan item i-11; sprint s-1 holds i-1, i-7, i-11; s-2 is empty; releases r-1, r-2.
fn atlas() -> Product {
    let mut p = Product::new(id("p-a"), "Atlas");
    p.objectives = vec![objective("o-1"), objective("o-2")];
    p.themes = vec![
        theme("t-1", Some("o-1")),
        theme("t-2", Some("o-1")),
        theme("t-3", None),
    ];
    p.features = vec![
        feature("f-1", Some("t-1"), Some("r-1")),
        feature("f-2", Some("t-1"), None),
        feature("f-3", Some("t-2"), Some("r-1")),
        feature("f-4", None, None),
    ];
    p.items = (1..=11)
        .map(|n| {
            let f = match n {
                1..=6 => Some("f-1"),
                7..=9 => Some("f-2"),
                10 => Some("f-3"),
                _ => None,
            };
            item(
                &format!("i-{n}"),
                f,
                [1, 7, 11].contains(&n).then_some("s-1"),
            )
        })
        .collect();
    p.sprints = vec![sprint("s-1"), sprint("s-2")];
    p.releases = vec![release("r-1"), release("r-2")];
    p
}

fn beacon() -> Product {
    let mut p = Product::new(id("p-b"), "Beacon");
    p.themes = vec![theme("t-9", None)];
    p.features = vec![feature("f-9", Some("t-9"), None)];
    p.items = vec![item("i-90", Some("f-9"), None)];
    p
}

fn fixture() -> Workspace {
    let mut ws = workspace(vec![atlas(), beacon()]);
    ws.portfolio.links = vec![ProductLink {
        id: id("l-1"),
        from: id("p-a"),
        to: id("p-b"),
        note: "feeds".into(),
    }];
    ws
}

const KINDS: [Kind; 6] = [
    Kind::Objective,
    Kind::Theme,
    Kind::Feature,
    Kind::Item,
    Kind::Sprint,
    Kind::Release,
];

/// A new, valid entity of `kind` that fits into Atlas.
fn fresh(kind: Kind, i: &str, title: &str) -> Entity {
    let mut e = match kind {
        Kind::Objective => Entity::Objective(Objective {
            id: id(i),
            title: String::new(),
            key_results: vec![],
        }),
        Kind::Theme => Entity::Theme(theme(i, Some("o-2"))),
        Kind::Feature => Entity::Feature(feature(i, Some("t-3"), Some("r-2"))),
        Kind::Item => Entity::Item(item(i, Some("f-4"), Some("s-2"))),
        Kind::Sprint => Entity::Sprint(sprint(i)),
        Kind::Release => Entity::Release(release(i)),
    };
    set_title(&mut e, title);
    e
}

fn set_title(e: &mut Entity, title: &str) {
    let slot = match e {
        Entity::Objective(x) => &mut x.title,
        Entity::Theme(x) => &mut x.name,
        Entity::Feature(x) => &mut x.title,
        Entity::Item(x) => &mut x.title,
        Entity::Sprint(x) => &mut x.name,
        Entity::Release(x) => &mut x.name,
    };
    *slot = title.to_string();
}

/// The entity of `kind` with id `i` in `p`, as an `Entity`.
fn get(p: &Product, kind: Kind, i: &str) -> Entity {
    let i = id(i);
    let found = match kind {
        Kind::Objective => p.objective(&i).cloned().map(Entity::Objective),
        Kind::Theme => p.theme(&i).cloned().map(Entity::Theme),
        Kind::Feature => p.feature(&i).cloned().map(Entity::Feature),
        Kind::Item => p.item(&i).cloned().map(Entity::Item),
        Kind::Sprint => p.sprint(&i).cloned().map(Entity::Sprint),
        Kind::Release => p
            .releases
            .iter()
            .find(|r| r.id == i)
            .cloned()
            .map(Entity::Release),
    };
    found.unwrap_or_else(|| panic!("no {} {i}", kind.noun()))
}

/// The first id of each kind in Atlas.
fn first_of(kind: Kind) -> &'static str {
    match kind {
        Kind::Objective => "o-1",
        Kind::Theme => "t-1",
        Kind::Feature => "f-1",
        Kind::Item => "i-1",
        Kind::Sprint => "s-1",
        Kind::Release => "r-1",
    }
}

fn a(ws: &Workspace) -> &Product {
    ws.product(&id("p-a")).expect("Atlas")
}

fn b(ws: &Workspace) -> &Product {
    ws.product(&id("p-b")).expect("Beacon")
}

fn changes(meta: bool, products: &[&str]) -> Changes {
    Changes {
        meta,
        products: products.iter().map(|p| id(p)).collect(),
    }
}

/// Applies a command that must succeed; the result must still be a valid workspace.
fn ok(ws: &mut Workspace, cmd: Command) -> Changes {
    let (ch, _) = apply(ws, cmd).unwrap_or_else(|e| panic!("refused: {e}"));
    validate_workspace(ws).unwrap_or_else(|e| panic!("left an invalid workspace: {e}"));
    ch
}

/// Applies a command that must be refused, naming `at` and `what`, with no change.
#[track_caller]
fn refused(ws: &Workspace, cmd: Command, at: &str, what: &str) -> ModelError {
    let mut after = ws.clone();
    let label = command_label(&cmd, ws);
    let Err(err) = apply(&mut after, cmd) else {
        panic!("“{label}” should have been refused")
    };
    assert_eq!(
        &after, ws,
        "a refused command changed the workspace ({err})"
    );
    // In the words users see: the facts worded by `text`.
    let (err_at, err_what) = (err.at.to_string(), err.problem.to_string());
    assert!(
        err_at.contains(at) || without_ids(&err_at).contains(at),
        "at {err_at:?} should contain {at:?}",
    );
    assert!(
        err_what.contains(what),
        "what {err_what:?} should contain {what:?}",
    );
    err
}

/// Adds the fresh entity of `kind` to the end of Atlas.
fn add(kind: Kind, i: &str, title: &str) -> Command {
    add_entity("p-a", fresh(kind, i, title), None)
}

fn edit(entity: Entity) -> Command {
    edit_entity("p-a", entity)
}

fn del(kind: Kind, i: &str) -> Command {
    delete_entity("p-a", kind, i)
}

fn reorder(kind: Kind, i: &str, to_index: usize) -> Command {
    reorder_entity("p-a", kind, i, to_index)
}

// ---------- the fixture itself ----------

#[test]
fn fixture_is_a_valid_workspace() {
    assert_eq!(validate_workspace(&fixture()), Ok(()));
}

// ---------- workspace-level commands ----------

#[test]
fn set_roles_changes_the_setting_and_touches_only_meta() {
    let mut ws = fixture();
    assert_eq!(
        ok(&mut ws, Command::SetRoles(RoleSetting::NoPm)),
        changes(true, &[])
    );
    assert_eq!(ws.roles, RoleSetting::NoPm);
    assert_eq!(ws.products, fixture().products);
}

#[test]
fn rename_portfolio_renames_and_touches_only_meta() {
    let mut ws = fixture();
    assert_eq!(
        ok(&mut ws, Command::RenamePortfolio("Outdoors".into())),
        changes(true, &[])
    );
    assert_eq!(ws.portfolio.name, "Outdoors");
}

#[test]
fn rename_portfolio_refuses_a_blank_or_overlong_name() {
    let ws = fixture();
    refused(
        &ws,
        Command::RenamePortfolio("   ".into()),
        "portfolio",
        "the name cannot be empty",
    );
    refused(
        &ws,
        Command::RenamePortfolio("x".repeat(301)),
        "portfolio",
        "longer than 300 characters",
    );
}

#[test]
fn add_product_inserts_at_the_index_and_touches_meta_and_the_product() {
    let mut ws = fixture();
    let cmd = Command::AddProduct {
        product: Box::new(Product::new(id("p-c"), "Compass")),
        index: Some(1),
    };
    assert_eq!(ok(&mut ws, cmd), changes(true, &["p-c"]));
    let order: Vec<&str> = ws.products.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(order, ["p-a", "p-c", "p-b"]);
    let cmd = Command::AddProduct {
        product: Box::new(Product::new(id("p-d"), "Dial")),
        index: Some(99),
    };
    ok(&mut ws, cmd);
    assert_eq!(
        ws.products.last().unwrap().name,
        "Dial",
        "an index past the end appends"
    );
}

#[test]
fn add_product_refuses_a_used_id_an_empty_name_and_ids_taken_by_another_product() {
    let ws = fixture();
    let add = |p: Product| Command::AddProduct {
        product: Box::new(p),
        index: None,
    };
    refused(
        &ws,
        add(Product::new(id("p-b"), "Beacon two")),
        "product 'Beacon two'",
        "its id is already used",
    );
    refused(
        &ws,
        add(Product::new(id("p-c"), " ")),
        "product",
        "the name cannot be empty",
    );
    let mut clash = Product::new(id("p-c"), "Compass");
    clash.themes.push(theme("t-9", None));
    refused(
        &ws,
        add(clash),
        "product 'Compass'",
        "id t-9 is used more than once",
    );
}

fn fields(p: &str, name: &str) -> ProductFields {
    ProductFields {
        id: id(p),
        name: name.into(),
        vision: Vision {
            for_whom: "hikers".into(),
            ..Vision::default()
        },
        goal: "Ship".into(),
        budget_note: "Small".into(),
    }
}

#[test]
fn edit_product_changes_only_its_own_fields() {
    let mut ws = fixture();
    assert_eq!(
        ok(&mut ws, Command::EditProduct(fields("p-a", "Atlas 2"))),
        changes(false, &["p-a"])
    );
    let p = a(&ws);
    assert_eq!(
        (p.name.as_str(), p.goal.as_str(), p.budget_note.as_str()),
        ("Atlas 2", "Ship", "Small")
    );
    assert_eq!(p.vision.for_whom, "hikers");
    assert_eq!(p.items, atlas().items);
    assert_eq!(p.features, atlas().features);
}

#[test]
fn edit_product_refuses_a_missing_product_and_an_empty_name() {
    let ws = fixture();
    refused(
        &ws,
        Command::EditProduct(fields("p-zz", "Ghost")),
        "product p-zz",
        "this product does not exist",
    );
    refused(
        &ws,
        Command::EditProduct(fields("p-a", "")),
        "product",
        "the name cannot be empty",
    );
}

#[test]
fn delete_product_removes_it_and_its_portfolio_links() {
    let mut ws = fixture();
    assert_eq!(
        ok(&mut ws, Command::DeleteProduct(id("p-b"))),
        changes(true, &["p-b"])
    );
    assert_eq!(ws.products.len(), 1);
    assert!(ws.product(&id("p-b")).is_none());
    assert!(
        ws.portfolio.links.is_empty(),
        "the link to the deleted product must go"
    );
}

#[test]
fn delete_product_refuses_a_missing_product() {
    refused(
        &fixture(),
        Command::DeleteProduct(id("p-zz")),
        "product p-zz",
        "does not exist",
    );
}

#[test]
fn reorder_product_moves_it_and_clamps_to_the_end() {
    let mut ws = fixture();
    assert_eq!(
        ok(
            &mut ws,
            Command::ReorderProduct {
                id: id("p-a"),
                to_index: 7
            }
        ),
        changes(true, &[])
    );
    assert_eq!(ws.products[0].id, id("p-b"));
    assert_eq!(ws.products[1].id, id("p-a"));
}

#[test]
fn reorder_product_refuses_a_missing_product() {
    refused(
        &fixture(),
        Command::ReorderProduct {
            id: id("p-zz"),
            to_index: 0,
        },
        "product p-zz",
        "does not exist",
    );
}

// ---------- Add ----------

#[test]
fn add_of_every_kind_inserts_at_the_index_or_the_end() {
    for kind in KINDS {
        let mut ws = fixture();
        let before = list(a(&ws), kind);
        let cmd = add_entity("p-a", fresh(kind, "x-1", "New"), Some(0));
        assert_eq!(ok(&mut ws, cmd), changes(false, &["p-a"]), "{kind:?}");
        assert_eq!(list(a(&ws), kind)[0], "x-1", "{kind:?}");
        assert_eq!(list(a(&ws), kind)[1..], before[..], "{kind:?}");
        assert_eq!(get(a(&ws), kind, "x-1"), fresh(kind, "x-1", "New"));
        ok(&mut ws, add(kind, "x-2", "Last"));
        assert_eq!(list(a(&ws), kind).last().unwrap(), "x-2", "{kind:?}");
        assert_eq!(b(&ws), &beacon(), "the other product is untouched");
    }
}

#[test]
fn add_of_every_kind_refuses_an_empty_title() {
    for kind in KINDS {
        let field = if matches!(kind, Kind::Theme | Kind::Sprint | Kind::Release) {
            "name"
        } else {
            "title"
        };
        refused(
            &fixture(),
            add(kind, "x-1", "  "),
            &format!("product 'Atlas' › {} '  '", kind.noun()),
            &format!("the {field} cannot be empty"),
        );
    }
}

#[test]
fn add_of_every_kind_refuses_an_id_already_used_in_the_product() {
    for kind in KINDS {
        // f-2 is a feature id, p-a the product's own: the clash is caught whatever the kind.
        for taken in ["f-2", "p-a"] {
            refused(
                &fixture(),
                add(kind, taken, "Dup"),
                &format!("{} 'Dup'", kind.noun()),
                &format!("id {taken} is already used"),
            );
        }
    }
}

#[test]
fn add_of_every_kind_refuses_an_id_used_in_another_product() {
    for kind in KINDS {
        refused(
            &fixture(),
            add(kind, "i-90", "Dup"),
            "product 'Beacon'",
            "id i-90 is already used",
        );
    }
}

#[test]
fn add_refuses_a_missing_product() {
    let cmd = add_entity("p-zz", fresh(Kind::Item, "x-1", "New"), None);
    refused(
        &fixture(),
        cmd,
        "product p-zz",
        "this product does not exist",
    );
}

/// `new_<kind>(|x| …)`: a command adding the fresh entity of that kind (x-1, "New"),
/// changed by the closure.
macro_rules! add_changed {
    ($($name:ident: $kind:ident),+ $(,)?) => {$(
        fn $name(change: impl FnOnce(&mut $kind)) -> Command {
            let Entity::$kind(mut x) = fresh(Kind::$kind, "x-1", "New") else {
                unreachable!()
            };
            change(&mut x);
            add_entity("p-a", Entity::$kind(x), None)
        }
    )+};
}

add_changed! {
    new_objective: Objective,
    new_theme: Theme,
    new_feature: Feature,
    new_item: Item,
    new_sprint: Sprint,
}

/// Each command must be refused at `product 'Atlas' › <at>`, saying `what`.
#[track_caller]
fn all_refused(cases: Vec<(Command, &str, &str)>) {
    let ws = fixture();
    for (cmd, at, what) in cases {
        refused(&ws, cmd, &format!("product 'Atlas' › {at}"), what);
    }
}

// The refusal tables below pair with each other by shape: each row is a command and
// the words it must be refused with, so they stay tables.

// Deliberately a table written out, like model_invariants' references: one line per
// kind of reference, each with the words it is refused with.
#[test]
fn add_refuses_dangling_references() {
    all_refused(vec![
        (
            new_item(|i| i.feature = Some(id("f-404"))),
            "item 'New'",
            "refers to feature f-404, which does not exist",
        ),
        (
            new_item(|i| i.sprint = Some(id("s-404"))),
            "item 'New'",
            "is planned into sprint s-404, which does not exist",
        ),
        (
            new_feature(|f| f.theme = Some(id("t-9"))),
            "feature 'New'",
            "refers to theme t-9, which does not exist",
        ),
        (
            new_feature(|f| f.release = Some(id("r-404"))),
            "feature 'New'",
            "targets release r-404, which does not exist",
        ),
        (
            new_theme(|t| t.objective = Some(id("o-404"))),
            "theme 'New'",
            "refers to objective o-404, which does not exist",
        ),
    ]);
}

#[test]
fn add_refuses_bad_numbers_dates_and_colours() {
    let estimate = "the estimate must be a number between 0 and 1,000 points";
    all_refused(vec![
        (
            new_item(|i| i.estimate = Some(-1.0)),
            "item 'New'",
            estimate,
        ),
        (
            new_item(|i| i.estimate = Some(f64::NAN)),
            "item 'New'",
            estimate,
        ),
        (
            new_item(|i| i.scores.confidence = Some(f64::INFINITY)),
            "item 'New'",
            "the confidence must be a number between 0 and 100 %",
        ),
        (
            new_feature(|f| f.effort = Some(-3.0)),
            "feature 'New'",
            "the effort must be a number above 0",
        ),
        (
            new_feature(|f| (f.start, f.end) = (Month::new(2026, 5), Month::new(2026, 3))),
            "feature 'New'",
            "ends (2026-03) before it starts (2026-05)",
        ),
        (
            new_sprint(|s| (s.start, s.end) = (Day::new(2026, 5, 10), Day::new(2026, 5, 9))),
            "sprint 'New'",
            "ends (2026-05-09) before it starts (2026-05-10)",
        ),
        (
            new_sprint(|s| s.capacity = Some(f64::NAN)),
            "sprint 'New'",
            "the capacity must be a number between 0 and 1,000 points",
        ),
        (
            new_theme(|t| t.colour = "blue".into()),
            "theme 'New'",
            "colour 'blue' is not like #1a2b3c",
        ),
        (
            new_objective(|o| {
                let kr = key_result("k-new", "KR", (0.0, f64::NAN, 0.0), "");
                o.key_results.push(kr)
            }),
            "objective 'New' › key result 'KR'",
            "the target must be a number",
        ),
    ]);
}

#[test]
fn add_refuses_an_item_with_an_empty_acceptance_criterion_or_a_duplicate_nested_id() {
    let ws = fixture();
    let blank = Criterion {
        text: " ".into(),
        ..criterion("c-1")
    };
    let cmd = new_item(|i| i.acceptance = vec![blank]);
    refused(&ws, cmd, "item 'New'", "an acceptance criterion is empty");
    let cmd = new_item(|i| i.acceptance = vec![criterion("i-3")]);
    refused(&ws, cmd, "product 'Atlas'", "id i-3 is used more than once");
}

#[test]
fn add_feature_with_end_equal_to_start_is_accepted() {
    let mut ws = fixture();
    let m = Month::new(2026, 4);
    ok(&mut ws, new_feature(|f| (f.start, f.end) = (m, m)));
    assert_eq!(a(&ws).feature(&id("x-1")).unwrap().end, m);
}

// ---------- Edit ----------

#[test]
fn edit_of_every_kind_replaces_in_place() {
    for kind in KINDS {
        let mut ws = fixture();
        let first = first_of(kind);
        let mut e = get(a(&ws), kind, first);
        set_title(&mut e, "Renamed");
        assert_eq!(
            ok(&mut ws, edit(e.clone())),
            changes(false, &["p-a"]),
            "{kind:?}"
        );
        assert_eq!(get(a(&ws), kind, first), e);
        assert_eq!(
            list(a(&ws), kind),
            list(&atlas(), kind),
            "order kept for {kind:?}"
        );
    }
}

#[test]
fn edit_of_every_kind_refuses_an_id_that_does_not_exist() {
    for kind in KINDS {
        refused(
            &fixture(),
            edit(fresh(kind, "x-404", "Ghost")),
            &format!("{} x-404", kind.noun()),
            "it does not exist",
        );
    }
}

#[test]
fn edit_of_every_kind_refuses_an_empty_title() {
    for kind in KINDS {
        let mut e = get(&atlas(), kind, first_of(kind));
        set_title(&mut e, "");
        refused(
            &fixture(),
            edit(e),
            &format!("› {} ''", kind.noun()),
            "cannot be empty",
        );
    }
}

#[test]
fn edit_reparents_an_item_and_a_feature() {
    let mut ws = fixture();
    let mut i = a(&ws).item(&id("i-11")).unwrap().clone();
    i.feature = Some(id("f-4"));
    ok(&mut ws, edit(Entity::Item(i)));
    assert_eq!(a(&ws).item(&id("i-11")).unwrap().feature, Some(id("f-4")));
    let mut f = a(&ws).feature(&id("f-4")).unwrap().clone();
    f.theme = Some(id("t-3"));
    ok(&mut ws, edit(Entity::Feature(f)));
    assert_eq!(a(&ws).feature(&id("f-4")).unwrap().theme, Some(id("t-3")));
}

#[test]
fn edit_refuses_reparenting_to_a_missing_parent() {
    let mut i = atlas().item(&id("i-1")).unwrap().clone();
    i.feature = Some(id("f-9")); // lives in Beacon, not Atlas
    refused(
        &fixture(),
        edit(Entity::Item(i)),
        "item 'Item i-1'",
        "refers to feature f-9, which does not exist",
    );
}

// ---------- Delete ----------

#[test]
fn delete_impact_summaries_name_what_goes() {
    let p = atlas();
    let cases = [
        (Kind::Feature, "f-1", "feature and 6 items"),
        (Kind::Feature, "f-3", "feature and 1 item"),
        (Kind::Feature, "f-4", "feature"),
        (Kind::Theme, "t-1", "theme, 2 features and 9 items"),
        (Kind::Theme, "t-2", "theme, 1 feature and 1 item"),
        (Kind::Theme, "t-3", "theme"),
        (Kind::Item, "i-1", "item"),
        (
            Kind::Objective,
            "o-1",
            "objective; 2 themes lose this objective",
        ),
        (Kind::Objective, "o-2", "objective"),
        (
            Kind::Sprint,
            "s-1",
            "sprint; 3 items go back to the backlog",
        ),
        (
            Kind::Release,
            "r-1",
            "release; 2 features lose this release",
        ),
    ];
    for (kind, i, text) in cases {
        assert_eq!(
            impact_summary(&delete_impact(&p, kind, &id(i)), kind),
            text,
            "{kind:?} {i}"
        );
    }
    assert_eq!(
        delete_impact(&p, Kind::Theme, &id("t-1")),
        Impact {
            features: 2,
            items: 9,
            ..Impact::default()
        }
    );
}

#[test]
fn deleting_a_theme_removes_its_features_and_their_items() {
    let mut ws = fixture();
    assert_eq!(
        ok(&mut ws, del(Kind::Theme, "t-1")),
        changes(false, &["p-a"])
    );
    let p = a(&ws);
    assert_eq!(list(p, Kind::Theme), ["t-2", "t-3"]);
    assert_eq!(list(p, Kind::Feature), ["f-3", "f-4"]);
    assert_eq!(list(p, Kind::Item), ["i-10", "i-11"]);
    assert_eq!(b(&ws), &beacon());
}

#[test]
fn deleting_a_feature_removes_its_items_only() {
    let mut ws = fixture();
    ok(&mut ws, del(Kind::Feature, "f-2"));
    assert_eq!(list(a(&ws), Kind::Feature), ["f-1", "f-3", "f-4"]);
    assert_eq!(
        list(a(&ws), Kind::Item),
        ["i-1", "i-2", "i-3", "i-4", "i-5", "i-6", "i-10", "i-11"]
    );
}

#[test]
fn deleting_an_item_removes_only_that_item() {
    let mut ws = fixture();
    ok(&mut ws, del(Kind::Item, "i-5"));
    let mut expected = atlas();
    expected.items.retain(|i| i.id != id("i-5"));
    assert_eq!(a(&ws), &expected);
}

// Deleting a sprint, an objective or a release: three parallel tests on purpose, since
// each checks a different list and link; as one table they would need a closure a row.
#[test]
fn deleting_a_sprint_unplans_its_items_and_keeps_them() {
    let mut ws = fixture();
    ok(&mut ws, del(Kind::Sprint, "s-1"));
    let p = a(&ws);
    assert_eq!(list(p, Kind::Sprint), ["s-2"]);
    assert_eq!(p.items.len(), 11);
    assert!(p.items.iter().all(|i| i.sprint.is_none()));
}

#[test]
fn deleting_an_objective_unlinks_its_themes_and_keeps_them() {
    let mut ws = fixture();
    ok(&mut ws, del(Kind::Objective, "o-1"));
    let p = a(&ws);
    assert_eq!(list(p, Kind::Objective), ["o-2"]);
    assert_eq!(list(p, Kind::Theme), ["t-1", "t-2", "t-3"]);
    assert!(p.themes.iter().all(|t| t.objective.is_none()));
}

#[test]
fn deleting_a_release_untargets_its_features_and_keeps_them() {
    let mut ws = fixture();
    ok(&mut ws, del(Kind::Release, "r-1"));
    let p = a(&ws);
    assert_eq!(list(p, Kind::Release), ["r-2"]);
    assert_eq!(p.features.len(), 4);
    assert!(p.features.iter().all(|f| f.release.is_none()));
}

#[test]
fn delete_of_every_kind_refuses_an_id_that_does_not_exist() {
    for kind in KINDS {
        refused(
            &fixture(),
            del(kind, "x-404"),
            &format!("{} x-404", kind.noun()),
            "it does not exist",
        );
    }
    // Right id, wrong kind: f-1 is not an item.
    refused(
        &fixture(),
        del(Kind::Item, "f-1"),
        "item f-1",
        "it does not exist",
    );
    let cmd = delete_entity("p-zz", Kind::Item, "i-1");
    refused(&fixture(), cmd, "product p-zz", "does not exist");
}

// ---------- Reorder ----------

#[test]
fn reorder_of_every_kind_moves_to_the_index_and_clamps() {
    for kind in KINDS {
        let mut ws = fixture();
        let mut expected = list(&atlas(), kind);
        let first = expected.remove(0);
        expected.push(first.clone());
        let cmd = reorder(kind, &first, usize::MAX);
        assert_eq!(ok(&mut ws, cmd), changes(false, &["p-a"]));
        assert_eq!(list(a(&ws), kind), expected, "{kind:?} to the end");
        ok(&mut ws, reorder(kind, &first, 0));
        assert_eq!(a(&ws), &atlas(), "{kind:?} back to the start");
    }
}

#[test]
fn reorder_item_to_a_middle_index_lands_there() {
    let mut ws = fixture();
    ok(&mut ws, reorder(Kind::Item, "i-1", 2));
    assert_eq!(list(a(&ws), Kind::Item)[..4], ["i-2", "i-3", "i-1", "i-4"]);
}

#[test]
fn reorder_of_every_kind_refuses_an_id_that_does_not_exist() {
    for kind in KINDS {
        refused(
            &fixture(),
            reorder(kind, "x-404", 0),
            &format!("{} x-404", kind.noun()),
            "it does not exist",
        );
    }
}

// ---------- MoveTheme ----------

fn move_theme(t: &str, from: &str, to: &str) -> Command {
    Command::MoveTheme {
        from: id(from),
        theme: id(t),
        to: id(to),
    }
}

#[test]
fn move_theme_carries_features_and_items_and_clears_cross_product_links() {
    let mut ws = fixture();
    assert_eq!(
        ok(&mut ws, move_theme("t-1", "p-a", "p-b")),
        changes(false, &["p-a", "p-b"])
    );
    let (src, dst) = (a(&ws), b(&ws));
    assert_eq!(list(src, Kind::Theme), ["t-2", "t-3"]);
    assert_eq!(list(src, Kind::Feature), ["f-3", "f-4"]);
    assert_eq!(list(src, Kind::Item), ["i-10", "i-11"]);
    assert_eq!(
        src.item(&id("i-11")).unwrap().sprint,
        Some(id("s-1")),
        "items left behind stay planned"
    );
    assert_eq!(list(dst, Kind::Theme), ["t-9", "t-1"]);
    assert_eq!(list(dst, Kind::Feature), ["f-9", "f-1", "f-2"]);
    let moved: Vec<String> = (1..=9).map(|n| format!("i-{n}")).collect();
    assert_eq!(list(dst, Kind::Item)[1..], moved[..]);
    let t = dst.theme(&id("t-1")).unwrap();
    assert_eq!(
        t.objective, None,
        "the objective stays behind with its product"
    );
    assert_eq!(t.name, "Theme t-1");
    assert!(dst.features.iter().all(|f| f.release.is_none()));
    assert_eq!(dst.feature(&id("f-1")).unwrap().theme, Some(id("t-1")));
    assert!(dst.items.iter().all(|i| i.sprint.is_none()));
    assert_eq!(dst.item(&id("i-8")).unwrap().feature, Some(id("f-2")));
    assert_eq!(src.sprints, atlas().sprints);
    assert_eq!(src.releases, atlas().releases);
}

#[test]
fn move_theme_to_its_own_product_changes_nothing() {
    let mut ws = fixture();
    ok(&mut ws, move_theme("t-1", "p-a", "p-a"));
    assert_eq!(ws, fixture());
}

#[test]
fn move_theme_refuses_missing_products_and_themes() {
    let ws = fixture();
    let (no_product, no_theme) = ("this product does not exist", "it does not exist");
    let cases = [
        ("t-1", "p-a", "p-zz", "product p-zz", no_product),
        ("t-1", "p-zz", "p-b", "product p-zz", no_product),
        ("t-404", "p-a", "p-b", "theme t-404", no_theme),
        ("t-9", "p-a", "p-b", "theme t-9", no_theme), // Beacon's theme, named from Atlas
    ];
    for (t, from, to, at, what) in cases {
        refused(&ws, move_theme(t, from, to), at, what);
    }
}

// ---------- Batch ----------

#[test]
fn batch_applies_every_command_and_merges_the_touched_parts() {
    let mut ws = fixture();
    let cmd = batch(
        "split work",
        vec![
            add(Kind::Feature, "f-5", "New feature"),
            add_entity("p-b", Entity::Item(item("i-91", Some("f-9"), None)), None),
            add(Kind::Item, "i-12", "Child"),
            Command::RenamePortfolio("Renamed".into()),
        ],
    );
    assert_eq!(ok(&mut ws, cmd), changes(true, &["p-a", "p-b"]));
    assert_eq!(list(a(&ws), Kind::Feature).last().unwrap(), "f-5");
    assert_eq!(list(a(&ws), Kind::Item).last().unwrap(), "i-12");
    assert_eq!(list(b(&ws), Kind::Item), ["i-90", "i-91"]);
    assert_eq!(ws.portfolio.name, "Renamed");
}

#[test]
fn batch_commands_see_the_effects_of_earlier_ones() {
    let mut ws = fixture();
    let mut child = item("i-12", Some("f-5"), None);
    child.title = "Child".into();
    let cmd = batch(
        "feature with child",
        vec![
            add(Kind::Feature, "f-5", "Parent"),
            add_entity("p-a", Entity::Item(child), Some(0)),
        ],
    );
    ok(&mut ws, cmd);
    assert_eq!(a(&ws).items[0].feature, Some(id("f-5")));
}

#[test]
fn batch_is_all_or_nothing() {
    let ws = fixture();
    let cmd = batch(
        "half good",
        vec![
            del(Kind::Theme, "t-1"),
            Command::DeleteProduct(id("p-b")),
            Command::RenamePortfolio("Renamed".into()),
            add(Kind::Item, "i-10", "Clash"),
        ],
    );
    refused(&ws, cmd, "item 'Clash'", "id i-10 is already used");
    // The failure may also come from validation after every step has run.
    let cmd = batch(
        "bad at the end",
        vec![
            add(Kind::Sprint, "s-3", "Fine"),
            new_item(|i| i.title = String::new()),
        ],
    );
    refused(&ws, cmd, "item ''", "the title cannot be empty");
}

// Like the batches above (and in model_bounds and model_move) by shape only: each batch
// test lists its own commands.
#[test]
fn batch_refuses_the_same_new_id_in_two_products() {
    let ws = fixture();
    let cmd = batch(
        "twins",
        vec![
            add(Kind::Item, "i-twin", "Twin"),
            add_entity("p-b", Entity::Item(item("i-twin", None, None)), None),
        ],
    );
    refused(&ws, cmd, "product", "i-twin");
}

// ---------- ReplaceWorkspace ----------

#[test]
fn replace_workspace_swaps_everything_and_touches_old_and_new_products() {
    let mut ws = fixture();
    let mut new = Workspace::default();
    new.products.push(Product::new(id("p-c"), "Compass"));
    new.products.push(atlas());
    assert_eq!(
        ok(&mut ws, Command::ReplaceWorkspace(Box::new(new.clone()))),
        changes(true, &["p-a", "p-b", "p-c"])
    );
    assert_eq!(ws, new);
}

#[test]
fn replace_workspace_refuses_an_invalid_workspace() {
    let mut new = fixture();
    new.products[1].items[0].feature = Some(id("f-1"));
    refused(
        &fixture(),
        Command::ReplaceWorkspace(Box::new(new)),
        "product 'Beacon' › item 'Item i-90'",
        "refers to feature f-1",
    );
    let mut new = fixture();
    new.portfolio.links[0].to = id("p-zz");
    refused(
        &fixture(),
        Command::ReplaceWorkspace(Box::new(new)),
        "portfolio link l-1",
        "refers to product p-zz",
    );
}

// ---------- error text ----------

#[test]
fn refusal_of_an_empty_title_names_the_entity_id() {
    let mut e = get(&atlas(), Kind::Item, "i-4");
    set_title(&mut e, "");
    refused(&fixture(), edit(e), "i-4", "cannot be empty");
}

#[test]
fn model_error_displays_where_then_what() {
    let e = refused(
        &fixture(),
        del(Kind::Feature, "f-404"),
        "feature f-404",
        "does not exist",
    );
    assert_eq!(
        e.to_string(),
        "feature f-404: it does not exist (was it deleted in another tab?)"
    );
    let gone = Place::Entity(Kind::Feature, Name::Id(Id::parse("f-404").unwrap()));
    assert_eq!(e, ModelError::new(At::new(gone), Problem::Gone));
}

#[test]
fn a_bare_item_is_stored_compactly_and_reads_back_the_same() {
    let item = Item::new(
        Id::parse("i-1a2b3c4d5e").unwrap(),
        ItemKind::Story,
        "Sign in",
    );
    let json = serde_json::to_string(&item).unwrap();
    assert!(json.len() < 90, "{} characters: {json}", json.len());
    assert_eq!(serde_json::from_str::<Item>(&json).unwrap(), item);
}

/// A change to one item is checked by looking at that item alone. It must accept and
/// refuse exactly what a check of everything would (a batch of one command is checked
/// in full), with the same words, and leave the same workspace.
#[test]
fn one_item_changes_are_judged_as_a_full_check_would() {
    let edit = |f: &dyn Fn(&mut Item)| {
        let mut x = item("i-3", Some("f-1"), None);
        f(&mut x);
        edit(Entity::Item(x))
    };
    let add = |x: Item| add_entity("p-a", Entity::Item(x), Some(2));
    let cases = vec![
        edit(&|x| x.title = "Renamed".into()),
        edit(&|x| x.title = "  ".into()),
        edit(&|x| x.feature = Some(id("f-9"))), // Beacon's feature: not in this product
        edit(&|x| x.sprint = Some(id("s-2"))),
        edit(&|x| x.sprint = Some(id("s-404"))),
        edit(&|x| x.estimate = Some(-1.0)),
        edit(&|x| x.acceptance = vec![criterion("c-1"), criterion("c-2")]),
        edit(&|x| x.acceptance = vec![criterion("c-1"), criterion("c-1")]),
        edit(&|x| x.acceptance = vec![criterion("i-5")]), // another item's id
        edit(&|x| x.acceptance = vec![criterion("i-90")]), // an item's id in Beacon
        edit(&|x| x.acceptance = vec![criterion("i-3")]), // its own id
        edit(&|x| x.acceptance = vec![criterion("l-1")]), // the portfolio link's id
        add(item("i-new", Some("f-2"), Some("s-1"))),
        add(item("i-new", Some("f-404"), None)),
        add(item("i-90", None, None)),
        add(item("t-9", None, None)),
        reorder(Kind::Item, "i-2", 9),
        del(Kind::Item, "i-4"),
    ];
    let mut refused = 0;
    for cmd in cases {
        let (mut fast, mut full) = (fixture(), fixture());
        let by_item = apply(&mut fast, cmd.clone()).map(|(c, _)| c);
        let in_full = apply(&mut full, batch("one", vec![cmd.clone()])).map(|(c, _)| c);
        assert_eq!(by_item.is_ok(), in_full.is_ok(), "{cmd:?}");
        if let (Err(a), Err(b)) = (&by_item, &in_full) {
            assert_eq!(a, b, "{cmd:?}");
            refused += 1;
        }
        assert_eq!(fast, full, "{cmd:?}");
        // And what was accepted is valid by the full check.
        assert_eq!(validate_workspace(&fast), Ok(()), "{cmd:?}");
    }
    assert!(refused >= 8, "the cases include refusals: {refused}");
}
