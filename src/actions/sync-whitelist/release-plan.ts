// What sync-whitelist's post step has to undo, from saved state alone: the step reads it before it loads the
// code that connects and undoes (./release.ts), so a job with nothing to undo never loads that code.
import { logInfo } from '../../core/output/log.ts';
import { shown } from '../../core/output/shown.ts';
import type { LeaseState, SyncWhitelistState } from './state.ts';

/** The undos of one post step: the lease to release, public access to restore (at least one of them). */
export interface SavedUndos {
  state: SyncWhitelistState;
  lease: LeaseState | undefined;
  publicAccess: 'open' | 'close' | undefined;
}

/** What `state` leaves to undo; undefined, said in the log, when nothing. */
export function savedUndos(state: SyncWhitelistState | undefined): SavedUndos | undefined {
  const lease = state?.lease;
  if (lease?.write === 'refused') {
    logInfo(
      shown`Runner lease for ${lease.address}: nothing to release; the registry refused main's lease write (or the calls before it), so this job added nothing.`,
    );
  }
  // A job that joined without writing still looks: the next holder's post removes an expired lease.
  const leaseToRelease = lease && lease.write !== 'refused' ? lease : undefined;
  if (!state || (!leaseToRelease && !state.restorePublicAccess)) {
    logInfo(shown`Nothing to undo: this job holds no runner lease and changed no public access to restore.`);
    return undefined;
  }
  return { state, lease: leaseToRelease, publicAccess: state.restorePublicAccess };
}
