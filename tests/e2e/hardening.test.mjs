// Hardening, end to end in the release build: nothing leaves the app's own
// origin during a full session, the Content-Security-Policy is in force and
// never trips, and a panic shows an error screen that keeps the saved draft
// and offers it as a file.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { copyFile, mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { serveDist, launch, openApp, openDraft, downloadOf, savedWith, pdfText, flat, exportAnyway } from './harness.mjs';

const DIST = new URL('../../dist/', import.meta.url).pathname;
// Where drafts were kept before there could be several (read once, then moved).
const LEGACY_KEY = 'policy-builder/draft';
let plain;
let hosted;
let browser;

/** The header rules of dist/_headers (written by .ci/csp): [{ pattern, headers }]. */
async function headerRules() {
  const rules = [];
  for (const line of (await readFile(join(DIST, '_headers'), 'utf8')).split('\n')) {
    if (line.startsWith('#') || line.trim() === '') continue;
    if (!line.startsWith(' ')) {
      const pattern = new RegExp(`^${line.trim().replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`);
      rules.push({ pattern, headers: {} });
    } else {
      const [name, ...value] = line.trim().split(':');
      rules.at(-1).headers[name.toLowerCase()] = value.join(':').trim();
    }
  }
  return rules;
}

/**
 * Serves dist/ as a host that follows dist/_headers would: the policy as an
 * HTTP header on every response, so the PDF worker (which obeys the policy
 * of its own response, not the page's meta tag) runs under it too.
 */
async function serveHosted() {
  const rules = await headerRules();
  return serveDist({
    headers: (path) => Object.assign({}, ...rules.filter((rule) => rule.pattern.test(path)).map((rule) => rule.headers)),
  });
}

/** Collects every request of a context and its pages and workers, and CSP reports. */
function record(context) {
  const requests = new Set();
  const sockets = [];
  const violations = [];
  const onPage = (page) => {
    page.on('request', (r) => requests.add(r.url()));
    page.on('websocket', (ws) => sockets.push(ws.url()));
    page.on('console', (m) => {
      if (/Content.Security.Policy|Refused to/i.test(m.text())) violations.push(m.text());
    });
    page.on('worker', (w) => w.on('console', (m) => {
      if (/Content.Security.Policy|Refused to/i.test(m.text())) violations.push(`worker: ${m.text()}`);
    }));
  };
  context.on('request', (r) => requests.add(r.url()));
  context.on('page', onPage);
  context.pages().forEach(onPage);
  return { requests, sockets, violations };
}

