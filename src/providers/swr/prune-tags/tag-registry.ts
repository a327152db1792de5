// prune-tags on SWR: an organization's repositories, their tags, and deletes.
import type { ApiClient } from '../../../core/http/types.ts';
import { withSignal } from '../../../core/http/with-signal.ts';
import { segmentProblems } from '../../../core/path/api-path.ts';
import { createManifestReader } from '../../../core/registry/manifest-reader.ts';
import { manifestsOnce } from '../../../core/registry/manifests-once.ts';
import { TagTable } from '../../seam/tag-table.ts';
import type { TagRegistry } from '../../seam/tags.ts';
import { chooseSwrLogin } from '../login.ts';
import { createSwrLoginSecret } from '../login-secret.ts';
import { findSwrNamespace } from '../namespaces.ts';
import { SWR_REPOSITORY } from '../path-segments.ts';
import { swrRegistryHost } from '../registry-host.ts';
import { listSwrRepositories } from '../repositories.ts';
import { deleteSwrTag, pagesOfSwrTags } from '../tags.ts';
import { readSwrTagPage } from './tag-page.ts';

/** SWR organization `namespace` of `region`. */
export function swrTagRegistry(api: ApiClient, namespace: string, region: string): TagRegistry {
  // One temporary login for the run, asked for only when a manifest must be read.
  const read = manifestsOnce(async () => {
    const secret = await createSwrLoginSecret(api, region);
    return createManifestReader(chooseSwrLogin(secret, region, new Date()), { provider: 'SWR' });
  });
  return {
    listRepositories: async () => (await listSwrRepositories(api, { namespace })).map((r) => r.name),
    repositoryProblems: (name) => segmentProblems(name, SWR_REPOSITORY),
    listTags: async (repository) => {
      // Each page is read into a table of its own as it arrives: no record is ever built whole.
      const tags = new TagTable();
      const pages = pagesOfSwrTags(api, namespace, repository, {
        read: readSwrTagPage,
        keysOf: (page) => page.names(),
        onTotal: (total) => tags.reserve(total),
      });
      for await (const page of pages) tags.append(page);
      return tags;
    },
    deleteTag: (repository, tag, signal) => deleteSwrTag(withSignal(api, signal), namespace, repository, tag),
    namespaceExists: async () => (await findSwrNamespace(api, namespace, 'visible')) !== undefined,
    namespaceLabel: `SWR organization ${namespace}`,
    manifests: {
      registry: swrRegistryHost(region),
      read: (repository, digest) => read(`${namespace}/${repository}`, digest),
    },
  };
}
