// prune-tags in retention-policy mode: make each repository's stored retention policy match the rules.
import { appendJobSummary } from '../../core/action/job-summary.ts';
import { setStepOutput } from '../../core/action/step-outputs.ts';
import type { ApiClient } from '../../core/http/types.ts';
import { logInfo, logWarning } from '../../core/output/log.ts';
import { Markdown, md, summaryHeading } from '../../core/output/markdown.ts';
import { shown } from '../../core/output/shown.ts';
import type { PolicyResult, RetentionPolicy } from '../../providers/seam/tags.ts';
import { RetentionConflictError } from './errors.ts';
import type { PruneInputs } from './inputs.ts';
import { resolveRepositories } from './repositories.ts';

/** Creates or updates one policy per repository (none when equal); stops with the conflicts at the end. */
export async function applyRetentionPolicies(
  api: ApiClient,
  inputs: PruneInputs,
  policy: RetentionPolicy,
): Promise<void> {
  const registry = await inputs.target.registry(api, inputs.namespace);
  const repositories = await resolveRepositories(registry, inputs.repositories);
  const results: PolicyResult[] = [];
  for (const repository of repositories) {
    results.push(await policy.apply(api, inputs.namespace, repository, inputs.dryRun));
  }
  // The notes concern a policy being stored: warned when this run writes one, plain info when all are unchanged.
  const writes = results.some((r) => r.action !== 'unchanged' && r.action !== 'conflict');
  for (const note of policy.notes) {
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
  await appendJobSummary(summary(inputs, policy, results));
  const conflicts = results.filter((r) => r.action === 'conflict');
  if (conflicts.length > 0) {
    throw new RetentionConflictError(
      `Not changed: ${conflicts.map((c) => `${c.repository} (${c.detail})`).join('; ')}.`,
    );
  }
}

function summary(inputs: PruneInputs, policy: RetentionPolicy, results: readonly PolicyResult[]): Markdown {
  const lines = [
    summaryHeading('prune-tags', md`retention policies in ${inputs.namespace}`),
    md``,
    md`Policy: ${policy.description}.`,
    md``,
    md`| repository | change | policy id |`,
    md`|---|---|---:|`,
  ];
  for (const r of results)
    lines.push(md`| ${r.repository} | ${r.action}${r.detail ? `: ${r.detail}` : ''} | ${r.id ?? ''} |`);
  lines.push(
    md``,
    md`**What the ${inputs.provider.label} policy does not express:**`,
    md``,
    ...policy.notes.map((n) => md`- ${n}`),
    md``,
  );
  return Markdown.join(lines, '\n');
}
