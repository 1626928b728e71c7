//! The document: a workspace holding a portfolio of products and everything under them.
//!
//! Plain data, serialisable as it is. Order in every `Vec` is meaningful: a product's
//! `items` vector *is* the backlog rank, and the other vectors are the display order.

use super::dates::{Day, Month};
use super::ids::Id;
use super::roles::RoleSetting;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Workspace {
    pub portfolio: Portfolio,
    pub roles: RoleSetting,
    pub products: Vec<Product>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Portfolio {
    pub name: String,
    /// Dependencies or shared concerns between products, which a PM keeps consistent.
    #[serde(default)]
    pub links: Vec<ProductLink>,
}

impl Default for Portfolio {
    fn default() -> Self {
        Portfolio {
            name: "My portfolio".to_string(),
            links: Vec::new(),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ProductLink {
    pub id: Id,
    pub from: Id,
    pub to: Id,
    pub note: String,
}

/// The product vision as a "for whom / need / product / differentiator" statement.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Vision {
    pub for_whom: String,
    pub need: String,
    pub product: String,
    pub differentiator: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Product {
    pub id: Id,
    pub name: String,
    #[serde(default)]
    pub vision: Vision,
    #[serde(default)]
    pub goal: String,
    #[serde(default)]
    pub budget_note: String,
    #[serde(default)]
    pub objectives: Vec<Objective>,
    #[serde(default)]
    pub themes: Vec<Theme>,
    #[serde(default)]
    pub features: Vec<Feature>,
    /// The product backlog, in rank order.
    #[serde(default)]
    pub items: Vec<Item>,
    #[serde(default)]
    pub sprints: Vec<Sprint>,
    #[serde(default)]
    pub releases: Vec<Release>,
    #[serde(default = "ReadyRule::defaults")]
    pub definition_of_ready: Vec<ReadyRule>,
}

impl Product {
    pub fn new(id: Id, name: impl Into<String>) -> Product {
        Product {
            id,
            name: name.into(),
            vision: Vision::default(),
            goal: String::new(),
            budget_note: String::new(),
            objectives: Vec::new(),
            themes: Vec::new(),
            features: Vec::new(),
            items: Vec::new(),
            sprints: Vec::new(),
            releases: Vec::new(),
            definition_of_ready: ReadyRule::defaults(),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Objective {
    pub id: Id,
    pub title: String,
    #[serde(default)]
    pub key_results: Vec<KeyResult>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct KeyResult {
    pub id: Id,
    pub title: String,
    pub start: f64,
    pub target: f64,
    pub current: f64,
    #[serde(default)]
    pub unit: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Theme {
    pub id: Id,
    pub name: String,
    #[serde(default)]
    pub description: String,
    /// `#rrggbb`.
    pub colour: String,
    pub objective: Option<Id>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Horizon {
    Now,
    Next,
    Later,
}

impl Horizon {
    pub const ALL: [Horizon; 3] = [Horizon::Now, Horizon::Next, Horizon::Later];
}

/// `name()`: the variant's name, as the UI uses it in option values and class names
/// (`bar--AtRisk`) and as the key of its `text::Choice`. Written out rather than taken from
/// `Debug`, whose formatter would be compiled into the app for each of these types.
macro_rules! named {
    ($t:ty: $($v:ident),+) => {
        impl $t {
            pub fn name(self) -> &'static str {
                match self {
                    $(Self::$v => stringify!($v)),+
                }
            }
        }
    };
}
named!(FeatureStatus: Idea, Planned, InProgress, Done, AtRisk);
named!(ItemStatus: Todo, InProgress, Done);
named!(Priority: Must, Should, Could, Wont);
named!(SprintState: Planned, Active, Finished);
named!(Horizon: Now, Next, Later);

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FeatureStatus {
    #[default]
    Idea,
    Planned,
    InProgress,
    Done,
    AtRisk,
}

impl FeatureStatus {
    pub const ALL: [FeatureStatus; 5] = [
        FeatureStatus::Idea,
        FeatureStatus::Planned,
        FeatureStatus::InProgress,
        FeatureStatus::Done,
        FeatureStatus::AtRisk,
    ];
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Feature {
    pub id: Id,
    pub title: String,
    #[serde(default)]
    pub description: String,
    pub theme: Option<Id>,
    #[serde(default)]
    pub horizon: Option<Horizon>,
    #[serde(default)]
    pub start: Option<Month>,
    #[serde(default)]
    pub end: Option<Month>,
    #[serde(default)]
    pub status: FeatureStatus,
    /// Business value and effort as the PM judges them (any positive scale, e.g. 1–10).
    #[serde(default)]
    pub value: Option<f64>,
    #[serde(default)]
    pub effort: Option<f64>,
    #[serde(default)]
    pub release: Option<Id>,
    /// Features of the same product this one waits for (they block it).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub depends_on: Vec<Id>,
    /// The id it has in the tool it was imported from (`PROJ-12`), so a newer export of
    /// the same project updates it instead of adding it again.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
}

impl Feature {
    pub fn new(id: Id, title: impl Into<String>, theme: Option<Id>) -> Feature {
        Feature {
            id,
            title: title.into(),
            description: String::new(),
            theme,
            horizon: None,
            start: None,
            end: None,
            status: FeatureStatus::Idea,
            value: None,
            effort: None,
            release: None,
            depends_on: Vec::new(),
            key: None,
        }
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ItemKind {
    #[default]
    Story,
    Task,
    Spike,
    Bug,
}

impl ItemKind {
    pub const ALL: [ItemKind; 4] = [
        ItemKind::Story,
        ItemKind::Task,
        ItemKind::Spike,
        ItemKind::Bug,
    ];

    pub fn key(self) -> &'static str {
        match self {
            ItemKind::Story => "story",
            ItemKind::Task => "task",
            ItemKind::Spike => "spike",
            ItemKind::Bug => "bug",
        }
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ItemStatus {
    #[default]
    Todo,
    InProgress,
    Done,
}

impl ItemStatus {
    pub const ALL: [ItemStatus; 3] = [ItemStatus::Todo, ItemStatus::InProgress, ItemStatus::Done];
}

/// MoSCoW priority.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Priority {
    Must,
    Should,
    Could,
    Wont,
}

impl Priority {
    pub const ALL: [Priority; 4] = [
        Priority::Must,
        Priority::Should,
        Priority::Could,
        Priority::Wont,
    ];
}

/// "As a … I want … so that …".
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Story {
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub as_a: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub i_want: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub so_that: String,
}

impl Story {
    pub fn is_empty(&self) -> bool {
        self.as_a.is_empty() && self.i_want.is_empty() && self.so_that.is_empty()
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Criterion {
    pub id: Id,
    pub text: String,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub done: bool,
}

/// Inputs to the prioritisation schemes; each is optional until the PO fills it in.
/// Unset inputs are left out of the stored JSON (see `Item`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ScoreInputs {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub effort: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub business_value: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time_criticality: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub risk_reduction: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub job_size: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reach: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub impact: Option<f64>,
    /// 0 to 100 (%).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidence: Option<f64>,
}

/// A backlog item. Empty fields are left out of the stored and exported JSON (and read
/// back as empty): a backlog of thousands of items has to fit the browser's quota, and
/// a bare item takes about 80 characters instead of 360.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Item {
    pub id: Id,
    pub kind: ItemKind,
    pub title: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    #[serde(default, skip_serializing_if = "Story::is_empty")]
    pub story: Story,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub acceptance: Vec<Criterion>,
    /// Story points.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub estimate: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub priority: Option<Priority>,
    #[serde(default)]
    pub status: ItemStatus,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub feature: Option<Id>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sprint: Option<Id>,
    #[serde(default, skip_serializing_if = "ScoreInputs::is_empty")]
    pub scores: ScoreInputs,
    /// Items of the same product this one waits for (they block it).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub depends_on: Vec<Id>,
    /// The day it was marked done, recorded from content version 2 on (`records::stamp`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub done_on: Option<Day>,
    /// The id it has in the tool it was imported from (`PROJ-12`), so a newer export of
    /// the same project updates it instead of adding it again.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
}

impl ScoreInputs {
    pub fn is_empty(&self) -> bool {
        self == &ScoreInputs::default()
    }
}

impl Item {
    pub fn new(id: Id, kind: ItemKind, title: impl Into<String>) -> Item {
        Item {
            id,
            kind,
            title: title.into(),
            description: String::new(),
            story: Story::default(),
            acceptance: Vec::new(),
            estimate: None,
            priority: None,
            status: ItemStatus::Todo,
            feature: None,
            sprint: None,
            scores: ScoreInputs::default(),
            depends_on: Vec::new(),
            done_on: None,
            key: None,
        }
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SprintState {
    #[default]
    Planned,
    Active,
    Finished,
}

impl SprintState {
    pub const ALL: [SprintState; 3] = [
        SprintState::Planned,
        SprintState::Active,
        SprintState::Finished,
    ];
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Sprint {
    pub id: Id,
    pub name: String,
    #[serde(default)]
    pub goal: String,
    pub start: Option<Day>,
    pub end: Option<Day>,
    /// Points the team expects to finish.
    pub capacity: Option<f64>,
    #[serde(default)]
    pub state: SprintState,
    /// What it held when it was started, recorded from content version 2 on: where its
    /// burndown starts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scope: Option<SprintScope>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SprintScope {
    pub day: Day,
    pub points: f64,
    pub items: usize,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Release {
    pub id: Id,
    pub name: String,
    pub date: Day,
}

/// One check of the Definition of Ready.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReadyRule {
    HasAcceptanceCriteria,
    IsEstimated,
    HasParentFeature,
    HasDescription,
    HasPriority,
}

impl ReadyRule {
    pub const ALL: [ReadyRule; 5] = [
        ReadyRule::HasAcceptanceCriteria,
        ReadyRule::IsEstimated,
        ReadyRule::HasParentFeature,
        ReadyRule::HasDescription,
        ReadyRule::HasPriority,
    ];
    pub fn defaults() -> Vec<ReadyRule> {
        vec![
            ReadyRule::HasAcceptanceCriteria,
            ReadyRule::IsEstimated,
            ReadyRule::HasParentFeature,
        ]
    }
}

impl Workspace {
    pub fn product(&self, id: &Id) -> Option<&Product> {
        self.products.iter().find(|p| &p.id == id)
    }

    pub fn product_mut(&mut self, id: &Id) -> Option<&mut Product> {
        self.products.iter_mut().find(|p| &p.id == id)
    }

    pub fn item_count(&self) -> usize {
        self.products.iter().map(|p| p.items.len()).sum()
    }
}

impl Product {
    pub fn theme(&self, id: &Id) -> Option<&Theme> {
        self.themes.iter().find(|t| &t.id == id)
    }
    pub fn feature(&self, id: &Id) -> Option<&Feature> {
        self.features.iter().find(|f| &f.id == id)
    }
    pub fn item(&self, id: &Id) -> Option<&Item> {
        self.items.iter().find(|i| &i.id == id)
    }
    pub fn objective(&self, id: &Id) -> Option<&Objective> {
        self.objectives.iter().find(|o| &o.id == id)
    }
    pub fn sprint(&self, id: &Id) -> Option<&Sprint> {
        self.sprints.iter().find(|s| &s.id == id)
    }

    /// Every id this product holds, its own included.
    pub fn all_ids(&self) -> Vec<&Id> {
        let mut ids = vec![&self.id];
        for o in &self.objectives {
            ids.push(&o.id);
            ids.extend(o.key_results.iter().map(|k| &k.id));
        }
        ids.extend(self.themes.iter().map(|t| &t.id));
        ids.extend(self.features.iter().map(|f| &f.id));
        for i in &self.items {
            ids.push(&i.id);
            ids.extend(i.acceptance.iter().map(|c| &c.id));
        }
        ids.extend(self.sprints.iter().map(|s| &s.id));
        ids.extend(self.releases.iter().map(|r| &r.id));
        ids
    }

    /// Every id this product holds, in the order of `all_ids`, each with the prefix of
    /// its kind (`ids::prefix`): what giving a product new ids walks.
    pub fn ids_mut(&mut self) -> Vec<(&mut Id, &'static str)> {
        use crate::model::ids::prefix::*;
        let mut ids = vec![(&mut self.id, PRODUCT)];
        for o in &mut self.objectives {
            ids.push((&mut o.id, OBJECTIVE));
            ids.extend(o.key_results.iter_mut().map(|k| (&mut k.id, KEY_RESULT)));
        }
        ids.extend(self.themes.iter_mut().map(|t| (&mut t.id, THEME)));
        ids.extend(self.features.iter_mut().map(|f| (&mut f.id, FEATURE)));
        for i in &mut self.items {
            ids.push((&mut i.id, ITEM));
            ids.extend(i.acceptance.iter_mut().map(|c| (&mut c.id, CRITERION)));
        }
        ids.extend(self.sprints.iter_mut().map(|s| (&mut s.id, SPRINT)));
        ids.extend(self.releases.iter_mut().map(|r| (&mut r.id, RELEASE)));
        ids
    }
}
