//! The Data page's Export section: the workspace as JSON, a backlog as CSV for Jira,
//! Linear or Azure DevOps (with the type mapping said before the download), and the raw
//! stored data.

use crate::components::download::{date_stamp, download};
use crate::components::fields::uid;
use crate::components::{EnumSelect, Layout, Section};
use crate::csv_export::{azure, jira, Profile, Tool};
use crate::state::AppState;
use crate::storage::format::encode_export;
use crate::text::Choice;
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

/// Downloads the profile's file, or for Azure DevOps its files numbered `-1-of-3` etc.,
/// to be imported in that order.
fn export_csv(state: AppState, profile: Profile) {
    let Some(id) = state.product.get_untracked() else {
        return;
    };
    let made = state
        .ws
        .with_untracked(|w| w.product(&id).map(|p| (p.name.clone(), profile.files(p))));
    let Some((name, files)) = made else { return };
    let tool = profile.tool().label();
    let count = files.len();
    for (n, csv) in files.iter().enumerate() {
        let part = if count > 1 {
            format!("-{}-of-{count}", n + 1)
        } else {
            String::new()
        };
        let file = format!("{}-{}-{}{part}.csv", slug(&name), slug(tool), date_stamp());
        if let Err(e) = download(&file, "text/csv", csv) {
            state.say(format!("Export failed: {e}"), true);
            return;
        }
    }
    let files = if count > 1 {
        format!("{count} CSV files")
    } else {
        "CSV".into()
    };
    state.say(
        format!("Backlog of “{name}” exported for {tool} as {files}."),
        false,
    );
}

/// The tool, its options, and what the export will make of each type.
#[component]
fn CsvExport() -> impl IntoView {
    let state = AppState::expect();
    let tool = RwSignal::new(Tool::Jira);
    let jira = RwSignal::new(jira::Project::default());
    let template = RwSignal::new(azure::Template::default());
    let project = RwSignal::new(String::new());
    let profile = move || match tool.get() {
        Tool::Jira => Profile::Jira(jira.get()),
        Tool::Linear => Profile::Linear,
        Tool::Azure => Profile::Azure(azure::Options {
            template: template.get(),
            project: project.get().trim().to_string(),
        }),
    };
    let lines = move || {
        let p = profile();
        let rules = p.mapping().into_iter().map(|r| r.to_string());
        rules
            .chain(p.notes())
            .map(|line| view! { <li>{line}</li> })
            .collect_view()
    };
    let label = move || {
        let name = state
            .product
            .get()
            .and_then(|id| state.ws.with(|w| w.product(&id).map(|p| p.name.clone())));
        let tool = tool.get().label();
        match name {
            Some(n) => format!("Export “{n}” backlog for {tool} (CSV)"),
            None => format!("Export backlog for {tool} (CSV)"),
        }
    };
    let project_id = uid("azure-project");
    view! {
        <div class="actions">
            <EnumSelect label="Tool" value=tool on_pick=move |t| tool.set(t) layout=Layout::Inline testid="csv-tool" />
            <Show when=move || tool.get() == Tool::Jira>
                <EnumSelect label="Project" value=jira on_pick=move |p| jira.set(p) layout=Layout::Inline testid="csv-jira-project" />
            </Show>
            <Show when=move || tool.get() == Tool::Azure>
                <EnumSelect label="Process" value=template on_pick=move |t| template.set(t) layout=Layout::Inline testid="csv-azure-template" />
                <div class="field field--inline">
                    <label for=project_id.clone()>"Project name"</label>
                    <input id=project_id.clone() type="text" placeholder="for sprints’ Iteration Path" prop:value=move || project.get() on:input=move |ev| project.set(event_target_value(&ev)) data-testid="csv-azure-project" />
                </div>
            </Show>
        </div>
        <ul class="csv-mapping" aria-label="How the export maps types and fields" data-testid="csv-mapping">{lines}</ul>
        <div class="actions">
            <button type="button" class="btn" on:click=move |_| export_csv(state, profile()) disabled=move || state.product.with(Option::is_none) data-testid="export-csv">
                {label}
            </button>
        </div>
    }
}

#[component]
pub(super) fn ExportSection() -> impl IntoView {
    let state = AppState::expect();
    let raw = move |_| {
        let name = format!("twohats-raw-{}.json", date_stamp());
        download(&name, "application/json", &state.raw_dump()).ok();
    };
    view! {
        <Section name="export" title="Export">
            <p>"The whole workspace as one JSON file, marked with its format version so that this or any later version of Two Hats can read it back."</p>
            <div class="actions">
                <button type="button" class="btn btn--primary" on:click=move |_| export_json(state) data-testid="export-json">"Export workspace (JSON)"</button>
                <button type="button" class="btn" on:click=raw data-testid="download-raw">
                    "Download raw stored data"
                </button>
            </div>
            <p>"Or the current product's backlog as CSV for the importer of Jira, Linear or Azure DevOps, in that tool's columns and types:"</p>
            <CsvExport />
        </Section>
    }
}
