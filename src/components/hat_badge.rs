//! The badge that says which hat owns a level; it links to the explainer's section on it
//! (except on that section itself, where a link would only lead back to where it is).

use crate::model::{owner, Hat, Level};
use crate::route::{Page, Route};
use crate::state::AppState;
use leptos::prelude::*;

#[component]
pub fn HatBadge(
    level: Level,
    /// A badge, not a link: for the explainer's own ladder.
    #[prop(optional)]
    plain: bool,
) -> impl IntoView {
    let state = AppState::expect();
    let ownership = Memo::new(move |_| owner(level, state.ws.with(|w| w.roles)));
    let class = move || {
        let o = ownership.get();
        let hat = match (o.hat, o.helper) {
            (Hat::Pm, Some(_)) => "hat--shared",
            (Hat::Pm, None) => "hat--pm",
            (Hat::Po, _) => "hat--po",
        };
        format!("hat {hat}")
    };
    let href = Route::page(Page::Explainer)
        .with_focus(format!("level-{}", level.key()))
        .href();
    let describe = move || crate::text::ownership(ownership.get(), state.ws.with(|w| w.roles));
    let text = move || crate::text::hat_badge(ownership.get());
    // Without an href, an <a> is a placeholder: no link, no Tab stop (one element either
    // way keeps this, which every page head shows, small in the first load).
    let label = move || {
        (!plain).then(|| {
            format!(
                "{} — {}: {}. Open the explainer for this level.",
                text(),
                level.label(),
                describe()
            )
        })
    };
    view! {
        <a
            class=class
            href=(!plain).then_some(href)
            title=describe
            aria-label=label
            data-testid="hat-badge"
            data-level=level.key()
        >
            {text}
        </a>
    }
}
