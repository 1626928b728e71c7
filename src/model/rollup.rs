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

/// The ids of `all` whose parent is in `parents`.
fn children_of<'a, T>(
    all: &'a [T],
    parents: &HashSet<&Id>,
    parent: fn(&T) -> &Option<Id>,
    id: fn(&T) -> &Id,
) -> HashSet<&'a Id> {
    all.iter()
        .filter(|e| parent(e).as_ref().is_some_and(|p| parents.contains(p)))
        .map(id)
        .collect()
}

/// The roll-up of the items under `features`.
fn of_features(p: &Product, features: &HashSet<&Id>) -> Rollup {
    let items = p.items.iter();
    Rollup::of(items.filter(|i| i.feature.as_ref().is_some_and(|f| features.contains(f))))
}

pub fn theme_rollup(p: &Product, theme: &Id) -> Rollup {
    of_themes(p, &HashSet::from([theme]))
}

pub fn objective_rollup(p: &Product, objective: &Id) -> Rollup {
    let objectives = HashSet::from([objective]);
    of_themes(
        p,
        &children_of(&p.themes, &objectives, |t| &t.objective, |t| &t.id),
    )
}

fn of_themes(p: &Product, themes: &HashSet<&Id>) -> Rollup {
    of_features(
        p,
        &children_of(&p.features, themes, |f| &f.theme, |f| &f.id),
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
    fn loose<T>(all: &[T], parent: fn(&T) -> &Option<Id>, id: fn(&T) -> &Id) -> Vec<Id> {
        all.iter()
            .filter(|e| parent(e).is_none())
            .map(|e| id(e).clone())
            .collect()
    }
    Orphans {
        items: loose(&p.items, |i| &i.feature, |i| &i.id),
        features: loose(&p.features, |f| &f.theme, |f| &f.id),
        themes: loose(&p.themes, |t| &t.objective, |t| &t.id),
    }
}
