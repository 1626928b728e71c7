//! Reading stored JSON by walking a parsed tree, without serde's derived deserializers.
//!
//! The start-up read is on the first load's path, and serde's deserializers for the whole
//! document (with serde_json's parser) weighed about 50 KiB of gzipped wasm there. In the
//! browser the text is parsed by the browser's own `JSON.parse` and walked through
//! `storage::js_tree::JsTree`; natively `serde_json::Value` implements the same [`Tree`],
//! so this code is tested without a browser, against serde's reading of the same text
//! (tests/storage_tree.rs). Exports and imports keep serde, in the Data page's chunk.
//!
//! The rules are serde's defaults for the derived types: unknown fields are ignored; a
//! missing `Option` is `None`; a missing field with `#[serde(default)]` takes its
//! default; any other missing field, `null` where a value is needed, or a value of the
//! wrong type is an error naming the field.

use crate::model::*;

/// A parsed JSON value that can be walked.
pub trait Tree: Sized {
    fn parse(text: &str) -> Result<Self, String>;
    /// A field of an object: `None` when it is absent (or this is not an object).
    fn get(&self, key: &str) -> Option<Self>;
    fn is_null(&self) -> bool;
    fn is_object(&self) -> bool;
    fn string(&self) -> Option<String>;
    fn number(&self) -> Option<f64>;
    fn boolean(&self) -> Option<bool>;
    fn elements(&self) -> Option<Vec<Self>>;
    /// The field names of an object (`None` for anything else).
    fn field_names(&self) -> Option<Vec<String>>;
    /// Migrations of older versions work on `serde_json::Value`.
    fn to_value(&self) -> serde_json::Value;
    fn from_value(value: &serde_json::Value) -> Result<Self, String>;
}

/// A type read from a [`Tree`].
pub trait FromTree: Sized {
    fn from_tree<T: Tree>(t: &T) -> Result<Self, String>;
}

/// Reads `text` as JSON into a `V`.
pub fn read<T: Tree, V: FromTree>(text: &str) -> Result<V, String> {
    V::from_tree(&T::parse(text)?)
}

fn at(key: &str, why: String) -> String {
    format!("{key}: {why}")
}

/// A field that must be there.
pub fn required<T: Tree, V: FromTree>(t: &T, key: &str) -> Result<V, String> {
    match t.get(key) {
        Some(v) => V::from_tree(&v).map_err(|e| at(key, e)),
        None => Err(format!("missing field `{key}`")),
    }
}

/// A field that takes `missing()` when absent.
pub fn or_else<T: Tree, V: FromTree>(
    t: &T,
    key: &str,
    missing: impl FnOnce() -> V,
) -> Result<V, String> {
    match t.get(key) {
        Some(v) => V::from_tree(&v).map_err(|e| at(key, e)),
        None => Ok(missing()),
    }
}

/// A field with `#[serde(default)]`, or an `Option`.
pub fn or_default<T: Tree, V: FromTree + Default>(t: &T, key: &str) -> Result<V, String> {
    or_else(t, key, V::default)
}

fn expected(what: &str) -> String {
    format!("expected {what}")
}

/// Checks that `t` is an object, as every struct is stored.
pub fn object<T: Tree>(t: &T) -> Result<(), String> {
    if t.is_object() {
        Ok(())
    } else {
        Err(expected("an object"))
    }
}

impl FromTree for String {
    fn from_tree<T: Tree>(t: &T) -> Result<Self, String> {
        t.string().ok_or_else(|| expected("a string"))
    }
}

impl FromTree for bool {
    fn from_tree<T: Tree>(t: &T) -> Result<Self, String> {
        t.boolean().ok_or_else(|| expected("true or false"))
    }
}

impl FromTree for f64 {
    fn from_tree<T: Tree>(t: &T) -> Result<Self, String> {
        t.number().ok_or_else(|| expected("a number"))
    }
}

