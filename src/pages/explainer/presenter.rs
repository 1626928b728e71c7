//! Presenter mode: one section at a time in large type for a projector; ←/→, Page Up/Down
//! or Space move between slides, Escape leaves.

use super::cite::cite;
use super::differs::says_otherwise;
use crate::content::{org_guidance, CEREMONIES, DEBATES, DIMENSIONS};
use crate::model::{owner, Level};
use crate::state::AppState;
use leptos::prelude::*;

#[derive(Clone, Copy)]
enum Slide {
    Intro,
    Dimension(usize),
    Ladder,
    Ceremony(usize),
    Debate(usize),
}

fn slides() -> Vec<Slide> {
    let mut s = vec![Slide::Intro];
    s.extend((0..DIMENSIONS.len()).map(Slide::Dimension));
    s.push(Slide::Ladder);
    s.extend((0..CEREMONIES.len()).map(Slide::Ceremony));
    s.extend((0..DEBATES.len()).map(Slide::Debate));
    s
}

const LAST_SLIDE: &str = "presenter.slide";

/// The slide the presenter was last on (0-based), to resume there.
pub(super) fn last_slide() -> usize {
    AppState::pref(LAST_SLIDE)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0)
}

/// "Present (full screen)" means it: the whole screen, through the Fullscreen API. Called
/// from the click itself, which the browser requires.
pub(super) fn enter_fullscreen() {
    if let Some(root) = document().document_element() {
        if document().fullscreen_element().is_none() {
            root.request_fullscreen().ok();
        }
    }
}

pub(super) fn leave_fullscreen() {
    if document().fullscreen_element().is_some() {
        document().exit_fullscreen();
    }
}

#[component]
pub(super) fn Presenter(
    /// The slide to open on (0-based).
    start: usize,
    /// Called with each slide moved to, for its URL.
    on_move: impl Fn(usize) + Copy + Send + Sync + 'static,
    on_close: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let state = AppState::expect();
    let all = slides();
    let n = all.len();
    let index = RwSignal::new(start.min(n - 1));
    Effect::new(move |prev: Option<usize>| {
        let i = index.get();
        if prev.is_some_and(|p| p != i) {
            on_move(i);
        }
        AppState::set_pref(LAST_SLIDE, &i.to_string());
        i
    });
    let root = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |_| {
        if let Some(el) = root.get() {
            el.focus().ok();
        }
    });
    let on_key = move |ev: leptos::ev::KeyboardEvent| match ev.key().as_str() {
        "ArrowRight" | "PageDown" | " " => {
            ev.prevent_default();
            index.update(|i| *i = (*i + 1).min(n - 1));
        }
        "ArrowLeft" | "PageUp" => {
            ev.prevent_default();
            index.update(|i| *i = i.saturating_sub(1));
        }
        "Home" => index.set(0),
        "End" => index.set(n - 1),
        "Escape" => on_close(),
        _ => crate::components::dialog::keep_tab_inside(&ev),
    };
    let body = move || {
        let roles = state.ws.with(|w| w.roles);
        match all[index.get()] {
            Slide::Intro => {
                let (who, watch, sources) = org_guidance(roles);
                view! {
                    <h2>"Two hats: Product Manager and Product Owner"</h2>
                    <p class="slide__lead">"The PM looks outward and far ahead: why, for whom, what. The PO looks inward, sprint by sprint: how, and in what order."</p>
                    <p><strong>"In this organisation: "</strong>{who}</p>
                    <p><strong>"Watch for: "</strong>{watch}</p>
                    {cite(sources)}
                }.into_any()
            }
            Slide::Dimension(k) => {
                let d = DIMENSIONS[k];
                side_by_side(
                    d.name,
                    view! { <h3>"Product Manager"</h3><p>{d.pm}</p><p class="slide__more">{d.pm_more}</p> },
                    view! { <h3>"Product Owner"</h3><p>{d.po}</p><p class="slide__more">{d.po_more}</p>{d.po_differs.map(says_otherwise)} },
                    d.sources,
                )
            }
            Slide::Ladder => view! {
                <h2>"Who owns each level"</h2>
                <ol class="slide__ladder">
                    {Level::ALL.iter().map(|l| view! { <li><strong>{l.label()}</strong>" — "{crate::text::ownership(owner(*l, roles), roles)}</li> }).collect_view()}
                </ol>
            }.into_any(),
            Slide::Ceremony(k) => {
                let c = CEREMONIES[k];
                side_by_side(
                    c.name,
                    view! { <h3>{format!("Product Manager · {}", c.pm.label())}</h3><p>{c.pm_role}</p> },
                    view! { <h3>{format!("Product Owner · {}", c.po.label())}</h3><p>{c.po_role}</p>{c.po_differs.map(says_otherwise)} },
                    c.sources,
                )
            }
            Slide::Debate(k) => {
                let d = DEBATES[k];
                view! {
                    <h2>{d.question}</h2>
                    <div class="slide__pair">
                        <div><h3>{d.yes_label}</h3><p>{d.yes}</p>{cite(d.yes_sources)}</div>
                        <div><h3>{d.no_label}</h3><p>{d.no}</p>{cite(d.no_sources)}</div>
                    </div>
                }.into_any()
            }
        }
    };
    view! {
        <div
            class="presenter"
            role="dialog"
            aria-modal="true"
            aria-label="Presenter mode"
            tabindex="-1"
            node_ref=root
            on:keydown=on_key
            data-testid="presenter"
        >
            <div class="slide" aria-live="polite">{body}</div>
            <div class="presenter__bar">
                <button type="button" class="btn" on:click=move |_| index.update(|i| *i = i.saturating_sub(1)) disabled=move || index.get() == 0>"← Previous"</button>
                <span data-testid="slide-count">{move || format!("{} / {n}", index.get() + 1)}</span>
                <button type="button" class="btn" on:click=move |_| index.update(|i| *i = (*i + 1).min(n - 1)) disabled=move || index.get() + 1 == n>"Next →"</button>
                <button type="button" class="btn btn--ghost" on:click=move |_| on_close()>"Close (Esc)"</button>
            </div>
        </div>
    }
}

/// A slide that sets the two roles side by side under its title, then its sources.
fn side_by_side(
    title: &'static str,
    pm: impl IntoView + 'static,
    po: impl IntoView + 'static,
    sources: &'static [&'static str],
) -> AnyView {
    view! {
        <h2>{title}</h2>
        <div class="slide__pair">
            <div class="slide__pm">{pm}</div>
            <div class="slide__po">{po}</div>
        </div>
        {cite(sources)}
    }
    .into_any()
}
