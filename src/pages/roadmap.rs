//! Roadmap: the Product Manager's view of features by horizon.

use crate::components::{NoProduct, PageHead};
use crate::model::rollup::feature_rollup;
use crate::model::{Horizon, Level, Product};
use crate::state::AppState;
use leptos::prelude::*;

#[component]
pub fn RoadmapPage() -> impl IntoView {
    let state = AppState::expect();
    let product = Memo::new(move |_| {
        state
            .product_id()
            .and_then(|id| state.ws.with(|w| w.product(&id).cloned()))
    });
    view! {
        <PageHead
            title="Roadmap"
            level=Level::Feature
            lead="Where the product goes next, by theme: the features planned for now, next and later."
        />
        {move || match product.get() {
            None => view! { <NoProduct what="A roadmap" /> }.into_any(),
            Some(p) => view! { <Board p=p /> }.into_any(),
        }}
    }
}

#[component]
fn Board(p: Product) -> impl IntoView {
    let column = |h: Option<Horizon>| {
        let cards = p
            .features
            .iter()
            .filter(|f| f.horizon == h)
            .map(|f| {
                let theme = f.theme.as_ref().and_then(|t| p.theme(t));
                let colour = theme.map(|t| t.colour.clone()).unwrap_or_else(|| "#8a8f98".into());
                let dates = match (f.start, f.end) {
                    (Some(s), Some(e)) => format!("{} {} – {} {}", s.short_name(), s.year, e.short_name(), e.year),
                    _ => "No dates".into(),
                };
                let pc = feature_rollup(&p, &f.id).percent_done().map(|v| format!("{v:.0}% done")).unwrap_or_else(|| "not broken down".into());
                view! {
                    <li class="feature-card" style:--theme-colour=colour data-testid="feature-card">
                        <p class="feature-card__theme">{theme.map(|t| t.name.clone()).unwrap_or_else(|| "No theme".into())}</p>
                        <h3 class="feature-card__title">{f.title.clone()}</h3>
                        <p class="feature-card__meta">{format!("{} · {dates} · {pc}", f.status.label())}</p>
                    </li>
                }
            })
            .collect_view();
        let title = h.map(|h| h.label()).unwrap_or("No horizon");
        view! {
            <section class="board__column" aria-label=title>
                <h2 class="board__title">{title}</h2>
                <ul class="board__cards">{cards}</ul>
            </section>
        }
    };
    let empty = p.features.is_empty();
    view! {
        {empty.then(|| view! {
            <div class="empty-state"><h2>"No features yet"</h2><p>"Features are what the PM decides to build. Add themes and features in the hierarchy, then place them here."</p></div>
        })}
        <div class="board" data-testid="roadmap-board">
            {column(Some(Horizon::Now))}
            {column(Some(Horizon::Next))}
            {column(Some(Horizon::Later))}
            {column(None)}
        </div>
    }
}
