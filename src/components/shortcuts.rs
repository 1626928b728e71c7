//! The keyboard shortcuts overlay, opened with `?`.

use leptos::prelude::*;

const SHORTCUTS: &[(&str, &str)] = &[
    ("?", "Show this list"),
    (
        "Ctrl+K",
        "Command palette: go to any page, product, feature or item, or run an action",
    ),
    (
        "Ctrl+Z / Ctrl+Shift+Z",
        "Undo / redo any change to the document",
    ),
    (
        "Tab / Shift+Tab",
        "Move between controls; every action is a button or a link",
    ),
    (
        "Alt+↑ / Alt+↓",
        "Hierarchy and backlog: move the focused row up or down",
    ),
    (
        "Alt+Home / Alt+End",
        "Backlog: move the focused item to the top or the bottom",
    ),
    (
        "↑ / ↓ / Home / End, ← / →",
        "Hierarchy: go to another row (Tab reaches one row's buttons); fold or unfold it",
    ),
    ("Delete", "Hierarchy: delete the focused row (asks first)"),
    (
        "← / →, Shift+← / →, Alt+← / →",
        "Roadmap timeline: move a bar by a month; change its end; change its start",
    ),
    (
        "Alt+← / → / ↑ / ↓",
        "Roadmap board: move a card to another column or within it",
    ),
    ("Escape", "Close a panel, a dialog or presenter mode"),
    ("← / → / Space", "Presenter mode: previous or next slide"),
];

type ShortcutsView = fn(RwSignal<bool>) -> AnyView;

crate::lazy::split_point!(
    fn shortcuts_chunk() -> ShortcutsView {
        |open| view! { <ShortcutsBody open /> }.into_any()
    }
);

/// The list is a chunk of its own, fetched the first time it is opened.
#[component]
pub fn ShortcutsOverlay(open: RwSignal<bool>) -> impl IntoView {
    let body = super::lazy_dialog::when_opened(open, "The list of shortcuts", shortcuts_chunk);
    move || body.get().map(|view| view(open))
}

#[component]
fn ShortcutsBody(open: RwSignal<bool>) -> impl IntoView {
    // The dialog itself takes the focus: its heading is read out, and the list is not
    // scrolled past as it would be to reach the Close button at its end.
    let dialog = NodeRef::<leptos::html::Div>::new();
    super::dialog::dialog_focus(open, dialog);
    view! {
        <Show when=move || open.get()>
            <div class="overlay" on:click=move |_| open.set(false)>
                <div
                    class="dialog"
                    role="dialog"
                    aria-modal="true"
                    aria-labelledby="shortcuts-title"
                    tabindex="-1"
                    node_ref=dialog
                    on:click=|ev| ev.stop_propagation()
                    on:keydown=move |ev| {
                        if ev.key() == "Escape" {
                            open.set(false);
                        }
                        super::dialog::keep_tab_inside(&ev);
                    }
                    data-testid="shortcuts"
                >
                    <h2 id="shortcuts-title">"Keyboard shortcuts"</h2>
                    <dl class="shortcuts">
                        {SHORTCUTS.iter().map(|(k, v)| view! { <dt><kbd>{*k}</kbd></dt><dd>{*v}</dd> }).collect_view()}
                    </dl>
                    <button type="button" class="btn" on:click=move |_| open.set(false)>"Close (Esc)"</button>
                </div>
            </div>
        </Show>
    }
}
