// login post step: undo exactly what main recorded, even after a failed or cancelled job. The code that
// edits the Docker config is loaded only when there is a login to remove.
import { errorMessage } from '../../core/errors/errors.ts';
import { logInfo, logWarning } from '../../core/output/log.ts';
import { shown } from '../../core/output/shown.ts';
import { emptiedJobDir, keptLoginNote, readLoginState } from './state.ts';

/**
 * The post step: remove every login main added (restoring what each replaced), last first, unless
 * logout is false. Each removal is tried on its own; the step fails after them if one could not be undone.
 */
export async function logout(): Promise<void> {
  const state = readLoginState();
  if (!state || state.logins.length === 0) {
    logInfo(shown`Nothing to log out: the login step wrote no credentials.`);
    return;
  }
  if (!state.logout) {
    for (const { registry, record } of state.logins) {
      logInfo(
        shown`logout is false: keeping the login; ${keptLoginNote(registry, record.configDir, emptiedJobDir(process.env))}`,
      );
    }
    return;
  }
  const { removeDockerLogin } = await import('../../core/docker/docker-login.ts');
  let failure: unknown;
  for (const { registry, record } of [...state.logins].reverse()) {
    try {
      for (const note of await removeDockerLogin(record)) logInfo(shown`${note}`);
      logInfo(shown`Logged out of ${registry}.`);
    } catch (error) {
      failure ??= error;
      logWarning(shown`Could not remove the login to ${registry}: ${errorMessage(error)}`);
    }
  }
  if (failure !== undefined) throw failure;
}
