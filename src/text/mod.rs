//! The sentences the app says about the document: undo labels, what a delete takes with
//! it, what an outline row or a backlog row tells. They live here, beside the views, not
//! in the model, which knows only the facts.
//!
//! A function here goes into the first load only if code on Home's path calls it, so the
//! backlog's words are called from the backlog page alone.

use crate::model::backlog::Forecast;
use crate::model::bounds::{Field, Low, NotInRange};
use crate::model::command::entity_title;
use crate::model::error::{
    At, Invalid, Link, ModelError, Name, Place, Problem, Rule, Span, TextField,
};
use crate::model::outline::{DropRefused, Facts, Loose, Row, RowKind};
use crate::model::roadmap::Reality;
use crate::model::roadmap_lanes::{Lane, Wait};
use crate::model::roadmap_svg::SvgWords;
use crate::model::rollup::Rollup;
use crate::model::slips::{Against, SlipFacts};
use crate::model::{Command, Id, Impact, Kind, Ownership, ReadyRule, RoleSetting, Workspace};
use crate::model::{Day, Month};
use numbers::{count, fixed, plain, points, thousands};

use std::fmt;

pub mod choice;
mod labels;
pub mod numbers;

pub(crate) use choice::choices;
pub use choice::Choice;
pub use labels::optional_date;

/// The undo step that finishes a sprint, given its name: "finish Sprint 4".
pub fn finish_sprint(name: &str) -> String {
    format!("finish {name}")
}

/// A short description of a command, for the undo button and announcements.
pub fn command_label(cmd: &Command, ws: &Workspace) -> String {
    match cmd {
        Command::SetRoles(r) => format!("set roles to “{}”", r.label()),
        Command::RenamePortfolio(_) => "rename portfolio".into(),
        Command::AddProduct { product, .. } => format!("add product “{}”", product.name),
        Command::EditProduct(f) => format!("edit product “{}”", f.name),
        Command::DeleteProduct(id) => {
            format!(
                "delete product “{}”",
                ws.product(id).map(|p| p.name.as_str()).unwrap_or("?")
            )
        }
        Command::ReorderProduct { .. } => "reorder products".into(),
        Command::Add { entity, .. } => {
            format!("add {} “{}”", entity.kind().noun(), entity.title())
        }
        Command::Edit { entity, .. } => {
            format!("edit {} “{}”", entity.kind().noun(), entity.title())
        }
        Command::Delete { product, kind, id } => {
            let title = ws
                .product(product)
                .and_then(|p| entity_title(p, *kind, id))
                .unwrap_or_default();
            format!("delete {} “{}”", kind.noun(), title)
        }
        Command::Reorder { kind, .. } => format!("move {}", kind.noun()),
        Command::Move {
            product, kind, id, ..
        } => {
            let title = ws
                .product(product)
                .and_then(|p| entity_title(p, *kind, id))
                .unwrap_or_default();
            format!("move {} “{}”", kind.noun(), title)
        }
        Command::Rerank { .. } => "re-rank the backlog".into(),
        Command::SetDefinitionOfReady { .. } => "change the Definition of Ready".into(),
        Command::MoveTheme { .. } => "move theme to another product".into(),
        Command::Batch { label, .. } => label.clone(),
        Command::ReplaceWorkspace(_) => "replace workspace".into(),
    }
}

/// What a delete takes with it, e.g. "feature and 6 items", "theme, 2 features and 9 items".
pub fn impact_summary(impact: &Impact, kind: Kind) -> String {
    let mut gone = vec![kind.noun().to_string()];
    if impact.features > 0 {
        gone.push(count(impact.features, "feature", "features"));
    }
    if impact.items > 0 {
        gone.push(count(impact.items, "item", "items"));
    }
    let mut text = match gone.len() {
        1 => gone[0].clone(),
        n => format!("{} and {}", gone[..n - 1].join(", "), gone[n - 1]),
    };
    if impact.unlinked_themes > 0 {
        text.push_str(&format!(
            "; {} lose this objective",
            count(impact.unlinked_themes, "theme", "themes")
        ));
    }
    if impact.unplanned_items > 0 {
        text.push_str(&format!(
            "; {} go back to the backlog",
            count(impact.unplanned_items, "item", "items")
        ));
    }
    if impact.untargeted_features > 0 {
        text.push_str(&format!(
            "; {} lose this release",
            count(impact.untargeted_features, "feature", "features")
        ));
    }
    text
}

