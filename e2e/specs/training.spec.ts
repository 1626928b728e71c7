import { test, expect, Page } from '@playwright/test';
import { App } from './app';

/** The score line of one exercise, as numbers: [right, answered, total]. */
async function scoreOf(page: Page, key: string): Promise<number[]> {
  const text = (await page.getByTestId(`score-${key}`).textContent()) ?? '';
  return (text.match(/\d+/g) ?? []).map(Number);
}

/** The written indexes of each question's answers, in the order shown. */
async function shownOrders(page: Page, exercise: string): Promise<string[]> {
  await expect(page.getByTestId(`exercise-${exercise}`).locator('[data-choice]').first()).toBeVisible();
  return page.getByTestId(`exercise-${exercise}`).getByTestId('question').evaluateAll((qs) =>
    qs.map((q) => [...q.querySelectorAll('[data-choice]')].map((c) => c.getAttribute('data-choice')).join(',')),
  );
}

test('the first answer is the one scored; changing it explains but does not score, and a reset starts a new attempt', async ({ page }) => {
  const app = new App(page);
  await app.open();
  await app.loadSampleFromWelcome();
  await app.nav('Training').click();
  await expect(page).toHaveURL(/seed=\d+/);
  await expect(page.getByTestId('training-rules')).toContainText('assume two people');
  const q = page.getByTestId('exercise-scenarios').getByTestId('question').first();
  const [, , total] = await scoreOf(page, 'scenarios');
  expect(total).toBeGreaterThanOrEqual(10);
  await q.locator('[data-choice]').first().click();
  const feedback = q.getByTestId('feedback');
  await expect(feedback).toContainText('Source: “');
  const firstRight = (await feedback.textContent())!.includes('Right.');
  await expect(page.getByTestId('score-scenarios')).toHaveText(`${firstRight ? 1 : 0} right · 1 of ${total} answered`);
  // Every other answer, tried after the first: the explanation shows, the score stays.
  const options = q.locator('[data-choice]');
  for (let n = 1; n < (await options.count()); n++) {
    await options.nth(n).click();
    await expect(options.nth(n)).toHaveAttribute('aria-checked', 'true');
    await expect(page.getByTestId('score-scenarios')).toHaveText(`${firstRight ? 1 : 0} right · 1 of ${total} answered`);
  }
  if (!firstRight) {
    // Settle on the right one: it says so, and that the first answer is scored.
    const answer = ((await feedback.textContent())!.match(/Answer: ([^.;]+)/) ?? [])[1];
    await options.filter({ hasText: answer.trim() }).first().click();
    await expect(feedback).toContainText('Right now, but your first answer is the one scored.');
  }
  // No double full stop after an answer that ends with one.
  await expect(feedback).not.toContainText('..');

  await page.reload();
  await expect(page.getByTestId('score-scenarios')).toHaveText(`${firstRight ? 1 : 0} right · 1 of ${total} answered`);
  const before = page.url();
  await page.getByTestId('reset-training').click();
  await page.getByTestId('confirm-reset-training').click();
  await expect(page.getByTestId('total-score')).toHaveText(/^Total: 0 of \d+ right$/);
  await expect(page.getByTestId('reset-training')).toBeFocused();
  expect(page.url()).not.toEqual(before);
  expect(app.problems).toEqual([]);
});

test('scenario answers come in an order drawn from the seed in the URL; the fixed scales keep theirs', async ({ page }) => {
  const app = new App(page);
  await app.open('training?seed=1');
  const one = await shownOrders(page, 'scenarios');
  const hats = await shownOrders(page, 'which-hat');
  expect(new Set(hats)).toEqual(new Set(['0,1,2']));
  expect((await shownOrders(page, 'ceremonies')).every((o) => o === '0,1,2,3,4,5')).toBe(true);
  // Not the written order everywhere.
  expect(one.some((o) => o !== [...o.split(',')].sort().join(','))).toBe(true);
  await page.reload();
  expect(await shownOrders(page, 'scenarios')).toEqual(one);
  await app.open('training?seed=2');
  expect(await shownOrders(page, 'scenarios')).not.toEqual(one);
});

test('one Tab stop per question: arrows move between answers without answering, Space answers', async ({ page }) => {
  const app = new App(page);
  await app.open('training?seed=5');
  const qs = page.getByTestId('exercise-which-hat').getByTestId('question');
  const first = qs.nth(0).getByRole('radio');
  await first.first().focus();
  await page.keyboard.press('ArrowDown');
  await expect(first.nth(1)).toBeFocused();
  await expect(qs.nth(0).getByTestId('feedback')).toHaveCount(0);
  await page.keyboard.press('End');
  await expect(first.nth(2)).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(first.nth(0)).toBeFocused();
  // Tab leaves the question: the next stop is the next question's group, not answer B.
  await page.keyboard.press('Tab');
  await expect(qs.nth(1).getByRole('radio').first()).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Space');
  await expect(first.nth(1)).toHaveAttribute('aria-checked', 'true');
  await expect(qs.nth(0).getByTestId('feedback')).toBeVisible();
  // The checked answer is now the group's Tab stop.
  await expect(first.nth(1)).toHaveAttribute('tabindex', '0');
  await expect(first.nth(0)).toHaveAttribute('tabindex', '-1');
});

