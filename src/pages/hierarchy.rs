//! Hierarchy: the whole product as an outline, each level with its hat and roll-up.

use crate::components::{HatBadge, NewProductForm, NoProduct, PageHead};
use crate::model::rollup::{
    feature_rollup, key_result_progress, objective_rollup, orphans, product_rollup, theme_rollup,
    Rollup,
};
use crate::model::{Level, Product};
use crate::state::AppState;
use leptos::prelude::*;

fn rollup_text(r: &Rollup) -> String {
    match r.percent_done() {
        Some(pc) => format!(
            "{} items · {} / {} pts · {:.0}% done",
            r.items, r.points_done, r.points, pc
        ),
        None => "no items yet".to_string(),
    }
}

#[component]
pub fn HierarchyPage() -> impl IntoView {
    let state = AppState::expect();
    let product = Memo::new(move |_| {
        state
            .product_id()
            .and_then(|id| state.ws.with(|w| w.product(&id).cloned()))
    });
    view! {
        <PageHead
            title="Hierarchy"
            level=Level::Product
            lead="The whole product at once: objectives, themes, features and backlog items, each with the hat that owns it."
        />
        {move || match product.get() {
            None => view! { <NoProduct what="The hierarchy" /> }.into_any(),
            Some(p) => view! { <Outline p=p /> <NewProductForm compact=true /> }.into_any(),
        }}
    }
}

#[component]
fn Outline(p: Product) -> impl IntoView {
    let total = product_rollup(&p);
    let loose = orphans(&p);
    let vision = &p.vision;
    let vision_text = if vision.for_whom.is_empty() && vision.product.is_empty() {
        "No vision statement yet.".to_string()
    } else {
        format!(
            "For {} {}, {} — {}.",
            vision.for_whom, vision.need, vision.product, vision.differentiator
        )
    };
    let objectives = p
        .objectives
        .iter()
        .map(|o| {
            let krs = o
                .key_results
                .iter()
                .map(|k| {
                    let pc = key_result_progress(k).map(|v| format!("{v:.0}%")).unwrap_or_else(|| "—".into());
                    view! { <li class="kr">{format!("{}: {} → {} (now {}) {}", k.title, k.start, k.target, k.current, k.unit)}<span class="kr__pc">{pc}</span></li> }
                })
                .collect_view();
            let themes = p
                .themes
                .iter()
                .filter(|t| t.objective.as_ref() == Some(&o.id))
                .map(|t| theme_view(&p, t))
                .collect_view();
            view! {
                <li class="tree__node" data-level="objective">
                    <div class="tree__row"><HatBadge level=Level::Objective /><span class="tree__title">{o.title.clone()}</span><span class="tree__meta">{rollup_text(&objective_rollup(&p, &o.id))}</span></div>
                    <ul class="kr-list">{krs}</ul>
                    <ul class="tree">{themes}</ul>
                </li>
            }
        })
        .collect_view();
    let loose_themes = p
        .themes
        .iter()
        .filter(|t| t.objective.is_none())
        .map(|t| theme_view(&p, t))
        .collect_view();
    view! {
        <section class="section" data-testid="outline">
            <div class="tree__row tree__row--product">
                <HatBadge level=Level::Product />
                <h2 class="tree__title">{p.name.clone()}</h2>
                <span class="tree__meta">{rollup_text(&total)}</span>
            </div>
            <p class="muted">{vision_text}</p>
            {(!p.goal.is_empty()).then(|| view! { <p><strong>"Product goal: "</strong>{p.goal.clone()}</p> })}
            <ul class="tree">{objectives}{loose_themes}</ul>
            <p class="muted" data-testid="orphans">
                {format!(
                    "Loose ends: {} items with no feature, {} features with no theme, {} themes with no objective.",
                    loose.items.len(), loose.features.len(), loose.themes.len()
                )}
            </p>
        </section>
    }
}

fn theme_view(p: &Product, t: &crate::model::Theme) -> impl IntoView {
    let features = p
        .features
        .iter()
        .filter(|f| f.theme.as_ref() == Some(&t.id))
        .map(|f| {
            let items = p
                .items
                .iter()
                .filter(|i| i.feature.as_ref() == Some(&f.id))
                .map(|i| view! {
                    <li class="tree__node" data-level="item">
                        <div class="tree__row"><HatBadge level=Level::Item /><span class=format!("kind kind--{}", i.kind.key())>{i.kind.label()}</span><span class="tree__title">{i.title.clone()}</span><span class="tree__meta">{i.estimate.map(|e| format!("{e} pts")).unwrap_or_default()}</span></div>
                    </li>
                })
                .collect_view();
            view! {
                <li class="tree__node" data-level="feature">
                    <div class="tree__row"><HatBadge level=Level::Feature /><span class="tree__title">{f.title.clone()}</span><span class="tree__meta">{format!("{} · {}", f.status.label(), rollup_text(&feature_rollup(p, &f.id)))}</span></div>
                    <ul class="tree">{items}</ul>
                </li>
            }
        })
        .collect_view();
    view! {
        <li class="tree__node" data-level="theme">
            <div class="tree__row">
                <HatBadge level=Level::Theme />
                <span class="swatch" style:background-color=t.colour.clone() aria-hidden="true"></span>
                <span class="tree__title">{t.name.clone()}</span>
                <span class="tree__meta">{rollup_text(&theme_rollup(p, &t.id))}</span>
            </div>
            <ul class="tree">{features}</ul>
        </li>
    }
}
