//! The start-up read walks parsed JSON (`storage::tree`) instead of using serde's derived
//! deserializers. It must take exactly what serde takes and refuse what serde refuses,
//! or a document saved by one and read by the other (an export, an older build) would be
//! misread. These tests read the same values both ways.

use serde_json::Value;
use twohats::model::sample::{counter_ids, sample_workspace};
use twohats::model::{Day, Item, Product};
use twohats::storage::tree::FromTree;

fn sample_products() -> Vec<Value> {
    let ws = sample_workspace(Day::new(2026, 3, 15).unwrap(), &mut counter_ids());
    ws.products
        .iter()
        .map(|p| serde_json::to_value(p).unwrap())
        .collect()
}

/// Both readers agree on `v`: both refuse it, or both read the same product.
fn agree(v: &Value, what: &str) {
    let walked = Product::from_tree(v);
    let serde = serde_json::from_value::<Product>(v.clone());
    match (&walked, &serde) {
        (Ok(a), Ok(b)) => assert_eq!(a, b, "{what}: read differently"),
        (Err(_), Err(_)) => {}
        _ => panic!(
            "{what}: the walker says {:?}, serde says {:?}",
            walked.as_ref().err(),
            serde.as_ref().err()
        ),
    }
}

#[test]
fn the_sample_reads_the_same_both_ways() {
    for v in sample_products() {
        let p = Product::from_tree(&v).expect("the sample reads");
        assert_eq!(p, serde_json::from_value::<Product>(v).unwrap());
        assert!(!p.items.is_empty() && !p.features.is_empty());
    }
}

/// Every field of every object in the sample, removed or given a value of each JSON type:
/// a missing optional field, a `null`, a number where text belongs, an unknown enum name.
#[test]
fn every_damaged_or_missing_field_is_taken_or_refused_as_serde_does() {
    let replacements = [
        Value::Null,
        Value::from(1.5),
        Value::from("x"),
        Value::from(true),
        Value::Array(vec![]),
        serde_json::json!({}),
    ];
    let mut checked = 0;
    for product in sample_products() {
        for path in object_fields(&product, "") {
            let mut removed = product.clone();
            remove_at(&mut removed, &path);
            agree(&removed, &format!("{path} removed"));
            let was_object = product.pointer(&path).is_some_and(Value::is_object);
            for r in &replacements {
                // serde also reads a struct from a list of its fields in order: a form no
                // Two Hats build writes, which the walker refuses.
                if was_object && r.is_array() {
                    continue;
                }
                let mut changed = product.clone();
                *pointer_mut(&mut changed, &path) = r.clone();
                agree(&changed, &format!("{path} = {r}"));
                checked += 1;
            }
        }
    }
    assert!(checked > 1000, "only {checked} variants checked");
}

#[test]
fn unknown_fields_are_ignored_and_bad_ids_refused_by_both() {
    let mut v = sample_products().remove(0);
    v["from_a_newer_build"] = Value::from("kept out");
    v["items"][0]["extra"] = serde_json::json!({"a": 1});
    agree(&v, "unknown fields");
    assert!(Product::from_tree(&v).is_ok());
    v["items"][0]["id"] = Value::from("I-1");
    agree(&v, "a malformed id");
    assert!(Product::from_tree(&v).is_err());
}

#[test]
fn an_error_names_the_field_it_is_about() {
    let mut v = sample_products().remove(0);
    v["items"][2]["kind"] = Value::from("epic");
    let why = Product::from_tree(&v).unwrap_err();
    assert!(
        why.starts_with("items: [2]: kind: expected one of story"),
        "{why}"
    );
    let item = serde_json::json!({"id": "i-1", "title": "No kind"});
    assert_eq!(Item::from_tree(&item).unwrap_err(), "missing field `kind`");
}

/// JSON pointers (`/items/0/title`) of every field of every object in `v`.
fn object_fields(v: &Value, at: &str) -> Vec<String> {
    let mut out = Vec::new();
    match v {
        Value::Object(map) => {
            for (k, child) in map {
                let path = format!("{at}/{k}");
                out.push(path.clone());
                out.extend(object_fields(child, &path));
            }
        }
        // The first two elements of a list are enough: the rest are read alike.
        Value::Array(list) => {
            for (n, child) in list.iter().enumerate().take(2) {
                out.extend(object_fields(child, &format!("{at}/{n}")));
            }
        }
        _ => {}
    }
    out
}

fn pointer_mut<'a>(v: &'a mut Value, path: &str) -> &'a mut Value {
    v.pointer_mut(path).expect("a path object_fields found")
}

fn remove_at(v: &mut Value, path: &str) {
    let (parent, key) = path.rsplit_once('/').unwrap();
    if let Some(Value::Object(map)) = v.pointer_mut(parent) {
        map.remove(key);
    }
}
