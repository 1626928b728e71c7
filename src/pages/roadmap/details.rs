//! The selected feature's details (kept when switching views) and the releases list.

use super::ui::{edit_feature, month_label, RoadmapUi};
use crate::components::fields::uid;
use crate::components::{AddLine, EnumSelect, OptionSelect, Section};
use crate::model::numbers::{fixed, points};
use crate::model::rollup::feature_rollup;
use crate::model::{ids::prefix, Command, Day, Entity, Id, Kind, Release};
use crate::route::{Page, Route};
use crate::state::read_product;
use crate::state::{new_id, AppState};
use leptos::prelude::*;

#[component]
pub(crate) fn FeatureDetails(id: Id) -> impl IntoView {
    let state = AppState::expect();
    let ui = RoadmapUi::expect();
    let id = StoredValue::new(id);
    let data = Memo::new(move |_| {
        read_product(state, |p| {
            let f = p.feature(&id.get_value())?.clone();
            let theme = f.theme.as_ref().and_then(|t| p.theme(t)).cloned();
            let objective = theme
                .as_ref()
                .and_then(|t| t.objective.as_ref())
                .and_then(|o| p.objective(o))
                .map(|o| o.title.clone());
            let r = feature_rollup(p, &f.id);
            let releases: Vec<(Id, String)> = p
                .releases
                .iter()
                .map(|r| (r.id.clone(), format!("{} ({})", r.name, r.date)))
                .collect();
            Some((f, theme.map(|t| t.name), objective, r, releases))
        })
        .flatten()
    });
    let exists = Memo::new(move |_| data.with(Option::is_some));
    let feature = move || data.with(|d| d.as_ref().map(|d| d.0.clone()));
    let releases =
        Memo::new(move |_| data.with(|d| d.as_ref().map(|d| d.4.clone()).unwrap_or_default()));
    let release_id = uid("fd");
    let items_link = Route::page(Page::Backlog)
        .with_product(state.product.get_untracked())
        .href();
    let tree_link = Route::page(Page::Hierarchy)
        .with_product(state.product.get_untracked())
        .with_focus(id.get_value().to_string())
        .href();
    view! {
        <aside class="feature-details" aria-labelledby="feature-details-title" data-testid="feature-details">
            <Show when=move || exists.get() fallback=|| view! { <p class="muted">"This feature no longer exists."</p> }>
                // The facts are redrawn as the feature changes; the selects are built once
                // and follow it, so a keyboard user changing one keeps the focus there.
                {move || data.get().map(|(f, theme, objective, r, _)| {
                    view! {
                        <div class="item-panel__head">
                            <h2 id="feature-details-title">{f.title.clone()}</h2>
                            <button type="button" class="btn btn--ghost btn--small" on:click=move |_| ui.select(None)>"Close"</button>
                        </div>
                        <dl class="facts">
                            <dt>"Theme"</dt><dd>{theme.unwrap_or_else(|| "No theme".into())}</dd>
                            <dt>"Objective"</dt><dd>{objective.unwrap_or_else(|| "⚠ None: this feature serves no objective".into())}</dd>
                            <dt>"Dates"</dt><dd>{match (f.start, f.end) { (Some(s), Some(e)) => format!("{} – {}", month_label(s), month_label(e)), _ => "Not on the timeline".into() }}</dd>
                            <dt>"Progress"</dt><dd data-testid="feature-progress">{match r.percent_done() { Some(p) => format!("{}% done · {} items · {}/{} pts", fixed(p, 0), r.items, points(r.points_done), points(r.points)), None => "Not broken down into backlog items yet".into() }}</dd>
                        </dl>
                    }
                })}
                <EnumSelect
                    label="Status"
                    value=Signal::derive(move || feature().map(|f| f.status).unwrap_or_default())
                    on_pick=move |s| { edit_feature(state, &id.get_value(), |f| f.status = s); }
                    testid="feature-status"
                />
                <OptionSelect
                    label="Horizon"
                    none="No horizon"
                    value=Signal::derive(move || feature().and_then(|f| f.horizon))
                    on_pick=move |h| { edit_feature(state, &id.get_value(), |f| f.horizon = h); }
                    testid="feature-horizon"
                />
                <div class="field">
                    <label for=release_id.clone()>"Targets release"</label>
                    <select id=release_id.clone() on:change=move |ev| {
                        let r = Id::parse(&event_target_value(&ev)).ok();
                        edit_feature(state, &id.get_value(), |f| f.release = r);
                    } data-testid="feature-release">
                        <option value="" prop:selected=move || feature().is_some_and(|f| f.release.is_none())>"None"</option>
                        {move || releases.get().into_iter().map(|(rid, label)| {
                            let value = rid.to_string();
                            view! { <option value=value prop:selected=move || feature().is_some_and(|f| f.release.as_ref() == Some(&rid))>{label}</option> }
                        }).collect_view()}
                    </select>
                </div>
                <p class="card__links">
                    <a href=tree_link.clone()>"Edit in the hierarchy"</a>
                    <a href=items_link.clone()>"Backlog"</a>
                </p>
            </Show>
        </aside>
    }
}

