// The same app in Debian's Firefox ESR, driven by puppeteer-core over
// WebDriver BiDi: answering by label, a reload, the PDF read back, an
// answer file out and in, an offline reload served by the service worker,
// and a review round trip. One browser for the whole file (a launch costs
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
  await page.waitForSelector('#main');
  return { page, errors };
}

/** Resolves once the page's text includes `text`. */
const shows = (page, text) => page.waitForFunction((t) => document.body.innerText.includes(t), {}, text);

/** Resolves once a stored draft holds `text` (the save really happened). */
const stored = (page, text) =>
  page.waitForFunction(
    (t) =>
      Object.keys(localStorage).some(
        (k) => k.startsWith('policy-builder/drafts/') && (localStorage.getItem(k) ?? '').includes(t),
      ),
    {},
    text,
  );

/** Gives `path` to the file input named `label`. */
async function upload(page, label, path) {
  const input = await page.waitForSelector(`input[type="file"][aria-label="${label}"], ::-p-aria(${label})`);
  await input.uploadFile(path);
}

test('Firefox: answers by label survive a reload, and the PDF and the answer file carry them', async () => {
  const { page, errors } = await open(server.url);
  await page.locator(aria('Start a new draft', 'button')).click();
  await page.locator(aria('Legal name of the organization', 'textbox')).fill('Firefox Valley Clinic');
  await page.locator(aria('Canada', 'radio')).click();
  await page.locator(aria('Ontario', 'radio')).click();
  await page.waitForSelector(aria('Firefox Valley Clinic Social Media Policy', 'heading'));
  await stored(page, 'Firefox Valley Clinic');

  await page.reload();
  const name = await page.waitForSelector(aria('Legal name of the organization', 'textbox'));
  assert.equal(await name.evaluate((e) => e.value), 'Firefox Valley Clinic');

  // The PDF comes from the worker and is saved by Firefox itself.
  await page.locator(aria('Export PDF', 'button')).click();
  const pdf = await savedFile(downloads, /^firefox-valley-clinic-social-media-policy-\d{4}-\d{2}-\d{2}\.pdf$/);
  assert.equal((await readFile(pdf.path)).subarray(0, 5).toString(), '%PDF-');
  const text = flat(pdfText(pdf.path));
  assert.match(text, /Firefox Valley Clinic Social Media Policy/);
  assert.match(text, /Personal Health Information Protection Act/);
  await shows(page, 'PDF downloaded (');

  await page.locator(aria('Download answer file', 'button')).click();
  answerFile = await savedFile(downloads, /^firefox-valley-clinic-answers-\d{4}-\d{2}-\d{2}\.yaml$/);
  const yaml = await readFile(answerFile.path, 'utf8');
  assert.match(yaml, /^format: social-media-policy-builder\/answers$/m);
  assert.match(yaml, /^  legal_name: Firefox Valley Clinic$/m);

  // Importing it next to the draft it came from asks first, then keeps both.
  await page.locator(aria('All drafts', 'link')).click();
  await page.waitForSelector(aria('Your drafts', 'heading'));
  await upload(page, 'Import an answer file', answerFile.path);
  await page.waitForSelector(aria('You already have this draft', 'alertdialog'));
  await page.locator(aria('Keep both', 'button')).click();
  await page.waitForSelector(aria('Firefox Valley Clinic (imported)', 'link'));
  assert.deepEqual(errors, []);
  await page.close();
});

test('Firefox: once the service worker controls the page, a reload with the server gone still opens the app', async () => {
  const own = await serveDist();
  const context = await browser.createBrowserContext();
  const { page, errors } = await open(own.url, context);
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await own.close();
  assert.equal(await page.evaluate(() => fetch(`/not-cached-${Math.random()}`).then(() => 'reached', () => 'blocked')), 'blocked');
  await page.reload();
  await page.waitForSelector(aria('Your drafts', 'heading'));
  await page.locator(aria('Start a new draft', 'button')).click();
  await page.locator(aria('Legal name of the organization', 'textbox')).fill('Offline Fox Clinic');
  await page.waitForSelector(aria('Offline Fox Clinic Social Media Policy', 'heading'));
  assert.deepEqual(errors, []);
  await context.close();
});

test('Firefox: a reviewer comments and decides on a draft file, and the authors see the review', async () => {
  assert.ok(answerFile, 'the first test wrote the answer file');
  const context = await browser.createBrowserContext();
  const reviewer = await open(server.url, context);
  const page = reviewer.page;
  await upload(page, 'Review a draft file', answerFile.path);
  await page.waitForSelector(aria('Review this draft', 'heading'));
  await page.locator(aria('Your name', 'textbox')).fill('Ana Silva');
  await page.locator(aria('Add a comment on this section', 'textbox')).fill('Please name who approves posts.');
  await page.locator(aria('Add comment', 'button')).click();
  await shows(page, 'Please name who approves posts.');
  await page.locator(aria('Changes requested', 'radio')).click();
  await page.locator(aria('Your role', 'textbox')).fill('HR business partner');
  await page.locator(aria('Request changes', 'radio')).click();
  await page.locator(aria('Record decision', 'button')).click();
  await page.waitForFunction(() => /Changes requested by Ana Silva \(HR business partner\)/.test(document.body.innerText));
  await page.locator(aria('Download the reviewed file', 'button')).click();
  const reviewed = await savedFile(downloads, /\.yaml$/);
  const text = await readFile(reviewed.path, 'utf8');
  assert.match(text, /Please name who approves posts\./);
  assert.match(text, /reviewer: Ana Silva/);
  assert.deepEqual(reviewer.errors, []);
  await context.close();

  // The authors' browser already has the draft: the review joins it.
  const { page: authors, errors } = await open(server.url);
  await upload(authors, 'Import an answer file', reviewed.path);
  await authors.waitForSelector(aria('You already have this draft', 'alertdialog'));
  await authors.locator(aria('Add the review to the draft here', 'button')).click();
  await authors.locator(aria('Firefox Valley Clinic', 'link')).click();
  await authors.waitForSelector(aria('Review notes', 'note'));
  await shows(authors, 'Please name who approves posts.');
  await shows(authors, 'Review: Changes requested');
  assert.deepEqual(errors, []);
  await authors.close();
});
