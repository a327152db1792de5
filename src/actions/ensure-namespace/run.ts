// ensure-namespace: read inputs, connect, plan, apply (or only check), then outputs and job summary.
import { InputReader } from '../../core/action/input-reader.ts';
import type { ApiClient } from '../../core/http/types.ts';
import { logInfo, logWarning } from '../../core/output/log.ts';
import { shown } from '../../core/output/shown.ts';
import { connectCcr } from '../../providers/ccr/connect.ts';
import { connectSwr } from '../../providers/swr/connect.ts';
import { ensureCcrNamespace } from './ensure-ccr.ts';
import { type EnsureOutcome, ensureSwrNamespace } from './ensure-swr.ts';
import { NamespacePlanError } from './errors.ts';
import { type EnsureNamespaceInputs, readEnsureNamespaceInputs } from './inputs.ts';
import { runMode, throwIfBlocked } from './mode.ts';
import { registryHost } from './registry-host.ts';
import { checkDifferences, type RunReport, setOutputs, writeSummary } from './report.ts';

/** Runs the action: the entry main.ts hands to runAction. */
export async function runEnsureNamespace(reader: InputReader = new InputReader()): Promise<void> {
  const inputs = readEnsureNamespaceInputs(reader);
  const mode = runMode(inputs);
  const { connection, namespace } = inputs;
  logInfo(
    shown`ensure-namespace: ${namespace} on ${connection.provider.toUpperCase()}, state ${inputs.state}, ${mode}`,
  );
  const api = connection.provider === 'swr' ? await connectSwr(connection) : await connectCcr(connection);
  const report = await ensure(api, inputs, mode);
  setOutputs(report);
  await writeSummary(report);
  for (const drift of report.plan.drift) if (mode !== 'check-only') logWarning(shown`${drift}`);
  failOnFindings(report);
}

async function ensure(
  api: ApiClient,
  inputs: EnsureNamespaceInputs,
  mode: RunReport['mode'],
): Promise<RunReport> {
  const base = { namespace: inputs.namespace, provider: inputs.provider, mode };
  let outcome: EnsureOutcome;
  try {
    outcome =
      inputs.provider === 'swr'
        ? await ensureSwrNamespace(api, inputs, mode, logInfo)
        : await ensureCcrNamespace(api, inputs, mode, logInfo);
  } catch (error) {
    // A blocked plan still gets its summary, so the reason shows on the run page.
    if (error instanceof NamespacePlanError) {
      const plan = { changes: [], blockers: [...error.reasons], drift: [] };
      await writeSummary({ ...base, plan, done: [], created: false, registryPath: '' });
    }
    throw error;
  }
  const registryPath = `${await registryHost(api, inputs)}/${inputs.namespace}`;
  return { ...base, ...outcome, registryPath };
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
