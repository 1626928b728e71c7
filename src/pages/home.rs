//! Home: the welcome on a first visit, an overview of the portfolio afterwards.

use crate::components::{NewProductForm, PageHead};
use crate::model::rollup::product_rollup;
use crate::model::Product;
use crate::route::{Page, Route};
use crate::state::AppState;
use crate::text::numbers::points;
use leptos::prelude::*;

#[component]
pub fn HomePage() -> impl IntoView {
    let state = AppState::expect();
    let show_welcome = move || state.first_visit.get() && state.ws.with(|w| w.products.is_empty());
    view! {
        <Show when=show_welcome fallback=|| view! { <Overview /> }>
            <Welcome />
        </Show>
    }
}

#[component]
fn Welcome() -> impl IntoView {
    let state = AppState::expect();
    view! {
        <section class="welcome" data-testid="welcome">
            <h1 id="page-title" tabindex="-1">"Plan your product, and see who wears which hat"</h1>
            <p class="welcome__lead">
                "Two Hats keeps your whole product — vision, objectives, themes, features, backlog and sprints — in this browser, and shows at every level whether it is the Product Manager's or the Product Owner's to decide."
            </p>
            <div class="welcome__choices">
                <WelcomeChoice
                    title="Try it with a sample"
                    text="Two linked products with OKRs, four themes, ten features, forty backlog items and three sprints: a ready start for a training session."
                    button="Load the sample product"
                    primary=true
                    on_click=move || state.load_sample()
                    testid="load-sample"
                />
                <WelcomeChoice
                    title="Start with your own product"
                    text="Begin with an empty workspace and create your first product."
                    button="Start empty"
                    on_click=move || state.start_empty()
                    testid="start-empty"
                />
            </div>
            <p class="welcome__note">
                "Everything stays on this device: no account, no server. Export a file from the Data page whenever you want a copy."
            </p>
        </section>
    }
}

#[component]
fn Overview() -> impl IntoView {
    let state = AppState::expect();
    view! {
        <PageHead
            title="Your portfolio"
            lead="Pick a product to plan, or learn the two roles in the explainer and the training."
        />
        <Show
            // No "No products yet" while an older version's products are being read.
            when=move || state.reading_older.get() || state.ws.with(|w| !w.products.is_empty())
            fallback=move || view! {
                <div class="empty-state" data-testid="empty-portfolio">
                    <h2>"No products yet"</h2>
                    <p>"Create your first product below, or load the sample to explore with realistic data."</p>
                    <button type="button" class="btn" on:click=move |_| state.load_sample() data-testid="load-sample">
                        "Load the sample product"
                    </button>
                </div>
            }
        >
            <ul class="card-grid" data-testid="product-cards">
                {move || state.ws.with(|w| w.products.iter().map(product_card).collect_view())}
            </ul>
        </Show>
        <NewProductForm />
    }
}

/// A product's card: its goal, its size and progress, and links to its three views.
fn product_card(p: &Product) -> impl IntoView {
    let r = product_rollup(p);
    let link = |page| Route::page(page).with_product(Some(p.id.clone())).href();
    let goal = if p.goal.is_empty() {
        "No product goal yet."
    } else {
        &p.goal
    };
    view! {
        <li class="card">
            <h2 class="card__title"><a href=link(Page::Hierarchy)>{p.name.clone()}</a></h2>
            <p class="card__text">{goal.to_string()}</p>
            <p class="card__meta">
                {format!("{} features · {} items · {} of {} points done", p.features.len(), r.items, points(r.points_done), points(r.points))}
            </p>
            <p class="card__links">
                <a href=link(Page::Roadmap)>"Roadmap"</a>
                <a href=link(Page::Backlog)>"Backlog"</a>
            </p>
        </li>
    }
}

/// One of the two ways to begin: what it gives, and the button that takes it.
#[component]
fn WelcomeChoice(
    title: &'static str,
    text: &'static str,
    button: &'static str,
    #[prop(optional)] primary: bool,
    on_click: impl Fn() + 'static,
    testid: &'static str,
) -> impl IntoView {
    view! {
        <div class="choice">
            <h2>{title}</h2>
            <p>{text}</p>
            <button type="button" class="btn btn--large" class:btn--primary=primary on:click=move |_| on_click() data-testid=testid>
                {button}
            </button>
        </div>
    }
}
