// examples/gitlab-ci/.gitlab-ci.yml, the README's GitLab CI pipeline, runs unmodified under
// gitlab-ci-local (shell executor, no Docker) against the emulator and Debian's docker-registry, reached
// by their real host names through the test internet: it creates the organization, logs in, pushes with
// skopeo, prunes, and logs out in after_script. The CLI comes from the packed tarball through npx.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CREDENTIALS } from '../emulator/index.ts';
import { cliJobEnv, cliStateDir } from '../harness/cli.ts';
import { gitlabProject, runPipeline } from '../harness/gitlab-ci-local.ts';
import { type PackedCli, packCli } from '../harness/packed-cli.ts';
import { newJobDir, repoRoot } from '../harness/runner.ts';
import { buildOciImage, missingRegistryTools } from '../support/local-registry.ts';
import { servedTags, swrTags } from './registry-state.ts';
import { SWR_LOGIN, startWorkflowWorld, type WorkflowWorld } from './world.ts';

const EXAMPLE = join(repoRoot, 'examples/gitlab-ci/.gitlab-ci.yml');
const hw = DEFAULT_CREDENTIALS.huawei;
const missing =
  missingRegistryTools() ?? (existsSync('/usr/bin/rsync') ? undefined : 'missing rsync (gitlab-ci-local)');
const DAY = 86_400_000;
const old = (name: string, days: number) => {
  const time = new Date(Date.now() - days * DAY).toISOString();
  return { tag: name, digest: `sha256:${name.padEnd(64, '0')}`, created: time, updated: time };
};

/** The README's GitLab CI section: its ```yaml block. */
function readmePipeline(): string {
  const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
  const start = readme.indexOf('\n## GitLab CI');
  const end = readme.indexOf('\n## ', start + 1);
  const section = readme.slice(start, end === -1 ? undefined : end);
  const block = section.match(/```yaml\n([\s\S]*?)```/);
  if (!block) throw new Error('README.md has no ```yaml block under ## GitLab CI');
  return block[1]!;
}

describe.skipIf(missing !== undefined)(
  `the GitLab CI example${missing ? ` (skipped: ${missing})` : ''}`,
  () => {
    let packed: PackedCli;
    let world: WorkflowWorld | undefined;
    beforeAll(() => {
      packed = packCli();
    }, 120_000);
    afterAll(async () => {
      await world?.close();
    });

    it('is the pipeline the README shows, and runs the version of package.json', () => {
      const example = readFileSync(EXAMPLE, 'utf8');
      expect(readmePipeline()).toBe(example);
      const { version } = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as {
        version: string;
      };
      expect(example.match(/registry-actions@\S+/g)).toEqual([`registry-actions@${version}`]);
    });

    it('checks the organization, logs in, pushes, prunes, and logs out in after_script', async () => {
      world = await startWorkflowWorld(
        {
          swr: {
            namespaces: [
              {
                name: 'my-team',
                repositories: [
                  {
                    name: 'app',
                    tags: [
                      old('ci-1', 40),
                      old('ci-2', 30),
                      old('ci-3', 20),
                      old('ci-4', 10),
                      old('stable', 50),
                    ],
                  },
                ],
              },
            ],
          },
        },
        { pushesListed: true },
      );
      const project = gitlabProject(EXAMPLE);
      // What the build step left: the image as an OCI layout in image/.
      const image = buildOciImage('built by the pipeline\n');
      execFileSync('skopeo', ['copy', `oci:${image.layout}:v1`, `oci:${join(project.dir, 'image')}:latest`]);
      const jobDir = newJobDir();
      const run = await runPipeline(
        project.dir,
        {
          HUAWEICLOUD_SDK_AK: hw.accessKeyId,
          HUAWEICLOUD_SDK_SK: hw.secretAccessKey,
          // The published package, from the tarball npm would publish, not from the registry.
          REGISTRY_ACTIONS: packed.npx.join(' '),
        },
        { ...packed.env, ...cliJobEnv(jobDir), ...world.machineEnv },
      );
      expect(run.exitCode, run.log).toBe(0);
      expect(run.log).toMatch(/PASS\s+publish/);
      const pushed = `ci-${project.shortSha}`;
      // The push shows in the API; prune keeps the 3 newest ci-* tags and leaves stable alone.
      expect(swrTags(world.emu, 'my-team', 'app')).toEqual(['ci-3', 'ci-4', pushed, 'stable'].sort());
      expect(await servedTags(world, 'my-team', 'app', SWR_LOGIN)).toEqual([pushed]);
      expect(run.log).toContain('Logged in to swr.cn-north-4.myhuaweicloud.com');
      expect(run.log).toContain('Logged out of swr.cn-north-4.myhuaweicloud.com.');
      // after_script left nothing behind: no state file, no per-job docker config.
      expect(readdirSync(cliStateDir(jobDir))).toEqual([]);
      expect(existsSync(join(jobDir, 'home', '.docker', 'config.json'))).toBe(false);
      expect(run.log).not.toMatch(/^\S*\s*>?\s*::|##\[/m);
      for (const secret of [hw.secretAccessKey, SWR_LOGIN.password]) expect(run.log).not.toContain(secret);
      expect(world.internet.refused).toEqual([]);
    });
  },
);
