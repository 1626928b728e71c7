//! Persistence. `format` is the stored shape (pure, tested natively); `local` is the
//! only code in the app that touches `localStorage`.

pub mod format;
#[cfg(target_arch = "wasm32")]
pub mod local;
