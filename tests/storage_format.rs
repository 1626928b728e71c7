#![cfg(not(target_arch = "wasm32"))]
//! The stored format: what is written can be read back, and every kind of damage is
//! reported — a damaged product set aside by name, a damaged index as Unreadable — so the
//! data is kept rather than silently dropped. What is
//! written comes from the app's own writer (`session::Session` on a `MemoryBackend`).

use std::collections::HashMap;
use twohats::model::sample::{counter_ids, sample_workspace};
use twohats::model::*;
use twohats::storage::backend::MemoryBackend;
use twohats::storage::chunks::*;
use twohats::storage::format::*;
use twohats::storage::session::Session;

type Store = HashMap<String, String>;

fn sample() -> Workspace {
    sample_workspace(Day::new(2026, 3, 15).unwrap(), &mut counter_ids())
}

/// The seed of the session that writes the fixtures: its writer id is `WRITER`.
const SEED: u64 = 0x2a2a_0000_0000_0001;
const WRITER: u16 = 0x2a2a;

/// The revision of every key of a first save (the writer's first revision).
fn rev_of(_ws: &Workspace, _id: &Id) -> u64 {
    next_rev(None, WRITER)
}

/// The keys of each product after a first save: every non-empty chunk at that revision.
fn refs_of(ws: &Workspace) -> Vec<ProductRef> {
    ws.products
        .iter()
        .map(|p| {
            let rev = rev_of(ws, &p.id);
            ProductRef {
                id: p.id.clone(),
                rev,
                chunks: split(&p.items)
                    .iter()
                    .map(|c| if c.is_empty() { 0 } else { rev })
                    .collect(),
            }
        })
        .collect()
}

/// Writes `ws` as the app does: a first save by a session on an empty store.
fn store(ws: &Workspace) -> Store {
    let backend = MemoryBackend::new();
    let mut session = Session::open(backend.clone(), SEED).store;
    session.save_all(ws).unwrap();
    backend.dump().into_iter().collect()
}

/// Writes `ws` as builds of storage version 1 did: each product whole in one key.
fn store_v1(ws: &Workspace) -> Store {
    let mut meta: serde_json::Value = serde_json::from_str(&encode_meta(
        ws,
        &|id| ProductRef {
            id: id.clone(),
            rev: rev_of(ws, id),
            chunks: vec![],
        },
        Lineage::default(),
    ))
    .unwrap();
    meta["version"] = 1.into();
    let mut s = Store::new();
    s.insert(META_KEY.into(), meta.to_string());
    for p in &ws.products {
        let rev = rev_of(ws, &p.id);
        let env = serde_json::json!({ "format": FORMAT, "version": 1, "rev": rev, "product": p });
        s.insert(product_key(&p.id, rev), env.to_string());
    }
    s
}

/// Writes `ws` as builds of storage version 2 did: today's chunked layout, every key
/// saying version 2 (content version 1, which `ws` keeps: it records none of version 2's
/// fields).
fn store_v2(ws: &Workspace) -> Store {
    let mut s = store(ws);
    for key in s.clone().keys() {
        edit_json(&mut s, key, |v| {
            assert_eq!(v["version"], STORAGE_VERSION, "{key}");
            v["version"] = 2.into();
        });
    }
    s
}

fn load(s: &Store) -> Loaded {
    decode(&|k| s.get(k).cloned())
}

/// The stored key of the workspace's `n`th product.
fn key_of(ws: &Workspace, n: usize) -> String {
    let id = &ws.products[n].id;
    product_key(id, rev_of(ws, id))
}

/// Changes the JSON under `key` with `f`.
fn edit_json(s: &mut Store, key: &str, f: impl FnOnce(&mut serde_json::Value)) {
    let mut v: serde_json::Value = serde_json::from_str(&s[key]).unwrap();
    f(&mut v);
    s.insert(key.to_string(), v.to_string());
}

