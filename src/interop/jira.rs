//! Jira's CSV export ("Export Excel CSV (all fields)" or "current fields").
//!
//! Jira writes a column per value of a multi-valued field, under the same name
//! (`Sprint`, `Sprint`; `Labels`, `Labels`), and custom fields as `Custom field (Name)`.
//! Parents are named by the parent's numeric `Issue id` in `Parent` (newer exports, with
//! `Parent summary` beside it) or `Parent id`, or by the epic's key in `Custom field
//! (Epic Link)` (older ones). A link is written on both of its rows: `Outward issue link
//! (Blocks)` on the blocking one, `Inward issue link (Blocks)` on the blocked one.
//! Dates are like `14/Jul/25 3:42 PM`.
//!
//! The file Jira's CSV importer takes — and Two Hats' Jira profile writes — names its
//! columns a little differently, and is read too: `Issue ID` (a number that rows of the
//! file name each other by), `Story Points` or `Story point estimate`, one `Blocked By`
//! column per blocker, and `Labels`, where `spike` marks a Task that is a spike (Jira
//! has no Spike type).

use super::detect::named;
use super::rows::{Becomes, Record};
use super::rules::labelled_type;

/// What a Jira column becomes.
pub fn column(name: &str) -> Becomes {
    const TABLE: &[(&str, Becomes)] = &[
        ("Issue key", Becomes::Key),
        ("Issue id", Becomes::OtherId),
        ("Issue Type", Becomes::Type),
        ("Summary", Becomes::Title),
        ("Description", Becomes::Description),
        ("Status", Becomes::Status),
        ("Status Category", Becomes::StatusCategory),
        ("Priority", Becomes::Priority),
        ("Custom field (Story point estimate)", Becomes::Estimate),
        ("Custom field (Story Points)", Becomes::Estimate),
        ("Story Points", Becomes::Estimate),
        ("Story point estimate", Becomes::Estimate),
        ("Labels", Becomes::TypeLabels),
        ("Sprint", Becomes::Sprint),
        ("Parent", Becomes::Parent),
        ("Parent id", Becomes::Parent),
        ("Parent key", Becomes::Parent),
        ("Custom field (Epic Link)", Becomes::Parent),
        ("Outward issue link (Blocks)", Becomes::Blocks),
        ("Inward issue link (Blocks)", Becomes::BlockedBy),
        ("Blocked By", Becomes::BlockedBy),
        ("Resolved", Becomes::DoneDate),
        ("Project name", Becomes::ProductName),
    ];
    named(TABLE, name).unwrap_or(Becomes::NotKept)
}

/// A Task or Story labelled `spike` (or `bug`) is that kind.
pub fn finish(records: &mut [Record]) {
    for r in records {
        if let Some(t) = labelled_type(&r.type_name, &r.labels) {
            r.type_name = t.to_string();
        }
    }
}
