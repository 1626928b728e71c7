//! The rules every document obeys. They are checked on load, on import and after every
//! command, so nothing the model accepts can leave a dangling or ambiguous reference.
//!
//! Numbers need only be numbers here. Their ranges (an estimate from 0 to 1,000 points, …)
//! live in `bounds`, which commands, fields and the import ask: a range checked on load
//! would make a workspace stored with one value out of it unreadable.

use super::dependencies::{self, Graph};
use super::error::ModelError;
use super::ids::{Id, IdSet};
use super::workspace::{Item, Product, Workspace};

/// Limits that keep a hostile or corrupt file from making the app unusable.
pub const MAX_TEXT_LEN: usize = 20_000;
pub const MAX_TITLE_LEN: usize = 300;

pub fn validate_workspace(ws: &Workspace) -> Result<(), ModelError> {
    check_title("portfolio", "name", &ws.portfolio.name)?;
    if let Some((at, id)) = first_duplicate_id(ws) {
        return Err(ModelError::new(
            at.to_string(),
            format!("id {id} is used more than once"),
        ));
    }
    for p in &ws.products {
        // The walk above has checked every id, these products' included.
        check_product(p, false)?;
    }
    for l in &ws.portfolio.links {
        for end in [&l.from, &l.to] {
            if ws.product(end).is_none() {
                return Err(ModelError::new(
                    format!("portfolio link {}", l.id),
                    format!("refers to product {end}, which does not exist"),
                ));
            }
        }
    }
    Ok(())
}

/// Where a duplicated id was met: in a product (by name), or among the portfolio links.
pub enum IdsOf<'a> {
    Product(&'a str),
    PortfolioLinks,
}

impl std::fmt::Display for IdsOf<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            IdsOf::Product(name) => write!(f, "product '{name}'"),
            IdsOf::PortfolioLinks => f.write_str("portfolio links"),
        }
    }
}

/// The first id met a second time across the whole workspace: every product's ids, then
/// the portfolio links'. Loading and every command both ask this one walk, so they can
/// never disagree about which ids count.
pub fn first_duplicate_id(ws: &Workspace) -> Option<(IdsOf<'_>, &Id)> {
    let mut seen: IdSet<&Id> = IdSet::default();
    for p in &ws.products {
        let ids = p.all_ids();
        // Grown once, not doubled and rehashed a dozen times over 10,000 items.
        seen.reserve(ids.len());
        if let Some(id) = ids.into_iter().find(|id| !seen.insert(id)) {
            return Some((IdsOf::Product(&p.name), id));
        }
    }
    ws.portfolio
        .links
        .iter()
        .find(|l| !seen.insert(&l.id))
        .map(|l| (IdsOf::PortfolioLinks, &l.id))
}

/// Checks one product on its own: ids unique inside it, references resolved inside it,
/// titles present, numbers finite.
pub fn validate_product(p: &Product) -> Result<(), ModelError> {
    check_product(p, true)
}

fn check_product(p: &Product, own_ids: bool) -> Result<(), ModelError> {
    let at_p = format!("product '{}' ({})", p.name, p.id);
    check_title(&at_p, "name", &p.name)?;
    for (field, text) in [
        ("vision", &p.vision.for_whom),
        ("vision", &p.vision.need),
        ("vision", &p.vision.product),
        ("vision", &p.vision.differentiator),
        ("goal", &p.goal),
        ("budget note", &p.budget_note),
    ] {
        check_text(&at_p, field, text)?;
    }
    if own_ids {
        check_own_ids(p, &at_p)?;
    }
    check_references(p, at_p)
}

fn check_own_ids(p: &Product, at_p: &str) -> Result<(), ModelError> {
    let all = p.all_ids();
    let mut ids: IdSet<&Id> = IdSet::with_capacity_and_hasher(all.len(), Default::default());
    for id in all {
        if !ids.insert(id) {
            return Err(ModelError::new(
                at_p,
                format!("id {id} is used more than once"),
            ));
        }
    }
    Ok(())
}

