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
