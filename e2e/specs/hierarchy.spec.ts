import { test, expect, type Page } from '@playwright/test';
import { App } from './app';

const row = (page: Page, title: string) =>
  page.getByTestId('outline-row').filter({ has: page.getByTestId('row-title').getByText(title, { exact: true }) });

/** Adds children through the open add panel, by keyboard: type, Enter, repeat. */
async function typeEach(page: Page, titles: string[]) {
  // The panel takes focus on the next frame; typing before that would land on the button.
  await expect(page.getByTestId('add-title')).toBeFocused();
  for (const t of titles) {
    await page.keyboard.type(t);
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('outline')).toContainText(t);
  }
  await page.keyboard.press('Escape');
  // Closing the panel hands focus back on the next frame; let that happen before the
  // caller focuses something else.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

test('build a product by keyboard, move a feature, delete it, undo, reload', async ({ page }) => {
  const app = new App(page);
  await app.open();
  // Keyboard only from here: Tab to "Start empty" and press Enter.
  await page.getByTestId('start-empty').focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('#new-product-name')).toBeFocused();
  await page.keyboard.type('Compass');
  await page.keyboard.press('Enter');
  await expect(app.switcher()).toContainText('Compass');

  // Product row: focus its "+ theme" button and add two loose themes.
  await row(page, 'Compass').getByTestId('add-theme').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('add-title')).toBeFocused();
  await typeEach(page, ['Onboarding', 'Growth']);

  // Two features under Onboarding, one under Growth.
  await row(page, 'Onboarding').getByTestId('add-feature').focus();
  await page.keyboard.press('Enter');
  await typeEach(page, ['Sign-up wizard', 'Welcome tour']);
  await row(page, 'Growth').getByTestId('add-feature').focus();
  await page.keyboard.press('Enter');
  await typeEach(page, ['Referrals']);

  // Items under the wizard, the second one a bug.
  await row(page, 'Sign-up wizard').getByTestId('add-item').focus();
  await page.keyboard.press('Enter');
  await typeEach(page, ['Email step', 'Password rules']);

  // Edit an item's estimate in place, by keyboard; a bad number is refused inline.
  await row(page, 'Email step').getByTestId('row-title').focus();
  await page.keyboard.press('Enter');
  const estimate = page.getByTestId('edit-estimate');
  await estimate.focus();
  await page.keyboard.type('lots');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('edit-estimate-error')).toContainText('must be a number');
  await estimate.fill('');
  await page.keyboard.type('3');
  await page.keyboard.press('Enter');
  await expect(row(page, 'Email step')).toContainText('3 pts');
  await expect(row(page, 'Sign-up wizard')).toContainText('2 items · 0/3 pts');
  // Escape with nothing left to put back closes the editor, the focus back on its row.
  await page.keyboard.press('Escape');
  await expect(row(page, 'Email step').getByTestId('row-title')).toBeFocused();

  // An empty title changes nothing and says why.
  await row(page, 'Referrals').getByTestId('row-title').focus();
  await page.keyboard.press('Enter');
  await page.getByTestId('edit-name').fill('');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('edit-name-error')).toHaveText('The title cannot be empty.');
  // Escape puts the title back; a second closes the editor, nothing changed.
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('edit-name')).toHaveCount(0);
  await expect(row(page, 'Referrals')).toBeVisible();

  // Reorder by keyboard: Alt+ArrowUp moves Welcome tour above Sign-up wizard.
  await row(page, 'Welcome tour').getByTestId('row-title').focus();
  await page.keyboard.press('Alt+ArrowUp');
  await expect(page.getByTestId('status')).toContainText('moved to position 1 of 2');
  const titles = await page.getByTestId('row-title').allTextContents();
  expect(titles.indexOf('Welcome tour')).toBeLessThan(titles.indexOf('Sign-up wizard'));

  // Move the wizard (with its items) to the Growth theme through the Move panel.
  await row(page, 'Sign-up wizard').getByTestId('move').focus();
  await page.keyboard.press('Enter');
  await page.getByTestId('move-target').selectOption({ label: 'Theme: Growth' });
  await page.getByTestId('move-panel').getByRole('button', { name: 'Move' }).press('Enter');
  await expect(row(page, 'Growth')).toContainText('2 items');
  await expect(row(page, 'Onboarding')).toContainText('no items');

  // Delete it: the confirmation says what goes with it.
  await row(page, 'Sign-up wizard').getByTestId('row-title').focus();
  await page.keyboard.press('Delete');
  await expect(page.getByTestId('delete-summary')).toContainText('feature and 2 items');
  // Cancel has the focus, and Tab stays in the question; Delete is one Shift+Tab away.
  await expect(page.getByTestId('cancel-delete')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('confirm-delete')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('cancel-delete')).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(page.getByTestId('confirm-delete')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(row(page, 'Sign-up wizard')).toHaveCount(0);
  await expect(row(page, 'Email step')).toHaveCount(0);

  // Undo with Ctrl+Z brings it all back, then reload keeps it.
  await page.locator('body').press('Control+z');
  await expect(row(page, 'Sign-up wizard')).toBeVisible();
  await expect(row(page, 'Email step')).toContainText('3 pts');
  await page.reload();
  await expect(row(page, 'Sign-up wizard')).toBeVisible();
  await expect(row(page, 'Growth')).toContainText('2 items · 0/3 pts');
  expect(app.problems).toEqual([]);
});

