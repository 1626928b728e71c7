#![cfg(not(target_arch = "wasm32"))]
//! The app's URL fragments: parse and href are inverses, and anything odd lands safely.

use twohats::model::{Id, Level};
use twohats::route::{Page, Route};

fn id(s: &str) -> Id {
    Id::parse(s).unwrap()
}

fn all_pages() -> Vec<Page> {
    [Page::Home, Page::Room]
        .into_iter()
        .chain(Page::NAV)
        .collect()
}

fn route(page: Page, product: Option<&str>, focus: Option<&str>) -> Route {
    Route {
        page,
        product: product.map(id),
        focus: focus.map(String::from),
        seed: None,
    }
}

#[test]
fn every_page_round_trips_with_and_without_product_and_focus() {
    for page in all_pages() {
        for product in [None, Some("p-12")] {
            for focus in [None, Some("f-3k9x2a7q"), Some("roles_and_hats")] {
                let r = route(page, product, focus);
                assert_eq!(Route::parse(&r.href()), r, "{}", r.href());
            }
        }
    }
}

#[test]
fn href_has_the_documented_shape() {
    assert_eq!(Route::page(Page::Home).href(), "#/");
    assert_eq!(Route::page(Page::Backlog).href(), "#/backlog");
    assert_eq!(
        Route::page(Page::Backlog)
            .with_product(Some(id("p-12")))
            .href(),
        "#/backlog?p=p-12"
    );
    assert_eq!(
        Route::page(Page::Explainer).with_focus("feature").href(),
        "#/explainer?at=feature"
    );
    assert_eq!(
        Route::page(Page::Roadmap)
            .with_product(Some(id("p-1")))
            .with_focus("f-2")
            .href(),
        "#/roadmap?p=p-1&at=f-2"
    );
}

#[test]
fn parse_accepts_each_slug_with_or_without_hash_slash_and_trailing_slash() {
    for page in all_pages() {
        let slug = page.slug();
        for hash in [
            format!("#/{slug}"),
            format!("/{slug}"),
            slug.to_string(),
            format!("#/{slug}/"),
        ] {
            assert_eq!(Route::parse(&hash).page, page, "{hash:?}");
        }
    }
    assert_eq!(Route::parse(""), Route::page(Page::Home));
    assert_eq!(Route::parse("#"), Route::page(Page::Home));
}

#[test]
fn parse_reads_query_parameters_in_any_order() {
    assert_eq!(
        Route::parse("#/data?at=x-1&p=p-2"),
        route(Page::Data, Some("p-2"), Some("x-1"))
    );
    assert_eq!(
        Route::parse("#/data?zzz=1&p=p-2"),
        route(Page::Data, Some("p-2"), None),
        "unknown keys are ignored"
    );
}

#[test]
fn unknown_pages_go_home_keeping_their_parameters() {
    for hash in [
        "#/nope",
        "#/Backlog",
        "#/backlog/extra",
        "#/../data",
        "#/home",
    ] {
        assert_eq!(Route::parse(hash).page, Page::Home, "{hash:?}");
    }
    assert_eq!(
        Route::parse("#/nope?p=p-1"),
        route(Page::Home, Some("p-1"), None)
    );
}

#[test]
fn unsafe_focus_values_are_dropped() {
    for focus in [
        "<x>",
        "javascript:alert(1)",
        "a%20b",
        "a b",
        "\"x\"",
        "",
        &"a".repeat(65),
    ] {
        let r = Route::parse(&format!("#/explainer?p=p-1&at={focus}"));
        assert_eq!(r, route(Page::Explainer, Some("p-1"), None), "{focus:?}");
    }
    assert_eq!(
        Route::parse(&format!("#/explainer?at={}", "a".repeat(64)))
            .focus
            .map(|f| f.len()),
        Some(64)
    );
}

#[test]
fn invalid_product_ids_are_dropped() {
    for p in ["P-1", "<script>", "", "p 1", "javascript:x"] {
        assert_eq!(
            Route::parse(&format!("#/backlog?p={p}&at=f-1")),
            route(Page::Backlog, None, Some("f-1")),
            "{p:?}"
        );
    }
}

#[test]
fn pages_have_titles_slugs_and_explainer_levels() {
    let slugs: Vec<&str> = Page::NAV.iter().map(|p| p.slug()).collect();
    assert_eq!(
        slugs,
        [
            "explainer",
            "hierarchy",
            "roadmap",
            "backlog",
            "training",
            "data"
        ]
    );
    assert_eq!(Page::Roadmap.title(), "Roadmap");
    assert_eq!(Page::Home.title(), "Home");
    assert_eq!(Page::Hierarchy.level(), Some(Level::Product));
    assert_eq!(Page::Roadmap.level(), Some(Level::Feature));
    assert_eq!(Page::Backlog.level(), Some(Level::Item));
    assert_eq!(Page::Data.level(), None);
}

#[test]
fn a_training_attempts_seed_round_trips_and_a_bad_one_is_dropped() {
    let r = Route::page(Page::Room)
        .with_focus("7")
        .with_seed(Some(4_000_000_000));
    assert_eq!(r.href(), "#/room?at=7&seed=4000000000");
    assert_eq!(Route::parse(&r.href()), r);
    assert_eq!(Route::parse("#/training?seed=12").seed(), Some(12));
    assert_eq!(Route::parse("#/training?seed=-1").seed(), None);
    assert_eq!(Route::parse("#/training?seed=99999999999").seed(), None);
    assert_eq!(
        Route::parse("#/training?seed=x&at=scenarios")
            .focus
            .as_deref(),
        Some("scenarios")
    );
}
