import { test, expect } from '@playwright/test';
import { App } from './app';

test('the command palette jumps to an item and runs actions, by keyboard alone', async ({ page }) => {
  const app = new App(page);
  await app.open();
  await app.loadSampleFromWelcome();
  await page.keyboard.press('Control+k');
  await expect(page.getByTestId('palette-input')).toBeFocused();
  await page.keyboard.type('storm warn');
  await page.keyboard.press('Enter');
  await expect(app.heading()).toHaveText('Backlog');
  await expect(page.getByTestId('item-panel')).toContainText('Storm warning on the day of the trip');

  await page.locator('body').click();
  await page.keyboard.press('Control+k');
  await expect(page.getByTestId('palette-input')).toBeFocused();
  await page.keyboard.type('go to road');
  await page.keyboard.press('Enter');
  await expect(app.heading()).toHaveText('Roadmap');

  await page.keyboard.press('Control+k');
  await expect(page.getByTestId('palette-input')).toBeFocused();
  await page.keyboard.type('ranger console');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Enter');
  await expect(app.switcher().locator('option:checked')).toHaveText('Ranger Console');
});

test('? opens the shortcuts overlay and Escape closes it', async ({ page }) => {
  const app = new App(page);
  await app.open();
  await page.locator('body').press('?');
  await expect(page.getByTestId('shortcuts')).toBeVisible();
  await expect(page.getByTestId('shortcuts')).toContainText('Ctrl+K');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('shortcuts')).toHaveCount(0);
});

test('the theme is switchable and remembered', async ({ page }) => {
  const app = new App(page);
  await app.open();
  await page.getByTestId('theme').selectOption('dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(bg).toBe('rgb(18, 21, 27)');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.getByTestId('theme').selectOption('system');
  await expect(page.locator('html')).not.toHaveAttribute('data-theme', /.+/);
});

// Dialogs keep Tab inside and give the focus back when closed; a change that redraws or
// removes the focused element leaves the focus on it again (or on the page's heading),
// never on the page itself; Ctrl+Z on a radio button is the document's undo.
test('the focus stays where a keyboard user can go on from', async ({ page }) => {
  const app = new App(page);
  await app.open();
  await app.loadSampleFromWelcome();
  await app.open('roadmap');
  const roadmapNav = app.nav('Roadmap');

  // The palette: Tab stays in it; Escape gives the focus back to what had it.
  await roadmapNav.focus();
  await page.keyboard.press('Control+k');
  await expect(page.getByTestId('palette-input')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('palette-input')).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(page.getByTestId('palette-input')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('palette')).toHaveCount(0);
  await expect(roadmapNav).toBeFocused();

  // The shortcuts: the dialog takes the focus, its top in view; Tab cycles inside it.
  await page.keyboard.press('?');
  const dialog = page.getByTestId('shortcuts');
  await expect(dialog).toBeFocused();
  expect(await dialog.evaluate((d) => d.scrollTop)).toBe(0);
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: 'Close (Esc)' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: 'Close (Esc)' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(roadmapNav).toBeFocused();

  // A bar moved by keyboard, then undone: the redrawn bar has the focus again.
  const bar = page.getByTestId('bar').first();
  const id = await bar.getAttribute('id');
  await bar.focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('status')).toContainText(' to ');
  await expect(page.locator(`#${id}`)).toBeFocused();
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('status')).toContainText('Undone');
  await expect(page.locator(`#${id}`)).toBeFocused();

  // Ctrl+Z on a radio button undoes the organisation switch.
  await app.nav('Explainer').click();
  await expect(app.heading()).toHaveText('Explainer: who does what');
  const radios = page.getByTestId('org-switch').getByRole('radio');
  const checkedBefore = await radios.evaluateAll((rs) => rs.findIndex((r) => (r as HTMLInputElement).checked));
  await radios.nth(checkedBefore).focus();
  await page.keyboard.press('ArrowDown');
  await expect(radios.nth(checkedBefore)).not.toBeChecked();
  await page.keyboard.press('Control+z');
  await expect(radios.nth(checkedBefore)).toBeChecked();
  expect(app.problems).toEqual([]);
});

// The palette is a chunk of its own: on a slow line it arrives after the user has typed.
test('Ctrl+K, a query and Enter typed at once, before the palette is there, still open the match', async ({ page }) => {
  // The chunk is fetched ahead on the first interaction: here it takes three seconds.
  await page.route('**/split_palette_chunk-*.wasm', async (route) => {
    await new Promise((r) => setTimeout(r, 3000));
    await route.continue();
  });
  const app = new App(page);
  await app.open();
  await app.loadSampleFromWelcome();
  await page.locator('body').click();
  await expect(page.getByTestId('palette')).toHaveCount(0);
  await page.keyboard.press('Control+k');
  await page.keyboard.type('storm warn');
  await page.keyboard.press('Enter');
  await expect(app.heading()).toHaveText('Backlog');
  await expect(page.getByTestId('item-panel')).toContainText('Storm warning on the day of the trip');
});
