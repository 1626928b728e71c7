//! Why the model refused a change or a document: what is wrong and where.

use std::fmt;

#[derive(Clone, Debug, PartialEq)]
pub struct ModelError {
    /// Where the problem is, e.g. `product 'Atlas' › feature 'Login' (f-12)`.
    pub at: String,
    /// What is wrong, e.g. `refers to theme t-9, which does not exist`.
    pub what: String,
}

impl ModelError {
    pub fn new(at: impl Into<String>, what: impl Into<String>) -> ModelError {
        ModelError {
            at: at.into(),
            what: what.into(),
        }
    }
}

impl fmt::Display for ModelError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.at.is_empty() {
            write!(f, "{}", self.what)
        } else {
            write!(f, "{}: {}", self.at, self.what)
        }
    }
}

impl std::error::Error for ModelError {}
