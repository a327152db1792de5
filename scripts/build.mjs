// Bundles every src/actions/<name>/main.ts (and post.ts) into standalone dist/<name>/index.js (post.js).
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import ncc from '@vercel/ncc';

const root = join(dirname(new URL(import.meta.url).pathname), '..');
const actionsDir = join(root, 'src/actions');
const distDir = join(root, 'dist');
const entries = { 'main.ts': 'index.js', 'post.ts': 'post.js' };

// `npm run build -- login prune-tags` rebuilds only those; no names rebuilds dist/ from scratch.
const only = process.argv.slice(2);
const names = only.length > 0 ? only : existsSync(actionsDir) ? readdirSync(actionsDir).sort() : [];
if (only.length === 0) rmSync(distDir, { recursive: true, force: true });
for (const name of names) {
  rmSync(join(distDir, name), { recursive: true, force: true });
  for (const [source, output] of Object.entries(entries)) {
    const input = join(actionsDir, name, source);
    if (!existsSync(input)) continue;
    const { code, assets } = await ncc(input, {
      minify: false,
      sourceMap: false,
      quiet: true,
      target: 'es2023',
    });
    const outDir = join(distDir, name);
    mkdirSync(outDir, { recursive: true });
    writeFileSync(join(outDir, output), code);
    for (const [assetName, asset] of Object.entries(assets ?? {})) {
      if (assetName === 'package.json') continue;
      const assetPath = join(outDir, assetName);
      mkdirSync(dirname(assetPath), { recursive: true });
      writeFileSync(assetPath, asset.source);
    }
    console.log(`built dist/${name}/${output} (${(code.length / 1024).toFixed(0)} KiB)`);
  }
}
if (names.length === 0) console.log('no actions under src/actions yet');
