#![cfg(not(target_arch = "wasm32"))]
//! The stored format: what is written can be read back, and every kind of damage is
//! reported as Unreadable (so the data is kept) rather than silently dropped.

use std::collections::HashMap;
use twohats::model::sample::{counter_ids, sample_workspace};
use twohats::model::*;
use twohats::storage::format::*;

type Store = HashMap<String, String>;

fn sample() -> Workspace {
    sample_workspace(Day::new(2026, 3, 15).unwrap(), &mut counter_ids())
}

/// Revision 3 for the first product, 7 for the second, and so on.
fn rev_of(ws: &Workspace, id: &Id) -> u64 {
    3 + 4 * ws.products.iter().position(|p| &p.id == id).unwrap() as u64
}

/// Writes `ws` as the app would.
fn store(ws: &Workspace) -> Store {
    let mut s = Store::new();
    s.insert(META_KEY.into(), encode_meta(ws, &|id| rev_of(ws, id)));
    for p in &ws.products {
        let rev = rev_of(ws, &p.id);
        s.insert(product_key(&p.id, rev), encode_product(p, rev));
    }
    s
}

fn load(s: &Store) -> Loaded {
    decode(&|k| s.get(k).cloned())
}

/// The stored key of the workspace's `n`th product.
fn key_of(ws: &Workspace, n: usize) -> String {
    let id = &ws.products[n].id;
    product_key(id, rev_of(ws, id))
}

/// Changes the JSON under `key` with `f`.
fn edit_json(s: &mut Store, key: &str, f: impl FnOnce(&mut serde_json::Value)) {
    let mut v: serde_json::Value = serde_json::from_str(&s[key]).unwrap();
    f(&mut v);
    s.insert(key.to_string(), v.to_string());
}

/// Loads `s`, which must be Unreadable with a reason containing each of `parts`.
#[track_caller]
fn unreadable(s: &Store, parts: &[&str]) {
    match load(s) {
        Loaded::Unreadable { reason } => {
            for part in parts {
                assert!(
                    reason.contains(part),
                    "reason {reason:?} should contain {part:?}"
                );
            }
        }
        other => panic!("expected Unreadable, got {other:?}"),
    }
}

#[test]
fn a_stored_workspace_loads_back_equal_with_its_revisions() {
    let ws = sample();
    let s = store(&ws);
    assert_eq!(s.len(), 3);
    let revs = vec![
        (ws.products[0].id.clone(), 3),
        (ws.products[1].id.clone(), 7),
    ];
    assert_eq!(
        load(&s),
        Loaded::Ok {
            ws: ws.clone(),
            revs
        }
    );
}

#[test]
fn an_empty_workspace_round_trips() {
    let ws = Workspace::default();
    let s = store(&ws);
    assert_eq!(load(&s), Loaded::Ok { ws, revs: vec![] });
}

#[test]
fn keys_have_the_documented_names() {
    let id = Id::parse("p-12").unwrap();
    assert_eq!(product_key(&id, 4), "twohats.product.p-12.4");
    assert!(is_document_key("twohats.meta"));
    assert!(is_document_key("twohats.product.p-12.4"));
    assert!(!is_document_key("twohats.backup.2026-03-15"));
    assert!(!is_document_key("twohats.ui.theme"));
}

#[test]
fn meta_lists_products_in_order_with_their_revisions() {
    let ws = sample();
    let meta: Meta = serde_json::from_str(&encode_meta(&ws, &|id| rev_of(&ws, id))).unwrap();
    assert_eq!(
        (meta.format.as_str(), meta.version),
        (FORMAT, CURRENT_VERSION)
    );
    let refs: Vec<(&str, u64)> = meta
        .products
        .iter()
        .map(|r| (r.id.as_str(), r.rev))
        .collect();
    assert_eq!(
        refs,
        [
            (ws.products[0].id.as_str(), 3),
            (ws.products[1].id.as_str(), 7)
        ]
    );
    assert_eq!(meta.portfolio, ws.portfolio);
}

#[test]
fn nothing_stored_is_empty() {
    assert_eq!(load(&Store::new()), Loaded::Empty);
    let mut only_products = store(&sample());
    only_products.remove(META_KEY);
    assert_eq!(load(&only_products), Loaded::Empty);
}

#[test]
fn a_newer_version_is_left_alone() {
    let mut s = store(&sample());
    edit_json(&mut s, META_KEY, |v| {
        v["version"] = (CURRENT_VERSION + 1).into()
    });
    assert_eq!(
        load(&s),
        Loaded::Newer {
            version: CURRENT_VERSION + 1
        }
    );
    // Even if the rest of a newer index means nothing to this build.
    s.insert(
        META_KEY.into(),
        r#"{"format":"twohats","version":99,"shape":"new"}"#.into(),
    );
    assert_eq!(load(&s), Loaded::Newer { version: 99 });
}