/** Records violation events in every page of the context, for violations() below. */
const LISTEN_FOR_VIOLATIONS = () => {
  window.__cspViolations = [];
  document.addEventListener('securitypolicyviolation', (e) =>
    window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`),
  );
};

before(async () => {
  plain = await serveDist();
  hosted = await serveHosted();
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await plain?.close();
  await hosted?.close();
});

/**
 * A full session, as the authors and a reviewer on another computer do it:
 * the authors draft, watch the preview, export a PDF and send an answer
 * file; the reviewer opens it in review mode, comments, approves a section,
 * records a decision and downloads the reviewed file; the authors add the
 * review to their draft and export the policy with its approval record.
 * `authors` and `reviewer` are pages of two browser contexts.
 */
async function fullSession(authors, reviewer) {
  const dir = await mkdtemp(join(tmpdir(), 'policy-hardening-'));
  const preview = authors.getByRole('complementary', { name: 'Policy preview' });
  await authors.getByRole('button', { name: 'Start a new draft' }).click();
  await authors.getByLabel('Legal name of the organization').fill('Riverbend Health Centre');
  await preview.getByRole('heading', { name: 'Riverbend Health Centre Social Media Policy' }).waitFor();
  await authors.getByRole('group', { name: 'Country where you deliver care' }).getByLabel('Canada').check();
  await authors.getByRole('group', { name: 'Province or territory' }).getByLabel('Ontario').check();
  await authors.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Patient privacy' }).click();
  await savedWith(authors, '"province":"ontario"');

  // A draft with questions left: the export asks first.
  const pdf = await downloadOf(authors, () => exportAnyway(authors));
  assert.match(flat(pdfText(pdf.path)), /Riverbend Health Centre Social Media Policy/);
  await authors.getByText(/PDF downloaded \(\d+ pages\)/).waitFor();
  const sent = await downloadOf(authors, () => authors.getByRole('button', { name: 'Download answer file' }).click());
  assert.match(await readFile(sent.path, 'utf8'), /Riverbend Health Centre/);

  // The reviewer's browser.
  await reviewer.getByLabel('Review a draft file').setInputFiles(sent.path);
  await reviewer.getByRole('heading', { name: 'Review this draft' }).waitFor();
  // The draft's own id, from the file, in the review address.
  const id = (await readFile(sent.path, 'utf8')).match(/\n  id: ([A-Za-z0-9_-]+)\n/)?.[1];
  assert.equal(new URL(reviewer.url()).hash, `#/draft/${id}/review`);
  await reviewer.getByLabel('Your name').fill('Ana Silva');
  const sections = reviewer.getByRole('navigation', { name: 'Sections to review' });
  await sections.getByRole('button', { name: /Patient privacy/ }).click();
  await reviewer.getByLabel('Add a comment on this section').fill('Please say who approves patient stories.');
  await reviewer.getByRole('button', { name: 'Add comment' }).click();
  await reviewer.getByText('Please say who approves patient stories.').waitFor();
  await sections.getByRole('button', { name: /Scope/ }).click();
  await reviewer.getByRole('group', { name: 'Your verdict on this section' }).getByLabel('Approved').check();
  await sections.getByText('Approved', { exact: true }).waitFor();
  await reviewer.getByLabel('Your role').fill('HR business partner');
  await reviewer.getByRole('group', { name: 'Decision on the whole policy' }).getByLabel('Approve').check();
  await reviewer.getByRole('button', { name: 'Record decision' }).click();
  await reviewer.getByText(/Approved by Ana Silva \(HR business partner\), \d{4}-\d{2}-\d{2}/).waitFor();
  const reviewed = await downloadOf(reviewer, () => reviewer.getByRole('button', { name: 'Download the reviewed file' }).click());
  assert.match(await readFile(reviewed.path, 'utf8'), /reviewer: Ana Silva/);

  // Back with the authors: the review joins their draft and the export.
  await authors.getByRole('link', { name: 'All drafts' }).click();
  await authors.getByLabel('Import an answer file').setInputFiles(reviewed.path);
  const clash = authors.getByRole('alertdialog', { name: 'You already have this draft' });
  await clash.getByRole('button', { name: 'Add the review to the draft here' }).click();
  await authors.getByRole('link', { name: 'Riverbend Health Centre', exact: true }).click();
  await preview.getByRole('note', { name: 'Review notes' }).getByText('Please say who approves patient stories.').first().waitFor();
  const approved = await downloadOf(authors, () => exportAnyway(authors));
  const printed = flat(pdfText(approved.path));
  assert.match(printed, /Approval record/);
  assert.match(printed, /Ana Silva \(HR business partner\): approved on \d+ \w+ \d{4}\./);
  await copyFile(approved.path, join(dir, 'policy.pdf'));
}

for (const [name, server] of [
  ['with the policy as an HTTP header too, as hosted', () => hosted],
  ['with the meta tag alone, as trunk serve gives it', () => plain],
]) {
  test(`a full session sends nothing off the app's origin and trips no policy, ${name}`, async () => {
    const { url } = server();
    const origin = new URL(url).origin;
    const opened = [];
    // The authors' and the reviewer's browsers, each recorded from the start.
    for (let i = 0; i < 2; i++) {
      const context = await browser.newContext({ acceptDownloads: true });
      await context.addInitScript(LISTEN_FOR_VIOLATIONS);
      const seen = record(context);
      const page = await context.newPage();
      const errors = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      await page.goto(url);
      await page.getByRole('heading', { name: 'Your drafts', level: 1 }).waitFor();
      opened.push({ context, page, seen, errors });
    }
    const [authors, reviewer] = opened;

    await fullSession(authors.page, reviewer.page);

    // The recorder sees the worker's own fetches, so their absence below
    // would mean something.
    assert.ok([...authors.seen.requests].some((u) => u.endsWith('/pdf-worker_bg.wasm')), [...authors.seen.requests].join('\n'));
    for (const [who, { context, page, seen, errors }] of [['authors', authors], ['reviewer', reviewer]]) {
      const requests = [...seen.requests];
      assert.ok(requests.length > 0, `${who}: no request recorded`);
      const foreign = requests.filter((u) => new URL(u).origin !== origin && !/^(blob|data):/.test(u));
      assert.deepEqual(foreign, [], `${who}: requests that left the origin`);
      assert.deepEqual(seen.sockets, [], `${who}: web sockets`);
      assert.deepEqual(seen.violations, [], `${who}: policy violations`);
      assert.deepEqual(await page.evaluate(() => window.__cspViolations), [], `${who}: policy violations`);
      assert.deepEqual(errors, [], `${who}: page errors`);
      await context.close();
    }
  });
}

test('as hosted, the page and the worker come with the policy and the cache rules as headers', async () => {
  for (const path of ['', 'index.html', 'pdf-worker.js', 'sw.js']) {
    const res = await fetch(`${hosted.url}${path}`);
    assert.equal(res.status, 200, path);
    const policy = res.headers.get('content-security-policy') ?? '';
    assert.match(policy, /script-src 'self' 'wasm-unsafe-eval' 'sha256-/, path);
    assert.match(policy, /frame-ancestors 'none'/, path);
    assert.equal(res.headers.get('cache-control'), 'no-cache', path);
  }
});

test('the built page carries the policy, and the policy is in force', async () => {
  const html = await readFile(join(DIST, 'index.html'), 'utf8');
  const policy = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]*)"/)?.[1];
  assert.ok(policy, 'the meta tag is in dist/index.html');
  const directives = Object.fromEntries(policy.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));
  assert.deepEqual(directives['default-src'], ["'self'"]);
  assert.deepEqual(directives['script-src'].slice(0, 2), ["'self'", "'wasm-unsafe-eval'"]);
  assert.match(directives['script-src'][2], /^'sha256-[A-Za-z0-9+/]{43}='$/);
  assert.equal(directives['script-src'].length, 3);
  assert.ok(!/'unsafe-(eval|inline)'/.test(policy), policy);
  assert.deepEqual(directives['connect-src'], ["'self'"]);
  assert.deepEqual(directives['object-src'], ["'none'"]);
  assert.deepEqual(directives['base-uri'], ["'none'"]);
  // The meta tag comes before the bootstrap script, or it would not cover it.
  assert.ok(html.indexOf('Content-Security-Policy') < html.indexOf('<script'));

  const { context, page } = await openApp(browser, plain.url);
  await page.evaluate(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__cspViolations.push(e.violatedDirective));
  });
  // Markup that would run code if hostile text were ever put into the page
  // as HTML. (Playwright's own evaluation is exempt from the policy, so eval
  // cannot be tried from here; the directives above rule it out.)
  const attempt = await page.evaluate(async () => {
    const img = document.createElement('img');
    img.setAttribute('src', 'data:,x');
    img.setAttribute('onerror', 'window.__ran = true');
    document.body.append(img);
    const script = document.createElement('script');
    script.textContent = 'window.__ran = true';
    document.body.append(script);
    await new Promise((r) => setTimeout(r, 200));
    return { ran: window.__ran ?? false, violations: window.__cspViolations };
  });
  assert.equal(attempt.ran, false);
  assert.ok(attempt.violations.includes('script-src-elem'), attempt.violations.join());
  assert.ok(attempt.violations.includes('script-src-attr') || attempt.violations.includes('img-src'));
  await context.close();
});

