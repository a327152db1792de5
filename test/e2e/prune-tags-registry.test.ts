// prune-tags against a real registry: Debian's docker-registry serves the region's registry host through
// the test internet, a multi-platform OCI index built on the spot is pushed with skopeo, and the SWR
// listing (the emulator) names the index without its manifest text. The action reads the index from the
// registry itself, so it deletes the unrelated old image and keeps the platform image the kept index
// needs; each deletion is replayed on the registry as SWR does (the tag's image goes), and skopeo then
// pulls every platform of the kept index.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Emulator, startEmulator } from '../emulator/index.ts';
import { type Internet, startInternet } from '../harness/internet.ts';
import { runStep, type StepResult } from '../harness/runner.ts';
import { swrEmulatorInputs } from '../support/emulator-inputs.ts';
import { findLeaks } from '../support/leaks.ts';
import {
  buildOciImage,
  buildOciIndex,
  deleteManifest,
  type LocalRegistry,
  missingRegistryTools,
  skopeo,
  startLocalRegistry,
} from '../support/local-registry.ts';

const REGISTRY_HOST = 'swr.cn-north-4.myhuaweicloud.com';
const login = { username: 'cn-north-4@PRUNEE2E', password: 'prune-registry-password-0123' };
const DAY = 86_400_000;
const ago = (ms: number) => new Date(Date.now() - ms).toISOString();
const missing = missingRegistryTools();

