//! The one-line add forms (an item, a theme, a feature, a key result, a release, a
//! product): Enter adds what is typed and empties the field for the next one; an empty
//! or refused text stays in the field with the reason.

use leptos::prelude::*;

/// What is typed in an add form, and why the last add was refused.
#[derive(Clone, Copy)]
pub struct AddLine {
    pub text: RwSignal<String>,
    pub error: RwSignal<Option<String>>,
}

impl AddLine {
    pub fn new() -> Self {
        AddLine {
            text: RwSignal::new(String::new()),
            error: RwSignal::new(None),
        }
    }

    /// The text typed, trimmed; when there is none, `empty` is said and `None` returned.
    pub fn take(self, empty: &str) -> Option<String> {
        let t = self.text.get_untracked().trim().to_string();
        if t.is_empty() {
            self.error.set(Some(empty.to_string()));
            return None;
        }
        Some(t)
    }

    /// Shows how an add went: done, the field empties for the next one; refused, the
    /// text stays with the reason. True when done.
    pub fn done<E: ToString>(self, result: Result<(), E>) -> bool {
        match result {
            Ok(()) => {
                self.text.set(String::new());
                self.error.set(None);
                true
            }
            Err(e) => {
                self.error.set(Some(e.to_string()));
                false
            }
        }
    }

    /// The form's submit: `add` gets the text typed, trimmed (an empty one is refused
    /// with `empty`); done, the field empties for the next one.
    pub fn submit<E: ToString>(
        self,
        ev: leptos::ev::SubmitEvent,
        empty: &str,
        add: impl FnOnce(String) -> Result<(), E>,
    ) {
        ev.prevent_default();
        if let Some(text) = self.take(empty) {
            self.done(add(text));
        }
    }

    /// For the field's `on:input`.
    pub fn typed(self, ev: leptos::ev::Event) {
        self.text.set(event_target_value(&ev));
    }
}

/// An add form's text field, bound to `line`; the form shows `line.error` in an element
/// with the id `{id}-error`, which the field names as its description.
#[component]
pub fn AddField(
    line: AddLine,
    id: &'static str,
    label: &'static str,
    placeholder: &'static str,
    testid: &'static str,
    /// Characters a title may have; a longer text (a criterion) needs none.
    #[prop(optional)]
    maxlength: Option<u32>,
) -> impl IntoView {
    view! {
        <label for=id class="sr-only">{label}</label>
        <input
            id=id
            type="text"
            placeholder=placeholder
            maxlength=maxlength
            prop:value=move || line.text.get()
            on:input=move |ev| line.typed(ev)
            aria-describedby=format!("{id}-error")
            data-testid=testid
        />
    }
}

impl Default for AddLine {
    fn default() -> Self {
        Self::new()
    }
}
