// Trunk post_build hook (see Trunk.toml): shrinks the PDF worker's
// WebAssembly. Runs on release builds only.
//
// 1. printpdf always exports its JavaScript API on wasm32 (the seven
//    `Pdf_*Sync` functions); the worker calls none of them. Removing the
//    exports and optimizing again drops the code only they reach (HTML and
//    SVG rendering, PDF parsing).
// 2. printpdf links a 654 KB ICC colour profile (and its licence text) that
//    it embeds only in PDF/X and PDF/A files. The worker never makes those
//    (`src/policy/pdf.rs` refuses to), but the bytes stay in the data
//    segment because the code that could read them stays linked. They are
//    overwritten with zeros, which the optimizer then leaves out of the
//    file (memory starts zeroed).
import { execFileSync } from 'node:child_process';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import binaryen from 'binaryen';

const fail = (message) => {
  console.error(`strip-worker-exports: ${message}`);
  process.exit(1);
};
const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) fail('TRUNK_STAGING_DIR is not set (run by trunk build)');
if (process.env.TRUNK_PROFILE !== 'release') process.exit(0);

const files = (await readdir(dir)).filter((f) => /^pdf-worker.*_bg\.wasm$/.test(f));
if (files.length !== 1) fail(`expected one worker wasm in ${dir}, found ${files.length}`);
const path = join(dir, files[0]);
const before = await readFile(path);
const bytes = new Uint8Array(before);

/** Reads an unsigned LEB128 at `at`; returns [value, next offset]. */
function leb(at) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const b = bytes[at++];
    value += (b & 0x7f) * 2 ** shift;
    shift += 7;
    if (b < 0x80) return [value, at];
  }
}

/** The active data segments: { address, start (offset in the file), size }. */
function dataSegments() {
  let at = 8;
  while (at < bytes.length) {
    const id = bytes[at];
    const [size, body] = leb(at + 1);
    if (id === 11) {
      const segments = [];
      let [count, p] = leb(body);
      while (count-- > 0) {
        let flags;
        [flags, p] = leb(p);
        if (flags === 1) {
          let n;
          [n, p] = leb(p);
          p += n; // passive: not placed in memory
          continue;
        }
        if (flags === 2) [, p] = leb(p); // memory index
        if (bytes[p] !== 0x41) fail('a data segment whose offset is not an i32.const');
        let address = 0;
        let shift = 0;
        let b;
        p += 1;
        do {
          b = bytes[p++];
          address |= (b & 0x7f) << shift;
          shift += 7;
        } while (b & 0x80);
        if (bytes[p++] !== 0x0b) fail('an unexpected data segment offset expression');
        let n;
        [n, p] = leb(p);
        segments.push({ address, start: p, size: n });
        p += n;
      }
      return segments;
    }
    at = body + size;
  }
  return [];
}

/** Zeroes every copy of `blob` in the initial memory; returns how many bytes. */
function blank(blob) {
  const segments = dataSegments();
  const end = Math.max(0, ...segments.map((s) => s.address + s.size));
  const memory = new Uint8Array(end);
  for (const s of segments) memory.set(bytes.subarray(s.start, s.start + s.size), s.address);
  let blanked = 0;
  for (let at = Buffer.from(memory.buffer).indexOf(blob); at >= 0; at = Buffer.from(memory.buffer).indexOf(blob, at + 1)) {
    for (const s of segments) {
      const from = Math.max(at, s.address);
      const to = Math.min(at + blob.length, s.address + s.size);
      if (from < to) bytes.fill(0, s.start + (from - s.address), s.start + (to - s.address));
    }
    memory.fill(0, at, at + blob.length);
    blanked += blob.length;
  }
  return blanked;
}

// printpdf's source, from the dependency graph of this build.
const metadata = JSON.parse(
  execFileSync('cargo', ['metadata', '--format-version', '1', '--offline'], { maxBuffer: 64 << 20 }).toString(),
);
const printpdf = metadata.packages.find((p) => p.name === 'printpdf');
if (!printpdf) fail('printpdf is not in the dependency graph');
const res = join(dirname(printpdf.manifest_path), 'src', 'res');
let blanked = 0;
for (const name of ['CoatedFOGRA39.icc', 'CoatedFOGRA39.icc.LICENSE.txt']) {
  blanked += blank(await readFile(join(res, name)));
}
if (blanked === 0) fail(`printpdf ${printpdf.version}'s ICC profile was not found in the worker; has printpdf changed?`);

// The same features index.html gives Trunk's wasm-opt.
const F = binaryen.Features;
const features =
  F.MVP | F.BulkMemory | F.NontrappingFPToInt | F.SignExt | F.MutableGlobals | F.ReferenceTypes | F.Multivalue;
const module = binaryen.readBinary(bytes, features);
const removed = [];
for (let i = module.getNumExports() - 1; i >= 0; i--) {
  const { name } = binaryen.getExportInfo(module.getExportByIndex(i));
  if (/^pdf_\w+sync$/i.test(name)) {
    module.removeExport(name);
    removed.push(name);
  }
}
if (removed.length === 0) fail('no Pdf_*Sync export found; has printpdf changed?');
if (!module.validate()) fail('the module does not validate after removing the exports');
// Like `wasm-opt -Oz`.
binaryen.setOptimizeLevel(2);
binaryen.setShrinkLevel(2);
module.optimize();
const after = module.emitBinary();
module.dispose();
await writeFile(path, after);

// The generated JavaScript keeps wrappers for the removed exports; they
// are never called, and calling one would fail loudly, not silently.
console.log(
  `strip-worker-exports: removed ${removed.sort().join(', ')}; blanked ${blanked} bytes of ICC profile; ` +
    `${files[0]} ${before.length} -> ${after.length} bytes`,
);
