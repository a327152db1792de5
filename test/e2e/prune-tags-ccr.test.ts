// prune-tags on CCR enterprise, run from dist/ as the runner runs it, against the emulator, under both
// tag-delete modes. The kept tags' manifests are read from the instance's registry (Debian docker-registry
// behind its public domain), where the kept images are pushed; the deleted ones exist only in the listing.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { shortDigest } from '../../src/actions/prune-tags/protection.ts';
import { DEFAULT_CREDENTIALS, type Emulator, startEmulator, type TagDeleteMode } from '../emulator/index.ts';
import { runStep, type StepResult } from '../harness/runner.ts';
import {
  CCR_REGISTRY_LOGIN,
  type CcrRegistry,
  ccrRepositorySeed,
  startCcrRegistry,
} from '../support/ccr-registry.ts';
import { findLeaks } from '../support/leaks.ts';
import { missingRegistryTools } from '../support/local-registry.ts';

const bce = DEFAULT_CREDENTIALS.baidu;
const DAY = 86_400_000;
const INSTANCE = 'ccr-prune001';
const missing = missingRegistryTools();
let emu: Emulator | undefined;
let registry: CcrRegistry | undefined;
/** Digests of the images pushed to the registry, by name. */
const pushed: Record<string, string> = {};

beforeAll(async () => {
  if (missing) return;
  registry = await startCcrRegistry(INSTANCE);
  for (const name of ['rel', 'ci0', 'ci1']) pushed[name] = await registry.pushImage('team/web', name);
  pushed.keep = await registry.pushImage('team/web/app', 'keep');
}, 120_000);

afterAll(async () => {
  await registry?.close();
});

afterEach(async () => {
  await emu?.close();
  emu = undefined;
});

/** A digest: the pushed image's for the kept tags, a made-up one for tags that exist only in the listing. */
const digestOf = (name: string) => pushed[name] ?? `sha256:${name}`;

const at = (days: number) => {
  const time = new Date(Date.now() - days * DAY).toISOString();
  return { created: time, updated: time };
};

/** 130 tags (two list pages of 100): a kept release sharing its image with an old CI tag, and old CI tags. */
const listing = () => [
  { tag: 'v2.0.0', digest: digestOf('rel'), size: 500, ...at(1) },
  { tag: 'ci-rel', digest: digestOf('rel'), size: 500, ...at(60) },
  ...Array.from({ length: 128 }, (_, i) => ({
    tag: `ci-${i}`,
    digest: digestOf(`ci${i}`),
    size: 100,
    ...at(40 + i),
  })),
];
const TAG_COUNT = 130;

async function start(mode: TagDeleteMode): Promise<Emulator> {
  emu = await startEmulator({
    tagDeleteMode: mode,
    seed: ccrRepositorySeed(INSTANCE, ['team', 'web'], listing()),
  });
  return emu;
}

function prune(e: Emulator, inputs: Record<string, string>): Promise<StepResult> {
  return runStep({
    action: 'prune-tags',
    inputs: {
      provider: 'ccr',
      region: 'bj',
      endpoint: e.url,
      'instance-id': INSTANCE,
      'access-key-id': bce.accessKeyId,
      'secret-access-key': bce.secretAccessKey,
      username: CCR_REGISTRY_LOGIN.username,
      namespace: 'team',
      repositories: 'web',
      ...inputs,
    },
    ...(registry ? { env: registry.internet.env } : {}),
  });
}

const tagsOf = (e: Emulator) => [
  ...(e.state.ccrInstances.get(INSTANCE)?.projects.get('team')?.repositories.get('web')?.tags.keys() ?? []),
];

