//! A recognised export's rows as tool-neutral facts ([`Record`]), and the reasons a file
//! is refused as a whole ([`Refusal`]).

use super::csv::{self, CsvError, Ragged, Row};
use super::detect::{detect, Format, NotRecognised};
use super::{azure, jira, linear};

/// The most rows an import takes: more is refused as a whole rather than cut, since a
/// part of a backlog would pass for all of it.
pub const MAX_ROWS: usize = 10_000;

/// What a column of the file becomes. One meaning may come from several columns (Jira
/// writes `Sprint` once per sprint): a text takes the last non-empty one, a parent the
/// first, and links and labels gather all of them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Becomes {
    /// The row's id in the tool (`PROJ-12`), kept as the item's or feature's key.
    Key,
    /// A second id parents may name the row by (Jira's numeric `Issue id`).
    OtherId,
    /// The type, mapped by [`super::TYPE_RULE`].
    Type,
    /// Linear's labels: one naming a type (`Bug`, `Spike`, …) gives the row that type;
    /// the labels themselves are not kept.
    TypeLabels,
    Title,
    /// Azure DevOps tree queries write each title in the column of its depth (`Title 1`
    /// is depth 0); the row above at one depth less is its parent.
    TitleAtDepth(usize),
    Description,
    Status,
    /// Jira's status category (To Do, In Progress, Done), used when the status is a
    /// word of a custom workflow.
    StatusCategory,
    Priority,
    /// Story points.
    Estimate,
    /// A sprint by name; created in the product when it has none of that name.
    Sprint,
    /// Linear's cycle number: the sprint `Cycle n` when the cycle has no name.
    SprintNumber,
    /// Azure's iteration path: the sprint named by its last part.
    IterationPath,
    /// The parent, by key or id: a feature to an item; not kept for a feature.
    Parent,
    /// The rows this one blocks: they depend on it.
    Blocks,
    /// The rows that block this one: it depends on them.
    BlockedBy,
    /// The day a done item was finished.
    DoneDate,
    /// Filled in for an archived row, which is skipped.
    Archived,
    /// Filled in for a canceled row, which is skipped.
    CanceledDate,
    /// The product's name, when the import makes a new product.
    ProductName,
    NotKept,
}

/// A column of the file and what it becomes.
#[derive(Clone, Debug, PartialEq)]
pub struct Column {
    pub name: String,
    pub becomes: Becomes,
}

/// One row's facts, in the tool's own words; `plan` maps them.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Record {
    pub row: usize,
    pub key: Option<String>,
    pub other_id: Option<String>,
    pub type_name: String,
    pub labels: Vec<String>,
    pub title: String,
    pub depth: Option<usize>,
    pub description: String,
    pub status: Option<String>,
    pub status_category: Option<String>,
    pub priority: Option<String>,
    pub estimate: Option<String>,
    pub sprint: Option<String>,
    pub sprint_number: Option<String>,
    pub parent: Option<String>,
    pub blocks: Vec<String>,
    pub blocked_by: Vec<String>,
    pub done_date: Option<String>,
    pub archived: bool,
    pub canceled: bool,
}

impl Record {
    /// How other rows name this one: its key, or its row when it has none.
    pub fn handle(&self) -> String {
        self.key.clone().unwrap_or_else(|| format!("#{}", self.row))
    }
}

/// A recognised export, read.
#[derive(Clone, Debug, PartialEq)]
pub struct Export {
    pub format: Format,
    pub columns: Vec<Column>,
    pub records: Vec<Record>,
    pub ragged: Vec<Ragged>,
    /// A name for a new product, from the file (Jira's project, Linear's team, Azure's
    /// project), if it has one.
    pub product_name: Option<String>,
}

impl Export {
    /// Whether some column becomes `b`: a field no column fills is left as it is when
    /// the import updates an item.
    pub fn has(&self, b: impl Fn(Becomes) -> bool) -> bool {
        self.columns.iter().any(|c| b(c.becomes))
    }
}

/// Why a file is not imported at all.
#[derive(Clone, Debug, PartialEq)]
pub enum Refusal {
    Empty,
    /// A header and no rows.
    NoRows,
    TooLarge {
        bytes: usize,
    },
    TooManyRows {
        rows: usize,
    },
    /// A quoted cell opened on this row never closes: the file is cut off or not CSV.
    OpenQuote {
        row: usize,
    },
    NotRecognised(NotRecognised),
}

