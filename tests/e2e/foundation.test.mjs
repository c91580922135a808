// The foundation, end to end in the release build: answer questions by
// their labels, see the preview follow, reload, export the PDF and read it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { suite, openApp, openDraft, pdfText, flat, savedWith, exportAnyway } from './harness.mjs';

const env = suite();

test('answers drive the preview, survive a reload and reach the PDF', async () => {
  const { context, page, errors } = await openDraft(env.browser, env.server.url);
  const preview = page.getByRole('complementary', { name: 'Policy preview' });

  // Unanswered questions show as placeholders, never blanks.
  await preview.getByText("[organization's legal name]").first().waitFor();

  await page.getByLabel('Legal name of the organization').fill('Riverbend Health Centre');
  await preview.getByRole('heading', { name: 'Riverbend Health Centre Social Media Policy' }).waitFor();
  await page.getByRole('group', { name: 'Country where you deliver care' }).getByLabel('Canada').check();
  // A conditional question appears once its condition holds.
  await page.getByRole('group', { name: 'Province or territory' }).getByLabel('Ontario').check();

  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Patient privacy' }).click();
  const photos = page.getByRole('group', { name: 'May staff take photos or video of patients for official accounts?' });
  await photos.getByLabel('Yes').check();
  await page.getByLabel('Name of the consent form patients sign for photos and video').fill('Form PX-7 (media)');
  await preview.getByText('written consent on the Form PX-7 (media)').waitFor();
  await savedWith(page, 'Form PX-7 (media)');

  // A reload comes back to the section on screen, with every answer.
  await page.reload();
  await page.getByLabel('Name of the consent form patients sign for photos and video').waitFor();
  assert.equal(
    await page.getByLabel('Name of the consent form patients sign for photos and video').inputValue(),
    'Form PX-7 (media)',
  );
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button').first().click();
  await page.getByLabel('Legal name of the organization').waitFor();
  assert.equal(await page.getByLabel('Legal name of the organization').inputValue(), 'Riverbend Health Centre');

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    exportAnyway(page),
  ]);
  assert.match(download.suggestedFilename(), /^riverbend-health-centre-social-media-policy-\d{4}-\d{2}-\d{2}\.pdf$/);
  const dir = await mkdtemp(join(tmpdir(), 'policy-pdf-'));
  const file = join(dir, download.suggestedFilename());
  await download.saveAs(file);
  assert.equal((await readFile(file)).subarray(0, 5).toString(), '%PDF-');
  const text = flat(pdfText(file));
  assert.match(text, /Riverbend Health Centre Social Media Policy/);
  // Only the "photos allowed" answer brings in this clause, with the form's name.
  assert.match(text, /written consent on the Form PX-7 \(media\)/);
  // The Ontario answer brings in PHIPA.
  assert.match(text, /Personal Health Information Protection Act/);
  await page.getByText(/PDF downloaded \(\d+ pages\)/).waitFor();

  // The staff quick reference is a PDF of its own, on one page.
  const [sheet] = await Promise.all([
    page.waitForEvent('download'),
    exportAnyway(page, 'Staff quick reference (PDF)'),
  ]);
  assert.match(sheet.suggestedFilename(), /^riverbend-health-centre-staff-quick-reference-\d{4}-\d{2}-\d{2}\.pdf$/);
  await sheet.saveAs(join(dir, sheet.suggestedFilename()));
  const sheetText = pdfText(join(dir, sheet.suggestedFilename()));
  assert.match(flat(sheetText), /Riverbend Health Centre social media: quick reference for staff/);
  assert.match(flat(sheetText), /Page 1 of 1/);
  assert.doesNotMatch(flat(sheetText), /Contents/);
  await page.getByText('Quick reference downloaded (1 page).').waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('hiding a question keeps its answer for when it comes back', async () => {
  const { context, page } = await openDraft(env.browser, env.server.url);
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Patient privacy' }).click();
  const photos = page.getByRole('group', { name: 'May staff take photos or video of patients for official accounts?' });
  const form = page.getByLabel('Name of the consent form patients sign for photos and video');
  await photos.getByLabel('Yes').check();
  await form.fill('Consent C-1');
  await photos.getByLabel('No').check();
  await form.waitFor({ state: 'detached' });
  await photos.getByLabel('Yes').check();
  assert.equal(await form.inputValue(), 'Consent C-1');
  await context.close();
});

