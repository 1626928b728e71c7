//! The roadmap drawn as a standalone SVG file, for slides and documents. Every text is
//! escaped: a title like `<script>` stays text. The words around the document's own
//! (the heading, "No theme", a slip's flag) come from the caller: `text::SVG_WORDS`.

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
/// The head above the first row with one line of release names: the title, the release
/// band, then the month band (each further line of release names adds `RELEASE_LINE`).
const HEAD: f64 = 64.0;
/// The baseline of the first line of release names, and the height of a line.
const RELEASE_Y: f64 = 40.0;
const RELEASE_LINE: f64 = 16.0;
/// Text of 12 px reaches about this far above its baseline, and this far below.
pub const ASCENT: f64 = 12.0;
pub const DESCENT: f64 = 3.0;

/// The words the export writes besides the document's names, given by the caller.
pub struct SvgWords {
    /// The heading, given the product's name: "Atlas — roadmap".
    pub title: fn(&str) -> String,
    /// The head of the lane of features with no theme.
    pub no_theme: &'static str,
    /// Over a lane's months, given its objective's title (shortened): "Objective: Grow".
    pub objective: fn(&str) -> String,
    /// Over the months of a theme's lane when the theme serves no objective.
    pub no_objective: &'static str,
    /// After a slipping feature's title, given the weeks: " · slips 3 wk".
    pub slips: fn(i64) -> String,
    /// A month's short name over its column: "Mar".
    pub month: fn(super::Month) -> &'static str,
    /// A feature's status, on its bar.
    pub status: fn(super::FeatureStatus) -> &'static str,
}

/// Draws every dated feature of `p` in `window`, one row per feature, grouped by theme.
/// Release names have a band of their own between the title and the month names, so no
/// label covers another, nor a theme's objective in its lane head.
pub fn roadmap_svg(p: &Product, window: Window, words: &SvgWords) -> String {
    let sums = super::outline::rollups(p);
    let slipping = super::slips::slips(p);
    let groups = theme_groups(p);
    let marks = release_marks(p, window);
    let lines = marks.iter().map(|m| m.line + 1).max().unwrap_or(1);
    let head = HEAD + RELEASE_LINE * (lines - 1) as f64;
    let n_rows: usize = groups.iter().map(|(_, fs)| fs.len() + 1).sum();
    let width = LABEL + COL * window.months as f64 + 20.0;
    let height = head + ROW * n_rows as f64 + 20.0;
    let mut s = String::new();
    let _ = write!(
        s,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" font-family="system-ui, sans-serif" font-size="12">"#
    );
    let _ = write!(s, r##"<rect width="100%" height="100%" fill="#ffffff"/>"##);
    let _ = write!(
        s,
        r##"<text x="12" y="22" font-size="16" font-weight="700" fill="#1b1f27">{}</text>"##,
        escape(&(words.title)(&p.name))
    );
    months(&mut s, window, head, height, words);
    let mut y = head;
    for (theme, features) in groups {
        let colour = theme.map_or("#8a8f98", |t| t.colour.as_str());
        lane_head(&mut s, p, theme, y, words);
        y += ROW;
        for f in features {
            let done = sums.by_feature.get(&f.id).and_then(|r| r.percent_done());
            let slip = slipping.get(&f.id).map(|x| x.weeks);
            let row = Row {
                colour,
                done: done.unwrap_or(0.0),
                slip,
                y,
            };
            feature_row(&mut s, f, &row, window, words);
            y += ROW;
        }
    }
    releases(&mut s, &marks, head, height);
    s.push_str("</svg>");
    s
}

/// A lane's head: its theme's name, and over the months its objective.
fn lane_head(s: &mut String, p: &Product, theme: Option<&Theme>, y: f64, words: &SvgWords) {
    let colour = theme.map_or("#8a8f98", |t| t.colour.as_str());
    let name = theme.map_or(words.no_theme, |t| t.name.as_str());
    let _ = write!(
        s,
        r##"<text x="12" y="{}" font-weight="700" fill="{}">{}</text>"##,
        y + 20.0,
        escape(colour),
        escape(name)
    );
    let Some(t) = theme else { return };
    let objective = match t.objective.as_ref().and_then(|o| p.objective(o)) {
        Some(o) => (words.objective)(&truncate(&o.title, 80)),
        None => words.no_objective.into(),
    };
    let _ = write!(
        s,
        r##"<text class="objective" x="{}" y="{}" fill="#505866">{}</text>"##,
        LABEL + 4.0,
        y + 20.0,
        escape(&objective)
    );
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

/// A column per month: its rule and its name, in the band just above the first row.
fn months(s: &mut String, window: Window, head: f64, height: f64, words: &SvgWords) {
    for k in 0..window.months {
        let m = window.start.add_months(k);
        let x = LABEL + COL * k as f64;
        let _ = write!(
            s,
            r##"<line x1="{x}" y1="{}" x2="{x}" y2="{height}" stroke="#e1e4ea"/>"##,
            head - 16.0
        );
        let _ = write!(
            s,
            r##"<text class="month" x="{}" y="{}" fill="#505866">{} {:02}</text>"##,
            x + 4.0,
            head - 4.0,
            (words.month)(m),
            m.year % 100
        );
    }
}

/// Where a feature's row is and what it shows besides the feature.
struct Row<'a> {
    colour: &'a str,
    done: f64,
    /// Weeks it slips by, if it does.
    slip: Option<i64>,
    y: f64,
}

/// A feature's title (with its slip's flag, `slip`, when it slips) and, when it is dated inside
/// the window, its bar with the share done (`done`, in percent) and its status.
fn feature_row(s: &mut String, f: &Feature, row: &Row, window: Window, words: &SvgWords) {
    let Row {
        colour, done, y, ..
    } = *row;
    match row.slip.map(words.slips) {
        Some(flag) => {
            let _ = write!(
                s,
                r##"<text x="24" y="{}" fill="#1b1f27">{}<tspan fill="#b3261e" font-weight="700">{}</tspan></text>"##,
                y + 19.0,
                escape(&truncate(&f.title, 18)),
                escape(&flag)
            );
        }
        None => {
            let _ = write!(
                s,
                r##"<text x="24" y="{}" fill="#1b1f27">{}</text>"##,
                y + 19.0,
                escape(&truncate(&f.title, 30))
            );
        }
    }
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
        escape((words.status)(f.status))
    );
}

