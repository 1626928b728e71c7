//! What every level's editor shares: the entity it edits, found again by id in the product
//! shown at each read (another tab or an undo may have changed it), its fields as they are
//! now, and one `Edit` command per change.

use crate::components::fields::{CommitText, Refused};
use crate::model::{Entity, Id, Product};
use crate::state::{read_product, with_product, AppState};
use leptos::prelude::*;

/// How an editor finds its entity: `Product::theme`, `Product::item`, …
type Find<T> = for<'a> fn(&'a Product, &Id) -> Option<&'a T>;

pub(super) struct Editing<T: Send + Sync + 'static> {
    state: AppState,
    id: StoredValue<Id>,
    find: Find<T>,
    wrap: fn(T) -> Entity,
    now: Memo<Option<T>>,
}

// Not derived: a derive would ask `T: Copy`, and only the handles are copied.
impl<T: Send + Sync + 'static> Clone for Editing<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T: Send + Sync + 'static> Copy for Editing<T> {}

impl<T: Clone + PartialEq + Send + Sync + 'static> Editing<T> {
    /// The entity `find` gives for `id` (`Product::theme`, …), stored back as `wrap` of it.
    pub fn new(id: Id, find: Find<T>, wrap: fn(T) -> Entity) -> Self {
        let state = AppState::expect();
        let id = StoredValue::new(id);
        let now = Memo::new(move |_| {
            read_product(state, |p| find(p, &id.get_value()).cloned()).flatten()
        });
        Editing {
            state,
            id,
            find,
            wrap,
            now,
        }
    }

    /// Changes a copy of the entity as stored, then stores it as one undo step; an
    /// unchanged copy stores nothing.
    pub fn edit(self, change: impl FnOnce(&mut T)) -> Result<(), Refused> {
        let entity = with_product(self.state, |p| {
            (self.find)(p, &self.id.get_value()).cloned()
        });
        let gone = "It no longer exists (deleted here or in another tab).";
        self.state
            .edit_entity(entity.flatten(), gone, change, self.wrap)
    }

    /// For a select's `on_pick`: stores the value picked with `put` (a refusal is shown
    /// on the status line by `AppState`).
    pub fn pick<V: Send + Sync + 'static>(self, put: fn(&mut T, V)) -> impl Fn(V) + Copy {
        move |v| {
            let _ = self.edit(move |x| put(x, v));
        }
    }

    /// For a field's `commit`: stores the value with `put`, or says why not.
    pub fn commit<V: Send + Sync + 'static>(
        self,
        put: fn(&mut T, V),
    ) -> impl Fn(V) -> Result<(), Refused> + Copy {
        move |v| self.edit(move |x| put(x, v))
    }

    /// `f` of the entity as it is now (`None` once it is gone), tracked.
    pub fn read<R>(self, f: impl FnOnce(&T) -> R) -> Option<R> {
        self.now.with(|e| e.as_ref().map(f))
    }

    /// One of its fields as it is now (the default once it is gone).
    pub fn get<V: Default + Send + Sync + 'static>(self, f: fn(&T) -> V) -> Signal<V> {
        Signal::derive(move || self.now.with(|e| e.as_ref().map(f).unwrap_or_default()))
    }

    /// The editor's title ("Edit theme “Roadmap”"), from the entity as the editor opens.
    pub fn heading(self, noun: &str, name: fn(&T) -> &str) -> String {
        self.now
            .with_untracked(|e| e.as_ref().map(|e| format!("Edit {noun} “{}”", name(e))))
            .unwrap_or_default()
    }

    /// The field an editor opens on, focused: its title or name, trimmed, never empty.
    pub fn title_field(
        self,
        label: &'static str,
        get: fn(&T) -> String,
        set: fn(&mut T, String),
    ) -> impl IntoView {
        let commit = move |t: String| {
            let t = super::editors::title(&label.to_lowercase(), &t)?;
            self.edit(move |x| set(x, t))
        };
        view! { <CommitText label value=self.get(get) commit autofocus=true testid="edit-name" /> }
    }

    /// The description, the field every editor ends with.
    pub fn description_field(
        self,
        get: fn(&T) -> String,
        set: fn(&mut T, String),
    ) -> impl IntoView {
        view! { <CommitText label="Description" value=self.get(get) commit=self.commit(set) multiline=true /> }
    }
}
