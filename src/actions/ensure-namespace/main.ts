// Entry of dist/ensure-namespace/index.js. The inputs are read and checked first; the code that reads and
// changes the namespace (./run.ts, the providers' clients) is loaded only then, so a step that stops on an
// input never reads it.
import { runAction } from '../../core/action/run-action.ts';
import { readEnsureNamespaceInputs } from './inputs.ts';

await runAction(async () => {
  const inputs = readEnsureNamespaceInputs();
  const { runEnsureNamespace } = await import('./run.ts');
  await runEnsureNamespace(inputs);
});
