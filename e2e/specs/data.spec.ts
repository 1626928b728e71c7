import { test, expect, type BrowserContext, type Locator, type Page } from '@playwright/test';
import { App } from './app';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const fixture = (name: string) => join(__dirname, '..', '..', 'tests', 'fixtures', name);

test('export, reset, import: the same workspace comes back', async ({ page }) => {
  const app = new App(page);
  await app.open();
  await app.loadSampleFromWelcome();
  await app.open('data');
  const download = page.waitForEvent('download');
  await page.getByTestId('export-json').click();
  const file = await download;
  const path = await file.path();
  const exported = JSON.parse(readFileSync(path!, 'utf8'));
  expect(exported.format).toBe('twohats');
  expect(exported.version).toBe(2);
  expect(exported.workspace.products).toHaveLength(2);

  // The question takes the focus on its safe answer; answered, it gives the focus back.
  await page.getByTestId('reset').click();
  await expect(page.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('reset')).toBeFocused();
  await page.getByTestId('reset').click();
  await page.getByTestId('confirm-reset').click();
  await expect(app.switcher()).toContainText('No product yet');
  await expect(page.getByTestId('reset')).toBeFocused();

  await page.getByTestId('import-file').setInputFiles(path!);
  const preview = page.getByTestId('import-preview');
  await expect(preview).toContainText('Trailhead');
  await expect(preview).toContainText('Ranger Console');
  await page.getByTestId('import-replace').click();
  await expect(app.switcher()).toContainText('Trailhead');
  await page.reload();
  await app.open('data');
  const again = page.waitForEvent('download');
  await page.getByTestId('export-json').click();
  const reexported = JSON.parse(readFileSync((await (await again).path())!, 'utf8'));
  expect(reexported.workspace).toEqual(exported.workspace);
});

test('a bad file is refused with what and where, and nothing changes', async ({ page }) => {
  const app = new App(page);
  await app.open();
  await app.loadSampleFromWelcome();
  await app.open('data');
  const before = await app.storage();
  for (const [name, says] of [
    ['bad-truncated.json', 'cut off'],
    ['bad-types.json', 'estimate'],
    ['bad-dangling.json', 'does not exist'],
    ['export-v99.json', 'newer version'],
  ] as const) {
    await page.getByTestId('import-file').setInputFiles(fixture(name));
    await expect(page.getByTestId('import-error')).toContainText(says);
    await expect(page.getByTestId('import-error')).toContainText('Your workspace is unchanged');
    // One mark ends the reason: never "interrupted?." or "..".
    await expect(page.getByTestId('import-error')).not.toContainText(/[?.!]\./);
    await expect(page.getByTestId('import-preview')).toHaveCount(0);
  }
  expect(await app.storage()).toEqual(before);
  // An older export is accepted and migrated; added next to the current products.
  await page.getByTestId('import-file').setInputFiles(fixture('export-v0.json'));
  await expect(page.getByTestId('import-preview')).toContainText('from an older version');
  await page.getByTestId('import-merge').click();
  await expect(app.switcher().locator('option')).toHaveCount(4);
});

test('the backlog exports as CSV in the columns of the chosen tool, its type mapping stated', async ({ page }) => {
  const app = new App(page);
  await app.open();
  await app.loadSampleFromWelcome();
  await app.open('data');
  await expect(page.getByTestId('csv-mapping')).toContainText('Spike → Task, labelled spike (Jira has no Spike type)');
  let download = page.waitForEvent('download');
  await page.getByTestId('export-csv').click();
  let csv = readFileSync((await (await download).path())!, 'utf8');
  expect(csv.split('\n')[0]).toMatch(/^Issue ID,Parent,Issue Type,Summary,Description,Story Points,Priority,Status,Sprint,Labels,Blocked By/);
  expect(csv).toContain(',Bug,App crashes when location permission is denied,');

  await page.getByTestId('csv-tool').selectOption('azure');
  await page.getByTestId('csv-azure-template').selectOption('Basic');
  await expect(page.getByTestId('csv-mapping')).toContainText('Bug → Issue, tagged bug (Basic has no Bug type)');
  download = page.waitForEvent('download');
  await page.getByTestId('export-csv').click();
  csv = readFileSync((await (await download).path())!, 'utf8');
  expect(csv.split('\n')[0]).toBe('Work Item Type,Title 1,Title 2,Description,Priority,Effort,Tags');
});

