//! Drag and drop of outline rows. Every row accepts the drop, so a refused move can say
//! why; what a drop means is `model::outline::drop_command`.

use super::ui::OutlineUi;
use crate::model::outline::{drop_command, Row};
use crate::state::AppState;
use leptos::ev::DragEvent;
use leptos::prelude::*;

pub(super) fn start(ui: OutlineUi, row: Memo<Option<Row>>, ev: DragEvent) {
    let Some((kind, id)) =
        row.with_untracked(|r| r.as_ref().and_then(|r| Some((r.kind, r.id.clone()?))))
    else {
        return;
    };
    if let Some(dt) = ev.data_transfer() {
        dt.set_data("text/plain", id.as_str()).ok();
        dt.set_effect_allowed("move");
    }
    ui.dragging.set(Some((kind, id)));
}

pub(super) fn over(ui: OutlineUi, key: Memo<String>, ev: DragEvent) {
    if ui.dragging.with_untracked(Option::is_none) {
        return;
    }
    ev.prevent_default();
    let k = key.get_untracked();
    if ui.over.with_untracked(|o| o.as_deref() != Some(k.as_str())) {
        ui.over.set(Some(k));
    }
}

pub(super) fn drop(state: AppState, ui: OutlineUi, row: Memo<Option<Row>>, ev: DragEvent) {
    ev.prevent_default();
    ui.over.set(None);
    let (Some((kind, id)), Some(product), Some(target)) = (
        ui.dragging.get_untracked(),
        state.product.get_untracked(),
        row.get_untracked(),
    ) else {
        return;
    };
    ui.dragging.set(None);
    match drop_command(&product, (kind, &id), &target) {
        Ok(cmd) => {
            if state.dispatch(cmd).is_ok() {
                let to = crate::text::row_title(&target);
                state.say(format!("Moved next to “{to}”."), false);
            }
        }
        Err(refused) => state.say(
            format!("Not moved: {}", crate::text::drop_refused(refused)),
            true,
        ),
    }
}

pub(super) fn end(ui: OutlineUi) {
    ui.dragging.set(None);
    ui.over.set(None);
}
