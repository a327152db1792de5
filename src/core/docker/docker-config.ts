// The Docker CLI's config.json (also read by buildx, podman, buildah, skopeo, crane and kaniko).
// Only the fields login touches are typed; every other field is kept as it was.
import { isRecord } from '../types/is-record.ts';

/** A parsed config.json: `auths`, `credHelpers`, `credsStore` checked, other fields kept verbatim. */
export interface DockerConfig {
  auths?: Record<string, Record<string, unknown>>;
  credHelpers?: Record<string, string>;
  credsStore?: string;
  [field: string]: unknown;
}

/** config.json could not be read as a Docker config; the file was left untouched. */
export class DockerConfigError extends Error {
  override readonly name = 'DockerConfigError';
  readonly path: string;

  constructor(path: string, problem: string) {
    super(
      `${path} ${problem}, so it was left untouched. Fix or remove the file (docker would fail on it too), ` +
        'then run the step again.',
    );
    this.path = path;
  }
}

/**
 * Parses config.json text. An empty file is an empty config, as for docker. The JSON parser's own
 * message is not repeated: it quotes the file's content, which holds other registries' credentials.
 */
export function parseDockerConfig(text: string, path: string): DockerConfig {
  if (text.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new DockerConfigError(path, 'is not valid JSON');
  }
  if (!isRecord(parsed)) throw new DockerConfigError(path, 'does not hold a JSON object');
  const { auths, credHelpers, credsStore } = parsed;
  if (auths !== undefined && !(isRecord(auths) && Object.values(auths).every(isRecord))) {
    throw new DockerConfigError(path, 'has an "auths" field that is not an object of objects');
  }
  if (
    credHelpers !== undefined &&
    !(isRecord(credHelpers) && Object.values(credHelpers).every((v) => typeof v === 'string'))
  ) {
    throw new DockerConfigError(path, 'has a "credHelpers" field that is not an object of strings');
  }
  if (credsStore !== undefined && typeof credsStore !== 'string') {
    throw new DockerConfigError(path, 'has a "credsStore" field that is not a string');
  }
  return parsed as DockerConfig;
}

/** Serialises a config the way the Docker CLI does (tab-indented JSON). */
export function serializeDockerConfig(config: DockerConfig): string {
  return `${JSON.stringify(config, null, '\t')}\n`;
}

/** The `auth` field value: base64 of `username:password`. */
export function encodeAuth(username: string, password: string): string {
  return Buffer.from(`${username}:${password}`).toString('base64');
}
