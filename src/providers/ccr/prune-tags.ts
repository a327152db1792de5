// prune-tags on CCR: an enterprise project's tags and deletes (the personal edition has no tag API).
import type { InputReader } from '../../core/action/input-reader.ts';
import type { ApiClient } from '../../core/http/types.ts';
import { segmentProblems } from '../../core/path/api-path.ts';
import { normalizeDigest } from '../../core/registry/manifest-document.ts';
import type { ConnectOptions } from '../seam/connection.ts';
import { parseTime, refusal, type TagInfo } from '../seam/tag-info.ts';
import type { TagRegistry, TagSupport, TagTarget } from '../seam/tags.ts';
import { connectCcr } from './connect.ts';
import { type CcrEnterpriseConnection, enterpriseOnly, readCcrConnection } from './connection.ts';
import { ccrNamespaceProblems } from './name-rules.ts';
import { CCR_REPOSITORY, CCR_TAG } from './path-segments.ts';
import { findCcrProject } from './projects.ts';
import { type CcrTag, ccrProjectTags } from './tags.ts';

/** A CCR enterprise instance to prune, as read from the inputs. */
class CcrTagTarget implements TagTarget {
  readonly connection: CcrEnterpriseConnection;
  readonly unlistedRepositories = 'CCR enterprise has no repository listing to match it against';

  constructor(connection: CcrEnterpriseConnection) {
    this.connection = connection;
  }

  connect(options?: ConnectOptions): Promise<ApiClient> {
    return connectCcr(this.connection, options);
  }

  registry(api: ApiClient, namespace: string): TagRegistry {
    return ccrTagRegistry(api, this.connection.instanceId, namespace);
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
    return new CcrTagTarget(connection);
  },
};

/** CCR enterprise project `project` of instance `instanceId`. */
function ccrTagRegistry(api: ApiClient, instanceId: string, project: string): TagRegistry {
  const tags = ccrProjectTags(api, instanceId, project);
  return {
    repositoryProblems: (name) => segmentProblems(name, CCR_REPOSITORY),
    listTags: async (repository) => (await tags.list(repository)).map(fromCcrTag),
    deleteTag: (repository, tag, signal) => tags.delete(repository, tag, signal),
    namespaceExists: async () => (await findCcrProject(api, instanceId, project)) !== undefined,
    namespaceLabel: `CCR namespace ${project} of instance ${instanceId}`,
  };
}

/** CCR's record as the planner's view; the API does not expose manifest lists, so every tag is an image. */
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
