//! One module per page. Home is in the main module; every other page is a lazily loaded
//! chunk of the release build (docs/performance.md, "Split build"): `load` fetches it the
//! first time the page is shown and keeps its constructor for the next time.

pub mod backlog;
pub mod data;
pub mod explainer;
pub mod hierarchy;
pub mod home;
pub mod roadmap;
pub mod training;

use crate::route::Page;
use leptos::prelude::*;
use std::cell::RefCell;

/// Builds a page's view. Pointers into a chunk stay valid once it is loaded.
pub type PageView = fn() -> AnyView;

/// A page's chunk did not arrive (the reason is worked out afterwards, see `chunk_error`).
#[derive(Debug, Clone, Copy)]
pub struct ChunkMissing;

#[cfg(split)]
impl From<leptos::wasm_split::SplitLoaderError> for ChunkMissing {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        ChunkMissing
    }
}

/// A split point per page. `fallible`: a failed fetch comes back as an error for the page
/// to show, where Leptos's own `#[lazy]` would stop the whole module.
macro_rules! split_page {
    ($split:ident, $view:expr) => {
        #[cfg_attr(
            split,
            leptos::wasm_split::wasm_split($split, wasm_split_path = ::leptos::wasm_split, fallible)
        )]
        fn $split() -> Result<PageView, ChunkMissing> {
            Ok(|| $view.into_any())
        }
    };
}

split_page!(explainer_page, view! { <explainer::ExplainerPage /> });
split_page!(hierarchy_page, view! { <hierarchy::HierarchyPage /> });
split_page!(roadmap_page, view! { <roadmap::RoadmapPage /> });
split_page!(backlog_page, view! { <backlog::BacklogPage /> });
split_page!(training_page, view! { <training::TrainingPage /> });
split_page!(data_page, view! { <data::DataPage /> });

thread_local! {
    /// Pages whose chunk has arrived: shown again at once, with no loading state.
    static LOADED: RefCell<Vec<(Page, PageView)>> = const { RefCell::new(Vec::new()) };
}

/// The page's constructor if its chunk is already here (always so for Home).
pub fn ready(page: Page) -> Option<PageView> {
    if page == Page::Home {
        return Some(|| view! { <home::HomePage /> }.into_any());
    }
    LOADED.with(|l| l.borrow().iter().find(|(p, _)| *p == page).map(|(_, v)| *v))
}

/// Fetches the page's chunk (at most once; a failed fetch is tried again on the next call).
pub async fn load(page: Page) -> Result<PageView, ChunkMissing> {
    if let Some(view) = ready(page) {
        return Ok(view);
    }
    let view = split_call(page).await?;
    if ready(page).is_none() {
        LOADED.with(|l| l.borrow_mut().push((page, view)));
    }
    Ok(view)
}

#[cfg(split)]
async fn split_call(page: Page) -> Result<PageView, ChunkMissing> {
    match page {
        Page::Home => unreachable!("Home is in the main module"),
        Page::Explainer => explainer_page().await,
        Page::Hierarchy => hierarchy_page().await,
        Page::Roadmap => roadmap_page().await,
        Page::Backlog => backlog_page().await,
        Page::Training => training_page().await,
        Page::Data => data_page().await,
    }
}

#[cfg(not(split))]
async fn split_call(page: Page) -> Result<PageView, ChunkMissing> {
    match page {
        Page::Home => unreachable!("Home is in the main module"),
        Page::Explainer => explainer_page(),
        Page::Hierarchy => hierarchy_page(),
        Page::Roadmap => roadmap_page(),
        Page::Backlog => backlog_page(),
        Page::Training => training_page(),
        Page::Data => data_page(),
    }
}
