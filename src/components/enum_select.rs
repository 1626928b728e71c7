//! One typed way to choose from an enum: a labelled select over a `Choice`. The value
//! shown follows `value` (an undo, another tab), and a pick hands back the typed value.

use super::fields::uid;
use crate::text::Choice;
use leptos::prelude::*;

/// How the select sits: a stacked form field, label and control on one line (toolbars),
/// or the control alone in its row with its label for screen readers (the quick-add line).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Layout {
    #[default]
    Field,
    Inline,
    Bare,
}

/// A select of every value of `T`.
#[component]
pub fn EnumSelect<T: Choice>(
    label: &'static str,
    #[prop(into)] value: Signal<T>,
    on_pick: impl Fn(T) + Send + Sync + 'static,
    #[prop(optional)] layout: Layout,
    #[prop(optional)] testid: &'static str,
) -> impl IntoView {
    // Into a callback at once: what follows is compiled once per enum, not per use.
    enum_select(label, value, Callback::new(on_pick), layout, testid)
}

fn enum_select<T: Choice>(
    label: &'static str,
    value: Signal<T>,
    on_pick: Callback<T>,
    layout: Layout,
    testid: &'static str,
) -> impl IntoView {
    let options = T::all().iter().map(|c| (c.key(), c.label())).collect();
    let chosen = Signal::derive(move || value.get().key());
    let pick = Callback::new(move |key: String| {
        if let Some(v) = T::from_key(&key) {
            on_pick.run(v);
        }
    });
    view! { <KeySelect label options chosen pick layout testid /> }
}

/// A select of "none" (`none` names it: "Any" in a filter, "None" for an unset field)
/// and every value of `T`.
#[component]
pub fn OptionSelect<T: Choice>(
    label: &'static str,
    none: &'static str,
    #[prop(into)] value: Signal<Option<T>>,
    on_pick: impl Fn(Option<T>) + Send + Sync + 'static,
    #[prop(optional)] layout: Layout,
    #[prop(optional)] testid: &'static str,
) -> impl IntoView {
    option_select(label, none, value, Callback::new(on_pick), layout, testid)
}

fn option_select<T: Choice>(
    label: &'static str,
    none: &'static str,
    value: Signal<Option<T>>,
    on_pick: Callback<Option<T>>,
    layout: Layout,
    testid: &'static str,
) -> impl IntoView {
    let options = std::iter::once(("", none))
        .chain(T::all().iter().map(|c| (c.key(), c.label())))
        .collect();
    let chosen = Signal::derive(move || value.get().map_or("", Choice::key));
    let pick = Callback::new(move |key: String| on_pick.run(T::from_key(&key)));
    view! { <KeySelect label options chosen pick layout testid /> }
}

/// What both draw, written once rather than once per enum.
#[component]
fn KeySelect(
    label: &'static str,
    options: Vec<(&'static str, &'static str)>,
    chosen: Signal<&'static str>,
    pick: Callback<String>,
    layout: Layout,
    testid: &'static str,
) -> impl IntoView {
    let id = uid("choice");
    let (class, label_class) = match layout {
        Layout::Field => ("field", None),
        Layout::Inline => ("field field--inline", None),
        Layout::Bare => ("choice-bare", Some("sr-only")),
    };
    view! {
        <div class=class>
            <label for=id.clone() class=label_class>{label}</label>
            <select id=id on:change=move |ev| pick.run(event_target_value(&ev)) data-testid=(!testid.is_empty()).then_some(testid)>
                {options
                    .into_iter()
                    .map(|(key, text)| view! { <option value=key prop:selected=move || chosen.get() == key>{text}</option> })
                    .collect_view()}
            </select>
        </div>
    }
}
