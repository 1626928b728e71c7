//! The typed commands: the only way the document changes.
//!
//! Every command is applied all-or-nothing: the parts it touches are copied first, the
//! change is made, the touched products are validated, and on any error the copies are
//! put back. The same copies make the undo entry, and the list of touched parts tells
//! storage which keys to rewrite.

use super::bounds::check_command;
use super::dependencies;
use super::error::{At, ModelError, Name, Place, Problem, TextField};
use super::ids::Id;
use super::invariants::{
    check_title, first_duplicate_id, item_still_fits, validate_product, validate_workspace,
};
use super::roles::RoleSetting;
use super::workspace::{
    Feature, Item, Objective, Portfolio, Product, Release, Sprint, Theme, Vision, Workspace,
};
use serde::{Deserialize, Serialize};

/// Serialisable so that a commit can keep its commands in storage for a tab that finds
/// the commit overwritten (`storage::tab`, "orphans").
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Command {
    SetRoles(RoleSetting),
    RenamePortfolio(String),
    AddProduct {
        product: Box<Product>,
        index: Option<usize>,
    },
    EditProduct(ProductFields),
    DeleteProduct(Id),
    ReorderProduct {
        id: Id,
        to_index: usize,
    },
    /// Adds an entity under a product at `index` in its list (the end when `None`).
    Add {
        product: Id,
        entity: Entity,
        index: Option<usize>,
    },
    /// Replaces the entity with the same id. Changing a parent field re-parents it.
    Edit {
        product: Id,
        entity: Entity,
    },
    /// Deletes an entity and what hangs under it (see [`delete_impact`]).
    Delete {
        product: Id,
        kind: Kind,
        id: Id,
    },
    /// Moves an entity to `to_index` among its kind in the product (clamped to the end).
    Reorder {
        product: Id,
        kind: Kind,
        id: Id,
        to_index: usize,
    },
    /// Re-parents an entity (theme → objective, feature → theme, item → feature; `None`
    /// leaves it loose) and places it before `before`, a sibling of the same kind, or
    /// after its new parent's last child.
    Move {
        product: Id,
        kind: Kind,
        id: Id,
        parent: Option<Id>,
        before: Option<Id>,
    },
    /// Puts the whole backlog in a new order (e.g. by a score): one undoable step.
    /// `order` must hold every item id of the product exactly once.
    Rerank {
        product: Id,
        order: Vec<Id>,
    },
    /// Sets the product's Definition of Ready.
    SetDefinitionOfReady {
        product: Id,
        rules: Vec<super::workspace::ReadyRule>,
    },
    /// Moves a theme, its features and their items to another product.
    MoveTheme {
        from: Id,
        theme: Id,
        to: Id,
    },
    /// Several commands as one undoable step; all apply or none.
    Batch {
        label: String,
        commands: Vec<Command>,
    },
    ReplaceWorkspace(Box<Workspace>),
}

/// The product's own fields, without its children.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ProductFields {
    pub id: Id,
    pub name: String,
    pub vision: Vision,
    pub goal: String,
    pub budget_note: String,
}

impl ProductFields {
    /// The fields `p` has now.
    pub fn of(p: &Product) -> ProductFields {
        ProductFields {
            id: p.id.clone(),
            name: p.name.clone(),
            vision: p.vision.clone(),
            goal: p.goal.clone(),
            budget_note: p.budget_note.clone(),
        }
    }
}

