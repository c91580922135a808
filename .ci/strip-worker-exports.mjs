// Trunk post_build hook (see Trunk.toml): removes from the PDF worker's
// WebAssembly the JavaScript API that printpdf always exports on wasm32
// (the `Pdf_*Sync` functions), then optimizes it again so that the code
// only they reach (HTML and SVG rendering, PDF parsing) is dropped. The
// worker calls none of them. Runs on release builds only.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import binaryen from 'binaryen';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('strip-worker-exports: TRUNK_STAGING_DIR is not set (run by trunk build)');
  process.exit(1);
}
if (process.env.TRUNK_PROFILE !== 'release') process.exit(0);

const files = (await readdir(dir)).filter((f) => /^pdf-worker.*_bg\.wasm$/.test(f));
if (files.length !== 1) {
  console.error(`strip-worker-exports: expected one worker wasm in ${dir}, found ${files.length}`);
  process.exit(1);
}
const path = join(dir, files[0]);
const before = await readFile(path);
// The same features index.html gives Trunk's wasm-opt.
const F = binaryen.Features;
const features =
  F.MVP | F.BulkMemory | F.NontrappingFPToInt | F.SignExt | F.MutableGlobals | F.ReferenceTypes | F.Multivalue;
const module = binaryen.readBinaryWithFeatures(before, features);
const removed = [];
for (let i = module.getNumExports() - 1; i >= 0; i--) {
  const { name } = binaryen.getExportInfo(module.getExportByIndex(i));
  if (/^pdf_\w+sync$/i.test(name)) {
    module.removeExport(name);
    removed.push(name);
  }
}
if (removed.length === 0) {
  console.error('strip-worker-exports: no Pdf_*Sync export found; has printpdf changed?');
  process.exit(1);
}
if (!module.validate()) {
  console.error('strip-worker-exports: the module does not validate after removing the exports');
  process.exit(1);
}
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
  `strip-worker-exports: removed ${removed.sort().join(', ')}; ${files[0]} ${before.length} -> ${after.length} bytes`,
);
