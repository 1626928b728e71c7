//! What a newer export changes in the items and features an earlier import made: field
//! by field, for the preview. A field the file has no column for is left as it is.

use super::index::Index;
use super::plan::{Change, Entry, Link, Plan, Update, What};
use crate::model::{Feature, FeatureStatus, Id, Item, ItemStatus, Product};

/// A feature's status from the tool's: Idea and Planned both say "not started", At risk
/// and In progress both "started", so a feature keeps the one it has while the tool's
/// status says the same; otherwise it takes Planned, In progress or Done.
pub fn feature_status(was: Option<FeatureStatus>, s: ItemStatus) -> FeatureStatus {
    use FeatureStatus as F;
    let phase = |f: F| match f {
        F::Idea | F::Planned => ItemStatus::Todo,
        F::InProgress | F::AtRisk => ItemStatus::InProgress,
        F::Done => ItemStatus::Done,
    };
    match was {
        Some(w) if phase(w) == s => w,
        _ => match s {
            ItemStatus::Todo => F::Planned,
            ItemStatus::InProgress => F::InProgress,
            ItemStatus::Done => F::Done,
        },
    }
}

/// Sorts the entries into updates (with their changes), unchanged and added rows.
pub(super) fn compare(index: &Index, p: &mut Plan) {
    for n in 0..p.entries.len() {
        let e = &p.entries[n];
        let (Some(id), Some(product)) = (&e.existing, index.product) else {
            p.added.push(e.row);
            continue;
        };
        let changes = match e.what {
            What::Feature => index
                .feature(id)
                .map(|f| feature_changes(e, f))
                .unwrap_or_default(),
            What::Item(_) => index
                .item(id)
                .map(|i| item_changes(e, i, product, p))
                .unwrap_or_default(),
        };
        if changes.is_empty() {
            p.unchanged.push(e.row);
        } else {
            p.updates.push(Update {
                row: e.row,
                title: e.title.clone(),
                feature: e.what == What::Feature,
                id: id.clone(),
                changes,
            });
        }
    }
}

fn feature_changes(e: &Entry, f: &Feature) -> Vec<Change> {
    let mut out = Vec::new();
    if e.title != f.title {
        out.push(Change::Title {
            from: f.title.clone(),
            to: e.title.clone(),
        });
    }
    if let Some(s) = e.status {
        let to = feature_status(Some(f.status), s);
        if to != f.status {
            out.push(Change::FeatureStatus { from: f.status, to });
        }
    }
    if e.description.as_ref().is_some_and(|d| d != &f.description) {
        out.push(Change::Description);
    }
    out
}

/// A feature's title by its link: a row of the file or one of the product's features.
pub(super) fn link_title(link: &Link, product: &Product, p: &Plan) -> Option<String> {
    match link {
        Link::Entry(j) => Some(p.entries[*j].title.clone()),
        Link::Existing(id) => product.feature(id).map(|f| f.title.clone()),
    }
}

fn sprint_name(product: &Product, id: Option<&Id>) -> Option<String> {
    id.and_then(|id| product.sprint(id)).map(|s| s.name.clone())
}

fn item_changes(e: &Entry, i: &Item, product: &Product, p: &Plan) -> Vec<Change> {
    let mut out = Vec::new();
    if e.title != i.title {
        out.push(Change::Title {
            from: i.title.clone(),
            to: e.title.clone(),
        });
    }
    if let What::Item(k) = e.what {
        if k != i.kind {
            out.push(Change::Kind {
                from: i.kind,
                to: k,
            });
        }
    }
    if let Some(to) = e.estimate.filter(|v| *v != i.estimate) {
        out.push(Change::Estimate {
            from: i.estimate,
            to,
        });
    }
    if let Some(to) = e.status.filter(|s| *s != i.status) {
        out.push(Change::Status { from: i.status, to });
    }
    if let Some(to) = e.priority.filter(|v| *v != i.priority) {
        out.push(Change::Priority {
            from: i.priority,
            to,
        });
    }
    if let Some(parent) = &e.parent {
        let from = i
            .feature
            .as_ref()
            .and_then(|f| product.feature(f))
            .map(|f| f.title.clone());
        let to = parent.as_ref().and_then(|l| link_title(l, product, p));
        let same = match (parent, &i.feature) {
            (Some(Link::Existing(a)), Some(b)) => a == b,
            (Some(Link::Entry(j)), Some(b)) => p.entries[*j].existing.as_ref() == Some(b),
            (None, None) => true,
            _ => false,
        };
        if !same {
            out.push(Change::Parent { from, to });
        }
    }
    if let Some(to) = &e.sprint {
        let from = sprint_name(product, i.sprint.as_ref());
        let same = match (&from, to) {
            (Some(a), Some(b)) => super::detect::same(a, b),
            (None, None) => true,
            _ => false,
        };
        if !same {
            out.push(Change::Sprint {
                from,
                to: to.clone(),
            });
        }
    }
    if e.description.as_ref().is_some_and(|d| d != &i.description) {
        out.push(Change::Description);
    }
    out
}
