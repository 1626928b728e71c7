import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { App, seedProduct } from './app';
// The benchmark's generator: a product stored exactly as the app stores it (storage version 3).
import { buildWorkspace } from '../../scripts/bench-workspace.mjs';

/** One product of `n` tasks. */
function bigProduct(n: number) {
  const items = Array.from({ length: n }, (_, i) => ({ id: `i-${i}`, kind: 'task', title: `Task number ${i}`, feature: null }));
  return { id: 'p-big', name: 'Big', items };
}

test('long lists draw a page of rows, more as they scroll or on demand; keyboard jumps still reach any item', async ({ page }) => {
  await seedProduct(page, bigProduct(450));
  const app = new App(page);
  await app.open('backlog');
  const rows = page.getByTestId('backlog-row');
  const bar = page.getByTestId('more-rows');
  // A page of 25 rows; a page more when the end of the list is already near the screen.
  await expect(bar).toContainText(/Showing (25|50|75) of 450 items/);
  const first = await rows.count();
  expect(first).toBeLessThanOrEqual(75);
  // Scrolling near the end of what is drawn draws the next page.
  await bar.scrollIntoViewIfNeeded();
  await expect.poll(() => rows.count()).toBeGreaterThan(first);
  await expect(bar).toContainText(/Showing \d+ of 450 items/);
  // By keyboard, the bar's buttons draw the rest.
  await bar.getByRole('button', { name: 'Show all' }).press('Enter');
  await expect(rows).toHaveCount(450);
  await expect(bar).toHaveCount(0);
  // The search still covers every item, and a new search starts from one page again.
  await page.getByTestId('backlog-search').fill('number 449');
  await expect(rows).toHaveCount(1);
  await page.getByTestId('backlog-search').fill('');
  await expect(bar).toContainText(/Showing (25|50|75) of 450 items/);
  // Rows are redrawn in place as the search changes: what is ticked, open and shown
  // follows the item, not the place on screen.
  await rows.first().getByTestId('row-select').check();
  await page.getByTestId('backlog-search').fill('number 44');
  await expect(rows).toHaveCount(11);
  await expect(rows.first()).toContainText('Task number 44');
  await expect(page.getByTestId('row-select').first()).not.toBeChecked();
  await rows.nth(3).getByTestId('open-item').click();
  await expect(page.getByTestId('item-panel')).toContainText('Task number 442');
  await expect(rows.nth(3)).toHaveClass(/is-open/);
  await page.getByTestId('item-panel').press('Escape');
  await page.getByTestId('backlog-search').fill('');
  await expect(rows.first()).toContainText('Task number 0');
  await expect(page.getByTestId('row-select').first()).toBeChecked();
  await expect(page.getByTestId('row-select').nth(1)).not.toBeChecked();
  await rows.first().getByTestId('row-select').uncheck();
  await expect(page.getByTestId('backlog-count')).toContainText('Showing 450 of 450 items');
  // The palette reaches an item beyond the drawn rows and opens it.
  await page.keyboard.press('Control+k');
  // The palette is a chunk of its own: typed before it is open, the keys go nowhere.
  await expect(page.getByTestId('palette-input')).toBeFocused();
  await page.keyboard.type('task number 440');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('item-panel')).toContainText('Task number 440');
  await app.open('hierarchy');
  await expect(page.getByTestId('more-rows')).toContainText(/Showing (25|50|75) of/);
});

test('moving items past the drawn rows by keyboard keeps the focus on a row', async ({ page }) => {
  await seedProduct(page, bigProduct(450));
  const app = new App(page);
  await app.open('backlog');
  const rows = page.getByTestId('backlog-row');
  await expect(page.getByTestId('more-rows')).toContainText(/Showing (25|50|75) of 450 items/);
  const n = await rows.count();
  // Alt+↓ on the last drawn row: the moved item is drawn and keeps focus (focusing the
  // row scrolls it into view, which may draw the next page as well).
  await rows.nth(n - 1).focus();
  await page.keyboard.press('Alt+ArrowDown');
  await expect(page.getByTestId('status')).toContainText(`moved to position ${n + 1} of 450`);
  await expect.poll(() => rows.count()).toBeGreaterThanOrEqual(n + 1);
  await expect(page.locator('tr:focus')).toContainText(`Task number ${n - 1}`);
  // Alt+End sends the first item to the bottom, far beyond the drawn rows: focus stays
  // in place, on the item that moved up into the first row.
  await rows.first().focus();
  await page.keyboard.press('Alt+End');
  await expect(page.getByTestId('status')).toContainText('“Task number 0” moved to position 450 of 450');
  await expect(page.locator('tr:focus')).toContainText('Task number 1');
  await expect(rows.first()).toContainText('Task number 1');
  expect(app.problems).toEqual([]);
});

