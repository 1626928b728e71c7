//! The sample workspace a training session starts from: two linked products with OKRs,
//! four themes, ten features, forty backlog items of all four types and three sprints,
//! dated around "today" so the roadmap and sprints look current.

use super::dates::Day;
use super::ids::{prefix, Id};
use super::roles::RoleSetting;
use super::workspace::*;

/// Builds the sample. `next_id` hands out a fresh id for a kind prefix, so the sample
/// can be loaded next to existing data without clashing.
pub fn sample_workspace(today: Day, next_id: &mut dyn FnMut(&str) -> Id) -> Workspace {
    let app = trailhead(today, next_id);
    let console = ranger_console(today, next_id);
    let link = ProductLink {
        id: next_id(prefix::LINK),
        from: console.id.clone(),
        to: app.id.clone(),
        note: "Closures and conditions published in the console appear in the app".to_string(),
    };
    Workspace {
        portfolio: Portfolio {
            name: "Outdoors portfolio".to_string(),
            links: vec![link],
        },
        roles: RoleSetting::Separate,
        products: vec![app, console],
    }
}

fn kr(
    next_id: &mut dyn FnMut(&str) -> Id,
    title: &str,
    start: f64,
    target: f64,
    current: f64,
    unit: &str,
) -> KeyResult {
    KeyResult {
        id: next_id(prefix::KEY_RESULT),
        title: title.into(),
        start,
        target,
        current,
        unit: unit.into(),
    }
}

struct FeatureSpec {
    title: &'static str,
    description: &'static str,
    theme: usize,
    horizon: Horizon,
    /// Start and end, in months from the current month.
    months: Option<(i32, i32)>,
    status: FeatureStatus,
    value: f64,
    effort: f64,
}

/// One backlog item: kind, title, feature index (`None` = orphan), estimate, status,
/// sprint index, priority, "so that" (stories), acceptance criteria.
type ItemSpec = (
    ItemKind,
    &'static str,
    Option<usize>,
    Option<f64>,
    ItemStatus,
    Option<usize>,
    Option<Priority>,
    &'static str,
    &'static [&'static str],
);

fn build_features(
    next_id: &mut dyn FnMut(&str) -> Id,
    today: Day,
    themes: &[Theme],
    specs: &[FeatureSpec],
) -> Vec<Feature> {
    let now = today.month();
    specs
        .iter()
        .map(|s| Feature {
            id: next_id(prefix::FEATURE),
            title: s.title.into(),
            description: s.description.into(),
            theme: Some(themes[s.theme].id.clone()),
            horizon: Some(s.horizon),
            start: s.months.map(|(a, _)| now.add_months(a)),
            end: s.months.map(|(_, b)| now.add_months(b)),
            status: s.status,
            value: Some(s.value),
            effort: Some(s.effort),
            release: None,
            depends_on: Vec::new(),
            key: None,
        })
        .collect()
}

/// A story's "I want …" from its title: "to" and the title where it starts with a verb;
/// the titles that name a thing are written out, so no story reads "I want to packing list".
fn want_of(title: &str) -> String {
    let named = match title {
        "Storm warning on the day of the trip" => "to be warned of storms on the day of the trip",
        "Sunset time and turn-around reminder" => {
            "to know when the sun sets, and be told when to turn around"
        }
        "Moderators review flagged reports" => "flagged reports to be reviewed by a moderator",
        "Dark mode" => "a dark mode",
        "Packing list for each trip" => "a packing list for each trip",
        "Closed trails are marked on the list" => "closed trails to be marked on the list",
        _ => "",
    };
    if !named.is_empty() {
        return named.into();
    }
    match title.get(0..1) {
        Some(first) => format!("to {}{}", first.to_lowercase(), &title[1..]),
        None => String::new(),
    }
}

fn build_items(
    next_id: &mut dyn FnMut(&str) -> Id,
    persona: &str,
    features: &[Feature],
    sprints: &[Sprint],
    specs: &[ItemSpec],
) -> Vec<Item> {
    specs
        .iter()
        .map(
            |&(kind, title, feature, estimate, status, sprint, priority, so_that, criteria)| {
                let mut item = Item::new(next_id(prefix::ITEM), kind, title);
                if kind == ItemKind::Story {
                    item.story = Story {
                        as_a: persona.into(),
                        i_want: want_of(title),
                        so_that: so_that.into(),
                    };
                } else {
                    item.description = so_that.into();
                }
                item.feature = feature.map(|f| features[f].id.clone());
                item.estimate = estimate;
                item.status = status;
                item.sprint = sprint.map(|s| sprints[s].id.clone());
                item.priority = priority;
                item.acceptance = criteria
                    .iter()
                    .map(|c| Criterion {
                        id: next_id(prefix::CRITERION),
                        text: (*c).into(),
                        done: status == ItemStatus::Done,
                    })
                    .collect();
                item
            },
        )
        .collect()
}

