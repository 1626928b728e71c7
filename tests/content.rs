#![cfg(not(target_arch = "wasm32"))]
//! What the explainer and training teach: every fact names an article that exists, every
//! question has its right answers among its choices, the Scrum Guide is quoted where an
//! article says otherwise, and scoring counts what a trainee did first.

use std::collections::BTreeSet;
use twohats::content::*;

const SPRINT_BACKLOG: &str = "The Sprint Backlog is a plan by and for the Developers.";
const DAILY_SCRUM: &str =
    "The Daily Scrum is a 15-minute event for the Developers of the Scrum Team.";

fn exercise(key: &str) -> Exercise {
    *EXERCISES
        .iter()
        .find(|e| e.key == key)
        .unwrap_or_else(|| panic!("no exercise {key}"))
}

fn question(ex: &Exercise, key: &str) -> Question {
    *ex.questions
        .iter()
        .find(|q| q.key == key)
        .unwrap_or_else(|| panic!("no question {key} in {}", ex.key))
}

fn all_questions() -> impl Iterator<Item = (Exercise, Question)> {
    EXERCISES
        .iter()
        .flat_map(|ex| ex.questions.iter().map(move |q| (*ex, *q)))
}

/// Every note that says another source says otherwise, wherever it shows.
fn all_differs() -> Vec<Differs> {
    let mut notes: Vec<Differs> = DIMENSIONS.iter().filter_map(|d| d.po_differs).collect();
    notes.extend(CEREMONIES.iter().filter_map(|c| c.po_differs));
    notes.extend(all_questions().filter_map(|(_, q)| q.differs));
    notes
}

/// A wrong choice of a one-answer question.
fn wrong(q: &Question) -> usize {
    (0..q.choices.len()).find(|i| !q.right.contains(i)).unwrap()
}

#[test]
fn every_source_key_used_in_the_content_names_a_known_source_and_every_source_is_used() {
    let mut keys: Vec<&str> = Vec::new();
    for d in DIMENSIONS {
        keys.extend(d.sources);
    }
    for c in CEREMONIES {
        keys.extend(c.sources);
    }
    for d in DEBATES {
        keys.extend(d.yes_sources);
        keys.extend(d.no_sources);
    }
    for r in twohats::model::RoleSetting::ALL {
        keys.extend(org_guidance(r).2);
    }
    keys.extend(all_questions().map(|(_, q)| q.source));
    keys.extend(all_differs().iter().map(|d| d.source));
    assert!(keys.len() > 80);
    for k in &keys {
        assert!(source(k).is_some(), "unknown source {k}");
    }
    for s in SOURCES {
        assert!(keys.contains(&s.key), "{} is never cited", s.key);
    }
    // The five articles carry the comparison; the Scrum Guide only says where it differs,
    // beside a claim, and is never given as a source of the claim itself.
    for s in SOURCES.iter().filter(|s| s.key != "scrum-guide") {
        assert!(
            DIMENSIONS.iter().any(|d| d.sources.contains(&s.key)),
            "{} unused by the comparison",
            s.key
        );
    }
    assert!(DIMENSIONS
        .iter()
        .all(|d| !d.sources.contains(&"scrum-guide")));
    assert!(CEREMONIES
        .iter()
        .all(|c| !c.sources.contains(&"scrum-guide")));
    let guide = source("scrum-guide").unwrap();
    assert_eq!(guide.title, "The Scrum Guide");
    assert_eq!(
        guide.author,
        "Ken Schwaber and Jeff Sutherland, November 2020"
    );
}

#[test]
fn the_content_map_covers_every_dimension_ceremony_and_debate() {
    let dims: Vec<&str> = DIMENSIONS.iter().map(|d| d.key).collect();
    assert_eq!(
        dims,
        [
            "role",
            "horizon",
            "stance",
            "questions",
            "scope",
            "levels",
            "artefacts",
            "people",
            "scrum",
            "relation"
        ]
    );
    let cer: Vec<&str> = CEREMONIES.iter().map(|c| c.name).collect();
    assert_eq!(
        cer,
        [
            "Daily stand-up",
            "Sprint planning",
            "Backlog refinement",
            "Sprint review",
            "Retrospective",
            "Product research and exploration"
        ]
    );
    assert_eq!(CEREMONIES[0].pm, Involvement::Rarely);
    assert_eq!(CEREMONIES[2].po, Involvement::Leads);
    assert_eq!(
        CEREMONIES[5].pm,
        Involvement::Leads,
        "the PM's own ceremony"
    );
    assert_eq!(DEBATES.len(), 3);
}

