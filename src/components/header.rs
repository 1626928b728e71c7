//! The app header: brand, product switcher, navigation and undo/redo.

use crate::route::{Page, Route};
use crate::state::{AppState, TabView};
use leptos::prelude::*;

#[component]
pub fn Header() -> impl IntoView {
    let state = AppState::expect();
    let on_switch = move |ev: leptos::ev::Event| {
        let v = event_target_value(&ev);
        let page = state.route.with_untracked(|r| r.page);
        let page = if page == Page::Home {
            Page::Hierarchy
        } else {
            page
        };
        match crate::model::Id::parse(&v) {
            Ok(id) => state.go(Route::page(page).with_product(Some(id))),
            Err(_) => state.go(Route::page(Page::Hierarchy).with_focus("new-product")),
        }
    };
    view! {
        <header class="app-header">
            <a class="app-header__brand" href="#/" aria-label="Two Hats, home">
                <span class="brand-mark" aria-hidden="true">"◐"</span>
                "Two Hats"
            </a>
            <div class="app-header__product">
                <label for="product-switcher" class="sr-only">"Product"</label>
                <select id="product-switcher" data-testid="product-switcher" on:change=on_switch>
                    {move || {
                        let current = state.product_id();
                        let products = state.ws.with(|w| {
                            w.products.iter().map(|p| (p.id.clone(), p.name.clone())).collect::<Vec<_>>()
                        });
                        let none = products.is_empty();
                        view! {
                            {none.then(|| view! { <option value="" selected=true>"No product yet"</option> })}
                            {products
                                .into_iter()
                                .map(|(id, name)| {
                                    let selected = current.as_ref() == Some(&id);
                                    view! { <option value=id.to_string() selected=selected>{name}</option> }
                                })
                                .collect_view()}
                            <option value="__new">"+ New product…"</option>
                        }
                    }}
                </select>
            </div>
            <nav class="app-nav" aria-label="Main">
                <ul>
                    {Page::NAV
                        .into_iter()
                        .map(|page| {
                            let current = move || state.route.with(|r| r.page == page);
                            view! {
                                <li>
                                    <a
                                        href=move || state.link(page)
                                        aria-current=move || current().then_some("page")
                                        data-testid=format!("nav-{}", page.slug())
                                    >
                                        {page.title()}
                                    </a>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </nav>
            <div class="app-header__history" role="group" aria-label="History and theme">
                <crate::components::ThemeToggle />
                {history_button(state, ("Undo", "undo"), "Ctrl+Z", |v| &v.undo, AppState::undo)}
                {history_button(state, ("Redo", "redo"), "Ctrl+Shift+Z", |v| &v.redo, AppState::redo)}
            </div>
        </header>
    }
}

/// Undo or Redo (`word`; `name` in lower case, as a test id and in "Nothing to …"): off
/// when there is nothing to take back, its title naming what would be. (Both spellings
/// are given: `to_lowercase` would bring Unicode's case tables into the first load.)
fn history_button(
    state: AppState,
    (word, name): (&'static str, &'static str),
    keys: &'static str,
    next: fn(&TabView) -> &Option<String>,
    run: fn(&AppState),
) -> impl IntoView {
    let title = move || match state.tab_view.with(|v| next(v).clone()) {
        Some(l) => format!("{word} {l} ({keys})"),
        None => format!("Nothing to {name}"),
    };
    view! {
        <button
            type="button"
            class="btn btn--ghost"
            disabled=move || state.tab_view.with(|v| next(v).is_none())
            title=title
            on:click=move |_| run(&state)
            data-testid=name
        >
            {word}
        </button>
    }
}
