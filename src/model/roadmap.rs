//! The roadmap: features placed in months, grouped into quarters and horizons, and the
//! reality check that compares the PM's plan with the PO's backlog.

use super::dates::{Day, Month};
use super::ids::{Id, IdSet};
use super::planning::velocity;
use super::readiness;
use super::slips::{slips, Slip};
use super::workspace::{Feature, Horizon, Product};
use std::collections::HashMap;

/// The months the timeline shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Window {
    pub start: Month,
    pub months: i32,
}

impl Window {
    pub fn end(self) -> Month {
        self.start.add_months(self.months - 1)
    }

    pub fn contains(self, m: Month) -> bool {
        m >= self.start && m <= self.end()
    }

    /// The visible part of a start–end span, as (first column, number of columns), or
    /// `None` when it lies wholly outside.
    pub fn span(self, start: Month, end: Month) -> Option<(i32, i32)> {
        let (a, b) = (
            start.index() - self.start.index(),
            end.index() - self.start.index(),
        );
        if b < 0 || a >= self.months {
            return None;
        }
        let (a, b) = (a.max(0), b.min(self.months - 1));
        Some((a, b - a + 1))
    }

    /// Where a day falls, in columns from the window's start (fractional), if visible.
    pub fn offset_of(self, d: Day) -> Option<f64> {
        let col = d.month().index() - self.start.index();
        if col < 0 || col >= self.months {
            return None;
        }
        Some(self.column_of(d))
    }

    /// Where a day falls, in columns from the window's start (fractional), visible or
    /// not: before the window is negative, after it past `months`.
    pub fn column_of(self, d: Day) -> f64 {
        let col = d.month().index() - self.start.index();
        let dim = super::dates::days_in_month(d.year, d.month) as f64;
        col as f64 + (d.day as f64 - 1.0) / dim
    }

    /// The quarters the window touches, each as its first month (which tells its year and
    /// `quarter()`; `text::quarter` words it "Q3 2026").
    pub fn quarters(self) -> Vec<Month> {
        let mut out: Vec<Month> = Vec::new();
        for k in 0..self.months {
            let q = quarter_start(self.start.add_months(k));
            if out.last() != Some(&q) {
                out.push(q);
            }
        }
        out
    }
}

pub fn quarter_start(m: Month) -> Month {
    Month {
        year: m.year,
        month: (m.quarter() - 1) * 3 + 1,
    }
}

/// Which part of a start–end span a change moves.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Edge {
    /// Both ends: the span moves.
    Both,
    Start,
    End,
}

/// Moves one or both ends of a span by `months`; an end never passes the other.
pub fn adjust((s, e): (Month, Month), edge: Edge, months: i32) -> (Month, Month) {
    match edge {
        Edge::Both => (s.add_months(months), e.add_months(months)),
        Edge::Start => (s.add_months(months).min(e), e),
        Edge::End => (s, e.add_months(months).max(s)),
    }
}

/// Moves a feature's dates by `months` (both ends).
pub fn shifted(f: &Feature, months: i32) -> Option<(Month, Month)> {
    Some(adjust((f.start?, f.end?), Edge::Both, months))
}

/// Changes a feature's end by `months`, never before its start.
pub fn resized_end(f: &Feature, months: i32) -> Option<(Month, Month)> {
    Some(adjust((f.start?, f.end?), Edge::End, months))
}

/// Changes a feature's start by `months`, never after its end.
pub fn resized_start(f: &Feature, months: i32) -> Option<(Month, Month)> {
    Some(adjust((f.start?, f.end?), Edge::Start, months))
}

/// A group of features the reality check looks at.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Bucket {
    Horizon(Horizon),
    /// The quarter that starts with this month (features count where they end).
    Quarter(Month),
}