describe.skipIf(missing !== undefined)(
  `prune-tags with manifest lists read from a real registry${missing ? ` (skipped: ${missing})` : ''}`,
  () => {
    let registry: LocalRegistry;
    let internet: Internet;
    let multi: ReturnType<typeof buildOciIndex>;
    let oldImage: string;
    const creds = ['--dest-creds', `${login.username}:${login.password}`, '--dest-tls-verify=false'];
    const src = ['--src-creds', `${login.username}:${login.password}`, '--src-tls-verify=false'];
    const inspect = [
      'inspect',
      '--raw',
      '--creds',
      `${login.username}:${login.password}`,
      '--tls-verify=false',
    ];
    const ref = (tag: string) => `docker://${registry.host}/team/app:${tag}`;

    beforeAll(async () => {
      registry = await startLocalRegistry(login.username, login.password);
      internet = await startInternet([
        {
          hosts: /^swr\.cn-north-4\.myhuaweicloud\.com$/,
          standsInFor: 'the SWR registry of cn-north-4: Debian docker-registry',
          target: `http://${registry.host}`,
        },
      ]);
      multi = buildOciIndex(['amd64', 'arm64']);
      const single = buildOciImage('an old image nobody needs\n');
      oldImage = single.manifestDigest;
      const env = { HOME: mkdtempSync(join(tmpdir(), 'skopeo-home-')) };
      const arm64 = multi.images.find((image) => image.architecture === 'arm64')!.digest;
      for (const args of [
        ['copy', '--all', '--preserve-digests', ...creds, `oci:${multi.layout}:v1`, ref('release')],
        ['copy', ...creds, ...src, `docker://${registry.host}/team/app@${arm64}`, ref('arm64-ci')],
        ['copy', '--preserve-digests', ...creds, `oci:${single.layout}:v1`, ref('old-1')],
      ]) {
        const pushed = await skopeo(args, env);
        expect(pushed.code, pushed.output).toBe(0);
      }
    }, 120_000);

    afterAll(async () => {
      await internet?.close();
      await registry?.close();
    });

    /** The SWR listing of team/app: the index as a manifest list whose manifest text is absent. */
    async function emulatorWith(): Promise<Emulator> {
      const arm64 = multi.images.find((image) => image.architecture === 'arm64')!.digest;
      return startEmulator({
        seed: {
          region: 'cn-north-4',
          registryCredentials: { swr: login },
          swr: {
            namespaces: [
              {
                name: 'team',
                repositories: [
                  {
                    name: 'app',
                    tags: [
                      { tag: 'old-1', digest: oldImage, created: ago(40 * DAY), updated: ago(40 * DAY) },
                      { tag: 'arm64-ci', digest: arm64, created: ago(35 * DAY), updated: ago(35 * DAY) },
                      {
                        tag: 'release',
                        digest: multi.indexDigest,
                        tagType: 1,
                        manifest: null,
                        created: ago(31 * DAY),
                        updated: ago(31 * DAY),
                      },
                    ],
                  },
                ],
              },
            ],
          },
        },
      });
    }

    const prune = (emu: Emulator, env: Record<string, string>): Promise<StepResult> =>
      runStep({
        action: 'prune-tags',
        inputs: {
          ...swrEmulatorInputs(emu.url),
          namespace: 'team',
          repositories: 'app',
          keep: 'release',
          'older-than': '30d',
        },
        env,
      });

    /** What SWR does on a tag delete (spec 4.3.2): the tag's image goes from the registry. */
    async function replayDeletions(deleted: readonly string[], digests: Record<string, string>) {
      for (const entry of deleted) {
        const digest = digests[entry.replace(/^app:/, '')]!;
        expect(await deleteManifest(registry.host, login, 'team/app', digest)).toBe(202);
      }
    }

    it('reads the kept index from the registry, deletes only the unrelated image, and every platform still pulls', async () => {
      const emu = await emulatorWith();
      try {
        const result = await prune(emu, internet.env);
        expect(result.exitCode, result.log).toBe(0);
        expect(result.log).toContain(
          `app: read 1 manifest list from the registry ${REGISTRY_HOST}, as the listing does not name their images`,
        );
        expect(result.log).toMatch(/protect\s+arm64-ci\s+protected: image of kept manifest list release/);
        expect(JSON.parse(result.outputs.deleted!)).toEqual(['app:old-1']);
        // The temporary login and its Basic form are masked, and never written anywhere.
        expect(result.masks).toContain(login.password);
        expect(findLeaks(result, [login.password])).toEqual([]);
        expect(internet.served).toContain(REGISTRY_HOST);
        expect(internet.refused).toEqual([]);
        // The login went only where the action was pointed: the registry read used the temporary login.
        expect(emu.requests.filter((r) => r.path === '/v2/manage/utils/secret')).toHaveLength(1);

        const arm64 = multi.images.find((image) => image.architecture === 'arm64')!.digest;
        await replayDeletions(JSON.parse(result.outputs.deleted!), { 'old-1': oldImage, 'arm64-ci': arm64 });
        const env = { HOME: mkdtempSync(join(tmpdir(), 'skopeo-home-')) };
        const pulled = join(mkdtempSync(join(tmpdir(), 'pulled-')), 'layout');
        const pull = await skopeo(['copy', '--all', ...src, ref('release'), `oci:${pulled}:release`], env);
        expect(pull.code, pull.output).toBe(0);
        for (const image of multi.images) {
          const platform = await skopeo(
            [...inspect, `docker://${registry.host}/team/app@${image.digest}`],
            env,
          );
          expect(platform.code, `${image.architecture}: ${platform.output}`).toBe(0);
        }
        const gone = await skopeo([...inspect, ref('old-1')], env);
        expect(gone.code).not.toBe(0);
      } finally {
        await emu.close();
      }
    }, 120_000);

    it('deletes nothing when the registry cannot be read, and says why', async () => {
      const emu = await emulatorWith();
      try {
        // No stand-in serves the registry host here: the proxy refuses it.
        const closed = await startInternet([]);
        try {
          const result = await prune(emu, closed.env);
          expect(result.exitCode, result.log).toBe(0);
          expect(result.log).toContain(
            `app: could not read 1 manifest list from the registry ${REGISTRY_HOST}`,
          );
          expect(result.log).toContain('its images stay unknown, so no tag of app is deleted');
          expect(JSON.parse(result.outputs.deleted!)).toEqual([]);
          expect(emu.requests.filter((r) => r.method === 'DELETE')).toEqual([]);
          expect(closed.refused).toContain(`${REGISTRY_HOST}:443`);
        } finally {
          await closed.close();
        }
      } finally {
        await emu.close();
      }
    }, 120_000);
  },
);
