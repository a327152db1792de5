// ensure-namespace's main step, as src/actions/ensure-namespace/main.ts, with the toy provider in the table.
import { readEnsureNamespaceInputs } from '../../../../src/actions/ensure-namespace/inputs.ts';
import { runEnsureNamespace } from '../../../../src/actions/ensure-namespace/run.ts';
import { InputReader } from '../../../../src/core/action/input-reader.ts';
import { runAction } from '../../../../src/core/action/run-action.ts';
import { WITH_TOY } from '../table.ts';

await runAction(() => runEnsureNamespace(readEnsureNamespaceInputs(new InputReader(), WITH_TOY)));
