//! The app's URLs.
//!
//! Routes live in the URL fragment (`#/backlog?p=p-12`), so any static host serves the
//! one `index.html` for every page at any sub-path, with no rewrite rule, and a reload
//! or a deep link always lands on the app. See `docs/routing.md`.

use crate::model::{Id, Level};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Page {
    Home,
    Explainer,
    Hierarchy,
    Roadmap,
    Backlog,
    Training,
    Data,
    /// Training in the room, on the projector: one question at a time. Reached from the
    /// training page, not the navigation.
    Room,
}

impl Page {
    pub const NAV: [Page; 6] = [
        Page::Explainer,
        Page::Hierarchy,
        Page::Roadmap,
        Page::Backlog,
        Page::Training,
        Page::Data,
    ];

    pub fn slug(self) -> &'static str {
        match self {
            Page::Home => "",
            Page::Explainer => "explainer",
            Page::Hierarchy => "hierarchy",
            Page::Roadmap => "roadmap",
            Page::Backlog => "backlog",
            Page::Training => "training",
            Page::Data => "data",
            Page::Room => "room",
        }
    }

    pub fn title(self) -> &'static str {
        match self {
            Page::Home => "Home",
            Page::Explainer => "Explainer",
            Page::Hierarchy => "Hierarchy",
            Page::Roadmap => "Roadmap",
            Page::Backlog => "Backlog",
            Page::Training => "Training",
            Page::Data => "Data",
            Page::Room => "Room mode",
        }
    }

    fn from_slug(s: &str) -> Option<Page> {
        [Page::Home, Page::Room]
            .into_iter()
            .chain(Page::NAV)
            .find(|p| p.slug() == s)
    }

    /// The explainer section that explains the hat behind this page.
    pub fn level(self) -> Option<Level> {
        match self {
            Page::Hierarchy => Some(Level::Product),
            Page::Roadmap => Some(Level::Feature),
            Page::Backlog => Some(Level::Item),
            _ => None,
        }
    }
}

/// Where the user is: a page, optionally a product, optionally a focus inside the page
/// (an explainer section, an entity id).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Route {
    pub page: Page,
    pub product: Option<Id>,
    pub focus: Option<String>,
    /// The training attempt's seed, which orders shuffled answers: in the URL, so that a
    /// reload or a link shows the same order. Kept as its digits: read as a number only
    /// by the pages that use it, so the first load carries no integer parsing for it.
    pub seed: Option<String>,
}

impl Route {
    pub fn page(page: Page) -> Route {
        Route {
            page,
            product: None,
            focus: None,
            seed: None,
        }
    }

    pub fn with_seed(mut self, seed: Option<u32>) -> Route {
        self.seed = seed.map(|n| n.to_string());
        self
    }

    /// The seed as a number (`None`: none, or not one).
    pub fn seed(&self) -> Option<u32> {
        self.seed.as_deref()?.parse().ok()
    }

    pub fn with_product(mut self, product: Option<Id>) -> Route {
        self.product = product;
        self
    }

    /// Sets the focus; a value that could not be read back from a URL is dropped.
    pub fn with_focus(mut self, focus: impl Into<String>) -> Route {
        let focus = focus.into();
        self.focus = is_safe_focus(&focus).then_some(focus);
        self
    }

    /// Parses a location hash (with or without the leading `#`). Anything unknown is Home,
    /// so a stale or mistyped link still opens the app.
    pub fn parse(hash: &str) -> Route {
        let h = hash.trim_start_matches('#').trim_start_matches('/');
        let (path, query) = h.split_once('?').unwrap_or((h, ""));
        let page = Page::from_slug(path.trim_end_matches('/')).unwrap_or(Page::Home);
        let mut route = Route::page(page);
        for pair in query.split('&') {
            match pair.split_once('=') {
                Some(("p", v)) => route.product = Id::parse(v).ok(),
                Some(("at", v)) if is_safe_focus(v) => route.focus = Some(v.to_string()),
                // Checked as a number only where it is used (`Route::seed`).
                Some(("seed", v)) if is_safe_focus(v) => route.seed = Some(v.to_string()),
                _ => {}
            }
        }
        route
    }

    /// The fragment to link to, starting with `#`.
    pub fn href(&self) -> String {
        let mut s = format!("#/{}", self.page.slug());
        let mut sep = '?';
        if let Some(p) = &self.product {
            s.push(sep);
            s.push_str("p=");
            s.push_str(p.as_str());
            sep = '&';
        }
        if let Some(f) = &self.focus {
            s.push(sep);
            s.push_str("at=");
            s.push_str(f);
            sep = '&';
        }
        if let Some(n) = &self.seed {
            s.push(sep);
            s.push_str("seed=");
            s.push_str(n);
        }
        s
    }
}

/// Focus values are ids or section keys; nothing that would need escaping.
fn is_safe_focus(v: &str) -> bool {
    !v.is_empty()
        && v.len() <= 64
        && v.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}
