// sync-whitelist's main step, as src/actions/sync-whitelist/main.ts, with the toy provider in the table.
import { readSyncWhitelistInputs } from '../../../../src/actions/sync-whitelist/inputs.ts';
import { syncWhitelist } from '../../../../src/actions/sync-whitelist/run.ts';
import { InputReader } from '../../../../src/core/action/input-reader.ts';
import { runAction } from '../../../../src/core/action/run-action.ts';
import { WITH_TOY } from '../table.ts';

await runAction(() => syncWhitelist(readSyncWhitelistInputs(new InputReader(), process.env, WITH_TOY)));
