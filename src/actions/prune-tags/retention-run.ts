// prune-tags in retention-policy mode: make each repository's SWR retention policy match the rules.
import { appendJobSummary } from '../../core/action/job-summary.ts';
import { setStepOutput } from '../../core/action/step-outputs.ts';
import type { ApiClient } from '../../core/http/types.ts';
import { logInfo, logWarning } from '../../core/output/log.ts';
import { code, Markdown, md, summaryHeading } from '../../core/output/markdown.ts';
import { shown } from '../../core/output/shown.ts';
import { segmentProblems } from '../../core/path/api-path.ts';
import { SWR_RETENTION_ID } from '../../providers/swr/path-segments.ts';
import { createSwrRetention, listSwrRetentions, updateSwrRetention } from '../../providers/swr/retentions.ts';
import { RetentionConflictError } from './errors.ts';
import type { PruneInputs } from './inputs.ts';
import { swrRegistry } from './registry.ts';
import { resolveRepositories } from './repositories.ts';
import { planRetention, type RetentionChange } from './retention-policy.ts';

/** What happened to one repository's policy. */
interface PolicyResult {
  repository: string;
  action: 'created' | 'updated' | 'unchanged' | 'would create' | 'would update' | 'conflict';
  id?: number;
  detail?: string;
}

/** Creates or updates one policy per repository (none when equal); stops with the conflicts at the end. */
export async function applyRetentionPolicies(api: ApiClient, inputs: PruneInputs): Promise<void> {
  const target = inputs.retention!;
  const repositories = await resolveRepositories(swrRegistry(api, inputs.namespace), inputs.repositories);
  const results: PolicyResult[] = [];
  for (const repository of repositories) {
    const change = planRetention(await listSwrRetentions(api, inputs.namespace, repository), target.settings);
    results.push(await applyChange(api, inputs, repository, change));
  }
  const rule = describeRule(inputs);
  // The notes concern a policy being stored: warned when this run writes one, plain info when all are unchanged.
  const writes = results.some((r) => r.action !== 'unchanged' && r.action !== 'conflict');
  for (const note of target.notes) {
    if (writes) logWarning(shown`${note}`);
    else logInfo(shown`Note: ${note}`);
  }
  for (const r of results)
    logInfo(
      shown`${r.repository}: ${r.action}${r.id === undefined ? '' : ` (policy ${r.id})`}${r.detail ? `: ${r.detail}` : ''}`,
    );
  setStepOutput('retention-policies', JSON.stringify(results));
  for (const name of ['deleted-count', 'kept-count', 'protected-count', 'planned-count', 'reclaimed-bytes'])
    setStepOutput(name, '0');
  setStepOutput('deleted', '[]');
  setStepOutput('failed', '[]');
  await appendJobSummary(summary(inputs.namespace, rule, results, target.notes));
  const conflicts = results.filter((r) => r.action === 'conflict');
  if (conflicts.length > 0) {
    throw new RetentionConflictError(
      `Not changed: ${conflicts.map((c) => `${c.repository} (${c.detail})`).join('; ')}.`,
    );
  }
}

async function applyChange(
  api: ApiClient,
  inputs: PruneInputs,
  repository: string,
  change: RetentionChange,
): Promise<PolicyResult> {
  const settings = inputs.retention!.settings;
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
      if (inputs.dryRun) return { repository, action: 'would create' };
      const id = await createSwrRetention(api, inputs.namespace, repository, settings);
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
      if (inputs.dryRun) return { repository, action: 'would update', id: change.id };
      await updateSwrRetention(api, inputs.namespace, repository, change.id, settings);
      return { repository, action: 'updated', id: change.id };
    }
  }
}

function describeRule(inputs: PruneInputs): Markdown {
  const rule = inputs.retention!.settings.rules[0]!;
  const what =
    rule.template === 'date_rule'
      ? `delete tags older than ${rule.params.days} days`
      : `keep the newest ${rule.params.num} tags`;
  const except = Markdown.join(
    rule.tag_selectors.map((s) => code(s.pattern)),
    ', ',
  );
  return rule.tag_selectors.length > 0 ? md`${what}, except tags matching ${except}` : md`${what}`;
}

function summary(
  namespace: string,
  rule: Markdown,
  results: readonly PolicyResult[],
  notes: readonly string[],
): Markdown {
  const lines = [
    summaryHeading('prune-tags', md`retention policies in ${namespace}`),
    md``,
    md`Policy: ${rule}.`,
    md``,
    md`| repository | change | policy id |`,
    md`|---|---|---:|`,
  ];
  for (const r of results)
    lines.push(md`| ${r.repository} | ${r.action}${r.detail ? `: ${r.detail}` : ''} | ${r.id ?? ''} |`);
  lines.push(
    md``,
    md`**What the SWR policy does not express:**`,
    md``,
    ...notes.map((n) => md`- ${n}`),
    md``,
  );
  return Markdown.join(lines, '\n');
}
