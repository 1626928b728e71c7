#![cfg(not(target_arch = "wasm32"))]
//! The cross-tab protocol on the real code: several `Tab`s (the app's per-tab editing
//! state) over one `MemoryBackend`, as browser tabs over one `localStorage`. Ends with a
//! seeded random run of edits, undos, saves, reloads, late announcements and a full
//! quota across three tabs, checked against what each tab told its user.

use std::collections::BTreeSet;
use twohats::model::sample::{counter_ids, sample_workspace};
use twohats::model::*;
use twohats::storage::backend::{MemoryBackend, StorageError};
use twohats::storage::session::{Session, StorageNotice};
use twohats::storage::tab::{Outcome, Tab};

type T = Tab<MemoryBackend>;

thread_local! {
    /// What opening storage reported, when it was not a clean open: storage left broken.
    static BROKEN: std::cell::RefCell<Vec<String>> = const { std::cell::RefCell::new(Vec::new()) };
}

fn sample() -> Workspace {
    sample_workspace(Day::new(2026, 3, 15).unwrap(), &mut counter_ids())
}

/// A tab opened on `b`, with the document it shows.
fn open(b: &MemoryBackend, seed: u64) -> (T, Workspace) {
    let opened = Session::open(b.clone(), seed << 48 | seed);
    // Opening while the quota is full opens read-only (`StorageNotice::Full`): by design,
    // not damage. Anything else it reports is storage left broken.
    let broken = opened
        .settled
        .notices
        .iter()
        .any(|n| !matches!(n, StorageNotice::Full { .. }));
    if broken {
        BROKEN.with(|b| b.borrow_mut().push(format!("{:?}", opened.settled.notices)));
    }
    (
        Tab::new(opened.store),
        opened.settled.workspace.unwrap_or_default(),
    )
}

/// What a tab opened now would show. Read without opening a session, which would
/// schedule clean-ups of its own and so change the run it looks at.
fn stored(b: &MemoryBackend) -> Workspace {
    use twohats::storage::{backend::Backend, format};
    match format::decode(&|k| b.get(k)) {
        format::Loaded::Ok { ws, set_aside, .. } if set_aside.is_empty() => ws,
        other => {
            BROKEN.with(|b| b.borrow_mut().push(format!("{other:?}")));
            Workspace::default()
        }
    }
}

fn add(product: &Id, id: &str, title: &str) -> Command {
    Command::Add {
        product: product.clone(),
        entity: Entity::Item(Item::new(Id::parse(id).unwrap(), ItemKind::Story, title)),
        index: None,
    }
}

fn rename(ws: &Workspace, item: &Id, title: &str) -> Option<Command> {
    let p = ws.products.iter().find(|p| p.item(item).is_some())?;
    let mut it = p.item(item)?.clone();
    it.title = title.to_string();
    Some(Command::Edit {
        product: p.id.clone(),
        entity: Entity::Item(it),
    })
}

/// The last item dragged to the top, under the first feature (or out of it, if it is
/// there already): a move to another parent and another place, undone by a command.
fn drag(ws: &Workspace) -> Option<Command> {
    let p = ws.products.first()?;
    let (last, first) = (p.items.last()?, p.items.first()?);
    let f = p.features.first().map(|f| f.id.clone());
    Some(Command::Move {
        product: p.id.clone(),
        kind: Kind::Item,
        id: last.id.clone(),
        parent: if last.feature == f { None } else { f },
        before: Some(first.id.clone()),
    })
}

fn items(ws: &Workspace) -> BTreeSet<String> {
    ws.products
        .iter()
        .flat_map(|p| p.items.iter().map(|i| i.id.as_str().to_string()))
        .collect()
}

/// Storage holds the items A and C each added.
fn stores_both(b: &MemoryBackend) {
    let all = items(&stored(b));
    assert!(
        all.contains("i-from-a") && all.contains("i-from-c"),
        "{all:?}"
    );
}

/// A store holding the sample, written by a tab that is gone (so that no undo takes
/// the sample away).
fn store_with_sample() -> MemoryBackend {
    let b = MemoryBackend::new();
    let (mut first, mut ws) = open(&b, 1);
    first.dispatch(&mut ws, Command::ReplaceWorkspace(Box::new(sample())));
    assert_eq!(first.flush(&mut ws).saved, Some(Ok(())));
    b.take_announced();
    b
}

