// What main hands to post: the lease this job may hold and the public-access status to put back. No secret.
import { readJsonState, saveJsonState } from '../../core/action/saved-state.ts';
import { isRecord } from '../../core/types/is-record.ts';
import type { AddOutcome } from './whitelist-writes.ts';

/**
 * What became of main's lease write. 'unknown' is saved before the write (a step cancelled mid-write
 * still gets cleaned up) and stays when an add got no clear answer; 'added' once an add was confirmed;
 * 'refused' when every add was refused, or the registry refused the calls before any add was sent;
 * 'covered' when the job joined a lease kept until its expiry without writing (post only tidies up).
 */
export type LeaseWrite = 'added' | 'unknown' | 'refused' | 'covered';

export interface LeaseState {
  address: string;
  holder: string;
  text: string;
  write: LeaseWrite;
}

export interface SyncWhitelistState {
  instanceId: string;
  owner: string;
  /** Saved before the lease is written, so a step cancelled mid-write still gets cleaned up. */
  lease?: LeaseState;
  /** Saved before public access is changed; post sends this action if the status differs. */
  restorePublicAccess?: 'open' | 'close';
}

const KEY = 'sync-whitelist';
const WRITES: readonly unknown[] = ['added', 'unknown', 'refused', 'covered'] satisfies LeaseWrite[];

/** How main's lease write ended when the lease loop failed, from the outcome of each add it sent. */
export function leaseWriteAfterFailure(adds: readonly AddOutcome[]): LeaseWrite {
  if (adds.includes('added')) return 'added';
  return adds.includes('unknown') ? 'unknown' : 'refused';
}

/** True when an allowlist entry listing this job may remain on the instance. */
export function mayRemain(lease: LeaseState): boolean {
  return lease.write === 'added' || lease.write === 'unknown';
}

/** Saves the state for post; later saves replace earlier ones. */
export function saveSyncWhitelistState(state: SyncWhitelistState): void {
  saveJsonState(KEY, state);
}

/** The state main saved; undefined when main got no further than its inputs. */
export function readSyncWhitelistState(raw?: string): SyncWhitelistState | undefined {
  return readJsonState(KEY, isSyncWhitelistState, raw);
}

function isSyncWhitelistState(value: unknown): value is SyncWhitelistState {
  if (!isRecord(value)) return false;
  return (
    typeof value.instanceId === 'string' &&
    typeof value.owner === 'string' &&
    (value.lease === undefined || isLeaseState(value.lease)) &&
    (value.restorePublicAccess === undefined ||
      value.restorePublicAccess === 'open' ||
      value.restorePublicAccess === 'close')
  );
}

function isLeaseState(value: unknown): value is LeaseState {
  if (!isRecord(value)) return false;
  return (
    typeof value.address === 'string' &&
    typeof value.holder === 'string' &&
    typeof value.text === 'string' &&
    WRITES.includes(value.write)
  );
}
