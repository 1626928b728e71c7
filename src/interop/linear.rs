//! Linear's CSV export (Settings › Import / export › Export CSV).
//!
//! Its header is `ID, Team, Title, Description, Status, Estimate, Priority, Project ID,
//! Project, Creator, Assignee, Labels, Cycle Number, Cycle Name, Cycle Start, Cycle End,
//! Created, Updated, Started, Triaged, Completed, Canceled, Archived, Due Date, Parent
//! issue, …` (older exports write `Id`; newer ones add `Blocks` and `Blocked By`). Linear
//! has no issue types: a label naming one (`Bug`) gives it, a row other rows name in
//! `Parent issue` gathers them as a feature, and so does a top-level row labelled
//! `Feature` with no estimate, priority or cycle (as Two Hats' own profile writes one).
//! Labels are written in one cell, separated by commas, and a text a spreadsheet would
//! run as a formula starts with `'`.

use super::detect::named;
use super::detect::Format;
use super::rows::{Becomes, Record};
use super::rules::{priority, type_rule, TypeChoice};
use std::collections::HashSet;

pub fn column(name: &str) -> Becomes {
    const TABLE: &[(&str, Becomes)] = &[
        ("ID", Becomes::Key),
        ("Title", Becomes::Title),
        ("Description", Becomes::Description),
        ("Status", Becomes::Status),
        ("Estimate", Becomes::Estimate),
        ("Priority", Becomes::Priority),
        ("Labels", Becomes::TypeLabels),
        ("Cycle Name", Becomes::Sprint),
        ("Cycle Number", Becomes::SprintNumber),
        ("Completed", Becomes::DoneDate),
        ("Canceled", Becomes::CanceledDate),
        ("Archived", Becomes::Archived),
        ("Parent issue", Becomes::Parent),
        ("Blocks", Becomes::Blocks),
        ("Blocked By", Becomes::BlockedBy),
        ("Team", Becomes::ProductName),
    ];
    named(TABLE, name).unwrap_or(Becomes::NotKept)
}

/// The type of each row (from its labels, or its sub-issues) and the cycle of a row whose
/// cycle has only a number.
pub fn finish(records: &mut [Record]) {
    let parents: HashSet<String> = records.iter().filter_map(|r| r.parent.clone()).collect();
    for r in records.iter_mut() {
        r.type_name = if r.key.as_ref().is_some_and(|k| parents.contains(k)) {
            "Issue with sub-issues".to_string()
        } else {
            type_label(r).unwrap_or_else(|| "Issue".to_string())
        };
        if r.sprint.is_none() {
            r.sprint = r.sprint_number.as_ref().map(|n| format!("Cycle {n}"));
        }
    }
}

/// The first label that names an item kind by the type rule, or `Feature` for a row
/// shaped as Two Hats' Linear profile writes a feature (see [`feature_shaped`]).
fn type_label(r: &Record) -> Option<String> {
    r.labels
        .iter()
        .find(|l| match type_rule(l) {
            Some(TypeChoice::Item(_)) => true,
            Some(TypeChoice::Feature) => feature_shaped(r),
            _ => false,
        })
        .cloned()
}

/// A top-level row with none of an item's fields: no estimate, priority or cycle. Two
/// Hats' Linear profile writes a feature so, labelled `Feature`, and a feature with no
/// items yet has no sub-issues to tell it by. Linear's own default `Feature` label marks
/// feature requests, which are issues: one that is a sub-issue, or has any of those
/// fields, stays an issue, so nothing it carries is dropped.
fn feature_shaped(r: &Record) -> bool {
    let no_priority = r
        .priority
        .as_deref()
        .is_none_or(|p| priority(Format::Linear, p) == Some(None));
    r.parent.is_none()
        && r.estimate.is_none()
        && r.sprint.is_none()
        && r.sprint_number.is_none()
        && no_priority
}