test('a move the model forbids is refused with the reason', async ({ page }) => {
  // Tall enough that source and target are on screen together: a drag cannot scroll.
  await page.setViewportSize({ width: 1280, height: 1600 });
  const app = new App(page);
  await app.open();
  await app.loadSampleFromWelcome();
  await app.nav('Hierarchy').click();
  // Drag a feature onto a key result: not a place a feature can go.
  const grip = (title: string) => row(page, title).locator('.orow__meta').first();
  await grip('Route elevation profile').dragTo(grip('Weekly active hikers'));
  await expect(page.getByTestId('status')).toContainText('Not moved: A feature goes under a theme');
  // Drag it onto another theme: it moves there.
  await grip('Route elevation profile').dragTo(grip('Live conditions'));
  await expect(page.getByTestId('status')).toContainText('Moved next to');
  await expect(row(page, 'Trip planning')).toContainText('8 items');
});

test('folding is kept across reloads and filters show matches with their parents', async ({ page }) => {
  const app = new App(page);
  await app.open();
  await app.loadSampleFromWelcome();
  await app.nav('Hierarchy').click();
  await row(page, 'Trip planning').getByRole('button', { name: 'Collapse Trip planning' }).click();
  await expect(row(page, 'Trail search and filters')).toHaveCount(0);
  await page.reload();
  await expect(row(page, 'Trip planning')).toBeVisible();
  await expect(row(page, 'Trail search and filters')).toHaveCount(0);

  await page.getByTestId('outline-filter').fill('accented');
  await expect(row(page, 'Search ignores accented place names')).toBeVisible();
  await expect(row(page, 'Trail search and filters')).toBeVisible();
  await expect(page.getByTestId('outline-count')).toHaveText('1 matching items shown');
  await page.getByTestId('outline-filter').fill('');
  await page.getByLabel('Item type').selectOption('bug');
  await expect(page.getByTestId('outline-count')).toHaveText('4 matching items shown');
});

test('a hat badge opens the explainer at its level', async ({ page }) => {
  const app = new App(page);
  await app.open();
  await app.loadSampleFromWelcome();
  await app.nav('Hierarchy').click();
  await row(page, 'Trail search and filters').getByTestId('hat-badge').click();
  await expect(app.heading()).toHaveText('Explainer: who does what');
  await expect(page.locator('#level-feature')).toBeFocused();
});

