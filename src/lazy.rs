//! Split points: code the first screen does not need is cut out of the main wasm module
//! in a release build (`cfg(split)`, see build.rs) and fetched the first time it is called.
//! A call returns `Err(ChunkMissing)` when its chunk cannot be fetched, for the caller to
//! say so; Leptos's own `#[lazy]` would stop the whole module instead. In a build that is
//! not split (`trunk serve`, browser tests) the same functions run at once.
//!
//! A split function may not build views directly: it runs after an `await`, outside the
//! component that called it. Pages return a constructor instead (`crate::pages`).

/// A chunk did not arrive (the page works out why, see `components::page_slot`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChunkMissing;

#[cfg(split)]
impl From<leptos::wasm_split::SplitLoaderError> for ChunkMissing {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        ChunkMissing
    }
}

/// `split_point!(fn name(args) -> T { body })` defines `async fn name(args) ->
/// Result<T, ChunkMissing>` whose body lands in a chunk of its own (one per name; code
/// that several split points share goes into shared chunks).
macro_rules! split_point {
    ($(#[$attr:meta])* $vis:vis fn $name:ident($($arg:ident: $ty:ty),*) -> $ret:ty $body:block) => {
        $(#[$attr])*
        #[cfg(split)]
        #[leptos::wasm_split::wasm_split($name, wasm_split_path = ::leptos::wasm_split, fallible)]
        $vis fn $name($($arg: $ty),*) -> Result<$ret, $crate::lazy::ChunkMissing> {
            let value: $ret = $body;
            Ok(value)
        }

        $(#[$attr])*
        #[cfg(not(split))]
        $vis async fn $name($($arg: $ty),*) -> Result<$ret, $crate::lazy::ChunkMissing> {
            let value: $ret = $body;
            Ok(value)
        }
    };
}
pub(crate) use split_point;
