#![cfg(not(target_arch = "wasm32"))]
//! The backlog rows and the hierarchy outline on big documents: the fast versions in the
//! model must give exactly what the straightforward versions gave. `reference` below is
//! the code as it was before it was made fast (item-by-item scans, lookups by linear
//! search), kept here as the specification; every test compares against it, and the big
//! product's results are also pinned so a change to both sides at once is still caught.

use std::collections::HashSet;
use twohats::model::backlog::{
    backlog_order, backlog_rows, BacklogFilter, BacklogRow, Forecast, RefFilter, RowBuilder,
};
use twohats::model::outline::{outline, Filter};
use twohats::model::planning::forecast;
use twohats::model::roadmap::{reality, Bucket};
use twohats::model::rollup::{feature_rollup, objective_rollup, theme_rollup};
use twohats::model::scoring::{self, Scheme};
use twohats::model::*;
use twohats::text::{command_label, forecast as forecast_text, readiness, row_meta, score};

// ---------- a generated product ----------

fn id(prefix: &str, n: usize) -> Id {
    Id::from_parts(prefix, n as u64)
}

/// A small deterministic generator, so the product is the same on every run.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

const WORDS: [&str; 12] = [
    "Search",
    "Trail map",
    "Offline cache",
    "Überblick",
    "Café finder",
    "ΟΔΟΣ route",
    "Ranger notes",
    "Sign-up",
    "Weather",
    "Permits",
    "Photo upload",
    "Alerts",
];

/// Where one item in ten says "export", in varied case: title, description, or one of
/// the story's three parts.
fn with_export(n: usize, text: &str, field: usize) -> String {
    let word = ["export", "Export", "EXPORT", "re-export", "eXpOrT"][n / 10 % 5];
    if n % 10 == 3 && n / 10 % 5 == field {
        format!("{text} {word}")
    } else {
        text.to_string()
    }
}

/// `items` backlog items over `features` features over ten themes (two of them loose),
/// four objectives, six sprints (two finished, one active, three planned). One feature in
/// fifty has no theme and one item in thirty-seven no feature.
fn big_product(items: usize, features: usize) -> Product {
    let mut rng = Lcg(42);
    let mut p = Product::new(id("p", 1), "Big product");
    p.objectives = (0..4)
        .map(|o| Objective {
            id: id("o", o),
            title: format!("Objective {o} {}", WORDS[o]),
            key_results: (0..2)
                .map(|k| KeyResult {
                    id: id("k", o * 2 + k),
                    title: format!("Key result {o}.{k}"),
                    start: k as f64,
                    target: 10.0 * (o + 1) as f64,
                    current: (o * 3 + k) as f64,
                    unit: if k == 0 {
                        "users".into()
                    } else {
                        String::new()
                    },
                })
                .collect(),
        })
        .collect();
    p.themes = (0..10)
        .map(|t| Theme {
            id: id("t", t),
            name: format!("Theme {t} {}", WORDS[t % WORDS.len()]),
            description: String::new(),
            colour: format!("#{:06x}", t * 0x111111),
            objective: (t < 8).then(|| id("o", t % 4)),
        })
        .collect();
    p.features = (0..features)
        .map(|f| {
            let theme = (f % 50 != 7).then(|| id("t", f % 10));
            let mut x = Feature::new(
                id("f", f),
                format!("Feature {f} {}", WORDS[f % WORDS.len()]),
                theme,
            );
            x.status = FeatureStatus::ALL[f % 5];
            x
        })
        .collect();
    // Built here, not with tests/common's `sprint` (deliberately alike): like `reference`,
    // this file's generated product must not change when shared fixtures do.
    let sprint = |n: usize, state: SprintState, capacity: Option<f64>| Sprint {
        id: id("s", n),
        name: format!("Sprint {n}"),
        goal: String::new(),
        start: None,
        end: None,
        capacity,
        state,
        scope: None,
    };
    p.sprints = vec![
        sprint(0, SprintState::Finished, Some(40.0)),
        sprint(1, SprintState::Finished, Some(40.0)),
        sprint(2, SprintState::Active, Some(40.0)),
        sprint(3, SprintState::Planned, None),
        sprint(4, SprintState::Planned, Some(35.0)),
        sprint(5, SprintState::Planned, Some(30.0)),
    ];
    let estimates = [0.5, 1.0, 2.0, 3.0, 5.0, 8.0, 13.0];
    p.items = (0..items)
        .map(|n| {
            let word = WORDS[rng.below(WORDS.len())];
            let mut i = Item::new(
                id("i", n),
                ItemKind::ALL[rng.below(4)],
                with_export(n, &format!("Item {n} {word}"), 0),
            );
            if rng.below(3) > 0 {
                i.description = format!("Details of {word}");
            }
            i.description = with_export(n, &i.description, 1);
            if i.kind == ItemKind::Story {
                i.story.as_a = "hiker".into();
                i.story.i_want = format!("to use {word}");
                i.story.so_that = "I get home safely".into();
            }
            i.story.i_want = with_export(n, &i.story.i_want, 2);
            i.story.as_a = with_export(n, &i.story.as_a, 3);
            i.story.so_that = with_export(n, &i.story.so_that, 4);
            i.acceptance = (0..rng.below(4))
                .map(|c| Criterion {
                    id: id("c", n * 4 + c),
                    text: format!("Criterion {c}"),
                    done: c % 2 == 0,
                })
                .collect();
            i.estimate = (rng.below(10) > 0).then(|| estimates[rng.below(estimates.len())]);
            i.priority = match rng.below(5) {
                4 => None,
                k => Some(Priority::ALL[k]),
            };
            i.feature = (n % 37 != 5).then(|| id("f", rng.below(features)));
            // The first items were done in the finished sprints, a few are planned into
            // the upcoming ones, and the rest wait in the backlog.
            (i.status, i.sprint) = if n < items / 50 {
                (ItemStatus::Done, Some(id("s", n % 2)))
            } else if n < items / 25 {
                let status = [ItemStatus::Todo, ItemStatus::InProgress, ItemStatus::Done];
                (status[rng.below(3)], Some(id("s", 2 + n % 4)))
            } else if rng.below(20) == 0 {
                (ItemStatus::Done, None)
            } else {
                (ItemStatus::ALL[rng.below(2)], None)
            };
            let s = &mut i.scores;
            if rng.below(2) == 0 {
                s.value = Some(rng.below(10) as f64);
                s.effort = Some(rng.below(5) as f64 + 0.5);
            }
            if rng.below(3) == 0 {
                s.business_value = Some(rng.below(10) as f64);
                s.time_criticality = Some(rng.below(10) as f64);
                s.risk_reduction = Some(rng.below(10) as f64);
                s.job_size = Some(rng.below(8) as f64);
            }
            if rng.below(3) == 0 {
                s.reach = Some(rng.below(1000) as f64);
                s.impact = Some(rng.below(3) as f64 + 1.0);
                s.confidence = Some(rng.below(101) as f64);
                s.effort = Some(rng.below(5) as f64);
            }
            i
        })
        .collect();
    // Some items wait for the one two above (in order) and the one just below (ranked
    // above their blocker), so the rows' dependency facts are compared too.
    for n in (2..items).filter(|n| n % 7 == 2) {
        p.items[n].depends_on = std::iter::once(n - 2)
            .chain((n + 1 < items).then_some(n + 1))
            .map(|k| id("i", k))
            .collect();
    }
    p
}

