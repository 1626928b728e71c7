//! The backlog as the PO sees it: filtered, optionally sorted by a scheme, each row with
//! its readiness, scores and forecast as facts. Plain Rust, so the page only renders rows.

use super::bounds::{self, Field};
use super::dependencies::{item_blocks, OrderProblem};
use super::ids::Id;
use super::planning::{forecast, Slot};
use super::readiness;
use super::scoring::{self, Scheme};
use super::workspace::{Item, ItemKind, ItemStatus, Priority, Product, ReadyRule};
use std::collections::HashMap;

/// A filter on one reference: any value, none set, or this one.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum RefFilter {
    #[default]
    Any,
    None,
    Is(Id),
}

impl RefFilter {
    fn accepts(&self, v: Option<&Id>) -> bool {
        match self {
            RefFilter::Any => true,
            RefFilter::None => v.is_none(),
            RefFilter::Is(id) => v == Some(id),
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BacklogFilter {
    pub text: String,
    pub kind: Option<ItemKind>,
    pub status: Option<ItemStatus>,
    /// `Some(None)` keeps items with no priority.
    pub priority: Option<Option<Priority>>,
    pub feature: RefFilter,
    pub sprint: RefFilter,
    pub ready: Option<bool>,
}

impl BacklogFilter {
    pub fn is_active(&self) -> bool {
        *self != BacklogFilter::default()
    }

    pub fn accepts(&self, p: &Product, i: &Item) -> bool {
        self.accepts_text(&self.needle(), p, i)
    }

    /// The search text as items are compared with it. Worked out once per backlog, not
    /// once per item.
    fn needle(&self) -> String {
        self.text.trim().to_lowercase()
    }

    /// `accepts`, with the search text already trimmed and lowercased.
    fn accepts_text(&self, needle: &str, p: &Product, i: &Item) -> bool {
        // The cheap checks first, so the text search runs only on items they let through.
        self.kind.is_none_or(|k| i.kind == k)
            && self.status.is_none_or(|s| i.status == s)
            && self.priority.is_none_or(|pr| i.priority == pr)
            && self.feature.accepts(i.feature.as_ref())
            && self.sprint.accepts(i.sprint.as_ref())
            && (needle.is_empty()
                || [
                    &i.title,
                    &i.description,
                    &i.story.i_want,
                    &i.story.as_a,
                    &i.story.so_that,
                ]
                .iter()
                .any(|t| contains_lowercased(t, needle)))
            && self
                .ready
                .is_none_or(|r| readiness::is_ready(&p.definition_of_ready, i) == r)
    }
}

/// Whether `haystack.to_lowercase()` contains `needle`, which is lowercase already.
/// Most text is ASCII, and for ASCII the lowercase is byte by byte, so it is compared in
/// place instead of allocating a lowercase copy of every field of every item. Anything
/// else goes through `to_lowercase`, whose rules (a final sigma, say) are not per byte.
pub(crate) fn contains_lowercased(haystack: &str, needle: &str) -> bool {
    if needle.is_empty() {
        return true;
    }
    if !haystack.is_ascii() {
        return haystack.to_lowercase().contains(needle);
    }
    // The lowercase of ASCII text is ASCII, so a needle that is not cannot be in it.
    needle.is_ascii()
        && haystack
            .as_bytes()
            .windows(needle.len())
            .any(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
}

/// One backlog row, as facts: what the row shows is worded beside the table
/// (`text::readiness`, `text::forecast`, `text::score`), not here.
#[derive(Clone, Debug, PartialEq)]
pub struct BacklogRow {
    pub id: Id,
    /// 1-based position in the whole backlog.
    pub rank: usize,
    pub kind: ItemKind,
    pub title: String,
    pub feature: Option<String>,
    pub estimate: Option<f64>,
    /// The estimate's field when the estimate was stored out of its range.
    pub estimate_flag: Option<Field>,
    pub priority: Option<Priority>,
    pub status: ItemStatus,
    pub sprint: Option<String>,
    /// The product's Definition of Ready rules the item misses, in the checklist's order.
    pub missing: Vec<ReadyRule>,
    pub criteria: usize,
    pub value_effort: Option<f64>,
    pub wsjf: Option<f64>,
    pub rice: Option<f64>,
    /// The first score input stored out of its range, which makes the scores suspect.
    pub score_flag: Option<Field>,
    pub forecast: Forecast,
    /// Titles of the items it waits for that are not done.
    pub blocked_by: Vec<String>,
    /// It is ranked or planned before one of those (`dependencies::OrderProblem`), and
    /// that one's title.
    pub order_problem: Option<(Misplaced, String)>,
}

/// How a blocked item is out of order with its blocker.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Misplaced {
    RankedAbove,
    PlannedBefore,
}

impl BacklogRow {
    pub fn ready(&self) -> bool {
        self.missing.is_empty()
    }
}

/// Where the forecast puts a row's item: a `Slot` with the sprint named, since the row
/// outlives the lookup that names it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Forecast {
    Done,
    /// An existing sprint, by its name.
    Sprint(String),
    /// Planned into this sprint (by its name), past what it can hold.
    AtRisk(String),
    /// A Won't item, never forecast.
    Wont,
    /// The n-th sprint after the last one that exists (1-based), at the velocity.
    Future(usize),
    NeedsEstimate,
    /// No velocity and no capacity to forecast with.
    Unknown,
}

/// The rows to show, in order. The page itself builds rows only for what it draws (see
/// `backlog_order` and `RowBuilder`); this is the whole list, for tests and exports.
pub fn backlog_rows(p: &Product, filter: &BacklogFilter, scheme: Scheme) -> Vec<BacklogRow> {
    let rows = RowBuilder::new(p);
    backlog_order(p, filter, scheme)
        .into_iter()
        .map(|n| rows.row(n))
        .collect()
}

/// Which items the backlog shows, as positions in `p.items`, in the order a scheme puts
/// them. No text is built, so this is cheap enough to redo on every keystroke of a search
/// over 10,000 items; full rows are built only for the few on screen.
pub fn backlog_order(p: &Product, filter: &BacklogFilter, scheme: Scheme) -> Vec<usize> {
    let needle = filter.needle();
    let kept: Vec<usize> = (0..p.items.len())
        .filter(|&n| filter.accepts_text(&needle, p, &p.items[n]))
        .collect();
    if scheme == Scheme::Rank {
        return kept;
    }
    let refs: Vec<&Item> = kept.iter().map(|&n| &p.items[n]).collect();
    scoring::order_by(scheme, &refs)
        .into_iter()
        .map(|k| kept[k])
        .collect()
}

/// Builds backlog rows for the items of one product. What rows share — the forecast and
/// the names of features and sprints — is worked out once, not once per row (a
/// `p.feature(id)` scan per row would be rows × features).
pub struct RowBuilder<'a> {
    p: &'a Product,
    slots: HashMap<Id, Slot>,
    feature_titles: HashMap<&'a Id, &'a String>,
    sprint_names: HashMap<&'a Id, &'a String>,
    blocks: HashMap<&'a Id, (Vec<&'a Id>, Option<OrderProblem>)>,
}