// An entity is built and moved once per command; boxing the item would cost every edit an
// allocation and every match a deref for no gain.
#[allow(clippy::large_enum_variant)]
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Entity {
    Objective(Objective),
    Theme(Theme),
    Feature(Feature),
    Item(Item),
    Sprint(Sprint),
    Release(Release),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Kind {
    Objective,
    Theme,
    Feature,
    Item,
    Sprint,
    Release,
}

impl Entity {
    /// Its kind, id and title (a theme, sprint or release calls its title a name), in
    /// one match so that a new kind of entity is added in one place.
    fn facts(&self) -> (Kind, &Id, &str) {
        match self {
            Entity::Objective(e) => (Kind::Objective, &e.id, &e.title),
            Entity::Theme(e) => (Kind::Theme, &e.id, &e.name),
            Entity::Feature(e) => (Kind::Feature, &e.id, &e.title),
            Entity::Item(e) => (Kind::Item, &e.id, &e.title),
            Entity::Sprint(e) => (Kind::Sprint, &e.id, &e.name),
            Entity::Release(e) => (Kind::Release, &e.id, &e.name),
        }
    }
    pub fn kind(&self) -> Kind {
        self.facts().0
    }
    pub fn id(&self) -> &Id {
        self.facts().1
    }
    pub fn title(&self) -> &str {
        self.facts().2
    }
}

impl Product {
    /// The entity of `kind` with `id`, as this product has it.
    pub fn entity(&self, kind: Kind, id: &Id) -> Option<Entity> {
        match kind {
            Kind::Objective => self.objective(id).cloned().map(Entity::Objective),
            Kind::Theme => self.theme(id).cloned().map(Entity::Theme),
            Kind::Feature => self.feature(id).cloned().map(Entity::Feature),
            Kind::Item => self.item(id).cloned().map(Entity::Item),
            Kind::Sprint => self.sprint(id).cloned().map(Entity::Sprint),
            Kind::Release => self
                .releases
                .iter()
                .find(|r| &r.id == id)
                .cloned()
                .map(Entity::Release),
        }
    }
}

/// Which stored parts a change touched: the workspace's own fields and product order
/// (`meta`), and whole products by id (present or deleted).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Changes {
    pub meta: bool,
    pub products: Vec<Id>,
}

impl Changes {
    pub fn merge(&mut self, other: Changes) {
        self.meta |= other.meta;
        for p in other.products {
            if !self.products.contains(&p) {
                self.products.push(p);
            }
        }
    }
}

/// A copy of the parts a change touched, enough to put them back exactly.
#[derive(Clone, Debug, PartialEq)]
pub struct Snapshot {
    meta: Option<(Portfolio, RoleSetting, Vec<Id>)>,
    products: Vec<(Id, Option<Product>)>,
    /// For a change to one backlog item and nothing else: that item as it was, and
    /// where. A copy of the whole product would cost a backlog of 10,000 items per step:
    /// milliseconds for each edit, and megabytes for each of the steps undo keeps.
    item: Option<ItemBefore>,
}

#[derive(Clone, Debug, PartialEq)]
struct ItemBefore {
    product: Id,
    id: Id,
    /// Its position and content; `None` when it did not exist.
    was: Option<(usize, Item)>,
}

impl ItemBefore {
    fn take(ws: &Workspace, product: &Id, id: &Id) -> ItemBefore {
        let was = ws.product(product).and_then(|p| {
            let at = p.items.iter().position(|i| &i.id == id)?;
            Some((at, p.items[at].clone()))
        });
        ItemBefore {
            product: product.clone(),
            id: id.clone(),
            was,
        }
    }

    fn restore(self, ws: &mut Workspace) {
        let Some(p) = ws.product_mut(&self.product) else {
            return;
        };
        if let Some(now) = p.items.iter().position(|i| i.id == self.id) {
            p.items.remove(now);
        }
        if let Some((at, item)) = self.was {
            let at = at.min(p.items.len());
            p.items.insert(at, item);
        }
    }
}

impl Snapshot {
    pub fn take(ws: &Workspace, changes: &Changes) -> Snapshot {
        Snapshot {
            meta: changes.meta.then(|| {
                (
                    ws.portfolio.clone(),
                    ws.roles,
                    ws.products.iter().map(|p| p.id.clone()).collect(),
                )
            }),
            products: changes
                .products
                .iter()
                .map(|id| (id.clone(), ws.product(id).cloned()))
                .collect(),
            item: None,
        }
    }

    /// One backlog item of a product, and where it is: all that a change to that item
    /// alone needs to be undone.
    fn of_item(ws: &Workspace, product: &Id, id: &Id) -> Snapshot {
        Snapshot {
            meta: None,
            products: Vec::new(),
            item: Some(ItemBefore::take(ws, product, id)),
        }
    }

    /// The same parts as they are now: what undoing this snapshot will overwrite, so
    /// that redo can put it back.
    pub fn retake(&self, ws: &Workspace) -> Snapshot {
        match &self.item {
            Some(b) => Snapshot::of_item(ws, &b.product, &b.id),
            None => Snapshot::take(ws, &self.changes()),
        }
    }

