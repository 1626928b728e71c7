//! The stored format of a workspace, split across several `localStorage` keys so an edit
//! rewrites only the part it changed:
//!
//! * `twohats.meta` — envelope with the storage version, the portfolio, the role setting
//!   and the list of product ids (in order), each with the revisions of its keys: the
//!   commit point, naming every key the document is made of;
//! * `twohats.product.<id>.<rev>` — a product's core: everything but its items, plus the
//!   backlog order;
//! * `twohats.items.<id>.<n>.<rev>` — chunk `n` of its items (see `chunks`).
//!
//! A save is copy-on-write: a changed key is written under a new revision, the meta is
//! then rewritten to point at it (the commit), and only then is the old key removed. A
//! save cut short leaves the previous meta pointing at the previous, intact keys. Loading
//! takes each product whole or not at all: every key listed for it must be present and
//! parse, every item must be in its chunk and the order, or the product is set aside
//! (kept, and named) while the others load; the workspace must pass validation. See
//! `docs/storage.md`.
//!
//! This is storage version 3 (`STORAGE_VERSION`). Older versions come back from the
//! start-up read as `Loaded::Older`, for `decode_older` to migrate: version 2 is this
//! layout holding content version 1, versions 0 and 1 one key per product.

use super::chunks::{self, ChunkEnvelope, CoreEnvelope, CHUNKS};
use super::tree::{self, Tree};
use crate::model::error::Invalid;
use crate::model::{
    validate_product, validate_workspace, Id, Item, Portfolio, Product, RoleSetting, Workspace,
};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// How stored text is parsed: by the browser's `JSON.parse` in the app, by serde_json in
/// native tests (see `tree`).
#[cfg(target_arch = "wasm32")]
pub type StoredTree = super::js_tree::JsTree;
#[cfg(not(target_arch = "wasm32"))]
pub type StoredTree = serde_json::Value;

pub const FORMAT: &str = "twohats";
/// The version of the document's content (the schema in `docs/schema.md`) this build
/// reads and writes, in exports and in storage. Older versions are migrated on load;
/// newer ones are left untouched.
pub const CURRENT_VERSION: u32 = 2;
/// The version of the storage layout, written in the meta and in every key: 0 and 1 kept
/// each product whole in one key, 2 splits its items into chunks, 3 is layout 2 holding
/// content version 2. A build sees a layout above its own as newer and leaves it alone:
/// a build of layout 1 would read a product with no items, and one of layout 2 would
/// read version 2's fields and drop them on its next save.
pub const STORAGE_VERSION: u32 = 3;
/// The first layout with a core key and item chunks per product (`read_chunked_product`
/// reads every layout from it up to `STORAGE_VERSION`).
pub const FIRST_CHUNKED: u32 = 2;
/// The content version each storage layout holds, by layout. In layouts 0 and 1 each
/// product key also says its own (0 or 1).
const LAYOUT_CONTENT: [u32; STORAGE_VERSION as usize + 1] = [0, 1, 1, 2];
// The current layout holds the current content: a content version needs a layout of its
// own, or an older build would take it for what it knows.
const _: () = assert!(LAYOUT_CONTENT[STORAGE_VERSION as usize] == CURRENT_VERSION);

/// The content version a storage layout holds (`None` for a layout newer than this build).
pub fn content_version(layout: u32) -> Option<u32> {
    LAYOUT_CONTENT.get(layout as usize).copied()
}
pub const PREFIX: &str = "twohats.";
pub const META_KEY: &str = "twohats.meta";
pub const PRODUCT_PREFIX: &str = "twohats.product.";
pub const ITEMS_PREFIX: &str = "twohats.items.";
pub const BACKUP_PREFIX: &str = "twohats.backup.";

pub fn product_key(id: &Id, rev: u64) -> String {
    format!("{PRODUCT_PREFIX}{id}.{rev}")
}

