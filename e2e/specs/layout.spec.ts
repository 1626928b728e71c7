import { test, expect } from '@playwright/test';
import { App } from './app';

const PAGES = ['', 'explainer', 'hierarchy', 'roadmap', 'backlog', 'training', 'data'];

for (const [width, height] of [[390, 844], [768, 1024], [1280, 720], [1920, 1080]]) {
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
    // On a phone the wrapped header would cover a quarter of the screen: it scrolls away.
    if (width < 600) {
      await app.open('backlog');
      await page.mouse.wheel(0, 600);
      await expect.poll(async () => {
        const box = await page.locator('.app-header').boundingBox();
        return box!.y + box!.height;
      }).toBeLessThanOrEqual(0);
    }
  });
}
