//! Bringing a backlog in from a CSV export of Jira, Linear or Azure DevOps (issue 22).
//!
//! Plain Rust, no browser: the preview dialog calls these pure functions and shows
//! their facts.
//!
//! 1. [`read`] parses the text ([`csv`]), recognises the tool from the header
//!    ([`detect`]) and reads each row into tool-neutral facts with that tool's column
//!    names and words ([`jira`], [`linear`], [`azure`]), or refuses the file as a whole
//!    ([`Refusal`]: empty, too big, too many rows, not one of the three tools).
//! 2. [`plan`] matches those rows against the product they go into (or none, for a new
//!    product) with the user's choices for types the rule does not know, and says what
//!    will happen ([`Plan`]): what each column becomes, counts per type, skipped rows
//!    and why, rows updated (matched by key, with each change) and rows added.
//! 3. [`apply`] turns the plan into one [`Command`](crate::model::Command), so the whole
//!    import is undone in one step.

pub mod apply;
pub mod azure;
pub mod changes;
pub mod csv;
pub mod detect;
mod index;
pub mod jira;
pub mod linear;
mod links;
pub mod plan;
pub mod rows;
pub mod rules;

pub use apply::apply;
pub use detect::{Format, NotRecognised};
pub use plan::{plan, Change, Counts, Note, NoteKind, Plan, SkipReason, Skipped, Update};
pub use rows::{read, Becomes, Column, Export, Refusal, MAX_ROWS};
pub use rules::{priorities, statuses, type_rule, Choices, StatusWord, TypeChoice, TYPE_RULE};
