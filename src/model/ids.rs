//! Stable entity ids.
//!
//! Ids are short strings (`f-3k9x2a7q`) chosen once, when the entity is created, and
//! never changed, so URLs, undo snapshots and other tabs can keep referring to them.
//! The model never invents ids itself: the caller passes them in with the command, so
//! the model stays deterministic and testable without a source of randomness.

use serde::{Deserialize, Serialize};
use std::fmt;

#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Id(String);

/// The longest id accepted; anything longer is a sign of a corrupt or hostile file.
pub const MAX_ID_LEN: usize = 64;

impl Id {
    /// Builds an id from a kind prefix and a number, written in base 36.
    pub fn from_parts(prefix: &str, n: u64) -> Id {
        let mut digits = Vec::new();
        let mut v = n;
        loop {
            let d = (v % 36) as u8;
            digits.push(if d < 10 { b'0' + d } else { b'a' + d - 10 });
            v /= 36;
            if v == 0 {
                break;
            }
        }
        digits.reverse();
        let body = String::from_utf8(digits).expect("base-36 digits are ASCII");
        Id(format!("{prefix}-{body}"))
    }

    /// Accepts ids made of lowercase ASCII letters, digits and dashes.
    pub fn parse(s: &str) -> Result<Id, String> {
        if s.is_empty() || s.len() > MAX_ID_LEN {
            return Err(format!(
                "id '{}' must be 1 to {MAX_ID_LEN} characters",
                truncate(s)
            ));
        }
        if !s
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
        {
            return Err(format!(
                "id '{}' may hold only lowercase letters, digits, '-' and '_'",
                truncate(s)
            ));
        }
        Ok(Id(s.to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

fn truncate(s: &str) -> String {
    s.chars().take(24).collect()
}

impl TryFrom<String> for Id {
    type Error = String;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        Id::parse(&s)
    }
}

impl From<Id> for String {
    fn from(id: Id) -> String {
        id.0
    }
}

impl fmt::Display for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The prefix of each entity kind's ids, so an id read in a URL or a file says what it names.
pub mod prefix {
    pub const PRODUCT: &str = "p";
    pub const OBJECTIVE: &str = "o";
    pub const KEY_RESULT: &str = "k";
    pub const THEME: &str = "t";
    pub const FEATURE: &str = "f";
    pub const ITEM: &str = "i";
    pub const CRITERION: &str = "c";
    pub const SPRINT: &str = "s";
    pub const RELEASE: &str = "r";
    pub const LINK: &str = "l";
}
