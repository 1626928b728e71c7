//! Drafts: the text typed into an editor with a Save button that is not saved yet.
//!
//! Such editors (`form.panel-form`: the hierarchy's editors and add panels, the sprint
//! editor) keep what is typed until Save, so anything that would close one asks first when
//! its text was changed: leaving the page (`beforeunload`), going to another page or
//! product in the app, and opening another editor in its place.

use leptos::prelude::{document, window};
use wasm_bindgen::JsCast;

/// Fields that hold typed text.
pub const TEXT_FIELDS: &str =
    "textarea, input:not([type=checkbox]):not([type=radio]):not([type=hidden]):not([type=file])";

/// The editors that hold drafts. Before the first edit in one (`beforeinput`: focus comes
/// too early, before an editor's fields are filled), its text is noted on it, so that
/// leaving it can tell a changed draft from one merely opened (or emptied again after an
/// add).
const DRAFT_FORMS: &str = "form.panel-form";
const DRAFT_START: &str = "data-draft-start";

pub fn note_draft_start(ev: &web_sys::Event) {
    let Some(form) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|el| el.closest(DRAFT_FORMS).ok().flatten())
    else {
        return;
    };
    if !form.has_attribute(DRAFT_START) {
        form.set_attribute(DRAFT_START, &draft_values(&form)).ok();
    }
}

/// True when an open editor's text differs from what it held before its first edit.
pub fn has_changed_draft() -> bool {
    let Ok(forms) = document().query_selector_all(DRAFT_FORMS) else {
        return false;
    };
    (0..forms.length())
        .filter_map(|n| forms.item(n)?.dyn_into::<web_sys::Element>().ok())
        .any(|f| {
            f.get_attribute(DRAFT_START)
                .is_some_and(|start| start != draft_values(&f))
        })
}

/// The text a form's fields hold, in order, as one string. Only typed text counts: a
/// choice left changed in an add panel after its item was added is no draft to keep.
fn draft_values(form: &web_sys::Element) -> String {
    let Ok(fields) = form.query_selector_all(TEXT_FIELDS) else {
        return String::new();
    };
    let mut out = String::new();
    for n in 0..fields.length() {
        let value = fields
            .item(n)
            .and_then(|f| js_sys::Reflect::get(&f, &"value".into()).ok())
            .and_then(|v| v.as_string())
            .unwrap_or_default();
        out.push_str(&value);
        out.push('\u{1f}');
    }
    out
}

/// True when there is no changed draft, or the user agrees to drop it.
pub fn may_discard() -> bool {
    !has_changed_draft()
        || window()
            .confirm_with_message(
                "An open editor has text you have not saved. Discard it?\n\n\
                 Choose Cancel to go back to it and save.",
            )
            .unwrap_or(false)
}
