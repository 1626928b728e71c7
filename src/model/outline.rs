//! The hierarchy outline as a flat list of rows: what the hierarchy page draws, worked
//! out in plain Rust so filtering, folding and roll-ups are tested natively and the
//! page only renders rows.

use super::backlog::contains_lowercased;
use super::bounds::Field;
use super::ids::{Id, IdMap};
use super::numbers::{fixed, plain, points};
use super::roles::{owner, Hat, Level, RoleSetting};
use super::rollup::{key_result_progress, Rollup};
use super::workspace::{ItemKind, Objective, Product};
use std::collections::HashSet;

/// The pseudo-parents that gather what hangs loose, so the PM and PO can fix it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Loose {
    Themes,
    Features,
    Items,
}

impl Loose {
    pub fn key(self) -> &'static str {
        match self {
            Loose::Themes => "loose-themes",
            Loose::Features => "loose-features",
            Loose::Items => "loose-items",
        }
    }
    pub fn title(self) -> &'static str {
        match self {
            Loose::Themes => "Themes with no objective",
            Loose::Features => "Features with no theme",
            Loose::Items => "Items with no feature",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RowKind {
    Product,
    Objective,
    KeyResult,
    Theme,
    Feature,
    Item,
    Loose(Loose),
}

impl RowKind {
    pub fn level(self) -> Option<Level> {
        Some(match self {
            RowKind::Product => Level::Product,
            RowKind::Objective | RowKind::KeyResult => Level::Objective,
            RowKind::Theme => Level::Theme,
            RowKind::Feature => Level::Feature,
            RowKind::Item => Level::Item,
            RowKind::Loose(_) => return None,
        })
    }
}

/// One line of the outline.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Row {
    /// Unique in the outline: the entity id, or the loose group's key.
    pub key: String,
    pub kind: RowKind,
    pub id: Option<Id>,
    pub depth: u8,
    pub title: String,
    /// Secondary text: item type, feature status, key-result numbers.
    pub detail: String,
    /// The roll-up: counts, points, percent done.
    pub meta: String,
    pub colour: Option<String>,
    pub item_kind: Option<ItemKind>,
    pub has_children: bool,
    pub expanded: bool,
    /// The entity's parent id (None for top-level or loose entities).
    pub parent: Option<Id>,
    /// Position among its siblings (1-based) and how many siblings there are.
    pub position: usize,
    pub siblings: usize,
    pub prev: Option<Id>,
    pub next: Option<Id>,
    /// The sibling after `next`, so "move down" can be a move before it.
    pub after_next: Option<Id>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    pub text: String,
    pub item_kind: Option<ItemKind>,
    pub hat: Option<Hat>,
}

impl Filter {
    pub fn is_active(&self) -> bool {
        !self.text.trim().is_empty() || self.item_kind.is_some() || self.hat.is_some()
    }
}

pub fn rollup_text(r: &Rollup) -> String {
    match r.percent_done() {
        Some(pc) => format!(
            "{} item{} · {}/{} pts · {}% done",
            r.items,
            if r.items == 1 { "" } else { "s" },
            points(r.points_done),
            points(r.points),
            fixed(pc, 0)
        ),
        None => "no items".to_string(),
    }
}

fn add(a: &mut Rollup, b: &Rollup) {
    a.items += b.items;
    a.done_items += b.done_items;
    a.points += b.points;
    a.points_done += b.points_done;
    a.unestimated += b.unestimated;
}

/// Roll-ups for every feature, theme and objective of a product, in one pass.
#[derive(Clone, Debug, PartialEq)]
pub struct Rollups {
    pub product: Rollup,
    pub by_feature: IdMap<Id, Rollup>,
    pub by_theme: IdMap<Id, Rollup>,
    pub by_objective: IdMap<Id, Rollup>,
    pub loose_items: Rollup,
}

pub fn rollups(p: &Product) -> Rollups {
    let mut by_feature: IdMap<Id, Rollup> = IdMap::default();
    let mut loose_items = Rollup::default();
    for i in &p.items {
        let r = Rollup::of([i]);
        match &i.feature {
            // Looked up before inserting, so the id is cloned once per feature, not per item.
            Some(f) => match by_feature.get_mut(f) {
                Some(sum) => add(sum, &r),
                None => add(by_feature.entry(f.clone()).or_default(), &r),
            },
            None => add(&mut loose_items, &r),
        }
    }
    let mut by_theme: IdMap<Id, Rollup> = IdMap::default();
    for f in &p.features {
        if let (Some(t), Some(r)) = (&f.theme, by_feature.get(&f.id)) {
            add(by_theme.entry(t.clone()).or_default(), r);
        }
    }
    let mut by_objective: IdMap<Id, Rollup> = IdMap::default();
    for t in &p.themes {
        if let (Some(o), Some(r)) = (&t.objective, by_theme.get(&t.id)) {
            add(by_objective.entry(o.clone()).or_default(), r);
        }
    }
    Rollups {
        product: Rollup::of(&p.items),
        by_feature,
        by_theme,
        by_objective,
        loose_items,
    }
}