/// Loads `s`, which must be Unreadable with a reason containing each of `parts`.
#[track_caller]
fn unreadable(s: &Store, parts: &[&str]) {
    match load(s) {
        Loaded::Unreadable { reason } => {
            for part in parts {
                assert!(
                    reason.to_string().contains(part),
                    "reason {reason:?} should contain {part:?}"
                );
            }
        }
        other => panic!("expected Unreadable, got {other:?}"),
    }
}

/// Loads `s`, which must load every product of `ws` but its `n`th, set aside with a
/// reason containing each of `parts`.
#[track_caller]
fn set_aside(s: &Store, ws: &Workspace, n: usize, parts: &[&str]) {
    let Loaded::Ok {
        ws: loaded,
        set_aside,
        ..
    } = load(s)
    else {
        panic!(
            "expected a load with a product set aside, got {:?}",
            load(s)
        );
    };
    assert_eq!(set_aside.len(), 1, "{set_aside:?}");
    let aside = &set_aside[0];
    assert_eq!(aside.id, ws.products[n].id);
    if let Some(name) = &aside.name {
        assert_eq!(name, &ws.products[n].name);
    }
    for part in parts {
        assert!(
            aside.reason.to_string().contains(part),
            "reason {:?} should contain {part:?}",
            aside.reason
        );
    }
    let others: Vec<&Product> = ws
        .products
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != n)
        .map(|(_, p)| p)
        .collect();
    assert_eq!(
        loaded.products.iter().collect::<Vec<_>>(),
        others,
        "every other product loads"
    );
    assert!(!aside.keys.is_empty());
}

/// `set_aside`, the reason being "product <its id> <says>".
fn product_set_aside(s: &Store, ws: &Workspace, n: usize, says: &str) {
    set_aside(
        s,
        ws,
        n,
        &[&format!("product {} {says}", ws.products[n].id)],
    );
}

#[test]
fn a_stored_workspace_loads_back_equal_with_its_revisions() {
    let ws = sample();
    let s = store(&ws);
    // The meta, a core per product and the item chunks that hold anything.
    let chunks: usize = ws
        .products
        .iter()
        .map(|p| split(&p.items).iter().filter(|c| !c.is_empty()).count())
        .sum();
    assert!(chunks > 2, "the sample's items spread over several chunks");
    assert_eq!(s.len(), 1 + 2 + chunks);
    assert_eq!(
        load(&s),
        Loaded::Ok {
            ws: ws.clone(),
            refs: refs_of(&ws),
            set_aside: vec![]
        }
    );
}

#[test]
fn items_come_back_in_backlog_order_whatever_chunk_holds_them() {
    let mut ws = sample();
    ws.products[0].items.reverse();
    assert_eq!(
        load(&store(&ws)),
        Loaded::Ok {
            refs: refs_of(&ws),
            ws,
            set_aside: vec![]
        }
    );
}

#[test]
fn an_item_is_always_in_the_same_chunk_and_chunks_spread_items() {
    let ids: Vec<Id> = (0..3200u64)
        .map(|n| Id::from_parts("i", n * 7919))
        .collect();
    let mut counts = [0usize; CHUNKS];
    for id in &ids {
        assert_eq!(chunk_of(id), chunk_of(&id.clone()));
        counts[chunk_of(id)] += 1;
    }
    // 100 per chunk on average; no chunk holds more than twice that.
    assert!(counts.iter().all(|c| *c > 30 && *c < 200), "{counts:?}");
    // Pinned, so a change to the hash (which would strand stored items) fails here.
    assert_eq!(
        ["i-1", "i-2", "i-abc", "f-9"].map(|s| chunk_of(&Id::parse(s).unwrap())),
        PINNED_CHUNKS
    );
}

#[test]
fn an_empty_workspace_round_trips() {
    let ws = Workspace::default();
    let s = store(&ws);
    assert_eq!(
        load(&s),
        Loaded::Ok {
            ws,
            refs: vec![],
            set_aside: vec![]
        }
    );
}

