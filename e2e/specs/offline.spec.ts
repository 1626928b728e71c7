import { test, expect } from '@playwright/test';
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
