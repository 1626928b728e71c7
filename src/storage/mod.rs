//! Persistence. `format` is the stored shape (`chunks` how a product's items are split), `migrate` brings older format versions
//! up to date, `import` reads export files and `json_path` says where one is malformed
//! (all pure, tested natively); `local` is
//! the only code in the app that touches `localStorage`.

pub mod chunks;
pub mod format;
pub mod import;
pub mod json_path;
#[cfg(target_arch = "wasm32")]
pub mod local;
pub mod migrate;
