//! The side panel that edits one backlog item. Every field saves when it changes (one
//! undoable step each); a bad value gets a message and changes nothing.

use super::table::{reorder, Step};
use super::ui::{edit_item, BacklogUi};
use crate::components::fields::{number_text, parse_bounded, uid};
use crate::components::{AddField, AddLine, EnumSelect, OptionSelect};
use crate::model::bounds::{self, Field};
use crate::model::readiness;
use crate::model::scoring::{rice, value_effort, wsjf};
use crate::model::{ids::prefix, Command, Criterion, Id, Item, ItemKind, Kind};
use crate::state::{new_id, read_product, AppState};
use leptos::prelude::*;

const FIBONACCI: [f64; 8] = [0.0, 1.0, 2.0, 3.0, 5.0, 8.0, 13.0, 21.0];

#[component]
pub(crate) fn ItemPanel(id: Id) -> impl IntoView {
    let state = AppState::expect();
    let ui = BacklogUi::expect();
    let id = StoredValue::new(id);
    let item =
        Memo::new(move |_| read_product(state, |p| p.item(&id.get_value()).cloned()).flatten());
    let exists = Memo::new(move |_| item.with(Option::is_some));
    let error = RwSignal::new(None::<String>);
    let save =
        Callback::new(
            move |change: Commit| match edit_item(state, &id.get_value(), change) {
                Ok(()) => error.set(None),
                Err(e) => error.set(Some(e.to_string())),
            },
        );
    let edit = Edit { item, save, error };
    let close = move || {
        ui.show(None);
        super::table::focus_item_row(&id.get_value());
    };
    let heading = NodeRef::<leptos::html::H2>::new();
    Effect::new(move |_| {
        if let Some(h) = heading.get() {
            crate::focus::focus_now(&h);
        }
    });
    view! {
        <aside
            class="item-panel"
            aria-labelledby="item-panel-title"
            on:keydown=move |ev| if ev.key() == "Escape" { close() }
            data-testid="item-panel"
        >
            // Built once per item: the fields follow its changes in place, so an edit
            // neither moves the focus nor redraws the feature list.
            <Show
                when=move || exists.get()
                fallback=move || view! {
                    <p class="muted">"This item no longer exists (deleted here or in another tab)."</p>
                    <button type="button" class="btn" on:click=move |_| ui.show(None)>"Close"</button>
                }
            >
                <PanelBody id=id.get_value() edit=edit close=close heading=heading />
            </Show>
        </aside>
    }
}

type Commit = Box<dyn FnOnce(&mut Item)>;
/// Options of a select: value and label.
type Options = Vec<(String, String)>;
/// The product's features and sprints, as options.
type Refs = (Options, Options);

/// The item the panel shows, as it is now, and the one way to change it: a commit is one
/// undoable step, and a refused one leaves its reason in `error`.
#[derive(Clone, Copy)]
struct Edit {
    item: Memo<Option<Item>>,
    save: Callback<Commit>,
    error: RwSignal<Option<String>>,
}

impl Edit {
    fn read(self, f: fn(&Item) -> String) -> String {
        self.item.with(|i| i.as_ref().map(f).unwrap_or_default())
    }

    fn number(self, f: fn(&Item) -> Option<f64>) -> Option<f64> {
        self.item.with(|i| i.as_ref().and_then(f))
    }

    fn commit(self, change: impl FnOnce(&mut Item) + 'static) {
        self.save.run(Box::new(change));
    }
}

