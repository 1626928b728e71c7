//! Two Hats: a product-planning and role-training tool that lives in the browser.
//!
//! `model` and `route` are plain Rust, tested natively. Everything that touches the
//! browser is compiled for wasm32 only.

pub mod content;
pub mod csv_export;
pub mod interop;
pub mod model;
pub mod route;
pub mod storage;
pub mod text;

#[cfg(target_arch = "wasm32")]
pub mod app;
#[cfg(target_arch = "wasm32")]
pub mod components;
#[cfg(target_arch = "wasm32")]
pub mod engine;
#[cfg(target_arch = "wasm32")]
pub mod focus;
#[cfg(target_arch = "wasm32")]
pub mod hooks;
#[cfg(target_arch = "wasm32")]
pub mod lazy;
#[cfg(target_arch = "wasm32")]
pub mod page_styles;
#[cfg(target_arch = "wasm32")]
pub mod pages;
#[cfg(target_arch = "wasm32")]
pub mod state;
#[cfg(target_arch = "wasm32")]
pub mod timer;

#[cfg(target_arch = "wasm32")]
pub use app::App;
