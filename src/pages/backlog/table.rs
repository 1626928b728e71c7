//! The backlog table: one row per item in rank order (or a scheme's order), reorder by
//! keyboard (Alt+↑/↓/Home/End, or the buttons) and by drag and drop.

use super::ui::{edit_item, with_product, BacklogUi};
use crate::model::backlog::{BacklogRow, Forecast};
use crate::model::bounds::Field;
use crate::model::scoring::Scheme;
use crate::model::{Command, Id, Kind};
use crate::state::{read_product, AppState};
use crate::text::numbers::points;
use leptos::prelude::*;

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
    if move_item(state, product, id, to) {
        // Moving down past the last drawn row draws one more, so the row keeps focus.
        if step == Step::Down && pos + 2 > ui.limit.get_untracked() {
            ui.limit.set(pos + 2);
        }
        announce_position(state, id);
        focus_item_row(id);
    }
}

/// Gives an item the rank `to` in the backlog; true if it moved.
fn move_item(state: AppState, product: Id, id: &Id, to: usize) -> bool {
    let cmd = Command::Reorder {
        product,
        kind: Kind::Item,
        id: id.clone(),
        to_index: to,
    };
    state.dispatch(cmd).is_ok()
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
    crate::focus::focus_id_next_frame(format!("item-{id}"));
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
                        <For each=move || 0..ui.rows.with(Vec::len) key=|n: &usize| *n let:n>
                            <BacklogRowView index=n />
                        </For>
                    </tbody>
                </table>
            </Show>
            <crate::components::MoreRows total=Signal::derive(move || ui.order.with(Vec::len)) limit=ui.limit noun="items" page=super::ui::PAGE auto=true />
            <p class="muted backlog-hint">{move || if ui.scheme.with(|s| *s == Scheme::Rank) { "Drag a row, or focus it and press Alt+↑/↓ (Alt+Home/End for top and bottom), to change its rank. Drag it onto a sprint to plan it." } else { "Sorted by a score: switch back to backlog rank to reorder, or re-rank the backlog by this score." }}</p>
        </div>
    }
}

/// One table row, bound to a slot of the drawn rows rather than to an item: when a
/// search or a reorder changes which item a slot shows, the row's text and attributes
/// are updated in place instead of the row being rebuilt. Creating and styling 50 new
/// rows was most of the time of a search keystroke.
/// What a row's handlers share: the slot's row, read when they run.
#[derive(Clone, Copy)]
struct Slot {
    state: AppState,
    ui: BacklogUi,
    row: Memo<Option<BacklogRow>>,
}

impl Slot {
    /// The item in this slot now (none for the moment a slot outlives its row).
    fn id(self) -> Option<Id> {
        self.row
            .with_untracked(|r| r.as_ref().map(|r| r.id.clone()))
    }

    /// Alt+↑/↓ move the item one place, Alt+Home/End to the top or bottom.
    fn on_keydown(self, ev: leptos::ev::KeyboardEvent) {
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
        self.step(step);
    }

    fn step(self, step: Step) {
        if let Some(id) = self.id() {
            reorder(self.state, self.ui, &id, step);
        }
    }

    fn toggle_selected(self) {
        if let Some(id) = self.id() {
            self.ui.selected.update(|s| {
                if !s.remove(&id) {
                    s.insert(id);
                }
            })
        }
    }

    fn on_dragstart(self, ev: leptos::ev::DragEvent) {
        let Some(id) = self.id() else { return };
        if let Some(dt) = ev.data_transfer() {
            dt.set_data("text/plain", id.as_str()).ok();
            dt.set_effect_allowed("move");
        }
        self.ui.dragging.set(Some(id));
    }

    fn on_dragover(self, ev: leptos::ev::DragEvent) {
        if self.ui.dragging.with_untracked(Option::is_none) {
            return;
        }
        ev.prevent_default();
        let here = self.id();
        if self.ui.over.with_untracked(|o| *o != here) {
            self.ui.over.set(here);
        }
    }

    fn on_dragend(self) {
        self.ui.dragging.set(None);
        self.ui.over.set(None);
    }

    /// A row dropped on this one takes its place in the rank.
    fn on_drop(self, ev: leptos::ev::DragEvent) {
        let (state, ui) = (self.state, self.ui);
        ev.prevent_default();
        ui.over.set(None);
        let (Some(dragged), Some(target)) = (ui.dragging.get_untracked(), self.id()) else {
            return;
        };
        ui.dragging.set(None);
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
        let place = |id: &Id| with_product(state, |p| p.items.iter().position(|i| &i.id == id));
        let (Some(Some(from)), Some(Some(to))) = (place(&dragged), place(&target)) else {
            return;
        };
        let to = if from < to { to - 1 } else { to };
        if move_item(state, product, &dragged, to) {
            announce_position(state, &dragged);
        }
    }
}

