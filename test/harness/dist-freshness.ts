// The harness runs dist/, never src/: before it runs a bundle it makes sure dist/ was built from the
// checkout's sources (dist/.source-hash, written by npm run build), so a test never passes on an old bundle.
import { isAbsolute, relative, resolve } from 'node:path';
import { distStaleness } from '../../scripts/source-hash.ts';
import { repoRoot } from './action-definition.ts';

const staleness = new Map<string, string | undefined>();

/** Throws "dist/ is older than src/ …: run npm run build" when `file` is in a dist/ its sources have outgrown. */
export function refuseStaleDist(file: string, root = repoRoot): void {
  const inside = relative(resolve(root, 'dist'), resolve(file));
  if (inside.startsWith('..') || isAbsolute(inside)) return;
  // One look per test process and checkout (hashing src/ takes a fraction of a second).
  if (!staleness.has(root)) staleness.set(root, distStaleness(root));
  const why = staleness.get(root);
  if (why !== undefined) throw new Error(`${why} (${relative(root, file)} would run an old bundle)`);
}
