import { test, expect, type Page } from '@playwright/test';
import { App } from './app';

// Planning over time (issue 21): sprints that start and finish, the burndown, and
// dependencies between backlog items.

const rowOf = (page: Page, title: string) =>
  page.getByTestId('backlog-row').filter({ has: page.getByTestId('open-item').getByText(title, { exact: true }) });

async function sampleBacklog(page: Page) {
  const app = new App(page);
  await app.open();
  await app.loadSampleFromWelcome();
  await app.open('backlog');
  return app;
}

const card = (page: Page, name: string) => page.getByTestId('sprint-card').filter({ hasText: name });

test('finishing a sprint asks where each unfinished item goes, in one undoable step', async ({ page }) => {
  const app = await sampleBacklog(page);
  // The active sprint's burndown is drawn from its recorded scope.
  const burndown = page.getByTestId('burndown');
  await expect(burndown.getByRole('heading')).toHaveText('Burndown: Sprint 2');
  await expect(burndown.getByTestId('burndown-chart')).toHaveAttribute('aria-label', /Burndown of Sprint 2: 10 points left at the end of .*It started from 17 points/);
  await expect(burndown.getByTestId('burndown-ideal')).toBeVisible();
  await expect(burndown.getByTestId('burndown-late')).toHaveCount(0);

  // While Sprint 2 is active, Sprint 3 cannot be started too.
  await expect(card(page, 'Sprint 3').getByTestId('start-sprint')).toHaveCount(0);
  await card(page, 'Sprint 2').getByTestId('finish-sprint').click();
  const close = page.getByTestId('sprint-close');
  await expect(close.getByRole('heading')).toBeFocused();
  await expect(close).toContainText('4 items are not done (10 points)');
  await expect(close.getByTestId('carry-row')).toHaveCount(4);
  // Everything moves on by default, which would overfill Sprint 3 (15 + 10 of 20).
  await expect(close.getByTestId('carry-over-warning')).toContainText('Sprint 3 would then hold 25 points, 5 more than it can take (20)');
  // One goes back to the backlog.
  const crash = close.getByTestId('carry-row').filter({ hasText: 'App crashes when location permission is denied' });
  await crash.getByTestId('carry-to').selectOption({ label: 'Back to the backlog' });
  await expect(close.getByTestId('carry-over-warning')).toContainText('22 points, 2 more');
  await close.getByTestId('confirm-finish').click();
  await expect(page.getByRole('status').filter({ hasText: 'Sprint 2 finished with 7 points done; 3 items moved to Sprint 3; 1 item back to the backlog' })).toBeVisible();
  await expect(card(page, 'Sprint 2')).toContainText('Finished');
  await expect(rowOf(page, 'Packing list for each trip')).toContainText('Sprint 3');
  await expect(rowOf(page, 'App crashes when location permission is denied').locator('td').nth(8)).toHaveText('—');
  // Velocity counts what was done: (20 in Sprint 1 + 7) / 2.
  await expect(page.getByTestId('velocity')).toContainText('13.5 points per sprint');
  // One undo takes all of it back; redo finishes it again, and that survives a reload.
  await page.locator('body').press('Control+z');
  await expect(card(page, 'Sprint 2')).toContainText('Active');
  await expect(rowOf(page, 'Packing list for each trip')).toContainText('Sprint 2');
  await expect(rowOf(page, 'App crashes when location permission is denied')).toContainText('Sprint 2');
  await page.locator('body').press('Control+Shift+z');
  await expect(card(page, 'Sprint 2')).toContainText('Finished');
  await page.reload();
  await expect(card(page, 'Sprint 2')).toContainText('Finished');
  await expect(rowOf(page, 'Packing list for each trip')).toContainText('Sprint 3');
  expect(app.problems).toEqual([]);
});

test('starting a sprint records its scope, and marking an item done burns it down', async ({ page }) => {
  await sampleBacklog(page);
  await card(page, 'Sprint 2').getByTestId('finish-sprint').click();
  await page.getByTestId('confirm-finish').click();
  await expect(page.getByTestId('burndown')).toHaveCount(0);
  await card(page, 'Sprint 3').getByTestId('start-sprint').click();
  const chart = page.getByTestId('burndown-chart');
  // Sprint 3 starts in a week: its burndown begins then.
  await expect(page.getByTestId('burndown')).toBeVisible();
  // Start it as of today by moving its dates, then finish an item.
  await card(page, 'Sprint 3').getByRole('button', { name: 'Sprint 3', exact: true }).click();
  const today = await page.evaluate(() => {
    const d = new Date();
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  });
  await page.getByTestId('sprint-start').fill(today);
  await page.getByTestId('sprint-start').press('Enter');
  await page.getByTestId('sprint-done').click();
  await expect(chart).toHaveAttribute('aria-label', /It started from (\d+) points/);
  const before = Number((await chart.getAttribute('aria-label'))!.match(/: (\d+(?:\.\d+)?) points left/)![1]);
  await rowOf(page, 'Packing list for each trip').getByTestId('open-item').click();
  await page.getByTestId('item-panel').getByLabel('Status').selectOption({ label: 'Done' });
  await expect(chart).toHaveAttribute('aria-label', new RegExp(`: ${before - 3} points left`));
  // The day it was done is stored with the item.
  // (Saves wait a moment, hence the poll.)
  await expect.poll(() => page.evaluate((day) => Object.entries(localStorage)
    .some(([k, v]) => k.startsWith('twohats.items.') && v.includes('Packing list') && v.includes(`"done_on":"${day}"`)), today)).toBe(true);
});

