//! The hierarchy outline as a flat list of rows: what the hierarchy page draws, worked
//! out in plain Rust so filtering, folding and roll-ups are tested natively and the
//! page only renders rows.

use super::backlog::contains_lowercased;
use super::ids::{Id, IdMap};
use super::roles::{owner, Hat, Level, RoleSetting};
use super::rollup::{key_result_progress, Rollup};
use super::workspace::{
    Feature, FeatureStatus, Item, ItemKind, ItemStatus, KeyResult, Objective, Product, Theme,
};
use std::collections::HashSet;

/// The pseudo-parents that gather what hangs loose, so the PM and PO can fix it. A group
/// has no title of its own: `text::loose_group` names it.
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

/// What a row tells besides its title, as facts: `text::row_detail` and
/// `text::row_meta` put them into words beside the view.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum Facts {
    #[default]
    None,
    /// The product, an objective or a theme: what is under it.
    Rollup(Rollup),
    Feature {
        status: FeatureStatus,
        rollup: Rollup,
    },
    Item {
        kind: ItemKind,
        estimate: Option<f64>,
        status: ItemStatus,
    },
    KeyResult {
        start: f64,
        target: f64,
        current: f64,
        unit: String,
        /// How far from start to target, in percent (none when they are equal).
        progress: Option<f64>,
    },
    /// A loose group: how many wait to be placed.
    ToPlace(usize),
}

/// One line of the outline.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    /// Unique in the outline: the entity id, or the loose group's key.
    pub key: String,
    pub kind: RowKind,
    pub id: Option<Id>,
    pub depth: u8,
    /// The entity's title; empty for a loose group, which `text::row_title` names.
    pub title: String,
    /// Item type, feature status, key-result numbers, roll-up.
    pub facts: Facts,
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
/// document, not with the filter or what is folded. The rows do not depend on the role
/// setting (the hat filter picks a kind of work, whoever wears it: see `matches`); it
/// stays in the signature, which every caller already fills, for the day a row does.
pub fn outline_with(
    p: &Product,
    _roles: RoleSetting,
    collapsed: &HashSet<String>,
    filter: &Filter,
    sums: &Rollups,
) -> Vec<Row> {
    Builder {
        p,
        collapsed,
        filter,
        sums,
        filtering: filter.is_active(),
        text: filter.text.trim().to_lowercase(),
        items_of: by_parent(&p.items, |i| i.feature.as_ref()),
        features_of: by_parent(&p.features, |f| f.theme.as_ref()),
        themes_of: by_parent(&p.themes, |t| t.objective.as_ref()),
    }
    .build()
}

/// What building the outline needs at every level: the product, the filter, what is
/// folded, and each level's entities grouped under their parents.
struct Builder<'a> {
    p: &'a Product,
    collapsed: &'a HashSet<String>,
    filter: &'a Filter,
    sums: &'a Rollups,
    filtering: bool,
    /// The filter's text, trimmed and lowercased once.
    text: String,
    items_of: IdMap<Option<&'a Id>, Vec<&'a Item>>,
    features_of: IdMap<Option<&'a Id>, Vec<&'a Feature>>,
    themes_of: IdMap<Option<&'a Id>, Vec<&'a Theme>>,
}

impl<'a> Builder<'a> {
    fn expanded(&self, key: &str) -> bool {
        self.filtering || !self.collapsed.contains(key)
    }

    fn matches(&self, level: Level, title: &str, kind: Option<ItemKind>) -> bool {
        // The hat filter picks a kind of work — the PM's strategic levels or the PO's
        // tactical ones — whoever wears that hat here: with no PM, the PO wears both,
        // and "PM's levels" must still show the strategy, not nothing.
        let hat_ok = self.filter.hat.is_none_or(|h| {
            let o = owner(level, RoleSetting::Separate);
            o.hat == h || o.helper == Some(h)
        });
        contains_lowercased(title, &self.text)
            && hat_ok
            && self.filter.item_kind.is_none_or(|k| kind == Some(k))
    }

    /// While filtering, a row is shown when it matches or has a shown child; since
    /// `children` then holds only shown rows, the check needs nothing more.
    fn hidden(&self, matches: bool, children: &[Node]) -> bool {
        self.filtering && !matches && children.is_empty()
    }

    /// A row with nothing but its identity. `children` counts them all, shown or not:
    /// `has_children` describes the hierarchy, not the filter.
    fn row(&self, kind: RowKind, id: &Id, title: &str, children: usize) -> Row {
        self.keyed_row(kind, id.to_string(), Some(id.clone()), title, children)
    }

