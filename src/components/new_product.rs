//! A small form that creates a product and opens it.

use crate::model::{ids::prefix, Command, Product};
use crate::route::Route;
use crate::state::{new_id, AppState};
use leptos::prelude::*;

#[component]
pub fn NewProductForm(#[prop(optional)] compact: bool) -> impl IntoView {
    let state = AppState::expect();
    let name = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let input_id = if compact {
        "new-product-name-compact"
    } else {
        "new-product-name"
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let n = name.get_untracked().trim().to_string();
        if n.is_empty() {
            error.set(Some("Give the product a name.".into()));
            return;
        }
        // On Home the part that makes changes may still be on its way (`crate::engine`).
        leptos::task::spawn_local(async move {
            if let Err(e) = crate::engine::load()
                .await
                .map_err(|_| crate::engine::missing())
            {
                error.set(Some(e.to_string()));
                return;
            }
            let product = Product::new(new_id(prefix::PRODUCT), n.clone());
            let id = product.id.clone();
            match state.dispatch(Command::AddProduct {
                product: Box::new(product),
                index: None,
            }) {
                Ok(()) => {
                    name.set(String::new());
                    error.set(None);
                    state.say(format!("Product “{n}” created."), false);
                    let page = state.route.with_untracked(|r| r.page);
                    state.go(Route::page(page).with_product(Some(id)));
                }
                Err(e) => error.set(Some(e.to_string())),
            }
        });
    };
    view! {
        <form class="new-product" class:new-product--compact=compact on:submit=submit data-testid="new-product-form">
            <label for=input_id>"New product"</label>
            <div class="new-product__row">
                <input
                    id=input_id
                    type="text"
                    placeholder="Product name"
                    maxlength="300"
                    prop:value=move || name.get()
                    on:input=move |ev| name.set(event_target_value(&ev))
                    aria-invalid=move || error.with(|e| e.is_some()).to_string()
                    aria-describedby=format!("{input_id}-error")
                />
                <button type="submit" class="btn btn--primary">"Create product"</button>
            </div>
            <p class="field-error" id=format!("{input_id}-error") role="alert">{move || error.get()}</p>
        </form>
    }
}
