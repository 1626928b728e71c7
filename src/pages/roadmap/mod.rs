//! Roadmap: the Product Manager's timeline by theme and the Now/Next/Later board of the
//! same features, with releases, strategy links, the reality check and export.

mod add_feature;
mod bar;
mod board;
mod details;
mod reality;
mod timeline;
mod ui;

use ui::{remembered, with_product, RoadmapFilter, RoadmapUi, View, Zoom};

use crate::components::download::download;
use crate::components::fields::uid;
use crate::components::{AddLine, Layout, OptionSelect, ProductPage, Segmented};
use crate::model::roadmap_svg::roadmap_svg;
use crate::model::{ids::prefix, Entity, Id, Level, Month, Theme};
use crate::state::read_product;
use crate::state::{new_id, today, AppState};
use leptos::prelude::*;

#[component]
pub fn RoadmapPage() -> impl IntoView {
    let state = AppState::expect();
    let now = today().month();
    let ui = RoadmapUi {
        view: remembered("roadmap.view", View::Timeline),
        zoom: remembered("roadmap.zoom", Zoom::Months),
        start: RwSignal::new(now.add_months(-2)),
        state,
        selected: Memo::new(move |_| {
            state
                .route
                .with(|r| r.focus.as_deref().and_then(|f| Id::parse(f).ok()))
        }),
        filter: RwSignal::new(RoadmapFilter::default()),
    };
    provide_context(ui);
    view! {
        <ProductPage
            title="Roadmap"
            level=Level::Feature
            lead="Where the product goes over the next quarters, by theme — and whether the backlog can carry it."
            what="A roadmap"
        >
            <Controls />
            <PrintHead />
            <div class="roadmap-layout" class:roadmap-layout--panel=move || ui.selected.with(Option::is_some)>
                <div class="roadmap-main">
                    {move || match ui.view.get() {
                        View::Timeline => view! { <timeline::Timeline /> }.into_any(),
                        View::Board => view! { <board::Board /> }.into_any(),
                    }}
                    <AddTheme />
                </div>
                {move || ui.selected.get().map(|id| view! { <details::FeatureDetails id=id /> })}
            </div>
            <details::Releases />
            <reality::RealityCheck />
        </ProductPage>
    }
}

#[component]
fn Controls() -> impl IntoView {
    let state = AppState::expect();
    let ui = RoadmapUi::expect();
    let options = Memo::new(move |_| {
        read_product(state, |p| {
            (
                p.objectives
                    .iter()
                    .map(|o| (o.id.clone(), o.title.clone()))
                    .collect::<Vec<_>>(),
                p.themes
                    .iter()
                    .map(|t| (t.id.clone(), t.name.clone()))
                    .collect::<Vec<_>>(),
            )
        })
        .unwrap_or_default()
    });
    let export = move |_| {
        let svg = with_product(state, |p| {
            (
                p.name.clone(),
                roadmap_svg(p, ui.window(), &crate::text::SVG_WORDS),
            )
        });
        if let Some((name, svg)) = svg {
            let file = format!(
                "{}-roadmap.svg",
                name.to_lowercase()
                    .replace(|c: char| !c.is_alphanumeric(), "-")
            );
            if download(&file, "image/svg+xml", &svg).is_ok() {
                state.say("Roadmap exported as an SVG image.", false);
            }
        }
    };
    let (obj_id, theme_id, year_id) = (uid("rf"), uid("rf"), uid("rf"));
    let year = move || ui.start.get().year;
    view! {
        <div class="toolbar roadmap-controls">
            <Segmented label="View" value=ui.view testid="view" />
            <Show when=move || ui.view.get() == View::Timeline>
                <Segmented label="Zoom" value=ui.zoom testid="zoom" />
                <div class="field field--inline">
                    <button type="button" class="btn btn--small btn--icon" aria-label="Earlier" on:click=move |_| ui.start.update(|m| *m = m.add_months(-3))>"←"</button>
                    <label for=year_id.clone() class="sr-only">"Year"</label>
                    <select id=year_id.clone() on:change=move |ev| {
                        if let Ok(y) = event_target_value(&ev).parse::<i32>() {
                            ui.start.set(Month { year: y, month: 1 });
                        }
                    }>
                        {move || {
                            let y = year();
                            ((y - 5)..=(y + 5)).map(|v| view! { <option value=v.to_string() selected=v == y>{v.to_string()}</option> }).collect_view()
                        }}
                    </select>
                    <button type="button" class="btn btn--small btn--icon" aria-label="Later" on:click=move |_| ui.start.update(|m| *m = m.add_months(3))>"→"</button>
                    <button type="button" class="btn btn--small" on:click=move |_| ui.start.set(today().month().add_months(-2))>"Today"</button>
                </div>
            </Show>
            {move || {
                let (objectives, themes) = options.get();
                view! {
                    <div class="field field--inline">
                        <label for=obj_id.clone()>"Objective"</label>
                        <select id=obj_id.clone() on:change=move |ev| {
                            let v = event_target_value(&ev);
                            ui.filter.update(|f| f.objective = match v.as_str() { "" => None, "none" => Some(None), x => Some(Id::parse(x).ok()) });
                        }>
                            <option value="">"Any"</option>
                            <option value="none">"No objective"</option>
                            {objectives.into_iter().map(|(id, t)| view! { <option value=id.to_string()>{t}</option> }).collect_view()}
                        </select>
                    </div>
                    <div class="field field--inline">
                        <label for=theme_id.clone()>"Theme"</label>
                        <select id=theme_id.clone() on:change=move |ev| {
                            let v = event_target_value(&ev);
                            ui.filter.update(|f| f.theme = Id::parse(&v).ok());
                        }>
                            <option value="">"Any"</option>
                            {themes.into_iter().map(|(id, t)| view! { <option value=id.to_string()>{t}</option> }).collect_view()}
                        </select>
                    </div>
                }
            }}
            <OptionSelect
                label="Status"
                none="Any"
                value=Signal::derive(move || ui.filter.with(|f| f.status))
                on_pick=move |s| ui.filter.update(|f| f.status = s)
                layout=Layout::Inline
            />
            <div class="toolbar__actions">
                <button type="button" class="btn btn--small" on:click=export data-testid="export-svg">"Export SVG"</button>
                <button type="button" class="btn btn--small" on:click=move |_| { window().print().ok(); }>"Print"</button>
            </div>
        </div>
    }
}

