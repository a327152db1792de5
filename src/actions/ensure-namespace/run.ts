// ensure-namespace: read inputs, connect, plan, apply (or only check), then outputs and job summary.
import { logInfo, logWarning } from '../../core/output/log.ts';
import { shown } from '../../core/output/shown.ts';
import type { NamespaceSession } from '../../providers/seam/namespaces.ts';
import { type EnsureOutcome, ensureNamespace } from './ensure.ts';
import { NamespacePlanError } from './errors.ts';
import { type EnsureNamespaceInputs, readEnsureNamespaceInputs } from './inputs.ts';
import { runMode, throwIfBlocked } from './mode.ts';
import { checkDifferences, type RunReport, setOutputs, writeSummary } from './report.ts';

/** Runs the action: the entry main.ts hands to runAction. */
export async function runEnsureNamespace(
  inputs: EnsureNamespaceInputs = readEnsureNamespaceInputs(),
): Promise<void> {
  const mode = runMode(inputs);
  const { namespace, target } = inputs;
  logInfo(
    shown`ensure-namespace: ${namespace} on ${inputs.provider.toUpperCase()}, state ${inputs.state}, ${mode}`,
  );
  const session = await target.open(await target.connect());
  const report = await ensure(session, inputs, mode);
  setOutputs(report);
  await writeSummary(report);
  for (const drift of report.plan.drift) if (mode !== 'check-only') logWarning(shown`${drift}`);
  failOnFindings(report);
}

async function ensure(
  session: NamespaceSession,
  inputs: EnsureNamespaceInputs,
  mode: RunReport['mode'],
): Promise<RunReport> {
  const base = { namespace: inputs.namespace, provider: inputs.provider, mode };
  let outcome: EnsureOutcome;
  try {
    outcome = await ensureNamespace(session, inputs.namespace, mode, logInfo);
  } catch (error) {
    // A blocked plan still gets its summary, so the reason shows on the run page.
    if (error instanceof NamespacePlanError) {
      const plan = { changes: [], blockers: [...error.reasons], drift: [] };
      await writeSummary({ ...base, plan, done: [], created: false, registryPath: '' });
    }
    throw error;
  }
  const host = inputs.registry ?? (await session.registryHost());
  return { ...base, ...outcome, registryPath: `${host}/${inputs.namespace}` };
}

/** check-only fails on any difference; every mode fails on blockers (nothing was changed then). */
function failOnFindings(report: RunReport): void {
  if (report.mode === 'check-only') {
    const differences = checkDifferences(report.plan);
    if (differences.length === 0) return;
    throw new NamespacePlanError(
      `check-only: namespace ${report.namespace} differs from the declaration ` +
        `(${differences.length}):\n- ${differences.join('\n- ')}`,
      differences,
    );
  }
  throwIfBlocked(report.plan);
}
