//! Azure DevOps: a work item query's results exported to CSV (Boards › Queries › Export
//! to CSV).
//!
//! A flat query writes `ID, Work Item Type, Title, State, …` and may add `Parent` (the
//! parent's ID). A tree query writes the title in indented columns instead, `Title 1`,
//! `Title 2`, …, one per level, each row's title in the column of its depth: a row's
//! parent is the nearest row above it one level up. Story points are `Story Points`
//! (Agile), `Effort` (Scrum, Basic) or `Size` (CMMI); the sprint is the last part of
//! `Iteration Path` (`Fabrikam\Release 1\Sprint 3`), the first part the project.
//! `Tags` (separated by `;`) give the kinds the process templates lack: a story-level
//! item or Task tagged `spike` is a spike, and Basic's Issue tagged `bug` a bug, as
//! Two Hats' Azure profile writes them.

use super::csv::Row;
use super::detect::named;
use super::rows::{first_of, Becomes, Column, Record};
use super::rules::labelled_type;

pub fn column(name: &str) -> Becomes {
    const TABLE: &[(&str, Becomes)] = &[
        ("ID", Becomes::Key),
        ("Work Item Type", Becomes::Type),
        ("Title", Becomes::Title),
        ("Description", Becomes::Description),
        ("State", Becomes::Status),
        ("Priority", Becomes::Priority),
        ("Story Points", Becomes::Estimate),
        ("Effort", Becomes::Estimate),
        ("Size", Becomes::Estimate),
        ("Iteration Path", Becomes::IterationPath),
        ("Parent", Becomes::Parent),
        ("Closed Date", Becomes::DoneDate),
        ("Team Project", Becomes::ProductName),
        ("Tags", Becomes::TypeLabels),
    ];
    if let Some(depth) = title_depth(name) {
        return Becomes::TitleAtDepth(depth);
    }
    named(TABLE, name).unwrap_or(Becomes::NotKept)
}

/// `Title 3` → depth 2.
fn title_depth(name: &str) -> Option<usize> {
    let n: usize = name.trim().strip_prefix("Title ")?.trim().parse().ok()?;
    n.checked_sub(1)
}

/// Parents from the indented titles, sprints from iteration paths, and kinds from tags.
pub fn finish(records: &mut [Record]) {
    // The last row seen at each depth.
    let mut above: Vec<String> = Vec::new();
    for r in records.iter_mut() {
        if let Some(d) = r.depth {
            if r.parent.is_none() && d > 0 {
                r.parent = above.get(d - 1).filter(|h| !h.is_empty()).cloned();
            }
            above.truncate(d);
            above.resize(d, String::new());
            above.push(r.handle());
        }
        r.sprint = r.sprint.as_deref().and_then(sprint_of_path);
        if let Some(t) = labelled_type(&r.type_name, &r.labels) {
            r.type_name = t.to_string();
        }
    }
}

/// The sprint an iteration path names: its last part. The project alone (no `\`) is the
/// root iteration, which is no sprint.
fn sprint_of_path(path: &str) -> Option<String> {
    let (_, last) = path.rsplit_once('\\')?;
    let last = last.trim();
    (!last.is_empty()).then(|| last.to_string())
}

/// The project's name: the first part of the first iteration path.
pub fn project(columns: &[Column], rows: &[Row]) -> Option<String> {
    let path = first_of(columns, rows, Becomes::IterationPath)?;
    let first = path.split('\\').next()?.trim();
    (!first.is_empty()).then(|| first.to_string())
}
