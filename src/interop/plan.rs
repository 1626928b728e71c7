//! What an import will do, worked out before anything changes: the facts the preview
//! shows, and the entries [`super::apply`] turns into one command.

use super::csv::Ragged;
use super::detect::Format;
use super::index::{Index, Keyed};
use super::links;
use super::rows::{parse_day, Becomes, Column, Export, Record};
use super::rules::{self, type_rule, Choices, StatusWord, TypeChoice};
use crate::model::bounds::{self, Field};
use crate::model::invariants::{MAX_TEXT_LEN, MAX_TITLE_LEN};
use crate::model::{Day, FeatureStatus, Id, ItemKind, ItemStatus, Priority, Product};
use std::collections::HashMap;

/// The longest key kept (`PROJ-12`); a longer one is not a tool's key.
pub const MAX_KEY_LEN: usize = 100;

/// What importing a file will do.
#[derive(Clone, Debug, PartialEq)]
pub struct Plan {
    pub format: Format,
    /// Every column of the file, in its order, and what it becomes.
    pub columns: Vec<Column>,
    /// Rows with more or fewer cells than the header (read padded or cut).
    pub ragged: Vec<Ragged>,
    /// The rows the file holds, skipped ones included.
    pub rows: usize,
    /// What the rows that are kept become, new and updated together.
    pub counts: Counts,
    pub skipped: Vec<Skipped>,
    /// Rows kept with something left out or changed on the way.
    pub notes: Vec<Note>,
    /// Types the rule does not know and no choice was given for, with their number of
    /// rows (skipped until chosen), in the order first met.
    pub unknown_types: Vec<(String, usize)>,
    /// Status words the tool's table does not know, taken as To do, with their counts.
    pub unknown_statuses: Vec<(String, usize)>,
    /// Priority words the tool's table does not know, left unset, with their counts.
    pub unknown_priorities: Vec<(String, usize)>,
    /// Sprints the product does not have yet, which the import creates.
    pub new_sprints: Vec<String>,
    /// Rows whose key matches an item or feature of the product, with what changes.
    pub updates: Vec<Update>,
    /// Rows whose key matches and that change nothing.
    pub unchanged: Vec<usize>,
    /// Rows that add a new item or feature.
    pub added: Vec<usize>,
    /// The name a new product gets (the file's project or team); the caller may change it.
    pub product_name: String,
    pub(super) entries: Vec<Entry>,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub features: usize,
    pub stories: usize,
    pub tasks: usize,
    pub spikes: usize,
    pub bugs: usize,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Skipped {
    pub row: usize,
    /// The row's title (empty when it has none).
    pub title: String,
    pub reason: SkipReason,
}

#[derive(Clone, Debug, PartialEq)]
pub enum SkipReason {
    NoTitle,
    /// A status that says the work was dropped (Canceled, Duplicate, Removed, Won't Do).
    Dropped {
        status: String,
    },
    Archived,
    /// Linear's `Canceled` date is filled in.
    Canceled,
    /// The user chose to skip rows of this type.
    TypeSkipped {
        type_name: String,
    },
    /// A type the rule does not know, with no choice yet.
    TypeNotChosen {
        type_name: String,
    },
    /// Another row earlier in the file has the same key.
    SameKey {
        first_row: usize,
    },
}

/// Something about a kept row that the preview says.
#[derive(Clone, Debug, PartialEq)]
pub struct Note {
    pub row: usize,
    pub kind: NoteKind,
}

#[derive(Clone, Debug, PartialEq)]
pub enum NoteKind {
    /// Its parent is neither in the file nor in the product: it is kept without one (an
    /// update keeps the parent it had).
    ParentOutside {
        parent: String,
    },
    /// Its parent is an item, and items do not nest: it goes under that item's feature
    /// (`feature`, by title), or without one.
    ParentIsItem {
        parent: String,
        feature: Option<String>,
    },
    /// It becomes a feature, and features have no parent feature: the parent is not kept.
    FeatureParentNotKept {
        parent: String,
    },
    /// A dependency on a row that is neither in the file nor in the product: left out.
    LinkOutside {
        other: String,
    },
    /// A dependency between an item and a feature, which the app does not have: left out.
    LinkAcrossKinds {
        other: String,
    },
    /// A dependency that would close a loop: left out, since such work could never start.
    LinkMakesLoop {
        other: String,
    },
    /// An estimate that is not a number from 0 to 1,000: left out.
    EstimateLeftOut {
        text: String,
    },
    /// A done day that is not a date: left out.
    DateNotRead {
        text: String,
    },
    TitleShortened,
    DescriptionShortened,
    /// A key over [`MAX_KEY_LEN`] characters: not kept, so a later import cannot match it.
    KeyNotKept,
    /// The file's type makes it a feature and the product has it as an item (or the other
    /// way round): it stays what it is.
    StaysAs {
        feature: bool,
    },
}

/// A row that updates an item or feature of the product.
#[derive(Clone, Debug, PartialEq)]
pub struct Update {
    pub row: usize,
    pub title: String,
    pub feature: bool,
    pub id: Id,
    pub changes: Vec<Change>,
}

/// One field an update changes, from what it is to what the file says.
#[derive(Clone, Debug, PartialEq)]
pub enum Change {
    Title {
        from: String,
        to: String,
    },
    Kind {
        from: ItemKind,
        to: ItemKind,
    },
    Estimate {
        from: Option<f64>,
        to: Option<f64>,
    },
    Status {
        from: ItemStatus,
        to: ItemStatus,
    },
    FeatureStatus {
        from: FeatureStatus,
        to: FeatureStatus,
    },
    Priority {
        from: Option<Priority>,
        to: Option<Priority>,
    },
    /// The parent feature, by title.
    Parent {
        from: Option<String>,
        to: Option<String>,
    },
    /// The sprint, by name.
    Sprint {
        from: Option<String>,
        to: Option<String>,
    },
    Description,
}

/// What a kept row becomes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum What {
    Feature,
    Item(ItemKind),
}

