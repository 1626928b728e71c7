//! The command palette (Ctrl+K): type to jump to any page, product, feature or item, or
//! to run a common action; arrows choose, Enter runs, Escape closes.

use crate::route::{Page, Route};
use crate::state::AppState;
use leptos::prelude::*;

#[derive(Clone, Debug, PartialEq)]
enum Target {
    Go(Route),
    Undo,
    Redo,
    Sample,
    Shortcuts,
}

#[derive(Clone, Debug, PartialEq)]
struct Entry {
    label: String,
    hint: &'static str,
    target: Target,
}

fn entries(state: AppState) -> Vec<Entry> {
    let mut out: Vec<Entry> = Page::NAV
        .iter()
        .map(|p| Entry {
            label: format!("Go to {}", p.title()),
            hint: "page",
            target: Target::Go(Route::page(*p).with_product(state.product.get_untracked())),
        })
        .collect();
    out.push(Entry {
        label: "Undo".into(),
        hint: "action",
        target: Target::Undo,
    });
    out.push(Entry {
        label: "Redo".into(),
        hint: "action",
        target: Target::Redo,
    });
    out.push(Entry {
        label: "Load the sample product".into(),
        hint: "action",
        target: Target::Sample,
    });
    out.push(Entry {
        label: "Export the workspace".into(),
        hint: "action",
        target: Target::Go(Route::page(Page::Data)),
    });
    out.push(Entry {
        label: "Present the explainer".into(),
        hint: "action",
        target: Target::Go(Route::page(Page::Explainer).with_focus("present")),
    });
    out.push(Entry {
        label: "Keyboard shortcuts".into(),
        hint: "action",
        target: Target::Shortcuts,
    });
    state.ws.with_untracked(|w| {
        for p in &w.products {
            let pid = Some(p.id.clone());
            out.push(Entry {
                label: p.name.clone(),
                hint: "product",
                target: Target::Go(Route::page(Page::Hierarchy).with_product(pid.clone())),
            });
            // A feature opens in the roadmap, an item in the backlog.
            let entity = |label: &str, hint, page, id: &crate::model::Id| Entry {
                label: label.to_string(),
                hint,
                target: Target::Go(
                    Route::page(page)
                        .with_product(pid.clone())
                        .with_focus(id.to_string()),
                ),
            };
            out.extend(
                p.features
                    .iter()
                    .map(|f| entity(&f.title, "feature", Page::Roadmap, &f.id)),
            );
            out.extend(
                p.items
                    .iter()
                    .map(|i| entity(&i.title, "item", Page::Backlog, &i.id)),
            );
        }
    });
    out
}

/// Entries whose label holds every word typed, best (earliest match) first, at most 12.
fn matching(all: &[Entry], query: &str) -> Vec<Entry> {
    let words: Vec<String> = query
        .to_lowercase()
        .split_whitespace()
        .map(str::to_string)
        .collect();
    let mut hits: Vec<(usize, &Entry)> = all
        .iter()
        .filter_map(|e| {
            let l = e.label.to_lowercase();
            words.iter().all(|w| l.contains(w.as_str())).then(|| {
                (
                    words.first().and_then(|w| l.find(w.as_str())).unwrap_or(0),
                    e,
                )
            })
        })
        .collect();
    hits.sort_by_key(|(pos, e)| (*pos, e.label.len()));
    hits.into_iter().take(12).map(|(_, e)| e.clone()).collect()
}

/// Builds the palette's view once its chunk is here. The query, and an Enter pressed
/// before the palette could take it, are the wrapper's, so what is typed while the chunk
/// arrives is kept.
type PaletteView = fn(RwSignal<bool>, RwSignal<bool>, RwSignal<String>, RwSignal<bool>) -> AnyView;

crate::lazy::split_point!(
    fn palette_chunk() -> PaletteView {
        |open, shortcuts, query, entered| {
            view! { <PaletteBody open shortcuts query entered /> }.into_any()
        }
    }
);

/// Fetches the palette's chunk ahead of its first opening (on the first interaction).
pub fn preload() {
    leptos::task::spawn_local(async {
        palette_chunk().await.ok();
    });
}

/// Nothing on the page has the focus: keys go to the document's body.
fn nothing_focused() -> bool {
    let doc = document();
    match (doc.active_element(), doc.body()) {
        (Some(active), Some(body)) => {
            let body: &leptos::web_sys::Element = &body;
            active == *body
        }
        (active, _) => active.is_none(),
    }
}

