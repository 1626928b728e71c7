//! Why the model refused a change or a document: what is wrong and where, as facts. The
//! model holds no sentences: `crate::text` words these (`Display` for each type is written
//! there), so the first load carries only the words its own code can show.

use super::bounds::Field;
use super::command::Kind;
use super::dates::{Day, Month};
use super::ids::Id;

/// Where a problem is, outermost first: `[Product(Atlas), Entity(Feature, Login)]`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct At(pub Vec<Place>);

/// One step of a location.
#[derive(Clone, Debug, PartialEq)]
pub enum Place {
    /// The portfolio itself (its name).
    Portfolio,
    /// The portfolio's links, as a whole.
    PortfolioLinks,
    PortfolioLink(Id),
    Product(Name),
    Entity(Kind, Name),
    /// An objective's key result (not an entity of its own).
    KeyResult(Name),
    /// A product's backlog order.
    Backlog,
}

/// How a place is named: by what it is called, by its id, or both (when the document is
/// checked, the title alone may be blank or repeated).
#[derive(Clone, Debug, PartialEq)]
pub enum Name {
    Title(String),
    Id(Id),
    Both(String, Id),
}

impl At {
    pub fn new(place: Place) -> At {
        At(vec![place])
    }

    /// This location, one step further in.
    pub fn then(&self, place: Place) -> At {
        let mut at = self.clone();
        at.0.push(place);
        at
    }
}

/// A text field, for what is wrong with it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextField {
    Name,
    Title,
    Vision,
    Goal,
    BudgetNote,
    Description,
    AsA,
    IWant,
    SoThat,
    AcceptanceCriterion,
}

/// A reference from one part of the document to another, by what it points at.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Link {
    /// A portfolio link's end.
    Product,
    /// A theme's objective.
    Objective,
    /// A feature's theme.
    Theme,
    /// A feature's target release.
    Release,
    /// An item's parent feature.
    Feature,
    /// The sprint an item is planned into.
    Sprint,
}

/// A feature's months or a sprint's days.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Span {
    Months { start: Month, end: Month },
    Days { start: Day, end: Day },
}

/// A rule of the document that is broken (`invariants`).
#[derive(Clone, Debug, PartialEq)]
pub enum Rule {
    /// A title or name is blank.
    Empty(TextField),
    /// A text is longer than `max` characters.
    TooLong(TextField, usize),
    /// A number is NaN or infinite.
    NotANumber(Field),
    EmptyCriterion,
    /// An id names two things (found when the whole document is checked).
    IdRepeated(Id),
    /// A reference to something the product (or the workspace) does not hold.
    Dangling(Link, Id),
    /// A theme's colour is not `#rrggbb`.
    BadColour(String),
    EndsBeforeStart(Span),
    /// A feature or item waits for itself.
    WaitsForItself,
    /// It waits for an entity of its kind that the product does not hold.
    WaitsForMissing(Kind, Id),
    /// It names the same entity twice among those it waits for.
    WaitsTwice(Kind, Id),
    /// Dependencies that go round in a loop, by the titles along it (its first waits for
    /// the second, and so on, and the last leads back to the first).
    Loop(Vec<String>),
}

/// A document that breaks a rule, and where.
#[derive(Clone, Debug, PartialEq)]
pub struct Invalid {
    pub at: At,
    pub rule: Rule,
}

/// Why a command was refused.
#[derive(Clone, Debug, PartialEq)]
pub enum Problem {
    /// It would leave the document breaking a rule.
    Breaks(Rule),
    NoSuchProduct,
    /// The entity it names is not there (deleted, perhaps in another tab).
    Gone,
    /// An added entity's id is already used.
    IdTaken(Id),
    /// An added product's id is already used.
    ProductIdTaken,
    /// A move into a parent, for an entity of a kind that has none.
    NoParent(Kind),
    /// A move under `name`, which is a `found`, where the entity goes under a `wanted`.
    WrongParent {
        kind: Kind,
        wanted: Kind,
        name: String,
        found: Kind,
    },
    /// A move under a `wanted` that does not exist.
    NoSuchParent(Kind, Id),
    /// A move before something of another kind.
    NotBeforeSameKind(Kind),
    /// A new backlog order of the wrong length.
    OrderLength {
        given: usize,
        items: usize,
    },
    /// A new backlog order naming an item that is not there, or twice.
    NotInOrder(Id),
    /// A number set out of the field's range.
    OutOfRange(Field, f64),
}

/// A refused command: what is wrong and where.
#[derive(Clone, Debug, PartialEq)]
pub struct ModelError {
    pub at: At,
    pub problem: Problem,
}

impl ModelError {
    pub fn new(at: At, problem: Problem) -> ModelError {
        ModelError { at, problem }
    }
}

impl From<Invalid> for ModelError {
    fn from(e: Invalid) -> ModelError {
        ModelError {
            at: e.at,
            problem: Problem::Breaks(e.rule),
        }
    }
}

impl std::error::Error for Invalid {}
impl std::error::Error for ModelError {}
