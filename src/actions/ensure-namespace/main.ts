import { runAction } from '../../core/action/run-action.ts';
import { runEnsureNamespace } from './run.ts';

await runAction(() => runEnsureNamespace());
