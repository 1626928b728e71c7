#!/usr/bin/env node
// Performance benchmark of the Two Hats release build (dist/) in headless Chromium.
//
//   node scripts/bench.mjs [--sizes 100,1000,10000] [--reps 5] [--no-profile] [--loads-only] [--json out.json] [--dist DIR] [--trace FILE]
//   node scripts/bench.mjs --first-load [--runs 3] [--dist DIR]   (nginx + Lighthouse, see bench-first-load.mjs)
// --loads-only times the page loads and skips the interactions and the profile (a quicker
// comparison of two builds). --trace FILE records a Chrome trace (open it in DevTools'
// Performance panel) of one cold backlog load at the largest size, and prints where its
// main thread went and when the app's files arrived.
// --dist measures another build (say, an older commit's dist/ kept aside) to compare two
// builds on the same machine in the same hour.
//
// Serves a copy of dist/ under /twohats/ with `python3 -m http.server` on a free port,
// seeds localStorage with a generated workspace of N items (scripts/bench-workspace.mjs)
// and measures, inside the page with performance.now(), load and interaction latency.
// Every number is the median of --reps runs. See docs/performance.md ("Benchmark") for
// what each number means. Needs `trunk build --release` first; changes nothing in dist/.

import { createRequire } from 'node:module';
import { spawn, execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, availableParallelism, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHash } from 'node:crypto';
import { buildWorkspace, PRODUCT_ID, SEARCH_CHAR } from './bench-workspace.mjs';

const require = createRequire(import.meta.url);
const { chromium } = require('../e2e/node_modules/@playwright/test');

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');

// ---------------------------------------------------------------------------------------
// Options

const argv = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : dflt;
};
// The first load on nginx with gzip, and Lighthouse: scripts/bench-first-load.mjs.
if (argv.includes('--first-load')) {
  await import('./bench-first-load.mjs');
  process.exit(0);
}
const SIZES = opt('sizes', '100,1000,10000').split(',').map(Number);
const REPS = Number(opt('reps', '5'));
const LOADS_ONLY = argv.includes('--loads-only');
const PROFILE = !argv.includes('--no-profile') && !LOADS_ONLY;
const DIST = opt('dist', null);
const JSON_OUT = opt('json', null);
const TRACE = opt('trace', null);
const PAGE_TIMEOUT = 60_000;
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const VIEWPORT = { width: 1280, height: 800 };

const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'v8.execute',
  'disabled-by-default-v8.compile', 'v8.wasm', 'disabled-by-default-v8.wasm.detailed', 'blink.user_timing', 'loading'];

/** What marks each page as usable: its first row. */
const READY = {
  backlog: '[data-testid=backlog-row]',
  hierarchy: '[data-testid=outline-row]',
  roadmap: '[data-testid=bar]',
};

const log = (...a) => console.error(`[bench ${new Date().toISOString().slice(11, 19)}]`, ...a);

class Timeout extends Error {}
const isTimeout = (e) => e instanceof Timeout || e?.name === 'TimeoutError' || /Timeout \d+ms exceeded/.test(String(e?.message));
const withTimeout = (p, ms, what) => {
  let t;
  return Promise.race([
    p.finally(() => clearTimeout(t)),
    new Promise((_, rej) => { t = setTimeout(() => rej(new Timeout(`${what}: over ${ms / 1000} s`)), ms); }),
  ]);
};
/** Playwright's evaluate has no time limit of its own: a page stuck in a long task would hang. */
const guard = (p, what) => withTimeout(p, PAGE_TIMEOUT, what);

// ---------------------------------------------------------------------------------------
// In-page instrumentation, installed before the app's own scripts run (it only observes).

const PAGE_HOOKS = `(() => {
  if (window.__bench || !location.pathname.startsWith('/twohats/')) return;
  const b = (window.__bench = { setItemMs: 0, setItemCalls: 0, setItemErrors: 0, tti: null, ttiFrame: null, rowAt: null });

  // Time spent inside localStorage.setItem (the storage write of a save).
  const setItem = Storage.prototype.setItem;
  Storage.prototype.setItem = function (k, v) {
    const t = performance.now();
    try { return setItem.call(this, k, v); }
    catch (e) { b.setItemErrors++; throw e; }
    finally { b.setItemMs += performance.now() - t; b.setItemCalls++; }
  };

  // Interactive: the page's first row is in the DOM and a requestAnimationFrame has run
  // after it (tti); ttiFrame is the first task after that frame was rendered.
  const page = (location.hash.match(/^#\\/([a-z]+)/) || [])[1];
  const sel = ${JSON.stringify(READY)}[page];
  if (sel) {
    const mo = new MutationObserver(() => {
      if (b.rowAt !== null || !document.querySelector(sel)) return;
      b.rowAt = performance.now();
      mo.disconnect();
      requestAnimationFrame(() => {
        b.tti = performance.now();
        const ch = new MessageChannel();
        ch.port1.onmessage = () => { b.ttiFrame = performance.now(); };
        ch.port2.postMessage(null);
      });
    });
    mo.observe(document, { childList: true, subtree: true });
  }

  // One interaction: from the timeStamp of the first matching event (keydown of opts.key,
  // or click) to the first task after the rendering of the last frame that followed a DOM
  // change (a frame with no further change ends the measurement). With opts.until, frames
  // count only once that selector matches.
  b.arm = (opts) => {
    const m = (b.m = { start: null, end: null, frames: 0, mutations: 0, done: false });
    const onEvent = (e) => {
      if (m.start !== null || (opts.key && e.key !== opts.key)) return;
      m.start = e.timeStamp;
      window.removeEventListener(opts.event, onEvent, true);
    };
    window.addEventListener(opts.event, onEvent, true);
    let dirty = false, scheduled = false;
    const ready = () => !opts.until || document.querySelector(opts.until) !== null;
    const schedule = () => {
      if (scheduled) return;
      scheduled = true;
      requestAnimationFrame(() => {
        const ch = new MessageChannel();
        ch.port1.onmessage = () => {
          scheduled = false;
          if (dirty && ready()) { dirty = false; m.end = performance.now(); m.frames++; schedule(); }
          else if (dirty) { dirty = false; schedule(); }
          else if (m.end !== null) { m.done = true; mo.disconnect(); }
        };
        ch.port2.postMessage(null);
      });
    };
    // A change before the event (a save's status line from the run before) is not this
    // interaction's: it once ended a measurement before it began.
    const mo = new MutationObserver((recs) => { if (m.start === null) return; m.mutations += recs.length; dirty = true; schedule(); });
    mo.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
  };

  // Bytes the document takes in localStorage: (key + value) UTF-16 code units × 2.
  b.stored = () => {
    let chars = 0;
    for (let i = 0; i < localStorage.length; i++) {
      const k = localStorage.key(i);
      if (k.startsWith('twohats.')) chars += k.length + localStorage.getItem(k).length;
    }
    return chars * 2;
  };
})();`;

