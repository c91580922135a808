// No draft is ever lost: the drafts page says what the browser promised and
// what changed since the last backup, one file backs up every draft with
// what belongs to it, and it restores into a fresh browser identically and
// into a used one asking about each draft already there; near the storage
// limit the page warns before a save fails.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join, dirname } from 'node:path';
import { suite, openApp, downloadOf, savedWith } from './harness.mjs';

const env = suite();

/** Every entry the app keeps, except its notes of when files were made. */
const appEntries = (page) =>
  page.evaluate(() =>
    Object.fromEntries(
      Object.keys(localStorage)
        .filter((k) => k.startsWith('policy-builder/'))
        .filter((k) => k !== 'policy-builder/backed-up-at' && !k.startsWith('policy-builder/downloaded/'))
        .sort()
        .map((k) => [k, localStorage.getItem(k)]),
    ),
  );

test('a backup of every draft restores identically into a fresh browser, and into a used one asking per draft', async () => {
  const { context, page, errors } = await openApp(env.browser, env.server.url);
  const safe = page.getByRole('region', { name: 'Keep your drafts safe' });
  await page.getByRole('button', { name: 'Lakeside Community Hospital (Ontario)' }).click();
  await page.getByLabel('Short name staff use').fill('Lakeside Backed');
  await savedWith(page, 'Lakeside Backed');
  await page.getByRole('link', { name: 'All drafts', exact: true }).click();
  await page.getByRole('button', { name: 'Start a new draft' }).click();
  await page.getByLabel('Legal name of the organization').fill('Second Backup Clinic');
  await savedWith(page, 'Second Backup Clinic');
  await page.getByRole('link', { name: 'All drafts', exact: true }).click();
  // What belongs to a draft: an imported library inside it (as its
  // reviews are), and beside it a quiz score, a demo link's note and the
  // reviewer's name.
  await page.evaluate(() => {
    const key = Object.keys(localStorage).find(
      (k) => k.startsWith('policy-builder/drafts/') && localStorage.getItem(k).includes('Second Backup Clinic'),
    );
    const id = key.split('/').pop();
    const draft = JSON.parse(localStorage.getItem(key));
    draft.library = { file: 'ours.yaml', text: 'version: 1\n', json: '{"version":1}' };
    localStorage.setItem(key, JSON.stringify(draft));
    localStorage.setItem(`policy-builder/quiz/${id}/basics`, '{"answered":3,"right":2}');
    localStorage.setItem('policy-builder/demo/lakeside', id);
    localStorage.setItem('policy-builder/reviewer', 'Ana Silva');
  });
  await page.reload();
  await safe.getByText('2 drafts not in any backup or download yet').waitFor();

  const file = await downloadOf(page, () => safe.getByRole('button', { name: 'Back up all drafts' }).click());
  assert.match(file.name, /^policy-builder-backup-\d{4}-\d{2}-\d{2}\.json$/);
  const backup = JSON.parse(await readFile(file.path, 'utf8'));
  assert.equal(backup.format, 'social-media-policy-builder/backup');
  assert.equal(backup.drafts.length, 2);
  assert.equal(backup.reviewer_name, 'Ana Silva');
  await safe.getByText(/Every draft is in your last backup/).waitFor();
  const original = await appEntries(page);
  assert.equal(Object.keys(original).filter((k) => k.startsWith('policy-builder/drafts/')).length, 2);

  // A change after the backup is counted.
  await page.getByRole('link', { name: 'Lakeside Backed', exact: true }).click();
  await page.getByLabel('Short name staff use').fill('Lakeside Changed');
  await savedWith(page, 'Lakeside Changed');
  await page.getByRole('link', { name: 'All drafts', exact: true }).click();
  await safe.getByText(/^1 draft changed since your last backup/).waitFor();

  // A fresh browser: everything comes back exactly as it was stored.
  const fresh = await openApp(env.browser, env.server.url);
  await fresh.page.getByLabel('Restore drafts from a backup').setInputFiles(file.path);
  await fresh.page.getByText('Restored 2 drafts from the backup.').waitFor();
  assert.deepEqual(await appEntries(fresh.page), original);
  await fresh.page.getByRole('link', { name: 'Lakeside Backed', exact: true }).waitFor();
  await fresh.page.getByRole('link', { name: 'Second Backup Clinic', exact: true }).waitFor();
  assert.deepEqual(fresh.errors, []);
  await fresh.context.close();

  // The used browser: each draft already here is asked about.
  await page.getByLabel('Restore drafts from a backup').setInputFiles(file.path);
  const ask = page.getByRole('alertdialog', { name: 'This draft is already here' });
  await ask.waitFor();
  const first = await ask.textContent();
  const lakesideFirst = first.includes('Lakeside Changed');
  await ask.getByRole('button', { name: lakesideFirst ? 'Keep both' : 'Leave it out' }).click();
  await ask.getByRole('button', { name: lakesideFirst ? 'Leave it out' : 'Keep both' }).click();
  await page.getByText('Restored 1 draft from the backup; left out 1 draft.').waitFor();
  const list = page.getByRole('region', { name: 'Saved in this browser' });
  await list.getByRole('link', { name: 'Lakeside Changed', exact: true }).waitFor();
  await list.getByRole('link', { name: 'Lakeside Backed (restored)', exact: true }).waitFor();
  await list.getByRole('link', { name: 'Second Backup Clinic', exact: true }).waitFor();
  assert.equal(await list.getByRole('link', { name: /Second Backup Clinic \(restored\)/ }).count(), 0);

  // Replacing takes the backup's version.
  await page.getByLabel('Restore drafts from a backup').setInputFiles(file.path);
  const replaceFirst = (await ask.textContent()).includes('Lakeside Changed');
  await ask.getByRole('button', { name: replaceFirst ? 'Replace the draft here' : 'Leave it out' }).click();
  await ask.getByRole('button', { name: replaceFirst ? 'Leave it out' : 'Replace the draft here' }).click();
  await page.getByText('Restored 1 draft from the backup; left out 1 draft.').waitFor();
  assert.equal(await list.getByRole('link', { name: 'Lakeside Changed', exact: true }).count(), 0);
  assert.equal(await list.getByRole('link', { name: 'Lakeside Backed', exact: true }).count(), 1);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a file that is not a backup is refused with the reason and changes nothing', async () => {
  const { context, page, errors } = await openApp(env.browser, env.server.url);
  await page.getByRole('button', { name: 'Start a new draft' }).click();
  await page.getByLabel('Legal name of the organization').fill('Untouched Backup Clinic');
  await savedWith(page, 'Untouched Backup Clinic');
  await page.getByRole('link', { name: 'All drafts', exact: true }).click();
  const before = await appEntries(page);
  const answers = await downloadOf(page, () => page.getByRole('button', { name: /^Download answer file/ }).click());
  const notJson = join(dirname(answers.path), 'not-a-backup.json');
  await writeFile(notJson, '{"format": "social-media-policy-builder/backup", "version": 1, "drafts": [{"id": "../x", "stored": "{}"}], "made_at": "x"}');
  for (const [path, message] of [
    [answers.path, /could not be restored: this is not a backup of drafts: line 1, column 1: expected value\. Nothing was changed\./],
    [notJson, /could not be restored: the backup's draft 1 has an id that cannot be used .*Nothing was changed\./],
  ]) {
    await page.getByLabel('Restore drafts from a backup').setInputFiles(path);
    await page.getByRole('alert').filter({ hasText: message }).waitFor();
  }
  assert.deepEqual(await appEntries(page), before);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the page asks the browser to keep drafts once there is one, and says what it granted', async () => {
  // Chromium grants persistence from its own heuristics; here the answer is set.
  const init = `
    window.__asked = 0;
    let granted = false;
    StorageManager.prototype.persisted = async () => granted;
    StorageManager.prototype.persist = async () => { window.__asked++; granted = true; return true; };`;
  const { context, page, errors } = await openApp(env.browser, env.server.url, { init });
  const safe = page.getByRole('region', { name: 'Keep your drafts safe' });
  await safe.getByText(/has not agreed to keep your drafts: it may clear them on its own/).waitFor();
  assert.equal(await page.evaluate(() => window.__asked), 0, 'not asked before there is a draft');
  await page.getByRole('button', { name: 'Start a new draft' }).click();
  await page.getByLabel('Legal name of the organization').fill('Persistent Clinic');
  await savedWith(page, 'Persistent Clinic');
  await page.getByRole('link', { name: 'All drafts', exact: true }).click();
  await safe.getByText('This browser has agreed to keep your drafts until you delete them (persistent storage).').waitFor();
  assert.equal(await page.evaluate(() => window.__asked), 1);
  assert.deepEqual(errors, []);
  await context.close();
});

test('near the storage limit the drafts page warns before a save fails', async () => {
  const { context, page, errors } = await openApp(env.browser, env.server.url);
  const safe = page.getByRole('region', { name: 'Keep your drafts safe' });
  assert.equal(await safe.getByRole('alert').count(), 0);
  // 4.2 MB of another entry of the site, counted as the browser counts it.
  await page.evaluate(() => localStorage.setItem('other-tool/cache', 'x'.repeat(2_200_000)));
  await page.reload();
  await safe.getByRole('alert').filter({ hasText: 'Storage is nearly full' }).waitFor();
  await safe.getByText(/What this site keeps in the browser takes 4\.2 MB of the 5\.0 MB a browser allows a site/).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});
