#![cfg(target_arch = "wasm32")]
//! Browser tests: the real app mounted in headless Chromium, driven through its DOM,
//! checked in the DOM and in localStorage.

use leptos::tachys::view::any_view::AnyViewState;
use leptos::{prelude::*, task::tick};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

fn storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

fn keys() -> Vec<String> {
    let s = storage();
    (0..s.length().unwrap())
        .filter_map(|i| s.key(i).unwrap())
        .collect()
}

/// Mounts the app at `hash` in a fresh container on an empty or prepared storage.
async fn mount(hash: &str) -> (UnmountHandle<AnyViewState>, HtmlElement) {
    web_sys::window()
        .unwrap()
        .location()
        .set_hash(hash)
        .unwrap();
    let container: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&container).unwrap();
    let handle = mount_to(container.clone(), || twohats::App().into_any());
    tick().await;
    // Every page but Home arrives a moment later (`pages::load`), in a build that is not
    // split too.
    for _ in 0..100 {
        if container
            .query_selector("[data-testid=page-loading]")
            .unwrap()
            .is_none()
        {
            break;
        }
        tick().await;
    }
    (handle, container)
}

/// Lets the app react, then hides the page as a user leaving it would: saves wait a
/// moment, and `pagehide` writes them at once.
async fn settle() {
    tick().await;
    web_sys::window()
        .unwrap()
        .dispatch_event(&web_sys::Event::new("pagehide").unwrap())
        .unwrap();
    tick().await;
}

fn find(root: &HtmlElement, selector: &str) -> HtmlElement {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no element matches {selector}"))
        .unchecked_into()
}

/// The storage banners' text, once they are there: they are a chunk of their own
/// (`components::notices`), which arrives a moment later in a build that is not split too.
async fn notice_text(root: &HtmlElement) -> String {
    for _ in 0..100 {
        if root
            .query_selector("[data-testid=notice]")
            .unwrap()
            .is_some()
        {
            break;
        }
        tick().await;
    }
    text(root, "[data-testid=notice]")
}

fn text(root: &HtmlElement, selector: &str) -> String {
    let nodes = root.query_selector_all(selector).unwrap();
    (0..nodes.length())
        .filter_map(|i| nodes.item(i))
        .map(|n| n.text_content().unwrap_or_default())
        .collect::<Vec<_>>()
        .join("\n")
}

fn type_into(root: &HtmlElement, selector: &str, value: &str) {
    let input: HtmlInputElement = find(root, selector).unchecked_into();
    input.set_value(value);
    input
        .dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
}

async fn create_product(root: &HtmlElement, name: &str) {
    type_into(root, "#new-product-name", name);
    find(root, "[data-testid=new-product-form] button[type=submit]").click();
    settle().await;
}

/// A product envelope the stored meta names (superseded revisions linger a few seconds
/// before their clean-up, and are not the document). With no readable meta, any.
fn stored_product_containing(needle: &str) -> Option<String> {
    let named = storage()
        .get_item("twohats.meta")
        .unwrap()
        .and_then(|m| twohats::storage::format::referenced_keys(&m));
    keys()
        .into_iter()
        .filter(|k| k.starts_with("twohats.product."))
        .filter(|k| named.as_ref().is_none_or(|n| n.contains(k)))
        .filter_map(|k| storage().get_item(&k).unwrap())
        .find(|v| v.contains(needle))
}

#[wasm_bindgen_test]
async fn a_product_created_in_the_ui_is_in_local_storage() {
    storage().clear().unwrap();
    let (_app, root) = mount("#/hierarchy").await;
    assert!(text(&root, "[data-testid=no-product]").contains("No product yet"));

    create_product(&root, "Atlas <b>bold</b>").await;

    let meta = storage()
        .get_item("twohats.meta")
        .unwrap()
        .expect("meta written");
    assert!(meta.contains("\"version\":3"), "{meta}");
    let product = stored_product_containing("Atlas <b>bold</b>").expect("product key written");
    assert!(product.contains("\"format\":\"twohats\""));
    // The name is shown as text, never parsed as markup.
    assert!(text(&root, "#product-switcher").contains("Atlas <b>bold</b>"));
    assert!(root
        .query_selector("#product-switcher b")
        .unwrap()
        .is_none());
}

