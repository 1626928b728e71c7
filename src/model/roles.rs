//! Which hat owns which level of the hierarchy, under each way an organisation splits the roles.

use serde::{Deserialize, Serialize};

/// How the organisation splits product work between the two roles (DESIGN.md).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RoleSetting {
    /// A Product Manager and a Product Owner, two people.
    #[default]
    Separate,
    /// One person wears both hats (startups, small teams).
    OnePerson,
    /// No Product Manager: the Product Owner takes on the PM's work too.
    NoPm,
}

impl RoleSetting {
    pub const ALL: [RoleSetting; 3] = [
        RoleSetting::Separate,
        RoleSetting::OnePerson,
        RoleSetting::NoPm,
    ];

    pub fn key(self) -> &'static str {
        match self {
            RoleSetting::Separate => "separate",
            RoleSetting::OnePerson => "one_person",
            RoleSetting::NoPm => "no_pm",
        }
    }
}

/// The levels of the product hierarchy, top to bottom.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    Portfolio,
    Product,
    Objective,
    Theme,
    Feature,
    Item,
    Sprint,
}

impl Level {
    pub const ALL: [Level; 7] = [
        Level::Portfolio,
        Level::Product,
        Level::Objective,
        Level::Theme,
        Level::Feature,
        Level::Item,
        Level::Sprint,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Level::Portfolio => "portfolio",
            Level::Product => "product",
            Level::Objective => "objective",
            Level::Theme => "theme",
            Level::Feature => "feature",
            Level::Item => "item",
            Level::Sprint => "sprint",
        }
    }

    pub fn from_key(key: &str) -> Option<Level> {
        Level::ALL.into_iter().find(|l| l.key() == key)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Hat {
    Pm,
    Po,
}

impl Hat {
    pub const ALL: [Hat; 2] = [Hat::Pm, Hat::Po];

    pub fn key(self) -> &'static str {
        match self {
            Hat::Pm => "pm",
            Hat::Po => "po",
        }
    }
}

/// Who owns a level: the hat that decides, and the hat that helps (if any).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Ownership {
    pub hat: Hat,
    /// A second hat with a real share of the work at this level (e.g. the PO breaks features down).
    pub helper: Option<Hat>,
    /// True when one person wears every hat shown, so the badge reads as a hat, not a person.
    pub same_person: bool,
}

/// The owner of a level under a role setting.
pub fn owner(level: Level, setting: RoleSetting) -> Ownership {
    let (hat, helper) = match level {
        Level::Portfolio | Level::Product | Level::Objective | Level::Theme => (Hat::Pm, None),
        Level::Feature => (Hat::Pm, Some(Hat::Po)),
        Level::Item | Level::Sprint => (Hat::Po, None),
    };
    match setting {
        RoleSetting::Separate => Ownership {
            hat,
            helper,
            same_person: false,
        },
        RoleSetting::OnePerson => Ownership {
            hat,
            helper,
            same_person: true,
        },
        RoleSetting::NoPm => Ownership {
            hat: Hat::Po,
            helper: None,
            same_person: false,
        },
    }
}