/// What the app would have recorded: the active sprint's scope on its first day, and a
/// done day for each finished item, spread over its sprint and never after today.
fn record_history(sprints: &mut [Sprint], items: &mut [Item], today: Day) {
    for (n, i) in items.iter_mut().enumerate() {
        let start = i
            .sprint
            .as_ref()
            .and_then(|s| sprints.iter().find(|x| &x.id == s))
            .and_then(|s| s.start);
        if let (ItemStatus::Done, Some(start)) = (i.status, start) {
            i.done_on = Some(start.add_days(2 + (n as i64 * 3) % 9).min(today));
        }
    }
    for s in sprints
        .iter_mut()
        .filter(|s| s.state == SprintState::Active)
    {
        let planned = items.iter().filter(|i| i.sprint.as_ref() == Some(&s.id));
        s.scope = Some(SprintScope {
            day: s.start.unwrap_or(today),
            points: planned.clone().filter_map(|i| i.estimate).sum(),
            items: planned.count(),
        });
    }
}

// fn-length: data (the sample product written out; long by nature, read as a table)
fn trailhead(today: Day, next_id: &mut dyn FnMut(&str) -> Id) -> Product {
    let mut p = Product::new(next_id(prefix::PRODUCT), "Trailhead");
    p.vision = Vision {
        for_whom: "weekend hikers".into(),
        need: "who want to know a trail's real conditions before they set off".into(),
        product: "Trailhead is a mobile app with same-day trail reports from rangers and hikers"
            .into(),
        differentiator: "unlike printed guides and forums, every report is dated and checked"
            .into(),
    };
    p.goal =
        "By the start of summer, hikers trust Trailhead enough to plan every weekend hike with it."
            .into();
    p.budget_note = "One team of five; map data licence renewed yearly.".into();

    let o1 = Objective {
        id: next_id(prefix::OBJECTIVE),
        title: "Become the hiker's first stop before a hike".into(),
        key_results: vec![
            kr(
                next_id,
                "Weekly active hikers",
                2_000.0,
                10_000.0,
                3_400.0,
                "hikers",
            ),
            kr(
                next_id,
                "Trips planned in the app per week",
                500.0,
                3_000.0,
                900.0,
                "trips",
            ),
        ],
    };
    let o2 = Objective {
        id: next_id(prefix::OBJECTIVE),
        title: "Make trail conditions trustworthy".into(),
        key_results: vec![
            kr(
                next_id,
                "Reports younger than 24 hours",
                30.0,
                80.0,
                45.0,
                "%",
            ),
            kr(
                next_id,
                "Hikers who rate a report accurate",
                70.0,
                90.0,
                76.0,
                "%",
            ),
        ],
    };
    let themes = vec![
        Theme {
            id: next_id(prefix::THEME),
            name: "Trip planning".into(),
            description: "Find a trail and get ready for it.".into(),
            colour: "#2f6fdd".into(),
            objective: Some(o1.id.clone()),
        },
        Theme {
            id: next_id(prefix::THEME),
            name: "Live conditions".into(),
            description: "What the trail is like today.".into(),
            colour: "#c2561a".into(),
            objective: Some(o2.id.clone()),
        },
        Theme {
            id: next_id(prefix::THEME),
            name: "Community reports".into(),
            description: "Hikers tell each other what they found.".into(),
            colour: "#23855a".into(),
            objective: Some(o2.id.clone()),
        },
    ];
    use FeatureStatus as FS;
    use Horizon::*;
    let features = build_features(
        next_id,
        today,
        &themes,
        &[
            FeatureSpec {
                title: "Trail search and filters",
                description: "Find trails by name, area, length and difficulty.",
                theme: 0,
                horizon: Now,
                months: Some((-3, -2)),
                status: FS::Done,
                value: 8.0,
                effort: 5.0,
            },
            FeatureSpec {
                title: "Saved trips and packing lists",
                description: "Plan a hike for a date and check what to bring.",
                theme: 0,
                horizon: Now,
                months: Some((-1, 1)),
                status: FS::InProgress,
                value: 7.0,
                effort: 5.0,
            },
            FeatureSpec {
                title: "Route elevation profile",
                description: "See the climbs before choosing a route.",
                theme: 0,
                horizon: Next,
                months: Some((2, 3)),
                status: FS::Planned,
                value: 5.0,
                effort: 8.0,
            },
            FeatureSpec {
                title: "Ranger condition feed",
                description: "Closures and conditions straight from the park rangers.",
                theme: 1,
                horizon: Now,
                months: Some((-1, 1)),
                status: FS::InProgress,
                value: 9.0,
                effort: 5.0,
            },
            FeatureSpec {
                title: "Weather and daylight warnings",
                description: "Storms and sunset times for the day of the trip.",
                theme: 1,
                horizon: Next,
                months: Some((1, 2)),
                status: FS::AtRisk,
                value: 7.0,
                effort: 3.0,
            },
            FeatureSpec {
                title: "Offline trail maps",
                description: "Maps that work with no signal.",
                theme: 1,
                horizon: Later,
                months: None,
                status: FS::Idea,
                value: 8.0,
                effort: 13.0,
            },
            FeatureSpec {
                title: "Hiker trip reports",
                description: "Hikers post what they found on the trail.",
                theme: 2,
                horizon: Next,
                months: Some((2, 4)),
                status: FS::Planned,
                value: 8.0,
                effort: 8.0,
            },
            FeatureSpec {
                title: "Report moderation",
                description: "Keep community reports useful and kind.",
                theme: 2,
                horizon: Later,
                months: Some((5, 6)),
                status: FS::Idea,
                value: 4.0,
                effort: 5.0,
            },
        ],
    );
    // Sprint 2 is the active one: it started a week ago and ends in a week.
    let start = today.add_days(-21);
    let sprints = vec![
        Sprint {
            id: next_id(prefix::SPRINT),
            name: "Sprint 1".into(),
            goal: "Hikers can find a trail and see its ranger report".into(),
            start: Some(start),
            end: Some(start.add_days(13)),
            capacity: Some(20.0),
            state: SprintState::Finished,
            scope: None,
        },
        Sprint {
            id: next_id(prefix::SPRINT),
            name: "Sprint 2".into(),
            goal: "Hikers can save a trip and see closures on the list".into(),
            start: Some(start.add_days(14)),
            end: Some(start.add_days(27)),
            capacity: Some(20.0),
            state: SprintState::Active,
            scope: None,
        },
        Sprint {
            id: next_id(prefix::SPRINT),
            name: "Sprint 3".into(),
            goal: "Hikers hear about closures on trails they saved".into(),
            start: Some(start.add_days(28)),
            end: Some(start.add_days(41)),
            capacity: Some(20.0),
            state: SprintState::Planned,
            scope: None,
        },
    ];
    use ItemKind::*;
    use ItemStatus::*;
    use Priority::*;
    let items = build_items(
        next_id,
        "weekend hiker",
        &features,
        &sprints,
        &[
            (Bug, "App crashes when location permission is denied", None, Some(3.0), InProgress, Some(1), Some(Must), "Seen on Android 14 when the user taps 'Don't allow'.", &["Given location is denied, when I open the map, then I see trails without my position"]),
            (Story, "Get notified when a saved trail closes", Some(3), Some(5.0), Todo, Some(2), Some(Must), "I don't drive to a closed trailhead", &["Given I saved a trail, when a ranger closes it, then I get a notification within 10 minutes", "Given notifications are off, then nothing is sent"]),
            (Story, "Share a trip with a friend", Some(1), Some(5.0), Todo, Some(2), Some(Should), "we can plan the hike together", &["Given a saved trip, when I share it, then my friend opens it from a link"]),
            (Task, "Cache the condition feed for ten minutes", Some(3), Some(2.0), Todo, Some(2), Some(Should), "Keeps the feed fast and within the rangers' API limits.", &["The feed is fetched at most once per ten minutes per device"]),
            (Spike, "Evaluate elevation data sources", Some(2), Some(3.0), Todo, Some(2), Some(Should), "Compare two open elevation datasets for accuracy and licence.", &["A one-page comparison with a recommendation"]),
            (Story, "Storm warning on the day of the trip", Some(4), Some(5.0), Todo, None, Some(Must), "I can change plans before I leave", &["Given a saved trip, when a storm is forecast that day, then the trip shows a warning"]),
            (Story, "Sunset time and turn-around reminder", Some(4), Some(3.0), Todo, None, Some(Should), "I am off the trail before dark", &[]),
            (Spike, "Which weather service fits our budget?", Some(4), Some(2.0), Todo, None, Some(Must), "Price and limits of three weather services.", &["A recommendation with monthly cost"]),
            (Story, "See the elevation profile of a route", Some(2), Some(8.0), Todo, None, Some(Could), "I pick a route that suits my legs", &["Given a trail, when I open it, then I see a chart of height against distance"]),
            (Task, "Import elevation data for the national parks", Some(2), None, Todo, None, Some(Could), "One-off import job, repeatable each year.", &[]),
            (Story, "Write a trip report with photos", Some(6), Some(8.0), Todo, None, Some(Should), "other hikers know what I found", &["Given I finished a hike, when I write a report, then it appears on the trail within a minute", "Photos larger than 10 MB are resized, not refused"]),
            (Story, "Rate how accurate the conditions were", Some(6), Some(3.0), Todo, None, Some(Should), "reports that mislead get noticed", &[]),
            (Story, "Read recent trip reports on a trail", Some(6), Some(5.0), Todo, None, Some(Should), "I hear from people who were just there", &["Reports are newest first and show their age"]),
            (Task, "Image resizing pipeline", Some(6), Some(5.0), Todo, None, Some(Could), "Resize and strip location data from uploaded photos.", &[]),
            (Bug, "Long reports are cut off on small screens", Some(6), Some(2.0), Todo, None, Some(Could), "Text after 500 characters disappears on a 360 px screen.", &[]),
            (Story, "Download a trail map for offline use", Some(5), None, Todo, None, Some(Could), "I can navigate with no signal", &[]),
            (Spike, "How much map storage can a phone spare?", Some(5), None, Todo, None, Some(Could), "", &[]),
            (Story, "Flag an inappropriate report", Some(7), Some(3.0), Todo, None, Some(Could), "the community stays useful", &[]),
            (Story, "Moderators review flagged reports", Some(7), None, Todo, None, Some(Wont), "bad reports are removed quickly", &[]),
            (Task, "Upgrade the map library", None, Some(3.0), Todo, None, Some(Should), "The current version is out of support in the autumn.", &[]),
            (Story, "Dark mode", None, None, Todo, None, Some(Could), "the app is easy on my eyes at dawn", &[]),
            (Story, "Packing list for each trip", Some(1), Some(3.0), InProgress, Some(1), Some(Must), "I don't forget the essentials", &["Given a saved trip, then I see a checklist I can tick", "Ticks are kept per trip"]),
            (Story, "Closed trails are marked on the list", Some(3), Some(3.0), InProgress, Some(1), Some(Must), "I don't pick a closed trail", &["Given a trail is closed, then the list shows it greyed out with the reason"]),
            (Bug, "Report times are shown in UTC", Some(3), Some(1.0), InProgress, Some(1), Some(Must), "Times should be in the hiker's time zone.", &["Times show in the device's time zone"]),
            (Story, "Save a trip for a date", Some(1), Some(5.0), Done, Some(1), Some(Must), "I can plan ahead", &["Given a trail, when I pick a date, then the trip appears under My trips"]),
            (Spike, "Can we sync trips across devices without accounts?", Some(1), Some(2.0), Done, Some(1), Some(Should), "Outcome: not without accounts; revisit next quarter.", &["A written answer for the PM"]),
            (Story, "Search trails by name or area", Some(0), Some(5.0), Done, Some(0), Some(Must), "I find the trail I heard about", &["Given I type part of a name, then matching trails appear as I type", "Given I type a town, then nearby trails appear"]),
            (Story, "Filter trails by length and difficulty", Some(0), Some(3.0), Done, Some(0), Some(Must), "I find a hike that fits my day", &["Filters combine, and the count updates"]),
            (Bug, "Search ignores accented place names", Some(0), Some(2.0), Done, Some(0), Some(Should), "Searching 'Mont Ségur' found nothing.", &["Accented and plain spellings find the same trails"]),
            (Task, "Index trail names for fast search", Some(0), Some(3.0), Done, Some(0), Some(Should), "Search answers in under 100 ms on a mid-range phone.", &[]),
            (Story, "See a trail's latest ranger report", Some(3), Some(5.0), Done, Some(0), Some(Must), "I know the conditions before I go", &["The report shows its date and the ranger's name"]),
            (Task, "Set up crash reporting", None, Some(2.0), Done, Some(0), Some(Should), "So the team hears about crashes before the reviews do.", &[]),
        ],
    );
    let mut features = features;
    let mut items = items;
    let mut sprints = sprints;
    record_history(&mut sprints, &mut items, today);
    // Dependencies to teach with: one feature that cannot start on time, one in order,
    // and a story ranked above the task it waits for.
    features[4].depends_on = vec![features[3].id.clone()];
    features[7].depends_on = vec![features[6].id.clone()];
    items[1].depends_on = vec![items[3].id.clone()];
    p.objectives = vec![o1, o2];
    p.themes = themes;
    p.features = features;
    p.sprints = sprints;
    p.items = items;
    p.releases = vec![Release {
        id: next_id(prefix::RELEASE),
        name: "Summer season launch".into(),
        date: Day::new(today.add_days(75).year, today.add_days(75).month, 1).unwrap_or(today),
    }];
    if let Some(f) = p.features.get_mut(4) {
        f.release = Some(p.releases[0].id.clone());
    }
    p
}

