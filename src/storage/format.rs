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
    let meta: Meta = serde_json::from_str(meta_raw).ok()?;
    Some(
        meta.products
            .iter()
            .map(|r| product_key(&r.id, r.rev))
            .collect(),
    )
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
    /// A whole, valid workspace read from an older format version and migrated in memory;
    /// the stored keys still hold the old version until the caller saves.
    Migrated {
        ws: Workspace,
        revs: Vec<(Id, u64)>,
        from: u32,
    },
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
    let meta: Meta = if version < CURRENT_VERSION {
        match migrate_meta(&meta_raw, version) {
            Ok(m) => m,
            Err(e) => {
                return Loaded::Unreadable {
                    reason: format!(
                        "the workspace index could not be migrated from version {version} ({e})"
                    ),
                }
            }
        }
    } else {
        match serde_json::from_str(&meta_raw) {
            Ok(m) => m,
            Err(e) => {
                return Loaded::Unreadable {
                    reason: format!("the workspace index is damaged ({e})"),
                }
            }
        }
    };
    let mut products = Vec::with_capacity(meta.products.len());
    let mut revs = Vec::with_capacity(meta.products.len());
    let mut oldest = version;
    for r in &meta.products {
        let key = product_key(&r.id, r.rev);
        let Some(raw) = get(&key) else {
            return Loaded::Unreadable {
                reason: format!("product {} is listed but missing from storage", r.id),
            };
        };
        let env = match read_product(&raw) {
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
        oldest = oldest.min(env.version);
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
    if oldest < CURRENT_VERSION {
        Loaded::Migrated {
            ws,
            revs,
            from: oldest,
        }
    } else {
        Loaded::Ok { ws, revs }
    }
}

/// Reads the meta of an older version: its workspace-level fields go through the same
/// migration as an exported workspace.
fn migrate_meta(raw: &str, version: u32) -> Result<Meta, String> {
    let mut v: serde_json::Value = serde_json::from_str(raw).map_err(|e| e.to_string())?;
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
    serde_json::from_value(meta).map_err(|e| e.to_string())
}

/// Reads a product envelope of the current version directly, or migrates an older one.
fn read_product(raw: &str) -> Result<ProductEnvelope, String> {
    let typed = serde_json::from_str::<ProductEnvelope>(raw);
    if let Ok(env) = &typed {
        if env.version >= CURRENT_VERSION {
            return typed.map_err(|e| e.to_string());
        }
    }
    let mut v: serde_json::Value = serde_json::from_str(raw).map_err(|e| e.to_string())?;
    let version = v
        .get("version")
        .and_then(|x| x.as_u64())
        .unwrap_or(u64::MAX);
    if version >= CURRENT_VERSION as u64 {
        // A current (or unversioned) document that failed the typed read: report why.
        return typed.map_err(|e| e.to_string());
    }
    let version = version as u32;
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
    let product: Product = serde_json::from_value(product).map_err(|e| e.to_string())?;
    Ok(ProductEnvelope {
        format,
        version,
        rev,
        product,
    })
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
