//! How much of the browser's quota the app uses, and how much free room its saves need.

use super::backend::{measure_where, Backend, QUOTA_CHARS};
use super::format::{self, PREFIX};
use crate::text::numbers::fixed;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Usage {
    /// Characters stored under this app's keys (each UTF-16 unit counts against the
    /// quota).
    pub used: usize,
    /// Free room the largest save needs (see `format::room_for_a_save`).
    pub room: usize,
    /// Characters stored under other keys of this origin: every project on one host
    /// (`user.github.io`) shares one quota, so another app's data leaves Two Hats less.
    pub others: usize,
}

impl Usage {
    /// From the sizes of the app's keys, in one pass over them, and what `others`
    /// (the rest of the origin) holds.
    pub fn of<B: Backend>(backend: &B, others: usize) -> Usage {
        let sizes = backend.sizes(PREFIX);
        Usage {
            used: sizes.iter().map(|(_, n)| n).sum(),
            room: format::room_for_a_save(sizes.iter().map(|(k, n)| (k.as_str(), *n))),
            others,
        }
    }

    /// What the origin's other keys hold: read key by key, so asked rarely (at start, and
    /// when another app may have written).
    pub fn others_of<B: Backend>(backend: &B) -> usize {
        measure_where(backend, |k| !k.starts_with(PREFIX))
            .iter()
            .map(|(_, n)| n)
            .sum()
    }

    /// Everything this origin's `localStorage` holds, Two Hats and other apps.
    pub fn origin(&self) -> usize {
        self.used + self.others
    }

    /// Quota units (UTF-16 code units, two bytes each) as kilobytes.
    pub fn kb(chars: usize) -> f64 {
        chars as f64 * 2.0 / 1024.0
    }

    /// The share of the quota the whole origin uses: what decides whether a save fits.
    pub fn percent(&self) -> f64 {
        100.0 * self.origin() as f64 / QUOTA_CHARS as f64
    }

    /// The share as the footer and the Data page both show it: with a decimal while it
    /// is small, so a sample workspace does not read "0%" in one place and "0.4%" in
    /// the other.
    pub fn percent_label(&self) -> String {
        let pc = self.percent();
        let places = if pc < 10.0 { 1 } else { 0 };
        format!("{}%", fixed(pc, places))
    }

    /// Two more saves' worth of room is not left: warn before adds start to fail, while
    /// deleting things can still be saved.
    pub fn nearly_full(&self) -> bool {
        self.origin() + 2 * self.room > QUOTA_CHARS
    }
}
