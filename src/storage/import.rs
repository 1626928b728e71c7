//! Reading an export file (`encode_export`) back, checking everything before anything
//! changes.
//!
//! [`parse_import`] goes through the file in this order and stops at the first problem,
//! saying what is wrong and where: size, JSON syntax (line and column; a cut-off file is
//! called that), that it is a Two Hats export at all, its format version (newer: refused;
//! older: migrated, see [`super::migrate`]), the limits on products and items, every
//! value's type (with the JSON path of the bad value), the range of every number (a value
//! out of range is left out and named by its path in [`Imported::left_out`], so the rest
//! of the file still comes in), and last the document's rules
//! ([`validate_workspace`]: unique ids, resolved references, …). It never touches the
//! current workspace; the caller decides whether to replace it or, after
//! [`with_fresh_ids`], to add the imported products next to the existing ones.

use super::format::{CURRENT_VERSION, FORMAT};
use super::json_path::{clearer, path_of};
use super::migrate;
use crate::model::bounds;
use crate::model::ids::{prefix, Id};
use crate::model::{validate_workspace, Workspace};
use crate::text::numbers::points;
use crate::text::numbers::thousands;
use serde_json::Value;
use std::collections::HashMap;
use std::fmt;

/// The largest file accepted, in bytes (20 MB).
pub const MAX_IMPORT_BYTES: usize = 20 * 1024 * 1024;
/// The most products an import may hold.
pub const MAX_PRODUCTS: usize = 100;
/// The most backlog items an import may hold, over all its products.
pub const MAX_ITEMS: usize = 50_000;

/// Why a file cannot be imported.
#[derive(Clone, Debug, PartialEq)]
pub struct ImportError {
    /// Where: a JSON path (`workspace.products[0].items[3].estimate`), a place in the
    /// text (`line 4, column 7`), an entity (`product 'Atlas' (p-1) › item …`), or empty
    /// when it is about the whole file.
    pub at: String,
    /// What is wrong.
    pub what: String,
}

impl ImportError {
    pub(super) fn new(at: impl Into<String>, what: impl Into<String>) -> ImportError {
        ImportError {
            at: at.into(),
            what: what.into(),
        }
    }
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.at.is_empty() {
            write!(f, "{}", self.what)
        } else {
            write!(f, "{}: {}", self.at, self.what)
        }
    }
}

impl std::error::Error for ImportError {}

/// A file that passed every check.
#[derive(Clone, Debug, PartialEq)]
pub struct Imported {
    /// The workspace, in the current format and valid.
    pub workspace: Workspace,
    /// The format version the file was written in (older ones have been migrated).
    pub from_version: u32,
    /// When the file says it was exported, as written there.
    pub exported_at: Option<String>,
    /// The numbers the file holds out of their range, which were left out (unset).
    pub left_out: Vec<LeftOut>,
    /// Read from raw stored keys (a raw-data download or a backup), not an export.
    pub raw: bool,
    /// What could not be recovered from raw stored data (see `salvage`), by where it was.
    pub lost: Vec<LeftOut>,
}

/// A value of the file the import did not take, and why.
#[derive(Clone, Debug, PartialEq)]
pub struct LeftOut {
    /// Its JSON path: `workspace.products[0].items[3].estimate`.
    pub at: String,
    /// What was wrong with it and what was done, e.g. `Estimate must be a number between 0 and
    /// 1,000 points; the value (more than 10¹⁵) was left out`.
    pub what: String,
}

impl fmt::Display for LeftOut {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.at, self.what)
    }
}

