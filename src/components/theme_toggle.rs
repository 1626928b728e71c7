//! Light, dark or follow the system; remembered on this device.

use crate::state::AppState;
use crate::text::Choice;
use leptos::prelude::*;

const PREF: &str = "theme";

/// The colour theme chosen: the system's, or one of the two.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Theme {
    #[default]
    System,
    Light,
    Dark,
}

impl Theme {
    pub const ALL: [Theme; 3] = [Theme::System, Theme::Light, Theme::Dark];
    /// As stored, and as `data-theme` on the page (none for the system's).
    pub fn key(self) -> &'static str {
        match self {
            Theme::System => "system",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }
    pub fn label(self) -> &'static str {
        match self {
            Theme::System => "◐ Auto",
            Theme::Light => "☀ Light",
            Theme::Dark => "☾ Dark",
        }
    }
}
crate::text::choice::choice!(Theme, key);

/// Applies a theme choice to the page.
pub fn apply_theme(choice: Theme) {
    if let Some(root) = document().document_element() {
        match choice {
            Theme::System => root.remove_attribute("data-theme").ok(),
            t => root.set_attribute("data-theme", t.key()).ok(),
        };
    }
}

/// The saved choice, applied once at start-up.
pub fn restore_theme() -> Theme {
    let choice = AppState::pref(PREF)
        .and_then(|k| Theme::from_key(&k))
        .unwrap_or_default();
    apply_theme(choice);
    choice
}

#[component]
pub fn ThemeToggle() -> impl IntoView {
    let choice = RwSignal::new(restore_theme());
    let set = move |key: String| {
        let Some(t) = Theme::from_key(&key) else {
            return;
        };
        apply_theme(t);
        AppState::set_pref(PREF, t.key());
        choice.set(t);
    };
    view! {
        <label class="sr-only" for="theme-choice">"Colour theme"</label>
        <select id="theme-choice" class="theme-choice" title="Colour theme: follow the system, light or dark" on:change=move |ev| set(event_target_value(&ev)) data-testid="theme">
            {Theme::ALL
                .into_iter()
                .map(|t| view! { <option value=t.key() prop:selected=move || choice.get() == t>{t.label()}</option> })
                .collect_view()}
        </select>
    }
}
