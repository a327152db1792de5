// Pure planning for SWR: the namespace's current state + the declaration → the changes, in the order to make them.
import { plural } from '../../../core/text/plural.ts';
import { emptyPlan, type NamespacePlan } from '../../seam/namespaces.ts';
import { swrRepositoryProblems } from '../name-rules.ts';
import type { SwrNamespaceAccess } from '../permissions.ts';
import type { SwrRepository } from '../repositories.ts';
import type { SwrChange } from './changes.ts';
import type { PermissionWish } from './permission-lines.ts';
import { planPermissions } from './plan-permissions.ts';
import { planRepositories } from './plan-repositories.ts';
import type { RepositoryWish } from './repository-lines.ts';

/** What the registry holds now; repositories and access are empty when the namespace does not exist. */
export interface SwrNamespaceState {
  namespace: string;
  exists: boolean;
  repositories: readonly SwrRepository[];
  access: SwrNamespaceAccess | undefined;
}

/** The declaration, as inputs.ts parsed it. */
export interface SwrNamespaceWish {
  state: 'present' | 'absent';
  repositories: readonly RepositoryWish[];
  permissions: readonly PermissionWish[];
  prunePermissions: boolean;
  force: boolean;
}

/** Changes that bring the namespace to the declaration, with blockers that stop it. */
export function planSwrNamespace(
  current: SwrNamespaceState,
  wish: SwrNamespaceWish,
): NamespacePlan<SwrChange> {
  return wish.state === 'absent' ? planAbsent(current, wish.force) : planPresent(current, wish);
}

function planPresent(current: SwrNamespaceState, wish: SwrNamespaceWish): NamespacePlan<SwrChange> {
  const plan = emptyPlan<SwrChange>();
  if (!current.exists) {
    plan.changes.push({ action: 'create namespace', target: current.namespace, detail: 'does not exist' });
  }
  plan.changes.push(...planRepositories(current.namespace, current.repositories, wish.repositories));
  if (wish.permissions.length > 0 || wish.prunePermissions) {
    const permissions = planPermissions(
      current.namespace,
      current.access,
      wish.permissions,
      wish.prunePermissions,
    );
    plan.changes.push(...permissions.changes);
    plan.blockers.push(...permissions.blockers);
  }
  return plan;
}

function planAbsent(current: SwrNamespaceState, force: boolean): NamespacePlan<SwrChange> {
  const plan = emptyPlan<SwrChange>();
  if (!current.exists) return plan;
  const names = current.repositories.map((repository) => repository.name);
  for (const name of names) {
    const problems = swrRepositoryProblems(name);
    if (problems.length === 0) continue;
    plan.blockers.push(
      `namespace ${current.namespace} lists a repository ${JSON.stringify(name)} that ${problems.join('; ')}: ` +
        'it cannot be named in a request, so nothing is deleted. Remove it in the SWR console.',
    );
  }
  if (names.length > 0 && !force) {
    plan.blockers.push(
      `namespace ${current.namespace} still holds ${plural(names.length, 'repository')} ` +
        `(${listSome(names)}). Delete them first, or set force: true to delete them and their images ` +
        '(try dry-run: true first to see what would go).',
    );
  }
  for (const repository of current.repositories) {
    const change: SwrChange = {
      action: 'delete repository',
      target: `${current.namespace}/${repository.name}`,
      detail: repository.num_images ? `with ${plural(repository.num_images, 'tag')}` : 'empty',
      repository: repository.name,
    };
    plan.changes.push(change);
  }
  const detail = names.length > 0 ? `after its ${plural(names.length, 'repository')}` : 'empty';
  plan.changes.push({ action: 'delete namespace', target: current.namespace, detail });
  return plan;
}

/** Up to five names, then how many more. */
function listSome(names: readonly string[], limit = 5): string {
  const shown = names.slice(0, limit).join(', ');
  return names.length > limit ? `${shown} and ${names.length - limit} more` : shown;
}
