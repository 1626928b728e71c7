//! An RFC 4180 reader for the CSV the planning tools export.
//!
//! Cells are separated by commas and records by CRLF or LF; a cell in double quotes may
//! hold commas, line breaks and doubled quotes (`""`). A UTF-8 byte-order mark before the
//! header is dropped (Excel and Jira write one). Header names are kept as written, one per
//! column, repeats included: Jira writes `Sprint`, `Labels` and `Component/s` once per value.
//!
//! Rows are numbered as a spreadsheet numbers them: the header is row 1, so the first
//! record is row 2, whatever line breaks its quoted cells hold.

/// The largest file taken, in bytes (20 MB). The caller checks it on the byte length
/// before reading the file into text ([`check_size`]).
pub const MAX_CSV_BYTES: usize = 20 * 1024 * 1024;

/// A parsed file: its header and its records, each as long as the header.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Table {
    pub header: Vec<String>,
    pub rows: Vec<Row>,
    /// Records with more or fewer cells than the header: short ones were padded with
    /// empty cells, long ones cut to the header.
    pub ragged: Vec<Ragged>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    /// The spreadsheet row number (the header is row 1).
    pub number: usize,
    pub cells: Vec<String>,
}

/// A record whose number of cells differs from the header's.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Ragged {
    pub row: usize,
    pub cells: usize,
    pub expected: usize,
}

/// Why the text is not CSV.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CsvError {
    /// A quoted cell that starts on this row is never closed.
    OpenQuote { row: usize },
}

/// `Err(bytes)` for a file over [`MAX_CSV_BYTES`].
pub fn check_size(bytes: usize) -> Result<(), usize> {
    if bytes > MAX_CSV_BYTES {
        Err(bytes)
    } else {
        Ok(())
    }
}

/// Splits `text` into records of cells, without a header's meaning. Blank lines between
/// records are skipped (some exports end with several).
pub fn records(text: &str) -> Result<Vec<Vec<String>>, CsvError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut out = Vec::new();
    let mut record: Vec<String> = Vec::new();
    let mut cell = String::new();
    let mut chars = text.chars().peekable();
    // Whether the current cell was quoted, so an empty quoted cell still counts.
    let mut quoted = false;
    while let Some(c) = chars.next() {
        match c {
            '"' if cell.is_empty() && !quoted => {
                quoted = true;
                read_quoted(&mut chars, &mut cell)
                    .ok_or(CsvError::OpenQuote { row: out.len() + 1 })?;
            }
            ',' => {
                record.push(std::mem::take(&mut cell));
                quoted = false;
            }
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\r' => {
                end_record(&mut out, &mut record, &mut cell, quoted);
                quoted = false;
            }
            // A quote inside an unquoted cell, or text after a closing quote: kept as
            // it is, as spreadsheets do, rather than refusing the file.
            c => cell.push(c),
        }
    }
    end_record(&mut out, &mut record, &mut cell, quoted);
    Ok(out)
}

/// Reads a quoted cell's text up to its closing quote; `None` when it never closes.
fn read_quoted(chars: &mut std::iter::Peekable<std::str::Chars>, cell: &mut String) -> Option<()> {
    loop {
        match chars.next()? {
            '"' if chars.peek() == Some(&'"') => {
                chars.next();
                cell.push('"');
            }
            '"' => return Some(()),
            c => cell.push(c),
        }
    }
}

fn end_record(
    out: &mut Vec<Vec<String>>,
    record: &mut Vec<String>,
    cell: &mut String,
    quoted: bool,
) {
    if record.is_empty() && cell.is_empty() && !quoted {
        return;
    }
    record.push(std::mem::take(cell));
    out.push(std::mem::take(record));
}

/// Parses `text` as a header and its records. An empty text gives an empty table.
pub fn parse(text: &str) -> Result<Table, CsvError> {
    let mut all = records(text)?.into_iter();
    let Some(header) = all.next() else {
        return Ok(Table::default());
    };
    let header: Vec<String> = header.into_iter().map(|h| h.trim().to_string()).collect();
    let width = header.len();
    let mut rows = Vec::new();
    let mut ragged = Vec::new();
    for (n, mut cells) in all.enumerate() {
        let number = n + 2;
        if cells.len() != width {
            ragged.push(Ragged {
                row: number,
                cells: cells.len(),
                expected: width,
            });
            cells.resize(width, String::new());
        }
        rows.push(Row { number, cells });
    }
    Ok(Table {
        header,
        rows,
        ragged,
    })
}
