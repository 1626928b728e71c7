//! The application state every component reaches through context.
//!
//! The document changes only through [`AppState::dispatch`] (and undo/redo), which is
//! where persistence and history hang, so no component writes the workspace directly.

use crate::model::{Changes, Command, History, Id, ModelError, Workspace};
use crate::route::{Page, Route};
use crate::storage::local::{LocalStore, StorageNotice};
use leptos::prelude::*;

/// A message for the live region and the status line.
#[derive(Clone, Debug, PartialEq)]
pub struct Status {
    pub text: String,
    pub error: bool,
}

#[derive(Clone, Copy)]
pub struct AppState {
    /// The whole document. Read it freely; change it only through `dispatch`.
    pub ws: RwSignal<Workspace>,
    history: StoredValue<History>,
    /// Commands this tab applied since it last took another tab's document: replayed on
    /// top of that document when it arrives, so an edit crossed by the other tab's save
    /// is not lost (localStorage reaches other tabs late, so both can save at once).
    unsynced: StoredValue<Vec<Command>>,
    store: StoredValue<LocalStore>,
    pub undo_label: RwSignal<Option<String>>,
    pub redo_label: RwSignal<Option<String>>,
    /// Storage problems shown as banners until dismissed or resolved.
    pub notices: RwSignal<Vec<StorageNotice>>,
    pub route: RwSignal<Route>,
    /// True until the user picks "Load the sample" or "Start empty" on a first visit.
    pub first_visit: RwSignal<bool>,
    pub status: RwSignal<Option<Status>>,
    /// The product the current page shows: the one in the URL if it exists, else the
    /// first. A memo, so pages re-render only when it really changes.
    pub product: Memo<Option<Id>>,
}

impl AppState {
    /// Opens storage and builds the state. Call once, from `App`.
    pub fn init() -> AppState {
        let opened = LocalStore::open();
        let route = RwSignal::new(Route::parse(&current_hash()));
        let ws = RwSignal::new(opened.workspace.unwrap_or_default());
        let product = Memo::new(move |_| {
            let wanted = route.with(|r| r.product.clone());
            ws.with(|ws| match wanted {
                Some(id) if ws.product(&id).is_some() => Some(id),
                _ => ws.products.first().map(|p| p.id.clone()),
            })
        });
        let state = AppState {
            ws,
            history: StoredValue::new(History::default()),
            unsynced: StoredValue::new(Vec::new()),
            store: StoredValue::new(opened.store),
            undo_label: RwSignal::new(None),
            redo_label: RwSignal::new(None),
            notices: RwSignal::new(opened.notices),
            route,
            first_visit: RwSignal::new(opened.first_visit),
            status: RwSignal::new(None),
            product,
        };
        provide_context(state);
        state
    }

    /// The state provided by `App`; panics outside it, which is a programming error.
    pub fn expect() -> AppState {
        use_context::<AppState>().expect("AppState is provided by App")
    }

    /// Applies a command, records it for undo and saves what it touched.
    ///
    /// If another tab saved since this one last looked, its document is taken first and
    /// the command applies on top of it, so neither tab's edit is lost; when both touched
    /// the same entity, the user is told whose version won.
    pub fn dispatch(&self, cmd: Command) -> Result<(), ModelError> {
        let mut conflict = None;
        if self.store.with_value(|s| s.changed_elsewhere()) {
            let mine_before = self.ws.with_untracked(|ws| edited_entity(ws, &cmd));
            if self.reload_from_storage() {
                let theirs = self.ws.with_untracked(|ws| edited_entity(ws, &cmd));
                if mine_before.is_some() && theirs != mine_before {
                    conflict = Some(cmd.label(&self.ws.get_untracked()));
                }
            }
        }
        let replay = cmd.clone();
        let result = self.apply(cmd);
        if result.is_ok() {
            self.unsynced.update_value(|u| {
                u.push(replay);
                if u.len() > 100 {
                    u.remove(0);
                }
            });
        }
        if let (Ok(()), Some(label)) = (&result, conflict) {
            self.say(
                format!("Another tab changed this just before you: your edit ({label}) was applied on top of theirs. Undo restores their version."),
                true,
            );
        }
        result
    }

