//! Training: three scored exercises on the two roles, each answer explained with its
//! source. Answers stay in this browser; a reset clears them for the next trainee.

use crate::components::dialog::question_takes_focus;
use crate::components::PageHead;
use crate::content::{
    is_right, score, source, total_score, Answers, Exercise, Question, EXERCISES,
};
use crate::state::AppState;
use leptos::prelude::*;

const PREF: &str = "training.answers";

fn load() -> Answers {
    AppState::pref(PREF)
        .and_then(|s| serde_json::from_str(&s).ok())
        .unwrap_or_default()
}

fn save(a: &Answers) {
    AppState::set_pref(PREF, &serde_json::to_string(a).unwrap_or_default());
}

#[component]
pub fn TrainingPage() -> impl IntoView {
    let answers = RwSignal::new(load());
    let confirm_reset = RwSignal::new(false);
    question_takes_focus(confirm_reset, "reset-training-cancel", "reset-training");
    let reset = move |_| {
        answers.set(Answers::new());
        save(&Answers::new());
        confirm_reset.set(false);
    };
    view! {
        <PageHead
            title="Training"
            lead="Three exercises for a session on the two roles: sort responsibilities, place the ceremonies, and decide what to do in real situations. Every answer is explained, with the article it comes from."
        />
        <section class="section score-board" aria-label="Scores" data-testid="score-board">
            <p class="score" data-testid="total-score" aria-live="polite">
                {move || {
                    let (r, t) = answers.with(total_score);
                    format!("Total: {r} of {t} right")
                }}
            </p>
            <ul class="score-board__list">
                {EXERCISES.iter().map(|ex| {
                    let ex = *ex;
                    view! {
                        <li>
                            <a href=format!("#/training?at={}", ex.key)>{ex.title}</a>
                            <span data-testid=format!("score-{}", ex.key)>{move || {
                                let (r, a, t) = answers.with(|x| score(&ex, x));
                                format!("{r} right · {a} of {t} answered")
                            }}</span>
                        </li>
                    }
                }).collect_view()}
            </ul>
            {move || if confirm_reset.get() {
                view! {
                    <div class="confirm" role="alertdialog" aria-label="Confirm reset">
                        <p>"Clear every answer and score on this device, for the next trainee?"</p>
                        <button type="button" class="btn btn--danger" on:click=reset data-testid="confirm-reset-training">"Clear answers"</button>
                        <button type="button" class="btn" id="reset-training-cancel" on:click=move |_| confirm_reset.set(false)>"Cancel"</button>
                    </div>
                }.into_any()
            } else {
                view! { <button type="button" class="btn" id="reset-training" on:click=move |_| confirm_reset.set(true) data-testid="reset-training">"Reset for the next trainee"</button> }.into_any()
            }}
        </section>
        {EXERCISES.iter().map(|ex| view! { <ExerciseView ex=*ex answers=answers /> }).collect_view()}
    }
}

#[component]
fn ExerciseView(ex: Exercise, answers: RwSignal<Answers>) -> impl IntoView {
    view! {
        <section class="section exercise" id=ex.key aria-labelledby=format!("{}-title", ex.key) data-testid=format!("exercise-{}", ex.key)>
            <h2 id=format!("{}-title", ex.key)>{ex.title}</h2>
            <p class="muted">{ex.intro}</p>
            <p class="score" aria-live="polite">
                {move || {
                    let (r, a, t) = answers.with(|x| score(&ex, x));
                    format!("Score: {r} of {t} · {a} answered")
                }}
            </p>
            <ol class="questions">
                {ex.questions.iter().map(|q| question(ex.key, *q, answers)).collect_view()}
            </ol>
        </section>
    }
}

fn question(exercise: &'static str, q: Question, answers: RwSignal<Answers>) -> impl IntoView {
    let given = move || {
        answers
            .with(|a| crate::content::given(a, exercise, &q).and_then(|g| g.last.first().copied()))
    };
    let pick = move |choice: usize| {
        answers.update(|a| crate::content::answer(a, exercise, q.key, vec![choice]));
        answers.with_untracked(save);
    };
    let src = source(q.source)
        .map(|s| format!("Source: “{}” — {}", s.title, s.author))
        .unwrap_or_default();
    let qid = format!("q-{exercise}-{}", q.key);
    view! {
        <li class="question" data-testid="question">
            <p class="question__text" id=qid.clone()>{q.prompt}</p>
            <div class="question__choices" role="group" aria-labelledby=qid>
                {q.choices.iter().enumerate().map(|(i, c)| view! {
                    <button
                        type="button"
                        class="btn choice"
                        aria-pressed=move || (given() == Some(i)).to_string()
                        on:click=move |_| pick(i)
                    >
                        {*c}
                    </button>
                }).collect_view()}
            </div>
            {move || given().map(|g| {
                let right = is_right(&q, &[g]);
                view! {
                    <div class="feedback" class:feedback--right=right class:feedback--wrong=!right role="status" data-testid="feedback">
                        <p><strong>{if right { "Right. " } else { "Not quite. " }}</strong>{format!("Answer: {}. {}", q.choices[q.right[0]], q.why)}</p>
                        <p class="muted">{src.clone()}</p>
                    </div>
                }
            })}
        </li>
    }
}