/// Two tabs on the sample, both having read it.
fn two_tabs() -> (MemoryBackend, (T, Workspace), (T, Workspace), Id) {
    let b = store_with_sample();
    let (a, wa) = open(&b, 4);
    let c = open(&b, 2);
    let p = wa.products[0].id.clone();
    (b, (a, wa), c, p)
}

#[test]
fn two_tabs_adding_at_the_same_moment_both_keep_their_items() {
    let (b, (mut a, mut wa), (mut c, mut wc), p) = two_tabs();
    assert!(a
        .dispatch(&mut wa, add(&p, "i-from-a", "From A"))
        .refused
        .is_none());
    assert!(c
        .dispatch(&mut wc, add(&p, "i-from-c", "From C"))
        .refused
        .is_none());
    a.flush(&mut wa);
    // C saves without having heard of A's commit: it takes A's document and replays.
    let out = c.flush(&mut wc);
    assert!(out.say.is_some_and(|(t, _)| t.contains("both kept")));
    stores_both(&b);
    // A hears of C's merge and shows it too.
    for meta in b.take_announced() {
        a.heard(&mut wa, meta);
    }
    assert!(wa == stored(&b));
}

#[test]
fn an_edit_over_another_tabs_edit_of_the_same_item_says_whose_won() {
    let (_b, (mut a, mut wa), (mut c, mut wc), _) = two_tabs();
    let item = wa.products[0].items[0].id.clone();
    let cmd = rename(&wa, &item, "A's title").unwrap();
    a.dispatch(&mut wa, cmd);
    a.flush(&mut wa);
    let cmd = rename(&wc, &item, "C's title").unwrap();
    let out = c.dispatch(&mut wc, cmd);
    let (text, error) = out.say.expect("the user is told");
    assert!(
        text.contains("Another tab changed this just before you"),
        "{text}"
    );
    assert!(error);
    assert!(out.replaced, "C now builds on A's document");
}

#[test]
fn an_undo_stays_undone_when_another_tab_saves_right_after_it() {
    let (b, (mut a, mut wa), (mut c, mut wc), p) = two_tabs();
    a.dispatch(&mut wa, add(&p, "i-regret", "Regretted"));
    a.flush(&mut wa);
    // C has not heard of that commit when A undoes it (written at once)...
    let out = a.step(&mut wa, true);
    assert_eq!(out.saved, Some(Ok(())));
    assert!(!items(&wa).contains("i-regret"));
    // ...and C saves an edit of its own right after.
    c.dispatch(&mut wc, add(&p, "i-from-c", "From C"));
    c.flush(&mut wc);
    let all = items(&stored(&b));
    assert!(!all.contains("i-regret"), "the undo was lost: {all:?}");
    assert!(all.contains("i-from-c"));
}

/// An add made in one step with others, which has no command to take it back
/// (`model::inverse`): its undo is a snapshot put back.
fn batch_add(product: &Id, id: &str, title: &str) -> Command {
    Command::Batch {
        label: "add".into(),
        commands: vec![add(product, id, title)],
    }
}

/// Tab `a` saves `cmd`, then undoes it while the quota is full: the undo is not saved.
fn undo_unsaved(b: &MemoryBackend, a: &mut T, wa: &mut Workspace, cmd: Command) {
    a.dispatch(wa, cmd);
    a.flush(wa);
    b.refuse(Some(StorageError::Quota));
    let out = a.step(wa, true);
    assert!(matches!(out.saved, Some(Err(_))));
    b.refuse(None);
}

#[test]
fn an_unsaved_undo_of_an_add_is_replayed_on_the_document_another_tab_saved() {
    let (b, (mut a, mut wa), (mut c, mut wc), p) = two_tabs();
    undo_unsaved(&b, &mut a, &mut wa, add(&p, "i-a", "A"));
    // C had taken A's add, and saves an item of its own.
    c.reload(&mut wc, &mut Outcome::default());
    assert!(items(&wc).contains("i-a"));
    c.dispatch(&mut wc, add(&p, "i-c", "C"));
    c.flush(&mut wc);

    let out = a.flush(&mut wa);
    assert!(
        !out.diverged,
        "an undone add is a delete, replayed like any edit"
    );
    assert!(a.session.is_saving());
    let shown = items(&wa);
    assert!(shown.contains("i-c") && !shown.contains("i-a"), "{shown:?}");
    assert_eq!(
        items(&stored(&b)),
        shown,
        "A's undo is saved over C's document"
    );
}