// There is one way to edit: a field commits when it changes (Enter, or leaving it), when
// the page is left, and when its editor goes away. Nothing is a draft, so nothing asks.
test('what is typed in an editor is kept however the editor is left, and nothing asks', async ({ page }) => {
  const app = new App(page);
  await app.open();
  await app.loadSampleFromWelcome();
  await app.open('hierarchy');
  const dialogs: string[] = [];
  page.on('dialog', (d) => { dialogs.push(d.type()); void d.dismiss(); });

  // Typed, then the page reloaded from inside the field: kept.
  await row(page, 'Trail search and filters').getByTestId('row-title').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('edit-name')).toBeFocused();
  await page.keyboard.type(' (reloaded)');
  await page.reload();
  await expect(row(page, 'Trail search and filters (reloaded)')).toBeVisible();

  // Typed, then another row's editor opened by a click: kept, one undo step.
  await row(page, 'Trip planning').getByTestId('row-title').click();
  await page.keyboard.press('End');
  await page.keyboard.type(' (clicked away)');
  await row(page, 'Trail search and filters (reloaded)').getByTestId('row-title').click();
  await expect(row(page, 'Trip planning (clicked away)')).toBeVisible();
  await expect(page.getByTestId('undo')).toHaveAttribute('title', /Trip planning \(clicked away\)/);

  // Typed, then another page by the nav: kept.
  await page.getByTestId('edit-name').fill('Trail search');
  await app.nav('Backlog').click();
  await expect(app.heading()).toHaveText('Backlog');
  await app.nav('Hierarchy').click();
  await expect(row(page, 'Trail search')).toBeVisible();

  // Typed, then the browser's Back button while the field has the focus: kept.
  await row(page, 'Trail search').getByTestId('row-title').click();
  await page.keyboard.press('End');
  await page.keyboard.type(' and maps');
  await page.goBack();
  await expect(app.heading()).toHaveText('Backlog');
  await app.nav('Hierarchy').click();
  await expect(row(page, 'Trail search and maps')).toBeVisible();

  // An add panel creates on Enter and stays open, empty, for the next one.
  await row(page, 'Trip planning (clicked away)').getByTestId('add-feature').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('add-title')).toBeFocused();
  await page.keyboard.type('Packed lunch list');
  await page.keyboard.press('Enter');
  await expect(row(page, 'Packed lunch list')).toBeVisible();
  await expect(page.getByTestId('add-title')).toHaveValue('');
  await page.reload();
  await expect(row(page, 'Packed lunch list')).toBeVisible();
  expect(dialogs).toEqual([]);
  expect(app.problems).toEqual([]);
});

// A refused value stays where it was typed, with the reason, and changes nothing; Escape
// puts back what the field held when it got the focus, then a second Escape closes.
test('a refused value stays in its field with a message, and Escape puts back the old text', async ({ page }) => {
  const app = new App(page);
  await app.open();
  await app.loadSampleFromWelcome();
  await app.open('hierarchy');

  await row(page, 'Trail search and filters').getByTestId('row-title').focus();
  await page.keyboard.press('Enter');
  const name = page.getByTestId('edit-name');
  await name.fill('');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('edit-name-error')).toHaveText('The title cannot be empty.');
  await expect(name).toHaveValue('');
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  await expect(row(page, 'Trail search and filters')).toBeVisible();

  // Escape: the title it had when the field got the focus, and nothing to undo.
  await page.keyboard.press('Escape');
  await expect(name).toHaveValue('Trail search and filters');
  await expect(page.getByTestId('edit-name-error')).toHaveText('');
  await expect(page.getByTestId('edit-panel')).toBeVisible();
  // With nothing to put back, Escape closes the editor and the focus goes back to the row.
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('edit-panel')).toHaveCount(0);
  await expect(row(page, 'Trail search and filters').getByTestId('row-title')).toBeFocused();

  // A number out of range stays in its field; a good one commits, and undo takes it back.
  await row(page, 'Trail search and filters').getByTestId('row-title').press('Enter');
  await page.getByTestId('edit-value').fill('-1');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('edit-value-error')).toContainText('must be a number');
  await expect(page.getByTestId('edit-value')).toHaveValue('-1');
  await page.getByTestId('edit-value').fill('7');
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('edit-value-error')).toHaveText('');
  await page.getByTestId('done').click();
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('status')).toContainText('Undone');
  expect(app.problems).toEqual([]);
});

// Focus handed back to a row after an action waits for the next frame; a user who has
// moved on by then keeps the focus where they put it.
test('a row move hands the focus back only if the user has not moved it since', async ({ page }) => {
  const app = new App(page);
  await app.open();
  await app.loadSampleFromWelcome();
  await app.open('hierarchy');
  const title = row(page, 'Trail search and filters').getByTestId('row-title');

  // Left alone, the moved row keeps the focus.
  await title.focus();
  await page.keyboard.press('Alt+ArrowDown');
  await expect(page.getByTestId('status')).toContainText('moved to position');
  await expect(title).toBeFocused();

  // Moved on within the same frame (the filter box focused right after the key): it stays there.
  await title.focus();
  await page.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    el.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowUp', altKey: true, bubbles: true, cancelable: true }));
    (document.querySelector('[data-testid=outline-filter]') as HTMLElement).focus();
  });
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await expect(page.getByTestId('outline-filter')).toBeFocused();
  expect(app.problems).toEqual([]);
});

