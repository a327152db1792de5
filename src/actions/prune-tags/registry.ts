// One interface over SWR and CCR enterprise for what prune-tags needs: repositories, tags, deletes.
import { ListingIncompleteError } from '../../core/errors/errors.ts';
import type { ApiClient } from '../../core/http/types.ts';
import { type CcrTag, deleteCcrTag, listCcrTags } from '../../providers/ccr/tags.ts';
import { listSwrRepositories } from '../../providers/swr/repositories.ts';
import { deleteSwrTag, pagesOfSwrTags, type SwrTag } from '../../providers/swr/tags.ts';
import { manifestListChildren, parseTime, type TagInfo } from './tag-info.ts';

/** The calls prune-tags makes, bound to one namespace (SWR organization or CCR project). */
export interface TagRegistry {
  /** Every repository of the namespace; undefined when the registry cannot list them (CCR). */
  listRepositories?: () => Promise<string[]>;
  /** Every tag of a repository, complete or a thrown ListingIncompleteError / ApiError. */
  listTags(repository: string): Promise<TagInfo[]>;
  /** Deletes one tag; 'absent' when it was already gone. */
  deleteTag(repository: string, tag: string): Promise<'deleted' | 'absent'>;
}

/** SWR organization `namespace`. */
export function swrRegistry(api: ApiClient, namespace: string): TagRegistry {
  return {
    listRepositories: async () => (await listSwrRepositories(api, { namespace })).map((r) => r.name),
    listTags: async (repository) => {
      // Converted page by page: the raw records (manifest text included) never pile up in memory.
      const tags: TagInfo[] = [];
      for await (const page of pagesOfSwrTags(api, namespace, repository)) tags.push(...page.map(fromSwrTag));
      return uniqueTags(`${namespace}/${repository}`, tags);
    },
    deleteTag: (repository, tag) => deleteSwrTag(api, namespace, repository, tag),
  };
}

/** CCR enterprise project `project` of instance `instanceId`. */
export function ccrRegistry(api: ApiClient, instanceId: string, project: string): TagRegistry {
  return {
    listTags: async (repository) =>
      uniqueTags(
        `${project}/${repository}`,
        (await listCcrTags(api, instanceId, project, repository)).map(fromCcrTag),
      ),
    deleteTag: (repository, tag) => deleteCcrTag(api, instanceId, project, repository, tag),
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
  const info: TagInfo = {
    tag: record.Tag,
    digest: record.digest ?? '',
    updatedAt: parseTime(record.updated ?? record.created),
    size: typeof record.size === 'number' ? record.size : 0,
    kind: record.tag_type === 1 || children !== undefined ? 'list' : 'image',
  };
  if (info.kind === 'list' && children) info.children = children;
  return info;
}

/** CCR's record as the planner's view; the API does not expose manifest lists, so every tag is an image. */
export function fromCcrTag(record: CcrTag): TagInfo {
  return {
    tag: record.tagName,
    digest: record.digest ?? '',
    updatedAt: parseTime(record.pushTime),
    size: typeof record.size === 'number' ? record.size : 0,
    kind: 'image',
  };
}

/** A tag seen twice means pages shifted under us (a delete and a push between pages): not reliable. */
function uniqueTags(repository: string, tags: TagInfo[]): TagInfo[] {
  const seen = new Set<string>();
  for (const { tag } of tags) {
    if (seen.has(tag)) {
      throw new ListingIncompleteError(
        `The tag listing of ${repository} returned ${tag} twice: the repository changed while it was read, ` +
          'so nothing was deleted. Run again when it is quiet.',
      );
    }
    seen.add(tag);
  }
  return tags;
}
