//! What an import leaves out, for the import preview: every number of the file out of
//! its range, by its JSON path, and what raw stored data held that could not be read, by
//! its key, so the user knows what does not come in before choosing.

use crate::storage::import::LeftOut;
use crate::text::numbers::thousands;
use leptos::prelude::*;

/// The most lines listed; a file with thousands of slips gets the count of the rest.
const SHOWN: usize = 50;

/// Nothing when the import takes everything; otherwise the values it leaves out.
#[component]
pub fn LeftOutReport(left_out: Vec<LeftOut>) -> impl IntoView {
    let n = left_out.len();
    let intro = format!(
        "{} {} out of range will be left out (empty); everything else in the file comes in:",
        thousands(n),
        if n == 1 { "value is" } else { "values are" }
    );
    report(left_out, intro, "import-left-out")
}

/// Nothing when raw data was read whole; otherwise what could not be recovered from it.
#[component]
pub fn LostReport(lost: Vec<LeftOut>) -> impl IntoView {
    let n = lost.len();
    let intro = format!(
        "{} could not be recovered; everything else listed above can be:",
        if n == 1 {
            "One part".to_string()
        } else {
            format!("{} parts", thousands(n))
        }
    );
    report(lost, intro, "import-lost")
}

/// `lines` under `intro`, the first `SHOWN` of them, or nothing when there are none.
fn report(lines: Vec<LeftOut>, intro: String, testid: &'static str) -> impl IntoView {
    let n = lines.len();
    (n > 0).then(move || {
        let more = n.saturating_sub(SHOWN);
        view! {
            <div class="import-left-out" role="status" data-testid=testid>
                <p>{intro}</p>
                <ul>
                    {lines.into_iter().take(SHOWN).map(|l| view! {
                        <li><code>{l.at}</code>": "{l.what}</li>
                    }).collect_view()}
                </ul>
                {(more > 0).then(|| view! { <p class="muted">{format!("and {} more", thousands(more))}</p> })}
            </div>
        }
    })
}
