#![cfg(not(target_arch = "wasm32"))]
//! What the explainer and training teach: every fact names an article that exists, every
//! question has a right answer among its choices, and scoring counts what a trainee did.

use twohats::content::*;

#[test]
fn every_source_key_used_in_the_content_names_a_known_article() {
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
    for ex in EXERCISES {
        keys.extend(ex.questions.iter().map(|q| q.source));
    }
    assert!(keys.len() > 50);
    for k in keys {
        assert!(source(k).is_some(), "unknown source {k}");
    }
    // Every article is used somewhere.
    for s in SOURCES {
        assert!(
            DIMENSIONS.iter().any(|d| d.sources.contains(&s.key)),
            "{} unused by the comparison",
            s.key
        );
    }
}

#[test]
fn the_content_map_covers_every_dimension_ceremony_and_debate() {
    let dims: Vec<&str> = DIMENSIONS.iter().map(|d| d.key).collect();
    assert_eq!(
        dims,
        [
            "horizon",
            "stance",
            "questions",
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
            "Retrospective"
        ]
    );
    assert_eq!(CEREMONIES[0].pm, Involvement::Rarely);
    assert_eq!(CEREMONIES[2].po, Involvement::Leads);
    assert_eq!(DEBATES.len(), 3);
}

#[test]
fn every_question_has_its_answer_among_its_choices_and_unique_keys() {
    assert_eq!(EXERCISES.len(), 3);
    assert_eq!(
        EXERCISES[0].questions.len(),
        20,
        "sort twenty responsibilities"
    );
    for ex in EXERCISES {
        let mut keys: Vec<&str> = ex.questions.iter().map(|q| q.key).collect();
        keys.sort();
        keys.dedup();
        assert_eq!(
            keys.len(),
            ex.questions.len(),
            "duplicate question key in {}",
            ex.key
        );
        for q in ex.questions {
            assert!(q.answer < q.choices.len(), "{}: answer out of range", q.key);
            assert!(!q.why.is_empty());
        }
    }
}

fn answer(a: &mut Answers, ex: &str, q: &str, choice: usize) {
    a.entry(ex.to_string())
        .or_default()
        .insert(q.to_string(), choice);
}

#[test]
fn scoring_counts_right_answered_and_total() {
    let ex = EXERCISES[2];
    let mut a = Answers::new();
    assert_eq!(score(&ex, &a), (0, 0, 6));
    answer(&mut a, "scenarios", "reorder", 1);
    answer(&mut a, "scenarios", "pm-orders", 0);
    assert_eq!(score(&ex, &a), (1, 2, 6));
    // Changing an answer replaces it.
    answer(&mut a, "scenarios", "pm-orders", 1);
    assert_eq!(score(&ex, &a), (2, 2, 6));
    // Answers to unknown questions or other exercises do not count here.
    answer(&mut a, "scenarios", "no-such-question", 0);
    answer(&mut a, "which-hat", "vision2y", 0);
    assert_eq!(score(&ex, &a), (2, 2, 6));
    assert_eq!(total_score(&a), (3, 32));
}

#[test]
fn answers_survive_a_json_round_trip_as_stored() {
    let mut a = Answers::new();
    answer(&mut a, "ceremonies", "present", 1);
    let back: Answers = serde_json::from_str(&serde_json::to_string(&a).unwrap()).unwrap();
    assert_eq!(back, a);
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