test('text is only ever text: markup typed or imported is shown, never run', async ({ page }) => {
  const app = new App(page);
  await app.open();
  await page.getByTestId('start-empty').click();
  const evil = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
  await app.createProduct(evil);
  await app.nav('Backlog').click();
  await page.getByTestId('quick-add-title').fill('javascript:alert(1) <b>bold</b>');
  await page.getByTestId('quick-add-title').press('Enter');
  await expect(page.getByTestId('backlog-table')).toContainText('javascript:alert(1) <b>bold</b>');
  await app.nav('Hierarchy').click();
  await expect(page.getByTestId('outline')).toContainText(evil);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(await page.locator('main img, main script, main b').count()).toBe(0);
});

/** Two tabs of one browser on the sample's backlog: A loaded the sample, B opened after. */
async function twoTabsOnTheSampleBacklog(context: BrowserContext) {
  const a = await context.newPage();
  const appA = new App(a);
  await appA.open();
  await appA.loadSampleFromWelcome();
  await appA.open('backlog');
  const b = await context.newPage();
  await new App(b).open('backlog');
  return { a, appA, b };
}

test('two tabs editing at once: each sees the other, nothing is lost', async ({ context }) => {
  const { a, b } = await twoTabsOnTheSampleBacklog(context);
  await expect(b.getByTestId('backlog-row')).toHaveCount(32);

  // Tab A adds an item; tab B shows it without a reload.
  await a.getByTestId('quick-add-title').fill('Added in tab A');
  await a.getByTestId('quick-add-title').press('Enter');
  await expect(b.getByTestId('backlog-table')).toContainText('Added in tab A');

  const c = await context.newPage();
  await new App(c).open('backlog');
  await expect(c.getByTestId('backlog-row')).toHaveCount(33);
});

// Chromium hands localStorage changes to other tabs late, so two saves in the same
// instant both build on the old document. Each tab writes its own revision keys, so the
// later meta never points at the other tab's half, and the storage event replays this
// tab's edits on top of the other's document.
// An undo is not a command another tab's document could replay. If that tab saved while
// the undo waited for its save, the undo used to vanish and the undone item came back.
test('an undo stays undone when another tab saves right after it', async ({ context }) => {
  const { a, appA, b } = await twoTabsOnTheSampleBacklog(context);

  await a.getByTestId('quick-add-title').fill('Undo me');
  await a.getByTestId('quick-add-title').press('Enter');
  await expect(b.getByTestId('backlog-table')).toContainText('Undo me');

  // A undoes; at once B adds and writes (pagehide flushes without waiting).
  await a.getByRole('button', { name: 'Undo', exact: true }).click();
  await b.evaluate(() => {
    const input = document.querySelector<HTMLInputElement>('[data-testid=quick-add-title]')!;
    input.value = 'Added in B';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    input.form!.requestSubmit();
    window.dispatchEvent(new Event('pagehide'));
  });
  for (const p of [a, b]) {
    await expect(p.getByTestId('backlog-table')).toContainText('Added in B');
    await expect(p.getByTestId('backlog-table')).not.toContainText('Undo me');
  }
  const c = await context.newPage();
  await new App(c).open('backlog');
  await expect(c.getByTestId('backlog-table')).toContainText('Added in B');
  await expect(c.getByTestId('backlog-table')).not.toContainText('Undo me');
  expect(appA.problems).toEqual([]);
});

