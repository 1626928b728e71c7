//! A table that may be wider than a phone: it scrolls sideways in its own region, which
//! takes the focus so the keyboard can scroll it too.

use leptos::prelude::*;

#[component]
pub fn WideTable(
    /// Names the scrolling region for screen readers.
    label: &'static str,
    /// Classes of the table besides `table`.
    #[prop(optional)]
    class: &'static str,
    children: Children,
) -> impl IntoView {
    view! {
        <div class="table-wrap" tabindex="0" role="region" aria-label=label>
            <table class=format!("table {class}")>{children()}</table>
        </div>
    }
}
