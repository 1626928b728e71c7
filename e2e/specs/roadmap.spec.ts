import { test, expect, type Page } from '@playwright/test';
import { App } from './app';

const lane = (page: Page, name: string) => page.getByTestId('lane').filter({ has: page.getByRole('heading', { name, exact: true }) });
const bar = (page: Page, title: string) => page.getByTestId('tl-row').filter({ has: page.getByTestId('feature-title').getByText(title, { exact: true }) }).getByTestId('bar');

test('a PM journey: theme, three features, timeline by drag and keyboard, Later, release, reload', async ({ page }) => {
  await page.setViewportSize({ width: 1400, height: 1000 });
  const app = new App(page);
  await app.open();
  await page.getByTestId('start-empty').click();
  await app.createProduct('Beacon');
  await app.nav('Roadmap').click();

  await page.getByTestId('new-theme').fill('Onboarding');
  await page.getByTestId('new-theme').press('Enter');
  await expect(lane(page, 'Onboarding')).toContainText('⚠ No objective');
  const addFeature = lane(page, 'Onboarding').getByTestId('new-feature');
  for (const t of ['Guided setup', 'Import contacts', 'Team invites']) {
    await addFeature.fill(t);
    await addFeature.press('Enter');
    await expect(lane(page, 'Onboarding')).toContainText(t);
  }

  // Place by keyboard: "place it now" puts it in the current month; arrows move and resize.
  const row = (t: string) => page.getByTestId('tl-row').filter({ has: page.getByTestId('feature-title').getByText(t, { exact: true }) });
  await row('Guided setup').getByTestId('place').press('Enter');
  await expect(bar(page, 'Guided setup')).toBeVisible();
  await bar(page, 'Guided setup').focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('status')).toContainText('“Guided setup”:');
  await bar(page, 'Guided setup').focus();
  await page.keyboard.press('Shift+ArrowRight');
  const box1 = (await bar(page, 'Guided setup').boundingBox())!;
  const status = await page.getByTestId('status').textContent();
  expect(status).toMatch(/“Guided setup”: (\w{3}) (\d{4}) to (\w{3}) (\d{4})\./);

  // Place by pointer: click a month on the empty track, then drag the bar one month right.
  await row('Import contacts').getByTestId('place').press('Enter');
  const b = bar(page, 'Import contacts');
  const box = (await b.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + box.width * 1.1, box.y + box.height / 2, { steps: 8 });
  await page.mouse.up();
  await expect(page.getByTestId('status')).toContainText('“Import contacts”:');
  const moved = (await b.boundingBox())!;
  expect(moved.x).toBeGreaterThan(box.x + box.width * 0.5);
  // The bar grew to two months wide on the keyboard; this one stayed one month.
  expect(box1.width).toBeGreaterThan(moved.width * 1.5);

  // Board: move Team invites to Later by keyboard; selection survives the switch of views.
  await page.getByTestId('view-board').click();
  const card = page.getByTestId('feature-card').filter({ hasText: 'Team invites' });
  await card.click();
  await expect(page.getByTestId('feature-details')).toContainText('Team invites');
  await card.focus();
  await page.keyboard.press('Alt+ArrowLeft'); // No horizon → Later
  await expect(page.getByTestId('column-later')).toContainText('Team invites');
  await page.getByTestId('view-timeline').click();
  await expect(page.getByTestId('feature-details')).toContainText('Team invites');

  // A release, targeted by a feature.
  const month = new Date().toISOString().slice(0, 7);
  await page.getByTestId('release-name').fill('Public beta');
  await page.getByTestId('release-date').fill(`${month}-20`);
  await page.getByTestId('add-release').getByRole('button', { name: 'Add release' }).click();
  await expect(page.getByTestId('releases')).toContainText('Public beta');
  await page.getByTestId('feature-release').selectOption({ label: `Public beta (${month}-20)` });
  await expect(page.locator('.tl-release')).toHaveCount(1);

  await page.reload();
  await expect(lane(page, 'Onboarding')).toContainText('Guided setup');
  await expect(bar(page, 'Guided setup')).toBeVisible();
  await expect(bar(page, 'Import contacts')).toBeVisible();
  await expect(bar(page, 'Team invites')).toHaveCount(0);
  await expect(page.locator('.tl-release')).toHaveCount(1);
  await page.getByTestId('view-board').click();
  await expect(page.getByTestId('column-later')).toContainText('Team invites');
  expect(app.problems).toEqual([]);
});

test('filters, the reality check and the SVG export on the sample', async ({ page }) => {
  const app = new App(page);
  await app.open();
  await app.loadSampleFromWelcome();
  await app.nav('Roadmap').click();
  const reality = page.getByTestId('reality');
  await expect(reality.getByTestId('reality-row').first()).toContainText('Now');
  await expect(reality).toContainText('features');
  await page.getByLabel('Status').selectOption('AtRisk');
  await expect(page.getByTestId('bar')).toHaveCount(1);
  await page.getByLabel('Status').selectOption('');
  const download = page.waitForEvent('download');
  await page.getByTestId('export-svg').click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('trailhead-roadmap.svg');
  const text = Buffer.concat(await (await file.createReadStream()).toArray()).toString();
  expect(text.startsWith('<svg')).toBe(true);
  expect(text).toContain('Ranger condition feed');
});

// Arrow keys on a closed select change it at once: each change used to redraw the
// details and drop the focus, so only the first key press counted.
test('a feature status changes by keyboard, one arrow press at a time, focus staying', async ({ page }) => {
  const app = new App(page);
  await app.open();
  await app.loadSampleFromWelcome();
  await app.open('roadmap');
  await page.getByTestId('feature-title').first().click();
  const details = page.getByTestId('feature-details');
  const status = details.getByTestId('feature-status');
  await status.selectOption('Planned');
  await status.focus();
  await page.keyboard.press('ArrowDown');
  await expect(status).toHaveValue('InProgress');
  await expect(status).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(status).toHaveValue('Done');
  await expect(status).toBeFocused();
  // Undo puts the status back in the select.
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(status).toHaveValue('InProgress');
  expect(app.problems).toEqual([]);
});

test('moving a card to another column by keyboard changes its horizon only, not its place among its theme\'s features', async ({ page }) => {
  const app = new App(page);
  await app.open();
  await app.loadSampleFromWelcome();
  await app.open('hierarchy');
  const titles = () => page.getByTestId('row-title').allTextContents();
  await expect(page.getByTestId('row-title').first()).toBeVisible();
  const before = await titles();
  await app.open('roadmap');
  await page.getByTestId('view-board').click();
  const card = page.getByTestId('column-now').getByTestId('feature-card').first();
  const title = ((await card.textContent()) ?? '').trim().slice(0, 12);
  await card.focus();
  await page.keyboard.press('Alt+ArrowRight');
  await expect(page.getByTestId('column-next')).toContainText(title);
  await app.open('hierarchy');
  await expect(page.getByTestId('row-title').first()).toBeVisible();
  expect(await titles()).toEqual(before);
});
