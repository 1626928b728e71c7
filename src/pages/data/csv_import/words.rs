//! The CSV import's sentences: the facts `crate::interop` gives, worded for the preview.

use super::preview::LISTED;
use crate::interop::{Becomes, Change, Counts, Note, NoteKind, Plan, Refusal, SkipReason, Skipped};
use crate::model::workspace::{FeatureStatus, ItemStatus, Priority};
use crate::text::numbers::{count, points};

pub fn too_large(name: &str, bytes: f64) -> String {
    format!(
        "“{name}” is {:.1} MB; Two Hats imports files up to 20 MB. Nothing was changed.",
        bytes / 1_048_576.0
    )
}

pub fn refusal(r: &Refusal) -> String {
    match r {
        Refusal::Empty => "The file is empty.".into(),
        Refusal::NoRows => "It has a header but no rows.".into(),
        Refusal::TooLarge { bytes } => format!("It is {:.1} MB; the limit is 20 MB.", *bytes as f64 / 1_048_576.0),
        Refusal::TooManyRows { rows } => format!(
            "It has {} rows; Two Hats imports up to {} at a time, rather than part of a backlog. Export a smaller selection (one project, or a filter) and import each.",
            crate::text::numbers::thousands(*rows),
            crate::text::numbers::thousands(crate::interop::MAX_ROWS)
        ),
        Refusal::OpenQuote { row } => format!("A quoted cell that opens on row {row} never closes: the file is cut off, or not CSV."),
        Refusal::NotRecognised(n) => {
            let found = n.columns.iter().take(8).map(|c| format!("“{c}”")).collect::<Vec<_>>().join(", ");
            let closest = n.closest.as_ref().map(|(f, missing)| {
                format!(" It looks most like {}, but has no {} column.", f.name(), missing.iter().map(|m| format!("“{m}”")).collect::<Vec<_>>().join(" or "))
            });
            format!("It is not a Jira, Linear or Azure DevOps export: its columns are {found}{}.{}", if n.columns.len() > 8 { "…" } else { "" }, closest.unwrap_or_default())
        }
    }
}

pub fn total(c: &Counts) -> usize {
    c.features + c.stories + c.tasks + c.spikes + c.bugs
}

pub fn summary(p: &Plan) -> String {
    let mut parts = vec![format!("{} read", count(p.rows, "row", "rows"))];
    if !p.added.is_empty() {
        parts.push(format!("{} new", p.added.len()));
    }
    if !p.updates.is_empty() {
        parts.push(format!("{} updated", p.updates.len()));
    }
    if !p.unchanged.is_empty() {
        parts.push(format!("{} unchanged", p.unchanged.len()));
    }
    if !p.skipped.is_empty() {
        parts.push(format!("{} left out", p.skipped.len()));
    }
    if !p.new_sprints.is_empty() {
        parts.push(format!(
            "{} to create ({})",
            count(p.new_sprints.len(), "sprint", "sprints"),
            p.new_sprints.join(", ")
        ));
    }
    format!("{}.", parts.join(" · "))
}

pub fn counts(p: &Plan) -> Vec<(&'static str, String)> {
    let c = &p.counts;
    [
        ("Features", c.features),
        ("User stories", c.stories),
        ("Technical tasks", c.tasks),
        ("Spikes", c.spikes),
        ("Bugs", c.bugs),
    ]
    .into_iter()
    .map(|(k, v)| (k, v.to_string()))
    .collect()
}

pub fn confirm_label(p: &Plan) -> String {
    let n = total(&p.counts);
    match (n, p.updates.len()) {
        (0, 0) => "Nothing to import".into(),
        (n, 0) => format!("Import {}", count(n, "row", "rows")),
        (n, u) => format!("Import {} ({u} updated)", count(n, "row", "rows")),
    }
}

/// Whether a column is kept, and what it becomes.
pub fn becomes(b: &Becomes) -> (bool, String) {
    let s = match b {
        Becomes::Key => "the key, to update it on a later import",
        Becomes::OtherId => "an id parents may name it by",
        Becomes::Type => "the type (Epic/Feature → feature; Story/User Story/Product Backlog Item → user story; Task/Sub-task → technical task; Bug → bug; Spike → spike)",
        Becomes::TypeLabels => "the type, from a Bug, Spike or Feature label (other labels are not kept)",
        Becomes::Title => "the title",
        Becomes::TitleAtDepth(d) => return (true, format!("the title, at level {} of the tree", d + 1)),
        Becomes::Description => "the description",
        Becomes::Status => "the status (To do, In progress or Done; dropped work is left out)",
        Becomes::StatusCategory => "the status, where the status word is a custom one",
        Becomes::Priority => "the priority (MoSCoW)",
        Becomes::Estimate => "the estimate in story points",
        Becomes::Sprint => "the sprint, by name (created when missing)",
        Becomes::SprintNumber => "the sprint “Cycle n” when the cycle has no name",
        Becomes::IterationPath => "the sprint named by the path's last part",
        Becomes::Parent => "the parent feature",
        Becomes::Blocks => "dependencies: the rows named wait for this one",
        Becomes::BlockedBy => "dependencies: this row waits for the rows named",
        Becomes::DoneDate => "the day a done item was finished",
        Becomes::Archived => "left out: an archived row is not imported",
        Becomes::CanceledDate => "left out: a canceled row is not imported",
        Becomes::ProductName => "the new product's name",
        Becomes::NotKept => return (false, "not kept".into()),
    };
    (true, s.into())
}

