import { expect, type Page } from '@playwright/test';

/**
 * Stores one product as a workspace of storage version 1 before the app first loads (the
 * app migrates it from content version 1, rewrites it in the current layout and says so in
 * an info banner), unless something is stored already.
 */
export async function seedProduct(page: Page, product: { id: string; name: string }) {
  const store = {
    'twohats.meta': JSON.stringify({ format: 'twohats', version: 1, portfolio: { name: 'P' }, roles: 'separate', products: [{ id: product.id, rev: 1 }] }),
    [`twohats.product.${product.id}.1`]: JSON.stringify({ format: 'twohats', version: 1, rev: 1, product }),
  };
  await page.addInitScript((s) => {
    if (!localStorage.getItem('twohats.meta')) for (const [k, v] of Object.entries(s)) localStorage.setItem(k, v);
  }, store);
}

/**
 * Cuts the network for one split point's chunk (e.g. `backlog_page`) and for the app's
 * check of the site (`index.html?fresh`): what a page sees when the browser is offline.
 */
export async function chunkOffline(page: Page, split: string) {
  await page.route(`**/split_${split}-*.wasm`, (r) => r.abort('internetdisconnected'));
  await page.route('**/index.html?fresh=*', (r) => r.abort('internetdisconnected'));
}

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
    // Every page but Home arrives as a chunk of its own.
    await expect(this.page.getByTestId('page-loading')).toHaveCount(0);
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