/// Adds a theme to the product (the roadmap's swimlanes).
#[component]
fn AddTheme() -> impl IntoView {
    let state = AppState::expect();
    let line = AddLine::new();
    let id = uid("theme");
    let add = move |n: String| {
        const COLOURS: [&str; 6] = [
            "#2f6fdd", "#c2561a", "#23855a", "#6b4fd8", "#b8336a", "#0f7c8c",
        ];
        let k = with_product(state, |p| p.themes.len()).unwrap_or(0);
        let theme = Theme {
            id: new_id(prefix::THEME),
            name: n.clone(),
            description: String::new(),
            colour: COLOURS[k % COLOURS.len()].into(),
            objective: None,
        };
        state.add_here(Entity::Theme(theme))?;
        state.say(
            format!("Theme “{n}” added: it has its own swimlane."),
            false,
        );
        Ok::<_, String>(())
    };
    let submit = move |ev| line.submit(ev, "Name the theme first.", add);
    view! {
        <form class="inline-add" on:submit=submit data-testid="add-theme-form">
            <label for=id.clone()>"New theme (swimlane)"</label>
            <input id=id.clone() type="text" maxlength="300" prop:value=move || line.text.get() on:input=move |ev| line.typed(ev) data-testid="new-theme" />
            <button type="submit" class="btn btn--small">"Add theme"</button>
            <p class="field-error" role="alert">{move || line.error.get()}</p>
        </form>
    }
}

/// On paper only: which product, when it was printed, and how to read the bars — a
/// printed roadmap travels without the screen that explains it.
#[component]
fn PrintHead() -> impl IntoView {
    let state = AppState::expect();
    let name = move || read_product(state, |p| p.name.clone()).unwrap_or_default();
    let printed = format!("Printed {}", crate::state::today());
    view! {
        <div class="print-head" data-testid="print-head">
            <p class="print-head__title">{move || format!("{} — roadmap", name())}</p>
            <p class="print-head__date">{printed}</p>
            <ul class="print-legend">
                <li><span class="print-legend__swatch print-legend__swatch--theme"></span>"Colour: the feature's theme"</li>
                <li><span class="print-legend__swatch print-legend__swatch--idea"></span>"Dashed: an idea"</li>
                <li><span class="print-legend__swatch print-legend__swatch--risk"></span>"Hatched: at risk"</li>
                <li><span class="print-legend__swatch print-legend__swatch--release"></span>"Dashed line: a release date"</li>
                <li>"Line under a bar: share of its items done"</li>
            </ul>
        </div>
    }
}
