// Trunk post_build hook step (run by .ci/post-build, before the
// Content-Security-Policy and the service worker's file list): cuts the
// page's WebAssembly into parts.
//
// The page marks its split points with `wasm_split_helpers`
// (`src/app/parts.rs`): a draft's pages, and the trainer's demo. Trunk
// builds and binds the page as one module (build.rs links it with
// `--emit-relocs`, which the split tool reads). This step takes the module
// cargo built, and
// 1. cuts it with `wasm-split-cli` into the main module (what the drafts
//    page needs), one module per split point, and modules of code that
//    several parts share, with `__wasm_split.js`, which fetches a part on
//    its first use;
// 2. binds the main module again with wasm-bindgen (the options cargo-
//    leptos uses for split builds) and puts its JavaScript and WebAssembly
//    in place of Trunk's, under Trunk's content-hashed names;
// 3. optimizes every module with wasm-opt (release builds; index.html
//    turns Trunk's own wasm-opt off for the page, since its output would
//    be replaced);
// 4. names each part and the loader by a hash of its content, so that a
//    cache can never pair one build's main module with another's part.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync, copyFileSync, existsSync, statSync } from 'node:fs';
import { join, basename } from 'node:path';

const fail = (message) => {
  console.error(`split-page: ${message}`);
  process.exit(1);
};
const stage = process.env.TRUNK_STAGING_DIR;
if (!stage) fail('TRUNK_STAGING_DIR is not set (run by trunk build)');
const profile = process.env.TRUNK_PROFILE === 'release' ? 'release' : 'debug';
const input = join('target', 'wasm32-unknown-unknown', profile, 'policy-builder.wasm');
if (!existsSync(input)) fail(`${input} is missing: the page was not built`);

const glues = readdirSync(stage).filter((f) => /^policy-builder-[0-9a-f]+\.js$/.test(f));
if (glues.length !== 1) fail(`expected one page script in ${stage}, found ${glues.length}`);
const stem = basename(glues[0], '.js');
const wasmName = `${stem}_bg.wasm`;
if (!existsSync(join(stage, wasmName))) fail(`${wasmName} is missing from ${stage}`);

const work = join('target', 'wasm-split', profile);
const split = join(work, 'split');
const bound = join(work, 'bindgen');
rmSync(work, { recursive: true, force: true });
mkdirSync(split, { recursive: true });
mkdirSync(bound, { recursive: true });

const run = (command, args) => {
  try {
    execFileSync(command, args, { stdio: ['ignore', 'inherit', 'inherit'] });
  } catch (e) {
    fail(`${command} failed (${e.message})`);
  }
};

// 1. Cut.
run('wasm-split-cli', ['--target', 'web', '--out-name', stem, input, split]);
const mainSplit = join(split, `${stem}.wasm`);
const linkPath = join(split, '__wasm_split.js');
if (!existsSync(mainSplit) || !existsSync(linkPath)) fail('wasm-split-cli wrote no main module or loader');
const parts = readdirSync(split).filter((f) => f.endsWith('.wasm') && f !== `${stem}.wasm`);
if (parts.length === 0) fail('wasm-split-cli found no split point: is src/app/parts.rs still in the page?');

// 2. Bind the main module.
run('wasm-bindgen', [
  '--target=web',
  '--no-typescript',
  '--keep-lld-exports',
  '--no-demangle',
  `--out-dir=${bound}`,
  `--out-name=${stem}`,
  mainSplit,
]);

// 3. Optimize: the flags index.html gives Trunk's wasm-opt for the worker.
const optimize = (file) =>
  run('wasm-opt', [
    '-Oz',
    '--enable-bulk-memory',
    '--enable-nontrapping-float-to-int',
    '--enable-sign-ext',
    '--enable-mutable-globals',
    '--enable-reference-types',
    '--enable-multivalue',
    file,
    '-o',
    file,
  ]);
const mainBound = join(bound, `${stem}_bg.wasm`);
if (profile === 'release') {
  optimize(mainBound);
  for (const part of parts) optimize(join(split, part));
}

// 4. Hash-named parts and loader; the main module in place of Trunk's.
const short = (bytes) => createHash('sha256').update(bytes).digest('hex').slice(0, 16);
let link = readFileSync(linkPath, 'utf8');
for (const part of parts) {
  const bytes = readFileSync(join(split, part));
  const named = `${basename(part, '.wasm')}-${short(bytes)}.wasm`;
  const quoted = `"./${part}"`;
  if (!link.includes(quoted)) fail(`the loader does not name ${part}`);
  link = link.replaceAll(quoted, `"./${named}"`);
  writeFileSync(join(stage, named), bytes);
}
const linkNamed = `__wasm_split-${short(link)}.js`;
writeFileSync(join(stage, linkNamed), link);

let glue = readFileSync(join(bound, `${stem}.js`), 'utf8');
// Only the import statements change: the imports object keeps the module
// name the WebAssembly asks for.
const linkImport = /(\bfrom\s*)(["'])\.\/__wasm_split\.js\2/g;
if (!linkImport.test(glue)) fail('the bound page script does not import the loader');
glue = glue.replace(linkImport, `$1'./${linkNamed}'`);
writeFileSync(join(stage, `${stem}.js`), glue);
copyFileSync(mainBound, join(stage, wasmName));
const snippets = join(bound, 'snippets');
if (existsSync(snippets) && readdirSync(snippets).length > 0 && !existsSync(join(stage, 'snippets'))) {
  fail('the bound page script has JavaScript snippets that Trunk did not stage');
}

// Trunk's subresource-integrity hashes of the two replaced files.
const htmlPath = join(stage, 'index.html');
let html = readFileSync(htmlPath, 'utf8');
for (const name of [`${stem}.js`, wasmName]) {
  const digest = createHash('sha384').update(readFileSync(join(stage, name))).digest('base64');
  html = html.replace(
    new RegExp(`(href="[^"]*${name.replace(/[.]/g, '\\.')}"[^>]*integrity=")sha384-[^"]*(")`, 'g'),
    `$1sha384-${digest}$2`,
  );
}
writeFileSync(htmlPath, html);

const size = (f) => statSync(join(stage, f)).size;
console.log(
  `split-page: ${wasmName} ${size(wasmName)} bytes; parts: ${readdirSync(stage)
    .filter((f) => /^(split|chunk)_.*\.wasm$/.test(f) || parts.some((p) => f.startsWith(basename(p, '.wasm') + '-')))
    .map((f) => `${f} ${size(f)}`)
    .join(', ')}`,
);
