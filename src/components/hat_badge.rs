//! The badge that says which hat owns a level; it links to the explainer's section on it.

use crate::model::{owner, Hat, Level, Ownership};
use crate::route::{Page, Route};
use crate::state::AppState;
use leptos::prelude::*;

#[component]
pub fn HatBadge(level: Level) -> impl IntoView {
    let state = AppState::expect();
    let ownership = Memo::new(move |_| owner(level, state.ws.with(|w| w.roles)));
    let class = move || hat_class(ownership.get());
    let href = Route::page(Page::Explainer)
        .with_focus(format!("level-{}", level.key()))
        .href();
    let describe = move || crate::text::ownership(ownership.get(), state.ws.with(|w| w.roles));
    view! {
        <a
            class=class
            href=href
            title=describe
            aria-label=move || format!("{} — {}: {}. Open the explainer for this level.", crate::text::hat_badge(ownership.get()), level.label(), describe())
            data-testid="hat-badge"
            data-level=level.key()
        >
            {move || crate::text::hat_badge(ownership.get())}
        </a>
    }
}

/// The badge's classes: its colour says whose hat.
pub fn hat_class(o: Ownership) -> String {
    let hat = match (o.hat, o.helper) {
        (Hat::Pm, Some(_)) => "hat--shared",
        (Hat::Pm, None) => "hat--pm",
        (Hat::Po, _) => "hat--po",
    };
    format!("hat {hat}")
}
