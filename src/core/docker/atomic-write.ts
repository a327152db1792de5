import { basename, dirname, join } from 'node:path';
import { nodeCrypto, nodeFsPromises } from '../node/builtins.ts';

/** Credentials are never written through a symbolic link: it could send them anywhere. */
class SymlinkRefusedError extends Error {
  override readonly name = 'SymlinkRefusedError';
}

/** Throws when `path` is a symbolic link; a missing file is fine. */
async function refuseSymlink(path: string): Promise<void> {
  const { lstat, realpath } = nodeFsPromises();
  const stat = await lstat(path).catch(() => undefined);
  if (!stat?.isSymbolicLink()) return;
  const target = await realpath(path).catch(() => 'a missing file');
  throw new SymlinkRefusedError(
    `${path} is a symbolic link (to ${target}): credentials are written only into a regular file, never ` +
      'through a link. Replace the link with a regular file, or set DOCKER_CONFIG to a directory without one.',
  );
}

/**
 * Writes a file atomically with mode 0600: a temporary file beside it, flushed, then renamed over it,
 * so a reader (or a concurrent job) sees the old content or the new, never half of it. A symbolic link
 * at `path` is refused (and a link made after the check is replaced by the rename, never followed).
 */
export async function writeFileAtomic(path: string, text: string): Promise<void> {
  const { open, rename, rm } = nodeFsPromises();
  await refuseSymlink(path);
  const target = path;
  const temp = join(
    dirname(target),
    `.${basename(target)}.${process.pid}.${nodeCrypto().randomBytes(4).toString('hex')}.tmp`,
  );
  const handle = await open(temp, 'wx', 0o600);
  try {
    await handle.writeFile(text);
    await handle.chmod(0o600);
    await handle.sync();
  } catch (error) {
    await handle.close();
    await rm(temp, { force: true });
    throw error;
  }
  await handle.close();
  try {
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