/// A roll-up in one line: "3 items · 5/8 pts · 60% done", or "no items".
pub fn rollup_text(r: &Rollup) -> String {
    match r.percent_done() {
        Some(pc) => format!(
            "{} · {}/{} pts · {}% done",
            count(r.items, "item", "items"),
            points(r.points_done),
            points(r.points),
            fixed(pc, 0)
        ),
        None => "no items".to_string(),
    }
}

/// The heading of a loose group in the outline: what gathers there.
pub fn loose_group(group: Loose) -> &'static str {
    match group {
        Loose::Themes => "Themes with no objective",
        Loose::Features => "Features with no theme",
        Loose::Items => "Items with no feature",
    }
}

/// An outline row's title as the page shows it: the entity's own, or a loose group's
/// heading.
pub fn row_title(row: &Row) -> &str {
    match row.kind {
        RowKind::Loose(group) => loose_group(group),
        _ => &row.title,
    }
}

/// What stands for the theme of a feature that has none: its roadmap lane, card and
/// details, and the SVG export.
pub const NO_THEME: &str = "No theme";

/// A roadmap lane's name: its theme's, or [`NO_THEME`].
pub fn lane_name(lane: &Lane) -> &str {
    match lane.theme {
        Some(_) => &lane.name,
        None => NO_THEME,
    }
}

/// A quarter, given by any of its months: "Q3 2026".
pub fn quarter(m: Month) -> String {
    format!("Q{} {}", m.quarter(), m.year)
}

/// The words of the roadmap's SVG export around the document's names.
pub const SVG_WORDS: SvgWords = SvgWords {
    title: svg_title,
    no_theme: NO_THEME,
    objective: svg_objective,
    no_objective: "⚠ No objective",
    slips: svg_slips,
    month: Month::short_name,
    status: crate::model::FeatureStatus::label,
};

fn svg_title(product: &str) -> String {
    format!("{product} — roadmap")
}

fn svg_objective(title: &str) -> String {
    format!("Objective: {title}")
}

fn svg_slips(weeks: i64) -> String {
    format!(" · slips {weeks} wk")
}

/// What an outline row shows beside its title: an item's type, a feature's status, a key
/// result's numbers; empty for the others.
pub fn row_detail(row: &Row) -> String {
    match &row.facts {
        Facts::Item { kind, .. } => kind.label().to_string(),
        Facts::Feature { status, .. } => status.label().to_string(),
        Facts::KeyResult {
            start,
            target,
            current,
            unit,
            ..
        } => {
            let unit = if unit.is_empty() {
                String::new()
            } else {
                format!(" {unit}")
            };
            let (start, target, now) = (plain(*start), plain(*target), plain(*current));
            format!("{start} → {target}{unit}, now {now}")
        }
        _ => String::new(),
    }
}

/// What an outline row shows at its end: the roll-up, an item's points and status, how
/// far a key result has come, how many wait in a loose group.
pub fn row_meta(row: &Row) -> String {
    match &row.facts {
        Facts::None => String::new(),
        Facts::Rollup(r) | Facts::Feature { rollup: r, .. } => rollup_text(r),
        Facts::Item {
            estimate, status, ..
        } => match estimate {
            Some(e) => {
                let unit = if *e == 1.0 { "pt" } else { "pts" };
                // Stored before its bound: said, not hidden.
                let flag = if Field::Estimate.accepts(*e) {
                    ""
                } else {
                    " (out of range)"
                };
                format!("{} {unit}{flag} · {}", points(*e), status.label())
            }
            None => format!("unestimated · {}", status.label()),
        },
        Facts::KeyResult { progress, .. } => progress
            .map(|v| format!("{}% of the way", fixed(v, 0)))
            .unwrap_or_default(),
        Facts::ToPlace(n) => format!("{n} to place"),
    }
}

