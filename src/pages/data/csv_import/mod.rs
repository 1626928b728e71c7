//! The Data page's import from Jira, Linear or Azure DevOps. The file is read here; the
//! reading, the preview and the import itself (`crate::interop`) are a chunk of their own,
//! fetched when a file is chosen. Nothing changes before the user confirms, and the
//! import is one undoable step.

use crate::components::Section;
use crate::lazy::split_point;
use leptos::prelude::*;
use leptos::task::spawn_local;

mod preview;
mod words;

/// A file picked or dropped: its name and text.
pub(super) type Picked = RwSignal<Option<(String, String)>>;

/// Builds the preview of a file once the chunk is here: the file's name and text, and
/// what to do when the user is done (imported or cancelled).
type PreviewView = fn(String, String, Callback<()>) -> AnyView;

split_point!(
    fn csv_import_chunk() -> PreviewView {
        |name, text, done| view! { <preview::Preview name text done /> }.into_any()
    }
);

/// The largest file read (as the JSON import): a bigger one is refused before reading.
pub(super) const MAX_CSV_BYTES: f64 = 20.0 * 1_048_576.0;

/// Whether a file is a CSV export rather than a Two Hats JSON file.
pub(super) fn is_csv(file: &web_sys::File) -> bool {
    file.name().to_lowercase().ends_with(".csv") || file.type_() == "text/csv"
}

/// Reads a picked or dropped CSV file into `picked`, or says why it cannot be.
pub(super) fn read_csv(file: web_sys::File, picked: Picked, error: RwSignal<Option<String>>) {
    let name = file.name();
    error.set(None);
    picked.set(None);
    if file.size() > MAX_CSV_BYTES {
        error.set(Some(words::too_large(&name, file.size())));
        return;
    }
    spawn_local(async move {
        match wasm_bindgen_futures::JsFuture::from(file.text()).await {
            Ok(t) => picked.set(Some((name, t.as_string().unwrap_or_default()))),
            Err(_) => error.set(Some(format!(
                "“{name}” could not be read. Nothing was changed."
            ))),
        }
    });
}

#[component]
pub(super) fn CsvImportSection(picked: Picked, error: RwSignal<Option<String>>) -> impl IntoView {
    let ctor = RwSignal::new(None::<PreviewView>);
    let loading = RwSignal::new(false);
    // The chunk is fetched with the first file.
    Effect::new(move |_| {
        if picked.with(Option::is_some)
            && ctor.get_untracked().is_none()
            && !loading.get_untracked()
        {
            loading.set(true);
            spawn_local(async move {
                match csv_import_chunk().await {
                    Ok(c) => ctor.set(Some(c)),
                    Err(_) => error.set(Some("The part of Two Hats that reads CSV files could not be loaded: this browser cannot reach the site. Try again when you are back online.".into())),
                }
                loading.set(false);
            });
        }
    });
    let done = Callback::new(move |()| picked.set(None));
    let on_change = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        if let Some(file) = input.files().and_then(|f| f.get(0)) {
            read_csv(file, picked, error);
        }
        input.set_value("");
    };
    view! {
        <Section name="csv-import" title="Import from Jira, Linear or Azure DevOps">
            <p>"Bring a team's backlog in from a CSV export. The file's tool is recognised from its columns; a preview shows what each column becomes and every row left out, and nothing changes until you confirm. Importing a newer export of the same project updates the items it brought in before, by their keys."</p>
            <details class="csv-import__how">
                <summary>"How to export from each tool"</summary>
                <ul>
                    <li><strong>"Jira: "</strong>"search the issues (Filters), then Export → Export Excel CSV (all fields)."</li>
                    <li><strong>"Linear: "</strong>"Settings → Import / Export → Export CSV, or a view's menu → Export as CSV."</li>
                    <li><strong>"Azure DevOps: "</strong>"Boards → Queries, run a tree query (Work items and direct links) or a flat one, then ⋯ → Export to CSV."</li>
                </ul>
            </details>
            <div class="field">
                <label for="csv-file">"CSV file"</label>
                <input id="csv-file" type="file" accept=".csv,text/csv" on:change=on_change data-testid="csv-file" />
            </div>
            {move || error.get().map(|e| view! { <p class="warning" role="alert" data-testid="csv-error">{e}</p> })}
            {move || match (picked.get(), ctor.get()) {
                (Some((name, text)), Some(c)) => Some(c(name, text, done)),
                (Some(_), None) => Some(view! { <p class="muted" role="status">"Reading the file…"</p> }.into_any()),
                _ => None,
            }}
        </Section>
    }
}
