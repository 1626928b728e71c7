//! A plan made into one command, so the import is one step to undo.

use super::changes::feature_status;
use super::detect::same;
use super::index::Index;
use super::plan::{Entry, Link, Plan, What};
use crate::model::ids::prefix;
use crate::model::{
    Command, Entity, Feature, Id, Item, ItemKind, ItemStatus, Product, Sprint, SprintState,
};

/// The command that makes the import: a new product with everything in it
/// (`AddProduct`) when `product` is `None`, or else a `Batch` that adds the new sprints,
/// features and items and edits those the file updates. `product` must be the one the
/// plan was made against; `next_id` gives fresh ids, as for any command.
pub fn apply(
    plan: &Plan,
    product: Option<&Product>,
    mut next_id: impl FnMut(&str) -> Id,
) -> Command {
    let mut sprints: Vec<Sprint> = Vec::new();
    for name in &plan.new_sprints {
        sprints.push(Sprint {
            id: next_id(prefix::SPRINT),
            name: name.clone(),
            goal: String::new(),
            start: None,
            end: None,
            capacity: None,
            state: SprintState::Planned,
            scope: None,
        });
    }
    let ids: Vec<Id> = plan
        .entries
        .iter()
        .map(|e| match (&e.existing, e.what) {
            (Some(id), _) => id.clone(),
            (None, What::Feature) => next_id(prefix::FEATURE),
            (None, What::Item(_)) => next_id(prefix::ITEM),
        })
        .collect();
    let sprint_id = |name: &str| {
        let known = product.into_iter().flat_map(|p| &p.sprints);
        known
            .chain(&sprints)
            .find(|s| same(&s.name, name))
            .map(|s| s.id.clone())
    };
    let link_id = |l: &Link| match l {
        Link::Entry(j) => ids[*j].clone(),
        Link::Existing(id) => id.clone(),
    };
    let index = Index::new(product);
    let mut features = Vec::new();
    let mut items = Vec::new();
    for (e, id) in plan.entries.iter().zip(&ids) {
        match e.what {
            What::Feature => features.push(feature(e, id, index.feature(id), &link_id)),
            What::Item(kind) => {
                let was = index.item(id);
                items.push(item(e, kind, id, was, &link_id, &sprint_id));
            }
        }
    }
    match product {
        None => {
            let mut p = Product::new(next_id(prefix::PRODUCT), plan.product_name.clone());
            p.sprints = sprints;
            p.features = features;
            p.items = items;
            Command::AddProduct {
                product: Box::new(p),
                index: None,
            }
        }
        Some(p) => batch(plan, p, &index, sprints, features, items),
    }
}

/// Adds what is new, edits what changed; an entity the file leaves as it is is left out.
fn batch(
    plan: &Plan,
    p: &Product,
    index: &Index,
    sprints: Vec<Sprint>,
    features: Vec<Feature>,
    items: Vec<Item>,
) -> Command {
    let add = |entity| Command::Add {
        product: p.id.clone(),
        entity,
        index: None,
    };
    let edit = |entity| Command::Edit {
        product: p.id.clone(),
        entity,
    };
    let mut commands: Vec<Command> = sprints
        .into_iter()
        .map(|s| add(Entity::Sprint(s)))
        .collect();
    for f in features {
        match index.feature(&f.id) {
            None => commands.push(add(Entity::Feature(f))),
            Some(was) if was != &f => commands.push(edit(Entity::Feature(f))),
            Some(_) => {}
        }
    }
    for i in items {
        match index.item(&i.id) {
            None => commands.push(add(Entity::Item(i))),
            Some(was) if was != &i => commands.push(edit(Entity::Item(i))),
            Some(_) => {}
        }
    }
    Command::Batch {
        label: format!("import from {}", plan.format.name()),
        commands,
    }
}

/// `deps` with the ids of `more` added, each once.
fn with_links(mut deps: Vec<Id>, more: &[Link], link_id: &impl Fn(&Link) -> Id) -> Vec<Id> {
    for l in more {
        let id = link_id(l);
        if !deps.contains(&id) {
            deps.push(id);
        }
    }
    deps
}

fn feature(e: &Entry, id: &Id, was: Option<&Feature>, link_id: &impl Fn(&Link) -> Id) -> Feature {
    let mut f = was
        .cloned()
        .unwrap_or_else(|| Feature::new(id.clone(), e.title.clone(), None));
    f.title = e.title.clone();
    if let Some(d) = &e.description {
        f.description = d.clone();
    }
    if let Some(s) = e.status {
        f.status = feature_status(was.map(|w| w.status), s);
    }
    if f.key.is_none() {
        f.key = e.key.clone();
    }
    f.depends_on = with_links(std::mem::take(&mut f.depends_on), &e.deps, link_id);
    f
}

fn item(
    e: &Entry,
    kind: ItemKind,
    id: &Id,
    was: Option<&Item>,
    link_id: &impl Fn(&Link) -> Id,
    sprint_id: &impl Fn(&str) -> Option<Id>,
) -> Item {
    let mut i = was
        .cloned()
        .unwrap_or_else(|| Item::new(id.clone(), kind, e.title.clone()));
    i.kind = kind;
    i.title = e.title.clone();
    if let Some(d) = &e.description {
        i.description = d.clone();
    }
    if let Some(v) = e.estimate {
        i.estimate = v;
    }
    if let Some(v) = e.priority {
        i.priority = v;
    }
    if let Some(s) = e.status {
        // A done day is the tool's when the app has none; it goes when the item reopens.
        i.done_on = match s {
            ItemStatus::Done => i.done_on.or(e.done_on),
            _ => None,
        };
        i.status = s;
    }
    if let Some(parent) = &e.parent {
        i.feature = parent.as_ref().map(link_id);
    }
    if let Some(sprint) = &e.sprint {
        i.sprint = sprint.as_deref().and_then(sprint_id);
    }
    if i.key.is_none() {
        i.key = e.key.clone();
    }
    i.depends_on = with_links(std::mem::take(&mut i.depends_on), &e.deps, link_id);
    i
}
