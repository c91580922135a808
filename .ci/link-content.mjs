// Trunk post-build step (see .ci/content): names each language's content
// file in index.html, `<meta name="policy-content" data-language=..>`, and
// preloads the English one, so that it downloads beside the page's
// WebAssembly instead of after it. Runs in Trunk's staging directory.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('TRUNK_STAGING_DIR is not set: run this from a Trunk hook');

const files = (await readdir(join(dir, 'content'))).filter((f) => f.endsWith('.json')).sort();
const tags = [];
for (const file of files) {
  const match = /^(.+)-[0-9a-f]{16}\.json$/.exec(file);
  if (!match) throw new Error(`unexpected content file ${file}`);
  const href = `content/${file}`;
  tags.push(`<meta name="policy-content" data-language="${match[1]}" content="${href}" />`);
  if (match[1] === 'en') tags.push(`<link rel="preload" href="${href}" as="fetch" crossorigin="anonymous" />`);
}
if (!tags.some((t) => t.includes('data-language="en"'))) throw new Error('no English content file was written');
const indexPath = join(dir, 'index.html');
const html = await readFile(indexPath, 'utf8');
if (!html.includes('</head>')) throw new Error('index.html has no </head>');
await writeFile(indexPath, html.replace('</head>', `  ${tags.join('\n    ')}\n  </head>`));
console.log(`content linked: ${files.join(', ')}`);
