import { test, expect } from '@playwright/test';
import { App } from './app';

test('a first visit offers the sample or an empty start', async ({ page }) => {
  const app = new App(page);
  await app.open();
  await expect(page.getByTestId('welcome')).toBeVisible();
  await expect(page.getByTestId('load-sample')).toBeVisible();
  await expect(page.getByTestId('start-empty')).toBeVisible();
  expect(app.problems).toEqual([]);
});

test('a product created after "Start empty" is still there after a reload', async ({ page }) => {
  const app = new App(page);
  await app.open();
  await page.getByTestId('start-empty').click();
  await expect(app.heading()).toHaveText('Hierarchy');
  await app.createProduct('Atlas');
  const id = await app.productId();
  await page.reload();
  await expect(app.switcher()).toContainText('Atlas');
  await expect(page.getByTestId('outline')).toContainText('Atlas');
  expect(await app.productId()).toBe(id);
  // After a reload the welcome is not offered again.
  await app.open();
  await expect(page.getByTestId('welcome')).toHaveCount(0);
  expect(app.problems).toEqual([]);
});

test('the sample holds every level: 2 products, 40 items, 3 sprints', async ({ page }) => {
  const app = new App(page);
  await app.open();
  await app.loadSampleFromWelcome();
  await app.nav('Backlog').click();
  await expect(page.getByTestId('backlog-row')).toHaveCount(32);
  await expect(page.getByTestId('backlog-table')).toContainText('Sprint 3');
  for (const kind of ['User story', 'Technical task', 'Spike', 'Bug']) {
    await expect(page.getByTestId('backlog-table').getByText(kind, { exact: true }).first()).toBeVisible();
  }
  await app.switcher().selectOption({ label: 'Ranger Console' });
  await expect(page.getByTestId('backlog-row')).toHaveCount(8);
  await app.nav('Roadmap').click();
  await expect(page.getByTestId('bar')).toHaveCount(2);
  await page.getByTestId('view-board').click();
  await expect(page.getByTestId('feature-card')).toHaveCount(2);
});

test('every page has its own URL that survives a reload and works as a deep link', async ({ page, context }) => {
  const app = new App(page);
  await app.open();
  await app.loadSampleFromWelcome();
  await app.switcher().selectOption({ label: 'Ranger Console' });
  const id = await app.productId();
  const pages: [string, string][] = [
    ['explainer', 'Explainer: who does what'],
    ['hierarchy', 'Hierarchy'],
    ['roadmap', 'Roadmap'],
    ['backlog', 'Backlog'],
    ['training', 'Training'],
    ['data', 'Data'],
  ];
  for (const [slug, title] of pages) {
    await app.open(`${slug}?p=${id}`);
    await expect(app.heading()).toHaveText(title);
    await page.reload();
    await expect(app.heading()).toHaveText(title);
    await expect(app.switcher().locator('option:checked')).toHaveText('Ranger Console');
    await expect(app.nav(title.startsWith('Explainer') ? 'Explainer' : title)).toHaveAttribute('aria-current', 'page');
  }
  // A deep link opened in a fresh tab lands on the same page and product.
  const other = await context.newPage();
  await other.goto(`./#/backlog?p=${id}`);
  await expect(other.locator('#page-title')).toHaveText('Backlog');
  await expect(other.getByTestId('backlog-row')).toHaveCount(8);
  expect(app.problems).toEqual([]);
});

test('corrupt storage is kept, explained, and can be downloaded', async ({ page }) => {
  const app = new App(page);
  await app.open();
  await app.loadSampleFromWelcome();
  const before = await app.storage();
  // Damage Ranger Console; Trailhead's data must still be in the download.
  const productKey = Object.keys(before).find((k) => k.startsWith('twohats.product.') && before[k].includes('Ranger Console'))!;
  await page.evaluate((k) => localStorage.setItem(k, '{"format":"twohats","version":1,"rev":'), productKey);
  await page.reload();

  const notice = page.getByTestId('notice');
  await expect(notice).toContainText('could not be read');
  const after = await app.storage();
  const backupKey = Object.keys(after).find((k) => k.startsWith('twohats.backup.'))!;
  expect(backupKey).toBeTruthy();
  await expect(notice).toContainText(backupKey);
  const backup = JSON.parse(after[backupKey]);
  expect(backup[productKey]).toBe('{"format":"twohats","version":1,"rev":');
  expect(backup['twohats.meta']).toBe(before['twohats.meta']);

  const download = page.waitForEvent('download');
  await notice.getByTestId('download-raw').click();
  const file = await download;
  const text = await (await file.createReadStream()).toArray();
  expect(Buffer.concat(text).toString()).toContain('Trailhead');
});

test('the Content-Security-Policy blocks inline scripts but lets the app run', async ({ page }) => {
  const app = new App(page);
  await app.open();
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(csp).toContain("default-src 'none'");
  expect(csp).not.toContain('unsafe-inline');
  expect(csp).not.toContain('__TRUNK');
  const blocked = await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.__injected = true';
    document.body.appendChild(s);
    return (window as unknown as { __injected?: boolean }).__injected === true;
  });
  expect(blocked).toBe(false);
  await expect(page.getByTestId('welcome')).toBeVisible();
});

test('the wasm is requested before the stylesheets, not after them', async ({ page }) => {
  // On an HTTP/1.1 host (six connections a page) the app's largest file used to wait for
  // the six stylesheets to finish before its download began.
  const order: string[] = [];
  page.on('request', (r) => order.push(new URL(r.url()).pathname.split('/').pop() ?? ''));
  const app = new App(page);
  await app.open();
  const wasm = order.findIndex((n) => n.endsWith('.wasm'));
  const firstCss = order.findIndex((n) => n.endsWith('.css'));
  expect(wasm, order.join(' ')).toBeGreaterThan(0);
  expect(firstCss, order.join(' ')).toBeGreaterThan(0);
  expect(wasm, order.join(' ')).toBeLessThan(firstCss);
  // The preloads come after the Content-Security-Policy, which would not cover them
  // otherwise.
  const heads = await page.evaluate(() =>
    [...document.head.children].map((e) => e.getAttribute('rel') ?? e.getAttribute('http-equiv') ?? e.tagName),
  );
  expect(heads.indexOf('Content-Security-Policy')).toBeLessThan(heads.indexOf('preload'));
});

test('the page says it is loading, and says so if the app cannot start', async ({ page }) => {
  // A first visit where the wasm cannot be fetched (a broken deploy, a dropped connection).
  await page.route('**/*.wasm', (route) => route.abort());
  await page.goto('./#/');
  await expect(page.locator('#boot')).toContainText('Two Hats could not start');
  await expect(page.locator('#boot')).toContainText('Reload the page');

  // Once it can load, the app starts and the note is gone.
  await page.unroute('**/*.wasm');
  await page.reload();
  await expect(page.locator('.app-header')).toBeVisible();
  await expect(page.locator('#boot')).toHaveCount(0);
  await expect(page.getByTestId('welcome')).toBeVisible();
});
