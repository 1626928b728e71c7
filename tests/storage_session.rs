#![cfg(not(target_arch = "wasm32"))]
//! The storage core on the real code: sessions (tabs) sharing one `MemoryBackend` as tabs
//! share `localStorage`, with the faults a browser meets — a full quota mid-commit, a tab
//! that dies between writing its chunks and its meta, damaged keys, another tab's commit.

mod common;

use common::older::{as_layout_2, store_layout_1, versions};
use twohats::model::sample::{counter_ids, sample_workspace};
use twohats::model::*;
use twohats::storage::backend::{Backend, MemoryBackend, StorageError};
use twohats::storage::format::{self, BACKUP_PREFIX, CURRENT_VERSION, META_KEY, STORAGE_VERSION};
use twohats::storage::session::{Reloaded, Session, StorageNotice};

fn sample() -> Workspace {
    sample_workspace(Day::new(2026, 3, 15).unwrap(), &mut counter_ids())
}

fn tab(backend: &MemoryBackend, seed: u64) -> (Session<MemoryBackend>, Option<Workspace>) {
    let opened = Session::open(backend.clone(), seed);
    (opened.store, opened.settled.workspace)
}

/// A new backend and its first tab, which has saved the sample (returned too).
fn saved() -> (MemoryBackend, Session<MemoryBackend>, Workspace) {
    let b = MemoryBackend::new();
    let (mut a, _) = tab(&b, 1 << 48);
    let ws = sample();
    a.save_all(&ws).unwrap();
    (b, a, ws)
}

/// The workspace a fresh tab opening `backend` now would show.
fn reopened(backend: &MemoryBackend) -> Option<Workspace> {
    tab(backend, 0xfeed_0000_0000_0001).1
}

fn only(id: &Id) -> Changes {
    Changes {
        meta: false,
        products: vec![id.clone()],
    }
}

/// Adds an item to the first product, as an edit in a tab would.
fn add_item(ws: &mut Workspace, id: &str, title: &str) -> Changes {
    let p = &mut ws.products[0];
    p.items
        .push(Item::new(Id::parse(id).unwrap(), ItemKind::Story, title));
    only(&p.id.clone())
}

fn taken(r: Option<Reloaded>) -> (Workspace, twohats::storage::format::Lineage) {
    match r {
        Some(Reloaded::Taken(t)) => (t.ws, t.lineage),
        Some(Reloaded::Known) => panic!("expected a new commit, got one already known"),
        None => panic!("expected a new commit, got nothing readable"),
    }
}

/// What a tab that migrated content version 1 says, its new version `saved` or not.
fn migrated_from_1(saved: bool) -> Vec<StorageNotice> {
    vec![StorageNotice::Migrated {
        from: 1,
        backup_key: String::new(),
        saved,
    }]
}
#[test]
fn what_one_tab_saves_another_opens_whole() {
    let b = MemoryBackend::new();
    let (mut a, empty) = tab(&b, 1 << 48);
    assert_eq!(empty, None);
    let ws = sample();
    a.save_all(&ws).unwrap();
    assert!(reopened(&b) == Some(ws), "not the workspace expected");
}

#[test]
fn tabs_take_each_others_commits_once_and_know_whose_they_built_on() {
    let b = MemoryBackend::new();
    let (mut a, _) = tab(&b, 1 << 48);
    let (mut c, _) = tab(&b, 2 << 48);
    let mut ws = sample();
    a.save_all(&ws).unwrap();
    let announced = b.take_announced();
    assert_eq!(announced.len(), 1);

    // The other tab takes it from the announcement, not having written anything itself.
    let (theirs, lineage) = taken(c.reload(Some(&announced[0])));
    assert!(theirs == ws, "the other tab takes what was saved");
    assert!(!lineage.includes(c.last_written()));
    // The same commit heard again (a late storage event) is old news.
    assert!(matches!(
        c.reload(Some(&announced[0])),
        Some(Reloaded::Known)
    ));
    assert!(matches!(c.reload(None), Some(Reloaded::Known)));

    // It edits on top; the first tab sees the change and that it was built on its commit.
    let changes = add_item(&mut ws, "i-from-c", "From the second tab");
    c.save(&ws, &changes).unwrap();
    assert!(a.changed_elsewhere());
    let (mine_now, lineage) = taken(a.reload(None));
    assert!(mine_now == ws, "the first tab takes the second's edit");
    assert!(
        lineage.includes(a.last_written()) && lineage.parent == a.last_written(),
        "the second tab's commit names the first's as its parent"
    );
    assert!(!a.changed_elsewhere());
}

