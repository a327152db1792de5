// Bundles every src/actions/<name>/main.ts (and post.ts) into standalone dist/<name>/index.js (post.js), and
// the CLI (src/cli/main.ts, every action in one file) into dist/cli.js, the package's `registry-actions` bin.
// What src/ imports at first use (`import()`: the code an entry runs once its inputs are valid, the providers'
// clients, undici, @actions/core, @actions/github) becomes chunk files beside an action entry (<id>.index.js),
// which a step that stops on its inputs (or a post step with nothing to undo) never reads.
// The action bundles are minified, with a source map beside each file (index.js.map) that
// sourcemap-register.cjs applies when a stack trace is printed, so traces name src/ files and lines; the maps
// keep names and lines, not the sources. The CLI stays one readable file (the npm package ships dist/cli.js
// alone; src/cli/main.ts keeps those libraries in it).
// ncc bundles; terser minifies here rather than inside ncc, whose terser options are fixed: the bundles come
// out ASCII only (non-ASCII text as \u escapes), so Node holds each as a one-byte string, decoded and
// compiled faster at every start than the two-byte string a single non-ASCII character makes of it.
// `npm run build -- login prune-tags` rebuilds only those (and the CLI); no names rebuilds dist/ from scratch
// and records what it was built from in dist/.source-hash (see source-hash.ts), which the tests check.
// Each action is bundled into a staging directory and swapped in whole, so a failed build never leaves a
// half-written or missing dist/<name>.
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import ncc from '@vercel/ncc';
import { minify } from 'terser';
import { SOURCE_HASH_FILE, sourceHash } from './source-hash.ts';

const root = join(dirname(new URL(import.meta.url).pathname), '..');
const actionsDir = join(root, 'src/actions');
const distDir = join(root, 'dist');
const entries = { 'main.ts': 'index.js', 'post.ts': 'post.js' };
const minimumNode = Number(
  /\d+/.exec(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).engines.node)[0],
);

/**
 * The first statement of every bundle: on an older Node, one plain sentence and exit 1 before any bundled
 * module runs (undici would otherwise crash reading zlib.createZstdDecompress, which Node 24 added).
 */
function nodeVersionGuard(bundle) {
  const message =
    `registry-actions needs Node.js ${minimumNode} or newer (the actions declare runs.using: node${minimumNode}); ` +
    `this is Node.js {version}. Run it with Node ${minimumNode}: after npm ci, "npx node ${bundle}" uses the ` +
    `Node ${minimumNode} that npm ci installs into node_modules.`;
  return [
    `if (Number(process.versions.node.split('.')[0]) < ${minimumNode}) {`,
    `  const message = ${JSON.stringify(message)}.replace('{version}', process.version);`,
    "  if (process.env.GITHUB_ACTIONS === 'true') process.stdout.write('::error::' + message + '\\n');",
    "  else process.stderr.write(message + '\\n');",
    '  process.exit(1);',
    '}',
    '',
  ].join('\n');
}

/**
 * Modules left out of every bundle, each replaced by a require of a name that says why if it ever ran.
 * undici's experimental Milo HTTP parser (two WebAssembly builds, ~150 KB minified) is loaded only for a
 * client created with `useMilo`, which nothing here does; its llhttp parser is what every request uses.
 */
const NEVER_LOADED = {
  '../milo/simd.js': 'undici-milo-parser-not-bundled',
  '../milo/no-simd.js': 'undici-milo-parser-not-bundled',
};

/**
 * Bundles one entry into `outDir/output`, `head` (a shebang, or nothing) before the version guard; `minified`:
 * minify, with `output.map` beside it and ncc's sourcemap-register.cjs to apply it to stack traces. What the
 * entry imports at first use (`import()`) comes out as chunk files beside it (`<id>.<output>`), each minified
 * with its own map; `oneFile` refuses any (the CLI is the npm package's only file).
 */
async function bundle(input, outDir, output, shown, { head = '', minified = false, oneFile = false } = {}) {
  const bundled = await ncc(input, {
    filename: output,
    minify: false,
    sourceMap: minified,
    sourceMapRegister: minified,
    quiet: true,
    target: 'es2023',
    externals: NEVER_LOADED,
  });
  const files = [{ name: output, code: bundled.code, map: bundled.map }];
  for (const [assetName, asset] of Object.entries(bundled.assets ?? {})) {
    if (assetName.endsWith(`.${output}`)) {
      if (oneFile) throw new Error(`${shown} must be one file, but ncc split ${assetName} from it`);
      files.push({
        name: assetName,
        code: String(asset.source),
        map: bundled.assets[`${assetName}.map`]?.source,
      });
      continue;
    }
    // Maps are written with their files; ncc's package.json only says "type": "module" for its own layout.
    if (assetName === 'package.json' || assetName.endsWith('.map')) continue;
    const assetPath = join(outDir, assetName);
    mkdirSync(dirname(assetPath), { recursive: true });
    writeFileSync(assetPath, asset.source);
  }
  for (const file of files) {
    const { code, map } = minified ? await minifyWithMap(file.code, String(file.map), file.name) : file;
    // Only the entry runs first; a chunk is loaded by it.
    const prefix = file.name === output ? head + nodeVersionGuard(shown) : '';
    writeFileSync(join(outDir, file.name), prefix + code, { mode: head ? 0o755 : 0o644 });
    if (minified)
      writeFileSync(join(outDir, `${file.name}.map`), slimMap(map, prefix.split('\n').length - 1));
    console.log(`built ${join(dirname(shown), file.name)} (${(code.length / 1024).toFixed(0)} KiB)`);
  }
}