/// Tab A's writes are refused, as with a full quota, until `allowWrites`.
async function refuseWrites(p: Page) {
  await p.evaluate(() => {
    const w = window as unknown as { realSetItem: typeof Storage.prototype.setItem };
    w.realSetItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function () {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
}

async function allowWrites(p: Page) {
  await p.evaluate(() => {
    Storage.prototype.setItem = (window as unknown as { realSetItem: typeof Storage.prototype.setItem }).realSetItem;
  });
}

async function quickAdd(p: Page, title: string) {
  await p.getByTestId('quick-add-title').fill(title);
  await p.getByTestId('quick-add-title').press('Enter');
  await expect(p.getByTestId('backlog-table')).toContainText(title);
}

// A command this tab could not save is replayed on another tab's document when that tab
// saves, and so is an undo that is a command of its own (an undone add is a delete).
// After a failed save and an undo, taking the other tab's document used to drop this
// tab's unsaved work without a word; later it stopped the tab from saving.
test('an unsaved undo of an add is replayed on another tab\'s save: nothing lost, nothing back', async ({ context }) => {
  const { a, b } = await twoTabsOnTheSampleBacklog(context);
  await refuseWrites(a);
  await quickAdd(a, 'Kept in A');
  await expect(a.getByTestId('notice')).toContainText('Your last change was not saved');
  await quickAdd(a, 'Undone in A');
  await a.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(a.getByTestId('backlog-table')).not.toContainText('Undone in A');

  // Tab B saves: A takes it and keeps its own unsaved item, without the one it undid.
  await quickAdd(b, 'Added in B');
  await expect(a.getByTestId('backlog-table')).toContainText('Added in B');
  await expect(a.getByTestId('backlog-table')).toContainText('Kept in A');
  await expect(a.getByTestId('backlog-table')).not.toContainText('Undone in A');
  await expect(a.getByTestId('notice')).not.toContainText('Another tab saved while this tab');

  // Once A can write again, its next save holds all of it.
  await allowWrites(a);
  await quickAdd(a, 'Later in A');
  await a.evaluate(() => window.dispatchEvent(new Event('pagehide')));
  const c = await context.newPage();
  await new App(c).open('backlog');
  for (const t of ['Added in B', 'Kept in A', 'Later in A']) {
    await expect(c.getByTestId('backlog-table')).toContainText(t);
  }
  await expect(c.getByTestId('backlog-table')).not.toContainText('Undone in A');
});

/** The outline row of `title`. */
const outlineRow = (p: Page, title: string) =>
  p.getByTestId('outline-row').filter({ has: p.getByTestId('row-title').getByText(title, { exact: true }) });

/** The theme the Move panel says `feature` is under now; the panel is closed again. */
async function themeNow(p: Page, feature: string) {
  await outlineRow(p, feature).getByTestId('move').click();
  const now = p.getByTestId('move-target').locator('option', { hasText: '(where it is now)' });
  const text = (await now.textContent())!.trim();
  await p.getByTestId('move-panel').getByRole('button', { name: 'Cancel' }).click();
  await expect(p.getByTestId('move-panel')).toHaveCount(0);
  return text;
}

// A move to another theme is undone by a command of its own (back under the old theme,
// to the old place), so an undo this tab could not save is replayed on another tab's
// save like an add's. Before, it was a snapshot put back: the tab stopped saving.
test('an unsaved undo of a move to another theme is replayed on another tab\'s save', async ({ context }) => {
  const { a, appA, b } = await twoTabsOnTheSampleBacklog(context);
  const feature = 'Route elevation profile';
  await appA.nav('Hierarchy').click();
  expect(await themeNow(a, feature)).toBe('Theme: Trip planning (where it is now)');
  await outlineRow(a, feature).getByTestId('move').click();
  await a.getByTestId('move-target').selectOption({ label: 'Theme: Live conditions' });
  await a.getByTestId('move-panel').getByRole('button', { name: 'Move' }).click();
  expect(await themeNow(a, feature)).toBe('Theme: Live conditions (where it is now)');
  // Saved now (pagehide writes without waiting): the undo is of a command committed.
  await a.evaluate(() => window.dispatchEvent(new Event('pagehide')));
  await refuseWrites(a);
  await a.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(a.getByTestId('notice')).toContainText('Your last change was not saved');
  expect(await themeNow(a, feature)).toBe('Theme: Trip planning (where it is now)');

  // Tab B saves: A takes it, keeps its undo, and goes on.
  await quickAdd(b, 'Added in B');
  await appA.nav('Backlog').click();
  await expect(a.getByTestId('backlog-table')).toContainText('Added in B');
  await expect(a.getByTestId('notice')).not.toContainText('Another tab saved while this tab');
  await appA.nav('Hierarchy').click();
  expect(await themeNow(a, feature)).toBe('Theme: Trip planning (where it is now)');

  // Once A can write again, its next save holds the undo and B's item.
  await allowWrites(a);
  await appA.nav('Backlog').click();
  await quickAdd(a, 'Later in A');
  await a.evaluate(() => window.dispatchEvent(new Event('pagehide')));
  const c = await context.newPage();
  const appC = new App(c);
  await appC.open('backlog');
  for (const t of ['Added in B', 'Later in A']) {
    await expect(c.getByTestId('backlog-table')).toContainText(t);
  }
  await appC.nav('Hierarchy').click();
  expect(await themeNow(c, feature)).toBe('Theme: Trip planning (where it is now)');
});

// An undo that is only a snapshot put back (a bulk edit is a batch, which has no command
// that takes it back) cannot be replayed: when it could not be saved, the tab neither
// takes another tab's save over it nor writes over that save.
test('an unsaved undo of a bulk edit is neither replaced by another tab\'s save nor written over it', async ({ context }) => {
  const { a, appA, b } = await twoTabsOnTheSampleBacklog(context);
  const first = a.getByTestId('backlog-row').first();
  const title = (await first.getByTestId('open-item').textContent())!.trim();
  // The Sprint column (the forecast column may name a sprint too).
  const sprintOf = (row: Locator) => row.locator('td').nth(8);
  await expect(sprintOf(first)).toHaveText('Sprint 2');
  await first.getByTestId('row-select').check();
  await a.getByTestId('bulk-sprint').selectOption({ label: 'Backlog (no sprint)' });
  await expect(sprintOf(first)).toHaveText('—');
  // Saved now (pagehide writes without waiting): the undo is of a command committed.
  await a.evaluate(() => window.dispatchEvent(new Event('pagehide')));
  await refuseWrites(a);
  await a.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(a.getByTestId('notice')).toContainText('Your last change was not saved');
  await expect(sprintOf(first)).toHaveText('Sprint 2');

  // Tab B saves. A keeps what it shows, and says why.
  await quickAdd(b, 'Added in B');
  await expect(a.getByTestId('notice')).toContainText('Another tab saved while this tab');
  await expect(a.getByTestId('backlog-table')).not.toContainText('Added in B');
  await expect(sprintOf(first)).toHaveText('Sprint 2');

  // Even once A could write again, it does not write over B's save.
  await allowWrites(a);
  await quickAdd(a, 'Later in A');
  await a.evaluate(() => window.dispatchEvent(new Event('pagehide')));
  const c = await context.newPage();
  await new App(c).open('backlog');
  await expect(c.getByTestId('backlog-table')).toContainText('Added in B');
  await expect(c.getByTestId('backlog-table')).not.toContainText('Later in A');
  const theirs = c.getByTestId('backlog-row').filter({ hasText: title });
  await expect(sprintOf(theirs)).toHaveText('—');
  // And A's own version can still be taken away: the export has it.
  await appA.nav('Data').click();
  const download = a.waitForEvent('download');
  await a.getByTestId('export-json').click();
  const file = await (await download).createReadStream();
  expect(Buffer.concat(await file.toArray()).toString()).toContain('Later in A');
});

test('two tabs adding at the very same moment both keep their items', async ({ context }) => {
  const a = await context.newPage();
  await new App(a).open();
  await new App(a).loadSampleFromWelcome();
  await a.goto('./#/backlog');
  const b = await context.newPage();
  await new App(b).open('backlog');
  await Promise.all([
    (async () => {
      await a.getByTestId('quick-add-title').fill('Second from A');
      await a.getByTestId('quick-add-title').press('Enter');
    })(),
    (async () => {
      await b.getByTestId('quick-add-title').fill('First from B');
      await b.getByTestId('quick-add-title').press('Enter');
    })(),
  ]);
  for (const p of [a, b]) {
    await expect(p.getByTestId('backlog-table')).toContainText('Second from A');
    await expect(p.getByTestId('backlog-table')).toContainText('First from B');
  }
  // And storage holds both: a third tab opened afterwards reads them.
  const c = await context.newPage();
  const appC = new App(c);
  await appC.open('backlog');
  await expect(c.getByTestId('backlog-table')).toContainText('Second from A');
  await expect(c.getByTestId('backlog-table')).toContainText('First from B');
  expect(appC.problems).toEqual([]);
});
