import { runAction } from '../../core/action/run-action.ts';
import { syncWhitelist } from './run.ts';

await runAction(() => syncWhitelist());
