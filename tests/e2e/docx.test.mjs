// The Word export of a reviewed draft, end to end in the release build:
// a draft file with a review (an open comment with a reply, a resolved
// one, a section edited since its verdict) is imported, exported as Word,
// and the file is read by three independent readers: python-docx (styles,
// numbering, properties, language, comments, header and footer fields),
// pandoc (headings at their levels, lists as lists, text in order) and
// LibreOffice (converts it to PDF without error, with every heading in
// order; its flat ODF conversion has the tracked changes and the
// comments). The sign-off sheet and the review reminder come out too, in
// the policy's language.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile, mkdtemp } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { suite, openApp, downloadOf, pdfText, flat, axeViolations } from './harness.mjs';

const env = suite();
const here = dirname(new URL(import.meta.url).pathname);
const python = join(here, '../../target/tools/docx/bin/python');

/** The python-docx reading of `file` (and the calendar of `ics`). */
function pythonDocx(file, ics) {
  const args = [join(here, 'docx_check.py'), file, ...(ics ? [ics] : [])];
  return JSON.parse(execFileSync(python, args, { encoding: 'utf8' }));
}

/** Every pandoc block of `kind` (e.g. "Header") in the document, depth first. */
function blocks(node, kind, out = []) {
  if (Array.isArray(node)) node.forEach((n) => blocks(n, kind, out));
  else if (node && typeof node === 'object') {
    if (node.t === kind) out.push(node);
    Object.values(node).forEach((v) => blocks(v, kind, out));
  }
  return out;
}

/** The plain text of a pandoc inline list. */
function inlines(list) {
  return list
    .map((i) => (i.t === 'Str' ? i.c : i.t === 'Space' || i.t === 'SoftBreak' ? ' ' : Array.isArray(i.c) ? inlines(i.c.flat().filter((x) => x && x.t)) : ''))
    .join('');
}

/** A review added to the answer file `yaml`. */
function withReview(yaml) {
  return `${yaml.trimEnd()}
review:
  sections:
    purpose:
      comments:
        - id: c1
          author: Ana Silva
          at: "2026-11-25T10:00:00.000Z"
          text: Please name who approves patient stories.
          replies:
            - author: Comms Team
              at: "2026-11-26T09:00:00.000Z"
              text: Added to the privacy section.
        - id: c2
          author: Ben Ode
          at: "2026-11-25T11:00:00.000Z"
          text: This one is dealt with.
          resolved: true
    scope:
      verdict: changes_requested
      reviewed_text: "3 Scope\\nZanzibar quokka wording.\\n"
  decisions:
    - reviewer: Ana Silva
      role: HR business partner
      date: "2026-11-25"
      verdict: changes_requested
      version: "0.9"
`;
}

