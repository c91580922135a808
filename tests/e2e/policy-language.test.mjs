// The policy's own language (issue 21): chosen per draft apart from the
// interface language, the content fetched as a data file per language and
// kept for offline use. The Quebec sample opens in French with an English
// interface; its PDF is French (read back with pdftotext), its revision
// history appendix included, and says fr-CA
// (read back with qpdf); switching the policy to English keeps the answers
// and the focus; a visit with the network cut still opens the French
// policy; the trainer handout follows the policy's languages (both in one
// PDF, French first, or the one chosen; French alone for a French policy);
// the web page and the Word file of a policy in French and English hold
// both versions, French first, each in its language (the page read in the
// browser with axe-core, the Word file with pandoc and Python's zipfile);
// a content file whose templates do not load still lists the samples, and
// a draft names the broken file with Try again; and axe-core finds nothing
// on a French page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { suite, openApp, serveDist, pdfText, flat, axeViolations, downloadOf } from './harness.mjs';

const env = suite();
const QUEBEC = "Centre d'hébergement Saint-Éloi (Quebec)";

/** Clicks the export button `name` (answering "Export anyway" if asked) and saves the file. */
async function exportPdf(page, name = 'Export PDF') {
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name }).click();
  const dialog = page.getByRole('alertdialog');
  const first = await Promise.race([download.then(() => 'download'), dialog.waitFor().then(() => 'dialog')]);
  if (first === 'dialog') await dialog.getByRole('button', { name: 'Export anyway' }).click();
  const saved = await download;
  const path = join(await mkdtemp(join(tmpdir(), 'policy-lang-')), saved.suggestedFilename());
  await saved.saveAs(path);
  return path;
}

/** The catalog's /Lang, read with qpdf from an uncompressed copy. */
async function pdfLang(path) {
  const plain = `${path}.qdf`;
  execFileSync('qpdf', ['--qdf', '--object-streams=disable', path, plain]);
  const text = (await readFile(plain)).toString('latin1');
  const catalog = text.split(/\n(?=\d+ 0 obj)/).find((o) => /\/Type \/Catalog/.test(o));
  return /\/Lang \(([^)]*)\)/.exec(catalog ?? '')?.[1];
}

const previewText = async (page) => flat(await page.locator('#preview').innerText());

test('the Quebec sample opens in French under an English interface, exports a French PDF, and switches to English keeping its answers', async () => {
  const { context, page, errors } = await openApp(env.browser, env.server.url);
  await page.getByRole('button', { name: QUEBEC }).click();
  const choice = page.getByLabel('Language of the policy');
  await choice.waitFor();
  assert.equal(await choice.inputValue(), 'fr-CA');
  // The questions stay in the interface language; the preview is French.
  await page.getByLabel('Legal name of the organization').waitFor();
  const name = await page.getByLabel('Legal name of the organization').inputValue();
  assert.ok(name.length > 0, 'the sample has a name');
  await page.locator('#preview').getByText('médias sociaux').first().waitFor();
  assert.doesNotMatch(await previewText(page), /Why we use social media/);

  const pdf = await exportPdf(page);
  const text = flat(pdfText(pdf));
  assert.match(text, /Politique sur les médias sociaux/);
  assert.match(text, /renseignements personnels/);
  assert.doesNotMatch(text, /Why we use social media/);
  // The appendix the app writes itself is French too.
  assert.match(text, /Historique des révisions et des versions/);
  assert.match(text, /Prochaine révision : 1er février 2029/);
  assert.doesNotMatch(text, /Review and revision history|Next review|What changed|Approved by|Not yet/);
  assert.equal(await pdfLang(pdf), 'fr-CA');

  await choice.selectOption('en');
  await page.locator('#preview').getByText('Why we use social media').first().waitFor();
  assert.equal(await page.getByLabel('Language of the policy').inputValue(), 'en');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'policy-language', 'the focus stays on the choice');
  assert.equal(await page.getByLabel('Legal name of the organization').inputValue(), name, 'the answers are kept');
  // And it is stored: a reload opens the English policy.
  await page.getByText(/^Saved in this browser/).waitFor();
  await page.reload();
  await page.locator('#preview').getByText('Why we use social media').first().waitFor();
  const english = await exportPdf(page);
  assert.match(flat(pdfText(english)), /Why we use social media/);
  assert.match(flat(pdfText(english)), /Review and revision history/);
  assert.match(flat(pdfText(english)), /Next review: 1 February 2029/);
  assert.match((await pdfLang(english)) ?? '', /^en-/);
  assert.deepEqual(errors, []);
  await context.close();
});

