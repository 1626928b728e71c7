//! Dependencies: a feature or backlog item that waits for others of its kind in the same
//! product (`depends_on`). The other end "blocks" it.
//!
//! The rules (checked with the product's others in `invariants`): a dependency names an
//! existing entity of the same kind, not itself, once; and no chain of them comes back to
//! where it started, since such work could never begin.

use super::command::Kind;
use super::error::Rule;
use super::ids::{Id, IdSet};
use super::workspace::{Item, ItemStatus, Product};
use std::collections::HashMap;

/// The entities of one kind that wait for something, with what each waits for, in the
/// document's order, and a lookup of any entity's dependencies by id.
///
/// Sets of ids and scans, no map: this is checked on every load, so it is in the first
/// download, and a map of its own cost that more than the checks themselves.
pub struct Graph<'a> {
    nodes: Vec<(&'a Id, &'a [Id])>,
    deps_of: &'a dyn Fn(&Id) -> Option<&'a [Id]>,
}

impl<'a> Graph<'a> {
    pub fn new(
        nodes: impl Iterator<Item = (&'a Id, &'a [Id])>,
        deps_of: &'a dyn Fn(&Id) -> Option<&'a [Id]>,
    ) -> Self {
        Graph {
            nodes: nodes.filter(|(_, d)| !d.is_empty()).collect(),
            deps_of,
        }
    }

    fn of(&self, id: &Id) -> &'a [Id] {
        (self.deps_of)(id).unwrap_or(&[])
    }

    /// A chain of dependencies from `start` back to itself, as the ids along it
    /// (`start` first, not repeated at the end), if there is one.
    pub fn cycle_through(&self, start: &'a Id) -> Option<Vec<&'a Id>> {
        // Depth first, keeping the path: each id is entered once.
        let mut seen: IdSet<&Id> = IdSet::default();
        let mut path: Vec<(&Id, usize)> = vec![(start, 0)];
        seen.insert(start);
        while let Some((id, next)) = path.last_mut() {
            let Some(dep) = self.of(id).get(*next) else {
                path.pop();
                continue;
            };
            *next += 1;
            if dep == start {
                return Some(path.iter().map(|(id, _)| *id).collect());
            }
            if seen.insert(dep) {
                path.push((dep, 0));
            }
        }
        None
    }

    /// Some cycle, as `cycle_through` gives it. Entities whose dependencies are all
    /// outside the set left are taken out, round after round; what cannot be taken out
    /// waits, directly or not, for itself.
    pub fn any_cycle(&self) -> Option<Vec<&'a Id>> {
        let mut left: Vec<(&Id, &[Id])> = self.nodes.clone();
        loop {
            let waiting: IdSet<&Id> = left.iter().map(|(id, _)| *id).collect();
            let before = left.len();
            left.retain(|(_, deps)| deps.iter().any(|d| waiting.contains(d)));
            if left.len() == before {
                break;
            }
        }
        left.iter().find_map(|(id, _)| self.cycle_through(id))
    }
}

/// Why `deps` (of the entity `own`, of kind `kind`) breaks a rule: `known` holds the ids
/// of its kind.
pub fn check_list(own: &Id, deps: &[Id], known: &IdSet<&Id>, kind: Kind) -> Result<(), Rule> {
    for (n, d) in deps.iter().enumerate() {
        if d == own {
            return Err(Rule::WaitsForItself);
        }
        if !known.contains(d) {
            return Err(Rule::WaitsForMissing(kind, d.clone()));
        }
        if deps[..n].contains(d) {
            return Err(Rule::WaitsTwice(kind, d.clone()));
        }
    }
    Ok(())
}

/// Drops every dependency on an id that is no longer in the product (after a delete or a
/// theme moving to another product): the other end is gone, so it waits for nothing.
pub fn prune(p: &mut Product) {
    let features: IdSet<Id> = p.features.iter().map(|f| f.id.clone()).collect();
    for f in &mut p.features {
        f.depends_on.retain(|d| features.contains(d));
    }
    if p.items.iter().all(|i| i.depends_on.is_empty()) {
        return;
    }
    let items: IdSet<Id> = p.items.iter().map(|i| i.id.clone()).collect();
    for i in &mut p.items {
        i.depends_on.retain(|d| items.contains(d));
    }
}

/// Whether any item waits for `id`.
pub fn item_is_needed(p: &Product, id: &Id) -> bool {
    p.items.iter().any(|i| i.depends_on.contains(id))
}

/// What is wrong with the order of an item and what it waits for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum OrderProblem {
    /// Ranked above a blocker that is not done (its id).
    RankedBefore(Id),
    /// Planned into a sprint that comes before its blocker's, or the blocker is in no
    /// sprint at all (its id).
    PlannedBefore(Id),
}

/// Per item that waits for something not done: the ids it waits for, and the first
/// problem with its place. One pass over the backlog plus one per dependency.
pub fn item_blocks(p: &Product) -> HashMap<&Id, (Vec<&Id>, Option<OrderProblem>)> {
    let mut out = HashMap::new();
    if p.items.iter().all(|i| i.depends_on.is_empty()) {
        return out;
    }
    let rank: HashMap<&Id, usize> = p
        .items
        .iter()
        .enumerate()
        .map(|(n, i)| (&i.id, n))
        .collect();
    // Blockers are found through `rank`, not `Product::item`: a scan of the backlog for
    // each dependency of each row made every redraw of a large backlog quadratic.
    let item = |id: &Id| rank.get(id).map(|&n| &p.items[n]);
    let sprint_at = |s: Option<&Id>| s.and_then(|s| p.sprints.iter().position(|x| &x.id == s));
    for (n, i) in p.items.iter().enumerate() {
        if i.depends_on.is_empty() || i.status == ItemStatus::Done {
            continue;
        }
        // What it waits for that is not done, in its list's order.
        let open: Vec<&Item> = i
            .depends_on
            .iter()
            .filter_map(&item)
            .filter(|b| b.status != ItemStatus::Done)
            .collect();
        if open.is_empty() {
            continue;
        }
        let mine = sprint_at(i.sprint.as_ref());
        let problem = open.iter().find_map(|b| {
            let theirs = sprint_at(b.sprint.as_ref());
            let planned_first = match (mine, theirs) {
                (Some(_), None) => true,
                (Some(m), Some(t)) => m < t,
                (None, _) => false,
            };
            if planned_first {
                Some(OrderProblem::PlannedBefore(b.id.clone()))
            } else if rank.get(&b.id).is_some_and(|r| *r > n) {
                Some(OrderProblem::RankedBefore(b.id.clone()))
            } else {
                None
            }
        });
        let open = open.into_iter().map(|b| &b.id).collect();
        out.insert(&i.id, (open, problem));
    }
    out
}
