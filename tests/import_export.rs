#![cfg(not(target_arch = "wasm32"))]
//! Import and export: what is exported reads back equal; every kind of bad file is refused
//! with what is wrong and where, before anything changes; older formats are migrated;
//! imported products can take fresh ids. (The CSV profiles are tested in interop_export.rs.)

use serde_json::{json, Value};
use std::collections::HashSet;
use twohats::model::sample::{counter_ids, sample_workspace};
use twohats::model::*;
use twohats::storage::format::{encode_export, CURRENT_VERSION};
use twohats::storage::import::*;
use twohats::storage::migrate::{migrate_product, migrate_workspace, CURRENT, PREVIEW};

// ---------- helpers ----------

fn sample() -> Workspace {
    sample_workspace(Day::new(2026, 3, 15).unwrap(), &mut counter_ids())
}

fn fixture(name: &str) -> String {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn fixture_json(name: &str) -> Value {
    serde_json::from_str(&fixture(name)).unwrap()
}

fn id(s: &str) -> Id {
    Id::parse(s).unwrap()
}

/// The v1 fixture's workspace, imported.
fn v1() -> Workspace {
    parse_import(&fixture("export-v1.json")).unwrap().workspace
}

/// Imports `text`, which must be refused `at` with a message containing each of `parts`.
#[track_caller]
fn refused(text: &str, at: &str, parts: &[&str]) -> ImportError {
    match parse_import(text) {
        Ok(_) => panic!("expected a refusal at {at:?}, but the import was accepted"),
        Err(e) => {
            assert_eq!(e.at, at, "where, for {e}");
            for part in parts {
                assert!(
                    e.what.contains(part),
                    "{:?} should contain {part:?}",
                    e.what
                );
            }
            e
        }
    }
}

/// Every id in the workspace, links included.
fn all_ids(ws: &Workspace) -> Vec<Id> {
    let mut ids: Vec<Id> = ws
        .products
        .iter()
        .flat_map(|p| p.all_ids().into_iter().cloned())
        .collect();
    ids.extend(ws.portfolio.links.iter().map(|l| l.id.clone()));
    ids
}

fn prefix_of(id: &Id) -> &str {
    id.as_str().split('-').next().unwrap()
}

/// Export → import.
#[track_caller]
fn round_trip(ws: &Workspace) -> Workspace {
    let text = encode_export(ws, "2026-11-23");
    match parse_import(&text) {
        Ok(imported) => imported.workspace,
        Err(e) => panic!("the export did not import: {e}"),
    }
}

// ---------- round trips ----------

#[test]
fn the_sample_exports_and_imports_back_exactly() {
    let ws = sample();
    let imported = parse_import(&encode_export(&ws, "2026-11-23")).unwrap();
    assert_eq!(imported.workspace, ws);
    assert_eq!(imported.from_version, CURRENT_VERSION);
    assert_eq!(imported.exported_at.as_deref(), Some("2026-11-23"));
}

#[test]
fn the_v1_fixture_imports_and_round_trips() {
    let imported = parse_import(&fixture("export-v1.json")).unwrap();
    assert_eq!(imported.from_version, 1);
    assert_eq!(
        imported.exported_at.as_deref(),
        Some("2026-11-23T10:15:00Z")
    );
    let ws = imported.workspace;
    assert_eq!(ws.roles, RoleSetting::NoPm);
    let p = &ws.products[0];
    assert_eq!(p.items[0].acceptance.len(), 2);
    assert_eq!(p.items[1].estimate, Some(2.5));
    assert_eq!(p.features[0].release, Some(id("r-12")));
    assert_eq!(round_trip(&ws), ws);
    // The export of the fixture is the fixture, except that items leave out their empty
    // fields (the fixture writes every one, as the first v1 builds did).
    let again: Value = serde_json::from_str(&encode_export(&ws, "2026-11-23T10:15:00Z")).unwrap();
    let mut expected = fixture_json("export-v1.json");
    // And that it says the current version: a version 1 file needs nothing else to be a
    // version 2 one (version 2's fields are left out when nothing is recorded).
    expected["version"] = json!(CURRENT_VERSION);
    for p in expected["workspace"]["products"].as_array_mut().unwrap() {
        for item in p["items"].as_array_mut().unwrap() {
            drop_empty(item);
        }
    }
    assert_eq!(again, expected);
}

/// Removes null, "", false, [] and {} members, depth first (so `scores` whose members are
/// all null goes too).
fn drop_empty(v: &mut Value) {
    match v {
        Value::Object(m) => {
            m.values_mut().for_each(drop_empty);
            m.retain(|_, x| !is_empty(x));
        }
        Value::Array(a) => a.iter_mut().for_each(drop_empty),
        _ => {}
    }
}

fn is_empty(v: &Value) -> bool {
    match v {
        Value::Null | Value::Bool(false) => true,
        Value::String(s) => s.is_empty(),
        Value::Array(a) => a.is_empty(),
        Value::Object(m) => m.is_empty(),
        _ => false,
    }
}

#[test]
fn summary_counts_each_products_contents() {
    assert_eq!(
        summary(&v1()),
        vec![ProductSummary {
            name: "Trailhead".into(),
            objectives: 1,
            themes: 1,
            features: 1,
            items: 3,
            sprints: 1,
        }]
    );
    let s = summary(&sample());
    assert_eq!(s.len(), 2);
    assert_eq!(s.iter().map(|p| p.items).sum::<usize>(), 40);
    assert_eq!(s.iter().map(|p| p.sprints).sum::<usize>(), 3);
}

#[test]
fn a_byte_order_mark_is_ignored() {
    let text = format!("\u{feff}{}", fixture("export-v1.json"));
    assert_eq!(parse_import(&text).unwrap().workspace, v1());
}

// ---------- versions ----------

#[test]
fn a_version_1_export_still_imports_and_a_fresh_export_says_version_2() {
    // Version 2 only adds fields a version 1 file does not have: it reads as it is, with
    // nothing recorded, and is marked as coming from version 1 (the Data page says it
    // will be updated).
    let imported = parse_import(&fixture("export-v1.json")).unwrap();
    assert_eq!(imported.from_version, 1);
    assert!(imported.from_version < CURRENT_VERSION);
    let ws = imported.workspace;
    assert_eq!(ws.products[0].name, "Trailhead");

    assert_eq!(CURRENT_VERSION, 2);
    let text = encode_export(&ws, "2027-01-04");
    let exported: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(exported["format"], "twohats");
    assert_eq!(exported["version"], 2);
    let again = parse_import(&text).unwrap();
    assert_eq!(again.from_version, 2);
    assert_eq!(again.workspace, ws);
}

/// What the v1 fixture holds that the preview format could not: releases.
fn v1_without_releases() -> Workspace {
    let mut ws = v1();
    for p in &mut ws.products {
        p.releases.clear();
        for f in &mut p.features {
            f.release = None;
        }
    }
    ws
}

#[test]
fn the_v0_fixture_migrates_to_the_v1_fixtures_workspace() {
    let imported = parse_import(&fixture("export-v0.json")).unwrap();
    assert_eq!(imported.from_version, PREVIEW);
    assert_eq!(
        imported.exported_at.as_deref(),
        Some("2026-06-02T08:00:00Z")
    );
    assert_eq!(imported.workspace, v1_without_releases());
    assert_eq!(imported.workspace.roles, RoleSetting::NoPm);
}

// Deliberately a loop over a written-out table, like interop_import's fixtures: one
// case a line.
#[test]
fn migration_turns_the_v0_json_into_exactly_the_v1_json() {
    let v0 = fixture_json("export-v0.json")["workspace"].clone();
    let mut expected = fixture_json("export-v1.json")["workspace"].clone();
    let p = &mut expected["products"][0];
    p["releases"] = json!([]);
    p["features"][0].as_object_mut().unwrap().remove("release");
    assert_eq!(migrate_workspace(v0.clone(), 0).unwrap(), expected);
    // Product by product, as storage keeps them.
    assert_eq!(
        migrate_product(v0["products"][0].clone(), 0).unwrap(),
        expected["products"][0]
    );
    // The current version is left as it is.
    assert_eq!(
        migrate_workspace(expected.clone(), CURRENT).unwrap(),
        expected
    );
}

#[test]
fn each_v0_role_setting_maps_to_its_v1_setting() {
    for (old, new) in [
        ("pm_and_po", RoleSetting::Separate),
        ("one_person", RoleSetting::OnePerson),
        ("po_only", RoleSetting::NoPm),
    ] {
        let mut file = fixture_json("export-v0.json");
        file["workspace"]["roles"] = json!(old);
        let ws = parse_import(&file.to_string()).unwrap().workspace;
        assert_eq!(ws.roles, new, "{old}");
    }
}

#[test]
fn a_v0_file_with_a_v1_role_setting_is_refused_with_where() {
    let mut file = fixture_json("export-v0.json");
    file["workspace"]["roles"] = json!("separate");
    refused(
        &file.to_string(),
        "workspace.roles",
        &[
            "\"separate\" is not a role setting of format version 0",
            "po_only",
        ],
    );
}

#[test]
fn a_v0_item_with_both_points_and_estimate_is_refused() {
    let mut file = fixture_json("export-v0.json");
    file["workspace"]["products"][0]["items"][2]["estimate"] = json!(3);
    refused(
        &file.to_string(),
        "workspace.products[0].items[2]",
        &["has both \"points\"", "\"estimate\""],
    );
}

#[test]
fn a_newer_version_is_refused() {
    refused(
        &fixture("export-v99.json"),
        "version",
        &["made by a newer version (99) of Two Hats; update the app"],
    );
    assert!(migrate_workspace(json!({}), 99).is_err());
    assert!(migrate_product(json!({}), CURRENT + 1).is_err());
    // A version too large for any counter is still just newer.
    let mut file = fixture_json("export-v1.json");
    file["version"] = json!(u64::MAX);
    refused(&file.to_string(), "version", &["newer version"]);
}

#[test]
fn a_missing_or_non_numeric_version_is_refused() {
    let mut file = fixture_json("export-v1.json");
    file.as_object_mut().unwrap().remove("version");
    refused(&file.to_string(), "version", &["no format version"]);
    for bad in [json!("1"), json!(1.5), json!(-1), json!(null)] {
        file["version"] = bad.clone();
        let e = parse_import(&file.to_string()).unwrap_err();
        assert_eq!(e.at, "version", "{bad}: {e}");
    }
}

// ---------- not JSON, not ours ----------

#[test]
fn a_truncated_file_is_said_to_be_cut_off() {
    let e = refused(
        &fixture("bad-truncated.json"),
        "line 160, column 8",
        &["looks cut off"],
    );
    assert!(e
        .to_string()
        .starts_with("line 160, column 8: the file looks cut off"));
    // Cut anywhere, it is cut off, never a panic or a wrong message.
    let text = fixture("export-v1.json");
    for cut in (1..text.trim_end().len()).step_by(97) {
        if !text.is_char_boundary(cut) {
            continue;
        }
        let e = parse_import(&text[..cut]).unwrap_err();
        assert!(e.what.contains("looks cut off"), "cut at {cut}: {e}");
    }
}

#[test]
fn text_that_is_not_json_is_refused_with_line_and_column() {
    refused(
        "hello, world",
        "line 1, column 1",
        &["this is not valid JSON", "expected value"],
    );
    refused(
        "{\n  \"format\": \"twohats\",\n  \"version\": 1,\n}",
        "line 4, column 1",
        &["this is not valid JSON", "trailing comma"],
    );
    refused(
        "{\"format\": 'twohats'}",
        "line 1, column 12",
        &["not valid JSON"],
    );
    refused("", "", &["the file is empty"]);
    refused("  \n ", "", &["the file is empty"]);
}

#[test]
fn json_that_is_not_a_two_hats_export_is_refused() {
    refused(
        &fixture("bad-not-twohats.json"),
        "",
        &["this is not a Two Hats export", "no \"format\""],
    );
    refused(
        "[1, 2, 3]",
        "",
        &["this is not a Two Hats export", "a list"],
    );
    refused(
        "\"twohats\"",
        "",
        &["this is not a Two Hats export", "a text"],
    );
    refused(
        r#"{"format": "trello", "version": 1}"#,
        "",
        &["this is not a Two Hats export", "\"trello\""],
    );
    refused(
        r#"{"format": 2, "version": 1}"#,
        "",
        &["this is not a Two Hats export"],
    );
    // A Two Hats file without a workspace, e.g. a stored index rather than an export.
    refused(
        r#"{"format": "twohats", "version": 1, "portfolio": {"name": "x"}}"#,
        "",
        &["holds no workspace"],
    );
    refused(
        r#"{"format": "twohats", "version": 1, "workspace": [1]}"#,
        "workspace",
        &["expected an object, found a list"],
    );
}

// ---------- sizes ----------

#[test]
fn a_file_over_20_mb_is_refused_before_it_is_read() {
    let text = " ".repeat(MAX_IMPORT_BYTES + 1);
    refused(&text, "", &["the most an import takes is 20 MB"]);
}

fn workspace_file(products: Vec<Value>) -> String {
    json!({
        "format": "twohats",
        "version": 1,
        "workspace": {"portfolio": {"name": "Big"}, "roles": "separate", "products": products}
    })
    .to_string()
}

#[test]
fn more_than_100_products_are_refused() {
    let product = |n: usize| json!({"id": format!("p-{n}"), "name": format!("P{n}")});
    let ok = workspace_file((0..MAX_PRODUCTS).map(product).collect());
    assert_eq!(parse_import(&ok).unwrap().workspace.products.len(), 100);
    let too_many = workspace_file((0..=MAX_PRODUCTS).map(product).collect());
    refused(
        &too_many,
        "workspace.products",
        &["101 products", "the most an import takes is 100"],
    );
}

#[test]
fn more_than_50000_items_in_total_are_refused() {
    // Counted before any item is read, so the items need not even be items.
    let half = MAX_ITEMS / 2;
    let products = vec![
        json!({"id": "p-1", "name": "A", "items": vec![json!({}); half]}),
        json!({"id": "p-2", "name": "B", "items": vec![json!({}); half + 1]}),
    ];
    refused(
        &workspace_file(products),
        "workspace.products",
        &["50,001 backlog items", "the most an import takes is 50,000"],
    );
}

// ---------- types ----------

#[test]
fn a_value_of_the_wrong_type_is_refused_with_its_json_path() {
    let e = refused(
        &fixture("bad-types.json"),
        "workspace.products[0].items[1].estimate",
        &[],
    );
    // In words: not Rust's type name.
    assert_eq!(e.what, "invalid type: string \"big\", expected a number");
    assert_eq!(
        e.to_string(),
        "workspace.products[0].items[1].estimate: invalid type: string \"big\", expected a number"
    );
}

/// The v1 fixture with `f` applied to its JSON.
fn v1_edited(f: impl FnOnce(&mut Value)) -> String {
    let mut file = fixture_json("export-v1.json");
    f(&mut file);
    file.to_string()
}

#[test]
fn other_type_errors_name_the_path_too() {
    refused(
        &v1_edited(|v| v["workspace"]["products"][0]["items"][0]["priority"] = json!("urgent")),
        "workspace.products[0].items[0].priority",
        &["unknown variant `urgent`"],
    );
    refused(
        &v1_edited(|v| {
            v["workspace"]["products"][0]["themes"][0]
                .as_object_mut()
                .unwrap()
                .remove("colour");
        }),
        "workspace.products[0].themes[0]",
        &["missing field `colour`"],
    );
    refused(
        &v1_edited(|v| {
            v["workspace"]["products"][0]["items"][0]["acceptance"][1]["id"] = json!("C 8")
        }),
        "workspace.products[0].items[0].acceptance[1].id",
        &["id 'C 8' may hold only lowercase letters"],
    );
    refused(
        &v1_edited(|v| v["workspace"]["products"][0]["sprints"][0]["end"] = json!("2026-02-30")),
        "workspace.products[0].sprints[0].end",
        &["'2026-02-30' is not a real date"],
    );
    refused(
        &v1_edited(|v| v["workspace"]["roles"] = json!(3)),
        "workspace.roles",
        &["invalid type: integer `3`"],
    );
    refused(
        &v1_edited(|v| v["workspace"]["products"] = json!({})),
        "workspace.products",
        &["invalid type: an object, expected a list"],
    );
    // A v0 file's type errors are found after migration, so they name the v1 field.
    let mut v0 = fixture_json("export-v0.json");
    v0["workspace"]["products"][0]["items"][0]["points"] = json!("big");
    refused(
        &v0.to_string(),
        "workspace.products[0].items[0].estimate",
        &["invalid type: string \"big\", expected a number"],
    );
}

// ---------- rules ----------

#[test]
fn a_dangling_reference_is_refused_with_the_entity() {
    // Deliberately like the cut-off test: both check one end of the message as shown to
    // the user (Display), which `refused` alone does not.
    let e = refused(
        &fixture("bad-dangling.json"),
        "product 'Trailhead' (p-1) › item 'Map tiles flicker when zooming' (i-10)",
        &["refers to feature f-99, which does not exist"],
    );
    assert!(e
        .to_string()
        .ends_with("refers to feature f-99, which does not exist"));
    refused(
        &v1_edited(|v| v["workspace"]["products"][0]["features"][0]["release"] = json!("r-1")),
        "product 'Trailhead' (p-1) › feature 'Closure alerts' (f-5)",
        &["targets release r-1, which does not exist"],
    );
    refused(
        &v1_edited(|v| {
            v["workspace"]["portfolio"]["links"] =
                json!([{"id": "l-1", "from": "p-1", "to": "p-2", "note": ""}])
        }),
        "portfolio link l-1",
        &["refers to product p-2, which does not exist"],
    );
}

#[test]
fn duplicate_ids_are_refused() {
    refused(
        &fixture("bad-duplicate-ids.json"),
        "product 'Trailhead'",
        &["id i-6 is used more than once"],
    );
}

#[test]
fn other_rule_breaks_are_refused() {
    refused(
        &v1_edited(|v| v["workspace"]["products"][0]["items"][2]["title"] = json!("  ")),
        "product 'Trailhead' (p-1) › item '  ' (i-10)",
        &["the title cannot be empty"],
    );
}

#[test]
fn a_number_out_of_range_is_left_out_and_named_the_rest_comes_in() {
    let text = v1_edited(|v| v["workspace"]["products"][0]["items"][2]["estimate"] = json!(-1));
    let imported = parse_import(&text).unwrap();
    assert_eq!(imported.workspace.products[0].items[2].estimate, None);
    let mut expected = v1();
    expected.products[0].items[2].estimate = None;
    assert_eq!(imported.workspace, expected);
    assert_eq!(
        imported
            .left_out
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>(),
        [
            "workspace.products[0].items[2].estimate: Estimate must be a number between 0 and 1,000 \
          points; the value (-1) was left out"
        ]
    );
    assert!(parse_import(&fixture("export-v1.json"))
        .unwrap()
        .left_out
        .is_empty());
}

// ---------- fresh ids ----------

/// Checks `with_fresh_ids` on `ws`: valid, same shape, no id shared, same prefixes, and
/// renaming back gives `ws` exactly.
fn check_fresh_ids(ws: &Workspace) {
    let mut n = 0u64;
    let fresh = with_fresh_ids(ws, &mut |p: &str| {
        n += 1;
        Id::from_parts(p, 100_000 + n)
    });
    validate_workspace(&fresh).unwrap();
    let (old, new) = (all_ids(ws), all_ids(&fresh));
    assert_eq!(old.len(), new.len());
    let old_set: HashSet<&Id> = old.iter().collect();
    assert!(new.iter().all(|id| !old_set.contains(id)), "an id was kept");
    for (a, b) in old.iter().zip(&new) {
        assert_eq!(prefix_of(a), prefix_of(b), "{a} → {b}");
    }
    assert_eq!(summary(&fresh), summary(ws));
    // Equal up to ids: handing the old ids back in the same order restores the input.
    let mut back = old.into_iter();
    let restored = with_fresh_ids(&fresh, &mut |_| back.next().unwrap());
    assert_eq!(&restored, ws);
    assert!(back.next().is_none());
    // And the fresh products can sit next to the originals.
    let mut merged = ws.clone();
    merged.products.extend(fresh.products.iter().cloned());
    merged
        .portfolio
        .links
        .extend(fresh.portfolio.links.iter().cloned());
    validate_workspace(&merged).unwrap();
}

#[test]
fn fresh_ids_keep_structure_and_validity_and_share_no_id() {
    check_fresh_ids(&sample());
    check_fresh_ids(&v1());
    check_fresh_ids(&Workspace::default());
}

#[test]
fn fresh_ids_rewrite_every_reference() {
    let ws = v1();
    let mut n = 500u64;
    let fresh = with_fresh_ids(&ws, &mut |p: &str| {
        n += 1;
        Id::from_parts(p, n)
    });
    let p = &fresh.products[0];
    // Asked for in `all_ids` order: product, objective, key result, theme, feature,
    // items each with its criteria, sprints, releases.
    let ids: Vec<&str> = p.all_ids().iter().map(|i| i.as_str()).collect();
    assert_eq!(
        ids,
        [
            "p-dx", "o-dy", "k-dz", "t-e0", "f-e1", "i-e2", "c-e3", "c-e4", "i-e5", "i-e6", "s-e7",
            "r-e8"
        ]
    );
    assert_eq!(p.themes[0].objective.as_ref(), Some(&p.objectives[0].id));
    assert_eq!(p.features[0].theme.as_ref(), Some(&p.themes[0].id));
    assert_eq!(p.features[0].release.as_ref(), Some(&p.releases[0].id));
    assert_eq!(p.items[0].feature.as_ref(), Some(&p.features[0].id));
    assert_eq!(p.items[0].sprint.as_ref(), Some(&p.sprints[0].id));
    assert_eq!(p.items[1].feature.as_ref(), Some(&p.features[0].id));
    assert_eq!(p.items[2].feature, None);

    // Links follow the products they join.
    let ws = sample();
    let mut n = 9_000u64;
    let fresh = with_fresh_ids(&ws, &mut |p: &str| {
        n += 1;
        Id::from_parts(p, n)
    });
    let link = &fresh.portfolio.links[0];
    assert_eq!(link.from, fresh.products[1].id);
    assert_eq!(link.to, fresh.products[0].id);
    assert_ne!(link.id, ws.portfolio.links[0].id);
}

// ---------- property: random edits always round-trip ----------

/// xorshift64: small, deterministic, good enough to pick commands.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
    fn pick<T: Clone>(&mut self, v: &[T]) -> Option<T> {
        (!v.is_empty()).then(|| v[self.below(v.len())].clone())
    }
}

