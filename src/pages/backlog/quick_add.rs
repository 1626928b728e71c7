//! The quick-add line: type, title, Enter — and the focus stays for the next one.

use crate::components::{EnumSelect, Layout};
use crate::model::{ids::prefix, Command, Entity, Item, ItemKind};
use crate::state::{new_id, AppState};
use leptos::prelude::*;

#[component]
pub(crate) fn QuickAdd() -> impl IntoView {
    let state = AppState::expect();
    let kind = RwSignal::new(ItemKind::Story);
    let title = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let t = title.get_untracked().trim().to_string();
        if t.is_empty() {
            error.set(Some("Type a title for the item.".into()));
            return;
        }
        let item = Item::new(new_id(prefix::ITEM), kind.get_untracked(), t.clone());
        match state.dispatch_here(|product| Command::Add {
            product,
            entity: Entity::Item(item),
            index: None,
        }) {
            Ok(()) => {
                title.set(String::new());
                error.set(None);
                state.say(
                    format!(
                        "Added {} “{t}” at the bottom of the backlog.",
                        kind.get_untracked().label()
                    ),
                    false,
                );
            }
            Err(e) => error.set(Some(e.to_string())),
        }
    };
    view! {
        <form class="quick-add" on:submit=submit data-testid="quick-add">
            <EnumSelect label="Item type" value=kind on_pick=move |k: ItemKind| kind.set(k) layout=Layout::Bare testid="quick-add-kind" />
            <label for="quick-add-title" class="sr-only">"New item title"</label>
            <input
                id="quick-add-title"
                type="text"
                placeholder="Add an item: type a title and press Enter"
                maxlength="300"
                prop:value=move || title.get()
                on:input=move |ev| title.set(event_target_value(&ev))
                aria-describedby="quick-add-error"
                data-testid="quick-add-title"
            />
            <button type="submit" class="btn btn--primary">"Add"</button>
            <p class="field-error" id="quick-add-error" role="alert">{move || error.get()}</p>
        </form>
    }
}