    fn apply(&self, cmd: Command) -> Result<(), ModelError> {
        let mut result = Ok(Changes::default());
        self.ws.update(|ws| {
            result = self
                .history
                .try_update_value(|h| h.apply(ws, cmd))
                .expect("history lives")
        });
        match result {
            Ok(changes) => {
                self.first_visit.set(false);
                self.after_change(&changes);
                Ok(())
            }
            Err(e) => {
                self.say(format!("Not changed: {e}"), true);
                Err(e)
            }
        }
    }

    pub fn undo(&self) {
        let mut done = None;
        self.ws
            .update(|ws| done = self.history.try_update_value(|h| h.undo(ws)).flatten());
        if let Some((label, changes)) = done {
            self.after_change(&changes);
            self.say(format!("Undone: {label}"), false);
        }
    }

    pub fn redo(&self) {
        let mut done = None;
        self.ws
            .update(|ws| done = self.history.try_update_value(|h| h.redo(ws)).flatten());
        if let Some((label, changes)) = done {
            self.after_change(&changes);
            self.say(format!("Redone: {label}"), false);
        }
    }

    fn after_change(&self, changes: &Changes) {
        self.history.with_value(|h| {
            self.undo_label.set(h.undo_label().map(str::to_string));
            self.redo_label.set(h.redo_label().map(str::to_string));
        });
        let saved = self.ws.with_untracked(|ws| {
            self.store
                .try_update_value(|s| s.save(ws, changes))
                .expect("store lives")
        });
        self.note_save(saved);
    }

    fn note_save(&self, saved: Result<(), StorageNotice>) {
        self.notices.update(|n| {
            n.retain(|x| !matches!(x, StorageNotice::WriteFailed { .. }));
            if let Err(e) = saved {
                n.push(e);
            }
        });
    }

    /// Tries again to write everything, after a failed save.
    pub fn retry_save(&self) {
        let saved = self.ws.with_untracked(|ws| {
            self.store
                .try_update_value(|s| s.save_all(ws))
                .expect("store lives")
        });
        let ok = saved.is_ok();
        self.note_save(saved);
        self.say(
            if ok {
                "Saved."
            } else {
                "Still not saved: the browser refused the write."
            },
            !ok,
        );
    }

    pub fn is_saving(&self) -> bool {
        self.store.with_value(|s| s.is_saving())
    }

    /// Takes the document another tab saved. Undo history refers to the old document,
    /// so it is cleared.
    pub fn reload_from_storage(&self) -> bool {
        let Some(mut ws) = self.store.try_update_value(|s| s.reload()).flatten() else {
            return false;
        };
        // Replay this tab's recent commands on the other tab's document. Ids make this
        // safe: an add already there is refused as a duplicate, a delete of what is gone
        // is refused, an edit gives the same result.
        let pending = self.unsynced.get_value();
        let mut merged = Changes::default();
        for cmd in pending {
            if let Ok((c, _)) = crate::model::apply(&mut ws, cmd) {
                merged.meta |= c.meta;
                for p in c.products {
                    if !merged.products.contains(&p) {
                        merged.products.push(p);
                    }
                }
            }
        }
        self.unsynced.update_value(Vec::clear);
        let rebased = merged.meta || !merged.products.is_empty();
        if self.ws.with_untracked(|cur| cur == &ws) {
            return false;
        }
        self.ws.set(ws);
        self.history.update_value(|h| h.clear());
        self.undo_label.set(None);
        self.redo_label.set(None);
        if rebased {
            // Our edits were missing from the other tab's save: write the merged document.
            let saved = self.ws.with_untracked(|ws| {
                self.store
                    .try_update_value(|s| s.save(ws, &merged))
                    .expect("store lives")
            });
            self.note_save(saved);
            self.say(
                "Another tab saved at the same moment: its changes and yours are both kept.",
                false,
            );
        } else {
            self.say("Updated with changes made in another tab.", false);
        }
        true
    }

