// The README's serve command on a fresh start: `bash .ci/serve` builds and
// serves the app, keeps serving while tens of thousands of files appear
// under target/ (as a cold cargo build writes them), and the page it serves
// loads with no console error and no Content-Security-Policy violation.
//
// It serves on a free port into a temporary dist folder, so that it never
// touches the dist/ the other browser tests read.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch } from './harness.mjs';

const ROOT = new URL('../../', import.meta.url).pathname;
const FILES = 50_000;

/** A port nothing listens on right now. */
function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/** Resolves once `url` answers with a built page, or rejects when `alive()` turns false. */
async function builtPage(url, alive, log) {
  const deadline = Date.now() + 20 * 60_000;
  while (Date.now() < deadline) {
    if (!alive()) throw new Error(`the serve command stopped before serving:\n${log()}`);
    try {
      const res = await fetch(url);
      const html = await res.text();
      // The finished build: Trunk's bootstrap and its hash in the policy.
      if (res.ok && html.includes('policy-builder-') && /'sha256-[A-Za-z0-9+/=]+'/.test(html)) return html;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error(`the serve command served nothing within 20 minutes:\n${log()}`);
}

test('the serve command survives 50,000 new files under target/ and serves a page with no console error', async () => {
  const port = await freePort();
  const dist = await mkdtemp(join(tmpdir(), 'policy-serve-dist-'));
  const flood = join(ROOT, 'target', `serve-test-${process.pid}`);
  let output = '';
  let exited = null;
  const child = spawn('bash', ['.ci/serve', '--port', String(port), '--dist', dist], {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NO_COLOR: '1' },
  });
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  child.on('exit', (code, signal) => (exited = { code, signal }));
  const alive = () => exited === null;
  const log = () => output.split('\n').slice(-40).join('\n');
  const url = `http://127.0.0.1:${port}/`;
  let browser;
  try {
    const html = await builtPage(url, alive, log);
    assert.doesNotMatch(html, /\.well-known\/trunk\/ws/, 'the served page carries no reload script');

    // A cold build writes this many files under target/; a watcher that
    // watched target/ overflows its inotify queue here.
    for (let dir = 0; dir < FILES / 1000; dir++) {
      const d = join(flood, String(dir));
      await mkdir(d, { recursive: true });
      await Promise.all(Array.from({ length: 1000 }, (_, i) => writeFile(join(d, `f${i}.o`), 'x')));
    }
    // Give the watcher time to read (and, before the fix, to choke on) them.
    await new Promise((r) => setTimeout(r, 5000));
    assert.ok(alive(), `the serve command stopped after the files were written:\n${log()}`);
    assert.doesNotMatch(output, /panicked/, 'no thread of the serve command panicked');

    browser = await launch();
    const context = await browser.newContext();
    await context.addInitScript(() => {
      window.__violations = [];
      document.addEventListener('securitypolicyviolation', (e) =>
        window.__violations.push(`${e.violatedDirective}: ${e.blockedURI || 'inline'}`),
      );
    });
    const page = await context.newPage();
    const errors = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(url);
    await page.locator('#main').waitFor();
    await page.getByRole('button', { name: 'Start a new draft' }).click();
    await page.getByLabel('Legal name of the organization').fill('Served Clinic');
    const preview = page.getByRole('complementary', { name: 'Policy preview' });
    await preview.getByRole('heading', { name: 'Served Clinic Social Media Policy' }).waitFor();
    await page.evaluate(() => navigator.serviceWorker.ready);
    assert.deepEqual(await page.evaluate(() => window.__violations), [], 'no Content-Security-Policy violation');
    assert.deepEqual(errors, [], 'no console error');
    assert.ok(alive(), `the serve command is still serving:\n${log()}`);
    await context.close();
  } finally {
    await browser?.close();
    if (alive()) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // Already gone.
      }
      await new Promise((r) => (exited ? r() : child.once('exit', r)));
    }
    await rm(flood, { recursive: true, force: true });
    await rm(dist, { recursive: true, force: true });
  }
});