/// Reads an export file. See the module documentation for the order of the checks.
pub fn parse_import(text: &str) -> Result<Imported, ImportError> {
    if text.len() > MAX_IMPORT_BYTES {
        return Err(ImportError::new(
            "",
            format!(
                "the file is {:.1} MB; the most an import takes is {} MB",
                text.len() as f64 / (1024.0 * 1024.0),
                MAX_IMPORT_BYTES / (1024 * 1024)
            ),
        ));
    }
    // Some editors save UTF-8 with a byte-order mark, which JSON does not allow.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(ImportError::new("", "the file is empty"));
    }
    let root: Value = serde_json::from_str(text).map_err(json_error)?;

    let not_ours =
        |detail: &str| ImportError::new("", format!("this is not a Two Hats export ({detail})"));
    let Value::Object(mut root) = root else {
        return Err(not_ours(&format!(
            "it holds {}, not an object",
            json_kind(&root)
        )));
    };
    if super::salvage::is_raw(&root) {
        return super::salvage::salvage(&root);
    }
    match root.get("format") {
        Some(Value::String(f)) if f == FORMAT => {}
        Some(Value::String(f)) => {
            return Err(not_ours(&format!("its format is \"{}\"", shorten(f))));
        }
        Some(_) => return Err(not_ours("its \"format\" is not a text")),
        None => return Err(not_ours("it has no \"format\": \"twohats\"")),
    }

    let version = format_version(&root)?;

    let exported_at = match root.get("exported_at") {
        Some(Value::String(s)) => Some(s.clone()),
        _ => None,
    };

    let workspace = match root.remove("workspace") {
        Some(w @ Value::Object(_)) => w,
        Some(other) => {
            return Err(ImportError::new(
                "workspace",
                format!("expected an object, found {}", json_kind(&other)),
            ))
        }
        None => {
            return Err(ImportError::new(
                "",
                "this Two Hats file holds no workspace; is it an export?",
            ))
        }
    };
    check_limits(&workspace)?;

    let workspace = migrate::migrate_workspace_at(workspace, version).map_err(|e| {
        let at = if e.at.is_empty() {
            "workspace".to_string()
        } else if e.at.starts_with('[') {
            format!("workspace{}", e.at)
        } else {
            format!("workspace.{}", e.at)
        };
        ImportError::new(at, e.what)
    })?;

    let workspace: Workspace = super::from_value(&workspace).map_err(|why| {
        let at = path_of(&workspace, &why);
        let why = clearer(&workspace, &at, why);
        ImportError::new(format!("workspace{at}"), in_words(&why))
    })?;

    let mut workspace = workspace;
    let left_out = leave_out_of_range(&mut workspace)?;
    validate_workspace(&workspace)
        .map_err(|e| ImportError::new(e.at.to_string(), e.rule.to_string()))?;

    Ok(Imported {
        workspace,
        from_version: version,
        exported_at,
        left_out,
        raw: false,
        lost: vec![],
    })
}

/// The file's format version: present, a whole number, and not newer than this build.
fn format_version(root: &serde_json::Map<String, Value>) -> Result<u32, ImportError> {
    let version = match root.get("version") {
        None | Some(Value::Null) => {
            return Err(ImportError::new(
                "version",
                "the file has no format version; it may have been edited by hand",
            ))
        }
        Some(v) => match v.as_u64() {
            Some(n) => n,
            None => {
                return Err(ImportError::new(
                    "version",
                    format!(
                        "the format version must be a whole number of zero or more, not {}",
                        shorten(&v.to_string())
                    ),
                ))
            }
        },
    };
    if version > u64::from(CURRENT_VERSION) {
        return Err(ImportError::new(
            "version",
            format!(
                "this file was made by a newer version ({version}) of Two Hats; update the app \
                 to import it (this one reads up to version {CURRENT_VERSION})"
            ),
        ));
    }
    Ok(version as u32)
}

/// Unsets every number out of its range and says which, so one slip in a file of
/// thousands of items costs that value, not the whole import. A value that cannot be
/// unset (a key result's) refuses the file.
pub(super) fn leave_out_of_range(ws: &mut Workspace) -> Result<Vec<LeftOut>, ImportError> {
    let mut left_out = Vec::new();
    for o in bounds::out_of_range(ws) {
        let at = format!("workspace.{}", o.path());
        if !bounds::clear(ws, &o) {
            return Err(ImportError::new(at, crate::text::field_range(o.field)));
        }
        let what = format!(
            "{}; the value ({}) was left out",
            crate::text::field_range(o.field),
            points(o.value)
        );
        left_out.push(LeftOut { at, what });
    }
    Ok(left_out)
}

const CUT_OFF: &str = "the file looks cut off: it ends before the JSON is complete; \
                       was the download or copy interrupted?";

fn json_error(e: serde_json::Error) -> ImportError {
    let at = format!("line {}, column {}", e.line(), e.column());
    // The position is said in `at` already.
    let message = super::without_position(&e);
    let what = match e.classify() {
        serde_json::error::Category::Eof => CUT_OFF.to_string(),
        _ => format!("this is not valid JSON ({})", in_words(&message)),
    };
    ImportError::new(at, what)
}

