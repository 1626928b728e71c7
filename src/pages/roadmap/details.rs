//! The selected feature's details (kept when switching views) and the releases list.

use super::ui::{edit_feature, month_label, with_product, RoadmapUi};
use crate::components::depends_on::{DependsOn, Other};
use crate::components::fields::uid;
use crate::components::{AddLine, EnumSelect, OptionSelect, Section};
use crate::model::rollup::feature_rollup;
use crate::model::slips::slip_of;
use crate::model::{ids::prefix, Command, Day, Entity, Feature, FeatureStatus, Id, Kind, Release};
use crate::route::{Page, Route};
use crate::state::read_product;
use crate::state::{new_id, AppState};
use crate::text::numbers::{fixed, points};
use leptos::prelude::*;

#[component]
pub(crate) fn FeatureDetails(id: Id) -> impl IntoView {
    let ui = RoadmapUi::expect();
    let state = ui.state;
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
            let slip = slip_of(p, &f.id);
            Some((f, theme.map(|t| t.name), objective, r, releases, slip))
        })
        .flatten()
    });
    let deps = dependencies(state, id);
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
                {move || data.get().map(|(f, theme, objective, r, _, slip)| {
                    view! {
                        <div class="item-panel__head">
                            <h2 id="feature-details-title">{f.title.clone()}</h2>
                            <button type="button" class="btn btn--ghost btn--small" on:click=move |_| ui.select(None)>"Close"</button>
                        </div>
                        <dl class="facts">
                            <dt>"Theme"</dt><dd>{theme.unwrap_or_else(|| crate::text::NO_THEME.into())}</dd>
                            <dt>"Objective"</dt><dd>{objective.unwrap_or_else(|| "⚠ None: this feature serves no objective".into())}</dd>
                            <dt>"Dates"</dt><dd>{match (f.start, f.end) { (Some(s), Some(e)) => format!("{} – {}", month_label(s), month_label(e)), _ => "Not on the timeline".into() }}</dd>
                            <dt>"Progress"</dt><dd data-testid="feature-progress">{match r.percent_done() { Some(p) => format!("{}% done · {} items · {}/{} pts", fixed(p, 0), r.items, points(r.points_done), points(r.points)), None => "Not broken down into backlog items yet".into() }}</dd>
                            {slip.map(|s| view! { <dt>"Slips"</dt><dd class="facts__slip" data-testid="feature-slip">{crate::text::slip(&s)}</dd> })}
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
                <DependsOn
                    noun="feature"
                    waits_for=Signal::derive(move || deps.with(|d| d.0.clone()))
                    blocks=Signal::derive(move || deps.with(|d| d.1.clone()))
                    find=Callback::new(move |q: String| deps.with(|d| d.2.iter().filter(|o| o.title.to_lowercase().contains(&q)).cloned().collect()))
                    set=Callback::new(move |ids: Vec<Id>| {
                        let f = with_product(state, |p| p.feature(&id.get_value()).cloned()).flatten();
                        state.edit_entity(f, "This feature no longer exists.", |f| f.depends_on = ids, Entity::Feature)
                    })
                    open=Callback::new(move |other: Id| ui.select(Some(other)))
                    testid="feature-depends"
                />
                <p class="card__links">
                    <a href=tree_link.clone()>"Edit in the hierarchy"</a>
                    <a href=items_link.clone()>"Backlog"</a>
                </p>
            </Show>
        </aside>
    }
}

/// What feature `id` waits for, what waits for it, and the product's other features (for
/// the search), as the "Waits for" editor shows them.
type Dependencies = (Vec<Other>, Vec<Other>, Vec<Other>);

fn dependencies(state: AppState, id: StoredValue<Id>) -> Memo<Dependencies> {
    Memo::new(move |_| {
        read_product(state, |p| {
            let me = id.get_value();
            let other = |f: &Feature| Other {
                id: f.id.clone(),
                title: f.title.clone(),
                done: f.status == FeatureStatus::Done,
            };
            let Some(f) = p.feature(&me) else {
                return Dependencies::default();
            };
            (
                f.depends_on
                    .iter()
                    .filter_map(|b| p.feature(b))
                    .map(other)
                    .collect(),
                p.features
                    .iter()
                    .filter(|x| x.depends_on.contains(&me))
                    .map(other)
                    .collect(),
                p.features
                    .iter()
                    .filter(|x| x.id != me)
                    .map(other)
                    .collect(),
            )
        })
        .unwrap_or_default()
    })
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
