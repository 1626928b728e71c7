//! The Now / Next / Later board of the same features. Drag a card to another column or
//! onto a card; on a focused card Alt+←/→ changes its column and Alt+↑/↓ its place.

use super::add_feature::AddFeature;
use super::ui::{with_product, RoadmapUi};
use crate::model::roadmap_lanes::{waits, Wait};
use crate::model::slips::{finish_days, slip_facts, slips_from, SlipFacts};
use crate::model::{Command, Entity, Feature, Horizon, Id, Kind};
use crate::state::AppState;
use crate::text;
use crate::text::numbers::fixed;
use leptos::prelude::*;
use std::collections::HashMap;

const COLUMNS: [Option<Horizon>; 4] = [
    Some(Horizon::Now),
    Some(Horizon::Next),
    Some(Horizon::Later),
    None,
];

fn column_title(h: Option<Horizon>) -> &'static str {
    h.map(|h| h.label()).unwrap_or("No horizon")
}

#[derive(Clone, Debug, PartialEq)]
struct Card {
    id: Id,
    title: String,
    theme: String,
    colour: String,
    objective: Option<String>,
    status: String,
    dates: String,
    progress: String,
    slip: Option<SlipFacts>,
    waits: Vec<Wait>,
}

/// Where a moved card goes in the features' order (which the hierarchy and the themes show
/// too).
#[derive(Clone, Copy)]
enum At<'a> {
    Before(&'a Id),
    /// After the column's last card (a drop on the column).
    ColumnEnd,
    /// Where the order already puts it: a move across columns by keyboard changes the
    /// column only, never the feature's place among its theme's.
    Keep,
}

/// Puts a feature in a column, at `at`: one undoable step.
fn move_card(state: AppState, id: &Id, horizon: Option<Horizon>, at: At) {
    let Some(product) = state.product.get_untracked() else {
        return;
    };
    let plan = with_product(state, |p| {
        let mut f = p.feature(id)?.clone();
        let from = p.features.iter().position(|x| &x.id == id)?;
        let target = match at {
            At::Keep => None,
            At::Before(b) => Some(p.features.iter().position(|x| &x.id == b)?),
            At::ColumnEnd => Some(
                p.features
                    .iter()
                    .rposition(|x| x.horizon == horizon && &x.id != id)
                    .map_or(p.features.len(), |i| i + 1),
            ),
        };
        let to = target.map(|t| if t > from { t - 1 } else { t });
        f.horizon = horizon;
        Some((f, to))
    })
    .flatten();
    let Some((f, to)) = plan else { return };
    let title = f.title.clone();
    let mut commands = vec![Command::Edit {
        product: product.clone(),
        entity: Entity::Feature(f),
    }];
    if let Some(to_index) = to {
        commands.push(Command::Reorder {
            product,
            kind: Kind::Feature,
            id: id.clone(),
            to_index,
        });
    }
    if state
        .dispatch(Command::Batch {
            label: format!("move “{title}” to {}", column_title(horizon)),
            commands,
        })
        .is_ok()
    {
        state.say(
            format!("“{title}” is now in {}.", column_title(horizon)),
            false,
        );
        crate::focus::focus_id_next_frame(format!("card-{id}"));
    }
}