test('the outline is one Tab stop; the arrows, Home and End go between its rows', async ({ page }) => {
  const app = new App(page);
  await app.open();
  await app.loadSampleFromWelcome();
  await app.open('hierarchy');
  const titles = page.getByTestId('row-title');
  const focusedRow = () =>
    page.evaluate(() => document.activeElement?.closest('[data-testid=outline-row]')?.querySelector('[data-testid=row-title]')?.textContent ?? null);
  const inOutline = () => page.evaluate(() => !!document.activeElement?.closest('[data-testid=outline]'));

  // Tab from the toolbar's last button enters the outline at its first row, and after
  // that row's own few buttons it leaves the outline (the sample's outline had 290 stops).
  await page.getByRole('button', { name: 'Collapse all' }).focus();
  await page.keyboard.press('Tab');
  expect(await focusedRow()).toBe(await titles.first().textContent());
  let stops = 1;
  for (; stops < 40 && (await inOutline()); stops++) await page.keyboard.press('Tab');
  expect(stops).toBeLessThanOrEqual(8);
  expect(await inOutline()).toBe(false);

  // Back in with Shift+Tab, then down three rows: from a row's button too, not only its title.
  await page.keyboard.press('Shift+Tab');
  expect(await inOutline()).toBe(true);
  await titles.first().focus();
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
  await expect(titles.nth(3)).toBeFocused();
  const feature = row(page, 'Trail search and filters');
  const nextTitle = () =>
    feature.evaluate((li) => li.nextElementSibling?.querySelector('[data-testid=row-title]')?.id ?? 'none');
  const next = await nextTitle();
  await feature.getByTestId('row-title').focus();
  await page.keyboard.press('Tab');
  await expect(feature.getByTestId('add-item')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(page.locator(`[id="${next}"]`)).toBeFocused();

  // The row last visited keeps the stop: leave the outline and come back to it.
  await page.getByTestId('outline-filter').focus();
  await page.getByRole('button', { name: 'Collapse all' }).focus();
  await page.keyboard.press('Tab');
  const rowOfFocus = await page.evaluate(() => document.activeElement?.closest('[data-testid=outline-row]')?.querySelector('[data-testid=row-title]')?.id);
  expect(rowOfFocus).toBe(next);

  // A move undone puts another row under the focus: the Tab stop follows the focus.
  await feature.getByTestId('row-title').focus();
  await page.keyboard.press('Alt+ArrowDown');
  await expect(page.getByTestId('status')).toContainText('moved to position');
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('status')).toContainText('Undone');
  await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('tabindex') ?? 'none')).not.toBe('-1');

  // A screen reader hears where a row sits, and whose its buttons are.
  const level = (li: ReturnType<typeof row>) => li.evaluate((e) => Number(e.getAttribute('aria-level')));
  expect(await level(page.getByTestId('outline-row').first())).toBe(1);
  expect(await level(row(page, 'Search trails by name or area').first())).toBeGreaterThan(await level(feature));
  await expect(feature.getByTestId('add-item')).toHaveAccessibleName('+ item under Trail search and filters');
  await expect(feature.getByTestId('move')).toHaveAccessibleName('Move Trail search and filters…');

  // Rows redrawn by a filter keep to the one stop.
  const tabbable = () =>
    page.evaluate(() => [...document.querySelectorAll('[data-testid=outline] a, [data-testid=outline] button')]
      .filter((e) => e.getAttribute('tabindex') !== '-1' && !(e as HTMLButtonElement).disabled).length);
  for (const q of ['t', 'tr', 'trail', '']) {
    await page.getByTestId('outline-filter').fill(q);
    await expect.poll(tabbable).toBeLessThanOrEqual(8);
  }
  await titles.first().focus();

  // End and Home: the last row drawn and the first.
  await page.keyboard.press('End');
  await expect(titles.last()).toBeFocused();
  await page.keyboard.press('Home');
  await expect(titles.first()).toBeFocused();
  expect(app.problems).toEqual([]);
});
