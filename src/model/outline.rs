//! The hierarchy outline as a flat list of rows: what the hierarchy page draws, worked
//! out in plain Rust so filtering, folding and roll-ups are tested natively and the
//! page only renders rows.

use super::ids::Id;
use super::roles::{owner, Hat, Level, RoleSetting};
use super::rollup::{key_result_progress, Rollup};
use super::workspace::{ItemKind, Product};
use std::collections::{HashMap, HashSet};

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
    let pts = |x: f64| {
        if x.fract() == 0.0 {
            format!("{x:.0}")
        } else {
            format!("{x:.1}")
        }
    };
    match r.percent_done() {
        Some(pc) => format!(
            "{} item{} · {}/{} pts · {:.0}% done",
            r.items,
            if r.items == 1 { "" } else { "s" },
            pts(r.points_done),
            pts(r.points),
            pc
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
pub struct Rollups {
    pub product: Rollup,
    pub by_feature: HashMap<Id, Rollup>,
    pub by_theme: HashMap<Id, Rollup>,
    pub by_objective: HashMap<Id, Rollup>,
    pub loose_items: Rollup,
}

pub fn rollups(p: &Product) -> Rollups {
    let mut by_feature: HashMap<Id, Rollup> = HashMap::new();
    let mut loose_items = Rollup::default();
    for i in &p.items {
        let r = Rollup::of([i]);
        match &i.feature {
            Some(f) => add(by_feature.entry(f.clone()).or_default(), &r),
            None => add(&mut loose_items, &r),
        }
    }
    let mut by_theme: HashMap<Id, Rollup> = HashMap::new();
    for f in &p.features {
        if let (Some(t), Some(r)) = (&f.theme, by_feature.get(&f.id)) {
            add(by_theme.entry(t.clone()).or_default(), r);
        }
    }
    let mut by_objective: HashMap<Id, Rollup> = HashMap::new();
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

/// A node of the tree before flattening.
struct Node {
    row: Row,
    children: Vec<Node>,
    /// Matches the filter itself (not only through a descendant).
    matches: bool,
}

fn set_siblings(nodes: &mut [Node]) {
    let ids: Vec<Option<Id>> = nodes.iter().map(|n| n.row.id.clone()).collect();
    let n = nodes.len();
    for (i, node) in nodes.iter_mut().enumerate() {
        node.row.position = i + 1;
        node.row.siblings = n;
        node.row.prev = if i > 0 { ids[i - 1].clone() } else { None };
        node.row.next = ids.get(i + 1).cloned().flatten();
        node.row.after_next = ids.get(i + 2).cloned().flatten();
    }
}

/// Builds the visible rows. `collapsed` holds the keys of folded rows; an active filter
/// unfolds everything so every match is visible with its ancestors.
pub fn outline(
    p: &Product,
    roles: RoleSetting,
    collapsed: &HashSet<String>,
    filter: &Filter,
) -> Vec<Row> {
    let sums = rollups(p);
    let text = filter.text.trim().to_lowercase();
    let hat_ok = |level: Level| match filter.hat {
        None => true,
        Some(h) => {
            let o = owner(level, roles);
            o.hat == h || o.helper == Some(h)
        }
    };
    let matches = |level: Level, title: &str, kind: Option<ItemKind>| {
        (text.is_empty() || title.to_lowercase().contains(&text))
            && hat_ok(level)
            && match filter.item_kind {
                None => true,
                Some(k) => kind == Some(k),
            }
    };
    let row = |key: String, kind: RowKind, id: Option<Id>, title: String| Row {
        key,
        kind,
        id,
        depth: 0,
        title,
        detail: String::new(),
        meta: String::new(),
        colour: None,
        item_kind: None,
        has_children: false,
        expanded: true,
        parent: None,
        position: 1,
        siblings: 1,
        prev: None,
        next: None,
        after_next: None,
    };

    let item_nodes = |feature: Option<&Id>| -> Vec<Node> {
        let mut nodes: Vec<Node> = p
            .items
            .iter()
            .filter(|i| i.feature.as_ref() == feature)
            .map(|i| {
                let mut r = row(
                    i.id.to_string(),
                    RowKind::Item,
                    Some(i.id.clone()),
                    i.title.clone(),
                );
                r.detail = i.kind.label().to_string();
                r.item_kind = Some(i.kind);
                r.parent = feature.cloned();
                r.meta = match i.estimate {
                    Some(e) => format!(
                        "{e} {} · {}",
                        if e == 1.0 { "pt" } else { "pts" },
                        i.status.label()
                    ),
                    None => format!("unestimated · {}", i.status.label()),
                };
                Node {
                    matches: matches(Level::Item, &i.title, Some(i.kind)),
                    row: r,
                    children: vec![],
                }
            })
            .collect();
        set_siblings(&mut nodes);
        nodes
    };
    let feature_nodes = |theme: Option<&Id>| -> Vec<Node> {
        let mut nodes: Vec<Node> = p
            .features
            .iter()
            .filter(|f| f.theme.as_ref() == theme)
            .map(|f| {
                let mut r = row(
                    f.id.to_string(),
                    RowKind::Feature,
                    Some(f.id.clone()),
                    f.title.clone(),
                );
                r.detail = f.status.label().to_string();
                r.parent = theme.cloned();
                r.meta = rollup_text(sums.by_feature.get(&f.id).unwrap_or(&Rollup::default()));
                Node {
                    matches: matches(Level::Feature, &f.title, None),
                    row: r,
                    children: item_nodes(Some(&f.id)),
                }
            })
            .collect();
        set_siblings(&mut nodes);
        nodes
    };
    let theme_nodes = |objective: Option<&Id>| -> Vec<Node> {
        let mut nodes: Vec<Node> = p
            .themes
            .iter()
            .filter(|t| t.objective.as_ref() == objective)
            .map(|t| {
                let mut r = row(
                    t.id.to_string(),
                    RowKind::Theme,
                    Some(t.id.clone()),
                    t.name.clone(),
                );
                r.colour = Some(t.colour.clone());
                r.parent = objective.cloned();
                r.meta = rollup_text(sums.by_theme.get(&t.id).unwrap_or(&Rollup::default()));
                Node {
                    matches: matches(Level::Theme, &t.name, None),
                    row: r,
                    children: feature_nodes(Some(&t.id)),
                }
            })
            .collect();
        set_siblings(&mut nodes);
        nodes
    };

    let mut top: Vec<Node> = p
        .objectives
        .iter()
        .map(|o| {
            let mut r = row(
                o.id.to_string(),
                RowKind::Objective,
                Some(o.id.clone()),
                o.title.clone(),
            );
            r.meta = rollup_text(sums.by_objective.get(&o.id).unwrap_or(&Rollup::default()));
            let mut children: Vec<Node> = o
                .key_results
                .iter()
                .map(|k| {
                    let mut kr = row(
                        k.id.to_string(),
                        RowKind::KeyResult,
                        Some(k.id.clone()),
                        k.title.clone(),
                    );
                    let unit = if k.unit.is_empty() {
                        String::new()
                    } else {
                        format!(" {}", k.unit)
                    };
                    kr.detail = format!("{} → {}{unit}, now {}", k.start, k.target, k.current);
                    kr.meta = key_result_progress(k)
                        .map(|v| format!("{v:.0}% of the way"))
                        .unwrap_or_default();
                    kr.parent = Some(o.id.clone());
                    Node {
                        matches: matches(Level::Objective, &k.title, None),
                        row: kr,
                        children: vec![],
                    }
                })
                .collect();
            set_siblings(&mut children);
            children.extend(theme_nodes(Some(&o.id)));
            Node {
                matches: matches(Level::Objective, &o.title, None),
                row: r,
                children,
            }
        })
        .collect();
    set_siblings(&mut top);
    for (loose, children) in [
        (Loose::Themes, theme_nodes(None)),
        (Loose::Features, feature_nodes(None)),
        (Loose::Items, item_nodes(None)),
    ] {
        if children.is_empty() {
            continue;
        }
        let mut r = row(
            loose.key().to_string(),
            RowKind::Loose(loose),
            None,
            loose.title().to_string(),
        );
        r.meta = format!("{} to place", children.len());
        top.push(Node {
            row: r,
            children,
            matches: false,
        });
    }

    let mut product = row(
        p.id.to_string(),
        RowKind::Product,
        Some(p.id.clone()),
        p.name.clone(),
    );
    product.meta = rollup_text(&sums.product);
    let root = Node {
        matches: matches(Level::Product, &p.name, None),
        row: product,
        children: top,
    };

    let filtering = filter.is_active();
    let mut out = Vec::new();
    flatten(root, 0, collapsed, filtering, &mut out);
    out
}

fn any_match(n: &Node) -> bool {
    n.matches || n.children.iter().any(any_match)
}

fn flatten(
    mut node: Node,
    depth: u8,
    collapsed: &HashSet<String>,
    filtering: bool,
    out: &mut Vec<Row>,
) {
    if filtering && !any_match(&node) {
        return;
    }
    node.row.depth = depth;
    node.row.has_children = !node.children.is_empty();
    node.row.expanded = filtering || !collapsed.contains(&node.row.key);
    let expanded = node.row.expanded;
    out.push(node.row);
    if expanded {
        for child in node.children {
            flatten(child, depth + 1, collapsed, filtering, out);
        }
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
