import { runAction } from '../../core/action/run-action.ts';
import { releaseWhitelist } from './release.ts';

await runAction(() => releaseWhitelist());
