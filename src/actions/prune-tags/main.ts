// Entry of dist/prune-tags/index.js.
import { runAction } from '../../core/action/run-action.ts';
import { prune } from './run.ts';

void runAction(() => prune());
