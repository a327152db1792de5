// A third registry family, for tests only: the toy registry (toy-registry.ts) as a Provider. Everything a
// provider must say lives here; the actions take it through their `providers` dependency unchanged.
import type { InputReader } from '../../../src/core/action/input-reader.ts';
import { InputError } from '../../../src/core/errors/errors.ts';
import { createApiClient } from '../../../src/core/http/client.ts';
import type { ApiClient } from '../../../src/core/http/types.ts';
import { apiPath, pathSegment, type SegmentRule, segmentProblems } from '../../../src/core/path/api-path.ts';
import { maskSecret } from '../../../src/core/redact/secrets.ts';
import type {
  AllowlistSupport,
  AllowlistTarget,
  InstanceAllowlist,
  PublicLinks,
} from '../../../src/providers/seam/allowlist.ts';
import type { Connectable, ConnectOptions } from '../../../src/providers/seam/connection.ts';
import { readEndpoint } from '../../../src/providers/seam/connection-inputs.ts';
import type { LoginSupport, LoginTarget, RegistryLogin } from '../../../src/providers/seam/login.ts';
import {
  emptyPlan,
  type NamespaceSupport,
  type PlannedChange,
} from '../../../src/providers/seam/namespaces.ts';
import type { Provider } from '../../../src/providers/seam/provider.ts';
import { parseTime, refusal, type TagInfo } from '../../../src/providers/seam/tag-info.ts';
import { TagTable } from '../../../src/providers/seam/tag-table.ts';
import type { TagRegistry, TagSupport, TagTarget } from '../../../src/providers/seam/tags.ts';

/** The host `docker login` writes for the toy registry; a `registry` input of this host picks the provider. */
export const TOY_REGISTRY_HOST = 'registry.toy.test';

const NAME: SegmentRule = {
  what: 'toy name',
  problems: (value) =>
    /^[a-z0-9][a-z0-9._-]*$/.test(value) ? [] : ['must be lower-case letters, digits, . _ -'],
};
const TAG: SegmentRule = {
  what: 'tag',
  problems: (value) =>
    /^[\w][\w.-]{0,127}$/.test(value) ? [] : ['must be letters, digits, _ . - (128 at most)'],
};

/** The inputs the toy registry reads: its API URL and a key pair. */
class ToyConnection implements Connectable {
  readonly connection: { provider: 'toy'; endpoint: URL; keyId: string };
  readonly #secret: string;

  constructor(reader: InputReader) {
    const endpoint = readEndpoint(reader, 'endpoint');
    if (!endpoint)
      throw new InputError('endpoint', "Input 'endpoint' is required for the toy registry (its API URL).");
    const secret = reader.secret('secret-access-key');
    if (!secret)
      throw new InputError(
        'secret-access-key',
        "Input 'secret-access-key' is required for the toy registry.",
      );
    this.connection = { provider: 'toy', endpoint, keyId: reader.string('access-key-id') };
    this.#secret = secret;
  }

  connect(options: ConnectOptions = {}): Promise<ApiClient> {
    const authorization = maskSecret(`Toy ${this.connection.keyId}:${this.#secret}`);
    return Promise.resolve(
      createApiClient({
        ...options.http,
        provider: 'Toy',
        baseUrl: this.connection.endpoint,
        authenticate: (request) => {
          request.headers.authorization = authorization;
        },
      }),
    );
  }
}

const toyLogin: LoginSupport = {
  loginInputs: ['endpoint', 'access-key-id', 'secret-access-key'],
  hostForms: [TOY_REGISTRY_HOST],
  hostInputs: (host) => (host === TOY_REGISTRY_HOST ? {} : undefined),
  readTarget(reader, common): LoginTarget {
    const connection = new ToyConnection(reader);
    return {
      kind: 'toy',
      renewHint: 'log in again in a later step',
      notes: [],
      async obtain(): Promise<RegistryLogin> {
        const api = await connection.connect();
        const { body } = await api.request<{ username: string; password: string; expiresAt: string }>({
          method: 'POST',
          path: apiPath`/logins`,
          operation: 'get a docker login',
          secretResponse: true,
          retrySafe: true,
        });
        return {
          registry: common.registry ?? TOY_REGISTRY_HOST,
          username: body.username,
          password: maskSecret(body.password),
          expiresAt: new Date(body.expiresAt),
          expirySource: 'the toy registry',
        };
      },
    };
  },
};

