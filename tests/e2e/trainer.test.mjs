// Trainer mode (issue 5), end to end in the release build: the deck
// picker, the presentation's keys and buttons, quiz mode and its score,
// demo links (fragment only) in a fresh browser, copying a demo link, the
// handout PDF's text, verdicts that differ between organizations, a clause
// library the scenarios do not fit, and axe-core on every state.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite, openApp, downloadOf, axeViolations, pdfText, flat, savedWith } from './harness.mjs';

const LAKESIDE = 'Lakeside Community Hospital (Ontario)';
const env = suite();

async function noAxe(page, where) {
  assert.deepEqual(await axeViolations(page), [], `axe violations: ${where}`);
}

/** Starts a draft from the sample called `name` and opens its trainer mode. */
async function sampleTrainer(name = LAKESIDE) {
  const opened = await openApp(env.browser, env.server.url);
  const { page } = opened;
  await page.getByRole('button', { name }).click();
  await page.getByLabel('Legal name of the organization').waitFor();
  await page.getByRole('navigation', { name: 'Draft' }).getByRole('link', { name: 'Trainer mode' }).click();
  await page.getByRole('heading', { name: 'Trainer mode' }).waitFor();
  return opened;
}

const counter = (page) => page.getByRole('status').filter({ hasText: /^Scenario \d+ of \d+$/ });
const cardTitle = (page) => page.getByRole('article').getByRole('heading', { level: 2 });
const verdictRegion = (page) => page.locator('#trainer-verdict');

async function atCard(page, n, total) {
  await counter(page).filter({ hasText: `Scenario ${n} of ${total}` }).waitFor();
}

/** The verdict line of the revealed card, such as "Not fine". */
async function verdictLabel(page) {
  const line = await verdictRegion(page).getByText(/Verdict: /).textContent();
  return line.replace(/^.*Verdict: /, '').trim();
}

