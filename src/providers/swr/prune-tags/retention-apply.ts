// Stores one SWR retention policy in a repository: created, updated, or left alone when equal.
import type { ApiClient } from '../../../core/http/types.ts';
import { segmentProblems } from '../../../core/path/api-path.ts';
import { assertNever } from '../../../core/types/assert-never.ts';
import type { PolicyResult } from '../../seam/tags.ts';
import { SWR_RETENTION_ID } from '../path-segments.ts';
import { createSwrRetention, listSwrRetentions, updateSwrRetention } from '../retentions.ts';
import { planRetention, type RetentionTarget } from './retention-policy.ts';

/** Creates the repository's policy when it has none, updates a different one, leaves an equal one alone. */
export async function applyRetention(
  api: ApiClient,
  where: { namespace: string; repository: string; dryRun: boolean },
  target: RetentionTarget,
): Promise<PolicyResult> {
  const { namespace, repository, dryRun } = where;
  const change = planRetention(await listSwrRetentions(api, namespace, repository), target.settings);
  switch (change.action) {
    case 'unchanged':
      return { repository, action: 'unchanged', id: change.id };
    case 'conflict':
      return {
        repository,
        action: 'conflict',
        detail: `it has ${change.ids.length} retention policies (ids ${change.ids.join(', ')}); keep at most one, then run again`,
      };
    case 'create': {
      if (dryRun) return { repository, action: 'would create' };
      const id = await createSwrRetention(api, namespace, repository, target.settings);
      return id === undefined ? { repository, action: 'created' } : { repository, action: 'created', id };
    }
    case 'update': {
      // The id comes from the listing: one that cannot go into a path is reported, never used.
      const problems = segmentProblems(String(change.id), SWR_RETENTION_ID);
      if (problems.length > 0) {
        return {
          repository,
          action: 'conflict',
          detail: `its policy id ${JSON.stringify(change.id)} ${problems.join('; ')}`,
        };
      }
      if (dryRun) return { repository, action: 'would update', id: change.id };
      await updateSwrRetention(api, namespace, repository, change.id, target.settings);
      return { repository, action: 'updated', id: change.id };
    }
    default:
      return assertNever(change, 'retention change');
  }
}
