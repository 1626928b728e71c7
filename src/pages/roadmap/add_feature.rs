//! The one-line form that adds a feature, on the timeline's lanes and the board.

use crate::components::fields::uid;
use crate::components::AddLine;
use crate::model::{ids::prefix, Entity, Feature, Id};
use crate::state::{new_id, AppState};
use leptos::prelude::*;

/// A one-line form that adds a feature to a theme (or to no theme).
#[component]
pub(crate) fn AddFeature(theme: Option<Id>, label: String) -> impl IntoView {
    let state = AppState::expect();
    let line = AddLine::new();
    let id = uid("feat");
    let add = move |t: String| {
        let f = Feature::new(new_id(prefix::FEATURE), t.clone(), theme.clone());
        state.add_here(Entity::Feature(f))?;
        let added = format!("Feature “{t}” added. Place it on the timeline or on the board.");
        state.say(added, false);
        Ok::<_, String>(())
    };
    let submit = move |ev| line.submit(ev, "Give the feature a title.", add.clone());
    view! {
        <form class="inline-add inline-add--small" on:submit=submit data-testid="add-feature-form">
            <label for=id.clone() class="sr-only">{label}</label>
            <input id=id.clone() type="text" placeholder="+ feature" maxlength="300" prop:value=move || line.text.get() on:input=move |ev| line.typed(ev) data-testid="new-feature" />
            <p class="field-error" role="alert">{move || line.error.get()}</p>
        </form>
    }
}
