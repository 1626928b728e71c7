//! One module per page.

pub mod backlog;
pub mod data;
pub mod explainer;
pub mod hierarchy;
pub mod home;
pub mod roadmap;
pub mod training;
