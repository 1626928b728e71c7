//! Where in an imported workspace a value has the wrong type or shape, as a JSON path
//! (`products[0].items[1].estimate`), found after serde has refused it.
//!
//! `serde_path_to_error` tracked the path while deserializing, but it compiled a second
//! copy of every deserializer of the document: 32 KiB gzip of the first load, for a
//! message shown only when an import fails. Here the workspace is deserialized plainly;
//! only when that fails is the culprit narrowed down, by deserializing parts of it:
//! each product, then each entity in its lists (so one bad item among thousands costs
//! one pass over the items), then, inside the entity, the entity with one key or one
//! list element left out at a time.

use crate::model::{
    Feature, Item, Objective, Product, ReadyRule, Release, Sprint, Theme, Workspace,
};
use serde::de::{DeserializeOwned, Unexpected};
use serde_json::Value;

/// Where in `workspace` the failure `why` (serde's message for it as a [`Workspace`])
/// is, relative to the workspace: empty, or starting with `.` or `[`.
pub fn path_of(workspace: &Value, why: &str) -> String {
    let products = workspace.get("products").and_then(Value::as_array);
    for (n, product) in products.into_iter().flatten().enumerate() {
        if let Some(why) = refusal::<Product>(product) {
            return in_product(product, &why, format!(".products[{n}]"));
        }
    }
    narrow::<Workspace>(workspace, why)
}

/// The lists of entities in a product, each with the checks of its entity type.
type Checks = (
    &'static str,
    fn(&Value) -> Option<String>,
    fn(&Value, &str) -> String,
);

const LISTS: [Checks; 7] = [
    ("objectives", refusal::<Objective>, narrow::<Objective>),
    ("themes", refusal::<Theme>, narrow::<Theme>),
    ("features", refusal::<Feature>, narrow::<Feature>),
    ("items", refusal::<Item>, narrow::<Item>),
    ("sprints", refusal::<Sprint>, narrow::<Sprint>),
    ("releases", refusal::<Release>, narrow::<Release>),
    (
        "definition_of_ready",
        refusal::<ReadyRule>,
        narrow::<ReadyRule>,
    ),
];

fn in_product(product: &Value, why: &str, at: String) -> String {
    for (list, refused, narrowed) in LISTS {
        let entities = product.get(list).and_then(Value::as_array);
        for (n, entity) in entities.into_iter().flatten().enumerate() {
            if let Some(why) = refused(entity) {
                return format!("{at}.{list}[{n}]{}", narrowed(entity, &why));
            }
        }
    }
    format!("{at}{}", narrow::<Product>(product, why))
}

/// serde_json, reading text, says only "expected value" where a value of the wrong kind
/// stands in for an enum (reading a `Value`, it would have named it). The value at `path`
/// is named here instead, as serde names an unexpected value.
pub fn clearer(workspace: &Value, path: &str, why: String) -> String {
    if !why.starts_with("expected value") {
        return why;
    }
    let Some(node) = node_at(workspace, path) else {
        return why;
    };
    let found = match node {
        Value::Null => Unexpected::Other("null"),
        Value::Bool(b) => Unexpected::Bool(*b),
        Value::Number(n) => match (n.as_u64(), n.as_i64(), n.as_f64()) {
            (Some(u), _, _) => Unexpected::Unsigned(u),
            (_, Some(i), _) => Unexpected::Signed(i),
            (_, _, Some(f)) => Unexpected::Float(f),
            _ => Unexpected::Other("number"),
        },
        Value::String(s) => Unexpected::Str(s),
        Value::Array(_) => Unexpected::Seq,
        Value::Object(_) => Unexpected::Map,
    };
    format!("invalid type: {found}, expected one of the names this field takes")
}

/// The value at a path made by [`path_of`] (`.key` and `[n]` steps).
fn node_at<'a>(root: &'a Value, path: &str) -> Option<&'a Value> {
    let mut node = root;
    let mut rest = path;
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix('[') {
            let (n, tail) = after.split_once(']')?;
            node = node.get(n.parse::<usize>().ok()?)?;
            rest = tail;
        } else {
            let after = rest.strip_prefix('.')?;
            let end = after.find(['.', '[']).unwrap_or(after.len());
            node = node.get(&after[..end])?;
            rest = &after[end..];
        }
    }
    Some(node)
}

fn refusal<T: DeserializeOwned>(v: &Value) -> Option<String> {
    super::from_value::<T>(v).err()
}

/// One step of a path inside a value.
enum Step {
    Key(String),
    Index(usize),
}

/// The path, inside `root` (a `T`), of the part that makes it fail with `why`: a key or
/// an element whose removal takes the failure away. When several parts are at fault (or
/// a field is missing, which no removal mends) the path stops at the part that holds
/// them.
fn narrow<T: DeserializeOwned>(root: &Value, why: &str) -> String {
    let mut path: Vec<Step> = Vec::new();
    while let Some(next) = culprit::<T>(root, &path, why) {
        path.push(next);
    }
    path.iter()
        .map(|s| match s {
            Step::Key(k) => format!(".{k}"),
            Step::Index(n) => format!("[{n}]"),
        })
        .collect()
}

fn culprit<T: DeserializeOwned>(root: &Value, path: &[Step], why: &str) -> Option<Step> {
    let without = |step: &Step| {
        let mut copy = root.clone();
        let node = path.iter().try_fold(&mut copy, |v, s| match s {
            Step::Key(k) => v.get_mut(k.as_str()),
            Step::Index(n) => v.get_mut(*n),
        })?;
        match (node, step) {
            (Value::Object(m), Step::Key(k)) => {
                m.remove(k);
            }
            (Value::Array(a), Step::Index(n)) => {
                a.remove(*n);
            }
            _ => return None,
        }
        Some(refusal::<T>(&copy))
    };
    // A removal mends the failure when the rest is accepted, or when all that is left
    // is the removed key's own absence (a required field with a bad value). A missing
    // field is not mended by removing anything, so for it only acceptance counts.
    let mends = |step: &Step| match without(step) {
        Some(None) => true,
        Some(Some(now)) => match step {
            Step::Key(k) => {
                !why.starts_with("missing field") && now == format!("missing field `{k}`")
            }
            Step::Index(_) => false,
        },
        None => false,
    };
    let node = path.iter().try_fold(root, |v, s| match s {
        Step::Key(k) => v.get(k.as_str()),
        Step::Index(n) => v.get(*n),
    })?;
    match node {
        Value::Object(m) => m
            .keys()
            .map(|k| Step::Key(k.clone()))
            .find(|step| mends(step)),
        Value::Array(a) => (0..a.len()).map(Step::Index).find(|step| mends(step)),
        _ => None,
    }
}