test('a panic shows an error screen that offers the saved draft and keeps it', async () => {
  const { context, page } = await openDraft(browser, hosted.url);
  const name = 'Riverbend <b>Health</b> "Centre"';
  await page.getByLabel('Legal name of the organization').fill(name);
  await savedWith(page, 'Riverbend <b>Health');
  const [key, stored] = await page.evaluate(() => {
    const keys = Object.keys(localStorage).filter((k) => k.startsWith('policy-builder/'));
    return keys.length === 1 ? [keys[0], localStorage.getItem(keys[0])] : [keys.join(), null];
  });
  assert.match(key, /^policy-builder\/drafts\/[a-z0-9]+$/);
  assert.match(stored, /Riverbend <b>Health<\/b> \\"Centre\\"/);

  const broken = await context.newPage();
  const errors = [];
  broken.on('pageerror', (e) => errors.push(String(e)));
  await broken.goto(`${hosted.url}#selftest-panic`);
  const heading = broken.getByRole('heading', { name: 'Something went wrong' });
  await heading.waitFor();
  // The screen replaced the app and took focus.
  assert.equal(await broken.getByRole('heading', { name: 'Social Media Policy Builder' }).count(), 0);
  assert.equal(await broken.evaluate(() => document.activeElement?.textContent), 'Something went wrong');
  await broken.getByText('is kept in this browser and has not been changed').waitFor();
  // The panic aborted the WebAssembly, as release builds do.
  assert.ok(errors.some((e) => /unreachable/i.test(e)), errors.join('\n'));

  const [download] = await Promise.all([
    broken.waitForEvent('download'),
    broken.getByRole('link', { name: 'Download the saved draft' }).click(),
  ]);
  assert.equal(download.suggestedFilename(), `${key.replaceAll('/', '-')}.json`);
  const dir = await mkdtemp(join(tmpdir(), 'policy-panic-'));
  await download.saveAs(join(dir, 'draft.json'));
  assert.equal(await readFile(join(dir, 'draft.json'), 'utf8'), stored);
  assert.equal(await broken.evaluate((key) => localStorage.getItem(key), key), stored);

  // Reload leaves the self-test and brings the draft back.
  await broken.getByRole('link', { name: 'Reload the app' }).click();
  await broken.getByRole('heading', { name: 'Your drafts', level: 1 }).waitFor();
  assert.equal(new URL(broken.url()).hash, '');
  await broken.getByRole('link', { name, exact: true }).click();
  assert.equal(await broken.getByLabel('Legal name of the organization').inputValue(), name);
  await context.close();
});

