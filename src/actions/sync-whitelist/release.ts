// Post step: release the runner lease this job took and restore public access if asked, from saved state
// only. Each undo is tried on its own, whatever failed before it (even connecting). Transient failures are
// retried (by the HTTP client and the lease loop); what still cannot be undone is named in one warning per
// undo: the job's result stays as main left it, and the lease expires on its own.
import { InputReader } from '../../core/action/input-reader.ts';
import { errorMessage } from '../../core/errors/errors.ts';
import { parseHostAddress } from '../../core/net/ip-network.ts';
import { logInfo, logWarning } from '../../core/output/log.ts';
import { shown } from '../../core/output/shown.ts';
import type { InstanceAllowlist, WhitelistItem } from '../../providers/seam/allowlist.ts';
import { chooseAllowlist } from './inputs.ts';
import { type LeaseLoopOptions, runLease } from './lease.ts';
import { statusMatches } from './public-access.ts';
import { type SavedUndos, savedUndos } from './release-plan.ts';
import { type LeaseState, mayRemain, readSyncWhitelistState, type SyncWhitelistState } from './state.ts';

export interface ReleaseOptions {
  state?: SyncWhitelistState | undefined;
  /** The instance's allowlist on a connected client (default: from the step's inputs). */
  connect?: () => Promise<InstanceAllowlist>;
  loop?: LeaseLoopOptions;
}

/** Post has little time: fewer HTTP retries per call, and half a minute for the lease loop. */
const POST_RETRY = { maxAttempts: 3, maxElapsedMs: 15_000 };
const POST_BUDGET_MS = 30_000;

/** The post step of sync-whitelist. */
export async function releaseWhitelist(options: ReleaseOptions = {}): Promise<void> {
  const undos = savedUndos('state' in options ? options.state : readSyncWhitelistState());
  if (undos) await undo(undos, options);
}

/** Releases the lease and restores public access, as `undos` says. */
export async function undo(
  { state, lease: leaseToRelease, publicAccess }: SavedUndos,
  options: Omit<ReleaseOptions, 'state'> = {},
): Promise<void> {
  const connect = options.connect ?? connectForPost;
  // Each undo connects on its own (a failed connect is tried again), so one failure never skips another.
  let client: Promise<InstanceAllowlist> | undefined;
  const api = (): Promise<InstanceAllowlist> => {
    client ??= connect().catch((error: unknown) => {
      client = undefined;
      throw error;
    });
    return client;
  };
  if (leaseToRelease)
    await undoLease(api, state, leaseToRelease, { budgetMs: POST_BUDGET_MS, ...options.loop });
  if (publicAccess) await undoPublicAccess(api, state, publicAccess);
}

async function connectForPost(): Promise<InstanceAllowlist> {
  const reader = new InputReader();
  const target = chooseAllowlist(reader).allowlist.read(reader);
  return target.allowlist(await target.connect({ http: { retry: POST_RETRY } }));
}

async function undoLease(
  api: () => Promise<InstanceAllowlist>,
  state: SyncWhitelistState,
  lease: LeaseState,
  loop: LeaseLoopOptions,
): Promise<void> {
  let problem: string;
  let seen: WhitelistItem[] = [];
  try {
    const network = parseHostAddress(lease.address);
    if (!network) throw new Error(`the saved address ${lease.address} is not a host address`);
    const request = { network, holder: lease.holder, owner: state.owner, text: lease.text, leaseMs: 0 };
    const outcome = await runLease(await api(), request, 'leave', loop);
    const what = outcome.written.length > 0 ? outcome.written.join('; ') : outcome.reason;
    if (outcome.status === 'released') {
      logInfo(shown`Runner lease for ${lease.address} released (${lease.holder}): ${what}.`);
      return;
    }
    if (outcome.status === 'kept') {
      // Named on a lease that cannot be rewritten safely: it stays until its expiry rather than risk a gap.
      warnLeftBehind(lease, sentence(what));
      return;
    }
    problem = sentence(outcome.reason);
    seen = outcome.lastSeen;
  } catch (error) {
    problem = sentence(errorMessage(error));
  }
  if (!mayRemain(lease)) {
    logInfo(
      shown`Runner lease for ${lease.address}: this job wrote nothing to release; not checked further (${problem})`,
    );
    return;
  }
  warnLeftBehind(
    lease,
    `Could not release the runner lease for ${lease.address} on instance ${state.instanceId}: ${problem}`,
    seen,
  );
}

function warnLeftBehind(lease: LeaseState, why: string, seen: readonly WhitelistItem[] = []): void {
  // Two texts listed: a rewrite this step began and could not finish; both go with the lease.
  const both = seen.length > 1 ? ` (listed as ${seen.map((item) => item.ipAddr).join(' and ')})` : '';
  // 'unknown': main's add got no clear answer, so the entry may or may not be there.
  const left =
    lease.write === 'unknown'
      ? `Possibly left behind (main's lease write got no clear answer): allowlist entry ${lease.address}${both} listing ${lease.holder}; if present, it stays`
      : `Left behind: allowlist entry ${lease.address}${both} listing ${lease.holder}; it stays`;
  logWarning(
    shown`${`${why} ${left} until its lease expires and a scheduled run with mode: sweep removes it (or delete it in the console).`}`,
  );
}

async function undoPublicAccess(
  api: () => Promise<InstanceAllowlist>,
  state: SyncWhitelistState,
  action: 'open' | 'close',
): Promise<void> {
  try {
    const client = await api();
    const { status } = await client.read();
    const needed = !statusMatches(status, action);
    if (needed) await client.setPublicAccess(action);
    const result = action === 'open' ? 'open' : 'closed';
    logInfo(
      shown`Public access of ${state.instanceId} ${needed ? `restored: ${result} again` : `already ${result}`}.`,
    );
  } catch (error) {
    const left = action === 'close' ? 'open' : 'closed';
    logWarning(
      shown`${
        `Could not restore public access of instance ${state.instanceId} (${action}): ${sentence(errorMessage(error))} ` +
        `Left behind: public access ${left}; ${action} it in the console or with public-access: ${action}.`
      }`,
    );
  }
}

/** Ends `text` with exactly one period (error messages often end with one already). */
function sentence(text: string): string {
  return /[.!?]$/.test(text.trimEnd()) ? text.trimEnd() : `${text.trimEnd()}.`;
}
