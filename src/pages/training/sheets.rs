//! The printables for a session: a worksheet (every exercise with its answers lettered in
//! their written order, and room to answer) and a separate answer key with the right
//! answers, why, and the sources. Shown on screen as a preview with a Print button.

use crate::content::{cited, in_sentence, letter, EXERCISES};
use crate::route::{Page, Route};
use leptos::prelude::*;

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Sheet {
    Worksheet,
    AnswerKey,
}

impl Sheet {
    /// The sheet a training URL's `at=` asks for.
    pub fn from_focus(focus: Option<&str>) -> Option<Sheet> {
        match focus? {
            "worksheet" => Some(Sheet::Worksheet),
            "answer-key" => Some(Sheet::AnswerKey),
            _ => None,
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Sheet::Worksheet => "worksheet",
            Sheet::AnswerKey => "answer-key",
        }
    }

    fn title(self) -> &'static str {
        match self {
            Sheet::Worksheet => "Two hats: worksheet",
            Sheet::AnswerKey => "Two hats: answer key",
        }
    }
}

pub fn sheet_link(sheet: Sheet) -> String {
    Route::page(Page::Training).with_focus(sheet.key()).href()
}

#[component]
pub fn SheetView(sheet: Sheet) -> impl IntoView {
    let body = match sheet {
        Sheet::Worksheet => worksheet().into_any(),
        Sheet::AnswerKey => answer_key().into_any(),
    };
    view! {
        <div class="sheet-tools">
            <button type="button" class="btn btn--primary" on:click=move |_| { window().print().ok(); } data-testid="print-sheet">"Print"</button>
            <a class="btn" href=Route::page(Page::Training).href()>"Back to the exercises"</a>
        </div>
        <article class="sheet" data-testid=sheet.key()>
            <h2 id=format!("{}-title", sheet.key()) tabindex="-1">{sheet.title()}</h2>
            {body}
        </article>
    }
}

fn worksheet() -> impl IntoView {
    view! {
        <p class="sheet__fields">"Name: ______________________    Date: ____________"</p>
        <p class="sheet__note">"The questions assume two people, one in each role. Write the letter of your answer; where it says \"choose all that apply\", write every letter that applies."</p>
        {EXERCISES.iter().map(|ex| view! {
            <section class="sheet__exercise">
                <h3>{ex.title}</h3>
                <p class="sheet__intro">{ex.intro}</p>
                <ol class="sheet__questions">
                    {ex.questions.iter().map(|q| view! {
                        <li class="sheet__question">
                            <p>{q.prompt}</p>
                            <ol class="sheet__choices">
                                {q.choices.iter().enumerate().map(|(n, c)| view! {
                                    <li><span class="sheet__letter">{format!("{}.", letter(n))}</span>" "{*c}</li>
                                }).collect_view()}
                            </ol>
                            <p class="sheet__answer">"Answer: ________"</p>
                        </li>
                    }).collect_view()}
                </ol>
            </section>
        }).collect_view()}
    }
}

fn answer_key() -> impl IntoView {
    view! {
        <p class="sheet__note">"Letters refer to the worksheet, where the answers are in this order."</p>
        {EXERCISES.iter().map(|ex| view! {
            <section class="sheet__exercise">
                <h3>{ex.title}</h3>
                <ol class="sheet__questions">
                    {ex.questions.iter().map(|q| {
                        let right: Vec<String> = q.right.iter().map(|&i| format!("{} ({})", letter(i), in_sentence(q.choices[i]))).collect();
                        view! {
                            <li class="sheet__question">
                                <p class="sheet__prompt">{q.prompt}</p>
                                <p><strong>{format!("Answer: {}. ", right.join("; "))}</strong>{q.why}</p>
                                {q.otherwise.map(|t| view! { <p>"One person, both hats, or no PM: "{t}</p> })}
                                {q.differs.map(|d| view! {
                                    <p>{format!("{} says otherwise: ", d.who())}{d.text}" ("{cited(d.source)}")"</p>
                                })}
                                <p class="sheet__source">{cited(q.source)}</p>
                            </li>
                        }
                    }).collect_view()}
                </ol>
            </section>
        }).collect_view()}
    }
}