describe.skipIf(missing !== undefined).each(['tag', 'digest'] as const)(
  'prune-tags on CCR enterprise (tag delete mode %s)',
  (mode) => {
    it('reads every page, deletes the old tags and protects the image of the kept release', async () => {
      const e = await start(mode);
      const result = await prune(e, {
        'older-than': '30d',
        'keep-last': '3',
        keep: 'v*',
        'max-deletions': '200',
        'rate-limit': '0',
      });
      expect(result.exitCode, result.log).toBe(0);
      expect(tagsOf(e).sort()).toEqual(['ci-0', 'ci-1', 'ci-rel', 'v2.0.0']);
      expect(result.outputs).toMatchObject({
        'deleted-count': '126',
        'kept-count': '3',
        'protected-count': '1',
      });
      expect(result.log).toContain(
        `protected: shares digest ${shortDigest(digestOf('rel'))} with kept tag v2.0.0`,
      );
      expect(result.log).toMatch(/protect\s+ci-rel\s+protected: shares digest/);
      expect(result.log).toContain(
        `web: read 3 manifests of kept tags from the registry ${registry!.domain}`,
      );
      // The plan's listing, then the re-check's right before deleting.
      const pages = e.requests.filter((r) => r.method === 'GET' && r.path.endsWith('/repositories/web/tags'));
      expect(pages.map((r) => r.query.pageNo)).toEqual(['1', '2', '1', '2']);
      expect(result.masks).toContain(bce.secretAccessKey);
      expect(findLeaks(result, [bce.secretAccessKey])).toEqual([]);

      const before = e.requests.length;
      const again = await prune(e, {
        'older-than': '30d',
        'keep-last': '3',
        keep: 'v*',
        'max-deletions': '200',
        'rate-limit': '0',
      });
      expect(again.exitCode, again.log).toBe(0);
      expect(e.requests.slice(before).filter((r) => r.method !== 'GET')).toEqual([]);
    });
  },
);

describe('prune-tags on CCR enterprise: safety', () => {
  it('deletes nothing when the total changes under the listing', async () => {
    const e = await start('tag');
    e.setFaults({
      routes: [
        {
          method: 'GET',
          path: `/v1/instances/${INSTANCE}/projects/team/repositories/web/tags`,
          lieContentRange: true,
        },
      ],
    });
    const result = await prune(e, { 'older-than': '30d' });
    expect(result.exitCode).toBe(1);
    expect(e.requests.filter((r) => r.method === 'DELETE')).toEqual([]);
    expect(tagsOf(e)).toHaveLength(TAG_COUNT);
  });

  it('refuses repository patterns, since CCR cannot list repositories', async () => {
    const e = await start('tag');
    const result = await prune(e, { repositories: 'web-*', 'older-than': '30d' });
    expect(result.exitCode).toBe(1);
    expect(result.errors.join('\n')).toContain('must name CCR repositories exactly');
    expect(e.requests).toEqual([]);
  });
});

describe.skipIf(missing !== undefined)(
  'prune-tags on CCR: repository names with a slash (recorded choice: %2F first, %252F as fallback)',
  () => {
    const slashTags = () => [
      { tag: 'keep', digest: digestOf('keep'), size: 1, ...at(1) },
      { tag: 'old', digest: 'sha256:old', size: 1, ...at(90) },
    ];
    it.each([
      // The plan's listing, the re-check's listing right before deleting, then the delete.
      ['single', ['GET 200 web%2Fapp', 'GET 200 web%2Fapp', 'DELETE 200 web%2Fapp']],
      [
        'double',
        ['GET 404 web%2Fapp', 'GET 200 web%252Fapp', 'GET 200 web%252Fapp', 'DELETE 200 web%252Fapp'],
      ],
    ] as const)(
      'API wanting the %s form: lists, then deletes in the form that answered',
      async (form, calls) => {
        emu = await startEmulator({
          seed: {
            ...ccrRepositorySeed(INSTANCE, ['team', 'web/app'], slashTags()),
            ccrForms: { repositoryEncoding: form },
          },
        });
        const requests: string[] = [];
        const result = await prune(emu, { repositories: 'web/app', 'older-than': '30d', 'keep-last': '0' });
        expect(result.exitCode, result.log).toBe(0);
        for (const r of emu.requests) {
          const raw = r.path.split('/repositories/')[1]?.split('/')[0];
          if (raw) requests.push(`${r.method} ${r.status} ${raw}`);
        }
        expect(requests).toEqual(calls);
        const repo = emu.state.ccrInstances.get(INSTANCE)!.projects.get('team')!.repositories.get('web/app')!;
        expect([...repo.tags.keys()]).toEqual(['keep']);
      },
    );
  },
);
