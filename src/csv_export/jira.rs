//! Jira Cloud's CSV importer ("Import work items from a CSV file").
//!
//! Columns named as Atlassian's importer maps them: `Issue ID` (a number per row, used
//! only inside the file so that rows can point at each other), `Parent` (the Issue ID of
//! the epic: Atlassian retired `Epic Link` and `Epic Name` for Cloud in April 2024 and
//! asks for `Parent`, with epics listed before their children, so every feature's Epic
//! row comes first), `Issue Type`, `Summary`, `Description` (Jira wiki markup, which the
//! importer reads), the points field, `Priority`, `Status`, `Sprint`, `Labels`, and one
//! `Blocked By` column per dependency holding the blocker's Issue ID, for the wizard to
//! map to the issue link "Blocks" (inward). Header names carry no punctuation, as the
//! importer asks.

use super::TypeRule;
use super::{description, inert, kind_name, paragraphs, points, sprint_name, write_record};
use crate::model::{FeatureStatus, Id, Item, ItemKind, ItemStatus, Priority, Product};
use std::collections::HashMap;

/// Which kind of Jira project the file is for: they name the points field differently.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Project {
    /// Company-managed projects keep points in `Story Points`.
    #[default]
    CompanyManaged,
    /// Team-managed projects keep them in `Story point estimate`.
    TeamManaged,
}

crate::text::choices!(Project {
    CompanyManaged => "company", "Company-managed (Story Points)";
    TeamManaged => "team", "Team-managed (Story point estimate)";
});

impl Project {
    pub fn points_column(self) -> &'static str {
        match self {
            Project::CompanyManaged => "Story Points",
            Project::TeamManaged => "Story point estimate",
        }
    }
}

/// The columns before the `Blocked By` ones.
pub fn fixed_header(project: Project) -> [&'static str; 10] {
    [
        "Issue ID",
        "Parent",
        "Issue Type",
        "Summary",
        "Description",
        project.points_column(),
        "Priority",
        "Status",
        "Sprint",
        "Labels",
    ]
}

/// Jira has no Spike type: a spike is a Task labelled `spike` (see [`labels`]).
pub fn issue_type(kind: ItemKind) -> &'static str {
    match kind {
        ItemKind::Story => "Story",
        ItemKind::Task | ItemKind::Spike => "Task",
        ItemKind::Bug => "Bug",
    }
}

pub fn labels(kind: ItemKind) -> &'static str {
    if kind == ItemKind::Spike {
        "spike"
    } else {
        ""
    }
}

/// MoSCoW onto Jira's default scheme; `Low` stays unused so that Won't reads as the
/// bottom of the list.
pub fn priority(p: Option<Priority>) -> &'static str {
    match p {
        Some(Priority::Must) => "Highest",
        Some(Priority::Should) => "High",
        Some(Priority::Could) => "Medium",
        Some(Priority::Wont) => "Lowest",
        None => "",
    }
}

pub fn status(s: ItemStatus) -> &'static str {
    match s {
        ItemStatus::Todo => "To Do",
        ItemStatus::InProgress => "In Progress",
        ItemStatus::Done => "Done",
    }
}

/// An epic's status: Jira's three categories, an idea or a plan being work not started.
pub fn feature_status(s: FeatureStatus) -> &'static str {
    match s {
        FeatureStatus::Idea | FeatureStatus::Planned => "To Do",
        FeatureStatus::InProgress | FeatureStatus::AtRisk => "In Progress",
        FeatureStatus::Done => "Done",
    }
}

/// The description in Jira wiki markup: the story sentence and description, then the
/// criteria as a bullet list, a done one marked with Jira's tick `(/)`.
pub fn wiki_description(item: &Item) -> String {
    let criteria = if item.acceptance.is_empty() {
        String::new()
    } else {
        let lines: Vec<String> = item
            .acceptance
            .iter()
            .map(|c| format!("* {}{}", if c.done { "(/) " } else { "" }, c.text))
            .collect();
        format!("*Acceptance criteria*\n{}", lines.join("\n"))
    };
    paragraphs([description(item).as_str(), criteria.as_str()])
}

/// The Issue ID of each feature and item: features first (1, 2, …), then items in rank
/// order, the order the rows are written in.
fn issue_ids(p: &Product) -> HashMap<&Id, usize> {
    let features = p.features.iter().map(|f| &f.id);
    features
        .chain(p.items.iter().map(|i| &i.id))
        .enumerate()
        .map(|(n, id)| (id, n + 1))
        .collect()
}

/// The product's features as Epic rows and its items under them, as Jira CSV text.
pub fn csv(p: &Product, project: Project) -> String {
    let ids = issue_ids(p);
    let id_of = |id: &Id| ids.get(id).map(usize::to_string);
    let blockers = |deps: &[Id]| deps.iter().filter_map(&id_of).collect::<Vec<_>>();
    let links = p
        .features
        .iter()
        .map(|f| blockers(&f.depends_on).len())
        .chain(p.items.iter().map(|i| blockers(&i.depends_on).len()))
        .max()
        .unwrap_or(0)
        .max(1);
    let mut out = String::new();
    let mut header: Vec<&str> = fixed_header(project).to_vec();
    header.extend(std::iter::repeat_n("Blocked By", links));
    write_record(&mut out, &header);
    let mut row = |fixed: [String; 10], deps: Vec<String>| {
        let mut fields = fixed.to_vec();
        fields.extend(deps);
        fields.resize(header.len(), String::new());
        write_record(&mut out, &fields);
    };
    for f in &p.features {
        row(
            [
                id_of(&f.id).unwrap_or_default(),
                String::new(),
                "Epic".into(),
                inert(&f.title).into(),
                inert(&f.description).into(),
                String::new(),
                String::new(),
                feature_status(f.status).into(),
                String::new(),
                String::new(),
            ],
            blockers(&f.depends_on),
        );
    }
    for item in &p.items {
        let parent = item.feature.as_ref().and_then(&id_of);
        row(
            [
                id_of(&item.id).unwrap_or_default(),
                parent.unwrap_or_default(),
                issue_type(item.kind).into(),
                inert(&item.title).into(),
                inert(&wiki_description(item)).into(),
                points(item.estimate),
                priority(item.priority).into(),
                status(item.status).into(),
                inert(sprint_name(p, item)).into(),
                labels(item.kind).into(),
            ],
            blockers(&item.depends_on),
        );
    }
    out
}

pub fn mapping() -> Vec<TypeRule> {
    let rule = |from: &'static str, to: &'static str, note: &str| TypeRule {
        from,
        to,
        note: note.to_string(),
    };
    let mut rules = vec![rule("Feature", "Epic", "its items linked to it by Parent")];
    for kind in ItemKind::ALL {
        let note = match kind {
            ItemKind::Spike => "labelled spike (Jira has no Spike type)",
            _ => "",
        };
        rules.push(rule(kind_name(kind), issue_type(kind), note));
    }
    rules
}

/// What the page says about the fields beside the types.
pub fn notes(project: Project) -> Vec<String> {
    vec![
        format!("Points go in {}.", project.points_column()),
        "Each waits-for is a Blocked By column: map it to the issue link Blocks (inward) in the wizard.".into(),
        "Sprints are matched by name.".into(),
    ]
}
