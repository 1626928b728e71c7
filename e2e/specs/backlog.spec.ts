import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect, type Page } from '@playwright/test';
import { App } from './app';

const fixture = (name: string) => join(__dirname, '..', '..', 'tests', 'fixtures', name);

const rowOf = (page: Page, title: string) =>
  page.getByTestId('backlog-row').filter({ has: page.getByTestId('open-item').getByText(title, { exact: true }) });

async function titlesInOrder(page: Page) {
  return page.getByTestId('open-item').allTextContents();
}

test('a PO journey: add by keyboard, criteria, estimates, reorder, over capacity, reload', async ({ page }) => {
  const app = new App(page);
  await app.open();
  await page.getByTestId('start-empty').click();
  await app.createProduct('Lighthouse');
  await app.nav('Backlog').click();

  // Five items by keyboard: the quick-add line keeps focus for the next one.
  const add = page.getByTestId('quick-add-title');
  await add.focus();
  const titles = ['Sign in with email', 'Reset password', 'Audit log', 'Spike: SSO options', 'Crash on logout'];
  for (const [n, t] of titles.entries()) {
    if (n === 3) await page.getByTestId('quick-add-kind').selectOption('spike');
    if (n === 4) await page.getByTestId('quick-add-kind').selectOption('bug');
    await add.focus();
    await page.keyboard.type(t);
    await page.keyboard.press('Enter');
    await expect(add).toBeFocused();
    await expect(add).toHaveValue('');
  }
  await expect(page.getByTestId('backlog-row')).toHaveCount(5);
  await expect(page.getByTestId('backlog-count')).toHaveText('Showing 5 of 5 items · 0 points');
  await expect(rowOf(page, 'Crash on logout')).toContainText('Bug');

  // Open the first item, write two acceptance criteria (Enter adds), estimate with a Fibonacci button.
  await rowOf(page, 'Sign in with email').getByTestId('open-item').click();
  const panel = page.getByTestId('item-panel');
  await expect(panel).toContainText('Missing: has acceptance criteria, is estimated, has a parent feature');
  await panel.getByTestId('new-criterion').fill('Given a registered email, when I sign in, then I see my dashboard');
  await page.keyboard.press('Enter');
  await panel.getByTestId('new-criterion').fill('Given a wrong password, then I see an error and stay signed out');
  await page.keyboard.press('Enter');
  await expect(panel.getByTestId('criterion')).toHaveCount(2);
  await panel.getByTestId('estimate-8').click();
  await expect(panel.getByTestId('estimate-8')).toHaveAttribute('aria-pressed', 'true');
  // A bad free estimate is refused with a message; nothing changes.
  await panel.getByTestId('estimate-free').fill('big');
  await panel.getByTestId('estimate-free').press('Enter');
  // The message stands by the field it is about.
  await expect(panel.getByTestId('estimate-free-error')).toContainText('Estimate must be a number');
  await expect(panel.getByTestId('estimate-free')).toHaveAttribute('aria-invalid', 'true');
  // So is a number out of range: an estimate past 1,000 never reaches the backlog as "inf".
  await panel.getByTestId('estimate-free').fill('1e308');
  await panel.getByTestId('estimate-free').press('Enter');
  await expect(panel.getByTestId('estimate-free-error')).toContainText('between 0 and 1,000 points');
  await expect(rowOf(page, 'Sign in with email')).toContainText('8');
  await expect(rowOf(page, 'Sign in with email')).toContainText('2 AC');

  // Estimate the others from the panel.
  for (const [t, pts] of [['Reset password', '5'], ['Audit log', '3'], ['Spike: SSO options', '2']] as const) {
    await rowOf(page, t).getByTestId('open-item').click();
    await panel.getByTestId(`estimate-${pts}`).click();
    await expect(rowOf(page, t).locator('td.num').nth(1)).toHaveText(pts);
  }
  await page.keyboard.press('Escape');
  await expect(panel).toHaveCount(0);

  // Reorder by keyboard: Alt+Home sends the bug to the top, Alt+ArrowDown moves it one down.
  await rowOf(page, 'Crash on logout').focus();
  await page.keyboard.press('Alt+Home');
  await expect(page.getByTestId('status')).toContainText('moved to position 1 of 5');
  await rowOf(page, 'Crash on logout').focus();
  await page.keyboard.press('Alt+ArrowDown');
  await expect(page.getByTestId('status')).toContainText('moved to position 2 of 5');
  expect(await titlesInOrder(page)).toEqual(['Sign in with email', 'Crash on logout', 'Reset password', 'Audit log', 'Spike: SSO options']);

  // A sprint of 10 points, then plan 16 points into it: the warning shows.
  await page.getByTestId('add-sprint').click();
  const editor = page.getByTestId('sprint-editor');
  await editor.getByTestId('sprint-capacity').fill('10');
  await editor.getByTestId('sprint-done').click();
  await expect(editor).toHaveCount(0);
  for (const t of ['Sign in with email', 'Reset password', 'Audit log']) {
    await rowOf(page, t).getByTestId('row-select').check();
  }
  await page.getByTestId('bulk-sprint').selectOption({ label: 'Sprint 1' });
  await expect(page.getByTestId('sprint-load')).toHaveText('16 / 10 pts committed · 3 items · 0 pts done');
  await expect(page.getByTestId('over-capacity')).toHaveText('⚠ Over capacity by 6 points');

  // Reload: everything is still there.
  await page.reload();
  await expect(page.getByTestId('backlog-row')).toHaveCount(5);
  expect(await titlesInOrder(page)).toEqual(['Sign in with email', 'Crash on logout', 'Reset password', 'Audit log', 'Spike: SSO options']);
  await expect(page.getByTestId('over-capacity')).toHaveText('⚠ Over capacity by 6 points');
  await expect(rowOf(page, 'Sign in with email')).toContainText('2 AC');
  await expect(rowOf(page, 'Reset password')).toContainText('Sprint 1');
  expect(app.problems).toEqual([]);
});

