// How the CCR public allowlist treats the spellings of one host and deletes of absent addresses: the
// API reference is silent on both, so the emulator offers each plausible behaviour (seed `whitelistRules`).

/**
 * `distinct` (default): `1.2.3.4` and `1.2.3.4/32` are two texts and may both be listed; an add fails
 * only when the very same text is listed. `same-entry`: a host and its full-prefix form name one entry:
 * adding one while the other is listed is refused as a duplicate, and a delete naming either removes it.
 * `bare-only`: the full-prefix form of a single host is refused as an invalid address.
 */
export type HostForms = 'distinct' | 'same-entry' | 'bare-only';

/** `ignored` (default): a delete naming an address that is not listed succeeds; `not-found`: it answers 404. */
export type DeleteAbsent = 'ignored' | 'not-found';

export interface WhitelistRules {
  hostForms: HostForms;
  deleteAbsent: DeleteAbsent;
}

export const DEFAULT_WHITELIST_RULES: WhitelistRules = { hostForms: 'distinct', deleteAbsent: 'ignored' };

const HOST_FORMS: readonly string[] = ['distinct', 'same-entry', 'bare-only'] satisfies HostForms[];
const DELETE_ABSENT: readonly string[] = ['ignored', 'not-found'] satisfies DeleteAbsent[];

/** The rules of a seed, defaults filled in. */
export function whitelistRulesOf(seed: Partial<WhitelistRules> | undefined): WhitelistRules {
  return { ...DEFAULT_WHITELIST_RULES, ...seed };
}

/** Throws naming the field when `value` is not a `whitelistRules` seed. */
export function checkWhitelistRules(value: unknown): void {
  if (value === undefined) return;
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new Error('seed: whitelistRules must be an object');
  const { hostForms, deleteAbsent } = value as Record<string, unknown>;
  if (hostForms !== undefined && !HOST_FORMS.includes(hostForms as string))
    throw new Error(`seed: whitelistRules.hostForms must be one of ${HOST_FORMS.join(', ')}`);
  if (deleteAbsent !== undefined && !DELETE_ABSENT.includes(deleteAbsent as string))
    throw new Error(`seed: whitelistRules.deleteAbsent must be one of ${DELETE_ABSENT.join(', ')}`);
}

/** `1.2.3.4/32` → `1.2.3.4`, `2001:db8::1/128` → `2001:db8::1`; anything else unchanged. */
export function withoutHostPrefix(ipAddr: string): string {
  const [address = '', prefix] = ipAddr.split('/');
  const full = address.includes(':') ? '128' : '32';
  return prefix === full ? address : ipAddr;
}

/** True when the listed text `listed` is the entry that `ipAddr` names under these rules. */
export function namesEntry(listed: string, ipAddr: string, rules: WhitelistRules): boolean {
  if (listed === ipAddr) return true;
  return rules.hostForms === 'same-entry' && withoutHostPrefix(listed) === withoutHostPrefix(ipAddr);
}

/** True when `bare-only` refuses this text: a single host written with its full prefix. */
export function isRefusedHostForm(ipAddr: string, rules: WhitelistRules): boolean {
  return rules.hostForms === 'bare-only' && withoutHostPrefix(ipAddr) !== ipAddr;
}
