import { runAction } from '../../core/action/run-action.ts';
import { logout } from './logout.ts';

await runAction(logout);
