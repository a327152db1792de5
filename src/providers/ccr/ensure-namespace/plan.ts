// Pure planning for CCR namespaces (enterprise projects and personal namespaces).
import { plural } from '../../../core/text/plural.ts';
import { emptyPlan, type NamespacePlan } from '../../seam/namespaces.ts';

type CcrEdition = 'enterprise' | 'personal';

/** What the registry holds now; `project` is undefined when the namespace does not exist. */
export interface CcrNamespaceState {
  edition: CcrEdition;
  namespace: string;
  project: { isPublic: boolean; repoCount: number } | undefined;
}

export interface CcrNamespaceWish {
  state: 'present' | 'absent';
  /** Declared visibility; undefined leaves an existing namespace as it is (new ones are private). */
  isPublic: boolean | undefined;
  force: boolean;
}

const visibility = (isPublic: boolean) => (isPublic ? 'public' : 'private');

/** Changes that bring a CCR namespace to the declaration, with blockers and drift. */
export function planCcrNamespace(current: CcrNamespaceState, wish: CcrNamespaceWish): NamespacePlan {
  return wish.state === 'absent' ? planAbsent(current, wish.force) : planPresent(current, wish);
}

function planPresent(current: CcrNamespaceState, wish: CcrNamespaceWish): NamespacePlan {
  const plan = emptyPlan();
  const { project, namespace } = current;
  if (!project) {
    plan.changes.push({
      action: 'create namespace',
      target: namespace,
      detail: visibility(wish.isPublic ?? false),
    });
    if (current.edition === 'personal') {
      plan.blockers.push(
        `CCR personal namespace ${namespace} does not exist, and the personal edition API cannot create one. ` +
          'Create it in the CCR console (Personal Edition → Namespaces), then run again. Names are unique ' +
          'across all Baidu Cloud accounts: if the console says the name is taken, another account owns it.',
      );
    }
    return plan;
  }
  if (wish.isPublic !== undefined && wish.isPublic !== project.isPublic) {
    plan.drift.push(
      `namespace ${namespace} is ${visibility(project.isPublic)} but declared ${visibility(wish.isPublic)}; ` +
        'the API cannot change the visibility of an existing namespace: change it in the CCR console.',
    );
  }
  return plan;
}

function planAbsent(current: CcrNamespaceState, force: boolean): NamespacePlan {
  const plan = emptyPlan();
  const { project, namespace } = current;
  if (!project) return plan;
  if (current.edition === 'enterprise') {
    plan.blockers.push(
      'state: absent is not supported for CCR enterprise namespaces; delete it in the CCR console.',
    );
    return plan;
  }
  if (project.repoCount > 0 && !force) {
    plan.blockers.push(
      `namespace ${namespace} still holds ${plural(project.repoCount, 'repository')}. Delete them first, or set force: true ` +
        'to delete the namespace with them (try dry-run: true first).',
    );
  }
  const detail = project.repoCount > 0 ? `with its ${plural(project.repoCount, 'repository')}` : 'empty';
  plan.changes.push({ action: 'delete namespace', target: namespace, detail });
  return plan;
}
