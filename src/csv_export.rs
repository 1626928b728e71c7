//! The backlog as CSV, for the CSV importers of Jira, Azure DevOps and Linear.
//!
//! One row per backlog item in rank order, under the header
//! `Issue Type,Summary,Description,Acceptance Criteria,Story Points,Priority,Status,Epic,Sprint,Rank`,
//! with values those importers map without configuration: issue types `Story`, `Task`,
//! `Spike`, `Bug`; MoSCoW priorities as `Highest`/`High`/`Medium`/`Lowest`; statuses
//! `To Do`/`In Progress`/`Done`; the parent feature as the epic; `Rank` from 1. Fields
//! are quoted wherever commas, quotes or line breaks need it (RFC 4180).
//!
//! Spreadsheets run a cell that starts with `=`, `+`, `@` or `-` as a formula, so a
//! title from someone else's file could run one when the export is opened in Excel.
//! Such text gets a leading `'` (see [`inert`]); a Markdown list line (`- …`) and a
//! plain number are left as they are.

use crate::model::{Item, ItemKind, ItemStatus, Priority, Product};

pub const HEADER: [&str; 10] = [
    "Issue Type",
    "Summary",
    "Description",
    "Acceptance Criteria",
    "Story Points",
    "Priority",
    "Status",
    "Epic",
    "Sprint",
    "Rank",
];

pub fn issue_type(kind: ItemKind) -> &'static str {
    match kind {
        ItemKind::Story => "Story",
        ItemKind::Task => "Task",
        ItemKind::Spike => "Spike",
        ItemKind::Bug => "Bug",
    }
}

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

/// "As a …, I want …, so that …" from the parts a story has; `None` for other kinds and
/// for stories with none of the three filled in.
pub fn story_sentence(item: &Item) -> Option<String> {
    if item.kind != ItemKind::Story {
        return None;
    }
    let s = &item.story;
    let parts: Vec<String> = [
        ("As a", &s.as_a),
        ("I want", &s.i_want),
        ("so that", &s.so_that),
    ]
    .into_iter()
    .filter(|(_, text)| !text.trim().is_empty())
    .map(|(lead, text)| format!("{lead} {}", text.trim()))
    .collect();
    (!parts.is_empty()).then(|| parts.join(", "))
}

/// The story sentence, a blank line, then the description; either alone when the other
/// is missing.
pub fn description(item: &Item) -> String {
    let desc = item.description.trim_end();
    match story_sentence(item) {
        Some(sentence) if desc.trim().is_empty() => sentence,
        Some(sentence) => format!("{sentence}\n\n{desc}"),
        None => desc.to_string(),
    }
}

/// One criterion a line, as a Markdown task list (`- [x] …` done, `- [ ] …` open).
pub fn acceptance(item: &Item) -> String {
    item.acceptance
        .iter()
        .map(|c| format!("- [{}] {}", if c.done { 'x' } else { ' ' }, c.text))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Text a spreadsheet will show rather than run: a leading `'` when it would start a
/// formula. `- item` (a Markdown list line, as acceptance criteria are written) and
/// numbers such as `-2` are safe and stay as they are.
pub fn inert(text: &str) -> std::borrow::Cow<'_, str> {
    let risky = match text.as_bytes().first() {
        Some(b'=' | b'+' | b'@' | b'\t' | b'\r') => true,
        Some(b'-') => !text.starts_with("- ") && text.trim().parse::<f64>().is_err(),
        _ => false,
    };
    if risky {
        format!("'{text}").into()
    } else {
        text.into()
    }
}

/// One CSV record and its line end. A field is quoted when it holds a comma, a quote or
/// a line break, with quotes doubled, as RFC 4180 has it. Written by hand: the `csv`
/// crate did the same for 3.4 KiB more of download (gzip).
fn write_record<'a>(out: &mut String, fields: impl IntoIterator<Item = &'a str>) {
    for (n, field) in fields.into_iter().enumerate() {
        if n > 0 {
            out.push(',');
        }
        if field.contains([',', '"', '\n', '\r']) {
            out.push('"');
            out.push_str(&field.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(field);
        }
    }
    out.push('\n');
}

/// The product's backlog as CSV text (header and one row per item, rank order).
pub fn backlog_csv(p: &Product) -> String {
    let mut out = String::new();
    write_record(&mut out, HEADER);
    for (rank, item) in p.items.iter().enumerate() {
        let epic = item
            .feature
            .as_ref()
            .and_then(|f| p.feature(f))
            .map_or("", |f| f.title.as_str());
        let sprint = item
            .sprint
            .as_ref()
            .and_then(|s| p.sprint(s))
            .map_or("", |s| s.name.as_str());
        // `1e308` rather than 309 digits for an estimate stored out of range.
        let points = crate::model::bounds::edit_text(item.estimate);
        write_record(
            &mut out,
            [
                issue_type(item.kind),
                &inert(&item.title),
                &inert(&description(item)),
                &inert(&acceptance(item)),
                &points,
                priority(item.priority),
                status(item.status),
                &inert(epic),
                &inert(sprint),
                &(rank + 1).to_string(),
            ],
        );
    }
    out
}
