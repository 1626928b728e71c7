//! Entry point: install the panic hook and mount the app. Nothing else lives here.

#[cfg(target_arch = "wasm32")]
fn main() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show_fatal();
    }));
    if let Some(boot) = leptos::prelude::document().get_element_by_id("boot") {
        boot.remove();
    }
    leptos::mount::mount_to_body(twohats::App);
}

/// A bug stopped the app: say so on the page rather than leave it frozen. The document
/// itself is safe — everything before the failed change was saved.
#[cfg(target_arch = "wasm32")]
fn show_fatal() {
    let doc = leptos::prelude::document();
    let (Ok(p), Some(body)) = (doc.create_element("p"), doc.body()) else {
        return;
    };
    p.set_class_name("fatal");
    p.set_attribute("role", "alert").ok();
    p.set_text_content(Some(
        "Something went wrong and Two Hats stopped. Reload the page: your saved work is kept in this browser (a change made in the last moment may be missing).",
    ));
    body.append_child(&p).ok();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "Two Hats runs in the browser: build it with `trunk build --release` (see README.md)."
    );
}