// ---------------------------------------------------------------------------------------
// Helpers

const median = (xs) => {
  const v = xs.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return xs.includes('timeout') ? 'timeout' : null;
  if (v.length < xs.length && xs.includes('timeout')) return 'timeout';
  const h = v.length >> 1;
  return v.length % 2 ? v[h] : (v[h - 1] + v[h]) / 2;
};

async function freePort() {
  return new Promise((res, rej) => {
    const s = createServer();
    s.once('error', rej);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => res(port));
    });
  });
}

async function waitForServer(url) {
  for (let i = 0; i < 100; i++) {
    try {
      const r = await fetch(url);
      if (r.ok) return;
    } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`server at ${url} did not start`);
}

async function metrics(cdp) {
  const { metrics: m } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(m.map((x) => [x.name, x.value]));
}

function firstLoadGzip(dir) {
  // The same rule and the same gzip (Python's, level 9) as scripts/size.py: top-level
  // html/css/js/wasm/svg/webmanifest files, not sw.js.
  const py = `
import gzip, os, sys
raw = gz = 0
for n in os.listdir(sys.argv[1]):
    p = os.path.join(sys.argv[1], n)
    if os.path.isfile(p) and n.endswith((".html", ".css", ".js", ".wasm", ".svg", ".webmanifest")) and n != "sw.js":
        b = open(p, "rb").read()
        raw += len(b)
        gz += len(gzip.compress(b, compresslevel=9))
print(raw, gz)`;
  const [raw, gz] = execFileSync('python3', ['-c', py, dir], { encoding: 'utf8' }).trim().split(' ').map(Number);
  return { raw, gz };
}

// ---------------------------------------------------------------------------------------
// The benchmark

class Bench {
  constructor(browser, base, seedUrl) {
    Object.assign(this, { browser, base, seedUrl });
  }

  /**
   * A fresh context (empty cache and storage) holding the workspace; the app not yet loaded.
   * Service workers are blocked unless `sw` is set: the cold and warm loads measure the
   * download and the browser's own cache.
   */
  async seeded(keys, { sw = false } = {}) {
    const context = await this.browser.newContext({ viewport: VIEWPORT, serviceWorkers: sw ? 'allow' : 'block' });
    await context.addInitScript({ content: PAGE_HOOKS });
    return this.tab(context, keys);
  }

  /** A new tab in `context`, storing `keys` first when given; the app not yet loaded. */
  async tab(context, keys = null) {
    const page = await context.newPage();
    page.setDefaultTimeout(PAGE_TIMEOUT);
    const problems = [];
    page.on('pageerror', (e) => problems.push(String(e)));
    page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
    page.on('response', (r) => { if (r.status() >= 400) problems.push(`HTTP ${r.status()} ${r.url()}`); });
    if (keys) {
      await page.goto(this.seedUrl);
      await page.evaluate((kv) => {
        localStorage.clear();
        for (const [k, v] of Object.entries(kv)) localStorage.setItem(k, v);
      }, keys);
    }
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    return { context, page, cdp, problems };
  }

