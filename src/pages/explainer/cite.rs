//! Where a fact comes from: the source articles named beside what the app says.

use crate::content::source;
use leptos::prelude::*;

/// "“Title” — author" for each source key.
pub(crate) fn cite(keys: &[&str]) -> impl IntoView {
    let items = keys
        .iter()
        .filter_map(|k| source(k))
        .map(|s| view! { <li><cite>{format!("“{}”", s.title)}</cite>{format!(" — {}", s.author)}</li> })
        .collect_view();
    view! { <ul class="sources">{items}</ul> }
}