/// Another entity a row refers to: a row of the file, or one the product has.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum Link {
    Entry(usize),
    Existing(Id),
}

/// A kept row, mapped. `None` in an outer option: the file has no column for the field,
/// so an update leaves it as it is.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Entry {
    pub row: usize,
    pub key: Option<String>,
    pub what: What,
    pub title: String,
    pub description: Option<String>,
    pub status: Option<ItemStatus>,
    pub priority: Option<Option<Priority>>,
    pub estimate: Option<Option<f64>>,
    pub sprint: Option<Option<String>>,
    pub parent: Option<Option<Link>>,
    /// Dependencies the file adds (an update keeps those the entity has).
    pub deps: Vec<Link>,
    pub done_on: Option<Day>,
    /// The item or feature of the product it updates.
    pub existing: Option<Id>,
}

impl Plan {
    /// The names of the columns whose content is not kept, each once.
    pub fn not_kept(&self) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        for c in self
            .columns
            .iter()
            .filter(|c| c.becomes == Becomes::NotKept)
        {
            if !out.contains(&c.name.as_str()) {
                out.push(&c.name);
            }
        }
        out
    }
}

/// Works out what importing `export` into `product` (or a new product, when `None`)
/// will do, with the user's `choices` for types.
pub fn plan(export: &Export, product: Option<&Product>, choices: &Choices) -> Plan {
    let mut p = Plan {
        format: export.format,
        columns: export.columns.clone(),
        ragged: export.ragged.clone(),
        rows: export.records.len(),
        counts: Counts::default(),
        skipped: Vec::new(),
        notes: Vec::new(),
        unknown_types: Vec::new(),
        unknown_statuses: Vec::new(),
        unknown_priorities: Vec::new(),
        new_sprints: Vec::new(),
        updates: Vec::new(),
        unchanged: Vec::new(),
        added: Vec::new(),
        product_name: export
            .product_name
            .clone()
            .unwrap_or_else(|| format!("Imported from {}", export.format.name())),
        entries: Vec::new(),
    };
    let index = Index::new(product);
    let kept = keep(export, choices, &mut p);
    for (r, what) in &kept {
        let entry = entry(export, r, *what, &index, &mut p);
        p.entries.push(entry);
    }
    let records: Vec<&Record> = kept.iter().map(|(r, _)| *r).collect();
    links::resolve(&records, &index, &mut p);
    super::changes::compare(&index, &mut p);
    p.new_sprints = new_sprints(&p.entries, product);
    p.counts = count(&p.entries);
    p
}