/** Every /Lang the PDF's objects carry, catalog and structure elements alike. */
async function pdfLangs(path) {
  const plain = `${path}.all.qdf`;
  execFileSync('qpdf', ['--qdf', '--object-streams=disable', path, plain]);
  const text = (await readFile(plain)).toString('latin1');
  return [...text.matchAll(/\/Lang \(([^)]*)\)/g)].map((m) => m[1]);
}

test('a policy in French and English exports one PDF holding both, French first, each part in its language, or one language as chosen', async () => {
  const { context, page, errors } = await openApp(env.browser, env.server.url);
  await page.getByRole('button', { name: QUEBEC }).click();
  await page.getByLabel('Language of the policy').selectOption('fr-CA+en');
  await page.locator('#preview').getByText('médias sociaux').first().waitFor();
  const both = page.getByRole('radio', { name: 'Both, in one file' });
  await both.waitFor();
  assert.ok(await both.isChecked(), 'both languages in one PDF is the default');

  const pdf = await exportPdf(page);
  const text = flat(pdfText(pdf));
  const french = text.indexOf('Pourquoi nous utilisons les médias sociaux');
  const english = text.indexOf('Why we use social media');
  assert.ok(french >= 0 && english > french, `French first, then English (at ${french} and ${english})`);
  assert.equal(await pdfLang(pdf), 'fr-CA');
  assert.ok((await pdfLangs(pdf)).some((l) => l.startsWith('en-')), 'the English part says it is English');

  await page.getByRole('radio', { name: 'English only' }).check();
  const only = flat(pdfText(await exportPdf(page)));
  assert.match(only, /Why we use social media/);
  assert.doesNotMatch(only, /Pourquoi nous utilisons les médias sociaux/);
  assert.deepEqual(errors, []);
  await context.close();
});

const FRENCH_FIRST = 'Pourquoi nous utilisons les médias sociaux';
const ENGLISH_FIRST = 'Why we use social media';
// The templates' words of each version (the sample's free-text answers,
// shared by both versions, are French in both).
const FRENCH_WORDS = [/Champ d.application/, /médias sociaux/, /Qui fait quoi/];
const ENGLISH_WORDS = [/Scope/, /social media/, /Who does what/];
const NOT_FRENCH = /Why we use|Who does what/;
const NOT_ENGLISH = /Pourquoi nous|Champ d.application|Qui fait quoi/;

/** Every w:lang value of each paragraph with text of a Word file's body, read with Python's zipfile. */
function wordLanguages(path) {
  const script = `
import json, re, sys, zipfile
body = zipfile.ZipFile(sys.argv[1]).read('word/document.xml').decode()
out = []
for p in re.findall(r'<w:p[ >].*?</w:p>', body, re.S):
    text = ''.join(re.findall(r'<w:t[^>]*>([^<]*)</w:t>', p))
    if text.strip():
        out.append([text, sorted(set(re.findall(r'<w:lang w:val="([^"]+)"', p)))])
print(json.dumps(out))
`;
  return JSON.parse(execFileSync('python3', ['-c', script, path], { encoding: 'utf8' }));
}

