// ensure-namespace on CCR: an enterprise project (instance-id set) or a personal namespace.
import type { InputReader } from '../../../core/action/input-reader.ts';
import { InputError } from '../../../core/errors/errors.ts';
import type { ApiClient } from '../../../core/http/types.ts';
import type { ConnectOptions } from '../../seam/connection.ts';
import {
  type NamespaceCommon,
  type NamespacePlan,
  type NamespaceSession,
  type NamespaceSupport,
  NamespaceTakenError,
  type NamespaceTarget,
  type PlannedChange,
} from '../../seam/namespaces.ts';
import { connectCcr } from '../connect.ts';
import { type CcrConnection, readCcrConnection } from '../connection.ts';
import { getCcrInstance } from '../instances.ts';
import { ccrNamespaceProblems } from '../name-rules.ts';
import {
  type CcrPersonalMember,
  deleteCcrPersonalProject,
  findCcrPersonalProject,
  listCcrPersonalMembers,
} from '../personal-projects.ts';
import { createCcrProject, findCcrProject, isCcrProjectPublic } from '../projects.ts';
import { CCR_PERSONAL_REGISTRY, ccrInstanceRegistryHost } from '../registry-host.ts';
import { type CcrNamespaceState, type CcrNamespaceWish, planCcrNamespace } from './plan.ts';

/** A CCR namespace to ensure, as read from the inputs. */
class CcrNamespaceTarget implements NamespaceTarget {
  readonly connection: CcrConnection;
  /** `public`: the namespace's visibility; undefined = private on create, not compared afterwards. */
  readonly isPublic: boolean | undefined;
  readonly #namespace: string;
  readonly #wish: CcrNamespaceWish;

  constructor(connection: CcrConnection, isPublic: boolean | undefined, common: NamespaceCommon) {
    this.connection = connection;
    this.isPublic = isPublic;
    this.#namespace = common.namespace;
    this.#wish = { state: common.state, isPublic, force: common.force };
  }

  connect(options?: ConnectOptions): Promise<ApiClient> {
    return connectCcr(this.connection, options);
  }

  open(api: ApiClient): NamespaceSession {
    return ccrSession(api, this.connection, this.#namespace, this.#wish);
  }
}

export const ccrNamespaces: NamespaceSupport = {
  nameKind: 'a CCR namespace name',
  nameProblems: ccrNamespaceProblems,
  inputs: ['public'],
  declaredInputs: (reader) => (readPublic(reader) === undefined ? [] : ['public']),
  read(reader: InputReader, common: NamespaceCommon): CcrNamespaceTarget {
    const connection = readCcrConnection(reader);
    const isPublic = readPublic(reader);
    if (common.state === 'absent' && connection.instanceId !== undefined) {
      throw new InputError(
        ['state', 'instance-id'],
        "Input 'state' is absent, which is supported for SWR and CCR personal namespaces only (no 'instance-id'); " +
          'delete CCR enterprise namespaces in the console.',
      );
    }
    return new CcrNamespaceTarget(connection, isPublic, common);
  },
};

function readPublic(reader: InputReader): boolean | undefined {
  return reader.optional('public') === undefined ? undefined : reader.boolean('public', { default: false });
}

function ccrSession(
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
