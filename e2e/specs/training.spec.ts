import { test, expect } from '@playwright/test';
import { App } from './app';

test('a trainee does an exercise, gets a score, reloads, keeps it, then resets', async ({ page }) => {
  const app = new App(page);
  await app.open();
  await app.loadSampleFromWelcome();
  await app.nav('Training').click();
  const ex = page.getByTestId('exercise-scenarios');
  const questions = ex.getByTestId('question');
  await expect(questions).toHaveCount(6);
  // Answer the first right and the second wrong; each answer is explained with its source.
  await questions.nth(0).getByRole('button', { name: /The PO listens/ }).click();
  await expect(questions.nth(0).getByTestId('feedback')).toContainText('Right.');
  await expect(questions.nth(0).getByTestId('feedback')).toContainText('Source: “Product Manager vs Product Owner”');
  await questions.nth(1).getByRole('button', { name: /The PO complies/ }).click();
  await expect(questions.nth(1).getByTestId('feedback')).toContainText('Not quite.');
  await expect(questions.nth(1).getByTestId('feedback')).toContainText('no managerial link');
  await expect(page.getByTestId('score-scenarios')).toHaveText('1 right · 2 of 6 answered');

  // The sorting exercise, by keyboard.
  const sortQ = page.getByTestId('exercise-which-hat').getByTestId('question').first();
  await sortQ.getByRole('button', { name: 'Product Manager' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('total-score')).toHaveText('Total: 2 of 32 right');

  await page.reload();
  await expect(page.getByTestId('total-score')).toHaveText('Total: 2 of 32 right');
  await expect(page.getByTestId('score-scenarios')).toHaveText('1 right · 2 of 6 answered');
  await expect(page.getByTestId('exercise-scenarios').getByTestId('feedback')).toHaveCount(2);

  await page.getByTestId('reset-training').click();
  await page.getByTestId('confirm-reset-training').click();
  await expect(page.getByTestId('total-score')).toHaveText('Total: 0 of 32 right');
  // The button the question replaced has the focus again, not the page.
  await expect(page.getByTestId('reset-training')).toBeFocused();
  await page.reload();
  await expect(page.getByTestId('total-score')).toHaveText('Total: 0 of 32 right');
  expect(app.problems).toEqual([]);
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
  await expect(page.getByTestId('slide-count')).toHaveText('1 / 18');
  await page.keyboard.press('ArrowRight');
  await expect(presenter.locator('h2')).toHaveText('Horizon');
  await page.keyboard.press('End');
  await expect(presenter.locator('h2')).toHaveText('Is the Product Manager higher than the Product Owner?');
  await page.keyboard.press('Escape');
  await expect(presenter).toHaveCount(0);
  // Ladder links open the editors on the user's own product.
  await page.getByTestId('ladder-item').click();
  await expect(app.heading()).toHaveText('Backlog');
  await expect(page.getByTestId('backlog-row')).toHaveCount(32);
});