/**
 * Minifies ncc's output, the map chained to ncc's so it still leads to src/; names of functions and classes
 * are kept (stack traces and `constructor.name` read them), and the output is ASCII only.
 */
async function minifyWithMap(code, map, output) {
  const result = await minify(asciiOnly(code, output), {
    module: true,
    compress: false,
    mangle: { keep_classnames: true, keep_fnames: true },
    format: { ascii_only: true },
    sourceMap: { content: map, url: `${output}.map` },
  });
  if (result.code === undefined || typeof result.map !== 'string')
    throw new Error(`terser gave no ${output}`);
  if (/[^\x00-\x7f]/.test(result.code)) throw new Error(`${output} is not ASCII only after minifying`);
  return { code: result.code, map: result.map };
}

/**
 * `code` with each non-ASCII character written as a \u escape. terser's ascii_only leaves comments (licence
 * lines) and tagged templates' raw text alone; every tag in the bundles (shown, md) reads the cooked text, the
 * same either way. ncc's map has one mapping a line at column 0, so the longer lines map as before.
 */
function asciiOnly(code, output) {
  return code.replace(/[^\x00-\x7f]/g, (char, at) => {
    // After an odd run of backslashes the character is itself escaped, and `\\u…` would mean another text.
    if (/(?:^|[^\\])(?:\\\\)*\\$/.test(code.slice(Math.max(0, at - 64), at))) {
      throw new Error(`${output}: an escaped non-ASCII character at ${at}; write it as a \\u escape instead`);
    }
    return `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}

async function bundleAction(name, outDir) {
  for (const [source, output] of Object.entries(entries)) {
    const input = join(actionsDir, name, source);
    if (existsSync(input)) await bundle(input, outDir, output, `dist/${name}/${output}`, { minified: true });
  }
}

/**
 * ncc's map names sources relative to dist/ and embeds every source text: point them at the repository
 * from dist/<name>/, and drop the texts (a stack trace needs files, lines and names; the sources are in git);
 * `linesBefore` generated lines come before the bundle's first.
 */
function slimMap(text, linesBefore) {
  const map = JSON.parse(text);
  // The lines prepended to the bundle (the Node version guard) have no source.
  map.mappings = ';'.repeat(linesBefore) + map.mappings;
  map.sources = map.sources.map((source) => `../${source}`);
  delete map.sourcesContent;
  return JSON.stringify(map);
}

// The bundles import the inputs each action.yml declares: regenerate them first.
const metadata = spawnSync(process.execPath, [join(root, 'scripts/action-metadata.ts')], {
  stdio: 'inherit',
});
if (metadata.status !== 0) process.exit(metadata.status ?? 1);

const only = process.argv.slice(2);
const all = existsSync(actionsDir) ? readdirSync(actionsDir).sort() : [];
const names = only.length > 0 ? only : all;
mkdirSync(distDir, { recursive: true });
const staging = mkdtempSync(join(distDir, '.staging-'));
try {
  for (const name of names) {
    mkdirSync(join(staging, name));
    await bundleAction(name, join(staging, name));
  }
  await bundle(join(root, 'src/cli/main.ts'), staging, 'cli.js', 'dist/cli.js', {
    head: '#!/usr/bin/env node\n',
    oneFile: true,
  });
  if (only.length === 0) {
    for (const stale of readdirSync(distDir)) {
      if (!stale.startsWith('.staging-')) rmSync(join(distDir, stale), { recursive: true, force: true });
    }
  }
  for (const name of [...names, 'cli.js']) {
    rmSync(join(distDir, name), { recursive: true, force: true });
    renameSync(join(staging, name), join(distDir, name));
  }
} finally {
  rmSync(staging, { recursive: true, force: true });
}
// Only a whole build makes all of dist/ a build of the sources (and after action-metadata.ts rewrote them).
if (only.length === 0) writeFileSync(join(root, SOURCE_HASH_FILE), `${sourceHash(root)}\n`);
else console.log(`${SOURCE_HASH_FILE} left as it was: only a build of every action makes dist/ fresh`);
