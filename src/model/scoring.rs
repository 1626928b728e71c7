//! Prioritisation schemes, computed from an item's inputs and shown side by side.

use super::workspace::{Item, Priority};

/// The schemes a backlog can be sorted or re-ranked by.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Scheme {
    /// The backlog's own order.
    Rank,
    Moscow,
    ValueEffort,
    Wsjf,
    Rice,
}

impl Scheme {
    pub const ALL: [Scheme; 5] = [
        Scheme::Rank,
        Scheme::Moscow,
        Scheme::ValueEffort,
        Scheme::Wsjf,
        Scheme::Rice,
    ];
    pub fn key(self) -> &'static str {
        match self {
            Scheme::Rank => "rank",
            Scheme::Moscow => "moscow",
            Scheme::ValueEffort => "value-effort",
            Scheme::Wsjf => "wsjf",
            Scheme::Rice => "rice",
        }
    }

    pub fn from_key(k: &str) -> Option<Scheme> {
        Scheme::ALL.into_iter().find(|s| s.key() == k)
    }
}

/// Value divided by effort; `None` until both are set and effort is above zero.
pub fn value_effort(i: &Item) -> Option<f64> {
    let (v, e) = (i.scores.value?, i.scores.effort?);
    (e > 0.0).then(|| v / e)
}

/// Weighted Shortest Job First: (business value + time criticality + risk reduction) / job size.
pub fn wsjf(i: &Item) -> Option<f64> {
    let s = &i.scores;
    let cost_of_delay = s.business_value? + s.time_criticality? + s.risk_reduction?;
    let size = s.job_size?;
    (size > 0.0).then(|| cost_of_delay / size)
}

/// RICE: reach × impact × confidence (as a fraction) ÷ effort.
pub fn rice(i: &Item) -> Option<f64> {
    let s = &i.scores;
    let (reach, impact, confidence, effort) = (s.reach?, s.impact?, s.confidence?, s.effort?);
    (effort > 0.0).then(|| reach * impact * (confidence / 100.0) / effort)
}

/// MoSCoW as a number where higher comes first: Must 4 … Won't 1.
pub fn moscow(i: &Item) -> Option<f64> {
    i.priority.map(|p| match p {
        Priority::Must => 4.0,
        Priority::Should => 3.0,
        Priority::Could => 2.0,
        Priority::Wont => 1.0,
    })
}

pub fn score(scheme: Scheme, i: &Item) -> Option<f64> {
    match scheme {
        Scheme::Rank => None,
        Scheme::Moscow => moscow(i),
        Scheme::ValueEffort => value_effort(i),
        Scheme::Wsjf => wsjf(i),
        Scheme::Rice => rice(i),
    }
}

/// Indices of `items` in the order a scheme puts them: highest score first, items
/// without a score last, ties kept in backlog order (a stable sort).
pub fn order_by(scheme: Scheme, items: &[&Item]) -> Vec<usize> {
    let mut idx: Vec<usize> = (0..items.len()).collect();
    if scheme == Scheme::Rank {
        return idx;
    }
    let scores: Vec<Option<f64>> = items.iter().map(|i| score(scheme, i)).collect();
    idx.sort_by(|&a, &b| match (scores[a], scores[b]) {
        (Some(x), Some(y)) => y.partial_cmp(&x).unwrap_or(std::cmp::Ordering::Equal),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => std::cmp::Ordering::Equal,
    });
    idx
}
