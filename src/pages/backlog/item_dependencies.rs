//! The item panel's "Waits for": the items this one depends on, and those it blocks.

use super::ui::BacklogUi;
use crate::components::depends_on::{DependsOn, Other, MATCHES};
use crate::model::{Command, Entity, Id, Item, ItemStatus, Product};
use crate::state::{read_product, with_product, AppState};
use leptos::prelude::*;

fn other(i: &Item) -> Other {
    Other {
        id: i.id.clone(),
        title: i.title.clone(),
        done: i.status == ItemStatus::Done,
    }
}

fn waits_for(p: &Product, id: &Id) -> Vec<Other> {
    p.item(id)
        .map(|i| {
            i.depends_on
                .iter()
                .filter_map(|d| p.item(d))
                .map(other)
                .collect()
        })
        .unwrap_or_default()
}

fn blocks(p: &Product, id: &Id) -> Vec<Other> {
    p.items
        .iter()
        .filter(|i| i.depends_on.contains(id))
        .map(other)
        .collect()
}

#[component]
pub(super) fn ItemDependencies(id: Id) -> impl IntoView {
    let state = AppState::expect();
    let ui = BacklogUi::expect();
    let id = StoredValue::new(id);
    let waits = Memo::new(move |_| {
        read_product(state, |p| waits_for(p, &id.get_value())).unwrap_or_default()
    });
    let blocked =
        Memo::new(move |_| read_product(state, |p| blocks(p, &id.get_value())).unwrap_or_default());
    let find = Callback::new(move |q: String| {
        read_product(state, |p| {
            let me = id.get_value();
            let mine = p.item(&me).map_or(0, |i| i.depends_on.len());
            p.items
                .iter()
                .filter(|i| i.id != me && i.title.to_lowercase().contains(&q))
                // Enough to fill the list once those it already waits for are left out.
                .take(MATCHES + mine)
                .map(other)
                .collect::<Vec<_>>()
        })
        .unwrap_or_default()
    });
    // The field's message is the problem alone: the panel already says which item.
    let set = Callback::new(move |ids: Vec<Id>| {
        let gone = || "This item no longer exists.".to_string();
        let product = state.product.get_untracked().ok_or_else(gone)?;
        let mut item = with_product(state, |p| p.item(&id.get_value()).cloned())
            .flatten()
            .ok_or_else(gone)?;
        item.depends_on = ids;
        let entity = Entity::Item(item);
        state
            .try_dispatch(Command::Edit { product, entity })
            .map_err(|e| format!("{}.", crate::text::capitalise(&e.what)))
    });
    let open = Callback::new(move |other: Id| ui.show(Some(other)));
    view! {
        <DependsOn noun="item" waits_for=waits blocks=blocked find=find set=set open=open testid="item-dependencies" />
    }
}
