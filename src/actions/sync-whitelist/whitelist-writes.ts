// Applies allowlist changes through the provider's calls. There is no update: a rewrite is add + delete.
import { ApiError } from '../../core/errors/errors.ts';
import type { InstanceAllowlist, WhitelistItem } from '../../providers/seam/allowlist.ts';

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
  list: InstanceAllowlist,
  item: WhitelistItem,
  replaces: readonly WhitelistItem[],
  onAdd: (outcome: AddOutcome) => void = () => {},
): Promise<void> {
  const sameForm = replaces.filter((old) => old.ipAddr === item.ipAddr);
  const otherForms = replaces.filter((old) => old.ipAddr !== item.ipAddr);
  if (sameForm.length > 0) await list.remove(addrs(sameForm));
  try {
    await addReporting(list, item, onAdd);
  } catch (error) {
    const [oldForm] = otherForms;
    if (!oldForm || !isClientError(error)) throw error;
    if (await hasEntry(list, item.ipAddr)) throw error; // a concurrent writer got there first
    await replaceInPlace(list, { ...item, ipAddr: oldForm.ipAddr }, otherForms, onAdd);
    return;
  }
  if (otherForms.length > 0) await list.remove(addrs(otherForms));
}

async function addReporting(
  list: InstanceAllowlist,
  item: WhitelistItem,
  onAdd: (outcome: AddOutcome) => void,
): Promise<void> {
  try {
    await list.add(item);
  } catch (error) {
    onAdd(failedAddOutcome(error));
    throw error;
  }
  onAdd('added');
}

async function replaceInPlace(
  list: InstanceAllowlist,
  item: WhitelistItem,
  replaces: readonly WhitelistItem[],
  onAdd: (outcome: AddOutcome) => void,
): Promise<void> {
  await list.remove(addrs(replaces));
  try {
    await addReporting(list, item, onAdd);
  } catch (error) {
    for (const old of replaces) await list.add(old).catch(() => undefined);
    throw error;
  }
}

async function hasEntry(list: InstanceAllowlist, ipAddr: string): Promise<boolean> {
  const { whitelist } = await list.read();
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
