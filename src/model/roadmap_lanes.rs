//! The roadmap timeline's rows worked out in plain Rust: one lane per theme (and one for
//! features with no theme), each with the bars of its features that pass the filter.

use super::ids::Id;
use super::outline::rollups;
use super::workspace::{Feature, FeatureStatus, Product};
use super::Month;

/// What the roadmap filters on: `None` is "any"; `Some(None)` for objective is "no objective".
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RoadmapFilter {
    pub objective: Option<Option<Id>>,
    pub theme: Option<Id>,
    pub status: Option<FeatureStatus>,
}

impl RoadmapFilter {
    pub fn accepts(&self, p: &Product, f: &Feature) -> bool {
        let objective = f
            .theme
            .as_ref()
            .and_then(|t| p.theme(t))
            .and_then(|t| t.objective.clone());
        self.objective.as_ref().is_none_or(|o| *o == objective)
            && self
                .theme
                .as_ref()
                .is_none_or(|t| f.theme.as_ref() == Some(t))
            && self.status.is_none_or(|s| f.status == s)
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Bar {
    pub id: Id,
    pub title: String,
    pub dates: Option<(Month, Month)>,
    pub status: FeatureStatus,
    pub done: f64,
    pub no_objective: bool,
    pub release: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Lane {
    pub key: String,
    pub theme: Option<Id>,
    pub name: String,
    pub colour: String,
    pub objective: Option<String>,
    pub bars: Vec<Bar>,
}

impl Lane {
    /// The lane's key and a digest of what it shows: a lane is drawn again when it changes.
    pub fn content_key(&self) -> (String, u64) {
        use std::hash::{Hash, Hasher};
        let mut h = std::collections::hash_map::DefaultHasher::new();
        (&self.theme, &self.name, &self.colour, &self.objective).hash(&mut h);
        for b in &self.bars {
            (
                &b.id,
                &b.title,
                b.dates,
                b.status,
                b.done.to_bits(),
                b.no_objective,
                &b.release,
            )
                .hash(&mut h);
        }
        (self.key.clone(), h.finish())
    }
}

/// The colour of the lane of features with no theme.
const NO_THEME_COLOUR: &str = "#5b6573";

/// The lanes of `p` that `filter` lets through, in the themes' order.
pub fn lanes(p: &Product, filter: &RoadmapFilter) -> Vec<Lane> {
    // One pass over the backlog for every bar's progress, not one per bar.
    let sums = rollups(p);
    let bar = |f: &Feature| Bar {
        id: f.id.clone(),
        title: f.title.clone(),
        dates: f.start.zip(f.end),
        status: f.status,
        done: sums
            .by_feature
            .get(&f.id)
            .and_then(|r| r.percent_done())
            .unwrap_or(0.0),
        no_objective: f
            .theme
            .as_ref()
            .and_then(|t| p.theme(t))
            .and_then(|t| t.objective.as_ref())
            .is_none(),
        release: f
            .release
            .as_ref()
            .and_then(|r| p.releases.iter().find(|x| &x.id == r))
            .map(|r| r.name.clone()),
    };
    let bars = |theme: Option<&Id>| -> Vec<Bar> {
        p.features
            .iter()
            .filter(|f| f.theme.as_ref() == theme && filter.accepts(p, f))
            .map(bar)
            .collect()
    };
    let mut lanes: Vec<Lane> = p
        .themes
        .iter()
        .filter(|t| filter.theme.as_ref().is_none_or(|x| x == &t.id))
        .map(|t| Lane {
            key: t.id.to_string(),
            theme: Some(t.id.clone()),
            name: t.name.clone(),
            colour: t.colour.clone(),
            objective: t
                .objective
                .as_ref()
                .and_then(|o| p.objective(o))
                .map(|o| o.title.clone()),
            bars: bars(Some(&t.id)),
        })
        .collect();
    let loose = bars(None);
    if !loose.is_empty() && filter.theme.is_none() {
        lanes.push(Lane {
            key: "no-theme".into(),
            theme: None,
            name: "No theme".into(),
            colour: NO_THEME_COLOUR.into(),
            objective: None,
            bars: loose,
        });
    }
    lanes
}

/// The first `limit` bars, lane by lane: long roadmaps draw a page of rows at a time.
pub fn first_rows(all: &[Lane], limit: usize) -> Vec<Lane> {
    let mut budget = limit;
    let mut out = Vec::new();
    for lane in all {
        if budget == 0 {
            break;
        }
        let mut lane = lane.clone();
        lane.bars.truncate(budget);
        budget -= lane.bars.len();
        out.push(lane);
    }
    out
}