/// A short badge text: "PM", "PM + PO", "PO hat".
pub fn hat_badge(o: Ownership) -> String {
    let main = o.hat.short();
    let text = match o.helper {
        Some(h) => format!("{main} + {}", h.short()),
        None => main.to_string(),
    };
    if o.same_person {
        format!("{text} hat")
    } else {
        text
    }
}

/// A sentence for tooltips and screen readers.
pub fn ownership(o: Ownership, setting: RoleSetting) -> String {
    let hat = o.hat.long();
    match (setting, o.helper.map(crate::model::Hat::long)) {
        (RoleSetting::NoPm, _) => {
            "Owned by the Product Owner, who also does the Product Manager's work here".to_string()
        }
        (RoleSetting::OnePerson, Some(h)) => {
            format!("You decide with your {hat} hat on, then switch to your {h} hat")
        }
        (RoleSetting::OnePerson, None) => format!("You wear your {hat} hat here"),
        (RoleSetting::Separate, Some(h)) => format!("The {hat} decides; the {h} breaks it down"),
        (RoleSetting::Separate, None) => format!("Owned by the {hat}"),
    }
}

/// A one-line verdict on a horizon or quarter, for the training room.
pub fn verdict(r: &Reality) -> String {
    if r.features == 0 {
        return "Nothing planned here.".into();
    }
    let mut gaps = Vec::new();
    if r.broken_down < r.features {
        let n = r.features - r.broken_down;
        gaps.push(format!(
            "{n} of {} features {} no backlog items",
            r.features,
            if n == 1 { "has" } else { "have" }
        ));
    }
    if r.estimated < r.items {
        let n = r.items - r.estimated;
        gaps.push(format!(
            "{n} {} not estimated",
            if n == 1 { "item is" } else { "items are" }
        ));
    }
    if r.ready < r.items {
        let n = r.items - r.ready;
        gaps.push(format!(
            "{n} {} not ready",
            if n == 1 { "item is" } else { "items are" }
        ));
    }
    match r.fits() {
        None if !r.time_boxed => {}
        Some(false) => gaps.push(format!(
            "{} points left but about {} fit at the current velocity",
            points(r.points_left),
            points(r.capacity.unwrap_or(0.0))
        )),
        None => gaps.push("no velocity yet to check the points against".into()),
        Some(true) => {}
    }
    if r.slipping > 0 {
        gaps.push(format!(
            "{} {} slip",
            r.slipping,
            if r.slipping == 1 {
                "feature is set to"
            } else {
                "features are set to"
            }
        ));
    }
    if gaps.is_empty() {
        "Plan and backlog agree.".into()
    } else {
        format!("{}.", capitalise(&gaps.join("; ")))
    }
}

/// A day as a slip sentence names it: "30 Apr", with the year when `year` is set.
fn day_label(d: Day, year: bool) -> String {
    let m = d.month();
    if year {
        format!("{} {} {}", d.day, m.short_name(), d.year)
    } else {
        format!("{} {}", d.day, m.short_name())
    }
}

fn weeks(n: i64) -> String {
    format!("{n} {}", if n == 1 { "week" } else { "weeks" })
}

/// Why a feature slips, in full: "Slips by 3 weeks: ends 30 Apr, after release Spring on
/// 15 Mar". Days name their year when the two differ in it.
pub fn slip(s: &SlipFacts) -> String {
    let by = weeks(s.weeks);
    match &s.against {
        Against::Release { name, date } => match s.ends {
            Some(ends) => {
                let year = ends.year != date.year;
                format!(
                    "Slips by {by}: ends {}, after release {name} on {}",
                    day_label(ends, year),
                    day_label(*date, year)
                )
            }
            None => format!(
                "Slips by {by}: ends after release {name} on {}",
                day_label(*date, true)
            ),
        },
        Against::Blocker {
            title,
            ends,
            starts,
            ..
        } => {
            let year = ends.year != starts.year;
            format!(
                "Slips by {by}: waits for “{title}”, which ends {}, after this starts on {}",
                day_label(*ends, year),
                day_label(*starts, year)
            )
        }
    }
}

