//! Filters and search, the sort / re-rank control, and the Definition of Ready.

use super::ui::{with_product, BacklogUi};
use crate::components::fields::uid;
use crate::components::{EnumSelect, OptionSelect};
use crate::model::backlog::{ranked_ids, BacklogFilter, RefFilter};
use crate::model::scoring::Scheme;
use crate::model::{Command, Id, ReadyRule};
use crate::state::{read_product, AppState};
use crate::text::numbers::points;
use crate::text::numbers::thousands;
use leptos::prelude::*;

fn ref_filter(v: &str) -> RefFilter {
    match v {
        "" => RefFilter::Any,
        "none" => RefFilter::None,
        id => Id::parse(id).map(RefFilter::Is).unwrap_or_default(),
    }
}

/// A labelled select for the filter bar.
#[component]
fn FilterSelect(
    label: &'static str,
    options: Vec<(String, String)>,
    on_pick: impl Fn(String) + 'static,
) -> impl IntoView {
    let id = uid("flt");
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <select id=id on:change=move |ev| on_pick(event_target_value(&ev))>
                {options.into_iter().map(|(v, l)| view! { <option value=v>{l}</option> }).collect_view()}
            </select>
        </div>
    }
}

#[component]
pub(crate) fn Toolbar() -> impl IntoView {
    let state = AppState::expect();
    let ui = BacklogUi::expect();
    let count = move || {
        let (shown, pts, total) = ui.order.with(|o| {
            read_product(state, |p| {
                let pts: f64 = o.iter().filter_map(|&n| p.items.get(n)?.estimate).sum();
                (o.len(), pts, p.items.len())
            })
            .unwrap_or_default()
        });
        format!(
            "Showing {} of {} items · {} points",
            thousands(shown),
            thousands(total),
            points(pts)
        )
    };
    let search_id = uid("search");
    view! {
        <section class="toolbar backlog-toolbar" aria-label="Filter and sort the backlog">
            <div class="field field--grow">
                <label for=search_id.clone()>"Search"</label>
                <input
                    id=search_id
                    type="search"
                    placeholder="Title, description or story text"
                    on:input=move |ev| {
                        let v = event_target_value(&ev);
                        ui.refilter(|f| f.text = v);
                    }
                    data-testid="backlog-search"
                />
            </div>
            <Filters />
            <SortControl />
            <p class="toolbar__count" aria-live="polite" data-testid="backlog-count">{count}</p>
        </section>
        <DefinitionOfReady />
    }
}

/// The selects that narrow the backlog down.
#[component]
fn Filters() -> impl IntoView {
    let state = AppState::expect();
    let ui = BacklogUi::expect();
    let set = move |f: &dyn Fn(&mut BacklogFilter)| ui.refilter(|x| f(x));
    let any = || (String::new(), "Any".to_string());
    // Feature and sprint lists follow the product; the selects are rebuilt when they change.
    let refs = Memo::new(move |_| read_product(state, super::ui::choices).unwrap_or_default());
    view! {
        <OptionSelect label="Type" none="Any" value=Signal::derive(move || ui.filter.with(|f| f.kind)) on_pick=move |v| set(&|f| f.kind = v) />
        <OptionSelect label="Status" none="Any" value=Signal::derive(move || ui.filter.with(|f| f.status)) on_pick=move |v| set(&|f| f.status = v) />
        <OptionSelect label="Priority" none="Any" value=Signal::derive(move || ui.filter.with(|f| f.priority)) on_pick=move |v| set(&|f| f.priority = v) />
        {move || {
            let (features, sprints) = refs.get();
            let with_none = |none: &str, list: Vec<(String, String)>| {
                std::iter::once(any()).chain(std::iter::once(("none".to_string(), none.to_string()))).chain(list).collect::<Vec<_>>()
            };
            view! {
                <FilterSelect label="Feature" options=with_none("No feature", features) on_pick=move |v| set(&|f| f.feature = ref_filter(&v)) />
                <FilterSelect label="Sprint" options=with_none("Not planned", sprints) on_pick=move |v| set(&|f| f.sprint = ref_filter(&v)) />
            }
        }}
        <FilterSelect
            label="Ready"
            options=vec![(String::new(), "Any".into()), ("yes".into(), "Ready".into()), ("no".into(), "Not ready".into())]
            on_pick=move |v| set(&|f| f.ready = match v.as_str() { "yes" => Some(true), "no" => Some(false), _ => None })
        />
    }
}

/// The order shown, and turning a scoring order into the backlog's own rank.
#[component]
fn SortControl() -> impl IntoView {
    let state = AppState::expect();
    let ui = BacklogUi::expect();
    let rerank = move |_| {
        let scheme = ui.scheme.get_untracked();
        let order = with_product(state, |p| ranked_ids(p, scheme)).unwrap_or_default();
        if state
            .dispatch_here(|product| Command::Rerank { product, order })
            .is_ok()
        {
            ui.scheme.set(Scheme::Rank);
            let how = scheme.label();
            state.say(
                format!("Backlog re-ranked by {how}. Undo (Ctrl+Z) restores the old order."),
                false,
            );
        }
    };
    view! {
        <div class="toolbar__sort">
            <EnumSelect label="Sort by" value=ui.scheme on_pick=move |s| ui.resort(s) />
            <button
                type="button"
                class="btn"
                disabled=move || ui.scheme.with(|s| *s == Scheme::Rank)
                on:click=rerank
                data-testid="rerank"
            >
                {move || format!("Re-rank by {}", ui.scheme.get().label())}
            </button>
        </div>
    }
}

#[component]
fn DefinitionOfReady() -> impl IntoView {
    let state = AppState::expect();
    let rules = Memo::new(move |_| {
        read_product(state, |p| p.definition_of_ready.clone()).unwrap_or_default()
    });
    let toggle = move |rule: ReadyRule| {
        let mut now = rules.get_untracked();
        if now.contains(&rule) {
            now.retain(|r| *r != rule);
        } else {
            now.push(rule);
        }
        let _ = state.dispatch_here(|product| Command::SetDefinitionOfReady {
            product,
            rules: now,
        });
    };
    view! {
        <details class="dor" data-testid="dor">
            <summary>
                {move || {
                    let r = rules.get();
                    if r.is_empty() {
                        "Definition of Ready: no rules (every item counts as ready)".to_string()
                    } else {
                        format!("Definition of Ready: {}", r.iter().map(|x| x.label()).collect::<Vec<_>>().join(", "))
                    }
                }}
            </summary>
            <fieldset>
                <legend>"An item is ready for a sprint when it…"</legend>
                {ReadyRule::ALL
                    .into_iter()
                    .map(|rule| view! {
                        <label class="check">
                            <input type="checkbox" prop:checked=move || rules.with(|r| r.contains(&rule)) on:change=move |_| toggle(rule) />
                            {rule.label()}
                        </label>
                    })
                    .collect_view()}
            </fieldset>
        </details>
    }
}
