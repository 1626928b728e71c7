//! Roll-ups: counts and points summed up the hierarchy, and key-result progress.

use super::ids::Id;
use super::workspace::{Item, ItemStatus, KeyResult, Product};
use std::collections::HashSet;

#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Rollup {
    pub items: usize,
    pub done_items: usize,
    pub points: f64,
    pub points_done: f64,
    /// Items with no estimate, which the points leave out.
    pub unestimated: usize,
}

impl Rollup {
    pub fn of<'a>(items: impl IntoIterator<Item = &'a Item>) -> Rollup {
        let mut r = Rollup::default();
        for i in items {
            r.items += 1;
            let done = i.status == ItemStatus::Done;
            if done {
                r.done_items += 1;
            }
            match i.estimate {
                Some(e) => {
                    r.points += e;
                    if done {
                        r.points_done += e;
                    }
                }
                None => r.unestimated += 1,
            }
        }
        r
    }

    /// Percent of points done; by item count when nothing is estimated; `None` when empty.
    pub fn percent_done(&self) -> Option<f64> {
        // Points out of range (stored before their bound) can sum to infinity, and
        // infinity over infinity is NaN: then the items are counted instead.
        let by_points = 100.0 * self.points_done / self.points;
        if self.points > 0.0 && by_points.is_finite() {
            Some(by_points)
        } else if self.items > 0 {
            Some(100.0 * self.done_items as f64 / self.items as f64)
        } else {
            None
        }
    }
}

pub fn feature_rollup(p: &Product, feature: &Id) -> Rollup {
    Rollup::of(
        p.items
            .iter()
            .filter(|i| i.feature.as_ref() == Some(feature)),
    )
}

// The sets below are looked up once per item: a `Vec::contains` there is items × features.

pub fn theme_rollup(p: &Product, theme: &Id) -> Rollup {
    let features: HashSet<&Id> = p
        .features
        .iter()
        .filter(|f| f.theme.as_ref() == Some(theme))
        .map(|f| &f.id)
        .collect();
    Rollup::of(
        p.items
            .iter()
            .filter(|i| i.feature.as_ref().is_some_and(|f| features.contains(f))),
    )
}

pub fn objective_rollup(p: &Product, objective: &Id) -> Rollup {
    let themes: HashSet<&Id> = p
        .themes
        .iter()
        .filter(|t| t.objective.as_ref() == Some(objective))
        .map(|t| &t.id)
        .collect();
    let features: HashSet<&Id> = p
        .features
        .iter()
        .filter(|f| f.theme.as_ref().is_some_and(|t| themes.contains(t)))
        .map(|f| &f.id)
        .collect();
    Rollup::of(
        p.items
            .iter()
            .filter(|i| i.feature.as_ref().is_some_and(|f| features.contains(f))),
    )
}

pub fn product_rollup(p: &Product) -> Rollup {
    Rollup::of(&p.items)
}

/// Progress from start to target, clamped to 0–100 %. `None` when start equals target.
pub fn key_result_progress(k: &KeyResult) -> Option<f64> {
    let span = k.target - k.start;
    if span == 0.0 || !span.is_finite() {
        return None;
    }
    // `+ 0.0` turns a -0.0 into 0.0, so it never prints as "-0%".
    Some((100.0 * (k.current - k.start) / span).clamp(0.0, 100.0) + 0.0)
}

/// Entities that hang loose in the hierarchy, for the PM and PO to tidy up.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Orphans {
    pub items: Vec<Id>,
    pub features: Vec<Id>,
    pub themes: Vec<Id>,
}

pub fn orphans(p: &Product) -> Orphans {
    Orphans {
        items: p
            .items
            .iter()
            .filter(|i| i.feature.is_none())
            .map(|i| i.id.clone())
            .collect(),
        features: p
            .features
            .iter()
            .filter(|f| f.theme.is_none())
            .map(|f| f.id.clone())
            .collect(),
        themes: p
            .themes
            .iter()
            .filter(|t| t.objective.is_none())
            .map(|t| t.id.clone())
            .collect(),
    }
}
