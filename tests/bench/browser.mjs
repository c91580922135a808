// Benchmark figures measured on the release build in dist/: transfer sizes
// of the page's files, time to first visible content and to interactive on
// a slow connection, time to interactive, the time from a keystroke to the
// updated preview, in headless Debian Chromium. Prints; asserts nothing.
import { createServer } from 'node:http';
import { readdir, readFile } from 'node:fs/promises';
import { join, extname } from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { serveDist, launch, TYPES } from '../e2e/harness.mjs';
import { pdfComparison } from './compare.mjs';

const DIST = new URL('../../dist/', import.meta.url).pathname;
const kb = (n) => `${(n / 1024).toFixed(1).padStart(8)} KB`;
const ms = (n) => `${n.toFixed(2).padStart(8)} ms`;
const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};

async function sizes() {
  const rows = [];
  for (const name of (await readdir(DIST)).sort()) {
    if (!['.wasm', '.js', '.css'].includes(extname(name))) continue;
    const body = await readFile(join(DIST, name));
    rows.push({
      name,
      // The worker's files are fetched on the first export, not at load;
      // the page's parts (.ci/split-page.mjs) when a draft or the demo
      // opens, or when the drafts page is idle.
      group: name.startsWith('pdf-worker') ? 'worker' : /^(split|chunk)_/.test(name) ? 'parts' : 'page',
      raw: body.length,
      gzip: gzipSync(body, { level: 9 }).length,
      brotli: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    });
  }
  console.log('Release build (dist/)                               raw        gzip      brotli');
  const labels = {
    page: 'page total (first load: the drafts page)',
    parts: 'parts total (a draft\'s pages, the demo)',
    worker: 'PDF worker total (first export)',
  };
  for (const group of ['page', 'parts', 'worker']) {
    const total = { raw: 0, gzip: 0, brotli: 0 };
    for (const r of rows.filter((r) => r.group === group)) {
      console.log(`  ${r.name.padEnd(46)} ${kb(r.raw)} ${kb(r.gzip)} ${kb(r.brotli)}`);
      for (const k of Object.keys(total)) total[k] += r[k];
    }
    console.log(`  ${labels[group].padEnd(46)} ${kb(total.raw)} ${kb(total.gzip)} ${kb(total.brotli)}`);
  }
  // The policy content, a data file per language: the interface
  // language's is fetched at start (the English is preloaded), another
  // only when a draft or sample written in it opens.
  const page = rows.filter((r) => r.group === 'page').reduce((t, r) => t + r.brotli, 0);
  for (const name of (await readdir(join(DIST, 'content'))).sort()) {
    const body = await readFile(join(DIST, 'content', name));
    const brotli = brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
    const gzip = gzipSync(body, { level: 9 }).length;
    console.log(`  content/${name.padEnd(38)} ${kb(body.length)} ${kb(gzip)} ${kb(brotli)}`);
    if (name.startsWith('en-')) {
      console.log(`  ${'English first load (page + English content)'.padEnd(46)} ${' '.repeat(22)}${kb(page + brotli)}`);
    }
  }
}