#[test]
fn a_full_quota_mid_commit_leaves_the_last_commit_whole_and_retries_later() {
    let (b, mut a, mut ws) = saved();
    let before = b.dump();

    // Room for a chunk or two, not for the whole change and its meta.
    let used: usize = before.iter().map(|(k, v)| k.len() + v.len()).sum();
    b.set_quota(Some(used + 3_000));
    let mut changes = Changes::default();
    for n in 0..40 {
        changes.merge(add_item(&mut ws, &format!("i-big-{n}"), "Big"));
        ws.products[0].items.last_mut().unwrap().description = "x".repeat(400);
    }
    let err = a.save(&ws, &changes).unwrap_err();
    assert_eq!(
        err,
        StorageNotice::WriteFailed {
            reason: StorageError::Quota.to_string()
        }
    );
    // What the banner says.
    assert!(StorageError::Quota.to_string().contains("full"));
    assert_eq!(
        b.dump(),
        before,
        "no key of the failed commit is left behind"
    );
    assert!(
        reopened(&b) == Some(sample()),
        "the last commit reads whole"
    );

    // Room again: the next save, of anything, writes what the failed one could not.
    b.set_quota(None);
    a.save(&ws, &Changes::default()).unwrap();
    assert!(reopened(&b) == Some(ws), "not the workspace expected");
}

#[test]
fn a_tab_that_dies_between_its_chunks_and_its_meta_loses_nothing_committed() {
    let (b, mut a, ws) = saved();
    let committed_meta = b.get(META_KEY).unwrap();

    // The edit's keys are written, then the tab dies before the meta: storage holds the
    // new revision keys beside the old meta.
    let mut edited = ws.clone();
    let changes = add_item(&mut edited, "i-lost", "Never committed");
    a.save(&edited, &changes).unwrap();
    b.set(META_KEY, &committed_meta).unwrap();
    let orphans: Vec<String> = b
        .keys()
        .into_iter()
        .filter(|k| {
            twohats::storage::format::referenced_keys(&committed_meta)
                .is_some_and(|live| !live.contains(k))
        })
        .filter(|k| twohats::storage::format::is_document_key(k) && k != META_KEY)
        .collect();
    assert!(!orphans.is_empty());

    let (mut next, read) = tab(&b, 0xfeed_0000_0000_0001);
    assert!(read == Some(ws.clone()), "the last commit, whole");
    // Not at once: they may be a commit another tab's overwrote a moment ago, which a
    // tab that heard of it may still build on.
    next.sweep_leftovers();
    b.run_later();
    assert!(orphans.iter().all(|k| b.get(k).is_some()), "{orphans:?}");
    // Ten seconds on, the next sweep removes them, after the clean-up delay.
    let ticks = 10_000 / twohats::storage::backend::MS_PER_TICK + 1;
    (0..ticks).for_each(|_| {
        b.advance();
    });
    next.sweep_leftovers();
    assert!(
        orphans.iter().all(|k| b.get(k).is_some()),
        "not before the delay"
    );
    b.run_later();
    assert!(orphans.iter().all(|k| b.get(k).is_none()), "{orphans:?}");
    assert!(reopened(&b) == Some(ws), "not the workspace expected");
}