/// How far the PO's backlog backs the PM's plan for one bucket.
#[derive(Clone, Debug, PartialEq)]
pub struct Reality {
    pub features: usize,
    /// Features with at least one backlog item.
    pub broken_down: usize,
    pub items: usize,
    pub estimated: usize,
    /// Items that meet the definition of ready, or are done: readiness is the gate into a
    /// sprint, and finished work need not pass it again. (Started work still counts: work
    /// begun before it was ready is worth seeing.)
    pub ready: usize,
    /// Points of the bucket's items not yet done.
    pub points_left: f64,
    /// What the team can do in the bucket at its velocity, when that is known.
    pub capacity: Option<f64>,
    /// False for buckets with no time box (Later), which have no capacity to check.
    pub time_boxed: bool,
    /// Features that slip (`slips::slips`).
    pub slipping: usize,
}

impl Reality {
    pub fn fits(&self) -> Option<bool> {
        self.capacity.map(|c| self.points_left <= c)
    }
}

/// The days a sprint lasts, on average over the product's dated sprints (two weeks when
/// no sprint has dates).
pub fn sprint_days(p: &Product) -> f64 {
    let lengths: Vec<i64> = p
        .sprints
        .iter()
        .filter_map(|s| Some(s.end?.ordinal() - s.start?.ordinal() + 1))
        .filter(|d| *d > 0)
        .collect();
    if lengths.is_empty() {
        14.0
    } else {
        lengths.iter().sum::<i64>() as f64 / lengths.len() as f64
    }
}

/// Sprints that fit in a quarter (13 weeks), from the product's sprint lengths.
pub fn sprints_per_quarter(p: &Product) -> f64 {
    (91.0 / sprint_days(p)).floor().max(1.0)
}

/// The features a bucket holds.
pub fn in_bucket<'a>(p: &'a Product, bucket: &Bucket) -> Vec<&'a Feature> {
    p.features
        .iter()
        .filter(|f| match bucket {
            Bucket::Horizon(h) => f.horizon == Some(*h),
            Bucket::Quarter(q) => f.end.is_some_and(|e| quarter_start(e) == *q),
        })
        .collect()
}

pub fn reality(p: &Product, bucket: &Bucket) -> Reality {
    reality_with(p, bucket, &slips(p))
}

/// `reality` given the product's slips, worked out once for all the buckets.
pub fn reality_with(p: &Product, bucket: &Bucket, slipping: &HashMap<Id, Slip>) -> Reality {
    let features = in_bucket(p, bucket);
    // Sets, not scans: with 10,000 items and a few hundred features a bucket, scanning
    // the list for each item took the roadmap's first render 40 ms in the browser.
    let ids: IdSet<&Id> = features.iter().map(|f| &f.id).collect();
    let items: Vec<_> = p
        .items
        .iter()
        .filter(|i| i.feature.as_ref().is_some_and(|f| ids.contains(f)))
        .collect();
    let used: IdSet<&Id> = items.iter().filter_map(|i| i.feature.as_ref()).collect();
    let broken_down = features.iter().filter(|f| used.contains(&f.id)).count();
    let per_quarter = velocity(p).map(|v| v * sprints_per_quarter(p));
    // Now and Next are taken as a quarter each; Later has no time box to check.
    let capacity = match bucket {
        Bucket::Horizon(Horizon::Later) => None,
        _ => per_quarter,
    };
    Reality {
        features: features.len(),
        broken_down,
        items: items.len(),
        estimated: items.iter().filter(|i| i.estimate.is_some()).count(),
        ready: items
            .iter()
            .filter(|i| {
                i.status == super::workspace::ItemStatus::Done
                    || readiness::is_ready(&p.definition_of_ready, i)
            })
            .count(),
        points_left: items
            .iter()
            .filter(|i| i.status != super::workspace::ItemStatus::Done)
            .filter_map(|i| i.estimate)
            .sum::<f64>()
            + 0.0,
        capacity,
        time_boxed: !matches!(bucket, Bucket::Horizon(Horizon::Later)),
        slipping: features
            .iter()
            .filter(|f| slipping.contains_key(&f.id))
            .count(),
    }
}
