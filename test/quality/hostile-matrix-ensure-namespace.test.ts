// Hostile-server matrix of ensure-namespace: dist/ensure-namespace against the emulator behind a proxy
// that rewrites its answers (repository descriptions, member names, listed names and ids).
//
// | finding                                        | outcome                  | changed          |
// | ---------------------------------------------- | ------------------------ | ---------------- |
// | 1 commands in SWR repository descriptions      | check-only differs       | nothing          |
// | 1 commands in CCR member names                 | success                  | nothing          |
// | 2 CCR personal projectId "501/../502"          | clean failure            | nothing          |
// | 2 SWR repository ".." listed, state absent     | blocked                  | nothing          |
// | 4 the repository listing trickled in           | success after a retry    | nothing          |
// | 5 a 200 MiB repository listing page            | incomplete listing       | nothing          |
// | 6 repository paging ignored, no total          | incomplete listing       | nothing          |
// | 7 markup in a description reaching the summary | dry run succeeds         | nothing          |
import { describe, expect } from 'vitest';
import type { EmulatorSeed } from '../emulator/index.ts';
import { ccrEmulatorInputs, swrEmulatorInputs } from '../support/emulator-inputs.ts';
import { swrEndlessPages, swrListingWith } from './support/hostile-answers.ts';
import { type HostileRow, itEachHostileRow } from './support/hostile-job.ts';
import type { Answer } from './support/hostile-proxy.ts';
import { hostileText } from './support/runner-commands.ts';

const swrSeed: EmulatorSeed = {
  swr: {
    namespaces: [
      {
        name: 'team-a',
        repositories: [{ name: 'web', isPublic: false, description: 'front end', tags: [] }],
      },
    ],
  },
};
const ccrSeed: EmulatorSeed = {
  ccr: {
    personalProjects: [
      {
        id: 501,
        name: 'team-a',
        type: 'private',
        repoCount: 0,
        members: [{ userId: 'u1', userName: 'alice', role: 'admin' }],
      },
      { id: 502, name: 'team-b', type: 'private', repoCount: 0 },
    ],
  },
};

const REPOS = /^\/v2\/manage\/repos$/;
const swr = (endpoint: string) => ({ ...swrEmulatorInputs(endpoint), namespace: 'team-a' });
const ccr = (endpoint: string) => ({ ...ccrEmulatorInputs(endpoint), namespace: 'team-a' });

/** Rewrites the description of every listed SWR repository. */
function describedAs(description: string) {
  return {
    method: 'GET',
    path: REPOS,
    rewrite: (answer: Answer) => ({
      json: (answer.json as Array<Record<string, unknown>>).map((repository) => ({
        ...repository,
        description,
      })),
    }),
  };
}

/** Rewrites the CCR personal listing's records with `change`. */
function personalRecords(path: RegExp, change: (record: Record<string, unknown>) => Record<string, unknown>) {
  return {
    method: 'GET',
    path,
    rewrite: (answer: Answer) => {
      const body = answer.json as { result?: Array<Record<string, unknown>> };
      return { json: { ...body, result: (body.result ?? []).map(change) } };
    },
  };
}

