//! Arrow keys inside a group of options with one Tab stop (a radio group): the group is
//! one stop in the page's Tab order, and the arrows move between its options.

use wasm_bindgen::JsCast;

/// Moves the focus to the previous or next option of the group the key was pressed in
/// (`selector` picks the options), wrapping round; Home and End go to the ends. Returns
/// true when the key was one of these, so the caller knows it was handled. Focus only:
/// choosing is Space or Enter, because in a quiz whose first answer counts, passing over
/// an option must not answer with it.
pub fn arrow_keys(ev: &web_sys::KeyboardEvent, selector: &str) -> bool {
    let step: isize = match ev.key().as_str() {
        "ArrowDown" | "ArrowRight" => 1,
        "ArrowUp" | "ArrowLeft" => -1,
        "Home" => isize::MIN,
        "End" => isize::MAX,
        _ => return false,
    };
    let Some(group) = ev
        .current_target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
    else {
        return false;
    };
    let Ok(list) = group.query_selector_all(selector) else {
        return false;
    };
    let options: Vec<web_sys::HtmlElement> = (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into().ok())
        .collect();
    if options.is_empty() {
        return false;
    }
    let active = leptos::prelude::document().active_element();
    let now = options
        .iter()
        .position(|o| active.as_ref() == Some(o.unchecked_ref::<web_sys::Element>()))
        .unwrap_or(0) as isize;
    let last = options.len() as isize - 1;
    let next = match step {
        isize::MIN => 0,
        isize::MAX => last,
        s => (now + s).rem_euclid(last + 1),
    };
    ev.prevent_default();
    options[next as usize].focus().ok();
    true
}
