//! Persistence. `format` is the stored shape (`chunks` how a product's items are split),
//! `migrate` brings older format versions up to date, `import` reads export files and
//! `json_path` says where one is malformed, `salvage` recovers what raw stored keys (a
//! raw-data download, a backup) still hold; `session` is the storage core (saving,
//! reading, taking another tab's commit) over a `backend::Backend`. All of these are plain
//! Rust, tested natively; `local` is the only code that touches `localStorage`.

pub mod backend;
pub mod chunks;
pub mod format;
pub mod import;
#[cfg(target_arch = "wasm32")]
mod js_text;
#[cfg(target_arch = "wasm32")]
pub mod js_tree;
pub mod json_path;
#[cfg(target_arch = "wasm32")]
pub mod local;
pub mod migrate;
pub mod salvage;
pub mod session;
pub mod tab;
pub mod tree;
pub mod usage;

use serde::de::DeserializeOwned;

/// Reads a typed value out of a parsed JSON value.
///
/// The app reads its stored keys with `serde_json::from_str`; `serde_json::from_value`
/// would compile a second deserializer of every document type (the value-walking one),
/// about 20 KiB gzip of the first load, for the rare paths that hold a `Value` (imports,
/// migrations, error paths). Those go through text instead: slower, but only there.
pub fn from_value<T: DeserializeOwned>(v: &serde_json::Value) -> Result<T, String> {
    // The position is in the re-serialised text, meaningless to anyone reading it.
    serde_json::from_str(&v.to_string()).map_err(|e| without_position(&e))
}

/// serde_json's message without the " at line L column C" it ends with, for callers
/// that say where in their own words, or where that position means nothing.
fn without_position(e: &serde_json::Error) -> String {
    let full = e.to_string();
    match full.rsplit_once(" at line ") {
        Some((message, _)) => message.to_string(),
        None => full,
    }
}
