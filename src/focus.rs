//! Moving the keyboard focus for the user, without taking it back from them.
//!
//! After an action redraws part of the page (a row moved, an editor saved, a deep link
//! followed), the focus goes to the element the action was about, once the DOM has caught
//! up on the next animation frame. On a slow frame a quick user may already have moved on
//! (tabbed to the next field, clicked a search box); taking the focus back then sends their
//! next keystroke to the wrong place (a Delete on a row deletes it). So a request made now
//! stands aside when, by the time it runs, the focus is somewhere the user put it.

use leptos::prelude::{document, request_animation_frame};
use std::cell::{Cell, RefCell};
use wasm_bindgen::JsCast;

thread_local! {
    /// The element this module focused last: the focus being there is not the user's doing.
    static PLACED: RefCell<Option<web_sys::Element>> = const { RefCell::new(None) };
    /// Counts requests for a particular element, so a page-title request can tell that one
    /// came after it.
    static REQUESTS: Cell<u64> = const { Cell::new(0) };
    /// A page-title request made while the page was not drawn yet (see `page_arrived`).
    static TITLE_WAITING: RefCell<Option<(u64, Option<web_sys::Element>)>> = const { RefCell::new(None) };
}

/// Focuses `el` now (a panel's heading on opening). A page-title request still waiting
/// stands aside for it; a request for a particular element may still move it.
pub fn focus_now(el: &web_sys::HtmlElement) {
    asked_for_element();
    place(el);
}

/// Focuses the element with this DOM id now, if it is there (the skip link).
pub fn focus_id_now(id: &str) {
    asked_for_element();
    place_id(id);
}

/// Scrolls the element with this DOM id to the top of the view (below the sticky
/// header: see `scroll-margin-top` in the styles) and focuses it, on the next frame, when
/// the page has drawn it: where a link inside the page lands.
pub fn reveal_id_next_frame(id: String) {
    asked_for_element();
    request_animation_frame(move || {
        if let Some(el) = document().get_element_by_id(&id) {
            el.scroll_into_view();
            if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
                place(&el);
            }
        }
    });
}

/// Focuses the element with this DOM id on the next frame, unless the user has moved the
/// focus in the meantime.
pub fn focus_id_next_frame(id: String) {
    asked_for_element();
    let before = document().active_element();
    request_animation_frame(move || {
        if !moved_by_user(before.as_ref()) {
            place_id(&id);
        }
    });
}

/// Focuses, on the next frame, whatever shows the entity `id` on the page: its outline
/// row, backlog row, timeline bar or board card, the first found. It runs before the
/// change's own `keep_through_change`, which then finds the focus in place.
pub fn follow_entity(id: &crate::model::Id) {
    // The header's Undo button keeps the focus: the user is there to press it again.
    let in_header = document()
        .active_element()
        .is_some_and(|f| f.closest(".app-header").ok().flatten().is_some());
    if in_header {
        return;
    }
    asked_for_element();
    let ids = ["row", "item", "bar", "card"].map(|p| format!("{p}-{id}"));
    request_animation_frame(move || {
        ids.iter().any(|id| place_id(id));
    });
}

/// Focuses the page's heading on the next frame, after a change of page, so keyboard and
/// screen-reader users start there. Stands aside for any request for a particular element
/// made after it (a deep link's row, a panel's heading), and for the user.
pub fn focus_page_title_next_frame() {
    let asked = REQUESTS.with(Cell::get);
    let before = document().active_element();
    request_animation_frame(move || title_when_there(asked, before));
}

/// A page whose chunk was still loading had no heading to focus: the request waits for it.
pub fn page_arrived() {
    if let Some((asked, before)) = TITLE_WAITING.with(|w| w.borrow_mut().take()) {
        request_animation_frame(move || title_when_there(asked, before));
    }
}

fn title_when_there(asked: u64, before: Option<web_sys::Element>) {
    if REQUESTS.with(Cell::get) != asked || moved_by_user(before.as_ref()) {
        return;
    }
    if !place_id("page-title") {
        TITLE_WAITING.with(|w| *w.borrow_mut() = Some((asked, before)));
    }
}

