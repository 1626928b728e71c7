//! The styles of every page but Home (style/build/pages.css, joined from style/pages/ by
//! scripts/join_css.py) are not in the first load: the first page shown fetches them with
//! its chunk. scripts/post_build.py names the file in `<meta name="twohats-later-css">` in
//! place of a link.

use crate::lazy::ChunkMissing;
use leptos::prelude::document;
use std::cell::Cell;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

thread_local! {
    static LOADED: Cell<bool> = const { Cell::new(false) };
}

/// Starts fetching the styles now (unless they are here) and returns what to await: the
/// browser fetches them while the page's chunk arrives.
pub fn start() -> Option<JsFuture> {
    if LOADED.with(Cell::get) {
        return None;
    }
    let doc = document();
    let href = doc
        .query_selector("meta[name=twohats-later-css]")
        .ok()??
        .get_attribute("content")?;
    // A failed attempt's link goes; a new one asks again.
    if let Some(old) = doc.get_element_by_id("page-styles") {
        old.remove();
    }
    let link = doc.create_element("link").ok()?;
    link.set_id("page-styles");
    link.set_attribute("rel", "stylesheet").ok()?;
    link.set_attribute("href", &href).ok()?;
    let arrived = js_sys::Promise::new(&mut |resolve, reject| {
        link.add_event_listener_with_callback("load", &resolve).ok();
        link.add_event_listener_with_callback("error", &reject).ok();
    });
    // Before the print styles, which must win when printing, as in index.html's order.
    let head = doc.head()?;
    let print = doc
        .query_selector("link[rel=stylesheet][media=print]")
        .ok()
        .flatten();
    head.insert_before(&link, print.as_ref().map(|p| p.unchecked_ref()))
        .ok()?;
    Some(JsFuture::from(arrived))
}

/// Waits for what `start` began.
pub async fn arrived(started: Option<JsFuture>) -> Result<(), ChunkMissing> {
    match started {
        None => Ok(()),
        Some(future) => {
            future.await.map_err(|_| ChunkMissing)?;
            LOADED.with(|l| l.set(true));
            Ok(())
        }
    }
}
