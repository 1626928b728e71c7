import { test, expect, Page } from '@playwright/test';
import { App } from './app';

async function openRoom(page: Page, query = '') {
  await page.goto(`./#/room${query}`);
  await expect(page.getByTestId('room')).toBeVisible();
}

test('room mode: a question at a time, a countdown, counted hands, Reveal with the chart; clicker keys and a URL per slide', async ({ page }) => {
  const app = new App(page);
  await app.open('training');
  await page.getByTestId('open-room').click();
  const room = page.getByTestId('room');
  await expect(room).toBeVisible();
  // The whole screen: no header or footer behind it.
  await expect(page.locator('.app-header')).toBeHidden();
  await expect(page.locator('.app-footer')).toBeHidden();
  await expect(page.getByTestId('room-slide')).toHaveText(/^1 \/ \d+$/);
  const slides = Number((await page.getByTestId('room-slide').textContent())!.split('/')[1]);
  expect(slides).toBeGreaterThanOrEqual(40);

  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('room-slide')).toHaveText(`2 / ${slides}`);
  await expect(page.getByTestId('room-question')).toBeVisible();
  await expect(page.getByTestId('room-reveal')).toHaveCount(0);
  await page.getByTestId('countdown-30').click();
  await expect(page.getByTestId('countdown-time')).toHaveText(/^0:(30|29|28)$/);
  await page.getByTestId('countdown-pause').click();
  const paused = await page.getByTestId('countdown-time').textContent();
  await page.waitForTimeout(1200);
  await expect(page.getByTestId('countdown-time')).toHaveText(paused!);
  await page.getByTestId('countdown-more').click();
  await expect(page.getByTestId('countdown-time')).toHaveText(/^0:(58|59|60)$|^1:00$/);

  const counts = page.getByTestId('vote-count');
  await counts.nth(0).fill('3');
  await counts.nth(1).fill('5');
  await counts.nth(1).press('Tab');
  // Typing a count is not a clicker key: still on the question.
  await page.locator('body').click({ position: { x: 5, y: 400 } });
  await page.keyboard.press('Space');
  const reveal = page.getByTestId('room-reveal');
  await expect(reveal).toContainText('Answer: ');
  await expect(reveal).toContainText('Source: “');
  await expect(page.getByTestId('vote-chart')).toContainText('8 votes');
  await expect(page.getByTestId('vote-chart').locator('svg')).toHaveAttribute('aria-label', /A: 3, B: 5/);
  await page.keyboard.press('PageDown');
  await expect(page.getByTestId('room-slide')).toHaveText(`3 / ${slides}`);
  await expect(page).toHaveURL(/#\/room\?at=3/);
  // A reload resumes on the same slide.
  await page.reload();
  await expect(page.getByTestId('room-slide')).toHaveText(`3 / ${slides}`);

  // B blanks the screen, and B again brings it back.
  await page.keyboard.press('b');
  await expect(page.getByTestId('room-blank')).toBeVisible();
  await page.keyboard.press('b');
  await expect(page.getByTestId('room-blank')).toHaveCount(0);
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByTestId('room-slide')).toHaveText(`2 / ${slides}`);

  // Real fullscreen, through the Fullscreen API.
  await page.keyboard.press('f');
  await expect.poll(() => page.evaluate(() => document.fullscreenElement !== null)).toBe(true);
  await page.keyboard.press('f');
  await expect.poll(() => page.evaluate(() => document.fullscreenElement === null)).toBe(true);

  await page.keyboard.press('Escape');
  await expect(app.heading()).toHaveText('Training');
  expect(app.problems).toEqual([]);
});

test('room mode: the debates get a vote, then both sides with their sources', async ({ page }) => {
  await openRoom(page);
  const slides = Number((await page.getByTestId('room-slide').textContent())!.split('/')[1]);
  // The last debate is the slide before the end.
  await openRoom(page, `?at=${slides - 1}`);
  await expect(page.getByTestId('room-question')).toHaveText('Is the Product Manager higher than the Product Owner?');
  await expect(page.getByTestId('room')).toContainText('It depends');
  await page.getByTestId('room-next').click();
  const reveal = page.getByTestId('room-reveal');
  await expect(reveal).toContainText('Broader, not higher');
  await expect(reveal).toContainText('No');
  await expect(reveal).toContainText('hipCV');
});

for (const [width, height, min] of [[1920, 1080, 32], [1024, 768, 24]] as const) {
  test(`room mode reads from the back of the room at ${width}×${height}: body text at least ${min} px`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    await openRoom(page, '?at=2');
    const size = async () =>
      page.getByTestId('room-answers').locator('li').first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(await size()).toBeGreaterThanOrEqual(min);
    const before = await size();
    await page.getByTestId('room-bigger').click();
    expect(await size()).toBeGreaterThan(before);
    // Everything on the slide fits the screen width: nothing to scroll sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await page.screenshot({ path: `test-results/room-${width}x${height}.png` });
  });
}
