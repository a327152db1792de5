// Fault matrix of sync-whitelist (CCR enterprise runner lease): dist/sync-whitelist main and post run as
// the runner runs them, against a faulted emulator (faults stay on during post). Invariants in every row:
// hand-made allowlist entries stay, the post step runs (also after a failed main), and afterwards no
// entry holding this job's lease remains unless a post warning names it.
//
// | fault                               | outcome        | allowlist after post                       |
// | ----------------------------------- | -------------- | ------------------------------------------ |
// | 429 storm, 503 burst, drops, hang   | success        | office only (lease added, then released)   |
// | lying total (unpaged allowlist)     | success        | office only                                |
// | malformed JSON                      | clean failure  | office only (nothing added)                |
// | 401 before the lease write          | clean failure  | office only, no warning (nothing added)    |
// | 401 on the lease write              | clean failure  | office only, no warning (write refused)    |
// | 401 after the lease, also in post   | clean failure  | office + the lease, named in a warning     |
import { describe, expect } from 'vitest';
import { DEFAULT_CCR_INSTANCE, type Emulator, type EmulatorSeed } from '../emulator/index.ts';
import { ccrEmulatorInputs } from '../support/emulator-inputs.ts';
import { expectCleanPost, type FaultRow } from './support/fault-job.ts';
import { itEachFaultRow } from './support/fault-matrix.ts';
import { transientFaultRows } from './support/fault-rows.ts';

const instanceId = DEFAULT_CCR_INSTANCE.id;
const RUNNER = '198.51.100.7';
/** The harness runs every job as run 1001, attempt 1: leases of this job name holder `1001-1.<id>`. */
const THIS_JOB = '1001-1.';
const office = { ipAddr: '10.0.0.0/8', description: 'office' };

const seed: EmulatorSeed = {
  ccr: { instances: [{ id: instanceId, publicLinks: { status: 'opened', whitelist: [office] } }] },
};

const matrix: FaultRow[] = [
  ...transientFaultRows({
    rateLimit: 'every call waits the Retry-After it is given; post releases the lease',
    burst: 'the allowlist read is retried with backoff',
    hang: 'the allowlist read times out and is retried',
    drop: 'a reset GET is retried',
  }),
  {
    fault: 'malformed JSON',
    faults: { malformedJson: { next: 1 } },
    expected: /CCR read public access of instance ccr-emu00001 .*not JSON/,
    because: 'an unreadable allowlist stops the run before any change',
  },
  {
    fault: 'lying totals (the allowlist is not paged)',
    faults: { lieContentRange: true },
    expected: 'succeeds',
    because: 'the allowlist comes in one answer, so a wrong total is ignored',
  },
  {
    fault: '401 before the lease write, also in post',
    faults: { unauthorized: { after: 1 } },
    expected: /CCR read public access of instance ccr-emu00001 .*→ 401 .*access-key-id, secret-access-key/,
    because: 'main never wrote the lease, so post has nothing to release and warns of nothing',
  },
  {
    fault: '401 on the lease write, also in post',
    faults: { unauthorized: { after: 2 } },
    expected: /CCR add 198\.51\.100\.7 to the public allowlist .*→ 401 .*access-key-id, secret-access-key/,
    because: 'the refused write added nothing, so post has nothing to release and warns of nothing',
  },
  {
    fault: '401 mid-run (after the lease was added), also in post',
    faults: { unauthorized: { after: 3 } },
    expected: /→ 401 .*access-key-id, secret-access-key/,
    because: 'main names the refused call; post cannot release the lease and warns naming it',
  },
];

const allowlist = (emu: Emulator) => emu.state.ccrInstances.get(instanceId)!.whitelist.map((e) => ({ ...e }));

function lease(emu: Emulator): Record<string, string> {
  return {
    ...ccrEmulatorInputs(emu.url),
    'instance-id': instanceId,
    'runner-ip': RUNNER,
  };
}

describe.concurrent('sync-whitelist fault matrix', () => {
  itEachFaultRow(matrix, { seed, action: 'sync-whitelist', inputs: lease }, ({ row, emu, main, post }) => {
    expectCleanPost(post);
    const entries = allowlist(emu);
    expect(entries).toContainEqual(office);
    const orphans = entries.filter((entry) => entry.description.includes(THIS_JOB));
    for (const orphan of orphans) {
      expect(post.warnings.join('\n'), 'a lease left behind is named').toContain(orphan.ipAddr);
    }
    // With 401 also in post, the lease main added cannot go: the warning path above is exercised.
    if (row.fault.startsWith('401 mid-run')) {
      expect(orphans.map((o) => o.ipAddr)).toEqual([RUNNER]);
      expect(post.warnings, 'one sentence, one period').toEqual([expect.not.stringMatching(/\.\./)]);
    }
    // A lease that was never added is no loss: no false alarm.
    if (row.fault.startsWith('401 before') || row.fault.startsWith('401 on')) {
      expect(orphans).toEqual([]);
      expect(post.warnings).toEqual([]);
    }
    if (row.expected === 'succeeds') {
      expect(JSON.parse(main.outputs.added!)).toEqual([RUNNER]);
      expect(orphans).toEqual([]);
      expect(entries).toEqual([office]);
      expect(post.warnings).toEqual([]);
    }
  });
});
