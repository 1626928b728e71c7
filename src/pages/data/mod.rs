//! Data: export (JSON, CSV), import with a full check and a preview, storage health,
//! the sample and a reset.

use crate::components::download::{date_stamp, download};
use crate::components::{LeftOutReport, LostReport, PageHead};
use crate::csv_export::backlog_csv;
use crate::model::numbers::count;
use crate::model::Command;
use crate::state::{new_id, AppState};
use crate::storage::format::encode_export;
use crate::storage::import::{parse_import, summary, with_fresh_ids, Imported, MAX_IMPORT_BYTES};
use crate::storage::usage::Usage;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

mod backups;

fn slug(s: &str) -> String {
    let s: String = s
        .to_lowercase()
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { '-' })
        .collect();
    s.trim_matches('-').to_string()
}

#[component]
pub fn DataPage() -> impl IntoView {
    let state = AppState::expect();
    let confirming_reset = RwSignal::new(false);
    crate::components::dialog::question_takes_focus(
        move || confirming_reset.get(),
        "reset-cancel",
        "reset-workspace",
    );
    let preview = RwSignal::new(None::<(String, Imported)>);
    let import_error = RwSignal::new(None::<String>);
    let dragging = RwSignal::new(false);
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
    let export_csv = move |_| {
        let Some(id) = state.product.get_untracked() else {
            return;
        };
        let made = state
            .ws
            .with_untracked(|w| w.product(&id).map(|p| (p.name.clone(), backlog_csv(p))));
        if let Some((name, csv)) = made {
            if download(
                &format!("{}-backlog-{}.csv", slug(&name), date_stamp()),
                "text/csv",
                &csv,
            )
            .is_ok()
            {
                state.say(format!("Backlog of “{name}” exported as CSV."), false);
            }
        }
    };
    // Checks all of a file's text and shows what it holds; nothing changes yet.
    let check = move |name: String, text: String| match parse_import(&text) {
        Ok(imported) => preview.set(Some((name, imported))),
        Err(e) => import_error.set(Some(format!(
            "“{name}” was not imported: {e}. Your workspace is unchanged."
        ))),
    };
    let restore = Callback::new(move |(name, text): (String, String)| {
        preview.set(None);
        import_error.set(None);
        check(name, text);
        crate::focus::focus_id_next_frame("import-title".into());
    });
    // A banner's Restore: open that backup's preview as soon as the page is here.
    Effect::new(move |_| {
        if let Some(key) = state.restore_request.get() {
            state.restore_request.set(None);
            if let Some(text) = state.backup(&key) {
                restore.run((key, text));
            }
        }
    });
    // Reads a file, then `check`s it.
    let read_file = move |file: web_sys::File| {
        preview.set(None);
        import_error.set(None);
        let name = file.name();
        if file.size() > MAX_IMPORT_BYTES as f64 {
            import_error.set(Some(format!(
                "“{name}” is {:.1} MB; Two Hats imports files up to 20 MB. Nothing was changed.",
                file.size() / 1_048_576.0
            )));
            return;
        }
        spawn_local(async move {
            let text = match wasm_bindgen_futures::JsFuture::from(file.text()).await {
                Ok(t) => t.as_string().unwrap_or_default(),
                Err(_) => {
                    import_error.set(Some(format!(
                        "“{name}” could not be read. Nothing was changed."
                    )));
                    return;
                }
            };
            check(name, text);
        });
    };
    let on_pick = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        if let Some(file) = input.files().and_then(|f| f.get(0)) {
            read_file(file);
        }
        input.set_value("");
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        dragging.set(false);
        if let Some(file) = ev
            .data_transfer()
            .and_then(|d| d.files())
            .and_then(|f| f.get(0))
        {
            read_file(file);
        }
    };
    let replace = move |_| {
        let Some((name, imported)) = preview.get_untracked() else {
            return;
        };
        if state
            .dispatch(Command::ReplaceWorkspace(Box::new(imported.workspace)))
            .is_ok()
        {
            preview.set(None);
            state.say(format!("Workspace replaced by “{name}”. Undo (Ctrl+Z) brings yours back until you reload."), false);
        }
    };
    let merge = move |_| {
        let Some((name, imported)) = preview.get_untracked() else {
            return;
        };
        let fresh = with_fresh_ids(&imported.workspace, &mut |p: &str| new_id(p));
        let n = fresh.products.len();
        let commands = fresh
            .products
            .into_iter()
            .map(|p| Command::AddProduct {
                product: Box::new(p),
                index: None,
            })
            .collect();
        if state
            .dispatch(Command::Batch {
                label: format!("import {n} products from “{name}”"),
                commands,
            })
            .is_ok()
        {
            preview.set(None);
            state.say(
                format!("{n} products from “{name}” added next to yours."),
                false,
            );
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
        <section class="section" aria-labelledby="export-title">
            <h2 id="export-title">"Export"</h2>
            <p>"The whole workspace as one JSON file, marked with its format version so that this or any later version of Two Hats can read it back, or the current product's backlog as CSV for Jira, Azure DevOps or Linear."</p>
            <div class="actions">
                <button type="button" class="btn btn--primary" on:click=export data-testid="export-json">"Export workspace (JSON)"</button>
                <button type="button" class="btn" on:click=export_csv disabled=move || state.product.with(Option::is_none) data-testid="export-csv">
                    {move || {
                        let name = state.product.get().and_then(|id| state.ws.with(|w| w.product(&id).map(|p| p.name.clone())));
                        match name { Some(n) => format!("Export “{n}” backlog (CSV)"), None => "Export backlog (CSV)".into() }
                    }}
                </button>
                <button
                    type="button"
                    class="btn"
                    on:click=move |_| { download(&format!("twohats-raw-{}.json", date_stamp()), "application/json", &state.raw_dump()).ok(); }
                    data-testid="download-raw"
                >
                    "Download raw stored data"
                </button>
            </div>
        </section>
        <section class="section" aria-labelledby="import-title">
            <h2 id="import-title" tabindex="-1">"Import"</h2>
            <p>"Choose a Two Hats JSON export or a raw-data download, or drop it anywhere on this page. It is checked completely before anything changes; then you choose to replace your workspace or add its products next to yours."</p>
            <label class="btn file-btn" for="import-file">"Choose a file…"</label>
            <input id="import-file" class="sr-only" type="file" accept=".json,application/json" on:change=on_pick data-testid="import-file" />
            <p class="drop-hint" aria-hidden="true">{move || if dragging.get() { "Drop the file to check it" } else { "or drop a file here" }}</p>
            {move || import_error.get().map(|e| view! { <p class="field-error import-error" role="alert" data-testid="import-error">{e}</p> })}
            {move || preview.get().map(|(name, imported)| {
                let products = summary(&imported.workspace);
                let current = state.ws.with(|w| (w.products.len(), w.item_count()));
                view! {
                    <div class="import-preview" role="region" aria-label="Import preview" data-testid="import-preview">
                        <h3>{if imported.raw { format!("What can be recovered from “{name}”") } else { format!("“{name}” is a valid Two Hats export") }}</h3>
                        <p class="muted">
                            {if imported.raw { "Read from raw stored data, item by item".to_string() } else { format!("Format version {}", imported.from_version) }}
                            {(imported.from_version < crate::storage::format::CURRENT_VERSION).then_some(" (from an older version; it will be updated)")}
                            {imported.exported_at.clone().map(|d| format!(" · exported {d}"))}
                        </p>
                        <table class="table">
                            <thead><tr><th scope="col">"Product"</th><th scope="col" class="num">"Objectives"</th><th scope="col" class="num">"Themes"</th><th scope="col" class="num">"Features"</th><th scope="col" class="num">"Items"</th><th scope="col" class="num">"Sprints"</th></tr></thead>
                            <tbody>
                                {products.into_iter().map(|p| view! {
                                    <tr><th scope="row">{p.name}</th><td class="num">{p.objectives}</td><td class="num">{p.themes}</td><td class="num">{p.features}</td><td class="num">{p.items}</td><td class="num">{p.sprints}</td></tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                        <LostReport lost=imported.lost.clone() />
                        <LeftOutReport left_out=imported.left_out.clone() />
                        <div class="actions">
                            <button type="button" class="btn btn--danger" on:click=replace data-testid="import-replace">
                                {if current == (0, 0) { "Import into my empty workspace".to_string() } else { format!("Replace my workspace ({}, {})", count(current.0, "product", "products"), count(current.1, "item", "items")) }}
                            </button>
                            <button type="button" class="btn btn--primary" on:click=merge data-testid="import-merge">"Add as new products"</button>
                            <button type="button" class="btn" on:click=move |_| preview.set(None)>"Cancel"</button>
                        </div>
                        <p class="muted">"Either way you can undo it until you reload."</p>
                    </div>
                }
            })}
        </section>
        <StorageSection />
        <backups::BackupsSection on_restore=restore />
        <section class="section" aria-labelledby="sample-title">
            <h2 id="sample-title">"Sample and reset"</h2>
            <p>"Load the sample next to your products (nothing is replaced), or start again from an empty workspace."</p>
            <div class="actions">
                <button type="button" class="btn" on:click=move |_| state.load_sample() data-testid="load-sample">"Load the sample product"</button>
                <button type="button" class="btn btn--danger" id="reset-workspace" on:click=move |_| confirming_reset.set(true) data-testid="reset">"Reset workspace…"</button>
            </div>
            <Show when=move || confirming_reset.get()>
                <div class="confirm" role="alertdialog" aria-labelledby="reset-q" aria-describedby="reset-d">
                    <p id="reset-q"><strong>"Reset the whole workspace?"</strong></p>
                    <p id="reset-d">{move || state.ws.with(|w| format!("This removes {} products and {} backlog items. You can undo it until you reload; export first to keep a copy.", w.products.len(), w.item_count()))}</p>
                    <div class="actions">
                        <button type="button" class="btn btn--danger" on:click=reset data-testid="confirm-reset">"Reset"</button>
                        <button type="button" class="btn" id="reset-cancel" on:click=move |_| confirming_reset.set(false)>"Cancel"</button>
                    </div>
                </div>
            </Show>
        </section>
        </div>
    }
}

/// What the workspace and the whole site take of the browser's quota.
#[component]
fn StorageSection() -> impl IntoView {
    let state = AppState::expect();
    view! {
        <section class="section" aria-labelledby="storage-title">
            <h2 id="storage-title">"Storage"</h2>
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
        </section>
    }
}
