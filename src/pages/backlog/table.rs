//! The backlog table: one row per item in rank order (or a scheme's order), reorder by
//! keyboard (Alt+↑/↓/Home/End, or the buttons) and by drag and drop.

use super::{edit_item, with_product, BacklogUi};
use crate::model::backlog::BacklogRow;
use crate::model::scoring::Scheme;
use crate::model::{Command, Id, Kind};
use crate::state::{read_product, AppState};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Where a reorder sends an item, as an index in the whole backlog.
#[derive(Clone, Copy, PartialEq)]
pub(crate) enum Step {
    Up,
    Down,
    Top,
    Bottom,
}

/// Moves an item relative to the rows on screen, so a filtered view moves past the
/// items it shows; announces the new position.
pub(crate) fn reorder(state: AppState, ui: BacklogUi, id: &Id, step: Step) {
    if ui.scheme.get_untracked() != Scheme::Rank {
        state.say("Sort by backlog rank to reorder items.", true);
        return;
    }
    let Some(product) = state.product.get_untracked() else {
        return;
    };
    let order = ui.order.get_untracked();
    let Some((pos, total)) = with_product(state, |p| {
        let pos = order
            .iter()
            .position(|&n| p.items.get(n).is_some_and(|i| &i.id == id))?;
        Some((pos, p.items.len()))
    })
    .flatten() else {
        return;
    };
    let to = match step {
        Step::Top => 0,
        Step::Bottom => total,
        Step::Up if pos > 0 => order[pos - 1],
        Step::Down if pos + 1 < order.len() => order[pos + 1],
        _ => {
            state.say(
                if step == Step::Up {
                    "Already at the top."
                } else {
                    "Already at the bottom."
                },
                false,
            );
            return;
        }
    };
    let cmd = Command::Reorder {
        product,
        kind: Kind::Item,
        id: id.clone(),
        to_index: to,
    };
    if state.dispatch(cmd).is_ok() {
        // Moving down past the last drawn row draws one more, so the row keeps focus.
        if step == Step::Down && pos + 2 > ui.limit.get_untracked() {
            ui.limit.set(pos + 2);
        }
        announce_position(state, id);
        focus_item_row(id);
    }
}

fn announce_position(state: AppState, id: &Id) {
    if let Some((title, n, total, kind)) = with_product(state, |p| {
        let n = p.items.iter().position(|i| &i.id == id)?;
        Some((
            p.items[n].title.clone(),
            n + 1,
            p.items.len(),
            p.items[n].kind,
        ))
    })
    .flatten()
    {
        state.say(
            format!(
                "{} “{title}” moved to position {n} of {total}.",
                kind.label()
            ),
            false,
        );
    }
}

pub(crate) fn focus_item_row(id: &Id) {
    let dom_id = format!("item-{id}");
    request_animation_frame(move || {
        if let Some(el) = document().get_element_by_id(&dom_id) {
            el.unchecked_into::<web_sys::HtmlElement>().focus().ok();
        }
    });
}

