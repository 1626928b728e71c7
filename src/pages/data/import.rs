//! The Data page's Import section: a file is checked whole and previewed, then replaces
//! the workspace or is added next to it; nothing changes before the user chooses.

use crate::components::{LeftOutReport, LostReport, Section};
use crate::model::Command;
use crate::state::{new_id, AppState};
use crate::storage::import::{parse_import, summary, with_fresh_ids, Imported, MAX_IMPORT_BYTES};
use crate::text::numbers::count;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// The import's state: the file checked and waiting for a choice, or why it was refused.
#[derive(Clone, Copy)]
pub(super) struct Importer {
    state: AppState,
    preview: RwSignal<Option<(String, Imported)>>,
    error: RwSignal<Option<String>>,
    /// A file is being dragged over the page.
    pub dragging: RwSignal<bool>,
}

impl Importer {
    pub fn new() -> Self {
        Importer {
            state: AppState::expect(),
            preview: RwSignal::new(None),
            error: RwSignal::new(None),
            dragging: RwSignal::new(false),
        }
    }

    /// Checks all of a file's text and shows what it holds; nothing changes yet.
    fn check(self, name: String, text: String) {
        match parse_import(&text) {
            Ok(imported) => self.preview.set(Some((name, imported))),
            Err(e) => {
                // A reason that is a question ("…interrupted?") keeps its own mark.
                let e = e.to_string();
                let stop = if e.ends_with(['?', '.', '!']) {
                    ""
                } else {
                    "."
                };
                self.error.set(Some(format!(
                    "“{name}” was not imported: {e}{stop} Your workspace is unchanged."
                )))
            }
        }
    }

    fn clear(self) {
        self.preview.set(None);
        self.error.set(None);
    }

    /// Reads a file, then `check`s it.
    pub fn read_file(self, file: web_sys::File) {
        self.clear();
        let name = file.name();
        if file.size() > MAX_IMPORT_BYTES as f64 {
            self.error.set(Some(format!(
                "“{name}” is {:.1} MB; Two Hats imports files up to 20 MB. Nothing was changed.",
                file.size() / 1_048_576.0
            )));
            return;
        }
        spawn_local(async move {
            match wasm_bindgen_futures::JsFuture::from(file.text()).await {
                Ok(t) => self.check(name, t.as_string().unwrap_or_default()),
                Err(_) => self.error.set(Some(format!(
                    "“{name}” could not be read. Nothing was changed."
                ))),
            }
        });
    }

    /// Opens a backup's preview (`(key, text)`), from the Backups section or, through
    /// `AppState::restore_request`, from a banner's Restore… as soon as the page is here.
    pub fn restore(self) -> Callback<(String, String)> {
        let state = self.state;
        let restore = Callback::new(move |(name, text): (String, String)| {
            self.clear();
            self.check(name, text);
            crate::focus::focus_id_next_frame("import-title".into());
        });
        Effect::new(move |_| {
            if let Some(key) = state.restore_request.get() {
                state.restore_request.set(None);
                if let Some(text) = state.backup(&key) {
                    restore.run((key, text));
                }
            }
        });
        restore
    }

    fn replace(self) {
        let state = self.state;
        let Some((name, imported)) = self.preview.get_untracked() else {
            return;
        };
        let cmd = Command::ReplaceWorkspace(Box::new(imported.workspace));
        if state.dispatch(cmd).is_ok() {
            self.preview.set(None);
            state.say(format!("Workspace replaced by “{name}”. Undo (Ctrl+Z) brings yours back until you reload."), false);
        }
    }

    fn merge(self) {
        let state = self.state;
        let Some((name, imported)) = self.preview.get_untracked() else {
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
        let label = format!("import {n} products from “{name}”");
        if state.dispatch(Command::Batch { label, commands }).is_ok() {
            self.preview.set(None);
            let added = format!("{n} products from “{name}” added next to yours.");
            state.say(added, false);
        }
    }
}

#[component]
pub(super) fn ImportSection(importer: Importer) -> impl IntoView {
    let on_pick = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        if let Some(file) = input.files().and_then(|f| f.get(0)) {
            importer.read_file(file);
        }
        input.set_value("");
    };
    let hint = move || match importer.dragging.get() {
        true => "Drop the file to check it",
        false => "or drop a file here",
    };
    view! {
        <Section name="import" title="Import" focusable=true>
            <p>"Choose a Two Hats JSON export or a raw-data download, or drop it anywhere on this page. It is checked completely before anything changes; then you choose to replace your workspace or add its products next to yours."</p>
            <label class="btn file-btn" for="import-file">"Choose a file…"</label>
            <input id="import-file" class="sr-only" type="file" accept=".json,application/json" on:change=on_pick data-testid="import-file" />
            <p class="drop-hint" aria-hidden="true">{hint}</p>
            {move || importer.error.get().map(|e| view! { <p class="field-error import-error" role="alert" data-testid="import-error">{e}</p> })}
            {move || importer.preview.get().map(|(name, imported)| view! { <ImportPreview importer name imported /> })}
        </Section>
    }
}

#[component]
fn ImportPreview(importer: Importer, name: String, imported: Imported) -> impl IntoView {
    let state = importer.state;
    let products = summary(&imported.workspace);
    let current = state.ws.with(|w| (w.products.len(), w.item_count()));
    let title = if imported.raw {
        format!("What can be recovered from “{name}”")
    } else {
        format!("“{name}” is a valid Two Hats export")
    };
    let source = if imported.raw {
        "Read from raw stored data, item by item".to_string()
    } else {
        format!("Format version {}", imported.from_version)
    };
    let replace_label = if current == (0, 0) {
        "Import into my empty workspace".to_string()
    } else {
        let (p, i) = current;
        format!(
            "Replace my workspace ({}, {})",
            count(p, "product", "products"),
            count(i, "item", "items")
        )
    };
    view! {
        <div class="import-preview" role="region" aria-label="Import preview" data-testid="import-preview">
            <h3>{title}</h3>
            <p class="muted">
                {source}
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
                <button type="button" class="btn btn--danger" on:click=move |_| importer.replace() data-testid="import-replace">{replace_label}</button>
                <button type="button" class="btn btn--primary" on:click=move |_| importer.merge() data-testid="import-merge">"Add as new products"</button>
                <button type="button" class="btn" on:click=move |_| importer.preview.set(None)>"Cancel"</button>
            </div>
            <p class="muted">"Either way you can undo it until you reload."</p>
        </div>
    }
}
