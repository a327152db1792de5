// The package as npm publishes it: `npm pack` of this checkout into a temporary directory, and the
// command that runs its bin with `npx` from that tarball, offline (no registry), on this Node (24).
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { refuseStaleDist } from './dist-freshness.ts';
import { repoRoot } from './runner.ts';

export interface PackedCli {
  tarball: string;
  /** Paths inside the package, as `npm pack --json` lists them. */
  files: string[];
  /** `npx --yes --offline --package <tarball> registry-actions`, as words. */
  npx: string[];
  /** PATH (this Node first, for npx and the bin's `#!/usr/bin/env node`) and a private npm cache. */
  env: Record<string, string>;
}

interface PackJson {
  filename: string;
  files: { path: string }[];
}

/** Packs the checkout (dist/ must be built). */
export function packCli(): PackedCli {
  refuseStaleDist(join(repoRoot, 'dist/cli.js'));
  const dir = mkdtempSync(join(tmpdir(), 'ra-pack-'));
  const env = {
    PATH: [dirname(process.execPath), process.env.PATH ?? ''].join(delimiter),
    npm_config_cache: join(dir, 'npm-cache'),
    npm_config_update_notifier: 'false',
    npm_config_fund: 'false',
    npm_config_audit: 'false',
  };
  const out = execFileSync('npm', ['pack', '--json', '--pack-destination', dir], {
    cwd: repoRoot,
    env: { ...env, HOME: dir },
    encoding: 'utf8',
  });
  const [packed] = JSON.parse(out) as PackJson[];
  const tarball = join(dir, packed!.filename);
  return {
    tarball,
    files: packed!.files.map((file) => file.path).sort(),
    npx: ['npx', '--yes', '--offline', '--package', tarball, 'registry-actions'],
    env,
  };
}
