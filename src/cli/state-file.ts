// The CLI's state file: what a main step saved for its post step (the runner's GITHUB_STATE), as one JSON
// object of key → text, rewritten atomically (0600) at every save, so a main that stops half way still
// leaves what it saved. It holds no secret (the actions never save one).

import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { nodeCrypto } from '../core/node/builtins.ts';
import { isRecord } from '../core/types/is-record.ts';

/** The default state file of an action in a job: `<job directory>/<action>-<job key>.state.json`. */
export function defaultStateFile(jobDirectory: string, action: string, jobKey: string): string {
  return join(jobDirectory, `${action}-${jobKey}.state.json`);
}

/** The saved values; empty when the file does not exist or holds no JSON object of texts. */
export function readStateFile(path: string): Map<string, string> {
  if (!existsSync(path)) return new Map();
  try {
    const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
    if (!isRecord(parsed)) return new Map();
    return new Map(
      Object.entries(parsed).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
    );
  } catch {
    return new Map();
  }
}

/** Writes the values atomically with mode 0600 (a temporary file beside it, then renamed over it). */
export function writeStateFile(path: string, state: ReadonlyMap<string, string>): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const temp = join(
    dirname(path),
    `.${basename(path)}.${process.pid}.${nodeCrypto().randomBytes(4).toString('hex')}.tmp`,
  );
  const fd = openSync(temp, 'wx', 0o600);
  try {
    writeFileSync(fd, `${JSON.stringify(Object.fromEntries(state), null, 2)}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temp, path);
}

/** Removes the state file once its post step has undone everything. */
export function removeStateFile(path: string): void {
  rmSync(path, { force: true });
}
