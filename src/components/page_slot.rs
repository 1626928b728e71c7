//! Where the current page is drawn. Every page but Home arrives as its own chunk of wasm the
//! first time it is shown (`crate::pages::load`): meanwhile the slot keeps its height and
//! says what is loading; if the chunk cannot be fetched it says why and what to do, and
//! nothing else on the screen changes.

use crate::pages;
use crate::route::Page;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

/// Why a chunk did not arrive, worked out after the fact (the loader only says it failed).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Missing {
    /// The site could not be reached: try again when the network is back.
    Offline,
    /// The site now serves another build, whose chunks have other names.
    NewBuild,
    /// The site answered, with the same build: a passing failure.
    Other,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Slot {
    Ready(Page),
    Loading(Page),
    Failed(Page, Missing),
}

#[component]
pub fn PageSlot(page: Memo<Page>) -> impl IntoView {
    // Bumped when a chunk arrives.
    let arrived = RwSignal::new(0u32);
    let failed = RwSignal::new(None::<(Page, Missing)>);
    let slot = Memo::new(move |_| {
        arrived.track();
        let page = page.get();
        match failed.get() {
            _ if pages::ready(page).is_some() => Slot::Ready(page),
            Some((p, why)) if p == page => Slot::Failed(page, why),
            _ => Slot::Loading(page),
        }
    });

    // Coming back to a page that failed tries it again.
    Effect::watch(move || page.get(), move |_, _, _| failed.set(None), false);
    Effect::new(move |_| {
        let Slot::Loading(wanted) = slot.get() else {
            return;
        };
        spawn_local(async move {
            match pages::load(wanted).await {
                Ok(_) => {
                    arrived.update(|n| *n += 1);
                    crate::focus::page_arrived();
                }
                Err(_) => {
                    let why = diagnose().await;
                    failed.set(Some((wanted, why)));
                }
            }
        });
    });

    // Back online: a page that failed for want of a network loads by itself.
    let on_online = window_event_listener_untyped("online", move |_| {
        if let Slot::Failed(_, Missing::Offline) = slot.get_untracked() {
            failed.set(None);
        }
    });
    on_cleanup(move || on_online.remove());

    let try_again = move || failed.set(None);
    move || match slot.get() {
        Slot::Ready(page) => pages::ready(page).map(|view| view()),
        Slot::Loading(page) => Some(loading(page).into_any()),
        Slot::Failed(page, why) => Some(failure(page, why, try_again).into_any()),
    }
}

fn loading(page: Page) -> impl IntoView {
    view! {
        <div class="page-loading" data-testid="page-loading">
            // The page's own heading (with the id focus looks for) comes with the page.
            <h1 class="sr-only">{page.title()}</h1>
            <p class="page-loading__text" role="status">{format!("Loading the {}…", page.title())}</p>
        </div>
    }
}

fn failure(page: Page, why: Missing, try_again: impl Fn() + Copy + 'static) -> impl IntoView {
    let name = page.title();
    let (text, reload) = match why {
        Missing::Offline => (
            format!("The {name} page could not be loaded: this browser cannot reach the site, and the page was not kept for offline use yet. Your work is safe; try again when you are back online."),
            false,
        ),
        Missing::NewBuild => (
            format!("A new version of Two Hats was published since this tab opened, and this version's {name} page is no longer on the site. Reload to update: your work is kept in this browser."),
            true,
        ),
        Missing::Other => (
            format!("The {name} page did not load. Your work is safe; try again, or reload the page."),
            false,
        ),
    };
    view! {
        <div class="empty-state page-failed" role="alert" data-testid="page-failed">
            <h1 id="page-title" tabindex="-1">{format!("{name} did not load")}</h1>
            <p>{text}</p>
            <p class="page-failed__actions">
                {(!reload).then(|| view! {
                    <button type="button" class="btn btn--primary" on:click=move |_| try_again() data-testid="page-retry">"Try again"</button>
                })}
                <button
                    type="button"
                    class=if reload { "btn btn--primary" } else { "btn" }
                    on:click=|_| { window().location().reload().ok(); }
                    data-testid="page-reload"
                >
                    {if reload { "Reload to update" } else { "Reload" }}
                </button>
            </p>
        </div>
    }
}

/// Asks the site for its page, past every cache (the service worker lets `?fresh` through),
/// and compares the build it names with the one running here.
async fn diagnose() -> Missing {
    let url = format!("./index.html?fresh={}", js_sys::Date::now() as u64);
    let init = web_sys::RequestInit::new();
    init.set_cache(web_sys::RequestCache::NoStore);
    let fetched = async {
        let response =
            wasm_bindgen_futures::JsFuture::from(window().fetch_with_str_and_init(&url, &init))
                .await
                .ok()?
                .dyn_into::<web_sys::Response>()
                .ok()?;
        let text = wasm_bindgen_futures::JsFuture::from(response.text().ok()?)
            .await
            .ok()?;
        Some((response.ok(), text.as_string().unwrap_or_default()))
    };
    match fetched.await {
        None => Missing::Offline,
        Some((true, html)) => match running_build() {
            Some(build) if !html.contains(&build) => Missing::NewBuild,
            _ => Missing::Other,
        },
        Some((false, _)) => Missing::Other,
    }
}

/// The hashed name of this build's JS, as the page that started it preloads it.
fn running_build() -> Option<String> {
    let link = document()
        .query_selector("link[rel=modulepreload][href*=twohats-]")
        .ok()??;
    let href = link.get_attribute("href")?;
    Some(href.rsplit('/').next()?.to_string())
}
