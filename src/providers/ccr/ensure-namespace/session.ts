// CCR's ensure-namespace session: reads the namespace (enterprise project or personal namespace), plans the
// changes, and makes each.
import type { ApiClient } from '../../../core/http/types.ts';
import {
  type NamespacePlan,
  type NamespaceSession,
  NamespaceTakenError,
  type PlannedChange,
} from '../../seam/namespaces.ts';
import type { CcrConnection } from '../connection.ts';
import { getCcrInstance } from '../instances.ts';
import {
  type CcrPersonalMember,
  deleteCcrPersonalProject,
  findCcrPersonalProject,
  listCcrPersonalMembers,
} from '../personal-projects.ts';
import { createCcrProject, findCcrProject, isCcrProjectPublic } from '../projects.ts';
import { CCR_PERSONAL_REGISTRY, ccrInstanceRegistryHost } from '../registry-host.ts';
import { type CcrNamespaceState, type CcrNamespaceWish, planCcrNamespace } from './plan.ts';

/** The session on a connected client for the namespace and declaration the inputs gave. */
export function ccrSession(
  api: ApiClient,
  connection: CcrConnection,
  namespace: string,
  wish: CcrNamespaceWish,
): NamespaceSession {
  /** Personal namespaces are addressed by id, learned when the plan reads the namespace. */
  let projectId: number | undefined;
  const changeFor = (change: NamespacePlan['changes'][number]): PlannedChange => ({
    ...change,
    apply: async () => {
      if (change.action === 'create namespace' && connection.instanceId !== undefined) {
        const created = await createEnterpriseNamespace(api, connection.instanceId, namespace, wish.isPublic);
        return created ? 'done' : 'exists';
      }
      if (change.action === 'delete namespace' && projectId !== undefined) {
        await deleteCcrPersonalProject(api, projectId);
        return 'done';
      }
      throw new Error(`ensure-namespace cannot ${change.action} for CCR`);
    },
  });
  return {
    async plan() {
      const found = await readCcrNamespace(api, connection, namespace);
      projectId = found.projectId;
      const plan = planCcrNamespace(found.state, wish);
      return { ...plan, changes: plan.changes.map(changeFor) };
    },
    async inspect() {
      if (projectId === undefined) return [];
      const members = await listCcrPersonalMembers(api, projectId);
      return [`members of ${namespace}: ${members.map(memberLabel).join(', ') || '(none)'}`];
    },
    existingNote: 'created by a parallel run',
    async registryHost() {
      if (connection.instanceId === undefined) return CCR_PERSONAL_REGISTRY;
      return ccrInstanceRegistryHost(await getCcrInstance(api, connection.instanceId), 'public') ?? '';
    },
  };
}

interface FoundCcrNamespace {
  state: CcrNamespaceState;
  /** Personal namespaces are addressed by id. */
  projectId?: number;
}

async function readCcrNamespace(
  api: ApiClient,
  connection: CcrConnection,
  namespace: string,
): Promise<FoundCcrNamespace> {
  if (connection.instanceId !== undefined) {
    const project = await findCcrProject(api, connection.instanceId, namespace);
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
  isPublic: boolean | undefined,
): Promise<boolean> {
  const result = await createCcrProject(api, instanceId, {
    projectName: namespace,
    public: isPublic ?? false,
  });
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
