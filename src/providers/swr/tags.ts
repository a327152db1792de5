// SWR image tags (spec 4.3): list one repository's tags (paged, checked complete) and delete one tag.
import type { ApiClient, ApiRequest } from '../../core/http/types.ts';
import { apiPath, pathSegment } from '../../core/path/api-path.ts';
import { pagesOfSwr, pagesOfSwrList, type SwrPaging } from './paging.ts';
import { SWR_TAG } from './path-segments.ts';
import { swrRepositoryPath } from './repositories.ts';

/** One record of `GET .../tags` (spec 4.3.1, table 4-35), in SWR's own field names. */
export interface SwrTag {
  id?: number;
  repo_id?: number;
  /** The tag name (capital T in the API). */
  Tag: string;
  image_id?: string;
  /** The manifest document as JSON text; for a manifest list it names the images (`manifests[].digest`). */
  manifest?: string;
  digest?: string;
  schema?: number;
  path?: string;
  internal_path?: string;
  size?: number;
  is_trusted?: boolean;
  created?: string;
  updated?: string;
  deleted?: string | null;
  domain_id?: string;
  /** 0: manifest; 1: manifest list. */
  tag_type?: number;
}

/** Page size for tag listings: large pages keep the request count near the minimum. */
const SWR_TAG_PAGE_SIZE = 100;

/**
 * The tags of one repository page by page, each page made by `read` from its body's bytes as it arrives (so
 * whole records never pile up), and `keysOf` telling its tags apart; throws ListingIncompleteError when the
 * pages do not add up to `Content-Range`.
 */
export function pagesOfSwrTags<P extends { readonly length: number }>(
  api: ApiClient,
  namespace: string,
  repository: string,
  pages: Pick<SwrPaging<P>, 'keysOf' | 'onTotal'> & { read: (body: Uint8Array) => P; pageSize?: number },
): AsyncGenerator<P> {
  return pagesOfSwr<P>(
    api,
    { ...tagsRequest(namespace, repository), readBody: pages.read },
    {
      pageSize: pages.pageSize ?? SWR_TAG_PAGE_SIZE,
      pageOf: (response) => response.body as P,
      keysOf: pages.keysOf,
      onTotal: pages.onTotal,
    },
  );
}

/** Every tag of one repository, read to the end and checked complete. */
export async function listSwrTags(
  api: ApiClient,
  namespace: string,
  repository: string,
  options: { pageSize?: number } = {},
): Promise<SwrTag[]> {
  const all: SwrTag[] = [];
  const pages = pagesOfSwrList<SwrTag>(api, tagsRequest(namespace, repository), {
    pageSize: options.pageSize ?? SWR_TAG_PAGE_SIZE,
    keyOf: (tag) => tag.Tag,
  });
  for await (const page of pages) all.push(...page);
  return all;
}

function tagsRequest(namespace: string, repository: string): ApiRequest {
  return {
    method: 'GET',
    path: apiPath`${swrRepositoryPath(namespace, repository)}/tags`,
    operation: `list tags of ${namespace}/${repository}`,
  };
}

/** Deletes one tag (spec 4.3.2). 'absent' when it was already gone (404): the wanted end state. */
export async function deleteSwrTag(
  api: ApiClient,
  namespace: string,
  repository: string,
  tag: string,
): Promise<'deleted' | 'absent'> {
  const response = await api.request({
    method: 'DELETE',
    path: apiPath`${swrRepositoryPath(namespace, repository)}/tags/${pathSegment(tag, SWR_TAG)}`,
    operation: `delete tag ${repository}:${tag} in namespace ${namespace}`,
    acceptStatus: [404],
    rawBody: true,
  });
  return response.status === 404 ? 'absent' : 'deleted';
}
