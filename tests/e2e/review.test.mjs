// Offline review for HR, end to end in the release build: the app loads
// and works with the network cut off after the first visit; a reviewer
// opens a draft file, comments, approves, decides and sends the file back;
// the authors see the comments, resolve them and see what changed since.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { serveDist, launch, openApp, downloadOf, axeViolations, pdfText, flat, savedWith } from './harness.mjs';

let server;
let browser;
let draftFile;

before(async () => {
  server = await serveDist();
  browser = await launch();
  // The authors' side: a draft of the Lakeside sample, sent as a file.
  const { context, page } = await openApp(browser, server.url);
  await page.getByRole('button', { name: 'Lakeside Community Hospital (Ontario)' }).click();
  await page.getByLabel('Legal name of the organization').waitFor();
  draftFile = (await downloadOf(page, () => page.getByRole('button', { name: 'Download answer file' }).click())).path;
  await context.close();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/**
 * Opens the app from a server of its own, waits until the service worker
 * controls the page, then stops that server and cuts the network: from
 * then on nothing can answer but the service worker.
 */
/** What the page and its service worker registration say, for a failure message. */
async function serviceWorkerState(page) {
  const banner = await page.getByText('A new version of the app is ready').count();
  const state = await page
    .evaluate(async () => {
      const r = await navigator.serviceWorker.getRegistration();
      const w = (x) => x && `${x.state}`;
      return JSON.stringify({
        controller: navigator.serviceWorker.controller?.state ?? null,
        installing: w(r?.installing),
        waiting: w(r?.waiting),
        active: w(r?.active),
      });
    })
    .catch((e) => `(page unavailable: ${e})`);
  return `service worker: ${state}; update banner shown: ${banner}`;
}

async function openOffline() {
  const own = await serveDist();
  const opened = await openApp(browser, own.url);
  const { page, context } = opened;
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await own.close();
  await context.setOffline(true);
  await page.reload();
  await page.getByRole('heading', { name: 'Your drafts', level: 1 }).waitFor();
  return opened;
}

test('with the network off: open a draft file, comment, approve, decide, export, and the PDF still works', async () => {
  const { context, page, errors } = await openOffline();
  // Nothing can reach the network now; the app still starts.
  const probe = () => fetch(`/not-cached-${Math.random()}`).then(() => 'reached', () => 'blocked');
  assert.equal(await page.evaluate(probe), 'blocked');
  await page.getByLabel('Review a draft file').setInputFiles(draftFile);
  await page.getByRole('heading', { name: 'Review this draft' }).waitFor();
  assert.deepEqual(await axeViolations(page), [], 'axe on the review page');

  await page.getByLabel('Your name').fill('Ana Silva');
  const sections = page.getByRole('navigation', { name: 'Sections to review' });
  await sections.getByRole('button', { name: /Patient privacy/ }).click();
  await page.getByLabel('Add a comment on this section').fill('Please say who approves patient stories.');
  await page.getByRole('button', { name: 'Add comment' }).click();
  await page.getByText('Please say who approves patient stories.').waitFor();
  await page.getByLabel('Reply to Ana Silva').fill('Also name the consent form.');
  // A half-written reply survives the comment list being redrawn.
  await page.getByRole('group', { name: 'Your verdict on this section' }).getByLabel('Changes requested').check();
  await sections.getByText(/Changes requested, 1 comment/).waitFor();
  assert.equal(await page.getByLabel('Reply to Ana Silva').inputValue(), 'Also name the consent form.');
  await page.getByRole('button', { name: 'Reply', exact: true }).click();
  await page.getByText('Also name the consent form.').waitFor();
  await sections.getByText(/Changes requested, 1 comment/).waitFor();

  await sections.getByRole('button', { name: /Why we use social media/ }).click();
  await page.getByRole('group', { name: 'Your verdict on this section' }).getByLabel('Approved').check();
  await sections.getByText('Approved', { exact: true }).waitFor();

  await page.getByLabel('Your role').fill('HR business partner');
  await page.getByRole('group', { name: 'Decision on the whole policy' }).getByLabel('Request changes').check();
  await page.getByRole('button', { name: 'Record decision' }).click();
  await page.getByText(/Changes requested by Ana Silva \(HR business partner\), \d{4}-\d{2}-\d{2}/).waitFor();
  assert.deepEqual(await axeViolations(page), [], 'axe after the decision');

  const reviewed = await downloadOf(page, () => page.getByRole('button', { name: 'Download the reviewed file' }).click());
  const text = await readFile(reviewed.path, 'utf8');
  assert.match(text, /Please say who approves patient stories\./);
  assert.match(text, /verdict: changes_requested/);
  assert.match(text, /reviewer: Ana Silva/);

  // Every feature works offline, the PDF included.
  await page.getByRole('link', { name: 'Questions', exact: true }).click();
  const pdf = await downloadOf(page, () => page.getByRole('button', { name: 'Export PDF' }).click());
  const printed = flat(pdfText(pdf.path));
  assert.match(printed, /Lakeside/);
  // The approval record and version history close the exported policy.
  assert.match(printed, /Approval record/);
  assert.match(printed, /Ana Silva \(HR business partner\): changes requested on \d+ \w+ \d{4}\./);
  assert.match(printed, /Sections approved: \d+ Why we use social media\./);
  assert.match(printed, /Version history/);
  assert.deepEqual(errors, []);
  await context.close();

  // Back with the authors, who kept editing their copy after sending it:
  // the file's review is added to their draft without losing their edit.
  const authors = await openApp(browser, server.url);
  await authors.page.getByLabel('Import an answer file').setInputFiles(draftFile);
  await authors.page.getByRole('link', { name: 'Lakeside', exact: true }).click();
  await authors.page.getByLabel('Short name staff use').fill('Lakeside Edited');
  await savedWith(authors.page, 'Lakeside Edited');
  await authors.page.getByRole('link', { name: 'All drafts' }).click();
  await authors.page.getByLabel('Import an answer file').setInputFiles(reviewed.path);
  const clash = authors.page.getByRole('alertdialog', { name: 'You already have this draft' });
  await clash.getByRole('button', { name: 'Add the review to the draft here' }).click();
  await authors.page.getByRole('link', { name: 'Lakeside Edited', exact: true }).click();
  assert.equal(await authors.page.getByLabel('Short name staff use').inputValue(), 'Lakeside Edited');
  const preview = authors.page.getByRole('complementary', { name: 'Policy preview' });
  const notes = preview.getByRole('note', { name: 'Review notes' });
  await notes.getByText('Please say who approves patient stories.').first().waitFor();
  await notes.getByText('Review: Changes requested').waitFor();
  await authors.page.getByRole('link', { name: 'Check answers' }).click();
  const open = authors.page.getByRole('region', { name: 'Open review comments' });
  await open.getByText('Please say who approves patient stories.').waitFor();
  await authors.page.getByRole('link', { name: 'Questions', exact: true }).click();
  await notes.getByRole('button', { name: 'Mark resolved: Please say who approves patient stories.' }).click();
  // Focus stays in the policy: on the heading of the section it was about.
  await authors.page.waitForFunction(() => /^preview-/.test(document.activeElement?.id ?? ''));
  await authors.page.getByRole('link', { name: 'Check answers' }).click();
  await authors.page.getByRole('heading', { name: 'Check your answers' }).waitFor();
  assert.equal(await open.count(), 0);

  // An edit to a reviewed section is shown word by word against the reviewed text.
  await authors.page.getByRole('link', { name: 'Questions', exact: true }).click();
  await authors.page.getByLabel('Legal name of the organization').fill('Lakeside Regional Hospital');
  const since = preview.locator('details.since-review').first();
  await since.locator('summary').click();
  await since.locator('ins', { hasText: 'Regional' }).first().waitFor();
  await since.locator('del', { hasText: 'Community' }).first().waitFor();
  assert.deepEqual(await axeViolations(authors.page), [], 'axe with review notes');
  await authors.context.close();
});

test('a tampered review file is refused with its lines and changes nothing', async () => {
  const { context, page } = await openApp(browser, server.url);
  const good = await readFile(draftFile, 'utf8');
  const tampered = `${good}review:\n  sections:\n    privacy:\n      verdict: approved_by_ceo\n`;
  const path = `${draftFile}.tampered.yaml`;
  await writeFile(path, tampered);
  const before = await page.evaluate(() => JSON.stringify(localStorage));
  await page.getByLabel('Review a draft file').setInputFiles(path);
  // The message says what the reviewer was doing.
  const problems = page.getByRole('alert').filter({ hasText: 'The draft file could not be opened for review' });
  await problems.getByText(/approved_by_ceo/).waitFor();
  await problems.getByText(/\.tampered\.yaml:\d+:\d+/).waitFor();
  assert.equal(await page.evaluate(() => JSON.stringify(localStorage)), before);
  await context.close();
});

/** The text of the elements that describe `locator` (aria-describedby). */
async function description(locator) {
  return locator.evaluate((el) =>
    (el.getAttribute('aria-describedby') ?? '')
      .split(/\s+/)
      .filter(Boolean)
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' '),
  );
}

/** Opens the draft file in review mode; resolves to { context, page, errors, sections }. */
async function openReview() {
  const opened = await openApp(browser, server.url);
  await opened.page.getByLabel('Review a draft file').setInputFiles(draftFile);
  await opened.page.getByRole('heading', { name: 'Review this draft' }).waitFor();
  return { ...opened, sections: opened.page.getByRole('navigation', { name: 'Sections to review' }) };
}

/** As Ana Silva, approves section `title` and records the decision `decision`. */
async function approveAndDecide(page, sections, title = '1 Why we use social media', decision = 'Approve the policy') {
  await page.getByLabel('Your name').fill('Ana Silva');
  await sections.getByRole('button', { name: title }).click();
  await page.getByRole('group', { name: 'Your verdict on this section' }).getByLabel('Approved').check();
  await page.getByLabel('Your role').fill('HR business partner');
  await page.getByRole('group', { name: 'Decision on the whole policy' }).getByLabel(decision).check();
  await page.getByRole('button', { name: 'Record decision' }).click();
  await page.getByRole('region', { name: 'Your decision' }).getByRole('listitem').first().waitFor();
}

test('"Next section" walks every section, and each section is numbered and titled once', async () => {
  const { context, page, errors, sections } = await openReview();
  // The titles carry their numbers; the list adds none of its own.
  const markers = await sections.getByRole('listitem').evaluateAll((lis) => lis.map((li) => getComputedStyle(li).listStyleType));
  assert.ok(markers.length > 10, `${markers.length} sections`);
  assert.deepEqual([...new Set(markers)], ['none'], 'list markers before the section numbers');
  // The section's title shows once, as its heading.
  assert.equal(await page.locator('.review-section').getByText('1 Why we use social media', { exact: true }).count(), 1);
  // "Next section" is a button that says so, and walks every section.
  const next = page.getByRole('button', { name: 'Next section', exact: true });
  const heading = page.locator('#review-section');
  for (let n = 2; n <= markers.length; n++) {
    assert.equal(await next.isEnabled(), true, `Next section on section ${n - 1}`);
    await next.click();
    await heading.filter({ hasText: new RegExp(`^${n} `) }).waitFor();
  }
  assert.equal(await next.isDisabled(), true, 'Next section on the last section');
  assert.deepEqual(await axeViolations(page), [], 'axe on the last section');
  assert.deepEqual(errors, []);
  await context.close();
});

test('an incomplete decision is shown as errors at the fields, with a summary linked to them', async () => {
  const { context, page, errors } = await openReview();
  await page.getByRole('button', { name: 'Record decision' }).click();
  const summary = page.getByRole('alert').filter({ hasText: 'Your decision could not be recorded yet' });
  await summary.waitFor();
  await page.waitForFunction(() => document.activeElement?.id === 'decision-errors');
  for (const name of ['Enter your name', 'Enter your role', 'Choose approve or request changes']) {
    await summary.getByRole('link', { name }).waitFor();
  }
  const role = page.getByLabel('Your role');
  assert.equal(await role.getAttribute('aria-invalid'), 'true');
  assert.match(await description(role), /Error: Enter your role/);
  assert.match(await description(page.getByRole('group', { name: 'Decision on the whole policy' })), /Choose approve or request changes/);
  assert.deepEqual(await axeViolations(page), [], 'axe with the decision errors');
  await summary.getByRole('link', { name: 'Enter your role' }).click();
  await page.waitForFunction(() => document.activeElement?.id === 'reviewer-role');
  // Complete, the errors go.
  await page.getByLabel('Your name').fill('Ana Silva');
  await role.fill('HR business partner');
  await page.getByRole('group', { name: 'Decision on the whole policy' }).getByLabel('Request changes').check();
  await page.getByRole('button', { name: 'Record decision' }).click();
  await page.getByRole('region', { name: 'Your decision' }).getByRole('listitem').first().waitFor();
  assert.equal(await summary.count(), 0);
  assert.equal(await role.getAttribute('aria-invalid'), null);
  assert.deepEqual(await axeViolations(page), [], 'axe after the decision');
  assert.deepEqual(errors, []);
  await context.close();
});

test('"Record decision" pressed twice records one decision', async () => {
  const { context, page, errors, sections } = await openReview();
  await approveAndDecide(page, sections);
  await page.getByRole('button', { name: 'Record decision' }).click();
  await page.getByRole('status').filter({ hasText: 'This decision is already recorded: Approved.' }).waitFor();
  assert.equal(await page.getByRole('region', { name: 'Your decision' }).getByRole('listitem').count(), 1);
  const reviewed = await downloadOf(page, () => page.getByRole('button', { name: 'Download the reviewed file' }).click());
  const text = await readFile(reviewed.path, 'utf8');
  assert.equal([...text.matchAll(/reviewer: Ana Silva/g)].length, 1, text);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the reviewed file is named as reviewed, by whom and when', async () => {
  const { context, page, errors, sections } = await openReview();
  await approveAndDecide(page, sections);
  const reviewed = await downloadOf(page, () => page.getByRole('button', { name: 'Download the reviewed file' }).click());
  assert.match(reviewed.name, /^lakeside-reviewed-by-ana-silva-\d{4}-\d{2}-\d{2}\.yaml$/);
  assert.notEqual(reviewed.name, draftFile.split('/').pop());
  await page.getByRole('status').filter({ hasText: `Downloaded "${reviewed.name}".` }).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test("review notes sit under their own section's heading in the preview", async () => {
  const { context, page, errors, sections } = await openReview();
  await approveAndDecide(page, sections);
  await sections.getByRole('button', { name: /Patient privacy/ }).click();
  await page.getByLabel('Add a comment on this section').fill('Name the consent form.');
  await page.getByRole('button', { name: 'Add comment' }).click();
  await page.getByText('Name the consent form.').waitFor();
  await page.getByRole('link', { name: 'Questions', exact: true }).click();
  const notes = page.getByRole('complementary', { name: 'Policy preview' }).getByRole('note', { name: 'Review notes' });
  await notes.getByText('Review: Approved', { exact: true }).waitFor();
  const owners = await notes.evaluateAll((all) =>
    all.map((n) => {
      const section = n.closest('section');
      return section ? section.querySelector('h2')?.textContent : `(outside any section, after "${n.previousElementSibling?.textContent?.slice(-40)}")`;
    }),
  );
  assert.deepEqual(owners, ['1 Why we use social media', '6 Patient privacy']);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the "changed since reviewed" difference keeps the paragraphs and list items of its section', async () => {
  const { context, page, errors, sections } = await openReview();
  await approveAndDecide(page, sections);
  await page.getByRole('link', { name: 'Questions', exact: true }).click();
  const notes = page.getByRole('complementary', { name: 'Policy preview' }).getByRole('note', { name: 'Review notes' });
  await notes.first().waitFor();
  await page.getByLabel('Legal name of the organization').fill('Lakeside Regional Hospital');
  const since = notes.locator('details.since-review');
  await since.locator('summary').click();
  await since.locator('ins', { hasText: 'Regional' }).first().waitFor();
  // The heading and the section's six paragraphs, then its five purposes
  // as a list.
  assert.equal(await since.locator('.diff p').count(), 7, 'paragraphs of the difference');
  assert.equal(await since.locator('.diff ul li').count(), 5, 'the purposes, as a list');
  assert.deepEqual(await axeViolations(page), [], 'axe with the difference open');
  assert.deepEqual(errors, []);
  await context.close();
});

test('an approval of a section changed since is out of date: in the preview, on the check page, on the cover and in the record', async () => {
  const { context, page, errors, sections } = await openReview();
  await approveAndDecide(page, sections);
  await page.getByRole('link', { name: 'Questions', exact: true }).click();
  const notes = page.getByRole('complementary', { name: 'Policy preview' }).getByRole('note', { name: 'Review notes' });
  await notes.getByText('Review: Approved', { exact: true }).waitFor();
  await page.getByLabel('Legal name of the organization').fill('Lakeside Regional Hospital');
  await notes.getByText('Review: Approved, but changed since: review again').waitFor();
  assert.deepEqual(await axeViolations(page), [], 'axe with an out-of-date approval');

  await page.getByRole('link', { name: 'Check answers' }).click();
  const outdated = page.getByRole('region', { name: 'Approvals out of date' });
  await outdated.getByText('1 Why we use social media').waitFor();
  assert.deepEqual(await axeViolations(page), [], 'axe on the check page');

  const pdf = await downloadOf(page, () => page.getByRole('button', { name: 'Export PDF' }).click());
  const raw = pdfText(pdf.path);
  const cover = flat(raw.split('\f')[0]);
  assert.match(cover, /Approval status In review/, cover);
  const printed = flat(raw);
  assert.match(printed, /Sections approved before their text changed, to be reviewed again: 1 Why we use social media\./);
  assert.doesNotMatch(printed, /Sections approved: /);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the PDF with an approval record has one "Version history", the policy\'s own', async () => {
  const { context, page, errors, sections } = await openReview();
  await approveAndDecide(page, sections);
  await page.getByRole('link', { name: 'Questions', exact: true }).click();
  const pdf = await downloadOf(page, () => page.getByRole('button', { name: 'Export PDF' }).click());
  const printed = flat(pdfText(pdf.path));
  assert.match(printed, /Sections approved: 1 Why we use social media\./);
  const record = printed.slice(printed.lastIndexOf('Approval record'));
  assert.doesNotMatch(record, /Version history/, record);
  assert.match(record, /Reviews by version: 1\. (Version [^,]+|Unnumbered version), \d+ \w+ \d{4}: reviewed by Ana Silva, approved\./, record);
  assert.deepEqual(errors, []);
  await context.close();
});

test('importing a file without a review again does not offer to add its review', async () => {
  const { context, page } = await openApp(browser, server.url);
  await page.getByLabel('Import an answer file').setInputFiles(draftFile);
  await page.getByRole('link', { name: 'Lakeside', exact: true }).waitFor();
  await page.getByLabel('Import an answer file').setInputFiles(draftFile);
  const clash = page.getByRole('alertdialog', { name: 'You already have this draft' });
  await clash.waitFor();
  const said = await clash.innerText();
  assert.doesNotMatch(said, /Add the file's review/);
  assert.match(said, /The file holds no review\./);
  assert.equal(await clash.getByRole('button', { name: 'Add the review to the draft here' }).count(), 0);
  assert.deepEqual(await axeViolations(page), [], 'axe with the clash dialog');
  await context.close();
});

test('open comments are listed in the order of the policy and resolved on the check page', async () => {
  const good = await readFile(draftFile, 'utf8');
  const path = `${draftFile}.two-comments.yaml`;
  await writeFile(
    path,
    `${good}review:
  sections:
    a_retired_section:
      comments:
        - { id: c1, author: Old Reviewer, at: '2026-01-05T10:00:00Z', text: This part was dropped. }
    scope:
      comments:
        - { id: c2, author: Ana Silva, at: '2026-01-05T10:00:00Z', text: Add volunteers. }
`,
  );
  const { context, page, errors } = await openApp(browser, server.url);
  await page.getByLabel('Import an answer file').setInputFiles(path);
  await page.getByRole('link', { name: 'Lakeside', exact: true }).click();
  await page.getByRole('link', { name: 'Check answers' }).click();
  const open = page.getByRole('region', { name: 'Open review comments' });
  const items = open.getByRole('listitem');
  await items.first().waitFor();
  // The policy's order, not the alphabet; a section the policy no longer
  // has comes last, and its comment can still be resolved.
  assert.match(await items.nth(0).innerText(), /Scope - Ana Silva: Add volunteers\./);
  assert.match(await items.nth(1).innerText(), /A section the policy no longer has - Old Reviewer: This part was dropped\./);
  assert.deepEqual(await axeViolations(page), [], 'axe with open comments');
  await open.getByRole('button', { name: 'Mark resolved: Add volunteers.' }).click();
  await page.waitForFunction(() => document.activeElement?.getAttribute('aria-label') === 'Mark resolved: This part was dropped.');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.id === 'check-heading');
  assert.equal(await open.count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a reload switches to a new version that waits, before anything is typed', async () => {
  const { context, page } = await openApp(browser, server.url);
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  const first = await page.evaluate(() => caches.keys());
  server.transform((path, body) =>
    path.endsWith('/sw.js') ? body.toString().replace(/const VERSION = '[^']*';/, "const VERSION = 'reloaded-build';") : body,
  );
  await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update()));
  await page.getByText('A new version of the app is ready').waitFor();
  // Requests while the page loads (as the browser's own, for the icon)
  // reach the old version: in Chromium, one that lands as the old version
  // hands over leaves the new one waiting until the old one idles, so the
  // page asks for the switch once it has settled.
  await context.addInitScript(() => {
    const end = performance.now() + 600;
    (async () => {
      for (let i = 0; performance.now() < end; i++) {
        await fetch(`./manifest.webmanifest?load-${i}`).catch(() => {});
      }
    })();
  });
  await page.reload();
  // The new version takes over and the page loads again under it.
  const deadline = Date.now() + 15_000;
  let keys = [];
  while (Date.now() < deadline) {
    keys = await page.evaluate(() => caches.keys()).catch(() => []);
    if (keys.includes('policy-builder-reloaded-build') && !first.some((k) => keys.includes(k))) break;
    await page.waitForTimeout(100);
  }
  server.transform(null);
  assert.deepEqual(keys, ['policy-builder-reloaded-build'], await serviceWorkerState(page));
  await page.getByRole('heading', { name: 'Your drafts', level: 1 }).waitFor();
  await page.waitForFunction(() => navigator.serviceWorker.getRegistration().then((r) => r.waiting === null && r.active !== null));
  assert.equal(await page.getByText('A new version of the app is ready').count(), 0);
  await context.close();
});

test('a reload leaves a new version waiting while another tab of the app is open', async () => {
  const { context, page } = await openApp(browser, server.url);
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  const other = await context.newPage();
  await other.goto(server.url);
  await other.getByRole('button', { name: 'Start a new draft' }).click();
  await other.getByLabel('Legal name of the organization').fill('Other Tab Clinic');
  const first = await page.evaluate(() => caches.keys());
  server.transform((path, body) =>
    path.endsWith('/sw.js') ? body.toString().replace(/const VERSION = '[^']*';/, "const VERSION = 'two-tab-build';") : body,
  );
  await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update()));
  await page.getByText('A new version of the app is ready').waitFor();
  await page.reload();
  // The worker declines to take over under the other tab: this page says
  // the new version waits, and the old version still serves both.
  await page.getByText('A new version of the app is ready').waitFor();
  assert.equal(await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.waiting !== null)), true);
  const keys = await page.evaluate(() => caches.keys());
  assert.ok(first.every((k) => keys.includes(k)), `the old version's files are kept: ${keys}`);
  assert.equal(await other.getByLabel('Legal name of the organization').inputValue(), 'Other Tab Clinic');
  // With the other tab closed, a reload switches.
  await other.close();
  await page.reload();
  const deadline = Date.now() + 15_000;
  let after = [];
  while (Date.now() < deadline) {
    after = await page.evaluate(() => caches.keys()).catch(() => []);
    if (after.length === 1 && after[0] === 'policy-builder-two-tab-build') break;
    await page.waitForTimeout(100);
  }
  server.transform(null);
  assert.deepEqual(after, ['policy-builder-two-tab-build'], await serviceWorkerState(page));
  await context.close();
});

test('a new version is announced and waits to be used', async () => {
  const { context, page } = await openApp(browser, server.url);
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  // The next build: the same worker with another version stamp.
  server.transform((path, body) =>
    path.endsWith('/sw.js') ? body.toString().replace(/const VERSION = '[^']*';/, "const VERSION = 'next-build';") : body,
  );
  await page.getByRole('button', { name: 'Start a new draft' }).click();
  await page.getByLabel('Legal name of the organization').fill('Mid-edit Clinic');
  await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update()));
  await page.getByText('A new version of the app is ready').waitFor();
  // Nothing was reloaded under the user.
  assert.equal(await page.getByLabel('Legal name of the organization').inputValue(), 'Mid-edit Clinic');
  await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Use it now' }).click()]);
  server.transform(null);
  await page.getByLabel('Legal name of the organization').waitFor();
  assert.equal(await page.getByLabel('Legal name of the organization').inputValue(), 'Mid-edit Clinic');
  assert.ok((await page.evaluate(() => caches.keys())).includes('policy-builder-next-build'));
  await context.close();
});