/// A node of the tree before flattening. Only what is shown gets built: nothing under a
/// folded row, and while filtering only the rows that match and their ancestors.
struct Node {
    row: Row,
    children: Vec<Node>,
}

/// Sets the row of `ids[n]` in its place among its siblings, `ids`.
fn place(row: &mut Row, ids: &[&Id], n: usize) {
    row.position = n + 1;
    row.siblings = ids.len();
    row.prev = n.checked_sub(1).map(|k| ids[k].clone());
    row.next = ids.get(n + 1).map(|&id| id.clone());
    row.after_next = ids.get(n + 2).map(|&id| id.clone());
}

/// The entities under each parent (`None`: under none), in their order. One pass over a
/// list, where filtering the whole list for each parent is parents × children.
fn by_parent<'a, T>(
    entities: &'a [T],
    parent: impl Fn(&'a T) -> Option<&'a Id>,
) -> IdMap<Option<&'a Id>, Vec<&'a T>> {
    let mut groups: IdMap<Option<&Id>, Vec<&T>> = IdMap::default();
    for e in entities {
        groups.entry(parent(e)).or_default().push(e);
    }
    groups
}

/// The group of `parent`, empty when it has none.
fn under<'m, 'k, 'a, T>(
    groups: &'m IdMap<Option<&'k Id>, Vec<&'a T>>,
    parent: Option<&'k Id>,
) -> &'m [&'a T] {
    groups.get(&parent).map_or(&[], Vec::as_slice)
}

/// Builds the visible rows. `collapsed` holds the keys of folded rows; an active filter
/// unfolds everything so every match is visible with its ancestors.
pub fn outline(
    p: &Product,
    roles: RoleSetting,
    collapsed: &HashSet<String>,
    filter: &Filter,
) -> Vec<Row> {
    outline_with(p, roles, collapsed, filter, &rollups(p))
}