// What a static host sends: each file compressed once, with brotli for a
// browser that accepts it (as the usual hosts and CDNs do), else gzip.
async function serveCompressed() {
  const cache = new Map();
  const server = createServer(async (req, res) => {
    const path = new URL(req.url, 'http://x').pathname;
    const name = path.endsWith('/') ? 'index.html' : path.slice(1);
    if (name.includes('..')) {
      res.writeHead(404).end();
      return;
    }
    const accepts = req.headers['accept-encoding'] ?? '';
    const encoding = /\bbr\b/.test(accepts) ? 'br' : /\bgzip\b/.test(accepts) ? 'gzip' : null;
    try {
      const key = `${name}:${encoding}`;
      if (!cache.has(key)) {
        const raw = await readFile(join(DIST, name));
        const packed =
          encoding === 'br'
            ? brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } })
            : encoding === 'gzip'
              ? gzipSync(raw, { level: 9 })
              : raw;
        cache.set(key, packed);
      }
      res.writeHead(200, {
        'content-type': TYPES[extname(name)] ?? 'application/octet-stream',
        'cache-control': 'no-cache',
        vary: 'accept-encoding',
        ...(encoding ? { 'content-encoding': encoding } : {}),
      });
      res.end(cache.get(key));
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}/`,
    close: () => new Promise((r) => { server.close(r); server.closeAllConnections?.(); }),
  };
}

/**
 * Visits on a slow connection (Chromium's network emulation: 150 ms
 * latency, 200 KB/s down and up, 1.6 Mbit/s), served compressed as a
 * static host serves dist/: on a first visit the first contentful paint
 * (index.html's loading line), the drafts page interactive, and a sample
 * opened; on a repeat visit (service worker warm) the drafts page and a
 * draft's own address.
 */
async function slowConnection(browser) {
  const server = await serveCompressed();
  const slow = async (page) => {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 150,
      downloadThroughput: 200 * 1024,
      uploadThroughput: 200 * 1024,
    });
  };
  const now = (page) =>
    page.evaluate(() => [performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN, performance.now()]);
  const draftReady = (page) => page.getByRole('heading', { name: 'Lakeside Social Media Policy' }).waitFor({ timeout: 120_000 });
  try {
    const fig = { fcp: [], drafts: [], draft: [], repeatDrafts: [], repeatDraft: [] };
    for (let i = 0; i < 3; i++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await slow(page);
      await page.goto(server.url, { waitUntil: 'commit' });
      await page.getByRole('button', { name: 'Start a new draft' }).waitFor({ timeout: 120_000 });
      const [fcp, tti] = await now(page);
      fig.fcp.push(fcp);
      fig.drafts.push(tti);
      // Opening a sample: click to its questions and preview drawn.
      const t0 = await page.evaluate(() => performance.now());
      await page.getByRole('button', { name: 'Lakeside Community Hospital (Ontario)' }).click();
      await draftReady(page);
      fig.draft.push((await page.evaluate(() => performance.now())) - t0);
      // The repeat visit, service worker warm: the drafts page, then the
      // draft's own address.
      await page.evaluate(() => navigator.serviceWorker.ready);
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 120_000 });
      const draftUrl = page.url();
      await page.goto(server.url, { waitUntil: 'commit' });
      await page.getByRole('button', { name: 'Start a new draft' }).waitFor({ timeout: 120_000 });
      fig.repeatDrafts.push((await now(page))[1]);
      await page.goto(draftUrl, { waitUntil: 'commit' });
      await page.reload({ waitUntil: 'commit' });
      await draftReady(page);
      fig.repeatDraft.push((await now(page))[1]);
      await context.close();
    }
    console.log('\nAt 1.6 Mbit/s (200 KB/s) and 150 ms latency, served compressed (brotli), median of 3:');
    console.log(`  first visit: first contentful paint                      ${ms(pct(fig.fcp, 50))}`);
    console.log(`  first visit: the drafts page interactive (target 2.5 s)  ${ms(pct(fig.drafts, 50))}`);
    console.log(`  first visit: a sample opened, click to preview drawn     ${ms(pct(fig.draft, 50))}`);
    console.log(`  repeat visit: the drafts page interactive (target 0.5 s) ${ms(pct(fig.repeatDrafts, 50))}`);
    console.log(`  repeat visit: a draft's address, preview drawn           ${ms(pct(fig.repeatDraft, 50))}`);
  } finally {
    await server.close();
  }
}

