//! Persistence. `format` is the stored shape, `migrate` brings older format versions
//! up to date and `import` reads export files (all pure, tested natively); `local` is
//! the only code in the app that touches `localStorage`.

pub mod format;
pub mod import;
#[cfg(target_arch = "wasm32")]
pub mod local;
pub mod migrate;