#[test]
fn superseded_revisions_stay_until_the_delay_for_a_lagging_tab() {
    let (b, mut a, mut ws) = saved();
    let first_meta = b.get(META_KEY).unwrap();
    let changes = add_item(&mut ws, "i-new", "New");
    a.save(&ws, &changes).unwrap();

    // A tab still on the first commit can read it whole until the clean-up runs.
    let lagging = b.clone();
    let keep = b.get(META_KEY).unwrap();
    lagging.set(META_KEY, &first_meta).unwrap();
    assert!(
        reopened(&lagging) == Some(sample()),
        "not the workspace expected"
    );
    lagging.set(META_KEY, &keep).unwrap();

    b.run_later();
    let live = twohats::storage::format::referenced_keys(&keep).unwrap();
    let stray: Vec<String> = b
        .keys()
        .into_iter()
        .filter(|k| {
            twohats::storage::format::is_document_key(k) && k != META_KEY && !live.contains(k)
        })
        .collect();
    assert!(stray.is_empty(), "{stray:?}");
    assert!(reopened(&b) == Some(ws), "not the workspace expected");
}

#[test]
fn a_damaged_index_is_backed_up_byte_for_byte_before_anything_is_written() {
    let (b, _a, _) = saved();
    let original = b.get(META_KEY).unwrap();
    b.set(META_KEY, &original[..20]).unwrap();
    let before = b.dump();

    let opened = Session::open(b.clone(), 3 << 48);
    let [StorageNotice::Recovered {
        backup_key, reason, ..
    }] = &opened.settled.notices[..]
    else {
        panic!("{:?}", opened.settled.notices);
    };
    assert!(reason.to_string().contains("not valid JSON"), "{reason}");
    let backup: std::collections::BTreeMap<String, String> =
        serde_json::from_str(&b.get(backup_key).unwrap()).unwrap();
    for (k, v) in before
        .iter()
        .filter(|(k, _)| twohats::storage::format::is_document_key(k))
    {
        assert_eq!(backup.get(k), Some(v), "{k} is in the backup as it was");
    }
}

#[test]
fn a_backup_that_cannot_be_written_stops_every_save() {
    let (b, _a, _) = saved();
    b.set(META_KEY, "{\"format\":\"twohats\",\"vers").unwrap();
    let before = b.dump();
    b.refuse(Some(StorageError::Quota));
    let mut opened = Session::open(b.clone(), 3 << 48);
    assert!(matches!(
        &opened.settled.notices[..],
        [StorageNotice::UnreadableKept { .. }]
    ));
    b.refuse(None);
    assert!(!opened.store.is_saving());
    opened.store.save_all(&sample()).unwrap();
    assert_eq!(b.dump(), before, "nothing written over the unreadable data");
}

#[test]
fn a_newer_version_is_never_written_over() {
    let b = MemoryBackend::new();
    b.set(
        META_KEY,
        r#"{"format":"twohats","version":99,"products":[]}"#,
    )
    .unwrap();
    let before = b.dump();
    let mut opened = Session::open(b.clone(), 1 << 48);
    assert_eq!(
        opened.settled.notices,
        vec![StorageNotice::Newer { version: 99 }]
    );
    opened.store.save_all(&sample()).unwrap();
    assert_eq!(b.dump(), before);
}

// ---------- older versions ----------

/// Opens `b`, which holds an older layout: nothing is read or saved until the engine
/// reads it (`open_older`), which shows the workspace to be saved in this version's form.
fn open_older(b: &MemoryBackend, layout: u32) -> (Session<MemoryBackend>, Workspace, u32) {
    let mut opened = Session::open(b.clone(), 3 << 48);
    assert_eq!(opened.older, Some(layout));
    assert_eq!(opened.settled.workspace, None);
    assert!(
        opened.settled.notices.is_empty(),
        "{:?}",
        opened.settled.notices
    );
    assert!(
        !opened.store.is_saving(),
        "nothing saved before the migration is read"
    );
    let settled = opened.store.open_older(layout);
    assert!(settled.notices.is_empty(), "{:?}", settled.notices);
    (
        opened.store,
        settled.workspace.expect("the older document"),
        settled.migrated_from.expect("migrated"),
    )
}

