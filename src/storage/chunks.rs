//! How one product is laid out over several keys (storage versions 2 and 3, alike but
//! for the version they write: 3 holds content version 2): a *core* key with
//! everything but the backlog items plus the backlog order, and up to [`CHUNKS`] item
//! keys, each holding the items whose id hashes to it. An edit to one item rewrites one
//! chunk (about 1/32 of the backlog) instead of the whole product; a reorder rewrites the
//! core. Pure, so the layout is tested natively.

use super::format::{FORMAT, ITEMS_PREFIX, STORAGE_VERSION};
use crate::model::{Feature, Id, Item, Objective, Product, ReadyRule, Release, Sprint, Theme};
use serde::Serialize;

/// Item keys per product. Fixed: an item's chunk must not change while it is stored (a
/// loader rejects an item found in the wrong chunk, so nothing can be stored twice).
pub const CHUNKS: usize = 32;

/// The chunk an item is stored in: FNV-1a of its id. Stable across builds and platforms,
/// which `std`'s hasher does not promise.
pub fn chunk_of(id: &Id) -> usize {
    let mut h: u32 = 0x811c_9dc5;
    for b in id.as_str().bytes() {
        h ^= u32::from(b);
        h = h.wrapping_mul(0x0100_0193);
    }
    (h as usize) % CHUNKS
}

pub fn items_key(product: &Id, chunk: usize, rev: u64) -> String {
    format!("{ITEMS_PREFIX}{product}.{chunk}.{rev}")
}

/// The items of a backlog grouped by chunk, each group in backlog order.
pub fn split(items: &[Item]) -> Vec<Vec<&Item>> {
    let mut out = vec![Vec::new(); CHUNKS];
    for i in items {
        out[chunk_of(&i.id)].push(i);
    }
    out
}

/// The product's fields other than its items, borrowed for writing. Built by exhaustive
/// destructuring, so a field added to `Product` does not compile until it is stored.
#[derive(Serialize)]
struct CoreOut<'a> {
    id: &'a Id,
    name: &'a str,
    vision: &'a crate::model::Vision,
    goal: &'a str,
    budget_note: &'a str,
    objectives: &'a [Objective],
    themes: &'a [Theme],
    features: &'a [Feature],
    sprints: &'a [Sprint],
    releases: &'a [Release],
    definition_of_ready: &'a [ReadyRule],
}

impl<'a> CoreOut<'a> {
    fn of(p: &'a Product) -> CoreOut<'a> {
        let Product {
            id,
            name,
            vision,
            goal,
            budget_note,
            objectives,
            themes,
            features,
            items: _,
            sprints,
            releases,
            definition_of_ready,
        } = p;
        CoreOut {
            id,
            name,
            vision,
            goal,
            budget_note,
            objectives,
            themes,
            features,
            sprints,
            releases,
            definition_of_ready,
        }
    }
}

#[derive(Serialize)]
struct CoreEnvelopeOut<'a> {
    format: &'a str,
    version: u32,
    rev: u64,
    product: CoreOut<'a>,
    /// The backlog order: every item id, in rank order.
    order: Vec<&'a Id>,
}

pub struct CoreEnvelope {
    pub format: String,
    pub version: u32,
    pub rev: u64,
    /// The product with no items (they are in the chunks).
    pub product: Product,
    pub order: Vec<Id>,
}

#[derive(Serialize)]
struct ChunkEnvelopeOut<'a> {
    format: &'a str,
    version: u32,
    rev: u64,
    product: &'a Id,
    chunk: usize,
    items: &'a [&'a Item],
}

pub struct ChunkEnvelope {
    pub format: String,
    pub version: u32,
    pub rev: u64,
    pub product: Id,
    pub chunk: usize,
    pub items: Vec<Item>,
}

pub fn encode_core(p: &Product, rev: u64) -> String {
    serde_json::to_string(&CoreEnvelopeOut {
        format: FORMAT,
        version: STORAGE_VERSION,
        rev,
        product: CoreOut::of(p),
        order: p.items.iter().map(|i| &i.id).collect(),
    })
    .expect("a product always serialises")
}

pub fn encode_chunk(product: &Id, chunk: usize, items: &[&Item], rev: u64) -> String {
    serde_json::to_string(&ChunkEnvelopeOut {
        format: FORMAT,
        version: STORAGE_VERSION,
        rev,
        product,
        chunk,
        items,
    })
    .expect("items always serialise")
}

/// What a writer last put in storage for one product, to tell which keys an edit changed
/// without serialising the rest.
#[derive(Clone, Debug)]
pub struct Written {
    /// The product without its items.
    pub core: Product,
    pub order: Vec<Id>,
    pub chunks: Vec<Vec<Item>>,
}

impl Written {
    pub fn of(p: &Product) -> Written {
        Written {
            core: core_of(p),
            order: p.items.iter().map(|i| i.id.clone()).collect(),
            chunks: split(&p.items)
                .into_iter()
                .map(|c| c.into_iter().cloned().collect())
                .collect(),
        }
    }

    /// True when `p`'s core (everything but the items' contents) is what was written.
    pub fn same_core(&self, p: &Product) -> bool {
        CoreOut::of(&self.core) == CoreOut::of(p)
            && self.order.len() == p.items.len()
            && self.order.iter().zip(&p.items).all(|(a, b)| a == &b.id)
    }

    /// True when chunk `n` as it is in `bucket` is what was written.
    pub fn same_chunk(&self, n: usize, bucket: &[&Item]) -> bool {
        self.chunks
            .get(n)
            .is_some_and(|c| c.len() == bucket.len() && c.iter().zip(bucket).all(|(a, b)| a == *b))
    }
}

impl PartialEq for CoreOut<'_> {
    fn eq(&self, o: &Self) -> bool {
        self.id == o.id
            && self.name == o.name
            && self.vision == o.vision
            && self.goal == o.goal
            && self.budget_note == o.budget_note
            && self.objectives == o.objectives
            && self.themes == o.themes
            && self.features == o.features
            && self.sprints == o.sprints
            && self.releases == o.releases
            && self.definition_of_ready == o.definition_of_ready
    }
}

/// A copy of the product without its items.
pub fn core_of(p: &Product) -> Product {
    let c = CoreOut::of(p);
    Product {
        id: c.id.clone(),
        name: c.name.to_string(),
        vision: c.vision.clone(),
        goal: c.goal.to_string(),
        budget_note: c.budget_note.to_string(),
        objectives: c.objectives.to_vec(),
        themes: c.themes.to_vec(),
        features: c.features.to_vec(),
        items: Vec::new(),
        sprints: c.sprints.to_vec(),
        releases: c.releases.to_vec(),
        definition_of_ready: c.definition_of_ready.to_vec(),
    }
}

super::tree::fields!(CoreEnvelope {
    format: required,
    version: required,
    rev: required,
    product: required,
    order: required
});
super::tree::fields!(ChunkEnvelope {
    format: required,
    version: required,
    rev: required,
    product: required,
    chunk: required,
    items: required,
});