test('deck picker and keyboard: next, previous and reveal, the count announced, the card kept in the address', async () => {
  const { context, page, errors } = await sampleTrainer();
  await noAxe(page, 'deck picker');
  await page.waitForFunction(() => document.activeElement?.id === 'trainer-heading');
  await page.getByRole('link', { name: 'Privacy basics' }).click();
  await atCard(page, 1, 13);
  const first = await cardTitle(page).textContent();
  assert.equal(await counter(page).getAttribute('aria-live'), 'polite');
  assert.equal(await verdictRegion(page).textContent(), '');
  await noAxe(page, 'card before reveal');

  const seen = [first];
  for (const [key, n] of [['ArrowRight', 2], ['n', 3], ['PageDown', 4], ['N', 5]]) {
    await page.keyboard.press(key);
    await atCard(page, n, 13);
    seen.push(await cardTitle(page).textContent());
  }
  assert.equal(new Set(seen).size, 5, `five different cards: ${seen}`);
  for (const [key, n] of [['ArrowLeft', 4], ['p', 3], ['PageUp', 2], ['P', 1], ['ArrowLeft', 1]]) {
    await page.keyboard.press(key);
    await atCard(page, n, 13);
    assert.equal(await cardTitle(page).textContent(), seen[n - 1]);
  }

  // Space, Enter and R reveal; moving on hides the verdict again.
  const reveal = page.getByRole('button', { name: 'Reveal verdict' });
  assert.equal(await reveal.getAttribute('aria-expanded'), 'false');
  for (const key of ['Space', 'Enter', 'r']) {
    await page.keyboard.press(key);
    await verdictRegion(page).getByText(/^Policy clauses: \d+(\.\d+)*(, \d+(\.\d+)*)*$/).waitFor();
    await verdictRegion(page).getByText(/Verdict: (Fine|Fine, with conditions|Not fine)$/).waitFor();
    assert.equal(await page.getByRole('button', { name: 'Hide verdict' }).getAttribute('aria-expanded'), 'true');
    if (key === 'Space') await noAxe(page, 'card after reveal');
    await page.keyboard.press('ArrowRight');
    assert.equal(await verdictRegion(page).textContent(), '');
  }
  await atCard(page, 4, 13);

  // The same with the buttons, which are there for every key.
  await page.getByRole('button', { name: 'Next' }).click();
  await atCard(page, 5, 13);
  await page.getByRole('button', { name: 'Previous' }).click();
  await atCard(page, 4, 13);
  await reveal.click();
  await verdictRegion(page).getByText(/Verdict: /).waitFor();
  await page.getByRole('button', { name: 'Hide verdict' }).click();
  assert.equal(await verdictRegion(page).textContent(), '');

  // Keyboard focus is visible; Space on a focused button presses it once.
  await page.getByRole('button', { name: 'Next' }).focus();
  await page.keyboard.press('Space');
  await atCard(page, 5, 13);
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  assert.notEqual(outline, 'none');

  // The address follows the card, so a reload comes back to it, while the
  // back button leaves the deck rather than stepping through cards.
  assert.match(page.url(), /#\/draft\/[a-z0-9]+\/trainer\/privacy_basics\/5$/);
  await page.reload();
  await atCard(page, 5, 13);
  assert.equal(await cardTitle(page).textContent(), seen[4]);
  await page.goBack();
  await page.getByRole('heading', { name: 'Trainer mode' }).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('full screen: the card fills the screen and comes back', async () => {
  const { context, page, errors } = await sampleTrainer();
  await page.getByRole('link', { name: 'Speaking for us' }).click();
  await atCard(page, 1, 14);
  // The draft's bar gives way to the presentation.
  assert.equal(await page.getByRole('navigation', { name: 'Draft' }).count(), 0);
  await page.getByRole('button', { name: 'Full screen', exact: true }).click();
  await page.waitForFunction(() => document.fullscreenElement?.id === 'main');
  await page.getByRole('button', { name: 'Leave full screen' }).click();
  await page.waitForFunction(() => document.fullscreenElement === null);
  await page.getByRole('button', { name: 'Full screen', exact: true }).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('quiz mode: the room votes, the reveal says whether it was right, the score is kept and reset', async () => {
  const { context, page, errors } = await sampleTrainer();
  await page.getByRole('link', { name: 'Privacy basics' }).click();
  await atCard(page, 1, 13);
  // First learn the policy's verdicts on the first three cards.
  const verdicts = [];
  for (let n = 1; n <= 3; n += 1) {
    await page.keyboard.press('r');
    verdicts.push(await verdictLabel(page));
    await page.keyboard.press('ArrowRight');
  }
  await page.getByRole('link', { name: 'All decks' }).click();
  await page.getByRole('link', { name: 'Privacy basics' }).click();
  await atCard(page, 1, 13);

  await page.getByLabel('Quiz mode').check();
  const vote = page.getByRole('group', { name: "The room's vote" });
  await vote.waitFor();
  await page.getByText('Score: No votes yet').waitFor();
  await noAxe(page, 'quiz mode before the vote');
  const button = (label) => vote.getByRole('button', { name: label, exact: true });
  const wrong = (label) => ['Fine', 'Fine, with conditions', 'Not fine'].find((l) => l !== label);

  // Card 1: the right answer, by mouse.
  await button(verdicts[0]).click();
  assert.equal(await button(verdicts[0]).getAttribute('aria-pressed'), 'true');
  await page.getByRole('button', { name: 'Reveal verdict' }).click();
  await verdictRegion(page).getByText(`The room said “${verdicts[0]}”: right.`).waitFor();
  await page.getByText('Score: 1 right out of 1').waitFor();
  await noAxe(page, 'quiz mode after the reveal');
  // The vote is closed once revealed: the buttons stay (focus is kept) but
  // do nothing.
  assert.equal(await button(wrong(verdicts[0])).getAttribute('aria-disabled'), 'true');
  await button(wrong(verdicts[0])).click({ force: true });
  assert.equal(await button(verdicts[0]).getAttribute('aria-pressed'), 'true');

  // Card 2: a wrong answer, by keyboard (1, 2, 3 are the three verdicts).
  await page.keyboard.press('ArrowRight');
  await atCard(page, 2, 13);
  const keyOf = { Fine: '1', 'Fine, with conditions': '2', 'Not fine': '3' };
  await page.keyboard.press(keyOf[wrong(verdicts[1])]);
  assert.equal(await button(wrong(verdicts[1])).getAttribute('aria-pressed'), 'true');
  // (Focus is on a vote button, where Space would press that button.)
  await page.keyboard.press('R');
  await verdictRegion(page).getByText(`The room said “${wrong(verdicts[1])}”: not this time.`).waitFor();
  assert.equal(await verdictLabel(page), verdicts[1]);
  await page.getByText('Score: 1 right out of 2').waitFor();

  // Card 3: no vote, not scored.
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('r');
  await verdictRegion(page).getByText('The room did not vote, so this one is not scored.').waitFor();
  await page.getByText('Score: 1 right out of 2').waitFor();

  // Back on card 1 the room's vote is remembered.
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await atCard(page, 1, 13);
  assert.equal(await button(verdicts[0]).getAttribute('aria-pressed'), 'true');

  // The score is stored apart from the drafts, and survives a reload.
  const draftId = page.url().match(/#\/draft\/([a-z0-9]+)\//)[1];
  const keys = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('policy-builder/')).sort());
  assert.deepEqual(keys, [`policy-builder/drafts/${draftId}`, `policy-builder/quiz/${draftId}/privacy_basics`]);
  const stored = JSON.parse(await page.evaluate((k) => localStorage.getItem(k), `policy-builder/quiz/${draftId}/privacy_basics`));
  assert.equal(Object.keys(stored.votes).length, 2);
  await page.reload();
  await atCard(page, 1, 13);
  await page.getByLabel('Quiz mode').check();
  await page.getByText('Score: 1 right out of 2').waitFor();
  // Another deck has a score of its own.
  await page.getByRole('link', { name: 'All decks' }).click();
  await page.getByRole('link', { name: 'Speaking for us' }).click();
  await page.getByLabel('Quiz mode').check();
  await page.getByText('Score: No votes yet').waitFor();
  await page.getByRole('link', { name: 'All decks' }).click();
  await page.getByRole('link', { name: 'Privacy basics' }).click();
  await page.getByLabel('Quiz mode').check();
  await page.getByText('Score: 1 right out of 2').waitFor();

  await page.getByRole('button', { name: 'Reset score' }).click();
  await page.getByText('Score: No votes yet').waitFor();
  await page.getByRole('status').filter({ hasText: 'Score reset.' }).waitFor();
  // The votes go; quiz mode, remembered with the deck, stays on.
  const reset = JSON.parse(await page.evaluate((k) => localStorage.getItem(k), `policy-builder/quiz/${draftId}/privacy_basics`));
  assert.deepEqual(reset, { votes: {}, quiz_mode: true });
  assert.deepEqual(errors, []);
  await context.close();
});

test('a demo link opens a sample organization and a deck in a fresh browser, and sends nothing anywhere', async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  const errors = [];
  const requests = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(`${env.server.url}#/demo/us-primary-care/speaking_for_us/2`);
  await atCard(page, 2, 14);
  await page.getByRole('heading', { level: 1, name: 'Speaking for us' }).waitFor();
  await page.getByRole('main').getByText('Poppy Hills Family Health Medical Group').waitFor();
  assert.match(page.url(), /#\/draft\/[a-z0-9]+\/trainer\/speaking_for_us\/2$/);
  for (const url of requests) {
    assert.ok(url.startsWith(env.server.url), url);
    assert.ok(!/us-primary-care|speaking_for_us|demo/.test(url), `the link leaked into a request: ${url}`);
  }
  const drafts = () =>
    page.evaluate(() =>
      Object.keys(localStorage)
        .filter((k) => k.startsWith('policy-builder/drafts/'))
        .map((k) => JSON.parse(localStorage.getItem(k)).name),
    );
  assert.deepEqual(await drafts(), ['Demo: Poppy Hills Family Health (California)']);

  // The same sample again reuses its draft while it is unchanged.
  await page.goto(`${env.server.url}#/demo/us-primary-care/privacy_basics`);
  await atCard(page, 1, 13);
  assert.equal((await drafts()).length, 1);
  // Once changed, the next link makes a fresh one from the sample.
  const id = page.url().match(/#\/draft\/([a-z0-9]+)\//)[1];
  await page.goto(`${env.server.url}#/draft/${id}`);
  await page.getByLabel('Legal name of the organization').fill('Poppy Hills, edited');
  await savedWith(page, 'Poppy Hills, edited');
  await page.goto(`${env.server.url}#/demo/us-primary-care/privacy_basics/3`);
  await atCard(page, 3, 13);
  assert.equal((await drafts()).length, 2);
  assert.ok(!page.url().includes(id));

  // Links that do not work say so.
  await page.goto(`${env.server.url}#/demo/atlantis-clinic/privacy_basics`);
  await page.getByRole('heading', { name: 'This demo link does not work' }).waitFor();
  await page.getByText(/no sample organization called "atlantis-clinic"/).waitFor();
  await noAxe(page, 'broken demo link');
  await page.goto(`${env.server.url}#/demo/ontario-hospital/no_such_deck`);
  await page.getByRole('alert').filter({ hasText: 'There is no deck called "no_such_deck"' }).waitFor();
  await page.getByRole('link', { name: 'Privacy basics' }).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('copy demo link: to the clipboard, or shown in a box when there is no clipboard', async () => {
  const { context, page, errors } = await sampleTrainer();
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.server.url.replace(/\/$/, '') });
  await page.getByRole('link', { name: 'Privacy basics' }).click();
  await atCard(page, 1, 13);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await atCard(page, 3, 13);
  const title = await cardTitle(page).textContent();
  await page.getByText('Handout and demo link').click();
  const sample = page.getByLabel('Sample organization for a demo link');
  assert.equal(await sample.inputValue(), 'ontario-hospital');
  await noAxe(page, 'handout and demo link open');
  await page.getByRole('button', { name: 'Copy demo link' }).click();
  await page.getByRole('status').filter({ hasText: 'Demo link copied.' }).waitFor();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(link, `${env.server.url}#/demo/ontario-hospital/privacy_basics/3`);

  // The link opens the same card for someone else.
  const other = await openApp(env.browser, link);
  await atCard(other.page, 3, 13);
  assert.equal(await cardTitle(other.page).textContent(), title);
  await other.context.close();
  assert.deepEqual(errors, []);
  await context.close();

  // Without a clipboard, the link is offered in a labelled box.
  const bare = await openApp(env.browser, `${env.server.url}#/demo/uk-nhs-community/everything/4`, {
    init: () => Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined }),
  });
  await atCard(bare.page, 4, 42);
  await bare.page.getByText('Handout and demo link').click();
  await bare.page.getByLabel('Sample organization for a demo link').selectOption('quebec-long-term-care');
  await bare.page.getByRole('button', { name: 'Copy demo link' }).click();
  const box = bare.page.getByLabel('Demo link', { exact: true });
  await box.waitFor();
  assert.equal(await box.inputValue(), `${env.server.url}#/demo/quebec-long-term-care/everything/4`);
  assert.equal(await box.getAttribute('readonly'), '');
  await bare.page.waitForFunction(() => document.activeElement?.id === 'demo-link');
  await noAxe(bare.page, 'demo link box');
  assert.deepEqual(bare.errors, []);
  await bare.context.close();
});

test('the handout PDF lists every scenario of the deck with its verdict and policy clauses', async () => {
  const { context, page, errors } = await sampleTrainer();
  await page.getByRole('link', { name: 'Privacy basics' }).click();
  await atCard(page, 1, 13);
  const titles = [];
  const labels = [];
  for (let n = 1; n <= 13; n += 1) {
    await atCard(page, n, 13);
    titles.push(await cardTitle(page).textContent());
    await page.keyboard.press('r');
    labels.push(await verdictLabel(page));
    await page.keyboard.press('ArrowRight');
  }
  await page.getByText('Handout and demo link').click();
  const { name, path } = await downloadOf(page, () => page.getByRole('button', { name: 'Download handout PDF' }).click());
  assert.match(name, /^lakeside-community-hospital-privacy-basics-scenarios-\d{4}-\d{2}-\d{2}\.pdf$/);
  await page.getByRole('status').filter({ hasText: /^Handout downloaded \(\d+ pages?\)\.$/ }).waitFor();
  const text = flat(pdfText(path));
  assert.match(text, /Privacy basics: practice scenarios/);
  for (const t of titles) assert.ok(text.includes(t), `the handout lacks "${t}"`);
  const inPdf = [...text.matchAll(/Verdict: (Fine, with conditions|Fine|Not fine)\./g)].map((m) => m[1]);
  assert.deepEqual(inPdf, labels);
  assert.equal([...text.matchAll(/Policy clauses: \d+(\.\d+)*/g)].length, 13);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the same scenario is fine for one organization and not for another', async () => {
  const verdictFor = async (sample) => {
    const { context, page, errors } = await openApp(env.browser, `${env.server.url}#/demo/${sample}/privacy_basics/8`);
    await atCard(page, 8, 13);
    const title = await cardTitle(page).textContent();
    await page.getByRole('button', { name: 'Reveal verdict' }).click();
    const label = await verdictLabel(page);
    const clauses = await verdictRegion(page).getByText(/^Policy clauses: /).textContent();
    assert.deepEqual(errors, []);
    await context.close();
    return { title, label, clauses };
  };
  const ontario = await verdictFor('ontario-hospital');
  const us = await verdictFor('us-primary-care');
  assert.equal(ontario.title, us.title);
  assert.notEqual(ontario.label, us.label, `both say ${ontario.label} on "${ontario.title}"`);
  // The native tests pin these two: sharing a de-identified case in a
  // closed professional group.
  assert.deepEqual([ontario.label, us.label], ['Fine', 'Not fine']);
  assert.match(ontario.clauses, /^Policy clauses: \d/);
  assert.match(us.clauses, /^Policy clauses: \d/);
});

test('a draft whose own clause library lacks the cited clauses is told why trainer mode cannot work', async () => {
  const { context, page, errors } = await sampleTrainer();
  await page.getByRole('navigation', { name: 'Draft' }).getByRole('link', { name: 'Check answers' }).click();
  const dir = await mkdtemp(join(tmpdir(), 'policy-up-'));
  const file = join(dir, 'ours.yaml');
  await writeFile(
    file,
    'version: 1\ntitle: "{{ legal_name }} house rules"\nauthor: "{{ legal_name }}"\nsections:\n  - id: s\n    title: Basics\n    clauses:\n      - id: c\n        text: Be kind online.\n',
  );
  await page.getByRole('region', { name: 'Clause library' }).getByLabel('Import a clause library').setInputFiles(file);
  await page.getByText('The draft uses the clauses imported from "ours.yaml".').waitFor();
  await page.getByRole('navigation', { name: 'Draft' }).getByRole('link', { name: 'Trainer mode' }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'The practice scenarios do not fit this draft' });
  await alert.waitFor();
  await alert.getByText(/uses its own clause library \("ours\.yaml"\)/).waitFor();
  await alert.getByText('What does not fit').click();
  await alert.getByText(/there is no clause ".+" in the clause library/).first().waitFor();
  await noAxe(page, 'scenarios do not fit');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the drafts page links each draft to its trainer mode', async () => {
  const { context, page } = await sampleTrainer();
  await page.getByRole('navigation', { name: 'Draft' }).getByRole('link', { name: 'All drafts' }).click();
  // The link's name is short; the draft's name describes it.
  const row = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: 'Lakeside', exact: true }) });
  const link = row.getByRole('link', { name: 'Trainer mode', exact: true });
  assert.equal(await link.getAttribute('aria-describedby'), await row.getByRole('link', { name: 'Lakeside', exact: true }).getAttribute('id'));
  await noAxe(page, 'drafts page with trainer links');
  await link.click();
  await page.getByRole('heading', { name: 'Trainer mode' }).waitFor();
  await page.getByRole('link', { name: 'Everything' }).click();
  await atCard(page, 1, 42);
  await context.close();
});