#[test]
fn a_meta_that_is_not_json_is_unreadable() {
    let mut s = store(&sample());
    s.insert(META_KEY.into(), "{not json".into());
    unreadable(&s, &["the workspace index is not valid JSON"]);
}

#[test]
fn a_meta_of_another_format_is_unreadable() {
    let mut s = store(&sample());
    edit_json(&mut s, META_KEY, |v| v["format"] = "onehat".into());
    unreadable(&s, &["not a Two Hats document"]);
    s.insert(META_KEY.into(), "[1,2]".into());
    unreadable(&s, &["the workspace index"]);
}

#[test]
fn a_meta_without_a_version_is_unreadable() {
    let mut s = store(&sample());
    edit_json(&mut s, META_KEY, |v| {
        v.as_object_mut().unwrap().remove("version");
    });
    unreadable(&s, &["the workspace index has no format version"]);
}

#[test]
fn a_damaged_meta_of_this_version_is_unreadable() {
    let mut s = store(&sample());
    edit_json(&mut s, META_KEY, |v| v["products"][0]["id"] = "P-1".into());
    unreadable(&s, &["the workspace index is damaged"]);
}

#[test]
fn a_missing_product_key_is_unreadable_and_names_the_product() {
    let ws = sample();
    let mut s = store(&ws);
    s.remove(&key_of(&ws, 1));
    unreadable(
        &s,
        &[&format!(
            "product {} is listed but missing from storage",
            ws.products[1].id
        )],
    );
}

#[test]
fn a_truncated_product_is_unreadable_and_names_the_product() {
    let ws = sample();
    let mut s = store(&ws);
    let key = key_of(&ws, 0);
    let half = s[&key][..s[&key].len() / 2].to_string();
    s.insert(key, half);
    unreadable(&s, &[&format!("product {} is damaged", ws.products[0].id)]);
}

#[test]
fn a_product_whose_envelope_disagrees_with_the_meta_is_unreadable() {
    let ws = sample();
    let p = &ws.products[1].id;
    let mut s = store(&ws);
    edit_json(&mut s, &key_of(&ws, 1), |v| v["rev"] = 6.into());
    unreadable(
        &s,
        &[&format!("product {p} does not match the workspace index")],
    );
    // A product stored under another product's key.
    let mut s = store(&ws);
    s.insert(
        key_of(&ws, 1),
        encode_product(&ws.products[0], rev_of(&ws, p)),
    );
    unreadable(
        &s,
        &[&format!("product {p} does not match the workspace index")],
    );
}

#[test]
fn a_product_of_another_format_or_a_newer_version_is_unreadable() {
    let ws = sample();
    let p = ws.products[0].id.to_string();
    for (field, value) in [
        ("format", serde_json::json!("other")),
        ("version", serde_json::json!(CURRENT_VERSION + 1)),
    ] {
        let mut s = store(&ws);
        edit_json(&mut s, &key_of(&ws, 0), |v| v[field] = value);
        unreadable(
            &s,
            &[&format!("product {p} has an unexpected format or version")],
        );
    }
}

#[test]
fn a_workspace_that_breaks_a_rule_is_unreadable_and_says_where() {
    let ws = sample();
    let mut s = store(&ws);
    edit_json(&mut s, &key_of(&ws, 1), |v| {
        v["product"]["items"][0]["feature"] = "f-zzz".into()
    });
    unreadable(
        &s,
        &[
            "the stored workspace breaks a rule",
            "product 'Ranger Console' (",
            "› item 'Schedule a closure to end automatically' (i-",
            "refers to feature f-zzz",
        ],
    );
    // Ids must be unique across products even though each is stored on its own.
    let mut twin = ws.clone();
    let taken = twin.products[0].themes[0].id.clone();
    twin.products[1].themes[0].id = taken.clone();
    twin.products[1]
        .features
        .iter_mut()
        .for_each(|f| f.theme = Some(taken.clone()));
    unreadable(
        &store(&twin),
        &[
            "breaks a rule",
            "product 'Ranger Console'",
            "is used more than once",
        ],
    );
}

