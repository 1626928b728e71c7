//! Labelled form fields with inline errors, shared by every editor.

use crate::model::bounds::Field;
use leptos::prelude::*;
use std::cell::Cell;

thread_local! {
    static NEXT: Cell<u32> = const { Cell::new(0) };
}

/// A document-unique id for a field, so every label can point at its control.
pub fn uid(prefix: &str) -> String {
    NEXT.with(|n| {
        n.set(n.get() + 1);
        format!("{prefix}-{}", n.get())
    })
}

pub use crate::model::bounds::{edit_text as number_text, parse as parse_bounded};

/// Parses a number that must be there (a key result's values).
pub fn parse_bounded_required(field: Field, text: &str) -> Result<f64, String> {
    parse_bounded(field, text)?.ok_or_else(|| format!("{}.", field.message()))
}

/// A labelled number field: what is typed is checked against the field's range as it is
/// typed, and a value out of range gets the field's message beside it (`aria-invalid`,
/// `aria-describedby`). The editor refuses to save it, so it is never committed. A
/// stored value out of range opens with the message already shown.
#[component]
pub fn NumberField(
    label: &'static str,
    field: Field,
    value: RwSignal<String>,
    /// Empty is wrong too (a key result's values are not optional).
    #[prop(optional)]
    required: bool,
    #[prop(optional)] testid: &'static str,
) -> impl IntoView {
    let error = Signal::derive(move || {
        value.with(|t| {
            if required {
                parse_bounded_required(field, t).err()
            } else {
                parse_bounded(field, t).err()
            }
        })
    });
    view! { <TextField label=label value=value error=error testid=testid /> }
}

#[component]
pub fn TextField(
    label: &'static str,
    value: RwSignal<String>,
    #[prop(optional)] multiline: bool,
    #[prop(optional)] placeholder: &'static str,
    #[prop(optional, into)] error: Option<Signal<Option<String>>>,
    #[prop(optional)] input_ref: Option<NodeRef<leptos::html::Input>>,
    #[prop(optional)] testid: &'static str,
) -> impl IntoView {
    let id = uid("f");
    let err_id = format!("{id}-err");
    let has_error = move || error.is_some_and(|e| e.with(|e| e.is_some()));
    let control = if multiline {
        view! {
            <textarea
                id=id.clone()
                rows="3"
                placeholder=placeholder
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
                aria-describedby=err_id.clone()
                data-testid=testid
            ></textarea>
        }
        .into_any()
    } else {
        let r = input_ref.unwrap_or_default();
        view! {
            <input
                type="text"
                id=id.clone()
                node_ref=r
                placeholder=placeholder
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
                aria-invalid=move || has_error().to_string()
                aria-describedby=err_id.clone()
                data-testid=testid
            />
        }
        .into_any()
    };
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            {control}
            <p class="field-error" id=err_id.clone()>{move || error.and_then(|e| e.get())}</p>
        </div>
    }
}

/// A select over `(value, label)` options.
#[component]
pub fn SelectField(
    label: &'static str,
    value: RwSignal<String>,
    options: Vec<(String, String)>,
    #[prop(optional)] testid: &'static str,
) -> impl IntoView {
    let id = uid("f");
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <select id=id on:change=move |ev| value.set(event_target_value(&ev)) data-testid=testid>
                {options
                    .into_iter()
                    .map(|(v, l)| {
                        let selected = value.get_untracked() == v;
                        view! { <option value=v selected=selected>{l}</option> }
                    })
                    .collect_view()}
            </select>
        </div>
    }
}
