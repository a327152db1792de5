// Hostile-server matrix of prune-tags: dist/prune-tags run as the runner runs it, against the emulator
// behind a proxy that rewrites its answers as a hostile registry (or an org member naming things) would.
// Rows are findings; each names the invariants it holds (see support/hostile-job.ts). CCR rows run with
// the instance's registry (docker-registry), where the kept manifests are read before anything is deleted.
//
// | finding                                   | outcome                    | deleted          |
// | ----------------------------------------- | -------------------------- | ---------------- |
// | 1 commands in tag names / error bodies    | success / clean failure    | the valid plan   |
// | 2 tags `..` `.` `` from the listing        | success, names reported    | the valid plan   |
// | 2 repository `..` with repositories: '*'   | success, name reported     | web's valid plan |
// | 3 keep pattern with `  # comment`         | success                    | ci-* only        |
// | 4 listing trickled one byte at a time     | success after a retry      | the valid plan   |
// | 5 a 200 MiB listing page                  | incomplete listing         | nothing          |
// | 6 paging ignored, no total                | incomplete listing         | nothing          |
// | 7 markup in tag names                     | success, summary is text   | the valid plan   |
// | 8 namespace `..`                          | input error                | nothing, no call |
import { afterAll, beforeAll, describe, expect } from 'vitest';
import type { EmulatorSeed } from '../emulator/index.ts';
import {
  CCR_REGISTRY_LOGIN,
  type CcrRegistry,
  ccrRepositorySeed,
  startCcrRegistry,
} from '../support/ccr-registry.ts';
import { ccrEmulatorInputs, swrEmulatorInputs } from '../support/emulator-inputs.ts';
import {
  ccrTagRecord,
  swrEndlessPages,
  swrErrorAnswer,
  swrListingWith,
  swrTagRecord,
  withCcrItems,
} from './support/hostile-answers.ts';
import { type HostileRow, itEachHostileRow } from './support/hostile-job.ts';
import { hostileText } from './support/runner-commands.ts';

const OLD = { created: '2020-01-01T00:00:00Z', updated: '2020-01-01T00:00:00Z' };
const VALID = ['ci-0', 'ci-1', 'ci-2'];
const tags = [
  {
    tag: 'latest',
    digest: 'sha256:aaa',
    created: new Date().toISOString(),
    updated: new Date().toISOString(),
  },
  ...VALID.map((tag, i) => ({ tag, digest: `sha256:c${i}`, ...OLD })),
];
const swrSeed: EmulatorSeed = {
  swr: {
    namespaces: [
      {
        name: 'team',
        repositories: [
          { name: 'web', tags },
          { name: 'api', tags },
        ],
      },
    ],
  },
};
const INSTANCE = 'ccr-hostile01';
/**
 * CCR reads the manifests of kept tags from the instance's registry before deleting: the kept `latest` is
 * pushed there (Debian docker-registry behind the instance's domain), so the CCR rows delete for real.
 */
let ccrRegistry: CcrRegistry | undefined;
let latestDigest = '';
beforeAll(async () => {
  ccrRegistry = await startCcrRegistry(INSTANCE);
  latestDigest = await ccrRegistry.pushImage('team/web', 'latest');
}, 120_000);
afterAll(async () => {
  await ccrRegistry?.close();
});
const ccrSeed = (): EmulatorSeed =>
  ccrRepositorySeed(
    INSTANCE,
    ['team', 'web'],
    tags.map((t) => (t.tag === 'latest' ? { ...t, digest: latestDigest } : t)),
  );
const ccrRegistryEnv = () => ccrRegistry?.internet.env ?? {};
/**
 * A listed tag on the image of `latest`. Tags that break the name rules are kept, so their manifests are
 * read too: one the registry does not hold would rightly hold back the repository's deletions.
 */
const ccrTagOfLatest = (tag: string) => ({ ...ccrTagRecord(tag), digest: latestDigest });

const SWR_TAGS = /^\/v2\/manage\/namespaces\/team\/repos\/web\/tags$/;
const SWR_REPOS = /^\/v2\/manage\/repos$/;
const CCR_TAGS = new RegExp(`^/v1/instances/${INSTANCE}/projects/team/repositories/web/tags$`);
/** The deletes the valid plan makes: ci-0…ci-2 of web (and of api when every repository is pruned). */
const VALID_DELETES = [/^DELETE \/v2\/manage\/namespaces\/team\/repos\/(web|api)\/tags\/ci-[0-2]$/];
/** The CCR valid plan's deletes, and the temporary docker password it reads the kept manifests with. */
const CCR_WRITES = [
  new RegExp(`^DELETE /v1/instances/${INSTANCE}/projects/team/repositories/web/tags/ci-[0-2]$`),
  new RegExp(`^POST /v1/instances/${INSTANCE}/credential$`),
];

