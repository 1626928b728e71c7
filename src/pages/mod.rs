//! One module per page. Home is in the main module; every other page is a lazily loaded
//! chunk of the release build (docs/performance.md, "Split build"): `load` fetches it the
//! first time the page is shown and keeps its constructor for the next time.

pub mod backlog;
pub mod data;
pub mod explainer;
pub mod hierarchy;
pub mod home;
pub mod roadmap;
pub mod room;
pub mod training;

use crate::lazy::{split_point, ChunkMissing};
use crate::route::Page;
use leptos::prelude::*;
use std::cell::RefCell;

/// Builds a page's view. Pointers into a chunk stay valid once it is loaded.
pub type PageView = fn() -> AnyView;

/// One split point a page, named after it, so each page is a chunk of its own.
macro_rules! page_chunks {
    ($($name:ident => $page:ident::$component:ident),* $(,)?) => {$(
        split_point!(
            fn $name() -> PageView {
                || view! { <$page::$component /> }.into_any()
            }
        );
    )*};
}

page_chunks! {
    explainer_page => explainer::ExplainerPage,
    hierarchy_page => hierarchy::HierarchyPage,
    roadmap_page => roadmap::RoadmapPage,
    backlog_page => backlog::BacklogPage,
    training_page => training::TrainingPage,
    room_page => room::RoomPage,
    data_page => data::DataPage,
}

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
    // Every page edits: the engine comes with it, and so do the pages' styles, all
    // fetched alongside.
    crate::engine::preload();
    let styles = crate::page_styles::start();
    let view = split_call(page).await?;
    crate::engine::load().await?;
    crate::page_styles::arrived(styles).await?;
    if ready(page).is_none() {
        LOADED.with(|l| l.borrow_mut().push((page, view)));
    }
    Ok(view)
}

async fn split_call(page: Page) -> Result<PageView, ChunkMissing> {
    match page {
        Page::Home => unreachable!("Home is in the main module"),
        Page::Explainer => explainer_page().await,
        Page::Hierarchy => hierarchy_page().await,
        Page::Roadmap => roadmap_page().await,
        Page::Backlog => backlog_page().await,
        Page::Training => training_page().await,
        Page::Room => room_page().await,
        Page::Data => data_page().await,
    }
}