/// A serde message in a user's words: Rust's type names ("expected f64") mean nothing to
/// someone importing a file. Done here, in the import's chunk, not in `without_position`,
/// which the start-up reader (the first load) uses for messages no person reads.
fn in_words(message: &str) -> String {
    const WORDS: [(&str, &str); 12] = [
        ("expected f64", "expected a number"),
        ("expected f32", "expected a number"),
        ("expected u64", "expected a whole number"),
        ("expected u32", "expected a whole number"),
        ("expected u16", "expected a whole number"),
        ("expected u8", "expected a whole number"),
        ("expected usize", "expected a whole number"),
        ("expected i64", "expected a whole number"),
        ("expected i32", "expected a whole number"),
        ("expected a sequence", "expected a list"),
        ("invalid type: map", "invalid type: an object"),
        ("invalid type: sequence", "invalid type: a list"),
    ];
    WORDS
        .iter()
        .fold(message.to_string(), |m, (from, to)| m.replace(from, to))
}

fn json_kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a true/false value",
        Value::Number(_) => "a number",
        Value::String(_) => "a text",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

fn shorten(s: &str) -> String {
    const MAX: usize = 40;
    if s.chars().count() > MAX {
        format!("{}…", s.chars().take(MAX).collect::<String>())
    } else {
        s.to_string()
    }
}

/// Refuses files with more products or items than the app is built to handle, before
/// any work proportional to their size is done on them.
fn check_limits(workspace: &Value) -> Result<(), ImportError> {
    let Some(products) = workspace.get("products").and_then(Value::as_array) else {
        return Ok(()); // the typed read reports a missing or wrong list
    };
    if products.len() > MAX_PRODUCTS {
        return Err(ImportError::new(
            "workspace.products",
            format!(
                "the file has {} products; the most an import takes is {MAX_PRODUCTS}",
                products.len()
            ),
        ));
    }
    let items: usize = products
        .iter()
        .filter_map(|p| p.get("items").and_then(Value::as_array))
        .map(Vec::len)
        .sum();
    if items > MAX_ITEMS {
        return Err(ImportError::new(
            "workspace.products",
            format!(
                "the file has {} backlog items in total; the most an import takes is {}",
                thousands(items),
                thousands(MAX_ITEMS)
            ),
        ));
    }
    Ok(())
}

/// What a product in an import holds, for the "this file contains…" confirmation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProductSummary {
    pub name: String,
    pub objectives: usize,
    pub themes: usize,
    pub features: usize,
    pub items: usize,
    pub sprints: usize,
}

pub fn summary(ws: &Workspace) -> Vec<ProductSummary> {
    ws.products
        .iter()
        .map(|p| ProductSummary {
            name: p.name.clone(),
            objectives: p.objectives.len(),
            themes: p.themes.len(),
            features: p.features.len(),
            items: p.items.len(),
            sprints: p.sprints.len(),
        })
        .collect()
}

/// A copy of `ws` in which every entity (products, objectives, key results, themes,
/// features, items, acceptance criteria, sprints, releases and portfolio links) has a new
/// id from `next_id`, called with the kind's prefix (`ids::prefix`, the prefix every id
/// the app makes already has), and every reference (theme → objective, feature → theme
/// and release, item → feature and sprint, link → products) follows. So imported products
/// can be added next to existing ones without a clash, as long as `next_id` hands out ids
/// not in use.
///
/// `ws` should be valid (unique ids); a reference to an id that does not exist is left as
/// it is. New ids are asked for in the order of `Product::all_ids`, product after product,
/// then the links.
pub fn with_fresh_ids(ws: &Workspace, next_id: &mut dyn FnMut(&str) -> Id) -> Workspace {
    let mut out = ws.clone();
    let mut map: HashMap<Id, Id> = HashMap::new();
    let mut renew = |id: &mut Id, kind: &str| {
        let new = next_id(kind);
        map.insert(std::mem::replace(id, new.clone()), new);
    };

    for p in &mut out.products {
        for (id, kind) in p.ids_mut() {
            renew(id, kind);
        }
    }
    for l in &mut out.portfolio.links {
        renew(&mut l.id, prefix::LINK);
    }

    let follow = |r: &mut Id| {
        if let Some(new) = map.get(r) {
            *r = new.clone();
        }
    };
    for p in &mut out.products {
        let refs = (p.themes.iter_mut().map(|t| &mut t.objective))
            .chain(
                p.features
                    .iter_mut()
                    .flat_map(|f| [&mut f.theme, &mut f.release]),
            )
            .chain(
                p.items
                    .iter_mut()
                    .flat_map(|i| [&mut i.feature, &mut i.sprint]),
            );
        for r in refs.flatten() {
            follow(r);
        }
        let deps = (p.features.iter_mut().flat_map(|f| f.depends_on.iter_mut()))
            .chain(p.items.iter_mut().flat_map(|i| i.depends_on.iter_mut()));
        for d in deps {
            follow(d);
        }
    }
    for l in &mut out.portfolio.links {
        follow(&mut l.from);
        follow(&mut l.to);
    }
    out
}
