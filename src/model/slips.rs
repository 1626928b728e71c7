//! Slips: a feature that will finish after its target release, or that cannot start on
//! time because a feature it waits for finishes after it starts.
//!
//! A feature finishes at the later of its planned end (the last day of its end month) and
//! its forecast (the end of the last sprint its open items are forecast into).

use super::dates::{days_in_month, Day, Month};
use super::ids::Id;
use super::planning::{forecast, Slot};
use super::workspace::{Feature, FeatureStatus, ItemStatus, Product};
use std::collections::HashMap;

#[derive(Clone, Debug, PartialEq)]
pub struct Slip {
    /// Whole weeks, rounded up.
    pub weeks: i64,
    pub cause: SlipCause,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SlipCause {
    /// It finishes after the date of its target release (that release's id).
    Release(Id),
    /// A feature it waits for (that one's id) finishes after it starts.
    Blocker(Id),
}

pub fn last_day(m: Month) -> Day {
    Day::new(m.year, m.month, days_in_month(m.year, m.month)).expect("a month's last day")
}

pub fn first_day(m: Month) -> Day {
    Day::new(m.year, m.month, 1).expect("a month's first day")
}

/// The day each feature is expected to finish, where its plan or forecast gives one.
pub fn finish_days(p: &Product) -> HashMap<&Id, Day> {
    let slots = forecast(p);
    let sprint_end: HashMap<&Id, Day> = p
        .sprints
        .iter()
        .filter_map(|s| Some((&s.id, s.end?)))
        .collect();
    let last_end = p.sprints.iter().filter_map(|s| s.end).max();
    // Whole days, as the integer average was: the average floored.
    let length = super::roadmap::sprint_days(p) as i64;
    let mut out: HashMap<&Id, Day> = p
        .features
        .iter()
        .filter_map(|f| Some((&f.id, last_day(f.end?))))
        .collect();
    for i in p.items.iter().filter(|i| i.status != ItemStatus::Done) {
        let Some(f) = &i.feature else { continue };
        let day = match slots.get(&i.id) {
            Some(Slot::Sprint(s) | Slot::AtRisk(s)) => sprint_end.get(s).copied(),
            Some(Slot::Future(n)) => last_end.map(|d| d.add_days(length * *n as i64)),
            _ => None,
        };
        if let (Some(day), Some(f)) = (day, p.feature(f)) {
            let e = out.entry(&f.id).or_insert(day);
            *e = (*e).max(day);
        }
    }
    out
}

fn weeks(days: i64) -> i64 {
    (days + 6) / 7
}

/// Each slipping feature's worst slip.
pub fn slips(p: &Product) -> HashMap<Id, Slip> {
    slips_from(p, &finish_days(p))
}

/// `slips` given the finish days (`finish_days`), worked out once for the page.
pub fn slips_from(p: &Product, finish: &HashMap<&Id, Day>) -> HashMap<Id, Slip> {
    let mut out: HashMap<Id, Slip> = HashMap::new();
    let mut note = |f: &Feature, days: i64, cause: SlipCause| {
        if days <= 0 {
            return;
        }
        let slip = Slip {
            weeks: weeks(days),
            cause,
        };
        match out.get(&f.id) {
            Some(old) if old.weeks >= slip.weeks => {}
            _ => {
                out.insert(f.id.clone(), slip);
            }
        }
    };
    for f in &p.features {
        let Some(&done) = finish.get(&f.id) else {
            continue;
        };
        if let Some(r) = f
            .release
            .as_ref()
            .and_then(|r| p.releases.iter().find(|x| &x.id == r))
        {
            note(
                f,
                done.ordinal() - r.date.ordinal(),
                SlipCause::Release(r.id.clone()),
            );
        }
    }
    for f in &p.features {
        let Some(start) = f.start.map(first_day) else {
            continue;
        };
        // A finished blocker holds nothing up, whatever its plan said.
        let open = f.depends_on.iter().filter(|b| {
            p.feature(b)
                .is_some_and(|b| b.status != FeatureStatus::Done)
        });
        for b in open {
            if let Some(&ends) = finish.get(b) {
                // It can start the day after its blocker finishes.
                note(
                    f,
                    ends.ordinal() + 1 - start.ordinal(),
                    SlipCause::Blocker(b.clone()),
                );
            }
        }
    }
    out
}

/// A slip with what is said about it: by how much, when the feature ends, and what it
/// slips against.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct SlipFacts {
    pub weeks: i64,
    /// The day the feature is expected to finish.
    pub ends: Option<Day>,
    pub against: Against,
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Against {
    /// Its target release, named, and that release's date.
    Release { name: String, date: Day },
    /// A feature it waits for: its title, the day it ends, and the day this one starts.
    Blocker {
        id: Id,
        title: String,
        ends: Day,
        starts: Day,
    },
}

/// The facts of the slip of feature `id`, if it slips (`slips` and `finish` worked out
/// once for the page).
pub fn slip_facts(
    p: &Product,
    id: &Id,
    slips: &HashMap<Id, Slip>,
    finish: &HashMap<&Id, Day>,
) -> Option<SlipFacts> {
    let slip = slips.get(id)?;
    let f = p.feature(id)?;
    let against = match &slip.cause {
        SlipCause::Release(r) => {
            let r = p.releases.iter().find(|x| &x.id == r)?;
            Against::Release {
                name: r.name.clone(),
                date: r.date,
            }
        }
        SlipCause::Blocker(b) => Against::Blocker {
            id: b.clone(),
            title: p.feature(b)?.title.clone(),
            ends: *finish.get(b)?,
            starts: first_day(f.start?),
        },
    };
    Some(SlipFacts {
        weeks: slip.weeks,
        ends: finish.get(id).copied(),
        against,
    })
}

/// The slip of one feature, worked out from the whole product (for one feature's page).
pub fn slip_of(p: &Product, id: &Id) -> Option<SlipFacts> {
    let finish = finish_days(p);
    slip_facts(p, id, &slips_from(p, &finish), &finish)
}
