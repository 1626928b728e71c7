import { test, expect, type Page } from '@playwright/test';
import { App, seedProduct } from './app';

/** Pages in a PDF: each page object carries `/Type /Page` (the tree root says `/Pages`). */
function pageCount(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
}

async function printed(page: Page): Promise<number> {
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ landscape: true, format: 'A4', printBackground: true, preferCSSPageSize: true });
  await page.pdf({ path: `test-results/print-${test.info().title.replace(/\W+/g, '-')}.pdf`, landscape: true, format: 'A4', printBackground: true, preferCSSPageSize: true });
  return pageCount(pdf);
}

test('the sample roadmap prints on one landscape page, timeline and board', async ({ page }) => {
  const app = new App(page);
  await app.open();
  await app.loadSampleFromWelcome();
  await app.nav('Roadmap').click();
  await expect(page.getByTestId('timeline')).toBeVisible();
  // Focus on a bar, as after editing one: no focus ring on paper.
  await page.locator('.bar').first().focus();
  expect(await printed(page)).toBe(1);
  // On paper it says which product, when, and how to read the bars.
  const head = page.getByTestId('print-head');
  await expect(head).toBeVisible();
  await expect(head).toContainText('Trailhead — roadmap');
  await expect(head).toContainText(/Printed \d{4}-\d{2}-\d{2}/);
  await expect(head).toContainText('Hatched: at risk');
  expect(await page.locator('.bar').first().evaluate((e) => getComputedStyle(e).outlineStyle)).toBe('none');
  await page.emulateMedia({ media: 'screen' });
  await expect(head).toBeHidden();
  await page.emulateMedia({ media: 'screen' });
  await page.getByTestId('view-board').click();
  await expect(page.getByTestId('roadmap-board')).toBeVisible();
  expect(await printed(page)).toBe(1);
});

/** Replaces the print dialog (which would block) with a flag the test can read. */
async function stubPrint(page: Page) {
  await page.evaluate(() => {
    window.print = () => {
      (window as unknown as { __printed: number }).__printed = ((window as unknown as { __printed?: number }).__printed ?? 0) + 1;
    };
  });
}

const printedTimes = (page: Page) => page.evaluate(() => (window as unknown as { __printed?: number }).__printed ?? 0);

test('the explainer prints as a handout: the roles on the front, the debates and questions to discuss on the back', async ({ page }) => {
  const app = new App(page);
  await app.open();
  await app.loadSampleFromWelcome();
  await app.open('explainer');
  await expect(page.getByTestId('handout')).toBeHidden();
  await stubPrint(page);
  await page.getByTestId('print-handout').click();
  expect(await printedTimes(page)).toBe(1);

  await page.emulateMedia({ media: 'print' });
  const handout = page.getByTestId('handout');
  await expect(handout).toBeVisible();
  await expect(page.getByTestId('org-switch')).toBeHidden();
  await expect(handout).toContainText('Product Owner');
  await expect(handout).toContainText('Sprint planning');
  await expect(handout).toContainText('Product Owner OR Product Manager?');
  expect(await printed(page)).toBe(2);
  const back = await printedText(page, 'handout');
  for (const words of ['Can one person wear both hats?', 'Broader, not higher', 'To discuss', 'Who decides the order of your backlog', 'The Scrum Guide']) {
    expect(back.text, words).toContain(words);
  }

  // The handout follows the organisation setting, like the badges.
  await page.emulateMedia({ media: 'screen' });
  await page.getByTestId('org-switch').getByText('No Product Manager').click();
  await page.emulateMedia({ media: 'print' });
  await expect(handout).toContainText('No Product Manager:');
  expect(await printed(page)).toBe(2);
});

test('a sprint prints as cards: its own card and its items, one card per item', async ({ page }) => {
  const app = new App(page);
  await app.open();
  await app.loadSampleFromWelcome();
  await app.open('backlog');
  await stubPrint(page);
  const sprint2 = page.getByTestId('sprint-card').filter({ hasText: 'Sprint 2' });
  await sprint2.getByTestId('print-sprint').click();
  await expect.poll(() => printedTimes(page)).toBe(1);
  await expect(page.getByTestId('backlog-row')).toHaveCount(6);

  await page.emulateMedia({ media: 'print' });
  await expect(page.getByTestId('sprint-card')).toHaveCount(3);
  await expect(page.locator('[data-testid="sprint-card"]:visible')).toHaveCount(1);
  await expect(page.locator('[data-testid="sprint-card"]:visible')).toContainText('Sprint 2');
  const row = page.getByTestId('backlog-row').first();
  expect(await row.evaluate((el) => getComputedStyle(el).display)).toBe('grid');
  await expect(page.locator('.backlog-table thead')).toBeHidden();
  // Six cards, three across, fit one page.
  expect(await printed(page)).toBe(1);
});

