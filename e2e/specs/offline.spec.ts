import { test, expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from './app';

test('after one visit the app loads, edits and saves with the network off', async ({ page, context }) => {
  const app = new App(page);
  await app.open();
  await app.loadSampleFromWelcome();
  // Wait until the service worker controls the page and has cached the app shell.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.reload();
  await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);

  await context.setOffline(true);
  await page.goto('./#/backlog');
  await expect(app.heading()).toHaveText('Backlog');
  await expect(page.getByTestId('backlog-row')).toHaveCount(32);
  await page.getByTestId('quick-add-title').fill('Planned on a plane');
  await page.getByTestId('quick-add-title').press('Enter');
  await page.reload();
  await expect(page.getByTestId('backlog-table')).toContainText('Planned on a plane');
  // A deep link to another page works offline too.
  await page.goto('./#/roadmap');
  await expect(app.heading()).toHaveText('Roadmap');
  await context.setOffline(false);
});

test('the app is installable: a manifest with icons and a service worker', async ({ page }) => {
  await page.goto('./');
  const manifest = await page.evaluate(async () => {
    const link = document.querySelector('link[rel=manifest]') as HTMLLinkElement;
    return (await fetch(link.href)).json();
  });
  expect(manifest.start_url).toBe('./');
  expect(manifest.icons.map((i: { sizes: string }) => i.sizes)).toEqual(['192x192', '512x512', 'any']);
  for (const icon of manifest.icons) {
    const ok = await page.evaluate(async (src) => (await fetch(src)).ok, icon.src);
    expect(ok, icon.src).toBe(true);
  }
  await expect.poll(() => page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length)).toBe(1);
});

/**
 * A static host of our own for these journeys, so they can take it down: the real test of
 * an offline start (Playwright's setOffline does not stop the service worker's fetches).
 * It sends `Cache-Control: no-store`, so only the service worker can answer once it is down.
 */
async function ownHost(port: number, extra: Record<string, string> = {}) {
  const site = mkdtempSync(join(tmpdir(), 'twohats-host-'));
  cpSync(join(__dirname, '..', '..', 'dist'), join(site, 'twohats'), { recursive: true });
  for (const [name, body] of Object.entries(extra)) writeFileSync(join(site, 'twohats', name), body);
  const server = `
import http.server, functools
class H(http.server.SimpleHTTPRequestHandler):
    def end_headers(self):
        self.send_header("Cache-Control", "no-store")
        super().end_headers()
    def log_message(self, *a):
        pass
http.server.ThreadingHTTPServer(("127.0.0.1", ${port}), functools.partial(H, directory=${JSON.stringify(site)})).serve_forever()
`;
  const proc = spawn('python3', ['-c', server], { stdio: 'ignore' });
  const base = `http://127.0.0.1:${port}/twohats/`;
  await expect.poll(async () => (await fetch(base).catch(() => null))?.ok ?? false, { timeout: 10_000 }).toBe(true);
  return { base, stop: () => proc.kill(), remove: () => rmSync(site, { recursive: true, force: true }) };
}

type OwnHost = Awaited<ReturnType<typeof ownHost>>;

/** Runs `body` in a fresh browser context against a host of our own, then takes both down. */
async function onOwnHost(browser: Browser, port: number, extra: Record<string, string>,
  body: (host: OwnHost, page: Page, context: BrowserContext) => Promise<void>) {
  const host = await ownHost(port, extra);
  const context = await browser.newContext();
  try {
    await body(host, await context.newPage(), context);
  } finally {
    await context.close();
    host.stop();
    host.remove();
  }
}

/** Waits until the service worker controls the page and holds every file of the build. */
async function cachedWhole(page: Page) {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller), { timeout: 10_000 }).toBe(true);
  await expect.poll(() => page.evaluate(async () => {
    const sw = await (await fetch('./sw.js')).text();
    const assets: string[] = JSON.parse(sw.slice(sw.indexOf('['), sw.indexOf(']') + 1));
    const cache = await caches.open((await caches.keys()).find((k) => k.startsWith('twohats-'))!);
    const held = await Promise.all(assets.map((a) => cache.match(a)));
    return held.filter((r) => !r).length;
  }), { timeout: 20_000 }).toBe(0);
}

test('after one visit every page opens with the site down, pages never opened included', async ({ browser }, info) => {
  await onOwnHost(browser, 4300 + info.workerIndex, {}, async (host, page) => {
    const app = new App(page);
    await page.goto(`${host.base}#/`);
    await app.loadSampleFromWelcome();
    await cachedWhole(page);
    host.stop();
    for (const [route, title] of [['roadmap', 'Roadmap'], ['explainer', 'Explainer: who does what'], ['data', 'Data'], ['training', 'Training'], ['backlog', 'Backlog']]) {
      await page.goto(`${host.base}#/${route}`);
      await page.reload();
      await expect(app.heading()).toHaveText(title);
    }
    await expect(page.getByTestId('backlog-row')).toHaveCount(32);
    await expect(page.getByTestId('page-failed')).toHaveCount(0);
    // Room mode too, its own chunk, in a training room with no network.
    await page.goto(`${host.base}#/room?at=2`);
    await page.reload();
    await expect(page.getByTestId('room-question')).toBeVisible();
  });
});

test('a build\'s cached files are kept while a tab still runs that build, and dropped after', async ({ browser }, info) => {
  // A tab of an older build answers the service worker's question with its build id.
  const oldTab = '<!doctype html><title>old build</title><script src="old-tab.js"></script>';
  const oldScript = 'navigator.serviceWorker.addEventListener("message", (e) => { if (e.data === "build?") e.ports[0].postMessage("0000000000000000"); }); navigator.serviceWorker.startMessages();';
  await onOwnHost(browser, 4310 + info.workerIndex, { 'old-tab.html': oldTab, 'old-tab.js': oldScript }, async (host, page, context) => {
    await page.goto(`${host.base}#/`);
    await cachedWhole(page);
    const old = await context.newPage();
    await old.goto(`${host.base}old-tab.html`);
    await page.evaluate(async () => (await caches.open('twohats-0000000000000000')).put('./old.wasm', new Response('old')));
    // A navigation makes the service worker tidy its caches.
    await page.reload();
    await expect(page.locator('.app-header')).toBeVisible();
    await page.waitForTimeout(1000);
    expect(await page.evaluate(() => caches.keys())).toContain('twohats-0000000000000000');
    await old.close();
    // A later visit tidies up (the closing tab may still be listed for a moment).
    await expect.poll(async () => {
      await page.reload();
      await page.waitForTimeout(500);
      return page.evaluate(() => caches.keys());
    }, { timeout: 15_000 }).not.toContain('twohats-0000000000000000');
    expect((await page.evaluate(() => caches.keys())).filter((k) => k.startsWith('twohats-'))).toHaveLength(1);
  });
});

test('a mistyped address is never kept as the app: the offline start still gets the app', async ({ browser }, info) => {
  await onOwnHost(browser, 4320 + info.workerIndex, {}, async (host, page) => {
    await page.goto(`${host.base}#/`);
    await cachedWhole(page);
    const missing = await page.goto(`${host.base}no-such-page.html`);
    expect(missing?.status()).toBe(404);
    host.stop();
    await page.goto(`${host.base}#/explainer`);
    await expect(new App(page).heading()).toHaveText('Explainer: who does what');
  });
});
