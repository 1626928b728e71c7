//! Stable entity ids.
//!
//! Ids are short strings (`f-3k9x2a7q`) chosen once, when the entity is created, and
//! never changed, so URLs, undo snapshots and other tabs can keep referring to them.
//! The model never invents ids itself: the caller passes them in with the command, so
//! the model stays deterministic and testable without a source of randomness.

use serde::{de, Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::sync::Arc;

/// Shared text: ids are copied far more often than made (into rows, commands, undo
/// steps, maps), and a copy is then a count, not an allocation. (`Arc`, not `Rc`: the
/// document lives in signals that must be `Send`.)
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Id(Arc<str>);

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
        Id(format!("{prefix}-{body}").into())
    }

    /// Accepts ids made of lowercase ASCII letters, digits and dashes.
    pub fn parse(s: &str) -> Result<Id, BadId> {
        if s.is_empty() || s.len() > MAX_ID_LEN {
            return Err(BadId::Length(truncate(s)));
        }
        if !s
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
        {
            return Err(BadId::Characters(truncate(s)));
        }
        Ok(Id(s.into()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// FNV-1a, for maps keyed by ids on hot paths (the outline's groups and roll-ups are
/// rebuilt per filter keystroke over 10,000 items). `std`'s SipHash guards against
/// chosen keys, which a document on the user's own machine does not need, at several
/// times the cost for keys this short.
#[derive(Clone, Copy)]
pub struct IdHasher(u64);

impl Default for IdHasher {
    fn default() -> Self {
        IdHasher(0xcbf2_9ce4_8422_2325)
    }
}

impl std::hash::Hasher for IdHasher {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

/// A `HashMap` with [`IdHasher`].
pub type IdMap<K, V> = std::collections::HashMap<K, V, std::hash::BuildHasherDefault<IdHasher>>;

/// A `HashSet` with [`IdHasher`]: the checks run over every id of a document on each load.
pub type IdSet<K> = std::collections::HashSet<K, std::hash::BuildHasherDefault<IdHasher>>;

/// A text that is not an id, with its first 24 characters: empty or longer than
/// `MAX_ID_LEN`, or holding a character ids do not use. `text` words it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BadId {
    Length(String),
    Characters(String),
}

fn truncate(s: &str) -> String {
    s.chars().take(24).collect()
}

impl TryFrom<String> for Id {
    type Error = BadId;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        Id::parse(&s)
    }
}

impl From<Id> for String {
    fn from(id: Id) -> String {
        id.0.to_string()
    }
}

impl Serialize for Id {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Id {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Id, D::Error> {
        struct Text;
        impl de::Visitor<'_> for Text {
            type Value = Id;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a string")
            }
            // Checked and copied straight from the input: no `String` on the way.
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Id, E> {
                Id::parse(v).map_err(E::custom)
            }
        }
        d.deserialize_str(Text)
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