/// A change to the document can redraw the focused element (a roadmap bar put back by an
/// undo) or remove it (a deleted item, a confirm box done with); the focus then falls to
/// the page, and a keyboard user starts again from the top. Called on every change: on the
/// next frame, if the focus is on the page and nothing else was asked for, it goes back to
/// an element with the same id if there is one again, else to the page's heading.
pub fn keep_through_change() {
    let Some(before) = document().active_element() else {
        return;
    };
    if is_page(&before) {
        return;
    }
    let id = before.id();
    let asked = REQUESTS.with(Cell::get);
    request_animation_frame(move || {
        let lost = document().active_element().is_none_or(|now| is_page(&now));
        if lost && REQUESTS.with(Cell::get) == asked && (id.is_empty() || !place_id(&id)) {
            place_id("page-title");
        }
    });
}

/// Puts the focus back where it was before a dialog opened (`opener`), or on the page's
/// heading if that element is gone.
pub fn return_to(opener: Option<web_sys::Element>) {
    asked_for_element();
    match opener.and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok()) {
        Some(el) if el.is_connected() && !is_page(&el) => place(&el),
        // Drawn again in place of the dialog (a confirm that replaced its button): by id,
        // once the DOM has caught up.
        Some(el) if !el.id().is_empty() => {
            let (id, before) = (el.id(), document().active_element());
            request_animation_frame(move || {
                if !moved_by_user(before.as_ref()) && !place_id(&id) {
                    place_id("page-title");
                }
            });
        }
        _ => {
            place_id("page-title");
        }
    }
}

fn is_page(el: &web_sys::Element) -> bool {
    document()
        .body()
        .is_some_and(|b| el == b.unchecked_ref::<web_sys::Element>())
}

fn asked_for_element() {
    REQUESTS.with(|r| r.set(r.get() + 1));
}

/// True when the element was there to be focused.
fn place_id(id: &str) -> bool {
    match document()
        .get_element_by_id(id)
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
    {
        Some(el) => {
            place(&el);
            true
        }
        None => false,
    }
}

/// Focuses `el`, noting that the focus being there is the app's doing.
fn place(el: &web_sys::HtmlElement) {
    if el.focus().is_ok() {
        PLACED.with(|p| *p.borrow_mut() = Some(el.clone().unchecked_into()));
    }
}

/// True when the focus is on an element other than where it was when the request was made,
/// other than the page itself (the focused element was removed by the redraw) and other
/// than the element this module placed it on.
fn moved_by_user(before: Option<&web_sys::Element>) -> bool {
    let Some(now) = document().active_element() else {
        return false;
    };
    if is_page(&now) || Some(&now) == before {
        return false;
    }
    !PLACED.with(|p| p.borrow().as_ref() == Some(&now))
}

/// Fields that hold typed text.
pub const TEXT_FIELDS: &str =
    "textarea, input:not([type=checkbox]):not([type=radio]):not([type=hidden]):not([type=file])";

/// Fields commit "when they change", which the browser reports only when they lose focus,
/// and leaving or hiding the page does not blur them. So then the focused text field is
/// told `change` now; the focus and the caret stay where they are (an unchanged value
/// commits nothing).
pub fn commit_typing() {
    let Some(el) = document().active_element() else {
        return;
    };
    // Text only: a file input told `change` would pick its file again.
    if !el.matches(TEXT_FIELDS).unwrap_or(false) {
        return;
    }
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    if let Ok(ev) = web_sys::Event::new_with_event_init_dict("change", &init) {
        el.dispatch_event(&ev).ok();
    }
}

/// Before a field is taken away (a panel closed or switched, another page, Back), the
/// focused text field is blurred, so the browser reports its change while the field and
/// what it commits to still exist. (A change told later, by the browser as it drops the
/// removed field, would reach a component already gone.)
pub fn leave_typing() {
    let Some(el) = document().active_element() else {
        return;
    };
    if el.matches(TEXT_FIELDS).unwrap_or(false) {
        if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
            el.blur().ok();
        }
    }
}