#[test]
fn keys_have_the_documented_names() {
    let id = Id::parse("p-12").unwrap();
    assert_eq!(product_key(&id, 4), "twohats.product.p-12.4");
    assert_eq!(items_key(&id, 31, 4), "twohats.items.p-12.31.4");
    assert!(is_document_key("twohats.meta"));
    assert!(is_document_key("twohats.product.p-12.4"));
    assert!(is_document_key("twohats.items.p-12.31.4"));
    assert!(!is_document_key("twohats.backup.2026-03-15"));
    assert!(!is_document_key("twohats.ui.theme"));
}

#[test]
fn meta_lists_products_in_order_with_their_revisions() {
    let ws = sample();
    let meta: Meta = serde_json::from_str(&store(&ws)[META_KEY]).unwrap();
    assert_eq!(
        (meta.format.as_str(), meta.version),
        (FORMAT, STORAGE_VERSION)
    );
    assert!(meta.products.iter().all(|r| r.chunks.len() == CHUNKS));
    let refs: Vec<(&str, u64)> = meta
        .products
        .iter()
        .map(|r| (r.id.as_str(), r.rev))
        .collect();
    assert_eq!(
        refs,
        [
            (ws.products[0].id.as_str(), next_rev(None, WRITER)),
            (ws.products[1].id.as_str(), next_rev(None, WRITER))
        ]
    );
    assert_eq!(meta.portfolio, ws.portfolio);
}

#[test]
fn nothing_stored_is_empty() {
    assert_eq!(load(&Store::new()), Loaded::Empty);
    let mut only_products = store(&sample());
    only_products.remove(META_KEY);
    assert_eq!(load(&only_products), Loaded::Empty);
}

#[test]
fn a_newer_version_is_left_alone() {
    let mut s = store(&sample());
    edit_json(&mut s, META_KEY, |v| {
        v["version"] = (STORAGE_VERSION + 1).into()
    });
    assert_eq!(
        load(&s),
        Loaded::Newer {
            version: STORAGE_VERSION + 1
        }
    );
    // Even if the rest of a newer index means nothing to this build.
    s.insert(
        META_KEY.into(),
        r#"{"format":"twohats","version":99,"shape":"new"}"#.into(),
    );
    assert_eq!(load(&s), Loaded::Newer { version: 99 });
}

#[test]
fn a_meta_that_is_not_json_is_unreadable() {
    let mut s = store(&sample());
    s.insert(META_KEY.into(), "{not json".into());
    unreadable(&s, &["the workspace index is not valid JSON"]);
}

#[test]
fn a_meta_of_another_format_is_unreadable() {
    let mut s = store(&sample());
    edit_json(&mut s, META_KEY, |v| v["format"] = "onehat".into());
    unreadable(&s, &["not a Two Hats document"]);
    s.insert(META_KEY.into(), "[1,2]".into());
    unreadable(&s, &["the workspace index"]);
}

#[test]
fn a_meta_without_a_version_is_unreadable() {
    let mut s = store(&sample());
    edit_json(&mut s, META_KEY, |v| {
        v.as_object_mut().unwrap().remove("version");
    });
    unreadable(&s, &["the workspace index has no format version"]);
}

#[test]
fn a_damaged_meta_of_this_version_is_unreadable() {
    let mut s = store(&sample());
    edit_json(&mut s, META_KEY, |v| v["products"][0]["id"] = "P-1".into());
    unreadable(&s, &["the workspace index is damaged"]);
}

#[test]
fn a_missing_product_key_sets_that_product_aside_and_names_it() {
    let ws = sample();
    let mut s = store(&ws);
    s.remove(&key_of(&ws, 1));
    product_set_aside(&s, &ws, 1, "is listed but missing from storage");
}

#[test]
fn a_truncated_product_is_set_aside_and_named() {
    let ws = sample();
    let mut s = store(&ws);
    let key = key_of(&ws, 0);
    let half = s[&key][..s[&key].len() / 2].to_string();
    s.insert(key, half);
    product_set_aside(&s, &ws, 0, "is damaged");
}

