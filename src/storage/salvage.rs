//! Recovering what can still be read from raw stored keys: a "Download raw stored data"
//! file, or what a `twohats.backup.*` key holds (both are one JSON object of key → the
//! stored text). Loading takes a product whole or sets it aside; this takes every
//! product, item and value that reads and keeps the rules on its own, and names the rest
//! by where it was, so one damaged key costs what was in it and no more.
//!
//! A raw download holds the app's backups too: the document's own keys are read first,
//! then each backup, newest first, for products the document does not hold (a product
//! set aside at start-up is only in its backup).

use super::chunks::{self, CoreEnvelope};
use super::format::{self, ProductRef, BACKUP_PREFIX, CURRENT_VERSION, META_KEY, PREFIX};
use super::import::{ImportError, Imported, LeftOut};
use super::tree::{self, FromTree, Tree};
use crate::model::{validate_product, validate_workspace, Id, Item, Portfolio, Product, Workspace};
use serde_json::{Map, Value};
use std::collections::{BTreeMap, HashMap};

/// One set of stored keys with their text.
type Keys = BTreeMap<String, String>;

/// True when `root` is raw stored keys rather than an export.
pub fn is_raw(root: &Map<String, Value>) -> bool {
    !root.contains_key("format") && root.keys().any(|k| k.starts_with(PREFIX))
}

/// Everything that can be read from raw stored keys, as an import.
pub fn salvage(root: &Map<String, Value>) -> Result<Imported, ImportError> {
    let (main, backups) = sources(root);
    let mut out = Salvage::default();
    out.read_source(&main, "");
    for (name, keys) in &backups {
        out.read_source(keys, &format!("{name} › "));
    }
    if out.products.is_empty() {
        let why = out.lost.first().map_or_else(
            || "it holds no Two Hats products".to_string(),
            |l| format!("no product in it can be read (first problem — {l})"),
        );
        return Err(ImportError::new(
            "",
            format!("nothing could be recovered: {why}"),
        ));
    }
    let mut workspace = Workspace {
        portfolio: out.portfolio.unwrap_or_default(),
        roles: out.roles.unwrap_or_default(),
        products: out.products,
    };
    let ids: Vec<Id> = workspace.products.iter().map(|p| p.id.clone()).collect();
    workspace
        .portfolio
        .links
        .retain(|l| ids.contains(&l.from) && ids.contains(&l.to));
    validate_workspace(&workspace)
        .map_err(|e| ImportError::new(e.at.to_string(), e.rule.to_string()))?;
    let left_out = super::import::leave_out_of_range(&mut workspace)?;
    Ok(Imported {
        workspace,
        from_version: CURRENT_VERSION,
        exported_at: None,
        left_out,
        raw: true,
        lost: out.lost,
    })
}

/// The document's own keys, and each backup's (by key, newest first).
fn sources(root: &Map<String, Value>) -> (Keys, Vec<(String, Keys)>) {
    let mut main = Keys::new();
    let mut backups = Vec::new();
    for (k, v) in root {
        let Some(text) = v.as_str() else { continue };
        if k.starts_with(BACKUP_PREFIX) {
            let inner: Option<Map<String, Value>> = serde_json::from_str(text).ok();
            let keys = inner
                .iter()
                .flatten()
                .filter_map(|(k, v)| Some((k.clone(), v.as_str()?.to_string())))
                .collect();
            backups.push((k.clone(), keys));
        } else if format::is_document_key(k) {
            main.insert(k.clone(), text.to_string());
        }
    }
    // Stamps sort by time.
    backups.sort_by(|a, b| b.0.cmp(&a.0));
    (main, backups)
}

/// True when `keys` hold a core or an item chunk of product `id`.
fn holds_any_key_of(keys: &Keys, id: &Id) -> bool {
    keys.keys()
        .any(|k| format::parse_document_key(k).is_some_and(|(p, ..)| p == id.as_str()))
}

#[derive(Default)]
struct Salvage {
    portfolio: Option<Portfolio>,
    roles: Option<crate::model::RoleSetting>,
    products: Vec<Product>,
    lost: Vec<LeftOut>,
}

impl Salvage {
    fn lose(&mut self, at: impl Into<String>, what: impl Into<String>) {
        self.lost.push(LeftOut {
            at: at.into(),
            what: what.into(),
        });
    }

    /// Reads the products of one set of keys that are not read already.
    fn read_source(&mut self, keys: &Keys, place: &str) {
        let get = |k: &str| keys.get(k).cloned();
        // Whole and sound, as the app itself would load it: nothing to report.
        if let format::Loaded::Ok { ws, set_aside, .. } = format::decode_current::<Value>(&get) {
            if set_aside.is_empty() {
                self.portfolio.get_or_insert(ws.portfolio);
                self.roles.get_or_insert(ws.roles);
                for p in ws.products {
                    self.add(p);
                }
                return;
            }
        }
        let refs = self.refs_of(keys, place);
        for r in refs {
            if !self.products.iter().any(|p| p.id == r.id) {
                if let Some(p) = self.product(keys, &r, place) {
                    self.add(p);
                }
            }
        }
    }

