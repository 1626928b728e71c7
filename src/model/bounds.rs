//! The range of every number a user or an import can set, in one table.
//!
//! The bounds are not rules a document must obey to load: `validate_workspace` asks only
//! that a number is a number, so a workspace stored with a value out of range (before a
//! bound existed, or edited by hand) still opens, and the value is flagged where it shows
//! ([`flag`]). The bounds are asked where a value is *set*: by a command
//! ([`check_command`]), by a field as it is typed, and by an import, which leaves an
//! out-of-range value out and names it by its path ([`out_of_range`], [`clear`]).
//!
//! The words for a field and its range ("Estimate must be a number between 0 and 1,000
//! points") are `text::field_range`'s; this table holds the numbers.

use super::command::{Command, Entity, Kind};
use super::error::{At, ModelError, Name, Place, Problem};
use super::workspace::{Feature, Item, KeyResult, Product, Sprint, Workspace};

/// Every number a user or an import can set.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    Estimate,
    Capacity,
    Value,
    Effort,
    BusinessValue,
    TimeCriticality,
    RiskReduction,
    JobSize,
    Reach,
    Impact,
    Confidence,
    FeatureValue,
    FeatureEffort,
    KeyResultStart,
    KeyResultTarget,
    KeyResultCurrent,
}

/// The lowest value a field takes.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Low {
    /// This value or more.
    From(f64),
    /// More than this value: a divisor, where 0 would make the score meaningless.
    Above(f64),
    /// Any finite number, negative ones included.
    Any,
}

/// A field's range.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Bound {
    pub low: Low,
    /// The highest value it takes, if there is one.
    pub high: Option<f64>,
}

const fn bound(low: Low, high: Option<f64>) -> Bound {
    Bound { low, high }
}

/// Sizes in points: a sprint or an item bigger than 1,000 points is a typing slip, and a
/// bound there keeps sums and velocity far from what a float cannot hold.
const POINTS: f64 = 1_000.0;

impl Field {
    pub const ALL: [Field; 16] = [
        Field::Estimate,
        Field::Capacity,
        Field::Value,
        Field::Effort,
        Field::BusinessValue,
        Field::TimeCriticality,
        Field::RiskReduction,
        Field::JobSize,
        Field::Reach,
        Field::Impact,
        Field::Confidence,
        Field::FeatureValue,
        Field::FeatureEffort,
        Field::KeyResultStart,
        Field::KeyResultTarget,
        Field::KeyResultCurrent,
    ];

    /// The table: one line per field.
    pub fn bound(self) -> Bound {
        use Low::*;
        match self {
            Field::Estimate | Field::Capacity => bound(From(0.0), Some(POINTS)),
            Field::Value
            | Field::BusinessValue
            | Field::TimeCriticality
            | Field::RiskReduction
            | Field::Reach
            | Field::FeatureValue => bound(From(0.0), None),
            Field::Effort | Field::JobSize | Field::FeatureEffort => bound(Above(0.0), None),
            Field::Impact | Field::Confidence => bound(From(0.0), Some(100.0)),
            Field::KeyResultStart | Field::KeyResultTarget | Field::KeyResultCurrent => {
                bound(Any, None)
            }
        }
    }

    /// The field's name in the stored JSON, from the entity that holds it
    /// (`scores.reach` for an item's reach).
    pub fn key(self) -> &'static str {
        match self {
            Field::Estimate => "estimate",
            Field::Capacity => "capacity",
            Field::Value => "scores.value",
            Field::Effort => "scores.effort",
            Field::BusinessValue => "scores.business_value",
            Field::TimeCriticality => "scores.time_criticality",
            Field::RiskReduction => "scores.risk_reduction",
            Field::JobSize => "scores.job_size",
            Field::Reach => "scores.reach",
            Field::Impact => "scores.impact",
            Field::Confidence => "scores.confidence",
            Field::FeatureValue => "value",
            Field::FeatureEffort => "effort",
            Field::KeyResultStart => "start",
            Field::KeyResultTarget => "target",
            Field::KeyResultCurrent => "current",
        }
    }

    /// Whether `v` is in the field's range. NaN and the infinities never are.
    pub fn accepts(self, v: f64) -> bool {
        let b = self.bound();
        let low = match b.low {
            Low::From(lo) => v >= lo,
            Low::Above(lo) => v > lo,
            Low::Any => true,
        };
        v.is_finite() && low && b.high.is_none_or(|hi| v <= hi)
    }

    /// `Ok` for a value in range, `Err(NotInRange)` for one out of it.
    pub fn check(self, v: f64) -> Result<(), NotInRange> {
        if self.accepts(v) {
            Ok(())
        } else {
            Err(NotInRange(self))
        }
    }
}

