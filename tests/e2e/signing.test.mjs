// Signed reviews (issue 18, part 5) in the release build: the reviewer's
// decision is signed in the browser (WebCrypto, a key kept in IndexedDB),
// the authors' import verifies it and shows the fingerprint, asks to trust
// a first key in an accessible dialog, shows a file changed after signing
// as "edited after review" (left out of the approval record), and flags a
// known reviewer's name signing with another key.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { suite, openApp, downloadOf, axeViolations, pdfText, flat } from './harness.mjs';

const env = suite();
let draftFile;

/** The authors' draft file of the Lakeside sample, made once. */
async function draft() {
  if (draftFile) return draftFile;
  const { context, page } = await openApp(env.browser, env.server.url);
  await page.getByRole('button', { name: 'Lakeside Community Hospital (Ontario)' }).click();
  await page.getByLabel('Legal name of the organization').waitFor();
  draftFile = (await downloadOf(page, () => page.getByRole('button', { name: 'Download answer file' }).click())).path;
  await context.close();
  return draftFile;
}

/** A reviewer in a browser profile of their own approves; the reviewed file and their key's fingerprint. */
async function review(name) {
  const { context, page, errors } = await openApp(env.browser, env.server.url);
  await page.getByLabel('Review a draft file').setInputFiles(await draft());
  await page.getByRole('heading', { name: 'Review this draft' }).waitFor();
  await page.getByLabel('Your name').fill(name);
  const sections = page.getByRole('navigation', { name: 'Sections to review' });
  await sections.getByRole('button', { name: /Why we use social media/ }).click();
  await page.getByRole('group', { name: 'Your verdict on this section' }).getByLabel('Approved').check();
  await page.getByLabel('Your role').fill('HR business partner');
  await page.getByRole('group', { name: 'Decision on the whole policy' }).getByLabel('Approve the policy').check();
  await page.getByRole('button', { name: 'Record decision' }).click();
  const note = page.getByText("Your decisions are signed with this browser's key");
  await note.waitFor();
  const fingerprint = (await note.locator('code').textContent()).trim();
  assert.match(fingerprint, /^([0-9A-F]{4} ){7}[0-9A-F]{4}$/);
  const file = await downloadOf(page, () => page.getByRole('button', { name: 'Download the reviewed file' }).click());
  const text = await readFile(file.path, 'utf8');
  assert.match(text, /algorithm: ECDSA P-256 SHA-256/);
  assert.match(text, /public_key: /);
  assert.ok(!text.includes('checked'), 'the reviewer\'s own finding is not in the file');
  assert.deepEqual(errors, []);
  await context.close();
  return { path: file.path, fingerprint };
}

/** The exported PDF's text, from the draft `name` of the page's drafts list. */
async function pdfOf(page, name) {
  await page.getByRole('link', { name, exact: true }).click();
  const pdf = await downloadOf(page, () => page.getByRole('button', { name: 'Export PDF' }).click());
  return flat(pdfText(pdf.path));
}