/// Migrates what `b` holds (`layout`) as the app does, and checks that it is then stored
/// whole in the current layout, the old keys gone once the clean-up ran, and nothing
/// lost.
fn migrates_whole(b: &MemoryBackend, layout: u32, ws: &Workspace) {
    let old_keys: Vec<String> = b.keys().into_iter().filter(|k| k != META_KEY).collect();
    let (mut store, read, from) = open_older(b, layout);
    assert_eq!(&read, ws, "every product and item read");
    assert_eq!(from, 1, "content version 1");
    assert!(from < CURRENT_VERSION);

    let notices = store.finish_migration(&read, from);
    let [StorageNotice::Migrated {
        from: 1,
        backup_key,
        saved: true,
    }] = &notices[..]
    else {
        panic!("{notices:?}");
    };
    assert!(
        backup_key.starts_with(&format!("{BACKUP_PREFIX}v1-")),
        "{backup_key}"
    );
    assert_eq!(
        b.get(backup_key),
        None,
        "the copy goes once the save went through"
    );
    let named = format::referenced_keys(&b.get(META_KEY).unwrap()).unwrap();
    assert!(named.iter().all(|k| !old_keys.contains(k)), "all rewritten");

    // The old keys go with the clean-up, as any superseded revision does.
    b.run_later();
    let mut expected = named.clone();
    expected.push(META_KEY.to_string());
    expected.sort();
    assert_eq!(b.keys(), expected, "only the new document is left");
    assert!(versions(b)
        .iter()
        .all(|(_, v)| *v == u64::from(STORAGE_VERSION)));

    reopens_as_current(b, ws);
}

/// The next start reads `b` as the current layout: no migration, nothing to say, `ws`.
fn reopens_as_current(b: &MemoryBackend, ws: &Workspace) {
    let again = Session::open(b.clone(), 4 << 48);
    assert_eq!(again.older, None);
    assert!(
        again.settled.notices.is_empty(),
        "{:?}",
        again.settled.notices
    );
    assert_eq!(again.settled.migrated_from, None);
    assert_eq!(again.settled.workspace.as_ref(), Some(ws));
}

/// Migrates a layout 2 store as the app does, checking that only its index was written.
fn migrates_by_its_index(b: &MemoryBackend) -> (Session<MemoryBackend>, Workspace) {
    let before = b.dump();
    let (mut store, read, from) = open_older(b, 2);
    assert_eq!(from, 1, "content version 1");
    assert_eq!(store.finish_migration(&read, from), migrated_from_1(true));
    let mut now = b.dump();
    let meta = now.remove(META_KEY).unwrap();
    let mut old = before.clone();
    old.remove(META_KEY);
    assert_eq!(now, old, "every product key as it was: no copy, no rewrite");
    assert_eq!(
        format::referenced_keys(&meta),
        format::referenced_keys(&before[META_KEY]),
        "the new index names the same keys"
    );
    assert!(
        meta.contains(&format!("\"version\":{STORAGE_VERSION}")),
        "{meta}"
    );
    (store, read)
}

#[test]
fn a_version_2_store_is_updated_by_its_index_alone_and_loses_nothing() {
    let (b, _a, ws) = saved();
    as_layout_2(&b);
    let (mut store, read) = migrates_by_its_index(&b);
    assert_eq!(read, ws);
    // The next start reads it as the current layout, version 2 keys and all.
    reopens_as_current(&b, &ws);
    // A product rewritten on its next change is written in the current layout.
    let mut changed = ws.clone();
    changed.products[0].name = "Renamed".into();
    let touched = Changes {
        meta: false,
        products: vec![changed.products[0].id.clone()],
    };
    store.save(&changed, &touched).unwrap();
    b.run_later();
    let reopened = Session::open(b.clone(), 5 << 48);
    assert_eq!(reopened.settled.workspace.as_ref(), Some(&changed));
}

#[test]
fn a_version_2_store_near_the_quota_is_still_updated() {
    let (b, _a, ws) = saved();
    as_layout_2(&b);
    // Room for a few characters: the index is rewritten at about the same length.
    let used: usize = b.dump().iter().map(|(k, v)| k.len() + v.len()).sum();
    b.set_quota(Some(used + 64));
    let (_store, read) = migrates_by_its_index(&b);
    assert_eq!(read, ws);
}

