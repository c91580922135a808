// One finished Document for every exporter: what the page hands the PDF
// worker for a reviewed draft is exactly what `fill::finish` makes natively
// from the same reviewed file (examples/finish.rs), so the Document the
// native tests check is the one that is exported.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { serveDist, launch, openApp, downloadOf } from './harness.mjs';

let server;
let browser;

before(async () => {
  server = await serveDist();
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

// Keeps every message the page posts to a worker, as sent.
const recordWorkerMessages = () => {
  window.__posted = [];
  const post = Worker.prototype.postMessage;
  Worker.prototype.postMessage = function (message, ...rest) {
    window.__posted.push(message);
    return post.call(this, message, ...rest);
  };
};

test('the Document the PDF worker receives for a reviewed draft is the one finish makes natively', async () => {
  const authors = await openApp(browser, server.url);
  await authors.page.getByRole('button', { name: 'Lakeside Community Hospital (Ontario)' }).click();
  await authors.page.getByLabel('Legal name of the organization').waitFor();
  const draft = await downloadOf(authors.page, () =>
    authors.page.getByRole('button', { name: 'Download answer file' }).click(),
  );
  await authors.context.close();

  const { context, page, errors } = await openApp(browser, server.url, { init: recordWorkerMessages });
  await page.getByLabel('Review a draft file').setInputFiles(draft.path);
  await page.getByRole('heading', { name: 'Review this draft' }).waitFor();
  await page.getByLabel('Your name').fill('Ana Silva');
  const sections = page.getByRole('navigation', { name: 'Sections to review' });
  await sections.getByRole('button', { name: /Scope/ }).click();
  await page.getByRole('group', { name: 'Your verdict on this section' }).getByLabel('Approved').check();
  await page.getByLabel('Your role').fill('HR business partner');
  await page.getByRole('group', { name: 'Decision on the whole policy' }).getByLabel('Approve the policy').check();
  await page.getByRole('button', { name: 'Record decision' }).click();
  await page.getByText(/Approved by Ana Silva/).waitFor();
  const reviewed = await downloadOf(page, () => page.getByRole('button', { name: 'Download the reviewed file' }).click());

  await page.getByRole('link', { name: 'Questions', exact: true }).click();
  await downloadOf(page, () => page.getByRole('button', { name: 'Export PDF' }).click());
  // The export appends the revision history as of the page's today.
  const today = await page.evaluate(() => {
    const d = new Date();
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  });
  const sent = await page.evaluate(() =>
    window.__posted.map((m) => JSON.parse(m)).find((m) => m.document && m.kind === 'policy'),
  );
  assert.ok(sent, 'the page sent the worker a policy to make');
  assert.equal(sent.document.cover.approval, 'approved', 'the cover follows the decision');

  const native = JSON.parse(
    execFileSync('cargo', ['run', '--quiet', '--example', 'finish', '--', reviewed.path, today], { encoding: 'utf8' }),
  );
  assert.deepEqual(sent.document, native);
  assert.deepEqual(errors, []);
  await context.close();
});