/// Reads a CSV export: size, CSV syntax, the tool, the row limit, then every row.
pub fn read(text: &str) -> Result<Export, Refusal> {
    csv::check_size(text.len()).map_err(|bytes| Refusal::TooLarge { bytes })?;
    let table = csv::parse(text).map_err(|e| match e {
        CsvError::OpenQuote { row } => Refusal::OpenQuote { row },
    })?;
    if table.header.iter().all(|h| h.is_empty()) {
        return Err(Refusal::Empty);
    }
    let format = detect(&table.header).map_err(Refusal::NotRecognised)?;
    if table.rows.is_empty() {
        return Err(Refusal::NoRows);
    }
    if table.rows.len() > MAX_ROWS {
        return Err(Refusal::TooManyRows {
            rows: table.rows.len(),
        });
    }
    let columns: Vec<Column> = table
        .header
        .iter()
        .map(|name| Column {
            name: name.clone(),
            becomes: match format {
                Format::Jira => jira::column(name),
                Format::Linear => linear::column(name),
                Format::AzureDevOps => azure::column(name),
            },
        })
        .collect();
    let mut records: Vec<Record> = table.rows.iter().map(|r| record(&columns, r)).collect();
    let mut product_name = first_of(&columns, &table.rows, Becomes::ProductName);
    match format {
        Format::Jira => jira::finish(&mut records),
        Format::Linear => linear::finish(&mut records),
        Format::AzureDevOps => {
            azure::finish(&mut records);
            product_name = product_name.or_else(|| azure::project(&columns, &table.rows));
        }
    }
    Ok(Export {
        format,
        columns,
        records,
        ragged: table.ragged,
        product_name,
    })
}

/// The first non-empty cell of a column that becomes `b`.
pub(super) fn first_of(columns: &[Column], rows: &[Row], b: Becomes) -> Option<String> {
    let at: Vec<usize> = (0..columns.len())
        .filter(|&n| columns[n].becomes == b)
        .collect();
    rows.iter()
        .flat_map(|r| at.iter().map(|&n| clean(&r.cells[n])))
        .find(|c| !c.is_empty())
}

/// A cell as the row means it: trimmed, and without the `'` that exports put before
/// text a spreadsheet would run as a formula (`'=SUM(…)`, `'-1 day`).
pub fn clean(cell: &str) -> String {
    let t = cell.trim();
    match t.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@']) => rest.to_string(),
        _ => t.to_string(),
    }
}

/// Values listed in one cell, split at commas (Linear writes `ENG-2, ENG-3`).
fn list(cell: &str) -> impl Iterator<Item = String> + '_ {
    cell.split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
}

/// Labels or tags listed in one cell: Linear separates them with commas, Azure DevOps
/// with semicolons (`spike; mobile`).
fn labels(cell: &str) -> impl Iterator<Item = String> + '_ {
    cell.split([',', ';'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
}

fn record(columns: &[Column], row: &Row) -> Record {
    let mut r = Record {
        row: row.number,
        ..Record::default()
    };
    for (column, cell) in columns.iter().zip(&row.cells) {
        let value = clean(cell);
        if value.is_empty() {
            continue;
        }
        let last = |slot: &mut Option<String>| *slot = Some(value.clone());
        match column.becomes {
            Becomes::Key => r.key = Some(value),
            Becomes::OtherId => r.other_id = Some(value),
            Becomes::Type => r.type_name = value,
            Becomes::TypeLabels => r.labels.extend(labels(&value)),
            Becomes::Title => r.title = value,
            Becomes::TitleAtDepth(d) => {
                r.title = value;
                r.depth = Some(d);
            }
            Becomes::Description => r.description = value,
            Becomes::Status => last(&mut r.status),
            Becomes::StatusCategory => last(&mut r.status_category),
            Becomes::Priority => last(&mut r.priority),
            Becomes::Estimate => last(&mut r.estimate),
            Becomes::Sprint | Becomes::IterationPath => last(&mut r.sprint),
            Becomes::SprintNumber => last(&mut r.sprint_number),
            Becomes::Parent => {
                r.parent.get_or_insert(value);
            }
            Becomes::Blocks => r.blocks.extend(list(&value)),
            Becomes::BlockedBy => r.blocked_by.extend(list(&value)),
            Becomes::DoneDate => last(&mut r.done_date),
            Becomes::Archived => r.archived = true,
            Becomes::CanceledDate => r.canceled = true,
            Becomes::ProductName | Becomes::NotKept => {}
        }
    }
    r
}

/// A day as the tools write it: ISO (`2025-07-14`, `2025-07-14T15:42:00.000Z`), Jira's
/// `14/Jul/25 3:42 PM` (or with a four-digit year), or Azure's US `7/14/2025 3:42:00 PM`.
pub fn parse_day(text: &str) -> Option<crate::model::Day> {
    use crate::model::Day;
    let date = text.split_whitespace().next()?;
    if let Some(iso) = date
        .get(..10)
        .filter(|d| d.as_bytes().get(4) == Some(&b'-'))
    {
        return Day::parse(iso).ok();
    }
    let mut parts = date.split('/');
    let (a, b, c) = (parts.next()?, parts.next()?, parts.next()?);
    let year: i32 = c.parse().ok()?;
    let year = if c.len() == 2 { 2000 + year } else { year };
    const MONTHS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let (month, day) = match MONTHS.iter().position(|m| b.eq_ignore_ascii_case(m)) {
        Some(m) => (m as u8 + 1, a.parse().ok()?),
        None => (a.parse().ok()?, b.parse().ok()?),
    };
    Day::new(year, month, day)
}