#[wasm_bindgen_test]
async fn undo_removes_the_product_from_storage_and_redo_brings_it_back() {
    storage().clear().unwrap();
    let (_app, root) = mount("#/hierarchy").await;
    create_product(&root, "Undoable").await;
    assert!(stored_product_containing("Undoable").is_some());

    find(&root, "[data-testid=undo]").click();
    // At once, not after the save delay: another tab could not replay an undo.
    assert!(
        stored_product_containing("Undoable").is_none(),
        "undo must reach storage at once"
    );
    settle().await;
    assert!(!text(&root, "#product-switcher").contains("Undoable"));

    find(&root, "[data-testid=redo]").click();
    settle().await;
    assert!(
        stored_product_containing("Undoable").is_some(),
        "redo must reach storage"
    );
}

#[wasm_bindgen_test]
async fn corrupt_storage_is_backed_up_and_a_banner_says_so() {
    storage().clear().unwrap();
    storage()
        .set_item("twohats.meta", "{\"format\":\"twohats\",\"vers")
        .unwrap();
    storage()
        .set_item("twohats.product.p-1.1", "precious half-written data")
        .unwrap();
    let (_app, root) = mount("#/").await;

    let banner = notice_text(&root).await;
    assert!(banner.contains("could not be read"), "{banner}");
    let backups: Vec<String> = keys()
        .into_iter()
        .filter(|k| k.starts_with("twohats.backup."))
        .collect();
    assert_eq!(backups.len(), 1, "{:?}", keys());
    let backup = storage().get_item(&backups[0]).unwrap().unwrap();
    assert!(backup.contains("precious half-written data"), "{backup}");
    assert!(backup.contains("\\\"vers"), "{backup}");
    assert!(
        banner.contains(&backups[0]),
        "the banner names the backup key"
    );
    assert!(root
        .query_selector("[data-testid=notice] [data-testid=download-raw]")
        .unwrap()
        .is_some());

    // The app works on a fresh workspace, and saving it leaves the backup alone.
    create_product(&root, "Fresh start").await;
    assert!(stored_product_containing("Fresh start").is_some());
    assert_eq!(storage().get_item(&backups[0]).unwrap().unwrap(), backup);
}

#[wasm_bindgen_test]
async fn a_document_from_a_newer_version_is_never_written_over() {
    storage().clear().unwrap();
    let newer = r#"{"format":"twohats","version":99,"portfolio":{"name":"Future"},"products":[]}"#;
    storage().set_item("twohats.meta", newer).unwrap();
    let (_app, root) = mount("#/hierarchy").await;
    assert!(notice_text(&root).await.contains("newer version"));

    create_product(&root, "Made in old app").await;
    assert!(
        text(&root, "#product-switcher").contains("Made in old app"),
        "the app still works in memory"
    );
    assert_eq!(
        storage().get_item("twohats.meta").unwrap().as_deref(),
        Some(newer)
    );
    assert!(stored_product_containing("Made in old app").is_none());
}

#[wasm_bindgen_test]
async fn a_full_quota_keeps_the_change_in_memory_and_says_so() {
    storage().clear().unwrap();
    let (_app, root) = mount("#/hierarchy").await;
    create_product(&root, "Before full").await;
    // Fill the quota to the last few characters so the next save cannot fit.
    let mut n = 0;
    for size in [512 * 1024, 1024, 16, 1] {
        let chunk = "x".repeat(size);
        while storage().set_item(&format!("f{n}"), &chunk).is_ok() {
            n += 1;
        }
    }

    type_into(
        &root,
        "#new-product-name-compact",
        "After full, with a long name to need space",
    );
    find(&root, ".new-product--compact button[type=submit]").click();
    settle().await;

    let banner = notice_text(&root).await;
    assert!(banner.contains("was not saved"), "{banner}");
    assert!(banner.contains("full"), "{banner}");
    assert!(
        text(&root, "#product-switcher").contains("After full"),
        "kept in memory"
    );
    assert!(
        stored_product_containing("Before full").is_some(),
        "earlier data intact"
    );
    storage().clear().unwrap();
}

/// Every `twohats.*` key with its value.
fn snapshot() -> std::collections::BTreeMap<String, String> {
    keys()
        .into_iter()
        .filter(|k| k.starts_with("twohats."))
        .map(|k| {
            let v = storage().get_item(&k).unwrap().unwrap();
            (k, v)
        })
        .collect()
}

/// Keys added or rewritten between two snapshots.
fn written_between(
    before: &std::collections::BTreeMap<String, String>,
    after: &std::collections::BTreeMap<String, String>,
) -> Vec<String> {
    after
        .iter()
        .filter(|(k, v)| before.get(*k) != Some(*v))
        .map(|(k, _)| k.clone())
        .collect()
}

