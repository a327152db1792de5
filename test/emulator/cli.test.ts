import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';
import { parseCliArgs } from './cli-args.ts';
import { call } from './test-client.ts';

const cli = resolve(import.meta.dirname, 'cli.ts');
let child: ChildProcess | undefined;

afterEach(() => {
  child?.kill('SIGTERM');
  child = undefined;
});

/** Starts the CLI and resolves with its first stdout line. */
function firstLine(args: string[]): Promise<string> {
  child = spawn(process.execPath, [cli, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  const lines = createInterface({ input: child.stdout! });
  return new Promise((resolveLine, reject) => {
    lines.once('line', resolveLine);
    child?.once('exit', (code) => reject(new Error(`emulator exited with ${code}`)));
  });
}

describe('emulator CLI', () => {
  it('prints EMULATOR_URL first and serves the seeded state and flags', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'emu-cli-'));
    const seedFile = join(dir, 'seed.json');
    writeFileSync(seedFile, JSON.stringify({ swr: { namespaces: [{ name: 'seeded' }] } }));
    const line = await firstLine([
      '--port',
      '0',
      '--seed',
      seedFile,
      '--tag-delete-mode',
      'digest',
      '--fail-next',
      '1',
    ]);
    expect(line).toMatch(/^EMULATOR_URL=http:\/\/127\.0\.0\.1:\d+$/);
    const url = line.slice('EMULATOR_URL='.length);
    const state = (await call(url, { path: '/__admin/state' })).json as {
      tagDeleteMode: string;
      swr: { namespaces: Array<{ name: string }> };
    };
    expect(state.tagDeleteMode).toBe('digest');
    expect(state.swr.namespaces.map((n) => n.name)).toEqual(['seeded']);
    expect((await call(url, { path: '/v2/manage/namespaces', auth: 'huawei' })).status).toBe(500);
    expect((await call(url, { path: '/v2/manage/namespaces', auth: 'huawei' })).status).toBe(200);
  });
});

describe('npm run -s emulator', () => {
  it('prints EMULATOR_URL as the first stdout line, and stops the emulator when npm gets SIGTERM', async () => {
    const npm = spawn('npm', ['run', '-s', 'emulator', '--', '--port', '0'], {
      cwd: resolve(import.meta.dirname, '../..'),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    npm.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    const exited = new Promise<number | null>((done) => npm.once('exit', (code) => done(code)));
    const line = await new Promise<string>((resolveLine) =>
      createInterface({ input: npm.stdout }).once('line', resolveLine),
    );
    expect(line).toMatch(/^EMULATOR_URL=http:\/\/127\.0\.0\.1:\d+$/);
    const url = line.slice('EMULATOR_URL='.length);
    expect((await call(url, { path: '/__admin/state' })).status).toBe(200);

    npm.kill('SIGTERM');
    await exited;
    expect(stderr).toContain('emulator: SIGTERM: stopped');
    await expect(fetch(`${url}/__admin/state`)).rejects.toThrow();
  });
});

describe('parseCliArgs', () => {
  it('turns fault flags into a FaultConfig', () => {
    const parsed = parseCliArgs([
      '--rate-limit',
      '5/2',
      '--error-rate',
      '0.1',
      '--fail-status',
      '503',
      '--latency',
      '50',
      '--hang-next',
      '1',
      '--drop-next',
      '2',
      '--malformed-next',
      '3',
      '--lie-content-range',
      '4',
      '--revoke-after',
      '6',
      '--unauthorized-after',
      '7',
    ]);
    expect(parsed).toEqual({
      help: false,
      options: {
        port: 0,
        seed: {},
        faults: {
          rateLimit: { capacity: 5, refillPerSecond: 2 },
          error: { rate: 0.1 },
          errorStatus: 503,
          latencyMs: 50,
          hang: { next: 1 },
          drop: { next: 2 },
          malformedJson: { next: 3 },
          lieContentRange: true,
          lieContentRangeExtra: 4,
          revokeTokensAfter: 6,
          unauthorized: { after: 7 },
        },
      },
    });
  });

  it('takes a FaultConfig as inline JSON and rejects bad values', () => {
    const parsed = parseCliArgs(['--faults', '{"routes":[{"path":"/v1/**","error":true}]}']);
    expect(parsed.help === false && parsed.options.faults).toEqual({
      routes: [{ path: '/v1/**', error: true }],
    });
    expect(() => parseCliArgs(['--latency', 'soon'])).toThrow(/--latency must be a number/);
    expect(() => parseCliArgs(['--tag-delete-mode', 'all'])).toThrow(/tag or digest/);
    expect(() => parseCliArgs(['--bogus'])).toThrow();
  });
});
