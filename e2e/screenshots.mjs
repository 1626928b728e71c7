// Takes a screenshot of every page, in the light and the dark theme, with the sample
// loaded, into docs/screenshots/. Run: node e2e/screenshots.mjs (after trunk build --release).
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const out = join(root, 'docs', 'screenshots');
const serveDir = join(here, '.serve-shots');
const port = 4180;

rmSync(serveDir, { recursive: true, force: true });
mkdirSync(serveDir, { recursive: true });
cpSync(join(root, 'dist'), join(serveDir, 'twohats'), { recursive: true });
mkdirSync(out, { recursive: true });
const server = spawn('python3', ['-m', 'http.server', String(port), '--bind', '127.0.0.1', '--directory', serveDir], { stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 800));

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const pages = (process.argv[2] ?? 'welcome,home,explainer,hierarchy,roadmap,backlog,training,data').split(',');
try {
  for (const scheme of ['light', 'dark']) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, colorScheme: scheme });
    const page = await context.newPage();
    const base = `http://127.0.0.1:${port}/twohats/`;
    await page.goto(base);
    await page.waitForSelector('.app-header');
    if (pages.includes('welcome')) await page.screenshot({ path: join(out, `welcome-${scheme}.png`), fullPage: false });
    await page.getByTestId('load-sample').click();
    await page.waitForTimeout(300);
    for (const name of pages.filter((p) => p !== 'welcome')) {
      await page.goto(`${base}#/${name === 'home' ? '' : name}`);
      await page.waitForTimeout(400);
      await page.screenshot({ path: join(out, `${name}-${scheme}.png`), fullPage: false });
    }
    await context.close();
  }
} finally {
  await browser.close();
  server.kill();
  rmSync(serveDir, { recursive: true, force: true });
}
console.log(`screenshots written to ${out}`);
