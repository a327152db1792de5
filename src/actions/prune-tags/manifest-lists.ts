// Manifest lists the listing does not describe (its manifest text missing or unreadable) are read from
// the registry's own v2 API, so their images are known instead of every deletion being held back.
import { errorMessage } from '../../core/errors/errors.ts';
import { logInfo, logWarning } from '../../core/output/log.ts';
import { shown } from '../../core/output/shown.ts';
import { plural } from '../../core/text/plural.ts';
import type { TagInfo } from '../../providers/seam/tag-info.ts';
import type { TagTable } from '../../providers/seam/tag-table.ts';
import type { TagRegistry } from '../../providers/seam/tags.ts';

/** A list tag whose images are unknown: it holds back every deletion of its repository. */
export function isUndescribedList(tag: TagInfo): boolean {
  return tag.kind === 'list' && tag.children === undefined;
}

/** Rows of undescribed lists in a table. */
function undescribedListRows(tags: TagTable): number[] {
  return tags.listRows().filter((row) => tags.children(row) === undefined);
}

export function hasUndescribedList(tags: TagTable): boolean {
  return undescribedListRows(tags).length > 0;
}

/**
 * The tags with each undescribed list read from the registry (by digest, each digest once): a list gets
 * its images, a manifest that turns out to be an image becomes one. A list that cannot be read stays
 * undescribed (so its repository's deletions stay held back), with one warning for the repository.
 */
export async function describeLists(
  registry: TagRegistry,
  repository: string,
  tags: TagTable,
): Promise<TagTable> {
  const manifests = registry.manifests;
  const digests = [...new Set(undescribedListRows(tags).map((row) => tags.digest(row)))].filter(Boolean);
  if (!manifests || digests.length === 0) return tags;
  const read = new Map<string, Pick<TagInfo, 'kind' | 'children'>>();
  const failures: string[] = [];
  for (const digest of digests) {
    try {
      const facts = await manifests.read(repository, digest);
      read.set(digest, facts.children ? { kind: 'list', children: facts.children } : { kind: 'image' });
    } catch (error) {
      failures.push(errorMessage(error));
    }
  }
  if (read.size > 0) {
    logInfo(
      shown`${repository}: read ${plural(read.size, 'manifest list')} from the registry ${manifests.registry}, as the listing does not name their images`,
    );
  }
  const [firstFailure] = failures;
  if (firstFailure !== undefined) {
    logWarning(
      shown`${repository}: could not read ${plural(failures.length, 'manifest list')} from the registry ${manifests.registry} (${firstFailure}); its images stay unknown, so no tag of ${repository} is deleted.`,
    );
  }
  return tags.map((tag) => {
    const facts = isUndescribedList(tag) ? read.get(tag.digest) : undefined;
    if (!facts) return tag;
    const { children: _unknown, ...rest } = tag;
    return { ...rest, ...facts };
  });
}