/// The rows that are kept, with what each becomes; the others go to `p.skipped`.
fn keep<'a>(export: &'a Export, choices: &Choices, p: &mut Plan) -> Vec<(&'a Record, What)> {
    let mut keys: HashMap<&str, usize> = HashMap::new();
    let mut kept = Vec::new();
    for r in &export.records {
        let reason = skip_reason(export.format, r, choices, &mut keys, p);
        let what = match reason {
            Ok(what) => what,
            Err(reason) => {
                p.skipped.push(Skipped {
                    row: r.row,
                    title: r.title.clone(),
                    reason,
                });
                continue;
            }
        };
        kept.push((r, what));
    }
    kept
}

fn skip_reason<'a>(
    format: Format,
    r: &'a Record,
    choices: &Choices,
    keys: &mut HashMap<&'a str, usize>,
    p: &mut Plan,
) -> Result<What, SkipReason> {
    if r.title.trim().is_empty() {
        return Err(SkipReason::NoTitle);
    }
    if let Some(s) = &r.status {
        if rules::status(format, s) == Some(StatusWord::Dropped) {
            return Err(SkipReason::Dropped { status: s.clone() });
        }
    }
    if r.archived {
        return Err(SkipReason::Archived);
    }
    if r.canceled {
        return Err(SkipReason::Canceled);
    }
    let what = match choices
        .get(&r.type_name)
        .copied()
        .or_else(|| type_rule(&r.type_name))
    {
        Some(TypeChoice::Feature) => What::Feature,
        Some(TypeChoice::Item(k)) => What::Item(k),
        Some(TypeChoice::Skip) => {
            return Err(SkipReason::TypeSkipped {
                type_name: r.type_name.clone(),
            })
        }
        None => {
            tally(&mut p.unknown_types, &r.type_name);
            return Err(SkipReason::TypeNotChosen {
                type_name: r.type_name.clone(),
            });
        }
    };
    if let Some(k) = &r.key {
        if let Some(&first_row) = keys.get(k.as_str()) {
            return Err(SkipReason::SameKey { first_row });
        }
        keys.insert(k, r.row);
    }
    Ok(what)
}

/// Counts one more of `word` in a list of words and counts.
fn tally(list: &mut Vec<(String, usize)>, word: &str) {
    match list.iter_mut().find(|(w, _)| w == word) {
        Some((_, n)) => *n += 1,
        None => list.push((word.to_string(), 1)),
    }
}

/// `text` cut to `max` characters; whether it was cut.
fn shorten(text: &str, max: usize) -> (String, bool) {
    match text.char_indices().nth(max) {
        Some((at, _)) => (text[..at].to_string(), true),
        None => (text.to_string(), false),
    }
}