/// A small product with what a valid document never holds but the functions must still
/// treat the same: references to entities that do not exist, and non-ASCII text whose
/// lowercase is not a letter-by-letter mapping (final sigma, the Kelvin sign, dotted İ).
fn odd_product() -> Product {
    let mut p = big_product(300, 20);
    p.features[3].theme = Some(id("t", 999));
    p.themes[2].objective = Some(id("o", 999));
    p.items[4].feature = Some(id("f", 999));
    p.items[5].sprint = Some(id("s", 999));
    p.items[6].title = "ΟΔΟΣ ΚΑΙ ΣΚΑΛΑ".into();
    p.items[7].description = "\u{212A}ilometres".into();
    p.items[8].story.i_want = "İstanbul".into();
    p.features[5].title = "Ünïcode ΣΟΦΟΣ".into();
    p.definition_of_ready = ReadyRule::ALL.to_vec();
    p
}

// ---------- the filters compared ----------

fn backlog_filters(p: &Product) -> Vec<BacklogFilter> {
    let text = |t: &str| BacklogFilter {
        text: t.into(),
        ..BacklogFilter::default()
    };
    let mut v: Vec<BacklogFilter> = [
        "",
        "   ",
        "export",
        "  EXPORT ",
        "re-exp",
        "über",
        "ÜBER",
        "οδος",
        "ος",
        "σ",
        "kilo",
        "\u{212A}ILO",
        "i\u{307}stanbul",
        "istanbul",
        "café",
        "item 1",
        "no such text",
    ]
    .into_iter()
    .map(text)
    .collect();
    let first_feature = p.items.iter().find_map(|i| i.feature.clone()).unwrap();
    v.extend([
        BacklogFilter {
            kind: Some(ItemKind::Bug),
            ..BacklogFilter::default()
        },
        BacklogFilter {
            status: Some(ItemStatus::InProgress),
            ..BacklogFilter::default()
        },
        BacklogFilter {
            priority: Some(None),
            ..BacklogFilter::default()
        },
        BacklogFilter {
            priority: Some(Some(Priority::Must)),
            text: "export".into(),
            ..BacklogFilter::default()
        },
        BacklogFilter {
            feature: RefFilter::None,
            ..BacklogFilter::default()
        },
        BacklogFilter {
            feature: RefFilter::Is(first_feature),
            ..BacklogFilter::default()
        },
        BacklogFilter {
            sprint: RefFilter::Is(id("s", 3)),
            ..BacklogFilter::default()
        },
        BacklogFilter {
            sprint: RefFilter::None,
            ready: Some(true),
            ..BacklogFilter::default()
        },
        BacklogFilter {
            ready: Some(false),
            kind: Some(ItemKind::Story),
            ..BacklogFilter::default()
        },
    ]);
    v
}

// Deliberately parallel with backlog_filters: the two views have their own filter types and
// their own awkward texts; one list for both would test neither view's edge cases.
fn outline_filters() -> Vec<Filter> {
    let text = |t: &str| Filter {
        text: t.into(),
        ..Filter::default()
    };
    let mut v: Vec<Filter> = [
        "",
        "  ",
        "export",
        "EXPORT",
        "item 12",
        "feature 3",
        "theme",
        "über",
        "σοφος",
        "ΟΔΟΣ",
        "key result",
        "big",
        "nothing",
    ]
    .into_iter()
    .map(text)
    .collect();
    v.extend(ItemKind::ALL.map(|k| Filter {
        item_kind: Some(k),
        ..Filter::default()
    }));
    v.extend([Hat::Pm, Hat::Po].map(|h| Filter {
        hat: Some(h),
        ..Filter::default()
    }));
    v.push(Filter {
        text: "search".into(),
        item_kind: Some(ItemKind::Task),
        hat: Some(Hat::Po),
    });
    v
}

/// No fold, a few folds at every level, and everything folded.
fn foldings(p: &Product) -> Vec<HashSet<String>> {
    let mut some: HashSet<String> = ["loose-items", "loose-themes"].map(String::from).into();
    some.extend(
        p.objectives
            .iter()
            .skip(1)
            .take(1)
            .map(|o| o.id.to_string()),
    );
    some.extend(p.themes.iter().step_by(3).map(|t| t.id.to_string()));
    some.extend(p.features.iter().step_by(4).map(|f| f.id.to_string()));
    some.extend(p.items.iter().step_by(5).map(|i| i.id.to_string()));
    let all: HashSet<String> = p.all_ids().iter().map(|i| i.to_string()).collect();
    let mut root = HashSet::new();
    root.insert(p.id.to_string());
    vec![HashSet::new(), some, all, root]
}

// ---------- equivalence ----------

#[test]
fn backlog_rows_match_the_reference_for_every_filter_and_scheme() {
    for p in [odd_product(), big_product(600, 40)] {
        for f in backlog_filters(&p) {
            for s in Scheme::ALL {
                let want = reference::backlog_rows(&p, &f, s);
                assert_eq!(backlog_rows(&p, &f, s), want, "filter {f:?}, scheme {s:?}");
                // The page works out only the order, and builds the rows it draws.
                let rows = RowBuilder::new(&p);
                let order = backlog_order(&p, &f, s);
                assert_eq!(
                    order.iter().map(|&n| rows.row(n)).collect::<Vec<_>>(),
                    want,
                    "filter {f:?}, scheme {s:?}"
                );
            }
            for i in &p.items {
                assert_eq!(f.accepts(&p, i), reference::accepts(&f, &p, i), "{f:?}");
            }
        }
    }
}

