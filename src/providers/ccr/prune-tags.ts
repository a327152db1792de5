// prune-tags on CCR: an enterprise project's tags and deletes (the personal edition has no tag API). The tag
// API never says which tags are manifest lists, so the manifests of kept tags are read from the instance's
// registry with a temporary docker login.
import type { InputReader } from '../../core/action/input-reader.ts';
import type { ApiClient } from '../../core/http/types.ts';
import { segmentProblems } from '../../core/path/api-path.ts';
import { normalizeDigest } from '../../core/registry/manifest-document.ts';
import { createManifestReader } from '../../core/registry/manifest-reader.ts';
import { manifestsOnce } from '../../core/registry/manifests-once.ts';
import type { ConnectOptions } from '../seam/connection.ts';
import { parseTime, refusal, type TagInfo } from '../seam/tag-info.ts';
import { TagTable } from '../seam/tag-table.ts';
import type { TagRegistry, TagSupport, TagTarget } from '../seam/tags.ts';
import { connectCcr } from './connect.ts';
import { type CcrEnterpriseConnection, enterpriseOnly, readCcrConnection } from './connection.ts';
import { ccrNamespaceProblems } from './name-rules.ts';
import { CCR_REPOSITORY, CCR_TAG } from './path-segments.ts';
import { findCcrProject } from './projects.ts';
import { type CcrTag, ccrProjectTags } from './tags.ts';
import { type CcrDockerUser, obtainCcrTemporaryLogin, readCcrDockerUser } from './temporary-login.ts';

/** A CCR enterprise instance to prune, as read from the inputs. */
class CcrTagTarget implements TagTarget {
  readonly connection: CcrEnterpriseConnection;
  readonly unlistedRepositories = 'CCR enterprise has no repository listing to match it against';
  /** The docker user of the temporary login that reads manifests. */
  readonly user: CcrDockerUser;
  /** Which of the instance's domains the manifests are read from. */
  readonly registryAccess: 'public' | 'private';

  constructor(
    connection: CcrEnterpriseConnection,
    user: CcrDockerUser,
    registryAccess: 'public' | 'private',
  ) {
    this.connection = connection;
    this.user = user;
    this.registryAccess = registryAccess;
  }

  connect(options?: ConnectOptions): Promise<ApiClient> {
    return connectCcr(this.connection, options);
  }

  registry(api: ApiClient, namespace: string): TagRegistry {
    return ccrTagRegistry(api, this.connection.instanceId, namespace, this.user, this.registryAccess);
  }
}

export const ccrTags: TagSupport = {
  scope: 'CCR enterprise',
  namespaceKind: 'a CCR namespace',
  namespaceProblems: ccrNamespaceProblems,
  read(reader: InputReader): CcrTagTarget {
    const connection = enterpriseOnly(
      readCcrConnection(reader),
      "Input 'instance-id' is required for prune-tags on CCR: only the enterprise edition has a tag API.",
    );
    const user = readCcrDockerUser(
      reader,
      "prune-tags on CCR reads the manifests of kept tags from the instance's registry, since CCR's tag API " +
        'does not tell manifest lists from images (a kept multi-platform image would otherwise lose its ' +
        'platform images), and its temporary docker login needs',
    );
    const registryAccess = reader.oneOf('registry-access', ['public', 'private'], { default: 'public' });
    return new CcrTagTarget(connection, user, registryAccess);
  },
};

/** The temporary password that reads manifests lives the shortest time CCR issues: one hour. */
const MANIFEST_LOGIN_HOURS = 1;

/** CCR enterprise project `project` of instance `instanceId`. */
function ccrTagRegistry(
  api: ApiClient,
  instanceId: string,
  project: string,
  user: CcrDockerUser,
  access: 'public' | 'private',
): TagRegistry {
  const tags = ccrProjectTags(api, instanceId, project);
  let host: string | undefined;
  // One temporary login for the run, on the instance's domain, asked for only when a manifest must be read.
  const read = manifestsOnce(async () => {
    const login = await obtainCcrTemporaryLogin(api, instanceId, user, {
      access,
      durationHours: MANIFEST_LOGIN_HOURS,
    });
    host = login.registry;
    return createManifestReader(login, { provider: 'CCR' });
  });
  return {
    repositoryProblems: (name) => segmentProblems(name, CCR_REPOSITORY),
    listTags: async (repository) => TagTable.of((await tags.list(repository)).map(fromCcrTag)),
    deleteTag: (repository, tag, signal) => tags.delete(repository, tag, signal),
    namespaceExists: async () => (await findCcrProject(api, instanceId, project)) !== undefined,
    namespaceLabel: `CCR namespace ${project} of instance ${instanceId}`,
    listsUnmarked: true,
    manifests: {
      get registry() {
        return host ?? `of instance ${instanceId}`;
      },
      read: (repository, digest) => read(`${project}/${repository}`, digest),
    },
  };
}

/**
 * CCR's record as the planner's view; the API does not expose manifest lists, so every tag comes as an
 * image until its manifest is read (listsUnmarked).
 */
export function fromCcrTag(record: CcrTag): TagInfo {
  return {
    ...refusal(record.tagName, CCR_TAG),
    name: String(record.tagName),
    digest: normalizeDigest(record.digest),
    updatedAt: parseTime(record.pushTime),
    size: typeof record.size === 'number' ? record.size : 0,
    kind: 'image',
  };
}
