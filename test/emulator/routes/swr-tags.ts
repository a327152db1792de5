// SWR image tags (spec 4.3): list (paged, sorted, filtered) and delete (by tag or by digest, see tagDeleteMode).
import { empty, json } from '../responses.ts';
import type { RequestContext, Route } from '../route-types.ts';
import { tagsInListOrder } from '../sorted-tags.ts';
import { deleteImageTag, type ImageTag } from '../state.ts';
import { listParameters, pageOf, readPage } from '../swr-paging.ts';
import { findRepository, isResponse, swrErrors, swrRegistryHost } from '../swr-rules.ts';

/** The manifest text SWR returns with a tag: an image manifest, or a manifest list naming its children. */
export function manifestText(tag: ImageTag): string {
  if (tag.tagType === 1) {
    return JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.docker.distribution.manifest.list.v2+json',
      manifests: tag.children.map((digest) => ({
        mediaType: 'application/vnd.docker.distribution.manifest.v2+json',
        digest,
        size: 528,
        platform: { architecture: 'amd64', os: 'linux' },
      })),
    });
  }
  return JSON.stringify({
    schemaVersion: 2,
    mediaType: 'application/vnd.docker.distribution.manifest.v2+json',
    config: { mediaType: 'application/vnd.docker.container.image.v1+json', size: 1862, digest: tag.digest },
    layers: [
      { mediaType: 'application/vnd.docker.image.rootfs.diff.tar.gzip', size: tag.size, digest: tag.digest },
    ],
  });
}

function tagRecord(context: RequestContext, repoId: number, base: string, tag: ImageTag) {
  const path = `${base}:${tag.name}`;
  return {
    id: tag.id,
    repo_id: repoId,
    Tag: tag.name,
    image_id: tag.digest.replace(/^sha256:/, ''),
    ...(tag.manifest === null ? {} : { manifest: tag.manifest ?? manifestText(tag) }),
    digest: tag.digest,
    schema: 2,
    path,
    internal_path: path,
    size: tag.size,
    is_trusted: false,
    created: tag.created,
    updated: tag.updated,
    deleted: null,
    domain_id: context.state.credentials.huawei.domainId,
    tag_type: tag.tagType,
  };
}

function listTags(context: RequestContext) {
  const found = findRepository(context);
  if (isResponse(found)) return found;
  const params = listParameters(context.query, ['offset', 'limit', 'order_column', 'order_type', 'tag']);
  if (isResponse(params)) return params;
  const page = readPage(params);
  if (page && isResponse(page)) return page;
  if (params.order_column !== undefined && params.order_column !== 'updated_at') {
    return swrErrors.invalidParameter('order_column must be updated_at.');
  }
  if (params.order_type !== undefined && params.order_type !== 'asc' && params.order_type !== 'desc') {
    return swrErrors.invalidParameter('order_type must be asc or desc.');
  }
  const { namespace, repository } = found;
  const filter = params.tag;
  const ascending = tagsInListOrder(repository.tags);
  const matching = filter === undefined ? [...ascending] : ascending.filter((t) => t.name.includes(filter));
  const sorted = params.order_type === 'asc' ? matching : matching.reverse();
  const { items, headers } = pageOf(sorted, page, true, context.state.swrPageCap);
  const base = `${swrRegistryHost(context)}/${namespace.name}/${repository.name}`;
  return json(
    200,
    items.map((tag) => tagRecord(context, repository.id, base, tag)),
    headers,
  );
}

function deleteTag(context: RequestContext) {
  const found = findRepository(context);
  if (isResponse(found)) return found;
  const removed = deleteImageTag(
    found.repository.tags,
    context.params.tag ?? '',
    context.state.tagDeleteMode,
  );
  if (removed.length === 0) return swrErrors.tagMissing();
  found.repository.updated = context.now.toISOString();
  return empty(204);
}

export const swrTagRoutes: Route[] = [
  {
    method: 'GET',
    path: '/v2/manage/namespaces/:namespace/repos/:repository/tags',
    provider: 'swr',
    handle: listTags,
  },
  {
    method: 'DELETE',
    path: '/v2/manage/namespaces/:namespace/repos/:repository/tags/:tag',
    provider: 'swr',
    handle: deleteTag,
  },
];
