//! The quick-add line: type, title, Enter — and the focus stays for the next one.

use crate::components::{AddField, AddLine, EnumSelect, Layout};
use crate::model::{ids::prefix, Entity, Item, ItemKind};
use crate::state::{new_id, AppState};
use leptos::prelude::*;

#[component]
pub(crate) fn QuickAdd() -> impl IntoView {
    let state = AppState::expect();
    let kind = RwSignal::new(ItemKind::Story);
    let line = AddLine::new();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(t) = line.take("Type a title for the item.") else {
            return;
        };
        let kind = kind.get_untracked();
        let item = Item::new(new_id(prefix::ITEM), kind, t.clone());
        if line.done(state.add_here(Entity::Item(item))) {
            let added = format!("Added {} “{t}” at the bottom of the backlog.", kind.label());
            state.say(added, false);
        }
    };
    view! {
        <form class="quick-add" on:submit=submit data-testid="quick-add">
            <EnumSelect label="Item type" value=kind on_pick=move |k: ItemKind| kind.set(k) layout=Layout::Bare testid="quick-add-kind" />
            <AddField line id="quick-add-title" label="New item title" placeholder="Add an item: type a title and press Enter" testid="quick-add-title" maxlength=300 />
            <button type="submit" class="btn btn--primary">"Add"</button>
            <p class="field-error" id="quick-add-title-error" role="alert">{move || line.error.get()}</p>
        </form>
    }
}
