#!/usr/bin/env node
// The first load of the release build as a static host serves it: nginx with gzip, as
// GitHub Pages or Netlify do (python's http.server sends no compression).
//
//   node scripts/bench-first-load.mjs [--dist DIR] [--runs 3] [--no-lighthouse] [--json FILE]
//   (also: node scripts/bench.mjs --first-load …)
//
// 1. Transfer: every byte (bodies and headers) a first visit to Home downloads until the
//    network has been idle for one second, in headless Chromium with service workers
//    blocked (only the service worker fetches the other pages' chunks, after the first
//    render), counted from the DevTools protocol's encodedDataLength.
// 2. Lighthouse 12.2.3 (mobile preset: slow 4G, 4× CPU slowdown), --runs times, with its
//    performance, accessibility, best-practices and SEO scores.
// Needs nginx (Debian's nginx-light) and installs Lighthouse into .tools/ when missing.
// Not part of the timed test suite: this machine is noisy; compare builds in one sitting.

import { spawn, execFileSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const argv = process.argv.slice(2);
const opt = (name, dflt) => (argv.includes(`--${name}`) ? argv[argv.indexOf(`--${name}`) + 1] : dflt);
const DIST = opt('dist', join(root, 'dist'));
const RUNS = Number(opt('runs', '3'));
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const LIGHTHOUSE_VERSION = '12.2.3';
const log = (...a) => console.error(`[first-load ${new Date().toISOString().slice(11, 19)}]`, ...a);

const freePort = () => new Promise((resolve) => {
  const s = createServer().listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
});

/** nginx serving a copy of the build under /twohats/, gzip on as a static host has it. */
async function startNginx() {
  const nginx = ['/usr/sbin/nginx', '/usr/bin/nginx'].find(existsSync);
  if (!nginx) throw new Error('nginx is not installed: apt-get install -y nginx-light');
  const dir = mkdtempSync(join(tmpdir(), 'twohats-nginx-'));
  // nginx's workers run as another user when it is started as root.
  chmodSync(dir, 0o755);
  cpSync(DIST, join(dir, 'site', 'twohats'), { recursive: true });
  const port = await freePort();
  writeFileSync(join(dir, 'nginx.conf'), `
worker_processes 1;
daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log;
events {}
http {
  include /etc/nginx/mime.types;
  types { application/manifest+json webmanifest; }
  default_type application/octet-stream;
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  gzip on;
  gzip_comp_level 6;
  gzip_min_length 256;
  gzip_types text/css application/javascript text/javascript application/wasm image/svg+xml application/manifest+json application/json text/plain;
  server { listen 127.0.0.1:${port}; root ${dir}/site; }
}
`);
  const proc = spawn(nginx, ['-c', join(dir, 'nginx.conf'), '-e', join(dir, 'error.log')], { stdio: 'ignore' });
  const url = `http://127.0.0.1:${port}/twohats/`;
  for (let i = 0; i < 50; i++) {
    if ((await fetch(url).catch(() => null))?.ok) return { url, stop: () => { proc.kill(); rmSync(dir, { recursive: true, force: true }); } };
    await new Promise((r) => setTimeout(r, 100));
  }
  proc.kill();
  throw new Error(`nginx did not start: ${readFileSync(join(dir, 'error.log'), 'utf8')}`);
}

/** Bytes per file of one cold visit to Home, until the network is idle for a second. */
async function transfer(url) {
  const { chromium } = require('../e2e/node_modules/@playwright/test');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  const context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  const names = new Map();
  const files = [];
  let inFlight = 0;
  let last = Date.now();
  cdp.on('Network.requestWillBeSent', (e) => { names.set(e.requestId, e.request.url); inFlight++; last = Date.now(); });
  cdp.on('Network.loadingFinished', (e) => {
    files.push({ name: names.get(e.requestId).replace(url, '') || 'index.html', bytes: e.encodedDataLength });
    inFlight--; last = Date.now();
  });
  cdp.on('Network.loadingFailed', () => { inFlight--; last = Date.now(); });
  await page.goto(url);
  await page.getByTestId('welcome').waitFor();
  while (inFlight > 0 || Date.now() - last < 1000) await new Promise((r) => setTimeout(r, 100));
  await browser.close();
  return files;
}

function lighthouse(url) {
  // Its own folder: an npm install into .tools/ would drop the build's tools.
  const bin = join(root, '.tools', 'lighthouse', 'node_modules', 'lighthouse', 'cli', 'index.js');
  if (!existsSync(bin)) {
    log(`installing lighthouse ${LIGHTHOUSE_VERSION} into .tools/`);
    execFileSync('npm', ['install', '--prefix', join(root, '.tools', 'lighthouse'), '--no-audit', '--no-fund', '--no-save', `lighthouse@${LIGHTHOUSE_VERSION}`], { stdio: 'inherit' });
  }
  const out = join(mkdtempSync(join(tmpdir(), 'twohats-lh-')), 'report.json');
  execFileSync('node', [bin, url, '--output=json', `--output-path=${out}`, '--quiet',
    '--only-categories=performance,accessibility,best-practices,seo',
    '--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run'],
  { env: { ...process.env, CHROME_PATH: CHROMIUM }, stdio: ['ignore', 'ignore', 'inherit'] });
  const r = JSON.parse(readFileSync(out, 'utf8'));
  const score = (c) => Math.round(r.categories[c].score * 100);
  const ms = (a) => Math.round(r.audits[a].numericValue);
  return {
    performance: score('performance'), accessibility: score('accessibility'),
    bestPractices: score('best-practices'), seo: score('seo'),
    fcp: ms('first-contentful-paint'), lcp: ms('largest-contentful-paint'), tbt: ms('total-blocking-time'),
    si: ms('speed-index'), tti: ms('interactive'), cls: r.audits['cumulative-layout-shift'].numericValue,
  };
}

const server = await startNginx();
log(`serving ${DIST} with nginx (gzip) at ${server.url}`);
const result = { dist: DIST, date: new Date().toISOString(), transfer: null, lighthouse: [] };
try {
  const files = await transfer(server.url);
  const total = files.reduce((s, f) => s + f.bytes, 0);
  result.transfer = { files, total };
  console.log('| file (first visit to Home, nginx gzip) | bytes on the wire |\n| --- | ---: |');
  for (const f of files) console.log(`| ${f.name.replace(/-[0-9a-f]{1,16}(?=[._])/, '')} | ${f.bytes.toLocaleString('en')} |`);
  console.log(`| **total** | **${total.toLocaleString('en')}** (${(total / 1024).toFixed(1)} KiB) |\n`);
  if (!argv.includes('--no-lighthouse')) {
    console.log('| run | performance | LCP ms | FCP ms | TBT ms | speed index ms | TTI ms | CLS | a11y | best practices | SEO |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
    for (let i = 1; i <= RUNS; i++) {
      const l = lighthouse(server.url);
      result.lighthouse.push(l);
      console.log(`| ${i} | ${l.performance} | ${l.lcp} | ${l.fcp} | ${l.tbt} | ${l.si} | ${l.tti} | ${l.cls.toFixed(3)} | ${l.accessibility} | ${l.bestPractices} | ${l.seo} |`);
    }
  }
} finally {
  server.stop();
}
const json = opt('json', null);
if (json) writeFileSync(json, JSON.stringify(result, null, 2));