test('scores side by side, sort, and a one-step re-rank that undo reverses', async ({ page }) => {
  const app = new App(page);
  await app.open();
  await app.loadSampleFromWelcome();
  await app.nav('Backlog').click();
  await expect(page.getByTestId('backlog-row').first()).toBeVisible();
  const before = await titlesInOrder(page);
  // Give two items WSJF inputs.
  for (const [t, bv] of [['Dark mode', '8'], ['Upgrade the map library', '3']] as const) {
    await rowOf(page, t).getByTestId('open-item').click();
    const panel = page.getByTestId('item-panel');
    for (const [label, v] of [['Business value', bv], ['Time criticality', '2'], ['Risk reduction', '1'], ['Job size', '2']]) {
      await panel.getByLabel(label, { exact: true }).fill(v);
      await panel.getByLabel(label, { exact: true }).press('Tab');
    }
  }
  await expect(rowOf(page, 'Dark mode').locator('td.num').nth(3)).toHaveText('5.5');
  await page.getByLabel('Sort by').selectOption('wsjf');
  expect((await titlesInOrder(page)).slice(0, 2)).toEqual(['Dark mode', 'Upgrade the map library']);
  await page.getByTestId('rerank').click();
  await expect(page.getByTestId('status')).toContainText('re-ranked by WSJF');
  await expect(rowOf(page, 'Dark mode').locator('td.num').first()).toHaveText('1');
  await page.locator('body').press('Control+z');
  await expect(rowOf(page, 'Dark mode').locator('td.num').first()).not.toHaveText('1');
  expect(await titlesInOrder(page)).toEqual(before);
});

test('filters narrow the list and the counts follow as you type', async ({ page }) => {
  const app = new App(page);
  await app.open();
  await app.loadSampleFromWelcome();
  await app.nav('Backlog').click();
  await expect(page.getByTestId('backlog-count')).toHaveText('Showing 32 of 32 items · 99 points');
  await page.getByTestId('backlog-search').pressSequentially('trip');
  await expect(page.getByTestId('backlog-count')).toContainText('Showing 8 of 32');
  await page.getByTestId('backlog-search').fill('');
  await page.getByLabel('Type', { exact: true }).selectOption('bug');
  await expect(page.getByTestId('backlog-row')).toHaveCount(4);
  await page.getByLabel('Ready').selectOption('no');
  await expect(page.getByTestId('backlog-count')).toContainText('Showing 2 of 32');
});

/** The sample's backlog with its first item open in the panel. */
async function openFirstItemOfTheSample(page: Page) {
  const app = new App(page);
  await app.open();
  await app.loadSampleFromWelcome();
  await app.open('backlog');
  await page.getByTestId('open-item').first().click();
  return { app, panel: page.getByTestId('item-panel') };
}