test('a policy in French and English downloads one web page and one Word file holding both, French first, each in its language', async () => {
  const { context, page, errors } = await openApp(env.browser, env.server.url);
  await page.getByRole('button', { name: QUEBEC }).click();
  await page.getByLabel('Language of the policy').selectOption({ label: 'French and English (French first)' });
  await page.locator('#preview').getByText('médias sociaux').first().waitFor();
  const both = page.getByRole('radio', { name: 'Both, in one file' });
  await both.waitFor();
  assert.ok(await both.isChecked());
  assert.equal(await page.getByText(/made in one language/).count(), 0, 'no first-language-only note');

  // The web page: both versions, French first, each in its language.
  const html = await exportPdf(page, 'Download as web page');
  assert.match(html, /\.html$/);
  await page.getByText('Web page downloaded.').waitFor();
  const viewer = await env.browser.newContext({ bypassCSP: true });
  const web = await viewer.newPage();
  const requests = [];
  web.on('request', (r) => requests.push(r.url()));
  const url = pathToFileURL(html).href;
  await web.goto(url);
  assert.deepEqual(requests, [url], 'the page asks for nothing');
  assert.equal(await web.locator('html').getAttribute('lang'), 'fr-CA');
  assert.deepEqual(await web.locator('article').evaluateAll((as) => as.map((a) => a.lang)), ['fr-CA', 'en-CA']);
  assert.match(await web.title(), / \/ /, 'the title names both titles');
  const french = web.locator('article[lang="fr-CA"]');
  const english = web.locator('article[lang="en-CA"]');
  await french.getByRole('heading', { name: `1 ${FRENCH_FIRST}` }).waitFor();
  await english.getByRole('heading', { name: `1 ${ENGLISH_FIRST}` }).waitFor();
  const frenchText = await french.innerText();
  const englishText = await english.innerText();
  for (const words of FRENCH_WORDS) assert.match(frenchText, words);
  for (const words of ENGLISH_WORDS) assert.match(englishText, words);
  assert.doesNotMatch(frenchText, NOT_FRENCH);
  assert.doesNotMatch(englishText, NOT_ENGLISH);
  // Each version's contents link to its own headings; the switch goes to the other version.
  const contents = web.getByRole('navigation', { name: 'Contents' });
  const last = contents.getByRole('link').last();
  const target = (await last.getAttribute('href')).slice(1);
  await last.click();
  assert.equal(new URL(web.url()).hash, `#${target}`);
  assert.equal(await english.locator(`[id="${target}"]`).count(), 1, 'the English contents link into the English version');
  await web.getByRole('navigation', { name: 'Table des matières' }).waitFor();
  const toEnglish = french.getByRole('link', { name: 'English version' });
  assert.equal(await toEnglish.getAttribute('hreflang'), 'en-CA');
  await toEnglish.click();
  assert.equal(await web.locator(':target').getAttribute('lang'), 'en-CA');
  assert.equal(await english.getByRole('link', { name: 'Version française' }).getAttribute('hreflang'), 'fr-CA');
  const results = await new AxeBuilder({ page: web }).analyze();
  assert.deepEqual(
    results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    [],
  );
  await web.emulateMedia({ media: 'print' });
  assert.deepEqual((await new AxeBuilder({ page: web }).analyze()).violations.map((v) => v.id), [], 'in print');
  await viewer.close();

  // The Word file: pandoc reads both versions, French first, each in its language.
  const word = await exportPdf(page, 'Export Word (DOCX)');
  assert.match(word, /\.docx$/);
  await page.getByRole('status').filter({ hasText: /^Word file downloaded/ }).waitFor();
  const plain = flat(execFileSync('pandoc', ['-f', 'docx', '-t', 'plain', '--wrap=none', word], { encoding: 'utf8' }));
  const frenchAt = plain.indexOf(FRENCH_FIRST);
  const englishAt = plain.indexOf(ENGLISH_FIRST);
  assert.ok(frenchAt >= 0 && englishAt > frenchAt, `French first, then English (at ${frenchAt} and ${englishAt})`);
  for (const words of FRENCH_WORDS) assert.match(plain.slice(frenchAt, englishAt), words);
  for (const words of ENGLISH_WORDS) assert.match(plain.slice(englishAt), words);
  assert.doesNotMatch(plain.slice(englishAt), NOT_ENGLISH);
  assert.doesNotMatch(plain.slice(0, englishAt), NOT_FRENCH);
  // Every paragraph says its version's language, so Word proofs each with its own dictionary.
  const paragraphs = wordLanguages(word);
  const split = paragraphs.findIndex(([, langs]) => langs.includes('en-CA'));
  const frenchHeading = paragraphs.findIndex(([text]) => text === FRENCH_FIRST);
  const englishHeading = paragraphs.findIndex(([text]) => text === ENGLISH_FIRST);
  assert.ok(frenchHeading >= 0 && frenchHeading < split && split <= englishHeading, `${frenchHeading} ${split} ${englishHeading}`);
  for (const [text, langs] of paragraphs.slice(0, split)) assert.deepEqual(langs, ['fr-CA'], text);
  for (const [text, langs] of paragraphs.slice(split)) assert.deepEqual(langs, ['en-CA'], text);

  // One language chosen: the one-version page and Word file, as before.
  await page.getByRole('radio', { name: 'English only' }).check();
  const alone = await readFile(await exportPdf(page, 'Download as web page'), 'utf8');
  assert.match(alone, /^<!DOCTYPE html>\n<html lang="en-CA">/);
  assert.ok(!alone.includes('<article') && !alone.includes(FRENCH_FIRST), 'English only');
  const only = flat(execFileSync('pandoc', ['-f', 'docx', '-t', 'plain', '--wrap=none', await exportPdf(page, 'Export Word (DOCX)')], { encoding: 'utf8' }));
  assert.ok(only.includes(ENGLISH_FIRST) && !only.includes(FRENCH_FIRST), 'the Word file in English only');
  assert.deepEqual(errors, []);
  await context.close();
});

