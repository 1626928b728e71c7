//! The results by topic: how many first answers were right, and for a topic with a
//! wrong one, which questions and the part of the explainer to reread.

use crate::content::{summary, Answers};
use crate::route::{Page, Route};
use leptos::prelude::*;

#[component]
pub fn Results(answers: RwSignal<Answers>) -> impl IntoView {
    let topics = Memo::new(move |_| answers.with(summary));
    let any = move || topics.with(|t| t.iter().any(|r| r.answered > 0));
    view! {
        <section class="section results" aria-labelledby="results-title" data-testid="results">
            <h2 id="results-title" tabindex="-1">"Results by topic"</h2>
            <Show
                when=any
                fallback=|| view! { <p class="empty">"Answer a few questions and come back: this lists, per topic, how you did and what to reread in the explainer."</p> }
            >
                <ul class="results__list">
                    {move || topics.get().into_iter().filter(|r| r.answered > 0).map(|r| {
                        let reread = Route::page(Page::Explainer).with_focus(r.topic.section()).href();
                        let all_right = r.missed.is_empty();
                        view! {
                            <li class="results__topic" class:results__topic--done=all_right data-testid="topic-result">
                                <h3>{r.topic.label()}</h3>
                                <p>{format!("{} of {} answered right first time ({} questions in all)", r.right, r.answered, r.total)}</p>
                                {(!all_right).then(|| view! {
                                    <p>
                                        <a href=reread.clone() data-testid="reread">{format!("Reread: {}", r.topic.label())}</a>
                                        " in the explainer. Missed:"
                                    </p>
                                    <ul class="results__missed">
                                        {r.missed.iter().map(|m| view! { <li>{*m}</li> }).collect_view()}
                                    </ul>
                                })}
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </Show>
        </section>
    }
}