const NASTY: &[&str] = &[
    "\"quoted\"",
    "<script>alert('x')</script>",
    "🥾🏔️ trail",
    "two\nlines",
    "comma, here",
    "back\\slash",
    "tab\there",
    "naïve café",
    "{\"json\": [1, 2]}",
    "&amp; &lt;",
    "\u{1}control",
    "  spaced  ",
    "",
];

fn text(rng: &mut Rng) -> String {
    let mut s = format!("Word{}", rng.below(1000));
    for _ in 0..rng.below(4) {
        s.push(' ');
        s.push_str(NASTY[rng.below(NASTY.len())]);
    }
    s
}

fn ids_of<T>(v: &[T], f: impl Fn(&T) -> &Id) -> Vec<Id> {
    v.iter().map(|e| f(e).clone()).collect()
}

/// One random command that is valid for `ws`.
fn random_command(rng: &mut Rng, ws: &Workspace, next: &mut dyn FnMut(&str) -> Id) -> Command {
    let p = &ws.products[rng.below(ws.products.len())];
    let product = p.id.clone();
    let objectives = ids_of(&p.objectives, |o| &o.id);
    let themes = ids_of(&p.themes, |t| &t.id);
    let features = ids_of(&p.features, |f| &f.id);
    let items = ids_of(&p.items, |i| &i.id);
    let maybe = |rng: &mut Rng, ids: &[Id]| if rng.chance(70) { rng.pick(ids) } else { None };
    let index = |rng: &mut Rng, len: usize| rng.chance(50).then(|| rng.below(len + 2));
    let add_item = |rng: &mut Rng, next: &mut dyn FnMut(&str) -> Id| {
        let kind = ItemKind::ALL[rng.below(4)];
        let mut i = Item::new(next("i"), kind, text(rng));
        i.description = text(rng);
        i.feature = maybe(rng, &features);
        i.estimate = rng
            .pick(&[None, Some(0.5), Some(1.0), Some(3.0), Some(13.0)])
            .unwrap();
        for _ in 0..rng.below(3) {
            i.acceptance.push(Criterion {
                id: next("c"),
                text: text(rng),
                done: rng.chance(50),
            });
        }
        Command::Add {
            product: product.clone(),
            entity: Entity::Item(i),
            index: index(rng, items.len()),
        }
    };
    // One of `movers`, under one of `parents` (or none), before one of `movers` (or last).
    let moved = |rng: &mut Rng, kind, movers: &[Id], parents: &[Id]| Command::Move {
        product: product.clone(),
        kind,
        id: rng.pick(movers).unwrap(),
        parent: maybe(rng, parents),
        before: maybe(rng, movers),
    };
    let deleted = |rng: &mut Rng, kind, of: &[Id]| Command::Delete {
        product: product.clone(),
        kind,
        id: rng.pick(of).unwrap(),
    };
    match rng.below(12) {
        0 | 1 => add_item(rng, next),
        2 => {
            let mut f = Feature::new(next("f"), text(rng), maybe(rng, &themes));
            f.description = text(rng);
            Command::Add {
                product,
                entity: Entity::Feature(f),
                index: index(rng, features.len()),
            }
        }
        3 => Command::Add {
            product,
            entity: Entity::Theme(Theme {
                id: next("t"),
                name: text(rng),
                description: text(rng),
                colour: "#a1b2c3".into(),
                objective: maybe(rng, &objectives),
            }),
            index: index(rng, themes.len()),
        },
        4 | 5 if !items.is_empty() => {
            let mut i = p.items[rng.below(items.len())].clone();
            i.title = text(rng);
            i.description = text(rng);
            i.story.as_a = text(rng);
            i.story.i_want = text(rng);
            i.story.so_that = text(rng);
            i.priority = rng
                .pick(&[None, Some(Priority::Must), Some(Priority::Wont)])
                .unwrap();
            i.status = ItemStatus::ALL[rng.below(3)];
            if let Some(c) = i.acceptance.first_mut() {
                c.text = text(rng);
            }
            Command::Edit {
                product,
                entity: Entity::Item(i),
            }
        }
        6 if !features.is_empty() => {
            let mut f = p.features[rng.below(features.len())].clone();
            f.title = text(rng);
            f.description = text(rng);
            Command::Edit {
                product,
                entity: Entity::Feature(f),
            }
        }
        7 if !items.is_empty() => moved(rng, Kind::Item, &items, &features),
        8 if !features.is_empty() => moved(rng, Kind::Feature, &features, &themes),
        9 if !items.is_empty() => deleted(rng, Kind::Item, &items),
        10 if !features.is_empty() && rng.chance(30) => deleted(rng, Kind::Feature, &features),
        11 => {
            let (kind, ids) = match rng.below(3) {
                0 => (Kind::Item, items.clone()),
                1 => (Kind::Feature, features.clone()),
                _ => (Kind::Theme, themes),
            };
            match rng.pick(&ids) {
                Some(id) => Command::Reorder {
                    product,
                    kind,
                    id,
                    to_index: rng.below(ids.len() + 2),
                },
                None => add_item(rng, next),
            }
        }
        _ => add_item(rng, next),
    }
}

