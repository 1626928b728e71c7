//! Linear, in the shape of Linear's own CSV export, which its importer
//! (`@linear/import`, "Linear (CSV export)") reads: `ID`, `Team`, `Title`,
//! `Description` (Markdown), `Status`, `Estimate`, `Priority` in Linear's words,
//! `Labels` (comma-separated), `Cycle Name` and `Parent issue` (the parent's `ID`).
//!
//! Linear has no issue types, so the kind travels as a label (`Story`, `Task`, `Spike`,
//! `Bug`), and a feature is a parent issue labelled `Feature` with its items as
//! sub-issues. Estimates are whole numbers in Linear (its importer reads them with
//! `parseInt`), so a fractional estimate is rounded up and said so in the notes.

use super::{acceptance, description, paragraphs, sprint_name, write_record, TypeRule};
use crate::model::{FeatureStatus, ItemKind, ItemStatus, Priority, Product};
use std::borrow::Cow;

pub const HEADER: [&str; 10] = [
    "ID",
    "Team",
    "Title",
    "Description",
    "Status",
    "Estimate",
    "Priority",
    "Labels",
    "Cycle Name",
    "Parent issue",
];

pub fn priority(p: Option<Priority>) -> &'static str {
    match p {
        Some(Priority::Must) => "Urgent",
        Some(Priority::Should) => "High",
        Some(Priority::Could) => "Medium",
        Some(Priority::Wont) => "Low",
        None => "No priority",
    }
}

/// Linear's default workflow states.
pub fn status(s: ItemStatus) -> &'static str {
    match s {
        ItemStatus::Todo => "Todo",
        ItemStatus::InProgress => "In Progress",
        ItemStatus::Done => "Done",
    }
}

pub fn feature_status(s: FeatureStatus) -> &'static str {
    match s {
        FeatureStatus::Idea => "Backlog",
        FeatureStatus::Planned => "Todo",
        FeatureStatus::InProgress | FeatureStatus::AtRisk => "In Progress",
        FeatureStatus::Done => "Done",
    }
}

pub fn label(kind: ItemKind) -> &'static str {
    match kind {
        ItemKind::Story => "Story",
        ItemKind::Task => "Task",
        ItemKind::Spike => "Spike",
        ItemKind::Bug => "Bug",
    }
}

/// A whole number of points, rounded up: 2.5 is more work than 2. Empty for none, or
/// for an estimate too large to be a point count.
pub fn estimate(points: Option<f64>) -> String {
    match points {
        Some(x) if x.is_finite() && (0.0..1e15).contains(&x) => (x.ceil() as u64).to_string(),
        _ => String::new(),
    }
}

/// Linear's importer takes a leading `'` off only before `= + - @` (and a few maths
/// signs), as Linear's export writes it; before anything else the `'` would stay in the
/// title. So the `'` goes before exactly those, and a tab or carriage return at the
/// start is left as it is rather than turned into a visible quote mark.
pub fn inert(text: &str) -> Cow<'_, str> {
    match super::inert(text) {
        Cow::Owned(_) if text.starts_with(['\t', '\r']) => text.into(),
        protected => protected,
    }
}

/// The product's features and items as Linear CSV text: features first, each item's
/// `Parent issue` its feature's ID.
pub fn csv(p: &Product) -> String {
    let team = p.name.as_str();
    let mut out = String::new();
    write_record(&mut out, &HEADER);
    // The ID a later import matches on: the key it came with from a tool, else its own id,
    // both stable from one export to the next (a position would match the wrong items
    // once the backlog changes).
    let feature_id = |f: &crate::model::Feature| f.key.clone().unwrap_or_else(|| f.id.to_string());
    for f in &p.features {
        let fields: [&str; 10] = [
            &feature_id(f),
            &inert(team),
            &inert(&f.title),
            &inert(&f.description),
            feature_status(f.status),
            "",
            "No priority",
            "Feature",
            "",
            "",
        ];
        write_record(&mut out, &fields);
    }
    for item in &p.items {
        let parent = item
            .feature
            .as_ref()
            .and_then(|f| p.feature(f))
            .map(feature_id)
            .unwrap_or_default();
        let text = paragraphs([description(item).as_str(), acceptance(item).as_str()]);
        let fields: [&str; 10] = [
            &item.key.clone().unwrap_or_else(|| item.id.to_string()),
            &inert(team),
            &inert(&item.title),
            &inert(&text),
            status(item.status),
            &estimate(item.estimate),
            priority(item.priority),
            label(item.kind),
            &inert(sprint_name(p, item)),
            &parent,
        ];
        write_record(&mut out, &fields);
    }
    out
}

pub fn mapping() -> Vec<TypeRule> {
    let mut rules = vec![TypeRule {
        from: "Feature",
        to: "parent issue labelled Feature",
        note: "its items as sub-issues".into(),
    }];
    for kind in ItemKind::ALL {
        rules.push(TypeRule {
            from: super::kind_name(kind),
            to: "issue",
            note: format!("labelled {} (Linear has no issue types)", label(kind)),
        });
    }
    rules
}

pub fn notes() -> Vec<String> {
    vec![
        "Estimates are whole numbers in Linear: 2.5 points become 3.".into(),
        "Priorities: Must → Urgent, Should → High, Could → Medium, Won't → Low.".into(),
        "Sprints are written as Cycle Name; Linear's importer creates no cycles.".into(),
    ]
}
