//! Parents and dependencies between the rows of a file, and with what the product has:
//! a row names another by its key (or Jira's issue id), found first among the kept rows,
//! then among the product's items and features by their keys.

use super::index::{Index, Keyed};
use super::plan::{Link, Note, NoteKind, Plan, What};
use super::rows::{Becomes, Record};
use crate::model::Id;
use std::collections::HashMap;

/// What a name in a row refers to.
#[derive(Clone, Debug)]
enum Found {
    Entry(usize),
    Feature(Id),
    Item(Id),
}

struct Names<'a> {
    rows: HashMap<String, usize>,
    index: &'a Index<'a>,
}

impl Names<'_> {
    fn find(&self, name: &str) -> Option<Found> {
        if let Some(&n) = self.rows.get(name) {
            return Some(Found::Entry(n));
        }
        Some(match self.index.by_key(name)? {
            Keyed::Feature(f) => Found::Feature(f.id.clone()),
            Keyed::Item(i) => Found::Item(i.id.clone()),
        })
    }
}

/// Sets each entry's parent and the dependencies the file adds, noting what is left out.
/// `records[n]` is the row of `p.entries[n]`.
pub(super) fn resolve(records: &[&Record], index: &Index, p: &mut Plan) {
    let mut rows = HashMap::new();
    for (n, r) in records.iter().enumerate() {
        rows.insert(r.handle(), n);
        if let Some(id) = &r.other_id {
            rows.entry(id.clone()).or_insert(n);
        }
    }
    let names = Names { rows, index };
    let has_parents = p
        .columns
        .iter()
        .any(|c| matches!(c.becomes, Becomes::Parent | Becomes::TitleAtDepth(_)));
    for n in 0..records.len() {
        let parent = parent(n, records, &names, has_parents, p);
        p.entries[n].parent = parent;
    }
    dependencies(records, &names, p);
}

fn note(p: &mut Plan, row: usize, kind: NoteKind) {
    p.notes.push(Note { row, kind });
}

/// An entry's parent: `None` leaves an update's as it is.
fn parent(
    n: usize,
    records: &[&Record],
    names: &Names,
    has_parents: bool,
    p: &mut Plan,
) -> Option<Option<Link>> {
    let r = records[n];
    let Some(name) = r.parent.clone() else {
        return has_parents.then_some(None);
    };
    if p.entries[n].what == What::Feature {
        note(p, r.row, NoteKind::FeatureParentNotKept { parent: name });
        return None;
    }
    match names.find(&name) {
        Some(Found::Entry(j)) if p.entries[j].what == What::Feature => Some(Some(Link::Entry(j))),
        Some(Found::Feature(id)) => Some(Some(Link::Existing(id))),
        Some(found) => {
            let feature = feature_above(found, records, names, p);
            let title = feature.as_ref().map(|f| title_of(f, names, p));
            note(
                p,
                r.row,
                NoteKind::ParentIsItem {
                    parent: name,
                    feature: title,
                },
            );
            Some(feature)
        }
        None => {
            note(p, r.row, NoteKind::ParentOutside { parent: name });
            // A new row goes without one; an update keeps the one it has.
            p.entries[n].existing.is_none().then_some(None)
        }
    }
}

/// The feature an item (a row or one of the product's) sits under, through the item's
/// own parents: a sub-task goes under its story's epic.
fn feature_above(mut at: Found, records: &[&Record], names: &Names, p: &Plan) -> Option<Link> {
    // Rows can name each other in a circle; a real hierarchy is a few levels deep.
    for _ in 0..16 {
        at = match at {
            Found::Entry(j) if p.entries[j].what == What::Feature => return Some(Link::Entry(j)),
            Found::Entry(j) => names.find(records[j].parent.as_deref()?)?,
            Found::Feature(id) => return Some(Link::Existing(id)),
            Found::Item(id) => {
                let item = names.index.item(&id)?;
                return item.feature.clone().map(Link::Existing);
            }
        };
    }
    None
}

fn title_of(link: &Link, names: &Names, p: &Plan) -> String {
    match link {
        Link::Entry(j) => p.entries[*j].title.clone(),
        Link::Existing(id) => names
            .index
            .feature(id)
            .map(|f| f.title.clone())
            .unwrap_or_default(),
    }
}

/// A node of the dependency graph: one of the product's entities (an entry that updates
/// one is that entity) or a new entry.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
enum Node {
    Id(Id),
    Entry(usize),
}

