//! Explainer: the two roles side by side, the organisation switch and the hierarchy ladder.

use crate::components::{HatBadge, PageHead};
use crate::content::{level_blurb, source, Dimension, DIMENSIONS};
use crate::model::{Command, Level, RoleSetting};
use crate::route::{Page, Route};
use crate::state::AppState;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

#[component]
pub fn ExplainerPage() -> impl IntoView {
    let state = AppState::expect();
    // Scroll to the section the URL names (e.g. from a hat badge).
    Effect::new(move |_| {
        if let Some(focus) = state.route.with(|r| r.focus.clone()) {
            request_animation_frame(move || {
                if let Some(el) = document().get_element_by_id(&focus) {
                    el.scroll_into_view();
                    if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
                        el.focus().ok();
                    }
                }
            });
        }
    });
    view! {
        <PageHead
            title="Who does what"
            lead="The Product Manager looks outward and far ahead; the Product Owner looks inward, at this sprint and the next. Pick how your organisation splits the work, then explore each difference."
        />
        <OrgSwitch />
        <section class="section" aria-labelledby="compare-title">
            <h2 id="compare-title">"The two roles, side by side"</h2>
            <div class="compare" role="list">
                <div class="compare__head" aria-hidden="true">
                    <span></span>
                    <span class="compare__role compare__role--pm">"Product Manager"</span>
                    <span class="compare__role compare__role--po">"Product Owner"</span>
                </div>
                {DIMENSIONS.iter().map(|d| view! { <DimensionRow d=*d /> }).collect_view()}
            </div>
        </section>
        <Ladder />
    }
}

#[component]
fn OrgSwitch() -> impl IntoView {
    let state = AppState::expect();
    let roles = move || state.ws.with(|w| w.roles);
    let set = move |r: RoleSetting| {
        if roles() != r {
            let _ = state.dispatch(Command::SetRoles(r));
        }
    };
    let guidance = move || {
        match roles() {
        RoleSetting::Separate => "Two people. The PM owns vision, OKRs, themes and features; the PO owns the backlog and sprints. Watch for: the two drifting apart — keep negotiating, neither reports to the other.",
        RoleSetting::OnePerson => "One person wears both hats, common in startups and small teams. Watch for: the outward, long-term work being crowded out by the sprint's daily needs. Kristin Runyan argues this does not hold for long.",
        RoleSetting::NoPm => "No Product Manager: the Product Owner takes on all of the PM's work, sometimes with business analysts helping. Watch for: strategy going unowned while the backlog is busy.",
    }
    };
    view! {
        <section class="section org-switch" aria-labelledby="org-title">
            <h2 id="org-title">"How does your organisation split the roles?"</h2>
            <div class="segmented" role="radiogroup" aria-labelledby="org-title" data-testid="org-switch">
                {RoleSetting::ALL
                    .into_iter()
                    .map(|r| view! {
                        <label class="segmented__option" class:segmented__option--on=move || roles() == r>
                            <input
                                type="radio"
                                name="org"
                                value=r.key()
                                prop:checked=move || roles() == r
                                on:change=move |_| set(r)
                            />
                            {r.label()}
                        </label>
                    })
                    .collect_view()}
            </div>
            <p class="org-switch__guidance" data-testid="org-guidance">{guidance}</p>
            <p class="muted">"The badges across the whole app follow this setting."</p>
        </section>
    }
}

#[component]
fn DimensionRow(d: Dimension) -> impl IntoView {
    let sources = d
        .sources
        .iter()
        .filter_map(|k| source(k))
        .map(|s| view! { <li><cite>{format!("“{}”", s.title)}</cite>{format!(" — {}", s.author)}</li> })
        .collect_view();
    view! {
        <details class="compare__row" id=format!("dim-{}", d.key) role="listitem" data-testid="dimension">
            <summary>
                <span class="compare__name">{d.name}</span>
                <span class="compare__pm">{d.pm}</span>
                <span class="compare__po">{d.po}</span>
            </summary>
            <div class="compare__more">
                <p><strong>"PM: "</strong>{d.pm_more}</p>
                <p><strong>"PO: "</strong>{d.po_more}</p>
                <p class="sources-label">"Sources:"</p>
                <ul class="sources">{sources}</ul>
            </div>
        </details>
    }
}

#[component]
fn Ladder() -> impl IntoView {
    let state = AppState::expect();
    let editor = move |level: Level| -> (Page, &'static str) {
        match level {
            Level::Portfolio => (Page::Home, "See the portfolio"),
            Level::Product | Level::Objective | Level::Theme => {
                (Page::Hierarchy, "Open in the hierarchy")
            }
            Level::Feature => (Page::Roadmap, "Open the roadmap"),
            Level::Item | Level::Sprint => (Page::Backlog, "Open the backlog"),
        }
    };
    view! {
        <section class="section" aria-labelledby="ladder-title">
            <h2 id="ladder-title">"The hierarchy, and who owns each level"</h2>
            <ol class="ladder" data-testid="ladder">
                {Level::ALL
                    .into_iter()
                    .map(|level| {
                        let (page, label) = editor(level);
                        let href = move || Route::page(page).with_product(state.product_id()).with_focus(level.key()).href();
                        view! {
                            <li class="ladder__step" id=format!("level-{}", level.key()) tabindex="-1">
                                <div class="ladder__name">
                                    <HatBadge level=level />
                                    <h3>{level.label()}</h3>
                                </div>
                                <p>{level_blurb(level)}</p>
                                <a href=href class="ladder__link">{label}</a>
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
        </section>
    }
}