// A field of the item panel saves when it changes, which the browser reports when the
// field loses focus. A reload or a closed tab while the caret is still in it must keep
// what was typed, as it keeps every other edit.
test('text typed into the item panel survives a reload without leaving the field', async ({ page }) => {
  const { app, panel } = await openFirstItemOfTheSample(page);
  const title = await panel.getByTestId('panel-title').inputValue();
  await panel.getByTestId('panel-description').fill('Typed, never tabbed out of');
  await expect(panel.getByTestId('panel-description')).toBeFocused();
  await page.reload();
  await expect(page.getByTestId('backlog-row').first()).toBeVisible();
  await rowOf(page, title).getByTestId('open-item').click();
  const description = page.getByTestId('item-panel').getByTestId('panel-description');
  await expect(description).toHaveValue('Typed, never tabbed out of');

  // Hiding the page (another tab, a minimised window) saves it too, and keeps the caret.
  await description.fill('Typed, then the tab was hidden');
  await description.press('End');
  await page.evaluate(() => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
    document.dispatchEvent(new Event('visibilitychange', { bubbles: true }));
  });
  await expect.poll(() => page.evaluate(() => Object.keys(localStorage).some((k) => (localStorage.getItem(k) ?? '').includes('Typed, then the tab was hidden')))).toBe(true);
  await expect(page.getByTestId('item-panel').getByTestId('panel-description')).toBeFocused();
  expect(await description.evaluate((t: HTMLTextAreaElement) => t.selectionStart)).toBe('Typed, then the tab was hidden'.length);
  expect(app.problems).toEqual([]);
});

// The panel is built once per item and its fields follow the item: a change neither
// sends the focus back to the top nor leaves a field showing an undone value.
test('editing in the item panel keeps the keyboard where it was, and undo shows in the fields', async ({ page }) => {
  const { app, panel } = await openFirstItemOfTheSample(page);
  const title = panel.getByTestId('panel-title');
  const before = await title.inputValue();
  await title.fill('Renamed in the panel');
  await page.keyboard.press('Tab');
  await expect(panel.getByTestId('panel-kind')).toBeFocused();
  await expect(panel.getByRole('heading', { level: 2 })).toHaveText('Renamed in the panel');
  await expect(page.getByTestId('open-item').first()).toHaveText('Renamed in the panel');

  await panel.getByTestId('panel-kind').selectOption('story');
  await expect(panel.getByTestId('story-as')).toBeVisible();
  await expect(panel.getByTestId('panel-kind')).toBeFocused();

  // A criterion's text too: Tab goes on to its remove button.
  await panel.getByRole('textbox', { name: 'Criterion 1', exact: true }).fill('Given a story, when it is edited, then focus stays');
  await page.keyboard.press('Tab');
  await expect(panel.getByRole('button', { name: 'Remove criterion 1' })).toBeFocused();
  await expect(panel.getByTestId('criteria')).toContainText('(0 of 1 met)');

  // The feature list: a pick shows, and an undo puts the previous feature back in the field.
  const feature = panel.getByTestId('panel-feature');
  const featureBefore = await feature.inputValue();
  const other = await feature.locator('option').evaluateAll((os, was) => os.map((o) => (o as HTMLOptionElement).value).find((v) => v !== '' && v !== was), featureBefore);
  await feature.selectOption(other!);
  await expect(feature).toHaveValue(other!);
  const undo = page.getByRole('button', { name: 'Undo', exact: true });
  await undo.click();
  await expect(feature).toHaveValue(featureBefore);

  await undo.click();
  await undo.click();
  await expect(panel.getByTestId('story-as')).toBeHidden();
  await expect(panel.getByTestId('panel-kind')).toHaveValue('bug');
  await undo.click();
  await expect(title).toHaveValue(before);
  await expect(panel.getByRole('heading', { level: 2 })).toHaveText(before);
  expect(app.problems).toEqual([]);
});

// The sprint editor commits each field as it changes: opening another sprint, or adding
// one, keeps what was typed, and nothing asks first.
test('what is typed in the sprint editor is kept when another sprint opens', async ({ page }) => {
  const app = new App(page);
  await app.open();
  await app.loadSampleFromWelcome();
  await app.open('backlog');
  const dialogs: string[] = [];
  page.on('dialog', (d) => { dialogs.push(d.type()); void d.dismiss(); });
  const cards = page.getByTestId('sprint-card');
  expect(await cards.count()).toBeGreaterThan(1);
  const editor = page.getByTestId('sprint-editor');

  await cards.nth(0).locator('.sprint-card__name').click();
  const goal = editor.getByTestId('sprint-goal');
  await goal.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(' and a typed note');
  const typed = await goal.inputValue();

  // Another sprint's editor takes its place; the first sprint kept the text.
  await cards.nth(1).locator('.sprint-card__name').click();
  await expect(goal).not.toHaveValue(typed);
  await cards.nth(0).locator('.sprint-card__name').click();
  await expect(goal).toHaveValue(typed);

  // Dates are date pickers, as the releases' are: a date set there is saved at once.
  const end = editor.getByTestId('sprint-end');
  await expect(end).toHaveAttribute('type', 'date');
  await end.fill('2027-01-08');
  await end.press('Tab');
  await expect(cards.nth(0)).toContainText('2027-01-08');

  // Adding a sprint opens its editor at once.
  const sprints = await cards.count();
  await page.getByTestId('add-sprint').click();
  await expect(cards).toHaveCount(sprints + 1);
  await expect(editor.getByTestId('sprint-name')).toHaveValue(`Sprint ${sprints + 1}`);
  await page.reload();
  await cards.nth(0).locator('.sprint-card__name').click();
  await expect(editor.getByTestId('sprint-goal')).toHaveValue(typed);
  expect(dialogs).toEqual([]);
  expect(app.problems).toEqual([]);
});