const rules = { keep: 'latest', 'older-than': '30d', 'max-deletions': '20' };
const swrPrune = (endpoint: string) => ({
  ...swrEmulatorInputs(endpoint),
  namespace: 'team',
  repositories: 'web',
  ...rules,
});
const ccrPrune = (endpoint: string) => ({
  ...ccrEmulatorInputs(endpoint),
  'instance-id': INSTANCE,
  username: CCR_REGISTRY_LOGIN.username,
  namespace: 'team',
  repositories: 'web',
  ...rules,
});

const deletedOutput = (output: string | undefined) => (JSON.parse(output ?? '[]') as string[]).sort();

const rows: HostileRow[] = [
  {
    finding: '1. runner commands and ANSI escapes in tag names',
    action: 'prune-tags',
    seed: swrSeed,
    inputs: swrPrune,
    rules: [swrListingWith(SWR_TAGS, [swrTagRecord(hostileText('tag'))])],
    expected: 'succeeds',
    invariants: ['no runner command', 'no request off path'],
    allowedWrites: VALID_DELETES,
    check: ({ main }) => {
      expect(deletedOutput(main.outputs.deleted)).toEqual(VALID.map((t) => `web:${t}`));
      expect(main.warnings.join('\n')).toContain('tag\\n::warning::INJECTED tag');
    },
  },
  {
    finding: '1. runner commands in a delete error body',
    action: 'prune-tags',
    seed: swrSeed,
    inputs: swrPrune,
    rules: [
      {
        method: 'DELETE',
        path: /\/tags\/ci-0$/,
        rewrite: () => swrErrorAnswer(hostileText('error')),
      },
    ],
    expected: /ci-0/,
    invariants: ['no runner command', 'no request off path'],
    allowedWrites: VALID_DELETES,
  },
  {
    finding: '1. runner commands in CCR tag names',
    action: 'prune-tags',
    seed: ccrSeed,
    env: ccrRegistryEnv,
    inputs: ccrPrune,
    rules: [
      {
        method: 'GET',
        path: CCR_TAGS,
        rewrite: (a) => withCcrItems(a, 'items', [ccrTagOfLatest(hostileText('tag'))]),
      },
    ],
    expected: 'succeeds',
    invariants: ['no runner command', 'no request off path'],
    allowedWrites: CCR_WRITES,
    check: ({ main }) => {
      expect(deletedOutput(main.outputs.deleted)).toEqual(VALID.map((t) => `web:${t}`));
      expect(main.warnings.join('\n')).toContain('tag\\n::warning::INJECTED tag');
    },
  },
  {
    finding: '2. tags "..", "." and "" from the SWR listing',
    action: 'prune-tags',
    seed: swrSeed,
    inputs: swrPrune,
    rules: [
      swrListingWith(
        SWR_TAGS,
        ['..', '.', '', 'a/../..', '%2e%2e'].map((t) => swrTagRecord(t)),
      ),
    ],
    expected: 'succeeds',
    invariants: ['no request off path', 'nothing deleted on doubt'],
    allowedWrites: VALID_DELETES,
    check: ({ main, emu }) => {
      expect(deletedOutput(main.outputs.deleted)).toEqual(VALID.map((t) => `web:${t}`));
      expect(emu.state.swrNamespaces.get('team')?.repositories.has('web')).toBe(true);
      expect(main.warnings.join('\n')).toMatch(/"\.\."/);
    },
  },
  {
    finding: '2. repository ".." listed with repositories: "*"',
    action: 'prune-tags',
    seed: swrSeed,
    inputs: (endpoint) => ({ ...swrPrune(endpoint), repositories: '*' }),
    rules: [
      swrListingWith(SWR_REPOS, [{ name: '..', namespace: 'team', is_public: false, num_images: 1 }]),
      swrListingWith(/^\/v2\/manage\/namespaces\/team\/repos\/\.\.\/tags$/, [swrTagRecord('..')]),
    ],
    expected: 'succeeds',
    invariants: ['no request off path', 'nothing deleted on doubt'],
    allowedWrites: VALID_DELETES,
    check: ({ main, emu }) => {
      expect(deletedOutput(main.outputs.deleted)).toEqual([
        ...VALID.map((t) => `api:${t}`),
        ...VALID.map((t) => `web:${t}`),
      ]);
      expect(emu.state.swrNamespaces.has('team')).toBe(true);
      expect(main.warnings.join('\n')).toMatch(/repository "\.\."/);
    },
  },
  {
    finding: '2. tag ".." from the CCR listing',
    action: 'prune-tags',
    seed: ccrSeed,
    env: ccrRegistryEnv,
    inputs: ccrPrune,
    rules: [
      { method: 'GET', path: CCR_TAGS, rewrite: (a) => withCcrItems(a, 'items', [ccrTagOfLatest('..')]) },
    ],
    expected: 'succeeds',
    invariants: ['no request off path', 'nothing deleted on doubt'],
    allowedWrites: CCR_WRITES,
    check: ({ main, emu }) => {
      expect(deletedOutput(main.outputs.deleted)).toEqual(VALID.map((t) => `web:${t}`));
      expect(emu.state.ccrInstances.get(INSTANCE)?.projects.get('team')?.repositories.has('web')).toBe(true);
      expect(main.warnings.join('\n')).toMatch(/"\.\."/);
    },
  },
  {
    finding: '3. a keep pattern with an inline comment',
    action: 'prune-tags',
    seed: swrSeed,
    inputs: (endpoint) => ({
      ...swrPrune(endpoint),
      keep: 'latest  # never delete latest',
      include: '*',
      'older-than': '',
    }),
    expected: 'succeeds',
    invariants: ['nothing deleted on doubt'],
    allowedWrites: VALID_DELETES,
    check: ({ emu }) => {
      expect([...(emu.state.swrNamespaces.get('team')?.repositories.get('web')?.tags.keys() ?? [])]).toEqual([
        'latest',
      ]);
    },
  },
  {
    finding: '4. a listing trickled one byte every 200 ms',
    action: 'prune-tags',
    seed: swrSeed,
    inputs: swrPrune,
    rules: [{ method: 'GET', path: SWR_TAGS, times: 1, delivery: { kind: 'trickle', everyMs: 200 } }],
    expected: 'succeeds',
    invariants: ['bounded time and memory', 'nothing deleted on doubt'],
    allowedWrites: VALID_DELETES,
    timeoutMs: 150_000,
  },
  {
    finding: '5. a 200 MiB listing page',
    action: 'prune-tags',
    seed: swrSeed,
    inputs: swrPrune,
    rules: [{ method: 'GET', path: SWR_TAGS, delivery: { kind: 'pad', bytes: 200 * 1024 * 1024 } }],
    expected: /list tags of team\/web: a page was too large to read .*nothing was changed/,
    invariants: ['bounded time and memory', 'nothing deleted on doubt'],
    timeoutMs: 120_000,
  },
  {
    finding: '6. paging ignored and no total (SWR)',
    action: 'prune-tags',
    seed: swrSeed,
    inputs: swrPrune,
    rules: [swrEndlessPages(SWR_TAGS, (i) => swrTagRecord(`old-${i}`))],
    expected: /list tags of team\/web: page 2 repeats old-0/,
    invariants: ['bounded time and memory', 'nothing deleted on doubt'],
    timeoutMs: 90_000,
  },
  {
    finding: '6. paging ignored and no total (CCR)',
    action: 'prune-tags',
    seed: ccrSeed,
    env: ccrRegistryEnv,
    inputs: ccrPrune,
    rules: [
      {
        method: 'GET',
        path: CCR_TAGS,
        rewrite: () => ({ json: { items: Array.from({ length: 100 }, (_, i) => ccrTagRecord(`old-${i}`)) } }),
      },
    ],
    expected: /list tags of team\/web: page 2 repeats old-0/,
    invariants: ['bounded time and memory', 'nothing deleted on doubt'],
    timeoutMs: 90_000,
  },
  {
    finding: '7. markup in tag names reaching the job summary',
    action: 'prune-tags',
    seed: swrSeed,
    inputs: swrPrune,
    rules: [
      swrListingWith(
        SWR_TAGS,
        ['`<img src=x onerror=alert(1)>`', '</details><h1>owned</h1>', '[link](https://evil.example)'].map(
          (t) => swrTagRecord(t),
        ),
      ),
    ],
    expected: 'succeeds',
    invariants: ['no runner command', 'nothing deleted on doubt'],
    allowedWrites: VALID_DELETES,
    check: ({ main }) => expect(main.summary).toContain('onerror'),
  },
  {
    finding: '8. namespace ".."',
    action: 'prune-tags',
    seed: swrSeed,
    inputs: (endpoint) => ({ ...swrPrune(endpoint), namespace: '..' }),
    expected: /Input 'namespace'/,
    invariants: ['no request off path', 'nothing deleted on doubt'],
    check: ({ proxy }) => expect(proxy.requests.filter((r) => r.path.includes('namespaces'))).toEqual([]),
  },
  {
    finding: '8. namespace ".." (CCR)',
    action: 'prune-tags',
    seed: ccrSeed,
    env: ccrRegistryEnv,
    inputs: (endpoint) => ({ ...ccrPrune(endpoint), namespace: '..' }),
    expected: /Input 'namespace'/,
    invariants: ['no request off path', 'nothing deleted on doubt'],
    check: ({ proxy }) => expect(proxy.requests).toEqual([]),
  },
];

describe.concurrent('prune-tags hostile-server matrix', () => {
  itEachHostileRow(rows);
});
