//! Which tool wrote a CSV file, from its header alone.
//!
//! Each tool is known by the columns its export always has: Jira by `Summary`, `Issue
//! Type` and `Issue key` or `Issue id`; Azure DevOps by `Work Item Type` and `Title` (or
//! the indented `Title 1`, `Title 2` … of a tree query); Linear by `ID`, `Title`,
//! `Status` and `Team`. Names are compared without regard to case or surrounding spaces.

/// A tool whose CSV export is read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Format {
    Jira,
    Linear,
    AzureDevOps,
}

impl Format {
    pub const ALL: [Format; 3] = [Format::Jira, Format::Linear, Format::AzureDevOps];

    pub fn name(self) -> &'static str {
        match self {
            Format::Jira => "Jira",
            Format::Linear => "Linear",
            Format::AzureDevOps => "Azure DevOps",
        }
    }

    /// The columns that make a header this tool's; each entry lists names of which one
    /// is enough.
    pub fn required(self) -> &'static [&'static [&'static str]] {
        match self {
            Format::Jira => &[&["Summary"], &["Issue Type"], &["Issue key", "Issue id"]],
            Format::Linear => &[&["ID", "Id"], &["Title"], &["Status"], &["Team"]],
            Format::AzureDevOps => &[&["Work Item Type"], &["Title", "Title 1"]],
        }
    }
}

/// A header that is none of the three tools': the columns found, and for the tool it
/// comes closest to, the required columns it lacks.
#[derive(Clone, Debug, PartialEq)]
pub struct NotRecognised {
    pub columns: Vec<String>,
    pub closest: Option<(Format, Vec<&'static str>)>,
}

/// Header names are matched like this everywhere: exports differ in case and spacing.
pub fn same(a: &str, b: &str) -> bool {
    a.trim().eq_ignore_ascii_case(b.trim())
}

/// What a table of names (columns, types, status or priority words) gives `name`, matched
/// as `same` matches.
pub fn named<T: Copy>(table: &[(&str, T)], name: &str) -> Option<T> {
    table.iter().find(|(n, _)| same(n, name)).map(|(_, v)| *v)
}

/// The required columns (first name of each) that `header` lacks for `format`.
fn missing(format: Format, header: &[String]) -> Vec<&'static str> {
    format
        .required()
        .iter()
        .filter(|names| !names.iter().any(|n| header.iter().any(|h| same(h, n))))
        .map(|names| names[0])
        .collect()
}

/// The tool that wrote a file with this header.
pub fn detect(header: &[String]) -> Result<Format, NotRecognised> {
    // Azure first: a tree query's header has `Title 1` but also often `ID` and `State`.
    let order = [Format::AzureDevOps, Format::Jira, Format::Linear];
    if let Some(f) = order.into_iter().find(|f| missing(*f, header).is_empty()) {
        return Ok(f);
    }
    let closest = order
        .into_iter()
        .map(|f| (f, missing(f, header)))
        .filter(|(f, m)| m.len() < f.required().len())
        .min_by_key(|(_, m)| m.len());
    Err(NotRecognised {
        columns: header.to_vec(),
        closest,
    })
}