#[test]
fn random_valid_edits_always_export_and_import_back_equal() {
    for seed in [0x2545_f491_4f6c_dd1d_u64, 7, 0xdead_beef] {
        let mut rng = Rng(seed);
        let mut ws = sample();
        let mut counter = 10_000u64;
        let mut next = |p: &str| {
            counter += 1;
            Id::from_parts(p, counter)
        };
        for step in 1..=200 {
            let cmd = random_command(&mut rng, &ws, &mut next);
            let shown = format!("{cmd:?}");
            if let Err(e) = apply(&mut ws, cmd) {
                panic!("seed {seed}, step {step}: {shown} was refused: {e}");
            }
            if step % 20 == 0 {
                assert_eq!(round_trip(&ws), ws, "seed {seed}, step {step}");
            }
        }
        // The edits did reach the text: some nasty text is in the document.
        let json = encode_export(&ws, "");
        assert!(json.contains("<script>"), "seed {seed}");
    }
}

#[test]
fn paths_reach_nested_values_and_stop_where_a_field_is_missing() {
    refused(
        &v1_edited(|v| v["workspace"]["products"][0]["items"][0]["story"]["as_a"] = json!(5)),
        "workspace.products[0].items[0].story.as_a",
        &["invalid type: integer `5`, expected a string"],
    );
    refused(
        &v1_edited(|v| {
            v["workspace"]["products"][0]["items"][0]["acceptance"][1]
                .as_object_mut()
                .unwrap()
                .remove("text");
        }),
        "workspace.products[0].items[0].acceptance[1]",
        &["missing field `text`"],
    );
    refused(
        &v1_edited(|v| v["workspace"]["products"][0]["name"] = json!(["a list"])),
        "workspace.products[0].name",
        &["invalid type: a list, expected a string"],
    );
    refused(
        &v1_edited(|v| v["workspace"]["portfolio"]["name"] = json!(false)),
        "workspace.portfolio.name",
        &["invalid type: boolean `false`"],
    );
}

#[test]
fn a_bad_item_among_thousands_is_found_quickly() {
    let file = v1_edited(|v| {
        let items = v["workspace"]["products"][0]["items"]
            .as_array_mut()
            .unwrap();
        let template = items[1].clone();
        for n in 0..5_000 {
            let mut item = template.clone();
            item["id"] = json!(format!("i-many-{n}"));
            item["acceptance"] = json!([]);
            if n == 4_321 {
                item["estimate"] = json!("lots");
            }
            items.push(item);
        }
    });
    let before = fixture_json("export-v1.json")["workspace"]["products"][0]["items"]
        .as_array()
        .unwrap()
        .len();
    refused(
        &file,
        &format!("workspace.products[0].items[{}].estimate", before + 4_321),
        &["invalid type: string \"lots\", expected a number"],
    );
}