#[test]
fn an_unsaved_undo_with_no_command_of_its_own_is_neither_replaced_nor_written_over() {
    let (b, (mut a, mut wa), (mut c, mut wc), p) = two_tabs();
    undo_unsaved(&b, &mut a, &mut wa, batch_add(&p, "i-a", "A"));
    c.dispatch(&mut wc, add(&p, "i-c", "C"));
    c.flush(&mut wc);
    let theirs = b.dump();

    let out = a.flush(&mut wa);
    let out2 = a.reload(&mut wa, &mut Outcome::default());
    assert!(
        out.diverged || !out2,
        "A does not take C's document over its unsaved undo"
    );
    assert!(!items(&wa).contains("i-a"), "A keeps showing its undo");
    assert!(!a.session.is_saving());
    a.dispatch(&mut wa, add(&p, "i-after", "After"));
    a.flush(&mut wa);
    assert_eq!(b.dump(), theirs, "a diverged tab never writes");
}

/// A small, seeded, reproducible generator (xorshift).
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
}

/// What a tab told its user was saved: items it added that were in its document when
/// a save of its went through, minus those it then undid and saved.
#[derive(Default)]
struct Told {
    saved: BTreeSet<String>,
    added: BTreeSet<String>,
}

fn note(told: &mut Told, t: &T, ws: &Workspace, out: &Outcome) {
    if matches!(out.saved, Some(Ok(()))) && t.session.is_saving() {
        let now = items(ws);
        told.saved
            .retain(|i| now.contains(i) || !told.added.contains(i));
        told.saved
            .extend(told.added.iter().filter(|i| now.contains(*i)).cloned());
    }
}

/// The state of one random run: the store, three tabs, what each told its user, and the
/// announcements each has yet to hear.
struct Run {
    seed: u64,
    rng: Rng,
    b: MemoryBackend,
    /// Each tab's lagging view of `b`.
    views: [MemoryBackend; 3],
    p: Id,
    tabs: [(T, Workspace); 3],
    told: [Told; 3],
    heard: [Vec<String>; 3],
    next: u64,
    opened: u64,
    /// Ticks before a write or an announcement reaches the other tabs.
    lag: u64,
    /// Whether half the renames are drags instead (see `Views::drags`).
    drags: bool,
}

/// With `TRACE=1`, one line per step: what it did, and the random items the tab and
/// storage hold. With `BROKEN=1`, stops at the first step that leaves storage unreadable.
fn trace(run: &Run, n: usize, what: &str, out: &Outcome) {
    if std::env::var("BROKEN").is_ok() {
        let read = twohats::storage::format::decode(&|k| {
            twohats::storage::backend::Backend::get(&run.b, k)
        });
        match read {
            twohats::storage::format::Loaded::Unreadable { reason } => {
                panic!("broken after {what} on tab {n}: {reason}; {out:?}")
            }
            twohats::storage::format::Loaded::Ok { set_aside, .. } if !set_aside.is_empty() => {
                panic!("broken after {what} on tab {n}: {set_aside:?}; {out:?}")
            }
            _ => {}
        }
    }
    if std::env::var("TRACE").is_ok() {
        let random = |ws: &Workspace| -> Vec<String> {
            items(ws)
                .into_iter()
                .filter(|i| i.starts_with("i-r") && i.len() > 3)
                .collect()
        };
        let commit = |b: &MemoryBackend| {
            let m = twohats::storage::backend::Backend::get(b, "twohats.meta").unwrap_or_default();
            let l = twohats::storage::format::lineage(&m);
            (l.commit % 1000, l.parent % 1000)
        };
        eprintln!(
            "{what} tab {n} saving={} view={:?} store={:?} {out:?}\n   mine={:?}\n   stored={:?}\n   told={:?}",
            run.tabs[n].0.session.is_saving(),
            commit(&run.views[n]),
            commit(&run.b),
            random(&run.tabs[n].1),
            random(&stored(&run.b)),
            run.told[n].saved
        );
    }
}

