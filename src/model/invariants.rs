//! The rules every document obeys. They are checked on load, on import and after every
//! command, so nothing the model accepts can leave a dangling or ambiguous reference.
//!
//! Numbers need only be numbers here. Their ranges (an estimate from 0 to 1,000 points, …)
//! live in `bounds`, which commands, fields and the import ask: a range checked on load
//! would make a workspace stored with one value out of it unreadable.

use super::bounds::Field;
use super::command::Kind;
use super::dependencies::{self, Graph};
use super::error::{At, Invalid, Link, Name, Place, Rule, Span, TextField};
use super::ids::{Id, IdSet};
use super::workspace::{Feature, Item, KeyResult, Product, Sprint, Theme, Workspace};

/// Limits that keep a hostile or corrupt file from making the app unusable.
pub const MAX_TEXT_LEN: usize = 20_000;
pub const MAX_TITLE_LEN: usize = 300;

pub fn validate_workspace(ws: &Workspace) -> Result<(), Invalid> {
    check_title(TextField::Name, &ws.portfolio.name).map_err(|rule| Invalid {
        at: At::new(Place::Portfolio),
        rule,
    })?;
    if let Some((at, id)) = first_duplicate_id(ws) {
        return Err(Invalid {
            at: at.place(),
            rule: Rule::IdRepeated(id.clone()),
        });
    }
    for p in &ws.products {
        // The walk above has checked every id, these products' included.
        check_product(p, false)?;
    }
    for l in &ws.portfolio.links {
        for end in [&l.from, &l.to] {
            if ws.product(end).is_none() {
                return Err(Invalid {
                    at: At::new(Place::PortfolioLink(l.id.clone())),
                    rule: Rule::Dangling(Link::Product, end.clone()),
                });
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

impl IdsOf<'_> {
    pub fn place(&self) -> At {
        At::new(match self {
            IdsOf::Product(name) => Place::Product(Name::Title(name.to_string())),
            IdsOf::PortfolioLinks => Place::PortfolioLinks,
        })
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
pub fn validate_product(p: &Product) -> Result<(), Invalid> {
    check_product(p, true)
}

/// A product, named by its name and id.
fn product(p: &Product) -> Place {
    Place::Product(Name::Both(p.name.clone(), p.id.clone()))
}

/// An entity of a product, named by its title and id. Built from the product rather than
/// cloned from its location, so that the first load holds no code to clone a location.
fn entity(p: &Product, kind: Kind, title: &str, id: &Id) -> At {
    let entity = Place::Entity(kind, Name::Both(title.to_string(), id.clone()));
    At(vec![product(p), entity])
}

// Each part's rules are checked together and placed once, when one is broken: building
// the location for each of 10,000 items took most of the time of checking a product, and
// one placing per part keeps this walk small in the first load, where a stored document
// is checked.

fn check_product(p: &Product, own_ids: bool) -> Result<(), Invalid> {
    product_rules(p, own_ids).map_err(|rule| Invalid {
        at: At::new(product(p)),
        rule,
    })?;
    check_references(p)
}

fn product_rules(p: &Product, own_ids: bool) -> Result<(), Rule> {
    check_title(TextField::Name, &p.name)?;
    for (field, text) in [
        (TextField::Vision, &p.vision.for_whom),
        (TextField::Vision, &p.vision.need),
        (TextField::Vision, &p.vision.product),
        (TextField::Vision, &p.vision.differentiator),
        (TextField::Goal, &p.goal),
        (TextField::BudgetNote, &p.budget_note),
    ] {
        check_text(field, text)?;
    }
    if own_ids {
        check_own_ids(p)?;
    }
    Ok(())
}

fn check_own_ids(p: &Product) -> Result<(), Rule> {
    let all = p.all_ids();
    let mut ids: IdSet<&Id> = IdSet::with_capacity_and_hasher(all.len(), Default::default());
    for id in all {
        if !ids.insert(id) {
            return Err(Rule::IdRepeated(id.clone()));
        }
    }
    Ok(())
}

/// Titles, texts, numbers and every reference inside one product.
fn check_references(p: &Product) -> Result<(), Invalid> {
    let objectives: IdSet<&Id> = p.objectives.iter().map(|o| &o.id).collect();
    for o in &p.objectives {
        let at_o = || entity(p, Kind::Objective, &o.title, &o.id);
        check_title(TextField::Title, &o.title).map_err(|rule| Invalid { at: at_o(), rule })?;
        for k in &o.key_results {
            key_result_rules(k).map_err(|rule| Invalid {
                at: {
                    let mut at = at_o();
                    at.0.push(Place::KeyResult(Name::Both(k.title.clone(), k.id.clone())));
                    at
                },
                rule,
            })?;
        }
    }

    let themes: IdSet<&Id> = p.themes.iter().map(|t| &t.id).collect();
    for t in &p.themes {
        theme_rules(t, &objectives).map_err(|rule| Invalid {
            at: entity(p, Kind::Theme, &t.name, &t.id),
            rule,
        })?;
    }

    let releases: IdSet<&Id> = p.releases.iter().map(|r| &r.id).collect();
    for r in &p.releases {
        check_title(TextField::Name, &r.name).map_err(|rule| Invalid {
            at: entity(p, Kind::Release, &r.name, &r.id),
            rule,
        })?;
    }

    let features: IdSet<&Id> = p.features.iter().map(|f| &f.id).collect();
    for f in &p.features {
        feature_rules(f, &themes, &releases).map_err(|rule| Invalid {
            at: entity(p, Kind::Feature, &f.title, &f.id),
            rule,
        })?;
    }
    if p.features.iter().any(|f| !f.depends_on.is_empty()) {
        let nodes: Vec<Node> = p
            .features
            .iter()
            .map(|f| (&f.id, f.title.as_str(), f.depends_on.as_slice()))
            .collect();
        check_dependencies(p, Kind::Feature, &nodes)?;
    }

    let sprints: IdSet<&Id> = p.sprints.iter().map(|s| &s.id).collect();
    for s in &p.sprints {
        sprint_rules(s).map_err(|rule| Invalid {
            at: entity(p, Kind::Sprint, &s.name, &s.id),
            rule,
        })?;
    }

    for i in &p.items {
        check_item(i, &features, &sprints).map_err(|rule| Invalid {
            at: entity(p, Kind::Item, &i.title, &i.id),
            rule,
        })?;
    }
    check_item_dependencies(p)
}

fn key_result_rules(k: &KeyResult) -> Result<(), Rule> {
    check_title(TextField::Title, &k.title)?;
    for (field, v) in super::bounds::key_result_numbers(k) {
        check_number(field, v)?;
    }
    Ok(())
}

fn theme_rules(t: &Theme, objectives: &IdSet<&Id>) -> Result<(), Rule> {
    check_title(TextField::Name, &t.name)?;
    check_text(TextField::Description, &t.description)?;
    if !is_hex_colour(&t.colour) {
        return Err(Rule::BadColour(t.colour.clone()));
    }
    check_ref(Link::Objective, t.objective.as_ref(), objectives)
}

fn feature_rules(f: &Feature, themes: &IdSet<&Id>, releases: &IdSet<&Id>) -> Result<(), Rule> {
    check_title(TextField::Title, &f.title)?;
    check_text(TextField::Description, &f.description)?;
    check_ref(Link::Theme, f.theme.as_ref(), themes)?;
    check_ref(Link::Release, f.release.as_ref(), releases)?;
    if let (Some(start), Some(end)) = (f.start, f.end) {
        if end < start {
            return Err(Rule::EndsBeforeStart(Span::Months { start, end }));
        }
    }
    for (field, v) in super::bounds::feature_numbers(f) {
        check_number(field, v)?;
    }
    Ok(())
}

fn sprint_rules(s: &Sprint) -> Result<(), Rule> {
    check_title(TextField::Name, &s.name)?;
    check_text(TextField::Goal, &s.goal)?;
    check_number(Field::Capacity, s.capacity)?;
    if let (Some(start), Some(end)) = (s.start, s.end) {
        if end < start {
            return Err(Rule::EndsBeforeStart(Span::Days { start, end }));
        }
    }
    Ok(())
}

fn check_item_dependencies(p: &Product) -> Result<(), Invalid> {
    if p.items.iter().all(|i| i.depends_on.is_empty()) {
        return Ok(());
    }
    let nodes: Vec<Node> = p
        .items
        .iter()
        .map(|i| (&i.id, i.title.as_str(), i.depends_on.as_slice()))
        .collect();
    check_dependencies(p, Kind::Item, &nodes)
}

/// An entity that can wait for others of its kind: its id, title and dependencies.
type Node<'a> = (&'a Id, &'a str, &'a [Id]);

/// The dependency rules over one kind's entities (`dependencies`): each names others
/// of the kind, not itself, once; and none waits for itself through others. One
/// function for features and items, out of line: it is in the first download.
#[inline(never)]
fn check_dependencies(p: &Product, kind: Kind, nodes: &[Node]) -> Result<(), Invalid> {
    let known: IdSet<&Id> = nodes.iter().map(|n| n.0).collect();
    let place = |n: &Node| entity(p, kind, n.1, n.0);
    for n in nodes.iter().filter(|n| !n.2.is_empty()) {
        dependencies::check_list(n.0, n.2, &known, kind)
            .map_err(|rule| Invalid { at: place(n), rule })?;
    }
    let find = |id: &Id| nodes.iter().find(|n| n.0 == id);
    let deps_of = |id: &Id| find(id).map(|n| n.2);
    let cycle = Graph::new(nodes.iter().map(|n| (n.0, n.2)), &deps_of).any_cycle();
    match cycle {
        Some(cycle) => {
            let title = |id: &&Id| find(id).map(|n| n.1.to_string()).unwrap_or_default();
            let first = find(cycle[0]).map(place).unwrap_or_default();
            Err(Invalid {
                at: first,
                rule: Rule::Loop(cycle.iter().map(title).collect()),
            })
        }
        None => Ok(()),
    }
}

/// Whether a workspace that was valid is still valid after a change to one item alone
/// (added, edited, moved or deleted): the item's own checks, and its ids (its own and its
/// criteria's) used once across all products. Nothing refers to an item, so nothing else
/// can have broken. `false` means "check everything": that finds the error and where.
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

/// The checks of one item (the caller says where it is).
fn check_item(i: &Item, features: &IdSet<&Id>, sprints: &IdSet<&Id>) -> Result<(), Rule> {
    check_title(TextField::Title, &i.title)?;
    check_text(TextField::Description, &i.description)?;
    for (field, text) in [
        (TextField::AsA, &i.story.as_a),
        (TextField::IWant, &i.story.i_want),
        (TextField::SoThat, &i.story.so_that),
    ] {
        check_text(field, text)?;
    }
    for c in &i.acceptance {
        check_text(TextField::AcceptanceCriterion, &c.text)?;
        if c.text.trim().is_empty() {
            return Err(Rule::EmptyCriterion);
        }
    }
    for (field, v) in super::bounds::item_numbers(i) {
        check_number(field, v)?;
    }
    check_ref(Link::Feature, i.feature.as_ref(), features)?;
    check_ref(Link::Sprint, i.sprint.as_ref(), sprints)?;
    Ok(())
}

pub fn check_title(field: TextField, text: &str) -> Result<(), Rule> {
    if text.trim().is_empty() {
        return Err(Rule::Empty(field));
    }
    if text.chars().count() > MAX_TITLE_LEN {
        return Err(Rule::TooLong(field, MAX_TITLE_LEN));
    }
    Ok(())
}

/// An optional reference must name something the product holds.
fn check_ref(link: Link, r: Option<&Id>, known: &IdSet<&Id>) -> Result<(), Rule> {
    match r {
        Some(r) if !known.contains(r) => Err(Rule::Dangling(link, r.clone())),
        _ => Ok(()),
    }
}

fn check_text(field: TextField, text: &str) -> Result<(), Rule> {
    // Characters, as the limit says; a text has at least as many bytes as characters,
    // so most texts are passed without counting.
    if text.len() > MAX_TEXT_LEN && text.chars().count() > MAX_TEXT_LEN {
        return Err(Rule::TooLong(field, MAX_TEXT_LEN));
    }
    Ok(())
}

fn check_number(field: Field, v: Option<f64>) -> Result<(), Rule> {
    match v {
        Some(x) if !x.is_finite() => Err(Rule::NotANumber(field)),
        _ => Ok(()),
    }
}

pub fn is_hex_colour(s: &str) -> bool {
    s.len() == 7 && s.starts_with('#') && s[1..].bytes().all(|b| b.is_ascii_hexdigit())
}
