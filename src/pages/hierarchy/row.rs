//! One row of the outline: its badge, title, roll-up and actions; keyboard shortcuts and
//! drag and drop; and the inline panel open under it.

use super::editors::EditPanel;
use super::panels::{AddPanel, DeletePanel, MovePanel};
use super::{focus_row, model_kind, OutlineUi, Panel};
use crate::components::HatBadge;
use crate::model::outline::{drop_command, Row, RowKind};
use crate::model::{Command, Kind};
use crate::state::AppState;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The move that "up" or "down" stands for, if the row can go that way.
fn step_command(product: &crate::model::Id, row: &Row, down: bool) -> Option<Command> {
    let kind = model_kind(row.kind)?;
    let id = row.id.clone()?;
    let before = if down {
        row.next.as_ref()?;
        row.after_next.clone()
    } else {
        Some(row.prev.clone()?)
    };
    Some(Command::Move {
        product: product.clone(),
        kind,
        id,
        parent: row.parent.clone(),
        before,
    })
}

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

/// Where the arrow keys and Home/End take the focus, among the rows drawn.
#[derive(Clone, Copy)]
enum Step {
    Up,
    Down,
    First,
    Last,
}

impl Step {
    fn of_key(key: &str) -> Option<Step> {
        match key {
            "ArrowUp" => Some(Step::Up),
            "ArrowDown" => Some(Step::Down),
            "Home" => Some(Step::First),
            "End" => Some(Step::Last),
            _ => None,
        }
    }
}

/// Moves focus from anywhere on a row's line to another row's title.
fn focus_sibling_row(from: &web_sys::Element, step: Step) {
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

/// What decides a row's elements (which buttons, badges and spans it has). A slot keeps
/// its elements while this stays the same and only rewrites their text.
#[derive(Clone, Copy, PartialEq)]
struct Shape {
    kind: RowKind,
    has_children: bool,
    colour: bool,
    item_kind: Option<crate::model::ItemKind>,
    detail: bool,
}

impl Shape {
    fn of(r: &Row) -> Shape {
        Shape {
            kind: r.kind,
            has_children: r.has_children,
            colour: r.colour.is_some(),
            item_kind: r.item_kind,
            detail: !r.detail.is_empty() && r.kind != RowKind::Item,
        }
    }
}

fn kind_class(kind: RowKind) -> &'static str {
    match kind {
        RowKind::Product => "product",
        RowKind::Objective => "objective",
        RowKind::KeyResult => "kr",
        RowKind::Theme => "theme",
        RowKind::Feature => "feature",
        RowKind::Item => "item",
        RowKind::Loose(_) => "loose",
    }
}

fn movable(kind: RowKind) -> bool {
    model_kind(kind).is_some()
}

fn deletable(kind: RowKind) -> bool {
    matches!(
        kind,
        RowKind::Product | RowKind::Objective | RowKind::Theme | RowKind::Feature | RowKind::Item
    )
}

