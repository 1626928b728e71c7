//! The Data page's Export section: the workspace as JSON, a backlog as CSV, and the raw
//! stored data.

use crate::components::download::{date_stamp, download};
use crate::components::Section;
use crate::csv_export::backlog_csv;
use crate::state::AppState;
use crate::storage::format::encode_export;
use leptos::prelude::*;

fn slug(s: &str) -> String {
    let s: String = s
        .to_lowercase()
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { '-' })
        .collect();
    s.trim_matches('-').to_string()
}

fn export_json(state: AppState) {
    let text = state
        .ws
        .with_untracked(|ws| encode_export(ws, &date_stamp()));
    let name = format!("twohats-{}.json", date_stamp());
    match download(&name, "application/json", &text) {
        Ok(()) => state.say("Workspace exported as a JSON file.", false),
        Err(e) => state.say(format!("Export failed: {e}"), true),
    }
}

fn export_csv(state: AppState) {
    let Some(id) = state.product.get_untracked() else {
        return;
    };
    let made = state
        .ws
        .with_untracked(|w| w.product(&id).map(|p| (p.name.clone(), backlog_csv(p))));
    let Some((name, csv)) = made else { return };
    let file = format!("{}-backlog-{}.csv", slug(&name), date_stamp());
    if download(&file, "text/csv", &csv).is_ok() {
        state.say(format!("Backlog of “{name}” exported as CSV."), false);
    }
}

#[component]
pub(super) fn ExportSection() -> impl IntoView {
    let state = AppState::expect();
    let csv_label = move || {
        let name = state
            .product
            .get()
            .and_then(|id| state.ws.with(|w| w.product(&id).map(|p| p.name.clone())));
        match name {
            Some(n) => format!("Export “{n}” backlog (CSV)"),
            None => "Export backlog (CSV)".into(),
        }
    };
    let raw = move |_| {
        let name = format!("twohats-raw-{}.json", date_stamp());
        download(&name, "application/json", &state.raw_dump()).ok();
    };
    view! {
        <Section name="export" title="Export">
            <p>"The whole workspace as one JSON file, marked with its format version so that this or any later version of Two Hats can read it back, or the current product's backlog as CSV for Jira, Azure DevOps or Linear."</p>
            <div class="actions">
                <button type="button" class="btn btn--primary" on:click=move |_| export_json(state) data-testid="export-json">"Export workspace (JSON)"</button>
                <button type="button" class="btn" on:click=move |_| export_csv(state) disabled=move || state.product.with(Option::is_none) data-testid="export-csv">
                    {csv_label}
                </button>
                <button type="button" class="btn" on:click=raw data-testid="download-raw">
                    "Download raw stored data"
                </button>
            </div>
        </Section>
    }
}
