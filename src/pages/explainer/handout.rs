//! The handout a trainer prints for a session: on the front, the same facts as the
//! explainer condensed into tables, with the organisation setting in force; on the back,
//! the debates and questions to discuss; every source named.
//! Hidden on screen; `style/print.css` shows it instead of the interactive page.

use super::cite::cite;
use crate::content::{
    level_blurb, org_guidance, Differs, CEREMONIES, DEBATES, DIMENSIONS, DISCUSSION_PROMPTS,
    SOURCES,
};
use crate::model::{owner, Level};
use crate::state::AppState;
use leptos::prelude::*;

#[component]
pub fn Handout() -> impl IntoView {
    let state = AppState::expect();
    let roles = move || state.ws.with(|w| w.roles);
    view! {
        <section class="handout" data-testid="handout">
            <h2 class="handout__title">"Two hats: the Product Manager and the Product Owner"</h2>
            {move || {
                let r = roles();
                let (who, watch, _) = org_guidance(r);
                view! {
                    <p class="handout__org"><strong>{format!("{}: ", r.label())}</strong>{who}" "<em>{watch}</em></p>
                }
            }}
            <div class="handout__cols">
                <table class="handout__table">
                    <caption>"Side by side"</caption>
                    <thead><tr><th scope="col"></th><th scope="col">"Product Manager"</th><th scope="col">"Product Owner"</th></tr></thead>
                    <tbody>
                        {DIMENSIONS.iter().map(|d| view! {
                            <tr><th scope="row">{d.name}</th><td>{d.pm}</td><td>{d.po}{mark(d.po_differs)}</td></tr>
                        }).collect_view()}
                    </tbody>
                </table>
                <div>
                    <table class="handout__table">
                        <caption>"Who owns each level"</caption>
                        <tbody>
                            {move || {
                                let r = roles();
                                Level::ALL.into_iter().map(|level| view! {
                                    <tr>
                                        <th scope="row">{level.label()}</th>
                                        <td class="handout__hat">{crate::text::hat_badge(owner(level, r))}</td>
                                        <td>{level_blurb(level)}</td>
                                    </tr>
                                }).collect_view()
                            }}
                        </tbody>
                    </table>
                    <table class="handout__table">
                        <caption>"Ceremonies"</caption>
                        <thead><tr><th scope="col"></th><th scope="col">"PM"</th><th scope="col">"PO"</th></tr></thead>
                        <tbody>
                            {CEREMONIES.iter().map(|c| view! {
                                <tr><th scope="row">{c.name}</th><td>{c.pm.label()}</td><td>{c.po.label()}{mark(c.po_differs)}</td></tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
            </div>
            <Notes />
            <Debates />
            <p class="handout__sources">
                "Sources: "
                {SOURCES.iter().map(|s| format!("“{}” ({}). ", s.title, s.author)).collect::<String>()}
            </p>
        </section>
    }
}

/// The mark on a claim another source contradicts; the note is below the tables.
fn mark(differs: Option<Differs>) -> Option<&'static str> {
    differs.map(|_| " †")
}

/// What the Scrum Guide says otherwise, under the tables: on paper too, a trainee sees
/// both sides.
#[component]
fn Notes() -> impl IntoView {
    let notes = DIMENSIONS
        .iter()
        .filter_map(|d| d.po_differs.map(|n| (d.name, n)))
        .chain(CEREMONIES.iter().filter_map(|c| c.po_differs.map(|n| (c.name, n))))
        .map(|(name, n)| {
            view! {
                <p>
                    <strong>{format!("† {name}, Product Owner — {} says otherwise: ", n.who())}</strong>
                    {n.text}
                </p>
            }
        })
        .collect_view();
    view! { <div class="handout__differs">{notes}</div> }
}

/// The back of the sheet: each debate's two sides with their sources, and questions for
/// the room.
#[component]
fn Debates() -> impl IntoView {
    view! {
        <div class="handout__back">
            <h3 class="handout__subtitle">"The debates: both sides"</h3>
            {DEBATES.iter().map(|d| view! {
                <div class="handout__debate">
                    <p><strong>{d.question}</strong></p>
                    <p><em>{format!("{}: ", d.yes_label)}</em>{d.yes}</p>
                    {cite(d.yes_sources)}
                    <p><em>{format!("{}: ", d.no_label)}</em>{d.no}</p>
                    {cite(d.no_sources)}
                </div>
            }).collect_view()}
            <h3 class="handout__subtitle">"To discuss"</h3>
            <ol class="handout__prompts">
                {DISCUSSION_PROMPTS.iter().map(|p| view! { <li>{*p}</li> }).collect_view()}
            </ol>
        </div>
    }
}