#[test]
fn a_version_1_store_is_migrated_the_same_way() {
    let b = MemoryBackend::new();
    let ws = sample();
    store_layout_1(&b, &ws);
    migrates_whole(&b, 1, &ws);
}

#[test]
fn a_version_2_store_whose_index_cannot_be_written_stays_as_it_was() {
    let (b, _a, _ws) = saved();
    as_layout_2(&b);
    let before = b.dump();
    let (mut store, read, from) = open_older(&b, 2);
    b.refuse(Some(StorageError::Quota));
    assert_eq!(store.finish_migration(&read, from), migrated_from_1(false));
    b.refuse(None);
    assert_eq!(b.dump(), before, "the version 2 keys stay as they were");
    // The next start finds the version 2 store again, and tries again.
    assert_eq!(Session::open(b.clone(), 5 << 48).older, Some(2));
}

#[test]
fn a_version_2_store_with_a_product_that_cannot_be_read_is_kept_and_the_rest_rebuilt() {
    let (b, _a, ws) = saved();
    as_layout_2(&b);
    // A chunk of the first product, cut short.
    let chunk = b
        .keys()
        .into_iter()
        .find(|k| k.starts_with(&format!("{}{}.", format::ITEMS_PREFIX, ws.products[0].id)))
        .unwrap();
    let text = b.get(&chunk).unwrap();
    b.set(&chunk, &text[..20]).unwrap();
    let before = b.dump();

    let mut opened = Session::open(b.clone(), 3 << 48);
    assert_eq!(opened.older, Some(2));
    let settled = opened.store.open_older(2);
    assert_eq!(settled.workspace, None);
    assert_eq!(settled.migrated_from, None);
    let [StorageNotice::Recovered {
        reason, backup_key, ..
    }] = &settled.notices[..]
    else {
        panic!("{:?}", settled.notices);
    };
    assert!(reason.to_string().contains("are damaged"), "{reason}");
    assert_eq!(settled.rebuild_from.as_ref(), Some(backup_key));
    let backup: std::collections::BTreeMap<String, String> =
        serde_json::from_str(&b.get(backup_key).unwrap()).unwrap();
    assert_eq!(backup, before, "every key kept as it was");
    // What the app then starts on: the products whose keys are whole.
    let rebuilt = opened.store.rebuild_from_backup(backup_key).unwrap();
    assert_eq!(rebuilt.products, vec![ws.products[1].clone()]);
}

#[test]
fn a_version_4_store_is_never_written_over() {
    let (b, _a, ws) = saved();
    let mut meta: serde_json::Value = serde_json::from_str(&b.get(META_KEY).unwrap()).unwrap();
    meta["version"] = 4.into();
    b.set(META_KEY, &meta.to_string()).unwrap();
    let before = b.dump();
    let mut opened = Session::open(b.clone(), 3 << 48);
    assert_eq!(opened.older, None);
    assert_eq!(
        opened.settled.notices,
        vec![StorageNotice::Newer { version: 4 }]
    );
    assert!(!opened.store.is_saving());
    opened.store.save_all(&ws).unwrap();
    assert_eq!(b.dump(), before);
}

#[test]
fn a_migration_of_the_layout_alone_needs_no_copy() {
    // No layout is only that today (each older one holds an older content version), but
    // the branch stays for the next layout change that keeps the content.
    let (b, _a, ws) = saved();
    as_layout_2(&b);
    let (mut store, read, _) = open_older(&b, 2);
    b.set_quota(Some(
        b.dump()
            .iter()
            .map(|(k, v)| k.len() + v.len())
            .sum::<usize>()
            * 2
            + 2_000,
    ));
    assert_eq!(store.finish_migration(&read, CURRENT_VERSION), vec![]);
    assert!(b.keys().iter().all(|k| !k.starts_with(BACKUP_PREFIX)));
    b.set_quota(None);
    b.run_later();
    assert!(versions(&b)
        .iter()
        .all(|(_, v)| *v == u64::from(STORAGE_VERSION)));
    assert_eq!(reopened(&b), Some(ws));
}
