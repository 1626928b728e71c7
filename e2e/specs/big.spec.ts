import { test, expect } from '@playwright/test';
import { App } from './app';

/** A stored workspace with one product of `n` items, in the storage format. */
function bigStore(n: number) {
  const items = Array.from({ length: n }, (_, i) => ({ id: `i-${i}`, kind: 'task', title: `Task number ${i}`, feature: null }));
  const product = { id: 'p-big', name: 'Big', items };
  return {
    'twohats.meta': JSON.stringify({ format: 'twohats', version: 1, portfolio: { name: 'P' }, roles: 'separate', products: [{ id: 'p-big', rev: 1 }] }),
    'twohats.product.p-big.1': JSON.stringify({ format: 'twohats', version: 1, rev: 1, product }),
  };
}

test('long lists draw a page of rows and more on demand; keyboard jumps still reach any item', async ({ page }) => {
  await page.addInitScript((store) => {
    if (!localStorage.getItem('twohats.meta')) for (const [k, v] of Object.entries(store)) localStorage.setItem(k, v);
  }, bigStore(450));
  const app = new App(page);
  await app.open('backlog');
  await expect(page.getByTestId('backlog-row')).toHaveCount(200);
  await expect(page.getByTestId('more-rows')).toContainText('Showing 200 of 450 items');
  await page.getByTestId('more-rows').getByRole('button', { name: 'Show 200 more' }).click();
  await expect(page.getByTestId('backlog-row')).toHaveCount(400);
  // The search still covers every item.
  await page.getByTestId('backlog-search').fill('number 449');
  await expect(page.getByTestId('backlog-row')).toHaveCount(1);
  await page.getByTestId('backlog-search').fill('');
  // The palette reaches an item beyond the drawn rows and opens it.
  await page.keyboard.press('Control+k');
  await page.keyboard.type('task number 440');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('item-panel')).toContainText('Task number 440');
  await app.open('hierarchy');
  await expect(page.getByTestId('more-rows')).toContainText('Showing 200 of');
});
