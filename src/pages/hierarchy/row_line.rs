//! A row's line: fold toggle, hat badge, title (opens the editor), roll-up and actions.
//! It is rebuilt only when the row's `Shape` changes; otherwise its text is rewritten in
//! place.

use super::row::{with_row, Shape};
use super::ui::{OutlineUi, Panel};
use crate::components::HatBadge;
use crate::model::outline::{Row, RowKind};
use crate::model::Kind;
use crate::text::row_title;
use leptos::prelude::*;

/// The kinds a row can add under itself.
fn child_kinds(kind: RowKind) -> &'static [Kind] {
    use crate::model::outline::Loose;
    match kind {
        RowKind::Product => &[Kind::Objective, Kind::Theme],
        RowKind::Objective => &[Kind::Theme],
        RowKind::Theme | RowKind::Loose(Loose::Features) => &[Kind::Feature],
        RowKind::Feature | RowKind::Loose(Loose::Items) => &[Kind::Item],
        RowKind::Loose(Loose::Themes) => &[Kind::Theme],
        _ => &[],
    }
}

/// Text of the row shown now, for the parts that change in place.
fn text(row: Memo<Option<Row>>, f: fn(&Row) -> String) -> impl Fn() -> String + Copy {
    move || row.with(|r| r.as_ref().map(f).unwrap_or_default())
}

#[component]
pub(super) fn RowLine(
    shape: Shape,
    row: Memo<Option<Row>>,
    key: Memo<String>,
    /// Moves the row one place down (`true`) or up.
    step: Callback<bool>,
) -> impl IntoView {
    let ui = OutlineUi::expect();
    let s = shape;
    let editable = !matches!(s.kind, RowKind::Loose(_));
    let toggle = s.has_children.then(|| {
        view! {
            <button
                type="button"
                class="orow__toggle"
                aria-expanded=move || row.with(|r| r.as_ref().is_some_and(|r| r.expanded)).to_string()
                aria-label=text(row, |r| format!("{} {}", if r.expanded { "Collapse" } else { "Expand" }, row_title(r)))
                on:click=move |_| with_row(row, |r| ui.toggle(&r.key))
            >
                {text(row, |r| (if r.expanded { "▾" } else { "▸" }).to_string())}
            </button>
        }
        .into_any()
    });
    view! {
        <div class="orow__line">
            {toggle.unwrap_or_else(|| view! { <span class="orow__toggle orow__toggle--none" aria-hidden="true"></span> }.into_any())}
            {s.kind.level().map(|l| view! { <HatBadge level=l /> })}
            {s.colour.then(|| view! { <span class="swatch" style:background-color=text(row, |r| r.colour.clone().unwrap_or_default()) aria-hidden="true"></span> })}
            {s.item_kind.map(|k| view! { <span class=format!("kind kind--{}", k.key())>{k.label()}</span> })}
            <button
                type="button"
                class="orow__title"
                id=move || format!("row-{}", key.get())
                aria-label=text(row, |r| match r.kind {
                    RowKind::Loose(_) => row_title(r).to_string(),
                    _ => format!("{} (edit)", row_title(r)),
                })
                // Not `disabled`: a group row must still take the focus, so the arrow
                // keys pass through it and Left/Right fold it.
                aria-disabled=(!editable).then_some("true")
                on:click=move |_| if editable { with_row(row, |r| ui.open(&r.key, Panel::Edit)) }
                data-testid="row-title"
            >
                {text(row, |r| row_title(r).to_string())}
            </button>
            {s.detail.then(|| view! { <span class="orow__detail">{text(row, crate::text::row_detail)}</span> })}
            <span class="orow__meta">{text(row, crate::text::row_meta)}</span>
            <RowActions kind=s.kind row=row step=step />
        </div>
    }
}

#[component]
fn RowActions(kind: RowKind, row: Memo<Option<Row>>, step: Callback<bool>) -> impl IntoView {
    let ui = OutlineUi::expect();
    let open = move |panel: Panel| move |_| with_row(row, |r| ui.open(&r.key, panel));
    let adds = child_kinds(kind)
        .iter()
        .map(|&k| {
            view! {
                <button
                    type="button"
                    class="btn btn--small"
                    aria-label=move || row.with(|r| r.as_ref().map(|r| format!("+ {} under {}", k.noun(), row_title(r))).unwrap_or_default())
                    on:click=open(Panel::Add(k))
                    data-testid=format!("add-{}", k.noun())
                >
                    {format!("+ {}", k.noun())}
                </button>
            }
        })
        .collect_view();
    let at_end = move |end: fn(&Row) -> bool| move || row.with(|r| r.as_ref().is_none_or(end));
    view! {
        <span class="orow__actions">
            {adds}
            {kind.movable().then(|| view! {
                <button type="button" class="btn btn--small btn--icon" aria-label=text(row, |r| format!("Move {} up", row_title(r))) title="Move up (Alt+↑)" disabled=at_end(|r| r.prev.is_none()) on:click=move |_| step.run(false)>"↑"</button>
                <button type="button" class="btn btn--small btn--icon" aria-label=text(row, |r| format!("Move {} down", row_title(r))) title="Move down (Alt+↓)" disabled=at_end(|r| r.next.is_none()) on:click=move |_| step.run(true)>"↓"</button>
            })}
            {(kind.movable() && kind != RowKind::Objective).then(|| view! {
                <button type="button" class="btn btn--small" aria-label=text(row, |r| format!("Move {}…", row_title(r))) on:click=open(Panel::Move) data-testid="move">"Move…"</button>
            })}
            {kind.deletable().then(|| view! {
                <button type="button" class="btn btn--small btn--danger" aria-label=text(row, |r| format!("Delete {}", row_title(r))) on:click=open(Panel::Delete) data-testid="delete">"Delete"</button>
            })}
        </span>
    }
}