    pub fn changes(&self) -> Changes {
        Changes {
            meta: self.meta.is_some(),
            products: self
                .products
                .iter()
                .map(|(id, _)| id.clone())
                .chain(self.item.as_ref().map(|b| b.product.clone()))
                .collect(),
        }
    }

    /// Puts the copied parts back into `ws`.
    pub fn restore(self, ws: &mut Workspace) {
        if let Some(item) = self.item {
            item.restore(ws);
        }
        for (id, product) in self.products {
            let pos = ws.products.iter().position(|p| p.id == id);
            match (pos, product) {
                (Some(i), Some(p)) => ws.products[i] = p,
                (None, Some(p)) => ws.products.push(p),
                (Some(i), None) => {
                    ws.products.remove(i);
                }
                (None, None) => {}
            }
        }
        if let Some((portfolio, roles, order)) = self.meta {
            ws.portfolio = portfolio;
            ws.roles = roles;
            ws.products.sort_by_key(|p| {
                order
                    .iter()
                    .position(|id| id == &p.id)
                    .unwrap_or(usize::MAX)
            });
        }
    }
}

impl Command {
    /// The product and item of a command that changes one backlog item and nothing else
    /// (adding, editing, deleting or reordering it), for an undo step of that item alone.
    fn only_item(&self) -> Option<(&Id, &Id)> {
        match self {
            Command::Add {
                product,
                entity: Entity::Item(i),
                ..
            }
            | Command::Edit {
                product,
                entity: Entity::Item(i),
            } => Some((product, &i.id)),
            Command::Delete {
                product,
                kind: Kind::Item,
                id,
            }
            | Command::Reorder {
                product,
                kind: Kind::Item,
                id,
                ..
            } => Some((product, id)),
            _ => None,
        }
    }

    /// The entity a move puts elsewhere (re-parented or re-ordered).
    pub fn moved(&self) -> Option<&Id> {
        match self {
            Command::Move { id, .. }
            | Command::Reorder { id, .. }
            | Command::ReorderProduct { id, .. } => Some(id),
            _ => None,
        }
    }

    /// Whether this deletes an item another waits for: that one changes too.
    fn deletes_needed_item(&self, ws: &Workspace, product: &Id, id: &Id) -> bool {
        matches!(self, Command::Delete { .. })
            && ws
                .product(product)
                .is_some_and(|p| dependencies::item_is_needed(p, id))
    }

    /// The parts of `ws` this command may touch.
    pub fn touches(&self, ws: &Workspace) -> Changes {
        match self {
            Command::SetRoles(_) | Command::RenamePortfolio(_) | Command::ReorderProduct { .. } => {
                Changes {
                    meta: true,
                    products: vec![],
                }
            }
            Command::AddProduct { product, .. } => Changes {
                meta: true,
                products: vec![product.id.clone()],
            },
            Command::EditProduct(f) => Changes {
                meta: false,
                products: vec![f.id.clone()],
            },
            // Links between products live in the portfolio, hence meta.
            Command::DeleteProduct(id) => Changes {
                meta: true,
                products: vec![id.clone()],
            },
            Command::Add { product, .. }
            | Command::Edit { product, .. }
            | Command::Delete { product, .. }
            | Command::Reorder { product, .. }
            | Command::Move { product, .. }
            | Command::Rerank { product, .. }
            | Command::SetDefinitionOfReady { product, .. } => Changes {
                meta: false,
                products: vec![product.clone()],
            },
            Command::MoveTheme { from, to, .. } => Changes {
                meta: false,
                products: vec![from.clone(), to.clone()],
            },
            Command::Batch { commands, .. } => {
                let mut all = Changes::default();
                for c in commands {
                    all.merge(c.touches(ws));
                }
                all
            }
            Command::ReplaceWorkspace(new) => {
                let mut products: Vec<Id> = ws.products.iter().map(|p| p.id.clone()).collect();
                for p in &new.products {
                    if !products.contains(&p.id) {
                        products.push(p.id.clone());
                    }
                }
                Changes {
                    meta: true,
                    products,
                }
            }
        }
    }
}