impl Run {
    fn new(seed: u64) -> Run {
        let (b, (_, wa), _, p) = two_tabs();
        drop(wa);
        // Odd seeds: a tab also misses another's write of a key it wrote just before.
        let views = [b.lagging_view(), b.lagging_view(), b.lagging_view()];
        let tabs = [0, 1, 2].map(|n| open(&views[n], seed * 10 + n as u64));
        Run {
            seed,
            rng: Rng(seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1),
            b,
            views,
            p,
            tabs,
            told: Default::default(),
            heard: Default::default(),
            next: 0,
            opened: 0,
            lag: 0,
            drags: true,
        }
    }

    /// Time passes: writes and announcements made `LAG` ticks ago reach every tab (the
    /// writes a tab misses altogether aside), and clean-ups scheduled `TIMER` ticks ago
    /// run. Chromium hands changes to other tabs within milliseconds, and the clean-up
    /// waits seconds (docs/storage.md), so the lag is much shorter than the timer: the
    /// app's delay, in ticks.
    fn tick(&mut self) {
        const TIMER: u64 = twohats::storage::session::CLEAN_UP_DELAY_MS as u64
            / twohats::storage::backend::MS_PER_TICK;
        let now = self.b.advance();
        let lag = self.lag;
        let metas = self.b.take_announced_before(now.saturating_sub(lag));
        for (t, _) in self.tabs.iter_mut() {
            // A read-only tab checks for room now and then (`AppState::watch_room`).
            if t.session.is_full() {
                t.session.check_room();
            }
        }
        for n in 0..3 {
            let keys = self.views[n].deliver_before(now.saturating_sub(lag));
            self.storage_events(n, keys);
            self.heard[n].extend(metas.iter().cloned());
            for meta in std::mem::take(&mut self.heard[n]) {
                let (t, ws) = &mut self.tabs[n];
                let out = t.heard(ws, meta);
                note(&mut self.told[n], t, ws, &out);
                if out != Outcome::default() {
                    trace(self, n, "tick: heard", &out);
                }
            }
        }
        self.b.run_before(now.saturating_sub(TIMER));
    }

    /// Tab `n` hears of changes to `keys`, as `storage` events.
    fn storage_events(&mut self, n: usize, keys: Vec<String>) -> Outcome {
        let mut out = Outcome::default();
        for key in keys {
            let value = twohats::storage::backend::Backend::get(&self.views[n], &key);
            let (t, ws) = &mut self.tabs[n];
            let o = t.storage_changed(ws, Some(&key), value.as_deref());
            note(&mut self.told[n], t, ws, &o);
            if o != Outcome::default() {
                trace(self, n, &format!("storage event {key}"), &o);
                out = o;
            }
        }
        out
    }

    /// Hands tab `n` up to `count` of the other tabs' writes early.
    fn deliver(&mut self, n: usize, count: usize) -> Outcome {
        let keys = self.views[n].deliver(count);
        self.storage_events(n, keys)
    }

    /// One random thing a user, another tab or the browser does to tab `n`.
    fn step(&mut self, n: usize) -> Outcome {
        let (t, ws) = &mut self.tabs[n];
        match self.rng.below(12) {
            0..=2 => {
                self.next += 1;
                let id = format!("i-r{n}-{}", self.next);
                let out = t.dispatch(ws, add(&self.p, &id, "Random"));
                // A save this made (of another tab's document, before the add) is not
                // a save of the add.
                note(&mut self.told[n], t, ws, &out);
                if out.refused.is_none() {
                    self.told[n].added.insert(id);
                }
                Outcome::default()
            }
            3 if !self.drags || self.rng.below(2) == 0 => {
                let item = ws.products[0].items.first().map(|i| i.id.clone());
                match item.and_then(|i| rename(ws, &i, &format!("Title {}", self.next))) {
                    Some(cmd) => t.dispatch(ws, cmd),
                    None => Outcome::default(),
                }
            }
            3 => match drag(ws) {
                Some(cmd) => t.dispatch(ws, cmd),
                None => Outcome::default(),
            },
            4 => t.step(ws, self.rng.below(2) == 0),
            5 | 6 => t.flush(ws),
            7 => {
                // Announcements reach each tab late, in order.
                let metas = self.b.take_announced();
                for h in self.heard.iter_mut() {
                    h.extend(metas.iter().cloned());
                }
                let mut out = Outcome::default();
                for meta in std::mem::take(&mut self.heard[n]) {
                    out = t.heard(ws, meta);
                }
                out
            }
            8 => {
                // The quota fills or empties (another app on the same origin).
                let full = self.rng.below(2) == 0;
                self.b.refuse(full.then_some(StorageError::Quota));
                Outcome::default()
            }
            9 => {
                // The page is hidden and reloaded: pending edits are written first.
                let out = t.flush(ws);
                note(&mut self.told[n], t, ws, &out);
                if t.session.is_saving() {
                    // Every tab draws its own writer id and commit ids, as from a random seed.
                    self.opened += 1;
                    self.views[n].close();
                    self.views[n] = self.b.lagging_view();
                    (*t, *ws) = open(&self.views[n], 100 + self.seed * 1000 + self.opened);
                }
                Outcome::default()
            }
            _ => {
                let count = 1 + self.rng.below(4) as usize;
                self.deliver(n, count)
            }
        }
    }