test('the error screen offers every saved value as it is, even one the app cannot read', async () => {
  const context = await browser.newContext({ acceptDownloads: true });
  const damaged = '{"schema":1,"answers":{"legal_name":"half a dra';
  const other = 'not json at all \u202e\u{1F600}';
  await context.addInitScript(
    ([key, damaged, other]) => {
      if (!sessionStorage.getItem('seeded')) {
        sessionStorage.setItem('seeded', '1');
        localStorage.setItem(key, damaged);
        localStorage.setItem('policy-builder/notes', other);
        localStorage.setItem('someone-else', 'not ours');
      }
    },
    [LEGACY_KEY, damaged, other],
  );
  const page = await context.newPage();
  await page.goto(`${hosted.url}#selftest-panic`);
  await page.getByRole('heading', { name: 'Something went wrong' }).waitFor();
  const links = page.getByRole('link', { name: /^Download saved copy / });
  assert.equal(await links.count(), 2);
  const files = {};
  for (const key of [LEGACY_KEY, 'policy-builder/notes']) {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: `Download saved copy ${key}` }).click(),
    ]);
    const dir = await mkdtemp(join(tmpdir(), 'policy-panic-'));
    await download.saveAs(join(dir, 'file'));
    files[download.suggestedFilename()] = await readFile(join(dir, 'file'), 'utf8');
  }
  // Each file is exactly what storage holds now: nothing was parsed or rewritten.
  const now = await page.evaluate(() => ({
    draft: localStorage.getItem('policy-builder/draft'),
    notes: localStorage.getItem('policy-builder/notes'),
  }));
  assert.equal(now.notes, other);
  assert.deepEqual(files, { 'policy-builder-draft.json': now.draft, 'policy-builder-notes.txt': other });
  await context.close();
});

test('a 100 KB hostile name reaches the preview and the PDF as text, and the export finishes', async () => {
  const { context, page, errors } = await openDraft(browser, hosted.url);
  const chunk = '<img src=x onerror="window.__ran=1"> ) Tj ET (\\ \u202eRTL\u202c \u{1F600} javascript:alert(1) ';
  const name = `Start ${chunk.repeat(Math.ceil(100_000 / chunk.length))}End`;
  assert.ok(name.length >= 100_000);
  await page.getByLabel('Legal name of the organization').fill(name);
  const preview = page.getByRole('complementary', { name: 'Policy preview' });
  await preview.getByText(/^Start <img src=x onerror=/).first().waitFor();
  const started = Date.now();
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 60_000 }),
    exportAnyway(page),
  ]);
  const took = Date.now() - started;
  const dir = await mkdtemp(join(tmpdir(), 'policy-paste-'));
  await download.saveAs(join(dir, 'policy.pdf'));
  // Page 1 only: the whole PDF's text is megabytes.
  const text = flat(execFileSync('pdftotext', ['-l', '1', join(dir, 'policy.pdf'), '-'], { encoding: 'utf8' }));
  assert.match(text, /Start <img src=x onerror="window.__ran=1"> \) Tj ET \(/);
  assert.equal(await page.evaluate(() => window.__ran ?? false), false);
  assert.ok(took < 30_000, `export took ${took} ms`);
  assert.deepEqual(errors, []);
  await context.close();
});


// What Safari or an old browser may lack, switched off here one at a time:
// the app says at start-up what will not work and what to do instead, and
// the rest still works.
const missing = [
  {
    feature: 'Web Workers',
    init: 'delete window.Worker;',
    says: "cannot run the app's file and PDF helper",
  },
  {
    feature: 'Blob downloads',
    init: 'delete HTMLAnchorElement.prototype.download;',
    says: 'cannot save files that the page makes',
  },
  {
    feature: 'service workers',
    init: 'delete Navigator.prototype.serviceWorker;',
    says: 'does not let the app work offline',
  },
];
for (const { feature, init, says } of missing) {
  test(`without ${feature} the app says what will not work and still saves answers`, async () => {
    const { context, page, errors } = await openApp(browser, plain.url, { init });
    const notice = page.getByRole('region', { name: 'Some features do not work in this browser' });
    await notice.getByText(says).waitFor();
    assert.equal(await notice.locator('p').count(), 1, 'only the missing feature is named');
    await page.getByRole('button', { name: 'Start a new draft' }).click();
    await page.getByLabel('Legal name of the organization').fill(`No ${feature} Clinic`);
    await savedWith(page, `No ${feature} Clinic`);
    await notice.waitFor();
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('a browser with every feature shows no feature notice', async () => {
  const { context, page } = await openApp(browser, plain.url);
  await page.getByRole('button', { name: 'Start a new draft' }).waitFor();
  assert.equal(await page.getByRole('region', { name: 'Some features do not work in this browser' }).count(), 0);
  await context.close();
});
