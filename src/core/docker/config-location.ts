import { join } from 'node:path';

/** Where login writes config.json. */
export type ConfigLocation =
  /** DOCKER_CONFIG is set (by the workflow, or by an earlier login step of this job): use it. */
  | { kind: 'given'; dir: string }
  /** A new directory for this job under its temp directory (RUNNER_TEMP), seeded from the user's ~/.docker. */
  | { kind: 'isolated'; parent: string; seedDir: string }
  /** No job directory (no RUNNER_TEMP): ~/.docker, as `docker login` would. */
  | { kind: 'home'; dir: string };

/**
 * Chooses the config directory. Jobs running side by side on one machine share HOME, so writing
 * ~/.docker/config.json would let one job's login or logout break another's push; each job gets its own
 * under `jobTempDir` (the host's directory for the job: RUNNER_TEMP on a runner).
 */
export function chooseConfigLocation(
  env: Readonly<Record<string, string | undefined>>,
  homeDir: string,
  jobTempDir: string | undefined,
): ConfigLocation {
  const given = env.DOCKER_CONFIG?.trim();
  if (given) return { kind: 'given', dir: given };
  const seedDir = join(homeDir, '.docker');
  if (jobTempDir) return { kind: 'isolated', parent: jobTempDir, seedDir };
  return { kind: 'home', dir: seedDir };
}