/// [`outline`] with the product's roll-ups worked out already: they change with the
/// document, not with the filter or what is folded.
pub fn outline_with(
    p: &Product,
    roles: RoleSetting,
    collapsed: &HashSet<String>,
    filter: &Filter,
    sums: &Rollups,
) -> Vec<Row> {
    let filtering = filter.is_active();
    let expanded = |key: &str| filtering || !collapsed.contains(key);
    let text = filter.text.trim().to_lowercase();
    let hat_ok = |level: Level| match filter.hat {
        None => true,
        Some(h) => {
            let o = owner(level, roles);
            o.hat == h || o.helper == Some(h)
        }
    };
    let matches = |level: Level, title: &str, kind: Option<ItemKind>| {
        contains_lowercased(title, &text)
            && hat_ok(level)
            && match filter.item_kind {
                None => true,
                Some(k) => kind == Some(k),
            }
    };
    // While filtering, a row is shown when it matches or has a shown child; since
    // `children` then holds only shown rows, the check needs nothing more.
    let hidden = |matches: bool, children: &[Node]| filtering && !matches && children.is_empty();
    // `children` counts them all, shown or not: `has_children` describes the hierarchy,
    // not the filter.
    let row = |key: String, kind: RowKind, id: Option<Id>, title: String, children: usize| Row {
        expanded: expanded(&key),
        key,
        kind,
        id,
        depth: 0,
        title,
        detail: String::new(),
        meta: String::new(),
        colour: None,
        item_kind: None,
        has_children: children > 0,
        parent: None,
        position: 1,
        siblings: 1,
        prev: None,
        next: None,
        after_next: None,
    };
    let items_of = by_parent(&p.items, |i| i.feature.as_ref());
    let features_of = by_parent(&p.features, |f| f.theme.as_ref());
    let themes_of = by_parent(&p.themes, |t| t.objective.as_ref());

    let item_nodes = |feature: Option<&Id>| -> Vec<Node> {
        let items = under(&items_of, feature);
        let ids: Vec<&Id> = items.iter().map(|i| &i.id).collect();
        items
            .iter()
            .enumerate()
            .filter(|(_, i)| !hidden(matches(Level::Item, &i.title, Some(i.kind)), &[]))
            .map(|(n, i)| {
                let mut r = row(
                    i.id.to_string(),
                    RowKind::Item,
                    Some(i.id.clone()),
                    i.title.clone(),
                    0,
                );
                place(&mut r, &ids, n);
                r.detail = i.kind.label().to_string();
                r.item_kind = Some(i.kind);
                r.parent = feature.cloned();
                r.meta = match i.estimate {
                    Some(e) => format!(
                        "{} {}{} · {}",
                        points(e),
                        if e == 1.0 { "pt" } else { "pts" },
                        // Stored before its bound: said, not hidden.
                        if Field::Estimate.accepts(e) {
                            ""
                        } else {
                            " (out of range)"
                        },
                        i.status.label()
                    ),
                    None => format!("unestimated · {}", i.status.label()),
                };
                Node {
                    row: r,
                    children: vec![],
                }
            })
            .collect()
    };
    let feature_nodes = |theme: Option<&Id>| -> Vec<Node> {
        let features = under(&features_of, theme);
        let ids: Vec<&Id> = features.iter().map(|f| &f.id).collect();
        features
            .iter()
            .enumerate()
            .filter_map(|(n, f)| {
                let children = if expanded(f.id.as_str()) {
                    item_nodes(Some(&f.id))
                } else {
                    vec![]
                };
                if hidden(matches(Level::Feature, &f.title, None), &children) {
                    return None;
                }
                let mut r = row(
                    f.id.to_string(),
                    RowKind::Feature,
                    Some(f.id.clone()),
                    f.title.clone(),
                    under(&items_of, Some(&f.id)).len(),
                );
                place(&mut r, &ids, n);
                r.detail = f.status.label().to_string();
                r.parent = theme.cloned();
                r.meta = rollup_text(sums.by_feature.get(&f.id).unwrap_or(&Rollup::default()));
                Some(Node { row: r, children })
            })
            .collect()
    };
    let theme_nodes = |objective: Option<&Id>| -> Vec<Node> {
        let themes = under(&themes_of, objective);
        let ids: Vec<&Id> = themes.iter().map(|t| &t.id).collect();
        themes
            .iter()
            .enumerate()
            .filter_map(|(n, t)| {
                let children = if expanded(t.id.as_str()) {
                    feature_nodes(Some(&t.id))
                } else {
                    vec![]
                };
                if hidden(matches(Level::Theme, &t.name, None), &children) {
                    return None;
                }
                let mut r = row(
                    t.id.to_string(),
                    RowKind::Theme,
                    Some(t.id.clone()),
                    t.name.clone(),
                    under(&features_of, Some(&t.id)).len(),
                );
                place(&mut r, &ids, n);
                r.colour = Some(t.colour.clone());
                r.parent = objective.cloned();
                r.meta = rollup_text(sums.by_theme.get(&t.id).unwrap_or(&Rollup::default()));
                Some(Node { row: r, children })
            })
            .collect()
    };
    let key_result_nodes = |o: &Objective| -> Vec<Node> {
        let ids: Vec<&Id> = o.key_results.iter().map(|k| &k.id).collect();
        o.key_results
            .iter()
            .enumerate()
            .filter(|(_, k)| !hidden(matches(Level::Objective, &k.title, None), &[]))
            .map(|(n, k)| {
                let mut kr = row(
                    k.id.to_string(),
                    RowKind::KeyResult,
                    Some(k.id.clone()),
                    k.title.clone(),
                    0,
                );
                place(&mut kr, &ids, n);
                let unit = if k.unit.is_empty() {
                    String::new()
                } else {
                    format!(" {}", k.unit)
                };
                kr.detail = format!(
                    "{} → {}{unit}, now {}",
                    plain(k.start),
                    plain(k.target),
                    plain(k.current)
                );
                kr.meta = key_result_progress(k)
                    .map(|v| format!("{}% of the way", fixed(v, 0)))
                    .unwrap_or_default();
                kr.parent = Some(o.id.clone());
                Node {
                    row: kr,
                    children: vec![],
                }
            })
            .collect()
    };
    let objective_nodes = || -> Vec<Node> {
        let ids: Vec<&Id> = p.objectives.iter().map(|o| &o.id).collect();
        p.objectives
            .iter()
            .enumerate()
            .filter_map(|(n, o)| {
                let mut children = vec![];
                if expanded(o.id.as_str()) {
                    children = key_result_nodes(o);
                    children.extend(theme_nodes(Some(&o.id)));
                }
                if hidden(matches(Level::Objective, &o.title, None), &children) {
                    return None;
                }
                let mut r = row(
                    o.id.to_string(),
                    RowKind::Objective,
                    Some(o.id.clone()),
                    o.title.clone(),
                    o.key_results.len() + under(&themes_of, Some(&o.id)).len(),
                );
                place(&mut r, &ids, n);
                r.meta = rollup_text(sums.by_objective.get(&o.id).unwrap_or(&Rollup::default()));
                Some(Node { row: r, children })
            })
            .collect()
    };
    // The loose groups are there only when something hangs loose.
    let loose: Vec<(Loose, usize)> = [
        (Loose::Themes, under(&themes_of, None).len()),
        (Loose::Features, under(&features_of, None).len()),
        (Loose::Items, under(&items_of, None).len()),
    ]
    .into_iter()
    .filter(|&(_, count)| count > 0)
    .collect();
    let loose_nodes = || -> Vec<Node> {
        loose
            .iter()
            .filter_map(|&(group, count)| {
                let children = match (expanded(group.key()), group) {
                    (false, _) => vec![],
                    (true, Loose::Themes) => theme_nodes(None),
                    (true, Loose::Features) => feature_nodes(None),
                    (true, Loose::Items) => item_nodes(None),
                };
                if hidden(false, &children) {
                    return None;
                }
                let mut r = row(
                    group.key().to_string(),
                    RowKind::Loose(group),
                    None,
                    group.title().to_string(),
                    count,
                );
                r.meta = format!("{count} to place");
                Some(Node { row: r, children })
            })
            .collect()
    };

    let mut top = vec![];
    if expanded(p.id.as_str()) {
        top = objective_nodes();
        top.extend(loose_nodes());
    }
    let mut out = Vec::new();
    if hidden(matches(Level::Product, &p.name, None), &top) {
        return out;
    }
    let mut product = row(
        p.id.to_string(),
        RowKind::Product,
        Some(p.id.clone()),
        p.name.clone(),
        p.objectives.len() + loose.len(),
    );
    product.meta = rollup_text(&sums.product);
    flatten(
        Node {
            row: product,
            children: top,
        },
        0,
        &mut out,
    );
    out
}

