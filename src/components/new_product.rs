//! A small form that creates a product and opens it.

use crate::model::{ids::prefix, Command, Product};
use crate::route::Route;
use crate::state::{new_id, AppState};
use leptos::prelude::*;

#[component]
pub fn NewProductForm(#[prop(optional)] compact: bool) -> impl IntoView {
    let state = AppState::expect();
    let line = super::AddLine::new();
    let input_id = if compact {
        "new-product-name-compact"
    } else {
        "new-product-name"
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(n) = line.take("Give the product a name.") else {
            return;
        };
        // On Home the part that makes changes may still be on its way (`crate::engine`).
        leptos::task::spawn_local(async move {
            if let Err(e) = crate::engine::load()
                .await
                .map_err(|_| crate::engine::missing())
            {
                line.error.set(Some(e.to_string()));
                return;
            }
            let product = Product::new(new_id(prefix::PRODUCT), n.clone());
            let id = product.id.clone();
            let cmd = Command::AddProduct {
                product: Box::new(product),
                index: None,
            };
            if line.done(state.dispatch(cmd)) {
                state.say(format!("Product “{n}” created."), false);
                let page = state.route.with_untracked(|r| r.page);
                state.go(Route::page(page).with_product(Some(id)));
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
                    prop:value=move || line.text.get()
                    on:input=move |ev| line.typed(ev)
                    aria-invalid=move || line.error.with(Option::is_some).to_string()
                    aria-describedby=format!("{input_id}-error")
                />
                <button type="submit" class="btn btn--primary">"Create product"</button>
            </div>
            <p class="field-error" id=format!("{input_id}-error") role="alert">{move || line.error.get()}</p>
        </form>
    }
}
