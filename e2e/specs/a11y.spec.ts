import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { App, chunkOffline } from './app';

// axe over seven pages takes a while on a 2-core machine.
test.describe.configure({ timeout: 120_000 });

const PAGES = ['', 'explainer', 'hierarchy', 'roadmap', 'backlog', 'training', 'data'];

async function violations(page: Page) {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  return result.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

/** Loads the sample, then runs axe on every page; `where` names the setting in failures. */
async function everyPageWithTheSample(page: Page, where: string) {
  const app = new App(page);
  await app.open();
  await app.loadSampleFromWelcome();
  for (const slug of PAGES) {
    await app.open(slug);
    await page.waitForTimeout(150);
    expect(await violations(page), `page #/${slug} (${where})`).toEqual([]);
  }
}

for (const scheme of ['light', 'dark'] as const) {
  test(`axe finds no violations on any page with the sample loaded (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await everyPageWithTheSample(page, scheme);
  });
}

// At phone width wide tables scroll sideways inside the page; a keyboard must reach them.
test('axe finds no violations on any page at phone width', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await everyPageWithTheSample(page, '390 px');
});

test('axe finds no violations on the first visit and with an empty workspace', async ({ page }) => {
  const app = new App(page);
  await app.open();
  expect(await violations(page), 'welcome').toEqual([]);
  await page.getByTestId('start-empty').click();
  for (const slug of PAGES) {
    await app.open(slug);
    await page.waitForTimeout(150);
    expect(await violations(page), `empty #/${slug}`).toEqual([]);
  }
});

test('axe finds no violations in open panels: item editor, outline editor, presenter', async ({ page }) => {
  const app = new App(page);
  await app.open();
  await app.loadSampleFromWelcome();
  await app.open('backlog');
  await page.getByTestId('open-item').first().click();
  expect(await violations(page), 'item panel').toEqual([]);
  await app.open('hierarchy');
  await page.getByTestId('row-title').nth(3).click();
  expect(await violations(page), 'outline editor').toEqual([]);
  await app.open('explainer');
  await page.getByTestId('present').click();
  expect(await violations(page), 'presenter').toEqual([]);
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+k');
  // The palette is a chunk of its own: typed before it is open, the keys go nowhere.
  await expect(page.getByTestId('palette-input')).toBeFocused();
  await page.keyboard.type('trail');
  expect(await violations(page), 'command palette').toEqual([]);
  await page.keyboard.press('Escape');
  await page.locator('body').press('?');
  expect(await violations(page), 'shortcuts').toEqual([]);
});

test.describe('a page whose chunk is missing or on its way', () => {
  // The service worker would answer from its cache, past the blocked fetches.
  test.use({ serviceWorkers: 'block' });

  test('a page that did not load, and one on its way, have no violations either', async ({ page }) => {
    const app = new App(page);
    await app.open();
    await chunkOffline(page, 'data_page');
    await app.nav('Data').click();
    await expect(page.getByTestId('page-failed')).toBeVisible();
    expect(await violations(page), 'a page that did not load').toEqual([]);
    // The retry's loading state, held open by a chunk that never answers.
    await page.unrouteAll({ behavior: 'wait' });
    await page.route('**/split_data_page-*.wasm', () => {});
    await page.getByTestId('page-retry').click();
    await expect(page.getByTestId('page-loading')).toBeVisible();
    expect(await violations(page), 'a page on its way').toEqual([]);
  });
});

for (const scheme of ['light', 'dark'] as const) {
  test(`axe finds no violations in training with answers and results, and in room mode revealed (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    const app = new App(page);
    await app.open('training?seed=3');
    for (const ex of ['which-hat', 'ceremonies', 'scenarios']) {
      await page.getByTestId(`exercise-${ex}`).locator('[role=radio]').first().click();
    }
    const multi = page.getByTestId('question').filter({ has: page.getByTestId('check-answer') }).first();
    await multi.getByRole('checkbox').nth(1).check();
    await multi.getByTestId('check-answer').click();
    await expect(page.getByTestId('topic-result').first()).toBeVisible();
    expect(await violations(page), `training answered (${scheme})`).toEqual([]);
    await page.goto('./#/room?at=2');
    await page.getByTestId('vote-count').first().fill('4');
    await page.getByTestId('room-next').click();
    await expect(page.getByTestId('vote-chart')).toBeVisible();
    expect(await violations(page), `room revealed (${scheme})`).toEqual([]);
  });
}

// The planning panels only show on demand: the sprint close, the item panel's "Waits
// for" with a search open, and the roadmap's feature details with its dependencies.
test('axe finds no violations in the planning panels', async ({ page }) => {
  const app = new App(page);
  await app.open();
  await app.loadSampleFromWelcome();
  await app.open('backlog');
  await page.getByTestId('finish-sprint').click();
  await expect(page.getByTestId('carry-over-warning')).toBeVisible();
  expect(await violations(page), 'sprint close').toEqual([]);
  await page.keyboard.press('Escape');
  await page.getByTestId('open-item').nth(1).click();
  await page.getByTestId('depends-search').fill('trail');
  await expect(page.getByTestId('depends-match').first()).toBeVisible();
  expect(await violations(page), 'item dependencies').toEqual([]);
  await app.open('roadmap');
  await page.getByTestId('feature-title').filter({ hasText: 'Weather and daylight' }).click();
  await expect(page.getByTestId('feature-depends')).toBeVisible();
  expect(await violations(page), 'feature details').toEqual([]);
});
