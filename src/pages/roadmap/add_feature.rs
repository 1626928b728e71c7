//! The one-line form that adds a feature, on the timeline's lanes and the board.

use crate::components::fields::uid;
use crate::model::{ids::prefix, Command, Entity, Feature, Id};
use crate::state::{new_id, AppState};
use leptos::prelude::*;

/// A one-line form that adds a feature to a theme (or to no theme).
#[component]
pub(crate) fn AddFeature(theme: Option<Id>, label: String) -> impl IntoView {
    let state = AppState::expect();
    let title = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let id = uid("feat");
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let t = title.get_untracked().trim().to_string();
        if t.is_empty() {
            error.set(Some("Give the feature a title.".into()));
            return;
        }
        let f = Feature::new(new_id(prefix::FEATURE), t.clone(), theme.clone());
        match state.dispatch_here(|product| Command::Add {
            product,
            entity: Entity::Feature(f),
            index: None,
        }) {
            Ok(()) => {
                title.set(String::new());
                error.set(None);
                state.say(
                    format!("Feature “{t}” added. Place it on the timeline or on the board."),
                    false,
                );
            }
            Err(e) => error.set(Some(e.to_string())),
        }
    };
    view! {
        <form class="inline-add inline-add--small" on:submit=submit data-testid="add-feature-form">
            <label for=id.clone() class="sr-only">{label}</label>
            <input id=id.clone() type="text" placeholder="+ feature" maxlength="300" prop:value=move || title.get() on:input=move |ev| title.set(event_target_value(&ev)) data-testid="new-feature" />
            <p class="field-error" role="alert">{move || error.get()}</p>
        </form>
    }
}
