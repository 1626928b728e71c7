//! A segmented control over a `Choice`: one pressed button per value, for the few-valued
//! switches a toolbar shows (the roadmap's view and zoom).

use crate::text::Choice;
use leptos::prelude::*;

#[component]
pub fn Segmented<T: Choice>(
    /// Names the group for screen readers.
    label: &'static str,
    value: RwSignal<T>,
    /// Each button's test id is this, a dash and the value's key.
    #[prop(optional)]
    testid: &'static str,
) -> impl IntoView {
    let buttons = T::all()
        .iter()
        .map(|&c| {
            let on = move || value.get() == c;
            view! {
                <button
                    type="button"
                    class="segmented__option"
                    class:segmented__option--on=on
                    aria-pressed=move || on().to_string()
                    on:click=move |_| value.set(c)
                    data-testid=(!testid.is_empty()).then(|| format!("{testid}-{}", c.key()))
                >
                    {c.label()}
                </button>
            }
        })
        .collect_view();
    view! { <div class="segmented" role="group" aria-label=label>{buttons}</div> }
}