#[test]
fn a_product_whose_envelope_disagrees_with_the_meta_is_set_aside() {
    let ws = sample();
    let p = &ws.products[1].id;
    let mut s = store(&ws);
    edit_json(&mut s, &key_of(&ws, 1), |v| v["rev"] = 6.into());
    product_set_aside(&s, &ws, 1, "does not match the workspace index");
    // A product stored under another product's key.
    let mut s = store(&ws);
    s.insert(key_of(&ws, 1), encode_core(&ws.products[0], rev_of(&ws, p)));
    product_set_aside(&s, &ws, 1, "does not match the workspace index");
}

#[test]
fn a_product_of_another_format_or_a_newer_version_is_set_aside() {
    let ws = sample();
    for (field, value) in [
        ("format", serde_json::json!("other")),
        ("version", serde_json::json!(STORAGE_VERSION + 1)),
    ] {
        let mut s = store(&ws);
        edit_json(&mut s, &key_of(&ws, 0), |v| v[field] = value);
        product_set_aside(&s, &ws, 0, "has an unexpected format or version");
    }
}

#[test]
fn a_product_that_breaks_a_rule_is_set_aside_and_ids_shared_across_products_are_unreadable() {
    let ws = sample();
    let mut s = store(&ws);
    edit_item(&mut s, &ws, 1, 0, |v| v["feature"] = "f-zzz".into());
    set_aside(
        &s,
        &ws,
        1,
        &[
            "breaks a rule",
            "product 'Ranger Console' (",
            "› item 'Schedule a closure to end automatically' (i-",
            "refers to feature f-zzz",
        ],
    );
    // Ids must be unique across products even though each is stored on its own.
    let mut twin = ws.clone();
    let taken = twin.products[0].themes[0].id.clone();
    twin.products[1].themes[0].id = taken.clone();
    twin.products[1]
        .features
        .iter_mut()
        .for_each(|f| f.theme = Some(taken.clone()));
    unreadable(
        &store(&twin),
        &[
            "breaks a rule",
            "product 'Ranger Console'",
            "is used more than once",
        ],
    );
}

#[test]
fn a_bad_id_or_date_inside_a_product_sets_it_aside_or_in_version_1_is_unreadable() {
    let ws = sample();
    let p = ws.products[0].id.to_string();
    let mut s = store(&ws);
    edit_json(&mut s, &key_of(&ws, 0), |v| {
        v["product"]["releases"][0]["date"] = "2026-02-30".into()
    });
    product_set_aside(&s, &ws, 0, "is damaged");
    let mut s = store(&ws);
    edit_item(&mut s, &ws, 0, 0, |v| v["id"] = "<script>".into());
    set_aside(
        &s,
        &ws,
        0,
        &[&format!("items of product {p} (part"), "are damaged"],
    );
    // Both also in the version 1 layout.
    let cases: [fn(&mut serde_json::Value); 2] = [
        |v| v["product"]["items"][0]["id"] = "<script>".into(),
        |v| v["product"]["releases"][0]["date"] = "2026-02-30".into(),
    ];
    for change in cases {
        let mut s = store_v1(&ws);
        edit_json(&mut s, &key_of(&ws, 0), change);
        unreadable(&s, &[&format!("product {p} is damaged")]);
    }
}

