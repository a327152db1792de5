// CCR enterprise tags for prune-tags: the listing, deletes, and the manifests of kept tags, which the tag API
// never marks as lists, read from the instance's registry with a temporary docker login.
import type { ApiClient } from '../../core/http/types.ts';
import { segmentProblems } from '../../core/path/api-path.ts';
import { normalizeDigest } from '../../core/registry/manifest-document.ts';
import { createManifestReader } from '../../core/registry/manifest-reader.ts';
import { manifestsOnce } from '../../core/registry/manifests-once.ts';
import { parseTime, refusal, type TagInfo } from '../seam/tag-info.ts';
import { TagTable } from '../seam/tag-table.ts';
import type { TagRegistry } from '../seam/tags.ts';
import type { CcrDockerUser } from './docker-user.ts';
import { CCR_REPOSITORY, CCR_TAG } from './path-segments.ts';
import { findCcrProject } from './projects.ts';
import { type CcrTag, ccrProjectTags } from './tags.ts';
import { obtainCcrTemporaryLogin } from './temporary-login.ts';

/** The temporary password that reads manifests lives the shortest time CCR issues: one hour. */
const MANIFEST_LOGIN_HOURS = 1;

/** CCR enterprise project `project` of instance `instanceId`. */
export function ccrTagRegistry(
  api: ApiClient,
  instanceId: string,
  project: string,
  user: CcrDockerUser,
  access: 'public' | 'private',
): TagRegistry {
  const tags = ccrProjectTags(api, instanceId, project);
  let host: string | undefined;
  // One temporary login for the run, on the instance's domain, asked for only when a manifest must be read.
  const read = manifestsOnce(async () => {
    const login = await obtainCcrTemporaryLogin(api, instanceId, user, {
      access,
      durationHours: MANIFEST_LOGIN_HOURS,
    });
    host = login.registry;
    return createManifestReader(login, { provider: 'CCR' });
  });
  return {
    repositoryProblems: (name) => segmentProblems(name, CCR_REPOSITORY),
    listTags: async (repository) => {
      // Each page goes into the table as it arrives: whole records (scan reports included) never pile up;
      // the first page's total sizes the table once instead of growing it by doubling.
      const table = new TagTable();
      await tags.eachPage(repository, {
        page: (records) => {
          for (const record of records) table.push(fromCcrTag(record));
        },
        total: (count) => table.reserve(count),
      });
      return table;
    },
    deleteTag: (repository, tag, signal) => tags.delete(repository, tag, signal),
    namespaceExists: async () => (await findCcrProject(api, instanceId, project)) !== undefined,
    namespaceLabel: `CCR namespace ${project} of instance ${instanceId}`,
    listsUnmarked: true,
    manifests: {
      get registry() {
        return host ?? `of instance ${instanceId}`;
      },
      read: (repository, digest) => read(`${project}/${repository}`, digest),
    },
  };
}

/**
 * CCR's record as the planner's view; the API does not expose manifest lists, so every tag comes as an
 * image until its manifest is read (listsUnmarked).
 */
export function fromCcrTag(record: CcrTag): TagInfo {
  return {
    ...refusal(record.tagName, CCR_TAG),
    name: String(record.tagName),
    digest: normalizeDigest(record.digest),
    updatedAt: parseTime(record.pushTime),
    size: typeof record.size === 'number' ? record.size : 0,
    kind: 'image',
  };
}