async function browserTimings() {
  const server = await serveDist();
  const browser = await launch();
  try {
    const tti = [];
    for (let i = 0; i < 7; i++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(server.url);
      await page.getByRole('button', { name: 'Start a new draft' }).waitFor();
      tti.push(await page.evaluate(() => performance.now()));
      await context.close();
    }
    console.log(`\nTime to interactive (navigation start to the drafts page ready), median of 7: ${ms(pct(tti, 50))}`);
    await slowConnection(browser);

    const { context, page } = await keystrokes(browser, server);

    // Click to download, first export (worker fetched and started) and warm.
    const exports = [];
    for (let i = 0; i < 8; i++) {
      const t0 = Date.now();
      await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export PDF' }).click()]);
      exports.push(Date.now() - t0);
    }
    console.log(
      `PDF export of the Ontario hospital sample, click to download: first ${ms(exports[0])}, warm median ${ms(pct(exports.slice(1), 50))}`,
    );
    await context.close();

    await manyDrafts(browser, server);

    // Set by .ci/bench: the longest sample's Document, written by the
    // native benchmark.
    if (process.env.BENCH_DOCUMENT_JSON) {
      await pdfComparison(browser, server, process.env.BENCH_DOCUMENT_JSON);
    } else {
      console.log('\n(BENCH_DOCUMENT_JSON is not set: no PDF comparison; run bash .ci/bench)');
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

/**
 * The time from a keystroke in the organization's name to the updated
 * preview, on the longest sample, as is and with the CPU throttled 4x.
 * Leaves the sample open, for the export timings that follow.
 */
async function keystrokes(browser, server) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(server.url);
  await page.getByRole('button', { name: 'Start a new draft' }).waitFor();
  // The longest sample policy (the Ontario hospital, about 4,700 words).
  await page.getByRole('button', { name: 'Lakeside Community Hospital (Ontario)' }).click();
  await page.getByRole('heading', { name: 'Lakeside Social Media Policy' }).waitFor();
  const edits = () =>
    page.evaluate(async () => {
      const field = document.getElementById('q-legal_name');
      const preview = document.querySelector('aside.preview');
      const out = [];
      for (let i = 0; i < 200; i++) {
        const changed = new Promise((resolve) => {
          const mo = new MutationObserver(() => {
            mo.disconnect();
            resolve(performance.now());
          });
          mo.observe(preview, { subtree: true, childList: true, characterData: true });
        });
        const t0 = performance.now();
        field.value = `Lakeside Community Hospital ${i}`;
        field.dispatchEvent(new Event('input', { bubbles: true }));
        out.push((await changed) - t0);
        await new Promise((r) => requestAnimationFrame(() => r()));
      }
      return out;
    });
  const samples = await edits();
  console.log(
    `Keystroke to updated preview, Ontario hospital sample (200 edits of the name): median ${ms(pct(samples, 50))}, p95 ${ms(pct(samples, 95))}`,
  );
  // Hospital desktops are often several times slower than this machine.
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  const slow = await edits();
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  console.log(
    `Keystroke to updated preview, CPU throttled 4x (same edits): median ${ms(pct(slow, 50))}, p95 ${ms(pct(slow, 95))} (target: one frame, 16 ms)`,
  );
  return { context, page };
}

/**
 * 200 drafts of the longest sample in storage: the time from navigation
 * start until the drafts page lists them all, median of 5 loads.
 */
async function manyDrafts(browser, server) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(server.url);
  await page.getByRole('button', { name: 'Lakeside Community Hospital (Ontario)' }).click();
  await page.getByRole('heading', { name: 'Lakeside Social Media Policy' }).waitFor();
  const bytes = await page.evaluate(() => {
    const key = Object.keys(localStorage).find((k) => k.startsWith('policy-builder/drafts/'));
    const draft = JSON.parse(localStorage.getItem(key));
    for (let i = 0; i < 199; i++) {
      const id = `bench${String(i).padStart(3, '0')}`;
      localStorage.setItem(`policy-builder/drafts/${id}`, JSON.stringify({ ...draft, id, name: `Lakeside copy ${i}` }));
    }
    return Object.keys(localStorage).reduce((n, k) => n + 2 * (k.length + localStorage.getItem(k).length), 0);
  });
  const times = [];
  for (let i = 0; i < 5; i++) {
    await page.goto(server.url);
    await page.locator('.draft-list > li').nth(199).waitFor();
    times.push(await page.evaluate(() => performance.now()));
  }
  console.log(
    `\nDrafts page with 200 drafts of the Ontario hospital sample (${kb(bytes).trim()} in storage), navigation start to the list shown, median of 5: ${ms(pct(times, 50))}`,
  );
  await context.close();
}

/**
 * With `--pdf-only` (`bash .ci/bench --pdf-only`): the transfer sizes and
 * the side-by-side PDF and Word figures alone, for work on the writers,
 * without the page timings that take most of the run.
 */
async function pdfOnly() {
  if (!process.env.BENCH_DOCUMENT_JSON) {
    console.log('\n(BENCH_DOCUMENT_JSON is not set: no PDF comparison; run bash .ci/bench --pdf-only)');
    return;
  }
  const server = await serveDist();
  const browser = await launch();
  try {
    await pdfComparison(browser, server, process.env.BENCH_DOCUMENT_JSON);
  } finally {
    await browser.close();
    await server.close();
  }
}

/**
 * With `--keystroke-only` (`bash .ci/bench --keystroke-only`): the
 * keystroke-to-preview figures alone, for work on the preview.
 */
async function keystrokeOnly() {
  const server = await serveDist();
  const browser = await launch();
  try {
    const { context } = await keystrokes(browser, server);
    await context.close();
  } finally {
    await browser.close();
    await server.close();
  }
}

// With `--size-only` (`bash .ci/bench --size-only`): the transfer sizes
// alone, for work on the size of the page.
if (process.argv.includes('--keystroke-only')) {
  await keystrokeOnly();
} else {
  await sizes();
  if (process.argv.includes('--pdf-only')) {
    await pdfOnly();
  } else if (!process.argv.includes('--size-only')) {
    await browserTimings();
  }
}
