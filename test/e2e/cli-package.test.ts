// The published package: `npm pack` holds only the CLI bundle (dist/cli.js) beside package.json, the
// README and the licence, needs no dependency at install time, and its bin runs with `npx` from the tarball (offline, no
// registry) on Node 24: its version, a real run against the emulator, and an input error before any call.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CREDENTIALS, startEmulator } from '../emulator/index.ts';
import { runCli } from '../harness/cli.ts';
import { type PackedCli, packCli } from '../harness/packed-cli.ts';
import { repoRoot } from '../harness/runner.ts';
import { closedAfterEach } from '../support/closed-after-each.ts';

const hw = DEFAULT_CREDENTIALS.huawei;
const emulatorForTest = closedAfterEach(startEmulator);
const version = (JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string })
  .version;

interface PackedManifest {
  name: string;
  version: string;
  private?: boolean;
  bin: Record<string, string>;
  dependencies?: Record<string, string>;
  engines: { node: string };
}

describe('the npm package', () => {
  let packed: PackedCli;
  beforeAll(() => {
    packed = packCli();
  }, 120_000);

  const npx = (args: string[], url?: string) =>
    runCli(args, {
      command: packed.npx,
      env: {
        ...packed.env,
        ...(url ? { HUAWEICLOUD_SDK_AK: hw.accessKeyId, HUAWEICLOUD_SDK_SK: hw.secretAccessKey } : {}),
      },
      timeoutMs: 60_000,
    });

  it('holds only the CLI bundle, package.json, the README and the licence, and depends on nothing', () => {
    expect(packed.files).toEqual(['LICENSE', 'README.md', 'dist/cli.js', 'package.json']);
    const manifest = JSON.parse(
      execFileSync('tar', ['-xzOf', packed.tarball, 'package/package.json'], { encoding: 'utf8' }),
    ) as PackedManifest;
    expect(manifest).toMatchObject({
      name: 'registry-actions',
      version,
      bin: { 'registry-actions': 'dist/cli.js' },
      engines: { node: '>=24' },
    });
    expect(manifest.private).toBeUndefined();
    expect(manifest.dependencies).toBeUndefined();
  });

  it('runs with npx from the tarball, offline, on Node 24', async () => {
    const run = await npx(['--version']);
    expect(run.exitCode, run.log).toBe(0);
    expect(run.stdout).toBe(`registry-actions ${version}\n`);
    const node = execFileSync('node', ['--version'], { env: packed.env, encoding: 'utf8' });
    expect(node).toMatch(/^v24\./);
  });

  it('creates a namespace against the emulator, and refuses a bad name with exit code 2 before any call', async () => {
    const e = await emulatorForTest({ seed: { region: 'cn-north-4' } });
    const at = ['--provider', 'swr', '--region', 'cn-north-4', '--endpoint', e.url, '--iam-endpoint', e.url];
    const bad = await npx(['ensure-namespace', ...at, '--namespace', 'Bad_Name!'], e.url);
    expect(bad.exitCode, bad.log).toBe(2);
    expect(bad.errors[0]).toMatch(/^Input 'namespace'/);
    expect(e.requests).toEqual([]);
    const run = await npx(['ensure-namespace', ...at, '--namespace', 'packed'], e.url);
    expect(run.exitCode, run.log).toBe(0);
    expect(run.outputs).toMatchObject({ CREATED: 'true', NAMESPACE: 'packed' });
    expect(e.state.swrNamespaces.has('packed')).toBe(true);
  });
});