#[test]
fn stale_keys_are_the_document_keys_no_reference_names() {
    let ws = sample();
    let mut s = store(&ws);
    let (a, b) = (&ws.products[0].id, &ws.products[1].id);
    s.insert(product_key(a, 2), "old".into());
    s.insert(product_key(b, 8), "cut short".into());
    s.insert(items_key(a, 5, 1), "an old chunk".into());
    s.insert("twohats.product.p-gone.1".into(), "deleted product".into());
    s.insert(format!("{BACKUP_PREFIX}1"), "backup".into());
    s.insert("twohats.pref.theme".into(), "dark".into());
    s.insert("other.app".into(), "x".into());
    let Loaded::Ok { refs, .. } = load(&s) else {
        panic!("leftovers must not stop a load")
    };
    let mut stale = stale_keys(s.keys().map(String::as_str), &refs);
    stale.sort();
    let mut expected = vec![
        product_key(a, 2),
        product_key(b, 8),
        items_key(a, 5, 1),
        "twohats.product.p-gone.1".to_string(),
    ];
    expected.sort();
    assert_eq!(stale, expected);
    assert!(stale_keys(store(&ws).keys().map(String::as_str), &refs).is_empty());
}

/// Stored keys as the preview format (version 0) wrote them.
fn v0_store() -> Store {
    let mut s = Store::new();
    s.insert(
        "twohats.meta".into(),
        r#"{"format":"twohats","version":0,"portfolio":{"name":"Old"},"roles":"po_only","products":[{"id":"p-old","rev":3}]}"#.into(),
    );
    s.insert(
        "twohats.product.p-old.3".into(),
        r#"{"format":"twohats","version":0,"rev":3,"product":{"id":"p-old","name":"Legacy","items":[{"id":"i-1","type":"bug","title":"Crash","points":3,"feature":null}]}}"#.into(),
    );
    s
}

#[test]
fn the_start_up_read_leaves_an_older_layout_to_the_migrating_reader() {
    let s = v0_store();
    let get = |k: &str| s.get(k).cloned();
    assert_eq!(
        decode_current::<serde_json::Value>(&get),
        Loaded::Older { version: 0 }
    );
    assert!(matches!(
        decode_older::<serde_json::Value>(&get, 0),
        Loaded::Migrated { from: 0, .. }
    ));
}

#[test]
fn a_document_stored_by_the_preview_format_is_migrated_on_load() {
    let s = v0_store();
    match decode(&|k| s.get(k).cloned()) {
        Loaded::Migrated { ws, refs, from } => {
            assert_eq!(from, 0);
            assert_eq!(
                refs,
                vec![ProductRef {
                    id: Id::parse("p-old").unwrap(),
                    rev: 3,
                    chunks: vec![]
                }]
            );
            assert_eq!(ws.roles, RoleSetting::NoPm);
            assert_eq!(ws.portfolio.name, "Old");
            let p = &ws.products[0];
            assert_eq!(p.items[0].kind, ItemKind::Bug);
            assert_eq!(p.items[0].estimate, Some(3.0));
            assert_eq!(p.definition_of_ready, ReadyRule::defaults());
        }
        other => panic!("expected a migration, got {other:?}"),
    }
}

#[test]
fn a_preview_document_that_cannot_be_migrated_is_unreadable_not_lost() {
    let mut s = v0_store();
    s.insert(
        "twohats.meta".into(),
        r#"{"format":"twohats","version":0,"portfolio":{"name":"Old"},"roles":"emperor","products":[{"id":"p-old","rev":3}]}"#.into(),
    );
    match decode(&|k| s.get(k).cloned()) {
        Loaded::Unreadable { reason } => assert!(
            reason
                .to_string()
                .contains("could not be migrated from version 0"),
            "{reason}"
        ),
        other => panic!("expected unreadable, got {other:?}"),
    }
}

#[test]
fn two_writers_saving_from_the_same_revision_write_different_keys() {
    let base = next_rev(None, 7);
    let (a, b) = (next_rev(Some(base), 7), next_rev(Some(base), 9));
    assert_ne!(a, b, "tabs with different writer ids must not share a key");
    assert!(a > base && b > base, "revisions still count up");
    // A revision from before writer ids (a small count) moves on to the next count.
    assert_eq!(next_rev(Some(5), 3) >> 16, 1);
    assert_eq!(next_rev(Some(5), 3) & 0xffff, 3);
}

