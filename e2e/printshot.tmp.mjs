import { chromium } from '@playwright/test';
const [,, url, out, view, click] = process.argv;
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const p = await b.newPage({ viewport: { width: 1047, height: 718 } });
await p.goto(url);
await p.getByTestId('load-sample').click();
await p.waitForTimeout(500);
await p.goto(url.replace(/#.*$/, '') + '#/' + view);
await p.waitForTimeout(800);
if (click) { await p.getByTestId(click).click(); await p.waitForTimeout(300); }
const sw = await p.evaluate(() => document.querySelector('[data-testid="product-switcher"]')?.textContent);
await p.emulateMedia({ media: 'print' });
await p.waitForTimeout(300);
await p.screenshot({ path: out, fullPage: true });
console.log(sw, await p.evaluate(() => document.documentElement.scrollHeight));
await b.close();
