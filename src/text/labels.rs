//! What the model's closed sets are called on screen: each value's label, and the
//! `Choice` that lets one `EnumSelect` offer any of them. The model knows the values
//! and their stable keys; the words are here.

use super::choice::choice;
use crate::model::dates::{BadDate, Calendar, Unit};
use crate::model::ids::{BadId, MAX_ID_LEN};
use crate::model::scoring::Scheme;
use crate::model::Kind;
use crate::model::{
    FeatureStatus, Hat, Horizon, ItemKind, ItemStatus, Level, Month, Priority, ReadyRule,
    RoleSetting, SprintState,
};
use std::fmt;

impl Horizon {
    pub fn label(self) -> &'static str {
        match self {
            Horizon::Now => "Now",
            Horizon::Next => "Next",
            Horizon::Later => "Later",
        }
    }
}

impl FeatureStatus {
    pub fn label(self) -> &'static str {
        match self {
            FeatureStatus::Idea => "Idea",
            FeatureStatus::Planned => "Planned",
            FeatureStatus::InProgress => "In progress",
            FeatureStatus::Done => "Done",
            FeatureStatus::AtRisk => "At risk",
        }
    }
}

impl ItemKind {
    pub fn label(self) -> &'static str {
        match self {
            ItemKind::Story => "User story",
            ItemKind::Task => "Technical task",
            ItemKind::Spike => "Spike",
            ItemKind::Bug => "Bug",
        }
    }
}

impl ItemStatus {
    pub fn label(self) -> &'static str {
        match self {
            ItemStatus::Todo => "To do",
            ItemStatus::InProgress => "In progress",
            ItemStatus::Done => "Done",
        }
    }
}

impl Priority {
    pub fn label(self) -> &'static str {
        match self {
            Priority::Must => "Must",
            Priority::Should => "Should",
            Priority::Could => "Could",
            Priority::Wont => "Won't",
        }
    }
}

impl SprintState {
    pub fn label(self) -> &'static str {
        match self {
            SprintState::Planned => "Planned",
            SprintState::Active => "Active",
            SprintState::Finished => "Finished",
        }
    }
}

impl ReadyRule {
    pub fn label(self) -> &'static str {
        match self {
            ReadyRule::HasAcceptanceCriteria => "has acceptance criteria",
            ReadyRule::IsEstimated => "is estimated",
            ReadyRule::HasParentFeature => "has a parent feature",
            ReadyRule::HasDescription => "has a description",
            ReadyRule::HasPriority => "has a priority",
        }
    }
}

impl Scheme {
    pub fn label(self) -> &'static str {
        match self {
            Scheme::Rank => "Backlog rank",
            Scheme::Moscow => "MoSCoW",
            Scheme::ValueEffort => "Value / effort",
            Scheme::Wsjf => "WSJF",
            Scheme::Rice => "RICE",
        }
    }
}

impl RoleSetting {
    pub fn label(self) -> &'static str {
        match self {
            RoleSetting::Separate => "Separate roles",
            RoleSetting::OnePerson => "One person, both hats",
            RoleSetting::NoPm => "No Product Manager",
        }
    }
}

impl Level {
    pub fn label(self) -> &'static str {
        match self {
            Level::Portfolio => "Portfolio",
            Level::Product => "Product",
            Level::Objective => "Objectives & key results",
            Level::Theme => "Theme",
            Level::Feature => "Feature / epic",
            Level::Item => "Backlog item",
            Level::Sprint => "Sprint",
        }
    }
}

impl Hat {
    pub fn label(self) -> &'static str {
        self.long()
    }

    pub fn short(self) -> &'static str {
        match self {
            Hat::Pm => "PM",
            Hat::Po => "PO",
        }
    }

    pub fn long(self) -> &'static str {
        match self {
            Hat::Pm => "Product Manager",
            Hat::Po => "Product Owner",
        }
    }
}

choice!(FeatureStatus, name);
choice!(ItemStatus, name);
choice!(Priority, name);
choice!(SprintState, name);
choice!(Horizon, name);
choice!(ItemKind, key);
choice!(Scheme, key);
choice!(Hat, key);

impl Month {
    pub fn short_name(self) -> &'static str {
        const NAMES: [&str; 12] = [
            "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
        ];
        NAMES[(self.month - 1) as usize]
    }
}

/// "'2026-3' is not a month like 2026-03", "'2026-02-30' is not a real date".
impl fmt::Display for BadDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = &self.text;
        match (self.unit, self.real) {
            (Unit::Month, false) => write!(f, "'{text}' is not a month like 2026-03"),
            (Unit::Month, true) => write!(f, "'{text}' is not a real month"),
            (Unit::Day, false) => write!(f, "'{text}' is not a date like 2026-03-15"),
            (Unit::Day, true) => write!(f, "'{text}' is not a real date"),
        }
    }
}

/// A month or day field that may be left empty, refused as its field says it: "Start
/// must be a month like 2026-03.".
pub fn optional_date<T: Calendar>(label: &str, s: &str) -> Result<Option<T>, String> {
    crate::model::dates::parse_optional(s).map_err(|_| {
        let like = match T::UNIT {
            Unit::Month => "a month like 2026-03",
            Unit::Day => "a date like 2026-03-15",
        };
        format!("{label} must be {like}.")
    })
}

/// "id 'Ab' may hold only lowercase letters, digits, '-' and '_'".
impl fmt::Display for BadId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BadId::Length(s) => write!(f, "id '{s}' must be 1 to {MAX_ID_LEN} characters"),
            BadId::Characters(s) => {
                write!(
                    f,
                    "id '{s}' may hold only lowercase letters, digits, '-' and '_'"
                )
            }
        }
    }
}

/// How a sentence names an entity of the kind: "feature".
impl Kind {
    pub fn noun(self) -> &'static str {
        match self {
            Kind::Objective => "objective",
            Kind::Theme => "theme",
            Kind::Feature => "feature",
            Kind::Item => "item",
            Kind::Sprint => "sprint",
            Kind::Release => "release",
        }
    }
}