/// A slip's badge: "Slips 3 wk".
pub fn slip_badge(weeks: i64) -> String {
    format!("Slips {weeks} wk")
}

/// The name of a timeline row's "waits for" button, which opens that feature. It starts
/// with the button's words ("waits for Sync"), so a voice command saying them finds it.
pub fn wait_name(w: &Wait) -> String {
    match (w.late, w.ends) {
        (true, Some(ends)) => format!(
            "waits for {}, which ends {} after this starts: show it",
            w.title,
            day_label(ends, true)
        ),
        _ => format!("waits for {}: show it", w.title),
    }
}

pub fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

/// Why a drop on the outline moved nothing, after "Not moved: ".
pub fn drop_refused(r: DropRefused) -> &'static str {
    match r {
        DropRefused::NotMovable => "Only objectives, themes, features and items can be moved.",
        DropRefused::OnItself => "Drop it on another row to move it.",
        DropRefused::Misplaced(Kind::Objective) => {
            "An objective can only be placed next to another objective."
        }
        DropRefused::Misplaced(Kind::Theme) => {
            "A theme goes under an objective, or next to another theme."
        }
        DropRefused::Misplaced(Kind::Feature) => {
            "A feature goes under a theme, or next to another feature."
        }
        DropRefused::Misplaced(_) => {
            "A backlog item goes under a feature, or next to another item."
        }
    }
}

/// Why a value stored out of its range is flagged, for a marker's title or a field's note:
/// "Out of range: Estimate must be a number between 0 and 1,000 points".
pub fn out_of_range(field: Field) -> String {
    format!("Out of range: {}", field_range(field))
}

/// "Ready", or the rules an item misses: "Missing: is estimated, has a parent feature".
pub fn readiness(missing: &[ReadyRule]) -> String {
    if missing.is_empty() {
        return "Ready".into();
    }
    // Built in one string: the backlog words every row it draws on each render.
    let mut out = String::from("Missing: ");
    for (n, r) in missing.iter().enumerate() {
        if n > 0 {
            out.push_str(", ");
        }
        out.push_str(r.label());
    }
    out
}

/// Where the forecast puts an item: "Done", a sprint's name, "Sprint +2" for the second
/// sprint after the last one, "Needs an estimate", or "—" when nothing can tell.
pub fn forecast(f: &Forecast) -> String {
    match f {
        Forecast::Done => "Done".into(),
        Forecast::Sprint(name) => name.clone(),
        Forecast::AtRisk(name) => format!("{name}, at risk: over-committed"),
        Forecast::Wont => "Not forecast (Won't)".into(),
        Forecast::Future(n) => format!("Sprint +{n}"),
        Forecast::NeedsEstimate => "Needs an estimate".into(),
        Forecast::Unknown => "—".into(),
    }
}

/// A backlog row's forecast, flagged when the item is not ready yet: it is forecast all
/// the same, but someone must make it ready before its sprint.
pub fn row_forecast(r: &crate::model::backlog::BacklogRow) -> String {
    let f = forecast(&r.forecast);
    let placed = matches!(
        r.forecast,
        Forecast::Sprint(_) | Forecast::AtRisk(_) | Forecast::Future(_)
    );
    if placed && !r.ready() {
        format!("{f} · not ready")
    } else {
        f
    }
}

/// A score for display: two decimals at most, trailing zeros dropped, "—" when there is
/// none. Written by `numbers`, so a score from an input out of range (reach in the
/// billions over an effort near 0) reads "more than 10¹⁵", never "inf" or twenty digits.
pub fn score(v: Option<f64>) -> String {
    match v {
        None => "—".into(),
        Some(x) => plain((x * 100.0).round() / 100.0),
    }
}

/// A sprint's warning when more is planned into it than it can hold: by its capacity, or
/// by the velocity when that is lower (what the team has shown it finishes).
pub fn over_committed(over: f64, by_velocity: Option<f64>) -> String {
    match by_velocity {
        Some(v) => format!(
            "⚠ Over-committed by {} points: the last finished sprints averaged {} points",
            points(over),
            points(v)
        ),
        None => format!("⚠ Over capacity by {} points", points(over)),
    }
}

