import { test, expect, type Page, type Request } from '@playwright/test';
import { App, chunkOffline } from './app';

// Every page but Home is a chunk of wasm fetched when the page is first shown (see
// docs/performance.md, "Split build"). These journeys check what a user sees of that:
// Home costs only the main module, a page brings only its own chunks, and a chunk that
// cannot be fetched says why and how to get it, with nothing else on the screen broken.

test.use({ serviceWorkers: 'block' });

/** Names of the wasm files the page asks for from now on. */
function wasmRequests(page: Page): string[] {
  const names: string[] = [];
  page.on('request', (r: Request) => {
    const name = new URL(r.url()).pathname.split('/').pop()!;
    if (name.endsWith('.wasm')) names.push(name.replace(/-[0-9a-f]{1,16}(?=[._])/, ''));
  });
  return names;
}

test('a first visit to Home fetches the main module only; a page then fetches its own chunk', async ({ page }) => {
  const wasm = wasmRequests(page);
  const app = new App(page);
  await app.open();
  await expect(page.getByTestId('welcome')).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(wasm).toEqual(['twohats_bg.wasm']);

  await app.nav('Training').click();
  await expect(app.heading()).toHaveText('Training');
  // Its own chunk and the part that makes changes (every page edits), no other page's.
  expect(wasm).toContain('split_engine_chunk.wasm');
  expect(wasm.filter((n) => n.endsWith('_page.wasm'))).toEqual(['split_training_page.wasm']);

  // Shown again at once: no second fetch, no loading state.
  const before = wasm.length;
  await app.nav('Explainer').click();
  await expect(app.heading()).toHaveText('Explainer: who does what');
  await app.nav('Training').click();
  await expect(app.heading()).toHaveText('Training');
  expect(wasm.filter((n) => n === 'split_training_page.wasm')).toHaveLength(1);
  expect(wasm.length).toBeGreaterThan(before);
  // Room mode is a chunk of its own, fetched only when a trainer opens it.
  expect(wasm).not.toContain('split_room_page.wasm');
  await page.getByTestId('open-room').click();
  await expect(page.getByTestId('room')).toBeVisible();
  expect(wasm.filter((n) => n.endsWith('_page.wasm'))).toContain('split_room_page.wasm');
  expect(app.problems).toEqual([]);
});

test('a deep link loads its page, and the focus goes to its heading when it arrives from a link', async ({ page }) => {
  const app = new App(page);
  await app.open('backlog');
  await expect(app.heading()).toHaveText('Backlog');
  await app.nav('Roadmap').click();
  await expect(app.heading()).toHaveText('Roadmap');
  await expect(app.heading()).toBeFocused();
});

test('a chunk the network drops says so; Try again loads the page', async ({ page }) => {
  const app = new App(page);
  await app.open();
  await chunkOffline(page, 'backlog_page');
  await app.nav('Backlog').click();
  const failed = page.getByTestId('page-failed');
  await expect(failed).toContainText('this browser cannot reach the site');
  await expect(failed).toContainText('Your work is safe');
  await expect(app.heading()).toHaveText('Backlog did not load');
  // The rest of the app still works.
  await app.nav('Training').click();
  await expect(app.heading()).toHaveText('Training');

  await page.unrouteAll({ behavior: 'wait' });
  await app.nav('Backlog').click();
  await expect(app.heading()).toHaveText('Backlog');
});

test('a chunk that fails while the site is up offers Try again, which works', async ({ page }) => {
  const app = new App(page);
  await app.open();
  let refuse = true;
  await page.route('**/split_explainer_page-*.wasm', (r) => (refuse ? r.fulfill({ status: 500, body: 'busy' }) : r.continue()));
  await app.nav('Explainer').click();
  await expect(page.getByTestId('page-failed')).toContainText('did not load. Your work is safe; try again');
  refuse = false;
  await page.getByTestId('page-retry').click();
  await expect(app.heading()).toHaveText('Explainer: who does what');
});

test('after a new deploy the old build\'s missing chunk asks for a reload, which brings the new build', async ({ page }) => {
  const app = new App(page);
  await app.open();
  // The deploy replaced every file: this build's chunks are gone, index.html names others.
  await page.route('**/split_roadmap_page-*.wasm', (r) => r.fulfill({ status: 404, body: 'Not Found' }));
  await page.route('**/index.html?fresh=*', async (r) => {
    const html = await (await fetch(r.request().url().replace(/\?.*/, ''))).text();
    await r.fulfill({ contentType: 'text/html', body: html.replaceAll(/twohats-[0-9a-f]{1,16}(?=[._])/g, 'twohats-0123456789abcdef') });
  });
  await app.nav('Roadmap').click();
  await expect(page.getByTestId('page-failed')).toContainText('A new version of Two Hats was published');
  await expect(page.getByTestId('page-retry')).toHaveCount(0);
  await page.unrouteAll({ behavior: 'wait' });
  await page.getByTestId('page-reload').click();
  await expect(app.heading()).toHaveText('Roadmap');
});

test('Home is styled whole before any other page\'s styles arrive', async ({ page }) => {
  const app = new App(page);
  await app.open();
  // pages.css (every page but Home) comes only with the first page's chunk.
  expect(await page.locator('link[rel=stylesheet][href*="pages-"]').count()).toBe(0);
  const footerButton = page.getByRole('button', { name: 'Keyboard shortcuts (?)' });
  await expect(footerButton).toHaveCSS('border-top-style', 'none');
  await expect(footerButton).toHaveCSS('background-color', 'rgba(0, 0, 0, 0)');
  await expect(page.getByTestId('welcome').locator('.choice').first()).toHaveCSS('text-align', 'left');
  await app.nav('Explainer').click();
  await expect(app.heading()).toHaveText('Explainer: who does what');
  expect(await page.locator('#page-styles').count()).toBe(1);
});

test('a storage message whose chunk the network drops still says there is one; Try again shows it', async ({ page }) => {
  const app = new App(page);
  await app.open();
  await page.evaluate(() => localStorage.setItem('twohats.meta', '{"format":"twohats","version":3,'));
  // The banners are a chunk of their own, fetched only when there is something to say.
  await chunkOffline(page, 'notices_chunk');
  await page.reload();
  const notice = page.getByTestId('notice');
  await expect(notice).toContainText('Two Hats has a message about your saved data');
  await expect(notice).toContainText('this browser cannot reach the site');

  await page.unrouteAll({ behavior: 'wait' });
  await notice.getByRole('button', { name: 'Try again' }).click();
  await expect(notice).toContainText('could not be read');
  await expect(notice.getByTestId('download-raw')).toBeVisible();
});
