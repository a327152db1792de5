// prune-tags on SWR: the connection, an organization's tags, and retention policies.
import type { ApiClient } from '../../../core/http/types.ts';
import type { ConnectOptions } from '../../seam/connection.ts';
import type { TagRegistry, TagSupport, TagTarget } from '../../seam/tags.ts';
import { connectSwrWhenNeeded, readSwrConnection, type SwrConnection } from '../connection.ts';
import { swrNamespaceProblems } from '../name-rules.ts';
import { swrRetention } from './retention.ts';

/** An SWR region to prune, as read from the inputs. */
class SwrTagTarget implements TagTarget {
  readonly connection: SwrConnection;

  constructor(connection: SwrConnection) {
    this.connection = connection;
  }

  connect(options?: ConnectOptions): Promise<ApiClient> {
    return connectSwrWhenNeeded(this.connection, options);
  }

  /** The listing and deleting code (./tag-registry.ts) is loaded here, once the inputs are valid. */
  async registry(api: ApiClient, namespace: string): Promise<TagRegistry> {
    const { swrTagRegistry } = await import('./tag-registry.ts');
    return swrTagRegistry(api, namespace, this.connection.region);
  }
}

export const swrTags: TagSupport = {
  namespaceKind: 'an SWR organization',
  namespaceProblems: swrNamespaceProblems,
  read: (reader) => new SwrTagTarget(readSwrConnection(reader)),
  retention: swrRetention,
};
