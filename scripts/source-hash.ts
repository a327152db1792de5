// What dist/ was built from, as one hash: every file under src/, and the files that decide how it is bundled
// (package.json, package-lock.json, tsconfig.json, scripts/build.mjs and this file). The build writes it to
// dist/.source-hash; the test harness compares it with the checkout's before running a bundle, so tests never
// run a dist/ older than src/. Paths sorted, file contents only (no times, no modes): the same checkout gives
// the same hash on every machine.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** Where the build records the hash, relative to the repository root. */
export const SOURCE_HASH_FILE = 'dist/.source-hash';

const BUILD_INPUTS = [
  'package.json',
  'package-lock.json',
  'tsconfig.json',
  'scripts/build.mjs',
  'scripts/source-hash.ts',
];

function filesUnder(root: string, dir: string): string[] {
  const full = join(root, dir);
  if (!existsSync(full)) return [];
  return readdirSync(full, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(root, join(entry.parentPath, entry.name)).split(sep).join('/'));
}

/** The hash of the build's inputs in the checkout at `root`, as hex. */
export function sourceHash(root: string): string {
  const paths = [...filesUnder(root, 'src'), ...BUILD_INPUTS.filter((path) => existsSync(join(root, path)))];
  const whole = createHash('sha256');
  for (const path of [...new Set(paths)].sort()) {
    const contents = createHash('sha256')
      .update(readFileSync(join(root, path)))
      .digest('hex');
    whole.update(`${path}\0${contents}\n`);
  }
  return whole.digest('hex');
}

/** Why dist/ at `root` is not a build of its sources, or undefined when it is. */
export function distStaleness(root: string): string | undefined {
  const file = join(root, SOURCE_HASH_FILE);
  const recorded = existsSync(file) ? readFileSync(file, 'utf8').trim() : undefined;
  if (recorded === sourceHash(root)) return undefined;
  const why =
    recorded === undefined ? `${SOURCE_HASH_FILE} is missing` : `${SOURCE_HASH_FILE} does not match`;
  return `dist/ is older than src/ (${why}): run npm run build`;
}