/// Titles, texts, numbers and every reference inside one product.
fn check_references(p: &Product, at_p: String) -> Result<(), ModelError> {
    let objectives: IdSet<&Id> = p.objectives.iter().map(|o| &o.id).collect();
    for o in &p.objectives {
        let at = format!("{at_p} › objective '{}' ({})", o.title, o.id);
        check_title(&at, "title", &o.title)?;
        for k in &o.key_results {
            let at = format!("{at} › key result '{}' ({})", k.title, k.id);
            check_title(&at, "title", &k.title)?;
            for (name, v) in [
                ("start", k.start),
                ("target", k.target),
                ("current", k.current),
            ] {
                if !v.is_finite() {
                    return Err(ModelError::new(at, format!("{name} must be a number")));
                }
            }
        }
    }

    let themes: IdSet<&Id> = p.themes.iter().map(|t| &t.id).collect();
    for t in &p.themes {
        let at = format!("{at_p} › theme '{}' ({})", t.name, t.id);
        check_title(&at, "name", &t.name)?;
        check_text(&at, "description", &t.description)?;
        if !is_hex_colour(&t.colour) {
            return Err(ModelError::new(
                at,
                format!("colour '{}' is not like #1a2b3c", t.colour),
            ));
        }
        check_ref(
            &at,
            "refers to objective",
            t.objective.as_ref(),
            &objectives,
        )?;
    }

    let releases: IdSet<&Id> = p.releases.iter().map(|r| &r.id).collect();
    for r in &p.releases {
        check_title(
            &format!("{at_p} › release '{}' ({})", r.name, r.id),
            "name",
            &r.name,
        )?;
    }

    let features: IdSet<&Id> = p.features.iter().map(|f| &f.id).collect();
    for f in &p.features {
        let at = format!("{at_p} › feature '{}' ({})", f.title, f.id);
        check_title(&at, "title", &f.title)?;
        check_text(&at, "description", &f.description)?;
        check_ref(&at, "refers to theme", f.theme.as_ref(), &themes)?;
        check_ref(&at, "targets release", f.release.as_ref(), &releases)?;
        if let (Some(s), Some(e)) = (f.start, f.end) {
            if e < s {
                return Err(ModelError::new(
                    at,
                    format!("ends ({e}) before it starts ({s})"),
                ));
            }
        }
        check_number(&at, "value", f.value)?;
        check_number(&at, "effort", f.effort)?;
    }
    if p.features.iter().any(|f| !f.depends_on.is_empty()) {
        let nodes: Vec<Node> = p
            .features
            .iter()
            .map(|f| (&f.id, f.title.as_str(), f.depends_on.as_slice()))
            .collect();
        check_dependencies(&at_p, "feature", &nodes)?;
    }

    let sprints: IdSet<&Id> = p.sprints.iter().map(|s| &s.id).collect();
    for s in &p.sprints {
        let at = format!("{at_p} › sprint '{}' ({})", s.name, s.id);
        check_title(&at, "name", &s.name)?;
        check_text(&at, "goal", &s.goal)?;
        check_number(&at, "capacity", s.capacity)?;
        if let (Some(a), Some(b)) = (s.start, s.end) {
            if b < a {
                return Err(ModelError::new(
                    at,
                    format!("ends ({b}) before it starts ({a})"),
                ));
            }
        }
    }

    for i in &p.items {
        // Where the problem is is written only when there is one: formatting it for
        // each of 10,000 items took most of the time of checking a product.
        check_item(i, &features, &sprints).map_err(|mut e| {
            e.at = format!("{at_p} › item '{}' ({})", i.title, i.id);
            e
        })?;
    }
    check_item_dependencies(p, &at_p)
}

fn check_item_dependencies(p: &Product, at_p: &str) -> Result<(), ModelError> {
    if p.items.iter().all(|i| i.depends_on.is_empty()) {
        return Ok(());
    }
    let nodes: Vec<Node> = p
        .items
        .iter()
        .map(|i| (&i.id, i.title.as_str(), i.depends_on.as_slice()))
        .collect();
    check_dependencies(at_p, "item", &nodes)
}

/// An entity that can wait for others of its kind: its id, title and dependencies.
type Node<'a> = (&'a Id, &'a str, &'a [Id]);

/// The dependency rules over one kind's entities (`dependencies`): each names others
/// of the kind, not itself, once; and none waits for itself through others. One
/// function for features and items, out of line: it is in the first download.
#[inline(never)]
fn check_dependencies(at_p: &str, noun: &str, nodes: &[Node]) -> Result<(), ModelError> {
    let known: IdSet<&Id> = nodes.iter().map(|n| n.0).collect();
    let at = |n: &Node| format!("{at_p} › {noun} '{}' ({})", n.1, n.0);
    for n in nodes.iter().filter(|n| !n.2.is_empty()) {
        dependencies::check_list(&at(n), n.0, n.2, &known, noun)?;
    }
    let find = |id: &Id| nodes.iter().find(|n| n.0 == id);
    let deps_of = |id: &Id| find(id).map(|n| n.2);
    let cycle = Graph::new(nodes.iter().map(|n| (n.0, n.2)), &deps_of).any_cycle();
    match cycle {
        Some(cycle) => {
            let first = find(cycle[0]).map(at).unwrap_or_default();
            let title = |id: &Id| find(id).map(|n| n.1.to_string()).unwrap_or_default();
            Err(dependencies::cycle_error(&first, &cycle, title))
        }
        None => Ok(()),
    }
}

