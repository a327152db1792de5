// A run's reads of one registry's manifests: the docker login is obtained on the first read only, each
// manifest is read once per run (it never changes under its digest), and a digest or name that cannot
// go into a v2 path is refused before any login is made for it.
import { pathSegment } from '../path/api-path.ts';
import type { ManifestFacts } from './manifest-document.ts';
import type { ManifestReader } from './manifest-reader.ts';
import { MANIFEST_DIGEST, REGISTRY_NAME } from './registry-path.ts';

/** Reads manifest `digest` of registry repository `name` (`namespace/repository`). */
export type ReadManifest = (name: string, digest: string) => Promise<ManifestFacts>;

/** `login` makes the reader (asking for a temporary login); it runs at most once, on the first read. */
export function manifestsOnce(login: () => Promise<ManifestReader>): ReadManifest {
  let reader: Promise<ManifestReader> | undefined;
  const read = new Map<string, Promise<ManifestFacts>>();
  return (name, digest) => {
    const key = `${name}@${digest}`;
    let facts = read.get(key);
    if (!facts) {
      facts = checked(name, digest).then(() => {
        reader ??= login();
        return reader.then((registry) => registry.read(name, digest));
      });
      read.set(key, facts);
    }
    return facts;
  };
}

/** Throws UnsafeNameError when the name or digest cannot go into `/v2/<name>/manifests/<digest>`. */
async function checked(name: string, digest: string): Promise<void> {
  pathSegment(name, REGISTRY_NAME);
  pathSegment(digest, MANIFEST_DIGEST);
}
