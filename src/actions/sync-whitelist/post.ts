// Entry of dist/sync-whitelist/post.js. The saved state says what to undo first; the code that connects and
// undoes (./release.ts, the provider's client) is loaded only when there is something to undo.
import { runAction } from '../../core/action/run-action.ts';
import { savedUndos } from './release-plan.ts';
import { readSyncWhitelistState } from './state.ts';

await runAction(async () => {
  const undos = savedUndos(readSyncWhitelistState());
  if (undos === undefined) return;
  const { undo } = await import('./release.ts');
  await undo(undos);
});