pub fn entity_title(p: &Product, kind: Kind, id: &Id) -> Option<String> {
    Some(match kind {
        Kind::Objective => p.objective(id)?.title.clone(),
        Kind::Theme => p.theme(id)?.name.clone(),
        Kind::Feature => p.feature(id)?.title.clone(),
        Kind::Item => p.item(id)?.title.clone(),
        Kind::Sprint => p.sprint(id)?.name.clone(),
        Kind::Release => p.releases.iter().find(|r| &r.id == id)?.name.clone(),
    })
}

/// Applies a command all-or-nothing. On success returns the parts it changed and a
/// snapshot of them as they were before.
pub fn apply(ws: &mut Workspace, cmd: Command) -> Result<(Changes, Snapshot), ModelError> {
    // Before anything changes: a number out of its range is refused, not stored.
    check_command(ws, &cmd)?;
    let changes = cmd.touches(ws);
    // A change to one item alone keeps, and checks, only that item.
    let item = cmd
        .only_item()
        .filter(|(p, i)| !cmd.deletes_needed_item(ws, p, i))
        .map(|(p, i)| (p.clone(), i.clone()));
    let before = match &item {
        Some((p, i)) => Snapshot::of_item(ws, p, i),
        None => Snapshot::take(ws, &changes),
    };
    let checked = |ws: &Workspace| match &item {
        Some((p, i)) if item_still_fits(ws, p, i) => Ok(()),
        _ => validate_touched(ws, &changes),
    };
    match mutate(ws, cmd).and_then(|()| checked(ws)) {
        Ok(()) => Ok((changes, before)),
        Err(e) => {
            before.restore(ws);
            Err(e)
        }
    }
}

fn validate_touched(ws: &Workspace, changes: &Changes) -> Result<(), ModelError> {
    if changes.meta {
        // Product set or portfolio changed: ids across products and links must be rechecked.
        return Ok(validate_workspace(ws)?);
    }
    for id in &changes.products {
        if let Some(p) = ws.product(id) {
            validate_product(p)?;
        }
    }
    // Ids added to one product must not collide with any other product's, touched or not.
    if changes.products.iter().any(|id| ws.product(id).is_some()) {
        check_ids_unique(ws)?;
    }
    Ok(())
}

fn check_ids_unique(ws: &Workspace) -> Result<(), ModelError> {
    match first_duplicate_id(ws) {
        Some((at, id)) => Err(ModelError::new(at.place(), Problem::IdTaken(id.clone()))),
        None => Ok(()),
    }
}

fn product_mut<'a>(ws: &'a mut Workspace, id: &Id) -> Result<&'a mut Product, ModelError> {
    ws.product_mut(id).ok_or_else(|| no_product(id))
}

fn no_product(id: &Id) -> ModelError {
    ModelError::new(
        At::new(Place::Product(Name::Id(id.clone()))),
        Problem::NoSuchProduct,
    )
}

pub(crate) fn missing(kind: Kind, id: &Id) -> ModelError {
    ModelError::new(
        At::new(Place::Entity(kind, Name::Id(id.clone()))),
        Problem::Gone,
    )
}

/// An entity of a product, named by its title, as a refused command names it.
fn titled(kind: Kind, title: &str) -> At {
    At::new(Place::Entity(kind, Name::Title(title.to_string())))
}

fn insert_at<T>(v: &mut Vec<T>, index: Option<usize>, x: T) {
    let i = index.unwrap_or(v.len()).min(v.len());
    v.insert(i, x);
}

fn move_within<T>(v: &mut Vec<T>, from: usize, to: usize) {
    let x = v.remove(from);
    let to = to.min(v.len());
    v.insert(to, x);
}

/// Entities that live in a product's lists, looked up by id.
trait HasId {
    fn id(&self) -> &Id;
}

macro_rules! has_id {
    ($($t:ty),*) => { $(impl HasId for $t { fn id(&self) -> &Id { &self.id } })* };
}
has_id!(Objective, Theme, Feature, Item, Sprint, Release);

fn replace<T: HasId>(v: &mut [T], x: T) -> bool {
    match v.iter_mut().find(|e| e.id() == x.id()) {
        Some(slot) => {
            *slot = x;
            true
        }
        None => false,
    }
}

fn reorder<T: HasId>(v: &mut Vec<T>, id: &Id, to: usize) -> bool {
    match v.iter().position(|e| e.id() == id) {
        Some(from) => {
            move_within(v, from, to);
            true
        }
        None => false,
    }
}

