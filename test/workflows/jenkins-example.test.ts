// examples/jenkins/Jenkinsfile without Jenkins: its shell steps run as an agent runs them (sh -xe in the
// workspace, credentials bound to variables, post { always } after the stages whatever they did) against
// the emulator and Debian's docker-registry through the test internet, with the CLI from the packed
// tarball through npx. A green build leases the agent's address, logs in, pushes and undoes both in post;
// a build whose push fails undoes them all the same.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CREDENTIALS } from '../emulator/index.ts';
import { cliJobEnv, cliStateDir } from '../harness/cli.ts';
import { type BuildRun, parseJenkinsfile, runBuild } from '../harness/jenkinsfile.ts';
import { type PackedCli, packCli } from '../harness/packed-cli.ts';
import { newJobDir, repoRoot } from '../harness/runner.ts';
import { buildOciImage, missingRegistryTools } from '../support/local-registry.ts';
import { allowlist, ccrTags, servedTags } from './registry-state.ts';
import { CCR_LOGIN, RUNNER_ADDRESS, startWorkflowWorld, type WorkflowWorld } from './world.ts';

const JENKINSFILE = join(repoRoot, 'examples/jenkins/Jenkinsfile');
const bce = DEFAULT_CREDENTIALS.baidu;
const INSTANCE = 'ccr-xxxxxxxx';
const HOST = 'ccr-xxxxxxxx-pub.cnc.bj.baidubce.com';
const OFFICE = { ipAddr: '203.0.113.0/24', description: 'office' };
const missing = missingRegistryTools();

describe.skipIf(missing !== undefined)(
  `the Jenkinsfile example${missing ? ` (skipped: ${missing})` : ''}`,
  () => {
    let packed: PackedCli;
    let world: WorkflowWorld;
    beforeAll(async () => {
      packed = packCli();
      world = await startWorkflowWorld(
        {
          ccr: {
            instances: [
              {
                id: INSTANCE,
                publicURL: HOST,
                projects: [{ name: 'my-project' }],
                publicLinks: { status: 'opened', whitelist: [OFFICE] },
              },
            ],
          },
        },
        { pushesListed: true },
      );
    }, 120_000);
    afterAll(async () => {
      await world?.close();
    });

    const jenkinsfile = () => {
      const file = parseJenkinsfile(JENKINSFILE);
      // The published package, from the tarball npm would publish, not from the registry.
      return { ...file, environment: { ...file.environment, REGISTRY_ACTIONS: packed.npx.join(' ') } };
    };

    /** A build in a fresh workspace (with image/ when `built`) and a fresh agent HOME and TMPDIR. */
    const build = async (buildNumber: number, built: boolean) => {
      const workspace = mkdtempSync(join(tmpdir(), 'ra-jenkins-ws-'));
      if (built) {
        const image = buildOciImage('built by the Jenkins build\n');
        execFileSync('skopeo', ['copy', `oci:${image.layout}:v1`, `oci:${join(workspace, 'image')}:latest`]);
      }
      const jobDir = newJobDir();
      const run = await runBuild(jenkinsfile(), {
        workspace,
        agentEnv: { ...packed.env, ...cliJobEnv(jobDir), ...world.machineEnv },
        credentials: {
          'bce-access-key-id': bce.accessKeyId,
          'bce-secret-access-key': bce.secretAccessKey,
          'bce-user-id': bce.userId,
        },
        jobName: 'app',
        buildNumber,
      });
      return { run, jobDir };
    };

    const expectUndone = (run: BuildRun, jobDir: string) => {
      expect(run.postAlways.map((step) => step.exitCode)).toEqual([0, 0]);
      expect(allowlist(world.emu, INSTANCE)).toEqual([OFFICE.ipAddr]);
      expect(readdirSync(cliStateDir(jobDir))).toEqual([]);
      expect(run.log).not.toMatch(/^\s*::|##\[/m);
      for (const secret of [bce.secretAccessKey, CCR_LOGIN.password]) expect(run.log).not.toContain(secret);
      expect(world.internet.refused).toEqual([]);
    };

    it('has the shell steps this test runs', () => {
      const file = parseJenkinsfile(JENKINSFILE);
      expect(file.stages).toHaveLength(3);
      expect(file.postAlways).toHaveLength(2);
      const { version } = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as {
        version: string;
      };
      expect(file.environment.REGISTRY_ACTIONS).toBe(`npx --yes registry-actions@${version}`);
    });

    it('leases the address, logs in and pushes, then post { always } logs out and releases the lease', async () => {
      const { run, jobDir } = await build(7, true);
      expect(run.result, run.log).toBe('SUCCESS');
      expect(run.stages[0]!.log).toContain(`RUNNER_IP=${RUNNER_ADDRESS}`);
      expect(run.stages[1]!.log).toContain(`Logged in to ${HOST}`);
      expect(ccrTags(world.emu, INSTANCE, 'my-project', 'app')).toEqual(['build-7']);
      expect(await servedTags(world, 'my-project', 'app', CCR_LOGIN)).toEqual(['build-7']);
      expect(run.postAlways[0]!.log).toContain(`Logged out of ${HOST}.`);
      expect(run.postAlways[1]!.log).toContain(`Runner lease for ${RUNNER_ADDRESS} released`);
      expectUndone(run, jobDir);
    });

    it('undoes the lease and the login in post { always } after the push failed', async () => {
      const { run, jobDir } = await build(8, false);
      expect(run.result).toBe('FAILURE');
      expect(run.stages.map((step) => step.exitCode === 0)).toEqual([true, true, false]);
      expect(run.stages[2]!.log).toMatch(/image/);
      expect(ccrTags(world.emu, INSTANCE, 'my-project', 'app')).toEqual(['build-7']);
      const configDir = run.stages[1]!.log.match(/read the login from (\S+)\/config\.json/)?.[1];
      expect(configDir).toBeDefined();
      expect(existsSync(configDir!)).toBe(false);
      expect(run.postAlways[0]!.log).toContain(`Logged out of ${HOST}.`);
      expect(run.postAlways[1]!.log).toContain(`Runner lease for ${RUNNER_ADDRESS} released`);
      expectUndone(run, jobDir);
    });
  },
);
