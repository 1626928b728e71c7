//! Backlog: the Product Owner's ordered list of items, with a quick-add line.

use crate::components::{NoProduct, PageHead};
use crate::model::{ids::prefix, Command, Entity, Id, Item, ItemKind, Level};
use crate::state::{new_id, AppState};
use leptos::prelude::*;

#[component]
pub fn BacklogPage() -> impl IntoView {
    let state = AppState::expect();
    view! {
        <PageHead
            title="Backlog"
            level=Level::Item
            lead="The product backlog in rank order: the top is what the team does next."
        />
        {move || match state.product_id() {
            None => view! { <NoProduct what="A backlog" /> }.into_any(),
            Some(id) => view! { <QuickAdd product=id.clone() /> <BacklogList product=id /> }.into_any(),
        }}
    }
}

#[component]
fn QuickAdd(product: Id) -> impl IntoView {
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
        let cmd = Command::Add {
            product: product.clone(),
            entity: Entity::Item(item),
            index: None,
        };
        match state.dispatch(cmd) {
            Ok(()) => {
                title.set(String::new());
                error.set(None);
                state.say(format!("Added “{t}” at the bottom of the backlog."), false);
            }
            Err(e) => error.set(Some(e.to_string())),
        }
    };
    view! {
        <form class="quick-add" on:submit=submit data-testid="quick-add">
            <label for="quick-add-kind" class="sr-only">"Item type"</label>
            <select
                id="quick-add-kind"
                on:change=move |ev| {
                    let v = event_target_value(&ev);
                    if let Some(k) = ItemKind::ALL.into_iter().find(|k| k.key() == v) {
                        kind.set(k);
                    }
                }
            >
                {ItemKind::ALL.into_iter().map(|k| view! { <option value=k.key()>{k.label()}</option> }).collect_view()}
            </select>
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

#[component]
fn BacklogList(product: Id) -> impl IntoView {
    let state = AppState::expect();
    let rows = Memo::new(move |_| {
        state.ws.with(|w| {
            w.product(&product)
                .map(|p| {
                    p.items
                        .iter()
                        .map(|i| {
                            let feature = i
                                .feature
                                .as_ref()
                                .and_then(|f| p.feature(f))
                                .map(|f| f.title.clone());
                            let sprint = i
                                .sprint
                                .as_ref()
                                .and_then(|s| p.sprint(s))
                                .map(|s| s.name.clone());
                            (i.clone(), feature, sprint)
                        })
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    view! {
        <Show
            when=move || rows.with(|r| !r.is_empty())
            fallback=|| view! {
                <div class="empty-state"><h2>"The backlog is empty"</h2><p>"Add the first item above: a user story, a technical task, a spike or a bug. The order of the list is the order the team works in."</p></div>
            }
        >
            <table class="table" data-testid="backlog-table">
                <thead>
                    <tr>
                        <th scope="col">"#"</th>
                        <th scope="col">"Type"</th>
                        <th scope="col">"Title"</th>
                        <th scope="col">"Feature"</th>
                        <th scope="col">"Estimate"</th>
                        <th scope="col">"Priority"</th>
                        <th scope="col">"Status"</th>
                        <th scope="col">"Sprint"</th>
                    </tr>
                </thead>
                <tbody>
                    {move || rows.get()
                        .into_iter()
                        .enumerate()
                        .map(|(n, (i, feature, sprint))| view! {
                            <tr data-testid="backlog-row">
                                <td class="num">{n + 1}</td>
                                <td><span class=format!("kind kind--{}", i.kind.key())>{i.kind.label()}</span></td>
                                <td class="title-cell">{i.title.clone()}</td>
                                <td>{feature.unwrap_or_else(|| "—".into())}</td>
                                <td class="num">{i.estimate.map(|e| e.to_string()).unwrap_or_else(|| "—".into())}</td>
                                <td>{i.priority.map(|p| p.label()).unwrap_or("—")}</td>
                                <td>{i.status.label()}</td>
                                <td>{sprint.unwrap_or_else(|| "—".into())}</td>
                            </tr>
                        })
                        .collect_view()}
                </tbody>
            </table>
        </Show>
    }
}