pub fn not_kept(p: &Plan) -> String {
    let names: Vec<String> = p
        .columns
        .iter()
        .filter(|c| c.becomes == Becomes::NotKept)
        .map(|c| c.name.clone())
        .collect();
    match names.len() {
        0 => "Every column is kept.".into(),
        n => format!(
            "{} not kept: {}.",
            count(n, "column is", "columns are"),
            names.join(", ")
        ),
    }
}

pub fn more(n: usize) -> Option<String> {
    (n > LISTED).then(|| format!("…and {} more.", n - LISTED))
}

pub fn skipped(s: &Skipped) -> String {
    let title = if s.title.is_empty() {
        String::new()
    } else {
        format!(" “{}”", s.title)
    };
    let why = match &s.reason {
        SkipReason::NoTitle => "it has no title".to_string(),
        SkipReason::Dropped { status } => format!("its status is {status}"),
        SkipReason::Archived => "it is archived".into(),
        SkipReason::Canceled => "it was canceled".into(),
        SkipReason::TypeSkipped { type_name } => {
            format!("you chose to leave out “{type_name}” rows")
        }
        SkipReason::TypeNotChosen { type_name } => {
            format!("choose what “{type_name}” becomes (above)")
        }
        SkipReason::SameKey { first_row } => format!("row {first_row} has the same key"),
    };
    format!("Row {}{title}: {why}.", s.row)
}

pub fn note(n: &Note) -> String {
    let what = match &n.kind {
        NoteKind::ParentOutside { parent } => {
            format!("its parent {parent} is not in the file or the product, so it has none")
        }
        NoteKind::ParentIsItem { parent, feature } => match feature {
            Some(f) => format!(
                "its parent {parent} is an item, so it goes under that item's feature “{f}”"
            ),
            None => format!("its parent {parent} is an item with no feature, so it has none"),
        },
        NoteKind::FeatureParentNotKept { parent } => {
            format!("it becomes a feature, and features have no parent: {parent} is not kept")
        }
        NoteKind::LinkOutside { other } => {
            format!("its link to {other} is left out: that is not in the file or the product")
        }
        NoteKind::LinkAcrossKinds { other } => {
            format!("its link to {other} is left out: an item cannot wait for a feature")
        }
        NoteKind::LinkMakesLoop { other } => {
            format!("its link to {other} is left out: it would make a loop")
        }
        NoteKind::EstimateLeftOut { text } => {
            format!("its estimate “{text}” is not a number from 0 to 1,000, so it is left out")
        }
        NoteKind::DateNotRead { text } => format!("the date “{text}” could not be read"),
        NoteKind::TitleShortened => "its title was shortened to 300 characters".into(),
        NoteKind::DescriptionShortened => {
            "its description was shortened to 20,000 characters".into()
        }
        NoteKind::KeyNotKept => {
            "its key is too long to keep, so a later import cannot update it".into()
        }
        NoteKind::StaysAs { feature } => format!(
            "it stays {}",
            if *feature { "a feature" } else { "an item" }
        ),
    };
    format!("Row {}: {what}.", n.row)
}

fn opt<T>(v: &Option<T>, f: impl Fn(&T) -> String) -> String {
    v.as_ref().map(f).unwrap_or_else(|| "none".into())
}

fn status(s: &ItemStatus) -> String {
    s.label().into()
}

pub fn change(c: &Change) -> String {
    match c {
        Change::Title { from, to } => format!("title “{from}” → “{to}”"),
        Change::Kind { from, to } => format!("type {} → {}", from.label(), to.label()),
        Change::Estimate { from, to } => format!(
            "estimate {} → {}",
            opt(from, |e| points(*e)),
            opt(to, |e| points(*e))
        ),
        Change::Status { from, to } => format!("status {} → {}", status(from), status(to)),
        Change::FeatureStatus { from, to } => format!(
            "status {} → {}",
            FeatureStatus::label(*from),
            FeatureStatus::label(*to)
        ),
        Change::Priority { from, to } => format!(
            "priority {} → {}",
            opt(from, |p: &Priority| p.label().into()),
            opt(to, |p: &Priority| p.label().into())
        ),
        Change::Parent { from, to } => format!(
            "feature {} → {}",
            opt(from, |s| format!("“{s}”")),
            opt(to, |s| format!("“{s}”"))
        ),
        Change::Sprint { from, to } => format!(
            "sprint {} → {}",
            opt(from, |s| s.clone()),
            opt(to, |s| s.clone())
        ),
        Change::Description => "description".into(),
    }
}

pub fn imported(p: &Plan, new_product: bool) -> String {
    let n = total(&p.counts) - p.updates.len().min(total(&p.counts));
    let mut said = format!("Imported from {}: ", p.format.name());
    said.push_str(&count(n, "new row", "new rows"));
    if !p.updates.is_empty() {
        said.push_str(&format!(", {} updated", p.updates.len()));
    }
    if new_product {
        said.push_str(&format!(", into the new product “{}”", p.product_name));
    }
    said.push_str(". Undo (Ctrl+Z) takes it all back.");
    said
}
