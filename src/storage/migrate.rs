//! Format versions and the migrations between them, on untyped JSON.
//!
//! Every stored or exported document carries `"version"`. A document of an older version
//! is brought up to [`CURRENT`] one step at a time (`v0_to_v1`, then `v1_to_v2`, …) on
//! its `serde_json::Value`, before it is read into the typed model, so the typed
//! model only ever knows the current shape. A step changes only what its version changed
//! and leaves everything else, including damage, for the typed read to report with its
//! path.
//!
//! # Versions
//!
//! * **0 — the pre-release "preview" format.** As version 1, except:
//!   * the workspace's `"roles"` is one of `"pm_and_po"`, `"one_person"`, `"po_only"`
//!     (version 1: `"separate"`, `"one_person"`, `"no_pm"`);
//!   * a backlog item has `"points"` where version 1 has `"estimate"`, and `"type"` where
//!     version 1 has `"kind"` (same values: `"story"`, `"task"`, `"spike"`, `"bug"`);
//!   * a product has no `"releases"` and no `"definition_of_ready"`; version 1 starts
//!     them as `[]` and `["has_acceptance_criteria","is_estimated","has_parent_feature"]`.
//! * **1 — the first released format.** As version 2, except that nothing below is
//!   recorded.
//! * **2 — dependencies, done days and start scopes** ([`CURRENT`]; see `docs/schema.md`).
//!   It only adds optional fields, left out when empty:
//!   * a feature's `"depends_on"`: ids of features of the same product it waits for;
//!   * an item's `"depends_on"`: ids of items it waits for;
//!   * an item's `"done_on"`: the day (`"YYYY-MM-DD"`) it was marked done;
//!   * a sprint's `"scope"`: `{"day":"YYYY-MM-DD","points":n,"items":n}`, what it held
//!     when it was started.
//!
//!   So `v1_to_v2` changes nothing: a version 1 document reads as version 2 with no
//!   dependencies, no done days and no start scopes (they are recorded from version 2
//!   on). Storage layout 2 (content version 1) is read by the typed model directly
//!   (`format::decode_older`), which only a step that changes nothing allows.
//!
//! Storage keeps products under separate keys, hence [`migrate_product`] next to
//! [`migrate_workspace`]; the workspace migration is the product migration applied to
//! each product plus the workspace's own fields.

use super::format::CURRENT_VERSION;
use serde_json::{Map, Value};

/// The version this build reads natively and writes.
pub const CURRENT: u32 = CURRENT_VERSION;
/// The pre-release "preview" format.
pub const PREVIEW: u32 = 0;

/// Role settings of the preview format and what they became in version 1.
const V0_ROLES: [(&str, &str); 3] = [
    ("pm_and_po", "separate"),
    ("one_person", "one_person"),
    ("po_only", "no_pm"),
];

/// A migration that cannot go on: where (a JSON path inside the migrated value, empty
/// for the value itself) and what.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct MigrationError {
    pub at: String,
    pub what: String,
}

impl MigrationError {
    fn new(at: impl Into<String>, what: impl Into<String>) -> MigrationError {
        MigrationError {
            at: at.into(),
            what: what.into(),
        }
    }

    fn under(mut self, parent: &str) -> MigrationError {
        self.at = join(parent, &self.at);
        self
    }
}

impl From<MigrationError> for String {
    fn from(e: MigrationError) -> String {
        if e.at.is_empty() {
            e.what
        } else {
            format!("{}: {}", e.at, e.what)
        }
    }
}

fn join(parent: &str, child: &str) -> String {
    match (parent.is_empty(), child.is_empty()) {
        (true, _) => child.to_string(),
        (false, true) => parent.to_string(),
        (false, false) if child.starts_with('[') => format!("{parent}{child}"),
        (false, false) => format!("{parent}.{child}"),
    }
}

fn check_version(from: u32) -> Result<(), MigrationError> {
    if from > CURRENT {
        return Err(MigrationError::new(
            "",
            format!("format version {from} is newer than this build knows ({CURRENT})"),
        ));
    }
    Ok(())
}

/// Brings a workspace object (`{"portfolio":…,"roles":…,"products":[…]}`) of format
/// version `from` to the current version. Errors for versions this build does not know.
pub fn migrate_workspace(value: Value, from: u32) -> Result<Value, String> {
    migrate_workspace_at(value, from).map_err(String::from)
}

/// Brings one product object of format version `from` to the current version.
pub fn migrate_product(value: Value, from: u32) -> Result<Value, String> {
    migrate_product_at(value, from).map_err(String::from)
}

/// A step brings one format version to the next: `STEPS[v]` reads version v. Every
/// version below CURRENT needs a step in both lists.
type Step = fn(Value) -> Result<Value, MigrationError>;
const WORKSPACE_STEPS: &[Step] = &[v0_to_v1, v1_to_v2];
const PRODUCT_STEPS: &[Step] = &[v0_to_v1_product, v1_to_v2];

fn run_steps(mut value: Value, from: u32, steps: &[Step]) -> Result<Value, MigrationError> {
    check_version(from)?;
    for version in from..CURRENT {
        let step = steps
            .get(version as usize)
            .ok_or_else(|| no_step(version))?;
        value = step(value)?;
    }
    Ok(value)
}

pub(crate) fn migrate_workspace_at(value: Value, from: u32) -> Result<Value, MigrationError> {
    run_steps(value, from, WORKSPACE_STEPS)
}

pub(crate) fn migrate_product_at(value: Value, from: u32) -> Result<Value, MigrationError> {
    run_steps(value, from, PRODUCT_STEPS)
}

fn no_step(v: u32) -> MigrationError {
    MigrationError::new("", format!("no migration from format version {v}"))
}