function toyTagRegistry(api: ApiClient, namespace: string): TagRegistry {
  const ns = pathSegment(namespace, NAME);
  const tagsPath = (repository: string) =>
    apiPath`/namespaces/${ns}/repositories/${pathSegment(repository, NAME)}/tags`;
  return {
    listRepositories: async () =>
      (
        await api.request<string[]>({
          method: 'GET',
          path: apiPath`/namespaces/${ns}/repositories`,
          operation: `list repositories of ${namespace}`,
        })
      ).body,
    repositoryProblems: (name) => segmentProblems(name, NAME),
    async listTags(repository): Promise<TagTable> {
      const { body } = await api.request<{ name: string; digest: string; pushedAt: string; size: number }[]>({
        method: 'GET',
        path: tagsPath(repository),
        operation: `list tags of ${namespace}/${repository}`,
      });
      return TagTable.of(
        body.map(
          (tag): TagInfo => ({
            ...refusal(tag.name, TAG),
            name: tag.name,
            digest: tag.digest,
            updatedAt: parseTime(tag.pushedAt),
            size: tag.size,
            kind: 'image',
          }),
        ),
      );
    },
    async deleteTag(repository, tag, signal): Promise<'deleted' | 'absent'> {
      const { status } = await api.request({
        method: 'DELETE',
        path: apiPath`${tagsPath(repository)}/${pathSegment(tag, TAG)}`,
        operation: `delete tag ${repository}:${tag} in ${namespace}`,
        acceptStatus: [404],
        ...(signal ? { signal } : {}),
      });
      return status === 404 ? 'absent' : 'deleted';
    },
    async namespaceExists(): Promise<boolean> {
      const { status } = await api.request({
        method: 'GET',
        path: apiPath`/namespaces/${ns}`,
        operation: `read namespace ${namespace}`,
        acceptStatus: [404],
      });
      return status !== 404;
    },
    namespaceLabel: `toy namespace ${namespace}`,
  };
}

const toyTags: TagSupport = {
  namespaceKind: 'a toy namespace',
  namespaceProblems: (name) => segmentProblems(name, NAME),
  read(reader): TagTarget {
    const connection = new ToyConnection(reader);
    return {
      connection: connection.connection,
      connect: (options) => connection.connect(options),
      registry: async (api, namespace) => toyTagRegistry(api, namespace),
    };
  },
};

/** ensure-namespace: the toy's namespaces have no settings, so a declaration is only present or absent. */
const toyNamespaces: NamespaceSupport = {
  nameKind: 'a toy namespace name',
  nameProblems: (name) => segmentProblems(name, NAME),
  inputs: [],
  declaredInputs: () => [],
  read(reader, { namespace, state }) {
    const connection = new ToyConnection(reader);
    return {
      connection: connection.connection,
      connect: (options) => connection.connect(options),
      open: async (api) => ({
        existingNote: `toy namespace ${namespace} exists already`,
        registryHost: () => Promise.resolve(TOY_REGISTRY_HOST),
        async plan() {
          const path = apiPath`/namespaces/${pathSegment(namespace, NAME)}`;
          const read = {
            method: 'GET',
            path,
            operation: `read namespace ${namespace}`,
            acceptStatus: [404],
          } as const;
          const exists = (await api.request(read)).status !== 404;
          const plan = emptyPlan<PlannedChange>();
          if (state === 'present' && !exists) {
            plan.changes.push({
              action: 'create namespace',
              target: namespace,
              detail: 'new namespace',
              async apply() {
                const created = {
                  method: 'POST',
                  path,
                  operation: `create namespace ${namespace}`,
                  acceptStatus: [409],
                } as const;
                return (await api.request(created)).status === 409 ? 'exists' : 'done';
              },
            });
          }
          if (state === 'absent' && exists) plan.blockers.push('the toy registry cannot delete a namespace');
          return plan;
        },
      }),
    };
  },
};

/** The registry's one public endpoint and its allowlist. */
function toyInstanceAllowlist(api: ApiClient): InstanceAllowlist {
  const path = apiPath`/allowlist`;
  return {
    read: async () =>
      (await api.request<PublicLinks>({ method: 'GET', path, operation: 'read the allowlist' })).body,
    async setPublicAccess(action): Promise<void> {
      await api.request({
        method: 'PUT',
        path: apiPath`/public-access`,
        body: { action },
        operation: `${action} public access`,
      });
    },
    async add(item): Promise<void> {
      await api.request({ method: 'POST', path, body: item, operation: `allow ${item.ipAddr}` });
    },
    async remove(ipAddrs, options = {}): Promise<void> {
      await api.request({
        method: 'DELETE',
        path,
        query: ipAddrs.map((ipAddr) => ['ipAddr', ipAddr] as const),
        operation: `remove ${ipAddrs.join(', ')} from the allowlist`,
        ...(options.once ? { idempotent: false } : {}),
      });
    },
  };
}

const toyAllowlist: AllowlistSupport = {
  read(reader): AllowlistTarget {
    const connection = new ToyConnection(reader);
    return {
      instanceId: 'toy',
      connection: connection.connection,
      connect: (options) => connection.connect(options),
      allowlist: async (api) => toyInstanceAllowlist(api),
    };
  },
};

export const toyProvider: Provider = {
  name: 'toy',
  label: 'Toy',
  login: toyLogin,
  namespaces: toyNamespaces,
  tags: toyTags,
  allowlist: toyAllowlist,
};
