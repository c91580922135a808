// The page's WebAssembly in parts (src/app/parts.rs, .ci/split-page.mjs):
// the drafts page works without a draft's part, a draft opens once its
// part arrives, and a part that cannot be fetched is said, in the
// interface language, with a way to try again that works.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import AxeBuilder from '@axe-core/playwright';
import { suite } from './harness.mjs';

const env = suite();
const DRAFT_PART = /\/split_draft-[0-9a-f]{16}\.wasm$/;

test('the drafts page comes first, the draft part is fetched once while it is read, and a draft opens', async () => {
  const context = await env.browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  const asked = [];
  page.on('request', (r) => asked.push(new URL(r.url()).pathname));
  await page.goto(env.server.url);
  await page.getByRole('button', { name: 'Start a new draft' }).waitFor();
  // The page's first module is not the part.
  assert.ok(asked.some((p) => /\/policy-builder-[0-9a-f]+_bg\.wasm$/.test(p)), asked.join(' '));
  // While the user reads the drafts page, the draft part comes by itself...
  await page.waitForFunction(
    (re) => performance.getEntriesByType('resource').some((e) => new RegExp(re).test(new URL(e.name).pathname)),
    DRAFT_PART.source,
  );
  await page.getByRole('button', { name: 'Start a new draft' }).click();
  await page.getByLabel('Legal name of the organization').waitFor();
  // ...once: opening the draft does not fetch it again.
  assert.equal(asked.filter((p) => DRAFT_PART.test(p)).length, 1, asked.join(' '));
  assert.deepEqual(errors, []);
  await context.close();
});

test('a draft part that cannot be fetched is said, in English and French, and trying again opens the draft', async () => {
  const context = await env.browser.newContext({ serviceWorkers: 'block' });
  const errors = [];
  let blocked = 0;
  await context.route(DRAFT_PART, (route) => {
    blocked += 1;
    return route.abort('internetdisconnected');
  });
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(env.server.url);
  // The drafts page is whole and usable without the part.
  const start = page.getByRole('button', { name: 'Start a new draft' });
  await start.waitFor();
  await start.click();
  await page.getByRole('heading', { name: 'This page could not be loaded' }).waitFor();
  await page.getByRole('alert').filter({ hasText: 'Your drafts are safe in this browser' }).waitFor();
  assert.ok(blocked >= 1, 'the part was asked for');
  const axe = await new AxeBuilder({ page }).analyze();
  assert.deepEqual(axe.violations.map((v) => v.id), []);

  // In French, the same page in French.
  await page.getByRole('button', { name: 'Try again' }).waitFor();
  await page.getByLabel('Interface language').selectOption('fr');
  await page.getByRole('heading', { name: "Cette page n'a pas pu être chargée" }).waitFor();
  await page.getByRole('button', { name: 'Réessayer' }).waitFor();
  const axeFr = await new AxeBuilder({ page }).analyze();
  assert.deepEqual(axeFr.violations.map((v) => v.id), []);

  // The network is back: trying again opens the draft, with nothing lost.
  await context.unroute(DRAFT_PART);
  await page.getByRole('button', { name: 'Réessayer' }).click();
  await page.getByLabel("Nom légal de l'organisation").waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});
