//! Builders for the model fixtures the test files share: ids, the entities a product
//! holds (objectives, themes, features, items, sprints, releases), a `ProductBuilder`
//! that puts them together, and a workspace around products.
//!
//! Each builder fills what a test does not care about with a plain, valid default
//! (titles "Item i-1", colour `#336699`, sprints of 20 points…), so a test spells out only
//! what its assertions depend on.

use twohats::model::*;

pub fn id(s: &str) -> Id {
    Id::parse(s).unwrap()
}

pub fn ids(v: &[&str]) -> Vec<Id> {
    v.iter().map(|s| id(s)).collect()
}

/// The ids of a list of entities, as strings, in order.
pub fn id_strings<'a>(v: impl IntoIterator<Item = &'a Id>) -> Vec<String> {
    v.into_iter().map(|i| i.to_string()).collect()
}

/// A key result from `start` to `target`, now at `current`, counted in `unit`.
pub fn key_result(
    k: &str,
    title: &str,
    (start, target, current): (f64, f64, f64),
    unit: &str,
) -> KeyResult {
    KeyResult {
        id: id(k),
        title: title.into(),
        start,
        target,
        current,
        unit: unit.into(),
    }
}

/// An objective with one key result `k<o>` ("KR of <title>", from 0 to 10, now at 4).
pub fn objective(o: &str, title: &str) -> Objective {
    let kr = key_result(
        &format!("k{o}"),
        &format!("KR of {title}"),
        (0.0, 10.0, 4.0),
        "",
    );
    Objective {
        id: id(o),
        title: title.into(),
        key_results: vec![kr],
    }
}

/// A theme coloured `#336699`, under `objective` or loose.
pub fn theme(t: &str, name: &str, objective: Option<&str>) -> Theme {
    Theme {
        id: id(t),
        name: name.into(),
        description: String::new(),
        colour: "#336699".into(),
        objective: objective.map(id),
    }
}

/// A feature under `theme` (or loose), in `release` (or none).
pub fn feature(f: &str, title: &str, theme: Option<&str>, release: Option<&str>) -> Feature {
    let mut x = Feature::new(id(f), title, theme.map(id));
    x.release = release.map(id);
    x
}

/// A story "Item <i>" with an estimate (or none), in no feature and no sprint, to do.
pub fn story(i: &str, estimate: Option<f64>) -> Item {
    let mut x = Item::new(id(i), ItemKind::Story, format!("Item {i}"));
    x.estimate = estimate;
    x
}

/// A story "Item <i>" under `feature` and in `sprint` (each optional), estimated `estimate`.
pub fn placed(i: &str, feature: Option<&str>, sprint: Option<&str>, estimate: f64) -> Item {
    let mut x = story(i, Some(estimate));
    x.feature = feature.map(id);
    x.sprint = sprint.map(id);
    x
}

pub fn criterion(c: &str) -> Criterion {
    Criterion {
        id: id(c),
        text: format!("Criterion {c}"),
        done: false,
    }
}

/// An undated sprint.
pub fn sprint(s: &str, name: &str, state: SprintState, capacity: Option<f64>) -> Sprint {
    Sprint {
        id: id(s),
        name: name.into(),
        goal: String::new(),
        start: None,
        end: None,
        capacity,
        state,
        scope: None,
    }
}

/// A release on 1 June 2026.
pub fn release(r: &str, name: &str) -> Release {
    Release {
        id: id(r),
        name: name.into(),
        date: Day::new(2026, 6, 1).unwrap(),
    }
}

/// `fn <list>(self, v)`: appends `v` to the product's list of that name.
macro_rules! appenders {
    ($($list:ident: $t:ty),+ $(,)?) => {
        $(
            pub fn $list(mut self, v: impl IntoIterator<Item = $t>) -> Self {
                self.0.$list.extend(v);
                self
            }
        )+
    };
}

/// Builds a product entity by entity; each call appends in order (the backlog's order is
/// its rank).
pub struct ProductBuilder(Product);

impl ProductBuilder {
    pub fn new(p: &str, name: &str) -> ProductBuilder {
        ProductBuilder(Product::new(id(p), name))
    }

    /// Atlas (`p-a`), the product most tests are about.
    pub fn atlas() -> ProductBuilder {
        ProductBuilder::new("p-a", "Atlas")
    }

    appenders! {
        objectives: Objective,
        themes: Theme,
        features: Feature,
        items: Item,
        sprints: Sprint,
        releases: Release,
    }

