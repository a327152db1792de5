// prune-tags on SWR: the connection, an organization's tags, and retention policies.
import type { ApiClient } from '../../../core/http/types.ts';
import type { ConnectOptions } from '../../seam/connection.ts';
import type { TagRegistry, TagSupport, TagTarget } from '../../seam/tags.ts';
import { connectSwr } from '../connect.ts';
import { readSwrConnection, type SwrConnection } from '../connection.ts';
import { swrNamespaceProblems } from '../name-rules.ts';
import { swrRetention } from './retention.ts';
import { swrTagRegistry } from './tag-registry.ts';

/** An SWR region to prune, as read from the inputs. */
class SwrTagTarget implements TagTarget {
  readonly connection: SwrConnection;

  constructor(connection: SwrConnection) {
    this.connection = connection;
  }

  connect(options?: ConnectOptions): Promise<ApiClient> {
    return connectSwr(this.connection, options);
  }

  registry(api: ApiClient, namespace: string): TagRegistry {
    return swrTagRegistry(api, namespace, this.connection.region);
  }
}

export const swrTags: TagSupport = {
  namespaceKind: 'an SWR organization',
  namespaceProblems: swrNamespaceProblems,
  read: (reader) => new SwrTagTarget(readSwrConnection(reader)),
  retention: swrRetention,
};
