//! The preview of a CSV import: what the file is, what each column and row becomes, what
//! is left out and why, and, into an existing product, what each matched row changes.

use super::words;
use crate::interop::{self, Choices, Export, Plan, TypeChoice};
use crate::model::ItemKind;
use crate::route::{Page, Route};
use crate::state::{new_id, read_product, AppState};
use crate::text::Choice;
use leptos::prelude::*;

/// Where the import goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Target {
    NewProduct,
    /// The product shown.
    Current,
}

/// Rows listed at most in each list of the preview: a whole 10,000-row list is not read,
/// and the counts say how many more there are.
pub(super) const LISTED: usize = 50;

#[component]
pub(super) fn Preview(name: String, text: String, done: Callback<()>) -> impl IntoView {
    match interop::read(&text) {
        Err(refusal) => view! {
            <div class="csv-preview csv-preview--refused" role="alert" data-testid="csv-refused">
                <p><strong>{format!("“{name}” was not imported.")}</strong>" "{words::refusal(&refusal)}" Nothing was changed."</p>
                <button type="button" class="btn" on:click=move |_| done.run(())>"Close"</button>
            </div>
        }
        .into_any(),
        Ok(export) => view! { <Ready name export done /> }.into_any(),
    }
}

#[component]
fn Ready(name: String, export: Export, done: Callback<()>) -> impl IntoView {
    let state = AppState::expect();
    let export = StoredValue::new(export);
    let has_product = state.product.get_untracked().is_some();
    // A re-import goes back where its keys are; a first one starts a product of its own.
    // (Asked of the keys, not of a plan: planning 10,000 rows here and again in `plan`
    // below doubled the wait for the preview.)
    let matches_current = has_product
        && export.with_value(|e| {
            read_product(state, |p| {
                let known: std::collections::HashSet<&str> =
                    (p.items.iter().filter_map(|i| i.key.as_deref()))
                        .chain(p.features.iter().filter_map(|f| f.key.as_deref()))
                        .collect();
                e.records
                    .iter()
                    .any(|r| r.key.as_deref().is_some_and(|k| known.contains(k)))
            })
            .unwrap_or(false)
        });
    let target = RwSignal::new(if matches_current {
        Target::Current
    } else {
        Target::NewProduct
    });
    let choices = RwSignal::new(Choices::new());
    let plan = Memo::new(move |_| {
        let choices = choices.get();
        export.with_value(|e| match target.get() {
            Target::Current => read_product(state, |p| interop::plan(e, Some(p), &choices))
                .unwrap_or_else(|| interop::plan(e, None, &choices)),
            Target::NewProduct => interop::plan(e, None, &choices),
        })
    });
    let product_name = RwSignal::new(plan.with_untracked(|p| p.product_name.clone()));
    let confirm = move |_| {
        let mut p = plan.get_untracked();
        if target.get_untracked() == Target::NewProduct {
            let n = product_name.get_untracked().trim().to_string();
            if !n.is_empty() {
                p.product_name = n;
            }
        }
        if import(state, &p, target.get_untracked()) {
            done.run(());
        }
    };
    let format = export.with_value(|e| e.format.name());
    let article = if format.starts_with(['A', 'E', 'I', 'O', 'U']) {
        "an"
    } else {
        "a"
    };
    view! {
        <div class="csv-preview" role="region" aria-labelledby="csv-preview-title" data-testid="csv-preview">
            <h3 id="csv-preview-title" tabindex="-1">{format!("“{name}”: {article} {format} export")}</h3>
            <p data-testid="csv-summary">{move || plan.with(words::summary)}</p>
            <TargetChoice target has_product product_name />
            <Unknown plan choices />
            <Counts plan />
            <Columns plan />
            <Changes plan />
            <Left plan />
            <div class="panel-form__buttons">
                <button type="button" class="btn btn--primary" on:click=confirm disabled=move || plan.with(|p| words::total(&p.counts) == 0 && p.updates.is_empty()) data-testid="csv-confirm">
                    {move || plan.with(words::confirm_label)}
                </button>
                <button type="button" class="btn" on:click=move |_| done.run(()) data-testid="csv-cancel">"Cancel"</button>
            </div>
        </div>
    }
}

