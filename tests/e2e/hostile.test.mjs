// Hostile text in every free-text field (issue 6): markup, event handlers,
// javascript: URLs, PDF string breakers, right-to-left text, emoji and a
// 100 KB paste. Nothing runs, the preview and the PDF show it as text, and
// nothing crashes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { suite, openDraft, downloadOf, pdfText, flat, savedWith, exportAnyway } from './harness.mjs';

const env = suite();

const HOSTILE = [
  '<script>window.__pwned = 1</script>',
  '<img src=x onerror="window.__pwned = 2">',
  '<a href="javascript:window.__pwned=3">click</a>',
  ') Tj ET BT (\\) %%EOF <<>> /JavaScript',
  'مرحبا بالعالم \u202Eevil\u202C',
  'Emoji 😀👩‍⚕️ and ✓',
];

/** Fills every visible text box and text area of every section with `value(i)`. */
async function fillEveryTextField(page, value) {
  const nav = page.getByRole('navigation', { name: 'Sections' });
  const sections = await nav.getByRole('button').allTextContents();
  let filled = 0;
  for (const name of sections) {
    await nav.getByRole('button', { name, exact: true }).click();
    const fields = page.locator('form.questions-form input[type="text"], form.questions-form textarea');
    const count = await fields.count();
    for (let i = 0; i < count; i++) {
      await fields.nth(i).fill(value(filled));
      filled += 1;
    }
  }
  return filled;
}

test('markup, scripts, PDF syntax, right-to-left text and emoji stay text everywhere', async () => {
  const { context, page, errors } = await openDraft(env.browser, env.server.url);
  // Show every conditional text question first.
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Patient privacy' }).click();
  await page.getByRole('group', { name: 'May staff take photos or video of patients for official accounts?' }).getByLabel('Yes').check();
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Employees online' }).click();
  await page.getByRole('group', { name: 'Must staff who mention their job add a "views are my own" disclaimer?' }).getByLabel('Yes').check();
  const filled = await fillEveryTextField(page, (i) => `${HOSTILE[i % HOSTILE.length]} #${i}`);
  assert.ok(filled >= 7, `only ${filled} text fields found`);

  const preview = page.getByRole('complementary', { name: 'Policy preview' });
  await preview.getByText('<script>window.__pwned = 1</script> #0', { exact: false }).first().waitFor();
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.equal(await preview.locator('script, img, a[href^="javascript:"]').count(), 0);

  // The same text in the draft name, a review comment and the reviewer's name.
  await page.getByRole('link', { name: 'Review' }).click();
  await page.getByLabel('Your name').fill(HOSTILE[1]);
  await page.getByLabel('Add a comment on this section').fill(HOSTILE[2]);
  await page.getByRole('button', { name: 'Add comment' }).click();
  await page.getByText(HOSTILE[2]).waitFor();
  assert.equal(await page.locator('main a[href^="javascript:"], main img').count(), 0);

  await page.getByRole('link', { name: 'Questions', exact: true }).click();
  const pdf = await downloadOf(page, () => exportAnyway(page));
  const text = flat(pdfText(pdf.path));
  assert.ok(text.includes('<script>window.__pwned = 1</script>'), 'markup printed as text');
  assert.ok(text.includes(') Tj ET BT (\\) %%EOF <<>> /JavaScript'), 'PDF syntax printed as text');
  // Characters the font lacks (Arabic here) are reported, never dropped silently.
  await page.getByText(/The PDF font has no glyph for these characters.*U\+0645/).waitFor();
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a 100 KB paste is kept, previewed, saved and exported without a crash', async () => {
  const { context, page, errors } = await openDraft(env.browser, env.server.url);
  const words = 'Our staff share good news about care and never share patient details. ';
  const big = words.repeat(Math.ceil(100_000 / words.length)).slice(0, 100_000);
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Employees online' }).click();
  await page.getByRole('group', { name: 'Must staff who mention their job add a "views are my own" disclaimer?' }).getByLabel('Yes').check();
  const field = page.getByLabel('Disclaimer wording');
  await field.fill(big);
  await savedWith(page, big.slice(0, 200));
  assert.equal((await field.inputValue()).length, 100_000);
  const preview = page.getByRole('complementary', { name: 'Policy preview' });
  assert.ok((await preview.textContent()).includes(big.slice(0, 5000)));
  await page.reload();
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Employees online' }).click();
  assert.equal((await page.getByLabel('Disclaimer wording').inputValue()).length, 100_000);
  const pdf = await downloadOf(page, () => exportAnyway(page));
  assert.match(flat(pdfText(pdf.path)), /Our staff share good news about care/);
  assert.deepEqual(errors, []);
  await context.close();
});
