// prune-tags on SWR, run from dist/ as the runner runs it, against the emulator, under both tag-delete modes.
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_CREDENTIALS,
  type Emulator,
  type EmulatorSeed,
  startEmulator,
  type TagDeleteMode,
} from '../emulator/index.ts';
import { runStep, type StepResult } from '../harness/runner.ts';
import { closedAfterEach } from '../support/closed-after-each.ts';
import { swrEmulatorInputs } from '../support/emulator-inputs.ts';
import { findLeaks } from '../support/leaks.ts';
import { renderedMarkdown } from '../support/rendered-markdown.ts';

const hw = DEFAULT_CREDENTIALS.huawei;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const emulatorForTest = closedAfterEach(startEmulator);
const TAGS_PATH = '/v2/manage/namespaces/team/repos/web/tags';

const ago = (ms: number) => new Date(Date.now() - ms).toISOString();
const at = (ms: number) => ({ created: ago(ms), updated: ago(ms) });

/** A repository where every protection applies: shared digests, a manifest list and its image. */
const webTags = [
  {
    tag: 'multi',
    digest: 'sha256:list',
    tagType: 1 as const,
    children: ['sha256:amd64'],
    size: 10,
    ...at(1 * HOUR),
  },
  { tag: 'latest', digest: 'sha256:aaa', size: 1000, ...at(2 * HOUR) },
  { tag: 'v1.0.0', digest: 'sha256:aaa', size: 1000, ...at(3 * HOUR) },
  { tag: 'ci-old-a', digest: 'sha256:aaa', size: 1000, ...at(40 * DAY) },
  { tag: 'amd64', digest: 'sha256:amd64', size: 2000, ...at(40 * DAY) },
  { tag: 'ci-1', digest: 'sha256:ccc', size: 3000, ...at(41 * DAY) },
  { tag: 'ci-2', digest: 'sha256:ccc', size: 3000, ...at(42 * DAY) },
  { tag: 'ci-3', digest: 'sha256:ddd', size: 4000, ...at(43 * DAY) },
];

function seed(repositories: Array<{ name: string; tags: typeof webTags }>): EmulatorSeed {
  return { swr: { namespaces: [{ name: 'team', repositories }] } };
}

function start(mode: TagDeleteMode, s: EmulatorSeed = seed([{ name: 'web', tags: webTags }])) {
  return emulatorForTest({ seed: s, tagDeleteMode: mode });
}

/** `count` one-byte tags ci-0, ci-1, … with their own digests, 40 days old and older. */
function oldCiTags(count: number): typeof webTags {
  return Array.from({ length: count }, (_, i) => ({
    tag: `ci-${i}`,
    digest: `sha256:${i}`,
    size: 1,
    ...at((40 + i) * DAY),
  }));
}

const rules = { repositories: 'web', keep: 'latest', 'older-than': '30d' };

function prune(
  e: Emulator,
  inputs: Record<string, string>,
  env?: Record<string, string>,
): Promise<StepResult> {
  return runStep({
    action: 'prune-tags',
    inputs: {
      ...swrEmulatorInputs(e.url),
      namespace: 'team',
      ...inputs,
    },
    ...(env && { env }),
  });
}

const tagsOf = (e: Emulator, repository = 'web') =>
  [...(e.state.swrNamespaces.get('team')?.repositories.get(repository)?.tags.keys() ?? [])].sort();
const deletes = (e: Emulator) => e.requests.filter((r) => r.method === 'DELETE');

function expectNoLeaks(result: StepResult): void {
  expect(result.masks).toContain(hw.secretAccessKey);
  expect(findLeaks(result, [hw.secretAccessKey])).toEqual([]);
}

