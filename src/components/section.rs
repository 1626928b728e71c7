//! A titled section of a page. Its heading names the region for screen readers, and takes
//! the focus where a link or a jump lands on it.

use leptos::prelude::*;

#[component]
pub fn Section(
    /// The heading's id is `{name}-title`, which pages and tests link to.
    name: &'static str,
    title: &'static str,
    #[prop(optional)] testid: Option<&'static str>,
    /// Lets the heading take the focus (tabindex -1) where a link lands on it.
    #[prop(optional)]
    focusable: bool,
    children: Children,
) -> impl IntoView {
    let title_id = format!("{name}-title");
    view! {
        <section class="section" aria-labelledby=title_id data-testid=testid>
            <h2 id=title_id.clone() tabindex=focusable.then_some("-1")>{title}</h2>
            {children()}
        </section>
    }
}
