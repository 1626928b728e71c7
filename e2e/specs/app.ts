import { expect, type Page } from '@playwright/test';

/** A page object for the app shell: navigation, the product switcher, storage. */
export class App {
  /** Console errors and CSP violations seen while the page ran. */
  readonly problems: string[] = [];

  constructor(readonly page: Page) {
    page.on('console', (msg) => {
      if (msg.type() === 'error') this.problems.push(msg.text());
    });
    page.on('pageerror', (err) => this.problems.push(String(err)));
  }

  /** Opens a route (the part after `#/`), e.g. `backlog?p=p-1`. */
  async open(route = '') {
    await this.page.goto(`./#/${route}`);
    await expect(this.page.locator('.app-header')).toBeVisible();
  }

  nav(name: string) {
    return this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true });
  }

  heading() {
    return this.page.locator('#page-title');
  }

  switcher() {
    return this.page.getByTestId('product-switcher');
  }

  async createProduct(name: string) {
    const form = this.page.getByTestId('new-product-form').first();
    await form.getByRole('textbox').fill(name);
    await form.getByRole('button', { name: 'Create product' }).click();
    await expect(this.switcher()).toContainText(name);
  }

  async loadSampleFromWelcome() {
    await this.page.getByTestId('load-sample').click();
    await expect(this.switcher()).toContainText('Trailhead');
    // Saves wait a moment: tests that read or damage storage need the sample written.
    await expect.poll(() => this.page.evaluate(() => {
      const meta = localStorage.getItem('twohats.meta');
      return meta ? JSON.parse(meta).products.length : 0;
    })).toBe(2);
  }

  storage(): Promise<Record<string, string>> {
    return this.page.evaluate(() => {
      const out: Record<string, string> = {};
      for (let i = 0; i < localStorage.length; i++) {
        const k = localStorage.key(i)!;
        out[k] = localStorage.getItem(k)!;
      }
      return out;
    });
  }

  /** The product id in the current URL. */
  async productId(): Promise<string> {
    const url = new URL(this.page.url());
    const id = new URLSearchParams(url.hash.split('?')[1] ?? '').get('p');
    expect(id, `product id in ${url.hash}`).toBeTruthy();
    return id!;
  }
}