/// Applies the plan as one command and says what happened; false when it was refused.
fn import(state: AppState, p: &Plan, target: Target) -> bool {
    let product = match target {
        Target::Current => read_product(state, |x| x.clone()),
        Target::NewProduct => None,
    };
    let cmd = interop::apply(p, product.as_ref(), new_id);
    let new_product = match &cmd {
        crate::model::Command::AddProduct { product, .. } => Some(product.id.clone()),
        _ => None,
    };
    match state.dispatch(cmd) {
        Ok(()) => {
            state.say(words::imported(p, new_product.is_some()), false);
            if let Some(id) = new_product {
                state.go(Route::page(Page::Backlog).with_product(Some(id)));
            }
            true
        }
        Err(e) => {
            state.say(format!("Not imported: {e}"), true);
            false
        }
    }
}

#[component]
fn TargetChoice(
    target: RwSignal<Target>,
    has_product: bool,
    product_name: RwSignal<String>,
) -> impl IntoView {
    let pick = move |t: Target| move |_| target.set(t);
    view! {
        <fieldset class="csv-preview__target">
            <legend>"Import into"</legend>
            <label><input type="radio" name="csv-target" prop:checked=move || target.get() == Target::NewProduct on:change=pick(Target::NewProduct) data-testid="csv-new-product" />" a new product named "</label>
            <input type="text" aria-label="Name of the new product" prop:value=move || product_name.get() on:input=move |ev| product_name.set(event_target_value(&ev)) disabled=move || target.get() != Target::NewProduct data-testid="csv-product-name" />
            {has_product.then(|| view! {
                <label><input type="radio" name="csv-target" prop:checked=move || target.get() == Target::Current on:change=pick(Target::Current) data-testid="csv-current-product" />" the product shown (rows with a key it already has update those items)"</label>
            })}
        </fieldset>
    }
}

/// Types the rule does not know: each gets a choice, and its rows wait until it has one.
#[component]
fn Unknown(plan: Memo<Plan>, choices: RwSignal<Choices>) -> impl IntoView {
    // The types asked about stay listed once chosen, so a choice can be changed.
    let asked = RwSignal::new(Vec::<(String, usize)>::new());
    Effect::new(move |_| {
        let now = plan.with(|p| p.unknown_types.clone());
        asked.update(|a| {
            for t in now {
                if !a.iter().any(|(n, _)| n == &t.0) {
                    a.push(t);
                }
            }
        })
    });
    view! {
        <Show when=move || asked.with(|a| !a.is_empty())>
            <fieldset class="csv-preview__types" data-testid="csv-unknown-types">
                <legend>"Types Two Hats does not know"</legend>
                <p class="muted">"Choose what each becomes; its rows are left out until you do."</p>
                {move || asked.get().into_iter().map(|(name, n)| {
                    let key = name.clone();
                    let id = crate::components::fields::uid("csv-type");
                    view! {
                        <div class="field field--inline">
                            <label for=id.clone()>{format!("“{name}” ({})", crate::text::numbers::count(n, "row", "rows"))}</label>
                            <select id=id on:change=move |ev| {
                                let v = event_target_value(&ev);
                                choices.update(|c| match TypeChoice::from_key(&v) { Some(x) => { c.insert(key.clone(), x); } None => { c.remove(&key); } });
                            } data-testid="csv-type-choice">
                                <option value="">"Choose…"</option>
                                {TypeChoice::all().iter().map(|c| view! { <option value=c.key()>{c.label()}</option> }).collect_view()}
                            </select>
                        </div>
                    }
                }).collect_view()}
            </fieldset>
        </Show>
    }
}