    fn keyed_row(
        &self,
        kind: RowKind,
        key: String,
        id: Option<Id>,
        title: &str,
        children: usize,
    ) -> Row {
        Row {
            expanded: self.expanded(&key),
            key,
            kind,
            id,
            depth: 0,
            title: title.to_string(),
            facts: Facts::None,
            colour: None,
            item_kind: None,
            has_children: children > 0,
            parent: None,
            position: 1,
            siblings: 1,
            prev: None,
            next: None,
            after_next: None,
        }
    }

    fn build(&self) -> Vec<Row> {
        let p = self.p;
        let mut top = vec![];
        if self.expanded(p.id.as_str()) {
            top = self.objectives();
            top.extend(self.loose());
        }
        let mut out = Vec::new();
        if self.hidden(self.matches(Level::Product, &p.name, None), &top) {
            return out;
        }
        let children = p.objectives.len() + self.loose_groups().len();
        let mut product = self.row(RowKind::Product, &p.id, &p.name, children);
        product.facts = Facts::Rollup(self.sums.product);
        let root = Node {
            row: product,
            children: top,
        };
        flatten(root, 0, &mut out);
        out
    }

    /// The rows of one level under one parent, in order: each with `children`, its shown
    /// children (none when folded) and how many it has; while filtering, only the rows
    /// that match or have a shown child. `fill` adds what only this level shows.
    fn level<T>(
        &self,
        entities: &[&T],
        (kind, level): (RowKind, Level),
        name: fn(&T) -> (&Id, &str),
        children: impl Fn(&T) -> (Vec<Node>, usize),
        fill: impl Fn(&mut Row, &T),
    ) -> Vec<Node> {
        let ids: Vec<&Id> = entities.iter().map(|&e| name(e).0).collect();
        let node = |(n, &e): (usize, &&T)| {
            let (id, title) = name(e);
            let (shown, count) = children(e);
            if self.hidden(self.matches(level, title, None), &shown) {
                return None;
            }
            let mut r = self.row(kind, id, title, count);
            place(&mut r, &ids, n);
            fill(&mut r, e);
            Some(Node {
                row: r,
                children: shown,
            })
        };
        entities.iter().enumerate().filter_map(node).collect()
    }

    fn objectives(&self) -> Vec<Node> {
        let objectives: Vec<&Objective> = self.p.objectives.iter().collect();
        let children = |o: &Objective| {
            let mut shown = vec![];
            if self.expanded(o.id.as_str()) {
                shown = self.key_results(o);
                shown.extend(self.themes(Some(&o.id)));
            }
            let count = o.key_results.len() + under(&self.themes_of, Some(&o.id)).len();
            (shown, count)
        };
        let fill = |r: &mut Row, o: &Objective| {
            r.facts = Facts::Rollup(self.sum(&self.sums.by_objective, &o.id))
        };
        let kind = (RowKind::Objective, Level::Objective);
        self.level(&objectives, kind, |o| (&o.id, &o.title), children, fill)
    }

    /// The roll-up of `id` in `sums`.
    fn sum(&self, sums: &IdMap<Id, Rollup>, id: &Id) -> Rollup {
        sums.get(id).copied().unwrap_or_default()
    }

    fn key_results(&self, o: &Objective) -> Vec<Node> {
        let ids: Vec<&Id> = o.key_results.iter().map(|k| &k.id).collect();
        let node = |(n, k): (usize, &KeyResult)| {
            if self.hidden(self.matches(Level::Objective, &k.title, None), &[]) {
                return None;
            }
            let mut r = self.row(RowKind::KeyResult, &k.id, &k.title, 0);
            place(&mut r, &ids, n);
            r.facts = Facts::KeyResult {
                start: k.start,
                target: k.target,
                current: k.current,
                unit: k.unit.clone(),
                progress: key_result_progress(k),
            };
            r.parent = Some(o.id.clone());
            Some(Node::leaf(r))
        };
        o.key_results.iter().enumerate().filter_map(node).collect()
    }

    /// What is under a theme or a feature: the rows of its children while it is open
    /// (`rows`), and how many children it has in `groups`.
    fn children<T>(
        &self,
        id: &Id,
        groups: &IdMap<Option<&'a Id>, Vec<&'a T>>,
        rows: fn(&Self, Option<&Id>) -> Vec<Node>,
    ) -> (Vec<Node>, usize) {
        let shown = if self.expanded(id.as_str()) {
            rows(self, Some(id))
        } else {
            vec![]
        };
        (shown, under(groups, Some(id)).len())
    }