test('a signed review is verified, its key trusted through a dialog, its fingerprint printed; an edited file and another key are told apart', async () => {
  const first = await review('Ana Silva');

  // The authors import it: the fingerprint, and the trust dialog at once.
  const { context, page, errors } = await openApp(env.browser, env.server.url);
  await page.getByLabel('Import an answer file').setInputFiles(first.path);
  const signatures = page.getByRole('region', { name: 'Signatures on the review' });
  await signatures.getByText(/Approved by Ana Silva \(HR business partner\), .*signed with key .*the signature was verified/).waitFor();
  assert.equal((await signatures.locator('li code').first().textContent()).trim(), first.fingerprint);
  const dialog = page.getByRole('alertdialog', { name: "Trust Ana Silva's key?" });
  await dialog.waitFor();
  assert.equal((await dialog.locator('code').textContent()).trim(), first.fingerprint);
  assert.deepEqual(await axeViolations(page), [], 'axe with the trust dialog');
  // Keyboard only: focus is on the trust button.
  await page.keyboard.press('Enter');
  await signatures.getByText(`You now trust Ana Silva's key ${first.fingerprint}.`).waitFor();
  await signatures.getByText('You trust this key.').waitFor();
  assert.equal(await dialog.count(), 0);
  const printed = await pdfOf(page, 'Lakeside');
  assert.ok(
    printed.includes(`Signed with key ${first.fingerprint}; the signature was verified.`),
    printed.slice(printed.indexOf('Approval record'), printed.indexOf('Approval record') + 600),
  );

  // The same file with one byte of a signed part changed.
  const edited = (await readFile(first.path, 'utf8')).replace('role: HR business partner', 'role: HR business partnes');
  const editedPath = first.path.replace(/\.yaml$/, '-edited.yaml');
  await writeFile(editedPath, edited);
  const other = await openApp(env.browser, env.server.url);
  await other.page.getByLabel('Import an answer file').setInputFiles(editedPath);
  const flagged = other.page.getByRole('region', { name: 'Signatures on the review' });
  await flagged.getByText('Edited after review:').waitFor();
  assert.equal(await other.page.getByRole('alertdialog').count(), 0, 'an edited file asks no trust');
  const record = await pdfOf(other.page, 'Lakeside');
  assert.ok(!/Ana Silva \(HR business partne.\): approved/.test(record), record);
  assert.ok(record.includes('changed after the reviewer signed'), record);
  assert.deepEqual(other.errors, []);
  await other.context.close();

  // Another reviewer's browser (another key) under the same name.
  const second = await review('Ana Silva');
  assert.notEqual(second.fingerprint, first.fingerprint);
  await page.getByRole('link', { name: 'All drafts' }).click();
  await page.getByLabel('Import an answer file').setInputFiles(second.path);
  await page.getByRole('alertdialog', { name: 'You already have this draft' })
    .getByRole('button', { name: 'Add the review to the draft here' })
    .click();
  await signatures.getByText(`Another key: Ana Silva signed before with ${first.fingerprint}.`, { exact: false }).waitFor();
  assert.equal(await page.getByRole('alertdialog', { name: "Trust Ana Silva's key?" }).count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a browser that cannot keep a key records the decision unsigned and says why, without an error', async () => {
  const { context, page, errors } = await openApp(env.browser, env.server.url, {
    init: () => Object.defineProperty(window, 'indexedDB', { value: undefined }),
  });
  await page.getByLabel('Review a draft file').setInputFiles(await draft());
  await page.getByRole('heading', { name: 'Review this draft' }).waitFor();
  await page.getByLabel('Your name').fill('Ana Silva');
  await page.getByLabel('Your role').fill('HR business partner');
  await page.getByRole('group', { name: 'Decision on the whole policy' }).getByLabel('Approve the policy').check();
  await page.getByRole('button', { name: 'Record decision' }).click();
  await page
    .getByRole('status')
    .getByText('It is not signed: this browser does not let the page keep a signing key', { exact: false })
    .waitFor();
  const file = await downloadOf(page, () => page.getByRole('button', { name: 'Download the reviewed file' }).click());
  assert.ok(!(await readFile(file.path, 'utf8')).includes('signature:'), 'unsigned');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a restore checks every review signature again: a backup edited to keep a changed decision verified restores it as edited after review', async () => {
  const signed = await review('Ana Silva');
  const { context, page, errors } = await openApp(env.browser, env.server.url);
  await page.getByLabel('Import an answer file').setInputFiles(signed.path);
  await page.getByRole('region', { name: 'Signatures on the review' })
    .getByText(/the signature was verified/).waitFor();
  const safe = page.getByRole('region', { name: 'Keep your drafts safe' });
  const file = await downloadOf(page, () => safe.getByRole('button', { name: 'Back up all drafts' }).click());
  const backup = JSON.parse(await readFile(file.path, 'utf8'));
  await context.close();

  // The same backup with the decision turned round, its stored state kept.
  const laundered = structuredClone(backup);
  const stored = JSON.parse(laundered.drafts[0].stored);
  const decision = stored.review.decisions[0];
  assert.equal(decision.verdict, 'approved');
  assert.ok(decision.checked?.verified, JSON.stringify(decision.checked));
  decision.verdict = 'changes_requested';
  laundered.drafts[0].stored = JSON.stringify(stored);
  const launderedPath = file.path.replace(/\.json$/, '-edited.json');
  await writeFile(launderedPath, JSON.stringify(laundered));

  for (const [path, holds] of [[file.path, true], [launderedPath, false]]) {
    const fresh = await openApp(env.browser, env.server.url);
    await fresh.page.getByLabel('Restore drafts from a backup').setInputFiles(path);
    await fresh.page.getByText('Restored 1 draft from the backup.').waitFor();
    const record = await pdfOf(fresh.page, 'Lakeside');
    const verified = `Signed with key ${signed.fingerprint}; the signature was verified.`;
    assert.equal(record.includes(verified), holds, record.slice(record.indexOf('Approval record'), record.indexOf('Approval record') + 600));
    assert.equal(record.includes('changed after the reviewer signed'), !holds, path);
    assert.deepEqual(fresh.errors, []);
    await fresh.context.close();
  }
  assert.deepEqual(errors, []);
});
