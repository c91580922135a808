// Refusals written for a person (issue 18, part 4), through every import
// of the release build: an answer file, a draft file to review and a
// clause library. Each malformed file is refused with a message in the
// formats' words, at the line and column of the problem, and nothing
// stored changes. Typed text with an invisible direction control is shown
// with a visible mark in the field's note, the preview and the PDF.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite, openApp, openDraft, downloadOf, axeViolations, pdfText, flat, savedWith, exportAnyway } from './harness.mjs';

const env = suite();
const HEAD = 'format: social-media-policy-builder/answers\nversion: 1\ndraft: {id: zz9}\n';

async function tempFile(name, content) {
  const dir = await mkdtemp(join(tmpdir(), 'policy-refuse-'));
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
}

const stored = (page) => page.evaluate(() => JSON.stringify(localStorage));

/** The problem list under `title` holds `place` followed by `message`. */
async function refusedWith(page, title, place, message) {
  const box = page.getByRole('alert').filter({ hasText: title });
  const item = box.getByRole('listitem').filter({ hasText: place }).filter({ hasText: message });
  await item.first().waitFor();
  return box;
}

test('answer files and draft files to review: each problem in plain words at its place, nothing stored changed', async () => {
  const { context, page, errors } = await openDraft(env.browser, env.server.url);
  await page.getByLabel('Legal name of the organization').fill('Untouched Clinic');
  await savedWith(page, 'Untouched Clinic');
  await page.getByRole('link', { name: 'All drafts', exact: true }).click();
  const before = await stored(page);
  const title = 'The answer file could not be imported';

  // Two shape problems and an answer that does not fit: all three, each
  // at its line, none in serde's words, and the question named.
  const several = await tempFile(
    'several.yaml',
    `${HEAD}answers:\n  legal_name: {first: Lake}\n  mfa_required: perhaps\n  platforms: [facebook, [x]]\n`,
  );
  await page.getByLabel('Import an answer file').setInputFiles(several);
  const box = await refusedWith(page, title, 'several.yaml:5:15', 'this is a mapping (lines of `key: value`), but it should be');
  await refusedWith(
    page,
    title,
    'several.yaml:6:17',
    'for "Must official accounts use multi-factor sign-in and have at least two administrators?", expected yes or no',
  );
  await refusedWith(page, title, 'several.yaml:7:25', 'this is a list, but it should be text');
  const shown = await box.textContent();
  for (const developer of ['invalid type', 'expected struct', 'missing field', 'unknown field']) {
    assert.ok(!shown.includes(developer), `${developer} in: ${shown}`);
  }
  assert.deepEqual(await axeViolations(page), [], 'axe with the problems shown');

  // Bytes that are not UTF-8: refused where they are, not turned into
  // replacement characters.
  const latin1 = await tempFile(
    'latin1.yaml',
    Buffer.concat([Buffer.from(`${HEAD}answers:\n  legal_name: Caf`), Buffer.from([0xe9, 0x0a])]),
  );
  await page.getByLabel('Import an answer file').setInputFiles(latin1);
  await refusedWith(page, title, 'latin1.yaml:5:18', 'the file is not UTF-8 text');

  // An invisible right-to-left override in a name.
  const bidi = await tempFile('bidi.yaml', `${HEAD.replace('{id: zz9}', '{id: zz9, name: "\u202Elive\u202C"}')}answers: {}\n`);
  await page.getByLabel('Import an answer file').setInputFiles(bidi);
  await refusedWith(page, title, 'bidi.yaml:3:', 'invisible direction control (RLO, U+202E)');

  // A file over the size limit is an error in the problem list, not a
  // status line.
  const huge = await tempFile('huge.yaml', `# ${'x'.repeat(3 * 1024 * 1024)}\n`);
  await page.getByLabel('Import an answer file').setInputFiles(huge);
  await refusedWith(page, title, 'huge.yaml', 'the file is 3.0 MB; the largest the app reads is 2 MB');
  assert.equal(await page.getByRole('status').filter({ hasText: 'MB' }).count(), 0, 'not a status line');

  // A draft file to review: a duplicate key at the duplicate, and a file
  // from a newer version named as such although its format line is missing.
  const duplicate = await tempFile('dup.yaml', `${HEAD}answers:\n  legal_name: A\n  short_name: B\n  legal_name: C\n`);
  await page.getByLabel('Review a draft file').setInputFiles(duplicate);
  const reviewTitle = 'The draft file could not be opened for review';
  await refusedWith(page, reviewTitle, 'dup.yaml:7:3', '`legal_name` is given twice in the same place (first on line 5)');
  const newer = await tempFile('newer.yaml', 'version: 2\ndraft: {id: zz9}\nsignature: abc\n');
  await page.getByLabel('Review a draft file').setInputFiles(newer);
  await refusedWith(page, reviewTitle, 'newer.yaml:1:10', 'this file was made by a newer version of the app (version 2');
  // A clause library picked in the wrong place is named and sent to its import.
  const library = await tempFile('ours.yaml', 'version: 1\ntitle: T\nauthor: A\nsections: []\n');
  await page.getByLabel('Review a draft file').setInputFiles(library);
  await refusedWith(page, reviewTitle, 'ours.yaml:1:1', 'this is a clause library, not an answer file');

  assert.equal(await stored(page), before, 'nothing stored changed');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a clause library: the wrong kind of file, a list and a newer format are refused in plain words, nothing stored changed', async () => {
  const { context, page, errors } = await openDraft(env.browser, env.server.url);
  await page.getByLabel('Legal name of the organization').fill('Library Clinic');
  await savedWith(page, 'Library Clinic');
  await page.getByRole('link', { name: 'Check answers', exact: true }).click();
  const section = page.getByRole('region', { name: 'Clause library' });
  const before = await stored(page);
  const title = 'The clause library could not be used';

  await section.getByLabel('Import a clause library').setInputFiles(await tempFile('answers.yaml', `${HEAD}answers: {}\n`));
  await refusedWith(page, title, 'answers.yaml:1:1', 'this is an answer file, not a clause library');
  await section.getByLabel('Import a clause library').setInputFiles(await tempFile('list.yaml', '- version: 1\n- title: T\n'));
  await refusedWith(page, title, 'list.yaml:1:1', 'a clause library is a mapping with `version`, `title`, `author` and `sections`');
  const newer = 'version: 2\ntitle: T\nauthor: A\nlayout: two-column\nsections: []\n';
  await section.getByLabel('Import a clause library').setInputFiles(await tempFile('newer.yaml', newer));
  await refusedWith(page, title, 'newer.yaml:1:10', 'this clause library was made for a newer version of the app');
  const wrong =
    'version: 1\ntitle: T\nauthor: A\nsections:\n  - id: s\n    title: [S]\n    clauses:\n      - id: c\n        text: Be kind.\n        text: Be fair.\n';
  await section.getByLabel('Import a clause library').setInputFiles(await tempFile('wrong.yaml', wrong));
  await refusedWith(page, title, 'wrong.yaml:10:9', '`text` is given twice in the same place (first on line 9)');
  const huge = await tempFile('huge.yaml', `# ${'x'.repeat(3 * 1024 * 1024)}\n`);
  await section.getByLabel('Import a clause library').setInputFiles(huge);
  await refusedWith(page, title, 'huge.yaml', 'the file is 3.0 MB; the largest the app reads is 2 MB');

  await section.getByText('The draft uses the standard clauses that come with the app.').waitFor();
  assert.equal(await stored(page), before, 'nothing stored changed');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a typed right-to-left override is kept, flagged at the field and shown as a mark in the preview and the PDF', async () => {
  const { context, page, errors } = await openDraft(env.browser, env.server.url);
  const field = page.getByLabel('Legal name of the organization');
  await field.fill('\u202Elive\u202C Clinic');
  await page.getByText('This answer holds an invisible direction control').waitFor();
  assert.match((await field.getAttribute('aria-describedby')) ?? '', /-bidi/);
  const preview = page.getByRole('complementary', { name: 'Policy preview' });
  await preview.getByText('[RLO U+202E]live[PDF U+202C] Clinic').first().waitFor();
  assert.ok(!(await preview.textContent()).includes('\u202E'), 'the control itself is not in the preview');
  const pdf = await downloadOf(page, () => exportAnyway(page));
  const text = flat(pdfText(pdf.path));
  assert.ok(text.includes('[RLO U+202E]live[PDF U+202C] Clinic'), text.slice(0, 400));
  await page.getByRole('link', { name: 'All drafts', exact: true }).click();
  await page.getByRole('link', { name: '[RLO U+202E]live[PDF U+202C] Clinic' }).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});
