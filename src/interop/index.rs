//! The product an import goes into, looked up by key and by id in constant time: a
//! re-import of 10,000 rows into a backlog of 10,000 items would otherwise scan the
//! backlog once per row, a hundred million comparisons.

use crate::model::ids::IdMap;
use crate::model::{Feature, Id, Item, Product};
use std::collections::HashMap;

/// An item or feature of the product that has a key.
#[derive(Clone, Copy)]
pub(super) enum Keyed<'a> {
    Item(&'a Item),
    Feature(&'a Feature),
}

#[derive(Default)]
pub(super) struct Index<'a> {
    pub product: Option<&'a Product>,
    keys: HashMap<&'a str, Keyed<'a>>,
    items: IdMap<&'a Id, &'a Item>,
    features: IdMap<&'a Id, &'a Feature>,
}

impl<'a> Index<'a> {
    pub fn new(product: Option<&'a Product>) -> Index<'a> {
        let mut x = Index {
            product,
            ..Index::default()
        };
        let Some(p) = product else { return x };
        // Items after features: where both have a key, the item is the one matched.
        for f in &p.features {
            x.features.insert(&f.id, f);
            if let Some(k) = &f.key {
                x.keys.insert(k, Keyed::Feature(f));
            }
        }
        for i in &p.items {
            x.items.insert(&i.id, i);
            if let Some(k) = &i.key {
                x.keys.insert(k, Keyed::Item(i));
            }
        }
        x
    }

    pub fn by_key(&self, key: &str) -> Option<Keyed<'a>> {
        self.keys.get(key).copied()
    }

    pub fn item(&self, id: &Id) -> Option<&'a Item> {
        self.items.get(id).copied()
    }

    pub fn feature(&self, id: &Id) -> Option<&'a Feature> {
        self.features.get(id).copied()
    }
}
