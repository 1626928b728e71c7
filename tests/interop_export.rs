#![cfg(not(target_arch = "wasm32"))]
//! The CSV profiles for Jira, Linear and Azure DevOps (issue 22, item 2): headers,
//! types, parents and hierarchy, quoting, formula protection, Azure's 1,000-row files,
//! and the mapping the page states. The files the Node check in e2e/interop runs through
//! Linear's own importer are generated here too, and must not drift from the export.

mod common;

use common::{criterion, feature, id, sprint};
use twohats::csv_export::{acceptance, azure, description, jira, linear, Profile, TypeRule};
use twohats::model::sample::{counter_ids, sample_workspace};
use twohats::model::*;

fn read_csv(text: &str) -> (Vec<String>, Vec<Vec<String>>) {
    let mut r = csv::ReaderBuilder::new()
        .flexible(false)
        .from_reader(text.as_bytes());
    let header = r.headers().unwrap().iter().map(str::to_string).collect();
    let rows = r
        .records()
        .map(|rec| rec.unwrap().iter().map(str::to_string).collect())
        .collect();
    (header, rows)
}

/// Two features (the second waiting for the first), a sprint, and one item of each kind
/// with the awkward text a CSV must carry: commas, quotes, a line break, a formula.
fn trail() -> Product {
    let mut p = Product::new(id("p-1"), "Trail Finder");
    let mut alerts = feature("f-1", "Closure alerts", None, None);
    alerts.status = FeatureStatus::InProgress;
    let mut maps = feature("f-2", "Offline maps, v2", None, None);
    maps.depends_on = vec![id("f-1")];
    p.features = vec![alerts, maps];
    p.sprints = vec![sprint("s-1", "Sprint 7", SprintState::Active, None)];

    let mut story = Item::new(
        id("i-1"),
        ItemKind::Story,
        "Get an alert when a trail closes",
    );
    story.story.as_a = "day hiker".into();
    story.story.i_want = "an alert".into();
    story.story.so_that = "I don't drive to a closed trailhead".into();
    story.description = "Push and e-mail, one per closure.".into();
    let mut done = criterion("c-1");
    done.text = "An alert within 15 minutes".into();
    done.done = true;
    story.acceptance = vec![done, criterion("c-2")];
    story.estimate = Some(5.0);
    story.priority = Some(Priority::Must);
    story.status = ItemStatus::InProgress;
    story.feature = Some(id("f-1"));
    story.sprint = Some(id("s-1"));

    let mut spike = Item::new(id("i-2"), ItemKind::Spike, "Which closure feed?");
    spike.estimate = Some(2.5);
    spike.priority = Some(Priority::Should);
    spike.feature = Some(id("f-1"));

    let mut bug = Item::new(
        id("i-3"),
        ItemKind::Bug,
        "Map tiles flicker, \"badly\"\nwhen zooming",
    );
    bug.description = "Seen on Android 14.".into();
    bug.priority = Some(Priority::Wont);
    bug.status = ItemStatus::Done;

    let mut task = Item::new(id("i-4"), ItemKind::Task, "=HYPERLINK(\"http://x\")");
    task.estimate = Some(1.0);
    task.priority = Some(Priority::Could);
    task.feature = Some(id("f-2"));
    task.depends_on = vec![id("i-1"), id("i-3")];
    p.items = vec![story, spike, bug, task];
    p
}

fn strings(v: &[&str]) -> Vec<String> {
    v.iter().map(|s| s.to_string()).collect()
}

fn rule_lines(rules: &[TypeRule]) -> Vec<String> {
    rules.iter().map(ToString::to_string).collect()
}

// ---------- Jira ----------