test('an English visit asks for no French content, and a French policy opened once still opens with the network cut', async () => {
  const own = await serveDist();
  const { context, page, errors } = await openApp(env.browser, own.url);
  const asked = [];
  page.on('request', (r) => asked.push(new URL(r.url()).pathname));
  await page.getByRole('heading', { name: 'Your drafts', level: 1 }).waitFor();
  await page.getByRole('button', { name: 'Start a new draft' }).waitFor();
  assert.ok(!asked.some((p) => p.includes('/content/fr-CA-')), `the page asked for French: ${asked.join(', ')}`);
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await page.getByRole('button', { name: QUEBEC }).click();
  await page.locator('#preview').getByText('médias sociaux').first().waitFor();
  const url = page.url();
  await own.close();
  await context.setOffline(true);
  await page.reload();
  assert.equal(page.url(), url);
  await page.locator('#preview').getByText('médias sociaux').first().waitFor();
  await page.getByLabel('Legal name of the organization').waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('a damaged content file gets a clear message and a way to try again, and the drafts are untouched', async () => {
  const { context, page, errors } = await openApp(env.browser, env.server.url, { serviceWorkers: 'block' });
  await page.getByRole('button', { name: 'Start a new draft' }).click();
  await page.getByLabel('Legal name of the organization').fill('Clinique du Nord');
  await page.getByText(/^Saved in this browser/).waitFor();
  const stored = await page.evaluate(() => JSON.stringify(Object.entries(localStorage).sort()));
  // The next load of the English content is cut short.
  let broken = true;
  await page.route('**/content/en-*.json', async (route) => {
    if (!broken) return route.continue();
    const response = await route.fetch();
    const body = await response.text();
    await route.fulfill({ response, body: body.slice(0, body.length / 2) });
  });
  await page.reload();
  const alert = page.getByRole('alert').filter({ hasText: 'The policy templates could not be loaded' });
  await alert.waitFor();
  assert.match(await alert.innerText(), /damaged/);
  assert.equal(await page.evaluate(() => JSON.stringify(Object.entries(localStorage).sort())), stored, 'nothing stored changed');
  broken = false;
  await alert.getByRole('button', { name: 'Try again' }).click();
  await page.getByLabel('Legal name of the organization').waitFor();
  assert.equal(await page.getByLabel('Legal name of the organization').inputValue(), 'Clinique du Nord');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a content file that reads but whose templates do not load: the drafts page still lists the samples, a draft says which file is broken, and Try again opens it', async () => {
  const { context, page, errors } = await openApp(env.browser, env.server.url, { serviceWorkers: 'block' });
  await page.getByRole('button', { name: 'Start a new draft' }).click();
  await page.getByLabel('Legal name of the organization').fill('Clinique du Nord');
  await page.getByText(/^Saved in this browser/).waitFor();
  const draftUrl = page.url();
  let broken = true;
  let brokenFile = '';
  await page.route('**/content/en-*.json', async (route) => {
    if (!broken) return route.continue();
    const response = await route.fetch();
    const content = JSON.parse(await response.text());
    brokenFile = content.clauses[0].file;
    content.clauses[0].data = { sections: 3 };
    await route.fulfill({ response, body: JSON.stringify(content) });
  });
  // The drafts page needs only the samples and pack versions: it works.
  await page.goto(env.server.url);
  await page.getByRole('button', { name: 'Lakeside Community Hospital (Ontario)' }).waitFor();
  // A draft needs the templates: their problems are said, located.
  await page.goto(draftUrl);
  const alert = page.getByRole('alert').filter({ hasText: 'The policy templates could not be loaded' });
  await alert.waitFor();
  assert.ok(brokenFile && (await alert.innerText()).includes(brokenFile), `the broken file is named: ${await alert.innerText()}`);
  broken = false;
  await alert.getByRole('button', { name: 'Try again' }).click();
  await page.getByLabel('Legal name of the organization').waitFor();
  assert.equal(await page.getByLabel('Legal name of the organization').inputValue(), 'Clinique du Nord');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a French interface with a French policy has no axe-core violation', async () => {
  const { context, page, errors } = await openApp(env.browser, env.server.url);
  await page.getByLabel('Interface language').selectOption('fr');
  await page.getByRole('button', { name: 'Commencer un nouveau brouillon' }).click();
  const choice = page.getByLabel('Langue de la politique');
  await choice.waitFor();
  assert.equal(await choice.inputValue(), 'fr-CA', 'a new policy is written in the interface language');
  await page.getByLabel("Nom légal de l'organisation").fill('Clinique du Nord');
  await page.locator('#preview').getByText('Clinique du Nord').first().waitFor();
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(errors, []);
  await context.close();
});

/** Opens trainer mode of the open draft, then its "privacy basics" deck, and downloads its handout. */
async function handoutOf(page) {
  await page.getByRole('navigation', { name: 'Draft' }).getByRole('link', { name: 'Trainer mode' }).click();
  await page.getByRole('heading', { name: 'Trainer mode' }).waitFor();
  await page.getByRole('link', { name: /confidentialité|Privacy basics/ }).first().click();
  await page.getByRole('status').filter({ hasText: /^Scenario 1 of \d+$/ }).waitFor();
  await page.getByText('Handout and demo link').click();
  return page;
}

async function downloadHandout(page) {
  const { path } = await downloadOf(page, () => page.getByRole('button', { name: 'Download handout PDF' }).click());
  await page.getByRole('status').filter({ hasText: /^Handout downloaded \(\d+ pages?\)\.$/ }).waitFor();
  return flat(pdfText(path));
}

const FRENCH_HANDOUT = /L.essentiel de la confidentialité : mises en situation pour s.exercer/;
const ENGLISH_HANDOUT = /Privacy basics: practice scenarios/;

test("the trainer handout follows the policy's languages: both versions in one PDF, French first, or the one chosen", async () => {
  const { context, page, errors } = await openApp(env.browser, env.server.url);
  await page.getByRole('button', { name: QUEBEC }).click();
  await page.getByLabel('Language of the policy').selectOption('fr-CA+en');
  await page.locator('#preview').getByText('médias sociaux').first().waitFor();
  await handoutOf(page);
  const both = page.getByRole('radio', { name: 'Both, in one file' });
  assert.ok(await both.isChecked(), 'both languages in one PDF is the default');
  assert.deepEqual(await axeViolations(page), [], 'the handout with its languages');

  const text = await downloadHandout(page);
  const french = text.search(FRENCH_HANDOUT);
  const english = text.search(ENGLISH_HANDOUT);
  assert.ok(french >= 0 && english > french, `French first, then English (at ${french} and ${english})`);
  assert.match(text.slice(french, english), /Verdict : (acceptable|pas acceptable)/);
  assert.match(text.slice(english), /Verdict: (Fine|Not fine)/);

  await page.getByRole('radio', { name: 'English only' }).check();
  const only = await downloadHandout(page);
  assert.match(only, ENGLISH_HANDOUT);
  assert.doesNotMatch(only, /mises en situation pour s.exercer/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a French-only policy prints its trainer handout in French, with no choice of languages', async () => {
  const { context, page, errors } = await openApp(env.browser, env.server.url);
  await page.getByRole('button', { name: QUEBEC }).click();
  assert.equal(await page.getByLabel('Language of the policy').inputValue(), 'fr-CA');
  await handoutOf(page);
  assert.equal(await page.getByRole('radio', { name: 'Both, in one file' }).count(), 0);
  const text = await downloadHandout(page);
  assert.match(text, FRENCH_HANDOUT);
  assert.match(text, /Verdict : (acceptable|pas acceptable)/);
  for (const english of [ENGLISH_HANDOUT, /Verdict: /, /Policy clauses/, /practice scenarios/]) {
    assert.doesNotMatch(text, english);
  }
  assert.deepEqual(errors, []);
  await context.close();
});
