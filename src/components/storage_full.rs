//! The banner of read-only mode (`StorageNotice::Full`): what fills the origin's storage,
//! and the only writes that make room — Two Hats' own backups and superseded copies, or
//! a product, exported first. Never another app's keys.

use crate::components::download::{date_stamp, download};
use crate::components::notices::NoticeFrame;
use crate::model::{Command, Id, Workspace};
use crate::state::AppState;
use crate::storage::backend::QUOTA_CHARS;
use crate::storage::format::encode_export;
use crate::storage::usage::Usage;
use crate::text::numbers::fixed;
use crate::text::numbers::thousands;
use leptos::prelude::*;

fn kb(chars: usize) -> String {
    format!("{} KB", thousands(Usage::kb(chars).round() as usize))
}

/// One product's export, with the workspace's portfolio name, as the Data page makes it.
fn export_one(state: AppState, id: &Id) -> Option<(String, String)> {
    state.ws.with_untracked(|ws| {
        let p = ws.product(id)?;
        let mut one = Workspace {
            portfolio: ws.portfolio.clone(),
            roles: ws.roles,
            products: vec![p.clone()],
        };
        // Links to the other products would dangle in a file of one product.
        one.portfolio.links.clear();
        Some((p.name.clone(), encode_export(&one, &date_stamp())))
    })
}

#[component]
pub fn StorageFull(used: usize, origin: usize) -> impl IntoView {
    let state = AppState::expect();
    // Read again whenever usage changes: after each removal.
    let superseded = Memo::new(move |_| {
        state.usage.track();
        state.superseded().iter().map(|(_, n)| n).sum::<usize>()
    });
    let backups = Memo::new(move |_| {
        state.usage.track();
        state.backups()
    });
    let remove_backups = move |_| {
        let list = backups.get_untracked();
        let all: serde_json::Map<String, serde_json::Value> = list
            .iter()
            .filter_map(|(k, _)| Some((k.clone(), state.backup(k)?.into())))
            .collect();
        let text = serde_json::Value::Object(all).to_string();
        // Removed only once the copy is on its way to the user's disk.
        if download(
            &format!("twohats-backups-{}.json", date_stamp()),
            "application/json",
            &text,
        )
        .is_ok()
        {
            list.iter().for_each(|(k, _)| state.remove_backup(k));
            state.say("Backups downloaded and removed.", false);
        }
    };
    let products = move || {
        state.ws.with(|ws| {
            ws.products
                .iter()
                .map(|p| {
                    (
                        p.id.clone(),
                        p.name.clone(),
                        serde_json::to_string(p).map_or(0, |t| t.len()),
                    )
                })
                .collect::<Vec<_>>()
        })
    };
    let export_and_delete = move |id: Id| {
        let Some((name, text)) = export_one(state, &id) else {
            return;
        };
        if download(
            &format!("twohats-{}.json", date_stamp()),
            "application/json",
            &text,
        )
        .is_ok()
            && state.dispatch(Command::DeleteProduct(id)).is_ok()
        {
            state.say(
                format!("“{name}” exported and deleted; its file is in your downloads."),
                false,
            );
        }
    };
    view! {
        // No actions: read-only lasts as long as storage is full, and this says why.
        <NoticeFrame level="error" testid="notice-full" title="Storage for this site is full, so Two Hats opened read-only.">
            <p>{format!(
                "Your workspace is all here and nothing was lost, but no change can be saved. Two Hats stores {}; everything this site's address stores, other apps' data included, comes to {} of the {} ({} million characters) the browser allows it ({}%). Make room below — Two Hats never touches other apps' data — and editing comes back by itself as soon as a save fits.",
                kb(used), kb(origin), kb(QUOTA_CHARS), fixed(QUOTA_CHARS as f64 / 1e6, 2), fixed(100.0 * origin as f64 / QUOTA_CHARS as f64, 0)
            )}</p>
            <ul class="full-actions">
                {move || (superseded.get() > 0).then(|| view! {
                    <li><button type="button" class="btn" on:click=move |_| state.remove_superseded() data-testid="remove-superseded">
                        {format!("Remove superseded copies ({})", kb(superseded.get_untracked()))}
                    </button></li>
                })}
                {move || (!backups.with(Vec::is_empty)).then(|| view! {
                    <li><button type="button" class="btn" on:click=remove_backups data-testid="remove-backups">
                        {format!("Download and remove Two Hats' backups ({})", kb(backups.with_untracked(|b| b.iter().map(|(_, n)| n).sum())))}
                    </button></li>
                })}
                <For each=products key=|(id, _, n)| (id.clone(), *n) let:((id, name, size))>
                    <li><button type="button" class="btn" on:click=move |_| export_and_delete(id.clone()) data-testid="export-delete">
                        {format!("Export “{name}”, then delete it (about {})", kb(size))}
                    </button></li>
                </For>
            </ul>
        </NoticeFrame>
    }
}