#[wasm_bindgen_test]
fn an_edit_to_one_item_writes_one_chunk_and_the_meta_and_a_reorder_only_the_core() {
    use twohats::model::sample::{counter_ids, sample_workspace};
    use twohats::model::{Changes, Day};
    use twohats::storage::format::{decode, Loaded};

    storage().clear().unwrap();
    let mut store = twohats::storage::local::open().store;
    let mut ws = sample_workspace(Day::new(2026, 3, 15).unwrap(), &mut counter_ids());
    store.save_all(&ws).unwrap();
    let product = ws.products[0].id.clone();
    let changes = Changes {
        meta: false,
        products: vec![product.clone()],
    };

    let before = snapshot();
    ws.products[0].items[3].title = "Renamed".into();
    store.save(&ws, &changes).unwrap();
    let written = written_between(&before, &snapshot());
    assert_eq!(written.len(), 2, "{written:?}");
    assert!(written.contains(&"twohats.meta".to_string()));
    assert!(
        written
            .iter()
            .any(|k| k.starts_with(&format!("twohats.items.{product}."))),
        "{written:?}"
    );

    let before = snapshot();
    ws.products[0].items.swap(0, 1);
    store.save(&ws, &changes).unwrap();
    let written = written_between(&before, &snapshot());
    assert_eq!(written.len(), 2, "{written:?}");
    assert!(
        written
            .iter()
            .any(|k| k.starts_with(&format!("twohats.product.{product}."))),
        "{written:?}"
    );

    // What is stored is the document, whole.
    match decode(&|k| storage().get_item(k).unwrap()) {
        Loaded::Ok { ws: stored, .. } => assert_eq!(stored, ws),
        other => panic!("expected the document, got {other:?}"),
    }
}

#[wasm_bindgen_test]
async fn a_change_is_saved_a_moment_later_or_at_once_when_the_page_is_hidden() {
    storage().clear().unwrap();
    let (_app, root) = mount("#/hierarchy").await;
    type_into(&root, "#new-product-name", "Burst");
    find(&root, "[data-testid=new-product-form] button[type=submit]").click();
    tick().await;
    assert!(text(&root, "#product-switcher").contains("Burst"));
    assert!(
        stored_product_containing("Burst").is_none(),
        "saves wait for the burst to end"
    );
    assert!(text(&root, "[data-testid=save-state]").contains("Saving…"));

    web_sys::window()
        .unwrap()
        .dispatch_event(&web_sys::Event::new("pagehide").unwrap())
        .unwrap();
    assert!(
        stored_product_containing("Burst").is_some(),
        "pagehide writes at once"
    );
    tick().await;
    assert!(text(&root, "[data-testid=save-state]").contains("Saved in this browser"));
}

#[wasm_bindgen_test]
async fn a_product_created_after_start_empty_is_stored() {
    storage().clear().unwrap();
    let (_app, root) = mount("#/").await;
    find(&root, "[data-testid=start-empty]").click();
    tick().await;
    create_product(&root, "After empty").await;
    assert!(
        stored_product_containing("After empty").is_some(),
        "{:?}",
        snapshot()
    );
}

/// What the quota counts for this app's keys, read straight from localStorage.
fn stored_chars() -> usize {
    snapshot()
        .iter()
        .map(|(k, v)| k.encode_utf16().count() + v.encode_utf16().count())
        .sum()
}

#[wasm_bindgen_test]
fn usage_of_the_quota_follows_saves_and_another_tabs_writes() {
    use twohats::model::sample::{counter_ids, sample_workspace};
    use twohats::model::{Changes, Day};
    use twohats::storage::local::{forget_sizes, Usage};
    let used_chars = || Usage::now().used;

    storage().clear().unwrap();
    forget_sizes();
    let mut store = twohats::storage::local::open().store;
    let mut ws = sample_workspace(Day::new(2026, 3, 15).unwrap(), &mut counter_ids());
    store.save_all(&ws).unwrap();
    assert!(stored_chars() > 10_000, "the sample is stored");
    assert_eq!(used_chars(), stored_chars());

    // A save adds keys (the old revisions stay until their clean-up): still exact, and
    // known without another read of storage.
    let changes = Changes {
        meta: false,
        products: vec![ws.products[0].id.clone()],
    };
    ws.products[0].items[0].title = "Ünïcode title, counted in UTF-16 units 🎩".into();
    store.save(&ws, &changes).unwrap();
    assert_eq!(used_chars(), stored_chars());

    // Another tab adds one key and removes another: after `forget_sizes` (what a commit
    // from elsewhere triggers) the count is exact again.
    let gone = keys()
        .into_iter()
        .find(|k| k.starts_with("twohats.items."))
        .unwrap();
    storage().remove_item(&gone).unwrap();
    storage()
        .set_item("twohats.items.p-other.0.1", "[\"ö\"]")
        .unwrap();
    forget_sizes();
    assert_eq!(used_chars(), stored_chars());
    storage().clear().unwrap();
    forget_sizes();
}

