// Each action run with only what it needs (its required inputs, or the ones its provider requires, and
// credentials) succeeds on SWR, CCR enterprise and CCR personal where it applies: every other input gets
// the default action.yml declares, as the runner passes it. Besides those, a step here only points the
// action at the emulator (endpoint, iam-endpoint), for sync-whitelist at a loopback IP lookup service,
// and for prune-tags on CCR at the instance's registry (docker-registry), since tests have no internet.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_CCR_INSTANCE,
  DEFAULT_CREDENTIALS,
  type Emulator,
  type EmulatorSeed,
  startEmulator,
} from '../emulator/index.ts';
import { runJob } from '../harness/runner.ts';
import { ccrRepositorySeed, startCcrRegistry } from '../support/ccr-registry.ts';
import { closedAfterEach } from '../support/closed-after-each.ts';
import { missingRegistryTools } from '../support/local-registry.ts';

const hw = DEFAULT_CREDENTIALS.huawei;
const bce = DEFAULT_CREDENTIALS.baidu;
const instanceId = DEFAULT_CCR_INSTANCE.id;
const HOUR = 3_600_000;

/** 12 tags an hour apart with their own images: older-than 11h deletes the two oldest. */
const twelveTags = Array.from({ length: 12 }, (_, i) => {
  const time = new Date(Date.now() - (12 - i) * HOUR).toISOString();
  return {
    tag: `build-${String(i).padStart(2, '0')}`,
    digest: `sha256:${String(i).padStart(64, '0')}`,
    created: time,
    updated: time,
  };
});

const seed: EmulatorSeed = {
  region: 'cn-north-4',
  swr: { namespaces: [{ name: 'team', repositories: [{ name: 'app', tags: twelveTags }] }] },
  ccr: {
    personalProjects: [{ name: 'personal-team' }],
    instances: [
      {
        id: instanceId,
        publicLinks: { status: 'opened' },
        projects: [{ name: 'team', repositories: [{ name: 'app', tags: twelveTags }] }],
      },
    ],
  },
};

interface World {
  emu: Emulator;
  lookupUrl: string;
  close(): Promise<void>;
}

const RUNNER_ADDRESS = '198.51.100.23';

const startWorld = closedAfterEach(async (): Promise<World> => {
  const emu = await startEmulator({ seed });
  const lookup = createServer((_request, response) => response.end(`${RUNNER_ADDRESS}\n`));
  await new Promise<void>((resolve) => lookup.listen(0, '127.0.0.1', resolve));
  return {
    emu,
    lookupUrl: `http://127.0.0.1:${(lookup.address() as AddressInfo).port}/`,
    async close() {
      lookup.closeAllConnections();
      await new Promise((resolve) => lookup.close(resolve));
      await emu.close();
    },
  };
});

const swrKeys = { 'access-key-id': hw.accessKeyId, 'secret-access-key': hw.secretAccessKey };
const ccrKeys = { 'access-key-id': bce.accessKeyId, 'secret-access-key': bce.secretAccessKey };
const swrAt = (url: string) => ({ endpoint: url, 'iam-endpoint': url });
const ccrAt = (url: string) => ({ endpoint: url });