#[test]
fn text_filters_really_select_something() {
    // Guards the comparison above against a generator that makes every filter trivial.
    let p = odd_product();
    let count = |t: &str| {
        let f = BacklogFilter {
            text: t.into(),
            ..BacklogFilter::default()
        };
        backlog_rows(&p, &f, Scheme::Rank).len()
    };
    assert_eq!(count("export"), 30);
    // A capital sigma at the end of a word lowercases to a final sigma, elsewhere not.
    assert_eq!(count("ος"), 35);
    assert_eq!(count("οσ"), 0);
    assert_eq!(count("σ"), 1);
    // The Kelvin sign lowercases to an ASCII k; a dotted capital I to i and a combining dot.
    assert_eq!(count("kilo"), 1);
    assert_eq!(count("\u{212A}ILO"), 1);
    assert_eq!(count("istanbul"), 0);
    assert_eq!(count("i\u{307}stanbul"), 1);
    assert_eq!(count("ÜBER"), 16);
    assert_eq!(count("über"), 16);
}

#[test]
fn outline_matches_the_reference_for_every_filter_folding_and_role_setting() {
    for p in [odd_product(), big_product(600, 40)] {
        for collapsed in foldings(&p) {
            for f in outline_filters() {
                for roles in RoleSetting::ALL {
                    let want = reference::outline(&p, roles, &collapsed, &f);
                    assert_eq!(
                        outline(&p, roles, &collapsed, &f),
                        want,
                        "filter {f:?}, {roles:?}, {} folded",
                        collapsed.len()
                    );
                }
            }
        }
    }
}

#[test]
fn forecast_and_rollups_match_the_reference() {
    for p in [odd_product(), big_product(2_000, 100)] {
        assert_eq!(forecast(&p), reference::forecast(&p));
        for f in &p.features {
            assert_eq!(
                feature_rollup(&p, &f.id),
                reference::feature_rollup(&p, &f.id)
            );
        }
        for t in &p.themes {
            assert_eq!(theme_rollup(&p, &t.id), reference::theme_rollup(&p, &t.id));
        }
        for o in &p.objectives {
            assert_eq!(
                objective_rollup(&p, &o.id),
                reference::objective_rollup(&p, &o.id)
            );
        }
    }
}

// ---------- the big product ----------

fn export() -> BacklogFilter {
    BacklogFilter {
        text: "export".into(),
        ..BacklogFilter::default()
    }
}

#[test]
fn big_backlog_is_what_the_reference_gives() {
    let p = big_product(10_000, 500);
    for (f, s) in [
        (BacklogFilter::default(), Scheme::Rank),
        (BacklogFilter::default(), Scheme::Wsjf),
        (export(), Scheme::Rank),
    ] {
        assert_eq!(backlog_rows(&p, &f, s), reference::backlog_rows(&p, &f, s));
    }
}

/// The rows hold facts and `text` words them: the words are still what the rows said when
/// they held them.
#[test]
fn big_backlog_words_are_what_the_rows_said() {
    let p = big_product(10_000, 500);
    let slots = forecast(&p);
    let rows = backlog_rows(&p, &BacklogFilter::default(), Scheme::Rank);
    assert_eq!(rows.len(), p.items.len());
    for (r, i) in rows.iter().zip(&p.items) {
        let rules = &p.definition_of_ready;
        assert_eq!(readiness(&r.missing), reference::describe(rules, i));
        let slot = slots.get(&i.id);
        assert_eq!(
            forecast_text(&r.forecast),
            reference::forecast_words(&p, slot)
        );
        let of_item = [scoring::value_effort, scoring::wsjf, scoring::rice];
        assert_eq!(
            [score(r.value_effort), score(r.wsjf), score(r.rice)],
            of_item.map(|f| reference::format_score(f(i)))
        );
    }
}

#[test]
fn big_outline_is_what_the_reference_gives() {
    let p = big_product(10_000, 500);
    let none = HashSet::new();
    for f in [
        Filter::default(),
        Filter {
            text: "export".into(),
            ..Filter::default()
        },
    ] {
        assert_eq!(
            outline(&p, RoleSetting::Separate, &none, &f),
            reference::outline(&p, RoleSetting::Separate, &none, &f)
        );
    }
}

/// What the code gave for the big product before it was made fast.
#[test]
fn big_backlog_results_are_pinned() {
    let p = big_product(10_000, 500);
    let rows = backlog_rows(&p, &BacklogFilter::default(), Scheme::Rank);
    assert_eq!(rows.len(), 10_000);
    // Every column of the row, on purpose (as model_backlog pins Atlas's first row): a
    // pinned row must say all it shows.
    let first = BacklogRow {
        id: id("i", 0),
        rank: 1,
        kind: ItemKind::Spike,
        title: "Item 0 Photo upload".into(),
        feature: Some("Feature 210 Ranger notes".into()),
        estimate: Some(8.0),
        estimate_flag: None,
        priority: None,
        status: ItemStatus::Done,
        sprint: Some("Sprint 0".into()),
        missing: vec![],
        criteria: 3,
        value_effort: None,
        wsjf: None,
        rice: None,
        // The generator stores an effort of 0, which the bound (above 0) flags.
        score_flag: Some(bounds::Field::Effort),
        forecast: Forecast::Done,
        blocked_by: vec![],
        order_problem: None,
    };
    assert_eq!(rows[0], first);
    // The last row: what differs from the first (the estimate, readiness, criteria and
    // scores are the same).
    let last = BacklogRow {
        id: id("i", 9999),
        rank: 10_000,
        kind: ItemKind::Bug,
        title: "Item 9999 Café finder".into(),
        feature: Some("Feature 493 Trail map".into()),
        priority: Some(Priority::Wont),
        status: ItemStatus::Todo,
        sprint: None,
        score_flag: None,
        // A Won't item: never forecast.
        forecast: Forecast::Wont,
        ..first
    };
    assert_eq!(rows[9_999], last);
    let count = |f: &dyn Fn(&BacklogRow) -> bool| rows.iter().filter(|r| f(r)).count();
    assert_eq!(count(&BacklogRow::ready), 6_605);
    assert_eq!(count(&|r| r.forecast == Forecast::Done), 764);
    assert_eq!(count(&|r| r.forecast == Forecast::NeedsEstimate), 697);
    let in_sprints =
        [2, 3, 4, 5].map(|n| count(&|r| r.forecast == Forecast::Sprint(format!("Sprint {n}"))));
    assert_eq!(in_sprints, [3, 81, 3, 2]);
    assert_eq!(count(&|r| matches!(r.forecast, Forecast::Future(_))), 6_522);
    // Sprints hold min(capacity, velocity): what is planned past that is at risk.
    assert_eq!(count(&|r| matches!(r.forecast, Forecast::AtRisk(_))), 90);
    // Every row is one of these: 764 + 697 + 89 + 6,522 + 90 + 1,838 = 10,000.
    assert_eq!(count(&|r| r.forecast == Forecast::Wont), 1_838);

    let by_wsjf = backlog_rows(&p, &BacklogFilter::default(), Scheme::Wsjf);
    assert_eq!(by_wsjf.len(), 10_000);
    assert_eq!(
        (by_wsjf[0].id.as_str(), by_wsjf[0].rank, by_wsjf[0].wsjf),
        ("i-zs", 1_289, Some(25.0))
    );
    assert_eq!(by_wsjf[9_999], last);

    let found = backlog_rows(&p, &export(), Scheme::Rank);
    assert_eq!(found.len(), 1_000);
    assert_eq!((found[0].id.as_str(), found[0].rank), ("i-3", 4));
    let end = &found[999];
    assert_eq!(
        (
            end.id.as_str(),
            end.rank,
            &end.missing[..],
            end.value_effort
        ),
        (
            "i-7pl",
            9_994,
            &[ReadyRule::HasAcceptanceCriteria][..],
            Some(3.6)
        )
    );
}

