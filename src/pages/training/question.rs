//! One question: a radio group with one Tab stop (or, for "choose all that apply", check
//! boxes and a Check button), then the explanation with its source — and, where it
//! applies, what changes when the roles are combined and what another source says.

use crate::components::roving::arrow_keys;
use crate::content::{
    answer, cited, given, in_sentence, is_right, letter, order, Answers, Exercise, Given, Pick,
    Question,
};
use leptos::prelude::*;

#[component]
pub fn QuestionView(
    ex: Exercise,
    q: Question,
    answers: RwSignal<Answers>,
    seed: Memo<u32>,
    on_answer: Callback<()>,
) -> impl IntoView {
    let shown = Memo::new(move |_| order(&ex, &q, seed.get()));
    let current = Memo::new(move |_| answers.with(|a| given(a, ex.key, &q).cloned()));
    let pick = Callback::new(move |choices: Vec<usize>| {
        answers.update(|a| answer(a, ex.key, q.key, choices));
        on_answer.run(());
    });
    let qid = format!("q-{}-{}", ex.key, q.key);
    let asked = Asked {
        q,
        qid: qid.clone(),
        shown,
        current,
        pick,
    };
    let choices = match q.pick {
        Pick::One => view! { <OneOf asked /> }.into_any(),
        Pick::All => view! { <AllOf asked /> }.into_any(),
    };
    view! {
        <li class="question" data-testid="question" data-key=q.key>
            <p class="question__text" id=qid>
                {q.prompt}
            </p>
            {choices}
            {move || current.get().map(|g| view! { <Feedback q=q given=g /> })}
        </li>
    }
}

/// What both kinds of answer draw from: the question, its text's id, the order its choices
/// are shown in, what was answered so far, and how to answer.
struct Asked {
    q: Question,
    qid: String,
    shown: Memo<Vec<usize>>,
    current: Memo<Option<Given>>,
    pick: Callback<Vec<usize>>,
}

/// One answer of several: a radio group, one Tab stop, arrows to move, Space to answer.
#[component]
fn OneOf(asked: Asked) -> impl IntoView {
    let Asked {
        q,
        qid,
        shown,
        current,
        pick,
    } = asked;
    let checked = move |i: usize| current.with(|g| g.as_ref().is_some_and(|g| g.last == [i]));
    // The group's one Tab stop: the checked answer, else the first shown.
    let stop = move |i: usize| {
        current
            .with(|g| g.as_ref().and_then(|g| g.last.first().copied()))
            .map_or_else(|| shown.with(|s| s.first() == Some(&i)), |c| c == i)
    };
    view! {
        <div
            class="question__choices"
            role="radiogroup"
            aria-labelledby=qid
            on:keydown=move |ev| {
                arrow_keys(&ev, "[role=radio]");
            }
        >
            {move || shown.get().into_iter().enumerate().map(|(n, i)| view! {
                <button
                    type="button"
                    role="radio"
                    class="btn choice"
                    aria-checked=move || checked(i).to_string()
                    tabindex=move || if stop(i) { "0" } else { "-1" }
                    on:click=move |_| pick.run(vec![i])
                    data-choice=i
                >
                    <span class="choice__letter" aria-hidden="true">{letter(n)}</span>
                    <span>{q.choices[i]}</span>
                </button>
            }).collect_view()}
        </div>
    }
}

/// "Choose all that apply": check boxes, and a Check button that answers with the set.
#[component]
fn AllOf(asked: Asked) -> impl IntoView {
    let Asked { q, shown, pick, .. } = asked;
    let picked = RwSignal::new(
        asked
            .current
            .get_untracked()
            .map(|g| g.last)
            .unwrap_or_default(),
    );
    let toggle = move |i: usize| {
        picked.update(|p| match p.iter().position(|c| *c == i) {
            Some(at) => {
                p.remove(at);
            }
            None => p.push(i),
        })
    };
    view! {
        <fieldset class="question__choices question__choices--all">
            <legend class="sr-only">{q.prompt}</legend>
            {move || shown.get().into_iter().enumerate().map(|(n, i)| view! {
                <label class="choice choice--check" data-choice=i>
                    <input
                        type="checkbox"
                        prop:checked=move || picked.with(|p| p.contains(&i))
                        on:change=move |_| toggle(i)
                    />
                    <span class="choice__letter" aria-hidden="true">{letter(n)}</span>
                    <span>{q.choices[i]}</span>
                </label>
            }).collect_view()}
            <button
                type="button"
                class="btn btn--primary"
                aria-describedby=asked.qid
                disabled=move || picked.with(Vec::is_empty)
                on:click=move |_| pick.run(picked.get())
                data-testid="check-answer"
            >
                "Check answer"
            </button>
        </fieldset>
    }
}

#[component]
fn Feedback(q: Question, given: Given) -> impl IntoView {
    let first_right = is_right(&q, &given.first);
    let now_right = is_right(&q, &given.last);
    let verdict = match (first_right, now_right) {
        (true, _) => "Right. ",
        (false, true) => "Right now, but your first answer is the one scored. ",
        (false, false) => "Not quite. ",
    };
    let answer: Vec<&str> = q.right.iter().map(|&i| in_sentence(q.choices[i])).collect();
    let answer = answer.join("; ");
    view! {
        <div class="feedback" class:feedback--right=first_right class:feedback--wrong=!first_right role="status" data-testid="feedback">
            <p><strong>{verdict}</strong>{format!("Answer: {answer}. {}", q.why)}</p>
            <p class="muted">{cited(q.source)}</p>
            {q.otherwise.map(|t| view! {
                <p class="feedback__otherwise" data-testid="otherwise">
                    <strong>"If one person wears both hats, or there is no Product Manager: "</strong>{t}
                </p>
            })}
            {q.differs.map(|d| view! {
                <div class="feedback__differs" data-testid="differs">
                    <p><strong>{format!("{} says otherwise: ", d.who())}</strong>{d.text}</p>
                    <p class="muted">{cited(d.source)}</p>
                </div>
            })}
        </div>
    }
}
