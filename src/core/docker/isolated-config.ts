import { join } from 'node:path';
import { nodeCrypto, nodeFsPromises } from '../node/builtins.ts';
import { isRecord } from '../types/is-record.ts';
import { writeFileAtomic } from './atomic-write.ts';
import { readConfigFile } from './config-file.ts';
import type { DockerConfig } from './docker-config.ts';

/** A per-job DOCKER_CONFIG directory this login created. */
export interface IsolatedConfig {
  dir: string;
  /** Digest of the config copied in ('' when there was none): logout removes an unchanged copy. */
  seedDigest: string;
  /** Entries of ~/.docker linked in (cli-plugins, buildx, contexts…), so plugins and builders still work. */
  links: string[];
}

/** Digest of a config's content whatever its key order and layout ('' for no file). */
function digestConfig(file: { exists: boolean; config: DockerConfig }): string {
  if (!file.exists) return '';
  const canonical = (value: unknown): unknown =>
    isRecord(value)
      ? Object.fromEntries(
          Object.keys(value)
            .sort()
            .map((key) => [key, canonical(value[key])]),
        )
      : value;
  return nodeCrypto()
    .createHash('sha256')
    .update(JSON.stringify(canonical(file.config)))
    .digest('hex');
}

async function listDir(dir: string): Promise<string[]> {
  try {
    return await nodeFsPromises().readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

/**
 * Creates a job's own config directory: config.json copied from `seedDir` (checked first, so a corrupt
 * one fails before anything is created) and every other entry of `seedDir` symlinked.
 */
export async function createIsolatedConfig(parent: string, seedDir: string): Promise<IsolatedConfig> {
  const { mkdir, mkdtemp, symlink } = nodeFsPromises();
  const seed = await readConfigFile(join(seedDir, 'config.json'));
  await mkdir(parent, { recursive: true });
  const dir = await mkdtemp(join(parent, 'docker-config-'));
  const links: string[] = [];
  for (const entry of await listDir(seedDir)) {
    if (entry === 'config.json' || entry.startsWith('.config.json.')) continue;
    await symlink(join(seedDir, entry), join(dir, entry));
    links.push(entry);
  }
  if (seed.exists) await writeFileAtomic(join(dir, 'config.json'), seed.text);
  return { dir, seedDigest: digestConfig(seed), links };
}

/**
 * Removes the directory when it holds only what createIsolatedConfig put there (config.json back to the
 * copied content, the links); true when removed. Anything else is left for the runner's cleanup.
 */
export async function removeIsolatedConfig(isolated: IsolatedConfig): Promise<boolean> {
  const { rmdir, unlink } = nodeFsPromises();
  const current = await readConfigFile(join(isolated.dir, 'config.json'));
  if (digestConfig(current) !== isolated.seedDigest) return false;
  const expected = new Set([...isolated.links, 'config.json']);
  const entries = await listDir(isolated.dir);
  if (!entries.every((entry) => expected.has(entry))) return false;
  for (const entry of entries) await unlink(join(isolated.dir, entry));
  await rmdir(isolated.dir);
  return true;
}

/** Makes sure a config directory exists (0700, like docker's). */
export async function ensureConfigDir(dir: string): Promise<void> {
  await nodeFsPromises().mkdir(dir, { recursive: true, mode: 0o700 });
}