#[test]
fn jira_writes_epics_first_with_ids_that_items_name_as_parent() {
    let (header, rows) = read_csv(&jira::csv(&trail(), jira::Project::CompanyManaged));
    assert_eq!(
        header,
        strings(&[
            "Issue ID",
            "Parent",
            "Issue Type",
            "Summary",
            "Description",
            "Story Points",
            "Priority",
            "Status",
            "Sprint",
            "Labels",
            "Blocked By",
            "Blocked By",
        ])
    );
    let story_text =
        "As a day hiker, I want an alert, so that I don't drive to a closed trailhead\n\n\
                      Push and e-mail, one per closure.\n\n\
                      *Acceptance criteria*\n* (/) An alert within 15 minutes\n* Criterion c-2";
    let expected: Vec<Vec<&str>> = vec![
        vec![
            "1",
            "",
            "Epic",
            "Closure alerts",
            "",
            "",
            "",
            "In Progress",
            "",
            "",
            "",
            "",
        ],
        vec![
            "2",
            "",
            "Epic",
            "Offline maps, v2",
            "",
            "",
            "",
            "To Do",
            "",
            "",
            "1",
            "",
        ],
        vec![
            "3",
            "1",
            "Story",
            "Get an alert when a trail closes",
            story_text,
            "5",
            "Highest",
            "In Progress",
            "Sprint 7",
            "",
            "",
            "",
        ],
        vec![
            "4",
            "1",
            "Task",
            "Which closure feed?",
            "",
            "2.5",
            "High",
            "To Do",
            "",
            "spike",
            "",
            "",
        ],
        vec![
            "5",
            "",
            "Bug",
            "Map tiles flicker, \"badly\"\nwhen zooming",
            "Seen on Android 14.",
            "",
            "Lowest",
            "Done",
            "",
            "",
            "",
            "",
        ],
        vec![
            "6",
            "2",
            "Task",
            "'=HYPERLINK(\"http://x\")",
            "",
            "1",
            "Medium",
            "To Do",
            "",
            "",
            "3",
            "5",
        ],
    ];
    assert_eq!(rows, expected);
}

#[test]
fn jira_names_the_points_field_after_the_project_kind_and_keeps_one_link_column() {
    let mut p = trail();
    for i in &mut p.items {
        i.depends_on.clear();
    }
    p.features[1].depends_on.clear();
    let (header, _) = read_csv(&jira::csv(&p, jira::Project::TeamManaged));
    assert_eq!(header[5], "Story point estimate");
    assert_eq!(header.len(), 11, "one Blocked By column even with no links");
    // An empty product is the header alone.
    let empty = Product::new(id("p-2"), "Empty");
    assert_eq!(
        read_csv(&jira::csv(&empty, jira::Project::CompanyManaged))
            .1
            .len(),
        0
    );
}

#[test]
fn jira_quotes_the_text_rfc_4180_needs_quoted() {
    let text = jira::csv(&trail(), jira::Project::CompanyManaged);
    assert!(text.contains(",\"Map tiles flicker, \"\"badly\"\"\nwhen zooming\","));
    assert!(text.contains(",\"Offline maps, v2\","));
    assert!(text.contains(",\"'=HYPERLINK(\"\"http://x\"\")\","));
}

#[test]
fn jira_mapping_says_what_a_spike_becomes() {
    assert_eq!(
        rule_lines(&jira::mapping()),
        [
            "Feature → Epic, its items linked to it by Parent",
            "Story → Story",
            "Technical task → Task",
            "Spike → Task, labelled spike (Jira has no Spike type)",
            "Bug → Bug",
        ]
    );
    let notes = jira::notes(jira::Project::TeamManaged).join(" ");
    assert!(notes.contains("Story point estimate"), "{notes}");
}

// ---------- Linear ----------

