//! What one slide shows: the question and its answers by letter, and once revealed, the
//! right answer with why, its source and the room's votes; a debate's two sides.

use super::slides::{parts, Slide, DEBATE_CHOICES};
use super::votes::{counted, CountInputs, Counts, VoteChart};
use crate::content::{cited, letter, order};
use crate::route::{Page, Route};
use leptos::prelude::*;

#[component]
pub fn SlideView(
    slide: Slide,
    index: usize,
    seed: u32,
    revealed: bool,
    counts: Counts,
    go: Callback<usize>,
) -> impl IntoView {
    match slide {
        Slide::Start => start(go).into_any(),
        Slide::End => view! {
            <h2>"That's the session"</h2>
            <p class="room__lead">"Thank you. Trainees can try every exercise again on their own, with explanations and a summary of what to reread, on the Training page."</p>
            <p><a class="btn btn--primary" href=Route::page(Page::Training).href()>"Back to Training"</a></p>
        }
        .into_any(),
        Slide::Question { .. } => question(slide, index, seed, revealed, counts).into_any(),
        Slide::Debate(_) => debate(slide, index, revealed, counts).into_any(),
    }
}

fn start(go: Callback<usize>) -> impl IntoView {
    view! {
        <h2>"Two hats: the room quiz"</h2>
        <p class="room__lead">"One question at a time. The room votes with hands; count them if you like, then reveal the answer and why."</p>
        <ul class="room__keys">
            <li><kbd>"→"</kbd>" "<kbd>"Space"</kbd>" "<kbd>"Page Down"</kbd>" reveal, then next"</li>
            <li><kbd>"←"</kbd>" "<kbd>"Page Up"</kbd>" back"</li>
            <li><kbd>"B"</kbd>" blank the screen · "<kbd>"F"</kbd>" full screen · "<kbd>"+"</kbd>" "<kbd>"−"</kbd>" text size"</li>
        </ul>
        <nav class="room__parts" aria-label="Parts of the session">
            {parts().into_iter().map(|(title, at)| view! {
                <button type="button" class="btn" on:click=move |_| go.run(at)>{title}</button>
            }).collect_view()}
        </nav>
    }
}

fn question(
    slide: Slide,
    index: usize,
    seed: u32,
    revealed: bool,
    counts: Counts,
) -> impl IntoView {
    let (ex, q) = slide.question().expect("a question slide");
    let shown = order(&ex, &q, seed);
    let right: Vec<bool> = shown.iter().map(|i| q.right.contains(i)).collect();
    let answers = shown.len();
    view! {
        <h2 class="room__question" data-testid="room-question">
            {q.prompt}
        </h2>
        <div class="room__main">
            <ol class="room__answers" data-testid="room-answers">
                {shown.iter().zip(right.iter()).enumerate().map(|(n, (&i, &ok))| view! {
                    <li class="room__answer" class:room__answer--right=revealed && ok class:room__answer--wrong=revealed && !ok>
                        <span class="room__letter" aria-hidden="true">{letter(n)}</span>
                        <span>{q.choices[i]}</span>
                        {(revealed && ok).then_some(view! { <span class="sr-only">" (right)"</span> })}
                    </li>
                }).collect_view()}
            </ol>
            {chart(revealed, counts, index, right.clone())}
        </div>
        {(!revealed).then(|| view! { <CountInputs counts=counts slide=index answers=answers /> })}
        {revealed.then(|| {
            // By letter: the right answers are highlighted above, in full.
            let answer: Vec<String> = shown.iter().enumerate().filter(|(_, i)| q.right.contains(i)).map(|(n, _)| letter(n).to_string()).collect();
            view! {
                <div class="room__reveal" role="status" data-testid="room-reveal">
                    <p><strong>{format!("Answer: {}. ", answer.join(", "))}</strong>{q.why}</p>
                    <p class="room__source">{cited(q.source)}</p>
                    {q.otherwise.map(|t| view! { <p><strong>"One person, both hats, or no PM: "</strong>{t}</p> })}
                    {q.differs.map(|d| view! {
                        <p><strong>{format!("{} says otherwise: ", d.who())}</strong>{d.text}</p>
                        <p class="room__source">{cited(d.source)}</p>
                    })}
                </div>
            }
        })}
    }
}

/// The votes beside the answers, once revealed, if the trainer counted any.
fn chart(revealed: bool, counts: Counts, slide: usize, right: Vec<bool>) -> Option<impl IntoView> {
    (revealed && counted(counts, slide))
        .then(|| view! { <VoteChart counts=counts slide=slide right=right /> })
}

fn debate(slide: Slide, index: usize, revealed: bool, counts: Counts) -> impl IntoView {
    let d = slide.debate().expect("a debate slide");
    let sources = |keys: &'static [&'static str]| {
        keys.iter()
            .map(|k| cited(k))
            .collect::<Vec<_>>()
            .join(" · ")
    };
    view! {
        <h2 class="room__question" data-testid="room-question">{d.question}</h2>
        // Once revealed, the two sides take the room the vote had; the votes, if
        // counted, stay beside them as a chart.
        {(!revealed).then(|| view! {
            <p class="room__lead">"Vote first: the articles disagree, and both sides come next."</p>
            <ol class="room__answers">
                {DEBATE_CHOICES.iter().enumerate().map(|(n, c)| view! {
                    <li class="room__answer"><span class="room__letter" aria-hidden="true">{letter(n)}</span><span>{*c}</span></li>
                }).collect_view()}
            </ol>
            <CountInputs counts=counts slide=index answers=DEBATE_CHOICES.len() />
        })}
        {revealed.then(|| view! {
            <div class="room__reveal room__sides" role="status" data-testid="room-reveal">
                <div><h3>{d.yes_label}</h3><p>{d.yes}</p><p class="room__source">{sources(d.yes_sources)}</p></div>
                <div><h3>{d.no_label}</h3><p>{d.no}</p><p class="room__source">{sources(d.no_sources)}</p></div>
                {chart(true, counts, index, vec![false; DEBATE_CHOICES.len()]).map(|c| view! { <div class="room__sides-chart">{c}</div> })}
            </div>
        })}
    }
}
