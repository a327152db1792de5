// CCR enterprise image tags (enterprise supplement, "Tags"): list (paged), detail, delete.
import { ApiError } from '../../core/errors/errors.ts';
import type { ApiClient } from '../../core/http/types.ts';
import { withSignal } from '../../core/http/with-signal.ts';
import { type ApiPath, apiPath, pathSegment, type SegmentRule } from '../../core/path/api-path.ts';
import { pagesOfCcrList } from './paging.ts';
import {
  CCR_INSTANCE,
  CCR_NAMESPACE,
  CCR_REPOSITORY,
  CCR_REPOSITORY_DOUBLE_ENCODED,
  CCR_TAG,
} from './path-segments.ts';

/** One tag as the enterprise API returns it. */
export interface CcrTag {
  tagName: string;
  digest?: string;
  size?: number;
  pushTime?: string;
  pullTime?: string;
  /** "image" or "chart". */
  type?: string;
  architecture?: string;
  os?: string;
  author?: string;
  projectId?: number;
  repositoryId?: number;
  scanOverview?: unknown;
}

/**
 * How a `/` in a repository name travels in the path, a recorded choice: `single` (`a%2Fb`, plain
 * percent-encoding of one segment) first; `double` (`a%252Fb`, what Harbor-based APIs need because
 * their router decodes once before splitting) when the single form is not found. Our spec copy is silent.
 */
export type CcrRepositoryEncoding = 'single' | 'double';

const REPOSITORY_RULES: Record<CcrRepositoryEncoding, SegmentRule> = {
  single: CCR_REPOSITORY,
  double: CCR_REPOSITORY_DOUBLE_ENCODED,
};

/** Path of a repository's tags, the repository name in the given form. */
function ccrTagsPath(
  instanceId: string,
  project: string,
  repository: string,
  encoding: CcrRepositoryEncoding = 'single',
): ApiPath {
  const instance = pathSegment(instanceId, CCR_INSTANCE);
  const name = pathSegment(repository, REPOSITORY_RULES[encoding]);
  return apiPath`/v1/instances/${instance}/projects/${pathSegment(project, CCR_NAMESPACE)}/repositories/${name}/tags`;
}

/** Where a listing's pages go as they arrive, and its total when the first page tells it. */
export interface CcrTagPageSink {
  page(records: readonly CcrTag[]): void;
  total?(count: number): void;
}

/**
 * Every tag of one repository (pageSize 100, the API's maximum), checked against the reported total, each
 * page handed to `sink` as it arrives: a caller that keeps a few fields never holds whole records.
 */
export async function eachCcrTagPage(
  api: ApiClient,
  instanceId: string,
  project: string,
  repository: string,
  encoding: CcrRepositoryEncoding,
  sink: CcrTagPageSink,
): Promise<void> {
  const pages = pagesOfCcrList<CcrTag>(
    api,
    {
      method: 'GET',
      path: ccrTagsPath(instanceId, project, repository, encoding),
      operation: `list tags of ${project}/${repository}`,
    },
    {
      itemsKey: 'items',
      pageSize: 100,
      keyOf: (tag) => tag.tagName,
      onTotal: (count) => sink.total?.(count),
    },
  );
  for await (const page of pages) sink.page(page);
}

/** One tag's detail, or undefined when it does not exist (404). */
export async function getCcrTag(
  api: ApiClient,
  instanceId: string,
  project: string,
  repository: string,
  tag: string,
  encoding: CcrRepositoryEncoding = 'single',
): Promise<CcrTag | undefined> {
  const response = await api.request<CcrTag>({
    method: 'GET',
    path: apiPath`${ccrTagsPath(instanceId, project, repository, encoding)}/${pathSegment(tag, CCR_TAG)}`,
    operation: `get tag ${project}/${repository}:${tag}`,
    acceptStatus: [404],
  });
  return response.status === 404 ? undefined : response.body;
}

/** Deletes one tag. 'absent' when it was already gone (404): the wanted end state. */
export async function deleteCcrTag(
  api: ApiClient,
  instanceId: string,
  project: string,
  repository: string,
  tag: string,
  encoding: CcrRepositoryEncoding = 'single',
): Promise<'deleted' | 'absent'> {
  const response = await api.request({
    method: 'DELETE',
    path: apiPath`${ccrTagsPath(instanceId, project, repository, encoding)}/${pathSegment(tag, CCR_TAG)}`,
    operation: `delete tag ${project}/${repository}:${tag}`,
    acceptStatus: [404],
    rawBody: true,
  });
  return response.status === 404 ? 'absent' : 'deleted';
}

/** The tags of one project, each repository in the path form its listing proved (see CcrRepositoryEncoding). */
export interface CcrProjectTags {
  /** Hands each page of the repository's tags to `sink` as it arrives (see eachCcrTagPage). */
  eachPage(repository: string, sink: CcrTagPageSink): Promise<void>;
  get(repository: string, tag: string): Promise<CcrTag | undefined>;
  /** Not sent once `signal` is aborted. */
  delete(repository: string, tag: string, signal?: AbortSignal): Promise<'deleted' | 'absent'>;
}

/**
 * Lists with the single form; a 404 for a name with `/` is retried in the double form, and the form
 * that answered is used for that repository's later listings, detail and delete calls (never a delete
 * on a guess).
 */
export function ccrProjectTags(api: ApiClient, instanceId: string, project: string): CcrProjectTags {
  const forms = new Map<string, CcrRepositoryEncoding>();
  const formOf = (repository: string) => forms.get(repository) ?? 'single';
  return {
    async eachPage(repository, sink) {
      // Read again (the re-check before deleting) in the form already proved.
      const proved = forms.get(repository);
      if (proved) return eachCcrTagPage(api, instanceId, project, repository, proved, sink);
      let pages = 0;
      try {
        await eachCcrTagPage(api, instanceId, project, repository, 'single', {
          page: (records) => {
            pages++;
            sink.page(records);
          },
          total: (count) => sink.total?.(count),
        });
        forms.set(repository, 'single');
      } catch (error) {
        // Only a first page not found tells the form; a 404 after pages were read is a listing cut short.
        const notFound = error instanceof ApiError && error.status === 404 && repository.includes('/');
        if (!notFound || pages > 0) throw error;
        await eachCcrTagPage(api, instanceId, project, repository, 'double', sink);
        forms.set(repository, 'double');
      }
    },
    get: (repository, tag) => getCcrTag(api, instanceId, project, repository, tag, formOf(repository)),
    delete: (repository, tag, signal) =>
      deleteCcrTag(withSignal(api, signal), instanceId, project, repository, tag, formOf(repository)),
  };
}
