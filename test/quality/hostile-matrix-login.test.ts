// Hostile-server matrix of login: dist/login (main and post) against the emulator behind a proxy that
// rewrites the secret API's answers; the job's docker config is what a hostile answer would reach.
//
// | finding                                       | outcome         | written            |
// | --------------------------------------------- | --------------- | ------------------ |
// | 1 commands in the CCR docker user name        | success         | the login          |
// | 4 the secret answer trickled in               | clean failure   | nothing            |
// | 7 markup in the user name reaching summary    | success         | the login          |
// | 9 an SWR secret for ghcr.io                   | clean failure   | nothing            |
// | 10 config.json a symlink to another file      | clean failure   | nothing            |
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect } from 'vitest';
import { DEFAULT_CCR_INSTANCE, DEFAULT_CREDENTIALS, type EmulatorSeed } from '../emulator/index.ts';
import { ccrEmulatorInputs, swrEmulatorInputs } from '../support/emulator-inputs.ts';
import { type HostileRow, itEachHostileRow } from './support/hostile-job.ts';
import { hostileText } from './support/runner-commands.ts';

const seed: EmulatorSeed = { region: 'cn-north-4' };
const swr = (endpoint: string) => ({ ...swrEmulatorInputs(endpoint), logout: 'true' });
const ccr = (endpoint: string) => ({
  ...ccrEmulatorInputs(endpoint),
  region: 'bd',
  'instance-id': DEFAULT_CCR_INSTANCE.id,
  'user-id': DEFAULT_CREDENTIALS.baidu.userId,
  registry: DEFAULT_CCR_INSTANCE.publicURL,
  logout: 'true',
});
const SECRET = /^\/v2\/manage\/utils\/secret$/;
const PROFILE = /^\/v1\/users\/profile$/;
const CCR_WRITES = [/^POST \/v1\/instances\/[^/]+\/credential$/];
const SWR_WRITES = [/^POST \/v2\/manage\/utils\/secret$/];

const rows: HostileRow[] = [
  {
    finding: '1. runner commands in the CCR docker user name',
    action: 'login',
    seed,
    inputs: ccr,
    rules: [{ method: 'GET', path: PROFILE, rewrite: () => ({ json: { name: hostileText('user') } }) }],
    expected: 'succeeds',
    invariants: ['no runner command', 'nothing deleted on doubt'],
    allowedWrites: CCR_WRITES,
  },
  {
    finding: '4. the SWR secret answer trickled in one byte every 500 ms',
    action: 'login',
    seed,
    inputs: swr,
    rules: [{ method: 'POST', path: SECRET, delivery: { kind: 'trickle', everyMs: 500 } }],
    expected: /did not finish its answer within 60 s/,
    invariants: ['bounded time and memory', 'nothing deleted on doubt'],
    allowedWrites: SWR_WRITES,
    timeoutMs: 150_000,
  },
  {
    finding: '7. markup in the user name reaching the job summary',
    action: 'login',
    seed,
    inputs: ccr,
    rules: [
      {
        method: 'GET',
        path: PROFILE,
        rewrite: () => ({ json: { name: '`</details><h1>owned</h1><img src=x onerror=alert(1)>`' } }),
      },
    ],
    expected: 'succeeds',
    invariants: ['no runner command', 'nothing deleted on doubt'],
    allowedWrites: CCR_WRITES,
    check: ({ main }) => expect(main.summary).toContain('onerror'),
  },
  {
    finding: '9. an SWR login secret for ghcr.io',
    action: 'login',
    seed,
    inputs: swr,
    rules: [
      {
        method: 'POST',
        path: SECRET,
        rewrite: (answer) => {
          const auths = (answer.json as { auths: Record<string, unknown> }).auths;
          const headers = { ...answer.headers, 'x-swr-dockerlogin': '' };
          return { json: { auths: { 'ghcr.io': Object.values(auths)[0] } }, headers };
        },
      },
    ],
    expected: /the login is for "ghcr\.io", not for swr\.cn-north-4\.myhuaweicloud\.com; nothing was written/,
    invariants: ['nothing deleted on doubt'],
    allowedWrites: SWR_WRITES,
    check: ({ main }) => {
      expect(main.outputs.registry ?? '').not.toBe('ghcr.io');
      const config = join(main.exportedEnv.DOCKER_CONFIG ?? '/nonexistent', 'config.json');
      if (existsSync(config)) expect(readFileSync(config, 'utf8')).not.toContain('ghcr.io');
    },
  },
  {
    finding: '10. a docker config.json that is a symlink to another file',
    action: 'login',
    seed,
    inputs: swr,
    prepare: (jobDir) => {
      mkdirSync(join(jobDir, 'docker'), { recursive: true });
      writeFileSync(join(jobDir, 'elsewhere.json'), '{}');
      symlinkSync(join(jobDir, 'elsewhere.json'), join(jobDir, 'docker', 'config.json'));
    },
    env: (jobDir) => ({ DOCKER_CONFIG: join(jobDir, 'docker') }),
    expected: /is a symbolic link .*never through a link/,
    invariants: ['nothing deleted on doubt'],
    allowedWrites: SWR_WRITES,
    check: ({ jobDir }) => {
      expect(readFileSync(join(jobDir, 'elsewhere.json'), 'utf8')).toBe('{}');
      expect(existsSync(join(jobDir, 'docker', 'config.json'))).toBe(true);
    },
  },
];

describe.concurrent('login hostile-server matrix', () => {
  itEachHostileRow(rows);
});
