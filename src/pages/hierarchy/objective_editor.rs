//! The objective's editor: its title and its key results, each field committed when it
//! changes; a key result is added on Enter and removed at once (Undo brings it back).

use super::editing::Editing;
use super::editors::{title, EditorFrame};
use crate::components::fields::{uid, CommitNumber, CommitText};
use crate::components::AddLine;
use crate::model::bounds::Field;
use crate::model::{ids::prefix, Entity, Id, KeyResult, Objective, Product};
use crate::state::new_id;
use leptos::prelude::*;

#[component]
pub(super) fn ObjectiveEditor(id: Id) -> impl IntoView {
    let o = Editing::new(id, Product::objective, Entity::Objective);
    // Rows keyed by id: a field's edit rewrites its text in place, not the row.
    let krs = Memo::new(move |_| {
        o.read(|o| {
            o.key_results
                .iter()
                .map(|k| k.id.clone())
                .collect::<Vec<_>>()
        })
        .unwrap_or_default()
    });
    let rename = move |t: String| {
        let t = title("title", &t)?;
        o.edit(move |o| o.title = t)
    };
    view! {
        <EditorFrame title=o.heading("objective", |o| &o.title)>
            <CommitText label="Objective" value=o.get(|o| o.title.clone()) commit=rename autofocus=true testid="edit-name" />
            <fieldset class="kr-editor field--wide">
                <legend>"Key results: measurable, from a start value to a target"</legend>
                <For each=move || krs.get().into_iter().enumerate() key=|(n, k)| (*n, k.clone()) let:((n, kr))>
                    <KeyResultRow objective=o kr=kr n=n />
                </For>
                <AddKeyResult objective=o />
            </fieldset>
        </EditorFrame>
    }
}

#[component]
fn KeyResultRow(objective: Editing<Objective>, kr: Id, n: usize) -> impl IntoView {
    let kr = StoredValue::new(kr);
    let now = Memo::new(move |_| {
        let id = kr.get_value();
        objective
            .read(|o| o.key_results.iter().find(|k| k.id == id).cloned())
            .flatten()
    });
    let number =
        move |f: fn(&KeyResult) -> f64| Signal::derive(move || now.with(|k| k.as_ref().map(f)));
    let text = move |f: fn(&KeyResult) -> String| {
        Signal::derive(move || now.with(|k| k.as_ref().map(f).unwrap_or_default()))
    };
    let change = move |f: Box<dyn FnOnce(&mut KeyResult)>| {
        objective.edit(move |o| {
            if let Some(k) = o.key_results.iter_mut().find(|k| k.id == kr.get_value()) {
                f(k)
            }
        })
    };
    let set = move |f: fn(&mut KeyResult, f64)| {
        move |v: Option<f64>| match v {
            Some(v) => change(Box::new(move |k| f(k, v))),
            None => Err("A key result needs this value.".into()),
        }
    };
    let retitle = move |t: String| {
        let t = title(&format!("title of key result {}", n + 1), &t)?;
        change(Box::new(move |k| k.title = t))
    };
    let remove = move |_| {
        let _ = objective.edit(|o| o.key_results.retain(|k| k.id != kr.get_value()));
    };
    view! {
        <div class="kr-editor__row" data-testid="kr-row">
            <CommitText label="Key result" value=text(|k| k.title.clone()) commit=retitle />
            <CommitNumber label="Start" field=Field::KeyResultStart value=number(|k| k.start) commit=set(|k, v| k.start = v) required=true />
            <CommitNumber label="Target" field=Field::KeyResultTarget value=number(|k| k.target) commit=set(|k, v| k.target = v) required=true />
            <CommitNumber label="Current" field=Field::KeyResultCurrent value=number(|k| k.current) commit=set(|k, v| k.current = v) required=true />
            <CommitText label="Unit" value=text(|k| k.unit.clone()) commit=move |u: String| change(Box::new(move |k| k.unit = u.trim().to_string())) placeholder="%, users…" />
            <button type="button" class="btn btn--small btn--danger" aria-label=format!("Remove key result {}", n + 1) on:click=remove>"Remove"</button>
        </div>
    }
}

/// Adds a key result on Enter: its title now, its numbers (0 to 100) in its row.
#[component]
fn AddKeyResult(objective: Editing<Objective>) -> impl IntoView {
    let line = AddLine::new();
    let id = uid("kr");
    let add_titled = move |t: String| {
        let kr = KeyResult {
            id: new_id(prefix::KEY_RESULT),
            title: t,
            start: 0.0,
            target: 100.0,
            current: 0.0,
            unit: String::new(),
        };
        objective.edit(move |o| o.key_results.push(kr))
    };
    let add = move |ev| line.submit(ev, "Type the key result's title first.", add_titled);
    view! {
        <form class="kr-editor__add" on:submit=add>
            <div class="field">
                <label for=id.clone()>"New key result"</label>
                <input id=id.clone() type="text" placeholder="Type it and press Enter" prop:value=move || line.text.get() on:input=move |ev| line.typed(ev) data-testid="add-kr" />
                <p class="field-error" role="alert">{move || line.error.get()}</p>
            </div>
        </form>
    }
}
