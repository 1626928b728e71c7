//! Sprint planning: committed points against capacity, velocity from finished sprints,
//! and a forecast of which sprint each remaining backlog item lands in.

use super::ids::Id;
use super::workspace::{ItemStatus, Priority, Product, Sprint, SprintState};
use std::collections::HashMap;

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
    /// What the sprint can hold: for a sprint not finished, the lower of its capacity and
    /// the velocity (`sprint_limit`); for a finished one, its capacity.
    pub limit: Option<f64>,
    /// The velocity when it is what sets the limit (below the capacity, or no capacity).
    pub by_velocity: Option<f64>,
}

impl SprintLoad {
    /// Points planned beyond what the sprint can hold.
    pub fn over_by(&self) -> Option<f64> {
        let c = self.limit?;
        (self.committed > c + 1e-9).then_some(self.committed - c)
    }
}

pub fn sprint_load(p: &Product, s: &Sprint) -> SprintLoad {
    load_at(p, s, velocity(p))
}

/// The load of every sprint, in order: the velocity is worked out once for all of them
/// (it is a pass over the whole backlog), not once per sprint.
pub fn sprint_loads(p: &Product) -> Vec<SprintLoad> {
    let vel = velocity(p);
    p.sprints.iter().map(|s| load_at(p, s, vel)).collect()
}

/// `sprint_load` given the product's velocity.
fn load_at(p: &Product, s: &Sprint, velocity: Option<f64>) -> SprintLoad {
    let vel = velocity.filter(|_| s.state != SprintState::Finished);
    let limit = sprint_limit(s.capacity, vel);
    let mut load = SprintLoad {
        sprint: s.id.clone(),
        committed: 0.0,
        done: 0.0,
        items: 0,
        unestimated: 0,
        capacity: s.capacity,
        limit,
        by_velocity: vel.filter(|v| Some(*v) == limit && s.capacity != limit),
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
    /// Planned into this sprint, but beyond what the sprint can hold (`sprint_limit`):
    /// the sprint is over-committed and this item, in backlog order, is past the line.
    AtRisk(Id),
    /// In the n-th sprint after the last one that exists (1-based), at the velocity.
    Future(usize),
    /// No estimate, so it cannot be placed.
    NeedsEstimate,
    /// No velocity and no capacity to forecast with.
    Unknown,
    /// A Won't item: the team has decided not to do it, so it is never forecast.
    Wont,
}

/// The points a sprint can hold: the lower of its capacity and the velocity (what the
/// team has shown it finishes), either one where only one is known.
pub fn sprint_limit(capacity: Option<f64>, velocity: Option<f64>) -> Option<f64> {
    match (capacity, velocity) {
        (Some(c), Some(v)) => Some(c.min(v)),
        (c, v) => c.or(v),
    }
}

/// The upcoming (not finished) sprints with what they can hold and what is planned in.
struct Upcoming<'a> {
    sprints: Vec<&'a Sprint>,
    limit: Vec<f64>,
    /// Points planned into each, done ones first, then the rest in backlog order.
    used: Vec<f64>,
}

impl<'a> Upcoming<'a> {
    fn of(p: &'a Product, vel: Option<f64>) -> Self {
        let sprints: Vec<&Sprint> = p
            .sprints
            .iter()
            .filter(|s| s.state != SprintState::Finished)
            .collect();
        let limit = sprints
            .iter()
            .map(|s| sprint_limit(s.capacity, vel).unwrap_or(0.0))
            .collect();
        let mut used = vec![0.0; sprints.len()];
        // Points already done count first: they are in, whatever their rank.
        for i in p.items.iter().filter(|i| i.status == ItemStatus::Done) {
            if let (Some(n), Some(e)) = (Self::index(&sprints, i.sprint.as_ref()), i.estimate) {
                used[n] += e;
            }
        }
        Upcoming {
            sprints,
            limit,
            used,
        }
    }

    fn index(sprints: &[&Sprint], id: Option<&Id>) -> Option<usize> {
        let id = id?;
        sprints.iter().position(|s| &s.id == id)
    }
}

/// Walks the backlog in rank order. Items planned into an upcoming sprint stay there, but
/// those past what the sprint can hold (`sprint_limit`) are at risk. The rest fill the
/// upcoming sprints' remaining room in order (an item that does not fit moves the cursor on:
/// later items do not go back to fill a gap), then imaginary sprints of one velocity each.
/// An item bigger than a whole sprint still lands in the next sprint that is empty. Won't
/// items are never forecast; items that are not ready are (the backlog flags them).
pub fn forecast(p: &Product) -> HashMap<Id, Slot> {
    let vel = velocity_of(p, &planned_by_sprint(p));
    let mut up = Upcoming::of(p, vel);
    let mut out = HashMap::with_capacity(p.items.len());
    // First the planned items, so that what is left for the others is known.
    for i in p.items.iter().filter(|i| i.status != ItemStatus::Done) {
        let Some(n) = Upcoming::index(&up.sprints, i.sprint.as_ref()) else {
            continue;
        };
        let id = up.sprints[n].id.clone();
        let points = i.estimate.unwrap_or(0.0);
        up.used[n] += points;
        let past_the_line = points > 0.0 && up.used[n] > up.limit[n] + 1e-9;
        out.insert(
            i.id.clone(),
            if past_the_line {
                Slot::AtRisk(id)
            } else {
                Slot::Sprint(id)
            },
        );
    }
    let mut room: Vec<f64> = up.limit.iter().zip(&up.used).map(|(l, u)| l - u).collect();
    // A sprint with nothing planned or forecast into it takes even an item bigger than itself.
    let mut empty: Vec<bool> = up
        .used
        .iter()
        .zip(&up.limit)
        .map(|(u, l)| *u == 0.0 && *l > 0.0)
        .collect();
    let fits = |room: f64, empty: bool, points: f64| room >= points || empty;
    let mut cursor = 0usize;
    let (mut future, mut future_room) = (0usize, 0.0f64);
    for i in &p.items {
        if out.contains_key(&i.id) {
            continue;
        }
        let slot = if i.status == ItemStatus::Done {
            Slot::Done
        } else if i.priority == Some(Priority::Wont) {
            Slot::Wont
        } else if let Some(points) = i.estimate {
            while cursor < up.sprints.len() && !fits(room[cursor], empty[cursor], points) {
                cursor += 1;
            }
            if cursor < up.sprints.len() {
                room[cursor] -= points;
                empty[cursor] = false;
                Slot::Sprint(up.sprints[cursor].id.clone())
            } else if let Some(v) = vel.filter(|v| *v > 0.0) {
                if future == 0 || !fits(future_room, future_room == v, points) {
                    future += 1;
                    future_room = v;
                }
                future_room -= points;
                Slot::Future(future)
            } else {
                Slot::Unknown
            }
        } else {
            Slot::NeedsEstimate
        };
        out.insert(i.id.clone(), slot);
    }
    out
}