fn remove<T: HasId>(v: &mut Vec<T>, id: &Id) -> bool {
    let before = v.len();
    v.retain(|e| e.id() != id);
    v.len() != before
}

fn add_entity(p: &mut Product, entity: Entity, index: Option<usize>) -> Result<(), ModelError> {
    if p.all_ids().contains(&entity.id()) {
        return Err(ModelError::new(
            titled(entity.kind(), entity.title()),
            Problem::IdTaken(entity.id().clone()),
        ));
    }
    match entity {
        Entity::Objective(e) => insert_at(&mut p.objectives, index, e),
        Entity::Theme(e) => insert_at(&mut p.themes, index, e),
        Entity::Feature(e) => insert_at(&mut p.features, index, e),
        Entity::Item(e) => insert_at(&mut p.items, index, e),
        Entity::Sprint(e) => insert_at(&mut p.sprints, index, e),
        Entity::Release(e) => insert_at(&mut p.releases, index, e),
    }
    Ok(())
}

fn edit_entity(p: &mut Product, entity: Entity) -> Result<(), ModelError> {
    let (kind, id) = (entity.kind(), entity.id().clone());
    let found = match entity {
        Entity::Objective(e) => replace(&mut p.objectives, e),
        Entity::Theme(e) => replace(&mut p.themes, e),
        Entity::Feature(e) => replace(&mut p.features, e),
        Entity::Item(e) => replace(&mut p.items, e),
        Entity::Sprint(e) => replace(&mut p.sprints, e),
        Entity::Release(e) => replace(&mut p.releases, e),
    };
    found.then_some(()).ok_or_else(|| missing(kind, &id))
}

/// Where an entity stands among those of its kind in the product.
pub(crate) fn index_of(p: &Product, kind: Kind, id: &Id) -> Option<usize> {
    fn at<T: HasId>(v: &[T], id: &Id) -> Option<usize> {
        v.iter().position(|e| e.id() == id)
    }
    match kind {
        Kind::Objective => at(&p.objectives, id),
        Kind::Theme => at(&p.themes, id),
        Kind::Feature => at(&p.features, id),
        Kind::Item => at(&p.items, id),
        Kind::Sprint => at(&p.sprints, id),
        Kind::Release => at(&p.releases, id),
    }
}

fn reorder_entity(p: &mut Product, kind: Kind, id: &Id, to: usize) -> Result<(), ModelError> {
    let moved = match kind {
        Kind::Objective => reorder(&mut p.objectives, id, to),
        Kind::Theme => reorder(&mut p.themes, id, to),
        Kind::Feature => reorder(&mut p.features, id, to),
        Kind::Item => reorder(&mut p.items, id, to),
        Kind::Sprint => reorder(&mut p.sprints, id, to),
        Kind::Release => reorder(&mut p.releases, id, to),
    };
    moved.then_some(()).ok_or_else(|| missing(kind, id))
}