fn flatten(node: Node, depth: u8, out: &mut Vec<Row>) {
    let Node { mut row, children } = node;
    row.depth = depth;
    out.push(row);
    for child in children {
        flatten(child, depth + 1, out);
    }
}

/// The command that dropping `dragged` (kind and id) on `target` stands for, or why the
/// drop makes no sense. Dropped on a row of its own kind it goes before that row (under
/// the same parent); dropped on a row of its parent kind it goes last under it; dropped on
/// its loose group it loses its parent.
pub fn drop_command(
    product: &Id,
    dragged: (RowKind, &Id),
    target: &Row,
) -> Result<super::command::Command, String> {
    use super::command::{Command, Kind};
    let (kind, id) = dragged;
    let model_kind = match kind {
        RowKind::Objective => Kind::Objective,
        RowKind::Theme => Kind::Theme,
        RowKind::Feature => Kind::Feature,
        RowKind::Item => Kind::Item,
        _ => return Err("Only objectives, themes, features and items can be moved.".into()),
    };
    let mv = |parent: Option<Id>, before: Option<Id>| Command::Move {
        product: product.clone(),
        kind: model_kind,
        id: id.clone(),
        parent,
        before,
    };
    let parent_row = match kind {
        RowKind::Theme => Some(RowKind::Objective),
        RowKind::Feature => Some(RowKind::Theme),
        RowKind::Item => Some(RowKind::Feature),
        _ => None,
    };
    let loose = match kind {
        RowKind::Theme => Some(Loose::Themes),
        RowKind::Feature => Some(Loose::Features),
        RowKind::Item => Some(Loose::Items),
        _ => None,
    };
    if target.id.as_ref() == Some(id) {
        return Err("Drop it on another row to move it.".into());
    }
    if target.kind == kind {
        return Ok(mv(target.parent.clone(), target.id.clone()));
    }
    if Some(target.kind) == parent_row {
        return Ok(mv(target.id.clone(), None));
    }
    if let RowKind::Loose(l) = target.kind {
        if Some(l) == loose {
            return Ok(mv(None, None));
        }
    }
    Err(match kind {
        RowKind::Objective => "An objective can only be placed next to another objective.".into(),
        RowKind::Theme => "A theme goes under an objective, or next to another theme.".into(),
        RowKind::Feature => "A feature goes under a theme, or next to another feature.".into(),
        _ => "A backlog item goes under a feature, or next to another item.".into(),
    })
}
