//! Data: export, the raw stored data, storage usage, the sample and a reset.

use crate::components::download::{date_stamp, download};
use crate::components::PageHead;
use crate::model::Command;
use crate::state::AppState;
use crate::storage::format::encode_export;
use crate::storage::local::{raw_dump, used_chars};
use leptos::prelude::*;

/// The most characters browsers commonly allow per origin in localStorage.
const QUOTA_CHARS: usize = 5_242_880;

#[component]
pub fn DataPage() -> impl IntoView {
    let state = AppState::expect();
    let confirming_reset = RwSignal::new(false);
    let usage = move || {
        state.ws.track();
        state.notices.track();
        used_chars()
    };
    let export = move |_| {
        let text = state
            .ws
            .with_untracked(|ws| encode_export(ws, &date_stamp()));
        match download(
            &format!("twohats-{}.json", date_stamp()),
            "application/json",
            &text,
        ) {
            Ok(()) => state.say("Workspace exported as a JSON file.", false),
            Err(e) => state.say(format!("Export failed: {e}"), true),
        }
    };
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
        confirming_reset.set(false);
    };
    view! {
        <PageHead title="Data" lead="Your workspace lives only in this browser. Take a copy out whenever you like." />
        <section class="section" aria-labelledby="export-title">
            <h2 id="export-title">"Export"</h2>
            <p>"Download the whole workspace as one JSON file, with its format version."</p>
            <div class="actions">
                <button type="button" class="btn btn--primary" on:click=export data-testid="export-json">"Export workspace (JSON)"</button>
                <button
                    type="button"
                    class="btn"
                    on:click=move |_| { download(&format!("twohats-raw-{}.json", date_stamp()), "application/json", &raw_dump()).ok(); }
                    data-testid="download-raw"
                >
                    "Download raw stored data"
                </button>
            </div>
        </section>
        <section class="section" aria-labelledby="storage-title">
            <h2 id="storage-title">"Storage"</h2>
            {move || {
                let used = usage();
                let pc = 100.0 * used as f64 / QUOTA_CHARS as f64;
                view! {
                    <p data-testid="storage-usage">{format!("This workspace uses {:.1} KB of about 5 MB the browser allows ({pc:.1}%).", used as f64 * 2.0 / 1024.0)}</p>
                    <meter min="0" max="100" low="70" high="90" optimum="0" value=pc aria-label="Storage used"></meter>
                    {(pc > 70.0).then(|| view! { <p class="warning">"Storage is filling up: export a copy and consider removing old products."</p> })}
                }
            }}
            <p class="muted">{move || if state.is_saving() { "Every change is saved in this browser as you make it." } else { "Changes are not being saved right now: see the message at the top." }}</p>
        </section>
        <section class="section" aria-labelledby="sample-title">
            <h2 id="sample-title">"Sample and reset"</h2>
            <p>"Load the sample next to your products, or start again from an empty workspace."</p>
            <div class="actions">
                <button type="button" class="btn" on:click=move |_| state.load_sample() data-testid="load-sample">"Load the sample product"</button>
                <button type="button" class="btn btn--danger" on:click=move |_| confirming_reset.set(true) data-testid="reset">"Reset workspace…"</button>
            </div>
            <Show when=move || confirming_reset.get()>
                <div class="confirm" role="alertdialog" aria-labelledby="reset-q" aria-describedby="reset-d">
                    <p id="reset-q"><strong>"Reset the whole workspace?"</strong></p>
                    <p id="reset-d">{move || state.ws.with(|w| format!("This removes {} products and {} backlog items. You can undo it until you reload; export first to keep a copy.", w.products.len(), w.item_count()))}</p>
                    <div class="actions">
                        <button type="button" class="btn btn--danger" on:click=reset data-testid="confirm-reset">"Reset"</button>
                        <button type="button" class="btn" on:click=move |_| confirming_reset.set(false)>"Cancel"</button>
                    </div>
                </div>
            </Show>
        </section>
    }
}