#[component]
fn PanelBody(
    id: Id,
    edit: Edit,
    close: impl Fn() + Copy + Send + Sync + 'static,
    heading: NodeRef<leptos::html::H2>,
) -> impl IntoView {
    let state = AppState::expect();
    let item = edit.item;
    let readiness = Memo::new(move |_| {
        let rules = read_product(state, |p| p.definition_of_ready.clone()).unwrap_or_default();
        item.with(|i| {
            i.as_ref()
                .map(|i| {
                    let missing = readiness::missing(&rules, i);
                    (missing.is_empty(), crate::text::readiness(&missing))
                })
                .unwrap_or_default()
        })
    });
    let kind = Memo::new(move |_| {
        item.with(|i| i.as_ref().map(|i| i.kind))
            .unwrap_or_default()
    });
    view! {
        <div class="item-panel__head">
            <span class=move || format!("kind kind--{}", kind.get().key())>{move || kind.get().label()}</span>
            <h2 id="item-panel-title" tabindex="-1" node_ref=heading>{move || edit.read(|i| i.title.clone())}</h2>
            <button type="button" class="btn btn--ghost btn--small" on:click=move |_| close() aria-label="Close the item panel">"Close"</button>
        </div>
        <p class="ready-line" class:ready-line--yes=move || readiness.with(|r| r.0) data-testid="panel-readiness">
            {move || readiness.with(|r| r.1.clone())}
        </p>
        <p class="field-error" role="alert" data-testid="panel-error">{move || edit.error.get()}</p>
        <TextRow edit label="Title" value=|i| i.title.clone() set=|i, v| i.title = v testid="panel-title" />
        <EnumSelect label="Type" value=kind on_pick=move |k| edit.commit(move |i| i.kind = k) testid="panel-kind" />
        // Only stories have the three parts; other kinds keep them hidden, not dropped.
        <fieldset class="story" hidden=move || kind.get() != ItemKind::Story>
            <legend>"User story"</legend>
            <TextRow edit label="As a…" value=|i| i.story.as_a.clone() set=|i, v| i.story.as_a = v testid="story-as" />
            <TextRow edit label="I want…" value=|i| i.story.i_want.clone() set=|i, v| i.story.i_want = v testid="story-want" />
            <TextRow edit label="So that…" value=|i| i.story.so_that.clone() set=|i, v| i.story.so_that = v testid="story-so" />
        </fieldset>
        <TextRow edit label="Description" value=|i| i.description.clone() set=|i, v| i.description = v multiline=true testid="panel-description" />
        <Criteria edit />
        <Estimate edit />
        <Planning edit />
        <super::item_dependencies::ItemDependencies id=id.clone() />
        <Scores edit />
        <PanelActions id />
    }
}

/// A text field of the item, saved when it changes.
#[component]
fn TextRow(
    edit: Edit,
    label: &'static str,
    value: fn(&Item) -> String,
    set: fn(&mut Item, String),
    #[prop(optional)] multiline: bool,
    testid: &'static str,
) -> impl IntoView {
    let fid = uid("it");
    let on_change = move |ev: leptos::ev::Event| {
        let v = event_target_value(&ev);
        edit.commit(move |i| set(i, v));
    };
    let control = if multiline {
        view! { <textarea id=fid.clone() rows="3" prop:value=move || edit.read(value) on:change=on_change data-testid=testid></textarea> }.into_any()
    } else {
        view! { <input id=fid.clone() type="text" prop:value=move || edit.read(value) on:change=on_change data-testid=testid /> }.into_any()
    };
    view! { <div class="field"><label for=fid>{label}</label>{control}</div> }
}

/// Priority, status, and where the item belongs: its feature and its sprint.
#[component]
fn Planning(edit: Edit) -> impl IntoView {
    let state = AppState::expect();
    let refs = Memo::new(move |_| read_product(state, super::ui::choices).unwrap_or_default());
    // The product's features or sprints as options, after the one for none.
    let with_none = move |none: &'static str, pick: fn(&Refs) -> &Options| {
        Memo::new(move |_| {
            let mut v = vec![(String::new(), none.to_string())];
            refs.with(|r| v.extend(pick(r).iter().cloned()));
            v
        })
    };
    view! {
        <div class="panel-grid">
            <OptionSelect
                label="Priority (MoSCoW)"
                none="None"
                value=Signal::derive(move || edit.item.with(|i| i.as_ref().and_then(|i| i.priority)))
                on_pick=move |p| edit.commit(move |i| i.priority = p)
                testid="panel-priority"
            />
            <EnumSelect
                label="Status"
                value=Signal::derive(move || edit.item.with(|i| i.as_ref().map(|i| i.status)).unwrap_or_default())
                on_pick=move |s| edit.commit(move |i| i.status = s)
                testid="panel-status"
            />
            <RefSelect edit label="Feature" options=with_none("No feature", |r| &r.0) get=|i| i.feature.clone() set=|i, f| i.feature = f testid="panel-feature" />
            <RefSelect edit label="Sprint" options=with_none("Not planned", |r| &r.1) get=|i| i.sprint.clone() set=|i, s| i.sprint = s testid="panel-sprint" />
        </div>
    }
}