#[test]
fn the_articles_missing_points_are_in_the_explainer() {
    let dim = |k: &str| *DIMENSIONS.iter().find(|d| d.key == k).unwrap();
    let role = dim("role");
    assert!(role.pm.contains("CEO of the product"));
    for need in ["business", "technology", "user experience"] {
        assert!(role.pm.contains(need), "the PM's intersection lacks {need}");
    }
    assert!(role.pm_more.contains("no exact definition"));
    assert!(role.sources.contains(&"guide") && role.sources.contains(&"paquet"));
    let scope = dim("scope");
    assert!(scope.pm.contains("size") && scope.pm.contains("stage"));
    assert!(scope.sources.contains(&"hipcv"));
    let research = CEREMONIES.iter().find(|c| c.key == "research").unwrap();
    assert!(research.pm_role.contains("\"product breakthrough\""));
    assert_eq!(research.sources, ["hipcv"]);
}

#[test]
fn runyan_and_hipcv_are_no_longer_misstated() {
    use twohats::model::RoleSetting;
    let (_, watch, sources) = org_guidance(RoleSetting::OnePerson);
    assert!(!watch.contains("does not hold"), "{watch}");
    assert!(watch.contains("nearly three years") && watch.contains("counter-productive"));
    assert!(sources.contains(&"runyan"));
    let higher = DEBATES.iter().find(|d| d.key == "higher").unwrap();
    assert_eq!(higher.yes_sources, ["hipcv"]);
    assert!(!higher.yes_label.starts_with("Yes"), "hipCV never says yes");
    assert!(higher.yes.contains("broader"));
    assert!(higher.yes.contains("never calls the PM higher"));
}

#[test]
fn every_question_has_its_right_answers_among_its_choices_and_unique_keys() {
    assert_eq!(EXERCISES.len(), 3);
    let which = exercise("which-hat");
    assert_eq!(which.questions.len(), 24, "its intro says twenty-four");
    assert!(which.intro.contains("twenty-four"));
    let total: usize = EXERCISES.iter().map(|e| e.questions.len()).sum();
    assert!(total >= 42, "only {total} questions");
    for ex in EXERCISES {
        let keys: BTreeSet<&str> = ex.questions.iter().map(|q| q.key).collect();
        assert_eq!(
            keys.len(),
            ex.questions.len(),
            "duplicate question key in {}",
            ex.key
        );
        for q in ex.questions {
            assert!(
                q.right.iter().all(|&i| i < q.choices.len()),
                "{}: right out of range",
                q.key
            );
            let distinct: BTreeSet<_> = q.right.iter().collect();
            assert_eq!(distinct.len(), q.right.len(), "{}: right repeats", q.key);
            assert!(!q.why.is_empty());
            let choices: BTreeSet<_> = q.choices.iter().collect();
            assert_eq!(
                choices.len(),
                q.choices.len(),
                "{}: a choice repeats",
                q.key
            );
            match q.pick {
                Pick::One => {
                    assert_eq!(q.right.len(), 1, "{}: one right answer", q.key);
                    assert!(!q.prompt.contains("choose all"), "{}", q.key);
                }
                Pick::All => {
                    assert!(q.right.len() >= 2, "{}: several right answers", q.key);
                }
            }
        }
    }
}

#[test]
fn choose_all_that_apply_questions_say_so_and_are_not_guessable_by_ticking_everything() {
    let all: Vec<(Exercise, Question)> = all_questions()
        .filter(|(_, q)| q.pick == Pick::All)
        .collect();
    assert!(all.len() >= 6, "only {} 'choose all that apply'", all.len());
    for (ex, q) in all {
        assert!(ex.shuffle, "{}: only in the shuffled exercise", q.key);
        assert!(
            q.prompt.ends_with("(choose all that apply)"),
            "{}",
            q.prompt
        );
        assert!((4..=5).contains(&q.choices.len()), "{}: 4–5 options", q.key);
        assert!((2..=3).contains(&q.right.len()), "{}: 2–3 right", q.key);
        let everything: Vec<usize> = (0..q.choices.len()).collect();
        assert!(
            !is_right(&q, &everything),
            "{}: ticking all is wrong",
            q.key
        );
    }
}

