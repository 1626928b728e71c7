//! The title block of every page, with its hat and a link to the explainer.

use crate::components::HatBadge;
use crate::model::Level;
use leptos::prelude::*;

#[component]
pub fn PageHead(
    title: &'static str,
    #[prop(optional)] level: Option<Level>,
    #[prop(optional, into)] lead: Option<String>,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    view! {
        <div class="page-head">
            <div class="page-head__title">
                <h1 id="page-title" tabindex="-1">{title}</h1>
                {level.map(|l| view! { <HatBadge level=l /> })}
            </div>
            {lead.map(|t| view! { <p class="page-head__lead">{t}</p> })}
            {children.map(|c| view! { <div class="page-head__actions">{c()}</div> })}
        </div>
    }
}