#[test]
fn referenced_keys_names_what_the_meta_points_at_and_nothing_for_a_bad_meta() {
    let ws = sample();
    let s = store(&ws);
    let mut keys = referenced_keys(&s[META_KEY]).expect("a good meta");
    keys.sort();
    let mut expected: Vec<String> = s.keys().filter(|k| *k != META_KEY).cloned().collect();
    expected.sort();
    assert_eq!(keys, expected);
    assert_eq!(referenced_keys("{not json"), None);
}

/// Where `["i-1", "i-2", "i-abc", "f-9"]` are stored: FNV-1a (32-bit) mod 32, as
/// computed independently of this code.
const PINNED_CHUNKS: [usize; 4] = [14, 27, 21, 31];

/// Changes the JSON of item `n` of product `p` where it is stored.
fn edit_item(
    s: &mut Store,
    ws: &Workspace,
    p: usize,
    n: usize,
    f: impl FnOnce(&mut serde_json::Value),
) {
    let product = &ws.products[p];
    let item = &product.items[n];
    let key = items_key(&product.id, chunk_of(&item.id), rev_of(ws, &product.id));
    edit_json(s, &key, |v| {
        let items = v["items"].as_array_mut().unwrap();
        let at = items
            .iter()
            .position(|x| x["id"] == item.id.as_str())
            .unwrap();
        f(&mut items[at]);
    });
}

#[test]
fn a_version_1_store_loads_and_asks_to_be_rewritten() {
    let ws = sample();
    match load(&store_v1(&ws)) {
        Loaded::Migrated {
            ws: got,
            refs,
            from,
        } => {
            assert_eq!(got, ws);
            assert_eq!(
                from, 1,
                "layout 1 holds content version 1, which is migrated too"
            );
            assert!(from < CURRENT_VERSION);
            assert!(refs.iter().all(|r| r.chunks.is_empty()));
        }
        other => panic!("expected a migration, got {other:?}"),
    }
}

#[test]
fn each_layout_holds_its_content_version() {
    assert_eq!(
        (0..=STORAGE_VERSION + 1)
            .map(content_version)
            .collect::<Vec<_>>(),
        [Some(0), Some(1), Some(1), Some(2), None]
    );
    assert_eq!(content_version(STORAGE_VERSION), Some(CURRENT_VERSION));
    assert_eq!((STORAGE_VERSION, CURRENT_VERSION), (3, 2));
}

#[test]
fn every_key_a_save_writes_says_the_current_layout() {
    for (key, text) in store(&sample()) {
        let v: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(v["version"], STORAGE_VERSION, "{key}");
    }
}

#[test]
fn a_version_2_store_is_left_to_the_migrating_reader_and_read_whole() {
    let ws = sample();
    let s = store_v2(&ws);
    let get = |k: &str| s.get(k).cloned();
    assert_eq!(
        decode_current::<serde_json::Value>(&get),
        Loaded::Older { version: 2 }
    );
    let meta: Meta = serde_json::from_str(&s[META_KEY]).unwrap();
    for loaded in [decode_older::<serde_json::Value>(&get, 2), load(&s)] {
        match loaded {
            Loaded::Migrated {
                ws: got,
                refs,
                from,
            } => {
                assert_eq!(got, ws, "every product and item, as stored");
                assert_eq!(from, 1, "layout 2 holds content version 1");
                assert_eq!(refs, meta.products, "the keys to replace");
            }
            other => panic!("expected a migration, got {other:?}"),
        }
    }
}

#[test]
fn a_version_3_store_reads_as_it_is() {
    let ws = sample();
    let s = store(&ws);
    let meta: Meta = serde_json::from_str(&s[META_KEY]).unwrap();
    assert_eq!(meta.version, 3);
    assert_eq!(
        load(&s),
        Loaded::Ok {
            ws,
            refs: meta.products,
            set_aside: vec![]
        }
    );
}

#[test]
fn a_version_4_store_is_left_alone() {
    let mut s = store(&sample());
    edit_json(&mut s, META_KEY, |v| v["version"] = 4.into());
    assert_eq!(load(&s), Loaded::Newer { version: 4 });
}

