import { chromium } from '@playwright/test';
const [,, url, view, w] = process.argv;
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const p = await b.newPage({ viewport: { width: +w, height: 800 } });
await p.goto(url);
await p.getByTestId('load-sample').click();
await p.waitForTimeout(400);
for (const v of view.split(',')) {
await p.goto(url.replace(/#.*$/, '') + '#/' + v);
await p.waitForTimeout(700);
console.log(v, await p.evaluate((W) => {
  const out = [];
  for (const el of document.querySelectorAll('body *')) {
    const r = el.getBoundingClientRect();
    if (r.right > W + 1 && r.width > 0) {
      let anc = el.parentElement, clipped = false;
      while (anc) { const o = getComputedStyle(anc).overflowX; if (o === 'auto' || o === 'hidden' || o === 'scroll') { clipped = true; break; } anc = anc.parentElement; }
      if (!clipped || getComputedStyle(el).position === 'fixed' || getComputedStyle(el).position === 'absolute') out.push(el.tagName + '.' + el.className + ' ' + Math.round(r.right));
    }
  }
  return [document.documentElement.scrollWidth, out.slice(0, 5)];
}, +w));
}
await b.close();
