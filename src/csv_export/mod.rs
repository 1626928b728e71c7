//! The backlog as CSV in the shapes the importers of Jira, Linear and Azure DevOps take
//! (issue 22): one profile a module, each a pure function from a [`Product`] to the text
//! of its file(s), with a [`TypeRule`] list saying how Two Hats' kinds become the tool's
//! types, for the page to state before the user downloads.
//!
//! Shared here: the CSV writing (RFC 4180 quoting, by hand: the `csv` crate did the same
//! for 3.4 KiB more of download, gzip), the formula protection spreadsheets need, and the
//! text of a story sentence and its acceptance criteria.

use crate::model::{Item, ItemKind, Product};
use std::borrow::Cow;

pub mod azure;
pub mod jira;
pub mod linear;

/// The tool alone, for the page's select; [`Profile`] adds each tool's options.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Tool {
    #[default]
    Jira,
    Linear,
    Azure,
}

crate::text::choices!(Tool {
    Jira => "jira", "Jira";
    Linear => "linear", "Linear";
    Azure => "azure", "Azure DevOps";
});

/// Which tool a file is for, with what each profile lets the user choose.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Profile {
    Jira(jira::Project),
    Linear,
    Azure(azure::Options),
}

impl Profile {
    pub fn tool(&self) -> Tool {
        match self {
            Profile::Jira(_) => Tool::Jira,
            Profile::Linear => Tool::Linear,
            Profile::Azure(_) => Tool::Azure,
        }
    }

    /// The files to download: one, or for Azure DevOps one per 1,000 rows.
    pub fn files(&self, p: &Product) -> Vec<String> {
        match self {
            Profile::Jira(project) => vec![jira::csv(p, *project)],
            Profile::Linear => vec![linear::csv(p)],
            Profile::Azure(options) => azure::files(p, options),
        }
    }

    pub fn mapping(&self) -> Vec<TypeRule> {
        match self {
            Profile::Jira(_) => jira::mapping(),
            Profile::Linear => linear::mapping(),
            Profile::Azure(options) => azure::mapping(options),
        }
    }

    /// What the page says about the fields beside the types.
    pub fn notes(&self) -> Vec<String> {
        match self {
            Profile::Jira(project) => jira::notes(*project),
            Profile::Linear => linear::notes(),
            Profile::Azure(options) => azure::notes(options),
        }
    }
}

/// How one of Two Hats' kinds (or a feature) arrives in the tool: the type it becomes,
/// and, where that loses something, what carries it instead and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TypeRule {
    /// "Feature", "Story", "Technical task", "Spike" or "Bug".
    pub from: &'static str,
    /// The tool's type (or label, for Linear, which has no types).
    pub to: &'static str,
    /// e.g. "labelled spike (Jira has no Spike type)"; empty when the type says it all.
    pub note: String,
}

impl std::fmt::Display for TypeRule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} → {}", self.from, self.to)?;
        if !self.note.is_empty() {
            write!(f, ", {}", self.note)?;
        }
        Ok(())
    }
}

/// The names the mapping uses for Two Hats' kinds, as the pages call them.
pub fn kind_name(kind: ItemKind) -> &'static str {
    match kind {
        ItemKind::Story => "Story",
        ItemKind::Task => "Technical task",
        ItemKind::Spike => "Spike",
        ItemKind::Bug => "Bug",
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

/// Paragraphs joined by a blank line, the empty ones left out.
pub(crate) fn paragraphs<'a>(parts: impl IntoIterator<Item = &'a str>) -> String {
    parts
        .into_iter()
        .filter(|s| !s.trim().is_empty())
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// Text a spreadsheet will show rather than run: a leading `'` when it would start a
/// formula. `- item` (a Markdown list line, as acceptance criteria are written) and
/// numbers such as `-2` are safe and stay as they are. Jira's and Azure DevOps' files
/// are edited in spreadsheets before they are imported, so they get this; Linear's has
/// its own rule ([`linear::inert`]).
pub fn inert(text: &str) -> Cow<'_, str> {
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
/// a line break, with quotes doubled, as RFC 4180 has it.
pub fn write_record<S: AsRef<str>>(out: &mut String, fields: &[S]) {
    for (n, field) in fields.iter().enumerate() {
        let field = field.as_ref();
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

/// Story points as a number the importers read (`1e308` rather than 309 digits for an
/// estimate stored out of range); empty when there is none.
pub(crate) fn points(estimate: Option<f64>) -> String {
    crate::model::bounds::edit_text(estimate)
}

pub(crate) fn sprint_name<'a>(p: &'a Product, item: &Item) -> &'a str {
    item.sprint
        .as_ref()
        .and_then(|s| p.sprint(s))
        .map_or("", |s| s.name.as_str())
}
