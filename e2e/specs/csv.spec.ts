import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { test, expect, type Page } from '@playwright/test';
import { App } from './app';

// Issue 22: a backlog comes in from a CSV export of Jira, Linear or Azure DevOps, through
// a preview, as one undoable step; a newer export updates what the first brought in.

const fixture = (name: string) => join(__dirname, '..', '..', 'tests', 'fixtures', 'csv', name);

async function pick(page: Page, path: string, name = 'export.csv') {
  await page.getByTestId('csv-file').setInputFiles({ name, mimeType: 'text/csv', buffer: readFileSync(path) });
}

/** A workspace with one empty product, "Lighthouse", on the Data page. */
async function dataPageWithOneProduct(page: Page) {
  const app = new App(page);
  await app.open();
  await page.getByTestId('start-empty').click();
  await app.createProduct('Lighthouse');
  await app.open('data');
  return app;
}

test('a Jira export is previewed, imported into a new product in one step, and undone', async ({ page }) => {
  const app = await dataPageWithOneProduct(page);
  await pick(page, fixture('jira.csv'), 'jira.csv');
  const preview = page.getByTestId('csv-preview');
  await expect(preview.locator('#csv-preview-title')).toContainText('a Jira export');
  await expect(preview.getByTestId('csv-summary')).toContainText('rows read');
  // What each column becomes, and what is left out and why, before anything changes.
  await expect(preview.getByTestId('csv-not-kept')).toContainText('not kept');
  await expect(preview.getByTestId('csv-skipped')).toContainText('its status is Won');
  await expect(preview.getByTestId('csv-skipped')).toContainText('it has no title');
  await expect(preview.getByTestId('csv-counts')).toContainText('Features');
  await expect(app.switcher()).not.toContainText('Shop');
  await preview.getByTestId('csv-confirm').click();
  await expect(page.getByRole('status').filter({ hasText: 'Imported from Jira' })).toBeVisible();
  // It lands in the backlog of a new product, with parents, points and the blocker.
  await expect(app.switcher()).toContainText('Shop');
  const row = (t: string) => page.getByTestId('backlog-row').filter({ has: page.getByTestId('open-item').getByText(t, { exact: true }) });
  await expect(row('Pay by card')).toContainText('Checkout');
  await expect(row('Pay by card')).toContainText('5');
  // Its blocker is done, so the row is not blocked; the panel still lists it.
  await expect(row('Pay by card').getByTestId('blocked')).toHaveCount(0);
  await row('Pay by card').getByTestId('open-item').click();
  await expect(page.getByTestId('item-dependencies').getByTestId('waits-for')).toContainText('Show basket');
  // One undo takes the whole import back.
  await page.locator('body').press('Control+z');
  await expect(app.switcher()).not.toContainText('Shop');
  expect(app.problems).toEqual([]);
});

test('another tool\'s CSV and an empty file are refused with what is wrong; nothing changes', async ({ page }) => {
  const app = new App(page);
  await app.open();
  await app.loadSampleFromWelcome();
  await app.open('data');
  await page.getByTestId('csv-file').setInputFiles({ name: 'people.csv', mimeType: 'text/csv', buffer: Buffer.from('Name,Email\nAna,ana@example.com\n') });
  await expect(page.getByTestId('csv-refused')).toContainText('is not a Jira, Linear or Azure DevOps export');
  await expect(page.getByTestId('csv-refused')).toContainText('“Name”, “Email”');
  await page.getByTestId('csv-refused').getByRole('button', { name: 'Close' }).click();
  await page.getByTestId('csv-file').setInputFiles({ name: 'empty.csv', mimeType: 'text/csv', buffer: Buffer.from('') });
  await expect(page.getByTestId('csv-refused')).toContainText('The file is empty');
  expect(app.problems).toEqual([]);
});

test('Linear and Azure DevOps exports import too, and an unknown type waits for a choice', async ({ page }) => {
  const app = await dataPageWithOneProduct(page);
  await pick(page, fixture('linear.csv'), 'linear.csv');
  await expect(page.locator('#csv-preview-title')).toContainText('a Linear export');
  await page.getByTestId('csv-confirm').click();
  await expect(page.getByRole('status').filter({ hasText: 'Imported from Linear' })).toBeVisible();
  await app.open('data');
  await pick(page, fixture('azure-tree.csv'), 'azure.csv');
  const preview = page.getByTestId('csv-preview');
  await expect(preview.locator('#csv-preview-title')).toContainText('an Azure DevOps export');
  const unknown = preview.getByTestId('csv-unknown-types');
  await expect(unknown).toContainText('Test Case');
  await expect(preview.getByTestId('csv-skipped')).toContainText('choose what “Test Case” becomes');
  await unknown.getByTestId('csv-type-choice').selectOption('task');
  await expect(preview.getByTestId('csv-skipped')).not.toContainText('Test Case');
  await preview.getByTestId('csv-confirm').click();
  await expect(page.getByRole('status').filter({ hasText: 'Imported from Azure DevOps' })).toBeVisible();
  expect(app.problems).toEqual([]);
});

test('a newer export of the same project updates what the first brought in, listing each change', async ({ page }) => {
  const app = await dataPageWithOneProduct(page);
  await pick(page, fixture('jira.csv'), 'jira.csv');
  await page.getByTestId('csv-confirm').click();
  await expect(app.switcher()).toContainText('Shop');
  await expect(page.getByTestId('backlog-row').first()).toBeVisible();
  const count = await page.getByTestId('backlog-row').count();
  const shop = await app.productId();
  // The same export a week later: "Pay by card" re-estimated from 5 to 8.
  const newer = readFileSync(fixture('jira.csv'), 'utf8').replace(',5,In Progress,10001', ',8,In Progress,10001');
  expect(newer).not.toEqual(readFileSync(fixture('jira.csv'), 'utf8'));
  await app.open(`data?p=${shop}`);
  await page.getByTestId('csv-file').setInputFiles({ name: 'jira-newer.csv', mimeType: 'text/csv', buffer: Buffer.from(newer) });
  const preview = page.getByTestId('csv-preview');
  await expect(preview.getByTestId('csv-current-product')).toBeChecked();
  await expect(preview.getByTestId('csv-updates')).toContainText('Pay by card: estimate 5 → 8');
  await preview.getByTestId('csv-confirm').click();
  await expect(page.getByRole('status').filter({ hasText: '1 updated' })).toBeVisible();
  await app.open(`backlog?p=${shop}`);
  await expect(page.getByTestId('backlog-row')).toHaveCount(count);
  await expect(page.getByTestId('backlog-row').filter({ hasText: 'Pay by card' })).toContainText('8');
  expect(app.problems).toEqual([]);
});
