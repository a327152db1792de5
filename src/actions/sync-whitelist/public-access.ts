// Pure planning of public access: which PUT (if any) brings the endpoint to the wanted state.
import type { PublicAccessAction } from '../../providers/seam/allowlist.ts';

export type PublicAccessWish = 'open' | 'close' | 'keep';

/** The action to send, or undefined when the status already matches (or nothing is wanted). */
export function planPublicAccess(status: string, wish: PublicAccessWish): PublicAccessAction | undefined {
  if (wish === 'keep') return undefined;
  return statusMatches(status, wish) ? undefined : wish;
}

/** The action that puts back a status as it was read before this job changed it. */
export function restoreActionFor(previousStatus: string): PublicAccessAction {
  return statusMatches(previousStatus, 'open') ? 'open' : 'close';
}

/** `opened`/`open` count as open; `closed`/`close` as closed; anything else matches neither. */
export function statusMatches(status: string, wish: PublicAccessAction): boolean {
  const normal = status.toLowerCase();
  return wish === 'open'
    ? normal === 'opened' || normal === 'open'
    : normal === 'closed' || normal === 'close';
}