/** The v1 fixture's product with a plan like the one a PM/PO brought: Sprint 1 finished
 * with 8 points done, Sprint 2 (capacity 20) with 22 points planned, three unplanned
 * items and a Won't one. */
function planFile(): { name: string; mimeType: string; buffer: Buffer } {
  const file = JSON.parse(readFileSync(fixture('export-v1.json'), 'utf8'));
  const p = file.workspace.products[0];
  const base = p.items[0];
  const item = (id: string, title: string, estimate: number, sprint: string | null, status = 'todo', priority: string | null = 'should') => ({
    ...base, id, title, estimate, sprint, status, priority, acceptance: [], feature: null,
  });
  p.sprints = [
    { ...p.sprints[0], id: 's-1', name: 'Sprint 1', capacity: 20, state: 'finished' },
    { ...p.sprints[0], id: 's-2', name: 'Sprint 2', capacity: 20, state: 'active' },
    { ...p.sprints[0], id: 's-3', name: 'Sprint 3', capacity: 20, state: 'planned' },
  ];
  p.items = [
    item('i-1', 'Done last sprint', 8, 's-1', 'done'),
    item('i-2', 'Planned A', 5, 's-2'),
    item('i-3', 'Planned B', 3, 's-2'),
    item('i-4', 'Planned C', 8, 's-2'),
    item('i-5', 'Planned D', 6, 's-2'),
    item('i-6', 'Next up', 3, null),
    item('i-7', 'After that', 5, null),
    item('i-8', 'Not doing this', 2, null, 'todo', 'wont'),
  ];
  p.releases = [];
  p.features = [];
  return { name: 'plan.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) };
}

test('the forecast tells the truth: a sprint holds at most min(capacity, velocity), the planned items past that line are at risk, Won\'t items are never forecast', async ({ page }) => {
  const app = new App(page);
  await app.open();
  await page.getByTestId('start-empty').click();
  // Starting empty goes to the hierarchy: wait for it, or that move lands after ours.
  await expect(app.heading()).toHaveText('Hierarchy');
  await app.open('data');
  await page.getByTestId('import-file').setInputFiles(planFile());
  await page.getByTestId('import-replace').click();
  await expect(app.switcher()).toContainText('Trailhead');
  await app.nav('Backlog').click();
  // Sprint 2: 22 points planned, capacity 20, but the last finished sprint did 8.
  await expect(page.getByTestId('over-capacity')).toHaveText('⚠ Over-committed by 14 points: the last finished sprints averaged 8 points');
  const forecast = (title: string) => page.getByTestId('backlog-row').filter({ hasText: title }).getByTestId('forecast');
  // In rank order, A (5) and B (3) fill the 8; C and D are past the line.
  await expect(forecast('Planned A')).toHaveText(/^Sprint 2( · not ready)?$/);
  await expect(forecast('Planned B')).toHaveText(/^Sprint 2( · not ready)?$/);
  await expect(forecast('Planned C')).toHaveText(/^Sprint 2, at risk: over-committed/);
  await expect(forecast('Planned D')).toHaveText(/^Sprint 2, at risk: over-committed/);
  // Unplanned items flow into the next sprint, never into the over-committed one.
  await expect(forecast('Next up')).toHaveText(/^Sprint 3/);
  await expect(forecast('After that')).toHaveText(/^Sprint 3/);
  await expect(forecast('Not doing this')).toHaveText("Not forecast (Won't)");
});

test('the bulk-action bar stays in sight, below the header, while the selected rows scroll', async ({ page }) => {
  const app = new App(page);
  await app.open();
  await app.loadSampleFromWelcome();
  await app.nav('Backlog').click();
  await page.getByTestId('row-select').first().check();
  const bar = page.getByTestId('bulk-bar');
  await expect(bar).toBeVisible();
  await page.mouse.wheel(0, 1500);
  await expect.poll(async () => (await bar.boundingBox())!.y).toBeGreaterThanOrEqual(0);
  await expect(bar).toBeInViewport();
  const header = (await page.locator('.app-header').boundingBox())!;
  expect((await bar.boundingBox())!.y).toBeGreaterThanOrEqual(header.y + header.height - 1);
});