#[test]
fn big_outline_results_are_pinned() {
    use std::collections::BTreeMap;
    let p = big_product(10_000, 500);
    let none = HashSet::new();
    let rows = outline(&p, RoleSetting::Separate, &none, &Filter::default());
    assert_eq!(rows.len(), 10_526);
    let mut kinds: BTreeMap<(String, u8), usize> = BTreeMap::new();
    for r in &rows {
        *kinds.entry((format!("{:?}", r.kind), r.depth)).or_default() += 1;
    }
    // A table of (kind, depth, count): its rows are alike on purpose.
    let want: BTreeMap<(String, u8), usize> = [
        ("Product", 0, 1),
        ("Objective", 1, 4),
        ("Loose(Themes)", 1, 1),
        ("Loose(Features)", 1, 1),
        ("Loose(Items)", 1, 1),
        ("KeyResult", 2, 8),
        ("Theme", 2, 10),
        ("Feature", 2, 10),
        ("Item", 2, 271),
        ("Feature", 3, 490),
        ("Item", 3, 176),
        ("Item", 4, 9_553),
    ]
    .into_iter()
    .map(|(k, d, n)| ((k.to_string(), d), n))
    .collect();
    assert_eq!(kinds, want);
    assert_eq!(row_meta(&rows[0]), "10000 items · 2972/41676 pts · 7% done");
    assert_eq!(
        (rows[1].key.as_str(), row_meta(&rows[1])),
        ("o-0", "1918 items · 625/8219.5 pts · 8% done".to_string())
    );
    let last = &rows[10_525];
    assert_eq!(
        (
            last.key.as_str(),
            last.parent.clone(),
            last.position,
            last.siblings,
            last.prev.clone(),
            row_meta(last)
        ),
        (
            "i-7pn",
            None,
            271,
            271,
            Some(id("i", 9958)),
            "3 pts · To do".to_string()
        )
    );

    let search = Filter {
        text: "export".into(),
        ..Filter::default()
    };
    let found = outline(&p, RoleSetting::Separate, &none, &search);
    assert_eq!(found.len(), 377);
    // Pinned like the last row above, on purpose: the fields that matter for this row.
    let f = &found[3];
    assert_eq!(
        (
            f.key.as_str(),
            f.position,
            f.siblings,
            row_meta(f),
            f.after_next.clone()
        ),
        (
            "f-k",
            3,
            50,
            "26 items · 0.5/132 pts · 0% done".to_string(),
            Some(id("f", 40))
        )
    );
    assert_eq!(found[376].key, "i-797");
}

// ---------- timing (not a test: run by hand) ----------

/// The product with its features spread over the roadmap: every horizon, and end months
/// over two years, some features on neither.
fn on_roadmap(mut p: Product) -> Product {
    for (n, f) in p.features.iter_mut().enumerate() {
        f.horizon = (n % 7 != 3).then(|| Horizon::ALL[n % 3]);
        f.end =
            (n % 5 != 1).then(|| Month::new(2026 + (n % 2) as i32, (n % 12) as u8 + 1).unwrap());
    }
    p
}

fn roadmap_buckets() -> Vec<Bucket> {
    let mut b: Vec<Bucket> = Horizon::ALL.into_iter().map(Bucket::Horizon).collect();
    for year in [2025, 2026, 2027] {
        for month in [1, 4, 7, 10] {
            b.push(Bucket::Quarter(Month::new(year, month).unwrap()));
        }
    }
    b
}

#[test]
fn reality_check_matches_the_reference_for_every_bucket() {
    for p in [
        on_roadmap(big_product(10_000, 500)),
        on_roadmap(odd_product()),
    ] {
        let mut seen = 0;
        for b in roadmap_buckets() {
            let fast = reality(&p, &b);
            let slow = reference::reality_counts(&p, &b);
            assert_eq!(
                (
                    fast.features,
                    fast.broken_down,
                    fast.items,
                    fast.estimated,
                    fast.ready
                ),
                (slow.0, slow.1, slow.2, slow.3, slow.4),
                "{b:?}"
            );
            assert_eq!(fast.points_left, slow.5, "{b:?}");
            seen += fast.items;
        }
        // The buckets hold items at all, so the comparison is not of empty counts.
        assert!(seen > p.items.len() / 2, "only {seen} items in buckets");
    }
}