/// Preview (0) → 1 for a whole workspace.
fn v0_to_v1(mut value: Value) -> Result<Value, MigrationError> {
    let Some(ws) = value.as_object_mut() else {
        // Not an object: nothing to migrate, and the typed read says what is wrong.
        return Ok(value);
    };
    if let Some(Value::String(roles)) = ws.get_mut("roles") {
        match V0_ROLES.iter().find(|(old, _)| old == roles) {
            Some((_, new)) => *roles = (*new).to_string(),
            None => {
                let known: Vec<&str> = V0_ROLES.iter().map(|(old, _)| *old).collect();
                return Err(MigrationError::new(
                    "roles",
                    format!(
                        "\"{roles}\" is not a role setting of format version 0 (expected one of {})",
                        known.join(", ")
                    ),
                ));
            }
        }
    }
    if let Some(Value::Array(products)) = ws.get_mut("products") {
        for (n, p) in products.iter_mut().enumerate() {
            *p = v0_to_v1_product(p.take()).map_err(|e| e.under(&format!("products[{n}]")))?;
        }
    }
    Ok(value)
}

/// Preview (0) → 1 for one product.
fn v0_to_v1_product(mut value: Value) -> Result<Value, MigrationError> {
    let Some(p) = value.as_object_mut() else {
        return Ok(value);
    };
    if let Some(Value::Array(items)) = p.get_mut("items") {
        for (n, item) in items.iter_mut().enumerate() {
            if let Some(item) = item.as_object_mut() {
                let at = format!("items[{n}]");
                rename(item, "points", "estimate").map_err(|e| e.under(&at))?;
                rename(item, "type", "kind").map_err(|e| e.under(&at))?;
            }
        }
    }
    p.entry("releases")
        .or_insert_with(|| Value::Array(Vec::new()));
    p.entry("definition_of_ready").or_insert_with(|| {
        Value::Array(
            [
                "has_acceptance_criteria",
                "is_estimated",
                "has_parent_feature",
            ]
            .into_iter()
            .map(|r| Value::String(r.to_string()))
            .collect(),
        )
    });
    Ok(value)
}

/// 1 → 2, for a whole workspace or one product: version 2 only adds optional fields,
/// which a version 1 document does not have (nothing was recorded), so nothing changes.
fn v1_to_v2(value: Value) -> Result<Value, MigrationError> {
    Ok(value)
}

/// Renames a key; refuses when both the old and the new key are present, since one of
/// them would be lost.
fn rename(obj: &mut Map<String, Value>, old: &str, new: &str) -> Result<(), MigrationError> {
    if let Some(v) = obj.remove(old) {
        if obj.contains_key(new) {
            return Err(MigrationError::new(
                "",
                format!("has both \"{old}\" (format version 0) and \"{new}\" (version 1)"),
            ));
        }
        obj.insert(new.to_string(), v);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn current_is_left_alone() {
        let v = json!({"roles": "pm_and_po", "products": [{"items": [{"points": 3}]}]});
        assert_eq!(migrate_workspace(v.clone(), CURRENT).unwrap(), v);
    }

    #[test]
    fn unknown_versions_are_refused() {
        let err = migrate_workspace(json!({}), CURRENT + 1).unwrap_err();
        assert!(err.contains("newer"), "{err}");
        let err = migrate_product(json!({}), 99).unwrap_err();
        assert!(err.contains("99"), "{err}");
    }

    #[test]
    fn v0_roles_items_and_products_are_migrated() {
        let v0 = json!({
            "portfolio": {"name": "P"},
            "roles": "po_only",
            "products": [{"id": "p-1", "name": "A", "items": [
                {"id": "i-1", "type": "bug", "title": "x", "points": 2.0, "feature": null}
            ]}]
        });
        let v1 = migrate_workspace(v0, 0).unwrap();
        assert_eq!(
            v1,
            json!({
                "portfolio": {"name": "P"},
                "roles": "no_pm",
                "products": [{"id": "p-1", "name": "A", "items": [
                    {"id": "i-1", "kind": "bug", "title": "x", "estimate": 2.0, "feature": null}
                ], "releases": [], "definition_of_ready":
                    ["has_acceptance_criteria", "is_estimated", "has_parent_feature"]}]
            })
        );
    }

    #[test]
    fn every_version_below_the_current_one_has_a_step() {
        assert_eq!(WORKSPACE_STEPS.len(), CURRENT as usize);
        assert_eq!(PRODUCT_STEPS.len(), CURRENT as usize);
    }

    /// Storage layout 2 holds content version 1 and is read without this step
    /// (`format::decode_older`): it must change nothing.
    #[test]
    fn v1_to_v2_changes_nothing() {
        let v1 = json!({
            "portfolio": {"name": "P", "links": []},
            "roles": "separate",
            "products": [{"id": "p-1", "name": "A", "features": [{"id": "f-1", "title": "F"}],
                "items": [{"id": "i-1", "kind": "bug", "title": "x", "status": "done"}],
                "sprints": [{"id": "s-1", "name": "S", "state": "active"}]}]
        });
        assert_eq!(migrate_workspace(v1.clone(), 1).unwrap(), v1);
        let p = v1["products"][0].clone();
        assert_eq!(migrate_product(p.clone(), 1).unwrap(), p);
    }

    #[test]
    fn v0_errors_say_where() {
        let err = migrate_workspace(json!({"roles": "separate"}), 0).unwrap_err();
        assert!(err.starts_with("roles: \"separate\" is not"), "{err}");
        let err = migrate_workspace(
            json!({"roles": "one_person", "products": [{}, {"items": [{}, {"points": 1, "estimate": 2}]}]}),
            0,
        )
        .unwrap_err();
        assert!(
            err.starts_with("products[1].items[1]: has both \"points\""),
            "{err}"
        );
    }
}
