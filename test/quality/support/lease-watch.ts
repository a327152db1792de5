// What a watcher polling the allowlist checks while jobs behind one address take and release runner
// leases. Pure: one poll's allowlist and the jobs running at that moment in, the broken invariants out.
import { type LeaseMark, parseDescription } from '../../../src/actions/sync-whitelist/marker.ts';
import { parseNetwork } from '../../../src/core/net/ip-network.ts';

export interface AllowlistEntry {
  ipAddr: string;
  description: string;
}

/** A job between the end of its successful main and the start of its post step. */
export interface RunningJob {
  /** The holder id main saved for post. */
  holder: string;
  /** When main started (ms since epoch): the lease it asked for runs at least lease-duration from then. */
  mainStartedAt: number;
}

export interface PollContext {
  /** The one address every job leases, normalised (`198.51.100.7`). */
  address: string;
  owner: string;
  leaseMs: number;
  now: number;
}

/** Names of the invariants a poll can break. */
export type PollViolation = 'gap' | 'unprotected' | 'expiry-too-late';

/** The marker precision: expiries are written to the minute, rounded up. */
const MINUTE = 60_000;

/** This owner's lease entries for the address, with their markers. */
export function ownLeases(
  entries: readonly AllowlistEntry[],
  context: Pick<PollContext, 'address' | 'owner'>,
) {
  return entries.flatMap((entry) => {
    const mark = parseDescription(entry.description).mark;
    const parsed = parseNetwork(entry.ipAddr, { rejectHostBits: false });
    const forAddress = parsed.ok && parsed.network.text === context.address;
    return forAddress && mark?.kind === 'lease' && mark.owner === context.owner ? [{ entry, mark }] : [];
  });
}

/**
 * Checks one poll:
 * - `gap`: a job is running and no entry lets the address in (its pushes and pulls are refused);
 * - `unprotected`: a running job is neither named on a lease entry nor covered by an entry that nobody
 *   removes before its expiry (one with unnamed holders, `+N`) lasting its lease-duration: the next post
 *   step could remove the entry while it still runs;
 * - `expiry-too-late`: a lease runs longer than lease-duration from now (plus the minute rounding).
 * Each kind is reported once per poll.
 */
export function checkPoll(
  entries: readonly AllowlistEntry[],
  running: readonly RunningJob[],
  context: PollContext,
): PollViolation[] {
  const violations: PollViolation[] = [];
  const forAddress = entries.filter((entry) => {
    const parsed = parseNetwork(entry.ipAddr, { rejectHostBits: false });
    return parsed.ok && parsed.network.text === context.address;
  });
  if (running.length > 0 && forAddress.length === 0) violations.push('gap');
  const leases = ownLeases(entries, context).map((lease) => lease.mark);
  if (running.some((job) => !isProtected(job, leases, context.leaseMs))) violations.push('unprotected');
  if (leases.some((mark) => mark.until.getTime() > context.now + context.leaseMs + MINUTE))
    violations.push('expiry-too-late');
  return violations;
}

function isProtected(job: RunningJob, leases: readonly LeaseMark[], leaseMs: number): boolean {
  return leases.some(
    (mark) =>
      mark.holders.includes(job.holder) ||
      (mark.overflow > 0 && mark.until.getTime() >= job.mainStartedAt + leaseMs),
  );
}