fn mutate(ws: &mut Workspace, cmd: Command) -> Result<(), ModelError> {
    match cmd {
        Command::SetRoles(r) => ws.roles = r,
        Command::RenamePortfolio(name) => {
            check_title(TextField::Name, &name).map_err(|rule| {
                ModelError::new(At::new(Place::Portfolio), Problem::Breaks(rule))
            })?;
            ws.portfolio.name = name;
        }
        Command::AddProduct { product, index } => {
            if ws.product(&product.id).is_some() {
                return Err(ModelError::new(
                    At::new(Place::Product(Name::Title(product.name.clone()))),
                    Problem::ProductIdTaken,
                ));
            }
            insert_at(&mut ws.products, index, *product);
        }
        Command::EditProduct(f) => {
            let p = product_mut(ws, &f.id)?;
            p.name = f.name;
            p.vision = f.vision;
            p.goal = f.goal;
            p.budget_note = f.budget_note;
        }
        Command::DeleteProduct(id) => {
            let i = ws
                .products
                .iter()
                .position(|p| p.id == id)
                .ok_or_else(|| no_product(&id))?;
            ws.products.remove(i);
            ws.portfolio.links.retain(|l| l.from != id && l.to != id);
        }
        Command::ReorderProduct { id, to_index } => {
            let i = ws
                .products
                .iter()
                .position(|p| p.id == id)
                .ok_or_else(|| no_product(&id))?;
            move_within(&mut ws.products, i, to_index);
        }
        Command::Add {
            product,
            entity,
            index,
        } => add_entity(product_mut(ws, &product)?, entity, index)?,
        Command::Edit { product, entity } => edit_entity(product_mut(ws, &product)?, entity)?,
        Command::Delete { product, kind, id } => {
            let p = product_mut(ws, &product)?;
            delete(p, kind, &id)?;
        }
        Command::Reorder {
            product,
            kind,
            id,
            to_index,
        } => reorder_entity(product_mut(ws, &product)?, kind, &id, to_index)?,
        Command::Move {
            product,
            kind,
            id,
            parent,
            before,
        } => {
            let p = product_mut(ws, &product)?;
            move_entity(p, kind, &id, parent, before.as_ref())?;
        }
        Command::Rerank { product, order } => {
            let p = product_mut(ws, &product)?;
            rerank(p, &order)?;
        }
        Command::SetDefinitionOfReady { product, rules } => {
            let p = product_mut(ws, &product)?;
            p.definition_of_ready = rules.into_iter().fold(Vec::new(), |mut unique, r| {
                if !unique.contains(&r) {
                    unique.push(r);
                }
                unique
            });
        }
        Command::MoveTheme { from, theme, to } => move_theme(ws, &from, &theme, &to)?,
        Command::Batch { commands, .. } => {
            for c in commands {
                mutate(ws, c)?;
            }
        }
        Command::ReplaceWorkspace(new) => {
            validate_workspace(&new)?;
            *ws = *new;
        }
    }
    Ok(())
}

/// What deleting an entity takes with it, for the confirmation dialog.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Impact {
    pub features: usize,
    pub items: usize,
    /// Themes that lose their link to a deleted objective (they stay).
    pub unlinked_themes: usize,
    /// Items that go back to the backlog from a deleted sprint (they stay).
    pub unplanned_items: usize,
    /// Features that lose their target release (they stay).
    pub untargeted_features: usize,
}

/// How many of `list` point at `id` through `link`.
fn pointing_at<T>(list: &[T], id: &Id, link: impl Fn(&T) -> Option<&Id>) -> usize {
    list.iter().filter(|x| link(x) == Some(id)).count()
}

pub fn delete_impact(p: &Product, kind: Kind, id: &Id) -> Impact {
    let mut impact = Impact::default();
    match kind {
        Kind::Objective => {
            impact.unlinked_themes = pointing_at(&p.themes, id, |t| t.objective.as_ref())
        }
        Kind::Theme => {
            let features: Vec<&Id> = p
                .features
                .iter()
                .filter(|f| f.theme.as_ref() == Some(id))
                .map(|f| &f.id)
                .collect();
            impact.features = features.len();
            impact.items = p
                .items
                .iter()
                .filter(|i| i.feature.as_ref().is_some_and(|f| features.contains(&f)))
                .count();
        }
        Kind::Feature => impact.items = pointing_at(&p.items, id, |i| i.feature.as_ref()),
        Kind::Sprint => impact.unplanned_items = pointing_at(&p.items, id, |i| i.sprint.as_ref()),
        Kind::Release => {
            impact.untargeted_features = pointing_at(&p.features, id, |f| f.release.as_ref())
        }
        Kind::Item => {}
    }
    impact
}

/// Clears the links of `list` that point at `id`, for what outlives a deleted parent.
fn unlink<T>(list: &mut [T], id: &Id, link: impl Fn(&mut T) -> &mut Option<Id>) {
    for x in list {
        let l = link(x);
        if l.as_ref() == Some(id) {
            *l = None;
        }
    }
}