test('big counts are written with thousands separated', async ({ page }) => {
  await seedProduct(page, bigProduct(1200));
  const app = new App(page);
  await app.open('backlog');
  await expect(page.getByTestId('backlog-count')).toContainText('Showing 1,200 of 1,200 items');
  // Seeded in storage version 1 (content version 1): migrated, rewritten, and said so.
  await expect(page.getByTestId('notice')).toContainText('Your workspace was updated to the current format');
  await expect(page.getByTestId('more-rows')).toContainText(/Showing (25|50|75) of 1,200 items/);
  await app.open('hierarchy');
  await expect(page.getByTestId('outline-count')).toHaveText('1,200 items shown');
});

test('a link to a row beyond those drawn in the hierarchy draws it and focuses it', async ({ page }) => {
  const themes = [{ id: 't-0', name: 'Theme 0', colour: '#2563eb', objective: null }];
  const features = Array.from({ length: 120 }, (_, i) => ({ id: `f-${i}`, title: `Feature number ${i}`, theme: 't-0' }));
  await seedProduct(page, { id: 'p-wide', name: 'Wide', themes, features, items: [] });
  const app = new App(page);
  await app.open('hierarchy?p=p-wide');
  await expect(page.getByTestId('more-rows')).toContainText(/Showing (25|50|75) of/);
  await app.open('hierarchy?p=p-wide&at=f-110');
  await expect(page.locator('#row-f-110')).toBeFocused();
  await expect(page.locator('#row-f-110')).toContainText('Feature number 110');
  expect(app.problems).toEqual([]);
});

test('a link to an item beyond the drawn backlog rows draws it, opens it and focuses its row', async ({ page }) => {
  await seedProduct(page, bigProduct(450));
  const app = new App(page);
  await app.open('backlog?p=p-big');
  await expect(page.getByTestId('more-rows')).toContainText(/Showing (25|50|75) of 450 items/);
  await app.open('backlog?p=p-big&at=i-321');
  await expect(page.getByTestId('item-panel')).toContainText('Task number 321');
  await expect(page.locator('#item-i-321')).toBeFocused();
  await expect(page.getByTestId('more-rows')).toContainText(/Showing (325|350|375) of 450 items/);
  expect(app.problems).toEqual([]);
});

test('a roadmap of 250 features draws a page of rows, and the rest on demand', async ({ page }) => {
  const themes = [0, 1].map((t) => ({ id: `t-${t}`, name: `Theme ${t}`, colour: t ? '#2563eb' : '#c2410c', objective: null }));
  const features = Array.from({ length: 250 }, (_, i) => ({
    id: `f-${i}`, title: `Feature number ${i}`, theme: `t-${i % 2}`, start: '2026-11', end: '2027-01',
  }));
  await seedProduct(page, { id: 'p-road', name: 'Road', themes, features, items: [] });
  const app = new App(page);
  await app.open('roadmap');
  // A page of rows, and more as the page scrolls near the end of what is drawn.
  const rows = page.getByTestId('tl-row');
  await expect(page.getByTestId('more-rows')).toContainText(/Showing (25|50|75|100) of 250 features/);
  const first = await rows.count();
  expect(first).toBeLessThan(250);
  await page.getByTestId('more-rows').scrollIntoViewIfNeeded();
  await expect.poll(() => rows.count()).toBeGreaterThan(first);
  // A print shows what is drawn, 60 rows at least. From the top, so drawing on scroll
  // does not go on by itself.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  const printedRows = await rows.count();
  expect(printedRows).toBeGreaterThanOrEqual(60);
  await expect(page.getByTestId('more-rows')).toContainText(`Showing ${printedRows} of 250 features`);
  // By keyboard (a click would scroll the bar into view, and scrolling draws more).
  await page.getByTestId('more-rows').getByRole('button', { name: 'Show all' }).press('Enter');
  await expect(rows).toHaveCount(250);
  await expect(page.getByTestId('more-rows')).toHaveCount(0);
  // The board: a long column draws its first 30 cards and offers the rest.
  await page.getByTestId('view-board').click();
  await expect(page.getByTestId('feature-card')).toHaveCount(30);
  await page.getByTestId('column-more').click();
  await expect(page.getByTestId('feature-card')).toHaveCount(250);
  expect(app.problems).toEqual([]);
});

