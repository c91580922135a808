// The drafting experience, end to end in the release build: the drafts
// page, check answers, answer files, a custom clause library, storage
// faults, and axe-core on every page and state.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite, openApp, openDraft, downloadOf, axeViolations, savedWith } from './harness.mjs';

const PREFIX = 'policy-builder/drafts/';
const env = suite();

const storedKeys = (page) =>
  page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('policy-builder/drafts/')).sort());

async function noAxe(page, where) {
  assert.deepEqual(await axeViolations(page), [], `axe violations: ${where}`);
}

async function tempFile(name, text) {
  const dir = await mkdtemp(join(tmpdir(), 'policy-up-'));
  const path = join(dir, name);
  await writeFile(path, text);
  return path;
}

test('drafts: create, rename, duplicate, delete and undo, each listed with its name and time', async () => {
  const { context, page, errors } = await openDraft(env.browser, env.server.url);
  await page.getByLabel('Legal name of the organization').fill('Harbour Clinic');
  await savedWith(page, 'Harbour Clinic');
  await page.getByRole('link', { name: 'All drafts', exact: true }).click();
  await page.getByRole('heading', { name: 'Your drafts', level: 1 }).waitFor();
  await noAxe(page, 'drafts page');

  const list = page.getByRole('region', { name: 'Saved in this browser' });
  await list.getByRole('link', { name: 'Harbour Clinic', exact: true }).waitFor();
  await list.getByText(/^Last changed /).first().waitFor();

  await list.getByRole('button', { name: 'Rename Harbour Clinic' }).click();
  const rename = page.getByLabel('New name for "Harbour Clinic"');
  await page.waitForFunction(() => document.activeElement?.id.startsWith('rename-'));
  await rename.fill('Harbour: board draft');
  await noAxe(page, 'rename form');
  await page.getByRole('button', { name: 'Save name' }).click();
  await list.getByRole('link', { name: 'Harbour: board draft', exact: true }).waitFor();

  await list.getByRole('button', { name: 'Duplicate Harbour: board draft' }).click();
  await list.getByRole('link', { name: 'Copy of Harbour: board draft', exact: true }).waitFor();
  assert.equal((await storedKeys(page)).length, 2);

  // The copy has a quiz score and a demo link's note; they go with it.
  const companions = await page.evaluate(() => {
    const key = Object.keys(localStorage).find(
      (k) => k.startsWith('policy-builder/drafts/') && JSON.parse(localStorage.getItem(k)).name === 'Copy of Harbour: board draft',
    );
    const id = key.split('/').pop();
    localStorage.setItem(`policy-builder/quiz/${id}/privacy_basics`, '{"right":2,"answered":3}');
    localStorage.setItem('policy-builder/demo/ontario-hospital', id);
    return [`policy-builder/quiz/${id}/privacy_basics`, 'policy-builder/demo/ontario-hospital'];
  });
  const present = () => page.evaluate((keys) => keys.filter((k) => localStorage.getItem(k) !== null), companions);
  assert.deepEqual(await present(), companions);

  await list.getByRole('button', { name: 'Delete Copy of Harbour: board draft' }).click();
  await page.getByRole('status').filter({ hasText: 'Deleted "Copy of Harbour: board draft".' }).waitFor();
  assert.equal((await storedKeys(page)).length, 1);
  assert.deepEqual(await present(), []);
  await page.waitForFunction(() => document.activeElement?.id === 'undo-delete');
  await page.getByRole('button', { name: 'Undo' }).click();
  await list.getByRole('link', { name: 'Copy of Harbour: board draft', exact: true }).waitFor();
  assert.equal((await storedKeys(page)).length, 2);
  assert.deepEqual(await present(), companions);

  // The copy is a draft of its own: changing it leaves the original alone.
  await list.getByRole('link', { name: 'Copy of Harbour: board draft', exact: true }).click();
  await page.getByLabel('Legal name of the organization').fill('Harbour Clinic West');
  await savedWith(page, 'Harbour Clinic West');
  await page.goBack();
  await list.getByRole('link', { name: 'Harbour: board draft', exact: true }).click();
  assert.equal(await page.getByLabel('Legal name of the organization').inputValue(), 'Harbour Clinic');
  assert.deepEqual(errors, []);
  await context.close();
});

