//! The Data page's last section: load the sample, or reset the workspace after asking.

use crate::components::dialog::question_takes_focus;
use crate::components::Section;
use crate::model::Command;
use crate::state::AppState;
use leptos::prelude::*;

#[component]
pub(super) fn SampleSection() -> impl IntoView {
    let state = AppState::expect();
    let confirming = RwSignal::new(false);
    question_takes_focus(confirming, "reset-cancel", "reset-workspace");
    let reset = move |_| {
        if state
            .dispatch(Command::ReplaceWorkspace(Box::default()))
            .is_ok()
        {
            state.say(
                "Workspace reset. Undo brings it back until you reload.",
                false,
            );
        }
        confirming.set(false);
    };
    view! {
        <Section name="sample" title="Sample and reset">
            <p>"Load the sample next to your products (nothing is replaced), or start again from an empty workspace."</p>
            <div class="actions">
                <button type="button" class="btn" on:click=move |_| state.load_sample() data-testid="load-sample">"Load the sample product"</button>
                <button type="button" class="btn btn--danger" id="reset-workspace" on:click=move |_| confirming.set(true) data-testid="reset">"Reset workspace…"</button>
            </div>
            <Show when=move || confirming.get()>
                <div class="confirm" role="alertdialog" aria-labelledby="reset-q" aria-describedby="reset-d">
                    <p id="reset-q"><strong>"Reset the whole workspace?"</strong></p>
                    <p id="reset-d">{move || state.ws.with(|w| format!("This removes {} products and {} backlog items. You can undo it until you reload; export first to keep a copy.", w.products.len(), w.item_count()))}</p>
                    <div class="actions">
                        <button type="button" class="btn btn--danger" on:click=reset data-testid="confirm-reset">"Reset"</button>
                        <button type="button" class="btn" id="reset-cancel" on:click=move |_| confirming.set(false)>"Cancel"</button>
                    </div>
                </div>
            </Show>
        </Section>
    }
}
