// prune-tags' main step, as src/actions/prune-tags/main.ts, with the toy provider in the table.
import { prune } from '../../../../src/actions/prune-tags/run.ts';
import { runAction } from '../../../../src/core/action/run-action.ts';
import { WITH_TOY } from '../table.ts';

await runAction(() => prune({ providers: WITH_TOY }));