    /// Room again; every tab saves and hears every announcement until nothing moves.
    fn converge(&mut self) {
        self.b.refuse(None);
        for _ in 0..30 {
            for n in 0..3 {
                let (t, ws) = &mut self.tabs[n];
                let out = t.flush(ws);
                note(&mut self.told[n], t, ws, &out);
                trace(self, n, "converging: flush", &out);
            }
            self.tick();
        }
    }

    /// Nothing a tab reported saved is gone, storage reads whole, every saving tab
    /// shows what storage holds.
    fn check(&self) -> Result<(), String> {
        let seed = self.seed;
        let last = items(&stored(&self.b));
        if let Some(broken) = BROKEN.with(|b| b.borrow_mut().drain(..).next()) {
            return Err(format!("seed {seed}: a tab opening storage found {broken}"));
        }
        for (n, tl) in self.told.iter().enumerate() {
            let lost: Vec<&String> = tl.saved.iter().filter(|i| !last.contains(*i)).collect();
            if !lost.is_empty() {
                return Err(format!(
                    "seed {seed}: tab {n} was told {lost:?} were saved, and they are gone"
                ));
            }
        }
        for (n, (t, ws)) in self.tabs.iter().enumerate() {
            if t.session.is_saving() && items(ws) != last {
                return Err(format!("seed {seed}: tab {n} did not converge"));
            }
        }
        Ok(())
    }
}

/// How another tab's writes reach a tab in a random run.
#[derive(Clone, Copy)]
struct Views {
    /// Ticks before a write or an announcement reaches the other tabs.
    lag: u64,
    /// Writes after its own write of a key in which a tab misses another's of it.
    stale: u64,
    /// Half the renames are drags to another parent (since 2026-12-08). Without, a
    /// seed runs as it did before, for the seeds that failed then.
    drags: bool,
}

const PROMPT: Views = Views {
    lag: 0,
    stale: 0,
    drags: true,
};
const CHROMIUM: Views = Views {
    lag: 2,
    stale: 3,
    drags: true,
};

fn random_run(seed: u64, views: Views) -> Result<(), String> {
    let mut run = Run::new(seed);
    run.lag = views.lag;
    run.drags = views.drags;
    run.b.set_stale_window(views.stale);
    for _ in 0..80 {
        let n = run.rng.below(3) as usize;
        if run.tabs[n].1.products.is_empty() {
            continue; // storage was found broken: reported by `check`
        }
        let out = run.step(n);
        let (t, ws) = &run.tabs[n];
        note(&mut run.told[n], t, ws, &out);
        trace(&run, n, "step", &out);
        run.tick();
    }
    run.converge();
    run.check()
}

/// Seed 1 of the random run below: a tab that heard of two commits late, the older
/// first, took the older one, replayed its edits on it and wrote over the newer one,
/// losing an item another tab had reported saved (`Session::announced_or_stored`).
#[test]
fn a_late_announcement_of_an_older_commit_is_not_taken_over_the_newer_one() {
    random_run(1, PROMPT).unwrap();
}