/// The palette is a chunk of its own, fetched the first time it is opened.
#[component]
pub fn CommandPalette(open: RwSignal<bool>, shortcuts: RwSignal<bool>) -> impl IntoView {
    let body = super::lazy_dialog::when_opened(open, "The command palette", palette_chunk);
    let query = RwSignal::new(String::new());
    let entered = RwSignal::new(false);
    // Ctrl+K and typing at once: the letters typed before the palette's field has the
    // focus (its chunk on the way, or drawn a frame before it is focused) go to the
    // query, and an Enter picks the first match once there is one.
    let on_key = window_event_listener(leptos::ev::keydown, move |e| {
        let key = e.key();
        let waiting = body.with_untracked(Option::is_none) || nothing_focused();
        if !open.get_untracked() || !waiting || e.ctrl_key() || e.meta_key() {
            return;
        }
        if key.chars().count() == 1 {
            e.prevent_default();
            query.update(|q| q.push_str(&key));
        } else if key == "Enter" {
            e.prevent_default();
            entered.set(true);
        }
    });
    on_cleanup(move || on_key.remove());
    move || body.get().map(|view| view(open, shortcuts, query, entered))
}

#[component]
fn PaletteBody(
    open: RwSignal<bool>,
    shortcuts: RwSignal<bool>,
    query: RwSignal<String>,
    entered: RwSignal<bool>,
) -> impl IntoView {
    let state = AppState::expect();
    let active = RwSignal::new(0usize);
    // Worked out when read, not in an effect: effects run a moment after the palette
    // opens, and keys typed before that must not be wiped or matched against nothing.
    let all = Memo::new(move |_| {
        open.track();
        entries(state)
    });
    let input = NodeRef::<leptos::html::Input>::new();
    super::dialog::dialog_focus(open, input);
    Effect::new(move |_| {
        // Cleared on the way out, so the next opening starts empty.
        if !open.get() {
            query.set(String::new());
            active.set(0);
        }
    });
    let results = Memo::new(move |_| all.with(|a| matching(a, &query.get())));
    let run = move |e: Entry| {
        open.set(false);
        match e.target {
            Target::Go(r) => state.go(r),
            Target::Undo => state.undo(),
            Target::Redo => state.redo(),
            Target::Sample => state.load_sample(),
            Target::Shortcuts => shortcuts.set(true),
        }
    };
    // An Enter pressed before the field had the focus.
    Effect::new(move |_| {
        if entered.get() {
            entered.set(false);
            if let Some(e) = results.with(|r| r.first().cloned()) {
                run(e);
            }
        }
    });
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        let n = results.with(Vec::len);
        match ev.key().as_str() {
            "ArrowDown" if n > 0 => {
                ev.prevent_default();
                active.update(|a| *a = (*a + 1) % n);
            }
            "ArrowUp" if n > 0 => {
                ev.prevent_default();
                active.update(|a| *a = (*a + n - 1) % n);
            }
            "Enter" => {
                ev.prevent_default();
                if let Some(e) = results.with(|r| r.get(active.get_untracked()).cloned()) {
                    run(e);
                }
            }
            "Escape" => open.set(false),
            _ => {}
        }
    };
    view! {
        <Show when=move || open.get()>
            <div class="overlay" on:click=move |_| open.set(false)>
                <div class="dialog palette" role="dialog" aria-modal="true" aria-label="Command palette" on:click=|ev| ev.stop_propagation() on:keydown=move |ev| super::dialog::keep_tab_inside(&ev) data-testid="palette">
                    <input
                        type="text"
                        class="palette__input"
                        node_ref=input
                        role="combobox"
                        aria-expanded="true"
                        aria-controls="palette-list"
                        aria-activedescendant=move || format!("palette-{}", active.get())
                        aria-label="Type a page, product, feature, item or action"
                        placeholder="Go to or do…"
                        prop:value=move || query.get()
                        on:input=move |ev| {
                            query.set(event_target_value(&ev));
                            active.set(0);
                        }
                        on:keydown=on_key
                        data-testid="palette-input"
                    />
                    <ul id="palette-list" class="palette__list" role="listbox" aria-label="Matches">
                        {move || {
                            let rs = results.get();
                            if rs.is_empty() {
                                return view! { <li class="palette__empty" role="option" aria-selected="false" aria-disabled="true">"Nothing matches"</li> }.into_any();
                            }
                            rs.into_iter().enumerate().map(|(i, e)| {
                                let entry = e.clone();
                                view! {
                                    <li
                                        id=format!("palette-{i}")
                                        role="option"
                                        class="palette__item"
                                        aria-selected=move || (active.get() == i).to_string()
                                        on:click=move |_| run(entry.clone())
                                    >
                                        <span>{e.label.clone()}</span>
                                        <span class="palette__hint">{e.hint}</span>
                                    </li>
                                }
                            }).collect_view().into_any()
                        }}
                    </ul>
                </div>
            </div>
        </Show>
    }
}