test('"choose all that apply" is right only with exactly the right set; results say what to reread, and links land on their heading', async ({ page }) => {
  const app = new App(page);
  await app.open('training?seed=9');
  const multi = page.getByTestId('exercise-scenarios').getByTestId('question').filter({ has: page.getByTestId('check-answer') });
  expect(await multi.count()).toBeGreaterThanOrEqual(5);
  const q = multi.first();
  await expect(q).toContainText('(choose all that apply)');
  await expect(q.getByTestId('check-answer')).toBeDisabled();
  await q.getByRole('checkbox').first().check();
  await q.getByTestId('check-answer').click();
  await expect(q.getByTestId('feedback')).toBeVisible();
  // One box is never the whole set of a "choose all" answer.
  await expect(q.getByTestId('feedback')).toContainText('Not quite.');

  const results = page.getByTestId('results');
  await expect(results.getByTestId('topic-result')).toHaveCount(1);
  const reread = results.getByTestId('reread');
  await expect(reread).toHaveCount(1);
  // The score board's links scroll to their exercise and focus its heading.
  await page.getByTestId('score-board').getByRole('link', { name: 'Results by topic' }).click();
  await expect(page.locator('#results-title')).toBeFocused();
  await expect(page.locator('#results-title')).toBeInViewport();
  await reread.click();
  await expect(app.heading()).toHaveText('Explainer: who does what');
  await expect(page.locator(':focus')).toBeInViewport();
});

test('the organisation switch changes the badges on the backlog page', async ({ page }) => {
  const app = new App(page);
  await app.open();
  await app.loadSampleFromWelcome();
  await app.nav('Backlog').click();
  const badge = page.getByTestId('hat-badge').first();
  await expect(badge).toHaveText('PO');
  await app.nav('Hierarchy').click();
  await expect(page.locator('[data-testid=hat-badge][data-level=theme]').first()).toHaveText('PM');

  await app.nav('Explainer').click();
  await page.getByTestId('org-switch').getByText('One person, both hats').click();
  await expect(page.getByTestId('org-guidance')).toContainText('One person wears both hats');
  await app.nav('Hierarchy').click();
  await expect(page.locator('[data-testid=hat-badge][data-level=theme]').first()).toHaveText('PM hat');

  await app.nav('Explainer').click();
  await page.getByTestId('org-switch').getByText('No Product Manager').click();
  await expect(page.getByTestId('org-guidance')).toContainText('takes on all of the PM');
  await app.nav('Hierarchy').click();
  await expect(page.locator('[data-testid=hat-badge][data-level=theme]').first()).toHaveText('PO');
  // With no PM, the hat filter does not offer a "Product Manager" who is not there.
  await expect(page.getByTestId('hat-filter').locator('option[value=pm]')).toHaveText('Strategic levels (the PO, as PM)');
  await page.getByTestId('hat-filter').selectOption('pm');
  await expect(page.locator('[data-testid=hat-badge][data-level=item]')).toHaveCount(0);
  await app.nav('Backlog').click();
  await expect(page.getByTestId('hat-badge').first()).toHaveText('PO');
  await expect(page.getByTestId('hat-badge').first()).toHaveAttribute('title', /also does the Product Manager's work/);
  // It is part of the workspace: kept after a reload.
  await page.reload();
  await expect(page.getByTestId('hat-badge').first()).toHaveAttribute('title', /also does the Product Manager's work/);
});

test('presenter mode: one section at a time, keyboard to move, Escape to leave', async ({ page }) => {
  const app = new App(page);
  await app.open();
  await app.loadSampleFromWelcome();
  await app.nav('Explainer').click();
  await page.getByTestId('present').click();
  const presenter = page.getByTestId('presenter');
  await expect(presenter).toBeFocused();
  await expect(page.getByTestId('slide-count')).toHaveText(/^1 \/ \d+$/);
  await page.keyboard.press('ArrowRight');
  await expect(presenter.locator('h2')).toHaveText('The role');
  // Full screen for real, and each slide has its own URL.
  await expect.poll(() => page.evaluate(() => document.fullscreenElement !== null)).toBe(true);
  await expect(page).toHaveURL(/at=present-2/);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(page).toHaveURL(/at=present-4/);
  const fourth = await presenter.locator('h2').textContent();
  await page.reload();
  await expect(page.getByTestId('presenter').locator('h2')).toHaveText(fourth!);
  await page.keyboard.press('Escape');
  await expect(presenter).toHaveCount(0);
  // Present again resumes where it was left.
  await page.getByTestId('present').click();
  await expect(presenter.locator('h2')).toHaveText(fourth!);
  await page.keyboard.press('End');
  await expect(presenter.locator('h2')).toHaveText('Is the Product Manager higher than the Product Owner?');
  await page.keyboard.press('Escape');
  if (await presenter.count()) await page.keyboard.press('Escape');
  await expect(presenter).toHaveCount(0);
  // Ladder links open the editors on the user's own product.
  await page.getByTestId('ladder-item').click();
  await expect(app.heading()).toHaveText('Backlog');
  await expect(page.getByTestId('backlog-row')).toHaveCount(32);
});
