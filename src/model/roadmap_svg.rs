//! The roadmap drawn as a standalone SVG file, for slides and documents. Every text is
//! escaped: a title like `<script>` stays text.

use super::ids::Id;
use super::roadmap::Window;
use super::workspace::{Feature, Product, Theme};
use std::fmt::Write;

pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if (c as u32) < 0x20 && c != '\t' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

const LABEL: f64 = 220.0;
const COL: f64 = 64.0;
const ROW: f64 = 30.0;
const HEAD: f64 = 56.0;

/// Draws every dated feature of `p` in `window`, one row per feature, grouped by theme.
pub fn roadmap_svg(p: &Product, window: Window) -> String {
    let sums = super::outline::rollups(p);
    let groups = theme_groups(p);
    let n_rows: usize = groups.iter().map(|(_, fs)| fs.len() + 1).sum();
    let width = LABEL + COL * window.months as f64 + 20.0;
    let height = HEAD + ROW * n_rows as f64 + 20.0;
    let mut s = String::new();
    let _ = write!(
        s,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" font-family="system-ui, sans-serif" font-size="12">"#
    );
    let _ = write!(s, r##"<rect width="100%" height="100%" fill="#ffffff"/>"##);
    let _ = write!(
        s,
        r##"<text x="12" y="22" font-size="16" font-weight="700" fill="#1b1f27">{} — roadmap</text>"##,
        escape(&p.name)
    );
    months(&mut s, window, height);
    let mut y = HEAD;
    for (theme, features) in groups {
        let colour = theme.map_or("#8a8f98", |t| t.colour.as_str());
        let name = theme.map_or("No theme", |t| t.name.as_str());
        let _ = write!(
            s,
            r##"<text x="12" y="{}" font-weight="700" fill="{}">{}</text>"##,
            y + 20.0,
            escape(colour),
            escape(name)
        );
        y += ROW;
        for f in features {
            let done = sums.by_feature.get(&f.id).and_then(|r| r.percent_done());
            feature_row(&mut s, f, colour, done.unwrap_or(0.0), window, y);
            y += ROW;
        }
    }
    releases(&mut s, p, window, height);
    s.push_str("</svg>");
    s
}

/// The features under each theme, in order, then those with no theme; groups with no
/// feature are left out.
fn theme_groups(p: &Product) -> Vec<(Option<&Theme>, Vec<&Feature>)> {
    let under = |theme: Option<&Id>| -> Vec<&Feature> {
        p.features
            .iter()
            .filter(|f| f.theme.as_ref() == theme)
            .collect()
    };
    let mut groups: Vec<_> = p
        .themes
        .iter()
        .map(|t| (Some(t), under(Some(&t.id))))
        .collect();
    groups.push((None, under(None)));
    groups.retain(|(_, fs)| !fs.is_empty());
    groups
}

/// A column per month: its rule and its name.
fn months(s: &mut String, window: Window, height: f64) {
    for k in 0..window.months {
        let m = window.start.add_months(k);
        let x = LABEL + COL * k as f64;
        let _ = write!(
            s,
            r##"<line x1="{x}" y1="{}" x2="{x}" y2="{height}" stroke="#e1e4ea"/>"##,
            HEAD - 16.0
        );
        let _ = write!(
            s,
            r##"<text x="{}" y="{}" fill="#505866">{} {:02}</text>"##,
            x + 4.0,
            HEAD - 4.0,
            m.short_name(),
            m.year % 100
        );
    }
}

/// A feature's title and, when it is dated inside the window, its bar with the share
/// done (`done`, in percent) and its status.
fn feature_row(s: &mut String, f: &Feature, colour: &str, done: f64, window: Window, y: f64) {
    let _ = write!(
        s,
        r##"<text x="24" y="{}" fill="#1b1f27">{}</text>"##,
        y + 19.0,
        escape(&truncate(&f.title, 30))
    );
    let (Some(a), Some(b)) = (f.start, f.end) else {
        return;
    };
    let Some((col, span)) = window.span(a, b) else {
        return;
    };
    let x = LABEL + COL * col as f64 + 2.0;
    let w = COL * span as f64 - 4.0;
    let _ = write!(
        s,
        r##"<rect x="{x}" y="{}" width="{w}" height="{}" rx="4" fill="{}" opacity="0.85"/>"##,
        y + 4.0,
        ROW - 8.0,
        escape(colour)
    );
    let _ = write!(
        s,
        r##"<rect x="{x}" y="{}" width="{}" height="3" fill="#ffffff" opacity="0.8"/>"##,
        y + ROW - 7.0,
        w * done / 100.0
    );
    let _ = write!(
        s,
        r##"<text x="{}" y="{}" fill="#ffffff" font-size="11">{}</text>"##,
        x + 6.0,
        y + 19.0,
        escape(f.status.label())
    );
}

/// Each release in the window as a dashed line with its name.
fn releases(s: &mut String, p: &Product, window: Window, height: f64) {
    for r in &p.releases {
        let Some(off) = window.offset_of(r.date) else {
            continue;
        };
        let x = LABEL + COL * off;
        let _ = write!(
            s,
            r##"<line x1="{x}" y1="{}" x2="{x}" y2="{height}" stroke="#b3261e" stroke-width="2" stroke-dasharray="4 3"/>"##,
            HEAD - 16.0
        );
        let _ = write!(
            s,
            r##"<text x="{}" y="{}" fill="#b3261e" font-weight="700">{}</text>"##,
            x + 4.0,
            HEAD - 20.0,
            escape(&r.name)
        );
    }
}

fn truncate(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        s.chars().take(n - 1).collect::<String>() + "…"
    }
}
