import { nodeChildProcess } from '../node/builtins.ts';
import { isRecord } from '../types/is-record.ts';

/** Runs a credential helper's `list` and returns its stdout; rejects when it fails. */
export type HelperRunner = (program: string, args: readonly string[]) => Promise<string>;

const runHelper: HelperRunner = (program, args) =>
  new Promise((resolve, reject) => {
    const child = nodeChildProcess().execFile(
      program,
      [...args],
      { timeout: 10_000, maxBuffer: 1024 * 1024 },
      (error, stdout) => (error ? reject(error) : resolve(stdout)),
    );
    child.stdin?.end();
  });

/**
 * Registries a credsStore holds, from `docker-credential-<store> list` (server address → user name; no
 * secret). Undefined when the helper is missing or fails.
 */
export async function listStoreRegistries(
  store: string,
  run: HelperRunner = runHelper,
): Promise<string[] | undefined> {
  if (!/^[\w.-]+$/.test(store)) return undefined;
  try {
    const parsed: unknown = JSON.parse(await run(`docker-credential-${store}`, ['list']));
    if (!isRecord(parsed)) return undefined;
    return Object.keys(parsed);
  } catch {
    return undefined;
  }
}