#[test]
fn a_version_2_store_with_a_product_that_cannot_be_read_is_unreadable_not_half_read() {
    let ws = sample();
    let p = &ws.products[1];
    let n = chunk_of(&p.items[0].id);
    let mut s = store_v2(&ws);
    s.remove(&items_key(&p.id, n, rev_of(&ws, &p.id)));
    unreadable(
        &s,
        &[&format!(
            "items of product {} (part {n}) are listed but missing",
            p.id
        )],
    );
    // A product key of a layout this build does not know is not taken either.
    let mut s = store_v2(&ws);
    edit_json(&mut s, &key_of(&ws, 0), |v| v["version"] = 4.into());
    unreadable(&s, &["has an unexpected format or version"]);
    // Nor is a workspace that breaks a rule.
    let mut s = store_v2(&ws);
    edit_item(&mut s, &ws, 1, 0, |v| v["feature"] = "f-zzz".into());
    unreadable(&s, &["breaks a rule"]);
}

#[test]
fn the_keys_of_a_version_2_store_rebuild_without_their_index() {
    let ws = sample();
    let s = store_v2(&ws);
    let keys: Vec<String> = s.keys().filter(|k| *k != META_KEY).cloned().collect();
    let mut rebuilt = rebuild::<serde_json::Value>(&keys, &|k| s.get(k).cloned());
    rebuilt.sort_by(|a, b| a.name.cmp(&b.name));
    let mut expected = ws.products.clone();
    expected.sort_by(|a, b| a.name.cmp(&b.name));
    assert_eq!(rebuilt, expected);
}

#[test]
fn a_missing_or_mismatched_chunk_sets_its_product_aside() {
    let ws = sample();
    let p = &ws.products[0];
    let n = chunk_of(&p.items[0].id);
    let key = items_key(&p.id, n, rev_of(&ws, &p.id));

    let mut s = store(&ws);
    s.remove(&key);
    set_aside(
        &s,
        &ws,
        0,
        &[&format!(
            "items of product {} (part {n}) are listed but missing",
            p.id
        )],
    );

    for (field, value) in [
        ("rev", serde_json::json!(1)),
        ("chunk", serde_json::json!((n + 1) % CHUNKS)),
        ("version", serde_json::json!(1)),
    ] {
        let mut s = store(&ws);
        edit_json(&mut s, &key, |v| v[field] = value);
        set_aside(
            &s,
            &ws,
            0,
            &[&format!(
                "items of product {} (part {n}) do not match",
                p.id
            )],
        );
    }
}

#[test]
fn an_item_stored_twice_in_the_wrong_chunk_or_outside_the_order_sets_its_product_aside() {
    let ws = sample();
    let p = &ws.products[0];
    let item = &p.items[0];
    let n = chunk_of(&item.id);
    let rev = rev_of(&ws, &p.id);
    let other = (0..CHUNKS)
        .find(|m| *m != n && !split(&p.items)[*m].is_empty())
        .unwrap();
    let other_key = items_key(&p.id, other, rev);

    // Copied into another chunk: in the wrong part.
    let mut s = store(&ws);
    let copy = serde_json::to_value(item).unwrap();
    edit_json(&mut s, &other_key, |v| {
        v["items"].as_array_mut().unwrap().push(copy.clone())
    });
    set_aside(
        &s,
        &ws,
        0,
        &[&format!("item {} is stored in the wrong part", item.id)],
    );

    // Twice in its own chunk.
    let mut s = store(&ws);
    edit_json(&mut s, &items_key(&p.id, n, rev), |v| {
        v["items"].as_array_mut().unwrap().push(copy.clone())
    });
    set_aside(&s, &ws, 0, &[&format!("item {} is stored twice", item.id)]);

    // Left out of the order: stored but not in the backlog.
    let mut s = store(&ws);
    edit_json(&mut s, &key_of(&ws, 0), |v| {
        v["order"]
            .as_array_mut()
            .unwrap()
            .retain(|x| x != item.id.as_str())
    });
    set_aside(
        &s,
        &ws,
        0,
        &[&format!(
            "item {} is stored but not in the backlog order",
            item.id
        )],
    );

    // In the order but in no chunk.
    let mut s = store(&ws);
    edit_json(&mut s, &items_key(&p.id, n, rev), |v| {
        v["items"]
            .as_array_mut()
            .unwrap()
            .retain(|x| x["id"] != item.id.as_str())
    });
    set_aside(
        &s,
        &ws,
        0,
        &[&format!(
            "item {} is in the backlog order of product {} but not stored",
            item.id, p.id
        )],
    );
}