/// What was typed into a field (or a value set) is not a number in the field's range;
/// `text` says it as a sentence: "Estimate must be a number between 0 and 1,000 points.".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NotInRange(pub Field);

/// Parses what was typed into a field: empty means "not set"; anything else must be a
/// number in the field's range. A comma is taken as the decimal point.
pub fn parse(field: Field, text: &str) -> Result<Option<f64>, NotInRange> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    match t.replace(',', ".").parse::<f64>() {
        Ok(v) if field.accepts(v) => Ok(Some(v)),
        _ => Err(NotInRange(field)),
    }
}

/// A stored number as a field shows it for editing. Beyond 10¹⁵ (a value stored out of
/// range) it is written as `1e308`, which reads back as the same number, rather than as
/// 309 digits.
pub fn edit_text(v: Option<f64>) -> String {
    match v {
        Some(x) if !x.is_finite() => String::new(),
        Some(x) if x.abs() >= 1e15 => format!("{x:e}"),
        Some(x) => x.to_string(),
        None => String::new(),
    }
}

/// `field` when a stored value is out of its range and is to be flagged where it shows
/// (`text::out_of_range` says why); `None` when the value is unset or in range.
pub fn flag(field: Field, v: Option<f64>) -> Option<Field> {
    let v = v?;
    (!field.accepts(v)).then_some(field)
}

/// The first field of `numbers` whose value is out of range, for a cell or a score's flag.
pub fn first_flag(numbers: &[(Field, Option<f64>)]) -> Option<Field> {
    numbers.iter().find_map(|&(f, v)| flag(f, v))
}

/// The number an item holds for `field`.
pub fn item_number(i: &Item, field: Field) -> Option<f64> {
    let found = item_numbers(i).into_iter().find(|&(f, _)| f == field);
    found.and_then(|(_, v)| v)
}

pub fn item_numbers(i: &Item) -> [(Field, Option<f64>); 10] {
    let s = &i.scores;
    [
        (Field::Estimate, i.estimate),
        (Field::Value, s.value),
        (Field::Effort, s.effort),
        (Field::BusinessValue, s.business_value),
        (Field::TimeCriticality, s.time_criticality),
        (Field::RiskReduction, s.risk_reduction),
        (Field::JobSize, s.job_size),
        (Field::Reach, s.reach),
        (Field::Impact, s.impact),
        (Field::Confidence, s.confidence),
    ]
}

pub fn feature_numbers(f: &Feature) -> [(Field, Option<f64>); 2] {
    [
        (Field::FeatureValue, f.value),
        (Field::FeatureEffort, f.effort),
    ]
}

pub fn sprint_numbers(s: &Sprint) -> [(Field, Option<f64>); 1] {
    [(Field::Capacity, s.capacity)]
}

pub fn key_result_numbers(k: &KeyResult) -> [(Field, Option<f64>); 3] {
    [
        (Field::KeyResultStart, Some(k.start)),
        (Field::KeyResultTarget, Some(k.target)),
        (Field::KeyResultCurrent, Some(k.current)),
    ]
}

/// The entity of a product that holds a number, by its position in the product's lists
/// (which is what a JSON path names).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Holder {
    Item(usize),
    Sprint(usize),
    Feature(usize),
    KeyResult { objective: usize, key_result: usize },
}

/// A number out of its range, and where it is.
#[derive(Clone, Debug, PartialEq)]
pub struct OutOfRange {
    /// The product's position in the workspace.
    pub product: usize,
    pub holder: Holder,
    pub field: Field,
    pub value: f64,
}

impl OutOfRange {
    /// Its JSON path from the workspace: `products[0].items[3].estimate`.
    pub fn path(&self) -> String {
        let p = self.product;
        let holder = match self.holder {
            Holder::Item(n) => format!("items[{n}]"),
            Holder::Sprint(n) => format!("sprints[{n}]"),
            Holder::Feature(n) => format!("features[{n}]"),
            Holder::KeyResult {
                objective,
                key_result,
            } => format!("objectives[{objective}].key_results[{key_result}]"),
        };
        format!("products[{p}].{holder}.{}", self.field.key())
    }
}