test('near the storage limit the app warns, and a change that cannot fit stays in the tab, reported, with storage untouched', async ({ page }) => {
  test.setTimeout(90_000);
  // 15,000 items: 4.93 million of the 5.24 million characters; an add needs room for new
  // copies of the product's core and of one item chunk (about 0.46 million).
  const store = buildWorkspace(15000);
  await page.goto('./');
  await page.evaluate((kv) => {
    localStorage.clear();
    for (const [k, v] of Object.entries(kv)) localStorage.setItem(k, v as string);
  }, store);
  await page.goto('./#/backlog?p=p-bench');
  await page.reload();
  await expect(page.getByTestId('backlog-row').first()).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId('notice-nearly-full')).toContainText('nearly full');
  await expect(page.getByTestId('notice-nearly-full')).toContainText('94%');
  await expect(page.getByTestId('save-state')).toContainText('Saved in this browser');
  const stored = () => page.evaluate(() => {
    const out: Record<string, string> = {};
    for (let i = 0; i < localStorage.length; i++) {
      const k = localStorage.key(i)!;
      if (k.startsWith('twohats.')) out[k] = localStorage.getItem(k)!;
    }
    return out;
  });
  // An edit of one item rewrites one chunk only: that still fits, and is saved.
  await page.getByTestId('open-item').first().click();
  await page.getByTestId('panel-title').fill('Renamed while nearly full');
  await page.getByTestId('panel-title').press('Tab');
  await page.evaluate(() => dispatchEvent(new PageTransitionEvent('pagehide')));
  await expect(page.getByTestId('save-state')).toContainText('Saved in this browser');
  expect(Object.values(await stored()).some((v) => v.includes('Renamed while nearly full'))).toBe(true);
  await page.getByTestId('item-panel').press('Escape');
  // The superseded chunk goes ten seconds later; then the keys are as many as before.
  await expect.poll(async () => Object.keys(await stored()).length, { timeout: 20_000 }).toBe(Object.keys(store).length);
  const before = await stored();

  await page.getByTestId('quick-add-title').fill('A probe that cannot fit');
  await page.getByTestId('quick-add-title').press('Enter');
  await page.evaluate(() => dispatchEvent(new PageTransitionEvent('pagehide')));
  await expect(page.getByTestId('notice').filter({ hasText: 'not saved' })).toContainText('storage for this site is full');
  await expect(page.getByTestId('save-state')).toContainText('Not saved');
  await expect(page.getByTestId('backlog-count')).toContainText('15,001 items');
  // Nothing half-written: every key is as it was (the new keys were rolled back).
  expect(await stored()).toEqual(before);
  // Both banners, as a screen reader and a keyboard meet them.
  const axe = await new AxeBuilder({ page }).include('[data-testid=notices]').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

  // The stored workspace still loads whole; the change was only ever in that tab.
  await page.reload();
  await expect(page.getByTestId('backlog-count')).toContainText('15,000 items', { timeout: 20_000 });
  await expect(page.getByTestId('backlog-row').first()).toContainText('Renamed while nearly full');
  await expect(page.getByTestId('notice').filter({ hasText: 'could not be read' })).toHaveCount(0);
  await expect(page.getByTestId('notice-nearly-full')).toBeVisible();
});