test("each card reads in the organization's own English", async () => {
  // The same scenario card, "A lunchtime practice session", for a US and
  // a UK sample: the verb is "practice" in the US and "practise" in the UK.
  for (const [stem, verb] of [
    ['us-primary-care', 'practice'],
    ['uk-nhs-community', 'practise'],
  ]) {
    const { context, page, errors } = await openApp(env.browser, `${env.server.url}#/demo/${stem}/everything/37`);
    await atCard(page, 37, 42);
    assert.equal(await cardTitle(page).textContent(), 'A lunchtime practice session');
    const situation = await page.getByRole('article').getByText(/They use a test account to/).textContent();
    assert.match(situation, new RegExp(`They use a test account to ${verb} posting`), `${stem}: ${situation}`);
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test('scenarios fit the kind of organization, on the card and in the handout PDF', async () => {
  // A physiotherapy practice reads of its front desk and the day's
  // appointments where a hospital reads of its nurses' station and bed
  // numbers; the handout prints the same fitted text.
  const hospital = await openApp(env.browser, `${env.server.url}#/demo/ontario-hospital/privacy_basics/1`);
  await atCard(hospital.page, 1, 13);
  assert.equal(await cardTitle(hospital.page).textContent(), "A team selfie at the nurses' station");
  await hospital.page.getByRole('article').getByText(/bed numbers/).waitFor();
  assert.deepEqual(hospital.errors, []);
  await hospital.context.close();

  const { context, page, errors } = await openApp(env.browser, `${env.server.url}#/demo/australia-allied-health/privacy_basics/1`);
  await atCard(page, 1, 13);
  assert.equal(await cardTitle(page).textContent(), 'A team selfie at the front desk');
  const situation = await page.getByRole('article').getByText(/Behind them, the whiteboard shows/).textContent();
  assert.match(situation, /the day's patient names and appointment times/);
  assert.doesNotMatch(situation, /bed numbers|nurses' station/);
  // The live video on a break (card 6) is in the hallway by the treatment
  // rooms, not on a children's ward.
  await page.keyboard.press('ArrowRight');
  for (let n = 2; n < 6; n += 1) {
    await atCard(page, n, 13);
    await page.keyboard.press('ArrowRight');
  }
  await atCard(page, 6, 13);
  await page.getByRole('article').getByText(/from the hallway by the treatment rooms/).waitFor();
  await noAxe(page, 'a fitted card');

  await page.getByText('Handout and demo link').click();
  const { path } = await downloadOf(page, () => page.getByRole('button', { name: 'Download handout PDF' }).click());
  const text = flat(pdfText(path));
  assert.ok(text.includes('A team selfie at the front desk'), 'the handout lacks the fitted title');
  assert.ok(text.includes('appointment times'), 'the handout lacks the fitted situation');
  assert.ok(text.includes('from the hallway by the treatment rooms'), 'the handout lacks the fitted hallway');
  for (const foreign of ['bed numbers', "nurses' station", "children's ward", 'emergency department']) {
    assert.ok(!text.includes(foreign), `the physiotherapy practice's handout says "${foreign}"`);
  }
  assert.deepEqual(errors, []);
  await context.close();
});