/// The revision a writer saves a product under next. The high bits count saves; the low
/// 16 bits name the writer (one random value per tab), so two tabs saving the same
/// product at the same instant never write the same key, and the later meta names a key
/// the earlier one did not touch.
pub fn next_rev(old: Option<u64>, writer: u16) -> u64 {
    let count = old.map_or(0, |r| r >> 16) + 1;
    (count << 16) | u64::from(writer)
}

/// The product keys a stored meta refers to, or `None` if it cannot be read (then nothing
/// may be treated as unreferenced).
pub fn referenced_keys(meta_raw: &str) -> Option<Vec<String>> {
    let meta: Meta = tree::read::<StoredTree, _>(meta_raw).ok()?;
    Some(meta.products.iter().flat_map(ProductRef::keys).collect())
}

/// True for keys that hold the document (not backups, not UI preferences).
pub fn is_document_key(key: &str) -> bool {
    key == META_KEY || key.starts_with(PRODUCT_PREFIX) || key.starts_with(ITEMS_PREFIX)
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ProductRef {
    pub id: Id,
    /// The revision of the product's core key (in storage versions 0 and 1: of its one
    /// key).
    pub rev: u64,
    /// The revision of each item chunk's key, 0 for an empty chunk (no key). Absent in
    /// storage versions 0 and 1.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub chunks: Vec<u64>,
}

impl ProductRef {
    /// The keys this reference names.
    pub fn keys(&self) -> Vec<String> {
        let mut keys = vec![product_key(&self.id, self.rev)];
        keys.extend(
            self.chunks
                .iter()
                .enumerate()
                .filter(|(_, rev)| **rev != 0)
                .map(|(n, rev)| chunks::items_key(&self.id, n, *rev)),
        );
        keys
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Meta {
    pub format: String,
    pub version: u32,
    pub portfolio: Portfolio,
    pub roles: RoleSetting,
    pub products: Vec<ProductRef>,
    /// Which commit this is and which one its writer had read before (see `Lineage`).
    /// Plain fields rather than a flattened struct: serde's `flatten` costs kilobytes of
    /// wasm.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub commit: u64,
    #[serde(default, skip_serializing_if = "is_zero")]
    pub parent: u64,
    /// The commits before the parent, newest first (at most `ANCESTORS`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ancestors: Vec<u64>,
}

/// How many commits before its parent a meta names.
pub const ANCESTORS: usize = 30;

/// A commit's id and those of the commits it was built on: lets a tab that takes another
/// tab's document tell which of its own commits that tab had seen (their edits are in
/// it) and which it had not (saved at the same moment, or seen late: their edits are
/// replayed on it).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Lineage {
    pub commit: u64,
    pub parent: u64,
    pub ancestors: Vec<u64>,
}

impl Lineage {
    /// True when `commit` is this one or one it was built on.
    pub fn includes(&self, commit: u64) -> bool {
        commit != 0
            && (commit == self.commit || commit == self.parent || self.ancestors.contains(&commit))
    }

    /// The lineage of a commit `id` built on this one.
    pub fn child(&self, id: u64) -> Lineage {
        let ancestors = std::iter::once(self.parent)
            .chain(self.ancestors.iter().copied())
            .filter(|c| *c != 0)
            .take(ANCESTORS)
            .collect();
        Lineage {
            commit: id,
            parent: self.commit,
            ancestors,
        }
    }
}

fn is_zero(n: &u64) -> bool {
    *n == 0
}

/// A stored meta's lineage and the keys it names, from one reading (zeros and none
/// when it cannot be read).
pub fn lineage_and_keys(meta_raw: &str) -> (Lineage, Vec<String>) {
    match tree::read::<StoredTree, Meta>(meta_raw) {
        Ok(m) => (
            Lineage {
                commit: m.commit,
                parent: m.parent,
                ancestors: m.ancestors,
            },
            m.products.iter().flat_map(ProductRef::keys).collect(),
        ),
        Err(_) => (Lineage::default(), Vec::new()),
    }
}

/// The lineage written in a stored meta (zeros when it has none or cannot be read).
pub fn lineage(meta_raw: &str) -> Lineage {
    tree::read::<StoredTree, Meta>(meta_raw)
        .map(|m| Lineage {
            commit: m.commit,
            parent: m.parent,
            ancestors: m.ancestors,
        })
        .unwrap_or_default()
}

tree::fields!(ProductRef {
    id: required,
    rev: required,
    chunks: or_default
});
tree::fields!(Meta {
    format: required,
    version: required,
    portfolio: required,
    roles: required,
    products: required,
    commit: or_default,
    parent: or_default,
    ancestors: or_default,
});

struct ProductEnvelope {
    format: String,
    version: u32,
    rev: u64,
    product: Product,
}
tree::fields!(ProductEnvelope {
    format: required,
    version: required,
    rev: required,
    product: required
});

/// Just enough of any envelope to read its version before trusting the rest.
struct VersionProbe {
    format: Option<String>,
    version: Option<u32>,
}
tree::fields!(VersionProbe {
    format: or_default,
    version: or_default
});

pub fn encode_meta(ws: &Workspace, refs: &dyn Fn(&Id) -> ProductRef, lineage: Lineage) -> String {
    let meta = Meta {
        format: FORMAT.to_string(),
        version: STORAGE_VERSION,
        portfolio: ws.portfolio.clone(),
        roles: ws.roles,
        products: ws.products.iter().map(|p| refs(&p.id)).collect(),
        commit: lineage.commit,
        parent: lineage.parent,
        ancestors: lineage.ancestors,
    };
    serde_json::to_string(&meta).expect("the workspace always serialises")
}

/// What was found in storage.
#[derive(Debug, PartialEq)]
pub enum Loaded {
    /// Nothing stored: a first visit.
    Empty,
    /// A valid workspace, with the keys of each product. A product that could not be
    /// read is not in it but in `set_aside`, with why: one damaged key costs that
    /// product, not the workspace, and its keys are the caller's to keep.
    Ok {
        ws: Workspace,
        refs: Vec<ProductRef>,
        set_aside: Vec<SetAside>,
    },
    /// A whole, valid workspace read from an older storage version and migrated in
    /// memory; the stored keys still hold the old version until the caller saves. `from`
    /// is the oldest content version found (below `CURRENT_VERSION` when the content
    /// itself was migrated, not only its layout).
    Migrated {
        ws: Workspace,
        refs: Vec<ProductRef>,
        from: u32,
    },
    /// Stored in an older layout, which `decode_older` reads (`decode_current` only).
    Older { version: u32 },
    /// Stored by a newer version of the app; it must not be touched.
    Newer { version: u32 },
    /// Stored data that cannot be read: it must be kept, not overwritten.
    Unreadable { reason: Why },
}

/// A stored product that could not be read.
#[derive(Clone, Debug, PartialEq)]
pub struct SetAside {
    pub id: Id,
    /// Its name, when its core key can still be read that far.
    pub name: Option<String>,
    pub reason: Why,
    /// The keys the workspace index names for it.
    pub keys: Vec<String>,
}

/// Why stored data could not be read, as facts. A broken rule is worded (`Display`, in
/// `text`) only where a banner shows it, in the notices chunk, so the start-up read
/// carries no rule's words into the first load.
#[derive(Clone, Debug, PartialEq)]
pub enum Why {
    /// Damage found while reading, in the words of what found it (a JSON error).
    Damaged(String),
    /// The stored workspace breaks a rule.
    Breaks(Invalid),
    /// A product breaks a rule on its own.
    ProductBreaks(Id, Invalid),
}

impl SetAside {
    /// How the user knows it: its name, or its id.
    pub fn label(&self) -> String {
        self.name.clone().unwrap_or_else(|| self.id.to_string())
    }
}

/// Reads the document through `get` (a key lookup). Pure, so every failure is testable.
pub fn decode(get: &dyn Fn(&str) -> Option<String>) -> Loaded {
    match decode_current::<StoredTree>(get) {
        Loaded::Older { version } => decode_older::<StoredTree>(get, version),
        loaded => loaded,
    }
}

/// The index's format and version, or why it cannot be read (boxed: a `Loaded` is large
/// and this is the rare path).
fn probe<T: Tree>(meta_raw: &str) -> Result<u32, Box<Loaded>> {
    let unreadable = |reason: String| {
        Box::new(Loaded::Unreadable {
            reason: Why::Damaged(reason),
        })
    };
    let probe: VersionProbe = tree::read::<T, _>(meta_raw)
        .map_err(|e| unreadable(format!("the workspace index is not valid JSON ({e})")))?;
    if probe.format.as_deref() != Some(FORMAT) {
        return Err(unreadable(
            "the workspace index is not a Two Hats document".into(),
        ));
    }
    let version = probe
        .version
        .ok_or_else(|| unreadable("the workspace index has no format version".into()))?;
    if version > STORAGE_VERSION {
        return Err(Box::new(Loaded::Newer { version }));
    }
    Ok(version)
}

/// `decode` of this version's layout only, with a given JSON parser (tests compare the
/// browser's with serde's). An older layout is `Loaded::Older`, for `decode_older`: the
/// start-up read does not carry the migrations, which only a first start after an update
/// needs (they come with `crate::engine`).
pub fn decode_current<T: Tree>(get: &dyn Fn(&str) -> Option<String>) -> Loaded {
    let Some(meta_raw) = get(META_KEY) else {
        return Loaded::Empty;
    };
    let version = match probe::<T>(&meta_raw) {
        Ok(v) => v,
        Err(loaded) => return *loaded,
    };
    if version < STORAGE_VERSION {
        return Loaded::Older { version };
    }
    let meta: Meta = match tree::read::<T, _>(&meta_raw) {
        Ok(m) => m,
        Err(e) => {
            return Loaded::Unreadable {
                reason: Why::Damaged(format!("the workspace index is damaged ({e})")),
            }
        }
    };
    let (products, mut refs, mut set_aside) = read_chunked::<T>(&meta, get);
    let mut ws = Workspace {
        portfolio: meta.portfolio,
        roles: meta.roles,
        products,
    };
    drop_links_to(&mut ws, &set_aside);
    if validate_workspace(&ws).is_err() {
        set_aside_invalid(&mut ws, &mut refs, &mut set_aside);
        drop_links_to(&mut ws, &set_aside);
        if let Err(e) = validate_workspace(&ws) {
            return Loaded::Unreadable {
                reason: Why::Breaks(e),
            };
        }
    }
    Loaded::Ok {
        ws,
        refs,
        set_aside,
    }
}

/// A portfolio link to a product set aside would dangle; it stays in the backup of the
/// index.
fn drop_links_to(ws: &mut Workspace, set_aside: &[SetAside]) {
    ws.portfolio
        .links
        .retain(|l| !set_aside.iter().any(|a| a.id == l.from || a.id == l.to));
}

/// Reads and migrates a document stored in an older layout (`version`, from `Loaded::Older`).
/// Unlike the current layout's read, a product that cannot be read makes the whole
/// document unreadable: it is kept as it is (backed up), never rewritten without it.
pub fn decode_older<T: Tree>(get: &dyn Fn(&str) -> Option<String>, version: u32) -> Loaded {
    let Some(meta_raw) = get(META_KEY) else {
        return Loaded::Empty;
    };
    let Some(content) = content_version(version) else {
        return Loaded::Newer { version };
    };
    let meta = if content < CURRENT_VERSION {
        migrate_meta::<T>(&meta_raw, content).map_err(|e| {
            format!("the workspace index could not be migrated from version {content} ({e})")
        })
    } else {
        tree::read::<T, Meta>(&meta_raw)
            .map_err(|e| format!("the workspace index is damaged ({e})"))
    };
    let read = meta.and_then(|meta| {
        let products = if version >= FIRST_CHUNKED {
            (read_all_chunked::<T>(&meta, get)?, content)
        } else {
            read_whole::<T>(&meta, version, get)?
        };
        Ok((products, meta))
    });
    match read {
        Ok(((products, oldest), meta)) => checked(meta, products, oldest),
        Err(reason) => Loaded::Unreadable {
            reason: Why::Damaged(reason),
        },
    }
}

/// Every product of an older chunked layout (2: content version 1), or why one cannot be
/// read. Its content is read by the current typed model as it is: version 2 only added
/// optional fields, so the step from 1 (`migrate::v1_to_v2`) changes nothing. A content
/// version that changes a shape must run `migrate::migrate_product` on these keys first.
fn read_all_chunked<T: Tree>(
    meta: &Meta,
    get: &dyn Fn(&str) -> Option<String>,
) -> Result<Vec<Product>, String> {
    meta.products
        .iter()
        .map(|r| read_chunked_product::<T>(r, get))
        .collect()
}

/// Sets aside each product that breaks a rule on its own: asked only when the workspace
/// as a whole breaks one, so a sound load checks each product once, not twice.
fn set_aside_invalid(
    ws: &mut Workspace,
    refs: &mut Vec<ProductRef>,
    set_aside: &mut Vec<SetAside>,
) {
    let mut i = 0;
    while i < ws.products.len() {
        match validate_product(&ws.products[i]) {
            Ok(()) => i += 1,
            Err(e) => {
                let p = ws.products.remove(i);
                let r = refs.remove(i);
                set_aside.push(SetAside {
                    id: p.id.clone(),
                    name: Some(p.name.clone()),
                    reason: Why::ProductBreaks(p.id.clone(), e),
                    keys: r.keys(),
                });
            }
        }
    }
}

/// The workspace an older index and its products make, if it keeps every rule; `from` is
/// the oldest version read.
fn checked(meta: Meta, products: Vec<Product>, from: u32) -> Loaded {
    let refs = meta.products;
    let ws = Workspace {
        portfolio: meta.portfolio,
        roles: meta.roles,
        products,
    };
    if let Err(e) = validate_workspace(&ws) {
        return Loaded::Unreadable {
            reason: Why::Breaks(e),
        };
    }
    Loaded::Migrated { ws, refs, from }
}

/// Storage versions 0 and 1: each product whole under one key. Returns the products and
/// the oldest content version among them.
fn read_whole<T: Tree>(
    meta: &Meta,
    version: u32,
    get: &dyn Fn(&str) -> Option<String>,
) -> Result<(Vec<Product>, u32), String> {
    let mut products = Vec::with_capacity(meta.products.len());
    let mut oldest = version;
    for r in &meta.products {
        let raw = get(&product_key(&r.id, r.rev))
            .ok_or_else(|| format!("product {} is listed but missing from storage", r.id))?;
        let env =
            read_product::<T>(&raw).map_err(|e| format!("product {} is damaged ({e})", r.id))?;
        if env.format != FORMAT || env.version > CURRENT_VERSION {
            return Err(format!(
                "product {} has an unexpected format or version",
                r.id
            ));
        }
        if env.rev != r.rev || env.product.id != r.id {
            return Err(format!(
                "product {} does not match the workspace index",
                r.id
            ));
        }
        oldest = oldest.min(env.version);
        products.push(env.product);
    }
    Ok((products, oldest))
}

/// The current layout: a core key and item chunks per product, each read on its own: a
/// product that cannot be read is set aside (see `Loaded::Ok`), the others still load.
fn read_chunked<T: Tree>(
    meta: &Meta,
    get: &dyn Fn(&str) -> Option<String>,
) -> (Vec<Product>, Vec<ProductRef>, Vec<SetAside>) {
    let mut products = Vec::with_capacity(meta.products.len());
    let mut refs = Vec::with_capacity(meta.products.len());
    let mut set_aside = Vec::new();
    for r in &meta.products {
        match read_chunked_product::<T>(r, get) {
            Ok(p) => {
                products.push(p);
                refs.push(r.clone());
            }
            Err(reason) => set_aside.push(SetAside {
                id: r.id.clone(),
                name: stored_name::<T>(r, get),
                reason: Why::Damaged(reason),
                keys: r.keys(),
            }),
        }
    }
    (products, refs, set_aside)
}

/// The name in a product's core key, if that much of it can be read.
fn stored_name<T: Tree>(r: &ProductRef, get: &dyn Fn(&str) -> Option<String>) -> Option<String> {
    let core = T::parse(&get(&product_key(&r.id, r.rev))?).ok()?;
    let product = core.get("product")?;
    // Another product's core under this key is not this product's name.
    (product.get("id")?.string()? == r.id.as_str())
        .then(|| product.get("name")?.string())
        .flatten()
}

/// One product of a chunked layout (`FIRST_CHUNKED` up to `STORAGE_VERSION`: their keys
/// are alike, and the meta's version says whether the document is an older one). Every
/// item must be in the chunk its id hashes to and in the order exactly once, so a
/// half-written or mixed set of keys is never taken for a product.
// Not inlined: it has several callers (the load, an older layout's, the rebuild) and is
// large.
#[inline(never)]
pub fn read_chunked_product<T: Tree>(
    r: &ProductRef,
    get: &dyn Fn(&str) -> Option<String>,
) -> Result<Product, String> {
    let raw = get(&product_key(&r.id, r.rev))
        .ok_or_else(|| format!("product {} is listed but missing from storage", r.id))?;
    let core: CoreEnvelope =
        tree::read::<T, _>(&raw).map_err(|e| format!("product {} is damaged ({e})", r.id))?;
    if core.format != FORMAT || !is_chunked(core.version) {
        return Err(format!(
            "product {} has an unexpected format or version",
            r.id
        ));
    }
    if core.rev != r.rev || core.product.id != r.id || !core.product.items.is_empty() {
        return Err(format!(
            "product {} does not match the workspace index",
            r.id
        ));
    }
    if r.chunks.len() != CHUNKS {
        return Err(format!(
            "product {} lists {} item chunks, not {CHUNKS}",
            r.id,
            r.chunks.len()
        ));
    }
    let mut found: HashMap<Id, Item> = HashMap::with_capacity(core.order.len());
    for (n, &rev) in r.chunks.iter().enumerate() {
        if rev != 0 {
            read_chunk::<T>(r, n, rev, get, &mut found)?;
        }
    }
    let mut product = core.product;
    product.items = Vec::with_capacity(core.order.len());
    for id in &core.order {
        let item = found.remove(id).ok_or_else(|| {
            format!(
                "item {id} is in the backlog order of product {} but not stored",
                r.id
            )
        })?;
        product.items.push(item);
    }
    if let Some(id) = found.keys().next() {
        return Err(format!(
            "item {id} is stored but not in the backlog order of product {}",
            r.id
        ));
    }
    Ok(product)
}

/// True for the storage versions whose core and chunk keys this build reads.
pub fn is_chunked(version: u32) -> bool {
    (FIRST_CHUNKED..=STORAGE_VERSION).contains(&version)
}

/// Adds the items of chunk `n` (revision `rev`) of a product to `found`.
fn read_chunk<T: Tree>(
    r: &ProductRef,
    n: usize,
    rev: u64,
    get: &dyn Fn(&str) -> Option<String>,
    found: &mut HashMap<Id, Item>,
) -> Result<(), String> {
    let raw = get(&chunks::items_key(&r.id, n, rev)).ok_or_else(|| {
        format!(
            "items of product {} (part {n}) are listed but missing from storage",
            r.id
        )
    })?;
    let chunk: ChunkEnvelope = tree::read::<T, _>(&raw)
        .map_err(|e| format!("items of product {} (part {n}) are damaged ({e})", r.id))?;
    if chunk.format != FORMAT
        || !is_chunked(chunk.version)
        || chunk.rev != rev
        || chunk.product != r.id
        || chunk.chunk != n
    {
        return Err(format!(
            "items of product {} (part {n}) do not match the workspace index",
            r.id
        ));
    }
    for item in chunk.items {
        if chunks::chunk_of(&item.id) != n {
            return Err(format!("item {} is stored in the wrong part", item.id));
        }
        let id = item.id.clone();
        if found.insert(id.clone(), item).is_some() {
            return Err(format!("item {id} is stored twice"));
        }
    }
    Ok(())
}

/// The newest set of keys stored for each product, found without the workspace index
/// (when that is damaged): per product its newest core and, per part, its newest chunk.
/// A product whose newest keys do not make a whole, valid product is left out (its keys
/// stay in the backup the caller made); the Data page's import of that backup recovers
/// what it can item by item.
///
/// In the order their keys come (storage's own): the order of the products was in the
/// index.
pub fn rebuild<T: Tree>(keys: &[String], get: &dyn Fn(&str) -> Option<String>) -> Vec<Product> {
    newest_refs(keys)
        .iter()
        .filter_map(|r| {
            let p = read_chunked_product::<T>(r, get).ok()?;
            validate_product(&p).is_ok().then_some(p)
        })
        .collect()
}

/// Per product among `keys`, a reference to its newest core and newest chunk of each part.
pub fn newest_refs(keys: &[String]) -> Vec<ProductRef> {
    // A list, not a map: a workspace holds a handful of products.
    let mut newest: Vec<ProductRef> = Vec::new();
    for key in keys {
        let Some((id, n, rev)) = parse_document_key(key) else {
            continue;
        };
        let Ok(id) = Id::parse(id) else { continue };
        let r = match newest.iter().position(|r| r.id == id) {
            Some(at) => &mut newest[at],
            None => {
                newest.push(ProductRef {
                    id,
                    rev: 0,
                    chunks: vec![0; CHUNKS],
                });
                newest.last_mut().expect("just pushed")
            }
        };
        match n {
            None => r.rev = r.rev.max(rev),
            Some(n) => r.chunks[n] = r.chunks[n].max(rev),
        }
    }
    newest
}

/// A product key's id and revision (`twohats.product.<id>.<rev>`), or an item key's id,
/// part and revision (`twohats.items.<id>.<part>.<rev>`).
pub fn parse_document_key(key: &str) -> Option<(&str, Option<usize>, u64)> {
    if let Some(rest) = key.strip_prefix(PRODUCT_PREFIX) {
        let (id, rev) = rest.rsplit_once('.')?;
        return Some((id, None, rev.parse().ok()?));
    }
    let mut parts = key.strip_prefix(ITEMS_PREFIX)?.rsplitn(3, '.');
    let rev = parts.next()?.parse().ok()?;
    let n = parts
        .next()?
        .parse::<usize>()
        .ok()
        .filter(|n| *n < CHUNKS)?;
    Some((parts.next()?, Some(n), rev))
}

/// Reads the meta of an older version: its workspace-level fields go through the same
/// migration as an exported workspace.
fn migrate_meta<T: Tree>(raw: &str, version: u32) -> Result<Meta, String> {
    let mut v = T::parse(raw)?.to_value();
    let obj = v.as_object_mut().ok_or("not an object")?;
    let refs = obj.remove("products").unwrap_or_default();
    let ws = serde_json::json!({ "portfolio": obj.remove("portfolio"), "roles": obj.remove("roles"), "products": [] });
    let mut ws = super::migrate::migrate_workspace(ws, version)?;
    let m = ws.as_object_mut().ok_or("not an object")?;
    let meta = serde_json::json!({
        "format": FORMAT,
        "version": CURRENT_VERSION,
        "portfolio": m.remove("portfolio"),
        "roles": m.remove("roles"),
        "products": refs,
    });
    tree::FromTree::from_tree(&T::from_value(&meta)?)
}

/// Reads a product envelope of the current version directly, or migrates an older one.
fn read_product<T: Tree>(raw: &str) -> Result<ProductEnvelope, String> {
    let parsed = T::parse(raw)?;
    let version = parsed
        .get("version")
        .and_then(|v| <u32 as tree::FromTree>::from_tree(&v).ok())
        .unwrap_or(u32::MAX);
    if version >= CURRENT_VERSION {
        // A current (or unversioned) document: read as it is, or say why not.
        return tree::FromTree::from_tree(&parsed);
    }
    let mut v = parsed.to_value();
    let obj = v.as_object_mut().ok_or("not an object")?;
    let product = obj.remove("product").ok_or("no product")?;
    let product = super::migrate::migrate_product(product, version)?;
    let rev = obj
        .get("rev")
        .and_then(|r| r.as_u64())
        .ok_or("no revision")?;
    let format = obj
        .get("format")
        .and_then(|f| f.as_str())
        .unwrap_or_default()
        .to_string();
    let product: Product = tree::FromTree::from_tree(&T::from_value(&product)?)?;
    Ok(ProductEnvelope {
        format,
        version,
        rev,
        product,
    })
}

/// Free room, in quota units, that saving one edit can need on top of what is stored:
/// a save writes new revisions of a product's core and of an item chunk beside the old
/// ones (removed only once the new meta names the new ones), plus a new meta. The
/// largest such pair over all products is the room an add or a delete there needs.
/// `sizes` are stored keys with their sizes, as `local` keeps them.
pub fn room_for_a_save<'a>(sizes: impl IntoIterator<Item = (&'a str, usize)>) -> usize {
    let mut per_product: HashMap<&str, (usize, usize)> = HashMap::new();
    let mut meta = 0;
    for (key, size) in sizes {
        if key == META_KEY {
            meta = size;
        } else if let Some(rest) = key.strip_prefix(PRODUCT_PREFIX) {
            // `<product>.<rev>`
            let product = rest.rsplit_once('.').map_or(rest, |(p, _)| p);
            let e = per_product.entry(product).or_default();
            e.0 = e.0.max(size);
        } else if let Some(rest) = key.strip_prefix(ITEMS_PREFIX) {
            // `<product>.<chunk>.<rev>`
            let product = rest.rsplitn(3, '.').nth(2).unwrap_or(rest);
            let e = per_product.entry(product).or_default();
            e.1 = e.1.max(size);
        }
    }
    meta + per_product
        .values()
        .map(|(core, chunk)| core + chunk)
        .max()
        .unwrap_or(0)
}