#[test]
fn the_fixed_scales_keep_their_order_and_the_scenarios_are_shuffled() {
    let which = exercise("which-hat");
    let cer = exercise("ceremonies");
    assert!(!which.shuffle && !cer.shuffle);
    assert!(exercise("scenarios").shuffle);
    for q in which.questions {
        assert_eq!(
            q.choices,
            ["Product Manager", "Product Owner", "Both"],
            "{}",
            q.key
        );
    }
    // The ceremonies exercise offers the explainer's ceremonies, in the explainer's order.
    let names: Vec<&str> = CEREMONIES.iter().map(|c| c.name).collect();
    for q in cer.questions {
        assert_eq!(q.choices, names.as_slice(), "{}", q.key);
    }
}

#[test]
fn the_right_answer_is_not_always_written_in_the_same_place() {
    let ex = exercise("scenarios");
    // Where the (first) right answer of each question of one kind is written.
    let first_right = |pick: Pick| -> Vec<usize> {
        let of_kind = ex.questions.iter().filter(|q| q.pick == pick);
        of_kind.map(|q| q.right[0]).collect()
    };
    let ones = first_right(Pick::One);
    let places: BTreeSet<usize> = ones.iter().copied().collect();
    assert!(places.len() >= 3, "right answers only at {places:?}");
    for p in places {
        let n = ones.iter().filter(|&&r| r == p).count();
        assert!(
            n * 2 <= ones.len(),
            "{n} of {} right answers at {p}",
            ones.len()
        );
    }
    let firsts: BTreeSet<usize> = first_right(Pick::All).into_iter().collect();
    assert!(
        firsts.len() >= 2,
        "'all that apply' sets all start at {firsts:?}"
    );
}

#[test]
fn the_first_answer_is_the_one_that_counts() {
    let ex = exercise("scenarios");
    let q = question(&ex, "reorder");
    let right = q.right.to_vec();
    let mut a = Answers::new();
    assert_eq!(score(&ex, &a), (0, 0, ex.questions.len()));
    // Wrong, then right: still wrong, but the latest answer is what is shown.
    answer(&mut a, ex.key, q.key, vec![wrong(&q)]);
    answer(&mut a, ex.key, q.key, right.clone());
    assert_eq!(score(&ex, &a), (0, 1, ex.questions.len()));
    let g = given(&a, ex.key, &q).unwrap();
    assert_eq!(g.first, vec![wrong(&q)]);
    assert_eq!(g.last, right);
    // Right, then wrong: the point stays.
    let q2 = question(&ex, "pm-orders");
    answer(&mut a, ex.key, q2.key, q2.right.to_vec());
    answer(&mut a, ex.key, q2.key, vec![wrong(&q2)]);
    assert_eq!(score(&ex, &a), (1, 2, ex.questions.len()));
    assert_eq!(given(&a, ex.key, &q2).unwrap().last, vec![wrong(&q2)]);
    // Answers to unknown questions or to other exercises do not count here.
    answer(&mut a, ex.key, "no-such-question", vec![0]);
    let which = exercise("which-hat");
    let vision = question(&which, "vision2y");
    answer(&mut a, which.key, vision.key, vision.right.to_vec());
    assert_eq!(score(&ex, &a), (1, 2, ex.questions.len()));
    let total: usize = EXERCISES.iter().map(|e| e.questions.len()).sum();
    assert_eq!(total_score(&a), (2, total));
}

#[test]
fn choose_all_that_apply_is_right_only_for_the_exact_set_in_any_order() {
    let ex = exercise("scenarios");
    let q = question(&ex, "no-pm-takeover");
    assert_eq!(q.pick, Pick::All);
    let right = q.right.to_vec();
    let extra = wrong(&q);
    assert!(!is_right(&q, &right[..1]), "a subset");
    assert!(!is_right(&q, &right[..right.len() - 1]), "a larger subset");
    let mut more = right.clone();
    more.push(extra);
    assert!(!is_right(&q, &more), "a superset");
    assert!(!is_right(&q, &[]), "nothing");
    let mut reversed = right.clone();
    reversed.reverse();
    assert!(is_right(&q, &reversed), "the right set, backwards");
    // Scored through `answer`, in any order and with a repeat, the exact set counts.
    let mut a = Answers::new();
    let mut shuffled = reversed.clone();
    shuffled.push(right[0]);
    answer(&mut a, ex.key, q.key, shuffled);
    assert_eq!(score(&ex, &a).0, 1);
    let p = question(&ex, "pm-month");
    answer(&mut a, ex.key, p.key, p.right[1..].to_vec());
    assert_eq!(
        score(&ex, &a),
        (1, 2, ex.questions.len()),
        "a subset scores nothing"
    );
}

