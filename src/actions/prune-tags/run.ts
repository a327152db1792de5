// prune-tags in delete mode: list everything, plan, print, guard, then delete; outputs and summary.
import * as core from '@actions/core';
import { InputReader } from '../../core/action/input-reader.ts';
import { appendJobSummary } from '../../core/action/job-summary.ts';
import { DeletionLimitError } from '../../core/errors/errors.ts';
import type { ApiClient } from '../../core/http/types.ts';
import { connectForPrune, type Throttling } from './connect.ts';
import { DeletionsFailedError } from './errors.ts';
import { type Deletion, type DeletionResult, executeDeletions } from './execute.ts';
import { type PruneInputs, readPruneInputs } from './inputs.ts';
import { pruneOutputs, type RepositoryPlan, tagRef } from './outcome.ts';
import { planPrune } from './plan.ts';
import { plural } from './plural.ts';
import { printPlans } from './print-plan.ts';
import { ccrRegistry, swrRegistry, type TagRegistry } from './registry.ts';
import { resolveRepositories } from './repositories.ts';
import { applyRetentionPolicies } from './retention-run.ts';
import { summaryMarkdown } from './summary.ts';

/** Seams for tests and tools; production defaults otherwise. */
export interface PruneDeps {
  reader?: InputReader;
  now?: () => Date;
  connect?: (inputs: PruneInputs, throttling: Throttling) => Promise<ApiClient>;
}

/** The action: every listing completes before anything is deleted. */
export async function prune(deps: PruneDeps = {}): Promise<void> {
  const inputs = readPruneInputs(deps.reader ?? new InputReader());
  const startedAt = (deps.now ?? (() => new Date()))();
  const throttling: Throttling = { throttled: 0 };
  const api = await (deps.connect ?? connectForPrune)(inputs, throttling);
  if (inputs.mode === 'retention-policy') return applyRetentionPolicies(api, inputs);

  const registry = registryFor(api, inputs);
  const repositories = await resolveRepositories(registry, inputs.repositories);
  const plans: RepositoryPlan[] = [];
  for (const repository of repositories) {
    const tags = await registry.listTags(repository);
    plans.push({ repository, plan: planPrune(tags, inputs.rules, startedAt) });
  }
  printPlans(plans, inputs.dryRun);

  const deletions = plannedDeletions(plans);
  const tooMany = deletions.length > inputs.maxDeletions;
  if (inputs.dryRun || tooMany) {
    const guard = tooMany ? new DeletionLimitError(deletions.length, inputs.maxDeletions) : undefined;
    const status = inputs.dryRun
      ? `Dry run: nothing was deleted; the plan deletes ${plural(deletions.length, 'tag')}.${guard ? ` Without dry-run it would stop: ${guard.message}` : ''}`
      : `Stopped: ${guard!.message}`;
    await finish(inputs, plans, [], status, throttling);
    if (guard && !inputs.dryRun) throw guard;
    if (guard) core.warning(guard.message);
    return;
  }

  const results = await executeDeletions(deletions, registry.deleteTag, {
    concurrency: inputs.concurrency,
    onResult: (result, done) => logProgress(result, done, deletions.length),
  });
  const failed = results.filter((r) => r.outcome === 'failed');
  const status =
    failed.length === 0
      ? `Deleted ${plural(results.length, 'tag')}.`
      : failureMessage(failed, results.length);
  await finish(inputs, plans, results, status, throttling);
  if (failed.length > 0)
    throw new DeletionsFailedError(failureMessage(failed, results.length), failed.map(tagRef));
}

function registryFor(api: ApiClient, inputs: PruneInputs): TagRegistry {
  const { connection } = inputs;
  return connection.provider === 'swr'
    ? swrRegistry(api, inputs.namespace)
    : ccrRegistry(api, connection.instanceId!, inputs.namespace);
}

function plannedDeletions(plans: readonly RepositoryPlan[]): Deletion[] {
  return plans.flatMap(({ repository, plan }) =>
    plan.decisions.filter((d) => d.verdict === 'delete').map((d) => ({ repository, tag: d.tag })),
  );
}

function logProgress(result: DeletionResult, done: number, total: number): void {
  if (result.outcome === 'failed') core.info(`failed   ${tagRef(result)}: ${result.error}`);
  else if (result.outcome === 'absent') core.info(`gone     ${tagRef(result)} (already deleted)`);
  if (done === total || done % 500 === 0) core.info(`deleted ${done} of ${total}`);
}

/** Names the failed tags (the first 20) and says what to do. */
function failureMessage(failed: readonly DeletionResult[], total: number): string {
  const shown = failed
    .slice(0, 20)
    .map((r) => `${tagRef(r)} (${r.outcome === 'failed' ? r.error : ''})`)
    .join('; ');
  const more = failed.length > 20 ? `; and ${failed.length - 20} more (see the failed output)` : '';
  return (
    `${failed.length} of ${plural(total, 'deletion')} failed; the others were done. Failed: ${shown}${more}. ` +
    'Run again to retry: tags already deleted are skipped.'
  );
}

async function finish(
  inputs: PruneInputs,
  plans: readonly RepositoryPlan[],
  results: readonly DeletionResult[],
  status: string,
  throttling: Throttling,
): Promise<void> {
  for (const [name, value] of Object.entries(pruneOutputs(plans, results))) core.setOutput(name, value);
  const throttled =
    throttling.throttled > 0
      ? ` The registry throttled ${plural(throttling.throttled, 'request')} (429); each was retried after the wait it asked for.`
      : '';
  core.info(status + throttled);
  const markdown = summaryMarkdown({
    namespace: inputs.namespace,
    plans,
    results,
    status: status + throttled,
    dryRun: inputs.dryRun,
  });
  await appendJobSummary(markdown);
}
