// ensure-namespace on SWR: an organization with its repositories and user permissions. The declaration is
// read here, with the inputs; the session that reads and changes the namespace (./session.ts) is loaded
// once they are valid.
import type { InputReader } from '../../../core/action/input-reader.ts';
import type { ApiClient } from '../../../core/http/types.ts';
import type { ConnectOptions } from '../../seam/connection.ts';
import type {
  NamespaceCommon,
  NamespaceSession,
  NamespaceSupport,
  NamespaceTarget,
} from '../../seam/namespaces.ts';
import { connectSwrWhenNeeded, readSwrConnection, type SwrConnection } from '../connection.ts';
import { swrNamespaceProblems } from '../name-rules.ts';
import { type PermissionWish, parsePermissionLines } from './permission-lines.ts';
import type { SwrNamespaceWish } from './plan.ts';
import { parseRepositoryLines, type RepositoryWish } from './repository-lines.ts';

/** An SWR namespace to ensure, as read from the inputs. */
class SwrNamespaceTarget implements NamespaceTarget, SwrDeclaration {
  readonly connection: SwrConnection;
  readonly repositories: RepositoryWish[];
  readonly permissions: PermissionWish[];
  readonly prunePermissions: boolean;
  readonly removes?: string;
  readonly #wish: SwrNamespaceWish;
  readonly #namespace: string;

  constructor(connection: SwrConnection, declaration: SwrDeclaration, common: NamespaceCommon) {
    this.connection = connection;
    this.repositories = declaration.repositories;
    this.permissions = declaration.permissions;
    this.prunePermissions = declaration.prunePermissions;
    if (declaration.prunePermissions) this.removes = 'prune-permissions revokes permissions';
    this.#wish = { state: common.state, force: common.force, ...declaration };
    this.#namespace = common.namespace;
  }

  connect(options?: ConnectOptions): Promise<ApiClient> {
    return connectSwrWhenNeeded(this.connection, options);
  }

  async open(api: ApiClient): Promise<NamespaceSession> {
    const { swrSession } = await import('./session.ts');
    return swrSession(api, this.connection, this.#namespace, this.#wish);
  }
}

/** The inputs that declare what the namespace holds. */
interface SwrDeclaration {
  repositories: RepositoryWish[];
  permissions: PermissionWish[];
  prunePermissions: boolean;
}

export const swrNamespaces: NamespaceSupport = {
  nameKind: 'an SWR organization (namespace) name',
  nameProblems: swrNamespaceProblems,
  inputs: ['repositories', 'permissions', 'prune-permissions'],
  declaredInputs(reader) {
    const declaration = readDeclaration(reader);
    const given: Array<[string, boolean]> = [
      ['repositories', declaration.repositories.length > 0],
      ['permissions', declaration.permissions.length > 0],
      ['prune-permissions', declaration.prunePermissions],
    ];
    return given.filter(([, set]) => set).map(([name]) => name);
  },
  refusals: {
    public:
      "Input 'public' applies to CCR namespaces; SWR sets visibility per repository (visibility= in 'repositories').",
  },
  read(reader: InputReader, common: NamespaceCommon): SwrNamespaceTarget {
    return new SwrNamespaceTarget(readSwrConnection(reader), readDeclaration(reader), common);
  },
};

function readDeclaration(reader: InputReader): SwrDeclaration {
  return {
    repositories: parseRepositoryLines(reader.lines('repositories')),
    permissions: parsePermissionLines(reader.lines('permissions')),
    prunePermissions: reader.boolean('prune-permissions', { default: false }),
  };
}