fn delete(p: &mut Product, kind: Kind, id: &Id) -> Result<(), ModelError> {
    let found = match kind {
        Kind::Objective => {
            unlink(&mut p.themes, id, |t| &mut t.objective);
            remove(&mut p.objectives, id)
        }
        Kind::Theme => {
            let gone: Vec<Id> = p
                .features
                .iter()
                .filter(|f| f.theme.as_ref() == Some(id))
                .map(|f| f.id.clone())
                .collect();
            p.features.retain(|f| !gone.contains(&f.id));
            p.items
                .retain(|i| !i.feature.as_ref().is_some_and(|f| gone.contains(f)));
            remove(&mut p.themes, id)
        }
        Kind::Feature => {
            p.items.retain(|i| i.feature.as_ref() != Some(id));
            remove(&mut p.features, id)
        }
        Kind::Item => remove(&mut p.items, id),
        Kind::Sprint => {
            unlink(&mut p.items, id, |i| &mut i.sprint);
            remove(&mut p.sprints, id)
        }
        Kind::Release => {
            unlink(&mut p.features, id, |f| &mut f.release);
            remove(&mut p.releases, id)
        }
    };
    // A missing target leaves the product untouched: `apply` rolls back the unlinking above.
    if !found {
        return Err(missing(kind, id));
    }
    if matches!(kind, Kind::Theme | Kind::Feature | Kind::Item) {
        dependencies::prune(p);
    }
    Ok(())
}

/// The kind an entity of `kind` hangs under, if any.
pub fn parent_kind(kind: Kind) -> Option<Kind> {
    match kind {
        Kind::Theme => Some(Kind::Objective),
        Kind::Feature => Some(Kind::Theme),
        Kind::Item => Some(Kind::Feature),
        Kind::Objective | Kind::Sprint | Kind::Release => None,
    }
}

/// What kind of entity `id` is in `p`, if it exists.
pub fn kind_of(p: &Product, id: &Id) -> Option<Kind> {
    if p.objective(id).is_some() {
        Some(Kind::Objective)
    } else if p.theme(id).is_some() {
        Some(Kind::Theme)
    } else if p.feature(id).is_some() {
        Some(Kind::Feature)
    } else if p.item(id).is_some() {
        Some(Kind::Item)
    } else if p.sprint(id).is_some() {
        Some(Kind::Sprint)
    } else if p.releases.iter().any(|r| &r.id == id) {
        Some(Kind::Release)
    } else {
        None
    }
}

/// Why `id` cannot go under `parent` or before `before`, if it cannot.
fn check_move(
    p: &Product,
    kind: Kind,
    id: &Id,
    parent: Option<&Id>,
    before: Option<&Id>,
) -> Result<(), ModelError> {
    let title = entity_title(p, kind, id).ok_or_else(|| missing(kind, id))?;
    let refuse = |problem| Err(ModelError::new(titled(kind, &title), problem));
    if let Some(new_parent) = parent {
        let Some(wanted) = parent_kind(kind) else {
            return refuse(Problem::NoParent(kind));
        };
        match kind_of(p, new_parent) {
            Some(k) if k == wanted => {}
            Some(found) => {
                let name = entity_title(p, found, new_parent).unwrap_or_default();
                return refuse(Problem::WrongParent {
                    kind,
                    wanted,
                    name,
                    found,
                });
            }
            None => return refuse(Problem::NoSuchParent(wanted, new_parent.clone())),
        }
    }
    if let Some(b) = before {
        if kind_of(p, b) != Some(kind) {
            return refuse(Problem::NotBeforeSameKind(kind));
        }
    }
    Ok(())
}

/// Re-parents, then places: before `before`; else, joining a new parent, just after
/// its last child (or at the end when it has none); else, under the same parent, after
/// the last sibling unless it is already there — so an item's backlog rank never moves
/// for nothing.
fn place<T: HasId>(
    v: &mut Vec<T>,
    id: &Id,
    before: Option<&Id>,
    parent_of: impl Fn(&T) -> Option<&Id>,
    parent: Option<&Id>,
    joined: bool,
) {
    let Some(from) = v.iter().position(|e| e.id() == id) else {
        return;
    };
    let last = v
        .iter()
        .rposition(|e| e.id() != id && parent_of(e) == parent);
    let to = match (before, last) {
        (Some(b), _) => v.iter().position(|e| e.id() == b),
        (None, Some(last)) if joined || last > from => Some(last + 1),
        (None, None) if joined => Some(v.len()),
        _ => None,
    };
    if let Some(to) = to {
        let x = v.remove(from);
        v.insert(if to > from { to - 1 } else { to }, x);
    }
}