/// The dependencies of one sort (items or features), to find loops before they are made.
#[derive(Default)]
struct Graph {
    slots: HashMap<Node, usize>,
    edges: Vec<Vec<usize>>,
}

impl Graph {
    fn slot(&mut self, node: Node) -> usize {
        let next = self.edges.len();
        let s = *self.slots.entry(node).or_insert(next);
        if s == next {
            self.edges.push(Vec::new());
        }
        s
    }

    /// Whether `to` is reached from `from` along dependencies.
    fn reaches(&self, from: usize, to: usize) -> bool {
        let mut seen = vec![false; self.edges.len()];
        let mut stack = vec![from];
        while let Some(s) = stack.pop() {
            if s == to {
                return true;
            }
            if !std::mem::replace(&mut seen[s], true) {
                stack.extend(&self.edges[s]);
            }
        }
        false
    }
}

/// The product's dependencies, already free of loops, as two graphs (items, features).
fn graphs(product: Option<&crate::model::Product>) -> [Graph; 2] {
    let mut g = [Graph::default(), Graph::default()];
    let Some(p) = product else { return g };
    let lists = p
        .items
        .iter()
        .map(|i| (0, &i.id, &i.depends_on))
        .chain(p.features.iter().map(|f| (1, &f.id, &f.depends_on)));
    for (sort, id, deps) in lists {
        let from = g[sort].slot(Node::Id(id.clone()));
        for d in deps {
            let to = g[sort].slot(Node::Id(d.clone()));
            g[sort].edges[from].push(to);
        }
    }
    g
}

/// Adds the file's links (`Blocks`: the other row waits for this one; `Blocked by`: this
/// one waits for the other) where both ends are of one sort and no loop is made.
fn dependencies(records: &[&Record], names: &Names, p: &mut Plan) {
    let mut g = graphs(names.index.product);
    for (n, r) in records.iter().enumerate() {
        let waits = r.blocked_by.iter().map(|o| (o, false));
        let blocks = r.blocks.iter().map(|o| (o, true));
        for (other, other_waits) in waits.chain(blocks) {
            let Some(found) = names.find(other) else {
                note(
                    p,
                    r.row,
                    NoteKind::LinkOutside {
                        other: other.clone(),
                    },
                );
                continue;
            };
            let me = (Some(n), p.entries[n].what == What::Feature);
            let them = match &found {
                Found::Entry(j) => (Some(*j), p.entries[*j].what == What::Feature),
                Found::Feature(_) => (None, true),
                Found::Item(_) => (None, false),
            };
            if me.1 != them.1 {
                note(
                    p,
                    r.row,
                    NoteKind::LinkAcrossKinds {
                        other: other.clone(),
                    },
                );
                continue;
            }
            let (waiter, waited) = if other_waits {
                (them.0, me.0)
            } else {
                (me.0, them.0)
            };
            // A row of the file waits on one of the product's: only rows are changed.
            let Some(waiter) = waiter else {
                note(
                    p,
                    r.row,
                    NoteKind::LinkOutside {
                        other: other.clone(),
                    },
                );
                continue;
            };
            let target = match (waited, &found) {
                (Some(j), _) => Link::Entry(j),
                (None, Found::Feature(id) | Found::Item(id)) => Link::Existing(id.clone()),
                (None, Found::Entry(j)) => Link::Entry(*j),
            };
            add_link(&mut g[usize::from(me.1)], waiter, target, r.row, other, p);
        }
    }
}

fn node_of(link: &Link, p: &Plan) -> Node {
    match link {
        Link::Entry(j) => match &p.entries[*j].existing {
            Some(id) => Node::Id(id.clone()),
            None => Node::Entry(*j),
        },
        Link::Existing(id) => Node::Id(id.clone()),
    }
}

fn add_link(g: &mut Graph, waiter: usize, target: Link, row: usize, other: &str, p: &mut Plan) {
    let from = g.slot(node_of(&Link::Entry(waiter), p));
    let to = g.slot(node_of(&target, p));
    if g.edges[from].contains(&to) {
        return;
    }
    if from == to || g.reaches(to, from) {
        let other = other.to_string();
        note(p, row, NoteKind::LinkMakesLoop { other });
        return;
    }
    g.edges[from].push(to);
    p.entries[waiter].deps.push(target);
}
