//! Light, dark or follow the system; remembered on this device.

use crate::state::AppState;
use leptos::prelude::*;

const PREF: &str = "theme";

/// Applies a theme choice ("light", "dark", or anything else for the system's).
pub fn apply_theme(choice: &str) {
    if let Some(root) = document().document_element() {
        match choice {
            "light" | "dark" => root.set_attribute("data-theme", choice).ok(),
            _ => root.remove_attribute("data-theme").ok(),
        };
    }
}

/// The saved choice, applied once at start-up.
pub fn restore_theme() -> String {
    let choice = AppState::pref(PREF).unwrap_or_else(|| "system".into());
    apply_theme(&choice);
    choice
}

#[component]
pub fn ThemeToggle() -> impl IntoView {
    let choice = RwSignal::new(restore_theme());
    let set = move |v: String| {
        apply_theme(&v);
        AppState::set_pref(PREF, &v);
        choice.set(v);
    };
    view! {
        <label class="sr-only" for="theme-choice">"Colour theme"</label>
        <select id="theme-choice" class="theme-choice" title="Colour theme: follow the system, light or dark" on:change=move |ev| set(event_target_value(&ev)) data-testid="theme">
            {[("system", "◐ Auto"), ("light", "☀ Light"), ("dark", "☾ Dark")]
                .into_iter()
                .map(|(v, l)| view! { <option value=v prop:selected=move || choice.get() == v>{l}</option> })
                .collect_view()}
        </select>
    }
}