/// A select of the product's features or sprints, by id. Options are plain (a list of
/// 500 features is 500 elements, not 500 effects): the list is built with the item's
/// choice selected, and one effect moves the choice when the item's value changes (an
/// undo, another tab).
#[component]
fn RefSelect(
    edit: Edit,
    label: &'static str,
    options: Memo<Vec<(String, String)>>,
    get: fn(&Item) -> Option<Id>,
    set: fn(&mut Item, Option<Id>),
    testid: &'static str,
) -> impl IntoView {
    let fid = uid("sel");
    let chosen = Memo::new(move |_| {
        edit.item.with(|i| {
            i.as_ref()
                .and_then(get)
                .map(|id| id.to_string())
                .unwrap_or_default()
        })
    });
    let on_pick = move |v: String| {
        let id = Id::parse(&v).ok();
        edit.commit(move |i| set(i, id));
    };
    let node = NodeRef::<leptos::html::Select>::new();
    Effect::new(move |_| {
        let v = chosen.get();
        if let Some(s) = node.get_untracked() {
            if s.value() != v {
                s.set_value(&v);
            }
        }
    });
    view! {
        <div class="field">
            <label for=fid.clone()>{label}</label>
            <select id=fid node_ref=node on:change=move |ev| on_pick(event_target_value(&ev)) data-testid=testid>
                {move || {
                    let now = chosen.get_untracked();
                    options.get().into_iter().map(|(v, l)| {
                        let on = v == now;
                        view! { <option value=v selected=on>{l}</option> }
                    }).collect_view()
                }}
            </select>
        </div>
    }
}

