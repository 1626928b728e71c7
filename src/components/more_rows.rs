//! Paging for long lists: only the first rows are drawn, and a button draws more. A
//! Leptos list of 10,000 rows takes most of a second to render; 200 take a frame. Every
//! row drawn stays in the normal tab order and reading order, which windowing by scroll
//! position would break for keyboard and screen-reader users.

use leptos::prelude::*;

/// How many rows a list draws before asking.
pub const PAGE: usize = 200;

/// "Showing 200 of 10,000 — Show 200 more / Show all", or nothing when all are shown.
#[component]
pub fn MoreRows(
    total: Signal<usize>,
    limit: RwSignal<usize>,
    #[prop(into)] noun: String,
) -> impl IntoView {
    let noun = StoredValue::new(noun);
    view! {
        <Show when=move || { total.get() > limit.get() }>
            <div class="more-rows" role="group" aria-label="More rows" data-testid="more-rows">
                <span>{move || format!("Showing {} of {} {}", limit.get().min(total.get()), total.get(), noun.get_value())}</span>
                <button type="button" class="btn btn--small" on:click=move |_| limit.update(|l| *l += PAGE)>
                    {move || format!("Show {} more", PAGE.min(total.get().saturating_sub(limit.get())))}
                </button>
                <button type="button" class="btn btn--small btn--ghost" on:click=move |_| limit.set(usize::MAX)>"Show all"</button>
            </div>
        </Show>
    }
}