/// Every number in `ws` that is out of its range, in the order of the document.
pub fn out_of_range(ws: &Workspace) -> Vec<OutOfRange> {
    let mut out = Vec::new();
    for (n, p) in ws.products.iter().enumerate() {
        product_out_of_range(n, p, &mut out);
    }
    out
}

fn product_out_of_range(product: usize, p: &Product, out: &mut Vec<OutOfRange>) {
    let mut push = |holder: Holder, numbers: &[(Field, Option<f64>)]| {
        for &(field, v) in numbers {
            if let Some(value) = v.filter(|&v| !field.accepts(v)) {
                out.push(OutOfRange {
                    product,
                    holder,
                    field,
                    value,
                });
            }
        }
    };
    for (o, obj) in p.objectives.iter().enumerate() {
        for (k, kr) in obj.key_results.iter().enumerate() {
            let holder = Holder::KeyResult {
                objective: o,
                key_result: k,
            };
            push(holder, &key_result_numbers(kr));
        }
    }
    for (n, f) in p.features.iter().enumerate() {
        push(Holder::Feature(n), &feature_numbers(f));
    }
    for (n, i) in p.items.iter().enumerate() {
        push(Holder::Item(n), &item_numbers(i));
    }
    for (n, s) in p.sprints.iter().enumerate() {
        push(Holder::Sprint(n), &sprint_numbers(s));
    }
}

/// Leaves the value `o` names unset, as an import does with a value out of range. Returns
/// `false` when it cannot be left out: a key result's values are not optional (and are
/// out of range only when they are not numbers, which no JSON file can hold).
pub fn clear(ws: &mut Workspace, o: &OutOfRange) -> bool {
    let Some(p) = ws.products.get_mut(o.product) else {
        return false;
    };
    let slot = match o.holder {
        Holder::Item(n) => p.items.get_mut(n).and_then(|i| item_slot(i, o.field)),
        Holder::Sprint(n) => p.sprints.get_mut(n).map(|s| &mut s.capacity),
        Holder::Feature(n) => p.features.get_mut(n).and_then(|f| match o.field {
            Field::FeatureValue => Some(&mut f.value),
            Field::FeatureEffort => Some(&mut f.effort),
            _ => None,
        }),
        Holder::KeyResult { .. } => None,
    };
    match slot {
        Some(slot) => {
            *slot = None;
            true
        }
        None => false,
    }
}

/// Where an item keeps the number of `field` (`None` for a field items do not have).
pub fn item_slot(i: &mut Item, field: Field) -> Option<&mut Option<f64>> {
    let s = &mut i.scores;
    Some(match field {
        Field::Estimate => &mut i.estimate,
        Field::Value => &mut s.value,
        Field::Effort => &mut s.effort,
        Field::BusinessValue => &mut s.business_value,
        Field::TimeCriticality => &mut s.time_criticality,
        Field::RiskReduction => &mut s.risk_reduction,
        Field::JobSize => &mut s.job_size,
        Field::Reach => &mut s.reach,
        Field::Impact => &mut s.impact,
        Field::Confidence => &mut s.confidence,
        _ => return None,
    })
}

/// Refuses a command that sets a number out of its range. A number an edit leaves as it
/// is stored is not checked: an item whose stored estimate is out of range can still be
/// renamed, and the estimate stays flagged until someone changes it.
pub fn check_command(ws: &Workspace, cmd: &Command) -> Result<(), ModelError> {
    match cmd {
        Command::Add {
            product, entity, ..
        } => check_entity(&product_name(ws, product), entity, None),
        Command::Edit { product, entity } => {
            let old = ws.product(product).and_then(|p| stored(p, entity));
            check_entity(&product_name(ws, product), entity, old.as_ref())
        }
        Command::AddProduct { product, .. } => check_product(product),
        Command::Batch { commands, .. } => commands.iter().try_for_each(|c| check_command(ws, c)),
        // A whole workspace comes from a load or an import, whose values are kept (or
        // were left out by the import) and flagged; the rest set no number.
        _ => Ok(()),
    }
}

fn product_name(ws: &Workspace, id: &super::ids::Id) -> Place {
    let name = ws
        .product(id)
        .map_or_else(|| id.to_string(), |p| p.name.clone());
    Place::Product(Name::Title(name))
}

