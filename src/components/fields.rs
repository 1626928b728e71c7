//! Labelled form fields with inline errors, shared by every editor.

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

/// Parses an optional number of zero or more; empty means "not set".
pub fn parse_optional(label: &str, text: &str) -> Result<Option<f64>, String> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    match t.replace(',', ".").parse::<f64>() {
        Ok(v) if v.is_finite() && v >= 0.0 => Ok(Some(v)),
        _ => Err(format!(
            "{label} must be a number of zero or more, like 3 or 0.5."
        )),
    }
}

/// Parses a required number (any sign).
pub fn parse_required(label: &str, text: &str) -> Result<f64, String> {
    match text.trim().replace(',', ".").parse::<f64>() {
        Ok(v) if v.is_finite() => Ok(v),
        _ => Err(format!("{label} must be a number.")),
    }
}

pub fn number_text(v: Option<f64>) -> String {
    v.map(|x| x.to_string()).unwrap_or_default()
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