test('a full storage is reported with a way to keep the answers', async () => {
  const { context, page, errors } = await openDraft(env.browser, env.server.url, {
    init: `Storage.prototype.setItem = function () {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };`,
  });
  await page.getByLabel('Legal name of the organization').fill('Full Storage Clinic');
  const alert = page.getByRole('alert').filter({ hasText: 'Your answers are not being saved' });
  await alert.waitFor();
  await alert.getByText('The quota has been exceeded').waitFor();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    alert.getByRole('button', { name: 'Download your answers' }).click(),
  ]);
  const dir = await mkdtemp(join(tmpdir(), 'policy-full-'));
  assert.match(download.suggestedFilename(), /^full-storage-clinic-answers-\d{4}-\d{2}-\d{2}\.yaml$/);
  await download.saveAs(join(dir, 'answers.yaml'));
  const saved = await readFile(join(dir, 'answers.yaml'), 'utf8');
  assert.match(saved, /^format: social-media-policy-builder\/answers$/m);
  assert.match(saved, /^  legal_name: Full Storage Clinic$/m);
  assert.deepEqual(errors, []);
  await context.close();
});

test('hostile text stays text in the preview and the PDF', async () => {
  const { context, page, errors } = await openDraft(env.browser, env.server.url);
  const hostile = '<img src=x onerror="window.__pwned=1">) Tj (\\ Clinic';
  await page.getByLabel('Legal name of the organization').fill(hostile);
  const preview = page.getByRole('complementary', { name: 'Policy preview' });
  await preview.getByRole('heading', { name: `${hostile} Social Media Policy` }).waitFor();
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.equal(await preview.locator('img').count(), 0);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    exportAnyway(page),
  ]);
  const dir = await mkdtemp(join(tmpdir(), 'policy-hostile-'));
  await download.saveAs(join(dir, 'p.pdf'));
  assert.ok(flat(pdfText(join(dir, 'p.pdf'))).includes(hostile));
  assert.deepEqual(errors, []);
  await context.close();
});

test('the builder has no axe-core violations', async () => {
  const { context, page } = await openDraft(env.browser, env.server.url);
  for (const section of ['Your organization', 'Roles and official accounts', 'Patient privacy', 'Employees online']) {
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: section }).click();
    await page.getByRole('heading', { level: 2, name: section, exact: true }).waitFor();
    const results = await new AxeBuilder({ page }).analyze();
    assert.deepEqual(
      results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
      [],
      `axe violations on "${section}"`,
    );
  }
  await context.close();
});

test('the keyboard alone can answer a question and export', async () => {
  const { context, page } = await openDraft(env.browser, env.server.url);
  // Tab from the top of the page reaches the export button and the first
  // field. (A new draft starts with focus on its first section's heading.)
  await page.getByRole('heading', { level: 2, name: 'Your organization' }).waitFor();
  await page.evaluate(() => document.activeElement?.blur());
  const reached = [];
  // Enough presses to pass the end of the page and come round to its top.
  for (let i = 0; i < 48; i++) {
    await page.keyboard.press('Tab');
    reached.push(await page.evaluate(() => document.activeElement?.id || document.activeElement?.textContent?.trim()));
  }
  // The export button is named by its id in the list.
  assert.ok(reached.includes('export-pdf'), `tab order: ${reached.join(' | ')}`);
  assert.ok(reached.includes('q-legal_name'), `tab order: ${reached.join(' | ')}`);
  await page.getByLabel('Legal name of the organization').focus();
  await page.keyboard.type('Keyboard Clinic');
  await page.getByRole('complementary', { name: 'Policy preview' }).getByRole('heading', { name: 'Keyboard Clinic Social Media Policy' }).waitFor();
  await context.close();
});

test('the PDF worker is fetched on the first export only, and a missing worker is reported', async () => {
  const { context, page } = await openDraft(env.browser, env.server.url);
  const requested = [];
  page.on('request', (r) => requested.push(new URL(r.url()).pathname));
  await page.getByLabel('Legal name of the organization').fill('Worker Clinic');
  assert.deepEqual(requested.filter((p) => p.includes('pdf-worker')), []);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    exportAnyway(page),
  ]);
  assert.match(download.suggestedFilename(), /^worker-clinic-social-media-policy-/);
  assert.ok(requested.some((p) => p.endsWith('/pdf-worker_bg.wasm')), requested.join(' '));
  await context.close();

  // Without the service worker, which would serve its cached copy.
  const broken = await openDraft(env.browser, env.server.url, { serviceWorkers: 'block' });
  await broken.context.route('**/pdf-worker_loader.js', (route) => route.fulfill({ status: 404, body: 'gone' }));
  await exportAnyway(broken.page);
  await broken.page.getByText(/The PDF could not be made: the app's file and PDF helper (could not be loaded|failed)/).waitFor();
  await broken.context.close();
});

