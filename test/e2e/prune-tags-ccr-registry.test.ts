// prune-tags on CCR enterprise with manifest lists read from a real registry: CCR's tag API does not tell
// manifest lists from images, so the action reads the kept tags' manifests from the instance's registry
// (Debian's docker-registry behind the instance's public domain) with a 1-hour temporary login. A
// two-platform OCI index built on the spot and pushed with skopeo stays whole: the tag on one of its
// platform images is protected, the unrelated old tags go, and skopeo still pulls every platform.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CREDENTIALS, type Emulator, startEmulator } from '../emulator/index.ts';
import { runStep, type StepResult } from '../harness/runner.ts';
import {
  CCR_REGISTRY_LOGIN,
  type CcrRegistry,
  ccrRepositorySeed,
  startCcrRegistry,
} from '../support/ccr-registry.ts';
import { ccrEmulatorInputs } from '../support/emulator-inputs.ts';
import { findLeaks } from '../support/leaks.ts';
import { buildOciIndex, deleteManifest, missingRegistryTools, skopeo } from '../support/local-registry.ts';

const INSTANCE = 'ccr-regi0001';
const DAY = 86_400_000;
const ago = (days: number) => {
  const time = new Date(Date.now() - days * DAY).toISOString();
  return { created: time, updated: time };
};
const missing = missingRegistryTools();

/** team/app of the instance, tags older than 30 days; no docker user. */
const pruneInputs = (emu: Emulator) => ({
  ...ccrEmulatorInputs(emu.url),
  'instance-id': INSTANCE,
  namespace: 'team',
  repositories: 'app',
  'older-than': '30d',
});