/// What an unknown type can become, as its select offers it.
impl Choice for TypeChoice {
    fn all() -> &'static [Self] {
        use ItemKind::*;
        &[
            TypeChoice::Item(Story),
            TypeChoice::Item(Task),
            TypeChoice::Item(Spike),
            TypeChoice::Item(Bug),
            TypeChoice::Feature,
            TypeChoice::Skip,
        ]
    }
    fn key(self) -> &'static str {
        match self {
            TypeChoice::Item(kind) => kind.key(),
            TypeChoice::Feature => "feature",
            TypeChoice::Skip => "skip",
        }
    }
    fn label(self) -> &'static str {
        match self {
            TypeChoice::Item(kind) => kind.label(),
            TypeChoice::Feature => "Feature",
            TypeChoice::Skip => "Leave these rows out",
        }
    }
}

#[component]
fn Counts(plan: Memo<Plan>) -> impl IntoView {
    view! {
        <dl class="csv-preview__counts" data-testid="csv-counts">
            {move || plan.with(words::counts).into_iter().map(|(k, v)| view! { <div><dt>{k}</dt><dd>{v}</dd></div> }).collect_view()}
        </dl>
    }
}

#[component]
fn Columns(plan: Memo<Plan>) -> impl IntoView {
    view! {
        <details class="csv-preview__columns">
            <summary>{move || plan.with(|p| format!("What each of the {} columns becomes", p.columns.len()))}</summary>
            <table class="table table--compact" data-testid="csv-columns">
                <thead><tr><th scope="col">"Column"</th><th scope="col">"Becomes"</th></tr></thead>
                <tbody>
                    {move || plan.with(|p| p.columns.iter().map(|c| {
                        let (kept, becomes) = words::becomes(&c.becomes);
                        view! { <tr class:csv-preview__not-kept=!kept><th scope="row">{c.name.clone()}</th><td>{becomes}</td></tr> }
                    }).collect_view())}
                </tbody>
            </table>
        </details>
        <p class="muted" data-testid="csv-not-kept">{move || plan.with(words::not_kept)}</p>
    }
}

/// Into an existing product: the rows that update what it has, field by field.
#[component]
fn Changes(plan: Memo<Plan>) -> impl IntoView {
    let line = |p: &Plan, n: usize| {
        let u = &p.updates[n];
        let changes = u
            .changes
            .iter()
            .map(words::change)
            .collect::<Vec<_>>()
            .join("; ");
        view! { <strong>{u.title.clone()}</strong>": "{changes} }.into_any()
    };
    view! { <PlanList plan heading="Updated" testid="csv-updates" count=|p| p.updates.len() line /> }
}

/// Rows left out and rows kept with something left out, each with its row number.
#[component]
fn Left(plan: Memo<Plan>) -> impl IntoView {
    let skipped = |p: &Plan, n: usize| words::skipped(&p.skipped[n]).into_any();
    let noted = |p: &Plan, n: usize| words::note(&p.notes[n]).into_any();
    view! {
        <PlanList plan heading="Left out" testid="csv-skipped" count=|p| p.skipped.len() line=skipped />
        <PlanList plan heading="Kept, with a note" testid="csv-notes" count=|p| p.notes.len() line=noted />
    }
}

/// One part of the plan, with its count in the heading, as a list of its first `LISTED`
/// lines and how many more there are; nothing when the part is empty.
#[component]
fn PlanList(
    plan: Memo<Plan>,
    heading: &'static str,
    testid: &'static str,
    count: fn(&Plan) -> usize,
    line: fn(&Plan, usize) -> AnyView,
) -> impl IntoView {
    let n = move || plan.with(count);
    view! {
        <Show when=move || n() != 0>
            <h4>{move || format!("{heading} ({})", n())}</h4>
            <ul class="csv-preview__list" data-testid=testid>
                {move || plan.with(|p| (0..count(p).min(LISTED)).map(|i| view! { <li>{line(p, i)}</li> }).collect_view())}
            </ul>
            {move || words::more(n())}
        </Show>
    }
}
