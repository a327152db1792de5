// What a `uses:` names: this checkout's actions (`./`, `./actions/<name>`, and the published
// `registry-actions/registry-actions[/actions/<name>]@<ref>`, all resolved to this checkout's dist/), or a
// third-party action that needs a declared stand-in.
import { type ActionDefinition, loadAction } from './action-definition.ts';
import { actionKey, type StandIn, type StandIns } from './stand-ins.ts';

/** The repository the actions are published as. */
export const PUBLISHED_REPOSITORY = 'registry-actions/registry-actions';

export type UsesTarget =
  | { kind: 'action'; definition: ActionDefinition; ref?: string }
  | { kind: 'stand-in'; key: string; standIn: StandIn };

/** Resolves a step's `uses:`; an action that is neither ours nor declared as a stand-in is an error. */
export function resolveUses(uses: string, standIns: StandIns): UsesTarget {
  const own = ownActionPath(uses);
  if (own !== undefined) {
    const ref = uses.includes('@') ? uses.slice(uses.indexOf('@') + 1) : undefined;
    return ref === undefined
      ? { kind: 'action', definition: loadAction(own) }
      : { kind: 'action', definition: loadAction(own), ref };
  }
  const key = actionKey(uses);
  const standIn = standIns.actions?.[key];
  if (!standIn) throw new Error(`no stand-in is declared for ${uses}`);
  return { kind: 'stand-in', key, standIn };
}

/** The checkout path of one of our actions (`.` or `actions/<name>`), or undefined for anyone else's. */
export function ownActionPath(uses: string): string | undefined {
  const local = uses.match(/^\.\/?([\w./-]*?)\/?$/);
  if (local && !local[1]!.startsWith('.github/')) return local[1] || '.';
  const published = uses.match(/^([^/@]+\/[^/@]+)((?:\/actions\/[a-z-]+)?)@[^@]+$/);
  if (published && published[1] === PUBLISHED_REPOSITORY) return published[2]!.slice(1) || '.';
  return undefined;
}

/** The checkout path of one of our reusable workflows (`./.github/workflows/x.yml` or published). */
export function ownWorkflowPath(uses: string): string | undefined {
  const local = uses.match(/^\.\/(\.github\/workflows\/[^@]+\.ya?ml)$/);
  if (local) return local[1];
  const published = uses.match(/^([^/@]+\/[^/@]+)\/(\.github\/workflows\/[^@]+\.ya?ml)@[^@]+$/);
  if (published && published[1] === PUBLISHED_REPOSITORY) return published[2];
  return undefined;
}