/// Whether a workspace that was valid is still valid after a change to one item alone
/// (added, edited, moved or deleted): the item's own checks, and its ids (its own and its
/// criteria's) used once across all products. Nothing refers to an item, so nothing else
/// can have broken. `false` means "check everything": that finds the error and words it.
/// A full check of 10,000 items on every edit was most of the time of an edit.
pub fn item_still_fits(ws: &Workspace, product: &Id, id: &Id) -> bool {
    let Some(p) = ws.product(product) else {
        return true;
    };
    let Some(item) = p.items.iter().find(|i| &i.id == id) else {
        return true;
    };
    let features: IdSet<&Id> = p.features.iter().map(|f| &f.id).collect();
    let sprints: IdSet<&Id> = p.sprints.iter().map(|s| &s.id).collect();
    if check_item(item, &features, &sprints).is_err() {
        return false;
    }
    if !item.depends_on.is_empty() {
        let known = |d: &Id| d != &item.id && p.item(d).is_some();
        let unique = item
            .depends_on
            .iter()
            .enumerate()
            .all(|(n, d)| !item.depends_on[..n].contains(d));
        if !unique
            || !item.depends_on.iter().all(known)
            || Graph::new(
                p.items.iter().map(|i| (&i.id, i.depends_on.as_slice())),
                &|id: &Id| p.item(id).map(|i| i.depends_on.as_slice()),
            )
            .cycle_through(&item.id)
            .is_some()
        {
            return false;
        }
    }
    let mine: Vec<&Id> = std::iter::once(&item.id)
        .chain(item.acceptance.iter().map(|c| &c.id))
        .collect();
    let mut uses = vec![0usize; mine.len()];
    let all = ws
        .products
        .iter()
        .flat_map(|other| other.all_ids())
        .chain(ws.portfolio.links.iter().map(|l| &l.id));
    for x in all {
        for (n, m) in mine.iter().enumerate() {
            if x == *m {
                uses[n] += 1;
            }
        }
    }
    uses.iter().all(|&u| u == 1)
}

/// The checks of one item, with an empty location (the caller adds it).
fn check_item(i: &Item, features: &IdSet<&Id>, sprints: &IdSet<&Id>) -> Result<(), ModelError> {
    let at = "";
    check_title(at, "title", &i.title)?;
    check_text(at, "description", &i.description)?;
    for (field, text) in [
        ("as a", &i.story.as_a),
        ("I want", &i.story.i_want),
        ("so that", &i.story.so_that),
    ] {
        check_text(at, field, text)?;
    }
    for c in &i.acceptance {
        check_text(at, "acceptance criterion", &c.text)?;
        if c.text.trim().is_empty() {
            return Err(ModelError::new(at, "an acceptance criterion is empty"));
        }
    }
    check_number(at, "estimate", i.estimate)?;
    let s = &i.scores;
    for (name, v) in [
        ("value", s.value),
        ("effort", s.effort),
        ("business value", s.business_value),
        ("time criticality", s.time_criticality),
        ("risk reduction", s.risk_reduction),
        ("job size", s.job_size),
        ("reach", s.reach),
        ("impact", s.impact),
        ("confidence", s.confidence),
    ] {
        check_number(at, name, v)?;
    }
    check_ref(at, "refers to feature", i.feature.as_ref(), features)?;
    check_ref(at, "is planned into sprint", i.sprint.as_ref(), sprints)?;
    Ok(())
}

pub fn check_title(at: &str, field: &str, text: &str) -> Result<(), ModelError> {
    if text.trim().is_empty() {
        return Err(ModelError::new(at, format!("the {field} cannot be empty")));
    }
    if text.chars().count() > MAX_TITLE_LEN {
        return Err(ModelError::new(
            at,
            format!("the {field} is longer than {MAX_TITLE_LEN} characters"),
        ));
    }
    Ok(())
}

/// An optional reference must name something the product holds; `says` is how the
/// error words the field ("refers to theme", "targets release", …).
fn check_ref(at: &str, says: &str, r: Option<&Id>, known: &IdSet<&Id>) -> Result<(), ModelError> {
    match r {
        Some(r) if !known.contains(r) => Err(ModelError::new(
            at,
            format!("{says} {r}, which does not exist"),
        )),
        _ => Ok(()),
    }
}

fn check_text(at: &str, field: &str, text: &str) -> Result<(), ModelError> {
    // Characters, as the message says; a text has at least as many bytes as characters,
    // so most texts are passed without counting.
    if text.len() > MAX_TEXT_LEN && text.chars().count() > MAX_TEXT_LEN {
        return Err(ModelError::new(
            at,
            format!("the {field} is longer than {MAX_TEXT_LEN} characters"),
        ));
    }
    Ok(())
}

fn check_number(at: &str, field: &str, v: Option<f64>) -> Result<(), ModelError> {
    match v {
        Some(x) if !x.is_finite() => {
            Err(ModelError::new(at, format!("the {field} must be a number")))
        }
        _ => Ok(()),
    }
}

pub fn is_hex_colour(s: &str) -> bool {
    s.len() == 7 && s.starts_with('#') && s[1..].bytes().all(|b| b.is_ascii_hexdigit())
}
