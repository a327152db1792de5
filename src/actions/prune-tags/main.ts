// Entry of dist/prune-tags/index.js. The inputs are read and checked first; the code that lists, plans and
// deletes (./run.ts, the providers' clients) is loaded only then, so a step that stops on an input never
// reads it.
import { runAction } from '../../core/action/run-action.ts';
import { readPruneInputs } from './inputs.ts';

void runAction(async () => {
  const inputs = readPruneInputs();
  const { prune } = await import('./run.ts');
  await prune({}, inputs);
});