for (const n of [21, 60]) test(`a roadmap of ${n} features still prints on one landscape page`, async ({ page }) => {
  const themes = [0, 1, 2].map((t) => ({ id: `t-${t}`, name: `Theme ${t}`, colour: '#2563eb', objective: null }));
  const features = Array.from({ length: n }, (_, i) => ({
    id: `f-${i}`, title: `Feature ${i}`, theme: `t-${i % 3}`, start: '2026-11', end: '2027-02',
  }));
  await seedProduct(page, { id: 'p-tall', name: 'Tall', themes, features, items: [] });
  const app = new App(page);
  await app.open('roadmap');
  // What the browser fires when the print dialog opens: the timeline draws 60 rows at least.
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  await expect(page.getByTestId('tl-row')).toHaveCount(n);
  expect(await printed(page)).toBe(1);
});

test('printing a long backlog prints every item, not only the rows drawn on screen', async ({ page }) => {
  const items = Array.from({ length: 120 }, (_, i) => ({ id: `i-${i}`, kind: 'task', title: `Task number ${i}`, feature: null }));
  await seedProduct(page, { id: 'p-long', name: 'Long', items });
  const app = new App(page);
  await app.open('backlog');
  const rows = page.getByTestId('backlog-row');
  await expect(page.getByTestId('more-rows')).toContainText(/Showing (25|50|75) of 120 items/);
  // What the browser fires when the print dialog opens (Ctrl+P or the menu).
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  await expect(rows).toHaveCount(120);
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByTestId('more-rows')).toHaveCount(0);
  await expect(rows.last()).toContainText('Task number 119');
  expect(await printed(page)).toBeGreaterThan(1);
});

/** Prints the page to an A4 PDF (the sheets ask for portrait) and reads its text back with
 * pdftotext, as a trainee's printer would see it. */
async function printedText(page: Page, name: string): Promise<{ text: string; pages: number }> {
  const { execFileSync } = await import('node:child_process');
  await page.emulateMedia({ media: 'print' });
  const path = `test-results/${name}.pdf`;
  const pdf = await page.pdf({ path, format: 'A4', printBackground: true, preferCSSPageSize: true });
  const text = execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
  return { text: text.replace(/\s+/g, ' '), pages: pageCount(pdf) };
}

test('the worksheet prints every exercise with its lettered answers and room to answer; the answer key has answers, why and sources', async ({ page }) => {
  const app = new App(page);
  await app.open('training');
  await page.getByTestId('open-worksheet').click();
  await expect(page.getByTestId('worksheet')).toBeVisible();
  await stubPrint(page);
  await page.getByTestId('print-sheet').click();
  expect(await printedTimes(page)).toBe(1);
  const sheet = await printedText(page, 'worksheet');
  expect(sheet.pages).toBeGreaterThan(1);
  for (const words of ['Two hats: worksheet', 'Name:', 'Which hat?', 'Place the ceremonies', 'What would you do?', 'A. Product Manager', 'B. Product Owner', 'C. Both', 'E. Retrospective', '(choose all that apply)', 'Answer: ________']) {
    expect(sheet.text, words).toContain(words);
  }
  // No answers or explanations on the worksheet.
  expect(sheet.text).not.toContain('Source:');
  expect(sheet.text).not.toContain('Run in the room');

  await page.emulateMedia({ media: 'screen' });
  await app.open('training?at=answer-key');
  await expect(page.getByTestId('answer-key')).toBeVisible();
  const key = await printedText(page, 'answer-key');
  for (const words of ['Two hats: answer key', 'Answer: A (Product Manager)', 'Answer: B (Product Owner)', 'Source: “', 'The Scrum Guide']) {
    expect(key.text, words).toContain(words);
  }
});

test('the training page prints its questions with every answer', async ({ page }) => {
  const app = new App(page);
  await app.open('training?seed=4');
  const printedPage = await printedText(page, 'training');
  const first = page.getByTestId('exercise-scenarios').getByTestId('question').first();
  for (const choice of await first.locator('[data-choice]').allTextContents()) {
    expect(printedPage.text).toContain(choice.replace(/^[A-Z]/, '').trim().slice(0, 40));
  }
  expect(printedPage.text).toContain('Product Owner');
});
