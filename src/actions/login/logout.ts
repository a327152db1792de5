// login post step: undo exactly what main recorded, even after a failed or cancelled job.

import { removeDockerLogin } from '../../core/docker/docker-login.ts';
import { logInfo } from '../../core/output/log.ts';
import { shown } from '../../core/output/shown.ts';
import { keptLoginNote, readLoginState } from './state.ts';

/** The post step: remove the login main added (restoring what it replaced), unless logout is false. */
export async function logout(): Promise<void> {
  const state = readLoginState();
  if (!state) {
    logInfo(shown`Nothing to log out: the login step wrote no credentials.`);
    return;
  }
  if (!state.logout) {
    logInfo(
      shown`logout is false: keeping the login; ${keptLoginNote(state.registry, state.record.configDir, process.env.RUNNER_TEMP?.trim())}`,
    );
    return;
  }
  for (const note of await removeDockerLogin(state.record)) logInfo(shown`${note}`);
  logInfo(shown`Logged out of ${state.registry}.`);
}
