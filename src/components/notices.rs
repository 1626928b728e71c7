//! Banners for storage problems. Each says what happened, what it means for the user's
//! data, and offers the way out (download the raw data, retry, export).

use crate::components::download::{date_stamp, download};
use crate::lazy::{split_point, ChunkMissing};
use crate::route::{Page, Route};
use crate::state::AppState;
use crate::storage::session::StorageNotice;
use crate::storage::usage::Usage;
use crate::text::numbers::{count, fixed};
use leptos::prelude::*;

fn download_raw(state: AppState) {
    download(
        &format!("twohats-raw-{}.json", date_stamp()),
        "application/json",
        &state.raw_dump(),
    )
    .ok();
}

/// The frame every banner of the chunk shares: its title and text, then its buttons. An
/// error is announced at once (`alert`), anything else when the reader is free (`status`).
#[component]
pub(crate) fn NoticeFrame(
    /// "error", "warning" or "info".
    level: &'static str,
    testid: &'static str,
    #[prop(into)] title: String,
    /// The buttons; none where the banner stays as long as what it reports.
    #[prop(optional)]
    actions: Option<AnyView>,
    /// The text below the title.
    children: Children,
) -> impl IntoView {
    let role = if level == "error" { "alert" } else { "status" };
    view! {
        <section class=format!("notice notice--{level}") role=role data-testid=testid>
            <div class="notice__text">
                <h2 class="notice__title">{title}</h2>
                {children()}
            </div>
            {actions.map(|a| view! { <div class="notice__actions">{a}</div> })}
        </section>
    }
}

/// Builds the banners once their chunk is here.
type NoticesView = fn(AppState, RwSignal<bool>) -> AnyView;

split_point!(
    fn notices_chunk() -> NoticesView {
        |state, hide_nearly_full| view! { <NoticesBody state hide_nearly_full /> }.into_any()
    }
);

/// The banners are a chunk of their own, fetched when there is something to say: most
/// starts have nothing to say.
#[component]
pub fn Notices() -> impl IntoView {
    let state = AppState::expect();
    // Until the next start: the usage line in the footer and on the Data page stays.
    let hide_nearly_full = RwSignal::new(false);
    let wanted = move || {
        !state.notices.with(Vec::is_empty)
            || (state.usage.with(Usage::nearly_full) && !hide_nearly_full.get())
    };
    let body = RwSignal::new(None::<Result<NoticesView, ChunkMissing>>);
    let fetch = move || {
        leptos::task::spawn_local(async move { body.set(Some(notices_chunk().await)) });
    };
    Effect::new(move |_| {
        if wanted() && body.with_untracked(|b| b.is_none()) {
            fetch();
        }
    });
    view! {
        <div class="notices" data-testid="notices">
            {move || match body.get() {
                Some(Ok(build)) => Some(build(state, hide_nearly_full)),
                Some(Err(ChunkMissing)) if wanted() => Some(unreachable_view(fetch).into_any()),
                _ => None,
            }}
        </div>
    }
}

/// What shows in place of a banner whose chunk did not arrive: the message may be about
/// the user's data, so it must not vanish silently.
fn unreachable_view(retry: impl Fn() + Copy + 'static) -> impl IntoView {
    view! {
        <section class="notice notice--error" role="alert" data-testid="notice">
            <div class="notice__text">
                <h2 class="notice__title">"Two Hats has a message about your saved data."</h2>
                <p>"It could not be shown: this browser cannot reach the site. Your work in this tab is kept; try again when you are back online."</p>
            </div>
            <div class="notice__actions">
                <button type="button" class="btn" on:click=move |_| retry()>"Try again"</button>
            </div>
        </section>
    }
}

#[component]
fn NoticesBody(state: AppState, hide_nearly_full: RwSignal<bool>) -> impl IntoView {
    let dismiss = move |i: usize| {
        state.notices.update(|n| {
            if i < n.len() {
                n.remove(i);
            }
        })
    };
    view! {
        {move || {
            state
                .notices
                .get()
                .into_iter()
                .enumerate()
                .map(|(i, n)| match n {
                    StorageNotice::Full { used, origin } => {
                        view! { <crate::components::storage_full::StorageFull used origin /> }.into_any()
                    }
                    n => notice_view(state, n, move || dismiss(i)),
                })
                .collect_view()
        }}
        {move || {
            let u = state.usage.get();
            // Read-only mode says more, and says it already.
            (u.nearly_full() && !hide_nearly_full.get() && !state.is_read_only())
                .then(|| nearly_full_view(u, hide_nearly_full))
        }}
    }
}

/// Warns while deleting is still saved: a save writes the new version of what it
/// changes before it removes the old one, so a nearly full store refuses adds first.
fn nearly_full_view(u: Usage, hide: RwSignal<bool>) -> impl IntoView {
    let actions = view! {
        <a class="btn" href=Route::page(Page::Data).href()>"Data page"</a>
        <button type="button" class="btn btn--ghost" on:click=move |_| hide.set(true) aria-label="Dismiss this message">
            "Dismiss"
        </button>
    };
    view! {
        <NoticeFrame level="warning" testid="notice-nearly-full" title="Storage for this site is nearly full." actions=actions.into_any()>
            <p>{format!(
                "{}% of the space this browser gives this site is in use (Two Hats' data and any other app's on the same address). Each save briefly needs room for a second copy of what it changes (up to {} KB here), so soon new items and reorders may not be saved. Export a copy from the Data page, then delete products or items you no longer need.",
                fixed(u.percent(), 0),
                fixed(Usage::kb(u.room), 0),
            )}</p>
        </NoticeFrame>
    }
}