/// A kept row's fields, mapped by the tool's tables. Parents and links come later
/// ([`links::resolve`]), once every row is known.
fn entry(export: &Export, r: &Record, what: What, index: &Index, p: &mut Plan) -> Entry {
    let has = |b: Becomes| export.has(|c| c == b);
    let note = |p: &mut Plan, kind| p.notes.push(Note { row: r.row, kind });
    let (title, cut) = shorten(&r.title, MAX_TITLE_LEN);
    if cut {
        note(p, NoteKind::TitleShortened);
    }
    let (description, cut) = shorten(&r.description, MAX_TEXT_LEN);
    if cut {
        note(p, NoteKind::DescriptionShortened);
    }
    let key = r.key.clone().filter(|k| k.chars().count() <= MAX_KEY_LEN);
    if key.is_none() && r.key.is_some() {
        note(p, NoteKind::KeyNotKept);
    }
    let status = status(export.format, r, p);
    let estimate = match r
        .estimate
        .as_deref()
        .map(|t| bounds::parse(Field::Estimate, t))
    {
        Some(Err(_)) => {
            let text = r.estimate.clone().unwrap_or_default();
            note(p, NoteKind::EstimateLeftOut { text });
            None
        }
        Some(Ok(v)) => v,
        None => None,
    };
    let priority = r.priority.as_deref().and_then(|w| {
        let known = rules::priority(export.format, w);
        if known.is_none() {
            tally(&mut p.unknown_priorities, w);
        }
        known.flatten()
    });
    let done_on = match (&r.done_date, status) {
        (Some(text), Some(ItemStatus::Done)) => {
            let day = parse_day(text);
            if day.is_none() {
                note(p, NoteKind::DateNotRead { text: text.clone() });
            }
            day
        }
        _ => None,
    };
    // Features have no sprint in the app.
    let has_sprint = what != What::Feature
        && (has(Becomes::Sprint) || has(Becomes::SprintNumber) || has(Becomes::IterationPath));
    let found = key
        .as_deref()
        .and_then(|k| existing(index, k, what, r.row, p));
    Entry {
        row: r.row,
        what: found.as_ref().map_or(what, |f| f.1),
        existing: found.map(|f| f.0),
        key,
        title,
        description: has(Becomes::Description).then_some(description),
        status,
        priority: has(Becomes::Priority).then_some(priority),
        estimate: has(Becomes::Estimate).then_some(estimate),
        sprint: has_sprint.then(|| r.sprint.clone()),
        parent: None,
        deps: Vec::new(),
        done_on,
    }
}

/// The status a row's words say, or `None` when the file has no status column.
fn status(format: Format, r: &Record, p: &mut Plan) -> Option<ItemStatus> {
    let word = r.status.as_deref()?;
    let of = |w: &str| match rules::status(format, w) {
        Some(StatusWord::Is(s)) => Some(s),
        _ => None,
    };
    of(word)
        .or_else(|| r.status_category.as_deref().and_then(of))
        .or_else(|| {
            tally(&mut p.unknown_statuses, word);
            Some(ItemStatus::Todo)
        })
}

/// The product's item or feature with this key, and what the row becomes: a match of
/// the other sort keeps its sort (an item keeps its kind), and the plan says so.
fn existing(index: &Index, key: &str, what: What, row: usize, p: &mut Plan) -> Option<(Id, What)> {
    let found = match (index.by_key(key)?, what) {
        (Keyed::Item(i), What::Item(_)) => (i.id.clone(), what),
        (Keyed::Item(i), What::Feature) => (i.id.clone(), What::Item(i.kind)),
        (Keyed::Feature(f), _) => (f.id.clone(), What::Feature),
    };
    if found.1 != what && !matches!((found.1, what), (What::Item(_), What::Item(_))) {
        p.notes.push(Note {
            row,
            kind: NoteKind::StaysAs {
                feature: found.1 == What::Feature,
            },
        });
    }
    Some(found)
}

/// Sprint names the kept rows use that the product does not have, each once.
fn new_sprints(entries: &[Entry], product: Option<&Product>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for name in entries.iter().filter_map(|e| e.sprint.clone().flatten()) {
        let known = |n: &str| super::detect::same(n, &name);
        let in_product = product.is_some_and(|p| p.sprints.iter().any(|s| known(&s.name)));
        if !in_product && !out.iter().any(|n| known(n)) {
            out.push(name);
        }
    }
    out
}

fn count(entries: &[Entry]) -> Counts {
    let mut c = Counts::default();
    for e in entries {
        let slot = match e.what {
            What::Feature => &mut c.features,
            What::Item(ItemKind::Story) => &mut c.stories,
            What::Item(ItemKind::Task) => &mut c.tasks,
            What::Item(ItemKind::Spike) => &mut c.spikes,
            What::Item(ItemKind::Bug) => &mut c.bugs,
        };
        *slot += 1;
    }
    c
}