/// What a feature or backlog item says it waits for (`None` for nothing): one blocker by
/// name, more counted and named.
pub fn waits_for<T: AsRef<str>>(titles: &[T]) -> Option<String> {
    let named = |t: &T| format!("“{}”", t.as_ref());
    match titles {
        [] => None,
        [one] => Some(format!("Waits for {}", named(one))),
        many => Some(format!(
            "Waits for {}: {}",
            many.len(),
            many.iter().map(named).collect::<Vec<_>>().join(", ")
        )),
    }
}

/// Why a blocked item's place is wrong.
pub fn misplaced(how: crate::model::backlog::Misplaced, blocker: &str) -> String {
    use crate::model::backlog::Misplaced;
    match how {
        Misplaced::RankedAbove => format!("Ranked above “{blocker}”, which it waits for"),
        Misplaced::PlannedBefore => {
            format!("Planned before “{blocker}”, which it waits for: plan that one first")
        }
    }
}
// ---------- numbers a field takes ----------

/// A field as a sentence names it, capitalised: "Estimate".
fn field_name(field: Field) -> &'static str {
    match field {
        Field::Estimate => "Estimate",
        Field::Capacity => "Capacity",
        Field::Value | Field::FeatureValue => "Value",
        Field::Effort | Field::FeatureEffort => "Effort",
        Field::BusinessValue => "Business value",
        Field::TimeCriticality => "Time criticality",
        Field::RiskReduction => "Risk reduction",
        Field::JobSize => "Job size",
        Field::Reach => "Reach",
        Field::Impact => "Impact",
        Field::Confidence => "Confidence",
        Field::KeyResultStart => "Start",
        Field::KeyResultTarget => "Target",
        Field::KeyResultCurrent => "Current value",
    }
}

/// A number's input label: its name, with the unit where the name does not say it.
pub fn input_label(field: Field) -> String {
    match field {
        Field::Confidence => "Confidence (%)".into(),
        _ => field_name(field).into(),
    }
}

/// What a field takes, as its message says it: "Estimate must be a number between 0 and
/// 1,000 points".
pub fn field_range(field: Field) -> String {
    let name = field_name(field);
    // The bounds are whole numbers.
    let whole = |v: f64| thousands(v as usize);
    let bound = field.bound();
    match (bound.low, bound.high) {
        (Low::From(lo), Some(hi)) => {
            let unit = match field {
                Field::Estimate | Field::Capacity => " points",
                Field::Confidence => " %",
                _ => "",
            };
            format!(
                "{name} must be a number between {} and {}{unit}",
                whole(lo),
                whole(hi)
            )
        }
        (Low::From(lo), None) => format!("{name} must be a number of {} or more", whole(lo)),
        (Low::Above(lo), _) => format!("{name} must be a number above {}", whole(lo)),
        (Low::Any, _) => format!("{name} must be a number (it may be negative)"),
    }
}

/// A field's refusal as a sentence: "Estimate must be a number between 0 and 1,000 points.".
impl fmt::Display for NotInRange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.", field_range(self.0))
    }
}

// ---------- what the model refused, and where ----------
//
// A document that breaks a rule is worded on start-up (a stored document set aside), so
// `Invalid` and `Rule` are in the first load; a refused command is worded only by the
// engine (`storage::tab::Tab::dispatch`), so `ModelError`'s and `Problem`'s words stay
// in its chunk. Nothing on Home's path may format a `ModelError`.

// The words a broken rule needs are written piece by piece (`write_str` and direct calls
// of `fmt`), not with `write!`: they are in the first load, and each `write!` builds its
// arguments there.

/// Where, as the messages have always said it: `product 'Atlas' › feature 'Login' (f-12)`,
/// `product 'Atlas' backlog`.
impl fmt::Display for At {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (n, place) in self.0.iter().enumerate() {
            f.write_str(match place {
                Place::Backlog => " ",
                _ if n > 0 => " › ",
                _ => "",
            })?;
            fmt::Display::fmt(place, f)?;
        }
        Ok(())
    }
}

