//! Training: three scored exercises on the two roles, each answer explained with its
//! source, and a summary of what to reread. The first answer to a question is the one
//! scored; the choices of the scenarios come in an order drawn from the attempt's seed,
//! which the URL keeps. Answers stay in this browser; a reset clears them and starts a
//! new attempt for the next trainee.

mod question;
mod results;
mod sheets;

use sheets::{sheet_link, Sheet, SheetView};

use crate::components::dialog::question_takes_focus;
use crate::components::PageHead;
use crate::content::{score, total_score, Answers, Exercise, EXERCISES};
use crate::route::{Page, Route};
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

/// A new attempt's seed.
pub fn new_seed() -> u32 {
    (js_sys::Math::random() * 4_294_967_295.0) as u32
}

/// The attempt's seed from the URL; a visit without one draws one and writes it there,
/// in place, so that Back does not return to a URL without it.
pub fn use_attempt_seed(state: AppState) -> Memo<u32> {
    Effect::new(move |_| {
        if state
            .route
            .with(|r| matches!(r.page, Page::Training | Page::Room) && r.seed().is_none())
        {
            let next = state.route.get_untracked().with_seed(Some(new_seed()));
            state.replace_route(next);
        }
    });
    Memo::new(move |_| state.route.with(Route::seed).unwrap_or(0))
}

/// Scrolls to and focuses the exercise or summary the URL names (`at=`), as the score
/// board's links ask.
fn use_jump_to_focus(state: AppState) {
    Effect::new(move |_| {
        if let Some(at) = state.route.with(|r| r.focus.clone()) {
            crate::focus::reveal_id_next_frame(format!("{at}-title"));
        }
    });
}

#[component]
pub fn TrainingPage() -> impl IntoView {
    let state = AppState::expect();
    let answers = RwSignal::new(load());
    let seed = use_attempt_seed(state);
    use_jump_to_focus(state);
    let sheet = Memo::new(move |_| state.route.with(|r| Sheet::from_focus(r.focus.as_deref())));
    view! {
        <PageHead
            title="Training"
            lead="Three exercises for a session on the two roles: sort responsibilities, place the ceremonies, and decide what to do in real situations. Every answer is explained, with the article it comes from."
        >
            <a class="btn btn--primary" href=Route::page(Page::Room).href() data-testid="open-room">
                "Run in the room (projector)"
            </a>
            <a class="btn" href=sheet_link(Sheet::Worksheet) data-testid="open-worksheet">"Worksheet"</a>
            <a class="btn" href=sheet_link(Sheet::AnswerKey) data-testid="open-answer-key">"Answer key"</a>
        </PageHead>
        {move || match sheet.get() {
            Some(sheet) => view! { <SheetView sheet=sheet /> }.into_any(),
            None => view! { <Exercises answers=answers seed=seed /> }.into_any(),
        }}
    }
}

#[component]
fn Exercises(answers: RwSignal<Answers>, seed: Memo<u32>) -> impl IntoView {
    view! {
        <p class="training-rules" data-testid="training-rules">
            "The exercises assume two people, one in each role, as most of the articles do; where an answer changes when one person wears both hats or there is no Product Manager, its explanation says how. Your first answer is the one scored: you may change it to see why, but the score stays. Arrow keys move between the answers of a question; Space or Enter answers."
        </p>
        <ScoreBoard answers=answers seed=seed />
        {EXERCISES.iter().map(|ex| view! { <ExerciseView ex=*ex answers=answers seed=seed /> }).collect_view()}
        <results::Results answers=answers />
    }
}

fn training_link(at: &str, seed: u32) -> String {
    Route::page(Page::Training)
        .with_focus(at)
        .with_seed(Some(seed))
        .href()
}

#[component]
fn ScoreBoard(answers: RwSignal<Answers>, seed: Memo<u32>) -> impl IntoView {
    let state = AppState::expect();
    let confirm_reset = RwSignal::new(false);
    question_takes_focus(confirm_reset, "reset-training-cancel", "reset-training");
    let reset = move |_| {
        answers.set(Answers::new());
        save(&Answers::new());
        confirm_reset.set(false);
        // A new attempt: the scenarios' answers come in a new order.
        let next = Route::page(Page::Training).with_seed(Some(new_seed()));
        state.replace_route(next);
    };
    view! {
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
                            <a href=move || training_link(ex.key, seed.get())>{ex.title}</a>
                            <span data-testid=format!("score-{}", ex.key)>{move || {
                                let (r, a, t) = answers.with(|x| score(&ex, x));
                                format!("{r} right · {a} of {t} answered")
                            }}</span>
                        </li>
                    }
                }).collect_view()}
                <li><a href=move || training_link("results", seed.get())>"Results by topic"</a></li>
            </ul>
            {move || if confirm_reset.get() {
                view! {
                    <div class="confirm" role="alertdialog" aria-label="Confirm reset">
                        <p>"Clear every answer and score on this device, and start a new attempt for the next trainee?"</p>
                        <button type="button" class="btn btn--danger" on:click=reset data-testid="confirm-reset-training">"Clear answers"</button>
                        <button type="button" class="btn" id="reset-training-cancel" on:click=move |_| confirm_reset.set(false)>"Cancel"</button>
                    </div>
                }.into_any()
            } else {
                view! { <button type="button" class="btn" id="reset-training" on:click=move |_| confirm_reset.set(true) data-testid="reset-training">"Reset for the next trainee"</button> }.into_any()
            }}
        </section>
    }
}

#[component]
fn ExerciseView(ex: Exercise, answers: RwSignal<Answers>, seed: Memo<u32>) -> impl IntoView {
    view! {
        <section class="section exercise" id=ex.key aria-labelledby=format!("{}-title", ex.key) data-testid=format!("exercise-{}", ex.key)>
            <h2 id=format!("{}-title", ex.key) tabindex="-1">{ex.title}</h2>
            <p class="muted">{ex.intro}</p>
            <p class="score" aria-live="polite">
                {move || {
                    let (r, a, t) = answers.with(|x| score(&ex, x));
                    format!("Score: {r} of {t} · {a} answered")
                }}
            </p>
            <ol class="questions">
                {ex.questions.iter().map(|q| view! {
                    <question::QuestionView ex=ex q=*q answers=answers seed=seed on_answer=Callback::new(move |()| answers.with_untracked(save)) />
                }).collect_view()}
            </ol>
        </section>
    }
}
