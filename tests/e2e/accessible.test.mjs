// Accessible documents in the release build: the downloaded policy PDF is
// tagged (pdf.js reads its structure tree: the preview's headings, in
// order, at the right levels), and "Download as web page" gives one
// self-contained HTML file, with the preview's headings, a working table of
// contents and no axe-core violation.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { suite, openApp, downloadOf, flat } from './harness.mjs';

const env = suite();

/** Opens the Lakeside sample; resolves to the page and its preview. */
async function lakeside() {
  const opened = await openApp(env.browser, env.server.url);
  const preview = opened.page.getByRole('complementary', { name: 'Policy preview' });
  await opened.page.getByRole('button', { name: 'Lakeside Community Hospital (Ontario)' }).click();
  await preview.getByRole('heading', { name: 'Lakeside Social Media Policy' }).waitFor();
  return { ...opened, preview };
}

/** The preview's headings as [level, text]: the title, then every section. */
async function previewHeadings(preview) {
  return preview
    .locator('article.policy')
    .locator('h1, h2, h3, h4, h5, h6')
    .evaluateAll((hs) => hs.map((h) => [Number(h.tagName[1]), h.textContent.replace(/\s+/g, ' ').trim()]));
}

/** The number the export gives the section it appends after the preview's last. */
function nextSection(headings) {
  const last = headings.filter(([level]) => level === 2).at(-1);
  return Number(last[1].split(' ')[0]) + 1;
}

/**
 * The headings of a PDF's structure tree as pdf.js reads it (role map
 * applied), as [level, text] in reading order; the text is that of the
 * marked content each heading points to.
 */
async function pdfHeadings(path) {
  const data = new Uint8Array(await readFile(path));
  const pdf = await getDocument({ data, useSystemFonts: false, isEvalSupported: false }).promise;
  const headings = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n);
    const content = await page.getTextContent({ includeMarkedContent: true });
    const text = new Map();
    const open = [];
    for (const item of content.items) {
      if (item.type === 'beginMarkedContentProps' || item.type === 'beginMarkedContent') {
        open.push(item.id ?? null);
      } else if (item.type === 'endMarkedContent') {
        open.pop();
      } else if (typeof item.str === 'string') {
        const id = open.findLast((i) => i);
        if (id) text.set(id, (text.get(id) ?? '') + item.str + (item.hasEOL ? ' ' : ''));
      }
    }
    const tree = await page.getStructTree();
    const textOf = (node) =>
      (node.children ?? []).map((c) => (c.type === 'content' ? (text.get(c.id) ?? '') : textOf(c))).join(' ');
    const walk = (node) => {
      const level = /^H([1-6])$/.exec(node.role ?? '');
      if (level) headings.push([Number(level[1]), flat(textOf(node)).trim()]);
      else for (const c of node.children ?? []) if (c.role) walk(c);
    };
    if (tree) walk(tree);
  }
  await pdf.destroy();
  return headings;
}

test('the downloaded policy is tagged: pdf.js finds the preview headings in order', async () => {
  const { context, page, preview, errors } = await lakeside();
  const expected = await previewHeadings(preview);
  assert.ok(expected.length > 20, `the preview has headings: ${expected.length}`);
  const pdf = await downloadOf(page, () => page.getByRole('button', { name: 'Export PDF' }).click());
  const found = await pdfHeadings(pdf.path);
  // The preview's h1 is the title (H1 in the PDF); its h2 and h3 are the
  // sections and subsections (H1 and H2). The PDF adds its contents page.
  const mapped = expected.map(([level, text]) => [level === 1 ? 1 : level - 1, text]);
  // The export appends the review and revision history after the last section.
  mapped.push([1, `${nextSection(expected)} Review and revision history`]);
  assert.deepEqual(
    found.filter(([, text]) => text !== 'Contents'),
    mapped,
  );
  assert.ok(found.some(([level, text]) => level === 1 && text === 'Contents'));
  assert.deepEqual(errors, []);
  await context.close();
});

test('Download as web page gives one self-contained page with the preview headings and no axe-core violation', async () => {
  const { context, page, preview, errors } = await lakeside();
  const expected = await previewHeadings(preview);
  const download = await downloadOf(page, () => page.getByRole('button', { name: 'Download as web page' }).click());
  assert.match(download.name, /^lakeside-community-hospital-social-media-policy-\d{4}-\d{2}-\d{2}\.html$/);
  await page.getByText('Web page downloaded.').waitFor();
  const html = await readFile(download.path, 'utf8');
  for (const forbidden of ['<script', ' src=', '<link', '@import', 'url(']) {
    assert.ok(!html.includes(forbidden), `the page has ${forbidden}`);
  }

  // Opened from disk with nothing else: it asks for nothing. axe-core is
  // injected by the test (the page's own policy forbids every script).
  const viewer = await env.browser.newContext({ bypassCSP: true, javaScriptEnabled: true });
  const web = await viewer.newPage();
  const requests = [];
  web.on('request', (r) => requests.push(r.url()));
  const url = pathToFileURL(download.path).href;
  await web.goto(url);
  assert.deepEqual(requests, [url]);
  assert.equal(await web.locator('html').getAttribute('lang'), 'en-CA', 'the Ontario hospital writes Canadian English');
  assert.equal(await web.title(), 'Lakeside Social Media Policy');

  // The preview's headings, and the contents link to each section.
  const headings = await web
    .locator('header h1, main h2, main h3, main h4, main h5, main h6')
    .evaluateAll((hs) => hs.map((h) => [Number(h.tagName[1]), h.textContent.replace(/\s+/g, ' ').trim()]));
  assert.deepEqual(headings, [...expected, [2, `${nextSection(expected)} Review and revision history`]]);
  const contents = web.getByRole('navigation', { name: 'Contents' });
  const links = contents.getByRole('link');
  assert.equal(await links.count(), expected.length);
  const last = links.last();
  const target = (await last.getAttribute('href')).slice(1);
  await last.click();
  assert.equal(new URL(web.url()).hash, `#${target}`);
  assert.equal(await web.locator(`[id="${target}"]`).textContent(), await last.textContent());

  // Lists and notices as HTML lists and notes.
  assert.ok((await web.locator('main ul li').count()) > 10);
  assert.ok((await web.getByRole('note').count()) >= 1);

  const results = await new AxeBuilder({ page: web }).analyze();
  assert.deepEqual(
    results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    [],
  );
  // And in print.
  await web.emulateMedia({ media: 'print' });
  const printed = await new AxeBuilder({ page: web }).analyze();
  assert.deepEqual(
    printed.violations.map((v) => v.id),
    [],
  );
  assert.deepEqual(errors, []);
  await viewer.close();
  await context.close();
});
