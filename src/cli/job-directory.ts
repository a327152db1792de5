// The CLI's directory for a job's own files (state files, per-job docker configs): one per user under the
// system temp directory, created 0700 and refused when it is not a directory of ours that only we can
// read, since /tmp is shared and a directory planted there could collect credentials.
import { lstatSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

class JobDirectoryError extends Error {
  override readonly name = 'JobDirectoryError';
}

/** `$TMPDIR/registry-actions-<uid>`. */
export function jobDirectoryPath(uid: number = process.getuid?.() ?? 0, temp: string = tmpdir()): string {
  return join(temp, `registry-actions-${uid}`);
}

/** Creates the directory if needed and checks it is ours alone; returns its path. */
export function ensureJobDirectory(path: string = jobDirectoryPath()): string {
  mkdirSync(path, { recursive: true, mode: 0o700 });
  const stat = lstatSync(path);
  const uid = process.getuid?.();
  if (!stat.isDirectory() || (uid !== undefined && stat.uid !== uid) || (stat.mode & 0o077) !== 0) {
    throw new JobDirectoryError(
      `${path} is not a directory that only this user can read (it is a link, another user's, or open to ` +
        'others), so no state or credential is written there. Remove it, or set TMPDIR to a private directory.',
    );
  }
  return path;
}
