//! Sprint planning: committed points against capacity, velocity from finished sprints,
//! and a forecast of which sprint each remaining backlog item lands in.

use super::ids::Id;
use super::workspace::{ItemStatus, Product, Sprint, SprintState};
use std::collections::{HashMap, HashSet};

/// How full a sprint is.
#[derive(Clone, Debug, PartialEq)]
pub struct SprintLoad {
    pub sprint: Id,
    /// Points of every item planned into the sprint.
    pub committed: f64,
    /// Points of its finished items.
    pub done: f64,
    pub items: usize,
    /// Items in the sprint with no estimate: the load may be understated.
    pub unestimated: usize,
    pub capacity: Option<f64>,
}

impl SprintLoad {
    pub fn over_by(&self) -> Option<f64> {
        let c = self.capacity?;
        (self.committed > c).then_some(self.committed - c)
    }
}

pub fn sprint_load(p: &Product, s: &Sprint) -> SprintLoad {
    let mut load = SprintLoad {
        sprint: s.id.clone(),
        committed: 0.0,
        done: 0.0,
        items: 0,
        unestimated: 0,
        capacity: s.capacity,
    };
    for i in p.items.iter().filter(|i| i.sprint.as_ref() == Some(&s.id)) {
        load.items += 1;
        match i.estimate {
            Some(e) => {
                load.committed += e;
                if i.status == ItemStatus::Done {
                    load.done += e;
                }
            }
            None => load.unestimated += 1,
        }
    }
    load
}

/// What the backlog has planned into each sprint id, from one pass over the items:
/// `sprint_load` for every sprint would walk the backlog once per sprint.
#[derive(Default)]
struct Planned {
    committed: f64,
    done: f64,
    items: usize,
}

fn planned_by_sprint(p: &Product) -> HashMap<&Id, Planned> {
    let mut by_sprint: HashMap<&Id, Planned> = HashMap::new();
    for i in &p.items {
        let Some(s) = &i.sprint else { continue };
        // Summed in backlog order, as `sprint_load` does, so the floats come out the same.
        let planned = by_sprint.entry(s).or_default();
        planned.items += 1;
        if let Some(e) = i.estimate {
            planned.committed += e;
            if i.status == ItemStatus::Done {
                planned.done += e;
            }
        }
    }
    by_sprint
}

/// Average points done per finished sprint, over the last three finished sprints (in the
/// product's sprint order). `None` before any sprint has finished.
pub fn velocity(p: &Product) -> Option<f64> {
    velocity_of(p, &planned_by_sprint(p))
}

fn velocity_of(p: &Product, planned: &HashMap<&Id, Planned>) -> Option<f64> {
    let finished: Vec<&Sprint> = p
        .sprints
        .iter()
        .filter(|s| s.state == SprintState::Finished)
        .collect();
    let last: Vec<&&Sprint> = finished.iter().rev().take(3).collect();
    if last.is_empty() {
        return None;
    }
    let total: f64 = last
        .iter()
        .map(|s| planned.get(&s.id).map_or(0.0, |l| l.done))
        .sum();
    Some(total / last.len() as f64)
}

/// Where the forecast puts an item.
#[derive(Clone, Debug, PartialEq)]
pub enum Slot {
    /// Already done.
    Done,
    /// In this sprint (planned into it, or it is where the backlog order lands it).
    Sprint(Id),
    /// In the n-th sprint after the last one that exists (1-based), at the velocity.
    Future(usize),
    /// No estimate, so it cannot be placed.
    NeedsEstimate,
    /// No velocity and no capacity to forecast with.
    Unknown,
}

/// Walks the backlog in rank order and fills the upcoming (not finished) sprints up to
/// their capacity (or the velocity when they have none), after what is already planned
/// into them; then imaginary sprints of one velocity each. The order is kept: once an item
/// does not fit, later items do not go back to fill the gap. An item bigger than a whole
/// sprint still lands in the next sprint that is empty.
pub fn forecast(p: &Product) -> HashMap<Id, Slot> {
    let planned = planned_by_sprint(p);
    let vel = velocity_of(p, &planned);
    let upcoming: Vec<&Sprint> = p
        .sprints
        .iter()
        .filter(|s| s.state != SprintState::Finished)
        .collect();
    let is_upcoming: HashSet<&Id> = upcoming.iter().map(|s| &s.id).collect();
    let nothing = Planned::default();
    let loads: Vec<&Planned> = upcoming
        .iter()
        .map(|s| planned.get(&s.id).unwrap_or(&nothing))
        .collect();
    let mut room: Vec<f64> = upcoming
        .iter()
        .zip(&loads)
        .map(|(s, l)| s.capacity.or(vel).unwrap_or(0.0) - l.committed)
        .collect();
    // A sprint with nothing planned or forecast into it takes even an item bigger than itself.
    let mut empty: Vec<bool> = upcoming
        .iter()
        .zip(&loads)
        .map(|(s, l)| l.items == 0 && s.capacity.or(vel).unwrap_or(0.0) > 0.0)
        .collect();
    let fits = |room: f64, empty: bool, points: f64| room >= points || empty;
    let mut out = HashMap::with_capacity(p.items.len());
    let mut cursor = 0usize;
    let (mut future, mut future_room) = (0usize, 0.0f64);
    for i in &p.items {
        if i.status == ItemStatus::Done {
            out.insert(i.id.clone(), Slot::Done);
            continue;
        }
        if let Some(s) = i.sprint.as_ref().filter(|s| is_upcoming.contains(s)) {
            out.insert(i.id.clone(), Slot::Sprint(s.clone()));
            continue;
        }
        let Some(points) = i.estimate else {
            out.insert(i.id.clone(), Slot::NeedsEstimate);
            continue;
        };
        while cursor < upcoming.len() && !fits(room[cursor], empty[cursor], points) {
            cursor += 1;
        }
        if cursor < upcoming.len() {
            room[cursor] -= points;
            empty[cursor] = false;
            out.insert(i.id.clone(), Slot::Sprint(upcoming[cursor].id.clone()));
            continue;
        }
        let Some(v) = vel.filter(|v| *v > 0.0) else {
            out.insert(i.id.clone(), Slot::Unknown);
            continue;
        };
        if future == 0 || !fits(future_room, future_room == v, points) {
            future += 1;
            future_room = v;
        }
        future_room -= points;
        out.insert(i.id.clone(), Slot::Future(future));
    }
    out
}