test('check answers: every answer with a Change link that comes back, and warnings at the question', async () => {
  const { context, page, errors } = await openDraft(env.browser, env.server.url);
  await page.getByLabel('Legal name of the organization').fill('Check Clinic');
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Patient privacy' }).click();
  await page.getByRole('group', { name: 'May staff take photos or video of patients for official accounts?' }).getByLabel('Yes').check();
  // The warning shows at the question it concerns.
  const consent = page.getByLabel('Name of the consent form patients sign for photos and video');
  await page.locator('.question', { has: consent }).getByText(/^Check: /).waitFor();
  // A screen reader hears it with the field.
  assert.match(await description(consent), /Check: .*consent/i);

  await page.getByRole('link', { name: 'Check answers', exact: true }).click();
  await page.getByRole('heading', { name: 'Check your answers' }).waitFor();
  await page.waitForFunction(() => document.activeElement?.id === 'check-heading');
  await noAxe(page, 'check answers');
  const org = page.getByRole('region', { name: 'Your organization' });
  await org.getByText('Check Clinic').waitFor();
  const warnings = page.getByRole('region', { name: 'Consistency warnings' });
  await warnings.getByRole('link', { name: 'Change your answer to: Name of the consent form patients sign for photos and video' }).click();
  await page.waitForFunction(() => document.activeElement?.id === 'q-consent_form');
  await consent.fill('Media consent M-2');
  await page.getByRole('link', { name: 'Return to check answers', exact: true }).click();
  await page.getByRole('heading', { name: 'Check your answers' }).waitFor();
  assert.equal(await page.getByRole('region', { name: 'Consistency warnings' }).count(), 0);
  await page.getByRole('region', { name: 'Patient privacy' }).getByText('Media consent M-2').waitFor();

  await org.getByRole('link', { name: 'Change Legal name of the organization' }).click();
  await page.waitForFunction(() => document.activeElement?.id === 'q-legal_name');
  await page.getByLabel('Legal name of the organization').fill('Check Clinic North');
  await page.getByRole('link', { name: 'Return to check answers', exact: true }).click();
  await org.getByText('Check Clinic North').waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('leaving a section with required questions unanswered lists them, linked to the fields', async () => {
  const { context, page } = await openDraft(env.browser, env.server.url);
  await page.getByRole('button', { name: 'Next' }).click();
  const summary = page.getByRole('alert').filter({ hasText: 'Some required questions are not answered' });
  await summary.waitFor();
  await page.waitForFunction(() => document.activeElement?.id === 'error-summary');
  // The message is at the field too, and goes once it is answered.
  const legal = page.locator('.question', { has: page.getByLabel('Legal name of the organization') });
  await legal.getByText('Answer this question, or come back to it later.').waitFor();
  assert.match(await description(page.getByLabel('Legal name of the organization')), /^Error: Answer this question/);
  await noAxe(page, 'error summary');
  await summary.getByRole('link', { name: 'Legal name of the organization' }).click();
  await page.waitForFunction(() => document.activeElement?.id === 'q-legal_name');
  await page.getByLabel('Legal name of the organization').fill('Summary Clinic');
  await legal.getByText('Answer this question, or come back to it later.').waitFor({ state: 'detached' });
  assert.doesNotMatch(await description(page.getByLabel('Legal name of the organization')), /Error/);
  // Next again moves on: a draft may be incomplete.
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('heading', { level: 2, name: 'Philosophy and goals' }).waitFor();
  await page.waitForFunction(() => document.activeElement?.id === 'section-heading');
  assert.equal(await summary.count(), 0);
  await context.close();
});

test('the preview marks text that just changed, and sits behind a toggle on a narrow screen', async () => {
  const { context, page } = await openDraft(env.browser, env.server.url);
  const preview = page.locator('#preview');
  assert.equal(await preview.locator('.changed').count(), 0);
  await page.getByLabel('Legal name of the organization').fill('Marked Clinic');
  await preview.locator('.changed', { hasText: 'Marked Clinic' }).first().waitFor();

  await page.setViewportSize({ width: 480, height: 900 });
  assert.equal(await preview.isVisible(), false);
  const toggle = page.getByRole('button', { name: 'Show the policy preview' });
  assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
  await toggle.click();
  assert.equal(await preview.isVisible(), true);
  await page.getByRole('button', { name: 'Hide the policy preview' }).waitFor();
  await noAxe(page, 'narrow screen with preview');
  await context.close();
});

test('an answer file round-trips: export, import as a copy or in place, and never overwrites without asking', async () => {
  const { context, page, errors } = await openApp(env.browser, env.server.url);
  await page.getByRole('button', { name: 'Lakeside Community Hospital (Ontario)' }).click();
  await page.getByLabel('Legal name of the organization').waitFor();
  const file = await downloadOf(page, () => page.getByRole('button', { name: 'Download answer file' }).click());
  assert.match(file.name, /^lakeside-answers-\d{4}-\d{2}-\d{2}\.yaml$/);
  const text = await readFile(file.path, 'utf8');
  assert.match(text, /^format: social-media-policy-builder\/answers$/m);
  assert.match(text, /^  legal_name: Lakeside Community Hospital$/m);

  // Change the draft here, then import the older file: the app asks.
  await page.getByLabel('Short name staff use').fill('Lakeside Changed Here');
  await savedWith(page, 'Lakeside Changed Here');
  await page.getByRole('link', { name: 'All drafts', exact: true }).click();
  await page.getByLabel('Import an answer file').setInputFiles(file.path);
  const dialog = page.getByRole('alertdialog', { name: 'You already have this draft' });
  await dialog.waitFor();
  await page.waitForFunction(() => document.activeElement?.id === 'clash-cancel');
  await noAxe(page, 'import clash dialog');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  assert.equal((await storedKeys(page)).length, 1);

  await page.getByLabel('Import an answer file').setInputFiles(file.path);
  await dialog.getByRole('button', { name: 'Keep both' }).click();
  await page.getByRole('link', { name: 'Lakeside (imported)', exact: true }).waitFor();
  await page.getByRole('link', { name: 'Lakeside Changed Here', exact: true }).waitFor();
  assert.equal((await storedKeys(page)).length, 2);

  await page.getByLabel('Import an answer file').setInputFiles(file.path);
  await dialog.getByRole('button', { name: 'Replace the draft here' }).click();
  await page.getByRole('link', { name: 'Lakeside', exact: true }).waitFor();
  assert.equal(await page.getByRole('link', { name: 'Lakeside Changed Here', exact: true }).count(), 0);
  assert.equal((await storedKeys(page)).length, 2);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a malformed answer file is refused with its problems by line and changes nothing', async () => {
  const { context, page } = await openDraft(env.browser, env.server.url);
  await page.getByLabel('Legal name of the organization').fill('Untouched Clinic');
  await savedWith(page, 'Untouched Clinic');
  await page.getByRole('link', { name: 'All drafts', exact: true }).click();
  const before = await page.evaluate(() => JSON.stringify(localStorage));
  const bad = await tempFile(
    'bad.yaml',
    'format: social-media-policy-builder/answers\nversion: 1\ndraft:\n  id: zz1\nanswers:\n  legal_name: X\n  favourite_colour: blue\n  mfa_required: perhaps\n',
  );
  await page.getByLabel('Import an answer file').setInputFiles(bad);
  const problems = page.getByRole('alert').filter({ hasText: 'The answer file could not be imported' });
  await problems.waitFor();
  await page.waitForFunction(() => document.activeElement?.id === 'import-problems');
  await problems.getByText('bad.yaml:7:21').waitFor();
  await problems.getByText('there is no question "favourite_colour"').waitFor();
  await problems.getByText('bad.yaml:8:17').waitFor();
  await noAxe(page, 'import problems');
  const notYaml = await tempFile('notes.yaml', 'format: [unclosed\n');
  await page.getByLabel('Import an answer file').setInputFiles(notYaml);
  await problems.getByText(/notes\.yaml:\d+:\d+/).waitFor();
  // A file over the 2 MB limit is refused with its size, unread.
  const huge = await tempFile('huge.yaml', `# ${'x'.repeat(3 * 1024 * 1024)}\n`);
  await page.getByLabel('Import an answer file').setInputFiles(huge);
  await page.getByText(/the file is 3\.0 MB; the largest the app reads is 2 MB/).waitFor();
  assert.equal(await page.evaluate(() => JSON.stringify(localStorage)), before);
  await context.close();
});

test('a custom clause library: problems by line and column, then used and kept with the draft', async () => {
  const { context, page, errors } = await openDraft(env.browser, env.server.url);
  await page.getByLabel('Legal name of the organization').fill('Library Clinic');
  await page.getByRole('link', { name: 'Check answers', exact: true }).click();
  const section = page.getByRole('region', { name: 'Clause library' });
  const bad = await tempFile(
    'ours.yaml',
    'version: 1\ntitle: Our policy\nauthor: "{{ legal_name }}"\nsections:\n  - id: s\n    title: Basics\n    clauses:\n      - id: c\n        text: "{{ no_such_question }}"\n',
  );
  await section.getByLabel('Import a clause library').setInputFiles(bad);
  const problems = page.getByRole('alert').filter({ hasText: 'The clause library could not be used' });
  await problems.getByText('ours.yaml:9:15').waitFor();
  await problems.getByText('the text refers to "no_such_question", which is not a question id').waitFor();
  await noAxe(page, 'library problems');

  const good = await tempFile(
    'ours.yaml',
    'version: 1\ntitle: "{{ legal_name }} house rules"\nauthor: "{{ legal_name }}"\nsections:\n  - id: s\n    title: Basics\n    clauses:\n      - id: c\n        text: Be kind online, {{ legal_name }} staff.\n',
  );
  await section.getByLabel('Import a clause library').setInputFiles(good);
  await section.getByText('The draft uses the clauses imported from "ours.yaml".').waitFor();
  await page.reload();
  await section.getByText('The draft uses the clauses imported from "ours.yaml".').waitFor();
  await page.getByRole('link', { name: 'Questions', exact: true }).click();
  const preview = page.getByRole('complementary', { name: 'Policy preview' });
  await preview.getByRole('heading', { name: 'Library Clinic house rules' }).waitFor();
  await preview.getByText('Be kind online, Library Clinic staff.').waitFor();

  await page.getByRole('link', { name: 'Check answers', exact: true }).click();
  await section.getByRole('button', { name: 'Use the standard clauses' }).click();
  await page.getByRole('link', { name: 'Questions', exact: true }).click();
  await preview.getByRole('heading', { name: 'Library Clinic Social Media Policy' }).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('a draft stored with only the text of its clause library is read once by the worker, with a note meanwhile, and keeps everything', async () => {
  const text =
    'version: 1\ntitle: "{{ legal_name }} house rules"\nauthor: "{{ legal_name }}"\nsections:\n  - id: s\n    title: Basics\n    clauses:\n      - id: c\n        text: Be kind online, {{ legal_name }} staff.\n';
  // As drafts were stored before the page kept the library's JSON form.
  const stored = {
    schema: 2,
    id: 'lib1',
    name: '',
    created_at: '2026-01-02T03:04:05.000Z',
    saved_at: '2026-01-02T03:04:05.000Z',
    answers: { legal_name: 'Migrated Clinic' },
    library: { file: 'old.yaml', text },
  };
  // Without the service worker, so that the worker's file can be held back.
  const { context, page, errors } = await openApp(env.browser, env.server.url, {
    serviceWorkers: 'block',
    init: `if (!sessionStorage.getItem('seeded')) {
      sessionStorage.setItem('seeded', '1');
      localStorage.setItem('${PREFIX}lib1', ${JSON.stringify(JSON.stringify(stored))});
    }`,
  });
  let release;
  const held = new Promise((resolve) => (release = resolve));
  await context.route('**/pdf-worker_bg.wasm', async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(`${env.server.url}#/draft/lib1/check`);
  const section = page.getByRole('region', { name: 'Clause library' });
  await section.getByText('Reading the clauses imported from "old.yaml"… Until then the standard clauses are used.').waitFor();
  release();
  await section.getByText('The draft uses the clauses imported from "old.yaml".').waitFor();
  const entry = async () => JSON.parse(await page.evaluate((k) => localStorage.getItem(k), `${PREFIX}lib1`));
  await page.waitForFunction((k) => JSON.parse(localStorage.getItem(k)).library.json !== undefined, `${PREFIX}lib1`);
  const migrated = await entry();
  assert.equal(migrated.library.text, text, 'the text is kept for the answer file');
  assert.equal(migrated.library.file, 'old.yaml');
  assert.deepEqual(migrated.answers, stored.answers);
  assert.equal(JSON.parse(migrated.library.json).title, '{{ legal_name }} house rules');

  // Once migrated, the page reads the library without the worker.
  const requested = [];
  page.on('request', (r) => requested.push(new URL(r.url()).pathname));
  await page.reload();
  await section.getByText('The draft uses the clauses imported from "old.yaml".').waitFor();
  await page.getByRole('link', { name: 'Questions', exact: true }).click();
  const preview = page.getByRole('complementary', { name: 'Policy preview' });
  await preview.getByRole('heading', { name: 'Migrated Clinic house rules' }).waitFor();
  await preview.getByText('Be kind online, Migrated Clinic staff.').waitFor();
  assert.deepEqual(requested.filter((p) => p.includes('pdf-worker')), []);

  // The answer file still carries the library's text, and not its JSON form.
  const file = await downloadOf(page, () => page.getByRole('button', { name: 'Download answer file' }).click());
  const yaml = await readFile(file.path, 'utf8');
  assert.match(yaml, /file: old\.yaml/);
  assert.match(yaml, /Be kind online/);
  assert.doesNotMatch(yaml, /json:/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('storage faults: a damaged entry, an old and a newer schema are listed and kept; the others still open', async () => {
  const damaged = '{"schema": 2, "id": "bad1", "answers": {"legal_name": "Broken"';
  const newer = JSON.stringify({ schema: 9, id: 'new1', answers: {}, hologram: true });
  const legacy = JSON.stringify({ schema: 1, saved_at: '2026-01-02T03:04:05.000Z', answers: { legal_name: 'Old Version Clinic' } });
  const { context, page, errors } = await openApp(env.browser, env.server.url, {
    init: `if (!sessionStorage.getItem('seeded')) {
      sessionStorage.setItem('seeded', '1');
      localStorage.setItem('${PREFIX}bad1', ${JSON.stringify(damaged)});
      localStorage.setItem('${PREFIX}new1', ${JSON.stringify(newer)});
      localStorage.setItem('policy-builder/draft', ${JSON.stringify(legacy)});
    }`,
  });
  const list = page.getByRole('region', { name: 'Saved in this browser' });
  // The schema-1 draft moved to its own entry, with its answers.
  await list.getByRole('link', { name: 'Old Version Clinic', exact: true }).waitFor();
  const keys = await page.evaluate(() => Object.keys(localStorage));
  assert.ok(!keys.includes('policy-builder/draft'), keys.join(' '));
  const damagedRows = list.locator('li.damaged');
  assert.equal(await damagedRows.count(), 2);
  await damagedRows.filter({ hasText: 'newer version of this app' }).waitFor();
  const broken = damagedRows.filter({ hasText: 'damaged and cannot be read' });
  const kept = await downloadOf(page, () => broken.getByRole('button', { name: 'Download it as a file' }).click());
  assert.equal(await readFile(kept.path, 'utf8'), damaged);
  await noAxe(page, 'damaged entries');

  await list.getByRole('link', { name: 'Old Version Clinic', exact: true }).click();
  await page.getByLabel('Legal name of the organization').fill('Old Version Clinic Renamed');
  await savedWith(page, 'Old Version Clinic Renamed');
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), `${PREFIX}bad1`), damaged);
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), `${PREFIX}new1`), newer);

  // Opening a damaged entry by its address explains and changes nothing.
  await page.goto(`${env.server.url}#/draft/new1`);
  await page.getByRole('heading', { name: 'Draft not found' }).waitFor();
  await page.getByText(/newer version of this app/).waitFor();
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), `${PREFIX}new1`), newer);
  assert.deepEqual(errors, []);
  await context.close();
});