/// A place: its noun, then its name, `'Login' (f-12)`, by title, id or both.
impl fmt::Display for Place {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (noun, name) = match self {
            Place::Portfolio => ("portfolio", None),
            Place::PortfolioLinks => ("portfolio links", None),
            Place::PortfolioLink(id) => {
                f.write_str("portfolio link ")?;
                return fmt::Display::fmt(id, f);
            }
            Place::Product(name) => ("product", Some(name)),
            Place::Entity(kind, name) => (kind.noun(), Some(name)),
            Place::KeyResult(name) => ("key result", Some(name)),
            Place::Backlog => ("backlog", None),
        };
        f.write_str(noun)?;
        let (title, id) = match name {
            None => return Ok(()),
            Some(Name::Title(t)) => (Some(t), None),
            Some(Name::Id(id)) => (None, Some(id)),
            Some(Name::Both(t, id)) => (Some(t), Some(id)),
        };
        if let Some(t) = title {
            f.write_str(" '")?;
            f.write_str(t)?;
            f.write_str("'")?;
        }
        match (title, id) {
            (Some(_), Some(id)) => {
                f.write_str(" (")?;
                fmt::Display::fmt(id, f)?;
                f.write_str(")")
            }
            (None, Some(id)) => {
                f.write_str(" ")?;
                fmt::Display::fmt(id, f)
            }
            _ => Ok(()),
        }
    }
}

fn text_field(field: TextField) -> &'static str {
    match field {
        TextField::Name => "name",
        TextField::Title => "title",
        TextField::Vision => "vision",
        TextField::Goal => "goal",
        TextField::BudgetNote => "budget note",
        TextField::Description => "description",
        TextField::AsA => "as a",
        TextField::IWant => "I want",
        TextField::SoThat => "so that",
        TextField::AcceptanceCriterion => "acceptance criterion",
    }
}

/// A number that is not one, by its field: "the estimate", "start" (a key result's, said
/// as the key result's row labels it).
fn number_field(field: Field) -> String {
    let name = field_name(field).to_lowercase();
    match field {
        Field::KeyResultStart | Field::KeyResultTarget => name,
        Field::KeyResultCurrent => "current".into(),
        _ => format!("the {name}"),
    }
}

/// How a reference is said, before the id it names: "targets release r-1".
fn link(l: Link) -> &'static str {
    match l {
        Link::Product => "refers to product",
        Link::Objective => "refers to objective",
        Link::Theme => "refers to theme",
        Link::Release => "targets release",
        Link::Feature => "refers to feature",
        Link::Sprint => "is planned into sprint",
    }
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let id = |f: &mut fmt::Formatter<'_>, before: &str, id: &Id, after: &str| {
            f.write_str(before)?;
            fmt::Display::fmt(id, f)?;
            f.write_str(after)
        };
        match self {
            Rule::Empty(field) => {
                f.write_str("the ")?;
                f.write_str(text_field(*field))?;
                f.write_str(" cannot be empty")
            }
            Rule::TooLong(field, max) => {
                f.write_str("the ")?;
                f.write_str(text_field(*field))?;
                f.write_str(" is longer than ")?;
                fmt::Display::fmt(max, f)?;
                f.write_str(" characters")
            }
            Rule::NotANumber(field) => {
                f.write_str(&number_field(*field))?;
                f.write_str(" must be a number")
            }
            Rule::EmptyCriterion => f.write_str("an acceptance criterion is empty"),
            Rule::IdRepeated(i) => id(f, "id ", i, " is used more than once"),
            Rule::Dangling(l, i) => {
                f.write_str(link(*l))?;
                id(f, " ", i, ", which does not exist")
            }
            Rule::BadColour(c) => {
                f.write_str("colour '")?;
                f.write_str(c)?;
                f.write_str("' is not like #1a2b3c")
            }
            Rule::EndsBeforeStart(span) => {
                let (start, end): (&dyn fmt::Display, &dyn fmt::Display) = match span {
                    Span::Months { start, end } => (start, end),
                    Span::Days { start, end } => (start, end),
                };
                f.write_str("ends (")?;
                end.fmt(f)?;
                f.write_str(") before it starts (")?;
                start.fmt(f)?;
                f.write_str(")")
            }
            Rule::WaitsForItself => f.write_str("it cannot wait for itself"),
            Rule::WaitsForMissing(kind, id) => write!(
                f,
                "waits for {} {id}, which does not exist in this product",
                kind.noun()
            ),
            Rule::WaitsTwice(kind, id) => write!(f, "waits for {} {id} twice", kind.noun()),
            Rule::Loop(titles) => loop_words(f, titles),
        }
    }
}

