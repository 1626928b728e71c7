//! Where another source says otherwise than the articles — the Scrum Guide, on the sprint
//! backlog and the stand-up: a labelled note beside the claim, in plain text, with the
//! source cited, so that a trainee preparing for a Scrum assessment is not misled.

use super::cite::cite;
use crate::content::Differs;
use leptos::prelude::*;

/// "The Scrum Guide says otherwise", what it says, and the citation.
pub(crate) fn says_otherwise(d: Differs) -> impl IntoView {
    view! {
        <div class="says-otherwise" role="note" data-testid="says-otherwise">
            <p class="says-otherwise__label">{format!("{} says otherwise", d.who())}</p>
            <p>{d.text}</p>
            {cite(&[d.source])}
        </div>
    }
}
