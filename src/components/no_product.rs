//! What a product page shows when there is no product yet.

use crate::components::NewProductForm;
use crate::state::AppState;
use leptos::prelude::*;

#[component]
pub fn NoProduct(what: &'static str) -> impl IntoView {
    let state = AppState::expect();
    view! {
        <div class="empty-state" data-testid="no-product">
            <h2>"No product yet"</h2>
            <p>{format!("{what} belongs to a product. Create one, or load the sample to see a full example.")}</p>
            <NewProductForm />
            <button type="button" class="btn" on:click=move |_| state.load_sample() data-testid="load-sample">
                "Load the sample product"
            </button>
        </div>
    }
}

/// A page about the product shown: its head, then `children` — or, with no product yet,
/// what to do first.
#[component]
pub fn ProductPage(
    title: &'static str,
    level: crate::model::Level,
    lead: &'static str,
    /// What the page is, for the empty state: "A backlog belongs to a product…".
    what: &'static str,
    children: ChildrenFn,
) -> impl IntoView {
    let state = AppState::expect();
    view! {
        <crate::components::PageHead title=title level=level lead=lead />
        <Show when=move || state.product.with(Option::is_some) fallback=move || view! { <NoProduct what=what /> }>
            {children()}
        </Show>
    }
}
