//! The rules that turn a tool's words into the app's: types, statuses and priorities.
//! Each is a table, so the preview can show it as it is applied.

use super::detect::{named, Format};
use crate::model::{ItemKind, ItemStatus, Priority};
use std::collections::HashMap;

/// What rows of one type become.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TypeChoice {
    Item(ItemKind),
    Feature,
    Skip,
}

/// The user's choice per type name (as the file writes it), for types the rule does not
/// know; a choice for a known type overrides the rule.
pub type Choices = HashMap<String, TypeChoice>;

/// The type rule, the same for every tool: epics and features become features; the
/// tools' story, task, bug and spike types become those item kinds. `Issue` is what a
/// Linear row without a type label is; `Issue with sub-issues` is a Linear row other
/// rows name as their parent, which gathers them as a feature does.
pub const TYPE_RULE: &[(&str, TypeChoice)] = &[
    ("Epic", TypeChoice::Feature),
    ("Feature", TypeChoice::Feature),
    ("Issue with sub-issues", TypeChoice::Feature),
    ("Story", TypeChoice::Item(ItemKind::Story)),
    ("User Story", TypeChoice::Item(ItemKind::Story)),
    ("Product Backlog Item", TypeChoice::Item(ItemKind::Story)),
    ("Issue", TypeChoice::Item(ItemKind::Story)),
    ("Task", TypeChoice::Item(ItemKind::Task)),
    ("Sub-task", TypeChoice::Item(ItemKind::Task)),
    ("Subtask", TypeChoice::Item(ItemKind::Task)),
    ("Bug", TypeChoice::Item(ItemKind::Bug)),
    ("Spike", TypeChoice::Item(ItemKind::Spike)),
];

/// What the rule makes of a type name; `None` for a type it does not know.
pub fn type_rule(name: &str) -> Option<TypeChoice> {
    named(TYPE_RULE, name)
}

/// The kind a `spike` or `bug` label (Azure DevOps: tag) gives a story- or task-level
/// row: Jira has no Spike type and Azure DevOps none in any process template, nor a Bug
/// type in Basic, so the tools (and Two Hats' own profiles) carry those kinds as a label
/// on a Task, Story or Issue. The type the row is read as (`Spike`, `Bug`); `None`: it
/// keeps its own.
pub fn labelled_type(type_name: &str, labels: &[String]) -> Option<&'static str> {
    let story_or_task = matches!(
        type_rule(type_name),
        Some(TypeChoice::Item(ItemKind::Story | ItemKind::Task))
    );
    if !story_or_task {
        return None;
    }
    let kind = labels.iter().find_map(|l| match type_rule(l)? {
        TypeChoice::Item(k @ (ItemKind::Spike | ItemKind::Bug)) => Some(k),
        _ => None,
    })?;
    TYPE_RULE
        .iter()
        .find(|(_, c)| *c == TypeChoice::Item(kind))
        .map(|(name, _)| *name)
}

/// What a status word means for a row.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StatusWord {
    Is(ItemStatus),
    /// The work was dropped (canceled, duplicate, removed): the row is skipped.
    Dropped,
}

use ItemStatus::{Done, InProgress, Todo};
use StatusWord::{Dropped, Is};

const JIRA_STATUSES: &[(&str, StatusWord)] = &[
    ("To Do", Is(Todo)),
    ("Open", Is(Todo)),
    ("Backlog", Is(Todo)),
    ("Selected for Development", Is(Todo)),
    ("Reopened", Is(Todo)),
    ("In Progress", Is(InProgress)),
    ("In Review", Is(InProgress)),
    ("Done", Is(Done)),
    ("Closed", Is(Done)),
    ("Resolved", Is(Done)),
    ("Won't Do", Dropped),
    ("Canceled", Dropped),
    ("Cancelled", Dropped),
    ("Duplicate", Dropped),
];

const LINEAR_STATUSES: &[(&str, StatusWord)] = &[
    ("Triage", Is(Todo)),
    ("Backlog", Is(Todo)),
    ("Todo", Is(Todo)),
    ("In Progress", Is(InProgress)),
    ("In Review", Is(InProgress)),
    ("Done", Is(Done)),
    ("Canceled", Dropped),
    ("Duplicate", Dropped),
];

/// Agile (New, Active, Resolved, Closed, Removed), Scrum (New, Approved, Committed, Done,
/// Removed), Basic (To Do, Doing, Done) and CMMI (Proposed).
const AZURE_STATES: &[(&str, StatusWord)] = &[
    ("New", Is(Todo)),
    ("Proposed", Is(Todo)),
    ("Approved", Is(Todo)),
    ("To Do", Is(Todo)),
    ("Active", Is(InProgress)),
    ("Committed", Is(InProgress)),
    ("Doing", Is(InProgress)),
    ("Resolved", Is(Done)),
    ("Closed", Is(Done)),
    ("Done", Is(Done)),
    ("Removed", Dropped),
];

/// Each tool's status words and what they become. A word not listed is taken as To do,
/// and the plan lists it.
pub fn statuses(format: Format) -> &'static [(&'static str, StatusWord)] {
    match format {
        Format::Jira => JIRA_STATUSES,
        Format::Linear => LINEAR_STATUSES,
        Format::AzureDevOps => AZURE_STATES,
    }
}

pub fn status(format: Format, word: &str) -> Option<StatusWord> {
    named(statuses(format), word)
}

/// Each tool's priorities as MoSCoW. The top one is a Must and the next a Should; the
/// middle is a Could, and so is Jira's Low, which is still work the team means to do;
/// the lowest of each scale says Won't: Jira's Lowest, Linear's Low (its four levels are
/// MoSCoW's four, so Two Hats' Linear profile writes Won't as Low and reads it back) and
/// Azure's 4. `None`: no priority set.
pub fn priorities(format: Format) -> &'static [(&'static str, Option<Priority>)] {
    use Priority::*;
    match format {
        Format::Jira => &[
            ("Highest", Some(Must)),
            ("High", Some(Should)),
            ("Medium", Some(Could)),
            ("Low", Some(Could)),
            ("Lowest", Some(Wont)),
        ],
        Format::Linear => &[
            ("Urgent", Some(Must)),
            ("High", Some(Should)),
            ("Medium", Some(Could)),
            ("Low", Some(Wont)),
            ("No priority", None),
        ],
        Format::AzureDevOps => &[
            ("1", Some(Must)),
            ("2", Some(Should)),
            ("3", Some(Could)),
            ("4", Some(Wont)),
        ],
    }
}

/// `Some(None)`: a word meaning "no priority"; `None`: a word the table does not know.
pub fn priority(format: Format, word: &str) -> Option<Option<Priority>> {
    named(priorities(format), word)
}
