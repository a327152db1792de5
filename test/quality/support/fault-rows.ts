// The rows every action's fault matrix shares: transient faults the client rides out.
import type { FaultRow } from './fault-job.ts';

/** Why each transient fault is ridden out, in the action's own words. */
export interface TransientReasons {
  rateLimit: string;
  burst: string;
  hang: string;
  drop: string;
}

/** The four transient-fault rows (429 storm, 503 burst, one hang, two drops); each expects success. */
export function transientFaultRows(because: TransientReasons): FaultRow[] {
  return [
    {
      fault: '429 storm with Retry-After',
      faults: { rateLimit: { capacity: 1, refillPerSecond: 2 } },
      expected: 'succeeds',
      because: because.rateLimit,
    },
    {
      fault: '503 burst (2 answers)',
      faults: { error: { next: 2 }, errorStatus: 503 },
      expected: 'succeeds',
      because: because.burst,
    },
    {
      fault: 'no answer past the 30 s timeout (once)',
      faults: { hang: { next: 1 } },
      expected: 'succeeds',
      because: because.hang,
      slow: true,
    },
    {
      fault: 'dropped connections (2)',
      faults: { drop: { next: 2 } },
      expected: 'succeeds',
      because: because.drop,
    },
  ];
}
