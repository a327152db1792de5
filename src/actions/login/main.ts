import { runAction } from '../../core/action/run-action.ts';
import { login } from './run.ts';

await runAction(() => login());
