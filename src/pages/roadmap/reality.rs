//! The reality check: for each horizon and each quarter on screen, how far the PO's
//! backlog backs the PM's plan.

use super::ui::RoadmapUi;
use crate::components::{Section, WideTable};
use crate::model::roadmap::{reality_with, Bucket};
use crate::model::slips::slips;
use crate::model::Horizon;
use crate::state::read_product;
use crate::state::AppState;
use crate::text::numbers::points;
use leptos::prelude::*;

#[component]
pub(crate) fn RealityCheck() -> impl IntoView {
    let state = AppState::expect();
    let ui = RoadmapUi::expect();
    let rows = Memo::new(move |_| {
        let w = ui.window();
        read_product(state, |p| {
            let mut buckets: Vec<(String, Bucket)> = Horizon::ALL
                .iter()
                .map(|h| (h.label().to_string(), Bucket::Horizon(*h)))
                .collect();
            buckets.extend(
                w.quarters()
                    .into_iter()
                    .map(|q| (crate::text::quarter(q), Bucket::Quarter(q))),
            );
            // Slips once for every row: each works out the whole forecast.
            let slipping = slips(p);
            buckets
                .into_iter()
                .map(|(label, b)| (label, reality_with(p, &b, &slipping)))
                .collect::<Vec<_>>()
        })
        .unwrap_or_default()
    });
    view! {
        <Section name="reality" title="Reality check: does the backlog carry the plan?" testid="reality">
            <p class="muted">"Horizons are taken as a quarter each; quarters count the features that end in them. Capacity is the velocity times the sprints that fit in a quarter."</p>
            <WideTable label="Reality check table">
                <thead><tr>
                    <th scope="col">"Horizon / quarter"</th>
                    <th scope="col" class="num">"Features"</th>
                    <th scope="col" class="num">"Broken down"</th>
                    <th scope="col" class="num">"Items"</th>
                    <th scope="col" class="num">"Estimated"</th>
                    <th scope="col" class="num">"Ready or done"</th>
                    <th scope="col" class="num">"Points left"</th>
                    <th scope="col" class="num">"Capacity"</th>
                    <th scope="col" class="num">"Slipping"</th>
                    <th scope="col">"Verdict"</th>
                </tr></thead>
                <tbody>
                    {move || rows.get().into_iter().map(|(label, r)| {
                        let slip = r.slipping != 0;
                        let ok = r.features == 0 || crate::text::verdict(&r) == "Plan and backlog agree.";
                        view! {
                            <tr data-testid="reality-row">
                                <th scope="row">{label}</th>
                                <td class="num">{r.features}</td>
                                <td class="num">{r.broken_down}</td>
                                <td class="num">{r.items}</td>
                                <td class="num">{r.estimated}</td>
                                <td class="num">{r.ready}</td>
                                <td class="num">{points(r.points_left)}</td>
                                <td class="num">{r.capacity.map(points).unwrap_or_else(|| "—".into())}</td>
                                <td class="num" class:verdict--gap=slip data-testid="reality-slipping">{r.slipping}</td>
                                <td class:verdict--ok=ok class:verdict--gap=!ok>{crate::text::verdict(&r)}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </WideTable>
        </Section>
    }
}