/// The row drawn at place `index` of the outline. It is bound to the place, not to an
/// entity: when a filter keystroke changes the rows, a slot rewrites its text in place
/// (and rebuilds its line only when the row's shape changes) instead of 50 rows being
/// created anew. Handlers read the row the slot shows at the moment they run.
#[component]
pub(crate) fn OutlineRow(index: usize, rows: Memo<Vec<Row>>, stop: Memo<String>) -> impl IntoView {
    let state = AppState::expect();
    let ui = OutlineUi::expect();
    let row = Memo::new(move |_| rows.with(|r| r.get(index).cloned()));
    let kind = Memo::new(move |_| row.with(|r| r.as_ref().map(|r| r.kind)));
    let key =
        Memo::new(move |_| row.with(|r| r.as_ref().map(|r| r.key.clone()).unwrap_or_default()));
    let shape = Memo::new(move |_| row.with(|r| r.as_ref().map(Shape::of)));
    // Out of the Tab order unless this row holds the outline's one stop (see
    // `OutlineUi::current`); the arrow keys move between rows.
    let off_tab = Memo::new(move |_| stop.with(|s| key.with(|k| s != k)));
    let li = NodeRef::<leptos::html::Li>::new();
    Effect::new(move |_| {
        let Some(el) = li.get() else { return };
        // The list is flat (rows are windowed), so each row says where it sits: its
        // level and its place among its siblings, for screen readers. (Set here because
        // Leptos's view macro has no `aria-level` attribute.)
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
    // The line's links and buttons leave or join the Tab order together: set here
    // rather than as an attribute of each, which cost about 1 KiB more of render code.
    // Runs again when the line is rebuilt for a new shape, not on every keystroke.
    // Spawned as a task: it runs after the effects already queued (one of them puts a
    // line rebuilt for a new shape in the DOM) and before the frame is drawn. (A
    // `queue_microtask` did the same for 2 KiB more.)
    Effect::new(move |_| {
        shape.track();
        off_tab.track();
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
                if let Some(c) = found
                    .item(n)
                    .and_then(|c| c.dyn_into::<web_sys::Element>().ok())
                {
                    if off {
                        c.set_attribute("tabindex", "-1").ok();
                    } else {
                        c.remove_attribute("tabindex").ok();
                    }
                }
            }
        });
    });
    let on_focusin = move |_| ui.hold_stop(key.get_untracked());
    // Reads the current row, untracked: for handlers.
    let with_row = move |f: &dyn Fn(&Row)| {
        row.with_untracked(|r| {
            if let Some(r) = r {
                f(r)
            }
        })
    };
    let open_panel = move || {
        ui.panel.with(|p| {
            p.as_ref()
                .filter(|(k, _)| key.with(|key| key == k))
                .map(|(_, p)| *p)
        })
    };

    let dispatch_step = move |down: bool| {
        let Some(product) = state.product.get_untracked() else {
            return;
        };
        let Some(current) = row.get_untracked() else {
            return;
        };
        let Some(cmd) = step_command(&product, &current, down) else {
            state.say(
                if down {
                    "Already the last one here."
                } else {
                    "Already the first one here."
                },
                false,
            );
            return;
        };
        if state.dispatch(cmd).is_ok() {
            let pos = if down {
                current.position + 1
            } else {
                current.position - 1
            };
            state.say(
                format!(
                    "“{}” moved to position {pos} of {}.",
                    current.title, current.siblings
                ),
                false,
            );
            focus_row(&current.key);
        }
    };

    let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
        let Some(target) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        else {
            return;
        };
        // Escape is easily pressed by accident: a changed draft is kept unless let go.
        if ev.key() == "Escape" && open_panel().is_some() {
            ev.prevent_default();
            if crate::drafts::may_discard() {
                ui.close();
            }
            return;
        }
        // Shortcuts act on the row line only, never while typing in a panel.
        if target.closest(".orow__panel").ok().flatten().is_some() {
            return;
        }
        let Some(kind) = kind.get_untracked() else {
            return;
        };
        match (ev.key().as_str(), ev.alt_key()) {
            ("ArrowUp", true) if movable(kind) => {
                ev.prevent_default();
                dispatch_step(false);
            }
            ("ArrowDown", true) if movable(kind) => {
                ev.prevent_default();
                dispatch_step(true);
            }
            // From the title or any button of the line, as in a tree: the rows are
            // one Tab stop, and the arrows go between them.
            (key, false) if Step::of_key(key).is_some() => {
                if let Some(step) = Step::of_key(key) {
                    ev.prevent_default();
                    focus_sibling_row(&target, step);
                }
            }
            ("ArrowLeft", false) | ("ArrowRight", false)
                if target.class_list().contains("orow__title") =>
            {
                with_row(&|r| {
                    if r.has_children && r.expanded == (ev.key() == "ArrowLeft") {
                        ev.prevent_default();
                        ui.toggle(&r.key);
                        focus_row(&r.key);
                    }
                });
            }
            ("Delete", false) if deletable(kind) => {
                ev.prevent_default();
                with_row(&|r| ui.open(&r.key, Panel::Delete));
            }
            _ => {}
        }
    };

    // Drag and drop. Every row accepts the drop so a refused move can say why.
    let on_dragstart = move |ev: leptos::ev::DragEvent| {
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
    };
    let on_dragover = move |ev: leptos::ev::DragEvent| {
        if ui.dragging.with_untracked(Option::is_some) {
            ev.prevent_default();
            let k = key.get_untracked();
            if ui.over.with_untracked(|o| o.as_deref() != Some(k.as_str())) {
                ui.over.set(Some(k));
            }
        }
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
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
                    state.say(format!("Moved next to “{}”.", target.title), false);
                }
            }
            Err(reason) => state.say(format!("Not moved: {reason}"), true),
        }
    };
    let on_dragend = move |_| {
        ui.dragging.set(None);
        ui.over.set(None);
    };

    // Text of the row shown now, for the parts that change in place.
    let text =
        move |f: fn(&Row) -> String| move || row.with(|r| r.as_ref().map(f).unwrap_or_default());
    let line = move |s: Shape| {
        let level = s.kind.level();
        let editable = !matches!(s.kind, RowKind::Loose(_));
        view! {
            <div class="orow__line">
                {if s.has_children {
                    view! {
                        <button
                            type="button"
                            class="orow__toggle"

                            aria-expanded=move || row.with(|r| r.as_ref().is_some_and(|r| r.expanded)).to_string()
                            aria-label=text(|r| format!("{} {}", if r.expanded { "Collapse" } else { "Expand" }, r.title))
                            on:click=move |_| with_row(&|r| ui.toggle(&r.key))
                        >
                            {text(|r| (if r.expanded { "▾" } else { "▸" }).to_string())}
                        </button>
                    }
                    .into_any()
                } else {
                    view! { <span class="orow__toggle orow__toggle--none" aria-hidden="true"></span> }.into_any()
                }}
                {level.map(|l| view! { <HatBadge level=l /> })}
                {s.colour.then(|| view! { <span class="swatch" style:background-color=text(|r| r.colour.clone().unwrap_or_default()) aria-hidden="true"></span> })}
                {s.item_kind.map(|k| view! { <span class=format!("kind kind--{}", k.key())>{k.label()}</span> })}
                <button
                    type="button"
                    class="orow__title"
                    id=move || format!("row-{}", key.get())

                    aria-label=text(|r| match r.kind {
                        RowKind::Loose(_) => r.title.clone(),
                        _ => format!("{} (edit)", r.title),
                    })
                    // Not `disabled`: a group row must still take the focus, so the
                    // arrow keys pass through it and Left/Right fold it.
                    aria-disabled=(!editable).then_some("true")
                    on:click=move |_| if editable { with_row(&|r| ui.open(&r.key, Panel::Edit)) }
                    data-testid="row-title"
                >
                    {text(|r| r.title.clone())}
                </button>
                {s.detail.then(|| view! { <span class="orow__detail">{text(|r| r.detail.clone())}</span> })}
                <span class="orow__meta">{text(|r| r.meta.clone())}</span>
                <span class="orow__actions">
                    {child_kinds(s.kind)
                        .iter()
                        .map(|k| {
                            let k = *k;
                            view! {
                                <button
                                    type="button"
                                    class="btn btn--small"

                                    aria-label=move || row.with(|r| r.as_ref().map(|r| format!("+ {} under {}", k.noun(), r.title)).unwrap_or_default())
                                    on:click=move |_| with_row(&|r| ui.open(&r.key, Panel::Add(k)))
                                    data-testid=format!("add-{}", k.noun())
                                >
                                    {format!("+ {}", k.noun())}
                                </button>
                            }
                        })
                        .collect_view()}
                    {movable(s.kind).then(|| view! {
                        <button type="button" class="btn btn--small btn--icon" aria-label=text(|r| format!("Move {} up", r.title)) title="Move up (Alt+↑)" disabled=move || row.with(|r| r.as_ref().is_none_or(|r| r.prev.is_none())) on:click=move |_| dispatch_step(false)>"↑"</button>
                        <button type="button" class="btn btn--small btn--icon" aria-label=text(|r| format!("Move {} down", r.title)) title="Move down (Alt+↓)" disabled=move || row.with(|r| r.as_ref().is_none_or(|r| r.next.is_none())) on:click=move |_| dispatch_step(true)>"↓"</button>
                    })}
                    {(movable(s.kind) && s.kind != RowKind::Objective).then(|| view! {
                        <button type="button" class="btn btn--small" aria-label=text(|r| format!("Move {}…", r.title)) on:click=move |_| with_row(&|r| ui.open(&r.key, Panel::Move)) data-testid="move">"Move…"</button>
                    })}
                    {deletable(s.kind).then(|| view! {
                        <button type="button" class="btn btn--small btn--danger" aria-label=text(|r| format!("Delete {}", r.title)) on:click=move |_| with_row(&|r| ui.open(&r.key, Panel::Delete)) data-testid="delete">"Delete"</button>
                    })}
                </span>
            </div>
        }
    };

    view! {
        <li
            class=move || format!("orow orow--{}", kind.get().map_or("loose", kind_class))
            class:orow--over=move || ui.over.with(|o| key.with(|k| o.as_deref() == Some(k.as_str())))
            style:--depth=move || row.with(|r| r.as_ref().map_or(0, |r| r.depth)).to_string()
            draggable=move || kind.get().is_some_and(movable).then_some("true")
            on:dragstart=on_dragstart
            on:dragover=on_dragover
            on:dragleave=move |_| ui.over.set(None)
            on:drop=on_drop
            on:dragend=on_dragend
            on:keydown=on_keydown
            on:focusin=on_focusin
            node_ref=li
            data-testid="outline-row"
            data-kind=move || kind.get().map_or("loose", kind_class)
            data-key=move || key.get()
        >
            {move || shape.get().map(line)}
            {move || open_panel().map(|p| {
                let row = row.get_untracked()?;
                Some(view! {
                    <div class="orow__panel">
                        {match p {
                            Panel::Edit => view! { <EditPanel row=row /> }.into_any(),
                            Panel::Add(k) => view! { <AddPanel row=row kind=k /> }.into_any(),
                            Panel::Move => view! { <MovePanel row=row /> }.into_any(),
                            Panel::Delete => view! { <DeletePanel row=row /> }.into_any(),
                        }}
                    </div>
                })
            })}
        </li>
    }
}