/// A whole number from 0 to `max` (JSON numbers are doubles in the browser: exact up to 2^53).
fn whole<T: Tree>(t: &T, max: f64) -> Result<f64, String> {
    match t.number() {
        Some(n) if n >= 0.0 && n <= max && n.fract() == 0.0 => Ok(n),
        _ => Err(expected("a whole number")),
    }
}

impl FromTree for u64 {
    fn from_tree<T: Tree>(t: &T) -> Result<Self, String> {
        whole(t, 9_007_199_254_740_991.0).map(|n| n as u64)
    }
}

impl FromTree for u32 {
    fn from_tree<T: Tree>(t: &T) -> Result<Self, String> {
        whole(t, f64::from(u32::MAX)).map(|n| n as u32)
    }
}

impl FromTree for usize {
    fn from_tree<T: Tree>(t: &T) -> Result<Self, String> {
        whole(t, f64::from(u32::MAX)).map(|n| n as usize)
    }
}

impl<V: FromTree> FromTree for Option<V> {
    fn from_tree<T: Tree>(t: &T) -> Result<Self, String> {
        if t.is_null() {
            Ok(None)
        } else {
            V::from_tree(t).map(Some)
        }
    }
}

impl<V: FromTree> FromTree for Vec<V> {
    fn from_tree<T: Tree>(t: &T) -> Result<Self, String> {
        let elements = t.elements().ok_or_else(|| expected("a list"))?;
        // A plain loop, a list grown as it goes and one shared wording of the error: a
        // `collect` into a `Result`, a `with_capacity` and a `format!` here were each
        // compiled again for every one of the dozen list types read at start-up.
        let mut out = Vec::new();
        for (n, e) in elements.iter().enumerate() {
            match V::from_tree(e) {
                Ok(v) => out.push(v),
                Err(why) => return Err(at_index(n, why)),
            }
        }
        Ok(out)
    }
}

#[inline(never)]
fn at_index(n: usize, why: String) -> String {
    format!("[{n}]: {why}")
}

impl FromTree for Id {
    fn from_tree<T: Tree>(t: &T) -> Result<Self, String> {
        Id::parse(&String::from_tree(t)?).map_err(|e| e.to_string())
    }
}

impl FromTree for Month {
    fn from_tree<T: Tree>(t: &T) -> Result<Self, String> {
        Month::parse(&String::from_tree(t)?).map_err(|e| e.to_string())
    }
}

impl FromTree for Day {
    fn from_tree<T: Tree>(t: &T) -> Result<Self, String> {
        Day::parse(&String::from_tree(t)?).map_err(|e| e.to_string())
    }
}

/// `impl FromTree` for a unit enum stored by its snake_case name.
macro_rules! names {
    ($ty:ty { $($variant:ident = $name:literal),* $(,)? }) => {
        impl FromTree for $ty {
            fn from_tree<T: Tree>(t: &T) -> Result<Self, String> {
                match t.string().as_deref() {
                    $(Some($name) => Ok(<$ty>::$variant),)*
                    _ => Err(expected(concat!("one of", $(" ", $name),*))),
                }
            }
        }
    };
}

/// `impl FromTree` for a struct: each field is `required`, `or_default`, or
/// `or_else(default)`, as its serde attributes say.
macro_rules! fields {
    ($ty:ident { $($field:ident: $how:ident $(($default:expr))?),* $(,)? }) => {
        impl $crate::storage::tree::FromTree for $ty {
            fn from_tree<T: $crate::storage::tree::Tree>(t: &T) -> Result<Self, String> {
                $crate::storage::tree::object(t)?;
                Ok($ty { $($field: $crate::storage::tree::$how(t, stringify!($field) $(, $default)?)?,)* })
            }
        }
    };
}
pub(crate) use fields;

