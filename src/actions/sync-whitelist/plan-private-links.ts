// Pure planning of private links: create declared links that are missing; delete others only when pruning.
import type { NewPrivateLink, PrivateLink, PrivateLinkKey } from '../../providers/seam/allowlist.ts';

export type PrivateLinkChange =
  | { kind: 'create'; link: NewPrivateLink; reason: string }
  | { kind: 'delete'; link: PrivateLinkKey; reason: string }
  | { kind: 'keep'; link: PrivateLinkKey; reason: string };

/** Declared links are created when missing; undeclared ones are deleted only with `prune`. */
export function planPrivateLinks(
  current: readonly PrivateLink[],
  declared: readonly NewPrivateLink[],
  prune: boolean,
): PrivateLinkChange[] {
  const same = (a: PrivateLinkKey) => (b: PrivateLinkKey) => a.vpcID === b.vpcID && a.subnetID === b.subnetID;
  const changes: PrivateLinkChange[] = declared.map((link) => {
    const existing = current.find(same(link));
    if (!existing) return { kind: 'create', link, reason: 'declared, missing' };
    return { kind: 'keep', link: existing, reason: `present (status ${existing.status || 'unknown'})` };
  });
  for (const link of current.filter((candidate) => !declared.some(same(candidate)))) {
    changes.push(
      prune
        ? { kind: 'delete', link, reason: 'not declared; prune-private-links is true' }
        : { kind: 'keep', link, reason: 'not declared; kept (prune-private-links is false)' },
    );
  }
  return changes;
}

/** `vpc-…/sbn-…`, how links are named in logs and the summary. */
export function privateLinkName(link: PrivateLinkKey): string {
  return `${link.vpcID}/${link.subnetID}`;
}