test('a reviewed draft exports as a Word file that Word processors read: styles, numbering, comments, tracked changes', async () => {
  const { context, page: first } = await openApp(env.browser, env.server.url);
  await first.getByRole('button', { name: 'Lakeside Community Hospital (Ontario)' }).click();
  await first.getByLabel('Legal name of the organization').waitFor();
  const answers = await downloadOf(first, () => first.getByRole('button', { name: 'Download answer file' }).click());
  const dir = await mkdtemp(join(tmpdir(), 'policy-docx-'));
  const reviewed = join(dir, 'reviewed.yaml');
  await writeFile(reviewed, withReview(await readFile(answers.path, 'utf8')));

  await context.close();

  // A fresh browser profile, as the authors' colleague would have.
  const { context: other, page, errors } = await openApp(env.browser, env.server.url);
  await page.getByLabel('Import an answer file').setInputFiles(reviewed);
  // The drafts page says when the review is due.
  await page.getByText('Next review: 15 January 2028').waitFor();
  await page.getByRole('link', { name: 'Lakeside' }).click();
  await page.getByLabel('Legal name of the organization').waitFor();
  await page.getByRole('button', { name: 'Export Word (DOCX)' }).waitFor();
  const word = await downloadOf(page, () => page.getByRole('button', { name: 'Export Word (DOCX)' }).click());
  assert.match(word.name, /^lakeside-community-hospital-social-media-policy-\d{4}-\d{2}-\d{2}\.docx$/);
  await page.getByText('Word file downloaded.').waitFor();
  assert.equal((await readFile(word.path)).subarray(0, 2).toString(), 'PK');

  // The PDF of the same draft, for the headings to compare with.
  const pdf = await downloadOf(page, () => page.getByRole('button', { name: 'Export PDF' }).click());
  const pdfFlat = flat(pdfText(pdf.path));

  // python-docx: Word's style names, numbering, properties, comments, fields.
  const d = pythonDocx(word.path);
  const styles = new Set(d.paragraphs.map((p) => p.style));
  for (const name of ['Title', 'Heading 1', 'Heading 2', 'Normal', 'List Number', 'List Bullet', 'Policy Notice']) {
    assert.ok(styles.has(name), `style ${name} in ${[...styles].join(', ')}`);
  }
  const headings = d.paragraphs.filter((p) => p.style === 'Heading 1');
  assert.ok(headings.length >= 10, `${headings.length} top-level headings`);
  assert.ok(headings.every((p) => p.numbered), 'headings carry Word numbering, not typed numbers');
  assert.ok(d.paragraphs.filter((p) => p.style === 'List Bullet').every((p) => p.numbered));
  assert.ok(d.numbering_formats.includes('bullet') && d.numbering_formats.includes('decimal'), `${d.numbering_formats}`);
  assert.equal(d.title, 'Lakeside Social Media Policy');
  assert.equal(d.author, 'Lakeside Community Hospital');
  assert.equal(d.subject, 'Social media policy');
  assert.match(d.keywords, /social media/);
  assert.equal(d.language, 'en-CA');
  assert.ok(d.style_languages.includes('en-CA'), `${d.style_languages}`);
  assert.match(d.header, /Lakeside Community Hospital/);
  assert.deepEqual(d.footer_fields, ['PAGE', 'NUMPAGES']);
  assert.ok(d.toc_field, 'a table of contents field');
  assert.deepEqual(
    d.comments.map((c) => [c.author, c.text]),
    [
      ['Ana Silva', 'Please name who approves patient stories.'],
      ['Comms Team', 'Added to the privacy section.'],
    ],
  );
  assert.ok(d.insertions > 0 && d.deletions > 0, `tracked: ${d.insertions} insertions, ${d.deletions} deletions`);
  // The revision history and the next review are in the file.
  const all = d.paragraphs.map((p) => p.text).join('\n');
  assert.match(all, /Review and revision history/);
  assert.match(all, /Next review: \d+ \w+ \d{4}|Review was due on/);

  // pandoc: headings at their levels, lists as lists, text in order.
  const ast = JSON.parse(execFileSync('pandoc', ['-f', 'docx', '-t', 'json', word.path], { encoding: 'utf8' }));
  const levels = blocks(ast.blocks, 'Header').map((h) => [h.c[0], inlines(h.c[2])]);
  const top = levels.filter(([l]) => l === 1).map(([, t]) => t);
  assert.deepEqual(top, headings.map((p) => p.text), 'level 1 headings, in order');
  assert.ok(levels.some(([l]) => l === 2), 'subsections at level 2');
  assert.ok(blocks(ast.blocks, 'BulletList').length > 3, 'bulleted lists');
  assert.ok(blocks(ast.blocks, 'OrderedList').length > 0, 'numbered lists');
  let at = -1;
  for (const t of top) {
    const found = pdfFlat.indexOf(t, at + 1);
    assert.ok(found > at, `${t} in the PDF after the heading before it`);
    at = found;
  }

  // LibreOffice: converts without error; its PDF has the headings in
  // order. The comments and tracked changes are read from its flat ODF
  // conversion (office:annotation, text:tracked-changes), which keeps them
  // as data rather than as marks in a margin.
  const out = join(dir, 'lo');
  const soffice = (to) =>
    execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', to, '--outdir', out, word.path], {
      stdio: 'pipe',
      timeout: 120_000,
    });
  soffice('pdf');
  const lo = flat(pdfText(join(out, word.name.replace(/\.docx$/, '.pdf'))));
  at = -1;
  for (const t of top) {
    const found = lo.indexOf(t, at + 1);
    assert.ok(found > at, `${t} in LibreOffice's PDF, in order`);
    at = found;
  }
  soffice('fodt');
  const odt = JSON.parse(
    execFileSync(python, [join(here, 'docx_check.py'), '--odt', join(out, word.name.replace(/\.docx$/, '.fodt'))], { encoding: 'utf8' }),
  );
  assert.deepEqual(
    odt.annotations.map((a) => [a.author, a.text]).sort(),
    [
      ['Ana Silva', 'Please name who approves patient stories.'],
      ['Comms Team', 'Added to the privacy section.'],
    ],
    'the open comment and its reply, the resolved one left out',
  );
  const deleted = odt.changes.filter((c) => c.kind === 'deletion');
  assert.ok(odt.changes.some((c) => c.kind === 'insertion'), `tracked insertions: ${JSON.stringify(odt.changes)}`);
  assert.match(deleted.map((c) => c.text).join(' '), /Zanzibar quokka/, 'the removed words are a tracked deletion');
  assert.ok(odt.changes.every((c) => c.author === 'Policy drafters'), 'the changes carry their author');

  assert.deepEqual(await axeViolations(page), [], 'axe with the new buttons');
  assert.deepEqual(errors, []);
  await other.close();
});

