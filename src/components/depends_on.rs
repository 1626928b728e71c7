//! "Waits for": the dependencies of a feature or backlog item, and what it blocks. Add one
//! by finding the other end by title; remove one with its button. A refused change (a
//! loop) is said beside the field and changes nothing.

use crate::components::fields::uid;
use crate::model::Id;
use leptos::prelude::*;

/// One end of a dependency as the editor shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct Other {
    pub id: Id,
    pub title: String,
    pub done: bool,
}

/// Matches a search shows at most: enough to pick from, few enough to read.
pub const MATCHES: usize = 8;

#[component]
pub fn DependsOn(
    /// "feature" or "item".
    noun: &'static str,
    /// What it waits for, in order.
    #[prop(into)]
    waits_for: Signal<Vec<Other>>,
    /// What waits for it.
    #[prop(into)]
    blocks: Signal<Vec<Other>>,
    /// The others of its kind whose title holds a lowercase text, in the document's
    /// order: asked as the user types, so a backlog of 10,000 items is not listed whole
    /// each time the panel opens.
    find: Callback<String, Vec<Other>>,
    /// Stores a new list; an error is said and the list stays as it was.
    set: Callback<Vec<Id>, Result<(), String>>,
    /// Opens the other end.
    open: Callback<Id>,
    testid: &'static str,
) -> impl IntoView {
    let query = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let (search_id, list_id) = (uid("dep"), uid("dep-list"));
    let current = move || waits_for.with(|w| w.iter().map(|o| o.id.clone()).collect::<Vec<_>>());
    let store = move |ids: Vec<Id>| match set.run(ids) {
        Ok(()) => {
            error.set(None);
            true
        }
        Err(e) => {
            error.set(Some(e));
            false
        }
    };
    let matches = Memo::new(move |_| {
        let q = query.get().trim().to_lowercase();
        if q.is_empty() {
            return Vec::new();
        }
        let taken = current();
        find.run(q)
            .into_iter()
            .filter(|o| !taken.contains(&o.id))
            .take(MATCHES)
            .collect::<Vec<_>>()
    });
    let add = move |id: Id| {
        let mut ids = current();
        ids.push(id);
        if store(ids) {
            query.set(String::new());
        }
    };
    let remove = move |id: Id| {
        let ids = current().into_iter().filter(|x| x != &id).collect();
        store(ids);
    };
    view! {
        <div class="depends" data-testid=testid>
            <h3 class="depends__title">"Waits for"</h3>
            <Show when=move || waits_for.with(|w| !w.is_empty()) fallback=move || view! { <p class="muted">{format!("Nothing: this {noun} can start any time.")}</p> }>
                <ul class="depends__list" data-testid="waits-for">
                    <For each=move || waits_for.get() key=|o| (o.id.clone(), o.title.clone(), o.done) let:o>
                        <li>
                            <button type="button" class="link-button" on:click={let id = o.id.clone(); move |_| open.run(id.clone())}>{o.title.clone()}</button>
                            <span class=if o.done { "pill pill--done" } else { "pill pill--open" }>{if o.done { "done" } else { "not done" }}</span>
                            <button type="button" class="btn btn--small btn--ghost" aria-label=format!("Remove {} (stop waiting for it)", o.title) on:click={let id = o.id.clone(); move |_| remove(id.clone())}>"Remove"</button>
                        </li>
                    </For>
                </ul>
            </Show>
            <div class="field depends__add">
                <label for=search_id.clone()>{format!("Add {} {noun} it waits for", if noun.starts_with(['a', 'e', 'i', 'o', 'u']) { "an" } else { "a" })}</label>
                <input id=search_id type="search" autocomplete="off" placeholder="Type part of its title"
                    aria-controls=list_id.clone()
                    prop:value=move || query.get()
                    on:input=move |ev| query.set(event_target_value(&ev))
                    on:keydown=move |ev| if ev.key() == "Enter" {
                        ev.prevent_default();
                        if let Some(first) = matches.with_untracked(|m| m.first().map(|o| o.id.clone())) { add(first) }
                    }
                    data-testid="depends-search"
                />
                <ul id=list_id class="depends__matches" aria-live="polite">
                    {move || matches.get().into_iter().map(|o| {
                        let id = o.id.clone();
                        view! { <li><button type="button" class="btn btn--small" on:click=move |_| add(id.clone()) data-testid="depends-match">{format!("Wait for {}", o.title)}</button></li> }
                    }).collect_view()}
                    {move || (!query.with(|q| q.trim().is_empty()) && matches.with(Vec::is_empty)).then(|| view! { <li class="muted">{format!("No other {noun} has that in its title.")}</li> })}
                </ul>
            </div>
            {move || error.get().map(|e| view! { <p class="field-error" role="alert" data-testid="depends-error">{e}</p> })}
            <Show when=move || blocks.with(|b| !b.is_empty())>
                <h3 class="depends__title">"Blocks"</h3>
                <ul class="depends__list" data-testid="blocks">
                    {move || blocks.get().into_iter().map(|o| {
                        let id = o.id.clone();
                        view! { <li><button type="button" class="link-button" on:click=move |_| open.run(id.clone())>{o.title.clone()}</button></li> }
                    }).collect_view()}
                </ul>
            </Show>
        </div>
    }
}
