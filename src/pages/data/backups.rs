//! The backups Two Hats makes of stored data it cannot read (`twohats.backup.*`): each
//! restores through the import preview, downloads, or goes to free room.

use crate::components::download::download;
use crate::components::Section;
use crate::state::AppState;
use crate::storage::usage::Usage;
use leptos::prelude::*;

/// When the backup was made, read from its key (`twohats.backup.[v<n>-]<ISO time with
/// - for : and .>`), as `2026-12-07 10:12`; the key itself where it holds no time.
fn made_at(key: &str) -> String {
    let stamp = key.trim_start_matches(crate::storage::format::BACKUP_PREFIX);
    let stamp = stamp
        .split_once('-')
        .filter(|(v, _)| v.starts_with('v'))
        .map_or(stamp, |(_, s)| s);
    match stamp.split_once('T') {
        Some((day, time)) if day.len() == 10 && time.len() >= 5 => {
            format!("{day} {}:{} UTC", &time[..2], &time[3..5])
        }
        _ => key.to_string(),
    }
}

#[component]
pub fn BackupsSection(
    /// Opens the import preview on a backup's text (its key, then the text).
    on_restore: Callback<(String, String)>,
) -> impl IntoView {
    let state = AppState::expect();
    // Read again after a removal, and whenever usage changes (a start-up that made one).
    let list = Memo::new(move |_| {
        state.usage.track();
        state.backups()
    });
    let confirming = RwSignal::new(None::<String>);
    let restore = move |key: String| {
        if let Some(text) = state.backup(&key) {
            on_restore.run((key, text));
        }
    };
    let save_copy = move |key: String| {
        if let Some(text) = state.backup(&key) {
            let name = format!("{}.json", key.replace('.', "-"));
            download(&name, "application/json", &text).ok();
        }
    };
    let remove = move |key: String| {
        state.remove_backup(&key);
        confirming.set(None);
        state.say("Backup removed.", false);
    };
    view! {
        <Section name="backups" title="Backups" testid="backups">
            <Show
                when=move || !list.with(Vec::is_empty)
                fallback=|| view! { <p class="muted">"No backups. When Two Hats finds stored data it cannot read, it copies it here before doing anything else, so you can restore what is still readable."</p> }
            >
                <p>"Stored data Two Hats could not read, kept exactly as it was. Restore shows what can still be read from it, item by item, before anything changes."</p>
                <ul class="backup-list">
                    <For each=move || list.get() key=|(k, n)| (k.clone(), *n) let:((key, size))>
                        <BackupRow key size confirming restore save_copy remove />
                    </For>
                </ul>
            </Show>
        </Section>
    }
}

#[component]
fn BackupRow(
    key: String,
    size: usize,
    confirming: RwSignal<Option<String>>,
    restore: impl Fn(String) + Copy + Send + Sync + 'static,
    save_copy: impl Fn(String) + Copy + Send + Sync + 'static,
    remove: impl Fn(String) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let k = StoredValue::new(key.clone());
    let asking = move || confirming.with(|c| c.as_deref() == Some(k.get_value().as_str()));
    view! {
        <li class="backup-row" data-testid="backup-row">
            <div class="backup-row__what">
                <strong>{made_at(&key)}</strong>
                <span class="muted">{format!(" · {:.1} KB · ", Usage::kb(size))}<code>{key}</code></span>
            </div>
            <div class="actions">
                <button type="button" class="btn btn--primary" on:click=move |_| restore(k.get_value()) data-testid="backup-restore">"Restore…"</button>
                <button type="button" class="btn" on:click=move |_| save_copy(k.get_value())>"Download"</button>
                <Show
                    when=asking
                    fallback=move || view! {
                        <button type="button" class="btn btn--ghost" on:click=move |_| confirming.set(Some(k.get_value()))>"Remove…"</button>
                    }
                >
                    <span role="alert">"Remove this backup for good? Download it first to keep a copy."</span>
                    <button type="button" class="btn btn--danger" on:click=move |_| remove(k.get_value()) data-testid="backup-remove">"Remove"</button>
                    <button type="button" class="btn" on:click=move |_| confirming.set(None)>"Keep"</button>
                </Show>
            </div>
        </li>
    }
}
