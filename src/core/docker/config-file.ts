import { nodeFsPromises } from '../node/builtins.ts';
import { type DockerConfig, parseDockerConfig } from './docker-config.ts';

export interface ConfigFileContent {
  exists: boolean;
  text: string;
  config: DockerConfig;
}

/** Reads and parses config.json; a missing file is an empty config. Throws DockerConfigError. */
export async function readConfigFile(path: string): Promise<ConfigFileContent> {
  let text: string;
  try {
    text = await nodeFsPromises().readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { exists: false, text: '', config: {} };
    throw error;
  }
  return { exists: true, text, config: parseDockerConfig(text, path) };
}