describe.skipIf(missing !== undefined)(
  `prune-tags on CCR with manifest lists read from a real registry${missing ? ` (skipped: ${missing})` : ''}`,
  () => {
    let registry: CcrRegistry;
    let multi: ReturnType<typeof buildOciIndex>;
    let arm64: string;
    const old: Record<string, string> = {};

    beforeAll(async () => {
      registry = await startCcrRegistry(INSTANCE);
      multi = buildOciIndex(['amd64', 'arm64']);
      arm64 = multi.images.find((image) => image.architecture === 'arm64')!.digest;
      await registry.push(multi.layout, 'team/app', 'release');
      const { username, password } = CCR_REGISTRY_LOGIN;
      const host = registry.local.host;
      const env = { HOME: mkdtempSync(join(tmpdir(), 'skopeo-home-')) };
      const tls = ['--src-tls-verify=false', '--dest-tls-verify=false'];
      const creds = ['--src-creds', `${username}:${password}`, '--dest-creds', `${username}:${password}`];
      const copied = await skopeo(
        [
          'copy',
          ...tls,
          ...creds,
          `docker://${host}/team/app@${arm64}`,
          `docker://${host}/team/app:arm64-ci`,
        ],
        env,
      );
      expect(copied.code, copied.output).toBe(0);
      old['old-1'] = await registry.pushImage('team/app', 'old-1');
      old['old-2'] = await registry.pushImage('team/app', 'old-2');
    }, 120_000);

    afterAll(async () => {
      await registry?.close();
    });

    /** The CCR listing of team/app: four tags, none of them marked as a manifest list (CCR cannot). */
    const emulator = (): Promise<Emulator> =>
      startEmulator({
        seed: ccrRepositorySeed(
          INSTANCE,
          ['team', 'app'],
          [
            { tag: 'old-1', digest: old['old-1']!, size: 10, ...ago(50) },
            { tag: 'old-2', digest: old['old-2']!, size: 10, ...ago(45) },
            { tag: 'arm64-ci', digest: arm64, size: 10, ...ago(35) },
            { tag: 'release', digest: multi.indexDigest, size: 20, ...ago(31) },
          ],
        ),
      });

    const prune = (emu: Emulator, inputs: Record<string, string>): Promise<StepResult> =>
      runStep({
        action: 'prune-tags',
        inputs: { ...pruneInputs(emu), keep: 'release', ...inputs },
        env: registry.internet.env,
      });

    /** What CCR does on a tag delete: the tag's image goes from the registry. */
    async function replayDeletions(deleted: readonly string[]) {
      for (const entry of deleted) {
        const digest = old[entry.replace(/^app:/, '')]!;
        expect(await deleteManifest(registry.local.host, CCR_REGISTRY_LOGIN, 'team/app', digest)).toBe(202);
      }
    }

    it('reads the kept index from the registry, protects its platform image, deletes the rest, and every platform still pulls', async () => {
      const emu = await emulator();
      try {
        const served = registry.internet.served.length;
        // The docker user is read from the profile of user-id (the emulator's profile names the registry's user).
        const result = await prune(emu, { 'user-id': DEFAULT_CREDENTIALS.baidu.userId });
        expect(result.exitCode, result.log).toBe(0);
        expect(result.log).toContain(
          `app: read 2 manifests of kept tags from the registry ${registry.domain} (1 manifest list among them), as the listing does not tell manifest lists from images`,
        );
        expect(result.log).toMatch(/protect\s+arm64-ci\s+protected: image of kept manifest list release/);
        expect(JSON.parse(result.outputs.deleted!).sort()).toEqual(['app:old-1', 'app:old-2']);
        expect(result.outputs['protected-count']).toBe('1');
        // One temporary password, for one hour, for the plan and the re-check together.
        const issued = emu.state.issuedPasswords.map((p) => Date.parse(p.expiresAt) - Date.now());
        expect(issued).toHaveLength(1);
        expect(issued[0]).toBeGreaterThan(0);
        expect(issued[0]).toBeLessThanOrEqual(3_600_000);
        // The registry's challenge, then each of the two kept digests once (the re-check reads none again).
        const reads = registry.internet.served.slice(served).filter((host) => host === registry.domain);
        expect(reads).toHaveLength(3);
        expect(result.masks).toContain(CCR_REGISTRY_LOGIN.password);
        expect(findLeaks(result, [CCR_REGISTRY_LOGIN.password])).toEqual([]);
        expect(registry.internet.refused).toEqual([]);

        await replayDeletions(JSON.parse(result.outputs.deleted!));
        const env = { HOME: mkdtempSync(join(tmpdir(), 'skopeo-home-')) };
        const { username, password } = CCR_REGISTRY_LOGIN;
        const login = ['--creds', `${username}:${password}`, '--tls-verify=false'];
        const ref = (tag: string) => `docker://${registry.local.host}/team/app:${tag}`;
        const pulled = join(mkdtempSync(join(tmpdir(), 'pulled-')), 'layout');
        const pull = await skopeo(
          [
            'copy',
            '--all',
            '--src-creds',
            `${username}:${password}`,
            '--src-tls-verify=false',
            ref('release'),
            `oci:${pulled}:release`,
          ],
          env,
        );
        expect(pull.code, pull.output).toBe(0);
        for (const image of multi.images) {
          const platform = await skopeo(
            ['inspect', '--raw', ...login, `docker://${registry.local.host}/team/app@${image.digest}`],
            env,
          );
          expect(platform.code, `${image.architecture}: ${platform.output}`).toBe(0);
        }
        expect((await skopeo(['inspect', '--raw', ...login, ref('arm64-ci')], env)).code).toBe(0);
        expect((await skopeo(['inspect', '--raw', ...login, ref('old-1')], env)).code).not.toBe(0);
      } finally {
        await emu.close();
      }
    }, 120_000);

    it("reads the kept manifests from the instance's private domain with registry-access: private", async () => {
      const emu = await emulator();
      try {
        const served = registry.internet.served.length;
        const result = await prune(emu, {
          username: CCR_REGISTRY_LOGIN.username,
          'registry-access': 'private',
        });
        expect(result.exitCode, result.log).toBe(0);
        expect(result.log).toContain(
          `app: read 2 manifests of kept tags from the registry ${registry.privateDomain} (1 manifest list among them)`,
        );
        expect(result.log).toMatch(/protect\s+arm64-ci\s+protected: image of kept manifest list release/);
        expect(JSON.parse(result.outputs.deleted!).sort()).toEqual(['app:old-1', 'app:old-2']);
        const hosts = new Set(registry.internet.served.slice(served));
        expect([...hosts]).toEqual([registry.privateDomain]);
      } finally {
        await emu.close();
      }
    }, 120_000);

    it('deletes nothing when the kept manifests cannot be read, and says why once', async () => {
      const emu = await emulator();
      try {
        // A docker user the registry does not know: the temporary login is refused.
        const result = await prune(emu, { username: 'someone-else' });
        expect(result.exitCode, result.log).toBe(0);
        const warnings = result.warnings.filter((w) => w.includes('could not read'));
        expect(warnings).toHaveLength(1);
        expect(warnings[0]).toContain(
          `app: could not read 1 manifest of kept tags from the registry ${registry.domain}`,
        );
        expect(warnings[0]).toContain('so no tag of app is deleted');
        expect(result.log).toMatch(
          /protect\s+old-1\s+protected: manifest list release could not be read, so no image in this repository can be proven unused/,
        );
        expect(JSON.parse(result.outputs.deleted!)).toEqual([]);
        expect(emu.requests.filter((r) => r.method === 'DELETE')).toEqual([]);
      } finally {
        await emu.close();
      }
    }, 120_000);
  },
);

describe('prune-tags on CCR without a docker user', () => {
  it('is refused before any request, naming username and user-id and why', async () => {
    const emu = await startEmulator({});
    try {
      const result = await runStep({ action: 'prune-tags', inputs: pruneInputs(emu) });
      expect(result.exitCode).toBe(1);
      const error = result.errors.join('\n');
      expect(error).toContain("Inputs 'username' and 'user-id' are both empty");
      expect(error).toContain("CCR's tag API does not tell manifest lists from images");
      expect(emu.requests).toEqual([]);
    } finally {
      await emu.close();
    }
  });
});