fn ranger_console(today: Day, next_id: &mut dyn FnMut(&str) -> Id) -> Product {
    let mut p = Product::new(next_id(prefix::PRODUCT), "Ranger Console");
    p.vision = Vision {
        for_whom: "park rangers".into(),
        need: "who must warn hikers about closures quickly".into(),
        product: "the Ranger Console is a web tool to publish trail conditions".into(),
        differentiator: "unlike phone trees and notice boards, one update reaches every hiker"
            .into(),
    };
    p.goal = "Rangers publish every closure from the console, within minutes.".into();
    let o = Objective {
        id: next_id(prefix::OBJECTIVE),
        title: "Cut the time rangers spend publishing updates".into(),
        key_results: vec![kr(
            next_id,
            "Minutes to publish a closure",
            30.0,
            5.0,
            20.0,
            "min",
        )],
    };
    let themes = vec![Theme {
        id: next_id(prefix::THEME),
        name: "Ranger tools".into(),
        description: "Everything a ranger needs to keep hikers informed.".into(),
        colour: "#6b4fd8".into(),
        objective: Some(o.id.clone()),
    }];
    use FeatureStatus as FS;
    use Horizon::*;
    let features = build_features(
        next_id,
        today,
        &themes,
        &[
            FeatureSpec {
                title: "Closure publishing",
                description: "Close and reopen a trail in a few clicks.",
                theme: 0,
                horizon: Now,
                months: Some((-1, 0)),
                status: FS::InProgress,
                value: 9.0,
                effort: 3.0,
            },
            FeatureSpec {
                title: "Bulk condition updates",
                description: "Update many trails after a storm.",
                theme: 0,
                horizon: Next,
                months: Some((1, 3)),
                status: FS::Planned,
                value: 6.0,
                effort: 8.0,
            },
        ],
    );
    use ItemKind::*;
    use ItemStatus::*;
    use Priority::*;
    let items = build_items(
        next_id,
        "park ranger",
        &features,
        &[],
        &[
            (Story, "Schedule a closure to end automatically", Some(0), Some(3.0), InProgress, None, Some(Must), "trails reopen even if I'm off duty", &["Given an end date, then the trail reopens at that time"]),
            (Bug, "Closure pin lands on the wrong trail", Some(0), Some(2.0), Todo, None, Some(Must), "Two trails sharing a trailhead get swapped.", &[]),
            (Task, "Audit log of published closures", Some(0), Some(3.0), Todo, None, Some(Should), "Who closed what and when, for the park office.", &[]),
            (Story, "Publish a trail closure in under a minute", Some(0), Some(5.0), Done, None, Some(Must), "hikers hear about danger at once", &["Given a trail, when I close it with a reason, then the app shows it within a minute"]),
            (Story, "Update conditions for many trails at once", Some(1), Some(8.0), Todo, None, Some(Should), "I can warn everyone after a storm", &[]),
            (Spike, "Can rangers update from a tablet with no signal?", Some(1), Some(3.0), Todo, None, Some(Should), "", &[]),
            (Story, "Import conditions from a spreadsheet", Some(1), None, Todo, None, Some(Could), "the park office can use its own sheets", &[]),
            (Task, "Permissions for seasonal staff", None, Some(5.0), Todo, None, Some(Should), "Seasonal rangers publish conditions but not closures.", &[]),
        ],
    );
    p.objectives = vec![o];
    p.themes = themes;
    p.features = features;
    p.items = items;
    p
}

/// A counter-based id source, for tests and for anything that needs the sample to be
/// the same every time.
pub fn counter_ids() -> impl FnMut(&str) -> Id {
    let mut n = 0u64;
    move |prefix: &str| {
        n += 1;
        Id::from_parts(prefix, n)
    }
}