/// Prints how long the big product takes. Not a test, and nothing is asserted: run it with
/// `cargo test --release --test model_speed_equivalence -- --ignored --nocapture`.
#[test]
#[ignore]
fn time_big_product() {
    use std::time::Instant;
    let p = big_product(10_000, 500);
    let time = |what: &str, f: &mut dyn FnMut() -> usize| {
        let mut runs: Vec<f64> = (0..15)
            .map(|_| {
                let t = Instant::now();
                std::hint::black_box(f());
                t.elapsed().as_secs_f64() * 1000.0
            })
            .collect();
        runs.sort_by(f64::total_cmp);
        println!(
            "{what:<40} median {:>8.2} ms  min {:>8.2} ms  ({} rows)",
            runs[runs.len() / 2],
            runs[0],
            f()
        );
    };
    let none = HashSet::new();
    let all: HashSet<String> = p.features.iter().map(|f| f.id.to_string()).collect();
    let search = Filter {
        text: "export".into(),
        ..Filter::default()
    };
    time("backlog_rows, no filter", &mut || {
        backlog_rows(&p, &BacklogFilter::default(), Scheme::Rank).len()
    });
    time("backlog_rows, no filter, by WSJF", &mut || {
        backlog_rows(&p, &BacklogFilter::default(), Scheme::Wsjf).len()
    });
    time("backlog_rows, text filter (10%)", &mut || {
        backlog_rows(&p, &export(), Scheme::Rank).len()
    });
    time("forecast", &mut || forecast(&p).len());
    time("outline, nothing folded", &mut || {
        outline(&p, RoleSetting::Separate, &none, &Filter::default()).len()
    });
    time("outline, every feature folded", &mut || {
        outline(&p, RoleSetting::Separate, &all, &Filter::default()).len()
    });
    time("outline, text filter", &mut || {
        outline(&p, RoleSetting::Separate, &none, &search).len()
    });
    time("feature_rollup for every feature", &mut || {
        p.features
            .iter()
            .map(|f| feature_rollup(&p, &f.id).items)
            .sum()
    });
    time("theme_rollup for every theme", &mut || {
        p.themes.iter().map(|t| theme_rollup(&p, &t.id).items).sum()
    });
    let road = on_roadmap(big_product(10_000, 500));
    time("reality check, every bucket", &mut || {
        roadmap_buckets()
            .iter()
            .map(|b| reality(&road, b).items)
            .sum()
    });
    // One undoable edit and one reorder of an item, as the backlog page makes them.
    let mut ws = Workspace::default();
    ws.products.push(p.clone());
    // What every load and import pays on top of parsing.
    time("validate_workspace", &mut || {
        validate_workspace(&ws).map(|()| ws.products.len()).unwrap()
    });
    time("storage: what was written (Written::of)", &mut || {
        twohats::storage::chunks::Written::of(&p).chunks.len()
    });
    let mut history = History::with_labels(command_label);
    let (pid, item) = (p.id.clone(), p.items[5000].clone());
    time("history: edit one item", &mut || {
        let cmd = Command::Edit {
            product: pid.clone(),
            entity: Entity::Item(item.clone()),
        };
        history
            .apply(&mut ws, cmd)
            .map(|c| c.products.len())
            .unwrap()
    });
    time("history: reorder one item", &mut || {
        let cmd = Command::Reorder {
            product: pid.clone(),
            kind: Kind::Item,
            id: item.id.clone(),
            to_index: 10,
        };
        history
            .apply(&mut ws, cmd)
            .map(|c| c.products.len())
            .unwrap()
    });
}

// ---------- the reference: the code before it was made fast ----------

mod reference {
    /// The reality check's counts as they were first written: a scan of the bucket's
    /// feature ids for every item, and of the items for every feature.
    /// (features, broken down, items, estimated, ready or done, points left)
    pub fn reality_counts(
        p: &Product,
        bucket: &twohats::model::roadmap::Bucket,
    ) -> (usize, usize, usize, usize, usize, f64) {
        let features = twohats::model::roadmap::in_bucket(p, bucket);
        let ids: Vec<&Id> = features.iter().map(|f| &f.id).collect();
        let items: Vec<&Item> = p
            .items
            .iter()
            .filter(|i| i.feature.as_ref().is_some_and(|f| ids.contains(&f)))
            .collect();
        let broken_down = features
            .iter()
            .filter(|f| items.iter().any(|i| i.feature.as_ref() == Some(&f.id)))
            .count();
        let ready = items
            .iter()
            .filter(|i| {
                i.status == ItemStatus::Done
                    || twohats::model::readiness::is_ready(&p.definition_of_ready, i)
            })
            .count();
        let points_left = items
            .iter()
            .filter(|i| i.status != ItemStatus::Done)
            .filter_map(|i| i.estimate)
            .sum::<f64>()
            + 0.0;
        let estimated = items.iter().filter(|i| i.estimate.is_some()).count();
        (
            features.len(),
            broken_down,
            items.len(),
            estimated,
            ready,
            points_left,
        )
    }

    use std::collections::{HashMap, HashSet};
    use twohats::model::backlog::{BacklogFilter, BacklogRow, Forecast, Misplaced};
    use twohats::model::bounds;
    use twohats::model::outline::{Facts, Filter, Loose, Row, RowKind};
    use twohats::model::planning::{Slot, SprintLoad};
    use twohats::model::readiness::meets;
    use twohats::model::rollup::{key_result_progress, Rollup};
    use twohats::model::scoring::{self, Scheme};
    use twohats::model::*;
    use twohats::text::numbers::plain;

    fn is_ready(rules: &[ReadyRule], i: &Item) -> bool {
        rules.iter().all(|r| meets(*r, i))
    }

    /// The readiness as the row said it when it held words.
    pub fn describe(rules: &[ReadyRule], i: &Item) -> String {
        let m: Vec<ReadyRule> = rules.iter().copied().filter(|r| !meets(*r, i)).collect();
        if m.is_empty() {
            "Ready".into()
        } else {
            format!(
                "Missing: {}",
                m.iter().map(|r| r.label()).collect::<Vec<_>>().join(", ")
            )
        }
    }

    pub fn format_score(v: Option<f64>) -> String {
        match v {
            None => "—".into(),
            // Numbers are written by `model::numbers` (never "inf"), here as in the app.
            Some(x) => plain((x * 100.0).round() / 100.0),
        }
    }

    /// The forecast as the row said it when it held words.
    pub fn forecast_words(p: &Product, slot: Option<&Slot>) -> String {
        match slot {
            Some(Slot::Done) => "Done".into(),
            Some(Slot::Sprint(s)) => p.sprint(s).map(|s| s.name.clone()).unwrap_or_default(),
            Some(Slot::AtRisk(s)) => format!(
                "{}, at risk: over-committed",
                p.sprint(s).map(|s| s.name.clone()).unwrap_or_default()
            ),
            Some(Slot::Wont) => "Not forecast (Won't)".into(),
            Some(Slot::Future(n)) => format!("Sprint +{n}"),
            Some(Slot::NeedsEstimate) => "Needs an estimate".into(),
            Some(Slot::Unknown) | None => "—".into(),
        }
    }

