// login's main step, as src/actions/login/main.ts, with the toy provider in the table.
import { login } from '../../../../src/actions/login/run.ts';
import { runAction } from '../../../../src/core/action/run-action.ts';
import { WITH_TOY } from '../table.ts';

await runAction(() => login({ providers: WITH_TOY }));
