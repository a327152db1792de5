// CCR: find the namespace (enterprise project or personal namespace), plan, and apply in apply mode.
import type { ApiClient } from '../../core/http/types.ts';
import { shown } from '../../core/output/shown.ts';
import {
  type CcrPersonalMember,
  deleteCcrPersonalProject,
  findCcrPersonalProject,
  listCcrPersonalMembers,
} from '../../providers/ccr/personal-projects.ts';
import { createCcrProject, findCcrProject, isCcrProjectPublic } from '../../providers/ccr/projects.ts';
import { type Change, describeChange } from './changes.ts';
import type { EnsureOutcome, Log } from './ensure-swr.ts';
import { NamespaceTakenError } from './errors.ts';
import type { EnsureNamespaceInputs } from './inputs.ts';
import { type RunMode, throwIfBlocked } from './mode.ts';
import { type CcrNamespaceState, planCcrNamespace } from './plan-ccr.ts';
import { formatPlan } from './report.ts';

/** A CCR run's outcome, with the members of a personal namespace when a gate listed them. */
export interface CcrOutcome extends EnsureOutcome {
  members?: CcrPersonalMember[];
}

/** Ensures a CCR namespace as declared; enterprise when `instance-id` is set, personal otherwise. */
export async function ensureCcrNamespace(
  api: ApiClient,
  inputs: EnsureNamespaceInputs,
  mode: RunMode,
  log: Log,
): Promise<CcrOutcome> {
  const wish = { state: inputs.state, isPublic: inputs.isPublic, force: inputs.force };
  const found = await readCcrNamespace(api, inputs);
  const plan = planCcrNamespace(found.state, wish);
  for (const line of formatPlan(inputs.namespace, plan, mode)) log(shown`${line}`);
  if (mode === 'check-only' && found.projectId !== undefined) {
    const members = await listCcrPersonalMembers(api, found.projectId);
    log(shown`members of ${inputs.namespace}: ${members.map(memberLabel).join(', ') || '(none)'}`);
    return { plan, done: [], created: false, members };
  }
  if (mode !== 'apply') return { plan, done: [], created: false };
  throwIfBlocked(plan);
  const done: Change[] = [];
  let created = false;
  for (const change of plan.changes) {
    if (change.action === 'create namespace' && inputs.instanceId !== undefined) {
      created = await createEnterpriseNamespace(
        api,
        inputs.instanceId,
        inputs.namespace,
        inputs.isPublic ?? false,
      );
      if (!created) {
        log(shown`namespace ${inputs.namespace} already exists (created by a parallel run)`);
        continue;
      }
    } else if (change.action === 'delete namespace' && found.projectId !== undefined) {
      await deleteCcrPersonalProject(api, found.projectId);
    } else {
      throw new Error(`ensure-namespace cannot ${change.action} for CCR`);
    }
    done.push(change);
    log(shown`✓ ${describeChange(change)}`);
  }
  return { plan, done, created };
}

interface FoundCcrNamespace {
  state: CcrNamespaceState;
  /** Personal namespaces are addressed by id. */
  projectId?: number;
}

async function readCcrNamespace(api: ApiClient, inputs: EnsureNamespaceInputs): Promise<FoundCcrNamespace> {
  const { namespace, instanceId } = inputs;
  if (instanceId !== undefined) {
    const project = await findCcrProject(api, instanceId, namespace);
    const state: CcrNamespaceState = {
      edition: 'enterprise',
      namespace,
      project: project && { isPublic: isCcrProjectPublic(project), repoCount: project.repoCount ?? 0 },
    };
    return { state };
  }
  const project = await findCcrPersonalProject(api, namespace);
  const state: CcrNamespaceState = {
    edition: 'personal',
    namespace,
    project: project && { isPublic: project.type === 'public', repoCount: project.repoCount ?? 0 },
  };
  return project ? { state, projectId: project.projectId } : { state };
}

/** Creates the project; on 409 confirms it is visible (a parallel run), else the name is taken. */
async function createEnterpriseNamespace(
  api: ApiClient,
  instanceId: string,
  namespace: string,
  isPublic: boolean,
): Promise<boolean> {
  const result = await createCcrProject(api, instanceId, { projectName: namespace, public: isPublic });
  if (result === 'created') return true;
  if (await findCcrProject(api, instanceId, namespace)) return false;
  throw new NamespaceTakenError(
    `CCR namespace "${namespace}" already exists in instance ${instanceId} but is not visible to these ` +
      'credentials. Choose another name, or grant these credentials access to it.',
  );
}

function memberLabel(member: CcrPersonalMember): string {
  const name = member.userName ?? member.username ?? '?';
  return member.role ? `${name} (${member.role})` : name;
}
