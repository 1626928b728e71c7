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

pub use crate::model::bounds::edit_text as number_text;
use crate::model::bounds::NotInRange;

/// Parses what was typed into a number field (`bounds::parse`), refused with the
/// field's sentence.
pub fn parse_bounded(field: Field, text: &str) -> Result<Option<f64>, String> {
    crate::model::bounds::parse(field, text).map_err(|e| e.to_string())
}

/// Parses a number that must be there (a key result's values).
pub fn parse_bounded_required(field: Field, text: &str) -> Result<f64, String> {
    parse_bounded(field, text)?.ok_or_else(|| NotInRange(field).to_string())
}

/// A refusal: why `commit` did not store what was typed.
pub type Refused = String;

/// A labelled text field that commits what is typed — one undo step — when it changes
/// (Enter, or leaving the field), and when the page is hidden or the field is about to
/// go away (`focus::commit_typing`, `focus::leave_typing`). Nothing is ever a draft to lose.
///
/// A refused text stays in the field with the reason beside it, and nothing changes.
/// Escape puts back the text the field had when it got focus (or at its last commit);
/// with nothing to put back, Escape is left to the panel around the field. The field
/// shows the stored value whenever nothing uncommitted is typed in it, so an undo or
/// another tab's save shows at once.
#[component]
pub fn CommitText(
    label: &'static str,
    /// The value as stored.
    #[prop(into)]
    value: Signal<String>,
    /// Stores a text, or says why not. (A callback, not a generic closure: one copy of
    /// the field is compiled for every use, not one per closure.)
    #[prop(into)]
    commit: Callback<String, Result<(), Refused>>,
    /// A remark on the stored value, shown while nothing is refused (a number stored
    /// before its bound).
    #[prop(optional, into)]
    note: Option<Signal<Option<String>>>,
    #[prop(optional)] multiline: bool,
    #[prop(optional)] placeholder: &'static str,
    /// The input's type when not "text" (a date picker for dates).
    #[prop(optional)]
    input_type: &'static str,
    /// Takes the focus when it appears (the first field of an editor).
    #[prop(optional)]
    autofocus: bool,
    #[prop(optional)] testid: &'static str,
) -> impl IntoView {
    let id = uid("f");
    let err_id = format!("{id}-err");
    // What is typed and not committed yet; `None` shows the stored value.
    let typed = RwSignal::new(None::<String>);
    let refused = RwSignal::new(None::<Refused>);
    let try_commit = move || {
        // `try_`: a change the browser reports as it drops the field finds it gone.
        let Some(Some(text)) = typed.try_get_untracked() else {
            return;
        };
        match commit.run(text) {
            Ok(()) => {
                typed.set(None);
                refused.set(None);
            }
            Err(why) => refused.set(Some(why)),
        }
    };
    let on_input = move |ev: leptos::ev::Event| {
        let text = event_target_value(&ev);
        let same = value.with_untracked(|v| *v == text);
        typed.set((!same).then_some(text));
    };
    let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Escape" && typed.with_untracked(Option::is_some) {
            // Handled here: the panel around stays open.
            ev.stop_propagation();
            typed.set(None);
            refused.set(None);
        }
    };
    let shown = move || typed.get().unwrap_or_else(|| value.get());
    let message = move || refused.get().or_else(|| note.and_then(|n| n.get()));
    let invalid = move || message().is_some().to_string();
    let node = NodeRef::<leptos::html::Input>::new();
    if autofocus {
        Effect::new(move |_| {
            if let Some(el) = node.get() {
                el.focus().ok();
                el.select();
            }
        });
    }
    let on_change = move |_| try_commit();
    let control = if multiline {
        view! {
            <textarea id=id.clone() rows="3" placeholder=placeholder prop:value=shown on:input=on_input on:change=on_change on:keydown=on_keydown aria-invalid=invalid aria-describedby=err_id.clone() data-testid=testid></textarea>
        }
        .into_any()
    } else {
        view! {
            <input type=if input_type.is_empty() { "text" } else { input_type } id=id.clone() node_ref=node placeholder=placeholder prop:value=shown on:input=on_input on:change=on_change on:keydown=on_keydown aria-invalid=invalid aria-describedby=err_id.clone() data-testid=testid />
        }
        .into_any()
    };
    let err_testid = (!testid.is_empty()).then(|| format!("{testid}-error"));
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            {control}
            <p class="field-error" id=err_id data-testid=err_testid>{message}</p>
        </div>
    }
}

/// A `CommitText` for a number in `field`'s range. Empty clears it, unless `required`.
#[component]
pub fn CommitNumber(
    label: &'static str,
    field: Field,
    #[prop(into)] value: Signal<Option<f64>>,
    #[prop(into)] commit: Callback<Option<f64>, Result<(), Refused>>,
    #[prop(optional)] required: bool,
    #[prop(optional)] testid: &'static str,
) -> impl IntoView {
    let text = Signal::derive(move || number_text(value.get()));
    // A value stored before its bound loads, and is flagged here rather than hidden.
    let note = Signal::derive(move || {
        crate::model::bounds::flag(field, value.get())
            .map(|f| format!("{}.", crate::text::out_of_range(f)))
    });
    let parse_and_commit = move |t: String| {
        let v = if required {
            parse_bounded_required(field, &t).map(Some)?
        } else {
            parse_bounded(field, &t)?
        };
        commit.run(v)
    };
    view! { <CommitText label value=text commit=parse_and_commit note testid /> }
}