const rows: HostileRow[] = [
  {
    finding: '1. runner commands in SWR repository descriptions (check-only lines)',
    action: 'ensure-namespace',
    seed: swrSeed,
    inputs: (endpoint) => ({
      ...swr(endpoint),
      repositories: 'web description="front end"',
      'check-only': 'true',
    }),
    rules: [describedAs(hostileText('description'))],
    expected: /check-only: namespace team-a differs from the declaration/,
    invariants: ['no runner command', 'nothing deleted on doubt'],
    check: ({ main }) => expect(main.log).toContain('description\\n::warning::INJECTED'),
  },
  {
    finding: '1. runner commands in CCR member names',
    action: 'ensure-namespace',
    seed: ccrSeed,
    inputs: (endpoint) => ({ ...ccr(endpoint), 'check-only': 'true' }),
    rules: [
      personalRecords(/^\/v1\/ccr\/projects\/501\/members$/, (m) => ({
        ...m,
        userName: hostileText('member'),
      })),
    ],
    expected: 'succeeds',
    invariants: ['no runner command', 'nothing deleted on doubt'],
  },
  {
    finding: '2. a CCR personal projectId "501/../502" from the listing',
    action: 'ensure-namespace',
    seed: ccrSeed,
    inputs: (endpoint) => ({ ...ccr(endpoint), state: 'absent' }),
    rules: [
      personalRecords(/^\/v1\/ccr\/projects$/, (p) =>
        p.projectName === 'team-a' ? { ...p, projectId: '501/../502' } : p,
      ),
    ],
    expected: /Refused CCR personal namespace id "501\/\.\.\/502"/,
    invariants: ['no request off path', 'nothing deleted on doubt'],
    check: ({ emu }) => {
      expect(emu.state.ccrPersonalProjects.has(501)).toBe(true);
      expect(emu.state.ccrPersonalProjects.has(502)).toBe(true);
    },
  },
  {
    finding: '2. an SWR repository ".." listed when the namespace is to go (state absent, force)',
    action: 'ensure-namespace',
    seed: swrSeed,
    inputs: (endpoint) => ({ ...swr(endpoint), state: 'absent', force: 'true' }),
    rules: [swrListingWith(REPOS, [{ name: '..', namespace: 'team-a', is_public: false, num_images: 0 }])],
    expected: /lists a repository "\.\." that .*nothing is deleted/,
    invariants: ['no request off path', 'nothing deleted on doubt'],
    check: ({ emu }) => expect(emu.state.swrNamespaces.get('team-a')?.repositories.has('web')).toBe(true),
  },
  {
    finding: '4. the repository listing trickled one byte every 200 ms',
    action: 'ensure-namespace',
    seed: swrSeed,
    inputs: (endpoint) => ({
      ...swr(endpoint),
      repositories: 'web description="front end"',
      'check-only': 'true',
    }),
    rules: [{ method: 'GET', path: REPOS, times: 1, delivery: { kind: 'trickle', everyMs: 200 } }],
    expected: 'succeeds',
    invariants: ['bounded time and memory', 'nothing deleted on doubt'],
    timeoutMs: 150_000,
  },
  {
    finding: '5. a 200 MiB repository listing page',
    action: 'ensure-namespace',
    seed: swrSeed,
    inputs: (endpoint) => ({ ...swr(endpoint), repositories: 'web', 'check-only': 'true' }),
    rules: [{ method: 'GET', path: REPOS, delivery: { kind: 'pad', bytes: 200 * 1024 * 1024 } }],
    expected: /list repositories of namespace team-a: a page was too large to read/,
    invariants: ['bounded time and memory', 'nothing deleted on doubt'],
    timeoutMs: 120_000,
  },
  {
    finding: '6. repository paging ignored and no total',
    action: 'ensure-namespace',
    seed: swrSeed,
    inputs: (endpoint) => ({ ...swr(endpoint), repositories: 'web', 'check-only': 'true' }),
    rules: [swrEndlessPages(REPOS, (i) => ({ name: `r-${i}`, namespace: 'team-a', is_public: false }))],
    expected: /list repositories of namespace team-a: page 2 repeats/,
    invariants: ['bounded time and memory', 'nothing deleted on doubt'],
    timeoutMs: 90_000,
  },
  {
    finding: '7. markup in a repository description reaching the job summary',
    action: 'ensure-namespace',
    seed: swrSeed,
    inputs: (endpoint) => ({
      ...swr(endpoint),
      repositories: 'web description="front end"',
      'dry-run': 'true',
    }),
    rules: [describedAs('`</details><h1>owned</h1><img src=x onerror=alert(1)>` [x](https://evil.example)')],
    expected: 'succeeds',
    invariants: ['no runner command', 'nothing deleted on doubt'],
    check: ({ main }) => expect(main.summary).toContain('onerror'),
  },
];

describe.concurrent('ensure-namespace hostile-server matrix', () => {
  itEachHostileRow(rows);
});