#[component]
pub(crate) fn Releases() -> impl IntoView {
    let state = AppState::expect();
    let line = AddLine::new();
    let date = RwSignal::new(String::new());
    let list = Memo::new(move |_| {
        read_product(state, |p| {
            p.releases
                .iter()
                .map(|r| {
                    (
                        r.id.clone(),
                        r.name.clone(),
                        r.date.to_string(),
                        p.features
                            .iter()
                            .filter(|f| f.release.as_ref() == Some(&r.id))
                            .count(),
                    )
                })
                .collect::<Vec<_>>()
        })
        .unwrap_or_default()
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(n) = line.take("Name the release or milestone.") else {
            return;
        };
        let Ok(d) = Day::parse(date.get_untracked().trim()) else {
            line.error
                .set(Some("The date must be like 2026-06-30.".into()));
            return;
        };
        let release = Release {
            id: new_id(prefix::RELEASE),
            name: n.clone(),
            date: d,
        };
        if line.done(state.add_here(Entity::Release(release))) {
            date.set(String::new());
            state.say(format!("Release “{n}” added on {d}."), false);
        }
    };
    let (name_id, date_id) = (uid("rel"), uid("rel"));
    view! {
        <Section name="releases" title="Releases and milestones" testid="releases">
            <p class="muted">"Named dates, drawn across the timeline. A feature can target one (choose it in the feature's details)."</p>
            <ul class="release-list">
                {move || list.get().into_iter().map(|(rid, n, d, count)| view! {
                    <li>
                        <strong>{n.clone()}</strong>" · "{d}" · "{match count { 0 => "no feature targets it".to_string(), 1 => "1 feature targets it".to_string(), n => format!("{n} features target it") }}
                        <button type="button" class="btn btn--small btn--ghost" aria-label=format!("Delete release {n}") on:click=move |_| {
                            if let Some(product) = state.product.get_untracked() {
                                let _ = state.dispatch(Command::Delete { product, kind: Kind::Release, id: rid.clone() });
                            }
                        }>"Delete"</button>
                    </li>
                }).collect_view()}
            </ul>
            <form class="panel-form--row" on:submit=submit data-testid="add-release">
                <div class="field"><label for=name_id.clone()>"Name"</label><input id=name_id type="text" maxlength="300" prop:value=move || line.text.get() on:input=move |ev| line.typed(ev) data-testid="release-name" /></div>
                <div class="field"><label for=date_id.clone()>"Date"</label><input id=date_id type="date" prop:value=move || date.get() on:input=move |ev| date.set(event_target_value(&ev)) data-testid="release-date" /></div>
                <div class="panel-form__buttons"><button type="submit" class="btn">"Add release"</button></div>
                <p class="field-error" role="alert">{move || line.error.get()}</p>
            </form>
        </Section>
    }
}
