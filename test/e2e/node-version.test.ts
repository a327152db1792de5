// Every dist bundle started by a Node older than the one the actions declare (node24) says so in one
// sentence, instead of crashing inside a bundled library; run with the machine's own older Node when present.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import semver from 'semver';
import { describe, expect, it } from 'vitest';
import { repoRoot, runStep } from '../harness/runner.ts';

/** A Node binary outside this repository whose major version is below 24, if the machine has one. */
function olderNode(): { path: string; version: string } | undefined {
  const candidates = [
    ...(process.env.PATH ?? '').split(delimiter).filter((dir) => dir && !dir.startsWith(repoRoot)),
    '/usr/bin',
    '/usr/local/bin',
  ].map((dir) => join(dir, 'node'));
  for (const path of new Set(candidates)) {
    if (!existsSync(path)) continue;
    const version = spawnSync(path, ['--version'], { encoding: 'utf8' }).stdout?.trim() ?? '';
    if (/^v(\d+)\./.test(version) && Number(version.slice(1).split('.')[0]) < 24) return { path, version };
  }
  return undefined;
}

const old = olderNode();
const bundles = readdirSync(join(repoRoot, 'dist')).flatMap((action) =>
  (['main', 'post'] as const)
    .filter((entry) => existsSync(join(repoRoot, 'dist', action, entry === 'main' ? 'index.js' : 'post.js')))
    .map((entry) => ({ action, entry })),
);

describe.skipIf(!old)(`dist bundles on an older Node (${old?.version ?? 'none on this machine'})`, () => {
  it.each(bundles)('$action $entry stops with "needs Node.js 24" before any bundled code runs', async (b) => {
    const result = await runStep({
      ...b,
      node: old!.path,
      inputs: { provider: 'swr', region: 'cn-north-4' },
    });
    expect(result.exitCode).toBe(1);
    expect(result.errors).toEqual([
      expect.stringMatching(
        new RegExp(
          `^registry-actions needs Node.js 24 or newer .*this is Node.js ${old!.version}\\. Run it with Node 24`,
        ),
      ),
    ]);
    expect(result.log).not.toMatch(/TypeError|createZstdDecompress|at .*index\.js/);
  });
});

describe('README on the EBADENGINE warnings of npm ci under Node 20', () => {
  const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
  const paragraph = readme.split('\n\n').find((block) => block.includes('EBADENGINE')) ?? '';
  const lock = JSON.parse(readFileSync(join(repoRoot, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, { name?: string; engines?: { node?: string }; optional?: boolean }>;
  };

  /** Packages npm ci installs whose engines.node excludes `version`: npm warns EBADENGINE for each. */
  function warnedFor(version: string): string[] {
    const names = Object.entries(lock.packages).flatMap(([path, entry]) => {
      const range = entry.engines?.node;
      if (!range || entry.optional || semver.satisfies(version, range)) return [];
      return [path === '' ? (entry.name ?? 'registry-actions') : path.replace(/^.*node_modules\//, '')];
    });
    return [...new Set(names)].sort();
  }

  it.each(['20.0.0', '20.19.0'])('names every package npm warns about under Node %s', (version) => {
    const warned = warnedFor(version);
    expect(warned).toContain('registry-actions');
    for (const name of warned) expect(paragraph, `${name} is not explained`).toContain(`\`${name}\``);
  });
});