describe.each(['tag', 'digest'] as const)('prune-tags on SWR (tag delete mode %s)', (mode) => {
  it('deletes what the rules select and keeps every image a kept tag needs', async () => {
    const e = await start(mode);
    const result = await prune(e, rules);
    expect(result.exitCode, result.log).toBe(0);
    expect(tagsOf(e)).toEqual(['amd64', 'ci-old-a', 'latest', 'multi', 'v1.0.0']);
    expect(JSON.parse(result.outputs.deleted!).sort()).toEqual(['web:ci-1', 'web:ci-2', 'web:ci-3']);
    expect(result.outputs).toMatchObject({
      'deleted-count': '3',
      'kept-count': '3',
      'protected-count': '2',
      'planned-count': '3',
      failed: '[]',
      'reclaimed-bytes': '7000',
    });
    expect(result.log).toMatch(
      /protect\s+ci-old-a\s+protected: shares digest sha256:aaa with kept tag latest/,
    );
    expect(result.log).toMatch(/protect\s+amd64\s+protected: image of kept manifest list multi/);
    expect(result.log).toMatch(/delete\s+ci-3\s+older than 30d$/m);
    expect(renderedMarkdown(result.summary)).toContain('| web | 8 | 3 | 2 | 3 | 0 |');
    expect(renderedMarkdown(result.summary)).toContain('| `ci-3` | deleted | older than 30d |');
    expectNoLeaks(result);
  });

  it('makes no write call when run again', async () => {
    const e = await start(mode);
    expect((await prune(e, rules)).exitCode).toBe(0);
    const before = e.requests.length;
    const again = await prune(e, rules);
    expect(again.exitCode, again.log).toBe(0);
    expect(e.requests.slice(before).filter((r) => r.method !== 'GET')).toEqual([]);
    expect(again.outputs['deleted-count']).toBe('0');
  });
});

