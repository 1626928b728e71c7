//! What the app's modal dialogs (the command palette, the shortcuts, presenter mode) share:
//! Tab stays inside the dialog, and closing it puts the focus back where it was. Inline
//! questions (the resets) move the focus the same way.

use leptos::prelude::*;
use leptos::tachys::html::element::ElementType;
use wasm_bindgen::JsCast;

/// What Tab can reach inside a dialog.
const FOCUSABLE: &str = "a[href], button:not([disabled]), input:not([disabled]), \
    select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex='-1'])";

/// On the dialog's keydown: Tab from its last control goes to its first, Shift+Tab from its
/// first (or from the dialog itself) to its last, so the focus never reaches the page
/// behind, where Escape would no longer close the dialog.
pub fn keep_tab_inside(ev: &web_sys::KeyboardEvent) {
    if ev.key() != "Tab" {
        return;
    }
    let Some(dialog) = ev
        .current_target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
    else {
        return;
    };
    let Ok(found) = dialog.query_selector_all(FOCUSABLE) else {
        return;
    };
    let items: Vec<web_sys::HtmlElement> = (0..found.length())
        .filter_map(|n| found.item(n)?.dyn_into().ok())
        .collect();
    let (Some(first), Some(last)) = (items.first(), items.last()) else {
        ev.prevent_default();
        return;
    };
    let active = document().active_element();
    let is = |el: &web_sys::HtmlElement| active.as_ref() == Some(el.unchecked_ref());
    let to = if ev.shift_key() && (is(first) || active.as_ref() == Some(&dialog)) {
        last
    } else if !ev.shift_key() && is(last) {
        first
    } else {
        return;
    };
    ev.prevent_default();
    to.focus().ok();
}

/// Notes what has the focus when `open` turns true, and puts the focus back there when it
/// turns false (or on the page's heading, if that element is gone). A command run from the
/// dialog that moves the focus itself (a page's heading, a deep link's row) asks after
/// this and wins.
pub fn return_focus_on_close(open: impl Fn() -> bool + 'static) {
    let opener = StoredValue::new_local(None::<web_sys::Element>);
    Effect::new(move |was_open: Option<bool>| {
        let now = open();
        if now && was_open != Some(true) {
            opener.set_value(document().active_element());
        } else if !now && was_open == Some(true) {
            crate::focus::return_to(opener.get_value());
        }
        now
    });
}

/// A dialog's focus: on `first` while it is open (a frame after opening, once it is
/// drawn), and back where it was once it closes.
pub fn dialog_focus<E>(open: RwSignal<bool>, first: NodeRef<E>)
where
    E: ElementType + 'static,
    E::Output: JsCast + Clone + AsRef<web_sys::HtmlElement> + 'static,
{
    Effect::new(move |_| {
        if open.get() {
            request_animation_frame(move || {
                if let Some(el) = first.get_untracked() {
                    AsRef::<web_sys::HtmlElement>::as_ref(&el).focus().ok();
                }
            });
        }
    });
    return_focus_on_close(move || open.get());
}

/// An inline question (a reset's "are you sure?"): while `open`, the focus is on its safe
/// answer (`safe_id`); once answered, on the button that asked it (`asker_id`), found by
/// id because the question may have been drawn in that button's place.
pub fn question_takes_focus(open: RwSignal<bool>, safe_id: &'static str, asker_id: &'static str) {
    Effect::new(move |was_open: Option<bool>| {
        let now = open.get();
        if now {
            crate::focus::focus_id_next_frame(safe_id.into());
        } else if was_open == Some(true) {
            crate::focus::focus_id_next_frame(asker_id.into());
        }
        now
    });
}