test('leaving the draft while its PDF is being made loses nothing and breaks nothing', async () => {
  const { context, page, errors } = await openDraft(env.browser, env.server.url);
  await page.getByLabel('Legal name of the organization').fill('Hasty Clinic');
  // The first export also fetches the worker: the page is gone before the
  // PDF comes back.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    exportAnyway(page).then(() => page.getByRole('link', { name: 'All drafts' }).click()),
  ]);
  assert.match(download.suggestedFilename(), /^hasty-clinic-social-media-policy-/);
  await page.getByRole('heading', { name: 'Your drafts', level: 1 }).waitFor();
  await page.waitForTimeout(300);
  assert.equal(await page.getByRole('heading', { name: 'Something went wrong' }).count(), 0);
  assert.deepEqual(errors, []);
  await page.getByRole('link', { name: 'Hasty Clinic', exact: true }).waitFor();
  await context.close();
});

test('a consistency warning appears for contradictory answers and leads to the question', async () => {
  const { context, page } = await openDraft(env.browser, env.server.url);
  const checks = page.getByRole('region', { name: 'Checks' });
  const revisit = checks.getByRole('button', { name: 'Revisit: Name of the consent form patients sign for photos and video' });
  assert.equal(await revisit.count(), 0);
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Patient privacy' }).click();
  await page.getByRole('group', { name: 'May staff take photos or video of patients for official accounts?' }).getByLabel('Yes').check();
  await revisit.waitFor();
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Your organization' }).click();
  await revisit.click();
  const field = page.getByLabel('Name of the consent form patients sign for photos and video');
  await page.waitForFunction(() => document.activeElement?.id === 'q-consent_form');
  await field.fill('Consent form A');
  await revisit.waitFor({ state: 'detached' });
  await context.close();
});

test('a sample organization starts a new draft in one click', async () => {
  const { context, page } = await openApp(env.browser, env.server.url);
  const preview = page.getByRole('complementary', { name: 'Policy preview' });
  await page.getByRole('button', { name: 'Lakeside Community Hospital (Ontario)' }).click();
  await preview.getByRole('heading', { name: 'Lakeside Social Media Policy' }).waitFor();
  assert.equal(await page.getByLabel('Legal name of the organization').inputValue(), 'Lakeside Community Hospital');

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export PDF' }).click(),
  ]);
  const dir = await mkdtemp(join(tmpdir(), 'policy-sample-'));
  await download.saveAs(join(dir, 'sample.pdf'));
  // The notice for approvers is in their cover note, not in the policy.
  assert.doesNotMatch(flat(pdfText(join(dir, 'sample.pdf'))), /not legal advice/);

  // A second sample is a second draft; the first is untouched.
  await page.getByRole('link', { name: 'All drafts' }).click();
  await page.getByRole('list', { name: 'Start from a sample organization' }).getByRole('button').nth(3).click();
  await page.getByLabel('Legal name of the organization').waitFor();
  assert.notEqual(await page.getByLabel('Legal name of the organization').inputValue(), 'Lakeside Community Hospital');
  await page.getByRole('link', { name: 'All drafts' }).click();
  await page.getByRole('link', { name: 'Lakeside', exact: true }).waitFor();
  assert.equal(await page.locator('.draft-list > li').count(), 2);
  await context.close();
});

test('focus stays put when an answer reveals a question, and moves to the heading of a new section', async () => {
  const { context, page } = await openDraft(env.browser, env.server.url);
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Patient privacy' }).click();
  await page.waitForFunction(() => document.activeElement?.id === 'section-heading');
  const yes = page.getByRole('group', { name: 'May staff take photos or video of patients for official accounts?' }).getByLabel('Yes');
  await yes.focus();
  await page.keyboard.press('Space');
  await page.getByLabel('Name of the consent form patients sign for photos and video').waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'q-patient_photos-yes');
  await context.close();
});
