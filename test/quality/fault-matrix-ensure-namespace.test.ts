// Fault matrix of ensure-namespace (SWR): dist/ensure-namespace run as the runner runs it, against a
// faulted emulator. Invariants in every row: the images already in the namespace stay, an incomplete
// listing changes nothing, and the step ends cleanly (success, or a clear ::error:: and no stack trace).
//
// | fault                               | outcome        | changes                      |
// | ----------------------------------- | -------------- | ---------------------------- |
// | 429 storm, 503 burst, drops, hang   | success        | repository api, bob read     |
// | malformed JSON / lying Content-Range| clean failure  | none (no write call at all)  |
// | 401 on the first write              | clean failure  | none; web keeps its 3 tags   |
import { describe, expect } from 'vitest';
import type { Emulator, EmulatorSeed } from '../emulator/index.ts';
import { swrEmulatorInputs } from '../support/emulator-inputs.ts';
import type { FaultRow } from './support/fault-job.ts';
import { itEachFaultRow } from './support/fault-matrix.ts';
import { transientFaultRows } from './support/fault-rows.ts';

const WEB_TAGS = ['latest', 'v1', 'v2'];

// Namespace team holds web (3 tags); the declaration adds repository api and grants bob read.
const seed: EmulatorSeed = {
  swr: {
    namespaces: [{ name: 'team', repositories: [{ name: 'web', tags: WEB_TAGS.map((tag) => ({ tag })) }] }],
  },
};

const matrix: FaultRow[] = [
  ...transientFaultRows({
    rateLimit: 'every call waits the Retry-After it is given',
    burst: 'the namespace lookup is retried with backoff',
    hang: 'the lookup GET times out and is retried',
    drop: 'a reset GET is retried',
  }),
  {
    fault: 'malformed JSON',
    faults: { malformedJson: { next: 1 } },
    expected: /SWR look up namespace team .*not JSON/,
    because: 'an unreadable answer stops the run before any change',
  },
  {
    fault: 'lying Content-Range',
    faults: { routes: [{ method: 'GET', path: '/v2/manage/repos', lieContentRange: true }] },
    expected: /list repositories of namespace team: .*the listing is incomplete, so nothing was changed/,
    because: 'a repository listing short of its total changes nothing',
  },
  {
    fault: '401 mid-run (on the first write)',
    faults: { unauthorized: { after: 3 } },
    expected: /→ 401 .*access-key-id, secret-access-key/,
    because: 'the refused call is named with the credentials to check',
  },
];

const namespaceOf = (emu: Emulator) => emu.state.swrNamespaces.get('team');
const writes = (emu: Emulator) => emu.requests.filter((r) => r.method !== 'GET');

function ensure(emu: Emulator): Record<string, string> {
  return {
    ...swrEmulatorInputs(emu.url),
    namespace: 'team',
    repositories: 'web\napi',
    permissions: 'bob read id=u-bob',
  };
}

describe.concurrent('ensure-namespace fault matrix', () => {
  itEachFaultRow(matrix, { seed, action: 'ensure-namespace', inputs: ensure }, ({ row, emu }) => {
    const ns = namespaceOf(emu);
    expect([...(ns?.repositories.get('web')?.tags.keys() ?? [])].sort()).toEqual(WEB_TAGS);
    if (row.expected === 'succeeds') {
      expect(ns?.repositories.has('api')).toBe(true);
      expect(ns?.access.get('u-bob')).toMatchObject({ userName: 'bob', auth: 1 });
    }
    if (row.fault.includes('Content-Range') || row.fault.includes('malformed')) {
      expect(writes(emu), 'an incomplete read changes nothing').toEqual([]);
    }
  });
});