names!(RoleSetting { Separate = "separate", OnePerson = "one_person", NoPm = "no_pm" });
names!(Horizon { Now = "now", Next = "next", Later = "later" });
names!(FeatureStatus {
    Idea = "idea",
    Planned = "planned",
    InProgress = "in_progress",
    Done = "done",
    AtRisk = "at_risk",
});
names!(ItemKind { Story = "story", Task = "task", Spike = "spike", Bug = "bug" });
names!(ItemStatus { Todo = "todo", InProgress = "in_progress", Done = "done" });
names!(Priority { Must = "must", Should = "should", Could = "could", Wont = "wont" });
names!(SprintState { Planned = "planned", Active = "active", Finished = "finished" });
names!(ReadyRule {
    HasAcceptanceCriteria = "has_acceptance_criteria",
    IsEstimated = "is_estimated",
    HasParentFeature = "has_parent_feature",
    HasDescription = "has_description",
    HasPriority = "has_priority",
});

fields!(Portfolio {
    name: required,
    links: or_default
});
fields!(ProductLink {
    id: required,
    from: required,
    to: required,
    note: required
});
fields!(Vision {
    for_whom: required,
    need: required,
    product: required,
    differentiator: required
});
fields!(Product {
    id: required,
    name: required,
    vision: or_default,
    goal: or_default,
    budget_note: or_default,
    objectives: or_default,
    themes: or_default,
    features: or_default,
    items: or_default,
    sprints: or_default,
    releases: or_default,
    definition_of_ready: or_else(ReadyRule::defaults),
});
fields!(Objective {
    id: required,
    title: required,
    key_results: or_default
});
fields!(KeyResult {
    id: required,
    title: required,
    start: required,
    target: required,
    current: required,
    unit: or_default,
});
fields!(Theme {
    id: required,
    name: required,
    description: or_default,
    colour: required,
    objective: or_default
});
fields!(Feature {
    id: required,
    title: required,
    description: or_default,
    theme: or_default,
    horizon: or_default,
    start: or_default,
    end: or_default,
    status: or_default,
    value: or_default,
    effort: or_default,
    release: or_default,
    depends_on: or_default,
    key: or_default,
});
fields!(Story {
    as_a: or_default,
    i_want: or_default,
    so_that: or_default
});
fields!(Criterion {
    id: required,
    text: required,
    done: or_default
});
fields!(ScoreInputs {
    value: or_default,
    effort: or_default,
    business_value: or_default,
    time_criticality: or_default,
    risk_reduction: or_default,
    job_size: or_default,
    reach: or_default,
    impact: or_default,
    confidence: or_default,
});
fields!(Item {
    id: required,
    kind: required,
    title: required,
    description: or_default,
    story: or_default,
    acceptance: or_default,
    estimate: or_default,
    priority: or_default,
    status: or_default,
    feature: or_default,
    sprint: or_default,
    scores: or_default,
    depends_on: or_default,
    done_on: or_default,
    key: or_default,
});
fields!(Sprint {
    id: required,
    name: required,
    goal: or_default,
    start: or_default,
    end: or_default,
    capacity: or_default,
    state: or_default,
    scope: or_default,
});
fields!(SprintScope {
    day: required,
    points: required,
    items: required
});
fields!(Release {
    id: required,
    name: required,
    date: required
});

impl Tree for serde_json::Value {
    fn parse(text: &str) -> Result<Self, String> {
        serde_json::from_str(text).map_err(|e| e.to_string())
    }
    fn get(&self, key: &str) -> Option<Self> {
        self.as_object()?.get(key).cloned()
    }
    fn is_null(&self) -> bool {
        self.is_null()
    }
    fn is_object(&self) -> bool {
        self.is_object()
    }
    fn string(&self) -> Option<String> {
        self.as_str().map(str::to_string)
    }
    fn number(&self) -> Option<f64> {
        self.as_f64()
    }
    fn boolean(&self) -> Option<bool> {
        self.as_bool()
    }
    fn elements(&self) -> Option<Vec<Self>> {
        self.as_array().cloned()
    }
    fn field_names(&self) -> Option<Vec<String>> {
        Some(self.as_object()?.keys().cloned().collect())
    }
    fn to_value(&self) -> serde_json::Value {
        self.clone()
    }
    fn from_value(value: &serde_json::Value) -> Result<Self, String> {
        Ok(value.clone())
    }
}