#[test]
fn a_bad_id_or_date_inside_a_product_is_unreadable() {
    let ws = sample();
    let p = ws.products[0].id.to_string();
    let cases: [fn(&mut serde_json::Value); 2] = [
        |v| v["product"]["items"][0]["id"] = "<script>".into(),
        |v| v["product"]["releases"][0]["date"] = "2026-02-30".into(),
    ];
    for change in cases {
        let mut s = store(&ws);
        edit_json(&mut s, &key_of(&ws, 0), change);
        unreadable(&s, &[&format!("product {p} is damaged")]);
    }
}

#[test]
fn stale_product_keys_are_the_unreferenced_product_keys() {
    let ws = sample();
    let mut s = store(&ws);
    let (a, b) = (&ws.products[0].id, &ws.products[1].id);
    s.insert(product_key(a, 2), "old".into());
    s.insert(product_key(b, 8), "cut short".into());
    s.insert("twohats.product.p-gone.1".into(), "deleted product".into());
    s.insert(format!("{BACKUP_PREFIX}1"), "backup".into());
    s.insert("other.app".into(), "x".into());
    let Loaded::Ok { revs, .. } = load(&s) else {
        panic!("leftovers must not stop a load")
    };
    let mut stale = stale_product_keys(s.keys().map(String::as_str), &revs);
    stale.sort();
    let mut expected = vec![
        product_key(a, 2),
        product_key(b, 8),
        "twohats.product.p-gone.1".to_string(),
    ];
    expected.sort();
    assert_eq!(stale, expected);
    assert!(stale_product_keys(store(&ws).keys().map(String::as_str), &revs).is_empty());
}

/// Stored keys as the preview format (version 0) wrote them.
fn v0_store() -> Store {
    let mut s = Store::new();
    s.insert(
        "twohats.meta".into(),
        r#"{"format":"twohats","version":0,"portfolio":{"name":"Old"},"roles":"po_only","products":[{"id":"p-old","rev":3}]}"#.into(),
    );
    s.insert(
        "twohats.product.p-old.3".into(),
        r#"{"format":"twohats","version":0,"rev":3,"product":{"id":"p-old","name":"Legacy","items":[{"id":"i-1","type":"bug","title":"Crash","points":3,"feature":null}]}}"#.into(),
    );
    s
}

#[test]
fn a_document_stored_by_the_preview_format_is_migrated_on_load() {
    let s = v0_store();
    match decode(&|k| s.get(k).cloned()) {
        Loaded::Migrated { ws, revs, from } => {
            assert_eq!(from, 0);
            assert_eq!(revs, vec![(Id::parse("p-old").unwrap(), 3)]);
            assert_eq!(ws.roles, RoleSetting::NoPm);
            assert_eq!(ws.portfolio.name, "Old");
            let p = &ws.products[0];
            assert_eq!(p.items[0].kind, ItemKind::Bug);
            assert_eq!(p.items[0].estimate, Some(3.0));
            assert_eq!(p.definition_of_ready, ReadyRule::defaults());
        }
        other => panic!("expected a migration, got {other:?}"),
    }
}

#[test]
fn a_preview_document_that_cannot_be_migrated_is_unreadable_not_lost() {
    let mut s = v0_store();
    s.insert(
        "twohats.meta".into(),
        r#"{"format":"twohats","version":0,"portfolio":{"name":"Old"},"roles":"emperor","products":[{"id":"p-old","rev":3}]}"#.into(),
    );
    match decode(&|k| s.get(k).cloned()) {
        Loaded::Unreadable { reason } => assert!(
            reason.contains("could not be migrated from version 0"),
            "{reason}"
        ),
        other => panic!("expected unreadable, got {other:?}"),
    }
}

#[test]
fn two_writers_saving_from_the_same_revision_write_different_keys() {
    let base = next_rev(None, 7);
    let (a, b) = (next_rev(Some(base), 7), next_rev(Some(base), 9));
    assert_ne!(a, b, "tabs with different writer ids must not share a key");
    assert!(a > base && b > base, "revisions still count up");
    // A revision from before writer ids (a small count) moves on to the next count.
    assert_eq!(next_rev(Some(5), 3) >> 16, 1);
    assert_eq!(next_rev(Some(5), 3) & 0xffff, 3);
}

#[test]
fn referenced_keys_names_what_the_meta_points_at_and_nothing_for_a_bad_meta() {
    let ws = sample();
    let s = store(&ws);
    let mut keys = referenced_keys(&s[META_KEY]).expect("a good meta");
    keys.sort();
    let mut expected: Vec<String> = ws
        .products
        .iter()
        .map(|p| product_key(&p.id, rev_of(&ws, &p.id)))
        .collect();
    expected.sort();
    assert_eq!(keys, expected);
    assert_eq!(referenced_keys("{not json"), None);
}