/// One table row, bound to a slot of the drawn rows rather than to an item: when a
/// search or a reorder changes which item a slot shows, the row's text and attributes
/// are updated in place instead of the row being rebuilt. Creating and styling 50 new
/// rows was most of the time of a search keystroke.
#[component]
fn BacklogRowView(index: usize) -> impl IntoView {
    let ui = BacklogUi::expect();
    let row = Memo::new(move |_| ui.rows.with(|r| r.get(index).cloned()));
    let slot = Slot {
        state: AppState::expect(),
        ui,
        row,
    };
    let text = move |f: fn(&BacklogRow) -> String| {
        move || row.with(|r| r.as_ref().map(f).unwrap_or_default())
    };
    let is = move |set: fn(&BacklogUi, &Id) -> bool| {
        move || row.with(|r| r.as_ref().is_some_and(|r| set(&ui, &r.id)))
    };
    let selected = is(|ui, id| ui.selected.with(|s| s.contains(id)));
    let ready = move || row.with(|r| r.as_ref().is_some_and(BacklogRow::ready));
    view! {
        <tr
            id=text(|r| format!("item-{}", r.id))
            tabindex="-1"
            class:is-selected=selected
            class:is-open=is(|ui, id| ui.open.with(|o| o.as_ref() == Some(id)))
            class:is-over=is(|ui, id| ui.over.with(|o| o.as_ref() == Some(id)))
            draggable="true"
            on:dragstart=move |ev| slot.on_dragstart(ev)
            on:dragover=move |ev| slot.on_dragover(ev)
            on:drop=move |ev| slot.on_drop(ev)
            on:dragend=move |_| slot.on_dragend()
            on:keydown=move |ev| slot.on_keydown(ev)
            data-testid="backlog-row"
            data-id=text(|r| r.id.to_string())
        >
            <td class="col-select">
                <input
                    type="checkbox"
                    aria-label=text(|r| format!("Select {}", r.title))
                    prop:checked=selected
                    on:change=move |_| slot.toggle_selected()
                    data-testid="row-select"
                />
            </td>
            <td class="num">{text(|r| r.rank.to_string())}</td>
            <td><span class=text(|r| format!("kind kind--{}", r.kind.key()))>{text(|r| r.kind.label().into())}</span></td>
            <td class="title-cell">
                <button
                    type="button"
                    class="link-button"
                    aria-label=text(|r| format!("{} — open details", r.title))
                    on:click=move |_| ui.show(slot.id())
                    data-testid="open-item"
                >
                    {text(|r| r.title.clone())}
                </button>
                <span class="criteria-count">{text(|r| if r.criteria > 0 { format!("{} AC", r.criteria) } else { String::new() })}</span>
                {out_of_range(move || row.with(|r| r.as_ref().and_then(|r| r.score_flag)))}
                {move || row.with(|r| r.as_ref().and_then(|r| crate::text::waits_for(&r.blocked_by))).map(|t| view! {
                    <span class="blocked-chip" data-testid="blocked">{t}</span>
                })}
                {move || row.with(|r| r.as_ref().and_then(|r| r.order_problem.clone())).map(|(how, b)| view! {
                    <span class="order-warning" role="note" data-testid="order-warning"><span aria-hidden="true">"⚠ "</span>{crate::text::misplaced(how, &b)}</span>
                })}
            </td>
            <td class="feature-cell" title=text(|r| r.feature.clone().unwrap_or_default())>{text(|r| r.feature.clone().unwrap_or_else(|| "—".into()))}</td>
            <td class="num">
                {text(|r| r.estimate.map(points).unwrap_or_else(|| "—".into()))}
                {out_of_range(move || row.with(|r| r.as_ref().and_then(|r| r.estimate_flag)))}
            </td>
            <td>{text(|r| r.priority.map(|p| p.label()).unwrap_or("—").into())}</td>
            <td><span class=text(|r| format!("status status--{}", r.status.name()))>{text(|r| r.status.label().into())}</span></td>
            <td>{text(|r| r.sprint.clone().unwrap_or_else(|| "—".into()))}</td>
            <td>
                <span class="ready" class:ready--yes=ready title=text(|r| crate::text::readiness(&r.missing)) data-testid="readiness">
                    {text(|r| if r.ready() { "✓ Ready".into() } else { "✗ Not ready".into() })}
                </span>
                <span class="sr-only">{text(|r| format!(": {}", crate::text::readiness(&r.missing)))}</span>
            </td>
            <td class="num">{text(|r| crate::text::score(r.value_effort))}</td>
            <td class="num">{text(|r| crate::text::score(r.wsjf))}</td>
            <td class="num">{text(|r| crate::text::score(r.rice))}</td>
            <td class="forecast" class:forecast--risk=move || row.with(|r| r.as_ref().is_some_and(|r| matches!(r.forecast, Forecast::AtRisk(_)))) data-testid="forecast">{text(crate::text::row_forecast)}</td>
            <td class="row-actions"><div class="row-actions__buttons">
                <button type="button" class="btn btn--small btn--icon" aria-label=text(|r| format!("Move {} up", r.title)) title="Move up (Alt+↑)" on:click=move |_| slot.step(Step::Up)>"↑"</button>
                <button type="button" class="btn btn--small btn--icon" aria-label=text(|r| format!("Move {} down", r.title)) title="Move down (Alt+↓)" on:click=move |_| slot.step(Step::Down)>"↓"</button>
            </div></td>
        </tr>
    }
}

/// The marker of a value stored out of its range (`flag` names its field), for the cell
/// that shows it: seen as ⚠ with the reason as its title, heard as the reason.
fn out_of_range(flag: impl Fn() -> Option<Field> + Send + Sync + 'static) -> impl IntoView {
    move || {
        flag().map(|field| {
            let f = crate::text::out_of_range(field);
            view! {
                <span class="out-of-range" title=f.clone() data-testid="out-of-range">
                    <span aria-hidden="true">"⚠"</span>
                    <span class="sr-only">{format!(" {f}")}</span>
                </span>
            }
        })
    }
}

/// Plans an item into a sprint (or back to the backlog) after a drop on a sprint card.
pub(crate) fn plan_into(state: AppState, item: &Id, sprint: Option<Id>, sprint_name: &str) {
    if edit_item(state, item, |i| i.sprint = sprint).is_ok() {
        state.say(format!("Planned into {sprint_name}."), false);
    }
}