    /// Sprints written as `"<id> <planned|active|finished> <capacity or ->"`, comma
    /// separated, e.g. `"s-1 finished 20, s-2 planned -"`. Sprint `s-N` is named "Sprint N".
    pub fn plan(self, sprints: &str) -> Self {
        let v: Vec<Sprint> = entries(sprints).map(parse_sprint).collect();
        self.sprints(v)
    }

    /// Stories written as `"<id> <points or -> [<sprint>] [doing|done] [wont]"`, comma separated,
    /// in rank order, e.g. `"i-1 3, i-2 -, i-3 5 s-2, i-4 2 s-1 done"`.
    pub fn backlog(self, items: &str) -> Self {
        let v: Vec<Item> = entries(items).map(parse_item).collect();
        self.items(v)
    }

    pub fn build(self) -> Product {
        self.0
    }
}

fn entries(list: &str) -> impl Iterator<Item = Vec<&str>> {
    list.split(',')
        .map(|e| e.split_whitespace().collect::<Vec<_>>())
        .filter(|w| !w.is_empty())
}

fn points(w: &str) -> Option<f64> {
    (w != "-").then(|| w.parse().unwrap_or_else(|_| panic!("points: '{w}'")))
}

/// A sprint state written as a word: `planned`, `active` or `finished`.
pub fn sprint_state(word: &str) -> SprintState {
    match word {
        "planned" => SprintState::Planned,
        "active" => SprintState::Active,
        "finished" => SprintState::Finished,
        other => panic!("sprint state: '{other}'"),
    }
}

fn parse_sprint(w: Vec<&str>) -> Sprint {
    let name = format!("Sprint {}", w[0].trim_start_matches("s-"));
    sprint(w[0], &name, sprint_state(w[1]), points(w[2]))
}

fn parse_item(w: Vec<&str>) -> Item {
    let mut x = story(w[0], points(w[1]));
    for word in &w[2..] {
        match *word {
            "done" => x.status = ItemStatus::Done,
            "doing" => x.status = ItemStatus::InProgress,
            "wont" => x.priority = Some(Priority::Wont),
            s => x.sprint = Some(id(s)),
        }
    }
    x
}

/// A workspace "Port" with separate roles around `products`.
pub fn workspace(products: Vec<Product>) -> Workspace {
    Workspace {
        portfolio: Portfolio {
            name: "Port".into(),
            links: vec![],
        },
        roles: RoleSetting::Separate,
        products,
    }
}

/// The ids of `kind` in `p`, in product order.
pub fn list(p: &Product, kind: Kind) -> Vec<String> {
    match kind {
        Kind::Objective => id_strings(p.objectives.iter().map(|x| &x.id)),
        Kind::Theme => id_strings(p.themes.iter().map(|x| &x.id)),
        Kind::Feature => id_strings(p.features.iter().map(|x| &x.id)),
        Kind::Item => id_strings(p.items.iter().map(|x| &x.id)),
        Kind::Sprint => id_strings(p.sprints.iter().map(|x| &x.id)),
        Kind::Release => id_strings(p.releases.iter().map(|x| &x.id)),
    }
}

/// Several commands as one undoable step.
pub fn batch(label: &str, commands: Vec<Command>) -> Command {
    Command::Batch {
        label: label.into(),
        commands,
    }
}

// ---------- commands on one entity ----------

/// Adds `entity` to product `p`, at `index` (or the end).
pub fn add_entity(p: &str, entity: Entity, index: Option<usize>) -> Command {
    Command::Add {
        product: id(p),
        entity,
        index,
    }
}

/// Replaces the entity of `entity`'s id in product `p`.
pub fn edit_entity(p: &str, entity: Entity) -> Command {
    Command::Edit {
        product: id(p),
        entity,
    }
}

/// Deletes `kind` `i` from product `p`.
pub fn delete_entity(p: &str, kind: Kind, i: &str) -> Command {
    Command::Delete {
        product: id(p),
        kind,
        id: id(i),
    }
}

/// Moves `kind` `i` to `to_index` in its list in product `p`.
pub fn reorder_entity(p: &str, kind: Kind, i: &str, to_index: usize) -> Command {
    Command::Reorder {
        product: id(p),
        kind,
        id: id(i),
        to_index,
    }
}

/// Moves `kind` `i` in product `p` under `parent`, before `before` (or last among its siblings).
pub fn move_entity(
    p: &str,
    kind: Kind,
    i: &str,
    parent: Option<&str>,
    before: Option<&str>,
) -> Command {
    Command::Move {
        product: id(p),
        kind,
        id: id(i),
        parent: parent.map(id),
        before: before.map(id),
    }
}
