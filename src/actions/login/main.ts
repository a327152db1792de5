// Entry of dist/login/index.js. The inputs are read and checked first; the code that logs in (./run.ts, the
// providers' clients) is loaded only then, so a step that stops on an input never reads it.
import { runAction } from '../../core/action/run-action.ts';
import { readLoginInputs } from './inputs.ts';

await runAction(async () => {
  const inputs = readLoginInputs();
  const { login } = await import('./run.ts');
  await login({}, inputs);
});
