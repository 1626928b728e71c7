//! Paging for long lists: only the first rows are drawn, and more are drawn as the list
//! is scrolled near its end, or on demand. A Leptos list of 10,000 rows takes most of a
//! second to render; a page takes a few milliseconds, so a search keystroke answers
//! within a frame or two. Every row drawn stays in the normal tab order and reading order, which
//! windowing by scroll position would break for keyboard and screen-reader users; the
//! buttons stay for them. Before printing, the whole list is drawn.

use crate::text::numbers::thousands;
use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// How many rows a long list draws at first, and adds each time: more than a screen of
/// rows, so the end of the list is not near the screen and no second page follows at
/// once (a list may choose a smaller page: see the backlog's).
pub const PAGE: usize = 50;

/// Lists up to this long are drawn whole (the samples' backlogs, a training session's
/// outline): paging them would hide a few rows for little gain.
pub const WHOLE: usize = 60;

/// How many of `total` rows are drawn when `limit` allows that many.
pub fn drawn(total: usize, limit: usize) -> usize {
    if total <= WHOLE {
        total
    } else {
        total.min(limit)
    }
}

/// Draws enough pages of a list (`limit` rows of `page`) that row `at` is drawn, so a
/// link or a jump to a row far down the list can focus it.
pub fn reveal(limit: RwSignal<usize>, at: usize, page: usize) {
    if at >= limit.get_untracked() {
        limit.set((at / page + 1) * page);
    }
}

/// How far below the screen the end of the list starts drawing the next page, so a
/// steady scroll rarely reaches the end of what is drawn.
const AHEAD: &str = "0px 0px 800px 0px";

/// "Showing 50 of 10,000 — Show 50 more / Show all", or nothing when all are shown.
/// With `auto`, the next page is drawn when this bar scrolls near the screen.
#[component]
pub fn MoreRows(
    total: Signal<usize>,
    limit: RwSignal<usize>,
    #[prop(into)] noun: String,
    /// Rows added per page.
    #[prop(default = PAGE)]
    page: usize,
    #[prop(optional)] auto: bool,
    /// With `auto`: how many rows a print shows at least (all when not given).
    #[prop(optional)]
    print_rows: Option<usize>,
) -> impl IntoView {
    let noun = StoredValue::new(noun);
    let bar = NodeRef::<Div>::new();
    if auto {
        load_when_near(bar, limit, page);
        // A printed list is the whole list (print.css lays it out for paper). The
        // listener runs before the browser lays the page out for print, and the rows
        // are drawn in the microtask that follows it.
        let on_print = window_event_listener_untyped("beforeprint", move |_| {
            limit.set(print_rows.map_or(usize::MAX, |n| limit.get_untracked().max(n)));
        });
        on_cleanup(move || on_print.remove());
    }
    view! {
        <Show when=move || { drawn(total.get(), limit.get()) < total.get() }>
            <div node_ref=bar class="more-rows" role="group" aria-label="More rows" data-testid="more-rows">
                <span>{move || format!("Showing {} of {} {}", thousands(drawn(total.get(), limit.get())), thousands(total.get()), noun.get_value())}</span>
                <button type="button" class="btn btn--small" on:click=move |_| limit.update(|l| *l = l.saturating_add(page))>
                    {move || format!("Show {} more", page.min(total.get().saturating_sub(limit.get())))}
                </button>
                <button type="button" class="btn btn--small btn--ghost" on:click=move |_| limit.set(usize::MAX)>"Show all"</button>
            </div>
        </Show>
    }
}

/// Draws another page whenever the bar comes within `AHEAD` of the screen. After each
/// page the bar is observed afresh: if it is still near (a tall screen, short rows) the
/// observer reports it again and another page follows, until the screen is full.
fn load_when_near(bar: NodeRef<Div>, limit: RwSignal<usize>, page: usize) {
    let observer = StoredValue::new_local(None::<web_sys::IntersectionObserver>);
    let callback = Closure::<dyn Fn(js_sys::Array, web_sys::IntersectionObserver)>::new(
        move |entries: js_sys::Array, obs: web_sys::IntersectionObserver| {
            let near = entries.iter().any(|e| {
                e.unchecked_into::<web_sys::IntersectionObserverEntry>()
                    .is_intersecting()
            });
            if !near {
                return;
            }
            limit.update(|l| *l = l.saturating_add(page));
            // Re-observing makes the observer report the bar's new position once more.
            request_animation_frame(move || {
                if let Some(el) = bar.get_untracked() {
                    obs.unobserve(&el);
                    obs.observe(&el);
                }
            });
        },
    );
    let options = web_sys::IntersectionObserverInit::new();
    options.set_root_margin(AHEAD);
    let Ok(obs) = web_sys::IntersectionObserver::new_with_options(
        callback.as_ref().unchecked_ref(),
        &options,
    ) else {
        // Without the observer the buttons still draw more.
        return;
    };
    observer.set_value(Some(obs));
    // The closure must live as long as the observer: both go with this component.
    let callback = StoredValue::new_local(callback);
    // The bar comes and goes with `Show`: observe each new one.
    Effect::new(move |_| {
        if let Some(el) = bar.get() {
            observer.with_value(|o| {
                if let Some(o) = o {
                    o.disconnect();
                    o.observe(&el);
                }
            });
        }
    });
    on_cleanup(move || {
        observer.with_value(|o| {
            if let Some(o) = o {
                o.disconnect();
            }
        });
        callback.dispose();
    });
}
