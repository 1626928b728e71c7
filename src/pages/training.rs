//! Training: exercises on the two roles, scored, each answer explained with its source.

use crate::components::PageHead;
use crate::content::{score, source, Answer, Responsibility, WHICH_HAT};
use crate::storage::local::{read_pref, write_pref};
use leptos::prelude::*;

const PREF: &str = "training.which-hat";

fn load_answers() -> Vec<(String, Answer)> {
    read_pref(PREF)
        .map(|s| {
            s.split(',')
                .filter_map(|pair| {
                    let (k, a) = pair.split_once('=')?;
                    let a = Answer::ALL.into_iter().find(|x| x.key() == a)?;
                    Some((k.to_string(), a))
                })
                .collect()
        })
        .unwrap_or_default()
}

fn save_answers(answers: &[(String, Answer)]) {
    let s: Vec<String> = answers
        .iter()
        .map(|(k, a)| format!("{k}={}", a.key()))
        .collect();
    write_pref(PREF, &s.join(","));
}

#[component]
pub fn TrainingPage() -> impl IntoView {
    let answers = RwSignal::new(load_answers());
    let answer = move |key: &'static str, a: Answer| {
        answers.update(|v| {
            v.retain(|(k, _)| k != key);
            v.push((key.to_string(), a));
        });
        save_answers(&answers.get_untracked());
    };
    let reset = move |_| {
        answers.set(Vec::new());
        save_answers(&[]);
    };
    view! {
        <PageHead
            title="Training"
            lead="Exercises for a session on the two roles. Answers and scores stay in this browser; reset them for the next trainee."
        />
        <section class="section exercise" data-testid="exercise-which-hat">
            <h2>"Which hat?"</h2>
            <p class="muted">"Who owns each responsibility: the Product Manager, the Product Owner, or both?"</p>
            <p class="score" data-testid="score" aria-live="polite">
                {move || format!("Score: {} of {} · {} answered", score(&answers.get()), WHICH_HAT.len(), answers.with(|a| a.len()))}
            </p>
            <ol class="questions">
                {WHICH_HAT.iter().map(|r| question(*r, answers, answer)).collect_view()}
            </ol>
            <button type="button" class="btn" on:click=reset data-testid="reset-training">"Reset for the next trainee"</button>
        </section>
    }
}

fn question(
    r: Responsibility,
    answers: RwSignal<Vec<(String, Answer)>>,
    answer: impl Fn(&'static str, Answer) + Copy + 'static,
) -> impl IntoView {
    let given = move || answers.with(|v| v.iter().find(|(k, _)| k == r.key).map(|(_, a)| *a));
    let src = source(r.source)
        .map(|s| format!("Source: “{}” — {}", s.title, s.author))
        .unwrap_or_default();
    view! {
        <li class="question" data-testid="question">
            <p class="question__text" id=format!("q-{}", r.key)>{r.text}</p>
            <div class="question__choices" role="group" aria-labelledby=format!("q-{}", r.key)>
                {Answer::ALL
                    .into_iter()
                    .map(|a| view! {
                        <button
                            type="button"
                            class="btn"
                            aria-pressed=move || (given() == Some(a)).to_string()
                            on:click=move |_| answer(r.key, a)
                        >
                            {a.label()}
                        </button>
                    })
                    .collect_view()}
            </div>
            {move || given().map(|g| {
                let right = g == r.answer;
                view! {
                    <div class="feedback" class:feedback--right=right class:feedback--wrong=!right>
                        <p><strong>{if right { "Right. " } else { "Not quite. " }}</strong>{format!("Answer: {}. {}", r.answer.label(), r.why)}</p>
                        <p class="muted">{src.clone()}</p>
                    </div>
                }
            })}
        </li>
    }
}
