// The interface language (issue 21, section 1), in the release build: the
// English / Français switch in every header, switching on a draft without
// losing answers or the page, the choice remembered after a reload, a first
// visit from a French browser opening in French, `<html lang>` following,
// every control found by its French label, errors and sizes in French
// ("3,0 Mo"), and axe-core with no violation on the French pages.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite, openApp, axeViolations } from './harness.mjs';

const env = suite();

/** Opens the app in a fresh context whose browser prefers `locale`. */
async function openIn(locale) {
  const context = await env.browser.newContext({ acceptDownloads: true, locale });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(env.server.url);
  await page.locator('#main').waitFor();
  return { context, page, errors };
}

const htmlLang = (page) => page.evaluate(() => document.documentElement.lang);

test('an English browser opens in English, and switching to French and back on a draft keeps the answers and the page', async () => {
  const { context, page, errors } = await openApp(env.browser, env.server.url);
  assert.equal(await htmlLang(page), 'en-CA');
  await page.getByRole('heading', { name: 'Your drafts', exact: true }).waitFor();
  await page.getByRole('button', { name: 'Start a new draft' }).click();
  const name = page.getByLabel('Legal name of the organization');
  await name.fill('Hôpital Saint-Laurent');
  await page.getByText(/^Saved in this browser/).waitFor();
  const url = page.url();

  // As a person does: on the switch, then a choice.
  await page.getByLabel('Interface language').focus();
  await page.getByLabel('Interface language').selectOption('fr');
  await page.getByRole('button', { name: 'Suivant' }).waitFor();
  assert.equal(await htmlLang(page), 'fr-CA');
  assert.equal(page.url(), url, 'the page stays where it was');
  // The questions are content: they follow the interface language too.
  const nom = page.getByLabel("Nom légal de l'organisation");
  assert.equal(await nom.inputValue(), 'Hôpital Saint-Laurent', 'the answer is still there');
  assert.equal(
    await page.evaluate(() => document.activeElement?.id),
    'interface-language',
    'the focus stays on the switch',
  );
  const nav = page.getByRole('navigation', { name: 'Brouillon' });
  await nav.getByRole('link', { name: 'Tous les brouillons' }).waitFor();
  await nav.getByRole('link', { name: 'Vérifier les réponses' }).waitFor();
  await page.getByRole('button', { name: 'Télécharger le fichier de réponses' }).waitFor();
  await page.getByText(/^Enregistré dans ce navigateur/).waitFor();
  // The preview's toggle (shown on narrow screens) follows too.
  assert.equal((await page.locator('.preview-toggle button').textContent()).trim(), "Afficher l'aperçu de la politique");

  await page.getByLabel("Langue de l'interface").selectOption('en');
  await page.getByRole('button', { name: 'Next' }).waitFor();
  assert.equal(await htmlLang(page), 'en-CA');
  assert.equal(page.url(), url);
  assert.equal(await name.inputValue(), 'Hôpital Saint-Laurent');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the chosen language is remembered after a reload and in a new tab', async () => {
  const { context, page, errors } = await openApp(env.browser, env.server.url);
  await page.getByLabel('Interface language').selectOption('fr');
  await page.getByRole('heading', { name: 'Vos brouillons', exact: true }).waitFor();
  assert.equal(await page.evaluate(() => localStorage.getItem('policy-builder/interface-language')), 'fr');
  await page.reload();
  await page.getByRole('heading', { name: 'Vos brouillons', exact: true }).waitFor();
  assert.equal(await htmlLang(page), 'fr-CA');
  assert.equal(await page.getByLabel("Langue de l'interface").inputValue(), 'fr');
  const other = await context.newPage();
  await other.goto(env.server.url);
  await other.getByRole('heading', { name: 'Vos brouillons', exact: true }).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('a first visit from a French browser opens in French, a remembered choice wins over the browser', async () => {
  const { context, page, errors } = await openIn('fr-CA');
  assert.equal(await htmlLang(page), 'fr-CA');
  await page.getByRole('heading', { name: 'Vos brouillons', exact: true }).waitFor();
  assert.equal(await page.title(), 'Outil de rédaction de politique sur les médias sociaux');
  await page.getByRole('heading', { name: 'Commencer un brouillon' }).waitFor();
  await page.getByLabel('Importer un fichier de réponses').waitFor();
  await page.getByLabel('Réviser un fichier de brouillon').waitFor();
  await page.getByLabel("Langue de l'interface").selectOption('en');
  await page.getByRole('heading', { name: 'Your drafts', exact: true }).waitFor();
  await page.reload();
  await page.getByRole('heading', { name: 'Your drafts', exact: true }).waitFor();
  assert.equal(await htmlLang(page), 'en-CA');
  assert.deepEqual(errors, []);
  await context.close();
});

test('in French, every page is found by its French labels and axe-core finds no violation', async () => {
  const { context, page, errors } = await openIn('fr-CA');
  const problems = {};
  problems.drafts = await axeViolations(page);

  await page.getByRole('button', { name: 'Lakeside Community Hospital (Ontario)' }).click();
  const nav = page.getByRole('navigation', { name: 'Brouillon' });
  await nav.getByRole('link', { name: 'Tous les brouillons' }).waitFor();
  await page.getByRole('navigation', { name: 'Sections' }).waitFor();
  await page.getByRole('heading', { name: 'Vérifications' }).waitFor();
  problems.questions = await axeViolations(page);

  await nav.getByRole('link', { name: 'Vérifier les réponses' }).click();
  await page.getByRole('heading', { name: 'Vérifiez vos réponses' }).waitFor();
  await page.getByRole('button', { name: 'Exporter en PDF' }).waitFor();
  await page.getByRole('link', { name: 'Retour aux questions' }).waitFor();
  problems.check = await axeViolations(page);

  await nav.getByRole('link', { name: 'Révision' }).click();
  await page.locator('#main').waitFor();
  await page.waitForFunction(() => location.hash.endsWith('/review'));
  problems.review = await axeViolations(page);

  await nav.getByRole('link', { name: 'Mode formation' }).click();
  await page.waitForFunction(() => location.hash.includes('/trainer'));
  await page.locator('#main').waitFor();
  problems.trainer = await axeViolations(page);

  assert.deepEqual(problems, { drafts: [], questions: [], check: [], review: [], trainer: [] });
  assert.equal(await htmlLang(page), 'fr-CA');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the trainer in French: deck tallies, the vote, the verdict, the room\'s result and the score in French, with no axe-core violation', async () => {
  const { context, page, errors } = await openIn('fr-CA');
  await page.getByRole('button', { name: 'Lakeside Community Hospital (Ontario)' }).click();
  const nav = page.getByRole('navigation', { name: 'Brouillon' });
  await nav.getByRole('link', { name: 'Mode formation' }).click();
  await page.waitForFunction(() => location.hash.includes('/trainer'));
  // Each deck's tally is French, in French numbers: "1 acceptable", "12 pas acceptables".
  await page.locator('.deck .meta').first().waitFor();
  const tallies = await page.locator('.deck .meta').allTextContents();
  assert.ok(tallies.length >= 3, `${tallies}`);
  for (const t of tallies) {
    assert.match(t, /^\d+ mises? en situation\. Pour cette politique\u00a0: \d+ acceptables?, \d+ acceptables? sous conditions, \d+ pas acceptables?\.$/);
  }
  assert.deepEqual(await axeViolations(page), [], 'deck list');

  await page.locator('.deck a').first().click();
  await page.getByRole('status').filter({ hasText: /^Mise en situation 1 sur 13$/ }).waitFor();
  await page.getByLabel('Mode jeu-questionnaire').check();
  const vote = page.getByRole('group', { name: 'Le vote du groupe' });
  for (const label of ['Acceptable', 'Acceptable sous conditions', 'Pas acceptable']) {
    await vote.getByRole('button', { name: label, exact: true }).waitFor();
  }
  await page.getByText('Pointage\u00a0: Aucun vote pour l\'instant').waitFor();
  // The team selfie in front of the whiteboard is never fine.
  await vote.getByRole('button', { name: 'Pas acceptable', exact: true }).click();
  await page.getByRole('button', { name: 'Révéler le verdict' }).click();
  const verdict = page.locator('#trainer-verdict');
  await verdict.getByText(/Verdict\u00a0: Pas acceptable$/).waitFor();
  await verdict.getByText('Le groupe a répondu « Pas acceptable » : c\'est juste.'.replace(/« | »| :/g, (m) => m.replace(' ', '\u00a0'))).waitFor();
  await verdict.getByText(/^Clauses de la politique\u00a0: /).waitFor();
  await page.getByText('Pointage\u00a0: 1 bonne réponse sur 1').waitFor();
  const text = await page.locator('#main').innerText();
  for (const english of ['Fine', 'Not fine', 'right out of', 'No votes yet', 'For this policy']) {
    assert.ok(!text.includes(english), `"${english}" on the French trainer`);
  }
  assert.deepEqual(await axeViolations(page), [], 'revealed card in quiz mode');
  assert.deepEqual(errors, []);
  await context.close();
});

test('in French, a refused file and a nearly full storage speak French: sizes in Mo with a decimal comma', async () => {
  const { context, page, errors } = await openIn('fr-CA');
  // 4.2 MB of another entry of the site, counted as the browser counts it.
  await page.evaluate(() => localStorage.setItem('other-tool/cache', 'x'.repeat(2_200_000)));
  await page.reload();
  const safe = page.getByRole('region', { name: 'Gardez vos brouillons en sécurité' });
  await safe.getByRole('alert').filter({ hasText: "L'espace de stockage est presque plein" }).waitFor();
  await safe.getByText(/occupe 4,2\u00a0Mo des 5,0\u00a0Mo/).waitFor();

  const dir = await mkdtemp(join(tmpdir(), 'policy-fr-'));
  const huge = join(dir, 'huge.yaml');
  await writeFile(huge, `# ${'x'.repeat(3 * 1024 * 1024)}\n`);
  await page.getByLabel('Importer un fichier de réponses').setInputFiles(huge);
  const box = page.getByRole('alert').filter({ hasText: "Le fichier de réponses n'a pas pu être importé" });
  await box.getByText(/le fichier fait 3,0\u00a0Mo\u00a0; l'application lit des fichiers d'au plus 2\u00a0Mo/).waitFor();
  // Broken answer files: each problem of a known kind in French, at its place.
  const head = 'format: social-media-policy-builder/answers\nversion: 1\n';
  const item = (place, message) => box.getByRole('listitem').filter({ hasText: place }).filter({ hasText: message });
  const unknown = join(dir, 'unknown.yaml');
  await writeFile(unknown, `${head}draft: {id: zz9}\ncolour: blue\nanswers: {}\n`);
  await page.getByLabel('Importer un fichier de réponses').setInputFiles(unknown);
  await item('unknown.yaml:4:1', /`colour` n'a pas sa place ici\u00a0: cette partie du fichier contient `format`, .*`answers`, `library` ou `review`/).waitFor();
  const wrong = join(dir, 'wrong.yaml');
  await writeFile(wrong, `${head}draft: {id: zz9, name: [x]}\nanswers: {}\n`);
  await page.getByLabel('Importer un fichier de réponses').setInputFiles(wrong);
  await item('wrong.yaml:3:24', 'ceci est une liste, mais ce devrait être du texte').waitFor();
  const text = await page.locator('#main').innerText();
  for (const english of ['MB', 'the file is', 'the largest the app reads', 'What this site keeps', 'does not belong', 'but it should be']) {
    assert.ok(!text.includes(english), `"${english}" on the French drafts page`);
  }
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(errors, []);
  await context.close();
});

// French is a data file (i18n/fr.ftl) fetched when French is chosen, so that
// it costs an English visit nothing; the service worker keeps it offline.
const FRENCH_FILE = /\/i18n\/fr\.ftl(\?|$)/;

test('an English visit never fetches the French words; choosing French fetches them once', async () => {
  const { context, page, errors } = await openApp(env.browser, env.server.url, { serviceWorkers: 'block' });
  const asked = [];
  page.on('request', (r) => FRENCH_FILE.test(r.url()) && asked.push(r.url()));
  await page.getByRole('heading', { name: 'Your drafts', exact: true }).waitFor();
  await page.reload();
  await page.getByRole('heading', { name: 'Your drafts', exact: true }).waitFor();
  assert.deepEqual(asked, [], 'English needs no French file');
  await page.getByLabel('Interface language').selectOption('fr');
  await page.getByRole('heading', { name: 'Vos brouillons', exact: true }).waitFor();
  await page.getByLabel("Langue de l'interface").selectOption('en');
  await page.getByRole('heading', { name: 'Your drafts', exact: true }).waitFor();
  await page.getByLabel('Interface language').selectOption('fr');
  await page.getByRole('heading', { name: 'Vos brouillons', exact: true }).waitFor();
  assert.equal(asked.length, 1, `fetched once: ${asked}`);
  assert.deepEqual(errors, []);
  await context.close();
});

for (const [what, answer] of [
  ['missing', { status: 404, contentType: 'text/plain', body: 'not found' }],
  ['broken', { status: 200, contentType: 'text/html', body: '<!doctype html><title>Host page</title><p>Oops</p>' }],
]) {
  test(`a ${what} French file: choosing French says why in both languages and keeps English and the answers`, async () => {
    const { context, page, errors } = await openApp(env.browser, env.server.url, { serviceWorkers: 'block' });
    await context.route(FRENCH_FILE, (route) => route.fulfill(answer));
    await page.getByRole('button', { name: 'Start a new draft' }).click();
    const name = page.getByLabel('Legal name of the organization');
    await name.fill('Hôpital Saint-Laurent');
    const switcher = page.getByLabel('Interface language');
    await switcher.selectOption('fr');
    const alert = page.getByRole('alert').filter({ hasText: 'The French interface could not be loaded' });
    await alert.waitFor();
    assert.match(await alert.textContent(), /L'interface en français n'a pas pu être chargée/);
    assert.equal(await alert.locator('span').getAttribute('lang'), 'fr-CA');
    assert.equal(await switcher.inputValue(), 'en', 'the switch shows the language the page is in');
    assert.equal(await htmlLang(page), 'en-CA');
    await page.getByRole('button', { name: 'Next' }).waitFor();
    assert.equal(await name.inputValue(), 'Hôpital Saint-Laurent');
    assert.equal(await page.evaluate(() => localStorage.getItem('policy-builder/interface-language')), null, 'nothing remembered');
    // A remembered French choice whose file is missing opens in English, and says why.
    await page.evaluate(() => localStorage.setItem('policy-builder/interface-language', 'fr'));
    await page.reload();
    await page.getByRole('button', { name: 'Next' }).waitFor();
    await alert.waitFor();
    assert.equal(await htmlLang(page), 'en-CA');
    // Once the file is back, French works without a reload.
    await context.unroute(FRENCH_FILE);
    await switcher.selectOption('fr');
    await page.getByRole('button', { name: 'Suivant' }).waitFor();
    assert.equal(await page.getByRole('alert').filter({ hasText: 'could not be loaded' }).count(), 0, 'the message goes');
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('after one English visit, French works offline (the service worker keeps its file)', async () => {
  const { context, page, errors } = await openApp(env.browser, env.server.url);
  await page.getByRole('heading', { name: 'Your drafts', exact: true }).waitFor();
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await context.setOffline(true);
  await page.reload();
  await page.getByRole('heading', { name: 'Your drafts', exact: true }).waitFor();
  await page.getByLabel('Interface language').selectOption('fr');
  await page.getByRole('heading', { name: 'Vos brouillons', exact: true }).waitFor();
  await page.reload();
  await page.getByRole('heading', { name: 'Vos brouillons', exact: true }).waitFor();
  assert.equal(await htmlLang(page), 'fr-CA');
  assert.deepEqual(errors, []);
  await context.close();
});
