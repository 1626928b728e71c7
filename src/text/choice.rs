//! A closed set of values the user picks one of — an item's type, a status, a sort order:
//! every value in the order shown, a stable key for the form control, and the label.
//! `components::EnumSelect` draws any of them, so no enum goes through a string in a view.

pub trait Choice: Copy + PartialEq + Send + Sync + 'static {
    fn all() -> &'static [Self];
    /// Stable and unique among the values: a form control's value, a class name.
    fn key(self) -> &'static str;
    fn label(self) -> &'static str;

    fn from_key(key: &str) -> Option<Self> {
        Self::all().iter().copied().find(|c| c.key() == key)
    }
}

/// A `Choice` from a type's own `ALL`, `label` and the named key function.
macro_rules! choice {
    ($t:ty, $key:ident) => {
        impl $crate::text::choice::Choice for $t {
            fn all() -> &'static [Self] {
                &<$t>::ALL
            }
            fn key(self) -> &'static str {
                <$t>::$key(self)
            }
            fn label(self) -> &'static str {
                <$t>::label(self)
            }
        }
    };
}
pub(crate) use choice;

/// A `Choice` written as one table: each value with its key and label, in the order shown.
macro_rules! choices {
    ($t:ident { $($v:ident => $key:literal, $label:literal;)+ }) => {
        impl $crate::text::choice::Choice for $t {
            fn all() -> &'static [Self] {
                &[$($t::$v),+]
            }
            fn key(self) -> &'static str {
                match self {
                    $($t::$v => $key),+
                }
            }
            fn label(self) -> &'static str {
                match self {
                    $($t::$v => $label),+
                }
            }
        }
    };
}
pub(crate) use choices;

/// "No priority" is a value of its own in the backlog's priority filter.
impl Choice for Option<crate::model::Priority> {
    fn all() -> &'static [Self] {
        use crate::model::Priority::*;
        &[Some(Must), Some(Should), Some(Could), Some(Wont), None]
    }
    fn key(self) -> &'static str {
        self.map_or("none", crate::model::Priority::name)
    }
    fn label(self) -> &'static str {
        self.map_or("No priority", crate::model::Priority::label)
    }
}
