// login against a real registry: the emulator hands out the credentials of a local docker-registry
// (htpasswd), skopeo pushes and pulls with the Docker config the action wrote, and fails after logout.
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CREDENTIALS, type Emulator, startEmulator } from '../emulator/index.ts';
import { newJobDir } from '../harness/runner.ts';
import { swrEmulatorInputs } from '../support/emulator-inputs.ts';
import {
  buildOciImage,
  configDigestOf,
  type LocalRegistry,
  missingRegistryTools,
  skopeo,
  startLocalRegistry,
} from '../support/local-registry.ts';
import { expectNoLeaks, runLogin } from './login-support.ts';

const hw = DEFAULT_CREDENTIALS.huawei;
const registryUser = 'cn-north-4@REGISTRYE2E';
const registryPassword = 'real-registry-password-0123';
const missing = missingRegistryTools();

describe.skipIf(missing !== undefined)(
  `login with a real registry${missing ? ` (skipped: ${missing})` : ''}`,
  () => {
    let registry: LocalRegistry;
    let emu: Emulator;
    let image: { layout: string; configDigest: string };

    beforeAll(async () => {
      registry = await startLocalRegistry(registryUser, registryPassword);
      emu = await startEmulator({
        seed: {
          region: 'cn-north-4',
          registryCredentials: {
            swr: { username: registryUser, password: registryPassword, host: registry.host },
          },
        },
      });
      image = buildOciImage();
    });

    afterAll(async () => {
      await emu?.close();
      await registry?.close();
    });

    const inputs = () => ({ ...swrEmulatorInputs(emu.url), registry: registry.host });
    const push = (tag: string, env: Record<string, string>, authfile?: string) =>
      skopeo(
        [
          'copy',
          '--dest-tls-verify=false',
          ...(authfile ? ['--authfile', authfile] : []),
          `oci:${image.layout}:v1`,
          `docker://${registry.host}/team/app:${tag}`,
        ],
        env,
      );

    it('pushes and pulls with the login, and the same push is unauthorized after post', async () => {
      const jobDir = newJobDir();
      const home = join(jobDir, 'home');
      const anonymous = await push('before', { HOME: home });
      expect(anonymous.code).not.toBe(0);
      expect(anonymous.output).toMatch(/unauthorized|401/i);

      const job = await runLogin(inputs(), { jobDir });
      expect(job.main.exitCode, job.main.log).toBe(0);
      expect(job.main.outputs.registry).toBe(registry.host);
      const authfile = join(job.main.outputs['docker-config']!, 'config.json');

      const pushed = await push('v1', { HOME: home }, authfile);
      expect(pushed.code, pushed.output).toBe(0);

      // A later step sees only the exported DOCKER_CONFIG, as skopeo, podman and buildah read it.
      const pulled = join(mkdtempSync(join(tmpdir(), 'pulled-')), 'layout');
      const pull = await skopeo(
        ['copy', '--src-tls-verify=false', `docker://${registry.host}/team/app:v1`, `oci:${pulled}:v1`],
        { HOME: home, ...job.main.exportedEnv },
      );
      expect(pull.code, pull.output).toBe(0);
      expect(configDigestOf(pulled)).toBe(image.configDigest);

      const post = await job.post();
      expect(post.exitCode, post.log).toBe(0);
      const after = await push('v1', { HOME: home }, authfile);
      expect(after.code).not.toBe(0);
      expect(after.output).toMatch(/unauthorized|401/i);

      expectNoLeaks(job.main, [registryPassword, hw.secretAccessKey], registryUser);
      expectNoLeaks(post, [registryPassword, hw.secretAccessKey], registryUser);
    });

    it("keeps two concurrent jobs on one machine (shared HOME) from breaking each other's push", async () => {
      const home = mkdtempSync(join(tmpdir(), 'shared-home-'));
      const [jobA, jobB] = await Promise.all([
        runLogin(inputs(), { env: { HOME: home } }),
        runLogin(inputs(), { env: { HOME: home } }),
      ]);
      expect(jobA.main.exitCode, jobA.main.log).toBe(0);
      expect(jobB.main.exitCode, jobB.main.log).toBe(0);
      expect(jobA.main.exportedEnv.DOCKER_CONFIG).not.toBe(jobB.main.exportedEnv.DOCKER_CONFIG);

      expect((await jobA.post()).exitCode).toBe(0);
      const pushB = await push('from-b', { HOME: home, ...jobB.main.exportedEnv });
      expect(pushB.code, pushB.output).toBe(0);
      const pushA = await push('from-a', { HOME: home, ...jobA.main.exportedEnv });
      expect(pushA.output).toMatch(/unauthorized|401/i);

      expect((await jobB.post()).exitCode).toBe(0);
      expect(existsSync(join(home, '.docker', 'config.json'))).toBe(false);
    });
  },
);
