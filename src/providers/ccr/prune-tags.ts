// prune-tags on CCR: an enterprise project's tags and deletes (the personal edition has no tag API). The
// connection and the docker user are read here, with the inputs; the listing and deleting code
// (./tag-registry.ts) is loaded once they are valid.
import type { InputReader } from '../../core/action/input-reader.ts';
import type { ApiClient } from '../../core/http/types.ts';
import type { ConnectOptions } from '../seam/connection.ts';
import type { TagRegistry, TagSupport, TagTarget } from '../seam/tags.ts';
import {
  type CcrEnterpriseConnection,
  connectCcrWhenNeeded,
  enterpriseOnly,
  readCcrConnection,
} from './connection.ts';
import { type CcrDockerUser, readCcrDockerUser } from './docker-user.ts';
import { ccrNamespaceProblems } from './name-rules.ts';

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
    return connectCcrWhenNeeded(this.connection, options);
  }

  async registry(api: ApiClient, namespace: string): Promise<TagRegistry> {
    const { ccrTagRegistry } = await import('./tag-registry.ts');
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