describe('prune-tags on SWR: safety', () => {
  it('prints the full plan and deletes nothing on a dry run', async () => {
    const e = await start('tag');
    const result = await prune(e, { ...rules, 'dry-run': 'true' });
    expect(result.exitCode, result.log).toBe(0);
    expect(deletes(e)).toEqual([]);
    expect(tagsOf(e)).toHaveLength(webTags.length);
    expect(result.outputs).toMatchObject({ deleted: '[]', 'deleted-count': '0', 'planned-count': '3' });
    const summary = renderedMarkdown(result.summary);
    expect(summary).toContain('Dry run: nothing was deleted; the plan deletes 3 tags.');
    expect(summary).toContain('| `ci-1` | would delete | older than 30d |');
    // Dry-run wording: nothing in the log or summary says a tag was deleted, or that 0 B were reclaimed.
    expect(result.log).toMatch(/^would delete ci-1\s+older than 30d$/m);
    expect(result.log).toContain('web: 8 tags → would delete 3, keep 3, protected 2');
    expect(result.log).not.toMatch(/deleted:|^delete /m);
    expect(summary).toContain('Dry run: would delete 3 tags, reclaiming up to **6.8 KiB**.');
    expect(summary).not.toMatch(/0 B\*\*|deleted:|\| deleted \|/);
  });

  it('stops before deleting anything when the plan exceeds max-deletions', async () => {
    const e = await start('tag');
    const result = await prune(e, { ...rules, 'max-deletions': '2' });
    expect(result.exitCode).toBe(1);
    expect(deletes(e)).toEqual([]);
    expect(result.errors.join('\n')).toContain(
      'The plan deletes 3 tags, more than max-deletions (2). Nothing was deleted.',
    );
    expect(result.outputs['planned-count']).toBe('3');
  });

  it('keeps a tag pushed after the run started, even when the rules select it', async () => {
    const future = new Date(Date.now() + HOUR).toISOString();
    const e = await start(
      'digest',
      seed([
        {
          name: 'web',
          tags: [
            { tag: 'ci-new', digest: 'sha256:n', size: 1, created: future, updated: future },
            ...webTags,
          ],
        },
      ]),
    );
    const result = await prune(e, { ...rules, include: 'ci-*', 'older-than': '', 'keep-last': '0' });
    expect(result.exitCode, result.log).toBe(0);
    expect(result.log).toMatch(/keep\s+ci-new\s+kept: updated after the run started/);
    expect(tagsOf(e)).toContain('ci-new');
  });

  it('rejects a bad input without calling the API', async () => {
    const e = await start('tag');
    const result = await prune(e, { ...rules, 'keep-last': 'ten' });
    expect(result.exitCode).toBe(1);
    expect(result.errors).toEqual([`Input 'keep-last' must be a whole number ≥ 0, got "ten".`]);
    expect(e.requests).toEqual([]);
  });

  it('deletes nothing when a listing page keeps failing (503)', async () => {
    const e = await start('tag', seed([{ name: 'web', tags: oldCiTags(250) }]));
    e.setFaults({
      routes: [
        {
          method: 'GET',
          path: TAGS_PATH,
          error: { after: 1 },
          errorStatus: 503,
        },
      ],
    });
    const result = await prune(e, { repositories: 'web', 'older-than': '30d', 'max-deletions': '1000' });
    expect(result.exitCode).toBe(1);
    expect(deletes(e)).toEqual([]);
    expect(tagsOf(e)).toHaveLength(250);
    expect(result.errors.join('\n')).toMatch(/list tags of team\/web .*→ 503/);
  });

  it('prunes a registry that caps its pages below the requested limit, paging on with the served size', async () => {
    const e = await emulatorForTest({
      seed: { ...seed([{ name: 'web', tags: oldCiTags(70) }]), swrPageCap: 30 },
    });
    const result = await prune(e, { repositories: 'web', 'older-than': '30d', 'keep-last': '5' });
    expect(result.exitCode, result.log).toBe(0);
    expect(tagsOf(e)).toHaveLength(5);
    const listing = e.requests.filter((r) => r.method === 'GET' && r.path === TAGS_PATH);
    expect(listing.map((r) => `${r.query.offset}/${r.query.limit} ${r.status}`).slice(0, 3)).toEqual([
      '0/100 200',
      '30/30 200',
      '60/30 200',
    ]);
  });

  it('deletes nothing when Content-Range reports more tags than the pages hold', async () => {
    const e = await start('tag', seed([{ name: 'web', tags: oldCiTags(150) }]));
    e.setFaults({
      routes: [
        {
          method: 'GET',
          path: TAGS_PATH,
          lieContentRange: true,
          lieContentRangeExtra: 5,
        },
      ],
    });
    const result = await prune(e, { repositories: 'web', 'older-than': '30d' });
    expect(result.exitCode).toBe(1);
    expect(deletes(e)).toEqual([]);
    expect(result.errors.join('\n')).toMatch(/collected 150 records but Content-Range reported 155/);
  });

  it('keeps going after a failed deletion, then fails the step naming it', async () => {
    const e = await start('tag');
    e.setFaults({
      routes: [
        {
          method: 'DELETE',
          path: `${TAGS_PATH}/ci-2`,
          error: true,
          errorStatus: 500,
        },
      ],
    });
    const result = await prune(e, rules);
    expect(result.exitCode).toBe(1);
    expect(tagsOf(e)).toEqual(['amd64', 'ci-2', 'ci-old-a', 'latest', 'multi', 'v1.0.0']);
    expect(JSON.parse(result.outputs.failed!)).toEqual(['web:ci-2']);
    expect(JSON.parse(result.outputs.deleted!).sort()).toEqual(['web:ci-1', 'web:ci-3']);
    expect(result.errors.join('\n')).toMatch(
      /^1 of 3 deletions failed; the others were done\. Failed: web:ci-2 \(SWR delete tag/,
    );
    expect(renderedMarkdown(result.summary)).toContain('| `ci-2` | **failed**:');
  });

  it('rides out a 429 storm by waiting as asked, and still deletes everything planned', async () => {
    const e = await start('tag', seed([{ name: 'web', tags: oldCiTags(16) }]));
    e.setFaults({
      routes: [
        {
          method: 'DELETE',
          path: `${TAGS_PATH}/*`,
          rateLimit: { capacity: 5, refillPerSecond: 5 },
        },
      ],
    });
    const result = await prune(e, {
      repositories: 'web',
      'older-than': '30d',
      'keep-last': '0',
      'rate-limit': '0',
      concurrency: '4',
    });
    expect(result.exitCode, result.log).toBe(0);
    expect(tagsOf(e)).toEqual([]);
    expect(result.outputs['deleted-count']).toBe('16');
    const throttled = e.requests.filter((r) => r.status === 429).length;
    expect(throttled).toBeGreaterThan(0);
    expect(renderedMarkdown(result.summary)).toMatch(
      new RegExp(`The registry throttled ${throttled} requests? \\(429 or “too many requests”\\)`),
    );
  });

  it('takes SWR’s 403 “too many requests” (SVCSTG.SWR.4031042) as throttling, not as refused credentials', async () => {
    const e = await start('tag', seed([{ name: 'web', tags: oldCiTags(16) }]));
    e.setFaults({
      routes: [
        {
          method: 'DELETE',
          path: `${TAGS_PATH}/*`,
          rateLimit: { capacity: 5, refillPerSecond: 5, answer: 'swr-403' },
        },
      ],
    });
    const result = await prune(e, {
      repositories: 'web',
      'older-than': '30d',
      'keep-last': '0',
      'rate-limit': '0',
      concurrency: '4',
    });
    expect(result.exitCode, result.log).toBe(0);
    expect(tagsOf(e)).toEqual([]);
    expect(result.outputs['deleted-count']).toBe('16');
    const refused = e.requests.filter((r) => r.status === 403).length;
    expect(refused).toBeGreaterThan(0);
    expect(result.log).not.toMatch(/credentials/i);
    expect(renderedMarkdown(result.summary)).toMatch(
      new RegExp(`The registry throttled ${refused} requests? \\(429 or “too many requests”\\)`),
    );
  });
});

describe('prune-tags on SWR: debug log', () => {
  const attemptLine = /^::debug::(GET|DELETE) (\S+) → (\d+) \(attempt (\d+), \d+ ms(?:, retry in \d+ ms)?\)$/;

  it('writes one debug line per request with step debug logging on, and no debug line without it', async () => {
    const e = await start('tag', seed([{ name: 'web', tags: oldCiTags(12) }]));
    e.setFaults({
      routes: [{ method: 'DELETE', path: `${TAGS_PATH}/*`, rateLimit: { capacity: 3, refillPerSecond: 5 } }],
    });
    const inputs = { repositories: 'web', 'older-than': '30d', 'keep-last': '6', 'rate-limit': '0' };
    const quiet = await prune(e, inputs);
    expect(quiet.exitCode, quiet.log).toBe(0);
    expect(quiet.outputs['deleted-count']).toBe('6');
    expect(e.requests.some((r) => r.status === 429)).toBe(true);
    expect(quiet.stdout).not.toContain('::debug::');

    const before = e.requests.length;
    const debug = await prune(e, { ...inputs, 'keep-last': '0' }, { RUNNER_DEBUG: '1' });
    expect(debug.exitCode, debug.log).toBe(0);
    expect(debug.outputs['deleted-count']).toBe('6');
    const logged = debug.stdout
      .split('\n')
      .filter((line) => line.startsWith('::debug::'))
      .map((line) => {
        const [, method, path, status] = line.match(attemptLine) ?? [line];
        return `${method} ${path} ${status}`;
      });
    const served = e.requests.slice(before).map((r) => `${r.method} ${r.path} ${r.status}`);
    expect(served.some((request) => request.endsWith(' 429'))).toBe(true);
    expect(logged.sort()).toEqual(served.sort());
    expect(debug.stdout).toMatch(/^::debug::DELETE \S+ → 429 \(attempt \d+, \d+ ms, retry in \d+ ms\)$/m);
  });
});

describe('prune-tags on SWR: repositories and retention policies', () => {
  it('prunes every repository a glob matches', async () => {
    const old = (name: string) => [
      { tag: `${name}-old`, digest: `sha256:${name}`, size: 1, ...at(50 * DAY) },
    ];
    const e = await start(
      'tag',
      seed([
        { name: 'web', tags: old('web') },
        { name: 'tools/cli', tags: old('cli') },
        { name: 'api', tags: old('api') },
      ]),
    );
    const result = await prune(e, {
      repositories: '*',
      'older-than': '30d',
      'keep-last': '0',
      exclude: 'api-*',
    });
    expect(result.exitCode, result.log).toBe(0);
    expect(JSON.parse(result.outputs.deleted!)).toEqual(['tools/cli:cli-old', 'web:web-old']);
    expect(tagsOf(e, 'api')).toEqual(['api-old']);
    expect(e.requests.some((r) => r.path === '/v2/manage/namespaces/team/repos/tools$cli/tags/cli-old')).toBe(
      true,
    );
  });

  it('stores the rules as an SWR retention policy once, then leaves it alone', async () => {
    const e = await start('tag');
    const inputs = { repositories: 'web', mode: 'retention-policy', 'keep-last': '5', keep: 'latest' };
    const first = await prune(e, inputs);
    expect(first.exitCode, first.log).toBe(0);
    const policies = [
      ...(e.state.swrNamespaces.get('team')?.repositories.get('web')?.retentions.values() ?? []),
    ];
    expect(policies).toEqual([
      {
        id: expect.any(Number),
        algorithm: 'or',
        rules: [
          {
            template: 'tag_rule',
            params: { num: '5' },
            tag_selectors: [{ kind: 'regexp', pattern: '^latest$' }],
          },
        ],
      },
    ]);
    expect(JSON.parse(first.outputs['retention-policies']!)).toEqual([
      { repository: 'web', action: 'created', id: policies[0]!.id },
    ]);
    expect(first.warnings.join('\n')).toContain('protection of mode: delete does not apply');
    expect(deletes(e)).toEqual([]);

    const before = e.requests.length;
    const again = await prune(e, inputs);
    expect(JSON.parse(again.outputs['retention-policies']!)[0].action).toBe('unchanged');
    // Nothing changed, so nothing to warn about: the notes are plain log lines and stay in the summary.
    expect(again.warnings).toEqual([]);
    expect(again.log).toContain('Note: SWR applies the policy on its own schedule');
    expect(again.summary).toContain('**What the SWR policy does not express:**');
    expect(e.requests.slice(before).filter((r) => r.method !== 'GET')).toEqual([]);

    const changed = await prune(e, { ...inputs, 'keep-last': '7' });
    expect(JSON.parse(changed.outputs['retention-policies']!)[0].action).toBe('updated');
    expect(policies[0]?.rules[0]?.params).toEqual({ num: '7' });
  });
  it('leaves a repository with several retention policies alone and fails naming it', async () => {
    const policy = {
      algorithm: 'or',
      rules: [{ template: 'tag_rule', params: { num: '3' }, tag_selectors: [] }],
    };
    const e = await start('tag', {
      swr: {
        namespaces: [
          { name: 'team', repositories: [{ name: 'web', tags: webTags, retentions: [policy, policy] }] },
        ],
      },
    });
    const result = await prune(e, { repositories: 'web', mode: 'retention-policy', 'keep-last': '5' });
    expect(result.exitCode).toBe(1);
    expect(result.errors.join('\n')).toMatch(
      /^Not changed: web \(it has 2 retention policies \(ids \d+, \d+\); keep at most one/,
    );
    expect(e.requests.filter((r) => r.method !== 'GET')).toEqual([]);
  });
});