#[component]
pub(crate) fn BacklogTable() -> impl IntoView {
    let ui = BacklogUi::expect();
    let state = AppState::expect();
    let all_selected = move || {
        ui.order.with(|o| {
            !o.is_empty()
                && ui.selected.with(|s| {
                    s.len() >= o.len()
                        && read_product(state, |p| {
                            o.iter()
                                .all(|&n| p.items.get(n).is_some_and(|i| s.contains(&i.id)))
                        })
                        .unwrap_or(false)
                })
        })
    };
    let toggle_all = move |_| {
        let ids: Vec<Id> = ui.shown_ids(state);
        if all_selected() {
            ui.selected.update(|s| {
                ids.iter().for_each(|id| {
                    s.remove(id);
                })
            });
        } else {
            ui.selected.update(|s| s.extend(ids));
        }
    };
    view! {
        <div class="backlog-table-wrap">
            <Show
                when=move || ui.order.with(|o| !o.is_empty())
                fallback=move || {
                    let filtered = ui.filter.with(|f| f.is_active());
                    view! {
                        <div class="empty-state" data-testid="backlog-empty">
                            {if filtered {
                                view! { <h2>"No item matches the filters"</h2><p>"Clear a filter above to see more of the backlog."</p> }.into_any()
                            } else {
                                view! { <h2>"The backlog is empty"</h2><p>"Add the first item above: a user story, a technical task, a spike or a bug. The order of the list is the order the team works in."</p> }.into_any()
                            }}
                        </div>
                    }
                }
            >
                <table class="table backlog-table" data-testid="backlog-table">
                    <caption class="sr-only">"Product backlog. Alt+Up and Alt+Down move the focused item; Alt+Home and Alt+End move it to the top or bottom."</caption>
                    <thead>
                        <tr>
                            <th scope="col" class="col-select">
                                <input type="checkbox" aria-label="Select all shown items" prop:checked=all_selected on:change=toggle_all />
                            </th>
                            <th scope="col" class="num">"#"</th>
                            <th scope="col">"Type"</th>
                            <th scope="col">"Title"</th>
                            <th scope="col">"Feature"</th>
                            <th scope="col" class="num">"Pts"</th>
                            <th scope="col">"Priority"</th>
                            <th scope="col">"Status"</th>
                            <th scope="col">"Sprint"</th>
                            <th scope="col">"Ready"</th>
                            <th scope="col" class="num" title="Value ÷ effort">"V/E"</th>
                            <th scope="col" class="num" title="Weighted shortest job first">"WSJF"</th>
                            <th scope="col" class="num" title="Reach × impact × confidence ÷ effort">"RICE"</th>
                            <th scope="col">"Forecast"</th>
                            <th scope="col"><span class="sr-only">"Reorder"</span></th>
                        </tr>
                    </thead>
                    <tbody>
                        <For each=move || ui.rows.get() key=|r: &BacklogRow| r.clone() let:row>
                            <BacklogRowView row=row />
                        </For>
                    </tbody>
                </table>
            </Show>
            <crate::components::MoreRows total=Signal::derive(move || ui.order.with(Vec::len)) limit=ui.limit noun="items" auto=true />
            <p class="muted backlog-hint">{move || if ui.scheme.with(|s| *s == Scheme::Rank) { "Drag a row, or focus it and press Alt+↑/↓ (Alt+Home/End for top and bottom), to change its rank. Drag it onto a sprint to plan it." } else { "Sorted by a score: switch back to backlog rank to reorder, or re-rank the backlog by this score." }}</p>
        </div>
    }
}