#[test]
fn a_meta_carries_its_commit_and_ancestors_and_older_metas_read_as_zero() {
    let ws = sample();
    let refs = refs_of(&ws);
    let find = |id: &Id| refs.iter().find(|r| &r.id == id).unwrap().clone();
    let l = Lineage {
        commit: 42,
        parent: 7,
        ancestors: vec![5, 3],
    };
    let meta = encode_meta(&ws, &find, l.clone());
    assert_eq!(lineage(&meta), l);
    assert!(l.includes(42) && l.includes(7) && l.includes(3));
    assert!(!l.includes(8) && !l.includes(0));
    // A commit built on it names it as parent, and its parent first among the rest.
    let child = l.child(99);
    assert_eq!((child.parent, child.ancestors.clone()), (42, vec![7, 5, 3]));
    // Only the last ANCESTORS are kept, so a meta stays small.
    let mut long = child;
    for id in 100..200 {
        long = long.child(id);
    }
    assert_eq!(long.ancestors.len(), twohats::storage::format::ANCESTORS);
    assert_eq!((long.parent, long.ancestors[0]), (198, 197));
    let first = lineage(&store(&ws)[META_KEY]);
    assert!(first.commit != 0 && first.parent == 0, "{first:?}");
    assert_eq!(lineage("{not json"), Lineage::default());
    // The lineage does not change what is loaded.
    let mut s = store(&ws);
    s.insert(META_KEY.into(), meta);
    assert!(matches!(load(&s), Loaded::Ok { .. }));
}

/// The room a save needs is the biggest core plus the biggest chunk of one product (an
/// add writes both beside the old ones), plus the meta; not the sum over products, and
/// not the keys of other apps or of backups.
#[test]
fn the_room_a_save_needs_is_one_products_core_and_largest_chunk() {
    let sizes = [
        ("twohats.meta", 500),
        ("twohats.product.p-big.3", 300_000),
        ("twohats.product.p-big.1", 290_000), // superseded, not yet removed
        ("twohats.items.p-big.0.2", 150_000),
        ("twohats.items.p-big.31.7", 140_000),
        ("twohats.product.p-small.1", 9_000),
        ("twohats.items.p-small.4.1", 200_000),
        ("twohats.backup.2026-11-23", 1_000_000),
        ("twohats.pref.expanded", 50),
        ("other-app", 2_000_000),
    ];
    assert_eq!(room_for_a_save(sizes), 500 + 300_000 + 150_000);
    assert_eq!(room_for_a_save([("twohats.meta", 80)]), 80);

    // From a real save: a stored sample product needs its own core and largest chunk.
    let ws = sample();
    let store = store(&ws);
    let room = room_for_a_save(store.iter().map(|(k, v)| (k.as_str(), k.len() + v.len())));
    let largest_core = store
        .iter()
        .filter(|(k, _)| k.starts_with(PRODUCT_PREFIX))
        .map(|(k, v)| k.len() + v.len())
        .max()
        .unwrap();
    assert!(room > largest_core, "{room} vs {largest_core}");
    let all: usize = store.iter().map(|(k, v)| k.len() + v.len()).sum();
    assert!(
        room < all,
        "one product's worth, not the whole store: {room} vs {all}"
    );
}
