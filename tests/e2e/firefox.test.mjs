// The same app in Debian's Firefox ESR, driven by puppeteer-core over
// WebDriver BiDi: answering by label, a reload, the PDF read back, an
// answer file out and in, an offline reload served by the service worker,
// and a review round trip, signed and verified. One browser for the whole file (a launch costs
// seconds); each test opens its own page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveDist, launchFirefox, savedFile, pdfText, flat } from './harness.mjs';

let server;
let browser;
let downloads;
let answerFile;

/** Puppeteer's accessible-name selector, with the role it must have. */
const aria = (name, role) => `::-p-aria(${name}[role="${role}"])`;

before(async () => {
  downloads = await mkdtemp(join(tmpdir(), 'policy-ff-downloads-'));
  server = await serveDist();
  browser = await launchFirefox({ downloads });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** A new page on `url` with its uncaught errors collected, once the app is up. */
async function open(url, context = browser.defaultBrowserContext()) {
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(url);
  await find(page, '#main');
  return { page, errors };
}

/**
 * Resolves once `fn(arg)` is true in the page. (Puppeteer's waitForFunction
 * compiles its polling code with `new Function`, which the app's
 * Content-Security-Policy forbids; `evaluate` is not subject to it.)
 */
async function until(page, fn, arg, { timeout = 30_000 } = {}) {
  const deadline = Date.now() + timeout;
  while (!(await page.evaluate(fn, arg).catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${fn} (${arg ?? ''})`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * The first element `selector` finds, once there is one. (waitForSelector
 * polls with compiled code too, so it fails on anything not there yet.)
 */
async function find(page, selector, { timeout = 30_000 } = {}) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const element = await page.$(selector).catch(() => null);
    if (element) return element;
    if (Date.now() > deadline) throw new Error(`nothing matches ${selector} within ${timeout} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Resolves once the page's text includes `text`. */
const shows = (page, text) => until(page, (t) => document.body.innerText.includes(t), text);

/** Resolves once a stored draft holds `text` (the save really happened). */
const stored = (page, text) =>
  until(
    page,
    (t) =>
      Object.keys(localStorage).some(
        (k) => k.startsWith('policy-builder/drafts/') && (localStorage.getItem(k) ?? '').includes(t),
      ),
    text,
  );

/**
 * Clicks the element `selector` finds. (Puppeteer's locators wait for a
 * stable box with animation frames, which never settles in headless
 * Firefox here; an element handle clicks at once.)
 */
async function click(page, selector) {
  const element = await find(page, selector);
  await element.click();
}

/** Types `text` into the empty field `selector` finds, key by key. */
async function type(page, selector, text) {
  const element = await find(page, selector);
  await element.focus();
  await element.type(text);
}

/** Gives `path` to the file input named `label`. */
async function upload(page, label, path) {
  const text = await find(page, `label::-p-text(${label})`);
  const id = await text.evaluate((l) => l.htmlFor);
  const input = await find(page, `#${id}`);
  await input.uploadFile(path);
}

test('Firefox: answers by label survive a reload, and the PDF and the answer file carry them', async () => {
  const { page, errors } = await open(server.url);
  await click(page, aria('Start a new draft', 'button'));
  await type(page, aria('Legal name of the organization', 'textbox'), 'Firefox Valley Clinic');
  await click(page, aria('Canada', 'radio'));
  await click(page, aria('Ontario', 'radio'));
  await find(page, aria('Firefox Valley Clinic Social Media Policy', 'heading'));
  await stored(page, 'Firefox Valley Clinic');

  await page.reload();
  const name = await find(page, aria('Legal name of the organization', 'textbox'));
  assert.equal(await name.evaluate((e) => e.value), 'Firefox Valley Clinic');

  // The PDF comes from the worker and is saved by Firefox itself, once
  // the question about the unanswered questions is answered.
  await click(page, aria('Export PDF', 'button'));
  await click(page, aria('Export anyway', 'button'));
  const pdf = await savedFile(downloads, /^firefox-valley-clinic-social-media-policy-\d{4}-\d{2}-\d{2}\.pdf$/);
  assert.equal((await readFile(pdf.path)).subarray(0, 5).toString(), '%PDF-');
  const text = flat(pdfText(pdf.path));
  assert.match(text, /Firefox Valley Clinic Social Media Policy/);
  assert.match(text, /Personal Health Information Protection Act/);
  await shows(page, 'PDF downloaded (');

  await click(page, aria('Download answer file', 'button'));
  answerFile = await savedFile(downloads, /^firefox-valley-clinic-answers-\d{4}-\d{2}-\d{2}\.yaml$/);
  const yaml = await readFile(answerFile.path, 'utf8');
  assert.match(yaml, /^format: social-media-policy-builder\/answers$/m);
  assert.match(yaml, /^  legal_name: Firefox Valley Clinic$/m);

  // Importing it next to the draft it came from asks first, then keeps both.
  await click(page, aria('All drafts', 'link'));
  await find(page, aria('Your drafts', 'heading'));
  await upload(page, 'Import an answer file', answerFile.path);
  await find(page, aria('You already have this draft', 'alertdialog'));
  await click(page, aria('Keep both', 'button'));
  await find(page, aria('Firefox Valley Clinic (imported)', 'link'));
  assert.deepEqual(errors, []);
  await page.close();
});

test('Firefox: once the service worker controls the page, a reload with the server gone still opens the app', async () => {
  const own = await serveDist();
  const context = await browser.createBrowserContext();
  const { page, errors } = await open(own.url, context);
  await page.evaluate(() => navigator.serviceWorker.ready);
  await until(page, () => navigator.serviceWorker.controller !== null);
  await own.close();
  assert.equal(await page.evaluate(() => fetch(`/not-cached-${Math.random()}`).then(() => 'reached', () => 'blocked')), 'blocked');
  await page.reload();
  await find(page, aria('Your drafts', 'heading'));
  await click(page, aria('Start a new draft', 'button'));
  await type(page, aria('Legal name of the organization', 'textbox'), 'Offline Fox Clinic');
  await find(page, aria('Offline Fox Clinic Social Media Policy', 'heading'));
  // The refused probe above is logged as an error (in its own time); only
  // the others count.
  assert.deepEqual(errors.filter((e) => !e.includes('/not-cached-')), []);
  await context.close();
});

test('Firefox: a reviewer comments and decides on a draft file, and the authors see the review', async () => {
  assert.ok(answerFile, 'the first test wrote the answer file');
  const context = await browser.createBrowserContext();
  const reviewer = await open(server.url, context);
  const page = reviewer.page;
  await upload(page, 'Review a draft file', answerFile.path);
  await find(page, aria('Review this draft', 'heading'));
  await type(page, aria('Your name', 'textbox'), 'Ana Silva');
  await type(page, aria('Add a comment on this section', 'textbox'), 'Please name who approves posts.');
  await click(page, aria('Add comment', 'button'));
  await shows(page, 'Please name who approves posts.');
  await click(page, aria('Changes requested', 'radio'));
  await type(page, aria('Your role', 'textbox'), 'HR business partner');
  await click(page, aria('Request changes', 'radio'));
  await click(page, aria('Record decision', 'button'));
  await until(page, () => /Changes requested by Ana Silva \(HR business partner\)/.test(document.body.innerText));
  // Signed with a key Firefox keeps in IndexedDB (WebCrypto P-256).
  await shows(page, "Your decisions are signed with this browser's key");
  const fingerprint = await page.evaluate(() =>
    [...document.querySelectorAll('code')].map((c) => c.textContent.trim()).find((t) => /^([0-9A-F]{4} ){7}[0-9A-F]{4}$/.test(t)),
  );
  assert.ok(fingerprint, 'the reviewer sees their key\'s fingerprint');
  await click(page, aria('Download the reviewed file', 'button'));
  const reviewed = await savedFile(downloads, /\.yaml$/);
  const text = await readFile(reviewed.path, 'utf8');
  assert.match(text, /Please name who approves posts\./);
  assert.match(text, /reviewer: Ana Silva/);
  assert.match(text, /algorithm: ECDSA P-256 SHA-256/);
  assert.match(text, /signature: /);
  assert.deepEqual(reviewer.errors, []);
  await context.close();

  // The authors' browser already has the draft: the review joins it.
  const { page: authors, errors } = await open(server.url);
  await upload(authors, 'Import an answer file', reviewed.path);
  await find(authors, aria('You already have this draft', 'alertdialog'));
  await click(authors, aria('Add the review to the draft here', 'button'));
  // The import verifies the signature in Firefox too, and asks to trust
  // the first key with its fingerprint.
  await until(authors, (fp) => document.body.innerText.includes(`signed with key ${fp}; the signature was verified`), fingerprint);
  await find(authors, aria("Trust Ana Silva's key?", 'alertdialog'));
  await click(authors, aria('The fingerprints match: trust this key', 'button'));
  await shows(authors, `You now trust Ana Silva's key ${fingerprint}.`);
  await click(authors, aria('Firefox Valley Clinic', 'link'));
  await find(authors, aria('Review notes', 'note'));
  await shows(authors, 'Please name who approves posts.');
  await shows(authors, 'Review: Changes requested');
  assert.deepEqual(errors, []);
  await authors.close();
});