#[test]
fn a_shuffle_is_a_permutation_drawn_from_the_seed_and_the_fixed_scales_never_move() {
    let ex = exercise("scenarios");
    for q in ex.questions {
        let n = q.choices.len();
        let mut orders = BTreeSet::new();
        let mut shown_at = BTreeSet::new();
        for seed in 1..=50u32 {
            let o = order(&ex, q, seed);
            let mut sorted = o.clone();
            sorted.sort_unstable();
            assert_eq!(
                sorted,
                (0..n).collect::<Vec<_>>(),
                "{}: not a permutation",
                q.key
            );
            assert_eq!(
                o,
                order(&ex, q, seed),
                "{}: the same seed, another order",
                q.key
            );
            shown_at.insert(o.iter().position(|&i| i == q.right[0]).unwrap());
            orders.insert(o);
        }
        assert!(orders.len() > 1, "{}: the same order for every seed", q.key);
        assert_eq!(
            shown_at.len(),
            n,
            "{}: over 50 attempts its right answer shows only at {shown_at:?}",
            q.key
        );
    }
    for key in ["which-hat", "ceremonies"] {
        let fixed = exercise(key);
        for q in fixed.questions {
            for seed in [0, 1, 7, 42, u32::MAX] {
                assert_eq!(
                    order(&fixed, q, seed),
                    (0..q.choices.len()).collect::<Vec<_>>()
                );
            }
        }
    }
}

#[test]
fn the_summary_counts_each_topic_and_lists_what_was_missed() {
    let mut a = Answers::new();
    let which = exercise("which-hat");
    let scen = exercise("scenarios");
    let market = question(&which, "market");
    let budget = question(&which, "budget");
    let two_years = question(&scen, "two-years");
    answer(&mut a, which.key, market.key, market.right.to_vec());
    answer(&mut a, which.key, budget.key, vec![wrong(&budget)]);
    answer(&mut a, which.key, budget.key, budget.right.to_vec());
    answer(&mut a, scen.key, two_years.key, vec![wrong(&two_years)]);
    let s = summary(&a);
    // Only topics with questions, in `Topic::ALL` order.
    let used: BTreeSet<Topic> = all_questions().map(|(_, q)| q.topic).collect();
    let topics: Vec<Topic> = s.iter().map(|r| r.topic).collect();
    let expected: Vec<Topic> = Topic::ALL
        .into_iter()
        .filter(|t| used.contains(t))
        .collect();
    assert_eq!(topics, expected);
    let total: usize = s.iter().map(|r| r.total).sum();
    assert_eq!(total, all_questions().count());
    let strategy = s.iter().find(|r| r.topic == Topic::Strategy).unwrap();
    assert_eq!(strategy.topic, market.topic);
    assert_eq!((strategy.right, strategy.answered), (1, 3));
    assert_eq!(strategy.missed, vec![budget.prompt, two_years.prompt]);
    assert_eq!(
        strategy.total,
        all_questions()
            .filter(|(_, q)| q.topic == Topic::Strategy)
            .count()
    );
    for r in s.iter().filter(|r| r.topic != Topic::Strategy) {
        assert_eq!((r.right, r.answered), (0, 0), "{:?}", r.topic);
        assert!(r.missed.is_empty());
    }
}

#[test]
fn every_topic_sends_the_trainee_to_a_section_the_explainer_has() {
    for t in Topic::ALL {
        let at = t.section();
        let known = at == "ceremonies-title"
            || at == "org-title"
            || DIMENSIONS.iter().any(|d| at == format!("dim-{}", d.key));
        assert!(
            known,
            "{t:?} sends to #{at}, which the explainer does not have"
        );
    }
}