/// Free room the smallest useful save needs: an edit of one item, which writes a new copy
/// of its chunk and a new meta (the largest chunk, to be safe). Below it nothing can be
/// saved at all: the workspace opens read-only (`Session::check_room`). Above it, while
/// below `room_for_a_save`, edits are saved and adds are refused one by one, with why.
pub fn room_for_an_edit<'a>(sizes: impl IntoIterator<Item = (&'a str, usize)>) -> usize {
    let (mut meta, mut chunk) = (0, 0);
    for (key, size) in sizes {
        if key == META_KEY {
            meta = size;
        } else if key.starts_with(ITEMS_PREFIX) {
            chunk = chunk.max(size);
        }
    }
    meta + chunk
}

/// Document keys (other than the meta) that `refs` do not name: leftovers of a save that
/// was cut short or superseded.
pub fn stale_keys<'a>(keys: impl IntoIterator<Item = &'a str>, refs: &[ProductRef]) -> Vec<String> {
    let live: Vec<String> = refs.iter().flat_map(ProductRef::keys).collect();
    keys.into_iter()
        .filter(|k| is_document_key(k) && *k != META_KEY && !live.iter().any(|l| l == k))
        .map(str::to_string)
        .collect()
}

#[derive(Serialize)]
struct ExportOut<'a> {
    format: &'a str,
    version: u32,
    exported_at: &'a str,
    workspace: &'a Workspace,
}

/// The whole workspace as one JSON file, with its format version.
pub fn encode_export(ws: &Workspace, exported_at: &str) -> String {
    serde_json::to_string_pretty(&ExportOut {
        format: FORMAT,
        version: CURRENT_VERSION,
        exported_at,
        workspace: ws,
    })
    .expect("the workspace always serialises")
}
