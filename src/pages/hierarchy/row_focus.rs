//! The outline as one Tab stop: only the row last focused has its controls in the Tab
//! order, the arrow keys go between rows, and each row tells screen readers where it
//! sits in the tree.

use super::ui::OutlineUi;
use crate::model::outline::Row;
use crate::model::outline_keys::Step;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Moves focus from anywhere on a row's line to another row's title.
pub(super) fn focus_sibling_row(from: &web_sys::Element, step: Step) {
    let Ok(list) = document().query_selector_all(".outline .orow__title") else {
        return;
    };
    let n = list.length();
    let title = from
        .closest(".orow")
        .ok()
        .flatten()
        .and_then(|row| row.query_selector(".orow__title").ok().flatten());
    let Some(title) = title else { return };
    let current = (0..n).find(|i| {
        list.item(*i)
            .is_some_and(|node| node.is_same_node(Some(&title)))
    });
    let Some(i) = current else { return };
    let next = match step {
        Step::Up => i.wrapping_sub(1),
        Step::Down => i + 1,
        Step::First => 0,
        Step::Last => n.saturating_sub(1),
    };
    if let Some(el) = list
        .item(next)
        .and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok())
    {
        el.focus().ok();
    }
}

/// Keeps the row's place in the tree on its element for screen readers, and the Tab stop
/// with the focus.
pub(super) fn describe_place(
    ui: OutlineUi,
    li: NodeRef<leptos::html::Li>,
    row: Memo<Option<Row>>,
    key: Memo<String>,
) {
    Effect::new(move |_| {
        let Some(el) = li.get() else { return };
        // The list is flat (rows are windowed), so each row says where it sits: its
        // level and its place among its siblings. (Set here because Leptos's view
        // macro has no `aria-level` attribute.)
        let (level, pos, size) = row.with(|r| {
            r.as_ref().map_or((1, 1, 1), |r| {
                (usize::from(r.depth) + 1, r.position, r.siblings)
            })
        });
        el.set_attribute("aria-level", &level.to_string()).ok();
        el.set_attribute("aria-posinset", &pos.to_string()).ok();
        el.set_attribute("aria-setsize", &size.to_string()).ok();
        // An undo or a move can put another row in this slot while the focus stays in
        // it: the Tab stop follows the focus, not the row that was here.
        let k = key.get();
        let focused = document()
            .active_element()
            .is_some_and(|a| el.contains(Some(&a)));
        if focused {
            ui.hold_stop(k);
        }
    });
}

/// The line's links and buttons leave or join the Tab order together (`off_tab`): set
/// here rather than as an attribute of each, which cost about 1 KiB more of render
/// code. Runs again when the line is rebuilt (`rebuilt` changes), not on every
/// keystroke.
pub(super) fn follow_tab_stop<T>(
    li: NodeRef<leptos::html::Li>,
    rebuilt: Memo<T>,
    off_tab: Memo<bool>,
) where
    T: PartialEq + Send + Sync + 'static,
{
    Effect::new(move |_| {
        rebuilt.track();
        off_tab.track();
        // Spawned as a task: it runs after the effects already queued (one of them puts
        // a line rebuilt for a new shape in the DOM) and before the frame is drawn. (A
        // `queue_microtask` did the same for 2 KiB more.)
        leptos::task::spawn_local(async move {
            let (Some(el), Some(off)) = (
                li.try_get_untracked().flatten(),
                off_tab.try_get_untracked(),
            ) else {
                return;
            };
            let Ok(found) = el.query_selector_all(".orow__line a, .orow__line button") else {
                return;
            };
            for n in 0..found.length() {
                let Some(c) = found
                    .item(n)
                    .and_then(|c| c.dyn_into::<web_sys::Element>().ok())
                else {
                    continue;
                };
                if off {
                    c.set_attribute("tabindex", "-1").ok();
                } else {
                    c.remove_attribute("tabindex").ok();
                }
            }
        });
    });
}
