// What a manifest document says, read from its text: one spelling per digest, and the images a manifest
// list / OCI image index references. Pure; used for listings and for the registry's own answers.
import { nodeCrypto } from '../node/builtins.ts';
import { isRecord } from '../types/is-record.ts';

const OCI_INDEX = 'application/vnd.oci.image.index.v1+json';
const DOCKER_MANIFEST_LIST = 'application/vnd.docker.distribution.manifest.list.v2+json';
const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
const DOCKER_MANIFEST = 'application/vnd.docker.distribution.manifest.v2+json';

/** Every manifest type, lists first: a registry given fewer may down-convert a list to one platform. */
export const MANIFEST_ACCEPT = [OCI_INDEX, DOCKER_MANIFEST_LIST, OCI_MANIFEST, DOCKER_MANIFEST].join(', ');

/** A digest in its one normal spelling: `sha256:` and 64 lower-case hex digits. */
export const SHA256_DIGEST = /^sha256:[0-9a-f]{64}$/;

/**
 * One spelling per digest, so equal digests compare equal: trimmed, lower case, and a bare 64-hex id
 * (the SWR spec's examples show bare hex) gets the `sha256:` prefix manifest lists use. '' stays ''.
 */
export function normalizeDigest(digest: string | null | undefined): string {
  // Asked once per listed tag, and nearly always already normal: then it is returned as it is.
  if (digest && SHA256_DIGEST.test(digest)) return digest;
  const text = (digest ?? '').trim().toLowerCase();
  return /^[0-9a-f]{64}$/.test(text) ? `sha256:${text}` : text;
}

/** The sha256 digest of a document's exact bytes, as registries name manifests. */
export function digestOf(text: string): string {
  return `sha256:${nodeCrypto().createHash('sha256').update(text, 'utf8').digest('hex')}`;
}

/** Digests listed in a manifest list / OCI index document (normalised); undefined when the text is not one. */
export function manifestListChildren(manifest: string | null | undefined): string[] | undefined {
  if (typeof manifest !== 'string' || manifest.trim() === '') return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(manifest);
  } catch {
    return undefined;
  }
  if (!isRecord(parsed)) return undefined;
  const manifests: unknown = parsed.manifests;
  if (!Array.isArray(manifests)) return undefined;
  const digests: string[] = [];
  for (const entry of manifests) {
    const digest: unknown = isRecord(entry) ? entry.digest : undefined;
    if (typeof digest !== 'string' || normalizeDigest(digest) === '') return undefined;
    digests.push(normalizeDigest(digest));
  }
  return digests;
}

/** A manifest as the registry served it: a list with its images, or a single image. */
export interface ManifestFacts {
  /** The manifest's own digest (normalised). */
  digest: string;
  /** The media type it was served as (Content-Type, else the document's mediaType). */
  mediaType: string;
  /** The images a list references; undefined for a single image. */
  children?: string[];
}

/**
 * Reads a served manifest: a list when its media type is one of the list types or its document has a
 * `manifests` array. undefined when the text is neither a list nor an image manifest.
 */
export function readManifestDocument(
  text: string,
  contentType: string | undefined,
  digest: string,
): ManifestFacts | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isRecord(parsed)) return undefined;
  const declared = parsed.mediaType;
  const served = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  const mediaType = served !== '' ? served : typeof declared === 'string' ? declared : '';
  const children = manifestListChildren(text);
  const isList = mediaType === OCI_INDEX || mediaType === DOCKER_MANIFEST_LIST || 'manifests' in parsed;
  if (isList) return children ? { digest, mediaType, children } : undefined;
  return 'config' in parsed || 'layers' in parsed || 'fsLayers' in parsed ? { digest, mediaType } : undefined;
}
