// Entry of dist/sync-whitelist/index.js. The inputs are read and checked first; the code that reads and
// changes the allowlist (./run.ts, the provider's client) is loaded only then, so a step that stops on an
// input never reads it.
import { runAction } from '../../core/action/run-action.ts';
import { readSyncWhitelistInputs } from './inputs.ts';

await runAction(async () => {
  const inputs = readSyncWhitelistInputs();
  const { syncWhitelist } = await import('./run.ts');
  await syncWhitelist(inputs);
});