fn move_entity(
    p: &mut Product,
    kind: Kind,
    id: &Id,
    parent: Option<Id>,
    before: Option<&Id>,
) -> Result<(), ModelError> {
    check_move(p, kind, id, parent.as_ref(), before)?;
    // Placed before itself means "keep the position", though the parent may still change.
    let keep = before == Some(id);
    let before = if keep { None } else { before };
    let parent_ref = parent.as_ref();
    macro_rules! reparent_and_place {
        ($list:ident, $field:ident) => {{
            let slot = p
                .$list
                .iter_mut()
                .find(|e| &e.id == id)
                .map(|e| &mut e.$field);
            let joined = match slot {
                Some(f) if *f != parent => {
                    *f = parent.clone();
                    true
                }
                _ => false,
            };
            if !keep {
                place(
                    &mut p.$list,
                    id,
                    before,
                    |e| e.$field.as_ref(),
                    parent_ref,
                    joined,
                );
            }
        }};
    }
    match kind {
        Kind::Objective if !keep => place(&mut p.objectives, id, before, |_| None, None, false),
        Kind::Sprint if !keep => place(&mut p.sprints, id, before, |_| None, None, false),
        Kind::Release if !keep => place(&mut p.releases, id, before, |_| None, None, false),
        Kind::Objective | Kind::Sprint | Kind::Release => {}
        Kind::Theme => reparent_and_place!(themes, objective),
        Kind::Feature => reparent_and_place!(features, theme),
        Kind::Item => reparent_and_place!(items, feature),
    }
    Ok(())
}

fn rerank(p: &mut Product, order: &[Id]) -> Result<(), ModelError> {
    use std::collections::{HashMap, HashSet};
    let at = || {
        At(vec![
            Place::Product(Name::Title(p.name.clone())),
            Place::Backlog,
        ])
    };
    if order.len() != p.items.len() {
        return Err(ModelError::new(
            at(),
            Problem::OrderLength {
                given: order.len(),
                items: p.items.len(),
            },
        ));
    }
    // Check the whole order before touching the backlog.
    let known: HashSet<&Id> = p.items.iter().map(|i| &i.id).collect();
    let mut seen = HashSet::new();
    if let Some(bad) = order
        .iter()
        .find(|id| !known.contains(id) || !seen.insert(*id))
    {
        return Err(ModelError::new(at(), Problem::NotInOrder(bad.clone())));
    }
    let mut by_id: HashMap<Id, Item> = std::mem::take(&mut p.items)
        .into_iter()
        .map(|i| (i.id.clone(), i))
        .collect();
    p.items = order.iter().filter_map(|id| by_id.remove(id)).collect();
    Ok(())
}

fn move_theme(ws: &mut Workspace, from: &Id, theme: &Id, to: &Id) -> Result<(), ModelError> {
    if from == to {
        return Ok(());
    }
    if ws.product(to).is_none() {
        return Err(no_product(to));
    }
    let src = product_mut(ws, from)?;
    let ti = src
        .themes
        .iter()
        .position(|t| &t.id == theme)
        .ok_or_else(|| missing(Kind::Theme, theme))?;
    let mut t = src.themes.remove(ti);
    // The objective belongs to the old product's OKRs, which do not travel with the theme.
    t.objective = None;
    let (features, rest): (Vec<Feature>, Vec<Feature>) = std::mem::take(&mut src.features)
        .into_iter()
        .partition(|f| f.theme.as_ref() == Some(theme));
    src.features = rest;
    let fids: Vec<&Id> = features.iter().map(|f| &f.id).collect();
    let (items, rest): (Vec<Item>, Vec<Item>) = std::mem::take(&mut src.items)
        .into_iter()
        .partition(|i| i.feature.as_ref().is_some_and(|f| fids.contains(&f)));
    src.items = rest;
    let dst = product_mut(ws, to)?;
    dst.themes.push(t);
    dst.features.extend(features.into_iter().map(|mut f| {
        f.release = None;
        f
    }));
    // Sprints are per product: moved items return to the new product's backlog, unplanned.
    dst.items.extend(items.into_iter().map(|mut i| {
        i.sprint = None;
        i
    }));
    // Dependencies stay within a product: those across the two are dropped.
    dependencies::prune(dst);
    dependencies::prune(product_mut(ws, from)?);
    Ok(())
}