/// Products that could not be read and were left out of the workspace.
fn set_aside_text(
    products: &[(String, crate::storage::format::Why)],
    backup_key: Option<&str>,
) -> (&'static str, String, String) {
    let names = products
        .iter()
        .map(|(name, _)| format!("“{name}”"))
        .collect::<Vec<_>>()
        .join(", ");
    let title = if products.len() == 1 {
        format!("The product {names} could not be read and was set aside.")
    } else {
        format!(
            "{} could not be read and were set aside: {names}.",
            count(products.len(), "product", "products")
        )
    };
    let why = products
        .iter()
        .map(|(name, reason)| format!("{name}: {reason}"))
        .collect::<Vec<_>>()
        .join("; ");
    let body = match backup_key {
        Some(key) => format!("Every other product loaded and is saved as usual. What was stored for it is kept under “{key}”: on the Data page, Restore brings back everything in it that can still be read, as a new product. What was wrong — {why}."),
        None => format!("Every other product loaded, but its stored data could not be copied aside (storage is full), so to keep it exactly as it is Two Hats saves nothing in this tab. Download the raw data now. What was wrong — {why}."),
    };
    ("error", title, body)
}

fn notice_view(state: AppState, n: StorageNotice, dismiss: impl Fn() + Copy + 'static) -> AnyView {
    let data_link = Route::page(Page::Data).href();
    let (kind, title, body): (&str, String, String) = match &n {
        StorageNotice::Blocked => (
            "warning",
            "This browser is not letting Two Hats save.".into(),
            "Storage is blocked here (a private window or a browser setting), so your work lives only in this tab. Export it from the Data page before you close the tab.".into(),
        ),
        StorageNotice::Recovered { reason, backup_key, rebuilt: 0 } => (
            "error",
            "Your saved workspace could not be read, so Two Hats started a fresh one.".into(),
            format!("Nothing was deleted: the unreadable data is kept in this browser under “{backup_key}”. The Data page restores what can still be read from it, item by item. What was wrong: {reason}."),
        ),
        StorageNotice::Recovered { reason, backup_key, rebuilt } => (
            "error",
            "Your workspace index could not be read, so Two Hats rebuilt the workspace from its products' newest saves.".into(),
            format!("{} came back whole. The portfolio's name and links and the order of the products were kept in the index, so they are reset. Everything that was stored is kept under “{backup_key}”; the Data page restores more from it, item by item. What was wrong: {reason}.", count(*rebuilt, "product", "products")),
        ),
        StorageNotice::SetAside { products, backup_key } => set_aside_text(products, backup_key.as_deref()),
        StorageNotice::UnreadableKept { reason } => (
            "error",
            "Your saved workspace could not be read, and could not be backed up.".into(),
            format!("To keep it exactly as it is, Two Hats is not saving anything in this tab. Download the raw data now. What was wrong: {reason}."),
        ),
        StorageNotice::Newer { version } => (
            "error",
            "Your workspace was saved by a newer version of Two Hats.".into(),
            format!("It uses format version {version}, which this version cannot read. It has been left untouched, and nothing you do in this tab will be saved. Reload to get the newer app, or download the raw data."),
        ),
        StorageNotice::Migrated { from, backup_key, saved } => {
            if *saved {
                (
                    "info",
                    "Your workspace was updated to the current format.".into(),
                    format!("It was saved by an older version of Two Hats (format {from}); it has been migrated and saved again. Nothing was lost."),
                )
            } else {
                (
                    "error",
                    "Your workspace was updated in this tab, but the update could not be saved.".into(),
                    format!(
                        "It was saved by an older version (format {from}). The original is kept{}; export your work from the Data page.",
                        if backup_key.is_empty() { " exactly as it was" } else { " under a backup key" }
                    ),
                )
            }
        }
        StorageNotice::WriteFailed { reason } => (
            "error",
            "Your last change was not saved.".into(),
            format!("The browser refused the write: {reason}. Your work is still here in this tab; export it from the Data page to keep it safe. Then free some space, for example by deleting a product you no longer need, and try again."),
        ),
        // Shown by `StorageFull`.
        StorageNotice::Full { .. } => return ().into_any(),
        StorageNotice::Diverged => (
            "error",
            "Another tab saved while this tab's last changes were unsaved.".into(),
            "This tab could not save an undo or redo, and another tab has saved since. Neither version was written over the other: storage holds the other tab's, this tab keeps showing its own and no longer saves. Export this tab's version from the Data page, then reload to go on with the other tab's.".into(),
        ),
    };
    let retry = matches!(n, StorageNotice::WriteFailed { .. });
    // A product set aside, or a workspace rebuilt, can be restored from its backup.
    let restorable = match &n {
        StorageNotice::SetAside {
            backup_key: Some(k),
            ..
        }
        | StorageNotice::Recovered { backup_key: k, .. } => Some(k.clone()),
        _ => None,
    };
    let actions = view! {
        <button type="button" class="btn" on:click=move |_| download_raw(state) data-testid="download-raw">
            "Download raw data"
        </button>
        {restorable.map(|key| view! {
            <button type="button" class="btn btn--primary" data-testid="notice-restore" on:click=move |_| {
                state.restore_request.set(Some(key.clone()));
                state.go(Route::page(Page::Data));
            }>"Restore…"</button>
        })}
        {retry.then(|| view! {
            <button type="button" class="btn" on:click=move |_| state.retry_save()>"Try saving again"</button>
        })}
        <a class="btn btn--ghost" href=data_link>"Data page"</a>
        <button type="button" class="btn btn--ghost" on:click=move |_| dismiss() aria-label="Dismiss this message">
            "Dismiss"
        </button>
    };
    view! {
        <NoticeFrame level=kind testid="notice" title actions=actions.into_any()>
            <p>{body}</p>
        </NoticeFrame>
    }
    .into_any()
}