/// A release in the window: where its line falls and which line of the band its name
/// takes.
struct Mark {
    x: f64,
    line: usize,
    name: String,
}

/// The releases in the window, left to right, each name on the first line of the band
/// where it clears the names before it (about 7.5 px a character).
fn release_marks(p: &Product, window: Window) -> Vec<Mark> {
    let mut shown: Vec<(f64, &str)> = p
        .releases
        .iter()
        .filter_map(|r| Some((LABEL + COL * window.offset_of(r.date)?, r.name.as_str())))
        .collect();
    shown.sort_by(|a, b| a.0.total_cmp(&b.0));
    // Where each line's last name ends.
    let mut ends: Vec<f64> = Vec::new();
    shown
        .into_iter()
        .map(|(x, name)| {
            let line = ends.iter().position(|e| *e < x).unwrap_or(ends.len());
            let end = x + 4.0 + 7.5 * name.chars().count() as f64 + 6.0;
            match ends.get_mut(line) {
                Some(e) => *e = end,
                None => ends.push(end),
            }
            Mark {
                x,
                line,
                name: name.to_string(),
            }
        })
        .collect()
}

/// Each release as a dashed line with its name beside it in the release band; the line
/// breaks for the month names rather than crossing them.
fn releases(s: &mut String, marks: &[Mark], head: f64, height: f64) {
    for m in marks {
        let x = m.x;
        let y = RELEASE_Y + RELEASE_LINE * m.line as f64;
        let _ = write!(
            s,
            r##"<path d="M{x} {} V{} M{x} {head} V{height}" stroke="#b3261e" stroke-width="2" stroke-dasharray="4 3"/>"##,
            y - ASCENT,
            head - 16.0 - 2.0,
        );
        let _ = write!(
            s,
            r##"<text class="release" x="{}" y="{y}" fill="#b3261e" font-weight="700">{}</text>"##,
            x + 4.0,
            escape(&m.name)
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