#[component]
pub(crate) fn Board() -> impl IntoView {
    let state = AppState::expect();
    let ui = RoadmapUi::expect();
    let dragging = RwSignal::new(None::<Id>);
    let columns = Memo::new(move |_| {
        ui.filtered(|p, filter| {
            // One pass over the backlog for every card's progress, not one per card.
            let sums = crate::model::outline::rollups(p);
            // The forecast and slips once for every card too.
            let finish = finish_days(p);
            let slipping = slips_from(p, &finish);
            let by_id: HashMap<&Id, &Feature> = p.features.iter().map(|f| (&f.id, f)).collect();
            COLUMNS
                .iter()
                .map(|h| {
                    let cards: Vec<Card> = p
                        .features
                        .iter()
                        .filter(|f| f.horizon == *h && filter.accepts(p, f))
                        .map(|f| {
                            let theme = f.theme.as_ref().and_then(|t| p.theme(t));
                            Card {
                                id: f.id.clone(),
                                title: f.title.clone(),
                                theme: theme
                                    .map(|t| t.name.clone())
                                    .unwrap_or_else(|| crate::text::NO_THEME.into()),
                                colour: theme
                                    .map(|t| t.colour.clone())
                                    .unwrap_or_else(|| "#5b6573".into()),
                                objective: theme
                                    .and_then(|t| t.objective.as_ref())
                                    .and_then(|o| p.objective(o))
                                    .map(|o| o.title.clone()),
                                status: f.status.label().into(),
                                dates: match (f.start, f.end) {
                                    (Some(s), Some(e)) => format!(
                                        "{} – {}",
                                        super::ui::month_label(s),
                                        super::ui::month_label(e)
                                    ),
                                    _ => "No dates".into(),
                                },
                                progress: sums
                                    .by_feature
                                    .get(&f.id)
                                    .and_then(|r| r.percent_done())
                                    .map(|v| format!("{}% done", fixed(v, 0)))
                                    .unwrap_or_else(|| "not broken down".into()),
                                slip: slip_facts(p, &f.id, &slipping, &finish),
                                waits: waits(f, &by_id, &finish),
                            }
                        })
                        .collect();
                    (*h, cards)
                })
                .collect::<Vec<_>>()
        })
    });
    // A long column draws its first cards and offers the rest (see `MoreRows` for why
    // paging rather than windowing).
    let expanded = RwSignal::new(Vec::<Option<Horizon>>::new());
    view! {
        <div class="board" data-testid="roadmap-board">
            {move || columns.get().into_iter().map(|(h, cards)| {
                let n = cards.len();
                let shown = if expanded.with(|e| e.contains(&h)) { n } else { n.min(COLUMN_PAGE) };
                view! {
                    <section
                        class="board__column"
                        aria-label=format!("{} ({n})", column_title(h))
                        on:dragover=move |ev: leptos::ev::DragEvent| if dragging.with_untracked(Option::is_some) { ev.prevent_default() }
                        on:drop=move |ev: leptos::ev::DragEvent| {
                            ev.prevent_default();
                            if let Some(id) = dragging.get_untracked() {
                                dragging.set(None);
                                move_card(state, &id, h, At::ColumnEnd);
                            }
                        }
                        data-testid=format!("column-{}", column_title(h).to_lowercase().replace(' ', "-"))
                    >
                        <h2 class="board__title">{column_title(h)}<span class="board__count">{n}</span></h2>
                        <ul class="board__cards">
                            {cards.into_iter().take(shown).map(|c| view! { <CardView card=c horizon=h dragging=dragging /> }).collect_view()}
                        </ul>
                        {(shown < n).then(|| view! {
                            <button type="button" class="btn btn--small board__more" on:click=move |_| expanded.update(|e| e.push(h)) data-testid="column-more">
                                {format!("Show all {n} (showing {shown})")}
                            </button>
                        })}
                        {(h.is_none() && n == 0).then(|| view! { <p class="muted">"Features without a horizon wait here."</p> })}
                        {h.is_none().then(|| view! { <AddFeature theme=None label="Add a feature with no theme".to_string() /> })}
                    </section>
                }
            }).collect_view()}
        </div>
    }
}

/// Cards a column draws before asking.
const COLUMN_PAGE: usize = 30;

