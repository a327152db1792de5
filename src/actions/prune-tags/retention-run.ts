// prune-tags in retention-policy mode: make each repository's SWR retention policy match the rules.
import * as core from '@actions/core';
import { appendJobSummary } from '../../core/action/job-summary.ts';
import type { ApiClient } from '../../core/http/types.ts';
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
  for (const note of target.notes) core.warning(note);
  const repositories = await resolveRepositories(swrRegistry(api, inputs.namespace), inputs.repositories);
  const results: PolicyResult[] = [];
  for (const repository of repositories) {
    const change = planRetention(await listSwrRetentions(api, inputs.namespace, repository), target.settings);
    results.push(await applyChange(api, inputs, repository, change));
  }
  const rule = describeRule(inputs);
  for (const r of results)
    core.info(
      `${r.repository}: ${r.action}${r.id === undefined ? '' : ` (policy ${r.id})`}${r.detail ? `: ${r.detail}` : ''}`,
    );
  core.setOutput('retention-policies', JSON.stringify(results));
  for (const name of ['deleted-count', 'kept-count', 'protected-count', 'planned-count', 'reclaimed-bytes'])
    core.setOutput(name, '0');
  core.setOutput('deleted', '[]');
  core.setOutput('failed', '[]');
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
    case 'update':
      if (inputs.dryRun) return { repository, action: 'would update', id: change.id };
      await updateSwrRetention(api, inputs.namespace, repository, change.id, settings);
      return { repository, action: 'updated', id: change.id };
  }
}

function describeRule(inputs: PruneInputs): string {
  const rule = inputs.retention!.settings.rules[0]!;
  const what =
    rule.template === 'date_rule'
      ? `delete tags older than ${rule.params.days} days`
      : `keep the newest ${rule.params.num} tags`;
  const except = rule.tag_selectors.map((s) => `\`${s.pattern}\``).join(', ');
  return except ? `${what}, except tags matching ${except}` : what;
}

function summary(
  namespace: string,
  rule: string,
  results: readonly PolicyResult[],
  notes: readonly string[],
): string {
  const lines = [
    `## prune-tags: retention policies in ${namespace}`,
    '',
    `Policy: ${rule}.`,
    '',
    '| repository | change | policy id |',
    '|---|---|---:|',
  ];
  for (const r of results)
    lines.push(`| ${r.repository} | ${r.action}${r.detail ? `: ${r.detail}` : ''} | ${r.id ?? ''} |`);
  lines.push('', '**What the SWR policy does not express:**', '', ...notes.map((n) => `- ${n}`), '');
  return lines.join('\n');
}
