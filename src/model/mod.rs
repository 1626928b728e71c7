//! The Two Hats document and everything that reasons about it.
//!
//! Nothing in here knows about the browser: it builds and is tested natively.

pub mod backlog;
pub mod bounds;
pub mod burndown;
pub mod command;
pub mod dates;
pub mod dependencies;
pub mod error;
pub mod history;
pub mod ids;
pub mod invariants;
pub mod inverse;
pub mod outline;
pub mod outline_keys;
pub mod planning;
pub mod readiness;
pub mod records;
pub mod roadmap;
pub mod roadmap_lanes;
pub mod roadmap_svg;
pub mod roles;
pub mod rollup;
pub mod sample;
pub mod scoring;
pub mod slips;
pub mod sprint_close;
pub mod workspace;

pub use command::{
    apply, delete_impact, kind_of, parent_kind, Changes, Command, Entity, Impact, Kind,
    ProductFields,
};
pub use dates::{Day, Month};
pub use error::{Invalid, ModelError};
pub use history::History;
pub use ids::Id;
pub use invariants::{validate_product, validate_workspace};
pub use roles::{owner, Hat, Level, Ownership, RoleSetting};
pub use workspace::*;
