//! A sprint's burndown: the points left on each day, from what the app records (the day
//! each item was marked done, `Item::done_on`, and the sprint's scope when it was started,
//! `Sprint::scope`), and the ideal line from that scope to nothing on the last day.

use super::dates::Day;
use super::ids::Id;
use super::workspace::{ItemStatus, Product};

#[derive(Clone, Debug, PartialEq)]
pub struct Burndown {
    /// The sprint's first and last day.
    pub start: Day,
    pub end: Day,
    /// The first day with a record: the start, or later when the sprint was started
    /// late or began before the app recorded burndowns.
    pub from: Day,
    /// True when the sprint began before the app recorded its scope: the chart starts
    /// from the first day it knows of.
    pub recorded_late: bool,
    /// Where the ideal line starts (`from`, this many points).
    pub scope: f64,
    /// Points left at the end of each day, from `from` to today or the last day.
    pub left: Vec<(Day, f64)>,
    /// Done items with no recorded day, counted as done before `from`.
    pub undated_done: usize,
}

impl Burndown {
    /// The highest number of points the chart shows, for its scale.
    pub fn top(&self) -> f64 {
        self.left
            .iter()
            .map(|(_, p)| *p)
            .fold(self.scope, f64::max)
            .max(1.0)
    }
}

/// The burndown of a dated sprint, up to `today`. `None` for a sprint without both dates
/// or one that has not begun by `today`.
pub fn burndown(p: &Product, sprint: &Id, today: Day) -> Option<Burndown> {
    let s = p.sprint(sprint)?;
    let (start, end) = (s.start?, s.end?);
    let items: Vec<_> = p
        .items
        .iter()
        .filter(|i| i.sprint.as_ref() == Some(sprint))
        .collect();
    let first_done = items.iter().filter_map(|i| i.done_on).min();
    let (from, recorded_late) = match &s.scope {
        Some(scope) => (scope.day.max(start), false),
        None => (first_done.unwrap_or(today).max(start), true),
    };
    let last = today.min(end);
    if last < from {
        return None;
    }
    let left_on = |d: Day| -> f64 {
        items
            .iter()
            .filter(|i| i.status != ItemStatus::Done || i.done_on.is_some_and(|x| x > d))
            .filter_map(|i| i.estimate)
            .sum::<f64>()
            + 0.0
    };
    // Before `from` nothing was recorded, so the first point is the scope recorded on
    // that day where there is one.
    let scope = match &s.scope {
        Some(scope) => scope.points,
        None => left_on(from.add_days(-1)),
    };
    let days = (last.ordinal() - from.ordinal()) as usize + 1;
    let left = (0..days)
        .map(|n| from.add_days(n as i64))
        .map(|d| (d, left_on(d)))
        .collect();
    Some(Burndown {
        start,
        end,
        from,
        recorded_late,
        scope,
        left,
        undated_done: items
            .iter()
            .filter(|i| i.status == ItemStatus::Done && i.done_on.is_none())
            .count(),
    })
}
