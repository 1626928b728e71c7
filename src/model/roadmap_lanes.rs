//! The roadmap timeline's rows worked out in plain Rust: one lane per theme (and one for
//! features with no theme), each with the bars of its features that pass the filter.

use super::ids::Id;
use super::outline::rollups;
use super::roadmap::Window;
use super::slips::{finish_days, first_day, slip_facts, slips_from, SlipFacts};
use super::workspace::{Feature, FeatureStatus, Product};
use super::{Day, Month};
use std::collections::HashMap;

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
    /// The features it waits for, in order.
    pub waits: Vec<Wait>,
    pub slip: Option<SlipFacts>,
}

/// A feature a bar waits for.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Wait {
    pub id: Id,
    pub title: String,
    /// The day it is expected to finish, when its plan or forecast gives one.
    pub ends: Option<Day>,
    /// It ends after the waiting feature starts (on or after its first day).
    pub late: bool,
}

/// A dependency drawn in the waiting feature's row, in columns from the window's start
/// (fractional, within the window): `from` is left of `to`.
#[derive(Clone, Debug, PartialEq)]
pub struct Link {
    pub id: Id,
    /// In order, a connector from the blocker's end (`from`) to this bar's start (`to`);
    /// late, the overlap from this bar's start (`from`) to the blocker's end (`to`).
    pub from: f64,
    pub to: f64,
    pub late: bool,
}

impl Bar {
    /// The dependencies to draw in this bar's row in window `w`: those whose blocker has
    /// an end, when this bar has dates and the drawing falls in the window.
    pub fn links(&self, w: Window) -> Vec<Link> {
        let Some((start, _)) = self.dates else {
            return Vec::new();
        };
        let months = w.months as f64;
        let starts = (start.index() - w.start.index()) as f64;
        self.waits
            .iter()
            .filter_map(|x| {
                // The blocker's bar ends at the end of its last day.
                let ends = w.column_of(x.ends?.add_days(1));
                let (from, to) = if x.late {
                    (starts.max(0.0), ends.min(months))
                } else {
                    if !(0.0..months).contains(&starts) {
                        return None;
                    }
                    (ends.clamp(0.0, starts), starts)
                };
                (from < to || (!x.late && from == to)).then(|| Link {
                    id: x.id.clone(),
                    from,
                    to,
                    late: x.late,
                })
            })
            .collect()
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Lane {
    pub key: String,
    pub theme: Option<Id>,
    /// The theme's name; empty in the lane of features with no theme (`theme: None`),
    /// which `text::lane_name` names.
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
                &b.waits,
                &b.slip,
            )
                .hash(&mut h);
        }
        (self.key.clone(), h.finish())
    }
}

/// The colour of the lane of features with no theme.
const NO_THEME_COLOUR: &str = "#5b6573";

/// The features `f` waits for, with when each ends (`finish`, from `finish_days`) and
/// whether that is too late for its start; `by_id` is the product's features by id.
pub fn waits(f: &Feature, by_id: &HashMap<&Id, &Feature>, finish: &HashMap<&Id, Day>) -> Vec<Wait> {
    f.depends_on
        .iter()
        .filter_map(|b| by_id.get(b))
        .map(|b| {
            let ends = finish.get(&b.id).copied();
            Wait {
                id: b.id.clone(),
                title: b.title.clone(),
                ends,
                late: ends.zip(f.start).is_some_and(|(e, s)| e >= first_day(s)),
            }
        })
        .collect()
}

/// The lanes of `p` that `filter` lets through, in the themes' order.
pub fn lanes(p: &Product, filter: &RoadmapFilter) -> Vec<Lane> {
    // One pass over the backlog for every bar's progress, not one per bar; the forecast
    // and slips once for every bar too.
    let sums = rollups(p);
    let finish = finish_days(p);
    let slips = slips_from(p, &finish);
    let by_id: HashMap<&Id, &Feature> = p.features.iter().map(|f| (&f.id, f)).collect();
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
        waits: waits(f, &by_id, &finish),
        slip: slip_facts(p, &f.id, &slips, &finish),
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
            name: String::new(),
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