describe('each action with only its required inputs and credentials', () => {
  it('login on SWR: provider and region', async () => {
    const { emu } = await startWorld();
    const job = await runJob({
      action: 'login',
      inputs: { provider: 'swr', region: 'cn-north-4', ...swrKeys, ...swrAt(emu.url) },
    });
    expect(job.main.exitCode, job.main.log).toBe(0);
    expect(job.main.outputs.registry).toBe('swr.cn-north-4.myhuaweicloud.com');
    expect(job.main.inputs['INPUT_REGISTRY-ACCESS']).toBe('');
    expect(job.post?.exitCode, job.post?.log).toBe(0);
  });

  it('login on CCR enterprise: provider, region, instance-id and user-id (public domain, 2 hours)', async () => {
    const { emu } = await startWorld();
    const job = await runJob({
      action: 'login',
      inputs: {
        provider: 'ccr',
        region: 'bj',
        'instance-id': instanceId,
        'user-id': bce.userId,
        ...ccrKeys,
        ...ccrAt(emu.url),
      },
    });
    expect(job.main.exitCode, job.main.log).toBe(0);
    expect(job.main.outputs.registry).toBe(DEFAULT_CCR_INSTANCE.publicURL);
    const hoursLeft = (Date.parse(job.main.outputs['expires-at']!) - Date.now()) / HOUR;
    expect(hoursLeft).toBeGreaterThan(1.9);
    expect(hoursLeft).toBeLessThanOrEqual(2);
    expect(job.post?.exitCode, job.post?.log).toBe(0);
  });

  it('login on CCR personal: provider, username and password', async () => {
    const job = await runJob({
      action: 'login',
      inputs: { provider: 'ccr', username: 'team-user', password: 'personal-registry-password' },
    });
    expect(job.main.exitCode, job.main.log).toBe(0);
    expect(job.main.outputs.registry).toBe('registry.baidubce.com');
    expect(job.post?.exitCode, job.post?.log).toBe(0);
  });

  it('ensure-namespace on SWR: provider, region and namespace', async () => {
    const { emu } = await startWorld();
    const job = await runJob({
      action: 'ensure-namespace',
      inputs: { provider: 'swr', region: 'cn-north-4', namespace: 'new-team', ...swrKeys, ...swrAt(emu.url) },
    });
    expect(job.main.exitCode, job.main.log).toBe(0);
    expect(job.main.outputs.created).toBe('true');
    expect(emu.state.swrNamespaces.has('new-team')).toBe(true);
  });

  it('ensure-namespace on CCR enterprise: provider, region, instance-id and namespace', async () => {
    const { emu } = await startWorld();
    const job = await runJob({
      action: 'ensure-namespace',
      inputs: {
        provider: 'ccr',
        region: 'bj',
        'instance-id': instanceId,
        namespace: 'new-team',
        ...ccrKeys,
        ...ccrAt(emu.url),
      },
    });
    expect(job.main.exitCode, job.main.log).toBe(0);
    expect(emu.state.ccrInstances.get(instanceId)!.projects.get('new-team')?.isPublic).toBe(false);
  });

  it('ensure-namespace on CCR personal: provider, region and namespace', async () => {
    const { emu } = await startWorld();
    const job = await runJob({
      action: 'ensure-namespace',
      inputs: { provider: 'ccr', region: 'bj', namespace: 'personal-team', ...ccrKeys, ...ccrAt(emu.url) },
    });
    expect(job.main.exitCode, job.main.log).toBe(0);
    expect(job.main.outputs.created).toBe('false');
  });

  /** prune-tags on SWR with its required inputs and credentials, plus `extra`. */
  const pruneSwr = (url: string, extra: Record<string, string> = {}) =>
    runJob({
      action: 'prune-tags',
      inputs: {
        provider: 'swr',
        region: 'cn-north-4',
        namespace: 'team',
        repositories: 'app',
        ...swrKeys,
        ...swrAt(url),
        ...extra,
      },
    });

  it('prune-tags on SWR: provider, region, namespace, repositories and no rule stops before any call', async () => {
    const { emu } = await startWorld();
    const job = await pruneSwr(emu.url);
    expect(job.main.exitCode).toBe(1);
    expect(job.main.errors).toEqual([
      expect.stringMatching(
        /^Input 'keep-last' is 0 and 'older-than' is empty, so every tag not matched by 'keep'/,
      ),
    ]);
    expect(emu.requests).toEqual([]);
  });

  it('prune-tags on SWR: provider, region, namespace, repositories and one rule (older-than)', async () => {
    const { emu } = await startWorld();
    const job = await pruneSwr(emu.url, { 'older-than': '11h' });
    expect(job.main.exitCode, job.main.log).toBe(0);
    expect(JSON.parse(job.main.outputs.deleted!).sort()).toEqual(['app:build-00', 'app:build-01']);
    expect(emu.state.swrNamespaces.get('team')!.repositories.get('app')!.tags.size).toBe(10);
  });

  it.skipIf(missingRegistryTools() !== undefined)(
    'prune-tags on CCR enterprise: provider, region, instance-id, user-id, namespace, repositories and older-than',
    async () => {
      // The kept tags' manifests are read from the instance's registry: the ten kept tags share one image there.
      const registry = await startCcrRegistry(instanceId);
      try {
        const kept = await registry.pushImage('team/app', 'kept');
        const tags = twelveTags.map((tag, i) => (i < 2 ? tag : { ...tag, digest: kept }));
        const emu = await startEmulator({
          seed: ccrRepositorySeed(instanceId, ['team', 'app'], tags),
        });
        try {
          const job = await runJob({
            action: 'prune-tags',
            inputs: {
              provider: 'ccr',
              region: 'bj',
              'instance-id': instanceId,
              'user-id': bce.userId,
              namespace: 'team',
              repositories: 'app',
              'older-than': '11h',
              ...ccrKeys,
              ...ccrAt(emu.url),
            },
            env: registry.internet.env,
          });
          expect(job.main.exitCode, job.main.log).toBe(0);
          expect(job.main.outputs['deleted-count']).toBe('2');
          const project = emu.state.ccrInstances.get(instanceId)!.projects.get('team')!;
          expect(project.repositories.get('app')!.tags.size).toBe(10);
        } finally {
          await emu.close();
        }
      } finally {
        await registry.close();
      }
    },
    60_000,
  );

  it('sync-whitelist on CCR enterprise: region and instance-id lease the runner address, post removes it', async () => {
    const { emu, lookupUrl } = await startWorld();
    const whitelist = () => emu.state.ccrInstances.get(instanceId)!.whitelist.map((entry) => entry.ipAddr);
    const job = await runJob({
      action: 'sync-whitelist',
      inputs: {
        region: 'bj',
        'instance-id': instanceId,
        ...ccrKeys,
        ...ccrAt(emu.url),
        'ip-lookup-url': lookupUrl,
      },
    });
    expect(job.main.exitCode, job.main.log).toBe(0);
    expect(job.main.outputs['runner-ip']).toBe(RUNNER_ADDRESS);
    expect(job.post?.exitCode, job.post?.log).toBe(0);
    expect(whitelist()).not.toContain(RUNNER_ADDRESS);
  });
});