test('an item waits for another: blocked rows, order warnings, loops refused, delete and undo', async ({ page }) => {
  const app = await sampleBacklog(page);
  const notified = rowOf(page, 'Get notified when a saved trail closes');
  await expect(notified.getByTestId('blocked')).toHaveText('Waits for “Cache the condition feed for ten minutes”');
  await expect(notified.getByTestId('order-warning')).toContainText('Ranked above “Cache the condition feed for ten minutes”, which it waits for');

  // The blocker cannot wait for what it blocks.
  await rowOf(page, 'Cache the condition feed for ten minutes').getByTestId('open-item').click();
  const panel = page.getByTestId('item-panel');
  const deps = panel.getByTestId('item-dependencies');
  await expect(deps.getByTestId('blocks')).toContainText('Get notified when a saved trail closes');
  await deps.getByTestId('depends-search').fill('get notified');
  await deps.getByTestId('depends-match').click();
  await expect(deps.getByTestId('depends-error')).toContainText('That dependency would make a loop, so none of this work could start');
  await expect(deps.getByTestId('waits-for')).toHaveCount(0);

  // Moving the blocker above clears the warning, not the dependency.
  await rowOf(page, 'Cache the condition feed for ten minutes').getByRole('button', { name: /Move Cache the condition feed for ten minutes up/ }).click();
  await rowOf(page, 'Cache the condition feed for ten minutes').getByRole('button', { name: /Move Cache the condition feed for ten minutes up/ }).click();
  await expect(notified.getByTestId('order-warning')).toHaveCount(0);
  await expect(notified.getByTestId('blocked')).toBeVisible();

  // A new dependency by keyboard: type, Enter picks the first match; it survives a reload.
  await notified.getByTestId('open-item').click();
  await deps.getByTestId('depends-search').fill('upgrade the map');
  await deps.getByTestId('depends-search').press('Enter');
  await expect(deps.getByTestId('waits-for').locator('li')).toHaveCount(2);
  await expect(notified.getByTestId('blocked')).toHaveText('Waits for 2: “Cache the condition feed for ten minutes”, “Upgrade the map library”');
  await page.reload();
  await expect(rowOf(page, 'Get notified when a saved trail closes').getByTestId('blocked')).toContainText('Waits for 2:');

  // Deleting a blocker removes the dependency; undo brings both back.
  await rowOf(page, 'Upgrade the map library').getByTestId('open-item').click();
  page.once('dialog', (d) => d.accept());
  await page.getByTestId('item-panel').getByRole('button', { name: /Delete/ }).click();
  await expect(rowOf(page, 'Get notified when a saved trail closes').getByTestId('blocked')).toHaveText('Waits for “Cache the condition feed for ten minutes”');
  await page.locator('body').press('Control+z');
  await expect(rowOf(page, 'Upgrade the map library')).toHaveCount(1);
  await expect(rowOf(page, 'Get notified when a saved trail closes').getByTestId('blocked')).toContainText('Waits for 2:');
  expect(app.problems).toEqual([]);
});

const tlRow = (page: Page, title: string) =>
  page.getByTestId('tl-row').filter({ has: page.getByTestId('feature-title').getByText(title, { exact: true }) });