#[component]
fn BacklogRowView(row: BacklogRow) -> impl IntoView {
    let ui = BacklogUi::expect();
    let state = AppState::expect();
    let id = StoredValue::new(row.id.clone());
    let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
        if !ev.alt_key() {
            return;
        }
        let step = match ev.key().as_str() {
            "ArrowUp" => Step::Up,
            "ArrowDown" => Step::Down,
            "Home" => Step::Top,
            "End" => Step::Bottom,
            _ => return,
        };
        ev.prevent_default();
        reorder(state, ui, &id.get_value(), step);
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        ui.over.set(None);
        let Some(dragged) = ui.dragging.get_untracked() else {
            return;
        };
        ui.dragging.set(None);
        let target = id.get_value();
        if dragged == target {
            return;
        }
        if ui.scheme.get_untracked() != Scheme::Rank {
            state.say("Sort by backlog rank to reorder items.", true);
            return;
        }
        let Some(product) = state.product.get_untracked() else {
            return;
        };
        let indices = with_product(state, |p| {
            (
                p.items.iter().position(|i| i.id == dragged),
                p.items.iter().position(|i| i.id == target),
            )
        });
        if let Some((Some(from), Some(to))) = indices {
            let to = if from < to { to - 1 } else { to };
            let cmd = Command::Reorder {
                product,
                kind: Kind::Item,
                id: dragged.clone(),
                to_index: to,
            };
            if state.dispatch(cmd).is_ok() {
                announce_position(state, &dragged);
            }
        }
    };
    let selected = move || ui.selected.with(|s| s.contains(&id.get_value()));
    let is_open = move || ui.open.with(|o| o.as_ref() == Some(&id.get_value()));
    let title = row.title.clone();
    let ready_label = if row.ready { "Ready" } else { "Not ready" };
    view! {
        <tr
            id=format!("item-{}", row.id)
            tabindex="-1"
            class:is-selected=selected
            class:is-open=is_open
            class:is-over=move || ui.over.with(|o| o.as_ref() == Some(&id.get_value()))
            draggable="true"
            on:dragstart=move |ev: leptos::ev::DragEvent| {
                if let Some(dt) = ev.data_transfer() {
                    dt.set_data("text/plain", id.get_value().as_str()).ok();
                    dt.set_effect_allowed("move");
                }
                ui.dragging.set(Some(id.get_value()));
            }
            on:dragover=move |ev: leptos::ev::DragEvent| {
                if ui.dragging.with_untracked(Option::is_some) {
                    ev.prevent_default();
                    if ui.over.with_untracked(|o| o.as_ref() != Some(&id.get_value())) {
                        ui.over.set(Some(id.get_value()));
                    }
                }
            }
            on:drop=on_drop
            on:dragend=move |_| {
                ui.dragging.set(None);
                ui.over.set(None);
            }
            on:keydown=on_keydown
            data-testid="backlog-row"
            data-id=row.id.to_string()
        >
            <td class="col-select">
                <input
                    type="checkbox"
                    aria-label=format!("Select {title}")
                    prop:checked=selected
                    on:change=move |_| ui.selected.update(|s| {
                        let id = id.get_value();
                        if !s.remove(&id) {
                            s.insert(id);
                        }
                    })
                    data-testid="row-select"
                />
            </td>
            <td class="num">{row.rank}</td>
            <td><span class=format!("kind kind--{}", row.kind.key())>{row.kind.label()}</span></td>
            <td class="title-cell">
                <button
                    type="button"
                    class="link-button"
                    aria-label=format!("{} — open details", row.title)
                    on:click=move |_| ui.open.set(Some(id.get_value()))
                    data-testid="open-item"
                >
                    {row.title.clone()}
                </button>
                <span class="criteria-count">{(row.criteria > 0).then(|| format!("{} AC", row.criteria))}</span>
            </td>
            <td>{row.feature.clone().unwrap_or_else(|| "—".into())}</td>
            <td class="num">{row.estimate.clone().unwrap_or_else(|| "—".into())}</td>
            <td>{row.priority.map(|p| p.label()).unwrap_or("—")}</td>
            <td><span class=format!("status status--{:?}", row.status)>{row.status.label()}</span></td>
            <td>{row.sprint.clone().unwrap_or_else(|| "—".into())}</td>
            <td>
                <span class="ready" class:ready--yes=row.ready title=row.readiness.clone() data-testid="readiness">
                    {if row.ready { "✓ " } else { "✗ " }}{ready_label}
                </span>
                <span class="sr-only">{format!(": {}", row.readiness)}</span>
            </td>
            <td class="num">{row.value_effort.clone()}</td>
            <td class="num">{row.wsjf.clone()}</td>
            <td class="num">{row.rice.clone()}</td>
            <td class="forecast">{row.forecast.clone()}</td>
            <td class="row-actions">
                <button type="button" class="btn btn--small btn--icon" aria-label=format!("Move {} up", row.title) title="Move up (Alt+↑)" on:click=move |_| reorder(state, ui, &id.get_value(), Step::Up)>"↑"</button>
                <button type="button" class="btn btn--small btn--icon" aria-label=format!("Move {} down", row.title) title="Move down (Alt+↓)" on:click=move |_| reorder(state, ui, &id.get_value(), Step::Down)>"↓"</button>
            </td>
        </tr>
    }
}

/// Plans an item into a sprint (or back to the backlog) after a drop on a sprint card.
pub(crate) fn plan_into(state: AppState, item: &Id, sprint: Option<Id>, sprint_name: &str) {
    if edit_item(state, item, |i| i.sprint = sprint).is_ok() {
        state.say(format!("Planned into {sprint_name}."), false);
    }
}
