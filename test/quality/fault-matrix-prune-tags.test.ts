// Fault matrix of prune-tags (SWR): dist/prune-tags run as the runner runs it, against a faulted emulator.
// Invariants in every row: no image a kept tag needs is lost, an incomplete listing deletes nothing,
// and the step ends cleanly (a clear ::error:: and no stack trace, or success).
//
// | fault                               | outcome        | deleted            |
// | ----------------------------------- | -------------- | ------------------ |
// | 429 storm (Retry-After 1 s)         | success        | ci-0…ci-5          |
// | 503 burst, 2 drops, one 30 s hang   | success        | ci-0…ci-5          |
// | malformed JSON / lying Content-Range| clean failure  | nothing            |
// | 401 after the listing               | clean failure  | nothing (stopped)  |
// latest and ci-old (shares latest's digest) survive every row.
import { describe, expect } from 'vitest';
import type { Emulator, EmulatorSeed } from '../emulator/index.ts';
import { swrEmulatorInputs } from '../support/emulator-inputs.ts';
import type { FaultRow } from './support/fault-job.ts';
import { itEachFaultRow } from './support/fault-matrix.ts';
import { transientFaultRows } from './support/fault-rows.ts';

const DAY = 86_400_000;
const at = (days: number) => {
  const time = new Date(Date.now() - days * DAY).toISOString();
  return { created: time, updated: time };
};

// The plan: keep `latest` (rule), protect `ci-old` (same digest as latest), delete ci-0…ci-5.
const seed: EmulatorSeed = {
  swr: {
    namespaces: [
      {
        name: 'team',
        repositories: [
          {
            name: 'web',
            tags: [
              { tag: 'latest', digest: 'sha256:aaa', ...at(1) },
              { tag: 'ci-old', digest: 'sha256:aaa', ...at(40) },
              ...Array.from({ length: 6 }, (_, i) => ({
                tag: `ci-${i}`,
                digest: `sha256:c${i}`,
                ...at(41 + i),
              })),
            ],
          },
        ],
      },
    ],
  },
};
const KEPT = ['ci-old', 'latest'];
const PLANNED = ['ci-0', 'ci-1', 'ci-2', 'ci-3', 'ci-4', 'ci-5'];
const TAGS_PATH = '/v2/manage/namespaces/team/repos/web/tags';

const matrix: FaultRow[] = [
  ...transientFaultRows({
    rateLimit: 'every call waits the Retry-After it is given, then all planned tags go',
    burst: 'the listing is retried with backoff',
    hang: 'the listing GET times out and is retried',
    drop: 'a reset GET is retried',
  }),
  {
    fault: 'malformed JSON listing',
    faults: { routes: [{ method: 'GET', path: TAGS_PATH, malformedJson: true }] },
    expected: /list tags of team\/web .*not JSON/,
    because: 'a listing it cannot read is incomplete: nothing is deleted',
  },
  {
    fault: 'lying Content-Range',
    faults: { routes: [{ method: 'GET', path: TAGS_PATH, lieContentRange: true, lieContentRangeExtra: 5 }] },
    expected:
      /collected 8 records but Content-Range reported 13; the listing is incomplete, so nothing was changed/,
    because: 'fewer tags than announced: nothing is deleted',
  },
  {
    fault: '401 mid-run (after the listing)',
    faults: { unauthorized: { after: 1 } },
    expected:
      /^Stopped after the registry refused the credentials \(401\) deleting web:ci-\d: 0 of 6 deletions done, \d refused, \d not attempted\. SWR .*→ 401 .*access-key-id, secret-access-key/,
    because: 'no deletion starts after the refusal; the error says so once, with the credentials to check',
  },
];

const tagsOf = (emu: Emulator) =>
  [...(emu.state.swrNamespaces.get('team')?.repositories.get('web')?.tags.keys() ?? [])].sort();

function prune(emu: Emulator): Record<string, string> {
  return {
    ...swrEmulatorInputs(emu.url),
    namespace: 'team',
    repositories: 'web',
    keep: 'latest',
    'older-than': '30d',
    'keep-last': '0',
  };
}

describe.concurrent('prune-tags fault matrix', () => {
  itEachFaultRow(matrix, { seed, action: 'prune-tags', inputs: prune }, ({ row, emu, main }) => {
    const tags = tagsOf(emu);
    expect(tags).toEqual(expect.arrayContaining(KEPT));
    if (row.expected === 'succeeds') {
      expect(tags).toEqual(KEPT);
      expect(JSON.parse(main.outputs.deleted!).sort()).toEqual(PLANNED.map((t) => `web:${t}`));
    }
    const listedEverything = emu.requests.some((r) => r.method === 'DELETE');
    if (row.fault.startsWith('401')) {
      expect(tags, 'a refused run deletes nothing').toHaveLength(8);
      expect(JSON.parse(main.outputs.deleted!)).toEqual([]);
      const hints = main.errors[0]!.match(/access-key-id, secret-access-key/g);
      expect(hints, 'the hint is given once').toHaveLength(1);
      const deletes = emu.requests.filter((r) => r.method === 'DELETE').length;
      expect(deletes, 'no deletion starts after the refusal').toBeLessThan(PLANNED.length);
    }
    if (row.fault.includes('Content-Range') || row.fault.includes('malformed')) {
      expect(listedEverything, 'an incomplete listing deletes nothing').toBe(false);
      expect(tags).toHaveLength(8);
    }
  });
});
