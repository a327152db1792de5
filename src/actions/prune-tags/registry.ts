// One interface over SWR and CCR enterprise for what prune-tags needs: repositories, tags, deletes.
import type { ApiClient } from '../../core/http/types.ts';
import { type SegmentRule, segmentProblems } from '../../core/path/api-path.ts';
import { CCR_REPOSITORY, CCR_TAG } from '../../providers/ccr/path-segments.ts';
import { findCcrProject } from '../../providers/ccr/projects.ts';
import { type CcrTag, deleteCcrTag, listCcrTags } from '../../providers/ccr/tags.ts';
import { findSwrNamespace } from '../../providers/swr/namespaces.ts';
import { SWR_REPOSITORY, SWR_TAG } from '../../providers/swr/path-segments.ts';
import { listSwrRepositories } from '../../providers/swr/repositories.ts';
import { deleteSwrTag, pagesOfSwrTags, type SwrTag } from '../../providers/swr/tags.ts';
import { manifestListChildren, parseTime, type TagInfo } from './tag-info.ts';

/** The calls prune-tags makes, bound to one namespace (SWR organization or CCR project). */
export interface TagRegistry {
  /** Every repository of the namespace; undefined when the registry cannot list them (CCR). */
  listRepositories?: () => Promise<string[]>;
  /** Why a listed repository name cannot go into a request (empty when it can). */
  repositoryProblems(name: string): string[];
  /** Every tag of a repository, complete or a thrown ListingIncompleteError / ApiError. */
  listTags(repository: string): Promise<TagInfo[]>;
  /** Deletes one tag; 'absent' when it was already gone. */
  deleteTag(repository: string, tag: string): Promise<'deleted' | 'absent'>;
  /** Whether the namespace exists and these credentials can see it. */
  namespaceExists(): Promise<boolean>;
  /** How the namespace is named in messages: `SWR organization team`. */
  namespaceLabel: string;
}

/** SWR organization `namespace`. */
export function swrRegistry(api: ApiClient, namespace: string): TagRegistry {
  return {
    listRepositories: async () => (await listSwrRepositories(api, { namespace })).map((r) => r.name),
    repositoryProblems: (name) => segmentProblems(name, SWR_REPOSITORY),
    listTags: async (repository) => {
      // Converted page by page: the raw records (manifest text included) never pile up in memory.
      const tags: TagInfo[] = [];
      for await (const page of pagesOfSwrTags(api, namespace, repository)) tags.push(...page.map(fromSwrTag));
      return tags;
    },
    deleteTag: (repository, tag) => deleteSwrTag(api, namespace, repository, tag),
    namespaceExists: async () => (await findSwrNamespace(api, namespace, 'visible')) !== undefined,
    namespaceLabel: `SWR organization ${namespace}`,
  };
}

/** CCR enterprise project `project` of instance `instanceId`. */
export function ccrRegistry(api: ApiClient, instanceId: string, project: string): TagRegistry {
  return {
    repositoryProblems: (name) => segmentProblems(name, CCR_REPOSITORY),
    listTags: async (repository) => (await listCcrTags(api, instanceId, project, repository)).map(fromCcrTag),
    deleteTag: (repository, tag) => deleteCcrTag(api, instanceId, project, repository, tag),
    namespaceExists: async () => (await findCcrProject(api, instanceId, project)) !== undefined,
    namespaceLabel: `CCR namespace ${project} of instance ${instanceId}`,
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
    ...refusal(record.Tag, SWR_TAG),
    tag: String(record.Tag),
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
    ...refusal(record.tagName, CCR_TAG),
    tag: String(record.tagName),
    digest: record.digest ?? '',
    updatedAt: parseTime(record.pushTime),
    size: typeof record.size === 'number' ? record.size : 0,
    kind: 'image',
  };
}

/** A listed tag name that breaks the tag rules is kept and never goes into a request. */
function refusal(tag: unknown, rule: SegmentRule): Pick<TagInfo, 'refused'> {
  const problems = typeof tag === 'string' ? segmentProblems(tag, rule) : ['is not text'];
  return problems.length === 0 ? {} : { refused: `not a valid tag name: it ${problems.join('; ')}` };
}
