//! Jira's CSV export ("Export Excel CSV (all fields)" or "current fields").
//!
//! Jira writes a column per value of a multi-valued field, under the same name
//! (`Sprint`, `Sprint`; `Labels`, `Labels`), and custom fields as `Custom field (Name)`.
//! Parents are named by the parent's numeric `Issue id` in `Parent` (newer exports, with
//! `Parent summary` beside it) or `Parent id`, or by the epic's key in `Custom field
//! (Epic Link)` (older ones). A link is written on both of its rows: `Outward issue link
//! (Blocks)` on the blocking one, `Inward issue link (Blocks)` on the blocked one.
//! Dates are like `14/Jul/25 3:42 PM`.

use super::detect::same;
use super::rows::Becomes;

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
        ("Sprint", Becomes::Sprint),
        ("Parent", Becomes::Parent),
        ("Parent id", Becomes::Parent),
        ("Parent key", Becomes::Parent),
        ("Custom field (Epic Link)", Becomes::Parent),
        ("Outward issue link (Blocks)", Becomes::Blocks),
        ("Inward issue link (Blocks)", Becomes::BlockedBy),
        ("Resolved", Becomes::DoneDate),
        ("Project name", Becomes::ProductName),
    ];
    TABLE
        .iter()
        .find(|(n, _)| same(n, name))
        .map_or(Becomes::NotKept, |(_, b)| *b)
}
