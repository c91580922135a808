// Trunk post-build hook: writes this build's version and file list into the
// service worker, so that each build is a new version that caches exactly
// its own files. Runs in Trunk's staging directory (TRUNK_STAGING_DIR).
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('TRUNK_STAGING_DIR is not set: run this from a Trunk hook');

async function walk(d) {
  const out = [];
  for (const name of await readdir(d)) {
    const path = join(d, name);
    if ((await stat(path)).isDirectory()) out.push(...(await walk(path)));
    else out.push(path);
  }
  return out;
}

const files = (await walk(dir)).map((p) => relative(dir, p)).filter((p) => p !== 'sw.js' && p !== '_headers').sort();
const hash = createHash('sha256');
for (const f of files) hash.update(f).update(await readFile(join(dir, f)));
const version = hash.digest('hex').slice(0, 16);
const list = ['./', ...files.filter((f) => f !== 'index.html')];
const swPath = join(dir, 'sw.js');
let sw = await readFile(swPath, 'utf8');
sw = sw
  .replace(/^const VERSION = .*;$/m, `const VERSION = '${version}';`)
  .replace(/^const FILES = .*;$/m, `const FILES = ${JSON.stringify(list)};`);
await writeFile(swPath, sw);
console.log(`service worker stamped: version ${version}, ${list.length} files`);