#[component]
fn CardView(card: Card, horizon: Option<Horizon>, dragging: RwSignal<Option<Id>>) -> impl IntoView {
    let state = AppState::expect();
    let ui = RoadmapUi::expect();
    let id = StoredValue::new(card.id.clone());
    let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
        if !ev.alt_key() {
            // Enter or Space opens the details, as a click does.
            if matches!(ev.key().as_str(), "Enter" | " ") {
                ev.prevent_default();
                ui.select(Some(id.get_value()));
            }
            return;
        }
        let col = COLUMNS.iter().position(|c| *c == horizon).unwrap_or(0);
        let here = id.get_value();
        match ev.key().as_str() {
            "ArrowLeft" if col > 0 => move_card(state, &here, COLUMNS[col - 1], At::Keep),
            "ArrowRight" if col + 1 < COLUMNS.len() => {
                move_card(state, &here, COLUMNS[col + 1], At::Keep)
            }
            "ArrowUp" | "ArrowDown" => {
                let siblings: Vec<Id> = with_product(state, |p| {
                    p.features
                        .iter()
                        .filter(|f| f.horizon == horizon)
                        .map(|f| f.id.clone())
                        .collect()
                })
                .unwrap_or_default();
                let Some(pos) = siblings.iter().position(|s| s == &here) else {
                    return;
                };
                if ev.key() == "ArrowUp" && pos > 0 {
                    move_card(state, &here, horizon, At::Before(&siblings[pos - 1]));
                } else if ev.key() == "ArrowDown" && pos + 1 < siblings.len() {
                    move_card(
                        state,
                        &here,
                        horizon,
                        siblings.get(pos + 2).map_or(At::ColumnEnd, At::Before),
                    );
                }
            }
            _ => return,
        }
        ev.prevent_default();
    };
    let selected = move || ui.selected.with(|s| s.as_ref() == Some(&id.get_value()));
    // The card's name is all a screen reader hears of it: the slip and waits are in it.
    let mut said = vec![card.title.clone(), card.theme.clone(), card.status.clone()];
    said.extend(card.slip.as_ref().map(text::slip));
    if !card.waits.is_empty() {
        let titles: Vec<&str> = card.waits.iter().map(|w| w.title.as_str()).collect();
        said.extend(text::waits_for(&titles));
    }
    let label = format!(
        "{}. Enter shows its details; Alt+arrows move it between columns and within the column.",
        said.join(", ")
    );
    view! {
        <li
            id=format!("card-{}", card.id)
            class="feature-card"
            class:feature-card--selected=selected
            style:--theme-colour=card.colour.clone()
            tabindex="0"
            draggable="true"
            aria-label=label
            on:keydown=on_keydown
            on:click=move |_| ui.select(Some(id.get_value()))
            on:dragstart=move |ev: leptos::ev::DragEvent| {
                if let Some(dt) = ev.data_transfer() {
                    dt.set_data("text/plain", id.get_value().as_str()).ok();
                }
                dragging.set(Some(id.get_value()));
            }
            on:dragover=move |ev: leptos::ev::DragEvent| if dragging.with_untracked(Option::is_some) { ev.prevent_default() }
            on:drop=move |ev: leptos::ev::DragEvent| {
                ev.prevent_default();
                ev.stop_propagation();
                if let Some(d) = dragging.get_untracked() {
                    dragging.set(None);
                    if d != id.get_value() {
                        move_card(state, &d, horizon, At::Before(&id.get_value()));
                    }
                }
            }
            data-testid="feature-card"
        >
            <p class="feature-card__theme">{card.theme.clone()}</p>
            <h3 class="feature-card__title">{card.title.clone()}</h3>
            <p class="feature-card__meta">{format!("{} · {} · {}", card.status, card.dates, card.progress)}</p>
            {card.slip.as_ref().map(|s| view! {
                <p class="feature-card__badges"><span class="slip-badge" title=text::slip(s) data-testid="slip">{text::slip_badge(s.weeks)}</span></p>
            })}
            {(!card.waits.is_empty()).then(|| {
                let titles: Vec<&str> = card.waits.iter().map(|w| w.title.as_str()).collect();
                let late = card.waits.iter().any(|w| w.late);
                view! { <p class="feature-card__waits" class:feature-card__waits--late=late data-testid="card-waits">{late.then_some("⚠ ")}{text::waits_for(&titles)}</p> }
            })}
            <p class="feature-card__objective">
                {match card.objective.clone() {
                    Some(o) => format!("Objective: {o}"),
                    None => "⚠ No objective".into(),
                }}
            </p>
        </li>
    }
}
