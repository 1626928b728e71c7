import { test, expect } from '@playwright/test';
import { App } from './app';

const PAGES = ['', 'explainer', 'hierarchy', 'roadmap', 'backlog', 'training', 'data'];

for (const [width, height] of [[390, 844], [768, 1024], [1024, 768], [1280, 720], [1920, 1080]]) {
  test(`at ${width}×${height} no page scrolls sideways and the header stays compact`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    const app = new App(page);
    await app.open();
    await app.loadSampleFromWelcome();
    for (const route of PAGES) {
      await app.open(route);
      await expect(app.heading()).toBeVisible();
      const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(scroll, `#/${route} is ${scroll}px wide in a ${width}px window`).toBeLessThanOrEqual(width);
    }
    // From a laptop's or projector's 1280 up, the backlog's columns all show: none hides
    // off to the right of its table.
    if (width >= 1280) {
      await app.open('backlog');
      const over = await page.locator('.backlog-table-wrap').evaluate((w) => w.scrollWidth - w.clientWidth);
      expect(over, 'backlog table wider than its box').toBeLessThanOrEqual(0);
    }
    // From a projector's 1280 up, brand, product, navigation and undo share one row.
    const header = await page.locator('.app-header').boundingBox();
    if (width >= 1280) expect(header!.height).toBeLessThan(80);
    // Where the header wraps (a phone, a 1024×768 projector) it would cover a fifth of the
    // screen or more: it scrolls away with the page.
    if (width < 1200) {
      await app.open('backlog');
      await page.mouse.wheel(0, 600);
      await expect.poll(async () => {
        const box = await page.locator('.app-header').boundingBox();
        return box!.y + box!.height;
      }).toBeLessThanOrEqual(0);
    }
  });
}

test('a jump inside the explainer lands below the sticky header; the ladder\'s badges are not links back to the page; a ceremony row names its sources once', async ({ page }) => {
  const app = new App(page);
  await app.open('explainer');
  await page.getByRole('navigation', { name: 'On this page' }).getByRole('link', { name: 'Ceremonies' }).click();
  const heading = page.locator('#ceremonies-title');
  await expect(heading).toBeFocused();
  await page.waitForTimeout(300);
  const headerBottom = await page.locator('.app-header').evaluate((e) => e.getBoundingClientRect().bottom);
  const top = await heading.evaluate((e) => e.getBoundingClientRect().top);
  expect(top).toBeGreaterThanOrEqual(headerBottom);
  // Seven levels, no Tab stop that leads back to where it is.
  await expect(page.getByTestId('ladder').getByTestId('hat-badge')).toHaveCount(7);
  await expect(page.getByTestId('ladder').locator('[data-testid=hat-badge][href]')).toHaveCount(0);
  await expect(page.locator('.ceremonies th[scope=row] .sources')).toHaveCount(0);
  await expect(page.locator('.ceremonies tbody tr').first().locator('td.ceremonies__sources .sources')).toHaveCount(1);
});
