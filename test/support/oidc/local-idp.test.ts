// The local identity provider CLI used to try keyless sign-in against the emulator (docs/keyless.md).
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';
import { type Emulator, startEmulator } from '../../emulator/index.ts';
import { parseSeed } from '../../emulator/seed-parse.ts';
import { runStep } from '../../harness/runner.ts';
import { seedWithProvider } from './local-idp.ts';

const cli = resolve(import.meta.dirname, 'local-idp.ts');
let child: ChildProcess | undefined;
let emulator: Emulator | undefined;

afterEach(async () => {
  child?.kill('SIGTERM');
  child = undefined;
  await emulator?.close();
  emulator = undefined;
});

/** Starts the CLI and resolves with its first `count` stdout lines. */
function firstLines(args: string[], count: number): Promise<string[]> {
  child = spawn(process.execPath, [cli, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  const lines = createInterface({ input: child.stdout! });
  const seen: string[] = [];
  return new Promise((resolveLines, reject) => {
    lines.on('line', (line) => {
      seen.push(line);
      if (seen.length === count) resolveLines(seen);
    });
    child?.once('exit', (code) => reject(new Error(`local-idp exited with ${code}: ${seen.join('\n')}`)));
  });
}

describe('local-idp', () => {
  it('writes a seed the emulator accepts and serves ID tokens an action can sign in with', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'local-idp-'));
    const seedIn = join(dir, 'base.json');
    const seedOut = join(dir, 'seed.json');
    writeFileSync(seedIn, JSON.stringify({ region: 'cn-north-4', swr: { namespaces: [{ name: 'team' }] } }));
    const lines = await firstLines(['--seed-in', seedIn, '--seed-out', seedOut], 2);
    const env = Object.fromEntries(
      lines.map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
    );
    expect(Object.keys(env)).toEqual(['ACTIONS_ID_TOKEN_REQUEST_URL', 'ACTIONS_ID_TOKEN_REQUEST_TOKEN']);

    const seed = parseSeed(JSON.parse(readFileSync(seedOut, 'utf8')));
    expect(seed.oidcProviders).toEqual([
      expect.objectContaining({ id: 'github-actions', audience: 'huaweicloud-swr' }),
    ]);
    emulator = await startEmulator({ seed });
    const step = await runStep({
      action: 'ensure-namespace',
      inputs: {
        provider: 'swr',
        region: 'cn-north-4',
        endpoint: emulator.url,
        'iam-endpoint': emulator.url,
        'idp-id': 'github-actions',
        'oidc-audience': 'huaweicloud-swr',
        namespace: 'team',
        repositories: 'app',
      },
      env,
    });
    expect(step.exitCode, step.log).toBe(0);
    expect([...(emulator.state.swrNamespaces.get('team')?.repositories.keys() ?? [])]).toEqual(['app']);
  });

  it('prints its usage and fails without --seed-out', async () => {
    const lines = await firstLines([], 1).catch((error: Error) => [error.message]);
    expect(lines[0]).toContain('Usage: node test/support/oidc/local-idp.ts --seed-out FILE');
  });

  it('replaces a provider with the same id and keeps the others', () => {
    const provider = { id: 'gh', audience: 'b', publicKeyPem: 'new' };
    const base = { oidcProviders: [{ id: 'gh', audience: 'a', publicKeyPem: 'old' }, { id: 'other' }] };
    expect(seedWithProvider(base, provider).oidcProviders).toEqual([{ id: 'other' }, provider]);
  });
});