test('the sign-off sheet and the review reminder come out for the current version', async () => {
  const { context, page, errors } = await openApp(env.browser, env.server.url);
  await page.getByRole('button', { name: 'Lakeside Community Hospital (Ontario)' }).click();
  await page.getByLabel('Legal name of the organization').waitFor();
  const sheet = await downloadOf(page, () => page.getByRole('button', { name: 'Staff sign-off sheet (PDF)' }).click());
  const text = flat(pdfText(sheet.path));
  assert.match(text, /I have read and understood the Lakeside Social Media Policy/);
  for (const line of ['Name:', 'Role:', 'Signature:', 'Date:']) assert.ok(text.includes(line), line);
  const pages = execFileSync('qpdf', ['--show-npages', sheet.path], { encoding: 'utf8' }).trim();
  assert.equal(pages, '1', 'one page');
  const sheetWord = await downloadOf(page, () => page.getByRole('button', { name: 'Staff sign-off sheet (Word)' }).click());
  const ics = await downloadOf(page, () => page.getByRole('button', { name: 'Review reminder (.ics)' }).click());
  assert.match(ics.name, /^social-media-policy-review-\d{4}-\d{2}-\d{2}\.ics$/);
  const d = pythonDocx(sheetWord.path, ics.path);
  assert.ok(d.paragraphs.some((p) => /I have read and understood/.test(p.text)));
  assert.equal(d.events.length, 1);
  assert.match(d.events[0].summary, /^Review due: Lakeside Social Media Policy$/);
  assert.equal(d.events[0].start, ics.name.match(/(\d{4}-\d{2}-\d{2})/)[1]);
  assert.match(d.events[0].description, /Owner: /);
  assert.match(d.events[0].description, /Checklist:/);
  assert.deepEqual(errors, []);
  await context.close();
});