test('the roadmap draws dependencies and says which features slip, and by how much', async ({ page }) => {
  await page.setViewportSize({ width: 1400, height: 1000 });
  const app = new App(page);
  await app.open();
  await app.loadSampleFromWelcome();
  await app.open('roadmap');
  // Weather warnings start the month the condition feed ends: drawn as an overlap, and a slip.
  const weather = tlRow(page, 'Weather and daylight warnings');
  await expect(weather.getByTestId('wait-chip')).toContainText('waits for Ranger condition feed');
  await expect(weather.getByTestId('wait-chip')).toHaveClass(/wait-chip--late/);
  await expect(weather.getByTestId('tl-overlap')).toHaveCount(1);
  await expect(weather.getByTestId('slip')).toHaveText(/Slips \d+ wk/);
  // Moderation starts after trip reports end: an arrow, no overlap, no slip from it.
  const moderation = tlRow(page, 'Report moderation');
  await expect(moderation.getByTestId('tl-link')).toHaveCount(1);
  await expect(moderation.getByTestId('tl-overlap')).toHaveCount(0);
  await expect(moderation.getByTestId('wait-chip')).not.toHaveClass(/wait-chip--late/);
  await expect(moderation.getByTestId('slip')).toHaveCount(0);
  // The reality check counts slipping features per horizon.
  const next = page.getByTestId('reality-row').filter({ hasText: 'Next' }).first();
  await expect(next.getByTestId('reality-slipping')).not.toHaveText('0');
  await expect(next).toContainText(/set to slip/);
  await page.screenshot({ path: 'test-results/roadmap-dependencies.png', fullPage: false });

  // The details say why, and the dependency is edited there; a loop is refused.
  await weather.getByTestId('feature-title').click();
  const details = page.getByTestId('feature-details');
  await expect(details.getByTestId('feature-slip')).toContainText(/Slips by \d+ weeks?/);
  const deps = details.getByTestId('feature-depends');
  await expect(deps.getByTestId('waits-for')).toContainText('Ranger condition feed');
  await deps.getByTestId('waits-for').getByRole('button', { name: 'Ranger condition feed', exact: true }).click();
  await expect(details.getByRole('heading', { name: 'Ranger condition feed' })).toBeVisible();
  await expect(deps.getByTestId('blocks')).toContainText('Weather and daylight warnings');
  await deps.getByTestId('depends-search').fill('weather');
  await deps.getByTestId('depends-search').press('Enter');
  await expect(deps.getByTestId('depends-error')).toContainText('would make a loop');
  // Removing the dependency removes the overlap; undo puts it back.
  await weather.getByTestId('feature-title').click();
  await deps.getByRole('button', { name: 'Remove Ranger condition feed (stop waiting for it)' }).click();
  await expect(weather.getByTestId('wait-chip')).toHaveCount(0);
  await expect(weather.getByTestId('tl-overlap')).toHaveCount(0);
  await page.locator('body').press('Control+z');
  await expect(weather.getByTestId('wait-chip')).toHaveCount(1);

  // The board shows the slip on the card too.
  await page.getByTestId('view-board').click();
  const card = page.getByTestId('feature-card').filter({ hasText: 'Weather and daylight warnings' });
  await expect(card.getByTestId('slip')).toBeVisible();
  await expect(card.getByTestId('card-waits')).toContainText('Ranger condition feed');
  expect(app.problems).toEqual([]);
});

const outlineRow = (page: Page, title: string) =>
  page.getByTestId('outline-row').filter({ has: page.getByTestId('row-title').getByText(title, { exact: true }) });

test('after a delete the focus goes to the row that takes its place, and an undone move takes it along', async ({ page }) => {
  const app = await sampleBacklog(page);
  // Backlog: delete from the item panel; the next row has the focus, not the page top.
  await rowOf(page, 'Share a trip with a friend').getByTestId('open-item').click();
  await page.getByTestId('item-panel').getByRole('button', { name: 'Delete item' }).click();
  await expect(rowOf(page, 'Share a trip with a friend')).toHaveCount(0);
  await expect(rowOf(page, 'Cache the condition feed for ten minutes')).toBeFocused();

  // Hierarchy: delete a feature by keyboard; the next feature's row has the focus.
  await app.open('hierarchy');
  await outlineRow(page, 'Saved trips and packing lists').getByTestId('row-title').focus();
  await page.keyboard.press('Delete');
  await page.getByTestId('confirm-delete').click();
  await expect(outlineRow(page, 'Saved trips and packing lists')).toHaveCount(0);
  await expect(outlineRow(page, 'Route elevation profile').getByTestId('row-title')).toBeFocused();

  // A move, then its undo: the focus follows the moved row back, and forward on redo.
  const route = outlineRow(page, 'Route elevation profile').getByTestId('row-title');
  await page.keyboard.press('Alt+ArrowUp');
  await expect(page.getByTestId('status')).toContainText('moved to position 1');
  await expect(route).toBeFocused();
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('status')).toContainText('Undone');
  await expect(route).toBeFocused();
  const titles = await page.getByTestId('row-title').allTextContents();
  expect(titles.indexOf('Trail search and filters')).toBeLessThan(titles.indexOf('Route elevation profile'));
  await page.keyboard.press('Control+Shift+z');
  await expect(route).toBeFocused();
  expect(app.problems).toEqual([]);
});
