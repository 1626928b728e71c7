//! Data: export (JSON, CSV), import with a full check and a preview, storage health,
//! backups, the sample and a reset.

use crate::components::{PageHead, Section};
use crate::state::AppState;
use crate::storage::usage::Usage;
use import::{ImportSection, Importer};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

mod backups;
mod csv_import;
mod export;
mod import;
mod reset;

/// The whole page is a drop target for a file to import.
#[component]
pub fn DataPage() -> impl IntoView {
    let importer = Importer::new();
    let dragging = importer.dragging;
    let (csv, csv_error) = (RwSignal::new(None), RwSignal::new(None));
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        dragging.set(false);
        if let Some(file) = ev
            .data_transfer()
            .and_then(|d| d.files())
            .and_then(|f| f.get(0))
        {
            // A CSV is another tool's export; anything else is taken for a Two Hats file.
            if csv_import::is_csv(&file) {
                csv_import::read_csv(file, csv, csv_error);
            } else {
                importer.read_file(file);
            }
        }
    };
    view! {
        <div
            class="data-page"
            class:data-page--drop=move || dragging.get()
            on:dragover=move |ev: leptos::ev::DragEvent| {
                ev.prevent_default();
                dragging.set(true);
            }
            on:dragleave=move |ev: leptos::ev::DragEvent| {
                // Only when leaving the page area itself, not a child.
                if ev.related_target().and_then(|t| t.dyn_into::<web_sys::Node>().ok()).is_none() {
                    dragging.set(false);
                }
            }
            on:drop=on_drop
        >
            <PageHead title="Data" lead="Your workspace lives only in this browser. Take a copy out whenever you like, and bring one back in." />
            <export::ExportSection />
            <ImportSection importer=importer />
            <csv_import::CsvImportSection picked=csv error=csv_error />
            <StorageSection />
            <backups::BackupsSection on_restore=importer.restore() />
            <reset::SampleSection />
        </div>
    }
}

/// What the workspace and the whole site take of the browser's quota.
#[component]
fn StorageSection() -> impl IntoView {
    let state = AppState::expect();
    view! {
        <Section name="storage" title="Storage">
            {move || {
                let u = state.usage.get();
                let pc = u.percent_label();
                view! {
                    <p data-testid="storage-usage">
                        {format!("This workspace uses {:.1} KB. ", Usage::kb(u.used))}
                        {(u.others > 0).then(|| format!("Other apps on this site's address store {:.1} KB (every site on one host, like user.github.io, shares one allowance). ", Usage::kb(u.others)))}
                        {format!("Together that is {pc} of the about 10 MB (5 million characters) the browser allows this site.")}
                        {(Usage::kb(u.room) >= 1.0).then(|| format!(" Saving a change briefly needs up to {:.0} KB more, for a second copy of the part it changes.", Usage::kb(u.room)))}
                    </p>
                    <meter min="0" max="100" low="60" high="80" optimum="0" value=u.percent().min(100.0) aria-label="Storage used"></meter>
                    {(u.percent() > 60.0 || u.nearly_full()).then(|| view! { <p class="warning" role="status">"Storage is filling up: export a copy now, and consider removing products or backups you no longer need. Past the limit, changes can no longer be saved."</p> })}
                }
            }}
            <p class="muted">{move || if state.is_saving() { "Every change is saved in this browser a moment after you make it, and at once if you leave the page." } else { "Changes are not being saved right now: see the message at the top." }}</p>
        </Section>
    }
}