#[test]
fn linear_writes_the_columns_of_a_linear_export_in_linear_words() {
    let (header, rows) = read_csv(&linear::csv(&trail()));
    assert_eq!(header, linear::HEADER);
    // Deliberately the same list as `linear::HEADER`, written out: a change to the
    // columns Linear's importer reads must fail here, not pass along with the source.
    assert_eq!(
        linear::HEADER,
        [
            "ID",
            "Team",
            "Title",
            "Description",
            "Status",
            "Estimate",
            "Priority",
            "Labels",
            "Cycle Name",
            "Parent issue"
        ]
    );
    // Each row's ID is its own stable id (or the key it was imported with), so a later
    // export matches the same items whatever has been added or moved since.
    let ids: Vec<&str> = rows.iter().map(|r| r[0].as_str()).collect();
    assert_eq!(ids, ["f-1", "f-2", "i-1", "i-2", "i-3", "i-4"]);
    let parents: Vec<&str> = rows.iter().map(|r| r[9].as_str()).collect();
    assert_eq!(parents, ["", "", "f-1", "f-1", "", "f-2"]);
    let column = |n: usize| rows.iter().map(|r| r[n].clone()).collect::<Vec<_>>();
    assert_eq!(column(1), vec!["Trail Finder"; 6]);
    assert_eq!(
        column(4),
        [
            "In Progress",
            "Backlog",
            "In Progress",
            "Todo",
            "Done",
            "Todo"
        ]
    );
    assert_eq!(
        column(5),
        ["", "", "5", "3", "", "1"],
        "2.5 points round up to 3"
    );
    assert_eq!(
        column(6),
        [
            "No priority",
            "No priority",
            "Urgent",
            "High",
            "Low",
            "Medium"
        ]
    );
    assert_eq!(
        column(7),
        ["Feature", "Feature", "Story", "Spike", "Bug", "Task"]
    );
    assert_eq!(column(8), ["", "", "Sprint 7", "", "", ""]);
    assert_eq!(
        rows[2][3],
        "As a day hiker, I want an alert, so that I don't drive to a closed trailhead\n\n\
         Push and e-mail, one per closure.\n\n- [x] An alert within 15 minutes\n- [ ] Criterion c-2"
    );
    assert_eq!(rows[4][2], "Map tiles flicker, \"badly\"\nwhen zooming");
}

