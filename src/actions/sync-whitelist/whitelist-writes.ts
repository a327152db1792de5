// Applies allowlist changes through the CCR client. The API has no update: a rewrite is add + delete.
import { ApiError } from '../../core/errors/errors.ts';
import type { ApiClient } from '../../core/http/types.ts';
import {
  addWhitelistItem,
  deleteWhitelistItems,
  getPublicLinks,
  type WhitelistItem,
} from '../../providers/ccr/public-links.ts';

/** What became of one add call: answered 2xx, answered 4xx (nothing added), or no telling (no answer, 5xx). */
export type AddOutcome = 'added' | 'refused' | 'unknown';

/** The outcome of an add call that threw `error`. */
export function failedAddOutcome(error: unknown): AddOutcome {
  return error instanceof ApiError && error.status >= 400 && error.status < 500 ? 'refused' : 'unknown';
}

/**
 * Writes `item` and removes `replaces`. When `item` uses a form not among `replaces` (`1.2.3.4` vs
 * `1.2.3.4/32`) the new entry is added first, so the address never drops out. Should the API refuse that
 * second form while the first exists, it falls back to delete-then-add under the old form, and puts the
 * old entries back if even that add fails. `onAdd` hears how each add of `item` (in either form) went.
 */
export async function writeReplacing(
  api: ApiClient,
  instanceId: string,
  item: WhitelistItem,
  replaces: readonly WhitelistItem[],
  onAdd: (outcome: AddOutcome) => void = () => {},
): Promise<void> {
  const sameForm = replaces.filter((old) => old.ipAddr === item.ipAddr);
  const otherForms = replaces.filter((old) => old.ipAddr !== item.ipAddr);
  if (sameForm.length > 0) await deleteWhitelistItems(api, instanceId, addrs(sameForm));
  try {
    await addReporting(api, instanceId, item, onAdd);
  } catch (error) {
    if (otherForms.length === 0 || !isClientError(error)) throw error;
    if (await hasEntry(api, instanceId, item.ipAddr)) throw error; // a concurrent writer got there first
    await replaceInPlace(api, instanceId, { ...item, ipAddr: otherForms[0]!.ipAddr }, otherForms, onAdd);
    return;
  }
  if (otherForms.length > 0) await deleteWhitelistItems(api, instanceId, addrs(otherForms));
}

async function addReporting(
  api: ApiClient,
  instanceId: string,
  item: WhitelistItem,
  onAdd: (outcome: AddOutcome) => void,
): Promise<void> {
  try {
    await addWhitelistItem(api, instanceId, item);
  } catch (error) {
    onAdd(failedAddOutcome(error));
    throw error;
  }
  onAdd('added');
}

async function replaceInPlace(
  api: ApiClient,
  instanceId: string,
  item: WhitelistItem,
  replaces: readonly WhitelistItem[],
  onAdd: (outcome: AddOutcome) => void,
): Promise<void> {
  await deleteWhitelistItems(api, instanceId, addrs(replaces));
  try {
    await addReporting(api, instanceId, item, onAdd);
  } catch (error) {
    for (const old of replaces) await addWhitelistItem(api, instanceId, old).catch(() => undefined);
    throw error;
  }
}

async function hasEntry(api: ApiClient, instanceId: string, ipAddr: string): Promise<boolean> {
  const { whitelist } = await getPublicLinks(api, instanceId);
  return whitelist.some((entry) => entry.ipAddr === ipAddr);
}

/** A 4xx that is neither auth, not-found nor throttling: the request itself was refused (e.g. a duplicate). */
export function isClientError(error: unknown): error is ApiError {
  return (
    error instanceof ApiError &&
    error.status >= 400 &&
    error.status < 500 &&
    ![401, 403, 404, 429].includes(error.status)
  );
}

/** Worth another attempt later: a server error, throttling or no answer at all. */
export function isTransient(error: unknown): error is ApiError {
  return error instanceof ApiError && (error.status === 0 || error.status === 429 || error.status >= 500);
}

function addrs(items: readonly WhitelistItem[]): string[] {
  return items.map((item) => item.ipAddr);
}