    fn themes(&self, objective: Option<&Id>) -> Vec<Node> {
        let children = |t: &Theme| self.children(&t.id, &self.features_of, Self::features);
        let fill = |r: &mut Row, t: &Theme| {
            r.colour = Some(t.colour.clone());
            r.parent = objective.cloned();
            r.facts = Facts::Rollup(self.sum(&self.sums.by_theme, &t.id));
        };
        let themes = under(&self.themes_of, objective);
        let kind = (RowKind::Theme, Level::Theme);
        self.level(themes, kind, |t| (&t.id, &t.name), children, fill)
    }

    fn features(&self, theme: Option<&Id>) -> Vec<Node> {
        let children = |f: &Feature| self.children(&f.id, &self.items_of, Self::items);
        let fill = |r: &mut Row, f: &Feature| {
            r.parent = theme.cloned();
            let rollup = self.sum(&self.sums.by_feature, &f.id);
            r.facts = Facts::Feature {
                status: f.status,
                rollup,
            };
        };
        let features = under(&self.features_of, theme);
        let kind = (RowKind::Feature, Level::Feature);
        self.level(features, kind, |f| (&f.id, &f.title), children, fill)
    }

    fn items(&self, feature: Option<&Id>) -> Vec<Node> {
        let items = under(&self.items_of, feature);
        let ids: Vec<&Id> = items.iter().map(|i| &i.id).collect();
        let node = |(n, i): (usize, &&Item)| {
            if self.hidden(self.matches(Level::Item, &i.title, Some(i.kind)), &[]) {
                return None;
            }
            let mut r = self.row(RowKind::Item, &i.id, &i.title, 0);
            place(&mut r, &ids, n);
            r.item_kind = Some(i.kind);
            r.parent = feature.cloned();
            r.facts = Facts::Item {
                kind: i.kind,
                estimate: i.estimate,
                status: i.status,
            };
            Some(Node::leaf(r))
        };
        items.iter().enumerate().filter_map(node).collect()
    }

    /// The loose groups there are: only those where something hangs loose.
    fn loose_groups(&self) -> Vec<(Loose, usize)> {
        [
            (Loose::Themes, under(&self.themes_of, None).len()),
            (Loose::Features, under(&self.features_of, None).len()),
            (Loose::Items, under(&self.items_of, None).len()),
        ]
        .into_iter()
        .filter(|&(_, count)| count > 0)
        .collect()
    }

    fn loose(&self) -> Vec<Node> {
        let node = |(group, count): (Loose, usize)| {
            let children = match (self.expanded(group.key()), group) {
                (false, _) => vec![],
                (true, Loose::Themes) => self.themes(None),
                (true, Loose::Features) => self.features(None),
                (true, Loose::Items) => self.items(None),
            };
            if self.hidden(false, &children) {
                return None;
            }
            let key = group.key().to_string();
            let mut r = self.keyed_row(RowKind::Loose(group), key, None, "", count);
            r.facts = Facts::ToPlace(count);
            Some(Node { row: r, children })
        };
        self.loose_groups().into_iter().filter_map(node).collect()
    }
}

impl Node {
    fn leaf(row: Row) -> Self {
        Node {
            row,
            children: vec![],
        }
    }
}

fn flatten(node: Node, depth: u8, out: &mut Vec<Row>) {
    let Node { mut row, children } = node;
    row.depth = depth;
    out.push(row);
    for child in children {
        flatten(child, depth + 1, out);
    }
}

/// Why a drop on the outline moves nothing; `text::drop_refused` says it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DropRefused {
    /// The dragged row is not an objective, theme, feature or item.
    NotMovable,
    /// Dropped on itself.
    OnItself,
    /// Dropped on a row it cannot go next to or under: the dragged entity's kind.
    Misplaced(super::command::Kind),
}

/// The command that dropping `dragged` (kind and id) on `target` stands for, or why the
/// drop makes no sense. Dropped on a row of its own kind it goes before that row (under
/// the same parent); dropped on a row of its parent kind it goes last under it; dropped on
/// its loose group it loses its parent.
pub fn drop_command(
    product: &Id,
    dragged: (RowKind, &Id),
    target: &Row,
) -> Result<super::command::Command, DropRefused> {
    use super::command::Command;
    let (kind, id) = dragged;
    let Some(model_kind) = kind.entity_kind() else {
        return Err(DropRefused::NotMovable);
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
        return Err(DropRefused::OnItself);
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
    Err(DropRefused::Misplaced(model_kind))
}