/// The refusal of a loop, naming the titles along it: "…: 'A' and 'B' would wait for
/// each other".
fn loop_words(f: &mut fmt::Formatter<'_>, titles: &[String]) -> fmt::Result {
    f.write_str("that dependency would make a loop, so none of this work could start")?;
    match titles {
        [] | [_] => Ok(()),
        // Which of the two links is the new one is not known here: say it both ways.
        [a, b] => write!(f, ": '{a}' and '{b}' would wait for each other"),
        [first, rest @ ..] => {
            write!(f, ": '{first}' waits for ")?;
            for (n, t) in rest.iter().enumerate() {
                if n > 0 {
                    f.write_str(", then ")?;
                }
                write!(f, "'{t}'")?;
            }
            write!(f, ", which leads back to '{first}'")
        }
    }
}

/// Why stored data could not be read: "product p-1 breaks a rule: product 'Atlas' (p-1):
/// the name cannot be empty". Worded in the notices chunk alone.
impl fmt::Display for crate::storage::format::Why {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use crate::storage::format::Why;
        match self {
            Why::Damaged(words) => f.write_str(words),
            Why::Breaks(e) => write!(f, "the stored workspace breaks a rule: {e}"),
            Why::ProductBreaks(id, e) => write!(f, "product {id} breaks a rule: {e}"),
        }
    }
}

/// "product 'Atlas' (p-1): the name cannot be empty".
impl fmt::Display for Invalid {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.at, f)?;
        f.write_str(": ")?;
        fmt::Display::fmt(&self.rule, f)
    }
}

fn article(kind: Kind) -> &'static str {
    match kind {
        Kind::Objective | Kind::Item => "an",
        _ => "a",
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let a = |k: Kind| format!("{} {}", article(k), k.noun());
        match self {
            Problem::Breaks(rule) => write!(f, "{rule}"),
            Problem::NoSuchProduct => f.write_str("this product does not exist"),
            Problem::Gone => f.write_str("it does not exist (was it deleted in another tab?)"),
            Problem::IdTaken(id) => write!(f, "id {id} is already used"),
            Problem::ProductIdTaken => f.write_str("its id is already used"),
            Problem::NoParent(kind) => write!(f, "{} has no parent to move into", a(*kind)),
            Problem::WrongParent {
                kind,
                wanted,
                name,
                found,
            } => write!(
                f,
                "{} can only go under {}, and '{name}' is {}",
                a(*kind),
                a(*wanted),
                a(*found)
            ),
            Problem::NoSuchParent(kind, id) => write!(f, "{} {id} does not exist", kind.noun()),
            Problem::NotBeforeSameKind(kind) => {
                write!(f, "it can only be placed before another {}", kind.noun())
            }
            Problem::OrderLength { given, items } => write!(
                f,
                "the new order has {given} items but the backlog has {items}"
            ),
            Problem::NotInOrder(id) => {
                write!(f, "item {id} is missing or listed twice in the new order")
            }
            // "Estimate must be …" as the middle of a sentence: "the estimate must be …"
            // (every field's name is ASCII).
            Problem::OutOfRange(field, _) => {
                let range = field_range(*field);
                let (first, rest) = range.split_at(1);
                write!(f, "the {}{rest}", first.to_ascii_lowercase())
            }
        }
    }
}

/// "product 'Atlas' › item 'Huge': the estimate must be a number between 0 and 1,000
/// points".
impl fmt::Display for ModelError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.at, self.problem)
    }
}