/// The seeds of the Chromium-like run that failed before storage won over an announced
/// commit beside it and logs named their whole lineage (2026-12-08): four lost items a
/// tab had reported saved (1149, 1822, 2163, 2185), three left a meta naming a key a
/// clean-up had removed (572, 771, 2646). All were storms of tabs overwriting each
/// other's merges, or a log whose parent had no log of its own.
#[test]
fn the_seeds_that_lost_items_or_broke_storage_before_now_pass() {
    let before = Views {
        drags: false,
        ..CHROMIUM
    };
    for seed in [572, 771, 1149, 1822, 2163, 2185, 2646] {
        random_run(seed, before).unwrap();
    }
    // With drags, two more failed while clean-ups and logs waited three seconds.
    for seed in [2056, 2597] {
        random_run(seed, CHROMIUM).unwrap();
    }
}

/// Runs the seeds given by `SEED=n` (one; with `TRACE=1` step by step, `BROKEN=1` to
/// stop where storage first reads broken) or `SEEDS=n` (1 to n), and reports failures.
fn random_runs(views: Views, default_seeds: u64) {
    let (failed, runs) = failures(views, default_seeds);
    assert!(
        failed.is_empty(),
        "{} of {runs} runs failed, first: {:?}",
        failed.len(),
        &failed[..failed.len().min(5)]
    );
}

/// The failures of the seeds `random_runs` takes, and how many ran; with `KINDS=1`,
/// tallied by kind.
fn failures(views: Views, default_seeds: u64) -> (Vec<String>, usize) {
    let seeds: Vec<u64> = match (std::env::var("SEED"), std::env::var("SEEDS")) {
        (Ok(s), _) => vec![s.parse().unwrap()],
        (_, Ok(n)) => (1..=n.parse().unwrap()).collect(),
        _ => (1..=default_seeds).collect(),
    };
    let failed: Vec<String> = seeds
        .iter()
        .filter_map(|s| random_run(*s, views).err())
        .collect();
    if std::env::var("KINDS").is_ok() {
        let mut tally = std::collections::BTreeMap::new();
        for f in &failed {
            *tally.entry(kind(f)).or_insert(0) += 1;
        }
        eprintln!("{tally:?}");
    }
    (failed, seeds.len())
}

/// The kind of a failure, for the tally `SEEDS=n KINDS=1` prints.
fn kind(failure: &str) -> &'static str {
    if failure.contains("were saved, and they are gone") {
        "items reported saved then lost"
    } else if failure.contains("did not converge") {
        "a tab did not converge"
    } else {
        "storage left unreadable"
    }
}

/// Edits, undos, redos, saves, reloads, late announcements and a full quota across
/// three tabs that see each other's writes after each step, with storage events: nothing
/// a tab reported saved is lost, storage always reads whole, and the tabs converge. The
/// first 300 seeds run with every `cargo test`; all of 1..6,000 pass.
#[test]
fn random_interleavings_across_three_tabs_lose_nothing_a_tab_reported_saved() {
    random_runs(PROMPT, 300);
}

/// The same with tabs that see each other's writes two ticks late and can miss one
/// altogether, as Chromium's do: the first 300 seeds with every `cargo test`; all of
/// 1..6,000 pass.
#[test]
fn random_interleavings_with_late_and_stale_views_lose_nothing_a_tab_reported_saved() {
    random_runs(CHROMIUM, 300);
}

/// Both, over 3,000 seeds each: `cargo test --release --test storage_tabs -- --ignored`
/// (`KINDS=1` tallies the failures; `SEEDS=n` runs 1..n of each). None of 6,000 fail
/// (2026-12-08 04:54 UTC); they were 92 and 617, then 2 and 12, then 0 and 7, then 0
/// and 2 (docs/storage.md, "Random runs").
#[test]
#[ignore]
fn random_interleavings_over_3000_seeds() {
    let (prompt, _) = failures(PROMPT, 3000);
    let (chromium, runs) = failures(CHROMIUM, 3000);
    // The seeds, each with the start of what went wrong (an unreadable store is long).
    let short = |f: &Vec<String>| -> Vec<String> {
        f.iter().map(|s| s.chars().take(60).collect()).collect()
    };
    assert!(
        prompt.is_empty() && chromium.is_empty(),
        "of {runs} runs each, instant views: {} failed {:?}; Chromium-like: {} failed {:?}",
        prompt.len(),
        short(&prompt),
        chromium.len(),
        short(&chromium)
    );
}

