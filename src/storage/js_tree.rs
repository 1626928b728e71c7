//! The browser's side of `tree`: stored text parsed by `JSON.parse` and walked in place,
//! so the first load carries no JSON parser or deserializers of its own.

use super::tree::Tree;
use js_sys::{Array, Object, Reflect, JSON};
use wasm_bindgen::{JsCast, JsValue};

#[derive(Clone, Debug)]
pub struct JsTree(pub JsValue);

impl Tree for JsTree {
    fn parse(text: &str) -> Result<Self, String> {
        JSON::parse(text).map(JsTree).map_err(|e| {
            e.dyn_ref::<js_sys::Error>()
                .map(|e| String::from(e.message()))
                .unwrap_or_else(|| "not JSON".into())
        })
    }

    fn get(&self, key: &str) -> Option<Self> {
        if !self.is_object() {
            return None;
        }
        // `undefined` is an absent field. (A plain object's prototype answers for names
        // such as "constructor", which no stored type has as a field.)
        let value = Reflect::get(&self.0, &JsValue::from_str(key)).ok()?;
        (!value.is_undefined()).then_some(JsTree(value))
    }

    fn is_null(&self) -> bool {
        self.0.is_null()
    }

    fn is_object(&self) -> bool {
        self.0.is_object() && !Array::is_array(&self.0)
    }

    fn string(&self) -> Option<String> {
        self.0.as_string()
    }

    fn number(&self) -> Option<f64> {
        self.0.as_f64()
    }

    fn boolean(&self) -> Option<bool> {
        self.0.as_bool()
    }

    fn elements(&self) -> Option<Vec<Self>> {
        let array = self.0.dyn_ref::<Array>()?;
        Some(array.iter().map(JsTree).collect())
    }

    fn field_names(&self) -> Option<Vec<String>> {
        if !self.is_object() {
            return None;
        }
        let object = self.0.dyn_ref::<Object>()?;
        Some(
            Object::keys(object)
                .iter()
                .filter_map(|k| k.as_string())
                .collect(),
        )
    }

    fn to_value(&self) -> serde_json::Value {
        use serde_json::Value;
        if let Some(s) = self.string() {
            Value::String(s)
        } else if let Some(n) = self.number() {
            // Whole numbers as integers, as serde_json reads them from text (the
            // migrations ask for `as_u64`).
            if n.fract() == 0.0 && n.abs() < 9_007_199_254_740_992.0 {
                Value::Number((n as i64).into())
            } else {
                serde_json::Number::from_f64(n).map_or(Value::Null, Value::Number)
            }
        } else if let Some(b) = self.boolean() {
            Value::Bool(b)
        } else if let Some(elements) = self.elements() {
            Value::Array(elements.iter().map(Tree::to_value).collect())
        } else if self.is_object() {
            let keys = Object::keys(self.0.unchecked_ref::<Object>());
            let fields = keys
                .iter()
                .filter_map(|k| {
                    let k = k.as_string()?;
                    Some((k.clone(), self.get(&k)?.to_value()))
                })
                .collect();
            Value::Object(fields)
        } else {
            Value::Null
        }
    }

    fn from_value(value: &serde_json::Value) -> Result<Self, String> {
        Self::parse(&value.to_string())
    }
}
