// Fault matrix of login (SWR, IAM password sign-in: token, then login secret): dist/login main and post
// run as the runner runs them, against a faulted emulator. Invariants in every row: the user's
// ~/.docker/config.json is untouched, the job's config.json is valid JSON keeping the other registries'
// logins, the post step runs (also after a failed main) and removes what main added.
//
// | fault                               | outcome        | docker config after post         |
// | ----------------------------------- | -------------- | -------------------------------- |
// | 429 storm, 503 burst, drops, hang   | success        | job config removed, ~ untouched  |
// | lying total (nothing listed)        | success        | job config removed, ~ untouched  |
// | malformed JSON / 401 on the secret  | clean failure  | nothing written, ~ untouched     |
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Emulator } from '../emulator/index.ts';
import { newJobDir } from '../harness/runner.ts';
import { swrPasswordEmulatorInputs } from '../support/emulator-inputs.ts';
import { expectCleanPost, type FaultRow, runFaultJob } from './support/fault-job.ts';
import { itEachFaultRow } from './support/fault-matrix.ts';
import { transientFaultRows } from './support/fault-rows.ts';

const REGISTRY = 'swr.cn-north-4.myhuaweicloud.com';
const OTHER_LOGINS = { 'ghcr.io': { auth: 'Z2g6dG9rZW4=' }, 'registry.example.com': { auth: 'dTpw' } };

const matrix: FaultRow[] = [
  ...transientFaultRows({
    rateLimit: 'the throttled call waits the Retry-After it is given',
    burst: 'the IAM token request is retried with backoff',
    hang: 'the IAM token request times out and is retried',
    drop: 'a reset token request is retried',
  }),
  {
    fault: 'malformed JSON',
    faults: { malformedJson: { next: 1 } },
    expected: /IAM get a token for IAM user emu-user .*not JSON/,
    because: 'an unreadable token answer stops the login; nothing is written',
  },
  {
    fault: 'lying Content-Range (nothing is listed)',
    faults: { lieContentRange: true },
    expected: 'succeeds',
    because: 'login lists nothing, so a wrong total is ignored',
  },
  {
    fault: '401 mid-run (on the login secret)',
    faults: { unauthorized: { after: 1 } },
    expected: /create a temporary docker login .*→ 401 .*iam-username, iam-password/,
    because: 'the refused call is named with the inputs to check; nothing is written',
  },
];

function login(emu: Emulator): Record<string, string> {
  return swrPasswordEmulatorInputs(emu.url);
}

/** A job directory whose HOME already holds docker logins to other registries. */
function jobWithHomeConfig(): { jobDir: string; homeConfig: string; before: string } {
  const jobDir = newJobDir();
  mkdirSync(join(jobDir, 'home', '.docker'), { recursive: true });
  const homeConfig = join(jobDir, 'home', '.docker', 'config.json');
  const before = JSON.stringify({ auths: OTHER_LOGINS, credsStore: '' }, null, 2);
  writeFileSync(homeConfig, before);
  return { jobDir, homeConfig, before };
}

describe.concurrent('login fault matrix', () => {
  const job = { seed: { region: 'cn-north-4' }, action: 'login', inputs: login, prepare: jobWithHomeConfig };
  itEachFaultRow(matrix, job, ({ row, main, post, context: home }) => {
    expectCleanPost(post);
    expect(readFileSync(home.homeConfig, 'utf8'), '~/.docker/config.json untouched').toBe(home.before);
    if (row.expected === 'succeeds') {
      const configDir = main.outputs['docker-config']!;
      expect(main.exportedEnv.DOCKER_CONFIG).toBe(configDir);
      // Post removed the job's config (its contents are checked by the logout: false test below).
      expect(main.log).toContain(`Logged in to ${REGISTRY}`);
      expect(post.log).toContain(`Logged out of ${REGISTRY}`);
      expect(existsSync(configDir)).toBe(false);
    } else {
      expect(main.exportedEnv.DOCKER_CONFIG).toBeUndefined();
      expect(main.state).toEqual({});
      expect(post.log).toContain('Nothing to log out');
    }
  });

  it('keeps the job config valid JSON with the other logins while the job runs', async () => {
    const home = jobWithHomeConfig();
    const row: FaultRow = { ...matrix[0]!, faults: { error: { next: 1 }, errorStatus: 503 } };
    const { emu, result } = await runFaultJob({ region: 'cn-north-4' }, row, {
      action: 'login',
      inputs: (e) => ({ ...login(e), logout: 'false' }),
      jobDir: home.jobDir,
    });
    await emu.close();
    expect(result.main.exitCode, result.main.log).toBe(0);
    const config = JSON.parse(
      readFileSync(join(result.main.outputs['docker-config']!, 'config.json'), 'utf8'),
    );
    expect(Object.keys(config.auths).sort()).toEqual([...Object.keys(OTHER_LOGINS), REGISTRY].sort());
    expect(config.auths['ghcr.io']).toEqual(OTHER_LOGINS['ghcr.io']);
  });
});
