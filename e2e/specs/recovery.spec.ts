import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { App } from './app';

/** Another project on the same origin (user.github.io) fills what is left of the quota. */
async function fillOrigin(page: Page) {
  await page.evaluate(() => {
    let chunk = 'x'.repeat(1 << 20);
    for (let n = 0; chunk.length > 0; ) {
      try {
        localStorage.setItem(`other-app.${n++}`, chunk);
      } catch {
        chunk = chunk.slice(0, chunk.length >> 1);
      }
    }
  });
}

async function freeOrigin(page: Page) {
  await page.evaluate(() => {
    for (const k of Object.keys(localStorage)) if (k.startsWith('other-app.')) localStorage.removeItem(k);
  });
}

test('one damaged part sets its product aside; the rest loads, and Restore brings back what reads', async ({ page }) => {
  const app = new App(page);
  await app.open();
  await app.loadSampleFromWelcome();
  await app.switcher().selectOption({ label: 'Ranger Console' });
  const ranger = await app.productId();
  const before = await app.storage();
  // Cut one item part of Ranger Console to 20 characters.
  const chunkKey = Object.keys(before).find((k) => k.startsWith(`twohats.items.${ranger}.`))!;
  const lost = JSON.parse(before[chunkKey]).items.length as number;
  await page.evaluate((k) => localStorage.setItem(k, localStorage.getItem(k)!.slice(0, 20)), chunkKey);
  await page.reload();

  const notice = page.getByTestId('notice');
  await expect(notice).toContainText('The product “Ranger Console” could not be read and was set aside.');
  await expect(notice).toContainText('Every other product loaded');
  // Trailhead, intact, loads and saves as usual.
  await expect(app.switcher()).toContainText('Trailhead');
  await expect(app.switcher()).not.toContainText('Ranger Console');
  await app.createProduct('Made after the damage');
  await expect(page.getByTestId('save-state')).toContainText('Saved in this browser');

  // The banner's Restore opens the Data page on its backup, read item by item.
  await notice.getByTestId('notice-restore').click();
  await expect(app.heading()).toHaveText('Data');
  await expect(page.getByTestId('backup-row')).toHaveCount(1);
  const preview = page.getByTestId('import-preview');
  await expect(preview).toContainText('What can be recovered from');
  await expect(preview).toContainText('Ranger Console');
  await expect(preview).toContainText(String(8 - lost));
  await expect(page.getByTestId('import-lost')).toContainText(chunkKey);
  const lostText = lost === 1 ? '1 item of its backlog was in a damaged' : `${lost} items of its backlog were in damaged`;
  await expect(page.getByTestId('import-lost')).toContainText(lostText);
  // The banner, the preview and the backups list, as a screen reader and a keyboard meet them.
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  await page.getByTestId('import-merge').click();
  await expect(app.switcher()).toContainText('Ranger Console');
  await expect(app.switcher()).toContainText('Made after the damage');

  await page.reload();
  await expect(app.switcher()).toContainText('Ranger Console');
  await expect(page.getByTestId('notice')).toHaveCount(0);
  await app.switcher().selectOption({ label: 'Ranger Console' });
  await app.nav('Backlog').click();
  await expect(page.getByTestId('backlog-row')).toHaveCount(8 - lost);
  expect(app.problems).toEqual([]);
});

test('a damaged index is rebuilt from the products\' newest saves, and says so', async ({ page }) => {
  const app = new App(page);
  await app.open();
  await app.loadSampleFromWelcome();
  await page.evaluate(() => localStorage.setItem('twohats.meta', '{"format":"twohats","vers'));
  await page.reload();
  const notice = page.getByTestId('notice');
  await expect(notice).toContainText('rebuilt the workspace');
  await expect(notice).toContainText('2 products came back whole');
  await expect(app.switcher()).toContainText('Trailhead');
  await expect(app.switcher()).toContainText('Ranger Console');
  await page.reload();
  await expect(page.getByTestId('notice')).toHaveCount(0);
  await expect(app.switcher()).toContainText('Ranger Console');
});

test('an origin another app filled opens read-only, never "blocked", and opens up by itself', async ({ page }) => {
  const app = new App(page);
  await app.open();
  await app.loadSampleFromWelcome();
  await fillOrigin(page);
  await page.reload();
  await expect(app.switcher()).toContainText('Trailhead');
  await expect(page.getByText('This browser is not letting Two Hats save')).toHaveCount(0);
  const full = page.getByTestId('notice-full');
  await expect(full).toContainText('opened read-only');
  await expect(full).toContainText('other apps\' data included');
  await expect(full).toContainText(/comes to \d[\d,]* KB of the 10,240 KB/);
  await expect(page.getByTestId('save-state')).toContainText('Read-only');
  const axe = await new AxeBuilder({ page }).include('[data-testid=notices]').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  // An edit is refused with why; nothing changes on screen.
  const form = page.getByTestId('new-product-form').first();
  await form.getByRole('textbox').fill('Made while read-only');
  await form.getByRole('button', { name: 'Create product' }).click();
  await expect(page.getByTestId('status')).toContainText('read-only');
  await expect(app.switcher()).not.toContainText('Made while read-only');
  // The other app frees its room: editing opens by itself, no click and no reload.
  await freeOrigin(page);
  await expect(full).toHaveCount(0, { timeout: 10_000 });
  await expect(page.getByTestId('save-state')).toContainText('Saved in this browser');
  await app.createProduct('Made once there was room');
  await expect(page.getByTestId('save-state')).toContainText('Saved in this browser');
  await page.reload();
  await expect(app.switcher()).toContainText('Made once there was room');
});

test('read-only offers to export and delete a product, and that makes room', async ({ page }) => {
  const app = new App(page);
  await app.open();
  await app.loadSampleFromWelcome();
  await fillOrigin(page);
  await page.reload();
  const full = page.getByTestId('notice-full');
  await expect(full).toBeVisible();
  const download = page.waitForEvent('download');
  await full.getByRole('button', { name: /Export “Trailhead”, then delete it/ }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^twohats-.*\.json$/);
  await expect(app.switcher()).not.toContainText('Trailhead');
  // Its keys go once no tab can still need them; then a save fits again.
  await expect(full).toHaveCount(0, { timeout: 25_000 });
  await page.reload();
  await expect(app.switcher()).not.toContainText('Trailhead');
  await expect(app.switcher()).toContainText('Ranger Console');
});

test('a save refused mid-session for a full origin goes through by itself once there is room', async ({ page }) => {
  const app = new App(page);
  await app.open();
  await app.loadSampleFromWelcome();
  await fillOrigin(page);
  // An edit that does not fit says the storage is full, and is kept on screen.
  await app.createProduct('Made while full, with a name long enough not to fit anywhere');
  await page.evaluate(() => window.dispatchEvent(new Event('pagehide')));
  const notice = page.getByTestId('notice');
  await expect(notice).toContainText('not saved');
  await expect(notice).toContainText('full');
  await expect(page.getByTestId('save-state')).toContainText('Not saved');
  await freeOrigin(page);
  await expect(page.getByTestId('save-state')).toContainText('Saved in this browser', { timeout: 25_000 });
  await expect(notice).toHaveCount(0);
  await page.reload();
  await expect(app.switcher()).toContainText('Made while full');
});
