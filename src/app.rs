//! The root component: state, URL and cross-tab wiring, and the page frame.

use crate::components::{CommandPalette, Header, Notices, PageSlot, ShortcutsOverlay};
use crate::hooks;
use crate::route::Page;
use crate::state::AppState;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

#[component]
pub fn App() -> impl IntoView {
    let state = AppState::init();
    let palette = RwSignal::new(false);
    let shortcuts = RwSignal::new(false);
    hooks::use_route_from_hash(state);
    hooks::use_storage_sync(state);
    hooks::use_save_on_leave(state, crate::focus::commit_typing);
    hooks::use_engine_on_first_touch();
    use_app_keys(state, palette, shortcuts);
    use_document_title(state);
    // Only a change of page remounts the page; a new product or focus updates it in place.
    let page = Memo::new(move |_| state.route.with(|r| r.page));
    view! {
        <button type="button" class="skip-link" on:click=move |_| crate::focus::focus_id_now("page-title")>
            "Skip to content"
        </button>
        <Header />
        <Notices />
        <main id="main" class="app-main">
            <PageSlot page=page />
        </main>
        <CommandPalette open=palette shortcuts=shortcuts />
        <ShortcutsOverlay open=shortcuts />
        <Footer palette=palette shortcuts=shortcuts />
    }
}

/// The app's own keys: Ctrl+K for the palette, ? for the shortcuts, Ctrl+Z and Ctrl+Y
/// (or Ctrl+Shift+Z) for undo and redo outside text fields.
fn use_app_keys(state: AppState, palette: RwSignal<bool>, shortcuts: RwSignal<bool>) {
    let on_key = window_event_listener(leptos::ev::keydown, move |e| {
        let ctrl = e.ctrl_key() || e.meta_key();
        if ctrl && e.key().eq_ignore_ascii_case("k") {
            e.prevent_default();
            shortcuts.set(false);
            palette.update(|p| *p = !*p);
            return;
        }
        if e.key() == "?" && !typing_or_choosing(&e) && !palette.get_untracked() {
            e.prevent_default();
            shortcuts.set(true);
            return;
        }
        if !ctrl || typing_in_field(&e) {
            return;
        }
        match (e.key().to_ascii_lowercase().as_str(), e.shift_key()) {
            ("z", false) => {
                e.prevent_default();
                state.undo();
            }
            ("z", true) | ("y", false) => {
                e.prevent_default();
                state.redo();
            }
            _ => {}
        }
    });
    on_cleanup(move || on_key.remove());
}

/// The tab's title names the page and the product.
fn use_document_title(state: AppState) {
    Effect::new(move |_| {
        let page = state.route.with(|r| r.page);
        let product = state
            .product_id()
            .and_then(|id| state.ws.with(|w| w.product(&id).map(|p| p.name.clone())));
        let title = match (page, product) {
            (Page::Home, _) => "Two Hats".to_string(),
            (p, Some(name)) => format!("{} · {name} · Two Hats", p.title()),
            (p, None) => format!("{} · Two Hats", p.title()),
        };
        document().set_title(&title);
    });
}

/// The status line, the way to the shortcuts and the palette, and whether work is saved.
#[component]
fn Footer(palette: RwSignal<bool>, shortcuts: RwSignal<bool>) -> impl IntoView {
    let state = AppState::expect();
    let saving = move || {
        // Storage problems change what can be saved; they arrive as notices.
        state.notices.track();
        let used = state.usage.get().percent_label();
        let status = if state.is_read_only() {
            "Read-only: storage for this site is full"
        } else if !state.is_saving() {
            "Not saving: see the message above"
        } else if state.last_save_failed() {
            "Not saved: see the message above"
        } else if state.tab_view.with(|v| v.saving) {
            "Saving…"
        } else {
            "Saved in this browser"
        };
        format!("{status} · {used} of this site's storage used")
    };
    view! {
        <footer class="app-footer">
            <p
                class="status-line"
                class:status-line--error=move || state.status.with(|s| s.as_ref().is_some_and(|s| s.error))
                role="status"
                aria-live="polite"
                data-testid="status"
            >
                {move || state.status.get().map(|s| s.text)}
            </p>
            <p class="app-footer__keys">
                <button type="button" class="link-button" on:click=move |_| shortcuts.set(true)>"Keyboard shortcuts (?)"</button>
                " · "
                <button type="button" class="link-button" on:click=move |_| palette.set(true)>"Command palette (Ctrl+K)"</button>
            </p>
            <p class="app-footer__saving" data-testid="save-state">{saving}</p>
        </footer>
    }
}

/// Ctrl+Z in a text field is the field's own undo, not the document's. Radio buttons,
/// checkboxes and buttons have no undo of their own: there it is the document's.
pub fn typing_in_field(e: &web_sys::KeyboardEvent) -> bool {
    e.target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|el| {
            el.matches(crate::focus::TEXT_FIELDS).unwrap_or(false)
                || el.has_attribute("contenteditable")
        })
}

/// A select takes typed characters as a search of its options, "?" included.
fn typing_or_choosing(e: &web_sys::KeyboardEvent) -> bool {
    typing_in_field(e)
        || e.target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .is_some_and(|el| el.tag_name() == "SELECT")
}
