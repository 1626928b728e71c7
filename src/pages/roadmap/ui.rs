//! The roadmap page's shared state and the helpers its parts use.

use crate::model::roadmap::Window;
use crate::model::{Entity, Feature, Id, Month, Product};
use crate::state::AppState;
use crate::text::Choice;
use leptos::prelude::*;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum View {
    Timeline,
    Board,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Zoom {
    Months,
    Quarters,
}

impl View {
    pub const ALL: [View; 2] = [View::Timeline, View::Board];
    pub fn key(self) -> &'static str {
        match self {
            View::Timeline => "timeline",
            View::Board => "board",
        }
    }
    pub fn label(self) -> &'static str {
        match self {
            View::Timeline => "Timeline",
            View::Board => "Now / Next / Later",
        }
    }
}
crate::text::choice::choice!(View, key);

impl Zoom {
    pub const ALL: [Zoom; 2] = [Zoom::Months, Zoom::Quarters];
    pub fn months(self) -> i32 {
        match self {
            Zoom::Months => 12,
            Zoom::Quarters => 24,
        }
    }
    pub fn key(self) -> &'static str {
        match self {
            Zoom::Months => "months",
            Zoom::Quarters => "quarters",
        }
    }
    pub fn label(self) -> &'static str {
        match self {
            Zoom::Months => "Months",
            Zoom::Quarters => "Quarters",
        }
    }
}
crate::text::choice::choice!(Zoom, key);

/// A choice remembered on this device under `name`: read once, written when it changes.
pub(crate) fn remembered<T: Choice>(name: &'static str, default: T) -> RwSignal<T> {
    let stored = AppState::pref(name).and_then(|k| T::from_key(&k));
    let value = RwSignal::new(stored.unwrap_or(default));
    Effect::new(move |_| AppState::set_pref(name, value.get().key()));
    value
}

pub(crate) use crate::model::roadmap_lanes::RoadmapFilter;

#[derive(Clone, Copy)]
pub(crate) struct RoadmapUi {
    pub view: RwSignal<View>,
    pub zoom: RwSignal<Zoom>,
    pub start: RwSignal<Month>,
    pub state: AppState,
    /// The feature whose details are open: the URL's `at=`, so reload and Back agree
    /// with what is shown (`select` changes it).
    pub selected: Memo<Option<Id>>,
    pub filter: RwSignal<RoadmapFilter>,
}

impl RoadmapUi {
    pub fn expect() -> RoadmapUi {
        expect_context()
    }

    /// `f` of the product shown and the filter, tracking both: what the timeline and the
    /// board draw (nothing with no product).
    pub fn filtered<T: Default>(self, f: impl FnOnce(&Product, &RoadmapFilter) -> T) -> T {
        let filter = self.filter.get();
        crate::state::read_product(self.state, |p| f(p, &filter)).unwrap_or_default()
    }
    /// Opens a feature's details (or closes them), in place of the current history
    /// entry: opening and closing are not steps for Back.
    pub fn select(self, id: Option<Id>) {
        self.state.show_focus(id.map(|id| id.to_string()));
    }

    pub fn window(&self) -> Window {
        Window {
            start: self.start.get(),
            months: self.zoom.get().months(),
        }
    }
}

pub(crate) use crate::state::with_product;

/// Edits one feature as one undoable step; says why when refused.
pub(crate) fn edit_feature(state: AppState, id: &Id, change: impl FnOnce(&mut Feature)) -> bool {
    let feature = with_product(state, |p| p.feature(id).cloned()).flatten();
    let gone = "This feature no longer exists.";
    state
        .edit_entity(feature, gone, change, Entity::Feature)
        .is_ok()
}

pub(crate) fn month_label(m: Month) -> String {
    format!("{} {}", m.short_name(), m.year)
}