    /// Announces a message in the status line and to screen readers.
    pub fn say(&self, text: impl Into<String>, error: bool) {
        self.status.set(Some(Status {
            text: text.into(),
            error,
        }));
    }

    /// The current product's id (see `product`).
    pub fn product_id(&self) -> Option<Id> {
        self.product.get()
    }

    /// A link to `page` for the current product.
    pub fn link(&self, page: Page) -> String {
        Route::page(page).with_product(self.product_id()).href()
    }

    /// Goes to a route by changing the URL fragment, which keeps history and deep links.
    pub fn go(&self, route: Route) {
        if let Some(w) = web_sys::window() {
            w.location().set_hash(&route.href()).ok();
        }
    }
}

/// The entity a command edits, as it is in `ws` (for spotting two tabs editing the same one).
fn edited_entity(ws: &Workspace, cmd: &Command) -> Option<String> {
    use crate::model::Entity;
    let Command::Edit { product, entity } = cmd else {
        return None;
    };
    let p = ws.product(product)?;
    let id = entity.id();
    let found = match entity {
        Entity::Item(_) => p.item(id).map(|x| format!("{x:?}")),
        Entity::Feature(_) => p.feature(id).map(|x| format!("{x:?}")),
        Entity::Theme(_) => p.theme(id).map(|x| format!("{x:?}")),
        Entity::Objective(_) => p.objective(id).map(|x| format!("{x:?}")),
        Entity::Sprint(_) => p.sprint(id).map(|x| format!("{x:?}")),
        Entity::Release(_) => p
            .releases
            .iter()
            .find(|r| &r.id == id)
            .map(|x| format!("{x:?}")),
    };
    found
}

/// A fresh random id. Random rather than counted so two tabs never hand out the same one.
pub fn new_id(prefix: &str) -> Id {
    let hi = (js_sys::Math::random() * 4_294_967_296.0) as u64;
    let lo = (js_sys::Math::random() * 65_536.0) as u64;
    Id::from_parts(prefix, (hi << 16) | lo)
}

pub fn current_hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// Today's date in the user's time zone.
pub fn today() -> crate::model::Day {
    let d = js_sys::Date::new_0();
    crate::model::Day::new(
        d.get_full_year() as i32,
        d.get_month() as u8 + 1,
        d.get_date() as u8,
    )
    .unwrap_or(crate::model::Day {
        year: 2026,
        month: 1,
        day: 1,
    })
}

impl AppState {
    /// Loads the sample product: as the whole workspace when it is empty, otherwise next
    /// to what is there (fresh ids, nothing replaced). Undoable either way.
    pub fn load_sample(&self) {
        let sample = crate::model::sample::sample_workspace(today(), &mut |p: &str| new_id(p));
        let empty = self.ws.with_untracked(|w| w.products.is_empty());
        let first = sample.products.first().map(|p| p.id.clone());
        let cmd = if empty {
            Command::ReplaceWorkspace(Box::new(sample))
        } else {
            Command::Batch {
                label: "load the sample products".into(),
                commands: sample
                    .products
                    .into_iter()
                    .map(|p| Command::AddProduct {
                        product: Box::new(p),
                        index: None,
                    })
                    .collect(),
            }
        };
        if self.dispatch(cmd).is_ok() {
            self.say(
                "Sample loaded: two products, Trailhead and Ranger Console.",
                false,
            );
            let page = self.route.with_untracked(|r| r.page);
            let page = if page == Page::Home {
                Page::Hierarchy
            } else {
                page
            };
            self.go(Route::page(page).with_product(first));
        }
    }

    /// "Start empty" on a first visit: save the empty workspace so the welcome is not shown again.
    pub fn start_empty(&self) {
        self.first_visit.set(false);
        let saved = self.ws.with_untracked(|ws| {
            self.store
                .try_update_value(|s| s.save_all(ws))
                .expect("store lives")
        });
        self.note_save(saved);
        self.go(Route::page(Page::Hierarchy).with_focus("new-product"));
    }
}
