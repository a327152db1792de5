// What main hands to post: the lease this job may hold and the public-access status to put back. No secret.
import * as core from '@actions/core';

export interface SyncWhitelistState {
  instanceId: string;
  owner: string;
  /** Saved before the lease is written, so a step cancelled mid-write still gets cleaned up. */
  lease?: { address: string; holder: string; text: string };
  /** Saved before public access is changed; post sends this action if the status differs. */
  restorePublicAccess?: 'open' | 'close';
}

const KEY = 'sync-whitelist';

/** Saves the state for post (core.saveState, JSON); later saves replace earlier ones. */
export function saveSyncWhitelistState(state: SyncWhitelistState): void {
  core.saveState(KEY, JSON.stringify(state));
}

/** The state main saved; undefined when main got no further than its inputs. */
export function readSyncWhitelistState(raw: string = core.getState(KEY)): SyncWhitelistState | undefined {
  if (raw.trim() === '') return undefined;
  const parsed: unknown = JSON.parse(raw);
  return isSyncWhitelistState(parsed) ? parsed : undefined;
}

function isSyncWhitelistState(value: unknown): value is SyncWhitelistState {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  const lease = v.lease as Record<string, unknown> | undefined;
  return (
    typeof v.instanceId === 'string' &&
    typeof v.owner === 'string' &&
    (lease === undefined ||
      (typeof lease === 'object' &&
        lease !== null &&
        typeof lease.address === 'string' &&
        typeof lease.holder === 'string' &&
        typeof lease.text === 'string')) &&
    (v.restorePublicAccess === undefined ||
      v.restorePublicAccess === 'open' ||
      v.restorePublicAccess === 'close')
  );
}