/// The numbers of an item, a feature or a sprint (an objective's are its key results').
fn entity_numbers(e: &Entity) -> Vec<(Field, Option<f64>)> {
    match e {
        Entity::Item(i) => item_numbers(i).to_vec(),
        Entity::Feature(f) => feature_numbers(f).to_vec(),
        Entity::Sprint(s) => sprint_numbers(s).to_vec(),
        Entity::Objective(_) | Entity::Theme(_) | Entity::Release(_) => Vec::new(),
    }
}

/// The stored version of the entity `e` edits, if there is one.
fn stored(p: &Product, e: &Entity) -> Option<Entity> {
    Some(match e {
        Entity::Item(i) => Entity::Item(p.item(&i.id)?.clone()),
        Entity::Feature(f) => Entity::Feature(p.feature(&f.id)?.clone()),
        Entity::Sprint(s) => Entity::Sprint(p.sprint(&s.id)?.clone()),
        Entity::Objective(o) => Entity::Objective(p.objective(&o.id)?.clone()),
        Entity::Theme(_) | Entity::Release(_) => return None,
    })
}

fn check_entity(product: &Place, new: &Entity, old: Option<&Entity>) -> Result<(), ModelError> {
    let at = || {
        At(vec![
            product.clone(),
            Place::Entity(new.kind(), Name::Title(new.title().to_string())),
        ])
    };
    let Entity::Objective(o) = new else {
        let before = old.map(entity_numbers);
        return check_numbers(&entity_numbers(new), before.as_deref())
            .map_err(|problem| ModelError::new(at(), problem));
    };
    let was = match old {
        Some(Entity::Objective(w)) => w.key_results.as_slice(),
        _ => &[],
    };
    for k in &o.key_results {
        // By id: key results can be added, removed and reordered in one edit.
        let before = was.iter().find(|w| w.id == k.id).map(key_result_numbers);
        check_numbers(&key_result_numbers(k), before.as_ref().map(|b| &b[..])).map_err(
            |problem| {
                let key_result = Place::KeyResult(Name::Title(k.title.clone()));
                ModelError::new(at().then(key_result), problem)
            },
        )?;
    }
    Ok(())
}

/// The first of `new` out of range that is not as it was in `old`.
fn check_numbers(
    new: &[(Field, Option<f64>)],
    old: Option<&[(Field, Option<f64>)]>,
) -> Result<(), Problem> {
    for (n, &(field, v)) in new.iter().enumerate() {
        let Some(x) = v else { continue };
        let kept = old
            .and_then(|o| o.get(n))
            .is_some_and(|&(_, was)| same(was, v));
        if !kept && !field.accepts(x) {
            return Err(Problem::OutOfRange(field, x));
        }
    }
    Ok(())
}

/// Equal as stored numbers: NaN, which a workspace never holds, counts as equal to itself
/// so that it can never block an edit of something else.
fn same(a: Option<f64>, b: Option<f64>) -> bool {
    match (a, b) {
        (Some(x), Some(y)) => x == y || (x.is_nan() && y.is_nan()),
        (None, None) => true,
        _ => false,
    }
}

fn check_product(p: &Product) -> Result<(), ModelError> {
    let mut found = Vec::new();
    product_out_of_range(0, p, &mut found);
    match found.first() {
        None => Ok(()),
        Some(o) => {
            let mut at = At::new(Place::Product(Name::Title(p.name.clone())));
            at.0.extend(holder_places(p, o.holder));
            Err(ModelError::new(at, Problem::OutOfRange(o.field, o.value)))
        }
    }
}

/// The entity that holds a number, by title, as a command's error names it.
fn holder_places(p: &Product, h: Holder) -> Vec<Place> {
    let named = |t: Option<&str>| Name::Title(t.unwrap_or("?").to_string());
    let entity = |kind, t| Place::Entity(kind, named(t));
    match h {
        Holder::Item(n) => vec![entity(Kind::Item, p.items.get(n).map(|i| &*i.title))],
        Holder::Sprint(n) => vec![entity(Kind::Sprint, p.sprints.get(n).map(|s| &*s.name))],
        Holder::Feature(n) => {
            vec![entity(Kind::Feature, p.features.get(n).map(|f| &*f.title))]
        }
        Holder::KeyResult {
            objective,
            key_result,
        } => {
            let o = p.objectives.get(objective);
            let k = o.and_then(|o| o.key_results.get(key_result));
            vec![
                entity(Kind::Objective, o.map(|o| &*o.title)),
                Place::KeyResult(named(k.map(|k| &*k.title))),
            ]
        }
    }
}