test('storage switched off: the app says so and the draft can still be written and downloaded', async () => {
  const { context, page, errors } = await openApp(env.browser, env.server.url, {
    init: `Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('denied', 'SecurityError'); } });`,
  });
  await page.getByRole('alert').filter({ hasText: 'This browser is not letting the page save' }).waitFor();
  await page.getByRole('button', { name: 'Start a new draft' }).click();
  await page.getByLabel('Legal name of the organization').fill('No Storage Clinic');
  const alert = page.getByRole('alert').filter({ hasText: 'Your answers are not being saved' });
  await alert.waitFor();
  const file = await downloadOf(page, () => alert.getByRole('button', { name: 'Download your answers' }).click());
  assert.match(await readFile(file.path, 'utf8'), /legal_name: No Storage Clinic/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a change made in another tab stops saving until the user chooses', async () => {
  const { context, page } = await openDraft(env.browser, env.server.url);
  await page.getByLabel('Legal name of the organization').fill('Tab One Clinic');
  await savedWith(page, 'Tab One Clinic');
  const other = await context.newPage();
  await other.goto(page.url());
  await other.getByLabel('Legal name of the organization').fill('Tab Two Clinic');
  await savedWith(other, 'Tab Two Clinic');

  await page.getByLabel('Legal name of the organization').fill('Tab One Clinic again');
  const alert = page.getByRole('alert').filter({ hasText: 'This draft was changed in another tab or window' });
  await alert.waitFor();
  const key = await page.evaluate(() => Object.keys(localStorage).find((k) => k.startsWith('policy-builder/drafts/')));
  assert.match(await page.evaluate((k) => localStorage.getItem(k), key), /Tab Two Clinic/);
  await noAxe(page, 'changed in another tab');
  await alert.getByRole('button', { name: 'Use the other version' }).click();
  assert.equal(await page.getByLabel('Legal name of the organization').inputValue(), 'Tab Two Clinic');
  await page.getByLabel('Legal name of the organization').fill('Tab One wins');
  await savedWith(page, 'Tab One wins');
  assert.match(await page.evaluate((k) => localStorage.getItem(k), key), /Tab One wins/);
  await context.close();
});

test('an answer typed just before a reload, or before leaving the draft, is kept', async () => {
  const { context, page, errors } = await openDraft(env.browser, env.server.url);
  const name = page.getByLabel('Legal name of the organization');
  await name.fill('Quay Clinic');
  await savedWith(page, 'Quay Clinic');
  // The keystroke and the reload in one task: the page has no moment
  // after the keystroke before it is left.
  const reloaded = page.waitForEvent('load');
  await page
    .evaluate(() => {
      const field = document.getElementById('q-legal_name');
      field.value = 'Quay Clinic North';
      field.dispatchEvent(new Event('input', { bubbles: true }));
      location.reload();
    })
    .catch((e) => {
      // The reload may end the evaluation's page before it answers.
      if (!/context was destroyed|navigat/i.test(String(e))) throw e;
    });
  await reloaded;
  await page.getByLabel('Legal name of the organization').waitFor();
  assert.equal(await page.getByLabel('Legal name of the organization').inputValue(), 'Quay Clinic North');

  // A keystroke and a click on All drafts in one task: the list has it.
  await page.evaluate(() => {
    const field = document.getElementById('q-legal_name');
    field.value = 'Quay Clinic South';
    field.dispatchEvent(new Event('input', { bubbles: true }));
    [...document.querySelectorAll('a')].find((a) => a.textContent === 'All drafts').click();
  });
  const list = page.getByRole('region', { name: 'Saved in this browser' });
  await list.getByRole('link', { name: 'Quay Clinic South', exact: true }).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

/** The text a screen reader reads with a control: its aria-describedby targets. */
function description(control) {
  return control.evaluate((el) =>
    (el.getAttribute('aria-describedby') ?? '')
      .split(/\s+/)
      .filter(Boolean)
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' ')
      .trim(),
  );
}

test('a draft made on older legal content lists the sections that now read differently until the user has read them', async () => {
  // As drafts were stored before they recorded the clause packs they were
  // made on: made on version 1 of every pack.
  const stored = {
    schema: 2,
    id: 'packs1',
    name: '',
    created_at: '2026-01-02T03:04:05.000Z',
    saved_at: '2026-01-02T03:04:05.000Z',
    answers: { legal_name: 'Old Content Clinic', country: 'canada', province: 'quebec' },
  };
  const { context, page, errors } = await openApp(env.browser, env.server.url, {
    init: `if (!sessionStorage.getItem('seeded')) {
      sessionStorage.setItem('seeded', '1');
      localStorage.setItem('${PREFIX}packs1', ${JSON.stringify(JSON.stringify(stored))});
    }`,
  });
  await page.goto(`${env.server.url}#/draft/packs1/check`);
  const changed = page.getByRole('region', { name: 'Sections that now read differently' });
  await changed.waitFor();
  // The Quebec incident rules and the general breach rules changed; each
  // section is named with what changed in it.
  await changed.getByText(/Health and social services bodies and private health facilities follow the Act/).first().waitFor();
  await changed.getByText(/the 72-hour deadline is named only where it applies/).first().waitFor();
  assert.equal(await changed.getByText(/Ahpra/).count(), 0, 'a jurisdiction the policy does not use changes nothing');
  await noAxe(page, 'check answers with changed sections');

  await changed.getByRole('button', { name: 'I have read these changes' }).click();
  await page.getByRole('heading', { name: 'Sections that now read differently' }).waitFor({ state: 'detached' });
  await page.waitForFunction((k) => JSON.parse(localStorage.getItem(k)).made_on?.quebec === 3, `${PREFIX}packs1`);
  const saved = JSON.parse(await page.evaluate((k) => localStorage.getItem(k), `${PREFIX}packs1`));
  assert.deepEqual(saved.answers, stored.answers, 'the answers are kept');
  assert.equal(saved.made_on.general, 3);

  // After a reload the list stays gone.
  await page.reload();
  await page.getByRole('heading', { name: 'Check your answers' }).waitFor();
  assert.equal(await page.getByRole('region', { name: 'Sections that now read differently' }).count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a new draft records the legal content it is made on and has nothing that reads differently', async () => {
  const { context, page, errors } = await openDraft(env.browser, env.server.url);
  await page.getByLabel('Legal name of the organization').fill('Fresh Content Clinic');
  await savedWith(page, 'Fresh Content Clinic');
  const entry = await page.evaluate(() =>
    Object.keys(localStorage)
      .filter((k) => k.startsWith('policy-builder/drafts/'))
      .map((k) => JSON.parse(localStorage.getItem(k)))
      .find((d) => d.answers.legal_name === 'Fresh Content Clinic'),
  );
  assert.equal(entry.made_on.general, 3);
  assert.equal(entry.made_on.quebec, 3);
  await page.goto(`${env.server.url}#/draft/${entry.id}/check`);
  await page.getByRole('heading', { name: 'Check your answers' }).waitFor();
  assert.equal(await page.getByRole('region', { name: 'Sections that now read differently' }).count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});
