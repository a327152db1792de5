// prune-tags on CCR enterprise, run from dist/ as the runner runs it, against the emulator, under both tag-delete modes.
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_CREDENTIALS, type Emulator, startEmulator, type TagDeleteMode } from '../emulator/index.ts';
import { runStep, type StepResult } from '../harness/runner.ts';
import { findLeaks } from '../support/leaks.ts';

const bce = DEFAULT_CREDENTIALS.baidu;
const DAY = 86_400_000;
const INSTANCE = 'ccr-prune001';
let emu: Emulator | undefined;

afterEach(async () => {
  await emu?.close();
  emu = undefined;
});

const at = (days: number) => {
  const time = new Date(Date.now() - days * DAY).toISOString();
  return { created: time, updated: time };
};

/** 130 tags (two list pages of 100): a kept release sharing its image with an old CI tag, and old CI tags. */
const tags = [
  { tag: 'v2.0.0', digest: 'sha256:rel', size: 500, ...at(1) },
  { tag: 'ci-rel', digest: 'sha256:rel', size: 500, ...at(60) },
  ...Array.from({ length: 128 }, (_, i) => ({
    tag: `ci-${i}`,
    digest: `sha256:ci${i}`,
    size: 100,
    ...at(40 + i),
  })),
];

async function start(mode: TagDeleteMode): Promise<Emulator> {
  emu = await startEmulator({
    tagDeleteMode: mode,
    seed: {
      ccr: {
        instances: [{ id: INSTANCE, projects: [{ name: 'team', repositories: [{ name: 'web', tags }] }] }],
      },
    },
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
      namespace: 'team',
      repositories: 'web',
      ...inputs,
    },
  });
}

const tagsOf = (e: Emulator) => [
  ...(e.state.ccrInstances.get(INSTANCE)?.projects.get('team')?.repositories.get('web')?.tags.keys() ?? []),
];

describe.each(['tag', 'digest'] as const)('prune-tags on CCR enterprise (tag delete mode %s)', (mode) => {
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
    expect(result.log).toMatch(/protect\s+ci-rel\s+protected: shares digest sha256:rel with kept tag v2.0.0/);
    const listing = e.requests.filter((r) => r.method === 'GET' && r.path.endsWith('/repositories/web/tags'));
    // Read to plan, and again right before deleting (recheck).
    expect(listing.map((r) => r.query.pageNo)).toEqual(['1', '2', '1', '2']);
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
});

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
    expect(tagsOf(e)).toHaveLength(tags.length);
  });

  it('refuses repository patterns, since CCR cannot list repositories', async () => {
    const e = await start('tag');
    const result = await prune(e, { repositories: 'web-*', 'older-than': '30d' });
    expect(result.exitCode).toBe(1);
    expect(result.errors.join('\n')).toContain('must name CCR repositories exactly');
    expect(e.requests).toEqual([]);
  });
});

describe('prune-tags on CCR: repository names with a slash (recorded choice: %2F first, %252F as fallback)', () => {
  const slashTags = [
    { tag: 'keep', digest: 'sha256:keep', size: 1, ...at(1) },
    { tag: 'old', digest: 'sha256:old', size: 1, ...at(90) },
  ];
  it.each([
    ['single', ['GET 200 web%2Fapp', 'GET 200 web%2Fapp', 'DELETE 200 web%2Fapp']],
    ['double', ['GET 404 web%2Fapp', 'GET 200 web%252Fapp', 'GET 200 web%252Fapp', 'DELETE 200 web%252Fapp']],
  ] as const)(
    'API wanting the %s form: lists, then deletes in the form that answered',
    async (form, calls) => {
      emu = await startEmulator({
        seed: {
          ccrForms: { repositoryEncoding: form },
          ccr: {
            instances: [
              {
                id: INSTANCE,
                projects: [{ name: 'team', repositories: [{ name: 'web/app', tags: slashTags }] }],
              },
            ],
          },
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
});