  /** Loads a page and waits until it is interactive; null on timeout. */
  async load(s, route, { reload = false } = {}) {
    const url = `${this.base}#/${route}?p=${PRODUCT_ID}`;
    const deadline = Date.now() + PAGE_TIMEOUT;
    try {
      if (reload) await s.page.reload({ waitUntil: 'commit', timeout: PAGE_TIMEOUT });
      else await s.page.goto(url, { waitUntil: 'commit', timeout: PAGE_TIMEOUT });
      await s.page.waitForFunction(() => window.__bench && window.__bench.ttiFrame !== null, null, {
        timeout: Math.max(1000, deadline - Date.now()), polling: 50,
      });
    } catch (e) {
      if (isTimeout(e)) return null;
      throw e;
    }
    // The paint entry is queued when the frame is presented, which can be after ttiFrame.
    await s.page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0, null, { timeout: 10_000, polling: 50 })
      .catch((e) => { if (!isTimeout(e)) throw e; });
    const r = await guard(s.page.evaluate((sel) => {
      const fcp = performance.getEntriesByName('first-contentful-paint')[0];
      const b = window.__bench;
      return {
        fcp: fcp ? fcp.startTime : null, tti: b.tti, ttiFrame: b.ttiFrame, rowAt: b.rowAt,
        nodes: document.getElementsByTagName('*').length, rows: document.querySelectorAll(sel).length,
      };
    }, READY[route]), 'read load timings');
    // CDP's counters start again with each document, so they cover this load alone; the
    // DevTools commands (Playwright's polling) are taken out of the busy time.
    const after = await guard(metrics(s.cdp), 'metrics');
    Object.assign(r, {
      script: after.ScriptDuration * 1000, layout: after.LayoutDuration * 1000, style: after.RecalcStyleDuration * 1000,
      task: (after.TaskDuration - after.DevToolsCommandDuration) * 1000,
      heapMB: after.JSHeapUsedSize / 1048576,
    });
    return r;
  }

  /** Runs `act` between arming the in-page probe and its end; returns ms and CDP deltas. */
  async interaction(s, arm, act) {
    let m0, m1, st0, r;
    try {
      await guard(s.page.evaluate((o) => window.__bench.arm(o), arm), 'arm');
      m0 = await guard(metrics(s.cdp), 'metrics');
      st0 = await guard(s.page.evaluate(() => ({ ms: window.__bench.setItemMs, err: window.__bench.setItemErrors })), 'setItem');
      const deadline = Date.now() + PAGE_TIMEOUT;
      await withTimeout(act(), PAGE_TIMEOUT, 'action');
      await s.page.waitForFunction(() => window.__bench.m.done, null, { timeout: Math.max(1000, deadline - Date.now()), polling: 20 });
      m1 = await guard(metrics(s.cdp), 'metrics');
      r = await guard(s.page.evaluate(() => {
        const { m, setItemMs, setItemErrors } = window.__bench;
        return { ms: m.end - m.start, start: m.start, frames: m.frames, mutations: m.mutations, setItemMs, setItemErrors };
      }), 'read');
    } catch (e) {
      if (isTimeout(e)) return { ms: 'timeout' };
      throw e;
    }
    const d = (k) => (m1[k] - m0[k]) * 1000;
    return {
      ms: r.start === null ? null : r.ms,
      // Main-thread busy time between the two snapshots, without the DevTools commands
      // (Playwright's own evaluate and polling calls).
      task: d('TaskDuration') - d('DevToolsCommandDuration'),
      style: d('RecalcStyleDuration'),
      layout: d('LayoutDuration'),
      frames: r.frames,
      script: (m1.ScriptDuration - m0.ScriptDuration) * 1000,
      setItem: r.setItemMs - st0.ms,
      setItemFailed: r.setItemErrors > st0.err,
      mutations: r.mutations,
    };
  }

  /** Loads a page while recording a Chrome trace to `file`; its summary, null on timeout. */
  async tracedLoad(s, route, file) {
    await this.browser.startTracing(s.page, { path: file, categories: TRACE_CATEGORIES });
    const r = await this.load(s, route);
    const events = JSON.parse((await this.browser.stopTracing()).toString()).traceEvents;
    return r && traceSummary(events, r.tti);
  }

  /** A Chrome trace of one cold backlog load (see --trace); null on timeout. */
  async trace(keys, file) {
    const s = await this.seeded(keys);
    try {
      return await this.tracedLoad(s, 'backlog', file);
    } finally {
      await s.context.close();
    }
  }

  /** Two frames and a short pause, so the next measurement starts from a quiet page. */
  async settle(page) {
    await guard(page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 30))))), 'settle');
  }

  /**
   * A returning visit: the app was opened once in this browser profile (its service worker
   * installed, its files cached) and the tab closed; a new tab opens the page. This is
   * how a user with this many items meets the app on any day after the first; a cold load
   * with that many items stored cannot be a first visit. Null on timeout.
   */
  async revisit(keys, route, traceFile = null) {
    const first = await this.seeded(keys, { sw: true });
    try {
      if ((await this.load(first, route)) === null) return null;
      // The worker has cached every file of the build once its cache holds the wasm.
      await first.page.waitForFunction(async () => {
        const reg = await navigator.serviceWorker.getRegistration();
        if (!reg?.active) return false;
        for (const k of await caches.keys()) {
          const c = await caches.open(k);
          if ((await c.keys()).some((r) => r.url.endsWith('.wasm'))) return true;
        }
        return false;
      }, null, { timeout: PAGE_TIMEOUT, polling: 100 });
      await first.page.close();
      const again = await this.tab(first.context);
      return await (traceFile ? this.tracedLoad(again, route, traceFile) : this.load(again, route));
    } catch (e) {
      if (isTimeout(e)) return null;
      throw e;
    } finally {
      await first.context.close();
    }
  }

  /** FCP and TTI of the three pages, cold (fresh context) and warm (reload), REPS times. */
  async loads(keys) {
    const out = {};
    for (const route of Object.keys(READY)) {
      const cold = [], warm = [], back = [], problems = [];
      for (let i = 0; i < REPS; i++) {
        back.push((await this.revisit(keys, route)) ?? 'timeout');
        const s = await this.seeded(keys);
        try {
          const c = await this.load(s, route);
          cold.push(c ?? 'timeout');
          if (c === null) { log(`  ${route}: timeout`); break; }
          const w = await this.load(s, route, { reload: true });
          warm.push(w ?? 'timeout');
          problems.push(...s.problems);
        } finally {
          await s.context.close();
        }
      }
      const pick = (xs, k) => median(xs.map((x) => (x === 'timeout' ? 'timeout' : x[k])));
      const keysOf = ['fcp', 'tti', 'ttiFrame', 'rowAt', 'nodes', 'rows', 'script', 'layout', 'style', 'task', 'heapMB'];
      out[route] = {
        cold: Object.fromEntries(keysOf.map((k) => [k, pick(cold, k)])),
        warm: Object.fromEntries(keysOf.map((k) => [k, pick(warm, k)])),
        revisit: Object.fromEntries(keysOf.map((k) => [k, pick(back, k)])),
      };
      if (problems.length) log(`  ${route}: page problems: ${[...new Set(problems)].slice(0, 3).join(' | ')}`);
      log(`  ${route}: cold tti ${fmt(out[route].cold.tti)} ms (frame ${fmt(out[route].cold.ttiFrame)}), warm tti ${fmt(out[route].warm.tti)} ms, returning visit ${fmt(out[route].revisit.tti)} ms, ${out[route].cold.nodes} elements`);
    }
    return out;
  }

  /**
   * Filter, reorder, open and save on the backlog, REPS times each. Each kind runs in its
   * own fresh session (a new load), so a page that stops responding in one costs only that
   * one: its remaining runs are reported as "timeout".
   */
  async interactions(keys) {
    const res = { filter: [], clear: [], reorder: [], open: [], edit: [], save: [], flush: [], saveOk: [], outline: [], outlineClear: [], board: [], timeline: [], notices: [], problems: [], shownAfterFilter: null };
    const phase = async (name, fn, route = 'backlog') => {
      const s = await this.seeded(keys);
      const t0 = Date.now();
      try {
        if ((await this.load(s, route)) === null) throw new Timeout('load');
        await this.settle(s.page);
        await fn(s);
      } catch (e) {
        if (!isTimeout(e)) throw e;
        log(`  ${name}: timeout (${String(e.message ?? e).split('\n')[0]})`);
        while (res[name].length < REPS) res[name].push({ ms: 'timeout' });
      } finally {
        res.problems.push(...s.problems);
        await s.context.close();
      }
      const ok = res[name].filter((x) => typeof x.ms === 'number');
      log(`  ${name}: ${ok.map((x) => x.ms.toFixed(0)).join(', ')} ms (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
    };

    // Filter: one character into the empty search box, then Backspace back to all rows.
    await phase('filter', async (s) => {
      const { page } = s;
      await page.getByTestId('backlog-search').focus();
      for (let i = 0; i < REPS; i++) {
        res.filter.push(await this.interaction(s, { event: 'keydown', key: SEARCH_CHAR }, () => page.keyboard.press(SEARCH_CHAR)));
        if (i === 0) res.shownAfterFilter = await guard(page.locator(READY.backlog).count(), 'count');
        await this.settle(page);
        const c = await this.interaction(s, { event: 'keydown', key: 'Backspace' }, () => page.keyboard.press('Backspace'));
        res.clear.push(c);
        if (c.ms === 'timeout') throw new Timeout('Backspace');
        await this.settle(page);
      }
    });
    while (res.clear.length < res.filter.length) res.clear.push({ ms: 'timeout' });

    // Reorder: Alt+ArrowDown on the focused first row (the app keeps focus on the moved row).
    await phase('reorder', async (s) => {
      const { page } = s;
      const firstId = await page.locator(READY.backlog).first().getAttribute('data-id');
      for (let i = 0; i < REPS; i++) {
        await guard(page.evaluate((id) => {
          const el = document.getElementById(`item-${id}`);
          if (el && document.activeElement !== el) el.focus();
        }, firstId), 'focus');
        const r = await this.interaction(s, { event: 'keydown', key: 'ArrowDown' }, () => page.keyboard.press('Alt+ArrowDown'));
        res.reorder.push(r);
        if (r.ms === 'timeout') throw new Timeout('reorder');
        await this.settle(page);
      }
    });

    // Open an item: click its title, until the side panel is there; Escape closes it.
    await phase('open', async (s) => {
      const { page } = s;
      for (let i = 0; i < REPS; i++) {
        const btn = page.getByTestId('open-item').nth(i + 1);
        await btn.scrollIntoViewIfNeeded();
        await this.settle(page);
        const r = await this.interaction(s, { event: 'click', until: '[data-testid=item-panel]' }, () => btn.click());
        res.open.push(r);
        if (r.ms === 'timeout') throw new Timeout('open');
        await this.settle(page);
        await page.getByTestId('item-panel').press('Escape');
        await page.getByTestId('item-panel').waitFor({ state: 'detached' });
        await this.settle(page);
      }
    });

    // Edit in the open item panel: an estimate button, click to the frame after the change
    // (the panel and the row follow the item; the write waits for the save delay).
    await phase('edit', async (s) => {
      const { page } = s;
      await page.getByTestId('open-item').nth(1).click();
      await page.getByTestId('item-panel').waitFor();
      await this.settle(page);
      const panel = page.getByTestId('item-panel');
      for (let i = 0; i < REPS; i++) {
        // Any estimate but the current one: an unchanged item changes nothing on screen.
        const btn = panel.locator('.estimate button[aria-pressed=false]').nth(i % 3);
        const r = await this.interaction(s, { event: 'click' }, () => btn.click());
        res.edit.push(r);
        if (r.ms === 'timeout') throw new Timeout('edit');
        await this.settle(page);
      }
    });

    // The hierarchy's filter: the same character, on the outline of the whole product.
    await phase('outline', async (s) => {
      const { page } = s;
      await page.getByTestId('outline-filter').focus();
      for (let i = 0; i < REPS; i++) {
        res.outline.push(await this.interaction(s, { event: 'keydown', key: SEARCH_CHAR }, () => page.keyboard.press(SEARCH_CHAR)));
        await this.settle(page);
        const c = await this.interaction(s, { event: 'keydown', key: 'Backspace' }, () => page.keyboard.press('Backspace'));
        res.outlineClear.push(c);
        if (c.ms === 'timeout') throw new Timeout('Backspace');
        await this.settle(page);
      }
    }, 'hierarchy');
    while (res.outlineClear.length < res.outline.length) res.outlineClear.push({ ms: 'timeout' });

    // The roadmap: from the timeline to the Now / Next / Later board and back.
    await phase('board', async (s) => {
      const { page } = s;
      for (let i = 0; i < REPS; i++) {
        res.board.push(await this.interaction(s, { event: 'click', until: '[data-testid=roadmap-board]' }, () => page.getByTestId('view-board').click()));
        await this.settle(page);
        const t = await this.interaction(s, { event: 'click', until: '[data-testid=bar]' }, () => page.getByTestId('view-timeline').click());
        res.timeline.push(t);
        if (t.ms === 'timeout') throw new Timeout('timeline');
        await this.settle(page);
      }
    }, 'roadmap');
    while (res.timeline.length < res.board.length) res.timeline.push({ ms: 'timeout' });

    // Save: Enter in the quick-add line adds an item; the write waits 250 ms (debounced),
    // so it is then run at once, as a page hide would, and timed on its own.
    await phase('save', async (s) => {
      const { page } = s;
      const add = page.getByTestId('quick-add-title');
      const rev = () => guard(page.evaluate((pid) => {
        try { return JSON.parse(localStorage.getItem('twohats.meta')).products.find((p) => p.id === pid).rev; } catch { return null; }
      }, PRODUCT_ID), 'rev');
      for (let i = 0; i < REPS; i++) {
        await add.fill(`Bench quick add ${i + 1}`);
        await this.settle(page);
        const r0 = await rev();
        const r = await this.interaction(s, { event: 'keydown', key: 'Enter' }, () => add.press('Enter'));
        res.save.push(r);
        if (r.ms === 'timeout') throw new Timeout('save');
        res.flush.push(await guard(page.evaluate(() => {
          const s0 = window.__bench.setItemMs;
          const t = performance.now();
          window.dispatchEvent(new Event('pagehide'));
          return { ms: performance.now() - t, setItem: window.__bench.setItemMs - s0 };
        }), 'flush'));
        res.saveOk.push((await rev()) !== r0);
        await this.settle(page);
      }
      res.stored = await guard(page.evaluate(() => window.__bench.stored()), 'stored');
      res.notices = await page.getByTestId('notice').allTextContents();
    });
    return res;
  }

  /** A CPU profile of the backlog load and of one of each interaction, by where time went. */
  async profile(keys) {
    const s = await this.seeded(keys);
    const out = {};
    try {
      const { page, cdp } = s;
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
      const run = async (name, fn) => {
        await cdp.send('Profiler.start');
        let timedOut = false;
        try { await fn(); } catch (e) { if (isTimeout(e)) timedOut = true; else throw e; }
        const { profile } = await guard(cdp.send('Profiler.stop'), 'profiler');
        out[name] = summarise(profile);
        if (timedOut) {
          out[name].timeout = true;
          throw new Timeout(name);
        }
      };
      await run('backlog load', async () => {
        const r = await this.load(s, 'backlog');
        if (r === null) throw new Timeout('load');
      });
      await this.settle(page);
      await page.getByTestId('backlog-search').focus();
      await run(`filter keystroke`, async () => {
        const r = await this.interaction(s, { event: 'keydown', key: SEARCH_CHAR }, () => page.keyboard.press(SEARCH_CHAR));
        if (r.ms === 'timeout') throw new Timeout('filter');
      });
      await this.settle(page);
      await run('filter clear', async () => {
        const r = await this.interaction(s, { event: 'keydown', key: 'Backspace' }, () => page.keyboard.press('Backspace'));
        if (r.ms === 'timeout') throw new Timeout('clear');
      });
      await this.settle(page);
      const firstId = await page.locator(READY.backlog).first().getAttribute('data-id');
      await guard(page.evaluate((id) => document.getElementById(`item-${id}`).focus(), firstId), 'focus');
      await run('reorder', async () => {
        const r = await this.interaction(s, { event: 'keydown', key: 'ArrowDown' }, () => page.keyboard.press('Alt+ArrowDown'));
        if (r.ms === 'timeout') throw new Timeout('reorder');
      });
      await this.settle(page);
      const add = page.getByTestId('quick-add-title');
      await add.fill('Profiled quick add');
      await this.settle(page);
      await run('save (quick add)', async () => {
        const r = await this.interaction(s, { event: 'keydown', key: 'Enter' }, () => add.press('Enter'));
        if (r.ms === 'timeout') throw new Timeout('save');
      });
    } catch (e) {
      if (!isTimeout(e)) throw e;
      log(`  profile stopped: ${String(e.message ?? e).split('\n')[0]}`);
    } finally {
      await s.context.close();
    }
    return out;
  }
}

/** Self time of a V8 CPU profile by category, and the heaviest functions. */
function summarise(profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  for (let i = 0; i < profile.samples.length; i++) {
    const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    self.set(profile.samples[i], (self.get(profile.samples[i]) ?? 0) + dt);
  }
  const cat = (cf) => {
    const { functionName: f, url } = cf;
    if (f === '(idle)') return 'idle';
    if (f === '(garbage collector)') return 'garbage collection';
    if (f === '(program)') return 'browser (style, layout, paint, parse, other native)';
    if (f === '(root)') return 'root';
    if (/\.wasm$/.test(url) || /^(wasm-function|\$)/.test(f)) return 'wasm (Rust: app, Leptos, serde)';
    if (/\/twohats-[0-9a-f]+\.js$/.test(url)) return 'JS glue (wasm-bindgen)';
    if (url === '') return 'DOM and other built-ins called from JS';
    return 'other JS (page and bench hooks)';
  };
  const cats = {}, fns = new Map();
  let total = 0;
  for (const [id, ms] of self) {
    const n = byId.get(id);
    const c = cat(n.callFrame);
    if (c === 'idle' || c === 'root') continue;
    total += ms;
    cats[c] = (cats[c] ?? 0) + ms;
    const key = `${n.callFrame.functionName || '(anonymous)'} [${c.split(' ')[0]}]`;
    fns.set(key, (fns.get(key) ?? 0) + ms);
  }
  const top = [...fns].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([k, v]) => [k, v]);
  return { total, cats, top };
}

/** CPU time of the whole machine so far (jiffies), from /proc/stat. */
function cpuTimes() {
  try {
    const f = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1, 9).map(Number);
    const total = f.reduce((a, b) => a + b, 0);
    return { total, busy: total - f[3] - (f[4] ?? 0) };
  } catch {
    return { total: 1, busy: 0 };
  }
}

// ---------------------------------------------------------------------------------------
// Output

const fmt = (v, d = 0) => (v === 'timeout' ? 'timeout' : v === null || v === undefined ? '—' : Number(v).toFixed(d));
const ms = (v) => (v === 'timeout' || v === '—' ? v : v === null || v === undefined ? '—' : `${Number(v).toFixed(v < 10 ? 1 : 0)}`);

function table(results) {
  const sizes = Object.keys(results);
  const head = `| measure (median of ${REPS}) | ${sizes.map((n) => `${Number(n).toLocaleString('en')} items`).join(' | ')} |`;
  const sep = `| --- | ${sizes.map(() => '---:').join(' | ')} |`;
  const row = (label, f) => `| ${label} | ${sizes.map((n) => f(results[n])).join(' | ')} |`;
  const L = (r, route, w, k) => r.loads?.[route]?.[w]?.[k];
  const I = (r, name, k = 'ms') => {
    if (!r.inter) return '—';
    if (r.inter.timeout) return 'timeout';
    return median(r.inter[name].map((x) => (x.ms === 'timeout' ? 'timeout' : x[k])));
  };
  const rows = [
    head, sep,
    row('backlog: first contentful paint (ms)', (r) => ms(L(r, 'backlog', 'cold', 'fcp'))),
    row('**backlog: interactive (ms)**', (r) => `**${ms(L(r, 'backlog', 'cold', 'tti'))}**`),
    row('backlog: interactive, first frame rendered (ms)', (r) => ms(L(r, 'backlog', 'cold', 'ttiFrame'))),
    row('backlog: interactive, warm reload (ms)', (r) => ms(L(r, 'backlog', 'warm', 'tti'))),
    row('backlog: interactive, returning visit in a new tab (ms)', (r) => ms(L(r, 'backlog', 'revisit', 'tti'))),
    row('backlog load: main-thread busy / of which style / layout (ms)', (r) => ['task', 'style', 'layout'].map((k) => ms(L(r, 'backlog', 'cold', k))).join(' / ')),
    row('backlog: rows drawn / DOM elements', (r) => `${fmt(L(r, 'backlog', 'cold', 'rows'))} / ${fmt(L(r, 'backlog', 'cold', 'nodes'))}`),
    row('hierarchy: first contentful paint (ms)', (r) => ms(L(r, 'hierarchy', 'cold', 'fcp'))),
    row('**hierarchy: interactive (ms)**', (r) => `**${ms(L(r, 'hierarchy', 'cold', 'tti'))}**`),
    row('hierarchy: interactive, warm reload (ms)', (r) => ms(L(r, 'hierarchy', 'warm', 'tti'))),
    row('hierarchy: interactive, returning visit in a new tab (ms)', (r) => ms(L(r, 'hierarchy', 'revisit', 'tti'))),
    row('hierarchy: rows drawn / DOM elements', (r) => `${fmt(L(r, 'hierarchy', 'cold', 'rows'))} / ${fmt(L(r, 'hierarchy', 'cold', 'nodes'))}`),
    row('roadmap: first contentful paint (ms)', (r) => ms(L(r, 'roadmap', 'cold', 'fcp'))),
    row('**roadmap: interactive (ms)**', (r) => `**${ms(L(r, 'roadmap', 'cold', 'tti'))}**`),
    row('roadmap: interactive, warm reload (ms)', (r) => ms(L(r, 'roadmap', 'warm', 'tti'))),
    row('roadmap: interactive, returning visit in a new tab (ms)', (r) => ms(L(r, 'roadmap', 'revisit', 'tti'))),
    row('roadmap: bars drawn / DOM elements', (r) => `${fmt(L(r, 'roadmap', 'cold', 'rows'))} / ${fmt(L(r, 'roadmap', 'cold', 'nodes'))}`),
    row(`**filter: one keystroke ("${SEARCH_CHAR}", keeps 10%) (ms)**`, (r) => `**${ms(I(r, 'filter'))}**`),
    row('filter: Backspace back to all rows (ms)', (r) => ms(I(r, 'clear'))),
    row('**reorder: Alt+ArrowDown (ms)**', (r) => `**${ms(I(r, 'reorder'))}**`),
    row('**open item: click to panel (ms)**', (r) => `**${ms(I(r, 'open'))}**`),
    row('**edit in the item panel: an estimate, click to next frame (ms)**', (r) => `**${ms(I(r, 'edit'))}**`),
    row('**add (quick add): Enter to next frame (ms)**', (r) => `**${ms(I(r, 'save'))}**`),
    row('**hierarchy filter: one keystroke (ms)**', (r) => `**${ms(I(r, 'outline'))}**`),
    row('hierarchy filter: Backspace back to all rows (ms)', (r) => ms(I(r, 'outlineClear'))),
    row('**roadmap: timeline to board (ms)**', (r) => `**${ms(I(r, 'board'))}**`),
    row('roadmap: board back to timeline (ms)', (r) => ms(I(r, 'timeline'))),
    row('add: main-thread busy, CDP TaskDuration (ms)', (r) => ms(I(r, 'save', 'task'))),
    row('**save: the debounced write, main thread (ms)**', (r) => `**${ms(I(r, 'flush'))}**`),
    row('save: of which localStorage.setItem (ms)', (r) => ms(I(r, 'flush', 'setItem'))),
    row('save: written to storage?', (r) => (!r.inter || r.inter.timeout ? '—' : r.inter.saveOk.every(Boolean) ? 'yes' : r.inter.saveOk.some(Boolean) ? 'partly' : '**no (quota)**')),
    row('reorder: main-thread busy, CDP TaskDuration (ms)', (r) => ms(I(r, 'reorder', 'task'))),
    row('filter: main-thread busy, CDP TaskDuration (ms)', (r) => ms(I(r, 'filter', 'task'))),
    row('bytes stored (twohats.* keys, UTF-16)', (r) => (r.inter?.stored ? `${(r.inter.stored / 1048576).toFixed(2)} MiB` : '—')),
  ];
  return rows.join('\n');
}

/**
 * From a trace of one load: self time on the page's main thread by event name up to
 * interactive, and when each of the app's files was requested and done (ms after the
 * navigation started).
 */
function traceSummary(events, tti) {
  const nav = events.find((e) => e.name === 'navigationStart' && /\/twohats\//.test(e.args?.data?.documentLoaderURL ?? ''));
  if (!nav) return { error: 'no navigationStart in the trace' };
  const t0 = nav.ts, end = t0 + tti * 1000;
  const main = nav.tid, pid = nav.pid;
  const slices = events.filter((e) => e.ph === 'X' && e.pid === pid && e.tid === main && e.ts + (e.dur ?? 0) > t0 && e.ts < end)
    .sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  // Self time: each slice's duration less that of the slices nested in it.
  const self = new Map(), stack = [];
  const close = (until) => {
    while (stack.length && stack[stack.length - 1].ts + stack[stack.length - 1].dur <= until) stack.pop();
  };
  for (const e of slices) {
    close(e.ts);
    const d = Math.min(e.ts + e.dur, end) - Math.max(e.ts, t0);
    self.set(e.name, (self.get(e.name) ?? 0) + d);
    const parent = stack[stack.length - 1];
    if (parent) self.set(parent.name, (self.get(parent.name) ?? 0) - d);
    stack.push(e);
  }
  const top = [...self].filter(([, v]) => v > 500).sort((a, b) => b[1] - a[1]).slice(0, 14)
    .map(([k, v]) => [k, Math.round(v / 100) / 10]);
  const busy = slices.filter((e) => e.name === 'RunTask').reduce((a, e) => a + Math.min(e.ts + e.dur, end) - Math.max(e.ts, t0), 0);
  const files = {};
  // The app's own files (a new tab also loads the browser's own pages, in other processes).
  const site = new URL(nav.args.data.documentLoaderURL).origin;
  const sent = events.filter((e) => e.name === 'ResourceSendRequest' && e.args?.data?.url?.startsWith(site));
  for (const e of sent) {
    const name = e.args.data.url.split('/').pop().replace(/-[0-9a-f]{1,16}(?=[._])/, '') || 'index.html';
    const done = events.find((f) => f.name === 'ResourceFinish' && f.args?.data?.requestId === e.args.data.requestId);
    files[name] = { requested: Math.round((e.ts - t0) / 1000), done: done ? Math.round((done.ts - t0) / 1000) : null };
  }
  return { tti, busy: Math.round(busy / 1000), top, files };
}

function profileTable(prof) {
  const lines = [];
  for (const [name, p] of Object.entries(prof)) {
    const parts = Object.entries(p.cats).sort((a, b) => b[1] - a[1]).map(([c, v]) => `${c} ${v.toFixed(0)} ms (${((100 * v) / p.total).toFixed(0)}%)`);
    lines.push(`- **${name}**${p.timeout ? ' (timeout)' : ''}: ${p.total.toFixed(0)} ms sampled on the main thread — ${parts.join('; ')}.`);
    lines.push(`  Heaviest: ${p.top.slice(0, 5).map(([k, v]) => `\`${k}\` ${v.toFixed(0)} ms`).join(', ')}.`);
  }
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------
// Main

const site = mkdtempSync(join(tmpdir(), 'twohats-bench-'));
// dist/ may be rebuilt while we copy it: take a copy whose index.html names files it holds.
let distWarning = null;
for (let attempt = 1; ; attempt++) {
  rmSync(join(site, 'twohats'), { recursive: true, force: true });
  cpSync(DIST ?? join(root, 'dist'), join(site, 'twohats'), { recursive: true });
  const html = readFileSync(join(site, 'twohats', 'index.html'), 'utf8');
  const refs = [...html.matchAll(/(?:href|src|module_or_path:|from)\s*=?\s*['"]\.\/([^'"]+)['"]/g)].map((m) => m[1]);
  const missing = refs.filter((f) => { try { statSync(join(site, 'twohats', f)); return false; } catch { return true; } });
  // Subresource integrity: a file rewritten after index.html was written would be blocked.
  const stale = [...html.matchAll(/href="\.\/([^"]+)"[^>]*integrity="sha384-([^"]+)"/g)]
    .filter(([, f, want]) => !missing.includes(f) && createHash('sha384').update(readFileSync(join(site, 'twohats', f))).digest('base64') !== want)
    .map(([, f]) => f);
  if (refs.length > 0 && missing.length === 0 && stale.length === 0) break;
  if (attempt === 5) {
    if (refs.length === 0 || missing.length > 0) throw new Error(`dist/ is incomplete (index.html names ${missing.join(', ') || 'no files'}); run trunk build --release`);
    // A file changed after the build: the browser will block it; measure anyway and say so.
    distWarning = `dist/ was changed after its build: ${stale.join(', ')} no longer match${stale.length === 1 ? 'es' : ''} the integrity hash in index.html, so the browser blocks ${stale.length === 1 ? 'it' : 'them'}`;
    log(`warning: ${distWarning}`);
    break;
  }
  await new Promise((r) => setTimeout(r, 2000));
}
writeFileSync(join(site, 'seed.html'), '<!doctype html><title>seed</title><link rel="icon" href="data:,">');
const size = firstLoadGzip(join(site, 'twohats'));
const wasm = readdirSync(join(site, 'twohats')).find((f) => f.endsWith('.wasm'));
const port = await freePort();
const server = spawn('python3', ['-m', 'http.server', String(port), '--bind', '127.0.0.1', '--directory', site], { stdio: 'ignore' });
const stop = () => { if (server.exitCode === null) server.kill(); rmSync(site, { recursive: true, force: true }); };
process.on('SIGINT', () => { stop(); process.exit(130); });

let browser;
try {
  await waitForServer(`http://127.0.0.1:${port}/twohats/`);
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
  const bench = new Bench(browser, `http://127.0.0.1:${port}/twohats/`, `http://127.0.0.1:${port}/seed.html`);
  const machine = {
    nproc: availableParallelism(),
    cpu: (readFileSync('/proc/cpuinfo', 'utf8').match(/^model name\s*:\s*(.*)$/m) || [])[1] ?? 'unknown',
    chromium: (() => { try { return execFileSync(CHROMIUM, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim(); } catch { return browser.version(); } })(),
    node: process.version,
    wasm,
    firstLoad: size,
  };
  log(`machine: ${machine.nproc} cpu, ${machine.cpu}, ${machine.chromium}; ${wasm}; first load ${(size.gz / 1024).toFixed(1)} KiB gzip`);

  const results = {};
  let prof = null;
  for (const n of SIZES) {
    const keys = buildWorkspace(n);
    const chars = Object.entries(keys).reduce((a, [k, v]) => a + k.length + v.length, 0);
    log(`${n} items (${(chars / 1e6).toFixed(2)} M characters in storage)`);
    const cpu0 = cpuTimes();
    results[n] = { seededChars: chars, loadBefore: loadavg()[0] };
    results[n].loads = await bench.loads(keys);
    if (!LOADS_ONLY) {
      log(`  interactions…`);
      results[n].inter = await bench.interactions(keys);
    }
    if (results[n].inter?.notices?.length) log(`  notices: ${results[n].inter.notices.join(' | ').slice(0, 300)}`);
    results[n].loadAfter = loadavg()[0];
    const cpu1 = cpuTimes();
    results[n].coresBusy = (machine.nproc * (cpu1.busy - cpu0.busy)) / (cpu1.total - cpu0.total);
    log(`  load average (1 min) ${results[n].loadBefore.toFixed(1)} before, ${results[n].loadAfter.toFixed(1)} after; ${results[n].coresBusy.toFixed(2)} of ${machine.nproc} cores busy on average (all processes)`);
    if (TRACE && n === Math.max(...SIZES)) {
      log(`  traces of a cold load and a returning visit…`);
      const again = TRACE.replace(/(\.json)?$/, '-revisit.json');
      const traces = [['a cold backlog load', TRACE, await bench.trace(keys, TRACE)],
        ['a returning visit to the backlog', again, await bench.revisit(keys, 'backlog', again)]];
      results[n].trace = Object.fromEntries(traces.map(([what, , t]) => [what, t]));
      for (const [what, file, t] of traces) {
        if (!t) continue;
        log(`  trace of ${what}: interactive at ${fmt(t.tti)} ms, main thread busy ${t.busy} ms; written to ${file}`);
        console.log(`Trace of ${what}, ${n.toLocaleString('en')} items (${file}): interactive at ${fmt(t.tti)} ms, main thread busy ${t.busy} ms until then.`);
        console.log(`Main thread, self time by event (ms): ${t.top.map(([k, v]) => `${k} ${v}`).join(', ')}.`);
        console.log(`Files, requested → done (ms after navigation): ${Object.entries(t.files).map(([k, v]) => `${k} ${v.requested}→${v.done ?? '?'}`).join(', ')}.\n`);
      }
    }
    if (PROFILE && n === Math.max(...SIZES)) {
      log(`  CPU profile…`);
      prof = await bench.profile(keys);
    }
  }

  console.log(`\nMachine: ${machine.nproc} CPUs (nproc), ${machine.cpu}; ${machine.chromium}; Node ${machine.node}; headless, ${VIEWPORT.width}×${VIEWPORT.height}.`);
  const busy = SIZES.map((n) => `${n} items: load ${results[n].loadBefore.toFixed(1)}→${results[n].loadAfter.toFixed(1)}, ${results[n].coresBusy.toFixed(2)} cores busy`).join('; ');
  console.log(`Machine load while measuring (1-min load average before→after; average cores busy, all processes, the benchmark included): ${busy}.`);
  console.log(`Build: ${wasm}; first load ${size.gz.toLocaleString('en')} B gzip (${(size.gz / 1024).toFixed(1)} KiB), ${size.raw.toLocaleString('en')} B raw.\n`);
  if (distWarning) console.log(`Warning: ${distWarning}.\n`);
  console.log(table(results));
  if (prof) {
    console.log(`\nCPU profile, ${Math.max(...SIZES).toLocaleString('en')} items (self time, one run each):\n`);
    console.log(profileTable(prof));
  }
  for (const n of SIZES) {
    const i = results[n].inter;
    if (i?.notices?.length) console.log(`\nNotices shown at ${n} items: ${[...new Set(i.notices)].join(' | ')}`);
    if (i?.problems?.length) console.log(`\nPage errors at ${n} items: ${[...new Set(i.problems)].slice(0, 5).join(' | ')}`);
  }
  if (JSON_OUT) writeFileSync(JSON_OUT, JSON.stringify({ machine, results, profile: prof }, null, 2));
} finally {
  if (browser) await browser.close();
  stop();
}
