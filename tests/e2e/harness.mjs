// Shared set-up for the browser tests: a static server for the release
// build in dist/ on 127.0.0.1, and Debian's Chromium driven by
// playwright-core (never a downloaded browser).
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { execFileSync } from 'node:child_process';
import { before, after } from 'node:test';
import { chromium } from 'playwright-core';

// POLICY_DIST serves another build (for example an older one, to check
// that a test fails on it).
const DIST = process.env.POLICY_DIST || new URL('../../dist/', import.meta.url).pathname;
/** The content type a static host gives each kind of file of dist/. */
export const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.webmanifest': 'application/manifest+json',
};

/**
 * Serves dist/ on a free port of 127.0.0.1; resolves to { url, close,
 * transform }. `transform(fn)` makes later responses pass through
 * `fn(path, body)`, to serve a "next build" of a file. `headers(path)`, if
 * given, adds HTTP headers to a file's response (as a host would).
 */
export async function serveDist({ headers } = {}) {
  let rewrite = null;
  await stat(join(DIST, 'index.html')).catch(() => {
    throw new Error('dist/index.html is missing: run `trunk build --release` first (bash .ci/test does)');
  });
  const server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    const file = join(DIST, path.endsWith('/') ? 'index.html' : path);
    try {
      let body = await readFile(file);
      if (rewrite) body = rewrite(path, body);
      res.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'cache-control': 'no-cache',
        ...headers?.(path),
      });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise((r) => {
        server.close(r);
        server.closeAllConnections?.();
      }),
    transform: (fn) => {
      rewrite = fn;
    },
  };
}

/** Launches headless Debian Chromium. */
export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
      '--disable-quic',
    ],
  });
}

/** Opens the app in a fresh context and waits until it is interactive. */
export async function openApp(browser, url, { init, serviceWorkers = 'allow' } = {}) {
  const context = await browser.newContext({ acceptDownloads: true, serviceWorkers });
  if (init) await context.addInitScript(init);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(url);
  await page.locator('#main').waitFor();
  return { context, page, errors };
}

/** Opens the app and starts a new, empty draft from the drafts page. */
export async function openDraft(browser, url, options) {
  const opened = await openApp(browser, url, options);
  await opened.page.getByRole('button', { name: 'Start a new draft' }).click();
  await opened.page.getByLabel('Legal name of the organization').waitFor();
  return opened;
}

/** Clicks `trigger` and saves the download it causes; resolves to { name, path }. */
export async function downloadOf(page, trigger) {
  const { mkdtemp } = await import('node:fs/promises');
  const { tmpdir } = await import('node:os');
  const [download] = await Promise.all([page.waitForEvent('download'), trigger()]);
  const dir = await mkdtemp(join(tmpdir(), 'policy-dl-'));
  const path = join(dir, download.suggestedFilename());
  await download.saveAs(path);
  return { name: download.suggestedFilename(), path };
}

/**
 * Clicks the export button `name` of a draft that still shows placeholders,
 * and answers the question it asks first with "Export anyway".
 */
export async function exportAnyway(page, name = 'Export PDF') {
  await page.getByRole('button', { name }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Export anyway' }).click();
}

/** axe-core violations on the page as it is, one line each. */
export async function axeViolations(page) {
  const { default: AxeBuilder } = await import('@axe-core/playwright');
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Text of a PDF, as pdftotext (Debian's poppler-utils) reads it. */
export function pdfText(path) {
  return execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
}

/** Collapses whitespace, so that line breaks do not matter. */
export const flat = (s) => s.replace(/\s+/g, ' ');

/**
 * Starts one server and one browser for a test file, closed after its last
 * test. Returns an object whose `server` and `browser` are set once the
 * tests run.
 */
export function suite() {
  const env = {};
  before(async () => {
    env.server = await serveDist();
    env.browser = await launch();
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}

/**
 * Waits until the saved-state line says "Saved" and a stored draft holds
 * `text`: the save really happened, not just the initial state.
 */
export async function savedWith(page, text) {
  await page.waitForFunction(
    (t) =>
      Object.keys(localStorage).some(
        (k) => k.startsWith('policy-builder/drafts/') && (localStorage.getItem(k) ?? '').includes(t),
      ),
    text,
  );
  await page.getByText(/^Saved in this browser/).waitFor();
}

/**
 * Launches Debian's Firefox ESR headless through puppeteer-core over
 * WebDriver BiDi (playwright-core drives only Playwright's own Firefox
 * build). Puppeteer's download handling is Chromium-only, so Firefox is
 * told through its preferences to save every download into `downloads`
 * without asking, and to save PDFs rather than open them in its viewer.
 */
export async function launchFirefox({ downloads }) {
  const { default: puppeteer } = await import('puppeteer-core');
  return puppeteer.launch({
    browser: 'firefox',
    executablePath: process.env.FIREFOX ?? '/usr/bin/firefox-esr',
    headless: true,
    // Wide enough for the preview beside the questions, as in Chromium's tests.
    defaultViewport: { width: 1280, height: 900 },
    extraPrefsFirefox: {
      'browser.download.dir': downloads,
      'browser.download.folderList': 2,
      'browser.download.useDownloadDir': true,
      'browser.download.always_ask_before_handling_new_types': false,
      'browser.helperApps.neverAsk.saveToDisk': 'application/pdf,application/yaml,application/json,text/plain',
      'pdfjs.disabled': true,
    },
  });
}

/**
 * Waits until a file whose name matches `pattern` is complete in `dir`
 * (Firefox writes a `.part` file beside it until then), moves it to a
 * folder of its own, so that the next download of the same name is not
 * renamed, and resolves to { name, path }.
 */
export async function savedFile(dir, pattern, { timeout = 30_000 } = {}) {
  const { readdir, stat: statFile, mkdtemp, rename } = await import('node:fs/promises');
  const { tmpdir } = await import('node:os');
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    const names = await readdir(dir);
    const name = names.find((n) => pattern.test(n) && !names.includes(`${n}.part`));
    if (name && (await statFile(join(dir, name))).size > 0) {
      const path = join(await mkdtemp(join(tmpdir(), 'policy-ff-')), name);
      await rename(join(dir, name), path);
      return { name, path };
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no download matching ${pattern} in ${dir} within ${timeout} ms`);
}