/// The keys of the commit logs storage holds.
fn logs(b: &MemoryBackend) -> Vec<String> {
    use twohats::storage::backend::Backend;
    b.keys()
        .into_iter()
        .filter(|k| k.starts_with(twohats::storage::session::logs::LOG_PREFIX))
        .collect()
}

/// Moves the store's clock on by `ms`.
fn wait(b: &MemoryBackend, ms: u64) {
    for _ in 0..ms.div_ceil(twohats::storage::backend::MS_PER_TICK) {
        b.advance();
    }
}

#[test]
fn a_commit_overwritten_after_its_tab_closed_is_merged_from_its_log() {
    let b = store_with_sample();
    let (va, vc) = (b.lagging_view(), b.lagging_view());
    let (a, wa) = open(&va, 4);
    let (mut c, mut wc) = open(&vc, 2);
    let p = wa.products[0].id.clone();
    overwritten_then_adopted(&b, (a, wa, &va), (&mut c, &mut wc, &vc), &p);
    // Every log goes once its commit is in: A's with C's merge, C's with its clean-up.
    b.run_later();
    assert_eq!(logs(&b), Vec::<String>::new());
    // A tab that closes right after saving (as on leaving) leaves its log behind: the
    // next tab's sweep lets it go once it is ten minutes old.
    let ve = b.lagging_view();
    let (mut e, mut we) = open(&ve, 5);
    e.dispatch(&mut we, add(&p, "i-from-e", "From E"));
    assert_eq!(e.flush(&mut we).saved, Some(Ok(())));
    ve.close();
    assert_eq!(logs(&b).len(), 1);
    b.run_later();
    assert_eq!(logs(&b).len(), 1, "its own clean-up never ran");
    wait(&b, 10 * 60 * 1000);
    let (mut d, mut wd) = open(&b, 3);
    wait(&b, 10_100);
    d.flush(&mut wd);
    b.run_later();
    assert_eq!(logs(&b), Vec::<String>::new());
}

/// A commit whose tab closed, overwritten by a tab whose view had shown neither it nor
/// the commit it was built on — one with no log (a retry writes the whole document,
/// with no commands). Its log names the commit before that, which the winning document
/// holds: the two histories meet there, so it is merged. (Counting only a log's parent
/// left it out: its items were lost.)
#[test]
fn a_commit_built_on_one_with_no_log_is_merged_from_its_log_when_overwritten() {
    let b = store_with_sample();
    let (va, vb, vc) = (b.lagging_view(), b.lagging_view(), b.lagging_view());
    let (a, wa) = open(&va, 4);
    let (mut c, mut wc) = open(&vc, 2);
    let p = wa.products[0].id.clone();
    let (mut retry, wr) = open(&vb, 3);
    assert_eq!(retry.save_all(&wr).saved, Some(Ok(())));
    assert_eq!(
        logs(&b),
        Vec::<String>::new(),
        "a retry has no commands to log"
    );
    // A takes the retried document and builds on it; C has seen neither.
    va.deliver(usize::MAX);
    overwritten_then_adopted(&b, (a, wa, &va), (&mut c, &mut wc, &vc), &p);
}

/// A commits and its tab closes; C, whose view has not shown A's commit, commits beside
/// it and wins the meta. A's log waits a second for its own tab, then C takes it in.
fn overwritten_then_adopted(
    b: &MemoryBackend,
    (mut a, mut wa, va): (T, Workspace, &MemoryBackend),
    (c, wc, vc): (&mut T, &mut Workspace, &MemoryBackend),
    p: &Id,
) {
    a.dispatch(&mut wa, add(p, "i-from-a", "From A"));
    assert_eq!(a.flush(&mut wa).saved, Some(Ok(())));
    va.close();
    drop(a);
    c.dispatch(wc, add(p, "i-from-c", "From C"));
    assert_eq!(c.flush(wc).saved, Some(Ok(())));
    assert!(
        !items(&stored(b)).contains("i-from-a"),
        "A's commit was overwritten"
    );
    vc.deliver(usize::MAX);
    wait(b, 1_100);
    let out = c.flush(wc);
    assert!(out.say.is_some_and(|(t, _)| t.contains("before it closed")));
    stores_both(b);
}
