//! Azure DevOps (Azure Boards), after Microsoft's "Import or update work items in bulk by
//! using CSV files": `Work Item Type` and a title are required; new work items have no
//! `ID` column and start in their type's first state, so `State` is left out (every
//! item arrives as New / To Do, whatever its status here); at most 1,000 work items a
//! file; and the parent–child hierarchy is given by indented title columns: a feature's
//! row has its title in `Title 1` and its items follow with theirs in `Title 2`.
//!
//! The types depend on the project's process template ([`Template`]); Two Hats' spikes
//! become the template's story-level type tagged `spike`, and Basic's missing Bug type
//! an Issue tagged `bug`.

use super::TypeRule;
use super::{acceptance, description, inert, kind_name, paragraphs, points, write_record};
use crate::model::{Item, ItemKind, Priority, Product};

/// Microsoft's limit on work items in one imported file.
pub const MAX_ROWS: usize = 1000;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Template {
    #[default]
    Agile,
    Scrum,
    Basic,
}

impl crate::text::Choice for Template {
    fn all() -> &'static [Self] {
        &Template::ALL
    }
    fn key(self) -> &'static str {
        self.name()
    }
    fn label(self) -> &'static str {
        self.name()
    }
}

impl Template {
    pub const ALL: [Template; 3] = [Template::Agile, Template::Scrum, Template::Basic];

    pub fn name(self) -> &'static str {
        match self {
            Template::Agile => "Agile",
            Template::Scrum => "Scrum",
            Template::Basic => "Basic",
        }
    }

    /// The field that holds points: Agile's `Story Points`, the others' `Effort`.
    pub fn points_column(self) -> &'static str {
        match self {
            Template::Agile => "Story Points",
            Template::Scrum | Template::Basic => "Effort",
        }
    }

    /// What a feature becomes: Basic has no Feature type, its top level is Epic.
    pub fn feature_type(self) -> &'static str {
        match self {
            Template::Agile | Template::Scrum => "Feature",
            Template::Basic => "Epic",
        }
    }

    fn story_type(self) -> &'static str {
        match self {
            Template::Agile => "User Story",
            Template::Scrum => "Product Backlog Item",
            Template::Basic => "Issue",
        }
    }

    pub fn work_item_type(self, kind: ItemKind) -> &'static str {
        match (kind, self) {
            (ItemKind::Task, _) => "Task",
            (ItemKind::Bug, Template::Agile | Template::Scrum) => "Bug",
            _ => self.story_type(),
        }
    }

    /// The tag that keeps a kind the type lost.
    pub fn tag(self, kind: ItemKind) -> &'static str {
        match (kind, self) {
            (ItemKind::Spike, _) => "spike",
            (ItemKind::Bug, Template::Basic) => "bug",
            _ => "",
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Options {
    pub template: Template,
    /// The Azure DevOps project the file goes to: the root of each `Iteration Path`
    /// (`Project\Sprint 7`). Empty leaves the column out, and the items in the project's
    /// root iteration, since a path that does not exist fails the import.
    pub project: String,
}

/// `Project\Sprint`: the iteration must already exist in the project, named as the
/// sprint is here, or Azure DevOps refuses the row.
pub fn iteration_path(project: &str, sprint: &str) -> String {
    if sprint.is_empty() {
        String::new()
    } else {
        format!("{project}\\{sprint}")
    }
}

pub fn header(options: &Options) -> Vec<&'static str> {
    let mut h = vec![
        "Work Item Type",
        "Title 1",
        "Title 2",
        "Description",
        "Priority",
        options.template.points_column(),
        "Tags",
    ];
    if !options.project.is_empty() {
        h.push("Iteration Path");
    }
    h
}

/// Azure's Priority field: 1 (highest) to 4.
pub fn priority(p: Option<Priority>) -> &'static str {
    match p {
        Some(Priority::Must) => "1",
        Some(Priority::Should) => "2",
        Some(Priority::Could) => "3",
        Some(Priority::Wont) => "4",
        None => "",
    }
}

/// Description is an HTML field: the text escaped, its line breaks kept as `<br>`, in a
/// `<div>` so that it never starts like a formula.
pub fn html(text: &str) -> String {
    if text.trim().is_empty() {
        return String::new();
    }
    let mut out = String::from("<div>");
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\n' => out.push_str("<br>"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out.push_str("</div>");
    out
}

type Row = Vec<String>;

