// Pure: declared permissions + the namespace's current ones → grant / update / revoke changes.

import type { NamespacePlan } from '../../seam/namespaces.ts';
import { type SwrNamespaceAccess, type SwrUserAuth, swrAuthName } from '../permissions.ts';
import type { SwrChange } from './changes.ts';
import type { PermissionWish } from './permission-lines.ts';

/** Every user with a permission, the caller included, once each. */
function currentPermissions(access: SwrNamespaceAccess | undefined): SwrUserAuth[] {
  const all = [...(access?.self_auth ? [access.self_auth] : []), ...(access?.others_auths ?? [])];
  return all.filter((auth, index) => all.findIndex((other) => other.user_id === auth.user_id) === index);
}

/** The current permission a declaration is about: by user id when given, else by user name. */
function matchPermission(current: readonly SwrUserAuth[], wish: PermissionWish): SwrUserAuth | undefined {
  return wish.userId !== undefined
    ? current.find((auth) => auth.user_id === wish.userId)
    : current.find((auth) => auth.user_name === wish.userName);
}

/**
 * Changes that give each declared user the declared level. With `prune`, users not declared lose their
 * permission, except the caller itself: removing its own access would lock the action out.
 */
export function planPermissions(
  namespace: string,
  access: SwrNamespaceAccess | undefined,
  wishes: readonly PermissionWish[],
  prune: boolean,
): Pick<NamespacePlan<SwrChange>, 'changes' | 'blockers'> {
  const current = currentPermissions(access);
  const changes: SwrChange[] = [];
  const blockers: string[] = [];
  const matched = new Set<string>();
  for (const wish of wishes) {
    const existing = matchPermission(current, wish);
    const level = swrAuthName(wish.level);
    if (!existing) {
      if (wish.userId === undefined) {
        blockers.push(
          `permissions: user "${wish.userName}" has no permission on ${namespace} yet; add id=<IAM user id> ` +
            'to its line so it can be granted (SWR needs the user id).',
        );
      }
      changes.push({
        action: 'grant permission',
        target: wish.userName,
        detail: level,
        user: { user_id: wish.userId ?? '', user_name: wish.userName, auth: wish.level },
      });
      continue;
    }
    matched.add(existing.user_id);
    if (existing.auth !== wish.level) {
      changes.push({
        action: 'update permission',
        target: wish.userName,
        detail: `${swrAuthName(existing.auth)} → ${level}`,
        user: { user_id: existing.user_id, user_name: existing.user_name, auth: wish.level },
      });
    }
  }
  if (prune && access && !access.self_auth) {
    // Without self_auth the caller's own permission cannot be told apart: pruning might lock it out.
    blockers.push(
      `prune-permissions: SWR did not say which permission on ${namespace} belongs to these credentials ` +
        '(no self_auth), so no permission is revoked; run again without prune-permissions or check the endpoint.',
    );
  } else if (prune) {
    const self = access?.self_auth?.user_id;
    for (const auth of current) {
      if (matched.has(auth.user_id) || auth.user_id === self) continue;
      changes.push({
        action: 'revoke permission',
        target: auth.user_name,
        detail: swrAuthName(auth.auth),
        user: auth,
      });
    }
  }
  return { changes, blockers };
}