    fn ref_accepts(r: &RefFilter, v: Option<&Id>) -> bool {
        match r {
            RefFilter::Any => true,
            RefFilter::None => v.is_none(),
            RefFilter::Is(id) => v == Some(id),
        }
    }
    use twohats::model::backlog::RefFilter;

    pub fn accepts(f: &BacklogFilter, p: &Product, i: &Item) -> bool {
        let text = f.text.trim().to_lowercase();
        (text.is_empty()
            || [
                &i.title,
                &i.description,
                &i.story.i_want,
                &i.story.as_a,
                &i.story.so_that,
            ]
            .iter()
            .any(|t| t.to_lowercase().contains(&text)))
            && f.kind.is_none_or(|k| i.kind == k)
            && f.status.is_none_or(|s| i.status == s)
            && f.priority.is_none_or(|pr| i.priority == pr)
            && ref_accepts(&f.feature, i.feature.as_ref())
            && ref_accepts(&f.sprint, i.sprint.as_ref())
            && f.ready
                .is_none_or(|r| is_ready(&p.definition_of_ready, i) == r)
    }

    pub fn backlog_rows(p: &Product, filter: &BacklogFilter, scheme: Scheme) -> Vec<BacklogRow> {
        let slots = forecast(p);
        let kept: Vec<(usize, &Item)> = p
            .items
            .iter()
            .enumerate()
            .filter(|(_, i)| accepts(filter, p, i))
            .collect();
        let refs: Vec<&Item> = kept.iter().map(|(_, i)| *i).collect();
        scoring::order_by(scheme, &refs)
            .into_iter()
            .map(|k| {
                let (n, i) = kept[k];
                let slot = slots.get(&i.id);
                BacklogRow {
                    id: i.id.clone(),
                    rank: n + 1,
                    kind: i.kind,
                    title: i.title.clone(),
                    feature: i
                        .feature
                        .as_ref()
                        .and_then(|f| p.feature(f))
                        .map(|f| f.title.clone()),
                    estimate: i.estimate,
                    estimate_flag: bounds::flag(bounds::Field::Estimate, i.estimate),
                    priority: i.priority,
                    status: i.status,
                    sprint: i
                        .sprint
                        .as_ref()
                        .and_then(|s| p.sprint(s))
                        .map(|s| s.name.clone()),
                    missing: p
                        .definition_of_ready
                        .iter()
                        .copied()
                        .filter(|r| !meets(*r, i))
                        .collect(),
                    criteria: i.acceptance.len(),
                    value_effort: scoring::value_effort(i),
                    wsjf: scoring::wsjf(i),
                    rice: scoring::rice(i),
                    score_flag: bounds::first_flag(&bounds::item_numbers(i)[1..]),
                    forecast: match slot {
                        Some(Slot::Done) => Forecast::Done,
                        Some(Slot::Sprint(s)) => Forecast::Sprint(
                            p.sprint(s).map(|s| s.name.clone()).unwrap_or_default(),
                        ),
                        Some(Slot::AtRisk(s)) => Forecast::AtRisk(
                            p.sprint(s).map(|s| s.name.clone()).unwrap_or_default(),
                        ),
                        Some(Slot::Wont) => Forecast::Wont,
                        Some(Slot::Future(n)) => Forecast::Future(*n),
                        Some(Slot::NeedsEstimate) => Forecast::NeedsEstimate,
                        Some(Slot::Unknown) | None => Forecast::Unknown,
                    },
                    blocked_by: open_blockers(p, i)
                        .iter()
                        .map(|b| b.title.clone())
                        .collect(),
                    order_problem: order_problem(p, n, i),
                }
            })
            .collect()
    }