#[test]
fn answers_survive_a_json_round_trip_and_the_old_format_still_loads() {
    let mut a = Answers::new();
    answer(&mut a, "ceremonies", "present", vec![1]);
    answer(&mut a, "ceremonies", "present", vec![2]);
    answer(&mut a, "scenarios", "pm-month", vec![4, 0, 2]);
    let back: Answers = serde_json::from_str(&serde_json::to_string(&a).unwrap()).unwrap();
    assert_eq!(back, a);
    // Before first answers were kept, an answer was a bare index.
    let old: Answers = serde_json::from_str(r#"{"scenarios":{"reorder":1}}"#).unwrap();
    let ex = exercise("scenarios");
    let g = given(&old, ex.key, &question(&ex, "reorder")).unwrap();
    assert_eq!(
        *g,
        Given {
            first: vec![1],
            last: vec![1]
        }
    );
    assert_eq!(score(&ex, &old).0, 1, "the old right answer is still right");
}

#[test]
fn the_scrum_guide_is_quoted_word_for_word_beside_the_articles_it_contradicts() {
    let notes = all_differs();
    for sentence in [SPRINT_BACKLOG, DAILY_SCRUM] {
        let quoting: Vec<&Differs> = notes.iter().filter(|d| d.text.contains(sentence)).collect();
        assert!(!quoting.is_empty(), "nowhere quoted: {sentence}");
        assert!(quoting.iter().all(|d| d.source == "scrum-guide"));
    }
    // Wherever an explanation quotes the Guide, it is the Guide that is cited.
    for (_, q) in all_questions() {
        if q.why.contains(SPRINT_BACKLOG) || q.why.contains(DAILY_SCRUM) {
            assert_eq!(q.source, "scrum-guide", "{}", q.key);
        }
    }
    let guide_note = |d: Option<Differs>, sentence: &str| {
        d.is_some_and(|d| d.source == "scrum-guide" && d.text.contains(sentence))
    };
    // The PO keeps the sprint backlog (hipCV) …
    let artefacts = DIMENSIONS.iter().find(|d| d.key == "artefacts").unwrap();
    assert!(artefacts.po.contains("sprint backlog"));
    assert!(guide_note(artefacts.po_differs, SPRINT_BACKLOG));
    let which = exercise("which-hat");
    assert!(guide_note(
        question(&which, "backlog").differs,
        SPRINT_BACKLOG
    ));
    // … and attends the stand-up (Teaminal): the Guide's side shows beside each.
    let standup = CEREMONIES.iter().find(|c| c.key == "standup").unwrap();
    assert!(guide_note(standup.po_differs, DAILY_SCRUM));
    assert!(guide_note(question(&which, "standup").differs, DAILY_SCRUM));
    let cer = exercise("ceremonies");
    for key in ["unblock", "away"] {
        assert!(
            guide_note(question(&cer, key).differs, DAILY_SCRUM),
            "{key}"
        );
    }
    // A question on the Guide itself, whose answer quotes it and names the article that
    // says otherwise.
    let q = question(&exercise("scenarios"), "guide-developers");
    assert_eq!(q.source, "scrum-guide");
    assert!(q.why.contains(SPRINT_BACKLOG) && q.why.contains(DAILY_SCRUM));
    assert!(q.differs.is_some_and(|d| d.source != "scrum-guide"));
}

#[test]
fn the_exercises_say_they_assume_separate_roles_and_note_where_that_changes() {
    for ex in EXERCISES {
        assert!(ex.intro.contains("separate"), "{}: {}", ex.key, ex.intro);
    }
    let noted: Vec<&str> = all_questions()
        .filter(|(_, q)| q.otherwise.is_some())
        .map(|(_, q)| q.key)
        .collect();
    assert!(noted.len() >= 5, "only {noted:?}");
    for key in ["no-pm", "vision2y", "okrs", "budget", "roadmap"] {
        assert!(
            noted.contains(&key),
            "{key} has no note on the other settings"
        );
    }
}

#[test]
fn org_guidance_differs_for_each_setting_and_cites_sources() {
    use twohats::model::RoleSetting;
    let texts: Vec<&str> = RoleSetting::ALL
        .iter()
        .map(|r| org_guidance(*r).0)
        .collect();
    assert_eq!(texts.len(), 3);
    assert!(texts[0] != texts[1] && texts[1] != texts[2]);
    for r in RoleSetting::ALL {
        assert!(!org_guidance(r).2.is_empty());
    }
}

/// Every story of the sample reads as a sentence: "As a …, I want to <verb> …" or "I want
/// a/an/<someone> to …", never "I want to packing list".
#[test]
fn the_samples_stories_read_as_sentences() {
    use twohats::model::sample::{counter_ids, sample_workspace};
    use twohats::model::{Day, ItemKind};
    let ws = sample_workspace(Day::new(2026, 3, 15).unwrap(), &mut counter_ids());
    let nouns = [
        "to packing",
        "to dark",
        "to storm",
        "to sunset",
        "to moderators",
        "to closed",
    ];
    for p in &ws.products {
        for i in p.items.iter().filter(|i| i.kind == ItemKind::Story) {
            let want = i.story.i_want.to_lowercase();
            assert!(!want.is_empty(), "{}", i.title);
            assert!(!nouns.iter().any(|n| want.starts_with(n)), "I want {want}");
        }
    }
}