/// The acceptance criteria: tick, reword, remove, add.
#[component]
fn Criteria(edit: Edit) -> impl IntoView {
    let item = edit.item;
    // Criteria with their place: redrawn only when one is added, removed or moved (a
    // removal renumbers the labels after it); ticks and texts follow in place.
    let criteria = Memo::new(move |_| {
        item.with(|i| {
            i.as_ref()
                .map(|i| {
                    i.acceptance
                        .iter()
                        .enumerate()
                        .map(|(n, c)| (n, c.id.clone()))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    let legend = move || {
        item.with(|i| {
            let a = i
                .as_ref()
                .map(|i| i.acceptance.as_slice())
                .unwrap_or_default();
            let met = a.iter().filter(|c| c.done).count();
            format!("Acceptance criteria ({met} of {} met)", a.len())
        })
    };
    view! {
        <fieldset class="criteria" data-testid="criteria">
            <legend>{legend}</legend>
            <ul class="criteria__list">
                {move || criteria.get().into_iter().map(|(n, cid)| view! { <CriterionRow edit n cid /> }).collect_view()}
            </ul>
            <AddCriterion edit />
        </fieldset>
    }
}

#[component]
fn CriterionRow(edit: Edit, n: usize, cid: Id) -> impl IntoView {
    let cid = StoredValue::new(cid);
    let now = move || {
        edit.item.with(|i| {
            i.as_ref()
                .and_then(|i| i.acceptance.iter().find(|c| c.id == cid.get_value()))
                .map(|c| (c.done, c.text.clone()))
                .unwrap_or_default()
        })
    };
    let change = move |f: Box<dyn FnOnce(&mut Criterion)>| {
        let cid = cid.get_value();
        edit.commit(move |i| {
            if let Some(c) = i.acceptance.iter_mut().find(|c| c.id == cid) {
                f(c)
            }
        })
    };
    let reword = move |ev: leptos::ev::Event| {
        let v = event_target_value(&ev);
        if v.trim().is_empty() {
            edit.error.set(Some(
                "A criterion cannot be empty: remove it instead.".into(),
            ));
            return;
        }
        change(Box::new(move |c| c.text = v));
    };
    let remove = move |_| {
        let cid = cid.get_value();
        edit.commit(move |i| i.acceptance.retain(|c| c.id != cid))
    };
    view! {
        <li class="criterion" data-testid="criterion">
            <input
                type="checkbox"
                prop:checked=move || now().0
                aria-label=format!("Criterion {} met", n + 1)
                on:change=move |_| change(Box::new(|c| c.done = !c.done))
            />
            <input type="text" class="criterion__text" prop:value=move || now().1 aria-label=format!("Criterion {}", n + 1) on:change=reword />
            <button type="button" class="btn btn--small btn--ghost" aria-label=format!("Remove criterion {}", n + 1) on:click=remove>"✕"</button>
        </li>
    }
}

#[component]
fn AddCriterion(edit: Edit) -> impl IntoView {
    let line = AddLine::new();
    let add = move |ev| {
        let empty = "Type the criterion first, e.g. “Given …, when …, then …”.";
        line.submit(ev, empty, |text| {
            edit.commit(move |i| {
                i.acceptance.push(Criterion {
                    id: new_id(prefix::CRITERION),
                    text,
                    done: false,
                })
            });
            Ok::<(), String>(())
        })
    };
    view! {
        <form class="criteria__add" on:submit=add>
            <AddField line id="new-criterion" label="New acceptance criterion" placeholder="Given …, when …, then …" testid="new-criterion" />
            <button type="submit" class="btn btn--small">"Add"</button>
            <p class="field-error" id="new-criterion-error" role="alert">{move || line.error.get()}</p>
        </form>
    }
}

/// The estimate: a Fibonacci point in one click, or any other number in range.
#[component]
fn Estimate(edit: Edit) -> impl IntoView {
    let estimate_id = uid("est");
    view! {
        <div class="field">
            <span class="field__label" id=format!("{estimate_id}-label")>"Estimate (points)"</span>
            <div class="estimate" role="group" aria-labelledby=format!("{estimate_id}-label")>
                {FIBONACCI.into_iter().map(|v| view! {
                    <button
                        type="button"
                        class="btn btn--small"
                        aria-pressed=move || (edit.number(|i| i.estimate) == Some(v)).to_string()
                        on:click=move |_| edit.commit(move |i| i.estimate = Some(v))
                        data-testid=format!("estimate-{v}")
                    >{v.to_string()}</button>
                }).collect_view()}
                <label for=estimate_id.clone() class="sr-only">"Other estimate"</label>
                <PanelNumber
                    field=Field::Estimate
                    input_id=estimate_id.clone()
                    value=Signal::derive(move || edit.number(|i| i.estimate))
                    save=move |v| edit.commit(move |i| i.estimate = v)
                    class="estimate__free"
                    placeholder="other"
                    testid="estimate-free"
                />
            </div>
        </div>
    }
}

/// A prioritisation scheme: its name, its score, the inputs of its own and a note.
type Scheme = (
    &'static str,
    fn(&Item) -> Option<f64>,
    &'static [Field],
    Option<&'static str>,
);

const SCHEMES: [Scheme; 3] = [
    (
        "Value / effort",
        value_effort,
        &[Field::Value, Field::Effort],
        None,
    ),
    (
        "WSJF",
        wsjf,
        &[
            Field::BusinessValue,
            Field::TimeCriticality,
            Field::RiskReduction,
            Field::JobSize,
        ],
        None,
    ),
    (
        "RICE",
        rice,
        &[Field::Reach, Field::Impact, Field::Confidence],
        Some("Uses the effort above."),
    ),
];

/// The inputs of the three prioritisation schemes, each with its score.
#[component]
fn Scores(edit: Edit) -> impl IntoView {
    let schemes = SCHEMES.map(|(name, score, fields, note)| {
        view! {
            <div class="scores__scheme">
                <h3>{move || format!("{name}: {}", crate::text::score(edit.number(score)))}</h3>
                {fields.iter().map(|&field| view! { <ScoreField edit field /> }).collect_view()}
                {note.map(|n| view! { <p class="muted">{n}</p> })}
            </div>
        }
    });
    view! {
        <fieldset class="scores">
            <legend>"Prioritisation inputs"</legend>
            <div class="scores__grid">{schemes.into_iter().collect_view()}</div>
        </fieldset>
    }
}

#[component]
fn ScoreField(edit: Edit, field: Field) -> impl IntoView {
    let fid = uid("sc");
    let value = move || {
        edit.item
            .with(|i| i.as_ref().and_then(|i| bounds::item_number(i, field)))
    };
    let save = move |v| {
        edit.commit(move |i| {
            if let Some(slot) = bounds::item_slot(i, field) {
                *slot = v;
            }
        })
    };
    view! {
        <div class="field field--score">
            <label for=fid.clone()>{crate::text::input_label(field)}</label>
            <PanelNumber field=field input_id=fid value=Signal::derive(value) save=save />
        </div>
    }
}

/// Rank and delete.
#[component]
fn PanelActions(id: Id) -> impl IntoView {
    let state = AppState::expect();
    let ui = BacklogUi::expect();
    let id = StoredValue::new(id);
    let delete = move |_| {
        let Some(product) = state.product.get_untracked() else {
            return;
        };
        // The focus goes to the row that takes its place (the one before, for the last),
        // not back to the top of the page.
        let shown = ui.shown_ids(state);
        let at = shown.iter().position(|x| x == &id.get_value());
        let next = at.and_then(|n| {
            shown
                .get(n + 1)
                .or_else(|| n.checked_sub(1).and_then(|p| shown.get(p)))
        });
        let next = next.cloned();
        let cmd = Command::Delete {
            product,
            kind: Kind::Item,
            id: id.get_value(),
        };
        if state.dispatch(cmd).is_ok() {
            ui.show(None);
            state.say("Item deleted. Undo (Ctrl+Z) brings it back.", false);
            match next {
                Some(next) => super::table::focus_item_row(&next),
                None => crate::focus::focus_id_next_frame("quick-add-title".into()),
            }
        }
    };
    view! {
        <div class="actions item-panel__actions">
            <button type="button" class="btn btn--small" on:click=move |_| reorder(state, ui, &id.get_value(), Step::Top)>"Move to top"</button>
            <button type="button" class="btn btn--small" on:click=move |_| reorder(state, ui, &id.get_value(), Step::Bottom)>"Move to bottom"</button>
            <button type="button" class="btn btn--small btn--danger" on:click=delete>"Delete item"</button>
        </div>
    }
}

/// A number input of the panel, saved when it changes. A value out of its range gets the
/// field's message beside it (`aria-invalid`, `aria-describedby`) and is not saved. A
/// stored value out of range shows the same message from the start: flagged where it
/// shows, not hidden.
#[component]
fn PanelNumber(
    field: Field,
    input_id: String,
    /// The item's value as it is now.
    value: Signal<Option<f64>>,
    save: impl Fn(Option<f64>) + Copy + Send + Sync + 'static,
    #[prop(optional)] class: &'static str,
    #[prop(optional)] placeholder: &'static str,
    #[prop(optional)] testid: &'static str,
) -> impl IntoView {
    // A refused text's message, with the value stored when it was typed: once the stored
    // value changes (undo, another tab) the field shows that value and the message goes.
    let refused = RwSignal::new(None::<(Option<f64>, String)>);
    let message = move || {
        let stored = value.get();
        refused
            .get()
            .filter(|(at, _)| *at == stored)
            .map(|(_, m)| m)
            .or_else(|| {
                bounds::flag(field, stored).map(|f| format!("{}.", crate::text::out_of_range(f)))
            })
    };
    let err_id = format!("{input_id}-err");
    view! {
        <input
            id=input_id
            type="text"
            inputmode="decimal"
            class=class
            placeholder=placeholder
            prop:value=move || number_text(value.get())
            on:change=move |ev| match parse_bounded(field, &event_target_value(&ev)) {
                Ok(v) => {
                    refused.set(None);
                    save(v);
                }
                Err(e) => refused.set(Some((value.get_untracked(), e))),
            }
            aria-invalid=move || message().is_some().to_string()
            aria-describedby=err_id.clone()
            data-testid=testid
        />
        <p class="field-error" id=err_id data-testid=(!testid.is_empty()).then(|| format!("{testid}-error"))>{message}</p>
    }
}
