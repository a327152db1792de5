// prune-tags on SWR: an organization's repositories, their tags, and deletes.
import type { ApiClient } from '../../../core/http/types.ts';
import { withSignal } from '../../../core/http/with-signal.ts';
import { segmentProblems } from '../../../core/path/api-path.ts';
import { manifestListChildren, normalizeDigest } from '../../../core/registry/manifest-document.ts';
import { createManifestReader } from '../../../core/registry/manifest-reader.ts';
import { manifestsOnce } from '../../../core/registry/manifests-once.ts';
import { parseTime, refusal, type TagInfo } from '../../seam/tag-info.ts';
import { TagTable } from '../../seam/tag-table.ts';
import type { TagRegistry } from '../../seam/tags.ts';
import { chooseSwrLogin } from '../login.ts';
import { createSwrLoginSecret } from '../login-secret.ts';
import { findSwrNamespace } from '../namespaces.ts';
import { SWR_REPOSITORY, SWR_TAG } from '../path-segments.ts';
import { swrRegistryHost } from '../registry-host.ts';
import { listSwrRepositories } from '../repositories.ts';
import { deleteSwrTag, pagesOfSwrTags, type SwrTag } from '../tags.ts';

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
      // Converted as each page arrives: the raw records (manifest text included) never pile up in memory.
      const tags = new TagTable();
      const pages = pagesOfSwrTags(api, namespace, repository, {
        shape: fromSwrTag,
        keyOf: (tag) => tag.name,
      });
      for await (const page of pages) for (const tag of page) tags.push(tag);
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
/**
 * SWR's record as the planner's view; `tag_type` 1 is a manifest list (spec table 4-35), and so is any
 * tag whose manifest text is an index (an OCI index reported as type 0 must still protect its images).
 */
export function fromSwrTag(record: SwrTag): TagInfo {
  // Only an index has a "manifests" field: skip parsing the plain image manifests (most tags).
  const mayBeList = record.tag_type === 1 || record.manifest?.includes('"manifests"') === true;
  const children = mayBeList ? manifestListChildren(record.manifest) : undefined;
  // Built with its usual fields in one literal (the rare ones added after), so 100,000 tags share one compact shape.
  const info: TagInfo = {
    name: String(record.Tag),
    digest: normalizeDigest(record.digest),
    updatedAt: parseTime(record.updated ?? record.created),
    size: typeof record.size === 'number' ? record.size : 0,
    kind: record.tag_type === 1 || children !== undefined ? 'list' : 'image',
  };
  const { refused } = refusal(record.Tag, SWR_TAG);
  if (refused !== undefined) info.refused = refused;
  if (info.kind === 'list' && children) info.children = children;
  return info;
}
