//! The stored format of a workspace, split across several `localStorage` keys so an edit
//! rewrites only the part it changed:
//!
//! * `twohats.meta` — envelope with the format version, the portfolio, the role setting
//!   and the list of product ids (in order), each with the revision it was saved at;
//! * `twohats.product.<id>.<rev>` — one envelope per product with its whole subtree.
//!
//! A save is copy-on-write: a changed product is written under a new revision's key, the
//! meta is then rewritten to point at it (the commit), and only then is the old key
//! removed. A save cut short leaves the previous meta pointing at the previous, intact
//! keys. Loading is all-or-nothing: every listed product must be present and parse, and
//! the whole workspace must pass validation, or nothing is taken. See `docs/storage.md`.

use crate::model::{validate_workspace, Id, Portfolio, Product, RoleSetting, Workspace};
use serde::{Deserialize, Serialize};

pub const FORMAT: &str = "twohats";
/// The format this build writes. Older versions are migrated on load; newer ones are
/// left untouched.
pub const CURRENT_VERSION: u32 = 1;
pub const PREFIX: &str = "twohats.";
pub const META_KEY: &str = "twohats.meta";
pub const PRODUCT_PREFIX: &str = "twohats.product.";
pub const BACKUP_PREFIX: &str = "twohats.backup.";

pub fn product_key(id: &Id, rev: u64) -> String {
    format!("{PRODUCT_PREFIX}{id}.{rev}")
}

/// True for keys that hold the document (not backups, not UI preferences).
pub fn is_document_key(key: &str) -> bool {
    key == META_KEY || key.starts_with(PRODUCT_PREFIX)
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ProductRef {
    pub id: Id,
    /// Bumped on every write of the product; names the key that holds it.
    pub rev: u64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Meta {
    pub format: String,
    pub version: u32,
    pub portfolio: Portfolio,
    pub roles: RoleSetting,
    pub products: Vec<ProductRef>,
}

#[derive(Serialize)]
struct ProductEnvelopeOut<'a> {
    format: &'a str,
    version: u32,
    rev: u64,
    product: &'a Product,
}

#[derive(Deserialize)]
struct ProductEnvelope {
    format: String,
    version: u32,
    rev: u64,
    product: Product,
}

/// Just enough of any envelope to read its version before trusting the rest.
#[derive(Deserialize)]
struct VersionProbe {
    format: Option<String>,
    version: Option<u32>,
}

pub fn encode_meta(ws: &Workspace, revs: &dyn Fn(&Id) -> u64) -> String {
    let meta = Meta {
        format: FORMAT.to_string(),
        version: CURRENT_VERSION,
        portfolio: ws.portfolio.clone(),
        roles: ws.roles,
        products: ws
            .products
            .iter()
            .map(|p| ProductRef {
                id: p.id.clone(),
                rev: revs(&p.id),
            })
            .collect(),
    };
    serde_json::to_string(&meta).expect("the workspace always serialises")
}

pub fn encode_product(p: &Product, rev: u64) -> String {
    serde_json::to_string(&ProductEnvelopeOut {
        format: FORMAT,
        version: CURRENT_VERSION,
        rev,
        product: p,
    })
    .expect("a product always serialises")
}

/// What was found in storage.
#[derive(Debug, PartialEq)]
pub enum Loaded {
    /// Nothing stored: a first visit.
    Empty,
    /// A whole, valid workspace, with the revision of each product.
    Ok { ws: Workspace, revs: Vec<(Id, u64)> },
    /// Stored by a newer version of the app; it must not be touched.
    Newer { version: u32 },
    /// Stored data that cannot be read: it must be kept, not overwritten.
    Unreadable { reason: String },
}

/// Reads the document through `get` (a key lookup). Pure, so every failure is testable.
pub fn decode(get: &dyn Fn(&str) -> Option<String>) -> Loaded {
    let Some(meta_raw) = get(META_KEY) else {
        return Loaded::Empty;
    };
    let probe: VersionProbe = match serde_json::from_str(&meta_raw) {
        Ok(p) => p,
        Err(e) => {
            return Loaded::Unreadable {
                reason: format!("the workspace index is not valid JSON ({e})"),
            }
        }
    };
    if probe.format.as_deref() != Some(FORMAT) {
        return Loaded::Unreadable {
            reason: "the workspace index is not a Two Hats document".into(),
        };
    }
    let version = match probe.version {
        Some(v) => v,
        None => {
            return Loaded::Unreadable {
                reason: "the workspace index has no format version".into(),
            }
        }
    };
    if version > CURRENT_VERSION {
        return Loaded::Newer { version };
    }
    let meta: Meta = match serde_json::from_str(&meta_raw) {
        Ok(m) => m,
        Err(e) => {
            return Loaded::Unreadable {
                reason: format!("the workspace index is damaged ({e})"),
            }
        }
    };
    let mut products = Vec::with_capacity(meta.products.len());
    let mut revs = Vec::with_capacity(meta.products.len());
    for r in &meta.products {
        let key = product_key(&r.id, r.rev);
        let Some(raw) = get(&key) else {
            return Loaded::Unreadable {
                reason: format!("product {} is listed but missing from storage", r.id),
            };
        };
        let env: ProductEnvelope = match serde_json::from_str(&raw) {
            Ok(e) => e,
            Err(e) => {
                return Loaded::Unreadable {
                    reason: format!("product {} is damaged ({e})", r.id),
                }
            }
        };
        if env.format != FORMAT || env.version > CURRENT_VERSION {
            return Loaded::Unreadable {
                reason: format!("product {} has an unexpected format or version", r.id),
            };
        }
        if env.rev != r.rev || env.product.id != r.id {
            return Loaded::Unreadable {
                reason: format!("product {} does not match the workspace index", r.id),
            };
        }
        revs.push((r.id.clone(), env.rev));
        products.push(env.product);
    }
    let ws = Workspace {
        portfolio: meta.portfolio,
        roles: meta.roles,
        products,
    };
    if let Err(e) = validate_workspace(&ws) {
        return Loaded::Unreadable {
            reason: format!("the stored workspace breaks a rule: {e}"),
        };
    }
    Loaded::Ok { ws, revs }
}

/// Keys under the product prefix that the meta does not reference: leftovers of a save
/// that was cut short, safe to remove once a load has succeeded.
pub fn stale_product_keys<'a>(
    keys: impl IntoIterator<Item = &'a str>,
    revs: &[(Id, u64)],
) -> Vec<String> {
    let live: Vec<String> = revs.iter().map(|(id, rev)| product_key(id, *rev)).collect();
    keys.into_iter()
        .filter(|k| k.starts_with(PRODUCT_PREFIX) && !live.iter().any(|l| l == k))
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
