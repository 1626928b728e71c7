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
    // From a projector's 1280 up, brand, product, navigation and undo share one row.
    const header = await page.locator('.app-header').boundingBox();
    if (width >= 1280) expect(header!.height).toBeLessThan(80);
  });
}