    fn add(&mut self, p: Product) {
        if !self.products.iter().any(|q| q.id == p.id) {
            self.products.push(p);
        }
    }

    /// The products the index names, or, where it cannot be read, the newest keys of
    /// each product found.
    fn refs_of(&mut self, keys: &Keys, place: &str) -> Vec<ProductRef> {
        let all: Vec<String> = keys.keys().cloned().collect();
        let newest = format::newest_refs(&all);
        let Some(raw) = keys.get(META_KEY) else {
            return newest;
        };
        match tree::read::<Value, format::Meta>(raw) {
            // An older chunked layout names its keys the same way (its content reads as
            // the current one: see `format::decode_older`).
            Ok(meta) if format::is_chunked(meta.version) => {
                self.portfolio.get_or_insert(meta.portfolio);
                self.roles.get_or_insert(meta.roles);
                meta.products
            }
            Ok(meta) => {
                self.lose(
                    format!("{place}{META_KEY}"),
                    format!("storage version {} cannot be recovered item by item; the newest keys of each product were read instead", meta.version),
                );
                newest
            }
            Err(e) => {
                self.lose(
                    format!("{place}{META_KEY}"),
                    format!("the workspace index is damaged ({e}): the portfolio's name and links and the order of the products are lost; the newest keys of each product were read instead"),
                );
                newest
            }
        }
    }

    /// One product: its core, then every item that reads, in the backlog order.
    fn product(&mut self, keys: &Keys, r: &ProductRef, place: &str) -> Option<Product> {
        let core_key = format::product_key(&r.id, r.rev);
        if !holds_any_key_of(keys, &r.id) {
            // A backup holds only the products it was made for; the index it keeps
            // names the others too.
            return None;
        }
        let Some(raw) = keys.get(&core_key) else {
            self.lose(
                format!("{place}{core_key}"),
                "missing: the product and its items are lost",
            );
            return None;
        };
        let core: CoreEnvelope = match tree::read::<Value, _>(raw) {
            Ok(c) => c,
            Err(e) => {
                self.lose(
                    format!("{place}{core_key}"),
                    format!("damaged ({e}): the product and its items are lost"),
                );
                return None;
            }
        };
        let mut found: HashMap<Id, Item> = HashMap::new();
        for (n, &rev) in r.chunks.iter().enumerate().filter(|(_, rev)| **rev != 0) {
            self.items(keys, &chunks::items_key(&r.id, n, rev), place, &mut found);
        }
        let mut product = core.product;
        product.items = core
            .order
            .iter()
            .filter_map(|id| found.remove(id))
            .collect();
        let missing = core.order.len() - product.items.len();
        if missing > 0 {
            self.lose(
                format!("{place}product {} ({})", product.name, product.id),
                if missing == 1 {
                    "1 item of its backlog was in a damaged or missing part and is lost".to_string()
                } else {
                    format!("{missing} items of its backlog were in damaged or missing parts and are lost")
                },
            );
        }
        // Items stored but not in the order: real items, kept at the end.
        product.items.extend(found.into_values());
        if let Err(e) = validate_product(&product) {
            self.lose(
                format!("{place}{}", e.at),
                format!("{}: the product is left out", e.rule),
            );
            return None;
        }
        Some(product)
    }

    /// Every item of one chunk that reads on its own.
    fn items(&mut self, keys: &Keys, key: &str, place: &str, found: &mut HashMap<Id, Item>) {
        let Some(raw) = keys.get(key) else {
            self.lose(
                format!("{place}{key}"),
                "missing: the items stored there are lost",
            );
            return;
        };
        let list = match Value::parse(raw) {
            Ok(v) => v.get("items").and_then(|i| i.elements()),
            Err(e) => {
                self.lose(
                    format!("{place}{key}"),
                    format!("damaged ({e}): the items stored there are lost"),
                );
                return;
            }
        };
        let Some(list) = list else {
            self.lose(format!("{place}{key}"), "holds no list of items");
            return;
        };
        for (i, v) in list.iter().enumerate() {
            match Item::from_tree(v) {
                Ok(item) => {
                    found.entry(item.id.clone()).or_insert(item);
                }
                Err(e) => self.lose(
                    format!("{place}{key} › items[{i}]"),
                    format!("this item cannot be read ({e}) and is left out"),
                ),
            }
        }
    }
}