    fn open_blockers<'a>(p: &'a Product, i: &Item) -> Vec<&'a Item> {
        if i.status == ItemStatus::Done {
            return vec![];
        }
        i.depends_on
            .iter()
            .filter_map(|d| p.item(d))
            .filter(|b| b.status != ItemStatus::Done)
            .collect()
    }

    /// The first open blocker planned after it (or not at all, while it is planned), else
    /// ranked below it.
    fn order_problem(p: &Product, n: usize, i: &Item) -> Option<(Misplaced, String)> {
        let sprint_at = |i: &Item| {
            i.sprint
                .as_ref()
                .and_then(|s| p.sprints.iter().position(|x| &x.id == s))
        };
        open_blockers(p, i).into_iter().find_map(|b| {
            let planned_first = match (sprint_at(i), sprint_at(b)) {
                (Some(_), None) => true,
                (Some(mine), Some(theirs)) => mine < theirs,
                _ => false,
            };
            let rank = p.items.iter().position(|x| x.id == b.id).unwrap_or(0);
            if planned_first {
                Some((Misplaced::PlannedBefore, b.title.clone()))
            } else if rank > n {
                Some((Misplaced::RankedAbove, b.title.clone()))
            } else {
                None
            }
        })
    }

    fn sprint_load(p: &Product, s: &Sprint) -> SprintLoad {
        let mut load = SprintLoad {
            sprint: s.id.clone(),
            committed: 0.0,
            done: 0.0,
            items: 0,
            unestimated: 0,
            capacity: s.capacity,
            // Only `done` is read here (for the velocity).
            limit: None,
            by_velocity: None,
        };
        for i in p.items.iter().filter(|i| i.sprint.as_ref() == Some(&s.id)) {
            load.items += 1;
            match i.estimate {
                Some(e) => {
                    load.committed += e;
                    if i.status == ItemStatus::Done {
                        load.done += e;
                    }
                }
                None => load.unestimated += 1,
            }
        }
        load
    }

    fn velocity(p: &Product) -> Option<f64> {
        let finished: Vec<&Sprint> = p
            .sprints
            .iter()
            .filter(|s| s.state == SprintState::Finished)
            .collect();
        let last: Vec<&&Sprint> = finished.iter().rev().take(3).collect();
        if last.is_empty() {
            return None;
        }
        let total: f64 = last.iter().map(|s| sprint_load(p, s).done).sum();
        Some(total / last.len() as f64)
    }

    /// The forecast rule written plainly: a sprint holds min(capacity, velocity); planned
    /// items past that line are at risk; the rest flow in rank order; Won't items are not
    /// forecast.
    pub fn forecast(p: &Product) -> HashMap<Id, Slot> {
        let vel = velocity(p);
        let upcoming: Vec<&Sprint> = p
            .sprints
            .iter()
            .filter(|s| s.state != SprintState::Finished)
            .collect();
        let limit: Vec<f64> = upcoming
            .iter()
            .map(|s| match (s.capacity, vel) {
                (Some(c), Some(v)) => c.min(v),
                (c, v) => c.or(v).unwrap_or(0.0),
            })
            .collect();
        let planned_into = |i: &Item| {
            upcoming
                .iter()
                .position(|u| i.sprint.as_ref() == Some(&u.id))
        };
        let mut used: Vec<f64> = vec![0.0; upcoming.len()];
        for i in p.items.iter().filter(|i| i.status == ItemStatus::Done) {
            if let (Some(k), Some(e)) = (planned_into(i), i.estimate) {
                used[k] += e;
            }
        }
        let mut out = HashMap::new();
        for i in p.items.iter().filter(|i| i.status != ItemStatus::Done) {
            if let Some(k) = planned_into(i) {
                let e = i.estimate.unwrap_or(0.0);
                used[k] += e;
                let id = upcoming[k].id.clone();
                let risk = e > 0.0 && used[k] > limit[k] + 1e-9;
                out.insert(
                    i.id.clone(),
                    if risk {
                        Slot::AtRisk(id)
                    } else {
                        Slot::Sprint(id)
                    },
                );
            }
        }
        let mut room: Vec<f64> = limit.iter().zip(&used).map(|(l, u)| l - u).collect();
        let mut empty: Vec<bool> = used
            .iter()
            .zip(&limit)
            .map(|(u, l)| *u == 0.0 && *l > 0.0)
            .collect();
        let fits = |room: f64, empty: bool, points: f64| room >= points || empty;
        let mut cursor = 0usize;
        let (mut future, mut future_room) = (0usize, 0.0f64);
        for i in &p.items {
            if out.contains_key(&i.id) {
                continue;
            }
            if i.status == ItemStatus::Done {
                out.insert(i.id.clone(), Slot::Done);
                continue;
            }
            if i.priority == Some(Priority::Wont) {
                out.insert(i.id.clone(), Slot::Wont);
                continue;
            }
            let Some(points) = i.estimate else {
                out.insert(i.id.clone(), Slot::NeedsEstimate);
                continue;
            };
            while cursor < upcoming.len() && !fits(room[cursor], empty[cursor], points) {
                cursor += 1;
            }
            if cursor < upcoming.len() {
                room[cursor] -= points;
                empty[cursor] = false;
                out.insert(i.id.clone(), Slot::Sprint(upcoming[cursor].id.clone()));
                continue;
            }
            let Some(v) = vel.filter(|v| *v > 0.0) else {
                out.insert(i.id.clone(), Slot::Unknown);
                continue;
            };
            if future == 0 || !fits(future_room, future_room == v, points) {
                future += 1;
                future_room = v;
            }
            future_room -= points;
            out.insert(i.id.clone(), Slot::Future(future));
        }
        out
    }

    pub fn feature_rollup(p: &Product, feature: &Id) -> Rollup {
        Rollup::of(
            p.items
                .iter()
                .filter(|i| i.feature.as_ref() == Some(feature)),
        )
    }

    /// The ids of the features whose theme passes `theme`.
    fn features_where(p: &Product, theme: impl Fn(Option<&Id>) -> bool) -> Vec<&Id> {
        p.features
            .iter()
            .filter(|f| theme(f.theme.as_ref()))
            .map(|f| &f.id)
            .collect()
    }

    /// The roll-up of the items under any of `features`.
    fn rollup_of_features(p: &Product, features: &[&Id]) -> Rollup {
        Rollup::of(
            p.items
                .iter()
                .filter(|i| i.feature.as_ref().is_some_and(|f| features.contains(&f))),
        )
    }

    pub fn theme_rollup(p: &Product, theme: &Id) -> Rollup {
        rollup_of_features(p, &features_where(p, |t| t == Some(theme)))
    }

    pub fn objective_rollup(p: &Product, objective: &Id) -> Rollup {
        let themes: Vec<&Id> = p
            .themes
            .iter()
            .filter(|t| t.objective.as_ref() == Some(objective))
            .map(|t| &t.id)
            .collect();
        let features = features_where(p, |t| t.is_some_and(|t| themes.contains(&t)));
        rollup_of_features(p, &features)
    }

    fn add(a: &mut Rollup, b: &Rollup) {
        a.items += b.items;
        a.done_items += b.done_items;
        a.points += b.points;
        a.points_done += b.points_done;
        a.unestimated += b.unestimated;
    }

    struct Rollups {
        product: Rollup,
        by_feature: HashMap<Id, Rollup>,
        by_theme: HashMap<Id, Rollup>,
        by_objective: HashMap<Id, Rollup>,
    }

    fn rollups(p: &Product) -> Rollups {
        let mut by_feature: HashMap<Id, Rollup> = HashMap::new();
        let mut loose_items = Rollup::default();
        for i in &p.items {
            let r = Rollup::of([i]);
            match &i.feature {
                Some(f) => add(by_feature.entry(f.clone()).or_default(), &r),
                None => add(&mut loose_items, &r),
            }
        }
        let mut by_theme: HashMap<Id, Rollup> = HashMap::new();
        for f in &p.features {
            if let (Some(t), Some(r)) = (&f.theme, by_feature.get(&f.id)) {
                add(by_theme.entry(t.clone()).or_default(), r);
            }
        }
        let mut by_objective: HashMap<Id, Rollup> = HashMap::new();
        for t in &p.themes {
            if let (Some(o), Some(r)) = (&t.objective, by_theme.get(&t.id)) {
                add(by_objective.entry(o.clone()).or_default(), r);
            }
        }
        Rollups {
            product: Rollup::of(&p.items),
            by_feature,
            by_theme,
            by_objective,
        }
    }

    struct Node {
        row: Row,
        children: Vec<Node>,
        matches: bool,
    }

    fn with_siblings(mut nodes: Vec<Node>) -> Vec<Node> {
        set_siblings(&mut nodes);
        nodes
    }

    fn set_siblings(nodes: &mut [Node]) {
        let ids: Vec<Option<Id>> = nodes.iter().map(|n| n.row.id.clone()).collect();
        let n = nodes.len();
        for (i, node) in nodes.iter_mut().enumerate() {
            node.row.position = i + 1;
            node.row.siblings = n;
            node.row.prev = if i > 0 { ids[i - 1].clone() } else { None };
            node.row.next = ids.get(i + 1).cloned().flatten();
            node.row.after_next = ids.get(i + 2).cloned().flatten();
        }
    }

    // The levels' closures below are deliberately alike: the reference is the outline
    // as the model built it before, written out level by level, so that the model's
    // faster builder is checked against an independent walk, not a shared one.
    pub fn outline(
        p: &Product,
        _roles: RoleSetting,
        collapsed: &HashSet<String>,
        filter: &Filter,
    ) -> Vec<Row> {
        let sums = rollups(p);
        let text = filter.text.trim().to_lowercase();
        let hat_ok = |level: Level| match filter.hat {
            None => true,
            Some(h) => {
                let o = owner(level, RoleSetting::Separate);
                o.hat == h || o.helper == Some(h)
            }
        };
        let matches = |level: Level, title: &str, kind: Option<ItemKind>| {
            (text.is_empty() || title.to_lowercase().contains(&text))
                && hat_ok(level)
                && match filter.item_kind {
                    None => true,
                    Some(k) => kind == Some(k),
                }
        };
        let row = |key: String, kind: RowKind, id: Option<Id>, title: String| Row {
            key,
            kind,
            id,
            depth: 0,
            title,
            facts: Facts::None,
            colour: None,
            item_kind: None,
            has_children: false,
            expanded: true,
            parent: None,
            position: 1,
            siblings: 1,
            prev: None,
            next: None,
            after_next: None,
        };
        let entity_row = |kind: RowKind, id: &Id, title: &str| {
            row(id.to_string(), kind, Some(id.clone()), title.to_string())
        };

        // One closure a level (items, features, themes), alike on purpose: this is the
        // specification as it was written, each level with its own details.
        let item_nodes = |feature: Option<&Id>| -> Vec<Node> {
            with_siblings(
                p.items
                    .iter()
                    .filter(|i| i.feature.as_ref() == feature)
                    .map(|i| {
                        let mut r = entity_row(RowKind::Item, &i.id, &i.title);
                        r.item_kind = Some(i.kind);
                        r.parent = feature.cloned();
                        r.facts = Facts::Item {
                            kind: i.kind,
                            estimate: i.estimate,
                            status: i.status,
                        };
                        Node {
                            matches: matches(Level::Item, &i.title, Some(i.kind)),
                            row: r,
                            children: vec![],
                        }
                    })
                    .collect(),
            )
        };
        let feature_nodes = |theme: Option<&Id>| -> Vec<Node> {
            with_siblings(
                p.features
                    .iter()
                    .filter(|f| f.theme.as_ref() == theme)
                    .map(|f| {
                        let mut r = entity_row(RowKind::Feature, &f.id, &f.title);
                        r.parent = theme.cloned();
                        r.facts = Facts::Feature {
                            status: f.status,
                            rollup: *sums.by_feature.get(&f.id).unwrap_or(&Rollup::default()),
                        };
                        Node {
                            matches: matches(Level::Feature, &f.title, None),
                            row: r,
                            children: item_nodes(Some(&f.id)),
                        }
                    })
                    .collect(),
            )
        };
        let theme_nodes = |objective: Option<&Id>| -> Vec<Node> {
            with_siblings(
                p.themes
                    .iter()
                    .filter(|t| t.objective.as_ref() == objective)
                    .map(|t| {
                        let mut r = entity_row(RowKind::Theme, &t.id, &t.name);
                        r.colour = Some(t.colour.clone());
                        r.parent = objective.cloned();
                        r.facts =
                            Facts::Rollup(*sums.by_theme.get(&t.id).unwrap_or(&Rollup::default()));
                        Node {
                            matches: matches(Level::Theme, &t.name, None),
                            row: r,
                            children: feature_nodes(Some(&t.id)),
                        }
                    })
                    .collect(),
            )
        };

        let mut top: Vec<Node> = p
            .objectives
            .iter()
            .map(|o| {
                let mut r = entity_row(RowKind::Objective, &o.id, &o.title);
                r.facts =
                    Facts::Rollup(*sums.by_objective.get(&o.id).unwrap_or(&Rollup::default()));
                let mut children: Vec<Node> = o
                    .key_results
                    .iter()
                    .map(|k| {
                        let mut kr = entity_row(RowKind::KeyResult, &k.id, &k.title);
                        kr.facts = Facts::KeyResult {
                            start: k.start,
                            target: k.target,
                            current: k.current,
                            unit: k.unit.clone(),
                            progress: key_result_progress(k),
                        };
                        kr.parent = Some(o.id.clone());
                        Node {
                            matches: matches(Level::Objective, &k.title, None),
                            row: kr,
                            children: vec![],
                        }
                    })
                    .collect();
                set_siblings(&mut children);
                children.extend(theme_nodes(Some(&o.id)));
                Node {
                    matches: matches(Level::Objective, &o.title, None),
                    row: r,
                    children,
                }
            })
            .collect();
        set_siblings(&mut top);
        for (loose, children) in [
            (Loose::Themes, theme_nodes(None)),
            (Loose::Features, feature_nodes(None)),
            (Loose::Items, item_nodes(None)),
        ] {
            if children.is_empty() {
                continue;
            }
            let mut r = row(
                loose.key().to_string(),
                RowKind::Loose(loose),
                None,
                String::new(),
            );
            r.facts = Facts::ToPlace(children.len());
            top.push(Node {
                row: r,
                children,
                matches: false,
            });
        }

        let mut product = entity_row(RowKind::Product, &p.id, &p.name);
        product.facts = Facts::Rollup(sums.product);
        let root = Node {
            matches: matches(Level::Product, &p.name, None),
            row: product,
            children: top,
        };

        let filtering = filter.is_active();
        let mut out = Vec::new();
        flatten(root, 0, collapsed, filtering, &mut out);
        out
    }

    fn any_match(n: &Node) -> bool {
        n.matches || n.children.iter().any(any_match)
    }

    fn flatten(
        mut node: Node,
        depth: u8,
        collapsed: &HashSet<String>,
        filtering: bool,
        out: &mut Vec<Row>,
    ) {
        if filtering && !any_match(&node) {
            return;
        }
        node.row.depth = depth;
        node.row.has_children = !node.children.is_empty();
        node.row.expanded = filtering || !collapsed.contains(&node.row.key);
        let expanded = node.row.expanded;
        out.push(node.row);
        if expanded {
            for child in node.children {
                flatten(child, depth + 1, collapsed, filtering, out);
            }
        }
    }
}