impl<'a> RowBuilder<'a> {
    pub fn new(p: &'a Product) -> Self {
        RowBuilder {
            p,
            slots: forecast(p),
            feature_titles: first_by_id(p.features.iter().map(|f| (&f.id, &f.title))),
            sprint_names: first_by_id(p.sprints.iter().map(|s| (&s.id, &s.name))),
            blocks: item_blocks(p),
        }
    }

    fn sprint_name(&self, s: &Id) -> Option<String> {
        self.sprint_names.get(s).map(|n| n.to_string())
    }

    /// The row of the item at position `n` of `p.items`.
    pub fn row(&self, n: usize) -> BacklogRow {
        let (p, i) = (self.p, &self.p.items[n]);
        BacklogRow {
            id: i.id.clone(),
            rank: n + 1,
            kind: i.kind,
            title: i.title.clone(),
            feature: i
                .feature
                .as_ref()
                .and_then(|f| self.feature_titles.get(f))
                .map(|t| t.to_string()),
            estimate: i.estimate,
            estimate_flag: bounds::flag(Field::Estimate, i.estimate),
            priority: i.priority,
            status: i.status,
            sprint: i.sprint.as_ref().and_then(|s| self.sprint_name(s)),
            missing: readiness::missing(&p.definition_of_ready, i),
            criteria: i.acceptance.len(),
            value_effort: scoring::value_effort(i),
            wsjf: scoring::wsjf(i),
            rice: scoring::rice(i),
            score_flag: bounds::first_flag(&bounds::item_numbers(i)[1..]),
            forecast: match self.slots.get(&i.id) {
                Some(Slot::Done) => Forecast::Done,
                Some(Slot::Sprint(s)) => Forecast::Sprint(self.sprint_name(s).unwrap_or_default()),
                Some(Slot::AtRisk(s)) => Forecast::AtRisk(self.sprint_name(s).unwrap_or_default()),
                Some(Slot::Wont) => Forecast::Wont,
                Some(Slot::Future(n)) => Forecast::Future(*n),
                Some(Slot::NeedsEstimate) => Forecast::NeedsEstimate,
                Some(Slot::Unknown) | None => Forecast::Unknown,
            },
            blocked_by: Vec::new(),
            order_problem: None,
        }
        .with_blocks(self.blocks.get(&i.id), |id| self.item_title(id))
    }

    fn item_title(&self, id: &Id) -> String {
        self.p.item(id).map(|i| i.title.clone()).unwrap_or_default()
    }
}

impl BacklogRow {
    fn with_blocks(
        mut self,
        blocks: Option<&(Vec<&Id>, Option<OrderProblem>)>,
        title: impl Fn(&Id) -> String,
    ) -> Self {
        if let Some((open, problem)) = blocks {
            self.blocked_by = open.iter().map(|id| title(id)).collect();
            self.order_problem = problem.as_ref().map(|p| match p {
                OrderProblem::RankedBefore(b) => (Misplaced::RankedAbove, title(b)),
                OrderProblem::PlannedBefore(b) => (Misplaced::PlannedBefore, title(b)),
            });
        }
        self
    }
}

/// A map from id to value in which, as with `Product::feature` and the like, the first
/// entity with an id wins.
fn first_by_id<'a, V>(entries: impl Iterator<Item = (&'a Id, V)>) -> HashMap<&'a Id, V> {
    let mut map = HashMap::new();
    for (id, v) in entries {
        map.entry(id).or_insert(v);
    }
    map
}

/// The backlog's ids in the order a scheme puts them, for a one-step re-rank.
pub fn ranked_ids(p: &Product, scheme: Scheme) -> Vec<Id> {
    let refs: Vec<&Item> = p.items.iter().collect();
    scoring::order_by(scheme, &refs)
        .into_iter()
        .map(|k| refs[k].id.clone())
        .collect()
}