test("a French policy's sign-off sheet and review reminder are in French, whatever the interface", async () => {
  const { context, page, errors } = await openApp(env.browser, env.server.url);
  await page.getByRole('button', { name: "Centre d'hébergement Saint-Éloi (Quebec)" }).click();
  await page.locator('#preview').getByText('médias sociaux').first().waitFor();
  const sheetWord = await downloadOf(page, () => page.getByRole('button', { name: 'Staff sign-off sheet (Word)' }).click());
  const ics = await downloadOf(page, () => page.getByRole('button', { name: 'Review reminder (.ics)' }).click());
  const d = pythonDocx(sheetWord.path, ics.path);
  assert.ok(d.paragraphs.some((p) => /J'ai lu et compris/.test(p.text)), 'the sheet is French');
  assert.equal(d.events.length, 1);
  const [event] = d.events;
  assert.match(event.summary, /^Révision prévue\u00a0: /);
  assert.match(event.description, /Responsable\u00a0: /);
  assert.match(event.description, /À faire\u00a0:/);
  for (const english of [/Review/, /Owner/, /Checklist/]) assert.doesNotMatch(`${event.summary} ${event.description}`, english);
  assert.deepEqual(errors, []);
  await context.close();
});

test("the organization's Word template, picked once for a draft, restyles its Word export", async () => {
  const { context, page, errors } = await openApp(env.browser, env.server.url);
  await page.getByRole('button', { name: 'Lakeside Community Hospital (Ontario)' }).click();
  await page.getByLabel('Legal name of the organization').waitFor();
  const dir = await mkdtemp(join(tmpdir(), 'policy-template-'));
  const picker = page.getByLabel('Word template (.docx or .dotx)');

  // A file that is not a Word document is refused with the reason.
  const notes = join(dir, 'notes.txt');
  await writeFile(notes, 'Our house style: Georgia, red headings.');
  await picker.setInputFiles(notes);
  await page.getByText('"notes.txt" is not a Word document: choose a .docx or .dotx file.').waitFor();
  const renamed = join(dir, 'renamed.docx');
  await writeFile(renamed, 'not a zip at all');
  await picker.setInputFiles(renamed);
  await page.getByText(/"renamed\.docx" is not a Word document inside/).waitFor();
  assert.equal(await page.getByRole('button', { name: 'Remove the Word template' }).count(), 0, 'nothing was kept');

  // The house template: python-docx's default document, Heading 1 in red Georgia.
  const house = join(dir, 'house.docx');
  execFileSync(python, [join(here, 'docx_check.py'), '--make-template', house]);
  await picker.setInputFiles(house);
  await page.getByText(/Word exports now use house\.docx \(\d+ KB\)\./).waitFor();

  // Kept with the draft: still there after a reload.
  await page.reload();
  await page.getByLabel('Legal name of the organization').waitFor();
  await page.getByText(/Word exports use the styles, theme and fonts of house\.docx/).waitFor();
  const word = await downloadOf(page, () => page.getByRole('button', { name: 'Export Word (DOCX)' }).click());
  const d = pythonDocx(word.path);
  assert.equal(d.heading1_font, 'Georgia', "the template's Heading 1 font");
  assert.equal(d.heading1_color, 'C00000', "the template's Heading 1 colour");
  assert.ok(d.paragraphs.some((p) => p.style === 'Policy Notice'), 'our notice style where the template has none');

  // Kept in a backup of every draft: restored into a fresh browser, the
  // draft's Word export is in the house style there too.
  await page.getByRole('link', { name: 'All drafts', exact: true }).click();
  const safe = page.getByRole('region', { name: 'Keep your drafts safe' });
  const backup = await downloadOf(page, () => safe.getByRole('button', { name: 'Back up all drafts' }).click());
  assert.ok(JSON.parse(await readFile(backup.path, 'utf8')).drafts[0].word_template, 'the backup holds the template');
  const fresh = await openApp(env.browser, env.server.url);
  await fresh.page.getByLabel('Restore drafts from a backup').setInputFiles(backup.path);
  await fresh.page.getByText('Restored 1 draft from the backup.').waitFor();
  await fresh.page.getByRole('link', { name: 'Lakeside', exact: true }).click();
  await fresh.page.getByText(/Word exports use the styles, theme and fonts of house\.docx/).waitFor();
  const restored = pythonDocx((await downloadOf(fresh.page, () => fresh.page.getByRole('button', { name: 'Export Word (DOCX)' }).click())).path);
  assert.equal(restored.heading1_font, 'Georgia', 'the restored draft keeps its template');
  assert.deepEqual(fresh.errors, []);
  await fresh.context.close();
  await page.goBack();
  await page.getByLabel('Legal name of the organization').waitFor();

  // Removed: the export is in the app's own styles again.
  await page.getByRole('button', { name: 'Remove the Word template' }).click();
  await page.getByText("The Word template is removed; Word exports use the app's own styles.").waitFor();
  const plain = pythonDocx((await downloadOf(page, () => page.getByRole('button', { name: 'Export Word (DOCX)' }).click())).path);
  assert.notEqual(plain.heading1_font, 'Georgia');
  assert.notEqual(plain.heading1_color, 'C00000');

  assert.deepEqual(await axeViolations(page), [], 'axe with the template picker');
  assert.deepEqual(errors, []);
  await context.close();
});