#[test]
fn linear_protects_only_what_its_importer_unprotects() {
    // Linear's importer strips a `'` before = + - @; before a tab it would keep it.
    for (text, written) in [
        ("=1+1", "'=1+1"),
        ("+1 for dark mode", "'+1 for dark mode"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("-2+3", "'-2+3"),
        ("\tTabbed", "\tTabbed"),
        ("- a list line", "- a list line"),
        ("-2", "-2"),
        ("Plain = fine", "Plain = fine"),
    ] {
        assert_eq!(linear::inert(text), written, "{text:?}");
    }
    assert_eq!(
        read_csv(&linear::csv(&trail())).1[5][2],
        "'=HYPERLINK(\"http://x\")"
    );
}

#[test]
fn linear_estimates_and_mapping() {
    assert_eq!(linear::estimate(Some(0.5)), "1");
    assert_eq!(linear::estimate(Some(8.0)), "8");
    assert_eq!(linear::estimate(Some(1e300)), "");
    assert_eq!(linear::estimate(None), "");
    assert_eq!(
        rule_lines(&linear::mapping())[..2],
        [
            "Feature → parent issue labelled Feature, its items as sub-issues",
            "Story → issue, labelled Story (Linear has no issue types)",
        ]
    );
}

// ---------- Azure DevOps ----------

fn agile() -> azure::Options {
    azure::Options {
        template: azure::Template::Agile,
        project: "Trails".into(),
    }
}

#[test]
fn azure_indents_items_under_their_feature_and_leaves_id_and_state_out() {
    let files = azure::files(&trail(), &agile());
    assert_eq!(files.len(), 1);
    let (header, rows) = read_csv(&files[0]);
    assert_eq!(
        header,
        strings(&[
            "Work Item Type",
            "Title 1",
            "Title 2",
            "Description",
            "Priority",
            "Story Points",
            "Tags",
            "Iteration Path",
        ])
    );
    assert!(!header.iter().any(|h| h == "ID" || h == "State"));
    let story_html = "<div>As a day hiker, I want an alert, so that I don't drive to a closed trailhead<br><br>\
                      Push and e-mail, one per closure.<br><br>- [x] An alert within 15 minutes<br>- [ ] Criterion c-2</div>";
    let expected: Vec<Vec<&str>> = vec![
        vec!["Feature", "Closure alerts", "", "", "", "", "", ""],
        vec![
            "User Story",
            "",
            "Get an alert when a trail closes",
            story_html,
            "1",
            "5",
            "",
            "Trails\\Sprint 7",
        ],
        vec![
            "User Story",
            "",
            "Which closure feed?",
            "",
            "2",
            "2.5",
            "spike",
            "",
        ],
        vec!["Feature", "Offline maps, v2", "", "", "", "", "", ""],
        vec!["Task", "", "'=HYPERLINK(\"http://x\")", "", "3", "", "", ""],
        vec![
            "Bug",
            "Map tiles flicker, \"badly\"\nwhen zooming",
            "",
            "<div>Seen on Android 14.</div>",
            "4",
            "",
            "",
            "",
        ],
    ];
    assert_eq!(rows, expected);
}

#[test]
fn azure_types_follow_the_process_template() {
    let types = |template| {
        let options = azure::Options {
            template,
            project: String::new(),
        };
        let (header, rows) = read_csv(&azure::files(&trail(), &options)[0]);
        let col = |n: usize| rows.iter().map(|r| r[n].clone()).collect::<Vec<_>>();
        (header, col(0), col(header_index(&options, "Tags")))
    };
    fn header_index(o: &azure::Options, name: &str) -> usize {
        azure::header(o).iter().position(|h| *h == name).unwrap()
    }
    let (header, kinds, tags) = types(azure::Template::Scrum);
    assert_eq!(header[5], "Effort");
    assert!(
        !header.iter().any(|h| h == "Iteration Path"),
        "no project, no paths"
    );
    assert_eq!(
        kinds,
        [
            "Feature",
            "Product Backlog Item",
            "Product Backlog Item",
            "Feature",
            "Task",
            "Bug"
        ]
    );
    assert_eq!(tags, ["", "", "spike", "", "", ""]);
    let (header, kinds, tags) = types(azure::Template::Basic);
    assert_eq!(header[5], "Effort");
    assert_eq!(kinds, ["Epic", "Issue", "Issue", "Epic", "Task", "Issue"]);
    assert_eq!(tags, ["", "", "spike", "", "", "bug"]);
    assert_eq!(
        rule_lines(&azure::mapping(&azure::Options {
            template: azure::Template::Basic,
            project: String::new()
        })),
        [
            "Feature → Epic, its items under it (Basic has no Feature type)",
            "Story → Issue",
            "Technical task → Task, no points (Task counts hours)",
            "Spike → Issue, tagged spike (Basic has no Spike type)",
            "Bug → Issue, tagged bug (Basic has no Bug type)",
        ]
    );
}

/// A product with `features` features of `per` items each, then `loose` items with no
/// feature.
fn big(features: usize, per: usize, loose: usize) -> Product {
    let mut p = Product::new(id("p-9"), "Big");
    let mut n = 0u64;
    for f in 0..features {
        let fid = Id::from_parts("f", f as u64);
        p.features
            .push(Feature::new(fid.clone(), format!("F{f}"), None));
        for _ in 0..per {
            n += 1;
            let mut i = Item::new(Id::from_parts("i", n), ItemKind::Story, format!("I{n}"));
            i.feature = Some(fid.clone());
            p.items.push(i);
        }
    }
    for _ in 0..loose {
        n += 1;
        p.items.push(Item::new(
            Id::from_parts("i", n),
            ItemKind::Bug,
            format!("I{n}"),
        ));
    }
    p
}

#[test]
fn azure_splits_at_1000_rows_without_cutting_a_feature_from_its_items() {
    // 3 features of 400 items: 401 rows each, so two fit in a file and the third starts
    // the next; then 700 loose items fill that file to 1,000 and spill 101 into a third.
    let files = azure::files(&big(3, 400, 700), &agile());
    let rows: Vec<Vec<Vec<String>>> = files.iter().map(|f| read_csv(f).1).collect();
    assert_eq!(
        rows.iter().map(Vec::len).collect::<Vec<_>>(),
        [802, 1000, 101]
    );
    for file in &rows {
        assert!(file.len() <= azure::MAX_ROWS);
        // Self-contained: a Title 2 row always has a Title 1 row above it in its file.
        assert!(!file[0][1].is_empty(), "a file starts at the top level");
    }
    assert_eq!(rows[1][0][1], "F2");
    assert!(rows[1][1..=400]
        .iter()
        .all(|r| r[1].is_empty() && !r[2].is_empty()));
    let total: usize = rows.iter().map(Vec::len).sum();
    assert_eq!(total, 3 + 1200 + 700);
}

#[test]
fn azure_moves_the_overflow_of_a_huge_feature_to_the_top_level_of_the_next_file() {
    let files = azure::files(&big(1, 1500, 0), &agile());
    let rows: Vec<Vec<Vec<String>>> = files.iter().map(|f| read_csv(f).1).collect();
    assert_eq!(rows.iter().map(Vec::len).collect::<Vec<_>>(), [1000, 501]);
    assert_eq!(
        (rows[0][999][1].as_str(), rows[0][999][2].as_str()),
        ("", "I999")
    );
    assert_eq!(
        (rows[1][0][1].as_str(), rows[1][0][2].as_str()),
        ("I1000", "")
    );
    // An empty product is one file with the header alone.
    let empty = azure::files(&Product::new(id("p-3"), "Empty"), &agile());
    assert_eq!(empty.len(), 1);
    assert_eq!(read_csv(&empty[0]).1.len(), 0);
}

#[test]
fn azure_description_is_escaped_html_that_never_starts_a_formula() {
    assert_eq!(
        azure::html("=1<2 & \"x\"\nnext"),
        "<div>=1&lt;2 &amp; &quot;x&quot;<br>next</div>"
    );
    assert_eq!(azure::html("  "), "");
    assert_eq!(azure::iteration_path("Trails", ""), "");
    assert_eq!(
        azure::iteration_path("Trails", "Sprint 7"),
        "Trails\\Sprint 7"
    );
}

// ---------- all profiles ----------

#[test]
fn every_profile_has_a_row_per_feature_and_item_of_the_sample() {
    let ws = sample_workspace(Day::new(2026, 3, 15).unwrap(), &mut counter_ids());
    for p in &ws.products {
        let n = p.features.len() + p.items.len();
        for profile in [
            Profile::Jira(jira::Project::CompanyManaged),
            Profile::Linear,
            Profile::Azure(agile()),
        ] {
            let rows: usize = profile.files(p).iter().map(|f| read_csv(f).1.len()).sum();
            assert_eq!(rows, n, "{:?} for {}", profile.tool(), p.name);
            assert_eq!(profile.mapping().len(), 5);
            assert!(!profile.notes().is_empty());
        }
    }
}

#[test]
fn formula_like_titles_are_protected_in_every_profile() {
    let mut p = Product::new(id("p-1"), "Sheet");
    for (n, t) in [
        "=SUM(A1)", "+1", "@x", "-2+3", "\tTab", "- list", "-2", "fine",
    ]
    .iter()
    .enumerate()
    {
        p.items
            .push(Item::new(Id::from_parts("i", n as u64), ItemKind::Task, *t));
    }
    let titles = |text: &str, col: usize| {
        read_csv(text)
            .1
            .iter()
            .map(|r| r[col].clone())
            .collect::<Vec<_>>()
    };
    let spreadsheet = [
        "'=SUM(A1)",
        "'+1",
        "'@x",
        "'-2+3",
        "'\tTab",
        "- list",
        "-2",
        "fine",
    ];
    assert_eq!(
        titles(&jira::csv(&p, jira::Project::CompanyManaged), 3),
        spreadsheet
    );
    assert_eq!(titles(&azure::files(&p, &agile())[0], 1), spreadsheet);
    let linear = [
        "'=SUM(A1)",
        "'+1",
        "'@x",
        "'-2+3",
        "\tTab",
        "- list",
        "-2",
        "fine",
    ];
    assert_eq!(titles(&linear::csv(&p), 2), linear);
}

// ---------- the files Linear's importer reads (e2e/interop) ----------

/// The sample's first product with the trail product's awkward items added: what the
/// Node check runs through `@linear/import`.
fn interop_product() -> Product {
    let ws = sample_workspace(Day::new(2026, 3, 15).unwrap(), &mut counter_ids());
    let mut p = ws.products[0].clone();
    let extra = trail();
    p.sprints.extend(extra.sprints);
    p.features.extend(extra.features);
    p.items.extend(extra.items);
    for (n, title) in ["@here: rota", "-2+3 days", "+1 from support"]
        .iter()
        .enumerate()
    {
        let mut i = Item::new(Id::from_parts("i-x", n as u64), ItemKind::Story, *title);
        i.description = "=SUM(A1:A3) is the total, says the, \"sheet\"".into();
        i.estimate = Some(0.5 + n as f64);
        p.items.push(i);
    }
    p
}

/// Linear's priority numbers, as its importer gives them.
fn linear_priority(p: Option<Priority>) -> u8 {
    match p {
        Some(Priority::Must) => 1,
        Some(Priority::Should) => 2,
        Some(Priority::Could) => 3,
        Some(Priority::Wont) => 4,
        None => 0,
    }
}

/// What Two Hats holds for each row of the Linear file, from the model (not the CSV):
/// the importer's parse must come out equal to it.
fn linear_expected(p: &Product) -> serde_json::Value {
    use serde_json::json;
    let features = p.features.iter().map(|f| {
        json!({ "title": f.title, "description": f.description, "estimate": null,
                "priority": 0, "status": linear::feature_status(f.status), "labels": ["Feature"] })
    });
    let items = p.items.iter().map(|i| {
        let text = [description(i), acceptance(i)]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join("\n\n");
        json!({ "title": i.title, "description": text,
                "estimate": i.estimate.map(|e| e.ceil() as u64),
                "priority": linear_priority(i.priority), "status": linear::status(i.status),
                "labels": [linear::label(i.kind)] })
    });
    serde_json::Value::Array(features.chain(items).collect())
}

/// What the Jira file's rows hold, for the check through `@linear/import`'s Jira reader.
fn jira_expected(p: &Product) -> serde_json::Value {
    use serde_json::json;
    // That reader's numbers for Jira's words: Lowest is its "no priority", 0.
    let number = |p: Option<Priority>| match p {
        Some(Priority::Wont) | None => 0,
        other => linear_priority(other),
    };
    let features = p.features.iter().map(|f| {
        json!({ "title": f.title, "type": "Epic", "priority": 0,
                "status": jira::feature_status(f.status), "texts": [f.description] })
    });
    let items = p.items.iter().map(|i| {
        let mut texts: Vec<String> = i.acceptance.iter().map(|c| c.text.clone()).collect();
        texts.extend(i.description.lines().next().map(str::to_string));
        json!({ "title": i.title, "type": jira::issue_type(i.kind), "priority": number(i.priority),
                "status": jira::status(i.status), "texts": texts })
    });
    serde_json::Value::Array(features.chain(items).collect())
}

/// The committed file must equal what the export writes today, so the Node check never
/// tests a stale file. `TWOHATS_BLESS=1 cargo test --test interop_export` rewrites them.
#[track_caller]
fn fixture_is_current(name: &str, now: &str) {
    let path = format!("{}/e2e/interop/{name}", env!("CARGO_MANIFEST_DIR"));
    if std::env::var_os("TWOHATS_BLESS").is_some() {
        std::fs::write(&path, now).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == now,
        "{path} differs from the export: rerun with TWOHATS_BLESS=1 and commit it"
    );
}

#[test]
fn the_files_for_the_importer_check_are_the_current_export() {
    let p = interop_product();
    let pretty = |v: serde_json::Value| serde_json::to_string_pretty(&v).unwrap() + "\n";
    fixture_is_current("linear-export.csv", &linear::csv(&p));
    fixture_is_current("linear-expected.json", &pretty(linear_expected(&p)));
    let jira_csv = jira::csv(&p, jira::Project::TeamManaged);
    fixture_is_current("jira-export.csv", &jira_csv);
    fixture_is_current("jira-expected.json", &pretty(jira_expected(&p)));
}