/// Stored text comes back exactly, whatever its characters and length (long values are
/// copied into wasm by `TextEncoder.encodeInto`, not by wasm-bindgen's own loop).
#[wasm_bindgen_test]
fn text_read_back_from_storage_is_exactly_what_was_written() {
    use twohats::storage::local::{read_pref, write_pref};
    storage().clear().unwrap();
    let long_ascii = "x".repeat(300_000);
    let long_mixed = "é🎩a".repeat(100_000);
    for text in [
        "",
        "plain",
        "Ünïcode – “quotes” 🎩👒 \u{0}\u{7f}\u{80}\u{7ff}\u{800}\u{ffff}\u{10ffff}",
        &long_ascii,
        &long_mixed,
    ] {
        write_pref("probe", text);
        assert_eq!(
            read_pref("probe").as_deref(),
            Some(text),
            "{} chars",
            text.len()
        );
    }
    // A JS string may hold a lone surrogate, which UTF-8 cannot: it reads as U+FFFD.
    let lone = js_sys::JsString::from_char_code3(0x61, 0xD800, 0x62);
    let set: js_sys::Function = js_sys::Reflect::get(&storage(), &"setItem".into())
        .unwrap()
        .into();
    set.call2(&storage(), &"twohats.pref.probe".into(), &lone)
        .unwrap();
    assert_eq!(read_pref("probe").as_deref(), Some("a\u{FFFD}b"));
    assert_eq!(read_pref("missing"), None);
    storage().clear().unwrap();
}

/// Buttons with these ids, added to the page for a focus test (removed by `clear_focus_test`).
fn focus_test_buttons(ids: &[&str]) -> Vec<HtmlElement> {
    let doc = document();
    let body = doc.body().unwrap();
    ids.iter()
        .map(|id| {
            let b: HtmlElement = doc.create_element("button").unwrap().unchecked_into();
            b.set_id(id);
            b.set_attribute("data-focus-test", "").unwrap();
            body.append_child(&b).unwrap();
            b
        })
        .collect()
}

fn clear_focus_test() {
    let found = document().query_selector_all("[data-focus-test]").unwrap();
    for n in 0..found.length() {
        found
            .item(n)
            .unwrap()
            .unchecked_into::<web_sys::Element>()
            .remove();
    }
}

/// Resolves in the next animation frame, after the callbacks asked for before it.
async fn next_frame() {
    let frame = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .request_animation_frame(&resolve)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(frame).await.unwrap();
}

fn focused_id() -> String {
    document()
        .active_element()
        .map(|e| e.id())
        .unwrap_or_default()
}

#[wasm_bindgen_test]
async fn focus_moved_for_the_user_waits_a_frame_and_never_takes_it_back() {
    use twohats::focus::{focus_id_next_frame, focus_now, focus_page_title_next_frame};
    let b = focus_test_buttons(&["ft-row", "ft-search", "page-title", "ft-heading"]);

    // Left alone: the row has the focus after the next frame.
    b[1].focus().unwrap();
    focus_id_next_frame("ft-row".into());
    assert_eq!(focused_id(), "ft-search", "not before the frame");
    next_frame().await;
    assert_eq!(focused_id(), "ft-row");

    // The user moves on before the frame: the focus stays where they put it.
    focus_id_next_frame("ft-heading".into());
    b[1].focus().unwrap();
    next_frame().await;
    assert_eq!(focused_id(), "ft-search");

    // A change of page asks for its heading, then a deep link for its row: the row wins,
    // even though the heading's request runs first.
    focus_page_title_next_frame();
    focus_id_next_frame("ft-row".into());
    next_frame().await;
    assert_eq!(focused_id(), "ft-row");

    // A panel's heading focused at once after a change of page is not taken by the title.
    focus_page_title_next_frame();
    focus_now(&b[3]);
    next_frame().await;
    assert_eq!(focused_id(), "ft-heading");

    // With nothing else asked for, the title has it.
    focus_page_title_next_frame();
    next_frame().await;
    assert_eq!(focused_id(), "page-title");
    clear_focus_test();
}