fn item_row(p: &Product, item: &Item, options: &Options, depth: usize) -> Row {
    let t = options.template;
    // Task has no points field in any template (its work is Remaining Work, in hours).
    let pts = if item.kind == ItemKind::Task {
        String::new()
    } else {
        points(item.estimate)
    };
    let text = paragraphs([description(item).as_str(), acceptance(item).as_str()]);
    let title = inert(&item.title).into_owned();
    let (t1, t2) = if depth == 0 {
        (title, String::new())
    } else {
        (String::new(), title)
    };
    let mut row = vec![
        t.work_item_type(item.kind).to_string(),
        t1,
        t2,
        html(&text),
        priority(item.priority).into(),
        pts,
        t.tag(item.kind).into(),
    ];
    if !options.project.is_empty() {
        let sprint = super::sprint_name(p, item);
        row.push(inert(&iteration_path(&options.project, sprint)).into_owned());
    }
    row
}

/// The rows in blocks that must stay in one file: each feature with its items, then
/// each item that has no feature on its own.
fn blocks(p: &Product, options: &Options) -> Vec<Vec<Row>> {
    let width = header(options).len();
    let mut out: Vec<Vec<Row>> = Vec::new();
    for f in &p.features {
        let mut head = vec![
            options.template.feature_type().to_string(),
            inert(&f.title).into_owned(),
            String::new(),
            html(&f.description),
        ];
        head.resize(width, String::new());
        let mut block = vec![head];
        for item in p.items.iter().filter(|i| i.feature.as_ref() == Some(&f.id)) {
            block.push(item_row(p, item, options, 1));
        }
        out.push(block);
    }
    let orphan = |i: &&Item| i.feature.as_ref().and_then(|f| p.feature(f)).is_none();
    for item in p.items.iter().filter(orphan) {
        out.push(vec![item_row(p, item, options, 0)]);
    }
    out
}

/// The files to import, in order, each at most [`MAX_ROWS`] work items and whole in its
/// hierarchy: a feature and its items share a file. Only a feature with more than 999
/// items cannot: the items past the first file's room follow in the next files at the
/// top level (`Title 1`), since a title column can only point at a parent above it in
/// the same file.
pub fn files(p: &Product, options: &Options) -> Vec<String> {
    let mut chunks: Vec<Vec<Row>> = vec![Vec::new()];
    for block in blocks(p, options) {
        let room = MAX_ROWS - chunks.last().map_or(0, Vec::len);
        if block.len() > room && !chunks.last().is_some_and(Vec::is_empty) {
            chunks.push(Vec::new());
        }
        let mut rows = block.into_iter();
        let first: Vec<Row> = rows.by_ref().take(MAX_ROWS).collect();
        chunks.last_mut().expect("one chunk at least").extend(first);
        let rest: Vec<Row> = rows.map(promote).collect();
        for part in rest.chunks(MAX_ROWS) {
            chunks.push(part.to_vec());
        }
    }
    let files: Vec<String> = chunks
        .into_iter()
        .filter(|c| !c.is_empty())
        .map(|rows| {
            let mut out = header_only(options);
            for r in &rows {
                write_record(&mut out, r);
            }
            out
        })
        .collect();
    if files.is_empty() {
        vec![header_only(options)]
    } else {
        files
    }
}

fn header_only(options: &Options) -> String {
    let mut out = String::new();
    write_record(&mut out, &header(options));
    out
}

/// A child row moved to the top level: its title from `Title 2` to `Title 1`.
fn promote(mut row: Row) -> Row {
    row.swap(1, 2);
    row
}

pub fn mapping(options: &Options) -> Vec<TypeRule> {
    let t = options.template;
    let feature_note = match t {
        Template::Basic => "its items under it (Basic has no Feature type)",
        _ => "its items under it",
    };
    let mut rules = vec![TypeRule {
        from: "Feature",
        to: t.feature_type(),
        note: feature_note.into(),
    }];
    for kind in ItemKind::ALL {
        let note = match (kind, t.tag(kind)) {
            (ItemKind::Spike, _) => format!("tagged spike ({} has no Spike type)", t.name()),
            (ItemKind::Bug, "bug") => "tagged bug (Basic has no Bug type)".into(),
            (ItemKind::Task, _) => "no points (Task counts hours)".into(),
            _ => String::new(),
        };
        rules.push(TypeRule {
            from: kind_name(kind),
            to: t.work_item_type(kind),
            note,
        });
    }
    rules
}

pub fn notes(options: &Options) -> Vec<String> {
    let mut notes = vec![
        format!("Points go in {}.", options.template.points_column()),
        "Every item starts in its first state (New or To Do): Azure DevOps sets no other state on import.".into(),
        "Waits-for links are left out: a link in the file needs the IDs the items only get on import.".into(),
        format!("At most {MAX_ROWS} work items a file: a larger backlog downloads as several files, imported in order."),
    ];
    if options.project.is_empty() {
        notes.push("No project named: sprints are left out and items land in the project's root iteration.".into());
    } else {
        notes.push(format!(
            "Sprints become Iteration Path {}\\<sprint>: each iteration must already exist.",
            options.project
        ));
    }
    notes
}
