// sync-whitelist's post step, as src/actions/sync-whitelist/post.ts, connecting through the toy-enabled table.
import { chooseAllowlist } from '../../../../src/actions/sync-whitelist/inputs.ts';
import { releaseWhitelist } from '../../../../src/actions/sync-whitelist/release.ts';
import { InputReader } from '../../../../src/core/action/input-reader.ts';
import { runAction } from '../../../../src/core/action/run-action.ts';
import { WITH_TOY } from '../table.ts';

async function connect() {
  const reader = new InputReader();
  const target = chooseAllowlist(reader, WITH_TOY).allowlist.read(reader);
  return target.allowlist(await target.connect());
}

await runAction(() => releaseWhitelist({ connect }));
